//! Indented JSON from compact JSON text, byte for byte what
//! `serde_json::to_string_pretty` writes. Serializing a type with serde_json's
//! pretty formatter compiles every `Serialize` impl it reaches a second time
//! (once per formatter); re-indenting the compact text costs one small
//! function instead, which matters for the page's wasm (docs/size.md).

/// `compact` must be JSON as serde_json's compact serializer writes it: no
/// whitespace outside strings.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // An empty object or array stays on its line, as serde_json's.
                if let Some(close) = chars.next_if(|&n| n == '}' || n == ']') {
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::indent;
    use serde_json::{json, Value};

    fn same_as_serde(value: &Value) {
        let compact = serde_json::to_string(value).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(value).unwrap()
        );
    }

    #[test]
    fn scalars_and_empty_containers_stay_on_their_line() {
        for value in [
            json!(null),
            json!(true),
            json!(-1.5e300),
            json!("x"),
            json!({}),
            json!([]),
        ] {
            same_as_serde(&value);
        }
        same_as_serde(&json!({"a": {}, "b": [], "c": [[], {}]}));
    }

    #[test]
    fn nesting_is_indented_two_spaces_a_level() {
        same_as_serde(&json!({
            "Accounts": [{"Id": "111122223333", "Tags": [{"Key": "k", "Value": "v"}]}, 12, null],
            "Nested": {"deeper": {"deepest": [1, [2, [3]]]}}
        }));
    }

    #[test]
    fn punctuation_inside_strings_is_left_alone() {
        same_as_serde(&json!({
            "{\"Version\":\"2012-10-17\"}": "a,b:c[d]{e}",
            "escapes": "quote \" backslash \\ end\\",
            "unicode": "é ✓ \u{1F600} \u{0007}",
            "tail\\": ["\\\"", "\"\\"]
        }));
    }
}
