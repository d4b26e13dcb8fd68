//! The hub's two facets and their URL form: cancer types (`?type=lymphoma,myeloma`) and
//! journey stages (`?stage=preparing`). Within a facet any selected value matches; the two
//! facets combine (an article must match both).

use crate::{ArticleSummary, CancerType, Stage};

pub const TYPE_QUERY_KEY: &str = "type";
pub const STAGE_QUERY_KEY: &str = "stage";

/// What the hub shows: the selected cancer types and stages (empty: all).
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Selection {
    pub types: Vec<CancerType>,
    pub stages: Vec<Stage>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.stages.is_empty()
    }

    pub fn matches(&self, a: &ArticleSummary) -> bool {
        matches_any(&a.cancer_types, &self.types) && (self.stages.is_empty() || self.stages.contains(&a.stage))
    }

    /// The query string for this selection (`type=...&stage=...`), or `None` for none.
    pub fn query(&self) -> Option<String> {
        let parts: Vec<String> = [
            type_query_value(&self.types).map(|v| format!("{TYPE_QUERY_KEY}={v}")),
            stage_query_value(&self.stages).map(|v| format!("{STAGE_QUERY_KEY}={v}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join("&"))
    }
}

/// Articles matching the selection, in the library's (journey) order.
pub fn filter_articles<'a>(articles: &'a [ArticleSummary], selected: &Selection) -> Vec<&'a ArticleSummary> {
    articles.iter().filter(|a| selected.matches(a)).collect()
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
    CancerType::EVERY.into_iter().filter(|t| names.contains(&t.slug())).collect()
}

/// Reads the `stage` query value, like `parse_type_query`.
pub fn parse_stage_query(value: Option<&str>) -> Vec<Stage> {
    let names: Vec<&str> = value.unwrap_or("").split(',').map(str::trim).collect();
    Stage::EVERY.into_iter().filter(|s| names.contains(&s.slug())).collect()
}

/// The query value for a selection, or `None` when nothing is selected (no `?type=` at all).
pub fn type_query_value(selected: &[CancerType]) -> Option<String> {
    let names: Vec<&str> = CancerType::EVERY.into_iter().filter(|t| selected.contains(t)).map(CancerType::slug).collect();
    (!names.is_empty()).then(|| names.join(","))
}

pub fn stage_query_value(selected: &[Stage]) -> Option<String> {
    let names: Vec<&str> = Stage::EVERY.into_iter().filter(|s| selected.contains(s)).map(Stage::slug).collect();
    (!names.is_empty()).then(|| names.join(","))
}

/// The selection after pressing one chip.
pub fn toggle_type(selected: &[CancerType], chip: CancerType) -> Vec<CancerType> {
    CancerType::EVERY
        .into_iter()
        .filter(|t| if *t == chip { !selected.contains(t) } else { selected.contains(t) })
        .collect()
}

pub fn toggle_stage(selected: &[Stage], chip: Stage) -> Vec<Stage> {
    Stage::EVERY.into_iter().filter(|s| if *s == chip { !selected.contains(s) } else { selected.contains(s) }).collect()
}
