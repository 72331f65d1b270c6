//! The generated tables of `services/tables.rs` against botocore's models
//! (`/work/shared/aws`, or `$AWS_MODELS_DIR`): every served operation's
//! input members (option, type, required), output shape and paginator, so
//! a change of the models or of the engine's operations shows here until
//! `scripts/gen-service-models.py` runs again.

use std::fmt;
use std::path::PathBuf;

use account_training::model::{xform_name, MemberType, Shape};
use account_training::services::Service;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// JSON with its objects' members in document order (serde_json's `Value`
/// sorts them, and the models' order is the output's order).
enum Json {
    Str(String),
    Other,
    List(Vec<Json>),
    Map(Vec<(String, Json)>),
}

const NULL: Json = Json::Other;

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Map(entries) => entries
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }

    fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    fn entries(&self) -> &[(String, Json)] {
        match self {
            Json::Map(entries) => entries,
            _ => &[],
        }
    }

    fn strs(&self) -> Vec<&str> {
        match self {
            Json::Str(s) => vec![s.as_str()],
            Json::List(items) => items.iter().filter_map(Json::str).collect(),
            _ => Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Str(v.to_owned()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Json, E> {
                Ok(Json::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Json, E> {
                Ok(Json::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Json, E> {
                Ok(Json::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Json, E> {
                Ok(Json::Other)
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Json::Map(entries))
            }
        }
        deserializer.deserialize_any(Ordered)
    }
}

fn models_dir() -> PathBuf {
    std::env::var_os("AWS_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/aws"))
}

fn load(service: Service, file: &str) -> Json {
    let path = models_dir().join(service.cli_name()).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn kind(shapes: &Json, name: &str) -> MemberType {
    let shape = shapes.get(name);
    match shape.get("type").str().unwrap() {
        "string" | "timestamp" | "blob" => MemberType::String,
        "integer" | "long" => MemberType::Integer,
        "boolean" => MemberType::Boolean,
        "structure" => MemberType::Structure,
        "list" => {
            let item = shape.get("member").get("shape").str().unwrap();
            if shapes.get(item).get("type").str() == Some("string") {
                MemberType::StringList
            } else {
                MemberType::StructureList
            }
        }
        other => panic!("{name}: {other}"),
    }
}

fn shape(shapes: &Json, name: &str) -> Shape {
    let model = shapes.get(name);
    match model.get("type").str().unwrap() {
        "integer" | "long" => Shape::Integer,
        "boolean" => Shape::Boolean,
        "list" => Shape::List(Box::leak(Box::new(shape(
            shapes,
            model.get("member").get("shape").str().unwrap(),
        )))),
        "structure" => {
            let members: Vec<(&'static str, Shape)> = model
                .get("members")
                .entries()
                .iter()
                .map(|(member, reference)| {
                    let name: &'static str = Box::leak(member.clone().into_boxed_str());
                    (name, shape(shapes, reference.get("shape").str().unwrap()))
                })
                .collect();
            Shape::Structure(Box::leak(members.into_boxed_slice()))
        }
        _ => Shape::Scalar,
    }
}

#[test]
fn the_tables_are_the_models_of_the_served_operations() {
    for service in Service::ALL {
        let model = load(service, "service-2.json");
        let pages = load(service, "paginators-1.json");
        let shapes = model.get("shapes");
        for op in service.operations() {
            let what = format!("{} {}", service.cli_name(), op.name);
            let definition = model.get("operations").get(op.name);
            assert!(matches!(definition, Json::Map(_)), "{what}");
            let paging = pages.get("pagination").get(op.name);
            let paginated = matches!(paging, Json::Map(_));
            let mut expected = Vec::new();
            if let Some(input) = definition.get("input").get("shape").str() {
                let input = shapes.get(input);
                let required = input.get("required").strs();
                for (member, reference) in input.get("members").entries() {
                    let option = format!("--{}", xform_name(member, '-'));
                    // The CLI's own paging options replace members of
                    // those names in paginated commands.
                    if paginated
                        && ["--max-items", "--starting-token", "--page-size"]
                            .contains(&option.as_str())
                    {
                        continue;
                    }
                    expected.push((
                        member.clone(),
                        option,
                        kind(shapes, reference.get("shape").str().unwrap()),
                        required.contains(&member.as_str()),
                    ));
                }
            }
            let actual: Vec<_> = op
                .members
                .iter()
                .map(|m| (m.name.to_owned(), m.option.to_owned(), m.kind, m.required))
                .collect();
            assert_eq!(actual, expected, "{what}");
            let output = definition
                .get("output")
                .get("shape")
                .str()
                .map_or(Shape::Structure(&[]), |name| shape(shapes, name));
            assert_eq!(op.output, output, "{what}");
            match &op.paging {
                None => assert!(!paginated, "{what}"),
                Some(p) => {
                    assert_eq!(
                        paging.get("input_token").str(),
                        Some(p.input_token),
                        "{what}"
                    );
                    assert_eq!(
                        paging.get("output_token").str(),
                        Some(p.output_token),
                        "{what}"
                    );
                    assert_eq!(paging.get("more_results").str(), p.more_results, "{what}");
                    assert_eq!(paging.get("limit_key").str(), p.limit_key, "{what}");
                    assert_eq!(paging.get("result_key").strs(), p.result_keys, "{what}");
                }
            }
        }
    }
}
