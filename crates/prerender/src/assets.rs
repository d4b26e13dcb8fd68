//! Makes Trunk's output CDN-ready before any page is written from it:
//!
//! - every fingerprinted file moves to `assets/`, so one path rule (`/assets/*`) can make
//!   them immutable on any host (Netlify and Cloudflare merge the headers of every rule that
//!   matches, so "all .js files" cannot be told apart from the unhashed loader by pattern);
//! - the loader scripts (`boot.js`, `portal.js`) get a content hash in their names too;
//! - every script gets Subresource Integrity: `integrity` on the `<script>` tags, and the
//!   loader is handed the digests of the wasm-bindgen glue and the wasm, which it checks as
//!   it fetches them (`data-js-integrity`, `data-wasm-integrity`);
//! - `integrity` stays only where HTML allows it on a `<link>` (stylesheet, preload,
//!   modulepreload): Trunk also writes it on the icon's, which the Nu Html Checker rejects.

use base64::Engine;
use sha2::{Digest, Sha384};
use std::path::Path;

/// Scripts copied by Trunk under their own names, fingerprinted here.
const LOADERS: [&str; 3] = ["boot.js", "portal.js", "offline.js"];

/// `sha384-<base64>`, the form `integrity` attributes and `fetch` take.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Rewrites Trunk's page (the shell) and moves the files it names. Returns the new shell.
pub fn finalize(dist: &Path, shell: &str, base: &str) -> Result<String, String> {
    let assets = dist.join("assets");
    std::fs::create_dir_all(&assets).map_err(|e| format!("{}: {e}", assets.display()))?;
    let mut html = shell.to_string();

    // Trunk's fingerprinted outputs the page names: glue JS, wasm, CSS, icon.
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_fingerprinted(&name) && html.contains(&format!("{base}/{name}")) {
            move_file(dist, &name, &name)?;
            html = html.replace(&format!("{base}/{name}"), &format!("{base}/assets/{name}"));
        }
    }
    // The loaders: a fingerprint of their own, so they can be cached like the rest.
    for loader in LOADERS {
        let bytes = std::fs::read(dist.join(loader)).map_err(|e| format!("{loader}: {e}"))?;
        let hex: String = Sha384::digest(&bytes).iter().take(8).map(|b| format!("{b:02x}")).collect();
        let (stem, ext) = loader.rsplit_once('.').unwrap_or((loader, "js"));
        let hashed = format!("{stem}-{hex}.{ext}");
        move_file(dist, loader, &hashed)?;
        html = html.replace(&format!("{base}/{loader}"), &format!("{base}/assets/{hashed}"));
    }
    let html = drop_link_integrity(&html)?;
    add_script_integrity(dist, &html, base)
}

/// Removes `integrity` from every `<link>` whose `rel` is not one HTML allows it on
/// (`stylesheet`, `preload`, `modulepreload`), e.g. the `<link rel=icon>` Trunk writes it on.
fn drop_link_integrity(html: &str) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let end = start + rest[start..].find('>').ok_or("an unclosed <link> tag")?;
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        let rel = attr(tag, "rel").unwrap_or_default().to_ascii_lowercase();
        let allowed = rel.split_ascii_whitespace().any(|r| matches!(r, "stylesheet" | "preload" | "modulepreload"));
        match attr_span(tag, "integrity") {
            Some((from, to)) if !allowed => {
                out.push_str(tag[..from].trim_end_matches([' ', '\n', '\t']));
                out.push_str(&tag[to..]);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `name-0123456789abcdef.js`, `name-123456789abcdef_bg.wasm`, ...: Trunk writes its 64-bit
/// hash in hex without leading zeros, so the hash can be shorter than 16 digits.
fn is_fingerprinted(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else { return false };
    if !matches!(ext, "js" | "wasm" | "css" | "svg") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn move_file(dist: &Path, from: &str, to: &str) -> Result<(), String> {
    let (src, dst) = (dist.join(from), dist.join("assets").join(to));
    std::fs::rename(&src, &dst).map_err(|e| format!("moving {} to {}: {e}", src.display(), dst.display()))
}

/// Adds `integrity` to every `<script src>` that lacks one, and the glue/wasm digests to the
/// loader's tag. Each digest is of the file the attribute names, read back from `dist`.
fn add_script_integrity(dist: &Path, html: &str, base: &str) -> Result<String, String> {
    let digest_of = |url: &str| -> Result<String, String> {
        let rel = url.strip_prefix(base).unwrap_or(url).trim_start_matches('/');
        let bytes = std::fs::read(dist.join(rel)).map_err(|e| format!("{rel} (named in the page): {e}"))?;
        Ok(integrity(&bytes))
    };
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let end = start + rest[start..].find('>').ok_or("an unclosed <script> tag")?;
        let tag = &rest[start..end];
        out.push_str(&rest[..end]);
        if let Some(src) = attr(tag, "src") {
            if attr(tag, "integrity").is_none() {
                out.push_str(&format!(" integrity=\"{}\"", digest_of(&src)?));
            }
            for name in ["data-js", "data-wasm"] {
                if let Some(url) = attr(tag, name) {
                    out.push_str(&format!(" {name}-integrity=\"{}\"", digest_of(&url)?));
                }
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of attribute `name` in a start tag, quoted or not (Trunk minifies the page).
fn attr(tag: &str, name: &str) -> Option<String> {
    let (start, end) = attr_span(tag, name)?;
    let value = tag[start + name.len()..end].strip_prefix('=').unwrap_or("");
    Some(match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
        _ => value.to_string(),
    })
}

/// Where attribute `name` (with its `=value`, if any) is in a start tag: from the name's
/// first byte to just after the value.
fn attr_span(tag: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        let before = tag[..i].chars().last();
        let after = &tag[i + name.len()..];
        from = i + name.len();
        if !matches!(before, Some(' ' | '\n' | '\t')) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            if after.starts_with([' ', '>', '/', '\n', '\t']) || after.is_empty() {
                return Some((i, from));
            }
            continue;
        };
        let len = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |j| j + 2),
            _ => value.find([' ', '>', '\n', '\t']).unwrap_or(value.len()),
        };
        return Some((i, from + 1 + len));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributes_quoted_or_not() {
        let tag = r#"<script data-js=/a-1.js data-wasm="/a-1_bg.wasm" src=/boot.js type=module"#;
        assert_eq!(attr(tag, "src").as_deref(), Some("/boot.js"));
        assert_eq!(attr(tag, "data-wasm").as_deref(), Some("/a-1_bg.wasm"));
        assert_eq!(attr(tag, "data-js").as_deref(), Some("/a-1.js"));
        // "js" inside "data-js" is not an attribute called "js".
        assert_eq!(attr(tag, "js"), None);
        assert_eq!(attr(tag, "integrity"), None);
    }

    #[test]
    fn integrity_only_on_links_that_allow_it() {
        let html = concat!(
            r#"<link rel="icon" href="/assets/favicon-1a2b3c4d.svg" integrity="sha384-abc"/>"#,
            r#"<link href=/assets/f-1a2b3c4d.svg integrity=sha384-x+y/z rel=icon type=image/svg+xml>"#,
            r#"<link rel=stylesheet href=/assets/main-1a2b3c4d.css integrity=sha384-css>"#,
            r#"<link rel="preload" href="/config.json" as="fetch" crossorigin integrity="sha384-p">"#,
            r#"<link rel=modulepreload href=/a.js integrity=sha384-m>"#,
            r#"<script src=/boot.js integrity=sha384-s></script>"#,
        );
        assert_eq!(
            drop_link_integrity(html).unwrap(),
            concat!(
                r#"<link rel="icon" href="/assets/favicon-1a2b3c4d.svg"/>"#,
                r#"<link href=/assets/f-1a2b3c4d.svg rel=icon type=image/svg+xml>"#,
                r#"<link rel=stylesheet href=/assets/main-1a2b3c4d.css integrity=sha384-css>"#,
                r#"<link rel="preload" href="/config.json" as="fetch" crossorigin integrity="sha384-p">"#,
                r#"<link rel=modulepreload href=/a.js integrity=sha384-m>"#,
                r#"<script src=/boot.js integrity=sha384-s></script>"#,
            )
        );
    }

    #[test]
    fn knows_fingerprinted_names() {
        assert!(is_fingerprinted("cart-hub-65faa060e7125baf_bg.wasm"));
        assert!(is_fingerprinted("main-9988ece8fd61236e.css"));
        assert!(is_fingerprinted("cart-hub-c056fcaef2f814c.js")); // 15 digits: a leading 0
        assert!(!is_fingerprinted("what-is-car-t.js"));
        assert!(!is_fingerprinted("boot.js"));
        assert!(!is_fingerprinted("page-data.js"));
        assert!(!is_fingerprinted("config.json"));
    }

    #[test]
    fn digests_like_the_browser_expects() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }
}
