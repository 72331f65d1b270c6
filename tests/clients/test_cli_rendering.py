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

from organization import ACCOUNT_MANAGEMENT, created
from support import ROOT, last_code, new_account, other_code

VENV_BIN = ROOT / ".venv" / "bin"
if not (VENV_BIN / "aws").exists():
    VENV_BIN = pathlib.Path(sys.executable).parent

# Region changes and accepted primary email updates stay in progress for
# the whole test, so that every server reads the same whatever the timing.
SLOW = {"enable_seconds": 3600, "disable_seconds": 3600, "primary_email_seconds": 3600}


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


def cli_service_model(service):
    """The service model the AWS CLI itself uses: awscli v1 carries its own
    botocore, whose models can lag those of boto3's botocore."""
    import awscli
    from botocore.loaders import Loader

    vendored = pathlib.Path(awscli.__file__).parent / "botocore" / "data" / service
    if vendored.is_dir():
        latest = max(p.name for p in vendored.iterdir() if p.is_dir())
        return json.loads((vendored / latest / "service-2.json").read_text())
    return Loader().load_service_model(service, "service-2")


CLI_ACCOUNT_MODEL = cli_service_model("account")


def cli_view(operation, outcome):
    """An outcome as the AWS CLI shows it: without the output members its
    model does not know (it parses only those)."""
    if outcome[0] != "ok":
        return outcome
    shape = CLI_ACCOUNT_MODEL["operations"][operation].get("output", {}).get("shape")
    known = CLI_ACCOUNT_MODEL["shapes"][shape]["members"] if shape else {}
    return ("ok", {k: v for k, v in outcome[1].items() if k in known})


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


def normalized(outcome, context=None):
    """Account creation times differ between servers by when they were
    first asked, update times by when they were made, and page tokens by
    each server's secret; the ids of accounts an organization created differ
    too (they are replaced by the context's placeholders); everything else
    must be equal."""
    if outcome[0] == "ok":
        response = dict(outcome[1])
        for key in ("AccountCreatedDate", "UpdatedAt"):
            if key in response:
                # boto3 parses the timestamp; the CLI prints it as it came.
                value = response[key]
                assert isinstance(value, datetime.datetime) or re.fullmatch(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|\d+(\.\d+)?", str(value)
                ), value
                response[key] = f"<{key}>"
        if "NextToken" in response:
            response["NextToken"] = "<token>"
        outcome = ("ok", response)
    if context is not None and context.placeholders:
        text = json.dumps(outcome, ensure_ascii=False)
        for account_id, placeholder in context.placeholders.items():
            text = text.replace(account_id, placeholder)
        outcome = tuple(json.loads(text))
    return outcome


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
    ("ListRegions", lambda previous, _: {"MaxResults": 5, "NextToken": previous[1]["NextToken"]}),
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
    ("GetAccountInformation", lambda previous, _: {"AccountId": "999999999999"}),
    ("PutAccountName", {"AccountName": "x", "AccountId": "123"}),
]

EMAIL_OTP, PHONE_CODE = "PrimaryEmailOtp", "PhoneVerificationCode"
NEW_EMAIL = "new.owner+1@example.com"


class Context:
    """What the steps of one server need: its inbox, and the accounts its
    organization created (ids differ between servers, so outcomes name
    them by placeholder)."""

    def __init__(self, server, management, member=None, gov_member=None, gov_cloud=None):
        self.server, self.management, self.member, self.gov_member = server, management, member, gov_member
        named = {member: "<member>", gov_member: "<gov member>", gov_cloud: "<gov cloud account>"}
        self.placeholders = {k: v for k, v in named.items() if k}

    def code(self, account_id, kind):
        return last_code(self.server, account_id, kind)


def standalone(server, account):
    return Context(server, account)


def organization_of(server, account):
    """`account` founds an organization with one member made by
    CreateAccount and one by CreateGovCloudAccount, and enables trusted
    access."""
    org = server.organizations(account)
    org.create_organization(FeatureSet="ALL")
    member = created(org, org.create_account(AccountName="Member", Email="member@example.com"))
    gov = created(org, org.create_gov_cloud_account(AccountName="Gov", Email="gov@example.com"))
    org.enable_aws_service_access(ServicePrincipal=ACCOUNT_MANAGEMENT)
    return Context(server, account, member["AccountId"], gov["AccountId"], gov["GovCloudAccountId"])


ORGANIZATION_STEPS = [
    ("GetPrimaryEmail", lambda _, c: {"AccountId": c.member}),
    ("GetPrimaryEmailUpdateStatus", lambda _, c: {"AccountId": c.member}),
    ("GetPrimaryEmailUpdateStatus", {}),
    ("StartPrimaryEmailUpdate", lambda _, c: {"AccountId": c.member, "PrimaryEmail": NEW_EMAIL}),
    ("GetPrimaryEmailUpdateStatus", lambda _, c: {"AccountId": c.member}),
    ("AcceptPrimaryEmailUpdate", lambda _, c: {
        "AccountId": c.member, "PrimaryEmail": NEW_EMAIL, "Otp": other_code(c.code(c.member, EMAIL_OTP))}),
    ("AcceptPrimaryEmailUpdate", lambda _, c: {
        "AccountId": c.member, "PrimaryEmail": NEW_EMAIL, "Otp": c.code(c.member, EMAIL_OTP)}),
    ("GetPrimaryEmailUpdateStatus", lambda _, c: {"AccountId": c.member}),
    ("GetPrimaryEmail", lambda _, c: {"AccountId": c.member}),
    ("StartPrimaryEmailUpdate", lambda _, c: {"AccountId": c.member, "PrimaryEmail": "o'brien $USER@example.com"}),
    ("GetPrimaryEmail", lambda _, c: {"AccountId": c.management}),
    ("StartPrimaryEmailUpdate", lambda _, c: {"AccountId": c.member, "PrimaryEmail": "a@b"}),
    ("GetPrimaryEmail", {}),
    ("AcceptPrimaryEmailUpdate", lambda _, c: {"AccountId": c.member, "PrimaryEmail": "x@example.com", "Otp": "12-456"}),
    ("SendPhoneNumberVerification", {}),
    ("PutContactInformation", {"ContactInformation": CONTACT}),
    ("SendPhoneNumberVerification", {}),
    ("GetContactInformation", {}),
    ("VerifyPhoneNumber", lambda _, c: {"Otp": other_code(c.code(c.management, PHONE_CODE))}),
    ("VerifyPhoneNumber", lambda _, c: {"Otp": c.code(c.management, PHONE_CODE)}),
    ("GetContactInformation", {}),
    ("VerifyPhoneNumber", {"Otp": "12345"}),
    ("SendPhoneNumberVerification", lambda _, c: {"AccountId": c.member}),
    ("VerifyPhoneNumber", lambda _, c: {"AccountId": c.member, "Otp": "123456"}),
    ("GetGovCloudAccountInformation", {}),
    ("GetGovCloudAccountInformation", lambda _, c: {"StandardAccountId": c.gov_member}),
    ("GetGovCloudAccountInformation", lambda _, c: {"StandardAccountId": c.member}),
    ("GetGovCloudAccountInformation", {"StandardAccountId": "12345"}),
]

STEP_LISTS = {
    "contacts": (CONTACT_STEPS, standalone),
    "regions": (REGION_STEPS, standalone),
    "account": (ACCOUNT_STEPS, standalone),
    "organization": (ORGANIZATION_STEPS, organization_of),
}


def test_every_operation_is_covered(renderer):
    names = {op for steps, _ in STEP_LISTS.values() for op, _ in steps}
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


def check_cli_report(renderer, operation, command, result, got, server, account, home):
    """The CLI's error report, and the json, text and table output of a
    read, equal the crate's rendering of them."""
    if got[0] == "error":
        status = {"TooManyRequestsException": 429, "InternalServerException": 500}.get(got[1], 400)
        report = renderer.ask(kind="error", operation=operation, code=got[1], status=status, message=got[2])
        assert result.stderr == report, command
    if got[0] == "ok" and operation.startswith(("Get", "List")):
        check_formats(renderer, command, operation, server, account, home, result.stdout)


def member_state(client, context):
    """What the management account reads of its member's primary email."""
    if context.member is None:
        return None
    return [
        normalized(boto3_outcome(lambda: client.get_primary_email(AccountId=context.member)), context),
        normalized(boto3_outcome(lambda: client.get_primary_email_update_status(AccountId=context.member)), context),
    ]


@pytest.mark.parametrize("name", list(STEP_LISTS))
def test_rendered_commands_have_the_effect_of_their_calls(name, renderer, make_server, tmp_path):
    steps, setup = STEP_LISTS[name]
    account = new_account()
    servers = {path: make_server(**SLOW) for path in ("boto3", "cli", "snippet")}
    contexts = {path: setup(server, account) for path, server in servers.items()}
    boto3_client, snippet_client = servers["boto3"].client(account), servers["snippet"].client(account)
    # Steps made from a previous response (a NextToken) take it from the
    # same server: tokens are bound to the server that issued them; so do
    # steps that read a server's inbox or name its accounts.
    previous = {"boto3": None, "cli": None, "snippet": None}
    for operation, step in steps:
        inputs = {path: step(previous[path], contexts[path]) if callable(step) else step for path in previous}
        input = inputs["boto3"]
        method = getattr(boto3_client, xform_name(operation))
        expected = previous["boto3"] = boto3_outcome(lambda: method(**input))
        expected_normalized = normalized(expected, contexts["boto3"])

        command = renderer.ask(kind="cli", operation=operation, input=inputs["cli"])
        assert command.startswith("aws account "), command
        result = run_cli(command, servers["cli"], account, tmp_path)
        if operation in CLI_ACCOUNT_MODEL["operations"]:
            got = previous["cli"] = cli_outcome(result)
            assert normalized(got, contexts["cli"]) == cli_view(operation, expected_normalized), (
                f"{operation} {input!r}\n$ {command}\n{result.stderr}"
            )
            check_cli_report(renderer, operation, command, result, got, servers["cli"], account, tmp_path)
        else:
            # The CLI's model lacks the operation: the command does not exist.
            assert (result.returncode, result.stdout) == (2, ""), command
            assert "\naws: error: argument operation: Invalid choice, valid choices are:\n" in result.stderr
            # boto3 makes the call instead, so the servers stay alike.
            cli_server_client, cli_input = servers["cli"].client(account), inputs["cli"]
            got = previous["cli"] = boto3_outcome(
                lambda: getattr(cli_server_client, xform_name(operation))(**cli_input)
            )
            assert normalized(got, contexts["cli"]) == expected_normalized, f"{operation} {input!r} (by boto3)"

        snippet = renderer.ask(kind="boto3", operation=operation, input=inputs["snippet"])
        snippet_got = previous["snippet"] = boto3_outcome(lambda: run_snippet(snippet, snippet_client))
        assert normalized(snippet_got, contexts["snippet"]) == expected_normalized, f"{operation} {input!r}\n{snippet}"

    cli_client = servers["cli"].client(account)
    cli_state = state_of(cli_client)
    assert cli_state == state_of(boto3_client)
    assert cli_state == state_of(snippet_client)
    cli_member = member_state(cli_client, contexts["cli"])
    assert cli_member == member_state(boto3_client, contexts["boto3"])
    assert cli_member == member_state(snippet_client, contexts["snippet"])


def test_commands_parse_back_to_the_calls_they_render(renderer):
    for operation, input in [step for steps, _ in STEP_LISTS.values() for step in steps]:
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

    started = cli("CreateAccount", AccountName="Log archive", Email="logs+o'brien@example.com")
    assert started[1]["CreateAccountStatus"]["State"] == "IN_PROGRESS"
    request_id = started[1]["CreateAccountStatus"]["Id"]
    status = cli("DescribeCreateAccountStatus", CreateAccountRequestId=request_id)[1]["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED"
    member = status["AccountId"]

    first = cli("ListAccounts", MaxResults=1)[1]
    second = cli("ListAccounts", MaxResults=1, NextToken=first["NextToken"])[1]
    assert [a["Id"] for a in first["Accounts"] + second["Accounts"]] == [
        a["Id"] for a in org.list_accounts()["Accounts"]
    ]
    assert {a["Email"] for a in cli("ListAccounts")[1]["Accounts"]} >= {"logs+o'brien@example.com"}

    gov = cli("CreateGovCloudAccount", AccountName="Gov 'cloud'", Email="gov+$HOME@example.com")
    assert gov[1]["CreateAccountStatus"]["State"] == "IN_PROGRESS"
    gov_status = cli("DescribeCreateAccountStatus", CreateAccountRequestId=gov[1]["CreateAccountStatus"]["Id"])
    gov_status = gov_status[1]["CreateAccountStatus"]
    assert (gov_status["State"], gov_status["AccountName"]) == ("SUCCEEDED", "Gov 'cloud'")
    assert re.fullmatch(r"\d{12}", gov_status["GovCloudAccountId"])
    assert {a["Id"]: a["Email"] for a in org.list_accounts()["Accounts"]}[gov_status["AccountId"]] == (
        "gov+$HOME@example.com"
    )
    linked = server.client(gov_status["AccountId"]).get_gov_cloud_account_information()
    assert linked["GovCloudAccountId"] == gov_status["GovCloudAccountId"]
    by_snippet = snippet("CreateGovCloudAccount", AccountName="Gov snippet", Email="gov-snippet@example.com")
    by_snippet = created(org, by_snippet)
    assert by_snippet["State"] == "SUCCEEDED" and "GovCloudAccountId" in by_snippet
    taken = cli("CreateGovCloudAccount", AccountName="Gov again", Email="gov-snippet@example.com")
    assert taken[1]["CreateAccountStatus"]["State"] == "IN_PROGRESS"
    failed = created(org, taken[1])
    assert (failed["State"], failed["FailureReason"]) == ("FAILED", "EMAIL_ALREADY_EXISTS")

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


def test_rendered_iam_and_sts_commands_have_the_effect_of_their_calls(renderer, server, tmp_path):
    """The Activity tab's commands for IAM and STS calls (rendered from the
    input the Query parameters carried), run by the real AWS CLI: each
    makes the call it stands for, answers as boto3 is answered (the CLI
    prints timestamps as they came), errors are the same errors, and the
    boto3 snippets run."""
    account = new_account()
    iam = server.client(account, service="iam")
    sts = server.client(account, service="sts")

    def cli(service, operation, **input):
        command = renderer.ask(kind="service-cli", service=service, operation=operation, input=input)
        assert command.startswith(f"aws {service} "), command
        return cli_outcome(run_cli(command, server, account, tmp_path))

    def snippet(service, operation, client, **input):
        text = renderer.ask(kind="service-boto3", service=service, operation=operation, input=input)
        response = run_snippet(text, client)
        response.pop("ResponseMetadata")
        return response

    def dated(outcome):
        """boto3's datetimes as the ISO 8601 text the CLI prints."""
        return json.loads(json.dumps(outcome, default=lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")))

    tags = [{"Key": "team", "Value": "a b"}, {"Key": "cost-center", "Value": "$HOME'"}]
    created = cli("iam", "CreateUser", UserName="alice", Path="/ops/", Tags=tags)
    assert created[0] == "ok", created
    assert created[1]["User"]["Tags"] == tags
    assert dated(list(boto3_outcome(lambda: iam.get_user(UserName="alice")))) == list(
        cli("iam", "GetUser", UserName="alice")
    )
    assert cli("iam", "GetUser", UserName="bob") == boto3_outcome(lambda: iam.get_user(UserName="bob"))
    document = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "account:Get*", "Resource": "*"}]}'
    assert cli("iam", "PutUserPolicy", UserName="alice", PolicyName="read", PolicyDocument=document) == ("ok", {})
    assert cli("iam", "GetUserPolicy", UserName="alice", PolicyName="read")[1]["PolicyName"] == "read"
    listed = cli("iam", "ListPolicies", Scope="Local", OnlyAttached=False)
    assert list(listed) == dated(list(boto3_outcome(lambda: iam.list_policies(Scope="Local", OnlyAttached=False))))
    assert [u["UserName"] for u in cli("iam", "ListUsers")[1]["Users"]] == ["alice"]
    assert cli("sts", "GetCallerIdentity") == boto3_outcome(sts.get_caller_identity)
    assert snippet("sts", "GetCallerIdentity", sts) == boto3_outcome(sts.get_caller_identity)[1]
    assert snippet("iam", "GetUser", iam, UserName="alice")["User"]["Path"] == "/ops/"
