//! Parsed policies and how their statements match a request.

use crate::condition::Condition;
use crate::error::PolicyError;
use crate::pattern::Glob;
use crate::request::{Principal, Request};

/// Which rules a document is validated by, after the grammar every policy
/// shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// Identity-based policies (inline or managed), permissions boundaries
    /// and session policies: Version 2012-10-17, resources required, no
    /// principal.
    Identity,
    /// Service control policies: since September 2025 the full IAM
    /// language, still without Principal or NotPrincipal; validated as
    /// identity policies (spec §4 end).
    ServiceControl,
    /// Role trust policies: Principal required, Resource prohibited;
    /// Version 2008-10-17 or none is accepted, with `${…}` then literal.
    Trust,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: patterns, and whether
/// the statement applies to what they match or to everything else.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Patterns {
    pub(crate) negated: bool,
    pub(crate) globs: Vec<Glob>,
}

impl Patterns {
    fn cover(&self, text: &str, request: &Request) -> bool {
        self.negated != self.globs.iter().any(|glob| glob.matches(text, request))
    }
}

/// `Principal`/`NotPrincipal` of a trust policy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Principals {
    pub(crate) negated: bool,
    /// `"Principal": "*"`.
    pub(crate) everyone: bool,
    pub(crate) aws: Vec<String>,
    pub(crate) service: Vec<String>,
    pub(crate) federated: Vec<String>,
}

impl Principals {
    fn cover(&self, principal: Option<&Principal>) -> bool {
        let named = principal.is_some_and(|principal| self.name(principal));
        self.negated != named
    }

    fn name(&self, principal: &Principal) -> bool {
        if self.everyone {
            return true;
        }
        match principal {
            Principal::Aws { account, arn } => self
                .aws
                .iter()
                .any(|id| id == "*" || id == account || id == arn || root_of(id) == Some(account)),
            Principal::Service(name) => self.service.contains(name),
            Principal::Federated(name) => self.federated.contains(name),
        }
    }
}

/// The account of `arn:<partition>:iam::<account>:root`, which names the
/// whole account as a principal.
fn root_of(id: &str) -> Option<&str> {
    let mut segments = id.split(':');
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some("arn"), Some(_), Some("iam"), Some(""), Some(account), Some("root"), None) => {
            Some(account)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub(crate) sid: Option<String>,
    pub(crate) effect: Effect,
    pub(crate) principals: Option<Principals>,
    pub(crate) actions: Patterns,
    /// `None` only in trust policies, whose resource is the role itself.
    pub(crate) resources: Option<Patterns>,
    /// ANDed.
    pub(crate) conditions: Vec<Condition>,
}

impl Statement {
    pub fn sid(&self) -> Option<&str> {
        self.sid.as_deref()
    }

    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// Whether the statement applies to `request`: action, resource,
    /// principal and every condition.
    pub fn matches(&self, request: &Request) -> bool {
        self.actions.cover(request.action_key(), request)
            && self
                .resources
                .as_ref()
                .is_none_or(|resources| resources.cover(request.resource(), request))
            && self
                .principals
                .as_ref()
                .is_none_or(|principals| principals.cover(request.principal()))
            && self.conditions.iter().all(|c| c.holds(request))
    }
}

/// A policy document, parsed and validated once.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub(crate) statements: Vec<Statement>,
}

/// A statement of a policy: its position in `Statement` and its Sid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementRef<'p> {
    pub index: usize,
    pub sid: Option<&'p str>,
}

/// What one policy says about a request: its first matching Allow and
/// Deny statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Match<'p> {
    pub allow: Option<StatementRef<'p>>,
    pub deny: Option<StatementRef<'p>>,
}

/// One policy's verdict: any matching Deny wins over every Allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    ExplicitDeny,
    /// No statement allows (nor denies): "no … policy allows".
    ImplicitDeny,
}

impl Match<'_> {
    pub fn decision(&self) -> Decision {
        match (self.deny, self.allow) {
            (Some(_), _) => Decision::ExplicitDeny,
            (None, Some(_)) => Decision::Allow,
            (None, None) => Decision::ImplicitDeny,
        }
    }
}

impl Policy {
    /// Parses and validates `json` as a policy of `kind`, with IAM's
    /// messages for what IAM refuses.
    ///
    /// ```
    /// use iam_policy::{Policy, PolicyError, PolicyKind};
    ///
    /// let scp = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny",
    ///     "Action":"account:PutAlternateContact","Resource":"arn:aws:account::*:account"}]}"#;
    /// assert!(Policy::parse(scp, PolicyKind::ServiceControl).is_ok());
    ///
    /// let with_principal = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    ///     "Principal":"*","Action":"s3:*","Resource":"*"}]}"#;
    /// let error = Policy::parse(with_principal, PolicyKind::Identity).unwrap_err();
    /// assert_eq!(error, PolicyError::PrincipalNotAllowed);
    /// assert_eq!(error.to_string(), "Policy document should not specify a principal.");
    /// ```
    pub fn parse(json: &str, kind: PolicyKind) -> Result<Self, PolicyError> {
        crate::parse::parse(json, kind)
    }

    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The first Allow and the first Deny statement that match `request`.
    ///
    /// ```
    /// use iam_policy::{Decision, Policy, PolicyKind, Request};
    ///
    /// let policy = Policy::parse(
    ///     r#"{"Version":"2012-10-17","Statement":[
    ///         {"Sid":"EnableDisableHongKong","Effect":"Allow",
    ///          "Action":["account:EnableRegion","account:DisableRegion"],"Resource":"*",
    ///          "Condition":{"StringEquals":{"account:TargetRegion":"ap-east-1"}}},
    ///         {"Sid":"ViewConsole","Effect":"Allow","Action":["account:ListRegions"],"Resource":"*"}]}"#,
    ///     PolicyKind::Identity,
    /// )
    /// .unwrap();
    /// let request = Request::new("account:EnableRegion", "arn:aws:account::111111111111:account")
    ///     .with("account:TargetRegion", "ap-east-1");
    /// let found = policy.evaluate(&request);
    /// assert_eq!(found.decision(), Decision::Allow);
    /// assert_eq!(found.allow.unwrap().sid, Some("EnableDisableHongKong"));
    ///
    /// let elsewhere = request.with("account:TargetRegion", "af-south-1");
    /// assert_eq!(policy.evaluate(&elsewhere).decision(), Decision::ImplicitDeny);
    /// ```
    pub fn evaluate(&self, request: &Request) -> Match<'_> {
        let mut found = Match::default();
        for (index, statement) in self.statements.iter().enumerate() {
            let slot = match statement.effect {
                Effect::Allow => &mut found.allow,
                Effect::Deny => &mut found.deny,
            };
            if slot.is_none() && statement.matches(request) {
                *slot = Some(StatementRef {
                    index,
                    sid: statement.sid(),
                });
                if found.allow.is_some() && found.deny.is_some() {
                    break;
                }
            }
        }
        found
    }
}
