"""The example policies of shared/spec/iam.md §8 (T1-T14) through boto3
against the local endpoint: users and roles made with boto3's IAM client,
roles assumed with its STS client, and the Account calls made with the
credentials IAM and STS returned (their real secrets and session tokens),
asserting each decision and the exact AccessDenied text.

The organizations the examples name (o-aa111bb222 managed by 123456789012,
o-exampleorg managed by 111111111111) are founded through Organizations and
then given the examples' ids in the saved state, so the texts carry the
ids the examples print; T14, the stackd capture, is compared byte for byte.
"""

import json

import boto3
import botocore.config
import pytest

from organization import ACCOUNT_MANAGEMENT, created
from support import api_error

READ_ONLY = "arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess"
FULL = "arn:aws:iam::aws:policy/AWSAccountManagementFullAccess"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
ASSUME_ANY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
BILLING = {
    "AlternateContactType": "BILLING",
    "Name": "Bill Ing",
    "Title": "Billing",
    "EmailAddress": "bill@example.com",
    "PhoneNumber": "+1 555-555-5555",
}


def client_of(server, service, credentials):
    """A boto3 client signing with credentials IAM or STS returned."""
    return boto3.session.Session().client(
        service,
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials.get("SessionToken"),
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


def user(server, account, name, managed=(), inline=None):
    """A user of `account` with `managed` policies attached and an optional
    inline policy; returns its access key."""
    iam = server.client(account, service="iam")
    iam.create_user(UserName=name)
    for arn in managed:
        iam.attach_user_policy(UserName=name, PolicyArn=arn)
    if inline is not None:
        iam.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=json.dumps(inline))
    return iam.create_access_key(UserName=name)["AccessKey"]


def denied(principal, action, resource, clause):
    return f"User: {principal} is not authorized to perform: {action} on resource: {resource} {clause}"


def no_identity(action):
    return f"because no identity-based policy allows the {action} action"


def refusal(call, **params):
    error = api_error(call, **params)
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403), error
    return error["message"]


def standalone(account):
    return f"arn:aws:account::{account}:account"


def founded(make_server, tmp_path, name, management, org_id, members):
    """A server whose state holds an organization of `management` with
    `org_id`, members created by CreateAccount under the given ids
    (so each has OrganizationAccountAccessRole), and trusted access."""
    first = make_server(tmp_path / f"{name}-founding.json")
    org = first.organizations(management)
    real_id = org.create_organization(FeatureSet="ALL")["Organization"]["Id"]
    made = []
    for n, _ in enumerate(members):
        status = created(org, org.create_account(AccountName=f"Member {n}", Email=f"{name}-{n}@example.com"))
        made.append(status["AccountId"])
    org.enable_aws_service_access(ServicePrincipal=ACCOUNT_MANAGEMENT)
    first.stop()
    text = json.dumps(first.saved_state()).replace(real_id, org_id)
    for real, wanted in zip(made, members):
        text = text.replace(real, wanted)
    state = tmp_path / f"{name}.json"
    state.write_text(text)
    return make_server(state)


@pytest.fixture
def guide(make_server, tmp_path):
    """The Reference Guide's organization: o-aa111bb222, management
    123456789012, member 111111111111 and delegated administrator
    333333333333."""
    server = founded(make_server, tmp_path, "guide", "123456789012", "o-aa111bb222", ["111111111111", "333333333333"])
    server.organizations("123456789012").register_delegated_administrator(
        AccountId="333333333333", ServicePrincipal=ACCOUNT_MANAGEMENT
    )
    return server


def test_t1_read_only_access_reads_and_is_refused_every_write(server, account):
    key = user(server, account, "reader", managed=[READ_ONLY])
    client = client_of(server, "account", key)
    client.get_account_information()
    client.list_regions()
    client.get_region_opt_status(RegionName="af-south-1")
    me = f"arn:aws:iam::{account}:user/reader"
    for action, call, params in [
        ("PutAlternateContact", client.put_alternate_contact, BILLING),
        ("EnableRegion", client.enable_region, {"RegionName": "af-south-1"}),
        ("PutAccountName", client.put_account_name, {"AccountName": "x"}),
        ("DeleteAlternateContact", client.delete_alternate_contact, {"AlternateContactType": "BILLING"}),
    ]:
        assert refusal(call, **params) == denied(
            me, f"account:{action}", standalone(account), no_identity(f"account:{action}")
        )


def test_t2_full_access_writes(server, account):
    client = client_of(server, "account", user(server, account, "writer", managed=[FULL]))
    client.put_alternate_contact(**BILLING)
    assert client.get_alternate_contact(AlternateContactType="BILLING")["AlternateContact"] == BILLING


T3 = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "GrantReadOnlyAccessToAccountSettings",
            "Effect": "Allow",
            "Action": ["account:GetAccountInformation", "account:ListRegions"],
            "Resource": "*",
        }
    ],
}
T4 = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "GrantFullAccessToAccountSettings",
            "Effect": "Allow",
            "Action": [
                "account:GetAccountInformation",
                "account:ListRegions",
                "account:PutContactInformation",
                "account:PutChallengeQuestions",
                "account:PutAlternateContact",
                "account:DeleteAlternateContact",
                "account:EnableRegion",
                "account:DisableRegion",
            ],
            "Resource": "*",
        }
    ],
}


def test_t3_and_t4_the_account_page_policies(server, account):
    reader = client_of(server, "account", user(server, account, "t3", inline=T3))
    reader.get_account_information()
    action = "account:GetContactInformation"
    me = f"arn:aws:iam::{account}:user/t3"
    assert refusal(reader.get_contact_information) == denied(me, action, standalone(account), no_identity(action))

    writer = client_of(server, "account", user(server, account, "t4", inline=T4))
    writer.put_alternate_contact(**BILLING)
    me = f"arn:aws:iam::{account}:user/t4"
    for action, call, params in [
        ("PutAccountName", writer.put_account_name, {"AccountName": "x"}),
        ("GetAlternateContact", writer.get_alternate_contact, {"AlternateContactType": "BILLING"}),
    ]:
        assert refusal(call, **params) == denied(
            me, f"account:{action}", standalone(account), no_identity(f"account:{action}")
        )


def test_t13_one_region_and_the_moto_catalogs_empty_resource(server, account):
    t13 = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EnableDisableHongKong",
                "Effect": "Allow",
                "Action": ["account:EnableRegion", "account:DisableRegion"],
                "Resource": "*",
                "Condition": {"StringEquals": {"account:TargetRegion": "ap-east-1"}},
            },
            {"Sid": "ViewConsole", "Effect": "Allow", "Action": ["account:ListRegions"], "Resource": "*"},
        ],
    }
    client = client_of(server, "account", user(server, account, "regions", inline=t13))
    client.enable_region(RegionName="ap-east-1")
    action = "account:EnableRegion"
    assert refusal(client.enable_region, RegionName="af-south-1") == denied(
        f"arn:aws:iam::{account}:user/regions", action, standalone(account), no_identity(action)
    )
    old = json.loads(json.dumps(t13))
    old["Statement"][0]["Resource"] = ""
    iam = server.client(account, service="iam")
    error = api_error(
        iam.create_policy,
        exception=iam.exceptions.MalformedPolicyDocumentException,
        PolicyName="old",
        PolicyDocument=json.dumps(old),
    )
    assert error["message"] == 'Resource  must be in ARN format or "*".'


def test_t5_alternate_contact_types_in_the_organization(guide):
    t5 = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "VisualEditor0",
                "Effect": "Allow",
                "Action": "account:GetAlternateContact",
                "Resource": ["arn:aws:account::123456789012:account/o-aa111bb222/111111111111"],
                "Condition": {"ForAnyValue:StringEquals": {"account:AlternateContactTypes": ["BILLING"]}},
            }
        ],
    }
    guide.client("111111111111").put_alternate_contact(**BILLING)
    client = client_of(guide, "account", user(guide, "123456789012", "t5", inline=t5))
    assert client.get_alternate_contact(AccountId="111111111111", AlternateContactType="BILLING")[
        "AlternateContact"
    ] == BILLING
    me = "arn:aws:iam::123456789012:user/t5"
    org_arn = "arn:aws:account::123456789012:account/o-aa111bb222/111111111111"
    get = "account:GetAlternateContact"
    assert refusal(
        client.get_alternate_contact, AccountId="111111111111", AlternateContactType="SECURITY"
    ) == denied(me, get, org_arn, no_identity(get))
    assert refusal(client.get_alternate_contact, AlternateContactType="BILLING") == denied(
        me, get, standalone("123456789012"), no_identity(get)
    )
    put = "account:PutAlternateContact"
    assert refusal(client.put_alternate_contact, AccountId="111111111111", **BILLING) == denied(
        me, put, org_arn, no_identity(put)
    )


def test_t8_and_t9_scps_over_alternate_contacts(guide):
    org = guide.organizations("123456789012")
    root = org.list_roots()["Roots"][0]["Id"]
    org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    t8 = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Statement1",
                "Effect": "Deny",
                "Action": ["account:PutAlternateContact", "account:DeleteAlternateContact"],
                "Resource": ["arn:aws:account::*:account"],
            }
        ],
    }
    policy = org.create_policy(
        Content=json.dumps(t8), Description="T8", Name="T8", Type="SERVICE_CONTROL_POLICY"
    )["Policy"]["PolicySummary"]
    org.attach_policy(PolicyId=policy["Id"], TargetId=root)
    put = "account:PutAlternateContact"
    for member in ("111111111111", "333333333333"):
        assert refusal(guide.client(member).put_alternate_contact, **BILLING) == denied(
            f"arn:aws:iam::{member}:root",
            put,
            standalone(member),
            f"with an explicit deny in a service control policy: {policy['Arn']}",
        )
    guide.client("123456789012").put_alternate_contact(AccountId="111111111111", **BILLING)
    admin = guide.client("333333333333")
    admin.put_alternate_contact(AccountId="111111111111", **BILLING)

    t9 = json.loads(json.dumps(t8))
    t9["Statement"][0]["Resource"] = ["*"]
    org.update_policy(PolicyId=policy["Id"], Content=json.dumps(t9))
    assert refusal(admin.put_alternate_contact, AccountId="111111111111", **BILLING) == denied(
        "arn:aws:iam::333333333333:root",
        put,
        "arn:aws:account::123456789012:account/o-aa111bb222/111111111111",
        f"with an explicit deny in a service control policy: {policy['Arn']}",
    )
    guide.client("123456789012").put_alternate_contact(AccountId="111111111111", **BILLING)


T14 = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "account:GetRegionOptStatus",
            "Resource": "arn:aws:account::111111111111:account/o-exampleorg/222222222222",
            "Condition": {"StringEquals": {"account:TargetRegion": "us-east-1"}},
        }
    ],
}


def test_t14_the_stackd_session_policy_byte_for_byte(make_server, tmp_path):
    server = founded(make_server, tmp_path, "stackd", "111111111111", "o-exampleorg", ["222222222222"])
    server.organizations("111111111111").register_delegated_administrator(
        AccountId="222222222222", ServicePrincipal=ACCOUNT_MANAGEMENT
    )
    key = user(server, "111111111111", "stackd", inline=ASSUME_ANY)
    sts = client_of(server, "sts", key)
    assumed = sts.assume_role(
        RoleArn="arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
        RoleSessionName="stackd-account-org",
        Policy=json.dumps(T14),
    )
    credentials = assumed["Credentials"]
    assert credentials["AccessKeyId"].startswith("ASIA")
    assert len(credentials["SecretAccessKey"]) == 40
    assert assumed["AssumedRoleUser"]["Arn"] == (
        "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org"
    )
    me = client_of(server, "sts", credentials).get_caller_identity()
    assert me["Arn"] == assumed["AssumedRoleUser"]["Arn"]
    assert me["UserId"] == assumed["AssumedRoleUser"]["AssumedRoleId"]

    client = client_of(server, "account", credentials)
    status = client.get_region_opt_status(AccountId="222222222222", RegionName="us-east-1")
    assert status["RegionOptStatus"] == "ENABLED_BY_DEFAULT"
    assert refusal(client.get_region_opt_status, AccountId="222222222222", RegionName="eu-west-1") == (
        "User: arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org "
        "is not authorized to perform: account:GetRegionOptStatus on resource: "
        "arn:aws:account::111111111111:account/o-exampleorg/222222222222 "
        "because no session policy allows the account:GetRegionOptStatus action"
    )
    assert refusal(client.get_region_opt_status, RegionName="us-east-1") == (
        "User: arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org "
        "is not authorized to perform: account:GetRegionOptStatus on resource: "
        "arn:aws:account::222222222222:account "
        "because no session policy allows the account:GetRegionOptStatus action"
    )


def test_assume_role_is_refused_to_roots_and_strangers(server, account):
    sts = server.client(account, service="sts")
    role = f"arn:aws:iam::{account}:role/nobody"
    error = api_error(sts.assume_role, RoleArn=role, RoleSessionName="s1")
    assert (error["code"], error["status"], error["message"]) == (
        "AccessDenied",
        403,
        "Roles may not be assumed by root accounts.",
    )
    key = user(server, account, "assumer", inline=ASSUME_ANY)
    error = api_error(client_of(server, "sts", key).assume_role, RoleArn=role, RoleSessionName="s1")
    assert (error["code"], error["status"], error["message"]) == (
        "AccessDenied",
        403,
        f"User: arn:aws:iam::{account}:user/assumer is not authorized to perform: sts:AssumeRole on resource: {role}",
    )


def unit(guide, member):
    """An OU under the root with `member` moved into it; returns its path."""
    org = guide.organizations("123456789012")
    root = org.list_roots()["Roots"][0]["Id"]
    ou = org.create_organizational_unit(ParentId=root, Name="Team")["OrganizationalUnit"]
    org.move_account(AccountId=member, SourceParentId=root, DestinationParentId=ou["Id"])
    return root, ou, f"o-aa111bb222/{root}/{ou['Id']}/"


def org_arn(member):
    return f"arn:aws:account::123456789012:account/o-aa111bb222/{member}"


def test_t6_org_paths_t7_and_t12_org_tags(guide):
    _, _, path = unit(guide, "111111111111")
    guide.organizations("123456789012").tag_resource(
        ResourceId="111111111111", Tags=[{"Key": "project", "Value": "blue"}, {"Key": "CostCenter", "Value": "12345"}]
    )
    conditions = {
        "t6": {"ForAnyValue:StringLike": {"account:AccountResourceOrgPaths": [f"{path}*", "o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/*"]}},
        "t7": {"ForAnyValue:StringLike": {"account:AccountResourceOrgTags/project": ["blue", "red"]}},
    }
    for name, condition in conditions.items():
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "account:*", "Resource": "*", "Condition": condition}]}
        client = client_of(guide, "account", user(guide, "123456789012", name, inline=policy))
        client.get_account_information(AccountId="111111111111")
        action = "account:GetAccountInformation"
        me = f"arn:aws:iam::123456789012:user/{name}"
        assert refusal(client.get_account_information, AccountId="333333333333") == denied(
            me, action, org_arn("333333333333"), no_identity(action)
        )
        assert refusal(client.get_account_information) == denied(
            me, action, standalone("123456789012"), no_identity(action)
        )
    t12 = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["account:GetContactInformation", "account:GetAlternateContact"],
                "Resource": "*",
                "Condition": {"ForAnyValue:StringEquals": {"account:AccountResourceOrgTags/CostCenter": ["12345", "67890"]}},
            }
        ],
    }
    guide.client("111111111111").put_alternate_contact(**BILLING)
    client = client_of(guide, "account", user(guide, "123456789012", "t12", inline=t12))
    client.get_alternate_contact(AccountId="111111111111", AlternateContactType="BILLING")
    action = "account:GetAlternateContact"
    assert refusal(client.get_alternate_contact, AccountId="333333333333", AlternateContactType="BILLING") == denied(
        "arn:aws:iam::123456789012:user/t12", action, org_arn("333333333333"), no_identity(action)
    )


def test_t10_scp_example_3_as_printed_denies_nothing(guide):
    root, ou, path = unit(guide, "111111111111")
    org = guide.organizations("123456789012")
    org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    printed = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Statement1",
                "Effect": "Deny",
                "Action": "account:PutAlternateContact",
                "Resource": ["arn:aws:account::*:account"],
                "Condition": {"ForAnyValue:StringLike": {"account:AccountResourceOrgPath": [path, "o-aa111bb222/r-a1b2/ou-a1b2-f6g7h222/"]}},
            }
        ],
    }
    policy = org.create_policy(Content=json.dumps(printed), Description="T10", Name="T10", Type="SERVICE_CONTROL_POLICY")
    policy = policy["Policy"]["PolicySummary"]
    org.attach_policy(PolicyId=policy["Id"], TargetId=root)
    member = guide.client("111111111111")
    member.put_alternate_contact(**BILLING)

    # With the key's real name and the values as printed, the member, directly
    # in the OU, is denied; without `*` an account in a child OU is not.
    fixed = json.loads(json.dumps(printed))
    condition = fixed["Statement"][0]["Condition"]["ForAnyValue:StringLike"]
    condition["account:AccountResourceOrgPaths"] = condition.pop("account:AccountResourceOrgPath")
    org.update_policy(PolicyId=policy["Id"], Content=json.dumps(fixed))
    assert refusal(member.put_alternate_contact, **BILLING) == denied(
        "arn:aws:iam::111111111111:root",
        "account:PutAlternateContact",
        standalone("111111111111"),
        f"with an explicit deny in a service control policy: {policy['Arn']}",
    )
    # Only accounts directly in the OU: a child OU's account is not matched.
    child = org.create_organizational_unit(ParentId=ou["Id"], Name="Child")["OrganizationalUnit"]
    org.move_account(AccountId="111111111111", SourceParentId=ou["Id"], DestinationParentId=child["Id"])
    member.put_alternate_contact(**BILLING)


def test_t11_email_target_domain(guide):
    t11 = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AllowConditionKey",
                "Effect": "Allow",
                "Action": ["account:StartPrimaryEmailUpdate"],
                "Resource": "*",
                "Condition": {"StringEqualsIgnoreCase": {"account:EmailTargetDomain": ["example.com", "company.org"]}},
            }
        ],
    }
    client = client_of(guide, "account", user(guide, "123456789012", "t11", inline=t11))
    started = client.start_primary_email_update(AccountId="111111111111", PrimaryEmail="x@EXAMPLE.COM")
    assert started["Status"] == "PENDING"
    action = "account:StartPrimaryEmailUpdate"
    assert refusal(client.start_primary_email_update, AccountId="111111111111", PrimaryEmail="x@evil.com") == denied(
        "arn:aws:iam::123456789012:user/t11", action, org_arn("111111111111"), no_identity(action)
    )
