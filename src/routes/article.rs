//! `/articles/:slug`: one article, loaded only when it is opened.

use crate::api::{self, LoadError};
use crate::components::content::{render_blocks, source_anchor};
use crate::components::filter::type_href;
use crate::components::paths::mark_read;
use crate::components::focus::jump_to;
use crate::components::document::Document;
use crate::i18n::{lang, t};
use crate::meta;
use crate::href;
use cart_model::{fill, Lang};
use cart_model::page::{Page, SLUG_PARAM};
use cart_model::{Article, Block, Inline, PageRef, Source};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let page = Signal::derive(move || Page::article(&params.read().get(SLUG_PARAM).unwrap_or_default()));
    view! { <Document page what=t().what_article show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc = api::article(&text)?;
    Ok(view! { <ArticleView article=doc.article /> })
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let text = meta::article(&article);
    let Article {
        title, summary, cancer_types, topics, reading_minutes, published, last_reviewed, next_review, review_basis, body,
        questions, checklist, sources, related, next, slug, ..
    } = article;
    // Progress on the hub's reading paths: kept on this device only.
    Effect::new(move |_| mark_read(&slug));
    let toc = table_of_contents(&body);
    view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <article class="wrap article">
            <header class="article__header prose">
                <ul class="tags" aria-label=t().cancer_types_label>
                    {cancer_types.iter().map(|c| view! {
                        <li><a class="tag tag--link" href=type_href(*c)>{c.full_name(lang())}</a></li>
                    }).collect_view()}
                </ul>
                <h1 id="page-title" tabindex="-1">{title}</h1>
                <p class="lede">{summary}</p>
                <dl class="article__facts">
                    <div><dt>{t().reading_time}</dt><dd>{fill(t().minutes, &[("n", &reading_minutes.to_string())])}</dd></div>
                    <div><dt>{t().published}</dt><dd><time datetime=published.iso>{published.display}</time></dd></div>
                    <div><dt>{t().last_reviewed}</dt><dd><time datetime=last_reviewed.iso>{last_reviewed.display}</time></dd></div>
                    <div><dt>{t().next_review}</dt><dd><time datetime=next_review.iso>{next_review.display}</time></dd></div>
                </dl>
            </header>

            {toc}
            <div class=if checklist { "article__body prose prose--checklist" } else { "article__body prose" } on:click=follow_citation>
                {render_blocks(&body)}
            </div>

            {(!questions.is_empty()).then(|| view! {
                <section class="questions prose" aria-labelledby="questions-title">
                    <h2 id="questions-title">{t().questions_title}</h2>
                    <ul class="checklist">
                        {questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
                    </ul>
                </section>
            })}

            {next.map(next_step)}

            <aside class="disclaimer prose" aria-label=t().disclaimer_label>
                <p>
                    <strong>{t().disclaimer_strong}</strong>
                    {t().disclaimer_rest}
                </p>
            </aside>

            <crate::bridge::OfflineSlot />
            {source_list(sources, review_basis)}
            {see_also(topics, related)}
        </article>
    }
}

/// A table of contents for long articles: their ## headings (four or more).
fn table_of_contents(body: &[Block]) -> Option<impl IntoView> {
    let sections: Vec<(String, String)> = body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 2, id, content } => Some((id.clone(), Inline::plain_text(content))),
            _ => None,
        })
        .collect();
    (sections.len() >= 4).then(|| view! {
        <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title">{t().on_this_page}</h2>
            <ul>
                {sections.into_iter().map(|(id, text)| {
                    let href = format!("#{id}");
                    view! { <li><a href=href on:click=move |ev| jump_to(ev, &id)>{text}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    })
}

/// "Next in your journey": where the reader goes from here.
fn next_step(next: PageRef) -> impl IntoView {
    view! {
        <nav class="next-step prose" aria-labelledby="next-title">
            <h2 id="next-title">{t().next_in_journey}</h2>
            <p><a class="next-step__link" href=href(&Page::Article(next.slug))>{next.title}</a></p>
        </nav>
    }
}

/// The numbered sources (citations in the body link to `#source-n`) and what the page was
/// checked against.
fn source_list(sources: Vec<Source>, review_basis: String) -> impl IntoView {
    view! {
        <section class="sources prose" aria-labelledby="sources-title">
            <h2 id="sources-title">{t().sources}</h2>
            <ol>
                {sources.into_iter().enumerate().map(|(i, s)| view! {
                    <li id=source_anchor(i as u32 + 1) tabindex="-1">
                        // Sources keep their own (English) titles: marked so, in other editions.
                        <a href=s.url.clone() class="external" rel="noopener noreferrer">
                            <cite lang=(lang() != Lang::En).then_some("en")>{s.title}</cite>
                            <span class="visually-hidden">{t().opens_other_site}</span>
                        </a>
                        ". " {s.publisher} "."
                        <span class="source__url">{s.url}</span>
                    </li>
                }).collect_view()}
            </ol>
            <p class="review-basis">{review_basis}</p>
        </section>
    }
}

/// The article's topics and related articles.
fn see_also(topics: Vec<PageRef>, related: Vec<PageRef>) -> impl IntoView {
    view! {
        <nav class="see-also prose" aria-label=t().see_also_label>
            <h2>{t().topics}</h2>
            <ul class="pill-links">
                {topics.into_iter().map(|t| view! {
                    <li><a href=href(&Page::Topic(t.slug))>{t.title}</a></li>
                }).collect_view()}
            </ul>
            {(!related.is_empty()).then(|| view! {
                <h2>{t().related_articles}</h2>
                <ul class="related-articles">
                    {related.into_iter().map(|r| view! {
                        <li><a href=href(&Page::Article(r.slug))>{r.title}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </nav>
    }
}

/// A click on a citation (`<sup class="cite"><a href="#source-3">`) in the body: move to
/// that source, focused, as a table-of-contents link does (the router would scroll to the top).
fn follow_citation(ev: leptos::ev::MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".cite a").ok().flatten());
        if let Some(id) = link.and_then(|a| a.get_attribute("href")).and_then(|h| h.strip_prefix('#').map(str::to_string)) {
            jump_to(ev, &id);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ev;
}

