//! Where a reader is in the treatment journey: the hub's second facet, and the order the
//! library is read in (stage, then the editor's order within it, never the alphabet).

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Understanding,
    Deciding,
    Preparing,
    Treatment,
    Recovery,
}

impl Stage {
    pub const EVERY: [Stage; 5] = [Self::Understanding, Self::Deciding, Self::Preparing, Self::Treatment, Self::Recovery];

    /// The form used in URLs, front matter and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Understanding => "understanding",
            Self::Deciding => "deciding",
            Self::Preparing => "preparing",
            Self::Treatment => "treatment",
            Self::Recovery => "recovery",
        }
    }

    /// The position in `EVERY` (and in each string table's `stages`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The chip and heading label.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        lang.strings().stage(self)
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|t| t.slug() == s)
    }
}
