//! The valid minimal content site both test files start from: every chip has two articles,
//! one topic, one glossary term used in the articles.

#![allow(dead_code)]

use std::path::Path;

pub const HUB: &str = "+++\ntitle = \"CAR-T\"\nsummary = \"About CAR-T.\"\nlede = \"Start here.\"\nstart_here = [\"one\", \"two\"]\ncaregiver_path = [\"two\", \"three\"]\nlast_reviewed = \"2026-01-10\"\n+++\nCAR-T is a [living drug](/topics/basics).\n";

pub const TOPIC: &str = "+++\ntitle = \"Basics\"\nsummary = \"The basics.\"\n+++\nAn introduction.\n";

pub const GLOSSARY: &str = "[[term]]\nterm = \"List item\"\ndefinition = \"One line of a list.\"\n";

pub const ARTICLE_BODY: &str = "Some text.\n\n## A heading\n\n- a list item\n- another, see [basics](/topics/basics)\n";

pub fn article_front(types: &str) -> String {
    format!(
        r#"title = "An article"
summary = "A summary."
cancer_types = [{types}]
topics = ["basics"]
stage = "understanding"
order = 10
published = "2026-01-01"
last_reviewed = "2026-01-10"
next_review = "2027-01-10"
review_basis = "Checked against the sources."

[[sources]]
title = "One"
publisher = "FDA"
url = "https://www.fda.gov/one"

[[sources]]
title = "Two"
publisher = "NCI"
url = "https://www.cancer.gov/two"

[[sources]]
title = "Three"
publisher = "NEJM"
url = "https://doi.org/10.1056/x"
"#
    )
}

pub fn article(types: &str) -> String {
    format!("+++\n{}+++\n{ARTICLE_BODY}", article_front(types))
}

pub const TYPES_ONE: &str = r#""lymphoma", "all""#;

/// The site's files, relative to its folder.
pub fn site_files() -> Vec<(&'static str, String)> {
    vec![
        ("hub.md", HUB.to_string()),
        ("topics/basics.md", TOPIC.to_string()),
        ("articles/one.md", article(TYPES_ONE)),
        ("articles/two.md", article(r#""myeloma", "solid-tumors""#)),
        ("articles/three.md", article(r#""lymphoma", "all", "myeloma", "solid-tumors""#)),
        ("glossary.toml", GLOSSARY.to_string()),
    ]
}

pub fn twin_article(original: &str) -> String {
    format!(
        "+++\noriginal = \"{original}\"\ntitle = \"Un artículo\"\nsummary = \"Un resumen.\"\nlast_reviewed = \"2026-01-10\"\nreview_basis = \"Revisado con las fuentes.\"\n+++\nUn texto.\n\n## Un título\n\n- una línea de lista\n- otra, vea [lo básico](/topics/basics)\n"
    )
}

/// The Spanish edition of the site: a twin of every page, and the glossary term.
pub fn spanish_files() -> Vec<(&'static str, String)> {
    vec![
        ("es/hub.md", "+++\ntitle = \"CAR-T\"\nsummary = \"Sobre CAR-T.\"\nlede = \"Empiece aquí.\"\nlast_reviewed = \"2026-01-10\"\n+++\nCAR-T es un [fármaco vivo](/topics/basics).\n".to_string()),
        ("es/topics/basics.md", "+++\noriginal = \"basics\"\ntitle = \"Lo básico\"\nsummary = \"Lo básico.\"\n+++\nUna introducción.\n".to_string()),
        ("es/articles/one.md", twin_article("one")),
        ("es/articles/two.md", twin_article("two")),
        ("es/articles/three.md", twin_article("three")),
        ("es/glossary.toml", "[[term]]\nterm = \"Línea de lista\"\nen = \"List item\"\ndefinition = \"Una línea de una lista.\"\n".to_string()),
    ]
}

/// Writes the site with its Spanish edition into `dir`.
pub fn write_bilingual_site(dir: &Path) {
    write_site(dir);
    for (file, text) in spanish_files() {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// Writes the site into `dir`.
pub fn write_site(dir: &Path) {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::create_dir_all(dir.join("topics")).unwrap();
    for (file, text) in site_files() {
        std::fs::write(dir.join(file), text).unwrap();
    }
}
