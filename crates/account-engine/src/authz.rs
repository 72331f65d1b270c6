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
//! The principals are accounts' root users, IAM users and role sessions.
//! A root user has full access in its own account, so identity policies
//! never deny it; what can deny a member account's root are the service
//! control policies on the path from the organization's root to its
//! account. SCPs never apply to the management account. An IAM user or a
//! role session needs, besides, an Allow in one of its identity-based
//! policies (the user's or the role's, inline or attached managed); a
//! permissions boundary (the user's or the session's role's), when set,
//! must allow too; and so must a session's session policies (the inline
//! `Policy` and the managed `PolicyArns` of AssumeRole, read again on
//! every request), when it has any (§4 steps 5-7). An explicit Deny in any
//! of them refuses the call.
//!
//! When several layers refuse, the message names one (§4's recommended
//! precedence): an explicit deny first (SCP, identity, boundary, session),
//! then the implicit ones in the same order.

use std::sync::Arc;

use iam_policy::{Policy, PolicyKind, Request};

use crate::iam;
use crate::iam::store::Iam;
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
    PermissionsBoundary,
    Session,
}

impl PolicyType {
    /// As the AccessDenied texts name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ServiceControl => "service control policy",
            Self::Identity => "identity-based policy",
            Self::PermissionsBoundary => "permissions boundary",
            Self::Session => "session policy",
        }
    }

    /// The article before the name in an explicit deny (§6).
    fn article(self) -> &'static str {
        match self {
            Self::ServiceControl | Self::PermissionsBoundary | Self::Session => "a",
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
    /// Whether the policy is inline (a user's or role's inline policy, a
    /// session's inline policy), which has no ARN.
    pub inline: bool,
}

/// What one layer after the SCPs (identity, permissions boundary, session
/// policies) said: its first matching Allow and Deny statements. A layer
/// that does not apply to the principal is not reported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub kind: PolicyType,
    pub allowed_by: Option<Statement>,
    pub denied_by: Option<Statement>,
}

/// What one level of the SCP path (the root, an OU, the account) said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    /// The root's, OU's or account's id.
    pub target: String,
    pub allowed_by: Option<Statement>,
    pub denied_by: Option<Statement>,
}

/// The outcome, with everything needed to explain it: the layer that
/// decided, every SCP level and every other layer that applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// The layer that denied, and the statement when the deny was explicit.
    pub denied_by: Option<(PolicyType, Option<Statement>)>,
    /// The SCP levels evaluated, from the root down; empty when SCPs do
    /// not apply.
    pub levels: Vec<Level>,
    /// The identity, permissions boundary and session layers, in that
    /// order, as far as they apply: a root user has none, a user or a
    /// session without a boundary no boundary layer, a session without
    /// session policies (and every user) no session layer.
    pub layers: Vec<Layer>,
}

impl Decision {
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
            resource_wording(request.action(), request.resource())
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

/// IAM names an existing role or user by its type and name, not its ARN
/// (observed: `on resource: role OWNED_ROLE-read` for iam:GetRole); its
/// Create calls, about an entity that does not exist yet, and the other
/// services write the ARN.
fn resource_wording<'a>(action: &str, resource: &'a str) -> std::borrow::Cow<'a, str> {
    let existing = action
        .strip_prefix("iam:")
        .is_some_and(|name| !name.starts_with("Create"));
    let entity = resource
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(_, name)| {
            ["role", "user"]
                .into_iter()
                .find_map(|kind| Some((kind, name.strip_prefix(kind)?.strip_prefix('/')?)))
        });
    match entity {
        Some((kind, path_and_name)) if existing => {
            let name = path_and_name.rsplit('/').next().unwrap_or(path_and_name);
            format!("{kind} {name}").into()
        }
        _ => resource.into(),
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

/// Evaluates `policies` (name or ARN, document, inline) as one layer.
/// Stored documents were validated when they were stored, so one that no
/// longer parses is skipped rather than trusted.
fn layer<'a>(
    state: &State,
    kind: PolicyType,
    policies: impl Iterator<Item = (String, &'a str, bool)>,
    request: &Request,
) -> Layer {
    let mut outcome = Layer {
        kind,
        allowed_by: None,
        denied_by: None,
    };
    for (policy, document, inline) in policies {
        let Some(parsed) = state.parsed.get(document, PolicyKind::Identity) else {
            continue;
        };
        let found = parsed.evaluate(request);
        let statement = |s: iam_policy::StatementRef| Statement {
            policy: policy.clone(),
            statement: statement_name(s.index, s.sid),
            inline,
        };
        if outcome.allowed_by.is_none() {
            outcome.allowed_by = found.allow.map(statement);
        }
        if outcome.denied_by.is_none() {
            outcome.denied_by = found.deny.map(statement);
        }
    }
    outcome
}

/// Inline policies by name, then attached managed ones by ARN.
fn identity_policies<'a>(
    iam: &'a Iam,
    account: &'a str,
    inline: &'a std::collections::BTreeMap<String, String>,
    attached: &'a std::collections::BTreeSet<String>,
) -> impl Iterator<Item = (String, &'a str, bool)> + 'a {
    let inline = inline
        .iter()
        .map(|(name, document)| (name.clone(), document.as_str(), true));
    let managed = attached.iter().filter_map(move |arn| {
        iam::managed_document(iam, account, arn).map(|d| (arn.clone(), d, false))
    });
    inline.chain(managed)
}

/// A managed policy as a one-policy layer; a policy that no longer exists
/// allows nothing.
fn managed_layer(
    kind: PolicyType,
    state: &State,
    account: &str,
    arn: &str,
    request: &Request,
) -> Layer {
    let document = iam::managed_document(&state.iam, account, arn);
    layer(
        state,
        kind,
        document.map(|d| (arn.to_owned(), d, false)).into_iter(),
        request,
    )
}

/// A user's or role's own policies and permissions boundary.
struct OwnPolicies<'a> {
    inline: &'a std::collections::BTreeMap<String, String>,
    attached: &'a std::collections::BTreeSet<String>,
    boundary: Option<&'a String>,
}

/// The identity layer of a user's or role's own policies, and its
/// permissions boundary when it has one. A principal whose user or role is
/// gone has an identity layer that allows nothing.
fn identity_layers(
    state: &State,
    account_id: &str,
    own: Option<OwnPolicies>,
    request: &Request,
) -> Vec<Layer> {
    let Some(OwnPolicies {
        inline,
        attached,
        boundary,
    }) = own
    else {
        return vec![layer(
            state,
            PolicyType::Identity,
            std::iter::empty(),
            request,
        )];
    };
    let policies = identity_policies(&state.iam, account_id, inline, attached);
    let mut layers = vec![layer(state, PolicyType::Identity, policies, request)];
    if let Some(arn) = boundary {
        layers.push(managed_layer(
            PolicyType::PermissionsBoundary,
            state,
            account_id,
            arn,
            request,
        ));
    }
    layers
}

/// The identity, boundary and session layers of `principal`.
fn layers(state: &State, principal: &Principal, request: &Request) -> Vec<Layer> {
    match principal {
        Principal::Root { .. } => Vec::new(),
        Principal::User {
            account_id, name, ..
        } => {
            let user = state.iam.user(account_id, name);
            let own = user.map(|u| OwnPolicies {
                inline: &u.inline_policies,
                attached: &u.attached_policies,
                boundary: u.permissions_boundary.as_ref(),
            });
            identity_layers(state, account_id, own, request)
        }
        Principal::AssumedRole {
            account_id,
            role_name,
            access_key_id,
            ..
        } => {
            let Some(role) = iam::find_role(state, account_id, role_name) else {
                return identity_layers(state, account_id, None, request);
            };
            let own = OwnPolicies {
                inline: &role.inline_policies,
                attached: &role.attached_policies,
                boundary: role.permissions_boundary.as_ref(),
            };
            let mut layers = identity_layers(state, account_id, Some(own), request);
            let session = state.iam.sessions.get(access_key_id);
            if let Some(session) = session.filter(|s| s.has_session_policy()) {
                let inline = session
                    .policy
                    .as_deref()
                    .map(|d| ("inline session policy".to_owned(), d, true));
                let managed = session.policy_arns.iter().filter_map(|arn| {
                    iam::managed_document(&state.iam, account_id, arn)
                        .map(|d| (arn.clone(), d, false))
                });
                layers.push(layer(
                    state,
                    PolicyType::Session,
                    inline.into_iter().chain(managed),
                    request,
                ));
            }
            layers
        }
    }
}

/// Decides `request` for `principal`.
pub fn authorize(state: &State, principal: &Principal, request: &Request) -> Decision {
    decide(state, principal, request, false)
}

/// Decides `request` for `principal` when a resource-based policy in the
/// principal's own account (a role's trust policy naming the principal's
/// ARN) already grants it: an identity layer that allows nothing does not
/// then deny, while every explicit deny, the SCPs, a boundary and session
/// policies still do.
pub fn authorize_granted(state: &State, principal: &Principal, request: &Request) -> Decision {
    decide(state, principal, request, true)
}

fn decide(state: &State, principal: &Principal, request: &Request, granted: bool) -> Decision {
    let scp = service_control(state, principal, request);
    let layers = layers(state, principal, request);
    let explicit = layers
        .iter()
        .find_map(|l| l.denied_by.clone().map(|s| (l.kind, Some(s))));
    let implicit = layers
        .iter()
        .filter(|l| !(granted && l.kind == PolicyType::Identity))
        .find(|l| l.allowed_by.is_none())
        .map(|l| (l.kind, None));
    let denied_by = match (scp.explicit, explicit) {
        (Some(statement), _) => Some((PolicyType::ServiceControl, Some(statement))),
        (None, Some(explicit)) => Some(explicit),
        (None, None) if scp.implicit => Some((PolicyType::ServiceControl, None)),
        (None, None) => implicit,
    };
    Decision {
        allowed: denied_by.is_none(),
        denied_by,
        levels: scp.levels,
        layers,
    }
}
