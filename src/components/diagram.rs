//! Diagrams, drawn as SVG nodes from the document (never as markup) so they take the page's
//! colours: `currentColor` and the classes `fill-bg`, `fill-accent`, `fill-soft`, `stroke-fg`,
//! `stroke-accent` (style/main.css), in light and dark mode and a portal's theme. Only the
//! model's `SVG_TAGS` and `SVG_ATTRS` are drawn, whatever the JSON says.

use cart_model::{svg_attr_allowed, Svg};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::svg;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};

/// The whole drawing: a labelled image for screen readers (its longer description is the
/// figure's caption).
pub fn diagram(alt: &str, view_box: &str, nodes: &[Svg]) -> AnyView {
    svg::svg()
        .attr("viewBox", view_box.to_string())
        .attr("role", "img")
        .attr("aria-label", alt.to_string())
        .attr("class", "diagram")
        .attr("focusable", "false")
        .child(nodes.iter().map(node).collect::<Vec<_>>())
        .into_any()
}

fn node(n: &Svg) -> AnyView {
    match n {
        Svg::Text(t) => t.clone().into_any(),
        Svg::Element { tag, attrs, children } => element(tag, attrs, children.iter().map(node).collect()),
    }
}

/// One element of an allowed kind with its allowed attributes (anything else is dropped).
fn element(tag: &str, attrs: &[(String, String)], children: Vec<AnyView>) -> AnyView {
    let attrs: Vec<AnyAttribute> = attrs
        .iter()
        .filter(|(k, v)| svg_attr_allowed(k, v))
        .map(|(k, v)| custom_attribute(k.clone(), v.clone()).into_any_attr())
        .collect();
    macro_rules! draw {
        ($el:expr) => {
            $el.add_any_attr(attrs).child(children).into_any()
        };
    }
    // The compiler stores every shape as a path, so four kinds of element draw any diagram.
    match tag {
        "g" => draw!(svg::g()),
        "path" => draw!(svg::path()),
        "text" => draw!(svg::text()),
        "tspan" => draw!(svg::tspan()),
        _ => ().into_any(),
    }
}
