//! Service control policies: enabling the type on the root, the policies
//! themselves (with the AWS managed `p-FullAWSAccess`), and attaching them
//! to the root, OUs and accounts within the service's limits
//! (`shared/spec/iam.md` §4 and §7). The sandbox models no other type.

use super::api::{check_page, check_string, invalid, required, Callers, Result};
use super::error::{Constraint, InvalidInput, OrgApiError};
use super::ids::{is_policy_id, is_root_id, is_target_id};
use super::model::{input, output};
use super::structure::{is_this_root, root_entry, ROOT_NAME};
use super::tags::checked_tags;
use super::tree::{Node, FULL_AWS_ACCESS};
use crate::engine::Engine;
use crate::store::{Organization, State, StoredPolicy};

pub const SERVICE_CONTROL_POLICY: &str = "SERVICE_CONTROL_POLICY";

/// The policy types of the model; only SCPs are modelled here.
const POLICY_TYPES: [&str; 15] = [
    "SERVICE_CONTROL_POLICY",
    "RESOURCE_CONTROL_POLICY",
    "TAG_POLICY",
    "BACKUP_POLICY",
    "AISERVICES_OPT_OUT_POLICY",
    "CHATBOT_POLICY",
    "DECLARATIVE_POLICY_EC2",
    "SECURITYHUB_POLICY",
    "SECURITYHUB_CSPM_POLICY",
    "INSPECTOR_POLICY",
    "UPGRADE_ROLLOUT_POLICY",
    "BEDROCK_POLICY",
    "S3_POLICY",
    "NETWORK_SECURITY_DIRECTOR_POLICY",
    "GUARDDUTY_POLICY",
];

/// Characters an SCP may have (documented: 5,120, every character counted).
pub const MAX_SCP_CHARACTERS: usize = 5120;

/// SCPs attached to one target at most (documented).
const MAX_ATTACHED: usize = 5;

pub const FULL_AWS_ACCESS_CONTENT: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

/// A policy type argument: one of the model's, and SERVICE_CONTROL_POLICY,
/// the one this sandbox models, or else the service's refusal of a type
/// the organization cannot use.
fn check_policy_type(value: &str) -> Result<()> {
    if !POLICY_TYPES.contains(&value) {
        return Err(invalid(InvalidInput::InvalidEnumPolicyType));
    }
    if value != SERVICE_CONTROL_POLICY {
        return Err(OrgApiError::PolicyTypeNotAvailableForOrganization);
    }
    Ok(())
}

fn check_policy_id(value: &str) -> Result<()> {
    check_string(value, (0, 130), is_policy_id)
}

/// The content of an SCP: within the size limit and a valid policy in the
/// SCP grammar.
fn check_content(content: &str) -> Result<()> {
    if content.is_empty() {
        return Err(invalid(InvalidInput::MinLengthExceeded));
    }
    if content.chars().count() > MAX_SCP_CHARACTERS {
        return Err(OrgApiError::ConstraintViolation(
            Constraint::PolicyContentLimitExceeded,
        ));
    }
    iam_policy::Policy::parse(content, iam_policy::PolicyKind::ServiceControl)
        .map(|_| ())
        .map_err(|_| OrgApiError::MalformedPolicyDocument)
}

pub(crate) fn policy_arn(org: &Organization, id: &str) -> String {
    if id == FULL_AWS_ACCESS {
        return format!("arn:aws:organizations::aws:policy/service_control_policy/{id}");
    }
    format!(
        "arn:aws:organizations::{}:policy/{}/service_control_policy/{id}",
        org.management_account_id, org.id
    )
}

fn summary(org: &Organization, id: &str) -> output::PolicySummary {
    let (name, description, aws_managed) = match org.policies.get(id) {
        Some(p) => (p.name.as_str(), p.description.as_str(), false),
        None => ("FullAWSAccess", "Allows access to every operation", true),
    };
    output::PolicySummary {
        id: id.to_owned(),
        arn: policy_arn(org, id),
        name: name.to_owned(),
        description: description.to_owned(),
        r#type: SERVICE_CONTROL_POLICY.to_owned(),
        aws_managed,
    }
}

fn describe(org: &Organization, id: &str) -> output::Policy {
    let content = org
        .policies
        .get(id)
        .map_or(FULL_AWS_ACCESS_CONTENT, |p| p.content.as_str());
    output::Policy {
        policy_summary: summary(org, id),
        content: content.to_owned(),
    }
}

fn policy_exists(org: &Organization, id: &str) -> bool {
    id == FULL_AWS_ACCESS || org.policies.contains_key(id)
}

/// Every policy's id: the AWS managed one first, then the customer's.
fn policy_ids(org: &Organization) -> impl Iterator<Item = &str> {
    std::iter::once(FULL_AWS_ACCESS).chain(org.policies.keys().map(String::as_str))
}

/// The key a policy list is ordered and resumed by: `p-FullAWSAccess`
/// first (it would sort after ids that start with a digit), then by id.
fn listing_key(id: &str) -> String {
    if id == FULL_AWS_ACCESS {
        String::new()
    } else {
        id.to_owned()
    }
}

fn target_summary(state: &State, org: &Organization, id: &str) -> output::PolicyTargetSummary {
    let (arn, name, kind) = match org.node(id) {
        Some(Node::Unit(ou)) => (
            org.unit_arn(ou),
            org.units[ou].name.clone(),
            "ORGANIZATIONAL_UNIT",
        ),
        Some(Node::Account(account)) => (
            super::api::account_arn(org, account),
            state.accounts[account].name.clone(),
            "ACCOUNT",
        ),
        _ => (org.root_arn(), ROOT_NAME.to_owned(), "ROOT"),
    };
    output::PolicyTargetSummary {
        target_id: id.to_owned(),
        arn,
        name,
        r#type: kind.to_owned(),
    }
}

impl Engine {
    fn checked_root(&self, caller: &str, input: &input::PolicyTypeOnRoot) -> Result<usize> {
        let root = required(input.root_id.as_deref())?;
        let policy_type = required(input.policy_type.as_deref())?;
        check_string(root, (0, 34), is_root_id)?;
        if !POLICY_TYPES.contains(&policy_type) {
            return Err(invalid(InvalidInput::InvalidEnumPolicyType));
        }
        let index = self.authorize(caller, Callers::Management)?;
        if !is_this_root(&self.state.organizations[index], root) {
            return Err(OrgApiError::RootNotFound);
        }
        check_policy_type(policy_type)?;
        Ok(index)
    }

    /// Attaches `p-FullAWSAccess` to the root, every OU and every account.
    pub(crate) fn org_enable_policy_type(
        &mut self,
        caller: &str,
        input: input::PolicyTypeOnRoot,
    ) -> Result<output::RootOutput> {
        let index = self.checked_root(caller, &input)?;
        let org = &mut self.state.organizations[index];
        if org.feature_set != super::model::FeatureSet::All {
            return Err(OrgApiError::PolicyTypeNotAvailableForOrganization);
        }
        if org.service_control_policies {
            return Err(OrgApiError::PolicyTypeAlreadyEnabled);
        }
        org.service_control_policies = true;
        let targets: Vec<String> = std::iter::once(org.root_id())
            .chain(org.units.keys().cloned())
            .chain(org.members.iter().cloned())
            .collect();
        for target in targets {
            org.adopt(&target);
        }
        Ok(output::RootOutput {
            root: root_entry(org),
        })
    }

    /// Detaches every SCP; the policies themselves stay.
    pub(crate) fn org_disable_policy_type(
        &mut self,
        caller: &str,
        input: input::PolicyTypeOnRoot,
    ) -> Result<output::RootOutput> {
        let index = self.checked_root(caller, &input)?;
        let org = &mut self.state.organizations[index];
        if !org.service_control_policies {
            return Err(OrgApiError::PolicyTypeNotEnabled);
        }
        org.service_control_policies = false;
        org.attachments.clear();
        Ok(output::RootOutput {
            root: root_entry(org),
        })
    }

    pub(crate) fn org_create_policy(
        &mut self,
        caller: &str,
        input: input::CreatePolicy,
    ) -> Result<output::PolicyOutput> {
        let content = required(input.content.as_deref())?;
        let description = required(input.description.as_deref())?;
        let name = required(input.name.as_deref())?;
        let policy_type = required(input.r#type.as_deref())?;
        check_string(name, (1, 128), |_| true)?;
        check_string(description, (0, 512), |_| true)?;
        if !POLICY_TYPES.contains(&policy_type) {
            return Err(invalid(InvalidInput::InvalidEnumPolicyType));
        }
        let tags = checked_tags(input.tags.as_deref().unwrap_or_default())?;
        let index = self.authorize(caller, Callers::Management)?;
        check_policy_type(policy_type)?;
        check_content(content)?;
        if self.state.organizations[index]
            .policies
            .values()
            .any(|p| p.name == name)
        {
            return Err(OrgApiError::DuplicatePolicy);
        }
        let id = loop {
            let id = format!(
                "p-{}",
                self.new_code(b"abcdefghijklmnopqrstuvwxyz0123456789", 8)
            );
            if !self.state.organizations[index].policies.contains_key(&id) {
                break id;
            }
        };
        let org = &mut self.state.organizations[index];
        org.policies.insert(
            id.clone(),
            StoredPolicy {
                name: name.to_owned(),
                description: description.to_owned(),
                content: content.to_owned(),
            },
        );
        if !tags.is_empty() {
            org.tags.insert(id.clone(), tags);
        }
        Ok(output::PolicyOutput {
            policy: describe(org, &id),
        })
    }

    /// The organization and policy a `PolicyId` names, after the input and
    /// caller checks.
    fn existing_policy(&self, caller: &str, id: Option<&str>, callers: Callers) -> Result<usize> {
        let id = required(id)?;
        check_policy_id(id)?;
        let index = self.authorize(caller, callers)?;
        if policy_exists(&self.state.organizations[index], id) {
            Ok(index)
        } else {
            Err(OrgApiError::PolicyNotFound)
        }
    }

    pub(crate) fn org_describe_policy(
        &mut self,
        caller: &str,
        input: input::PolicyPage,
    ) -> Result<output::PolicyOutput> {
        let id = input.policy_id.as_deref();
        let index = self.existing_policy(caller, id, Callers::Administrators)?;
        Ok(output::PolicyOutput {
            policy: describe(&self.state.organizations[index], id.unwrap_or_default()),
        })
    }

    pub(crate) fn org_update_policy(
        &mut self,
        caller: &str,
        input: input::UpdatePolicy,
    ) -> Result<output::PolicyOutput> {
        if let Some(name) = input.name.as_deref() {
            check_string(name, (1, 128), |_| true)?;
        }
        if let Some(description) = input.description.as_deref() {
            check_string(description, (0, 512), |_| true)?;
        }
        let id = input.policy_id.as_deref();
        let index = self.existing_policy(caller, id, Callers::Management)?;
        let id = id.unwrap_or_default();
        if id == FULL_AWS_ACCESS {
            return Err(invalid(InvalidInput::ImmutablePolicy));
        }
        if let Some(content) = input.content.as_deref() {
            check_content(content)?;
        }
        let org = &mut self.state.organizations[index];
        if let Some(name) = input.name.as_deref() {
            if org
                .policies
                .iter()
                .any(|(other, p)| other != id && p.name == name)
            {
                return Err(OrgApiError::DuplicatePolicy);
            }
        }
        let policy = org.policies.get_mut(id).expect("the policy exists");
        if let Some(name) = input.name {
            policy.name = name;
        }
        if let Some(description) = input.description {
            policy.description = description;
        }
        if let Some(content) = input.content {
            policy.content = content;
        }
        Ok(output::PolicyOutput {
            policy: describe(org, id),
        })
    }

    pub(crate) fn org_delete_policy(
        &mut self,
        caller: &str,
        input: input::PolicyPage,
    ) -> Result<()> {
        let id = input.policy_id.as_deref();
        let index = self.existing_policy(caller, id, Callers::Management)?;
        let id = id.unwrap_or_default();
        if id == FULL_AWS_ACCESS {
            return Err(invalid(InvalidInput::ImmutablePolicy));
        }
        let org = &mut self.state.organizations[index];
        if org.attachments.values().any(|set| set.contains(id)) {
            return Err(OrgApiError::PolicyInUse);
        }
        org.policies.remove(id);
        org.tags.remove(id);
        Ok(())
    }

    /// ListPolicies, or ListPoliciesForTarget when `TargetId` is given.
    pub(crate) fn org_list_policies(
        &mut self,
        caller: &str,
        input: input::ListPolicies,
        for_target: bool,
    ) -> Result<output::ListPolicies> {
        let target = if for_target {
            let target = required(input.target_id.as_deref())?;
            check_string(target, (0, 100), is_target_id)
                .map_err(|_| invalid(InvalidInput::InvalidPatternTargetId))?;
            Some(target)
        } else {
            None
        };
        let filter = required(input.filter.as_deref())?;
        if !POLICY_TYPES.contains(&filter) {
            return Err(invalid(InvalidInput::InvalidEnumPolicyType));
        }
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = &self.state.organizations[index];
        if target.is_some_and(|t| org.node(t).is_none()) {
            return Err(OrgApiError::TargetNotFound);
        }
        let mut entries: Vec<(String, output::PolicySummary)> = if filter != SERVICE_CONTROL_POLICY
        {
            Vec::new()
        } else {
            match target {
                Some(t) => org
                    .attached(t)
                    .map(|id| (listing_key(id), summary(org, id)))
                    .collect(),
                None => policy_ids(org)
                    .map(|id| (listing_key(id), summary(org, id)))
                    .collect(),
            }
        };
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let scope = format!(
            "ListPolicies/{}/{filter}/{}",
            org.id,
            target.unwrap_or_default()
        );
        let (policies, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListPolicies {
            policies,
            next_token,
        })
    }

    pub(crate) fn org_list_targets_for_policy(
        &mut self,
        caller: &str,
        input: input::PolicyPage,
    ) -> Result<output::ListTargetsForPolicy> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let id = input.policy_id.as_deref();
        let index = self.existing_policy(caller, id, Callers::Administrators)?;
        let id = id.unwrap_or_default();
        let org = &self.state.organizations[index];
        let entries = org
            .attachments
            .iter()
            .filter(|(_, set)| set.contains(id))
            .map(|(target, _)| (target.clone(), target_summary(&self.state, org, target)))
            .collect();
        let scope = format!("ListTargetsForPolicy/{}/{id}", org.id);
        let (targets, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListTargetsForPolicy {
            targets,
            next_token,
        })
    }

    /// The organization, policy and target of an Attach or Detach, checked.
    fn attachment(&self, caller: &str, input: &input::PolicyAttachment) -> Result<usize> {
        let policy = required(input.policy_id.as_deref())?;
        let target = required(input.target_id.as_deref())?;
        check_policy_id(policy)?;
        check_string(target, (0, 100), is_target_id)
            .map_err(|_| invalid(InvalidInput::InvalidPatternTargetId))?;
        let index = self.authorize(caller, Callers::Management)?;
        let org = &self.state.organizations[index];
        if !policy_exists(org, policy) {
            return Err(OrgApiError::PolicyNotFound);
        }
        if org.node(target).is_none() {
            return Err(OrgApiError::TargetNotFound);
        }
        if !org.service_control_policies {
            return Err(OrgApiError::PolicyTypeNotEnabled);
        }
        Ok(index)
    }

    pub(crate) fn org_attach_policy(
        &mut self,
        caller: &str,
        input: input::PolicyAttachment,
    ) -> Result<()> {
        let index = self.attachment(caller, &input)?;
        let (policy, target) = (
            input.policy_id.unwrap_or_default(),
            input.target_id.unwrap_or_default(),
        );
        let attached = self.state.organizations[index]
            .attachments
            .entry(target)
            .or_default();
        if attached.contains(&policy) {
            return Err(OrgApiError::DuplicatePolicyAttachment);
        }
        if attached.len() >= MAX_ATTACHED {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::MaxPolicyTypeAttachmentLimitExceeded,
            ));
        }
        attached.insert(policy);
        Ok(())
    }

    pub(crate) fn org_detach_policy(
        &mut self,
        caller: &str,
        input: input::PolicyAttachment,
    ) -> Result<()> {
        let index = self.attachment(caller, &input)?;
        let (policy, target) = (
            input.policy_id.unwrap_or_default(),
            input.target_id.unwrap_or_default(),
        );
        let org = &mut self.state.organizations[index];
        let Some(attached) = org
            .attachments
            .get_mut(&target)
            .filter(|a| a.contains(&policy))
        else {
            return Err(OrgApiError::PolicyNotAttached);
        };
        if attached.len() == 1 {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::MinPolicyTypeAttachmentLimitExceeded,
            ));
        }
        attached.remove(&policy);
        Ok(())
    }
}
