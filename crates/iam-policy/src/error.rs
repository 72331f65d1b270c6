//! Why a policy document was refused, in IAM's own words
//! (`MalformedPolicyDocument`): the texts of `shared/spec/iam.md` §5, from
//! moto's captures of IAM and from IAM's answers quoted in public issues.

use thiserror::Error;

/// Where broken JSON broke, for an editor to point at (1-based, as
/// serde_json counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonPosition {
    pub line: usize,
    pub column: usize,
}

/// A policy document IAM would refuse. `Display` is IAM's message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    /// Not JSON, an unknown element, a wrong type, an unknown condition
    /// operator. `position` is set when the text is not JSON at all.
    #[error("Syntax errors in policy.")]
    Syntax { position: Option<JsonPosition> },
    /// A missing Version, or 2008-10-17, where only 2012-10-17 is accepted.
    #[error("Policy document must be version 2012-10-17 or greater.")]
    Version,
    /// An Effect in the wrong case, a date IAM cannot read, a malformed
    /// resource ARN.
    #[error("The policy failed legacy parsing")]
    LegacyParsing,
    #[error("Statement IDs (SID) in a single policy must be unique.")]
    DuplicateSid,
    #[error("Policy statement must contain actions.")]
    MissingActions,
    #[error("Policy statement must contain resources.")]
    MissingResources,
    /// Principal or NotPrincipal in an identity policy or an SCP.
    #[error("Policy document should not specify a principal.")]
    PrincipalNotAllowed,
    /// A trust policy statement without Principal: the text S3 gives for
    /// a bucket policy; IAM's own answer has not been captured.
    #[error("Missing required field Principal")]
    MissingPrincipal,
    /// Resource or NotResource in a trust policy.
    #[error("Has prohibited field Resource.")]
    ResourceNotAllowed,
    #[error("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    ActionWithoutVendor,
    #[error("Vendor {0} is not valid")]
    InvalidVendor(String),
    #[error("Actions/Condition can contain only one colon.")]
    ActionWithColons,
    #[error("Resource {0} must be in ARN format or \"*\".")]
    ResourceNotArn(String),
    /// `resource` is the ARN as IAM re-assembles it, with `*` for missing
    /// segments.
    #[error("Partition \"{partition}\" is not valid for resource \"{resource}\".")]
    InvalidPartition { partition: String, resource: String },
    #[error("Resource vendor must be fully qualified and cannot contain regexes.")]
    ResourceVendor,
    #[error("Resource {0} can not contain region information.")]
    ResourceRegion(String),
    #[error("IAM resource {0} cannot contain region information.")]
    IamResourceRegion(String),
}

impl PolicyError {
    /// The line and column of broken JSON, apart from IAM's message.
    pub fn json_position(&self) -> Option<JsonPosition> {
        match self {
            Self::Syntax { position } => *position,
            _ => None,
        }
    }
}
