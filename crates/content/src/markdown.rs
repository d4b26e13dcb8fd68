//! Markdown to the model's node tree. Only what patient content needs is accepted; raw
//! HTML, images, code blocks and unsafe links are rejected with their line.

use crate::error::{ContentError, Result};
use cart_model::{classify_href, Block, CalloutKind, Inline};
use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::iter::Peekable;
use std::ops::Range;
use std::path::Path;

/// An internal link found in a body, for the cross-reference check.
pub struct BodyLink {
    pub href: String,
    pub line: usize,
}

pub struct Parsed {
    pub blocks: Vec<Block>,
    pub links: Vec<BodyLink>,
    /// Each figure's image, in document order.
    pub figures: Vec<FigureRef>,
}

#[derive(Clone, Debug)]
pub struct FigureRef {
    pub src: String,
    pub line: usize,
}

fn starts_with_figure(content: &[Inline]) -> bool {
    matches!(content.first(), Some(Inline::Text(t)) if t.starts_with("Figure:"))
}

/// The description without its `Figure:` label.
fn strip_figure_label(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = content.first_mut() {
        *t = t.trim_start_matches("Figure:").trim_start().to_string();
    }
    content
}

pub fn parse(file: &Path, body: &str, first_line: usize) -> Result<Parsed> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_GFM;
    let events = Parser::new_ext(body, opts).into_offset_iter().peekable();
    let newlines = body.match_indices('\n').map(|(i, _)| i).collect();
    let mut p = Builder { file, body, first_line, newlines, events, links: Vec::new(), figures: Vec::new(), ids: HashSet::new(), last_line: first_line, depth: 0 };
    let blocks = p.blocks(false)?;
    Ok(Parsed { blocks, links: p.links, figures: p.figures })
}

struct Builder<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> {
    file: &'a Path,
    body: &'a str,
    first_line: usize,
    /// Where each newline of `body` is, so an offset's line is a binary search rather than
    /// a count from the start (which made a document's parse quadratic in its length).
    newlines: Vec<usize>,
    events: Peekable<I>,
    links: Vec<BodyLink>,
    figures: Vec<FigureRef>,
    ids: HashSet<String>,
    last_line: usize,
    /// How deeply containers nest: bounded, so hostile input cannot overflow the stack.
    depth: usize,
}

/// Far beyond any real document (lists in quotes in lists...), far below the stack's limit.
const MAX_DEPTH: usize = 40;

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Builder<'a, I> {
    fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.body.len());
        self.first_line + self.newlines.partition_point(|&n| n < offset)
    }

    fn err(&self, line: usize, reason: impl Into<String>) -> ContentError {
        ContentError::new(self.file, line, reason)
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let e = self.events.next();
        if let Some((_, r)) = &e {
            self.last_line = self.line(r.start);
        }
        e
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(self.last_line, format!("content is nested more than {MAX_DEPTH} levels deep")));
        }
        Ok(())
    }

    /// Blocks until the end of the enclosing container (its End event is consumed), or the
    /// end of input at the top level.
    fn blocks(&mut self, nested: bool) -> Result<Vec<Block>> {
        self.enter()?;
        let r = self.blocks_inner(nested);
        self.depth -= 1;
        r
    }

    fn blocks_inner(&mut self, nested: bool) -> Result<Vec<Block>> {
        let mut out = Vec::new();
        loop {
            // Loose inline content (tight list items) becomes an implicit paragraph.
            if matches!(self.events.peek(), Some((e, _)) if is_inline(e)) {
                let content = self.inlines(true)?;
                out.push(Block::Paragraph { content });
                continue;
            }
            let Some((event, range)) = self.next() else {
                return if nested { Err(self.err(self.last_line, "unexpected end of the document")) } else { Ok(out) };
            };
            let line = self.line(range.start);
            match event {
                Event::End(_) => return Ok(out),
                Event::Start(Tag::Paragraph) if matches!(self.events.peek(), Some((Event::Start(Tag::Image { .. }), _))) => {
                    out.push(self.figure(line)?);
                }
                Event::Start(Tag::Paragraph) => {
                    let content = self.inlines(false)?;
                    if let Some(Block::Figure { description, .. }) = out.last_mut().filter(|_| starts_with_figure(&content)) {
                        if description.is_empty() {
                            *description = strip_figure_label(content);
                            continue;
                        }
                    }
                    if !Inline::plain_text(&content).trim().is_empty() {
                        out.push(Block::Paragraph { content });
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => out.push(self.heading(level, line)?),
                Event::Start(Tag::List(start)) => out.push(self.list(start.is_some(), line)?),
                Event::Start(Tag::BlockQuote(kind)) => out.push(self.quote(kind)?),
                Event::Start(Tag::Table(_)) => {
                    let caption = self.caption(out.pop(), line)?;
                    let (head, rows) = self.table(line)?;
                    out.push(Block::Table { caption, head, rows });
                }
                Event::Rule => {}
                Event::Start(Tag::CodeBlock(_)) => return Err(self.err(line, "code blocks are not allowed in patient content")),
                Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => {
                    return Err(self.err(line, "raw HTML is not allowed: write Markdown"))
                }
                Event::Start(Tag::Image { .. }) => return Err(self.err(line, "an image must be a paragraph of its own")),
                other => return Err(self.err(line, format!("unsupported Markdown: {other:?}"))),
            }
        }
    }

    fn heading(&mut self, level: HeadingLevel, line: usize) -> Result<Block> {
        let level = match level {
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            other => return Err(self.err(line, format!("heading level {other:?} is not allowed: use ## or ### (the title is the page's only h1)"))),
        };
        let content = self.inlines(false)?;
        let text = Inline::plain_text(&content);
        if text.trim().is_empty() {
            return Err(self.err(line, "empty heading"));
        }
        let id = self.unique_id(&text);
        Ok(Block::Heading { level, id, content })
    }

    fn list(&mut self, ordered: bool, line: usize) -> Result<Block> {
        let mut items = Vec::new();
        loop {
            match self.next() {
                Some((Event::Start(Tag::Item), _)) => items.push(self.blocks(true)?),
                Some((Event::End(TagEnd::List(_)), _)) => break,
                Some((Event::TaskListMarker(_), r)) => return Err(self.err(self.line(r.start), "task-list boxes are not supported")),
                _ => return Err(self.err(line, "malformed list")),
            }
        }
        Ok(Block::List { ordered, items })
    }

    /// A block quote, or a callout (`> [!NOTE]`, `> [!TIP]`, `> [!WARNING]`).
    fn quote(&mut self, kind: Option<BlockQuoteKind>) -> Result<Block> {
        let blocks = self.blocks(true)?;
        Ok(match kind {
            None => Block::Quote { blocks },
            Some(BlockQuoteKind::Note) => Block::Callout { kind: CalloutKind::Note, blocks },
            Some(BlockQuoteKind::Tip) => Block::Callout { kind: CalloutKind::Tip, blocks },
            Some(BlockQuoteKind::Warning | BlockQuoteKind::Caution | BlockQuoteKind::Important) => {
                Block::Callout { kind: CalloutKind::Warning, blocks }
            }
        })
    }

    /// `![alt](/images/x.svg)` as a paragraph of its own: a figure whose drawing the compiler
    /// loads later (`figures`) and whose description is the `Figure:` paragraph after it.
    fn figure(&mut self, line: usize) -> Result<Block> {
        let Some((Event::Start(Tag::Image { dest_url, .. }), _)) = self.next() else { return Err(self.err(line, "malformed image")) };
        let alt = Inline::plain_text(&self.inlines(false)?).trim().to_string();
        if alt.is_empty() {
            return Err(self.err(line, "an image needs alt text: ![what it shows](/images/x.svg)"));
        }
        match self.next() {
            Some((Event::End(TagEnd::Paragraph), _)) => {}
            _ => return Err(self.err(line, "an image must be a paragraph of its own")),
        }
        self.figures.push(FigureRef { src: dest_url.to_string(), line });
        Ok(Block::Figure { alt, view_box: String::new(), svg: vec![], description: vec![] })
    }

    /// A table's caption: the `Table: <caption>` paragraph just before it.
    fn caption(&self, before: Option<Block>, line: usize) -> Result<String> {
        let missing = || self.err(line, "a table needs a `Table: <caption>` paragraph just before it");
        let Some(Block::Paragraph { content }) = before else { return Err(missing()) };
        match Inline::plain_text(&content).strip_prefix("Table:") {
            Some(c) if !c.trim().is_empty() => Ok(c.trim().to_string()),
            _ => Err(missing()),
        }
    }

    /// Inline content until its container ends (`loose`: until the next non-inline event).
    fn inlines(&mut self, loose: bool) -> Result<Vec<Inline>> {
        self.enter()?;
        let r = self.inlines_inner(loose);
        self.depth -= 1;
        r
    }

    fn inlines_inner(&mut self, loose: bool) -> Result<Vec<Inline>> {
        let mut out = Vec::new();
        loop {
            if loose && !matches!(self.events.peek(), Some((e, _)) if is_inline(e)) {
                return Ok(out);
            }
            let Some((event, range)) = self.next() else {
                return Err(self.err(self.last_line, "unexpected end of the document"));
            };
            let line = self.line(range.start);
            match event {
                Event::End(_) => return Ok(out),
                Event::Text(t) => push_text(&mut out, &t),
                Event::SoftBreak => push_text(&mut out, " "),
                Event::HardBreak => out.push(Inline::LineBreak),
                Event::Code(t) => out.push(Inline::Code(t.to_string())),
                Event::Start(Tag::Strong) => out.push(Inline::Strong { content: self.inlines(false)? }),
                Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis { content: self.inlines(false)? }),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let href = dest_url.to_string();
                    if classify_href(&href).is_none() {
                        return Err(self.err(line, format!("link target \"{href}\" is not allowed: use https, mailto, tel or a site path like /articles/<slug>")));
                    }
                    if href.starts_with('/') {
                        self.links.push(BodyLink { href: href.clone(), line });
                    }
                    let content = self.inlines(false)?;
                    if Inline::plain_text(&content).trim().is_empty() {
                        return Err(self.err(line, format!("link to \"{href}\" has no text")));
                    }
                    out.push(Inline::Link { href, content });
                }
                Event::Html(_) | Event::InlineHtml(_) => return Err(self.err(line, "raw HTML is not allowed: write Markdown")),
                Event::Start(Tag::Image { .. }) => return Err(self.err(line, "an image must be a paragraph of its own")),
                other => return Err(self.err(line, format!("unsupported inline Markdown: {other:?}"))),
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn table(&mut self, line: usize) -> Result<(Vec<Vec<Inline>>, Vec<Vec<Vec<Inline>>>)> {
        let mut head = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        loop {
            match self.next() {
                Some((Event::Start(Tag::TableHead), _)) => {
                    while let Some((Event::Start(Tag::TableCell), _)) = self.next() {
                        head.push(self.inlines(false)?);
                    }
                }
                Some((Event::Start(Tag::TableRow), _)) => {
                    let mut row = Vec::new();
                    while let Some((Event::Start(Tag::TableCell), _)) = self.next() {
                        row.push(self.inlines(false)?);
                    }
                    rows.push(row);
                }
                Some((Event::End(TagEnd::Table), _)) => break,
                _ => return Err(self.err(line, "malformed table")),
            }
        }
        if head.iter().any(|c| Inline::plain_text(c).trim().is_empty()) {
            return Err(self.err(line, "every table column needs a header"));
        }
        Ok((head, rows))
    }

    fn unique_id(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() { "section".to_string() } else { base };
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

fn is_inline(e: &Event) -> bool {
    matches!(
        e,
        Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineHtml(_)
            | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough)
    )
}

/// Joins adjacent text so the tree stays small.
fn push_text(out: &mut Vec<Inline>, t: &str) {
    if let Some(Inline::Text(text)) = out.last_mut() {
        text.push_str(t);
    } else {
        out.push(Inline::text(t));
    }
}

/// Lower-case words joined by hyphens: heading anchors.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase).map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Anchors stay ASCII in every language: "¿Qué es?" -> "que-es", "Aféresis" -> "aferesis".
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }
}
