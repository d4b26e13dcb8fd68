//! Languages and the words the site itself says (not the content: that is in `content/<lang>`).
//! Each language has one string table (`en.rs`, `es.rs`), a value of [`Strings`]: a missing
//! entry does not compile, and the tests check that no entry is empty, left in English, or
//! missing a `{placeholder}` its English twin has. The app, the compiler (product tables,
//! dates) and the prerenderer (messages for boot.js and portal.js) all read from here.
//!
//! Adding a language: a variant in [`Lang`], its table, and `content/<code>/`.

mod en;
mod es;

use crate::{CalloutKind, CancerType, Stage};

/// An edition of the site. English is the default and lives at the root; every other
/// language lives under `/<code>/` (pages) and `data/<code>/` (documents).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const EVERY: [Lang; 2] = [Self::En, Self::Es];
    /// The edition at the site's root, and the `x-default` for search engines.
    pub const DEFAULT: Lang = Self::En;

    /// The BCP 47 code, for `lang`, `hreflang` and `inLanguage`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// A language tag as browsers and HL7 send it ("es", "es-MX", "ES"): the edition for it.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::EVERY.into_iter().find(|l| l.code() == primary)
    }

    /// The path prefix of the edition's pages: "" for the default, "/es" for Spanish.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::En => "",
            Self::Es => "/es",
        }
    }

    /// The folder of the edition's documents under `data/` (and of its prerendered pages):
    /// "" or "es/".
    pub fn folder(self) -> &'static str {
        match self {
            Self::En => "",
            Self::Es => "es/",
        }
    }

    /// The language a site path (without the base) is in, and the path within that edition.
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in Self::EVERY {
            let prefix = lang.prefix();
            if prefix.is_empty() {
                continue;
            }
            if let Some(rest) = path.strip_prefix(prefix) {
                if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
                    let rest = if rest.starts_with('/') { rest } else { "/" };
                    return (lang, rest);
                }
            }
        }
        (Self::DEFAULT, path)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Self::En => &en::EN,
            Self::Es => &es::ES,
        }
    }
}

/// Replaces `{name}` in a template with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A cancer type's names: the chip, the full name (tags, screen readers), and the form
/// used inside a sentence.
#[derive(serde::Serialize)]
pub struct TypeNames {
    pub chip: &'static str,
    pub full: &'static str,
    pub in_sentence: &'static str,
}

/// Every word the site says outside the content, for one language.
#[derive(serde::Serialize)]
pub struct Strings {
    /// The language's own name, shown on the switch that leads to it ("Español").
    pub language_name: &'static str,
    /// What the site is about, for search engines (schema.org `MedicalTherapy`).
    pub therapy_name: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_topics: &'static str,
    pub nav_glossary: &'static str,
    pub contact_label: &'static str,
    pub footer_about: &'static str,
    pub footer_emergency: &'static str,
    /// The label of the language switch's list.
    pub languages_label: &'static str,
    /// "This page is also in Spanish": shown, in this language, to a reader whose browser
    /// prefers it, on the other edition's hub.
    pub offer_text: &'static str,
    pub offer_accept: &'static str,
    pub offer_dismiss: &'static str,

    /// `{what}` is one of the `what_*` below.
    pub loading: &'static str,
    pub load_failed_title: &'static str,
    pub load_failed_heading: &'static str,
    pub load_failed_others: &'static str,
    pub try_again: &'static str,
    pub what_index: &'static str,
    pub what_article: &'static str,
    pub what_topic: &'static str,
    pub what_topics: &'static str,
    pub what_glossary: &'static str,
    pub error_not_found: &'static str,
    pub error_network: &'static str,
    /// `{code}`: the HTTP status.
    pub error_http: &'static str,
    pub error_malformed: &'static str,
    pub error_version: &'static str,

    pub filter_types: &'static str,
    pub filter_stages: &'static str,
    pub articles_heading: &'static str,
    pub clear_filters: &'static str,
    pub about_label: &'static str,
    pub page_last_reviewed: &'static str,
    pub related_topics: &'static str,
    /// `{total}`
    pub count_all: &'static str,
    /// Under the cards: which of the matching articles are on screen ({from}, {to}, {n}).
    pub shown_range: &'static str,
    /// The link that adds the next page of cards ({n}: how many are not shown yet).
    pub show_more: &'static str,
    /// Back to the page before, on a page of the library of its own (without scripts).
    pub previous_page: &'static str,
    /// The navigation between pages of the library.
    pub pages_label: &'static str,
    /// A page of the library of its own: "{title}, page {n} of {pages}".
    pub page_title: &'static str,
    /// Its heading under the listing's title: "Page {n} of {pages}".
    pub page_of: &'static str,
    /// `{n}`, `{total}`
    pub count_some: &'static str,
    /// `{names}`
    pub count_types: &'static str,
    /// `{names}`
    pub count_stages: &'static str,
    /// Joins names in the counts: " or ".
    pub or: &'static str,
    pub empty_title: &'static str,
    pub empty_before: &'static str,
    pub empty_link: &'static str,
    pub empty_after: &'static str,
    pub for_every_type: &'static str,

    pub start_here: &'static str,
    pub path_patient: &'static str,
    pub path_caregiver: &'static str,
    /// `{done}`, `{total}`
    pub path_progress: &'static str,
    pub path_read_mark: &'static str,
    pub progress_private: &'static str,
    pub clear_progress: &'static str,

    /// `{type}`
    pub written_for: &'static str,
    pub cancer_types_label: &'static str,
    /// `{n}`
    pub min_read: &'static str,
    pub updated: &'static str,

    pub reading_time: &'static str,
    /// `{n}`
    pub minutes: &'static str,
    pub published: &'static str,
    pub last_reviewed: &'static str,
    pub next_review: &'static str,
    pub questions_title: &'static str,
    pub disclaimer_label: &'static str,
    pub disclaimer_strong: &'static str,
    pub disclaimer_rest: &'static str,
    pub on_this_page: &'static str,
    pub next_in_journey: &'static str,
    pub sources: &'static str,
    pub opens_other_site: &'static str,
    /// `{n}`: a citation's accessible name.
    pub source_n: &'static str,
    pub see_also_label: &'static str,
    pub topics: &'static str,
    pub related_articles: &'static str,

    pub all_topics: &'static str,
    /// `{count}`
    pub topic_articles: &'static str,
    pub topics_lede: &'static str,
    pub article_count_one: &'static str,
    /// `{n}`
    pub article_count: &'static str,
    pub glossary_title: &'static str,
    pub glossary_lede: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub not_found_link: &'static str,
    pub not_found_after: &'static str,

    /// `{stage}`
    pub meta_stage_title: &'static str,
    /// `{stage}`
    pub meta_stage_description: &'static str,
    /// `{type}`
    pub meta_type_title: &'static str,
    /// `{type}`
    pub meta_type_description: &'static str,
    pub meta_topics_description: &'static str,
    pub meta_glossary_title: &'static str,
    pub meta_glossary_description: &'static str,
    pub meta_not_found_title: &'static str,
    pub meta_not_found_description: &'static str,

    pub types: [TypeNames; 4],
    pub stages: [&'static str; 5],
    pub callout_note: &'static str,
    pub callout_tip: &'static str,
    pub callout_warning: &'static str,

    /// Month names, January first; `date` places `{day}`, `{month}`, `{year}`.
    pub months: [&'static str; 12],
    pub date: &'static str,
    /// `{month}`, `{year}`
    pub month_year: &'static str,

    // The page for codes from a patient's record (`/connect`, HL7 Infobutton).
    pub what_connect: &'static str,
    pub connect_title: &'static str,
    pub connect_description: &'static str,
    pub connect_lede: &'static str,
    pub connect_codes_label: &'static str,
    /// `{system}`, `{code}`
    pub connect_code: &'static str,
    pub connect_no_match: &'static str,
    pub connect_none_title: &'static str,
    pub connect_none_text: &'static str,
    pub connect_bad_title: &'static str,
    /// `{param}`
    pub connect_bad_no_code: &'static str,
    /// `{param}`
    pub connect_bad_missing_system: &'static str,
    /// `{param}`, `{value}`
    pub connect_bad_unknown_system: &'static str,
    /// `{param}`, `{value}`, `{system}`
    pub connect_bad_malformed: &'static str,
    pub connect_read_first: &'static str,
    /// `{type}`
    pub connect_all_of_type: &'static str,
    pub connect_approved_for: &'static str,
    /// The search field's label (in the header and on the search page).
    pub search_label: &'static str,
    /// The header's search form, for screen readers.
    pub search_header_landmark: &'static str,
    pub search_button: &'static str,
    pub what_search: &'static str,
    pub search_title: &'static str,
    pub search_description: &'static str,
    pub search_types_label: &'static str,
    pub search_searching: &'static str,
    /// The query is shorter than `search::MIN_QUERY_CHARS`.
    pub search_too_short: &'static str,
    /// `{q}`
    pub search_count_one: &'static str,
    /// `{n}`, `{q}`
    pub search_count: &'static str,
    /// Added after the count when chips are on. `{types}`
    pub search_count_types: &'static str,
    pub search_empty_title: &'static str,
    pub search_empty_text: &'static str,
    /// `{q}`
    pub search_none_title: &'static str,
    pub search_none_text: &'static str,
    pub search_failed: &'static str,
    /// `{n}`: how many are not shown yet.
    pub search_more: &'static str,
    /// What each result is: an article, a topic, a glossary word.
    pub search_kinds: [&'static str; 3],

    // Product tables (written by the content compiler).
    /// `{type}`, `{as_of}`
    pub products_caption_type: &'static str,
    /// `{as_of}`
    pub products_caption: &'static str,
    pub products_head: [&'static str; 3],
    pub monitoring_caption: &'static str,
    pub monitoring_head: [&'static str; 5],
    pub at_least_one_week: &'static str,
    /// `{n}`
    pub at_least_weeks: &'static str,
    pub rems_ended: &'static str,
    pub rems_never: &'static str,

    // boot.js and portal.js (handed to them by each page, see the prerenderer).
    pub boot_failure_title: &'static str,
    pub boot_failure_text: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_reload: &'static str,
    pub portal_refused_title: &'static str,
    pub portal_refused_text: &'static str,
    pub portal_open: &'static str,
    // offline.js
    pub offline_banner: &'static str,
    pub offline_not_saved: &'static str,
    pub offline_nothing_saved: &'static str,
    /// `{kb}`
    pub offline_save: &'static str,
    /// `{done}`, `{total}`
    pub offline_saving: &'static str,
    /// `{n}`, `{kb}`
    pub offline_saved: &'static str,
    pub offline_save_failed: &'static str,
    pub offline_remove: &'static str,
    pub update_available: &'static str,
    pub update_reload: &'static str,
    pub page_changed: &'static str,
}

impl Strings {
    pub fn cancer_type(&self, t: CancerType) -> &TypeNames {
        &self.types[t.index()]
    }

    pub fn stage(&self, s: Stage) -> &'static str {
        self.stages[s.index()]
    }

    pub fn callout(&self, k: CalloutKind) -> &'static str {
        match k {
            CalloutKind::Note => self.callout_note,
            CalloutKind::Tip => self.callout_tip,
            CalloutKind::Warning => self.callout_warning,
        }
    }

    /// "1 December 2026", "1 de diciembre de 2026".
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let m = self.months.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
        fill(self.date, &[("day", &day.to_string()), ("month", m), ("year", &year.to_string())])
    }

    pub fn month_year(&self, year: i32, month: u32) -> String {
        let m = self.months.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
        fill(self.month_year, &[("month", m), ("year", &year.to_string())])
    }

    /// The messages boot.js, portal.js and offline.js show, by the names they look them up with.
    pub fn script_messages(&self) -> [(&'static str, &'static str); 19] {
        [
            ("bootFailureTitle", self.boot_failure_title),
            ("bootFailureText", self.boot_failure_text),
            ("crashTitle", self.crash_title),
            ("crashText", self.crash_text),
            ("crashReload", self.crash_reload),
            ("portalRefusedTitle", self.portal_refused_title),
            ("portalRefusedText", self.portal_refused_text),
            ("portalOpen", self.portal_open),
            ("offlineBanner", self.offline_banner),
            ("offlineNotSaved", self.offline_not_saved),
            ("offlineNothingSaved", self.offline_nothing_saved),
            ("offlineSave", self.offline_save),
            ("offlineSaving", self.offline_saving),
            ("offlineSaved", self.offline_saved),
            ("offlineSaveFailed", self.offline_save_failed),
            ("offlineRemove", self.offline_remove),
            ("updateAvailable", self.update_available),
            ("updateReload", self.update_reload),
            ("pageChanged", self.page_changed),
        ]
    }
}

#[cfg(test)]
mod tests;
