//! Unknown routes and unknown slugs.

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
            <h1 id="page-title" tabindex="-1">"We could not find that page"</h1>
            <p>"The page may have moved, or the link may have a typing mistake."</p>
            <p><a href=href(&Page::Hub)>"Go to the CAR-T Hub home page"</a>" to see every article."</p>
        </div>
    }
}
