//! Each kind of bad content stops the build with the file, the line and the reason.

use cart_content::{compile, ContentError};

mod common;
use common::{write_site as valid_site, TOPIC};

/// Compiles the valid site with one file replaced, and returns the single error.
fn reject(file: &str, edit: impl FnOnce(String) -> String) -> ContentError {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    let errors = compile(dir.path()).expect_err("bad content must be rejected");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors.into_iter().next().unwrap();
    assert!(e.file.ends_with(file), "error names {:?}, not {file}", e.file);
    e
}

#[test]
fn the_valid_site_compiles() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let site = compile(dir.path()).unwrap();
    assert_eq!(site.articles.len(), 3);
    assert_eq!(site.index.articles.len(), 3);
    assert_eq!(site.topics[0].topic.articles.len(), 3);
    assert_eq!(site.index.hub.last_reviewed.display, "10 January 2026");
    assert_eq!(site.glossary.terms.len(), 1);
    assert_eq!(site.reports.len(), 3);
    assert!(site.reports.iter().all(|r| matches!(r.score, cart_content::readability::Score::Grade(g) if g < 9.0) && r.words > 0));
}

#[test]
fn glossary_terms_link_from_their_first_use() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let site = compile(dir.path()).unwrap();
    let json = serde_json::to_string(&site.articles[0]).unwrap();
    assert_eq!(json.matches("/glossary#list-item").count(), 1, "{json}");
    assert!(json.contains(r#"{"text":"a "},{"link":{"href":"/glossary#list-item","content":[{"text":"list item"}]}}"#), "{json}");
}

#[test]
fn outdated_claims_stop_the_build() {
    let e = reject("articles/two.md", |t| t.replace("Some text.", "Do not drive for 8 weeks after your infusion."));
    assert_eq!(e.line, 28);
    assert!(e.reason.contains("outdated claim") && e.reason.contains("8 weeks"), "{}", e.reason);
    let e = reject("topics/basics.md", |t| t.replace("An introduction.", "You must stay near the center for four weeks."));
    assert_eq!(e.line, 5);
    assert!(e.reason.contains("4 weeks"), "{}", e.reason);
}

#[test]
fn hard_to_read_articles_stop_the_build() {
    let e = reject("articles/one.md", |t| {
        t.replace(
            "Some text.",
            "Chimeric antigen receptor modified autologous lymphocytes demonstrated considerable therapeutic efficacy in heavily pretreated populations with refractory hematological malignancies notwithstanding substantial immunological toxicities.",
        )
    });
    assert!(e.reason.contains("reading grade"), "{}", e.reason);
    assert_eq!(e.line, 28);
}

#[test]
fn unused_glossary_term() {
    let e = reject("glossary.toml", |t| t + "\n[[term]]\nterm = \"Zebra\"\ndefinition = \"A striped animal.\"\n");
    assert_eq!(e.line, 6);
    assert!(e.reason.contains("\"Zebra\" is not used"), "{}", e.reason);
}

#[test]
fn link_to_undefined_glossary_term() {
    let e = reject("articles/one.md", |t| t.replace("[basics](/topics/basics)", "[what](/glossary#nope)"));
    assert_eq!(e.line, 33);
    assert!(e.reason.contains("/glossary#nope"), "{}", e.reason);
}

#[test]
fn glossary_term_defined_twice() {
    let e = reject("glossary.toml", |t| t.clone() + "\n" + &t);
    assert!(e.reason.contains("defined twice"), "{}", e.reason);
}

#[test]
fn unknown_cancer_type() {
    let e = reject("articles/one.md", |t| t.replace(r#""lymphoma", "all""#, r#""lymphoma", "leukaemia""#));
    assert_eq!(e.line, 4);
    assert!(e.reason.contains("unknown cancer type \"leukaemia\""), "{}", e.reason);
}

#[test]
fn missing_required_field() {
    let e = reject("articles/two.md", |t| t.replace("summary = \"A summary.\"\n", ""));
    assert!(e.reason.contains("missing field `summary`"), "{}", e.reason);
    assert!(e.line >= 1);
}

#[test]
fn misspelt_field() {
    let e = reject("articles/two.md", |t| t.replace("review_basis", "reviewbasis"));
    assert!(e.reason.contains("reviewbasis"), "{}", e.reason);
    assert_eq!(e.line, 11);
}

#[test]
fn duplicate_slug() {
    let e = reject("articles/two.md", |t| t.replacen("+++\n", "+++\nslug = \"one\"\n", 1));
    assert_eq!(e.line, 2);
    assert!(e.reason.contains("duplicate slug \"one\""), "{}", e.reason);
}

#[test]
fn link_to_missing_topic_in_front_matter() {
    let e = reject("articles/one.md", |t| t.replace(r#"topics = ["basics"]"#, r#"topics = ["basics", "nope"]"#));
    assert_eq!(e.line, 5);
    assert!(e.reason.contains("topic \"nope\", which does not exist"), "{}", e.reason);
}

#[test]
fn link_to_missing_article_in_related() {
    let e = reject("articles/one.md", |t| t.replace("review_basis", "related = [\"ghost\"]\nreview_basis"));
    assert!(e.reason.contains("article \"ghost\""), "{}", e.reason);
    assert_eq!(e.line, 11);
}

#[test]
fn link_to_missing_page_in_body() {
    let e = reject("articles/two.md", |t| t.replace("[basics](/topics/basics)", "[gone](/articles/gone)"));
    assert_eq!(e.line, 33);
    assert!(e.reason.contains("/articles/gone"), "{}", e.reason);
}

#[test]
fn malformed_date() {
    let e = reject("articles/one.md", |t| t.replace("published = \"2026-01-01\"", "published = \"2026-02-30\""));
    assert_eq!(e.line, 8);
    assert!(e.reason.contains("malformed date"), "{}", e.reason);
}

#[test]
fn review_dates_in_wrong_order_or_future() {
    let e = reject("articles/one.md", |t| t.replace("next_review = \"2027-01-10\"", "next_review = \"2026-01-09\""));
    assert!(e.reason.contains("next_review must come after"), "{}", e.reason);
    let e = reject("articles/one.md", |t| t.replace("last_reviewed = \"2026-01-10\"", "last_reviewed = \"2999-01-10\""));
    assert!(e.reason.contains("in the future"), "{}", e.reason);
}

#[test]
fn unsafe_link_schemes() {
    for href in ["javascript:alert(1)", "http://insecure.example", "data:text/html,hi", "//evil.example"] {
        let e = reject("articles/one.md", |t| t.replace("/topics/basics)", &format!("{href})")));
        assert_eq!(e.line, 33, "{href}");
        assert!(e.reason.contains("is not allowed"), "{}", e.reason);
    }
}

#[test]
fn insecure_source_url() {
    let e = reject("articles/one.md", |t| t.replace("https://www.cancer.gov/two", "http://www.cancer.gov/two"));
    assert_eq!(e.line, 18);
    assert!(e.reason.contains("https"), "{}", e.reason);
}

#[test]
fn raw_html_in_body() {
    let e = reject("articles/one.md", |t| t.replace("Some text.", "Some <script>alert(1)</script> text."));
    assert_eq!(e.line, 28);
    assert!(e.reason.contains("raw HTML"), "{}", e.reason);
}

#[test]
fn table_without_caption() {
    let e = reject("topics/basics.md", |t| t + "\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(e.reason.contains("Table: <caption>"), "{}", e.reason);
}

#[test]
fn h1_in_body() {
    let e = reject("topics/basics.md", |t| t + "\n# Second title\n");
    assert_eq!(e.line, 7);
    assert!(e.reason.contains("heading level"), "{}", e.reason);
}

#[test]
fn too_few_sources() {
    let e = reject("articles/one.md", |t| t.replacen("[[sources]]", "[[ignored]]", 1).replace("[[ignored]]\ntitle = \"One\"\npublisher = \"FDA\"\nurl = \"https://www.fda.gov/one\"\n", ""));
    assert!(e.reason.contains("at least 3"), "{}", e.reason);
}

#[test]
fn chip_without_enough_articles() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let path = dir.path().join("articles/three.md");
    let text = std::fs::read_to_string(&path).unwrap().replace(r#""lymphoma", "all", "myeloma", "solid-tumors""#, r#""lymphoma", "all", "myeloma""#);
    std::fs::write(&path, text).unwrap();
    let errors = compile(dir.path()).expect_err("a chip with one article is rejected");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].file.ends_with("articles"));
    assert!(errors[0].reason.contains("\"solid-tumors\" chip has 1 article"), "{}", errors[0].reason);
}

#[test]
fn unclosed_front_matter() {
    let e = reject("articles/one.md", |t| t.replacen("+++\nSome", "Some", 1));
    assert_eq!(e.line, 1);
    assert!(e.reason.contains("not closed"), "{}", e.reason);
}

#[test]
fn callouts_and_tables_become_nodes() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let body = "\n> [!WARNING]\n> Call 911.\n\nTable: Products\n\n| Name | Target |\n|---|---|\n| Kymriah | CD19 |\n";
    std::fs::write(dir.path().join("topics/basics.md"), format!("{TOPIC}{body}")).unwrap();
    let site = compile(dir.path()).unwrap();
    let json = serde_json::to_string(&site.topics[0]).unwrap();
    assert!(json.contains(r#"{"callout":{"kind":"warning","blocks":[{"paragraph":{"content":[{"text":"Call 911."}]}}]}}"#), "{json}");
    assert!(json.contains(r#""caption":"Products""#), "{json}");
    assert!(!json.contains('<'), "no markup in the JSON: {json}");
}

#[test]
fn uncited_statistic() {
    let e = reject("articles/one.md", |t| t.replace("Some text.", "In the trial, 42 in 100 had a remission."));
    assert!(e.reason.contains("\"42 in 100\" is a statistic without a citation"), "{}", e.reason);
    assert!(e.line > 1);
}

#[test]
fn citation_of_a_source_the_page_does_not_list() {
    let e = reject("articles/one.md", |t| t.replace("Some text.", "In the trial, 42 in 100 had a remission [@nope]."));
    assert!(e.reason.contains("[@nope] names no source"), "{}", e.reason);
}

#[test]
fn cited_statistic_becomes_a_numbered_node() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    let path = dir.path().join("articles/one.md");
    let text = std::fs::read_to_string(&path).unwrap()
        .replace("title = \"Two\"", "id = \"two\"\ntitle = \"Two\"")
        .replace("Some text.", "In the trial, 42 in 100 had a remission [@two].");
    std::fs::write(&path, text).unwrap();
    let site = compile(dir.path()).unwrap();
    let json = serde_json::to_string(&site.articles.iter().find(|d| d.article.body.len() > 0 && serde_json::to_string(d).unwrap().contains("42 in 100")).unwrap()).unwrap();
    assert!(json.contains(r#"{"text":"In the trial, 42 in 100 had a remission"},{"cite":{"n":2}},{"text":"."}"#), "{json}");
}

#[test]
fn statistic_on_a_page_without_sources() {
    let e = reject("topics/basics.md", |t| t.replace("An introduction.", "It costs $400,000."));
    assert!(e.reason.contains("lists no sources"), "{}", e.reason);
}

#[test]
fn product_missing_from_products_file() {
    let e = reject("articles/one.md", |t| t.replace("Some text.", "Some text. Ask about zamtocabtagene autoleucel. It is new. It is a drug. We do not know it. We will see. Ask your team. They can help. Ask them."));
    assert!(e.reason.contains("\"autoleucel\"") && e.reason.contains("products.toml"), "{}", e.reason);
}

#[test]
fn unknown_directive() {
    let e = reject("articles/one.md", |t| t.replace("Some text.", "Some text.\n\n{{prodcts}}"));
    assert!(e.reason.contains("unknown directive {{prodcts}}"), "{}", e.reason);
}

#[test]
fn unknown_stage() {
    let e = reject("articles/one.md", |t| t.replace("stage = \"understanding\"", "stage = \"later\""));
    assert!(e.reason.contains("unknown stage \"later\""), "{}", e.reason);
    assert_eq!(e.line, 6);
}

#[test]
fn reading_path_names_a_missing_article() {
    let e = reject("hub.md", |t| t.replace("start_here = [\"one\", \"two\"]", "start_here = [\"one\", \"gone\"]"));
    assert!(e.reason.contains("start_here names article \"gone\""), "{}", e.reason);
}

#[test]
fn figure_without_description_or_with_a_script() {
    let dir = tempfile::tempdir().unwrap();
    valid_site(dir.path());
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    std::fs::write(dir.path().join("images/ok.svg"), r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8"/></svg>"#).unwrap();
    std::fs::write(dir.path().join("images/bad.svg"), r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>"#).unwrap();
    let path = dir.path().join("articles/one.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let body = "Some text.\n\n![A box](/images/ok.svg)\n\nMore text.\n\n![A bad box](/images/bad.svg)\n\nFigure: A box that runs a script.\n\n![Gone](/images/gone.svg)\n\nFigure: Nothing.\n";
    std::fs::write(&path, text.replace("Some text.\n", body)).unwrap();
    let errors = compile(dir.path()).expect_err("bad figures");
    let reasons: Vec<&str> = errors.iter().map(|e| e.reason.as_str()).collect();
    assert!(reasons.iter().any(|r| r.contains("needs a `Figure:")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("<script> is not allowed")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("gone.svg: cannot read")), "{reasons:?}");
}
