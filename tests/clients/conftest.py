"""Fixtures for the real-client tests.

Tests share one server and stay apart by calling as different accounts: a
12-digit access key id is the calling account, so each test gets fresh ones.
"""

import pytest

from support import AwsCli, Server, new_account


@pytest.fixture
def make_server(tmp_path):
    """Starts servers with their own state files; stops them afterwards."""
    servers = []

    def make(state_file=None, **flags):
        server = Server(state_file or tmp_path / f"state-{len(servers)}.json", **flags).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The shared server, with short region transitions."""
    server = Server(tmp_path_factory.mktemp("shared") / "state.json").start()
    yield server
    server.stop()


@pytest.fixture
def account():
    return new_account()


@pytest.fixture
def client(server, account):
    """A client calling as a fresh account of the shared server."""
    return server.client(account)


@pytest.fixture
def loose_client(server, account):
    """Like `client`, but lets botocore send what its validation would stop."""
    return server.client(account, validate=False)


@pytest.fixture
def aws_cli(tmp_path):
    """Makes AWS CLI runners: `aws_cli(server, account)("account", ...)`,
    `aws_cli(server, key_id, secret=..., token=...)` for issued keys."""
    return lambda server, account, **credentials: AwsCli(server, account, tmp_path, **credentials)
