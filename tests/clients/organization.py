"""An organization founded through AWS Organizations (boto3) by a fresh
management account, for the tests of the organizations context: members
made by CreateAccount or CreateGovCloudAccount, trusted access for Account
Management, a delegated administrator.

CreateAccount answers IN_PROGRESS, as the service does, so the account
exists only once DescribeCreateAccountStatus says SUCCEEDED: `created`
polls it as boto3 code against the real service must.
"""

from support import new_account, wait_until

ACCOUNT_MANAGEMENT = "account.amazonaws.com"

NO_TRUSTED_ACCESS = "Your organization must first enable trusted access with AWS Account Management."
MANAGEMENT_STANDALONE_ONLY = (
    "The management account can only be managed using the standalone context from the management account."
)
NOT_A_MEMBER = "The specified account is not a member of your organization."


def unique_email(name):
    """An address no other account of the shared server has."""
    slug = "-".join(name.lower().split())
    return f"{slug}-{new_account()}@example.com"


def created(org, started):
    """Polls DescribeCreateAccountStatus for the request CreateAccount (or
    CreateGovCloudAccount) `started`, until it is no longer IN_PROGRESS;
    returns that final status."""
    assert started["CreateAccountStatus"]["State"] == "IN_PROGRESS", started
    request_id = started["CreateAccountStatus"]["Id"]

    def done():
        status = org.describe_create_account_status(CreateAccountRequestId=request_id)["CreateAccountStatus"]
        return status if status["State"] != "IN_PROGRESS" else None

    return wait_until(done, what=f"create account request {request_id} to finish")


class Organization:
    """Founded by `management` (a fresh account by default); `members` are
    account names to create at once (their ids in `self.members`, in order)."""

    def __init__(self, server, members=(), management=None):
        self.server = server
        self.management = management or new_account()
        self.org = server.organizations(self.management)
        self.id = self.org.create_organization(FeatureSet="ALL")["Organization"]["Id"]
        self.emails = {}
        self.members = [self.create_account(name) for name in members]

    def create_account(self, name, email=None):
        """A new member account; returns its id once it is SUCCEEDED."""
        email = email or unique_email(name)
        status = created(self.org, self.org.create_account(AccountName=name, Email=email))
        assert status["State"] == "SUCCEEDED", status
        self.emails[status["AccountId"]] = email
        return status["AccountId"]

    def create_gov_cloud_account(self, name, email=None):
        """A new member account with a linked GovCloud account; returns the
        final DescribeCreateAccountStatus (AccountId, GovCloudAccountId)."""
        email = email or unique_email(name)
        status = created(self.org, self.org.create_gov_cloud_account(AccountName=name, Email=email))
        assert status["State"] == "SUCCEEDED", status
        self.emails[status["AccountId"]] = email
        return status

    def enable_trusted_access(self):
        self.org.enable_aws_service_access(ServicePrincipal=ACCOUNT_MANAGEMENT)

    def disable_trusted_access(self):
        self.org.disable_aws_service_access(ServicePrincipal=ACCOUNT_MANAGEMENT)

    def delegate_to(self, account_id):
        """Registers `account_id` as the delegated administrator for Account
        Management (trusted access must be on)."""
        self.org.register_delegated_administrator(AccountId=account_id, ServicePrincipal=ACCOUNT_MANAGEMENT)

    def account(self, caller=None):
        """An Account API client calling as `caller` (the management account
        by default)."""
        return self.server.client(caller or self.management)

    def listed_emails(self):
        """Each member's Email as ListAccounts reports it."""
        pages = self.org.get_paginator("list_accounts").paginate()
        return {a["Id"]: a["Email"] for page in pages for a in page["Accounts"]}
