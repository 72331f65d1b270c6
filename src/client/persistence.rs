//! Loading and saving the engine state through a [`KeyValue`] store, with
//! nothing lost: an unreadable stored state is moved to a backup key before
//! the page starts fresh, and every problem is reported for a banner.

use account_engine::Engine;

use crate::client::storage::{KeyValue, StorageError, BACKUP_KEY, STATE_KEY};

/// What happened when the page started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Startup {
    /// Nothing was stored: a fresh sandbox.
    Fresh,
    /// The stored state was loaded.
    Restored,
    /// The stored state could not be read; it was kept under
    /// [`BACKUP_KEY`] (unless storage refused that too) and the page
    /// started fresh.
    Recovered { reason: String, backed_up: bool },
    /// Storage could not be read at all; the page runs in memory.
    Unavailable(StorageError),
}

/// The stored state, read once: the page looks at it to know whether it
/// needs the `restore` chunk before [`load`] restores it.
pub fn stored(store: &dyn KeyValue) -> Result<Option<String>, StorageError> {
    store.get(STATE_KEY)
}

/// Loads `stored` (what [`stored`] read) into `engine` with `restore` (in
/// the page, the `restore` chunk's, which may have failed to arrive: then
/// the stored state is kept as the backup, as an unreadable one is).
pub fn load<E: std::fmt::Display>(
    engine: &mut Engine,
    store: &dyn KeyValue,
    stored: Result<Option<String>, StorageError>,
    restore: impl FnOnce(&mut Engine, &str) -> Result<(), E>,
) -> Startup {
    let stored = match stored {
        Ok(Some(stored)) => stored,
        Ok(None) => return Startup::Fresh,
        Err(e) => return Startup::Unavailable(e),
    };
    match restore(engine, &stored) {
        Ok(()) => Startup::Restored,
        Err(e) => {
            let backed_up = store.set(BACKUP_KEY, &stored).is_ok();
            if backed_up {
                // Only once the backup holds it may the broken state go.
                let _ = store.remove(STATE_KEY);
            }
            Startup::Recovered {
                reason: e.to_string(),
                backed_up,
            }
        }
    }
}

/// Writes the whole state.
pub fn save(engine: &Engine, store: &dyn KeyValue) -> Result<(), StorageError> {
    store.set(STATE_KEY, &engine.snapshot())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::chunks::NotLoaded;
    use crate::client::storage::MemoryStorage;
    use account_engine::{Config, ManualClock, Operation};

    fn engine() -> Engine {
        Engine::new(ManualClock::at(1_700_000_000_000), Config::default())
    }

    fn put_name(engine: &mut Engine, name: &str) {
        let body = serde_json::json!({ "AccountName": name }).to_string();
        let path = Operation::PutAccountName.path();
        assert_eq!(
            engine.handle("000000000000", &path, body.as_bytes()).status,
            200
        );
    }

    #[test]
    fn saved_state_loads_into_a_new_engine() {
        let store = MemoryStorage::default();
        let mut first = engine();
        put_name(&mut first, "Training");
        save(&first, &store).unwrap();
        let mut second = engine();
        assert_eq!(
            load(&mut second, &store, stored(&store), Engine::restore),
            Startup::Restored
        );
        assert_eq!(second.snapshot(), first.snapshot());
    }

    #[test]
    fn nothing_stored_starts_fresh() {
        assert_eq!(
            load(
                &mut engine(),
                &MemoryStorage::default(),
                Ok(None),
                Engine::restore
            ),
            Startup::Fresh
        );
    }

    #[test]
    fn corrupt_state_is_backed_up_and_the_page_starts_fresh() {
        let store = MemoryStorage::default();
        store.set(STATE_KEY, "{not json").unwrap();
        let mut e = engine();
        let fresh = e.snapshot();
        match load(&mut e, &store, stored(&store), Engine::restore) {
            Startup::Recovered { reason, backed_up } => {
                assert!(backed_up);
                assert!(reason.contains("not valid JSON"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(store.get(BACKUP_KEY).unwrap().as_deref(), Some("{not json"));
        assert_eq!(store.get(STATE_KEY).unwrap(), None);
        assert_eq!(e.snapshot(), fresh);
    }

    #[test]
    fn a_restore_that_could_not_be_fetched_keeps_the_state_as_the_backup() {
        let store = MemoryStorage::default();
        let mut first = engine();
        put_name(&mut first, "Kept");
        save(&first, &store).unwrap();
        let saved = store.get(STATE_KEY).unwrap();
        let not_fetched = |_: &mut Engine, _: &str| Err(NotLoaded::RESTORE);
        match load(&mut engine(), &store, stored(&store), not_fetched) {
            Startup::Recovered { reason, backed_up } => {
                assert!(backed_up);
                assert!(reason.contains("could not be fetched"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(store.get(BACKUP_KEY).unwrap(), saved);
    }

    #[test]
    fn state_of_an_unknown_version_is_backed_up_too() {
        let store = MemoryStorage::default();
        store.set(STATE_KEY, r#"{"schemaVersion": 99}"#).unwrap();
        let outcome = load(&mut engine(), &store, stored(&store), Engine::restore);
        assert!(
            matches!(&outcome, Startup::Recovered { reason, .. } if reason.contains("99")),
            "{outcome:?}"
        );
        assert!(store.get(BACKUP_KEY).unwrap().is_some());
    }

    #[test]
    fn a_full_store_reports_quota_exceeded_and_keeps_the_old_value() {
        let mut store = MemoryStorage::default();
        let mut e = engine();
        save(&e, &store).unwrap();
        let before = store.get(STATE_KEY).unwrap();
        store.quota = Some(10);
        put_name(&mut e, "Changed");
        assert_eq!(save(&e, &store), Err(StorageError::QuotaExceeded));
        assert_eq!(store.get(STATE_KEY).unwrap(), before);
    }
}
