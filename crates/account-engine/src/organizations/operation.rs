//! The AWS Organizations operations the engine serves, with their wire names
//! and `X-Amz-Target` values. As with `Operation`, exhaustive `match`es make
//! a new one impossible to half-wire.

/// The JSON 1.1 target prefix of AWS Organizations.
pub const TARGET_PREFIX: &str = "AWSOrganizationsV20161128";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgOperation {
    CreateOrganization,
    DescribeOrganization,
    CreateAccount,
    DescribeCreateAccountStatus,
    ListAccounts,
    EnableAwsServiceAccess,
    DisableAwsServiceAccess,
    ListAwsServiceAccessForOrganization,
    RegisterDelegatedAdministrator,
    DeregisterDelegatedAdministrator,
    ListDelegatedAdministrators,
    CreateGovCloudAccount,
    ListRoots,
    CreateOrganizationalUnit,
    DescribeOrganizationalUnit,
    UpdateOrganizationalUnit,
    DeleteOrganizationalUnit,
    ListOrganizationalUnitsForParent,
    ListChildren,
    ListParents,
    ListAccountsForParent,
    MoveAccount,
    DescribeAccount,
    TagResource,
    UntagResource,
    ListTagsForResource,
    EnablePolicyType,
    DisablePolicyType,
    CreatePolicy,
    DescribePolicy,
    UpdatePolicy,
    DeletePolicy,
    ListPolicies,
    ListPoliciesForTarget,
    ListTargetsForPolicy,
    AttachPolicy,
    DetachPolicy,
    ListCreateAccountStatus,
    ListDelegatedServicesForAccount,
}

impl OrgOperation {
    pub const ALL: [Self; 39] = [
        Self::CreateOrganization,
        Self::DescribeOrganization,
        Self::CreateAccount,
        Self::DescribeCreateAccountStatus,
        Self::ListAccounts,
        Self::EnableAwsServiceAccess,
        Self::DisableAwsServiceAccess,
        Self::ListAwsServiceAccessForOrganization,
        Self::RegisterDelegatedAdministrator,
        Self::DeregisterDelegatedAdministrator,
        Self::ListDelegatedAdministrators,
        Self::CreateGovCloudAccount,
        Self::ListRoots,
        Self::CreateOrganizationalUnit,
        Self::DescribeOrganizationalUnit,
        Self::UpdateOrganizationalUnit,
        Self::DeleteOrganizationalUnit,
        Self::ListOrganizationalUnitsForParent,
        Self::ListChildren,
        Self::ListParents,
        Self::ListAccountsForParent,
        Self::MoveAccount,
        Self::DescribeAccount,
        Self::TagResource,
        Self::UntagResource,
        Self::ListTagsForResource,
        Self::EnablePolicyType,
        Self::DisablePolicyType,
        Self::CreatePolicy,
        Self::DescribePolicy,
        Self::UpdatePolicy,
        Self::DeletePolicy,
        Self::ListPolicies,
        Self::ListPoliciesForTarget,
        Self::ListTargetsForPolicy,
        Self::AttachPolicy,
        Self::DetachPolicy,
        Self::ListCreateAccountStatus,
        Self::ListDelegatedServicesForAccount,
    ];

    /// The API name, e.g. `EnableAWSServiceAccess`.
    pub fn name(self) -> &'static str {
        match self {
            Self::CreateOrganization => "CreateOrganization",
            Self::DescribeOrganization => "DescribeOrganization",
            Self::CreateAccount => "CreateAccount",
            Self::DescribeCreateAccountStatus => "DescribeCreateAccountStatus",
            Self::ListAccounts => "ListAccounts",
            Self::EnableAwsServiceAccess => "EnableAWSServiceAccess",
            Self::DisableAwsServiceAccess => "DisableAWSServiceAccess",
            Self::ListAwsServiceAccessForOrganization => "ListAWSServiceAccessForOrganization",
            Self::RegisterDelegatedAdministrator => "RegisterDelegatedAdministrator",
            Self::DeregisterDelegatedAdministrator => "DeregisterDelegatedAdministrator",
            Self::ListDelegatedAdministrators => "ListDelegatedAdministrators",
            Self::CreateGovCloudAccount => "CreateGovCloudAccount",
            Self::ListRoots => "ListRoots",
            Self::CreateOrganizationalUnit => "CreateOrganizationalUnit",
            Self::DescribeOrganizationalUnit => "DescribeOrganizationalUnit",
            Self::UpdateOrganizationalUnit => "UpdateOrganizationalUnit",
            Self::DeleteOrganizationalUnit => "DeleteOrganizationalUnit",
            Self::ListOrganizationalUnitsForParent => "ListOrganizationalUnitsForParent",
            Self::ListChildren => "ListChildren",
            Self::ListParents => "ListParents",
            Self::ListAccountsForParent => "ListAccountsForParent",
            Self::MoveAccount => "MoveAccount",
            Self::DescribeAccount => "DescribeAccount",
            Self::TagResource => "TagResource",
            Self::UntagResource => "UntagResource",
            Self::ListTagsForResource => "ListTagsForResource",
            Self::EnablePolicyType => "EnablePolicyType",
            Self::DisablePolicyType => "DisablePolicyType",
            Self::CreatePolicy => "CreatePolicy",
            Self::DescribePolicy => "DescribePolicy",
            Self::UpdatePolicy => "UpdatePolicy",
            Self::DeletePolicy => "DeletePolicy",
            Self::ListPolicies => "ListPolicies",
            Self::ListPoliciesForTarget => "ListPoliciesForTarget",
            Self::ListTargetsForPolicy => "ListTargetsForPolicy",
            Self::AttachPolicy => "AttachPolicy",
            Self::DetachPolicy => "DetachPolicy",
            Self::ListCreateAccountStatus => "ListCreateAccountStatus",
            Self::ListDelegatedServicesForAccount => "ListDelegatedServicesForAccount",
        }
    }

    /// The `X-Amz-Target` header value, e.g.
    /// `AWSOrganizationsV20161128.ListAccounts`.
    pub fn target(self) -> String {
        format!("{TARGET_PREFIX}.{}", self.name())
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }

    pub fn from_target(target: &str) -> Option<Self> {
        let (prefix, name) = target.split_once('.')?;
        (prefix == TARGET_PREFIX)
            .then(|| Self::from_name(name))
            .flatten()
    }

    /// Whether the operation can change state (shells persist after these).
    pub fn is_mutating(self) -> bool {
        match self {
            Self::CreateOrganization
            | Self::CreateAccount
            | Self::CreateGovCloudAccount
            | Self::EnableAwsServiceAccess
            | Self::DisableAwsServiceAccess
            | Self::RegisterDelegatedAdministrator
            | Self::DeregisterDelegatedAdministrator
            | Self::CreateOrganizationalUnit
            | Self::UpdateOrganizationalUnit
            | Self::DeleteOrganizationalUnit
            | Self::MoveAccount
            | Self::TagResource
            | Self::UntagResource
            | Self::EnablePolicyType
            | Self::DisablePolicyType
            | Self::CreatePolicy
            | Self::UpdatePolicy
            | Self::DeletePolicy
            | Self::AttachPolicy
            | Self::DetachPolicy => true,
            Self::DescribeOrganization
            | Self::DescribeCreateAccountStatus
            | Self::ListAccounts
            | Self::ListAwsServiceAccessForOrganization
            | Self::ListDelegatedAdministrators
            | Self::ListRoots
            | Self::DescribeOrganizationalUnit
            | Self::ListOrganizationalUnitsForParent
            | Self::ListChildren
            | Self::ListParents
            | Self::ListAccountsForParent
            | Self::DescribeAccount
            | Self::ListTagsForResource
            | Self::DescribePolicy
            | Self::ListPolicies
            | Self::ListPoliciesForTarget
            | Self::ListTargetsForPolicy
            | Self::ListCreateAccountStatus
            | Self::ListDelegatedServicesForAccount => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OrgOperation;

    #[test]
    fn targets_round_trip() {
        assert_eq!(
            OrgOperation::ListAccounts.target(),
            "AWSOrganizationsV20161128.ListAccounts"
        );
        for op in OrgOperation::ALL {
            assert_eq!(OrgOperation::from_target(&op.target()), Some(op));
            assert_eq!(OrgOperation::from_name(op.name()), Some(op));
        }
        assert_eq!(
            OrgOperation::from_target("AWSOrganizationsV20161128.EnableAWSServiceAccess"),
            Some(OrgOperation::EnableAwsServiceAccess)
        );
        assert_eq!(OrgOperation::from_target("ListAccounts"), None);
        assert_eq!(
            OrgOperation::from_target("AWSOrganizationsV20161128.ListHandshakesForAccount"),
            None
        );
        assert_eq!(
            OrgOperation::from_target("Route53Domains_v20140515.ListAccounts"),
            None
        );
    }
}
