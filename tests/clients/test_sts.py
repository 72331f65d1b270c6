"""AWS STS on the same endpoint (the Query wire), through boto3 and the AWS
CLI: GetCallerIdentity for each kind of access key, and an operation the
sandbox does not serve, as botocore parses its XML error.
"""

from support import DEFAULT_ACCOUNT, api_error


def root(account):
    return {"UserId": account, "Account": account, "Arn": f"arn:aws:iam::{account}:root"}


def identity(response):
    return {key: response[key] for key in ("UserId", "Account", "Arn")}


def test_a_twelve_digit_key_is_the_root_user_of_its_account(server, account):
    response = server.client(account, service="sts").get_caller_identity()
    assert identity(response) == root(account)
    metadata = response["ResponseMetadata"]
    assert metadata["HTTPStatusCode"] == 200
    assert metadata["HTTPHeaders"]["content-type"] == "text/xml"
    assert metadata["RequestId"] == metadata["HTTPHeaders"]["x-amzn-requestid"]


def test_any_other_key_is_the_root_user_of_the_default_account(server):
    for key in ("AKIDEXAMPLE", "test"):
        response = server.client(key, service="sts").get_caller_identity()
        assert identity(response) == root(DEFAULT_ACCOUNT), key


def test_an_operation_the_sandbox_does_not_serve_is_an_invalid_action(server, account):
    sts = server.client(account, service="sts")
    error = api_error(
        sts.assume_role_with_web_identity,
        RoleArn=f"arn:aws:iam::{account}:role/Admin",
        RoleSessionName="session",
        WebIdentityToken="token-token",
    )
    assert error["code"] == "InvalidAction"
    assert error["message"] == "Could not find operation AssumeRoleWithWebIdentity for version 2011-06-15"
    assert error["status"] == 400


def test_the_aws_cli_gets_the_caller_identity(server, account, aws_cli):
    assert aws_cli(server, account).json("sts", "get-caller-identity") == root(account)
    assert aws_cli(server, "test").json("sts", "get-caller-identity") == root(DEFAULT_ACCOUNT)
    line = aws_cli(server, account).error(
        "sts",
        "assume-role-with-web-identity",
        "--role-arn",
        f"arn:aws:iam::{account}:role/Admin",
        "--role-session-name",
        "session",
        "--web-identity-token",
        "token-token",
    )
    assert line == (
        "An error occurred (InvalidAction) when calling the AssumeRoleWithWebIdentity operation: "
        "Could not find operation AssumeRoleWithWebIdentity for version 2011-06-15"
    )
