//! IAM's part of the state: each account's users, roles and customer
//! managed policies, the access keys of every user and the sessions STS
//! AssumeRole opened, both keyed by their globally unique key id so a
//! request's key finds its principal in one lookup.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::clock::Millis;

/// Every member defaults, so snapshots written before IAM load as an IAM
/// with no users.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Iam {
    /// Users by account id, then by user name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub users: BTreeMap<String, BTreeMap<String, User>>,
    /// Customer managed policies by account id, then by policy name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub policies: BTreeMap<String, BTreeMap<String, ManagedPolicy>>,
    /// Access keys by their `AKIA…` id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub access_keys: BTreeMap<String, AccessKey>,
    /// Roles by account id, then by role name. The role Organizations
    /// CreateAccount makes is not here until it is changed (see
    /// `iam/roles.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, BTreeMap<String, Role>>,
    /// Role sessions by their `ASIA…` key id, kept until a later
    /// AssumeRole finds them expired.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sessions: BTreeMap<String, Session>,
}

impl Iam {
    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
            && self.policies.is_empty()
            && self.access_keys.is_empty()
            && self.roles.is_empty()
            && self.sessions.is_empty()
    }

    pub fn user(&self, account_id: &str, name: &str) -> Option<&User> {
        self.users.get(account_id)?.get(name)
    }

    /// The keys of one user, by id.
    pub fn keys_of<'a>(
        &'a self,
        account_id: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a AccessKey)> {
        self.access_keys
            .iter()
            .filter(move |(_, k)| k.account_id == account_id && k.user_name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub name: String,
    pub path: String,
    /// `AIDA` and 17 characters.
    pub user_id: String,
    pub created: Millis,
    /// In the order they were added; TagUser replaces a key's value in place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<(String, String)>,
    /// Inline policy documents by policy name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inline_policies: BTreeMap<String, String>,
    /// The ARNs of the managed policies attached to the user.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub attached_policies: BTreeSet<String>,
    /// The managed policy that bounds the user's permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    pub name: String,
    pub path: String,
    /// `AROA` and 17 characters.
    pub role_id: String,
    pub created: Millis,
    /// The trust policy, as CreateRole received it.
    pub trust_policy: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Seconds, 3,600 to 43,200.
    pub max_session_duration: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inline_policies: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub attached_policies: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
}

/// A role session that AssumeRole opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub account_id: String,
    pub role_name: String,
    /// The role's id when the session began: a role deleted and made again
    /// under the same name is another role, which the session is not of.
    pub role_id: String,
    pub session_name: String,
    pub secret: String,
    pub token: String,
    pub issued: Millis,
    pub expires: Millis,
    /// The inline session policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The managed session policies, read again on every request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_arns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<(String, String)>,
}

impl Session {
    /// Whether the session has any session policy; without one the
    /// session has its role's permissions.
    pub fn has_session_policy(&self) -> bool {
        self.policy.is_some() || !self.policy_arns.is_empty()
    }
}

/// A customer managed policy; it has only its version v1 for now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedPolicy {
    pub name: String,
    pub path: String,
    /// `ANPA` and 17 characters.
    pub policy_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub document: String,
    pub created: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessKey {
    pub account_id: String,
    pub user_name: String,
    /// 40 characters, returned once by CreateAccessKey.
    pub secret: String,
    pub created: Millis,
}
