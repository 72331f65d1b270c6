//! The errors an STS request answers with once its `Version` has chosen
//! STS, and their codes and HTTP statuses; `wire/query.rs` writes them as
//! Query XML (`<ErrorResponse>`, whose `Code` botocore reads).

use crate::sts::operation::VERSION;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StsApiError {
    /// The `Action` names no STS operation this sandbox serves. The text is
    /// the real service's (observed: `Could not find operation
    /// AssumeRoleWithWebIdentity for version 2011-06-15`).
    #[error("Could not find operation {0} for version {VERSION}")]
    InvalidAction(String),
    /// A value fails the model's pattern, length or range, or a required
    /// one is missing.
    #[error("{0}")]
    Validation(String),
    /// `DurationSeconds` is not an integer from 900 to 43,200, or exceeds
    /// what the role (or role chaining) allows; a `ValidationError` on the
    /// wire, which names no member, so forms are told which one.
    #[error("{0}")]
    InvalidDuration(String),
    /// The session policy is not a valid identity policy (IAM's texts).
    #[error("{0}")]
    MalformedPolicyDocument(String),
    /// The session policies and tags exceed what a session can carry.
    #[error("{0}")]
    PackedPolicyTooLarge(String),
    /// The trust policy or the caller's own policies refuse AssumeRole.
    #[error("{0}")]
    AccessDenied(String),
}

impl StsApiError {
    /// The wire code, sent in `<Code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidAction(_) => "InvalidAction",
            Self::Validation(_) | Self::InvalidDuration(_) => "ValidationError",
            Self::MalformedPolicyDocument(_) => "MalformedPolicyDocument",
            Self::PackedPolicyTooLarge(_) => "PackedPolicyTooLarge",
            Self::AccessDenied(_) => "AccessDenied",
        }
    }

    /// The request member the error is about, when forms need to know
    /// (off the wire).
    pub fn member(&self) -> Option<&'static str> {
        matches!(self, Self::InvalidDuration(_)).then_some("DurationSeconds")
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::InvalidAction(_)
            | Self::Validation(_)
            | Self::InvalidDuration(_)
            | Self::MalformedPolicyDocument(_)
            | Self::PackedPolicyTooLarge(_) => 400,
            Self::AccessDenied(_) => 403,
        }
    }
}
