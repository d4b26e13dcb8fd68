//! The library's two facets as chips: cancer type and journey stage. Each chip is a toggle
//! button whose state lives in the URL (`?type=...&stage=...`), so a selection can be shared,
//! reloaded, and stepped through with Back/Forward. They are submit buttons in a GET form:
//! without scripts each leads to the prerendered page for its one type or stage.

use crate::i18n::{self, lang};
use crate::{href, site_path};
use cart_model::{toggle_stage, toggle_type, CancerType, Page, Selection, Stage, STAGE_QUERY_KEY, TYPE_QUERY_KEY};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The hub URL showing `selected`.
pub fn hub_href(selected: &Selection) -> String {
    site_path(&format!("{}{}", lang().prefix(), Page::hub_filtered(selected)))
}

/// The hub showing one cancer type (for the tags on articles).
pub fn type_href(t: CancerType) -> String {
    hub_href(&Selection { types: vec![t], stages: vec![] })
}

/// One chip: what it is called, and the selection pressing it leads to.
struct Chip {
    label: &'static str,
    title: &'static str,
    key: &'static str,
    pressed: Signal<bool>,
    next: Signal<Selection>,
}

#[component]
pub fn LibraryFilter(#[prop(into)] selected: Signal<Selection>) -> impl IntoView {
    let type_chips = CancerType::EVERY.into_iter().map(move |t| Chip {
        label: t.label(lang()),
        title: t.full_name(lang()),
        key: TYPE_QUERY_KEY,
        pressed: Signal::derive(move || selected.get().types.contains(&t)),
        next: Signal::derive(move || {
            let s = selected.get();
            Selection { types: toggle_type(&s.types, t), stages: s.stages }
        }),
    });
    let stage_chips = Stage::EVERY.into_iter().map(move |st| Chip {
        label: st.label(lang()),
        title: st.label(lang()),
        key: STAGE_QUERY_KEY,
        pressed: Signal::derive(move || selected.get().stages.contains(&st)),
        next: Signal::derive(move || {
            let s = selected.get();
            Selection { types: s.types, stages: toggle_stage(&s.stages, st) }
        }),
    });
    view! {
        // The groups are the chips, not the form: `group` is not a role a form may take.
        <form class="filter" method="get" action=href(&Page::Hub)>
            <p id="filter-label" class="filter__label">{i18n::t().filter_types}</p>
            <div class="chips" role="group" aria-labelledby="filter-label">{chip_buttons(type_chips)}</div>
            <p id="stage-label" class="filter__label">{i18n::t().filter_stages}</p>
            <div class="chips" role="group" aria-labelledby="stage-label">{chip_buttons(stage_chips)}</div>
        </form>
    }
}

fn chip_buttons(chips: impl Iterator<Item = Chip>) -> impl IntoView {
    let navigate = use_navigate();
    chips
        .map(|chip| {
            let navigate = navigate.clone();
            let Chip { label, title, key, pressed, next } = chip;
            // Without scripts: the prerendered page for the one type or stage, else the hub.
            let value = move || {
                let n = next.get();
                let values = if key == TYPE_QUERY_KEY { cart_model::type_query_value(&n.types) } else { cart_model::stage_query_value(&n.stages) };
                values.unwrap_or_default()
            };
            view! {
                <button
                    type="submit"
                    class="chip"
                    name=key
                    value=value
                    formaction=move || href(&Page::no_script(&next.get()))
                    aria-pressed=move || pressed.get().to_string()
                    title=title
                    on:click=move |ev| {
                        ev.prevent_default();
                        // The full path, base included, not resolved against the base: joined by
                        // the router, the hub becomes "/base?type=..." and loses its query.
                        navigate(&hub_href(&next.get_untracked()), NavigateOptions { resolve: false, scroll: false, ..Default::default() });
                    }
                >
                    <span class="chip__tick" aria-hidden="true"></span>
                    {label}
                </button>
            }
        })
        .collect_view()
}
