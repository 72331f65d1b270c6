//! Properties: the wildcard matchers agree with a plain recursive reading
//! of the §5 rules, a matching Deny always decides, adding an Allow never
//! makes a Deny, negated operators are the negation of their positive
//! twins, and no input makes the parser panic.

use iam_policy::{Decision, Policy, PolicyKind, Request, Value};
use proptest::prelude::*;

/// The reference matcher. With `segments`, `?` and a `*` stay inside a
/// colon-separated segment, except a run of `*` that ends a segment (or
/// the pattern), which may reach past colons.
fn reference(pattern: &[char], text: &[char], segments: bool) -> bool {
    match pattern.first() {
        None => text.is_empty(),
        Some('*') => {
            let rest = &pattern[pattern.iter().take_while(|&&c| c == '*').count()..];
            let crosses = !segments || rest.first().is_none_or(|&c| c == ':');
            (0..=text.len()).any(|taken| {
                (crosses || !text[..taken].contains(&':'))
                    && reference(rest, &text[taken..], segments)
            })
        }
        Some('?') => {
            text.first().is_some_and(|&c| !segments || c != ':')
                && reference(&pattern[1..], &text[1..], segments)
        }
        Some(c) => text.first() == Some(c) && reference(&pattern[1..], &text[1..], segments),
    }
}

/// ArnLike's reference: six segments, each matched alone; the last may
/// hold colons.
fn arn_reference(pattern: &str, text: &str) -> bool {
    let pattern: Vec<&str> = pattern.splitn(6, ':').collect();
    let text: Vec<&str> = text.splitn(6, ':').collect();
    pattern.len() == 6
        && text.len() == 6
        && pattern.iter().zip(&text).enumerate().all(|(at, (p, t))| {
            let p: Vec<char> = p.chars().collect();
            let t: Vec<char> = t.chars().collect();
            // Segments 1-5 hold no colon, so `segments` only matters in
            // the sixth, where wildcards may cross them.
            reference(&p, &t, at < 5)
        })
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn resource_matches(pattern: &str, resource: &str) -> bool {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"*","Resource":"{pattern}"}}}}"#
    );
    let policy = Policy::parse(&json, PolicyKind::Identity).unwrap();
    policy
        .evaluate(&Request::new("s3:GetObject", resource))
        .allow
        .is_some()
}

fn condition_holds(operator: &str, value: &str, request: &Request) -> bool {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{"{operator}":{{"a:key":{value}}}}}}}}}"#
    );
    let policy = Policy::parse(&json, PolicyKind::Identity).unwrap();
    policy.evaluate(request).allow.is_some()
}

fn base() -> Request {
    Request::new("s3:GetObject", "arn:aws:s3:::bucket")
}

const PREFIX: &str = "arn:aws:s3:::";

proptest! {
    #[test]
    fn resource_matching_follows_the_segment_rule(
        pattern in "[ab:/é*?]{0,8}",
        text in "[ab:/é]{0,10}",
    ) {
        let expected = reference(&chars(&pattern), &chars(&text), true);
        let actual = resource_matches(&format!("{PREFIX}{pattern}"), &format!("{PREFIX}{text}"));
        prop_assert_eq!(actual, expected);
    }

    #[test]
    fn action_matching_ignores_case_and_lets_wildcards_reach_anywhere(
        pattern in "[aBé*?]{0,8}",
        text in "[abAé]{0,10}",
    ) {
        let json = format!(
            r#"{{"Version":"2012-10-17","Statement":{{"Effect":"Allow","Action":"svc:{pattern}","Resource":"*"}}}}"#
        );
        let policy = Policy::parse(&json, PolicyKind::Identity).unwrap();
        let actual = policy.evaluate(&Request::new(format!("svc:{text}"), "*")).allow.is_some();
        let expected = reference(
            &chars(&format!("svc:{pattern}").to_ascii_lowercase()),
            &chars(&format!("svc:{text}").to_ascii_lowercase()),
            false,
        );
        prop_assert_eq!(actual, expected);
    }

    #[test]
    fn string_like_wildcards_reach_across_colons_and_keep_case(
        pattern in "[aB:/*?]{0,8}",
        text in "[abB:/]{0,10}",
    ) {
        let request = base().with("a:key", text.as_str());
        let actual = condition_holds("StringLike", &format!("\"{pattern}\""), &request);
        prop_assert_eq!(actual, reference(&chars(&pattern), &chars(&text), false));
    }

    #[test]
    fn arn_like_matches_segment_by_segment(
        pattern in "[a:*?]{0,10}",
        text in "[ab:]{0,12}",
    ) {
        let request = base().with("a:key", text.as_str());
        let actual = condition_holds("ArnLike", &format!("\"{pattern}\""), &request);
        prop_assert_eq!(actual, arn_reference(&pattern, &text));
    }

    #[test]
    fn negated_operators_negate_their_positive_twins(
        values in prop::collection::vec("[ab]{1,2}", 1..4),
        requested in prop::option::of(prop::collection::vec("[ab]{1,2}", 0..4)),
    ) {
        let list = serde_json::to_string(&values).unwrap();
        let request = match &requested {
            Some(set) => base().with("a:key", Value::set(set.clone())),
            None => base(),
        };
        let holds = |operator: &str| condition_holds(operator, &list, &request);
        prop_assert_eq!(holds("StringNotEquals"), !holds("StringEquals"));
        prop_assert_eq!(holds("StringNotLike"), !holds("StringLike"));
        prop_assert_eq!(holds("ForAllValues:StringNotEquals"), !holds("ForAnyValue:StringEquals"));
        prop_assert_eq!(holds("ForAnyValue:StringNotEquals"), !holds("ForAllValues:StringEquals"));
        let present = requested.as_ref().is_some_and(|set| !set.is_empty());
        if present {
            prop_assert_eq!(holds("StringEqualsIfExists"), holds("StringEquals"));
            prop_assert_eq!(holds("ForAnyValue:StringLikeIfExists"), holds("ForAnyValue:StringLike"));
        } else {
            prop_assert!(holds("StringEqualsIfExists"));
            prop_assert!(holds("ForAnyValue:StringEqualsIfExists"));
        }
    }
}

const ACTIONS: [&str; 5] = [
    "account:GetAlternateContact",
    "account:Get*",
    "account:Put*",
    "*",
    "iam:*",
];
const RESOURCES: [&str; 4] = [
    "*",
    "arn:aws:account::*:account",
    "arn:aws:account::111111111111:account/*",
    "arn:aws:account::111111111111:account",
];
const CONDITIONS: [&str; 4] = [
    "",
    r#","Condition":{"StringEquals":{"account:TargetRegion":"us-east-1"}}"#,
    r#","Condition":{"StringNotEquals":{"account:TargetRegion":"us-east-1"}}"#,
    r#","Condition":{"ForAnyValue:StringEquals":{"account:AlternateContactTypes":"BILLING"}}"#,
];

fn statement() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        any::<bool>(),
        0..ACTIONS.len(),
        any::<bool>(),
        0..RESOURCES.len(),
        0..CONDITIONS.len(),
    )
        .prop_map(
            |(deny, not_action, action, not_resource, resource, condition)| {
                format!(
                    r#"{{"Effect":"{}","{}":"{}","{}":"{}"{}}}"#,
                    if deny { "Deny" } else { "Allow" },
                    if not_action { "NotAction" } else { "Action" },
                    ACTIONS[action],
                    if not_resource {
                        "NotResource"
                    } else {
                        "Resource"
                    },
                    RESOURCES[resource],
                    CONDITIONS[condition],
                )
            },
        )
}

fn request() -> impl Strategy<Value = Request> {
    (
        prop::sample::select(vec![
            "account:GetAlternateContact",
            "account:PutAlternateContact",
            "iam:CreateUser",
        ]),
        prop::sample::select(vec![
            "arn:aws:account::111111111111:account",
            "arn:aws:account::111111111111:account/o-aa111bb222/222222222222",
        ]),
        prop::option::of(prop::sample::select(vec!["us-east-1", "eu-west-1"])),
        prop::option::of(prop::collection::vec(
            prop::sample::select(vec!["BILLING", "SECURITY"]),
            0..3,
        )),
    )
        .prop_map(|(action, resource, region, types)| {
            let mut request = Request::new(action, resource);
            if let Some(region) = region {
                request.insert("account:TargetRegion", region);
            }
            if let Some(types) = types {
                request.insert("account:AlternateContactTypes", Value::set(types));
            }
            request
        })
}

fn parse(statements: &[String]) -> Policy {
    let json = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    );
    Policy::parse(&json, PolicyKind::Identity).unwrap()
}

proptest! {
    #[test]
    fn a_matching_deny_always_decides(
        statements in prop::collection::vec(statement(), 1..8),
        request in request(),
    ) {
        let policy = parse(&statements);
        let found = policy.evaluate(&request);
        let matching = |deny: bool| {
            policy.statements().iter().position(|s| {
                (s.effect() == iam_policy::Effect::Deny) == deny && s.matches(&request)
            })
        };
        prop_assert_eq!(found.deny.map(|s| s.index), matching(true));
        prop_assert_eq!(found.allow.map(|s| s.index), matching(false));
        let expected = match (matching(true), matching(false)) {
            (Some(_), _) => Decision::ExplicitDeny,
            (None, Some(_)) => Decision::Allow,
            (None, None) => Decision::ImplicitDeny,
        };
        prop_assert_eq!(found.decision(), expected);
    }

    #[test]
    fn adding_an_allow_never_makes_a_deny(
        statements in prop::collection::vec(statement(), 1..8),
        added in statement(),
        at in any::<prop::sample::Index>(),
        request in request(),
    ) {
        let before = parse(&statements).evaluate(&request).decision();
        let mut extended = statements.clone();
        let allow = added.replace(r#""Effect":"Deny""#, r#""Effect":"Allow""#);
        extended.insert(at.index(statements.len() + 1), allow);
        let after = parse(&extended).evaluate(&request).decision();
        prop_assert_eq!(after == Decision::ExplicitDeny, before == Decision::ExplicitDeny);
        if before == Decision::Allow {
            prop_assert_eq!(after, Decision::Allow);
        }
    }
}

type Json = serde_json::Value;

/// `usual` twelve times in thirteen, else `rare`.
fn mostly<T: std::fmt::Debug + 'static>(
    usual: impl Strategy<Value = T> + 'static,
    rare: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<T> {
    prop_oneof![12 => usual, 1 => rare].boxed()
}

fn text(pool: &'static [&'static str]) -> BoxedStrategy<Json> {
    prop::sample::select(pool)
        .prop_map(|word| Json::String(word.to_owned()))
        .boxed()
}

fn junk() -> BoxedStrategy<Json> {
    prop_oneof![
        any::<bool>().prop_map(Json::Bool),
        (-5i32..5).prop_map(Json::from),
        Just(Json::Null),
        Just(Json::Object(Default::default())),
    ]
    .boxed()
}

fn list(pool: &'static [&'static str]) -> BoxedStrategy<Json> {
    mostly(
        prop_oneof![
            text(pool),
            prop::collection::vec(text(pool), 1..3).prop_map(Json::Array)
        ],
        prop_oneof![
            junk(),
            prop::collection::vec(prop_oneof![text(pool), junk()], 0..3).prop_map(Json::Array)
        ],
    )
}

fn object(fields: Vec<Option<(&'static str, Json)>>) -> Json {
    Json::Object(
        fields
            .into_iter()
            .flatten()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

fn field(
    probability: f64,
    names: &'static [&'static str],
    value: BoxedStrategy<Json>,
) -> BoxedStrategy<Option<(&'static str, Json)>> {
    prop::option::weighted(probability, (prop::sample::select(names), value)).boxed()
}

/// Policy documents from the language's own words, mostly well formed, so
/// that the parser's later checks and the evaluator are reached too.
fn document() -> impl Strategy<Value = Json> {
    const OPERATORS: &[&str] = &[
        "StringEquals",
        "StringNotLike",
        "ForAnyValue:StringLike",
        "ForAllValues:StringEquals",
        "DateLessThan",
        "NumericGreaterThanIfExists",
        "Bool",
        "IpAddress",
        "ArnLike",
        "Null",
    ];
    const KEYS: &[&str] = &[
        "account:TargetRegion",
        "account:AlternateContactTypes",
        "aws:username",
    ];
    const VALUES: &[&str] = &[
        "us-east-1",
        "BILLING",
        "${aws:username}",
        "${x, 'y'}",
        "2024-01-01T00:00:00Z",
        "1704067200",
        "10.0.0.0/8",
        "true",
        "arn:aws:iam::*:role/*",
        "*",
        "",
    ];
    const ACTIONS: &[&str] = &[
        "account:Get*",
        "account:PutAlternateContact",
        "*",
        "iam:*",
        "account:*Contact?",
        "Get",
        "a a:b",
        "a:b:c",
    ];
    const RESOURCES: &[&str] = &[
        "*",
        "arn:aws:account::*:account",
        "arn:aws:account::111111111111:account/*",
        "arn:aws:s3:::b/${aws:username}",
        "arn:aws:account::*:account/o-*/*",
        "arn:aws",
        "arn:x:s3:::b",
        "arn:aws:s3::b",
        "arn:aws:s3:us-east-1::b",
        "account",
    ];
    let operator = mostly(
        prop::sample::select(OPERATORS),
        prop::sample::select(&["NullIfExists", "StringEqualz", "ForAnyValue::Bool"][..]),
    );
    let keys = prop::collection::vec((prop::sample::select(KEYS), list(VALUES)), 0..3);
    let condition = mostly(
        prop::collection::vec((operator, keys), 1..3).prop_map(|operators| {
            Json::Object(
                operators
                    .into_iter()
                    .map(|(operator, keys)| {
                        let keys = keys.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
                        (operator.to_owned(), Json::Object(keys))
                    })
                    .collect(),
            )
        }),
        junk(),
    );
    let principal = prop_oneof![
        text(&["*", "arn:aws:iam::111111111111:root"]),
        prop::collection::vec(
            field(
                0.9,
                &["AWS", "Service", "User"],
                list(&["*", "111111111111"])
            ),
            1..3
        )
        .prop_map(object),
    ]
    .boxed();
    let statement = (
        field(0.3, &["Sid"], mostly(text(&["A", "B", ""]), junk())),
        field(
            0.97,
            &["Effect"],
            mostly(text(&["Allow", "Deny"]), text(&["allow", "Permit"])),
        ),
        field(
            0.95,
            &["Action", "Action", "Action", "NotAction"],
            list(ACTIONS),
        ),
        field(
            0.95,
            &["Resource", "Resource", "NotResource"],
            list(RESOURCES),
        ),
        field(0.4, &["Condition"], condition),
        field(0.03, &["Principal", "NotPrincipal"], principal),
        field(0.02, &["Extra", "NotAction"], junk()),
    )
        .prop_map(|(a, b, c, d, e, f, g)| object(vec![a, b, c, d, e, f, g]))
        .boxed();
    let statements = mostly(
        prop::collection::vec(statement.clone(), 1..4).prop_map(Json::Array),
        prop_oneof![statement, Just(Json::Array(Vec::new())), junk()],
    );
    (
        field(
            0.97,
            &["Version"],
            mostly(text(&["2012-10-17"]), text(&["2008-10-17", "2013-10-17"])),
        ),
        field(0.05, &["Id"], mostly(text(&["id"]), junk())),
        field(0.98, &["Statement"], statements),
    )
        .prop_map(|(a, b, c)| object(vec![a, b, c]))
}

proptest! {
    #[test]
    fn no_text_makes_the_parser_panic(text in any::<String>()) {
        for kind in [PolicyKind::Identity, PolicyKind::ServiceControl, PolicyKind::Trust] {
            let _ = Policy::parse(&text, kind);
        }
    }

    #[test]
    fn no_document_makes_the_parser_or_evaluator_panic(
        document in document(),
        request in request(),
    ) {
        let text = document.to_string();
        for kind in [PolicyKind::Identity, PolicyKind::ServiceControl, PolicyKind::Trust] {
            match Policy::parse(&text, kind) {
                Ok(policy) => {
                    policy.evaluate(&request);
                }
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
    }
}
