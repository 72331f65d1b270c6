//! A Query wire answer (XML) read into the JSON of its output shape, as
//! botocore's query parser reads it: the `<ActionResult>` element's members
//! by the shape, lists as their `<member>` items, integers and booleans
//! typed, timestamps as the text that arrived (AWS CLI v1 prints them so),
//! elements outside the shape dropped.
//!
//! The reader is this small one rather than a crate because it only reads
//! what the engine's own writer (`account-engine`'s `wire/query.rs`)
//! produces: elements, text and the five escapes plus character
//! references, an `xmlns` attribute, no comments, CDATA or DTDs.

use serde_json::{Map, Value};

use crate::model::Shape;

/// Why an answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XmlError {
    #[error("the XML answer ends inside an element")]
    Truncated,
    #[error("the XML answer has a malformed tag at byte {0}")]
    MalformedTag(usize),
    #[error("the XML answer closes <{found}> where <{expected}> is open")]
    Mismatched { expected: String, found: String },
    #[error("the XML answer has an unknown escape at byte {0}")]
    UnknownEscape(usize),
}

/// One element: its name, its child elements and its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// Parses a document into its root element.
pub fn parse(document: &str) -> Result<Element, XmlError> {
    let mut rest = document.trim_start();
    if rest.starts_with("<?") {
        let end = rest.find("?>").ok_or(XmlError::Truncated)?;
        rest = rest[end + 2..].trim_start();
    }
    let base = document.len() - rest.len();
    let mut stack: Vec<Element> = Vec::new();
    let mut at = 0;
    while at < rest.len() {
        let tail = &rest[at..];
        let Some(tag_start) = tail.find('<') else {
            return Err(XmlError::Truncated);
        };
        if let Some(open) = stack.last_mut() {
            open.text
                .push_str(&unescape(&tail[..tag_start], base + at)?);
        }
        let tag_at = at + tag_start;
        let end = rest[tag_at..].find('>').ok_or(XmlError::Truncated)? + tag_at;
        let tag = &rest[tag_at + 1..end];
        at = end + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let element = stack.pop().ok_or(XmlError::MalformedTag(base + tag_at))?;
            if element.name != name.trim() {
                return Err(XmlError::Mismatched {
                    expected: element.name,
                    found: name.trim().to_owned(),
                });
            }
            match stack.last_mut() {
                Some(parent) => parent.children.push(element),
                None => return Ok(element),
            }
        } else {
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(tag) => (tag, true),
                None => (tag, false),
            };
            let name = tag.split_whitespace().next().unwrap_or_default();
            if name.is_empty() || name.starts_with(['!', '?']) {
                return Err(XmlError::MalformedTag(base + tag_at));
            }
            let element = Element {
                name: name.to_owned(),
                ..Element::default()
            };
            match (empty, stack.last_mut()) {
                (false, _) => stack.push(element),
                (true, Some(parent)) => parent.children.push(element),
                (true, None) => return Ok(element),
            }
        }
    }
    Err(XmlError::Truncated)
}

fn unescape(text: &str, offset: usize) -> Result<String, XmlError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after
            .find(';')
            .ok_or(XmlError::UnknownEscape(offset + amp))?;
        let name = &after[..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        out.push(c.ok_or(XmlError::UnknownEscape(offset + amp))?);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The JSON botocore builds from an answer to `action`: the members of its
/// `<{action}Result>` by `shape` (an empty object when there is none).
pub fn answer_to_json(document: &str, action: &str, shape: Shape) -> Result<Value, XmlError> {
    let root = parse(document)?;
    Ok(root
        .child(&format!("{action}Result"))
        .map_or_else(|| Value::Object(Map::new()), |result| shaped(result, shape)))
}

fn shaped(element: &Element, shape: Shape) -> Value {
    match shape {
        Shape::Structure(members) => Value::Object(
            members
                .iter()
                .filter_map(|(name, member)| {
                    let child = element.child(name)?;
                    Some(((*name).to_owned(), shaped(child, *member)))
                })
                .collect(),
        ),
        Shape::List(item) => Value::Array(
            element
                .children
                .iter()
                .filter(|c| c.name == "member")
                .map(|c| shaped(c, *item))
                .collect(),
        ),
        Shape::Integer => element
            .text
            .trim()
            .parse::<i64>()
            .map_or_else(|_| Value::String(element.text.clone()), Value::from),
        Shape::Boolean => Value::Bool(element.text.trim() == "true"),
        Shape::Scalar => Value::String(element.text.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const USER: Shape =
        Shape::Structure(&[("UserName", Shape::Scalar), ("Tags", Shape::List(&TAG))]);
    const TAG: Shape = Shape::Structure(&[("Key", Shape::Scalar), ("Value", Shape::Scalar)]);

    #[test]
    fn an_answer_is_read_by_its_shape() {
        let xml = "<?xml version=\"1.0\"?><GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetUserResult><User><UserName>a&amp;b&#xD;</UserName><Unknown>x</Unknown><Tags><member><Key>k</Key><Value></Value></member></Tags></User><IsTruncated>false</IsTruncated><Count>3</Count></GetUserResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetUserResponse>";
        let shape = Shape::Structure(&[
            ("User", USER),
            ("IsTruncated", Shape::Boolean),
            ("Count", Shape::Integer),
        ]);
        assert_eq!(
            answer_to_json(xml, "GetUser", shape).unwrap(),
            json!({"User": {"UserName": "a&b\r", "Tags": [{"Key": "k", "Value": ""}]},
                   "IsTruncated": false, "Count": 3})
        );
    }

    #[test]
    fn an_answer_without_a_result_is_an_empty_object() {
        let xml = "<DeleteUserResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteUserResponse>";
        assert_eq!(
            answer_to_json(xml, "DeleteUser", Shape::Structure(&[])).unwrap(),
            json!({})
        );
    }

    #[test]
    fn broken_documents_are_errors_not_panics() {
        assert_eq!(
            parse("<A><B></A>").unwrap_err(),
            XmlError::Mismatched {
                expected: "B".into(),
                found: "A".into()
            }
        );
        assert_eq!(parse("<A>").unwrap_err(), XmlError::Truncated);
        assert!(matches!(
            parse("<A>&bogus;</A>"),
            Err(XmlError::UnknownEscape(_))
        ));
        assert!(matches!(
            parse("<!-- c --><A/>"),
            Err(XmlError::MalformedTag(_))
        ));
        assert_eq!(parse("<A/>").unwrap().name, "A");
    }
}
