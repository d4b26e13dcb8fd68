//! Keyboard and screen-reader users need to know a new page arrived: after an in-app
//! navigation, focus moves to the new page's main heading (`#page-title`), which screen
//! readers then read. The first page of a visit keeps the browser's focus (the skip link
//! stays the first stop).

use leptos::prelude::*;

/// Call from a page's view; the effect runs once the page is on screen.
pub fn focus_heading_after_navigation() {
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        {
            use std::cell::Cell;
            use wasm_bindgen::JsCast;
            thread_local! {
                static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
            }
            if FIRST_PAGE.with(|f| f.replace(false)) {
                return;
            }
            if let Some(heading) = document().get_element_by_id("page-title") {
                let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    });
}

/// Follows a link to `#id` on this page by hand. The router would treat it as a navigation
/// (and scroll to the top); the reader wants to land on the target, focused, so the next Tab
/// continues from there. Without scripts the plain link does the same.
pub fn jump_to(ev: leptos::ev::MouseEvent, id: &str) {
    ev.prevent_default();
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(target) = document().get_element_by_id(id) {
            if !target.has_attribute("tabindex") {
                let _ = target.set_attribute("tabindex", "-1");
            }
            target.scroll_into_view();
            let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}
