//! Claims that are wrong for some readers. Two kinds stop the build:
//! - a rule from before June 2025 stated as today's rule (historical wording such as "used to",
//!   "before June 2025" or "changed" is allowed: explaining the change is useful);
//! - the 2-week stay-near or no-driving rule stated for everyone. It came with the June 2025 REMS
//!   removal for six products; Aucatzyl never had a REMS and its label keeps longer limits, so a
//!   section that states the 2-week rule must name the products it is for or mention Aucatzyl.

/// A sentence states the rule when it has one of the `when` words and one of the `and` words.
struct Rule {
    reason: &'static str,
    when: &'static [&'static str],
    and: &'static [&'static str],
}

impl Rule {
    fn matches(&self, sentence: &str) -> bool {
        any(sentence, self.when) && any(sentence, self.and)
    }
}

const HISTORICAL: &[&str] = &[
    "used to", "before", "changed", "change", "was ", "were ", "no longer", "until", "old rule", "removed", "eliminated",
    "earlier", "previous", "dropped", "had to", "in the past", "shortened", "cut ",
    // Spanish
    "antes", "cambió", "cambio", "era ", "eran ", "ya no", "hasta ", "regla anterior", "eliminó", "eliminada", "quitó",
    "anterior", "tenía que", "tenían que", "en el pasado", "acortó",
];

/// Wording that ties a stay-near or driving limit to a product, so the longer limits are not
/// mistaken for an outdated rule for everyone.
const PRODUCT_SPECIFIC: &[&str] = &[
    "aucatzyl", "obecabtagene", "depending on the product", "depends on the product", "según el producto", "depende del producto",
    "dependiendo del producto",
];

/// The six products whose limits became 2 weeks in June 2025.
const SIX: &[&str] = &["abecma", "breyanzi", "carvykti", "kymriah", "tecartus", "yescarta"];

fn any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

const RULES: &[Rule] = &[
    Rule {
        reason: "states the pre-June-2025 rule of staying near the treatment center for 4 weeks as current (it is 2 weeks since the REMS was removed, except for Aucatzyl: name the product)",
        when: &["4 weeks", "four weeks", "4-week", "four-week", "28 days", "4 semanas", "cuatro semanas", "28 días"],
        and: &["stay", "near", "close to", "within", "cerca", "quedar", "permanecer"],
    },
    Rule {
        reason: "states the pre-June-2025 rule of not driving for 8 weeks as current (it is 2 weeks since the REMS was removed, except for Aucatzyl: name the product)",
        when: &["8 weeks", "eight weeks", "8-week", "eight-week", "two months", "2 months", "8 semanas", "ocho semanas", "dos meses", "2 meses"],
        and: &["driv", "manej", "conduc"],
    },
    Rule {
        reason: "describes the CAR-T REMS as current (the FDA removed it on 26 June 2025)",
        when: &["rems"],
        and: &["requires", "require ", "must be certified", "is required", "are required", "under a rems", "through a rems", "requiere", "exige", "obligatori"],
    },
];

/// A sentence that gives the 2-week limit for staying near the center or for driving.
const TWO_WEEK: Rule = Rule {
    reason: TWO_WEEK_RULE,
    when: &["2 weeks", "two weeks", "**2 weeks**", "2 semanas", "dos semanas"],
    and: &["stay", "near", "close to", "nearby", "driv", "cerca", "quedar", "permanecer", "manej", "conduc"],
};

const HONCODE: &str = "honcode";

/// Every word some rule needs, found in one pass: most lines have none, and are passed over
/// without trying each rule on each sentence.
fn has_trigger(line: &str) -> bool {
    static TRIGGERS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    let words = || RULES.iter().chain([&TWO_WEEK]).flat_map(|r| r.when.iter().copied()).chain([HONCODE]);
    match TRIGGERS.get_or_init(|| aho_corasick::AhoCorasick::new(words()).ok()) {
        Some(triggers) => triggers.is_match(line),
        None => true, // (the fixed word list always builds) every line is checked in full
    }
}

const TWO_WEEK_RULE: &str = "states the 2-week stay-near or no-driving rule for every product: it applies to the six products of the June 2025 change, and Aucatzyl's label keeps longer limits; name the products or mention Aucatzyl in the same section";

/// Checks a Markdown body line by line and sentence by sentence; returns (line, reason).
pub fn outdated(body: &str, first_line: usize) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    let lines: Vec<String> = body.lines().map(str::to_lowercase).collect();
    for (i, lower) in lines.iter().enumerate().filter(|(_, l)| has_trigger(l)) {
        if lower.contains(HONCODE) {
            found.push((first_line + i, "mentions HONcode, which closed in December 2022: never show or cite it"));
        }
        for sentence in lower.split_inclusive(['.', '!', '?']) {
            if any(sentence, HISTORICAL) || any(sentence, PRODUCT_SPECIFIC) {
                continue;
            }
            for rule in RULES {
                if rule.matches(sentence) {
                    found.push((first_line + i, rule.reason));
                }
            }
        }
    }
    found.extend(two_week_rule_for_all(&lines, first_line));
    found
}

/// Sections (from one heading to the next) that state the 2-week limit without naming the
/// products it is for and without a word about Aucatzyl.
fn two_week_rule_for_all(lines: &[String], first_line: usize) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len()).find(|&j| lines[j].starts_with('#')).unwrap_or(lines.len());
        let section = &lines[start..end];
        let candidate = section.iter().any(|l| has_trigger(l));
        if candidate && !section.iter().any(|l| any(l, PRODUCT_SPECIFIC)) {
            for (k, line) in section.iter().enumerate() {
                let general = line
                    .split_inclusive(['.', '!', '?'])
                    .any(|s| TWO_WEEK.matches(s) && !any(s, SIX) && !any(s, HISTORICAL));
                if general {
                    found.push((first_line + start + k, TWO_WEEK.reason));
                }
            }
        }
        start = end;
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
            "After Abecma or Carvykti, stay near your treatment center for at least 2 weeks.",
            "After Kymriah, do not drive for 2 weeks after your infusion.",
            "After Aucatzyl, stay near the center for at least 4 weeks and do not drive for at least 8 weeks.",
            "You will stay nearby for 2 to 4 weeks, depending on the product.",
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

    #[test]
    fn the_spanish_rules_are_caught_too() {
        for bad in [
            "Debe quedarse cerca del centro durante 4 semanas después de la infusión.",
            "No maneje durante 8 semanas.",
            "Tiene que quedarse cerca de su centro al menos 2 semanas.",
        ] {
            assert!(!outdated(bad, 1).is_empty(), "{bad}");
        }
        for good in [
            "Después de Kymriah o Tecartus, quédese cerca del centro al menos 2 semanas.",
            "Después de Aucatzyl, quédese cerca al menos 4 semanas y no maneje al menos 8 semanas.",
            "Hasta junio de 2025, la regla era 4 semanas cerca del centro.",
        ] {
            assert!(outdated(good, 1).is_empty(), "{good}");
        }
    }

    #[test]
    fn the_two_week_rule_for_everyone_is_caught() {
        for bad in [
            "You need to stay near your treatment center for at least 2 weeks.",
            "## After\n\nThe patient must not drive for at least **2 weeks** after the infusion.",
            "- stay close to your center for at least 2 weeks\n- not drive for at least 2 weeks",
        ] {
            assert!(!outdated(bad, 1).is_empty(), "{bad}");
        }
    }

    #[test]
    fn a_section_that_mentions_aucatzyl_may_give_the_two_week_rule() {
        let body = "## After\n\nFor most products, stay near the center for at least 2 weeks.\n\n> Aucatzyl is different: at least 4 weeks.\n\n## Later\n\nFine.\n";
        assert!(outdated(body, 1).is_empty());
        let other_section = "## After\n\nAucatzyl is different.\n\n## Later\n\nStay near the center for at least 2 weeks.\n";
        assert_eq!(outdated(other_section, 1), vec![(7, super::TWO_WEEK_RULE)]);
    }
}
