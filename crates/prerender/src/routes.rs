//! Every page that exists in the content, with what search engines and the sitemap need:
//! the list comes from the page model, the words from the documents (through the same
//! `cart_hub::meta` functions the pages use for their own title and description).

use cart_hub::meta::{self, PageText};
use cart_model::{decode, ArticleDoc, IndexDoc, Page, TopicDoc};
use serde::de::DeserializeOwned;
use std::path::Path;

pub struct Route {
    pub page: Page,
    /// The page's title (without the site name) and description, as plain text.
    pub text: PageText,
    /// Last reviewed, for the sitemap and JSON-LD.
    pub last_reviewed: Option<String>,
    /// What the page was checked against: its sources' URLs (articles), for JSON-LD.
    pub citations: Vec<String>,
}

/// Every page of the site, described from the documents in `data_dir`.
pub fn all(index: &IndexDoc, data_dir: &Path) -> Result<Vec<Route>, String> {
    Page::all(index).into_iter().map(|page| describe(page, index, data_dir)).collect()
}

fn describe(page: Page, index: &IndexDoc, data_dir: &Path) -> Result<Route, String> {
    let hub_date = Some(index.hub.last_reviewed.iso.clone());
    let mut citations = Vec::new();
    let (text, last_reviewed) = match &page {
        Page::Hub => (meta::hub(&index.hub, None, None), hub_date),
        Page::Type(t) => (meta::hub(&index.hub, Some(*t), None), hub_date),
        Page::Stage(s) => (meta::hub(&index.hub, None, Some(*s)), hub_date),
        Page::Topics => (meta::topics(), hub_date),
        Page::Glossary => (meta::glossary(), hub_date),
        Page::Article(_) => {
            let doc: ArticleDoc = read(data_dir, &page)?;
            citations = doc.article.sources.iter().map(|s| s.url.clone()).collect();
            (meta::article(&doc.article), Some(doc.article.last_reviewed.iso))
        }
        Page::Topic(_) => {
            let doc: TopicDoc = read(data_dir, &page)?;
            (meta::topic(&doc.topic), hub_date)
        }
        Page::NotFound => (meta::not_found(), None),
    };
    Ok(Route { page, text, last_reviewed, citations })
}

fn read<T: DeserializeOwned>(data_dir: &Path, page: &Page) -> Result<T, String> {
    let file = page.data_file().ok_or_else(|| format!("{}: no data document", page.path()))?;
    let text = std::fs::read_to_string(data_dir.join(&file)).map_err(|e| format!("reading data/{file}: {e}"))?;
    decode(&text).map_err(|e| format!("data/{file}: {e:?}"))
}
