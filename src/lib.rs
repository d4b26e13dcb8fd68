//! CAR-T Hub: the app. `App` holds the route table; each route lives in `routes/`, shared
//! pieces in `components/`, and data loading in `api`. The same components render natively
//! (feature `ssr`, for prerendering) and in the browser (`hydrate`, or `csr`).

#![recursion_limit = "256"]

pub mod api;
pub mod bridge;
pub mod i18n;
pub mod components;
pub mod meta;
pub mod routes;
pub mod search;

use components::layout::{SiteFooter, SiteHeader};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{FlatRoutes, Route, Router};
use cart_model::page::{self, Page};
use cart_model::Lang;
use leptos_router::{path, ParamSegment, StaticSegment, WildcardSegment};

/// The path the site is served under, without a trailing slash ("" at the root). Set at
/// build time with `CART_HUB_BASE` so links, data fetches and the router agree.
pub const BASE: &str = match option_env!("CART_HUB_BASE") {
    Some(b) => b,
    None => "",
};

/// A site path (starting with `/`) as a URL under the base.
pub fn site_path(path: &str) -> String {
    format!("{BASE}{path}")
}

/// A page's URL under the base, in the current language: every internal link goes through here.
pub fn href(page: &Page) -> String {
    site_path(&page.path_in(i18n::lang()))
}

pub const SITE_NAME: &str = "CAR-T Hub";

/// The app in one language. The router's base is the site's base plus the edition's prefix
/// (`/es`), so every route and link inside an edition is the same in every language.
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    i18n::set_lang(lang);
    provide_meta_context();
    view! {
        <Title formatter=|page: String| meta::full_title(&page) />
        <Router base=format!("{BASE}{}", lang.prefix())>
            <a class="skip-link" href="#main" on:click=|ev| components::focus::jump_to(ev, "main")>
                {i18n::t().skip_link}
            </a>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <FlatRoutes fallback=|| {
                    components::focus::focus_heading_after_navigation();
                    bridge::page_shown();
                    view! { <routes::not_found::NotFound /> }
                }>
                    <Route path=path!("/") view=routes::hub::HubPage />
                    // Segments and parameter names come from the page model (`cart_model::page`).
                    <Route path=(StaticSegment(page::ARTICLES), ParamSegment(page::SLUG_PARAM)) view=routes::article::ArticlePage />
                    <Route path=StaticSegment(page::TOPICS) view=routes::topics::TopicsIndexPage />
                    <Route path=(StaticSegment(page::TOPICS), ParamSegment(page::SLUG_PARAM)) view=routes::topic::TopicPage />
                    <Route path=StaticSegment(page::GLOSSARY) view=routes::glossary::GlossaryPage />
                    <Route path=StaticSegment(page::CONNECT) view=routes::connect::ConnectPage />
                    <Route path=StaticSegment(page::SEARCH) view=routes::search::SearchPage />
                    // Last, as the first matching route wins: the listings, or not found.
                    <Route path=WildcardSegment(page::REST_PARAM) view=routes::hub::HubPage />
                </FlatRoutes>
            </main>
            <SiteFooter />
        </Router>
    }
}
