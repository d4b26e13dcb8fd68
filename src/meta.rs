//! Each page's title and description, as plain text, in one place: the pages set them
//! through leptos_meta, and the prerenderer reads the same values for the SEO tags (it never
//! scrapes its own HTML). Escaping is left to whoever writes the markup, exactly once.

use crate::SITE_NAME;
use crate::i18n::{lang, t};
use cart_model::{fill, Article, CancerType, Hub, Stage, Topic};

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
    let (words, lang) = (t(), lang());
    if let Some(s) = page_stage {
        let stage = s.label(lang).to_lowercase();
        return PageText::new(fill(words.meta_stage_title, &[("stage", &stage)]), fill(words.meta_stage_description, &[("stage", &stage)]));
    }
    match page_type {
        Some(c) => {
            let name = c.in_sentence(lang);
            PageText::new(fill(words.meta_type_title, &[("type", name)]), fill(words.meta_type_description, &[("type", name)]))
        }
        None => PageText::new(hub.title.clone(), hub.summary.clone()),
    }
}

/// A listing's words without a page number: "Articles" for the whole library, else its
/// chip page's.
pub fn listing(hub: &Hub, sel: &cart_model::Selection) -> PageText {
    match sel.is_empty() {
        true => PageText::new(t().articles_heading, hub.summary.clone()),
        false => self::hub(hub, sel.types.first().copied(), sel.stages.first().copied()),
    }
}

/// A page of the library of its own (`/types/myeloma/page/2`): its listing's title and
/// description, numbered.
pub fn library_page(hub: &Hub, sel: &cart_model::Selection, n: usize, pages: usize) -> PageText {
    let PageText { title, description } = listing(hub, sel);
    let numbered = |text: &str| fill(t().page_title, &[("title", text), ("n", &n.to_string()), ("pages", &pages.to_string())]);
    PageText::new(numbered(&title), numbered(&description))
}

pub fn article(a: &Article) -> PageText {
    PageText::new(a.title.clone(), a.summary.clone())
}

pub fn topic(topic: &Topic) -> PageText {
    PageText::new(topic.title.clone(), topic.summary.clone())
}

pub fn topics() -> PageText {
    PageText::new(t().topics, t().meta_topics_description)
}

pub fn glossary() -> PageText {
    PageText::new(t().meta_glossary_title, t().meta_glossary_description)
}

pub fn connect() -> PageText {
    PageText::new(t().connect_title, t().connect_description)
}

pub fn search() -> PageText {
    PageText::new(t().search_title, t().search_description)
}

pub fn not_found() -> PageText {
    PageText::new(t().meta_not_found_title, t().meta_not_found_description)
}
