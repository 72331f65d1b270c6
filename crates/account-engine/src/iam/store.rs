//! IAM's part of the state: each account's users and customer managed
//! policies, and the access keys of every user, keyed by their globally
//! unique id so a request's key finds its user in one lookup.

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
}

impl Iam {
    pub fn is_empty(&self) -> bool {
        self.users.is_empty() && self.policies.is_empty() && self.access_keys.is_empty()
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
