//! Authorization: whether a principal may perform an action on a resource,
//! decided the way AWS does (`shared/spec/iam.md` §4) and explained, so a
//! denial names the policy type that decided and the page can show why.
//!
//! Every operation of every service reaches this module once, from the
//! service's common entry (the Account API's `Engine::begin`, the
//! Organizations API's `Engine::authorize`), after the service's own checks
//! and before the operation runs. The policy language is the `iam-policy`
//! crate's; this module knows which policies apply and in what order.
//!
//! The principals are accounts' root users for now. A root user has full
//! access in its own account, so identity policies never deny it; what can
//! deny a member account's root are the service control policies on the
//! path from the organization's root to its account. SCPs never apply to
//! the management account.

use iam_policy::{Policy, PolicyKind, Request};

use crate::organizations::policies::FULL_AWS_ACCESS_CONTENT;
use crate::organizations::tree::{Node, FULL_AWS_ACCESS};
use crate::principal::Principal;
use crate::store::{Organization, State};

/// The policy types a decision can name, with the article AWS writes
/// before each in explicit denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyType {
    ServiceControl,
}

impl PolicyType {
    /// As the AccessDenied texts name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ServiceControl => "service control policy",
        }
    }
}

/// A statement that decided, or matched on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The policy's ARN.
    pub policy: String,
    /// The statement's Sid, or its index in the policy.
    pub statement: String,
}

/// What one level of the SCP path (the root, an OU, the account) said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    /// The root's, OU's or account's id.
    pub target: String,
    pub allowed_by: Option<Statement>,
    pub denied_by: Option<Statement>,
}

/// The outcome, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// The layer that denied, and the statement when the deny was explicit.
    pub denied_by: Option<(PolicyType, Option<Statement>)>,
    /// The SCP levels evaluated, from the root down; empty when SCPs do
    /// not apply.
    pub levels: Vec<Level>,
}

impl Decision {
    fn allow(levels: Vec<Level>) -> Self {
        Self {
            allowed: true,
            denied_by: None,
            levels,
        }
    }

    /// The AccessDenied text (§6): `User: <arn> is not authorized to
    /// perform: <action> on resource: <resource> because no <type> allows
    /// the <action> action`, or `… with an explicit deny in a <type>: <policy
    /// ARN>`.
    pub fn message(&self, principal: &Principal, request: &Request) -> Option<String> {
        let (kind, statement) = self.denied_by.as_ref()?;
        let head = format!(
            "User: {} is not authorized to perform: {} on resource: {}",
            principal.arn(),
            request.action(),
            request.resource()
        );
        Some(match statement {
            Some(s) => format!(
                "{head} with an explicit deny in a {}: {}",
                kind.name(),
                s.policy
            ),
            None => format!(
                "{head} because no {} allows the {} action",
                kind.name(),
                request.action()
            ),
        })
    }
}

fn statement_name(index: usize, sid: Option<&str>) -> String {
    sid.map_or_else(|| format!("statement {}", index + 1), str::to_owned)
}

/// The SCPs attached at one level, parsed, with their ARNs. Content that no
/// longer parses cannot be stored, so it is skipped rather than trusted.
fn level_policies(org: &Organization, target: &str) -> Vec<(String, Policy)> {
    org.attached(target)
        .filter_map(|id| {
            let content = match org.policies.get(id) {
                Some(p) => p.content.as_str(),
                None if id == FULL_AWS_ACCESS => FULL_AWS_ACCESS_CONTENT,
                None => return None,
            };
            let policy = Policy::parse(content, PolicyKind::ServiceControl).ok()?;
            Some((crate::organizations::policies::policy_arn(org, id), policy))
        })
        .collect()
}

/// Decides `request` for `principal`.
pub fn authorize(state: &State, principal: &Principal, request: &Request) -> Decision {
    let account = principal.account_id();
    let Some(org) = state
        .organization_of(account)
        .filter(|o| o.service_control_policies && o.management_account_id != account)
    else {
        return Decision::allow(Vec::new());
    };
    let mut levels = Vec::new();
    let mut explicit = None;
    let mut implicit = false;
    for target in org.levels(Node::Account(account)) {
        let mut level = Level {
            target: target.clone(),
            allowed_by: None,
            denied_by: None,
        };
        for (arn, policy) in level_policies(org, &target) {
            let found = policy.evaluate(request);
            if let (None, Some(s)) = (&level.denied_by, found.deny) {
                level.denied_by = Some(Statement {
                    policy: arn.clone(),
                    statement: statement_name(s.index, s.sid),
                });
            }
            if let (None, Some(s)) = (&level.allowed_by, found.allow) {
                level.allowed_by = Some(Statement {
                    policy: arn,
                    statement: statement_name(s.index, s.sid),
                });
            }
        }
        if explicit.is_none() {
            explicit.clone_from(&level.denied_by);
        }
        implicit |= level.allowed_by.is_none();
        levels.push(level);
    }
    if let Some(statement) = explicit {
        return Decision {
            allowed: false,
            denied_by: Some((PolicyType::ServiceControl, Some(statement))),
            levels,
        };
    }
    if implicit {
        return Decision {
            allowed: false,
            denied_by: Some((PolicyType::ServiceControl, None)),
            levels,
        };
    }
    Decision::allow(levels)
}
