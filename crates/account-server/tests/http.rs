//! The HTTP service driven through `app().oneshot`, without a socket.

use std::fs;
use std::sync::Arc;

use account_engine::{Config, Engine, ManualClock, Timings};
use account_server::{app, Args, Sandbox, StateFile, StateFileError, MAX_BODY_BYTES};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use clap::Parser;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const START: i64 = 1_700_000_000_000;

fn engine(clock: &ManualClock) -> Engine {
    let config = Config {
        timings: Timings {
            enable: 1_000,
            disable: 500,
            primary_email: 2_000,
        },
        ..Config::default()
    };
    Engine::new(clock.clone(), config)
}

fn memory_app() -> Router {
    app(Arc::new(Sandbox::in_memory(engine(&ManualClock::at(
        START,
    )))))
}

fn authorization(access_key_id: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={access_key_id}/20260101/us-east-1/account/aws4_request, \
         SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"
    )
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

impl Reply {
    fn error_type(&self) -> &str {
        self.headers
            .get("x-amzn-ErrorType")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
    };
    Reply {
        status,
        headers,
        body,
    }
}

fn post(path: &str, access_key_id: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut request = Request::post(path).header("content-type", "application/json");
    if let Some(id) = access_key_id {
        request = request.header("authorization", authorization(id));
    }
    request.body(body.into()).unwrap()
}

async fn call(app: &Router, access_key_id: Option<&str>, path: &str, input: Value) -> Reply {
    send(app, post(path, access_key_id, input.to_string())).await
}

fn billing(name: &str) -> Value {
    json!({
        "AlternateContactType": "BILLING",
        "Name": name,
        "Title": "Billing",
        "EmailAddress": "bill@ing.com",
        "PhoneNumber": "+1 555-555-5555",
    })
}

#[tokio::test]
async fn routes_each_operation_path_to_the_engine() {
    let app = memory_app();
    let reply = call(&app, None, "/listRegions", json!({})).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "application/json");
    assert!(reply.headers.contains_key("x-amzn-requestid"));
    assert_eq!(reply.body["Regions"].as_array().unwrap().len(), 20);
    assert!(reply.body["NextToken"].is_string());

    let put = call(&app, None, "/putAlternateContact", billing("Bill Ing")).await;
    assert_eq!((put.status, put.body), (StatusCode::OK, json!({})));
    let get = call(
        &app,
        None,
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    )
    .await;
    assert_eq!(get.body["AlternateContact"]["Name"], "Bill Ing");

    // botocore sends no body at all for operations without input members.
    let empty = send(&app, post("/getAccountInformation", None, Body::empty())).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.body["AccountId"], "000000000000");
}

#[tokio::test]
async fn api_errors_keep_the_engine_status_code_and_message() {
    let app = memory_app();
    let reply = call(
        &app,
        None,
        "/getAlternateContact",
        json!({"AlternateContactType": "SECURITY"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error_type(), "ResourceNotFoundException");
    assert_eq!(
        reply.body["message"],
        "No contact of the inputted alternate contact type found."
    );
}

#[tokio::test]
async fn the_caller_is_the_twelve_digit_access_key_id_or_the_default_account() {
    let app = memory_app();
    let account_of = |id: Option<&'static str>| {
        let app = app.clone();
        async move {
            call(&app, id, "/getAccountInformation", json!({}))
                .await
                .body["AccountId"]
                .clone()
        }
    };
    assert_eq!(account_of(Some("111122223333")).await, "111122223333");
    assert_eq!(
        account_of(Some("AKIAIOSFODNN7EXAMPLE")).await,
        "000000000000"
    );
    assert_eq!(account_of(Some("11112222333")).await, "000000000000");
    assert_eq!(account_of(None).await, "000000000000");

    // Each account keeps its own data.
    call(
        &app,
        Some("111122223333"),
        "/putAccountName",
        json!({"AccountName": "Team A"}),
    )
    .await;
    let other = call(
        &app,
        Some("444455556666"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    assert_eq!(other.body["AccountName"], "Account 444455556666");
    let own = call(
        &app,
        Some("111122223333"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    assert_eq!(own.body["AccountName"], "Team A");
}

#[tokio::test]
async fn the_default_account_comes_from_the_configuration() {
    let config = Config {
        default_account: "999988887777".into(),
        ..Config::default()
    };
    let app = app(Arc::new(Sandbox::in_memory(Engine::new(
        ManualClock::at(START),
        config,
    ))));
    let reply = call(&app, Some("test"), "/getAccountInformation", json!({})).await;
    assert_eq!(reply.body["AccountId"], "999988887777");
}

#[tokio::test]
async fn a_body_over_one_mebibyte_gets_413_and_the_limit_itself_is_served() {
    let app = memory_app();
    let too_big = vec![b' '; MAX_BODY_BYTES + 1];
    let reply = send(&app, post("/listRegions", None, too_big)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.error_type(), "RequestEntityTooLargeException");
    assert!(reply.body["message"].is_string());

    // Whitespace-only bodies stand for `{}`, so exactly the limit succeeds.
    let at_limit = vec![b' '; MAX_BODY_BYTES];
    let reply = send(&app, post("/listRegions", None, at_limit)).await;
    assert_eq!(reply.status, StatusCode::OK);

    // A streamed body without Content-Length is cut off at the limit too.
    let chunks = (0..=MAX_BODY_BYTES / 4096).map(|_| Ok::<_, std::io::Error>(vec![b' '; 4096]));
    let streamed = Body::from_stream(futures_util::stream::iter(chunks));
    let reply = send(&app, post("/listRegions", None, streamed)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn an_unknown_path_gets_404_with_a_json_error() {
    let app = memory_app();
    for path in ["/listRegionz", "/", "/putAlternateContact/extra"] {
        let reply = call(&app, None, path, json!({})).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.error_type(), "UnknownOperationException");
        assert!(
            reply.body["message"].as_str().unwrap().contains(path),
            "{path}: {}",
            reply.body
        );
    }
}

#[tokio::test]
async fn malformed_json_gets_400_with_a_json_error() {
    let app = memory_app();
    for body in ["{\"AlternateContactType\": ", "[1, 2]", "\u{1F600}"] {
        let reply = send(&app, post("/getAlternateContact", None, body)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(reply.error_type(), "SerializationException");
        assert!(reply.body["message"].is_string());
    }
    // The server keeps serving afterwards.
    let reply = call(&app, None, "/listRegions", json!({})).await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn only_post_is_served() {
    let app = memory_app();
    let request = Request::get("/listRegions").body(Body::empty()).unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.error_type(), "MethodNotAllowedException");
    assert_eq!(
        reply.body["message"],
        "Only POST requests are served (restJson1), not GET."
    );
}

fn persistent_app(clock: &ManualClock, path: &std::path::Path) -> Router {
    let sandbox = Sandbox::persistent(engine(clock), StateFile::new(path).unwrap()).unwrap();
    app(Arc::new(sandbox))
}

fn saved(path: &std::path::Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[tokio::test]
async fn the_state_file_is_written_at_start_and_after_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let clock = ManualClock::at(START);
    let app = persistent_app(&clock, &path);
    assert_eq!(saved(&path)["schemaVersion"], 1);

    call(&app, None, "/putAlternateContact", billing("Bill Ing")).await;
    let state = saved(&path);
    let contact = &state["accounts"]["000000000000"]["alternateContacts"]["BILLING"];
    assert_eq!(contact["Name"], "Bill Ing");

    // A read that changes nothing leaves the file alone.
    fs::write(&path, "untouched").unwrap();
    call(&app, None, "/listRegions", json!({})).await;
    call(
        &app,
        None,
        "/putAlternateContact",
        json!({"AlternateContactType": "x"}),
    )
    .await;
    assert_eq!(fs::read_to_string(&path).unwrap(), "untouched");

    // A read that settles a finished region change saves the result.
    call(
        &app,
        None,
        "/enableRegion",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    assert_eq!(
        saved(&path)["accounts"]["000000000000"]["regions"]["af-south-1"],
        "ENABLING"
    );
    clock.advance(1_000);
    let reply = call(
        &app,
        None,
        "/getRegionOptStatus",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    assert_eq!(reply.body["RegionOptStatus"], "ENABLED");
    assert_eq!(
        saved(&path)["accounts"]["000000000000"]["regions"]["af-south-1"],
        "ENABLED"
    );

    // So does a read that creates the caller's account.
    call(
        &app,
        Some("121212121212"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    assert!(saved(&path)["accounts"]["121212121212"].is_object());
}

#[tokio::test]
async fn a_restarted_server_loads_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let clock = ManualClock::at(START);
    let first = persistent_app(&clock, &path);
    call(&first, None, "/putAlternateContact", billing("Bill Ing")).await;
    call(
        &first,
        None,
        "/putAccountName",
        json!({"AccountName": "Kept"}),
    )
    .await;
    call(
        &first,
        None,
        "/enableRegion",
        json!({"RegionName": "me-south-1"}),
    )
    .await;
    drop(first);

    // A region change in progress finishes while the server is down.
    clock.advance(5_000);
    let second = persistent_app(&clock, &path);
    let contact = call(
        &second,
        None,
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    )
    .await;
    assert_eq!(contact.body["AlternateContact"]["Name"], "Bill Ing");
    let info = call(&second, None, "/getAccountInformation", json!({})).await;
    assert_eq!(info.body["AccountName"], "Kept");
    let region = call(
        &second,
        None,
        "/getRegionOptStatus",
        json!({"RegionName": "me-south-1"}),
    )
    .await;
    assert_eq!(region.body["RegionOptStatus"], "ENABLED");
}

#[test]
fn a_state_file_that_is_not_a_snapshot_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, "{\"half\": ").unwrap();
    let result = Sandbox::persistent(
        engine(&ManualClock::at(START)),
        StateFile::new(&path).unwrap(),
    );
    assert!(matches!(result, Err(StateFileError::Invalid { .. })));
    assert_eq!(fs::read_to_string(&path).unwrap(), "{\"half\": ");
}

#[tokio::test]
async fn a_change_that_cannot_be_saved_is_reported_as_a_500() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let app = persistent_app(&ManualClock::at(START), &path);
    // A directory in the way of the temporary file makes every save fail.
    fs::create_dir(dir.path().join(".state.json.tmp")).unwrap();
    let reply = call(
        &app,
        None,
        "/putAccountName",
        json!({"AccountName": "Lost"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(reply.error_type(), "InternalServerException");
    let message = reply.body["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot write the state file"),
        "{message}"
    );
    // Reads go on being served.
    let reply = call(&app, None, "/listRegions", json!({})).await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_changes_are_all_kept_and_all_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let app = persistent_app(&ManualClock::at(START), &path);
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let account = format!("{:012}", 100_000 + i);
                let kind = ["BILLING", "OPERATIONS", "SECURITY"][i % 3];
                let mut input = billing(&format!("Contact {i}"));
                input["AlternateContactType"] = json!(kind);
                let put = call(&app, Some(&account), "/putAlternateContact", input).await;
                assert_eq!(put.status, StatusCode::OK);
                let get = call(
                    &app,
                    Some(&account),
                    "/getAlternateContact",
                    json!({ "AlternateContactType": kind }),
                )
                .await;
                assert_eq!(get.body["AlternateContact"]["Name"], format!("Contact {i}"));
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let state = saved(&path);
    for i in 0..200 {
        let account = format!("{:012}", 100_000 + i);
        let kind = ["BILLING", "OPERATIONS", "SECURITY"][i % 3];
        assert_eq!(
            state["accounts"][&account]["alternateContacts"][kind]["Name"],
            format!("Contact {i}")
        );
    }
}

fn org_post(operation: &str, access_key_id: Option<&str>, body: Value) -> Request<Body> {
    let mut request = Request::post("/")
        .header("content-type", "application/x-amz-json-1.1")
        .header(
            "x-amz-target",
            format!("AWSOrganizationsV20161128.{operation}"),
        );
    if let Some(id) = access_key_id {
        request = request.header("authorization", authorization(id));
    }
    request.body(Body::from(body.to_string())).unwrap()
}

async fn org_call(
    app: &Router,
    access_key_id: Option<&str>,
    operation: &str,
    body: Value,
) -> Reply {
    let reply = send(app, org_post(operation, access_key_id, body)).await;
    assert_eq!(
        reply.headers["content-type"], "application/x-amz-json-1.1",
        "{operation}"
    );
    reply
}

#[tokio::test]
async fn x_amz_target_requests_reach_the_organizations_dispatcher() {
    let app = memory_app();
    let created = org_call(&app, Some("111111111111"), "CreateOrganization", json!({})).await;
    assert_eq!(created.status, StatusCode::OK);
    assert_eq!(
        created.body["Organization"]["MasterAccountId"],
        "111111111111"
    );
    let listed = org_call(&app, Some("111111111111"), "ListAccounts", json!({})).await;
    assert_eq!(listed.body["Accounts"][0]["Id"], "111111111111");

    // The caller is the access key's account, or the default one.
    let denied = org_call(&app, None, "ListAccounts", json!({})).await;
    assert_eq!(denied.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        denied.body,
        json!({
            "__type": "AWSOrganizationsNotInUseException",
            "Message": "Your account is not a member of an organization.",
        })
    );
    assert!(denied.headers.get("x-amzn-ErrorType").is_none());

    let unknown = org_call(&app, None, "ListRoots", json!({})).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.body["__type"], "UnknownOperationException");

    // Requests without the header still reach the Account API at "/".
    let account = call(&app, None, "/", json!({})).await;
    assert_eq!(account.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn organizations_changes_are_saved_and_reads_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let clock = ManualClock::at(START);
    let app = persistent_app(&clock, &path);
    org_call(&app, None, "CreateOrganization", json!({})).await;
    assert_eq!(
        saved(&path)["organizations"][0]["managementAccountId"],
        "000000000000"
    );
    let principal = json!({"ServicePrincipal": "account.amazonaws.com"});
    org_call(&app, None, "EnableAWSServiceAccess", principal.clone()).await;
    assert_eq!(saved(&path)["organizations"][0]["trustedAccess"], true);

    fs::write(&path, "untouched").unwrap();
    for operation in [
        "DescribeOrganization",
        "ListAccounts",
        "ListAWSServiceAccessForOrganization",
        "ListDelegatedAdministrators",
    ] {
        let reply = org_call(&app, None, operation, json!({})).await;
        assert_eq!(reply.status, StatusCode::OK, "{operation}");
    }
    org_call(
        &app,
        Some("222222222222"),
        "DisableAWSServiceAccess",
        principal.clone(),
    )
    .await;
    assert_eq!(fs::read_to_string(&path).unwrap(), "untouched");

    org_call(&app, None, "DisableAWSServiceAccess", principal).await;
    assert_eq!(saved(&path)["organizations"][0]["trustedAccess"], false);
}

#[tokio::test]
async fn a_demo_organization_flag_starts_with_members_and_trusted_access() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let args = Args::try_parse_from([
        "account-server",
        "--demo-organization",
        "45",
        "--state",
        path.to_str().unwrap(),
    ])
    .unwrap();
    let app = app_from(&args);
    assert_eq!(
        saved(&path)["organizations"][0]["members"]
            .as_array()
            .unwrap()
            .len(),
        46
    );
    let mut members = Vec::new();
    let mut token = None;
    loop {
        let mut body = json!({});
        if let Some(t) = token {
            body["NextToken"] = t;
        }
        let page = org_call(&app, None, "ListAccounts", body).await;
        members.extend(page.body["Accounts"].as_array().unwrap().iter().cloned());
        match page.body.get("NextToken") {
            Some(t) => token = Some(t.clone()),
            None => break,
        }
    }
    assert_eq!(members.len(), 46);
    let member = members.iter().find(|a| a["Id"] != "000000000000").unwrap()["Id"].clone();
    let mut contact = billing("Org Bill");
    contact["AccountId"] = member;
    let reply = call(&app, None, "/putAlternateContact", contact).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);

    // A restart with the same flags keeps the organization it loaded.
    drop(app);
    let restarted = app_from(&args);
    let listed = org_call(&restarted, None, "ListAccounts", json!({"MaxResults": 1})).await;
    assert_eq!(listed.body["Accounts"][0]["Id"], "000000000000");
    assert_eq!(saved(&path)["organizations"].as_array().unwrap().len(), 1);
}

fn app_from(args: &Args) -> Router {
    app(Arc::new(args.sandbox().unwrap()))
}
