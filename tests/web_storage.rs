//! The localStorage adapter in real Chromium: round trip, corrupt data and
//! a full quota. Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use account_engine::{Config, Engine, ManualClock, Operation};
use account_sandbox::client::persistence::{self, Startup};
use account_sandbox::client::storage::{
    BrowserStorage, KeyValue, StorageError, BACKUP_KEY, STATE_KEY,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn engine() -> Engine {
    Engine::new(ManualClock::at(1_700_000_000_000), Config::default())
}

fn clear() {
    let store = BrowserStorage::open();
    for key in [STATE_KEY, BACKUP_KEY, "test:big"] {
        store.remove(key).unwrap();
    }
}

#[wasm_bindgen_test]
fn values_round_trip_through_local_storage() {
    clear();
    let store = BrowserStorage::open();
    assert_eq!(store.get(STATE_KEY).unwrap(), None);
    store.set(STATE_KEY, "héllo ✓").unwrap();
    assert_eq!(store.get(STATE_KEY).unwrap().as_deref(), Some("héllo ✓"));
    store.remove(STATE_KEY).unwrap();
    assert_eq!(store.get(STATE_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn engine_state_survives_a_save_and_load() {
    clear();
    let store = BrowserStorage::open();
    let mut first = engine();
    let body = br#"{"RegionName": "af-south-1"}"#;
    assert_eq!(
        first
            .handle("000000000000", &Operation::EnableRegion.path(), body)
            .status,
        200
    );
    persistence::save(&first, &store).unwrap();
    let mut second = engine();
    assert_eq!(
        persistence::load(
            &mut second,
            &store,
            persistence::stored(&store),
            Engine::restore
        ),
        Startup::Restored
    );
    assert_eq!(second.snapshot(), first.snapshot());
    clear();
}

#[wasm_bindgen_test]
fn corrupt_stored_data_is_backed_up_not_lost() {
    clear();
    let store = BrowserStorage::open();
    store.set(STATE_KEY, "]]] not a snapshot").unwrap();
    let outcome = persistence::load(
        &mut engine(),
        &store,
        persistence::stored(&store),
        Engine::restore,
    );
    assert!(
        matches!(
            outcome,
            Startup::Recovered {
                backed_up: true,
                ..
            }
        ),
        "{outcome:?}"
    );
    assert_eq!(
        store.get(BACKUP_KEY).unwrap().as_deref(),
        Some("]]] not a snapshot")
    );
    assert_eq!(store.get(STATE_KEY).unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
fn a_write_over_the_quota_is_reported_as_quota_exceeded() {
    clear();
    let store = BrowserStorage::open();
    // Chromium allows about 5 MB per origin; 12 MB of UTF-16 is well over.
    let big = "x".repeat(6 * 1024 * 1024);
    assert_eq!(
        store.set("test:big", &big),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(store.get("test:big").unwrap(), None);
    store.set(STATE_KEY, "still writable").unwrap();
    clear();
}
