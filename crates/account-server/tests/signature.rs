//! SigV4 verification at the endpoint through `app().oneshot`: requests
//! signed with a key the sandbox issued pass on all three wires, and a wrong
//! secret, an unknown or deleted key, an unexpected token and a changed body
//! are refused with each protocol's codes, texts and envelope. Requests are
//! signed here as the SDKs sign them.

mod common;

use account_engine::ManualClock;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use hmac::{Hmac, Mac};
use http_body_util::BodyExt;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

use common::*;

const MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN: &str = "The security token included in the request is invalid.";
const EXPIRED_TOKEN: &str = "The security token included in the request is expired";
const ACCOUNT: &str = "111122223333";
const DATE: &str = "20260101T120000Z";
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";
const STS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";

struct Key {
    id: String,
    secret: String,
}

/// What a signed request is made of.
struct Call<'a> {
    path: &'a str,
    service: &'a str,
    headers: Vec<(&'a str, String)>,
    body: &'a str,
}

impl<'a> Call<'a> {
    fn account(operation: &'a str, body: &'a str) -> Self {
        Self {
            path: operation,
            service: "account",
            headers: vec![("content-type", "application/json".into())],
            body,
        }
    }

    fn organizations(operation: &str, body: &'a str) -> Self {
        Self {
            path: "/",
            service: "organizations",
            headers: vec![
                ("content-type", "application/x-amz-json-1.1".into()),
                (
                    "x-amz-target",
                    format!("AWSOrganizationsV20161128.{operation}"),
                ),
            ],
            body,
        }
    }

    fn query(service: &'a str, body: &'a str) -> Self {
        Self {
            path: "/",
            service,
            headers: vec![("content-type", FORM.into())],
            body,
        }
    }
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Signs `call` with `key` over `signed_body`, every header signed, as
/// botocore does, and sends `sent_body`.
fn signed_request(key: &Key, call: &Call, signed_body: &str, sent_body: &str) -> Request<Body> {
    let mut headers = call.headers.clone();
    headers.push(("host", "localhost:4566".into()));
    headers.push(("x-amz-date", DATE.into()));
    headers.sort();
    let names: Vec<&str> = headers.iter().map(|(n, _)| *n).collect();
    let signed_headers = names.join(";");
    let canonical_headers: String = headers.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
    let canonical = format!(
        "POST\n{}\n\n{canonical_headers}\n{signed_headers}\n{}",
        call.path,
        hex(&Sha256::digest(signed_body.as_bytes()))
    );
    let scope = format!("20260101/us-east-1/{}/aws4_request", call.service);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{DATE}\n{scope}\n{}",
        hex(&Sha256::digest(canonical.as_bytes()))
    );
    let mut signing_key = hmac(format!("AWS4{}", key.secret).as_bytes(), "20260101");
    for part in ["us-east-1", call.service, "aws4_request"] {
        signing_key = hmac(&signing_key, part);
    }
    let signature = hex(&hmac(&signing_key, &string_to_sign));
    let mut request = Request::post(call.path).header(
        "authorization",
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            key.id
        ),
    );
    for (name, value) in headers {
        request = request.header(name, value);
    }
    request.body(Body::from(sent_body.to_owned())).unwrap()
}

fn sign(key: &Key, call: &Call) -> Request<Body> {
    signed_request(key, call, call.body, call.body)
}

struct Answer {
    status: StatusCode,
    error_type: Option<String>,
    body: String,
}

async fn send_raw(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let error_type = response
        .headers()
        .get("x-amzn-ErrorType")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        error_type,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn xml_value<'a>(xml: &'a str, element: &str) -> &'a str {
    let open = format!("<{element}>");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("{element} in {xml}"))
        + open.len();
    let end = start + xml[start..].find('<').unwrap();
    &xml[start..end]
}

/// An IAM query as the account's root user, which signs nothing.
async fn iam_as_root(app: &Router, body: &str) -> String {
    let request = Request::post("/")
        .header("content-type", FORM)
        .header("authorization", authorization_for(ACCOUNT, "iam"))
        .body(Body::from(format!("{body}&Version=2010-05-08")))
        .unwrap();
    let answer = send_raw(app, request).await;
    assert_eq!(answer.status, StatusCode::OK, "{body}: {}", answer.body);
    answer.body
}

fn authorization_for(id: &str, service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={id}/20260101/us-east-1/{service}/aws4_request, \
         SignedHeaders=host, Signature=00"
    )
}

/// The app and the key of user `ana` of 111122223333, an administrator.
async fn with_user() -> (Router, Key) {
    with_user_on(memory_app()).await
}

async fn with_user_on(app: Router) -> (Router, Key) {
    iam_as_root(&app, "Action=CreateUser&UserName=ana").await;
    iam_as_root(
        &app,
        "Action=AttachUserPolicy&UserName=ana&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess",
    )
    .await;
    let created = iam_as_root(&app, "Action=CreateAccessKey&UserName=ana").await;
    let key = Key {
        id: xml_value(&created, "AccessKeyId").to_owned(),
        secret: xml_value(&created, "SecretAccessKey").to_owned(),
    };
    (app, key)
}

fn wrong_secret(key: &Key) -> Key {
    Key {
        id: key.id.clone(),
        secret: format!("{}x", key.secret),
    }
}

fn unknown_key() -> Key {
    Key {
        id: "AKIAIOSFODNN7EXAMPLE".into(),
        secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
    }
}

const CALLER_IDENTITY: &str = "Action=GetCallerIdentity&Version=2011-06-15";

#[tokio::test]
async fn a_request_signed_with_an_issued_key_passes_on_every_wire() {
    let (app, key) = with_user().await;
    let account = send_raw(
        &app,
        sign(&key, &Call::account("/getAccountInformation", "{}")),
    )
    .await;
    assert_eq!(account.status, StatusCode::OK, "{}", account.body);
    assert!(account.body.contains(ACCOUNT), "{}", account.body);

    let org = send_raw(
        &app,
        sign(&key, &Call::organizations("DescribeOrganization", "{}")),
    )
    .await;
    assert!(
        org.body.contains("AWSOrganizationsNotInUseException"),
        "{}",
        org.body
    );

    let sts = send_raw(&app, sign(&key, &Call::query("sts", CALLER_IDENTITY))).await;
    assert_eq!(sts.status, StatusCode::OK, "{}", sts.body);
    assert_eq!(
        xml_value(&sts.body, "Arn"),
        "arn:aws:iam::111122223333:user/ana"
    );
    let iam = send_raw(
        &app,
        sign(
            &key,
            &Call::query("iam", "Action=GetUser&Version=2010-05-08"),
        ),
    )
    .await;
    assert_eq!(iam.status, StatusCode::OK, "{}", iam.body);
    assert_eq!(xml_value(&iam.body, "UserName"), "ana");
}

#[tokio::test]
async fn a_wrong_secret_is_invalid_signature_on_json_wires_quoting_the_canonical_request() {
    let (app, key) = with_user().await;
    let bad = wrong_secret(&key);
    let account = send_raw(
        &app,
        sign(&bad, &Call::account("/getAccountInformation", "{}")),
    )
    .await;
    assert_eq!(account.status, StatusCode::FORBIDDEN);
    assert_eq!(
        account.error_type.as_deref(),
        Some("InvalidSignatureException")
    );
    let message: serde_json::Value = serde_json::from_str(&account.body).unwrap();
    let message = message["message"].as_str().unwrap();
    let empty_body_hash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    let expected = format!(
        "{MISMATCH}\n\nThe Canonical String for this request should have been\n\
         'POST\n/getAccountInformation\n\ncontent-type:application/json\nhost:localhost:4566\n\
         x-amz-date:{DATE}\n\ncontent-type;host;x-amz-date\n{empty_body_hash}'\n\n\
         The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n{DATE}\n\
         20260101/us-east-1/account/aws4_request\n"
    );
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.ends_with("'\n"), "{message}");

    let org = send_raw(&app, sign(&bad, &Call::organizations("ListAccounts", "{}"))).await;
    assert_eq!(org.status, StatusCode::FORBIDDEN);
    let body: serde_json::Value = serde_json::from_str(&org.body).unwrap();
    assert_eq!(body["__type"], "InvalidSignatureException");
    assert!(body["message"].as_str().unwrap().starts_with(MISMATCH));
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match_on_the_query_wire() {
    let (app, key) = with_user().await;
    let answer = send_raw(
        &app,
        sign(&wrong_secret(&key), &Call::query("sts", CALLER_IDENTITY)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.error_type.is_none());
    let request_id = xml_value(&answer.body, "RequestId");
    assert_eq!(
        answer.body,
        format!(
            "<ErrorResponse xmlns=\"{STS}\"><Error><Type>Sender</Type>\
             <Code>SignatureDoesNotMatch</Code><Message>{MISMATCH}</Message>\
             </Error><RequestId>{request_id}</RequestId></ErrorResponse>"
        )
    );
}

#[tokio::test]
async fn an_unknown_or_deleted_key_is_an_invalid_token() {
    let (app, key) = with_user().await;
    let check = |app: Router, key: Key| async move {
        let account = send_raw(
            &app,
            sign(&key, &Call::account("/getAccountInformation", "{}")),
        )
        .await;
        assert_eq!(account.status, StatusCode::FORBIDDEN);
        assert_eq!(
            account.error_type.as_deref(),
            Some("UnrecognizedClientException")
        );
        assert_eq!(account.body, format!("{{\"message\":\"{INVALID_TOKEN}\"}}"));
        let org = send_raw(&app, sign(&key, &Call::organizations("ListAccounts", "{}"))).await;
        assert_eq!(org.status, StatusCode::FORBIDDEN);
        assert_eq!(
            org.body,
            format!(
                "{{\"__type\":\"UnrecognizedClientException\",\"message\":\"{INVALID_TOKEN}\"}}"
            )
        );
        let iam = send_raw(
            &app,
            sign(
                &key,
                &Call::query("iam", "Action=ListUsers&Version=2010-05-08"),
            ),
        )
        .await;
        assert_eq!(iam.status, StatusCode::FORBIDDEN);
        assert!(
            iam.body.contains(&format!(
                "<Code>InvalidClientTokenId</Code><Message>{INVALID_TOKEN}</Message>"
            )),
            "{}",
            iam.body
        );
        assert!(iam
            .body
            .starts_with("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"));
    };
    check(app.clone(), unknown_key()).await;
    iam_as_root(
        &app,
        &format!("Action=DeleteAccessKey&UserName=ana&AccessKeyId={}", key.id),
    )
    .await;
    check(app, key).await;
}

#[tokio::test]
async fn a_users_key_with_a_session_token_is_an_invalid_token() {
    let (app, key) = with_user().await;
    let mut call = Call::query("sts", CALLER_IDENTITY);
    call.headers
        .push(("x-amz-security-token", "FwoGZXIvYXdzEXAMPLE".into()));
    let answer = send_raw(&app, sign(&key, &call)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(xml_value(&answer.body, "Code"), "InvalidClientTokenId");
}

#[tokio::test]
async fn a_changed_body_or_header_fails_the_signature() {
    let (app, key) = with_user().await;
    let honest = r#"{"AccountName":"Team A"}"#;
    let changed = r#"{"AccountName":"Team B"}"#;
    let call = Call::account("/putAccountName", honest);
    let answer = send_raw(&app, signed_request(&key, &call, honest, changed)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);
    assert_eq!(
        answer.error_type.as_deref(),
        Some("InvalidSignatureException")
    );

    // A signed x-amz-content-sha256 of the honest body does not carry a
    // changed one.
    let mut call = Call::account("/putAccountName", honest);
    let honest_hash = hex(&Sha256::digest(honest.as_bytes()));
    call.headers.push(("x-amz-content-sha256", honest_hash));
    let answer = send_raw(&app, signed_request(&key, &call, honest, changed)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    let mut request = sign(&key, &Call::account("/getAccountInformation", "{}"));
    request
        .headers_mut()
        .insert("x-amz-date", "20260101T120001Z".parse().unwrap());
    let answer = send_raw(&app, request).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    let name = send_raw(
        &app,
        sign(&key, &Call::account("/getAccountInformation", "{}")),
    )
    .await;
    assert!(
        !name.body.contains("Team"),
        "a refused change was made: {}",
        name.body
    );
}

#[tokio::test]
async fn refusals_are_not_journaled() {
    let files = Files::new();
    let sandbox = files.open(&ManualClock::at(START));
    let app = account_server::app(sandbox.clone());
    let journal = files.journal_bytes();
    let call = Call::account("/putAccountName", r#"{"AccountName":"Team A"}"#);
    let answer = send_raw(&app, sign(&unknown_key(), &call)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(files.journal_bytes(), journal);
}

#[tokio::test]
async fn other_ids_keep_the_unsigned_convention() {
    let app = memory_app();
    for id in [ACCOUNT, "test", "AKIDEXAMPLE"] {
        let key = Key {
            id: id.into(),
            secret: "anything".into(),
        };
        let answer = send_raw(&app, sign(&key, &Call::query("sts", CALLER_IDENTITY))).await;
        assert_eq!(answer.status, StatusCode::OK, "{id}: {}", answer.body);
    }
}

/// Credentials of a session of role `admin` (AdministratorAccess, trusting
/// the account) that user `ana` assumed: the key, and its token.
async fn session(app: &Router, user: &Key) -> (Key, String) {
    let trust = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";
    iam_as_root(
        app,
        &format!("Action=CreateRole&RoleName=admin&AssumeRolePolicyDocument={trust}"),
    )
    .await;
    iam_as_root(
        app,
        "Action=AttachRolePolicy&RoleName=admin&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAdministratorAccess",
    )
    .await;
    let body = "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fadmin&RoleSessionName=ops&Version=2011-06-15";
    let assumed = send_raw(app, sign(user, &Call::query("sts", body))).await;
    assert_eq!(assumed.status, StatusCode::OK, "{}", assumed.body);
    let key = Key {
        id: xml_value(&assumed.body, "AccessKeyId").to_owned(),
        secret: xml_value(&assumed.body, "SecretAccessKey").to_owned(),
    };
    assert!(key.id.starts_with("ASIA"), "{}", key.id);
    (key, xml_value(&assumed.body, "SessionToken").to_owned())
}

#[tokio::test]
async fn a_session_key_needs_its_sessions_token() {
    let (app, user) = with_user().await;
    let (key, token) = session(&app, &user).await;
    let with_token = |token: &str| {
        let mut call = Call::query("sts", CALLER_IDENTITY);
        call.headers
            .push(("x-amz-security-token", token.to_owned()));
        call
    };
    let answer = send_raw(&app, sign(&key, &with_token(&token))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        xml_value(&answer.body, "Arn"),
        "arn:aws:sts::111122223333:assumed-role/admin/ops"
    );
    let account = {
        let mut call = Call::account("/getAccountInformation", "{}");
        call.headers.push(("x-amz-security-token", token.clone()));
        send_raw(&app, sign(&key, &call)).await
    };
    assert_eq!(account.status, StatusCode::OK, "{}", account.body);

    for call in [
        Call::query("sts", CALLER_IDENTITY),
        with_token("not-the-token"),
    ] {
        let answer = send_raw(&app, sign(&key, &call)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
        assert_eq!(xml_value(&answer.body, "Code"), "InvalidClientTokenId");
    }
    let missing = send_raw(
        &app,
        sign(&key, &Call::account("/getAccountInformation", "{}")),
    )
    .await;
    assert_eq!(
        missing.error_type.as_deref(),
        Some("UnrecognizedClientException")
    );
    let answer = send_raw(&app, sign(&wrong_secret(&key), &with_token(&token))).await;
    assert_eq!(xml_value(&answer.body, "Code"), "SignatureDoesNotMatch");
}

#[tokio::test]
async fn an_expired_sessions_key_is_an_expired_token_on_every_wire() {
    let clock = ManualClock::at(START);
    let sandbox = account_server::Sandbox::in_memory(settings(), clock.clone());
    let (app, user) = with_user_on(account_server::app(std::sync::Arc::new(sandbox))).await;
    let (key, token) = session(&app, &user).await;
    let with_token = |mut call: Call<'static>| {
        call.headers.push(("x-amz-security-token", token.clone()));
        call
    };
    let who = || with_token(Call::query("sts", CALLER_IDENTITY));
    assert_eq!(
        send_raw(&app, sign(&key, &who())).await.status,
        StatusCode::OK
    );

    clock.advance(3_600_000);
    let query = send_raw(&app, sign(&key, &who())).await;
    assert_eq!(query.status, StatusCode::FORBIDDEN);
    assert_eq!(xml_value(&query.body, "Code"), "ExpiredToken");
    assert_eq!(xml_value(&query.body, "Message"), EXPIRED_TOKEN);
    let account = send_raw(
        &app,
        sign(
            &key,
            &with_token(Call::account("/getAccountInformation", "{}")),
        ),
    )
    .await;
    assert_eq!(account.status, StatusCode::FORBIDDEN);
    assert_eq!(account.error_type.as_deref(), Some("ExpiredTokenException"));
    assert!(account.body.contains(EXPIRED_TOKEN), "{}", account.body);
    // The user's own key is not a session's: it still signs.
    let mine = send_raw(&app, sign(&user, &Call::query("sts", CALLER_IDENTITY))).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
}
