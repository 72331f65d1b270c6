//! The state file and its journals across crashes: a crash is a sandbox
//! dropped without `close`, with its files left as a kill at some moment
//! would leave them.

mod common;

use std::fs;
use std::sync::Arc;

use account_engine::ManualClock;
use account_server::{app, Args, Sandbox, Settings};
use axum::Router;
use clap::Parser;
use serde_json::json;

use common::*;

async fn name_account(app: &Router, account: &str, name: &str) {
    let reply = call(
        app,
        Some(account),
        "/putAccountName",
        json!({ "AccountName": name }),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

fn account_names(sandbox: &Sandbox) -> Vec<(String, String)> {
    sandbox.read(|engine| {
        engine
            .state()
            .accounts
            .values()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect()
    })
}

fn named(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all = vec![("000000000000".to_owned(), "Sandbox account".to_owned())];
    all.extend(
        pairs
            .iter()
            .map(|(id, name)| (id.to_string(), name.to_string())),
    );
    all.sort();
    all
}

#[tokio::test]
async fn a_journal_cut_mid_record_loses_that_record_only_and_goes_on_after_a_restart() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app(Arc::clone(&sandbox));
    name_account(&app, "111111111111", "one").await;
    name_account(&app, "222222222222", "two").await;
    drop((app, sandbox));

    // What a kill in the middle of the last append leaves.
    let journal = files.newest_journal();
    let length = fs::metadata(&journal).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(&journal)
        .unwrap()
        .set_len(length - 3)
        .unwrap();

    let sandbox = files.open(&clock);
    assert_eq!(account_names(&sandbox), named(&[("111111111111", "one")]));
    name_account(&app_of(&sandbox), "333333333333", "three").await;
    drop(sandbox);
    let sandbox = files.open(&clock);
    assert_eq!(
        account_names(&sandbox),
        named(&[("111111111111", "one"), ("333333333333", "three")])
    );
}

fn app_of(sandbox: &Arc<Sandbox>) -> Router {
    app(Arc::clone(sandbox))
}

#[tokio::test]
async fn a_garbled_record_ends_replay_before_it() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app_of(&sandbox);
    name_account(&app, "111111111111", "one").await;
    let after_one = fs::metadata(files.newest_journal()).unwrap().len() as usize;
    name_account(&app, "222222222222", "two").await;
    name_account(&app, "333333333333", "three").await;
    drop((app, sandbox));

    let journal = files.newest_journal();
    let mut bytes = fs::read(&journal).unwrap();
    bytes[after_one + 20] ^= 0x01;
    fs::write(&journal, &bytes).unwrap();
    let sandbox = files.open(&clock);
    assert_eq!(account_names(&sandbox), named(&[("111111111111", "one")]));
}

async fn create_account(app: &Router, name: &str) {
    let reply = org_call(
        app,
        None,
        "CreateAccount",
        json!({"AccountName": name, "Email": format!("{name}@example.com")}),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

#[tokio::test]
async fn a_crash_after_a_new_snapshot_but_before_the_old_journal_goes_applies_nothing_twice() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app_of(&sandbox);
    org_call(&app, None, "CreateOrganization", json!({})).await;
    // Not idempotent: each one makes another account.
    create_account(&app, "first").await;
    create_account(&app, "second").await;
    let old_journal = files.newest_journal();
    let old_records = fs::read(&old_journal).unwrap();

    sandbox.compact().unwrap();
    assert!(!old_journal.exists());
    fs::write(&old_journal, old_records).unwrap();
    create_account(&app, "third").await;
    let live = state_of(&sandbox);
    drop((app, sandbox));

    let restarted = files.open(&clock);
    assert_eq!(state_of(&restarted), live);
    assert_eq!(restarted.read(|e| e.state().accounts.len()), 4);
    assert!(!old_journal.exists(), "the stale journal is removed");
}

#[tokio::test]
async fn a_crash_before_the_new_snapshot_is_in_place_replays_both_generations() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app_of(&sandbox);
    org_call(&app, None, "CreateOrganization", json!({})).await;
    create_account(&app, "first").await;
    let old_snapshot = fs::read(&files.path).unwrap();
    let old_journal = files.newest_journal();
    let old_records = fs::read(&old_journal).unwrap();

    sandbox.compact().unwrap();
    clock.advance(10);
    create_account(&app, "second").await;
    let live = state_of(&sandbox);
    drop((app, sandbox));

    // As if the rename of the new snapshot never happened.
    fs::write(&files.path, old_snapshot).unwrap();
    fs::write(&old_journal, old_records).unwrap();
    let restarted = files.open(&clock);
    assert_eq!(state_of(&restarted), live);
}

#[tokio::test]
async fn journals_that_do_not_continue_the_state_file_are_left_out() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    name_account(&app_of(&sandbox), "111111111111", "journaled").await;
    drop(sandbox);

    // Someone puts an export of another sandbox in place of the state file.
    let replacement = {
        let other = Sandbox::in_memory(settings(), ManualClock::at(START + 5));
        let other = Arc::new(other);
        name_account(&app_of(&other), "222222222222", "exported").await;
        other.read(|e| e.snapshot_pretty())
    };
    fs::write(&files.path, &replacement).unwrap();

    let restarted = files.open(&clock);
    assert_eq!(
        account_names(&restarted),
        named(&[("222222222222", "exported")])
    );
    assert_eq!(files.journals(), ["state.json.journal.2"]);
}

#[tokio::test]
async fn a_restart_with_other_flags_replays_the_journal_as_it_was_made() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app_of(&sandbox);
    // The default account of these settings names it.
    name_account(&app, "not-an-account-id", "default").await;
    call(
        &app,
        None,
        "/enableRegion",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    drop((app, sandbox));

    let other = Settings {
        account_id: "999999999999".into(),
        enable_millis: 3_600_000,
        ..settings()
    };
    clock.advance(ENABLE_MS);
    let restarted = files.open_with(other, &clock, None);
    restarted.read(|engine| {
        let account = &engine.state().accounts["000000000000"];
        assert_eq!(account.name, "default");
        assert_eq!(
            account.regions["af-south-1"].as_str(),
            "ENABLED",
            "completed after the journal's enable time, not the new one"
        );
    });
    let app = app_of(&restarted);
    let info = call(&app, None, "/getAccountInformation", json!({})).await;
    assert_eq!(info.body["AccountId"], "999999999999");
}

#[tokio::test]
async fn the_journal_is_compacted_in_the_background_once_it_outgrows_its_limit() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open_with(settings(), &clock, Some(2_000));
    let app = app_of(&sandbox);
    let mut expected = Vec::new();
    for n in 0..40 {
        let account = format!("{:012}", 500_000 + n);
        name_account(&app, &account, &format!("name {n}")).await;
        expected.push((account, format!("name {n}")));
    }
    let live = state_of(&sandbox);
    // Dropping the sandbox waits for the compaction under way.
    drop((app, sandbox));
    let newest: u64 = files.journals().last().unwrap()[19..].parse().unwrap();
    assert!(newest > 1, "{:?}", files.journals());
    assert!(files.journals().len() <= 2, "{:?}", files.journals());
    let saved = files.saved();
    assert_eq!(saved["accounts"]["000000500000"]["name"], "name 0");

    let restarted = files.open(&clock);
    assert_eq!(state_of(&restarted), live);
}

#[tokio::test]
async fn the_set_up_is_journaled_and_replayed_when_its_snapshot_could_not_be_written() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let temp = files.dir().join(".state.json.tmp");
    // A fresh state file is written first; then the way is blocked.
    drop(files.open(&clock));
    fs::create_dir(&temp).unwrap();
    let demo = Settings {
        demo_organization: Some(20),
        ..settings()
    };
    let sandbox = files.open_with(demo.clone(), &clock, None);
    let live = state_of(&sandbox);
    drop(sandbox);
    assert!(files.saved()["organizations"]
        .as_array()
        .unwrap()
        .is_empty());

    fs::remove_dir(&temp).unwrap();
    clock.advance(1);
    let restarted = files.open_with(demo, &clock, None);
    assert_eq!(state_of(&restarted), live);
    assert_eq!(restarted.read(|e| e.state().accounts.len()), 21);
}

#[tokio::test]
async fn export_prints_the_whole_state_and_changes_no_file() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    name_account(&app_of(&sandbox), "111111111111", "journaled").await;
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(files.dir())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), e.metadata().unwrap().len())
            })
            .collect();
        names.sort();
        names
    };
    let before = listing();
    let args = Args::try_parse_from([
        "account-server",
        "--state",
        files.path.to_str().unwrap(),
        "--export",
    ])
    .unwrap();
    let exported = args.export().unwrap();
    assert_eq!(exported, sandbox.read(|e| e.snapshot_pretty()));
    assert_eq!(listing(), before);

    let missing = Args::try_parse_from([
        "account-server",
        "--state",
        files.dir().join("none.json").to_str().unwrap(),
        "--export",
    ])
    .unwrap();
    let error = missing.export().unwrap_err();
    assert!(error.to_string().contains("none.json"), "{error}");
}

#[tokio::test]
async fn a_snapshot_taken_while_a_region_changes_is_replayed_from_before_the_change_completes() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open(&clock);
    let app = app_of(&sandbox);
    call(
        &app,
        None,
        "/enableRegion",
        json!({"RegionName": "af-south-1"}),
    )
    .await;
    sandbox.compact().unwrap();
    // Journaled after the snapshot, before the change completes: its event
    // comes before the completion's.
    clock.advance(ENABLE_MS / 2);
    call(
        &app,
        None,
        "/enableRegion",
        json!({"RegionName": "me-south-1"}),
    )
    .await;
    clock.advance(ENABLE_MS);
    call(&app, None, "/listRegions", json!({})).await;
    let live = state_of(&sandbox);
    drop((app, sandbox));

    let restarted = files.open(&clock);
    assert_eq!(state_of(&restarted), live);
}
