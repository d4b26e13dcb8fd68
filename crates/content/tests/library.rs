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

/// Every file under `dir`, with its bytes, by path relative to `dir`.
fn files(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_streaming_build_writes_what_compile_and_write_do() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let whole = tempfile::tempdir().unwrap();
    cart_content::write(&library(), whole.path()).unwrap();
    let streamed = tempfile::tempdir().unwrap();
    let out = streamed.path().join("data");
    let site = cart_content::build(&dir, &out).unwrap_or_else(|errors| panic!("{errors:?}"));
    assert!(site.articles.is_empty(), "the build kept the articles in memory");
    let (a, b) = (files(whole.path()), files(&out));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a.len() > 2 * site.index.articles.len(), "{} files", a.len());
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{} differs", path.display());
    }
    assert!(!streamed.path().join("data.partial").exists());
}

#[test]
fn a_build_with_errors_leaves_the_output_as_it_was() {
    let content = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"), content.path());
    // The last article in file order breaks, after the others were compiled and written.
    let articles = content.path().join("articles");
    let mut names: Vec<_> = std::fs::read_dir(&articles).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let last = names.last().unwrap();
    let text = std::fs::read_to_string(last).unwrap();
    std::fs::write(last, text.replacen("stage = \"", "stage = \"nowhere-", 1)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let data = out.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("index.json"), "earlier").unwrap();
    let errors = cart_content::build(content.path(), &data).unwrap_err();
    assert!(errors.iter().any(|e| e.reason.contains("unknown stage")), "{errors:?}");
    assert_eq!(files(&data).len(), 1, "the failed build wrote into the output");
    assert_eq!(std::fs::read_to_string(data.join("index.json")).unwrap(), "earlier");
    assert!(!out.path().join("data.partial").exists(), "the partial output was left behind");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
