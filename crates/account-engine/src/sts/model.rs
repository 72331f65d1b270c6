//! Shapes of botocore's `sts` model, as the operations return them; the
//! Query wire writes their members in the order the real service does.

/// `GetCallerIdentityResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetCallerIdentityOutput {
    pub arn: String,
    pub user_id: String,
    pub account: String,
}
