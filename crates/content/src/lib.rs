//! The content compiler: reads `content/` (Markdown with TOML front matter), validates it,
//! and writes the JSON documents the app fetches. Each step is its own module: split and
//! type the front matter, parse Markdown into the model's node tree, check cross-references.

pub mod article;
pub mod citations;
pub mod claims;
pub mod connect;
pub mod dates;
pub mod articles;
mod editions;
pub mod error;
pub mod figures;
pub mod front_matter;
pub mod glossary;
pub mod markdown;
pub mod numbers;
pub mod products;
pub mod readability;
pub mod review;
mod site;
pub mod source;

pub use error::ContentError;
pub use site::{compile, compile_to, ArticleReport, Site, MAX_GRADE, MAX_MEDIAN_GRADE};

use cart_model::library::{self, CardsDoc, FacetsDoc};
use cart_model::{page, HubDoc, IndexDoc, PagesDoc};
use rayon::prelude::*;
use std::path::Path;

/// Compiles `content` and writes every edition under `out`, each article as soon as it is
/// compiled (`site::compile_to`), so memory does not grow with the library. Everything is
/// written into `<out>.partial` first and moved to `out` only when the whole site compiled:
/// content with errors leaves `out` as it was.
pub fn build(content: &Path, out: &Path) -> std::result::Result<Site, Vec<ContentError>> {
    let staging = out.with_extension("partial");
    let io = |e: std::io::Error| vec![ContentError::new(out, 0, format!("cannot write: {e}"))];
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io)?;
    }
    let result = site::compile_to(content, articles::Output::Write(&staging)).and_then(|site| write(&site, &staging).map(|_| site).map_err(io));
    match result {
        Ok(site) => {
            if out.exists() {
                std::fs::remove_dir_all(out).map_err(io)?;
            }
            std::fs::rename(&staging, out).map_err(io)?;
            Ok(site)
        }
        Err(errors) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(errors)
        }
    }
}

/// Writes every edition: `index.json`, `glossary.json`, `articles/<slug>.json` and
/// `topics/<slug>.json` under `out` for the default language, under `out/<lang>/` for others.
pub fn write(site: &Site, out: &Path) -> std::io::Result<()> {
    site.editions().try_for_each(|edition| write_edition(edition, &out.join(edition.lang.folder())))
}

fn write_edition(site: &Site, out: &Path) -> std::io::Result<()> {
    let write_json = |path: &Path, value: &dyn erased::Json| -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, value.to_json()?)
    };
    write_json(&out.join("index.json"), &site.index)?;
    write_json(&out.join(page::PAGES_FILE), &PagesDoc::of(&site.index))?;
    write_library(&site.index, out, &write_json)?;
    write_json(&out.join("glossary.json"), &site.glossary)?;
    write_json(&out.join("connect.json"), &site.connect)?;
    write_json(&out.join(cart_model::page::SEARCH_FILE), &site.search)?;
    // One file per document, written on every core (serialising is most of the time).
    std::fs::create_dir_all(out.join("articles"))?;
    std::fs::create_dir_all(out.join("topics"))?;
    site.articles.par_iter().try_for_each(|doc| write_json(&out.join("articles").join(format!("{}.json", doc.article.slug)), doc))?;
    site.topics.par_iter().try_for_each(|doc| write_json(&out.join("topics").join(format!("{}.json", doc.topic.slug)), doc))
}

/// The hub's documents (`hub.json`) and the library a page at a time (`cart_model::library`).
fn write_library(index: &IndexDoc, out: &Path, write_json: &dyn Fn(&Path, &dyn erased::Json) -> std::io::Result<()>) -> std::io::Result<()> {
    let hub = HubDoc { schema: index.schema, hub: index.hub.clone(), topics: index.topics.clone(), shelf: None };
    write_json(&out.join(page::HUB_FILE), &hub)?;
    let facets = FacetsDoc { schema: index.schema, facets: index.articles.iter().map(library::facet_code).collect() };
    write_json(&out.join(library::FACETS_FILE), &facets)?;
    for (n, chunk) in index.articles.chunks(library::PER_PAGE).enumerate() {
        write_json(&out.join(library::cards_file(n)), &CardsDoc { schema: index.schema, articles: chunk.to_vec() })?;
    }
    Ok(())
}

mod erased {
    /// Lets one closure write any of the document types.
    pub trait Json {
        fn to_json(&self) -> std::io::Result<String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> std::io::Result<String> {
            serde_json::to_string(self).map_err(std::io::Error::other)
        }
    }
}
