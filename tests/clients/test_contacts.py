"""Contact information and alternate contacts through boto3."""

import pytest

from support import api_error

CONTACT_TYPES = ["BILLING", "OPERATIONS", "SECURITY"]

JANE = {
    "FullName": "Jane Doe",
    "PhoneNumber": "+1 206-555-0100",
    "AddressLine1": "123 Main St",
    "City": "Seattle",
    "PostalCode": "98101",
    "CountryCode": "US",
    "StateOrRegion": "WA",
}


def alternate(kind="BILLING", **overrides):
    contact = {
        "AlternateContactType": kind,
        "Name": "Bill Ing",
        "Title": "Billing",
        "EmailAddress": "bill@ing.com",
        "PhoneNumber": "+1 555-555-5555",
    }
    contact.update(overrides)
    return contact


def test_contact_information_round_trips_with_an_unverified_number(client):
    full = dict(
        JANE,
        AddressLine2="Suite 400",
        AddressLine3="Floor 4",
        DistrictOrCounty="King",
        CompanyName="Example Corp",
        WebsiteUrl="https://example.com",
    )
    assert client.put_contact_information(ContactInformation=full)["ResponseMetadata"]["HTTPStatusCode"] == 200
    stored = client.get_contact_information()
    assert (stored["ContactInformation"], stored["VerificationStatus"]) == (full, "UNVERIFIED")


def test_put_trims_every_field_and_upper_cases_the_country_code(client):
    # The phone and country patterns apply to the raw value, so those two
    # cannot carry padding; every other field can.
    padded = {name: f"  {value}\t" for name, value in JANE.items()}
    padded.update(PhoneNumber=JANE["PhoneNumber"], CountryCode="us")
    client.put_contact_information(ContactInformation=padded)
    assert client.get_contact_information()["ContactInformation"] == JANE


def test_put_is_a_full_replace(client):
    client.put_contact_information(ContactInformation=dict(JANE, CompanyName="Old Corp", AddressLine2="Unit 1"))
    client.put_contact_information(ContactInformation=JANE)
    stored = client.get_contact_information()["ContactInformation"]
    assert "CompanyName" not in stored
    assert "AddressLine2" not in stored
    assert stored == JANE


@pytest.mark.parametrize("field", ["FullName", "AddressLine1", "City", "PostalCode", "StateOrRegion"])
def test_a_field_blank_after_trimming_is_rejected_and_changes_nothing(client, field):
    client.put_contact_information(ContactInformation=JANE)
    error = api_error(
        client.put_contact_information,
        ContactInformation=dict(JANE, **{field: "   "}, CompanyName="New Corp"),
    )
    # The message alone: PutContactInformation's errors carry no reason and no fieldList.
    assert error == {
        "code": "ValidationException",
        "message": f"the argument {field} can not be empty",
        "status": 400,
        "reason": None,
        "fields": None,
    }
    assert client.get_contact_information()["ContactInformation"] == JANE


@pytest.mark.parametrize("country", ["US", "CA", "GB", "DE", "JP", "IN", "BR"])
def test_state_or_region_is_required_for_some_countries(client, country):
    without_state = {k: v for k, v in JANE.items() if k != "StateOrRegion"}
    error = api_error(client.put_contact_information, ContactInformation=dict(without_state, CountryCode=country))
    assert error["message"] == "the argument StateOrRegion can not be empty"


def test_state_or_region_is_optional_elsewhere(client):
    french = {k: v for k, v in JANE.items() if k != "StateOrRegion"}
    french.update(City="Paris", PostalCode="75001", CountryCode="fr", PhoneNumber="+33 1 23 45 67 89")
    client.put_contact_information(ContactInformation=french)
    assert client.get_contact_information()["ContactInformation"]["CountryCode"] == "FR"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("PhoneNumber", "206-555-0100", '[ECMA 262 regex "^[+][\\s0-9()-]+$" does not match input string "206-555-0100"]'),
        ("FullName", "x" * 51, f'[string "{"x" * 51}" is too long (length: 51, maximum allowed: 50)]'),
        ("CountryCode", "USA", '[string "USA" is too long (length: 3, maximum allowed: 2)]'),
    ],
)
def test_contact_information_fields_follow_the_model(client, field, value, message):
    error = api_error(client.put_contact_information, ContactInformation=dict(JANE, **{field: value}))
    assert (error["code"], error["message"]) == ("ValidationException", message)
    assert (error["reason"], error["fields"]) == (None, None)


def test_a_missing_required_field_is_named_by_the_service(loose_client):
    without_city = {k: v for k, v in JANE.items() if k != "City"}
    error = api_error(loose_client.put_contact_information, ContactInformation=without_city)
    assert error["message"] == '[object has missing required properties (["City"])]'


def test_an_account_without_contact_information_has_none_to_get(client):
    error = api_error(client.get_contact_information)
    assert (error["code"], error["status"]) == ("ResourceNotFoundException", 404)
    assert error["message"] == "No contact information found for this account."


@pytest.mark.parametrize("kind", CONTACT_TYPES)
def test_alternate_contacts_are_upserted_per_type(client, kind):
    client.put_alternate_contact(**alternate(kind, Name="First"))
    client.put_alternate_contact(**alternate(kind, Name="Second", Title="Boss"))
    stored = client.get_alternate_contact(AlternateContactType=kind)["AlternateContact"]
    assert stored == alternate(kind, Name="Second", Title="Boss")
    for other in set(CONTACT_TYPES) - {kind}:
        error = api_error(client.get_alternate_contact, AlternateContactType=other)
        assert error["code"] == "ResourceNotFoundException"


def test_put_alternate_contact_trims_only_the_email_address(client):
    client.put_alternate_contact(
        **alternate(Name="  Bill Ing ", Title=" Billing ", EmailAddress="  bill@ing.com  ", PhoneNumber=" +1 555 ")
    )
    stored = client.get_alternate_contact(AlternateContactType="BILLING")["AlternateContact"]
    assert stored == alternate(Name="  Bill Ing ", Title=" Billing ", EmailAddress="bill@ing.com", PhoneNumber=" +1 555 ")


@pytest.mark.parametrize("kind", CONTACT_TYPES)
def test_delete_removes_a_contact_and_a_second_delete_fails(client, kind):
    client.put_alternate_contact(**alternate(kind))
    client.delete_alternate_contact(AlternateContactType=kind)
    for call in (client.get_alternate_contact, client.delete_alternate_contact):
        error = api_error(call, AlternateContactType=kind)
        assert (error["code"], error["status"]) == ("ResourceNotFoundException", 404)
        assert error["message"] == "No contact of the inputted alternate contact type found."


@pytest.mark.parametrize("kind", ["billing", "Security", "ACCOUNTING"])
@pytest.mark.parametrize(
    "operation, extra",
    [("PutAlternateContact", alternate()), ("GetAlternateContact", {}), ("DeleteAlternateContact", {})],
)
def test_an_invalid_contact_type_is_access_denied(client, account, kind, operation, extra):
    call = {
        "PutAlternateContact": client.put_alternate_contact,
        "GetAlternateContact": client.get_alternate_contact,
        "DeleteAlternateContact": client.delete_alternate_contact,
    }[operation]
    error = api_error(call, **dict(extra, AlternateContactType=kind))
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
    assert error["message"] == (
        f"User: arn:aws:iam::{account}:root is not authorized to perform: "
        f"account:{operation} (You specified an invalid Alternate Contact type.)"
    )


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "EmailAddress",
            "not-an-email",
            '[ECMA 262 regex "^[\\s]*[\\w+=.#|!&-]+@[\\w.-]+\\.[\\w]+[\\s]*$" does not match input string "not-an-email"]',
        ),
        ("PhoneNumber", "555-CALL", '[ECMA 262 regex "^[\\s0-9()+-]+$" does not match input string "555-CALL"]'),
        ("Name", "n" * 65, f'[string "{"n" * 65}" is too long (length: 65, maximum allowed: 64)]'),
        ("Title", "t" * 51, f'[string "{"t" * 51}" is too long (length: 51, maximum allowed: 50)]'),
    ],
)
def test_alternate_contact_fields_follow_the_model(client, field, value, message):
    error = api_error(client.put_alternate_contact, **alternate(**{field: value}))
    assert (error["code"], error["reason"], error["message"]) == ("ValidationException", "fieldValidationFailed", message)
    assert error["fields"] == [{"name": field, "message": message}]
    assert api_error(client.get_alternate_contact, AlternateContactType="BILLING")["code"] == "ResourceNotFoundException"


def test_every_missing_alternate_contact_field_is_listed(loose_client):
    error = api_error(loose_client.put_alternate_contact, AlternateContactType="BILLING")
    assert error["code"] == "ValidationException"
    assert [f["name"] for f in error["fields"]] == ["Name", "Title", "EmailAddress", "PhoneNumber"]
