//! The real library in `content/`: every page it makes is addressable through the page
//! model, and one article's compiled JSON is pinned by a snapshot (review changes with
//! `cargo insta review`, or accept with `INSTA_UPDATE=always`).

use cart_content::compile;
use cart_model::Page;
use std::path::Path;

fn library() -> cart_content::Site {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    compile(&dir).unwrap_or_else(|errors| panic!("the library must compile: {errors:?}"))
}

#[test]
fn every_page_of_the_library_parses_back_and_has_its_document() {
    let site = library();
    let out = tempfile::tempdir().unwrap();
    cart_content::write(&site, out.path()).unwrap();
    let pages = Page::all(&site.index);
    // Hub, topics, glossary; the types and stages; the articles and topics; search, not-found.
    assert_eq!(pages.len(), 3 + 4 + 5 + site.articles.len() + site.topics.len() + 2);
    for page in pages {
        assert_eq!(Page::parse(&page.path()), Some(page.clone()), "{}", page.path());
        if let Some(file) = page.data_file() {
            assert!(out.path().join(&file).is_file(), "{} has no data/{file}", page.path());
        }
    }
}

#[test]
fn compiled_article_json_snapshot() {
    let site = library();
    let doc = site.articles.iter().find(|d| d.article.slug == "car-t-for-multiple-myeloma").expect("the myeloma article");
    insta::assert_json_snapshot!("car-t-for-multiple-myeloma", doc);
}
