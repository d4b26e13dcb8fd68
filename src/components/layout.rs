//! The site chrome around every page. A portal's config.json can rename and rebrand it at
//! run time: `public/portal.js` fills the empty slots here (logo, contact line) and the
//! name's text, found by their `data-portal` names (see `crate::bridge`). Those slots are empty or plain text on purpose: hydration ignores children
//! it did not render, so filling them before or after the app starts is safe.

use crate::components::language::LanguageSwitch;
use crate::i18n::t;
use crate::{href, SITE_NAME};
use cart_model::Page;
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href=href(&Page::Hub)>
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name" data-portal="name">{SITE_NAME}</span>
                    <span class="brand__logo" data-portal="logo" hidden></span>
                </a>
                <nav aria-label=t().nav_label>
                    <ul class="site-nav">
                        <li><a href=href(&Page::Hub)>{t().nav_home}</a></li>
                        <li><a href=href(&Page::Topics)>{t().nav_topics}</a></li>
                        <li><a href=href(&Page::Glossary)>{t().nav_glossary}</a></li>
                    </ul>
                </nav>
                <SiteSearch />
                <LanguageSwitch />
            </div>
        </header>
        // "Questions? Call your care team at ...", when a portal's config.json sets one.
        <aside class="contact-line" data-portal="contact" aria-label=t().contact_label hidden></aside>
    }
}

/// The header's search box: a GET form that lands on the search page (prerendered, so it
/// works without scripts); with scripts it goes there inside the app. Focusing it starts
/// loading the search engine, and not before.
#[component]
fn SiteSearch() -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = field.get_untracked().map(|f| f.value()).unwrap_or_default();
        let url = crate::site_path(&format!("{}{}", crate::i18n::lang().prefix(), Page::search_for(&query, &[])));
        navigate(&url, leptos_router::NavigateOptions { resolve: false, ..Default::default() });
    };
    view! {
        <form class="site-search" role="search" aria-label=t().search_header_landmark method="get" action=href(&Page::Search) on:submit=submit>
            <label class="visually-hidden" for="site-search-field">{t().search_label}</label>
            <input id="site-search-field" type="search" name=cart_model::search::QUERY_KEY maxlength="200" node_ref=field
                on:focus=|_| crate::search::warm_up() />
            <button type="submit" class="button">{t().search_button}</button>
        </form>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{t().footer_about}</p>
                <p>{t().footer_emergency}</p>
            </div>
        </footer>
    }
}
