//! EventBridge event patterns: which events a rule's pattern matches, with
//! the validation and messages of EventBridge's matcher (aws/event-ruler).
//!
//! Supported: exact values (strings, numbers, `true`/`false`, `null`),
//! nested objects, arrays on either side (a match needs one common value),
//! `prefix` and `suffix` (also with `equals-ignore-case`),
//! `equals-ignore-case`, `wildcard`, `anything-but` (a value, a list of
//! strings or of numbers, or `prefix`/`suffix`/`equals-ignore-case`/
//! `wildcard`), `numeric` ranges, `exists`, `cidr` (IPv4 and IPv6) and `$or`.
//!
//! A field matches when one of its leaf values (arrays are looked through;
//! objects are not leaves) matches one of the pattern's values; a missing
//! field matches only `{"exists": false}`. `anything-but` matches any
//! present value but the excluded ones, whatever its type, as event-ruler
//! compares bytes.
//!
//! Not modelled: event-ruler's rule that sibling fields inside an array of
//! objects must match within the same element, and its limits on numeric
//! ranges (±5.0e9, six decimal places).

use std::net::IpAddr;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::case::lowercase;

/// A pattern EventBridge would refuse (`InvalidEventPatternException`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Event pattern is not valid. Reason: {reason}{}", at(.path))]
pub struct PatternError {
    /// The matcher's own words, e.g. `Empty arrays are not allowed`.
    pub reason: String,
    /// Where in the pattern, as dotted field names (empty at the top).
    pub path: String,
}

fn at(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" (at {path})")
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Lt(f64),
    Le(f64),
    Gt(f64),
    Ge(f64),
    Eq(f64),
}

impl Bound {
    fn holds(self, x: f64) -> bool {
        match self {
            Bound::Lt(v) => x < v,
            Bound::Le(v) => x <= v,
            Bound::Gt(v) => x > v,
            Bound::Ge(v) => x >= v,
            Bound::Eq(v) => x == v,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    fn parse(text: &str) -> Option<Self> {
        let (address, prefix) = text.split_once('/')?;
        let network = IpAddr::from_str(address).ok()?;
        let prefix: u8 = prefix.parse().ok()?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        (prefix <= max).then_some(Cidr { network, prefix })
    }

    fn contains(&self, text: &str) -> bool {
        let Ok(address) = IpAddr::from_str(text) else {
            return false;
        };
        let bits = |ip: IpAddr| -> (u128, u32) {
            match ip {
                IpAddr::V4(v4) => (u32::from(v4) as u128, 32),
                IpAddr::V6(v6) => (u128::from(v6), 128),
            }
        };
        let ((net, width), (addr, addr_width)) = (bits(self.network), bits(address));
        if width != addr_width {
            return false;
        }
        let shift = width - u32::from(self.prefix);
        let mask = if shift >= 128 { 0 } else { u128::MAX << shift };
        let mask = if width == 32 {
            mask & 0xffff_ffff
        } else {
            mask
        };
        net & mask == addr & mask
    }
}

/// A `wildcard` value: literal pieces between `*`s.
#[derive(Debug, Clone, PartialEq)]
struct Wildcard(Vec<String>);

impl Wildcard {
    fn parse(text: &str) -> Result<Self, String> {
        let mut pieces = vec![String::new()];
        let mut chars = text.chars().peekable();
        let mut previous_star = false;
        while let Some(c) = chars.next() {
            match c {
                '*' => {
                    if previous_star {
                        return Err(format!(
                            "Consecutive wildcard characters are not allowed: {text}"
                        ));
                    }
                    pieces.push(String::new());
                    previous_star = true;
                    continue;
                }
                '\\' => match chars.next() {
                    Some(e @ ('*' | '\\')) => pieces.last_mut().expect("non-empty").push(e),
                    _ => return Err(format!("Invalid escape in wildcard pattern: {text}")),
                },
                c => pieces.last_mut().expect("non-empty").push(c),
            }
            previous_star = false;
        }
        Ok(Wildcard(pieces))
    }

    fn matches(&self, s: &str) -> bool {
        let pieces = &self.0;
        if pieces.len() == 1 {
            return s == pieces[0];
        }
        let (first, last) = (&pieces[0], &pieces[pieces.len() - 1]);
        if s.len() < first.len() + last.len()
            || !s.starts_with(first.as_str())
            || !s.ends_with(last.as_str())
        {
            return false;
        }
        let mut rest = &s[first.len()..s.len() - last.len()];
        for piece in &pieces[1..pieces.len() - 1] {
            match rest.find(piece.as_str()) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Excluded {
    Strings(Vec<String>),
    Numbers(Vec<f64>),
    Prefix(String),
    Suffix(String),
    IgnoreCase(Vec<String>),
    Wildcard(Wildcard),
}

#[derive(Debug, Clone, PartialEq)]
enum Matcher {
    Exact(Value),
    Prefix(String),
    PrefixIgnoreCase(String),
    Suffix(String),
    SuffixIgnoreCase(String),
    EqualsIgnoreCase(String),
    Wildcard(Wildcard),
    AnythingBut(Excluded),
    Numeric(Vec<Bound>),
    Exists(bool),
    Cidr(Cidr),
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

impl Matcher {
    /// Whether one leaf value of the event satisfies this matcher (`exists`
    /// is decided on the whole field instead).
    fn accepts(&self, value: &Value) -> bool {
        let text = value.as_str();
        match self {
            Matcher::Exact(Value::Number(n)) => {
                value.as_number().is_some_and(|v| numbers_equal(n, v))
            }
            Matcher::Exact(expected) => expected == value,
            Matcher::Prefix(p) => text.is_some_and(|s| s.starts_with(p.as_str())),
            Matcher::PrefixIgnoreCase(p) => {
                text.is_some_and(|s| lowercase(s).starts_with(&lowercase(p)))
            }
            Matcher::Suffix(p) => text.is_some_and(|s| s.ends_with(p.as_str())),
            Matcher::SuffixIgnoreCase(p) => {
                text.is_some_and(|s| lowercase(s).ends_with(&lowercase(p)))
            }
            Matcher::EqualsIgnoreCase(p) => text.is_some_and(|s| lowercase(s) == lowercase(p)),
            Matcher::Wildcard(w) => text.is_some_and(|s| w.matches(s)),
            Matcher::AnythingBut(excluded) => !match excluded {
                Excluded::Strings(set) => text.is_some_and(|s| set.iter().any(|x| x == s)),
                Excluded::Numbers(set) => value.as_f64().is_some_and(|n| set.contains(&n)),
                Excluded::Prefix(p) => text.is_some_and(|s| s.starts_with(p.as_str())),
                Excluded::Suffix(p) => text.is_some_and(|s| s.ends_with(p.as_str())),
                Excluded::IgnoreCase(set) => {
                    text.is_some_and(|s| set.iter().any(|x| lowercase(x) == lowercase(s)))
                }
                Excluded::Wildcard(w) => text.is_some_and(|s| w.matches(s)),
            },
            Matcher::Numeric(bounds) => value
                .as_f64()
                .is_some_and(|x| bounds.iter().all(|b| b.holds(x))),
            Matcher::Exists(_) => false,
            Matcher::Cidr(cidr) => text.is_some_and(|s| cidr.contains(s)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct FieldRule {
    path: Vec<String>,
    matchers: Vec<Matcher>,
}

/// A compiled event pattern: it matches when, in one of its branches (more
/// than one only with `$or`), every field matches.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPattern {
    branches: Vec<Vec<FieldRule>>,
}

/// Field names that may not appear inside `$or` objects.
const RESERVED_IN_OR: [&str; 12] = [
    "anything-but",
    "numeric",
    "prefix",
    "suffix",
    "exists",
    "cidr",
    "equals-ignore-case",
    "wildcard",
    "exactly",
    "$or",
    "equals",
    "contains",
];

struct Compiler {
    path: Vec<String>,
}

impl Compiler {
    fn error(&self, reason: impl Into<String>) -> PatternError {
        PatternError {
            reason: reason.into(),
            path: self.path.join("."),
        }
    }

    /// The branches (OR) of field rules (AND) an object stands for.
    fn object(
        &mut self,
        object: &Map<String, Value>,
        inside_or: bool,
    ) -> Result<Vec<Vec<FieldRule>>, PatternError> {
        if object.is_empty() {
            return Err(self.error("Empty objects are not allowed"));
        }
        let mut branches: Vec<Vec<FieldRule>> = vec![Vec::new()];
        for (name, value) in object {
            let alternatives = if name == "$or" {
                self.or(value)?
            } else {
                if inside_or && RESERVED_IN_OR.contains(&name.as_str()) {
                    return Err(self.error(format!(
                        "{name} is Ruler reserved fieldName which cannot be used inside $or."
                    )));
                }
                self.path.push(name.clone());
                let result = match value {
                    Value::Object(inner) => self.object(inner, inside_or),
                    Value::Array(values) => self.field(values).map(|rule| vec![vec![rule]]),
                    _ => Err(self.error(format!("\"{name}\" must be an object or an array"))),
                };
                self.path.pop();
                result?
            };
            branches = branches
                .iter()
                .flat_map(|branch| {
                    alternatives.iter().map(move |alternative| {
                        let mut combined = branch.clone();
                        combined.extend(alternative.iter().cloned());
                        combined
                    })
                })
                .collect();
        }
        Ok(branches)
    }

    fn or(&mut self, value: &Value) -> Result<Vec<Vec<FieldRule>>, PatternError> {
        let Value::Array(items) = value else {
            return Err(self.error("It must be an Array followed with $or."));
        };
        let mut alternatives = Vec::new();
        for item in items {
            let Value::Object(object) = item else {
                return Err(self.error("Only JSON object is allowed in array of $or relationship."));
            };
            alternatives.extend(self.object(object, true)?);
        }
        if items.len() < 2 {
            return Err(self.error("There must have at least 2 Objects in $or relationship."));
        }
        Ok(alternatives)
    }

    fn field(&mut self, values: &[Value]) -> Result<FieldRule, PatternError> {
        let mut matchers = Vec::new();
        for value in values {
            matchers.push(match value {
                Value::Object(expression) => self.expression(expression)?,
                Value::Array(_) => {
                    return Err(
                        self.error("Match value must be String, number, true, false, or null")
                    )
                }
                scalar => Matcher::Exact(scalar.clone()),
            });
        }
        if matchers.is_empty() {
            return Err(self.error("Empty arrays are not allowed"));
        }
        Ok(FieldRule {
            path: self.path.clone(),
            matchers,
        })
    }

    fn single_key<'v>(
        &self,
        expression: &'v Map<String, Value>,
    ) -> Result<(&'v String, &'v Value), PatternError> {
        let mut entries = expression.iter();
        let Some(first) = entries.next() else {
            return Err(self.error("Match expression name not found"));
        };
        if entries.next().is_some() {
            return Err(self.error("Only one key allowed in match expression"));
        }
        Ok(first)
    }

    fn string<'v>(&self, value: &'v Value, what: &str) -> Result<&'v str, PatternError> {
        value
            .as_str()
            .ok_or_else(|| self.error(format!("{what} match pattern must be a string")))
    }

    fn expression(&mut self, expression: &Map<String, Value>) -> Result<Matcher, PatternError> {
        let (name, value) = self.single_key(expression)?;
        match name.as_str() {
            "prefix" | "suffix" => {
                let ignore_case = match value {
                    Value::Object(inner) => {
                        let (inner_name, inner_value) = self.single_key(inner)?;
                        if inner_name != "equals-ignore-case" {
                            return Err(
                                self.error(format!("Unsupported {name} pattern: {inner_name}"))
                            );
                        }
                        Some(self.string(inner_value, "equals-ignore-case")?.to_owned())
                    }
                    _ => None,
                };
                Ok(match (name.as_str(), ignore_case) {
                    ("prefix", Some(p)) => Matcher::PrefixIgnoreCase(p),
                    ("suffix", Some(p)) => Matcher::SuffixIgnoreCase(p),
                    ("prefix", None) => Matcher::Prefix(self.string(value, "prefix")?.to_owned()),
                    _ => Matcher::Suffix(self.string(value, "suffix")?.to_owned()),
                })
            }
            "equals-ignore-case" => Ok(Matcher::EqualsIgnoreCase(
                self.string(value, "equals-ignore-case")?.to_owned(),
            )),
            "wildcard" => {
                let text = self.string(value, "wildcard")?;
                Ok(Matcher::Wildcard(
                    Wildcard::parse(text).map_err(|e| self.error(e))?,
                ))
            }
            "anything-but" => self.anything_but(value),
            "numeric" => self.numeric(value),
            "exists" => match value {
                Value::Bool(b) => Ok(Matcher::Exists(*b)),
                _ => Err(self.error("exists match pattern must be either true or false.")),
            },
            "cidr" => {
                let text = self.string(value, "cidr")?;
                Cidr::parse(text)
                    .map(Matcher::Cidr)
                    .ok_or_else(|| self.error(format!("Invalid CIDR format: {text}")))
            }
            other => Err(self.error(format!("Unrecognized match type {other}"))),
        }
    }

    fn anything_but(&mut self, value: &Value) -> Result<Matcher, PatternError> {
        let excluded = match value {
            Value::String(s) => Excluded::Strings(vec![s.clone()]),
            Value::Number(n) => Excluded::Numbers(vec![n.as_f64().unwrap_or(f64::NAN)]),
            Value::Array(items) => {
                let strings: Vec<String> = items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                let numbers: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
                if items.iter().any(|v| !(v.is_string() || v.is_number())) {
                    return Err(self
                        .error("Inside anything but list, start|null|boolean is not supported."));
                }
                if strings.len() == items.len() && !items.is_empty() {
                    Excluded::Strings(strings)
                } else if numbers.len() == items.len() && !items.is_empty() {
                    Excluded::Numbers(numbers)
                } else {
                    return Err(self.error(
                        "Inside anything but list, either all values are number or string, mixed type is not supported",
                    ));
                }
            }
            Value::Object(inner) => {
                let (name, inner_value) = self.single_key(inner)?;
                match name.as_str() {
                    "prefix" | "suffix" => {
                        let text = self.string(inner_value, "prefix/suffix")?;
                        if text.is_empty() {
                            return Err(self.error("Null prefix/suffix not allowed"));
                        }
                        if name == "prefix" {
                            Excluded::Prefix(text.to_owned())
                        } else {
                            Excluded::Suffix(text.to_owned())
                        }
                    }
                    "equals-ignore-case" => match inner_value {
                        Value::String(s) => Excluded::IgnoreCase(vec![s.clone()]),
                        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_string) => {
                            Excluded::IgnoreCase(items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                        }
                        _ => {
                            return Err(self.error(
                                "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
                            ))
                        }
                    },
                    "wildcard" => {
                        let text = self.string(inner_value, "wildcard")?;
                        Excluded::Wildcard(Wildcard::parse(text).map_err(|e| self.error(e))?)
                    }
                    other => return Err(self.error(format!("Unsupported anything-but pattern: {other}"))),
                }
            }
            _ => {
                return Err(self.error(
                    "Value of anything-but must be an array or single string/number value.",
                ))
            }
        };
        Ok(Matcher::AnythingBut(excluded))
    }

    fn numeric(&mut self, value: &Value) -> Result<Matcher, PatternError> {
        let Value::Array(terms) = value else {
            return Err(self.error("Value of numeric must be an array."));
        };
        fn operator(v: Option<&Value>) -> Option<&str> {
            v.and_then(Value::as_str)
        }
        let number = |v: Option<&Value>, op: &str| {
            v.and_then(Value::as_f64)
                .ok_or_else(|| self.error(format!("Value of {op} must be numeric")))
        };
        let Some(first) = operator(terms.first()) else {
            return Err(self.error(format!(
                "Invalid member in numeric match: {}",
                terms.first().map(Value::to_string).unwrap_or_default()
            )));
        };
        let bottom = number(terms.get(1), first)?;
        let first_bound = match first {
            "=" => Bound::Eq(bottom),
            "<" => Bound::Lt(bottom),
            "<=" => Bound::Le(bottom),
            ">" => Bound::Gt(bottom),
            ">=" => Bound::Ge(bottom),
            other => {
                return Err(self.error(format!("Unrecognized numeric range operator: {other}")))
            }
        };
        let mut bounds = vec![first_bound];
        match (first, terms.len()) {
            (_, 2) => {}
            ("=" | "<" | "<=", _) => {
                return Err(self.error("Too many elements in numeric expression"))
            }
            (_, 4) => {
                let Some(second) = operator(terms.get(2)) else {
                    return Err(self.error(format!(
                        "Bad value in numeric range: {}",
                        terms.get(2).map(Value::to_string).unwrap_or_default()
                    )));
                };
                let top = number(terms.get(3), second)?;
                bounds.push(match second {
                    "<" => Bound::Lt(top),
                    "<=" => Bound::Le(top),
                    other => return Err(self.error(format!("Bad numeric range operator: {other}"))),
                });
            }
            _ => return Err(self.error("Too many terms in numeric range expression")),
        }
        Ok(Matcher::Numeric(bounds))
    }
}

/// The leaf values at `path`: arrays are looked through at every level,
/// and objects are not leaves.
fn leaves<'e>(event: &'e Value, path: &[String]) -> Vec<&'e Value> {
    fn flatten<'e>(value: &'e Value, out: &mut Vec<&'e Value>) {
        match value {
            Value::Array(items) => items.iter().for_each(|v| flatten(v, out)),
            other => out.push(other),
        }
    }
    let mut current = vec![event];
    for step in path {
        let mut next = Vec::new();
        for value in current {
            if let Some(child) = value.get(step.as_str()).filter(|_| value.is_object()) {
                flatten(child, &mut next);
            }
        }
        current = next;
    }
    current.into_iter().filter(|v| !v.is_object()).collect()
}

impl FieldRule {
    fn matches(&self, event: &Value) -> bool {
        let values = leaves(event, &self.path);
        self.matchers.iter().any(|m| match m {
            Matcher::Exists(expected) => values.is_empty() != *expected,
            m => values.iter().any(|v| m.accepts(v)),
        })
    }
}

impl EventPattern {
    /// Compiles a pattern, refusing what EventBridge refuses.
    pub fn new(pattern: &Value) -> Result<Self, PatternError> {
        let Value::Object(object) = pattern else {
            return Err(PatternError {
                reason: "Filter is not an object".into(),
                path: String::new(),
            });
        };
        let branches = Compiler { path: Vec::new() }.object(object, false)?;
        Ok(Self { branches })
    }

    /// Whether the event (any JSON, e.g. a serialized
    /// [`account_engine::events::Event`]) matches.
    pub fn matches(&self, event: &Value) -> bool {
        self.branches
            .iter()
            .any(|branch| branch.iter().all(|rule| rule.matches(event)))
    }

    /// Whether an engine event matches.
    pub fn matches_event(&self, event: &account_engine::events::Event) -> bool {
        serde_json::to_value(event).is_ok_and(|value| self.matches(&value))
    }
}

impl FromStr for EventPattern {
    type Err = PatternError;

    /// Parses and compiles a pattern from its JSON text.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let value: Value = serde_json::from_str(text).map_err(|e| PatternError {
            reason: format!("the pattern is not valid JSON: {e}"),
            path: String::new(),
        })?;
        Self::new(&value)
    }
}

/// Compiles `pattern` and tests `event` against it.
pub fn matches(pattern: &Value, event: &Value) -> Result<bool, PatternError> {
    Ok(EventPattern::new(pattern)?.matches(event))
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::events::Event;
    use account_engine::model::RegionOptStatus;
    use serde_json::json;

    fn check(pattern: Value, event: &Value) -> bool {
        matches(&pattern, event).unwrap_or_else(|e| panic!("{pattern}: {e}"))
    }

    fn reason(pattern: Value) -> String {
        EventPattern::new(&pattern).expect_err("invalid").reason
    }

    /// The sample event of the event-ruler README and the EventBridge
    /// content-filtering examples.
    fn ec2_event() -> Value {
        json!({
            "version": "0",
            "id": "ddddd4-aaaa-7777-4444-345dd43cc333",
            "detail-type": "EC2 Instance State-change Notification",
            "source": "aws.ec2",
            "account": "012345679012",
            "time": "2017-10-02T16:24:49Z",
            "region": "us-east-1",
            "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
            "detail": {
                "c-count": 5,
                "d-count": 3,
                "x-limit": 301.8,
                "source-ip": "10.0.0.33",
                "instance-id": "i-000000aaaaaa00000",
                "state": "running"
            }
        })
    }

    fn region_event(status: RegionOptStatus) -> Value {
        serde_json::to_value(Event::region_change(
            "e1".into(),
            "111122223333",
            "2026-01-01T00:00:00Z".into(),
            "111122223333",
            "af-south-1",
            status,
        ))
        .unwrap()
    }

    #[test]
    fn exact_values_nested_objects_and_any_of_lists_match() {
        let pattern = json!({
            "detail-type": ["EC2 Instance State-change Notification"],
            "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
            "detail": {"state": ["initializing", "running"]}
        });
        assert!(check(pattern, &ec2_event()));
        assert!(!check(
            json!({"detail": {"state": ["stopped"]}}),
            &ec2_event()
        ));
        assert!(!check(json!({"detail": {"missing": ["x"]}}), &ec2_event()));
    }

    #[test]
    fn region_opt_in_events_match_on_source_type_and_status() {
        let pattern = json!({
            "source": ["aws.account"],
            "detail-type": ["Region Opt-In Status Change"],
            "detail": {"status": ["ENABLED"]}
        });
        assert!(check(
            pattern.clone(),
            &region_event(RegionOptStatus::Enabled)
        ));
        assert!(!check(
            pattern.clone(),
            &region_event(RegionOptStatus::Enabling)
        ));
        let compiled = EventPattern::new(&pattern).unwrap();
        let event = Event::region_change(
            "e2".into(),
            "111122223333",
            "t".into(),
            "111122223333",
            "af-south-1",
            RegionOptStatus::Enabled,
        );
        assert!(compiled.matches_event(&event));
        assert!(check(
            json!({"detail": {"regionName": [{"prefix": "af-"}]}}),
            &region_event(RegionOptStatus::Disabled)
        ));
    }

    #[test]
    fn prefix_matches_the_start_of_string_values_only() {
        assert!(check(
            json!({"time": [{"prefix": "2017-10-02"}]}),
            &ec2_event()
        ));
        assert!(!check(
            json!({"time": [{"prefix": "2017-10-03"}]}),
            &ec2_event()
        ));
        assert!(!check(
            json!({"detail": {"c-count": [{"prefix": "5"}]}}),
            &ec2_event()
        ));
        let autoscaling = |region: &str| json!({"source": "aws.autoscaling", "region": region});
        let pattern = json!({"source": ["aws.autoscaling"], "region": [{"prefix": "eu-"}]});
        assert!(check(pattern.clone(), &autoscaling("eu-west-1")));
        assert!(!check(pattern, &autoscaling("us-east-1")));
    }

    #[test]
    fn prefix_suffix_and_equals_ignore_case() {
        let event = json!({"service": "EventBridge", "FileName": "photo.PNG"});
        assert!(check(
            json!({"service": [{"prefix": {"equals-ignore-case": "eventb"}}]}),
            &event
        ));
        assert!(!check(json!({"service": [{"prefix": "eventb"}]}), &event));
        assert!(check(
            json!({"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}),
            &event
        ));
        assert!(!check(json!({"FileName": [{"suffix": ".png"}]}), &event));
        assert!(check(
            json!({"service": [{"equals-ignore-case": "EVENTBRIDGE"}]}),
            &event
        ));
    }

    #[test]
    fn anything_but_excludes_values_strings_numbers_and_lists() {
        let event = ec2_event();
        assert!(check(
            json!({"detail": {"state": [{"anything-but": "initializing"}]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"state": [{"anything-but": "running"}]}}),
            &event
        ));
        assert!(check(
            json!({"detail": {"c-count": [{"anything-but": 123}]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"c-count": [{"anything-but": 5}]}}),
            &event
        ));
        assert!(check(
            json!({"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"state": [{"anything-but": ["stopped", "running"]}]}}),
            &event
        ));
        assert!(check(
            json!({"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"x-limit": [{"anything-but": [301.8]}]}}),
            &event
        ));
        // A missing field is not "anything but".
        assert!(!check(
            json!({"detail": {"nothing": [{"anything-but": "x"}]}}),
            &event
        ));
    }

    #[test]
    fn anything_but_prefix_suffix_and_ignore_case() {
        let event = ec2_event();
        assert!(check(
            json!({"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"state": [{"anything-but": {"prefix": "run"}}]}}),
            &event
        ));
        assert!(!check(
            json!({"source": [{"anything-but": {"prefix": "aws."}}]}),
            &event
        ));
        assert!(check(
            json!({"source": [{"anything-but": {"prefix": "aws."}}]}),
            &json!({"source": "my.app"})
        ));
        assert!(!check(
            json!({"source": [{"anything-but": ["aws.ec2", "aws.s3"]}]}),
            &event
        ));
        assert!(check(
            json!({"detail-type": [{"anything-but": "AWS API Call via CloudTrail"}]}),
            &event
        ));
        assert!(!check(
            json!({"source": [{"anything-but": {"suffix": "ec2"}}]}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"state": [{"anything-but": {"equals-ignore-case": "RUNNING"}}]}}),
            &event
        ));
        assert!(check(
            json!({"detail": {"state": [{"anything-but": {"equals-ignore-case": ["STOPPED"]}}]}}),
            &event
        ));
    }

    #[test]
    fn numeric_ranges_compare_json_numbers() {
        let pattern = json!({"detail": {
            "c-count": [{"numeric": [">", 0, "<=", 5]}],
            "d-count": [{"numeric": ["<", 10]}],
            "x-limit": [{"numeric": ["=", 3.018e2]}]
        }});
        assert!(check(pattern, &ec2_event()));
        assert!(!check(
            json!({"detail": {"c-count": [{"numeric": [">", 5]}]}}),
            &ec2_event()
        ));
        assert!(check(
            json!({"detail": {"c-count": [{"numeric": [">=", 5, "<", 6]}]}}),
            &ec2_event()
        ));
        // Strings are not numbers.
        assert!(!check(
            json!({"n": [{"numeric": ["=", 5]}]}),
            &json!({"n": "5"})
        ));
    }

    #[test]
    fn cidr_matches_ip_addresses_in_the_block() {
        assert!(check(
            json!({"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}),
            &ec2_event()
        ));
        assert!(!check(
            json!({"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}}),
            &ec2_event()
        ));
        assert!(check(
            json!({"ip": [{"cidr": "2001:db8::/32"}]}),
            &json!({"ip": "2001:db8::1"})
        ));
        assert!(!check(
            json!({"ip": [{"cidr": "10.0.0.0/8"}]}),
            &json!({"ip": "2001:db8::1"})
        ));
    }

    #[test]
    fn exists_looks_at_leaf_fields_only() {
        let pattern = json!({"detail": {"c-count": [{"exists": false}]}});
        let without = json!({"detail-type": ["EC2 Instance State-change Notification"],
            "detail": {"state": ["initializing", "running"]}});
        let as_object = json!({"detail-type": ["EC2 Instance State-change Notification"],
            "detail": {"state": ["initializing", "running"], "c-count": {"c1": 100}}});
        assert!(check(pattern.clone(), &without));
        assert!(check(pattern.clone(), &as_object));
        assert!(!check(pattern, &ec2_event()));
        assert!(check(
            json!({"detail": {"c-count": [{"exists": true}]}}),
            &ec2_event()
        ));
        assert!(!check(
            json!({"detail": {"description": [{"exists": true}]}}),
            &ec2_event()
        ));
    }

    #[test]
    fn combined_operators_all_have_to_match() {
        let pattern = json!({
            "time": [{"prefix": "2017-10-02"}],
            "detail": {
                "state": [{"anything-but": "initializing"}],
                "c-count": [{"numeric": [">", 0, "<=", 5]}],
                "d-count": [{"numeric": ["<", 10]}],
                "x-limit": [{"anything-but": [100, 200, 300]}],
                "source-ip": [{"cidr": "10.0.0.0/8"}]
            }
        });
        assert!(check(pattern, &ec2_event()));
    }

    #[test]
    fn null_and_empty_string_are_distinct_values() {
        let event = json!({"detail": {"eventVersion": "", "responseElements": null}});
        assert!(check(json!({"detail": {"eventVersion": [""]}}), &event));
        assert!(check(
            json!({"detail": {"responseElements": [null]}}),
            &event
        ));
        assert!(!check(
            json!({"detail": {"responseElements": [""]}}),
            &event
        ));
        assert!(!check(json!({"detail": {"eventVersion": [null]}}), &event));
    }

    #[test]
    fn an_event_array_matches_when_it_shares_a_value_with_the_pattern() {
        let pattern = json!({"resources": [
            "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
            "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
            "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"
        ]});
        let event = json!({"resources": [
            "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate",
            "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"
        ]});
        assert!(check(pattern.clone(), &event));
        assert!(!check(pattern, &json!({"resources": ["arn:other"]})));
    }

    #[test]
    fn numbers_match_by_value() {
        assert!(check(json!({"n": [5]}), &json!({"n": 5.0})));
        assert!(!check(json!({"n": [5]}), &json!({"n": "5"})));
        assert!(check(json!({"b": [true]}), &json!({"b": true})));
    }

    #[test]
    fn wildcard_matches_any_run_of_characters() {
        let event = json!({"source": "Simple Queue Service", "path": "a*b"});
        assert!(check(
            json!({"source": [{"wildcard": "Simple*Service"}]}),
            &event
        ));
        assert!(!check(
            json!({"source": [{"wildcard": "Simple*Services"}]}),
            &event
        ));
        assert!(check(json!({"path": [{"wildcard": "a\\*b"}]}), &event));
        assert!(!check(
            json!({"source": [{"anything-but": {"wildcard": "*Queue*"}}]}),
            &event
        ));
    }

    #[test]
    fn or_matches_when_any_alternative_does() {
        let pattern = json!({
            "source": ["aws.cloudwatch"],
            "$or": [
                {"metricName": ["CPUUtilization", "ReadLatency"]},
                {"namespace": ["AWS/EC2", "AWS/ES"]}
            ]
        });
        assert!(check(
            pattern.clone(),
            &json!({"source": "aws.cloudwatch", "namespace": "AWS/ES"})
        ));
        assert!(check(
            pattern.clone(),
            &json!({"source": "aws.cloudwatch", "metricName": "ReadLatency"})
        ));
        assert!(!check(
            pattern.clone(),
            &json!({"source": "aws.cloudwatch", "metricName": "Other"})
        ));
        assert!(!check(
            pattern,
            &json!({"source": "aws.ec2", "namespace": "AWS/ES"})
        ));
    }

    #[test]
    fn invalid_patterns_are_refused_with_eventbridge_reasons() {
        assert_eq!(reason(json!(["source"])), "Filter is not an object");
        assert_eq!(reason(json!("x")), "Filter is not an object");
        assert_eq!(reason(json!({})), "Empty objects are not allowed");
        assert_eq!(
            reason(json!({"detail": {}})),
            "Empty objects are not allowed"
        );
        assert_eq!(
            reason(json!({"source": "aws.account"})),
            "\"source\" must be an object or an array"
        );
        assert_eq!(
            reason(json!({"source": []})),
            "Empty arrays are not allowed"
        );
        assert_eq!(
            reason(json!({"source": [["x"]]})),
            "Match value must be String, number, true, false, or null"
        );
        assert_eq!(
            reason(json!({"source": [{"contains-not": "x"}]})),
            "Unrecognized match type contains-not"
        );
        assert_eq!(
            reason(json!({"source": [{}]})),
            "Match expression name not found"
        );
        assert_eq!(
            reason(json!({"source": [{"prefix": "a", "suffix": "b"}]})),
            "Only one key allowed in match expression"
        );
        assert_eq!(
            reason(json!({"source": [{"prefix": 5}]})),
            "prefix match pattern must be a string"
        );
        assert_eq!(
            reason(json!({"source": [{"anything-but": {"prefix": ""}}]})),
            "Null prefix/suffix not allowed"
        );
        assert_eq!(
            reason(json!({"source": [{"anything-but": ["a", 1]}]})),
            "Inside anything but list, either all values are number or string, mixed type is not supported"
        );
        assert_eq!(
            reason(json!({"source": [{"anything-but": {"contains": "a"}}]})),
            "Unsupported anything-but pattern: contains"
        );
        assert_eq!(
            reason(json!({"source": [{"anything-but": true}]})),
            "Value of anything-but must be an array or single string/number value."
        );
        assert_eq!(
            reason(json!({"n": [{"numeric": ["~", 1]}]})),
            "Unrecognized numeric range operator: ~"
        );
        assert_eq!(
            reason(json!({"n": [{"numeric": ["<", 1, ">", 0]}]})),
            "Too many elements in numeric expression"
        );
        assert_eq!(
            reason(json!({"n": [{"numeric": [">", "x"]}]})),
            "Value of > must be numeric"
        );
        assert_eq!(
            reason(json!({"n": [{"numeric": 5}]})),
            "Value of numeric must be an array."
        );
        assert_eq!(
            reason(json!({"n": [{"exists": "yes"}]})),
            "exists match pattern must be either true or false."
        );
        assert_eq!(
            reason(json!({"n": [{"cidr": "10.0.0.0/33"}]})),
            "Invalid CIDR format: 10.0.0.0/33"
        );
        assert_eq!(
            reason(json!({"$or": [{"a": ["x"]}]})),
            "There must have at least 2 Objects in $or relationship."
        );
        assert_eq!(
            reason(json!({"$or": {"a": ["x"]}})),
            "It must be an Array followed with $or."
        );
        assert_eq!(
            reason(json!({"s": [{"wildcard": "a**b"}]})),
            "Consecutive wildcard characters are not allowed: a**b"
        );
    }

    #[test]
    fn errors_say_where_and_read_like_eventbridge() {
        let error = EventPattern::new(&json!({"detail": {"status": "ENABLED"}})).unwrap_err();
        assert_eq!(error.path, "detail.status");
        assert_eq!(
            error.to_string(),
            "Event pattern is not valid. Reason: \"status\" must be an object or an array (at detail.status)"
        );
        let error: PatternError = "{not json".parse::<EventPattern>().unwrap_err();
        assert!(
            error.reason.starts_with("the pattern is not valid JSON"),
            "{error}"
        );
    }
}
