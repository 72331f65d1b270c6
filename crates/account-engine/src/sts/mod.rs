//! AWS STS, served over the Query wire (`wire/query.rs`): who is calling.

mod api;
pub mod error;
pub mod model;
pub mod operation;

pub(crate) use api::get_caller_identity;
