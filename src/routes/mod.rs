//! One module per route; the file name follows the URL.

pub mod article;
pub mod connect;
pub mod glossary;
pub mod hub;
pub mod not_found;
pub mod search;
pub mod topic;
pub mod topics;
