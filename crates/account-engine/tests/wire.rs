//! The restJson1 wire: paths, bodies, error shapes and caller identity.

mod common;

use account_engine::{ApiError, Operation};
use common::*;
use serde_json::json;

#[test]
fn every_operation_is_served_at_its_lower_camel_case_path() {
    let paths: Vec<String> = Operation::ALL.iter().map(|op| op.path()).collect();
    assert_eq!(
        paths,
        [
            "/putContactInformation",
            "/getContactInformation",
            "/putAlternateContact",
            "/getAlternateContact",
            "/deleteAlternateContact",
            "/listRegions",
            "/getRegionOptStatus",
            "/enableRegion",
            "/disableRegion",
            "/putAccountName",
            "/getAccountInformation",
            "/getPrimaryEmail",
            "/startPrimaryEmailUpdate",
            "/acceptPrimaryEmailUpdate",
            "/getPrimaryEmailUpdateStatus",
            "/sendPhoneNumberVerification",
            "/verifyPhoneNumber",
            "/getGovCloudAccountInformation",
        ]
    );
    let mut sandbox = sandbox();
    for path in &paths {
        let reply = sandbox.call(path, json!({}));
        assert_ne!(
            reply.error_type.as_deref(),
            Some("UnknownOperationException"),
            "{path}"
        );
    }
}

#[test]
fn unknown_path_is_404_unknown_operation() {
    let mut cases = Vec::new();
    for path in [
        "/",
        "/nope",
        "/PutContactInformation",
        "/listregions",
        "/listRegions/x",
    ] {
        cases.push(Case {
            path,
            body: json!({}),
            expect: Expect::Error(
                "UnknownOperationException",
                404,
                format!("No operation is served at {path}."),
            ),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn trailing_slash_and_query_string_reach_the_operation() {
    let mut sandbox = sandbox();
    assert_eq!(
        sandbox.call("/getAccountInformation/", json!({})).status,
        200
    );
    assert_eq!(
        sandbox.call("/getAccountInformation?x=1", json!({})).status,
        200
    );
}

#[test]
fn malformed_json_is_400_serialization_exception() {
    let mut sandbox = sandbox();
    let reply = sandbox.raw("/listRegions", b"{\"MaxResults\": ");
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_type.as_deref(), Some("SerializationException"));
    let message = reply.body["message"].as_str().unwrap();
    assert!(
        message.starts_with("The request body is not valid JSON: "),
        "{message}"
    );
    let reply = sandbox.raw("/listRegions", &[0xff, 0xfe, b'{']);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_type.as_deref(), Some("SerializationException"));
}

#[test]
fn a_body_that_is_not_a_json_object_is_400_serialization_exception() {
    let mut sandbox = sandbox();
    for body in ["[]", "\"text\"", "42", "null", "true"] {
        sandbox.raw("/listRegions", body.as_bytes()).assert_error(
            "SerializationException",
            400,
            "The request body must be a JSON object.",
        );
    }
}

#[test]
fn an_empty_body_stands_for_an_empty_object() {
    let mut sandbox = sandbox();
    for body in ["", "  \n"] {
        let reply = sandbox.raw("/getAccountInformation", body.as_bytes());
        assert_eq!(reply.ok()["AccountId"], "000000000000");
    }
}

#[test]
fn wrong_member_types_are_400_validation_exceptions() {
    let cases = [
        (
            "/listRegions",
            json!({"MaxResults": "5"}),
            "MaxResults",
            "string",
            "integer",
        ),
        (
            "/listRegions",
            json!({"MaxResults": 2.5}),
            "MaxResults",
            "number",
            "integer",
        ),
        (
            "/listRegions",
            json!({"MaxResults": true}),
            "MaxResults",
            "boolean",
            "integer",
        ),
        (
            "/listRegions",
            json!({"NextToken": 7}),
            "NextToken",
            "integer",
            "string",
        ),
        (
            "/listRegions",
            json!({"RegionOptStatusContains": "ENABLED"}),
            "RegionOptStatusContains",
            "string",
            "array",
        ),
        (
            "/listRegions",
            json!({"RegionOptStatusContains": ["ENABLED", 1]}),
            "RegionOptStatusContains",
            "integer",
            "string",
        ),
        (
            "/getRegionOptStatus",
            json!({"RegionName": ["us-east-1"]}),
            "RegionName",
            "array",
            "string",
        ),
        (
            "/enableRegion",
            json!({"RegionName": {"a": 1}}),
            "RegionName",
            "object",
            "string",
        ),
        (
            "/getAccountInformation",
            json!({"AccountId": 123456789012u64}),
            "AccountId",
            "integer",
            "string",
        ),
        (
            "/putAccountName",
            json!({"AccountName": false}),
            "AccountName",
            "boolean",
            "string",
        ),
        (
            "/putAlternateContact",
            json!({"AlternateContactType": 3}),
            "AlternateContactType",
            "integer",
            "string",
        ),
        (
            "/getAlternateContact",
            json!({"AlternateContactType": null, "AccountId": []}),
            "AccountId",
            "array",
            "string",
        ),
        (
            "/putContactInformation",
            json!({"ContactInformation": "x"}),
            "ContactInformation",
            "string",
            "object",
        ),
        (
            "/putContactInformation",
            json!({"ContactInformation": {"FullName": 1}}),
            "FullName",
            "integer",
            "string",
        ),
    ];
    let mut sandbox = sandbox();
    for (path, body, field, actual, allowed) in cases {
        let reply = sandbox.call(path, body.clone());
        assert_eq!(reply.status, 400, "{path} {body}");
        let message = wrong_type(actual, allowed);
        // PutContactInformation's and PutAccountName's ValidationExceptions
        // are the message alone, whichever check refused (observed).
        if ["/putContactInformation", "/putAccountName"].contains(&path) {
            reply.assert_bare(&message, &[(field, &message)]);
        } else {
            reply.assert_field(field, &message);
        }
    }
}

#[test]
fn a_bad_account_id_of_a_bare_operation_is_bare_too() {
    let mut sandbox = sandbox();
    let message = regex_mismatch(r"^\d{12}$", "123");
    for (path, body) in [
        (
            "/putAccountName",
            json!({"AccountName": "Ops", "AccountId": "123"}),
        ),
        (
            "/putContactInformation",
            json!({"AccountId": "123", "ContactInformation": contact()}),
        ),
    ] {
        sandbox
            .call(path, body)
            .assert_bare(&message, &[("AccountId", &message)]);
    }
    // Another operation's keeps its reason and field list.
    sandbox
        .call("/getAccountInformation", json!({"AccountId": "123"}))
        .assert_field("AccountId", &message);
}

#[test]
fn null_members_count_as_absent() {
    let mut sandbox = sandbox();
    let reply = sandbox.call(
        "/listRegions",
        json!({"MaxResults": null, "NextToken": null}),
    );
    assert_eq!(reply.ok()["Regions"].as_array().unwrap().len(), 20);
    sandbox
        .call("/putAccountName", json!({"AccountName": null}))
        .assert_bare(
            &missing("AccountName"),
            &[("AccountName", &missing("AccountName"))],
        );
}

#[test]
fn unknown_members_are_ignored() {
    let mut sandbox = sandbox();
    let reply = sandbox.call("/getAccountInformation", json!({"Extra": [1, 2]}));
    assert_eq!(reply.ok()["AccountId"], "000000000000");
}

#[test]
fn account_id_must_be_twelve_digits() {
    let mut cases = Vec::new();
    for bad in [
        "12345678901",
        "1234567890123",
        "12345678901a",
        "",
        " 123456789012",
    ] {
        for path in [
            "/getAccountInformation",
            "/listRegions",
            "/getContactInformation",
        ] {
            cases.push(Case {
                path,
                body: json!({ "AccountId": bad }),
                expect: Expect::Field("AccountId", regex_mismatch(r"^\d{12}$", bad)),
            });
        }
    }
    run_cases(|_| {}, cases);
}

#[test]
fn schema_errors_come_before_access_rules() {
    let mut sandbox = sandbox();
    sandbox
        .call(
            "/putAccountName",
            json!({"AccountName": "", "AccountId": "111111111111"}),
        )
        .assert_bare(&too_short("", 1), &[("AccountName", &too_short("", 1))]);
}

#[test]
fn success_is_200_with_a_json_body_and_no_error_type() {
    let mut sandbox = sandbox();
    let reply = sandbox.call("/putAccountName", json!({"AccountName": "x"}));
    assert_eq!(reply.ok(), &json!({}));
}

#[test]
fn every_response_carries_a_distinct_request_id() {
    let mut sandbox = sandbox();
    let a = sandbox.engine.handle("x", "/getAccountInformation", b"{}");
    let b = sandbox.engine.handle("x", "/nope", b"{}");
    let (a, b) = (
        a.header("x-amzn-RequestId").unwrap().to_owned(),
        b.header("X-AMZN-REQUESTID").unwrap().to_owned(),
    );
    assert_ne!(a, b);
    assert_eq!(a.len(), 36);
}

#[test]
fn a_twelve_digit_access_key_id_is_the_calling_account() {
    let mut sandbox = sandbox();
    let reply = sandbox.call_as("210987654321", "/getAccountInformation", json!({}));
    assert_eq!(reply.ok()["AccountId"], "210987654321");
}

#[test]
fn any_other_access_key_id_is_the_default_account() {
    let mut sandbox = sandbox();
    for caller in ["AKIAIOSFODNN7EXAMPLE", "", "12345", "1234567890123", "test"] {
        let reply = sandbox.call_as(caller, "/getAccountInformation", json!({}));
        assert_eq!(reply.ok()["AccountId"], DEFAULT, "{caller:?}");
    }
}

#[test]
fn many_accounts_are_kept_apart_by_account_id() {
    let mut sandbox = sandbox();
    let ids: Vec<String> = (1..=50).map(|n| format!("{n:012}")).collect();
    for (n, id) in ids.iter().enumerate() {
        sandbox
            .call_as(
                id,
                "/putAccountName",
                json!({ "AccountName": format!("Account no. {n}") }),
            )
            .ok();
    }
    for (n, id) in ids.iter().enumerate() {
        let reply = sandbox.call_as(id, "/getAccountInformation", json!({}));
        assert_eq!(reply.ok()["AccountName"], format!("Account no. {n}"));
    }
    assert_eq!(sandbox.engine.state().accounts.len(), 51);
}

#[test]
fn reads_do_not_change_the_state_of_known_accounts() {
    let mut sandbox = sandbox();
    let before = sandbox.engine.snapshot();
    sandbox.call("/getAccountInformation", json!({}));
    sandbox.call("/listRegions", json!({}));
    sandbox.call(
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    );
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn wire_errors_round_trip_through_api_error() {
    let mut sandbox = sandbox();
    let response =
        sandbox
            .engine
            .handle("x", "/getRegionOptStatus", br#"{"RegionName":"nowhere-1"}"#);
    let error = response.clone().into_result().unwrap_err();
    assert_eq!(
        error,
        ApiError::field(
            "RegionName",
            "nowhere-1 is not a valid region for opt-in or opt-out."
        )
    );
    assert_eq!(error.status(), response.status);
    assert_eq!(error.body().to_string(), response.body);
    let ok = sandbox
        .engine
        .handle("x", "/getRegionOptStatus", br#"{"RegionName":"us-east-1"}"#);
    assert_eq!(
        ok.into_result().unwrap(),
        json!({"RegionName": "us-east-1", "RegionOptStatus": "ENABLED_BY_DEFAULT"})
    );
}

#[test]
fn call_runs_an_operation_on_a_parsed_input() {
    let mut sandbox = sandbox();
    let value = sandbox
        .engine
        .call(
            "x",
            Operation::GetAccountInformation,
            &serde_json::Value::Null,
        )
        .unwrap();
    assert_eq!(value["AccountId"], DEFAULT);
    assert_eq!(
        sandbox.engine.call("x", Operation::ListRegions, &json!([])),
        Err(ApiError::Serialization(
            "The request body must be a JSON object.".into()
        ))
    );
}
