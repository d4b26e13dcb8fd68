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
        stage: Stage::Understanding,
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
            lede: "l".into(),
            start_here: vec![],
            caregiver_path: vec![],
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
    assert_eq!(filter_articles(&list, &Selection::default()).len(), 2);
}

#[test]
fn filter_shows_articles_matching_any_selected_type() {
    let list = [
        summary("a", &[CancerType::Lymphoma]),
        summary("b", &[CancerType::Myeloma]),
        summary("c", &[CancerType::All, CancerType::Lymphoma]),
        summary("d", &[CancerType::SolidTumors]),
    ];
    let slugs = |sel: &[CancerType]| filter_articles(&list, &Selection { types: sel.to_vec(), stages: vec![] }).iter().map(|a| a.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs(&[CancerType::Lymphoma]), ["a", "c"]);
    assert_eq!(slugs(&[CancerType::Myeloma, CancerType::SolidTumors]), ["b", "d"]);
    assert_eq!(slugs(&[CancerType::All]), ["c"]);
}

#[test]
fn stages_combine_with_types() {
    let mut later = summary("b", &[CancerType::Lymphoma]);
    later.stage = Stage::Recovery;
    let list = [summary("a", &[CancerType::Lymphoma]), later, summary("c", &[CancerType::Myeloma])];
    let sel = Selection { types: vec![CancerType::Lymphoma], stages: vec![Stage::Recovery] };
    assert_eq!(filter_articles(&list, &sel).iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["b"]);
    let sel = Selection { types: vec![], stages: vec![Stage::Understanding] };
    assert_eq!(filter_articles(&list, &sel).len(), 2);
    assert_eq!(parse_stage_query(Some("recovery,nope,preparing")), vec![Stage::Preparing, Stage::Recovery]);
    assert_eq!(toggle_stage(&[Stage::Recovery], Stage::Recovery), vec![]);
    assert!(CancerType::Lymphoma.written_for(&[CancerType::Lymphoma]));
    assert!(!CancerType::Lymphoma.written_for(&[CancerType::Lymphoma, CancerType::All]));
}

#[test]
fn filter_can_match_nothing() {
    let list = [summary("a", &[CancerType::Lymphoma])];
    assert!(filter_articles(&list, &Selection { types: vec![CancerType::Myeloma], stages: vec![] }).is_empty());
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
    use crate::library::Listing;
    use crate::{CancerType, Page, Stage};

    #[test]
    fn paths_and_files_of_each_kind() {
        let cases = [
            (Page::Hub, "/", Some("hub.json"), "index.html", "/page-data.js"),
            (Page::Type(CancerType::SolidTumors), "/types/solid-tumors", Some("hub.json"), "types/solid-tumors/index.html", "/types/solid-tumors/page-data.js"),
            (Page::Paged(Listing::All, 2), "/page/2", Some("hub.json"), "page/2/index.html", "/page/2/page-data.js"),
            (Page::Paged(Listing::Type(CancerType::Myeloma), 3), "/types/myeloma/page/3", Some("hub.json"), "types/myeloma/page/3/index.html", "/types/myeloma/page/3/page-data.js"),
            (Page::Paged(Listing::Stage(Stage::Recovery), 12), "/stages/recovery/page/12", Some("hub.json"), "stages/recovery/page/12/index.html", "/stages/recovery/page/12/page-data.js"),
            (Page::Article("a-b".into()), "/articles/a-b", Some("articles/a-b.json"), "articles/a-b/index.html", "/articles/a-b/page-data.js"),
            (Page::Topics, "/topics", Some("hub.json"), "topics/index.html", "/topics/page-data.js"),
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
    fn a_missing_document_is_the_servers_fault_only_for_a_listed_page() {
        let pages = crate::PagesDoc { schema: 3, articles: vec!["a".into()], topics: vec!["t".into()] };
        assert!(Page::Article("a".into()).has_document(&pages) && Page::Topic("t".into()).has_document(&pages));
        assert!(!Page::Article("t".into()).has_document(&pages) && !Page::Topic("a".into()).has_document(&pages));
        assert!(!Page::NotFound.has_document(&pages));
        // The other pages' documents (hub.json, glossary.json) are always there.
        assert!(Page::Glossary.has_document(&pages) && Page::Hub.has_document(&pages));
    }

    #[test]
    fn only_pages_drawn_in_the_browser_start_the_app_on_load() {
        assert!(Page::Search.starts_at_once() && Page::Connect.starts_at_once());
        let readable = [Page::Hub, Page::Type(CancerType::Myeloma), Page::Paged(Listing::All, 2), Page::Article("a".into()), Page::Topics, Page::Topic("t".into()), Page::Glossary, Page::NotFound];
        for page in readable {
            assert!(!page.starts_at_once(), "{page:?} reads and works as plain HTML until the reader moves");
        }
    }

    #[test]
    fn paths_that_name_nothing() {
        for bad in ["", "articles/x", "/articles", "/articles/", "/articles/A", "/articles/../x", "/articles/x/y", "/types/kidney", "/topic/x", "//articles/x", "/glossary/x",
            // Page 1 is the listing's own path; a page number has one spelling.
            "/page/1", "/page/0", "/page/02", "/page/x", "/page", "/types/myeloma/page/1", "/articles/x/page/2", "/topics/page/2"] {
            assert_eq!(Page::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hub_links_for_a_selection() {
        use crate::Selection;
        assert_eq!(Page::hub_filtered(&Selection::default()), "/");
        let sel = Selection { types: vec![CancerType::Myeloma, CancerType::Lymphoma], stages: vec![] };
        assert_eq!(Page::hub_filtered(&sel), "/?type=lymphoma,myeloma");
        let sel = Selection { types: vec![CancerType::All], stages: vec![Stage::Recovery, Stage::Preparing] };
        assert_eq!(Page::hub_filtered(&sel), "/?type=all&stage=preparing,recovery");
        assert_eq!(Page::no_script(&Selection { types: vec![], stages: vec![Stage::Treatment] }), Page::Stage(Stage::Treatment));
        assert_eq!(Page::no_script(&sel), Page::Hub);
        assert_eq!(Page::glossary_term("car"), "/glossary#car");
    }
}

mod library {
    use crate::library::{arrange, facet_code, page_count, Listing, Shelf, PER_PAGE};
    use crate::{ArticleSummary, CancerType, Date, Page, Selection, Stage};

    fn article(types: &[CancerType], stage: Stage) -> ArticleSummary {
        let date = Date { iso: "2026-01-01".into(), display: "1 January 2026".into() };
        ArticleSummary {
            slug: "a".into(),
            title: "A".into(),
            summary: "S".into(),
            cancer_types: types.to_vec(),
            stage,
            reading_minutes: 1,
            published: date.clone(),
            last_reviewed: date,
        }
    }

    /// The facet codes filter exactly as the articles themselves do.
    #[test]
    fn codes_match_as_the_articles_do() {
        use CancerType::*;
        let all_types = [Lymphoma, All, Myeloma, SolidTumors];
        let articles: Vec<ArticleSummary> = Stage::EVERY
            .into_iter()
            .flat_map(|s| [article(&all_types, s), article(&[Myeloma], s), article(&[Lymphoma, All], s), article(&[SolidTumors], s)])
            .collect();
        let selections = [
            Selection::default(),
            Selection { types: vec![Myeloma], stages: vec![] },
            Selection { types: vec![Lymphoma, SolidTumors], stages: vec![Stage::Recovery] },
            Selection { types: vec![], stages: vec![Stage::Deciding, Stage::Treatment] },
        ];
        for sel in selections {
            for a in &articles {
                assert_eq!(sel.matches_code(facet_code(a)), sel.matches(a), "{sel:?} {a:?}");
            }
        }
    }

    /// Under a cancer-type chip, the articles written for it alone first, each group in
    /// library order; without one, library order.
    #[test]
    fn a_selection_lists_its_own_articles_first() {
        use CancerType::*;
        let codes: Vec<u16> = [
            article(&[Lymphoma, Myeloma], Stage::Understanding),
            article(&[Myeloma], Stage::Understanding),
            article(&[Lymphoma], Stage::Deciding),
            article(&[Myeloma], Stage::Recovery),
        ]
        .iter()
        .map(facet_code)
        .collect();
        let myeloma = Selection { types: vec![Myeloma], stages: vec![] };
        assert_eq!(arrange(&codes, &myeloma), vec![(1, true), (3, true), (0, false)]);
        assert_eq!(arrange(&codes, &Selection::default()), vec![(0, false), (1, false), (2, false), (3, false)]);
    }

    #[test]
    fn pages_of_a_listing() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(PER_PAGE), 1);
        assert_eq!(page_count(PER_PAGE + 1), 2);
        assert_eq!(Listing::All.page(1), Page::Hub);
        assert_eq!(Listing::Type(CancerType::All).page(1), Page::Type(CancerType::All));
        assert_eq!(Listing::Stage(Stage::Deciding).page(2), Page::Paged(Listing::Stage(Stage::Deciding), 2));
        for listing in Listing::every() {
            assert_eq!(Listing::of(&listing.selection()), Some(listing));
        }
        let shelf = Shelf { library: 30, matching: 25, offset: 12, cards: vec![] };
        assert_eq!(shelf.remaining(), 13);
    }
}
