//! What a reader sees while data loads, and when it could not be loaded.

use crate::api::LoadError;
use crate::i18n::t;
use cart_model::fill;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {fill(t().loading, &[("what", &what)])}
        </p>
    }
}

/// A whole-page failure: what could not be loaded, why in plain words, and a Retry.
/// The header, footer and navigation stay usable around it.
#[component]
pub fn LoadFailure(#[prop(into)] what: String, error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <Title text=fill(t().load_failed_title, &[("what", &what)]) />
        <div class="failure" role="alert">
            <h1 id="page-title" tabindex="-1">{fill(t().load_failed_heading, &[("what", &what)])}</h1>
            <p>{error.explain()}</p>
            <p>{t().load_failed_others}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {t().try_again}
            </button>
        </div>
    }
}
