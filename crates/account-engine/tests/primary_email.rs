//! GetPrimaryEmail, StartPrimaryEmailUpdate, AcceptPrimaryEmailUpdate and
//! GetPrimaryEmailUpdateStatus: the organizations context they need, the
//! one-time password in the inbox, and PENDING → ACCEPTED → COMPLETED.

mod common;

use account_engine::account::texts::{
    EMAIL_IN_USE, EMAIL_NOT_PENDING, EMAIL_UNCHANGED, EMAIL_UPDATE_IN_PROGRESS,
    NO_PENDING_EMAIL_UPDATE, WRONG_EMAIL_OTP,
};
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const ADMIN: &str = "222222222222";
const MEMBER: &str = "333333333333";
const NEW_EMAIL: &str = "new-owner@example.com";
const NO_UPDATE: &str = "No email update found for account";
const NO_TRUSTED_ACCESS: &str =
    "Your organization must first enable trusted access with AWS Account Management.";

fn organization(trusted_access: bool) -> Sandbox {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let id = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&id, ADMIN, "Admin", "admin@example.com")
        .unwrap();
    engine
        .add_member_account(&id, MEMBER, "Member", "member@example.com")
        .unwrap();
    engine.register_delegated_administrator(&id, ADMIN).unwrap();
    engine.set_trusted_access(&id, trusted_access).unwrap();
    sandbox
}

fn start(sandbox: &mut Sandbox, caller: &str, email: &str) -> Reply {
    sandbox.call_as(
        caller,
        "/startPrimaryEmailUpdate",
        json!({"AccountId": MEMBER, "PrimaryEmail": email}),
    )
}

fn accept(sandbox: &mut Sandbox, email: &str, otp: &str) -> Reply {
    sandbox.call_as(
        MANAGEMENT,
        "/acceptPrimaryEmailUpdate",
        json!({"AccountId": MEMBER, "PrimaryEmail": email, "Otp": otp}),
    )
}

fn status(sandbox: &mut Sandbox) -> Value {
    sandbox
        .call_as(
            MANAGEMENT,
            "/getPrimaryEmailUpdateStatus",
            json!({"AccountId": MEMBER}),
        )
        .ok()
        .clone()
}

fn primary_email(sandbox: &mut Sandbox) -> String {
    let reply = sandbox.call_as(MANAGEMENT, "/getPrimaryEmail", json!({"AccountId": MEMBER}));
    reply.ok()["PrimaryEmail"].as_str().unwrap().to_owned()
}

/// The newest code the inbox holds.
fn last_code(sandbox: &Sandbox) -> String {
    sandbox
        .engine
        .inbox()
        .last()
        .expect("a message")
        .code
        .clone()
}

fn epoch(millis: i64) -> Value {
    json!(millis / 1000)
}

#[test]
fn get_primary_email_returns_the_members_email() {
    let mut sandbox = organization(true);
    assert_eq!(primary_email(&mut sandbox), "member@example.com");
    let reply = sandbox.call_as(ADMIN, "/getPrimaryEmail", json!({"AccountId": MEMBER}));
    assert_eq!(reply.ok(), &json!({"PrimaryEmail": "member@example.com"}));
}

#[test]
fn the_primary_email_operations_require_account_id() {
    let mut sandbox = organization(true);
    for (path, body) in [
        ("/getPrimaryEmail", json!({})),
        (
            "/startPrimaryEmailUpdate",
            json!({"PrimaryEmail": NEW_EMAIL}),
        ),
        (
            "/acceptPrimaryEmailUpdate",
            json!({"PrimaryEmail": NEW_EMAIL, "Otp": "ABC123"}),
        ),
    ] {
        sandbox
            .call_as(MANAGEMENT, path, body)
            .assert_field("AccountId", &missing("AccountId"));
    }
}

#[test]
fn primary_email_and_otp_follow_the_model() {
    let mut sandbox = organization(true);
    let long = format!("{}@example.com", "a".repeat(53));
    start(&mut sandbox, MANAGEMENT, "a@b").assert_field("PrimaryEmail", &too_short("a@b", 5));
    start(&mut sandbox, MANAGEMENT, &long).assert_field("PrimaryEmail", &too_long(&long, 64));
    // Organizations shows the address as the member's Email, whose pattern
    // `[^\s@]+@[^\s@]+\.[^\s@]+` it must match (the sandbox's own text).
    let invalid = "The new primary email is not a valid email address.";
    for bad in [
        "notanemail",
        " x@example.com ",
        "x@example",
        "x@@example.com",
        "x@.com",
        "x@example.",
        "a b@example.com",
    ] {
        start(&mut sandbox, MANAGEMENT, bad).assert_bare(invalid, &[("PrimaryEmail", invalid)]);
    }
    for good in ["x@example.co.uk", "first.last+tag@example.com"] {
        start(&mut sandbox, MANAGEMENT, good).ok();
    }
    for bad in ["12345", "1234567", "12 456", "ABCDé1"] {
        accept(&mut sandbox, NEW_EMAIL, bad)
            .assert_field("Otp", &regex_mismatch("^[a-zA-Z0-9]{6}$", bad));
    }
    sandbox
        .call_as(
            MANAGEMENT,
            "/acceptPrimaryEmailUpdate",
            json!({"AccountId": MEMBER, "PrimaryEmail": NEW_EMAIL}),
        )
        .assert_field("Otp", &missing("Otp"));
}

#[test]
fn an_update_goes_pending_accepted_completed_by_the_clock() {
    let mut sandbox = organization(true);
    let reply = start(&mut sandbox, MANAGEMENT, NEW_EMAIL);
    assert_eq!(reply.ok(), &json!({"Status": "PENDING"}));
    assert_eq!(
        status(&mut sandbox),
        json!({"Status": "PENDING", "UpdatedAt": epoch(START)})
    );
    let message = sandbox.engine.inbox().last().unwrap().clone();
    assert_eq!(
        (message.account_id.as_str(), message.to.as_str()),
        (MEMBER, NEW_EMAIL)
    );
    assert_eq!(message.kind.as_str(), "PrimaryEmailOtp");
    assert_eq!(message.sent_at, START);
    assert!(
        message.code.len() == 6 && message.code.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{}",
        message.code
    );
    assert_eq!(
        primary_email(&mut sandbox),
        "member@example.com",
        "not before the OTP"
    );

    sandbox.clock.advance(60_000);
    let reply = accept(&mut sandbox, NEW_EMAIL, &message.code);
    assert_eq!(reply.ok(), &json!({"Status": "ACCEPTED"}));
    let accepted_at = START + 60_000;
    assert_eq!(
        status(&mut sandbox),
        json!({"Status": "ACCEPTED", "UpdatedAt": epoch(accepted_at)})
    );
    assert_eq!(
        sandbox.engine.next_completion(),
        Some(accepted_at + PRIMARY_EMAIL_MS)
    );
    assert_eq!(primary_email(&mut sandbox), "member@example.com");

    sandbox.clock.advance(PRIMARY_EMAIL_MS);
    assert_eq!(
        status(&mut sandbox),
        json!({"Status": "COMPLETED", "UpdatedAt": epoch(accepted_at + PRIMARY_EMAIL_MS)})
    );
    assert_eq!(primary_email(&mut sandbox), NEW_EMAIL);
    assert_eq!(sandbox.engine.next_completion(), None);
    let accounts = sandbox.org_as(MANAGEMENT, "ListAccounts", json!({}));
    let member = accounts.ok()["Accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["Id"] == MEMBER)
        .unwrap()
        .clone();
    assert_eq!(member["Email"], NEW_EMAIL);
}

#[test]
fn the_status_without_any_update_is_a_bare_validation_error() {
    let mut sandbox = organization(true);
    sandbox
        .call_as(
            MANAGEMENT,
            "/getPrimaryEmailUpdateStatus",
            json!({"AccountId": MEMBER}),
        )
        .assert_error("ValidationException", 400, NO_UPDATE);
    sandbox
        .call_as(MEMBER, "/getPrimaryEmailUpdateStatus", json!({}))
        .assert_error("ValidationException", 400, NO_UPDATE);
}

#[test]
fn the_standalone_status_is_the_callers_own_update() {
    let mut sandbox = organization(true);
    let otp = {
        start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
        last_code(&sandbox)
    };
    accept(&mut sandbox, NEW_EMAIL, &otp).ok();
    let own = sandbox.call_as(MEMBER, "/getPrimaryEmailUpdateStatus", json!({}));
    assert_eq!(own.ok()["Status"], "ACCEPTED");
}

#[test]
fn a_wrong_expired_or_unknown_otp_is_refused_and_changes_nothing() {
    let mut sandbox = organization(true);
    accept(&mut sandbox, NEW_EMAIL, "ABC123").assert_bare(
        NO_PENDING_EMAIL_UPDATE,
        &[("AccountId", NO_PENDING_EMAIL_UPDATE)],
    );
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    let otp = last_code(&sandbox);
    let wrong = if otp == "ZZZZZZ" { "YYYYYY" } else { "ZZZZZZ" };
    accept(&mut sandbox, NEW_EMAIL, wrong)
        .assert_bare(WRONG_EMAIL_OTP, &[("Otp", WRONG_EMAIL_OTP)]);
    accept(&mut sandbox, "other@example.com", &otp)
        .assert_bare(EMAIL_NOT_PENDING, &[("PrimaryEmail", EMAIL_NOT_PENDING)]);
    let before = sandbox.engine.snapshot();
    sandbox.clock.advance(24 * 60 * 60 * 1000 + 1);
    accept(&mut sandbox, NEW_EMAIL, &otp).assert_bare(WRONG_EMAIL_OTP, &[("Otp", WRONG_EMAIL_OTP)]);
    assert_eq!(sandbox.engine.snapshot(), before);
    assert_eq!(status(&mut sandbox)["Status"], "PENDING");
}

#[test]
fn the_otp_is_valid_for_24_hours() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    let otp = last_code(&sandbox);
    sandbox.clock.advance(24 * 60 * 60 * 1000);
    accept(&mut sandbox, NEW_EMAIL, &otp).ok();
}

#[test]
fn starting_again_while_pending_replaces_the_otp() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    let first = last_code(&sandbox);
    start(&mut sandbox, MANAGEMENT, "third@example.com").ok();
    let second = last_code(&sandbox);
    assert_eq!(sandbox.engine.inbox().count(), 2);
    if first != second {
        accept(&mut sandbox, "third@example.com", &first)
            .assert_bare(WRONG_EMAIL_OTP, &[("Otp", WRONG_EMAIL_OTP)]);
    }
    accept(&mut sandbox, NEW_EMAIL, &second)
        .assert_bare(EMAIL_NOT_PENDING, &[("PrimaryEmail", EMAIL_NOT_PENDING)]);
    accept(&mut sandbox, "third@example.com", &second).ok();
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).assert_error(
        "ConflictException",
        409,
        EMAIL_UPDATE_IN_PROGRESS,
    );
}

#[test]
fn an_address_in_use_is_a_conflict() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, "ADMIN@example.com").assert_error(
        "ConflictException",
        409,
        EMAIL_IN_USE,
    );
    start(&mut sandbox, MANAGEMENT, "member@example.com")
        .assert_bare(EMAIL_UNCHANGED, &[("PrimaryEmail", EMAIL_UNCHANGED)]);
    assert_eq!(sandbox.engine.inbox().count(), 0);
}

#[test]
fn an_address_taken_before_completion_fails_the_update() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    let otp = last_code(&sandbox);
    accept(&mut sandbox, NEW_EMAIL, &otp).ok();
    let id = sandbox.engine.state().organizations[0].id.clone();
    sandbox
        .engine
        .add_member_account(&id, "444444444444", "Late", NEW_EMAIL)
        .unwrap();
    sandbox.clock.advance(PRIMARY_EMAIL_MS);
    assert_eq!(status(&mut sandbox)["Status"], "FAILED");
    assert_eq!(primary_email(&mut sandbox), "member@example.com");
}

#[test]
fn the_management_account_naming_itself_is_access_denied() {
    let mut sandbox = organization(true);
    for (path, operation) in [
        ("/getPrimaryEmail", "GetPrimaryEmail"),
        (
            "/getPrimaryEmailUpdateStatus",
            "GetPrimaryEmailUpdateStatus",
        ),
    ] {
        sandbox
            .call_as(MANAGEMENT, path, json!({"AccountId": MANAGEMENT}))
            .assert_error(
                "AccessDeniedException",
                403,
                &denied(&arn(MANAGEMENT), operation, "Access Denied"),
            );
    }
}

#[test]
fn a_member_naming_itself_is_refused_without_a_reason() {
    let mut sandbox = organization(true);
    for (path, operation) in [
        ("/getPrimaryEmail", "GetPrimaryEmail"),
        (
            "/getPrimaryEmailUpdateStatus",
            "GetPrimaryEmailUpdateStatus",
        ),
    ] {
        sandbox
            .call_as(MEMBER, path, json!({"AccountId": MEMBER}))
            .assert_error(
                "AccessDeniedException",
                403,
                &denied_bare(&arn(MEMBER), operation),
            );
    }
}

#[test]
fn trusted_access_off_is_the_usual_refusal() {
    let mut sandbox = organization(false);
    sandbox
        .call_as(MANAGEMENT, "/getPrimaryEmail", json!({"AccountId": MEMBER}))
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&arn(MANAGEMENT), "GetPrimaryEmail", NO_TRUSTED_ACCESS),
        );
}

#[test]
fn updates_and_the_inbox_survive_a_snapshot_round_trip() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    let otp = last_code(&sandbox);
    accept(&mut sandbox, NEW_EMAIL, &otp).ok();
    let snapshot = sandbox.engine.snapshot();
    let mut restored = common::sandbox();
    restored.engine.restore(&snapshot).unwrap();
    assert_eq!(restored.engine.snapshot(), snapshot);
    assert_eq!(restored.engine.inbox_json(), sandbox.engine.inbox_json());
    restored.clock.advance(PRIMARY_EMAIL_MS);
    let reply = restored.call_as(MANAGEMENT, "/getPrimaryEmail", json!({"AccountId": MEMBER}));
    assert_eq!(reply.ok()["PrimaryEmail"], NEW_EMAIL);
}

#[test]
fn the_inbox_is_served_oldest_first_in_the_shells_form() {
    let mut sandbox = organization(true);
    start(&mut sandbox, MANAGEMENT, NEW_EMAIL).ok();
    sandbox.clock.advance(1_000);
    start(&mut sandbox, MANAGEMENT, "third@example.com").ok();
    let inbox = sandbox.engine.inbox_json();
    let messages = inbox["Messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(
        messages[0],
        json!({
            "AccountId": MEMBER,
            "To": NEW_EMAIL,
            "Kind": "PrimaryEmailOtp",
            "Code": messages[0]["Code"],
            "SentAt": START_ISO,
        })
    );
    assert_eq!(messages[1]["To"], "third@example.com");
}
