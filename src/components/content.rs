//! Renders the content node tree. Every node becomes a component, never HTML text, and a
//! link is drawn only if its target is one the model allows.

use crate::site_path;
use cart_model::{classify_href, Block, CalloutKind, Inline, LinkKind};
use leptos::prelude::*;

// Every distinct view type costs wasm (its build, rebuild and hydrate code), and a tree
// of typed `view!`s per node kind cost ~26 KB brotli. So the whole content tree is drawn
// with one element type, `el`, whose tag and attributes are data.

/// The attributes content elements may carry. `None` renders no attribute.
#[derive(Default)]
pub(crate) struct Attrs {
    pub id: Option<String>,
    pub class: Option<&'static str>,
    pub href: Option<String>,
    pub rel: Option<&'static str>,
    pub label: Option<String>,
    pub scope: Option<&'static str>,
    pub role: Option<&'static str>,
    pub tabindex: Option<&'static str>,
}

pub(crate) fn el(tag: &'static str, a: Attrs, children: Vec<AnyView>) -> AnyView {
    leptos::html::custom(tag)
        .attr("id", a.id)
        .attr("class", a.class)
        .attr("href", a.href)
        .attr("rel", a.rel)
        .attr("aria-label", a.label)
        .attr("scope", a.scope)
        .attr("role", a.role)
        .attr("tabindex", a.tabindex)
        .child(children)
        .into_any()
}

pub(crate) fn plain(tag: &'static str, children: Vec<AnyView>) -> AnyView {
    el(tag, Attrs::default(), children)
}

pub(crate) fn text(s: &str) -> AnyView {
    s.to_string().into_any()
}

pub fn render_blocks(blocks: &[Block]) -> AnyView {
    blocks.iter().map(render_block).collect::<Vec<_>>().into_any()
}

fn blocks(blocks: &[Block]) -> Vec<AnyView> {
    blocks.iter().map(render_block).collect()
}

fn render_block(block: &Block) -> AnyView {
    match block {
        Block::Heading { level, id, content } => {
            el(if *level == 3 { "h3" } else { "h2" }, Attrs { id: Some(id.clone()), ..Attrs::default() }, inlines(content))
        }
        Block::Paragraph { content } => plain("p", inlines(content)),
        Block::List { ordered, items } => plain(
            if *ordered { "ol" } else { "ul" },
            items.iter().map(|item| plain("li", blocks(item))).collect(),
        ),
        Block::Callout { kind, blocks: inner } => {
            let class = match kind {
                CalloutKind::Note => "callout callout--note",
                CalloutKind::Tip => "callout callout--tip",
                CalloutKind::Warning => "callout callout--important",
            };
            let mut children = vec![el("p", Attrs { class: Some("callout__label"), ..Attrs::default() }, vec![text(kind.label(crate::i18n::lang()))])];
            children.extend(blocks(inner));
            el("aside", Attrs { class: Some(class), label: Some(kind.label(crate::i18n::lang()).to_string()), ..Attrs::default() }, children)
        }
        Block::Table { caption, head, rows } => {
            let head_row = head
                .iter()
                .map(|c| el("th", Attrs { scope: Some("col"), ..Attrs::default() }, inlines(c)))
                .collect();
            let body_rows = rows
                .iter()
                .map(|row| plain("tr", row.iter().map(|c| plain("td", inlines(c))).collect()))
                .collect();
            let table = plain(
                "table",
                vec![
                    plain("caption", vec![text(caption)]),
                    plain("thead", vec![plain("tr", head_row)]),
                    plain("tbody", body_rows),
                ],
            );
            // Wide tables scroll inside their own box on small screens, not the page.
            el(
                "div",
                Attrs {
                    class: Some("table-wrap"),
                    role: Some("region"),
                    label: Some(caption.clone()),
                    tabindex: Some("0"),
                    ..Attrs::default()
                },
                vec![table],
            )
        }
        Block::Quote { blocks: inner } => plain("blockquote", blocks(inner)),
        Block::Figure { alt, view_box, svg, description } => el(
            "figure",
            Attrs { class: Some("figure"), ..Attrs::default() },
            vec![crate::components::diagram::diagram(alt, view_box, svg), plain("figcaption", inlines(description))],
        ),
    }
}

/// The id of the `n`th entry (from 1) of a page's source list.
pub fn source_anchor(n: u32) -> String {
    format!("source-{n}")
}

pub fn render_inlines(content: &[Inline]) -> AnyView {
    inlines(content).into_any()
}

fn inlines(content: &[Inline]) -> Vec<AnyView> {
    content.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> AnyView {
    match inline {
        Inline::Text(t) => text(t),
        Inline::Strong { content } => plain("strong", inlines(content)),
        Inline::Emphasis { content } => plain("em", inlines(content)),
        Inline::Code(t) => plain("code", vec![text(t)]),
        // A void element: a custom element would be written <br></br>, read as two breaks.
        Inline::LineBreak => view! { <br /> }.into_any(),
        // A numbered link to the page's source list; a screen reader hears "source 3". The
        // article's body follows it in place (see `routes::article`).
        Inline::Cite { n } => el(
            "sup",
            Attrs { class: Some("cite"), ..Attrs::default() },
            vec![el("a", Attrs { href: Some(format!("#{}", source_anchor(*n))), label: Some(cart_model::fill(crate::i18n::t().source_n, &[("n", &n.to_string())])), ..Attrs::default() }, vec![text(&n.to_string())])],
        ),
        Inline::Link { href, content } => match classify_href(href) {
            Some(LinkKind::Internal) => {
                // Content links name pages within the edition ("/articles/x"): the same words
                // in every language lead to that language's page.
                let href = if href.starts_with('/') { site_path(&format!("{}{href}", crate::i18n::lang().prefix())) } else { href.clone() };
                el("a", Attrs { href: Some(href), ..Attrs::default() }, inlines(content))
            }
            Some(LinkKind::External) => {
                let mut children = inlines(content);
                children.push(el("span", Attrs { class: Some("visually-hidden"), ..Attrs::default() }, vec![text(crate::i18n::t().opens_other_site)]));
                el(
                    "a",
                    Attrs { href: Some(href.clone()), class: Some("external"), rel: Some("noopener noreferrer"), ..Attrs::default() },
                    children,
                )
            }
            // A target the model does not allow: keep the words, drop the link.
            None => render_inlines(content),
        },
    }
}
