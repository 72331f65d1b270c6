//! Starting states for a class, and exercises whose goals are checked
//! against the engine state and the calls people make as they work.

use account_engine::model::{
    AccountState, AlternateContactType, PhoneNumberVerificationStatus, PrimaryEmailUpdateStatus,
    RegionOptStatus,
};
use account_engine::store::{Account, State};
use account_engine::{ApiError, Operation, Principal, DEFAULT_ACCOUNT_ID};
use serde_json::{json, Value};

use crate::client::activity::Entry;
use crate::client::chunks::Protocols;
use crate::client::Sandbox;

mod permissions;
mod structure;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    #[default]
    Empty,
    Standalone,
    Organization,
    Verification,
    Structure,
    ReadOnlyOperator,
    BillingContactOnly,
    ScpOwnContacts,
    DelegatedAdminOu,
}

/// Member accounts in the organization scenario.
pub const ORGANIZATION_MEMBERS: usize = 1_000;

/// What an exercise is checked against.
pub struct Progress<'a> {
    pub state: &'a State,
    /// The account of the `Acting as` principal.
    pub account: &'a str,
    /// The calls logged since the scenario was loaded, oldest first: a
    /// refused call changes no state, so only the log can show it was made.
    pub calls: &'a [Entry],
}

/// An exercise: what to do, and when it counts as done.
pub struct Goal {
    pub title: &'static str,
    pub met: fn(&Progress) -> bool,
}

fn own<'a>(state: &'a State, account: &str) -> Option<&'a Account> {
    state.accounts.get(account)
}

fn region_is(state: &State, account: &str, region: &str, status: RegionOptStatus) -> bool {
    own(state, account).is_some_and(|a| a.regions.get(region) == Some(&status))
}

fn has_contact(state: &State, account: &str, kind: AlternateContactType) -> bool {
    own(state, account).is_some_and(|a| a.alternate_contacts.contains_key(&kind))
}

const EMPTY_GOALS: [Goal; 4] = [
    Goal {
        title: "Create the account's contact information",
        met: |p| own(p.state, p.account).is_some_and(|a| a.contact_information.is_some()),
    },
    Goal {
        title: "Add a BILLING alternate contact",
        met: |p| has_contact(p.state, p.account, AlternateContactType::Billing),
    },
    Goal {
        title: "Enable Africa (Cape Town)",
        met: |p| region_is(p.state, p.account, "af-south-1", RegionOptStatus::Enabled),
    },
    Goal {
        title: "Rename the account to \"Training\" (PutAccountName, from the console)",
        met: |p| own(p.state, p.account).is_some_and(|a| a.name == "Training"),
    },
];

const STANDALONE_GOALS: [Goal; 3] = [
    Goal {
        title: "Delete the OPERATIONS alternate contact",
        met: |p| {
            own(p.state, p.account).is_some()
                && !has_contact(p.state, p.account, AlternateContactType::Operations)
        },
    },
    Goal {
        title: "Enable Asia Pacific (Hong Kong)",
        met: |p| region_is(p.state, p.account, "ap-east-1", RegionOptStatus::Enabled),
    },
    Goal {
        title: "Move the account to Canada: country code CA, province ON",
        met: |p| {
            own(p.state, p.account)
                .and_then(|a| a.contact_information.as_ref())
                .is_some_and(|c| {
                    c.country_code == "CA" && c.state_or_region.as_deref() == Some("ON")
                })
        },
    },
];

/// The accounts of the caller's organization but its management account.
fn members<'a>(state: &'a State, caller: &str) -> impl Iterator<Item = &'a Account> + 'a {
    state
        .organization_of(caller)
        .into_iter()
        .flat_map(move |org| {
            org.members
                .iter()
                .filter(move |id| **id != org.management_account_id)
                .filter_map(move |id| state.accounts.get(id))
        })
}

/// Every ACTIVE member of the caller's organization but its management
/// account, as the seed blog's bulk job targets them.
fn every_member_has(state: &State, caller: &str, kind: AlternateContactType) -> bool {
    members(state, caller)
        .filter(|a| a.state == AccountState::Active)
        .all(|a| a.alternate_contacts.contains_key(&kind))
}

const ORGANIZATION_GOALS: [Goal; 3] = [
    Goal {
        title: "Enable trusted access for AWS Account Management",
        met: |p| {
            p.state
                .organization_of(p.account)
                .is_some_and(|o| o.trusted_access)
        },
    },
    Goal {
        title: "Set a security contact on every member account",
        met: |p| every_member_has(p.state, p.account, AlternateContactType::Security),
    },
    Goal {
        title: "Register a member account as the delegated administrator",
        met: |p| {
            p.state
                .organization_of(p.account)
                .is_some_and(|o| o.delegated_administrator.is_some())
        },
    },
];

/// Whether GetContactInformation says VERIFIED.
fn phone_verified(account: &Account) -> bool {
    account.phone_verification_status() == Some(PhoneNumberVerificationStatus::Verified)
}

const VERIFICATION_GOALS: [Goal; 3] = [
    Goal {
        title: "Verify the phone number of your contact information (the code arrives in the Inbox tab)",
        met: |p| own(p.state, p.account).is_some_and(phone_verified),
    },
    Goal {
        title: "Verify the phone number of a member account (choose it under Account)",
        met: |p| members(p.state, p.account).any(phone_verified),
    },
    Goal {
        title: "Change the primary email of a member account, until the update is COMPLETED",
        met: |p| {
            members(p.state, p.account).any(|m| {
                p.state.email_updates
                    .get(&m.id)
                    .is_some_and(|u| u.status == PrimaryEmailUpdateStatus::Completed)
            })
        },
    },
];

/// The member accounts of the verification scenario: id, name, email and
/// phone number.
pub const VERIFICATION_MEMBERS: [(&str, &str, &str, &str); 3] = [
    (
        "111111111111",
        "Development",
        "dev@example.com",
        "+1 206-555-0101",
    ),
    (
        "222222222222",
        "Staging",
        "staging@example.com",
        "+1 206-555-0102",
    ),
    (
        "333333333333",
        "Production",
        "prod@example.com",
        "+1 206-555-0103",
    ),
];

/// A Seattle contact of `full_name` at `phone`.
fn contact_information(full_name: &str, phone: &str) -> Value {
    json!({
        "FullName": full_name, "AddressLine1": "410 Terry Ave N", "City": "Seattle",
        "StateOrRegion": "WA", "PostalCode": "98109", "CountryCode": "US", "PhoneNumber": phone
    })
}

impl Scenario {
    pub const ALL: [Self; 9] = [
        Self::Empty,
        Self::Standalone,
        Self::Organization,
        Self::Verification,
        Self::Structure,
        Self::ReadOnlyOperator,
        Self::BillingContactOnly,
        Self::ScpOwnContacts,
        Self::DelegatedAdminOu,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::Standalone => "standalone",
            Self::Organization => "organization",
            Self::Structure => "structure",
            Self::Verification => "verification",
            Self::ReadOnlyOperator => "read-only-operator",
            Self::BillingContactOnly => "billing-contact-only",
            Self::ScpOwnContacts => "scp-own-contacts",
            Self::DelegatedAdminOu => "delegated-admin-ou",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Empty => "An empty account",
            Self::Standalone => "A standalone account with contacts",
            Self::Organization => "An organization of 1,000 accounts",
            Self::Structure => "An organization with OUs and SCPs",
            Self::Verification => "Phone verification and a primary email change",
            Self::ReadOnlyOperator => "Read-only operator",
            Self::BillingContactOnly => "Billing contact only",
            Self::ScpOwnContacts => "SCP: members cannot edit their own contacts",
            Self::DelegatedAdminOu => "Delegated administrator for one OU",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Empty => "A fresh account: no contact information, no alternate contacts, opt-in regions disabled.",
            Self::Standalone => "Contact information and all three alternate contacts set, as a typical production account.",
            Self::Organization => "You are the management account of an organization with 1,000 member accounts; trusted access for Account Management is still off.",
            Self::Structure => "You are the management account of an organization of 5,000 member accounts in 50 OUs (five areas of nine teams), service control policies enabled and DenyLeavingOrganization attached to the Security OU.",
            Self::Verification => "You are the management account of an organization of three member accounts, trusted access on. Every account has contact information with a phone number not verified yet; Production (333333333333) also has a linked GovCloud account to look up.",
            Self::ReadOnlyOperator => permissions::READ_ONLY_DESCRIPTION,
            Self::BillingContactOnly => permissions::BILLING_ONLY_DESCRIPTION,
            Self::ScpOwnContacts => permissions::SCP_DESCRIPTION,
            Self::DelegatedAdminOu => permissions::DELEGATED_DESCRIPTION,
        }
    }

    pub fn goals(self) -> &'static [Goal] {
        match self {
            Self::Empty => &EMPTY_GOALS,
            Self::Standalone => &STANDALONE_GOALS,
            Self::Organization => &ORGANIZATION_GOALS,
            Self::Structure => &structure::GOALS,
            Self::Verification => &VERIFICATION_GOALS,
            Self::ReadOnlyOperator => &permissions::READ_ONLY_GOALS,
            Self::BillingContactOnly => &permissions::BILLING_ONLY_GOALS,
            Self::ScpOwnContacts => &permissions::SCP_GOALS,
            Self::DelegatedAdminOu => &permissions::DELEGATED_GOALS,
        }
    }

    /// Whether the exercises tick on calls in the activity log, which is
    /// not saved: the page keeps their ticks in its settings instead.
    pub fn ticks_on_calls(self) -> bool {
        matches!(
            self,
            Self::ReadOnlyOperator
                | Self::BillingContactOnly
                | Self::ScpOwnContacts
                | Self::DelegatedAdminOu
        )
    }

    /// Which of the goals are met now, in order; a reactive scope that asks
    /// follows the state and the activity log.
    pub fn met(self, sandbox: &Sandbox) -> Vec<bool> {
        let account = sandbox.caller();
        let calls = sandbox.activity.since_mark();
        sandbox.with_state(|state| {
            let progress = Progress {
                state,
                account: &account,
                calls: &calls,
            };
            self.goals().iter().map(|g| (g.met)(&progress)).collect()
        })
    }

    /// Resets the sandbox and builds the scenario through the API. The page
    /// then acts as the default account's root user, which every scenario
    /// starts from, and the exercises count calls from here on.
    /// The builders call the Organizations and IAM dispatchers, so they
    /// are in the `protocols` chunk (client/chunks.rs).
    pub fn apply(self, protocols: Protocols, sandbox: &Sandbox) -> Result<(), ApiError> {
        sandbox.set_caller(Principal::root(DEFAULT_ACCOUNT_ID).arn());
        sandbox.activity.mark();
        sandbox.batch(|| protocols.build_scenario(sandbox, self))
    }

    pub(crate) fn build(self, sandbox: &Sandbox) -> Result<(), ApiError> {
        sandbox.reset();
        match self {
            Self::Empty => Ok(()),
            Self::ReadOnlyOperator => {
                sandbox.setup_engine(permissions::build_read_only);
                Ok(())
            }
            Self::BillingContactOnly => {
                sandbox.setup_engine(permissions::build_billing_only);
                Ok(())
            }
            Self::ScpOwnContacts => {
                sandbox.setup_engine(permissions::build_scp);
                Ok(())
            }
            Self::DelegatedAdminOu => {
                sandbox.setup_engine(permissions::build_delegated);
                Ok(())
            }
            Self::Structure => {
                sandbox.setup_engine(structure::build);
                Ok(())
            }
            Self::Organization => {
                sandbox.setup_engine(|engine| {
                    let id = engine
                        .create_demo_organization(ORGANIZATION_MEMBERS)
                        .expect("after a reset the default account is in no organization");
                    engine
                        .set_trusted_access(&id, false)
                        .expect("the organization was just created");
                });
                Ok(())
            }
            Self::Verification => {
                sandbox.setup(
                    Operation::PutContactInformation,
                    json!({ "ContactInformation": contact_information("Jane Doe", "+1 206-555-0100") }),
                )?;
                sandbox.setup_engine(|engine| {
                    let management = engine.default_account().to_owned();
                    let org = engine
                        .create_organization(&management)
                        .expect("after a reset the default account is in no organization");
                    for (id, name, email, _) in VERIFICATION_MEMBERS {
                        engine
                            .add_member_account(&org, id, name, email)
                            .expect("after a reset no account is in an organization");
                    }
                    engine
                        .set_trusted_access(&org, true)
                        .expect("the organization was just created");
                    engine
                        .link_gov_cloud_account(VERIFICATION_MEMBERS[2].0)
                        .expect("the member was just added");
                });
                for (id, name, _, phone) in VERIFICATION_MEMBERS {
                    sandbox.setup(
                        Operation::PutContactInformation,
                        json!({ "AccountId": id, "ContactInformation": contact_information(name, phone) }),
                    )?;
                }
                Ok(())
            }
            Self::Standalone => {
                sandbox.setup(
                    Operation::PutContactInformation,
                    json!({ "ContactInformation": {
                        "FullName": "Jane Doe", "CompanyName": "Example Corp",
                        "AddressLine1": "410 Terry Ave N", "City": "Seattle", "StateOrRegion": "WA",
                        "PostalCode": "98109", "CountryCode": "US", "PhoneNumber": "+1 206-555-0100",
                        "WebsiteUrl": "https://example.com"
                    }}),
                )?;
                let people = [
                    ("BILLING", "Bill Ing", "Finance lead", "billing@example.com"),
                    ("OPERATIONS", "Olga Ops", "SRE manager", "ops@example.com"),
                    ("SECURITY", "Sam Secure", "CISO", "security@example.com"),
                ];
                for (kind, name, title, email) in people {
                    sandbox.setup(
                        Operation::PutAlternateContact,
                        json!({ "AlternateContactType": kind, "Name": name, "Title": title,
                                "EmailAddress": email, "PhoneNumber": "+1 555-555-0100" }),
                    )?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::storage::MemoryStorage;
    use account_engine::{Config, Engine, ManualClock};
    use leptos::prelude::Owner;

    fn sandbox() -> Sandbox {
        let engine = Engine::new(ManualClock::at(0), Config::default());
        Sandbox::new(engine, Box::new(MemoryStorage::default()))
    }

    fn met(sandbox: &Sandbox, scenario: Scenario) -> Vec<bool> {
        scenario.met(sandbox)
    }

    #[test]
    fn slugs_round_trip() {
        for s in Scenario::ALL {
            assert_eq!(Scenario::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Scenario::from_slug("nope"), None);
    }

    #[test]
    fn standalone_scenario_sets_contact_information_and_three_contacts() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        Scenario::Standalone
            .apply(Protocols::here().unwrap(), &s)
            .unwrap();
        let caller = s.caller();
        s.with_state(|state| {
            let account = &state.accounts[&caller];
            assert!(account.contact_information.is_some());
            assert_eq!(account.alternate_contacts.len(), 3);
        });
        assert_eq!(met(&s, Scenario::Standalone), [false, false, false]);
        s.run(
            Operation::DeleteAlternateContact,
            json!({"AlternateContactType": "OPERATIONS"}),
        )
        .unwrap();
        assert_eq!(met(&s, Scenario::Standalone), [true, false, false]);
    }

    #[test]
    fn empty_scenario_goals_turn_true_as_the_state_meets_them() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        Scenario::Standalone
            .apply(Protocols::here().unwrap(), &s)
            .unwrap();
        Scenario::Empty
            .apply(Protocols::here().unwrap(), &s)
            .unwrap();
        assert_eq!(met(&s, Scenario::Empty), [false; 4]);
        s.run(
            Operation::PutAccountName,
            json!({"AccountName": "Training"}),
        )
        .unwrap();
        s.run(
            Operation::PutAlternateContact,
            json!({"AlternateContactType": "BILLING", "Name": "B", "Title": "T",
                   "EmailAddress": "b@example.com", "PhoneNumber": "+1 555"}),
        )
        .unwrap();
        assert_eq!(met(&s, Scenario::Empty), [false, true, false, true]);
    }

    #[test]
    fn organization_scenario_goals_follow_the_organization() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        Scenario::Organization
            .apply(Protocols::here().unwrap(), &s)
            .unwrap();
        let caller = s.caller();
        let members = s.with_state(|state| state.organization_of(&caller).unwrap().members.len());
        assert_eq!(members, ORGANIZATION_MEMBERS + 1);
        assert_eq!(met(&s, Scenario::Organization), [false, false, false]);
        let org = s.with_state(|state| state.organization_of(&caller).unwrap().clone());
        s.setup_engine(|e| e.set_trusted_access(&org.id, true))
            .unwrap();
        let contact = |id: &str| {
            json!({"AccountId": id, "AlternateContactType": "SECURITY", "Name": "S", "Title": "T",
                   "EmailAddress": "s@example.com", "PhoneNumber": "+1 555"})
        };
        let members: Vec<_> = org
            .members
            .iter()
            .filter(|id| **id != org.management_account_id)
            .collect();
        let (last, rest) = members.split_last().unwrap();
        // One save for the lot, as the page's bulk job does.
        s.batch(|| {
            for id in rest {
                s.setup(Operation::PutAlternateContact, contact(id))
                    .unwrap();
            }
        });
        assert_eq!(met(&s, Scenario::Organization), [true, false, false]);
        s.setup(Operation::PutAlternateContact, contact(last))
            .unwrap();
        assert_eq!(met(&s, Scenario::Organization), [true, true, false]);
    }

    /// The newest code the sandbox sent to `to`.
    fn code_sent_to(sandbox: &Sandbox, to: &str) -> String {
        sandbox
            .inbox()
            .into_iter()
            .rev()
            .find(|m| m.to == to)
            .map(|m| m.code)
            .expect("a code was sent")
    }

    #[test]
    fn verification_scenario_goals_follow_codes_and_the_email_update() {
        let owner = Owner::new();
        owner.set();
        let clock = ManualClock::at(0);
        let s = Sandbox::new(
            Engine::new(clock.clone(), Config::default()),
            Box::new(MemoryStorage::default()),
        );
        Scenario::Verification
            .apply(Protocols::here().unwrap(), &s)
            .unwrap();
        assert_eq!(met(&s, Scenario::Verification), [false; 3]);

        s.run(Operation::SendPhoneNumberVerification, json!({}))
            .unwrap();
        let code = code_sent_to(&s, "+1 206-555-0100");
        s.run(Operation::VerifyPhoneNumber, json!({ "Otp": code }))
            .unwrap();
        assert_eq!(met(&s, Scenario::Verification), [true, false, false]);

        let (member, _, _, phone) = VERIFICATION_MEMBERS[0];
        s.set_target(Some(member.into()));
        s.run(Operation::SendPhoneNumberVerification, json!({}))
            .unwrap();
        let code = code_sent_to(&s, phone);
        s.run(Operation::VerifyPhoneNumber, json!({ "Otp": code }))
            .unwrap();
        assert_eq!(met(&s, Scenario::Verification), [true, true, false]);

        let email = json!({ "AccountId": member, "PrimaryEmail": "new-dev@example.com" });
        s.run(Operation::StartPrimaryEmailUpdate, email.clone())
            .unwrap();
        let mut accept = email;
        accept["Otp"] = code_sent_to(&s, "new-dev@example.com").into();
        s.run(Operation::AcceptPrimaryEmailUpdate, accept).unwrap();
        assert_eq!(met(&s, Scenario::Verification), [true, true, false]);
        clock.advance(Config::default().timings.primary_email);
        s.settle();
        assert_eq!(met(&s, Scenario::Verification), [true, true, true]);

        s.set_target(None);
        let gov_cloud: Value = s
            .query(
                Operation::GetGovCloudAccountInformation,
                json!({ "StandardAccountId": VERIFICATION_MEMBERS[2].0 }),
            )
            .unwrap();
        assert_eq!(gov_cloud["AccountState"], "ACTIVE");
    }
}
