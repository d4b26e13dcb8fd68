//! Splits a source file into TOML front matter and Markdown body, and types the front matter.

use crate::error::{ContentError, Result};
use serde::{de::DeserializeOwned, Deserialize};
use std::path::Path;

/// A source file cut in two, remembering where the body starts for line numbers.
pub struct Split<'a> {
    pub front: &'a str,
    pub body: &'a str,
    /// 1-based line of the first front-matter line (after the opening `+++`).
    pub front_line: usize,
    /// 1-based line of the first body line.
    pub body_line: usize,
}

pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| ContentError::new(file, 1, "the file must start with a `+++` line opening the TOML front matter"))?;
    let close = find_closing(rest)
        .ok_or_else(|| ContentError::new(file, 1, "the front matter is not closed by a `+++` line"))?;
    let front = &rest[..close];
    let after = &rest[close..];
    let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let front_lines = front.matches('\n').count();
    Ok(Split { front, body, front_line: 2, body_line: 2 + front_lines + 1 })
}

fn find_closing(rest: &str) -> Option<usize> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Reads a TOML data file (`glossary.toml`, `products.toml`, `connect.toml`) into `T`, with its
/// text for finding entries' lines; `None` if the file does not exist (an optional file). A
/// parse error names the file and the line it points at.
pub fn read_toml<T: DeserializeOwned>(file: &Path) -> Result<Option<(T, String)>> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ContentError::new(file, 0, format!("cannot read: {e}"))),
    };
    let parsed = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count()).unwrap_or(1);
        ContentError::new(file, line, e.message().to_string())
    })?;
    Ok(Some((parsed, text)))
}

/// Parses front matter into `T`, turning TOML errors into the file and line they point at.
pub fn parse<T: DeserializeOwned>(file: &Path, split: &Split) -> Result<T> {
    toml::from_str(split.front).map_err(|e| {
        let line = e
            .span()
            .map(|s| split.front_line + split.front[..s.start.min(split.front.len())].matches('\n').count())
            .unwrap_or(split.front_line - 1);
        ContentError::new(file, line, format!("front matter: {}", e.message()))
    })
}

/// The line of `key = ...` in the front matter, for errors found after parsing.
pub fn line_of(split: &Split, key: &str) -> usize {
    split
        .front
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| split.front_line + i)
        .unwrap_or(split.front_line - 1)
}

/// The line of the `n`th `[[sources]]` table (0-based).
pub fn line_of_source(split: &Split, n: usize) -> usize {
    split
        .front
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[sources]]")
        .nth(n)
        .map(|(i, _)| split.front_line + i)
        .unwrap_or(split.front_line - 1)
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct HubFront {
    pub title: String,
    /// The meta description.
    pub summary: String,
    /// Two or three sentences above the library.
    pub lede: String,
    /// Reading paths shown on the hub: article slugs in order.
    pub start_here: Vec<String>,
    pub caregiver_path: Vec<String>,
    pub last_reviewed: String,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct ArticleFront {
    /// Defaults to the file name.
    pub slug: Option<String>,
    pub title: String,
    pub summary: String,
    pub cancer_types: Vec<String>,
    pub topics: Vec<String>,
    /// Where in the treatment journey a reader needs it (`understanding`, `deciding`,
    /// `preparing`, `treatment`, `recovery`).
    pub stage: String,
    /// The editor's order within the stage (lower first).
    pub order: u32,
    pub published: String,
    pub last_reviewed: String,
    pub next_review: String,
    pub review_basis: String,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub checklist: bool,
    pub sources: Vec<SourceFront>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceFront {
    /// What citation markers in the body (`[@id]`) name this source by.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TopicFront {
    pub slug: Option<String>,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub related: Vec<String>,
}

/// The front matter of an article in another language: the words only. Everything else
/// (cancer types, topics, stage, dates, sources, related pages) is the English original's,
/// so the editions cannot drift apart on facts.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TwinArticleFront {
    /// The English original's slug (and this file's name).
    pub original: String,
    pub title: String,
    pub summary: String,
    /// Must equal the original's: a translation is reviewed with it.
    pub last_reviewed: String,
    pub review_basis: String,
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TwinTopicFront {
    pub original: String,
    pub title: String,
    pub summary: String,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TwinHubFront {
    pub title: String,
    pub summary: String,
    pub lede: String,
    pub last_reviewed: String,
}
