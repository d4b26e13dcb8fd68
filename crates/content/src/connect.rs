//! `content/connect.toml`: which diagnosis and medication codes the hub answers HL7 Infobutton
//! requests for, and where each leads. Checked here (codes well formed for their system, no
//! code covered twice, every target exists, a source for each code) and compiled into each
//! edition's `connect.json`. That ICD-10-CM codes exist with the names given is checked
//! against the official code files by `scripts/check-codes.py`.

use crate::error::{ContentError, Result};
use crate::products::Products;
use cart_model::{ArticleSummary, CancerType, CodeEntry, CodeSystem, ConnectDoc, IndexDoc, Lang, PageRef, SCHEMA_VERSION};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    code: Vec<Mapping>,
}

/// One mapped code, as written.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub system: CodeSystem,
    pub code: String,
    /// The code system's own name for the code.
    pub display: String,
    #[serde(default)]
    pub cancer_type: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
    /// Articles to read first, in order.
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Where the code and its name were confirmed.
    pub source: String,
    #[serde(skip)]
    pub line: usize,
}

/// Reads and checks the file's form; a missing file maps nothing.
pub fn load(file: &Path) -> Result<Vec<Mapping>> {
    let Some((parsed, text)) = crate::front_matter::read_toml::<File>(file)? else { return Ok(vec![]) };
    let mut mappings = parsed.code;
    // Each entry's line: the n-th `[[code]]`.
    let lines: Vec<usize> = text.lines().enumerate().filter(|(_, l)| l.trim() == "[[code]]").map(|(i, _)| i + 1).collect();
    for (m, line) in mappings.iter_mut().zip(lines) {
        m.line = line;
    }
    Ok(mappings)
}

/// Every problem with the mappings against the site: form, overlaps, targets.
pub fn check(mappings: &[Mapping], index: &IndexDoc, products: &Products, file: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut err = |m: &Mapping, reason: String| errors.push(ContentError::new(file, m.line, reason));
    for (i, m) in mappings.iter().enumerate() {
        if m.system.normalize(&m.code).as_deref() != Some(m.code.as_str()) {
            err(m, format!("\"{}\" is not a {} code as the code system writes it", m.code, m.system.name()));
        }
        if m.display.trim().is_empty() || m.source.trim().is_empty() {
            err(m, format!("{} needs the code system's name for it (display) and where it was confirmed (source)", m.code));
        }
        if let Some(other) = mappings[..i].iter().find(|o| o.system == m.system && (m.system.covers(&o.code, &m.code) || m.system.covers(&m.code, &o.code))) {
            err(m, format!("{} {} overlaps {} (line {}): a code may lead to one place only", m.system.name(), m.code, other.code, other.line));
        }
        match (&m.cancer_type, &m.product) {
            (Some(t), None) if CancerType::from_slug(t).is_none() => err(m, format!("unknown cancer type \"{t}\"")),
            (None, Some(p)) if products.facts(p, Lang::DEFAULT).is_err() => err(m, format!("no product \"{p}\" in products.toml")),
            (Some(_), None) | (None, Some(_)) => {}
            _ => err(m, format!("{} needs either a cancer_type (a disorder) or a product (a medication)", m.code)),
        }
        for a in m.articles.iter().filter(|a| !index.articles.iter().any(|x| &x.slug == *a)) {
            err(m, format!("names article \"{a}\", which does not exist"));
        }
        for t in m.topics.iter().filter(|t| !index.topics.iter().any(|x| &x.slug == *t)) {
            err(m, format!("names topic \"{t}\", which does not exist"));
        }
    }
    errors
}

/// The edition's `connect.json`: titles from its index, product facts in its words.
pub fn compile(mappings: &[Mapping], index: &IndexDoc, products: &Products, lang: Lang) -> std::result::Result<ConnectDoc, String> {
    let codes = mappings
        .iter()
        .map(|m| {
            let cancer_type = m.cancer_type.as_deref().and_then(CancerType::from_slug);
            let product = m.product.as_deref().map(|p| products.facts(p, lang)).transpose()?;
            Ok(CodeEntry {
                system: m.system,
                code: m.code.clone(),
                display: m.display.clone(),
                cancer_type,
                product,
                articles: reading_list(&m.articles, cancer_type, &index.articles),
                topics: m.topics.iter().filter_map(|t| index.topics.iter().find(|x| &x.slug == t)).map(|t| PageRef { slug: t.slug.clone(), title: t.title.clone() }).collect(),
            })
        })
        .collect::<std::result::Result<Vec<_>, String>>()?;
    Ok(ConnectDoc { schema: SCHEMA_VERSION, codes })
}

/// The picks first, then the cancer type's other articles in journey (index) order.
fn reading_list(picks: &[String], cancer_type: Option<CancerType>, articles: &[ArticleSummary]) -> Vec<PageRef> {
    let by_slug = |slug: &str| articles.iter().find(|a| a.slug == slug);
    let of_type = articles.iter().filter(|a| cancer_type.is_some_and(|t| a.cancer_types.contains(&t)));
    picks
        .iter()
        .filter_map(|p| by_slug(p))
        .chain(of_type.filter(|a| !picks.contains(&a.slug)))
        .map(|a| PageRef { slug: a.slug.clone(), title: a.title.clone() })
        .collect()
}

/// The README's table of supported codes, from the mapping file.
pub fn table(mappings: &[Mapping]) -> String {
    let mut out = String::from("| code system | code | name | leads to |\n|---|---|---|---|\n");
    for m in mappings {
        let covers = if m.system == CodeSystem::Icd10Cm { format!("{} (and every code under it)", m.code) } else { m.code.clone() };
        let to = match (&m.cancer_type, &m.product) {
            (Some(t), _) => format!("{t}: {}", m.articles.first().map(String::as_str).unwrap_or("the type's articles")),
            (_, Some(p)) => format!("the {p} facts"),
            _ => String::new(),
        };
        out.push_str(&format!("| {} | {covers} | {} | {to} |\n", m.system.name(), m.display));
    }
    out
}
