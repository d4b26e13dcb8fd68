//! The numbers a text states in digits, so a translation can be checked to state the same
//! ones: every percentage, "N in 100", date, price, dose and count. Each language writes
//! them its own way ("1,000.5" in English, "1.000,5" in Spanish); they are compared as values.

use cart_model::{for_each_inlines, Block, Inline, Lang};
use std::collections::BTreeSet;

/// The separators a language groups thousands with and marks decimals with.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Es => ('.', ','),
    }
}

/// Every number written in digits in `text`, normalised ("2", "2.5", "373000").
pub fn in_text(text: &str, lang: Lang) -> BTreeSet<String> {
    let text = strip_markers(text);
    let chars: Vec<char> = text.chars().collect();
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // Digits, with single separators between digits.
        while i < chars.len() && (chars[i].is_ascii_digit() || (matches!(chars[i], ',' | '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit))) {
            i += 1;
        }
        found.insert(normalise(&chars[start..i].iter().collect::<String>(), lang));
    }
    found
}

/// Citation markers name sources by id (`[@fda-kymriah-2017]`): not numbers the reader reads.
fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[@") {
        out.push_str(&rest[..at]);
        rest = rest[at..].find(']').map_or("", |end| &rest[at + end + 1..]);
    }
    out.push_str(rest);
    out
}

fn normalise(raw: &str, lang: Lang) -> String {
    let (group, decimal) = separators(lang);
    let parts: Vec<&str> = raw.split([',', '.']).collect();
    let seps: Vec<char> = raw.chars().filter(|c| matches!(c, ',' | '.')).collect();
    // Thousands groups: every separator is the group mark and every later part has 3 digits.
    let grouped = !seps.is_empty() && seps.iter().all(|&c| c == group) && parts[1..].iter().all(|p| p.len() == 3);
    let (int, frac) = if seps.is_empty() {
        (raw.to_string(), String::new())
    } else if grouped {
        (parts.concat(), String::new())
    } else if seps.len() == 1 && seps[0] == decimal {
        (parts[0].to_string(), parts[1].to_string())
    } else if seps.len() >= 2 && seps[..seps.len() - 1].iter().all(|&c| c == group) && seps[seps.len() - 1] == decimal {
        (parts[..parts.len() - 1].concat(), parts[parts.len() - 1].to_string())
    } else {
        // Not a well-formed number in this language ("1.000" meant as a thousand in English
        // text): kept as written, so a mismatch shows.
        return raw.to_string();
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
}

/// The numbers of a page's words: its front-matter texts and every block of its body.
pub fn in_page(texts: &[&str], body: &[Block], lang: Lang) -> BTreeSet<String> {
    let mut found: BTreeSet<String> = texts.iter().flat_map(|t| in_text(t, lang)).collect();
    let mut add = |s: &str| found.extend(in_text(s, lang));
    for_each_inlines(body, &mut |inlines: &[Inline]| add(&Inline::plain_text(inlines)));
    visit_strings(body, &mut add);
    found
}

/// The texts the inline walk does not reach: table captions and figure alternatives.
fn visit_strings(blocks: &[Block], f: &mut impl FnMut(&str)) {
    for b in blocks {
        match b {
            Block::Table { caption, .. } => f(caption),
            Block::Figure { alt, .. } => f(alt),
            Block::List { items, .. } => items.iter().for_each(|i| visit_strings(i, f)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => visit_strings(blocks, f),
            Block::Heading { .. } | Block::Paragraph { .. } => {}
        }
    }
}

/// What one side states and the other does not, for the error message.
pub fn difference(original: &BTreeSet<String>, translation: &BTreeSet<String>) -> Option<String> {
    let missing: Vec<&str> = original.difference(translation).map(String::as_str).collect();
    let extra: Vec<&str> = translation.difference(original).map(String::as_str).collect();
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        parts.push(format!("not in the original {}", extra.join(", ")));
    }
    Some(parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_language_writes_numbers_its_own_way() {
        let en = in_text("About $373,000; 31.5% of 1,000 people; 8 out of 10; on 16 February 2024 [@fda-kymriah-2017].", Lang::En);
        let es = in_text("Unos 373.000 dólares; el 31,5 % de 1.000 personas; 8 de cada 10; el 16 de febrero de 2024 [@fda-kymriah-2017].", Lang::Es);
        assert_eq!(en, set(&["373000", "31.5", "1000", "8", "10", "16", "2024"]));
        assert_eq!(en, es);
    }

    #[test]
    fn a_changed_or_dropped_number_is_told() {
        let en = in_text("CRS happened in 94 in 100 people, 2 weeks after.", Lang::En);
        let es = in_text("El SLC ocurrió en 49 de cada 100 personas.", Lang::Es);
        assert_eq!(difference(&en, &es).as_deref(), Some("missing 2, 94; not in the original 49"));
    }

    #[test]
    fn english_separators_in_spanish_text_do_not_pass_as_the_same_value() {
        assert_eq!(in_text("10,000", Lang::En), set(&["10000"]));
        assert_ne!(in_text("10,000", Lang::Es), set(&["10000"]));
        assert_eq!(in_text("100.4 °F", Lang::En), in_text("100,4 °F", Lang::Es));
        assert_eq!(in_text("HLA-A*02", Lang::En), set(&["2"]));
    }
}
