//! PutContactInformation and GetContactInformation.

mod common;

use common::*;
use serde_json::{json, Value};

const PUT: &str = "/putContactInformation";
const GET: &str = "/getContactInformation";

fn put(fields: Value) -> Value {
    json!({ "ContactInformation": fields })
}

fn with(field: &str, value: &str) -> Value {
    let mut info = contact();
    info[field] = json!(value);
    info
}

fn without(field: &str) -> Value {
    let mut info = contact();
    info.as_object_mut().unwrap().remove(field);
    info
}

/// Every member with its maximum length.
const LIMITS: [(&str, usize); 12] = [
    ("FullName", 50),
    ("AddressLine1", 60),
    ("AddressLine2", 60),
    ("AddressLine3", 60),
    ("City", 50),
    ("StateOrRegion", 50),
    ("DistrictOrCounty", 50),
    ("PostalCode", 20),
    ("CountryCode", 2),
    ("PhoneNumber", 20),
    ("CompanyName", 50),
    ("WebsiteUrl", 256),
];

const REQUIRED: [&str; 6] = [
    "FullName",
    "AddressLine1",
    "City",
    "PostalCode",
    "CountryCode",
    "PhoneNumber",
];

/// A value of exactly `len` characters that passes the member's pattern.
fn filler(field: &str, len: usize) -> String {
    if field == "PhoneNumber" {
        format!("+{}", "1".repeat(len - 1))
    } else {
        "a".repeat(len)
    }
}

#[test]
fn get_contact_information_without_any_is_resource_not_found() {
    let mut sandbox = sandbox();
    sandbox.call(GET, json!({})).assert_error(
        "ResourceNotFoundException",
        404,
        "No contact information found for this account.",
    );
}

#[test]
fn put_contact_information_then_get_returns_it() {
    let mut sandbox = sandbox();
    assert_eq!(sandbox.call(PUT, put(contact())).ok(), &json!({}));
    let reply = sandbox.call(GET, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({ "ContactInformation": contact(), "VerificationStatus": "UNVERIFIED" })
    );
}

#[test]
fn put_contact_information_trims_every_field_and_uppercases_country_code() {
    let mut sandbox = sandbox();
    let padded = json!({
        "FullName": "  Jane Doe ",
        "AddressLine1": " 410 Terry Ave N\t",
        "AddressLine2": " Floor 3 ",
        "AddressLine3": "\nSuite 100 ",
        "City": " Seattle ",
        "StateOrRegion": " WA ",
        "DistrictOrCounty": " King ",
        "PostalCode": " 98109 ",
        "CountryCode": "us",
        "PhoneNumber": "+1 206-555-0100  ",
        "CompanyName": " Example Corp ",
        "WebsiteUrl": " https://example.com ",
    });
    sandbox.call(PUT, put(padded)).ok();
    let reply = sandbox.call(GET, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({"ContactInformation": {
            "FullName": "Jane Doe",
            "AddressLine1": "410 Terry Ave N",
            "AddressLine2": "Floor 3",
            "AddressLine3": "Suite 100",
            "City": "Seattle",
            "StateOrRegion": "WA",
            "DistrictOrCounty": "King",
            "PostalCode": "98109",
            "CountryCode": "US",
            "PhoneNumber": "+1 206-555-0100",
            "CompanyName": "Example Corp",
            "WebsiteUrl": "https://example.com",
        }, "VerificationStatus": "UNVERIFIED"})
    );
}

#[test]
fn put_contact_information_is_a_full_replace() {
    let mut sandbox = sandbox();
    let mut first = contact();
    first["CompanyName"] = json!("Example Corp");
    first["AddressLine2"] = json!("Floor 3");
    sandbox.call(PUT, put(first)).ok();
    let mut second = contact();
    second["FullName"] = json!("John Roe");
    sandbox.call(PUT, put(second.clone())).ok();
    let reply = sandbox.call(GET, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({ "ContactInformation": second, "VerificationStatus": "UNVERIFIED" })
    );
}

#[test]
fn contact_information_field_blank_after_trimming_can_not_be_empty() {
    let mut cases = Vec::new();
    for (field, max) in LIMITS {
        let blank = " ".repeat(max.min(2));
        cases.push(Case {
            path: PUT,
            body: put(with(field, &blank)),
            expect: if field == "PhoneNumber" {
                Expect::Bare(field, regex_mismatch(r"^[+][\s0-9()-]+$", &blank))
            } else {
                Expect::Bare(field, format!("the argument {field} can not be empty"))
            },
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn contact_information_fields_longer_than_their_maximum_are_rejected() {
    let mut cases = Vec::new();
    for (field, max) in LIMITS {
        let at_max = filler(field, max);
        let over = filler(field, max + 1);
        cases.push(Case {
            path: PUT,
            body: put(with(field, &at_max)),
            expect: Expect::Ok,
        });
        cases.push(Case {
            path: PUT,
            body: put(with(field, &over)),
            expect: Expect::Bare(field, too_long(&over, max)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn contact_information_empty_strings_are_too_short() {
    let cases = LIMITS
        .iter()
        .map(|&(field, _)| {
            let min = if field == "CountryCode" { 2 } else { 1 };
            let expect = Expect::Bare(field, too_short("", min));
            Case {
                path: PUT,
                body: put(with(field, "")),
                expect,
            }
        })
        .collect();
    run_cases(|_| {}, cases);
}

#[test]
fn contact_information_country_code_is_exactly_two_characters() {
    run_cases(
        |_| {},
        vec![
            Case {
                path: PUT,
                body: put(with("CountryCode", "U")),
                expect: Expect::Bare("CountryCode", too_short("U", 2)),
            },
            Case {
                path: PUT,
                body: put(with("CountryCode", "USA")),
                expect: Expect::Bare("CountryCode", too_long("USA", 2)),
            },
            Case {
                path: PUT,
                body: put(with("CountryCode", "  ")),
                expect: Expect::Bare(
                    "CountryCode",
                    "the argument CountryCode can not be empty".into(),
                ),
            },
        ],
    );
}

#[test]
fn contact_information_required_members_are_reported_missing() {
    let cases = REQUIRED
        .iter()
        .map(|&field| Case {
            path: PUT,
            body: put(without(field)),
            expect: Expect::Bare(field, missing(field)),
        })
        .collect();
    run_cases(|_| {}, cases);
}

#[test]
fn put_contact_information_requires_contact_information() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, json!({})).assert_bare(
        &missing("ContactInformation"),
        &[("ContactInformation", &missing("ContactInformation"))],
    );
}

#[test]
fn contact_information_phone_number_must_start_with_plus_and_hold_digits_spaces_parentheses_dashes()
{
    let pattern = r"^[+][\s0-9()-]+$";
    let mut cases = Vec::new();
    for good in ["+1 (206) 555-0100", "+44 20 7946 0958", "+1\t555"] {
        cases.push(Case {
            path: PUT,
            body: put(with("PhoneNumber", good)),
            expect: Expect::Ok,
        });
    }
    for bad in [
        "1 206 555 0100",
        "+",
        "++1",
        "+1 555 CALL",
        " +1 555",
        "+1.206.555",
    ] {
        cases.push(Case {
            path: PUT,
            body: put(with("PhoneNumber", bad)),
            expect: Expect::Bare("PhoneNumber", regex_mismatch(pattern, bad)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn contact_information_state_or_region_is_required_for_us_ca_gb_de_jp_in_br() {
    let mut cases = Vec::new();
    for country in ["US", "CA", "GB", "DE", "JP", "IN", "BR", "us", "gb"] {
        let mut info = without("StateOrRegion");
        info["CountryCode"] = json!(country);
        cases.push(Case {
            path: PUT,
            body: put(info),
            expect: Expect::Bare(
                "StateOrRegion",
                "the argument StateOrRegion can not be empty".into(),
            ),
        });
    }
    for country in ["FR", "NL", "AU", "fr"] {
        let mut info = without("StateOrRegion");
        info["CountryCode"] = json!(country);
        cases.push(Case {
            path: PUT,
            body: put(info),
            expect: Expect::Ok,
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn contact_information_lists_every_failing_field() {
    let mut sandbox = sandbox();
    let mut info = without("City");
    info["FullName"] = json!("x".repeat(51));
    info["PhoneNumber"] = json!("555");
    let reply = sandbox.call(PUT, put(info));
    let name = too_long(&"x".repeat(51), 50);
    reply.assert_bare(
        &name,
        &[
            ("FullName", &name),
            ("City", &missing("City")),
            ("PhoneNumber", &regex_mismatch(r"^[+][\s0-9()-]+$", "555")),
        ],
    );
}

#[test]
fn contact_information_blank_fields_are_all_reported() {
    let mut sandbox = sandbox();
    let mut info = without("StateOrRegion");
    info["FullName"] = json!("  ");
    info["City"] = json!(" ");
    let reply = sandbox.call(PUT, put(info));
    let full_name = "the argument FullName can not be empty";
    reply.assert_bare(
        full_name,
        &[
            ("FullName", full_name),
            ("City", "the argument City can not be empty"),
            (
                "StateOrRegion",
                "the argument StateOrRegion can not be empty",
            ),
        ],
    );
}

#[test]
fn rejected_put_contact_information_changes_nothing() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, put(contact())).ok();
    let before = sandbox.engine.snapshot();
    for bad in [
        with("FullName", " "),
        with("PostalCode", &"9".repeat(21)),
        with("PhoneNumber", "555"),
        without("StateOrRegion"),
        without("City"),
    ] {
        assert_eq!(sandbox.call(PUT, put(bad)).status, 400);
    }
    assert_eq!(sandbox.engine.snapshot(), before);
    let reply = sandbox.call(GET, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({ "ContactInformation": contact(), "VerificationStatus": "UNVERIFIED" })
    );
}

#[test]
fn contact_information_belongs_to_the_calling_account() {
    let mut sandbox = sandbox();
    sandbox.call_as("111111111111", PUT, put(contact())).ok();
    assert_eq!(sandbox.call_as("111111111111", GET, json!({})).status, 200);
    assert_eq!(sandbox.call(GET, json!({})).status, 404);
    assert_eq!(sandbox.call_as("222222222222", GET, json!({})).status, 404);
}
