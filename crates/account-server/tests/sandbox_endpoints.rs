//! The sandbox's own endpoints: `/_sandbox/health`, `/_sandbox/reset` and
//! moto's `/moto-api/reset`.

mod common;

use std::sync::Arc;

use account_engine::ManualClock;
use account_server::{app, Sandbox, Settings};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;

use common::*;

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn health_reports_version_uptime_accounts_and_persistence() {
    let app = memory_app();
    call(
        &app,
        Some("111122223333"),
        "/getAccountInformation",
        json!({}),
    )
    .await;
    let health = send(&app, get("/_sandbox/health")).await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.headers["content-type"], "application/json");
    let body = health.body;
    assert_eq!(body["status"], "running");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert!(body["uptimeSeconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(body["accounts"], 2);
    assert_eq!(body["persisted"], false);
    assert_eq!(body["stateFile"], json!(null));

    let files = Files::new();
    let persisted = account_server::app(files.open(&ManualClock::at(START)));
    let body = send(&persisted, get("/_sandbox/health")).await.body;
    assert_eq!(body["persisted"], true);
    assert_eq!(body["stateFile"], files.path.to_str().unwrap());
    assert_eq!(body["accounts"], 1);
}

#[tokio::test]
async fn the_sandbox_endpoints_take_one_method_each() {
    let app = memory_app();
    for (request, path, expected) in [
        (
            post("/_sandbox/health", None, ""),
            "/_sandbox/health",
            "GET",
        ),
        (get("/_sandbox/reset"), "/_sandbox/reset", "POST"),
        (get("/moto-api/reset"), "/moto-api/reset", "POST"),
    ] {
        let method = request.method().clone();
        let reply = send(&app, request).await;
        assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
        assert_eq!(reply.error_type(), "MethodNotAllowedException");
        assert_eq!(
            reply.body["message"],
            format!("{path} takes {expected} requests, not {method}.")
        );
    }
}

/// Names the default account and makes a few other changes.
async fn change_things(app: &axum::Router) {
    call(
        app,
        None,
        "/putAccountName",
        json!({"AccountName": "Renamed"}),
    )
    .await;
    call(
        app,
        Some("444455556666"),
        "/putAlternateContact",
        billing("B"),
    )
    .await;
    call(
        app,
        None,
        "/enableRegion",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
}

#[tokio::test]
async fn reset_goes_back_to_the_command_lines_start_and_stays_reset_after_a_restart() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let settings = Settings {
        account_id: "123456789012".into(),
        demo_organization: Some(5),
        ..settings()
    };
    let sandbox = files.open_with(settings.clone(), &clock, None);
    let app = app(Arc::clone(&sandbox));
    change_things(&app).await;
    org_call(
        &app,
        None,
        "CreateAccount",
        json!({"AccountName": "Extra", "Email": "x@example.com"}),
    )
    .await;
    assert_eq!(sandbox.read(|e| e.state().accounts.len()), 8);

    clock.advance(60_000);
    let reply = send(&app, post("/_sandbox/reset", None, "")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, json!({"status": "ok"}));
    let expect_start = |sandbox: &Sandbox| {
        sandbox.read(|engine| {
            let state = engine.state();
            assert_eq!(state.accounts.len(), 6, "the default account and 5 members");
            assert_eq!(state.accounts["123456789012"].name, "Sandbox account");
            assert_eq!(state.accounts["123456789012"].created, START + 60_000);
            assert!(state.transitions.is_empty());
            let org = state.organization_of("123456789012").unwrap();
            assert!(org.trusted_access);
        })
    };
    expect_start(&sandbox);
    let listed = org_call(&app, None, "ListAccounts", json!({})).await;
    assert_eq!(listed.body["Accounts"].as_array().unwrap().len(), 6);

    // The reset is saved: a crash right after it still finds it.
    drop((app, sandbox));
    let restarted = files.open_with(settings, &clock, None);
    expect_start(&restarted);
}

#[tokio::test]
async fn moto_api_reset_does_the_same_in_memory() {
    let app = memory_app();
    change_things(&app).await;
    let reply = send(&app, post("/moto-api/reset", None, "")).await;
    assert_eq!(
        (reply.status, reply.body),
        (StatusCode::OK, json!({"status": "ok"}))
    );
    let info = call(&app, None, "/getAccountInformation", json!({})).await;
    assert_eq!(info.body["AccountName"], "Sandbox account");
    let other = call(
        &app,
        Some("444455556666"),
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    )
    .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let health = send(&app, get("/_sandbox/health")).await;
    assert_eq!(
        health.body["accounts"], 2,
        "the default account and the caller just made"
    );
}

#[tokio::test]
async fn reset_drops_what_the_state_file_had_loaded() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let first = files.open(&clock);
    change_things(&app(Arc::clone(&first))).await;
    first.close().unwrap();
    drop(first);

    let loaded = files.open(&clock);
    assert_eq!(loaded.read(|e| e.state().accounts.len()), 2);
    let app = app(Arc::clone(&loaded));
    send(&app, post("/_sandbox/reset", None, "{}")).await;
    assert_eq!(loaded.read(|e| e.state().accounts.len()), 1);
    loaded.close().unwrap();
    assert_eq!(
        files.saved()["accounts"].as_object().unwrap().len(),
        1,
        "the reset state replaces the file at shutdown"
    );
}
