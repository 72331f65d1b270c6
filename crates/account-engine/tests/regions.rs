//! ListRegions, GetRegionOptStatus, EnableRegion and DisableRegion.

mod common;

use account_engine::{Config, Timings};
use common::*;
use serde_json::{json, Value};

const LIST: &str = "/listRegions";
const GET: &str = "/getRegionOptStatus";
const ENABLE: &str = "/enableRegion";
const DISABLE: &str = "/disableRegion";
const INVALID_TARGET: &str = "Unable to switch region status because of its current opt-in status.";

fn region(name: &str) -> serde_json::Value {
    json!({ "RegionName": name })
}

fn conflict(account: &str, region: &str) -> String {
    format!(
        "Account {account} and region {region} is currently being enabled or disabled. Please wait until it finishes and then try again."
    )
}

fn enable(sandbox: &mut Sandbox, name: &str) {
    sandbox.call(ENABLE, region(name)).ok();
}

fn enabled(sandbox: &mut Sandbox, name: &str) {
    enable(sandbox, name);
    sandbox.clock.advance(ENABLE_MS);
    assert_eq!(sandbox.region_status(name), "ENABLED");
}

#[test]
fn list_regions_has_34_regions_17_opt_in_disabled_and_17_enabled_by_default() {
    let mut sandbox = sandbox();
    let all = sandbox.all_regions(None);
    assert_eq!(all.len(), 34);
    let disabled: Vec<&str> = all
        .iter()
        .filter(|(_, s)| s == "DISABLED")
        .map(|(r, _)| r.as_str())
        .collect();
    assert_eq!(disabled, OPT_IN);
    assert_eq!(
        all.iter()
            .filter(|(_, s)| s == "ENABLED_BY_DEFAULT")
            .count(),
        17
    );
}

#[test]
fn list_regions_sorts_by_region_name() {
    let mut sandbox = sandbox();
    let names: Vec<String> = sandbox
        .all_regions(None)
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.first().map(String::as_str), Some("af-south-1"));
    assert_eq!(names.last().map(String::as_str), Some("us-west-2"));
}

#[test]
fn list_regions_returns_20_per_page_by_default_and_omits_next_token_on_the_last_page() {
    let mut sandbox = sandbox();
    let first = sandbox.call(LIST, json!({}));
    let first = first.ok();
    assert_eq!(first["Regions"].as_array().unwrap().len(), 20);
    let token = first["NextToken"].as_str().expect("a NextToken").to_owned();
    let second = sandbox.call(LIST, json!({ "NextToken": token }));
    let second = second.ok();
    assert_eq!(second["Regions"].as_array().unwrap().len(), 14);
    assert!(second.get("NextToken").is_none(), "{second}");
    let whole = sandbox.call(LIST, json!({ "MaxResults": 50 }));
    let mut pages = first["Regions"].as_array().unwrap().clone();
    pages.extend(second["Regions"].as_array().unwrap().iter().cloned());
    assert_eq!(&json!(pages), &whole.ok()["Regions"]);
}

#[test]
fn list_regions_with_max_results_50_fits_on_one_page() {
    let mut sandbox = sandbox();
    let reply = sandbox.call(LIST, json!({ "MaxResults": 50 }));
    assert_eq!(reply.ok()["Regions"].as_array().unwrap().len(), 34);
    assert!(reply.ok().get("NextToken").is_none());
}

#[test]
fn list_regions_max_results_is_between_1_and_50() {
    run_cases(
        |_| {},
        vec![
            Case {
                path: LIST,
                body: json!({"MaxResults": 0}),
                expect: Expect::Field(
                    "MaxResults",
                    "[numeric instance is lower than the required minimum (minimum: 1, found: 0)]"
                        .into(),
                ),
            },
            Case {
                path: LIST,
                body: json!({"MaxResults": 51}),
                expect: Expect::Field(
                    "MaxResults",
                    "[numeric instance is greater than the required maximum (maximum: 50, found: 51)]"
                        .into(),
                ),
            },
            Case {
                path: LIST,
                body: json!({"MaxResults": 1}),
                expect: Expect::Ok,
            },
        ],
    );
}

#[test]
fn list_regions_max_results_beyond_the_64_bit_range_is_greater_than_the_maximum() {
    let mut sandbox = sandbox();
    let reply = sandbox.raw(LIST, br#"{"MaxResults": 18446744073709551615}"#);
    reply.assert_field(
        "MaxResults",
        "[numeric instance is greater than the required maximum (maximum: 50, found: 18446744073709551615)]",
    );
    let reply = sandbox.raw(LIST, br#"{"MaxResults": -9223372036854775808}"#);
    reply.assert_field(
        "MaxResults",
        "[numeric instance is lower than the required minimum (minimum: 1, found: -9223372036854775808)]",
    );
}

#[test]
fn list_regions_filters_by_status() {
    let mut sandbox = sandbox();
    enabled(&mut sandbox, "af-south-1");
    enable(&mut sandbox, "me-south-1");
    let enabled_or_enabling = sandbox.all_regions(Some(&["ENABLING", "ENABLED"]));
    assert_eq!(
        enabled_or_enabling,
        [
            ("af-south-1".to_owned(), "ENABLED".to_owned()),
            ("me-south-1".to_owned(), "ENABLING".to_owned()),
        ]
    );
    assert_eq!(sandbox.all_regions(Some(&["DISABLED"])).len(), 15);
    assert_eq!(sandbox.all_regions(Some(&["DISABLING"])), []);
    assert_eq!(sandbox.all_regions(Some(&[])).len(), 34);
}

#[test]
fn list_regions_unknown_filter_status_is_not_found_in_enum() {
    let mut cases = Vec::new();
    for bad in ["enabled", "ENABLE", ""] {
        cases.push(Case {
            path: LIST,
            body: json!({"RegionOptStatusContains": ["DISABLED", bad]}),
            expect: Expect::Bare(
                "RegionOptStatusContains",
                format!(
                    "[instance value (\"{bad}\") not found in enum (possible values: [{ALL_STATUSES}])]"
                ),
            ),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn list_regions_malformed_next_token_is_rejected() {
    let mut cases = Vec::new();
    for bad in ["garbage", "0100140000000000000000", "ééé"] {
        cases.push(Case {
            path: LIST,
            body: json!({"NextToken": bad}),
            expect: Expect::Field("NextToken", "NextToken is malformed".into()),
        });
    }
    let too_long_token = "a".repeat(1001);
    cases.push(Case {
        path: LIST,
        body: json!({"NextToken": too_long_token}),
        expect: Expect::Field("NextToken", too_long(&too_long_token, 1000)),
    });
    run_cases(|_| {}, cases);
}

#[test]
fn list_regions_next_token_is_bound_to_its_filter_and_account() {
    let mut sandbox = sandbox();
    let first = sandbox.call(LIST, json!({"MaxResults": 5}));
    let token = first.ok()["NextToken"].as_str().unwrap().to_owned();
    sandbox
        .call(
            LIST,
            json!({"MaxResults": 5, "NextToken": token, "RegionOptStatusContains": ["DISABLED"]}),
        )
        .assert_field("NextToken", "NextToken is malformed");
    sandbox
        .call_as(
            "111111111111",
            LIST,
            json!({"MaxResults": 5, "NextToken": token}),
        )
        .assert_field("NextToken", "NextToken is malformed");
    let same = sandbox.call(LIST, json!({"MaxResults": 5, "NextToken": token}));
    assert_eq!(same.ok()["Regions"][0]["RegionName"], "ap-northeast-3");
}

#[test]
fn list_regions_empty_next_token_starts_at_the_beginning() {
    let mut sandbox = sandbox();
    let reply = sandbox.call(LIST, json!({"NextToken": ""}));
    assert_eq!(reply.ok()["Regions"][0]["RegionName"], "af-south-1");
}

#[test]
fn get_region_opt_status_reports_enabled_by_default_and_disabled() {
    let mut sandbox = sandbox();
    assert_eq!(sandbox.region_status("us-east-1"), "ENABLED_BY_DEFAULT");
    assert_eq!(sandbox.region_status("af-south-1"), "DISABLED");
    let reply = sandbox.call(GET, region("eu-south-2"));
    assert_eq!(
        reply.ok(),
        &json!({"RegionName": "eu-south-2", "RegionOptStatus": "DISABLED"})
    );
}

#[test]
fn enable_region_goes_enabling_then_enabled_after_the_configured_duration() {
    let mut sandbox = sandbox();
    assert_eq!(sandbox.call(ENABLE, region("af-south-1")).ok(), &json!({}));
    assert_eq!(sandbox.region_status("af-south-1"), "ENABLING");
    sandbox.clock.advance(ENABLE_MS - 1);
    assert_eq!(sandbox.region_status("af-south-1"), "ENABLING");
    sandbox.clock.advance(1);
    assert_eq!(sandbox.region_status("af-south-1"), "ENABLED");
}

#[test]
fn disable_region_goes_disabling_then_disabled_after_the_configured_duration() {
    let mut sandbox = sandbox();
    enabled(&mut sandbox, "ap-east-1");
    assert_eq!(sandbox.call(DISABLE, region("ap-east-1")).ok(), &json!({}));
    assert_eq!(sandbox.region_status("ap-east-1"), "DISABLING");
    sandbox.clock.advance(DISABLE_MS - 1);
    assert_eq!(sandbox.region_status("ap-east-1"), "DISABLING");
    sandbox.clock.advance(1);
    assert_eq!(sandbox.region_status("ap-east-1"), "DISABLED");
    let stored = &sandbox.engine.state().accounts[DEFAULT].regions;
    assert!(!stored.contains_key("ap-east-1"), "{stored:?}");
    enable(&mut sandbox, "ap-east-1");
    assert_eq!(sandbox.region_status("ap-east-1"), "ENABLING");
}

#[test]
fn region_durations_default_to_the_observed_ones() {
    assert_eq!(Config::default().timings, Timings::REALISTIC);
    assert_eq!(Timings::REALISTIC.enable, 137_000);
    assert_eq!(Timings::REALISTIC.disable, 50_000);
}

#[test]
fn set_timings_applies_to_changes_started_afterwards() {
    let mut sandbox = sandbox();
    enable(&mut sandbox, "af-south-1");
    sandbox.engine.set_timings(Timings {
        enable: 1_000,
        disable: 1_000,
        primary_email: 1_000,
    });
    enable(&mut sandbox, "ap-east-1");
    sandbox.clock.advance(1_000);
    assert_eq!(sandbox.region_status("ap-east-1"), "ENABLED");
    assert_eq!(sandbox.region_status("af-south-1"), "ENABLING");
    assert_eq!(sandbox.engine.next_completion(), Some(START + ENABLE_MS));
}

#[test]
fn enable_region_while_enabling_is_a_conflict() {
    let mut sandbox = sandbox();
    enable(&mut sandbox, "af-south-1");
    sandbox.call(ENABLE, region("af-south-1")).assert_error(
        "ConflictException",
        409,
        &conflict(DEFAULT, "af-south-1"),
    );
    sandbox.call(DISABLE, region("af-south-1")).assert_error(
        "ConflictException",
        409,
        &conflict(DEFAULT, "af-south-1"),
    );
}

#[test]
fn disable_region_while_disabling_is_a_conflict() {
    let mut sandbox = sandbox();
    enabled(&mut sandbox, "il-central-1");
    sandbox.call(DISABLE, region("il-central-1")).ok();
    for path in [ENABLE, DISABLE] {
        sandbox.call(path, region("il-central-1")).assert_error(
            "ConflictException",
            409,
            &conflict(DEFAULT, "il-central-1"),
        );
    }
}

#[test]
fn enable_region_when_enabled_is_an_invalid_region_opt_target() {
    let mut sandbox = sandbox();
    enabled(&mut sandbox, "af-south-1");
    sandbox
        .call(ENABLE, region("af-south-1"))
        .assert_validation(
            "invalidRegionOptTarget",
            INVALID_TARGET,
            &[("RegionName", INVALID_TARGET)],
        );
}

#[test]
fn disable_region_when_disabled_is_an_invalid_region_opt_target() {
    let mut sandbox = sandbox();
    sandbox
        .call(DISABLE, region("af-south-1"))
        .assert_validation(
            "invalidRegionOptTarget",
            INVALID_TARGET,
            &[("RegionName", INVALID_TARGET)],
        );
}

#[test]
fn enable_or_disable_of_an_enabled_by_default_region_is_an_invalid_region_opt_target() {
    let mut sandbox = sandbox();
    for path in [ENABLE, DISABLE] {
        for name in ["us-east-1", "eu-west-1", "sa-east-1"] {
            sandbox.call(path, region(name)).assert_validation(
                "invalidRegionOptTarget",
                INVALID_TARGET,
                &[("RegionName", INVALID_TARGET)],
            );
        }
    }
    assert_eq!(sandbox.region_status("us-east-1"), "ENABLED_BY_DEFAULT");
}

#[test]
fn unknown_region_is_not_valid_for_opt_in_or_opt_out() {
    let mut cases = Vec::new();
    for path in [GET, ENABLE, DISABLE] {
        for bad in ["mars-north-1", "us-east-1 ", "useast1"] {
            cases.push(Case {
                path,
                body: region(bad),
                expect: Expect::Field(
                    "RegionName",
                    format!("{bad} is not a valid region for opt-in or opt-out."),
                ),
            });
        }
    }
    run_cases(|_| {}, cases);
}

#[test]
fn region_code_in_upper_case_is_access_denied() {
    let mut cases = Vec::new();
    for (path, operation) in [
        (GET, "GetRegionOptStatus"),
        (ENABLE, "EnableRegion"),
        (DISABLE, "DisableRegion"),
    ] {
        for upper in ["AF-SOUTH-1", "Af-south-1", "MARS-NORTH-1"] {
            cases.push(Case {
                path,
                body: region(upper),
                expect: Expect::Error(
                    "AccessDeniedException",
                    403,
                    denied(
                        &arn(DEFAULT),
                        operation,
                        "You specified an invalid target region.",
                    ),
                ),
            });
        }
    }
    run_cases(|_| {}, cases);
}

#[test]
fn region_name_is_required_and_at_most_50_characters() {
    let long = "a".repeat(51);
    let mut cases = Vec::new();
    for path in [GET, ENABLE, DISABLE] {
        cases.push(Case {
            path,
            body: json!({}),
            expect: Expect::Field("RegionName", missing("RegionName")),
        });
        cases.push(Case {
            path,
            body: region(&long),
            expect: Expect::Field("RegionName", too_long(&long, 50)),
        });
        cases.push(Case {
            path,
            body: region(""),
            expect: Expect::Field("RegionName", too_short("", 1)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn more_than_6_region_changes_in_progress_per_account_are_too_many_requests() {
    let mut sandbox = sandbox();
    for name in &OPT_IN[..6] {
        enable(&mut sandbox, name);
    }
    sandbox.call(ENABLE, region(OPT_IN[6])).assert_error(
        "TooManyRequestsException",
        429,
        "Account 000000000000 already has 6 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again.",
    );
    assert_eq!(sandbox.region_status(OPT_IN[6]), "DISABLED");
    sandbox
        .call_as("111111111111", ENABLE, region(OPT_IN[6]))
        .ok();
    sandbox.clock.advance(ENABLE_MS);
    enable(&mut sandbox, OPT_IN[6]);
}

#[test]
fn disable_region_counts_toward_the_account_quota() {
    let mut sandbox = sandbox();
    enabled(&mut sandbox, OPT_IN[0]);
    sandbox.call(DISABLE, region(OPT_IN[0])).ok();
    for name in &OPT_IN[1..6] {
        enable(&mut sandbox, name);
    }
    let reply = sandbox.call(ENABLE, region(OPT_IN[6]));
    assert_eq!(reply.status, 429);
    sandbox.clock.advance(DISABLE_MS);
    enable(&mut sandbox, OPT_IN[6]);
}

#[test]
fn region_statuses_are_per_account() {
    let mut sandbox = sandbox();
    sandbox
        .call_as("111111111111", ENABLE, region("af-south-1"))
        .ok();
    assert_eq!(
        sandbox.region_status_of("111111111111", "af-south-1"),
        "ENABLING"
    );
    assert_eq!(sandbox.region_status("af-south-1"), "DISABLED");
    sandbox
        .call_as("111111111111", ENABLE, region("af-south-1"))
        .assert_error(
            "ConflictException",
            409,
            &conflict("111111111111", "af-south-1"),
        );
}

#[test]
fn rejected_region_changes_change_nothing() {
    let mut sandbox = sandbox();
    enable(&mut sandbox, "af-south-1");
    let before = sandbox.engine.snapshot();
    for (path, name) in [
        (ENABLE, "af-south-1"),
        (DISABLE, "af-south-1"),
        (DISABLE, "ap-east-1"),
        (ENABLE, "us-east-1"),
        (ENABLE, "AP-EAST-1"),
        (ENABLE, "nowhere-1"),
    ] {
        assert_ne!(sandbox.call(path, region(name)).status, 200);
    }
    assert_eq!(sandbox.engine.snapshot(), before);
}

/// A token resumes after the last region it returned: a region of an
/// earlier page that leaves the filter (DISABLED to ENABLING) between pages
/// skips no other.
#[test]
fn list_regions_pages_skip_nothing_when_a_status_changes_between_them() {
    let mut sandbox = sandbox();
    let disabled = json!({"RegionOptStatusContains": ["DISABLED"], "MaxResults": 50});
    let all: Vec<String> = sandbox.call(LIST, disabled).ok()["Regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["RegionName"].as_str().unwrap().to_owned())
        .collect();
    let page = |sandbox: &mut Sandbox, token: Option<&str>| {
        let mut body = json!({"RegionOptStatusContains": ["DISABLED"], "MaxResults": 3});
        if let Some(token) = token {
            body["NextToken"] = json!(token);
        }
        sandbox.call(LIST, body).ok().clone()
    };
    let names = |reply: &Value| -> Vec<String> {
        reply["Regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["RegionName"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = page(&mut sandbox, None);
    assert_eq!(names(&first), all[..3]);
    sandbox.call(ENABLE, json!({"RegionName": all[0]})).ok();
    let second = page(&mut sandbox, first["NextToken"].as_str());
    assert_eq!(names(&second), all[3..6]);
}
