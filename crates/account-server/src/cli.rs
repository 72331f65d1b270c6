//! Command-line flags, and the engine and sandbox they describe.

use std::path::PathBuf;

use account_engine::{Config, Engine, Millis, Timings, DEFAULT_ACCOUNT_ID};
use clap::Parser;

use crate::clock::SystemClock;
use crate::error::StateFileError;
use crate::sandbox::Sandbox;
use crate::state_file::StateFile;

/// Serves the AWS Account Management API sandbox over HTTP.
#[derive(Debug, Clone, Parser)]
#[command(name = "account-server", version)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on.
    #[arg(long, default_value_t = 4566)]
    pub port: u16,
    /// The account of callers whose access key id is not a 12-digit account id.
    #[arg(long, default_value = DEFAULT_ACCOUNT_ID, value_parser = account_id)]
    pub account_id: String,
    /// How long a region takes to become ENABLED after EnableRegion
    /// (fractions allowed; default as observed on the real service).
    #[arg(long, default_value = "137", value_parser = seconds)]
    pub enable_seconds: Millis,
    /// How long a region takes to become DISABLED after DisableRegion.
    #[arg(long, default_value = "50", value_parser = seconds)]
    pub disable_seconds: Millis,
    /// Keep the state in this file: loaded at start if present, replaced
    /// atomically after every change.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Start with an organization of N new member accounts, managed by the
    /// default account, with trusted access for Account Management enabled.
    /// Skipped if the default account already belongs to an organization
    /// (for example one loaded from --state).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub demo_organization: Option<u32>,
}

fn account_id(value: &str) -> Result<String, String> {
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value.to_owned())
    } else {
        Err("an account id is exactly 12 digits".to_owned())
    }
}

/// Seconds, possibly fractional, as milliseconds.
fn seconds(value: &str) -> Result<Millis, String> {
    let seconds: f64 = value
        .parse()
        .map_err(|_| format!("{value} is not a number of seconds"))?;
    // Ten years: far beyond any real opt-in, and safely inside Millis.
    const MAX_SECONDS: f64 = 10.0 * 365.0 * 86_400.0;
    if !(0.0..=MAX_SECONDS).contains(&seconds) {
        return Err(format!(
            "{value} is not between 0 and {MAX_SECONDS} seconds"
        ));
    }
    Ok((seconds * 1000.0).round() as Millis)
}

impl Args {
    pub fn engine(&self) -> Engine {
        let config = Config {
            default_account: self.account_id.clone(),
            timings: Timings {
                enable: self.enable_seconds,
                disable: self.disable_seconds,
            },
            ..Config::default()
        };
        Engine::new(SystemClock, config)
    }

    pub fn sandbox(&self) -> Result<Sandbox, StateFileError> {
        let sandbox = match &self.state {
            Some(path) => Sandbox::persistent(self.engine(), StateFile::new(path)?)?,
            None => Sandbox::in_memory(self.engine()),
        };
        if let Some(members) = self.demo_organization {
            sandbox.change(|engine| demo_organization(engine, members))?;
        }
        Ok(sandbox)
    }
}

/// Creates the demo organization unless the default account already
/// belongs to one.
fn demo_organization(engine: &mut Engine, members: u32) {
    if engine
        .state()
        .organization_of(engine.default_account())
        .is_none()
    {
        let members = usize::try_from(members).expect("at most 100,000 members");
        engine
            .create_demo_organization(members)
            .expect("the default account is in no organization, and members get unused ids");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("account-server").chain(args.iter().copied()))
    }

    #[test]
    fn defaults_follow_the_real_service() {
        let args = parse(&[]).unwrap();
        assert_eq!((args.host.as_str(), args.port), ("127.0.0.1", 4566));
        assert_eq!(args.account_id, "000000000000");
        assert_eq!(
            Timings {
                enable: args.enable_seconds,
                disable: args.disable_seconds
            },
            Timings::REALISTIC
        );
        assert_eq!(args.state, None);
        assert_eq!(args.demo_organization, None);
        let engine = args.engine();
        assert_eq!(engine.default_account(), "000000000000");
        assert_eq!(engine.config().timings, Timings::REALISTIC);
    }

    #[test]
    fn accepts_fractional_seconds_and_a_custom_account() {
        let args = parse(&[
            "--port=0",
            "--account-id=123456789012",
            "--enable-seconds=0.5",
            "--disable-seconds",
            "0.0004",
            "--state=/tmp/x.json",
        ])
        .unwrap();
        let engine = args.engine();
        assert_eq!(engine.default_account(), "123456789012");
        assert_eq!(
            engine.config().timings,
            Timings {
                enable: 500,
                disable: 0
            }
        );
        assert_eq!(args.state, Some(PathBuf::from("/tmp/x.json")));
    }

    #[test]
    fn a_demo_organization_is_created_once_for_the_default_account() {
        let args = parse(&["--demo-organization", "25", "--account-id=123456789012"]).unwrap();
        assert_eq!(args.demo_organization, Some(25));
        let mut engine = args.engine();
        demo_organization(&mut engine, 25);
        let org = engine.state().organization_of("123456789012").unwrap();
        assert_eq!(org.management_account_id, "123456789012");
        assert_eq!(org.members.len(), 26);
        assert!(org.trusted_access);
        let before = engine.snapshot();
        demo_organization(&mut engine, 5);
        assert_eq!(engine.snapshot(), before);
    }

    #[test]
    fn refuses_bad_values() {
        for bad in [
            ["--account-id", "12345"],
            ["--account-id", "12345678901a"],
            ["--enable-seconds", "-1"],
            ["--enable-seconds", "NaN"],
            ["--disable-seconds", "inf"],
            ["--disable-seconds", "soon"],
            ["--port", "70000"],
            ["--demo-organization", "0"],
            ["--demo-organization", "100001"],
            ["--demo-organization", "some"],
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }
}
