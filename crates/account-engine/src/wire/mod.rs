//! The wire protocols, one dispatcher each, and the response they share.
//! Each is the one place its service's errors become wire responses.

pub(crate) mod json_1_1;
pub(crate) mod query;
pub(crate) mod rest_json;

pub use rest_json::WireResponse;
