//! The organization-structure scenario: 5,000 member accounts spread over
//! 50 OUs (five areas of nine teams each), service control policies
//! enabled and a customer SCP on the Security OU. It is built with the
//! engine's Organizations API, so the state is what those calls make, and
//! it is also the tree's load case in `make bench`.

use account_engine::store::{Organization, State};
use account_engine::{Engine, OrgOperation};
use serde_json::{json, Value};

use super::Goal;

/// Member accounts in the scenario, besides the management account.
pub const MEMBERS: usize = 5_000;

/// The top-level OUs; each holds [`TEAMS`] team OUs.
const AREAS: [&str; 5] = [
    "Workloads",
    "Infrastructure",
    "Security",
    "Data",
    "Suspended",
];
const TEAMS: usize = 9;

/// The OU the exercises ask for.
const SANDBOX: &str = "Sandbox";

const DENY_LEAVING: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#;

/// A call as the management account; the scenario starts from a reset, so
/// none is refused.
fn call(engine: &mut Engine, operation: OrgOperation, input: Value) -> Value {
    let management = engine.default_account().to_owned();
    let response = engine.handle_organizations(
        &management,
        &operation.target(),
        input.to_string().as_bytes(),
    );
    assert_eq!(
        response.status,
        200,
        "{} in the structure scenario: {}",
        operation.name(),
        response.body
    );
    serde_json::from_str(&response.body).unwrap_or(Value::Null)
}

fn id(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

pub fn build(engine: &mut Engine) {
    engine
        .create_demo_organization(MEMBERS)
        .expect("after a reset the default account is in no organization");
    let root = id(&call(engine, OrgOperation::ListRoots, json!({}))["Roots"][0]["Id"]);
    call(
        engine,
        OrgOperation::EnablePolicyType,
        json!({ "RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY" }),
    );
    let create = |engine: &mut Engine, parent: &str, name: &str| {
        let out = call(
            engine,
            OrgOperation::CreateOrganizationalUnit,
            json!({ "ParentId": parent, "Name": name }),
        );
        id(&out["OrganizationalUnit"]["Id"])
    };
    let mut units = Vec::new();
    let mut security = String::new();
    for area in AREAS {
        let unit = create(engine, &root, area);
        for team in 1..=TEAMS {
            units.push(create(engine, &unit, &format!("{area} team {team}")));
        }
        if area == "Security" {
            security.clone_from(&unit);
        }
        units.push(unit);
    }
    let management = engine.default_account().to_owned();
    let members: Vec<String> = engine
        .state()
        .organization_of(&management)
        .map(|o| {
            o.members
                .iter()
                .filter(|m| **m != management)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    for (n, account) in members.iter().enumerate() {
        call(
            engine,
            OrgOperation::MoveAccount,
            json!({ "AccountId": account, "SourceParentId": root, "DestinationParentId": units[n % units.len()] }),
        );
    }
    let policy = call(
        engine,
        OrgOperation::CreatePolicy,
        json!({
            "Name": "DenyLeavingOrganization",
            "Description": "Member accounts stay in the organization",
            "Content": DENY_LEAVING,
            "Type": "SERVICE_CONTROL_POLICY",
        }),
    );
    call(
        engine,
        OrgOperation::AttachPolicy,
        json!({ "PolicyId": policy["Policy"]["PolicySummary"]["Id"], "TargetId": security }),
    );
}

/// The caller's organization and its Sandbox OU directly under the root.
fn sandbox_unit<'a>(state: &'a State, caller: &str) -> Option<(&'a Organization, &'a str)> {
    let org = state.organization_of(caller)?;
    org.units
        .iter()
        .find(|(_, u)| u.name == SANDBOX && u.parent.is_none())
        .map(|(id, _)| (org, id.as_str()))
}

pub const GOALS: [Goal; 4] = [
    Goal {
        title: "Create an organizational unit named Sandbox directly under the root",
        met: |p| sandbox_unit(p.state, p.account).is_some(),
    },
    Goal {
        title: "Move a member account into the Sandbox OU",
        met: |p| {
            sandbox_unit(p.state, p.account)
                .is_some_and(|(org, ou)| org.parents.values().any(|parent| parent == ou))
        },
    },
    Goal {
        title: "Create a service control policy and attach it to the Sandbox OU",
        met: |p| {
            sandbox_unit(p.state, p.account)
                .is_some_and(|(org, ou)| org.attached(ou).any(|p| org.policies.contains_key(p)))
        },
    },
    Goal {
        title: "Tag the Sandbox OU",
        met: |p| {
            sandbox_unit(p.state, p.account)
                .is_some_and(|(org, ou)| org.tags.get(ou).is_some_and(|t| !t.is_empty()))
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::scenarios::Progress;
    use account_engine::{Config, ManualClock};

    fn met(engine: &Engine) -> Vec<bool> {
        let progress = Progress {
            state: engine.state(),
            account: "000000000000",
            calls: &[],
        };
        GOALS.iter().map(|g| (g.met)(&progress)).collect()
    }

    #[test]
    fn five_thousand_accounts_in_fifty_ous_and_the_goals_follow_the_sandbox_ou() {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        build(&mut engine);
        let org = engine.state().organization_of("000000000000").unwrap();
        assert_eq!(org.units.len(), 50);
        assert_eq!(org.members.len(), MEMBERS + 1);
        assert_eq!(
            org.parents.len(),
            MEMBERS,
            "only the management account under the root"
        );
        assert!(org.service_control_policies);
        assert_eq!(org.policies.len(), 1);
        assert_eq!(met(&engine), [false; 4]);

        let root = id(&call(&mut engine, OrgOperation::ListRoots, json!({}))["Roots"][0]["Id"]);
        let out = call(
            &mut engine,
            OrgOperation::CreateOrganizationalUnit,
            json!({ "ParentId": root, "Name": SANDBOX }),
        );
        let sandbox = id(&out["OrganizationalUnit"]["Id"]);
        assert_eq!(met(&engine), [true, false, false, false]);
        let member = org_member(&engine);
        let from = engine
            .state()
            .organization_of("000000000000")
            .unwrap()
            .parents[&member]
            .clone();
        call(
            &mut engine,
            OrgOperation::MoveAccount,
            json!({ "AccountId": member, "SourceParentId": from, "DestinationParentId": sandbox }),
        );
        let policy = engine
            .state()
            .organization_of("000000000000")
            .unwrap()
            .policies
            .keys()
            .next()
            .unwrap()
            .clone();
        call(
            &mut engine,
            OrgOperation::AttachPolicy,
            json!({ "PolicyId": policy, "TargetId": sandbox }),
        );
        assert_eq!(met(&engine), [true, true, true, false]);
        call(
            &mut engine,
            OrgOperation::TagResource,
            json!({ "ResourceId": sandbox, "Tags": [{ "Key": "purpose", "Value": "experiments" }] }),
        );
        assert_eq!(met(&engine), [true; 4]);
    }

    fn org_member(engine: &Engine) -> String {
        engine
            .state()
            .organization_of("000000000000")
            .unwrap()
            .parents
            .keys()
            .next()
            .unwrap()
            .clone()
    }
}
