//! Region Opt-In Status Change events.

mod common;

use account_engine::Config;
use common::*;
use serde_json::{json, Value};

fn events(sandbox: &Sandbox) -> Vec<Value> {
    sandbox
        .engine
        .events()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect()
}

fn expected(
    id: &Value,
    caller: &str,
    time: &str,
    target: &str,
    region: &str,
    status: &str,
) -> Value {
    json!({
        "version": "0",
        "id": id,
        "detail-type": "Region Opt-In Status Change",
        "source": "aws.account",
        "account": caller,
        "time": time,
        "region": "us-east-1",
        "resources": [format!("arn:aws:account::{target}:account")],
        "detail": {"accountId": target, "regionName": region, "status": status},
    })
}

fn is_uuid_v4(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && id.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        && parts[2].starts_with('4')
}

#[test]
fn enable_region_emits_an_enabling_event_at_the_start_and_an_enabled_event_at_completion() {
    let mut sandbox = sandbox();
    sandbox
        .call("/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    let started = events(&sandbox);
    assert_eq!(started.len(), 1);
    assert_eq!(
        started[0],
        expected(
            &started[0]["id"],
            DEFAULT,
            START_ISO,
            DEFAULT,
            "af-south-1",
            "ENABLING"
        )
    );
    sandbox.clock.advance(ENABLE_MS + 5_000);
    assert!(sandbox.engine.settle());
    let all = events(&sandbox);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1],
        expected(
            &all[1]["id"],
            DEFAULT,
            "2026-11-25T13:33:42Z",
            DEFAULT,
            "af-south-1",
            "ENABLED"
        )
    );
}

#[test]
fn disable_region_emits_a_disabling_event_and_a_disabled_event() {
    let mut sandbox = sandbox();
    sandbox
        .call_as(
            "111111111111",
            "/enableRegion",
            json!({"RegionName": "me-south-1"}),
        )
        .ok();
    sandbox.clock.advance(ENABLE_MS);
    sandbox
        .call_as(
            "111111111111",
            "/disableRegion",
            json!({"RegionName": "me-south-1"}),
        )
        .ok();
    sandbox.clock.advance(DISABLE_MS);
    sandbox.engine.settle();
    let statuses: Vec<(String, String)> = events(&sandbox)
        .iter()
        .map(|e| {
            (
                e["detail"]["status"].as_str().unwrap().to_owned(),
                e["time"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("ENABLING".to_owned(), START_ISO.to_owned()),
            ("ENABLED".to_owned(), "2026-11-25T13:33:42Z".to_owned()),
            ("DISABLING".to_owned(), "2026-11-25T13:33:42Z".to_owned()),
            ("DISABLED".to_owned(), "2026-11-25T13:33:46Z".to_owned()),
        ]
    );
    for e in events(&sandbox) {
        assert_eq!(e["account"], "111111111111");
        assert_eq!(e["detail"]["accountId"], "111111111111");
        assert_eq!(
            e["resources"],
            json!(["arn:aws:account::111111111111:account"])
        );
    }
}

#[test]
fn completion_events_come_in_completion_order_with_their_own_times() {
    let mut sandbox = sandbox();
    sandbox
        .call("/enableRegion", json!({"RegionName": "ap-east-1"}))
        .ok();
    sandbox.clock.advance(2_000);
    sandbox
        .call("/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    sandbox.clock.advance(60_000);
    sandbox.engine.settle();
    let completions: Vec<(Value, Value)> = events(&sandbox)[2..]
        .iter()
        .map(|e| (e["detail"]["regionName"].clone(), e["time"].clone()))
        .collect();
    assert_eq!(
        completions,
        [
            (json!("ap-east-1"), json!("2026-11-25T13:33:42Z")),
            (json!("af-south-1"), json!("2026-11-25T13:33:44Z")),
        ]
    );
}

#[test]
fn event_ids_are_distinct_uuids() {
    let mut sandbox = sandbox();
    for r in &OPT_IN[..4] {
        sandbox
            .call("/enableRegion", json!({ "RegionName": r }))
            .ok();
    }
    sandbox.clock.advance(ENABLE_MS);
    sandbox.engine.settle();
    let ids: Vec<String> = events(&sandbox)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 8);
    assert!(ids.iter().all(|id| is_uuid_v4(id)), "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 8);
}

#[test]
fn refused_region_changes_and_reads_emit_no_event() {
    let mut sandbox = sandbox();
    for (path, name) in [
        ("/enableRegion", "us-east-1"),
        ("/disableRegion", "af-south-1"),
        ("/enableRegion", "AF-SOUTH-1"),
        ("/enableRegion", "nowhere-1"),
        ("/getRegionOptStatus", "af-south-1"),
    ] {
        sandbox.call(path, json!({ "RegionName": name }));
    }
    sandbox.call("/listRegions", json!({}));
    assert_eq!(events(&sandbox), Vec::<Value>::new());
}

#[test]
fn the_event_log_keeps_only_the_newest_events() {
    let mut sandbox = sandbox_with(Config {
        event_log_limit: 3,
        ..config()
    });
    for r in &OPT_IN[..2] {
        sandbox
            .call("/enableRegion", json!({ "RegionName": r }))
            .ok();
    }
    sandbox.clock.advance(ENABLE_MS);
    sandbox.engine.settle();
    let kept: Vec<(Value, Value)> = events(&sandbox)
        .iter()
        .map(|e| {
            (
                e["detail"]["regionName"].clone(),
                e["detail"]["status"].clone(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            (json!(OPT_IN[1]), json!("ENABLING")),
            (json!(OPT_IN[0]), json!("ENABLED")),
            (json!(OPT_IN[1]), json!("ENABLED")),
        ]
    );
}

#[test]
fn next_completion_is_the_earliest_pending_change() {
    let mut sandbox = sandbox();
    assert_eq!(sandbox.engine.next_completion(), None);
    sandbox
        .call("/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    assert_eq!(sandbox.engine.next_completion(), Some(START + ENABLE_MS));
    sandbox.clock.advance(ENABLE_MS);
    assert!(sandbox.engine.settle());
    assert!(!sandbox.engine.settle());
    assert_eq!(sandbox.engine.next_completion(), None);
}
