//! Command-line flags, and the settings and sandbox they describe.

use std::path::PathBuf;

use account_engine::{Millis, DEFAULT_ACCOUNT_ID};
use clap::Parser;

use crate::clock::SystemClock;
use crate::error::StateFileError;
use crate::recovery;
use crate::sandbox::Sandbox;
use crate::settings::Settings;
use crate::state_file::StateFile;

const SANDBOX_ENDPOINTS: &str = "\
Besides the AWS endpoints (the Account API at POST /<operation>, AWS
Organizations at any path with X-Amz-Target), the server answers:

  GET  /_sandbox/health   200 with the version, uptime in seconds, account
                          count, and whether (and where) the state is persisted
  GET  /_sandbox/inbox    the one-time passwords and verification codes the
                          sandbox \"sent\", oldest first
  POST /_sandbox/reset    back to how these flags start the sandbox (default
                          account, --account-id, --demo-organization), dropping
                          what --state had loaded; saved before the answer
  POST /moto-api/reset    the same, for suites written for moto's server mode";

/// Serves the AWS Account Management API sandbox over HTTP.
#[derive(Debug, Clone, Parser)]
#[command(name = "account-server", version, after_help = SANDBOX_ENDPOINTS)]
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
    /// How long an accepted primary email update takes to become COMPLETED
    /// (the real service takes up to four hours).
    #[arg(long, default_value = "5", value_parser = seconds)]
    pub primary_email_seconds: Millis,
    /// Keep the state in this file (the page's export format) and a journal
    /// of changes beside it (FILE.journal.N): loaded at start; every change
    /// is synced to the journal before it is answered, and folded into FILE
    /// in the background and at shutdown.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Fold the journal into the state file once it holds this many bytes
    /// (default: the state file's size, at least 1 MiB).
    #[arg(long, value_name = "BYTES", requires = "state", value_parser = clap::value_parser!(u64).range(1..))]
    pub journal_limit: Option<u64>,
    /// Print the state that --state FILE and its journal hold, in the page's
    /// export format, and exit without serving or changing anything; works
    /// while a server runs on FILE.
    #[arg(long, requires = "state")]
    pub export: bool,
    /// Start with an organization of N new member accounts, managed by the
    /// default account, with trusted access for Account Management enabled.
    /// Skipped if the default account already belongs to an organization
    /// (for example one loaded from --state).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub demo_organization: Option<u32>,
    /// Count requests as arriving over TLS, so `aws:SecureTransport` is
    /// true in policy conditions (the server itself serves plain HTTP; use
    /// this behind a proxy that terminates TLS).
    #[arg(long)]
    pub secure_transport: bool,
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
    pub fn settings(&self) -> Settings {
        Settings {
            account_id: self.account_id.clone(),
            enable_millis: self.enable_seconds,
            disable_millis: self.disable_seconds,
            primary_email_millis: self.primary_email_seconds,
            demo_organization: self.demo_organization,
            secure_transport: self.secure_transport,
        }
    }

    pub fn sandbox(&self) -> Result<Sandbox, StateFileError> {
        match &self.state {
            Some(path) => Sandbox::persistent(
                self.settings(),
                SystemClock,
                StateFile::new(path)?,
                self.journal_limit,
            ),
            None => Ok(Sandbox::in_memory(self.settings(), SystemClock)),
        }
    }

    /// What `--export` prints.
    pub fn export(&self) -> Result<String, StateFileError> {
        let path = self.state.as_ref().expect("clap requires --state");
        recovery::export(&self.settings(), &SystemClock, &StateFile::new(path)?)
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
        assert_eq!(args.state, None);
        assert_eq!(args.journal_limit, None);
        assert!(!args.export);
        assert_eq!(args.settings(), Settings::default());
        assert_eq!(
            args.settings().primary_email_millis,
            5_000,
            "seconds, not hours"
        );
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
            "--journal-limit=4096",
            "--demo-organization=3",
            "--primary-email-seconds=1.5",
            "--secure-transport",
        ])
        .unwrap();
        assert_eq!(
            args.settings(),
            Settings {
                account_id: "123456789012".into(),
                enable_millis: 500,
                disable_millis: 0,
                primary_email_millis: 1_500,
                demo_organization: Some(3),
                secure_transport: true,
            }
        );
        assert_eq!(args.state, Some(PathBuf::from("/tmp/x.json")));
        assert_eq!(args.journal_limit, Some(4096));
    }

    #[test]
    fn refuses_bad_values() {
        for bad in [
            &["--account-id", "12345"][..],
            &["--account-id", "12345678901a"],
            &["--enable-seconds", "-1"],
            &["--enable-seconds", "NaN"],
            &["--disable-seconds", "inf"],
            &["--disable-seconds", "soon"],
            &["--port", "70000"],
            &["--demo-organization", "0"],
            &["--demo-organization", "100001"],
            &["--demo-organization", "some"],
            &["--journal-limit", "100"],
            &["--state", "s.json", "--journal-limit", "0"],
            &["--export"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_help_describes_the_sandbox_endpoints() {
        let help = <Args as clap::CommandFactory>::command()
            .render_help()
            .to_string();
        for endpoint in [
            "GET  /_sandbox/health",
            "POST /_sandbox/reset",
            "POST /moto-api/reset",
        ] {
            assert!(help.contains(endpoint), "{endpoint} in {help}");
        }
    }
}
