use super::*;
use serde_json::Value;

/// Every entry of a table as (path, text), found through serde so no entry can be skipped.
fn entries(s: &Strings) -> Vec<(String, String)> {
    fn walk(path: String, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((path, s.clone())),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| walk(format!("{path}[{i}]"), v, out)),
            Value::Object(o) => o.iter().for_each(|(k, v)| walk(format!("{path}.{k}"), v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), &serde_json::to_value(s).expect("strings serialize"), &mut out);
    out
}

fn placeholders(s: &str) -> Vec<String> {
    let mut names: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
    names.sort();
    names
}

/// Entries that are the same word in both languages.
const SAME_IN_BOTH: &[&str] = &[".callout_warning"];

#[test]
fn every_language_has_every_entry_filled_translated_and_with_the_same_placeholders() {
    let english = entries(Lang::En.strings());
    assert!(english.len() > 120, "{}", english.len());
    for lang in Lang::EVERY.into_iter().filter(|l| *l != Lang::En) {
        let other = entries(lang.strings());
        assert_eq!(other.len(), english.len(), "{lang:?}: entries missing");
        for ((key, en), (key2, text)) in english.iter().zip(&other) {
            assert_eq!(key, key2);
            assert!(!text.trim().is_empty(), "{lang:?}{key} is empty");
            assert_eq!(placeholders(en), placeholders(text), "{lang:?}{key}: placeholders differ");
            if en == text && !SAME_IN_BOTH.contains(&key.as_str()) && !en.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
                panic!("{lang:?}{key} is still in English: \"{text}\"");
            }
        }
    }
}

#[test]
fn language_tags_and_paths() {
    assert_eq!(Lang::from_code("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_code("ES"), Some(Lang::Es));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::split_path("/es/articles/x"), (Lang::Es, "/articles/x"));
    assert_eq!(Lang::split_path("/es"), (Lang::Es, "/"));
    assert_eq!(Lang::split_path("/es/"), (Lang::Es, "/"));
    assert_eq!(Lang::split_path("/es?type=all"), (Lang::Es, "/"));
    assert_eq!(Lang::split_path("/essay"), (Lang::En, "/essay"));
    assert_eq!(Lang::split_path("/articles/x"), (Lang::En, "/articles/x"));
}

#[test]
fn dates_read_naturally() {
    assert_eq!(Lang::En.strings().date(2026, 12, 1), "1 December 2026");
    assert_eq!(Lang::Es.strings().date(2026, 12, 1), "1 de diciembre de 2026");
    assert_eq!(Lang::Es.strings().month_year(2025, 6), "junio de 2025");
}
