//! The Infobutton mappings of the real content: every mapped code, and the codes at the edge
//! of each ICD-10-CM range, resolve to the intended entry in both editions; codes just outside
//! do not; the README's table is the one the mapping file makes.

use cart_model::{CodeSystem, ConnectDoc};
use std::path::Path;

fn content() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn docs() -> Vec<ConnectDoc> {
    let site = cart_content::compile(content()).unwrap_or_else(|e| panic!("{e:?}"));
    site.editions().map(|e| e.connect.clone()).collect()
}

/// Codes under an ICD-10-CM entry at the edges of its range ("C82" -> C82.0, C82.99;
/// "C83.3" -> C83.30, C83.3A), and codes just outside it.
fn edges(code: &str) -> (Vec<String>, Vec<String>) {
    let (inside, outside_tail) = if code.len() == 3 { (vec![format!("{code}.0"), format!("{code}.99")], code) } else { (vec![format!("{code}0"), format!("{code}A")], code) };
    let last = outside_tail.chars().last().unwrap();
    let next = if last == '9' { 'A' } else { char::from_u32(last as u32 + 1).unwrap() };
    let sibling = format!("{}{next}", &outside_tail[..outside_tail.len() - 1]);
    (inside, vec![sibling])
}

#[test]
fn every_mapped_code_and_range_edge_resolves_to_its_entry_in_every_edition() {
    let docs = docs();
    assert_eq!(docs.len(), 2, "English and Spanish");
    let mut checked = 0;
    for doc in &docs {
        assert!(doc.codes.len() >= 20, "{}", doc.codes.len());
        for entry in &doc.codes {
            let hit = doc.resolve(entry.system, &entry.code).expect("a mapped code resolves");
            assert_eq!(hit.code, entry.code);
            assert!(!entry.articles.is_empty(), "{} leads somewhere", entry.code);
            checked += 1;
            if entry.system == CodeSystem::Icd10Cm {
                let (inside, outside) = edges(&entry.code);
                for code in inside {
                    assert_eq!(doc.resolve(entry.system, &code).map(|e| e.code.as_str()), Some(entry.code.as_str()), "{code} is under {}", entry.code);
                    checked += 1;
                }
                for code in outside {
                    assert_ne!(doc.resolve(entry.system, &code).map(|e| e.code.as_str()), Some(entry.code.as_str()), "{code} is not under {}", entry.code);
                }
            }
        }
    }
    println!("connect: {checked} codes resolved");
}

#[test]
fn a_disorder_leads_to_its_type_article_first_and_a_product_to_its_facts() {
    let docs = docs();
    let en = &docs[0];
    let dlbcl = en.resolve(CodeSystem::Icd10Cm, "C83.38").unwrap();
    assert_eq!(dlbcl.articles[0].slug, "car-t-for-lymphoma");
    assert_eq!(dlbcl.cancer_type, Some(cart_model::CancerType::Lymphoma));
    let myeloma = en.resolve(CodeSystem::SnomedCt, "109989006").unwrap();
    assert_eq!(myeloma.articles[0].slug, "car-t-for-multiple-myeloma");
    let aucatzyl = en.resolve(CodeSystem::RxNorm, "2700168").unwrap().product.as_ref().unwrap();
    assert_eq!((aucatzyl.brand.as_str(), aucatzyl.stay_near_weeks, aucatzyl.no_driving_weeks), ("Aucatzyl", 4, 8));
    let es = &docs[1];
    let facts = es.resolve(CodeSystem::RxNorm, "2700168").unwrap().product.as_ref().unwrap();
    assert!(facts.dosing.starts_with("Dos infusiones"), "{}", facts.dosing);
    assert_eq!(es.resolve(CodeSystem::Icd10Cm, "C91.00").unwrap().articles[0].title, "Terapia de células CAR-T para la leucemia linfoblástica aguda (LLA)");
    assert!(en.resolve(CodeSystem::Icd10Cm, "C50.911").is_none(), "breast cancer is not mapped");
}

#[test]
fn the_readme_lists_every_supported_code() {
    let mappings = cart_content::connect::load(&content().join("connect.toml")).unwrap();
    let table = cart_content::connect::table(&mappings);
    let readme = std::fs::read_to_string(content().join("../README.md")).unwrap();
    let start = readme.find("<!-- codes:start -->").expect("README has the codes table markers") + "<!-- codes:start -->\n".len();
    let end = readme.find("<!-- codes:end -->").unwrap();
    assert_eq!(&readme[start..end], table, "README's code table is stale: paste `cargo run -p cart-content -- codes content` between the markers");
}
