//! Stage 2 for articles: validate the front matter and build the article document from the
//! parsed source. Each check is its own function; the first failure of an article is its
//! error (later checks would only repeat it).

use crate::dates::Day;
use crate::error::Result;
use crate::front_matter::{self, ArticleFront};
use crate::source::{past_date, refs, require_text, SourceDoc};
use cart_model::{reading_minutes, word_count, Article, CancerType, Lang, Source, Stage};
use std::collections::BTreeMap;

pub const MIN_SOURCES: usize = 3;

/// Titles by slug: what front-matter references are checked against.
pub type Titles<'a> = BTreeMap<&'a str, &'a str>;

/// An article's source list with the ids citations name them by ("" for a source no
/// citation names).
pub type CitedSources = Vec<(String, Source)>;

/// The article document for one source file, and its sources with their ids.
pub fn compile(src: &SourceDoc<ArticleFront>, lang: Lang, today: Day, articles: &Titles, topics: &Titles) -> Result<(Article, CitedSources)> {
    let f = &src.front;
    for (key, value) in [("title", &f.title), ("summary", &f.summary), ("review_basis", &f.review_basis)] {
        require_text(src, key, value)?;
    }
    let cancer_types = cancer_types(src)?;
    let stage = Stage::from_slug(&f.stage).ok_or_else(|| {
        src.error_at("stage", format!("unknown stage \"{}\": use understanding, deciding, preparing, treatment or recovery", f.stage))
    })?;
    if f.topics.is_empty() {
        return Err(src.error_at("topics", "topics is empty: name at least one topic"));
    }
    let topic_refs = refs(src, "topics", &f.topics, topics, "topic")?;
    let related = refs(src, "related", &f.related, articles, "article")?;
    if f.related.contains(&src.slug) {
        return Err(src.error_at("related", "an article cannot be related to itself"));
    }
    let (published, last_reviewed, next_review) = review_dates(src, today)?;
    let cited = sources(src)?;
    let sources = cited.iter().map(|(_, s)| s.clone()).collect();
    let body = src.body.as_ref().map(|b| b.blocks.clone()).unwrap_or_default();
    if body.is_empty() && src.body.is_some() {
        return Err(src.error(src.body_source().1, "the article has no body"));
    }
    let article = Article {
        slug: src.slug.clone(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        cancer_types,
        stage,
        topics: topic_refs,
        reading_minutes: reading_minutes(word_count(&body)),
        published: published.to_model(lang),
        last_reviewed: last_reviewed.to_model(lang),
        next_review: next_review.to_model(lang),
        review_basis: f.review_basis.clone(),
        body,
        questions: f.questions.clone(),
        checklist: f.checklist,
        sources,
        related,
        next: None,
    };
    Ok((article, cited))
}

fn cancer_types(src: &SourceDoc<ArticleFront>) -> Result<Vec<CancerType>> {
    let names = &src.front.cancer_types;
    if names.is_empty() {
        return Err(src.error_at("cancer_types", "cancer_types is empty: name at least one of lymphoma, all, myeloma, solid-tumors"));
    }
    let mut types = Vec::new();
    for name in names {
        match CancerType::from_slug(name) {
            Some(t) if !types.contains(&t) => types.push(t),
            Some(_) => return Err(src.error_at("cancer_types", format!("cancer type \"{name}\" is listed twice"))),
            None => return Err(src.error_at("cancer_types", format!("unknown cancer type \"{name}\": use lymphoma, all, myeloma or solid-tumors"))),
        }
    }
    types.sort();
    Ok(types)
}

fn review_dates(src: &SourceDoc<ArticleFront>, today: Day) -> Result<(Day, Day, Day)> {
    let f = &src.front;
    let published = past_date(src, "published", &f.published, today)?;
    let last_reviewed = past_date(src, "last_reviewed", &f.last_reviewed, today)?;
    let next_review = Day::parse(&f.next_review).map_err(|r| src.error_at("next_review", r))?;
    if last_reviewed < published {
        return Err(src.error_at("last_reviewed", "last_reviewed is before published"));
    }
    if next_review <= last_reviewed {
        return Err(src.error_at("next_review", "next_review must come after last_reviewed"));
    }
    Ok((published, last_reviewed, next_review))
}

fn sources(src: &SourceDoc<ArticleFront>) -> Result<CitedSources> {
    let list = &src.front.sources;
    if list.len() < MIN_SOURCES {
        return Err(src.error(1, format!("an article needs at least {MIN_SOURCES} [[sources]]; found {}", list.len())));
    }
    let split = src.split();
    let mut sources = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let line = front_matter::line_of_source(&split, i);
        if !s.url.starts_with("https://") || cart_model::classify_href(&s.url).is_none() {
            return Err(src.error(line, format!("source URL \"{}\" must be an https link", s.url)));
        }
        if s.title.trim().is_empty() || s.publisher.trim().is_empty() {
            return Err(src.error(line, "a source needs a title and a publisher"));
        }
        let id = s.id.clone().unwrap_or_default();
        if s.id.is_some() && !cart_model::is_slug(&id) {
            return Err(src.error(line, format!("source id \"{id}\" must be lower-case letters, digits and hyphens")));
        }
        if !id.is_empty() && sources.iter().any(|(other, _): &(String, Source)| *other == id) {
            return Err(src.error(line, format!("source id \"{id}\" is used twice on this page")));
        }
        sources.push((id, Source { title: s.title.clone(), publisher: s.publisher.clone(), url: s.url.clone() }));
    }
    Ok(sources)
}
