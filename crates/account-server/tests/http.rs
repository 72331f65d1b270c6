//! The HTTP service driven through `app().oneshot`, without a socket.

mod common;

use std::fs;
use std::sync::Arc;

use account_engine::ManualClock;
use account_server::{Args, Sandbox, Settings, StateFile, StateFileError, MAX_BODY_BYTES};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use clap::Parser;
use serde_json::json;

use common::*;

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
    // An id of the AWS key shape the sandbox never issued is refused
    // instead (tests/signature.rs).
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
    assert_eq!(account_of(Some("test")).await, "000000000000");
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
    let settings = Settings {
        account_id: "999988887777".into(),
        ..Settings::default()
    };
    let app = account_server::app(Arc::new(Sandbox::in_memory(
        settings,
        ManualClock::at(START),
    )));
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

    let unknown = org_call(&app, None, "ListHandshakesForAccount", json!({})).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.body["__type"], "UnknownOperationException");

    // Requests without the header still reach the Account API at "/".
    let account = call(&app, None, "/", json!({})).await;
    assert_eq!(account.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_state_file_is_written_at_start_and_changes_go_to_the_journal() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let app = account_server::app(files.open(&clock));
    let initial = fs::read_to_string(&files.path).unwrap();
    assert_eq!(files.saved()["schemaVersion"], 1);
    assert_eq!(files.journals(), ["state.json.journal.1"]);

    let mut size = files.journal_bytes();
    let mut grew = || {
        let now = files.journal_bytes();
        let grew = now > size;
        size = now;
        grew
    };
    call(&app, None, "/putAlternateContact", billing("Bill Ing")).await;
    assert!(grew());

    // A read that changes nothing, and a change that fails, are not journaled.
    call(&app, None, "/listRegions", json!({})).await;
    let refused = call(
        &app,
        None,
        "/putAlternateContact",
        json!({"AlternateContactType": "x"}),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(!grew());

    call(
        &app,
        None,
        "/enableRegion",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    assert!(grew());
    // A read that settles a finished region change is journaled.
    clock.advance(ENABLE_MS);
    let reply = call(
        &app,
        None,
        "/getRegionOptStatus",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    assert_eq!(reply.body["RegionOptStatus"], "ENABLED");
    assert!(grew());
    // So is a read that creates the caller's account.
    call(
        &app,
        Some("121212121212"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    assert!(grew());
    assert_eq!(fs::read_to_string(&files.path).unwrap(), initial);

    drop(app);
    let restarted = account_server::app(files.open(&clock));
    let contact = call(
        &restarted,
        None,
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    )
    .await;
    assert_eq!(contact.body["AlternateContact"]["Name"], "Bill Ing");
    let events = call(
        &restarted,
        None,
        "/getRegionOptStatus",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    assert_eq!(events.body["RegionOptStatus"], "ENABLED");
    let info = call(
        &restarted,
        Some("121212121212"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    assert_eq!(info.body["AccountName"], "Account 121212121212");
}

#[tokio::test]
async fn a_restarted_server_loads_the_state_file() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let first = account_server::app(files.open(&clock));
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
    let second = account_server::app(files.open(&clock));
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
    let files = Files::new();
    fs::write(&files.path, "{\"half\": ").unwrap();
    let result = Sandbox::persistent(
        settings(),
        ManualClock::at(START),
        StateFile::new(&files.path).unwrap(),
        None,
    );
    assert!(matches!(result, Err(StateFileError::Invalid { .. })));
    assert_eq!(fs::read_to_string(&files.path).unwrap(), "{\"half\": ");
}

#[test]
fn a_journal_that_cannot_be_created_fails_the_start() {
    let files = Files::new();
    // A directory where the journal should go.
    fs::create_dir(files.dir().join("state.json.journal.1")).unwrap();
    let result = Sandbox::persistent(
        settings(),
        ManualClock::at(START),
        StateFile::new(&files.path).unwrap(),
        None,
    );
    let error = result.err().expect("the start fails");
    assert!(matches!(error, StateFileError::Journal { .. }), "{error}");
    assert!(
        error.to_string().contains("state.json.journal.1"),
        "{error}"
    );
}

#[tokio::test]
async fn a_compaction_that_cannot_write_the_state_file_loses_nothing() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = account_server::app(Arc::clone(&sandbox));
    call(&app, None, "/putAlternateContact", billing("Before")).await;
    // A directory in the way of the temporary file makes the write fail.
    let temp = files.dir().join(".state.json.tmp");
    fs::create_dir(&temp).unwrap();
    let error = sandbox.compact().unwrap_err();
    assert!(matches!(error, StateFileError::Write { .. }), "{error}");
    let after = call(
        &app,
        None,
        "/putAccountName",
        json!({"AccountName": "After"}),
    )
    .await;
    assert_eq!(after.status, StatusCode::OK);
    drop((app, sandbox));

    let sandbox = files.open(&clock);
    let app = account_server::app(Arc::clone(&sandbox));
    let info = call(&app, None, "/getAccountInformation", json!({})).await;
    assert_eq!(info.body["AccountName"], "After");
    let contact = call(
        &app,
        None,
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    )
    .await;
    assert_eq!(contact.body["AlternateContact"]["Name"], "Before");

    fs::remove_dir(&temp).unwrap();
    sandbox.compact().unwrap();
    assert_eq!(files.journals().len(), 1, "{:?}", files.journals());
    assert_eq!(files.saved()["accounts"]["000000000000"]["name"], "After");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_changes_are_all_kept_and_all_saved() {
    let files = Files::new();
    let sandbox = files.open(&ManualClock::at(START));
    let app = account_server::app(Arc::clone(&sandbox));
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
    // A clean shutdown leaves the whole state in the state file alone.
    sandbox.close().unwrap();
    assert_eq!(files.journals(), Vec::<String>::new());
    let state = files.saved();
    for i in 0..200 {
        let account = format!("{:012}", 100_000 + i);
        let kind = ["BILLING", "OPERATIONS", "SECURITY"][i % 3];
        assert_eq!(
            state["accounts"][&account]["alternateContacts"][kind]["Name"],
            format!("Contact {i}")
        );
    }
}

#[tokio::test]
async fn organizations_changes_are_journaled_and_reads_are_not() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let app = account_server::app(files.open(&clock));
    let start = files.journal_bytes();
    org_call(&app, None, "CreateOrganization", json!({})).await;
    let principal = json!({"ServicePrincipal": "account.amazonaws.com"});
    org_call(&app, None, "EnableAWSServiceAccess", principal.clone()).await;
    let changed = files.journal_bytes();
    assert!(changed > start);

    for operation in [
        "DescribeOrganization",
        "ListAccounts",
        "ListAWSServiceAccessForOrganization",
        "ListDelegatedAdministrators",
    ] {
        let reply = org_call(&app, None, operation, json!({})).await;
        assert_eq!(reply.status, StatusCode::OK, "{operation}");
    }
    // Refused: 222222222222 is not in the organization.
    let refused = org_call(
        &app,
        Some("222222222222"),
        "DisableAWSServiceAccess",
        principal.clone(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(files.journal_bytes(), changed);

    org_call(&app, None, "DisableAWSServiceAccess", principal).await;
    assert!(files.journal_bytes() > changed);
    drop(app);
    let restarted = account_server::app(files.open(&clock));
    let listed = org_call(
        &restarted,
        None,
        "ListAWSServiceAccessForOrganization",
        json!({}),
    )
    .await;
    assert_eq!(listed.body["EnabledServicePrincipals"], json!([]));
    let described = org_call(&restarted, None, "DescribeOrganization", json!({})).await;
    assert_eq!(
        described.body["Organization"]["MasterAccountId"],
        "000000000000"
    );
}

#[tokio::test]
async fn a_demo_organization_flag_starts_with_members_and_trusted_access() {
    let files = Files::new();
    let args = Args::try_parse_from([
        "account-server",
        "--demo-organization",
        "45",
        "--state",
        files.path.to_str().unwrap(),
    ])
    .unwrap();
    let app = account_server::app(Arc::new(args.sandbox().unwrap()));
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
    let sandbox = Arc::new(args.sandbox().unwrap());
    let restarted = account_server::app(Arc::clone(&sandbox));
    let listed = org_call(&restarted, None, "ListAccounts", json!({"MaxResults": 1})).await;
    assert_eq!(listed.body["Accounts"][0]["Id"], "000000000000");
    sandbox.close().unwrap();
    let organizations = files.saved()["organizations"].clone();
    assert_eq!(organizations.as_array().unwrap().len(), 1);
    assert_eq!(organizations[0]["members"].as_array().unwrap().len(), 46);
}
