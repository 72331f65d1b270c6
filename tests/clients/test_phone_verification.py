"""Phone number verification of the primary contact through boto3 and the
AWS CLI: SendPhoneNumberVerification texts a code (read from the sandbox's
inbox) to the number on file, VerifyPhoneNumber accepts it, and
GetContactInformation's VerificationStatus describes the number on file."""

import json

import pytest

from organization import MANAGEMENT_STANDALONE_ONLY, NO_TRUSTED_ACCESS, Organization
from support import access_denied, api_error, last_code, messages_to, new_account, other_code

CODE = "PhoneVerificationCode"
NO_CONTACT = "No contact information found for this account."
WRONG_CODE = "The verification code is incorrect or has expired."
NUMBER_CHANGED = "The phone number changed after the verification code was sent. Send a new code and try again."

JANE = {
    "FullName": "Jane Doe",
    "PhoneNumber": "+1 206-555-0100",
    "AddressLine1": "123 Main St",
    "City": "Seattle",
    "PostalCode": "98101",
    "CountryCode": "US",
    "StateOrRegion": "WA",
}


def message_only(code, message, status):
    return {"code": code, "message": message, "status": status, "reason": None, "fields": None}


def verification_status(client, **account):
    return client.get_contact_information(**account)["VerificationStatus"]


def test_without_contact_information_there_is_no_number_to_verify(client, account, server):
    error = api_error(client.send_phone_number_verification)
    assert error == message_only("ResourceNotFoundException", NO_CONTACT, 404)
    assert messages_to(server, account, CODE) == []


def test_a_sent_code_verifies_the_number_on_file(client, account, server):
    client.put_contact_information(ContactInformation=JANE)
    assert verification_status(client) == "UNVERIFIED"
    response = client.send_phone_number_verification()
    assert response["Status"] == "PENDING"
    (message,) = messages_to(server, account, CODE)
    assert message["To"] == JANE["PhoneNumber"]
    assert (len(message["Code"]), message["Code"].isdigit()) == (6, True)
    # GetContactInformation never says PENDING: the number is not verified yet.
    assert verification_status(client) == "UNVERIFIED"

    error = api_error(client.verify_phone_number, Otp=other_code(message["Code"]))
    assert error == message_only("ValidationException", WRONG_CODE, 400)
    assert client.verify_phone_number(Otp=message["Code"])["Status"] == "VERIFIED"
    stored = client.get_contact_information()
    assert (stored["ContactInformation"], stored["VerificationStatus"]) == (JANE, "VERIFIED")
    # The code is spent.
    error = api_error(client.verify_phone_number, Otp=message["Code"])
    assert error == message_only("ValidationException", WRONG_CODE, 400)


def test_the_status_follows_the_number_on_file(client, account, server):
    client.put_contact_information(ContactInformation=JANE)
    client.send_phone_number_verification()
    client.verify_phone_number(Otp=last_code(server, account, CODE))
    client.put_contact_information(ContactInformation=dict(JANE, City="Tacoma", PostalCode="98402"))
    assert verification_status(client) == "VERIFIED"
    client.put_contact_information(ContactInformation=dict(JANE, PhoneNumber="+1 206-555-0199"))
    assert verification_status(client) == "UNVERIFIED"


def test_verify_without_a_code_sent_is_refused(client):
    client.put_contact_information(ContactInformation=JANE)
    error = api_error(client.verify_phone_number, Otp="123456")
    assert error == message_only("ValidationException", WRONG_CODE, 400)


def test_a_number_changed_after_the_send_is_a_conflict(client, account, server):
    client.put_contact_information(ContactInformation=JANE)
    client.send_phone_number_verification()
    code = last_code(server, account, CODE)
    client.put_contact_information(ContactInformation=dict(JANE, PhoneNumber="+1 206-555-0142"))
    error = api_error(client.verify_phone_number, Otp=code)
    assert error == message_only("ConflictException", NUMBER_CHANGED, 409)
    assert verification_status(client) == "UNVERIFIED"
    # A new code goes to the new number and verifies it.
    client.send_phone_number_verification()
    assert messages_to(server, account, CODE)[-1]["To"] == "+1 206-555-0142"
    assert client.verify_phone_number(Otp=last_code(server, account, CODE))["Status"] == "VERIFIED"


def test_a_new_send_voids_the_earlier_code(client, account, server):
    client.put_contact_information(ContactInformation=JANE)
    client.send_phone_number_verification()
    client.send_phone_number_verification()
    first, second = (m["Code"] for m in messages_to(server, account, CODE))
    assert first != second
    error = api_error(client.verify_phone_number, Otp=first)
    assert error == message_only("ValidationException", WRONG_CODE, 400)
    assert client.verify_phone_number(Otp=second)["Status"] == "VERIFIED"


def test_the_code_must_have_the_models_form(loose_client):
    error = api_error(loose_client.verify_phone_number, Otp="12345")
    mismatch = '[ECMA 262 regex "^[a-zA-Z0-9]{6}$" does not match input string "12345"]'
    assert (error["code"], error["message"], error["reason"]) == ("ValidationException", mismatch, "fieldValidationFailed")
    assert error["fields"] == [{"name": "Otp", "message": mismatch}]
    missing = '[object has missing required properties (["Otp"])]'
    assert api_error(loose_client.verify_phone_number)["fields"] == [{"name": "Otp", "message": missing}]


def test_the_management_account_verifies_a_members_number(server):
    """A member made by CreateAccount starts with the management account's
    contact information, so it has a number to verify."""
    management = new_account()
    client = server.client(management)
    client.put_contact_information(ContactInformation=JANE)
    organization = Organization(server, management=management)
    member = organization.create_account("Verified member")
    organization.enable_trusted_access()

    assert client.send_phone_number_verification(AccountId=member)["Status"] == "PENDING"
    (message,) = messages_to(server, member, CODE)
    assert message["To"] == JANE["PhoneNumber"]
    assert messages_to(server, management, CODE) == []
    assert client.verify_phone_number(AccountId=member, Otp=message["Code"])["Status"] == "VERIFIED"
    assert verification_status(client, AccountId=member) == "VERIFIED"
    assert verification_status(server.client(member)) == "VERIFIED"
    assert verification_status(client) == "UNVERIFIED"


@pytest.mark.parametrize("operation", ["SendPhoneNumberVerification", "VerifyPhoneNumber"])
def test_the_organizations_context_rules_apply(server, operation):
    organization = Organization(server, ["Member", "Other"])
    member, other = organization.members
    method = {"SendPhoneNumberVerification": "send_phone_number_verification", "VerifyPhoneNumber": "verify_phone_number"}
    extra = {"Otp": "123456"} if operation == "VerifyPhoneNumber" else {}

    def refusal(caller, target):
        error = api_error(getattr(organization.account(caller), method[operation]), AccountId=target, **extra)
        assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
        return error["message"]

    management = organization.management
    assert refusal(management, member) == access_denied(management, operation, NO_TRUSTED_ACCESS)
    assert refusal(member, other) == access_denied(member, operation)
    organization.enable_trusted_access()
    assert refusal(management, management) == access_denied(management, operation, MANAGEMENT_STANDALONE_ONLY)
    assert refusal(member, member) == access_denied(member, operation)


def test_the_pinned_aws_cli_has_no_phone_verification_commands(server, account, aws_cli):
    """awscli 1.46.2 carries its own botocore (1.43.62), whose Account model
    predates SendPhoneNumberVerification, VerifyPhoneNumber and
    GetContactInformation's VerificationStatus: the commands do not exist,
    and get-contact-information drops the status the server sends."""
    aws = aws_cli(server, account)
    for command in ("send-phone-number-verification", "verify-phone-number"):
        result = aws("account", command, check=False)
        assert (result.returncode, result.stdout) == (2, "")
        assert "\naws: error: argument operation: Invalid choice, valid choices are:\n" in result.stderr
    aws("account", "put-contact-information", "--contact-information", json.dumps(JANE))
    client = server.client(account)
    client.send_phone_number_verification()
    client.verify_phone_number(Otp=last_code(server, account, CODE))
    assert verification_status(client) == "VERIFIED"
    assert aws.json("account", "get-contact-information") == {"ContactInformation": JANE}
