//! The Condition element: every operator of spec §5, IfExists, Null, the
//! set operators, the missing-key rules and policy variables in values.

use std::net::IpAddr;

use iam_policy::{Policy, PolicyKind, Request, Timestamp, Value};

/// Whether a statement allowing everything under `condition` (a JSON
/// object) matches `request`.
fn holds(condition: &str, request: &Request) -> bool {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{condition}}}}}"#
    );
    let policy = Policy::parse(&json, PolicyKind::Identity).unwrap();
    policy.evaluate(request).allow.is_some()
}

fn request() -> Request {
    Request::new(
        "account:GetAlternateContact",
        "arn:aws:account::111111111111:account",
    )
}

fn with(key: &str, value: impl Into<Value>) -> Request {
    request().with(key, value)
}

#[test]
fn string_equals_is_exact_and_ors_its_values() {
    let condition = r#"{"StringEquals":{"account:TargetRegion":["us-east-1","eu-west-1"]}}"#;
    assert!(holds(condition, &with("account:TargetRegion", "eu-west-1")));
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "EU-WEST-1")
    ));
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "eu-west-2")
    ));
    assert!(!holds(condition, &request()));
}

#[test]
fn string_not_equals_nors_its_values_and_holds_for_a_missing_key() {
    let condition = r#"{"StringNotEquals":{"account:TargetRegion":["us-east-1","eu-west-1"]}}"#;
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "us-east-1")
    ));
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "eu-west-1")
    ));
    assert!(holds(condition, &with("account:TargetRegion", "ap-east-1")));
    assert!(holds(condition, &request()));
}

#[test]
fn string_equals_ignore_case() {
    let condition = r#"{"StringEqualsIgnoreCase":{"account:EmailTargetDomain":"example.com"}}"#;
    assert!(holds(
        condition,
        &with("account:EmailTargetDomain", "EXAMPLE.com")
    ));
    assert!(!holds(
        condition,
        &with("account:EmailTargetDomain", "example.org")
    ));
    let negated = r#"{"StringNotEqualsIgnoreCase":{"account:EmailTargetDomain":"example.com"}}"#;
    assert!(!holds(
        negated,
        &with("account:EmailTargetDomain", "Example.Com")
    ));
    assert!(holds(
        negated,
        &with("account:EmailTargetDomain", "evil.com")
    ));
    assert!(holds(negated, &request()));
}

#[test]
fn string_like_wildcards_cross_slashes_and_colons_and_keep_case() {
    let condition = r#"{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/Admin?"}}"#;
    assert!(holds(
        condition,
        &with("aws:PrincipalArn", "arn:aws:iam::111111111111:role/Admin1")
    ));
    assert!(holds(
        condition,
        &with("aws:PrincipalArn", "arn:aws:iam::1:2:role/AdminX")
    ));
    assert!(!holds(
        condition,
        &with("aws:PrincipalArn", "arn:aws:iam::111111111111:role/Admin")
    ));
    assert!(!holds(
        condition,
        &with("aws:PrincipalArn", "arn:aws:iam::111111111111:role/admin1")
    ));
    let negated = r#"{"StringNotLike":{"aws:PrincipalArn":["*:role/Admin*","*:root"]}}"#;
    assert!(!holds(
        negated,
        &with("aws:PrincipalArn", "arn:aws:iam::1:root")
    ));
    assert!(holds(
        negated,
        &with("aws:PrincipalArn", "arn:aws:iam::1:user/bob")
    ));
    assert!(holds(negated, &request()));
}

#[test]
fn numeric_operators_compare_numbers() {
    let age = |n: f64| with("aws:MultiFactorAuthAge", Value::Number(n));
    let cases = [
        ("NumericEquals", [false, true, false]),
        ("NumericNotEquals", [true, false, true]),
        ("NumericLessThan", [true, false, false]),
        ("NumericLessThanEquals", [true, true, false]),
        ("NumericGreaterThan", [false, false, true]),
        ("NumericGreaterThanEquals", [false, true, true]),
    ];
    for (operator, expected) in cases {
        let condition = format!(r#"{{"{operator}":{{"aws:MultiFactorAuthAge":"3600"}}}}"#);
        let actual = [age(60.0), age(3600.0), age(7200.5)].map(|r| holds(&condition, &r));
        assert_eq!(actual, expected, "{operator}");
    }
    // A JSON number in the policy and a numeric string in the request.
    let condition = r#"{"NumericLessThan":{"s3:max-keys":10}}"#;
    assert!(holds(condition, &with("s3:max-keys", "9")));
    assert!(!holds(condition, &with("s3:max-keys", "ten")));
    assert!(!holds(condition, &request()));
    assert!(holds(
        r#"{"NumericNotEquals":{"s3:max-keys":10}}"#,
        &request()
    ));
}

#[test]
fn date_operators_compare_instants() {
    let at = |text: &str| with("aws:CurrentTime", text);
    let cases = [
        ("DateEquals", [false, true, false]),
        ("DateNotEquals", [true, false, true]),
        ("DateLessThan", [true, false, false]),
        ("DateLessThanEquals", [true, true, false]),
        ("DateGreaterThan", [false, false, true]),
        ("DateGreaterThanEquals", [false, true, true]),
    ];
    for (operator, expected) in cases {
        let condition = format!(r#"{{"{operator}":{{"aws:CurrentTime":"2024-06-01T12:00:00Z"}}}}"#);
        let actual = [
            at("2024-06-01T11:59:59Z"),
            at("2024-06-01T14:00:00+02:00"),
            at("2024-06-02"),
        ]
        .map(|r| holds(&condition, &r));
        assert_eq!(actual, expected, "{operator}");
    }
}

#[test]
fn dates_may_be_epoch_seconds_on_either_side() {
    let condition = r#"{"DateGreaterThan":{"aws:EpochTime":"1717243200"}}"#;
    let now = Timestamp::from_epoch_seconds(1_717_243_201);
    assert!(holds(condition, &with("aws:EpochTime", now)));
    assert!(holds(condition, &with("aws:EpochTime", "1717243200.5")));
    assert!(holds(
        condition,
        &with("aws:EpochTime", "2024-06-01T12:00:01Z")
    ));
    assert!(!holds(
        condition,
        &with("aws:EpochTime", Value::Number(1_717_243_200.0))
    ));
    let iso = r#"{"DateLessThan":{"aws:CurrentTime":"2024-06-01T12:00:00Z"}}"#;
    assert!(holds(
        iso,
        &with(
            "aws:CurrentTime",
            Timestamp::from_epoch_seconds(1_717_243_199)
        )
    ));
    assert!(!holds(iso, &with("aws:CurrentTime", "not a date")));
}

#[test]
fn bool_compares_truth_values() {
    for policy_value in [r#""true""#, "true", r#""True""#] {
        let condition = format!(r#"{{"Bool":{{"aws:SecureTransport":{policy_value}}}}}"#);
        assert!(holds(&condition, &with("aws:SecureTransport", true)));
        assert!(holds(&condition, &with("aws:SecureTransport", "TRUE")));
        assert!(!holds(&condition, &with("aws:SecureTransport", false)));
        assert!(!holds(&condition, &request()));
    }
    let mfa_off = r#"{"Bool":{"aws:MultiFactorAuthPresent":"false"}}"#;
    assert!(holds(mfa_off, &with("aws:MultiFactorAuthPresent", false)));
    assert!(!holds(mfa_off, &request()));
}

#[test]
fn binary_equals_compares_base64_text() {
    let condition = r#"{"BinaryEquals":{"a:blob":"QmluYXJ5VmFsdWU="}}"#;
    assert!(holds(condition, &with("a:blob", "QmluYXJ5VmFsdWU=")));
    assert!(!holds(condition, &with("a:blob", "QmluYXJ5VmFsdWe=")));
    assert!(!holds(condition, &request()));
}

#[test]
fn ip_address_tests_cidr_blocks() {
    let ip = |text: &str| with("aws:SourceIp", text.parse::<IpAddr>().unwrap());
    let condition =
        r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]}}"#;
    assert!(holds(condition, &ip("203.0.113.9")));
    assert!(holds(condition, &ip("2001:db8:1234:5678::9")));
    assert!(!holds(condition, &ip("198.51.100.1")));
    assert!(holds(condition, &with("aws:SourceIp", "203.0.113.200")));
    assert!(!holds(condition, &request()));
    let negated = r#"{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#;
    assert!(!holds(negated, &ip("203.0.113.9")));
    assert!(holds(negated, &ip("198.51.100.1")));
    assert!(holds(negated, &request()));
}

#[test]
fn arn_operators_match_each_segment_on_its_own() {
    let source = |arn: &str| with("aws:SourceArn", arn);
    for operator in ["ArnLike", "ArnEquals"] {
        let condition = format!(
            r#"{{"{operator}":{{"aws:SourceArn":"arn:aws:logs:*:111111111111:log-group:*"}}}}"#
        );
        assert!(holds(
            &condition,
            &source("arn:aws:logs:us-east-1:111111111111:log-group:a:log-stream:b")
        ));
        // A `*` in the region segment does not reach into the next one.
        assert!(!holds(
            &condition,
            &source("arn:aws:logs:us-east-1:222222222222:111111111111:log-group:a")
        ));
        assert!(!holds(&condition, &source("arn:aws:s3:::bucket")));
        assert!(!holds(&condition, &request()));
    }
    for operator in ["ArnNotLike", "ArnNotEquals"] {
        let condition =
            format!(r#"{{"{operator}":{{"aws:PrincipalArn":"arn:aws:iam::*:role/Admin"}}}}"#);
        assert!(!holds(
            &condition,
            &with("aws:PrincipalArn", "arn:aws:iam::1:role/Admin")
        ));
        assert!(holds(
            &condition,
            &with("aws:PrincipalArn", "arn:aws:iam::1:role/Other")
        ));
        assert!(holds(&condition, &request()));
    }
}

#[test]
fn if_exists_holds_for_a_missing_key_and_tests_a_present_one() {
    let condition = r#"{"StringEqualsIfExists":{"account:TargetRegion":"us-east-1"}}"#;
    assert!(holds(condition, &request()));
    assert!(holds(condition, &with("account:TargetRegion", "us-east-1")));
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "eu-west-1")
    ));
    let negated = r#"{"StringNotEqualsIfExists":{"account:TargetRegion":"us-east-1"}}"#;
    assert!(holds(negated, &request()));
    assert!(!holds(negated, &with("account:TargetRegion", "us-east-1")));
    let numeric = r#"{"NumericLessThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}"#;
    assert!(holds(numeric, &request()));
    assert!(!holds(
        numeric,
        &with("aws:MultiFactorAuthAge", Value::Number(7200.0))
    ));
}

#[test]
fn null_tests_whether_a_key_is_absent() {
    let absent = r#"{"Null":{"aws:MultiFactorAuthPresent":"true"}}"#;
    assert!(holds(absent, &request()));
    assert!(!holds(absent, &with("aws:MultiFactorAuthPresent", false)));
    let present = r#"{"Null":{"aws:MultiFactorAuthPresent":false}}"#;
    assert!(!holds(present, &request()));
    assert!(holds(present, &with("aws:MultiFactorAuthPresent", false)));
    let empty_set = with("aws:TagKeys", Value::Set(Vec::new()));
    assert!(holds(
        absent
            .replace("aws:MultiFactorAuthPresent", "aws:TagKeys")
            .as_str(),
        &empty_set
    ));
    assert!(!holds(r#"{"Null":{"aws:username":"maybe"}}"#, &request()));
}

#[test]
fn for_any_value_needs_one_matching_value_and_fails_on_a_missing_key() {
    let condition =
        r#"{"ForAnyValue:StringEquals":{"account:AlternateContactTypes":["BILLING","SECURITY"]}}"#;
    let types = |values: &[&str]| {
        with(
            "account:AlternateContactTypes",
            Value::set(values.iter().copied()),
        )
    };
    assert!(holds(condition, &types(&["OPERATIONS", "SECURITY"])));
    assert!(!holds(condition, &types(&["OPERATIONS"])));
    assert!(!holds(condition, &types(&[])));
    assert!(!holds(condition, &request()));
    // A single-valued key reads as a set of one.
    assert!(holds(
        condition,
        &with("account:AlternateContactTypes", "BILLING")
    ));
    let if_exists =
        r#"{"ForAnyValue:StringEqualsIfExists":{"account:AlternateContactTypes":"BILLING"}}"#;
    assert!(holds(if_exists, &request()));
}

#[test]
fn for_all_values_needs_every_value_to_match_and_holds_on_a_missing_key() {
    let condition = r#"{"ForAllValues:StringLike":{"aws:TagKeys":["env","team-*"]}}"#;
    let keys = |values: &[&str]| with("aws:TagKeys", Value::set(values.iter().copied()));
    assert!(holds(condition, &keys(&["env", "team-a"])));
    assert!(!holds(condition, &keys(&["env", "owner"])));
    assert!(holds(condition, &keys(&[])));
    assert!(holds(condition, &request()));
}

#[test]
fn negated_operators_under_set_operators_negate_per_value() {
    let keys = |values: &[&str]| with("aws:TagKeys", Value::set(values.iter().copied()));
    let none_forbidden =
        r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret","internal"]}}"#;
    assert!(holds(none_forbidden, &keys(&["env", "team"])));
    assert!(!holds(none_forbidden, &keys(&["env", "secret"])));
    assert!(holds(none_forbidden, &request()));
    let one_other = r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["secret","internal"]}}"#;
    assert!(holds(one_other, &keys(&["secret", "env"])));
    assert!(!holds(one_other, &keys(&["secret", "internal"])));
    assert!(!holds(one_other, &request()));
}

#[test]
fn a_plain_operator_on_a_multivalued_key_matches_any_value() {
    let keys = |values: &[&str]| with("aws:TagKeys", Value::set(values.iter().copied()));
    assert!(holds(
        r#"{"StringEquals":{"aws:TagKeys":"env"}}"#,
        &keys(&["team", "env"])
    ));
    assert!(!holds(
        r#"{"StringNotEquals":{"aws:TagKeys":"env"}}"#,
        &keys(&["team", "env"])
    ));
    assert!(holds(
        r#"{"StringNotEquals":{"aws:TagKeys":"env"}}"#,
        &keys(&["team"])
    ));
}

#[test]
fn operators_and_keys_are_anded() {
    let condition = r#"{"StringEquals":{"account:TargetRegion":"us-east-1","aws:username":"alice"},
                        "Bool":{"aws:SecureTransport":"true"}}"#;
    let full = request()
        .with("account:TargetRegion", "us-east-1")
        .with("aws:username", "alice")
        .with("aws:SecureTransport", true);
    assert!(holds(condition, &full));
    assert!(!holds(condition, &full.clone().with("aws:username", "bob")));
    assert!(!holds(condition, &full.with("aws:SecureTransport", false)));
}

#[test]
fn keys_are_case_insensitive_and_values_are_not() {
    let condition = r#"{"StringEquals":{"Account:TARGETREGION":"us-east-1"}}"#;
    assert!(holds(condition, &with("account:TargetRegion", "us-east-1")));
    assert!(holds(condition, &with("ACCOUNT:targetregion", "us-east-1")));
    assert!(!holds(
        condition,
        &with("account:TargetRegion", "US-EAST-1")
    ));
}

#[test]
fn later_values_replace_earlier_ones() {
    let condition = r#"{"StringEquals":{"aws:username":"bob"}}"#;
    let request = with("aws:username", "alice").with("AWS:UserName", "bob");
    assert!(holds(condition, &request));
}

#[test]
fn variables_in_condition_values_resolve_from_the_request() {
    let condition = r#"{"StringEquals":{"aws:PrincipalTag/team":"${aws:ResourceTag/team}"}}"#;
    let request = request()
        .with("aws:PrincipalTag/team", "blue")
        .with("aws:ResourceTag/team", "blue");
    assert!(holds(condition, &request));
    assert!(!holds(
        condition,
        &request.clone().with("aws:ResourceTag/team", "red")
    ));

    let prefix = r#"{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}"#;
    let alice = |prefix: &str| with("aws:username", "alice").with("s3:prefix", prefix);
    assert!(holds(prefix, &alice("home/alice/notes")));
    assert!(!holds(prefix, &alice("home/bob/notes")));
    // The variable's value is literal even when it holds a wildcard.
    let starred = with("aws:username", "*").with("s3:prefix", "home/alice/notes");
    assert!(!holds(prefix, &starred));
}

#[test]
fn an_unresolved_variable_matches_no_value() {
    let condition = r#"{"StringEquals":{"s3:prefix":"${aws:username}"}}"#;
    assert!(!holds(condition, &with("s3:prefix", "")));
    // So a negated operator over it holds: no policy value matched.
    let negated = r#"{"StringNotEquals":{"s3:prefix":"${aws:username}"}}"#;
    assert!(holds(negated, &with("s3:prefix", "")));
    // A multivalued key is no variable.
    let set = with("aws:username", Value::set(["alice"])).with("s3:prefix", "alice");
    assert!(!holds(condition, &set));
}

#[test]
fn variables_take_their_default_when_unresolved() {
    let condition = r#"{"StringEquals":{"a:team":"${aws:PrincipalTag/team, 'company-wide'}"}}"#;
    assert!(holds(condition, &with("a:team", "company-wide")));
    let tagged = with("aws:PrincipalTag/team", "blue").with("a:team", "blue");
    assert!(holds(condition, &tagged));
    assert!(!holds(condition, &tagged.with("a:team", "company-wide")));
}

#[test]
fn escapes_give_literal_wildcards_and_dollars() {
    let condition = r#"{"StringLike":{"a:name":"report${*}${?}${$}*"}}"#;
    assert!(holds(condition, &with("a:name", "report*?$-2024")));
    assert!(!holds(condition, &with("a:name", "reportXY$-2024")));
    let equals = r#"{"StringEquals":{"a:name":"${$}{aws:username}"}}"#;
    assert!(holds(equals, &with("a:name", "${aws:username}")));
}

#[test]
fn without_version_2012_variables_are_literal() {
    let json = r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow",
        "Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
        "Condition":{"StringEquals":{"a:name":"${aws:username}"}}}}"#;
    let policy = Policy::parse(json, PolicyKind::Trust).unwrap();
    let principal = iam_policy::Principal::Aws {
        account: "111111111111".into(),
        arn: "arn:aws:iam::111111111111:user/alice".into(),
    };
    let request = Request::new("sts:AssumeRole", "arn:aws:iam::111111111111:role/r")
        .with_principal(principal)
        .with("aws:username", "alice");
    assert!(policy.evaluate(&request).allow.is_none());
    let literal = request.with("a:name", "${aws:username}");
    assert!(policy.evaluate(&literal).allow.is_some());
}
