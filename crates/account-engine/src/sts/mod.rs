//! AWS STS, served over the Query wire (`wire/query.rs`): who is calling,
//! and role sessions (AssumeRole).

mod api;
mod assume_role;
pub mod error;
pub mod model;
pub mod operation;

pub(crate) use api::get_caller_identity;
