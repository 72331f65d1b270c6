"""Region opt-in and opt-out through boto3: listing, paging, the
ENABLING/DISABLING state machine, its errors and its quota."""

import json

import pytest

from support import ROOT, api_error, wait_until

CATALOG = json.loads((ROOT / "crates/account-engine/data/regions.json").read_text())["regions"]
ALL_REGIONS = sorted(r["code"] for r in CATALOG)
OPT_IN = sorted(r["code"] for r in CATALOG if not r["default"])
BY_DEFAULT = sorted(r["code"] for r in CATALOG if r["default"])
STATUSES = '["ENABLED","ENABLING","DISABLING","DISABLED","ENABLED_BY_DEFAULT"]'


def status(client, region):
    return client.get_region_opt_status(RegionName=region)["RegionOptStatus"]


def wait_for_status(client, region, expected):
    wait_until(lambda: status(client, region) == expected, what=f"{region} to become {expected}")


def test_list_regions_pages_by_20_sorted_by_name(client):
    first = client.list_regions()
    assert len(first["Regions"]) == 20
    second = client.list_regions(NextToken=first["NextToken"])
    assert "NextToken" not in second
    listed = first["Regions"] + second["Regions"]
    assert [r["RegionName"] for r in listed] == ALL_REGIONS
    assert (len(listed), len(OPT_IN), len(BY_DEFAULT)) == (34, 17, 17)
    assert {r["RegionName"]: r["RegionOptStatus"] for r in listed} == {
        **{code: "DISABLED" for code in OPT_IN},
        **{code: "ENABLED_BY_DEFAULT" for code in BY_DEFAULT},
    }


@pytest.mark.parametrize("page_size", [1, 7, 20, 34, 50])
def test_the_paginator_walks_every_region_once(client, page_size):
    pages = list(client.get_paginator("list_regions").paginate(PaginationConfig={"PageSize": page_size}))
    assert [len(p["Regions"]) for p in pages[:-1]] == [page_size] * (len(pages) - 1)
    assert [r["RegionName"] for p in pages for r in p["Regions"]] == ALL_REGIONS
    assert "NextToken" not in pages[-1]


def test_the_paginator_builds_full_results_with_a_status_filter(client):
    result = (
        client.get_paginator("list_regions")
        .paginate(RegionOptStatusContains=["ENABLED_BY_DEFAULT"], PaginationConfig={"PageSize": 5})
        .build_full_result()
    )
    assert [r["RegionName"] for r in result["Regions"]] == BY_DEFAULT


def test_list_regions_filters_by_status(client):
    client.enable_region(RegionName="af-south-1")
    listed = client.list_regions(RegionOptStatusContains=["ENABLING", "ENABLED"])["Regions"]
    assert [r["RegionName"] for r in listed] == ["af-south-1"]
    disabled = client.list_regions(RegionOptStatusContains=["DISABLED"], MaxResults=50)["Regions"]
    assert [r["RegionName"] for r in disabled] == [c for c in OPT_IN if c != "af-south-1"]


def test_a_token_from_another_filter_or_a_made_up_one_is_malformed(client):
    token = client.list_regions(MaxResults=5)["NextToken"]
    for bad in ["garbage", token[:-1] + ("0" if token[-1] != "0" else "1")]:
        error = api_error(client.list_regions, NextToken=bad)
        assert (error["code"], error["message"]) == ("ValidationException", "NextToken is malformed")
    error = api_error(client.list_regions, NextToken=token, RegionOptStatusContains=["DISABLED"])
    assert error["message"] == "NextToken is malformed"


def test_an_unknown_status_filter_is_named_with_the_allowed_values(client):
    error = api_error(client.list_regions, RegionOptStatusContains=["ENABLED", "ON", "OFF"])
    assert error == {
        "code": "ValidationException",
        "message": f'[instance value ("ON") not found in enum (possible values: {STATUSES})]',
        "status": 400,
        "reason": None,
        "fields": None,
    }


def test_a_repeated_status_in_the_filter_is_accepted(client):
    listed = client.list_regions(RegionOptStatusContains=["DISABLED", "DISABLED"], MaxResults=50)["Regions"]
    assert [r["RegionName"] for r in listed] == OPT_IN


@pytest.mark.parametrize(
    "max_results, message",
    [
        (0, "[numeric instance is lower than the required minimum (minimum: 1, found: 0)]"),
        (51, "[numeric instance is greater than the required maximum (maximum: 50, found: 51)]"),
    ],
)
def test_max_results_is_between_1_and_50(loose_client, max_results, message):
    error = api_error(loose_client.list_regions, MaxResults=max_results)
    assert (error["code"], error["message"]) == ("ValidationException", message)
    assert error["fields"] == [{"name": "MaxResults", "message": message}]


def test_enable_then_disable_walks_the_state_machine(client):
    region = "ap-east-1"
    assert status(client, region) == "DISABLED"
    client.enable_region(RegionName=region)
    assert status(client, region) == "ENABLING"
    wait_for_status(client, region, "ENABLED")
    client.disable_region(RegionName=region)
    assert status(client, region) == "DISABLING"
    wait_for_status(client, region, "DISABLED")
    listed = client.list_regions(RegionOptStatusContains=["DISABLED"], MaxResults=50)["Regions"]
    assert region in [r["RegionName"] for r in listed]


def test_a_region_in_transition_refuses_another_change(make_server, account):
    # Long transitions, so the region is certainly still changing.
    client = make_server(enable_seconds=60, disable_seconds=60).client(account)
    client.enable_region(RegionName="eu-south-1")
    for call in (client.enable_region, client.disable_region):
        error = api_error(call, RegionName="eu-south-1")
        assert (error["code"], error["status"]) == ("ConflictException", 409)
        assert error["message"] == (
            f"Account {account} and region eu-south-1 is currently being enabled or disabled. "
            "Please wait until it finishes and then try again."
        )


@pytest.mark.parametrize(
    "operation, region",
    [("enable_region", "us-east-1"), ("disable_region", "us-east-1"), ("disable_region", "me-central-1")],
)
def test_switching_to_the_current_status_is_an_invalid_target(client, operation, region):
    error = api_error(getattr(client, operation), RegionName=region)
    message = "Unable to switch region status because of its current opt-in status."
    assert (error["code"], error["status"], error["message"]) == ("ValidationException", 400, message)
    assert error["reason"] == "invalidRegionOptTarget"
    assert error["fields"] == [{"name": "RegionName", "message": message}]


def test_enabling_an_enabled_region_is_an_invalid_target(client):
    client.enable_region(RegionName="il-central-1")
    wait_for_status(client, "il-central-1", "ENABLED")
    error = api_error(client.enable_region, RegionName="il-central-1")
    assert error["reason"] == "invalidRegionOptTarget"


@pytest.mark.parametrize("operation", ["enable_region", "disable_region", "get_region_opt_status"])
def test_an_unknown_region_is_not_valid_for_opt_in(client, operation):
    error = api_error(getattr(client, operation), RegionName="mars-north-1")
    assert (error["code"], error["reason"]) == ("ValidationException", "fieldValidationFailed")
    assert error["message"] == "mars-north-1 is not a valid region for opt-in or opt-out."


@pytest.mark.parametrize(
    "operation, name",
    [("enable_region", "EnableRegion"), ("disable_region", "DisableRegion"), ("get_region_opt_status", "GetRegionOptStatus")],
)
def test_an_upper_case_region_is_access_denied(client, account, operation, name):
    error = api_error(getattr(client, operation), RegionName="AF-SOUTH-1")
    assert (error["code"], error["status"]) == ("AccessDeniedException", 403)
    assert error["message"] == (
        f"User: arn:aws:iam::{account}:root is not authorized to perform: "
        f"account:{name} (You specified an invalid target region.)"
    )


def test_at_most_six_region_changes_run_at_once_per_account(make_server, account):
    server = make_server(enable_seconds=60)
    client = server.client(account)
    for region in OPT_IN[:6]:
        client.enable_region(RegionName=region)
    error = api_error(client.enable_region, RegionName=OPT_IN[6])
    assert (error["code"], error["status"]) == ("TooManyRequestsException", 429)
    assert status(client, OPT_IN[6]) == "DISABLED"
    # The quota is per account: another account still may.
    server.client().enable_region(RegionName=OPT_IN[6])


def test_region_changes_of_one_account_do_not_touch_another(server, client):
    client.enable_region(RegionName="ca-west-1")
    assert status(server.client(), "ca-west-1") == "DISABLED"
