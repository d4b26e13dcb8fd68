//! The library on the hub pages, a page of cards at a time (`cart_model::library`).
//!
//! A page shows pages `first..=last` of its selection's list: the hub and chip pages start at
//! the first, a page of its own (`/page/3`, for readers without scripts) at its number. "Show
//! more" is a link to the next page of its own; with scripts it adds the next page in place
//! instead, and records how far the list goes in the URL (`?page=3`), so a reload or a shared
//! link shows the same cards.

use crate::api::{self, LoadError, Loaded};
use crate::components::article_card::ArticleCard;
use crate::components::filter::hub_href;
use crate::i18n::{lang, t};
use crate::routes::not_found::NotFound;
use crate::{href, meta};
use cart_model::library::{page_count, Card, Listing, Shelf, PER_PAGE};
use cart_model::{fill, Hub, Selection};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Which part of the list a page shows, and what it heads it with.
#[derive(Clone)]
pub struct Span {
    /// The first page shown (from 1).
    pub first: usize,
    /// The last page shown, from the URL once the page is live.
    pub last: Memo<usize>,
    /// A page of its own heads the list with its title (the hub's words are on the hub).
    pub own_page: Option<Hub>,
}

#[component]
pub fn Library(selected: Memo<Selection>, span: Span, first_shelf: Option<Shelf>) -> impl IntoView {
    let Span { first, last, own_page } = span;
    let shelf = RwSignal::new(first_shelf.map(Ok::<Shelf, LoadError>));
    let focus = RwSignal::new(None::<usize>);
    follow_the_url(selected, first, last, shelf);
    let retry = move |_| shelf.set(None);
    view! {
        {move || shelf.with(|found| match found {
            None => EitherOf4::A(view! { <crate::components::status::Loading what=t().what_index /> }),
            Some(Ok(s)) => EitherOf4::B(shelf_view(s.clone(), &selected.get_untracked(), own_page.clone(), focus)),
            Some(Err(LoadError::NotFound)) => EitherOf4::C(view! { <NotFound /> }),
            Some(Err(error)) => EitherOf4::D(view! {
                <div class="failure" role="alert">
                    <p>{error.explain()}</p>
                    <button type="button" class="button" on:click=retry>{t().try_again}</button>
                </div>
            }),
        })}
    }
}

/// Fetches the shelf the URL asks for whenever it asks for another (a chip, "Show more",
/// Back), or none is shown (the first view of a page that was not prerendered, a Retry).
/// The cards on screen stay until the new ones are in; a late answer for an older request
/// is dropped. The first shelf a prerendered page carries is kept, not fetched again.
fn follow_the_url(selected: Memo<Selection>, first: usize, last: Memo<usize>, shelf: RwSignal<Option<Loaded<Shelf>>>) {
    let initial = (selected.get_untracked(), last.get_untracked());
    let carried = shelf.with_untracked(|s| match s {
        Some(Ok(s)) => {
            api::keep_shelf(api::shelf_key(&initial.0, first, initial.1), s);
            true
        }
        _ => false,
    });
    // The selection and pages shown or on their way, and which request is the latest.
    let shown = StoredValue::new(carried.then_some(initial));
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let wanted = (selected.get(), last.get());
        let missing = shelf.with(Option::is_none);
        if !missing && shown.with_value(|s| s.as_ref() == Some(&wanted)) {
            return;
        }
        shown.set_value(Some(wanted.clone()));
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        leptos::task::spawn_local(async move {
            let found = api::load_shelf(wanted.0, first, wanted.1).await;
            // The reader may have left the page while it loaded (a card clicked before the
            // new ones came): its values are gone then, and the answer is dropped.
            if asked.try_get_value() == Some(this) {
                shelf.try_set(Some(found));
            }
        });
    });
}

/// The cards shown, with their count, the heading of a page of its own, and the way on.
fn shelf_view(shelf: Shelf, sel: &Selection, own_page: Option<Hub>, focus: RwSignal<Option<usize>>) -> impl IntoView {
    focus_first_new(focus, shelf.offset + shelf.cards.len());
    let heading = own_page.map(|hub| {
        let pages = page_count(shelf.matching);
        let n = shelf.offset / PER_PAGE + 1;
        let text = meta::library_page(&hub, sel, n, pages);
        let numbered = fill(t().page_of, &[("n", &n.to_string()), ("pages", &pages.to_string())]);
        view! {
            <Title text=text.title />
            <Meta name="description" content=text.description />
            <h1 id="page-title" tabindex="-1">{meta::listing(&hub, sel).title}</h1>
            <h2 class="library__page">{numbered}</h2>
        }
    });
    let status = count_words(shelf.matching, shelf.library, sel);
    let (from, to) = (shelf.offset + 1, shelf.offset + shelf.cards.len());
    let range = (shelf.matching > 0).then(|| {
        let words = fill(t().shown_range, &[("from", &from.to_string()), ("to", &to.to_string()), ("n", &shelf.matching.to_string())]);
        view! { <p class="library__shown">{words}</p> }
    });
    let pager = pager(&shelf, sel, focus);
    view! {
        {heading}
        <div class="library__status">
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            {(!sel.is_empty()).then(|| view! { <a class="clear-filters" href=hub_href(&Selection::default())>{t().clear_filters}</a> })}
        </div>
        {cards(shelf, sel)}
        {range}
        {pager}
    }
}

/// "3 of 16 articles about lymphoma, stage: getting ready".
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

/// The cards. Under a cancer-type chip, the articles written for that cancer come first,
/// marked as such; the general ones follow under their own heading.
fn cards(shelf: Shelf, sel: &Selection) -> impl IntoView {
    if shelf.matching == 0 {
        return leptos::either::Either::Left(view! {
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
    let offset = shelf.offset;
    let (specific, general): (Vec<(usize, Card)>, Vec<(usize, Card)>) =
        shelf.cards.into_iter().enumerate().map(|(i, c)| (offset + i, c)).partition(|(_, c)| c.written_for);
    // The heading goes where the general articles begin, on the page that shows that.
    let general_heading = (!sel.types.is_empty() && !general.is_empty() && (offset > 0 || !specific.is_empty()))
        .then(|| view! { <h3 class="library__group">{t().for_every_type}</h3> });
    let list = |cards: Vec<(usize, Card)>| {
        (!cards.is_empty()).then(|| view! {
            <ul class="cards">
                {cards.into_iter().map(|(position, c)| view! { <ArticleCard article=c.article written_for=c.written_for position /> }).collect_view()}
            </ul>
        })
    };
    leptos::either::Either::Right(view! { {list(specific)} {general_heading} {list(general)} })
}

/// "Show more", and on a page of its own the way back. "Show more" is a link to the next
/// page of its own, so it works without scripts; with them it adds that page in place.
fn pager(shelf: &Shelf, sel: &Selection, focus: RwSignal<Option<usize>>) -> impl IntoView {
    let next = shelf.offset / PER_PAGE + shelf.cards.len().div_ceil(PER_PAGE) + 1;
    let first = shelf.offset / PER_PAGE + 1;
    let listing = Listing::of(sel);
    let left = shelf.remaining();
    let shown_to = shelf.offset + shelf.cards.len();
    let previous = listing.filter(|_| first > 1).map(|l| view! { <a class="pager__previous" href=href(&l.page(first - 1))>{t().previous_page}</a> });
    let more_href = match listing {
        Some(l) => href(&l.page(next)),
        None => with_pages(&hub_href(sel), next),
    };
    let navigate = leptos_router::hooks::use_navigate();
    let more = (left > 0).then(|| view! {
        <a class="button pager__more" href=more_href on:click=move |ev| {
            ev.prevent_default();
            focus.set(Some(shown_to));
            show_pages(&navigate, next);
        }>
            {fill(t().show_more, &[("n", &left.to_string())])}
        </a>
    });
    (previous.is_some() || more.is_some()).then(|| view! { <nav class="pager" aria-label=t().pages_label>{previous}{more}</nav> })
}

/// A URL with `page=<n>` in its query (in place of any there).
fn with_pages(url: &str, n: usize) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut parts: Vec<String> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("page=")).map(str::to_string).collect();
    parts.push(format!("{}={n}", cart_model::library::PAGE_KEY));
    format!("{path}?{}", parts.join("&"))
}

/// Shows pages up to `n` on this page: the same path, `page=n` in the query, in place of
/// this history entry (Back leaves the list rather than stepping through its pages).
fn show_pages(navigate: &impl Fn(&str, leptos_router::NavigateOptions), n: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        let location = window().location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        let options = leptos_router::NavigateOptions { resolve: false, replace: true, scroll: false, ..Default::default() };
        navigate(&with_pages(&here, n), options);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (navigate, n);
}

/// After "Show more", focus moves to the first new card's link, so keyboard and screen-reader
/// users go on where the list grew.
fn focus_first_new(focus: RwSignal<Option<usize>>, shown_to: usize) {
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(n) = focus.get_untracked().filter(|n| *n < shown_to) {
            use wasm_bindgen::JsCast;
            focus.set(None);
            let link = document().query_selector(&format!(".library [data-position=\"{n}\"] a")).ok().flatten();
            if let Some(link) = link {
                let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (focus, shown_to);
    });
}
