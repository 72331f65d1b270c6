//! SendPhoneNumberVerification, VerifyPhoneNumber and the VerificationStatus
//! that GetContactInformation reports for the number on file.

mod common;

use account_engine::account::texts::{
    NO_CONTACT_INFORMATION, PHONE_NUMBER_CHANGED, WRONG_PHONE_CODE,
};
use common::*;
use serde_json::{json, Value};

const SEND: &str = "/sendPhoneNumberVerification";
const VERIFY: &str = "/verifyPhoneNumber";
const FIVE_MINUTES: i64 = 5 * 60 * 1000;

fn with_contact() -> Sandbox {
    let mut sandbox = sandbox();
    put_contact(&mut sandbox, contact());
    sandbox
}

fn put_contact(sandbox: &mut Sandbox, info: Value) {
    sandbox
        .call(
            "/putContactInformation",
            json!({"ContactInformation": info}),
        )
        .ok();
}

fn verification_status(sandbox: &mut Sandbox) -> Value {
    sandbox.call("/getContactInformation", json!({})).ok()["VerificationStatus"].clone()
}

fn send(sandbox: &mut Sandbox) -> String {
    assert_eq!(
        sandbox.call(SEND, json!({})).ok(),
        &json!({"Status": "PENDING"})
    );
    sandbox.engine.inbox().last().unwrap().code.clone()
}

fn other_code(code: &str) -> String {
    if code == "000000" { "111111" } else { "000000" }.to_owned()
}

#[test]
fn a_sent_code_goes_to_the_number_on_file() {
    let mut sandbox = with_contact();
    let code = send(&mut sandbox);
    let message = sandbox.engine.inbox().last().unwrap();
    assert_eq!(message.to, "+1 206-555-0100");
    assert_eq!(message.account_id, DEFAULT);
    assert_eq!(message.kind.as_str(), "PhoneVerificationCode");
    assert!(
        code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()),
        "{code}"
    );
}

#[test]
fn the_status_stays_unverified_until_a_code_is_accepted() {
    let mut sandbox = with_contact();
    assert_eq!(verification_status(&mut sandbox), "UNVERIFIED");
    let code = send(&mut sandbox);
    assert_eq!(
        verification_status(&mut sandbox),
        "UNVERIFIED",
        "never PENDING"
    );
    let reply = sandbox.call(VERIFY, json!({"Otp": code}));
    assert_eq!(reply.ok(), &json!({"Status": "VERIFIED"}));
    assert_eq!(verification_status(&mut sandbox), "VERIFIED");
}

#[test]
fn a_wrong_or_expired_code_is_a_validation_error() {
    let mut sandbox = with_contact();
    sandbox
        .call(VERIFY, json!({"Otp": "123456"}))
        .assert_bare(WRONG_PHONE_CODE, &[("Otp", WRONG_PHONE_CODE)]);
    let code = send(&mut sandbox);
    sandbox
        .call(VERIFY, json!({"Otp": other_code(&code)}))
        .assert_bare(WRONG_PHONE_CODE, &[("Otp", WRONG_PHONE_CODE)]);
    sandbox.clock.advance(FIVE_MINUTES + 1);
    sandbox
        .call(VERIFY, json!({"Otp": code}))
        .assert_bare(WRONG_PHONE_CODE, &[("Otp", WRONG_PHONE_CODE)]);
    assert_eq!(verification_status(&mut sandbox), "UNVERIFIED");
}

#[test]
fn a_code_is_valid_for_five_minutes() {
    let mut sandbox = with_contact();
    let code = send(&mut sandbox);
    sandbox.clock.advance(FIVE_MINUTES);
    sandbox.call(VERIFY, json!({"Otp": code})).ok();
}

#[test]
fn a_new_send_voids_the_earlier_code() {
    let mut sandbox = with_contact();
    let first = send(&mut sandbox);
    let second = send(&mut sandbox);
    if first != second {
        sandbox
            .call(VERIFY, json!({"Otp": first}))
            .assert_bare(WRONG_PHONE_CODE, &[("Otp", WRONG_PHONE_CODE)]);
    }
    sandbox.call(VERIFY, json!({"Otp": second})).ok();
}

#[test]
fn a_code_works_once() {
    let mut sandbox = with_contact();
    let code = send(&mut sandbox);
    sandbox.call(VERIFY, json!({"Otp": code})).ok();
    sandbox
        .call(VERIFY, json!({"Otp": code}))
        .assert_bare(WRONG_PHONE_CODE, &[("Otp", WRONG_PHONE_CODE)]);
}

#[test]
fn a_number_changed_between_send_and_verify_is_a_conflict() {
    let mut sandbox = with_contact();
    let code = send(&mut sandbox);
    let mut moved = contact();
    moved["PhoneNumber"] = json!("+44 20 7946 0000");
    put_contact(&mut sandbox, moved);
    sandbox.call(VERIFY, json!({"Otp": code})).assert_error(
        "ConflictException",
        409,
        PHONE_NUMBER_CHANGED,
    );
}

#[test]
fn the_status_describes_the_number_on_file() {
    let mut sandbox = with_contact();
    let code = send(&mut sandbox);
    sandbox.call(VERIFY, json!({"Otp": code})).ok();
    let mut renamed = contact();
    renamed["FullName"] = json!("Janet Doe");
    put_contact(&mut sandbox, renamed);
    assert_eq!(verification_status(&mut sandbox), "VERIFIED", "same number");
    let mut moved = contact();
    moved["PhoneNumber"] = json!("+1 206-555-0111");
    put_contact(&mut sandbox, moved);
    assert_eq!(verification_status(&mut sandbox), "UNVERIFIED");
    put_contact(&mut sandbox, contact());
    assert_eq!(
        verification_status(&mut sandbox),
        "UNVERIFIED",
        "a number put back is verified again only by a new code"
    );
}

#[test]
fn without_contact_information_there_is_no_number_to_verify() {
    let mut sandbox = sandbox();
    sandbox.call(SEND, json!({})).assert_error(
        "ResourceNotFoundException",
        404,
        NO_CONTACT_INFORMATION,
    );
    sandbox.call(VERIFY, json!({"Otp": "123456"})).assert_error(
        "ResourceNotFoundException",
        404,
        NO_CONTACT_INFORMATION,
    );
    assert_eq!(sandbox.engine.inbox().count(), 0);
}

#[test]
fn the_otp_follows_the_model() {
    let mut sandbox = with_contact();
    sandbox
        .call(VERIFY, json!({}))
        .assert_field("Otp", &missing("Otp"));
    sandbox
        .call(VERIFY, json!({"Otp": "12345"}))
        .assert_field("Otp", &regex_mismatch("^[a-zA-Z0-9]{6}$", "12345"));
}

#[test]
fn the_management_account_verifies_a_members_number() {
    let mut sandbox = sandbox();
    let id = sandbox.engine.create_organization("111111111111").unwrap();
    sandbox
        .engine
        .add_member_account(&id, "333333333333", "Member", "m@example.com")
        .unwrap();
    sandbox.engine.set_trusted_access(&id, true).unwrap();
    let member = json!({"AccountId": "333333333333"});
    let mut put = json!({"ContactInformation": contact()});
    put["AccountId"] = member["AccountId"].clone();
    sandbox
        .call_as("111111111111", "/putContactInformation", put)
        .ok();
    sandbox.call_as("111111111111", SEND, member.clone()).ok();
    let message = sandbox.engine.inbox().last().unwrap().clone();
    assert_eq!(message.account_id, "333333333333");
    let mut verify = member.clone();
    verify["Otp"] = json!(message.code);
    sandbox.call_as("111111111111", VERIFY, verify).ok();
    let own = sandbox.call_as("333333333333", "/getContactInformation", json!({}));
    assert_eq!(own.ok()["VerificationStatus"], "VERIFIED");
}
