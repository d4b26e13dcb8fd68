//! `/connect?mainSearchCriteria...`: what the site has for the codes in a patient's record,
//! as an HL7 Infobutton request asks (see `cart_model::connect`). The request is read from the
//! URL; the answers come from `data/connect.json`. A code we do not cover, or a request that is
//! wrong, gets a plain page that says so, never a blank one.

use crate::api::{self, LoadError};
use crate::components::document::Document;
use crate::components::language::twin_href;
use crate::i18n::{lang, t};
use crate::href;
use crate::components::content::render_blocks;
use cart_model::connect::{parse_request, Request, RequestError, RequestedCode};
use cart_model::{fill, Block, CodeEntry, ConnectDoc, Inline, Page, ProductFacts, Selection};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_query_map};

#[component]
pub fn ConnectPage() -> impl IntoView {
    view! { <Document page=Some(Page::Connect) what=t().what_connect show /> }
}

fn show(text: String) -> Result<impl IntoView, LoadError> {
    let doc: ConnectDoc = api::connect(&text)?;
    let query = use_query_map();
    let request = query.with_untracked(|q| parse_request(|key| q.get(key)));
    // The request names a language: open this page in that edition.
    if let Ok(Some(wanted)) = request.as_ref().map(|r| r.lang) {
        if wanted != lang() {
            let location = use_location();
            let target = twin_href(wanted, &location.pathname.get_untracked(), &location.search.get_untracked());
            Effect::new(move |_| {
                #[cfg(target_arch = "wasm32")]
                let _ = window().location().replace(&target);
                #[cfg(not(target_arch = "wasm32"))]
                let _ = &target;
            });
        }
    }
    let body = match request {
        Ok(request) => leptos::either::Either::Left(answers(&doc, &request)),
        Err(error) => leptos::either::Either::Right(bad_request(&error)),
    };
    let text = crate::meta::connect();
    Ok(view! {
        <Title text=text.title />
        <Meta name="description" content=text.description />
        <Meta name="robots" content="noindex" />
        <div class="wrap connect prose">
            <h1 id="page-title" tabindex="-1">{t().connect_title}</h1>
            {body}
        </div>
    })
}

/// Why the link is wrong, naming the parameter, and the way home.
fn bad_request(error: &RequestError) -> impl IntoView {
    let words = t();
    let reason = match error {
        RequestError::NoCode => fill(words.connect_bad_no_code, &[("param", error.param())]),
        RequestError::MissingSystem { param } => fill(words.connect_bad_missing_system, &[("param", param)]),
        RequestError::UnknownSystem { param, value } => fill(words.connect_bad_unknown_system, &[("param", param), ("value", value)]),
        RequestError::Malformed { param, value, system } => fill(words.connect_bad_malformed, &[("param", param), ("value", value), ("system", system.name())]),
    };
    view! {
        <div class="failure" role="alert">
            <h2>{words.connect_bad_title}</h2>
            <p>{reason}</p>
            <p><a href=href(&Page::Hub)>{words.not_found_link}</a></p>
        </div>
    }
}

/// Each code and what it matched; then the products' facts, what to read, the topics and the
/// cancer types' full lists. Several codes combine, in the order they were sent. Drawn as the
/// content's own nodes (`render_blocks`), so this page adds little to the app.
fn answers(doc: &ConnectDoc, request: &Request) -> impl IntoView {
    let words = t();
    let matched: Vec<(&RequestedCode, Option<&CodeEntry>)> = request.codes.iter().map(|c| (c, doc.resolve(c.system, &c.code))).collect();
    let entries: Vec<&CodeEntry> = matched.iter().filter_map(|(_, e)| *e).collect();
    let mut blocks = vec![
        Block::Paragraph { content: vec![Inline::text(words.connect_lede)] },
        list(matched.iter().map(|(c, e)| code_line(c, *e)).collect()),
    ];
    if entries.is_empty() {
        blocks.push(heading("no-answer", words.connect_none_title));
        blocks.push(Block::Paragraph { content: vec![Inline::text(words.connect_none_text)] });
        blocks.push(Block::Paragraph { content: vec![link(Page::Hub.path(), words.not_found_link)] });
    } else {
        for p in dedup_by(entries.iter().filter_map(|e| e.product.as_ref()), |p| p.id.clone()) {
            blocks.extend(product_facts(p));
        }
        let articles = dedup_by(entries.iter().flat_map(|e| e.articles.iter()), |a| a.slug.clone());
        blocks.push(heading("read-first", words.connect_read_first));
        blocks.push(list(articles.into_iter().map(|a| vec![link(Page::Article(a.slug.clone()).path(), &a.title)]).collect()));
        let topics = dedup_by(entries.iter().flat_map(|e| e.topics.iter()), |a| a.slug.clone());
        let types = dedup_by(entries.iter().filter_map(|e| e.cancer_type), |c| *c);
        blocks.push(heading("more", words.topics));
        let topic_links = topics.into_iter().map(|tp| vec![link(Page::Topic(tp.slug.clone()).path(), &tp.title)]);
        let type_links = types.into_iter().map(|c| vec![link(Page::hub_filtered(&Selection { types: vec![c], stages: vec![] }), &fill(words.connect_all_of_type, &[("type", c.in_sentence(lang()))]))]);
        blocks.push(list(topic_links.chain(type_links).collect()));
    }
    render_blocks(&blocks)
}

/// "Diffuse large B-cell lymphoma (ICD-10-CM code C83.38)", and whether we have anything.
fn code_line(c: &RequestedCode, entry: Option<&CodeEntry>) -> Vec<Inline> {
    let words = t();
    let mut line = Vec::new();
    if let Some(name) = entry.map(|e| e.display.clone()).or_else(|| c.display.clone()) {
        line.push(Inline::Strong { content: vec![Inline::Text(name)] });
        line.push(Inline::text(" "));
    }
    line.push(Inline::Text(format!("({})", fill(words.connect_code, &[("system", c.system.name()), ("code", &c.code)]))));
    if entry.is_none() {
        line.push(Inline::Text(format!(" {}", words.connect_no_match)));
    }
    line
}

/// A product's facts: what it targets, what it is approved for, how it is given, and the
/// limits after the infusion on its current label.
fn product_facts(p: &ProductFacts) -> Vec<Block> {
    let words = t();
    let weeks = |n: u32| if n == 1 { words.at_least_one_week.to_string() } else { fill(words.at_least_weeks, &[("n", &n.to_string())]) };
    let fact = |label: &str, value: String| vec![Inline::Strong { content: vec![Inline::Text(format!("{label}:"))] }, Inline::Text(format!(" {value}"))];
    vec![
        heading(&format!("product-{}", p.id), &format!("{} ({})", p.brand, p.generic)),
        list(vec![
            fact(words.products_head[1], p.target.clone()),
            fact(words.connect_approved_for, p.uses.join("; ")),
            fact(words.monitoring_head[3], p.dosing.clone()),
            fact(words.monitoring_head[1], weeks(p.stay_near_weeks)),
            fact(words.monitoring_head[2], weeks(p.no_driving_weeks)),
        ]),
    ]
}

fn heading(id: &str, text: &str) -> Block {
    Block::Heading { level: 2, id: id.to_string(), content: vec![Inline::text(text)] }
}

fn list(items: Vec<Vec<Inline>>) -> Block {
    Block::List { ordered: false, items: items.into_iter().map(|content| vec![Block::Paragraph { content }]).collect() }
}

/// A link to a page of this edition, by its path within the edition (`render_blocks` adds
/// the base and the language, as for links in content).
fn link(href: String, text: &str) -> Inline {
    Inline::Link { href, content: vec![Inline::text(text)] }
}

/// Items in order, without repeats.
fn dedup_by<T, K: PartialEq>(items: impl Iterator<Item = T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.iter().any(|o| key(o) == key(&item)) {
            out.push(item);
        }
    }
    out
}
