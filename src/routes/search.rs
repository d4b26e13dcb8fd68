//! `/search?q=...&type=...`: full-text search over articles, topics and glossary words, with
//! the cancer-type chips as facets. Words and chips live in the URL, so Back and Forward
//! restore both and a search can be shared. The engine (`crate::search`) answers in the
//! browser; the page is prerendered empty, which is where the header's search form lands
//! without scripts.

use crate::components::content::{el, plain, text, Attrs};
use crate::components::focus::focus_heading_after_navigation;
use crate::i18n::{lang, t};
use crate::{href, meta, search, site_path};
use cart_model::search::{expand_query, searchable, SearchAnswer, SearchHit, SearchRequest, KINDS, PAGE_SIZE, QUERY_KEY};
use cart_model::{fill, parse_type_query, toggle_type, CancerType, Page, TYPE_QUERY_KEY};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// What the URL asks for.
#[derive(Clone, PartialEq)]
struct Asked {
    query: String,
    types: Vec<CancerType>,
}

#[component]
pub fn SearchPage() -> impl IntoView {
    focus_heading_after_navigation();
    crate::bridge::page_shown();
    let url = use_query_map();
    let asked = Memo::new(move |_| {
        url.with(|q| Asked { query: q.get(QUERY_KEY).unwrap_or_default(), types: parse_type_query(q.get(TYPE_QUERY_KEY).as_deref()) })
    });
    // While hydrating, draw what the prerendered (empty) page shows; the URL's search follows.
    let hydrating = Owner::current_shared_context().is_some_and(|c| c.during_hydration());
    let ready = RwSignal::new(!hydrating);
    Effect::new(move |_| ready.set(true));
    let more = More { limit: RwSignal::new(PAGE_SIZE), focus: RwSignal::new(None) };
    Effect::new(move |_| {
        asked.track();
        more.limit.set(PAGE_SIZE);
        more.focus.set(None);
    });
    let tries = RwSignal::new(0u32);
    let found = use_answers(asked, ready, more.limit, tries);
    let text = meta::search();
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <Meta name="robots" content="noindex" />
        <div class="wrap search prose">
            <h1 id="page-title" tabindex="-1">{t().search_title}</h1>
            <SearchForm asked ready />
            <p class="search__status" role="status">{move || status(ready.get(), &asked.get(), found.get().as_ref())}</p>
            {move || {
                let asked = asked.get();
                // An answer to an earlier question is not shown as this one's.
                let current = found.get().filter(|f| f.asked == asked && ready.get());
                match current {
                    _ if !searchable(&asked.query) || !ready.get() => help(t().search_empty_title.to_string(), t().search_empty_text).into_any(),
                    None => ().into_any(),
                    Some(Found { answer: None, .. }) => failed(tries).into_any(),
                    Some(Found { answer: Some(answer), .. }) => results(&asked, answer, more).into_any(),
                }
            }}
        </div>
    }
}

/// The latest answer, with the question it answers: asked again when the URL, the number of
/// results wanted or a Retry (`tries`) changes. A plain signal and a task rather than a
/// resource: nothing is prerendered or serialized, and each async type costs wasm.
fn use_answers(asked: Memo<Asked>, ready: RwSignal<bool>, limit: RwSignal<usize>, tries: RwSignal<u32>) -> RwSignal<Option<Found>> {
    let found = RwSignal::new(None::<Found>);
    Effect::new(move |_| {
        let (question, limit) = (asked.get(), limit.get());
        tries.track();
        if !searchable(&question.query) || !ready.get() {
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = search::run(request(&question, limit)).await;
            // The reader may have typed on meanwhile: only the current question's answer
            // shows. Or left the page (a result clicked before the new ones came): its
            // values are gone then, and the answer is dropped.
            if asked.try_get_untracked().as_ref() == Some(&question) {
                found.try_set(Some(Found { asked: question, answer }));
            }
        });
    });
    found
}

/// A search's answer, with the question it answers (`None`: the engine failed).
#[derive(Clone)]
struct Found {
    asked: Asked,
    answer: Option<SearchAnswer>,
}

/// The engine's request for what the URL asks, acronyms spelled out.
fn request(asked: &Asked, limit: usize) -> String {
    let request = SearchRequest { query: &expand_query(&asked.query, lang()), types: asked.types.iter().map(|t| t.slug()).collect(), limit };
    serde_json::to_string(&request).unwrap_or_default()
}

/// The page's own search field (searching as the reader types) and the cancer-type chips.
/// A GET form: without scripts it submits to this page.
#[component]
fn SearchForm(asked: Memo<Asked>, ready: RwSignal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let go = move |query: &str, types: &[CancerType], replace: bool| {
        let url = site_path(&format!("{}{}", lang().prefix(), Page::search_for(query, types)));
        navigate(&url, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
    };
    let go_typed = go.clone();
    // The field follows the URL (Back, Forward, a chip) but is never rewritten while it already
    // says the same, so typing is never disturbed.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let query = asked.get().query;
        if let (true, Some(input)) = (ready.get(), field.get()) {
            if input.value() != query {
                input.set_value(&query);
            }
        }
    });
    let chips = CancerType::EVERY.map(move |chip| {
        let go = go.clone();
        // Off while hydrating, as the prerendered page drew it (hydration does not correct an
        // attribute); the URL's chips show once the page is live.
        let pressed = move || (ready.get() && asked.with(|a| a.types.contains(&chip))).to_string();
        view! {
            <button type="submit" class="chip" name=TYPE_QUERY_KEY value=chip.slug() aria-pressed=pressed title=chip.full_name(lang())
                on:click=move |ev| {
                    ev.prevent_default();
                    let a = asked.get_untracked();
                    go(&a.query, &toggle_type(&a.types, chip), false);
                }>
                <span class="chip__tick" aria-hidden="true"></span>
                {chip.label(lang())}
            </button>
        }
    });
    view! {
        <form class="search__form" role="search" aria-label=t().search_title method="get" action=href(&Page::Search)
            on:submit=|ev| ev.prevent_default()>
            <label for="search-page-field">{t().search_label}</label>
            <input id="search-page-field" type="search" name=QUERY_KEY autocomplete="off" maxlength="200"
                node_ref=field
                on:focus=|_| search::warm_up()
                on:input=move |ev| {
                    let types = asked.get_untracked().types;
                    go_typed(&event_target_value(&ev), &types, true);
                } />
            <p id="search-types-label" class="filter__label">{t().search_types_label}</p>
            <div class="chips" role="group" aria-labelledby="search-types-label">{chips.collect_view()}</div>
        </form>
    }
}

/// The sentence screen readers hear when the results change.
fn status(ready: bool, asked: &Asked, found: Option<&Found>) -> String {
    let words = t();
    let q = asked.query.trim();
    if !ready || q.is_empty() {
        return String::new();
    }
    if !searchable(q) {
        return words.search_too_short.to_string();
    }
    let found = match found.filter(|f| &f.asked == asked) {
        None => return words.search_searching.to_string(),
        Some(Found { answer: None, .. }) => return String::new(),
        Some(Found { answer: Some(found), .. }) => found,
    };
    let mut line = match found.total {
        0 => fill(words.search_none_title, &[("q", q)]),
        1 => fill(words.search_count_one, &[("q", q)]),
        n => fill(words.search_count, &[("n", &n.to_string()), ("q", q)]),
    };
    if !asked.types.is_empty() {
        let names: Vec<&str> = asked.types.iter().map(|t| t.label(lang())).collect();
        line.push(' ');
        line.push_str(&fill(words.search_count_types, &[("types", &names.join(", "))]));
    }
    line
}

/// What to do next (nothing asked yet, or nothing found): a heading, advice, and the other
/// ways in (each cancer type's page, the glossary). Drawn with the content's node builder.
fn help(title: String, advice: &str) -> AnyView {
    let link = |href: String, words: &str| plain("li", vec![el("a", Attrs { href: Some(href), ..Attrs::default() }, vec![text(words)])]);
    let mut ways: Vec<AnyView> = CancerType::EVERY.map(|c| link(crate::href(&Page::Type(c)), c.full_name(lang()))).into();
    ways.push(link(crate::href(&Page::Glossary), t().nav_glossary));
    el("div", Attrs { class: Some("search__help"), ..Attrs::default() }, vec![
        plain("h2", vec![text(&title)]),
        plain("p", vec![text(advice)]),
        el("ul", Attrs { class: Some("pill-links"), ..Attrs::default() }, ways),
    ])
}

fn failed(tries: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="failure" role="alert">
            <p>{t().search_failed}</p>
            <button type="button" class="button" on:click=move |_| tries.update(|n| *n += 1)>{t().try_again}</button>
        </div>
    }
}

/// How many results to describe, and which one to focus after "Show more" (the first new one,
/// so keyboard and screen-reader users continue where the list grew).
#[derive(Clone, Copy)]
struct More {
    limit: RwSignal<usize>,
    focus: RwSignal<Option<usize>>,
}

fn results(asked: &Asked, found: SearchAnswer, more: More) -> impl IntoView {
    let words = t();
    let shown = found.results.len();
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(n) = more.focus.get_untracked().filter(|n| *n < shown) {
            use wasm_bindgen::JsCast;
            let link = document().query_selector(&format!(".results > li:nth-child({}) a", n + 1)).ok().flatten();
            if let Some(link) = link {
                let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    });
    let (limit, focus) = (more.limit, more.focus);
    let left = found.total.saturating_sub(shown);
    let nothing = (found.total == 0).then(|| help(fill(words.search_none_title, &[("q", asked.query.trim())]), words.search_none_text));
    let list = el("ol", Attrs { class: Some("results"), ..Attrs::default() }, found.results.into_iter().map(hit).collect());
    view! {
        {nothing}
        {list}
        {(left > 0).then(|| view! {
            <button type="button" class="button" on:click=move |_| {
                focus.set(Some(shown));
                limit.update(|l| *l += PAGE_SIZE);
            }>
                {fill(words.search_more, &[("n", &left.min(PAGE_SIZE).to_string())])}
            </button>
        })}
    }
}

/// One result: the page's title as a link, what it is and for which cancers, and the words
/// around the match with the matched ones marked.
fn hit(hit: SearchHit) -> AnyView {
    let kind = KINDS.iter().position(|k| *k == hit.kind).map_or("", |i| t().search_kinds[i]);
    let types: Vec<&str> = hit.types.iter().filter_map(|s| CancerType::from_slug(s)).map(|c| c.label(lang())).collect();
    let about = if types.is_empty() { kind.to_string() } else { format!("{kind} · {}", types.join(", ")) };
    let excerpt = hit.excerpt.iter().map(|(words, marked)| if *marked { plain("mark", vec![text(words)]) } else { text(words) }).collect();
    let class = |c| Attrs { class: Some(c), ..Attrs::default() };
    el("li", class("result"), vec![
        el("h2", class("result__title"), vec![el("a", Attrs { href: Some(local_href(&hit.url)), ..Attrs::default() }, vec![text(&hit.title)])]),
        el("p", class("result__kind"), vec![text(&about)]),
        el("p", class("result__excerpt"), excerpt),
    ])
}

/// A result's URL as an app link: the index holds full site paths with a trailing slash.
fn local_href(url: &str) -> String {
    match url.split_once('#') {
        Some((path, fragment)) => format!("{}#{fragment}", local_href(path)),
        None if url.len() > 1 => url.trim_end_matches('/').to_string(),
        None => url.to_string(),
    }
}
