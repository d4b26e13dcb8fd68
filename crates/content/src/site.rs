//! The compiler's stages, run in order over the whole content folder. Each stage adds to one
//! error list, so an author sees every problem in one pass:
//!
//! 1. read: each file parsed once (`source`), slugs assigned;
//! 2. claims: rules that changed or differ by product (`claims`);
//! 3. documents: hub, articles (`article`) and topics built from their sources, product
//!    tables expanded (`products`);
//! 4. links: every body link checked against the page model; citations checked and numbered
//!    (`citations`);
//! 5. readability: each article's grade;
//! 6. glossary: first uses linked;
//! 7. cross-document rules: chips, topics, median grade, unused terms;
//! 8. assemble the index.

use crate::article::{self, Titles};
use crate::dates::Day;
use crate::error::{ContentError, Result};
use crate::front_matter::{ArticleFront, HubFront, TopicFront};
use crate::source::{self, past_date, refs, require_text, SourceDoc};
use crate::readability::{Score, MIN_FERNANDEZ_HUERTA};
use crate::{citations, claims, connect, editions, glossary, products, readability};
use cart_model::search::{self, SearchDoc};
use cart_model::{
    word_count, ConnectDoc, Lang, Article, ArticleDoc, ArticleSummary, CancerType, GlossaryDoc, Hub, IndexDoc, Page, PageRef, Topic, TopicDoc,
    TopicSummary, SCHEMA_VERSION,
};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every chip must lead somewhere: at least this many articles per cancer type.
pub const MIN_ARTICLES_PER_TYPE: usize = 2;
/// Plain language: every article at or below this Flesch-Kincaid grade...
pub const MAX_GRADE: f64 = 9.0;
/// ...and the median article at or below this one.
pub const MAX_MEDIAN_GRADE: f64 = 8.0;

/// One edition of the site: the default language's, with the others in `translations`.
#[derive(Debug)]
pub struct Site {
    pub lang: Lang,
    pub index: IndexDoc,
    pub articles: Vec<ArticleDoc>,
    pub topics: Vec<TopicDoc>,
    pub glossary: GlossaryDoc,
    /// Per article, for the build output.
    pub reports: Vec<ArticleReport>,
    /// The other languages' editions (empty inside them).
    pub translations: Vec<Site>,
    /// The HL7 Infobutton answers (`content/connect.toml`), in this edition's words.
    pub connect: ConnectDoc,
    /// Words that name the same thing, for the search index (`cart_model::search`).
    pub search: SearchDoc,
}

impl Site {
    /// This edition, then each translation.
    pub fn editions(&self) -> impl Iterator<Item = &Site> {
        std::iter::once(self).chain(self.translations.iter())
    }
}

#[derive(Debug, Clone)]
pub struct ArticleReport {
    pub slug: String,
    pub words: usize,
    /// The language's own readability measure.
    pub score: Score,
}

/// One edition's parsed content folder (see `editions` for the other languages').
pub(crate) struct Sources {
    pub dir: PathBuf,
    pub lang: Lang,
    pub hub: SourceDoc<HubFront>,
    pub articles: Vec<SourceDoc<ArticleFront>>,
    pub topics: Vec<SourceDoc<TopicFront>>,
    pub glossary_file: PathBuf,
    pub terms: Vec<glossary::Term>,
    pub products: products::Products,
}

/// Compiles `dir` (holding `hub.md`, `articles/`, `topics/`, `glossary.toml`, and a folder
/// per other language, such as `es/`, with the twins). Returns every error found, in every
/// edition, not just the first.
pub fn compile(dir: &Path) -> std::result::Result<Site, Vec<ContentError>> {
    let mut errors = Vec::new();
    let Some(en) = read(dir, &mut errors) else { return Err(errors) };
    let twins: Vec<Sources> = Lang::EVERY
        .into_iter()
        .filter(|l| *l != Lang::DEFAULT && dir.join(l.code()).is_dir())
        .filter_map(|l| editions::read(&en, l, &dir.join(l.code()), &mut errors))
        .collect();
    let site = compile_edition(&en, &mut errors);
    let translations: Vec<Site> = twins.iter().filter_map(|t| compile_edition(t, &mut errors)).collect();
    match site {
        Some(mut site) if errors.is_empty() => {
            site.translations = translations;
            add_connect(&mut site, &en, &mut errors);
            if errors.is_empty() { Ok(site) } else { Err(errors) }
        }
        _ => Err(errors),
    }
}

/// The code mappings, checked against the default edition and compiled for every edition.
fn add_connect(site: &mut Site, en: &Sources, errors: &mut Vec<ContentError>) {
    let file = en.dir.join("connect.toml");
    let mappings = match connect::load(&file) {
        Ok(m) => m,
        Err(e) => return errors.push(e),
    };
    errors.extend(connect::check(&mappings, &site.index, &en.products, &file));
    if !errors.is_empty() {
        return;
    }
    let mut compile_for = |edition: &mut Site| match connect::compile(&mappings, &edition.index, &en.products, edition.lang) {
        Ok(doc) => edition.connect = doc,
        Err(reason) => errors.push(ContentError::new(&file, 0, reason)),
    };
    compile_for(site);
    site.translations.iter_mut().for_each(compile_for);
}

/// Stages 2 to 8 for one edition; `None` if it added errors.
fn compile_edition(src: &Sources, all_errors: &mut Vec<ContentError>) -> Option<Site> {
    let mut errors = Vec::new();
    let site = compile_stages(src, &mut errors);
    let ok = errors.is_empty();
    all_errors.append(&mut errors);
    site.filter(|_| ok)
}

fn compile_stages(src: &Sources, errors: &mut Vec<ContentError>) -> Option<Site> {
    check_claims(src, errors);
    let today = Day::today();
    let hub = compile_hub(&src.hub, src.lang, &titles(&src.articles, |f| f.title.as_str()), today).map_err(|e| errors.push(e)).ok();
    let mut articles = compile_articles(src, today, errors);
    let topics = compile_topics(src, errors);
    check_links(src, errors);
    check_uncited_pages(src, errors);
    let reports = check_readability(src, &articles, errors);
    let used_terms = link_glossary(src, &mut articles, errors);
    if !errors.is_empty() {
        return None;
    }
    let site = assemble(hub?, articles, topics, src, reports);
    cross_document(src, &site, &used_terms, errors);
    Some(site)
}

/// Stage 1: every file parsed once, slugs assigned. Stops here if any file cannot be read.
fn read(dir: &Path, errors: &mut Vec<ContentError>) -> Option<Sources> {
    let hub = source::load::<HubFront>(&dir.join("hub.md"), errors).map_err(|e| errors.push(e)).ok();
    let mut articles = source::load_dir::<ArticleFront>(&dir.join("articles"), errors);
    let mut topics = source::load_dir::<TopicFront>(&dir.join("topics"), errors);
    let glossary_file = dir.join("glossary.toml");
    let terms = glossary::load(&glossary_file).map_err(|e| errors.push(e)).unwrap_or_default();
    let products = products::load(&dir.join("products.toml"), Day::today()).map_err(|e| errors.push(e)).unwrap_or_default();
    source::assign_slugs(&mut articles, |f| f.slug.as_deref(), errors);
    source::assign_slugs(&mut topics, |f| f.slug.as_deref(), errors);
    if !errors.is_empty() {
        return None;
    }
    Some(Sources { dir: dir.to_path_buf(), lang: Lang::DEFAULT, hub: hub?, articles, topics, glossary_file, terms, products })
}

/// Stage 2: claims that changed (the 2025 REMS removal) or differ by product.
fn check_claims(src: &Sources, errors: &mut Vec<ContentError>) {
    let bodies: Vec<(&PathBuf, (&str, usize))> = std::iter::once((&src.hub.file, src.hub.body_source()))
        .chain(src.articles.iter().map(|a| (&a.file, a.body_source())))
        .chain(src.topics.iter().map(|t| (&t.file, t.body_source())))
        .collect();
    let found: Vec<Vec<ContentError>> = bodies
        .par_iter()
        .map(|(file, (body, first_line))| {
            claims::outdated(body, *first_line).into_iter().map(|(line, reason)| ContentError::new(file, line, format!("outdated claim: {reason}"))).collect()
        })
        .collect();
    errors.extend(found.into_iter().flatten());
}

/// Reading paths on the hub hold this many articles.
pub const PATH_LENGTH: std::ops::RangeInclusive<usize> = 2..=6;

/// Stage 3: the hub, with its reading paths.
fn compile_hub(src: &SourceDoc<HubFront>, lang: Lang, articles: &Titles, today: Day) -> Result<Hub> {
    let f = &src.front;
    let last_reviewed = past_date(src, "last_reviewed", &f.last_reviewed, today)?;
    for (key, value) in [("title", &f.title), ("summary", &f.summary), ("lede", &f.lede)] {
        require_text(src, key, value)?;
    }
    for (key, path) in [("start_here", &f.start_here), ("caregiver_path", &f.caregiver_path)] {
        if !PATH_LENGTH.contains(&path.len()) {
            return Err(src.error_at(key, format!("{key} lists {} articles; a reading path has 2 to 6 (4 to 6 reads best)", path.len())));
        }
    }
    let start_here = refs(src, "start_here", &f.start_here, articles, "article")?;
    let caregiver_path = refs(src, "caregiver_path", &f.caregiver_path, articles, "article")?;
    let body = src.body.as_ref().map(|b| b.blocks.clone()).unwrap_or_default();
    Ok(Hub {
        title: f.title.clone(),
        summary: f.summary.clone(),
        lede: f.lede.clone(),
        start_here,
        caregiver_path,
        last_reviewed: last_reviewed.to_model(lang),
        body,
    })
}

fn titles<F>(docs: &[SourceDoc<F>], title: impl Fn(&F) -> &str) -> Titles<'_> {
    docs.iter().map(|d| (d.slug.as_str(), title(&d.front))).collect()
}

/// Stage 3: the articles that compile (each failure is recorded), with their product
/// tables drawn and their citations checked and numbered.
fn compile_articles(src: &Sources, today: Day, errors: &mut Vec<ContentError>) -> Vec<Article> {
    let article_titles = titles(&src.articles, |f| f.title.as_str());
    let topic_titles = titles(&src.topics, |f| f.title.as_str());
    // Each article on its own (rayon keeps their order, so errors come out in file order).
    let compiled: Vec<(Option<Article>, Vec<ContentError>)> = src
        .articles
        .par_iter()
        .map(|doc| {
            let mut found = Vec::new();
            let article = match article::compile(doc, src.lang, today, &article_titles, &topic_titles) {
                Ok((mut article, mut sources)) => {
                    if let Err(reason) = products::expand(&src.products, src.lang, &mut article.body, &mut sources) {
                        found.push(doc.error(doc.body_source().1, reason));
                    }
                    cite(doc, &mut article, sources, &src.products, &mut found);
                    draw_figures(doc, &mut article.body, &src.dir, &mut found);
                    Some(article)
                }
                Err(e) => {
                    found.push(e);
                    None
                }
            };
            (article, found)
        })
        .collect();
    crate::error::gather(compiled, errors)
}

/// Stage 4 for an article: every statistic cited, every citation listed, markers numbered;
/// every cell therapy it names described in products.toml.
fn cite(doc: &SourceDoc<ArticleFront>, article: &mut Article, sources: article::CitedSources, products: &products::Products, errors: &mut Vec<ContentError>) {
    let ids: Vec<String> = sources.iter().map(|(id, _)| id.clone()).collect();
    let (body, first_line) = doc.body_source();
    for (line, reason) in citations::check(body, first_line, &ids).into_iter().chain(products.unknown_products(body, first_line)) {
        errors.push(doc.error(line, reason));
    }
    citations::link(&mut article.body, &ids);
    article.sources = sources.into_iter().map(|(_, s)| s).collect();
}

/// Stage 3 for figures: each drawing read from content/images and checked.
fn draw_figures<F>(doc: &SourceDoc<F>, blocks: &mut [cart_model::Block], dir: &Path, errors: &mut Vec<ContentError>) {
    let refs = doc.body.as_ref().map(|b| b.figures.clone()).unwrap_or_default();
    for (line, reason) in crate::figures::load(blocks, &refs, dir) {
        errors.push(doc.error(line, reason));
    }
}

/// Stage 4 for the hub and topics: they list no sources, so they may state no statistic and
/// cite nothing; a number belongs in the article that sources it.
fn check_uncited_pages(src: &Sources, errors: &mut Vec<ContentError>) {
    let pages = std::iter::once((&src.hub.file, src.hub.body_source())).chain(src.topics.iter().map(|t| (&t.file, t.body_source())));
    for (file, (body, first_line)) in pages {
        for (line, reason) in citations::check(body, first_line, &[]) {
            let reason = format!("{reason} (this page lists no sources: link to the article that gives the figure)");
            errors.push(ContentError::new(file, line, reason));
        }
    }
}

/// Stage 3: the topics (their article lists are filled in when the site is assembled).
fn compile_topics(src: &Sources, errors: &mut Vec<ContentError>) -> Vec<Topic> {
    let topic_titles = titles(&src.topics, |f| f.title.as_str());
    let compile_one = |t: &SourceDoc<TopicFront>| -> Result<Topic> {
        require_text(t, "title", &t.front.title)?;
        require_text(t, "summary", &t.front.summary)?;
        let related = refs(t, "related", &t.front.related, &topic_titles, "topic")?;
        if t.front.related.contains(&t.slug) {
            return Err(t.error_at("related", "a topic cannot be related to itself"));
        }
        let body = t.body.as_ref().map(|b| b.blocks.clone()).unwrap_or_default();
        Ok(Topic { slug: t.slug.clone(), title: t.front.title.clone(), summary: t.front.summary.clone(), body, articles: vec![], related })
    };
    src.topics.iter().filter_map(|t| compile_one(t).map_err(|e| errors.push(e)).ok()).collect()
}

/// Stage 4: every link in every body names a page that exists, through the page model.
fn check_links(src: &Sources, errors: &mut Vec<ContentError>) {
    let articles: HashSet<&str> = src.articles.iter().map(|a| a.slug.as_str()).collect();
    let topics: HashSet<&str> = src.topics.iter().map(|t| t.slug.as_str()).collect();
    let terms: HashSet<&str> = src.terms.iter().map(|t| t.entry.slug.as_str()).collect();
    let exists = |href: &str| -> bool {
        let fragment = href.split_once('#').map(|(_, f)| f);
        match Page::parse(href) {
            Some(Page::Article(slug)) => articles.contains(slug.as_str()),
            Some(Page::Topic(slug)) => topics.contains(slug.as_str()),
            Some(Page::Glossary) => fragment.is_none_or(|f| terms.contains(f)),
            Some(Page::NotFound) | None => false,
            Some(_) => true,
        }
    };
    let bodies = std::iter::once((&src.hub.file, &src.hub.body))
        .chain(src.articles.iter().map(|a| (&a.file, &a.body)))
        .chain(src.topics.iter().map(|t| (&t.file, &t.body)));
    for (file, body) in bodies {
        for link in body.iter().flat_map(|b| &b.links).filter(|l| l.href.starts_with('/')) {
            if !exists(&link.href) {
                errors.push(ContentError::new(file, link.line, format!("link to \"{}\" points at a page that does not exist", link.href)));
            }
        }
    }
}

/// Stage 5: each article's readability in its language, gated (hub and topics too, in the
/// other languages: their English gate is the site-wide median below).
fn check_readability(src: &Sources, articles: &[Article], errors: &mut Vec<ContentError>) -> Vec<ArticleReport> {
    let docs: std::collections::HashMap<&str, &SourceDoc<ArticleFront>> = src.articles.iter().map(|a| (a.slug.as_str(), a)).collect();
    let scored: Vec<(ArticleReport, Option<ContentError>)> = articles
        .par_iter()
        .map(|article| {
            let counts = readability::counts(&article.body, src.lang);
            let error = match (too_hard(&counts), docs.get(article.slug.as_str())) {
                (Some(reason), Some(doc)) => Some(doc.error(doc.body_source().1, reason)),
                _ => None,
            };
            (ArticleReport { slug: article.slug.clone(), words: word_count(&article.body), score: counts.score() }, error)
        })
        .collect();
    let mut reports = Vec::with_capacity(scored.len());
    for (report, error) in scored {
        errors.extend(error);
        reports.push(report);
    }
    if src.lang != Lang::DEFAULT {
        let pages = std::iter::once((&src.hub.file, &src.hub.body)).chain(src.topics.iter().map(|t| (&t.file, &t.body)));
        for (file, body) in pages {
            let blocks = body.as_ref().map(|b| b.blocks.as_slice()).unwrap_or_default();
            if let Some(reason) = too_hard(&readability::counts(blocks, src.lang)) {
                errors.push(ContentError::new(file, 1, reason));
            }
        }
    }
    reports
}

/// Why a text fails its language's gate. Spanish is scored from 100 words up: on a few
/// words the formula swings wildly ("Una introducción." scores 25).
fn too_hard(counts: &readability::Counts) -> Option<String> {
    if counts.lang != Lang::DEFAULT && counts.words < readability::MIN_WORDS_TO_SCORE {
        return None;
    }
    match counts.score() {
        Score::Grade(g) if g > MAX_GRADE => Some(format!("reading grade {g:.1} is above {MAX_GRADE}: use shorter sentences and plainer words")),
        Score::FernandezHuerta(f) if f < MIN_FERNANDEZ_HUERTA => Some(format!(
            "Fernández-Huerta {f:.1} is below {MIN_FERNANDEZ_HUERTA} (\"bastante fácil\"): use shorter sentences and shorter words"
        )),
        _ => None,
    }
}

/// Stage 6: the first use of each glossary term in each article links to its definition.
fn link_glossary(src: &Sources, articles: &mut [Article], errors: &mut Vec<ContentError>) -> HashSet<String> {
    let terms = match glossary::Matcher::new(&src.terms) {
        Ok(m) => m,
        Err(reason) => {
            errors.push(ContentError::new(&src.glossary_file, 1, reason));
            return HashSet::new();
        }
    };
    let terms = &terms;
    // Each article links its own first uses; the sets of terms used are merged after.
    let used: Vec<HashSet<String>> = articles
        .par_iter_mut()
        .map(|article| {
            let mut used = HashSet::new();
            glossary::link_first_uses(&mut article.body, terms, &mut used);
            used
        })
        .collect();
    used.into_iter().flatten().collect()
}

/// Stage 7: rules over the whole site.
fn cross_document(src: &Sources, site: &Site, used_terms: &HashSet<String>, errors: &mut Vec<ContentError>) {
    let articles_dir = src.dir.join("articles");
    let grades = site.reports.iter().filter_map(|r| if let Score::Grade(g) = r.score { Some(g) } else { None }).collect();
    if let Some(median) = median(grades) {
        if median > MAX_MEDIAN_GRADE {
            errors.push(ContentError::new(&articles_dir, 0, format!("median reading grade {median:.1} is above {MAX_MEDIAN_GRADE}")));
        }
    }
    for t in src.terms.iter().filter(|t| !used_terms.contains(&t.entry.slug)) {
        let reason = format!("glossary term \"{}\" is not used in any article: use it or remove it", t.entry.term);
        errors.push(ContentError::new(&src.glossary_file, t.line, reason));
    }
    for doc in &site.topics {
        if doc.topic.articles.is_empty() {
            let file = src.topics.iter().find(|t| t.slug == doc.topic.slug).map(|t| t.file.clone()).unwrap_or_default();
            let reason = format!("topic \"{}\" has no articles: list it in some article's `topics`", doc.topic.slug);
            errors.push(ContentError::new(file, 1, reason));
        }
    }
    one_title_per_source(src, site, errors);
    for t in CancerType::EVERY {
        let n = site.index.articles.iter().filter(|a| a.cancer_types.contains(&t)).count();
        if n < MIN_ARTICLES_PER_TYPE {
            let reason = format!("the \"{}\" chip has {n} article(s); it needs at least {MIN_ARTICLES_PER_TYPE}", t.slug());
            errors.push(ContentError::new(&articles_dir, 0, reason));
        }
    }
}

/// The same source (URL) is named the same way on every page.
fn one_title_per_source(src: &Sources, site: &Site, errors: &mut Vec<ContentError>) {
    let mut seen: std::collections::HashMap<&str, (&str, &str)> = std::collections::HashMap::new();
    for doc in &site.articles {
        for s in &doc.article.sources {
            let first = seen.entry(s.url.as_str()).or_insert((s.title.as_str(), doc.article.slug.as_str()));
            if first.0 != s.title {
                let file = src.articles.iter().find(|a| a.slug == doc.article.slug).map(|a| a.file.clone()).unwrap_or_default();
                let reason = format!("source {} is titled \"{}\" here but \"{}\" in {}: use one title", s.url, s.title, first.0, first.1);
                errors.push(ContentError::new(file, 1, reason));
            }
        }
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 0 => Some((values[mid] + values[mid - 1]) / 2.0),
        _ => Some(values[mid]),
    }
}

/// Stage 8: the documents the app reads, in reading order.
fn assemble(hub: Hub, mut articles: Vec<Article>, mut topics: Vec<Topic>, src: &Sources, reports: Vec<ArticleReport>) -> Site {
    // Journey order: stage, then the editor's order within it (never the alphabet first).
    let order = |a: &Article| (a.stage, src.articles.iter().find(|d| d.slug == a.slug).map_or(u32::MAX, |d| d.front.order));
    articles.sort_by(|a, b| order(a).cmp(&order(b)).then(a.title.cmp(&b.title)));
    link_next(&mut articles, &hub);
    let summaries: Vec<ArticleSummary> = articles.iter().map(summary_of).collect();
    for topic in &mut topics {
        topic.articles = articles.iter().filter(|a| a.topics.iter().any(|t| t.slug == topic.slug)).map(summary_of).collect();
    }
    topics.sort_by(|a, b| a.title.cmp(&b.title));
    let topic_summaries = topics
        .iter()
        .map(|t| TopicSummary { slug: t.slug.clone(), title: t.title.clone(), summary: t.summary.clone(), article_count: t.articles.len() as u32 })
        .collect();
    let terms = src.terms.iter().map(|t| t.entry.clone()).collect();
    Site {
        lang: src.lang,
        translations: Vec::new(),
        connect: ConnectDoc { schema: SCHEMA_VERSION, codes: Vec::new() },
        search: SearchDoc {
            schema: SCHEMA_VERSION,
            synonyms: search::synonym_groups(src.products.products.iter().map(|p| (p.brand.as_str(), p.generic.as_str())), src.lang),
        },
        glossary: GlossaryDoc { schema: SCHEMA_VERSION, terms },
        reports,
        index: IndexDoc { schema: SCHEMA_VERSION, hub, articles: summaries, topics: topic_summaries },
        articles: articles.into_iter().map(|article| ArticleDoc { schema: SCHEMA_VERSION, article }).collect(),
        topics: topics.into_iter().map(|topic| TopicDoc { schema: SCHEMA_VERSION, topic }).collect(),
    }
}

/// Each article's next step: the next article on a reading path it is on (the patient's
/// path first), else the next in journey order.
fn link_next(articles: &mut [Article], hub: &Hub) {
    let refs: Vec<PageRef> = articles.iter().map(|a| PageRef { slug: a.slug.clone(), title: a.title.clone() }).collect();
    for (i, article) in articles.iter_mut().enumerate() {
        let on_path = [&hub.start_here, &hub.caregiver_path].into_iter().find_map(|path| {
            let at = path.iter().position(|r| r.slug == article.slug)?;
            path.get(at + 1).cloned()
        });
        article.next = on_path.or_else(|| refs.get(i + 1).cloned());
    }
}

fn summary_of(a: &Article) -> ArticleSummary {
    ArticleSummary {
        slug: a.slug.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        cancer_types: a.cancer_types.clone(),
        stage: a.stage,
        reading_minutes: a.reading_minutes,
        published: a.published.clone(),
        last_reviewed: a.last_reviewed.clone(),
    }
}
