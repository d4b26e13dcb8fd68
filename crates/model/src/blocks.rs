//! Article bodies as a node tree: the app renders each node as a component, so content
//! can never smuggle markup into the page.

use serde::{Deserialize, Serialize};

// Externally tagged (`{"paragraph": {...}}`): serde's internally tagged form buffers every
// node before decoding it, which cost ~9 KB brotli in the wasm.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Levels 2 and 3 only: the page title is the one h1.
    Heading { level: u8, id: String, content: Vec<Inline> },
    Paragraph { content: Vec<Inline> },
    List { ordered: bool, items: Vec<Vec<Block>> },
    Callout { kind: CalloutKind, blocks: Vec<Block> },
    Table { caption: String, head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> },
    Quote { blocks: Vec<Block> },
    /// A diagram, drawn as SVG nodes (never as markup) so it takes the page's colours; `alt`
    /// is its short text alternative, `description` the longer one shown under it.
    Figure { alt: String, view_box: String, svg: Vec<Svg>, description: Vec<Inline> },
}

/// An SVG node. The compiler admits only `SVG_TAGS` and `SVG_ATTRS`; the app checks again.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Svg {
    Element { tag: String, attrs: Vec<(String, String)>, children: Vec<Svg> },
    Text(String),
}

/// Elements a stored diagram has: no script, style, link, image or foreign content. (The
/// compiler also reads rect, circle, ellipse, line, polyline and polygon, and stores them as
/// paths: each element kind the app can draw costs wasm.)
pub const SVG_TAGS: &[&str] = &["g", "path", "text", "tspan"];

/// Geometry and presentation attributes a diagram may use: no event handlers, links or styles.
pub const SVG_ATTRS: &[&str] = &[
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points", "transform", "class",
    "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "font-size", "font-weight",
    "font-family", "text-anchor", "dominant-baseline", "dx", "dy", "opacity", "aria-hidden",
];

/// Whether an attribute may be drawn: a listed name, and a value that refers to nothing
/// outside the drawing (no `url(...)`, no script).
pub fn svg_attr_allowed(name: &str, value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    SVG_ATTRS.contains(&name) && !v.contains("url(") && !v.contains("javascript:") && !v.contains("expression(")
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum CalloutKind {
    Note,
    Tip,
    Warning,
}

impl CalloutKind {
    /// The visible label, so the kind is not told by colour alone.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        lang.strings().callout(self)
    }
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Strong { content: Vec<Inline> },
    Emphasis { content: Vec<Inline> },
    Code(String),
    Link { href: String, content: Vec<Inline> },
    LineBreak,
    /// A citation: the `n`th entry (from 1) of the page's source list.
    Cite { n: u32 },
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text(s.into())
    }

    /// The text a reader sees, without formatting.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for i in inlines {
                match i {
                    Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                    Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => {
                        walk(content, out)
                    }
                    Inline::LineBreak => out.push(' '),
                    Inline::Cite { .. } => {}
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}

/// Calls `f` on every run of inline content in these blocks, nested ones included: headings,
/// paragraphs, list items, callouts, quotes, table cells and figure descriptions.
pub fn for_each_inlines(blocks: &[Block], f: &mut impl FnMut(&[Inline])) {
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } | Block::Figure { description: content, .. } => f(content),
            Block::List { items, .. } => items.iter().for_each(|i| for_each_inlines(i, f)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => for_each_inlines(blocks, f),
            Block::Table { head, rows, .. } => head.iter().chain(rows.iter().flatten()).for_each(|c| f(c)),
        }
    }
}

/// `for_each_inlines`, for changing the content.
pub fn for_each_inlines_mut(blocks: &mut [Block], f: &mut impl FnMut(&mut Vec<Inline>)) {
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } | Block::Figure { description: content, .. } => f(content),
            Block::List { items, .. } => items.iter_mut().for_each(|i| for_each_inlines_mut(i, f)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => for_each_inlines_mut(blocks, f),
            Block::Table { head, rows, .. } => head.iter_mut().chain(rows.iter_mut().flatten()).for_each(|c| f(c)),
        }
    }
}

/// Words a reader reads in these blocks (for reading time).
pub fn word_count(blocks: &[Block]) -> usize {
    fn words(inlines: &[Inline]) -> usize {
        Inline::plain_text(inlines).split_whitespace().count()
    }
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { content, .. } | Block::Paragraph { content } => words(content),
            Block::List { items, .. } => items.iter().map(|i| word_count(i)).sum(),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => word_count(blocks),
            Block::Figure { description, .. } => words(description),
            Block::Table { caption, head, rows } => {
                caption.split_whitespace().count()
                    + head.iter().map(|c| words(c)).sum::<usize>()
                    + rows.iter().flatten().map(|c| words(c)).sum::<usize>()
            }
        })
        .sum()
}
