//! Statement matching: actions, resources (the §5 segment rule), policy
//! variables in resources, NotAction/NotResource, principals, and which
//! statements a policy names.

use iam_policy::{Decision, Effect, Policy, PolicyKind, Principal, Request, Value};

fn policy(statements: &str) -> Policy {
    let json = format!(r#"{{"Version":"2012-10-17","Statement":{statements}}}"#);
    Policy::parse(&json, PolicyKind::Identity).unwrap()
}

fn allows(statements: &str, request: &Request) -> bool {
    policy(statements).evaluate(request).decision() == Decision::Allow
}

fn on(resource_pattern: &str, resource: &str) -> bool {
    let statement = format!(r#"{{"Effect":"Allow","Action":"*","Resource":"{resource_pattern}"}}"#);
    allows(
        &statement,
        &Request::new("account:GetAlternateContact", resource),
    )
}

fn doing(action_pattern: &str, action: &str) -> bool {
    let statement = format!(r#"{{"Effect":"Allow","Action":"{action_pattern}","Resource":"*"}}"#);
    allows(
        &statement,
        &Request::new(action, "arn:aws:account::111111111111:account"),
    )
}

#[test]
fn actions_match_case_insensitively_with_wildcards() {
    assert!(doing(
        "account:GetAlternateContact",
        "account:GetAlternateContact"
    ));
    assert!(doing(
        "ACCOUNT:getalternatecontact",
        "account:GetAlternateContact"
    ));
    assert!(doing(
        "account:GetAlternateContact",
        "Account:GETALTERNATECONTACT"
    ));
    assert!(doing("account:Get*", "account:GetPrimaryEmail"));
    assert!(doing("account:*Region*", "account:GetRegionOptStatus"));
    assert!(doing(
        "account:??tContactInformation",
        "account:PutContactInformation"
    ));
    assert!(doing("*", "iam:UpdateAccountName"));
    assert!(doing("*:Get*", "account:GetContactInformation"));
    assert!(!doing("account:Get*", "account:PutContactInformation"));
    assert!(!doing("account:Get*", "iam:GetUser"));
    assert!(!doing(
        "account:?etContactInformation",
        "account:GetContactInformations"
    ));
    assert!(!doing(
        "account:GetAlternateContact",
        "account:GetAlternateContacts"
    ));
}

#[test]
fn not_action_matches_every_other_action() {
    let statement =
        r#"{"Effect":"Allow","NotAction":["account:Put*","account:Delete*"],"Resource":"*"}"#;
    let request = |action: &str| Request::new(action, "arn:aws:account::111111111111:account");
    assert!(allows(statement, &request("account:GetAlternateContact")));
    assert!(allows(statement, &request("iam:CreateUser")));
    assert!(!allows(statement, &request("account:PutAlternateContact")));
    assert!(!allows(
        statement,
        &request("account:deletealternatecontact")
    ));
}

#[test]
fn resources_match_case_sensitively() {
    let arn = "arn:aws:account::111111111111:account";
    assert!(on(arn, arn));
    assert!(!on("arn:aws:account::111111111111:Account", arn));
    assert!(on("*", arn));
}

#[test]
fn a_star_inside_a_segment_stays_in_it() {
    let standalone = "arn:aws:account::111111111111:account";
    let member = "arn:aws:account::111111111111:account/o-aa111bb222/222222222222";
    assert!(on("arn:aws:account::*:account", standalone));
    assert!(!on("arn:aws:account::*:account", member));
    assert!(on("arn:aws:account::1111*1111:account", standalone));
    assert!(!on(
        "arn:aws:account::1*1:account",
        "arn:aws:account::1:21:account"
    ));
    // `1*` ends its segment, so it may reach past the colon.
    assert!(on(
        "arn:aws:account::1*:account",
        "arn:aws:account::1:2:account"
    ));
    assert!(on(
        "arn:aws:sqs:us-*-1:111111111111:queue",
        "arn:aws:sqs:us-east-1:111111111111:queue"
    ));
    assert!(!on(
        "arn:aws:sqs:us-*1:111111111111:queue",
        "arn:aws:sqs:us-east:2:1:111111111111:queue"
    ));
}

#[test]
fn a_star_that_ends_a_segment_reaches_past_colons() {
    let member = "arn:aws:account::111111111111:account/o-aa111bb222/222222222222";
    assert!(on("arn:aws:account::111111111111:*", member));
    assert!(on("arn:aws:account::111111111111:account/*", member));
    assert!(on(
        "arn:aws:account::111111111111:account/o-aa111bb222/*",
        member
    ));
    assert!(on("arn:aws:account:*", member));
    assert!(on(
        "arn:aws:logs:us-east-1:111111111111:log-group:app*",
        "arn:aws:logs:us-east-1:111111111111:log-group:app:log-stream:x"
    ));
    assert!(!on(
        "arn:aws:logs:us-east-1:111111111111:log-group:app*x",
        "arn:aws:logs:us-east-1:111111111111:log-group:app:log-stream:x"
    ));
}

#[test]
fn a_question_mark_is_one_character_of_its_segment() {
    let arn = "arn:aws:account::111111111111:account/o-aa111bb222/222222222222";
    assert!(on(
        "arn:aws:account::111111111111:account/o-aa111bb22?/22222222222?",
        arn
    ));
    assert!(!on(
        "arn:aws:account::111111111111:account/o-aa111bb2?/222222222222",
        arn
    ));
    assert!(!on(
        "arn:aws:account:?:111111111111:account",
        "arn:aws:account:::111111111111:account"
    ));
    assert!(on("arn:aws:s3:::caf?", "arn:aws:s3:::café"));
}

#[test]
fn not_resource_matches_every_other_resource() {
    let statement = r#"{"Effect":"Deny","Action":"account:*","NotResource":"arn:aws:account::111111111111:account"}"#;
    let request = |resource: &str| Request::new("account:PutAlternateContact", resource);
    let denied = |resource| {
        policy(statement).evaluate(&request(resource)).decision() == Decision::ExplicitDeny
    };
    assert!(!denied("arn:aws:account::111111111111:account"));
    assert!(denied("arn:aws:account::222222222222:account"));
}

#[test]
fn resource_variables_resolve_from_the_request() {
    let statement = r#"{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::111111111111:user/${aws:username}"}"#;
    let request = |user: &str| {
        Request::new(
            "iam:GetUser",
            format!("arn:aws:iam::111111111111:user/{user}"),
        )
    };
    assert!(allows(
        statement,
        &request("alice").with("aws:username", "alice")
    ));
    assert!(!allows(
        statement,
        &request("bob").with("aws:username", "alice")
    ));
    assert!(!allows(
        statement,
        &request("").with("aws:PrincipalType", "AssumedRole")
    ));
}

#[test]
fn resource_variable_values_are_literal() {
    let statement =
        r#"{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}"#;
    let request = |key: &str, user: &str| {
        Request::new("s3:GetObject", format!("arn:aws:s3:::home/{key}")).with("aws:username", user)
    };
    assert!(allows(statement, &request("alice/notes.txt", "alice")));
    assert!(!allows(statement, &request("bob/notes.txt", "*")));
    assert!(!allows(statement, &request("alice/notes.txt", "al?ce")));
    assert!(allows(statement, &request("a:b/notes.txt", "a:b")));
}

#[test]
fn resource_variables_use_defaults_and_escapes() {
    let statement = r#"{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}/${*}"}"#;
    let request = |resource: &str| Request::new("s3:GetObject", resource);
    assert!(allows(statement, &request("arn:aws:s3:::shared/*")));
    assert!(!allows(statement, &request("arn:aws:s3:::shared/x")));
    assert!(allows(
        statement,
        &request("arn:aws:s3:::blue/*").with("aws:PrincipalTag/Team", "blue")
    ));
    assert!(!allows(
        statement,
        &request("arn:aws:s3:::shared/*").with("aws:PrincipalTag/team", "blue")
    ));
}

#[test]
fn a_malformed_variable_is_plain_text() {
    let statement =
        r#"{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${aws:username, default}"}"#;
    let literal = Request::new("s3:GetObject", "arn:aws:s3:::${aws:username, default}");
    assert!(allows(statement, &literal.with("aws:username", "alice")));
}

#[test]
fn version_2008_keeps_variables_literal_in_trust_policies() {
    let json = r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":"*",
        "Action":"sts:AssumeRole","Condition":{"StringLike":{"a:b":"${*}"}}}}"#;
    let policy = Policy::parse(json, PolicyKind::Trust).unwrap();
    let principal = Principal::Service("ec2.amazonaws.com".into());
    let request = |value: &str| {
        Request::new("sts:AssumeRole", "arn:aws:iam::111111111111:role/r")
            .with_principal(principal.clone())
            .with("a:b", value)
    };
    // Literal text `${*}`: its `*` is still a wildcard.
    assert!(policy.evaluate(&request("${anything}")).allow.is_some());
    assert!(policy.evaluate(&request("*")).allow.is_none());
}

fn trust(principal: &str) -> Policy {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{principal},"Action":"sts:AssumeRole"}}]}}"#
    );
    Policy::parse(&json, PolicyKind::Trust).unwrap()
}

fn assumes(policy: &Policy, principal: Principal) -> bool {
    let request = Request::new("sts:AssumeRole", "arn:aws:iam::111111111111:role/r")
        .with_principal(principal);
    policy.evaluate(&request).decision() == Decision::Allow
}

fn user(account: &str, name: &str) -> Principal {
    Principal::Aws {
        account: account.into(),
        arn: format!("arn:aws:iam::{account}:user/{name}"),
    }
}

#[test]
fn trust_principals_name_accounts_identities_and_services() {
    let account = trust(r#"{"AWS":"111111111111"}"#);
    assert!(assumes(&account, user("111111111111", "alice")));
    assert!(!assumes(&account, user("222222222222", "alice")));
    let root = trust(r#"{"AWS":["arn:aws:iam::222222222222:root"]}"#);
    assert!(assumes(&root, user("222222222222", "bob")));
    assert!(!assumes(&root, user("111111111111", "bob")));
    let one = trust(r#"{"AWS":"arn:aws:iam::111111111111:user/alice"}"#);
    assert!(assumes(&one, user("111111111111", "alice")));
    assert!(!assumes(&one, user("111111111111", "bob")));
    let service = trust(r#"{"Service":["ec2.amazonaws.com"]}"#);
    assert!(assumes(
        &service,
        Principal::Service("ec2.amazonaws.com".into())
    ));
    assert!(!assumes(&service, user("111111111111", "alice")));
    let federated = trust(r#"{"Federated":"cognito-identity.amazonaws.com"}"#);
    assert!(assumes(
        &federated,
        Principal::Federated("cognito-identity.amazonaws.com".into())
    ));
    let anyone = trust(r#""*""#);
    assert!(assumes(
        &anyone,
        Principal::Service("lambda.amazonaws.com".into())
    ));
    let any_aws = trust(r#"{"AWS":"*"}"#);
    assert!(assumes(&any_aws, user("333333333333", "carol")));
    assert!(!assumes(
        &any_aws,
        Principal::Service("lambda.amazonaws.com".into())
    ));
}

#[test]
fn not_principal_excludes_the_named() {
    let json = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},
        {"Effect":"Deny","NotPrincipal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}"#;
    let policy = Policy::parse(json, PolicyKind::Trust).unwrap();
    assert!(assumes(&policy, user("111111111111", "alice")));
    assert!(!assumes(&policy, user("222222222222", "alice")));
}

#[test]
fn evaluation_names_the_first_matching_allow_and_deny() {
    let policy = policy(
        r#"[{"Sid":"Reads","Effect":"Allow","Action":"account:Get*","Resource":"*"},
            {"Effect":"Deny","Action":"account:GetPrimaryEmail","Resource":"*"},
            {"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"},
            {"Sid":"NoEmail","Effect":"Deny","Action":"account:*Email*","Resource":"*"}]"#,
    );
    let request = |action: &str| Request::new(action, "arn:aws:account::111111111111:account");

    let email = policy.evaluate(&request("account:GetPrimaryEmail"));
    assert_eq!(email.decision(), Decision::ExplicitDeny);
    assert_eq!(
        (email.deny.unwrap().index, email.deny.unwrap().sid),
        (1, None)
    );
    assert_eq!(
        (email.allow.unwrap().index, email.allow.unwrap().sid),
        (0, Some("Reads"))
    );

    let start = policy.evaluate(&request("account:StartPrimaryEmailUpdate"));
    assert_eq!(start.decision(), Decision::ExplicitDeny);
    assert_eq!(start.deny.unwrap().sid, Some("NoEmail"));
    assert_eq!(start.allow.unwrap().sid, Some("Everything"));

    let regions = policy.evaluate(&request("account:ListRegions"));
    assert_eq!(regions.decision(), Decision::Allow);
    assert_eq!(regions.allow.unwrap().index, 2);
    assert_eq!(regions.deny, None);
}

#[test]
fn a_policy_that_matches_nothing_is_an_implicit_deny() {
    let policy = policy(r#"{"Effect":"Allow","Action":"account:Get*","Resource":"*"}"#);
    let found = policy.evaluate(&Request::new(
        "account:PutAccountName",
        "arn:aws:account::1:account",
    ));
    assert_eq!(found.decision(), Decision::ImplicitDeny);
    assert_eq!((found.allow, found.deny), (None, None));
}

#[test]
fn statements_expose_their_sid_and_effect() {
    let policy = policy(
        r#"[{"Sid":"A","Effect":"Allow","Action":"account:Get*","Resource":"*"},
            {"Effect":"Deny","Action":"account:Put*","Resource":"*","Condition":{"Null":{"aws:username":"true"}}}]"#,
    );
    let statements = policy.statements();
    assert_eq!(statements.len(), 2);
    assert_eq!(
        (statements[0].sid(), statements[0].effect()),
        (Some("A"), Effect::Allow)
    );
    assert_eq!(
        (statements[1].sid(), statements[1].effect()),
        (None, Effect::Deny)
    );
    let put = Request::new(
        "account:PutContactInformation",
        "arn:aws:account::1:account",
    );
    assert!(statements[1].matches(&put));
    assert!(!statements[1].matches(&put.with("aws:username", Value::from("alice"))));
}

#[test]
fn a_request_lists_its_keys_as_spelled_and_sorted() {
    let request = Request::new("account:GetContactInformation", "*")
        .with("aws:username", "ana")
        .with(
            "account:AlternateContactTypes",
            Value::set(["BILLING", "SECURITY"]),
        )
        .with("AWS:SecureTransport", false);
    let keys: Vec<(&str, Vec<&str>)> = request.keys().collect();
    assert_eq!(
        keys,
        [
            ("account:AlternateContactTypes", vec!["BILLING", "SECURITY"]),
            ("AWS:SecureTransport", vec!["false"]),
            ("aws:username", vec!["ana"]),
        ]
    );
}
