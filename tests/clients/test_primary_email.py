"""The primary email of a member account through boto3 and the AWS CLI:
GetPrimaryEmail, StartPrimaryEmailUpdate (the one-time password read from
the sandbox's inbox), AcceptPrimaryEmailUpdate, GetPrimaryEmailUpdateStatus
from PENDING through ACCEPTED to COMPLETED, and who may call them.

Two servers of their own: `quick` completes an accepted update after
COMPLETES_AFTER seconds, so the whole flow is seen; on `slow` it takes an
hour, so an accepted update certainly stays ACCEPTED while a test looks.
"""

import datetime

import pytest
from botocore.exceptions import ParamValidationError

from organization import NO_TRUSTED_ACCESS, Organization, unique_email
from support import Server, access_denied, api_error, messages_to, new_account, other_code, wait_until

COMPLETES_AFTER = 0.3
OTP = "PrimaryEmailOtp"

NO_UPDATE = "No email update found for account"
NO_PENDING_UPDATE = "No pending email update found for account"
EMAIL_IN_USE = "The email address is already in use by another account."
EMAIL_UNCHANGED = "The new primary email is the account's current primary email."
UPDATE_IN_PROGRESS = (
    "A primary email update for this account is already in progress. Please wait until it finishes and then try again."
)
EMAIL_NOT_PENDING = "The primary email does not match the pending email update for this account."
WRONG_OTP = "The one-time password is incorrect or has expired."

OPERATIONS = ["GetPrimaryEmail", "StartPrimaryEmailUpdate", "AcceptPrimaryEmailUpdate", "GetPrimaryEmailUpdateStatus"]


def message_only(code, message, status):
    """An error as `api_error` reports one whose body is its message alone."""
    return {"code": code, "message": message, "status": status, "reason": None, "fields": None}


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("quick") / "state.json", primary_email_seconds=COMPLETES_AFTER).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def slow(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("slow") / "state.json", primary_email_seconds=3600).start()
    yield server
    server.stop()


@pytest.fixture
def organization(slow):
    """Trusted access on; members Admin (the delegated administrator),
    Member and Other."""
    organization = Organization(slow, ["Admin", "Member", "Other"])
    organization.enable_trusted_access()
    organization.delegate_to(organization.members[0])
    return organization


def calls(client, account_id, email="new-owner@example.com", otp="ABC123"):
    """Each operation with valid input naming `account_id`."""
    return {
        "GetPrimaryEmail": lambda: client.get_primary_email(AccountId=account_id),
        "StartPrimaryEmailUpdate": lambda: client.start_primary_email_update(AccountId=account_id, PrimaryEmail=email),
        "AcceptPrimaryEmailUpdate": lambda: client.accept_primary_email_update(
            AccountId=account_id, PrimaryEmail=email, Otp=otp
        ),
        "GetPrimaryEmailUpdateStatus": lambda: client.get_primary_email_update_status(AccountId=account_id),
    }


def answer(response):
    response = dict(response)
    response.pop("ResponseMetadata")
    return response


def test_an_update_goes_pending_accepted_completed_and_shows_in_organizations(quick):
    organization = Organization(quick, ["Member"])
    organization.enable_trusted_access()
    (member,) = organization.members
    account = organization.account()
    old = organization.emails[member]
    assert answer(account.get_primary_email(AccountId=member)) == {"PrimaryEmail": old}

    new = unique_email("New owner")
    before = datetime.datetime.now(datetime.timezone.utc)
    assert answer(account.start_primary_email_update(AccountId=member, PrimaryEmail=new)) == {"Status": "PENDING"}
    (message,) = messages_to(quick, member, OTP)
    assert (message["To"], len(message["Code"]), message["Code"].isalnum()) == (new, 6, True)
    sent_at = datetime.datetime.fromisoformat(message["SentAt"].replace("Z", "+00:00"))
    assert abs((sent_at - before).total_seconds()) < 60
    otp = message["Code"]

    pending = account.get_primary_email_update_status(AccountId=member)
    assert pending["Status"] == "PENDING"
    assert isinstance(pending["UpdatedAt"], datetime.datetime)
    assert abs((pending["UpdatedAt"] - before).total_seconds()) < 60
    # The address changes only once the password is accepted.
    assert account.get_primary_email(AccountId=member)["PrimaryEmail"] == old

    wrong = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail=new, Otp=other_code(otp))
    assert wrong == message_only("ValidationException", WRONG_OTP, 400)
    accepted = account.accept_primary_email_update(AccountId=member, PrimaryEmail=new, Otp=otp)
    assert answer(accepted) == {"Status": "ACCEPTED"}

    def completed():
        status = account.get_primary_email_update_status(AccountId=member)
        return status if status["Status"] == "COMPLETED" else None

    done = wait_until(completed, what="the primary email update to complete")
    # UpdatedAt is when the update completed: at least the delay after it began.
    assert done["UpdatedAt"] - pending["UpdatedAt"] >= datetime.timedelta(seconds=COMPLETES_AFTER)
    assert account.get_primary_email(AccountId=member)["PrimaryEmail"] == new
    assert organization.listed_emails()[member] == new
    assert organization.org.describe_account(AccountId=member)["Account"]["Email"] == new
    # The member reads its own update in the standalone context.
    assert organization.account(member).get_primary_email_update_status()["Status"] == "COMPLETED"
    # Only one password was ever sent.
    assert len(messages_to(quick, member, OTP)) == 1


def test_an_accepted_update_stays_accepted_until_it_completes(organization):
    _, member, _ = organization.members
    account = organization.account()
    new = unique_email("Accepted")
    account.start_primary_email_update(AccountId=member, PrimaryEmail=new)
    pending = account.get_primary_email_update_status(AccountId=member)
    otp = messages_to(organization.server, member, OTP)[-1]["Code"]
    account.accept_primary_email_update(AccountId=member, PrimaryEmail=new, Otp=otp)

    accepted = account.get_primary_email_update_status(AccountId=member)
    assert accepted["Status"] == "ACCEPTED"
    assert accepted["UpdatedAt"] >= pending["UpdatedAt"]
    assert account.get_primary_email(AccountId=member)["PrimaryEmail"] == organization.emails[member]
    assert organization.listed_emails()[member] == organization.emails[member]
    assert organization.org.describe_account(AccountId=member)["Account"]["Email"] == organization.emails[member]

    again = api_error(account.start_primary_email_update, AccountId=member, PrimaryEmail=unique_email("Again"))
    assert again == message_only("ConflictException", UPDATE_IN_PROGRESS, 409)
    twice = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail=new, Otp=otp)
    assert twice == message_only("ValidationException", NO_PENDING_UPDATE, 400)


def test_an_address_another_account_has_is_a_conflict(organization):
    _, member, other = organization.members
    account = organization.account()
    management_email = organization.org.describe_organization()["Organization"]["MasterAccountEmail"]
    for taken in (organization.emails[other], management_email):
        error = api_error(account.start_primary_email_update, AccountId=member, PrimaryEmail=taken)
        assert error == message_only("ConflictException", EMAIL_IN_USE, 409)
    assert messages_to(organization.server, member, OTP) == []


def test_an_address_taken_while_the_update_is_pending_cannot_be_accepted(organization):
    _, member, _ = organization.members
    account = organization.account()
    new = unique_email("Taken later")
    account.start_primary_email_update(AccountId=member, PrimaryEmail=new)
    otp = messages_to(organization.server, member, OTP)[-1]["Code"]
    organization.create_account("Quicker", email=new)
    error = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail=new, Otp=otp)
    assert error == message_only("ConflictException", EMAIL_IN_USE, 409)
    assert account.get_primary_email_update_status(AccountId=member)["Status"] == "PENDING"


def test_the_current_address_is_not_an_update(organization):
    _, member, _ = organization.members
    error = api_error(
        organization.account().start_primary_email_update, AccountId=member, PrimaryEmail=organization.emails[member]
    )
    assert error == message_only("ValidationException", EMAIL_UNCHANGED, 400)
    assert messages_to(organization.server, member, OTP) == []


def test_starting_again_replaces_the_address_and_the_password(organization):
    _, member, _ = organization.members
    account = organization.account()
    first, second = unique_email("First"), unique_email("Second")
    account.start_primary_email_update(AccountId=member, PrimaryEmail=first)
    account.start_primary_email_update(AccountId=member, PrimaryEmail=second)
    sent = messages_to(organization.server, member, OTP)
    assert [m["To"] for m in sent] == [first, second]
    first_otp, second_otp = (m["Code"] for m in sent)
    assert first_otp != second_otp

    error = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail=first, Otp=first_otp)
    assert error == message_only("ValidationException", EMAIL_NOT_PENDING, 400)
    error = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail=second, Otp=first_otp)
    assert error == message_only("ValidationException", WRONG_OTP, 400)
    accepted = account.accept_primary_email_update(AccountId=member, PrimaryEmail=second, Otp=second_otp)
    assert accepted["Status"] == "ACCEPTED"


def test_no_update_found_with_and_without_an_account_id(server, organization):
    standalone = server.client(new_account())
    assert api_error(standalone.get_primary_email_update_status) == message_only("ValidationException", NO_UPDATE, 400)
    _, member, _ = organization.members
    account = organization.account()
    error = api_error(account.get_primary_email_update_status, AccountId=member)
    assert error == message_only("ValidationException", NO_UPDATE, 400)
    assert api_error(organization.account(member).get_primary_email_update_status) == error
    error = api_error(account.accept_primary_email_update, AccountId=member, PrimaryEmail="x@example.com", Otp="ABC123")
    assert error == message_only("ValidationException", NO_PENDING_UPDATE, 400)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_management_account_naming_itself_is_access_denied(organization, operation):
    management = organization.management
    error = api_error(calls(organization.account(), management)[operation])
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
    assert error["message"] == access_denied(management, operation, "Access Denied")


@pytest.mark.parametrize("trusted_access", [True, False], ids=["trusted", "untrusted"])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_member_naming_an_account_id_gets_the_bare_refusal(organization, operation, trusted_access):
    """Its own id or another member's, whether or not trusted access is on."""
    _, member, other = organization.members
    if not trusted_access:
        organization.disable_trusted_access()
    client = organization.account(member)
    for target in (member, other):
        error = api_error(calls(client, target)[operation])
        assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
        assert error["message"] == access_denied(member, operation)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_without_trusted_access_the_management_account_is_refused(organization, operation):
    _, member, _ = organization.members
    organization.disable_trusted_access()
    error = api_error(calls(organization.account(), member)[operation])
    assert error["message"] == access_denied(organization.management, operation, NO_TRUSTED_ACCESS)


def test_a_standalone_account_naming_an_account_id_is_refused(server):
    caller = new_account()
    error = api_error(server.client(caller).get_primary_email, AccountId=new_account())
    assert (error["code"], error["message"]) == (
        "AccessDeniedException",
        access_denied(caller, "GetPrimaryEmail", NO_TRUSTED_ACCESS),
    )


def test_the_delegated_administrator_updates_members_and_reads_its_own(organization):
    admin_id, member, _ = organization.members
    admin = organization.account(admin_id)
    assert admin.get_primary_email(AccountId=admin_id)["PrimaryEmail"] == organization.emails[admin_id]
    assert admin.get_primary_email(AccountId=member)["PrimaryEmail"] == organization.emails[member]
    new = unique_email("By admin")
    assert admin.start_primary_email_update(AccountId=member, PrimaryEmail=new)["Status"] == "PENDING"
    otp = messages_to(organization.server, member, OTP)[-1]["Code"]
    assert admin.accept_primary_email_update(AccountId=member, PrimaryEmail=new, Otp=otp)["Status"] == "ACCEPTED"
    # The management account sees the same update.
    assert organization.account().get_primary_email_update_status(AccountId=member)["Status"] == "ACCEPTED"


def test_botocore_refuses_what_the_model_forbids_before_sending(organization):
    _, member, _ = organization.members
    account = organization.account()
    with pytest.raises(ParamValidationError, match='Missing required parameter in input: "AccountId"'):
        account.get_primary_email()
    with pytest.raises(ParamValidationError, match="valid min length: 5"):
        account.start_primary_email_update(AccountId=member, PrimaryEmail="a@b")
    with pytest.raises(ParamValidationError, match='Missing required parameter in input: "Otp"'):
        account.accept_primary_email_update(AccountId=member, PrimaryEmail="x@example.com")


def test_the_service_names_the_members_at_fault(organization):
    _, member, _ = organization.members
    loose = organization.server.client(organization.management, validate=False)
    missing = '[object has missing required properties (["AccountId"])]'
    error = api_error(loose.get_primary_email)
    assert (error["code"], error["message"], error["reason"]) == ("ValidationException", missing, "fieldValidationFailed")
    assert error["fields"] == [{"name": "AccountId", "message": missing}]

    long_email = "x" * 53 + "@example.com"
    error = api_error(loose.start_primary_email_update, AccountId=member, PrimaryEmail=long_email)
    too_long = f'[string "{long_email}" is too long (length: 65, maximum allowed: 64)]'
    assert error["fields"] == [{"name": "PrimaryEmail", "message": too_long}]

    error = api_error(loose.accept_primary_email_update, AccountId=member, PrimaryEmail="x@example.com", Otp="12-456")
    mismatch = '[ECMA 262 regex "^[a-zA-Z0-9]{6}$" does not match input string "12-456"]'
    assert (error["message"], error["fields"]) == (mismatch, [{"name": "Otp", "message": mismatch}])

    error = api_error(loose.get_primary_email, AccountId="12345")
    assert error["fields"] == [
        {"name": "AccountId", "message": '[ECMA 262 regex "^\\d{12}$" does not match input string "12345"]'}
    ]


def test_the_aws_cli_updates_a_primary_email(quick, aws_cli):
    organization = Organization(quick, ["Cli member"])
    organization.enable_trusted_access()
    (member,) = organization.members
    aws = aws_cli(quick, organization.management)
    assert aws.json("account", "get-primary-email", "--account-id", member) == {
        "PrimaryEmail": organization.emails[member]
    }
    assert aws.error("account", "get-primary-email-update-status", "--account-id", member) == (
        "An error occurred (ValidationException) when calling the GetPrimaryEmailUpdateStatus operation: "
        f"{NO_UPDATE}"
    )

    new = unique_email("Cli owner")
    started = aws.json("account", "start-primary-email-update", "--account-id", member, "--primary-email", new)
    assert started == {"Status": "PENDING"}
    (message,) = messages_to(quick, member, OTP)
    assert message["To"] == new
    accept = ("account", "accept-primary-email-update", "--account-id", member, "--primary-email", new, "--otp")
    assert aws.error(*accept, other_code(message["Code"])) == (
        f"An error occurred (ValidationException) when calling the AcceptPrimaryEmailUpdate operation: {WRONG_OTP}"
    )
    assert aws.json(*accept, message["Code"]) == {"Status": "ACCEPTED"}

    def completed():
        status = aws.json("account", "get-primary-email-update-status", "--account-id", member)
        return status if status["Status"] == "COMPLETED" else None

    status = wait_until(completed, what="the update to complete, seen by the AWS CLI")
    # AWS CLI v1 prints timestamps as they came: epoch seconds.
    assert set(status) == {"Status", "UpdatedAt"} and isinstance(status["UpdatedAt"], (int, float))
    assert aws.json("account", "get-primary-email", "--account-id", member) == {"PrimaryEmail": new}
    listed = aws.json("organizations", "list-accounts")["Accounts"]
    assert {a["Id"]: a["Email"] for a in listed}[member] == new

    own = aws.error("account", "get-primary-email", "--account-id", organization.management)
    assert own == (
        "An error occurred (AccessDeniedException) when calling the GetPrimaryEmail operation: "
        + access_denied(organization.management, "GetPrimaryEmail", "Access Denied")
    )
