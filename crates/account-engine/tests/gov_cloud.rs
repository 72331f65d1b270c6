//! GetGovCloudAccountInformation and the links CreateGovCloudAccount makes.

mod common;

use common::*;
use serde_json::json;

const MANAGEMENT: &str = "111111111111";
const GET: &str = "/getGovCloudAccountInformation";

fn organization() -> Sandbox {
    let mut sandbox = sandbox();
    sandbox
        .org_as(MANAGEMENT, "CreateOrganization", json!({}))
        .ok();
    sandbox
        .org_as(
            MANAGEMENT,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": "account.amazonaws.com"}),
        )
        .ok();
    sandbox
}

#[test]
fn an_account_without_a_link_is_not_found_with_the_documented_text() {
    let mut sandbox = sandbox();
    sandbox.call(GET, json!({})).assert_error(
        "ResourceNotFoundException",
        404,
        &format!("GovCloud Account ID not found for Standard Account - {DEFAULT}."),
    );
}

#[test]
fn a_linked_account_answers_its_gov_cloud_id_and_state() {
    let mut sandbox = sandbox();
    let id = sandbox.engine.link_gov_cloud_account(DEFAULT).unwrap();
    assert!(id.len() == 12 && id != DEFAULT, "{id}");
    let reply = sandbox.call(GET, json!({}));
    assert_eq!(
        reply.ok(),
        &json!({"GovCloudAccountId": id, "AccountState": "ACTIVE"})
    );
}

#[test]
fn create_gov_cloud_account_makes_a_linked_pair() {
    let mut sandbox = organization();
    let started = sandbox.org_as(
        MANAGEMENT,
        "CreateGovCloudAccount",
        json!({"AccountName": "Gov Workloads", "Email": "gov@example.com"}),
    );
    let started = started.ok()["CreateAccountStatus"].clone();
    assert_eq!(started["State"], "IN_PROGRESS");
    let described = sandbox.org_as(
        MANAGEMENT,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": started["Id"]}),
    );
    let status = described.ok()["CreateAccountStatus"].clone();
    assert_eq!(status["State"], "SUCCEEDED");
    let standard = status["AccountId"].as_str().unwrap().to_owned();
    let gov_cloud = status["GovCloudAccountId"].as_str().unwrap().to_owned();
    assert_ne!(standard, gov_cloud);
    let by_management = sandbox.call_as(MANAGEMENT, GET, json!({"StandardAccountId": standard}));
    assert_eq!(
        by_management.ok(),
        &json!({"GovCloudAccountId": gov_cloud, "AccountState": "ACTIVE"})
    );
    let own = sandbox.call_as(&standard, GET, json!({}));
    assert_eq!(own.ok()["GovCloudAccountId"], gov_cloud);
}

#[test]
fn standard_account_id_has_the_account_rules_under_its_own_name() {
    let mut sandbox = organization();
    sandbox
        .call_as(MANAGEMENT, GET, json!({"StandardAccountId": "12345"}))
        .assert_field("StandardAccountId", &regex_mismatch(r"^\d{12}$", "12345"));
    sandbox
        .call_as(MANAGEMENT, GET, json!({"StandardAccountId": MANAGEMENT}))
        .assert_error(
            "AccessDeniedException",
            403,
            &denied(
                &arn(MANAGEMENT),
                "GetGovCloudAccountInformation",
                "The management account can only be managed using the standalone context from the management account.",
            ),
        );
}

#[test]
fn only_the_management_account_creates_gov_cloud_accounts() {
    let mut sandbox = organization();
    let started = sandbox.org_as(
        MANAGEMENT,
        "CreateAccount",
        json!({"AccountName": "Member", "Email": "member@example.com"}),
    );
    let id = started.ok()["CreateAccountStatus"]["Id"].clone();
    let described = sandbox.org_as(
        MANAGEMENT,
        "DescribeCreateAccountStatus",
        json!({"CreateAccountRequestId": id}),
    );
    let member = described.ok()["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(described.ok()["CreateAccountStatus"]
        .get("GovCloudAccountId")
        .is_none());
    sandbox
        .org_as(
            &member,
            "CreateGovCloudAccount",
            json!({"AccountName": "Gov", "Email": "gov@example.com"}),
        )
        .assert_error(
            "AccessDeniedException",
            "You don't have permissions to access this resource.",
        );
}
