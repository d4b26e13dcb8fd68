//! Which link targets content may use. The compiler rejects the rest; the app refuses to
//! render them, so a hand-edited JSON file cannot add a `javascript:` link.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LinkKind {
    /// A page of this site (`/articles/x`, `/topics/y`, `#anchor`).
    Internal,
    /// https, mailto or tel: opens outside the site.
    External,
}

/// `None` for anything not allowed: other schemes, protocol-relative `//host`, control
/// characters or backslashes that browsers may read as something else.
pub fn classify_href(href: &str) -> Option<LinkKind> {
    if href.is_empty() || href.chars().any(|c| c.is_control() || c == '\\' || c.is_whitespace()) {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("https://") && href.len() > "https://".len() {
        return Some(LinkKind::External);
    }
    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return Some(LinkKind::External);
    }
    if href.starts_with("//") {
        return None;
    }
    if href.starts_with('/') || href.starts_with('#') {
        return Some(LinkKind::Internal);
    }
    None
}
