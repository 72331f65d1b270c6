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

const fn string(name: &'static str, option: &'static str, required: bool) -> InputMember {
    member(name, option, MemberType::String, required)
}

const PARENT_ID: InputMember = string("ParentId", "--parent-id", true);
const OU_ID: InputMember = string("OrganizationalUnitId", "--organizational-unit-id", true);
const POLICY_ID: InputMember = string("PolicyId", "--policy-id", true);
const RESOURCE_ID: InputMember = string("ResourceId", "--resource-id", true);
const TARGET_ID: InputMember = string("TargetId", "--target-id", true);
const FILTER: InputMember = string("Filter", "--filter", true);

const CREATE_OU: &[InputMember] = &[PARENT_ID, string("Name", "--name", true)];
const OU_ONLY: &[InputMember] = &[OU_ID];
const UPDATE_OU: &[InputMember] = &[OU_ID, string("Name", "--name", false)];
const PARENT_PAGE: &[InputMember] = &[PARENT_ID, NEXT_TOKEN, MAX_RESULTS];
const LIST_CHILDREN: &[InputMember] = &[
    PARENT_ID,
    string("ChildType", "--child-type", true),
    NEXT_TOKEN,
    MAX_RESULTS,
];
const LIST_PARENTS: &[InputMember] = &[
    string("ChildId", "--child-id", true),
    NEXT_TOKEN,
    MAX_RESULTS,
];
const MOVE_ACCOUNT: &[InputMember] = &[
    ACCOUNT_ID,
    string("SourceParentId", "--source-parent-id", true),
    string("DestinationParentId", "--destination-parent-id", true),
];
const ACCOUNT_ONLY: &[InputMember] = &[ACCOUNT_ID];
const ACCOUNT_PAGE: &[InputMember] = &[ACCOUNT_ID, NEXT_TOKEN, MAX_RESULTS];
const TAG_RESOURCE: &[InputMember] = &[RESOURCE_ID];
const UNTAG_RESOURCE: &[InputMember] = &[
    RESOURCE_ID,
    member("TagKeys", "--tag-keys", MemberType::StringList, true),
];
const LIST_TAGS: &[InputMember] = &[RESOURCE_ID, NEXT_TOKEN];
const POLICY_TYPE: &[InputMember] = &[
    string("RootId", "--root-id", true),
    string("PolicyType", "--policy-type", true),
];
const CREATE_POLICY: &[InputMember] = &[
    string("Content", "--content", true),
    string("Description", "--description", true),
    string("Name", "--name", true),
    string("Type", "--type", true),
];
const POLICY_ONLY: &[InputMember] = &[POLICY_ID];
const UPDATE_POLICY: &[InputMember] = &[
    POLICY_ID,
    string("Name", "--name", false),
    string("Description", "--description", false),
    string("Content", "--content", false),
];
const LIST_POLICIES: &[InputMember] = &[FILTER, NEXT_TOKEN, MAX_RESULTS];
const LIST_POLICIES_FOR_TARGET: &[InputMember] = &[TARGET_ID, FILTER, NEXT_TOKEN, MAX_RESULTS];
const POLICY_PAGE: &[InputMember] = &[POLICY_ID, NEXT_TOKEN, MAX_RESULTS];
const POLICY_ATTACHMENT: &[InputMember] = &[POLICY_ID, TARGET_ID];
const LIST_CREATE_ACCOUNT_STATUS: &[InputMember] = &[
    member("States", "--states", MemberType::StringList, false),
    NEXT_TOKEN,
    MAX_RESULTS,
];

/// Input members of botocore's `organizations` model (2016-11-28) that an
/// option can carry. `Tags`, a list of structures, is left out: like a
/// member outside the model, it goes in `--cli-input-json`.
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
        OrgOperation::ListRoots => PAGE,
        OrgOperation::CreateOrganizationalUnit => CREATE_OU,
        OrgOperation::DescribeOrganizationalUnit | OrgOperation::DeleteOrganizationalUnit => {
            OU_ONLY
        }
        OrgOperation::UpdateOrganizationalUnit => UPDATE_OU,
        OrgOperation::ListOrganizationalUnitsForParent | OrgOperation::ListAccountsForParent => {
            PARENT_PAGE
        }
        OrgOperation::ListChildren => LIST_CHILDREN,
        OrgOperation::ListParents => LIST_PARENTS,
        OrgOperation::MoveAccount => MOVE_ACCOUNT,
        OrgOperation::DescribeAccount => ACCOUNT_ONLY,
        OrgOperation::TagResource => TAG_RESOURCE,
        OrgOperation::UntagResource => UNTAG_RESOURCE,
        OrgOperation::ListTagsForResource => LIST_TAGS,
        OrgOperation::EnablePolicyType | OrgOperation::DisablePolicyType => POLICY_TYPE,
        OrgOperation::CreatePolicy => CREATE_POLICY,
        OrgOperation::DescribePolicy | OrgOperation::DeletePolicy => POLICY_ONLY,
        OrgOperation::UpdatePolicy => UPDATE_POLICY,
        OrgOperation::ListPolicies => LIST_POLICIES,
        OrgOperation::ListPoliciesForTarget => LIST_POLICIES_FOR_TARGET,
        OrgOperation::ListTargetsForPolicy => POLICY_PAGE,
        OrgOperation::AttachPolicy | OrgOperation::DetachPolicy => POLICY_ATTACHMENT,
        OrgOperation::ListCreateAccountStatus => LIST_CREATE_ACCOUNT_STATUS,
        OrgOperation::ListDelegatedServicesForAccount => ACCOUNT_PAGE,
    }
}

fn command(operation: OrgOperation) -> Command {
    Command {
        service: "organizations",
        name: xform_name(operation.name(), '-'),
        members: members(operation),
        // The operations of botocore's paginators-1.json.
        paginated: matches!(
            operation,
            OrgOperation::ListAccounts
                | OrgOperation::ListAwsServiceAccessForOrganization
                | OrgOperation::ListDelegatedAdministrators
                | OrgOperation::ListRoots
                | OrgOperation::ListOrganizationalUnitsForParent
                | OrgOperation::ListAccountsForParent
                | OrgOperation::ListChildren
                | OrgOperation::ListParents
                | OrgOperation::ListTagsForResource
                | OrgOperation::ListPolicies
                | OrgOperation::ListPoliciesForTarget
                | OrgOperation::ListTargetsForPolicy
                | OrgOperation::ListCreateAccountStatus
                | OrgOperation::ListDelegatedServicesForAccount
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
