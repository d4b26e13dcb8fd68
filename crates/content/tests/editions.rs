//! Other-language editions: the compiler pairs every page with its twin and refuses a pair
//! that disagrees (missing twin, orphan, review dates, numbers, readability, glossary).

use cart_content::{compile, ContentError};
use cart_model::Lang;

mod common;
use common::write_bilingual_site;

/// Compiles the bilingual site after `change`, and returns the single error.
fn reject(change: impl FnOnce(&std::path::Path)) -> ContentError {
    let dir = tempfile::tempdir().unwrap();
    write_bilingual_site(dir.path());
    change(dir.path());
    let errors = compile(dir.path()).expect_err("a broken pair must be rejected");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn edit(dir: &std::path::Path, file: &str, f: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, f(text)).unwrap();
}

#[test]
fn the_bilingual_site_compiles_both_editions() {
    let dir = tempfile::tempdir().unwrap();
    write_bilingual_site(dir.path());
    let site = compile(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(site.translations.len(), 1);
    let es = &site.translations[0];
    assert_eq!(es.lang, Lang::Es);
    assert_eq!(es.articles.len(), 3);
    // Shared facts from the original, words and dates in Spanish.
    assert_eq!(es.index.articles[0].cancer_types, site.index.articles[0].cancer_types);
    assert_eq!(es.articles[0].article.sources, site.articles[0].article.sources);
    assert_eq!(es.index.hub.last_reviewed.display, "10 de enero de 2026");
    assert_eq!(es.index.articles[0].title, "Un artículo");
    assert_eq!(es.glossary.terms[0].slug, "linea-de-lista");
    let out = tempfile::tempdir().unwrap();
    cart_content::write(&site, out.path()).unwrap();
    assert!(out.path().join("es/articles/one.json").is_file());
    assert!(out.path().join("es/index.json").is_file());
}

#[test]
fn an_english_page_without_its_twin_is_rejected() {
    let e = reject(|d| std::fs::remove_file(d.join("es/articles/two.md")).unwrap());
    assert!(e.file.ends_with("articles/two.md") && e.reason.contains("has no es version"), "{e}");
}

#[test]
fn a_twin_without_an_original_is_rejected() {
    let e = reject(|d| std::fs::write(d.join("es/articles/four.md"), common::twin_article("four")).unwrap());
    assert!(e.file.ends_with("es/articles/four.md") && e.reason.contains("no English page"), "{e}");
}

#[test]
fn a_twin_must_name_its_original() {
    let e = reject(|d| edit(d, "es/articles/one.md", |t| t.replace("original = \"one\"", "original = \"two\"")));
    assert!(e.file.ends_with("es/articles/one.md") && e.reason.contains("original"), "{e}");
}

#[test]
fn a_pair_reviewed_on_different_days_is_rejected() {
    let e = reject(|d| edit(d, "es/articles/one.md", |t| t.replace("2026-01-10", "2026-01-09")));
    assert!(e.reason.contains("last_reviewed 2026-01-09 differs"), "{e}");
    let e = reject(|d| edit(d, "es/hub.md", |t| t.replace("2026-01-10", "2026-01-11")));
    assert!(e.file.ends_with("es/hub.md") && e.reason.contains("differs"), "{e}");
}

#[test]
fn a_translation_that_drops_or_changes_a_number_is_rejected() {
    // The original says 42 in 100; the translation says 24 de cada 100.
    let e = reject(|d| {
        edit(d, "articles/one.md", |t| t.replace("Some text.", "About 42 in 100 people [@one]. Some text."));
        edit(d, "articles/one.md", |t| t.replace("title = \"One\"", "id = \"one\"\ntitle = \"One\""));
        edit(d, "es/articles/one.md", |t| t.replace("Un texto.", "Unas 24 de cada 100 personas [@one]. Un texto."));
    });
    assert!(e.file.ends_with("es/articles/one.md"), "{e}");
    assert!(e.reason.contains("missing 42") && e.reason.contains("not in the original 24"), "{e}");
    // Dropped entirely.
    let e = reject(|d| {
        edit(d, "articles/two.md", |t| t.replace("summary = \"A summary.\"", "summary = \"Approved in 2017.\""));
    });
    assert!(e.file.ends_with("es/articles/two.md") && e.reason.contains("missing 2017"), "{e}");
}

#[test]
fn hard_spanish_is_rejected_with_its_score() {
    let e = reject(|d| {
        edit(d, "es/articles/three.md", |t| {
            let dense = "Los linfocitos autólogos modificados genéticamente demostraron considerable eficacia terapéutica en poblaciones intensamente pretratadas con neoplasias hematológicas refractarias, no obstante toxicidades inmunológicas sustanciales y complicaciones infecciosas prolongadas. ";
            t.replace("Un texto.", &dense.repeat(5))
        })
    });
    assert!(e.file.ends_with("es/articles/three.md") && e.reason.contains("Fernández-Huerta"), "{e}");
}

#[test]
fn every_glossary_term_has_exactly_one_translation() {
    let dir = tempfile::tempdir().unwrap();
    write_bilingual_site(dir.path());
    edit(dir.path(), "es/glossary.toml", |t| t.replace("en = \"List item\"\n", ""));
    let errors = compile(dir.path()).expect_err("an unpaired term must be rejected");
    let reasons: Vec<&str> = errors.iter().map(|e| e.reason.as_str()).collect();
    assert!(errors.iter().all(|e| e.file.ends_with("es/glossary.toml")), "{errors:?}");
    assert!(reasons.iter().any(|r| r.contains("needs `en = `")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("\"List item\" has 0 es entries")), "{reasons:?}");
}

#[test]
fn a_product_table_needs_its_words_in_every_edition() {
    let dir = tempfile::tempdir().unwrap();
    write_bilingual_site(dir.path());
    let products = r#"as_of = "2026-01-10"
[[sources]]
id = "label-x"
title = "X label"
publisher = "FDA"
url = "https://www.fda.gov/x"
[[products]]
id = "x"
brand = "Xcel"
generic = "xleucel"
target = "CD19"
dosing = "One infusion"
rems = "removed"
stay_near_weeks = 2
no_driving_weeks = 2
source = "label-x"
  [[products.uses]]
  cancer_type = "lymphoma"
  use = "Lymphoma in adults"
  approved = "2020-01-01"
  source = "label-x"
"#;
    std::fs::write(dir.path().join("products.toml"), products).unwrap();
    edit(dir.path(), "articles/one.md", |t| format!("{t}\n{{{{products}}}}\n"));
    edit(dir.path(), "es/articles/one.md", |t| format!("{t}\n{{{{products}}}}\n"));
    let errors = compile(dir.path()).expect_err("no Spanish text for the product");
    assert!(errors.iter().any(|e| e.reason.contains("use_in")), "{errors:?}");
    std::fs::write(
        dir.path().join("products.toml"),
        products.replace("  use = \"Lymphoma in adults\"\n", "  use = \"Lymphoma in adults\"\n  use_in = { es = \"Linfoma en adultos\" }\n")
            .replace("dosing = \"One infusion\"\n", "dosing = \"One infusion\"\ndosing_in = { es = \"Una infusión\" }\n"),
    )
    .unwrap();
    let site = compile(dir.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let table = format!("{:?}", site.translations[0].articles.iter().find(|a| a.article.slug == "one").unwrap().article.body);
    assert!(table.contains("Linfoma en adultos (enero de 2020)") && table.contains("Productos CAR-T aprobados"), "{table}");
}
