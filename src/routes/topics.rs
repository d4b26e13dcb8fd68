//! `/topics`: every topic with what it covers.

use crate::api;
use crate::components::status::Loading;
use crate::routes::hub::failure;
use crate::site_path;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn TopicsIndexPage() -> impl IntoView {
    let index = Resource::new(|| (), |_| api::load_index());
    view! {
        <Title text="Topics" />
        <Meta name="description" content="Topics on CAR-T cell therapy: the basics, side effects such as cytokine release syndrome and neurotoxicity, immunotherapy, gene therapy, and cost." />
        <div class="wrap topics-index">
            <Suspense fallback=|| view! { <Loading what="the topics" /> }>
                {move || Suspend::new(async move {
                    match api::index(index.await) {
                        Ok(doc) => Either::Left(view! {
                            <h1 id="page-title" tabindex="-1">"Topics"</h1>
                            <p class="lede">"Each topic gathers the articles about one part of CAR-T cell therapy."</p>
                            <ul class="topic-list topic-list--large">
                                {doc.topics.into_iter().map(|t| view! {
                                    <li>
                                        <a href=site_path(&format!("/topics/{}", t.slug))>{t.title}</a>
                                        <p>{t.summary}</p>
                                        <p class="topic-list__count">
                                            {if t.article_count == 1 { "1 article".to_string() } else { format!("{} articles", t.article_count) }}
                                        </p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }),
                        Err(error) => Either::Right(failure(error, index)),
                    }
                })}
            </Suspense>
        </div>
    }
}
