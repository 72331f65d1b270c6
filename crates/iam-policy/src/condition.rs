//! The Condition element: operators, their set qualifiers and `IfExists`,
//! and how each tests the request's values.

use crate::ip::Cidr;
use crate::pattern::{Glob, Template, Wildcards};
use crate::request::{Item, Request};
use crate::time::Timestamp;

/// `ForAnyValue:` / `ForAllValues:`, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantifier {
    Single,
    AnyValue,
    AllValues,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparison {
    Equals,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
}

impl Comparison {
    fn holds<T: PartialOrd>(self, request: T, policy: T) -> bool {
        match self {
            Self::Equals => request == policy,
            Self::LessThan => request < policy,
            Self::LessThanEquals => request <= policy,
            Self::GreaterThan => request > policy,
            Self::GreaterThanEquals => request >= policy,
        }
    }
}

/// An operator's family, before its values are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    String { ignore_case: bool },
    Like,
    Numeric(Comparison),
    Date(Comparison),
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

/// A parsed operator name, `ForAllValues:StringNotLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operator {
    quantifier: Quantifier,
    family: Family,
    /// A negated operator (StringNotEquals, NotIpAddress, …) is the
    /// negation of its positive twin: its values are NORed, and a missing
    /// key makes it true.
    negated: bool,
    if_exists: bool,
}

impl Operator {
    /// Operator names are case-sensitive, as IAM's are.
    pub(crate) fn parse(name: &str) -> Option<Self> {
        let (quantifier, rest) = if let Some(rest) = name.strip_prefix("ForAnyValue:") {
            (Quantifier::AnyValue, rest)
        } else if let Some(rest) = name.strip_prefix("ForAllValues:") {
            (Quantifier::AllValues, rest)
        } else {
            (Quantifier::Single, name)
        };
        let (base, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (rest, false),
        };
        use Comparison::*;
        let (family, negated) = match base {
            "StringEquals" => (Family::String { ignore_case: false }, false),
            "StringNotEquals" => (Family::String { ignore_case: false }, true),
            "StringEqualsIgnoreCase" => (Family::String { ignore_case: true }, false),
            "StringNotEqualsIgnoreCase" => (Family::String { ignore_case: true }, true),
            "StringLike" => (Family::Like, false),
            "StringNotLike" => (Family::Like, true),
            "NumericEquals" => (Family::Numeric(Equals), false),
            "NumericNotEquals" => (Family::Numeric(Equals), true),
            "NumericLessThan" => (Family::Numeric(LessThan), false),
            "NumericLessThanEquals" => (Family::Numeric(LessThanEquals), false),
            "NumericGreaterThan" => (Family::Numeric(GreaterThan), false),
            "NumericGreaterThanEquals" => (Family::Numeric(GreaterThanEquals), false),
            "DateEquals" => (Family::Date(Equals), false),
            "DateNotEquals" => (Family::Date(Equals), true),
            "DateLessThan" => (Family::Date(LessThan), false),
            "DateLessThanEquals" => (Family::Date(LessThanEquals), false),
            "DateGreaterThan" => (Family::Date(GreaterThan), false),
            "DateGreaterThanEquals" => (Family::Date(GreaterThanEquals), false),
            "Bool" => (Family::Bool, false),
            "BinaryEquals" => (Family::Binary, false),
            "IpAddress" => (Family::Ip, false),
            "NotIpAddress" => (Family::Ip, true),
            "ArnEquals" | "ArnLike" => (Family::Arn, false),
            "ArnNotEquals" | "ArnNotLike" => (Family::Arn, true),
            // `NullIfExists` would ask "is the key absent, if it exists".
            "Null" if !if_exists => (Family::Null, false),
            _ => return None,
        };
        Some(Self {
            quantifier,
            family,
            negated,
            if_exists,
        })
    }
}

/// The compiled values of one key under one operator.
#[derive(Debug, Clone, PartialEq)]
enum Test {
    String {
        values: Vec<Template>,
        ignore_case: bool,
    },
    Like(Vec<Glob>),
    /// Only an ARN, six segments, can match.
    Arn(Vec<Glob>),
    /// A value that is not a number never matches.
    Numeric(Comparison, Vec<Option<f64>>),
    Date(Comparison, Vec<Timestamp>),
    Bool(Vec<Option<bool>>),
    Binary(Vec<Box<str>>),
    Ip(Vec<Option<Cidr>>),
}

/// One key of a condition block under one operator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Condition {
    /// ASCII-lowercased: condition keys are case-insensitive.
    key: Box<str>,
    check: Check,
}

#[derive(Debug, Clone, PartialEq)]
enum Check {
    /// `Null`: a value `true` asks for the key to be absent, `false` for it
    /// to be present; anything else never holds.
    Null(Vec<Option<bool>>),
    Compare {
        operator: Operator,
        test: Test,
    },
}

/// A policy's Date literal failed IAM's legacy parser.
#[derive(Debug)]
pub(crate) struct BadDate;

fn boolean(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

impl Condition {
    /// Compiles `key`'s values (JSON scalars already turned into text).
    /// `variables` enables `${…}` in string and ARN values.
    pub(crate) fn compile(
        operator: Operator,
        key: &str,
        values: &[String],
        variables: bool,
    ) -> Result<Self, BadDate> {
        let key = key.to_ascii_lowercase().into();
        let test = match operator.family {
            Family::Null => {
                return Ok(Self {
                    key,
                    check: Check::Null(values.iter().map(|v| boolean(v)).collect()),
                })
            }
            Family::String { ignore_case } => Test::String {
                values: values
                    .iter()
                    .map(|v| Template::compile(v, variables))
                    .collect(),
                ignore_case,
            },
            Family::Like => Test::Like(
                values
                    .iter()
                    .map(|v| Glob::compile(v, Wildcards::Anywhere, variables, false))
                    .collect(),
            ),
            Family::Arn => Test::Arn(
                values
                    .iter()
                    .map(|v| Glob::compile(v, Wildcards::ArnSegments, variables, false))
                    .collect(),
            ),
            Family::Numeric(comparison) => Test::Numeric(
                comparison,
                values.iter().map(|v| v.trim().parse().ok()).collect(),
            ),
            Family::Date(comparison) => Test::Date(
                comparison,
                values
                    .iter()
                    .map(|v| Timestamp::parse_policy(v).ok_or(BadDate))
                    .collect::<Result<_, _>>()?,
            ),
            Family::Bool => Test::Bool(values.iter().map(|v| boolean(v)).collect()),
            Family::Binary => Test::Binary(values.iter().map(|v| v.as_str().into()).collect()),
            Family::Ip => Test::Ip(values.iter().map(|v| Cidr::parse(v)).collect()),
        };
        Ok(Self {
            key,
            check: Check::Compare { operator, test },
        })
    }

    pub(crate) fn holds(&self, request: &Request) -> bool {
        let values = request.values(&self.key);
        let (operator, test) = match &self.check {
            Check::Null(expected) => return expected.contains(&Some(values.is_none())),
            Check::Compare { operator, test } => (operator, test),
        };
        let Operator {
            quantifier,
            negated,
            if_exists,
            ..
        } = *operator;
        let Some(items) = values else {
            return match quantifier {
                Quantifier::Single => if_exists || negated,
                Quantifier::AnyValue => if_exists,
                Quantifier::AllValues => true,
            };
        };
        match quantifier {
            // Several values under a plain operator: true if any of them
            // matches (negated: if none does).
            Quantifier::Single => negated != items.iter().any(|item| test.matches(item, request)),
            Quantifier::AnyValue => items
                .iter()
                .any(|item| negated != test.matches(item, request)),
            Quantifier::AllValues => items
                .iter()
                .all(|item| negated != test.matches(item, request)),
        }
    }
}

impl Test {
    /// Whether one request value matches any of the policy's values under
    /// the positive form of the operator.
    fn matches(&self, item: &Item, request: &Request) -> bool {
        let text = &*item.text;
        match self {
            Test::String {
                values,
                ignore_case,
            } => values
                .iter()
                .any(|value| value.equals(text, request, *ignore_case)),
            Test::Like(globs) => globs.iter().any(|glob| glob.matches(text, request)),
            Test::Arn(globs) => {
                text.matches(':').count() >= 5
                    && globs.iter().any(|glob| glob.matches(text, request))
            }
            Test::Numeric(comparison, values) => item.number.is_some_and(|number| {
                values
                    .iter()
                    .flatten()
                    .any(|&value| comparison.holds(number, value))
            }),
            Test::Date(comparison, values) => item
                .date
                .is_some_and(|date| values.iter().any(|&value| comparison.holds(date, value))),
            Test::Bool(values) => {
                boolean(text).is_some_and(|actual| values.contains(&Some(actual)))
            }
            Test::Binary(values) => values.iter().any(|value| **value == *text),
            Test::Ip(blocks) => item
                .ip
                .is_some_and(|ip| blocks.iter().flatten().any(|block| block.contains(ip))),
        }
    }
}
