//! Properties of the journal: replaying it over its snapshot gives the
//! state the live engine had, whatever the requests, the times between
//! them, the compactions among them, and wherever a crash cut the journal.

mod common;

use std::fs;

use account_engine::{Clock, ManualClock, Millis};
use account_server::{Sandbox, Settings};
use proptest::prelude::*;
use serde_json::{json, Value};

use common::*;

const CALLERS: [&str; 4] = ["", "111111111111", "222222222222", "333333333333"];
const REGIONS: [&str; 3] = ["af-south-1", "me-south-1", "ap-east-1"];
const CONTACTS: [&str; 3] = ["BILLING", "OPERATIONS", "SECURITY"];
const PRINCIPAL: &str = "account.amazonaws.com";

#[derive(Debug, Clone)]
enum Step {
    /// A request as one of `CALLERS`, with a small parameter so requests
    /// meet the same regions, contacts and accounts (the `n`th of the
    /// sandbox's accounts, members created on the way included).
    Call {
        caller: usize,
        what: usize,
        n: usize,
    },
    /// Accept a primary email update with the password in the inbox.
    AcceptFromInbox {
        caller: usize,
    },
    Advance(Millis),
    Reset,
    Compact,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..CALLERS.len(), 0..16usize, 0..6usize)
            .prop_map(|(caller, what, n)| Step::Call { caller, what, n }),
        1 => (0..CALLERS.len()).prop_map(|caller| Step::AcceptFromInbox { caller }),
        3 => (0..2_000 as Millis).prop_map(Step::Advance),
        1 => Just(Step::Reset),
        1 => Just(Step::Compact),
    ]
}

fn replay_settings() -> Settings {
    Settings {
        primary_email_millis: 1_500,
        ..settings()
    }
}

/// The request a `Step::Call` makes: an Account path, or an Organizations
/// target, with its body.
fn request(what: usize, n: usize, account: &str) -> (bool, String, Value) {
    let n = n % 3;
    let (account_api, name, body) = match what {
        0 => (
            true,
            "putAlternateContact",
            json!({"AlternateContactType": CONTACTS[n], "Name": format!("n{n}"), "Title": "T",
                   "EmailAddress": "a@b.co", "PhoneNumber": "+1 555"}),
        ),
        1 => (
            true,
            "deleteAlternateContact",
            json!({"AlternateContactType": CONTACTS[n]}),
        ),
        2 => (
            true,
            "putAccountName",
            json!({"AccountName": format!("name {n}"), "AccountId": account}),
        ),
        3 => (true, "enableRegion", json!({"RegionName": REGIONS[n]})),
        4 => (true, "disableRegion", json!({"RegionName": REGIONS[n]})),
        5 => (
            true,
            "getRegionOptStatus",
            json!({"RegionName": REGIONS[n]}),
        ),
        6 => (true, "listRegions", json!({})),
        7 => (true, "getAccountInformation", json!({})),
        8 => (
            true,
            "startPrimaryEmailUpdate",
            json!({"AccountId": account, "PrimaryEmail": format!("new{n}@example.com")}),
        ),
        9 => (true, "getPrimaryEmail", json!({"AccountId": account})),
        10 => (false, "CreateOrganization", json!({})),
        11 => (
            false,
            "CreateAccount",
            json!({"AccountName": format!("made {n}"), "Email": format!("made{n}@example.com")}),
        ),
        12 => (
            false,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": PRINCIPAL}),
        ),
        13 => (
            false,
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": PRINCIPAL}),
        ),
        14 => (
            false,
            "RegisterDelegatedAdministrator",
            json!({"AccountId": account, "ServicePrincipal": PRINCIPAL}),
        ),
        _ => (
            true,
            "getAlternateContact",
            json!({"AlternateContactType": CONTACTS[n]}),
        ),
    };
    (account_api, name.to_owned(), body)
}

/// Runs one step; returns whether it was a request.
async fn run(sandbox: &Sandbox, clock: &ManualClock, step: &Step) -> bool {
    let (caller, account_api, name, body) = match step {
        Step::Call { caller, what, n } => {
            let account = sandbox.read(|engine| {
                let accounts = &engine.state().accounts;
                accounts.keys().nth(n % accounts.len()).unwrap().clone()
            });
            let (account_api, name, body) = request(*what, *n, &account);
            (CALLERS[*caller], account_api, name, body)
        }
        Step::AcceptFromInbox { caller } => {
            let caller = CALLERS[*caller];
            let otp = sandbox.read(|engine| {
                let message = engine.inbox().next_back()?;
                Some(json!({"AccountId": message.account_id, "PrimaryEmail": message.to, "Otp": message.code}))
            });
            let Some(body) = otp else { return false };
            (caller, true, "acceptPrimaryEmailUpdate".to_owned(), body)
        }
        Step::Advance(millis) => {
            clock.advance(*millis);
            return false;
        }
        Step::Reset => {
            if let Some(ticket) = sandbox.reset() {
                sandbox.durable(ticket).await.unwrap();
            }
            return true;
        }
        Step::Compact => {
            sandbox.compact().unwrap();
            return false;
        }
    };
    let body = body.to_string();
    let (_, ticket) = if account_api {
        sandbox.handle(None, None, caller, &format!("/{name}"), body.as_bytes())
    } else {
        let target = format!("AWSOrganizationsV20161128.{name}");
        sandbox.handle_organizations(None, None, caller, &target, body.as_bytes())
    };
    if let Some(ticket) = ticket {
        sandbox.durable(ticket).await.unwrap();
    }
    true
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Compactions run both on request and in the background, on a small
    /// journal limit, so replays start from many snapshots.
    #[test]
    fn a_restart_after_any_requests_has_the_state_the_live_engine_had(
        steps in proptest::collection::vec(step(), 1..40),
        journal_limit in prop_oneof![Just(None), (300..3_000u64).prop_map(Some)],
    ) {
        let files = Files::new();
        let clock = ManualClock::at(START);
        let live = runtime().block_on(async {
            let sandbox = files.open_with(replay_settings(), &clock, journal_limit);
            for step in &steps {
                run(&sandbox, &clock, step).await;
            }
            // A read settles what is due, as the restore will.
            run(&sandbox, &clock, &Step::Call { caller: 0, what: 6, n: 0 }).await;
            state_of(&sandbox)
        });
        let restarted = files.open_with(replay_settings(), &clock, journal_limit);
        prop_assert_eq!(state_of(&restarted), live);
    }

    #[test]
    fn a_journal_cut_anywhere_replays_to_the_state_after_its_last_whole_record(
        steps in proptest::collection::vec(
            step().prop_filter("one journal", |s| !matches!(s, Step::Compact | Step::Reset)),
            1..30,
        ),
        cut in any::<proptest::sample::Index>(),
    ) {
        let files = Files::new();
        let clock = ManualClock::at(START);
        // (journal length, state, time) after each journaled request.
        let boundaries = runtime().block_on(async {
            let sandbox = files.open_with(replay_settings(), &clock, None);
            let journal = files.newest_journal();
            let length = || fs::metadata(&journal).unwrap().len();
            let mut boundaries = vec![(length(), state_of(&sandbox), clock.now())];
            for step in &steps {
                let requested = run(&sandbox, &clock, step).await;
                if requested && length() > boundaries.last().unwrap().0 {
                    boundaries.push((length(), state_of(&sandbox), clock.now()));
                }
            }
            boundaries
        });
        let journal = files.newest_journal();
        let start = boundaries[0].0;
        let end = boundaries.last().unwrap().0;
        let cut = start + cut.index((end - start + 1) as usize) as u64;
        fs::OpenOptions::new().write(true).open(&journal).unwrap().set_len(cut).unwrap();
        let (_, expected, at) = boundaries.iter().rev().find(|(length, ..)| *length <= cut).unwrap();
        clock.set(*at);
        let restarted = files.open_with(replay_settings(), &clock, None);
        prop_assert_eq!(&state_of(&restarted), expected);
    }
}

/// The properties above only mean something if the steps reach the
/// engine's interesting paths; this checks a plain run does.
#[test]
fn the_steps_reach_organizations_regions_and_email_updates() {
    let files = Files::new();
    let clock = ManualClock::at(START);
    let sandbox = files.open_with(replay_settings(), &clock, None);
    let call = |what, n| Step::Call { caller: 1, what, n };
    runtime().block_on(async {
        for step in [call(10, 0), call(11, 0), call(12, 0), call(3, 0)] {
            run(&sandbox, &clock, &step).await;
        }
        let member = sandbox.read(|engine| {
            let org = &engine.state().organizations[0];
            let accounts = &engine.state().accounts;
            accounts
                .keys()
                .position(|id| org.members.contains(id) && id != "111111111111")
                .unwrap()
        });
        for step in [
            call(8, member),
            Step::AcceptFromInbox { caller: 1 },
            Step::Advance(2_000),
            call(6, 0),
        ] {
            run(&sandbox, &clock, &step).await;
        }
    });
    sandbox.read(|engine| {
        let state = engine.state();
        assert_eq!(state.organizations.len(), 1);
        assert!(state.organizations[0].trusted_access);
        assert_eq!(
            state.accounts["111111111111"].regions["af-south-1"].as_str(),
            "ENABLED"
        );
        let updated = state
            .accounts
            .values()
            .filter(|a| a.email.starts_with("new"));
        assert_eq!(updated.count(), 1, "the primary email update completed");
    });
}
