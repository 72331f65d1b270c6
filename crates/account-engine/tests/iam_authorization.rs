//! IAM users' identity policies decide Account API calls (§4 step 5): the
//! guide's examples (`shared/spec/iam.md` §8 T1-T4, T13), explicit denies
//! in inline and managed policies, SCPs over a member account's users,
//! and the principal's global keys.

mod common;
mod iam_support;

use account_engine::Engine;
use common::*;
use iam_support::*;
use serde_json::{json, Value};

const ACCOUNT: &str = "111122223333";

const T3: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"GrantReadOnlyAccessToAccountSettings","Effect":"Allow","Action":["account:GetAccountInformation","account:ListRegions"],"Resource":"*"}]}"#;
const T4: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"GrantFullAccessToAccountSettings","Effect":"Allow","Action":["account:GetAccountInformation","account:ListRegions","account:PutContactInformation","account:PutChallengeQuestions","account:PutAlternateContact","account:DeleteAlternateContact","account:EnableRegion","account:DisableRegion"],"Resource":"*"}]}"#;
const T13: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"EnableDisableHongKong","Effect":"Allow","Action":["account:EnableRegion","account:DisableRegion"],"Resource":"*","Condition":{"StringEquals":{"account:TargetRegion":"ap-east-1"}}},{"Sid":"ViewConsole","Effect":"Allow","Action":["account:ListRegions"],"Resource":"*"}]}"#;
const DENY_REGIONS: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoRegions","Effect":"Deny","Action":"account:*Region","Resource":"*"}]}"#;

fn user_arn(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:user/{name}")
}

fn implicit(principal: &str, action: &str, resource: &str) -> String {
    format!(
        "User: {principal} is not authorized to perform: {action} on resource: {resource} because no identity-based policy allows the {action} action"
    )
}

fn standalone(account: &str) -> String {
    format!("arn:aws:account::{account}:account")
}

/// A user of ACCOUNT with a key and `policies` attached.
fn user(sandbox: &mut Sandbox, name: &str, policies: &[&str]) -> String {
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, name);
    for arn in policies {
        attach(&mut sandbox.engine, ACCOUNT, name, arn);
    }
    key
}

fn contact() -> Value {
    json!({
        "FullName": "Ana", "AddressLine1": "1 Main St", "City": "Seattle",
        "StateOrRegion": "WA", "CountryCode": "US", "PostalCode": "98101",
        "PhoneNumber": "+12065550100"
    })
}

/// Every Account call as `key`, with whether policy evaluation let it
/// through: a call that gets past authorization may still fail on its
/// own terms (no contact stored yet), never with AccessDenied.
fn passes(sandbox: &mut Sandbox, key: &str, path: &str, body: Value) -> bool {
    let reply = sandbox.call_as(key, path, body);
    reply.error_type.as_deref() != Some("AccessDeniedException")
}

#[test]
fn t1_read_only_allows_reads_and_names_the_denied_write() {
    let mut sandbox = sandbox();
    let key = user(&mut sandbox, "reader", &[READ_ONLY]);
    for (path, body) in [
        ("/getAccountInformation", json!({})),
        ("/getContactInformation", json!({})),
        ("/listRegions", json!({})),
        ("/getRegionOptStatus", json!({"RegionName": "af-south-1"})),
        (
            "/getAlternateContact",
            json!({"AlternateContactType": "BILLING"}),
        ),
        ("/getGovCloudAccountInformation", json!({})),
    ] {
        assert!(passes(&mut sandbox, &key, path, body), "{path}");
    }
    sandbox
        .call_as(
            &key,
            "/putContactInformation",
            json!({"ContactInformation": contact()}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &implicit(
                &user_arn(ACCOUNT, "reader"),
                "account:PutContactInformation",
                &standalone(ACCOUNT),
            ),
        );
    for (path, body) in [
        ("/putAlternateContact", alternate("BILLING")),
        ("/enableRegion", json!({"RegionName": "af-south-1"})),
        ("/putAccountName", json!({"AccountName": "x"})),
    ] {
        assert!(!passes(&mut sandbox, &key, path, body), "{path}");
    }
}

#[test]
fn t2_full_access_allows_writes() {
    let mut sandbox = sandbox();
    let key = user(&mut sandbox, "admin", &[FULL]);
    sandbox
        .call_as(
            &key,
            "/putContactInformation",
            json!({"ContactInformation": contact()}),
        )
        .ok();
    let read = sandbox.call_as(&key, "/getContactInformation", json!({}));
    assert_eq!(read.ok()["ContactInformation"]["FullName"], "Ana");
    sandbox
        .call_as(&key, "/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    // The account the user acts on is its own.
    assert_eq!(sandbox.region_status_of(ACCOUNT, "af-south-1"), "ENABLING");
}

#[test]
fn t3_and_t4_allow_only_what_they_list() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, "page");
    put_inline(&mut sandbox.engine, ACCOUNT, "page", "t3", T3);
    assert!(passes(&mut sandbox, &key, "/listRegions", json!({})));
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &implicit(
                &user_arn(ACCOUNT, "page"),
                "account:GetContactInformation",
                &standalone(ACCOUNT),
            ),
        );
    put_inline(&mut sandbox.engine, ACCOUNT, "page", "t3", T4);
    assert!(passes(
        &mut sandbox,
        &key,
        "/putAlternateContact",
        alternate("BILLING")
    ));
    for (path, body, action) in [
        (
            "/putAccountName",
            json!({"AccountName": "x"}),
            "account:PutAccountName",
        ),
        (
            "/getAlternateContact",
            json!({"AlternateContactType": "BILLING"}),
            "account:GetAlternateContact",
        ),
    ] {
        sandbox.call_as(&key, path, body).assert_error(
            "AccessDeniedException",
            403,
            &implicit(&user_arn(ACCOUNT, "page"), action, &standalone(ACCOUNT)),
        );
    }
}

#[test]
fn t13_allows_one_region_only() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, "regions");
    put_inline(&mut sandbox.engine, ACCOUNT, "regions", "hk", T13);
    sandbox
        .call_as(&key, "/enableRegion", json!({"RegionName": "af-south-1"}))
        .assert_error(
            "AccessDeniedException",
            403,
            &format!("User: arn:aws:iam::{ACCOUNT}:user/regions is not authorized to perform: account:EnableRegion on resource: arn:aws:account::{ACCOUNT}:account because no identity-based policy allows the account:EnableRegion action"),
        );
    sandbox
        .call_as(&key, "/enableRegion", json!({"RegionName": "ap-east-1"}))
        .ok();
    assert!(passes(&mut sandbox, &key, "/listRegions", json!({})));
}

#[test]
fn an_explicit_deny_wins_and_names_managed_policies_only() {
    let mut sandbox = sandbox();
    let key = user(&mut sandbox, "denied", &[ADMIN]);
    put_inline(
        &mut sandbox.engine,
        ACCOUNT,
        "denied",
        "no-regions",
        DENY_REGIONS,
    );
    let explicit_inline = format!(
        "User: {} is not authorized to perform: account:EnableRegion on resource: {} with an explicit deny in an identity-based policy",
        user_arn(ACCOUNT, "denied"),
        standalone(ACCOUNT)
    );
    sandbox
        .call_as(&key, "/enableRegion", json!({"RegionName": "af-south-1"}))
        .assert_error("AccessDeniedException", 403, &explicit_inline);
    assert!(passes(
        &mut sandbox,
        &key,
        "/getContactInformation",
        json!({})
    ));

    // The same deny in a customer managed policy adds its ARN.
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DeleteUserPolicy",
        &[("UserName", "denied"), ("PolicyName", "no-regions")],
    )
    .ok();
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "CreatePolicy",
        &[
            ("PolicyName", "NoRegions"),
            ("PolicyDocument", DENY_REGIONS),
        ],
    )
    .ok();
    let arn = format!("arn:aws:iam::{ACCOUNT}:policy/NoRegions");
    attach(&mut sandbox.engine, ACCOUNT, "denied", &arn);
    sandbox
        .call_as(&key, "/disableRegion", json!({"RegionName": "af-south-1"}))
        .assert_error(
            "AccessDeniedException",
            403,
            &format!(
                "User: {} is not authorized to perform: account:DisableRegion on resource: {} with an explicit deny in an identity-based policy: {arn}",
                user_arn(ACCOUNT, "denied"),
                standalone(ACCOUNT)
            ),
        );
}

#[test]
fn a_user_without_policies_may_do_nothing_and_root_keeps_full_access() {
    let mut sandbox = sandbox();
    let key = user(&mut sandbox, "nobody", &[]);
    sandbox
        .call_as(&key, "/listRegions", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &implicit(
                &user_arn(ACCOUNT, "nobody"),
                "account:ListRegions",
                &standalone(ACCOUNT),
            ),
        );
    iam(&mut sandbox.engine, &key, "ListUsers", &[]).assert_denied(&implicit(
        &user_arn(ACCOUNT, "nobody"),
        "iam:ListUsers",
        "*",
    ));
    sandbox.call_as(ACCOUNT, "/listRegions", json!({})).ok();

    // AdministratorAccess covers IAM too: the user can make users.
    attach(&mut sandbox.engine, ACCOUNT, "nobody", ADMIN);
    iam(
        &mut sandbox.engine,
        &key,
        "CreateUser",
        &[("UserName", "made")],
    )
    .ok();
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
}

#[test]
fn the_service_checks_name_the_user() {
    let mut sandbox = sandbox();
    let key = user(&mut sandbox, "admin", &[ADMIN]);
    sandbox
        .call_as(
            &key,
            "/getAlternateContact",
            json!({"AlternateContactType": "operations"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &format!(
                "User: {} is not authorized to perform: account:GetAlternateContact (You specified an invalid Alternate Contact type.)",
                user_arn(ACCOUNT, "admin")
            ),
        );
    sandbox
        .call_as(&key, "/listRegions", json!({"AccountId": "999988887777"}))
        .assert_error(
            "AccessDeniedException",
            403,
            &format!(
                "User: {} is not authorized to perform: account:ListRegions (Your organization must first enable trusted access with AWS Account Management.)",
                user_arn(ACCOUNT, "admin")
            ),
        );
}

#[test]
fn global_keys_describe_the_user() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, "ana");
    let principal = sandbox.engine.credential(&key).unwrap().principal;
    let account_engine::Principal::User { user_id, .. } = &principal else {
        panic!("{principal:?}");
    };
    let keyed = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"account:ListRegions","Resource":"*","Condition":{{"StringEquals":{{"aws:PrincipalType":"User","aws:username":"ana","aws:userid":"{user_id}","aws:PrincipalArn":"arn:aws:iam::{ACCOUNT}:user/ana","aws:PrincipalAccount":"{ACCOUNT}"}}}}}}]}}"#
    );
    put_inline(&mut sandbox.engine, ACCOUNT, "ana", "keys", &keyed);
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
    let wrong = keyed.replace("\"ana\"", "\"bob\"");
    put_inline(&mut sandbox.engine, ACCOUNT, "ana", "keys", &wrong);
    assert!(!passes(&mut sandbox, &key, "/listRegions", json!({})));
}

const MANAGEMENT: &str = "111111111111";
const MEMBER: &str = "333333333333";
const T8: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["arn:aws:account::*:account"]}]}"#;

/// An organization with SCPs enabled and T8 attached to its root.
fn organization(engine: &mut Engine) -> (String, String) {
    let org = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&org, MEMBER, "Member", "member@example.com")
        .unwrap();
    engine.set_trusted_access(&org, true).unwrap();
    (org.clone(), format!("r-{}", &org[2..6]))
}

#[test]
fn scps_still_apply_to_a_member_accounts_users() {
    let mut sandbox = sandbox();
    let (org, root) = organization(&mut sandbox.engine);
    sandbox
        .org_as(
            MANAGEMENT,
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
        )
        .ok();
    let created = sandbox.org_as(
        MANAGEMENT,
        "CreatePolicy",
        json!({"Name": "NoOwnContacts", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": T8}),
    );
    let policy = created.ok()["Policy"]["PolicySummary"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    sandbox
        .org_as(
            MANAGEMENT,
            "AttachPolicy",
            json!({"PolicyId": policy, "TargetId": root}),
        )
        .ok();

    let key = user_with_key(&mut sandbox.engine, MEMBER, "ops");
    attach(&mut sandbox.engine, MEMBER, "ops", ADMIN);
    sandbox
        .call_as(&key, "/putAlternateContact", alternate("SECURITY"))
        .assert_error(
            "AccessDeniedException",
            403,
            &format!(
                "User: {} is not authorized to perform: account:PutAlternateContact on resource: {} with an explicit deny in a service control policy: arn:aws:organizations::{MANAGEMENT}:policy/{org}/service_control_policy/{policy}",
                user_arn(MEMBER, "ops"),
                standalone(MEMBER)
            ),
        );
    // What the SCP leaves alone, the user's own policies decide.
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
    iam(
        &mut sandbox.engine,
        MEMBER,
        "DetachUserPolicy",
        &[("UserName", "ops"), ("PolicyArn", ADMIN)],
    )
    .ok();
    sandbox
        .call_as(&key, "/listRegions", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &implicit(
                &user_arn(MEMBER, "ops"),
                "account:ListRegions",
                &standalone(MEMBER),
            ),
        );

    // A management account's user is not under SCPs.
    let boss = user_with_key(&mut sandbox.engine, MANAGEMENT, "boss");
    attach(&mut sandbox.engine, MANAGEMENT, "boss", FULL);
    sandbox
        .call_as(&boss, "/putAlternateContact", alternate("SECURITY"))
        .ok();
    let mut body = alternate("SECURITY");
    body["AccountId"] = json!(MEMBER);
    sandbox.call_as(&boss, "/putAlternateContact", body).ok();
}
