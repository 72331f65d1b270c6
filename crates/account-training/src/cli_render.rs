//! The AWS CLI command and the boto3 snippet equivalent to one API call.
//!
//! The rendered command makes exactly the same request as the call when
//! AWS CLI v1 runs it:
//!
//! - members are options named by botocore's `xform_name`, sorted by name;
//!   strings that start with `-` use `--option=value` (argparse would read
//!   them as options otherwise);
//! - `ContactInformation` and lists that are not plain words are JSON;
//! - values the CLI cannot take as options go in `--cli-input-json`: strings
//!   starting with `file://`, `fileb://`, `http://` or `https://` (the CLI
//!   would load the file or URL instead), strings with NUL, nulls, members
//!   outside the model and values of the wrong JSON type;
//! - a required member that is missing (or only in `--cli-input-json`)
//!   brings `--cli-input-json`, so that botocore, not argparse, reports it,
//!   in boto3's words;
//! - ListRegions gets `--no-paginate` unless `--max-results` or
//!   `--next-token` already turn the CLI's automatic paging off, so one
//!   request is made, as by the call.

use account_engine::Operation;
use serde_json::{Map, Value};

use crate::model::{
    command_name, input_members, method_name, InputMember, MemberType, CONTACT_INFORMATION_MEMBERS,
};
use crate::py::float_repr;
use crate::shell::quote;

/// The prefixes that make AWS CLI v1 load a parameter's value from a file or
/// URL (`awscli/paramfile.py`).
pub(crate) const PARAMFILE_PREFIXES: [&str; 4] = ["file://", "fileb://", "http://", "https://"];

pub(crate) fn has_paramfile_prefix(s: &str) -> bool {
    PARAMFILE_PREFIXES.iter().any(|p| s.starts_with(p))
}

/// Python's `str.strip()` whitespace, which includes the information
/// separators U+001C..U+001F.
pub(crate) fn is_py_whitespace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// One command-line argument, with how it is best shown.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Word(String),
    /// `--option=value`, shown with only the value quoted.
    Joined(&'static str, String),
}

impl Arg {
    fn argv(&self) -> String {
        match self {
            Arg::Word(w) => w.clone(),
            Arg::Joined(option, value) => format!("{option}={value}"),
        }
    }

    fn shell(&self) -> String {
        match self {
            Arg::Word(w) => quote(w),
            Arg::Joined(option, value) => format!("{option}={}", quote(value)),
        }
    }
}

/// Compact JSON, with a structure's members in model order.
fn compact_json(value: &Value, model_order: &[&str]) -> String {
    match value {
        Value::Object(map) if !model_order.is_empty() => {
            let known = model_order.iter().filter_map(|k| map.get_key_value(*k));
            let unknown = map
                .iter()
                .filter(|(k, _)| !model_order.contains(&k.as_str()));
            let members: Vec<String> = known
                .chain(unknown)
                .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), v))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        other => other.to_string(),
    }
}

fn is_plain_list_word(value: &Value, single: bool) -> bool {
    let Value::String(s) = value else {
        return false;
    };
    !s.contains('\0')
        && !s.starts_with('-')
        && !(single
            && (has_paramfile_prefix(s) || s.trim_start_matches(is_py_whitespace).starts_with('[')))
}

/// The arguments for one member, or None when only `--cli-input-json` can
/// carry it.
fn member_args(member: &InputMember, value: &Value) -> Option<Vec<Arg>> {
    let option = member.option;
    let with_value = |v: String| {
        if v.starts_with('-') {
            vec![Arg::Joined(option, v)]
        } else {
            vec![Arg::Word(option.to_owned()), Arg::Word(v)]
        }
    };
    match (member.kind, value) {
        (MemberType::String, Value::String(s)) if !s.contains('\0') && !has_paramfile_prefix(s) => {
            Some(with_value(s.clone()))
        }
        (MemberType::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => {
            Some(with_value(n.to_string()))
        }
        (MemberType::StringList, Value::Array(items)) => {
            let single = items.len() == 1;
            if !items.is_empty() && items.iter().all(|v| is_plain_list_word(v, single)) {
                let mut args = vec![Arg::Word(option.to_owned())];
                args.extend(
                    items
                        .iter()
                        .filter_map(|v| v.as_str())
                        .map(|s| Arg::Word(s.to_owned())),
                );
                Some(args)
            } else {
                Some(vec![
                    Arg::Word(option.to_owned()),
                    Arg::Word(compact_json(value, &[])),
                ])
            }
        }
        (MemberType::Structure, Value::Object(_)) => Some(vec![
            Arg::Word(option.to_owned()),
            Arg::Word(compact_json(value, &CONTACT_INFORMATION_MEMBERS)),
        ]),
        // `--flag` and `--no-flag`, as the CLI offers every boolean.
        (MemberType::Boolean, Value::Bool(true)) => Some(vec![Arg::Word(option.to_owned())]),
        (MemberType::Boolean, Value::Bool(false)) => {
            Some(vec![Arg::Word(format!("--no-{}", &option[2..]))])
        }
        (MemberType::StructureList, Value::Array(items)) if items.iter().all(Value::is_object) => {
            Some(vec![
                Arg::Word(option.to_owned()),
                Arg::Word(compact_json(value, &[])),
            ])
        }
        _ => None,
    }
}

/// One command for the AWS CLI: what it names, and how its input is given.
pub(crate) struct Command {
    /// The CLI's name of the service, e.g. `account`.
    pub service: &'static str,
    /// The command, e.g. `put-alternate-contact`.
    pub name: String,
    /// The input members of its model.
    pub members: &'static [InputMember],
    /// Whether the CLI pages it by itself, so that one request needs
    /// `--no-paginate` unless paging options already turn paging off.
    pub paginated: bool,
    /// The options that turn the CLI's paging off (its paginator's input
    /// token and limit).
    pub paging_options: Vec<&'static str>,
}

impl Command {
    fn args(&self, input: &Value) -> Vec<Arg> {
        let mut args = vec![
            Arg::Word("aws".into()),
            Arg::Word(self.service.into()),
            Arg::Word(self.name.clone()),
        ];
        let empty = Map::new();
        let (members, non_object) = match input {
            Value::Object(map) => (map, None),
            Value::Null => (&empty, None),
            other => (&empty, Some(other)),
        };
        let mut options: Vec<(&'static str, Vec<Arg>)> = Vec::new();
        let mut leftover = Map::new();
        for (name, value) in members {
            let member = self.members.iter().find(|m| m.name == name);
            match member.and_then(|m| Some((m.option, member_args(m, value)?))) {
                Some(option) => options.push(option),
                None => {
                    leftover.insert(name.clone(), value.clone());
                }
            }
        }
        options.sort_by_key(|(option, _)| *option);
        let rendered: Vec<&'static str> = options.iter().map(|(o, _)| *o).collect();
        let pages_off = options.iter().any(|(o, _)| self.paging_options.contains(o));
        for (_, option_args) in options {
            args.extend(option_args);
        }
        if self.paginated && !pages_off {
            args.push(Arg::Word("--no-paginate".into()));
        }
        // The CLI insists on required options unless --cli-input-json is
        // given; with it, botocore reports the missing member as boto3 would.
        let required_missing = self
            .members
            .iter()
            .any(|m| m.required && !rendered.contains(&m.option));
        if let Some(other) = non_object {
            args.push(Arg::Word("--cli-input-json".into()));
            args.push(Arg::Word(other.to_string()));
        } else if !leftover.is_empty() || required_missing {
            args.push(Arg::Word("--cli-input-json".into()));
            args.push(Arg::Word(Value::Object(leftover).to_string()));
        }
        args
    }

    /// The command line in POSIX shell syntax.
    pub(crate) fn shell(&self, input: &Value) -> String {
        self.args(input)
            .iter()
            .map(Arg::shell)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn account_command(operation: Operation) -> Command {
    Command {
        service: "account",
        name: command_name(operation),
        members: input_members(operation),
        paginated: operation == Operation::ListRegions,
        paging_options: vec!["--max-results", "--next-token"],
    }
}

/// The AWS CLI command line (POSIX shell syntax) that makes the same request
/// as calling `operation` with `input`, e.g.
/// `aws account put-alternate-contact --alternate-contact-type BILLING --email-address bill@example.com --name 'Bill Ing' --phone-number '+1 555-555-5555' --title Billing`.
pub fn render_cli(operation: Operation, input: &Value) -> String {
    account_command(operation).shell(input)
}

/// The same command as the argument vector the CLI receives (starting with
/// `aws`), for running it without a shell.
pub fn render_cli_argv(operation: Operation, input: &Value) -> Vec<String> {
    account_command(operation)
        .args(input)
        .iter()
        .map(Arg::argv)
        .collect()
}

const PYTHON_KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_python_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !PYTHON_KEYWORDS.contains(&name)
}

/// A Python string literal in double quotes, escaping what would not show or
/// would end the literal.
fn python_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            // Invisible or direction-changing characters and line separators.
            '\u{61c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Python literal for a JSON value; containers span lines at `indent`
/// when they hold containers or more than fit comfortably on one line.
fn python_literal(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) if n.is_f64() => float_repr(n.as_f64().unwrap_or_default()),
        Value::Number(n) => n.to_string(),
        Value::String(s) => python_string(s),
        Value::Array(items) if items.is_empty() => "[]".into(),
        Value::Object(map) if map.is_empty() => "{}".into(),
        Value::Array(items) => {
            let inline: Vec<String> = items.iter().map(|v| python_literal(v, indent)).collect();
            let one_line = format!("[{}]", inline.join(", "));
            if items.iter().all(|v| !v.is_array() && !v.is_object()) && one_line.len() <= 60 {
                return one_line;
            }
            let pad = "    ".repeat(indent + 1);
            let body: Vec<String> = items
                .iter()
                .map(|v| format!("{pad}{},\n", python_literal(v, indent + 1)))
                .collect();
            format!("[\n{}{}]", body.concat(), "    ".repeat(indent))
        }
        Value::Object(map) => {
            let pad = "    ".repeat(indent + 1);
            let known = CONTACT_INFORMATION_MEMBERS
                .iter()
                .filter_map(|k| map.get_key_value(*k));
            let unknown = map
                .iter()
                .filter(|(k, _)| !CONTACT_INFORMATION_MEMBERS.contains(&k.as_str()));
            let body: Vec<String> = known
                .chain(unknown)
                .map(|(k, v)| {
                    format!(
                        "{pad}{}: {},\n",
                        python_string(k),
                        python_literal(v, indent + 1)
                    )
                })
                .collect();
            format!("{{\n{}{}}}", body.concat(), "    ".repeat(indent))
        }
    }
}

/// A Python script that makes the call with boto3 and prints the response:
///
/// ```text
/// import boto3
///
/// client = boto3.client("account")
/// response = client.put_alternate_contact(
///     AlternateContactType="BILLING",
///     ...
/// )
/// print(response)
/// ```
pub fn render_boto3(operation: Operation, input: &Value) -> String {
    boto3_script("account", &method_name(operation), input)
}

/// The boto3 script calling `method` of a `service` client with `input`.
pub(crate) fn boto3_script(service: &str, method: &str, input: &Value) -> String {
    let mut out = format!("import boto3\n\nclient = boto3.client(\"{service}\")\n");
    let members: Vec<(&String, &Value)> = match input {
        Value::Object(map) => map.iter().collect(),
        _ => Vec::new(),
    };
    if members.is_empty() {
        out.push_str(&format!("response = client.{method}()\n"));
    } else {
        out.push_str(&format!("response = client.{method}(\n"));
        let (named, other): (Vec<_>, Vec<_>) = members
            .into_iter()
            .partition(|(k, _)| is_python_identifier(k));
        for (name, value) in named {
            out.push_str(&format!("    {name}={},\n", python_literal(value, 1)));
        }
        if !other.is_empty() {
            let map: Map<String, Value> = other
                .into_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            out.push_str(&format!(
                "    **{},\n",
                python_literal(&Value::Object(map), 1)
            ));
        }
        out.push_str(")\n");
    }
    out.push_str("print(response)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn put_alternate_contact_renders_sorted_options_quoted_only_when_needed() {
        let input = json!({
            "AlternateContactType": "BILLING",
            "EmailAddress": "bill@example.com",
            "Name": "Bill Ing",
            "PhoneNumber": "+1 555-555-5555",
            "Title": "Billing"
        });
        assert_eq!(
            render_cli(Operation::PutAlternateContact, &input),
            "aws account put-alternate-contact --alternate-contact-type BILLING --email-address bill@example.com --name 'Bill Ing' --phone-number '+1 555-555-5555' --title Billing"
        );
    }

    #[test]
    fn an_operation_without_input_is_the_bare_command() {
        assert_eq!(
            render_cli(Operation::GetContactInformation, &json!({})),
            "aws account get-contact-information"
        );
        assert_eq!(
            render_cli(Operation::GetAccountInformation, &Value::Null),
            "aws account get-account-information"
        );
    }

    #[test]
    fn contact_information_is_a_json_argument_in_model_order() {
        let input = json!({"ContactInformation": {
            "PhoneNumber": "+1 206-555-0100", "FullName": "Jane O'Doe", "City": "Seattle"}});
        assert_eq!(
            render_cli(Operation::PutContactInformation, &input),
            r#"aws account put-contact-information --contact-information '{"FullName":"Jane O'\''Doe","City":"Seattle","PhoneNumber":"+1 206-555-0100"}'"#
        );
    }

    #[test]
    fn list_regions_turns_paging_off_unless_a_paging_option_does() {
        assert_eq!(
            render_cli(Operation::ListRegions, &json!({})),
            "aws account list-regions --no-paginate"
        );
        assert_eq!(
            render_cli(
                Operation::ListRegions,
                &json!({"MaxResults": 5, "RegionOptStatusContains": ["ENABLED", "ENABLED_BY_DEFAULT"]})
            ),
            "aws account list-regions --max-results 5 --region-opt-status-contains ENABLED ENABLED_BY_DEFAULT"
        );
        assert_eq!(
            render_cli(Operation::ListRegions, &json!({"NextToken": "abc"})),
            "aws account list-regions --next-token abc"
        );
    }

    #[test]
    fn lists_that_are_not_plain_words_are_json() {
        for (list, expected) in [
            (json!([]), "'[]'"),
            (json!(["-x"]), "'[\"-x\"]'"),
            (json!(["[a"]), "'[\"[a\"]'"),
            (json!(["https://x"]), "'[\"https://x\"]'"),
            (json!(["ENABLED", 5]), "'[\"ENABLED\",5]'"),
        ] {
            let rendered = render_cli(
                Operation::ListRegions,
                &json!({"RegionOptStatusContains": list}),
            );
            assert_eq!(
                rendered,
                format!("aws account list-regions --region-opt-status-contains {expected} --no-paginate")
            );
        }
        // Only a single value is read as JSON or a file, so two may be plain.
        assert_eq!(
            render_cli(
                Operation::ListRegions,
                &json!({"RegionOptStatusContains": ["[a", "https://x"]})
            ),
            "aws account list-regions --region-opt-status-contains '[a' https://x --no-paginate"
        );
    }

    #[test]
    fn values_starting_with_a_dash_are_joined_to_their_option() {
        let input = json!({"AccountName": "-x y", "AccountId": "-1"});
        assert_eq!(
            render_cli(Operation::PutAccountName, &input),
            "aws account put-account-name --account-id=-1 --account-name='-x y'"
        );
        assert_eq!(
            render_cli_argv(Operation::PutAccountName, &input)[3..],
            ["--account-id=-1", "--account-name=-x y"]
        );
        assert_eq!(
            render_cli(Operation::ListRegions, &json!({"MaxResults": -3})),
            "aws account list-regions --max-results=-3"
        );
    }

    #[test]
    fn values_the_cli_would_load_from_files_or_urls_go_in_cli_input_json() {
        let input = json!({"AccountName": "https://example.com", "AccountId": "111122223333"});
        assert_eq!(
            render_cli(Operation::PutAccountName, &input),
            r#"aws account put-account-name --account-id 111122223333 --cli-input-json '{"AccountName":"https://example.com"}'"#
        );
    }

    #[test]
    fn nulls_unknown_members_and_wrong_types_go_in_cli_input_json() {
        let input = json!({"RegionName": null, "Bogus": 1, "AccountId": 5});
        assert_eq!(
            render_cli(Operation::EnableRegion, &input),
            r#"aws account enable-region --cli-input-json '{"AccountId":5,"Bogus":1,"RegionName":null}'"#
        );
    }

    #[test]
    fn shell_metacharacters_are_quoted() {
        let input = json!({"AccountName": "$(rm -rf /) `id` $HOME; a & b | c \\ \"q\" 'x'\nnext"});
        assert_eq!(
            render_cli(Operation::PutAccountName, &input),
            "aws account put-account-name --account-name '$(rm -rf /) `id` $HOME; a & b | c \\ \"q\" '\\''x'\\''\nnext'"
        );
    }

    #[test]
    fn boto3_snippet_uses_keyword_arguments_and_python_literals() {
        let input = json!({
            "AlternateContactType": "BILLING",
            "Name": "Bill \"The Bill\" Ing\n",
            "Title": "Zoë 東京 \\"
        });
        assert_eq!(
            render_boto3(Operation::PutAlternateContact, &input),
            "import boto3\n\nclient = boto3.client(\"account\")\nresponse = client.put_alternate_contact(\n    AlternateContactType=\"BILLING\",\n    Name=\"Bill \\\"The Bill\\\" Ing\\n\",\n    Title=\"Zoë 東京 \\\\\",\n)\nprint(response)\n"
        );
    }

    #[test]
    fn boto3_snippet_without_input_calls_with_no_arguments() {
        assert_eq!(
            render_boto3(Operation::GetContactInformation, &json!({})),
            "import boto3\n\nclient = boto3.client(\"account\")\nresponse = client.get_contact_information()\nprint(response)\n"
        );
    }

    #[test]
    fn boto3_snippet_nests_structures_and_lists() {
        let input = json!({"ContactInformation": {"City": "Paris", "FullName": "A"}});
        assert_eq!(
            render_boto3(Operation::PutContactInformation, &input),
            "import boto3\n\nclient = boto3.client(\"account\")\nresponse = client.put_contact_information(\n    ContactInformation={\n        \"FullName\": \"A\",\n        \"City\": \"Paris\",\n    },\n)\nprint(response)\n"
        );
        let input = json!({"MaxResults": 5, "RegionOptStatusContains": ["ENABLED"], "x-y": null, "class": true});
        assert_eq!(
            render_boto3(Operation::ListRegions, &input),
            "import boto3\n\nclient = boto3.client(\"account\")\nresponse = client.list_regions(\n    MaxResults=5,\n    RegionOptStatusContains=[\"ENABLED\"],\n    **{\n        \"class\": True,\n        \"x-y\": None,\n    },\n)\nprint(response)\n"
        );
    }

    #[test]
    fn python_strings_escape_invisible_characters() {
        assert_eq!(python_string("a\u{200b}b\u{7}"), "\"a\\u200bb\\x07\"");
    }
}
