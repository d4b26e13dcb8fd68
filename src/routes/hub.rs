//! `/` (and `/types/<type>`, `/stages/<stage>`): a short lede, the filterable library, the
//! reading paths, then the longer introduction and the topics.

use crate::api::{self, LoadError};
use crate::components::article_card::ArticleCard;
use crate::components::content::render_blocks;
use crate::components::document::Document;
use crate::components::filter::{hub_href, LibraryFilter};
use crate::components::language::LanguageOffer;
use crate::components::paths::ReadingPaths;
use crate::i18n::{lang, t};
use crate::{href, meta};
use cart_model::page::{Page, STAGE_PARAM, TYPE_PARAM};
use cart_model::{
    filter_articles, parse_stage_query, parse_type_query, ArticleSummary, CancerType, IndexDoc, Selection, Stage, STAGE_QUERY_KEY,
    TYPE_QUERY_KEY,
};
use cart_model::fill;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn HubPage() -> impl IntoView {
    view! { <Document page=Some(Page::Hub) what=t().what_index show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::index(&text)?;
    Ok(view! { <Hub doc /> })
}

/// The selection from the URL. The query is read only once the page is live: a prerendered
/// page was made without one, and hydration must first see exactly what the server drew.
/// `/types/<type>` and `/stages/<stage>` (the pages that work without scripts) carry theirs
/// in the path instead.
fn use_selection() -> Memo<Selection> {
    let query = use_query_map();
    let params = use_params_map();
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    Memo::new(move |_| {
        let (q, p) = (query.read(), params.read());
        let from = |key: &str, param: &str| if live.get() { q.get(key) } else { None }.or_else(|| p.get(param));
        Selection {
            types: parse_type_query(from(TYPE_QUERY_KEY, TYPE_PARAM).as_deref()),
            stages: parse_stage_query(from(STAGE_QUERY_KEY, STAGE_PARAM).as_deref()),
        }
    })
}

#[component]
fn Hub(doc: IndexDoc) -> impl IntoView {
    let selected = use_selection();
    let params = use_params_map();
    let page_type = params.read_untracked().get(TYPE_PARAM).and_then(|t| CancerType::from_slug(&t));
    let page_stage = params.read_untracked().get(STAGE_PARAM).and_then(|s| Stage::from_slug(&s));
    let text = meta::hub(&doc.hub, page_type, page_stage);
    let IndexDoc { hub, articles, topics, .. } = doc;
    let total = articles.len();
    let articles = StoredValue::new(articles);
    let count_text = move || {
        let sel = selected.get();
        let n = articles.with_value(|a| filter_articles(a, &sel).len());
        count_words(n, total, &sel)
    };
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <LanguageOffer />
        <div class="wrap hub">
            <section class="hub-intro prose" aria-labelledby="page-title">
                <h1 id="page-title" tabindex="-1">{hub.title}</h1>
                <p class="lede">{hub.lede}</p>
            </section>

            <section class="library" aria-labelledby="library-title">
                <h2 id="library-title">{t().articles_heading}</h2>
                <LibraryFilter selected />
                <div class="library__status">
                    <p class="result-count" role="status" aria-live="polite">{count_text}</p>
                    <Show when=move || !selected.get().is_empty()>
                        <a class="clear-filters" href=hub_href(&Selection::default())>{t().clear_filters}</a>
                    </Show>
                </div>
                {move || library(articles, &selected.get())}
            </section>

            <ReadingPaths start_here=hub.start_here caregiver_path=hub.caregiver_path />
            <crate::bridge::OfflineSlot />

            <section class="hub-about prose" aria-label=t().about_label>
                {render_blocks(&hub.body)}
                <p class="reviewed">
                    {t().page_last_reviewed} " " <time datetime=hub.last_reviewed.iso>{hub.last_reviewed.display}</time>
                </p>
            </section>

            <section class="related-topics" aria-labelledby="topics-title">
                <h2 id="topics-title">{t().related_topics}</h2>
                <ul class="topic-list">
                    {topics
                        .into_iter()
                        .map(|t| view! {
                            <li>
                                <a href=href(&Page::Topic(t.slug))>{t.title}</a>
                                <p>{t.summary}</p>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}

/// "Showing 3 of 16 articles about lymphoma, for getting ready".
fn count_words(n: usize, total: usize, sel: &Selection) -> String {
    let words = t();
    if sel.is_empty() {
        return fill(words.count_all, &[("total", &total.to_string())]);
    }
    let mut out = fill(words.count_some, &[("n", &n.to_string()), ("total", &total.to_string())]);
    if !sel.types.is_empty() {
        let names: Vec<&str> = sel.types.iter().map(|c| c.full_name(lang())).collect();
        out.push_str(&fill(words.count_types, &[("names", &names.join(words.or))]));
    }
    if !sel.stages.is_empty() {
        let names: Vec<&str> = sel.stages.iter().map(|s| s.label(lang())).collect();
        out.push_str(&fill(words.count_stages, &[("names", &names.join(words.or))]));
    }
    out
}

/// The matching cards. Under a cancer-type chip, the articles written for that cancer come
/// first, marked as such; the general ones follow under their own heading.
fn library(articles: StoredValue<Vec<ArticleSummary>>, sel: &Selection) -> impl IntoView {
    let (specific, general): (Vec<ArticleSummary>, Vec<ArticleSummary>) = articles.with_value(|a| {
        filter_articles(a, sel).into_iter().cloned().partition(|a| sel.types.iter().any(|t| t.written_for(&a.cancer_types)))
    });
    if specific.is_empty() && general.is_empty() {
        return Either::Left(view! {
            <div class="empty-state">
                <h3>{t().empty_title}</h3>
                <p>
                    {t().empty_before}
                    <a href=hub_href(&Selection::default())>{t().empty_link}</a>
                    {t().empty_after}
                </p>
            </div>
        });
    }
    let general_heading = (!specific.is_empty() && !general.is_empty()).then(|| view! { <h3 class="library__group">{t().for_every_type}</h3> });
    Either::Right(view! {
        {(!specific.is_empty()).then(|| view! {
            <ul class="cards">
                {specific.into_iter().map(|article| view! { <ArticleCard article written_for=true /> }).collect_view()}
            </ul>
        })}
        {general_heading}
        {(!general.is_empty()).then(|| view! {
            <ul class="cards">
                {general.into_iter().map(|article| view! { <ArticleCard article /> }).collect_view()}
            </ul>
        })}
    })
}
