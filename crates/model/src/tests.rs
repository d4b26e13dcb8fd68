use super::*;

fn date(iso: &str) -> Date {
    Date { iso: iso.into(), display: iso.into() }
}

fn summary(slug: &str, types: &[CancerType]) -> ArticleSummary {
    ArticleSummary {
        slug: slug.into(),
        title: slug.into(),
        summary: String::new(),
        cancer_types: types.to_vec(),
        reading_minutes: 1,
        published: date("2026-01-01"),
        last_reviewed: date("2026-01-01"),
    }
}

fn index() -> IndexDoc {
    IndexDoc {
        schema: SCHEMA_VERSION,
        hub: Hub {
            title: "CAR-T".into(),
            summary: "s".into(),
            last_reviewed: date("2026-01-02"),
            body: vec![
                Block::Heading { level: 2, id: "what".into(), content: vec![Inline::text("What")] },
                Block::Paragraph {
                    content: vec![
                        Inline::text("A "),
                        Inline::Strong { content: vec![Inline::text("living")] },
                        Inline::Link { href: "/topics/x".into(), content: vec![Inline::text("drug")] },
                    ],
                },
                Block::Callout { kind: CalloutKind::Warning, blocks: vec![] },
                Block::Table { caption: "c".into(), head: vec![vec![Inline::text("h")]], rows: vec![vec![vec![Inline::LineBreak]]] },
            ],
        },
        articles: vec![summary("a", &[CancerType::Lymphoma, CancerType::SolidTumors])],
        topics: vec![TopicSummary { slug: "t".into(), title: "T".into(), summary: "s".into(), article_count: 1 }],
    }
}

#[test]
fn index_round_trips_through_json() {
    let doc = index();
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(decode::<IndexDoc>(&json), Ok(doc));
}

#[test]
fn json_uses_readable_tags_and_slugs() {
    let json = serde_json::to_string(&index()).unwrap();
    assert!(json.contains(r#""cancer_types":["lymphoma","solid-tumors"]"#), "{json}");
    assert!(json.contains(r#"{"strong":{"content":[{"text":"living"}]}}"#), "{json}");
    assert!(json.contains(r#""kind":"warning""#), "{json}");
}

#[test]
fn decode_reports_unknown_schema_version_not_garbage() {
    let json = serde_json::to_string(&index()).unwrap().replacen(&format!("\"schema\":{SCHEMA_VERSION}"), r#""schema":99"#, 1);
    assert_eq!(decode::<IndexDoc>(&json), Err(DecodeError::UnsupportedVersion(99)));
}

#[test]
fn decode_reports_malformed_and_truncated_json() {
    let json = serde_json::to_string(&index()).unwrap();
    assert!(matches!(decode::<IndexDoc>(&json[..json.len() / 2]), Err(DecodeError::Malformed(_))));
    assert!(matches!(decode::<IndexDoc>("<html>404</html>"), Err(DecodeError::Malformed(_))));
    assert!(matches!(decode::<IndexDoc>(&format!("{{\"schema\":{SCHEMA_VERSION}}}")), Err(DecodeError::Malformed(_))));
    assert!(matches!(decode::<ArticleDoc>(""), Err(DecodeError::Malformed(_))));
}

#[test]
fn unknown_cancer_type_in_data_is_rejected() {
    let json = serde_json::to_string(&index()).unwrap().replace("solid-tumors", "brain");
    assert!(matches!(decode::<IndexDoc>(&json), Err(DecodeError::Malformed(_))));
}

#[test]
fn filter_with_nothing_selected_shows_everything() {
    let list = [summary("a", &[CancerType::Lymphoma]), summary("b", &[CancerType::Myeloma])];
    assert_eq!(filter_articles(&list, &[]).len(), 2);
}

#[test]
fn filter_shows_articles_matching_any_selected_type() {
    let list = [
        summary("a", &[CancerType::Lymphoma]),
        summary("b", &[CancerType::Myeloma]),
        summary("c", &[CancerType::All, CancerType::Lymphoma]),
        summary("d", &[CancerType::SolidTumors]),
    ];
    let slugs = |sel: &[CancerType]| filter_articles(&list, sel).iter().map(|a| a.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs(&[CancerType::Lymphoma]), ["a", "c"]);
    assert_eq!(slugs(&[CancerType::Myeloma, CancerType::SolidTumors]), ["b", "d"]);
    assert_eq!(slugs(&[CancerType::All]), ["c"]);
}

#[test]
fn filter_can_match_nothing() {
    let list = [summary("a", &[CancerType::Lymphoma])];
    assert!(filter_articles(&list, &[CancerType::Myeloma]).is_empty());
}

#[test]
fn query_parsing_is_forgiving_and_canonical() {
    use CancerType::*;
    assert_eq!(parse_type_query(None), vec![]);
    assert_eq!(parse_type_query(Some("")), vec![]);
    assert_eq!(parse_type_query(Some("myeloma,lymphoma")), vec![Lymphoma, Myeloma]);
    assert_eq!(parse_type_query(Some("myeloma,,bogus, all ,myeloma")), vec![All, Myeloma]);
    assert_eq!(parse_type_query(Some("solid-tumors")), vec![SolidTumors]);
    assert_eq!(parse_type_query(Some("LYMPHOMA")), vec![], "slugs are lower case");
}

#[test]
fn query_writing_round_trips_and_drops_empty() {
    use CancerType::*;
    assert_eq!(type_query_value(&[]), None);
    assert_eq!(type_query_value(&[Myeloma, Lymphoma]).as_deref(), Some("lymphoma,myeloma"));
    for sel in [vec![All], vec![Lymphoma, SolidTumors], CancerType::EVERY.to_vec()] {
        let v = type_query_value(&sel);
        assert_eq!(parse_type_query(v.as_deref()), sel);
    }
}

#[test]
fn toggling_a_chip_adds_then_removes_it() {
    use CancerType::*;
    let on = toggle_type(&[Myeloma], Lymphoma);
    assert_eq!(on, vec![Lymphoma, Myeloma]);
    assert_eq!(toggle_type(&on, Lymphoma), vec![Myeloma]);
    assert_eq!(toggle_type(&[Myeloma], Myeloma), vec![]);
}

#[test]
fn cancer_type_slugs_round_trip() {
    for t in CancerType::EVERY {
        assert_eq!(CancerType::from_slug(t.slug()), Some(t));
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, format!("\"{}\"", t.slug()));
    }
    assert_eq!(CancerType::from_slug("leukemia"), None);
}

#[test]
fn only_safe_link_schemes_are_allowed() {
    for ok in ["https://www.fda.gov/x", "mailto:a@b.org", "tel:+15551234567", "/articles/a", "#section"] {
        assert!(classify_href(ok).is_some(), "{ok}");
    }
    assert_eq!(classify_href("/topics/x"), Some(LinkKind::Internal));
    assert_eq!(classify_href("https://doi.org/1"), Some(LinkKind::External));
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "http://example.com",
        "//evil.example",
        "vbscript:x",
        "java\tscript:x",
        "/\\evil.example",
        "https://",
        "",
        "relative/path",
    ] {
        assert_eq!(classify_href(bad), None, "{bad}");
    }
}

#[test]
fn reading_time_rounds_up_and_is_at_least_one_minute() {
    assert_eq!(reading_minutes(0), 1);
    assert_eq!(reading_minutes(200), 1);
    assert_eq!(reading_minutes(201), 2);
    assert_eq!(reading_minutes(1000), 5);
}

#[test]
fn word_count_reads_every_kind_of_block() {
    let blocks = vec![
        Block::Heading { level: 2, id: "h".into(), content: vec![Inline::text("Two words")] },
        Block::List { ordered: false, items: vec![vec![Block::Paragraph { content: vec![Inline::text("three more words")] }]] },
        Block::Callout { kind: CalloutKind::Note, blocks: vec![Block::Paragraph { content: vec![Inline::Emphasis { content: vec![Inline::text("one")] }] }] },
        Block::Table { caption: "a b".into(), head: vec![vec![Inline::text("c")]], rows: vec![vec![vec![Inline::text("d e")]]] },
    ];
    assert_eq!(word_count(&blocks), 2 + 3 + 1 + 2 + 1 + 2);
}

mod pages {
    use crate::{CancerType, Page};

    #[test]
    fn paths_and_files_of_each_kind() {
        let cases = [
            (Page::Hub, "/", Some("index.json"), "index.html", "/page-data.js"),
            (Page::Type(CancerType::SolidTumors), "/types/solid-tumors", Some("index.json"), "types/solid-tumors/index.html", "/types/solid-tumors/page-data.js"),
            (Page::Article("a-b".into()), "/articles/a-b", Some("articles/a-b.json"), "articles/a-b/index.html", "/articles/a-b/page-data.js"),
            (Page::Topics, "/topics", Some("index.json"), "topics/index.html", "/topics/page-data.js"),
            (Page::Topic("t".into()), "/topics/t", Some("topics/t.json"), "topics/t/index.html", "/topics/t/page-data.js"),
            (Page::Glossary, "/glossary", Some("glossary.json"), "glossary/index.html", "/glossary/page-data.js"),
            (Page::NotFound, "/404", None, "404.html", "/404-data.js"),
        ];
        for (page, path, data, html, script) in cases {
            assert_eq!(page.path(), path);
            assert_eq!(page.data_file().as_deref(), data, "{path}");
            assert_eq!(page.html_file(), html);
            assert_eq!(page.data_script(), script);
            assert_eq!(Page::parse(path), Some(page));
        }
    }

    #[test]
    fn paths_that_name_nothing() {
        for bad in ["", "articles/x", "/articles", "/articles/", "/articles/A", "/articles/../x", "/articles/x/y", "/types/kidney", "/topic/x", "//articles/x", "/glossary/x"] {
            assert_eq!(Page::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hub_links_for_a_selection() {
        assert_eq!(Page::hub_filtered(&[]), "/");
        assert_eq!(Page::hub_filtered(&[CancerType::Myeloma, CancerType::Lymphoma]), "/?type=lymphoma,myeloma");
        assert_eq!(Page::glossary_term("car"), "/glossary#car");
    }
}
