//! Property: a rendered command parses back to the call it was rendered
//! from, for every operation of every service and awkward values.

use account_engine::Operation;
use account_training::model::{input_members, MemberType, CONTACT_INFORMATION_MEMBERS};
use account_training::services::Service;
use account_training::{
    parse_command_line, parse_words, render_cli, render_cli_argv, render_service_cli, shell,
    CliCommand,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Strings a shell, argparse or the AWS CLI treat specially, and unicode.
fn awkward_string() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        " ", "  ", "'", "\"", "$", "$HOME", "$(id)", "`id`", "\\", "\\\\", "\n", "\t", "\r", "é",
        "東京", "🎉", "-", "--", "-x", "[", "]", "{", "}", "=", "#", "~", "*", "?", ";", "&", "|",
        "<", ">", "(", ")", "!", "file://", "fileb://", "http://", "https://", "a", "Bill", "0",
        "9", ",", ".", "/", "@", "+", "\u{0}", "\u{1f}", "\u{200b}", "\u{2028}", "%", ":", "^",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat()),
        any::<String>(),
        "[A-Za-z0-9 .@+-]{0,20}",
    ]
}

fn string_member() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => awkward_string().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<i64>().prop_map(Value::from),
    ]
}

fn integer_member() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => any::<i64>().prop_map(Value::from),
        2 => any::<u64>().prop_map(Value::from),
        1 => (-1e6f64..1e6).prop_map(Value::from),
        1 => awkward_string().prop_map(Value::String),
        1 => Just(Value::Null),
    ]
}

fn list_member() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => prop::collection::vec(awkward_string().prop_map(Value::String), 0..4).prop_map(Value::Array),
        1 => prop::collection::vec(any::<i32>().prop_map(Value::from), 0..3).prop_map(Value::Array),
        1 => awkward_string().prop_map(Value::String),
        1 => Just(Value::Null),
    ]
}

fn structure_member() -> impl Strategy<Value = Value> {
    let fields = prop::collection::btree_map(
        prop_oneof![
            6 => prop::sample::select(CONTACT_INFORMATION_MEMBERS.to_vec()).prop_map(str::to_owned),
            1 => awkward_string(),
        ],
        string_member(),
        0..6,
    );
    prop_oneof![
        8 => fields.prop_map(|m| Value::Object(m.into_iter().collect())),
        1 => awkward_string().prop_map(Value::String),
        1 => Just(Value::Null),
    ]
}

fn member_value(kind: MemberType) -> BoxedStrategy<Value> {
    match kind {
        MemberType::String => string_member().boxed(),
        MemberType::Integer => integer_member().boxed(),
        MemberType::StringList => list_member().boxed(),
        MemberType::Structure => structure_member().boxed(),
        MemberType::Boolean => prop_oneof![
            4 => any::<bool>().prop_map(Value::Bool),
            1 => awkward_string().prop_map(Value::String),
            1 => Just(Value::Null),
        ]
        .boxed(),
        MemberType::StructureList => {
            let tag = prop::collection::btree_map(
                prop_oneof![
                    Just("Key".to_owned()),
                    Just("Value".to_owned()),
                    awkward_string()
                ],
                awkward_string().prop_map(Value::String),
                0..3,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect()));
            prop_oneof![
                8 => prop::collection::vec(tag, 0..3).prop_map(Value::Array),
                1 => prop::collection::vec(awkward_string().prop_map(Value::String), 1..3).prop_map(Value::Array),
                1 => Just(Value::Null),
            ]
            .boxed()
        }
    }
}

/// An IAM, STS or Organizations operation and an input, as [`call`] makes.
fn service_call() -> impl Strategy<Value = (Service, &'static str, Value)> {
    let operations: Vec<(Service, usize)> = Service::ALL
        .into_iter()
        .flat_map(|s| (0..s.operations().len()).map(move |i| (s, i)))
        .collect();
    prop::sample::select(operations).prop_flat_map(|(service, index)| {
        let op = &service.operations()[index];
        let members: Vec<BoxedStrategy<Option<(String, Value)>>> = op
            .members
            .iter()
            .map(|m| {
                let name = m.name.to_owned();
                prop::option::weighted(0.7, member_value(m.kind))
                    .prop_map(move |v| v.map(|v| (name.clone(), v)))
                    .boxed()
            })
            .collect();
        let extra = prop::option::weighted(0.1, ("[A-Za-z][A-Za-z0-9-]{0,10}", string_member()));
        (members, extra).prop_map(move |(members, extra)| {
            let mut input: Map<String, Value> = members.into_iter().flatten().collect();
            if let Some((name, value)) = extra {
                input.entry(name).or_insert(value);
            }
            (service, op.name, Value::Object(input))
        })
    })
}

/// An operation and an input: each member present or not, sometimes with
/// a value of the wrong type, sometimes with a member outside the model.
fn call() -> impl Strategy<Value = (Operation, Value)> {
    prop::sample::select(Operation::ALL.to_vec()).prop_flat_map(|op| {
        let members: Vec<BoxedStrategy<Option<(String, Value)>>> = input_members(op)
            .iter()
            .map(|m| {
                let name = m.name.to_owned();
                prop::option::weighted(0.7, member_value(m.kind))
                    .prop_map(move |v| v.map(|v| (name.clone(), v)))
                    .boxed()
            })
            .collect();
        let extra = prop::option::weighted(0.1, ("[A-Za-z][A-Za-z0-9-]{0,10}", string_member()));
        (members, extra).prop_map(move |(members, extra)| {
            let mut input: Map<String, Value> = members.into_iter().flatten().collect();
            if let Some((name, value)) = extra {
                input.entry(name).or_insert(value);
            }
            (op, Value::Object(input))
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_rendered_command_line_parses_back_to_its_call((op, input) in call()) {
        let line = render_cli(op, &input);
        let parsed = parse_command_line(&line);
        let Ok(CliCommand::Call(parsed)) = parsed else {
            return Err(TestCaseError::fail(format!("{line}: {parsed:?}")));
        };
        prop_assert_eq!((parsed.operation, &parsed.input), (op, &input), "{}", line);
        // One request, as the call made: the CLI does not page by itself.
        prop_assert!(!parsed.paginate, "{}", line);
    }

    #[test]
    fn the_rendered_argv_parses_back_to_its_call((op, input) in call()) {
        let argv = render_cli_argv(op, &input);
        let Ok(CliCommand::Call(parsed)) = parse_words(&argv) else {
            return Err(TestCaseError::fail(format!("{argv:?}")));
        };
        prop_assert_eq!((parsed.operation, parsed.input), (op, input));
    }

    #[test]
    fn the_command_line_splits_into_the_argv((op, input) in call()) {
        let line = render_cli(op, &input);
        prop_assert_eq!(shell::split(&line).unwrap(), render_cli_argv(op, &input));
    }

    #[test]
    fn a_rendered_service_command_parses_back_to_its_call((service, name, input) in service_call()) {
        let line = render_service_cli(service, name, &input).unwrap();
        let parsed = parse_command_line(&line);
        let Ok(CliCommand::Service(parsed)) = parsed else {
            return Err(TestCaseError::fail(format!("{line}: {parsed:?}")));
        };
        prop_assert_eq!(
            (parsed.service, parsed.operation.name, &parsed.input),
            (service, name, &input),
            "{}",
            line
        );
        prop_assert!(!parsed.paginate, "{}", line);
    }

    #[test]
    fn a_quoted_word_splits_back_to_itself(word in awkward_string()) {
        prop_assert_eq!(shell::split(&shell::quote(&word)).unwrap(), vec![word]);
    }
}
