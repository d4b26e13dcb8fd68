//! Every page's data goes through `Document`: it loads one JSON document and shows the
//! page, a loading state, not-found, or a plain-words failure with a Retry. Pages give it
//! their page (from the page model, which knows its document) and a plain function that turns the text into their view.
//!
//! The resource always holds the same type (`Raw`, the document's text, keyed by its path),
//! so its async machinery is compiled once; the page view stays a concrete type (no
//! `AnyView`), because type-erased views keep every render path alive in the wasm.

use crate::api::{self, LoadError, Raw};
use crate::components::focus::focus_heading_after_navigation;
use crate::components::status::{LoadFailure, Loading};
use crate::routes::not_found::NotFound;
use cart_model::Page;
use leptos::either::EitherOf3;
use leptos::prelude::*;

#[component]
pub fn Document<V: IntoView + 'static>(
    /// The page whose document to show, or `None` when the URL cannot name one (not found).
    #[prop(into)]
    page: Signal<Option<Page>>,
    /// What the reader was waiting for, in words: "this article".
    what: &'static str,
    /// Turns the document's text into the page (or the reason it cannot).
    show: fn(String) -> Result<V, LoadError>,
) -> impl IntoView {
    let doc = Resource::new(move || page.get(), api::load_page);
    let render = move |raw: Raw| {
        focus_heading_after_navigation();
        crate::bridge::page_shown();
        // Keep the document for this visit once it has proved readable.
        let shown = raw.and_then(|text| {
            let shown_page = show(text.clone());
            if let (Ok(_), Some(file)) = (&shown_page, page.get_untracked().and_then(|p| p.data_file_in(crate::i18n::lang()))) {
                api::remember(&file, &text);
            }
            shown_page
        });
        match shown {
        Ok(page) => EitherOf3::A(page),
        Err(LoadError::NotFound) => EitherOf3::B(view! { <NotFound /> }),
        Err(error) => EitherOf3::C(view! {
            <div class="wrap">
                <LoadFailure what error retry=Callback::new(move |_| doc.refetch()) />
            </div>
        }),
        }
    };
    view! {
        <Suspense fallback=move || view! { <div class="wrap"><Loading what /></div> }>
            {move || doc.get().map(render)}
        </Suspense>
    }
}
