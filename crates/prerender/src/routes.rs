//! Every page that exists in the content, with what search engines and the sitemap need.

use cart_model::{CancerType, IndexDoc};

pub struct Route {
    /// The site path, without the base: "/", "/articles/x".
    pub path: String,
    /// In the sitemap (not for the not-found page).
    pub listed: bool,
    /// Last reviewed, for the sitemap and JSON-LD.
    pub last_reviewed: Option<String>,
    /// What the page is about, for JSON-LD.
    pub about: &'static str,
}

pub fn all(index: &IndexDoc) -> Vec<Route> {
    let hub_date = Some(index.hub.last_reviewed.iso.clone());
    let mut routes = vec![
        Route { path: "/".into(), listed: true, last_reviewed: hub_date.clone(), about: "CAR-T cell therapy" },
        Route { path: "/topics".into(), listed: true, last_reviewed: hub_date.clone(), about: "CAR-T cell therapy" },
        Route { path: "/glossary".into(), listed: true, last_reviewed: hub_date.clone(), about: "CAR-T cell therapy" },
    ];
    // One page per chip, so the filter works as plain links when scripts are off.
    for t in CancerType::EVERY {
        routes.push(Route { path: format!("/types/{}", t.slug()), listed: true, last_reviewed: hub_date.clone(), about: t.full_name() });
    }
    for a in &index.articles {
        routes.push(Route {
            path: format!("/articles/{}", a.slug),
            listed: true,
            last_reviewed: Some(a.last_reviewed.iso.clone()),
            about: "CAR-T cell therapy",
        });
    }
    for t in &index.topics {
        routes.push(Route { path: format!("/topics/{}", t.slug), listed: true, last_reviewed: hub_date.clone(), about: "CAR-T cell therapy" });
    }
    routes.push(Route { path: "/404".into(), listed: false, last_reviewed: None, about: "CAR-T cell therapy" });
    routes
}
