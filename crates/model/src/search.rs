//! Full-text search: what the search page asks and gets back, and the words that mean the same
//! thing. The engine is Pagefind (its index is written at build by `scripts/search-index.mjs`
//! from the prerendered pages; `public/search.js` runs it in the browser and answers the app in
//! the shapes below). Everything here is pure, so the app, the compiler and the tests share it.

use crate::{CancerType, Lang};
use serde::{Deserialize, Serialize};

/// The query parameter holding the words (`/search?q=driving&type=lymphoma`).
pub const QUERY_KEY: &str = "q";
/// Results shown at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 10;
/// Shortest query searched: one letter matches nearly every page (at 10,000 articles it takes
/// Pagefind half a second to rank them) and helps nobody.
pub const MIN_QUERY_CHARS: usize = 2;
/// Whether the words are enough to search for.
pub fn searchable(query: &str) -> bool {
    query.trim().chars().count() >= MIN_QUERY_CHARS
}
/// Longest query the page passes on; longer input is cut (a pasted page is not a question).
pub const MAX_QUERY_CHARS: usize = 200;

/// Words that name the same thing, for one edition (`data/search.json`, from the product facts
/// and the cancer types' names). The indexer adds a group's other names to every page that
/// names one of them, so each finds the pages that use another.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug, Default)]
pub struct SearchDoc {
    pub schema: u32,
    pub synonyms: Vec<Vec<String>>,
}

/// What the app asks the engine (`cartHubSearch.search`, as JSON).
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct SearchRequest<'a> {
    /// The words, acronyms expanded (see `expand_query`).
    pub query: &'a str,
    /// Cancer-type slugs; a result must have any of them (none: no filter).
    pub types: Vec<&'static str>,
    /// How many results to describe, from the best.
    pub limit: usize,
}

/// The engine's answer.
#[derive(Deserialize, Clone, PartialEq, Debug, Default)]
pub struct SearchAnswer {
    /// Every match, of which `results` describes the first `limit`.
    pub total: usize,
    pub results: Vec<SearchHit>,
}

/// One result, described from the index (the page itself is not fetched).
#[derive(Deserialize, Clone, PartialEq, Debug)]
pub struct SearchHit {
    /// The page's URL as indexed (base and edition included; a glossary term ends in `#slug`).
    pub url: String,
    pub title: String,
    /// `article`, `topic` or `glossary`.
    pub kind: String,
    /// Cancer-type slugs.
    #[serde(default)]
    pub types: Vec<String>,
    /// The excerpt as text runs; `true` marks the words that matched.
    #[serde(default)]
    pub excerpt: Vec<(String, bool)>,
}

/// The kinds of record in the index, as their filter values.
pub const KINDS: [&str; 3] = ["article", "topic", "glossary"];

/// A cancer type's acronym and its spelled-out name, when its chip is an acronym ("ALL" and
/// "acute lymphoblastic leukemia"; "LLA" and "leucemia linfoblástica aguda").
pub fn type_acronym(t: CancerType, lang: Lang) -> Option<(&'static str, String)> {
    let chip = t.label(lang);
    let is_acronym = chip.len() >= 2 && chip.chars().all(|c| c.is_ascii_uppercase());
    let full = t.full_name(lang);
    let spelled = full.strip_suffix(&format!(" ({chip})")).unwrap_or(full);
    (is_acronym && spelled != chip).then(|| (chip, spelled.to_string()))
}

/// The query as the engine should see it: an acronym typed in capitals ("ALL") becomes its
/// spelled-out name, since the engine folds case (so this need not) and "all" is an everyday
/// word. Trimmed and
/// cut to `MAX_QUERY_CHARS`.
pub fn expand_query(query: &str, lang: Lang) -> String {
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    let acronyms: Vec<(&str, String)> = CancerType::EVERY.into_iter().filter_map(|t| type_acronym(t, lang)).collect();
    query
        .split_whitespace()
        .map(|word| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            acronyms.iter().find(|(a, _)| *a == bare).map_or(word.to_string(), |(_, full)| full.clone())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The synonym groups for an edition: each product's brand and generic name, and each
/// acronym chip with its spelled-out name.
pub fn synonym_groups<'a>(products: impl Iterator<Item = (&'a str, &'a str)>, lang: Lang) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = products.map(|(brand, generic)| vec![brand.to_string(), generic.to_string()]).collect();
    groups.extend(CancerType::EVERY.into_iter().filter_map(|t| type_acronym(t, lang)).map(|(a, full)| vec![a.to_string(), full]));
    groups
}

/// A value for a URL's query: unreserved ASCII as is, every other byte of its UTF-8 as `%XX`.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_in_capitals_are_spelled_out_in_each_language() {
        assert_eq!(expand_query("ALL relapse", Lang::En), "Acute lymphoblastic leukemia relapse");
        assert_eq!(expand_query("  LLA  ", Lang::Es), "Leucemia linfoblástica aguda");
        // An everyday word is left alone.
        assert_eq!(expand_query("all of it", Lang::En), "all of it");
        assert_eq!(expand_query("driving", Lang::En), "driving");
    }

    #[test]
    fn only_acronym_chips_make_groups() {
        let groups = synonym_groups([("Kymriah", "tisagenlecleucel")].into_iter(), Lang::En);
        assert_eq!(groups, vec![
            vec!["Kymriah".to_string(), "tisagenlecleucel".into()],
            vec!["ALL".to_string(), "Acute lymphoblastic leukemia".into()],
        ]);
    }

    #[test]
    fn search_urls_hold_the_words_and_the_types() {
        use crate::Page;
        assert_eq!(Page::search_for(" médula ósea ", &[]), "/search?q=m%C3%A9dula%20%C3%B3sea");
        assert_eq!(Page::search_for("a&b=c", &[CancerType::Myeloma, CancerType::Lymphoma]), "/search?q=a%26b%3Dc&type=lymphoma,myeloma");
        assert_eq!(Page::search_for("", &[CancerType::All]), "/search?type=all");
        assert_eq!(Page::parse("/search"), Some(Page::Search));
        assert!(!Page::Search.listed());
    }

    #[test]
    fn one_letter_is_not_searched() {
        assert!(!searchable(" t "));
        assert!(searchable("tó"));
        assert!(!searchable(""));
    }

    #[test]
    fn long_queries_are_cut() {
        assert_eq!(expand_query(&"a".repeat(500), Lang::En).len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn answers_read_from_the_engine() {
        let answer: SearchAnswer = serde_json::from_str(
            r#"{"total":2,"results":[{"url":"/es/glossary#cd19","title":"CD19","kind":"glossary","excerpt":[["Una ",false],["proteína",true]]}]}"#,
        )
        .unwrap();
        assert_eq!(answer.total, 2);
        assert_eq!(answer.results[0].excerpt[1], ("proteína".to_string(), true));
        assert!(answer.results[0].types.is_empty());
    }
}
