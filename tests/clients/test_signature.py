"""SigV4 at the local endpoint, with the real boto3 and AWS CLI signers: a
key IAM issued works on the Account (restJson1), Organizations (JSON 1.1)
and STS/IAM (Query) wires; a wrong secret, a key the sandbox never issued
or has deleted, and a token on a user's key are refused with each
protocol's code and text, as botocore parses them; a session's `ASIA…` key
from AssumeRole works with its token and is refused without it.
"""

import json

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from support import DEFAULT_ACCOUNT, api_error

ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
MISMATCH = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
)
INVALID_TOKEN = "The security token included in the request is invalid."
UNKNOWN_KEY = "AKIAIOSFODNN7EXAMPLE"


def signing(server, service, key_id, secret, token=None):
    """A boto3 client of `service` that signs with these credentials."""
    return boto3.session.Session().client(
        service,
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


@pytest.fixture
def admin_key(server, account):
    """An access key of `admin`, a user of `account` with AdministratorAccess."""
    iam = server.client(account, service="iam")
    iam.create_user(UserName="admin")
    iam.attach_user_policy(UserName="admin", PolicyArn=ADMIN)
    return iam.create_access_key(UserName="admin")["AccessKey"]


def test_an_issued_key_signs_for_every_wire(server, account, admin_key):
    key_id, secret = admin_key["AccessKeyId"], admin_key["SecretAccessKey"]
    me = signing(server, "sts", key_id, secret).get_caller_identity()
    assert me["Arn"] == f"arn:aws:iam::{account}:user/admin"
    assert signing(server, "iam", key_id, secret).get_user()["User"]["UserName"] == "admin"
    client = signing(server, "account", key_id, secret)
    client.put_account_name(AccountName="Signed")
    assert client.get_account_information()["AccountName"] == "Signed"
    org = signing(server, "organizations", key_id, secret)
    created = org.create_organization(FeatureSet="ALL")["Organization"]
    assert created["MasterAccountId"] == account


@pytest.mark.parametrize("service", ["account", "organizations"])
def test_a_wrong_secret_is_an_invalid_signature_on_json_services(server, admin_key, service):
    client = signing(server, service, admin_key["AccessKeyId"], admin_key["SecretAccessKey"][::-1])
    call = client.get_account_information if service == "account" else client.describe_organization
    error = api_error(call)
    assert (error["code"], error["status"]) == ("InvalidSignatureException", 403)
    first, _, quoted = error["message"].partition("\n\n")
    assert first == MISMATCH
    assert quoted.startswith("The Canonical String for this request should have been\n'POST\n/")


@pytest.mark.parametrize("service", ["sts", "iam"])
def test_a_wrong_secret_does_not_match_on_query_services(server, admin_key, service):
    client = signing(server, service, admin_key["AccessKeyId"], "x" * 40)
    call = client.get_caller_identity if service == "sts" else client.list_users
    error = api_error(call)
    assert (error["code"], error["message"], error["status"]) == ("SignatureDoesNotMatch", MISMATCH, 403)


def test_an_unknown_or_deleted_key_is_refused_on_every_wire(server, account, admin_key):
    iam = server.client(account, service="iam")
    iam.delete_access_key(UserName="admin", AccessKeyId=admin_key["AccessKeyId"])
    for key_id in (UNKNOWN_KEY, admin_key["AccessKeyId"]):
        account_client = signing(server, "account", key_id, admin_key["SecretAccessKey"])
        error = api_error(account_client.get_account_information)
        assert (error["code"], error["message"], error["status"]) == ("UnrecognizedClientException", INVALID_TOKEN, 403)
        org = signing(server, "organizations", key_id, admin_key["SecretAccessKey"])
        error = api_error(org.list_accounts)
        assert (error["code"], error["message"], error["status"]) == ("UnrecognizedClientException", INVALID_TOKEN, 403)
        sts = signing(server, "sts", key_id, admin_key["SecretAccessKey"])
        error = api_error(sts.get_caller_identity)
        assert (error["code"], error["message"], error["status"]) == ("InvalidClientTokenId", INVALID_TOKEN, 403)


def test_a_users_key_with_a_session_token_is_refused(server, admin_key):
    sts = signing(server, "sts", admin_key["AccessKeyId"], admin_key["SecretAccessKey"], token="FwoGZXIvYXdzEXAMPLE")
    error = api_error(sts.get_caller_identity)
    assert (error["code"], error["message"]) == ("InvalidClientTokenId", INVALID_TOKEN)


def test_keys_the_sandbox_did_not_issue_keep_calling_unsigned(server, account):
    for key_id, caller in ((account, account), ("test", DEFAULT_ACCOUNT)):
        me = signing(server, "sts", key_id, "any secret").get_caller_identity()
        assert me["Account"] == caller


def test_a_refused_change_changes_nothing(server, account, admin_key):
    client = signing(server, "account", admin_key["AccessKeyId"], "y" * 40)
    with pytest.raises(ClientError):
        client.put_account_name(AccountName="Refused")
    assert server.client(account).get_account_information()["AccountName"] != "Refused"


def test_the_aws_cli_signs_with_an_issued_key(server, account, admin_key, aws_cli):
    key_id, secret = admin_key["AccessKeyId"], admin_key["SecretAccessKey"]
    cli = aws_cli(server, key_id, secret=secret)
    assert cli.json("sts", "get-caller-identity")["Arn"] == f"arn:aws:iam::{account}:user/admin"
    assert cli.json("account", "get-account-information")["AccountId"] == account
    assert aws_cli(server, key_id, secret="wrong").error("sts", "get-caller-identity") == (
        f"An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: {MISMATCH}"
    )
    line = aws_cli(server, key_id, secret="wrong").error("organizations", "list-accounts")
    assert line.startswith(
        f"An error occurred (InvalidSignatureException) when calling the ListAccounts operation: {MISMATCH}"
    )
    assert aws_cli(server, UNKNOWN_KEY, secret=secret).error("account", "get-account-information") == (
        f"An error occurred (UnrecognizedClientException) when calling the GetAccountInformation operation: "
        f"{INVALID_TOKEN}"
    )


@pytest.fixture
def admin_session(server, account, admin_key):
    """Session credentials of role `admin` (AdministratorAccess, trusting the
    account) that user `admin` assumed with its own signed key."""
    iam = server.client(account, service="iam")
    trust = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "sts:AssumeRole"}],
        }
    )
    iam.create_role(RoleName="admin", AssumeRolePolicyDocument=trust)
    iam.attach_role_policy(RoleName="admin", PolicyArn=ADMIN)
    sts = signing(server, "sts", admin_key["AccessKeyId"], admin_key["SecretAccessKey"])
    return sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/admin", RoleSessionName="ops")["Credentials"]


def test_a_session_key_works_with_its_token_and_is_refused_without(server, account, admin_session, aws_cli):
    key_id, secret, token = (admin_session[k] for k in ("AccessKeyId", "SecretAccessKey", "SessionToken"))
    assert key_id.startswith("ASIA")
    me = signing(server, "sts", key_id, secret, token).get_caller_identity()
    assert me["Arn"] == f"arn:aws:sts::{account}:assumed-role/admin/ops"
    assert signing(server, "account", key_id, secret, token).get_account_information()["AccountId"] == account
    for service, call, code in (
        ("sts", "get_caller_identity", "InvalidClientTokenId"),
        ("account", "get_account_information", "UnrecognizedClientException"),
        ("organizations", "list_accounts", "UnrecognizedClientException"),
    ):
        for wrong in (None, token[::-1]):
            error = api_error(getattr(signing(server, service, key_id, secret, wrong), call))
            assert (error["code"], error["message"], error["status"]) == (code, INVALID_TOKEN, 403), (service, wrong)
    cli = aws_cli(server, key_id, secret=secret, token=token)
    assert cli.json("sts", "get-caller-identity")["Arn"] == me["Arn"]
    assert aws_cli(server, key_id, secret=secret).error("sts", "get-caller-identity") == (
        f"An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: {INVALID_TOKEN}"
    )
