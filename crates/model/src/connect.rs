//! HL7 Infobutton requests (the URL-based "Context-Aware Knowledge Retrieval" that MedlinePlus
//! Connect answers): a portal or EHR links from a patient's diagnosis or medication code to
//! `/connect?mainSearchCriteria.v.cs=<code system OID>&mainSearchCriteria.v.c=<code>...`.
//! This module reads such a request and finds what the site has for each code in
//! `data/connect.json` (compiled from `content/connect.toml`), for the page and for tests.

use crate::{CancerType, Lang, PageRef};
use serde::{Deserialize, Serialize};

/// The code systems the hub answers for.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum CodeSystem {
    #[serde(rename = "icd10cm")]
    Icd10Cm,
    #[serde(rename = "snomedct")]
    SnomedCt,
    #[serde(rename = "rxnorm")]
    RxNorm,
}

impl CodeSystem {
    pub const EVERY: [CodeSystem; 3] = [Self::Icd10Cm, Self::SnomedCt, Self::RxNorm];

    /// The OID an Infobutton request names it by (`mainSearchCriteria.v.cs`).
    pub fn oid(self) -> &'static str {
        match self {
            Self::Icd10Cm => "2.16.840.1.113883.6.90",
            Self::SnomedCt => "2.16.840.1.113883.6.96",
            Self::RxNorm => "2.16.840.1.113883.6.88",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Icd10Cm => "ICD-10-CM",
            Self::SnomedCt => "SNOMED CT",
            Self::RxNorm => "RxNorm",
        }
    }

    pub fn from_oid(oid: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|s| s.oid() == oid.trim())
    }

    /// A code as this system writes it, or `None` if it cannot be one: ICD-10-CM
    /// "C83.38" (upper case; the dot may be left out, as some systems send it), SNOMED CT and
    /// RxNorm ids are digits.
    pub fn normalize(self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        match self {
            Self::Icd10Cm => {
                let flat: String = raw.chars().filter(|c| *c != '.').collect::<String>().to_ascii_uppercase();
                let ok = (3..=7).contains(&flat.len())
                    && flat.starts_with(|c: char| c.is_ascii_uppercase())
                    && flat[1..3].chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                    && flat[1..2].chars().all(|c| c.is_ascii_digit())
                    && flat.chars().all(|c| c.is_ascii_alphanumeric())
                    && raw.matches('.').count() <= 1
                    && (!raw.contains('.') || raw.find('.') == Some(3));
                ok.then(|| if flat.len() > 3 { format!("{}.{}", &flat[..3], &flat[3..]) } else { flat })
            }
            Self::SnomedCt | Self::RxNorm => {
                let ok = (1..=18).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_digit()) && !raw.starts_with('0');
                ok.then(|| raw.to_string())
            }
        }
    }

    /// Whether `entry` (a mapped code) covers `code`: ICD-10-CM codes cover every code under
    /// them ("C83.3" covers "C83.38"); the others cover themselves only.
    pub fn covers(self, entry: &str, code: &str) -> bool {
        match self {
            // Normalised codes: a prefix is always a whole category ("C82") or a code with
            // its dot ("C83.3"), so starting with it means being under it.
            Self::Icd10Cm => code.starts_with(entry),
            Self::SnomedCt | Self::RxNorm => entry == code,
        }
    }
}

/// `data/connect.json` (and `data/<lang>/connect.json`): every mapped code with what it leads
/// to, in that edition's words. Documented in the README for portals that resolve codes on
/// their own server.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ConnectDoc {
    pub schema: u32,
    pub codes: Vec<CodeEntry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct CodeEntry {
    pub system: CodeSystem,
    /// The code, covering every code under it for ICD-10-CM.
    pub code: String,
    /// The code system's own name for it.
    pub display: String,
    /// A disorder's cancer type (its chip).
    #[serde(default)]
    pub cancer_type: Option<CancerType>,
    /// A product's facts, for medication codes.
    #[serde(default)]
    pub product: Option<ProductFacts>,
    /// What to read, first things first: the mapping's own picks, then the rest of the
    /// cancer type's articles in journey order.
    pub articles: Vec<PageRef>,
    pub topics: Vec<PageRef>,
}

/// One product's facts from `products.toml`, in the edition's words.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct ProductFacts {
    pub id: String,
    pub brand: String,
    pub generic: String,
    pub target: String,
    pub dosing: String,
    pub stay_near_weeks: u32,
    pub no_driving_weeks: u32,
    /// Approved uses with their month of approval.
    pub uses: Vec<String>,
}

impl ConnectDoc {
    /// The entry that answers for `code` (already normalised) in `system`: the most specific.
    pub fn resolve(&self, system: CodeSystem, code: &str) -> Option<&CodeEntry> {
        self.codes.iter().filter(|e| e.system == system && system.covers(&e.code, code)).max_by_key(|e| e.code.len())
    }
}

/// One code of a request.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RequestedCode {
    pub system: CodeSystem,
    pub code: String,
    /// `mainSearchCriteria.v.dn`: the name the sender gave, shown when we have nothing.
    pub display: Option<String>,
}

/// A request as the page reads it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Request {
    pub codes: Vec<RequestedCode>,
    /// `informationRecipient.languageCode.c`, if it names an edition.
    pub lang: Option<Lang>,
}

/// What is wrong with a request, naming the parameter.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum RequestError {
    /// No `mainSearchCriteria.v.c` at all.
    NoCode,
    /// A code without its code system (`param` is the missing one).
    MissingSystem { param: String },
    /// A code system this hub does not know.
    UnknownSystem { param: String, value: String },
    /// A value that cannot be a code of its system.
    Malformed { param: String, value: String, system: CodeSystem },
}

impl RequestError {
    /// The parameter at fault.
    pub fn param(&self) -> &str {
        match self {
            Self::NoCode => C,
            Self::MissingSystem { param } | Self::UnknownSystem { param, .. } | Self::Malformed { param, .. } => param,
        }
    }
}

const C: &str = "mainSearchCriteria.v.c";
const CS: &str = "mainSearchCriteria.v.cs";
const DN: &str = "mainSearchCriteria.v.dn";
pub const LANGUAGE_PARAM: &str = "informationRecipient.languageCode.c";
/// How many numbered codes (`.c1` ... ) a request may carry.
pub const MAX_CODES: usize = 20;

/// Reads a request from its query parameters (`get` returns a parameter's value). Other
/// parameters of the standard (task context, performer, ...) are ignored.
pub fn parse_request(get: impl Fn(&str) -> Option<String>) -> Result<Request, RequestError> {
    let mut codes = Vec::new();
    for n in 0..=MAX_CODES {
        let suffix = if n == 0 { String::new() } else { n.to_string() };
        let (c, cs, dn) = (format!("{C}{suffix}"), format!("{CS}{suffix}"), format!("{DN}{suffix}"));
        let Some(raw) = get(&c).filter(|v| !v.trim().is_empty()) else { continue };
        // A numbered code may lean on the request's unnumbered code system.
        let (cs_param, oid) = match get(&cs).filter(|v| !v.trim().is_empty()) {
            Some(oid) => (cs, oid),
            None => match get(CS).filter(|v| !v.trim().is_empty()) {
                Some(oid) if n > 0 => (CS.to_string(), oid),
                _ => return Err(RequestError::MissingSystem { param: cs }),
            },
        };
        let system = CodeSystem::from_oid(&oid).ok_or_else(|| RequestError::UnknownSystem { param: cs_param, value: oid.clone() })?;
        let code = system.normalize(&raw).ok_or_else(|| RequestError::Malformed { param: c.clone(), value: raw.clone(), system })?;
        codes.push(RequestedCode { system, code, display: get(&dn).map(|d| d.trim().to_string()).filter(|d| !d.is_empty()) });
    }
    if codes.is_empty() {
        return Err(RequestError::NoCode);
    }
    let lang = get(LANGUAGE_PARAM).and_then(|l| Lang::from_code(&l));
    Ok(Request { codes, lang })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn request(pairs: &[(&str, &str)]) -> Result<Request, RequestError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        parse_request(|k| map.get(k).cloned())
    }

    #[test]
    fn codes_are_normalised_per_system() {
        assert_eq!(CodeSystem::Icd10Cm.normalize("c8338").as_deref(), Some("C83.38"));
        assert_eq!(CodeSystem::Icd10Cm.normalize(" C83.3A ").as_deref(), Some("C83.3A"));
        assert_eq!(CodeSystem::Icd10Cm.normalize("C82").as_deref(), Some("C82"));
        for bad in ["", "C8", "83.38", "C83.38.1", "C8.338", "C83-38", "CC3.38", "C83.38XXXX"] {
            assert_eq!(CodeSystem::Icd10Cm.normalize(bad), None, "{bad}");
        }
        assert_eq!(CodeSystem::RxNorm.normalize("2700168").as_deref(), Some("2700168"));
        for bad in ["", "27OO168", "-1", "0123", "1234567890123456789"] {
            assert_eq!(CodeSystem::SnomedCt.normalize(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_icd_code_covers_the_codes_under_it_and_no_others() {
        let s = CodeSystem::Icd10Cm;
        assert!(s.covers("C83.3", "C83.3") && s.covers("C83.3", "C83.38") && s.covers("C83.3", "C83.3A"));
        assert!(s.covers("C82", "C82.0") && s.covers("C82", "C82.99"));
        assert!(!s.covers("C83.3", "C83.4") && !s.covers("C83.3", "C83") && !s.covers("C82", "C83.0"));
        assert!(!CodeSystem::RxNorm.covers("1987402", "19874021"));
    }

    #[test]
    fn a_request_with_several_codes_and_a_language() {
        let r = request(&[
            (CS, "2.16.840.1.113883.6.90"),
            (C, "C83.38"),
            (DN, "Diffuse large B-cell lymphoma, lymph nodes of multiple sites"),
            ("mainSearchCriteria.v.c1", "C90.00"),
            ("mainSearchCriteria.v.cs2", "2.16.840.1.113883.6.88"),
            ("mainSearchCriteria.v.c2", "2700168"),
            (LANGUAGE_PARAM, "es"),
            ("taskContext.c.c", "PROBLISTREV"),
        ])
        .unwrap();
        assert_eq!(r.lang, Some(Lang::Es));
        let codes: Vec<(CodeSystem, &str)> = r.codes.iter().map(|c| (c.system, c.code.as_str())).collect();
        assert_eq!(codes, vec![(CodeSystem::Icd10Cm, "C83.38"), (CodeSystem::Icd10Cm, "C90.00"), (CodeSystem::RxNorm, "2700168")]);
        assert_eq!(r.codes[0].display.as_deref(), Some("Diffuse large B-cell lymphoma, lymph nodes of multiple sites"));
    }

    #[test]
    fn a_malformed_request_names_the_parameter() {
        assert_eq!(request(&[]).unwrap_err(), RequestError::NoCode);
        assert_eq!(request(&[(C, "C83.38")]).unwrap_err().param(), CS);
        let e = request(&[(CS, "2.16.840.1.113883.6.103"), (C, "200.7")]).unwrap_err();
        assert_eq!(e, RequestError::UnknownSystem { param: CS.into(), value: "2.16.840.1.113883.6.103".into() });
        let e = request(&[(CS, "2.16.840.1.113883.6.90"), (C, "lymphoma")]).unwrap_err();
        assert_eq!(e.param(), C);
        let e = request(&[(CS, "2.16.840.1.113883.6.90"), (C, "C83.38"), ("mainSearchCriteria.v.cs1", "2.16.840.1.113883.6.88"), ("mainSearchCriteria.v.c1", "x")]).unwrap_err();
        assert_eq!(e.param(), "mainSearchCriteria.v.c1");
        assert_eq!(request(&[(CS, "2.16.840.1.113883.6.90"), (C, "C83.38"), (LANGUAGE_PARAM, "fr")]).unwrap().lang, None);
    }
}
