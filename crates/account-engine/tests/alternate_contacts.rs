//! PutAlternateContact, GetAlternateContact and DeleteAlternateContact.

mod common;

use common::*;
use serde_json::{json, Value};

const PUT: &str = "/putAlternateContact";
const GET: &str = "/getAlternateContact";
const DELETE: &str = "/deleteAlternateContact";
const NOT_FOUND: &str = "No contact of the inputted alternate contact type found.";
const INVALID_TYPE: &str = "You specified an invalid Alternate Contact type.";
const EMAIL: &str = r"^[\s]*[\w+=.#|!&-]+@[\w.-]+\.[\w]+[\s]*$";
const PHONE: &str = r"^[\s0-9()+-]+$";

/// Makes a valid value of the given length.
type Filler = fn(usize) -> String;

fn kind(kind: &str) -> Value {
    json!({ "AlternateContactType": kind })
}

fn with(field: &str, value: &str) -> Value {
    let mut body = alternate("BILLING");
    body[field] = json!(value);
    body
}

#[test]
fn put_alternate_contact_then_get_returns_it() {
    let mut sandbox = sandbox();
    assert_eq!(sandbox.call(PUT, alternate("SECURITY")).ok(), &json!({}));
    let reply = sandbox.call(GET, kind("SECURITY"));
    assert_eq!(
        reply.ok(),
        &json!({ "AlternateContact": alternate("SECURITY") })
    );
}

#[test]
fn put_alternate_contact_is_an_upsert_per_type() {
    let mut sandbox = sandbox();
    for t in ["BILLING", "OPERATIONS", "SECURITY"] {
        sandbox.call(PUT, alternate(t)).ok();
    }
    let mut replacement = alternate("OPERATIONS");
    replacement["Name"] = json!("Ops On Call");
    replacement["Title"] = json!("SRE");
    sandbox.call(PUT, replacement.clone()).ok();
    let ops = sandbox.call(GET, kind("OPERATIONS"));
    assert_eq!(ops.ok(), &json!({ "AlternateContact": replacement }));
    for t in ["BILLING", "SECURITY"] {
        let reply = sandbox.call(GET, kind(t));
        assert_eq!(reply.ok(), &json!({ "AlternateContact": alternate(t) }));
    }
}

#[test]
fn put_alternate_contact_trims_email_address_only() {
    let mut sandbox = sandbox();
    let body = json!({
        "AlternateContactType": "BILLING",
        "Name": "  Billing Team ",
        "Title": " CFO ",
        "EmailAddress": "  billing@example.com\t",
        "PhoneNumber": " +1 206 555 0100 ",
    });
    sandbox.call(PUT, body).ok();
    let reply = sandbox.call(GET, kind("BILLING"));
    assert_eq!(
        reply.ok(),
        &json!({"AlternateContact": {
            "AlternateContactType": "BILLING",
            "Name": "  Billing Team ",
            "Title": " CFO ",
            "EmailAddress": "billing@example.com",
            "PhoneNumber": " +1 206 555 0100 ",
        }})
    );
}

#[test]
fn get_alternate_contact_of_a_type_not_set_is_resource_not_found() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, alternate("BILLING")).ok();
    for t in ["OPERATIONS", "SECURITY"] {
        sandbox
            .call(GET, kind(t))
            .assert_error("ResourceNotFoundException", 404, NOT_FOUND);
    }
}

#[test]
fn delete_alternate_contact_removes_only_that_type() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, alternate("BILLING")).ok();
    sandbox.call(PUT, alternate("SECURITY")).ok();
    assert_eq!(sandbox.call(DELETE, kind("BILLING")).ok(), &json!({}));
    sandbox
        .call(GET, kind("BILLING"))
        .assert_error("ResourceNotFoundException", 404, NOT_FOUND);
    assert_eq!(sandbox.call(GET, kind("SECURITY")).status, 200);
}

#[test]
fn delete_alternate_contact_twice_fails_the_second_time() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, alternate("OPERATIONS")).ok();
    sandbox.call(DELETE, kind("OPERATIONS")).ok();
    sandbox.call(DELETE, kind("OPERATIONS")).assert_error(
        "ResourceNotFoundException",
        404,
        NOT_FOUND,
    );
}

#[test]
fn alternate_contact_type_outside_the_enum_is_access_denied_with_the_caller_arn() {
    let mut cases = Vec::new();
    for bad in ["billing", "Security", "ADMIN", "", "BILLING "] {
        for (path, operation, body) in [
            (PUT, "PutAlternateContact", {
                let mut b = alternate("BILLING");
                b["AlternateContactType"] = json!(bad);
                b
            }),
            (GET, "GetAlternateContact", kind(bad)),
            (DELETE, "DeleteAlternateContact", kind(bad)),
        ] {
            cases.push(Case {
                path,
                body,
                expect: Expect::Error(
                    "AccessDeniedException",
                    403,
                    denied(&arn(DEFAULT), operation, INVALID_TYPE),
                ),
            });
        }
    }
    run_cases(|_| {}, cases);
}

#[test]
fn alternate_contact_invalid_type_names_the_calling_account_in_the_arn() {
    let mut sandbox = sandbox();
    sandbox
        .call_as("123456789012", GET, kind("security"))
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&arn("123456789012"), "GetAlternateContact", INVALID_TYPE),
        );
}

#[test]
fn alternate_contact_type_is_required() {
    let mut body = alternate("BILLING");
    body.as_object_mut().unwrap().remove("AlternateContactType");
    let m = missing("AlternateContactType");
    run_cases(
        |_| {},
        vec![
            Case {
                path: PUT,
                body,
                expect: Expect::Field("AlternateContactType", m.clone()),
            },
            Case {
                path: GET,
                body: json!({}),
                expect: Expect::Field("AlternateContactType", m.clone()),
            },
            Case {
                path: DELETE,
                body: json!({}),
                expect: Expect::Field("AlternateContactType", m),
            },
        ],
    );
}

#[test]
fn put_alternate_contact_requires_name_title_email_and_phone() {
    let cases = ["Name", "Title", "EmailAddress", "PhoneNumber"]
        .into_iter()
        .map(|field| {
            let mut body = alternate("BILLING");
            body.as_object_mut().unwrap().remove(field);
            Case {
                path: PUT,
                body,
                expect: Expect::Field(field, missing(field)),
            }
        })
        .collect();
    run_cases(|_| {}, cases);
}

#[test]
fn alternate_contact_fields_have_length_limits() {
    let limits: [(&str, usize, Filler); 4] = [
        ("Name", 64, |n| "n".repeat(n)),
        ("Title", 50, |n| "t".repeat(n)),
        ("EmailAddress", 254, |n| {
            format!("{}@example.com", "a".repeat(n - 12))
        }),
        ("PhoneNumber", 25, |n| "5".repeat(n)),
    ];
    assert_eq!((limits[2].2)(254).chars().count(), 254);
    let mut cases = Vec::new();
    for (field, max, value) in limits {
        cases.push(Case {
            path: PUT,
            body: with(field, &value(max)),
            expect: Expect::Ok,
        });
        let over = value(max + 1);
        cases.push(Case {
            path: PUT,
            body: with(field, &over),
            expect: Expect::Field(field, too_long(&over, max)),
        });
        cases.push(Case {
            path: PUT,
            body: with(field, ""),
            expect: Expect::Field(field, too_short("", 1)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn alternate_contact_email_address_must_match_the_model_pattern() {
    let mut cases = Vec::new();
    for good in [
        "a@b.co",
        "first.last+tag@sub-domain.example.org",
        " x#y|z!&=@ex.io ",
    ] {
        cases.push(Case {
            path: PUT,
            body: with("EmailAddress", good),
            expect: Expect::Ok,
        });
    }
    for bad in [
        "not-an-email",
        "a@b",
        "@example.com",
        "a b@example.com",
        "   ",
    ] {
        cases.push(Case {
            path: PUT,
            body: with("EmailAddress", bad),
            expect: Expect::Field("EmailAddress", regex_mismatch(EMAIL, bad)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn alternate_contact_phone_number_holds_digits_spaces_parentheses_plus_and_dashes() {
    let mut cases = Vec::new();
    for good in ["+1 (206) 555-0100", "2065550100", "  "] {
        cases.push(Case {
            path: PUT,
            body: with("PhoneNumber", good),
            expect: Expect::Ok,
        });
    }
    for bad in ["555-CALL", "+1.206.555", "ext. 12"] {
        cases.push(Case {
            path: PUT,
            body: with("PhoneNumber", bad),
            expect: Expect::Field("PhoneNumber", regex_mismatch(PHONE, bad)),
        });
    }
    run_cases(|_| {}, cases);
}

#[test]
fn alternate_contact_field_errors_come_before_the_type_check() {
    let mut sandbox = sandbox();
    let mut body = with("Title", "");
    body["AlternateContactType"] = json!("billing");
    sandbox
        .call(PUT, body)
        .assert_field("Title", &too_short("", 1));
}

#[test]
fn rejected_put_alternate_contact_changes_nothing() {
    let mut sandbox = sandbox();
    sandbox.call(PUT, alternate("BILLING")).ok();
    let before = sandbox.engine.snapshot();
    let mut lower = alternate("BILLING");
    lower["AlternateContactType"] = json!("billing");
    assert_eq!(sandbox.call(PUT, lower).status, 403);
    assert_eq!(sandbox.call(PUT, with("EmailAddress", "nope")).status, 400);
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn alternate_contacts_belong_to_the_calling_account() {
    let mut sandbox = sandbox();
    sandbox
        .call_as("111111111111", PUT, alternate("BILLING"))
        .ok();
    assert_eq!(
        sandbox.call_as("111111111111", GET, kind("BILLING")).status,
        200
    );
    assert_eq!(sandbox.call(GET, kind("BILLING")).status, 404);
}
