//! Properties of the output formatting over arbitrary responses: it never
//! panics, JSON output is JSON, and every table line is as wide as the
//! first (the awscli table's postcondition).

use account_engine::Operation;
use account_training::{format_document, format_output, OutputFormat};
use proptest::prelude::*;
use serde_json::Value;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e20f64..1e20).prop_map(Value::from),
        "[a-zA-Z0-9 東京é🎉°\t\"'\\\\]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z]{1,8}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Responses shaped like the API's, with awkward values.
fn response() -> impl Strategy<Value = (Operation, Value)> {
    let text = "[a-zA-Z0-9 東京é🎉°\t\"'\\\\-]{0,40}";
    prop_oneof![
        (text, text).prop_map(|(a, b)| (
            Operation::GetRegionOptStatus,
            serde_json::json!({"RegionName": a, "RegionOptStatus": b})
        )),
        prop::collection::vec((text, text), 0..6).prop_map(|regions| (
            Operation::ListRegions,
            serde_json::json!({"Regions": regions.into_iter()
                .map(|(n, s)| serde_json::json!({"RegionName": n, "RegionOptStatus": s}))
                .collect::<Vec<_>>(), "NextToken": "t"})
        )),
        prop::collection::btree_map(
            prop::sample::select(account_training::model::CONTACT_INFORMATION_MEMBERS.to_vec()),
            text,
            1..12
        )
        .prop_map(|m| (
            Operation::GetContactInformation,
            serde_json::json!({"ContactInformation": m})
        )),
    ]
}

fn display_width(line: &str) -> usize {
    // The characters the strategies use that the AWS CLI counts as two
    // columns: CJK and emoji (East Asian Wide), ° and é (Ambiguous).
    line.chars()
        .map(|c| {
            if matches!(c, '東' | '京' | '🎉' | '°' | 'é') {
                2
            } else {
                1
            }
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_document_formats_without_panicking(document in json_value()) {
        for format in OutputFormat::ALL {
            let out = format_document("Title", &document, format, 80);
            if format == OutputFormat::Json && !out.is_empty() {
                prop_assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), document.clone());
            }
        }
    }

    #[test]
    fn table_lines_all_have_the_same_width((operation, output) in response()) {
        let table = format_output(operation, &output, OutputFormat::Table);
        let widths: Vec<usize> = table.lines().map(display_width).collect();
        prop_assert!(widths.windows(2).all(|w| w[0] == w[1]), "{}", table);
    }

    #[test]
    fn text_lines_have_one_field_per_scalar((operation, output) in response()) {
        let text = format_output(operation, &output, OutputFormat::Text);
        if operation == Operation::ListRegions {
            let regions = output["Regions"].as_array().unwrap();
            let lines: Vec<&str> = text.split_terminator('\n').collect();
            prop_assert_eq!(lines.len(), regions.len() + 1);
            prop_assert!(lines[1..].iter().all(|l| l.starts_with("REGIONS\t")));
        }
    }
}
