//! What the command line asks the sandbox to start as: the engine's settings
//! and the demo organization. A reset goes back to it, and each journal
//! names the settings its records were made under, so a restart with other
//! flags still replays them as they happened.

use std::net::{IpAddr, Ipv4Addr};

use account_engine::{Clock, Config, Engine, Millis, Origin, Timings, DEFAULT_ACCOUNT_ID};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The account of callers whose access key id is not a 12-digit account id.
    pub account_id: String,
    pub enable_millis: Millis,
    pub disable_millis: Millis,
    pub primary_email_millis: Millis,
    /// Member accounts of the demo organization, if one is asked for.
    pub demo_organization: Option<u32>,
    /// Whether requests count as arriving over TLS (`aws:SecureTransport`).
    /// Journals from before the flag lack it: they were served as plain HTTP.
    #[serde(default)]
    pub secure_transport: bool,
}

/// A test suite waits for an accepted primary email update, so the server
/// completes it in seconds rather than the real service's hours.
pub const PRIMARY_EMAIL_MILLIS: Millis = 5_000;

impl Default for Settings {
    fn default() -> Self {
        let timings = Timings::default();
        Self {
            account_id: DEFAULT_ACCOUNT_ID.to_owned(),
            enable_millis: timings.enable,
            disable_millis: timings.disable,
            primary_email_millis: PRIMARY_EMAIL_MILLIS,
            demo_organization: None,
            secure_transport: false,
        }
    }
}

impl Settings {
    pub fn timings(&self) -> Timings {
        Timings {
            enable: self.enable_millis,
            disable: self.disable_millis,
            primary_email: self.primary_email_millis,
        }
    }

    /// Where a request from `peer` comes from, as policies see it; a
    /// request without a peer (replayed from a journal that did not record
    /// one) comes from this machine.
    pub fn origin(&self, peer: Option<IpAddr>) -> Origin {
        Origin {
            source_ip: peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            secure_transport: self.secure_transport,
        }
    }

    /// A fresh engine with these settings and nothing set up yet.
    pub fn engine(&self, clock: impl Clock + 'static) -> Engine {
        let config = Config {
            default_account: self.account_id.clone(),
            timings: self.timings(),
            ..Config::default()
        };
        Engine::new(clock, config)
    }

    /// Creates the demo organization, if one is asked for and the default
    /// account belongs to none yet (for example one loaded from `--state`).
    /// Returns whether it changed anything.
    pub fn set_up(&self, engine: &mut Engine) -> bool {
        let Some(members) = self.demo_organization else {
            return false;
        };
        if engine
            .state()
            .organization_of(engine.default_account())
            .is_some()
        {
            return false;
        }
        let members = usize::try_from(members).expect("a u32 fits in usize");
        engine
            .create_demo_organization(members)
            .expect("the default account is in no organization, and members get unused ids");
        true
    }

    /// Back to how the command line starts the sandbox: a fresh state with
    /// only the default account, then the set-up.
    pub fn start_over(&self, engine: &mut Engine) {
        engine.reset();
        self.set_up(engine);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::ManualClock;

    fn demo(members: u32) -> Settings {
        Settings {
            account_id: "123456789012".into(),
            demo_organization: Some(members),
            ..Settings::default()
        }
    }

    #[test]
    fn the_default_settings_follow_the_real_service_but_for_the_primary_email() {
        let settings = Settings::default();
        let expected = Timings {
            primary_email: PRIMARY_EMAIL_MILLIS,
            ..Timings::REALISTIC
        };
        assert_eq!(settings.timings(), expected);
        let engine = settings.engine(ManualClock::at(0));
        assert_eq!(engine.default_account(), DEFAULT_ACCOUNT_ID);
        assert_eq!(engine.config().timings, expected);
    }

    #[test]
    fn a_demo_organization_is_created_once_for_the_default_account() {
        let settings = demo(25);
        let mut engine = settings.engine(ManualClock::at(0));
        assert!(settings.set_up(&mut engine));
        let org = engine.state().organization_of("123456789012").unwrap();
        assert_eq!(org.management_account_id, "123456789012");
        assert_eq!(org.members.len(), 26);
        assert!(org.trusted_access);
        let before = engine.snapshot();
        assert!(!demo(5).set_up(&mut engine));
        assert_eq!(engine.snapshot(), before);
        assert!(!Settings::default().set_up(&mut engine));
    }

    #[test]
    fn starting_over_drops_everything_but_the_set_up() {
        let settings = demo(3);
        let clock = ManualClock::at(0);
        let mut engine = settings.engine(clock.clone());
        engine.handle(
            "444455556666",
            "/putAccountName",
            br#"{"AccountName": "Gone"}"#,
        );
        assert_eq!(engine.state().accounts.len(), 2);
        clock.set(1_000);
        settings.start_over(&mut engine);
        let accounts = &engine.state().accounts;
        assert_eq!(accounts.len(), 4, "the default account and 3 members");
        assert!(!accounts.contains_key("444455556666"));
        assert_eq!(accounts["123456789012"].created, 1_000);
    }

    #[test]
    fn settings_missing_from_an_older_journal_take_their_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"accountId": "111122223333"}"#).unwrap();
        assert_eq!(
            settings,
            Settings {
                account_id: "111122223333".into(),
                ..Settings::default()
            }
        );
    }
}
