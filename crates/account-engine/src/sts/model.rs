//! Shapes of botocore's `sts` model, as the operations return them; the
//! Query wire writes their members in the order the real service does.

use crate::clock::Millis;

/// `GetCallerIdentityResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetCallerIdentityOutput {
    pub arn: String,
    pub user_id: String,
    pub account: String,
}

/// `AssumeRoleResponse`: the session's `Credentials` and
/// `AssumedRoleUser`, and `PackedPolicySize` when the request carried
/// session policies or tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumeRoleOutput {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    pub expiration: Millis,
    /// `AROA…:<session>`.
    pub assumed_role_id: String,
    pub arn: String,
    pub packed_policy_size: Option<u32>,
}
