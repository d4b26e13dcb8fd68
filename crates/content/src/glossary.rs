//! The glossary: `content/glossary.toml` to `data/glossary.json`, and a link from each
//! article to a term's definition where the term first appears.

use crate::error::{ContentError, Result};
use crate::markdown::slugify;
use aho_corasick::{AhoCorasick, MatchKind};
use cart_model::{Block, GlossaryTerm, Inline};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    term: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    term: String,
    #[serde(default)]
    also: Vec<String>,
    definition: String,
    /// In another language's glossary: the English term this one translates.
    #[serde(default)]
    en: Option<String>,
}

/// A term and the lower-case forms that count as it in running text.
pub struct Term {
    pub entry: GlossaryTerm,
    pub forms: Vec<String>,
    pub line: usize,
    /// The English term a translated entry stands for.
    pub original: Option<String>,
}

pub fn load(file: &Path) -> Result<Vec<Term>> {
    let Some((parsed, text)) = crate::front_matter::read_toml::<File>(file)? else { return Ok(vec![]) };
    let line_of = |term: &str| {
        text.lines().position(|l| l.trim_start().starts_with("term") && l.contains(&format!("\"{term}\""))).map(|i| i + 1).unwrap_or(1)
    };
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for e in parsed.term {
        let line = line_of(&e.term);
        let slug = slugify(&e.term);
        if e.term.trim().is_empty() || e.definition.trim().is_empty() {
            return Err(ContentError::new(file, line, "a glossary entry needs a term and a definition"));
        }
        if e.also.iter().any(|a| a.trim().is_empty()) {
            return Err(ContentError::new(file, line, format!("\"{}\" has an empty `also` form", e.term)));
        }
        if !seen.insert(slug.clone()) {
            return Err(ContentError::new(file, line, format!("\"{}\" is defined twice", e.term)));
        }
        let mut forms: Vec<String> = std::iter::once(&e.term).chain(&e.also).map(|f| f.to_lowercase()).collect();
        // Longest first, so "CAR-T cells" wins over "CAR".
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        terms.push(Term { entry: GlossaryTerm { slug, term: e.term.trim().to_string(), definition: e.definition.trim().to_string() }, forms, line, original: e.en });
    }
    terms.sort_by_key(|t| t.entry.term.to_lowercase());
    Ok(terms)
}

/// Finds every term's forms in running text in one pass over it, rather than one search per
/// form: the library's articles times the glossary's forms adds up at scale.
pub struct Matcher<'a> {
    terms: &'a [Term],
    forms: AhoCorasick,
    /// For each pattern of `forms`, the term it is a form of.
    term_of: Vec<usize>,
}

impl<'a> Matcher<'a> {
    /// `Err` only for a glossary too large to search (its reason).
    pub fn new(terms: &'a [Term]) -> std::result::Result<Self, String> {
        let (patterns, term_of): (Vec<&str>, Vec<usize>) =
            terms.iter().enumerate().flat_map(|(i, t)| t.forms.iter().filter(|f| !f.is_empty()).map(move |f| (f.as_str(), i))).unzip();
        // The forms are lower case; the text is matched ignoring ASCII case, as readers write
        // "Remission" at the start of a sentence. Overlapping matches, so a term inside a
        // longer one ("CAR" in "CAR-T cells") is still seen where the longer does not count.
        let forms = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| format!("the glossary's terms cannot be searched for: {e}"))?;
        Ok(Self { terms, forms, term_of })
    }

    /// The earliest whole-word use of a term not yet linked: (start, end, slug). At the same
    /// place the longer use wins ("remisión completa" over "remisión"), then the term first
    /// in the glossary.
    fn first_match(&self, text: &str, linked: &HashSet<String>) -> Option<(usize, usize, String)> {
        let mut best: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
        for m in self.forms.find_overlapping_iter(text) {
            let term = self.term_of[m.pattern().as_usize()];
            if linked.contains(&self.terms[term].entry.slug) {
                continue;
            }
            let (start, mut end) = (m.start(), m.end());
            // A plural "s" still counts as the term.
            if text[end..].starts_with(['s', 'S']) && is_boundary(text[end + 1..].chars().next()) {
                end += 1;
            }
            if !(is_boundary(text[..start].chars().next_back()) && is_boundary(text[end..].chars().next())) {
                continue;
            }
            let found = (start, std::cmp::Reverse(end), term);
            if best.is_none_or(|b| found < b) {
                best = Some(found);
            }
        }
        best.map(|(start, end, term)| (start, end.0, self.terms[term].entry.slug.clone()))
    }
}

/// Links the first use of each term in these blocks to its definition. Headings, tables,
/// existing links and code are left alone. `used` collects the terms found, site-wide.
pub fn link_first_uses(blocks: &mut [Block], terms: &Matcher, used: &mut HashSet<String>) {
    let mut linked = HashSet::new();
    walk_blocks(blocks, terms, &mut linked);
    used.extend(linked);
}

fn walk_blocks(blocks: &mut [Block], terms: &Matcher, linked: &mut HashSet<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content } => walk_inlines(content, terms, linked),
            Block::List { items, .. } => items.iter_mut().for_each(|i| walk_blocks(i, terms, linked)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => walk_blocks(blocks, terms, linked),
            Block::Heading { .. } | Block::Table { .. } | Block::Figure { .. } => {}
        }
    }
}

fn walk_inlines(inlines: &mut Vec<Inline>, terms: &Matcher, linked: &mut HashSet<String>) {
    let mut i = 0;
    while i < inlines.len() {
        match &mut inlines[i] {
            Inline::Strong { content } | Inline::Emphasis { content } => walk_inlines(content, terms, linked),
            Inline::Text(text) => {
                if let Some((start, end, slug)) = terms.first_match(text, linked) {
                    let before = text[..start].to_string();
                    let word = text[start..end].to_string();
                    let after = text[end..].to_string();
                    linked.insert(slug.clone());
                    let mut replacement = Vec::new();
                    if !before.is_empty() {
                        replacement.push(Inline::Text(before));
                    }
                    replacement.push(Inline::Link { href: cart_model::Page::glossary_term(&slug), content: vec![Inline::Text(word)] });
                    let after_index = i + replacement.len();
                    if !after.is_empty() {
                        replacement.push(Inline::Text(after));
                    }
                    inlines.splice(i..=i, replacement);
                    // Keep scanning the rest of this text for other terms.
                    i = after_index;
                    continue;
                }
            }
            Inline::Link { .. } | Inline::Code(_) | Inline::LineBreak | Inline::Cite { .. } => {}
        }
        i += 1;
    }
}

/// Letters, digits and hyphens join words: "CAR" is not a use of a term inside "CAR-T".
fn is_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str, also: &[&str]) -> Term {
        let mut forms: Vec<String> = std::iter::once(name).chain(also.iter().copied()).map(str::to_lowercase).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        Term { entry: GlossaryTerm { slug: slugify(name), term: name.into(), definition: "d".into() }, forms, line: 1, original: None }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph { content: vec![Inline::text(text)] }
    }

    #[test]
    fn links_only_the_first_whole_word_use() {
        let terms = [term("CAR", &[]), term("Antigen", &[]), term("Apheresis", &["leukapheresis"])];
        let mut blocks = vec![
            para("CAR-T uses a CAR that finds an antigen."),
            para("Antigens again, and leukapheresis."),
        ];
        let mut used = HashSet::new();
        link_first_uses(&mut blocks, &Matcher::new(&terms).unwrap(), &mut used);
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(json.matches("/glossary#car\"").count(), 1, "{json}");
        assert!(json.contains(r#"{"text":"CAR-T uses a "},{"link":{"href":"/glossary#car","content":[{"text":"CAR"}]}}"#), "{json}");
        assert_eq!(json.matches("/glossary#antigen").count(), 1);
        assert!(json.contains(r#"{"link":{"href":"/glossary#apheresis","content":[{"text":"leukapheresis"}]}}"#), "{json}");
        assert_eq!(used.len(), 3);
    }

    #[test]
    fn the_longer_term_wins_where_two_start_together() {
        let terms = [term("Remisión", &[]), term("Remisión completa", &[])];
        let mut blocks = vec![para("La remisión completa es el objetivo.")];
        let mut used = HashSet::new();
        link_first_uses(&mut blocks, &Matcher::new(&terms).unwrap(), &mut used);
        assert!(format!("{blocks:?}").contains("href: \"/glossary#remision-completa\""), "{blocks:?}");
    }

    #[test]
    fn headings_and_existing_links_are_left_alone() {
        let terms = [term("Remission", &[])];
        let mut blocks = vec![
            Block::Heading { level: 2, id: "r".into(), content: vec![Inline::text("Remission")] },
            Block::Paragraph { content: vec![Inline::Link { href: "/x".into(), content: vec![Inline::text("remission")] }] },
        ];
        let mut used = HashSet::new();
        link_first_uses(&mut blocks, &Matcher::new(&terms).unwrap(), &mut used);
        assert!(used.is_empty());
    }
}
