//! The search engine, seen from the app. Pagefind runs in `public/search.js` (a module the
//! app adds to the page the first time the reader focuses a search field or opens the search
//! page, so nothing of the engine is downloaded before); the app sends it a
//! `cart_model::search::SearchRequest` as JSON and gets a `SearchAnswer` back as JSON. The
//! results are drawn by the app's own components (`routes::search`), never as HTML.

use cart_model::search::SearchAnswer;

/// The global `search.js` defines: `{ search(json) -> Promise<json> }`.
#[cfg(target_arch = "wasm32")]
const ENGINE: &str = "cartHubSearch";

/// Starts loading the engine (the reader is about to search). Safe to call often.
pub fn warm_up() {
    #[cfg(target_arch = "wasm32")]
    let _ = engine::script();
}

/// Runs a search; `None` if the engine could not be loaded or failed (the page offers a Retry,
/// which loads it again).
pub async fn run(request: String) -> Option<SearchAnswer> {
    #[cfg(target_arch = "wasm32")]
    {
        let answer = engine::ask(request).await;
        if answer.is_none() {
            engine::forget();
        }
        answer.and_then(|text| serde_json::from_str(&text).ok())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = request;
        None
    }
}

#[cfg(target_arch = "wasm32")]
mod engine {
    use super::ENGINE;
    use js_sys::{Function, Promise, Reflect};
    use leptos::prelude::{document, window};
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        /// The `<script>` being loaded, and its promise; cleared after a failure, so a
        /// Retry adds a fresh one.
        static LOADING: RefCell<Option<(web_sys::Element, Promise)>> = const { RefCell::new(None) };
    }

    /// The promise that `search.js` has run, adding its `<script>` the first time.
    pub fn script() -> Option<Promise> {
        if let Some((_, p)) = LOADING.with(|l| l.borrow().clone()) {
            return Some(p);
        }
        let doc = document();
        let script = doc.create_element("script").ok()?;
        script.set_attribute("type", "module").ok()?;
        // A query that changes with each try: a browser may keep a failed module load.
        let tries = LOADING_TRIES.with(|t| t.replace(t.get() + 1));
        let src = crate::site_path(&format!("/search.js{}", if tries == 0 { String::new() } else { format!("?retry={tries}") }));
        script.set_attribute("src", &src).ok()?;
        let target: &web_sys::EventTarget = script.as_ref();
        let promise = Promise::new(&mut |resolve, reject| {
            let _ = target.add_event_listener_with_callback("load", &resolve);
            let _ = target.add_event_listener_with_callback("error", &reject);
        });
        doc.query_selector("head").ok()??.append_child(&script).ok()?;
        LOADING.with(|l| *l.borrow_mut() = Some((script, promise.clone())));
        Some(promise)
    }

    thread_local! {
        static LOADING_TRIES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    /// Drops a failed engine, so the next search loads it again.
    pub fn forget() {
        if let Some((script, _)) = LOADING.with(|l| l.borrow_mut().take()) {
            script.remove();
        }
        let _ = Reflect::delete_property(&window(), &JsValue::from_str(ENGINE));
    }

    pub async fn ask(request: String) -> Option<String> {
        JsFuture::from(script()?).await.ok()?;
        let engine = Reflect::get(&window(), &JsValue::from_str(ENGINE)).ok()?;
        let search: Function = Reflect::get(&engine, &JsValue::from_str("search")).ok()?.dyn_into().ok()?;
        let promise: Promise = search.call1(&engine, &JsValue::from_str(&request)).ok()?.dyn_into().ok()?;
        JsFuture::from(promise).await.ok()?.as_string()
    }
}
