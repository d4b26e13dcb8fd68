//! What the app tells the page's own scripts (`public/portal.js`, `public/boot.js`), all in
//! one place. The contract, both ways:
//!
//! | name | how | from → to | payload | when |
//! |---|---|---|---|---|
//! | `cart-hub:page` | `Event` on `window` | app → portal.js | none (read `location`, `document.title`) | each time a page (or its not-found / failure state) is on screen |
//! | `cart-hub:height` | `postMessage` to the framing portal | portal.js → portal | `{type, height, path}` | on load, on resize, after each `cart-hub:page` |
//! | `data-site-name` | attribute on `<body>` | prerenderer → portal.js | the site's name, which ends every page title | page load |
//! | `data-portal="name" / "logo" / "contact"` | attributes on the header's slots | app → portal.js | empty slots portal.js fills from config.json | page load and each `cart-hub:page` |
//! | `#app` | the element the app owns | index.html → app | everything outside it (boot.js's and portal.js's messages) is never touched by the app | always |

/// The element the app hydrates or mounts into.
pub const APP_ROOT_ID: &str = "app";
/// Sent on `window` when a page is on screen.
pub const PAGE_EVENT: &str = "cart-hub:page";

/// Tells the page's scripts that a page is on screen (call from a view; runs after render).
pub fn page_shown() {
    leptos::prelude::Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Ok(event) = web_sys::Event::new(PAGE_EVENT) {
            let _ = leptos::prelude::window().dispatch_event(&event);
        }
    });
}
