"""Crash safety at scale: four writers on a sandbox of 2,000 accounts, a
SIGKILL after a number of acknowledged writes drawn from a seeded generator,
and a restart that must hold every acknowledged write and no write half
applied; then the same after a crash that left the journal ending in the
middle of a record, as a kill during an append does.

The seed is printed and can be set with DURABILITY_SEED.
"""

import json
import os
import random
import struct
import subprocess
import threading
import zlib

import pytest

from support import SERVER_BIN, RawClient, Server, wait_until

SEED = int(os.environ.get("DURABILITY_SEED", "15"))
MANAGEMENT = "111122220000"
MEMBERS = 1999
WRITERS = 4
# Small enough that compactions run during the test, so kills land in
# them too.
JOURNAL_LIMIT = 100_000
MAGIC = b"account-server journal 1\n"
TYPES = ["BILLING", "OPERATIONS", "SECURITY"]


def contact(writer, n):
    """Every field names the write, so a contact mixing two writes shows."""
    return {
        "AlternateContactType": TYPES[n % 3],
        "Name": f"writer {writer} write {n}",
        "Title": f"t{writer}.{n}",
        "EmailAddress": f"w{writer}n{n}@example.com",
        "PhoneNumber": f"+1 555 {writer} {n}",
    }


class Writers:
    """Writers, each on its own members: writer w's n-th write goes to its
    member n // 3 (cycling) and contact type n % 3. What was acknowledged is
    recorded; `in_flight` is each writer's write without an answer."""

    def __init__(self, members):
        self.shares = [members[w::WRITERS] for w in range(WRITERS)]
        self.next = [0] * WRITERS
        self.acknowledged = {}
        self.in_flight = {}
        self.lock = threading.Lock()

    def key(self, writer, n):
        share = self.shares[writer]
        return share[(n // 3) % len(share)], TYPES[n % 3]

    def run(self, server, until):
        """Writes until the server dies, after `until` acknowledged writes
        (a SIGKILL then); returns the number acknowledged in this run."""
        count = [0]
        refused = []
        gone = threading.Event()

        def write(writer):
            raw = RawClient(server)
            while not gone.is_set():
                n = self.next[writer]
                member, _ = self.key(writer, n)
                with self.lock:
                    self.in_flight[writer] = n
                try:
                    status, body = raw.call("PutAlternateContact", MANAGEMENT, AccountId=member, **contact(writer, n))
                except OSError:
                    return
                if status != 200:
                    refused.append(body)
                    return
                with self.lock:
                    self.acknowledged[self.key(writer, n)] = (writer, n)
                    del self.in_flight[writer]
                    self.next[writer] = n + 1
                    count[0] += 1

        threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for thread in threads:
            thread.start()
        wait_until(lambda: count[0] >= until or refused, timeout=60, interval=0.001, what=f"{until} writes")
        server.kill()
        gone.set()
        for thread in threads:
            thread.join(timeout=30)
        assert refused == []
        return count[0]


def export(state_file):
    """The state the files hold, read by `account-server --export`."""
    result = subprocess.run(
        [SERVER_BIN, "--state", str(state_file), "--export"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


FIELDS = ["Name", "Title", "EmailAddress", "PhoneNumber"]


def fields(writer, n):
    written = contact(writer, n)
    return {field: written[field] for field in FIELDS}


def allowed(writers, member, kind):
    """What a key may hold: its newest acknowledged write (nothing if none),
    or the write to it that was under way at the kill."""
    acknowledged = writers.acknowledged.get((member, kind))
    found = [fields(*acknowledged) if acknowledged else None]
    for writer, n in writers.in_flight.items():
        if writers.key(writer, n) == (member, kind):
            found.append(fields(writer, n))
    return found


def check(state, writers):
    """Every acknowledged write is there (or the next one to its key, if
    that was under way), and no contact mixes fields of two writes."""
    accounts = state["accounts"]
    for share in writers.shares:
        for member in share:
            contacts = accounts[member].get("alternateContacts", {})
            for kind in TYPES:
                saved = contacts.get(kind)
                found = saved and {field: saved[field] for field in FIELDS}
                assert found in allowed(writers, member, kind), (member, kind, saved)


def frames(journal):
    """The (offset, length) of each record of a journal file, after its magic."""
    data = journal.read_bytes()
    assert data.startswith(MAGIC)
    offset, found = len(MAGIC), []
    while offset + 8 <= len(data):
        length, crc = struct.unpack_from("<II", data, offset)
        payload = data[offset + 8 : offset + 8 + length]
        if len(payload) < length or zlib.crc32(struct.pack("<I", length) + payload) != crc:
            break
        found.append((offset, 8 + length))
        offset += 8 + length
    return data, found


def newest_journal(state_file):
    """The newest journal with anything in it. A kill right after a
    compaction started a generation can leave that file empty (created,
    nothing written yet); the server skips it, and so does the test."""
    journals = sorted(
        state_file.parent.glob(state_file.name + ".journal.*"), key=lambda p: int(p.name.rsplit(".", 1)[1])
    )
    return [j for j in journals if j.stat().st_size > 0][-1]


@pytest.fixture
def server_on(tmp_path):
    """Starts servers on the test's state file; stops what is left."""
    servers = []
    state_file = tmp_path / "crash.json"

    def start():
        server = Server(state_file, demo_organization=MEMBERS)
        server.flags += ["--account-id", MANAGEMENT, "--journal-limit", str(JOURNAL_LIMIT)]
        servers.append(server.start())
        return server

    yield start, state_file
    for server in servers:
        server.stop()


def test_every_acknowledged_write_survives_sigkills_and_a_torn_journal(server_on):
    start, state_file = server_on
    rng = random.Random(SEED)
    print(f"DURABILITY_SEED={SEED}")
    first = start()
    state, _ = export(state_file)
    members = sorted(a for a in state["accounts"] if a != MANAGEMENT)
    assert len(members) == MEMBERS
    writers = Writers(members)

    server = first
    for round_number in range(3):
        until = rng.randint(200, 2500)
        print(f"round {round_number}: SIGKILL after {until} acknowledged writes")
        acknowledged = writers.run(server, until)
        assert acknowledged >= until
        state, _ = export(state_file)
        check(state, writers)
        server = start()

    # A kill in the middle of an append: the journal ends in half a record.
    writers.run(server, rng.randint(200, 1000))
    journal = newest_journal(state_file)
    data, records = frames(journal)
    if not records:
        # The kill came right after a compaction: tear a copy of the start.
        records = [(len(MAGIC), len(data) - len(MAGIC))]
    offset, length = records[-1]
    torn = data[offset : offset + length // 2]
    with open(journal, "ab") as f:
        f.write(torn)
    state, warnings = export(state_file)
    assert "cut short" in warnings, warnings
    check(state, writers)

    logged = len(server.log())
    restarted = start()
    assert "cut short" in restarted.log()[logged:]
    # The torn tail was cut: writes after the restart survive the next kill.
    writers.run(restarted, rng.randint(200, 1000))
    state, _ = export(state_file)
    check(state, writers)

    final = start()
    raw = RawClient(final)
    for member, kind in rng.sample(sorted(writers.acknowledged), 50):
        status, body = raw.call("GetAlternateContact", MANAGEMENT, AccountId=member, AlternateContactType=kind)
        assert status == 200
        assert {field: body["AlternateContact"][field] for field in FIELDS} in allowed(writers, member, kind)
    raw.close()
    final.stop()
    # A clean stop leaves the whole state in the state file alone.
    assert list(state_file.parent.glob(state_file.name + ".journal.*")) == []
    check(json.loads(state_file.read_text()), writers)
