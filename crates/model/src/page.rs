//! The page model: every kind of page the site has, and the one place that knows its path,
//! its data document, its prerendered files and whether it goes in the sitemap. The router,
//! the prerenderer, the sitemap, the compiler's link check, the loader and every internal
//! link derive from here, so a new page kind (or a language) is added once.

use crate::filter::Selection;
use crate::library::{page_count, Listing, PAGE_KEY};
use crate::{CancerType, IndexDoc, Lang, PagesDoc, Stage};

/// Path segments, shared with the router's table.
pub const ARTICLES: &str = "articles";
pub const TOPICS: &str = "topics";
pub const TYPES: &str = "types";
pub const STAGES: &str = "stages";
pub const GLOSSARY: &str = "glossary";
/// HL7 Infobutton requests (see `connect`).
pub const CONNECT: &str = "connect";
/// Full-text search (`/search?q=...&type=...`).
pub const SEARCH: &str = "search";
/// The not-found page's own path (prerendered as `404.html`).
pub const NOT_FOUND: &str = "404";

/// The router's parameter names, for the routes that carry one.
pub const SLUG_PARAM: &str = "slug";
/// The rest of a path no other route matched: a listing (`types/myeloma/page/2`) or nothing.
/// One route for every listing keeps the router's code (one match per route) small.
pub const REST_PARAM: &str = "rest";

/// Data documents that are not per page.
pub const INDEX_FILE: &str = "index.json";
/// Every article's and topic's slug (`PagesDoc`), read after a 404 for a page's document.
pub const PAGES_FILE: &str = "pages.json";
/// What the hub and topics pages need besides the library's cards (`HubDoc`).
pub const HUB_FILE: &str = "hub.json";
pub const GLOSSARY_FILE: &str = "glossary.json";
pub const CONNECT_FILE: &str = "connect.json";
/// The search index's synonyms (read by the indexer at build, not by the app).
pub const SEARCH_FILE: &str = "search.json";

/// One page of the site.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub enum Page {
    /// `/`: the introduction and the whole library.
    Hub,
    /// `/types/<type>`: the hub filtered to one cancer type (what a chip leads to without scripts).
    Type(CancerType),
    /// `/stages/<stage>`: the hub filtered to one journey stage.
    Stage(Stage),
    /// `/page/<n>`, `/types/<type>/page/<n>`, `/stages/<stage>/page/<n>`: page n (from 2) of
    /// a listing, for readers without scripts ("Show more" appends in place with them).
    Paged(Listing, usize),
    /// `/articles/<slug>`
    Article(String),
    /// `/topics`
    Topics,
    /// `/topics/<slug>`
    Topic(String),
    /// `/glossary`
    Glossary,
    /// `/connect?mainSearchCriteria...`: the pages for a patient's diagnosis and medication
    /// codes (an HL7 Infobutton request). Drawn in the browser from the request; not listed.
    Connect,
    /// `/search?q=...&type=...`: full-text search. The query lives in the URL; the page is
    /// prerendered empty (where a search form submitted without scripts lands). Not listed.
    Search,
    /// The page for paths that name nothing.
    NotFound,
}

/// A page number from a URL: 2 or more (page 1 is the listing's own path), without leading
/// zeros, so each page has one address.
pub fn page_number(s: &str) -> Option<usize> {
    s.parse().ok().filter(|n| *n >= 2 && !s.starts_with('0') && s.len() <= 6)
}

impl Listing {
    /// How many pages this listing has in the index.
    pub fn pages_in(self, index: &IndexDoc) -> usize {
        let sel = self.selection();
        page_count(index.articles.iter().filter(|a| sel.matches(a)).count())
    }
}

/// Slugs name files and URL segments: lower-case ASCII letters, digits and hyphens only, so
/// nothing read from a URL can escape the data folder.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 120 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Page {
    /// The article page for a slug read from a URL, if the slug can name one.
    pub fn article(slug: &str) -> Option<Self> {
        is_slug(slug).then(|| Self::Article(slug.to_string()))
    }

    /// The topic page for a slug read from a URL, if the slug can name one.
    pub fn topic(slug: &str) -> Option<Self> {
        is_slug(slug).then(|| Self::Topic(slug.to_string()))
    }

    /// The path within an edition, without the base: "/", "/articles/x". What authors
    /// write in links in every language; `path_in` gives the full site path.
    pub fn path(&self) -> String {
        match self {
            Self::Hub => "/".into(),
            Self::Type(t) => format!("/{TYPES}/{}", t.slug()),
            Self::Stage(s) => format!("/{STAGES}/{}", s.slug()),
            Self::Paged(l, n) => format!("{}/{PAGE_KEY}/{n}", l.path()),
            Self::Article(slug) => format!("/{ARTICLES}/{slug}"),
            Self::Topics => format!("/{TOPICS}"),
            Self::Topic(slug) => format!("/{TOPICS}/{slug}"),
            Self::Glossary => format!("/{GLOSSARY}"),
            Self::Connect => format!("/{CONNECT}"),
            Self::Search => format!("/{SEARCH}"),
            Self::NotFound => format!("/{NOT_FOUND}"),
        }
    }

    /// The page a site path names (query and fragment ignored, one trailing slash allowed);
    /// `None` when it names no page kind or a slug is malformed.
    pub fn parse(path: &str) -> Option<Self> {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = if path.len() > 1 { path.strip_suffix('/').unwrap_or(path) } else { path };
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let page = match segments.as_slice() {
            [""] => Self::Hub,
            [TYPES, t] => Self::Type(CancerType::from_slug(t)?),
            [STAGES, s] => Self::Stage(Stage::from_slug(s)?),
            [PAGE_KEY, n] => Self::Paged(Listing::All, page_number(n)?),
            [TYPES, t, PAGE_KEY, n] => Self::Paged(Listing::Type(CancerType::from_slug(t)?), page_number(n)?),
            [STAGES, s, PAGE_KEY, n] => Self::Paged(Listing::Stage(Stage::from_slug(s)?), page_number(n)?),
            [ARTICLES, slug] if is_slug(slug) => Self::Article(slug.to_string()),
            [TOPICS] => Self::Topics,
            [TOPICS, slug] if is_slug(slug) => Self::Topic(slug.to_string()),
            [GLOSSARY] => Self::Glossary,
            [CONNECT] => Self::Connect,
            [SEARCH] => Self::Search,
            [NOT_FOUND] => Self::NotFound,
            _ => return None,
        };
        Some(page)
    }

    /// The page's path in an edition: the edition's prefix and the path within it
    /// ("/es/articles/x", "/es/" for the Spanish hub). Every edition has the same pages under
    /// the same segments and slugs, so a page's twin is the same `Page` in another `Lang`.
    pub fn path_in(&self, lang: Lang) -> String {
        format!("{}{}", lang.prefix(), self.path())
    }

    /// The edition and page a site path names (see `parse`).
    pub fn parse_localized(path: &str) -> Option<(Lang, Self)> {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let (lang, rest) = Lang::split_path(path);
        Self::parse(rest).map(|p| (lang, p))
    }

    /// The listing this page shows and its page number, for the hub's pages.
    pub fn listing(&self) -> Option<(Listing, usize)> {
        match self {
            Self::Hub => Some((Listing::All, 1)),
            Self::Type(t) => Some((Listing::Type(*t), 1)),
            Self::Stage(s) => Some((Listing::Stage(*s), 1)),
            Self::Paged(l, n) => Some((*l, *n)),
            _ => None,
        }
    }

    /// The data document in an edition, relative to `data/` ("es/articles/x.json").
    pub fn data_file_in(&self, lang: Lang) -> Option<String> {
        self.data_file().map(|f| format!("{}{f}", lang.folder()))
    }

    /// The prerendered HTML file in an edition, relative to the site's root folder.
    pub fn html_file_in(&self, lang: Lang) -> String {
        format!("{}{}", lang.folder(), self.html_file())
    }

    /// The page-data script in an edition, as a site path.
    pub fn data_script_in(&self, lang: Lang) -> String {
        format!("{}{}", lang.prefix(), self.data_script())
    }

    /// The data document the page is drawn from, relative to `data/`.
    pub fn data_file(&self) -> Option<String> {
        match self {
            Self::Hub | Self::Type(_) | Self::Stage(_) | Self::Paged(..) | Self::Topics => Some(HUB_FILE.into()),
            Self::Article(slug) => Some(format!("{ARTICLES}/{slug}.json")),
            Self::Topic(slug) => Some(format!("{TOPICS}/{slug}.json")),
            Self::Glossary => Some(GLOSSARY_FILE.into()),
            Self::Connect => Some(CONNECT_FILE.into()),
            Self::Search | Self::NotFound => None,
        }
    }

    /// The prerendered HTML file, relative to the site's root folder.
    pub fn html_file(&self) -> String {
        match self {
            Self::Hub => "index.html".into(),
            Self::NotFound => "404.html".into(),
            p => format!("{}/index.html", &p.path()[1..]),
        }
    }

    /// The script beside the prerendered page that carries its resolved data (see the
    /// prerenderer), as a site path.
    pub fn data_script(&self) -> String {
        match self {
            Self::Hub => "/page-data.js".into(),
            Self::NotFound => "/404-data.js".into(),
            p => format!("{}/page-data.js", p.path()),
        }
    }

    /// Whether the app starts on this page as soon as it has loaded. Every other page reads
    /// and works as plain HTML (links, chips, "Show more", the search form), so the app waits
    /// for the reader's first move: compiling and hydrating hold the main thread for a
    /// moment on a phone, and the reader should not meet that while the page appears. Search
    /// and connect draw their answers in the browser, so they need the app at once.
    pub fn starts_at_once(&self) -> bool {
        matches!(self, Self::Connect | Self::Search)
    }

    /// In the sitemap and indexable (every page but not-found).
    pub fn listed(&self) -> bool {
        !matches!(self, Self::NotFound | Self::Connect | Self::Search)
    }

    /// The hub showing the articles for a selection: the query form that holds any
    /// combination (`/?type=lymphoma,myeloma&stage=preparing`), or `/` for none.
    pub fn hub_filtered(selected: &Selection) -> String {
        match selected.query() {
            Some(q) => format!("/?{q}"),
            None => Self::Hub.path(),
        }
    }

    /// Where a chip leads when scripts are off: the prerendered page for the one type or
    /// stage selected (there is no page per combination; with scripts the query holds any).
    pub fn no_script(selected: &Selection) -> Page {
        Listing::of(selected).map_or(Self::Hub, |listing| listing.page(1))
    }

    /// A glossary entry: `/glossary#<slug>`.
    pub fn glossary_term(slug: &str) -> String {
        format!("{}#{slug}", Self::Glossary.path())
    }

    /// The search page showing the results for `query` and cancer types (without the base).
    pub fn search_for(query: &str, types: &[CancerType]) -> String {
        let mut url = Self::Search.path();
        let mut sep = '?';
        if !query.trim().is_empty() {
            url.push_str(&format!("{sep}{}={}", crate::search::QUERY_KEY, crate::search::encode_query_value(query.trim())));
            sep = '&';
        }
        if let Some(v) = crate::type_query_value(types) {
            url.push_str(&format!("{sep}{}={v}", crate::TYPE_QUERY_KEY));
        }
        url
    }

    /// Every page that exists for this index, in sitemap order (not-found last).
    pub fn all(index: &IndexDoc) -> Vec<Page> {
        let mut pages = vec![Self::Hub, Self::Topics, Self::Glossary];
        pages.extend(CancerType::EVERY.into_iter().map(Self::Type));
        pages.extend(Stage::EVERY.into_iter().map(Self::Stage));
        for listing in Listing::every() {
            pages.extend((2..=listing.pages_in(index)).map(|n| Self::Paged(listing, n)));
        }
        pages.extend(index.articles.iter().map(|a| Self::Article(a.slug.clone())));
        pages.extend(index.topics.iter().map(|t| Self::Topic(t.slug.clone())));
        pages.extend([Self::Search, Self::NotFound]);
        pages
    }

    /// Whether the site has this page's data document: articles and topics by their slug in
    /// `pages`; the other pages' documents (hub.json, glossary.json, ...) are always there.
    /// How the loader tells "no such page" from a missing file that should be there.
    pub fn has_document(&self, pages: &PagesDoc) -> bool {
        match self {
            Self::Article(slug) => pages.articles.contains(slug),
            Self::Topic(slug) => pages.topics.contains(slug),
            Self::NotFound => false,
            _ => true,
        }
    }
}
