//! Choosing the language: a switch in the header to the same page in the other edition(s),
//! and, on the hub, a one-line offer of the edition the browser prefers. Never a redirect:
//! the reader decides, and the choice is remembered on this device only (localStorage).
//! The switch is a plain link (it works without scripts) that leaves the router, because the
//! other edition is another app root (`/es`): a full page load to the prerendered twin.

use crate::i18n::{lang, t};
use crate::{site_path, BASE};
use cart_model::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Where the reader's choice of language is kept. portal.js reads it too.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const CHOICE_KEY: &str = "cart-hub:lang";

/// The page at `path` (a browser path, with or without the base) in `other`, with `query`.
/// Every edition has every page (the content compiler pairs them), so the twin exists.
pub fn twin_href(other: Lang, path: &str, query: &str) -> String {
    let path = path.strip_prefix(BASE).filter(|p| p.is_empty() || p.starts_with('/')).unwrap_or(path);
    let path = if path.is_empty() { "/" } else { path };
    let (_, within) = Lang::split_path(path);
    let query = match query.trim_start_matches('?') {
        "" => String::new(),
        q => format!("?{q}"),
    };
    site_path(&format!("{}{within}{query}", other.prefix()))
}

/// The links to this page in the other languages, each named in its own language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    // The chip selection travels with the switch once the page is live; the prerendered
    // page had no query, and hydration must first see the href the server drew.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let current = lang();
    let links = Lang::EVERY.into_iter().filter(move |l| *l != current).map(move |other| {
        let href = move || {
            let query = if live.get() { location.search.get() } else { String::new() };
            twin_href(other, &location.pathname.get(), &query)
        };
        view! {
            <li>
                <a href=href hreflang=other.code() lang=other.code() rel="alternate external" on:click=move |_| remember(other)>
                    {other.strings().language_name}
                </a>
            </li>
        }
    });
    view! {
        <nav class="lang-switch" aria-label=t().languages_label>
            <ul>{links.collect_view()}</ul>
        </nav>
    }
}

/// On the hub: "Este sitio también está en español", in that language, when the browser
/// prefers another edition's language (or the reader chose it before) and has not said no.
#[component]
pub fn LanguageOffer() -> impl IntoView {
    let offer = RwSignal::new(None::<Lang>);
    let location = use_location();
    Effect::new(move |_| offer.set(offered(lang())));
    move || {
        offer.get().map(|other| {
            let words = other.strings();
            let href = twin_href(other, &location.pathname.get_untracked(), "");
            view! {
                <aside class="lang-offer wrap" lang=other.code() aria-label=words.languages_label>
                    <p>
                        {words.offer_text} " "
                        <a href=href hreflang=other.code() rel="alternate external" on:click=move |_| remember(other)>
                            {words.offer_accept}
                        </a>
                    </p>
                    <button type="button" class="link-button" on:click=move |_| {
                        remember(lang());
                        offer.set(None);
                    }>{words.offer_dismiss}</button>
                </aside>
            }
        })
    }
}

/// The edition to offer on a page in `current`: the reader's earlier choice, else the
/// browser's first language, if that is another edition.
fn offered(current: Lang) -> Option<Lang> {
    let wanted = stored_choice().or_else(browser_language)?;
    (wanted != current).then_some(wanted)
}

fn browser_language() -> Option<Lang> {
    #[cfg(target_arch = "wasm32")]
    return window().navigator().language().and_then(|tag| Lang::from_code(&tag));
    #[cfg(not(target_arch = "wasm32"))]
    None
}

fn stored_choice() -> Option<Lang> {
    #[cfg(target_arch = "wasm32")]
    return window().local_storage().ok().flatten().and_then(|s| s.get_item(CHOICE_KEY).ok().flatten()).and_then(|c| Lang::from_code(&c));
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Keeps the reader's choice on this device (nothing where storage is blocked).
fn remember(choice: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(CHOICE_KEY, choice.code());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = choice;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twin_is_the_same_page_and_query_in_the_other_edition() {
        assert_eq!(twin_href(Lang::Es, "/articles/car-t-for-lymphoma", ""), format!("{BASE}/es/articles/car-t-for-lymphoma"));
        assert_eq!(twin_href(Lang::En, &format!("{BASE}/es/articles/x"), ""), format!("{BASE}/articles/x"));
        assert_eq!(twin_href(Lang::Es, &format!("{BASE}/"), "?type=lymphoma"), format!("{BASE}/es/?type=lymphoma"));
        assert_eq!(twin_href(Lang::En, &format!("{BASE}/es/"), "type=all"), format!("{BASE}/?type=all"));
        assert_eq!(twin_href(Lang::En, &format!("{BASE}/es"), ""), format!("{BASE}/"));
    }
}
