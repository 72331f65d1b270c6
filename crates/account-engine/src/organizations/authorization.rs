//! The request context of an Organizations call: the `organizations:<Name>`
//! action, the resources the Service Authorization Reference ("Actions,
//! resources, and condition keys for AWS Organizations") gives the action,
//! and its condition keys, handed to `authz` once the service's own checks
//! (the caller's place in the organization) have passed.
//!
//! The table is [`OrgCall::of`]: for each operation, the request members
//! that name its resources, in the reference's order (the required type
//! first), and the members its condition keys read. An action with no
//! resource type is asked on `*`. An action with several resources is
//! allowed only if every one is; the first refused names the denial.

use iam_policy::{Request, Value};
use serde_json::{Map, Value as Json};

use super::api::account_arn;
use super::error::OrgApiError;
use super::ids::{is_ou_id, is_policy_id, is_root_id};
use super::operation::OrgOperation;
use super::policies::{policy_arn, SERVICE_CONTROL_POLICY};
use super::tree::FULL_AWS_ACCESS;
use crate::account::validate::ACCOUNT_ID;
use crate::engine::Engine;
use crate::store::Organization;

/// What authorization needs of one Organizations request, read off its
/// body before the operation runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgCall {
    operation: OrgOperation,
    /// The ids of the resources, in the reference's order; none for `*`.
    resources: Vec<String>,
    /// `organizations:PolicyType` as the request gives it.
    policy_type: Option<String>,
    /// Whether `organizations:PolicyType` is the type of the policy named
    /// by the first resource.
    policy_type_of_resource: bool,
    /// `organizations:ServicePrincipal`.
    service_principal: Option<String>,
    /// `aws:RequestTag/<key>` and, with the removed keys, `aws:TagKeys`.
    request_tags: Vec<(String, String)>,
    tag_keys: Option<Vec<String>>,
}

fn text<'a>(body: &'a Map<String, Json>, member: &str) -> Option<&'a str> {
    body.get(member).and_then(Json::as_str)
}

/// `Tags`: `[{"Key", "Value"}]`.
fn tags(body: &Map<String, Json>) -> Vec<(String, String)> {
    let Some(Json::Array(tags)) = body.get("Tags") else {
        return Vec::new();
    };
    tags.iter()
        .filter_map(|tag| {
            let key = tag.get("Key")?.as_str()?;
            let value = tag.get("Value").and_then(Json::as_str).unwrap_or_default();
            Some((key.to_owned(), value.to_owned()))
        })
        .collect()
}

/// `TagKeys`: `["k", …]`.
fn removed_keys(body: &Map<String, Json>) -> Vec<String> {
    let Some(Json::Array(keys)) = body.get("TagKeys") else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|k| k.as_str().map(str::to_owned))
        .collect()
}

impl OrgCall {
    /// The request context's parts of `operation` called with `body`.
    pub(crate) fn of(operation: OrgOperation, body: &Map<String, Json>) -> Self {
        use OrgOperation as Op;
        let members: &[&str] = match operation {
            Op::CreateOrganization
            | Op::DescribeOrganization
            | Op::CreateAccount
            | Op::CreateGovCloudAccount
            | Op::DescribeCreateAccountStatus
            | Op::ListAccounts
            | Op::ListCreateAccountStatus
            | Op::EnableAwsServiceAccess
            | Op::DisableAwsServiceAccess
            | Op::ListAwsServiceAccessForOrganization
            | Op::ListDelegatedAdministrators
            | Op::ListRoots
            | Op::CreatePolicy
            | Op::ListPolicies => &[],
            Op::RegisterDelegatedAdministrator
            | Op::DeregisterDelegatedAdministrator
            | Op::DescribeAccount
            | Op::ListDelegatedServicesForAccount => &["AccountId"],
            Op::MoveAccount => &["AccountId", "SourceParentId", "DestinationParentId"],
            Op::CreateOrganizationalUnit
            | Op::ListOrganizationalUnitsForParent
            | Op::ListChildren
            | Op::ListAccountsForParent => &["ParentId"],
            Op::DescribeOrganizationalUnit
            | Op::UpdateOrganizationalUnit
            | Op::DeleteOrganizationalUnit => &["OrganizationalUnitId"],
            Op::ListParents => &["ChildId"],
            Op::TagResource | Op::UntagResource | Op::ListTagsForResource => &["ResourceId"],
            Op::EnablePolicyType | Op::DisablePolicyType => &["RootId"],
            Op::DescribePolicy | Op::UpdatePolicy | Op::DeletePolicy | Op::ListTargetsForPolicy => {
                &["PolicyId"]
            }
            Op::AttachPolicy | Op::DetachPolicy => &["PolicyId", "TargetId"],
            Op::ListPoliciesForTarget => &["TargetId"],
        };
        let policy_type = match operation {
            Op::CreatePolicy => text(body, "Type"),
            Op::EnablePolicyType | Op::DisablePolicyType => text(body, "PolicyType"),
            Op::ListPolicies | Op::ListPoliciesForTarget => text(body, "Filter"),
            _ => None,
        };
        let service_principal = match operation {
            Op::EnableAwsServiceAccess
            | Op::DisableAwsServiceAccess
            | Op::RegisterDelegatedAdministrator
            | Op::DeregisterDelegatedAdministrator
            | Op::ListDelegatedAdministrators => text(body, "ServicePrincipal"),
            _ => None,
        };
        let (request_tags, tag_keys) = match operation {
            Op::CreateAccount
            | Op::CreateGovCloudAccount
            | Op::CreateOrganizationalUnit
            | Op::CreatePolicy
            | Op::TagResource => {
                let tags = tags(body);
                let keys = tags.iter().map(|(k, _)| k.clone()).collect();
                (tags, Some(keys))
            }
            Op::UntagResource => (Vec::new(), Some(removed_keys(body))),
            _ => (Vec::new(), None),
        };
        Self {
            operation,
            resources: members
                .iter()
                .filter_map(|m| text(body, m).map(str::to_owned))
                .collect(),
            policy_type: policy_type.map(str::to_owned),
            policy_type_of_resource: matches!(
                operation,
                Op::DescribePolicy
                    | Op::UpdatePolicy
                    | Op::DeletePolicy
                    | Op::ListTargetsForPolicy
                    | Op::AttachPolicy
                    | Op::DetachPolicy
            ),
            service_principal: service_principal.map(str::to_owned),
            request_tags,
            tag_keys,
        }
    }

    /// The resource ARNs to ask about; `*` when the action has none.
    fn resource_arns(&self, org: Option<&Organization>) -> Vec<String> {
        match org {
            Some(org) if !self.resources.is_empty() => {
                self.resources.iter().map(|id| arn(org, id)).collect()
            }
            _ => vec!["*".to_owned()],
        }
    }

    /// The policy type of the policy the call names: every policy the
    /// sandbox keeps is a service control policy; an unknown id has none.
    fn resource_policy_type(&self, org: Option<&Organization>) -> Option<&'static str> {
        let (id, org) = (self.resources.first()?, org?);
        (id == FULL_AWS_ACCESS || org.policies.contains_key(id)).then_some(SERVICE_CONTROL_POLICY)
    }
}

/// The ARN of whatever `id` names in `org`, by the id's form: the SAR's
/// `root`, `organizationalunit`, `account` and `policy` (or `awspolicy`)
/// resource types.
fn arn(org: &Organization, id: &str) -> String {
    if is_root_id(id) {
        format!(
            "arn:aws:organizations::{}:root/{}/{id}",
            org.management_account_id, org.id
        )
    } else if is_ou_id(id) {
        org.unit_arn(id)
    } else if is_policy_id(id) {
        policy_arn(org, id)
    } else if (ACCOUNT_ID.matches)(id) {
        account_arn(org, id)
    } else {
        "*".to_owned()
    }
}

impl Engine {
    /// Refuses the request being served if policy evaluation denies it,
    /// with the §6 text. `index` is the caller's organization, which the
    /// service's own checks found; `None` for CreateOrganization.
    pub(super) fn authorize_organizations(
        &self,
        caller: &str,
        index: Option<usize>,
    ) -> Result<(), OrgApiError> {
        let Some(call) = &self.org_call else {
            return Ok(());
        };
        let principal = self.acting(caller);
        let org = index.map(|i| &self.state.organizations[i]);
        let action = format!("organizations:{}", call.operation.name());
        let policy_type = call.policy_type.as_deref().or_else(|| {
            call.resource_policy_type(org)
                .filter(|_| call.policy_type_of_resource)
        });
        for (i, resource) in call.resource_arns(org).into_iter().enumerate() {
            let mut request = self.request_context(&principal, action.clone(), resource);
            self.org_keys(call, org, i, policy_type, &mut request);
            if let Some(message) = self.decide(&principal, &request) {
                return Err(OrgApiError::PolicyDenied(message));
            }
        }
        Ok(())
    }

    fn org_keys(
        &self,
        call: &OrgCall,
        org: Option<&Organization>,
        resource: usize,
        policy_type: Option<&str>,
        request: &mut Request,
    ) {
        if let Some(policy_type) = policy_type {
            request.insert("organizations:PolicyType", policy_type);
        }
        if let Some(principal) = &call.service_principal {
            request.insert("organizations:ServicePrincipal", principal.as_str());
        }
        for (key, value) in &call.request_tags {
            request.insert(&format!("aws:RequestTag/{key}"), value.as_str());
        }
        if let Some(keys) = &call.tag_keys {
            request.insert("aws:TagKeys", Value::set(keys.iter().map(String::as_str)));
        }
        let tags = org
            .zip(call.resources.get(resource))
            .and_then(|(org, id)| org.tags.get(id));
        for (key, value) in tags.into_iter().flatten() {
            request.insert(&format!("aws:ResourceTag/{key}"), value.as_str());
        }
    }
}
