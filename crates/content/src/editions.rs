//! Editions in other languages. `content/<lang>/` (e.g. `content/es/`) holds a twin of every
//! English page: the same file names, the words in that language, and only the fields that
//! are words (see `TwinArticleFront`). Everything else comes from the English original, so
//! the editions share cancer types, stages, dates, sources and citations.
//!
//! The pair is checked here: every page has its twin and no twin lacks an original; a twin
//! names its original; review dates and the number of questions match; and both state the
//! same numbers (a translation cannot drop or change a statistic; for articles this is
//! checked when each is compiled, see `articles`).

use crate::dates::Day;
use crate::error::ContentError;
use crate::front_matter::{ArticleFront, HubFront, TopicFront, TwinArticleFront, TwinHubFront, TwinTopicFront};
use crate::site::Sources;
use crate::source::{self, Keep, SourceDoc};
use crate::{glossary, numbers, products};
use cart_model::Lang;
use std::collections::BTreeMap;
use std::path::Path;

/// The edition in `lang`, read from `dir` and joined to the English `en`; `None` when a file
/// could not be read (the errors say which).
pub(crate) fn read(en: &Sources, lang: Lang, dir: &Path, errors: &mut Vec<ContentError>) -> Option<Sources> {
    let before = errors.len();
    let hub = source::load::<TwinHubFront>(&dir.join("hub.md"), errors).map_err(|e| errors.push(e)).ok();
    let mut articles = source::load_dir::<TwinArticleFront>(&dir.join("articles"), Keep::Front, errors);
    let mut topics = source::load_dir::<TwinTopicFront>(&dir.join("topics"), Keep::Whole, errors);
    source::assign_slugs(&mut articles, |_| None, errors);
    source::assign_slugs(&mut topics, |_| None, errors);
    let glossary_file = dir.join("glossary.toml");
    let terms = glossary::load(&glossary_file).map_err(|e| errors.push(e)).unwrap_or_default();
    let products = products::load(&en.dir.join("products.toml"), Day::today()).map_err(|e| errors.push(e)).unwrap_or_default();
    let hub = hub.and_then(|h| join_hub(&en.hub, h, lang, errors));
    let articles = join_all(&en.articles, articles, lang, dir, "articles", errors, join_article);
    let topics = join_all(&en.topics, topics, lang, dir, "topics", errors, join_topic);
    pair_terms(en, &terms, &glossary_file, lang, errors);
    if errors.len() > before {
        return None;
    }
    Some(Sources { dir: dir.to_path_buf(), lang, hub: hub?, articles, topics, glossary_file, terms, products })
}

/// Pairs each twin with its original by file name, reporting pages on either side alone.
fn join_all<F, T>(
    originals: &[SourceDoc<F>],
    twins: Vec<SourceDoc<T>>,
    lang: Lang,
    dir: &Path,
    folder: &str,
    errors: &mut Vec<ContentError>,
    join: impl Fn(&SourceDoc<F>, SourceDoc<T>, Lang, &mut Vec<ContentError>) -> Option<SourceDoc<F>>,
) -> Vec<SourceDoc<F>> {
    let mut by_slug: BTreeMap<String, SourceDoc<T>> = twins.into_iter().map(|t| (t.slug.clone(), t)).collect();
    let mut out = Vec::new();
    for original in originals {
        match by_slug.remove(&original.slug) {
            Some(twin) => out.extend(join(original, twin, lang, errors)),
            None => {
                let want = dir.join(folder).join(format!("{}.md", original.slug));
                errors.push(original.error(1, format!("has no {} version: add {}", lang.code(), want.display())));
            }
        }
    }
    for twin in by_slug.values() {
        errors.push(twin.error(1, format!("no English page is called \"{}\": a translation has the file name of its original", twin.slug)));
    }
    out
}

fn join_article(en: &SourceDoc<ArticleFront>, twin: SourceDoc<TwinArticleFront>, _lang: Lang, errors: &mut Vec<ContentError>) -> Option<SourceDoc<ArticleFront>> {
    let t = &twin.front;
    let before = errors.len();
    names_original(&twin, &t.original, en, errors);
    if t.last_reviewed != en.front.last_reviewed {
        let reason = format!("last_reviewed {} differs from the original's {}: review the pair together", t.last_reviewed, en.front.last_reviewed);
        errors.push(twin.error_at("last_reviewed", reason));
    }
    if t.questions.len() != en.front.questions.len() {
        let reason = format!("{} questions; the original has {}", t.questions.len(), en.front.questions.len());
        errors.push(twin.error_at("questions", reason));
    }
    // Only front matter is read here; the numbers are compared when the twin's body is
    // read, article by article (`articles::compile_one`).
    let front = ArticleFront {
        title: t.title.clone(),
        summary: t.summary.clone(),
        review_basis: t.review_basis.clone(),
        questions: t.questions.clone(),
        ..en.front.clone()
    };
    (errors.len() == before).then(|| twin.with_front(front))
}

fn join_topic(en: &SourceDoc<TopicFront>, twin: SourceDoc<TwinTopicFront>, lang: Lang, errors: &mut Vec<ContentError>) -> Option<SourceDoc<TopicFront>> {
    let t = &twin.front;
    let before = errors.len();
    names_original(&twin, &t.original, en, errors);
    same_numbers(en, &[&en.front.title, &en.front.summary], &twin, &[&t.title, &t.summary], lang, errors);
    let front = TopicFront { title: t.title.clone(), summary: t.summary.clone(), ..en.front.clone() };
    (errors.len() == before).then(|| twin.with_front(front))
}

fn join_hub(en: &SourceDoc<HubFront>, twin: SourceDoc<TwinHubFront>, lang: Lang, errors: &mut Vec<ContentError>) -> Option<SourceDoc<HubFront>> {
    let t = &twin.front;
    let before = errors.len();
    if t.last_reviewed != en.front.last_reviewed {
        let reason = format!("last_reviewed {} differs from the original's {}: review the pair together", t.last_reviewed, en.front.last_reviewed);
        errors.push(twin.error_at("last_reviewed", reason));
    }
    let f = &en.front;
    same_numbers(en, &[&f.title, &f.summary, &f.lede], &twin, &[&t.title, &t.summary, &t.lede], lang, errors);
    let front = HubFront { title: t.title.clone(), summary: t.summary.clone(), lede: t.lede.clone(), last_reviewed: t.last_reviewed.clone(), ..en.front.clone() };
    (errors.len() == before).then(|| twin.with_front(front))
}

/// The twin says which page it translates, and it is the one its file name pairs it with.
fn names_original<F, T>(twin: &SourceDoc<T>, original: &str, en: &SourceDoc<F>, errors: &mut Vec<ContentError>) {
    if original != en.slug {
        let reason = format!("original = \"{original}\", but this file translates \"{}\" (its file name)", en.slug);
        errors.push(twin.error_at("original", reason));
    }
}

/// The twin states the same numbers as its original, front matter and body together.
fn same_numbers<F, T>(en: &SourceDoc<F>, en_texts: &[&str], twin: &SourceDoc<T>, texts: &[&str], lang: Lang, errors: &mut Vec<ContentError>) {
    fn blocks(d: Option<&crate::markdown::Parsed>) -> &[cart_model::Block] {
        d.map(|p| p.blocks.as_slice()).unwrap_or_default()
    }
    let original = numbers::in_page(en_texts, blocks(en.body.as_ref()), Lang::DEFAULT);
    let translated = numbers::in_page(texts, blocks(twin.body.as_ref()), lang);
    if let Some(diff) = numbers::difference(&original, &translated) {
        errors.push(twin.error(1, format!("states other numbers than {}: {diff}", en.file.display())));
    }
}

/// Each English glossary term has exactly one entry here naming it in `en`, and no entry
/// names a term that does not exist.
fn pair_terms(en: &Sources, terms: &[glossary::Term], file: &Path, lang: Lang, errors: &mut Vec<ContentError>) {
    let mut count: BTreeMap<&str, usize> = en.terms.iter().map(|t| (t.entry.term.as_str(), 0)).collect();
    for t in terms {
        match t.original.as_deref().and_then(|o| count.get_mut(o)) {
            Some(n) => *n += 1,
            None => {
                let reason = format!("\"{}\" needs `en = ` naming the English term it translates", t.entry.term);
                errors.push(ContentError::new(file, t.line, reason));
            }
        }
    }
    for (term, n) in count.into_iter().filter(|(_, n)| *n != 1) {
        let reason = format!("the English term \"{term}\" has {n} {} entries; it needs exactly one", lang.code());
        errors.push(ContentError::new(file, 0, reason));
    }
}
