//! Each page's title and description, as plain text, in one place: the pages set them
//! through leptos_meta, and the prerenderer reads the same values for the SEO tags (it never
//! scrapes its own HTML). Escaping is left to whoever writes the markup, exactly once.

use crate::SITE_NAME;
use cart_model::{Article, CancerType, Hub, Stage, Topic};

/// A page's name and one-sentence description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    pub title: String,
    pub description: String,
}

impl PageText {
    fn new(title: impl Into<String>, description: impl Into<String>) -> Self {
        Self { title: title.into(), description: description.into() }
    }
}

/// What the browser tab shows: "Page | CAR-T Hub", or the site name alone.
pub fn full_title(page_title: &str) -> String {
    if page_title.is_empty() { SITE_NAME.to_string() } else { format!("{page_title} | {SITE_NAME}") }
}

/// The hub, or the hub filtered to one type (`/types/<type>`) or one stage
/// (`/stages/<stage>`): pages of their own for search engines and for readers without scripts.
pub fn hub(hub: &Hub, page_type: Option<CancerType>, page_stage: Option<Stage>) -> PageText {
    if let Some(s) = page_stage {
        return PageText::new(
            format!("CAR-T cell therapy: {}", s.label().to_lowercase()),
            format!("Plain-language articles on CAR-T cell therapy for this part of the journey: {}.", s.label().to_lowercase()),
        );
    }
    match page_type {
        Some(t) => PageText::new(
            format!("CAR-T cell therapy for {}: articles", t.in_sentence()),
            format!("Plain-language articles on CAR-T cell therapy for {}: how it works, side effects, results and what to ask.", t.in_sentence()),
        ),
        None => PageText::new(hub.title.clone(), hub.summary.clone()),
    }
}

pub fn article(a: &Article) -> PageText {
    PageText::new(a.title.clone(), a.summary.clone())
}

pub fn topic(t: &Topic) -> PageText {
    PageText::new(t.title.clone(), t.summary.clone())
}

pub fn topics() -> PageText {
    PageText::new(
        "Topics",
        "Topics on CAR-T cell therapy: the basics, side effects such as cytokine release syndrome and neurotoxicity, immunotherapy, gene therapy, and cost.",
    )
}

pub fn glossary() -> PageText {
    PageText::new(
        "Glossary: CAR-T words explained",
        "Plain-language meanings of the medical words used on CAR-T Hub, from apheresis to tocilizumab.",
    )
}

pub fn not_found() -> PageText {
    PageText::new("Page not found", "This page of CAR-T Hub does not exist. Go to the home page to find every article.")
}
