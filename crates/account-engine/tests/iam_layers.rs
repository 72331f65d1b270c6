//! The layers after the SCPs (§4 steps 5-7): a role session's identity
//! (its role's policies), permissions boundaries of users and roles, and
//! session policies, with their §6 texts and precedence; the session's
//! request context; and the stackd capture T14 byte for byte.

mod common;
mod iam_support;

use account_engine::Engine;
use common::*;
use iam_support::*;
use serde_json::json;

const ACCOUNT: &str = "111122223333";
const MANAGEMENT: &str = "111111111111";
const MEMBER: &str = "222222222222";
const ACCESS_ROLE: &str = "OrganizationAccountAccessRole";

const ASSUME_ANY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;
const T14: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:GetRegionOptStatus","Resource":"arn:aws:account::111111111111:account/o-exampleorg/222222222222","Condition":{"StringEquals":{"account:TargetRegion":"us-east-1"}}}]}"#;

fn standalone(account: &str) -> String {
    format!("arn:aws:account::{account}:account")
}

fn refused(principal: &str, action: &str, resource: &str, clause: &str) -> String {
    format!(
        "User: {principal} is not authorized to perform: {action} on resource: {resource} {clause}"
    )
}

fn no_allow(kind: &str, action: &str) -> String {
    format!("because no {kind} allows the {action} action")
}

fn session_arn(account: &str, role: &str, session: &str) -> String {
    format!("arn:aws:sts::{account}:assumed-role/{role}/{session}")
}

/// A role of ACCOUNT that ACCOUNT's principals may assume, with `attached`.
fn role(engine: &mut Engine, name: &str, attached: &[&str]) {
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    iam(
        engine,
        ACCOUNT,
        "CreateRole",
        &[("RoleName", name), ("AssumeRolePolicyDocument", &trust)],
    )
    .ok();
    for arn in attached {
        iam(
            engine,
            ACCOUNT,
            "AttachRolePolicy",
            &[("RoleName", name), ("PolicyArn", arn)],
        )
        .ok();
    }
}

/// A session of ACCOUNT's role `name`, opened by a user allowed to assume
/// roles; returns the session's key.
fn session(engine: &mut Engine, name: &str, extra: &[(&str, &str)]) -> String {
    if iam(engine, ACCOUNT, "GetUser", &[("UserName", "assumer")]).status == 404 {
        iam(engine, ACCOUNT, "CreateUser", &[("UserName", "assumer")]).ok();
        put_inline(engine, ACCOUNT, "assumer", "assume", ASSUME_ANY);
    }
    let key = iam(
        engine,
        ACCOUNT,
        "CreateAccessKey",
        &[("UserName", "assumer")],
    );
    let key = key.ok().value("AccessKeyId").to_owned();
    let arn = format!("arn:aws:iam::{ACCOUNT}:role/{name}");
    let mut params = vec![("RoleArn", arn.as_str()), ("RoleSessionName", "s1")];
    params.extend_from_slice(extra);
    let answer = sts(engine, &key, "AssumeRole", &params);
    let session = answer.ok().value("AccessKeyId").to_owned();
    iam(
        engine,
        ACCOUNT,
        "DeleteAccessKey",
        &[("UserName", "assumer"), ("AccessKeyId", &key)],
    )
    .ok();
    session
}

fn create_policy(engine: &mut Engine, name: &str, document: &str) -> String {
    let created = iam(
        engine,
        ACCOUNT,
        "CreatePolicy",
        &[("PolicyName", name), ("PolicyDocument", document)],
    );
    created.ok().value("Arn").to_owned()
}

const DENY_CONTACTS: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoContacts","Effect":"Deny","Action":"account:GetContactInformation","Resource":"*"}]}"#;

fn put_alternate() -> serde_json::Value {
    alternate("BILLING")
}

#[test]
fn a_user_is_bounded_by_its_permissions_boundary() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, "ana");
    attach(&mut sandbox.engine, ACCOUNT, "ana", ADMIN);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "PutUserPermissionsBoundary",
        &[("UserName", "ana"), ("PermissionsBoundary", READ_ONLY)],
    )
    .ok();
    let user = format!("arn:aws:iam::{ACCOUNT}:user/ana");
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "ResourceNotFoundException",
            404,
            "No contact information found for this account.",
        );
    sandbox
        .call_as(&key, "/putAlternateContact", put_alternate())
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &user,
                "account:PutAlternateContact",
                &standalone(ACCOUNT),
                &no_allow("permissions boundary", "account:PutAlternateContact"),
            ),
        );

    // An explicit deny in the boundary names the boundary's ARN.
    let deny = create_policy(&mut sandbox.engine, "NoContacts", DENY_CONTACTS);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "PutUserPermissionsBoundary",
        &[("UserName", "ana"), ("PermissionsBoundary", &deny)],
    )
    .ok();
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &user,
                "account:GetContactInformation",
                &standalone(ACCOUNT),
                &format!("with an explicit deny in a permissions boundary: {deny}"),
            ),
        );

    // Without its boundary the user has its policies' permissions again.
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DeleteUserPermissionsBoundary",
        &[("UserName", "ana")],
    )
    .ok();
    sandbox
        .call_as(&key, "/putAlternateContact", put_alternate())
        .ok();
}

#[test]
fn a_session_has_its_roles_policies_and_boundary() {
    let mut sandbox = sandbox();
    role(&mut sandbox.engine, "reader", &[READ_ONLY]);
    let key = session(&mut sandbox.engine, "reader", &[]);
    let me = session_arn(ACCOUNT, "reader", "s1");
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
    sandbox
        .call_as(&key, "/putAlternateContact", put_alternate())
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &me,
                "account:PutAlternateContact",
                &standalone(ACCOUNT),
                &no_allow("identity-based policy", "account:PutAlternateContact"),
            ),
        );

    role(&mut sandbox.engine, "bounded", &[ADMIN]);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "PutRolePermissionsBoundary",
        &[("RoleName", "bounded"), ("PermissionsBoundary", READ_ONLY)],
    )
    .ok();
    let key = session(&mut sandbox.engine, "bounded", &[]);
    sandbox
        .call_as(&key, "/putAlternateContact", put_alternate())
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &session_arn(ACCOUNT, "bounded", "s1"),
                "account:PutAlternateContact",
                &standalone(ACCOUNT),
                &no_allow("permissions boundary", "account:PutAlternateContact"),
            ),
        );

    // A role deleted takes its sessions with it.
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DetachRolePolicy",
        &[("RoleName", "reader"), ("PolicyArn", READ_ONLY)],
    )
    .ok();
    let reader = session(&mut sandbox.engine, "reader", &[]);
    assert!(sandbox.engine.credential(&reader).is_some());
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DeleteRole",
        &[("RoleName", "reader")],
    )
    .ok();
    assert_eq!(sandbox.engine.credential(&reader), None);
}

#[test]
fn session_policies_narrow_the_session_and_are_read_on_every_request() {
    let mut sandbox = sandbox();
    role(&mut sandbox.engine, "admin", &[ADMIN]);
    let me = session_arn(ACCOUNT, "admin", "s1");
    let reads = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:Get*","Resource":"*"}]}"#;
    let key = session(&mut sandbox.engine, "admin", &[("Policy", reads)]);
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "ResourceNotFoundException",
            404,
            "No contact information found for this account.",
        );
    sandbox
        .call_as(&key, "/listRegions", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &me,
                "account:ListRegions",
                &standalone(ACCOUNT),
                &no_allow("session policy", "account:ListRegions"),
            ),
        );

    // An inline session policy's deny has no ARN to name.
    let key = session(&mut sandbox.engine, "admin", &[("Policy", DENY_CONTACTS)]);
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &me,
                "account:GetContactInformation",
                &standalone(ACCOUNT),
                "with an explicit deny in a session policy",
            ),
        );

    // A managed session policy is read when the session acts: one created
    // after AssumeRole counts.
    let later = format!("arn:aws:iam::{ACCOUNT}:policy/Later");
    let key = session(
        &mut sandbox.engine,
        "admin",
        &[("PolicyArns.member.1.arn", &later)],
    );
    sandbox
        .call_as(&key, "/listRegions", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &me,
                "account:ListRegions",
                &standalone(ACCOUNT),
                &no_allow("session policy", "account:ListRegions"),
            ),
        );
    let regions = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:ListRegions","Resource":"*"}]}"#;
    create_policy(&mut sandbox.engine, "Later", regions);
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
}

#[test]
fn explicit_denies_come_first_in_layer_order() {
    let mut sandbox = sandbox();
    // Identity allows nothing of it, the session policy denies it: the
    // explicit deny is named.
    role(&mut sandbox.engine, "reader", &[READ_ONLY]);
    let deny_put = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"account:Put*","Resource":"*"}]}"#;
    let key = session(&mut sandbox.engine, "reader", &[("Policy", deny_put)]);
    let me = session_arn(ACCOUNT, "reader", "s1");
    sandbox
        .call_as(&key, "/putAlternateContact", put_alternate())
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &me,
                "account:PutAlternateContact",
                &standalone(ACCOUNT),
                "with an explicit deny in a session policy",
            ),
        );
    // The identity deny comes before the boundary's and the session's.
    let deny = create_policy(&mut sandbox.engine, "NoContacts", DENY_CONTACTS);
    role(&mut sandbox.engine, "denied", &[ADMIN, &deny]);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "PutRolePermissionsBoundary",
        &[("RoleName", "denied"), ("PermissionsBoundary", &deny)],
    )
    .ok();
    let key = session(&mut sandbox.engine, "denied", &[("Policy", DENY_CONTACTS)]);
    sandbox
        .call_as(&key, "/getContactInformation", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &session_arn(ACCOUNT, "denied", "s1"),
                "account:GetContactInformation",
                &standalone(ACCOUNT),
                &format!("with an explicit deny in an identity-based policy: {deny}"),
            ),
        );
}

#[test]
fn a_sessions_context_names_its_role_and_carries_its_tags() {
    let mut sandbox = sandbox();
    role(&mut sandbox.engine, "tagged", &[]);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "TagRole",
        &[
            ("RoleName", "tagged"),
            ("Tags.member.1.Key", "dept"),
            ("Tags.member.1.Value", "ops"),
            ("Tags.member.2.Key", "team"),
            ("Tags.member.2.Value", "red"),
        ],
    )
    .ok();
    let keyed = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"account:ListRegions","Resource":"*","Condition":{{"StringEquals":{{"aws:PrincipalType":"AssumedRole","aws:PrincipalArn":"arn:aws:iam::{ACCOUNT}:role/tagged","aws:PrincipalTag/team":"blue","aws:PrincipalTag/dept":"ops","aws:PrincipalAccount":"{ACCOUNT}"}},"StringLike":{{"aws:userid":"AROA*:s1"}},"Null":{{"aws:username":"true","aws:TokenIssueTime":"false"}}}}}}]}}"#
    );
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "PutRolePolicy",
        &[
            ("RoleName", "tagged"),
            ("PolicyName", "keys"),
            ("PolicyDocument", &keyed),
        ],
    )
    .ok();
    let blue = session(
        &mut sandbox.engine,
        "tagged",
        &[
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    );
    sandbox.call_as(&blue, "/listRegions", json!({})).ok();
    let red = session(&mut sandbox.engine, "tagged", &[]);
    sandbox
        .call_as(&red, "/listRegions", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &refused(
                &session_arn(ACCOUNT, "tagged", "s1"),
                "account:ListRegions",
                &standalone(ACCOUNT),
                &no_allow("identity-based policy", "account:ListRegions"),
            ),
        );
}

/// §8 T14, the stackd capture: OrganizationAccountAccessRole of member
/// 222222222222, the Account delegated administrator, assumed from the
/// management account with the capture's session policy.
#[test]
fn t14_the_stackd_session_policy_byte_for_byte() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let org = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&org, MEMBER, "Member", "member@example.com")
        .unwrap();
    engine.set_trusted_access(&org, true).unwrap();
    engine
        .register_delegated_administrator(&org, MEMBER)
        .unwrap();
    let renamed = engine.snapshot().replace(&org, "o-exampleorg");
    engine.restore(&renamed).unwrap();
    iam(engine, MANAGEMENT, "CreateUser", &[("UserName", "stackd")]).ok();
    put_inline(engine, MANAGEMENT, "stackd", "assume", ASSUME_ANY);
    let key = iam(
        engine,
        MANAGEMENT,
        "CreateAccessKey",
        &[("UserName", "stackd")],
    );
    let key = key.ok().value("AccessKeyId").to_owned();
    let role = format!("arn:aws:iam::{MEMBER}:role/{ACCESS_ROLE}");
    let answer = sts(
        engine,
        &key,
        "AssumeRole",
        &[
            ("RoleArn", &role),
            ("RoleSessionName", "stackd-account-org"),
            ("Policy", T14),
        ],
    );
    let session = answer.ok().value("AccessKeyId").to_owned();

    let org_mode = sandbox.call_as(
        &session,
        "/getRegionOptStatus",
        json!({"AccountId": MEMBER, "RegionName": "us-east-1"}),
    );
    assert_eq!(
        org_mode.ok(),
        &json!({"RegionName": "us-east-1", "RegionOptStatus": "ENABLED_BY_DEFAULT"})
    );
    sandbox
        .call_as(
            &session,
            "/getRegionOptStatus",
            json!({"AccountId": MEMBER, "RegionName": "eu-west-1"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            "User: arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org is not authorized to perform: account:GetRegionOptStatus on resource: arn:aws:account::111111111111:account/o-exampleorg/222222222222 because no session policy allows the account:GetRegionOptStatus action",
        );
    sandbox
        .call_as(
            &session,
            "/getRegionOptStatus",
            json!({"RegionName": "us-east-1"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            "User: arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org is not authorized to perform: account:GetRegionOptStatus on resource: arn:aws:account::222222222222:account because no session policy allows the account:GetRegionOptStatus action",
        );
}
