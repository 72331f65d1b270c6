//! The AWS CLI command and the boto3 snippet equivalent to one call of the
//! AWS Organizations subset the sandbox serves, by the same rules as
//! [`crate::cli_render`] for the Account API: model members become options
//! named by `xform_name`, sorted by name; strings starting with `-` use
//! `--option=value`; what the CLI cannot take as an option (tags, values of
//! another JSON type, file or URL prefixes, members outside the model) and
//! a missing required member go in `--cli-input-json`, so that botocore
//! reports them as boto3 would; the List operations get `--no-paginate`
//! unless `--max-results` or `--next-token` already turn paging off, so the
//! CLI makes one request, as the call did.

use account_engine::OrgOperation;
use serde_json::{Map, Value};

use crate::cli_render::{boto3_script, has_paramfile_prefix};
use crate::model::xform_name;
use crate::shell::quote;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Integer,
    List,
}

/// Input members of botocore's `organizations` model (2016-11-28), with
/// whether each is required.
fn members(operation: OrgOperation) -> &'static [(&'static str, Kind, bool)] {
    use Kind::{Integer, List, String};
    match operation {
        OrgOperation::CreateOrganization => &[("FeatureSet", String, false)],
        OrgOperation::DescribeOrganization => &[],
        OrgOperation::CreateAccount => &[
            ("Email", String, true),
            ("AccountName", String, true),
            ("RoleName", String, false),
            ("IamUserAccessToBilling", String, false),
            ("Tags", List, false),
        ],
        OrgOperation::DescribeCreateAccountStatus => &[("CreateAccountRequestId", String, true)],
        OrgOperation::ListAccounts | OrgOperation::ListAwsServiceAccessForOrganization => {
            &[("NextToken", String, false), ("MaxResults", Integer, false)]
        }
        OrgOperation::EnableAwsServiceAccess | OrgOperation::DisableAwsServiceAccess => {
            &[("ServicePrincipal", String, true)]
        }
        OrgOperation::RegisterDelegatedAdministrator
        | OrgOperation::DeregisterDelegatedAdministrator => &[
            ("AccountId", String, true),
            ("ServicePrincipal", String, true),
        ],
        OrgOperation::ListDelegatedAdministrators => &[
            ("ServicePrincipal", String, false),
            ("NextToken", String, false),
            ("MaxResults", Integer, false),
        ],
    }
}

fn paginated(operation: OrgOperation) -> bool {
    matches!(
        operation,
        OrgOperation::ListAccounts
            | OrgOperation::ListAwsServiceAccessForOrganization
            | OrgOperation::ListDelegatedAdministrators
    )
}

/// The option words for one member, or `None` when the value must go in
/// `--cli-input-json`.
fn option_words(option: &str, kind: Kind, value: &Value) -> Option<Vec<String>> {
    match (kind, value) {
        (Kind::String, Value::String(s)) if has_paramfile_prefix(s) || s.contains('\0') => None,
        (Kind::String, Value::String(s)) if s.starts_with('-') => {
            Some(vec![format!("{option}={}", quote(s))])
        }
        (Kind::String, Value::String(s)) => Some(vec![option.to_owned(), quote(s)]),
        (Kind::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => {
            Some(vec![option.to_owned(), n.to_string()])
        }
        _ => None,
    }
}

/// The AWS CLI command line (POSIX shell syntax) making the same request,
/// e.g. `aws organizations enable-aws-service-access --service-principal account.amazonaws.com`.
pub fn render_organizations_cli(operation: OrgOperation, input: &Value) -> String {
    let model = members(operation);
    let empty = Map::new();
    let given = match input {
        Value::Object(map) => map,
        _ => &empty,
    };
    let mut options: Vec<(String, Vec<String>)> = Vec::new();
    let mut leftover = Map::new();
    for (name, value) in given {
        let words =
            model
                .iter()
                .find(|(member, _, _)| member == name)
                .and_then(|(member, kind, _)| {
                    option_words(&format!("--{}", xform_name(member, '-')), *kind, value)
                });
        match words {
            Some(words) => options.push((name.clone(), words)),
            None => {
                leftover.insert(name.clone(), value.clone());
            }
        }
    }
    options.sort_by_key(|(name, _)| xform_name(name, '-'));
    let mut words = vec![
        "aws".to_owned(),
        "organizations".to_owned(),
        xform_name(operation.name(), '-'),
    ];
    let paging_off = options
        .iter()
        .any(|(name, _)| name == "MaxResults" || name == "NextToken");
    let required_missing = model
        .iter()
        .any(|(member, _, required)| *required && !options.iter().any(|(n, _)| n == member));
    for (_, option) in options {
        words.extend(option);
    }
    if paginated(operation) && !paging_off {
        words.push("--no-paginate".to_owned());
    }
    if !leftover.is_empty() || required_missing {
        words.push("--cli-input-json".to_owned());
        words.push(quote(&Value::Object(leftover).to_string()));
    }
    words.join(" ")
}

/// A Python script making the same call with boto3 and printing the
/// response, as [`crate::render_boto3`] writes it for the Account API.
pub fn render_organizations_boto3(operation: OrgOperation, input: &Value) -> String {
    boto3_script("organizations", &xform_name(operation.name(), '_'), input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn options_are_sorted_and_quoted_and_lists_page_once() {
        assert_eq!(
            render_organizations_cli(
                OrgOperation::CreateAccount,
                &json!({"AccountName": "Log archive", "Email": "logs@example.com"})
            ),
            "aws organizations create-account --account-name 'Log archive' --email logs@example.com"
        );
        assert_eq!(
            render_organizations_cli(OrgOperation::ListAccounts, &json!({})),
            "aws organizations list-accounts --no-paginate"
        );
        assert_eq!(
            render_organizations_cli(
                OrgOperation::ListAccounts,
                &json!({"NextToken": "abc", "MaxResults": 5})
            ),
            "aws organizations list-accounts --max-results 5 --next-token abc"
        );
        assert_eq!(
            render_organizations_cli(
                OrgOperation::EnableAwsServiceAccess,
                &json!({"ServicePrincipal": "account.amazonaws.com"})
            ),
            "aws organizations enable-aws-service-access --service-principal account.amazonaws.com"
        );
        assert_eq!(
            render_organizations_cli(
                OrgOperation::ListAwsServiceAccessForOrganization,
                &Value::Null
            ),
            "aws organizations list-aws-service-access-for-organization --no-paginate"
        );
    }

    #[test]
    fn what_no_option_can_carry_goes_in_cli_input_json() {
        assert_eq!(
            render_organizations_cli(
                OrgOperation::CreateAccount,
                &json!({"AccountName": "-dash", "Email": "e@example.com",
                        "Tags": [{"Key": "team", "Value": "a b"}]})
            ),
            r#"aws organizations create-account --account-name=-dash --email e@example.com --cli-input-json '{"Tags":[{"Key":"team","Value":"a b"}]}'"#
        );
        assert_eq!(
            render_organizations_cli(OrgOperation::RegisterDelegatedAdministrator, &json!({})),
            "aws organizations register-delegated-administrator --cli-input-json '{}'"
        );
        assert_eq!(
            render_organizations_cli(OrgOperation::DescribeOrganization, &json!({"Bogus": 1})),
            r#"aws organizations describe-organization --cli-input-json '{"Bogus":1}'"#
        );
    }

    #[test]
    fn the_boto3_snippet_uses_the_organizations_client() {
        let snippet = render_organizations_boto3(
            OrgOperation::RegisterDelegatedAdministrator,
            &json!({"AccountId": "111111111111", "ServicePrincipal": "account.amazonaws.com"}),
        );
        assert!(
            snippet.contains("client = boto3.client(\"organizations\")"),
            "{snippet}"
        );
        assert!(snippet.contains("response = client.register_delegated_administrator(\n    AccountId=\"111111111111\",\n"), "{snippet}");
    }
}
