//! The hub's cancer-type filter and its URL form (`?type=lymphoma,myeloma`).

use crate::{ArticleSummary, CancerType};

pub const TYPE_QUERY_KEY: &str = "type";

/// Articles matching any selected type; all of them when nothing is selected.
pub fn filter_articles<'a>(articles: &'a [ArticleSummary], selected: &[CancerType]) -> Vec<&'a ArticleSummary> {
    articles.iter().filter(|a| matches_any(&a.cancer_types, selected)).collect()
}

/// Whether an article with these types shows under this selection (any match; an empty
/// selection shows everything).
pub fn matches_any(types: &[CancerType], selected: &[CancerType]) -> bool {
    selected.is_empty() || types.iter().any(|t| selected.contains(t))
}

/// Reads the `type` query value. Unknown or repeated names are ignored (a hand-edited or old
/// link still works); the result is in chip order so equal selections compare equal.
pub fn parse_type_query(value: Option<&str>) -> Vec<CancerType> {
    let names: Vec<&str> = value.unwrap_or("").split(',').map(str::trim).collect();
    CancerType::EVERY
        .into_iter()
        .filter(|t| names.contains(&t.slug()))
        .collect()
}

/// The query value for a selection, or `None` when nothing is selected (no `?type=` at all).
pub fn type_query_value(selected: &[CancerType]) -> Option<String> {
    let names: Vec<&str> = CancerType::EVERY
        .into_iter()
        .filter(|t| selected.contains(t))
        .map(CancerType::slug)
        .collect();
    (!names.is_empty()).then(|| names.join(","))
}

/// The selection after pressing one chip.
pub fn toggle_type(selected: &[CancerType], chip: CancerType) -> Vec<CancerType> {
    CancerType::EVERY
        .into_iter()
        .filter(|t| if *t == chip { !selected.contains(t) } else { selected.contains(t) })
        .collect()
}
