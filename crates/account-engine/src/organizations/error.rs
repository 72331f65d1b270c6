//! The AWS Organizations errors, and their JSON 1.1 wire form: HTTP 400 (500
//! for ServiceException) with `{"__type": "<Code>", "Message": "..."}`, plus
//! `Reason` where the model gives the error one. botocore reads the code from
//! `__type` and the text from `message` or `Message`.

use serde_json::{json, Value};

/// `InvalidInputExceptionReason` values this sandbox raises. Each carries
/// the model's description of the reason as its message, which is what the
/// service's own messages say in other words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidInput {
    InputRequired,
    InvalidPattern,
    MinLengthExceeded,
    MaxLengthExceeded,
    MinValueExceeded,
    MaxValueExceeded,
    InvalidEnum,
    InvalidNextToken,
    UnrecognizedServicePrincipal,
}

impl InvalidInput {
    pub fn reason(self) -> &'static str {
        match self {
            Self::InputRequired => "INPUT_REQUIRED",
            Self::InvalidPattern => "INVALID_PATTERN",
            Self::MinLengthExceeded => "MIN_LENGTH_EXCEEDED",
            Self::MaxLengthExceeded => "MAX_LENGTH_EXCEEDED",
            Self::MinValueExceeded => "MIN_VALUE_EXCEEDED",
            Self::MaxValueExceeded => "MAX_VALUE_EXCEEDED",
            Self::InvalidEnum => "INVALID_ENUM",
            Self::InvalidNextToken => "INVALID_NEXT_TOKEN",
            Self::UnrecognizedServicePrincipal => "UNRECOGNIZED_SERVICE_PRINCIPAL",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::InputRequired => "You must include a value for all required parameters.",
            Self::InvalidPattern => "You provided a value that doesn't match the required pattern.",
            Self::MinLengthExceeded => "You provided a string parameter that is shorter than allowed.",
            Self::MaxLengthExceeded => "You provided a string parameter that is longer than allowed.",
            Self::MinValueExceeded => "You provided a numeric parameter that has a smaller value than allowed.",
            Self::MaxValueExceeded => "You provided a numeric parameter that has a larger value than allowed.",
            Self::InvalidEnum => "You specified an invalid value.",
            Self::InvalidNextToken => "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.",
            Self::UnrecognizedServicePrincipal => "You specified a service principal that isn't recognized.",
        }
    }
}

/// `ConstraintViolationExceptionReason` values this sandbox raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    CannotRegisterMasterAsDelegatedAdministrator,
    CannotRegisterSuspendedAccountAsDelegatedAdministrator,
    DelegatedAdministratorExistsForThisService,
    ServiceAccessNotEnabled,
    OrganizationNotInAllFeaturesMode,
}

impl Constraint {
    pub fn reason(self) -> &'static str {
        match self {
            Self::CannotRegisterMasterAsDelegatedAdministrator => {
                "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR"
            }
            Self::CannotRegisterSuspendedAccountAsDelegatedAdministrator => {
                "CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR"
            }
            Self::DelegatedAdministratorExistsForThisService => {
                "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE"
            }
            Self::ServiceAccessNotEnabled => "SERVICE_ACCESS_NOT_ENABLED",
            Self::OrganizationNotInAllFeaturesMode => "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::CannotRegisterMasterAsDelegatedAdministrator => {
                "You cannot register master account/yourself as delegated administrator for your organization."
            }
            Self::CannotRegisterSuspendedAccountAsDelegatedAdministrator => {
                "You cannot register a suspended account as a delegated administrator."
            }
            Self::DelegatedAdministratorExistsForThisService => {
                "The service already has a delegated administrator. Deregister it before you register another account."
            }
            Self::ServiceAccessNotEnabled => {
                "You must enable service access for the service before you register a delegated administrator for it. Call EnableAWSServiceAccess first."
            }
            Self::OrganizationNotInAllFeaturesMode => {
                "This operation requires an organization that supports all features. An organization that supports only consolidated billing features can't perform it."
            }
        }
    }
}

pub const ACCESS_DENIED: &str = "You don't have permissions to access this resource.";
pub const NOT_IN_USE: &str = "Your account is not a member of an organization.";
pub const ALREADY_IN_ORGANIZATION: &str = "The AWS account is already a member of an organization.";
pub const ACCOUNT_NOT_FOUND: &str = "You specified an account that doesn't exist.";
pub const ACCOUNT_NOT_REGISTERED: &str =
    "The provided account is not a registered delegated administrator for your organization.";
pub const ACCOUNT_ALREADY_REGISTERED: &str =
    "The provided account is already a delegated administrator for your organization.";
pub const CREATE_ACCOUNT_STATUS_NOT_FOUND: &str =
    "We can't find a create account request with the CreateAccountRequestId that you specified.";

/// Every error the Organizations operations answer with, plus the protocol
/// errors a JSON 1.1 front end raises before an operation runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgApiError {
    #[error("{ACCESS_DENIED}")]
    AccessDenied,
    #[error("{NOT_IN_USE}")]
    NotInUse,
    #[error("{ALREADY_IN_ORGANIZATION}")]
    AlreadyInOrganization,
    #[error("{ACCOUNT_NOT_FOUND}")]
    AccountNotFound,
    #[error("{ACCOUNT_NOT_REGISTERED}")]
    AccountNotRegistered,
    #[error("{ACCOUNT_ALREADY_REGISTERED}")]
    AccountAlreadyRegistered,
    #[error("{CREATE_ACCOUNT_STATUS_NOT_FOUND}")]
    CreateAccountStatusNotFound,
    #[error("{}", .0.message())]
    ConstraintViolation(Constraint),
    #[error("{}", .0.message())]
    InvalidInput(InvalidInput),
    #[error("{0}")]
    Service(String),
    /// The body is not JSON, not an object, or a member has the wrong type.
    #[error("{0}")]
    Serialization(String),
    /// The target names no operation this sandbox serves.
    #[error("{0}")]
    UnknownOperation(String),
}

impl OrgApiError {
    /// The wire code, sent in `__type`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::AccessDenied => "AccessDeniedException",
            Self::NotInUse => "AWSOrganizationsNotInUseException",
            Self::AlreadyInOrganization => "AlreadyInOrganizationException",
            Self::AccountNotFound => "AccountNotFoundException",
            Self::AccountNotRegistered => "AccountNotRegisteredException",
            Self::AccountAlreadyRegistered => "AccountAlreadyRegisteredException",
            Self::CreateAccountStatusNotFound => "CreateAccountStatusNotFoundException",
            Self::ConstraintViolation(_) => "ConstraintViolationException",
            Self::InvalidInput(_) => "InvalidInputException",
            Self::Service(_) => "ServiceException",
            Self::Serialization(_) => "SerializationException",
            Self::UnknownOperation(_) => "UnknownOperationException",
        }
    }

    /// The `Reason` member of the two errors that have one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Self::ConstraintViolation(c) => Some(c.reason()),
            Self::InvalidInput(i) => Some(i.reason()),
            _ => None,
        }
    }

    /// Client errors are 400; the service's own failure is 500.
    pub fn status(&self) -> u16 {
        match self {
            Self::Service(_) => 500,
            _ => 400,
        }
    }

    pub fn body(&self) -> Value {
        let mut body = json!({ "__type": self.code(), "Message": self.to_string() });
        if let Some(reason) = self.reason() {
            body["Reason"] = json!(reason);
        }
        body
    }
}
