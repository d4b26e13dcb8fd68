//! `/topics/:slug`: a topic's introduction, its articles and related topics.

use crate::api::{self, LoadError};
use crate::components::article_card::ArticleList;
use crate::components::content::render_blocks;
use crate::components::status::{LoadFailure, Loading};
use crate::routes::not_found::NotFound;
use crate::site_path;
use cart_model::Topic;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let topic = Resource::new(slug, api::load_topic);
    view! {
        <Suspense fallback=|| view! { <div class="wrap"><Loading what="this topic" /></div> }>
            {move || Suspend::new(async move {
                match api::topic(topic.await) {
                    Ok(doc) => EitherOf3::A(view! { <TopicView topic=doc.topic /> }),
                    Err(LoadError::NotFound) => EitherOf3::B(view! { <NotFound /> }),
                    Err(error) => EitherOf3::C(view! {
                        <div class="wrap">
                            <LoadFailure what="this topic" error retry=Callback::new(move |_| topic.refetch()) />
                        </div>
                    }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TopicView(topic: Topic) -> impl IntoView {
    let Topic { title, summary, body, articles, related, .. } = topic;
    let count = articles.len();
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <div class="wrap topic">
            <p class="breadcrumb"><a href=site_path("/topics")>"All topics"</a></p>
            <div class="prose">
                <h1 id="page-title" tabindex="-1">{title}</h1>
                <p class="lede">{summary}</p>
                {render_blocks(&body)}
            </div>
            <section aria-labelledby="topic-articles">
                <h2 id="topic-articles">{format!("Articles on this topic ({count})")}</h2>
                <ArticleList articles />
            </section>
            {(!related.is_empty()).then(|| view! {
                <section aria-labelledby="topic-related">
                    <h2 id="topic-related">"Related topics"</h2>
                    <ul class="pill-links">
                        {related.into_iter().map(|t| view! {
                            <li><a href=site_path(&format!("/topics/{}", t.slug))>{t.title}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </div>
    }
}
