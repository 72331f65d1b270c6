//! The example policies of spec §8 (T1–T14): they parse, and their
//! statements match as the expected outcomes need, where that is
//! expressible without the service. mgmt = 123456789012, organization
//! o-aa111bb222, member 111111111111 unless stated.

use iam_policy::{Decision, Policy, PolicyError, PolicyKind, Request, Value};

const STANDALONE: &str = "arn:aws:account::111111111111:account";
const ORG_MEMBER: &str = "arn:aws:account::123456789012:account/o-aa111bb222/111111111111";

fn identity(json: &str) -> Policy {
    Policy::parse(json, PolicyKind::Identity).unwrap()
}

fn scp(json: &str) -> Policy {
    Policy::parse(json, PolicyKind::ServiceControl).unwrap()
}

fn decision(policy: &Policy, request: &Request) -> Decision {
    policy.evaluate(request).decision()
}

/// An Allow of `account:*` on `*` under `condition`.
fn wrapped(condition: &str) -> Policy {
    identity(&format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"account:*","Resource":"*","Condition":{condition}}}]}}"#
    ))
}

const T1: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["account:Get*","account:List*"],"Resource":"*"}]}"#;

#[test]
fn t1_read_only_access_allows_every_get_and_list() {
    let policy = identity(T1);
    for action in [
        "GetAlternateContact",
        "GetContactInformation",
        "GetRegionOptStatus",
        "GetAccountInformation",
        "GetPrimaryEmail",
        "GetPrimaryEmailUpdateStatus",
        "GetGovCloudAccountInformation",
        "ListRegions",
    ] {
        let request = Request::new(format!("account:{action}"), ORG_MEMBER);
        let found = policy.evaluate(&request);
        assert_eq!(found.decision(), Decision::Allow, "{action}");
        assert_eq!(
            (found.allow.unwrap().index, found.allow.unwrap().sid),
            (0, None)
        );
    }
    for action in [
        "PutContactInformation",
        "PutAlternateContact",
        "DeleteAlternateContact",
        "EnableRegion",
        "DisableRegion",
        "PutAccountName",
        "StartPrimaryEmailUpdate",
        "AcceptPrimaryEmailUpdate",
        "SendPhoneNumberVerification",
        "VerifyPhoneNumber",
    ] {
        let request = Request::new(format!("account:{action}"), STANDALONE);
        assert_eq!(
            decision(&policy, &request),
            Decision::ImplicitDeny,
            "{action}"
        );
    }
}

#[test]
fn t2_full_access_allows_every_account_action_only() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#,
    );
    assert_eq!(
        decision(&policy, &Request::new("account:PutAccountName", ORG_MEMBER)),
        Decision::Allow
    );
    assert_eq!(
        decision(&policy, &Request::new("account:CloseAccount", STANDALONE)),
        Decision::Allow
    );
    assert_eq!(
        decision(&policy, &Request::new("iam:UpdateAccountName", STANDALONE)),
        Decision::ImplicitDeny
    );
}

#[test]
fn t3_account_page_read_only() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"GrantReadOnlyAccessToAccountSettings","Effect":"Allow","Action":["account:GetAccountInformation","account:ListRegions"],"Resource":"*"}]}"#,
    );
    let found = policy.evaluate(&Request::new("account:ListRegions", STANDALONE));
    assert_eq!(
        found.allow.unwrap().sid,
        Some("GrantReadOnlyAccessToAccountSettings")
    );
    assert_eq!(
        decision(
            &policy,
            &Request::new("account:GetContactInformation", STANDALONE)
        ),
        Decision::ImplicitDeny
    );
}

#[test]
fn t4_account_page_full_access_lists_its_actions() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"GrantFullAccessToAccountSettings","Effect":"Allow","Action":["account:GetAccountInformation","account:ListRegions","account:PutContactInformation","account:PutChallengeQuestions","account:PutAlternateContact","account:DeleteAlternateContact","account:EnableRegion","account:DisableRegion"],"Resource":"*"}]}"#,
    );
    for allowed in [
        "PutChallengeQuestions",
        "DeleteAlternateContact",
        "EnableRegion",
    ] {
        let request = Request::new(format!("account:{allowed}"), STANDALONE);
        assert_eq!(decision(&policy, &request), Decision::Allow, "{allowed}");
    }
    for denied in ["PutAccountName", "GetAlternateContact"] {
        let request = Request::new(format!("account:{denied}"), STANDALONE);
        assert_eq!(
            decision(&policy, &request),
            Decision::ImplicitDeny,
            "{denied}"
        );
    }
}

#[test]
fn t5_billing_contact_of_one_member_in_organizations_mode() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"VisualEditor0","Effect":"Allow","Action":"account:GetAlternateContact","Resource":["arn:aws:account::123456789012:account/o-aa111bb222/111111111111"],"Condition":{"ForAnyValue:StringEquals":{"account:AlternateContactTypes":["BILLING"]}}}]}"#,
    );
    let get = |resource: &str, kind: &str| {
        Request::new("account:GetAlternateContact", resource)
            .with("account:AlternateContactTypes", Value::set([kind]))
    };
    let found = policy.evaluate(&get(ORG_MEMBER, "BILLING"));
    assert_eq!(found.allow.unwrap().sid, Some("VisualEditor0"));
    assert_eq!(
        decision(&policy, &get(ORG_MEMBER, "SECURITY")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(&policy, &get(STANDALONE, "BILLING")),
        Decision::ImplicitDeny
    );
    let other_member = "arn:aws:account::123456789012:account/o-aa111bb222/222222222222";
    assert_eq!(
        decision(&policy, &get(other_member, "BILLING")),
        Decision::ImplicitDeny
    );
    let put = Request::new("account:PutAlternateContact", ORG_MEMBER)
        .with("account:AlternateContactTypes", Value::set(["BILLING"]));
    assert_eq!(decision(&policy, &put), Decision::ImplicitDeny);
}

#[test]
fn t6_org_paths_under_either_ou() {
    let policy = wrapped(
        r#"{"ForAnyValue:StringLike":{"account:AccountResourceOrgPaths":["o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/*","o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/*"]}}"#,
    );
    let in_path = |path: &str| {
        Request::new("account:PutAlternateContact", ORG_MEMBER)
            .with("account:AccountResourceOrgPaths", Value::set([path]))
    };
    for allowed in [
        "o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/",
        "o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/",
        "o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/ou-a1b2-child001/",
    ] {
        assert_eq!(
            decision(&policy, &in_path(allowed)),
            Decision::Allow,
            "{allowed}"
        );
    }
    assert_eq!(
        decision(&policy, &in_path("o-aa111bb222/r-a1b2/")),
        Decision::ImplicitDeny
    );
    let standalone = Request::new("account:PutAlternateContact", STANDALONE);
    assert_eq!(decision(&policy, &standalone), Decision::ImplicitDeny);
}

#[test]
fn t7_org_tags_project_blue_or_red() {
    let policy = wrapped(
        r#"{"ForAnyValue:StringLike":{"account:AccountResourceOrgTags/project":["blue","red"]}}"#,
    );
    let tagged = |value: &str| {
        Request::new("account:GetContactInformation", ORG_MEMBER)
            .with("account:AccountResourceOrgTags/project", value)
    };
    assert_eq!(decision(&policy, &tagged("red")), Decision::Allow);
    assert_eq!(decision(&policy, &tagged("green")), Decision::ImplicitDeny);
    assert_eq!(decision(&policy, &tagged("Blue")), Decision::ImplicitDeny);
    // Tag keys are condition keys, so their case does not matter.
    let upper = Request::new("account:GetContactInformation", ORG_MEMBER)
        .with("account:AccountResourceOrgTags/PROJECT", "blue");
    assert_eq!(decision(&policy, &upper), Decision::Allow);
    let untagged = Request::new("account:GetContactInformation", STANDALONE);
    assert_eq!(decision(&policy, &untagged), Decision::ImplicitDeny);
}

#[test]
fn t8_scp_denies_standalone_mode_only() {
    let policy = scp(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["arn:aws:account::*:account"]}]}"#,
    );
    let member_standalone = Request::new(
        "account:PutAlternateContact",
        "arn:aws:account::222222222222:account",
    );
    let found = policy.evaluate(&member_standalone);
    assert_eq!(found.decision(), Decision::ExplicitDeny);
    assert_eq!(found.deny.unwrap().sid, Some("Statement1"));
    let delegated_admin_org_mode = Request::new(
        "account:PutAlternateContact",
        "arn:aws:account::123456789012:account/o-aa111bb222/333333333333",
    );
    assert_eq!(
        decision(&policy, &delegated_admin_org_mode),
        Decision::ImplicitDeny
    );
    let get = Request::new(
        "account:GetAlternateContact",
        "arn:aws:account::222222222222:account",
    );
    assert_eq!(decision(&policy, &get), Decision::ImplicitDeny);
}

#[test]
fn t9_scp_denies_both_modes() {
    let policy = scp(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["*"]}]}"#,
    );
    for resource in [ORG_MEMBER, STANDALONE] {
        let found = policy.evaluate(&Request::new("account:DeleteAlternateContact", resource));
        assert_eq!(found.deny.unwrap().sid, Some("Statement1"), "{resource}");
    }
}

const T10: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":"account:PutAlternateContact","Resource":["arn:aws:account::*:account"],"Condition":{"ForAnyValue:StringLike":{"account:AccountResourceOrgPath":["o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/","o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/"]}}}]}"#;

#[test]
fn t10_verbatim_scp_is_accepted_and_denies_nothing() {
    let policy = scp(T10);
    let in_ou = Request::new("account:PutAlternateContact", STANDALONE).with(
        "account:AccountResourceOrgPaths",
        Value::set(["o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/"]),
    );
    assert_eq!(decision(&policy, &in_ou), Decision::ImplicitDeny);
}

#[test]
fn t10_with_the_plural_key_denies_only_accounts_directly_in_the_ous() {
    let policy = scp(&T10.replace("AccountResourceOrgPath\"", "AccountResourceOrgPaths\""));
    let in_path = |path: &str| {
        Request::new("account:PutAlternateContact", STANDALONE)
            .with("account:AccountResourceOrgPaths", Value::set([path]))
    };
    assert_eq!(
        decision(&policy, &in_path("o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/")),
        Decision::ExplicitDeny
    );
    assert_eq!(
        decision(
            &policy,
            &in_path("o-aa111bb222/r-a1b2/ou-a1b2-f6g7h111/ou-a1b2-grandchld/")
        ),
        Decision::ImplicitDeny
    );
}

#[test]
fn t11_email_target_domain_in_any_case() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"AllowConditionKey","Effect":"Allow","Action":["account:StartPrimaryEmailUpdate"],"Resource":"*","Condition":{"StringEqualsIgnoreCase":{"account:EmailTargetDomain":["example.com","company.org"]}}}]}"#,
    );
    let to = |domain: &str| {
        Request::new("account:StartPrimaryEmailUpdate", ORG_MEMBER)
            .with("account:EmailTargetDomain", domain)
    };
    assert_eq!(
        policy.evaluate(&to("EXAMPLE.COM")).allow.unwrap().sid,
        Some("AllowConditionKey")
    );
    assert_eq!(decision(&policy, &to("Company.Org")), Decision::Allow);
    assert_eq!(decision(&policy, &to("evil.com")), Decision::ImplicitDeny);
}

#[test]
fn t12_cost_center_tags() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["account:GetContactInformation","account:GetAlternateContact"],"Resource":"*","Condition":{"ForAnyValue:StringEquals":{"account:AccountResourceOrgTags/CostCenter":["12345","67890"]}}}]}"#,
    );
    let tagged = |value: &str| {
        Request::new("account:GetContactInformation", ORG_MEMBER)
            .with("account:AccountResourceOrgTags/CostCenter", value)
    };
    assert_eq!(decision(&policy, &tagged("67890")), Decision::Allow);
    assert_eq!(decision(&policy, &tagged("99999")), Decision::ImplicitDeny);
    let untagged = Request::new("account:GetContactInformation", ORG_MEMBER);
    assert_eq!(decision(&policy, &untagged), Decision::ImplicitDeny);
}

const T13: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"EnableDisableHongKong","Effect":"Allow","Action":["account:EnableRegion","account:DisableRegion"],"Resource":"*","Condition":{"StringEquals":{"account:TargetRegion":"ap-east-1"}}},{"Sid":"ViewConsole","Effect":"Allow","Action":["account:ListRegions"],"Resource":"*"}]}"#;

#[test]
fn t13_enable_and_disable_hong_kong_only() {
    let policy = identity(T13);
    let enable = |region: &str| {
        Request::new("account:EnableRegion", STANDALONE).with("account:TargetRegion", region)
    };
    assert_eq!(
        policy.evaluate(&enable("ap-east-1")).allow.unwrap().sid,
        Some("EnableDisableHongKong")
    );
    assert_eq!(
        decision(&policy, &enable("af-south-1")),
        Decision::ImplicitDeny
    );
    let list = policy.evaluate(&Request::new("account:ListRegions", STANDALONE));
    assert_eq!(list.allow.unwrap().sid, Some("ViewConsole"));
    assert_eq!(list.allow.unwrap().index, 1);
}

#[test]
fn t13_older_variant_with_an_empty_resource_is_refused() {
    let old = T13.replace(r#""Resource":"*""#, r#""Resource":"""#);
    let error = Policy::parse(&old, PolicyKind::Identity).unwrap_err();
    assert_eq!(error, PolicyError::ResourceNotArn(String::new()));
    assert_eq!(
        error.to_string(),
        r#"Resource  must be in ARN format or "*"."#
    );
}

#[test]
fn t14_session_policy_for_one_member_and_region() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:GetRegionOptStatus","Resource":"arn:aws:account::111111111111:account/o-exampleorg/222222222222","Condition":{"StringEquals":{"account:TargetRegion":"us-east-1"}}}]}"#,
    );
    let status = |resource: &str, region: &str| {
        Request::new("account:GetRegionOptStatus", resource).with("account:TargetRegion", region)
    };
    let org_mode = "arn:aws:account::111111111111:account/o-exampleorg/222222222222";
    let found = policy.evaluate(&status(org_mode, "us-east-1"));
    assert_eq!(
        (found.allow.unwrap().index, found.allow.unwrap().sid),
        (0, None)
    );
    assert_eq!(
        decision(&policy, &status(org_mode, "eu-west-1")),
        Decision::ImplicitDeny
    );
    let standalone = "arn:aws:account::222222222222:account";
    assert_eq!(
        decision(&policy, &status(standalone, "us-east-1")),
        Decision::ImplicitDeny
    );
}
