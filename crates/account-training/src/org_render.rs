//! The AWS CLI command and the boto3 snippet equivalent to one call of the
//! AWS Organizations subset the sandbox serves, built by the same
//! [`crate::cli_render`] rules as for the Account API from this module's
//! copy of the model's input members; the List operations are the ones the
//! CLI pages by itself.

use account_engine::OrgOperation;
use serde_json::Value;

use crate::cli_render::{boto3_script, Command};
use crate::model::{member, xform_name, InputMember, MemberType};

const ACCOUNT_ID: InputMember = member("AccountId", "--account-id", MemberType::String, true);
const MAX_RESULTS: InputMember = member("MaxResults", "--max-results", MemberType::Integer, false);
const NEXT_TOKEN: InputMember = member("NextToken", "--next-token", MemberType::String, false);
const SERVICE_PRINCIPAL: InputMember = member(
    "ServicePrincipal",
    "--service-principal",
    MemberType::String,
    true,
);

const CREATE_ORGANIZATION: &[InputMember] = &[member(
    "FeatureSet",
    "--feature-set",
    MemberType::String,
    false,
)];
const CREATE_ACCOUNT: &[InputMember] = &[
    member("Email", "--email", MemberType::String, true),
    member("AccountName", "--account-name", MemberType::String, true),
    member("RoleName", "--role-name", MemberType::String, false),
    member(
        "IamUserAccessToBilling",
        "--iam-user-access-to-billing",
        MemberType::String,
        false,
    ),
];
const DESCRIBE_CREATE_ACCOUNT_STATUS: &[InputMember] = &[member(
    "CreateAccountRequestId",
    "--create-account-request-id",
    MemberType::String,
    true,
)];
const PAGE: &[InputMember] = &[NEXT_TOKEN, MAX_RESULTS];
const SERVICE_ACCESS: &[InputMember] = &[SERVICE_PRINCIPAL];
const DELEGATED_ADMINISTRATOR: &[InputMember] = &[ACCOUNT_ID, SERVICE_PRINCIPAL];
const LIST_DELEGATED_ADMINISTRATORS: &[InputMember] = &[
    member(
        "ServicePrincipal",
        "--service-principal",
        MemberType::String,
        false,
    ),
    NEXT_TOKEN,
    MAX_RESULTS,
];

/// Input members of botocore's `organizations` model (2016-11-28) that an
/// option can carry. CreateAccount's `Tags`, a list of structures, is left
/// out: like a member outside the model, it goes in `--cli-input-json`.
fn members(operation: OrgOperation) -> &'static [InputMember] {
    match operation {
        OrgOperation::CreateOrganization => CREATE_ORGANIZATION,
        OrgOperation::DescribeOrganization => &[],
        OrgOperation::CreateAccount | OrgOperation::CreateGovCloudAccount => CREATE_ACCOUNT,
        OrgOperation::DescribeCreateAccountStatus => DESCRIBE_CREATE_ACCOUNT_STATUS,
        OrgOperation::ListAccounts | OrgOperation::ListAwsServiceAccessForOrganization => PAGE,
        OrgOperation::EnableAwsServiceAccess | OrgOperation::DisableAwsServiceAccess => {
            SERVICE_ACCESS
        }
        OrgOperation::RegisterDelegatedAdministrator
        | OrgOperation::DeregisterDelegatedAdministrator => DELEGATED_ADMINISTRATOR,
        OrgOperation::ListDelegatedAdministrators => LIST_DELEGATED_ADMINISTRATORS,
    }
}

fn command(operation: OrgOperation) -> Command {
    Command {
        service: "organizations",
        name: xform_name(operation.name(), '-'),
        members: members(operation),
        paginated: matches!(
            operation,
            OrgOperation::ListAccounts
                | OrgOperation::ListAwsServiceAccessForOrganization
                | OrgOperation::ListDelegatedAdministrators
        ),
    }
}

/// The AWS CLI command line (POSIX shell syntax) making the same request,
/// e.g. `aws organizations enable-aws-service-access --service-principal account.amazonaws.com`.
pub fn render_organizations_cli(operation: OrgOperation, input: &Value) -> String {
    command(operation).shell(input)
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
