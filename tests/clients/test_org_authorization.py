"""Organizations calls decided by policies, through boto3: an IAM user of
the management account refused CreateOrganizationalUnit by an explicit deny
in its own policy (on the root's ARN), and the delegated administrator's
ListAccounts refused by the SCP attached to its account, each with the
exact AccessDeniedException text.
"""

import json

import boto3
import botocore.config

from organization import Organization
from support import api_error

ADMINISTRATOR = "arn:aws:iam::aws:policy/AdministratorAccess"


def as_key(server, key, service):
    return boto3.session.Session().client(
        service,
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


def deny(action):
    return json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": "*"}]}
    )


def test_a_management_users_explicit_deny_stops_create_organizational_unit(server):
    org = Organization(server)
    iam = server.client(org.management, service="iam")
    iam.create_user(UserName="ops")
    iam.attach_user_policy(UserName="ops", PolicyArn=ADMINISTRATOR)
    iam.put_user_policy(UserName="ops", PolicyName="no-ous", PolicyDocument=deny("organizations:CreateOrganizationalUnit"))
    user = as_key(server, iam.create_access_key(UserName="ops")["AccessKey"], "organizations")

    root = user.list_roots()["Roots"][0]
    error = api_error(
        user.create_organizational_unit,
        exception=user.exceptions.AccessDeniedException,
        ParentId=root["Id"],
        Name="Sandbox",
    )
    assert error["code"] == "AccessDeniedException"
    assert error["message"] == (
        f"User: arn:aws:iam::{org.management}:user/ops is not authorized to perform: "
        f"organizations:CreateOrganizationalUnit on resource: {root['Arn']} "
        "with an explicit deny in an identity-based policy"
    )
    iam.delete_user_policy(UserName="ops", PolicyName="no-ous")
    assert user.create_organizational_unit(ParentId=root["Id"], Name="Sandbox")["OrganizationalUnit"]["Name"] == "Sandbox"


def test_the_delegated_administrators_scp_decides_its_reads(server):
    org = Organization(server, members=["Admin"])
    (admin,) = org.members
    org.enable_trusted_access()
    org.delegate_to(admin)
    root = org.org.list_roots()["Roots"][0]["Id"]
    org.org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    policy = org.org.create_policy(
        Name="NoListing", Description="", Type="SERVICE_CONTROL_POLICY", Content=deny("organizations:ListAccounts")
    )["Policy"]["PolicySummary"]
    org.org.attach_policy(PolicyId=policy["Id"], TargetId=admin)

    delegated = server.organizations(admin)
    error = api_error(delegated.list_accounts, exception=delegated.exceptions.AccessDeniedException)
    assert error["message"] == (
        f"User: arn:aws:iam::{admin}:root is not authorized to perform: organizations:ListAccounts "
        f"on resource: * with an explicit deny in a service control policy: {policy['Arn']}"
    )
    # What the SCP does not deny stays the administrator's, and the
    # management account is never under SCPs.
    assert delegated.describe_account(AccountId=admin)["Account"]["Id"] == admin
    assert {a["Id"] for a in org.org.list_accounts()["Accounts"]} == {org.management, admin}
