//! The language of the page being shown. A page load is in one language (the switch is a
//! full page load to the twin), so the app keeps it in one place, set by `App` before
//! anything renders; the prerenderer renders one page at a time on one thread.

use cart_model::{Lang, Strings};
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::DEFAULT) };
}

/// Sets the language for everything rendered after it (called by `App`).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The string table of the current language.
pub fn t() -> &'static Strings {
    lang().strings()
}
