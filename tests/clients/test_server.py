"""The server as a process: bad input over a real socket, the state file
across restarts, concurrent load and a SIGKILL in the middle of writes."""

import concurrent.futures
import itertools
import json
import random
import threading

from support import RawClient, wait_until

CONTACT_TYPES = ["BILLING", "OPERATIONS", "SECURITY"]


def contact(kind, name):
    return {"AlternateContactType": kind, "Name": name, "Title": "T", "EmailAddress": "a@b.co", "PhoneNumber": "+1 555"}


def test_bad_requests_get_json_errors_and_the_server_keeps_serving(server):
    raw = RawClient(server)
    status, code, body = raw.request("POST", "/putAlternateContact", b"{not json")
    assert (status, code) == (400, "SerializationException")
    assert body["message"].startswith("The request body is not valid JSON")

    status, code, body = raw.request("POST", "/describeEverything", b"{}")
    assert (status, code) == (404, "UnknownOperationException")
    assert body == {"message": "No operation is served at /describeEverything."}

    # The server refuses such a body unread, so the connection cannot carry
    # another request; the next one goes on a new connection.
    status, code, body = raw.request("POST", "/putAccountName", b" " * (1024 * 1024 + 1))
    assert (status, code) == (413, "RequestEntityTooLargeException")
    assert body["message"]
    raw.close()

    status, code, body = raw.request("GET", "/listRegions", None)
    assert (status, code) == (405, "MethodNotAllowedException")

    status, body = raw.call("ListRegions", None)
    assert status == 200 and len(body["Regions"]) == 20
    assert server.process.poll() is None
    raw.close()


def test_a_restarted_server_keeps_every_change(make_server, tmp_path):
    state_file = tmp_path / "kept.json"
    first = make_server(state_file)
    client = first.client("424242424242")
    client.put_account_name(AccountName="Persisted")
    client.put_alternate_contact(**contact("OPERATIONS", "Ops"))
    client.enable_region(RegionName="ap-southeast-5")
    first.stop()

    saved = json.loads(state_file.read_text())
    assert saved["schemaVersion"] == 1
    assert saved["accounts"]["424242424242"]["name"] == "Persisted"

    second = make_server(state_file)
    client = second.client("424242424242")
    assert client.get_account_information()["AccountName"] == "Persisted"
    assert client.get_alternate_contact(AlternateContactType="OPERATIONS")["AlternateContact"]["Name"] == "Ops"
    # The change begun before the restart completes after it.
    wait_until(
        lambda: client.get_region_opt_status(RegionName="ap-southeast-5")["RegionOptStatus"] == "ENABLED",
        what="the region enabled before the restart",
    )


def test_a_thousand_concurrent_mixed_requests_all_succeed_and_agree(make_server):
    server = make_server()
    accounts = [f"7000000{i:05d}" for i in range(167)]
    keys = [(account, kind) for account in accounts for kind in CONTACT_TYPES][:500]
    clients = {account: server.client(account, pool=50) for account in accounts}

    def old(key):
        return f"old {key[0]} {key[1]}"

    def new(key):
        return f"new {key[0]} {key[1]}"

    def put(key, name):
        account, kind = key
        response = clients[account].put_alternate_contact(**contact(kind, name))
        return response["ResponseMetadata"]["HTTPStatusCode"]

    def get(key):
        account, kind = key
        return clients[account].get_alternate_contact(AlternateContactType=kind)["AlternateContact"]["Name"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        assert set(pool.map(lambda key: put(key, old(key)), keys)) == {200}

        # 500 puts of new values and 500 gets of the same keys, shuffled.
        work = [("put", key) for key in keys] + [("get", key) for key in keys]
        random.Random(4).shuffle(work)
        futures = [pool.submit(put, key, new(key)) if op == "put" else pool.submit(get, key) for op, key in work]
        results = [future.result() for future in futures]

    assert len(results) == 1000
    for (op, key), result in zip(work, results):
        # A get sees the value before or after the put, never anything else.
        assert result == 200 if op == "put" else result in (old(key), new(key))
    assert [get(key) for key in keys] == [new(key) for key in keys]
    saved = server.saved_state()["accounts"]
    assert [saved[account]["alternateContacts"][kind]["Name"] for account, kind in keys] == [new(k) for k in keys]


def write_until_killed(server, first_number, kill_after):
    """Eight threads write, each to a new account, until `kill_after` writes
    are acknowledged; then SIGKILL. Returns the acknowledged numbers."""
    acknowledged, refused, cut_off = [], [], []
    lock = threading.Lock()
    numbers = itertools.count(first_number)

    def writer():
        raw = RawClient(server)
        while True:
            with lock:
                n = next(numbers)
            try:
                status, body = raw.call("PutAlternateContact", crash_account(n), **contact("BILLING", f"write {n}"))
            except OSError as error:  # the server is gone
                cut_off.append(error)
                return
            if status != 200:
                refused.append(body)
                return
            with lock:
                acknowledged.append(n)

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    wait_until(lambda: len(acknowledged) >= kill_after, timeout=30, interval=0.002, what=f"{kill_after} writes")
    server.kill()
    for thread in threads:
        thread.join(timeout=30)
    assert refused == []
    # Every writer was cut off mid-stream by the kill.
    assert len(cut_off) == len(threads)
    return acknowledged


def crash_account(n):
    return f"{800_000_000_000 + n:012d}"


def test_sigkill_during_writes_leaves_a_loadable_file_with_every_acknowledged_write(make_server, tmp_path):
    state_file = tmp_path / "crash.json"
    kept = []
    # Several rounds, each starting from the file the last kill left behind.
    for round_number in range(4):
        server = make_server(state_file)
        kept += write_until_killed(server, first_number=round_number * 100_000, kill_after=150)
        saved = server.saved_state()["accounts"]
        names = {n: saved.get(crash_account(n), {}).get("alternateContacts", {}).get("BILLING", {}).get("Name") for n in kept}
        assert [n for n, name in names.items() if name != f"write {n}"] == []

    restarted = make_server(state_file)
    raw = RawClient(restarted)
    for n in kept:
        status, body = raw.call("GetAlternateContact", crash_account(n), AlternateContactType="BILLING")
        assert (status, body["AlternateContact"]["Name"]) == (200, f"write {n}")
    raw.close()
