//! Claims that were true before a rule changed. Stated as today's rule they would mislead a
//! patient, so they stop the build. Historical wording ("used to", "before June 2025",
//! "changed", ...) is allowed: explaining the change is useful.

struct Rule {
    reason: &'static str,
    matches: fn(&str) -> bool,
}

const HISTORICAL: &[&str] = &[
    "used to", "before", "changed", "change", "was ", "were ", "no longer", "until", "old rule", "removed", "eliminated",
    "earlier", "previous", "dropped", "had to", "in the past", "shortened", "cut ",
];

fn any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

const RULES: &[Rule] = &[
    Rule {
        reason: "states the pre-June-2025 rule of staying near the treatment center for 4 weeks as current (it is 2 weeks since the REMS was removed)",
        matches: |s| any(s, &["4 weeks", "four weeks", "4-week", "four-week", "28 days"]) && any(s, &["stay", "near", "close to", "within"]),
    },
    Rule {
        reason: "states the pre-June-2025 rule of not driving for 8 weeks as current (it is 2 weeks since the REMS was removed)",
        matches: |s| any(s, &["8 weeks", "eight weeks", "8-week", "eight-week", "two months", "2 months"]) && s.contains("driv"),
    },
    Rule {
        reason: "describes the CAR-T REMS as current (the FDA removed it on 26 June 2025)",
        matches: |s| s.contains("rems") && any(s, &["requires", "require ", "must be certified", "is required", "are required", "under a rems", "through a rems"]),
    },
];

/// Checks a Markdown body line by line and sentence by sentence; returns (line, reason).
pub fn outdated(body: &str, first_line: usize) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let lower = line.to_lowercase();
        if lower.contains("honcode") {
            found.push((first_line + i, "mentions HONcode, which closed in December 2022: never show or cite it"));
        }
        for sentence in lower.split_inclusive(['.', '!', '?']) {
            if any(sentence, HISTORICAL) {
                continue;
            }
            for rule in RULES {
                if (rule.matches)(sentence) {
                    found.push((first_line + i, rule.reason));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::outdated;

    #[test]
    fn old_rules_stated_as_current_are_caught() {
        for bad in [
            "You must stay within 2 hours of the center for 4 weeks after infusion.",
            "Plan to stay near your treatment center for four weeks.",
            "Do not drive for 8 weeks after your infusion.",
            "You should not drive or use heavy machines for eight weeks.",
            "Hospitals must be certified under a REMS to give CAR-T.",
            "The REMS requires centers to keep tocilizumab on site.",
            "Look for the HONcode badge.",
        ] {
            assert_eq!(outdated(bad, 1).len(), 1, "{bad}");
        }
    }

    #[test]
    fn todays_rules_and_history_pass() {
        for ok in [
            "Stay near your treatment center for at least 2 weeks.",
            "Do not drive for 2 weeks after your infusion.",
            "Until June 2025 the rule was 4 weeks near the center and 8 weeks without driving.",
            "The FDA removed the REMS in June 2025.",
            "Before the change, you had to stay close for four weeks.",
            "Side effects can last 4 weeks or longer.",
        ] {
            assert!(outdated(ok, 1).is_empty(), "{ok}");
        }
    }

    #[test]
    fn the_line_is_reported() {
        let body = "Fine.\n\nDo not drive for 8 weeks.\n";
        assert_eq!(outdated(body, 10), vec![(12, outdated("Do not drive for 8 weeks.", 0)[0].1)]);
    }
}
