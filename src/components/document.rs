//! Every page's data goes through `Document`: it loads one JSON document and shows the
//! page, a loading state, not-found, or a plain-words failure with a Retry. Pages give it
//! their page (from the page model, which knows its document) and a plain function that turns the text into their view.
//!
//! The resource always holds the same type (`Raw`, the document's text, keyed by its path),
//! so its async machinery is compiled once.

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
            {move || Suspend::new(async move {
                let raw = doc.await;
                prerender_once().await;
                // Shown from a view function, as the page was before it waited: its effects
                // (focus, the page event) then run once it is on screen.
                move || render(raw.clone())
            })}
        </Suspense>
    }
}

/// Natively, one turn of the executor before the page is built. Leptos walks a Suspense's
/// children to find what they load (twice) before it writes them, and builds a Suspend's view
/// in those walks if its data is already there, as it always is when prerendering: every
/// page's view was built three times. A Suspend still waiting is skipped by the walks, so
/// each page is built once (at 10,000 articles, the most of the prerenderer's time). In
/// the browser the data of a prerendered page is there at once and hydration needs the page
/// at once, so nothing waits.
async fn prerender_once() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut waited = false;
        futures::future::poll_fn(move |cx| {
            if std::mem::replace(&mut waited, true) {
                std::task::Poll::Ready(())
            } else {
                cx.waker().wake_by_ref();
                std::task::Poll::Pending
            }
        })
        .await;
    }
}
