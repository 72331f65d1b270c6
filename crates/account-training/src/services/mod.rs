//! The AWS CLI's view of the other services the sandbox serves (IAM, STS,
//! Organizations): for each served operation its input members, output
//! shape and paginator, from the compact tables `tables.rs` holds
//! (generated from botocore's models by `scripts/gen-service-models.py`,
//! so the wasm carries no model JSON); the CLI command and boto3 snippet of
//! a call; the Query wire's form parameters of an input and back; and the
//! CLI's own paging.

mod tables;
pub mod xml;

use serde_json::{Map, Value};

use crate::cli_render::{boto3_script, Command};
use crate::model::{xform_name, InputMember, MemberType, Shape};

/// A service the console and the Activity tab know besides the Account API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    Iam,
    Sts,
    Organizations,
}

impl Service {
    pub const ALL: [Self; 3] = [Self::Iam, Self::Organizations, Self::Sts];

    /// The CLI's (and boto3's) name of the service, e.g. `iam`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Iam => "iam",
            Self::Sts => "sts",
            Self::Organizations => "organizations",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.cli_name() == name)
    }

    /// The served operations, in the engine's order.
    pub fn operations(self) -> &'static [OperationModel] {
        match self {
            Self::Iam => tables::IAM,
            Self::Sts => tables::STS,
            Self::Organizations => tables::ORGANIZATIONS,
        }
    }

    /// The operation of that wire name, e.g. `CreateUser`.
    pub fn operation(self, name: &str) -> Option<&'static OperationModel> {
        self.operations().iter().find(|op| op.name == name)
    }

    /// The operation a CLI command names, e.g. `create-user`.
    pub fn operation_for_command(self, command: &str) -> Option<&'static OperationModel> {
        self.operations()
            .iter()
            .find(|op| op.command_name() == command)
    }
}

/// What the CLI knows of one operation.
#[derive(Debug, PartialEq, Eq)]
pub struct OperationModel {
    /// The wire name, e.g. `CreateUser`.
    pub name: &'static str,
    /// The input members an option can carry, in model order.
    pub members: &'static [InputMember],
    pub output: Shape,
    /// botocore's paginator, when the CLI pages the operation itself.
    pub paging: Option<Paging>,
}

/// A paginator of botocore's `paginators-1.json`.
#[derive(Debug, PartialEq, Eq)]
pub struct Paging {
    pub input_token: &'static str,
    pub output_token: &'static str,
    /// The member saying more pages follow (IAM's `IsTruncated`).
    pub more_results: Option<&'static str>,
    pub limit_key: Option<&'static str>,
    pub result_keys: &'static [&'static str],
}

impl OperationModel {
    pub fn command_name(&self) -> String {
        xform_name(self.name, '-')
    }

    pub fn method_name(&self) -> String {
        xform_name(self.name, '_')
    }

    pub fn member_for_option(&self, option: &str) -> Option<&'static InputMember> {
        self.members.iter().find(|m| m.option == option)
    }

    /// The options whose use turns the CLI's paging off: the paginator's
    /// input token and limit.
    pub fn paging_options(&self) -> Vec<&'static str> {
        let Some(paging) = &self.paging else {
            return Vec::new();
        };
        self.members
            .iter()
            .filter(|m| m.name == paging.input_token || Some(m.name) == paging.limit_key)
            .map(|m| m.option)
            .collect()
    }

    fn command(&self, service: Service) -> Command {
        Command {
            service: service.cli_name(),
            name: self.command_name(),
            members: self.members,
            paginated: self.paging.is_some(),
            paging_options: self.paging_options(),
        }
    }

    /// The input of the next page after `page`, or `None` on the last one.
    pub fn next_page(&self, input: &Value, page: &Value) -> Option<Value> {
        let paging = self.paging.as_ref()?;
        if let Some(more) = paging.more_results {
            if page.get(more) != Some(&Value::Bool(true)) {
                return None;
            }
        }
        let token = page
            .get(paging.output_token)
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())?;
        let mut next = input.clone();
        if let Value::Object(members) = &mut next {
            members.insert(paging.input_token.to_owned(), token.into());
        }
        Some(next)
    }

    /// What the CLI prints for pages it fetched: the result keys of every
    /// page joined (botocore's `build_full_result`), nothing else.
    pub fn full_result(&self, pages: Vec<Value>) -> Value {
        let Some(paging) = &self.paging else {
            return pages.into_iter().next().unwrap_or(Value::Null);
        };
        let mut result = Map::new();
        for page in pages {
            for key in paging.result_keys {
                if let Some(Value::Array(items)) = page.get(*key) {
                    let joined = result
                        .entry(*key)
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(all) = joined {
                        all.extend(items.iter().cloned());
                    }
                }
            }
        }
        Value::Object(result)
    }
}

/// The AWS CLI command line making the same request as calling the
/// operation `name` of `service` with `input`, by the [`crate::cli_render`]
/// rules; `None` for an operation this sandbox does not serve.
pub fn render_service_cli(service: Service, name: &str, input: &Value) -> Option<String> {
    Some(service.operation(name)?.command(service).shell(input))
}

/// The boto3 script making the same call, as [`crate::render_boto3`]
/// writes it for the Account API.
pub fn render_service_boto3(service: Service, name: &str, input: &Value) -> Option<String> {
    let operation = service.operation(name)?;
    Some(boto3_script(
        service.cli_name(),
        &operation.method_name(),
        input,
    ))
}

/// An input as the Query wire's form parameters, as botocore's query
/// serializer writes them: a list's items as `Name.member.N` (from 1), a
/// structure's members as `Name.Member`, booleans as `true`/`false`.
pub fn query_params(input: &Value) -> Vec<(String, String)> {
    fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Null => {}
            Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            Value::Bool(b) => out.push((prefix.to_owned(), b.to_string())),
            Value::Number(n) => out.push((prefix.to_owned(), n.to_string())),
            Value::Array(items) if items.is_empty() => out.push((prefix.to_owned(), String::new())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    flatten(&format!("{prefix}.member.{}", i + 1), item, out);
                }
            }
            Value::Object(members) => {
                for (name, member) in members {
                    let key = if prefix.is_empty() {
                        name.clone()
                    } else {
                        format!("{prefix}.{name}")
                    };
                    flatten(&key, member, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    flatten("", input, &mut out);
    out
}

/// The input a Query request's parameters (as the Activity log keeps them:
/// a JSON object of strings) carried, read back by the operation's model:
/// `Tags.member.1.Key` becomes `Tags: [{Key}]`, integers and booleans
/// their JSON types.
pub fn input_from_query_params(operation: &OperationModel, params: &Value) -> Value {
    let mut input = Map::new();
    let Value::Object(params) = params else {
        return Value::Object(input);
    };
    for (key, value) in params {
        let text = value.as_str().unwrap_or_default();
        let mut path = key.split('.');
        let top = path.next().unwrap_or_default();
        let kind = operation
            .members
            .iter()
            .find(|m| m.name == top)
            .map(|m| m.kind);
        let leaf = match kind {
            Some(MemberType::Integer) => text
                .parse::<i64>()
                .map_or_else(|_| Value::String(text.to_owned()), Value::from),
            Some(MemberType::Boolean) if text == "true" || text == "false" => {
                Value::Bool(text == "true")
            }
            _ => Value::String(text.to_owned()),
        };
        let rest: Vec<&str> = path.collect();
        insert_path(&mut input, top, &rest, leaf);
    }
    Value::Object(input)
}

/// Puts `leaf` at `name` followed by `rest` (`member`, `N`, `Key`, …).
fn insert_path(map: &mut Map<String, Value>, name: &str, rest: &[&str], leaf: Value) {
    match rest {
        [] => {
            map.insert(name.to_owned(), leaf);
        }
        ["member", index, rest @ ..] => {
            let slot = map.entry(name).or_insert_with(|| Value::Array(Vec::new()));
            let (Value::Array(items), Ok(index)) = (slot, index.parse::<usize>()) else {
                return;
            };
            let Some(at) = index.checked_sub(1) else {
                return;
            };
            if items.len() <= at {
                items.resize(at + 1, Value::Null);
            }
            match rest {
                [] => items[at] = leaf,
                [field, deeper @ ..] => {
                    if !items[at].is_object() {
                        items[at] = Value::Object(Map::new());
                    }
                    if let Value::Object(item) = &mut items[at] {
                        insert_path(item, field, deeper, leaf);
                    }
                }
            }
        }
        [field, deeper @ ..] => {
            let slot = map.entry(name).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = slot {
                insert_path(inner, field, deeper, leaf);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_served_operation_has_a_table_entry() {
        use account_engine::{IamOperation, OrgOperation, StsOperation};
        for op in IamOperation::ALL {
            assert!(Service::Iam.operation(op.name()).is_some(), "{op:?}");
        }
        for op in StsOperation::ALL {
            assert!(Service::Sts.operation(op.name()).is_some(), "{op:?}");
        }
        for op in OrgOperation::ALL {
            assert!(
                Service::Organizations.operation(op.name()).is_some(),
                "{op:?}"
            );
        }
        let count = |s: Service| s.operations().len();
        assert_eq!(count(Service::Iam), IamOperation::ALL.len());
        assert_eq!(count(Service::Sts), StsOperation::ALL.len());
        assert_eq!(count(Service::Organizations), OrgOperation::ALL.len());
    }

    #[test]
    fn commands_and_methods_are_xform_names() {
        let op = Service::Organizations
            .operation("ListAWSServiceAccessForOrganization")
            .unwrap();
        assert_eq!(
            op.command_name(),
            "list-aws-service-access-for-organization"
        );
        assert_eq!(
            Service::Iam
                .operation_for_command("create-user")
                .unwrap()
                .name,
            "CreateUser"
        );
        assert_eq!(
            Service::Sts
                .operation("GetCallerIdentity")
                .unwrap()
                .method_name(),
            "get_caller_identity"
        );
    }

    #[test]
    fn query_params_flatten_lists_and_structures_and_read_back() {
        let op = Service::Iam.operation("CreateUser").unwrap();
        let input = json!({"UserName": "alice", "Tags": [{"Key": "team", "Value": "a b"}, {"Key": "x", "Value": ""}]});
        let params = query_params(&input);
        assert_eq!(
            params,
            [
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "a b"),
                ("Tags.member.2.Key", "x"),
                ("Tags.member.2.Value", ""),
                ("UserName", "alice"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        let logged: Map<String, Value> = params
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        assert_eq!(input_from_query_params(op, &Value::Object(logged)), input);
        let list = Service::Iam.operation("ListPolicies").unwrap();
        assert_eq!(
            input_from_query_params(list, &json!({"OnlyAttached": "true", "Scope": "Local"})),
            json!({"OnlyAttached": true, "Scope": "Local"})
        );
    }

    #[test]
    fn pages_are_followed_by_the_paginator_and_joined() {
        let op = Service::Organizations.operation("ListAccounts").unwrap();
        let first = json!({"Accounts": [{"Id": "1"}], "NextToken": "t"});
        let next = op.next_page(&json!({}), &first).unwrap();
        assert_eq!(next, json!({"NextToken": "t"}));
        let last = json!({"Accounts": [{"Id": "2"}]});
        assert_eq!(op.next_page(&next, &last), None);
        assert_eq!(
            op.full_result(vec![first, last]),
            json!({"Accounts": [{"Id": "1"}, {"Id": "2"}]})
        );
        let users = Service::Iam.operation("ListUsers").unwrap();
        let page = json!({"Users": [], "IsTruncated": false, "Marker": "m"});
        assert_eq!(users.next_page(&json!({}), &page), None);
        assert_eq!(users.full_result(vec![page]), json!({"Users": []}));
        assert_eq!(users.paging_options(), ["--marker"]);
    }

    #[test]
    fn a_query_answer_prints_as_the_cli_prints_its_output_shape() {
        use crate::{format_service_output, OutputFormat};
        let op = Service::Iam.operation("CreateUser").unwrap();
        let xml = "<CreateUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><CreateUserResult><User><Path>/</Path><UserName>alice</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::000000000000:user/alice</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></User></CreateUserResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CreateUserResponse>";
        let output = xml::answer_to_json(xml, op.name, op.output).unwrap();
        assert_eq!(
            format_service_output(op, &output, OutputFormat::Json),
            "{\n    \"User\": {\n        \"Path\": \"/\",\n        \"UserName\": \"alice\",\n        \"UserId\": \"AIDA1\",\n        \"Arn\": \"arn:aws:iam::000000000000:user/alice\",\n        \"CreateDate\": \"2026-01-01T00:00:00Z\"\n    }\n}\n"
        );
        assert_eq!(
            format_service_output(op, &output, OutputFormat::Text),
            "USER\tarn:aws:iam::000000000000:user/alice\t2026-01-01T00:00:00Z\t/\tAIDA1\talice\n"
        );
        let policy = Service::Iam.operation("GetPolicy").unwrap();
        let xml = "<GetPolicyResponse><GetPolicyResult><Policy><PolicyName>p</PolicyName><AttachmentCount>2</AttachmentCount><IsAttachable>true</IsAttachable></Policy></GetPolicyResult></GetPolicyResponse>";
        assert_eq!(
            xml::answer_to_json(xml, policy.name, policy.output).unwrap(),
            json!({"Policy": {"PolicyName": "p", "AttachmentCount": 2, "IsAttachable": true}})
        );
    }

    #[test]
    fn iam_and_sts_calls_render_as_cli_commands_and_boto3() {
        assert_eq!(
            render_service_cli(Service::Iam, "CreateUser", &json!({"UserName": "alice"})).unwrap(),
            "aws iam create-user --user-name alice"
        );
        assert_eq!(
            render_service_cli(
                Service::Iam,
                "TagUser",
                &json!({"UserName": "alice", "Tags": [{"Key": "team", "Value": "a"}]})
            )
            .unwrap(),
            r#"aws iam tag-user --tags '[{"Key":"team","Value":"a"}]' --user-name alice"#
        );
        assert_eq!(
            render_service_cli(Service::Iam, "ListUsers", &json!({})).unwrap(),
            "aws iam list-users --no-paginate"
        );
        assert_eq!(
            render_service_cli(
                Service::Iam,
                "ListPolicies",
                &json!({"OnlyAttached": false, "Scope": "AWS"})
            )
            .unwrap(),
            "aws iam list-policies --no-only-attached --scope AWS --no-paginate"
        );
        assert_eq!(
            render_service_cli(Service::Sts, "GetCallerIdentity", &json!({})).unwrap(),
            "aws sts get-caller-identity"
        );
        assert_eq!(
            render_service_boto3(Service::Iam, "CreateUser", &json!({"UserName": "alice"})).unwrap(),
            "import boto3\n\nclient = boto3.client(\"iam\")\nresponse = client.create_user(\n    UserName=\"alice\",\n)\nprint(response)\n"
        );
        assert_eq!(
            render_service_cli(Service::Iam, "UpdateRole", &json!({})),
            None
        );
    }
}
