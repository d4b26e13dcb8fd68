//! The real library in `content/`: every page it makes is addressable through the page
//! model, and one article's compiled JSON is pinned by a snapshot (review changes with
//! `cargo insta review`, or accept with `INSTA_UPDATE=always`).

use cart_content::compile;
use cart_model::library::{CardsDoc, FacetsDoc, Listing, FACETS_FILE, PER_PAGE};
use cart_model::{filter_articles, Page};
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
    // The pages after the first of each listing that runs over one page.
    let more_pages: usize = Listing::every()
        .into_iter()
        .map(|l| filter_articles(&site.index.articles, &l.selection()).len().div_ceil(PER_PAGE).saturating_sub(1))
        .sum();
    assert!(more_pages >= 1, "the whole library runs over one page");
    // Hub, topics, glossary; the types and stages; the articles and topics; search, not-found.
    assert_eq!(pages.len(), 3 + 4 + 5 + more_pages + site.articles.len() + site.topics.len() + 2);
    for page in pages {
        assert_eq!(Page::parse(&page.path()), Some(page.clone()), "{}", page.path());
        if let Some(file) = page.data_file() {
            assert!(out.path().join(&file).is_file(), "{} has no data/{file}", page.path());
        }
    }
}

/// The library a page at a time: a facet per article, and its cards in chunks, in order.
#[test]
fn the_library_is_written_in_pages() {
    let site = library();
    let out = tempfile::tempdir().unwrap();
    cart_content::write(&site, out.path()).unwrap();
    let read = |file: &str| std::fs::read_to_string(out.path().join(file)).unwrap();
    let facets: FacetsDoc = cart_model::decode(&read(FACETS_FILE)).unwrap();
    assert_eq!(facets.facets.len(), site.index.articles.len());
    let mut cards = Vec::new();
    for n in 0..site.index.articles.len().div_ceil(PER_PAGE) {
        let chunk: CardsDoc = cart_model::decode(&read(&cart_model::library::cards_file(n))).unwrap();
        assert!(chunk.articles.len() <= PER_PAGE);
        cards.extend(chunk.articles);
    }
    assert_eq!(cards, site.index.articles);
}

#[test]
fn compiled_article_json_snapshot() {
    let site = library();
    let doc = site.articles.iter().find(|d| d.article.slug == "car-t-for-multiple-myeloma").expect("the myeloma article");
    insta::assert_json_snapshot!("car-t-for-multiple-myeloma", doc);
}
