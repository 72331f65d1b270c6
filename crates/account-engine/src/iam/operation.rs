//! The AWS IAM operations the engine serves, with their Query `Action`
//! names. As with `Operation`, exhaustive `match`es make a new one
//! impossible to half-wire.

/// The `Version` every IAM request carries.
pub const VERSION: &str = "2010-05-08";

/// The namespace of IAM's XML answers (botocore's `xmlNamespace`).
pub const XML_NAMESPACE: &str = "https://iam.amazonaws.com/doc/2010-05-08/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IamOperation {
    CreateUser,
    GetUser,
    ListUsers,
    DeleteUser,
    TagUser,
    CreateAccessKey,
    ListAccessKeys,
    DeleteAccessKey,
    PutUserPolicy,
    GetUserPolicy,
    DeleteUserPolicy,
    CreatePolicy,
    GetPolicy,
    GetPolicyVersion,
    ListPolicies,
    AttachUserPolicy,
    DetachUserPolicy,
    ListAttachedUserPolicies,
    CreateRole,
    GetRole,
    ListRoles,
    DeleteRole,
    TagRole,
    PutRolePolicy,
    GetRolePolicy,
    DeleteRolePolicy,
    ListRolePolicies,
    AttachRolePolicy,
    DetachRolePolicy,
    ListAttachedRolePolicies,
    PutUserPermissionsBoundary,
    DeleteUserPermissionsBoundary,
    PutRolePermissionsBoundary,
    DeleteRolePermissionsBoundary,
}

impl IamOperation {
    pub const ALL: [Self; 34] = [
        Self::CreateUser,
        Self::GetUser,
        Self::ListUsers,
        Self::DeleteUser,
        Self::TagUser,
        Self::CreateAccessKey,
        Self::ListAccessKeys,
        Self::DeleteAccessKey,
        Self::PutUserPolicy,
        Self::GetUserPolicy,
        Self::DeleteUserPolicy,
        Self::CreatePolicy,
        Self::GetPolicy,
        Self::GetPolicyVersion,
        Self::ListPolicies,
        Self::AttachUserPolicy,
        Self::DetachUserPolicy,
        Self::ListAttachedUserPolicies,
        Self::CreateRole,
        Self::GetRole,
        Self::ListRoles,
        Self::DeleteRole,
        Self::TagRole,
        Self::PutRolePolicy,
        Self::GetRolePolicy,
        Self::DeleteRolePolicy,
        Self::ListRolePolicies,
        Self::AttachRolePolicy,
        Self::DetachRolePolicy,
        Self::ListAttachedRolePolicies,
        Self::PutUserPermissionsBoundary,
        Self::DeleteUserPermissionsBoundary,
        Self::PutRolePermissionsBoundary,
        Self::DeleteRolePermissionsBoundary,
    ];

    /// The API name, which is also the request's `Action`.
    pub fn name(self) -> &'static str {
        match self {
            Self::CreateUser => "CreateUser",
            Self::GetUser => "GetUser",
            Self::ListUsers => "ListUsers",
            Self::DeleteUser => "DeleteUser",
            Self::TagUser => "TagUser",
            Self::CreateAccessKey => "CreateAccessKey",
            Self::ListAccessKeys => "ListAccessKeys",
            Self::DeleteAccessKey => "DeleteAccessKey",
            Self::PutUserPolicy => "PutUserPolicy",
            Self::GetUserPolicy => "GetUserPolicy",
            Self::DeleteUserPolicy => "DeleteUserPolicy",
            Self::CreatePolicy => "CreatePolicy",
            Self::GetPolicy => "GetPolicy",
            Self::GetPolicyVersion => "GetPolicyVersion",
            Self::ListPolicies => "ListPolicies",
            Self::AttachUserPolicy => "AttachUserPolicy",
            Self::DetachUserPolicy => "DetachUserPolicy",
            Self::ListAttachedUserPolicies => "ListAttachedUserPolicies",
            Self::CreateRole => "CreateRole",
            Self::GetRole => "GetRole",
            Self::ListRoles => "ListRoles",
            Self::DeleteRole => "DeleteRole",
            Self::TagRole => "TagRole",
            Self::PutRolePolicy => "PutRolePolicy",
            Self::GetRolePolicy => "GetRolePolicy",
            Self::DeleteRolePolicy => "DeleteRolePolicy",
            Self::ListRolePolicies => "ListRolePolicies",
            Self::AttachRolePolicy => "AttachRolePolicy",
            Self::DetachRolePolicy => "DetachRolePolicy",
            Self::ListAttachedRolePolicies => "ListAttachedRolePolicies",
            Self::PutUserPermissionsBoundary => "PutUserPermissionsBoundary",
            Self::DeleteUserPermissionsBoundary => "DeleteUserPermissionsBoundary",
            Self::PutRolePermissionsBoundary => "PutRolePermissionsBoundary",
            Self::DeleteRolePermissionsBoundary => "DeleteRolePermissionsBoundary",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }

    /// Whether the operation can change state (shells persist after these).
    pub fn is_mutating(self) -> bool {
        match self {
            Self::CreateUser
            | Self::DeleteUser
            | Self::TagUser
            | Self::CreateAccessKey
            | Self::DeleteAccessKey
            | Self::PutUserPolicy
            | Self::DeleteUserPolicy
            | Self::CreatePolicy
            | Self::AttachUserPolicy
            | Self::DetachUserPolicy
            | Self::CreateRole
            | Self::DeleteRole
            | Self::TagRole
            | Self::PutRolePolicy
            | Self::DeleteRolePolicy
            | Self::AttachRolePolicy
            | Self::DetachRolePolicy
            | Self::PutUserPermissionsBoundary
            | Self::DeleteUserPermissionsBoundary
            | Self::PutRolePermissionsBoundary
            | Self::DeleteRolePermissionsBoundary => true,
            Self::GetUser
            | Self::ListUsers
            | Self::ListAccessKeys
            | Self::GetUserPolicy
            | Self::GetPolicy
            | Self::GetPolicyVersion
            | Self::ListPolicies
            | Self::ListAttachedUserPolicies
            | Self::GetRole
            | Self::ListRoles
            | Self::GetRolePolicy
            | Self::ListRolePolicies
            | Self::ListAttachedRolePolicies => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IamOperation;

    #[test]
    fn names_round_trip() {
        for op in IamOperation::ALL {
            assert_eq!(IamOperation::from_name(op.name()), Some(op));
        }
        assert_eq!(IamOperation::from_name("createUser"), None);
        assert_eq!(IamOperation::from_name("UpdateRole"), None);
    }
}
