"""Requests per second of GetAlternateContact and PutAlternateContact over
loopback, and the seed blog's bulk job through boto3: this project's
account-server against moto's server, in one run; then account-server's
durable writes with --state, and its start-up with a large state.

Run with the project's virtualenv (it has moto[server]):

    .venv/bin/python scripts/bench-server.py --server target/server/account-server

The bulk job is the blog's script unchanged: page through Organizations
ListAccounts, skip the management account and accounts not ACTIVE, and put
the same SECURITY alternate contact on every other member with AccountId,
one call after another. account-server starts with --demo-organization N;
moto gets its organization through the Organizations API (CreateOrganization,
CreateAccount for each member, EnableAWSServiceAccess), which takes moto
seconds per thousand accounts; --moto-bulk-members makes moto's organization
smaller if that is too slow, and the ratio then compares both servers at
moto's size.

The load generator keeps many HTTP/1.1 connections busy from one process per
core, each an event loop over non-blocking sockets sending prebuilt requests
with a fixed SigV4-shaped Authorization header of a 12-digit key (whose
signature neither server checks), so Python's per-request cost stays far
below either server's. account-server's GetAlternateContact is measured
again signed by botocore with the key of a user with AdministratorAccess,
which it verifies and whose policy it evaluates: what SigV4 verification
and an IAM user's identity policies cost together.
One request is in flight per connection; a connection the server closes
(moto closes after every response) is reopened, as a real client would.

Durable writes are PutAlternateContact with --state, each answered once its
journal record is synced: sequential (one connection) and from 16 clients,
on an empty sandbox and with 5,000 member accounts. Start-up is the time
from starting the process to its first answer, with a state file of 50,000
accounts, and again after a SIGKILL left a journal of writes to replay.
Authorization's cost is GetAlternateContact per second by an IAM user with
ten policies (five inline, five customer managed, only the last one
allowing) against a user with AdministratorAccess alone, both signed by
botocore, on one server in alternating runs, with the root user's unsigned
rate beside them; the budget is at most 20% more time per request.
The budgets are ratios within this run, and against the 173 sequential
durable writes per second at 5,000 members measured before the journal,
when every change rewrote and synced the whole state file. Since syncs cost
what the disk makes them cost at the time, the run also measures that old
cost itself: rewriting and syncing the 5,000-member state file as the old
server did for each write (temporary file, fsync, rename, fsync of the
directory), leaving out serializing it, so the old server was slower still.
"""

import argparse
import concurrent.futures
import contextlib
import http.client
import json
import os
import pathlib
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
ACCOUNT = "123456789012"
AUTHORIZATION = (
    f"AWS4-HMAC-SHA256 Credential={ACCOUNT}/20260101/us-east-1/account/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date, Signature=" + "0" * 64
)
SECURITY_CONTACT = {
    "AlternateContactType": "SECURITY",
    "Name": "Security Team",
    "Title": "Security",
    "EmailAddress": "security@example.com",
    "PhoneNumber": "+1 555-555-0199",
}
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


def request_bytes(port, operation, key=None):
    """The request, with the fixed header of the 12-digit key, or signed by
    botocore with `key` (an issued key's id and secret)."""
    path, body = OPERATIONS[operation]
    payload = json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "X-Amz-Date": "20260101T000000Z", "Authorization": AUTHORIZATION}
    if key:
        import botocore.auth
        import botocore.awsrequest
        import botocore.credentials

        signed = botocore.awsrequest.AWSRequest("POST", f"http://127.0.0.1:{port}{path}", data=payload)
        signed.headers["Content-Type"] = "application/json"
        botocore.auth.SigV4Auth(botocore.credentials.Credentials(*key), "account", "us-east-1").add_auth(signed)
        headers = dict(signed.headers.items())
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{lines}Content-Length: {len(payload)}\r\n\r\n"
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


def generate_load(port, operation, connections, seconds, key=None):
    """One process's share: (completed requests, non-200 responses)."""
    request = request_bytes(port, operation, key)
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


def measure(port, operation, processes, connections, seconds, key=None):
    with concurrent.futures.ProcessPoolExecutor(processes) as pool:
        started = time.monotonic()
        shares = list(pool.map(generate_load, *zip(*[(port, operation, connections, seconds, key)] * processes)))
        elapsed = time.monotonic() - started
    done = sum(d for d, _ in shares)
    failed = sum(f for _, f in shares)
    if failed:
        raise SystemExit(f"{failed} of {done} {operation} requests failed on port {port}")
    # Process start-up is inside `elapsed`, which only understates the rate.
    return done / elapsed


def administrator_key(port):
    """An access key of a user of ACCOUNT with AdministratorAccess, made by
    the account's root user over IAM's Query wire: (id, secret)."""

    def iam(params):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        body = "&".join(f"{name}={value}" for name, value in {**params, "Version": "2010-05-08"}.items())
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Authorization": AUTHORIZATION}
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        if response.status != 200:
            raise SystemExit(f"IAM {params['Action']} answered {response.status}: {text}")
        return text

    iam({"Action": "CreateUser", "UserName": "bench"})
    iam({"Action": "AttachUserPolicy", "UserName": "bench", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})
    created = iam({"Action": "CreateAccessKey", "UserName": "bench"})

    def value(element):
        return created.split(f"<{element}>", 1)[1].split("<", 1)[0]

    return value("AccessKeyId"), value("SecretAccessKey")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(process, port, name, timeout=30, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited at start with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(interval)
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


def start(command, name, interval=0.05):
    port = free_port()
    process = subprocess.Popen(
        [*command, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    wait_for_port(process, port, name, interval=interval)
    return process, port


@contextlib.contextmanager
def running(command, name):
    """A server process for the duration of the block, on a free port."""
    process, port = start(command, name)
    try:
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def boto3_clients(port):
    """Organizations and Account clients calling as ACCOUNT, one request per
    call (no retries), as the blog's script would make them."""
    import boto3
    import botocore.config

    session = boto3.session.Session()
    config = botocore.config.Config(retries={"total_max_attempts": 1})

    def client(service):
        return session.client(
            service,
            endpoint_url=f"http://127.0.0.1:{port}",
            region_name="us-east-1",
            aws_access_key_id=ACCOUNT,
            aws_secret_access_key="test",
            config=config,
        )

    return client("organizations"), client("account")


def bulk_job(organizations, account):
    """The seed blog's job; returns (updated, failed) account counts."""
    from botocore.exceptions import ClientError

    management_id = organizations.describe_organization()["Organization"]["MasterAccountId"]
    updated = failed = 0
    for page in organizations.get_paginator("list_accounts").paginate():
        for member in page["Accounts"]:
            if member["Id"] == management_id or member["Status"] != "ACTIVE":
                continue
            try:
                account.put_alternate_contact(AccountId=member["Id"], **SECURITY_CONTACT)
                updated += 1
            except ClientError:
                failed += 1
    return updated, failed


def time_bulk_job(port, members, runs):
    """The best of `runs` timings of the bulk job, in seconds, and the CPU
    time this process (boto3) spent in that run. Each run puts the same
    contact again, so every run does the same work."""
    organizations, account = boto3_clients(port)
    best = (float("inf"), 0.0)
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        outcome = bulk_job(organizations, account)
        best = min(best, (time.perf_counter() - started, time.process_time() - cpu))
        if outcome != (members, 0):
            raise SystemExit(f"the bulk job on port {port} updated/failed {outcome}, expected ({members}, 0)")
    return best


def set_up_organization_through_the_api(port, members):
    """What moto needs before the job: an organization with `members`
    created accounts and trusted access for Account Management."""
    organizations, _ = boto3_clients(port)
    organizations.create_organization(FeatureSet="ALL")
    for n in range(1, members + 1):
        status = organizations.create_account(AccountName=f"Member {n:04d}", Email=f"member-{n:04d}@example.com")
        if status["CreateAccountStatus"]["State"] != "SUCCEEDED":
            raise SystemExit(f"moto did not create member {n}: {status}")
    organizations.enable_aws_service_access(ServicePrincipal="account.amazonaws.com")


def bulk(args, moto_server):
    print()
    print(
        "bulk job through boto3 (Organizations ListAccounts paginator, then PutAlternateContact with AccountId "
        f"for each member, sequential), best of {args.bulk_runs} runs"
    )
    print(f"{'server':<16}{'members':>9}{'set-up':>10}{'job':>10}{'boto3 CPU':>11}{'members/s':>11}")
    # (server, members) -> (job seconds, boto3 CPU seconds) of the best run.
    jobs = {}

    def record(server, members, set_up, port):
        seconds, cpu = time_bulk_job(port, members, args.bulk_runs)
        jobs[(server, members)] = (seconds, cpu)
        print(f"{server:<16}{members:>9}{set_up:>9.2f}s{seconds:>9.2f}s{cpu:>10.2f}s{members / seconds:>11,.0f}")

    for members in sorted({args.moto_bulk_members, args.bulk_members}):
        command = [args.server, "--host", "127.0.0.1", "--account-id", ACCOUNT, "--demo-organization", str(members), "--port"]
        started = time.perf_counter()
        with running(command, "account-server") as port:
            record("account-server", members, time.perf_counter() - started, port)
    members = args.moto_bulk_members
    with running([str(moto_server), "-H", "127.0.0.1", "-p"], "moto") as port:
        started = time.perf_counter()
        set_up_organization_through_the_api(port, members)
        record("moto", members, time.perf_counter() - started, port)
    if args.moto_bulk_members < args.bulk_members:
        print(
            f"(moto's organization has {members} members, not {args.bulk_members}, as --moto-bulk-members asked; "
            "account-server ran at both sizes)"
        )
    (ours, our_cpu), (theirs, their_cpu) = jobs[("account-server", members)], jobs[("moto", members)]
    ratio = theirs / ours
    print(f"bulk job ratio at {members} members, account-server / moto: {ratio:.1f}x")
    verdict = "met" if ratio >= 10 else "NOT met"
    print(f"goal of a bulk job at least 10x faster than on moto: {verdict}")
    # boto3's own CPU time is the same on both servers and bounds the ratio:
    # the job can never take less than it. What is left is time spent
    # waiting for answers.
    our_wait, their_wait = ours - our_cpu, theirs - their_cpu
    print(
        f"waiting for answers (job - boto3 CPU): account-server {our_wait:.2f}s, moto {their_wait:.2f}s"
        + (f", ratio {their_wait / our_wait:.0f}x" if our_wait > 0.005 else "")
    )
    # A server that answered in no time at all would leave only boto3's CPU:
    # no server can take the ratio above this ceiling.
    print(f"ceiling of the ratio for a server answering instantly (moto's job / boto3 CPU): {theirs / our_cpu:.1f}x")

# Sequential durable PutAlternateContact at 5,000 members before the
# journal, when each change rewrote and synced the whole state file.
DURABLE_BEFORE_JOURNAL = 173


def durable(args):
    print()
    print(
        f"durable PutAlternateContact with --state (answered once synced), {args.seconds:g} s per run; "
        f"{args.durable_clients} clients = {args.processes} processes x {args.durable_clients // args.processes} connections"
    )
    print(f"{'state':<26}{'clients':>8}{'writes/s':>11}")
    rates = {}
    with tempfile.TemporaryDirectory(prefix="bench-durable-") as scratch:
        for members in (0, args.durable_members):
            state = pathlib.Path(scratch) / f"members-{members}.json"
            command = [args.server, "--host", "127.0.0.1", "--account-id", ACCOUNT, "--state", str(state)]
            if members:
                command += ["--demo-organization", str(members)]
            with running([*command, "--port"], "account-server") as port:
                status, _ = call_once(port, "PutAlternateContact")
                if status != 200:
                    raise SystemExit(f"account-server with --state answered PutAlternateContact with {status}")
                # Lets the snapshot of the start-up's set-up finish first.
                measure(port, "PutAlternateContact", 1, 1, 1)
                for clients in (1, args.durable_clients):
                    processes = min(clients, args.processes)
                    rate = measure(port, "PutAlternateContact", processes, clients // processes, args.seconds)
                    rates[(members, clients)] = rate
                    label = f"{members:,} member accounts" if members else "empty sandbox"
                    print(f"{label:<26}{clients:>8}{rate:>11,.0f}")
        # The server has stopped: its state file now holds the whole state.
        rewrites = rewrite_rate(pathlib.Path(scratch) / f"members-{args.durable_members}.json", args.seconds)
        print(f"{'rewrite + sync of the file':<26}{1:>8}{rewrites:>11,.0f}   (each write's cost before the journal)")
        startup = time_startup(args, pathlib.Path(scratch))

    empty, large = rates[(0, 1)], rates[(args.durable_members, 1)]
    concurrent = rates[(args.durable_members, args.durable_clients)]
    checks = [
        (f"sequential at {args.durable_members:,} members / empty sandbox", large / empty, 0.5),
        (f"sequential at {args.durable_members:,} members / {DURABLE_BEFORE_JOURNAL} before the journal",
         large / DURABLE_BEFORE_JOURNAL, 10),
        (f"sequential at {args.durable_members:,} members / rewriting the file, in this run", large / rewrites, 10),
        (f"{args.durable_clients} clients / sequential, at {args.durable_members:,} members", concurrent / large, 5),
    ]
    for what, ratio, budget in checks:
        verdict = "met" if ratio >= budget else "NOT met"
        print(f"{what}: {ratio:.2f}x (budget at least {budget:g}x): {verdict}")
    clean, crashed = startup
    verdict = "met" if clean < 2 else "NOT met"
    print(f"start-up with {args.startup_accounts:,} accounts: {clean:.2f} s (budget under 2 s): {verdict}")
    print(f"start-up with {args.startup_accounts:,} accounts after a SIGKILL, journal replayed: {crashed:.2f} s")


def rewrite_rate(state, seconds):
    """Rewrites of `state` per second, each as the server's state file save
    does it: a temporary file written and synced, renamed over the file,
    the directory synced."""
    contents = state.read_bytes()
    temp = state.with_name("." + state.name + ".tmp")
    directory = os.open(state.parent, os.O_RDONLY)
    done, deadline = 0, time.monotonic() + seconds
    started = time.perf_counter()
    try:
        while time.monotonic() < deadline:
            with open(temp, "wb") as f:
                f.write(contents)
                f.flush()
                os.fsync(f.fileno())
            os.rename(temp, state)
            os.fsync(directory)
            done += 1
    finally:
        os.close(directory)
    return done / (time.perf_counter() - started)


def first_answer(command):
    """Seconds from starting the server to its first answer, and the process."""
    started = time.perf_counter()
    process, port = start(command, "account-server", interval=0.002)
    status, _ = call_once(port, "GetAlternateContact")
    elapsed = time.perf_counter() - started
    if status not in (200, 404):
        raise SystemExit(f"account-server answered its first request with {status}")
    return elapsed, process, port


def time_startup(args, scratch):
    """The best of three clean start-ups with a state of `startup_accounts`
    accounts, and one start-up replaying the journal a SIGKILL left."""
    state = scratch / "startup.json"
    command = [args.server, "--host", "127.0.0.1", "--account-id", ACCOUNT, "--state", str(state)]
    # SIGTERM at the end: the last snapshot holds the whole state.
    with running([*command, "--demo-organization", str(args.startup_accounts - 1), "--port"], "account-server"):
        pass
    clean = float("inf")
    for _ in range(3):
        elapsed, process, _ = first_answer([*command, "--port"])
        clean = min(clean, elapsed)
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    _, process, port = first_answer([*command, "--port"])
    measure(port, "PutAlternateContact", args.processes, args.durable_clients // args.processes, args.seconds)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    journaled = sum(path.stat().st_size for path in scratch.glob("startup.json.journal.*"))
    crashed, process, _ = first_answer([*command, "--port"])
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    print(f"state file {state.stat().st_size / 1e6:.1f} MB; journal left by the SIGKILL {journaled / 1e6:.1f} MB")
    return clean, crashed


# Policies attached to the IAM user of the authorization run: five inline,
# five customer managed, and only the last one allows the measured call,
# so the evaluator reads every one of them on every request.
AUTHZ_POLICIES = 10


def authz_documents():
    """The user's ten documents: nine that match nothing the run asks for
    (other actions, or the action under conditions that fail), one Allow."""
    def document(statements):
        return json.dumps({"Version": "2012-10-17", "Statement": statements})

    others = [
        [{"Effect": "Allow", "Action": ["account:PutAlternateContact", "account:ListRegions"], "Resource": "*"}],
        [{"Effect": "Deny", "Action": "account:DeleteAlternateContact", "Resource": "*"}],
        [{"Effect": "Allow", "Action": "account:GetAlternateContact", "Resource": "*",
          "Condition": {"ForAnyValue:StringEquals": {"account:AlternateContactTypes": ["SECURITY"]}}}],
        [{"Effect": "Allow", "Action": "account:Get*", "Resource": "arn:aws:account::*:account/o-*/*"}],
        [{"Effect": "Deny", "Action": "account:*Region", "Resource": "*",
          "Condition": {"StringEquals": {"account:TargetRegion": "af-south-1"}}}],
        [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "arn:aws:iam::*:user/${aws:username}"}],
        [{"Effect": "Allow", "Action": "account:GetContactInformation", "Resource": "*",
          "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}],
        [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}],
        [{"Effect": "Allow", "NotAction": "account:*", "Resource": "*"}],
    ]
    allow = [{"Sid": "ReadBilling", "Effect": "Allow", "Action": "account:GetAlternateContact", "Resource": "*",
              "Condition": {"ForAnyValue:StringEquals": {"account:AlternateContactTypes": ["BILLING"]}}}]
    return [document(s) for s in others] + [document(allow)]


def iam_user_with_policies(port):
    """Makes user `ten` in ACCOUNT through IAM, with its ten policies and
    an access key; returns (key id, secret)."""
    import boto3

    iam = boto3.session.Session().client(
        "iam", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
        aws_access_key_id=ACCOUNT, aws_secret_access_key="test",
    )
    iam.create_user(UserName="ten")
    for n, document in enumerate(authz_documents()):
        if n % 2 == 0:
            iam.put_user_policy(UserName="ten", PolicyName=f"inline-{n}", PolicyDocument=document)
        else:
            arn = iam.create_policy(PolicyName=f"managed-{n}", PolicyDocument=document)["Policy"]["Arn"]
            iam.attach_user_policy(UserName="ten", PolicyArn=arn)
    key = iam.create_access_key(UserName="ten")["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


def authorization(args):
    """GetAlternateContact per second on one server in one run: as the root
    user (a 12-digit key, unsigned, no identity policy applies), as a user
    with AdministratorAccess alone, and as a user with ten policies, both
    users' requests signed by botocore and verified by the server."""
    print()
    print(
        f"authorization: GetAlternateContact as the root user, an administrator user (1 policy) and a user with "
        f"{AUTHZ_POLICIES} policies (5 inline, 5 managed, the last one allows), {args.processes} processes x "
        f"{args.connections} connections, {args.seconds:g} s per run, best of {args.authz_runs} alternating runs"
    )
    command = [args.server, "--host", "127.0.0.1", "--account-id", ACCOUNT, "--port"]
    with running(command, "account-server") as port:
        put_status, _ = call_once(port, "PutAlternateContact")
        callers = {
            "root user": None,
            "administrator": administrator_key(port),
            f"{AUTHZ_POLICIES} policies": iam_user_with_policies(port),
        }
        for who, key in callers.items():
            check = socket.create_connection(("127.0.0.1", port))
            check.sendall(request_bytes(port, "GetAlternateContact", key))
            answer = check.recv(65536).decode("latin-1")
            check.close()
            if put_status != 200 or not answer.startswith("HTTP/1.1 200"):
                raise SystemExit(f"GetAlternateContact as the {who} was not served: {answer[:300]}")
        rates = dict.fromkeys(callers, 0.0)
        # Alternating runs share whatever else the machine is doing.
        for _ in range(args.authz_runs):
            for who, key in callers.items():
                rate = measure(port, "GetAlternateContact", args.processes, args.connections, args.seconds, key)
                rates[who] = max(rates[who], rate)
    print(f"{'caller':<16}{'requests/s':>12}")
    for who, rate in rates.items():
        print(f"{who:<16}{rate:>12,.0f}")
    many, admin, root = rates[f"{AUTHZ_POLICIES} policies"], rates["administrator"], rates["root user"]
    # Both users pay the same signature check, so their difference is the
    # evaluator's; against the root user it includes SigV4 verification.
    overhead = admin / many - 1
    verdict = "met" if overhead <= 0.20 else "NOT met"
    print(
        f"{AUTHZ_POLICIES} policies / administrator: {many / admin:.2f}x, {AUTHZ_POLICIES} policies add "
        f"{overhead:.0%} per request (budget at most 20%): {verdict}"
    )
    print(
        f"{AUTHZ_POLICIES} policies / root user: {many / root:.2f}x "
        f"(SigV4 verification and the user's policies, {root / many - 1:.0%} per request)"
    )

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--server", default=str(ROOT / "target/server/account-server"), help="account-server binary")
    parser.add_argument("--seconds", type=float, default=5.0, help="load duration per measurement")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="load generator processes")
    parser.add_argument("--connections", type=int, default=16, help="connections per process")
    parser.add_argument("--bulk-members", type=int, default=1000, help="member accounts for account-server's bulk job")
    parser.add_argument("--moto-bulk-members", type=int, default=1000, help="member accounts for moto's bulk job")
    parser.add_argument("--bulk-runs", type=int, default=3, help="bulk job runs per server (the best counts)")
    parser.add_argument("--durable-members", type=int, default=5000, help="member accounts for the durable writes")
    parser.add_argument("--durable-clients", type=int, default=16, help="concurrent clients for the durable writes")
    parser.add_argument("--startup-accounts", type=int, default=50_000, help="accounts in the state of the start-up")
    parser.add_argument("--authz-runs", type=int, default=3, help="alternating runs per caller (the best counts)")
    parser.add_argument(
        "--part",
        choices=["all", "throughput", "authz", "bulk", "durable"],
        default="all",
        help="what to measure",
    )
    args = parser.parse_args()

    if not os.access(args.server, os.X_OK):
        raise SystemExit(f"no server binary at {args.server}: cargo build --profile server -p account-server")
    moto_server = pathlib.Path(sys.executable).parent / "moto_server"
    if args.part in ("all", "throughput"):
        throughput(args, moto_server)
    if args.part in ("all", "authz"):
        authorization(args)
    if args.part in ("all", "bulk"):
        bulk(args, moto_server)
    if args.part in ("all", "durable"):
        durable(args)


def throughput(args, moto_server):
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
        port = ports["account-server"]
        key = administrator_key(port)
        unsigned = measure(port, "GetAlternateContact", args.processes, args.connections, args.seconds)
        signed = measure(port, "GetAlternateContact", args.processes, args.connections, args.seconds, key)
        print(
            f"GetAlternateContact on account-server: {unsigned:,.0f} r/s with a 12-digit key, "
            f"{signed:,.0f} r/s signed with an administrator user's key, verified and its policy evaluated "
            f"({signed / unsigned:.2f}x)"
        )
    finally:
        for process in processes.values():
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
