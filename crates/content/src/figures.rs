//! Figures: `![alt](/images/x.svg)` plus a `Figure:` description. The drawing is read from
//! `content/images/`, checked, and stored as SVG nodes in the document, so the app draws it
//! inline (taking the page's colours, dark mode and a portal's theme) and content can never
//! carry markup. The build refuses a missing file, a raster, alt-less or undescribed figures,
//! and any script, event attribute, style, external reference or `foreignObject`.

use crate::markdown::FigureRef;
use cart_model::{svg_attr_allowed, Block, Svg, SVG_TAGS};
use std::path::Path;

/// Basic shapes, stored as `<path>`s.
const SHAPES: &[&str] = &["rect", "circle", "ellipse", "line", "polyline", "polygon"];

/// A basic shape as the path that draws the same outline; its other attributes are kept.
fn as_path(tag: &str, attrs: Vec<(String, String)>) -> Result<Svg, String> {
    let num = |name: &str| -> Result<f64, String> {
        let v = attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("0");
        v.trim().parse::<f64>().map_err(|_| format!("<{tag} {name}=\"{v}\">: a plain number is needed"))
    };
    let d = match tag {
        "rect" => {
            let (x, y, w, h) = (num("x")?, num("y")?, num("width")?, num("height")?);
            let r = num("rx")?.max(num("ry")?).min(w / 2.0).min(h / 2.0);
            if r > 0.0 {
                format!("M{} {}H{}A{r} {r} 0 0 1 {} {}V{}A{r} {r} 0 0 1 {} {}H{}A{r} {r} 0 0 1 {} {}V{}A{r} {r} 0 0 1 {} {}Z",
                    x + r, y, x + w - r, x + w, y + r, y + h - r, x + w - r, y + h, x + r, x, y + h - r, y + r, x + r, y)
            } else {
                format!("M{x} {y}H{}V{}H{x}Z", x + w, y + h)
            }
        }
        "circle" | "ellipse" => {
            let (cx, cy) = (num("cx")?, num("cy")?);
            let (rx, ry) = if tag == "circle" { (num("r")?, num("r")?) } else { (num("rx")?, num("ry")?) };
            format!("M{} {cy}A{rx} {ry} 0 1 0 {} {cy}A{rx} {ry} 0 1 0 {} {cy}Z", cx - rx, cx + rx, cx - rx)
        }
        "line" => format!("M{} {}L{} {}", num("x1")?, num("y1")?, num("x2")?, num("y2")?),
        _ => {
            let points = attrs.iter().find(|(k, _)| k == "points").map(|(_, v)| v.clone()).unwrap_or_default();
            let close = if tag == "polygon" { "Z" } else { "" };
            format!("M{}{close}", points.trim())
        }
    };
    const GEOMETRY: &[&str] = &["x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "points"];
    let mut kept: Vec<(String, String)> = attrs.into_iter().filter(|(k, _)| !GEOMETRY.contains(&k.as_str())).collect();
    kept.insert(0, ("d".to_string(), d));
    Ok(Svg::Element { tag: "path".to_string(), attrs: kept, children: vec![] })
}

/// Elements that carry no drawing and are dropped (the page gives alt and description).
const DROPPED: &[&str] = &["title", "desc", "defs", "metadata"];

/// Fills each figure of `blocks` (in document order, matching `refs`) with its drawing.
/// Returns `(line, reason)` for each figure that cannot be drawn.
pub fn load(blocks: &mut [Block], refs: &[FigureRef], content_dir: &Path) -> Vec<(usize, String)> {
    let mut errors = Vec::new();
    let mut figures = Vec::new();
    collect(blocks, &mut figures);
    for (figure, r) in figures.into_iter().zip(refs) {
        let Block::Figure { view_box, svg, description, .. } = figure else { continue };
        if description.is_empty() {
            errors.push((r.line, "a figure needs a `Figure: <longer description>` paragraph just after it".to_string()));
        }
        match read(&r.src, content_dir) {
            Ok((vb, nodes)) => {
                *view_box = vb;
                *svg = nodes;
            }
            Err(reason) => errors.push((r.line, format!("{}: {reason}", r.src))),
        }
    }
    errors
}

fn collect<'a>(blocks: &'a mut [Block], out: &mut Vec<&'a mut Block>) {
    for b in blocks {
        match b {
            Block::Figure { .. } => out.push(b),
            Block::List { items, .. } => items.iter_mut().for_each(|i| collect(i, out)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => collect(blocks, out),
            _ => {}
        }
    }
}

/// The drawing's viewBox and nodes.
fn read(src: &str, content_dir: &Path) -> Result<(String, Vec<Svg>), String> {
    let name = src.strip_prefix("/images/").filter(|n| !n.contains(['/', '\\']) && !n.starts_with('.'));
    let Some(name) = name else { return Err("images live in content/images and are linked as /images/<name>.svg".into()) };
    if !name.ends_with(".svg") {
        return Err("only SVG diagrams are supported (they take the page's colours); draw it as SVG".into());
    }
    let text = std::fs::read_to_string(content_dir.join("images").join(name)).map_err(|e| format!("cannot read: {e}"))?;
    parse(&text)
}

/// Checks an SVG document and turns it into nodes.
pub fn parse(text: &str) -> Result<(String, Vec<Svg>), String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not well-formed SVG: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err("the root element must be <svg>".into());
    }
    for a in root.attributes() {
        if !["viewBox", "role", "xmlns"].contains(&a.name()) && a.namespace().is_none() {
            return Err(format!("<svg> may carry only viewBox and role, not {}", a.name()));
        }
    }
    let view_box = root.attribute("viewBox").ok_or("<svg> needs a viewBox (and no width or height: it scales to the page)")?;
    let children = nodes(root)?;
    Ok((view_box.to_string(), children))
}

fn nodes(parent: roxmltree::Node) -> Result<Vec<Svg>, String> {
    let mut out = Vec::new();
    for child in parent.children() {
        if child.is_text() {
            let t = child.text().unwrap_or("");
            if !t.trim().is_empty() {
                out.push(Svg::Text(t.trim().to_string()));
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let tag = child.tag_name().name();
        if DROPPED.contains(&tag) {
            continue;
        }
        if !SVG_TAGS.contains(&tag) && !SHAPES.contains(&tag) {
            return Err(format!("<{tag}> is not allowed in a diagram (only {} and {})", SVG_TAGS.join(", "), SHAPES.join(", ")));
        }
        let mut attrs = Vec::new();
        for a in child.attributes() {
            if a.namespace().is_some() || !svg_attr_allowed(a.name(), a.value()) {
                return Err(format!("<{tag} {}=\"{}\"> is not allowed (no events, links, styles or url() references)", a.name(), a.value()));
            }
            attrs.push((a.name().to_string(), a.value().to_string()));
        }
        let children = nodes(child)?;
        if tag == "g" && attrs.is_empty() {
            out.extend(children); // a bare group draws nothing of its own
        } else if SHAPES.contains(&tag) {
            out.push(as_path(tag, attrs)?);
        } else {
            out.push(Svg::Element { tag: tag.to_string(), attrs, children });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::parse;

    const OK: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><title>t</title><rect class="fill-soft" x="1" y="1" width="8" height="8"/><text x="5" y="5" fill="currentColor">Hi<tspan dy="2">there</tspan></text></svg>"#;

    #[test]
    fn a_plain_drawing_becomes_nodes() {
        let (vb, nodes) = parse(OK).unwrap();
        assert_eq!(vb, "0 0 10 10");
        assert_eq!(nodes.len(), 2, "title dropped: {nodes:?}");
    }

    #[test]
    fn scripts_events_links_styles_and_foreign_content_are_refused() {
        for bad in [
            r#"<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>"#,
            r#"<svg viewBox="0 0 1 1"><rect onclick="x()"/></svg>"#,
            r#"<svg viewBox="0 0 1 1" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="https://x"><rect/></a></svg>"#,
            r#"<svg viewBox="0 0 1 1"><rect style="fill:red"/></svg>"#,
            r#"<svg viewBox="0 0 1 1"><style>rect{}</style></svg>"#,
            r#"<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg>"#,
            r#"<svg viewBox="0 0 1 1"><rect fill="url(https://x/y#z)"/></svg>"#,
            r#"<svg viewBox="0 0 1 1"><image href="x.png"/></svg>"#,
            r#"<svg width="10" viewBox="0 0 1 1"/>"#,
            r#"<svg/>"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
