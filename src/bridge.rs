//! What the app tells the page's own scripts (`public/portal.js`, `public/boot.js`), all in
//! one place. The contract, both ways:
//!
//! | name | how | from → to | payload | when |
//! |---|---|---|---|---|
//! | `cart-hub:page` | `Event` on `window` | app → portal.js | none (read `location`, `document.title`) | each time a page (or its not-found / failure state) is on screen |
//! | `cart-hub:height` | `postMessage` to the framing portal | portal.js → portal | `{type, height, path}` | on load, on resize, after each `cart-hub:page` |
//! | `data-site-name` | attribute on `<body>` | prerenderer → portal.js | the site's name, which ends every page title | page load |
//! | `data-portal="name" / "logo" / "contact"` | attributes on the header's slots | app → portal.js | empty slots portal.js fills from config.json | page load and each `cart-hub:page` |
//! | `data-offline="save"` | an empty, hidden slot on the hub and under each article | app → offline.js | offline.js draws "Save all articles" there | page load and each `cart-hub:page` |
//! | `cart-hub:config` | `CustomEvent` on `window` | portal.js → offline.js | the config.json read (`offline`) | once |
//! | `data-messages` | attribute on `<body>` | prerenderer → boot.js, portal.js, offline.js | their words in the page's language | page load |
//! | `search.js` and `cartHubSearch.search(json)` | a `<script type=module>` the app adds, then a global function returning a promise | app → search.js → app | `SearchRequest` → `SearchAnswer` JSON (`cart_model::search`) | first focus of a search field or the search page; each search (see `crate::search`) |
//! | `#app` | the element the app owns | index.html → app | everything outside it (boot.js's and portal.js's messages) is never touched by the app | always |

use leptos::prelude::*;

/// The element the app hydrates or mounts into.
pub const APP_ROOT_ID: &str = "app";
/// The slot offline.js fills with the "Save all articles" control.
#[component]
pub fn OfflineSlot() -> impl IntoView {
    view! { <div class="offline-save" data-offline="save" hidden></div> }
}

/// Sent on `window` when a page is on screen.
pub const PAGE_EVENT: &str = "cart-hub:page";

/// Tells the page's scripts that a page is on screen (call from a view; runs after render).
pub fn page_shown() {
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Ok(event) = web_sys::Event::new(PAGE_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    });
}
