//! The API's error types, and the single place they become wire responses.

use serde::{Deserialize, Serialize};

use crate::authentication::AuthenticationError;

/// Why a `ValidationException` was raised, as the model's enum names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationReason {
    #[serde(rename = "invalidRegionOptTarget")]
    InvalidRegionOptTarget,
    #[serde(rename = "fieldValidationFailed")]
    FieldValidationFailed,
}

/// One entry of a `ValidationException`'s `fieldList`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub name: String,
    pub message: String,
}

impl FieldError {
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            message: message.into(),
        }
    }
}

/// Every error the Account API can answer with, plus the two protocol errors
/// a restJson1 front end raises before an operation runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// `reason` and `fieldList` reach the wire only when `reason` is set:
    /// some operations answer with the message alone. `field_list` still
    /// names the members at fault, for forms (see `WireResponse::fields`).
    #[error("{message}")]
    Validation {
        message: String,
        reason: Option<ValidationReason>,
        field_list: Vec<FieldError>,
    },
    #[error("{0}")]
    AccessDenied(String),
    #[error("{0}")]
    ResourceNotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    ResourceUnavailable(String),
    #[error("{0}")]
    TooManyRequests(String),
    #[error("{0}")]
    InternalServer(String),
    /// The body is not JSON, or not a JSON object.
    #[error("{0}")]
    Serialization(String),
    /// No operation answers at this path.
    #[error("{0}")]
    UnknownOperation(String),
    /// The endpoint could not authenticate the request (see
    /// `authentication.rs`); no operation ran.
    #[error("{}", .0.detailed_message())]
    Unauthenticated(AuthenticationError),
    /// An HTTP 400 without `x-amzn-ErrorType`, as the service answers a
    /// blank AccountName; botocore then reports the code `400`. The field
    /// list is for forms and never reaches the wire.
    #[error("{message}")]
    BadRequest {
        message: String,
        field_list: Vec<FieldError>,
    },
}

impl ApiError {
    /// A `fieldValidationFailed` error about one field; the message is the
    /// field's message, as the real service reports single-field failures.
    pub fn field(name: impl Into<String>, message: impl Into<String>) -> Self {
        Self::fields(vec![FieldError::new(name, message)])
    }

    /// A `fieldValidationFailed` error about several fields. The top-level
    /// message is the first field's, so single-field callers see exactly the
    /// service's text.
    pub fn fields(field_list: Vec<FieldError>) -> Self {
        let message = field_list
            .first()
            .map(|f| f.message.clone())
            .unwrap_or_default();
        Self::Validation {
            message,
            reason: Some(ValidationReason::FieldValidationFailed),
            field_list,
        }
    }

    /// The same error with its message alone on the wire, as
    /// PutContactInformation's and PutAccountName's ValidationExceptions
    /// are; the failing fields stay known to forms.
    pub fn bare(self) -> Self {
        match self {
            Self::Validation {
                message,
                field_list,
                ..
            } => Self::Validation {
                message,
                reason: None,
                field_list,
            },
            other => other,
        }
    }

    /// A ValidationException with a message and nothing else, not about
    /// any one field.
    pub fn validation(message: impl Into<String>) -> Self {
        Self::Validation {
            message: message.into(),
            reason: None,
            field_list: Vec::new(),
        }
    }

    /// The members at fault, whether or not the wire names them.
    pub fn field_list(&self) -> &[FieldError] {
        match self {
            Self::Validation { field_list, .. } | Self::BadRequest { field_list, .. } => field_list,
            _ => &[],
        }
    }

    /// The code sent in `x-amzn-ErrorType`, if the service sends one.
    pub fn header_code(&self) -> Option<&'static str> {
        match self {
            Self::BadRequest { .. } => None,
            other => Some(other.code()),
        }
    }

    /// The error's code as clients report it: the `x-amzn-ErrorType`, or
    /// the HTTP status where the service sends none (as botocore does).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation { .. } => "ValidationException",
            Self::AccessDenied(_) => "AccessDeniedException",
            Self::ResourceNotFound(_) => "ResourceNotFoundException",
            Self::Conflict(_) => "ConflictException",
            Self::ResourceUnavailable(_) => "ResourceUnavailableException",
            Self::TooManyRequests(_) => "TooManyRequestsException",
            Self::InternalServer(_) => "InternalServerException",
            Self::Serialization(_) => "SerializationException",
            Self::UnknownOperation(_) => "UnknownOperationException",
            Self::Unauthenticated(error) => error.json_code(),
            Self::BadRequest { .. } => "400",
        }
    }

    /// The HTTP status the model gives this error.
    pub fn status(&self) -> u16 {
        match self {
            Self::Validation { .. } | Self::Serialization(_) | Self::BadRequest { .. } => 400,
            Self::AccessDenied(_) => 403,
            Self::Unauthenticated(error) => error.status(),
            Self::ResourceNotFound(_) | Self::UnknownOperation(_) => 404,
            Self::Conflict(_) => 409,
            Self::ResourceUnavailable(_) => 424,
            Self::TooManyRequests(_) => 429,
            Self::InternalServer(_) => 500,
        }
    }

    /// The JSON error body: `message`, plus `reason` and `fieldList` for
    /// validation errors.
    pub fn body(&self) -> serde_json::Value {
        match self {
            Self::Validation {
                message,
                reason: Some(reason),
                field_list,
            } => serde_json::json!({
                "message": message,
                "reason": reason,
                "fieldList": field_list,
            }),
            other => serde_json::json!({ "message": other.to_string() }),
        }
    }

    /// Rebuilds an error from its wire form, as a client would: `code` is
    /// the `x-amzn-ErrorType` header, `None` if the response had none.
    pub fn from_wire(status: u16, code: Option<&str>, body: &serde_json::Value) -> Self {
        let message = body
            .get("message")
            .and_then(|m| m.as_str())
            .unwrap_or_default()
            .to_owned();
        let Some(code) = code else {
            return if status == 400 {
                Self::BadRequest {
                    message,
                    field_list: Vec::new(),
                }
            } else {
                Self::InternalServer(message)
            };
        };
        match code {
            "ValidationException" => Self::Validation {
                message,
                reason: body
                    .get("reason")
                    .and_then(|r| serde_json::from_value(r.clone()).ok()),
                field_list: body
                    .get("fieldList")
                    .and_then(|f| serde_json::from_value(f.clone()).ok())
                    .unwrap_or_default(),
            },
            "AccessDeniedException" => Self::AccessDenied(message),
            "ResourceNotFoundException" => Self::ResourceNotFound(message),
            "ConflictException" => Self::Conflict(message),
            "ResourceUnavailableException" => Self::ResourceUnavailable(message),
            "TooManyRequestsException" => Self::TooManyRequests(message),
            "SerializationException" => Self::Serialization(message),
            "UnknownOperationException" => Self::UnknownOperation(message),
            // Its text is fixed, so the error is whole again; a signature
            // mismatch's quotes of what was signed are not.
            "UnrecognizedClientException" => {
                Self::Unauthenticated(AuthenticationError::InvalidToken)
            }
            "ExpiredTokenException" => Self::Unauthenticated(AuthenticationError::ExpiredToken),
            _ => Self::InternalServer(message),
        }
    }
}
