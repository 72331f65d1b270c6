//! Parsed policy documents, kept beside the state so that authorizing a
//! request parses nothing: stored documents are parsed the first time a
//! request needs them and looked up by their text afterwards. It is a
//! cache, not state: snapshots do not carry it, a copy of the state starts
//! without it, and two states compare equal whatever it holds.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use iam_policy::{Policy, PolicyKind};

/// Documents kept per kind before the cache starts over. Stored policies
/// are far fewer; the bound only stops replaced documents piling up.
const LIMIT: usize = 4096;

#[derive(Default)]
struct Parsed {
    identity: HashMap<Box<str>, Arc<Policy>>,
    service_control: HashMap<Box<str>, Arc<Policy>>,
    trust: HashMap<Box<str>, Arc<Policy>>,
}

/// Documents by kind and text. A `Mutex` rather than a `RefCell` keeps the
/// state `Sync`; authorization only reads the state, so the lock is never
/// contended.
#[derive(Default)]
pub struct PolicyCache(Mutex<Parsed>);

impl PolicyCache {
    /// `document` parsed as `kind`; `None` if it does not parse, which a
    /// stored document always does, since it was validated when stored.
    pub fn get(&self, document: &str, kind: PolicyKind) -> Option<Arc<Policy>> {
        let mut parsed = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let map = match kind {
            PolicyKind::Identity => &mut parsed.identity,
            PolicyKind::ServiceControl => &mut parsed.service_control,
            PolicyKind::Trust => &mut parsed.trust,
        };
        if let Some(policy) = map.get(document) {
            return Some(Arc::clone(policy));
        }
        let policy = Arc::new(Policy::parse(document, kind).ok()?);
        if map.len() >= LIMIT {
            map.clear();
        }
        map.insert(document.into(), Arc::clone(&policy));
        Some(policy)
    }
}

impl Clone for PolicyCache {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for PolicyCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for PolicyCache {}

impl std::fmt::Debug for PolicyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PolicyCache")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOW: &str =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

    #[test]
    fn a_document_is_parsed_once_per_kind() {
        let cache = PolicyCache::default();
        let first = cache.get(ALLOW, PolicyKind::Identity).unwrap();
        let again = cache.get(ALLOW, PolicyKind::Identity).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        let scp = cache.get(ALLOW, PolicyKind::ServiceControl).unwrap();
        assert!(!Arc::ptr_eq(&first, &scp));
        assert!(cache.get("{", PolicyKind::Identity).is_none());
    }

    #[test]
    fn copies_start_empty_and_compare_equal() {
        let cache = PolicyCache::default();
        let first = cache.get(ALLOW, PolicyKind::Identity).unwrap();
        let copy = cache.clone();
        assert_eq!(copy, cache);
        let theirs = copy.get(ALLOW, PolicyKind::Identity).unwrap();
        assert!(!Arc::ptr_eq(&first, &theirs));
    }
}
