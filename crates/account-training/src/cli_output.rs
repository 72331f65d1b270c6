//! What AWS CLI v1 prints for an operation's result: `--output json`,
//! `text` and `table` (ports of `awscli/formatter.py`, `awscli/text.py` and
//! `awscli/table.py`, as they behave when stdout is not a terminal), and the
//! error report on stderr.
//!
//! The output is first shaped as botocore parses a response: only the
//! model's members, in model order, null members dropped.

use std::fmt;
use std::str::FromStr;

use account_engine::{ApiError, Operation};
use serde_json::Value;

use crate::model::output_shape;
use crate::py::{json_dumps_indent4, Py};
use crate::services::OperationModel;
use crate::table::TableBuilder;

/// The terminal width the CLI assumes when stdout is not a terminal.
pub const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// The CLI's `--output` choices (AWS CLI v1 has these three).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    #[default]
    Json,
    Text,
    Table,
}

impl OutputFormat {
    pub const ALL: [Self; 3] = [Self::Json, Self::Text, Self::Table];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Text => "text",
            Self::Table => "table",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An `--output` value the CLI does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable")]
pub struct UnknownOutputFormat(pub String);

impl FromStr for OutputFormat {
    type Err = UnknownOutputFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| UnknownOutputFormat(s.to_owned()))
    }
}

/// What `aws account <command> --output <format>` prints on stdout for the
/// operation's output (the JSON body the engine or server returned), with
/// an 80-column terminal.
pub fn format_output(operation: Operation, output: &Value, format: OutputFormat) -> String {
    format_output_with_width(operation, output, format, DEFAULT_TERMINAL_WIDTH)
}

/// As [`format_output`], for a terminal `terminal_width` columns wide (it
/// decides when `table` turns one-row sections vertical).
pub fn format_output_with_width(
    operation: Operation,
    output: &Value,
    format: OutputFormat,
    terminal_width: usize,
) -> String {
    let response = Py::from_shaped(output, output_shape(operation));
    format_py(operation.name(), &response, format, terminal_width)
}

/// What `aws <service> <command>` prints for an IAM, STS or Organizations
/// operation's output (its JSON, or the JSON [`crate::services::xml`] read
/// from a Query answer), shaped by the operation's output shape.
pub fn format_service_output(
    operation: &OperationModel,
    output: &Value,
    format: OutputFormat,
) -> String {
    let response = Py::from_shaped(output, operation.output);
    format_py(operation.name, &response, format, DEFAULT_TERMINAL_WIDTH)
}

/// Formats any JSON document as the CLI formatters would, keeping the
/// document's own key order (serde_json's: sorted) and all its members;
/// `title` is the table title (the CLI uses the operation name).
pub fn format_document(
    title: &str,
    document: &Value,
    format: OutputFormat,
    terminal_width: usize,
) -> String {
    format_py(title, &Py::from_json(document), format, terminal_width)
}

fn format_py(title: &str, response: &Py, format: OutputFormat, terminal_width: usize) -> String {
    let response = match response {
        Py::Dict(entries) => Py::Dict(
            entries
                .iter()
                .filter(|(k, _)| k != "ResponseMetadata")
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    };
    match format {
        OutputFormat::Json => {
            if response == Py::Dict(Vec::new()) {
                String::new()
            } else {
                json_dumps_indent4(&response) + "\n"
            }
        }
        OutputFormat::Text => {
            let mut out = String::new();
            format_text(&response, None, None, &mut out);
            out
        }
        OutputFormat::Table => TableBuilder::new(terminal_width).format(title, &response),
    }
}

/// `awscli.text._format_text`.
fn format_text(
    item: &Py,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    match item {
        Py::Dict(_) => format_dict(scalar_keys, item, identifier, out),
        Py::List(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&scalar.str());
            out.push('\n');
        }
    }
}

fn format_list(items: &[Py], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(|el| matches!(el, Py::Dict(_))) {
        let all_keys = all_scalar_keys(items);
        for element in items {
            format_text(element, identifier, Some(&all_keys), out);
        }
    } else if items.iter().any(|el| matches!(el, Py::List(_))) {
        let (scalars, non_scalars): (Vec<&Py>, Vec<&Py>) =
            items.iter().partition(|el| el.is_scalar());
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for non_scalar in non_scalars {
            format_text(non_scalar, identifier, None, out);
        }
    } else {
        format_scalar_list(&items.iter().collect::<Vec<_>>(), identifier, out);
    }
}

fn format_scalar_list(elements: &[&Py], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(identifier) => {
            for item in elements {
                out.push_str(&format!("{}\t{}\n", py_upper(identifier), item.str()));
            }
        }
        None => {
            out.push_str(
                &elements
                    .iter()
                    .map(|e| e.str())
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
            out.push('\n');
        }
    }
}

/// Python's `str.upper()`.
fn py_upper(s: &str) -> String {
    crate::case::uppercase(s)
}

fn format_dict(
    scalar_keys: Option<&[String]>,
    item: &Py,
    identifier: Option<&str>,
    out: &mut String,
) {
    let (mut scalars, non_scalars) = partition_dict(item, scalar_keys);
    if !scalars.is_empty() {
        if let Some(identifier) = identifier {
            scalars.insert(0, py_upper(identifier));
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (new_identifier, non_scalar) in non_scalars {
        format_text(non_scalar, Some(&new_identifier), None, out);
    }
}

fn all_scalar_keys(list_of_dicts: &[Py]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for item in list_of_dicts {
        if let Py::Dict(entries) = item {
            for (key, value) in entries {
                if value.is_scalar() {
                    keys.push(key.clone());
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

fn partition_dict<'a>(
    item: &'a Py,
    scalar_keys: Option<&[String]>,
) -> (Vec<String>, Vec<(String, &'a Py)>) {
    let Py::Dict(entries) = item else {
        return (Vec::new(), Vec::new());
    };
    let mut scalar = Vec::new();
    let mut non_scalar = Vec::new();
    match scalar_keys {
        None => {
            let mut sorted: Vec<&(String, Py)> = entries.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            for (key, value) in sorted {
                if value.is_scalar() {
                    scalar.push(value.str());
                } else {
                    non_scalar.push((key.clone(), value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalar.push(item.get(key).map(Py::str).unwrap_or_default());
            }
            let mut remaining: Vec<&(String, Py)> =
                entries.iter().filter(|(k, _)| !keys.contains(k)).collect();
            remaining.sort_by(|a, b| a.0.cmp(&b.0));
            for (key, value) in remaining {
                non_scalar.push((key.clone(), value));
            }
        }
    }
    (scalar, non_scalar)
}

/// Whether botocore's default (legacy) retry policy retries a response with
/// this status, so that a persistent error is reported after 4 retries.
fn is_retried(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504 | 509)
}

/// What the CLI prints on stderr when the service answers with an error:
/// a blank line, then botocore's `ClientError` message. Errors the CLI
/// retries (HTTP 429 and 5xx) carry ` (reached max retries: 4)`, as when
/// the error persists through all attempts. The exit status is 255.
pub fn format_error(operation: Operation, error: &ApiError) -> String {
    format_error_parts(operation, error.code(), error.status(), &error.to_string())
}

/// As [`format_error`], from the error's code, HTTP status and message.
pub fn format_error_parts(operation: Operation, code: &str, status: u16, message: &str) -> String {
    format_service_error(operation.name(), code, status, message)
}

/// As [`format_error_parts`], for the operation of any service by its
/// name, e.g. `An error occurred (NoSuchEntity) when calling the GetUser
/// operation: The user with name x cannot be found.`
pub fn format_service_error(operation: &str, code: &str, status: u16, message: &str) -> String {
    let retry_info = if is_retried(status) {
        " (reached max retries: 4)"
    } else {
        ""
    };
    format!(
        "\nAn error occurred ({code}) when calling the {operation} operation{retry_info}: {message}\n"
    )
}

/// The exit status of the CLI after a service error.
pub const ERROR_EXIT_STATUS: i32 = 255;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn alternate_contact() -> Value {
        json!({"AlternateContact": {
            "AlternateContactType": "BILLING",
            "EmailAddress": "bill@example.com",
            "Name": "Bill Ing",
            "PhoneNumber": "+1 555-555-5555",
            "Title": "Billing"
        }})
    }

    // The expected texts below are what `aws` 1.46.2 printed against the
    // local server.

    #[test]
    fn json_output_is_indented_4_in_model_member_order() {
        assert_eq!(
            format_output(Operation::GetAlternateContact, &alternate_contact(), OutputFormat::Json),
            "{\n    \"AlternateContact\": {\n        \"Name\": \"Bill Ing\",\n        \"Title\": \"Billing\",\n        \"EmailAddress\": \"bill@example.com\",\n        \"PhoneNumber\": \"+1 555-555-5555\",\n        \"AlternateContactType\": \"BILLING\"\n    }\n}\n"
        );
    }

    #[test]
    fn json_output_keeps_unicode_unescaped() {
        let out = format_output(
            Operation::GetAccountInformation,
            &json!({"AccountName": "Zoë 東京"}),
            OutputFormat::Json,
        );
        assert_eq!(out, "{\n    \"AccountName\": \"Zoë 東京\"\n}\n");
    }

    #[test]
    fn empty_output_prints_nothing_in_every_format() {
        for format in OutputFormat::ALL {
            assert_eq!(
                format_output(Operation::PutAlternateContact, &json!({}), format),
                ""
            );
        }
    }

    #[test]
    fn text_output_uppercases_the_identifier_and_sorts_keys() {
        assert_eq!(
            format_output(
                Operation::GetAlternateContact,
                &alternate_contact(),
                OutputFormat::Text
            ),
            "ALTERNATECONTACT\tBILLING\tbill@example.com\tBill Ing\t+1 555-555-5555\tBilling\n"
        );
    }

    #[test]
    fn text_output_of_a_flat_response_is_one_tab_separated_line() {
        let out = format_output(
            Operation::GetAccountInformation,
            &json!({"AccountId": "111122223333", "AccountName": "Account 111122223333",
                    "AccountCreatedDate": "2026-11-25T14:02:02Z", "AccountState": "ACTIVE"}),
            OutputFormat::Text,
        );
        assert_eq!(
            out,
            "2026-11-25T14:02:02Z\t111122223333\tAccount 111122223333\tACTIVE\n"
        );
    }

    #[test]
    fn text_output_of_a_list_prints_one_line_per_item_after_the_scalars() {
        let out = format_output(
            Operation::ListRegions,
            &json!({"NextToken": "010002603c60de0e2ee768", "Regions": [
                {"RegionName": "af-south-1", "RegionOptStatus": "DISABLED"},
                {"RegionName": "ap-east-1", "RegionOptStatus": "DISABLED"}]}),
            OutputFormat::Text,
        );
        assert_eq!(
            out,
            "010002603c60de0e2ee768\nREGIONS\taf-south-1\tDISABLED\nREGIONS\tap-east-1\tDISABLED\n"
        );
    }

    #[test]
    fn table_output_of_a_nested_structure_is_an_indented_vertical_section() {
        let expected = "\
------------------------------------------------
|              GetAlternateContact             |
+----------------------------------------------+
||              AlternateContact              ||
|+-----------------------+--------------------+|
||  AlternateContactType |  BILLING           ||
||  EmailAddress         |  bill@example.com  ||
||  Name                 |  Bill Ing          ||
||  PhoneNumber          |  +1 555-555-5555   ||
||  Title                |  Billing           ||
|+-----------------------+--------------------+|
";
        assert_eq!(
            format_output(
                Operation::GetAlternateContact,
                &alternate_contact(),
                OutputFormat::Table
            ),
            expected
        );
    }

    #[test]
    fn table_output_stays_horizontal_when_it_fits_80_columns() {
        let expected = "\
-----------------------------------
|       GetRegionOptStatus        |
+-------------+-------------------+
| RegionName  |  RegionOptStatus  |
+-------------+-------------------+
|  af-south-1 |  DISABLED         |
+-------------+-------------------+
";
        let output = json!({"RegionName": "af-south-1", "RegionOptStatus": "DISABLED"});
        assert_eq!(
            format_output(Operation::GetRegionOptStatus, &output, OutputFormat::Table),
            expected
        );
    }

    #[test]
    fn table_output_turns_vertical_when_wider_than_the_terminal() {
        let expected = "\
------------------------------------------------
|             GetAccountInformation            |
+---------------------+------------------------+
|  AccountCreatedDate |  2026-11-25T14:02:02Z  |
|  AccountId          |  111122223333          |
|  AccountName        |  Account 111122223333  |
|  AccountState       |  ACTIVE                |
+---------------------+------------------------+
";
        let output = json!({"AccountId": "111122223333", "AccountName": "Account 111122223333",
                            "AccountCreatedDate": "2026-11-25T14:02:02Z", "AccountState": "ACTIVE"});
        assert_eq!(
            format_output(
                Operation::GetAccountInformation,
                &output,
                OutputFormat::Table
            ),
            expected
        );
        // A wide terminal keeps it horizontal.
        let wide = format_output_with_width(
            Operation::GetAccountInformation,
            &output,
            OutputFormat::Table,
            200,
        );
        assert!(
            wide.contains("|  AccountCreatedDate   |   AccountId   |"),
            "{wide}"
        );
    }

    #[test]
    fn table_output_of_a_list_with_a_scalar_sibling() {
        let expected = "\
-----------------------------------------
|              ListRegions              |
+------------+--------------------------+
|  NextToken |  010002603c60de0e2ee768  |
+------------+--------------------------+
||               Regions               ||
|+---------------+---------------------+|
||  RegionName   |   RegionOptStatus   ||
|+---------------+---------------------+|
||  af-south-1   |  DISABLED           ||
||  ap-east-1    |  DISABLED           ||
|+---------------+---------------------+|
";
        let output = json!({"NextToken": "010002603c60de0e2ee768", "Regions": [
            {"RegionName": "af-south-1", "RegionOptStatus": "DISABLED"},
            {"RegionName": "ap-east-1", "RegionOptStatus": "DISABLED"}]});
        assert_eq!(
            format_output(Operation::ListRegions, &output, OutputFormat::Table),
            expected
        );
    }

    #[test]
    fn table_output_counts_wide_characters_as_two_columns() {
        let expected = "\
----------------------------------------
|         GetContactInformation        |
+--------------------------------------+
||         ContactInformation         ||
|+----------------+-------------------+|
||  AddressLine1  |  123 Main St      ||
||  City          |  Seattle          ||
||  CompanyName   |  Ünïcode 東京     ||
||  CountryCode   |  US               ||
||  FullName      |  Jane Doe         ||
||  PhoneNumber   |  +1 206-555-0100  ||
||  PostalCode    |  98101            ||
||  StateOrRegion |  WA               ||
|+----------------+-------------------+|
";
        let output = json!({"ContactInformation": {"FullName": "Jane Doe", "PhoneNumber": "+1 206-555-0100",
            "AddressLine1": "123 Main St", "City": "Seattle", "PostalCode": "98101", "CountryCode": "US",
            "StateOrRegion": "WA", "CompanyName": "Ünïcode 東京"}});
        assert_eq!(
            format_output(
                Operation::GetContactInformation,
                &output,
                OutputFormat::Table
            ),
            expected
        );
    }

    #[test]
    fn table_output_of_an_empty_list_is_the_title_alone() {
        let out = format_output(
            Operation::ListRegions,
            &json!({"Regions": []}),
            OutputFormat::Table,
        );
        assert_eq!(out, "-------------\n|ListRegions|\n+-----------+\n");
        assert_eq!(
            format_output(
                Operation::ListRegions,
                &json!({"Regions": []}),
                OutputFormat::Text
            ),
            ""
        );
        assert_eq!(
            format_output(
                Operation::ListRegions,
                &json!({"Regions": []}),
                OutputFormat::Json
            ),
            "{\n    \"Regions\": []\n}\n"
        );
    }

    #[test]
    fn members_outside_the_model_are_not_printed() {
        let out = format_output(
            Operation::GetRegionOptStatus,
            &json!({"RegionName": "af-south-1", "RegionOptStatus": "DISABLED", "Extra": 1, "ResponseMetadata": {}}),
            OutputFormat::Json,
        );
        assert_eq!(
            out,
            "{\n    \"RegionName\": \"af-south-1\",\n    \"RegionOptStatus\": \"DISABLED\"\n}\n"
        );
    }

    #[test]
    fn error_report_starts_with_a_blank_line() {
        let error = ApiError::ResourceNotFound(
            "No contact of the inputted alternate contact type found.".into(),
        );
        assert_eq!(
            format_error(Operation::GetAlternateContact, &error),
            "\nAn error occurred (ResourceNotFoundException) when calling the GetAlternateContact operation: No contact of the inputted alternate contact type found.\n"
        );
    }

    #[test]
    fn retried_errors_report_the_retries() {
        let error = ApiError::TooManyRequests("Account 222233334444 already has 6 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again.".into());
        assert_eq!(
            format_error(Operation::EnableRegion, &error),
            "\nAn error occurred (TooManyRequestsException) when calling the EnableRegion operation (reached max retries: 4): Account 222233334444 already has 6 region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again.\n"
        );
    }

    #[test]
    fn output_formats_parse_from_their_names() {
        assert_eq!("table".parse::<OutputFormat>(), Ok(OutputFormat::Table));
        assert!("yaml".parse::<OutputFormat>().is_err());
        assert_eq!(OutputFormat::default(), OutputFormat::Json);
    }
}
