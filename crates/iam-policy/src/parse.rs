//! From JSON text to a [`Policy`], checking in IAM's order so that a
//! document with several faults gets the message IAM gives: the grammar,
//! the version, legacy parsing (effects, dates, ARNs), Sid uniqueness,
//! actions present, the first resource format fault, action vendors, and
//! last the rules of the policy kind. The order is that of moto's
//! `policy_validation.py`, which reproduces IAM's captured answers.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::condition::{Condition, Operator};
use crate::error::{JsonPosition, PolicyError};
use crate::pattern::{Glob, Wildcards};
use crate::policy::{Effect, Patterns, Policy, PolicyKind, Principals, Statement};

/// Partitions IAM accepts in a resource ARN, besides `*`.
const PARTITIONS: [&str; 8] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

const STATEMENT_ELEMENTS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V2008,
    V2012,
}

/// A statement that passed the grammar, its strings still borrowed from
/// the document.
struct Draft<'a> {
    sid: Option<&'a str>,
    effect: &'a str,
    principals: Option<Principals>,
    actions: Option<List<'a>>,
    resources: Option<List<'a>>,
    conditions: Vec<DraftCondition<'a>>,
}

struct List<'a> {
    negated: bool,
    items: Vec<&'a str>,
    /// Whether the element listed anything, `null`s included.
    listed: bool,
}

struct DraftCondition<'a> {
    operator: Operator,
    key: &'a str,
    /// JSON scalars as text: `true` and `10` read as `"true"` and `"10"`.
    values: Vec<String>,
}

pub(crate) fn parse(json: &str, kind: PolicyKind) -> Result<Policy, PolicyError> {
    let document: Value = serde_json::from_str(json).map_err(|error| PolicyError::Syntax {
        position: Some(JsonPosition {
            line: error.line(),
            column: error.column(),
        }),
    })?;
    let (version, drafts) = grammar(&document).ok_or(PolicyError::Syntax { position: None })?;
    if kind != PolicyKind::Trust && version != Some(Version::V2012) {
        return Err(PolicyError::Version);
    }
    let variables = version == Some(Version::V2012);

    let mut conditions = Vec::with_capacity(drafts.len());
    for draft in &drafts {
        if draft.effect != "Allow" && draft.effect != "Deny" {
            return Err(PolicyError::LegacyParsing);
        }
        let compiled = draft
            .conditions
            .iter()
            .map(|c| Condition::compile(c.operator, c.key, &c.values, variables))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| PolicyError::LegacyParsing)?;
        conditions.push(compiled);
    }
    let resource_fault = resource_formats(&drafts)?;

    let mut sids = HashSet::new();
    for sid in drafts.iter().filter_map(|d| d.sid) {
        if !sid.is_empty() && !sids.insert(sid) {
            return Err(PolicyError::DuplicateSid);
        }
    }
    if !drafts.iter().all(|d| non_empty(&d.actions)) {
        return Err(PolicyError::MissingActions);
    }
    if let Some(fault) = resource_fault {
        return Err(fault);
    }
    for negated in [false, true] {
        for list in drafts.iter().filter_map(|d| d.actions.as_ref()) {
            if list.negated == negated {
                list.items
                    .iter()
                    .try_for_each(|action| action_vendor(action))?;
            }
        }
    }
    match kind {
        PolicyKind::Identity | PolicyKind::ServiceControl => {
            if drafts.iter().any(|d| d.principals.is_some()) {
                return Err(PolicyError::PrincipalNotAllowed);
            }
            if !drafts.iter().all(|d| non_empty(&d.resources)) {
                return Err(PolicyError::MissingResources);
            }
        }
        PolicyKind::Trust => {
            if drafts.iter().any(|d| d.resources.is_some()) {
                return Err(PolicyError::ResourceNotAllowed);
            }
            if drafts.iter().any(|d| d.principals.is_none()) {
                return Err(PolicyError::MissingPrincipal);
            }
        }
    }

    let statements = drafts
        .into_iter()
        .zip(conditions)
        .map(|(draft, conditions)| build(draft, conditions, variables))
        .collect();
    Ok(Policy { statements })
}

fn non_empty(list: &Option<List<'_>>) -> bool {
    list.as_ref().is_some_and(|list| list.listed)
}

fn build(draft: Draft<'_>, conditions: Vec<Condition>, variables: bool) -> Statement {
    let compile = |list: List<'_>, wildcards, variables, lowercase| Patterns {
        negated: list.negated,
        globs: list
            .items
            .iter()
            .map(|item| Glob::compile(item, wildcards, variables, lowercase))
            .collect(),
    };
    let effect = if draft.effect == "Allow" {
        Effect::Allow
    } else {
        Effect::Deny
    };
    // Policy variables are not allowed in actions; the matcher lowercases
    // the request's action instead.
    let actions = draft.actions.map_or(
        Patterns {
            negated: false,
            globs: Vec::new(),
        },
        |list| compile(list, Wildcards::Anywhere, false, true),
    );
    Statement {
        sid: draft.sid.map(str::to_owned),
        effect,
        principals: draft.principals,
        actions,
        resources: draft
            .resources
            .map(|list| compile(list, Wildcards::ResourceSegments, variables, false)),
        conditions,
    }
}

/// The grammar: element names, types, known operators. `None` is
/// `Syntax errors in policy.`
fn grammar(document: &Value) -> Option<(Option<Version>, Vec<Draft<'_>>)> {
    let root = document.as_object()?;
    if !root
        .keys()
        .all(|key| matches!(key.as_str(), "Version" | "Id" | "Statement"))
    {
        return None;
    }
    let version = match root.get("Version") {
        None => None,
        Some(version) => Some(match version.as_str()? {
            "2012-10-17" => Version::V2012,
            "2008-10-17" => Version::V2008,
            _ => return None,
        }),
    };
    if let Some(id) = root.get("Id") {
        id.as_str()?;
    }
    let statements: Vec<&Value> = match root.get("Statement")? {
        Value::Array(items) => items.iter().collect(),
        object @ Value::Object(_) => vec![object],
        _ => return None,
    };
    if statements.is_empty() {
        return None;
    }
    let drafts = statements
        .into_iter()
        .map(statement)
        .collect::<Option<Vec<_>>>()?;
    Some((version, drafts))
}

fn statement(value: &Value) -> Option<Draft<'_>> {
    let fields = value.as_object()?;
    if !fields
        .keys()
        .all(|key| STATEMENT_ELEMENTS.contains(&key.as_str()))
    {
        return None;
    }
    // A wrongly cased Effect passes the grammar and fails legacy parsing.
    let effect = fields.get("Effect")?.as_str()?;
    if !effect.eq_ignore_ascii_case("allow") && !effect.eq_ignore_ascii_case("deny") {
        return None;
    }
    let sid = match fields.get("Sid") {
        Some(sid) => Some(sid.as_str()?),
        None => None,
    };
    Some(Draft {
        sid,
        effect,
        principals: principals(fields)?,
        actions: list(fields, "Action", "NotAction", false)?,
        resources: list(fields, "Resource", "NotResource", true)?,
        conditions: match fields.get("Condition") {
            Some(block) => conditions(block)?,
            None => Vec::new(),
        },
    })
}

/// `Some(None)`: neither element; `None`: both, or a wrong type. IAM
/// skips `null` in a list of resources.
fn list<'a>(
    fields: &'a Map<String, Value>,
    positive: &str,
    negative: &str,
    nulls: bool,
) -> Option<Option<List<'a>>> {
    let (negated, value) = match (fields.get(positive), fields.get(negative)) {
        (Some(_), Some(_)) => return None,
        (Some(value), None) => (false, value),
        (None, Some(value)) => (true, value),
        (None, None) => return Some(None),
    };
    let listed = value.as_array().is_none_or(|items| !items.is_empty());
    let items = match value {
        Value::Array(items) if nulls => items
            .iter()
            .filter(|item| !item.is_null())
            .map(Value::as_str)
            .collect::<Option<_>>()?,
        _ => strings(value)?,
    };
    Some(Some(List {
        negated,
        items,
        listed,
    }))
}

fn strings(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(text) => Some(vec![text]),
        Value::Array(items) => items.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

fn principals(fields: &Map<String, Value>) -> Option<Option<Principals>> {
    let (negated, value) = match (fields.get("Principal"), fields.get("NotPrincipal")) {
        (Some(_), Some(_)) => return None,
        (Some(value), None) => (false, value),
        (None, Some(value)) => (true, value),
        (None, None) => return Some(None),
    };
    let mut principals = Principals {
        negated,
        ..Principals::default()
    };
    match value {
        Value::String(star) if star == "*" => principals.everyone = true,
        Value::Object(kinds) if !kinds.is_empty() => {
            for (kind, ids) in kinds {
                let ids = strings(ids)?.into_iter().map(str::to_owned);
                match kind.as_str() {
                    "AWS" => principals.aws.extend(ids),
                    "Service" => principals.service.extend(ids),
                    "Federated" => principals.federated.extend(ids),
                    // Canonical users are S3's; no request of ours is one.
                    "CanonicalUser" => {}
                    _ => return None,
                }
            }
        }
        _ => return None,
    }
    Some(Some(principals))
}

fn conditions(block: &Value) -> Option<Vec<DraftCondition<'_>>> {
    let mut drafts = Vec::new();
    for (name, keys) in block.as_object()? {
        let keys = keys.as_object()?;
        let values = keys
            .iter()
            .map(|(key, value)| Some((key.as_str(), texts(value)?)))
            .collect::<Option<Vec<_>>>()?;
        match Operator::parse(name) {
            Some(operator) => {
                drafts.extend(values.into_iter().map(|(key, values)| DraftCondition {
                    operator,
                    key,
                    values,
                }))
            }
            // IAM lets an unknown operator with no keys pass.
            None if keys.is_empty() => {}
            None => return None,
        }
    }
    Some(drafts)
}

fn texts(value: &Value) -> Option<Vec<String>> {
    let scalar = |value: &Value| match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    };
    match value {
        Value::Array(items) => items.iter().map(scalar).collect(),
        other => Some(vec![scalar(other)?]),
    }
}

/// The resource format checks, Resource elements first, then NotResource.
/// IAM reports the last fault it meets, reading each list in reverse
/// sorted order; once there is a fault it stops legacy-parsing resources.
fn resource_formats(drafts: &[Draft<'_>]) -> Result<Option<PolicyError>, PolicyError> {
    let mut fault = None;
    for negated in [false, true] {
        for list in drafts.iter().filter_map(|d| d.resources.as_ref()) {
            if list.negated != negated {
                continue;
            }
            let mut sorted = list.items.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            for resource in sorted {
                if let Some(found) = resource_format(resource) {
                    fault = Some(found);
                }
            }
            if fault.is_none() && !list.items.iter().all(|r| legacy_resource(r)) {
                return Err(PolicyError::LegacyParsing);
            }
        }
    }
    Ok(fault)
}

/// Splits at the first `:`, like Python's `str.partition`.
fn partition(text: &str) -> (&str, bool, &str) {
    match text.split_once(':') {
        Some((head, tail)) => (head, true, tail),
        None => (text, false, ""),
    }
}

fn resource_format(resource: &str) -> Option<PolicyError> {
    if resource == "*" {
        return None;
    }
    let (_, has_colon, rest) = partition(resource);
    if !has_colon {
        return Some(PolicyError::ResourceNotArn(resource.to_owned()));
    }
    let (partition_name, has_vendor, rest) = partition(rest);
    if partition_name != "*" && !PARTITIONS.contains(&partition_name) {
        let parts: Vec<&str> = rest.split(':').collect();
        let segment = |at: usize| parts.get(at).copied().unwrap_or("*");
        let first = if parts[0].is_empty() && parts.len() == 1 {
            "*"
        } else {
            parts[0]
        };
        let last = if parts.len() > 3 {
            parts[3..].join(":")
        } else {
            "*".to_owned()
        };
        return Some(PolicyError::InvalidPartition {
            partition: partition_name.to_owned(),
            resource: format!(
                "arn:{partition_name}:{first}:{}:{}:{last}",
                segment(1),
                segment(2)
            ),
        });
    }
    if !has_vendor {
        return Some(PolicyError::ResourceVendor);
    }
    let (service, _, after_service) = partition(rest);
    let has_region = !after_service.starts_with(':');
    let (_, _, after_region) = partition(after_service);
    let (_, _, resource_id) = partition(after_region);
    match service {
        "iam" if has_region => Some(PolicyError::IamResourceRegion(resource.to_owned())),
        "s3" if has_region && !resource_id.starts_with("accesspoint/") => {
            Some(PolicyError::ResourceRegion(resource.to_owned()))
        }
        _ => None,
    }
}

/// IAM's legacy ARN reader: an ARN with an empty segment needs all six
/// segments, and the vendor may not be empty.
fn legacy_resource(resource: &str) -> bool {
    resource == "*"
        || (resource.matches(':').count() >= 5 || !resource.contains("::"))
            && resource
                .split(':')
                .nth(2)
                .is_some_and(|vendor| !vendor.is_empty())
}

fn action_vendor(action: &str) -> Result<(), PolicyError> {
    let mut parts = action.split(':');
    let vendor = parts.next().unwrap_or_default();
    if parts.next().is_none() {
        if vendor != "*" {
            return Err(PolicyError::ActionWithoutVendor);
        }
    } else if parts.next().is_some() {
        return Err(PolicyError::ActionWithColons);
    }
    let valid = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
    if vendor != "*" && !vendor.bytes().all(valid) {
        return Err(PolicyError::InvalidVendor(vendor.to_owned()));
    }
    Ok(())
}
