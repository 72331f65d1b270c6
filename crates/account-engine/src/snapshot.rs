//! The whole state as versioned JSON: the browser's localStorage value, the
//! export file and the server's `--state` file are all this format.
//!
//! Schema 1 grows only by optional members with defaults (see
//! `store::Organization`), so every schema 1 file ever written still loads,
//! and older builds read newer files minus what they do not know.

use std::collections::BTreeSet;

use serde::de::IgnoredAny;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::account::model::{PrimaryEmailUpdateStatus, RegionOptStatus};
use crate::account::validate::ACCOUNT_ID;
use crate::catalog;
use crate::engine::Engine;
use crate::organizations::tree::{FULL_AWS_ACCESS, MAX_OU_DEPTH};
use crate::store::{CreateAccountOutcome, Organization, State, ACCOUNT_MANAGEMENT_PRINCIPAL};

/// The schema this build writes and the newest it reads.
pub const SCHEMA_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("the snapshot is not valid JSON: {0}")]
    Json(String),
    #[error("the snapshot has no numeric schemaVersion")]
    MissingVersion,
    #[error("the snapshot has schemaVersion {found}, newer than this sandbox reads (up to {SCHEMA_VERSION})")]
    TooNew { found: u64 },
    #[error("the snapshot does not follow schema version {SCHEMA_VERSION}: {0}")]
    Shape(String),
    #[error("the snapshot is inconsistent: {0}")]
    Inconsistent(String),
}

/// What is read of a snapshot before its shape: the version alone, every
/// other member skipped unparsed.
#[derive(Deserialize)]
struct Header {
    #[serde(rename = "schemaVersion")]
    schema_version: Option<u64>,
}

/// Cross-references that the types alone cannot guarantee.
fn check(state: &State) -> Result<(), SnapshotError> {
    check_accounts(state)?;
    check_organizations(state)?;
    check_transitions(state)?;
    check_email_updates(state)?;
    check_iam(state)
}

/// IAM records belong to known accounts, users, roles and policies sit
/// under their own names, every access key's user exists, every session
/// names an account, and a stored role does not also stand recorded as the
/// one CreateAccount made (which is served from the account record until
/// it is changed).
fn check_iam(state: &State) -> Result<(), SnapshotError> {
    let iam = &state.iam;
    for (account, roles) in &iam.roles {
        if !state.accounts.contains_key(account) {
            return inconsistent(format!("IAM roles belong to unknown account {account}"));
        }
        if let Some((name, _)) = roles.iter().find(|(name, r)| **name != r.name) {
            return inconsistent(format!("IAM role {name} is stored under another name"));
        }
        let recorded = state.accounts[account].organization_access_role.as_deref();
        if let Some(name) = recorded.filter(|name| roles.contains_key(*name)) {
            return inconsistent(format!(
                "role {name} of account {account} is both stored and recorded as the organization access role"
            ));
        }
    }
    for (id, session) in &iam.sessions {
        if !state.accounts.contains_key(&session.account_id) {
            return inconsistent(format!(
                "session {id} belongs to unknown account {}",
                session.account_id
            ));
        }
    }
    for (account, users) in &iam.users {
        if !state.accounts.contains_key(account) {
            return inconsistent(format!("IAM users belong to unknown account {account}"));
        }
        if let Some((name, _)) = users.iter().find(|(name, u)| **name != u.name) {
            return inconsistent(format!("IAM user {name} is stored under another name"));
        }
    }
    for (account, policies) in &iam.policies {
        if !state.accounts.contains_key(account) {
            return inconsistent(format!("IAM policies belong to unknown account {account}"));
        }
        if let Some((name, _)) = policies.iter().find(|(name, p)| **name != p.name) {
            return inconsistent(format!("IAM policy {name} is stored under another name"));
        }
    }
    for (id, key) in &iam.access_keys {
        if iam.user(&key.account_id, &key.user_name).is_none() {
            return inconsistent(format!("access key {id} belongs to an unknown user"));
        }
    }
    Ok(())
}

/// Each update belongs to a known account, and only an ACCEPTED one waits
/// to complete.
fn check_email_updates(state: &State) -> Result<(), SnapshotError> {
    for (id, update) in &state.email_updates {
        if !state.accounts.contains_key(id) {
            return inconsistent(format!("a primary email update names unknown account {id}"));
        }
        let accepted = update.status == PrimaryEmailUpdateStatus::Accepted;
        if accepted != update.completes_at.is_some() {
            return inconsistent(format!(
                "the primary email update of {id} is {} but {} a completion time",
                update.status.as_str(),
                if accepted { "has no" } else { "has" }
            ));
        }
    }
    Ok(())
}

fn inconsistent(what: String) -> Result<(), SnapshotError> {
    Err(SnapshotError::Inconsistent(what))
}

/// Keys are the accounts' ids, and only opt-in regions have a stored status:
/// a status a default region alone has, or a change with nothing under way,
/// would stick forever.
fn check_accounts(state: &State) -> Result<(), SnapshotError> {
    for (id, account) in &state.accounts {
        if id != &account.id || !(ACCOUNT_ID.matches)(id) {
            return inconsistent(format!(
                "account key {id} does not match a 12-digit account id"
            ));
        }
        for (region, status) in &account.regions {
            if catalog::find(region).is_none_or(|r| r.default) {
                return inconsistent(format!("account {id} lists {region}, not an opt-in region"));
            }
            if *status == RegionOptStatus::EnabledByDefault {
                return inconsistent(format!(
                    "account {id} gives {region} the status ENABLED_BY_DEFAULT, which only default regions have"
                ));
            }
            let under_way = state
                .transitions
                .iter()
                .any(|t| &t.account_id == id && &t.region == region);
            if status.is_transitional() && !under_way {
                return inconsistent(format!(
                    "{region} in {id} is {} but no change is in progress",
                    status.as_str()
                ));
            }
        }
    }
    Ok(())
}

/// Members exist and belong to one organization each; the management account
/// is a member, and the delegated administrator is another one.
fn check_organizations(state: &State) -> Result<(), SnapshotError> {
    let mut seen = BTreeSet::new();
    for org in &state.organizations {
        if let Some(missing) = org
            .members
            .iter()
            .find(|m| !state.accounts.contains_key(*m))
        {
            return inconsistent(format!(
                "organization {} names unknown account {missing}",
                org.id
            ));
        }
        if let Some(twice) = org.members.iter().find(|m| !seen.insert(m.as_str())) {
            return inconsistent(format!(
                "account {twice} belongs to more than one organization"
            ));
        }
        if !org.members.contains(&org.management_account_id) {
            return inconsistent(format!(
                "organization {} does not contain its management account",
                org.id
            ));
        }
        if let Some(admin) = &org.delegated_administrator {
            if admin == &org.management_account_id || !org.members.contains(admin) {
                return inconsistent(format!(
                    "the delegated administrator of organization {} must be a member other than the management account",
                    org.id
                ));
            }
        }
        check_organization_records(state, org)?;
    }
    Ok(())
}

/// The Organizations API's records agree with the membership and settings
/// they describe.
fn check_organization_records(state: &State, org: &Organization) -> Result<(), SnapshotError> {
    check_structure(org)?;
    if let Some(stranger) = org.joined.keys().find(|id| !org.members.contains(*id)) {
        return inconsistent(format!(
            "organization {} records how {stranger} joined, but it is not a member",
            org.id
        ));
    }
    if org.trusted_access_since.is_some() && !org.trusted_access {
        return inconsistent(format!(
            "organization {} dates a trusted access that is not enabled",
            org.id
        ));
    }
    if org.delegated_since.is_some() && org.delegated_administrator.is_none() {
        return inconsistent(format!(
            "organization {} dates a delegated administrator it does not have",
            org.id
        ));
    }
    if let Some(principal) = org
        .other_service_access
        .keys()
        .find(|p| p.as_str() == ACCOUNT_MANAGEMENT_PRINCIPAL || !p.ends_with(".amazonaws.com"))
    {
        return inconsistent(format!(
            "organization {} lists {principal} among its other service principals",
            org.id
        ));
    }
    for (id, request) in &org.create_account_requests {
        if let CreateAccountOutcome::Succeeded { account_id, .. } = &request.outcome {
            if !state.accounts.contains_key(account_id) {
                return inconsistent(format!(
                    "create account request {id} of organization {} names unknown account {account_id}",
                    org.id
                ));
            }
        }
    }
    Ok(())
}

/// The id is one a root id derives from; OUs form a tree of known parents
/// no deeper than the service allows; accounts sit in known OUs; tags and
/// attachments name things that exist.
fn check_structure(org: &Organization) -> Result<(), SnapshotError> {
    let id_ok = org.id.strip_prefix("o-").is_some_and(|rest| {
        (10..=32).contains(&rest.len())
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !id_ok {
        return inconsistent(format!("{} is not an organization id", org.id));
    }
    for (id, unit) in &org.units {
        if let Some(parent) = unit.parent.as_ref().filter(|p| !org.units.contains_key(*p)) {
            return inconsistent(format!("OU {id} names unknown parent {parent}"));
        }
        // A cycle never reaches the root; a chain longer than the OUs has one.
        let mut steps = 0;
        let mut next = unit.parent.as_ref();
        while let Some(parent) = next {
            steps += 1;
            if steps > org.units.len() {
                return inconsistent(format!("OU {id} is its own ancestor"));
            }
            next = org.units[parent].parent.as_ref();
        }
        if steps + 1 > MAX_OU_DEPTH {
            return inconsistent(format!(
                "OU {id} is nested deeper than {MAX_OU_DEPTH} levels"
            ));
        }
    }
    for (account, unit) in &org.parents {
        if !org.members.contains(account) || !org.units.contains_key(unit) {
            return inconsistent(format!(
                "organization {} places {account} in {unit}, but one of them is unknown",
                org.id
            ));
        }
    }
    let known = |id: &str| org.node(id).is_some() || org.policies.contains_key(id);
    if let Some(id) = org.tags.keys().find(|id| !known(id)) {
        return inconsistent(format!(
            "organization {} tags unknown resource {id}",
            org.id
        ));
    }
    for (target, policies) in &org.attachments {
        if !org.service_control_policies || org.node(target).is_none() {
            return inconsistent(format!(
                "organization {} attaches policies to {target}, which cannot have them",
                org.id
            ));
        }
        let unknown = policies
            .iter()
            .find(|p| p.as_str() != FULL_AWS_ACCESS && !org.policies.contains_key(*p));
        if let Some(policy) = unknown {
            return inconsistent(format!("{target} has unknown policy {policy} attached"));
        }
        if !(1..=5).contains(&policies.len()) {
            return inconsistent(format!(
                "{target} has {} policies attached, not 1 to 5",
                policies.len()
            ));
        }
    }
    Ok(())
}

/// Each change in progress matches its region's ENABLING or DISABLING
/// status, and a region has at most one.
fn check_transitions(state: &State) -> Result<(), SnapshotError> {
    let mut seen = BTreeSet::new();
    for t in &state.transitions {
        let status = state
            .accounts
            .get(&t.account_id)
            .and_then(|a| a.regions.get(&t.region))
            .copied();
        let Some(status) = status.filter(|s| s.is_transitional()) else {
            return inconsistent(format!(
                "a change of {} in {} is in progress but the region is not ENABLING or DISABLING",
                t.region, t.account_id
            ));
        };
        let leads_to = if status == RegionOptStatus::Enabling {
            RegionOptStatus::Enabled
        } else {
            RegionOptStatus::Disabled
        };
        if t.target != leads_to {
            return inconsistent(format!(
                "{} in {} is {} but its change in progress leads to {}",
                t.region,
                t.account_id,
                status.as_str(),
                t.target.as_str()
            ));
        }
        if !seen.insert((&t.account_id, &t.region)) {
            return inconsistent(format!(
                "{} in {} has more than one change in progress",
                t.region, t.account_id
            ));
        }
    }
    Ok(())
}

/// Parses and checks a snapshot without touching any engine.
///
/// The state is read straight from the text (it ignores `schemaVersion` as
/// an unknown member): no intermediate `Value`, and no `#[serde(flatten)]`,
/// whose buffering would double the deserializer's code in the page's wasm.
pub fn parse(json: &str) -> Result<State, SnapshotError> {
    let version = match serde_json::from_str::<Header>(json) {
        Ok(header) => header.schema_version.ok_or(SnapshotError::MissingVersion)?,
        // A bad version stops the header before the end of the text, which
        // may not be JSON at all: that is the first thing to say.
        Err(e) if e.is_data() => {
            serde_json::from_str::<IgnoredAny>(json)
                .map_err(|e| SnapshotError::Json(e.to_string()))?;
            return Err(SnapshotError::MissingVersion);
        }
        Err(e) => return Err(SnapshotError::Json(e.to_string())),
    };
    if version > SCHEMA_VERSION {
        return Err(SnapshotError::TooNew { found: version });
    }
    let state: State =
        serde_json::from_str(json).map_err(|e| SnapshotError::Shape(e.to_string()))?;
    check(&state)?;
    Ok(state)
}

impl Engine {
    /// The whole state as compact JSON.
    pub fn snapshot(&self) -> String {
        serde_json::to_string(&SnapshotRef(&self.state)).expect("state serializes")
    }

    /// The whole state as indented JSON, for files people read: the compact
    /// text re-indented, so the state's serializers exist once in the wasm.
    pub fn snapshot_pretty(&self) -> String {
        crate::pretty::indent(&self.snapshot())
    }

    /// Replaces the state with a snapshot's, or fails and changes nothing.
    pub fn restore(&mut self, json: &str) -> Result<(), SnapshotError> {
        let mut state = parse(json)?;
        while state.events.len() > self.config.event_log_limit {
            state.events.pop_front();
        }
        while state.inbox.len() > self.config.inbox_limit {
            state.inbox.pop_front();
        }
        self.state = state;
        self.settle();
        Ok(())
    }

    /// Back to a fresh sandbox with only the default account.
    pub fn reset(&mut self) {
        self.state = State::new(self.clock.now(), &self.config.default_account);
    }
}

/// Serializes the state with its schema version first, without cloning it.
/// Written out rather than `#[serde(flatten)]`, which would serialize
/// through a map adapter and grow the wasm; the round-trip tests catch a
/// member missing here.
struct SnapshotRef<'a>(&'a State);

impl Serialize for SnapshotRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let State {
            accounts,
            organizations,
            transitions,
            events,
            inbox,
            email_updates,
            iam,
            seed,
            sequence,
            parsed: _,
        } = self.0;
        let mut out = serializer.serialize_struct("Snapshot", 10)?;
        out.serialize_field("schemaVersion", &SCHEMA_VERSION)?;
        out.serialize_field("accounts", accounts)?;
        out.serialize_field("organizations", organizations)?;
        out.serialize_field("transitions", transitions)?;
        out.serialize_field("events", events)?;
        out.serialize_field("inbox", inbox)?;
        out.serialize_field("emailUpdates", email_updates)?;
        if iam.is_empty() {
            out.skip_field("iam")?;
        } else {
            out.serialize_field("iam", iam)?;
        }
        out.serialize_field("seed", seed)?;
        out.serialize_field("sequence", sequence)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::SnapshotRef;
    use crate::{Config, Engine, ManualClock};

    #[test]
    fn the_pretty_snapshot_is_serde_jsons_pretty_output() {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        engine.create_demo_organization(3).unwrap();
        assert_eq!(
            engine.snapshot_pretty(),
            serde_json::to_string_pretty(&SnapshotRef(&engine.state)).unwrap()
        );
    }
}
