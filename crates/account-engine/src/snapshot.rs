//! The whole state as versioned JSON: the browser's localStorage value, the
//! export file and the server's `--state` file are all this format.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog;
use crate::engine::Engine;
use crate::store::State;
use crate::validate::ACCOUNT_ID;

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

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Snapshot {
    schema_version: u64,
    #[serde(flatten)]
    state: State,
}

/// Cross-references that the types alone cannot guarantee.
fn check(state: &State) -> Result<(), SnapshotError> {
    let bad = |what: String| Err(SnapshotError::Inconsistent(what));
    for (id, account) in &state.accounts {
        if id != &account.id || !(ACCOUNT_ID.matches)(id) {
            return bad(format!(
                "account key {id} does not match a 12-digit account id"
            ));
        }
        for region in account.regions.keys() {
            if !catalog::find(region).is_some_and(|r| !r.default) {
                return bad(format!("account {id} lists {region}, not an opt-in region"));
            }
        }
    }
    for org in &state.organizations {
        if let Some(missing) = org
            .members
            .iter()
            .find(|m| !state.accounts.contains_key(*m))
        {
            return bad(format!(
                "organization {} names unknown account {missing}",
                org.id
            ));
        }
        if !org.members.contains(&org.management_account_id) {
            return bad(format!(
                "organization {} does not contain its management account",
                org.id
            ));
        }
    }
    for t in &state.transitions {
        let status = state
            .accounts
            .get(&t.account_id)
            .and_then(|a| a.regions.get(&t.region));
        if !status.is_some_and(|s| s.is_transitional()) {
            return bad(format!(
                "a change of {} in {} is in progress but the region is not ENABLING or DISABLING",
                t.region, t.account_id
            ));
        }
    }
    Ok(())
}

/// Parses and checks a snapshot without touching any engine.
pub fn parse(json: &str) -> Result<State, SnapshotError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| SnapshotError::Json(e.to_string()))?;
    let version = value
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or(SnapshotError::MissingVersion)?;
    if version > SCHEMA_VERSION {
        return Err(SnapshotError::TooNew { found: version });
    }
    let snapshot: Snapshot =
        serde_json::from_value(value).map_err(|e| SnapshotError::Shape(e.to_string()))?;
    check(&snapshot.state)?;
    Ok(snapshot.state)
}

impl Engine {
    /// The whole state as compact JSON.
    pub fn snapshot(&self) -> String {
        serde_json::to_string(&SnapshotRef::from(&self.state)).expect("state serializes")
    }

    /// The whole state as indented JSON, for files people read.
    pub fn snapshot_pretty(&self) -> String {
        serde_json::to_string_pretty(&SnapshotRef::from(&self.state)).expect("state serializes")
    }

    /// Replaces the state with a snapshot's, or fails and changes nothing.
    pub fn restore(&mut self, json: &str) -> Result<(), SnapshotError> {
        let mut state = parse(json)?;
        while state.events.len() > self.config.event_log_limit {
            state.events.pop_front();
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

/// Serializes without cloning the state.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotRef<'a> {
    schema_version: u64,
    #[serde(flatten)]
    state: &'a State,
}

impl<'a> From<&'a State> for SnapshotRef<'a> {
    fn from(state: &'a State) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            state,
        }
    }
}
