//! Reading the whole content folder and checking it as one site.

use crate::dates::Day;
use crate::error::{ContentError, Result};
use crate::front_matter::{self, ArticleFront, HubFront, Split, TopicFront};
use crate::markdown;
use crate::{claims, glossary, readability};
use cart_model::{
    reading_minutes, word_count, Article, ArticleDoc, ArticleSummary, CancerType, GlossaryDoc, Hub, IndexDoc, PageRef,
    Source, Topic, TopicDoc, TopicSummary, SCHEMA_VERSION,
};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Every chip must lead somewhere: at least this many articles per cancer type.
pub const MIN_ARTICLES_PER_TYPE: usize = 2;
pub const MIN_SOURCES: usize = 3;
/// Plain language: every article at or below this Flesch-Kincaid grade...
pub const MAX_GRADE: f64 = 9.0;
/// ...and the median article at or below this one.
pub const MAX_MEDIAN_GRADE: f64 = 8.0;

#[derive(Debug)]
pub struct Site {
    pub index: IndexDoc,
    pub articles: Vec<ArticleDoc>,
    pub topics: Vec<TopicDoc>,
    pub glossary: GlossaryDoc,
    /// Per article, for the build output.
    pub reports: Vec<ArticleReport>,
}

#[derive(Debug, Clone)]
pub struct ArticleReport {
    pub slug: String,
    pub words: usize,
    pub grade: f64,
}

struct SourceFile<T> {
    file: PathBuf,
    text: String,
    front: T,
}

/// Compiles `dir` (holding `hub.md`, `articles/`, `topics/`). Returns every error found,
/// not just the first, so an author can fix them in one pass.
pub fn compile(dir: &Path) -> std::result::Result<Site, Vec<ContentError>> {
    let mut errors = Vec::new();
    let hub_file = dir.join("hub.md");
    let hub = load::<HubFront>(&hub_file).map_err(|e| errors.push(e)).ok();
    let articles = load_dir::<ArticleFront>(&dir.join("articles"), &mut errors);
    let topics = load_dir::<TopicFront>(&dir.join("topics"), &mut errors);
    let glossary_file = dir.join("glossary.toml");
    let terms = glossary::load(&glossary_file).map_err(|e| errors.push(e)).unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    let term_slugs: HashSet<String> = terms.iter().map(|t| t.entry.slug.clone()).collect();
    let (Some(hub), articles, topics) = (hub, articles, topics) else { return Err(errors) };
    let today = Day::today();

    // Slugs first: every cross-reference check needs the full set.
    let article_slugs = slugs(&articles, |f| f.slug.as_deref(), &mut errors);
    let topic_slugs = slugs(&topics, |f| f.slug.as_deref(), &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let topic_titles: BTreeMap<&str, &str> =
        topic_slugs.iter().zip(&topics).map(|(s, t)| (s.as_str(), t.front.title.as_str())).collect();
    let article_titles: BTreeMap<&str, &str> =
        article_slugs.iter().zip(&articles).map(|(s, a)| (s.as_str(), a.front.title.as_str())).collect();

    let check_body_links = |file: &Path, links: &[markdown::BodyLink], errors: &mut Vec<ContentError>| {
        for link in links {
            if let Err(reason) = check_site_path(&link.href, &article_titles, &topic_titles, &term_slugs) {
                errors.push(ContentError::new(file, link.line, reason));
            }
        }
    };
    // Rules that changed (the 2025 REMS removal): stated as current, they stop the build.
    for (file, text) in std::iter::once((&hub.file, &hub.text))
        .chain(articles.iter().map(|a| (&a.file, &a.text)))
        .chain(topics.iter().map(|t| (&t.file, &t.text)))
    {
        if let Ok(split) = front_matter::split(file, text) {
            for (line, reason) in claims::outdated(split.body, split.body_line) {
                errors.push(ContentError::new(file, line, format!("outdated claim: {reason}")));
            }
        }
    }

    // The hub.
    let hub_doc = (|| -> Result<Hub> {
        let split = front_matter::split(&hub.file, &hub.text)?;
        let last_reviewed = date(&hub.file, &split, "last_reviewed", &hub.front.last_reviewed, today)?;
        require_text(&hub.file, &split, "title", &hub.front.title)?;
        require_text(&hub.file, &split, "summary", &hub.front.summary)?;
        let body = markdown::parse(&hub.file, split.body, split.body_line)?;
        check_body_links(&hub.file, &body.links, &mut Vec::new());
        Ok(Hub { title: hub.front.title.clone(), summary: hub.front.summary.clone(), last_reviewed: last_reviewed.to_model(), body: body.blocks })
    })();
    let hub_doc = hub_doc.map_err(|e| errors.push(e)).ok();
    if let Ok(split) = front_matter::split(&hub.file, &hub.text) {
        if let Ok(body) = markdown::parse(&hub.file, split.body, split.body_line) {
            check_body_links(&hub.file, &body.links, &mut errors);
        }
    }

    // Articles.
    let mut compiled_articles = Vec::new();
    let mut reports = Vec::new();
    let mut used_terms = HashSet::new();
    for (src, slug) in articles.iter().zip(&article_slugs) {
        match compile_article(src, slug, today, &article_titles, &topic_titles) {
            Ok((mut article, links)) => {
                check_body_links(&src.file, &links, &mut errors);
                let counts = readability::counts(&article.body);
                let grade = counts.grade();
                if grade > MAX_GRADE {
                    let line = front_matter::split(&src.file, &src.text).map(|s| s.body_line).unwrap_or(1);
                    errors.push(ContentError::new(
                        &src.file,
                        line,
                        format!("reading grade {grade:.1} is above {MAX_GRADE}: use shorter sentences and plainer words"),
                    ));
                }
                reports.push(ArticleReport { slug: slug.clone(), words: word_count(&article.body), grade });
                glossary::link_first_uses(&mut article.body, &terms, &mut used_terms);
                compiled_articles.push(article);
            }
            Err(e) => errors.push(e),
        }
    }
    let mut grades: Vec<f64> = reports.iter().map(|r| r.grade).collect();
    grades.sort_by(f64::total_cmp);
    if let Some(median) = grades.get(grades.len() / 2).copied() {
        let median = if grades.len() % 2 == 0 { (median + grades[grades.len() / 2 - 1]) / 2.0 } else { median };
        if median > MAX_MEDIAN_GRADE {
            errors.push(ContentError::new(dir.join("articles"), 0, format!("median reading grade {median:.1} is above {MAX_MEDIAN_GRADE}")));
        }
    }
    for t in terms.iter().filter(|t| !used_terms.contains(&t.entry.slug)) {
        errors.push(ContentError::new(
            &glossary_file,
            t.line,
            format!("glossary term \"{}\" is not used in any article: use it or remove it", t.entry.term),
        ));
    }

    // Topics.
    let mut compiled_topics = Vec::new();
    for (src, slug) in topics.iter().zip(&topic_slugs) {
        let result = (|| -> Result<Topic> {
            let split = front_matter::split(&src.file, &src.text)?;
            require_text(&src.file, &split, "title", &src.front.title)?;
            require_text(&src.file, &split, "summary", &src.front.summary)?;
            let related = refs(&src.file, &split, "related", &src.front.related, &topic_titles, "topic")?;
            if src.front.related.iter().any(|r| r == slug) {
                return Err(ContentError::new(&src.file, front_matter::line_of(&split, "related"), "a topic cannot be related to itself"));
            }
            let body = markdown::parse(&src.file, split.body, split.body_line)?;
            check_body_links(&src.file, &body.links, &mut errors);
            Ok(Topic { slug: slug.clone(), title: src.front.title.clone(), summary: src.front.summary.clone(), body: body.blocks, articles: vec![], related })
        })();
        match result {
            Ok(t) => compiled_topics.push(t),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(hub_doc) = hub_doc else { return Err(errors) };

    // Newest first, so the hub leads with what changed.
    compiled_articles.sort_by(|a, b| b.published.iso.cmp(&a.published.iso).then(a.title.cmp(&b.title)));
    let summaries: Vec<ArticleSummary> = compiled_articles.iter().map(summary_of).collect();

    for topic in &mut compiled_topics {
        topic.articles = compiled_articles
            .iter()
            .filter(|a| a.topics.iter().any(|t| t.slug == topic.slug))
            .map(summary_of)
            .collect();
        if topic.articles.is_empty() {
            let file = topics.iter().zip(&topic_slugs).find(|(_, s)| **s == topic.slug).map(|(t, _)| t.file.clone()).unwrap_or_default();
            errors.push(ContentError::new(file, 1, format!("topic \"{}\" has no articles: list it in some article's `topics`", topic.slug)));
        }
    }
    for t in CancerType::EVERY {
        let n = summaries.iter().filter(|a| a.cancer_types.contains(&t)).count();
        if n < MIN_ARTICLES_PER_TYPE {
            errors.push(ContentError::new(
                dir.join("articles"),
                0,
                format!("the \"{}\" chip has {n} article(s); it needs at least {MIN_ARTICLES_PER_TYPE}", t.slug()),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    compiled_topics.sort_by(|a, b| a.title.cmp(&b.title));
    let topic_summaries = compiled_topics
        .iter()
        .map(|t| TopicSummary { slug: t.slug.clone(), title: t.title.clone(), summary: t.summary.clone(), article_count: t.articles.len() as u32 })
        .collect();
    Ok(Site {
        glossary: GlossaryDoc { schema: SCHEMA_VERSION, terms: terms.into_iter().map(|t| t.entry).collect() },
        reports,
        index: IndexDoc { schema: SCHEMA_VERSION, hub: hub_doc, articles: summaries, topics: topic_summaries },
        articles: compiled_articles.into_iter().map(|article| ArticleDoc { schema: SCHEMA_VERSION, article }).collect(),
        topics: compiled_topics.into_iter().map(|topic| TopicDoc { schema: SCHEMA_VERSION, topic }).collect(),
    })
}

fn compile_article(
    src: &SourceFile<ArticleFront>,
    slug: &str,
    today: Day,
    articles: &BTreeMap<&str, &str>,
    topics: &BTreeMap<&str, &str>,
) -> Result<(Article, Vec<markdown::BodyLink>)> {
    let (file, f) = (&src.file, &src.front);
    let split = front_matter::split(file, &src.text)?;
    for (key, value) in [("title", &f.title), ("summary", &f.summary), ("review_basis", &f.review_basis)] {
        require_text(file, &split, key, value)?;
    }
    if f.cancer_types.is_empty() {
        return Err(ContentError::new(file, front_matter::line_of(&split, "cancer_types"), "cancer_types is empty: name at least one of lymphoma, all, myeloma, solid-tumors"));
    }
    let mut cancer_types = Vec::new();
    for name in &f.cancer_types {
        match CancerType::from_slug(name) {
            Some(t) if !cancer_types.contains(&t) => cancer_types.push(t),
            Some(_) => return Err(ContentError::new(file, front_matter::line_of(&split, "cancer_types"), format!("cancer type \"{name}\" is listed twice"))),
            None => {
                return Err(ContentError::new(
                    file,
                    front_matter::line_of(&split, "cancer_types"),
                    format!("unknown cancer type \"{name}\": use lymphoma, all, myeloma or solid-tumors"),
                ))
            }
        }
    }
    cancer_types.sort();
    if f.topics.is_empty() {
        return Err(ContentError::new(file, front_matter::line_of(&split, "topics"), "topics is empty: name at least one topic"));
    }
    let topic_refs = refs(file, &split, "topics", &f.topics, topics, "topic")?;
    let related = refs(file, &split, "related", &f.related, articles, "article")?;
    if f.related.iter().any(|r| r == slug) {
        return Err(ContentError::new(file, front_matter::line_of(&split, "related"), "an article cannot be related to itself"));
    }
    let published = date(file, &split, "published", &f.published, today)?;
    let last_reviewed = date(file, &split, "last_reviewed", &f.last_reviewed, today)?;
    let next_review = Day::parse(&f.next_review).map_err(|r| ContentError::new(file, front_matter::line_of(&split, "next_review"), r))?;
    if last_reviewed < published {
        return Err(ContentError::new(file, front_matter::line_of(&split, "last_reviewed"), "last_reviewed is before published"));
    }
    if next_review <= last_reviewed {
        return Err(ContentError::new(file, front_matter::line_of(&split, "next_review"), "next_review must come after last_reviewed"));
    }
    if f.sources.len() < MIN_SOURCES {
        return Err(ContentError::new(file, 1, format!("an article needs at least {MIN_SOURCES} [[sources]]; found {}", f.sources.len())));
    }
    let mut sources = Vec::new();
    for (i, s) in f.sources.iter().enumerate() {
        let line = front_matter::line_of_source(&split, i);
        if !s.url.starts_with("https://") || cart_model::classify_href(&s.url).is_none() {
            return Err(ContentError::new(file, line, format!("source URL \"{}\" must be an https link", s.url)));
        }
        if s.title.trim().is_empty() || s.publisher.trim().is_empty() {
            return Err(ContentError::new(file, line, "a source needs a title and a publisher"));
        }
        sources.push(Source { title: s.title.clone(), publisher: s.publisher.clone(), url: s.url.clone() });
    }
    let body = markdown::parse(file, split.body, split.body_line)?;
    if body.blocks.is_empty() {
        return Err(ContentError::new(file, split.body_line, "the article has no body"));
    }
    let words = word_count(&body.blocks);
    Ok((
        Article {
            slug: slug.to_string(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            cancer_types,
            topics: topic_refs,
            reading_minutes: reading_minutes(words),
            published: published.to_model(),
            last_reviewed: last_reviewed.to_model(),
            next_review: next_review.to_model(),
            review_basis: f.review_basis.clone(),
            body: body.blocks,
            questions: f.questions.clone(),
            checklist: f.checklist,
            sources,
            related,
        },
        body.links,
    ))
}

fn summary_of(a: &Article) -> ArticleSummary {
    ArticleSummary {
        slug: a.slug.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        cancer_types: a.cancer_types.clone(),
        reading_minutes: a.reading_minutes,
        published: a.published.clone(),
        last_reviewed: a.last_reviewed.clone(),
    }
}

fn load<T: serde::de::DeserializeOwned>(file: &Path) -> Result<SourceFile<T>> {
    let text = std::fs::read_to_string(file).map_err(|e| ContentError::new(file, 0, format!("cannot read: {e}")))?;
    let split = front_matter::split(file, &text)?;
    let front = front_matter::parse::<T>(file, &split)?;
    Ok(SourceFile { file: file.to_path_buf(), text, front })
}

fn load_dir<T: serde::de::DeserializeOwned>(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<SourceFile<T>> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect(),
        Err(e) => {
            errors.push(ContentError::new(dir, 0, format!("cannot read folder: {e}")));
            return vec![];
        }
    };
    files.sort();
    files.iter().filter_map(|f| load::<T>(f).map_err(|e| errors.push(e)).ok()).collect()
}

/// Each file's slug (front matter `slug`, else the file name), checked for form and duplicates.
fn slugs<T>(sources: &[SourceFile<T>], explicit: impl Fn(&T) -> Option<&str>, errors: &mut Vec<ContentError>) -> Vec<String> {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    sources
        .iter()
        .map(|s| {
            let slug = explicit(&s.front)
                .map(str::to_string)
                .unwrap_or_else(|| s.file.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            let line = front_matter::split(&s.file, &s.text).map(|sp| front_matter::line_of(&sp, "slug")).unwrap_or(1);
            if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                errors.push(ContentError::new(&s.file, line, format!("slug \"{slug}\" must be lower-case letters, digits and hyphens")));
            } else if let Some(other) = seen.get(&slug) {
                errors.push(ContentError::new(&s.file, line, format!("duplicate slug \"{slug}\": also used by {}", other.display())));
            } else {
                seen.insert(slug.clone(), s.file.clone());
            }
            slug
        })
        .collect()
}

fn refs(file: &Path, split: &Split, key: &str, names: &[String], known: &BTreeMap<&str, &str>, what: &str) -> Result<Vec<PageRef>> {
    names
        .iter()
        .map(|n| match known.get(n.as_str()) {
            Some(title) => Ok(PageRef { slug: n.clone(), title: title.to_string() }),
            None => Err(ContentError::new(file, front_matter::line_of(split, key), format!("{key} names {what} \"{n}\", which does not exist"))),
        })
        .collect()
}

fn require_text(file: &Path, split: &Split, key: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(ContentError::new(file, front_matter::line_of(split, key), format!("{key} is empty")));
    }
    Ok(())
}

/// A past-or-present date from the front matter.
fn date(file: &Path, split: &Split, key: &str, value: &str, today: Day) -> Result<Day> {
    let line = front_matter::line_of(split, key);
    let day = Day::parse(value).map_err(|r| ContentError::new(file, line, format!("{key}: {r}")))?;
    if day > today {
        return Err(ContentError::new(file, line, format!("{key} {value} is in the future")));
    }
    Ok(day)
}

/// Site paths content may link to.
fn check_site_path(
    href: &str,
    articles: &BTreeMap<&str, &str>,
    topics: &BTreeMap<&str, &str>,
    terms: &HashSet<String>,
) -> std::result::Result<(), String> {
    let path = href.split(['#', '?']).next().unwrap_or("");
    let fragment = href.split_once('#').map(|(_, f)| f);
    let ok = match path.trim_end_matches('/').split('/').collect::<Vec<_>>().as_slice() {
        ["", "glossary"] => fragment.is_none_or(|f| terms.contains(f)),
        [""] | ["", "topics"] => true,
        ["", "articles", slug] => articles.contains_key(slug),
        ["", "topics", slug] => topics.contains_key(slug),
        _ => false,
    };
    if ok { Ok(()) } else { Err(format!("link to \"{href}\" points at a page that does not exist")) }
}
