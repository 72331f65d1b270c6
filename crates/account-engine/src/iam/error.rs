//! The errors an IAM request answers with once its `Version` has chosen
//! IAM, and their codes and HTTP statuses (§9); `wire/query.rs` writes
//! them as Query XML.

use crate::iam::operation::VERSION;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IamApiError {
    /// The `Action` names no IAM operation this sandbox serves; worded as
    /// STS's observed answer.
    #[error("Could not find operation {0} for version {VERSION}")]
    InvalidAction(String),
    /// A value fails the model's pattern or length, or a required one is
    /// missing (observed code; the text is the AWS validation form).
    #[error("{0}")]
    Validation(String),
    #[error("{0}")]
    NoSuchEntity(String),
    #[error("{0}")]
    EntityAlreadyExists(String),
    #[error("{0}")]
    MalformedPolicyDocument(String),
    #[error("{0}")]
    LimitExceeded(String),
    #[error("{0}")]
    DeleteConflict(String),
    #[error("{0}")]
    AccessDenied(String),
}

impl IamApiError {
    /// The wire code, sent in `<Code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidAction(_) => "InvalidAction",
            Self::Validation(_) => "ValidationError",
            Self::NoSuchEntity(_) => "NoSuchEntity",
            Self::EntityAlreadyExists(_) => "EntityAlreadyExists",
            Self::MalformedPolicyDocument(_) => "MalformedPolicyDocument",
            Self::LimitExceeded(_) => "LimitExceeded",
            Self::DeleteConflict(_) => "DeleteConflict",
            Self::AccessDenied(_) => "AccessDenied",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::InvalidAction(_) | Self::Validation(_) | Self::MalformedPolicyDocument(_) => 400,
            Self::AccessDenied(_) => 403,
            Self::NoSuchEntity(_) => 404,
            Self::EntityAlreadyExists(_) | Self::LimitExceeded(_) | Self::DeleteConflict(_) => 409,
        }
    }
}
