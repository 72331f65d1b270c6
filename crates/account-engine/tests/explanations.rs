//! What shells get besides the wire: acting as a principal named by its
//! ARN without a signature, the explanation of a refusal (each layer, the
//! statement that matched, the request context) beside the response, and
//! the policy simulator, which explains the same decision without making
//! the call.

mod common;
mod iam_support;

use account_engine::authz::PolicyType;
use account_engine::{Engine, Operation, Principal, Simulation};
use common::*;
use iam_support::*;
use serde_json::json;

const MANAGEMENT: &str = "111111111111";
const MEMBER: &str = "333333333333";
const T8: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["arn:aws:account::*:account"]}]}"#;

fn user_arn(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:user/{name}")
}

/// A member under T8 at the root, with user `ops` holding AdministratorAccess;
/// returns the policy's id.
fn organization(engine: &mut Engine) -> String {
    let org = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&org, MEMBER, "Member", "member@example.com")
        .unwrap();
    let root = format!("r-{}", &org[2..6]);
    let call = |engine: &mut Engine, target: &str, body: serde_json::Value| {
        let response = engine.handle_organizations(
            MANAGEMENT,
            &format!("AWSOrganizationsV20161128.{target}"),
            body.to_string().as_bytes(),
        );
        assert_eq!(response.status, 200, "{}", response.body);
        serde_json::from_str::<serde_json::Value>(&response.body).unwrap()
    };
    call(
        engine,
        "EnablePolicyType",
        json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
    );
    let created = call(
        engine,
        "CreatePolicy",
        json!({"Name": "NoOwnContacts", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": T8}),
    );
    let policy = created["Policy"]["PolicySummary"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    call(
        engine,
        "AttachPolicy",
        json!({"PolicyId": policy, "TargetId": root}),
    );
    iam(engine, MEMBER, "CreateUser", &[("UserName", "ops")]).ok();
    attach(engine, MEMBER, "ops", ADMIN);
    policy
}

#[test]
fn a_principal_is_found_by_its_arn_and_every_principal_is_listed() {
    let mut sandbox = sandbox();
    organization(&mut sandbox.engine);
    let engine = &sandbox.engine;
    assert_eq!(
        engine.principal_by_arn(&format!("arn:aws:iam::{MEMBER}:root")),
        Some(Principal::root(MEMBER))
    );
    let ops = engine.principal_by_arn(&user_arn(MEMBER, "ops")).unwrap();
    assert_eq!(ops.arn(), user_arn(MEMBER, "ops"));
    for unknown in [
        user_arn(MEMBER, "nobody"),
        format!("arn:aws:iam::{MEMBER}:user/ops/ops"),
        "arn:aws:iam::999999999999:root".to_owned(),
        "arn:aws:iam::333333333333:role/ops".to_owned(),
        MEMBER.to_owned(),
    ] {
        assert_eq!(engine.principal_by_arn(&unknown), None, "{unknown}");
    }
    let arns: Vec<String> = engine.principals().iter().map(Principal::arn).collect();
    assert_eq!(
        arns,
        [
            "arn:aws:iam::000000000000:root".to_owned(),
            format!("arn:aws:iam::{MANAGEMENT}:root"),
            format!("arn:aws:iam::{MEMBER}:root"),
            user_arn(MEMBER, "ops"),
        ]
    );
}

#[test]
fn acting_as_a_user_runs_its_policies_and_a_refusal_carries_its_explanation() {
    let mut sandbox = sandbox();
    let policy = organization(&mut sandbox.engine);
    let ops = sandbox
        .engine
        .principal_by_arn(&user_arn(MEMBER, "ops"))
        .unwrap();
    let body = alternate("SECURITY").to_string();
    let response = sandbox.engine.as_principal(ops.clone(), |e| {
        e.handle(MEMBER, "/putAlternateContact", body.as_bytes())
    });
    assert_eq!(response.status, 403);
    let explanation = response.explanation.expect("a refusal is explained");
    let org = &sandbox.engine.state().organization_of(MEMBER).unwrap().id;
    let message = format!(
        "User: {} is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::{MEMBER}:account with an explicit deny in a service control policy: arn:aws:organizations::{MANAGEMENT}:policy/{org}/service_control_policy/{policy}",
        user_arn(MEMBER, "ops"),
    );
    assert!(response.body.contains(&message), "{}", response.body);
    assert_eq!(explanation.message.as_deref(), Some(message.as_str()));
    assert_eq!(explanation.principal, user_arn(MEMBER, "ops"));
    assert_eq!(explanation.action, "account:PutAlternateContact");
    assert_eq!(
        explanation.resource,
        format!("arn:aws:account::{MEMBER}:account")
    );
    // The root, then the account: the deny at the root, FullAWSAccess at both.
    let levels = &explanation.decision.levels;
    assert_eq!(levels.len(), 2);
    let deny = levels[0].denied_by.as_ref().unwrap();
    assert_eq!(deny.statement, "Statement1");
    assert!(deny.policy.ends_with(&policy));
    assert!(levels[1].denied_by.is_none() && levels[1].allowed_by.is_some());
    let (kind, _) = explanation.decision.denied_by.as_ref().unwrap();
    assert_eq!(*kind, PolicyType::ServiceControl);
    let key = |name: &str| {
        explanation
            .context
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        key("account:AlternateContactTypes"),
        Some(vec!["SECURITY".to_owned()])
    );
    assert_eq!(key("aws:username"), Some(vec!["ops".to_owned()]));
    assert_eq!(key("aws:PrincipalType"), Some(vec!["User".to_owned()]));

    // What the SCP leaves alone is allowed, and carries no explanation.
    let read = sandbox
        .engine
        .as_principal(ops, |e| e.handle(MEMBER, "/listRegions", b"{}"));
    assert_eq!(read.status, 200);
    assert!(read.explanation.is_none());
    // Without as_principal the key decides again: the member's root user.
    let own = sandbox.call_as(MEMBER, "/listRegions", json!({}));
    own.ok();
}

#[test]
fn an_iam_refusal_is_explained_by_the_identity_layer() {
    let mut sandbox = sandbox();
    organization(&mut sandbox.engine);
    iam(
        &mut sandbox.engine,
        MEMBER,
        "CreateUser",
        &[("UserName", "bare")],
    )
    .ok();
    let bare = sandbox
        .engine
        .principal_by_arn(&user_arn(MEMBER, "bare"))
        .unwrap();
    let response = sandbox.engine.as_principal(bare, |e| {
        e.handle_query(
            MEMBER,
            form(&[("Action", "ListUsers"), ("Version", "2010-05-08")]).as_bytes(),
        )
    });
    assert_eq!(response.status, 403, "{}", response.body);
    let explanation = response.explanation.unwrap();
    assert_eq!(explanation.action, "iam:ListUsers");
    assert_eq!(
        explanation.decision.denied_by,
        Some((PolicyType::Identity, None))
    );
}

#[test]
fn the_simulator_explains_the_decision_a_call_would_meet_without_making_it() {
    let mut sandbox = sandbox();
    organization(&mut sandbox.engine);
    let ops = user_arn(MEMBER, "ops");
    let simulation = |operation, contact_type| Simulation {
        principal: &ops,
        operation,
        account_id: None,
        contact_type,
        region: "",
    };
    let denied = sandbox
        .engine
        .simulate(&simulation(Operation::PutAlternateContact, "BILLING"))
        .unwrap();
    assert!(!denied.decision.allowed);
    let ops_principal = sandbox.engine.principal_by_arn(&ops).unwrap();
    let body = alternate("BILLING").to_string();
    let real = sandbox.engine.as_principal(ops_principal, |e| {
        e.handle(MEMBER, "/putAlternateContact", body.as_bytes())
    });
    assert_eq!(real.explanation.as_deref(), Some(&denied));
    assert_eq!(
        sandbox
            .call_as(
                MEMBER,
                "/getAlternateContact",
                json!({"AlternateContactType": "BILLING"})
            )
            .error_type
            .as_deref(),
        Some("ResourceNotFoundException"),
        "neither the simulation nor the refused call stored a contact"
    );

    let allowed = sandbox
        .engine
        .simulate(&simulation(Operation::GetAlternateContact, "BILLING"))
        .unwrap();
    assert!(allowed.decision.allowed);
    assert_eq!(allowed.message, None);

    // The management account's root is under no SCP; in the organizations
    // mode the resource is the member's organization ARN.
    let management = format!("arn:aws:iam::{MANAGEMENT}:root");
    let from_management = sandbox
        .engine
        .simulate(&Simulation {
            principal: &management,
            operation: Operation::EnableRegion,
            account_id: Some(MEMBER),
            contact_type: "",
            region: "af-south-1",
        })
        .unwrap();
    assert!(from_management.decision.allowed);
    assert!(from_management.decision.levels.is_empty());
    assert!(from_management
        .resource
        .starts_with(&format!("arn:aws:account::{MANAGEMENT}:account/o-")));
    assert!(from_management.context.contains(&(
        "account:TargetRegion".to_owned(),
        vec!["af-south-1".to_owned()]
    )));

    assert_eq!(
        sandbox.engine.simulate(&Simulation {
            principal: "arn:aws:iam::333333333333:user/nobody",
            ..simulation(Operation::ListRegions, "")
        }),
        None
    );
}
