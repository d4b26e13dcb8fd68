//! `content/products.toml`: each approved CAR-T product's facts in one place (names, target,
//! approved uses with dates, dosing, the monitoring limits on its current label, REMS
//! status), each tied to a source. Articles show them through directives, so a label change
//! is one edit:
//!
//! - `{{products}}`: every product, its target and approved uses;
//! - `{{products <type>}}`: the products approved for one cancer type (`lymphoma`, `all`, ...);
//! - `{{monitoring}}`: how long to stay near the center and not drive, dosing and REMS, per product.
//!
//! A directive is a paragraph of its own. The sources the table cites are added to the page's
//! source list. An article that names a cell therapy (a generic name ending in "leucel")
//! that the file does not describe stops the build.

use crate::dates::Day;
use crate::error::{ContentError, Result};
use crate::front_matter::SourceFront;
use cart_model::{fill, Block, CancerType, Inline, Lang, Source};
use std::collections::BTreeMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Products {
    pub as_of: String,
    pub sources: Vec<SourceFront>,
    pub products: Vec<Product>,
    /// Cell therapies that are not CAR-T (named in articles, never in CAR-T tables).
    #[serde(default)]
    pub other_cell_therapies: Vec<OtherTherapy>,
    #[serde(skip)]
    file: PathBuf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub id: String,
    pub brand: String,
    pub generic: String,
    pub target: String,
    pub dosing: String,
    /// `dosing` in the other editions' languages: `dosing_in = { es = "..." }`.
    #[serde(default)]
    pub dosing_in: BTreeMap<String, String>,
    pub rems: String,
    pub stay_near_weeks: u32,
    pub no_driving_weeks: u32,
    pub source: String,
    pub uses: Vec<Use>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Use {
    pub cancer_type: String,
    #[serde(rename = "use")]
    pub text: String,
    /// `use` in the other editions' languages: `use_in = { es = "..." }`.
    #[serde(default)]
    pub use_in: BTreeMap<String, String>,
    pub approved: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherTherapy {
    pub brand: String,
    pub generic: String,
    pub kind: String,
    pub source: String,
}

/// Reads and checks the file; a missing file is an empty one (no directives may be used).
pub fn load(file: &Path, today: Day) -> Result<Products> {
    let Some((mut products, text)) = crate::front_matter::read_toml::<Products>(file)? else {
        return Ok(Products { file: file.into(), ..Products::default() });
    };
    products.file = file.into();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1).unwrap_or(1);
    products.validate(today).map_err(|(needle, reason)| ContentError::new(file, line_of(&needle), reason))?;
    Ok(products)
}

impl Products {
    /// Every id and date well-formed, every source named exists. Errors carry a text to
    /// find the line by.
    fn validate(&self, today: Day) -> std::result::Result<(), (String, String)> {
        Day::parse(&self.as_of).map_err(|r| ("as_of".to_string(), format!("as_of: {r}")))?;
        for s in &self.sources {
            let id = s.id.as_deref().unwrap_or("");
            if !cart_model::is_slug(id) || !s.url.starts_with("https://") {
                return Err((s.url.clone(), format!("source \"{}\" needs an id (lower-case, hyphens) and an https url", s.title)));
            }
        }
        let known = |id: &str| self.sources.iter().any(|s| s.id.as_deref() == Some(id));
        for p in &self.products {
            let here = format!("id = \"{}\"", p.id);
            if !cart_model::is_slug(&p.id) || !["removed", "never"].contains(&p.rems.as_str()) || !known(&p.source) {
                return Err((here, format!("product \"{}\": id must be a slug, rems \"removed\" or \"never\", source a listed id", p.brand)));
            }
            for u in &p.uses {
                let day = Day::parse(&u.approved).map_err(|r| (u.text.clone(), format!("{}: approved: {r}", p.brand)))?;
                if day > today || CancerType::from_slug(&u.cancer_type).is_none() || !known(&u.source) {
                    return Err((u.text.clone(), format!("{}: a use needs a past date, a cancer type and a listed source", p.brand)));
                }
            }
        }
        for o in &self.other_cell_therapies {
            if !known(&o.source) {
                return Err((o.generic.clone(), format!("{}: source \"{}\" is not listed", o.brand, o.source)));
            }
        }
        Ok(())
    }

    fn source(&self, id: &str) -> Option<&SourceFront> {
        self.sources.iter().find(|s| s.id.as_deref() == Some(id))
    }

    fn as_of(&self, lang: Lang) -> String {
        Day::parse(&self.as_of).map(|d| month_year(&d, lang)).unwrap_or_default()
    }

    /// `(line, reason)` for each cell therapy an article names that this file lacks.
    pub fn unknown_products(&self, body: &str, first_line: usize) -> Vec<(usize, String)> {
        let known: Vec<String> = self
            .products
            .iter()
            .map(|p| p.generic.as_str())
            .chain(self.other_cell_therapies.iter().map(|o| o.generic.as_str()))
            .filter_map(|g| g.split_whitespace().last().map(str::to_lowercase))
            .collect();
        let mut found = Vec::new();
        for (i, line) in body.lines().enumerate() {
            for word in line.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_lowercase) {
                if word.ends_with("leucel") && !known.contains(&word) {
                    let reason = format!("names \"{word}\", a cell therapy that {} does not describe: add its facts there", self.file.display());
                    found.push((first_line + i, reason));
                }
            }
        }
        found
    }
}

fn month_year(day: &Day, lang: Lang) -> String {
    lang.strings().month_year(day.year, day.month)
}

/// A product's text in an edition's language: the English field, or its translation (a
/// missing translation is an error naming the field to add).
fn in_lang<'a>(english: &'a str, translations: &'a BTreeMap<String, String>, lang: Lang, what: &str) -> std::result::Result<&'a str, String> {
    if lang == Lang::DEFAULT {
        return Ok(english);
    }
    translations
        .get(lang.code())
        .map(String::as_str)
        .ok_or_else(|| format!("products.toml has no {} text for {what}: add `{}` there", lang.code(), what))
}

impl Products {
    /// One product's facts in an edition's words (for the Infobutton answers).
    pub fn facts(&self, id: &str, lang: Lang) -> std::result::Result<cart_model::ProductFacts, String> {
        let p = self.products.iter().find(|p| p.id == id).ok_or_else(|| format!("no product \"{id}\" in products.toml"))?;
        let mut uses = Vec::new();
        for u in &p.uses {
            let text = in_lang(&u.text, &u.use_in, lang, &format!("use_in.{} of {} ({})", lang.code(), p.id, u.approved))?;
            let when = Day::parse(&u.approved).map(|d| month_year(&d, lang)).unwrap_or_default();
            uses.push(format!("{text} ({when})"));
        }
        Ok(cart_model::ProductFacts {
            id: p.id.clone(),
            brand: p.brand.clone(),
            generic: p.generic.clone(),
            target: p.target.clone(),
            dosing: in_lang(&p.dosing, &p.dosing_in, lang, &format!("dosing_in.{} of {}", lang.code(), p.id))?.to_string(),
            stay_near_weeks: p.stay_near_weeks,
            no_driving_weeks: p.no_driving_weeks,
            uses,
        })
    }
}

/// The directive a paragraph holds, if it is one: `{{name args}}`.
fn directive(block: &Block) -> Option<String> {
    let Block::Paragraph { content } = block else { return None };
    let text = Inline::plain_text(content);
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    Some(inner.trim().to_string())
}

/// Replaces the directives in an article's body with tables, and adds the sources they cite
/// to `sources` (by URL: a source the page already lists keeps its id). `Err` names a
/// directive that is not one.
pub fn expand(products: &Products, lang: Lang, blocks: &mut [Block], sources: &mut Vec<(String, Source)>) -> std::result::Result<(), String> {
    for block in blocks.iter_mut() {
        let Some(name) = directive(block) else { continue };
        let mut cite = |id: &str| cite_marker(products, id, sources);
        *block = match name.split_whitespace().collect::<Vec<_>>().as_slice() {
            ["products"] => products_table(products, lang, None, &mut cite)?,
            ["products", t] => {
                let t = CancerType::from_slug(t).ok_or(format!("unknown cancer type in {{{{{name}}}}}"))?;
                products_table(products, lang, Some(t), &mut cite)?
            }
            ["monitoring"] => monitoring_table(products, lang, &mut cite)?,
            _ => return Err(format!("unknown directive {{{{{name}}}}}: use {{{{products}}}}, {{{{products <type>}}}} or {{{{monitoring}}}}")),
        };
    }
    Ok(())
}

/// The page's marker for a products-file source, adding the source to the page if needed.
fn cite_marker(products: &Products, id: &str, sources: &mut Vec<(String, Source)>) -> String {
    let Some(s) = products.source(id) else { return String::new() };
    if let Some((page_id, _)) = sources.iter().find(|(_, page)| page.url == s.url) {
        return format!(" [@{page_id}]");
    }
    sources.push((id.to_string(), Source { title: s.title.clone(), publisher: s.publisher.clone(), url: s.url.clone() }));
    format!(" [@{id}]")
}

fn cell(text: String) -> Vec<Inline> {
    vec![Inline::Text(text)]
}

fn products_table(products: &Products, lang: Lang, only: Option<CancerType>, cite: &mut impl FnMut(&str) -> String) -> std::result::Result<Block, String> {
    let words = lang.strings();
    let mut rows = Vec::new();
    for p in &products.products {
        let mut uses = Vec::new();
        for u in p.uses.iter().filter(|u| only.is_none_or(|t| u.cancer_type == t.slug())) {
            let text = in_lang(&u.text, &u.use_in, lang, &format!("use_in.{} of {} ({})", lang.code(), p.id, u.approved))?;
            let when = Day::parse(&u.approved).map(|d| month_year(&d, lang)).unwrap_or_default();
            uses.push(format!("{text} ({when}){}", cite(&u.source)));
        }
        if !uses.is_empty() {
            rows.push(vec![cell(format!("{} ({})", p.brand, p.generic)), cell(p.target.clone()), cell(uses.join("; "))]);
        }
    }
    let as_of = products.as_of(lang);
    let caption = match only {
        Some(t) => fill(words.products_caption_type, &[("type", t.in_sentence(lang)), ("as_of", &as_of)]),
        None => fill(words.products_caption, &[("as_of", &as_of)]),
    };
    let head = words.products_head.iter().map(|h| cell(h.to_string())).collect();
    Ok(Block::Table { caption, head, rows })
}

fn monitoring_table(products: &Products, lang: Lang, cite: &mut impl FnMut(&str) -> String) -> std::result::Result<Block, String> {
    let words = lang.strings();
    let weeks = |n: u32| if n == 1 { words.at_least_one_week.to_string() } else { fill(words.at_least_weeks, &[("n", &n.to_string())]) };
    let mut rows = Vec::new();
    for p in &products.products {
        let rems = if p.rems == "removed" { words.rems_ended } else { words.rems_never };
        let dosing = in_lang(&p.dosing, &p.dosing_in, lang, &format!("dosing_in.{} of {}", lang.code(), p.id))?;
        rows.push(vec![
            cell(p.brand.clone()),
            cell(format!("{}{}", weeks(p.stay_near_weeks), cite(&p.source))),
            cell(weeks(p.no_driving_weeks)),
            cell(dosing.to_string()),
            cell(rems.to_string()),
        ]);
    }
    Ok(Block::Table {
        caption: fill(words.monitoring_caption, &[("as_of", &products.as_of(lang))]),
        head: words.monitoring_head.iter().map(|h| cell(h.to_string())).collect(),
        rows,
    })
}
