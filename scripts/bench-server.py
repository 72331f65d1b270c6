"""Requests per second of GetAlternateContact and PutAlternateContact over
loopback: this project's account-server against moto's server, in one run.

Run with the project's virtualenv (it has moto[server]):

    .venv/bin/python scripts/bench-server.py --server target/server/account-server

The load generator keeps many HTTP/1.1 connections busy from one process per
core, each an event loop over non-blocking sockets sending prebuilt requests
with a fixed SigV4-shaped Authorization header (neither server checks
signatures), so Python's per-request cost stays far below either server's.
One request is in flight per connection; a connection the server closes
(moto closes after every response) is reopened, as a real client would.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import pathlib
import selectors
import signal
import socket
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
ACCOUNT = "123456789012"
AUTHORIZATION = (
    f"AWS4-HMAC-SHA256 Credential={ACCOUNT}/20260101/us-east-1/account/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date, Signature=" + "0" * 64
)
CONTACT = {
    "AlternateContactType": "BILLING",
    "Name": "Bill Ing",
    "Title": "Billing",
    "EmailAddress": "bill@ing.com",
    "PhoneNumber": "+1 555-555-5555",
}
OPERATIONS = {
    "GetAlternateContact": ("/getAlternateContact", {"AlternateContactType": "BILLING"}),
    "PutAlternateContact": ("/putAlternateContact", CONTACT),
}


def request_bytes(port, operation):
    path, body = OPERATIONS[operation]
    payload = json.dumps(body).encode()
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        "X-Amz-Date: 20260101T000000Z\r\n"
        f"Authorization: {AUTHORIZATION}\r\n"
        f"Content-Length: {len(payload)}\r\n"
        "\r\n"
    )
    return head.encode() + payload


class Connection:
    """One keep-alive connection with at most one request in flight."""

    def __init__(self, port, request):
        self.port = port
        self.request = request
        self.sock = None
        self.buffer = b""

    def open(self, selector):
        self.sock = socket.create_connection(("127.0.0.1", self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)
        selector.register(self.sock, selectors.EVENT_READ, self)

    def close(self, selector):
        selector.unregister(self.sock)
        self.sock.close()

    def send(self):
        self.buffer = b""
        self.sock.sendall(self.request)

    def receive(self):
        """Reads what arrived; returns (status, closes) once a whole response
        is in, None while it is incomplete. Raises on a dropped connection."""
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed by the server mid-response")
        self.buffer += chunk
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        head = self.buffer[:end].decode("latin-1").lower()
        length = int(head.split("content-length:", 1)[1].split("\r\n", 1)[0])
        if len(self.buffer) < end + 4 + length:
            return None
        status = int(head.split(" ", 2)[1])
        return status, "connection: close" in head


def generate_load(port, operation, connections, seconds):
    """One process's share: (completed requests, non-200 responses)."""
    request = request_bytes(port, operation)
    selector = selectors.DefaultSelector()
    pool = [Connection(port, request) for _ in range(connections)]
    for connection in pool:
        connection.open(selector)
        connection.send()
    done = failed = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1):
            connection = key.data
            result = connection.receive()
            if result is None:
                continue
            status, closes = result
            done += 1
            failed += status != 200
            if closes:
                connection.close(selector)
                connection.open(selector)
            connection.send()
    for connection in pool:
        connection.close(selector)
    return done, failed


def measure(port, operation, processes, connections, seconds):
    with concurrent.futures.ProcessPoolExecutor(processes) as pool:
        started = time.monotonic()
        shares = list(pool.map(generate_load, *zip(*[(port, operation, connections, seconds)] * processes)))
        elapsed = time.monotonic() - started
    done = sum(d for d, _ in shares)
    failed = sum(f for _, f in shares)
    if failed:
        raise SystemExit(f"{failed} of {done} {operation} requests failed on port {port}")
    # Process start-up is inside `elapsed`, which only understates the rate.
    return done / elapsed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(process, port, name, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited at start with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{name} did not listen on port {port} within {timeout} s")


def call_once(port, operation):
    """One request, as a functional check before measuring."""
    path, body = OPERATIONS[operation]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "POST", path, body=json.dumps(body), headers={"Content-Type": "application/json", "Authorization": AUTHORIZATION}
        )
        response = connection.getresponse()
        payload = response.read()
        return response.status, json.loads(payload) if payload else None
    finally:
        connection.close()


def start(command, name):
    port = free_port()
    process = subprocess.Popen(
        [*command, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    wait_for_port(process, port, name)
    return process, port


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--server", default=str(ROOT / "target/server/account-server"), help="account-server binary")
    parser.add_argument("--seconds", type=float, default=5.0, help="load duration per measurement")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="load generator processes")
    parser.add_argument("--connections", type=int, default=16, help="connections per process")
    args = parser.parse_args()

    if not os.access(args.server, os.X_OK):
        raise SystemExit(f"no server binary at {args.server}: cargo build --profile server -p account-server")
    moto_server = pathlib.Path(sys.executable).parent / "moto_server"
    servers = {
        "account-server": [args.server, "--host", "127.0.0.1", "--port"],
        "moto": [str(moto_server), "-H", "127.0.0.1", "-p"],
    }
    processes = {}
    try:
        ports = {}
        for name, command in servers.items():
            processes[name], ports[name] = start(command, name)
            # Get must find a contact, so both servers answer 200.
            put_status, _ = call_once(ports[name], "PutAlternateContact")
            get_status, body = call_once(ports[name], "GetAlternateContact")
            if (put_status, get_status) != (200, 200) or body["AlternateContact"]["Name"] != CONTACT["Name"]:
                raise SystemExit(f"{name} does not serve the alternate-contact operations: {put_status} {get_status} {body}")

        print(
            f"{args.processes} load processes x {args.connections} connections, {args.seconds:g} s per run, "
            "in-memory state on both servers"
        )
        print(f"{'operation':<22}{'account-server':>16}{'moto':>12}{'ratio':>9}")
        ratios = []
        for operation in OPERATIONS:
            rates = {
                name: measure(ports[name], operation, args.processes, args.connections, args.seconds)
                for name in servers
            }
            ratio = rates["account-server"] / rates["moto"]
            ratios.append(ratio)
            print(f"{operation:<22}{rates['account-server']:>12,.0f} r/s{rates['moto']:>8,.0f} r/s{ratio:>8.1f}x")
        verdict = "met" if min(ratios) >= 10 else "NOT met"
        print(f"goal of at least 10x moto: {verdict} (lowest ratio {min(ratios):.1f}x)")
    finally:
        for process in processes.values():
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
