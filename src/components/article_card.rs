//! Article summaries as cards, used by the hub and topic pages.

use crate::href;
use crate::i18n::{lang, t};
use cart_model::fill;
use cart_model::{ArticleSummary, Page};
use leptos::prelude::*;

/// `written_for`: the card is shown under a cancer-type chip and the article is written for
/// that cancer alone, so it says so.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] written_for: bool,
    /// Its place in a list that grows ("Show more" focuses the first new card by it).
    #[prop(optional)]
    position: Option<usize>,
) -> impl IntoView {
    let href = href(&Page::Article(article.slug.clone()));
    let only = article.cancer_types.first().copied().filter(|_| written_for);
    view! {
        <li class="card" data-position=position>
            <p class="card__stage">{article.stage.label(lang())}</p>
            <h3 class="card__title"><a href=href>{article.title}</a></h3>
            {only.map(|c| view! { <p class="card__for">{fill(t().written_for, &[("type", c.in_sentence(lang()))])}</p> })}
            <p class="card__summary">{article.summary}</p>
            <ul class="tags" aria-label=t().cancer_types_label>
                {article.cancer_types.iter().map(|c| view! { <li class="tag">{c.full_name(lang())}</li> }).collect_view()}
            </ul>
            <p class="card__meta">
                <span>{fill(t().min_read, &[("n", &article.reading_minutes.to_string())])}</span>
                <span aria-hidden="true">" · "</span>
                <span>{t().updated} " " <time datetime=article.last_reviewed.iso>{article.last_reviewed.display}</time></span>
            </p>
        </li>
    }
}

#[component]
pub fn ArticleList(articles: Vec<ArticleSummary>) -> impl IntoView {
    view! {
        <ul class="cards">
            {articles.into_iter().map(|article| view! { <ArticleCard article /> }).collect_view()}
        </ul>
    }
}
