//! Pieces shared by several routes, one family per module.

pub mod article_card;
pub mod content;
pub mod diagram;
pub mod document;
pub mod filter;
pub mod focus;
pub mod language;
pub mod layout;
pub mod library;
pub mod paths;
pub mod status;
