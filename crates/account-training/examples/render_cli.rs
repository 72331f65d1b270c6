//! Reads JSON lines on stdin and answers each with one JSON line on stdout,
//! flushing after each, for the real-client tests
//! (tests/clients/test_cli_rendering.py):
//!
//! - `{"operation": "PutAccountName", "input": {...}}` (or with
//!   `"kind": "cli"`): the AWS CLI command line, as a JSON string;
//! - `"kind": "argv"`: the same command as an array of arguments;
//! - `"kind": "boto3"`: the boto3 snippet, as a JSON string;
//! - `"kind": "organizations-cli"` or `"organizations-boto3"`: the same for
//!   an AWS Organizations operation;
//! - `"kind": "service-cli"` or `"service-boto3"` with `"service": "iam"`
//!   (or `sts`, `organizations`): the same for those services;
//! - `"kind": "parse", "line": "aws account ..."`: the call it makes
//!   (`{"operation", "input", "output", "paginate"}`, with `"service"` for
//!   a service other than account), or `{"help": text}`, or
//!   `{"error": message}`;
//! - `"kind": "output", "operation", "output": {...}, "format": "table"`
//!   (optional `"width"`): what the CLI prints, as a JSON string;
//! - `"kind": "document", "title", "document", "format"` (optional
//!   `"width"`): the same for any JSON document, in its own key order;
//! - `"kind": "error", "operation", "code", "status", "message"`: the
//!   CLI's error report, as a JSON string.
//!
//! A line it cannot read is answered with `{"error": message}`.

use std::io::{self, BufRead, Write};

use account_engine::{Operation, OrgOperation};
use account_training::{
    format_document, format_error_parts, format_output_with_width, parse_command_line,
    render_boto3, render_cli, render_cli_argv, render_organizations_boto3,
    render_organizations_cli, render_service_boto3, render_service_cli, CliCommand, OutputFormat,
    Service, DEFAULT_TERMINAL_WIDTH,
};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Request {
    #[serde(default = "cli")]
    kind: String,
    operation: Option<String>,
    service: Option<String>,
    #[serde(default)]
    input: Value,
    line: Option<String>,
    output: Option<Value>,
    document: Option<Value>,
    title: Option<String>,
    format: Option<OutputFormat>,
    width: Option<usize>,
    code: Option<String>,
    status: Option<u16>,
    message: Option<String>,
}

fn cli() -> String {
    "cli".into()
}

fn answer(request: Request) -> Result<Value, String> {
    let operation = || {
        let name = request.operation.as_deref().ok_or("no operation")?;
        Operation::from_name(name).ok_or_else(|| format!("unknown operation {name}"))
    };
    let org_operation = || {
        let name = request.operation.as_deref().ok_or("no operation")?;
        OrgOperation::from_name(name).ok_or_else(|| format!("unknown operation {name}"))
    };
    let service = || {
        let name = request.service.as_deref().ok_or("no service")?;
        Service::from_cli_name(name).ok_or_else(|| format!("unknown service {name}"))
    };
    let unserved = || format!("unserved operation {:?}", request.operation);
    let name = request.operation.as_deref().unwrap_or_default();
    let width = request.width.unwrap_or(DEFAULT_TERMINAL_WIDTH);
    let format = request.format.unwrap_or_default();
    Ok(match request.kind.as_str() {
        "cli" => json!(render_cli(operation()?, &request.input)),
        "argv" => json!(render_cli_argv(operation()?, &request.input)),
        "boto3" => json!(render_boto3(operation()?, &request.input)),
        "organizations-cli" => json!(render_organizations_cli(org_operation()?, &request.input)),
        "organizations-boto3" => {
            json!(render_organizations_boto3(org_operation()?, &request.input))
        }
        "service-cli" => {
            json!(render_service_cli(service()?, name, &request.input).ok_or_else(unserved)?)
        }
        "service-boto3" => {
            json!(render_service_boto3(service()?, name, &request.input).ok_or_else(unserved)?)
        }
        "parse" => match parse_command_line(request.line.as_deref().unwrap_or_default()) {
            Ok(CliCommand::Call(call)) => json!({
                "operation": call.operation.name(),
                "input": call.input,
                "output": call.output,
                "paginate": call.paginate,
            }),
            Ok(CliCommand::Service(call)) => json!({
                "service": call.service.cli_name(),
                "operation": call.operation.name,
                "input": call.input,
                "output": call.output,
                "paginate": call.paginate,
            }),
            Ok(CliCommand::Help(text)) => json!({ "help": text }),
            Err(error) => json!({ "error": error.to_string() }),
        },
        "output" => json!(format_output_with_width(
            operation()?,
            request.output.as_ref().unwrap_or(&Value::Null),
            format,
            width
        )),
        "document" => json!(format_document(
            request.title.as_deref().unwrap_or_default(),
            request.document.as_ref().unwrap_or(&Value::Null),
            format,
            width
        )),
        "error" => json!(format_error_parts(
            operation()?,
            request.code.as_deref().unwrap_or_default(),
            request.status.unwrap_or(400),
            request.message.as_deref().unwrap_or_default()
        )),
        other => return Err(format!("unknown kind {other}")),
    })
}

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut stdout = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = serde_json::from_str::<Request>(&line)
            .map_err(|e| format!("bad request: {e}"))
            .and_then(answer)
            .unwrap_or_else(|error| json!({ "error": error }));
        writeln!(stdout, "{reply}")?;
        stdout.flush()?;
    }
    Ok(())
}
