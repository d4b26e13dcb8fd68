//! Unknown routes and unknown slugs.

use crate::i18n::t;
use crate::{href, meta};
use cart_model::Page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    let text = meta::not_found();
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap not-found">
            <h1 id="page-title" tabindex="-1">{t().not_found_heading}</h1>
            <p>{t().not_found_body}</p>
            <p><a href=href(&Page::Hub)>{t().not_found_link}</a>{t().not_found_after}</p>
        </div>
    }
}
