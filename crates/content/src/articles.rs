//! Stages 2 to 6 for the articles, one article at a time: each is read, checked, compiled,
//! linked and (when building) written before its memory is given back, and only what the
//! rules over the whole site need is kept: its card, its report, the terms and sources it
//! uses. So the compiler's memory does not grow with the library's text (held whole, a
//! library of 10,000 articles in two languages took 2 GB).

use crate::article::{self, Titles};
use crate::dates::Day;
use crate::error::ContentError;
use crate::front_matter::ArticleFront;
use crate::site::{too_hard, ArticleReport, Sources};
use crate::source::{self, SourceDoc};
use crate::{citations, claims, glossary, numbers, products, readability};
use cart_model::{word_count, Article, ArticleDoc, ArticleSummary, Lang, Page, PageRef, Source, Stage, SCHEMA_VERSION};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where each compiled article goes.
#[derive(Clone, Copy)]
pub enum Output<'a> {
    /// Kept in `Site::articles` (tests, the review list).
    Keep,
    /// Written as `<dir>/articles/<slug>.json` at once, and not kept.
    Write(&'a Path),
}

/// What the site-wide stages keep of one article.
pub(crate) struct Compiled {
    /// Its place in journey order.
    pub order: usize,
    pub summary: ArticleSummary,
    pub topics: Vec<String>,
    pub sources: Vec<Source>,
    pub report: ArticleReport,
    pub used_terms: HashSet<String>,
    /// The whole document, with `Output::Keep` only.
    pub doc: Option<ArticleDoc>,
}

/// The numbers a page states, and its file.
pub(crate) type Numbers = (PathBuf, BTreeSet<String>);
/// The numbers each original states, by slug, for its translations to match.
pub(crate) type Originals = HashMap<String, Numbers>;

/// Everything one edition's articles are checked against.
pub(crate) struct Context<'a> {
    pub src: &'a Sources,
    pub today: Day,
    pub links: &'a LinkTargets<'a>,
    /// `None` when the glossary is invalid (that error is reported once, elsewhere).
    pub glossary: Option<&'a glossary::Matcher<'a>>,
    /// Each article's place in journey order and its next step.
    pub journey: &'a HashMap<&'a str, (usize, Option<PageRef>)>,
    /// The originals' numbers, when this edition is a translation.
    pub originals: Option<&'a Originals>,
    pub output: Output<'a>,
}

/// Every article of the edition, in journey order; with the numbers each states (for the
/// translations). Errors go to `errors` in file order.
pub(crate) fn compile_all(ctx: &Context, errors: &mut Vec<ContentError>) -> (Vec<Compiled>, Originals) {
    let article_titles = titles(ctx.src);
    let topic_titles: Titles = ctx.src.topics.iter().map(|d| (d.slug.as_str(), d.front.title.as_str())).collect();
    if let Output::Write(dir) = ctx.output {
        if let Err(e) = std::fs::create_dir_all(dir.join("articles")) {
            errors.push(ContentError::new(dir, 0, format!("cannot write: {e}")));
            return (Vec::new(), Originals::new());
        }
    }
    let done: Vec<(Option<(Compiled, Numbers)>, Vec<ContentError>)> = ctx
        .src
        .articles
        .par_iter()
        .map(|doc| {
            let mut found = Vec::new();
            let compiled = compile_one(doc, ctx, &article_titles, &topic_titles, &mut found);
            (compiled, found)
        })
        .collect();
    let mut originals = Originals::new();
    let mut compiled: Vec<Compiled> = crate::error::gather(done, errors)
        .into_iter()
        .map(|(c, numbers)| {
            originals.insert(c.summary.slug.clone(), numbers);
            c
        })
        .collect();
    compiled.sort_by_key(|c| c.order);
    (compiled, originals)
}

fn titles(src: &Sources) -> Titles<'_> {
    src.articles.iter().map(|d| (d.slug.as_str(), d.front.title.as_str())).collect()
}

/// One article through every stage; `None` when it cannot be compiled (errors say why).
fn compile_one(
    front_only: &SourceDoc<ArticleFront>,
    ctx: &Context,
    article_titles: &Titles,
    topic_titles: &Titles,
    errors: &mut Vec<ContentError>,
) -> Option<(Compiled, Numbers)> {
    let src = ctx.src;
    let doc = source::with_body(front_only, errors).map_err(|e| errors.push(e)).ok()?;
    let (text, first_line) = doc.body_source();
    errors.extend(claims::outdated(text, first_line).into_iter().map(|(line, reason)| doc.error(line, format!("outdated claim: {reason}"))));
    ctx.links.check(&doc.file, doc.body.as_ref(), errors);
    let numbers = stated_numbers(&doc, src.lang);
    if let Some((original, theirs)) = ctx.originals.and_then(|o| o.get(&doc.slug)) {
        if let Some(diff) = numbers::difference(theirs, &numbers) {
            errors.push(doc.error(1, format!("states other numbers than {}: {diff}", original.display())));
        }
    }
    let (mut article, mut sources) = article::compile(&doc, src.lang, ctx.today, article_titles, topic_titles).map_err(|e| errors.push(e)).ok()?;
    if let Err(reason) = products::expand(&src.products, src.lang, &mut article.body, &mut sources) {
        errors.push(doc.error(first_line, reason));
    }
    cite(&doc, &mut article, sources, &src.products, errors);
    draw_figures(&doc, &mut article.body, &src.dir, errors);
    let report = score(&doc, &article, src.lang, errors);
    let mut used_terms = HashSet::new();
    if let Some(terms) = ctx.glossary {
        glossary::link_first_uses(&mut article.body, terms, &mut used_terms);
    }
    let (order, next) = ctx.journey.get(doc.slug.as_str()).cloned().unwrap_or((usize::MAX, None));
    article.next = next;
    let compiled = Compiled {
        order,
        summary: summary_of(&article),
        topics: article.topics.iter().map(|t| t.slug.clone()).collect(),
        sources: article.sources.clone(),
        report,
        used_terms,
        doc: None,
    };
    let compiled = output(ArticleDoc { schema: SCHEMA_VERSION, article }, compiled, ctx.output, &doc, errors);
    Some((compiled, (doc.file, numbers)))
}

/// The numbers a page states, front matter and body together, as written (before product
/// tables are expanded, which are the same in every language).
fn stated_numbers(doc: &SourceDoc<ArticleFront>, lang: Lang) -> BTreeSet<String> {
    let f = &doc.front;
    let mut texts: Vec<&str> = vec![&f.title, &f.summary, &f.review_basis];
    texts.extend(f.questions.iter().map(String::as_str));
    let blocks = doc.body.as_ref().map(|b| b.blocks.as_slice()).unwrap_or_default();
    numbers::in_page(&texts, blocks, lang)
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
pub(crate) fn draw_figures<F>(doc: &SourceDoc<F>, blocks: &mut [cart_model::Block], dir: &Path, errors: &mut Vec<ContentError>) {
    let refs = doc.body.as_ref().map(|b| b.figures.clone()).unwrap_or_default();
    for (line, reason) in crate::figures::load(blocks, &refs, dir) {
        errors.push(doc.error(line, reason));
    }
}

/// Stage 5: the article's readability in its language, gated.
fn score(doc: &SourceDoc<ArticleFront>, article: &Article, lang: Lang, errors: &mut Vec<ContentError>) -> ArticleReport {
    let counts = readability::counts(&article.body, lang);
    if let Some(reason) = too_hard(&counts) {
        errors.push(doc.error(doc.body_source().1, reason));
    }
    ArticleReport { slug: article.slug.clone(), words: word_count(&article.body), score: counts.score() }
}

/// The compiled article kept, or written and dropped.
fn output(doc: ArticleDoc, mut compiled: Compiled, output: Output, src: &SourceDoc<ArticleFront>, errors: &mut Vec<ContentError>) -> Compiled {
    match output {
        Output::Keep => compiled.doc = Some(doc),
        Output::Write(dir) => {
            let file = dir.join("articles").join(format!("{}.json", doc.article.slug));
            let written = serde_json::to_string(&doc).map_err(std::io::Error::other).and_then(|json| std::fs::write(&file, json));
            if let Err(e) = written {
                errors.push(src.error(0, format!("cannot write {}: {e}", file.display())));
            }
        }
    }
    compiled
}

pub(crate) fn summary_of(a: &Article) -> ArticleSummary {
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

/// Journey order from the front matter (stage, then the editor's order, then the title),
/// and each article's next step: the next article on a reading path it is on (the
/// patient's path first), else the next in journey order.
pub(crate) fn journey<'a>(src: &'a Sources, paths: &[&[PageRef]]) -> HashMap<&'a str, (usize, Option<PageRef>)> {
    let mut docs: Vec<&SourceDoc<ArticleFront>> = src.articles.iter().collect();
    let key = |d: &SourceDoc<ArticleFront>| (Stage::from_slug(&d.front.stage), d.front.order);
    docs.sort_by(|a, b| key(a).cmp(&key(b)).then(a.front.title.cmp(&b.front.title)));
    let refs: Vec<PageRef> = docs.iter().map(|d| PageRef { slug: d.slug.clone(), title: d.front.title.clone() }).collect();
    refs.iter()
        .enumerate()
        .map(|(i, r)| {
            let on_path = paths.iter().find_map(|path| {
                let at = path.iter().position(|p| p.slug == r.slug)?;
                path.get(at + 1).cloned()
            });
            (docs[i].slug.as_str(), (i, on_path.or_else(|| refs.get(i + 1).cloned())))
        })
        .collect()
}

/// The pages a body link may name, from the page model.
pub(crate) struct LinkTargets<'a> {
    articles: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    terms: HashSet<&'a str>,
}

impl<'a> LinkTargets<'a> {
    pub fn of(src: &'a Sources) -> Self {
        LinkTargets {
            articles: src.articles.iter().map(|a| a.slug.as_str()).collect(),
            topics: src.topics.iter().map(|t| t.slug.as_str()).collect(),
            terms: src.terms.iter().map(|t| t.entry.slug.as_str()).collect(),
        }
    }

    fn exists(&self, href: &str) -> bool {
        let fragment = href.split_once('#').map(|(_, f)| f);
        match Page::parse(href) {
            Some(Page::Article(slug)) => self.articles.contains(slug.as_str()),
            Some(Page::Topic(slug)) => self.topics.contains(slug.as_str()),
            Some(Page::Glossary) => fragment.is_none_or(|f| self.terms.contains(f)),
            Some(Page::NotFound) | None => false,
            Some(_) => true,
        }
    }

    /// Stage 4: every link in a body names a page that exists.
    pub fn check(&self, file: &Path, body: Option<&crate::markdown::Parsed>, errors: &mut Vec<ContentError>) {
        for link in body.iter().flat_map(|b| &b.links).filter(|l| l.href.starts_with('/')) {
            if !self.exists(&link.href) {
                errors.push(ContentError::new(file, link.line, format!("link to \"{}\" points at a page that does not exist", link.href)));
            }
        }
    }
}
