//! The whole mutable state of a sandbox: accounts, organizations, regions in
//! transition and the event log. Plain data, serialized as the snapshot.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use crate::clock::Millis;
use crate::events::Event;
use crate::model::{
    AccountState, AlternateContact, AlternateContactType, ContactInformation, RegionOptStatus,
};

/// The account every shell starts with.
pub const DEFAULT_ACCOUNT_ID: &str = "000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    pub email: String,
    pub created: Millis,
    pub state: AccountState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_information: Option<ContactInformation>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub alternate_contacts: BTreeMap<AlternateContactType, AlternateContact>,
    /// Opt-in regions whose status is not DISABLED.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub regions: BTreeMap<String, RegionOptStatus>,
}

impl Account {
    pub fn new(id: &str, name: &str, created: Millis) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            email: format!("account-{id}@example.com"),
            created,
            state: AccountState::Active,
            contact_information: None,
            alternate_contacts: BTreeMap::new(),
            regions: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// `o-` and ten characters.
    pub id: String,
    pub management_account_id: String,
    /// Every account of the organization, the management account included.
    pub members: BTreeSet<String>,
    /// Trusted access for `account.amazonaws.com`.
    pub trusted_access: bool,
    pub delegated_administrator: Option<String>,
}

/// A region change in progress; it completes when the clock reaches
/// `completes_at`, however long the shell was away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    pub account_id: String,
    pub region: String,
    /// ENABLED or DISABLED.
    pub target: RegionOptStatus,
    pub completes_at: Millis,
    pub caller: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub accounts: BTreeMap<String, Account>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    #[serde(default)]
    pub transitions: Vec<Transition>,
    #[serde(default)]
    pub events: VecDeque<Event>,
    /// Seed of ids and of the page-token key.
    pub seed: u64,
    /// Ids handed out so far.
    pub sequence: u64,
}

impl State {
    pub fn new(now: Millis, default_account: &str) -> Self {
        let mut accounts = BTreeMap::new();
        accounts.insert(
            default_account.to_owned(),
            Account::new(default_account, "Sandbox account", now),
        );
        Self {
            accounts,
            organizations: Vec::new(),
            transitions: Vec::new(),
            events: VecDeque::new(),
            seed: crate::ids::mix(now as u64),
            sequence: 0,
        }
    }

    pub fn next_id(&mut self) -> String {
        self.sequence += 1;
        crate::ids::uuid(self.seed, self.sequence)
    }

    pub fn organization_of(&self, account_id: &str) -> Option<&Organization> {
        self.organizations
            .iter()
            .find(|o| o.members.contains(account_id))
    }
}
