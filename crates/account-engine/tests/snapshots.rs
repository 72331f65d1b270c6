//! Snapshots: the whole state as versioned JSON, restored all or nothing.

mod common;

use account_engine::snapshot::parse;
use account_engine::{SnapshotError, SCHEMA_VERSION};
use common::*;
use serde_json::{json, Value};

/// A sandbox with something of everything in it.
fn populated() -> Sandbox {
    let mut sandbox = sandbox();
    sandbox
        .call(
            "/putContactInformation",
            json!({ "ContactInformation": contact() }),
        )
        .ok();
    sandbox
        .call("/putAlternateContact", alternate("BILLING"))
        .ok();
    sandbox
        .call("/putAccountName", json!({"AccountName": "Main"}))
        .ok();
    sandbox
        .call("/enableRegion", json!({"RegionName": "af-south-1"}))
        .ok();
    let org = sandbox.engine.create_organization("111111111111").unwrap();
    sandbox
        .engine
        .add_member_account(&org, "222222222222", "Member", "m@example.com")
        .unwrap();
    sandbox.engine.set_trusted_access(&org, true).unwrap();
    sandbox
        .engine
        .register_delegated_administrator(&org, "222222222222")
        .unwrap();
    sandbox
}

fn snapshot_value(sandbox: &Sandbox) -> Value {
    serde_json::from_str(&sandbox.engine.snapshot()).unwrap()
}

#[track_caller]
fn assert_refused(json: &str, expected: SnapshotError) {
    let mut sandbox = populated();
    let before = sandbox.engine.snapshot();
    assert_eq!(sandbox.engine.restore(json), Err(expected));
    assert_eq!(sandbox.engine.snapshot(), before);
}

/// A valid snapshot of `populated()` changed by `edit`.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = snapshot_value(&populated());
    edit(&mut value);
    value.to_string()
}

fn inconsistent(message: &str) -> SnapshotError {
    SnapshotError::Inconsistent(message.to_owned())
}

#[test]
fn snapshot_names_its_schema_version() {
    let value = snapshot_value(&sandbox());
    assert_eq!(value["schemaVersion"], json!(SCHEMA_VERSION));
    assert_eq!(SCHEMA_VERSION, 1);
    assert!(value["accounts"]["000000000000"].is_object());
}

#[test]
fn restore_of_a_snapshot_reproduces_the_state() {
    let original = populated();
    let snapshot = original.engine.snapshot();
    let mut fresh = sandbox();
    fresh.engine.restore(&snapshot).unwrap();
    assert_eq!(fresh.engine.snapshot(), snapshot);
    assert_eq!(fresh.engine.state(), original.engine.state());
    let info = fresh.call("/getContactInformation", json!({}));
    assert_eq!(info.ok()["ContactInformation"], contact());
    assert_eq!(fresh.region_status("af-south-1"), "ENABLING");
}

#[test]
fn pretty_snapshot_restores_the_same_state() {
    let original = populated();
    let mut fresh = sandbox();
    fresh
        .engine
        .restore(&original.engine.snapshot_pretty())
        .unwrap();
    assert_eq!(fresh.engine.snapshot(), original.engine.snapshot());
}

#[test]
fn next_tokens_stay_valid_across_a_restore() {
    let mut original = populated();
    let page = original.call("/listRegions", json!({}));
    let token = page.ok()["NextToken"].clone();
    let mut fresh = sandbox();
    fresh.engine.restore(&original.engine.snapshot()).unwrap();
    let next = fresh.call("/listRegions", json!({ "NextToken": token }));
    assert_eq!(next.ok()["Regions"].as_array().unwrap().len(), 14);
}

#[test]
fn restore_completes_transitions_by_elapsed_time() {
    let original = populated();
    let snapshot = original.engine.snapshot();
    let mut later = sandbox();
    later.clock.advance(ENABLE_MS + 60_000);
    later.engine.restore(&snapshot).unwrap();
    assert!(later.engine.state().transitions.is_empty());
    assert_eq!(
        later.engine.state().accounts[DEFAULT].regions["af-south-1"].as_str(),
        "ENABLED"
    );
    let last = later.engine.events().last().unwrap();
    assert_eq!(last.detail.status.as_str(), "ENABLED");
    assert_eq!(last.time, "2026-11-25T13:33:42Z");
}

#[test]
fn restore_before_completion_keeps_the_change_in_progress() {
    let original = populated();
    let mut fresh = sandbox();
    fresh.clock.advance(ENABLE_MS - 1);
    fresh.engine.restore(&original.engine.snapshot()).unwrap();
    assert_eq!(fresh.region_status("af-south-1"), "ENABLING");
    fresh.clock.advance(1);
    assert_eq!(fresh.region_status("af-south-1"), "ENABLED");
}

#[test]
fn restore_trims_the_event_log_to_the_configured_limit() {
    let mut original = populated();
    original
        .call("/enableRegion", json!({"RegionName": "ap-east-1"}))
        .ok();
    let mut small = sandbox_with(account_engine::Config {
        event_log_limit: 1,
        ..config()
    });
    small.engine.restore(&original.engine.snapshot()).unwrap();
    let events: Vec<_> = small.engine.events().collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].detail.region_name, "ap-east-1");
}

#[test]
fn snapshot_from_a_newer_schema_is_refused_and_changes_nothing() {
    let json = edited(|v| v["schemaVersion"] = json!(SCHEMA_VERSION + 1));
    assert_refused(
        &json,
        SnapshotError::TooNew {
            found: SCHEMA_VERSION + 1,
        },
    );
    assert_eq!(
        SnapshotError::TooNew { found: 2 }.to_string(),
        "the snapshot has schemaVersion 2, newer than this sandbox reads (up to 1)"
    );
}

#[test]
fn snapshot_that_is_not_json_is_refused_and_changes_nothing() {
    let mut sandbox = populated();
    let before = sandbox.engine.snapshot();
    for broken in [
        "",
        "{",
        "not json",
        "{\"schemaVersion\": 1,}",
        "{\"schemaVersion\": \"1\", \"accounts\": {",
    ] {
        let error = sandbox.engine.restore(broken).unwrap_err();
        assert!(
            matches!(error, SnapshotError::Json(_)),
            "{broken}: {error:?}"
        );
    }
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn snapshot_without_a_numeric_schema_version_is_refused() {
    assert_refused("{}", SnapshotError::MissingVersion);
    assert_refused(
        &edited(|v| v["schemaVersion"] = json!("1")),
        SnapshotError::MissingVersion,
    );
    assert_refused(
        &edited(|v| v["schemaVersion"] = json!(-1)),
        SnapshotError::MissingVersion,
    );
}

#[test]
fn snapshot_of_the_wrong_shape_is_refused_and_changes_nothing() {
    let mut sandbox = populated();
    let before = sandbox.engine.snapshot();
    for json in [
        edited(|v| {
            v.as_object_mut().unwrap().remove("accounts");
        }),
        edited(|v| v["accounts"][DEFAULT]["created"] = json!("yesterday")),
        edited(|v| v["accounts"][DEFAULT]["regions"]["af-south-1"] = json!("HALF_ENABLED")),
        edited(|v| v["seed"] = json!(-5)),
    ] {
        let error = sandbox.engine.restore(&json).unwrap_err();
        assert!(matches!(error, SnapshotError::Shape(_)), "{error:?}");
    }
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn snapshot_with_an_account_under_the_wrong_key_is_inconsistent() {
    let json = edited(|v| {
        let account = v["accounts"][DEFAULT].clone();
        v["accounts"]["12345"] = account;
    });
    assert_refused(
        &json,
        inconsistent("account key 12345 does not match a 12-digit account id"),
    );
}

#[test]
fn snapshot_with_a_status_for_a_region_that_is_not_opt_in_is_inconsistent() {
    for region in ["us-east-1", "mars-north-1"] {
        let json = edited(|v| v["accounts"][DEFAULT]["regions"][region] = json!("ENABLED"));
        assert_refused(
            &json,
            inconsistent(&format!(
                "account 000000000000 lists {region}, not an opt-in region"
            )),
        );
    }
}

#[test]
fn snapshot_with_enabled_by_default_for_an_opt_in_region_is_inconsistent() {
    let json =
        edited(|v| v["accounts"][DEFAULT]["regions"]["ap-east-1"] = json!("ENABLED_BY_DEFAULT"));
    assert_refused(
        &json,
        inconsistent("account 000000000000 gives ap-east-1 the status ENABLED_BY_DEFAULT, which only default regions have"),
    );
}

#[test]
fn snapshot_with_a_region_in_progress_but_no_change_under_way_is_inconsistent() {
    let json = edited(|v| {
        v["accounts"][DEFAULT]["regions"]["ap-east-1"] = json!("DISABLING");
    });
    assert_refused(
        &json,
        inconsistent("ap-east-1 in 000000000000 is DISABLING but no change is in progress"),
    );
}

#[test]
fn snapshot_with_a_change_whose_target_contradicts_the_status_is_inconsistent() {
    let json = edited(|v| v["transitions"][0]["target"] = json!("DISABLED"));
    assert_refused(
        &json,
        inconsistent(
            "af-south-1 in 000000000000 is ENABLING but its change in progress leads to DISABLED",
        ),
    );
}

#[test]
fn snapshot_with_two_changes_of_one_region_is_inconsistent() {
    let json = edited(|v| {
        let t = v["transitions"][0].clone();
        v["transitions"].as_array_mut().unwrap().push(t);
    });
    assert_refused(
        &json,
        inconsistent("af-south-1 in 000000000000 has more than one change in progress"),
    );
}

#[test]
fn snapshot_with_a_change_for_a_region_not_in_progress_is_inconsistent() {
    let json = edited(|v| v["accounts"][DEFAULT]["regions"]["af-south-1"] = json!("ENABLED"));
    assert_refused(
        &json,
        inconsistent("a change of af-south-1 in 000000000000 is in progress but the region is not ENABLING or DISABLING"),
    );
}

#[test]
fn snapshot_with_an_organization_member_that_does_not_exist_is_inconsistent() {
    let json = edited(|v| {
        v["organizations"][0]["members"]
            .as_array_mut()
            .unwrap()
            .push(json!("999999999999"))
    });
    let org = snapshot_value(&populated())["organizations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_refused(
        &json,
        inconsistent(&format!(
            "organization {org} names unknown account 999999999999"
        )),
    );
}

#[test]
fn snapshot_with_an_organization_lacking_its_management_account_is_inconsistent() {
    let json = edited(|v| v["organizations"][0]["managementAccountId"] = json!(DEFAULT));
    let org = snapshot_value(&populated())["organizations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_refused(
        &json,
        inconsistent(&format!(
            "organization {org} does not contain its management account"
        )),
    );
}

#[test]
fn snapshot_with_a_delegated_administrator_outside_the_organization_is_inconsistent() {
    let org = snapshot_value(&populated())["organizations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let outside = edited(|v| v["organizations"][0]["delegatedAdministrator"] = json!(DEFAULT));
    assert_refused(
        &outside,
        inconsistent(&format!(
            "the delegated administrator of organization {org} must be a member other than the management account"
        )),
    );
    let management =
        edited(|v| v["organizations"][0]["delegatedAdministrator"] = json!("111111111111"));
    assert_refused(
        &management,
        inconsistent(&format!(
            "the delegated administrator of organization {org} must be a member other than the management account"
        )),
    );
}

#[test]
fn snapshot_with_an_account_in_two_organizations_is_inconsistent() {
    let json = edited(|v| {
        let mut second = v["organizations"][0].clone();
        second["id"] = json!("o-second0000");
        second["delegatedAdministrator"] = Value::Null;
        second["members"] = json!(["111111111111"]);
        v["organizations"].as_array_mut().unwrap().push(second);
    });
    assert_refused(
        &json,
        inconsistent("account 111111111111 belongs to more than one organization"),
    );
}

#[test]
fn parse_checks_a_snapshot_without_an_engine() {
    let original = populated();
    let state = parse(&original.engine.snapshot()).unwrap();
    assert_eq!(&state, original.engine.state());
    assert_eq!(parse("[]"), Err(SnapshotError::MissingVersion));
}

#[test]
fn reset_returns_to_a_fresh_sandbox() {
    let mut sandbox = populated();
    sandbox.clock.advance(1_000);
    sandbox.engine.reset();
    let state = sandbox.engine.state();
    assert_eq!(state.accounts.len(), 1);
    assert!(state.organizations.is_empty());
    assert!(state.transitions.is_empty());
    assert_eq!(sandbox.engine.events().count(), 0);
    let info = sandbox.call("/getAccountInformation", json!({}));
    assert_eq!(info.ok()["AccountName"], "Sandbox account");
    assert_eq!(info.ok()["AccountCreatedDate"], "2026-11-25T13:33:33Z");
}

#[test]
fn snapshot_with_organizations_api_records_that_contradict_the_organization_is_inconsistent() {
    let org = snapshot_value(&populated())["organizations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let cases = [
        (
            edited(|v| {
                v["organizations"][0]["joined"][DEFAULT] = json!({"method": "INVITED", "at": 0})
            }),
            format!("organization {org} records how {DEFAULT} joined, but it is not a member"),
        ),
        (
            edited(|v| v["organizations"][0]["trustedAccess"] = json!(false)),
            format!("organization {org} dates a trusted access that is not enabled"),
        ),
        (
            edited(|v| v["organizations"][0]["delegatedAdministrator"] = Value::Null),
            format!("organization {org} dates a delegated administrator it does not have"),
        ),
        (
            edited(|v| {
                v["organizations"][0]["otherServiceAccess"] = json!({"account.amazonaws.com": 1})
            }),
            format!(
                "organization {org} lists account.amazonaws.com among its other service principals"
            ),
        ),
        (
            edited(|v| {
                v["organizations"][0]["otherServiceAccess"] = json!({"example.com": 1})
            }),
            format!("organization {org} lists example.com among its other service principals"),
        ),
        (
            edited(|v| {
                v["organizations"][0]["createAccountRequests"] = json!({"car-0123456789abcdef": {
                    "accountName": "Gone",
                    "requested": 0,
                    "outcome": {"succeeded": {"accountId": "999999999999"}},
                }})
            }),
            format!("create account request car-0123456789abcdef of organization {org} names unknown account 999999999999"),
        ),
    ];
    for (json, message) in cases {
        assert_refused(&json, inconsistent(&message));
    }
}

#[test]
fn snapshot_of_a_failed_create_account_request_round_trips() {
    let json = edited(|v| {
        v["organizations"][0]["createAccountRequests"] = json!({"car-0123456789abcdef": {
            "accountName": "Dup",
            "requested": 5,
            "outcome": {"failed": {"reason": "EMAIL_ALREADY_EXISTS"}},
        }})
    });
    let mut sandbox = sandbox();
    sandbox.engine.restore(&json).unwrap();
    let saved: Value = serde_json::from_str(&sandbox.engine.snapshot()).unwrap();
    assert_eq!(saved, serde_json::from_str::<Value>(&json).unwrap());
}
