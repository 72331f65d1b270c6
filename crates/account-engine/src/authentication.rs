//! Why the endpoint refused to authenticate a request before any service
//! ran it. The local endpoint checks signatures (`account-server`'s
//! `signature.rs`); each wire protocol writes these refusals in its own
//! envelope and codes (`wire/`), as the real services do.

/// The text every protocol sends for a signature that does not match
/// (observed on STS, IAM, EC2, SES, Lambda and DynamoDB alike).
pub const SIGNATURE_MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// The text for an access key id or session token the service does not
/// know (observed on STS and IAM as `InvalidClientTokenId`, on JSON
/// services as `UnrecognizedClientException`).
pub const INVALID_TOKEN: &str = "The security token included in the request is invalid.";

/// The text for a session's key whose session has ended by the clock
/// (observed as STS's `ExpiredToken` and JSON services'
/// `ExpiredTokenException`; it has no full stop).
pub const EXPIRED_TOKEN: &str = "The security token included in the request is expired";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthenticationError {
    /// An access key id of the AWS shape that the sandbox did not issue (or
    /// has deleted), or a session token that is missing, unexpected or not
    /// the session's.
    #[error("{INVALID_TOKEN}")]
    InvalidToken,
    /// A session's key (or an assumed-role ARN acted as in the page) whose
    /// session has expired, its role unchanged.
    #[error("{EXPIRED_TOKEN}")]
    ExpiredToken,
    /// The signature is not the one the key's secret gives for this request.
    /// The canonical request and string to sign are the ones the sandbox
    /// computed, which JSON services quote back.
    #[error("{SIGNATURE_MISMATCH}")]
    SignatureMismatch {
        canonical_request: String,
        string_to_sign: String,
    },
}

impl AuthenticationError {
    /// The message JSON 1.1 and restJson1 services send: a mismatch quotes
    /// what the signature should have covered (observed on Lambda,
    /// DynamoDB and Cognito Sync), where Query services say the first
    /// sentence alone.
    pub fn detailed_message(&self) -> String {
        match self {
            Self::InvalidToken => INVALID_TOKEN.to_owned(),
            Self::ExpiredToken => EXPIRED_TOKEN.to_owned(),
            Self::SignatureMismatch {
                canonical_request,
                string_to_sign,
            } => format!(
                "{SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'{canonical_request}'\n\nThe String-to-Sign should have been\n'{string_to_sign}'\n"
            ),
        }
    }

    /// The code JSON 1.1 and restJson1 services send.
    pub fn json_code(&self) -> &'static str {
        match self {
            Self::InvalidToken => "UnrecognizedClientException",
            Self::ExpiredToken => "ExpiredTokenException",
            Self::SignatureMismatch { .. } => "InvalidSignatureException",
        }
    }

    /// The code Query services send in `<Code>`.
    pub fn query_code(&self) -> &'static str {
        match self {
            Self::InvalidToken => "InvalidClientTokenId",
            Self::ExpiredToken => "ExpiredToken",
            Self::SignatureMismatch { .. } => "SignatureDoesNotMatch",
        }
    }

    /// Every refusal is a 403, as the reference fixes it; some JSON
    /// services (DynamoDB, Cognito) have been seen to answer 400.
    pub fn status(&self) -> u16 {
        403
    }
}
