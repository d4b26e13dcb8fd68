//! `/` (and `/types/<type>`, `/stages/<stage>`): a short lede, the filterable library, the
//! reading paths, then the longer introduction and the topics. `/page/<n>` (and the chip
//! pages' `/page/<n>`): a page of the library of its own, for readers without scripts.

use crate::api::{self, LoadError};
use crate::components::content::render_blocks;
use crate::components::document::Document;
use crate::components::filter::LibraryFilter;
use crate::components::library::{Library, Span};
use crate::components::language::LanguageOffer;
use crate::components::paths::ReadingPaths;
use crate::i18n::t;
use crate::{href, meta};
use crate::components::focus::focus_heading_after_navigation;
use cart_model::library::{Listing, PAGE_KEY};
use cart_model::page::{Page, REST_PARAM};
use cart_model::{parse_stage_query, parse_type_query, HubDoc, Selection, STAGE_QUERY_KEY, TYPE_QUERY_KEY};
use crate::routes::not_found::NotFound;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/`, and every other path no route names: the listings (`/types/<type>`,
/// `/stages/<stage>`, their `/page/<n>`, `/page/<n>`), or not found.
#[component]
pub fn HubPage() -> impl IntoView {
    // A link from one listing to another keeps this route: draw the page afresh.
    move || match current_listing() {
        Some((listing, n)) => Either::Left(view! { <Document page=Some(listing.page(n)) what=t().what_index show /> }),
        None => {
            focus_heading_after_navigation();
            crate::bridge::page_shown();
            Either::Right(view! { <NotFound /> })
        }
    }
}

/// The listing and page the path names (the router's rest of the path, parsed by the page
/// model), or `None` when it names none.
fn current_listing() -> Option<(Listing, usize)> {
    let params = use_params_map();
    let rest = params.read().get(REST_PARAM);
    let page = match rest.as_deref() {
        None | Some("") => Some(Page::Hub),
        Some(rest) => Page::parse(&format!("/{rest}")),
    };
    page.and_then(|p| p.listing())
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::hub(&text)?;
    Ok(view! { <Hub doc /> })
}

/// The selection from the URL. The query is read only once the page is live: a prerendered
/// page was made without one, and hydration must first see exactly what the server drew.
/// `/types/<type>` and `/stages/<stage>` (the pages that work without scripts) carry theirs
/// in the path instead.
fn use_selection(listing: Listing, live: RwSignal<bool>) -> Memo<Selection> {
    let query = use_query_map();
    let path = listing.selection();
    Memo::new(move |_| {
        let q = query.read();
        let asked = |key: &str| if live.get() { q.get(key) } else { None };
        Selection {
            types: asked(TYPE_QUERY_KEY).map_or_else(|| path.types.clone(), |v| parse_type_query(Some(&v))),
            stages: asked(STAGE_QUERY_KEY).map_or_else(|| path.stages.clone(), |v| parse_stage_query(Some(&v))),
        }
    })
}

#[component]
fn Hub(doc: HubDoc) -> impl IntoView {
    let Some((listing, first)) = current_listing() else {
        return EitherOf3::A(view! { <NotFound /> });
    };
    // Set once the page is live; the URL's query is read from then on.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let selected = use_selection(listing, live);
    let last = use_last_page(first, live);
    // The first cards, when the document came with them for this very page.
    let here = listing.page(first).path();
    let first_shelf = doc.shelf.filter(|(path, _)| *path == here).map(|(_, shelf)| shelf);
    if first > 1 {
        // A page of the library of its own: its heading and its cards.
        let span = Span { first, last, own_page: Some(doc.hub) };
        return EitherOf3::B(view! {
            <div class="wrap hub">
                <section class="library library--page">
                    <Library selected span first_shelf />
                </section>
            </div>
        });
    }
    let path = listing.selection();
    let text = meta::hub(&doc.hub, path.types.first().copied(), path.stages.first().copied());
    let HubDoc { hub, topics, .. } = doc;
    let span = Span { first, last, own_page: None };
    EitherOf3::C(view! {
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
                <Library selected span first_shelf />
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
    })
}

/// The last page of the list to show: the `page` query once the page is live (like the
/// selection), never before the page's own first.
fn use_last_page(first: usize, live: RwSignal<bool>) -> Memo<usize> {
    let query = use_query_map();
    Memo::new(move |_| {
        let asked = if live.get() { query.read().get(PAGE_KEY).and_then(|n| n.parse::<usize>().ok()) } else { None };
        // A hand-edited `page=100000` shows at most a few hundred cards.
        asked.unwrap_or(first).clamp(first, first + 40)
    })
}
