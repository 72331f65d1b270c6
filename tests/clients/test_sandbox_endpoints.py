"""The sandbox's own endpoints over a real socket: GET /_sandbox/health and
POST /_sandbox/reset (and moto's POST /moto-api/reset), called with plain
HTTP, their effects checked with boto3 clients of the APIs they reset."""

import http.client
import json
import subprocess

import pytest

from support import SERVER_BIN, Server, api_error, new_account

MANAGEMENT = "123456789012"
BILLING = {
    "AlternateContactType": "BILLING",
    "Name": "Bill Ing",
    "Title": "Billing",
    "EmailAddress": "bill@example.com",
    "PhoneNumber": "+1 555-555-5555",
}


@pytest.fixture
def start(tmp_path):
    """Starts servers with extra flags; stops them afterwards."""
    servers = []

    def start(name="state.json", *flags, **options):
        server = Server(tmp_path / name, **options)
        server.flags += flags
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()


def sandbox_call(server, method, path):
    """Status, x-amzn-ErrorType and JSON body of a plain HTTP request."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        payload = response.read()
        return response.status, response.getheader("x-amzn-ErrorType"), json.loads(payload)
    finally:
        connection.close()


def health(server):
    status, _, body = sandbox_call(server, "GET", "/_sandbox/health")
    assert status == 200, body
    return body


def test_health_reports_the_version_uptime_accounts_and_persistence(start):
    version = subprocess.run([SERVER_BIN, "--version"], capture_output=True, text=True, check=True).stdout
    persisted = start()
    first = health(persisted)
    assert first["status"] == "running"
    assert version.split() == ["account-server", first["version"]]
    assert first["uptimeSeconds"] >= 0
    assert (first["accounts"], first["persisted"], first["stateFile"]) == (1, True, str(persisted.state_file))

    persisted.client("121212121212").get_account_information()
    second = health(persisted)
    assert second["accounts"] == 2
    assert second["uptimeSeconds"] >= first["uptimeSeconds"]

    in_memory = health(start("memory.json", in_memory=True))
    assert (in_memory["persisted"], in_memory["stateFile"]) == (False, None)


def test_each_sandbox_endpoint_takes_one_method(start):
    server = start("memory.json", in_memory=True)
    for method, path, expected in [
        ("POST", "/_sandbox/health", "GET"),
        ("GET", "/_sandbox/reset", "POST"),
        ("GET", "/moto-api/reset", "POST"),
    ]:
        status, code, body = sandbox_call(server, method, path)
        assert (status, code) == (405, "MethodNotAllowedException"), path
        assert body == {"message": f"{path} takes {expected} requests, not {method}."}


def all_accounts(organizations):
    return [a for page in organizations.get_paginator("list_accounts").paginate() for a in page["Accounts"]]


def test_reset_returns_to_the_sandbox_the_flags_describe_and_a_sigkill_keeps_it(start):
    flags = ("--account-id", MANAGEMENT)
    server = start("state.json", *flags, demo_organization=3)
    account, organizations = server.client(MANAGEMENT), server.organizations(MANAGEMENT)
    account.put_alternate_contact(**BILLING)
    organizations.create_account(AccountName="Extra", Email="extra@example.com")
    stranger = new_account()
    server.client(stranger).put_account_name(AccountName="Stranger")
    assert len(all_accounts(organizations)) == 5

    status, _, body = sandbox_call(server, "POST", "/_sandbox/reset")
    assert (status, body) == (200, {"status": "ok"})

    def assert_started_over(server):
        account, organizations = server.client(MANAGEMENT), server.organizations(MANAGEMENT)
        members = all_accounts(organizations)
        assert sorted(m["Name"] for m in members) == ["Member 0001", "Member 0002", "Member 0003", "Sandbox account"]
        assert organizations.list_aws_service_access_for_organization()["EnabledServicePrincipals"][0][
            "ServicePrincipal"
        ] == "account.amazonaws.com"
        error = api_error(account.get_alternate_contact, AlternateContactType="BILLING")
        assert error["code"] == "ResourceNotFoundException"
        assert server.client(stranger).get_account_information()["AccountName"] == f"Account {stranger}"

    assert_started_over(server)
    # Saved before the answer: a kill right after it loses nothing.
    server.kill()
    assert_started_over(start("state.json", *flags, demo_organization=3))


def test_reset_drops_what_the_state_file_had_loaded(start):
    first = start()
    kept = new_account()
    first.client(kept).put_account_name(AccountName="Loaded")
    first.stop()

    second = start()
    assert second.client(kept).get_account_information()["AccountName"] == "Loaded"
    assert sandbox_call(second, "POST", "/_sandbox/reset")[0] == 200
    assert health(second)["accounts"] == 1
    second.stop()
    assert list(json.loads(second.state_file.read_text())["accounts"]) == ["000000000000"]


def test_moto_api_reset_works_as_in_motos_server_mode(start):
    server = start("memory.json", in_memory=True)
    client = server.client()
    client.put_alternate_contact(**BILLING)
    client.enable_region(RegionName="af-south-1")

    status, _, body = sandbox_call(server, "POST", "/moto-api/reset")
    assert (status, body) == (200, {"status": "ok"})
    assert api_error(client.get_alternate_contact, AlternateContactType="BILLING")["code"] == (
        "ResourceNotFoundException"
    )
    assert client.get_region_opt_status(RegionName="af-south-1")["RegionOptStatus"] == "DISABLED"


def test_the_help_documents_the_sandbox_endpoints():
    help_text = subprocess.run([SERVER_BIN, "--help"], capture_output=True, text=True, check=True).stdout
    for line in ["GET  /_sandbox/health", "POST /_sandbox/reset", "POST /moto-api/reset"]:
        assert line in help_text
