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
        match &self.state {
            Some(path) => Sandbox::persistent(self.engine(), StateFile::new(path)?),
            None => Ok(Sandbox::in_memory(self.engine())),
        }
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
    fn refuses_bad_values() {
        for bad in [
            ["--account-id", "12345"],
            ["--account-id", "12345678901a"],
            ["--enable-seconds", "-1"],
            ["--enable-seconds", "NaN"],
            ["--disable-seconds", "inf"],
            ["--disable-seconds", "soon"],
            ["--port", "70000"],
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }
}
