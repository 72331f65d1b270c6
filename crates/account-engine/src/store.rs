//! The whole mutable state of a sandbox: accounts, organizations, regions in
//! transition and the event log. Plain data, serialized as the snapshot.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};

use crate::account::model::{
    AccountState, AlternateContact, AlternateContactType, ContactInformation,
    PrimaryEmailUpdateStatus, RegionOptStatus,
};
use crate::clock::Millis;
use crate::events::Event;
use crate::inbox::Message;
use crate::organizations::model::{CreateAccountFailureReason, FeatureSet, JoinedMethod};

/// The account every shell starts with.
pub const DEFAULT_ACCOUNT_ID: &str = "000000000000";

/// The service principal of AWS Account Management, whose trusted access
/// and delegated administrator the organizations context depends on.
pub const ACCOUNT_MANAGEMENT_PRINCIPAL: &str = "account.amazonaws.com";

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
    /// The phone number a code was last accepted for; VERIFIED while it is
    /// the number on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_phone_number: Option<String>,
    /// The phone verification code sent last, until it is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_code: Option<PhoneCode>,
    /// The AWS GovCloud (US) account linked to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gov_cloud: Option<GovCloudLink>,
    /// The IAM role Organizations CreateAccount made in the account for its
    /// management account (`OrganizationAccountAccessRole` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_access_role: Option<String>,
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
            verified_phone_number: None,
            phone_code: None,
            gov_cloud: None,
            organization_access_role: None,
        }
    }
}

/// A phone verification code, sent to `number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneCode {
    pub code: String,
    pub number: String,
    pub expires_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GovCloudLink {
    pub account_id: String,
    pub state: AccountState,
}

/// An account's most recent primary email update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailUpdate {
    pub email: String,
    pub otp: String,
    pub otp_expires_at: Millis,
    pub status: PrimaryEmailUpdateStatus,
    /// When the status last changed.
    pub updated_at: Millis,
    /// When an ACCEPTED update completes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completes_at: Option<Millis>,
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
    /// The delegated administrator for `account.amazonaws.com`.
    pub delegated_administrator: Option<String>,
    // The members below came with the Organizations API. Snapshots written
    // before it lack them, so each has a default that reads those right.
    #[serde(default)]
    pub feature_set: FeatureSet,
    /// How and when members joined. A member missing here was invited when
    /// its account was created.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub joined: BTreeMap<String, Joined>,
    /// When trusted access for `account.amazonaws.com` was enabled; if it
    /// is on and this is unknown, the management account's creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trusted_access_since: Option<Millis>,
    /// Service principals other than `account.amazonaws.com` with trusted
    /// access, and since when.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub other_service_access: BTreeMap<String, Millis>,
    /// When the delegated administrator was registered; if unknown, the
    /// management account's creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegated_since: Option<Millis>,
    /// CreateAccount requests by their `car-` id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub create_account_requests: BTreeMap<String, CreateAccountRequest>,
    /// Organizational units by their `ou-` id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub units: BTreeMap<String, Unit>,
    /// The OU each account sits in; an account missing here is under the root.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parents: BTreeMap<String, String>,
    /// Tags by resource id: the root, an OU, an account or a policy.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, BTreeMap<String, String>>,
    /// Customer managed service control policies by their `p-` id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, StoredPolicy>,
    /// The policies attached to each target (root, OU or account), the AWS
    /// managed `p-FullAWSAccess` included.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attachments: BTreeMap<String, BTreeSet<String>>,
    /// Whether the SERVICE_CONTROL_POLICY type is enabled on the root.
    #[serde(default)]
    pub service_control_policies: bool,
}

/// An organizational unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    pub name: String,
    /// The parent OU; `None` for an OU directly under the root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A customer managed service control policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredPolicy {
    pub name: String,
    pub description: String,
    pub content: String,
}

impl Organization {
    /// A new organization whose only member is its management account.
    pub fn new(
        id: String,
        management_account_id: &str,
        feature_set: FeatureSet,
        now: Millis,
    ) -> Self {
        Self {
            id,
            management_account_id: management_account_id.to_owned(),
            members: [management_account_id.to_owned()].into(),
            trusted_access: false,
            delegated_administrator: None,
            feature_set,
            joined: [(
                management_account_id.to_owned(),
                Joined {
                    method: JoinedMethod::Invited,
                    at: now,
                },
            )]
            .into(),
            trusted_access_since: None,
            other_service_access: BTreeMap::new(),
            delegated_since: None,
            create_account_requests: BTreeMap::new(),
            units: BTreeMap::new(),
            parents: BTreeMap::new(),
            tags: BTreeMap::new(),
            policies: BTreeMap::new(),
            attachments: BTreeMap::new(),
            service_control_policies: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    pub method: JoinedMethod,
    pub at: Millis,
}

/// A CreateAccount request. It completes when it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateAccountRequest {
    pub account_name: String,
    pub requested: Millis,
    pub outcome: CreateAccountOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum CreateAccountOutcome {
    Succeeded {
        account_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        gov_cloud_account_id: Option<String>,
    },
    Failed {
        reason: CreateAccountFailureReason,
    },
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub accounts: BTreeMap<String, Account>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    #[serde(default)]
    pub transitions: Vec<Transition>,
    #[serde(default)]
    pub events: VecDeque<Event>,
    /// What the sandbox "sent" instead of mail and SMS, oldest first.
    #[serde(default)]
    pub inbox: VecDeque<Message>,
    /// Each account's most recent primary email update, by account id.
    #[serde(default)]
    pub email_updates: BTreeMap<String, EmailUpdate>,
    /// IAM users, access keys and customer managed policies.
    #[serde(default)]
    pub iam: crate::iam::store::Iam,
    /// Seed of ids and of the page-token key.
    pub seed: u64,
    /// Ids handed out so far.
    pub sequence: u64,
    /// Stored policy documents, parsed (not part of snapshots).
    #[serde(skip)]
    pub parsed: crate::parsed::PolicyCache,
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
            inbox: VecDeque::new(),
            email_updates: BTreeMap::new(),
            iam: crate::iam::store::Iam::default(),
            seed: crate::ids::mix(now as u64),
            sequence: 0,
            parsed: crate::parsed::PolicyCache::default(),
        }
    }

    pub fn next_id(&mut self) -> String {
        self.sequence += 1;
        crate::ids::uuid(self.seed, self.sequence)
    }

    /// The organization an account belongs to. Organizations are few and
    /// membership is a set lookup, so this stays cheap with many accounts.
    pub fn organization_of(&self, account_id: &str) -> Option<&Organization> {
        self.organizations
            .iter()
            .find(|o| o.members.contains(account_id))
    }
}
