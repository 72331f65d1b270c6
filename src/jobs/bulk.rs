//! The bulk job of the seed blog: list every ACTIVE member account with the
//! Organizations ListAccounts paginator, skip the management account, put
//! the same alternate contact on each, and report per-account results.

use account_engine::{ApiError, Operation, OrgOperation};
use serde_json::{json, Value};

use crate::client::activity::Source;
use crate::client::{Failure, Sandbox};

/// The contact to set everywhere, as PutAlternateContact members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub kind: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

impl Contact {
    pub fn input(&self, account_id: &str) -> Value {
        json!({
            "AccountId": account_id,
            "AlternateContactType": self.kind,
            "Name": self.name,
            "Title": self.title,
            "EmailAddress": self.email,
            "PhoneNumber": self.phone,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub name: String,
}

/// Every ACTIVE member but the management account, through the API.
pub fn targets(sandbox: &Sandbox) -> Result<Vec<Target>, Failure> {
    let organization =
        sandbox.call_organizations(Source::Page, OrgOperation::DescribeOrganization, &json!({}))?;
    let management = organization["Organization"]["MasterAccountId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut targets = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let input = match &token {
            Some(t) => json!({ "NextToken": t }),
            None => json!({}),
        };
        let page = sandbox.call_organizations(Source::Page, OrgOperation::ListAccounts, &input)?;
        for account in page["Accounts"].as_array().into_iter().flatten() {
            let id = account["Id"].as_str().unwrap_or_default();
            if account["Status"] == "ACTIVE" && id != management {
                targets.push(Target {
                    id: id.to_owned(),
                    name: account["Name"].as_str().unwrap_or_default().to_owned(),
                });
            }
        }
        token = page["NextToken"].as_str().map(str::to_owned);
        if token.is_none() {
            return Ok(targets);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub target: Target,
    pub result: Result<(), Failure>,
}

/// Puts the contact on one account.
pub fn put(sandbox: &Sandbox, contact: &Contact, target: &Target) -> Result<(), ApiError> {
    sandbox
        .call_json(
            Source::Page,
            Operation::PutAlternateContact,
            &contact.input(&target.id),
        )
        .map(drop)
}

pub fn apply(sandbox: &Sandbox, contact: &Contact, target: Target) -> Outcome {
    let result = put(sandbox, contact, &target).map_err(Failure::from);
    Outcome { target, result }
}

/// How many succeeded and how many failed.
pub fn tally(outcomes: &[Outcome]) -> (usize, usize) {
    let ok = outcomes.iter().filter(|o| o.result.is_ok()).count();
    (ok, outcomes.len() - ok)
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The results as CSV (RFC 4180), one row per account.
pub fn csv(outcomes: &[Outcome]) -> String {
    let mut out = String::from("AccountId,AccountName,Result,ErrorCode,Message\r\n");
    for o in outcomes {
        let (result, code, message) = match &o.result {
            Ok(()) => ("SUCCEEDED", "", ""),
            Err(f) => ("FAILED", f.code.as_str(), f.message.as_str()),
        };
        let row = [o.target.id.as_str(), &o.target.name, result, code, message]
            .map(csv_field)
            .join(",");
        out.push_str(&row);
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::storage::MemoryStorage;
    use account_engine::{Config, Engine, ManualClock};
    use leptos::prelude::Owner;

    fn contact() -> Contact {
        Contact {
            kind: "SECURITY".into(),
            name: "Sam Secure".into(),
            title: "CISO".into(),
            email: "security@example.com".into(),
            phone: "+1 555 0100".into(),
        }
    }

    #[test]
    fn the_job_reaches_every_active_member_but_the_management_account() {
        let owner = Owner::new();
        owner.set();
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_demo_organization(45).unwrap();
        let suspended = engine.state().organizations[0]
            .members
            .iter()
            .find(|m| *m != "000000000000")
            .cloned()
            .unwrap();
        engine
            .set_account_state(&suspended, account_engine::model::AccountState::Suspended)
            .unwrap();
        assert!(!org.is_empty());
        let sandbox = Sandbox::new(engine, Box::new(MemoryStorage::default()));
        let targets = targets(&sandbox).unwrap();
        assert_eq!(
            targets.len(),
            44,
            "45 members, one suspended, management skipped"
        );
        assert!(targets
            .iter()
            .all(|t| t.id != "000000000000" && t.id != suspended));
        let outcomes: Vec<_> = sandbox.batch(|| {
            targets
                .into_iter()
                .map(|t| apply(&sandbox, &contact(), t))
                .collect()
        });
        assert!(outcomes.iter().all(|o| o.result.is_ok()));
        let set = sandbox.with_state(|s| {
            s.accounts
                .values()
                .filter(|a| a.alternate_contacts.len() == 1)
                .count()
        });
        assert_eq!(set, 44);
    }

    #[test]
    fn a_member_that_is_not_allowed_gets_the_access_denied_in_its_row() {
        let owner = Owner::new();
        owner.set();
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_demo_organization(2).unwrap();
        engine.set_trusted_access(&org, false).unwrap();
        let sandbox = Sandbox::new(engine, Box::new(MemoryStorage::default()));
        let target = targets(&sandbox).unwrap().remove(0);
        let outcome = apply(&sandbox, &contact(), target);
        let failure = outcome.result.unwrap_err();
        assert_eq!(failure.code, "AccessDeniedException");
        assert!(failure.message.ends_with(
            "(Your organization must first enable trusted access with AWS Account Management.)"
        ));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let ok = Outcome {
            target: Target {
                id: "111111111111".into(),
                name: "Dev, \"blue\"".into(),
            },
            result: Ok(()),
        };
        let failed = Outcome {
            target: Target {
                id: "222222222222".into(),
                name: "Prod".into(),
            },
            result: Err(Failure {
                code: "AccessDeniedException".into(),
                message: "no, sorry".into(),
                status: 403,
                field: None,
            }),
        };
        assert_eq!(tally(&[ok.clone(), failed.clone()]), (1, 1));
        assert_eq!(
            csv(&[ok, failed]),
            "AccountId,AccountName,Result,ErrorCode,Message\r\n\
             111111111111,\"Dev, \"\"blue\"\"\",SUCCEEDED,,\r\n\
             222222222222,Prod,FAILED,AccessDeniedException,\"no, sorry\"\r\n"
        );
    }
}
