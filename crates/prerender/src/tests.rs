//! The prerendered `<head>`: values come from the documents and are escaped exactly once.

use crate::{page, routes, seo};
use cart_model::Page;

const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>CAR-T Hub</title><script type=\"module\" src=\"/boot.js\"></script></head><body><div id=\"app\"></div></body></html>";
const TITLE: &str = "Risks & \"benefits\" <explained> for niños";
const SUMMARY: &str = "What R&D <really> means: \"CAR-T\" & you, señor.";

/// A one-article site whose title and summary carry every character that needs escaping.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let article = |title: &str, summary: &str, types: &str| {
        format!(
            "+++\ntitle = '{title}'\nsummary = '{summary}'\ncancer_types = [{types}]\ntopics = [\"basics\"]\nstage = \"understanding\"\norder = 10\npublished = \"2026-01-01\"\nlast_reviewed = \"2026-01-10\"\nnext_review = \"2027-01-10\"\nreview_basis = \"Checked.\"\n\n[[sources]]\ntitle = \"One\"\npublisher = \"FDA\"\nurl = \"https://www.fda.gov/one\"\n\n[[sources]]\ntitle = \"Two\"\npublisher = \"NCI\"\nurl = \"https://www.cancer.gov/two\"\n\n[[sources]]\ntitle = \"Three\"\npublisher = \"NEJM\"\nurl = \"https://doi.org/10.1056/x\"\n+++\nSome text about a list item.\n"
        )
    };
    let files = [
        ("hub.md", "+++\ntitle = \"CAR-T\"\nsummary = \"About CAR-T.\"\nlede = \"Start here.\"\nstart_here = [\"odd\", \"plain\"]\ncaregiver_path = [\"plain\", \"odd\"]\nlast_reviewed = \"2026-01-10\"\n+++\nCAR-T.\n".to_string()),
        ("topics/basics.md", "+++\ntitle = \"Basics\"\nsummary = \"The basics.\"\n+++\nAn introduction.\n".to_string()),
        ("glossary.toml", "[[term]]\nterm = \"List item\"\ndefinition = \"One line of a list.\"\n".to_string()),
        ("articles/odd.md", article(TITLE, SUMMARY, "\"lymphoma\", \"all\", \"myeloma\", \"solid-tumors\"")),
        ("articles/plain.md", article("Plain", "Plain.", "\"lymphoma\", \"all\", \"myeloma\", \"solid-tumors\"")),
    ];
    for (name, text) in files {
        let path = content.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let compiled = cart_content::compile(&content).unwrap_or_else(|e| panic!("{e:?}"));
    cart_content::write(&compiled, &dir.path().join("data")).unwrap();
    dir
}

fn head_of(html: &str) -> &str {
    let start = html.find("<head>").unwrap() + "<head>".len();
    &html[start..html.find("</head>").unwrap()]
}

#[tokio::test(flavor = "current_thread")]
async fn titles_and_descriptions_are_escaped_once() {
    let _ = any_spawner::Executor::init_tokio();
    let dir = site();
    cart_hub::api::set_data_dir(dir.path().join("data"));
    let all = routes::all(&dir.path().join("data")).unwrap();
    let route = all.iter().find(|r| r.page == Page::Article("odd".into())).unwrap();
    let rendered = page::render(&route.page.path(), route.lang).await;
    let html = page::assemble(SHELL, route, &rendered, "https://example.org").unwrap();
    let head = head_of(&html);

    let title = "Risks &amp; &quot;benefits&quot; &lt;explained&gt; for niños | CAR-T Hub";
    let title_text = "Risks &amp; \"benefits\" &lt;explained&gt; for niños | CAR-T Hub";
    let description = "What R&amp;D &lt;really&gt; means: &quot;CAR-T&quot; &amp; you, señor.";
    assert!(head.contains(&format!("<title>{title_text}</title>")), "{head}");
    assert!(head.contains(&format!("<meta property=\"og:title\" content=\"{title}\">")), "{head}");
    assert!(head.contains(&format!("<meta property=\"og:description\" content=\"{description}\">")), "{head}");
    assert!(head.contains(&format!("<meta name=\"description\" content=\"{description}\">")), "{head}");
    assert!(!head.contains("&amp;amp;"), "escaped twice: {head}");
    // JSON-LD is JSON inside a data block: quotes escaped for JSON, `</` kept from closing it.
    let ld_start = head.find("<script type=\"application/ld+json\">").unwrap() + "<script type=\"application/ld+json\">".len();
    let ld = &head[ld_start..ld_start + head[ld_start..].find("</script>").unwrap()];
    let json: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(json["name"], format!("{TITLE} | CAR-T Hub"));
    assert_eq!(json["description"], SUMMARY);
    assert!(ld.contains(r#""name":"Risks & \"benefits\" <explained> for niños | CAR-T Hub""#), "{ld}");
    insta::assert_snapshot!("article_head", head.replace("><", ">\n<"));
}

#[test]
fn sitemap_lists_every_page_but_not_found_and_search() {
    let dir = site();
    let all = routes::all(&dir.path().join("data")).unwrap();
    let map = seo::sitemap(&all, "https://example.org");
    assert_eq!(map.matches("<url>").count(), all.len() - 2);
    assert!(!map.contains("/search"));
    assert!(map.contains("<loc>https://example.org/articles/odd</loc><lastmod>2026-01-10</lastmod>"), "{map}");
    assert!(!map.contains("/404"));
}
