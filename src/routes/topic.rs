//! `/topics/:slug`: a topic's introduction, its articles and related topics.

use crate::api::{self, LoadError};
use crate::components::article_card::ArticleList;
use crate::components::content::render_blocks;
use crate::components::document::Document;
use crate::i18n::t;
use crate::meta;
use crate::href;
use cart_model::page::{Page, SLUG_PARAM};
use cart_model::Topic;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let page = Signal::derive(move || Page::topic(&params.read().get(SLUG_PARAM).unwrap_or_default()));
    view! { <Document page what=t().what_topic show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::topic(&text)?;
    Ok(view! { <TopicView topic=doc.topic /> })
}

#[component]
fn TopicView(topic: Topic) -> impl IntoView {
    let text = meta::topic(&topic);
    let Topic { title, summary, body, articles, related, .. } = topic;
    let count = articles.len();
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <div class="wrap topic">
            <p class="breadcrumb"><a href=href(&Page::Topics)>{t().all_topics}</a></p>
            <div class="prose">
                <h1 id="page-title" tabindex="-1">{title}</h1>
                <p class="lede">{summary}</p>
                {render_blocks(&body)}
            </div>
            <section aria-labelledby="topic-articles">
                <h2 id="topic-articles">{cart_model::fill(t().topic_articles, &[("count", &count.to_string())])}</h2>
                <ArticleList articles />
            </section>
            {(!related.is_empty()).then(|| view! {
                <section aria-labelledby="topic-related">
                    <h2 id="topic-related">{t().related_topics}</h2>
                    <ul class="pill-links">
                        {related.into_iter().map(|t| view! {
                            <li><a href=href(&Page::Topic(t.slug))>{t.title}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </div>
    }
}
