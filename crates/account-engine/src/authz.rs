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
//! The principals are accounts' root users and IAM users. A root user has
//! full access in its own account, so identity policies never deny it;
//! what can deny a member account's root are the service control policies
//! on the path from the organization's root to its account. SCPs never
//! apply to the management account. An IAM user needs, besides, an Allow
//! in one of its identity-based policies (inline or attached managed), and
//! an explicit Deny in any of them refuses the call (§4 step 5).
//!
//! When several layers refuse, the message names one (§4's recommended
//! precedence): an explicit deny first (SCP, then identity), then the
//! implicit ones in evaluation order (SCP, then identity).

use std::sync::Arc;

use iam_policy::{Policy, PolicyKind, Request};

use crate::iam;
use crate::organizations::policies::FULL_AWS_ACCESS_CONTENT;
use crate::organizations::tree::{Node, FULL_AWS_ACCESS};
use crate::principal::Principal;
use crate::store::{Organization, State};

/// The policy types a decision can name, with the article AWS writes
/// before each in explicit denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyType {
    ServiceControl,
    Identity,
}

impl PolicyType {
    /// As the AccessDenied texts name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ServiceControl => "service control policy",
            Self::Identity => "identity-based policy",
        }
    }

    /// The article before the name in an explicit deny (§6).
    fn article(self) -> &'static str {
        match self {
            Self::ServiceControl => "a",
            Self::Identity => "an",
        }
    }
}

/// A statement that decided, or matched on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The policy's ARN, or an inline policy's name.
    pub policy: String,
    /// The statement's Sid, or its index in the policy.
    pub statement: String,
    /// Whether the policy is a user's inline policy, which has no ARN.
    pub inline: bool,
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
    /// the <action> action`, or `… with an explicit deny in a(n) <type>:
    /// <policy ARN>`. An inline policy has no ARN and what AWS writes for
    /// one is unknown (§6), so the sandbox's choice is to end the text at
    /// the policy type.
    pub fn message(&self, principal: &Principal, request: &Request) -> Option<String> {
        let (kind, statement) = self.denied_by.as_ref()?;
        let head = format!(
            "User: {} is not authorized to perform: {} on resource: {}",
            principal.arn(),
            request.action(),
            request.resource()
        );
        Some(match statement {
            Some(s) if s.inline => {
                format!(
                    "{head} with an explicit deny in {} {}",
                    kind.article(),
                    kind.name()
                )
            }
            Some(s) => format!(
                "{head} with an explicit deny in {} {}: {}",
                kind.article(),
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
fn level_policies(state: &State, org: &Organization, target: &str) -> Vec<(String, Arc<Policy>)> {
    org.attached(target)
        .filter_map(|id| {
            let content = match org.policies.get(id) {
                Some(p) => p.content.as_str(),
                None if id == FULL_AWS_ACCESS => FULL_AWS_ACCESS_CONTENT,
                None => return None,
            };
            let policy = state.parsed.get(content, PolicyKind::ServiceControl)?;
            Some((crate::organizations::policies::policy_arn(org, id), policy))
        })
        .collect()
}

/// What the SCPs on the path to the principal's account say: the levels,
/// the first explicit deny, and whether some level allows nothing.
struct ScpOutcome {
    levels: Vec<Level>,
    explicit: Option<Statement>,
    implicit: bool,
}

fn service_control(state: &State, principal: &Principal, request: &Request) -> ScpOutcome {
    let account = principal.account_id();
    let mut outcome = ScpOutcome {
        levels: Vec::new(),
        explicit: None,
        implicit: false,
    };
    let Some(org) = state
        .organization_of(account)
        .filter(|o| o.service_control_policies && o.management_account_id != account)
    else {
        return outcome;
    };
    for target in org.levels(Node::Account(account)) {
        let mut level = Level {
            target: target.clone(),
            allowed_by: None,
            denied_by: None,
        };
        for (arn, policy) in level_policies(state, org, &target) {
            let found = policy.evaluate(request);
            if let (None, Some(s)) = (&level.denied_by, found.deny) {
                level.denied_by = Some(Statement {
                    policy: arn.clone(),
                    statement: statement_name(s.index, s.sid),
                    inline: false,
                });
            }
            if let (None, Some(s)) = (&level.allowed_by, found.allow) {
                level.allowed_by = Some(Statement {
                    policy: arn,
                    statement: statement_name(s.index, s.sid),
                    inline: false,
                });
            }
        }
        if outcome.explicit.is_none() {
            outcome.explicit.clone_from(&level.denied_by);
        }
        outcome.implicit |= level.allowed_by.is_none();
        outcome.levels.push(level);
    }
    outcome
}

/// What an IAM user's identity-based policies say: the first explicit
/// deny, and whether any statement allows. Inline policies come first, by
/// name, then the attached managed ones, by ARN. `None` for root users,
/// which identity policies do not restrict.
fn identity(
    state: &State,
    principal: &Principal,
    request: &Request,
) -> Option<(Option<Statement>, bool)> {
    let Principal::User {
        account_id, name, ..
    } = principal
    else {
        return None;
    };
    let Some(user) = state.iam.user(account_id, name) else {
        return Some((None, false));
    };
    let inline = user
        .inline_policies
        .iter()
        .map(|(name, document)| (name.clone(), document.as_str(), true));
    let managed = user.attached_policies.iter().filter_map(|arn| {
        iam::managed_document(&state.iam, account_id, arn).map(|d| (arn.clone(), d, false))
    });
    let mut denied = None;
    let mut allowed = false;
    for (policy, document, inline) in inline.chain(managed) {
        // Stored documents were validated when they were stored.
        let Some(parsed) = state.parsed.get(document, PolicyKind::Identity) else {
            continue;
        };
        let found = parsed.evaluate(request);
        allowed |= found.allow.is_some();
        if let (None, Some(s)) = (&denied, found.deny) {
            denied = Some(Statement {
                policy,
                statement: statement_name(s.index, s.sid),
                inline,
            });
        }
    }
    Some((denied, allowed))
}

/// Decides `request` for `principal`.
pub fn authorize(state: &State, principal: &Principal, request: &Request) -> Decision {
    let scp = service_control(state, principal, request);
    let identity = identity(state, principal, request);
    let denied_by = if let Some(statement) = scp.explicit {
        Some((PolicyType::ServiceControl, Some(statement)))
    } else if let Some((Some(statement), _)) = identity {
        Some((PolicyType::Identity, Some(statement)))
    } else if scp.implicit {
        Some((PolicyType::ServiceControl, None))
    } else if let Some((None, false)) = identity {
        Some((PolicyType::Identity, None))
    } else {
        None
    };
    match denied_by {
        None => Decision::allow(scp.levels),
        denied_by => Decision {
            allowed: false,
            denied_by,
            levels: scp.levels,
        },
    }
}
