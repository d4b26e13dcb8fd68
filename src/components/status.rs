//! What a reader sees while data loads, and when it could not be loaded.

use crate::api::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
        </p>
    }
}

/// A whole-page failure: what could not be loaded, why in plain words, and a Retry.
/// The header, footer and navigation stay usable around it.
#[component]
pub fn LoadFailure(#[prop(into)] what: String, error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <Title text=format!("Could not load {what}") />
        <div class="failure" role="alert">
            <h1 id="page-title" tabindex="-1">{format!("Sorry, we could not load {what}")}</h1>
            <p>{error.explain()}</p>
            <p>"Your other pages still work. You can try again now, or come back later."</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}
