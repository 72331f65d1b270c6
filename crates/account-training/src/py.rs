//! The Python side of the AWS CLI: a response as botocore hands it to the
//! formatters (ordered dicts, Python scalars), Python's `str()`/`repr()` of
//! those values, `json.dumps(indent=4, ensure_ascii=False)`, and the
//! display width `awscli.table.get_text_length` gives text.

use serde_json::Value;

use crate::east_asian_width::WIDE;
use crate::model::Shape;

/// A Python value as botocore parses a JSON response: dicts keep their
/// insertion order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Py {
    None,
    Bool(bool),
    /// An integer, as its decimal digits.
    Int(String),
    Float(f64),
    Str(String),
    List(Vec<Py>),
    Dict(Vec<(String, Py)>),
}

impl Py {
    /// The value as Python's `json.loads` would give it, in the order the
    /// JSON value iterates its keys.
    pub(crate) fn from_json(value: &Value) -> Self {
        match value {
            Value::Null => Py::None,
            Value::Bool(b) => Py::Bool(*b),
            Value::Number(n) => {
                if n.is_f64() {
                    Py::Float(n.as_f64().unwrap_or(f64::NAN))
                } else {
                    Py::Int(n.to_string())
                }
            }
            Value::String(s) => Py::Str(s.clone()),
            Value::Array(items) => Py::List(items.iter().map(Py::from_json).collect()),
            Value::Object(map) => Py::Dict(
                map.iter()
                    .map(|(k, v)| (k.clone(), Py::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// The value as botocore's restJson parser builds it from a response
    /// body: structures keep only the model's members, in model order, and
    /// drop members that are null.
    pub(crate) fn from_shaped(value: &Value, shape: Shape) -> Self {
        match (shape, value) {
            (Shape::Structure(members), Value::Object(map)) => Py::Dict(
                members
                    .iter()
                    .filter_map(|(name, member)| match map.get(*name) {
                        None | Some(Value::Null) => None,
                        Some(v) => Some(((*name).to_owned(), Py::from_shaped(v, *member))),
                    })
                    .collect(),
            ),
            (Shape::List(member), Value::Array(items)) => {
                Py::List(items.iter().map(|v| Py::from_shaped(v, *member)).collect())
            }
            _ => Py::from_json(value),
        }
    }

    pub(crate) fn is_scalar(&self) -> bool {
        !matches!(self, Py::List(_) | Py::Dict(_))
    }

    /// Python truthiness.
    pub(crate) fn is_truthy(&self) -> bool {
        match self {
            Py::None => false,
            Py::Bool(b) => *b,
            Py::Int(digits) => !digits
                .trim_start_matches('-')
                .trim_start_matches('0')
                .is_empty(),
            Py::Float(f) => *f != 0.0,
            Py::Str(s) => !s.is_empty(),
            Py::List(items) => !items.is_empty(),
            Py::Dict(items) => !items.is_empty(),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Py> {
        match self {
            Py::Dict(items) => items.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Python's `str()`.
    pub(crate) fn str(&self) -> String {
        match self {
            Py::Str(s) => s.clone(),
            other => other.repr(),
        }
    }

    /// Python's `repr()`.
    pub(crate) fn repr(&self) -> String {
        match self {
            Py::None => "None".into(),
            Py::Bool(true) => "True".into(),
            Py::Bool(false) => "False".into(),
            Py::Int(digits) => digits.clone(),
            Py::Float(f) => float_repr(*f),
            Py::Str(s) => str_repr(s),
            Py::List(items) => format!(
                "[{}]",
                items.iter().map(Py::repr).collect::<Vec<_>>().join(", ")
            ),
            Py::Dict(items) => format!(
                "{{{}}}",
                items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", str_repr(k), v.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Python's `repr(float)`: the shortest digits that round-trip, in fixed
/// notation when the exponent is in [-4, 16), with `.0` on whole numbers.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let decpt = exponent + 1;
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    if (-4 < decpt) && (decpt <= 16) {
        let body = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
        } else {
            let (int, frac) = digits.split_at(decpt as usize);
            format!("{int}.{frac}")
        };
        format!("{sign}{body}")
    } else {
        let mantissa = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.abs())
    }
}

/// Python's `repr(str)`, for the printable characters this API carries;
/// control characters are escaped as Python escapes them.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || ((c as u32) >= 0x7f && (c as u32) < 0xa0) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// A JSON string literal as Python's `json.dumps(..., ensure_ascii=False)`
/// writes it.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `json.dumps(value, indent=4, ensure_ascii=False)`.
pub(crate) fn json_dumps_indent4(value: &Py) -> String {
    let mut out = String::new();
    write_json(value, 0, &mut out);
    out
}

fn write_json(value: &Py, level: usize, out: &mut String) {
    let pad = |level: usize| "    ".repeat(level);
    match value {
        Py::None => out.push_str("null"),
        Py::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Py::Int(digits) => out.push_str(digits),
        Py::Float(f) => out.push_str(&match f {
            f if f.is_nan() => "NaN".to_owned(),
            f if f.is_infinite() && *f > 0.0 => "Infinity".to_owned(),
            f if f.is_infinite() => "-Infinity".to_owned(),
            f => float_repr(*f),
        }),
        Py::Str(s) => out.push_str(&json_string(s)),
        Py::List(items) if items.is_empty() => out.push_str("[]"),
        Py::Dict(items) if items.is_empty() => out.push_str("{}"),
        Py::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&pad(level + 1));
                write_json(item, level + 1, out);
            }
            out.push('\n');
            out.push_str(&pad(level));
            out.push(']');
        }
        Py::Dict(items) => {
            out.push('{');
            for (i, (key, item)) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&pad(level + 1));
                out.push_str(&json_string(key));
                out.push_str(": ");
                write_json(item, level + 1, out);
            }
            out.push('\n');
            out.push_str(&pad(level));
            out.push('}');
        }
    }
}

/// `awscli.table.get_text_length`: East Asian Wide, Fullwidth and
/// Ambiguous characters count two columns, everything else one.
pub(crate) fn text_length(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let cp = c as u32;
            let wide = WIDE
                .binary_search_by(|&(lo, hi)| {
                    if hi < cp {
                        std::cmp::Ordering::Less
                    } else if lo > cp {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok();
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_follows_python() {
        let cases = [
            (1.0, "1.0"),
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (123.456, "123.456"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e16, "1.5e+16"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.25e-7, "1.25e-07"),
            (301.8, "301.8"),
            (1e100, "1e+100"),
            (-2.5, "-2.5"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_repr(value), expected, "{value}");
        }
    }

    #[test]
    fn str_repr_chooses_quotes_like_python() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(str_repr("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(str_repr("\u{1}"), "'\\x01'");
    }

    #[test]
    fn json_dumps_matches_python_indent_4() {
        let value = Py::from_json(&json!({"a": [1, {"b": "x\"y\u{1}é"}], "c": {}, "d": []}));
        assert_eq!(
            json_dumps_indent4(&value),
            "{\n    \"a\": [\n        1,\n        {\n            \"b\": \"x\\\"y\\u0001é\"\n        }\n    ],\n    \"c\": {},\n    \"d\": []\n}"
        );
    }

    #[test]
    fn shaping_keeps_model_members_in_model_order_and_drops_nulls() {
        let shape = Shape::Structure(&[("B", Shape::Scalar), ("A", Shape::Scalar)]);
        let value = json!({"A": 1, "B": 2, "Extra": 3});
        assert_eq!(
            Py::from_shaped(&value, shape),
            Py::Dict(vec![
                ("B".into(), Py::Int("2".into())),
                ("A".into(), Py::Int("1".into()))
            ])
        );
        let value = json!({"A": null, "B": "x"});
        assert_eq!(
            Py::from_shaped(&value, shape),
            Py::Dict(vec![("B".into(), Py::Str("x".into()))])
        );
    }

    #[test]
    fn wide_and_ambiguous_characters_count_two_columns() {
        assert_eq!(text_length("abc"), 3);
        assert_eq!(text_length("東京"), 4);
        assert_eq!(text_length("Ünïcode"), 7);
        assert_eq!(text_length("°"), 2);
        assert_eq!(text_length("🎉"), 2);
    }

    #[test]
    fn truthiness_follows_python() {
        assert!(!Py::Int("0".into()).is_truthy());
        assert!(Py::Int("10".into()).is_truthy());
        assert!(!Py::Str(String::new()).is_truthy());
        assert!(!Py::Dict(vec![]).is_truthy());
    }
}
