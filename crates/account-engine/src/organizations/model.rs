//! The AWS Organizations shapes this sandbox serves, named and spelled as in
//! botocore's `organizations/2016-11-28/service-2.json`. JSON 1.1 sends
//! timestamps as epoch seconds, so times are kept in milliseconds and
//! written as seconds.

use serde::{Deserialize, Deserializer, Serialize};

use crate::account::model::AccountState;
use crate::clock::Millis;

/// `OrganizationFeatureSet`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FeatureSet {
    #[default]
    All,
    ConsolidatedBilling,
}

impl FeatureSet {
    pub const ALL: [Self; 2] = [Self::All, Self::ConsolidatedBilling];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "ALL",
            Self::ConsolidatedBilling => "CONSOLIDATED_BILLING",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == value)
    }
}

/// `AccountJoinedMethod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JoinedMethod {
    Invited,
    Created,
}

/// `AccountStatus`, the older and coarser sibling of `AccountState`. The
/// model's PENDING_CLOSURE never arises: sandbox accounts are not closed
/// through Organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountStatus {
    Active,
    Suspended,
}

impl From<AccountState> for AccountStatus {
    /// A closed account stays SUSPENDED during its post-closure period,
    /// and one still being activated already counts as ACTIVE.
    fn from(state: AccountState) -> Self {
        match state {
            AccountState::PendingActivation | AccountState::Active => Self::Active,
            AccountState::Suspended | AccountState::Closed => Self::Suspended,
        }
    }
}

/// `CreateAccountState`. CreateAccount always answers IN_PROGRESS, as the
/// service does; the sandbox's requests are complete by the next call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CreateAccountState {
    InProgress,
    Succeeded,
    Failed,
}

/// `CreateAccountFailureReason`: the one failure a sandbox can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CreateAccountFailureReason {
    EmailAlreadyExists,
}

fn from_epoch_seconds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Millis, D::Error> {
    let seconds = f64::deserialize(deserializer)?;
    Ok((seconds * 1000.0).round() as Millis)
}

fn optional_epoch_seconds<S: serde::Serializer>(
    millis: &Option<Millis>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match millis {
        Some(m) => crate::timestamp::epoch_seconds(m, serializer),
        None => serializer.serialize_none(),
    }
}

fn from_optional_epoch_seconds<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Millis>, D::Error> {
    let seconds = Option::<f64>::deserialize(deserializer)?;
    Ok(seconds.map(|s| (s * 1000.0).round() as Millis))
}

/// Requests as they arrive: every member optional and loosely typed, so the
/// engine reports missing and malformed values in the service's words.
pub mod input {
    use serde::Deserialize;

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateOrganization {
        pub feature_set: Option<String>,
    }

    /// CreateAccount and CreateGovCloudAccount. Tags, RoleName and the
    /// billing-access setting are accepted and not kept: nothing in the
    /// sandbox reads them.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateAccount {
        pub email: Option<String>,
        pub account_name: Option<String>,
        pub role_name: Option<String>,
        pub iam_user_access_to_billing: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct DescribeCreateAccountStatus {
        pub create_account_request_id: Option<String>,
    }

    /// ListAccounts and ListAWSServiceAccessForOrganization.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Page {
        pub next_token: Option<String>,
        /// Wider than the model's integer so any JSON integer reaches the
        /// range check.
        pub max_results: Option<i128>,
    }

    /// EnableAWSServiceAccess and DisableAWSServiceAccess.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ServiceAccess {
        pub service_principal: Option<String>,
    }

    /// RegisterDelegatedAdministrator and DeregisterDelegatedAdministrator.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Delegation {
        pub account_id: Option<String>,
        pub service_principal: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListDelegatedAdministrators {
        pub service_principal: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Tag {
        pub key: Option<String>,
        pub value: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateOrganizationalUnit {
        pub parent_id: Option<String>,
        pub name: Option<String>,
        pub tags: Option<Vec<Tag>>,
    }

    /// DescribeOrganizationalUnit, DeleteOrganizationalUnit.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct OrganizationalUnitId {
        pub organizational_unit_id: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct UpdateOrganizationalUnit {
        pub organizational_unit_id: Option<String>,
        pub name: Option<String>,
    }

    /// ListOrganizationalUnitsForParent, ListAccountsForParent.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ParentPage {
        pub parent_id: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListChildren {
        pub parent_id: Option<String>,
        pub child_type: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListParents {
        pub child_id: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct MoveAccount {
        pub account_id: Option<String>,
        pub source_parent_id: Option<String>,
        pub destination_parent_id: Option<String>,
    }

    /// DescribeAccount, ListDelegatedServicesForAccount.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct AccountPage {
        pub account_id: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct TagResource {
        pub resource_id: Option<String>,
        pub tags: Option<Vec<Tag>>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct UntagResource {
        pub resource_id: Option<String>,
        pub tag_keys: Option<Vec<String>>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListTagsForResource {
        pub resource_id: Option<String>,
        pub next_token: Option<String>,
    }

    /// EnablePolicyType, DisablePolicyType.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyTypeOnRoot {
        pub root_id: Option<String>,
        pub policy_type: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreatePolicy {
        pub content: Option<String>,
        pub description: Option<String>,
        pub name: Option<String>,
        pub r#type: Option<String>,
        pub tags: Option<Vec<Tag>>,
    }

    /// DescribePolicy, DeletePolicy, ListTargetsForPolicy.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyPage {
        pub policy_id: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct UpdatePolicy {
        pub policy_id: Option<String>,
        pub name: Option<String>,
        pub description: Option<String>,
        pub content: Option<String>,
    }

    /// ListPolicies and ListPoliciesForTarget.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListPolicies {
        pub target_id: Option<String>,
        pub filter: Option<String>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }

    /// AttachPolicy, DetachPolicy.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyAttachment {
        pub policy_id: Option<String>,
        pub target_id: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListCreateAccountStatus {
        pub states: Option<Vec<String>>,
        pub next_token: Option<String>,
        pub max_results: Option<i128>,
    }
}

/// Responses, serialized as the service sends them.
pub mod output {
    use serde::{Deserialize, Serialize};

    use crate::timestamp::epoch_seconds;

    use super::{
        from_epoch_seconds, from_optional_epoch_seconds, optional_epoch_seconds, AccountStatus,
        CreateAccountFailureReason, CreateAccountState, FeatureSet, JoinedMethod,
    };
    use crate::account::model::AccountState;
    use crate::clock::Millis;

    /// `PolicyTypeSummary`: SERVICE_CONTROL_POLICY and ENABLED, the one type
    /// the sandbox models.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyTypeSummary {
        pub r#type: String,
        pub status: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Organization {
        pub id: String,
        pub arn: String,
        pub feature_set: FeatureSet,
        pub master_account_arn: String,
        pub master_account_id: String,
        pub master_account_email: String,
        pub available_policy_types: Vec<PolicyTypeSummary>,
    }

    /// CreateOrganization and DescribeOrganization.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct DescribeOrganization {
        pub organization: Organization,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateAccountStatus {
        pub id: String,
        pub account_name: String,
        pub state: CreateAccountState,
        #[serde(
            serialize_with = "epoch_seconds",
            deserialize_with = "from_epoch_seconds"
        )]
        pub requested_timestamp: Millis,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "optional_epoch_seconds",
            deserialize_with = "from_optional_epoch_seconds"
        )]
        pub completed_timestamp: Option<Millis>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub account_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub gov_cloud_account_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub failure_reason: Option<CreateAccountFailureReason>,
    }

    /// CreateAccount and DescribeCreateAccountStatus.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct CreateAccount {
        pub create_account_status: CreateAccountStatus,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Account {
        pub id: String,
        pub arn: String,
        pub email: String,
        pub name: String,
        pub status: AccountStatus,
        pub state: AccountState,
        pub paths: Vec<String>,
        pub joined_method: JoinedMethod,
        #[serde(
            serialize_with = "epoch_seconds",
            deserialize_with = "from_epoch_seconds"
        )]
        pub joined_timestamp: Millis,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct DescribeAccount {
        pub account: Account,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Root {
        pub id: String,
        pub arn: String,
        pub name: String,
        pub policy_types: Vec<PolicyTypeSummary>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListRoots {
        pub roots: Vec<Root>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    /// EnablePolicyType and DisablePolicyType.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct RootOutput {
        pub root: Root,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct OrganizationalUnit {
        pub id: String,
        pub arn: String,
        pub name: String,
        pub path: String,
    }

    /// Create, Describe and UpdateOrganizationalUnit.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct OrganizationalUnitOutput {
        pub organizational_unit: OrganizationalUnit,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListOrganizationalUnitsForParent {
        pub organizational_units: Vec<OrganizationalUnit>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    /// A `Child` or `Parent`: an id and ACCOUNT, ORGANIZATIONAL_UNIT or ROOT.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Relative {
        pub id: String,
        pub r#type: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListChildren {
        pub children: Vec<Relative>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListParents {
        pub parents: Vec<Relative>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Tag {
        pub key: String,
        pub value: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListTagsForResource {
        pub tags: Vec<Tag>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicySummary {
        pub id: String,
        pub arn: String,
        pub name: String,
        pub description: String,
        pub r#type: String,
        pub aws_managed: bool,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Policy {
        pub policy_summary: PolicySummary,
        pub content: String,
    }

    /// CreatePolicy, DescribePolicy and UpdatePolicy.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyOutput {
        pub policy: Policy,
    }

    /// ListPolicies and ListPoliciesForTarget.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListPolicies {
        pub policies: Vec<PolicySummary>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PolicyTargetSummary {
        pub target_id: String,
        pub arn: String,
        pub name: String,
        pub r#type: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListTargetsForPolicy {
        pub targets: Vec<PolicyTargetSummary>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListCreateAccountStatus {
        pub create_account_statuses: Vec<CreateAccountStatus>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct DelegatedService {
        pub service_principal: String,
        #[serde(
            serialize_with = "epoch_seconds",
            deserialize_with = "from_epoch_seconds"
        )]
        pub delegation_enabled_date: Millis,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListDelegatedServicesForAccount {
        pub delegated_services: Vec<DelegatedService>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListAccounts {
        pub accounts: Vec<Account>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct EnabledServicePrincipal {
        pub service_principal: String,
        #[serde(
            serialize_with = "epoch_seconds",
            deserialize_with = "from_epoch_seconds"
        )]
        pub date_enabled: Millis,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListAwsServiceAccessForOrganization {
        pub enabled_service_principals: Vec<EnabledServicePrincipal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct DelegatedAdministrator {
        #[serde(flatten)]
        pub account: Account,
        #[serde(
            serialize_with = "epoch_seconds",
            deserialize_with = "from_epoch_seconds"
        )]
        pub delegation_enabled_date: Millis,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListDelegatedAdministrators {
        pub delegated_administrators: Vec<DelegatedAdministrator>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }
}
