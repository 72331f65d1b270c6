//! IAM over the Query wire: users, access keys, inline and managed
//! policies, their answers as whole XML bodies where the shape matters,
//! the §9 errors, and IAM's part of snapshots.

mod common;
mod iam_support;

use account_engine::{Principal, SnapshotError};
use common::*;
use iam_support::*;

const ACCOUNT: &str = "111122223333";
const DOC: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:Get*","Resource":"*"}]}"#;
/// Lets a user read itself and its keys, and nobody else.
const SELF: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetUser","iam:ListAccessKeys"],"Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#;

#[test]
fn create_user_answers_the_user_in_the_model_order() {
    let mut sandbox = sandbox();
    let created = iam(
        &mut sandbox.engine,
        ACCOUNT,
        "CreateUser",
        &[("UserName", "ana"), ("Path", "/ops/")],
    );
    created.ok();
    let id = created.value("UserId").to_owned();
    assert_eq!(id.len(), 21, "{id}");
    assert!(id.starts_with("AIDA"), "{id}");
    let request_id = created.value("RequestId").to_owned();
    assert_eq!(
        created.body,
        format!(
            "<CreateUserResponse xmlns=\"{IAM_NS}\"><CreateUserResult><User>\
             <Path>/ops/</Path><UserName>ana</UserName><UserId>{id}</UserId>\
             <Arn>arn:aws:iam::{ACCOUNT}:user/ops/ana</Arn><CreateDate>{START_ISO}</CreateDate>\
             </User></CreateUserResult><ResponseMetadata><RequestId>{request_id}</RequestId>\
             </ResponseMetadata></CreateUserResponse>"
        )
    );
    let got = iam(
        &mut sandbox.engine,
        ACCOUNT,
        "GetUser",
        &[("UserName", "ana")],
    );
    assert_eq!(got.ok().value("UserId"), id);
    let listed = iam(&mut sandbox.engine, ACCOUNT, "ListUsers", &[]);
    assert_eq!(listed.ok().values("UserName"), ["ana"]);
    assert_eq!(listed.value("IsTruncated"), "false");
    // Users belong to their account.
    let other = iam(&mut sandbox.engine, "444455556666", "ListUsers", &[]);
    assert!(
        other.ok().body.contains("<Users></Users>"),
        "{}",
        other.body
    );
}

#[test]
fn user_errors_are_iams() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ana")]).ok();
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ANA")]).assert_error(
        409,
        "EntityAlreadyExists",
        "User with name ANA already exists.",
    );
    iam(engine, ACCOUNT, "GetUser", &[("UserName", "bob")]).assert_error(
        404,
        "NoSuchEntity",
        "The user with name bob cannot be found.",
    );
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "a b")]).assert_error(
        400,
        "ValidationError",
        r"1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+",
    );
    let long = "a".repeat(65);
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", &long)]).assert_error(
        400,
        "ValidationError",
        &format!("1 validation error detected: Value '{long}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64"),
    );
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "c"), ("Path", "/ops")]).assert_error(
        400,
        "ValidationError",
        r"1 validation error detected: Value '/ops' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
    );
    // `//` has no character between its slashes (observed: refused).
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "c"), ("Path", "//")]).assert_error(
        400,
        "ValidationError",
        r"1 validation error detected: Value '//' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)",
    );
    for accepted in ["/", "///", "/a//b/"] {
        let name = format!("p{}", accepted.len());
        iam(
            engine,
            ACCOUNT,
            "CreateUser",
            &[("UserName", &name), ("Path", accepted)],
        )
        .ok();
    }
    iam(engine, ACCOUNT, "CreateUser", &[]).assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
    let unknown = iam(engine, ACCOUNT, "UpdateRole", &[]);
    unknown.assert_error(
        400,
        "InvalidAction",
        "Could not find operation UpdateRole for version 2010-05-08",
    );
}

#[test]
fn an_access_key_stands_for_its_user() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ana")]).ok();
    let created = iam(engine, ACCOUNT, "CreateAccessKey", &[("UserName", "ana")]);
    created.ok();
    let key = created.value("AccessKeyId").to_owned();
    let secret = created.value("SecretAccessKey").to_owned();
    assert!(key.starts_with("AKIA") && key.len() == 20, "{key}");
    assert_eq!(secret.len(), 40, "{secret}");
    assert_eq!(created.value("Status"), "Active");
    assert_eq!(created.value("UserName"), "ana");

    let credential = engine.credential(&key).expect("the key is in the table");
    assert_eq!(credential.secret_access_key, secret);
    assert_eq!(credential.session_token, None);
    let principal = credential.principal;
    let Principal::User { ref user_id, .. } = principal else {
        panic!("{principal:?}");
    };
    assert_eq!(principal.arn(), format!("arn:aws:iam::{ACCOUNT}:user/ana"));
    assert_eq!(principal.account_id(), ACCOUNT);
    let user_id = user_id.clone();
    assert_eq!(engine.credential("AKIAIOSFODNN7EXAMPLE"), None);

    // A user's IAM calls need a policy too, even about itself.
    iam(engine, &key, "GetUser", &[]).assert_denied(
        &format!("User: arn:aws:iam::{ACCOUNT}:user/ana is not authorized to perform: iam:GetUser on resource: user ana because no identity-based policy allows the iam:GetUser action"),
    );
    put_inline(engine, ACCOUNT, "ana", "self", SELF);
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "bob")]).ok();
    iam(engine, &key, "GetUser", &[("UserName", "bob")]).assert_denied(
        &format!("User: arn:aws:iam::{ACCOUNT}:user/ana is not authorized to perform: iam:GetUser on resource: user bob because no identity-based policy allows the iam:GetUser action"),
    );
    // Without a name, GetUser and ListAccessKeys are about the caller.
    let me = iam(engine, &key, "GetUser", &[]);
    assert_eq!(me.ok().value("UserName"), "ana");
    let keys = iam(engine, &key, "ListAccessKeys", &[]);
    assert_eq!(keys.ok().values("AccessKeyId"), [key.as_str()]);
    assert!(!keys.body.contains("SecretAccessKey"), "{}", keys.body);

    let identity = engine.handle_query(&key, b"Action=GetCallerIdentity&Version=2011-06-15");
    assert!(
        identity.body.contains(&format!(
            "<Arn>arn:aws:iam::{ACCOUNT}:user/ana</Arn><UserId>{user_id}</UserId><Account>{ACCOUNT}</Account>"
        )),
        "{}",
        identity.body
    );

    iam(engine, ACCOUNT, "CreateAccessKey", &[("UserName", "ana")]).ok();
    iam(engine, ACCOUNT, "CreateAccessKey", &[("UserName", "ana")]).assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for AccessKeysPerUser: 2",
    );
    let deleted = iam(
        engine,
        ACCOUNT,
        "DeleteAccessKey",
        &[("UserName", "ana"), ("AccessKeyId", &key)],
    );
    // An operation without output answers no result element.
    assert_eq!(
        deleted.ok().body,
        format!(
            "<DeleteAccessKeyResponse xmlns=\"{IAM_NS}\"><ResponseMetadata><RequestId>{}</RequestId></ResponseMetadata></DeleteAccessKeyResponse>",
            deleted.value("RequestId")
        )
    );
    assert_eq!(engine.credential(&key), None);
    iam(
        engine,
        ACCOUNT,
        "DeleteAccessKey",
        &[("UserName", "ana"), ("AccessKeyId", &key)],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("The Access Key with id {key} cannot be found."),
    );
}

#[test]
fn inline_policies_are_validated_and_limited_per_user() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ana")]).ok();
    let put = |engine: &mut account_engine::Engine, name: &str, document: &str| {
        iam(
            engine,
            ACCOUNT,
            "PutUserPolicy",
            &[
                ("UserName", "ana"),
                ("PolicyName", name),
                ("PolicyDocument", document),
            ],
        )
    };
    put(
        engine,
        "p",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*"}]}"#,
    )
    .assert_error(
        400,
        "MalformedPolicyDocument",
        "Policy statement must contain resources.",
    );
    put(engine, "p", "not json").assert_error(
        400,
        "MalformedPolicyDocument",
        "Syntax errors in policy.",
    );
    put(engine, "reader", DOC).ok();
    let got = iam(
        engine,
        ACCOUNT,
        "GetUserPolicy",
        &[("UserName", "ana"), ("PolicyName", "reader")],
    );
    // IAM sends documents URL-encoded.
    assert_eq!(
        got.ok().value("PolicyDocument"),
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22account%3AGet%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
    );

    // The limit is on all of the user's inline documents together, without
    // whitespace; replacing a policy counts its new size only.
    let padded = |len: usize| {
        let sid = "S".repeat(len - DOC.len() - 9);
        DOC.replace(r#"{"Effect""#, &format!(r#"{{"Sid":"{sid}","Effect""#))
    };
    let fill = padded(2048 - DOC.len());
    assert_eq!(fill.len() + DOC.len(), 2048);
    put(engine, "filler", &fill).ok();
    put(engine, "filler", &fill).ok();
    put(engine, "more", DOC).assert_error(
        409,
        "LimitExceeded",
        "Maximum policy size of 2048 bytes exceeded for user ana",
    );
    let spaced = DOC.replace(',', " , ");
    put(engine, "reader", &spaced).ok();

    let delete = |engine: &mut account_engine::Engine, name: &str| {
        iam(
            engine,
            ACCOUNT,
            "DeleteUserPolicy",
            &[("UserName", "ana"), ("PolicyName", name)],
        )
    };
    delete(engine, "filler").ok();
    delete(engine, "filler").assert_error(
        404,
        "NoSuchEntity",
        "The user policy with name filler cannot be found.",
    );
    put(engine, "more", DOC).ok();
}

#[test]
fn managed_policies_customer_and_aws() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let created = iam(
        engine,
        ACCOUNT,
        "CreatePolicy",
        &[("PolicyName", "Readers"), ("PolicyDocument", DOC)],
    );
    created.ok();
    let arn = format!("arn:aws:iam::{ACCOUNT}:policy/Readers");
    assert_eq!(created.value("Arn"), arn);
    assert_eq!(created.value("DefaultVersionId"), "v1");
    assert_eq!(created.value("AttachmentCount"), "0");
    assert!(created.value("PolicyId").starts_with("ANPA"));
    iam(
        engine,
        ACCOUNT,
        "CreatePolicy",
        &[("PolicyName", "Readers"), ("PolicyDocument", DOC)],
    )
    .assert_error(
        409,
        "EntityAlreadyExists",
        "A policy called Readers already exists. Duplicate names are not allowed.",
    );
    let big = DOC.replace("account:Get*", &"a".repeat(6200));
    iam(
        engine,
        ACCOUNT,
        "CreatePolicy",
        &[("PolicyName", "Big"), ("PolicyDocument", &big)],
    )
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for PolicySize: 6144",
    );

    let version = iam(
        engine,
        ACCOUNT,
        "GetPolicyVersion",
        &[("PolicyArn", READ_ONLY), ("VersionId", "v1")],
    );
    assert_eq!(
        version.ok().value("Document"),
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22account%3AGet%2A%22%2C%22account%3AList%2A%22%5D%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
    );
    let all = iam(engine, ACCOUNT, "ListPolicies", &[]);
    assert_eq!(
        all.ok().values("PolicyName"),
        [
            "AdministratorAccess",
            "AWSAccountManagementFullAccess",
            "AWSAccountManagementReadOnlyAccess",
            "Readers"
        ]
    );
    let local = iam(engine, ACCOUNT, "ListPolicies", &[("Scope", "Local")]);
    assert_eq!(local.ok().values("PolicyName"), ["Readers"]);

    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ana")]).ok();
    attach(engine, ACCOUNT, "ana", READ_ONLY);
    attach(engine, ACCOUNT, "ana", &arn);
    let attached = iam(
        engine,
        ACCOUNT,
        "ListAttachedUserPolicies",
        &[("UserName", "ana")],
    );
    assert_eq!(attached.ok().values("PolicyArn"), [arn.as_str(), READ_ONLY]);
    let got = iam(engine, ACCOUNT, "GetPolicy", &[("PolicyArn", &arn)]);
    assert_eq!(got.ok().value("AttachmentCount"), "1");
    let missing = format!("arn:aws:iam::{ACCOUNT}:policy/Nope");
    iam(
        engine,
        ACCOUNT,
        "AttachUserPolicy",
        &[("UserName", "ana"), ("PolicyArn", &missing)],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {missing} does not exist or is not attachable."),
    );
    iam(engine, ACCOUNT, "GetPolicy", &[("PolicyArn", &missing)]).assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {missing} was not found."),
    );
    iam(
        engine,
        ACCOUNT,
        "DetachUserPolicy",
        &[("UserName", "ana"), ("PolicyArn", &arn)],
    )
    .ok();
    let only = iam(engine, ACCOUNT, "ListPolicies", &[("OnlyAttached", "true")]);
    assert_eq!(
        only.ok().values("PolicyName"),
        ["AWSAccountManagementReadOnlyAccess"]
    );
}

#[test]
fn a_user_is_deleted_only_without_keys_or_policies() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let key = user_with_key(engine, ACCOUNT, "ana");
    put_inline(engine, ACCOUNT, "ana", "reader", DOC);
    attach(engine, ACCOUNT, "ana", READ_ONLY);
    let delete = |engine: &mut account_engine::Engine| {
        iam(engine, ACCOUNT, "DeleteUser", &[("UserName", "ana")])
    };
    delete(engine).assert_error(
        409,
        "DeleteConflict",
        "Cannot delete entity, must delete access keys first.",
    );
    iam(
        engine,
        ACCOUNT,
        "DeleteAccessKey",
        &[("UserName", "ana"), ("AccessKeyId", &key)],
    )
    .ok();
    delete(engine).assert_error(
        409,
        "DeleteConflict",
        "Cannot delete entity, must delete policies first.",
    );
    iam(
        engine,
        ACCOUNT,
        "DeleteUserPolicy",
        &[("UserName", "ana"), ("PolicyName", "reader")],
    )
    .ok();
    delete(engine).assert_error(
        409,
        "DeleteConflict",
        "Cannot delete entity, must detach all policies first.",
    );
    iam(
        engine,
        ACCOUNT,
        "DetachUserPolicy",
        &[("UserName", "ana"), ("PolicyArn", READ_ONLY)],
    )
    .ok();
    delete(engine).ok();
    delete(engine).assert_error(
        404,
        "NoSuchEntity",
        "The user with name ana cannot be found.",
    );
}

#[test]
fn tags_are_kept_in_order_and_replaced_by_key() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    iam(
        engine,
        ACCOUNT,
        "CreateUser",
        &[
            ("UserName", "ana"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .ok();
    iam(
        engine,
        ACCOUNT,
        "TagUser",
        &[
            ("UserName", "ana"),
            ("Tags.member.1.Key", "cost"),
            ("Tags.member.1.Value", "12"),
            ("Tags.member.2.Key", "team"),
            ("Tags.member.2.Value", "red"),
        ],
    )
    .ok();
    let got = iam(engine, ACCOUNT, "GetUser", &[("UserName", "ana")]);
    assert!(
        got.ok().body.contains(
            "<Tags><member><Key>team</Key><Value>red</Value></member>\
             <member><Key>cost</Key><Value>12</Value></member></Tags>"
        ),
        "{}",
        got.body
    );
}

#[test]
fn iam_state_survives_a_snapshot_round_trip() {
    let mut sandbox = sandbox();
    let fresh = sandbox.engine.snapshot();
    assert!(!fresh.contains("\"iam\""), "{fresh}");
    let key = user_with_key(&mut sandbox.engine, ACCOUNT, "ana");
    put_inline(&mut sandbox.engine, ACCOUNT, "ana", "reader", DOC);
    put_inline(&mut sandbox.engine, ACCOUNT, "ana", "self", SELF);
    attach(&mut sandbox.engine, ACCOUNT, "ana", READ_ONLY);
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "CreatePolicy",
        &[("PolicyName", "Readers"), ("PolicyDocument", DOC)],
    )
    .ok();
    let snapshot = sandbox.engine.snapshot();

    let mut other = common::sandbox();
    other.engine.restore(&fresh).unwrap();
    other.engine.restore(&snapshot).unwrap();
    assert_eq!(other.engine.snapshot(), snapshot);
    assert_eq!(
        other.engine.credential(&key),
        sandbox.engine.credential(&key)
    );
    let me = iam(&mut other.engine, &key, "GetUser", &[]);
    assert_eq!(me.ok().value("UserName"), "ana");

    // A key whose user is not there is refused, and nothing changes.
    let orphan = snapshot.replace("\"userName\":\"ana\"", "\"userName\":\"bob\"");
    assert_ne!(orphan, snapshot);
    assert!(matches!(
        other.engine.restore(&orphan),
        Err(SnapshotError::Inconsistent(_))
    ));
    assert_eq!(other.engine.snapshot(), snapshot);
}
