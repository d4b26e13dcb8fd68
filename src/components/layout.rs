//! The site chrome around every page. A portal's config.json can rename and rebrand it at
//! run time: `public/portal.js` fills the empty slots here (logo, contact line) and the
//! name's text, found by their `data-portal` names (see `crate::bridge`). Those slots are empty or plain text on purpose: hydration ignores children
//! it did not render, so filling them before or after the app starts is safe.

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
                <nav aria-label="Main">
                    <ul class="site-nav">
                        <li><a href=href(&Page::Hub)>"Home"</a></li>
                        <li><a href=href(&Page::Topics)>"Topics"</a></li>
                        <li><a href=href(&Page::Glossary)>"Glossary"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
        // "Questions? Call your care team at ...", when a portal's config.json sets one.
        <aside class="contact-line" data-portal="contact" aria-label="Contact" hidden></aside>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "CAR-T Hub gives general information about CAR-T cell therapy. "
                    "It is not medical advice. Always talk to your care team about your own treatment."
                </p>
                <p>"In an emergency, call 911 or your local emergency number."</p>
            </div>
        </footer>
    }
}
