//! The library as the hub shows it, a page of cards at a time, at any size.
//!
//! The hub's first view carries one page of cards, never the whole library, so it weighs the
//! same at 16 articles and at 10,000. Filtering needs to know every article's facets, but not
//! its words: `library/facets.json` holds one small number per article (its cancer types and
//! stage), in library order, and `library/cards-<n>.json` holds the cards themselves in
//! chunks of `PER_PAGE`. A chip press reads the facets once, works out which articles match
//! and in what order (`arrange`), and fetches only the chunks holding the cards it shows.

use crate::filter::Selection;
use crate::page::Page;
use crate::{ArticleSummary, CancerType, Stage};
use serde::{Deserialize, Serialize};

/// Cards per page: the first view, each "Show more", and each page without scripts.
pub const PER_PAGE: usize = 12;
/// The facets document, relative to an edition's data folder.
pub const FACETS_FILE: &str = "library/facets.json";
/// The query key for how many pages are shown (`/?type=myeloma&page=3`: pages 1 to 3), and
/// the path segment of a page of its own without scripts (`/types/myeloma/page/3`).
pub const PAGE_KEY: &str = "page";

/// The chunk of cards holding library position `ordinal`, relative to the data folder.
pub fn cards_file(chunk: usize) -> String {
    format!("library/cards-{chunk}.json")
}

/// `library/facets.json`: per article, in library order, `facet_code`.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct FacetsDoc {
    pub schema: u32,
    pub facets: Vec<u16>,
}

/// `library/cards-<n>.json`: the cards at library positions `n * PER_PAGE` onwards.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct CardsDoc {
    pub schema: u32,
    pub articles: Vec<ArticleSummary>,
}

/// An article's facets as one number: a bit per cancer type (chip order), the stage above.
pub fn facet_code(a: &ArticleSummary) -> u16 {
    let types = a.cancer_types.iter().fold(0u16, |bits, t| bits | type_bit(*t));
    types | ((Stage::EVERY.iter().position(|s| *s == a.stage).unwrap_or(0) as u16) << 4)
}

fn type_bit(t: CancerType) -> u16 {
    1 << t.index()
}

impl Selection {
    /// `matches`, on an article's `facet_code`.
    pub fn matches_code(&self, code: u16) -> bool {
        let types = self.types.iter().fold(0u16, |bits, t| bits | type_bit(*t));
        let stage = Stage::EVERY.get(usize::from(code >> 4));
        (types == 0 || code & types != 0) && (self.stages.is_empty() || stage.is_some_and(|s| self.stages.contains(s)))
    }

    /// Whether the article is written for one of the selected cancers alone (its only type).
    pub fn written_for_code(&self, code: u16) -> bool {
        self.types.iter().any(|t| code & 0xf == type_bit(*t))
    }
}

/// The order the hub lists a selection in: library positions, each with whether the card
/// is written for a selected cancer. Those come first (the reader asked for that cancer);
/// the articles for every type follow. Both keep the library's journey order.
pub fn arrange(facets: &[u16], sel: &Selection) -> Vec<(usize, bool)> {
    let matching = facets.iter().enumerate().filter(|(_, code)| sel.matches_code(**code));
    let (specific, general): (Vec<_>, Vec<_>) = matching.map(|(i, code)| (i, sel.written_for_code(*code))).partition(|(_, w)| *w);
    specific.into_iter().chain(general).collect()
}

/// How many pages a list of `matching` cards takes (one, even when empty).
pub fn page_count(matching: usize) -> usize {
    matching.div_ceil(PER_PAGE).max(1)
}

/// What a hub page shows of the library: pages `first_page..=last_page` of a selection.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Shelf {
    /// Articles in the whole library.
    pub library: usize,
    /// Articles matching the selection.
    pub matching: usize,
    /// The position in the list of the first card shown (0 on the first page).
    pub offset: usize,
    pub cards: Vec<Card>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Card {
    pub article: ArticleSummary,
    /// Shown under a cancer-type chip and written for that cancer alone.
    pub written_for: bool,
}

impl Shelf {
    /// Cards not yet shown after these.
    pub fn remaining(&self) -> usize {
        self.matching.saturating_sub(self.offset + self.cards.len())
    }
}

/// The lists that have pages of their own without scripts: the whole library, and each
/// cancer type and stage (what a chip leads to). Other selections exist only with scripts.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Listing {
    All,
    Type(CancerType),
    Stage(Stage),
}

impl Listing {
    pub const fn every() -> [Listing; 10] {
        use CancerType as C;
        use Stage as S;
        [
            Self::All,
            Self::Type(C::Lymphoma),
            Self::Type(C::All),
            Self::Type(C::Myeloma),
            Self::Type(C::SolidTumors),
            Self::Stage(S::Understanding),
            Self::Stage(S::Deciding),
            Self::Stage(S::Preparing),
            Self::Stage(S::Treatment),
            Self::Stage(S::Recovery),
        ]
    }

    pub fn selection(self) -> Selection {
        match self {
            Self::All => Selection::default(),
            Self::Type(t) => Selection { types: vec![t], stages: vec![] },
            Self::Stage(s) => Selection { types: vec![], stages: vec![s] },
        }
    }

    /// The listing with a page of its own for this selection, if there is one.
    pub fn of(sel: &Selection) -> Option<Self> {
        match (sel.types.as_slice(), sel.stages.as_slice()) {
            ([], []) => Some(Self::All),
            ([t], []) => Some(Self::Type(*t)),
            ([], [s]) => Some(Self::Stage(*s)),
            _ => None,
        }
    }

    /// Page `n` (from 1) of this listing: the hub or chip page itself for the first.
    pub fn page(self, n: usize) -> Page {
        match (self, n) {
            (Self::All, 0 | 1) => Page::Hub,
            (Self::Type(t), 0 | 1) => Page::Type(t),
            (Self::Stage(s), 0 | 1) => Page::Stage(s),
            _ => Page::Paged(self, n),
        }
    }

    /// The path of this listing, without a page (`""`, `/types/x`, `/stages/x`).
    pub(crate) fn path(self) -> String {
        match self {
            Self::All => String::new(),
            _ => self.page(1).path(),
        }
    }
}
