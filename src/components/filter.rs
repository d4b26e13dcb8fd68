//! The cancer-type chips: toggle buttons whose state lives in the URL (`?type=...`), so a
//! selection can be shared, reloaded, and stepped through with Back/Forward. They are submit
//! buttons in a GET form: without scripts each leads to a prerendered page for its type.

use crate::{href, site_path};
use cart_model::{toggle_type, type_query_value, CancerType, Page, TYPE_QUERY_KEY};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Where a chip leads when scripts are off: the prerendered page for one cancer type, or the
/// hub. (There is no page per combination; with scripts the query holds any combination.)
pub fn no_script_href(next: &[CancerType], chip: CancerType) -> String {
    match next {
        [] => href(&Page::Hub),
        [only] => href(&Page::Type(*only)),
        _ => href(&Page::Type(chip)),
    }
}

/// The hub URL showing `selected`.
pub fn hub_href(selected: &[CancerType]) -> String {
    site_path(&Page::hub_filtered(selected))
}

#[component]
pub fn CancerTypeFilter(#[prop(into)] selected: Signal<Vec<CancerType>>) -> impl IntoView {
    let navigate = use_navigate();
    let chips = CancerType::EVERY
        .into_iter()
        .map(|chip| {
            let navigate = navigate.clone();
            let next = move || toggle_type(&selected.get(), chip);
            let pressed = move || selected.get().contains(&chip);
            view! {
                <button
                    type="submit"
                    class="chip"
                    name=TYPE_QUERY_KEY
                    value=move || type_query_value(&next()).unwrap_or_default()
                    formaction=move || no_script_href(&next(), chip)
                    aria-pressed=move || pressed().to_string()
                    title=chip.full_name()
                    on:click=move |ev| {
                        ev.prevent_default();
                        // The full path, base included, not resolved against the base: joined by
                        // the router, the hub becomes "/base?type=..." and loses its query.
                        let target = hub_href(&next());
                        navigate(&target, NavigateOptions { resolve: false, scroll: false, ..Default::default() });
                    }
                >
                    <span class="chip__tick" aria-hidden="true"></span>
                    {chip.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        // The group is the chips, not the form: `group` is not a role a form may take.
        <form class="filter" method="get" action=href(&Page::Hub)>
            <p id="filter-label" class="filter__label">"Show articles about:"</p>
            <div class="chips" role="group" aria-labelledby="filter-label">{chips}</div>
        </form>
    }
}
