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
}

impl StsApiError {
    /// The wire code, sent in `<Code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidAction(_) => "InvalidAction",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::InvalidAction(_) => 400,
        }
    }
}
