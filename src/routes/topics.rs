//! `/topics`: every topic with what it covers.

use crate::api::{self, LoadError};
use crate::components::document::Document;
use crate::i18n::t;
use crate::meta;
use crate::href;
use cart_model::Page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn TopicsIndexPage() -> impl IntoView {
    view! { <Document page=Some(Page::Topics) what=t().what_topics show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::hub(&text)?;
    let text = meta::topics();
    Ok(view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap topics-index">
            <h1 id="page-title" tabindex="-1">{t().topics}</h1>
            <p class="lede">{t().topics_lede}</p>
            <ul class="topic-list topic-list--large">
                {doc.topics.into_iter().map(|topic| view! {
                    <li>
                        <a href=href(&Page::Topic(topic.slug))>{topic.title}</a>
                        <p>{topic.summary}</p>
                        <p class="topic-list__count">
                            {if topic.article_count == 1 { t().article_count_one.to_string() } else { cart_model::fill(t().article_count, &[("n", &topic.article_count.to_string())]) }}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    })
}
