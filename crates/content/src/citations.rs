//! Claim-level citations. In Markdown a citation is `[@id]`, placed before the sentence's
//! final punctuation (`42 in 100 had a remission [@felix].`), or in the table cell that
//! holds the number; `id` names one of the page's `[[sources]]`. The compiler
//!
//! - rejects a sentence, list item or table row that states a statistic (a percentage,
//!   "N in 100", "N out of N", a money amount) without a citation, the way NCI's PDQ
//!   summaries cite each statement;
//! - rejects a citation whose id the page does not list;
//! - turns each marker into a typed node (`Inline::Cite { n }`, the source's number), which
//!   the app draws as a numbered link to the source list.

use cart_model::{Block, Inline};

/// `(line, reason)` for each uncited statistic and each citation of an unlisted source, in
/// a body whose first line is `first_line`. `ids` are the page's source ids, in list order.
pub fn check(body: &str, first_line: usize, ids: &[String]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (line, unit) in units(body, first_line) {
        for id in markers(&unit) {
            if !ids.iter().any(|known| known == id) {
                found.push((line, format!("citation [@{id}] names no source of this page: add it to [[sources]] with id = \"{id}\"")));
            }
        }
        for sentence in sentences(&unit) {
            if let Some(stat) = statistic(sentence) {
                if markers(sentence).next().is_none() {
                    found.push((line, format!("\"{stat}\" is a statistic without a citation: add [@source-id] before the sentence's end")));
                }
            }
        }
    }
    found
}

/// The body cut into what is checked as one: a paragraph (its lines joined), a list item, a
/// table row. Headings and table captions are titles, not claims.
fn units(body: &str, first_line: usize) -> Vec<(usize, String)> {
    let mut units: Vec<(usize, String)> = Vec::new();
    let mut open = false;
    for (i, raw) in body.lines().enumerate() {
        let line = raw.trim().trim_start_matches('>').trim();
        let starts_unit = line.starts_with('|') || line.starts_with("- ") || line.starts_with("* ") || starts_numbered(line);
        if line.is_empty() || line.starts_with('#') || line.starts_with("Table:") || line.starts_with("[!") {
            open = false;
        } else if open && !starts_unit {
            if let Some((_, text)) = units.last_mut() {
                text.push(' ');
                text.push_str(line);
            }
        } else {
            units.push((first_line + i, line.to_string()));
            open = !line.starts_with('|');
        }
    }
    units
}

fn starts_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(". ")
}

/// Sentences of a unit; a table row is one.
fn sentences(unit: &str) -> Vec<&str> {
    if unit.starts_with('|') {
        return vec![unit];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = unit.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let ends = matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|n| *n == b' ');
        if ends {
            out.push(&unit[start..=i]);
            start = i + 1;
        }
    }
    if start < unit.len() {
        out.push(&unit[start..]);
    }
    out
}

/// The ids of the `[@id]` markers in a text.
fn markers(text: &str) -> impl Iterator<Item = &str> {
    text.split("[@").skip(1).filter_map(|rest| rest.split_once(']').map(|(id, _)| id))
}

/// The first statistic a sentence states, if any.
pub fn statistic(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        // Every statistic starts at a word with a digit in it; most words have none.
        if !w.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let bare = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '%' && c != '$' && c != '.' && c != ',');
        let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && s.starts_with(|c: char| c.is_ascii_digit());
        let next = |k: usize| words.get(i + k).map(|s| s.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != ',')).unwrap_or("");
        if bare.starts_with('$') && bare[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some(bare.to_string());
        }
        if bare.ends_with('%') && number(&bare[..bare.len() - 1]) || number(bare) && next(1) == "percent" {
            return Some(bare.to_string());
        }
        if number(bare) && next(1) == "in" && number(next(2)) {
            return Some(format!("{bare} in {}", next(2)));
        }
        if number(bare) && next(1) == "out" && next(2) == "of" && number(next(3)) {
            return Some(format!("{bare} out of {}", next(3)));
        }
        // Spanish: "40 %", "40 por ciento", "8 de cada 10", "373.000 dólares".
        let raw_next = words.get(i + 1).copied().unwrap_or("");
        if number(bare) && (raw_next.starts_with('%') || next(1) == "por" && next(2) == "ciento") {
            return Some(format!("{bare} %"));
        }
        if number(bare) && next(1) == "de" && next(2) == "cada" && number(next(3)) {
            return Some(format!("{bare} de cada {}", next(3)));
        }
        if number(bare) && next(1).starts_with("dólar") {
            return Some(format!("{bare} dólares"));
        }
    }
    None
}

/// Replaces every `[@id]` in the blocks' text with a `Cite` node numbered by the id's place
/// in `ids` (from 1). Unknown ids were reported by `check`; they are dropped here.
pub fn link(blocks: &mut [Block], ids: &[String]) {
    cart_model::for_each_inlines_mut(blocks, &mut |content| link_inlines(content, ids));
}

fn link_inlines(content: &mut Vec<Inline>, ids: &[String]) {
    let mut out = Vec::with_capacity(content.len());
    for inline in content.drain(..) {
        match inline {
            Inline::Text(text) if text.contains("[@") => split_markers(&text, ids, &mut out),
            Inline::Strong { mut content } => {
                link_inlines(&mut content, ids);
                out.push(Inline::Strong { content });
            }
            Inline::Emphasis { mut content } => {
                link_inlines(&mut content, ids);
                out.push(Inline::Emphasis { content });
            }
            other => out.push(other),
        }
    }
    *content = out;
}

/// Text with markers as text and `Cite` nodes; the space before a marker goes with it.
fn split_markers(text: &str, ids: &[String], out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some(start) = rest.find("[@") {
        let Some(len) = rest[start..].find(']') else { break };
        let id = &rest[start + 2..start + len];
        let before = rest[..start].trim_end_matches(' ');
        if !before.is_empty() {
            out.push(Inline::Text(before.to_string()));
        }
        if let Some(i) = ids.iter().position(|known| known == id) {
            out.push(Inline::Cite { n: i as u32 + 1 });
        }
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        vec!["label".into(), "trial".into()]
    }

    #[test]
    fn statistics_are_found() {
        for (s, stat) in [
            ("Of these, 42 in 100 had a remission.", "42 in 100"),
            ("About 1 in 10,000 cells.", "1 in 10,000"),
            ("CRS happened in 94% of people.", "94%"),
            ("It cost $475,000 in 2017.", "$475,000"),
            ("8 out of 10 people responded.", "8 out of 10"),
            ("El SLC ocurrió en el 94 % de las personas.", "94 %"),
            ("8 de cada 10 personas respondieron.", "8 de cada 10"),
            ("Cuesta unos 373.000 dólares.", "373.000 dólares"),
            ("| ZUMA-1 | Yescarta | 82 in 100 |", "82 in 100"),
        ] {
            assert_eq!(statistic(s).as_deref(), Some(stat), "{s}");
        }
        for s in ["It takes 2 to 4 weeks.", "Call 911.", "Day 1 and Day 10.", "Stage 4 in some people.", "Approved in 2017."] {
            assert_eq!(statistic(s), None, "{s}");
        }
    }

    #[test]
    fn an_uncited_statistic_is_rejected_with_its_line() {
        let body = "Intro.\n\nIn the trial, 42 in 100 had a remission. More text [@trial].\n";
        let found = check(body, 10, &ids());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 12);
        assert!(found[0].1.contains("42 in 100"), "{}", found[0].1);
    }

    #[test]
    fn cited_statistics_pass_in_sentences_lists_and_tables() {
        let body = "In the trial, 42 in 100 had a remission [@trial]. Then more.\n\n- 75% had CRS [@label]\n\n| A | 82 in 100 [@trial] |\n\nA paragraph that goes on\nto say 3 in 10 did well [@trial].\n";
        assert_eq!(check(body, 1, &ids()), vec![]);
    }

    #[test]
    fn a_citation_of_an_unlisted_source_is_rejected() {
        let found = check("It helped 42 in 100 [@nope].\n", 1, &ids());
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("[@nope]"), "{}", found[0].1);
    }

    #[test]
    fn markers_become_numbered_nodes() {
        let mut blocks = vec![Block::Paragraph { content: vec![Inline::text("Most, 42 in 100 [@trial][@label].")] }];
        link(&mut blocks, &ids());
        let Block::Paragraph { content } = &blocks[0] else { panic!() };
        assert_eq!(content, &vec![Inline::text("Most, 42 in 100"), Inline::Cite { n: 2 }, Inline::Cite { n: 1 }, Inline::text(".")]);
    }
}
