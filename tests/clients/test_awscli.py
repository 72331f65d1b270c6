"""The AWS CLI (v1, from PyPI) against the server: the commands of the
LocalStack Account guide, with their expected outputs."""

import json

import pytest

from organization import created


@pytest.fixture
def aws(server, account, aws_cli):
    """Runs `aws --endpoint-url <server> ...` as `account`."""
    return aws_cli(server, account)


CONTACT = {
    "FullName": "Jane Doe",
    "PhoneNumber": "+1 206-555-0100",
    "AddressLine1": "123 Main St",
    "City": "Seattle",
    "PostalCode": "98101",
    "CountryCode": "US",
    "StateOrRegion": "WA",
}


def test_put_then_get_contact_information(aws):
    put = aws("account", "put-contact-information", "--contact-information", json.dumps(CONTACT))
    assert put.stdout == ""
    get = aws("account", "get-contact-information")
    # The server also sends VerificationStatus, which the CLI's own botocore
    # (1.43.62, older than boto3's) does not know, so it prints no such member.
    assert json.loads(get.stdout) == {"ContactInformation": CONTACT}


def test_put_alternate_contact(aws):
    put = aws(
        "account", "put-alternate-contact",
        "--alternate-contact-type", "BILLING",
        "--email-address", "bill@ing.com",
        "--name", "Bill Ing",
        "--phone-number", "+1 555-555-5555",
        "--title", "Billing",
    )  # fmt: skip
    assert put.stdout == ""
    get = aws("account", "get-alternate-contact", "--alternate-contact-type", "BILLING")
    assert json.loads(get.stdout) == {
        "AlternateContact": {
            "Name": "Bill Ing",
            "Title": "Billing",
            "EmailAddress": "bill@ing.com",
            "PhoneNumber": "+1 555-555-5555",
            "AlternateContactType": "BILLING",
        }
    }


def test_list_regions_auto_paginates_to_all_34(aws):
    listed = json.loads(aws("account", "list-regions").stdout)
    assert len(listed["Regions"]) == 34
    assert "NextToken" not in listed
    first_page = json.loads(aws("account", "list-regions", "--no-paginate").stdout)
    assert (len(first_page["Regions"]), "NextToken" in first_page) == (20, True)


def test_a_service_error_is_reported_and_fails_the_command(aws):
    result = aws("account", "get-alternate-contact", "--alternate-contact-type", "SECURITY", check=False)
    assert result.returncode != 0
    assert result.stdout == ""
    assert "(ResourceNotFoundException)" in result.stderr
    assert "No contact of the inputted alternate contact type found." in result.stderr


def test_organizations_commands_share_the_endpoint(aws, server, account):
    """`aws organizations` on the same --endpoint-url: list-accounts follows
    NextToken to the end, and a modeled error reads as the CLI prints it."""
    org = server.organizations(account)
    org.create_organization(FeatureSet="ALL")
    members = []
    for n in range(2):
        started = org.create_account(AccountName=f"Cli {n}", Email=f"cli-{n}-{account}@example.com")
        members.append(created(org, started)["AccountId"])
    listed = json.loads(aws("organizations", "list-accounts", "--page-size", "1").stdout)
    assert sorted(a["Id"] for a in listed["Accounts"]) == sorted([account, *members])
    assert "NextToken" not in listed

    result = aws(
        "organizations",
        "deregister-delegated-administrator",
        "--account-id",
        members[0],
        "--service-principal",
        "account.amazonaws.com",
        check=False,
    )
    assert result.returncode == 255  # the AWS CLI v1 exit status for a service error
    assert result.stdout == ""
    assert (
        "An error occurred (AccountNotRegisteredException) when calling the DeregisterDelegatedAdministrator "
        "operation: The provided account is not a registered delegated administrator for your organization."
    ) in result.stderr
