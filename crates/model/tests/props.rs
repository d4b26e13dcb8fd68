//! Property tests for the model's pure functions: decoding untrusted JSON, the `?type=` query
//! and link safety. Each property prints how many cases it ran.
//!
//! The random seed is fixed so CI is reproducible; set `PROPTEST_RNG_SEED=<u64>` to explore
//! other inputs.

use cart_model::{
    classify_href, decode, parse_type_query, type_query_value, Article, ArticleDoc, ArticleSummary, Block, CalloutKind,
    CancerType, Date, DecodeError, GlossaryDoc, Hub, IndexDoc, Inline, LinkKind, PageRef, Source, TopicDoc,
    TopicSummary, SCHEMA_VERSION,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `test` on `cases` values of `strategy`, fails with the minimal failing input, and
/// prints the number of cases run.
fn check<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut config = Config { cases, failure_persistence: None, ..Config::default() };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x00ca_7f00_d5ee_d001);
    }
    let n = AtomicUsize::new(0);
    let result = TestRunner::new(config).run(&strategy, |value| {
        n.fetch_add(1, Ordering::Relaxed);
        test(value)
    });
    if let Err(e) = result {
        panic!("props: {name}: {e}");
    }
    println!("props: {name}: {} cases, no panic", n.load(Ordering::Relaxed));
}

// ---------------------------------------------------------------------------------------
// Valid documents to start from.

fn date(iso: &str) -> Date {
    Date { iso: iso.into(), display: format!("display of {iso}") }
}

/// One of every block and inline node, with some non-ASCII text.
fn body() -> Vec<Block> {
    vec![
        Block::Heading { level: 2, id: "what-is-car-t".into(), content: vec![Inline::text("What is CAR-T?")] },
        Block::Paragraph {
            content: vec![
                Inline::text("A “living” drug — café, 細胞, 🧬. "),
                Inline::Strong { content: vec![Inline::text("Strong")] },
                Inline::Emphasis { content: vec![Inline::Strong { content: vec![Inline::text("both")] }] },
                Inline::Code("CD19".into()),
                Inline::LineBreak,
                Inline::Link { href: "/topics/basics".into(), content: vec![Inline::text("basics")] },
                Inline::Link { href: "https://www.fda.gov/x?a=1&b=2".into(), content: vec![Inline::text("FDA")] },
            ],
        },
        Block::Heading { level: 3, id: "steps".into(), content: vec![Inline::text("Steps")] },
        Block::List {
            ordered: true,
            items: vec![
                vec![Block::Paragraph { content: vec![Inline::text("one")] }],
                vec![Block::List { ordered: false, items: vec![vec![Block::Paragraph { content: vec![Inline::text("nested")] }]] }],
            ],
        },
        Block::Callout { kind: CalloutKind::Note, blocks: vec![Block::Paragraph { content: vec![Inline::text("note")] }] },
        Block::Callout { kind: CalloutKind::Tip, blocks: vec![] },
        Block::Callout { kind: CalloutKind::Warning, blocks: vec![Block::Quote { blocks: vec![] }] },
        Block::Table {
            caption: "Products".into(),
            head: vec![vec![Inline::text("Name")], vec![Inline::text("Target")]],
            rows: vec![vec![vec![Inline::text("Kymriah")], vec![Inline::Code("CD19".into())]], vec![vec![], vec![Inline::LineBreak]]],
        },
        Block::Quote { blocks: vec![Block::Paragraph { content: vec![Inline::text("\"quoted\" \\ text\n")] }] },
    ]
}

fn summary(slug: &str, types: &[CancerType], minutes: u32) -> ArticleSummary {
    ArticleSummary {
        slug: slug.into(),
        title: format!("Title of {slug}"),
        summary: "A summary.".into(),
        cancer_types: types.to_vec(),
        reading_minutes: minutes,
        published: date("2026-01-01"),
        last_reviewed: date("2026-01-10"),
    }
}

fn index_doc() -> IndexDoc {
    IndexDoc {
        schema: SCHEMA_VERSION,
        hub: Hub { title: "CAR-T".into(), summary: "About CAR-T.".into(), last_reviewed: date("2026-01-10"), body: body() },
        articles: vec![
            summary("one", &[CancerType::Lymphoma, CancerType::All], 3),
            summary("two", &[CancerType::Myeloma, CancerType::SolidTumors], 12),
        ],
        topics: vec![TopicSummary { slug: "basics".into(), title: "Basics".into(), summary: "The basics.".into(), article_count: 2 }],
    }
}

fn article_doc() -> ArticleDoc {
    ArticleDoc {
        schema: SCHEMA_VERSION,
        article: Article {
            slug: "one".into(),
            title: "An article".into(),
            summary: "A summary.".into(),
            cancer_types: vec![CancerType::Lymphoma, CancerType::SolidTumors],
            topics: vec![PageRef { slug: "basics".into(), title: "Basics".into() }],
            reading_minutes: 4,
            published: date("2026-01-01"),
            last_reviewed: date("2026-01-10"),
            next_review: date("2027-01-10"),
            review_basis: "Checked against the sources.".into(),
            body: body(),
            questions: vec!["What should I ask?".into(), "How long?".into()],
            checklist: true,
            sources: vec![Source { title: "One".into(), publisher: "FDA".into(), url: "https://www.fda.gov/one".into() }],
            related: vec![PageRef { slug: "two".into(), title: "Two".into() }],
        },
    }
}

/// Decodes `text` as every document type; `decode` must return, never panic.
fn decode_all(text: &str) {
    let _ = decode::<IndexDoc>(text);
    let _ = decode::<ArticleDoc>(text);
    let _ = decode::<TopicDoc>(text);
    let _ = decode::<GlossaryDoc>(text);
}

// ---------------------------------------------------------------------------------------
// (a) Arbitrary text.

/// Keys and values that occur in the documents, so random JSON reaches deep decoding paths.
const KEYS: &[&str] = &[
    "schema", "hub", "articles", "topics", "article", "topic", "terms", "slug", "term", "definition", "title",
    "summary", "body", "last_reviewed", "published", "next_review", "review_basis", "iso", "display", "cancer_types",
    "reading_minutes", "article_count", "questions", "sources", "publisher", "url", "related", "paragraph", "heading",
    "level", "id", "content", "list", "ordered", "items", "callout", "kind", "blocks", "table", "caption", "head",
    "rows", "quote", "text", "strong", "emphasis", "code", "link", "href", "line_break", "checklist",
];
const WORDS: &[&str] = &[
    "lymphoma", "all", "myeloma", "solid-tumors", "note", "tip", "warning", "line_break", "paragraph", "", "\u{0}",
    "é", "🧬", "\\", "\"",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..5).prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // non-finite becomes null
        prop::sample::select(WORDS).prop_map(Value::from),
        prop::sample::select(KEYS).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// A JSON object, usually with a known `"schema"` so decoding goes past the version probe.
fn json_doc() -> impl Strategy<Value = String> {
    (json_value(), prop::option::weighted(0.8, 0u64..=u64::from(SCHEMA_VERSION) + 1)).prop_map(|(v, schema)| {
        let mut v = match v {
            Value::Object(o) => Value::Object(o),
            other => {
                let mut o = serde_json::Map::new();
                o.insert("body".into(), other);
                Value::Object(o)
            }
        };
        if let Some(s) = schema {
            v["schema"] = Value::from(s);
        }
        v.to_string()
    })
}

/// Token soup: mostly JSON punctuation, literals and the documents' keys, often invalid.
fn json_ish() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "{", "}", "[", "]", ":", ",", "\"", "\"schema\"", "\"schema\":1", "1", "0", "-1", "4294967296", "1e999",
        "-0.0", "2.5", "null", "true", "false", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\", " ", "\n", "é", "🧬",
        "\"paragraph\"", "\"content\"", "\"text\"", "\"heading\"", "\"level\"", "\"lymphoma\"", "\"line_break\"",
    ];
    let token = prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(str::to_string),
        1 => prop::sample::select(KEYS).prop_map(|k| format!("\"{k}\"")),
        1 => any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    prop::collection::vec(token, 0..80).prop_map(|t| t.concat())
}

#[test]
fn decode_never_panics_on_random_bytes() {
    check("decode IndexDoc/ArticleDoc/TopicDoc/GlossaryDoc from random bytes", 2000, prop::collection::vec(any::<u8>(), 0..512), |bytes| {
        decode_all(&String::from_utf8_lossy(&bytes));
        Ok(())
    });
}

#[test]
fn decode_never_panics_on_random_strings() {
    check("decode every document type from random strings", 2000, any::<String>(), |s| {
        decode_all(&s);
        Ok(())
    });
}

#[test]
fn decode_never_panics_on_json_ish_text() {
    check("decode every document type from JSON-ish token soup", 2000, json_ish(), |s| {
        decode_all(&s);
        Ok(())
    });
}

#[test]
fn decode_never_panics_on_random_json_documents() {
    check("decode every document type from random JSON objects", 2000, json_doc(), |s| {
        decode_all(&s);
        let schema = serde_json::from_str::<Value>(&s).unwrap()["schema"].as_u64();
        if let Some(n) = schema.and_then(|n| u32::try_from(n).ok()).filter(|n| *n != SCHEMA_VERSION) {
            prop_assert_eq!(decode::<IndexDoc>(&s), Err(DecodeError::UnsupportedVersion(n)));
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------
// (b) Valid documents, mutated.

#[derive(Clone, Debug)]
enum Mutation {
    Truncate(Index),
    Delete(Index),
    Replace(Index, u8),
    Insert(Index, u8),
    /// Quotes the nth number after the schema: valid JSON, wrong shape.
    NumberToString(Index),
    /// `"schema":1` becomes `"schema":n`.
    Schema(u64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<Index>(), prop::sample::select(b"{}[]:,\"\\0123456789-.eE tnfu \x00\xff\xc3".to_vec()))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<Index>().prop_map(Mutation::NumberToString),
        any::<u64>().prop_map(Mutation::Schema),
        (0u64..4).prop_map(Mutation::Schema),
    ]
}

/// Byte ranges of the JSON numbers in `json` that are values (after `:`, `,` or `[`),
/// leaving out the schema number.
fn numbers(json: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < json.len() {
        let b = json[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if (b.is_ascii_digit() || b == b'-') && i > 0 && matches!(json[i - 1], b':' | b',' | b'[') {
            let start = i;
            while i < json.len() && matches!(json[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                i += 1;
            }
            if !json[..start].ends_with(b"\"schema\":") {
                out.push((start, i));
            }
            continue;
        }
        i += 1;
    }
    out
}

fn apply(json: &mut Vec<u8>, m: &Mutation) {
    match m {
        Mutation::Truncate(i) => json.truncate(i.index(json.len() + 1)),
        Mutation::Delete(i) if !json.is_empty() => {
            json.remove(i.index(json.len()));
        }
        Mutation::Replace(i, b) if !json.is_empty() => {
            let i = i.index(json.len());
            json[i] = *b;
        }
        Mutation::Insert(i, b) => json.insert(i.index(json.len() + 1), *b),
        Mutation::NumberToString(i) => {
            let found = numbers(json);
            if !found.is_empty() {
                let (start, end) = found[i.index(found.len())];
                json.insert(end, b'"');
                json.insert(start, b'"');
            }
        }
        Mutation::Schema(n) => {
            let text = String::from_utf8_lossy(json).replacen(&format!("\"schema\":{SCHEMA_VERSION}"), &format!("\"schema\":{n}"), 1);
            *json = text.into_bytes();
        }
        Mutation::Delete(_) | Mutation::Replace(..) => {}
    }
}

fn mutated<T: serde::Serialize>(doc: &T, mutations: &[Mutation]) -> String {
    let mut json = serde_json::to_vec(doc).unwrap();
    for m in mutations {
        apply(&mut json, m);
    }
    String::from_utf8_lossy(&json).into_owned()
}

#[test]
fn valid_documents_decode_to_themselves() {
    let index = index_doc();
    assert_eq!(decode::<IndexDoc>(&serde_json::to_string(&index).unwrap()), Ok(index));
    let article = article_doc();
    assert_eq!(decode::<ArticleDoc>(&serde_json::to_string(&article).unwrap()), Ok(article));
    // The mutation helper finds the numbers it should.
    let json = serde_json::to_vec(&index_doc()).unwrap();
    let found: Vec<&str> = numbers(&json).iter().map(|&(s, e)| std::str::from_utf8(&json[s..e]).unwrap()).collect();
    assert!(found.contains(&"12") && found.contains(&"3") && !found.is_empty(), "{found:?}");
}

#[test]
fn mutated_documents_never_panic() {
    let (index, article) = (index_doc(), article_doc());
    check("decode mutated IndexDoc/ArticleDoc", 2000, prop::collection::vec(mutation(), 1..5), |ms| {
        for text in [mutated(&index, &ms), mutated(&article, &ms)] {
            decode_all(&text);
        }
        Ok(())
    });
}

#[test]
fn another_schema_number_is_reported_as_unsupported() {
    let (index, article) = (index_doc(), article_doc());
    let strategy = (
        any::<u64>().prop_filter("not the current schema", |n| *n != u64::from(SCHEMA_VERSION)),
        prop::collection::vec(any::<Index>().prop_map(Mutation::NumberToString), 0..3),
    );
    check("mutated schema number is UnsupportedVersion (or Malformed past u32)", 2000, strategy, |(n, reshapes)| {
        let mut ms = reshapes.clone();
        ms.push(Mutation::Schema(n));
        let expected = |got: Result<(), DecodeError>| -> Result<(), TestCaseError> {
            match u32::try_from(n) {
                Ok(n) => prop_assert_eq!(got, Err(DecodeError::UnsupportedVersion(n))),
                Err(_) => prop_assert!(matches!(got, Err(DecodeError::Malformed(_))), "{:?}", got),
            }
            Ok(())
        };
        expected(decode::<IndexDoc>(&mutated(&index, &ms)).map(drop))?;
        expected(decode::<ArticleDoc>(&mutated(&article, &ms)).map(drop))?;
        // With the current schema the reshaped document is malformed, not accepted.
        if !reshapes.is_empty() {
            let got = decode::<IndexDoc>(&mutated(&index, &reshapes));
            prop_assert!(matches!(got, Err(DecodeError::Malformed(_))), "{:?}", got);
            let got = decode::<ArticleDoc>(&mutated(&article, &reshapes));
            prop_assert!(matches!(got, Err(DecodeError::Malformed(_))), "{:?}", got);
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------
// (c) The `?type=` query.

fn type_query() -> impl Strategy<Value = String> {
    const PARTS: &[&str] = &[
        "lymphoma", "all", "myeloma", "solid-tumors", "solid tumors", "ALL", "Lymphoma", ",", ",", " ", "\t", "%2C", "",
        "x", "é", "\u{a0}",
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PARTS), 0..12).prop_map(|p| p.concat()),
    ]
}

#[test]
fn parse_type_query_is_total_and_canonical() {
    assert_eq!(parse_type_query(None), vec![]);
    check("parse_type_query on arbitrary strings", 2000, type_query(), |s| {
        let types = parse_type_query(Some(&s));
        prop_assert!(types.len() <= 4, "{:?}", types);
        // Chip order, no repeats.
        prop_assert!(types.windows(2).all(|w| w[0] < w[1]), "{:?}", types);
        let names: Vec<&str> = s.split(',').map(str::trim).collect();
        for t in &types {
            prop_assert!(names.contains(&t.slug()), "{:?} from {:?}", t, s);
        }
        Ok(())
    });
}

#[test]
fn type_query_round_trips() {
    assert_eq!(type_query_value(&[]), None);
    let strategy = prop::sample::subsequence(CancerType::EVERY.to_vec(), 0..=4)
        .prop_flat_map(|x| (Just(x.clone()), Just([x.clone(), x].concat()).prop_shuffle(), 0..=4usize));
    check("parse_type_query(type_query_value(x)) == x", 2000, strategy, |(x, doubled, take)| {
        prop_assert_eq!(parse_type_query(type_query_value(&x).as_deref()), x.clone());
        // Order and repeats in the selection do not matter.
        let mut canonical: Vec<CancerType> = doubled.iter().take(take).copied().collect();
        prop_assert_eq!(type_query_value(&doubled), type_query_value(&x));
        canonical.sort();
        canonical.dedup();
        prop_assert_eq!(parse_type_query(type_query_value(&doubled[..take.min(doubled.len())]).as_deref()), canonical);
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------
// (d) Link safety.

const FORBIDDEN: &[&str] = &["javascript:", "data:", "vbscript:", "http:", "//"];

fn forbidden_prefix(href: &str) -> bool {
    let (lower, ascii) = (href.to_lowercase(), href.to_ascii_lowercase());
    FORBIDDEN.iter().any(|p| lower.starts_with(p) || ascii.starts_with(p))
}

/// What `classify_href` accepted must look like what it claims to be.
fn check_href(href: &str) -> Result<(), TestCaseError> {
    let kind = classify_href(href);
    if kind.is_some() {
        prop_assert!(!forbidden_prefix(href), "accepted {:?}", href);
        prop_assert!(!href.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\'), "accepted {:?}", href);
    }
    let lower = href.to_ascii_lowercase();
    match kind {
        Some(LinkKind::External) => {
            prop_assert!(["https://", "mailto:", "tel:"].iter().any(|p| lower.starts_with(p)), "external {:?}", href)
        }
        Some(LinkKind::Internal) => prop_assert!(href.starts_with('/') || href.starts_with('#'), "internal {:?}", href),
        None => {}
    }
    Ok(())
}

fn href() -> impl Strategy<Value = String> {
    const STARTS: &[&str] = &[
        "https://", "HTTPS://", "https:", "http://", "mailto:", "tel:", "/", "//", "///", "#", "/\\", "javascript:",
        "data:", "vbscript:", "\u{0}", " ", "\t/", "",
    ];
    prop_oneof![
        any::<String>(),
        (prop::sample::select(STARTS), "[ -~]{0,20}").prop_map(|(a, b)| format!("{a}{b}")),
        (prop::sample::select(STARTS), any::<String>()).prop_map(|(a, b)| format!("{a}{b}")),
    ]
}

/// A forbidden scheme in random case, then anything.
fn forbidden_href() -> impl Strategy<Value = String> {
    (prop::sample::select(FORBIDDEN), prop::collection::vec(any::<bool>(), 11), prop_oneof!["[ -~]{0,30}", any::<String>()])
        .prop_map(|(prefix, upper, rest)| {
            let prefix: String = prefix
                .chars()
                .zip(upper)
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            format!("{prefix}{rest}")
        })
}

#[test]
fn classify_href_never_accepts_unsafe_links() {
    check("classify_href on arbitrary strings", 2000, href(), |s| check_href(&s));
    check("classify_href on javascript:/data:/vbscript:/http:/// in any case", 2000, forbidden_href(), |s| {
        prop_assert_eq!(classify_href(&s), None, "{:?}", s);
        check_href(&s)
    });
}

/// Any page kind with a generated slug.
fn page() -> impl Strategy<Value = cart_model::Page> {
    use cart_model::Page;
    let slug = "[a-z0-9][a-z0-9-]{0,60}";
    prop_oneof![
        Just(Page::Hub),
        Just(Page::Topics),
        Just(Page::Glossary),
        Just(Page::NotFound),
        prop::sample::select(CancerType::EVERY.to_vec()).prop_map(Page::Type),
        slug.prop_map(Page::Article),
        slug.prop_map(Page::Topic),
    ]
}

#[test]
fn every_page_path_parses_back_to_its_page() {
    use cart_model::Page;
    check("Page::parse(page.path()) == page for generated pages", 2000, page(), |p| {
        prop_assert_eq!(Page::parse(&p.path()), Some(p.clone()));
        prop_assert_eq!(Page::parse(&format!("{}/", p.path())), Some(p.clone()), "one trailing slash");
        prop_assert_eq!(Page::parse(&format!("{}?type=all#x", p.path())), Some(p.clone()), "query and fragment");
        Ok(())
    });
    check("Page::parse never panics and never accepts a bad slug", 2000, any::<String>(), |s| {
        match Page::parse(&format!("/{}/{s}", cart_model::page::ARTICLES)) {
            Some(Page::Article(slug)) => prop_assert!(cart_model::is_slug(&slug)),
            Some(other) => prop_assert!(s.is_empty() || s.starts_with(['?', '#', '/']), "{other:?} from {s:?}"),
            None => {}
        }
        Ok(())
    });
}
