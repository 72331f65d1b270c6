//! The Console tab's command line: `aws account ...`, `aws iam ...`,
//! `aws sts ...` and `aws organizations ...` lines run on the engine as the
//! `Acting as` principal (as the AWS CLI runs with that principal's
//! credentials), printing what AWS CLI v1 prints; and the transcript and
//! history, which outlive a visit to another tab. `--profile` is accepted
//! and ignored, as every global option that names no real setting here:
//! the principal is the one `Acting as` shows.

use std::collections::VecDeque;

use account_engine::{ApiError, Operation, OrgOperation, QueryService};
use account_training::services::{query_params, xml, OperationModel};
use account_training::{
    format_error, format_output, format_service_error, format_service_output, parse_command_line,
    CliCall, CliCommand, CliParseError, Service, ServiceCall,
};
use leptos::prelude::*;
use serde_json::{json, Value};

use crate::client::activity::Source;
use crate::client::{Failure, Sandbox};

/// How many runs the transcript keeps, and lines the history.
pub const CAPACITY: usize = 200;

/// What one command printed, on each stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printed {
    pub stdout: String,
    pub stderr: String,
}

impl Printed {
    fn out(text: String) -> Self {
        Self {
            stdout: text,
            ..Self::default()
        }
    }

    fn err(text: String) -> Self {
        Self {
            stderr: text,
            ..Self::default()
        }
    }
}

/// Runs one command line and returns what the AWS CLI prints for it.
pub fn run(sandbox: &Sandbox, line: &str) -> Printed {
    match parse_command_line(line) {
        Ok(CliCommand::Help(text)) => Printed::out(text),
        Ok(CliCommand::Call(call)) => match execute(sandbox, &call) {
            Ok(output) => Printed::out(format_output(call.operation, &output, call.output)),
            Err(error) => Printed::err(format_error(call.operation, &error)),
        },
        Ok(CliCommand::Service(call)) => match execute_service(sandbox, &call) {
            Ok(output) => Printed::out(format_service_output(call.operation, &output, call.output)),
            Err(failure) => Printed::err(format_service_error(
                call.operation.name,
                &failure.code,
                failure.status,
                &failure.message,
            )),
        },
        Err(error) => Printed::err(parse_error_report(&error)),
    }
}

fn execute(sandbox: &Sandbox, call: &CliCall) -> Result<Value, ApiError> {
    if !call.paginate {
        return sandbox.call_json(Source::Console, call.operation, &call.input);
    }
    all_regions(sandbox, call.operation, call.input.clone())
}

/// The CLI's own paging of ListRegions (its only paginated operation): it
/// follows `NextToken` and prints the pages' Regions as one response.
fn all_regions(
    sandbox: &Sandbox,
    operation: Operation,
    mut input: Value,
) -> Result<Value, ApiError> {
    let mut regions = Vec::new();
    loop {
        let mut page = sandbox.call_json(Source::Console, operation, &input)?;
        if let Some(Value::Array(items)) = page.get_mut("Regions").map(Value::take) {
            regions.extend(items);
        }
        match page.get("NextToken").and_then(Value::as_str) {
            Some(token) if !token.is_empty() => input["NextToken"] = token.into(),
            _ => return Ok(json!({ "Regions": regions })),
        }
    }
}

/// Runs an IAM, STS or Organizations call, following its pages as the CLI
/// does when it paginates, and gives the output the CLI prints.
fn execute_service(sandbox: &Sandbox, call: &ServiceCall) -> Result<Value, Failure> {
    let operation = call.operation;
    let mut input = call.input.clone();
    let mut pages = Vec::new();
    loop {
        let page = call_service(sandbox, call.service, operation, &input)?;
        let next = call
            .paginate
            .then(|| operation.next_page(&input, &page))
            .flatten();
        pages.push(page);
        match next {
            Some(next) => input = next,
            None if call.paginate => return Ok(operation.full_result(pages)),
            None => return Ok(pages.pop().unwrap_or_default()),
        }
    }
}

/// One request as the `Acting as` principal, its answer as the JSON of the
/// output shape (the Query services' XML read by that shape).
fn call_service(
    sandbox: &Sandbox,
    service: Service,
    operation: &OperationModel,
    input: &Value,
) -> Result<Value, Failure> {
    let query = match service {
        Service::Organizations => {
            let operation = OrgOperation::from_name(operation.name)
                .expect("the tables hold the engine's operations (a training test checks)");
            return sandbox.call_organizations(Source::Console, operation, input);
        }
        Service::Iam => QueryService::Iam,
        Service::Sts => QueryService::Sts,
    };
    let params = query_params(input);
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let caller = untrack(|| sandbox.principal());
    let body = sandbox.call_query_as(&caller, Source::Console, query, operation.name, &params)?;
    xml::answer_to_json(&body, operation.name, operation.output).map_err(|error| Failure {
        code: "InternalFailure".into(),
        message: error.to_string(),
        status: 500,
        field: None,
    })
}

/// What AWS CLI v1 prints before `aws: error: ...` when argparse refuses
/// a command line (`awscli/argparser.py`), less the line urging an upgrade
/// to version 2 that 1.46 puts first.
const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
To see help text, you can run:\n\
\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// How a refused command line is reported: argparse's refusals with the
/// CLI's usage and `aws: error:`, a bad parameter value as the CLI's
/// ParamError (a blank line first), and what only this console refuses
/// (shell syntax, other programs, unsupported options) in its own words.
pub fn parse_error_report(error: &CliParseError) -> String {
    match error {
        CliParseError::MissingCommand
        | CliParseError::UnknownService(_)
        | CliParseError::UnknownCommand { .. }
        | CliParseError::MissingValue { .. }
        | CliParseError::MissingRequired { .. }
        | CliParseError::InvalidInteger { .. }
        | CliParseError::InvalidOutput(_) => format!("{USAGE}aws: error: {error}\n"),
        CliParseError::UnknownOptions(_) => format!("{USAGE}\n{error}\n"),
        CliParseError::InvalidJson { .. }
        | CliParseError::IntLiteral(_)
        | CliParseError::InvalidShorthand { .. } => {
            format!("\n{error}\n")
        }
        CliParseError::Shell(_)
        | CliParseError::Empty
        | CliParseError::NotAws(_)
        | CliParseError::Unsupported { .. } => format!("{error}\n"),
    }
}

/// Lines run before, recalled with ArrowUp and ArrowDown as in a shell.
#[derive(Debug, Default)]
pub struct History {
    lines: VecDeque<String>,
    /// The line shown, while browsing; `None` at the (new) bottom line.
    cursor: Option<usize>,
    /// What was typed before browsing, given back past the newest line.
    draft: String,
}

impl History {
    /// Remembers a line that was run (not twice in a row, as `ignoredups`).
    pub fn push(&mut self, line: &str) {
        self.cursor = None;
        self.draft.clear();
        if line.trim().is_empty() || self.lines.back().is_some_and(|l| l == line) {
            return;
        }
        self.lines.push_back(line.to_owned());
        if self.lines.len() > CAPACITY {
            self.lines.pop_front();
        }
    }

    /// The line before the one shown; `None` when there is none.
    pub fn older(&mut self, typed: &str) -> Option<String> {
        let index = match self.cursor {
            None => {
                self.draft = typed.to_owned();
                self.lines.len().checked_sub(1)?
            }
            Some(index) => index.checked_sub(1)?,
        };
        self.cursor = Some(index);
        Some(self.lines[index].clone())
    }

    /// The line after the one shown, then what was typed before browsing.
    pub fn newer(&mut self) -> Option<String> {
        let index = self.cursor? + 1;
        if index < self.lines.len() {
            self.cursor = Some(index);
            Some(self.lines[index].clone())
        } else {
            self.cursor = None;
            Some(std::mem::take(&mut self.draft))
        }
    }
}

/// One command and what it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub id: u64,
    pub command: String,
    pub printed: Printed,
}

/// The console's state, provided by the app so that the transcript and the
/// history survive switching tabs.
#[derive(Clone, Copy)]
pub struct Console {
    transcript: RwSignal<VecDeque<Run>>,
    history: StoredValue<History>,
    next_id: StoredValue<u64>,
}

impl Console {
    pub fn new() -> Self {
        Self {
            transcript: RwSignal::new(VecDeque::new()),
            history: StoredValue::new(History::default()),
            next_id: StoredValue::new(0),
        }
    }

    /// Runs a line, echoes it with what it printed; blank lines do nothing.
    pub fn run(&self, sandbox: &Sandbox, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let printed = run(sandbox, line);
        self.history.update_value(|h| h.push(line));
        let id = self.next_id.get_value() + 1;
        self.next_id.set_value(id);
        self.transcript.update(|runs| {
            runs.push_back(Run {
                id,
                command: line.to_owned(),
                printed,
            });
            if runs.len() > CAPACITY {
                runs.pop_front();
            }
        });
    }

    /// Subscribes the current reactive scope to new output.
    pub fn track(&self) {
        self.transcript.track();
    }

    /// Oldest first, as a terminal shows them.
    pub fn transcript(&self) -> VecDeque<Run> {
        self.transcript.get()
    }

    pub fn clear(&self) {
        self.transcript.set(VecDeque::new());
    }

    pub fn older(&self, typed: &str) -> Option<String> {
        self.history.try_update_value(|h| h.older(typed)).flatten()
    }

    pub fn newer(&self) -> Option<String> {
        self.history.try_update_value(History::newer).flatten()
    }
}

impl Default for Console {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::storage::MemoryStorage;
    use account_engine::{Config, Engine, ManualClock};

    fn sandbox() -> Sandbox {
        let engine = Engine::new(ManualClock::at(0), Config::default());
        Sandbox::new(engine, Box::new(MemoryStorage::default()))
    }

    const PUT: &str = "aws account put-alternate-contact --alternate-contact-type BILLING \
        --name 'Bill Ing' --title Billing --email-address bill@example.com \
        --phone-number '+1 555-555-5555'";

    #[test]
    fn a_put_prints_nothing_and_a_get_prints_each_format_as_the_cli() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        assert_eq!(run(&s, PUT), Printed::default());
        let get = "aws account get-alternate-contact --alternate-contact-type BILLING";
        assert_eq!(
            run(&s, &format!("{get} --output text")).stdout,
            "ALTERNATECONTACT\tBILLING\tbill@example.com\tBill Ing\t+1 555-555-5555\tBilling\n"
        );
        assert!(run(&s, get)
            .stdout
            .starts_with("{\n    \"AlternateContact\": {\n        \"Name\": \"Bill Ing\","));
        assert!(run(&s, &format!("{get} --output table"))
            .stdout
            .contains("||  AlternateContactType |  BILLING           ||"));
        let logged = s.activity.entries();
        assert_eq!(logged.len(), 4);
        assert!(logged.iter().all(|e| e.source == Source::Console));
    }

    #[test]
    fn a_service_error_is_the_cli_error_line_on_stderr() {
        let owner = Owner::new();
        owner.set();
        let printed = run(
            &sandbox(),
            "aws account get-alternate-contact --alternate-contact-type SECURITY",
        );
        assert_eq!(printed.stdout, "");
        assert_eq!(
            printed.stderr,
            "\nAn error occurred (ResourceNotFoundException) when calling the GetAlternateContact operation: No contact of the inputted alternate contact type found.\n"
        );
    }

    #[test]
    fn list_regions_gathers_every_page_as_the_cli_does() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        let printed = run(&s, "aws account list-regions --output text");
        assert_eq!(printed.stdout.lines().count(), 34, "{}", printed.stdout);
        assert!(s.activity.entries().len() > 1, "one request per page");
        let one_page = run(&s, "aws account list-regions --max-results 2 --output text");
        assert_eq!(one_page.stdout.lines().count(), 3, "token and two regions");
    }

    #[test]
    fn refused_lines_are_reported_as_the_cli_reports_them_and_call_nothing() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        let missing = run(&s, "aws account get-alternate-contact");
        assert!(missing.stderr.starts_with("usage: aws [options] <command>"));
        assert!(missing.stderr.ends_with(
            "  aws <command> <subcommand> help\naws: error: the following arguments are required: --alternate-contact-type\n"
        ));
        // Byte for byte what awscli 1.46.2 prints after its version-2 note.
        assert_eq!(
            run(
                &s,
                "aws account get-alternate-contact --bogus 1 --alternate-contact-type BILLING"
            )
            .stderr,
            format!("{USAGE}\nUnknown options: --bogus, 1\n")
        );
        let json = run(
            &s,
            "aws account put-contact-information --contact-information '{'",
        );
        assert!(json
            .stderr
            .starts_with("\nError parsing parameter '--contact-information': Invalid JSON:"));
        assert_eq!(
            run(&s, "aws account list-regions | head")
                .stderr
                .lines()
                .count(),
            1
        );
        assert!(s.activity.entries().is_empty());
        assert!(run(&s, "aws account help")
            .stdout
            .contains("get-alternate-contact"));
    }

    #[test]
    fn iam_sts_and_organizations_commands_run_as_the_acting_principal() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        assert_eq!(
            run(&s, "aws sts get-caller-identity").stdout,
            "{\n    \"UserId\": \"000000000000\",\n    \"Account\": \"000000000000\",\n    \"Arn\": \"arn:aws:iam::000000000000:root\"\n}\n"
        );
        let created = run(
            &s,
            "aws iam create-user --user-name alice --tags Key=team,Value=a",
        );
        assert!(
            created.stdout.starts_with(
                "{\n    \"User\": {\n        \"Path\": \"/\",\n        \"UserName\": \"alice\",\n"
            ),
            "{created:?}"
        );
        assert!(created.stdout.contains("\"Tags\": [\n            {\n                \"Key\": \"team\",\n                \"Value\": \"a\"\n"), "{}", created.stdout);
        assert_eq!(
            run(&s, "aws iam get-user --user-name bob").stderr,
            "\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name bob cannot be found.\n"
        );
        let listed = run(&s, "aws iam list-users --output text");
        assert!(
            listed
                .stdout
                .starts_with("USERS\tarn:aws:iam::000000000000:user/alice\t"),
            "{listed:?}"
        );
        assert!(
            !listed.stdout.contains("False"),
            "the paginated output drops IsTruncated"
        );

        s.set_caller("arn:aws:iam::000000000000:user/alice".into());
        let identity = run(&s, "aws sts get-caller-identity --output text");
        assert!(
            identity
                .stdout
                .starts_with("000000000000\tarn:aws:iam::000000000000:user/alice\tAIDA"),
            "{identity:?}"
        );
        let refused = run(&s, "aws iam list-users");
        assert!(
            refused.stderr.starts_with("\nAn error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::000000000000:user/alice is not authorized"),
            "{refused:?}"
        );

        let logged = s.activity.entries();
        assert!(logged.iter().all(|e| e.source == Source::Console));
        assert_eq!(logged[0].service, "iam");
        assert_eq!(logged[0].caller, "arn:aws:iam::000000000000:user/alice");
        let create = logged.iter().find(|e| e.operation == "CreateUser").unwrap();
        assert_eq!(
            create.request,
            json!({"UserName": "alice", "Tags.member.1.Key": "team", "Tags.member.1.Value": "a"})
        );
    }

    #[test]
    fn organizations_commands_print_their_json_and_page_as_the_cli() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        assert!(run(&s, "aws organizations list-roots")
            .stderr
            .starts_with("\nAn error occurred (AWSOrganizationsNotInUseException) when calling the ListRoots operation: "));
        assert!(run(
            &s,
            "aws organizations create-organization --feature-set ALL"
        )
        .stdout
        .contains("\"FeatureSet\": \"ALL\""));
        let roots = run(&s, "aws organizations list-roots --output text").stdout;
        assert!(
            roots.starts_with("ROOTS\tarn:aws:organizations::000000000000:root/o-"),
            "{roots}"
        );
        assert!(run(&s, "aws organizations list-accounts")
            .stdout
            .contains("\"Id\": \"000000000000\""));
        assert_eq!(s.activity.entries()[0].service, "organizations");
    }

    #[test]
    fn history_walks_back_and_forth_and_returns_to_what_was_typed() {
        let mut h = History::default();
        assert_eq!(h.older("draft"), None);
        for line in ["one", "two", "two", "  "] {
            h.push(line);
        }
        assert_eq!(h.newer(), None, "not browsing");
        assert_eq!(h.older("half typed").as_deref(), Some("two"));
        assert_eq!(h.older("").as_deref(), Some("one"));
        assert_eq!(h.older(""), None, "the oldest stays");
        assert_eq!(h.newer().as_deref(), Some("two"));
        assert_eq!(h.newer().as_deref(), Some("half typed"));
        assert_eq!(h.newer(), None);
    }

    #[test]
    fn the_console_keeps_runs_oldest_first_and_skips_blank_lines() {
        let owner = Owner::new();
        owner.set();
        let s = sandbox();
        let console = Console::new();
        console.run(&s, "   ");
        console.run(&s, "help");
        console.run(&s, "aws account get-account-information --output text");
        let runs = console.transcript();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].command, "help");
        assert!(runs[1].printed.stdout.contains("000000000000"));
        assert_eq!(
            console.older("").as_deref(),
            Some("aws account get-account-information --output text")
        );
        console.clear();
        assert!(console.transcript().is_empty());
    }
}
