//! Every page that exists in the content, with what search engines and the sitemap need:
//! the list comes from the page model, the words from the documents (through the same
//! `cart_hub::meta` functions the pages use for their own title and description).

use cart_hub::meta::{self, PageText};
use cart_model::{decode, ArticleDoc, IndexDoc, Lang, Page, TopicDoc};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::Path;

pub struct Route {
    pub page: Page,
    /// The edition.
    pub lang: Lang,
    /// The editions the site has: the page exists in each (the content compiler pairs them).
    pub editions: Vec<Lang>,
    /// The page's title (without the site name) and description, as plain text.
    pub text: PageText,
    /// Last reviewed, for the sitemap and JSON-LD.
    pub last_reviewed: Option<String>,
    /// What the page was checked against: its sources' URLs (articles), for JSON-LD.
    pub citations: Vec<String>,
}

/// Every page of every edition, described from the documents in `data_dir` (`data/` for the
/// default language, `data/<lang>/` for the others).
pub fn all(data_dir: &Path) -> Result<Vec<Route>, String> {
    let index_file = |lang: Lang| format!("{}{}", lang.folder(), cart_model::page::INDEX_FILE);
    // The default edition always; the others where the content has them.
    let editions: Vec<Lang> = Lang::EVERY.into_iter().filter(|l| *l == Lang::DEFAULT || data_dir.join(index_file(*l)).is_file()).collect();
    let indexes: Vec<(Lang, IndexDoc)> = editions.iter().map(|&lang| Ok((lang, read_file(data_dir, &index_file(lang))?))).collect::<Result<_, String>>()?;
    let pages: Vec<(Page, Lang, &IndexDoc)> = indexes.iter().flat_map(|(lang, index)| Page::all(index).into_iter().map(move |page| (page, *lang, index))).collect();
    // On every core: an article's description reads its document (20,000 of them at
    // 10,000 articles in two languages).
    pages
        .into_par_iter()
        .map(|(page, lang, index)| {
            // The page texts (`cart_hub::meta`) are in the thread's current language.
            cart_hub::i18n::set_lang(lang);
            Ok(Route { editions: editions.clone(), ..describe(page, lang, index, data_dir)? })
        })
        .collect()
}

fn describe(page: Page, lang: Lang, index: &IndexDoc, data_dir: &Path) -> Result<Route, String> {
    let hub_date = Some(index.hub.last_reviewed.iso.clone());
    let mut citations = Vec::new();
    let (text, last_reviewed) = match &page {
        Page::Hub => (meta::hub(&index.hub, None, None), hub_date),
        Page::Type(t) => (meta::hub(&index.hub, Some(*t), None), hub_date),
        Page::Stage(s) => (meta::hub(&index.hub, None, Some(*s)), hub_date),
        Page::Paged(listing, n) => (meta::library_page(&index.hub, &listing.selection(), *n, listing.pages_in(index)), hub_date),
        Page::Topics => (meta::topics(), hub_date),
        Page::Glossary => (meta::glossary(), hub_date),
        Page::Article(_) => {
            let doc: ArticleDoc = read(data_dir, &page, lang)?;
            citations = doc.article.sources.iter().map(|s| s.url.clone()).collect();
            (meta::article(&doc.article), Some(doc.article.last_reviewed.iso))
        }
        Page::Topic(_) => {
            let doc: TopicDoc = read(data_dir, &page, lang)?;
            (meta::topic(&doc.topic), hub_date)
        }
        Page::NotFound => (meta::not_found(), None),
        Page::Connect => (meta::connect(), None),
        Page::Search => (meta::search(), None),
    };
    Ok(Route { page, lang, editions: vec![lang], text, last_reviewed, citations })
}

fn read<T: DeserializeOwned>(data_dir: &Path, page: &Page, lang: Lang) -> Result<T, String> {
    let file = page.data_file_in(lang).ok_or_else(|| format!("{}: no data document", page.path_in(lang)))?;
    read_file(data_dir, &file)
}

fn read_file<T: DeserializeOwned>(data_dir: &Path, file: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(data_dir.join(&file)).map_err(|e| format!("reading data/{file}: {e}"))?;
    decode(&text).map_err(|e| format!("data/{file}: {e:?}"))
}
