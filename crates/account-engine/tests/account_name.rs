//! PutAccountName and GetAccountInformation.

mod common;

use account_engine::FieldError;
use common::*;
use serde_json::json;

const PUT: &str = "/putAccountName";
const INFO: &str = "/getAccountInformation";
const NAME_PATTERN: &str = "^[ -;=?-~]+$";
const BLANK: &str = "The input AccountName must not be null or only whitespace.";

#[test]
fn get_account_information_of_the_default_account() {
    let mut sandbox = sandbox();
    sandbox.clock.advance(3_600_000);
    let reply = sandbox.call(INFO, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({
            "AccountId": "000000000000",
            "AccountName": "Sandbox account",
            "AccountCreatedDate": START_ISO,
            "AccountState": "ACTIVE",
        })
    );
}

#[test]
fn get_account_information_of_a_new_caller_account_created_on_first_use() {
    let mut sandbox = sandbox();
    sandbox.clock.advance(61_000);
    let reply = sandbox.call_as("123456789012", INFO, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({
            "AccountId": "123456789012",
            "AccountName": "Account 123456789012",
            "AccountCreatedDate": "2026-11-25T13:34:33Z",
            "AccountState": "ACTIVE",
        })
    );
    sandbox.clock.advance(61_000);
    let again = sandbox.call_as("123456789012", INFO, json!({}));
    assert_eq!(again.ok()["AccountCreatedDate"], "2026-11-25T13:34:33Z");
}

#[test]
fn put_account_name_then_get_account_information_shows_it() {
    let mut sandbox = sandbox();
    assert_eq!(
        sandbox
            .call(PUT, json!({"AccountName": "Prod #1 (EU)"}))
            .ok(),
        &json!({})
    );
    let reply = sandbox.call(INFO, json!({}));
    assert_eq!(reply.ok()["AccountName"], "Prod #1 (EU)");
}

#[test]
fn put_account_name_trims() {
    let mut sandbox = sandbox();
    sandbox
        .call(PUT, json!({"AccountName": "   Staging  "}))
        .ok();
    let reply = sandbox.call(INFO, json!({}));
    assert_eq!(reply.ok()["AccountName"], "Staging");
}

#[test]
fn put_account_name_blank_after_trimming_must_not_be_only_whitespace() {
    let mut sandbox = sandbox();
    for blank in [" ", "     "] {
        let reply = sandbox.call(PUT, json!({ "AccountName": blank }));
        assert_eq!(
            (reply.status, reply.error_type.as_deref(), &reply.body),
            (400, None, &json!({ "message": BLANK })),
            "a 400 without x-amzn-ErrorType"
        );
        assert_eq!(
            reply.fields,
            [FieldError::new("AccountName", BLANK)],
            "forms still learn the field"
        );
    }
    let reply = sandbox.call(INFO, json!({}));
    assert_eq!(reply.ok()["AccountName"], "Sandbox account");
}

#[test]
fn put_account_name_pattern_failure_quotes_the_regex_and_the_value() {
    let mut cases = Vec::new();
    for bad in ["a<b", "x>y", "café", "tab\there", "new\nline"] {
        cases.push(Case {
            path: PUT,
            body: json!({ "AccountName": bad }),
            expect: Expect::Bare("AccountName", regex_mismatch(NAME_PATTERN, bad)),
        });
    }
    for good in ["~!@#$%^&*()_+{}|:\"?`-=[]\\;',./", "A"] {
        cases.push(Case {
            path: PUT,
            body: json!({ "AccountName": good }),
            expect: Expect::Ok,
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn put_account_name_is_1_to_50_characters_and_required() {
    let long = "n".repeat(51);
    run_cases(
        |_| {},
        vec![
            Case {
                path: PUT,
                body: json!({ "AccountName": "n".repeat(50) }),
                expect: Expect::Ok,
            },
            Case {
                path: PUT,
                body: json!({ "AccountName": long }),
                expect: Expect::Bare("AccountName", too_long(&long, 50)),
            },
            Case {
                path: PUT,
                body: json!({ "AccountName": "" }),
                expect: Expect::Bare("AccountName", too_short("", 1)),
            },
            Case {
                path: PUT,
                body: json!({}),
                expect: Expect::Bare("AccountName", missing("AccountName")),
            },
        ],
    );
}

#[test]
fn account_names_belong_to_the_calling_account() {
    let mut sandbox = sandbox();
    sandbox
        .call_as("222222222222", PUT, json!({"AccountName": "Two"}))
        .ok();
    let two = sandbox.call_as("222222222222", INFO, json!({}));
    assert_eq!(two.ok()["AccountName"], "Two");
    let default = sandbox.call(INFO, json!({}));
    assert_eq!(default.ok()["AccountName"], "Sandbox account");
}
