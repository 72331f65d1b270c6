//! Setting up the organizations the Account API's access rules look at: a
//! management account, member accounts, trusted access for
//! `account.amazonaws.com` and the delegated administrator for Account
//! Management. Shells and tests use these directly; the Organizations API
//! (`organizations/api.rs`) applies its own rules on top of the same state.

use crate::account::model::AccountState;
use crate::account::validate::ACCOUNT_ID;
use crate::engine::Engine;
use crate::ids::mix;
use crate::organizations::api::ACCESS_ROLE;
use crate::organizations::model::{FeatureSet, JoinedMethod};
use crate::store::{Account, Joined, Organization};

/// Why an organization change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrganizationError {
    #[error("{0} is not a 12-digit account id")]
    InvalidAccountId(String),
    #[error("account {0} already belongs to an organization")]
    AlreadyInOrganization(String),
    #[error("there is no organization {0}")]
    UnknownOrganization(String),
    #[error("account {account} is not a member of organization {organization}")]
    NotAMember {
        organization: String,
        account: String,
    },
    #[error("the management account of {0} cannot be its delegated administrator")]
    ManagementAccount(String),
    #[error("there is no account {0}")]
    UnknownAccount(String),
}

/// Lower-case letters and digits, as organization ids use.
const ID_ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

impl Engine {
    /// Creates an organization managed by `management_account_id` (created
    /// if the sandbox has no such account yet) and returns its id,
    /// `o-` and ten characters. Trusted access starts disabled.
    pub fn create_organization(
        &mut self,
        management_account_id: &str,
    ) -> Result<String, OrganizationError> {
        self.found_organization(management_account_id, FeatureSet::All)
    }

    pub(crate) fn found_organization(
        &mut self,
        management_account_id: &str,
        feature_set: FeatureSet,
    ) -> Result<String, OrganizationError> {
        self.check_joinable(management_account_id)?;
        self.ensure_account(management_account_id);
        self.state.sequence += 1;
        let mut bits = mix(self.state.seed ^ self.state.sequence.rotate_left(32));
        let mut id = String::from("o-");
        for _ in 0..10 {
            id.push(char::from(ID_ALPHABET[(bits % 36) as usize]));
            bits /= 36;
        }
        let now = self.clock.now();
        self.state.organizations.push(Organization::new(
            id.clone(),
            management_account_id,
            feature_set,
            now,
        ));
        Ok(id)
    }

    /// Makes `account_id` a member of the organization. An account the
    /// sandbox does not know yet is created with `name` and `email` (it
    /// joins as CREATED, with the `OrganizationAccountAccessRole` that
    /// CreateAccount makes); an existing one joins as it is (INVITED).
    pub fn add_member_account(
        &mut self,
        organization_id: &str,
        account_id: &str,
        name: &str,
        email: &str,
    ) -> Result<(), OrganizationError> {
        let index = self.organization_index(organization_id)?;
        self.check_joinable(account_id)?;
        let now = self.clock.now();
        let method = if self.state.accounts.contains_key(account_id) {
            JoinedMethod::Invited
        } else {
            let mut account = Account::new(account_id, name, now);
            email.clone_into(&mut account.email);
            account.organization_access_role = Some(ACCESS_ROLE.to_owned());
            self.state.accounts.insert(account_id.to_owned(), account);
            JoinedMethod::Created
        };
        let org = &mut self.state.organizations[index];
        org.members.insert(account_id.to_owned());
        org.adopt(account_id);
        org.joined
            .insert(account_id.to_owned(), Joined { method, at: now });
        Ok(())
    }

    /// Enables or disables trusted access for `account.amazonaws.com`.
    pub fn set_trusted_access(
        &mut self,
        organization_id: &str,
        enabled: bool,
    ) -> Result<(), OrganizationError> {
        let index = self.organization_index(organization_id)?;
        let now = self.clock.now();
        let org = &mut self.state.organizations[index];
        if enabled != org.trusted_access {
            org.trusted_access = enabled;
            org.trusted_access_since = enabled.then_some(now);
        }
        Ok(())
    }

    /// Sets an account's state, e.g. SUSPENDED; Organizations reports it in
    /// each account's `Status` and `State`.
    pub fn set_account_state(
        &mut self,
        account_id: &str,
        state: AccountState,
    ) -> Result<(), OrganizationError> {
        let account = self
            .state
            .accounts
            .get_mut(account_id)
            .ok_or_else(|| OrganizationError::UnknownAccount(account_id.to_owned()))?;
        account.state = state;
        Ok(())
    }

    /// An organization managed by the default account with `members` new
    /// member accounts and trusted access enabled, for demonstrations and
    /// load tests. Returns its id.
    pub fn create_demo_organization(
        &mut self,
        members: usize,
    ) -> Result<String, OrganizationError> {
        let management = self.config.default_account.clone();
        let id = self.create_organization(&management)?;
        for n in 1..=members {
            let account_id = self.unused_account_id();
            self.add_member_account(
                &id,
                &account_id,
                &format!("Member {n:04}"),
                &format!("member-{n:04}@example.com"),
            )?;
        }
        self.set_trusted_access(&id, true)?;
        Ok(id)
    }

    /// A fresh 12-digit account id no account of the sandbox has.
    pub(crate) fn unused_account_id(&mut self) -> String {
        loop {
            self.state.sequence += 1;
            let n = mix(self.state.seed ^ self.state.sequence.rotate_left(24)) % 1_000_000_000_000;
            let id = format!("{n:012}");
            if !self.state.accounts.contains_key(&id) {
                return id;
            }
        }
    }

    /// Registers a member account as the delegated administrator for
    /// Account Management, replacing any previous one.
    pub fn register_delegated_administrator(
        &mut self,
        organization_id: &str,
        account_id: &str,
    ) -> Result<(), OrganizationError> {
        let index = self.organization_index(organization_id)?;
        let org = &mut self.state.organizations[index];
        if org.management_account_id == account_id {
            return Err(OrganizationError::ManagementAccount(org.id.clone()));
        }
        if !org.members.contains(account_id) {
            return Err(OrganizationError::NotAMember {
                organization: org.id.clone(),
                account: account_id.to_owned(),
            });
        }
        if org.delegated_administrator.as_deref() != Some(account_id) {
            org.delegated_administrator = Some(account_id.to_owned());
            org.delegated_since = Some(self.clock.now());
        }
        Ok(())
    }

    fn organization_index(&self, organization_id: &str) -> Result<usize, OrganizationError> {
        self.state
            .organizations
            .iter()
            .position(|o| o.id == organization_id)
            .ok_or_else(|| OrganizationError::UnknownOrganization(organization_id.to_owned()))
    }

    /// An account may join an organization if its id is well formed and it
    /// belongs to none yet.
    fn check_joinable(&self, account_id: &str) -> Result<(), OrganizationError> {
        if !(ACCOUNT_ID.matches)(account_id) {
            return Err(OrganizationError::InvalidAccountId(account_id.to_owned()));
        }
        if self.state.organization_of(account_id).is_some() {
            return Err(OrganizationError::AlreadyInOrganization(
                account_id.to_owned(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, ManualClock};

    fn engine() -> Engine {
        Engine::new(ManualClock::at(1_700_000_000_000), Config::default())
    }

    #[test]
    fn create_organization_makes_the_management_account_its_first_member() {
        let mut engine = engine();
        let id = engine.create_organization("111111111111").unwrap();
        assert_eq!(id.len(), 12);
        assert!(id.starts_with("o-"));
        assert!(id[2..].bytes().all(|b| ID_ALPHABET.contains(&b)));
        let org = &engine.state().organizations[0];
        assert_eq!(org.management_account_id, "111111111111");
        assert_eq!(org.members.iter().collect::<Vec<_>>(), ["111111111111"]);
        assert!(!org.trusted_access);
        assert_eq!(org.delegated_administrator, None);
        assert!(engine.state().accounts.contains_key("111111111111"));
    }

    #[test]
    fn organization_ids_are_distinct() {
        let mut engine = engine();
        let a = engine.create_organization("111111111111").unwrap();
        let b = engine.create_organization("222222222222").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn an_account_belongs_to_at_most_one_organization() {
        let mut engine = engine();
        let a = engine.create_organization("111111111111").unwrap();
        let b = engine.create_organization("222222222222").unwrap();
        engine
            .add_member_account(&a, "333333333333", "Member", "m@example.com")
            .unwrap();
        assert_eq!(
            engine.add_member_account(&b, "333333333333", "Member", "m@example.com"),
            Err(OrganizationError::AlreadyInOrganization(
                "333333333333".into()
            ))
        );
        assert_eq!(
            engine.create_organization("333333333333"),
            Err(OrganizationError::AlreadyInOrganization(
                "333333333333".into()
            ))
        );
    }

    #[test]
    fn add_member_account_creates_unknown_accounts_and_keeps_known_ones() {
        let mut engine = engine();
        let org = engine.create_organization("111111111111").unwrap();
        engine
            .add_member_account(&org, "333333333333", "Workloads", "ops@example.com")
            .unwrap();
        let created = &engine.state().accounts["333333333333"];
        assert_eq!(created.name, "Workloads");
        assert_eq!(created.email, "ops@example.com");
        engine
            .add_member_account(&org, "000000000000", "Ignored", "ignored@example.com")
            .unwrap();
        assert_eq!(
            engine.state().accounts["000000000000"].name,
            "Sandbox account"
        );
        assert_eq!(engine.state().organizations[0].members.len(), 3);
    }

    #[test]
    fn malformed_ids_and_unknown_organizations_are_refused() {
        let mut engine = engine();
        assert_eq!(
            engine.create_organization("12345"),
            Err(OrganizationError::InvalidAccountId("12345".into()))
        );
        let org = engine.create_organization("111111111111").unwrap();
        assert_eq!(
            engine.add_member_account(&org, "abc", "n", "e@example.com"),
            Err(OrganizationError::InvalidAccountId("abc".into()))
        );
        assert_eq!(
            engine.add_member_account("o-nothing000", "333333333333", "n", "e@example.com"),
            Err(OrganizationError::UnknownOrganization(
                "o-nothing000".into()
            ))
        );
        assert_eq!(
            engine.set_trusted_access("o-nothing000", true),
            Err(OrganizationError::UnknownOrganization(
                "o-nothing000".into()
            ))
        );
        assert!(!engine.state().accounts.contains_key("333333333333"));
    }

    #[test]
    fn trusted_access_toggles() {
        let mut engine = engine();
        let org = engine.create_organization("111111111111").unwrap();
        engine.set_trusted_access(&org, true).unwrap();
        assert!(engine.state().organizations[0].trusted_access);
        engine.set_trusted_access(&org, false).unwrap();
        assert!(!engine.state().organizations[0].trusted_access);
    }

    #[test]
    fn the_delegated_administrator_is_a_member_other_than_the_management_account() {
        let mut engine = engine();
        let org = engine.create_organization("111111111111").unwrap();
        assert_eq!(
            engine.register_delegated_administrator(&org, "111111111111"),
            Err(OrganizationError::ManagementAccount(org.clone()))
        );
        assert_eq!(
            engine.register_delegated_administrator(&org, "333333333333"),
            Err(OrganizationError::NotAMember {
                organization: org.clone(),
                account: "333333333333".into()
            })
        );
        engine
            .add_member_account(&org, "333333333333", "Admin", "admin@example.com")
            .unwrap();
        engine
            .register_delegated_administrator(&org, "333333333333")
            .unwrap();
        assert_eq!(
            engine.state().organizations[0]
                .delegated_administrator
                .as_deref(),
            Some("333333333333")
        );
    }
}
