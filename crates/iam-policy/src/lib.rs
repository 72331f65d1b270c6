//! The AWS IAM policy language as a library that knows no service: the
//! grammar of policy documents, IAM's validation with its own messages,
//! and the matching of statements against a request context.
//!
//! - [`Policy::parse`] reads a JSON document and validates it as a
//!   [`PolicyKind`] (identity policy, SCP, trust policy), refusing it with a
//!   [`PolicyError`] whose `Display` is IAM's `MalformedPolicyDocument`
//!   message and, for broken JSON, a [`JsonPosition`].
//! - A [`Request`] carries the action, the resource ARN, typed condition
//!   keys (case-insensitive, as in IAM) and, for trust policies, the
//!   [`Principal`].
//! - [`Policy::evaluate`] names the first matching Allow and Deny
//!   statements ([`Match`]), so the caller can combine policy types and say
//!   which statement decided.
//!
//! Everything is compiled at parse time; evaluating allocates nothing.
//! Case-insensitive comparisons fold ASCII only, so the wasm build carries
//! no Unicode case tables.

mod condition;
mod error;
mod ip;
mod parse;
mod pattern;
mod policy;
mod request;
mod time;

pub use error::{JsonPosition, PolicyError};
pub use policy::{Decision, Effect, Match, Policy, PolicyKind, Statement, StatementRef};
pub use request::{Principal, Request, Value};
pub use time::Timestamp;
