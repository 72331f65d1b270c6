//! The AWS Organizations subset over its JSON 1.1 wire: shapes, who may call
//! what, each operation's errors, paging, and how it sets up the Account
//! API's organizations context.

mod common;

use account_engine::{Operation, OrgApiError, OrgOperation};
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const OUTSIDER: &str = "444444444444";

const ACCESS_DENIED: &str = "You don't have permissions to access this resource.";
const NOT_IN_USE: &str = "Your account is not a member of an organization.";
const ALREADY_IN_ORGANIZATION: &str = "The AWS account is already a member of an organization.";
const ACCOUNT_NOT_FOUND: &str = "You specified an account that doesn't exist.";
const NOT_REGISTERED: &str =
    "The provided account is not a registered delegated administrator for your organization.";
const ALREADY_REGISTERED: &str =
    "The provided account is already a delegated administrator for your organization.";
const STATUS_NOT_FOUND: &str =
    "We can't find a create account request with the CreateAccountRequestId that you specified.";
const CANNOT_REGISTER_MASTER: &str =
    "You cannot register master account/yourself as delegated administrator for your organization.";
const NO_TRUSTED_ACCESS: &str =
    "Your organization must first enable trusted access with AWS Account Management.";
const ACCOUNT: &str = "account.amazonaws.com";

/// A sandbox with an organization managed by MANAGEMENT, created through
/// the API, and its id.
fn organization() -> (Sandbox, String) {
    let mut sandbox = sandbox();
    let reply = sandbox.org_as(MANAGEMENT, "CreateOrganization", json!({}));
    let id = reply.ok()["Organization"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    (sandbox, id)
}

/// Creates a member through CreateAccount and DescribeCreateAccountStatus,
/// as a client waits for it, and returns its id.
fn create_account(sandbox: &mut Sandbox, name: &str) -> String {
    let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
    let reply = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": name, "Email": email}),
    );
    let request = reply.ok()["CreateAccountStatus"]["Id"].clone();
    let described = sandbox.org_as(
        MANAGEMENT,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": request}),
    );
    described.ok()["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn enable_trusted_access(sandbox: &mut Sandbox) {
    sandbox
        .org_as(
            MANAGEMENT,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        )
        .ok();
}

fn register(sandbox: &mut Sandbox, account: &str) -> OrgReply {
    sandbox.org_as(
        MANAGEMENT,
        "RegisterDelegatedAdministrator",
        json!({"AccountId": account, "ServicePrincipal": ACCOUNT}),
    )
}

/// Every member's id over all pages of ListAccounts, checking page sizes.
fn list_all(sandbox: &mut Sandbox, caller: &str, size: Option<usize>) -> Vec<Value> {
    let mut accounts = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut body = json!({});
        if let Some(n) = size {
            body["MaxResults"] = json!(n);
        }
        if let Some(t) = &token {
            body["NextToken"] = json!(t);
        }
        let reply = sandbox.org_as(caller, "ListAccounts", body);
        let page = reply.ok();
        let entries = page["Accounts"].as_array().unwrap();
        match page.get("NextToken") {
            Some(t) => {
                assert_eq!(
                    entries.len(),
                    size.unwrap_or(20),
                    "only the last page is short"
                );
                token = Some(t.as_str().unwrap().to_owned());
            }
            None => {
                assert!(entries.len() <= size.unwrap_or(20));
                accounts.extend(entries.iter().cloned());
                return accounts;
            }
        }
        accounts.extend(entries.iter().cloned());
    }
}

fn ids(accounts: &[Value]) -> Vec<String> {
    accounts
        .iter()
        .map(|a| a["Id"].as_str().unwrap().to_owned())
        .collect()
}

/// A valid request of each operation but CreateOrganization.
fn requests() -> Vec<(&'static str, Value)> {
    vec![
        ("DescribeOrganization", json!({})),
        (
            "CreateAccount",
            json!({"AccountName": "New", "Email": "new@example.com"}),
        ),
        (
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": "car-0123456789abcdef"}),
        ),
        ("ListAccounts", json!({})),
        (
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        ),
        (
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        ),
        ("ListAWSServiceAccessForOrganization", json!({})),
        (
            "RegisterDelegatedAdministrator",
            json!({"AccountId": "555555555555", "ServicePrincipal": ACCOUNT}),
        ),
        (
            "DeregisterDelegatedAdministrator",
            json!({"AccountId": "555555555555", "ServicePrincipal": ACCOUNT}),
        ),
        ("ListDelegatedAdministrators", json!({})),
    ]
}

#[test]
fn create_organization_makes_the_caller_the_management_account() {
    let mut sandbox = sandbox();
    let reply = sandbox.org_as(MANAGEMENT, "CreateOrganization", json!({}));
    let org = reply.ok()["Organization"].clone();
    let id = org["Id"].as_str().unwrap();
    assert!(id.starts_with("o-") && id.len() == 12, "{id}");
    assert!(id[2..]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    assert_eq!(
        org,
        json!({
            "Id": id,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:organization/{id}"),
            "FeatureSet": "ALL",
            "MasterAccountArn": format!("arn:aws:organizations::{MANAGEMENT}:account/{id}/{MANAGEMENT}"),
            "MasterAccountId": MANAGEMENT,
            "MasterAccountEmail": format!("account-{MANAGEMENT}@example.com"),
            "AvailablePolicyTypes": [],
        })
    );
    let described = sandbox.org_as(MANAGEMENT, "DescribeOrganization", json!({}));
    assert_eq!(described.ok()["Organization"], org);
    let accounts = list_all(&mut sandbox, MANAGEMENT, None);
    assert_eq!(
        accounts,
        [json!({
            "Id": MANAGEMENT,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:account/{id}/{MANAGEMENT}"),
            "Email": format!("account-{MANAGEMENT}@example.com"),
            "Name": format!("Account {MANAGEMENT}"),
            "Status": "ACTIVE",
            "State": "ACTIVE",
            "Paths": [format!("{id}/r-{}/{MANAGEMENT}/", &id[2..6])],
            "JoinedMethod": "INVITED",
            "JoinedTimestamp": epoch_seconds(START),
        })]
    );
}

#[test]
fn create_organization_takes_a_feature_set() {
    let mut sandbox = sandbox();
    let reply = sandbox.org_as(
        MANAGEMENT,
        "CreateOrganization",
        json!({"FeatureSet": "CONSOLIDATED_BILLING"}),
    );
    assert_eq!(
        reply.ok()["Organization"]["FeatureSet"],
        "CONSOLIDATED_BILLING"
    );
    sandbox
        .org_as(
            MANAGEMENT,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        )
        .assert_reason(
            "ConstraintViolationException",
            "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
            "This operation requires an organization that supports all features. An organization that supports only consolidated billing features can't perform it.",
        );
    sandbox
        .org_as(OUTSIDER, "CreateOrganization", json!({"FeatureSet": "all"}))
        .assert_reason(
            "InvalidInputException",
            "INVALID_ENUM",
            "You specified an invalid value.",
        );
    assert_eq!(sandbox.engine.state().organizations.len(), 1);
}

#[test]
fn an_account_in_an_organization_cannot_create_another() {
    let (mut sandbox, _) = organization();
    let member = create_account(&mut sandbox, "Member");
    for caller in [MANAGEMENT, member.as_str()] {
        sandbox
            .org_as(caller, "CreateOrganization", json!({}))
            .assert_error("AlreadyInOrganizationException", ALREADY_IN_ORGANIZATION);
    }
    assert_eq!(sandbox.engine.state().organizations.len(), 1);
}

#[test]
fn the_default_account_calls_when_the_access_key_is_not_an_account_id() {
    let mut sandbox = sandbox();
    let reply = sandbox.org_as("AKIAIOSFODNN7EXAMPLE", "CreateOrganization", json!({}));
    assert_eq!(reply.ok()["Organization"]["MasterAccountId"], DEFAULT);
}

#[test]
fn accounts_outside_any_organization_get_not_in_use() {
    let (mut sandbox, _) = organization();
    for (operation, body) in requests() {
        sandbox
            .org_as(OUTSIDER, operation, body)
            .assert_error("AWSOrganizationsNotInUseException", NOT_IN_USE);
    }
}

#[test]
fn members_may_only_describe_the_organization() {
    let (mut sandbox, id) = organization();
    let member = create_account(&mut sandbox, "Member");
    for (operation, body) in requests() {
        let reply = sandbox.org_as(&member, operation, body);
        if operation == "DescribeOrganization" {
            assert_eq!(reply.ok()["Organization"]["Id"], id.as_str());
        } else {
            reply.assert_error("AccessDeniedException", ACCESS_DENIED);
        }
    }
}

#[test]
fn the_delegated_administrator_reads_but_does_not_change_the_organization() {
    let (mut sandbox, _) = organization();
    let admin = create_account(&mut sandbox, "Admin");
    let status = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": "Other", "Email": "other@example.com"}),
    );
    let request_id = status.ok()["CreateAccountStatus"]["Id"].clone();
    enable_trusted_access(&mut sandbox);
    register(&mut sandbox, &admin).ok();
    for (operation, body) in requests() {
        let body = match operation {
            "DescribeCreateAccountStatus" => json!({"CreateAccountRequestId": request_id}),
            _ => body,
        };
        let reply = sandbox.org_as(&admin, operation, body);
        match operation {
            "CreateAccount"
            | "EnableAWSServiceAccess"
            | "DisableAWSServiceAccess"
            | "RegisterDelegatedAdministrator"
            | "DeregisterDelegatedAdministrator" => {
                reply.assert_error("AccessDeniedException", ACCESS_DENIED)
            }
            _ => {
                reply.ok();
            }
        }
    }
    assert_eq!(list_all(&mut sandbox, &admin, None).len(), 3);
}

#[test]
fn create_account_answers_in_progress_and_is_described_as_complete() {
    let (mut sandbox, id) = organization();
    sandbox.clock.advance(61_500);
    let reply = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({
            "AccountName": "Workloads Prod",
            "Email": "prod@example.com",
            "RoleName": "OrganizationAccountAccessRole",
            "IamUserAccessToBilling": "DENY",
            "Tags": [{"Key": "team", "Value": "platform"}],
        }),
    );
    let status = reply.ok()["CreateAccountStatus"].clone();
    let request_id = status["Id"].as_str().unwrap();
    assert!(
        request_id.starts_with("car-") && request_id.len() == 36,
        "{request_id}"
    );
    assert!(request_id[4..]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    let at = json!((START + 61_500) as f64 / 1000.0);
    assert_eq!(
        status,
        json!({
            "Id": request_id,
            "AccountName": "Workloads Prod",
            "State": "IN_PROGRESS",
            "RequestedTimestamp": at,
        })
    );
    let described = sandbox.org_as(
        MANAGEMENT,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": request_id}),
    );
    let described = described.ok()["CreateAccountStatus"].clone();
    let account_id = described["AccountId"].as_str().unwrap();
    assert!(account_id.len() == 12 && account_id.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(
        described,
        json!({
            "Id": request_id,
            "AccountName": "Workloads Prod",
            "State": "SUCCEEDED",
            "RequestedTimestamp": at,
            "CompletedTimestamp": at,
            "AccountId": account_id,
        })
    );
    let accounts = list_all(&mut sandbox, MANAGEMENT, None);
    let entry = accounts.iter().find(|a| a["Id"] == account_id).unwrap();
    assert_eq!(
        entry,
        &json!({
            "Id": account_id,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:account/{id}/{account_id}"),
            "Email": "prod@example.com",
            "Name": "Workloads Prod",
            "Status": "ACTIVE",
            "State": "ACTIVE",
            "Paths": [format!("{id}/r-{}/{account_id}/", &id[2..6])],
            "JoinedMethod": "CREATED",
            "JoinedTimestamp": at,
        })
    );
    let info = sandbox.call_as(account_id, "/getAccountInformation", json!({}));
    assert_eq!(info.ok()["AccountName"], "Workloads Prod");
}

#[test]
fn create_account_with_an_email_already_in_use_fails_without_an_account() {
    let (mut sandbox, _) = organization();
    create_account(&mut sandbox, "First");
    let reply = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": "Second", "Email": "FIRST@example.com"}),
    );
    let started = reply.ok()["CreateAccountStatus"].clone();
    assert_eq!(
        started["State"], "IN_PROGRESS",
        "the failure shows only later"
    );
    assert!(started.get("FailureReason").is_none(), "{started}");
    let described = sandbox.org_as(
        MANAGEMENT,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": started["Id"]}),
    );
    let status = described.ok()["CreateAccountStatus"].clone();
    assert_eq!(status["State"], "FAILED");
    assert_eq!(status["FailureReason"], "EMAIL_ALREADY_EXISTS");
    assert!(status.get("AccountId").is_none(), "{status}");
    assert_eq!(list_all(&mut sandbox, MANAGEMENT, None).len(), 2);
}

#[test]
fn create_account_checks_its_input() {
    let (mut sandbox, _) = organization();
    let long_name = "n".repeat(51);
    let long_email = format!("{}@example.com", "e".repeat(53));
    let cases = [
        (json!({"Email": "a@example.com"}), "INPUT_REQUIRED"),
        (json!({"AccountName": "A"}), "INPUT_REQUIRED"),
        (
            json!({"AccountName": "A", "Email": "a@b.c"}),
            "MIN_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountName": "A", "Email": long_email}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountName": "A", "Email": "no-at-sign.example.com"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountName": "A", "Email": "a b@example"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountName": "", "Email": "a@example.com"}),
            "MIN_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountName": long_name, "Email": "a@example.com"}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountName": "Caf\u{e9}", "Email": "a@example.com"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountName": "A", "Email": "a@example.com", "RoleName": "bad role"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountName": "A", "Email": "a@example.com", "IamUserAccessToBilling": "allow"}),
            "INVALID_ENUM",
        ),
    ];
    for (body, reason) in cases {
        let reply = sandbox.org_as(MANAGEMENT, "CreateAccount", body.clone());
        reply.assert_invalid(reason);
    }
    assert_eq!(list_all(&mut sandbox, MANAGEMENT, None).len(), 1);
    // Input is checked before the caller's rights.
    sandbox
        .org_as(OUTSIDER, "CreateAccount", json!({"AccountName": "A"}))
        .assert_invalid("INPUT_REQUIRED");
}

#[test]
fn invalid_input_messages_describe_their_reason() {
    let (mut sandbox, _) = organization();
    sandbox
        .org_as(MANAGEMENT, "CreateAccount", json!({"AccountName": "A"}))
        .assert_reason(
            "InvalidInputException",
            "INPUT_REQUIRED",
            "You must include a value for all required parameters.",
        );
    sandbox
        .org_as(MANAGEMENT, "ListAccounts", json!({"NextToken": "nope"}))
        .assert_reason(
            "InvalidInputException",
            "INVALID_NEXT_TOKEN",
            "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.",
        );
}

#[test]
fn describe_create_account_status_finds_only_this_organizations_requests() {
    let (mut sandbox, _) = organization();
    sandbox
        .org_as(
            MANAGEMENT,
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": "car-0123456789abcdef0123456789abcdef"}),
        )
        .assert_error("CreateAccountStatusNotFoundException", STATUS_NOT_FOUND);
    for bad in ["car-short", "0123456789abcdef", "car-0123456789ABCDEF"] {
        sandbox
            .org_as(
                MANAGEMENT,
                "DescribeCreateAccountStatus",
                json!({"CreateAccountRequestId": bad}),
            )
            .assert_invalid("INVALID_PATTERN");
    }
    sandbox
        .org_as(MANAGEMENT, "DescribeCreateAccountStatus", json!({}))
        .assert_invalid("INPUT_REQUIRED");

    let status = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": "Mine", "Email": "mine@example.com"}),
    );
    let request_id = status.ok()["CreateAccountStatus"]["Id"].clone();
    sandbox
        .org_as(OUTSIDER, "CreateOrganization", json!({}))
        .ok();
    sandbox
        .org_as(
            OUTSIDER,
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": request_id}),
        )
        .assert_error("CreateAccountStatusNotFoundException", STATUS_NOT_FOUND);
}

#[test]
fn list_accounts_pages_by_20_by_default_in_account_id_order() {
    let mut sandbox = sandbox();
    sandbox.engine.create_demo_organization(45).unwrap();
    let accounts = list_all(&mut sandbox, DEFAULT, None);
    assert_eq!(accounts.len(), 46);
    let listed = ids(&accounts);
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(listed, sorted);
    for size in [1, 7, 20] {
        assert_eq!(ids(&list_all(&mut sandbox, DEFAULT, Some(size))), listed);
    }
}

#[test]
fn list_accounts_max_results_is_between_1_and_20() {
    let (mut sandbox, _) = organization();
    for (n, reason) in [
        (json!(0), "MIN_VALUE_EXCEEDED"),
        (json!(-3), "MIN_VALUE_EXCEEDED"),
        (json!(21), "MAX_VALUE_EXCEEDED"),
        (json!(u64::MAX), "MAX_VALUE_EXCEEDED"),
    ] {
        sandbox
            .org_as(MANAGEMENT, "ListAccounts", json!({"MaxResults": n}))
            .assert_invalid(reason);
    }
    sandbox
        .org_as(MANAGEMENT, "ListAccounts", json!({"MaxResults": 20}))
        .ok();
}

#[test]
fn list_accounts_tokens_are_bound_to_their_organization_and_tamper_evident() {
    let mut sandbox = sandbox();
    sandbox.engine.create_demo_organization(3).unwrap();
    let first = sandbox.org_as(DEFAULT, "ListAccounts", json!({"MaxResults": 1}));
    let token = first.ok()["NextToken"].as_str().unwrap().to_owned();
    sandbox
        .org_as(OUTSIDER, "CreateOrganization", json!({}))
        .ok();
    sandbox
        .org_as(OUTSIDER, "ListAccounts", json!({"NextToken": token}))
        .assert_invalid("INVALID_NEXT_TOKEN");
    let mut tampered = token.clone().into_bytes();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == b'0' { b'1' } else { b'0' };
    let tampered = String::from_utf8(tampered).unwrap();
    sandbox
        .org_as(DEFAULT, "ListAccounts", json!({"NextToken": tampered}))
        .assert_invalid("INVALID_NEXT_TOKEN");
    sandbox
        .org_as(
            DEFAULT,
            "ListAccounts",
            json!({"NextToken": "x".repeat(100_001)}),
        )
        .assert_invalid("MAX_LENGTH_EXCEEDED");
    sandbox
        .org_as(DEFAULT, "ListAccounts", json!({"NextToken": token}))
        .ok();
}

#[test]
fn accounts_joining_between_pages_neither_repeat_nor_shift_the_others() {
    let mut sandbox = sandbox();
    let org = sandbox.engine.create_demo_organization(4).unwrap();
    let before = ids(&list_all(&mut sandbox, DEFAULT, None));
    let first = sandbox.org_as(DEFAULT, "ListAccounts", json!({"MaxResults": 2}));
    let first_ids = ids(first.ok()["Accounts"].as_array().unwrap());
    let token = first.body["NextToken"].clone();
    // A new account that sorts before the cursor.
    sandbox
        .engine
        .add_member_account(&org, "000000000001", "Early", "early@example.com")
        .unwrap();
    let rest = sandbox.org_as(DEFAULT, "ListAccounts", json!({"NextToken": token}));
    let rest_ids = ids(rest.ok()["Accounts"].as_array().unwrap());
    assert_eq!([first_ids, rest_ids].concat(), before);
}

#[test]
fn list_accounts_reports_suspended_accounts() {
    let mut sandbox = sandbox();
    sandbox.engine.create_demo_organization(2).unwrap();
    let accounts = list_all(&mut sandbox, DEFAULT, None);
    let member = accounts.iter().find(|a| a["Id"] != DEFAULT).unwrap()["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    sandbox
        .engine
        .set_account_state(&member, account_engine::model::AccountState::Suspended)
        .unwrap();
    let accounts = list_all(&mut sandbox, DEFAULT, None);
    let entry = accounts
        .iter()
        .find(|a| a["Id"] == member.as_str())
        .unwrap();
    assert_eq!(
        (&entry["Status"], &entry["State"]),
        (&json!("SUSPENDED"), &json!("SUSPENDED"))
    );
    let active = accounts.iter().filter(|a| a["Status"] == "ACTIVE").count();
    assert_eq!(active, 2);
}

#[test]
fn service_access_is_listed_with_the_date_it_was_enabled() {
    let (mut sandbox, _) = organization();
    sandbox.clock.advance(5_000);
    enable_trusted_access(&mut sandbox);
    sandbox.clock.advance(5_000);
    enable_trusted_access(&mut sandbox);
    sandbox
        .org_as(
            MANAGEMENT,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": "guardduty.amazonaws.com"}),
        )
        .ok();
    let list = sandbox.org_as(MANAGEMENT, "ListAWSServiceAccessForOrganization", json!({}));
    assert_eq!(
        list.ok(),
        &json!({"EnabledServicePrincipals": [
            {"ServicePrincipal": ACCOUNT, "DateEnabled": epoch_seconds(START + 5_000)},
            {"ServicePrincipal": "guardduty.amazonaws.com", "DateEnabled": epoch_seconds(START + 10_000)},
        ]})
    );
    let first = sandbox.org_as(
        MANAGEMENT,
        "ListAWSServiceAccessForOrganization",
        json!({"MaxResults": 1}),
    );
    assert_eq!(
        first.ok()["EnabledServicePrincipals"][0]["ServicePrincipal"],
        ACCOUNT
    );
    let second = sandbox.org_as(
        MANAGEMENT,
        "ListAWSServiceAccessForOrganization",
        json!({"MaxResults": 1, "NextToken": first.body["NextToken"]}),
    );
    assert_eq!(
        second.ok(),
        &json!({"EnabledServicePrincipals": [
            {"ServicePrincipal": "guardduty.amazonaws.com", "DateEnabled": epoch_seconds(START + 10_000)},
        ]})
    );
    sandbox
        .org_as(
            MANAGEMENT,
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": "guardduty.amazonaws.com"}),
        )
        .ok();
    sandbox
        .org_as(
            MANAGEMENT,
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": "guardduty.amazonaws.com"}),
        )
        .ok();
    let list = sandbox.org_as(MANAGEMENT, "ListAWSServiceAccessForOrganization", json!({}));
    assert_eq!(
        list.ok()["EnabledServicePrincipals"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn service_principals_are_checked() {
    let (mut sandbox, _) = organization();
    for operation in ["EnableAWSServiceAccess", "DisableAWSServiceAccess"] {
        for (body, reason) in [
            (json!({}), "INPUT_REQUIRED"),
            (json!({"ServicePrincipal": ""}), "MIN_LENGTH_EXCEEDED"),
            (
                json!({"ServicePrincipal": "x".repeat(129)}),
                "MAX_LENGTH_EXCEEDED",
            ),
            (
                json!({"ServicePrincipal": "bad principal"}),
                "INVALID_PATTERN",
            ),
            (
                json!({"ServicePrincipal": "example.com"}),
                "UNRECOGNIZED_SERVICE_PRINCIPAL",
            ),
            (
                json!({"ServicePrincipal": ".amazonaws.com"}),
                "UNRECOGNIZED_SERVICE_PRINCIPAL",
            ),
        ] {
            sandbox
                .org_as(MANAGEMENT, operation, body)
                .assert_invalid(reason);
        }
    }
}

#[test]
fn enabling_trusted_access_opens_the_organizations_context() {
    let (mut sandbox, _) = organization();
    let member = create_account(&mut sandbox, "Member");
    let mut body = alternate("SECURITY");
    body["AccountId"] = json!(member);
    let management_arn = arn(MANAGEMENT);
    sandbox
        .call_as(MANAGEMENT, "/putAlternateContact", body.clone())
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&management_arn, "PutAlternateContact", NO_TRUSTED_ACCESS),
        );
    enable_trusted_access(&mut sandbox);
    sandbox
        .call_as(MANAGEMENT, "/putAlternateContact", body.clone())
        .ok();
    sandbox
        .org_as(
            MANAGEMENT,
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        )
        .ok();
    sandbox
        .call_as(MANAGEMENT, "/putAlternateContact", body)
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(&management_arn, "PutAlternateContact", NO_TRUSTED_ACCESS),
        );
    let list = sandbox.org_as(MANAGEMENT, "ListAWSServiceAccessForOrganization", json!({}));
    assert_eq!(list.ok(), &json!({"EnabledServicePrincipals": []}));
}

#[test]
fn register_delegated_administrator_rules() {
    let (mut sandbox, _) = organization();
    let admin = create_account(&mut sandbox, "Admin");
    let other = create_account(&mut sandbox, "Other");
    register(&mut sandbox, &admin).assert_reason(
        "ConstraintViolationException",
        "SERVICE_ACCESS_NOT_ENABLED",
        "You must enable service access for the service before you register a delegated administrator for it. Call EnableAWSServiceAccess first.",
    );
    enable_trusted_access(&mut sandbox);
    register(&mut sandbox, MANAGEMENT).assert_reason(
        "ConstraintViolationException",
        "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
        CANNOT_REGISTER_MASTER,
    );
    register(&mut sandbox, OUTSIDER).assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
    register(&mut sandbox, &admin).ok();
    register(&mut sandbox, &admin)
        .assert_error("AccountAlreadyRegisteredException", ALREADY_REGISTERED);
    register(&mut sandbox, &other).assert_reason(
        "ConstraintViolationException",
        "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE",
        "The service already has a delegated administrator. Deregister it before you register another account.",
    );
    for (body, reason) in [
        (json!({"ServicePrincipal": ACCOUNT}), "INPUT_REQUIRED"),
        (json!({"AccountId": other}), "INPUT_REQUIRED"),
        (
            json!({"AccountId": "12345", "ServicePrincipal": ACCOUNT}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountId": "1234567890123", "ServicePrincipal": ACCOUNT}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountId": other, "ServicePrincipal": "guardduty.amazonaws.com"}),
            "UNRECOGNIZED_SERVICE_PRINCIPAL",
        ),
    ] {
        sandbox
            .org_as(MANAGEMENT, "RegisterDelegatedAdministrator", body)
            .assert_invalid(reason);
    }
    assert_eq!(
        sandbox.engine.state().organizations[0]
            .delegated_administrator
            .as_deref(),
        Some(admin.as_str())
    );
}

#[test]
fn a_suspended_account_cannot_become_delegated_administrator() {
    let (mut sandbox, _) = organization();
    let member = create_account(&mut sandbox, "Member");
    enable_trusted_access(&mut sandbox);
    sandbox
        .engine
        .set_account_state(&member, account_engine::model::AccountState::Suspended)
        .unwrap();
    register(&mut sandbox, &member).assert_reason(
        "ConstraintViolationException",
        "CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR",
        "You cannot register a suspended account as a delegated administrator.",
    );
}

#[test]
fn list_delegated_administrators_shows_the_account_and_when_it_was_delegated() {
    let (mut sandbox, id) = organization();
    let admin = create_account(&mut sandbox, "Admin");
    enable_trusted_access(&mut sandbox);
    let empty = sandbox.org_as(MANAGEMENT, "ListDelegatedAdministrators", json!({}));
    assert_eq!(empty.ok(), &json!({"DelegatedAdministrators": []}));
    sandbox.clock.advance(3_000);
    register(&mut sandbox, &admin).ok();
    let expected = json!({"DelegatedAdministrators": [{
        "Id": admin,
        "Arn": format!("arn:aws:organizations::{MANAGEMENT}:account/{id}/{admin}"),
        "Email": "admin@example.com",
        "Name": "Admin",
        "Status": "ACTIVE",
        "State": "ACTIVE",
        "Paths": [format!("{id}/r-{}/{admin}/", &id[2..6])],
        "JoinedMethod": "CREATED",
        "JoinedTimestamp": epoch_seconds(START),
        "DelegationEnabledDate": epoch_seconds(START + 3_000),
    }]});
    for body in [json!({}), json!({"ServicePrincipal": ACCOUNT})] {
        let reply = sandbox.org_as(&admin, "ListDelegatedAdministrators", body);
        assert_eq!(reply.ok(), &expected);
    }
    let other = sandbox.org_as(
        MANAGEMENT,
        "ListDelegatedAdministrators",
        json!({"ServicePrincipal": "guardduty.amazonaws.com"}),
    );
    assert_eq!(other.ok(), &json!({"DelegatedAdministrators": []}));
    sandbox
        .org_as(
            MANAGEMENT,
            "ListDelegatedAdministrators",
            json!({"ServicePrincipal": "nope"}),
        )
        .assert_invalid("UNRECOGNIZED_SERVICE_PRINCIPAL");
    sandbox
        .org_as(
            MANAGEMENT,
            "ListDelegatedAdministrators",
            json!({"MaxResults": 21}),
        )
        .assert_invalid("MAX_VALUE_EXCEEDED");
}

#[test]
fn deregistering_ends_the_delegated_administrators_organizations_context() {
    let (mut sandbox, _) = organization();
    let admin = create_account(&mut sandbox, "Admin");
    let member = create_account(&mut sandbox, "Member");
    enable_trusted_access(&mut sandbox);
    let deregister = |sandbox: &mut Sandbox, account: &str| {
        sandbox.org_as(
            MANAGEMENT,
            "DeregisterDelegatedAdministrator",
            json!({"AccountId": account, "ServicePrincipal": ACCOUNT}),
        )
    };
    deregister(&mut sandbox, &admin).assert_error("AccountNotRegisteredException", NOT_REGISTERED);
    deregister(&mut sandbox, MANAGEMENT)
        .assert_error("AccountNotRegisteredException", NOT_REGISTERED);
    deregister(&mut sandbox, OUTSIDER).assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
    register(&mut sandbox, &admin).ok();
    let info = json!({"AccountId": member});
    sandbox
        .call_as(&admin, "/getAccountInformation", info.clone())
        .ok();
    deregister(&mut sandbox, &admin).ok();
    sandbox
        .call_as(&admin, "/getAccountInformation", info)
        .assert_error(
            "AccessDeniedException",
            403,
            &denied_bare(&arn(&admin), "GetAccountInformation"),
        );
    sandbox
        .org_as(&admin, "ListAccounts", json!({}))
        .assert_error("AccessDeniedException", ACCESS_DENIED);
    register(&mut sandbox, &member).ok();
}

#[test]
fn the_wire_refuses_unknown_targets_and_malformed_bodies() {
    let (mut sandbox, _) = organization();
    for target in [
        "AWSOrganizationsV20161128.ListHandshakesForAccount",
        "ListAccounts",
        "AmazonAccount.ListAccounts",
        "",
    ] {
        let reply = sandbox.org_raw_as(MANAGEMENT, target, b"{}");
        assert_eq!(reply.status, 400);
        assert_eq!(
            reply.body["__type"], "UnknownOperationException",
            "{target}"
        );
    }
    for body in [&b"{"[..], b"[]", b"3", b"null"] {
        let reply = sandbox.org_raw_as(MANAGEMENT, "AWSOrganizationsV20161128.ListAccounts", body);
        assert_eq!(reply.status, 400);
        assert_eq!(reply.body["__type"], "SerializationException");
    }
    for body in [
        json!({"MaxResults": "5"}),
        json!({"NextToken": 5}),
        json!({"MaxResults": 1.5}),
    ] {
        let reply = sandbox.org_as(MANAGEMENT, "ListAccounts", body);
        assert_eq!(reply.status, 400);
        assert_eq!(reply.body["__type"], "SerializationException");
        let message = reply.body["Message"].as_str().unwrap();
        assert!(
            message.starts_with(
                "The request does not match the operation's input shape: invalid type: "
            ),
            "{message}"
        );
        assert!(!message.contains("i128"), "{message}");
    }
    let reply = sandbox.org_as(MANAGEMENT, "ListAccounts", json!({"MaxResults": "5"}));
    assert_eq!(
        reply.body["Message"],
        "The request does not match the operation's input shape: invalid type: string \"5\", expected an integer."
    );
    let reply = sandbox.org_raw_as(
        MANAGEMENT,
        "AWSOrganizationsV20161128.DescribeOrganization",
        b"",
    );
    reply.ok();
    let reply = sandbox.org_as(
        MANAGEMENT,
        "ListAccounts",
        json!({"MaxResults": null, "Extra": 1}),
    );
    reply.ok();
}

#[test]
fn every_response_carries_a_distinct_request_id() {
    let (mut sandbox, _) = organization();
    let a = sandbox.engine.handle_organizations(
        MANAGEMENT,
        &OrgOperation::ListAccounts.target(),
        b"{}",
    );
    let b =
        sandbox
            .engine
            .handle_organizations(OUTSIDER, &OrgOperation::ListAccounts.target(), b"{}");
    assert_ne!(a.header("x-amzn-RequestId"), b.header("x-amzn-RequestId"));
}

#[test]
fn call_organizations_runs_an_operation_on_a_parsed_input() {
    let (mut sandbox, id) = organization();
    let out = sandbox
        .engine
        .call_organizations(MANAGEMENT, OrgOperation::DescribeOrganization, &Value::Null)
        .unwrap();
    assert_eq!(out["Organization"]["Id"], id.as_str());
    let err = sandbox
        .engine
        .call_organizations(OUTSIDER, OrgOperation::ListAccounts, &json!({}))
        .unwrap_err();
    assert_eq!(err, OrgApiError::NotInUse);
    assert_eq!(err.code(), "AWSOrganizationsNotInUseException");
    let err = sandbox
        .engine
        .call_organizations(MANAGEMENT, OrgOperation::ListAccounts, &json!([1]))
        .unwrap_err();
    assert_eq!(err.code(), "SerializationException");
    assert!(OrgOperation::CreateAccount.is_mutating());
    assert!(!OrgOperation::ListAccounts.is_mutating());
}

#[test]
fn reads_do_not_change_the_state() {
    let (mut sandbox, _) = organization();
    create_account(&mut sandbox, "Member");
    enable_trusted_access(&mut sandbox);
    let before = sandbox.engine.snapshot();
    for operation in OrgOperation::ALL.into_iter().filter(|o| !o.is_mutating()) {
        for caller in [MANAGEMENT, OUTSIDER] {
            sandbox.org_as(caller, operation.name(), json!({}));
        }
    }
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn refused_changes_change_nothing() {
    let (mut sandbox, _) = organization();
    let member = create_account(&mut sandbox, "Member");
    let before = sandbox.engine.snapshot();
    for (operation, body) in requests() {
        sandbox.org_as(&member, operation, body.clone());
        sandbox.org_as(OUTSIDER, operation, body);
    }
    sandbox.org_as(MANAGEMENT, "CreateOrganization", json!({}));
    register(&mut sandbox, &member);
    assert_eq!(sandbox.engine.snapshot(), before);
}

#[test]
fn organization_state_survives_a_snapshot_round_trip() {
    let (mut original, _) = organization();
    let admin = create_account(&mut original, "Admin");
    original.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": "Dup", "Email": "admin@example.com"}),
    );
    enable_trusted_access(&mut original);
    original
        .org_as(
            MANAGEMENT,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": "sso.amazonaws.com"}),
        )
        .ok();
    register(&mut original, &admin).ok();
    let snapshot = original.engine.snapshot();
    let mut restored = sandbox();
    restored.engine.restore(&snapshot).unwrap();
    assert_eq!(restored.engine.state(), original.engine.state());
    for (operation, body) in requests() {
        for caller in [MANAGEMENT, admin.as_str()] {
            let a = original.org_as(caller, operation, body.clone());
            let b = restored.org_as(caller, operation, body.clone());
            assert_eq!((a.status, a.body), (b.status, b.body), "{operation}");
        }
    }
}

#[test]
fn organizations_from_older_snapshots_read_as_invited_members() {
    let mut sandbox = sandbox();
    let created = START - 86_400_000;
    let account = |id: &str, name: &str| json!({"id": id, "name": name, "email": format!("{id}@example.com"), "created": created, "state": "ACTIVE"});
    let old = json!({
        "schemaVersion": 1,
        "accounts": {
            MANAGEMENT: account(MANAGEMENT, "Management"),
            "222222222222": account("222222222222", "Admin"),
            "333333333333": account("333333333333", "Member"),
        },
        "organizations": [{
            "id": "o-abcdefghij",
            "managementAccountId": MANAGEMENT,
            "members": [MANAGEMENT, "222222222222", "333333333333"],
            "trustedAccess": true,
            "delegatedAdministrator": "222222222222",
        }],
        "seed": 7,
        "sequence": 0,
    });
    sandbox.engine.restore(&old.to_string()).unwrap();
    let accounts = list_all(&mut sandbox, MANAGEMENT, None);
    assert_eq!(accounts.len(), 3);
    for a in &accounts {
        assert_eq!(
            (&a["JoinedMethod"], &a["JoinedTimestamp"]),
            (&json!("INVITED"), &epoch_seconds(created))
        );
    }
    let org = sandbox.org_as(MANAGEMENT, "DescribeOrganization", json!({}));
    assert_eq!(org.ok()["Organization"]["FeatureSet"], "ALL");
    let access = sandbox.org_as(MANAGEMENT, "ListAWSServiceAccessForOrganization", json!({}));
    assert_eq!(
        access.ok(),
        &json!({"EnabledServicePrincipals": [{"ServicePrincipal": ACCOUNT, "DateEnabled": epoch_seconds(created)}]})
    );
    let admins = sandbox.org_as(MANAGEMENT, "ListDelegatedAdministrators", json!({}));
    assert_eq!(
        admins.ok()["DelegatedAdministrators"][0]["DelegationEnabledDate"],
        epoch_seconds(created)
    );
    let mut body = alternate("SECURITY");
    body["AccountId"] = json!("333333333333");
    sandbox
        .call_as("222222222222", "/putAlternateContact", body)
        .ok();
}

#[test]
fn a_demo_organization_is_managed_by_the_default_account_with_trusted_access() {
    let mut sandbox = sandbox();
    let id = sandbox.engine.create_demo_organization(30).unwrap();
    let org = &sandbox.engine.state().organizations[0];
    assert_eq!(org.id, id);
    assert_eq!(org.management_account_id, DEFAULT);
    assert_eq!(org.members.len(), 31);
    assert!(org.trusted_access);
    let accounts = list_all(&mut sandbox, DEFAULT, None);
    let names: Vec<&str> = accounts
        .iter()
        .filter(|a| a["Id"] != DEFAULT)
        .map(|a| a["Name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 30);
    assert!(names.contains(&"Member 0001") && names.contains(&"Member 0030"));
    assert!(accounts
        .iter()
        .all(|a| a["JoinedMethod"] == "CREATED" || a["Id"] == DEFAULT));
}

/// The seed blog's bulk job: page through ListAccounts, skip the management
/// account and anything not ACTIVE, and put the same SECURITY contact on
/// every other member with AccountId.
#[test]
fn the_bulk_alternate_contact_job_covers_a_thousand_member_organization() {
    let mut sandbox = sandbox();
    sandbox.engine.create_demo_organization(1000).unwrap();
    let accounts = list_all(&mut sandbox, DEFAULT, None);
    assert_eq!(accounts.len(), 1001);
    let mut updated = 0;
    for account in accounts
        .iter()
        .filter(|a| a["Status"] == "ACTIVE" && a["Id"] != DEFAULT)
    {
        let mut body = alternate("SECURITY");
        body["AccountId"] = account["Id"].clone();
        sandbox
            .call(&Operation::PutAlternateContact.path(), body)
            .ok();
        updated += 1;
    }
    assert_eq!(updated, 1000);
    let with_contact = sandbox
        .engine
        .state()
        .accounts
        .values()
        .filter(|a| !a.alternate_contacts.is_empty())
        .count();
    assert_eq!(with_contact, 1000);
}

#[test]
fn a_created_member_starts_with_the_management_contact_under_its_own_name() {
    let (mut sandbox, _) = organization();
    let bare = create_account(&mut sandbox, "Before Contact");
    sandbox
        .call_as(bare.as_str(), "/getContactInformation", json!({}))
        .assert_error(
            "ResourceNotFoundException",
            404,
            "No contact information found for this account.",
        );
    let mut management = contact();
    management["AddressLine2"] = json!("Floor 3");
    management["DistrictOrCounty"] = json!("King");
    let mut expected = management.clone();
    management["CompanyName"] = json!("Example Corp");
    management["WebsiteUrl"] = json!("https://example.com");
    sandbox
        .call_as(
            MANAGEMENT,
            "/putContactInformation",
            json!({"ContactInformation": management}),
        )
        .ok();
    let member = create_account(&mut sandbox, "Workloads");
    let reply = sandbox.call_as(&member, "/getContactInformation", json!({}));
    expected["FullName"] = json!("Workloads");
    assert_eq!(reply.ok()["ContactInformation"], expected);
}
