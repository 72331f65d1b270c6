//! Shapes of botocore's `iam` model: what the operations read from a
//! request and what they answer, which the Query wire writes as XML.

use crate::clock::Millis;

/// A request's parameters by their Query names (`UserName`,
/// `Tags.member.1.Key`); the wire decodes them, the operations read them.
pub trait Args {
    /// The value of `name`; an empty value counts as none.
    fn get(&self, name: &str) -> Option<&str>;
}

/// `User`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub path: String,
    pub user_name: String,
    pub user_id: String,
    pub arn: String,
    pub create_date: Millis,
    /// The ARN of the user's permissions boundary.
    pub permissions_boundary: Option<String>,
    pub tags: Vec<(String, String)>,
}

/// `Role`; the trust policy is sent URL-encoded, as IAM does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub path: String,
    pub role_name: String,
    pub role_id: String,
    pub arn: String,
    pub create_date: Millis,
    pub assume_role_policy_document: String,
    pub description: String,
    pub max_session_duration: u32,
    pub permissions_boundary: Option<String>,
    pub tags: Vec<(String, String)>,
}

/// `AccessKey`, the only answer that carries the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessKey {
    pub user_name: String,
    pub access_key_id: String,
    pub status: &'static str,
    pub secret_access_key: String,
    pub create_date: Millis,
}

/// `AccessKeyMetadata`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessKeyMetadata {
    pub user_name: String,
    pub access_key_id: String,
    pub status: &'static str,
    pub create_date: Millis,
}

/// `Policy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub policy_name: String,
    pub policy_id: String,
    pub arn: String,
    pub path: String,
    pub default_version_id: &'static str,
    pub attachment_count: usize,
    pub is_attachable: bool,
    pub description: String,
    pub create_date: Millis,
}

/// `PolicyVersion`; the document is sent URL-encoded, as IAM does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    pub document: String,
    pub version_id: &'static str,
    pub create_date: Millis,
}

/// `AttachedPolicy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachedPolicy {
    pub policy_name: String,
    pub policy_arn: String,
}

/// What an IAM operation answers: the members of its `<OpResult>`, or
/// nothing for the operations without output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IamOutput {
    None,
    User(User),
    Users(Vec<User>),
    AccessKey(AccessKey),
    AccessKeys {
        user_name: String,
        keys: Vec<AccessKeyMetadata>,
    },
    UserPolicy {
        user_name: String,
        policy_name: String,
        document: String,
    },
    Role(Role),
    Roles(Vec<Role>),
    RolePolicy {
        role_name: String,
        policy_name: String,
        document: String,
    },
    /// ListRolePolicies' `PolicyNames`.
    PolicyNames(Vec<String>),
    Policy(Policy),
    PolicyVersion(PolicyVersion),
    Policies(Vec<Policy>),
    AttachedPolicies(Vec<AttachedPolicy>),
}
