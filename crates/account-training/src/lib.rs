//! Training aids for the sandbox's Activity, Console and Events views, with
//! no IO (it builds for `wasm32-unknown-unknown`):
//!
//! - [`cli_render`]: the AWS CLI command and the boto3 snippet equivalent
//!   to an API call;
//! - [`cli_parse`]: reading an `aws account ...` command line into the call
//!   it makes;
//! - [`cli_output`]: what AWS CLI v1 prints for a result or an error with
//!   `--output json`, `text` or `table`;
//! - [`org_render`]: the same for the AWS Organizations subset;
//! - [`services`]: what the CLI knows of the IAM, STS and Organizations
//!   operations the sandbox serves (compact tables generated from
//!   botocore's models), their commands, boto3 snippets, Query parameters
//!   and XML answers;
//! - [`event_pattern`]: EventBridge event-pattern matching for the Events
//!   view;
//! - [`case`]: the Unicode lowercase both that and the page's searches use.
//!
//! The AWS CLI behaviour reproduced here is that of `awscli` 1.46.2 (the
//! version the real-client tests run), read from its source and checked by
//! running it against the local server.

pub mod case;
pub mod cli_output;
pub mod cli_parse;
pub mod cli_render;
mod difflib;
mod east_asian_width;
pub mod event_pattern;
pub mod model;
pub mod org_render;
mod py;
pub mod services;
pub mod shell;
mod table;

pub use cli_output::{
    format_document, format_error, format_error_parts, format_output, format_output_with_width,
    format_service_error, format_service_output, OutputFormat, DEFAULT_TERMINAL_WIDTH,
};
pub use cli_parse::{
    parse_command_line, parse_words, CliCall, CliCommand, CliParseError, ServiceCall,
};
pub use cli_render::{render_boto3, render_cli, render_cli_argv};
pub use event_pattern::{EventPattern, PatternError};
pub use org_render::{render_organizations_boto3, render_organizations_cli};
pub use services::{render_service_boto3, render_service_cli, Service};
pub use shell::ShellError;

/// The Unicode version of the character widths the table output uses
/// (that of the Python the AWS CLI runs on).
pub const TABLE_UNICODE_VERSION: &str = east_asian_width::UNICODE_VERSION;
