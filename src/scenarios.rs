//! Starting states for a class, and exercises whose goals are checked
//! against the engine state as people work.

use account_engine::model::{AlternateContactType, RegionOptStatus};
use account_engine::store::{Account, State};
use account_engine::{ApiError, Operation};
use serde_json::json;

use crate::client::Sandbox;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scenario {
    #[default]
    Empty,
    Standalone,
}

/// An exercise: what to do, and when it counts as done.
pub struct Goal {
    pub title: &'static str,
    pub met: fn(&State, &str) -> bool,
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
        met: |s, a| own(s, a).is_some_and(|a| a.contact_information.is_some()),
    },
    Goal {
        title: "Add a BILLING alternate contact",
        met: |s, a| has_contact(s, a, AlternateContactType::Billing),
    },
    Goal {
        title: "Enable Africa (Cape Town)",
        met: |s, a| region_is(s, a, "af-south-1", RegionOptStatus::Enabled),
    },
    Goal {
        title: "Rename the account to \"Training\" (PutAccountName, from the console)",
        met: |s, a| own(s, a).is_some_and(|a| a.name == "Training"),
    },
];

const STANDALONE_GOALS: [Goal; 3] = [
    Goal {
        title: "Delete the OPERATIONS alternate contact",
        met: |s, a| own(s, a).is_some() && !has_contact(s, a, AlternateContactType::Operations),
    },
    Goal {
        title: "Enable Asia Pacific (Hong Kong)",
        met: |s, a| region_is(s, a, "ap-east-1", RegionOptStatus::Enabled),
    },
    Goal {
        title: "Move the account to Canada: country code CA, province ON",
        met: |s, a| {
            own(s, a)
                .and_then(|a| a.contact_information.as_ref())
                .is_some_and(|c| {
                    c.country_code == "CA" && c.state_or_region.as_deref() == Some("ON")
                })
        },
    },
];

impl Scenario {
    pub const ALL: [Self; 2] = [Self::Empty, Self::Standalone];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::Standalone => "standalone",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Empty => "An empty account",
            Self::Standalone => "A standalone account with contacts",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Empty => "A fresh account: no contact information, no alternate contacts, opt-in regions disabled.",
            Self::Standalone => "Contact information and all three alternate contacts set, as a typical production account.",
        }
    }

    pub fn goals(self) -> &'static [Goal] {
        match self {
            Self::Empty => &EMPTY_GOALS,
            Self::Standalone => &STANDALONE_GOALS,
        }
    }

    /// Resets the sandbox and builds the scenario through the API.
    pub fn apply(self, sandbox: &Sandbox) -> Result<(), ApiError> {
        sandbox.batch(|| self.build(sandbox))
    }

    fn build(self, sandbox: &Sandbox) -> Result<(), ApiError> {
        sandbox.reset();
        match self {
            Self::Empty => Ok(()),
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
    use crate::storage::MemoryStorage;
    use account_engine::{Config, Engine, ManualClock};
    use leptos::prelude::Owner;

    fn sandbox() -> Sandbox {
        let engine = Engine::new(ManualClock::at(0), Config::default());
        Sandbox::new(engine, Box::new(MemoryStorage::default()))
    }

    fn met(sandbox: &Sandbox, scenario: Scenario) -> Vec<bool> {
        let caller = sandbox.caller();
        sandbox.with_state(|s| {
            scenario
                .goals()
                .iter()
                .map(|g| (g.met)(s, &caller))
                .collect()
        })
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
        Scenario::Standalone.apply(&s).unwrap();
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
        Scenario::Standalone.apply(&s).unwrap();
        Scenario::Empty.apply(&s).unwrap();
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
}
