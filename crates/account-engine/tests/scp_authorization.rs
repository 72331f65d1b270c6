//! Service control policies decide Account API calls of member accounts'
//! root users: the guide's SCP examples (`shared/spec/iam.md` §8 T8-T10),
//! per-level inheritance, the management account's exemption, and the
//! AccessDenied texts of §6.

mod common;

use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const ADMIN: &str = "222222222222";
const MEMBER: &str = "333333333333";

const T8: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["arn:aws:account::*:account"]}]}"#;
const T9: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["*"]}]}"#;

struct Org {
    sandbox: Sandbox,
    id: String,
    root: String,
}

impl Org {
    fn org(&mut self, operation: &str, body: Value) -> Value {
        self.sandbox
            .org_as(MANAGEMENT, operation, body)
            .ok()
            .clone()
    }

    fn create_policy(&mut self, name: &str, content: &str) -> String {
        let created = self.org(
            "CreatePolicy",
            json!({"Name": name, "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": content}),
        );
        created["Policy"]["PolicySummary"]["Id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn attach(&mut self, policy: &str, target: &str) {
        self.org(
            "AttachPolicy",
            json!({"PolicyId": policy, "TargetId": target}),
        );
    }

    fn detach(&mut self, policy: &str, target: &str) {
        self.org(
            "DetachPolicy",
            json!({"PolicyId": policy, "TargetId": target}),
        );
    }

    fn policy_arn(&self, policy: &str) -> String {
        format!(
            "arn:aws:organizations::{MANAGEMENT}:policy/{}/service_control_policy/{policy}",
            self.id
        )
    }

    fn put(&mut self, caller: &str, account_id: Option<&str>) -> Reply {
        let mut body = alternate("SECURITY");
        if let Some(id) = account_id {
            body["AccountId"] = json!(id);
        }
        self.sandbox.call_as(caller, "/putAlternateContact", body)
    }
}

/// An organization with trusted access, a delegated administrator, a
/// member, and SCPs enabled.
fn organization() -> Org {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let id = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&id, ADMIN, "Admin", "admin@example.com")
        .unwrap();
    engine
        .add_member_account(&id, MEMBER, "Member", "member@example.com")
        .unwrap();
    engine.register_delegated_administrator(&id, ADMIN).unwrap();
    engine.set_trusted_access(&id, true).unwrap();
    let root = format!("r-{}", &id[2..6]);
    let mut org = Org { sandbox, id, root };
    let root = org.root.clone();
    org.org(
        "EnablePolicyType",
        json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
    );
    org
}

fn denied_by_scp(caller: &str, action: &str, resource: &str, policy_arn: &str) -> String {
    format!(
        "User: arn:aws:iam::{caller}:root is not authorized to perform: {action} on resource: {resource} with an explicit deny in a service control policy: {policy_arn}"
    )
}

#[test]
fn full_aws_access_everywhere_allows_everything() {
    let mut org = organization();
    org.put(MEMBER, None).ok();
    org.put(ADMIN, Some(MEMBER)).ok();
}

#[test]
fn t8_stops_a_members_standalone_put_but_not_the_management_account() {
    let mut org = organization();
    let policy = org.create_policy("NoOwnContacts", T8);
    let root = org.root.clone();
    org.attach(&policy, &root);
    org.put(MEMBER, None).assert_error(
        "AccessDeniedException",
        403,
        &denied_by_scp(
            MEMBER,
            "account:PutAlternateContact",
            &format!("arn:aws:account::{MEMBER}:account"),
            &org.policy_arn(&policy),
        ),
    );
    org.put(MANAGEMENT, Some(MEMBER)).ok();
    org.put(ADMIN, Some(MEMBER)).ok();
    org.put(MANAGEMENT, None).ok();
    let read = org.sandbox.call_as(
        MEMBER,
        "/getAlternateContact",
        json!({"AlternateContactType": "SECURITY"}),
    );
    read.ok();
}

#[test]
fn t9_stops_the_delegated_administrator_too() {
    let mut org = organization();
    let policy = org.create_policy("NoContacts", T9);
    let root = org.root.clone();
    org.attach(&policy, &root);
    let resource = format!("arn:aws:account::{MANAGEMENT}:account/{}/{MEMBER}", org.id);
    org.put(ADMIN, Some(MEMBER)).assert_error(
        "AccessDeniedException",
        403,
        &denied_by_scp(
            ADMIN,
            "account:PutAlternateContact",
            &resource,
            &org.policy_arn(&policy),
        ),
    );
    org.put(MANAGEMENT, Some(MEMBER)).ok();
}

#[test]
fn t10_as_printed_names_a_key_that_is_never_set() {
    let mut org = organization();
    let ou = org.org(
        "CreateOrganizationalUnit",
        json!({"ParentId": org.root.clone(), "Name": "Workloads"}),
    )["OrganizationalUnit"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    let root = org.root.clone();
    org.org(
        "MoveAccount",
        json!({"AccountId": MEMBER, "SourceParentId": root, "DestinationParentId": ou}),
    );
    let path = format!("{}/{}/{ou}/", org.id, org.root);
    let printed = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Statement1","Effect":"Deny","Action":"account:PutAlternateContact","Resource":["arn:aws:account::*:account"],"Condition":{{"ForAnyValue:StringLike":{{"account:AccountResourceOrgPath":["{path}"]}}}}}}]}}"#
    );
    let policy = org.create_policy("AsPrinted", &printed);
    org.attach(&policy, &ou);
    org.put(MEMBER, None).ok();

    // With the key's real name, the OU's path matches the accounts directly
    // in it, and only them.
    let renamed = printed.replace("AccountResourceOrgPath\"", "AccountResourceOrgPaths\"");
    let exact = org.create_policy("Renamed", &renamed);
    org.detach(&policy, &ou);
    org.attach(&exact, &ou);
    let reply = org.put(MEMBER, None);
    assert_eq!(reply.status, 403, "{reply:?}");
    org.put(ADMIN, None).ok();
    let child = org.org(
        "CreateOrganizationalUnit",
        json!({"ParentId": ou.clone(), "Name": "Child"}),
    )["OrganizationalUnit"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    org.org(
        "MoveAccount",
        json!({"AccountId": MEMBER, "SourceParentId": ou.clone(), "DestinationParentId": child}),
    );
    org.put(MEMBER, None).ok();

    // `*` after the path takes in the OU's whole subtree.
    let fixed = renamed.replace(&format!("\"{path}\""), &format!("\"{path}*\""));
    let corrected = org.create_policy("Corrected", &fixed);
    org.detach(&exact, &ou);
    org.attach(&corrected, &ou);
    let reply = org.put(MEMBER, None);
    assert_eq!(reply.status, 403, "{reply:?}");
}

#[test]
fn every_level_needs_an_allow() {
    let mut org = organization();
    let ou = org.org(
        "CreateOrganizationalUnit",
        json!({"ParentId": org.root.clone(), "Name": "Sandbox"}),
    )["OrganizationalUnit"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    let root = org.root.clone();
    org.org(
        "MoveAccount",
        json!({"AccountId": MEMBER, "SourceParentId": root, "DestinationParentId": ou}),
    );
    let reads_only = org.create_policy(
        "ReadsOnly",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["account:Get*","account:List*"],"Resource":"*"}]}"#,
    );
    org.attach(&reads_only, &ou);
    org.detach("p-FullAWSAccess", &ou);
    org.put(MEMBER, None).assert_error(
        "AccessDeniedException",
        403,
        &format!(
            "User: arn:aws:iam::{MEMBER}:root is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::{MEMBER}:account because no service control policy allows the account:PutAlternateContact action"
        ),
    );
    let read = org
        .sandbox
        .call_as(MEMBER, "/listRegions", json!({"MaxResults": 1}));
    read.ok();
    org.put(ADMIN, None).ok();
}

#[test]
fn the_service_checks_come_before_policies() {
    let mut org = organization();
    let policy = org.create_policy("NoContacts", T9);
    let root = org.root.clone();
    org.attach(&policy, &root);
    org.sandbox
        .call_as(
            MEMBER,
            "/putAlternateContact",
            json!({"AlternateContactType": "billing", "Name": "n", "Title": "t", "EmailAddress": "a@b.co", "PhoneNumber": "1"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &arn(MEMBER),
                "PutAlternateContact",
                "You specified an invalid Alternate Contact type.",
            ),
        );
}

#[test]
fn target_region_and_contact_type_reach_the_conditions() {
    let mut org = organization();
    let policy = org.create_policy(
        "OnlyBillingAndUsEast",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"account:*AlternateContact","Resource":"*","Condition":{"ForAnyValue:StringNotEquals":{"account:AlternateContactTypes":["BILLING"]}}},{"Effect":"Deny","Action":"account:EnableRegion","Resource":"*","Condition":{"StringNotEquals":{"account:TargetRegion":"af-south-1"}}}]}"#,
    );
    let root = org.root.clone();
    org.attach(&policy, &root);
    org.put(MEMBER, None).assert_error(
        "AccessDeniedException",
        403,
        &denied_by_scp(
            MEMBER,
            "account:PutAlternateContact",
            &format!("arn:aws:account::{MEMBER}:account"),
            &org.policy_arn(&policy),
        ),
    );
    let mut billing = alternate("BILLING");
    billing["AlternateContactType"] = json!("BILLING");
    org.sandbox
        .call_as(MEMBER, "/putAlternateContact", billing)
        .ok();
    org.sandbox
        .call_as(MEMBER, "/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    let refused = org
        .sandbox
        .call_as(MEMBER, "/enableRegion", json!({"RegionName": "me-south-1"}));
    assert_eq!(refused.status, 403, "{refused:?}");
}

#[test]
fn disabling_scps_lifts_every_denial() {
    let mut org = organization();
    let policy = org.create_policy("NoContacts", T9);
    let root = org.root.clone();
    org.attach(&policy, &root);
    assert_eq!(org.put(MEMBER, None).status, 403);
    org.org(
        "DisablePolicyType",
        json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
    );
    org.put(MEMBER, None).ok();
}
