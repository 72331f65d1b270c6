//! The Query wire (AWS STS) through `app().oneshot`: which requests reach
//! the Query dispatcher, its XML answers, and that its reads are not
//! journaled.

mod common;

use account_engine::ManualClock;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

use common::*;

const STS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";
const GET_CALLER_IDENTITY: &str = "Action=GetCallerIdentity&Version=2011-06-15";
/// What botocore sends with a Query body.
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn request_id(&self) -> &str {
        self.headers["x-amzn-requestid"].to_str().unwrap()
    }
}

/// A SigV4-shaped header signed for `service`.
fn signed(access_key_id: &str, service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={access_key_id}/20260101/us-east-1/{service}/aws4_request, \
         SignedHeaders=content-type;host;x-amz-date, Signature=0123456789abcdef"
    )
}

async fn send_raw(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// A Query request as botocore's STS client sends it, as `access_key_id`.
fn sts_post(access_key_id: Option<&str>, body: &'static str) -> Request<Body> {
    let mut request = Request::post("/").header("content-type", FORM);
    if let Some(id) = access_key_id {
        request = request.header("authorization", signed(id, "sts"));
    }
    request.body(Body::from(body)).unwrap()
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

#[tokio::test]
async fn get_caller_identity_answers_in_xml_for_the_access_keys_root_user() {
    let app = memory_app();
    for (key, account) in [
        (Some("111122223333"), "111122223333"),
        (Some("test"), "000000000000"),
        (None, "000000000000"),
    ] {
        let answer = send_raw(&app, sts_post(key, GET_CALLER_IDENTITY)).await;
        assert_eq!(answer.status, StatusCode::OK, "{key:?}");
        assert_eq!(answer.headers["content-type"], "text/xml");
        assert_eq!(answer.body, identity(account, answer.request_id()));
    }
}

#[tokio::test]
async fn query_errors_are_xml_with_their_status() {
    let app = memory_app();
    let answer = send_raw(
        &app,
        sts_post(
            Some("111122223333"),
            "Action=AssumeRoleWithWebIdentity&Version=2011-06-15",
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.headers["content-type"], "text/xml");
    assert!(answer.headers.get("x-amzn-ErrorType").is_none());
    assert_eq!(
        answer.body,
        format!(
            "<ErrorResponse xmlns=\"{STS}\"><Error><Type>Sender</Type>\
             <Code>InvalidAction</Code>\
             <Message>Could not find operation AssumeRoleWithWebIdentity for version 2011-06-15</Message>\
             </Error><RequestId>{}</RequestId></ErrorResponse>",
            answer.request_id()
        )
    );
}

#[tokio::test]
async fn a_request_signed_for_sts_or_iam_is_query_even_without_a_form_type() {
    let app = memory_app();
    for service in ["sts", "iam"] {
        let request = Request::post("/")
            .header("authorization", signed("111122223333", service))
            .body(Body::empty())
            .unwrap();
        let answer = send_raw(&app, request).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{service}");
        assert_eq!(answer.headers["content-type"], "text/xml", "{service}");
        assert!(
            answer.body.contains("<Code>MissingAction</Code>"),
            "{service}: {}",
            answer.body
        );
    }

    let request = Request::post("/")
        .header("content-type", "text/plain")
        .header("authorization", signed("111122223333", "sts"))
        .body(Body::from(GET_CALLER_IDENTITY))
        .unwrap();
    let answer = send_raw(&app, request).await;
    assert_eq!(answer.body, identity("111122223333", answer.request_id()));

    // Signed for IAM: its version chooses IAM.
    let request = Request::post("/")
        .header("content-type", FORM)
        .header("authorization", signed("111122223333", "iam"))
        .body(Body::from("Action=ListUsers&Version=2010-05-08"))
        .unwrap();
    let answer = send_raw(&app, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .body
            .contains("<ListUsersResult><Users></Users><IsTruncated>false</IsTruncated>"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn the_other_wires_keep_their_routes() {
    let app = memory_app();
    // Signed for the Account API at `/`: restJson1's unknown path.
    let account = call(&app, Some("111122223333"), "/", json!({})).await;
    assert_eq!(account.status, StatusCode::NOT_FOUND);
    assert_eq!(account.error_type(), "UnknownOperationException");

    // A form posted to an Account path is still the Account API's.
    let request = Request::post("/getAccountInformation")
        .header("content-type", FORM)
        .header("authorization", signed("111122223333", "sts"))
        .body(Body::from(GET_CALLER_IDENTITY))
        .unwrap();
    let answer = send_raw(&app, request).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.headers["content-type"], "application/json");
    assert_eq!(answer.headers["x-amzn-ErrorType"], "SerializationException");

    // X-Amz-Target comes first, even on a form.
    let request = Request::post("/")
        .header("content-type", FORM)
        .header(
            "x-amz-target",
            "AWSOrganizationsV20161128.DescribeOrganization",
        )
        .body(Body::empty())
        .unwrap();
    let answer = send_raw(&app, request).await;
    assert_eq!(answer.headers["content-type"], "application/x-amz-json-1.1");
}

#[tokio::test]
async fn get_caller_identity_is_a_read_and_is_not_journaled() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = account_server::app(sandbox.clone());
    let journal = files.journal_bytes();
    let state = state_of(&sandbox);
    for key in ["444455556666", "test"] {
        let answer = send_raw(&app, sts_post(Some(key), GET_CALLER_IDENTITY)).await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    send_raw(
        &app,
        sts_post(None, "Action=AssumeRoleWithWebIdentity&Version=2011-06-15"),
    )
    .await;
    assert_eq!(files.journal_bytes(), journal);
    assert_eq!(state_of(&sandbox), state);
}
