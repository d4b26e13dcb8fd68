//! The hub's reading paths ("Start here" for a newly referred patient, one for a caregiver),
//! chosen in content, with the reader's progress. Progress is kept in this browser only
//! (localStorage), never sent anywhere, and can be cleared. It appears once the app is live:
//! the prerendered page cannot know it, and hydration must see what the server drew.

use crate::href;
use crate::i18n::t;
use cart_model::{Page, PageRef};
use leptos::prelude::*;

/// Where the slugs of articles read on this device are kept.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const READ_KEY: &str = "cart-hub:read";

/// The slugs read on this device (empty where storage is unavailable, e.g. blocked in a frame).
pub fn read_articles() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(READ_KEY).ok().flatten());
        return stored.map(|v| v.split(' ').filter(|s| cart_model::is_slug(s)).map(str::to_string).collect()).unwrap_or_default();
    }
    #[cfg(not(target_arch = "wasm32"))]
    Vec::new()
}

/// Notes that an article was read (called when an article is on screen).
pub fn mark_read(slug: &str) {
    let mut read = read_articles();
    if !read.iter().any(|s| s == slug) {
        read.push(slug.to_string());
        store(&read.join(" "));
    }
}

fn store(value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = if value.is_empty() { storage.remove_item(READ_KEY) } else { storage.set_item(READ_KEY, value) };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = value;
}

#[component]
pub fn ReadingPaths(start_here: Vec<PageRef>, caregiver_path: Vec<PageRef>) -> impl IntoView {
    // Filled once the page is live (after hydration).
    let read = RwSignal::new(Vec::<String>::new());
    let live = RwSignal::new(false);
    Effect::new(move |_| {
        read.set(read_articles());
        live.set(true);
    });
    let clear = move |_| {
        store("");
        read.set(Vec::new());
    };
    view! {
        <section class="paths" aria-labelledby="paths-title">
            <h2 id="paths-title">{t().start_here}</h2>
            <div class="paths__lists">
                <Path id="path-patient" title=t().path_patient items=start_here read live />
                <Path id="path-caregiver" title=t().path_caregiver items=caregiver_path read live />
            </div>
            <p class="paths__privacy" hidden=move || !live.get()>
                {t().progress_private}
                <button type="button" class="link-button" on:click=clear>{t().clear_progress}</button>
            </p>
        </section>
    }
}

#[component]
fn Path(id: &'static str, title: &'static str, items: Vec<PageRef>, read: RwSignal<Vec<String>>, live: RwSignal<bool>) -> impl IntoView {
    let total = items.len();
    let slugs: Vec<String> = items.iter().map(|r| r.slug.clone()).collect();
    let done = move || read.with(|r| slugs.iter().filter(|s| r.contains(s)).count());
    view! {
        <div class="path">
            <h3 id=id>{title}</h3>
            <p class="path__progress" hidden=move || !live.get()>{move || cart_model::fill(t().path_progress, &[("done", &done().to_string()), ("total", &total.to_string())])}</p>
            <ol class="path__list" aria-labelledby=id>
                {items.into_iter().map(|r| {
                    let slug = r.slug.clone();
                    let is_read = Signal::derive(move || read.with(|list| list.contains(&slug)));
                    view! {
                        <li class=move || if is_read.get() { "path__item path__item--read" } else { "path__item" }>
                            <a href=href(&Page::Article(r.slug))>{r.title}</a>
                            <span class="path__tick" hidden=move || !is_read.get()>{t().path_read_mark}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}
