//! The standalone and organizations contexts (`AccountId`), and who may use
//! the latter.

mod common;

use account_engine::Operation;
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const ADMIN: &str = "222222222222";
const MEMBER: &str = "333333333333";
const OUTSIDER: &str = "444444444444";

const NO_TRUSTED_ACCESS: &str =
    "Your organization must first enable trusted access with AWS Account Management.";
const MANAGEMENT_STANDALONE_ONLY: &str =
    "The management account can only be managed using the standalone context from the management account.";
const NOT_A_MEMBER: &str = "The specified account is not a member of your organization.";
const ACCESS_DENIED: &str = "Access Denied";

struct Org {
    sandbox: Sandbox,
    id: String,
}

/// An organization with trusted access on or off, a delegated administrator
/// and one more member.
fn organization(trusted_access: bool) -> Org {
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
    Org { sandbox, id }
}

/// A valid request of each operation, naming `target` in AccountId.
fn requests(target: &str) -> Vec<(Operation, Value)> {
    let mut contact_info = json!({ "ContactInformation": contact() });
    contact_info["AccountId"] = json!(target);
    let mut alt = alternate("SECURITY");
    alt["AccountId"] = json!(target);
    let with_id = |mut v: Value| {
        v["AccountId"] = json!(target);
        v
    };
    vec![
        (Operation::PutContactInformation, contact_info),
        (Operation::GetContactInformation, with_id(json!({}))),
        (Operation::PutAlternateContact, alt),
        (
            Operation::GetAlternateContact,
            with_id(json!({"AlternateContactType": "SECURITY"})),
        ),
        (
            Operation::DeleteAlternateContact,
            with_id(json!({"AlternateContactType": "SECURITY"})),
        ),
        (Operation::ListRegions, with_id(json!({}))),
        (
            Operation::GetRegionOptStatus,
            with_id(json!({"RegionName": "af-south-1"})),
        ),
        (
            Operation::EnableRegion,
            with_id(json!({"RegionName": "af-south-1"})),
        ),
        (
            Operation::DisableRegion,
            with_id(json!({"RegionName": "af-south-1"})),
        ),
        (
            Operation::PutAccountName,
            with_id(json!({"AccountName": "Renamed"})),
        ),
        (Operation::GetAccountInformation, with_id(json!({}))),
        (Operation::GetPrimaryEmail, with_id(json!({}))),
        (
            Operation::StartPrimaryEmailUpdate,
            with_id(json!({"PrimaryEmail": "renamed@example.com"})),
        ),
        (Operation::GetPrimaryEmailUpdateStatus, with_id(json!({}))),
        (
            Operation::AcceptPrimaryEmailUpdate,
            with_id(json!({"PrimaryEmail": "renamed@example.com", "Otp": "ABC123"})),
        ),
        (Operation::SendPhoneNumberVerification, with_id(json!({}))),
        (
            Operation::VerifyPhoneNumber,
            with_id(json!({"Otp": "123456"})),
        ),
        (
            Operation::GetGovCloudAccountInformation,
            json!({"StandardAccountId": target}),
        ),
    ]
}

/// What a request of `requests` meets when access is granted but the
/// sandbox was not set up for it: a guessed code, a region being enabled,
/// no GovCloud link.
fn business_refusal(operation: Operation) -> Option<&'static str> {
    match operation {
        Operation::DisableRegion => Some("ConflictException"),
        Operation::AcceptPrimaryEmailUpdate | Operation::VerifyPhoneNumber => {
            Some("ValidationException")
        }
        Operation::GetGovCloudAccountInformation => Some("ResourceNotFoundException"),
        _ => None,
    }
}

#[track_caller]
fn assert_refused(sandbox: &mut Sandbox, caller: &str, target: &str, arn: &str, reason: &str) {
    for (operation, body) in requests(target) {
        sandbox
            .call_as(caller, &operation.path(), body)
            .assert_error(
                "AccessDeniedException",
                403,
                &denied(arn, operation.name(), reason),
            );
    }
}

/// Every operation refused with the bare message, no reason (observed).
#[track_caller]
fn assert_refused_bare(sandbox: &mut Sandbox, caller: &str, target: &str) {
    for (operation, body) in requests(target) {
        sandbox
            .call_as(caller, &operation.path(), body)
            .assert_error(
                "AccessDeniedException",
                403,
                &denied_bare(&arn(caller), operation.name()),
            );
    }
}

#[test]
fn without_account_id_an_organization_member_acts_on_its_own_account() {
    let mut org = organization(true);
    let reply = org
        .sandbox
        .call_as(MEMBER, "/getAccountInformation", json!({}));
    assert_eq!(reply.ok()["AccountName"], "Member");
    let reply = org.sandbox.call_as(
        MANAGEMENT,
        "/putAccountName",
        json!({"AccountName": "Mgmt"}),
    );
    reply.ok();
}

#[test]
fn account_id_outside_any_organization_needs_trusted_access() {
    let mut sandbox = sandbox();
    assert_refused(
        &mut sandbox,
        DEFAULT,
        MEMBER,
        &arn(DEFAULT),
        NO_TRUSTED_ACCESS,
    );
    assert_refused(
        &mut sandbox,
        OUTSIDER,
        OUTSIDER,
        &arn(OUTSIDER),
        NO_TRUSTED_ACCESS,
    );
}

#[test]
fn account_id_before_trusted_access_is_enabled_is_refused_with_the_root_arn() {
    let mut org = organization(false);
    let caller_arn = arn(MANAGEMENT);
    assert_refused(
        &mut org.sandbox,
        MANAGEMENT,
        MEMBER,
        &caller_arn,
        NO_TRUSTED_ACCESS,
    );
    let caller_arn = arn(ADMIN);
    assert_refused(
        &mut org.sandbox,
        ADMIN,
        MEMBER,
        &caller_arn,
        NO_TRUSTED_ACCESS,
    );
}

#[test]
fn account_id_from_an_ordinary_member_is_refused_without_a_reason() {
    for trusted_access in [true, false] {
        let mut org = organization(trusted_access);
        assert_refused_bare(&mut org.sandbox, MEMBER, ADMIN);
        assert_refused_bare(&mut org.sandbox, MEMBER, MEMBER);
    }
}

/// The primary-email operations answer "(Access Denied)" (observed for the
/// reads), the others point at the standalone context.
fn management_self_reason(operation: Operation) -> &'static str {
    match operation {
        Operation::GetPrimaryEmail
        | Operation::StartPrimaryEmailUpdate
        | Operation::AcceptPrimaryEmailUpdate
        | Operation::GetPrimaryEmailUpdateStatus => ACCESS_DENIED,
        _ => MANAGEMENT_STANDALONE_ONLY,
    }
}

#[test]
fn the_management_account_can_only_be_managed_in_the_standalone_context() {
    let mut org = organization(true);
    for caller in [MANAGEMENT, ADMIN] {
        for (operation, body) in requests(MANAGEMENT) {
            org.sandbox
                .call_as(caller, &operation.path(), body)
                .assert_error(
                    "AccessDeniedException",
                    403,
                    &denied(
                        &arn(caller),
                        operation.name(),
                        management_self_reason(operation),
                    ),
                );
        }
    }
}

#[test]
fn account_id_must_name_a_member_of_the_callers_organization() {
    let mut org = organization(true);
    org.sandbox
        .call_as(OUTSIDER, "/getAccountInformation", json!({}))
        .ok();
    let caller_arn = arn(MANAGEMENT);
    assert_refused(
        &mut org.sandbox,
        MANAGEMENT,
        OUTSIDER,
        &caller_arn,
        NOT_A_MEMBER,
    );
    assert_refused(
        &mut org.sandbox,
        MANAGEMENT,
        "999999999999",
        &caller_arn,
        NOT_A_MEMBER,
    );
}

#[test]
fn the_management_account_manages_members_with_account_id() {
    let mut org = organization(true);
    for (operation, body) in requests(MEMBER) {
        let reply = org.sandbox.call_as(MANAGEMENT, &operation.path(), body);
        match business_refusal(operation) {
            Some(code) => assert_eq!(reply.error_type.as_deref(), Some(code), "{reply:?}"),
            None => assert_eq!(reply.status, 200, "{operation:?}: {reply:?}"),
        }
    }
    let member = org
        .sandbox
        .call_as(MEMBER, "/getAccountInformation", json!({}));
    assert_eq!(member.ok()["AccountName"], "Renamed");
    assert_eq!(
        org.sandbox.region_status_of(MEMBER, "af-south-1"),
        "ENABLING"
    );
    assert_eq!(
        org.sandbox.region_status_of(MANAGEMENT, "af-south-1"),
        "DISABLED"
    );
}

#[test]
fn the_delegated_administrator_manages_members_with_account_id() {
    let mut org = organization(true);
    let mut body = alternate("BILLING");
    body["AccountId"] = json!(MEMBER);
    org.sandbox
        .call_as(ADMIN, "/putAlternateContact", body)
        .ok();
    let reply = org.sandbox.call_as(
        MEMBER,
        "/getAlternateContact",
        json!({"AlternateContactType": "BILLING"}),
    );
    assert_eq!(reply.ok()["AlternateContact"], alternate("BILLING"));
    let info = org.sandbox.call_as(
        ADMIN,
        "/getAccountInformation",
        json!({"AccountId": MEMBER}),
    );
    assert_eq!(info.ok()["AccountId"], MEMBER);
}

#[test]
fn only_the_delegated_administrator_may_name_its_own_account_for_alternate_contacts() {
    let mut org = organization(true);
    let mut body = alternate("OPERATIONS");
    body["AccountId"] = json!(ADMIN);
    org.sandbox
        .call_as(ADMIN, "/putAlternateContact", body)
        .ok();
    let key = json!({"AccountId": ADMIN, "AlternateContactType": "OPERATIONS"});
    assert_eq!(
        org.sandbox
            .call_as(ADMIN, "/getAlternateContact", key.clone())
            .ok()["AlternateContact"],
        alternate("OPERATIONS")
    );
    org.sandbox
        .call_as(ADMIN, "/deleteAlternateContact", key)
        .ok();
    let caller_arn = arn(MANAGEMENT);
    let mut body = alternate("OPERATIONS");
    body["AccountId"] = json!(MANAGEMENT);
    org.sandbox
        .call_as(MANAGEMENT, "/putAlternateContact", body)
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &caller_arn,
                "PutAlternateContact",
                MANAGEMENT_STANDALONE_ONLY,
            ),
        );
}

#[test]
fn the_delegated_administrator_may_name_its_own_account() {
    let mut org = organization(true);
    for (operation, body) in requests(ADMIN) {
        let reply = org.sandbox.call_as(ADMIN, &operation.path(), body);
        match business_refusal(operation) {
            Some(code) => assert_eq!(reply.error_type.as_deref(), Some(code), "{reply:?}"),
            None => assert_eq!(reply.status, 200, "{operation:?}: {reply:?}"),
        }
    }
    let own = org.sandbox.call_as(
        ADMIN,
        "/getRegionOptStatus",
        json!({"AccountId": ADMIN, "RegionName": "af-south-1"}),
    );
    assert_eq!(own.ok()["RegionOptStatus"], "ENABLING");
}

#[test]
fn a_former_delegated_administrator_loses_the_organizations_context() {
    let mut org = organization(true);
    org.sandbox
        .engine
        .register_delegated_administrator(&org.id, MEMBER)
        .unwrap();
    assert_refused_bare(&mut org.sandbox, ADMIN, MEMBER);
    let reply = org.sandbox.call_as(
        MEMBER,
        "/getAccountInformation",
        json!({"AccountId": ADMIN}),
    );
    assert_eq!(reply.ok()["AccountId"], ADMIN);
}

#[test]
fn invalid_contact_type_and_region_messages_use_the_member_arn() {
    let mut org = organization(true);
    let caller_arn = arn(MEMBER);
    org.sandbox
        .call_as(
            MEMBER,
            "/getAlternateContact",
            json!({"AlternateContactType": "billing"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &caller_arn,
                "GetAlternateContact",
                "You specified an invalid Alternate Contact type.",
            ),
        );
    org.sandbox
        .call_as(MEMBER, "/enableRegion", json!({"RegionName": "AF-SOUTH-1"}))
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &caller_arn,
                "EnableRegion",
                "You specified an invalid target region.",
            ),
        );
}

#[test]
fn access_rules_come_before_business_rules() {
    let mut org = organization(false);
    let caller_arn = arn(MANAGEMENT);
    org.sandbox
        .call_as(
            MANAGEMENT,
            "/enableRegion",
            json!({"AccountId": MEMBER, "RegionName": "nowhere-1"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&caller_arn, "EnableRegion", NO_TRUSTED_ACCESS),
        );
    org.sandbox
        .call_as(
            MANAGEMENT,
            "/putAccountName",
            json!({"AccountId": MEMBER, "AccountName": "   "}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&caller_arn, "PutAccountName", NO_TRUSTED_ACCESS),
        );
}

#[test]
fn organization_region_changes_are_recorded_for_the_member_and_the_caller() {
    let mut org = organization(true);
    org.sandbox
        .call_as(
            ADMIN,
            "/enableRegion",
            json!({"AccountId": MEMBER, "RegionName": "me-central-1"}),
        )
        .ok();
    let event = serde_json::to_value(org.sandbox.engine.events().next().unwrap()).unwrap();
    assert_eq!(event["account"], ADMIN);
    assert_eq!(event["detail"]["accountId"], MEMBER);
    assert_eq!(
        event["resources"],
        json!([format!("arn:aws:account::{MEMBER}:account")])
    );
}

#[test]
fn more_than_20_region_changes_in_progress_per_organization_are_too_many_requests() {
    let mut org = organization(true);
    let members: Vec<String> = (1..=4).map(|n| format!("55555555555{n}")).collect();
    for m in &members {
        org.sandbox
            .engine
            .add_member_account(&org.id, m, "Worker", "worker@example.com")
            .unwrap();
    }
    let mut started = 0;
    for m in &members {
        for region in &OPT_IN[..6] {
            if started == 20 {
                break;
            }
            org.sandbox
                .call_as(
                    MANAGEMENT,
                    "/enableRegion",
                    json!({"AccountId": m, "RegionName": region}),
                )
                .ok();
            started += 1;
        }
    }
    let id = org.id.clone();
    org.sandbox
        .call_as(
            MANAGEMENT,
            "/enableRegion",
            json!({"AccountId": members[3], "RegionName": OPT_IN[10]}),
        )
        .assert_error(
            "TooManyRequestsException",
            429,
            &format!(
                "Organization {id} already has 20 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again."
            ),
        );
    org.sandbox
        .call_as(MEMBER, "/enableRegion", json!({"RegionName": OPT_IN[0]}))
        .assert_error(
            "TooManyRequestsException",
            429,
            &format!(
                "Organization {id} already has 20 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again."
            ),
        );
    org.sandbox
        .call_as(OUTSIDER, "/enableRegion", json!({"RegionName": OPT_IN[0]}))
        .ok();
}

#[test]
fn account_id_naming_a_member_of_another_organization_is_not_a_member() {
    let mut org = organization(true);
    let other = org.sandbox.engine.create_organization(OUTSIDER).unwrap();
    org.sandbox
        .engine
        .add_member_account(&other, "555555555555", "Elsewhere", "e@example.com")
        .unwrap();
    org.sandbox.engine.set_trusted_access(&other, true).unwrap();
    let caller_arn = arn(MANAGEMENT);
    assert_refused(
        &mut org.sandbox,
        MANAGEMENT,
        "555555555555",
        &caller_arn,
        NOT_A_MEMBER,
    );
    assert_refused(
        &mut org.sandbox,
        OUTSIDER,
        MEMBER,
        &arn(OUTSIDER),
        NOT_A_MEMBER,
    );
}

#[test]
fn turning_trusted_access_off_refuses_the_delegated_administrator_too() {
    let mut org = organization(true);
    org.sandbox
        .engine
        .set_trusted_access(&org.id, false)
        .unwrap();
    let caller_arn = arn(ADMIN);
    assert_refused(
        &mut org.sandbox,
        ADMIN,
        MEMBER,
        &caller_arn,
        NO_TRUSTED_ACCESS,
    );
    assert_refused(
        &mut org.sandbox,
        ADMIN,
        ADMIN,
        &caller_arn,
        NO_TRUSTED_ACCESS,
    );
}

#[test]
fn a_non_numeric_access_key_calls_as_the_default_account() {
    let mut sandbox = sandbox();
    sandbox.engine.create_demo_organization(1).unwrap();
    let member = sandbox.engine.state().organizations[0]
        .members
        .iter()
        .find(|m| *m != DEFAULT)
        .unwrap()
        .clone();
    let mut body = alternate("SECURITY");
    body["AccountId"] = json!(member);
    sandbox.call("/putAlternateContact", body).ok();
    let caller_arn = arn(DEFAULT);
    sandbox
        .call("/getAccountInformation", json!({"AccountId": DEFAULT}))
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &caller_arn,
                "GetAccountInformation",
                MANAGEMENT_STANDALONE_ONLY,
            ),
        );
}

#[test]
fn the_caller_arn_is_the_root_user_outside_an_organization_too() {
    let mut sandbox = sandbox();
    sandbox
        .call_as(
            OUTSIDER,
            "/getAlternateContact",
            json!({"AlternateContactType": "Billing"}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &arn(OUTSIDER),
                "GetAlternateContact",
                "You specified an invalid Alternate Contact type.",
            ),
        );
}

#[test]
fn six_region_changes_per_account_apply_inside_an_organization_too() {
    let mut org = organization(true);
    for region in &OPT_IN[..6] {
        org.sandbox
            .call_as(
                MANAGEMENT,
                "/enableRegion",
                json!({"AccountId": MEMBER, "RegionName": region}),
            )
            .ok();
    }
    org.sandbox
        .call_as(
            ADMIN,
            "/enableRegion",
            json!({"AccountId": MEMBER, "RegionName": OPT_IN[6]}),
        )
        .assert_error(
            "TooManyRequestsException",
            429,
            &format!(
                "Account {MEMBER} already has 6 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again."
            ),
        );
    org.sandbox.clock.advance(ENABLE_MS);
    org.sandbox
        .call_as(
            ADMIN,
            "/enableRegion",
            json!({"AccountId": MEMBER, "RegionName": OPT_IN[6]}),
        )
        .ok();
}

#[test]
fn the_organization_quota_frees_up_as_changes_complete() {
    let mut org = organization(true);
    let members: Vec<String> = (1..=4).map(|n| format!("55555555555{n}")).collect();
    for m in &members {
        org.sandbox
            .engine
            .add_member_account(&org.id, m, "Worker", "worker@example.com")
            .unwrap();
    }
    for m in &members {
        for region in &OPT_IN[..5] {
            org.sandbox
                .call_as(
                    MANAGEMENT,
                    "/enableRegion",
                    json!({"AccountId": m, "RegionName": region}),
                )
                .ok();
        }
    }
    let next = json!({"AccountId": MEMBER, "RegionName": OPT_IN[0]});
    let refused = org
        .sandbox
        .call_as(MANAGEMENT, "/enableRegion", next.clone());
    assert_eq!(refused.status, 429, "{refused:?}");
    org.sandbox.clock.advance(ENABLE_MS);
    org.sandbox.call_as(MANAGEMENT, "/enableRegion", next).ok();
}
