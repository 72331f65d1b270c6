//! Validation: IAM's MalformedPolicyDocument messages, per policy kind.

use iam_policy::{JsonPosition, Policy, PolicyError, PolicyKind};

fn message(json: &str, kind: PolicyKind) -> String {
    match Policy::parse(json, kind) {
        Ok(_) => "accepted".to_owned(),
        Err(error) => error.to_string(),
    }
}

fn identity(json: &str) -> String {
    message(json, PolicyKind::Identity)
}

/// A one-statement document around `statement`.
fn document(statement: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":{statement}}}"#)
}

#[test]
fn refuses_what_iam_refuses_with_its_message() {
    let wrong: Vec<String> = REFUSED
        .iter()
        .filter(|(json, expected)| identity(json) != *expected)
        .map(|(json, expected)| {
            format!(
                "{json}\n  expected {expected}\n  got      {}",
                identity(json)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn accepts_what_iam_accepts() {
    let refused: Vec<String> = ACCEPTED
        .iter()
        .filter(|json| identity(json) != "accepted")
        .map(|json| format!("{json}: {}", identity(json)))
        .collect();
    assert!(refused.is_empty(), "{}", refused.join("\n"));
}

#[test]
fn broken_json_is_a_syntax_error_with_its_position() {
    let error = Policy::parse(
        "{\"Version\": \"2012-10-17\",\n  \"Statement\": [}",
        PolicyKind::Identity,
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "Syntax errors in policy.");
    assert_eq!(
        error.json_position(),
        Some(JsonPosition {
            line: 2,
            column: 17
        })
    );
}

#[test]
fn structural_syntax_errors_have_no_position() {
    let error = Policy::parse(&document("[]"), PolicyKind::Identity).unwrap_err();
    assert_eq!(error, PolicyError::Syntax { position: None });
    assert_eq!(error.json_position(), None);
}

#[test]
fn identity_policies_need_version_2012_10_17() {
    let statement = r#"{"Effect":"Allow","Action":"account:ListRegions","Resource":"*"}"#;
    for json in [
        format!(r#"{{"Statement":{statement}}}"#),
        format!(r#"{{"Version":"2008-10-17","Statement":{statement}}}"#),
    ] {
        assert_eq!(
            identity(&json),
            "Policy document must be version 2012-10-17 or greater."
        );
        assert_eq!(
            message(&json, PolicyKind::ServiceControl),
            "Policy document must be version 2012-10-17 or greater."
        );
    }
    assert_eq!(
        identity(&format!(
            r#"{{"Version":"2012-10-18","Statement":{statement}}}"#
        )),
        "Syntax errors in policy."
    );
}

#[test]
fn a_wrongly_cased_effect_fails_legacy_parsing() {
    for effect in ["allow", "denY"] {
        let json = document(&format!(
            r#"{{"Effect":"{effect}","Action":"account:ListRegions","Resource":"*"}}"#
        ));
        assert_eq!(identity(&json), "The policy failed legacy parsing");
    }
    let unknown = document(r#"{"Effect":"Permit","Action":"account:ListRegions","Resource":"*"}"#);
    assert_eq!(identity(&unknown), "Syntax errors in policy.");
}

#[test]
fn a_bad_date_literal_fails_legacy_parsing() {
    let json = document(
        r#"{"Effect":"Allow","Action":"account:ListRegions","Resource":"*",
            "Condition":{"DateGreaterThanIfExists":{"aws:CurrentTime":"yesterday"}}}"#,
    );
    assert_eq!(identity(&json), "The policy failed legacy parsing");
}

#[test]
fn unknown_operators_and_null_if_exists_are_syntax_errors() {
    for operator in [
        "StringEqualz",
        "NullIfExists",
        "ForAnyValue::StringEquals",
        "stringEquals",
    ] {
        let json = document(&format!(
            r#"{{"Effect":"Allow","Action":"account:ListRegions","Resource":"*",
                "Condition":{{"{operator}":{{"aws:username":"alice"}}}}}}"#
        ));
        assert_eq!(identity(&json), "Syntax errors in policy.", "{operator}");
    }
}

#[test]
fn every_operator_of_the_grammar_is_accepted() {
    let operators = [
        "StringEquals",
        "StringNotEquals",
        "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "StringLike",
        "StringNotLike",
        "NumericEquals",
        "NumericNotEquals",
        "NumericLessThan",
        "NumericLessThanEquals",
        "NumericGreaterThan",
        "NumericGreaterThanEquals",
        "DateEquals",
        "DateNotEquals",
        "DateLessThan",
        "DateLessThanEquals",
        "DateGreaterThan",
        "DateGreaterThanEquals",
        "Bool",
        "BinaryEquals",
        "IpAddress",
        "NotIpAddress",
        "ArnEquals",
        "ArnLike",
        "ArnNotEquals",
        "ArnNotLike",
    ];
    for operator in operators {
        for name in [
            operator.to_owned(),
            format!("{operator}IfExists"),
            format!("ForAnyValue:{operator}"),
            format!("ForAllValues:{operator}IfExists"),
        ] {
            let json = document(&format!(
                r#"{{"Effect":"Allow","Action":"account:ListRegions","Resource":"*",
                    "Condition":{{"{name}":{{"a:b":"2024-01-01"}}}}}}"#
            ));
            assert_eq!(identity(&json), "accepted", "{name}");
        }
    }
    let null = document(
        r#"{"Effect":"Allow","Action":"account:ListRegions","Resource":"*",
            "Condition":{"Null":{"aws:username":"true"}}}"#,
    );
    assert_eq!(identity(&null), "accepted");
}

#[test]
fn sids_must_be_unique_but_may_repeat_empty() {
    let statement = |sid: &str| {
        format!(
            r#"{{"Sid":"{sid}","Effect":"Allow","Action":"account:ListRegions","Resource":"*"}}"#
        )
    };
    let twice = document(&format!("[{},{}]", statement("A"), statement("A")));
    assert_eq!(
        identity(&twice),
        "Statement IDs (SID) in a single policy must be unique."
    );
    let differ_in_case = document(&format!("[{},{}]", statement("A"), statement("a")));
    assert_eq!(identity(&differ_in_case), "accepted");
    let empty = document(&format!("[{},{}]", statement(""), statement("")));
    assert_eq!(identity(&empty), "accepted");
}

#[test]
fn statements_need_actions_and_identity_statements_resources() {
    assert_eq!(
        identity(&document(r#"{"Effect":"Allow","Resource":"*"}"#)),
        "Policy statement must contain actions."
    );
    assert_eq!(
        identity(&document(
            r#"{"Effect":"Allow","NotAction":[],"Resource":"*"}"#
        )),
        "Policy statement must contain actions."
    );
    for kind in [PolicyKind::Identity, PolicyKind::ServiceControl] {
        assert_eq!(
            message(
                &document(r#"{"Effect":"Allow","Action":"account:ListRegions"}"#),
                kind
            ),
            "Policy statement must contain resources."
        );
    }
}

#[test]
fn identity_policies_and_scps_may_not_name_a_principal() {
    for element in ["Principal", "NotPrincipal"] {
        let json = document(&format!(
            r#"{{"Effect":"Deny","{element}":{{"AWS":"111111111111"}},"Action":"account:*","Resource":"*"}}"#
        ));
        for kind in [PolicyKind::Identity, PolicyKind::ServiceControl] {
            assert_eq!(
                message(&json, kind),
                "Policy document should not specify a principal."
            );
        }
    }
}

#[test]
fn scps_take_the_full_iam_language() {
    let json = document(
        r#"[{"Sid":"AllowOnlyThisAccount","Effect":"Allow","NotAction":"iam:*",
             "NotResource":"arn:aws:account::111111111111:account",
             "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/${aws:PrincipalTag/team}-*"}}},
            {"Effect":"Deny","Action":"acc*unt:Put*","Resource":"*"}]"#,
    );
    // The vendor of `acc*unt:Put*` is not valid, as in IAM.
    assert_eq!(
        message(&json, PolicyKind::ServiceControl),
        "Vendor acc*unt is not valid"
    );
    let json = json.replace("acc*unt:Put*", "account:*Alternate?ontact");
    assert_eq!(message(&json, PolicyKind::ServiceControl), "accepted");
}

#[test]
fn trust_policies_need_a_principal_and_no_resource() {
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}"#;
    assert_eq!(message(trust, PolicyKind::Trust), "accepted");
    // Trust policies predating 2012 are still accepted.
    let legacy = trust.replace(r#""Version":"2012-10-17","#, r#""Version":"2008-10-17","#);
    assert_eq!(message(&legacy, PolicyKind::Trust), "accepted");
    let unversioned = trust.replace(r#""Version":"2012-10-17","#, "");
    assert_eq!(message(&unversioned, PolicyKind::Trust), "accepted");

    let with_resource = trust.replace(r#""Action""#, r#""Resource":"*","Action""#);
    assert_eq!(
        message(&with_resource, PolicyKind::Trust),
        "Has prohibited field Resource."
    );
    let without_principal =
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}"#;
    assert_eq!(
        message(without_principal, PolicyKind::Trust),
        "Missing required field Principal"
    );
    for principal in [
        r#""arn:aws:iam::111111111111:root""#,
        "{}",
        r#"{"User":"x"}"#,
        r#"{"AWS":{}}"#,
    ] {
        let json = trust.replace(r#"{"AWS":"arn:aws:iam::111111111111:root"}"#, principal);
        assert_eq!(
            message(&json, PolicyKind::Trust),
            "Syntax errors in policy.",
            "{principal}"
        );
    }
}

#[test]
fn action_vendor_messages() {
    let with_action = |action: &str| {
        identity(&document(&format!(
            r#"{{"Effect":"Allow","Action":"{action}","Resource":"*"}}"#
        )))
    };
    assert_eq!(
        with_action("GetAlternateContact"),
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
    );
    assert_eq!(
        with_action("a a:GetAlternateContact"),
        "Vendor a a is not valid"
    );
    assert_eq!(
        with_action("account:Get:AlternateContact"),
        "Actions/Condition can contain only one colon."
    );
    assert_eq!(with_action("*"), "accepted");
    assert_eq!(with_action("*:Get*"), "accepted");
}

#[test]
fn resource_format_messages() {
    let with_resource = |resource: &str| {
        identity(&document(&format!(
            r#"{{"Effect":"Allow","Action":"account:GetAlternateContact","Resource":"{resource}"}}"#
        )))
    };
    assert_eq!(
        with_resource("account"),
        r#"Resource account must be in ARN format or "*"."#
    );
    assert_eq!(
        with_resource(""),
        r#"Resource  must be in ARN format or "*"."#
    );
    assert_eq!(
        with_resource("arn:amazon:account::111111111111:account"),
        r#"Partition "amazon" is not valid for resource "arn:amazon:account::111111111111:account"."#
    );
    assert_eq!(
        with_resource("arn:aws"),
        "Resource vendor must be fully qualified and cannot contain regexes."
    );
    assert_eq!(
        with_resource("arn:aws:s3:us-east-1::bucket"),
        "Resource arn:aws:s3:us-east-1::bucket can not contain region information."
    );
    assert_eq!(
        with_resource("arn:aws:iam:us-east-1:111111111111:role/x"),
        "IAM resource arn:aws:iam:us-east-1:111111111111:role/x cannot contain region information."
    );
    assert_eq!(
        with_resource("arn:aws:account::111111111111"),
        "The policy failed legacy parsing"
    );
    for accepted in [
        "*",
        "arn:aws:account::*:account",
        "arn:*:account::111111111111:account/o-*/*",
        "arn:aws-us-gov:account::111111111111:account",
        "arn:aws:s3:us-west-2:111111111111:accesspoint/ap",
    ] {
        assert_eq!(with_resource(accepted), "accepted", "{accepted}");
    }
}

#[test]
fn condition_keys_are_not_validated() {
    let json = document(
        r#"{"Effect":"Deny","Action":"account:PutAlternateContact","Resource":"*",
            "Condition":{"StringEquals":{"no vendor here":"x"}}}"#,
    );
    assert_eq!(identity(&json), "accepted");
}

/// moto's table of documents IAM refuses, with IAM's message for each
/// (tests/test_iam/test_iam_policies.py, captured from IAM).
const REFUSED: &[(&str, &str)] = &[
    (
        r##"This is not a json document"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Policy document must be version 2012-10-17 or greater."##,
    ),
    (
        r##"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Policy document must be version 2012-10-17 or greater."##,
    ),
    (
        r##"{"Version": "2013-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17"}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": ["afd"]}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, "Extra field": "value"}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Extra field": "value"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Id": ["cd3a324d2343d942772346-34234234423404-4c2242343242349d1642ee"], "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Id": {}, "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "invalid", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "invalid", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "a a:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Vendor a a is not valid"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:List:Bucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Actions/Condition can contain only one colon."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3s:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, {"Effect": "Allow", "Action": "s:3s:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}]}"##,
        r##"Actions/Condition can contain only one colon."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "invalid resource"}}"##,
        r##"Resource invalid resource must be in ARN format or "*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": [{"Sid": "EnableDisableHongKong", "Effect": "Allow", "Action": ["account:EnableRegion", "account:DisableRegion"], "Resource": "", "Condition": {"StringEquals": {"account:TargetRegion": "ap-east-1"}}}, {"Sid": "ViewConsole", "Effect": "Allow", "Action": ["aws-portal:ViewAccount", "account:ListRegions"], "Resource": ""}]}"##,
        r##"Resource  must be in ARN format or "*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s:3:ListBucket", "Resource": "sdfsadf"}}"##,
        r##"Resource sdfsadf must be in ARN format or "*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["adf"]}}"##,
        r##"Resource adf must be in ARN format or "*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ""}}"##,
        r##"Resource  must be in ARN format or "*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Resource": "a:bsdfdsafsad"}}"##,
        r##"Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Resource": "a:b:cadfsdf"}}"##,
        r##"Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Resource": "a:b:c:d:e:f:g:h"}}"##,
        r##"Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "aws:s3:::example_bucket"}}"##,
        r##"Partition "s3" is not valid for resource "arn:s3:::example_bucket:*"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:error:s3:::example_bucket", "arn:error:s3::example_bucket"]}}"##,
        r##"Partition "error" is not valid for resource "arn:error:s3:::example_bucket"."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": []}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket"}}"##,
        r##"Policy statement must contain resources."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": []}}"##,
        r##"Policy statement must contain resources."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "invalid"}}"##,
        r##"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Policy statement must contain actions."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow"}}"##,
        r##"Policy statement must contain actions."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [], "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Policy statement must contain actions."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny"}, {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}]}"##,
        r##"Policy statement must contain actions."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "arn:aws:s3::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws"}}"##,
        r##"Resource vendor must be fully qualified and cannot contain regexes."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": {"a": "arn:aws:s3:::example_bucket"}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:ListBucket", "Resource": ["adfdf", {}]}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "NotResource": []}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": [[]], "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Action": [], "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": {}, "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": []}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": "a"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"a": "b"}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": "b"}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": []}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": {}}}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": {}}}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"x": {"a": "1"}}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"ForAnyValue::StringEqualsIfExists": {"a": "asf"}}}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": [{"ForAllValues:StringEquals": {"aws:TagKeys": "Department"}}]}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:iam:us-east-1::example_bucket"}}"##,
        r##"IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:us-east-1::example_bucket"}}"##,
        r##"Resource arn:aws:s3:us-east-1::example_bucket can not contain region information."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Sid": {}, "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Sid": [], "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": [{"Sid": "sdf", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, {"Sid": "sdf", "Effect": "Allow"}]}"##,
        r##"Statement IDs (SID) in a single policy must be unique."##,
    ),
    (
        r##"{"Statement": [{"Sid": "sdf", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, {"Sid": "sdf", "Effect": "Allow"}]}"##,
        r##"Policy document must be version 2012-10-17 or greater."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Action": "iam:dsf", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "NotResource": "*"}}"##,
        r##"Syntax errors in policy."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "denY", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": "sdfdsf"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": "sdfdsf"}}}}"##,
        r##"Policy document must be version 2012-10-17 or greater."##,
    ),
    (
        r##"{"Statement": {"Effect": "denY", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
        r##"Policy document must be version 2012-10-17 or greater."##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Condition": {"DateGreaterThan": {"a": "sdfdsf"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Resource": "arn:aws::::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "allow", "Resource": "arn:aws:s3:us-east-1::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": [{"Sid": "sdf", "Effect": "aLLow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, {"Sid": "sdf", "Effect": "Allow"}]}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "NotResource": "arn:aws:s3::example_bucket"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "234-13"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "2016-12-13t2:00:00.593194+1"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "2016-12-13t2:00:00.1999999999+10:59"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThan": {"a": "9223372036854775808"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:error:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": "sdfdsf"}}}}"##,
        r##"The policy failed legacy parsing"##,
    ),
    (
        r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws::fdsasf"}}"##,
        r##"The policy failed legacy parsing"##,
    ),
];

/// moto's table of documents IAM accepts.
const ACCEPTED: &[&str] = &[
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::example_bucket"]}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam: asdf safdsf af ", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::example_bucket", "*"]}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}]}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "service-prefix:action-name", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2017-07-01T00:00:00Z"}, "DateLessThan": {"aws:CurrentTime": "2017-12-31T23:59:59Z"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "fsx:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:iam:::user/example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s33:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:fdsasf"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": "Department"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:cloudwatch:us-east-1::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:ec2:us-east-1::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:invalid-service:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:invalid-service:us-east-1::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2017-07-01T00:00:00Z"}, "DateLessThan": {"aws:CurrentTime": "2017-12-31T23:59:59Z"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": []}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"a": {}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Sid": "dsfsdfsdfsdfsdfsadfsd", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "ConsoleDisplay", "Effect": "Allow", "Action": ["iam:GetRole", "iam:GetUser", "iam:ListRoles", "iam:ListRoleTags", "iam:ListUsers", "iam:ListUserTags"], "Resource": "*"}, {"Sid": "AddTag", "Effect": "Allow", "Action": ["iam:TagUser", "iam:TagRole"], "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/CostCenter": ["A-123", "B-456"]}, "ForAllValues:StringEquals": {"aws:TagKeys": "CostCenter"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}}"##,
    r##"{"Version": "2012-10-17", "Id": "sdfsdfsdf", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "aaaaaadsfdsafsadfsadfaaaaa:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3-s:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3.s:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "NotResource": "*"}}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "sdf", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}, {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket"}]}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateGreaterThan": {"a": "01T"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"x": {}, "y": {}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"StringEqualsIfExists": {"a": "asf"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"ForAnyValue:StringEqualsIfExists": {"a": "asf"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "2019-07-01T13:20:15Z"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "2016-12-13T21:20:37.593194+00:00"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThanEquals": {"a": "2016-12-13t2:00:00.593194+23"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example_bucket", "Condition": {"DateLessThan": {"a": "-292275054"}}}}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "AllowViewAccountInfo", "Effect": "Allow", "Action": ["iam:GetAccountPasswordPolicy", "iam:GetAccountSummary", "iam:ListVirtualMFADevices"], "Resource": "*"}, {"Sid": "AllowManageOwnPasswords", "Effect": "Allow", "Action": ["iam:ChangePassword", "iam:GetUser"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnAccessKeys", "Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnSigningCertificates", "Effect": "Allow", "Action": ["iam:DeleteSigningCertificate", "iam:ListSigningCertificates", "iam:UpdateSigningCertificate", "iam:UploadSigningCertificate"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnSSHPublicKeys", "Effect": "Allow", "Action": ["iam:DeleteSSHPublicKey", "iam:GetSSHPublicKey", "iam:ListSSHPublicKeys", "iam:UpdateSSHPublicKey", "iam:UploadSSHPublicKey"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnGitCredentials", "Effect": "Allow", "Action": ["iam:CreateServiceSpecificCredential", "iam:DeleteServiceSpecificCredential", "iam:ListServiceSpecificCredentials", "iam:ResetServiceSpecificCredential", "iam:UpdateServiceSpecificCredential"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnVirtualMFADevice", "Effect": "Allow", "Action": ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"], "Resource": "arn:aws:iam::*:mfa/${aws:username}"}, {"Sid": "AllowManageOwnUserMFA", "Effect": "Allow", "Action": ["iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "BooleanConditionOperations_Strings_And_Booleans", "Action": "kms:CreateGrant", "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}, "ForAllValues:Bool": {"kms:GrantIsForAWSResource": false}, "ForAnyValue:Bool": {"kms:GrantIsForAWSResource": "True"}}, "Effect": "Allow", "Resource": ["arn:aws:kms:*:123456789012:key/*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "NullConditionOperator_Strings_And_Booleans", "Action": "kms:CreateGrant", "Condition": {"Null": {"kms:EncryptionContextKeys": false, "kms:GrantOperations": "true"}}, "Effect": "Allow", "Resource": ["arn:aws:kms:*:123456789012:key/*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "NullResource", "Action": "kms:CreateGrant", "Effect": "Allow", "Resource": ["arn:aws:kms:*:123456789012:key/*", null]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "ListAndDescribe", "Effect": "Allow", "Action": ["dynamodb:List*", "dynamodb:DescribeReservedCapacity*", "dynamodb:DescribeLimits", "dynamodb:DescribeTimeToLive"], "Resource": "*"}, {"Sid": "SpecificTable", "Effect": "Allow", "Action": ["dynamodb:BatchGet*", "dynamodb:DescribeStream", "dynamodb:DescribeTable", "dynamodb:Get*", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchWrite*", "dynamodb:CreateTable", "dynamodb:Delete*", "dynamodb:Update*", "dynamodb:PutItem"], "Resource": "arn:aws:dynamodb:*:*:table/MyTable"}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:AttachVolume", "ec2:DetachVolume"], "Resource": ["arn:aws:ec2:*:*:volume/*", "arn:aws:ec2:*:*:instance/*"], "Condition": {"ArnEquals": {"ec2:SourceInstanceARN": "arn:aws:ec2:*:*:instance/instance-id"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:AttachVolume", "ec2:DetachVolume"], "Resource": "arn:aws:ec2:*:*:instance/*", "Condition": {"StringEquals": {"ec2:ResourceTag/Department": "Development"}}}, {"Effect": "Allow", "Action": ["ec2:AttachVolume", "ec2:DetachVolume"], "Resource": "arn:aws:ec2:*:*:volume/*", "Condition": {"StringEquals": {"ec2:ResourceTag/VolumeUser": "${aws:username}"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "StartStopIfTags", "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances", "ec2:DescribeTags"], "Resource": "arn:aws:ec2:region:account-id:instance/*", "Condition": {"StringEquals": {"ec2:ResourceTag/Project": "DataAnalytics", "aws:PrincipalTag/Department": "Data"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "ListYourObjects", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::bucket-name"], "Condition": {"StringLike": {"s3:prefix": ["cognito/application-name/${cognito-identity.amazonaws.com:sub}"]}}}, {"Sid": "ReadWriteDeleteYourObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::bucket-name/cognito/application-name/${cognito-identity.amazonaws.com:sub}", "arn:aws:s3:::bucket-name/cognito/application-name/${cognito-identity.amazonaws.com:sub}/*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"], "Resource": "*"}, {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket-name", "Condition": {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:userid}/*"]}}}, {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::bucket-name/home/${aws:userid}", "arn:aws:s3:::bucket-name/home/${aws:userid}/*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "ConsoleAccess", "Effect": "Allow", "Action": ["s3:GetAccountPublicAccessBlock", "s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketPolicyStatus", "s3:GetBucketPublicAccessBlock", "s3:ListAllMyBuckets"], "Resource": "*"}, {"Sid": "ListObjectsInBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::bucket-name"]}, {"Sid": "AllObjectActions", "Effect": "Allow", "Action": "s3:*Object", "Resource": ["arn:aws:s3:::bucket-name/*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "AllowViewAccountInfo", "Effect": "Allow", "Action": ["iam:GetAccountPasswordPolicy", "iam:GetAccountSummary"], "Resource": "*"}, {"Sid": "AllowManageOwnPasswords", "Effect": "Allow", "Action": ["iam:ChangePassword", "iam:GetUser"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnAccessKeys", "Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnSigningCertificates", "Effect": "Allow", "Action": ["iam:DeleteSigningCertificate", "iam:ListSigningCertificates", "iam:UpdateSigningCertificate", "iam:UploadSigningCertificate"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnSSHPublicKeys", "Effect": "Allow", "Action": ["iam:DeleteSSHPublicKey", "iam:GetSSHPublicKey", "iam:ListSSHPublicKeys", "iam:UpdateSSHPublicKey", "iam:UploadSSHPublicKey"], "Resource": "arn:aws:iam::*:user/${aws:username}"}, {"Sid": "AllowManageOwnGitCredentials", "Effect": "Allow", "Action": ["iam:CreateServiceSpecificCredential", "iam:DeleteServiceSpecificCredential", "iam:ListServiceSpecificCredentials", "iam:ResetServiceSpecificCredential", "iam:UpdateServiceSpecificCredential"], "Resource": "arn:aws:iam::*:user/${aws:username}"}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Action": "ec2:*", "Resource": "*", "Effect": "Allow", "Condition": {"StringEquals": {"ec2:Region": "region"}}}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "rds:*", "Resource": ["arn:aws:rds:region:*:*"]}, {"Effect": "Allow", "Action": ["rds:Describe*"], "Resource": ["*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": "rds:*", "Resource": ["arn:aws:rds:region:*:*"]}, {"Sid": "", "Effect": "Allow", "Action": ["rds:Describe*"], "Resource": ["*"]}]}"##,
    r##"{"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point", "arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/*"]}]}"##,
];
