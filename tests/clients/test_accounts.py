"""Account name and information, who the caller is, and the organizations
context (AccountId) with an organization seeded through the state file."""

import datetime
import json

import pytest

from support import DEFAULT_ACCOUNT, RawClient, access_denied, api_error

ACCOUNT_NAME_PATTERN = "^[ -;=?-~]+$"


def test_account_information_describes_the_calling_account(client, account):
    before = datetime.datetime.now(datetime.timezone.utc)
    info = client.get_account_information()
    assert info["AccountId"] == account
    assert info["AccountName"] == f"Account {account}"
    assert info["AccountState"] == "ACTIVE"
    created = info["AccountCreatedDate"]
    assert isinstance(created, datetime.datetime)
    assert abs((created - before).total_seconds()) < 60


def test_put_account_name_trims(client):
    client.put_account_name(AccountName="  Production (EU) #1 ")
    assert client.get_account_information()["AccountName"] == "Production (EU) #1"


def test_a_blank_account_name_is_an_untyped_400(client, server, account):
    """No x-amzn-ErrorType: botocore reports the HTTP status as the code."""
    error = api_error(client.put_account_name, AccountName="   ")
    assert error == {
        "code": "400",
        "message": "The input AccountName must not be null or only whitespace.",
        "status": 400,
        "reason": None,
        "fields": None,
    }
    raw = RawClient(server)
    status, error_type, body = raw.request("POST", "/putAccountName", b'{"AccountName": " "}', account)
    raw.close()
    assert (status, error_type, body) == (400, None, {"message": "The input AccountName must not be null or only whitespace."})


@pytest.mark.parametrize("name", ["a<b", "tab\there", "café"])
def test_an_account_name_outside_the_pattern_is_refused_in_the_services_words(client, account, name):
    error = api_error(client.put_account_name, AccountName=name)
    assert (error["code"], error["reason"], error["fields"]) == ("ValidationException", None, None)
    assert error["message"] == f'[ECMA 262 regex "{ACCOUNT_NAME_PATTERN}" does not match input string "{name}"]'
    assert client.get_account_information()["AccountName"] == f"Account {account}"


def test_an_account_name_over_50_characters_is_refused(client):
    error = api_error(client.put_account_name, AccountName="n" * 51)
    assert error["message"] == f'[string "{"n" * 51}" is too long (length: 51, maximum allowed: 50)]'


@pytest.mark.parametrize("access_key_id", ["test", "AKIDEXAMPLE", "12345678901", "1234567890123"])
def test_an_access_key_that_is_not_an_account_id_calls_as_the_default_account(server, access_key_id):
    info = server.client(access_key_id).get_account_information()
    assert info["AccountId"] == DEFAULT_ACCOUNT


def test_each_account_keeps_its_own_data(server):
    first, second = server.client(), server.client()
    first.put_account_name(AccountName="First")
    second.put_account_name(AccountName="Second")
    assert first.get_account_information()["AccountName"] == "First"
    assert second.get_account_information()["AccountName"] == "Second"


def test_a_malformed_account_id_is_a_validation_error(client):
    error = api_error(client.get_account_information, AccountId="12345")
    assert (error["code"], error["fields"][0]["name"]) == ("ValidationException", "AccountId")


def test_a_standalone_account_cannot_name_an_account_id(client, account):
    error = api_error(client.get_alternate_contact, AccountId="999999999999", AlternateContactType="BILLING")
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
    assert error["message"] == (
        f"User: arn:aws:iam::{account}:root is not authorized to perform: account:GetAlternateContact "
        "(Your organization must first enable trusted access with AWS Account Management.)"
    )


ORG_ID = "o-exampleorg"
MANAGEMENT, ADMIN, MEMBER, OTHER_MEMBER, OUTSIDER = (f"{n}" * 12 for n in "12345")
MEMBERS = [f"5000000000{i:02d}" for i in range(20)]
SECURITY = {
    "AlternateContactType": "SECURITY",
    "Name": "Sec Team",
    "Title": "Security",
    "EmailAddress": "security@example.com",
    "PhoneNumber": "+1 555-555-0199",
}


def seed_organization(make_server, state_file, members, trusted_access, delegated_administrator):
    """Starts a server whose state holds one organization managed by
    MANAGEMENT, written into the state file (test_organizations.py founds
    organizations through the Organizations API instead), so this also
    checks that a restarted server loads that file."""
    seeding = make_server(state_file)
    for account in {MANAGEMENT, OUTSIDER, *members}:
        seeding.client(account).get_account_information()
    seeding.stop()
    state = seeding.saved_state()
    state["organizations"] = [
        {
            "id": ORG_ID,
            "managementAccountId": MANAGEMENT,
            "members": [MANAGEMENT, *members],
            "trustedAccess": trusted_access,
            "delegatedAdministrator": delegated_administrator,
        }
    ]
    state_file.write_text(json.dumps(state))
    return make_server(state_file)


@pytest.fixture
def organization(make_server, tmp_path):
    """Trusted access enabled, ADMIN the delegated administrator."""
    members = [ADMIN, MEMBER, OTHER_MEMBER, *MEMBERS]
    return seed_organization(make_server, tmp_path / "org.json", members, True, ADMIN)


def test_the_management_account_manages_a_member(organization):
    management = organization.client(MANAGEMENT)
    management.put_alternate_contact(AccountId=MEMBER, **SECURITY)
    management.put_account_name(AccountId=MEMBER, AccountName="Member renamed")
    stored = organization.client(MEMBER).get_alternate_contact(AlternateContactType="SECURITY")
    assert stored["AlternateContact"] == SECURITY
    info = management.get_account_information(AccountId=MEMBER)
    assert (info["AccountId"], info["AccountName"]) == (MEMBER, "Member renamed")


def test_the_delegated_administrator_manages_members_and_its_own_account(organization):
    admin = organization.client(ADMIN)
    admin.put_alternate_contact(AccountId=MEMBER, **SECURITY)
    admin.put_alternate_contact(AccountId=ADMIN, **SECURITY)
    assert admin.get_alternate_contact(AccountId=ADMIN, AlternateContactType="SECURITY")["AlternateContact"] == SECURITY
    admin.put_account_name(AccountId=ADMIN, AccountName="Self")
    assert admin.get_account_information(AccountId=ADMIN)["AccountName"] == "Self"


def test_the_management_account_is_managed_only_standalone(organization):
    for caller in (MANAGEMENT, ADMIN):
        error = api_error(
            organization.client(caller).get_alternate_contact, AccountId=MANAGEMENT, AlternateContactType="BILLING"
        )
        assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
        assert error["message"] == access_denied(
            caller,
            "GetAlternateContact",
            "The management account can only be managed using the standalone context from the management account.",
        )


@pytest.mark.parametrize("target", [OTHER_MEMBER, MEMBER], ids=["another member", "itself"])
def test_a_plain_member_naming_an_account_id_is_refused_without_a_reason(organization, target):
    error = api_error(organization.client(MEMBER).get_contact_information, AccountId=target)
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
    assert error["message"] == access_denied(MEMBER, "GetContactInformation")


def test_an_account_outside_the_organization_is_refused(organization):
    error = api_error(organization.client(MANAGEMENT).get_region_opt_status, AccountId=OUTSIDER, RegionName="af-south-1")
    assert error["message"] == access_denied(
        MANAGEMENT, "GetRegionOptStatus", "The specified account is not a member of your organization."
    )


def test_member_errors_name_the_members_root_user(organization):
    error = api_error(organization.client(MEMBER).get_alternate_contact, AlternateContactType="nope")
    assert error["message"] == access_denied(MEMBER, "GetAlternateContact", "You specified an invalid Alternate Contact type.")


def test_the_management_account_enables_a_region_for_a_member(organization):
    management = organization.client(MANAGEMENT)
    management.enable_region(AccountId=MEMBER, RegionName="ap-south-2")
    assert organization.client(MEMBER).get_region_opt_status(RegionName="ap-south-2")["RegionOptStatus"] == "ENABLING"


def test_a_bulk_job_sets_the_security_contact_of_every_member(organization):
    management = organization.client(MANAGEMENT)
    results = {}
    for member in [ADMIN, MEMBER, OTHER_MEMBER, *MEMBERS]:
        response = management.put_alternate_contact(AccountId=member, **SECURITY)
        results[member] = response["ResponseMetadata"]["HTTPStatusCode"]
    assert set(results.values()) == {200}
    saved = organization.saved_state()["accounts"]
    assert all(saved[m]["alternateContacts"]["SECURITY"]["Name"] == "Sec Team" for m in results)
    assert "alternateContacts" not in saved[MANAGEMENT]


def test_without_trusted_access_no_account_id_is_accepted(make_server, tmp_path):
    server = seed_organization(make_server, tmp_path / "untrusted.json", [MEMBER], False, None)
    error = api_error(server.client(MANAGEMENT).get_account_information, AccountId=MEMBER)
    assert error["message"] == access_denied(
        MANAGEMENT,
        "GetAccountInformation",
        "Your organization must first enable trusted access with AWS Account Management.",
    )
