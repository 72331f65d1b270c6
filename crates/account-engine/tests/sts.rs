//! AWS STS over the Query wire: GetCallerIdentity's XML answer for each
//! kind of caller, and the Query errors as whole XML bodies.

mod common;

use account_engine::{Config, WireResponse};
use common::*;

const STS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";
const GET_CALLER_IDENTITY: &[u8] = b"Action=GetCallerIdentity&Version=2011-06-15";

/// Serves a Query body and checks the headers every answer has; returns
/// the response and its request id.
fn query(sandbox: &mut Sandbox, caller: &str, body: &[u8]) -> (WireResponse, String) {
    let response = sandbox.engine.handle_query(caller, body);
    assert_eq!(response.header("content-type"), Some("text/xml"));
    let request_id = response
        .header("x-amzn-RequestId")
        .expect("a request id")
        .to_owned();
    assert_eq!(request_id.len(), 36, "{request_id}");
    (response, request_id)
}

fn identity(account: &str, request_id: &str) -> String {
    format!(
        "<GetCallerIdentityResponse xmlns=\"{STS}\"><GetCallerIdentityResult>\
         <Arn>arn:aws:iam::{account}:root</Arn><UserId>{account}</UserId>\
         <Account>{account}</Account></GetCallerIdentityResult>\
         <ResponseMetadata><RequestId>{request_id}</RequestId></ResponseMetadata>\
         </GetCallerIdentityResponse>"
    )
}

fn error(namespace: Option<&str>, code: &str, message: &str, request_id: &str) -> String {
    let xmlns = namespace.map_or(String::new(), |ns| format!(" xmlns=\"{ns}\""));
    format!(
        "<ErrorResponse{xmlns}><Error><Type>Sender</Type><Code>{code}</Code>\
         <Message>{message}</Message></Error><RequestId>{request_id}</RequestId>\
         </ErrorResponse>"
    )
}

#[test]
fn a_twelve_digit_key_is_the_root_user_of_its_account() {
    let mut sandbox = sandbox();
    let (response, request_id) = query(&mut sandbox, "111122223333", GET_CALLER_IDENTITY);
    assert_eq!(response.status, 200);
    assert_eq!(response.body, identity("111122223333", &request_id));
}

#[test]
fn any_other_key_is_the_root_user_of_the_default_account() {
    let mut sandbox = sandbox();
    for caller in ["AKIAIOSFODNN7EXAMPLE", "test", "11112222333", ""] {
        let (response, request_id) = query(&mut sandbox, caller, GET_CALLER_IDENTITY);
        assert_eq!(response.status, 200, "{caller}");
        assert_eq!(response.body, identity(DEFAULT, &request_id), "{caller}");
    }

    let mut configured = sandbox_with(Config {
        default_account: "999988887777".into(),
        ..config()
    });
    let (response, request_id) = query(&mut configured, "test", GET_CALLER_IDENTITY);
    assert_eq!(response.body, identity("999988887777", &request_id));
}

#[test]
fn parameters_may_come_in_any_order_encoded_and_with_extra_members() {
    let mut sandbox = sandbox();
    for body in [
        &b"Version=2011-06-15&Action=GetCallerIdentity"[..],
        b"Action=Get%43allerIdentity&Version=2011%2D06%2D15",
        b"Action=GetCallerIdentity&Version=2011-06-15&Extra=1&&",
    ] {
        let (response, request_id) = query(&mut sandbox, "111122223333", body);
        assert_eq!(
            response.body,
            identity("111122223333", &request_id),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn each_answer_has_its_own_request_id() {
    let mut sandbox = sandbox();
    let (_, first) = query(&mut sandbox, "111122223333", GET_CALLER_IDENTITY);
    let (_, second) = query(&mut sandbox, "111122223333", GET_CALLER_IDENTITY);
    assert_ne!(first, second);
}

#[test]
fn get_caller_identity_changes_nothing() {
    let mut sandbox = sandbox();
    let before = sandbox.engine.snapshot();
    query(&mut sandbox, "444455556666", GET_CALLER_IDENTITY);
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn an_action_sts_does_not_serve_is_an_invalid_action() {
    let mut sandbox = sandbox();
    let (response, request_id) = query(
        &mut sandbox,
        "111122223333",
        b"Action=AssumeRoleWithSAML&Version=2011-06-15",
    );
    assert_eq!(response.status, 400);
    assert_eq!(
        response.body,
        error(
            Some(STS),
            "InvalidAction",
            "Could not find operation AssumeRoleWithSAML for version 2011-06-15",
            &request_id
        )
    );
}

#[test]
fn a_version_no_service_has_is_an_invalid_action_without_a_namespace() {
    let mut sandbox = sandbox();
    let (response, request_id) = query(
        &mut sandbox,
        "111122223333",
        b"Action=GetCallerIdentity&Version=2012-10-17",
    );
    assert_eq!(response.status, 400);
    assert_eq!(
        response.body,
        error(
            None,
            "InvalidAction",
            "Could not find operation GetCallerIdentity for version 2012-10-17",
            &request_id
        )
    );
}

#[test]
fn a_missing_action_or_version_is_named() {
    let mut sandbox = sandbox();
    for (body, namespace, code, message) in [
        (
            &b"Version=2011-06-15"[..],
            Some(STS),
            "MissingAction",
            "The request must contain the parameter Action.",
        ),
        (
            b"Action=&Version=2011-06-15",
            Some(STS),
            "MissingAction",
            "The request must contain the parameter Action.",
        ),
        (
            b"",
            None,
            "MissingAction",
            "The request must contain the parameter Action.",
        ),
        (
            b"Action=GetCallerIdentity",
            None,
            "MissingParameter",
            "The request must contain the parameter Version.",
        ),
        (
            b"{\"Action\": \"GetCallerIdentity\"}",
            None,
            "MissingAction",
            "The request must contain the parameter Action.",
        ),
    ] {
        let (response, request_id) = query(&mut sandbox, "111122223333", body);
        let text = String::from_utf8_lossy(body);
        assert_eq!(response.status, 400, "{text}");
        assert_eq!(
            response.body,
            error(namespace, code, message, &request_id),
            "{text}"
        );
    }
}

#[test]
fn echoed_input_is_escaped_and_cut_short() {
    let mut sandbox = sandbox();
    let (response, request_id) = query(
        &mut sandbox,
        "111122223333",
        b"Action=%3C%2FMessage%3E%26%01&Version=2011-06-15",
    );
    assert_eq!(
        response.body,
        error(
            Some(STS),
            "InvalidAction",
            "Could not find operation &lt;/Message&gt;&amp;\u{FFFD} for version 2011-06-15",
            &request_id
        )
    );

    let long = "A".repeat(300);
    let body = format!("Action={long}&Version={long}");
    let (response, request_id) = query(&mut sandbox, "111122223333", body.as_bytes());
    let cut = "A".repeat(200);
    assert_eq!(
        response.body,
        error(
            None,
            "InvalidAction",
            &format!("Could not find operation {cut} for version {cut}"),
            &request_id
        )
    );
}
