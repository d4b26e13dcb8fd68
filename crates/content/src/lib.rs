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
