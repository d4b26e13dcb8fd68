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
                <LanguageSwitch />
            </div>
        </header>
        // "Questions? Call your care team at ...", when a portal's config.json sets one.
        <aside class="contact-line" data-portal="contact" aria-label=t().contact_label hidden></aside>
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
