//! IAM roles: CreateRole with its trust policy, GetRole, ListRoles,
//! DeleteRole, the role's inline and attached managed policies, and its
//! tags; and the role Organizations CreateAccount makes in every new
//! member account.
//!
//! That role (`OrganizationAccountAccessRole` unless CreateAccount named
//! another) trusts the management account and has AdministratorAccess
//! attached, as on the real service. An organization of thousands of
//! accounts would carry thousands of identical roles in its snapshot (and
//! in the page's storage), so the account records only the role's name
//! and IAM serves the role from it, with an id derived from the account's,
//! until a call changes the role: then it is stored like any other role
//! and the account's record of it cleared.

use std::borrow::Cow;

use iam_policy::{Policy as Document, PolicyKind};

use super::api::{
    length, missing, name, no_policy, path, policy_size, required, tags, url_encode, UPPER_ALNUM,
};
use super::error::IamApiError;
use super::model::{Args, AttachedPolicy, IamOutput, Role};
use super::store;
use crate::engine::Engine;
use crate::store::State;

type Result<T> = std::result::Result<T, IamApiError>;

/// The aggregate size of a role's inline policy documents, whitespace not
/// counted (documented).
const ROLE_INLINE_LIMIT: usize = 10_240;
/// A role's MaxSessionDuration when CreateRole names none, in seconds.
pub(crate) const DEFAULT_MAX_SESSION: u32 = 3600;
const ADMINISTRATOR_ACCESS: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

pub(crate) fn role_arn(account: &str, path: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:role{path}{name}")
}

/// The trust policy Organizations gives the role it makes: the management
/// account's principals may assume it (as their own policies allow).
fn access_role_trust(management: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{management}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

/// The role CreateAccount made in `account`, while the account still
/// records it: it trusts the management account of the account's
/// organization, so an account outside any organization has none.
fn access_role(state: &State, account: &str) -> Option<store::Role> {
    let record = state.accounts.get(account)?;
    let name = record.organization_access_role.as_deref()?;
    let management = &state.organization_of(account)?.management_account_id;
    let number: u64 = account.parse().ok()?;
    Some(store::Role {
        name: name.to_owned(),
        path: "/".into(),
        role_id: format!(
            "AROA{}",
            crate::ids::token(state.seed, number, UPPER_ALNUM, 17)
        ),
        created: record.created,
        trust_policy: access_role_trust(management),
        description: String::new(),
        max_session_duration: DEFAULT_MAX_SESSION,
        tags: Vec::new(),
        inline_policies: Default::default(),
        attached_policies: [ADMINISTRATOR_ACCESS.to_owned()].into(),
        permissions_boundary: None,
    })
}

/// The role `name` of `account`, stored or the one CreateAccount made.
pub(crate) fn find_role<'a>(
    state: &'a State,
    account: &str,
    name: &str,
) -> Option<Cow<'a, store::Role>> {
    if let Some(role) = state.iam.roles.get(account).and_then(|r| r.get(name)) {
        return Some(Cow::Borrowed(role));
    }
    access_role(state, account)
        .filter(|role| role.name == name)
        .map(Cow::Owned)
}

/// Every role of `account`, by name.
pub(crate) fn roles_of(state: &State, account: &str) -> Vec<store::Role> {
    let mut roles: Vec<store::Role> = state
        .iam
        .roles
        .get(account)
        .into_iter()
        .flat_map(|r| r.values().cloned())
        .collect();
    if let Some(role) = access_role(state, account) {
        if !roles.iter().any(|r| r.name == role.name) {
            roles.push(role);
        }
    }
    roles.sort_by(|a, b| a.name.cmp(&b.name));
    roles
}

fn no_role(name: &str) -> IamApiError {
    IamApiError::NoSuchEntity(format!("The role with name {name} cannot be found."))
}

fn no_role_policy(name: &str) -> IamApiError {
    IamApiError::NoSuchEntity(format!("The role policy with name {name} cannot be found."))
}

pub(super) fn role_output(account: &str, role: &store::Role) -> Role {
    Role {
        path: role.path.clone(),
        role_name: role.name.clone(),
        role_id: role.role_id.clone(),
        arn: role_arn(account, &role.path, &role.name),
        create_date: role.created,
        assume_role_policy_document: url_encode(&role.trust_policy),
        description: role.description.clone(),
        max_session_duration: role.max_session_duration,
        permissions_boundary: role.permissions_boundary.clone(),
        tags: role.tags.clone(),
    }
}

fn parse_trust(document: &str) -> Result<()> {
    Document::parse(document, PolicyKind::Trust)
        .map(drop)
        .map_err(|e| IamApiError::MalformedPolicyDocument(e.to_string()))
}

/// `MaxSessionDuration`: an integer from 3,600 to 43,200 seconds.
fn max_session(args: &dyn Args) -> Result<u32> {
    let Some(text) = args.get("MaxSessionDuration") else {
        return Ok(DEFAULT_MAX_SESSION);
    };
    let constraint = match text.parse::<i64>() {
        Ok(n) if n < 3600 => "Member must have value greater than or equal to 3600",
        Ok(n) if n > 43_200 => "Member must have value less than or equal to 43200",
        Ok(n) => return Ok(u32::try_from(n).unwrap_or(DEFAULT_MAX_SESSION)),
        Err(_) => "Member must be an integer",
    };
    Err(super::api::validation(
        text,
        "maxSessionDuration",
        constraint,
    ))
}

impl Engine {
    fn stored_role(&self, account: &str, name: &str) -> Result<Cow<'_, store::Role>> {
        find_role(&self.state, account, name).ok_or_else(|| no_role(name))
    }

    /// The role `name` to change: the one CreateAccount made becomes a
    /// stored role first.
    fn stored_role_mut(&mut self, account: &str, name: &str) -> Result<&mut store::Role> {
        let stored = self
            .state
            .iam
            .roles
            .get(account)
            .is_some_and(|r| r.contains_key(name));
        if !stored {
            let role = access_role(&self.state, account)
                .filter(|role| role.name == name)
                .ok_or_else(|| no_role(name))?;
            if let Some(record) = self.state.accounts.get_mut(account) {
                record.organization_access_role = None;
            }
            self.state
                .iam
                .roles
                .entry(account.to_owned())
                .or_default()
                .insert(role.name.clone(), role);
        }
        self.state
            .iam
            .roles
            .get_mut(account)
            .and_then(|r| r.get_mut(name))
            .ok_or_else(|| no_role(name))
    }

    pub(super) fn create_role(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?.to_owned();
        let path = path(args, "Path")?.to_owned();
        let document = required(args, "AssumeRolePolicyDocument")?.to_owned();
        let description = args.get("Description").unwrap_or("").to_owned();
        length("Description", &description, 1000)?;
        let max_session_duration = max_session(args)?;
        let tags = tags(args, "TagsPerRole")?;
        let boundary = args.get("PermissionsBoundary").map(str::to_owned);
        parse_trust(&document)?;
        if let Some(arn) = &boundary {
            if self.find_policy(account, arn).is_none() {
                return Err(no_policy(arn));
            }
        }
        // Role names are unique regardless of case (documented).
        let taken = roles_of(&self.state, account)
            .iter()
            .any(|r| r.name.eq_ignore_ascii_case(&role_name));
        if taken {
            return Err(IamApiError::EntityAlreadyExists(format!(
                "Role with name {role_name} already exists."
            )));
        }
        let role = store::Role {
            name: role_name.clone(),
            path,
            role_id: self.iam_token("AROA", UPPER_ALNUM, 17),
            created: self.clock.now(),
            trust_policy: document,
            description,
            max_session_duration,
            tags,
            inline_policies: Default::default(),
            attached_policies: Default::default(),
            permissions_boundary: boundary,
        };
        let output = role_output(account, &role);
        self.state
            .iam
            .roles
            .entry(account.to_owned())
            .or_default()
            .insert(role_name, role);
        Ok(IamOutput::Role(output))
    }

    pub(super) fn get_role(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let role = self.stored_role(account, role_name)?;
        Ok(IamOutput::Role(role_output(account, &role)))
    }

    /// ListRoles leaves out each role's tags and permissions boundary, as
    /// IAM does (documented).
    pub(super) fn list_roles(&self, account: &str, args: &dyn Args) -> IamOutput {
        let prefix = args.get("PathPrefix").unwrap_or("/");
        IamOutput::Roles(
            roles_of(&self.state, account)
                .iter()
                .filter(|r| r.path.starts_with(prefix))
                .map(|r| Role {
                    tags: Vec::new(),
                    permissions_boundary: None,
                    ..role_output(account, r)
                })
                .collect(),
        )
    }

    /// IAM refuses to delete a role that still has policies.
    pub(super) fn delete_role(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let role = self.stored_role(account, role_name)?;
        if !role.inline_policies.is_empty() {
            return Err(IamApiError::DeleteConflict(
                "Cannot delete entity, must delete policies first.".into(),
            ));
        }
        if !role.attached_policies.is_empty() {
            return Err(IamApiError::DeleteConflict(
                "Cannot delete entity, must detach all policies first.".into(),
            ));
        }
        self.stored_role_mut(account, role_name)?;
        if let Some(roles) = self.state.iam.roles.get_mut(account) {
            roles.remove(role_name);
            if roles.is_empty() {
                self.state.iam.roles.remove(account);
            }
        }
        Ok(IamOutput::None)
    }

    pub(super) fn tag_role(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let new = tags(args, "TagsPerRole")?;
        if new.is_empty() {
            return Err(missing("tags"));
        }
        self.stored_role(account, role_name)?;
        let role = self.stored_role_mut(account, role_name)?;
        let mut merged = role.tags.clone();
        for (key, value) in new {
            match merged.iter_mut().find(|(k, _)| *k == key) {
                Some(tag) => tag.1 = value,
                None => merged.push((key, value)),
            }
        }
        if merged.len() > 50 {
            return Err(IamApiError::LimitExceeded(
                "Cannot exceed quota for TagsPerRole: 50".into(),
            ));
        }
        role.tags = merged;
        Ok(IamOutput::None)
    }

    pub(super) fn put_role_policy(&mut self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let document = required(args, "PolicyDocument")?;
        let role = self.stored_role(account, role_name)?;
        super::api::parse_document(document)?;
        let others: usize = role
            .inline_policies
            .iter()
            .filter(|(n, _)| *n != policy_name)
            .map(|(_, d)| policy_size(d))
            .sum();
        if others + policy_size(document) > ROLE_INLINE_LIMIT {
            return Err(IamApiError::LimitExceeded(format!(
                "Maximum policy size of {ROLE_INLINE_LIMIT} bytes exceeded for role {role_name}"
            )));
        }
        let role = self.stored_role_mut(account, role_name)?;
        role.inline_policies
            .insert(policy_name.to_owned(), document.to_owned());
        Ok(IamOutput::None)
    }

    pub(super) fn get_role_policy(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let role = self.stored_role(account, role_name)?;
        let document = role
            .inline_policies
            .get(policy_name)
            .ok_or_else(|| no_role_policy(policy_name))?;
        Ok(IamOutput::RolePolicy {
            role_name: role_name.to_owned(),
            policy_name: policy_name.to_owned(),
            document: url_encode(document),
        })
    }

    pub(super) fn delete_role_policy(
        &mut self,
        account: &str,
        args: &dyn Args,
    ) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let policy_name = name(args, "PolicyName", 128)?;
        let role = self.stored_role(account, role_name)?;
        if !role.inline_policies.contains_key(policy_name) {
            return Err(no_role_policy(policy_name));
        }
        let role = self.stored_role_mut(account, role_name)?;
        role.inline_policies.remove(policy_name);
        Ok(IamOutput::None)
    }

    pub(super) fn list_role_policies(&self, account: &str, args: &dyn Args) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let role = self.stored_role(account, role_name)?;
        Ok(IamOutput::PolicyNames(
            role.inline_policies.keys().cloned().collect(),
        ))
    }

    pub(super) fn attach_role_policy(
        &mut self,
        account: &str,
        args: &dyn Args,
    ) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let arn = required(args, "PolicyArn")?;
        self.stored_role(account, role_name)?;
        if self.find_policy(account, arn).is_none() {
            return Err(no_policy(arn));
        }
        let role = self.stored_role_mut(account, role_name)?;
        role.attached_policies.insert(arn.to_owned());
        Ok(IamOutput::None)
    }

    pub(super) fn detach_role_policy(
        &mut self,
        account: &str,
        args: &dyn Args,
    ) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let arn = required(args, "PolicyArn")?;
        let role = self.stored_role(account, role_name)?;
        if !role.attached_policies.contains(arn) {
            return Err(IamApiError::NoSuchEntity(format!(
                "Policy {arn} was not found."
            )));
        }
        let role = self.stored_role_mut(account, role_name)?;
        role.attached_policies.remove(arn);
        Ok(IamOutput::None)
    }

    pub(super) fn list_attached_role_policies(
        &self,
        account: &str,
        args: &dyn Args,
    ) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let role = self.stored_role(account, role_name)?;
        Ok(IamOutput::AttachedPolicies(attached(
            &role.attached_policies,
        )))
    }

    /// PutRolePermissionsBoundary / DeleteRolePermissionsBoundary.
    pub(super) fn set_role_boundary(
        &mut self,
        account: &str,
        args: &dyn Args,
        put: bool,
    ) -> Result<IamOutput> {
        let role_name = name(args, "RoleName", 64)?;
        let boundary = if put {
            let arn = required(args, "PermissionsBoundary")?;
            self.stored_role(account, role_name)?;
            if self.find_policy(account, arn).is_none() {
                return Err(no_policy(arn));
            }
            Some(arn.to_owned())
        } else {
            None
        };
        let role = self.stored_role_mut(account, role_name)?;
        role.permissions_boundary = boundary;
        Ok(IamOutput::None)
    }
}

/// Attached policies as the lists answer them: the name is the ARN's last
/// segment.
pub(super) fn attached<'a>(arns: impl IntoIterator<Item = &'a String>) -> Vec<AttachedPolicy> {
    arns.into_iter()
        .map(|arn| AttachedPolicy {
            policy_name: arn.rsplit('/').next().unwrap_or(arn).to_owned(),
            policy_arn: arn.clone(),
        })
        .collect()
}
