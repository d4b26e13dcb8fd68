//! The CAR-T Hub data model: the JSON documents the content compiler writes and the app
//! reads, and the pure logic on them (filtering, query strings, link safety, reading time).
//! One source of truth for both sides; nothing here touches a browser.

mod blocks;
pub mod connect;
mod filter;
mod journey;
pub mod library;
mod links;
pub mod page;
pub mod search;
pub mod i18n;

pub use blocks::{for_each_inlines, for_each_inlines_mut, svg_attr_allowed, word_count, Block, CalloutKind, Inline, Svg, SVG_ATTRS, SVG_TAGS};
pub use filter::{
    filter_articles, matches_any, parse_stage_query, parse_type_query, stage_query_value, toggle_stage, toggle_type, type_query_value, Selection,
    STAGE_QUERY_KEY, TYPE_QUERY_KEY,
};
pub use journey::Stage;
pub use links::{classify_href, LinkKind};
pub use page::{is_slug, Page};
pub use connect::{CodeEntry, CodeSystem, ConnectDoc, ProductFacts};
pub use i18n::{fill, Lang, Strings};

use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Bumped whenever a document's shape changes in a way old apps cannot read.
pub const SCHEMA_VERSION: u32 = 3;

/// The four cancer-type chips on the hub.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum CancerType {
    Lymphoma,
    All,
    Myeloma,
    SolidTumors,
}

impl CancerType {
    /// Whether an article with these types is written for this one cancer (it names only it),
    /// rather than for every type it lists.
    pub fn written_for(self, types: &[CancerType]) -> bool {
        types == [self]
    }

    pub const EVERY: [CancerType; 4] = [Self::Lymphoma, Self::All, Self::Myeloma, Self::SolidTumors];

    /// The form used in URLs, front matter and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Lymphoma => "lymphoma",
            Self::All => "all",
            Self::Myeloma => "myeloma",
            Self::SolidTumors => "solid-tumors",
        }
    }

    /// The position in `EVERY` (and in each string table's `types`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The short chip label.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.strings().cancer_type(self).chip
    }

    /// The label spelled out, for screen readers and tags.
    pub fn full_name(self, lang: Lang) -> &'static str {
        lang.strings().cancer_type(self).full
    }

    /// The name as it reads inside a sentence.
    pub fn in_sentence(self, lang: Lang) -> &'static str {
        lang.strings().cancer_type(self).in_sentence
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|t| t.slug() == s)
    }
}

/// A calendar date as ISO text (for machines) and as words (for readers), formatted at
/// build time so no date library ships in the wasm.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Date {
    pub iso: String,
    pub display: String,
}

/// `data/pages.json`: the slug of every article and topic. After a 404 for a page's document,
/// it tells a page that does not exist from one the host failed to serve, in a file far
/// smaller than the index (a slug a page rather than a summary).
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
pub struct PagesDoc {
    pub schema: u32,
    pub articles: Vec<String>,
    pub topics: Vec<String>,
}

impl PagesDoc {
    pub fn of(index: &IndexDoc) -> Self {
        Self {
            schema: index.schema,
            articles: index.articles.iter().map(|a| a.slug.clone()).collect(),
            topics: index.topics.iter().map(|t| t.slug.clone()).collect(),
        }
    }
}

/// `data/hub.json`: the hub's words and the topics, for the hub pages and the topics index
/// (the library's cards come a page at a time, see `library`).
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct HubDoc {
    pub schema: u32,
    pub hub: Hub,
    pub topics: Vec<TopicSummary>,
    /// The first cards of the page it was given to, and that page's path: the prerenderer
    /// adds them, so a prerendered hub page carries what it shows in one document. Not in
    /// the file (the app then fetches them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf: Option<(String, library::Shelf)>,
}

/// `data/index.json`: everything the hub and the topics index need, and no article bodies.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct IndexDoc {
    pub schema: u32,
    pub hub: Hub,
    pub articles: Vec<ArticleSummary>,
    pub topics: Vec<TopicSummary>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Hub {
    pub title: String,
    pub summary: String,
    /// Two or three sentences above the library: what this is and where to begin.
    pub lede: String,
    /// The reading path for a newly referred patient, in order.
    pub start_here: Vec<PageRef>,
    /// The reading path for a caregiver, in order.
    pub caregiver_path: Vec<PageRef>,
    pub last_reviewed: Date,
    pub body: Vec<Block>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub cancer_types: Vec<CancerType>,
    pub stage: Stage,
    pub reading_minutes: u32,
    pub published: Date,
    pub last_reviewed: Date,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct TopicSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub article_count: u32,
}

/// A link to another page, carrying the title so no second fetch is needed to name it.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct PageRef {
    pub slug: String,
    pub title: String,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// `data/articles/<slug>.json`
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ArticleDoc {
    pub schema: u32,
    pub article: Article,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub cancer_types: Vec<CancerType>,
    pub stage: Stage,
    pub topics: Vec<PageRef>,
    pub reading_minutes: u32,
    pub published: Date,
    pub last_reviewed: Date,
    pub next_review: Date,
    pub review_basis: String,
    pub body: Vec<Block>,
    pub questions: Vec<String>,
    /// The body's bullet lists are a checklist to print and tick (e.g. questions to ask).
    #[serde(default)]
    pub checklist: bool,
    pub sources: Vec<Source>,
    pub related: Vec<PageRef>,
    /// What to read next: the next article on a reading path this one is on, else the next
    /// in journey order.
    pub next: Option<PageRef>,
}

/// `data/topics/<slug>.json`
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct TopicDoc {
    pub schema: u32,
    pub topic: Topic,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Topic {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: Vec<Block>,
    pub articles: Vec<ArticleSummary>,
    pub related: Vec<PageRef>,
}

/// `data/glossary.json`: plain-words definitions, one anchor per term on `/glossary`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct GlossaryDoc {
    pub schema: u32,
    pub terms: Vec<GlossaryTerm>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct GlossaryTerm {
    /// The anchor: `/glossary#<slug>`.
    pub slug: String,
    pub term: String,
    pub definition: String,
}

/// Why a document could not be read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed(String),
    /// Well-formed, but written for a schema this app does not know.
    UnsupportedVersion(u32),
}

/// Decodes a data document, checking its schema version first so a newer document is
/// reported as such rather than as garbage.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    #[derive(Deserialize)]
    struct Probe {
        schema: u32,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if probe.schema != SCHEMA_VERSION {
        return Err(DecodeError::UnsupportedVersion(probe.schema));
    }
    serde_json::from_str(text).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// Minutes to read at 200 words a minute, never less than one.
pub fn reading_minutes(words: usize) -> u32 {
    (words.div_ceil(200)).max(1) as u32
}

#[cfg(test)]
mod tests;
