//! Renders the content node tree. Every node becomes a component, never HTML text, and a
//! link is drawn only if its target is one the model allows.

use crate::site_path;
use cart_model::{classify_href, Block, Inline, LinkKind};
use leptos::prelude::*;

pub fn render_blocks(blocks: &[Block]) -> AnyView {
    blocks.iter().map(render_block).collect_view().into_any()
}

fn render_block(block: &Block) -> AnyView {
    match block {
        Block::Heading { level: 3, id, content } => view! { <h3 id=id.clone()>{render_inlines(content)}</h3> }.into_any(),
        Block::Heading { id, content, .. } => view! { <h2 id=id.clone()>{render_inlines(content)}</h2> }.into_any(),
        Block::Paragraph { content } => view! { <p>{render_inlines(content)}</p> }.into_any(),
        Block::List { ordered: true, items } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List { ordered: false, items } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Callout { kind, blocks } => {
            let class = format!("callout callout--{}", kind.label().to_lowercase().replace(' ', "-"));
            view! {
                <aside class=class aria-label=kind.label()>
                    <p class="callout__label">{kind.label()}</p>
                    {render_blocks(blocks)}
                </aside>
            }
            .into_any()
        }
        Block::Table { caption, head, rows } => view! {
            // Wide tables scroll inside their own box on small screens, not the page.
            <div class="table-wrap" role="region" aria-label=caption.clone() tabindex="0">
                <table>
                    <caption>{caption.clone()}</caption>
                    <thead>
                        <tr>{head.iter().map(|c| view! { <th scope="col">{render_inlines(c)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|c| view! { <td>{render_inlines(c)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Quote { blocks } => view! { <blockquote>{render_blocks(blocks)}</blockquote> }.into_any(),
    }
}

fn list_items(items: &[Vec<Block>]) -> impl IntoView {
    items.iter().map(|item| view! { <li>{render_blocks(item)}</li> }).collect_view()
}

pub fn render_inlines(inlines: &[Inline]) -> AnyView {
    inlines.iter().map(render_inline).collect_view().into_any()
}

fn render_inline(inline: &Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.clone().into_any(),
        Inline::Strong { content } => view! { <strong>{render_inlines(content)}</strong> }.into_any(),
        Inline::Emphasis { content } => view! { <em>{render_inlines(content)}</em> }.into_any(),
        Inline::Code { text } => view! { <code>{text.clone()}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { href, content } => match classify_href(href) {
            Some(LinkKind::Internal) => {
                let href = if href.starts_with('/') { site_path(href) } else { href.clone() };
                view! { <a href=href>{render_inlines(content)}</a> }.into_any()
            }
            Some(LinkKind::External) => view! {
                <a href=href.clone() class="external" rel="noopener noreferrer">
                    {render_inlines(content)}
                    <span class="visually-hidden">" (opens another website)"</span>
                </a>
            }
            .into_any(),
            // A target the model does not allow: keep the words, drop the link.
            None => render_inlines(content),
        },
    }
}
