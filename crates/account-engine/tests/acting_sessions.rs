//! Acting as a role session: the live sessions AssumeRole opened are
//! offered beside root users and IAM users, found by their session ARN
//! (the one issued last when a name is assumed again), run with their
//! session policy, and gone once expired; roles are listed, not offered.

mod common;
mod iam_support;

use account_engine::{Engine, Principal, WireResponse};
use common::*;
use iam_support::*;
use serde_json::json;

const ACCOUNT: &str = "111122223333";
const GET_ONLY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:GetAlternateContact","Resource":"*"}]}"#;

fn session_arn(session: &str) -> String {
    format!("arn:aws:sts::{ACCOUNT}:assumed-role/deployer/{session}")
}

/// User ana with a key, and role deployer trusting her by ARN with
/// AWSAccountManagementFullAccess attached; returns her key.
fn deployer(engine: &mut Engine) -> String {
    let key = user_with_key(engine, ACCOUNT, "ana");
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:user/ana"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let role = [
        ("RoleName", "deployer"),
        ("AssumeRolePolicyDocument", &trust),
    ];
    iam(engine, ACCOUNT, "CreateRole", &role).ok();
    let attach = [("RoleName", "deployer"), ("PolicyArn", FULL)];
    iam(engine, ACCOUNT, "AttachRolePolicy", &attach).ok();
    key
}

fn assume(engine: &mut Engine, key: &str, session: &str, policy: Option<&str>) -> String {
    let role = format!("arn:aws:iam::{ACCOUNT}:role/deployer");
    let mut params = vec![("RoleArn", role.as_str()), ("RoleSessionName", session)];
    params.extend(policy.map(|p| ("Policy", p)));
    let answer = sts(engine, key, "AssumeRole", &params);
    answer.ok().value("AccessKeyId").to_owned()
}

/// A PutAlternateContact body for the BILLING contact.
fn billing() -> String {
    json!({
        "AlternateContactType": "BILLING",
        "EmailAddress": "bill@example.com",
        "Name": "Bill",
        "PhoneNumber": "+1 555-555-0101",
        "Title": "Billing",
    })
    .to_string()
}

fn put_billing(engine: &mut Engine, principal: Principal) -> WireResponse {
    let body = billing();
    engine.as_principal(principal, |e| {
        e.handle(ACCOUNT, "/putAlternateContact", body.as_bytes())
    })
}

fn arns(engine: &Engine) -> Vec<String> {
    engine
        .principals()
        .iter()
        .filter(|p| p.account_id() == ACCOUNT)
        .map(Principal::arn)
        .collect()
}

#[test]
fn a_live_session_is_offered_found_by_its_arn_and_bound_by_its_session_policy() {
    let mut sandbox = sandbox();
    let key = deployer(&mut sandbox.engine);
    let ana = format!("arn:aws:iam::{ACCOUNT}:user/ana");
    let root = format!("arn:aws:iam::{ACCOUNT}:root");
    assert_eq!(arns(&sandbox.engine), [root.clone(), ana.clone()]);
    let roles: Vec<String> = sandbox
        .engine
        .roles(ACCOUNT)
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(roles, ["deployer"]);

    let first = assume(&mut sandbox.engine, &key, "s1", Some(GET_ONLY));
    assert_eq!(
        arns(&sandbox.engine),
        [root.clone(), ana.clone(), session_arn("s1")]
    );
    let session = sandbox.engine.principal_by_arn(&session_arn("s1")).unwrap();
    assert!(
        matches!(&session, Principal::AssumedRole { access_key_id, .. } if *access_key_id == first),
        "{session:?}"
    );
    assert_eq!(session.arn(), session_arn("s1"));

    let body = json!({"AlternateContactType": "BILLING"}).to_string();
    let get = sandbox.engine.as_principal(session.clone(), |e| {
        e.handle(ACCOUNT, "/getAlternateContact", body.as_bytes())
    });
    assert_eq!(get.status, 404, "{}", get.body);
    let put = put_billing(&mut sandbox.engine, session);
    assert_eq!(put.status, 403);
    assert!(
        put.body.contains(&format!(
            "User: {} is not authorized to perform: account:PutAlternateContact on resource: arn:aws:account::{ACCOUNT}:account because no session policy allows the account:PutAlternateContact action",
            session_arn("s1")
        )),
        "{}",
        put.body
    );

    // Assumed again under the same name, without a session policy: the ARN
    // is offered once and now names the newer session.
    sandbox.clock.advance(1_000);
    let second = assume(&mut sandbox.engine, &key, "s1", None);
    assert_ne!(first, second);
    assert_eq!(
        arns(&sandbox.engine),
        [root.clone(), ana.clone(), session_arn("s1")]
    );
    let newer = sandbox.engine.principal_by_arn(&session_arn("s1")).unwrap();
    assert!(
        matches!(&newer, Principal::AssumedRole { access_key_id, .. } if *access_key_id == second),
        "{newer:?}"
    );
    assert_eq!(put_billing(&mut sandbox.engine, newer).status, 200);

    // The older one expires first; then the newer one, and none is offered.
    sandbox.clock.advance(3_599_000);
    assert!(sandbox.engine.credential(&first).is_none());
    assert!(sandbox
        .engine
        .principal_by_arn(&session_arn("s1"))
        .is_some());
    sandbox.clock.advance(1_000);
    assert_eq!(sandbox.engine.principal_by_arn(&session_arn("s1")), None);
    assert_eq!(arns(&sandbox.engine), [root, ana]);
}

#[test]
fn session_arns_that_name_no_live_session_are_unknown() {
    let mut sandbox = sandbox();
    let key = deployer(&mut sandbox.engine);
    assume(&mut sandbox.engine, &key, "s1", None);
    for unknown in [
        session_arn("s2"),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/other/s1"),
        "arn:aws:sts::444455556666:assumed-role/deployer/s1".to_owned(),
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/deployer"),
        format!("arn:aws:iam::{ACCOUNT}:role/deployer"),
    ] {
        assert_eq!(sandbox.engine.principal_by_arn(&unknown), None, "{unknown}");
    }
}

/// A call as `arn` through the page's door: the refusal, if any, is the
/// restJson1 one.
fn put_billing_as(engine: &mut Engine, arn: &str) -> Result<WireResponse, WireResponse> {
    let body = billing();
    engine.call_as(
        arn,
        |e, account| e.handle(account, "/putAlternateContact", body.as_bytes()),
        Engine::refuse,
    )
}

#[test]
fn acting_as_an_expired_session_or_a_deleted_user_is_refused_as_their_keys_are() {
    let mut sandbox = sandbox();
    let key = deployer(&mut sandbox.engine);
    assume(&mut sandbox.engine, &key, "s1", None);
    let session = session_arn("s1");
    const WHO: &[u8] = b"Action=GetCallerIdentity&Version=2011-06-15";
    let who = |engine: &mut Engine| {
        engine.call_as(
            &session,
            |e, account| e.handle_query(account, WHO),
            |e, error| e.refuse_query(WHO, error),
        )
    };
    assert_eq!(who(&mut sandbox.engine).map(|r| r.status), Ok(200));

    sandbox.clock.advance(3_600_000);
    let refused = put_billing_as(&mut sandbox.engine, &session).unwrap_err();
    assert_eq!(refused.status, 403);
    assert_eq!(
        refused.header("x-amzn-ErrorType"),
        Some("ExpiredTokenException")
    );
    assert_eq!(
        refused.body,
        r#"{"message":"The security token included in the request is expired"}"#
    );
    assert_eq!(
        refused.into_result().unwrap_err(),
        account_engine::ApiError::Unauthenticated(
            account_engine::AuthenticationError::ExpiredToken
        )
    );
    // Nothing ran as the account's root user instead.
    let root = Principal::root(ACCOUNT);
    let contact = json!({"AlternateContactType": "BILLING"}).to_string();
    let get = sandbox.engine.as_principal(root, |e| {
        e.handle(ACCOUNT, "/getAlternateContact", contact.as_bytes())
    });
    assert_eq!(get.status, 404, "{}", get.body);

    // The Query protocol says it in its own words.
    let query = who(&mut sandbox.engine).unwrap_err();
    assert_eq!(query.status, 403);
    assert!(
        query.body.contains("<Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message>"),
        "{}",
        query.body
    );

    let ana = format!("arn:aws:iam::{ACCOUNT}:user/ana");
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DeleteAccessKey",
        &[("UserName", "ana"), ("AccessKeyId", &key)],
    )
    .ok();
    iam(
        &mut sandbox.engine,
        ACCOUNT,
        "DeleteUser",
        &[("UserName", "ana")],
    )
    .ok();
    let refused = put_billing_as(&mut sandbox.engine, &ana).unwrap_err();
    assert_eq!(
        refused.body,
        r#"{"message":"The security token included in the request is invalid."}"#
    );
    // Any account's root user may call: accounts are made by their first call.
    assert_eq!(
        put_billing_as(&mut sandbox.engine, "arn:aws:iam::444455556666:root").map(|r| r.status),
        Ok(200)
    );
}

#[test]
fn an_expired_sessions_key_is_expired_for_a_day_and_a_deleted_roles_is_unknown() {
    let mut sandbox = sandbox();
    let key = deployer(&mut sandbox.engine);
    let first = assume(&mut sandbox.engine, &key, "s1", None);
    assert!(!sandbox.engine.session_expired(&first), "live");
    sandbox.clock.advance(3_600_000);
    assert!(sandbox.engine.session_expired(&first));
    // Another AssumeRole within the day keeps the ended one's record...
    assume(&mut sandbox.engine, &key, "s2", None);
    assert!(sandbox.engine.session_expired(&first));
    assert_eq!(
        sandbox.engine.acting_principal(&session_arn("s1")),
        Err(account_engine::AuthenticationError::ExpiredToken)
    );
    // ...one after it forgets it: its key is then unknown.
    sandbox.clock.advance(25 * 3_600_000);
    let third = assume(&mut sandbox.engine, &key, "s3", None);
    assert!(!sandbox.engine.session_expired(&first));
    assert_eq!(
        sandbox.engine.acting_principal(&session_arn("s1")),
        Err(account_engine::AuthenticationError::InvalidToken)
    );

    // A role deleted and made again is another role: its old sessions are
    // unknown, not expired.
    sandbox.clock.advance(3_600_000);
    assert!(sandbox.engine.session_expired(&third));
    for action in ["DetachRolePolicy", "DeleteRole"] {
        let mut params = vec![("RoleName", "deployer")];
        if action == "DetachRolePolicy" {
            params.push(("PolicyArn", FULL));
        }
        iam(&mut sandbox.engine, ACCOUNT, action, &params).ok();
    }
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:user/ana"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let again = [
        ("RoleName", "deployer"),
        ("AssumeRolePolicyDocument", trust.as_str()),
    ];
    iam(&mut sandbox.engine, ACCOUNT, "CreateRole", &again).ok();
    assert!(!sandbox.engine.session_expired(&third));
    assert_eq!(
        sandbox.engine.acting_principal(&session_arn("s3")),
        Err(account_engine::AuthenticationError::InvalidToken)
    );
}
