//! The AWS Organizations errors, and their JSON 1.1 wire form: HTTP 400 (500
//! for ServiceException) with `{"__type": "<Code>", "Message": "..."}`, plus
//! `Reason` where the model gives the error one. botocore reads the code from
//! `__type` and the text from `message` or `Message`.

use serde_json::{json, Value};

use crate::authentication::AuthenticationError;

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
    InvalidEnumPolicyType,
    ImmutablePolicy,
    DuplicateTagKey,
    InvalidPatternTargetId,
    InvalidSyntaxPolicyId,
    InvalidListMember,
    NonDetachablePolicy,
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
            Self::InvalidEnumPolicyType => "INVALID_ENUM_POLICY_TYPE",
            Self::ImmutablePolicy => "IMMUTABLE_POLICY",
            Self::DuplicateTagKey => "DUPLICATE_TAG_KEY",
            Self::InvalidPatternTargetId => "INVALID_PATTERN_TARGET_ID",
            Self::InvalidSyntaxPolicyId => "INVALID_SYNTAX_POLICY_ID",
            Self::InvalidListMember => "INVALID_LIST_MEMBER",
            Self::NonDetachablePolicy => "NON_DETACHABLE_POLICY",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::InputRequired => "You must include a value for all required parameters.",
            // Observed (boto/boto3#4565, aws-ia/terraform-aws-control_tower_account_factory#149).
            Self::InvalidPattern => "You provided a value that does not match the required pattern.",
            Self::MinLengthExceeded => "You provided a string parameter that is shorter than allowed.",
            Self::MaxLengthExceeded => "You provided a string parameter that is longer than allowed.",
            Self::MinValueExceeded => "You provided a numeric parameter that has a smaller value than allowed.",
            Self::MaxValueExceeded => "You provided a numeric parameter that has a larger value than allowed.",
            Self::InvalidEnum => "You specified an invalid value.",
            Self::InvalidNextToken => "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.",
            Self::UnrecognizedServicePrincipal => "You specified a service principal that isn't recognized.",
            Self::InvalidEnumPolicyType => "You specified an invalid policy type string.",
            Self::ImmutablePolicy => "You specified a policy that is managed by Amazon Web Services and can't be modified.",
            Self::DuplicateTagKey => "Tag keys must be unique among the tags attached to the same entity.",
            Self::InvalidPatternTargetId => "You specified a policy target ID that doesn't match the required pattern.",
            Self::InvalidSyntaxPolicyId => "You specified an invalid policy ID.",
            Self::InvalidListMember => "You provided a list to a parameter that contains at least one invalid value.",
            Self::NonDetachablePolicy => "You can't detach this Amazon Web Services Managed Policy.",
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
    OuDepthLimitExceeded,
    MaxPolicyTypeAttachmentLimitExceeded,
    MinPolicyTypeAttachmentLimitExceeded,
    PolicyContentLimitExceeded,
    MaxTagLimitExceeded,
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
            Self::OuDepthLimitExceeded => "OU_DEPTH_LIMIT_EXCEEDED",
            Self::MaxPolicyTypeAttachmentLimitExceeded => {
                "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"
            }
            Self::MinPolicyTypeAttachmentLimitExceeded => {
                "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"
            }
            Self::PolicyContentLimitExceeded => "POLICY_CONTENT_LIMIT_EXCEEDED",
            Self::MaxTagLimitExceeded => "MAX_TAG_LIMIT_EXCEEDED",
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
            Self::OuDepthLimitExceeded => {
                "You attempted to create an OU tree that is too many levels deep."
            }
            Self::MaxPolicyTypeAttachmentLimitExceeded => {
                "You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time."
            }
            // Observed (terraform-provider-aws #26797).
            Self::MinPolicyTypeAttachmentLimitExceeded => {
                "You cannot remove the last policy attached to the specified target. You must have at least one attached at all times."
            }
            Self::PolicyContentLimitExceeded => {
                "You attempted to create a policy that is larger than the maximum size."
            }
            Self::MaxTagLimitExceeded => {
                "You have exceeded the number of tags allowed on this resource."
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
pub const OU_NOT_FOUND: &str =
    "We can't find an OU with the OrganizationalUnitId that you specified.";
pub const PARENT_NOT_FOUND: &str =
    "We can't find a root or OU with the ParentId that you specified.";
pub const DUPLICATE_OU: &str = "An OU with the same name already exists.";
pub const OU_NOT_EMPTY: &str = "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.";
pub const CHILD_NOT_FOUND: &str = "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.";
pub const SOURCE_PARENT_NOT_FOUND: &str =
    "We can't find a source root or OU with the ParentId that you specified.";
pub const DESTINATION_PARENT_NOT_FOUND: &str =
    "We can't find the destination container (a root or OU) with the ParentId that you specified.";
pub const DUPLICATE_ACCOUNT: &str = "That account is already present in the specified destination.";
pub const TARGET_NOT_FOUND: &str =
    "We can't find a root, OU, account, or policy with the TargetId that you specified.";
pub const POLICY_NOT_FOUND: &str = "We can't find a policy with the PolicyId that you specified.";
pub const DUPLICATE_POLICY: &str = "A policy with the same name already exists.";
pub const DUPLICATE_POLICY_ATTACHMENT: &str =
    "The selected policy is already attached to the specified target.";
pub const POLICY_NOT_ATTACHED: &str =
    "The policy isn't attached to the specified target in the specified root.";
pub const POLICY_IN_USE: &str = "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.";
pub const POLICY_TYPE_ALREADY_ENABLED: &str =
    "The specified policy type is already enabled in the specified root.";
pub const POLICY_TYPE_NOT_ENABLED: &str = "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.";
pub const ROOT_NOT_FOUND: &str = "We can't find a root with the RootId that you specified.";
/// Documented for CreatePolicy and UpdatePolicy (and seen in a capture).
pub const MALFORMED_POLICY_DOCUMENT: &str =
    "The provided policy document does not meet the requirements of the specified policy type.";
pub const POLICY_TYPE_NOT_AVAILABLE: &str = "You can't use the specified policy type with the feature set currently enabled for this organization.";
pub const CREATE_ACCOUNT_STATUS_NOT_FOUND: &str =
    "We can't find a create account request with the CreateAccountRequestId that you specified.";

/// Every error the Organizations operations answer with, plus the protocol
/// errors a JSON 1.1 front end raises before an operation runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgApiError {
    #[error("{ACCESS_DENIED}")]
    AccessDenied,
    /// Policy evaluation refused the call: the §6 text of `authz`.
    #[error("{0}")]
    PolicyDenied(String),
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
    #[error("{OU_NOT_FOUND}")]
    OrganizationalUnitNotFound,
    #[error("{PARENT_NOT_FOUND}")]
    ParentNotFound,
    #[error("{DUPLICATE_OU}")]
    DuplicateOrganizationalUnit,
    #[error("{OU_NOT_EMPTY}")]
    OrganizationalUnitNotEmpty,
    #[error("{CHILD_NOT_FOUND}")]
    ChildNotFound,
    #[error("{SOURCE_PARENT_NOT_FOUND}")]
    SourceParentNotFound,
    #[error("{DESTINATION_PARENT_NOT_FOUND}")]
    DestinationParentNotFound,
    #[error("{DUPLICATE_ACCOUNT}")]
    DuplicateAccount,
    #[error("{TARGET_NOT_FOUND}")]
    TargetNotFound,
    #[error("{POLICY_NOT_FOUND}")]
    PolicyNotFound,
    #[error("{DUPLICATE_POLICY}")]
    DuplicatePolicy,
    #[error("{DUPLICATE_POLICY_ATTACHMENT}")]
    DuplicatePolicyAttachment,
    #[error("{POLICY_NOT_ATTACHED}")]
    PolicyNotAttached,
    #[error("{POLICY_IN_USE}")]
    PolicyInUse,
    #[error("{POLICY_TYPE_ALREADY_ENABLED}")]
    PolicyTypeAlreadyEnabled,
    #[error("{POLICY_TYPE_NOT_ENABLED}")]
    PolicyTypeNotEnabled,
    #[error("{ROOT_NOT_FOUND}")]
    RootNotFound,
    #[error("{MALFORMED_POLICY_DOCUMENT}")]
    MalformedPolicyDocument,
    #[error("{POLICY_TYPE_NOT_AVAILABLE}")]
    PolicyTypeNotAvailableForOrganization,
    #[error("{}", .0.message())]
    ConstraintViolation(Constraint),
    #[error("{}", .0.message())]
    InvalidInput(InvalidInput),
    /// An InvalidInputException about one member the person typed (an
    /// OU's `Name`, a tag's `Key` or `Value`). The wire is the same as
    /// `InvalidInput`'s; the member reaches forms off the wire, in
    /// `WireResponse::fields`, as the service names none.
    #[error("{}", .kind.message())]
    InvalidMember {
        kind: InvalidInput,
        member: &'static str,
    },
    #[error("{0}")]
    Service(String),
    /// The body is not JSON, not an object, or a member has the wrong type.
    #[error("{0}")]
    Serialization(String),
    /// The target names no operation this sandbox serves.
    #[error("{0}")]
    UnknownOperation(String),
    /// The endpoint could not authenticate the request (see
    /// `authentication.rs`); no operation ran.
    #[error("{}", .0.detailed_message())]
    Unauthenticated(AuthenticationError),
}

impl OrgApiError {
    /// The wire code, sent in `__type`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::AccessDenied | Self::PolicyDenied(_) => "AccessDeniedException",
            Self::NotInUse => "AWSOrganizationsNotInUseException",
            Self::AlreadyInOrganization => "AlreadyInOrganizationException",
            Self::AccountNotFound => "AccountNotFoundException",
            Self::AccountNotRegistered => "AccountNotRegisteredException",
            Self::AccountAlreadyRegistered => "AccountAlreadyRegisteredException",
            Self::CreateAccountStatusNotFound => "CreateAccountStatusNotFoundException",
            Self::OrganizationalUnitNotFound => "OrganizationalUnitNotFoundException",
            Self::ParentNotFound => "ParentNotFoundException",
            Self::DuplicateOrganizationalUnit => "DuplicateOrganizationalUnitException",
            Self::OrganizationalUnitNotEmpty => "OrganizationalUnitNotEmptyException",
            Self::ChildNotFound => "ChildNotFoundException",
            Self::SourceParentNotFound => "SourceParentNotFoundException",
            Self::DestinationParentNotFound => "DestinationParentNotFoundException",
            Self::DuplicateAccount => "DuplicateAccountException",
            Self::TargetNotFound => "TargetNotFoundException",
            Self::PolicyNotFound => "PolicyNotFoundException",
            Self::DuplicatePolicy => "DuplicatePolicyException",
            Self::DuplicatePolicyAttachment => "DuplicatePolicyAttachmentException",
            Self::PolicyNotAttached => "PolicyNotAttachedException",
            Self::PolicyInUse => "PolicyInUseException",
            Self::PolicyTypeAlreadyEnabled => "PolicyTypeAlreadyEnabledException",
            Self::PolicyTypeNotEnabled => "PolicyTypeNotEnabledException",
            Self::RootNotFound => "RootNotFoundException",
            Self::MalformedPolicyDocument => "MalformedPolicyDocumentException",
            Self::PolicyTypeNotAvailableForOrganization => {
                "PolicyTypeNotAvailableForOrganizationException"
            }
            Self::ConstraintViolation(_) => "ConstraintViolationException",
            Self::InvalidInput(_) | Self::InvalidMember { .. } => "InvalidInputException",
            Self::Service(_) => "ServiceException",
            Self::Serialization(_) => "SerializationException",
            Self::UnknownOperation(_) => "UnknownOperationException",
            Self::Unauthenticated(error) => error.json_code(),
        }
    }

    /// The `Reason` member of the two errors that have one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Self::ConstraintViolation(c) => Some(c.reason()),
            Self::InvalidInput(i) | Self::InvalidMember { kind: i, .. } => Some(i.reason()),
            _ => None,
        }
    }

    /// The request member an invalid input is about, when the engine knows.
    pub fn member(&self) -> Option<&'static str> {
        match self {
            Self::InvalidMember { member, .. } => Some(member),
            _ => None,
        }
    }

    /// The same refusal, said to be about `member`.
    pub fn about(self, member: &'static str) -> Self {
        match self {
            Self::InvalidInput(kind) => Self::InvalidMember { kind, member },
            other => other,
        }
    }

    /// Client errors are 400; the service's own failure is 500.
    pub fn status(&self) -> u16 {
        match self {
            Self::Service(_) => 500,
            Self::Unauthenticated(error) => error.status(),
            _ => 400,
        }
    }

    pub fn body(&self) -> Value {
        if let Self::Unauthenticated(_) = self {
            // The endpoint's own errors name their text `message`, as
            // Cognito's and DynamoDB's do (observed), not `Message`.
            return json!({ "__type": self.code(), "message": self.to_string() });
        }
        let mut body = json!({ "__type": self.code(), "Message": self.to_string() });
        if let Some(reason) = self.reason() {
            body["Reason"] = json!(reason);
        }
        body
    }
}
