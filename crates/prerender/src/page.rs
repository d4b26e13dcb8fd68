//! Rendering one route with the app's components, and putting it into Trunk's page.

use crate::routes::Route;
use crate::seo;
use futures::StreamExt;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

pub struct Rendered {
    /// The app's markup, to go inside `<body>`.
    pub body: String,
    /// `<title>` and `<meta>` the page's components registered through leptos_meta.
    pub head: String,
    /// JavaScript that hands the resolved resources to the browser, so hydration reads the
    /// data this page already carries instead of fetching it again. Served as a file: a
    /// strict CSP forbids inline scripts.
    pub data_js: String,
}

pub async fn render(path: &str, lang: cart_model::Lang) -> Rendered {
    let shared: Arc<dyn SharedContext + Send + Sync> = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(Arc::clone(&shared)));
    let (meta, meta_output) = ServerMetaContext::new();
    let stream = owner.with(|| {
        // The router needs the request URL, base path included.
        provide_context(RequestUrl::new(&format!("http://localhost{}{}", cart_hub::BASE, path)));
        provide_context(meta);
        // In order: resources resolve before their markup is written (a plain `to_html`
        // would write the Suspense fallbacks instead of the data).
        view! { <cart_hub::App lang /> }.to_html_stream_in_order()
    });
    let body = stream.collect::<Vec<String>>().await.concat();
    if let Some(deferred) = shared.await_deferred() {
        deferred.await;
    }
    let data_js = match shared.pending_data() {
        Some(s) => s.collect::<Vec<String>>().await.concat(),
        None => String::new(),
    };
    let probe = futures::stream::iter(["<head><!--HEAD--></head>".to_string()]);
    let head_doc = meta_output.inject_meta_context(probe).await.collect::<Vec<String>>().await.concat();
    let head = head_doc
        .split_once("<!--HEAD-->")
        .and_then(|(_, rest)| rest.split_once("</head>"))
        .map(|(inner, _)| inner.to_string())
        .unwrap_or_default();
    drop(owner);
    Rendered { body, head, data_js }
}

/// Trunk's shell with the rendered head and body. The SEO tags go before the `<!--HEAD-->`
/// marker, outside what leptos_meta hydrates.
pub fn assemble(shell: &str, route: &Route, r: &Rendered, origin: &str) -> Result<String, String> {
    let path = route.page.path_in(route.lang);
    if !r.head.contains("<title>") || !r.head.contains("name=\"description\"") {
        return Err(format!("{path}: the page set no title or description"));
    }
    let seo = seo::head_tags(route, origin);
    let base = cart_hub::BASE;

    // Drop the shell's own <title>: the page's comes from its components.
    let mut html = shell.to_string();
    // The shell is the default language's; each page says its own.
    html = set_html_lang(&html, route.lang)?;
    if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
        html.replace_range(a..b + "</title>".len(), "");
    }
    // leptos_meta writes the title's text unescaped on the server (a `</title>` in a title
    // would end it): the page model's title goes in instead, escaped once. It is the same
    // string the app sets, so hydration sees no difference.
    let title = format!("<title>{}</title>", seo::text(&cart_hub::meta::full_title(&route.text.title)));
    let head_insert = format!("{seo}<!--HEAD-->{}", replace_title(&r.head, &title));
    let loader = html.find("<script").ok_or("the shell has no loader script")?;
    html.insert_str(loader, &head_insert);
    let body_open = html.find("<body").ok_or("the shell has no <body>")?;
    let body_close = html.rfind("</body>").ok_or("the shell has no </body>")?;
    // Tells the loader this page was prerendered for this path, so it hydrates rather than
    // building the page again, and where the page's resource script is. The loader fetches
    // it with the app after the page has loaded: no script competes with the first paint.
    // data-messages: the words boot.js and portal.js show, in the page's language.
    // data-start: "load" for the pages that need the app at once, else "first-move" (see
    // `Page::starts_at_once` and boot.js).
    let start = if route.page.starts_at_once() { "load" } else { "first-move" };
    let body_tag = format!(
        "<body data-site-name=\"{}\" data-prerendered=\"{}\" data-start=\"{start}\" data-page-data=\"{base}{}\" data-page-data-integrity=\"{}\" data-messages=\"{}\">",
        cart_hub::SITE_NAME,
        path,
        route.page.data_script_in(route.lang),
        crate::assets::integrity(r.data_js.as_bytes()),
        script_messages(route.lang)
    );
    let app = format!("<div id=\"{}\">{}</div>", cart_hub::bridge::APP_ROOT_ID, valid_markers(&r.body));
    html.replace_range(body_open..body_close, &format!("{body_tag}{app}"));
    Ok(html)
}

/// The messages of boot.js and portal.js as JSON, escaped for a double-quoted attribute.
pub fn script_messages(lang: cart_model::Lang) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        lang.strings().script_messages().into_iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string()))).collect();
    seo::attr(&serde_json::Value::Object(map).to_string())
}

/// The `<html>` tag with the page's language (Trunk writes the shell's, `lang=en`).
fn set_html_lang(html: &str, lang: cart_model::Lang) -> Result<String, String> {
    let start = html.find("<html").ok_or("the shell has no <html> tag")?;
    let end = start + html[start..].find('>').ok_or("the shell's <html> tag is not closed")?;
    Ok(format!("{}<html lang=\"{}\">{}", &html[..start], lang.code(), &html[end + 1..]))
}

/// `head` with its `<title>` element replaced by `title`.
fn replace_title(head: &str, title: &str) -> String {
    match (head.find("<title>"), head.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}{title}{}", &head[..a], &head[b + "</title>".len()..]),
        _ => format!("{head}{title}"),
    }
}

/// Leptos marks hydration boundaries with `<!>`, which HTML parsers read as an empty comment
/// but validators report as a bogus comment. `<!---->` is the same DOM node, written validly.
/// (Text never contains a raw `<`: it is escaped, so only markup is touched.)
fn valid_markers(body: &str) -> String {
    body.replace("<!>", "<!---->")
}
