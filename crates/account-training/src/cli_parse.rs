//! Reading an `aws <service> <command> --options` command line, as AWS CLI
//! v1 reads it, into the call it makes: the Account API by its own model
//! (`model.rs`), IAM, STS and Organizations by the tables of
//! [`crate::services`].

use account_engine::Operation;
use serde_json::{Map, Value};

use crate::cli_output::OutputFormat;
use crate::cli_render::{has_paramfile_prefix, is_py_whitespace};
use crate::difflib::close_matches;
use crate::model::{
    command_name, description, input_members, member_for_option, operation_for_command,
    InputMember, MemberType,
};
use crate::py::str_repr;
use crate::services::{OperationModel, Service};
use crate::shell::{self, ShellError};

/// The call a command line makes.
#[derive(Debug, Clone, PartialEq)]
pub struct CliCall {
    pub operation: Operation,
    /// The request: a JSON object of the members given.
    pub input: Value,
    /// `--output`, JSON by default.
    pub output: OutputFormat,
    /// Whether the CLI pages through all results itself, following
    /// `NextToken` and printing them as one: ListRegions without
    /// `--no-paginate`, `--max-results` or `--next-token`.
    pub paginate: bool,
}

/// A call of IAM, STS or Organizations a command line makes.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceCall {
    pub service: Service,
    pub operation: &'static OperationModel,
    /// The request: a JSON object of the members given.
    pub input: Value,
    pub output: OutputFormat,
    /// Whether the CLI pages through all results itself (the operation
    /// has a paginator, and neither `--no-paginate` nor its token or limit
    /// option is given).
    pub paginate: bool,
}

/// What a command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum CliCommand {
    Call(CliCall),
    Service(ServiceCall),
    /// `help`, `aws help`, `aws account help` or `aws account <command> help`:
    /// the text to show.
    Help(String),
}

/// Why a command line is not a call this console can make.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliParseError {
    #[error(transparent)]
    Shell(#[from] ShellError),
    #[error("the command line is empty; try `aws help`")]
    Empty,
    #[error("only `aws` commands run here, not `{0}`; try `aws help`")]
    NotAws(String),
    #[error(
        "the services here are account, iam, organizations and sts, not `{0}`; try `aws help`"
    )]
    UnknownService(String),
    #[error("the following arguments are required: command; try `aws help`")]
    MissingCommand,
    #[error("invalid choice: `{command}` is not an `aws {service}` command{}", maybe(.suggestion))]
    UnknownCommand {
        service: String,
        command: String,
        suggestion: Option<String>,
    },
    /// A shorthand value (`Key=a,Value=b`) with a part that is not
    /// `name=value`.
    #[error(
        "Error parsing parameter '{option}': Expected: '=', received: 'EOF' for input:\n{text}"
    )]
    InvalidShorthand { option: String, text: String },
    /// Words no option or argument took, in order, as the AWS CLI collects
    /// them (argparse's `parse_known_args`) and reports them once the rest
    /// of the line parsed.
    #[error("Unknown options: {}", .0.join(", "))]
    UnknownOptions(Vec<String>),
    #[error("argument {option}: expected one argument")]
    MissingValue { option: String },
    #[error("the following arguments are required: {}", .options.join(", "))]
    MissingRequired {
        command: String,
        options: Vec<String>,
    },
    #[error("Error parsing parameter '{option}': Invalid JSON: {message}")]
    InvalidJson { option: String, message: String },
    #[error("argument {option}: invalid int value: '{value}'")]
    InvalidInteger { option: String, value: String },
    #[error("argument --output: {}", invalid_choice(.0, &OUTPUT_CHOICES))]
    InvalidOutput(String),
    /// A bad value of an integer member: Python's `int()` refusing it,
    /// which the AWS CLI prints as it is.
    #[error("invalid literal for int() with base 10: {}", str_repr(.0))]
    IntLiteral(String),
    #[error("{option} is not supported here: {reason}")]
    Unsupported { option: String, reason: String },
}

/// `--output`'s choices, in the order the AWS CLI lists them.
const OUTPUT_CHOICES: [&str; 3] = ["json", "text", "table"];

/// The message of awscli's `CLIArgParser._check_value`: the choices two to
/// a line, each padded to 40 columns, then close matches if there are any.
fn invalid_choice(value: &str, choices: &[&str]) -> String {
    let mut lines = vec!["Invalid choice, valid choices are:\n".to_owned()];
    for pair in choices.chunks(2) {
        let padded: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        lines.push(padded.join(" | "));
    }
    let possible = close_matches(value, choices, 0.8);
    if !possible.is_empty() {
        lines.push(format!(
            "\n\nInvalid choice: {}, maybe you meant:\n",
            str_repr(value)
        ));
        lines.extend(possible.iter().map(|p| format!("  * {p}")));
    }
    lines.join("\n")
}

fn maybe(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// Global options that take a value and change nothing here.
const IGNORED_WITH_VALUE: [&str; 7] = [
    "--endpoint-url",
    "--region",
    "--profile",
    "--color",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
];
/// Global flags that change nothing here.
const IGNORED_FLAGS: [&str; 4] = [
    "--no-cli-pager",
    "--debug",
    "--no-verify-ssl",
    "--no-sign-request",
];
const UNSUPPORTED: [(&str, &str); 6] = [
    (
        "--query",
        "JMESPath queries are not available in this console",
    ),
    (
        "--max-items",
        "use --max-results and --next-token to page by hand",
    ),
    (
        "--starting-token",
        "use --next-token with a NextToken from a previous response",
    ),
    (
        "--generate-cli-skeleton",
        "write the input as options or --cli-input-json",
    ),
    ("--cli-auto-prompt", "this console does not prompt"),
    ("--version", "this console is not a CLI install"),
];

/// argparse's view of whether a word is an option rather than a value.
fn looks_like_option(word: &str) -> bool {
    if !word.starts_with('-') || word.len() == 1 {
        return false;
    }
    // `--option=value` is an option even when the value has spaces, as
    // argparse checks for `=` before it checks for spaces.
    if let Some((option, _)) = word.split_once('=') {
        if option.len() > 2 && option.starts_with("--") && !option.contains(' ') {
            return true;
        }
    }
    let rest = &word[1..];
    let negative_number = !rest.is_empty()
        && (rest.chars().all(|c| c.is_ascii_digit())
            || rest.split_once('.').is_some_and(|(a, b)| {
                a.chars().all(|c| c.is_ascii_digit())
                    && !b.is_empty()
                    && b.chars().all(|c| c.is_ascii_digit())
            }));
    !negative_number && !word.contains(' ')
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min()
        .map(|(_, c)| c.to_owned())
}

/// Python's `int()` of a command-line string.
fn parse_int(option: &str, text: &str) -> Result<Value, CliParseError> {
    let invalid = || CliParseError::InvalidInteger {
        option: option.to_owned(),
        value: text.to_owned(),
    };
    let trimmed = text.trim_matches(is_py_whitespace);
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.chars().all(|c| c.is_ascii_digit() || c == '_');
    if !well_formed {
        return Err(invalid());
    }
    let magnitude: u64 = digits.replace('_', "").parse().map_err(|_| invalid())?;
    if negative {
        let value = 0i64.checked_sub_unsigned(magnitude).ok_or_else(invalid)?;
        Ok(Value::from(value))
    } else {
        Ok(Value::from(magnitude))
    }
}

fn parse_json(option: &str, text: &str) -> Result<Value, CliParseError> {
    serde_json::from_str(text).map_err(|e| CliParseError::InvalidJson {
        option: option.to_owned(),
        message: format!("{e}\nJSON received: {text}"),
    })
}

fn refuse_paramfile(option: &str, text: &str) -> Result<(), CliParseError> {
    if has_paramfile_prefix(text) {
        return Err(CliParseError::Unsupported {
            option: option.to_owned(),
            reason: format!(
                "the AWS CLI would load the value from the file or URL {text:?}; this console has no files: give the value itself, or put it in --cli-input-json"
            ),
        });
    }
    Ok(())
}

struct Words<'a> {
    words: &'a [String],
    next: usize,
}

impl<'a> Words<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let word = self.words.get(self.next)?;
        self.next += 1;
        Some(word)
    }

    /// The value of an option: the text after `=`, or the next word unless it
    /// looks like an option.
    fn value(&mut self, option: &str, inline: Option<&'a str>) -> Result<&'a str, CliParseError> {
        if let Some(inline) = inline {
            return Ok(inline);
        }
        match self.words.get(self.next) {
            Some(word) if !looks_like_option(word) => {
                self.next += 1;
                Ok(word)
            }
            _ => Err(CliParseError::MissingValue {
                option: option.to_owned(),
            }),
        }
    }

    /// The values of a list option: every following word up to an option.
    fn values(&mut self, inline: Option<&'a str>) -> Vec<&'a str> {
        if let Some(inline) = inline {
            return vec![inline];
        }
        let mut values = Vec::new();
        while let Some(word) = self.words.get(self.next) {
            if looks_like_option(word) {
                break;
            }
            values.push(word.as_str());
            self.next += 1;
        }
        values
    }
}

fn member_value<'a>(
    member: &InputMember,
    words: &mut Words<'a>,
    inline: Option<&'a str>,
) -> Result<Value, CliParseError> {
    let option = member.option;
    match member.kind {
        MemberType::String => {
            let text = words.value(option, inline)?;
            refuse_paramfile(option, text)?;
            Ok(Value::String(text.to_owned()))
        }
        MemberType::Integer => {
            let text = words.value(option, inline)?;
            parse_int(option, text).map_err(|_| CliParseError::IntLiteral(text.to_owned()))
        }
        MemberType::Structure => {
            let text = words.value(option, inline)?;
            refuse_paramfile(option, text)?;
            if !text.trim_start_matches(is_py_whitespace).starts_with('{') {
                return Err(CliParseError::InvalidJson {
                    option: option.to_owned(),
                    message: format!("expected a JSON object\nJSON received: {text}"),
                });
            }
            parse_json(option, text)
        }
        MemberType::Boolean => Ok(Value::Bool(true)),
        MemberType::StructureList => {
            let values = words.values(inline);
            if let [single] = values.as_slice() {
                refuse_paramfile(option, single)?;
                if single.trim_matches(is_py_whitespace).starts_with('[') {
                    return parse_json(option, single);
                }
            }
            values
                .into_iter()
                .map(|word| {
                    if word.trim_start_matches(is_py_whitespace).starts_with('{') {
                        parse_json(option, word)
                    } else {
                        shorthand(option, word)
                    }
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        MemberType::StringList => {
            let values = words.values(inline);
            if let [single] = values.as_slice() {
                refuse_paramfile(option, single)?;
                if single.trim_matches(is_py_whitespace).starts_with('[') {
                    return parse_json(option, single);
                }
            }
            Ok(Value::Array(
                values
                    .into_iter()
                    .map(|v| Value::String(v.to_owned()))
                    .collect(),
            ))
        }
    }
}

/// One structure in the CLI's shorthand, `Key=team,Value=a`: its members
/// as strings.
fn shorthand(option: &str, text: &str) -> Result<Value, CliParseError> {
    text.split(',')
        .map(|part| {
            let (name, value) =
                part.split_once('=')
                    .ok_or_else(|| CliParseError::InvalidShorthand {
                        option: option.to_owned(),
                        text: text.to_owned(),
                    })?;
            Ok((name.trim().to_owned(), Value::String(value.to_owned())))
        })
        .collect::<Result<Map<_, _>, _>>()
        .map(Value::Object)
}

/// `aws help`: the services, and how to list a service's commands.
pub fn services_help() -> String {
    "usage: aws <service> <command> [options]\n\nAvailable services:\n\n  account\n  iam\n  organizations\n  sts\n\n\
     Run `aws <service> help` for a service's commands. Commands run as the principal\n\
     chosen in Acting as; --profile, --region and --endpoint-url are accepted and ignored.\n"
        .to_owned()
}

/// `aws <service> help` for IAM, STS or Organizations: the commands this
/// sandbox serves.
pub fn service_help(service: Service) -> String {
    let mut commands: Vec<String> = service
        .operations()
        .iter()
        .map(OperationModel::command_name)
        .collect();
    commands.sort();
    let mut out = format!(
        "usage: aws {} <command> [options]\n\nAvailable commands:\n\n",
        service.cli_name()
    );
    for command in commands {
        out.push_str(&format!("  {command}\n"));
    }
    out.push_str(&format!(
        "\nRun `aws {} <command> help` for a command's options.\n",
        service.cli_name()
    ));
    out
}

/// The options of a command, required first, each with its kind.
fn options_help(members: &[InputMember]) -> String {
    let mut members: Vec<&InputMember> = members.iter().collect();
    members.sort_by_key(|m| (!m.required, m.option));
    let kind = |m: &InputMember| match m.kind {
        MemberType::String => "<string>".to_owned(),
        MemberType::Integer => "<integer>".to_owned(),
        MemberType::StringList => "<value> [<value>...]".to_owned(),
        MemberType::Structure => "<JSON object>".to_owned(),
        MemberType::Boolean => format!("| --no-{}", &m.option[2..]),
        MemberType::StructureList => "Key=value,... [...] | <JSON list>".to_owned(),
    };
    let lines: Vec<String> = members
        .iter()
        .map(|m| format!("{} {}", m.option, kind(m)))
        .collect();
    let width = lines.iter().map(String::len).max().unwrap_or(0);
    let mut out = String::new();
    for (line, member) in lines.iter().zip(&members) {
        let note = if member.required {
            "required"
        } else {
            "optional"
        };
        out.push_str(&format!("  {line:width$}  {note}\n"));
    }
    out
}

/// `aws <service> <command> help` for IAM, STS or Organizations.
pub fn service_command_help(service: Service, operation: &OperationModel) -> String {
    let mut out = format!(
        "usage: aws {} {} [options]\n\nOptions:\n\n{}",
        service.cli_name(),
        operation.command_name(),
        options_help(operation.members)
    );
    if operation.paging.is_some() {
        out.push_str(
            "\nThe CLI pages through all results unless --no-paginate or a paging option is given.\n",
        );
    }
    out
}

/// Lists the commands, one line each.
pub fn account_help() -> String {
    let mut commands: Vec<(String, &str)> = Operation::ALL
        .into_iter()
        .map(|op| (command_name(op), description(op)))
        .collect();
    commands.sort();
    let width = commands.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    let mut out = String::from("usage: aws account <command> [options]\n\nAvailable commands:\n\n");
    for (command, text) in commands {
        out.push_str(&format!("  {command:width$}  {text}\n"));
    }
    out.push_str(
        "\nGlobal options: --output json|text|table, --no-paginate, --cli-input-json <JSON>.\n\
         --endpoint-url, --region, --profile and --no-cli-pager are accepted and ignored.\n\
         Run `aws account <command> help` for a command's options.\n",
    );
    out
}

/// A command's description and options.
pub fn command_help(operation: Operation) -> String {
    let mut out = format!(
        "usage: aws account {} [options]\n\n{}\n\nOptions:\n\n{}",
        command_name(operation),
        description(operation),
        options_help(input_members(operation))
    );
    if operation == Operation::ListRegions {
        out.push_str(
            "\nThe CLI pages through all Regions unless --max-results, --next-token or\n\
             --no-paginate is given; --page-size <integer> sets MaxResults for each page.\n",
        );
    }
    out
}

/// Reads a command line in AWS CLI syntax (POSIX shell quoting).
pub fn parse_command_line(line: &str) -> Result<CliCommand, CliParseError> {
    parse_words(&shell::split(line)?)
}

/// The operation a command line names, of either kind of model.
#[derive(Clone, Copy)]
enum Chosen {
    Account(Operation),
    Other(Service, &'static OperationModel),
}

impl Chosen {
    fn members(self) -> &'static [InputMember] {
        match self {
            Self::Account(op) => input_members(op),
            Self::Other(_, op) => op.members,
        }
    }

    fn member_for_option(self, option: &str) -> Option<&'static InputMember> {
        match self {
            Self::Account(op) => member_for_option(op, option),
            Self::Other(_, op) => op.member_for_option(option),
        }
    }

    fn command_name(self) -> String {
        match self {
            Self::Account(op) => command_name(op),
            Self::Other(_, op) => op.command_name(),
        }
    }

    /// The member `--page-size` sets, when the CLI pages the operation.
    fn page_size_member(self) -> Option<&'static str> {
        match self {
            Self::Account(op) => (op == Operation::ListRegions).then_some("MaxResults"),
            Self::Other(_, op) => op.paging.as_ref().and_then(|p| p.limit_key),
        }
    }

    /// Whether the CLI pages it, and the members whose use turns that off.
    fn paging_members(self) -> Option<Vec<&'static str>> {
        match self {
            Self::Account(Operation::ListRegions) => Some(vec!["MaxResults", "NextToken"]),
            Self::Account(_) => None,
            Self::Other(_, op) => op
                .paging
                .as_ref()
                .map(|p| p.limit_key.into_iter().chain([p.input_token]).collect()),
        }
    }
}

/// The command `word` names in `service`.
fn choose(service: &str, word: &str) -> Result<Chosen, CliParseError> {
    let unknown = |commands: Vec<String>| CliParseError::UnknownCommand {
        service: service.to_owned(),
        command: word.to_owned(),
        suggestion: suggest(word, commands.iter().map(String::as_str)),
    };
    if service == "account" {
        return operation_for_command(word)
            .map(Chosen::Account)
            .ok_or_else(|| unknown(Operation::ALL.map(command_name).to_vec()));
    }
    let known = Service::from_cli_name(service)
        .ok_or_else(|| CliParseError::UnknownService(service.to_owned()))?;
    known
        .operation_for_command(word)
        .map(|op| Chosen::Other(known, op))
        .ok_or_else(|| {
            unknown(
                known
                    .operations()
                    .iter()
                    .map(OperationModel::command_name)
                    .collect(),
            )
        })
}

fn is_service(name: &str) -> bool {
    name == "account" || Service::from_cli_name(name).is_some()
}

/// `aws <service> help`.
fn help_of(service: &str) -> String {
    Service::from_cli_name(service).map_or_else(account_help, service_help)
}

/// Reads the words of a command line (`aws` first).
pub fn parse_words(words: &[String]) -> Result<CliCommand, CliParseError> {
    let Some(first) = words.first() else {
        return Err(CliParseError::Empty);
    };
    if words.len() == 1 && first == "help" {
        return Ok(CliCommand::Help(services_help()));
    }
    if first != "aws" {
        return Err(CliParseError::NotAws(first.clone()));
    }
    let mut words = Words { words, next: 1 };
    let mut service: Option<&str> = None;
    let mut operation: Option<Chosen> = None;
    let mut help = false;
    let mut output = OutputFormat::Json;
    let mut no_paginate = false;
    let mut page_size: Option<Value> = None;
    let mut cli_input_json: Option<Map<String, Value>> = None;
    let mut input = Map::new();
    let mut unknown: Vec<String> = Vec::new();
    while let Some(word) = words.next() {
        if !(word.starts_with("--") && word.len() > 2) {
            match (service, operation) {
                (None, _) if word == "help" => help = true,
                (None, _) => service = Some(word),
                (Some(_), _) if word == "help" => help = true,
                (Some(s), None) => operation = Some(choose(s, word)?),
                (Some(_), Some(_)) => unknown.push(word.to_owned()),
            }
            continue;
        }
        let (option, inline) = match word.split_once('=') {
            Some((option, value)) => (option, Some(value)),
            None => (word, None),
        };
        if option == "--output" {
            let value = words.value(option, inline)?;
            output = value
                .parse()
                .map_err(|_| CliParseError::InvalidOutput(value.to_owned()))?;
        } else if IGNORED_WITH_VALUE.contains(&option) {
            words.value(option, inline)?;
        } else if IGNORED_FLAGS.contains(&option) {
        } else if option == "--no-paginate" {
            no_paginate = true;
        } else if let Some((_, reason)) = UNSUPPORTED.iter().find(|(o, _)| *o == option) {
            return Err(CliParseError::Unsupported {
                option: option.to_owned(),
                reason: (*reason).to_owned(),
            });
        } else {
            let Some(op) = operation else {
                if let Some(s) = service.filter(|s| !is_service(s)) {
                    return Err(CliParseError::UnknownService(s.to_owned()));
                }
                unknown.push(word.to_owned());
                continue;
            };
            if option == "--cli-input-json" {
                let text = words.value(option, inline)?;
                refuse_paramfile(option, text)?;
                match parse_json(option, text)? {
                    Value::Object(map) => cli_input_json = Some(map),
                    _ => {
                        return Err(CliParseError::InvalidJson {
                            option: option.to_owned(),
                            message: format!("expected a JSON object\nJSON received: {text}"),
                        })
                    }
                }
            } else if option == "--page-size" && op.page_size_member().is_some() {
                page_size = Some(parse_int(option, words.value(option, inline)?)?);
            } else if let Some(member) = op.member_for_option(option) {
                input.insert(
                    member.name.to_owned(),
                    member_value(member, &mut words, inline)?,
                );
            } else if let Some(member) = option
                .strip_prefix("--no-")
                .and_then(|rest| op.member_for_option(&format!("--{rest}")))
                .filter(|m| m.kind == MemberType::Boolean && inline.is_none())
            {
                input.insert(member.name.to_owned(), Value::Bool(false));
            } else {
                unknown.push(word.to_owned());
            }
        }
    }
    let op = match (service, operation) {
        (None, _) if help => return Ok(CliCommand::Help(services_help())),
        (None, _) => return Err(CliParseError::MissingCommand),
        (Some(s), _) if !is_service(s) => return Err(CliParseError::UnknownService(s.to_owned())),
        (Some(s), None) if help => return Ok(CliCommand::Help(help_of(s))),
        (Some(_), None) => return Err(CliParseError::MissingCommand),
        (Some(_), Some(Chosen::Account(op))) if help => {
            return Ok(CliCommand::Help(command_help(op)))
        }
        (Some(_), Some(Chosen::Other(s, op))) if help => {
            return Ok(CliCommand::Help(service_command_help(s, op)))
        }
        (Some(_), Some(op)) => op,
    };
    if cli_input_json.is_none() {
        let missing: Vec<String> = op
            .members()
            .iter()
            .filter(|m| m.required && !input.contains_key(m.name))
            .map(|m| m.option.to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(CliParseError::MissingRequired {
                command: op.command_name(),
                options: missing,
            });
        }
    }
    if !unknown.is_empty() {
        return Err(CliParseError::UnknownOptions(unknown));
    }
    let paginate = op
        .paging_members()
        .is_some_and(|manual| !no_paginate && !manual.iter().any(|m| input.contains_key(*m)));
    if let Some(size) = page_size {
        if !paginate {
            return Err(CliParseError::Unsupported {
                option: "--page-size".into(),
                reason: "Cannot specify --no-paginate along with pagination arguments: --page-size"
                    .into(),
            });
        }
        if let Some(member) = op.page_size_member() {
            input.insert(member.into(), size);
        }
    }
    for (name, value) in cli_input_json.unwrap_or_default() {
        input.entry(name).or_insert(value);
    }
    let input = Value::Object(input);
    Ok(match op {
        Chosen::Account(operation) => CliCommand::Call(CliCall {
            operation,
            input,
            output,
            paginate,
        }),
        Chosen::Other(service, operation) => CliCommand::Service(ServiceCall {
            service,
            operation,
            input,
            output,
            paginate,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli_render::render_cli;
    use serde_json::json;

    fn call(line: &str) -> CliCall {
        match parse_command_line(line) {
            Ok(CliCommand::Call(call)) => call,
            other => panic!("{line}: {other:?}"),
        }
    }

    fn error(line: &str) -> CliParseError {
        parse_command_line(line).expect_err(line)
    }

    #[test]
    fn parses_the_put_alternate_contact_example() {
        let parsed = call("aws account put-alternate-contact --alternate-contact-type BILLING --email-address bill@example.com --name 'Bill Ing' --phone-number '+1 555-555-5555' --title Billing");
        assert_eq!(parsed.operation, Operation::PutAlternateContact);
        assert_eq!(
            parsed.input,
            json!({"AlternateContactType": "BILLING", "EmailAddress": "bill@example.com",
                   "Name": "Bill Ing", "PhoneNumber": "+1 555-555-5555", "Title": "Billing"})
        );
        assert_eq!(parsed.output, OutputFormat::Json);
        assert!(!parsed.paginate);
    }

    #[test]
    fn global_options_go_anywhere_and_the_ignored_ones_take_their_values() {
        let parsed = call("aws --region us-west-2 --output table account get-region-opt-status --endpoint-url http://localhost:4566 --region-name af-south-1 --profile dev --no-cli-pager");
        assert_eq!(parsed.operation, Operation::GetRegionOptStatus);
        assert_eq!(parsed.input, json!({"RegionName": "af-south-1"}));
        assert_eq!(parsed.output, OutputFormat::Table);
        assert_eq!(
            call("aws account get-contact-information --output=text").output,
            OutputFormat::Text
        );
    }

    #[test]
    fn list_options_take_every_following_word_or_one_json_list() {
        let parsed = call("aws account list-regions --region-opt-status-contains ENABLED DISABLED --max-results 5");
        assert_eq!(
            parsed.input,
            json!({"RegionOptStatusContains": ["ENABLED", "DISABLED"], "MaxResults": 5})
        );
        let parsed = call("aws account list-regions --region-opt-status-contains '[\"ENABLING\"]'");
        assert_eq!(
            parsed.input,
            json!({"RegionOptStatusContains": ["ENABLING"]})
        );
        let parsed = call("aws account list-regions --region-opt-status-contains");
        assert_eq!(parsed.input, json!({"RegionOptStatusContains": []}));
    }

    #[test]
    fn list_regions_paginates_unless_told_otherwise() {
        assert!(call("aws account list-regions").paginate);
        assert!(!call("aws account list-regions --no-paginate").paginate);
        assert!(!call("aws account list-regions --max-results 3").paginate);
        assert!(!call("aws account list-regions --next-token x").paginate);
        let paged = call("aws account list-regions --page-size 7");
        assert!(paged.paginate);
        assert_eq!(paged.input, json!({"MaxResults": 7}));
        assert!(matches!(
            error("aws account list-regions --page-size 7 --no-paginate"),
            CliParseError::Unsupported { .. }
        ));
    }

    #[test]
    fn contact_information_is_read_as_json() {
        let parsed = call(
            r#"aws account put-contact-information --contact-information '{"FullName": "J", "City": "X"}'"#,
        );
        assert_eq!(
            parsed.input,
            json!({"ContactInformation": {"FullName": "J", "City": "X"}})
        );
        match error("aws account put-contact-information --contact-information '{\"FullName\": '") {
            CliParseError::InvalidJson { option, .. } => {
                assert_eq!(option, "--contact-information")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            error("aws account put-contact-information --contact-information FullName=J"),
            CliParseError::InvalidJson { .. }
        ));
    }

    #[test]
    fn cli_input_json_fills_members_the_options_leave_out() {
        let parsed = call(
            r#"aws account put-account-name --account-name A --cli-input-json '{"AccountName": "B", "AccountId": "111122223333"}'"#,
        );
        assert_eq!(
            parsed.input,
            json!({"AccountName": "A", "AccountId": "111122223333"})
        );
        // It also lifts the requirement for options.
        let parsed =
            call(r#"aws account enable-region --cli-input-json '{"RegionName": "af-south-1"}'"#);
        assert_eq!(parsed.input, json!({"RegionName": "af-south-1"}));
    }

    #[test]
    fn missing_required_options_are_named() {
        assert_eq!(
            error("aws account put-alternate-contact --name x"),
            CliParseError::MissingRequired {
                command: "put-alternate-contact".into(),
                options: vec![
                    "--title".into(),
                    "--email-address".into(),
                    "--phone-number".into(),
                    "--alternate-contact-type".into()
                ]
            }
        );
        assert_eq!(
            error("aws account enable-region").to_string(),
            "the following arguments are required: --region-name"
        );
    }

    #[test]
    fn unknown_commands_get_suggestions_and_unknown_words_are_collected() {
        assert_eq!(
            error("aws account enable-regions --region-name x"),
            CliParseError::UnknownCommand {
                service: "account".into(),
                command: "enable-regions".into(),
                suggestion: Some("enable-region".into())
            }
        );
        // As the AWS CLI: every word nothing took, reported once the rest
        // of the line parsed; a missing required option is reported first.
        assert_eq!(
            error("aws account enable-region --regoin-name x --region-name af-south-1"),
            CliParseError::UnknownOptions(vec!["--regoin-name".into(), "x".into()])
        );
        assert_eq!(
            error("aws account get-alternate-contact --bogus=3 --alternate-contact-type BILLING extra")
                .to_string(),
            "Unknown options: --bogus=3, extra"
        );
        assert_eq!(
            error("aws --bogus account list-regions"),
            CliParseError::UnknownOptions(vec!["--bogus".into()])
        );
        assert!(matches!(
            error("aws account get-alternate-contact --bogus"),
            CliParseError::MissingRequired { .. }
        ));
    }

    #[test]
    fn other_programs_and_services_are_refused() {
        assert_eq!(error("ls -l"), CliParseError::NotAws("ls".into()));
        assert_eq!(
            error("aws s3 ls"),
            CliParseError::UnknownService("s3".into())
        );
        assert_eq!(error(""), CliParseError::Empty);
        assert_eq!(error("aws account"), CliParseError::MissingCommand);
        assert_eq!(error("aws"), CliParseError::MissingCommand);
    }

    #[test]
    fn unbalanced_quotes_are_a_shell_error() {
        assert!(matches!(
            error("aws account put-account-name --account-name 'x"),
            CliParseError::Shell(ShellError::UnbalancedQuote { quote: '\'', .. })
        ));
    }

    #[test]
    fn an_option_without_its_value_is_an_error() {
        assert_eq!(
            error("aws account enable-region --region-name"),
            CliParseError::MissingValue {
                option: "--region-name".into()
            }
        );
        assert_eq!(
            error("aws account put-account-name --account-name --output json"),
            CliParseError::MissingValue {
                option: "--account-name".into()
            }
        );
        // A negative number is a value, as for argparse.
        assert_eq!(
            call("aws account list-regions --max-results -1").input,
            json!({"MaxResults": -1})
        );
    }

    #[test]
    fn bad_integers_and_output_formats_are_errors() {
        // A model integer is Python's int(); --page-size is argparse's.
        assert_eq!(
            error("aws account list-regions --max-results \"it's\"").to_string(),
            "invalid literal for int() with base 10: \"it's\""
        );
        assert_eq!(
            error("aws account list-regions --page-size five").to_string(),
            "argument --page-size: invalid int value: 'five'"
        );
        assert_eq!(
            call("aws account list-regions --max-results ' 1_0 '").input,
            json!({"MaxResults": 10})
        );
        let pad = |c: &str| format!("{c:<40}");
        let choices = format!(
            "argument --output: Invalid choice, valid choices are:\n\n{} | {}\n{}",
            pad("json"),
            pad("text"),
            pad("table")
        );
        assert_eq!(
            error("aws account list-regions --output yaml").to_string(),
            choices
        );
        assert_eq!(
            error("aws account list-regions --output tabel").to_string(),
            format!("{choices}\n\n\nInvalid choice: 'tabel', maybe you meant:\n\n  * table")
        );
    }

    #[test]
    fn file_and_url_values_are_refused_as_the_cli_would_load_them() {
        assert!(matches!(
            error("aws account put-account-name --account-name file://name.txt"),
            CliParseError::Unsupported { .. }
        ));
    }

    #[test]
    fn unsupported_global_options_say_why() {
        let e = error("aws account list-regions --query Regions");
        assert!(
            e.to_string().contains("--query is not supported here"),
            "{e}"
        );
    }

    #[test]
    fn help_lists_every_command_with_a_description() {
        for line in ["aws account help"] {
            let CliCommand::Help(text) = parse_command_line(line).unwrap() else {
                panic!("{line}")
            };
            for op in Operation::ALL {
                let row = text
                    .lines()
                    .find(|l| {
                        l.trim_start()
                            .starts_with(&format!("{} ", command_name(op)))
                    })
                    .unwrap_or_else(|| panic!("{op:?} missing from {text}"));
                assert!(row.contains(description(op)), "{row}");
            }
        }
        let CliCommand::Help(text) =
            parse_command_line("aws account put-alternate-contact help").unwrap()
        else {
            panic!()
        };
        assert!(
            text.contains("--alternate-contact-type <string>  required"),
            "{text}"
        );
    }

    fn service_call(line: &str) -> ServiceCall {
        match parse_command_line(line) {
            Ok(CliCommand::Service(call)) => call,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn iam_sts_and_organizations_commands_are_read_by_their_tables() {
        let created = service_call("aws iam create-user --user-name alice");
        assert_eq!(
            (created.service, created.operation.name, created.input),
            (Service::Iam, "CreateUser", json!({"UserName": "alice"}))
        );
        let identity = service_call("aws sts get-caller-identity --output text");
        assert_eq!(identity.operation.name, "GetCallerIdentity");
        assert_eq!(identity.output, OutputFormat::Text);
        let roots = service_call("aws organizations list-roots");
        assert!(roots.paginate);
        assert!(!service_call("aws organizations list-roots --no-paginate").paginate);
        assert!(!service_call("aws organizations list-roots --next-token t").paginate);
        assert!(!service_call("aws iam list-users --marker m").paginate);
        assert_eq!(
            service_call("aws organizations list-accounts --page-size 5").input,
            json!({"MaxResults": 5})
        );
    }

    #[test]
    fn service_options_take_booleans_structure_lists_and_policy_json() {
        assert_eq!(
            service_call("aws iam list-policies --only-attached --scope Local").input,
            json!({"OnlyAttached": true, "Scope": "Local"})
        );
        assert_eq!(
            service_call("aws iam list-policies --no-only-attached").input,
            json!({"OnlyAttached": false})
        );
        let tags = json!({"UserName": "a", "Tags": [{"Key": "team", "Value": "x y"}, {"Key": "env", "Value": ""}]});
        assert_eq!(
            service_call(
                "aws iam tag-user --user-name a --tags 'Key=team,Value=x y' Key=env,Value="
            )
            .input,
            tags
        );
        assert_eq!(
            service_call(r#"aws iam tag-user --user-name a --tags '[{"Key": "team", "Value": "x y"}, {"Key": "env", "Value": ""}]'"#).input,
            tags
        );
        let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        let put = service_call(&format!(
            "aws iam put-user-policy --user-name a --policy-name p --policy-document '{document}'"
        ));
        assert_eq!(put.input["PolicyDocument"], document);
        assert_eq!(
            error("aws iam tag-user --user-name a --tags team").to_string(),
            "Error parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\nteam"
        );
    }

    #[test]
    fn service_commands_are_refused_in_the_cli_words() {
        assert_eq!(
            error("aws iam create-user").to_string(),
            "the following arguments are required: --user-name"
        );
        assert_eq!(
            error("aws iam create-users --user-name a"),
            CliParseError::UnknownCommand {
                service: "iam".into(),
                command: "create-users".into(),
                suggestion: Some("create-user".into())
            }
        );
        assert_eq!(
            error("aws s3 ls"),
            CliParseError::UnknownService("s3".into())
        );
        assert_eq!(error("aws sts"), CliParseError::MissingCommand);
        let CliCommand::Help(text) = parse_command_line("aws iam help").unwrap() else {
            panic!()
        };
        assert!(text.contains("  create-user\n"), "{text}");
        let CliCommand::Help(text) = parse_command_line("aws help").unwrap() else {
            panic!()
        };
        assert!(text.contains("  organizations\n"), "{text}");
        let CliCommand::Help(text) = parse_command_line("aws iam create-user help").unwrap() else {
            panic!()
        };
        assert!(text.contains("--user-name <string>"), "{text}");
    }

    #[test]
    fn rendered_commands_parse_back_for_every_operation() {
        let inputs = [
            (
                Operation::PutContactInformation,
                json!({"ContactInformation": {"FullName": "A 'b'", "City": "$c"}}),
            ),
            (Operation::GetContactInformation, json!({})),
            (
                Operation::PutAlternateContact,
                json!({"AlternateContactType": "SECURITY", "Name": "-n", "Title": "t", "EmailAddress": "e@x.io", "PhoneNumber": "1"}),
            ),
            (
                Operation::GetAlternateContact,
                json!({"AlternateContactType": "BILLING", "AccountId": "111122223333"}),
            ),
            (
                Operation::DeleteAlternateContact,
                json!({"AlternateContactType": "OPERATIONS"}),
            ),
            (
                Operation::ListRegions,
                json!({"MaxResults": 3, "RegionOptStatusContains": ["ENABLED"]}),
            ),
            (
                Operation::GetRegionOptStatus,
                json!({"RegionName": "af-south-1"}),
            ),
            (Operation::EnableRegion, json!({"RegionName": "http://x"})),
            (
                Operation::DisableRegion,
                json!({"RegionName": "eu-south-1"}),
            ),
            (
                Operation::PutAccountName,
                json!({"AccountName": "Zoë \"z\" \\ 東京\n"}),
            ),
            (Operation::GetAccountInformation, json!({"AccountId": null})),
        ];
        for (op, input) in inputs {
            let line = render_cli(op, &input);
            let parsed = call(&line);
            assert_eq!((parsed.operation, parsed.input), (op, input), "{line}");
        }
    }
}
