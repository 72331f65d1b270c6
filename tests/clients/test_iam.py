"""IAM users on the same endpoint (the Query wire), through boto3: a user
made by an account's root user, its access key, a managed policy attached,
and Account calls made with that key decided by the user's policies.
Signatures made with the key are checked in test_signature.py.
"""

import json

import boto3
import botocore.config
import pytest

from support import api_error

READ_ONLY = "arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess"


def as_key(server, key, service):
    """A boto3 client of `service` signing with an access key IAM issued."""
    return boto3.session.Session().client(
        service,
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


@pytest.fixture
def iam(server, account):
    return server.client(account, service="iam")


def test_a_read_only_user_reads_and_is_refused_a_put(server, account, iam):
    user = iam.create_user(UserName="reader")["User"]
    assert user["Arn"] == f"arn:aws:iam::{account}:user/reader"
    assert user["UserId"].startswith("AIDA") and len(user["UserId"]) == 21
    key = iam.create_access_key(UserName="reader")["AccessKey"]
    assert key["AccessKeyId"].startswith("AKIA") and len(key["AccessKeyId"]) == 20
    assert len(key["SecretAccessKey"]) == 40
    assert key["Status"] == "Active"
    iam.attach_user_policy(UserName="reader", PolicyArn=READ_ONLY)
    attached = iam.list_attached_user_policies(UserName="reader")
    assert attached["AttachedPolicies"] == [
        {"PolicyName": "AWSAccountManagementReadOnlyAccess", "PolicyArn": READ_ONLY}
    ]
    assert attached["IsTruncated"] is False

    me = as_key(server, key, "sts").get_caller_identity()
    assert (me["Arn"], me["UserId"], me["Account"]) == (user["Arn"], user["UserId"], account)

    client = as_key(server, key, "account")
    assert client.get_account_information()["AccountId"] == account
    assert client.list_regions()["Regions"]
    error = api_error(
        client.put_alternate_contact,
        exception=client.exceptions.AccessDeniedException,
        AlternateContactType="BILLING",
        Name="Billing",
        Title="Owner",
        EmailAddress="billing@example.com",
        PhoneNumber="+12065550100",
    )
    assert error["status"] == 403
    assert error["message"] == (
        f"User: arn:aws:iam::{account}:user/reader is not authorized to perform: "
        f"account:PutAlternateContact on resource: arn:aws:account::{account}:account "
        "because no identity-based policy allows the account:PutAlternateContact action"
    )


def test_policies_come_back_as_documents(iam):
    iam.create_user(UserName="ana", Path="/ops/", Tags=[{"Key": "team", "Value": "blue"}])
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "account:Get*", "Resource": "*"}],
    }
    iam.put_user_policy(UserName="ana", PolicyName="reads", PolicyDocument=json.dumps(document))
    # botocore decodes IAM's URL-encoded documents.
    assert iam.get_user_policy(UserName="ana", PolicyName="reads")["PolicyDocument"] == document
    created = iam.create_policy(PolicyName="Reads", PolicyDocument=json.dumps(document))["Policy"]
    assert created["DefaultVersionId"] == "v1"
    version = iam.get_policy_version(PolicyArn=created["Arn"], VersionId="v1")["PolicyVersion"]
    assert version["Document"] == document
    assert version["IsDefaultVersion"] is True
    got = iam.get_user(UserName="ana")["User"]
    assert got["Path"] == "/ops/"
    assert got["Tags"] == [{"Key": "team", "Value": "blue"}]
    assert [u["UserName"] for u in iam.list_users()["Users"]] == ["ana"]
    names = [p["PolicyName"] for p in iam.list_policies(Scope="AWS")["Policies"]]
    assert names == [
        "AdministratorAccess",
        "AWSAccountManagementFullAccess",
        "AWSAccountManagementReadOnlyAccess",
    ]


def test_iam_errors_are_modeled_exceptions(iam):
    iam.create_user(UserName="ana")
    error = api_error(iam.create_user, exception=iam.exceptions.EntityAlreadyExistsException, UserName="ana")
    assert (error["status"], error["message"]) == (409, "User with name ana already exists.")
    error = api_error(iam.get_user, exception=iam.exceptions.NoSuchEntityException, UserName="bob")
    assert (error["status"], error["message"]) == (404, "The user with name bob cannot be found.")
    error = api_error(
        iam.put_user_policy,
        exception=iam.exceptions.MalformedPolicyDocumentException,
        UserName="ana",
        PolicyName="p",
        PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*"}]}',
    )
    assert (error["status"], error["message"]) == (400, "Policy statement must contain resources.")
    iam.create_access_key(UserName="ana")
    error = api_error(iam.delete_user, exception=iam.exceptions.DeleteConflictException, UserName="ana")
    assert (error["status"], error["message"]) == (409, "Cannot delete entity, must delete access keys first.")
