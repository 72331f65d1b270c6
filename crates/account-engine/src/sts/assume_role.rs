//! STS AssumeRole: a session of a role for a caller that both the role's
//! trust policy and the caller's own policies allow, with optional session
//! policies and tags, expiring by the engine's clock.
//!
//! - The trust policy is evaluated with the caller as its principal (the
//!   role's ARN for a role session, which may also be named by its session
//!   ARN), `sts:ExternalId`, the session tags as `aws:RequestTag/*` and
//!   `aws:TagKeys`, and the global keys.
//! - The caller's own permission for `sts:AssumeRole` on the role's ARN is
//!   decided by `authz` (SCPs, identity, boundary, session policies), in
//!   its account as in another. Within one account a trust policy that
//!   names the caller's own ARN grants on its own, as resource-based
//!   policies do, so then only an identity policy's explicit deny (and the
//!   other layers) refuse.
//! - Root users may not assume roles (the real service's text).
//! - Refusals by the caller's policies carry their `because …` clause;
//!   a trust policy that does not allow, like a role that does not exist,
//!   gets the bare `User: <arn> is not authorized to perform:
//!   sts:AssumeRole on resource: <role-arn>` (§6).

use iam_policy::{Policy, PolicyKind, Principal as Caller, Value};

use super::error::StsApiError;
use super::model::AssumeRoleOutput;
use crate::authz;
use crate::engine::Engine;
use crate::iam::model::Args;
use crate::iam::store::Session;
use crate::iam::{find_role, SECRET_ALPHABET, UPPER_ALNUM};
use crate::principal::Principal;

/// How long an expired session is remembered, so its key is refused as
/// expired rather than unknown: a day, the sandbox's own bound on a store
/// the real service does not need (its tokens carry their expiry).
const EXPIRED_SESSION_KEPT: crate::clock::Millis = 24 * 3_600_000;

type Result<T> = std::result::Result<T, StsApiError>;

const ACTION: &str = "sts:AssumeRole";
/// Sessions last an hour unless DurationSeconds says otherwise.
const DEFAULT_DURATION: i64 = 3600;
/// What a role session may ask for when it assumes a role in turn.
const CHAINED_MAX: i64 = 3600;
/// The packed session policies and tags: their characters, whitespace
/// not counted, against 2,048 (the sandbox's measure of AWS's packing).
const PACKED_LIMIT: usize = 2048;
const MAX_POLICY_ARNS: usize = 10;
const MAX_TAGS: usize = 50;
/// A session token's length; real ones vary, from about 400 characters.
const TOKEN_CHARS: usize = 400;

fn validation(value: &str, field: &str, constraint: &str) -> StsApiError {
    StsApiError::Validation(format!(
        "1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}"
    ))
}

fn missing(field: &str) -> StsApiError {
    StsApiError::Validation(format!(
        "1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"
    ))
}

/// Length bounds in characters, as the model states them.
fn bounded(value: &str, field: &str, min: usize, max: usize) -> Result<()> {
    let chars = value.chars().count();
    if chars < min {
        return Err(validation(
            value,
            field,
            &format!("Member must have length greater than or equal to {min}"),
        ));
    }
    if chars > max {
        return Err(validation(
            value,
            field,
            &format!("Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

/// `[\w+=,.@-]*` plus `extra`.
fn pattern(value: &str, field: &str, extra: &str, shown: &str) -> Result<()> {
    let ok = value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c) || extra.contains(c));
    if ok {
        Ok(())
    } else {
        Err(validation(
            value,
            field,
            &format!("Member must satisfy regular expression pattern: {shown}"),
        ))
    }
}

/// `DurationSeconds`: 900 to 43,200.
fn duration(args: &dyn Args) -> Result<i64> {
    let Some(text) = args.get("DurationSeconds") else {
        return Ok(DEFAULT_DURATION);
    };
    let invalid = |constraint: &str| {
        StsApiError::InvalidDuration(format!(
            "1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: {constraint}"
        ))
    };
    match text.parse::<i64>() {
        Ok(n) if n < 900 => Err(invalid(
            "Member must have value greater than or equal to 900",
        )),
        Ok(n) if n > 43_200 => Err(invalid(
            "Member must have value less than or equal to 43200",
        )),
        Ok(n) => Ok(n),
        Err(_) => Err(invalid("Member must be an integer")),
    }
}

/// `PolicyArns.member.N.arn`, N from 1 until one is missing.
fn policy_arns(args: &dyn Args) -> Result<Vec<String>> {
    let arns: Vec<String> = (1..)
        .map_while(|n| args.get(&format!("PolicyArns.member.{n}.arn")))
        .map(str::to_owned)
        .collect();
    for arn in &arns {
        bounded(arn, "policyArns.member.arn", 20, 2048)?;
    }
    if arns.len() > MAX_POLICY_ARNS {
        return Err(StsApiError::Validation(format!(
            "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to {MAX_POLICY_ARNS}"
        )));
    }
    Ok(arns)
}

/// `Tags.member.N.Key` / `.Value`.
fn session_tags(args: &dyn Args) -> Result<Vec<(String, String)>> {
    let mut tags = Vec::new();
    for n in 1.. {
        let Some(key) = args.get(&format!("Tags.member.{n}.Key")) else {
            break;
        };
        bounded(key, "tags.member.key", 1, 128)?;
        let value = args.get(&format!("Tags.member.{n}.Value")).unwrap_or("");
        bounded(value, "tags.member.value", 0, 256)?;
        tags.push((key.to_owned(), value.to_owned()));
    }
    if tags.len() > MAX_TAGS {
        return Err(StsApiError::Validation(format!(
            "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {MAX_TAGS}"
        )));
    }
    Ok(tags)
}

/// The account, path and name of `arn:aws:iam::<account>:role/<path><name>`.
fn parse_role_arn(arn: &str) -> Option<(&str, &str, &str)> {
    let rest = arn.strip_prefix("arn:aws:iam::")?;
    let (account, resource) = rest.split_once(':')?;
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let resource = resource.strip_prefix("role")?;
    if !resource.starts_with('/') {
        return None;
    }
    let at = resource.rfind('/')?;
    let (path, name) = (&resource[..=at], &resource[at + 1..]);
    (!name.is_empty()).then_some((account, path, name))
}

fn not_authorized(principal: &Principal, role_arn: &str) -> StsApiError {
    StsApiError::AccessDenied(format!(
        "User: {} is not authorized to perform: {ACTION} on resource: {role_arn}",
        principal.arn()
    ))
}

/// The session policies' and tags' size in percent of what a session can
/// carry, rounded up.
fn packed_percent(policy: Option<&str>, arns: &[String], tags: &[(String, String)]) -> usize {
    let policy = policy.map_or(0, |p| p.chars().filter(|c| !c.is_whitespace()).count());
    let arns: usize = arns.iter().map(|a| a.chars().count()).sum();
    let tags: usize = tags
        .iter()
        .map(|(k, v)| k.chars().count() + v.chars().count())
        .sum();
    ((policy + arns + tags) * 100).div_ceil(PACKED_LIMIT)
}

impl Engine {
    pub(crate) fn assume_role(
        &mut self,
        principal: &Principal,
        args: &dyn Args,
    ) -> Result<AssumeRoleOutput> {
        self.settle();
        let role_arn = args.get("RoleArn").ok_or_else(|| missing("roleArn"))?;
        bounded(role_arn, "roleArn", 20, 2048)?;
        let session_name = args
            .get("RoleSessionName")
            .ok_or_else(|| missing("roleSessionName"))?;
        bounded(session_name, "roleSessionName", 2, 64)?;
        pattern(session_name, "roleSessionName", "", r"[\w+=,.@-]*")?;
        let seconds = duration(args)?;
        let policy = args.get("Policy");
        let arns = policy_arns(args)?;
        let tags = session_tags(args)?;
        let external_id = args.get("ExternalId");
        if let Some(id) = external_id {
            bounded(id, "externalId", 2, 1224)?;
            pattern(id, "externalId", ":/", r"[\w+=,.@:\/-]*")?;
        }
        if let Some(document) = policy {
            Policy::parse(document, PolicyKind::Identity)
                .map_err(|e| StsApiError::MalformedPolicyDocument(e.to_string()))?;
        }
        let packed = packed_percent(policy, &arns, &tags);
        if packed > 100 {
            return Err(StsApiError::PackedPolicyTooLarge(format!(
                "Packed policy consumes {packed}% of allotted space, please use smaller policy."
            )));
        }
        if matches!(principal, Principal::Root { .. }) {
            return Err(StsApiError::AccessDenied(
                "Roles may not be assumed by root accounts.".into(),
            ));
        }
        self.check_assume(principal, role_arn, external_id, &tags)?;
        let (account, _, role_name) =
            parse_role_arn(role_arn).ok_or_else(|| not_authorized(principal, role_arn))?;
        let role = find_role(&self.state, account, role_name)
            .ok_or_else(|| not_authorized(principal, role_arn))?
            .into_owned();
        if matches!(principal, Principal::AssumedRole { .. }) && seconds > CHAINED_MAX {
            return Err(StsApiError::InvalidDuration(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.".into(),
            ));
        }
        if seconds > i64::from(role.max_session_duration) {
            return Err(StsApiError::InvalidDuration(
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
                    .into(),
            ));
        }
        let now = self.clock.now();
        self.state
            .iam
            .sessions
            .retain(|_, s| s.expires + EXPIRED_SESSION_KEPT > now);
        let key = loop {
            let key = self.iam_token("ASIA", UPPER_ALNUM, 16);
            let taken = self.state.iam.sessions.contains_key(&key)
                || self.state.iam.access_keys.contains_key(&key);
            if !taken {
                break key;
            }
        };
        let secret = self.iam_token("", SECRET_ALPHABET, 40);
        let token = self.iam_token("IQoJb3JpZ2luX2Vj", SECRET_ALPHABET, TOKEN_CHARS - 16);
        let expires = now + seconds * 1000;
        let assumed_role_id = format!("{}:{session_name}", role.role_id);
        let has_extras = policy.is_some() || !arns.is_empty() || !tags.is_empty();
        self.state.iam.sessions.insert(
            key.clone(),
            Session {
                account_id: account.to_owned(),
                role_name: role.name.clone(),
                role_id: role.role_id.clone(),
                session_name: session_name.to_owned(),
                secret: secret.clone(),
                token: token.clone(),
                issued: now,
                expires,
                policy: policy.map(str::to_owned),
                policy_arns: arns,
                tags,
            },
        );
        Ok(AssumeRoleOutput {
            access_key_id: key,
            secret_access_key: secret,
            session_token: token,
            expiration: expires,
            assumed_role_id,
            arn: format!(
                "arn:aws:sts::{account}:assumed-role/{}/{session_name}",
                role.name
            ),
            packed_policy_size: has_extras.then(|| u32::try_from(packed).unwrap_or(100)),
        })
    }

    /// The caller's own policies, then the role's trust policy.
    fn check_assume(
        &self,
        principal: &Principal,
        role_arn: &str,
        external_id: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<()> {
        let mut request = self.request_context(principal, ACTION.to_owned(), role_arn.to_owned());
        if let Some(id) = external_id {
            request.insert("sts:ExternalId", id);
        }
        for (key, value) in tags {
            request.insert(&format!("aws:RequestTag/{key}"), value.as_str());
        }
        if !tags.is_empty() {
            request.insert(
                "aws:TagKeys",
                Value::set(tags.iter().map(|(k, _)| k.clone())),
            );
        }
        let trust = parse_role_arn(role_arn).and_then(|(account, path, name)| {
            let role = find_role(&self.state, account, name).filter(|r| r.path == path)?;
            Some((
                account,
                Policy::parse(&role.trust_policy, PolicyKind::Trust).ok()?,
            ))
        });
        let caller = principal.account_id();
        let trusts = |account: &str, arn: String| {
            trust.as_ref().is_some_and(|(_, policy)| {
                let asked = request.clone().with_principal(Caller::Aws {
                    account: account.to_owned(),
                    arn,
                });
                let found = policy.evaluate(&asked);
                found.allow.is_some() && found.deny.is_none()
            })
        };
        let mut arns = vec![principal.principal_arn()];
        if matches!(principal, Principal::AssumedRole { .. }) {
            arns.push(principal.arn());
        }
        let same_account = trust
            .as_ref()
            .is_some_and(|(account, _)| *account == caller);
        // Named by ARN: an account that is no account, so only the ARN (or
        // `*`) can match.
        let named = same_account && arns.iter().any(|arn| trusts("", arn.clone()));
        let decision = if named {
            authz::authorize_granted(&self.state, principal, &request)
        } else {
            authz::authorize(&self.state, principal, &request)
        };
        if let Some(message) = decision.message(principal, &request) {
            return Err(StsApiError::AccessDenied(message));
        }
        if !arns.into_iter().any(|arn| trusts(caller, arn)) {
            return Err(not_authorized(principal, role_arn));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_carry_account_path_and_name() {
        assert_eq!(
            parse_role_arn("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"),
            Some(("222222222222", "/", "OrganizationAccountAccessRole"))
        );
        assert_eq!(
            parse_role_arn("arn:aws:iam::222222222222:role/ops/eu/deployer"),
            Some(("222222222222", "/ops/eu/", "deployer"))
        );
        for arn in [
            "arn:aws:iam::222222222222:user/ana",
            "arn:aws:iam::2222:role/x",
            "arn:aws:iam::222222222222:role/",
            "arn:aws:sts::222222222222:role/x",
        ] {
            assert_eq!(parse_role_arn(arn), None, "{arn}");
        }
    }

    #[test]
    fn packing_counts_policies_and_tags_without_whitespace() {
        assert_eq!(packed_percent(None, &[], &[]), 0);
        let policy = "x".repeat(1024) + " \n";
        assert_eq!(packed_percent(Some(&policy), &[], &[]), 50);
        let tags = [("k".repeat(24), "v".repeat(1000))];
        assert_eq!(packed_percent(Some(&policy), &[], &tags), 100);
        assert_eq!(packed_percent(Some(&policy), &["a".into()], &tags), 101);
    }
}
