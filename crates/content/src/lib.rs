//! The content compiler: reads `content/` (Markdown with TOML front matter), validates it,
//! and writes the JSON documents the app fetches. Each step is its own module: split and
//! type the front matter, parse Markdown into the model's node tree, check cross-references.

pub mod article;
pub mod citations;
pub mod claims;
pub mod connect;
pub mod dates;
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
pub use site::{compile, ArticleReport, Site, MAX_GRADE, MAX_MEDIAN_GRADE};

use cart_model::library::{self, CardsDoc, FacetsDoc};
use cart_model::{page, HubDoc, IndexDoc, PagesDoc};
use std::path::Path;

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
    for doc in &site.articles {
        write_json(&out.join("articles").join(format!("{}.json", doc.article.slug)), doc)?;
    }
    for doc in &site.topics {
        write_json(&out.join("topics").join(format!("{}.json", doc.topic.slug)), doc)?;
    }
    Ok(())
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
