//! The site chrome around every page.

use crate::{site_path, SITE_NAME};
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href=site_path("/")>
                    <span class="brand__mark" aria-hidden="true"></span>
                    {SITE_NAME}
                </a>
                <nav aria-label="Main">
                    <ul class="site-nav">
                        <li><a href=site_path("/")>"Home"</a></li>
                        <li><a href=site_path("/topics")>"Topics"</a></li>
                        <li><a href=site_path("/glossary")>"Glossary"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
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
