//! The only module that touches localStorage. Failures are typed and
//! returned, never thrown: private browsing, disabled storage and a full
//! quota all leave the page working in memory.

use thiserror::Error;

/// One namespaced, versioned key for the whole engine state.
pub const STATE_KEY: &str = "account-sandbox:v1:state";
/// Where an unreadable state is kept instead of being lost.
pub const BACKUP_KEY: &str = "account-sandbox:v1:backup";
/// Page settings (transition speed).
pub const SETTINGS_KEY: &str = "account-sandbox:v1:settings";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("browser storage is unavailable")]
    Unavailable,
    #[error("browser storage is full")]
    QuotaExceeded,
    #[error("browser storage failed: {0}")]
    Failed(String),
}

/// A string key-value store: localStorage in the page, memory in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

pub use browser::BrowserStorage;

mod browser {
    use super::{KeyValue, StorageError};
    use gloo_storage::Storage as _;
    use wasm_bindgen::JsCast;

    /// localStorage, if the browser lets the page have it.
    pub struct BrowserStorage {
        storage: Option<web_sys::Storage>,
    }

    impl BrowserStorage {
        pub fn open() -> Self {
            // gloo's `raw()` throws when storage is disabled, so ask first.
            let available = web_sys::window()
                .and_then(|w| w.local_storage().ok().flatten())
                .is_some();
            Self {
                storage: available.then(gloo_storage::LocalStorage::raw),
            }
        }

        fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
            self.storage.as_ref().ok_or(StorageError::Unavailable)
        }
    }

    fn classify(error: wasm_bindgen::JsValue) -> StorageError {
        match error.dyn_ref::<web_sys::DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
            Some(e) => StorageError::Failed(e.message()),
            None => StorageError::Failed(format!("{error:?}")),
        }
    }

    impl KeyValue for BrowserStorage {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.storage()?.get_item(key).map_err(classify)
        }

        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            self.storage()?.set_item(key, value).map_err(classify)
        }

        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.storage()?.remove_item(key).map_err(classify)
        }
    }
}

/// An in-memory store, for tests and as the model of the contract.
#[derive(Default)]
pub struct MemoryStorage {
    items: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    /// Refuse writes larger than this many bytes, like a quota.
    pub quota: Option<usize>,
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.quota.is_some_and(|q| value.len() > q) {
            return Err(StorageError::QuotaExceeded);
        }
        self.items.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
}
