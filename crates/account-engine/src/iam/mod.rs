//! AWS IAM, served over the Query wire (`wire/query.rs`): users with
//! access keys, inline and managed policies, which `authz` reads to
//! decide a user's calls.

mod api;
pub mod error;
pub mod model;
pub mod operation;
pub mod store;

pub use api::{aws_managed, managed_document, policy_arn, AwsManaged, AWS_MANAGED};
