//! Stage 1: read each source file once into a typed value — front matter, Markdown body and
//! the line map that errors point with — and give each page its slug.

use crate::dates::Day;
use crate::error::{ContentError, Result};
use crate::front_matter::{self, Split};
use crate::markdown;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use cart_model::PageRef;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One content file, parsed: its typed front matter and its Markdown as the model's nodes.
pub struct SourceDoc<F> {
    pub file: PathBuf,
    pub front: F,
    /// The page's slug: front matter `slug`, else the file name (set by `assign_slugs`).
    pub slug: String,
    front_text: String,
    front_line: usize,
    body_text: String,
    body_line: usize,
    /// The body, parsed once; `None` when the Markdown was rejected (the error is recorded).
    pub body: Option<markdown::Parsed>,
}

impl<F> SourceDoc<F> {
    /// The split view the front-matter helpers read line numbers from.
    pub fn split(&self) -> Split<'_> {
        Split { front: &self.front_text, body: &self.body_text, front_line: self.front_line, body_line: self.body_line }
    }

    /// The Markdown source of the body and its first line (for line-based checks).
    pub fn body_source(&self) -> (&str, usize) {
        (&self.body_text, self.body_line)
    }

    /// The line of `key = ...` in the front matter.
    pub fn line_of(&self, key: &str) -> usize {
        front_matter::line_of(&self.split(), key)
    }

    pub fn error(&self, line: usize, reason: impl Into<String>) -> ContentError {
        ContentError::new(&self.file, line, reason)
    }

    /// An error at a front-matter key.
    pub fn error_at(&self, key: &str, reason: impl Into<String>) -> ContentError {
        self.error(self.line_of(key), reason)
    }
}

/// Reads and parses one file; a Markdown error is recorded and leaves `body` empty, so the
/// front matter can still be checked.
pub fn load<F: DeserializeOwned>(file: &Path, errors: &mut Vec<ContentError>) -> Result<SourceDoc<F>> {
    let text = read(file)?;
    let split = front_matter::split(file, &text)?;
    let mut doc = front_only(file, &split, front_matter::parse::<F>(file, &split)?);
    doc.body = markdown::parse(file, split.body, split.body_line).map_err(|e| errors.push(e)).ok();
    doc.body_text = split.body.to_string();
    Ok(doc)
}

/// A page with its front matter and no body yet.
fn front_only<F>(file: &Path, split: &Split, front: F) -> SourceDoc<F> {
    SourceDoc {
        file: file.to_path_buf(),
        front,
        slug: String::new(),
        front_text: split.front.to_string(),
        front_line: split.front_line,
        body_text: String::new(),
        body_line: split.body_line,
        body: None,
    }
}

/// How much of each file `load_dir` keeps.
#[derive(Clone, Copy, PartialEq)]
pub enum Keep {
    /// Front matter and parsed body (hub and topics: few, and read whole by every stage).
    Whole,
    /// Front matter only; the body is read again by `with_body` when the page's turn comes
    /// (articles: so a large library is never held in memory at once).
    Front,
}

/// Reads one file's front matter only (see `Keep::Front`).
pub fn load_front<F: DeserializeOwned>(file: &Path) -> Result<SourceDoc<F>> {
    let text = read(file)?;
    let split = front_matter::split(file, &text)?;
    Ok(front_only(file, &split, front_matter::parse::<F>(file, &split)?))
}

/// The page of a front-only `doc` with its body read and parsed, keeping the front matter
/// (and slug) `doc` already has: a translation's is already joined to its original's.
pub fn with_body<F: Clone>(doc: &SourceDoc<F>, errors: &mut Vec<ContentError>) -> Result<SourceDoc<F>> {
    let text = read(&doc.file)?;
    let split = front_matter::split(&doc.file, &text)?;
    let body = markdown::parse(&doc.file, split.body, split.body_line).map_err(|e| errors.push(e)).ok();
    Ok(SourceDoc {
        file: doc.file.clone(),
        front: doc.front.clone(),
        slug: doc.slug.clone(),
        front_text: doc.front_text.clone(),
        front_line: split.front_line,
        body_text: split.body.to_string(),
        body_line: split.body_line,
        body,
    })
}

fn read(file: &Path) -> Result<String> {
    std::fs::read_to_string(file).map_err(|e| ContentError::new(file, 0, format!("cannot read: {e}")))
}

/// Every `.md` file of a folder, in name order.
pub fn load_dir<F: DeserializeOwned + Send>(dir: &Path, keep: Keep, errors: &mut Vec<ContentError>) -> Vec<SourceDoc<F>> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect(),
        Err(e) => {
            errors.push(ContentError::new(dir, 0, format!("cannot read folder: {e}")));
            return vec![];
        }
    };
    files.sort();
    // Each file parsed on its own core; rayon keeps the order, so errors stay in file order.
    let loaded: Vec<(Option<SourceDoc<F>>, Vec<ContentError>)> = files
        .par_iter()
        .map(|f| {
            let mut found = Vec::new();
            let doc = match keep {
                Keep::Whole => load::<F>(f, &mut found),
                Keep::Front => load_front::<F>(f),
            };
            let doc = doc.map_err(|e| found.push(e)).ok();
            (doc, found)
        })
        .collect();
    crate::error::gather(loaded, errors)
}

/// Sets each file's slug (front matter `slug`, else the file name), checked against the page
/// model's slug rule and for duplicates.
pub fn assign_slugs<F>(docs: &mut [SourceDoc<F>], explicit: impl Fn(&F) -> Option<&str>, errors: &mut Vec<ContentError>) {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for doc in docs.iter_mut() {
        let slug = explicit(&doc.front)
            .map(str::to_string)
            .unwrap_or_else(|| doc.file.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        if !cart_model::is_slug(&slug) {
            errors.push(doc.error_at("slug", format!("slug \"{slug}\" must be lower-case letters, digits and hyphens")));
        } else if let Some(other) = seen.get(&slug) {
            errors.push(doc.error_at("slug", format!("duplicate slug \"{slug}\": also used by {}", other.display())));
        } else {
            seen.insert(slug.clone(), doc.file.clone());
        }
        doc.slug = slug;
    }
}

/// Front-matter references to other pages, with their titles.
pub fn refs<F>(src: &SourceDoc<F>, key: &str, names: &[String], known: &BTreeMap<&str, &str>, what: &str) -> Result<Vec<PageRef>> {
    names
        .iter()
        .map(|n| match known.get(n.as_str()) {
            Some(title) => Ok(PageRef { slug: n.clone(), title: title.to_string() }),
            None => Err(src.error_at(key, format!("{key} names {what} \"{n}\", which does not exist"))),
        })
        .collect()
}

pub fn require_text<F>(src: &SourceDoc<F>, key: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(src.error_at(key, format!("{key} is empty")));
    }
    Ok(())
}

/// A past-or-present date from the front matter.
pub fn past_date<F>(src: &SourceDoc<F>, key: &str, value: &str, today: Day) -> Result<Day> {
    let day = Day::parse(value).map_err(|r| src.error_at(key, format!("{key}: {r}")))?;
    if day > today {
        return Err(src.error_at(key, format!("{key} {value} is in the future")));
    }
    Ok(day)
}

impl<T> SourceDoc<T> {
    /// The same file with another front matter: how a translation takes its original's
    /// shared fields (its own words, body and line numbers stay).
    pub fn with_front<F>(self, front: F) -> SourceDoc<F> {
        SourceDoc {
            file: self.file,
            front,
            slug: self.slug,
            front_text: self.front_text,
            front_line: self.front_line,
            body_text: self.body_text,
            body_line: self.body_line,
            body: self.body,
        }
    }
}
