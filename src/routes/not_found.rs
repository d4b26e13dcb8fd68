//! Unknown routes and unknown slugs.

use crate::site_path;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <Meta name="description" content="This page of CAR-T Hub does not exist. Go to the home page to find every article." />
        <div class="wrap not-found">
            <h1 id="page-title" tabindex="-1">"We could not find that page"</h1>
            <p>"The page may have moved, or the link may have a typing mistake."</p>
            <p><a href=site_path("/")>"Go to the CAR-T Hub home page"</a>" to see every article."</p>
        </div>
    }
}
