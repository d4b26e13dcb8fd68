//! `/topics`: every topic with what it covers.

use crate::api::{self, LoadError};
use crate::components::document::Document;
use crate::meta;
use crate::href;
use cart_model::Page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn TopicsIndexPage() -> impl IntoView {
    view! { <Document page=Some(Page::Topics) what="the topics" show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::index(&text)?;
    let text = meta::topics();
    Ok(view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap topics-index">
            <h1 id="page-title" tabindex="-1">"Topics"</h1>
            <p class="lede">"Each topic gathers the articles about one part of CAR-T cell therapy."</p>
            <ul class="topic-list topic-list--large">
                {doc.topics.into_iter().map(|t| view! {
                    <li>
                        <a href=href(&Page::Topic(t.slug))>{t.title}</a>
                        <p>{t.summary}</p>
                        <p class="topic-list__count">
                            {if t.article_count == 1 { "1 article".to_string() } else { format!("{} articles", t.article_count) }}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    })
}
