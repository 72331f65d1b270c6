//! The organization's structure over the API: the root, OUs (create,
//! describe, rename, delete, list), children and parents, moving accounts,
//! DescribeAccount, and the lists of create-account requests and delegated
//! services. Changes are the management account's; the reads are also the
//! delegated administrator's.

use std::collections::BTreeMap;

use super::api::{
    account_entry, check_account_id, check_page, check_string, invalid, required, take_page,
    Callers, Result,
};
use super::error::{Constraint, InvalidInput, OrgApiError};
use super::ids::{is_ou_id, is_parent_id, is_root_id};
use super::model::{input, output, CreateAccountState};
use super::tree::{Node, MAX_OU_DEPTH};
use crate::engine::Engine;
use crate::store::{Organization, Unit, ACCOUNT_MANAGEMENT_PRINCIPAL};

pub(super) const ROOT_NAME: &str = "Root";

fn check_parent_id(value: &str) -> Result<()> {
    check_string(value, (0, 100), is_parent_id)
}

fn check_ou_id(value: &str) -> Result<()> {
    check_string(value, (0, 68), is_ou_id)
}

fn check_ou_name(value: &str) -> Result<()> {
    check_string(value, (1, 128), |_| true).map_err(|e| e.about("Name"))
}

/// `ParentId` or `ChildId`: what it names, or the error for neither.
fn resolve<'a>(org: &Organization, id: &'a str, missing: OrgApiError) -> Result<Node<'a>> {
    org.node(id).ok_or(missing)
}

/// The root's entry, with the policy types it has enabled.
pub(super) fn root_entry(org: &Organization) -> output::Root {
    output::Root {
        id: org.root_id(),
        arn: org.root_arn(),
        name: ROOT_NAME.to_owned(),
        policy_types: policy_types(org),
    }
}

pub(super) fn policy_types(org: &Organization) -> Vec<output::PolicyTypeSummary> {
    org.service_control_policies
        .then(|| output::PolicyTypeSummary {
            r#type: "SERVICE_CONTROL_POLICY".to_owned(),
            status: "ENABLED".to_owned(),
        })
        .into_iter()
        .collect()
}

pub(super) fn unit_entry(org: &Organization, id: &str) -> output::OrganizationalUnit {
    output::OrganizationalUnit {
        id: id.to_owned(),
        arn: org.unit_arn(id),
        name: org.units[id].name.clone(),
        path: org.path(Node::Unit(id)),
    }
}

fn relative(id: &str, kind: &str) -> output::Relative {
    output::Relative {
        id: id.to_owned(),
        r#type: kind.to_owned(),
    }
}

/// The parent a `Node::Root` or `Node::Unit` stands for, as `child_*` take it.
fn as_parent<'a>(node: Node<'a>) -> Result<Option<&'a str>> {
    match node {
        Node::Root => Ok(None),
        Node::Unit(id) => Ok(Some(id)),
        Node::Account(_) => Err(OrgApiError::ParentNotFound),
    }
}

impl Engine {
    fn organization(&self, index: usize) -> &Organization {
        &self.state.organizations[index]
    }

    fn organization_mut(&mut self, index: usize) -> &mut Organization {
        &mut self.state.organizations[index]
    }

    /// A page of `entries` (already sorted by key) after the NextToken of
    /// `scope`, and the NextToken of the rest.
    pub(super) fn page_of<T>(
        &self,
        scope: &str,
        next_token: Option<&str>,
        size: usize,
        entries: Vec<(String, T)>,
    ) -> Result<(Vec<T>, Option<String>)> {
        let after = self.cursor(scope, next_token)?;
        let rest = entries
            .into_iter()
            .filter(|(key, _)| after.as_ref().is_none_or(|a| key > a));
        let (page, last) = take_page(rest, size);
        Ok((page, self.next_token(scope, last)))
    }

    /// The organization and the parent a list's `ParentId` names (`None`
    /// for the root), after the input and caller checks.
    fn listed_parent<'a>(
        &self,
        caller: &str,
        parent_id: Option<&'a str>,
    ) -> Result<(usize, &'a str, Option<&'a str>)> {
        let parent_id = required(parent_id)?;
        check_parent_id(parent_id)?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        let parent = as_parent(resolve(org, parent_id, OrgApiError::ParentNotFound)?)?;
        Ok((index, parent_id, parent))
    }

    pub(crate) fn org_list_roots(
        &mut self,
        caller: &str,
        input: input::Page,
    ) -> Result<output::ListRoots> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        let scope = format!("ListRoots/{}", org.id);
        let entries = vec![(org.root_id(), root_entry(org))];
        let (roots, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListRoots { roots, next_token })
    }

    pub(crate) fn org_create_organizational_unit(
        &mut self,
        caller: &str,
        input: input::CreateOrganizationalUnit,
    ) -> Result<output::OrganizationalUnitOutput> {
        let parent_id = required(input.parent_id.as_deref())?;
        let name = required(input.name.as_deref())?;
        check_parent_id(parent_id)?;
        check_ou_name(name)?;
        let tags = super::tags::checked_tags(input.tags.as_deref().unwrap_or_default())?;
        let index = self.authorize(caller, Callers::Management)?;
        let org = self.organization(index);
        let parent = as_parent(resolve(org, parent_id, OrgApiError::ParentNotFound)?)?;
        if org.child_units(parent).any(|id| org.units[id].name == name) {
            return Err(OrgApiError::DuplicateOrganizationalUnit);
        }
        if parent.map_or(0, |p| org.depth(p)) >= MAX_OU_DEPTH {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::OuDepthLimitExceeded,
            ));
        }
        let root = org.root_id();
        let id = loop {
            let suffix = self.new_code(b"abcdefghijklmnopqrstuvwxyz0123456789", 8);
            let id = format!("ou-{}-{suffix}", &root[2..]);
            if !self.organization(index).units.contains_key(&id) {
                break id;
            }
        };
        let org = self.organization_mut(index);
        org.units.insert(
            id.clone(),
            Unit {
                name: name.to_owned(),
                parent: parent.map(str::to_owned),
            },
        );
        if !tags.is_empty() {
            org.tags.insert(id.clone(), tags);
        }
        org.adopt(&id);
        Ok(output::OrganizationalUnitOutput {
            organizational_unit: unit_entry(self.organization(index), &id),
        })
    }

    /// The OU an `OrganizationalUnitId` names, after the input and caller
    /// checks.
    fn existing_unit(&self, caller: &str, id: Option<&str>, callers: Callers) -> Result<usize> {
        let id = required(id)?;
        check_ou_id(id)?;
        let index = self.authorize(caller, callers)?;
        if self.organization(index).units.contains_key(id) {
            Ok(index)
        } else {
            Err(OrgApiError::OrganizationalUnitNotFound)
        }
    }

    pub(crate) fn org_describe_organizational_unit(
        &mut self,
        caller: &str,
        input: input::OrganizationalUnitId,
    ) -> Result<output::OrganizationalUnitOutput> {
        let id = input.organizational_unit_id.as_deref();
        let index = self.existing_unit(caller, id, Callers::Administrators)?;
        Ok(output::OrganizationalUnitOutput {
            organizational_unit: unit_entry(self.organization(index), id.unwrap_or_default()),
        })
    }

    pub(crate) fn org_update_organizational_unit(
        &mut self,
        caller: &str,
        input: input::UpdateOrganizationalUnit,
    ) -> Result<output::OrganizationalUnitOutput> {
        if let Some(name) = input.name.as_deref() {
            check_ou_name(name)?;
        }
        let id = input.organizational_unit_id.as_deref();
        let index = self.existing_unit(caller, id, Callers::Management)?;
        let id = id.unwrap_or_default();
        if let Some(name) = input.name {
            let org = self.organization(index);
            let parent = org.units[id].parent.as_deref();
            if org
                .child_units(parent)
                .any(|other| other != id && org.units[other].name == name)
            {
                return Err(OrgApiError::DuplicateOrganizationalUnit);
            }
            self.organization_mut(index)
                .units
                .get_mut(id)
                .expect("the OU exists")
                .name = name;
        }
        Ok(output::OrganizationalUnitOutput {
            organizational_unit: unit_entry(self.organization(index), id),
        })
    }

    pub(crate) fn org_delete_organizational_unit(
        &mut self,
        caller: &str,
        input: input::OrganizationalUnitId,
    ) -> Result<()> {
        let id = input.organizational_unit_id.as_deref();
        let index = self.existing_unit(caller, id, Callers::Management)?;
        let id = id.unwrap_or_default();
        let org = self.organization(index);
        if org.child_units(Some(id)).next().is_some()
            || org.child_accounts(Some(id)).next().is_some()
        {
            return Err(OrgApiError::OrganizationalUnitNotEmpty);
        }
        let org = self.organization_mut(index);
        org.units.remove(id);
        org.tags.remove(id);
        org.attachments.remove(id);
        Ok(())
    }

    pub(crate) fn org_list_organizational_units_for_parent(
        &mut self,
        caller: &str,
        input: input::ParentPage,
    ) -> Result<output::ListOrganizationalUnitsForParent> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let (index, parent_id, parent) = self.listed_parent(caller, input.parent_id.as_deref())?;
        let org = self.organization(index);
        let entries = org
            .child_units(parent)
            .map(|id| (id.to_owned(), unit_entry(org, id)))
            .collect();
        let scope = format!("ListOrganizationalUnitsForParent/{}/{parent_id}", org.id);
        let (organizational_units, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListOrganizationalUnitsForParent {
            organizational_units,
            next_token,
        })
    }

    pub(crate) fn org_list_accounts_for_parent(
        &mut self,
        caller: &str,
        input: input::ParentPage,
    ) -> Result<output::ListAccounts> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let (index, parent_id, parent) = self.listed_parent(caller, input.parent_id.as_deref())?;
        let org = self.organization(index);
        let entries = org
            .child_accounts(parent)
            .map(|id| (id.to_owned(), account_entry(&self.state, org, id)))
            .collect();
        let scope = format!("ListAccountsForParent/{}/{parent_id}", org.id);
        let (accounts, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListAccounts {
            accounts,
            next_token,
        })
    }

    /// OUs first, then accounts, each in id order.
    pub(crate) fn org_list_children(
        &mut self,
        caller: &str,
        input: input::ListChildren,
    ) -> Result<output::ListChildren> {
        let child_type = required(input.child_type.as_deref())?;
        if !["ACCOUNT", "ORGANIZATIONAL_UNIT"].contains(&child_type) {
            return Err(invalid(InvalidInput::InvalidEnum));
        }
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let (index, parent_id, parent) = self.listed_parent(caller, input.parent_id.as_deref())?;
        let org = self.organization(index);
        let entries: Vec<(String, output::Relative)> = if child_type == "ACCOUNT" {
            org.child_accounts(parent)
                .map(|id| (id.to_owned(), relative(id, child_type)))
                .collect()
        } else {
            org.child_units(parent)
                .map(|id| (id.to_owned(), relative(id, child_type)))
                .collect()
        };
        let scope = format!("ListChildren/{}/{parent_id}/{child_type}", org.id);
        let (children, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListChildren {
            children,
            next_token,
        })
    }

    pub(crate) fn org_list_parents(
        &mut self,
        caller: &str,
        input: input::ListParents,
    ) -> Result<output::ListParents> {
        let child_id = required(input.child_id.as_deref())?;
        check_string(child_id, (0, 100), |s| {
            is_ou_id(s) || (crate::account::validate::ACCOUNT_ID.matches)(s)
        })?;
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        let node = match resolve(org, child_id, OrgApiError::ChildNotFound)? {
            Node::Root => return Err(OrgApiError::ChildNotFound),
            node => node,
        };
        let parent = match org.parent_unit(node) {
            Some(ou) => relative(ou, "ORGANIZATIONAL_UNIT"),
            None => relative(&org.root_id(), "ROOT"),
        };
        let scope = format!("ListParents/{}/{child_id}", org.id);
        let (parents, next_token) = self.page_of(
            &scope,
            input.next_token.as_deref(),
            size,
            vec![(parent.id.clone(), parent)],
        )?;
        Ok(output::ListParents {
            parents,
            next_token,
        })
    }

    pub(crate) fn org_move_account(
        &mut self,
        caller: &str,
        input: input::MoveAccount,
    ) -> Result<()> {
        let account_id = required(input.account_id.as_deref())?;
        let source = required(input.source_parent_id.as_deref())?;
        let destination = required(input.destination_parent_id.as_deref())?;
        check_account_id(account_id)?;
        check_parent_id(source)?;
        check_parent_id(destination)?;
        let index = self.authorize(caller, Callers::Management)?;
        let org = self.organization(index);
        if !org.members.contains(account_id) {
            return Err(OrgApiError::AccountNotFound);
        }
        let source = as_parent(resolve(org, source, OrgApiError::SourceParentNotFound)?)
            .map_err(|_| OrgApiError::SourceParentNotFound)?;
        let destination = as_parent(resolve(
            org,
            destination,
            OrgApiError::DestinationParentNotFound,
        )?)
        .map_err(|_| OrgApiError::DestinationParentNotFound)?;
        let current = org.parent_unit(Node::Account(account_id));
        if current == destination {
            return Err(OrgApiError::DuplicateAccount);
        }
        if current != source {
            return Err(OrgApiError::SourceParentNotFound);
        }
        let destination = destination.map(str::to_owned);
        let org = self.organization_mut(index);
        match destination {
            Some(ou) => org.parents.insert(account_id.to_owned(), ou),
            None => org.parents.remove(account_id),
        };
        Ok(())
    }

    pub(crate) fn org_describe_account(
        &mut self,
        caller: &str,
        input: input::AccountPage,
    ) -> Result<output::DescribeAccount> {
        let account_id = required(input.account_id.as_deref())?;
        check_account_id(account_id)?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        if !org.members.contains(account_id) {
            return Err(OrgApiError::AccountNotFound);
        }
        Ok(output::DescribeAccount {
            account: account_entry(&self.state, org, account_id),
        })
    }

    pub(crate) fn org_list_create_account_status(
        &mut self,
        caller: &str,
        input: input::ListCreateAccountStatus,
    ) -> Result<output::ListCreateAccountStatus> {
        let mut states = Vec::new();
        for state in input.states.iter().flatten() {
            states.push(match state.as_str() {
                "IN_PROGRESS" => CreateAccountState::InProgress,
                "SUCCEEDED" => CreateAccountState::Succeeded,
                "FAILED" => CreateAccountState::Failed,
                _ => return Err(invalid(InvalidInput::InvalidEnum)),
            });
        }
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        let entries = org
            .create_account_requests
            .iter()
            .map(|(id, request)| (id.clone(), super::api::create_account_status(id, request)))
            .filter(|(_, status)| states.is_empty() || states.contains(&status.state))
            .collect();
        let scope = format!("ListCreateAccountStatus/{}", org.id);
        let (create_account_statuses, next_token) =
            self.page_of(&scope, input.next_token.as_deref(), size, entries)?;
        Ok(output::ListCreateAccountStatus {
            create_account_statuses,
            next_token,
        })
    }

    /// Account Management is the one service whose delegation the sandbox
    /// models, so a delegated administrator lists exactly that.
    pub(crate) fn org_list_delegated_services_for_account(
        &mut self,
        caller: &str,
        input: input::AccountPage,
    ) -> Result<output::ListDelegatedServicesForAccount> {
        let account_id = required(input.account_id.as_deref())?;
        check_account_id(account_id)?;
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = self.organization(index);
        if !org.members.contains(account_id) {
            return Err(OrgApiError::AccountNotFound);
        }
        if org.delegated_administrator.as_deref() != Some(account_id) {
            return Err(OrgApiError::AccountNotRegistered);
        }
        let management_created = self.state.accounts[&org.management_account_id].created;
        let service = output::DelegatedService {
            service_principal: ACCOUNT_MANAGEMENT_PRINCIPAL.to_owned(),
            delegation_enabled_date: org.delegated_since.unwrap_or(management_created),
        };
        let scope = format!("ListDelegatedServicesForAccount/{}/{account_id}", org.id);
        let (delegated_services, next_token) = self.page_of(
            &scope,
            input.next_token.as_deref(),
            size,
            vec![(ACCOUNT_MANAGEMENT_PRINCIPAL.to_owned(), service)],
        )?;
        Ok(output::ListDelegatedServicesForAccount {
            delegated_services,
            next_token,
        })
    }
}

impl Organization {
    /// Attaches `p-FullAWSAccess` to a new OU or account while SCPs are
    /// enabled, as the service does for everything it creates.
    pub(crate) fn adopt(&mut self, target: &str) {
        if self.service_control_policies {
            self.attachments
                .entry(target.to_owned())
                .or_default()
                .insert(super::tree::FULL_AWS_ACCESS.to_owned());
        }
    }
}

/// Whether `id` is the organization's root; RootId inputs check it.
pub(super) fn is_this_root(org: &Organization, id: &str) -> bool {
    is_root_id(id) && id == org.root_id()
}

/// Tags kept per resource, in key order.
pub(super) type Tags = BTreeMap<String, String>;
