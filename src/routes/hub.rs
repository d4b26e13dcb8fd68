//! `/`: the introduction to CAR-T, the filterable article library, and the topics.

use crate::api::{self, LoadError};
use crate::components::article_card::ArticleCard;
use crate::components::content::render_blocks;
use crate::components::filter::{hub_href, CancerTypeFilter};
use crate::components::focus::jump_to;
use crate::components::document::Document;
use crate::meta;
use crate::href;
use cart_model::page::{Page, TYPE_PARAM};
use cart_model::{filter_articles, parse_type_query, CancerType, IndexDoc, TYPE_QUERY_KEY};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn HubPage() -> impl IntoView {
    view! { <Document page=Some(Page::Hub) what="the list of articles" show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::index(&text)?;
    Ok(view! { <Hub doc /> })
}

#[component]
fn Hub(doc: IndexDoc) -> impl IntoView {
    // The selection lives in the URL: shareable, reloadable, and Back/Forward step through it.
    let query = use_query_map();
    let params = use_params_map();
    // The query is read only once the page is live: a prerendered page was made without
    // one, and hydration must first see exactly what the server drew. `/types/<type>` (the
    // pages that work without scripts) carries its selection in the path instead.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let selected = Memo::new(move |_| {
        let from_query = if live.get() { query.read().get(TYPE_QUERY_KEY) } else { None };
        parse_type_query(from_query.or_else(|| params.read().get(TYPE_PARAM)).as_deref())
    });
    let IndexDoc { hub, articles, topics, .. } = doc;
    let total = articles.len();
    let articles = StoredValue::new(articles);
    let shown = move || articles.with_value(|a| filter_articles(a, &selected.get()).into_iter().cloned().collect::<Vec<_>>());
    let count_text = move || {
        let sel = selected.get();
        let n = articles.with_value(|a| filter_articles(a, &sel).len());
        if sel.is_empty() {
            format!("Showing all {total} articles")
        } else {
            let names: Vec<&str> = sel.iter().map(|t| t.full_name()).collect();
            format!("Showing {n} of {total} articles about {}", names.join(" or "))
        }
    };
    // The per-type pages (`/types/<type>`) are pages of their own for search engines.
    let page_type = params.read_untracked().get(TYPE_PARAM).and_then(|t| CancerType::from_slug(&t));
    let text = meta::hub(&hub, page_type);
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap hub">
            <section class="hub-intro prose" aria-labelledby="page-title">
                <h1 id="page-title" tabindex="-1">{hub.title}</h1>
                <p class="lede">{hub.summary}</p>
                // The library sits below a long introduction: a way straight to it.
                <p class="jump-links">
                    <a href="#library-title" on:click=|ev| jump_to(ev, "library-title")>"Go to the articles"</a>
                </p>
                {render_blocks(&hub.body)}
                <p class="reviewed">
                    "Page last reviewed: " <time datetime=hub.last_reviewed.iso>{hub.last_reviewed.display}</time>
                </p>
            </section>

            <section class="library" aria-labelledby="library-title">
                <h2 id="library-title">"Articles"</h2>
                <CancerTypeFilter selected />
                <div class="library__status">
                    <p class="result-count" role="status" aria-live="polite">{count_text}</p>
                    <Show when=move || !selected.get().is_empty()>
                        <a class="clear-filters" href=hub_href(&[])>"Clear filters"</a>
                    </Show>
                </div>
                {move || {
                    let list = shown();
                    if list.is_empty() {
                        Either::Left(view! {
                            <div class="empty-state">
                                <h3>"No articles match these cancer types yet"</h3>
                                <p>
                                    "Turn off a filter, or "
                                    <a href=hub_href(&[])>"clear all filters"</a>
                                    " to see every article."
                                </p>
                            </div>
                        })
                    } else {
                        Either::Right(view! {
                            <ul class="cards">
                                {list.into_iter().map(|article| view! { <ArticleCard article /> }).collect_view()}
                            </ul>
                        })
                    }
                }}
            </section>

            <section class="related-topics" aria-labelledby="topics-title">
                <h2 id="topics-title">"Related topics"</h2>
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
