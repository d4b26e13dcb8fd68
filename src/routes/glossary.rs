//! `/glossary`: plain-words definitions, one anchor per term (`/glossary#apheresis`), linked
//! from where each term first appears in an article.

use crate::api::{self, LoadError};
use crate::components::document::Document;
use crate::i18n::t;
use crate::meta;
use cart_model::Page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! { <Document page=Some(Page::Glossary) what=t().what_glossary show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::glossary(&text)?;
    // Arriving from an article's link (`/glossary#term`) inside the app, the terms are drawn
    // after the router has scrolled: bring the term into view once it exists.
    let hash = use_location().hash;
    Effect::new(move |_| {
        #[cfg(target_arch = "wasm32")]
        if let Some(el) = document().get_element_by_id(hash.get().trim_start_matches('#')) {
            el.scroll_into_view();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = hash;
    });
    let text = meta::glossary();
    Ok(view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap prose glossary">
            <h1 id="page-title" tabindex="-1">{t().glossary_title}</h1>
            <p class="lede">{t().glossary_lede}</p>
            <dl>
                {doc.terms.into_iter().map(|term| view! {
                    <dt id=term.slug>{term.term}</dt>
                    <dd>{term.definition}</dd>
                }).collect_view()}
            </dl>
        </div>
    })
}
