//! What search engines and link previews read: canonical URL, Open Graph, schema.org
//! `MedicalWebPage` JSON-LD (a data block: it never executes, so the CSP holds), sitemap.

use crate::routes::Route;
use cart_model::{Lang, Page};

pub const PUBLISHER: &str = "CAR-T Hub";

pub fn page_url(origin: &str, path: &str) -> String {
    let base = cart_hub::BASE;
    if path == "/" { format!("{origin}{base}/") } else { format!("{origin}{base}{path}") }
}

/// Canonical link (or noindex), Open Graph and JSON-LD for a page. Every value is plain
/// text from the documents and is escaped here, once.
pub fn head_tags(route: &Route, origin: &str) -> String {
    let url = page_url(origin, &route.page.path_in(route.lang));
    let title = cart_hub::meta::full_title(&route.text.title);
    let description = route.text.description.as_str();
    let mut out = String::new();
    if route.page.listed() {
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", attr(&url)));
        out.push_str(&alternates(route, origin));
    } else {
        out.push_str("<meta name=\"robots\" content=\"noindex\">");
    }
    let og_type = if matches!(route.page, Page::Article(_)) { "article" } else { "website" };
    for (property, value) in [
        ("og:type", og_type),
        ("og:site_name", PUBLISHER),
        ("og:title", title.as_str()),
        ("og:description", description),
        ("og:url", url.as_str()),
        ("og:locale", locale(route.lang)),
    ] {
        out.push_str(&format!("<meta property=\"{property}\" content=\"{}\">", attr(value)));
    }
    for &other in route.editions.iter().filter(|l| **l != route.lang) {
        out.push_str(&format!("<meta property=\"og:locale:alternate\" content=\"{}\">", locale(other)));
    }
    out.push_str("<meta name=\"twitter:card\" content=\"summary\">");
    if route.page.listed() {
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(&json_ld(route, &title, description, &url).replace("</", "<\\/"));
        out.push_str("</script>");
    }
    out
}

fn json_ld(route: &Route, title: &str, description: &str, url: &str) -> String {
    let mut page = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": route.lang.code(),
        "medicalAudience": { "@type": "MedicalAudience", "audienceType": "Patient" },
        "reviewedBy": { "@type": "Organization", "name": PUBLISHER },
        "publisher": { "@type": "Organization", "name": PUBLISHER },
        "about": about(&route.page, route.lang),
    });
    if !route.citations.is_empty() {
        page["citation"] = serde_json::json!(route.citations);
    }
    if let Some(date) = &route.last_reviewed {
        page["lastReviewed"] = serde_json::Value::String(date.clone());
    }
    page.to_string()
}

/// What a page is about: a cancer type's page is about the condition, every other page
/// about the therapy.
fn about(page: &Page, lang: Lang) -> serde_json::Value {
    match page {
        Page::Type(t) => serde_json::json!({ "@type": "MedicalCondition", "name": t.full_name(lang) }),
        _ => serde_json::json!({ "@type": "MedicalTherapy", "name": lang.strings().therapy_name }),
    }
}

/// The Open Graph locale of an edition: the US readership's.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::Es => "es_US",
    }
}

/// The page in every edition, and `x-default` (the default language's) for other readers;
/// nothing for a site with one edition.
fn alternates(route: &Route, origin: &str) -> String {
    alternate_links(route, origin, |hreflang, href| format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\">"))
}

/// The same alternates as sitemap entries (`xhtml:link`).
fn sitemap_alternates(route: &Route, origin: &str) -> String {
    alternate_links(route, origin, |hreflang, href| format!("<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{href}\"/>"))
}

fn alternate_links(route: &Route, origin: &str, link: impl Fn(&str, &str) -> String) -> String {
    if route.editions.len() < 2 {
        return String::new();
    }
    let href = |lang: Lang| attr(&page_url(origin, &route.page.path_in(lang)));
    let mut out: String = route.editions.iter().map(|l| link(l.code(), &href(*l))).collect();
    out.push_str(&link("x-default", &href(Lang::DEFAULT)));
    out
}

pub fn sitemap(routes: &[Route], origin: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for r in routes.iter().filter(|r| r.page.listed()) {
        out.push_str(&format!("  <url><loc>{}</loc>", attr(&page_url(origin, &r.page.path_in(r.lang)))));
        out.push_str(&sitemap_alternates(r, origin));
        if let Some(d) = &r.last_reviewed {
            out.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// The web app manifest: installable ("Add to Home Screen") under the base path.
pub fn web_manifest() -> String {
    let base = cart_hub::BASE;
    serde_json::json!({
        "name": cart_hub::SITE_NAME,
        "short_name": cart_hub::SITE_NAME,
        "description": Lang::DEFAULT.strings().therapy_name,
        "lang": Lang::DEFAULT.code(),
        "start_url": format!("{base}/"),
        "scope": format!("{base}/"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#003d78",
        "icons": [
            { "src": format!("{base}/icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any" },
            { "src": format!("{base}/icon-maskable.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "maskable" },
        ],
    })
    .to_string()
}

pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", page_url(origin, "/sitemap.xml"))
}

/// Escapes text for an element's content (`<title>`).
pub fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Escapes text for a double-quoted HTML attribute.
pub fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
