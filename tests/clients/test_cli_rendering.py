"""The AWS CLI commands and boto3 snippets the page shows for its calls
(crates/account-training), run for real.

Each rendered command runs through `bash -c` with the real AWS CLI against
one fresh server; the same call is made with boto3 against a second, and
the boto3 snippet is run against a third. Every step must end the same way
(same response, same service error, same client-side validation error) and
the servers must end in the same state. The CLI's `--output json|text|table`
and error report are compared with the crate's own formatting of them.

The renderer is the `render_cli` example of account-training (JSON lines on
stdin and stdout); set RENDER_CLI_BIN to use a built one, otherwise it is
built with cargo.
"""

import datetime
import io
import json
import os
import pathlib
import random
import re
import shlex
import shutil
import subprocess
import sys
import types
from unittest import mock

import boto3
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError, ParamValidationError

from support import ROOT, new_account

VENV_BIN = ROOT / ".venv" / "bin"
if not (VENV_BIN / "aws").exists():
    VENV_BIN = pathlib.Path(sys.executable).parent

# Region changes stay in progress for the whole test, so that every server
# reads the same whatever the timing.
SLOW = {"enable_seconds": 3600, "disable_seconds": 3600}


def _build_renderer():
    if os.environ.get("RENDER_CLI_BIN"):
        return os.environ["RENDER_CLI_BIN"]
    cargo = shutil.which("cargo") or str(pathlib.Path.home() / ".cargo" / "bin" / "cargo")
    built = subprocess.run(
        [cargo, "build", "-q", "-p", "account-training", "--example", "render_cli", "--message-format=json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if built.returncode != 0:
        pytest.fail(f"building the render_cli example failed:\n{built.stderr}")
    for line in built.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "render_cli":
            return message["executable"]
    pytest.fail("cargo built no render_cli executable")


class Renderer:
    """One render_cli process, asked one JSON line at a time."""

    def __init__(self, executable):
        self.process = subprocess.Popen(
            [executable], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        if isinstance(reply, dict) and "error" in reply and request.get("kind") != "parse":
            raise AssertionError(f"render_cli refused {request}: {reply['error']}")
        return reply

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def renderer():
    renderer = Renderer(_build_renderer())
    yield renderer
    renderer.close()


def cli_env(account, home):
    return {
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "LC_ALL": "C.UTF-8",
        "AWS_ACCESS_KEY_ID": account,
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    }


def run_cli(command, server, account, home, *extra):
    """Runs a rendered command line with the endpoint (and `extra` options)
    appended, as a user would paste it into bash."""
    line = " ".join([command, "--endpoint-url", server.endpoint, *extra])
    return subprocess.run(
        ["bash", "-c", line],
        env=cli_env(account, home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


ERROR_LINE = re.compile(
    r"\A\nAn error occurred \((?P<code>\w+)\) when calling the (?P<op>\w+) operation"
    r"(?: \(reached max retries: \d+\))?: (?P<message>.*)\n\Z",
    re.S,
)


def cli_outcome(result):
    """The CLI run as ("ok", output) / ("error", code, message) / ("invalid", text)."""
    if result.returncode == 0:
        assert result.stderr == "", result.stderr
        return ("ok", json.loads(result.stdout) if result.stdout else {})
    assert result.stdout == "", result.stdout
    error = ERROR_LINE.match(result.stderr)
    if error:
        return ("error", error["code"], error["message"])
    assert result.stderr.startswith("\nParameter validation failed:\n"), result.stderr
    return ("invalid", result.stderr.strip())


def boto3_outcome(call):
    try:
        response = call()
    except ClientError as e:
        return ("error", e.response["Error"]["Code"], e.response["Error"]["Message"])
    except ParamValidationError as e:
        return ("invalid", str(e).strip())
    response.pop("ResponseMetadata", None)
    return ("ok", response)


def normalized(outcome):
    """Account creation times differ between servers by when they were
    first asked, and page tokens by each server's secret; everything else
    must be equal."""
    if outcome[0] != "ok":
        return outcome
    response = dict(outcome[1])
    if "AccountCreatedDate" in response:
        # boto3 parses the timestamp; the CLI prints it as it came.
        created = response["AccountCreatedDate"]
        assert isinstance(created, datetime.datetime) or re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created
        ), created
        response["AccountCreatedDate"] = "<created>"
    if "NextToken" in response:
        response["NextToken"] = "<token>"
    return ("ok", response)


def run_snippet(snippet, client):
    """Runs a rendered boto3 snippet with `boto3.client` answering `client`."""
    printed = []
    namespace = {"print": printed.append, "__name__": "snippet"}
    with mock.patch.object(boto3, "client", lambda *args, **kwargs: client):
        exec(compile(snippet, "<boto3 snippet>", "exec"), namespace)
    response = namespace["response"]
    assert printed == [response]
    return response


def state_of(client):
    """Everything the account's get operations report."""
    state = {"contact": boto3_outcome(client.get_contact_information)}
    for kind in ["BILLING", "OPERATIONS", "SECURITY"]:
        state[kind] = boto3_outcome(lambda: client.get_alternate_contact(AlternateContactType=kind))
    regions = []
    for page in client.get_paginator("list_regions").paginate():
        regions.extend(page["Regions"])
    state["regions"] = regions
    state["account"] = normalized(boto3_outcome(client.get_account_information))
    return state


CONTACT = {
    "FullName": "Zoë O'Brien \"ZO\" $HOME",
    "AddressLine1": "1 Main St; rm -rf / & `id` | cat",
    "AddressLine2": "Apt #4 \\ back\\slash ~",
    "City": "São Paulo",
    "StateOrRegion": "SP",
    "PostalCode": "01000-000",
    "CountryCode": "br",
    "PhoneNumber": "+55 11 5555-0100",
    "CompanyName": "東京 Trading 🎉",
    "WebsiteUrl": "https://example.com/?a=1&b='2'",
}


def alternate(kind, **members):
    return dict({"AlternateContactType": kind}, **members)


CONTACT_STEPS = [
    ("GetContactInformation", {}),
    ("PutContactInformation", {"ContactInformation": CONTACT}),
    ("GetContactInformation", {}),
    ("PutContactInformation", {"ContactInformation": dict(CONTACT, FullName="   ")}),
    ("PutContactInformation", {"ContactInformation": {k: v for k, v in CONTACT.items() if k != "PhoneNumber"}}),
    ("PutAlternateContact", alternate("BILLING", Name="Bill 'The Bill' Ing", Title="-Billing lead-",
                                      EmailAddress=" bill@example.com ", PhoneNumber="+1 (555) 555-5555")),
    ("PutAlternateContact", alternate("OPERATIONS", Name="https://not-a-url.example/ops", Title="file://etc/passwd",
                                      EmailAddress="ops+1@example.com", PhoneNumber="555 0100")),
    ("PutAlternateContact", alternate("SECURITY", Name="$(echo pwned) `id` ${HOME} !x", Title="Tab\there\nnew line",
                                      EmailAddress="sec@example.com", PhoneNumber="+44 20 7946 0000")),
    ("GetAlternateContact", alternate("BILLING")),
    ("GetAlternateContact", alternate("OPERATIONS")),
    ("GetAlternateContact", alternate("SECURITY")),
    ("DeleteAlternateContact", alternate("OPERATIONS")),
    ("DeleteAlternateContact", alternate("OPERATIONS")),
    ("GetAlternateContact", alternate("OPERATIONS")),
    ("PutAlternateContact", alternate("billing", Name="n", Title="t", EmailAddress="e@example.com", PhoneNumber="1")),
    ("PutAlternateContact", alternate("BILLING", Name="", Title="t", EmailAddress="e@example.com", PhoneNumber="1")),
    ("PutAlternateContact", alternate("BILLING", Name="Only a name")),
    ("GetAlternateContact", {"AlternateContactType": None}),
]

REGION_STEPS = [
    ("ListRegions", {}),
    ("ListRegions", {"MaxResults": 5}),
    ("ListRegions", lambda previous: {"MaxResults": 5, "NextToken": previous[1]["NextToken"]}),
    ("ListRegions", {"RegionOptStatusContains": ["ENABLED_BY_DEFAULT", "DISABLED"], "MaxResults": 50}),
    ("ListRegions", {"RegionOptStatusContains": []}),
    ("ListRegions", {"RegionOptStatusContains": ["-bogus"]}),
    ("ListRegions", {"MaxResults": 0}),
    ("ListRegions", {"MaxResults": 51}),
    ("ListRegions", {"NextToken": "not a token $'\""}),
    ("GetRegionOptStatus", {"RegionName": "af-south-1"}),
    ("EnableRegion", {"RegionName": "af-south-1"}),
    ("GetRegionOptStatus", {"RegionName": "af-south-1"}),
    ("EnableRegion", {"RegionName": "af-south-1"}),
    ("DisableRegion", {"RegionName": "us-east-1"}),
    ("EnableRegion", {"RegionName": "AF-SOUTH-1"}),
    ("EnableRegion", {"RegionName": "mars-1"}),
    ("DisableRegion", {"RegionName": "https://eu-south-1"}),
    ("ListRegions", {"RegionOptStatusContains": ["ENABLING"]}),
]

ACCOUNT_STEPS = [
    ("GetAccountInformation", {}),
    ("PutAccountName", {"AccountName": "Ünïcode 東京"}),
    ("PutAccountName", {"AccountName": "My Account; echo $PATH & 'q' \"d\" \\ back ~ * [x]"}),
    ("GetAccountInformation", {}),
    ("PutAccountName", {"AccountName": "-starts with a dash"}),
    ("GetAccountInformation", {}),
    ("PutAccountName", {"AccountName": "   "}),
    ("PutAccountName", {"AccountName": "x", "Bogus": "y"}),
    ("GetAccountInformation", lambda previous: {"AccountId": "999999999999"}),
    ("PutAccountName", {"AccountName": "x", "AccountId": "123"}),
]


def test_every_operation_is_covered(renderer):
    names = {op for steps in (CONTACT_STEPS, REGION_STEPS, ACCOUNT_STEPS) for op, _ in steps}
    help_text = renderer.ask(kind="parse", line="aws account help")["help"]
    commands = {line.split()[0] for line in help_text.splitlines() if line.startswith("  ")}
    assert {xform_name(name, "-") for name in names} == commands


def check_formats(renderer, command, operation, server, account, home, json_stdout):
    """The CLI's json, text and table output of a read-only command equal
    the crate's formatting of the same response."""
    document = json.loads(json_stdout)
    expected_json = renderer.ask(kind="output", operation=operation, output=document, format="json")
    assert json_stdout == expected_json, command
    for fmt in ["text", "table"]:
        result = run_cli(command, server, account, home, "--output", fmt)
        assert result.returncode == 0, result.stderr
        expected = renderer.ask(kind="output", operation=operation, output=document, format=fmt)
        assert result.stdout == expected, f"{command} --output {fmt}\n{result.stdout}\n!=\n{expected}"


@pytest.mark.parametrize(
    "steps", [CONTACT_STEPS, REGION_STEPS, ACCOUNT_STEPS], ids=["contacts", "regions", "account"]
)
def test_rendered_commands_have_the_effect_of_their_calls(steps, renderer, make_server, tmp_path):
    account = new_account()
    by_cli, by_boto3, by_snippet = (make_server(**SLOW) for _ in range(3))
    boto3_client, snippet_client = by_boto3.client(account), by_snippet.client(account)
    # Steps made from a previous response (a NextToken) take it from the
    # same server: tokens are bound to the server that issued them.
    previous = {"boto3": None, "cli": None, "snippet": None}
    for operation, step in steps:
        inputs = {path: step(previous[path]) if callable(step) else step for path in previous}
        input = inputs["boto3"]
        method = getattr(boto3_client, xform_name(operation))
        expected = previous["boto3"] = boto3_outcome(lambda: method(**input))

        command = renderer.ask(kind="cli", operation=operation, input=inputs["cli"])
        assert command.startswith("aws account "), command
        result = run_cli(command, by_cli, account, tmp_path)
        got = previous["cli"] = cli_outcome(result)
        assert normalized(got) == normalized(expected), f"{operation} {input!r}\n$ {command}\n{result.stderr}"

        if got[0] == "error":
            status = {"TooManyRequestsException": 429, "InternalServerException": 500}.get(got[1], 400)
            report = renderer.ask(kind="error", operation=operation, code=got[1], status=status, message=got[2])
            assert result.stderr == report, command
        if got[0] == "ok" and operation.startswith(("Get", "List")):
            check_formats(renderer, command, operation, by_cli, account, tmp_path, result.stdout)

        snippet = renderer.ask(kind="boto3", operation=operation, input=inputs["snippet"])
        snippet_got = previous["snippet"] = boto3_outcome(lambda: run_snippet(snippet, snippet_client))
        assert normalized(snippet_got) == normalized(expected), f"{operation} {input!r}\n{snippet}"

    cli_state = state_of(by_cli.client(account))
    assert cli_state == state_of(boto3_client)
    assert cli_state == state_of(snippet_client)


def test_commands_parse_back_to_the_calls_they_render(renderer):
    for operation, input in CONTACT_STEPS + REGION_STEPS + ACCOUNT_STEPS:
        if callable(input):
            continue
        command = renderer.ask(kind="cli", operation=operation, input=input)
        parsed = renderer.ask(kind="parse", line=command)
        assert parsed == {"operation": operation, "input": input, "output": "json", "paginate": False}, command


def test_list_regions_without_paging_options_is_paginated_by_the_cli(renderer, make_server, tmp_path):
    """What `paginate` reports is what the CLI does: all 34 regions."""
    server, account = make_server(**SLOW), new_account()
    parsed = renderer.ask(kind="parse", line="aws account list-regions")
    assert parsed["paginate"] is True
    result = run_cli("aws account list-regions", server, account, tmp_path)
    listed = cli_outcome(result)
    assert len(listed[1]["Regions"]) == 34 and "NextToken" not in listed[1]
    # The console formats the pages it gathered as one response; the CLI
    # prints the same in every format.
    check_formats(renderer, "aws account list-regions", "ListRegions", server, account, tmp_path, result.stdout)


# Formatting arbitrary documents: the crate against awscli's own formatters.

WORDS = ["a", "Bill Ing", "東京", "Zoë", "ENABLED", "", "x" * 30, "tab\tin", "🎉🎉", "°C", "-1", "0"]


def random_scalar(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randrange(-1000, 10**6)
    if kind == 1:
        return rng.choice([0.5, 301.8, 1e16, 1.5e-7, -2.0, 123456.789])
    if kind == 2:
        return rng.choice([True, False, None])
    return rng.choice(WORDS)


def random_document(rng, depth=0):
    """Dicts whose keys each keep one kind (as responses do): scalars, dicts,
    lists of scalars or lists of dicts."""
    document = {}
    for i in range(rng.randrange(1, 5)):
        kind = rng.randrange(4) if depth < 2 else 0
        key = ["Name", "Status", "Détail", "Items", "Nested", "Count"][i] + str(kind)
        if kind == 0:
            document[key] = random_scalar(rng)
        elif kind == 1:
            document[key] = random_document(rng, depth + 1)
        elif kind == 2:
            document[key] = [random_scalar(rng) for _ in range(rng.randrange(0, 4))]
        else:
            document[key] = [random_document(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return document


def awscli_format(fmt, title, document):
    from awscli import table
    from awscli.formatter import get_formatter

    stream = io.StringIO()
    args = types.SimpleNamespace(color="off", query=None)
    with mock.patch.object(table, "determine_terminal_width", lambda default_width=80: 80):
        get_formatter(fmt, args)(title, json.loads(json.dumps(document, sort_keys=True)), stream)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", ["json", "text", "table"])
def test_formatting_matches_the_awscli_formatters(fmt, renderer):
    rng = random.Random(20260101)
    documents = [random_document(rng) for _ in range(300)]
    documents += [
        {"Regions": []},
        {"Wide": "東京" * 30, "Other": "x"},
        {"A": {"B": {"C": "deep"}}, "L": [{"K": 1}, {"K": 2, "M": [{"Z": "z"}]}]},
    ]
    for document in documents:
        ours = renderer.ask(kind="document", title="SomeOperation", document=document, format=fmt)
        assert ours == awscli_format(fmt, "SomeOperation", document), json.dumps(document, ensure_ascii=False)


REFUSED_LINES = [
    "aws account get-alternate-contact --bogus 1 --alternate-contact-type BILLING",
    "aws account get-alternate-contact --bogus=3 --alternate-contact-type BILLING extra",
    "aws account get-alternate-contact --bogus",
    "aws account enable-region --region-name",
    "aws account list-regions --max-results many",
    "aws account get-contact-information --output yaml",
    "aws account get-contact-information --output tabel",
    "aws account list-regions --max-results \"it's\"",
    "aws account list-regions --page-size five",
]


@pytest.mark.parametrize("line", REFUSED_LINES)
def test_refused_lines_end_as_the_awscli_ends_them(line, renderer, tmp_path):
    """The console prints the CLI's usage block and then the error: the
    argparse refusals as `aws: error: <message>`, stray words as
    `Unknown options: ...` and a bad integer as Python's `int()` error, each
    after a blank line. No server is needed: the CLI refuses these before
    it sends anything."""
    real = subprocess.run(
        [str(VENV_BIN / "aws"), *shlex.split(line)[1:]],
        env=cli_env(new_account(), tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert real.returncode in (2, 255), real
    message = renderer.ask(kind="parse", line=line)["error"]
    if message.startswith(("Unknown options: ", "invalid literal for int()")):
        expected = f"\n{message}\n"
    else:
        expected = f"\naws: error: {message}\n"
    assert real.stderr.endswith(expected), (real.stderr, expected)


ACCOUNT_PRINCIPAL = "account.amazonaws.com"


def test_rendered_organizations_commands_have_the_effect_of_their_calls(renderer, server, tmp_path):
    """The Activity tab's commands for AWS Organizations calls, run by the
    real AWS CLI: each makes the call it stands for (checked through boto3
    on the same server), reads answer as boto3 is answered, errors are the
    same errors, and the boto3 snippets run."""
    management = new_account()
    org = server.organizations(management)

    def cli(operation, **input):
        command = renderer.ask(kind="organizations-cli", operation=operation, input=input)
        assert command.startswith("aws organizations "), command
        return cli_outcome(run_cli(command, server, management, tmp_path))

    def snippet(operation, **input):
        text = renderer.ask(kind="organizations-boto3", operation=operation, input=input)
        return run_snippet(text, org)

    assert cli("CreateOrganization", FeatureSet="ALL")[0] == "ok"
    described = boto3_outcome(org.describe_organization)
    assert described[1]["Organization"]["MasterAccountId"] == management
    assert cli("DescribeOrganization") == described
    snippet_response = snippet("DescribeOrganization")
    snippet_response.pop("ResponseMetadata")
    assert snippet_response == described[1]

    created = cli("CreateAccount", AccountName="Log archive", Email="logs+o'brien@example.com")
    request_id = created[1]["CreateAccountStatus"]["Id"]
    status = cli("DescribeCreateAccountStatus", CreateAccountRequestId=request_id)[1]["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED"
    member = status["AccountId"]

    first = cli("ListAccounts", MaxResults=1)[1]
    second = cli("ListAccounts", MaxResults=1, NextToken=first["NextToken"])[1]
    assert [a["Id"] for a in first["Accounts"] + second["Accounts"]] == [
        a["Id"] for a in org.list_accounts()["Accounts"]
    ]
    assert {a["Email"] for a in cli("ListAccounts")[1]["Accounts"]} >= {"logs+o'brien@example.com"}

    assert cli("EnableAWSServiceAccess", ServicePrincipal=ACCOUNT_PRINCIPAL) == ("ok", {})
    enabled = cli("ListAWSServiceAccessForOrganization")[1]["EnabledServicePrincipals"]
    assert [p["ServicePrincipal"] for p in enabled] == [ACCOUNT_PRINCIPAL]

    assert cli("RegisterDelegatedAdministrator", AccountId=member, ServicePrincipal=ACCOUNT_PRINCIPAL) == ("ok", {})
    admins = cli("ListDelegatedAdministrators", ServicePrincipal=ACCOUNT_PRINCIPAL)[1]["DelegatedAdministrators"]
    assert [a["Id"] for a in admins] == [member]
    again = cli("RegisterDelegatedAdministrator", AccountId=member, ServicePrincipal=ACCOUNT_PRINCIPAL)
    assert again == boto3_outcome(
        lambda: org.register_delegated_administrator(AccountId=member, ServicePrincipal=ACCOUNT_PRINCIPAL)
    )
    assert again[1] == "AccountAlreadyRegisteredException"
    # A missing required member is botocore's to report, as for boto3.
    missing = cli("RegisterDelegatedAdministrator", ServicePrincipal=ACCOUNT_PRINCIPAL)
    assert missing[0] == "invalid" and "Missing required parameter in input: \"AccountId\"" in missing[1]

    assert cli("DeregisterDelegatedAdministrator", AccountId=member, ServicePrincipal=ACCOUNT_PRINCIPAL) == ("ok", {})
    assert org.list_delegated_administrators()["DelegatedAdministrators"] == []
    assert cli("DisableAWSServiceAccess", ServicePrincipal=ACCOUNT_PRINCIPAL) == ("ok", {})
    assert org.list_aws_service_access_for_organization()["EnabledServicePrincipals"] == []
