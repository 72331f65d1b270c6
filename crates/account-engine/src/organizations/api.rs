//! The AWS Organizations operations: who may call each, their input rules
//! and their answers, over the state the setup methods of `setup.rs`
//! also change.
//!
//! Input is checked first (InvalidInputException), then the caller's place
//! in an organization (AWSOrganizationsNotInUseException, then
//! AccessDeniedException), then the operation's own rules.

use std::ops::Bound;

use super::tree::Node;
use crate::account::model::AccountState;
use crate::account::validate::ACCOUNT_ID;
use crate::engine::Engine;
use crate::ids::mix;
use crate::organizations::error::{Constraint, InvalidInput, OrgApiError};
use crate::organizations::model::{
    input, output, AccountStatus, CreateAccountFailureReason, CreateAccountState, FeatureSet,
    JoinedMethod,
};
use crate::organizations::OrganizationError;
use crate::paging;
use crate::store::{
    Account, CreateAccountOutcome, CreateAccountRequest, Joined, Organization, State,
    ACCOUNT_MANAGEMENT_PRINCIPAL,
};

/// The role CreateAccount makes in a new account unless told another name.
pub const ACCESS_ROLE: &str = "OrganizationAccountAccessRole";

/// The model's MaxResults maximum; the service's default page is as long.
pub(super) const MAX_PAGE_SIZE: i128 = 20;

/// Who may call an operation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Callers {
    /// Any account of the organization.
    Members,
    /// The management account only.
    Management,
    /// The management account or the delegated administrator.
    Administrators,
}

pub(super) type Result<T> = std::result::Result<T, OrgApiError>;

pub(super) fn invalid(kind: InvalidInput) -> OrgApiError {
    OrgApiError::InvalidInput(kind)
}

pub(super) fn required(value: Option<&str>) -> Result<&str> {
    value.ok_or(invalid(InvalidInput::InputRequired))
}

/// Length bounds, then a pattern over the whole value.
pub(super) fn check_string(
    value: &str,
    (min, max): (usize, usize),
    pattern: fn(&str) -> bool,
) -> Result<()> {
    let len = value.chars().count();
    if len < min {
        Err(invalid(InvalidInput::MinLengthExceeded))
    } else if len > max {
        Err(invalid(InvalidInput::MaxLengthExceeded))
    } else if !pattern(value) {
        Err(invalid(InvalidInput::InvalidPattern))
    } else {
        Ok(())
    }
}

fn is_principal_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)
}

/// `ServicePrincipal`: 1-128 characters of `[\w+=,.@-]`.
fn check_principal(value: &str) -> Result<()> {
    check_string(value, (1, 128), |s| s.chars().all(is_principal_char))
}

/// `AccountId`: at most 12 characters matching `^\d{12}$`.
pub(super) fn check_account_id(value: &str) -> Result<()> {
    check_string(value, (0, 12), ACCOUNT_ID.matches)
}

/// `Email`: 6-64 characters containing `[^\s@]+@[^\s@]+\.[^\s@]+`.
fn check_email(value: &str) -> Result<()> {
    check_string(value, (6, 64), |s| {
        let plain = |c: char| !c.is_whitespace() && c != '@';
        s.char_indices().any(|(at, c)| {
            if c != '@' || !s[..at].chars().next_back().is_some_and(plain) {
                return false;
            }
            let domain: String = s[at + 1..].chars().take_while(|&c| plain(c)).collect();
            domain
                .char_indices()
                .any(|(dot, c)| c == '.' && dot > 0 && dot + 1 < domain.len())
        })
    })
}

/// `CreateAccountName`: 1-50 printable ASCII characters.
fn check_account_name(value: &str) -> Result<()> {
    check_string(value, (1, 50), |s| {
        s.chars().all(|c| (' '..='~').contains(&c))
    })
}

/// `CreateAccountRequestId`: `^car-[a-z0-9]{8,32}$`, at most 36 characters.
fn check_request_id(value: &str) -> Result<()> {
    check_string(value, (0, 36), |s| {
        s.strip_prefix("car-").is_some_and(|rest| {
            (8..=32).contains(&rest.len())
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    })
}

/// The page size a MaxResults asks for, and the NextToken's length.
pub(super) fn check_page(max_results: Option<i128>, next_token: Option<&str>) -> Result<usize> {
    if next_token.is_some_and(|t| t.chars().count() > 100_000) {
        return Err(invalid(InvalidInput::MaxLengthExceeded));
    }
    match max_results {
        Some(n) if n < 1 => Err(invalid(InvalidInput::MinValueExceeded)),
        Some(n) if n > MAX_PAGE_SIZE => Err(invalid(InvalidInput::MaxValueExceeded)),
        Some(n) => Ok(usize::try_from(n).expect("checked to lie in 1..=20")),
        None => Ok(MAX_PAGE_SIZE as usize),
    }
}

/// The service principals of the AWS services that integrate with
/// Organizations (trusted access or a delegated administrator), as the
/// Organizations User Guide lists them. The service refuses any other with
/// InvalidInputException; the list itself is the sandbox's own copy.
const SERVICE_PRINCIPALS: &[&str] = &[
    "access-analyzer.amazonaws.com",
    "account.amazonaws.com",
    "auditmanager.amazonaws.com",
    "aws-artifact-account-sync.amazonaws.com",
    "backup.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "compute-optimizer.amazonaws.com",
    "controltower.amazonaws.com",
    "cost-optimization-hub.bcm.amazonaws.com",
    "detective.amazonaws.com",
    "devops-guru.amazonaws.com",
    "ds.amazonaws.com",
    "fms.amazonaws.com",
    "guardduty.amazonaws.com",
    "health.amazonaws.com",
    "iam.amazonaws.com",
    "inspector2.amazonaws.com",
    "ipam.amazonaws.com",
    "license-manager.amazonaws.com",
    "macie.amazonaws.com",
    "malware-protection.guardduty.amazonaws.com",
    "member.org.stacksets.cloudformation.amazonaws.com",
    "mgn.amazonaws.com",
    "networkmanager.amazonaws.com",
    "ram.amazonaws.com",
    "reachabilityanalyzer.networkinsights.amazonaws.com",
    "reporting.trustedadvisor.amazonaws.com",
    "resource-explorer-2.amazonaws.com",
    "securityhub.amazonaws.com",
    "securityincidentresponse.amazonaws.com",
    "securitylake.amazonaws.com",
    "servicecatalog.amazonaws.com",
    "servicequotas.amazonaws.com",
    "ssm.amazonaws.com",
    "sso.amazonaws.com",
    "storage-lens.s3.amazonaws.com",
    "tagpolicies.tag.amazonaws.com",
    "wellarchitected.amazonaws.com",
    "cloudtrail.amazonaws.com",
];

fn is_service_principal(principal: &str) -> bool {
    SERVICE_PRINCIPALS.contains(&principal)
}

pub(super) fn organization_arn(org: &Organization) -> String {
    format!(
        "arn:aws:organizations::{}:organization/{}",
        org.management_account_id, org.id
    )
}

pub(super) fn account_arn(org: &Organization, account_id: &str) -> String {
    format!(
        "arn:aws:organizations::{}:account/{}/{account_id}",
        org.management_account_id, org.id
    )
}

fn describe(state: &State, org: &Organization) -> output::Organization {
    output::Organization {
        id: org.id.clone(),
        arn: organization_arn(org),
        feature_set: org.feature_set,
        master_account_arn: account_arn(org, &org.management_account_id),
        master_account_id: org.management_account_id.clone(),
        master_account_email: state.accounts[&org.management_account_id].email.clone(),
        available_policy_types: super::structure::policy_types(org),
    }
}

/// A member as ListAccounts shows it. Members of organizations from older
/// snapshots have no join record: they were invited when created.
pub(super) fn account_entry(
    state: &State,
    org: &Organization,
    account_id: &str,
) -> output::Account {
    let account = &state.accounts[account_id];
    let joined = org.joined.get(account_id).copied().unwrap_or(Joined {
        method: JoinedMethod::Invited,
        at: account.created,
    });
    output::Account {
        id: account.id.clone(),
        arn: account_arn(org, account_id),
        email: account.email.clone(),
        name: account.name.clone(),
        status: AccountStatus::from(account.state),
        state: account.state,
        paths: vec![org.path(Node::Account(account_id))],
        joined_method: joined.method,
        joined_timestamp: joined.at,
    }
}

/// A request as DescribeCreateAccountStatus reports it: complete, since the
/// sandbox creates accounts at once.
pub(super) fn create_account_status(
    id: &str,
    request: &CreateAccountRequest,
) -> output::CreateAccountStatus {
    let (state, account_id, gov_cloud_account_id, failure_reason) = match &request.outcome {
        CreateAccountOutcome::Succeeded {
            account_id,
            gov_cloud_account_id,
        } => (
            CreateAccountState::Succeeded,
            Some(account_id.clone()),
            gov_cloud_account_id.clone(),
            None,
        ),
        CreateAccountOutcome::Failed { reason } => {
            (CreateAccountState::Failed, None, None, Some(*reason))
        }
    };
    output::CreateAccountStatus {
        id: id.to_owned(),
        account_name: request.account_name.clone(),
        state,
        requested_timestamp: request.requested,
        completed_timestamp: Some(request.requested),
        account_id,
        gov_cloud_account_id,
        failure_reason,
    }
}

/// The same request as CreateAccount answers it: IN_PROGRESS, even when it
/// is bound to fail (observed).
fn create_account_started(id: &str, request: &CreateAccountRequest) -> output::CreateAccountStatus {
    output::CreateAccountStatus {
        state: CreateAccountState::InProgress,
        completed_timestamp: None,
        account_id: None,
        gov_cloud_account_id: None,
        failure_reason: None,
        ..create_account_status(id, request)
    }
}

/// Up to `size` entries of a list already positioned after its cursor, and
/// the key to resume after if more remain.
pub(super) fn take_page<T>(
    mut entries: impl Iterator<Item = (String, T)>,
    size: usize,
) -> (Vec<T>, Option<String>) {
    let mut page = Vec::with_capacity(size.min(64));
    let mut last = None;
    for (key, item) in entries.by_ref().take(size) {
        page.push(item);
        last = Some(key);
    }
    let more = entries.next().is_some();
    (page, last.filter(|_| more))
}

impl Engine {
    /// The index of the caller's organization, if the caller may run an
    /// operation open to `callers` and policies allow the call
    /// (`authorization.rs`): the service's own checks come first.
    pub(super) fn authorize(&self, caller: &str, callers: Callers) -> Result<usize> {
        let index = self
            .state
            .organizations
            .iter()
            .position(|o| o.members.contains(caller))
            .ok_or(OrgApiError::NotInUse)?;
        let org = &self.state.organizations[index];
        let is_management = org.management_account_id == caller;
        let is_administrator = org.delegated_administrator.as_deref() == Some(caller);
        let allowed = match callers {
            Callers::Members => true,
            Callers::Management => is_management,
            Callers::Administrators => is_management || is_administrator,
        };
        if !allowed {
            return Err(OrgApiError::AccessDenied);
        }
        self.authorize_organizations(caller, Some(index))?;
        Ok(index)
    }

    /// The NextToken's resume key for `scope`, or None for the first page.
    pub(super) fn cursor(&self, scope: &str, next_token: Option<&str>) -> Result<Option<String>> {
        next_token
            .map(|token| {
                paging::decode_cursor(self.state.seed, scope, token)
                    .ok_or(invalid(InvalidInput::InvalidNextToken))
            })
            .transpose()
    }

    pub(super) fn next_token(&self, scope: &str, after: Option<String>) -> Option<String> {
        after.map(|key| paging::encode_cursor(self.state.seed, scope, &key))
    }

    pub(crate) fn org_create_organization(
        &mut self,
        caller: &str,
        input: input::CreateOrganization,
    ) -> Result<output::DescribeOrganization> {
        let feature_set = match input.feature_set.as_deref() {
            None => FeatureSet::All,
            Some(value) => FeatureSet::parse(value).ok_or(invalid(InvalidInput::InvalidEnum))?,
        };
        self.authorize_organizations(caller, None)?;
        let id = self
            .found_organization(caller, feature_set)
            .map_err(|e| match e {
                OrganizationError::AlreadyInOrganization(_) => OrgApiError::AlreadyInOrganization,
                other => OrgApiError::Service(other.to_string()),
            })?;
        let org = self
            .state
            .organizations
            .iter()
            .find(|o| o.id == id)
            .expect("the organization was just created");
        Ok(output::DescribeOrganization {
            organization: describe(&self.state, org),
        })
    }

    pub(crate) fn org_describe_organization(
        &mut self,
        caller: &str,
    ) -> Result<output::DescribeOrganization> {
        let index = self.authorize(caller, Callers::Members)?;
        Ok(output::DescribeOrganization {
            organization: describe(&self.state, &self.state.organizations[index]),
        })
    }

    /// Creates the account at once. An email address another account of the
    /// sandbox already has makes the request FAILED, as on the service.
    pub(crate) fn org_create_account(
        &mut self,
        caller: &str,
        input: input::CreateAccount,
    ) -> Result<output::CreateAccount> {
        self.create_member_account(caller, input, false)
    }

    /// CreateAccount, with an AWS GovCloud (US) account linked to the new
    /// standard account (its id in the request's `GovCloudAccountId`).
    pub(crate) fn org_create_gov_cloud_account(
        &mut self,
        caller: &str,
        input: input::CreateAccount,
    ) -> Result<output::CreateAccount> {
        self.create_member_account(caller, input, true)
    }

    fn create_member_account(
        &mut self,
        caller: &str,
        input: input::CreateAccount,
        gov_cloud: bool,
    ) -> Result<output::CreateAccount> {
        let email = required(input.email.as_deref())?;
        let name = required(input.account_name.as_deref())?;
        check_email(email)?;
        check_account_name(name)?;
        if let Some(role) = input.role_name.as_deref() {
            check_string(role, (1, 64), |s| s.chars().all(is_principal_char))?;
        }
        if let Some(billing) = input.iam_user_access_to_billing.as_deref() {
            if !["ALLOW", "DENY"].contains(&billing) {
                return Err(invalid(InvalidInput::InvalidEnum));
            }
        }
        let index = self.authorize(caller, Callers::Management)?;
        let now = self.clock.now();
        let taken = self
            .state
            .accounts
            .values()
            .any(|a| a.email.eq_ignore_ascii_case(email));
        let outcome = if taken {
            CreateAccountOutcome::Failed {
                reason: CreateAccountFailureReason::EmailAlreadyExists,
            }
        } else {
            let account_id = self.unused_account_id();
            let mut account = Account::new(&account_id, name, now);
            email.clone_into(&mut account.email);
            let role = input.role_name.as_deref().unwrap_or(ACCESS_ROLE);
            account.organization_access_role = Some(role.to_owned());
            // A created member starts with the management account's primary
            // contact under its own name: its address and phone, not its
            // company name or website (observed).
            let management = &self.state.organizations[index].management_account_id;
            account.contact_information = self.state.accounts[management]
                .contact_information
                .clone()
                .map(|mut contact| {
                    name.clone_into(&mut contact.full_name);
                    contact.company_name = None;
                    contact.website_url = None;
                    contact
                });
            self.state.accounts.insert(account_id.clone(), account);
            let org = &mut self.state.organizations[index];
            org.members.insert(account_id.clone());
            org.adopt(&account_id);
            org.joined.insert(
                account_id.clone(),
                Joined {
                    method: JoinedMethod::Created,
                    at: now,
                },
            );
            let gov_cloud_account_id = if gov_cloud {
                Some(
                    self.link_gov_cloud_account(&account_id)
                        .expect("the account was just created"),
                )
            } else {
                None
            };
            CreateAccountOutcome::Succeeded {
                account_id,
                gov_cloud_account_id,
            }
        };
        let request_id = self.create_account_request_id();
        let request = CreateAccountRequest {
            account_name: name.to_owned(),
            requested: now,
            outcome,
        };
        let status = create_account_started(&request_id, &request);
        self.state.organizations[index]
            .create_account_requests
            .insert(request_id, request);
        Ok(output::CreateAccount {
            create_account_status: status,
        })
    }

    /// `car-` and 32 lower-case hex digits, as the service's ids look.
    fn create_account_request_id(&mut self) -> String {
        self.state.sequence += 1;
        let hi = mix(self.state.seed ^ self.state.sequence.rotate_left(40));
        let lo = mix(hi ^ self.state.sequence);
        format!("car-{hi:016x}{lo:016x}")
    }

    pub(crate) fn org_describe_create_account_status(
        &mut self,
        caller: &str,
        input: input::DescribeCreateAccountStatus,
    ) -> Result<output::CreateAccount> {
        let id = required(input.create_account_request_id.as_deref())?;
        check_request_id(id)?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let request = self.state.organizations[index]
            .create_account_requests
            .get(id)
            .ok_or(OrgApiError::CreateAccountStatusNotFound)?;
        Ok(output::CreateAccount {
            create_account_status: create_account_status(id, request),
        })
    }

    /// Members in account id order, a page at a time; each page costs its
    /// length, not the organization's size.
    pub(crate) fn org_list_accounts(
        &mut self,
        caller: &str,
        input: input::Page,
    ) -> Result<output::ListAccounts> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = &self.state.organizations[index];
        let scope = format!("ListAccounts/{}", org.id);
        let after = self.cursor(&scope, input.next_token.as_deref())?;
        let start = match &after {
            Some(key) => Bound::Excluded(key.as_str()),
            None => Bound::Unbounded,
        };
        let entries = org
            .members
            .range::<str, _>((start, Bound::Unbounded))
            .map(|id| (id.clone(), account_entry(&self.state, org, id)));
        let (accounts, last) = take_page(entries, size);
        Ok(output::ListAccounts {
            accounts,
            next_token: self.next_token(&scope, last),
        })
    }

    pub(crate) fn org_enable_service_access(
        &mut self,
        caller: &str,
        input: input::ServiceAccess,
    ) -> Result<()> {
        let principal = self.checked_principal(input.service_principal.as_deref())?;
        let index = self.authorize(caller, Callers::Management)?;
        let now = self.clock.now();
        let org = &mut self.state.organizations[index];
        if org.feature_set != FeatureSet::All {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::OrganizationNotInAllFeaturesMode,
            ));
        }
        if principal == ACCOUNT_MANAGEMENT_PRINCIPAL {
            if !org.trusted_access {
                org.trusted_access = true;
                org.trusted_access_since = Some(now);
            }
        } else {
            org.other_service_access.entry(principal).or_insert(now);
        }
        Ok(())
    }

    /// Disabling trusted access leaves a delegated administrator registered;
    /// it just cannot use the organizations context until access is back.
    pub(crate) fn org_disable_service_access(
        &mut self,
        caller: &str,
        input: input::ServiceAccess,
    ) -> Result<()> {
        let principal = self.checked_principal(input.service_principal.as_deref())?;
        let index = self.authorize(caller, Callers::Management)?;
        let org = &mut self.state.organizations[index];
        if principal == ACCOUNT_MANAGEMENT_PRINCIPAL {
            org.trusted_access = false;
            org.trusted_access_since = None;
        } else {
            org.other_service_access.remove(&principal);
        }
        Ok(())
    }

    /// A present, well-formed and recognized service principal.
    fn checked_principal(&self, principal: Option<&str>) -> Result<String> {
        let principal = required(principal)?;
        check_principal(principal)?;
        if !is_service_principal(principal) {
            return Err(invalid(InvalidInput::UnrecognizedServicePrincipal));
        }
        Ok(principal.to_owned())
    }

    pub(crate) fn org_list_service_access(
        &mut self,
        caller: &str,
        input: input::Page,
    ) -> Result<output::ListAwsServiceAccessForOrganization> {
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = &self.state.organizations[index];
        let scope = format!("ListAWSServiceAccessForOrganization/{}", org.id);
        let after = self.cursor(&scope, input.next_token.as_deref())?;
        let management_created = self.state.accounts[&org.management_account_id].created;
        let account_access = org.trusted_access.then(|| {
            (
                ACCOUNT_MANAGEMENT_PRINCIPAL.to_owned(),
                org.trusted_access_since.unwrap_or(management_created),
            )
        });
        let mut enabled: Vec<(String, i64)> = org
            .other_service_access
            .iter()
            .map(|(p, at)| (p.clone(), *at))
            .chain(account_access)
            .collect();
        enabled.sort();
        let entries = enabled
            .into_iter()
            .filter(|(p, _)| after.as_ref().is_none_or(|a| p > a))
            .map(|(principal, date_enabled)| {
                (
                    principal.clone(),
                    output::EnabledServicePrincipal {
                        service_principal: principal,
                        date_enabled,
                    },
                )
            });
        let (enabled_service_principals, last) = take_page(entries, size);
        Ok(output::ListAwsServiceAccessForOrganization {
            enabled_service_principals,
            next_token: self.next_token(&scope, last),
        })
    }

    /// The delegated-administrator operations serve Account Management only:
    /// the one service whose delegation this sandbox models.
    fn account_management_principal(&self, principal: Option<&str>) -> Result<()> {
        if self.checked_principal(principal)? == ACCOUNT_MANAGEMENT_PRINCIPAL {
            Ok(())
        } else {
            Err(invalid(InvalidInput::UnrecognizedServicePrincipal))
        }
    }

    pub(crate) fn org_register_delegated_administrator(
        &mut self,
        caller: &str,
        input: input::Delegation,
    ) -> Result<()> {
        let account_id = required(input.account_id.as_deref())?;
        check_account_id(account_id)?;
        self.account_management_principal(input.service_principal.as_deref())?;
        let index = self.authorize(caller, Callers::Management)?;
        let now = self.clock.now();
        let org = &self.state.organizations[index];
        if !org.members.contains(account_id) {
            return Err(OrgApiError::AccountNotFound);
        }
        if account_id == org.management_account_id {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::CannotRegisterMasterAsDelegatedAdministrator,
            ));
        }
        if !org.trusted_access {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::ServiceAccessNotEnabled,
            ));
        }
        if self.state.accounts[account_id].state != AccountState::Active {
            return Err(OrgApiError::ConstraintViolation(
                Constraint::CannotRegisterSuspendedAccountAsDelegatedAdministrator,
            ));
        }
        match org.delegated_administrator.as_deref() {
            Some(current) if current == account_id => Err(OrgApiError::AccountAlreadyRegistered),
            Some(_) => Err(OrgApiError::ConstraintViolation(
                Constraint::DelegatedAdministratorExistsForThisService,
            )),
            None => {
                let org = &mut self.state.organizations[index];
                org.delegated_administrator = Some(account_id.to_owned());
                org.delegated_since = Some(now);
                Ok(())
            }
        }
    }

    pub(crate) fn org_deregister_delegated_administrator(
        &mut self,
        caller: &str,
        input: input::Delegation,
    ) -> Result<()> {
        let account_id = required(input.account_id.as_deref())?;
        check_account_id(account_id)?;
        self.account_management_principal(input.service_principal.as_deref())?;
        let index = self.authorize(caller, Callers::Management)?;
        let org = &mut self.state.organizations[index];
        if !org.members.contains(account_id) {
            return Err(OrgApiError::AccountNotFound);
        }
        if org.delegated_administrator.as_deref() != Some(account_id) {
            return Err(OrgApiError::AccountNotRegistered);
        }
        org.delegated_administrator = None;
        org.delegated_since = None;
        Ok(())
    }

    /// Lists the Account Management delegated administrator, if any; for
    /// another recognized service the list is empty.
    pub(crate) fn org_list_delegated_administrators(
        &mut self,
        caller: &str,
        input: input::ListDelegatedAdministrators,
    ) -> Result<output::ListDelegatedAdministrators> {
        let principal = match input.service_principal.as_deref() {
            Some(p) => Some(self.checked_principal(Some(p))?),
            None => None,
        };
        let size = check_page(input.max_results, input.next_token.as_deref())?;
        let index = self.authorize(caller, Callers::Administrators)?;
        let org = &self.state.organizations[index];
        let scope = format!("ListDelegatedAdministrators/{}", org.id);
        let after = self.cursor(&scope, input.next_token.as_deref())?;
        let for_account_management = principal
            .as_deref()
            .is_none_or(|p| p == ACCOUNT_MANAGEMENT_PRINCIPAL);
        let management_created = self.state.accounts[&org.management_account_id].created;
        let entries = org
            .delegated_administrator
            .iter()
            .filter(|id| for_account_management && after.as_ref().is_none_or(|a| *id > a))
            .map(|id| {
                (
                    id.clone(),
                    output::DelegatedAdministrator {
                        account: account_entry(&self.state, org, id),
                        delegation_enabled_date: org.delegated_since.unwrap_or(management_created),
                    },
                )
            });
        let (delegated_administrators, last) = take_page(entries, size);
        Ok(output::ListDelegatedAdministrators {
            delegated_administrators,
            next_token: self.next_token(&scope, last),
        })
    }
}
