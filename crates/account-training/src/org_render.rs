//! The AWS CLI command and the boto3 snippet equivalent to one call of the
//! AWS Organizations subset the sandbox serves, built by the same
//! [`crate::cli_render`] rules as for the Account API from the generated
//! tables of [`crate::services`]; the List operations are the ones the
//! CLI pages by itself.

use account_engine::OrgOperation;
use serde_json::Value;

use crate::services::{render_service_boto3, render_service_cli, Service};

/// The AWS CLI command line (POSIX shell syntax) making the same request,
/// e.g. `aws organizations enable-aws-service-access --service-principal account.amazonaws.com`.
pub fn render_organizations_cli(operation: OrgOperation, input: &Value) -> String {
    render_service_cli(Service::Organizations, operation.name(), input)
        .expect("every served operation has a table entry (a services test checks)")
}

/// A Python script making the same call with boto3 and printing the
/// response, as [`crate::render_boto3`] writes it for the Account API.
pub fn render_organizations_boto3(operation: OrgOperation, input: &Value) -> String {
    render_service_boto3(Service::Organizations, operation.name(), input)
        .expect("every served operation has a table entry (a services test checks)")
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
            r#"aws organizations create-account --account-name=-dash --email e@example.com --tags '[{"Key":"team","Value":"a b"}]'"#
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
