//! The compiler's stages, run in order over the whole content folder. Each stage adds to one
//! error list, so an author sees every problem in one pass:
//!
//! 1. read: each file's front matter parsed (`source`), slugs assigned; the hub's and
//!    topics' bodies too (articles' bodies are read in their turn, see `articles`);
//! 2. claims: rules that changed or differ by product (`claims`);
//! 3. documents: hub, articles (`article`) and topics built from their sources, product
//!    tables expanded (`products`);
//! 4. links: every body link checked against the page model; citations checked and numbered
//!    (`citations`);
//! 5. readability: each article's grade;
//! 6. glossary: first uses linked;
//! 7. cross-document rules: chips, topics, median grade, unused terms;
//! 8. assemble the index.
//!
//! Stages 2 to 6 run for one article at a time (`articles`), so a large library is never
//! held in memory whole; the hub and topics go through them here.

use crate::article::Titles;
use crate::articles::{self, Compiled, LinkTargets, Originals, Output};
use crate::dates::Day;
use crate::error::{ContentError, Result};
use crate::front_matter::{ArticleFront, HubFront, TopicFront};
use crate::source::{self, past_date, refs, require_text, Keep, SourceDoc};
use crate::readability::{Score, MIN_FERNANDEZ_HUERTA};
use crate::{citations, claims, connect, editions, glossary, products, readability};
use cart_model::search::{self, SearchDoc};
use cart_model::{
    ArticleDoc, ConnectDoc, Lang, CancerType, GlossaryDoc, Hub, IndexDoc, PageRef, Topic, TopicDoc, TopicSummary, SCHEMA_VERSION,
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
    compile_to(dir, Output::Keep)
}

/// As `compile`, with each article sent to `output` as soon as it is compiled: with
/// `Output::Write`, each edition's articles are written under its folder there and not kept
/// in the `Site` (so a large library is never held whole).
pub fn compile_to(dir: &Path, output: Output) -> std::result::Result<Site, Vec<ContentError>> {
    let mut errors = Vec::new();
    let Some(mut en) = read(dir, &mut errors) else { return Err(errors) };
    let (site, originals) = compile_edition(&en, None, output, &mut errors);
    let twins: Vec<Sources> = Lang::EVERY
        .into_iter()
        .filter(|l| *l != Lang::DEFAULT && dir.join(l.code()).is_dir())
        .filter_map(|l| editions::read(&en, l, &dir.join(l.code()), &mut errors))
        .collect();
    // Each translation now carries what it shares with its original (`editions`): the
    // originals' front matter need not stay in memory while the translations compile.
    en.articles = Vec::new();
    let translations: Vec<Site> = twins.iter().filter_map(|t| compile_edition(t, Some(&originals), output, &mut errors).0).collect();
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

/// Stages 2 to 8 for one edition (`None` if it added errors), and the numbers each of its
/// articles states (for a translation's, given the `originals`, to match).
fn compile_edition(src: &Sources, originals: Option<&Originals>, output: Output, all_errors: &mut Vec<ContentError>) -> (Option<Site>, Originals) {
    let mut errors = Vec::new();
    let (site, numbers) = compile_stages(src, originals, output, &mut errors);
    let ok = errors.is_empty();
    all_errors.append(&mut errors);
    (site.filter(|_| ok), numbers)
}

fn compile_stages(src: &Sources, originals: Option<&Originals>, output: Output, errors: &mut Vec<ContentError>) -> (Option<Site>, Originals) {
    check_claims(src, errors);
    let today = Day::today();
    let hub = compile_hub(&src.hub, src.lang, &titles(&src.articles, |f| f.title.as_str()), today).map_err(|e| errors.push(e)).ok();
    let topics = compile_topics(src, errors);
    let links = LinkTargets::of(src);
    check_links(src, &links, errors);
    check_uncited_pages(src, errors);
    check_readability(src, errors);
    let terms = glossary::Matcher::new(&src.terms).map_err(|reason| errors.push(ContentError::new(&src.glossary_file, 1, reason))).ok();
    let paths: Vec<&[PageRef]> = hub.iter().flat_map(|h| [h.start_here.as_slice(), h.caregiver_path.as_slice()]).collect();
    let journey = articles::journey(src, &paths);
    let folder;
    let output = match output {
        Output::Write(dir) => {
            folder = dir.join(src.lang.folder());
            Output::Write(&folder)
        }
        Output::Keep => Output::Keep,
    };
    let ctx = articles::Context { src, today, links: &links, glossary: terms.as_ref(), journey: &journey, originals, output };
    let (mut articles, numbers) = articles::compile_all(&ctx, errors);
    if !errors.is_empty() {
        return (None, numbers);
    }
    let Some(hub) = hub else { return (None, numbers) };
    let site = assemble(hub, &mut articles, topics, src);
    cross_document(src, &site, &articles, errors);
    (Some(site), numbers)
}

/// Stage 1: every file parsed once, slugs assigned. Stops here if any file cannot be read.
fn read(dir: &Path, errors: &mut Vec<ContentError>) -> Option<Sources> {
    let hub = source::load::<HubFront>(&dir.join("hub.md"), errors).map_err(|e| errors.push(e)).ok();
    let mut articles = source::load_dir::<ArticleFront>(&dir.join("articles"), Keep::Front, errors);
    let mut topics = source::load_dir::<TopicFront>(&dir.join("topics"), Keep::Whole, errors);
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

/// Stage 2 for the hub and topics: claims that changed (the 2025 REMS removal) or differ by
/// product.
fn check_claims(src: &Sources, errors: &mut Vec<ContentError>) {
    let bodies: Vec<(&PathBuf, (&str, usize))> =
        std::iter::once((&src.hub.file, src.hub.body_source())).chain(src.topics.iter().map(|t| (&t.file, t.body_source()))).collect();
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

/// Stage 4 for the hub and topics: every link in their bodies names a page that exists,
/// through the page model.
fn check_links(src: &Sources, links: &LinkTargets, errors: &mut Vec<ContentError>) {
    let bodies = std::iter::once((&src.hub.file, &src.hub.body)).chain(src.topics.iter().map(|t| (&t.file, &t.body)));
    for (file, body) in bodies {
        links.check(file, body.as_ref(), errors);
    }
}

/// Stage 5 for the hub and topics, in the other languages (their English gate is the
/// site-wide median below; each article is gated in `articles`).
fn check_readability(src: &Sources, errors: &mut Vec<ContentError>) {
    if src.lang != Lang::DEFAULT {
        let pages = std::iter::once((&src.hub.file, &src.hub.body)).chain(src.topics.iter().map(|t| (&t.file, &t.body)));
        for (file, body) in pages {
            let blocks = body.as_ref().map(|b| b.blocks.as_slice()).unwrap_or_default();
            if let Some(reason) = too_hard(&readability::counts(blocks, src.lang)) {
                errors.push(ContentError::new(file, 1, reason));
            }
        }
    }
}

/// Why a text fails its language's gate. Spanish is scored from 100 words up: on a few
/// words the formula swings wildly ("Una introducción." scores 25).
pub(crate) fn too_hard(counts: &readability::Counts) -> Option<String> {
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

/// Stage 7: rules over the whole site.
fn cross_document(src: &Sources, site: &Site, articles: &[Compiled], errors: &mut Vec<ContentError>) {
    let used_terms: HashSet<&str> = articles.iter().flat_map(|a| &a.used_terms).map(String::as_str).collect();
    let articles_dir = src.dir.join("articles");
    let grades = site.reports.iter().filter_map(|r| if let Score::Grade(g) = r.score { Some(g) } else { None }).collect();
    if let Some(median) = median(grades) {
        if median > MAX_MEDIAN_GRADE {
            errors.push(ContentError::new(&articles_dir, 0, format!("median reading grade {median:.1} is above {MAX_MEDIAN_GRADE}")));
        }
    }
    for t in src.terms.iter().filter(|t| !used_terms.contains(t.entry.slug.as_str())) {
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
    one_title_per_source(src, articles, errors);
    for t in CancerType::EVERY {
        let n = site.index.articles.iter().filter(|a| a.cancer_types.contains(&t)).count();
        if n < MIN_ARTICLES_PER_TYPE {
            let reason = format!("the \"{}\" chip has {n} article(s); it needs at least {MIN_ARTICLES_PER_TYPE}", t.slug());
            errors.push(ContentError::new(&articles_dir, 0, reason));
        }
    }
}

/// The same source (URL) is named the same way on every page.
fn one_title_per_source(src: &Sources, articles: &[Compiled], errors: &mut Vec<ContentError>) {
    let mut seen: std::collections::HashMap<&str, (&str, &str)> = std::collections::HashMap::new();
    for article in articles {
        let slug = article.summary.slug.as_str();
        for s in &article.sources {
            let first = seen.entry(s.url.as_str()).or_insert((s.title.as_str(), slug));
            if first.0 != s.title {
                let file = src.articles.iter().find(|a| a.slug == slug).map(|a| a.file.clone()).unwrap_or_default();
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

/// Stage 8: the documents the app reads, in reading order (the articles come in it). With
/// `Output::Keep`, the articles' documents move from `articles` into the site.
fn assemble(hub: Hub, articles: &mut [Compiled], mut topics: Vec<Topic>, src: &Sources) -> Site {
    let summaries: Vec<_> = articles.iter().map(|a| a.summary.clone()).collect();
    for topic in &mut topics {
        topic.articles = articles.iter().filter(|a| a.topics.contains(&topic.slug)).map(|a| a.summary.clone()).collect();
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
        reports: articles.iter().map(|a| a.report.clone()).collect(),
        index: IndexDoc { schema: SCHEMA_VERSION, hub, articles: summaries, topics: topic_summaries },
        articles: articles.iter_mut().filter_map(|a| a.doc.take()).collect(),
        topics: topics.into_iter().map(|topic| TopicDoc { schema: SCHEMA_VERSION, topic }).collect(),
    }
}
