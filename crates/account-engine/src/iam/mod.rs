//! AWS IAM, served over the Query wire (`wire/query.rs`): users with
//! access keys, roles with trust policies, inline and managed policies and
//! permissions boundaries, which `authz` reads to decide a user's or a
//! role session's calls.

mod api;
pub mod error;
pub mod model;
pub mod operation;
mod roles;
pub mod store;

pub use api::{aws_managed, managed_document, policy_arn, AwsManaged, AWS_MANAGED};
pub(crate) use api::{SECRET_ALPHABET, UPPER_ALNUM};
pub(crate) use roles::{find_role, roles_of};
