"""AWS GovCloud (US) accounts: Organizations CreateGovCloudAccount links one
to a new member account, and the Account API's
GetGovCloudAccountInformation reports the link; through boto3 and the AWS
CLI."""

import re

import pytest

from organization import MANAGEMENT_STANDALONE_ONLY, NO_TRUSTED_ACCESS, Organization, created, unique_email
from support import access_denied, api_error, modeled_error, new_account, wait_until


def not_linked(account_id):
    return f"GovCloud Account ID not found for Standard Account - {account_id}."


@pytest.fixture
def organization(server):
    """Trusted access on; one plain member, `members[0]`."""
    organization = Organization(server, ["Plain"])
    organization.enable_trusted_access()
    return organization


def test_create_gov_cloud_account_links_a_gov_cloud_account(organization):
    org = organization.org
    email = unique_email("Gov workloads")
    started = org.create_gov_cloud_account(AccountName="Gov workloads", Email=email)["CreateAccountStatus"]
    assert (started["State"], started["AccountName"]) == ("IN_PROGRESS", "Gov workloads")
    assert started["Id"].startswith("car-")
    assert "AccountId" not in started and "GovCloudAccountId" not in started

    status = created(org, {"CreateAccountStatus": started})
    assert status["State"] == "SUCCEEDED"
    member, gov_cloud = status["AccountId"], status["GovCloudAccountId"]
    assert re.fullmatch(r"\d{12}", gov_cloud) and gov_cloud != member
    listed = {a["Id"]: a for a in org.list_accounts()["Accounts"]}
    assert (listed[member]["Name"], listed[member]["Email"], listed[member]["JoinedMethod"]) == (
        "Gov workloads",
        email,
        "CREATED",
    )

    expected = {"GovCloudAccountId": gov_cloud, "AccountState": "ACTIVE"}
    by_management = organization.account().get_gov_cloud_account_information(StandardAccountId=member)
    by_management.pop("ResponseMetadata")
    assert by_management == expected
    by_itself = organization.account(member).get_gov_cloud_account_information()
    by_itself.pop("ResponseMetadata")
    assert by_itself == expected


def test_an_account_without_a_gov_cloud_account_is_not_found(server, organization):
    standalone = new_account()
    error = api_error(server.client(standalone).get_gov_cloud_account_information)
    assert (error["code"], error["status"], error["message"]) == (
        "ResourceNotFoundException",
        404,
        not_linked(standalone),
    )
    (plain,) = organization.members
    error = api_error(organization.account().get_gov_cloud_account_information, StandardAccountId=plain)
    assert (error["code"], error["message"]) == ("ResourceNotFoundException", not_linked(plain))
    # A plain CreateAccount links none.
    assert api_error(organization.account(plain).get_gov_cloud_account_information)["message"] == not_linked(plain)


def test_the_organizations_context_rules_apply(server):
    organization = Organization(server, ["Member", "Other"])
    member, other = organization.members
    management = organization.management
    operation = "GetGovCloudAccountInformation"

    def refusal(caller, target):
        call = organization.account(caller).get_gov_cloud_account_information
        error = api_error(call, StandardAccountId=target)
        assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
        return error["message"]

    assert refusal(management, member) == access_denied(management, operation, NO_TRUSTED_ACCESS)
    assert refusal(member, other) == access_denied(member, operation)
    organization.enable_trusted_access()
    assert refusal(management, management) == access_denied(management, operation, MANAGEMENT_STANDALONE_ONLY)
    assert refusal(member, member) == access_denied(member, operation)
    assert refusal(member, other) == access_denied(member, operation)


def test_a_malformed_standard_account_id_is_named(client):
    error = api_error(client.get_gov_cloud_account_information, StandardAccountId="12345")
    message = '[ECMA 262 regex "^\\d{12}$" does not match input string "12345"]'
    assert (error["code"], error["message"], error["reason"]) == ("ValidationException", message, "fieldValidationFailed")
    assert error["fields"] == [{"name": "StandardAccountId", "message": message}]


def test_create_gov_cloud_account_with_a_taken_email_fails_after_starting(organization):
    org = organization.org
    (plain,) = organization.members
    started = org.create_gov_cloud_account(AccountName="Taken", Email=organization.emails[plain])
    status = created(org, started)
    assert (status["State"], status["FailureReason"]) == ("FAILED", "EMAIL_ALREADY_EXISTS")
    assert "AccountId" not in status and "GovCloudAccountId" not in status


def test_only_the_management_account_creates_gov_cloud_accounts(organization):
    (plain,) = organization.members
    member = organization.server.organizations(plain)
    error = modeled_error(
        member.exceptions.AccessDeniedException,
        member.create_gov_cloud_account,
        AccountName="Nope",
        Email=unique_email("Nope"),
    )
    assert (error["status"], error["message"]) == (400, "You don't have permissions to access this resource.")
    outsider = organization.server.organizations(new_account())
    error = modeled_error(
        outsider.exceptions.AWSOrganizationsNotInUseException,
        outsider.create_gov_cloud_account,
        AccountName="Nope",
        Email=unique_email("Nope"),
    )
    assert error["message"] == "Your account is not a member of an organization."


def test_the_aws_cli_creates_and_reads_a_gov_cloud_account(organization, aws_cli):
    aws = aws_cli(organization.server, organization.management)
    email = unique_email("Cli gov")
    started = aws.json("organizations", "create-gov-cloud-account", "--account-name", "Cli gov", "--email", email)
    assert started["CreateAccountStatus"]["State"] == "IN_PROGRESS"
    request_id = started["CreateAccountStatus"]["Id"]

    def finished():
        described = aws.json("organizations", "describe-create-account-status", "--create-account-request-id", request_id)
        status = described["CreateAccountStatus"]
        return status if status["State"] != "IN_PROGRESS" else None

    status = wait_until(finished, what="the AWS CLI's create-gov-cloud-account to finish")
    assert status["State"] == "SUCCEEDED"
    member = status["AccountId"]
    info = aws.json("account", "get-gov-cloud-account-information", "--standard-account-id", member)
    assert info == {"GovCloudAccountId": status["GovCloudAccountId"], "AccountState": "ACTIVE"}
    (plain,) = organization.members
    assert aws.error("account", "get-gov-cloud-account-information", "--standard-account-id", plain) == (
        "An error occurred (ResourceNotFoundException) when calling the GetGovCloudAccountInformation operation: "
        + not_linked(plain)
    )
