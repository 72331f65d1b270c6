"""Running the release `account-server` binary and calling it, for the
real-client tests and nothing else: it builds nothing itself.
"""

import http.client
import itertools
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVER_BIN = os.environ.get("ACCOUNT_SERVER_BIN", str(ROOT / "target/server/account-server"))
DEFAULT_ACCOUNT = "000000000000"

# Short region transitions keep the tests quick; the polling below adapts.
ENABLE_SECONDS = 1
DISABLE_SECONDS = 0.5

# One session for every client: it loads the service model once. Sessions are
# not thread-safe, so threads get their clients made before they start.
_session = boto3.session.Session()

_accounts = itertools.count(100_000_000_000 + os.getpid() % 1000 * 1_000_000)


def new_account():
    """A 12-digit account id no other test uses."""
    return f"{next(_accounts):012d}"


def wait_until(probe, timeout=10.0, interval=0.02, what="the condition"):
    """Polls `probe` until it returns something truthy; fails at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class Server:
    """One `account-server` process with its own state file, or with its
    state in memory only (`in_memory=True`: the file's name then just places
    the log). `primary_email_seconds` sets how long an accepted primary
    email update takes to complete (the server's default if None); `flags`
    are passed on as they are."""

    def __init__(
        self,
        state_file,
        enable_seconds=ENABLE_SECONDS,
        disable_seconds=DISABLE_SECONDS,
        demo_organization=None,
        in_memory=False,
        primary_email_seconds=None,
        flags=(),
    ):
        self.state_file = pathlib.Path(state_file)
        self.log_file = self.state_file.with_suffix(".log")
        self.in_memory = in_memory
        self.flags = ["--enable-seconds", str(enable_seconds), "--disable-seconds", str(disable_seconds)]
        if not in_memory:
            self.flags += ["--state", str(self.state_file)]
        if demo_organization:
            self.flags += ["--demo-organization", str(demo_organization)]
        if primary_email_seconds is not None:
            self.flags += ["--primary-email-seconds", str(primary_email_seconds)]
        self.flags += list(flags)
        self.process = None
        self.port = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        if not os.access(SERVER_BIN, os.X_OK):
            pytest.fail(
                f"no server binary at {SERVER_BIN}: run "
                "`cargo build --profile server -p account-server` or set ACCOUNT_SERVER_BIN"
            )
        self.port = free_port()
        command = [SERVER_BIN, "--port", str(self.port), *self.flags]
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)

        def ready():
            if self.process.poll() is not None:
                raise AssertionError(f"account-server exited at start: {self.log()}")
            return port_open(self.port)

        wait_until(ready, what=f"account-server on port {self.port}")
        return self

    def log(self):
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def stop(self):
        """SIGTERM: the server finishes requests in flight and exits."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
                raise AssertionError("account-server ignored SIGTERM for 10 s")

    def kill(self):
        """SIGKILL: the process dies wherever it is."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def saved_state(self):
        """The state the server's files hold: the state file with the journal
        beside it replayed (`account-server --export`, which reads them while
        the server runs too)."""
        assert not self.in_memory, "a server with its state in memory saves nothing"
        exported = subprocess.run(
            [SERVER_BIN, "--state", str(self.state_file), "--export"], capture_output=True, text=True, timeout=60
        )
        assert exported.returncode == 0, exported.stderr
        return json.loads(exported.stdout)

    def client(self, account=None, validate=True, pool=10, service="account"):
        """A boto3 client of `service` (Account by default) calling as
        `account` (a fresh one if None).

        Retries are off so each call is exactly one request and errors show
        as the server sent them. `validate=False` lets values through that
        botocore would refuse before sending (empty strings, MaxResults 0).
        """
        config = botocore.config.Config(
            retries={"total_max_attempts": 1},
            parameter_validation=validate,
            max_pool_connections=pool,
        )
        return _session.client(
            service,
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=account or new_account(),
            aws_secret_access_key="test",
            config=config,
        )

    def organizations(self, account=None, validate=True):
        """A boto3 Organizations client on the same endpoint, like `client`."""
        return self.client(account, validate=validate, service="organizations")


def api_error(call, exception=ClientError, **params):
    """Calls an operation that must raise `exception` (any service error by
    default, or a modeled error class of the client); returns the error as
    botocore parsed it: code, message, HTTP status and the modeled members
    (Account names its reason `reason`, Organizations `Reason`)."""
    with pytest.raises(exception) as caught:
        call(**params)
    response = caught.value.response
    return {
        "code": response["Error"]["Code"],
        "message": response["Error"]["Message"],
        "status": response["ResponseMetadata"]["HTTPStatusCode"],
        "reason": response.get("reason", response.get("Reason")),
        "fields": response.get("fieldList"),
    }


def authorization(access_key_id):
    """A SigV4-shaped Authorization header: the sandbox reads the access key
    id from it and checks no signature for ids it did not issue."""
    return (
        f"AWS4-HMAC-SHA256 Credential={access_key_id}/20260101/us-east-1/account/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date, Signature=" + "0" * 64
    )


class RawClient:
    """restJson1 over one keep-alive connection, for tests that need many
    accounts or bodies no SDK would send."""

    def __init__(self, server):
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)

    def request(self, method, path, body, account=None):
        """Returns the status, the x-amzn-ErrorType header and the JSON body."""
        headers = {"Content-Type": "application/json"}
        if account:
            headers["Authorization"] = authorization(account)
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        return response.status, response.getheader("x-amzn-ErrorType"), json.loads(payload) if payload else None

    def call(self, operation, account, **params):
        """Calls an operation by its API name; returns the status and body."""
        path = "/" + operation[0].lower() + operation[1:]
        status, _, body = self.request("POST", path, json.dumps(params).encode(), account)
        return status, body

    def close(self):
        self.connection.close()


def modeled_error(exception, call, **params):
    """`api_error` for a modeled error class of the client, e.g.
    `org.exceptions.AccountNotRegisteredException`."""
    return api_error(call, exception=exception, **params)


def access_denied(caller, operation, reason=None):
    """The Account API's AccessDeniedException message: the caller's root
    user, the action, and the reason in parentheses where there is one."""
    message = f"User: arn:aws:iam::{caller}:root is not authorized to perform: account:{operation}"
    return f"{message} ({reason})" if reason else message


def inbox(server):
    """The messages the sandbox "sent" (`GET /_sandbox/inbox`), oldest first:
    each with AccountId, To, Kind (PrimaryEmailOtp or PhoneVerificationCode),
    Code and SentAt."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", "/_sandbox/inbox")
        response = connection.getresponse()
        payload = response.read()
    finally:
        connection.close()
    assert response.status == 200, (response.status, payload)
    return json.loads(payload)["Messages"]


def messages_to(server, account_id, kind):
    """The inbox's messages of `kind` about `account_id`, oldest first."""
    return [m for m in inbox(server) if m["AccountId"] == account_id and m["Kind"] == kind]


def last_code(server, account_id, kind):
    """The newest code of `kind` sent about `account_id`."""
    messages = messages_to(server, account_id, kind)
    assert messages, f"no {kind} message for {account_id} in the inbox"
    return messages[-1]["Code"]


def other_code(code):
    """A code of the same form that is certainly not `code`: each character
    moved one place along its own alphabet."""

    def shift(c):
        if c.isdigit():
            return str((int(c) + 1) % 10)
        return chr((ord(c.upper()) - ord("A") + 1) % 26 + ord("A"))

    return "".join(shift(c) for c in code)


AWS_CLI = pathlib.Path(sys.executable).parent / "aws"


class AwsCli:
    """`aws --endpoint-url <server> ...` (the AWS CLI v1 of the virtualenv)
    as `account` (an access key id, with its `secret` and session `token`
    where the key is one IAM or STS issued), with no config files, so
    nothing on the machine changes what the CLI does."""

    def __init__(self, server, account, home, secret="test", token=None):
        self.server = server
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "AWS_ACCESS_KEY_ID": account,
            "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        }
        if token:
            self.env["AWS_SESSION_TOKEN"] = token

    def __call__(self, *args, check=True):
        result = subprocess.run(
            [str(AWS_CLI), "--endpoint-url", self.server.endpoint, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def json(self, *args):
        """The command's JSON output, parsed; `{}` for an empty one."""
        stdout = self(*args).stdout
        return json.loads(stdout) if stdout else {}

    def error(self, *args):
        """The error line of a command the service refuses (exit status
        255, nothing on stdout)."""
        result = self(*args, check=False)
        assert (result.returncode, result.stdout) == (255, ""), result
        return result.stderr.strip()
