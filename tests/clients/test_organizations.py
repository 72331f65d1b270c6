"""AWS Organizations on the same endpoint, through boto3: the seed blog's
bulk job over a thousand member accounts, the organizations context it sets
up for the Account API, and every Organizations operation with its errors as
botocore parses them.

Each test but the bulk job founds its own organization with fresh accounts
on the shared server, so tests stay apart.
"""

import datetime
import http.client
import json

import pytest
from botocore.exceptions import ClientError

from organization import (
    ACCOUNT_MANAGEMENT as ACCOUNT,
    MANAGEMENT_STANDALONE_ONLY,
    NO_TRUSTED_ACCESS,
    NOT_A_MEMBER,
    Organization,
    created,
)
from support import DEFAULT_ACCOUNT, access_denied, api_error, authorization, modeled_error, new_account

SECURITY = {
    "AlternateContactType": "SECURITY",
    "Name": "Security Team",
    "Title": "Security",
    "EmailAddress": "security@example.com",
    "PhoneNumber": "+1 555-555-0199",
}


@pytest.fixture
def organization(server):
    """Trusted access enabled; members[0] the delegated administrator."""
    organization = Organization(server, ["Admin", "Member", "Other"])
    organization.enable_trusted_access()
    organization.delegate_to(organization.members[0])
    return organization


def test_the_seed_blog_bulk_job_updates_a_thousand_member_accounts(make_server):
    """The blog's script unchanged: page through ListAccounts, skip the
    management account and anything not ACTIVE, put the SECURITY contact on
    every other member with AccountId and report each account's outcome.

    The state stays in memory: with --state every change rewrites and
    fsyncs the whole state file (about 10 ms a change at 1,001 accounts on
    a VM disk), a cost of persistence that other tests cover, not of the job."""
    server = make_server(demo_organization=1000, in_memory=True)
    # The management account's credentials: any key that is not an account
    # id (nor of the AWS key shape, which only keys IAM issued may have).
    org = server.organizations("test")
    account = server.client("test")

    management_id = org.describe_organization()["Organization"]["MasterAccountId"]
    results = {}
    pages = 0
    for page in org.get_paginator("list_accounts").paginate():
        pages += 1
        for member in page["Accounts"]:
            if member["Id"] == management_id or member["Status"] != "ACTIVE":
                continue
            try:
                account.put_alternate_contact(AccountId=member["Id"], **SECURITY)
                results[member["Id"]] = "updated"
            except ClientError as error:
                results[member["Id"]] = error.response["Error"]["Code"]

    assert management_id == DEFAULT_ACCOUNT
    assert pages == 51  # 1,001 accounts, 20 a page
    assert len(results) == 1000 and management_id not in results
    assert set(results.values()) == {"updated"}
    for member_id in results:
        stored = account.get_alternate_contact(AccountId=member_id, AlternateContactType="SECURITY")
        assert stored["AlternateContact"] == SECURITY
    with pytest.raises(account.exceptions.ResourceNotFoundException):
        account.get_alternate_contact(AlternateContactType="SECURITY")


def test_list_accounts_pages_hold_20_accounts_and_follow_page_size(make_server):
    server = make_server(demo_organization=45)
    org = server.organizations("test")
    pages = list(org.get_paginator("list_accounts").paginate())
    assert [len(p["Accounts"]) for p in pages] == [20, 20, 6]
    assert "NextToken" not in pages[-1]
    ids = [a["Id"] for p in pages for a in p["Accounts"]]
    assert len(set(ids)) == 46
    sized = org.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 7})
    assert [a["Id"] for p in sized for a in p["Accounts"]] == ids
    first = pages[0]["Accounts"][0]
    assert first["Arn"].startswith(f"arn:aws:organizations::{DEFAULT_ACCOUNT}:account/o-")
    assert isinstance(first["JoinedTimestamp"], datetime.datetime)


def test_the_delegated_administrator_uses_the_organizations_context(organization):
    admin_id, member_id, _ = organization.members
    admin = organization.server.client(admin_id)
    admin.put_alternate_contact(AccountId=member_id, **SECURITY)
    member = organization.server.client(member_id)
    assert member.get_alternate_contact(AlternateContactType="SECURITY")["AlternateContact"] == SECURITY
    info = admin.get_account_information(AccountId=member_id)
    assert (info["AccountId"], info["AccountName"]) == (member_id, "Member")

    # The delegated administrator may name its own id.
    admin.put_alternate_contact(AccountId=admin_id, **SECURITY)
    assert admin.get_alternate_contact(AccountId=admin_id, AlternateContactType="SECURITY")["AlternateContact"] == SECURITY
    info = admin.get_account_information(AccountId=admin_id)
    assert (info["AccountId"], info["AccountName"]) == (admin_id, "Admin")
    assert admin.get_region_opt_status(AccountId=admin_id, RegionName="af-south-1")["RegionOptStatus"] == "DISABLED"


def test_refusals_carry_the_specs_messages(organization):
    admin_id, member_id, other_id = organization.members
    management = organization.server.client(organization.management)
    member = organization.server.client(member_id)
    admin = organization.server.client(admin_id)
    cases = [
        (management, organization.management, organization.management, MANAGEMENT_STANDALONE_ONLY),
        (admin, admin_id, organization.management, MANAGEMENT_STANDALONE_ONLY),
        (member, member_id, other_id, None),
        (member, member_id, member_id, None),
        (management, organization.management, new_account(), NOT_A_MEMBER),
    ]
    for client, caller, target, reason in cases:
        with pytest.raises(client.exceptions.AccessDeniedException) as caught:
            client.put_alternate_contact(AccountId=target, **SECURITY)
        response = caught.value.response
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 403
        assert response["Error"]["Message"] == access_denied(caller, "PutAlternateContact", reason)

    organization.disable_trusted_access()
    for client, caller, reason in [
        (management, organization.management, NO_TRUSTED_ACCESS),
        (admin, admin_id, NO_TRUSTED_ACCESS),
        # A plain member is refused without a reason, trusted access or not.
        (member, member_id, None),
    ]:
        with pytest.raises(client.exceptions.AccessDeniedException) as caught:
            client.put_alternate_contact(AccountId=other_id, **SECURITY)
        assert caught.value.response["Error"]["Message"] == access_denied(caller, "PutAlternateContact", reason)


def test_a_standalone_account_naming_an_account_id_is_named_by_its_root_user(server):
    outsider = new_account()
    client = server.client(outsider)
    with pytest.raises(client.exceptions.AccessDeniedException) as caught:
        client.get_account_information(AccountId=new_account())
    assert caught.value.response["Error"]["Message"] == (
        f"User: arn:aws:iam::{outsider}:root is not authorized to perform: "
        f"account:GetAccountInformation ({NO_TRUSTED_ACCESS})"
    )


def test_create_and_describe_organization(server):
    management = new_account()
    org = server.organizations(management)
    created = org.create_organization(FeatureSet="ALL")["Organization"]
    org_id = created["Id"]
    assert created == {
        "Id": org_id,
        "Arn": f"arn:aws:organizations::{management}:organization/{org_id}",
        "FeatureSet": "ALL",
        "MasterAccountArn": f"arn:aws:organizations::{management}:account/{org_id}/{management}",
        "MasterAccountId": management,
        "MasterAccountEmail": f"account-{management}@example.com",
        "AvailablePolicyTypes": [],
    }
    assert org.describe_organization()["Organization"] == created
    error = modeled_error(org.exceptions.AlreadyInOrganizationException, org.create_organization)
    assert (error["status"], error["message"]) == (400, "The AWS account is already a member of an organization.")

    outsider = server.organizations(new_account())
    error = modeled_error(outsider.exceptions.AWSOrganizationsNotInUseException, outsider.describe_organization)
    assert error["message"] == "Your account is not a member of an organization."
    error = modeled_error(outsider.exceptions.InvalidInputException, outsider.create_organization, FeatureSet="SOME")
    assert error["reason"] == "INVALID_ENUM"

    billing_only = server.organizations(new_account())
    billing_only.create_organization(FeatureSet="CONSOLIDATED_BILLING")
    error = modeled_error(
        billing_only.exceptions.ConstraintViolationException,
        billing_only.enable_aws_service_access,
        ServicePrincipal=ACCOUNT,
    )
    assert error["reason"] == "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE"


def test_create_account_answers_in_progress_and_describe_reports_the_outcome(server):
    organization = Organization(server)
    org = organization.org
    before = datetime.datetime.now(datetime.timezone.utc)
    started = org.create_account(AccountName="Workloads", Email="workloads@example.com")["CreateAccountStatus"]
    assert started["Id"].startswith("car-")
    assert (started["State"], started["AccountName"]) == ("IN_PROGRESS", "Workloads")
    assert abs((started["RequestedTimestamp"] - before).total_seconds()) < 60
    assert not {"AccountId", "CompletedTimestamp", "FailureReason"} & set(started)

    status = created(org, {"CreateAccountStatus": started})
    assert (status["Id"], status["State"], status["AccountName"]) == (started["Id"], "SUCCEEDED", "Workloads")
    assert status["RequestedTimestamp"] == started["RequestedTimestamp"]
    assert status["CompletedTimestamp"] >= status["RequestedTimestamp"]
    assert "GovCloudAccountId" not in status
    accounts = {a["Id"]: a for a in org.list_accounts()["Accounts"]}
    created_account = accounts[status["AccountId"]]
    assert (
        created_account["Name"],
        created_account["Email"],
        created_account["Status"],
        created_account["JoinedMethod"],
    ) == ("Workloads", "workloads@example.com", "ACTIVE", "CREATED")
    assert accounts[organization.management]["JoinedMethod"] == "INVITED"
    assert server.client(status["AccountId"]).get_account_information()["AccountName"] == "Workloads"

    # An address in use is only known to have failed once the request is described.
    again = org.create_account(AccountName="Again", Email="WORKLOADS@example.com")
    assert again["CreateAccountStatus"]["State"] == "IN_PROGRESS"
    failed = created(org, again)
    assert (failed["State"], failed["FailureReason"]) == ("FAILED", "EMAIL_ALREADY_EXISTS")
    assert "AccountId" not in failed

    error = modeled_error(
        org.exceptions.CreateAccountStatusNotFoundException,
        org.describe_create_account_status,
        CreateAccountRequestId="car-0123456789abcdef0123456789abcdef",
    )
    assert error["message"] == "We can't find a create account request with the CreateAccountRequestId that you specified."
    error = modeled_error(
        org.exceptions.InvalidInputException, org.create_account, AccountName="Bad", Email="not-an-email"
    )
    assert error["reason"] == "INVALID_PATTERN"


def test_a_created_member_starts_with_the_management_accounts_contact_under_its_own_name(server):
    management = new_account()
    contact = {
        "FullName": "Management Owner",
        "AddressLine1": "410 Terry Ave N",
        "City": "Seattle",
        "StateOrRegion": "WA",
        "PostalCode": "98109",
        "CountryCode": "US",
        "PhoneNumber": "+1 206-555-0100",
        "CompanyName": "Example Corp",
    }
    server.client(management).put_contact_information(ContactInformation=contact)
    organization = Organization(server, management=management)
    member = organization.create_account("Data lake")
    stored = server.client(member).get_contact_information()
    # The address and phone, not the company name (observed).
    copied = {k: v for k, v in contact.items() if k != "CompanyName"}
    assert stored["ContactInformation"] == dict(copied, FullName="Data lake")
    assert stored["VerificationStatus"] == "UNVERIFIED"
    # A management account without contact information passes none on.
    bare = Organization(server, ["No contact"])
    error = api_error(server.client(bare.members[0]).get_contact_information)
    assert (error["code"], error["message"]) == (
        "ResourceNotFoundException",
        "No contact information found for this account.",
    )


def test_list_accounts_refuses_bad_paging(server):
    organization = Organization(server, ["Member"])
    org = organization.org
    error = modeled_error(org.exceptions.InvalidInputException, org.list_accounts, MaxResults=21)
    assert (error["reason"], error["message"]) == (
        "MAX_VALUE_EXCEEDED",
        "You provided a numeric parameter that has a larger value than allowed.",
    )
    error = modeled_error(org.exceptions.InvalidInputException, org.list_accounts, NextToken="forged")
    assert error["reason"] == "INVALID_NEXT_TOKEN"


def test_only_the_management_account_and_the_delegated_administrator_read_the_organization(organization):
    admin_id, member_id, _ = organization.members
    admin = organization.server.organizations(admin_id)
    member = organization.server.organizations(member_id)
    assert len(admin.list_accounts()["Accounts"]) == 4
    assert admin.list_aws_service_access_for_organization()["EnabledServicePrincipals"][0]["ServicePrincipal"] == ACCOUNT
    assert admin.describe_organization()["Organization"]["Id"] == organization.id
    for call, params in [
        (member.list_accounts, {}),
        (member.list_delegated_administrators, {}),
        (admin.create_account, {"AccountName": "X", "Email": "x@example.com"}),
        (admin.enable_aws_service_access, {"ServicePrincipal": ACCOUNT}),
        (admin.deregister_delegated_administrator, {"AccountId": admin_id, "ServicePrincipal": ACCOUNT}),
    ]:
        error = modeled_error(member.exceptions.AccessDeniedException, call, **params)
        assert (error["status"], error["message"]) == (400, "You don't have permissions to access this resource.")


def test_service_access_is_enabled_listed_and_disabled(server):
    organization = Organization(server, ["Member"])
    org = organization.org
    assert org.list_aws_service_access_for_organization()["EnabledServicePrincipals"] == []
    organization.enable_trusted_access()
    org.enable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
    enabled = org.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    assert [e["ServicePrincipal"] for e in enabled] == [ACCOUNT, "sso.amazonaws.com"]
    assert all(isinstance(e["DateEnabled"], datetime.datetime) for e in enabled)
    account = server.client(organization.management)
    account.put_alternate_contact(AccountId=organization.members[0], **SECURITY)

    org.disable_aws_service_access(ServicePrincipal=ACCOUNT)
    enabled = org.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    assert [e["ServicePrincipal"] for e in enabled] == ["sso.amazonaws.com"]
    with pytest.raises(account.exceptions.AccessDeniedException):
        account.put_alternate_contact(AccountId=organization.members[0], **SECURITY)
    error = modeled_error(
        org.exceptions.InvalidInputException, org.enable_aws_service_access, ServicePrincipal="example.com"
    )
    assert error["reason"] == "UNRECOGNIZED_SERVICE_PRINCIPAL"


def test_delegated_administrator_registration_and_its_errors(server):
    organization = Organization(server, ["Admin", "Member"])
    org = organization.org
    admin_id, member_id = organization.members
    error = modeled_error(
        org.exceptions.ConstraintViolationException,
        org.register_delegated_administrator,
        AccountId=admin_id,
        ServicePrincipal=ACCOUNT,
    )
    assert error["reason"] == "SERVICE_ACCESS_NOT_ENABLED"
    organization.enable_trusted_access()
    error = modeled_error(
        org.exceptions.ConstraintViolationException,
        org.register_delegated_administrator,
        AccountId=organization.management,
        ServicePrincipal=ACCOUNT,
    )
    assert (error["reason"], error["message"]) == (
        "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
        "You cannot register master account/yourself as delegated administrator for your organization.",
    )
    error = modeled_error(
        org.exceptions.AccountNotFoundException,
        org.register_delegated_administrator,
        AccountId=new_account(),
        ServicePrincipal=ACCOUNT,
    )
    assert error["message"] == "You specified an account that doesn't exist."
    error = modeled_error(
        org.exceptions.AccountNotRegisteredException,
        org.deregister_delegated_administrator,
        AccountId=admin_id,
        ServicePrincipal=ACCOUNT,
    )
    assert error["message"] == "The provided account is not a registered delegated administrator for your organization."

    org.register_delegated_administrator(AccountId=admin_id, ServicePrincipal=ACCOUNT)
    error = modeled_error(
        org.exceptions.AccountAlreadyRegisteredException,
        org.register_delegated_administrator,
        AccountId=admin_id,
        ServicePrincipal=ACCOUNT,
    )
    assert error["message"] == "The provided account is already a delegated administrator for your organization."
    error = modeled_error(
        org.exceptions.ConstraintViolationException,
        org.register_delegated_administrator,
        AccountId=member_id,
        ServicePrincipal=ACCOUNT,
    )
    assert error["reason"] == "DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE"

    admins = org.list_delegated_administrators(ServicePrincipal=ACCOUNT)["DelegatedAdministrators"]
    assert [(a["Id"], a["Name"], a["Status"]) for a in admins] == [(admin_id, "Admin", "ACTIVE")]
    assert isinstance(admins[0]["DelegationEnabledDate"], datetime.datetime)
    assert org.list_delegated_administrators(ServicePrincipal="sso.amazonaws.com")["DelegatedAdministrators"] == []

    org.deregister_delegated_administrator(AccountId=admin_id, ServicePrincipal=ACCOUNT)
    assert org.list_delegated_administrators()["DelegatedAdministrators"] == []
    admin = server.client(admin_id)
    with pytest.raises(admin.exceptions.AccessDeniedException) as caught:
        admin.put_alternate_contact(AccountId=member_id, **SECURITY)
    assert caught.value.response["Error"]["Message"] == access_denied(admin_id, "PutAlternateContact")


def test_an_unknown_organizations_operation_is_a_json_error(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request(
        "POST",
        "/",
        body=b"{}",
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSOrganizationsV20161128.InviteAccountToOrganization",
            "Authorization": authorization(new_account()),
        },
    )
    response = connection.getresponse()
    body = json.loads(response.read())
    connection.close()
    assert response.status == 400
    assert response.getheader("Content-Type") == "application/x-amz-json-1.1"
    assert body["__type"] == "UnknownOperationException"
