//! The browser entry point Trunk builds. A page prerendered for this very path is hydrated
//! (the browser keeps the server's nodes); anything else, such as the SPA fallback shell, is
//! rendered from scratch.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::document;

    // The panic goes to the console; the wasm then aborts, and the loader (boot.js) sees the
    // trap and shows the reader a "Something went wrong" screen with a reload link.
    console_error_panic_hook::set_once();
    // Debug builds only: a way for the tests to check the crash screen with a real panic.
    #[cfg(debug_assertions)]
    if document().location().and_then(|l| l.search().ok()).is_some_and(|s| s.contains("debug-panic")) {
        panic!("deliberate panic (debug-panic in the URL)");
    }
    use wasm_bindgen::JsCast;
    let body = document().body();
    let prerendered = body.as_ref().and_then(|b| b.get_attribute("data-prerendered"));
    // The app owns `#app` and nothing else: boot.js's and portal.js's messages live beside it.
    let Some(root) = document()
        .get_element_by_id(cart_hub::bridge::APP_ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::logging::warn!("CAR-T Hub: the page has no #app element to start in");
        return;
    };
    let path = document().location().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let path = path.strip_prefix(cart_hub::BASE).unwrap_or(&path);
    // "/base" and "/base/" are both the hub; "/x/" is "/x".
    let path = match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    };
    // The edition is in the path ("/es/..."): the fallback page serves every language.
    let lang = cart_model::Lang::split_path(path).0;
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    // The pages' own paths ("/es/" for the Spanish hub) compared without a trailing slash.
    // An empty value means the page's data did not arrive (see boot.js): nothing to hydrate.
    let made_for = prerendered.as_deref().filter(|p| !p.is_empty()).map(|p| match p.trim_end_matches('/') {
        "" => "/",
        p => p,
    });
    let mode = if made_for == Some(path) && hydrate(root.clone(), lang) {
        "hydrated"
    } else {
        // Markup made for another path (a fallback page) would not match, nor markup whose
        // data did not arrive (the loader then empties `data-prerendered`): start clean.
        root.replace_children_with_node_0();
        leptos::mount::mount_to(root, move || leptos::view! { <cart_hub::App lang /> }).forget();
        "mounted"
    };
    // For tests and diagnostics: how the page came alive.
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", mode);
    }
}

/// Hydrates the prerendered app root (builds without the `hydrate` feature cannot, and render).
#[cfg(target_arch = "wasm32")]
fn hydrate(root: web_sys::HtmlElement, lang: cart_model::Lang) -> bool {
    #[cfg(feature = "hydrate")]
    {
        leptos::mount::hydrate_from(root, move || leptos::view! { <cart_hub::App lang /> }).forget();
        true
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (root, lang);
        false
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("CAR-T Hub runs in a browser: use scripts/serve.sh");
}
