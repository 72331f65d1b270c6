//! The request context a policy is evaluated against: an action, a resource
//! ARN, condition keys with their values and, for trust policies, the
//! principal. It is built once per call; evaluation only reads it.

use std::net::IpAddr;

use crate::time::Timestamp;

/// A condition key's value, as the caller knows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    /// A multivalued key (`aws:TagKeys`, `account:AlternateContactTypes`),
    /// for the `ForAnyValue:` and `ForAllValues:` operators.
    Set(Vec<String>),
    Bool(bool),
    Number(f64),
    Date(Timestamp),
    Ip(IpAddr),
}

impl Value {
    /// A multivalued key's values.
    pub fn set<I, S>(values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::Set(values.into_iter().map(Into::into).collect())
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<Timestamp> for Value {
    fn from(value: Timestamp) -> Self {
        Self::Date(value)
    }
}

impl From<IpAddr> for Value {
    fn from(value: IpAddr) -> Self {
        Self::Ip(value)
    }
}

/// Who makes the request, for the `Principal` element of trust policies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// An IAM identity or an account root. `arn` is what `aws:PrincipalArn`
    /// holds: the role's ARN for a role session.
    Aws { account: String, arn: String },
    /// A service principal, `ec2.amazonaws.com`.
    Service(String),
    /// A web identity or SAML provider.
    Federated(String),
}

/// One value of a key, with the readings the typed operators need, parsed
/// once when the request is built.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub(crate) text: Box<str>,
    pub(crate) number: Option<f64>,
    pub(crate) date: Option<Timestamp>,
    pub(crate) ip: Option<IpAddr>,
}

impl Item {
    fn new(text: String) -> Self {
        Self {
            number: text.trim().parse().ok(),
            date: Timestamp::parse_request(&text),
            ip: text.trim().parse().ok(),
            text: text.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// ASCII-lowercased: condition keys are case-insensitive.
    key: Box<str>,
    /// As the caller spelled it, for explanations.
    name: Box<str>,
    multivalued: bool,
    items: Vec<Item>,
}

/// An authorization request.
///
/// ```
/// use iam_policy::{Request, Value};
///
/// let request = Request::new(
///     "account:PutAlternateContact",
///     "arn:aws:account::222222222222:account",
/// )
/// .with("account:AlternateContactTypes", Value::set(["BILLING"]))
/// .with("aws:username", "alice")
/// .with("aws:SecureTransport", true);
/// assert_eq!(request.action(), "account:PutAlternateContact");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    action: String,
    /// The action ASCII-lowercased, as action patterns are compiled.
    action_key: String,
    resource: String,
    principal: Option<Principal>,
    /// Sorted by key.
    entries: Vec<Entry>,
}

impl Request {
    pub fn new(action: impl Into<String>, resource: impl Into<String>) -> Self {
        let action = action.into();
        Self {
            action_key: action.to_ascii_lowercase(),
            action,
            resource: resource.into(),
            principal: None,
            entries: Vec::new(),
        }
    }

    /// Sets a condition key, replacing any value it had.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.insert(key, value);
        self
    }

    /// Sets a condition key, replacing any value it had.
    pub fn insert(&mut self, key: &str, value: impl Into<Value>) {
        let (multivalued, texts) = match value.into() {
            Value::String(text) => (false, vec![text]),
            Value::Set(texts) => (true, texts),
            Value::Bool(value) => (false, vec![value.to_string()]),
            Value::Number(value) => (false, vec![value.to_string()]),
            Value::Date(value) => (false, vec![value.to_string()]),
            Value::Ip(value) => (false, vec![value.to_string()]),
        };
        let entry = Entry {
            key: key.to_ascii_lowercase().into(),
            name: key.into(),
            multivalued,
            items: texts.into_iter().map(Item::new).collect(),
        };
        match self.find(&entry.key) {
            Ok(at) => self.entries[at] = entry,
            Err(at) => self.entries.insert(at, entry),
        }
    }

    #[must_use]
    pub fn with_principal(mut self, principal: Principal) -> Self {
        self.principal = Some(principal);
        self
    }

    pub fn action(&self) -> &str {
        &self.action
    }

    pub fn resource(&self) -> &str {
        &self.resource
    }

    pub fn principal(&self) -> Option<&Principal> {
        self.principal.as_ref()
    }

    /// Every condition key, as it was spelled, with its values, sorted by
    /// key: what a request context shows people.
    pub fn keys(&self) -> impl Iterator<Item = (&str, Vec<&str>)> {
        self.entries
            .iter()
            .map(|entry| (&*entry.name, entry.items.iter().map(|i| &*i.text).collect()))
    }

    pub(crate) fn action_key(&self) -> &str {
        &self.action_key
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|entry| (*entry.key).cmp(key))
    }

    /// The values of `key` (lowercased); `None` when the key is absent or
    /// an empty set, which IAM treats alike.
    pub(crate) fn values(&self, key: &str) -> Option<&[Item]> {
        let entry = &self.entries[self.find(key).ok()?];
        (!entry.items.is_empty()).then_some(entry.items.as_slice())
    }

    /// What `${key}` resolves to: a single-valued key's text. Multivalued
    /// keys cannot be policy variables.
    pub(crate) fn variable(&self, key: &str) -> Option<&str> {
        let entry = &self.entries[self.find(key).ok()?];
        match entry.items.as_slice() {
            [item] if !entry.multivalued => Some(&item.text),
            _ => None,
        }
    }
}
