//! Loading the JSON documents. One loader, two transports: in the browser it fetches from
//! `<base>/data/` with gloo-net; natively (prerendering) it reads the same files from disk.
//! Either way the caller gets a typed error it can show in plain words.

use cart_model::library::{self, Card, CardsDoc, FacetsDoc, Shelf, FACETS_FILE, PER_PAGE};
use cart_model::page::{Page, HUB_FILE, PAGES_FILE};
use cart_model::{decode, ArticleDoc, DecodeError, GlossaryDoc, HubDoc, PagesDoc, Selection, TopicDoc};
use serde::{Deserialize, Serialize};

/// Why something could not be loaded. Serializable because resources travel from the
/// prerendered page to the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoadError {
    /// The document does not exist (HTTP 404, or a slug that cannot name one).
    NotFound,
    /// No answer at all: offline, DNS, aborted.
    Network,
    /// The server answered with an error status.
    Http(u16),
    /// The answer was not the document we expected.
    Malformed,
    /// A document written for a newer version of the app.
    UnsupportedVersion(u32),
}

impl LoadError {
    /// What happened, in plain words, for the reader.
    pub fn explain(&self) -> String {
        let t = crate::i18n::t();
        match self {
            Self::NotFound => t.error_not_found.into(),
            Self::Network => t.error_network.into(),
            Self::Http(code) => cart_model::fill(t.error_http, &[("code", &code.to_string())]),
            Self::Malformed => t.error_malformed.into(),
            Self::UnsupportedVersion(_) => t.error_version.into(),
        }
    }
}

impl From<DecodeError> for LoadError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::Malformed(_) => Self::Malformed,
            DecodeError::UnsupportedVersion(v) => Self::UnsupportedVersion(v),
        }
    }
}

pub type Loaded<T> = Result<T, LoadError>;

/// A data document as fetched: its JSON text. Resources hold this one type, not the decoded
/// documents, so the async machinery behind them is compiled once rather than per document
/// type (a large share of the wasm); decoding is synchronous and happens where it is shown.
pub type Raw = Loaded<String>;

/// Loads a page's data document in the current language; `None` (a URL that names no page)
/// is not found.
///
/// "Not found" is decided from facts, never from text: the host answered 404 for the
/// document, and the decoded index does not list the page. A 404 for a page the index lists
/// is the server's fault (the reader followed a real link), reported as such with a Retry.
pub async fn load_page(page: Option<Page>) -> Raw {
    let lang = crate::i18n::lang();
    let Some((page, file)) = page.and_then(|p| p.data_file_in(lang).map(|f| (p, f))) else {
        return Err(LoadError::NotFound);
    };
    match load(file.clone()).await {
        Err(LoadError::Http(404)) if page.data_file() != Some(HUB_FILE.to_string()) => Err(missing(&page, lang).await),
        #[cfg(not(target_arch = "wasm32"))]
        Ok(text) => with_first_shelf(&page, text).await,
        other => other,
    }
}

/// Why the host has no document for `page`: not found, unless the site lists the page
/// (`pages.json`: a slug a page, so this stays light for a large library).
async fn missing(page: &Page, lang: cart_model::Lang) -> LoadError {
    match load(format!("{}{PAGES_FILE}", lang.folder())).await.and_then(|text| Ok(decode::<PagesDoc>(&text)?)) {
        Ok(doc) if page.has_document(&doc) => LoadError::Http(404),
        _ => LoadError::NotFound,
    }
}

pub fn hub(text: &str) -> Loaded<HubDoc> {
    Ok(decode(text)?)
}

/// What a hub page shows of the library: pages `first..=last` of the selection's list. Reads
/// the facets (once a visit), then only the chunks of cards it shows, together. A first page
/// past the list's end is not found (`/page/99` of a shorter list). Shelves already shown
/// this visit are kept (`keep_shelf`), so a list seen still shows when the network drops.
pub async fn load_shelf(selected: Selection, first: usize, last: usize) -> Loaded<Shelf> {
    let key = shelf_key(&selected, first, last);
    if let Some(shelf) = kept_shelf(&key) {
        return Ok(shelf);
    }
    let folder = crate::i18n::lang().folder();
    let facets: FacetsDoc = decode(&load_kept(format!("{folder}{FACETS_FILE}")).await?)?;
    let order = library::arrange(&facets.facets, &selected);
    if first > library::page_count(order.len()) {
        return Err(LoadError::NotFound);
    }
    let offset = (first.max(1) - 1) * PER_PAGE;
    let shown = order.get(offset..(last * PER_PAGE).min(order.len())).unwrap_or_default();
    // The chunks holding them, each once (a dozen at most: a short scan, no sort).
    let mut chunks: Vec<usize> = Vec::new();
    for chunk in shown.iter().map(|(i, _)| i / PER_PAGE) {
        if !chunks.contains(&chunk) {
            chunks.push(chunk);
        }
    }
    let texts = futures::future::join_all(chunks.iter().map(|c| load_kept(format!("{folder}{}", library::cards_file(*c))))).await;
    let mut docs = Vec::with_capacity(chunks.len());
    for (chunk, text) in chunks.iter().zip(texts) {
        docs.push((*chunk, decode::<CardsDoc>(&text?)?.articles));
    }
    let card = |(i, written_for): &(usize, bool)| {
        let (_, articles) = docs.iter().find(|(c, _)| *c == i / PER_PAGE)?;
        Some(Card { article: articles.get(i % PER_PAGE)?.clone(), written_for: *written_for })
    };
    let cards = shown.iter().map(card).collect::<Option<Vec<_>>>().ok_or(LoadError::Malformed)?;
    let shelf = Shelf { library: facets.facets.len(), matching: order.len(), offset, cards };
    keep_shelf(key, &shelf);
    Ok(shelf)
}

/// What names a shelf among those kept this visit.
pub fn shelf_key(selected: &Selection, first: usize, last: usize) -> String {
    let lang = crate::i18n::lang().folder();
    format!("{lang}{}:{first}-{last}", selected.query().unwrap_or_default())
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static SHELVES: std::cell::RefCell<std::collections::HashMap<String, Shelf>> = Default::default();
}

/// Keeps a shelf shown this visit (fetched, or carried by a prerendered page).
pub fn keep_shelf(key: String, shelf: &Shelf) {
    #[cfg(target_arch = "wasm32")]
    SHELVES.with(|s| s.borrow_mut().insert(key, shelf.clone()));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, shelf);
}

fn kept_shelf(key: &str) -> Option<Shelf> {
    #[cfg(target_arch = "wasm32")]
    return SHELVES.with(|s| s.borrow().get(key).cloned());
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Prerendering: the hub document with its page's first cards in it, so the page carries
/// what it shows in the one document hydration reads (no second fetch in the browser).
#[cfg(not(target_arch = "wasm32"))]
async fn with_first_shelf(page: &Page, text: String) -> Raw {
    let Some((listing, n)) = page.listing() else {
        return Ok(text);
    };
    let mut doc = hub(&text)?;
    let shelf = load_shelf(listing.selection(), n, n).await?;
    doc.shelf = Some((page.path(), shelf));
    serde_json::to_string(&doc).map_err(|_| LoadError::Malformed)
}

/// `load`, keeping what it read for the rest of the visit.
async fn load_kept(file: String) -> Raw {
    let text = load(file.clone()).await?;
    remember(&file, &text);
    Ok(text)
}

pub fn article(text: &str) -> Loaded<ArticleDoc> {
    Ok(decode(text)?)
}

pub fn topic(text: &str) -> Loaded<TopicDoc> {
    Ok(decode(text)?)
}

pub fn glossary(text: &str) -> Loaded<GlossaryDoc> {
    Ok(decode(text)?)
}

pub fn connect(text: &str) -> Loaded<cart_model::ConnectDoc> {
    Ok(decode(text)?)
}

// Documents already read this visit, so pages already seen still open when the network
// drops. Only successes are kept: a Retry after a failure always asks the server again.
#[cfg(target_arch = "wasm32")]
thread_local! {
    static SEEN: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// Keeps a document the page was given (fetched, or carried by a prerendered page).
pub fn remember(file: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    SEEN.with(|s| s.borrow_mut().insert(file.to_string(), text.to_string()));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (file, text);
}

#[cfg(target_arch = "wasm32")]
async fn load(file: String) -> Raw {
    if let Some(text) = SEEN.with(|s| s.borrow().get(&file).cloned()) {
        return Ok(text);
    }
    use send_wrapper::SendWrapper;
    // The browser future is not Send; it only ever runs on the one browser thread.
    SendWrapper::new(async move {
        // Abort the request when the page that asked for it goes away, so a late answer
        // never lands on a newer page.
        let controller = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = controller.as_ref().map(|c| c.signal());
        leptos::prelude::on_cleanup(move || {
            if let Some(c) = controller.take() {
                c.abort();
            }
        });
        let url = crate::site_path(&format!("/data/{file}"));
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|_| LoadError::Network)?;
        let status = response.status();
        if !(200..300).contains(&status) {
            return Err(LoadError::Http(status));
        }
        response.text().await.map_err(|_| LoadError::Network)
    })
    .await
}

#[cfg(not(target_arch = "wasm32"))]
static DATA_DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// Where the native loader reads documents (the prerenderer points it at `dist/data`).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_data_dir(dir: std::path::PathBuf) {
    let _ = DATA_DIR.set(dir);
}

#[cfg(not(target_arch = "wasm32"))]
async fn load(file: String) -> Raw {
    let dir = DATA_DIR.get().cloned().unwrap_or_else(|| "dist/data".into());
    match std::fs::read_to_string(dir.join(&file)) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(LoadError::Http(404)),
        Err(_) => Err(LoadError::Network),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_that_could_escape_the_data_folder_name_no_page() {
        for bad in ["", "../index", "a/b", "A", "a.json", "a%2f"] {
            assert_eq!(Page::article(bad), None, "{bad}");
        }
        assert!(Page::article("car-t-for-lymphoma").is_some());
    }

    #[test]
    fn every_error_has_plain_words() {
        for e in [LoadError::NotFound, LoadError::Network, LoadError::Http(500), LoadError::Malformed, LoadError::UnsupportedVersion(2)] {
            let text = e.explain();
            assert!(text.ends_with('.') && !text.contains("Error("), "{text}");
        }
        assert!(LoadError::Http(503).explain().contains("503"));
    }
}
