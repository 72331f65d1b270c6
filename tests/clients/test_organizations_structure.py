"""The structure of an organization through boto3 and the AWS CLI: the
root, OUs, children and parents, MoveAccount, DescribeAccount and Paths,
tags, service control policies and their limits, ListCreateAccountStatus,
ListDelegatedServicesForAccount, botocore's paginators over more than one
page and the CLI's auto-pagination, and the errors as `client.exceptions`.

Each test founds its own organization with fresh accounts on the shared
server, so tests stay apart.
"""

import datetime
import json

import pytest

from organization import ACCOUNT_MANAGEMENT as ACCOUNT, Organization
from support import api_error, modeled_error, new_account

SCP = "SERVICE_CONTROL_POLICY"
FULL_AWS_ACCESS = "p-FullAWSAccess"
ACCESS_DENIED = "You don't have permissions to access this resource."
MALFORMED = "The provided policy document does not meet the requirements of the specified policy type."
LAST_POLICY = (
    "You cannot remove the last policy attached to the specified target. "
    "You must have at least one attached at all times."
)


def deny(action):
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": "*"}]})


class Structure(Organization):
    """An Organization with helpers for its root, OUs and policies."""

    def __init__(self, server, members=()):
        super().__init__(server, members)
        self.root = self.org.list_roots()["Roots"][0]["Id"]

    def unit(self, parent, name, **params):
        return self.org.create_organizational_unit(ParentId=parent, Name=name, **params)["OrganizationalUnit"]["Id"]

    def move(self, account, source, destination):
        self.org.move_account(AccountId=account, SourceParentId=source, DestinationParentId=destination)

    def policy(self, name, content=None):
        created = self.org.create_policy(
            Name=name, Description=f"{name} policy", Type=SCP, Content=content or deny(f"s3:{name}")
        )
        return created["Policy"]["PolicySummary"]["Id"]

    def enable_scps(self):
        return self.org.enable_policy_type(RootId=self.root, PolicyType=SCP)

    def attached(self, target):
        pages = self.org.get_paginator("list_policies_for_target").paginate(TargetId=target, Filter=SCP)
        return [p["Id"] for page in pages for p in page["Policies"]]

    def paginate(self, operation, key, page_size, **params):
        """Every page of a botocore paginator, `page_size` entries a page."""
        pages = list(
            self.org.get_paginator(operation).paginate(PaginationConfig={"PageSize": page_size}, **params)
        )
        return [page[key] for page in pages]


@pytest.fixture
def structure(server):
    return Structure(server, ["Alpha", "Beta"])


def error_of(exception, call, **params):
    error = modeled_error(exception, call, **params)
    assert error["status"] == 400, error
    return error


# ------------------------------------------------------------------- roots


def test_list_roots(structure):
    roots = structure.org.list_roots()["Roots"]
    assert roots == [
        {
            "Id": structure.root,
            "Arn": f"arn:aws:organizations::{structure.management}:root/{structure.id}/{structure.root}",
            "Name": "Root",
            "PolicyTypes": [],
        }
    ]
    assert structure.root.startswith("r-") and len(structure.root) == 6
    pages = list(structure.org.get_paginator("list_roots").paginate())
    assert [page["Roots"] for page in pages] == [roots]


# --------------------------------------------------------------------- OUs


def test_organizational_units_are_created_described_renamed_and_deleted(structure):
    org = structure.org
    created = org.create_organizational_unit(ParentId=structure.root, Name="Workloads")["OrganizationalUnit"]
    unit = created["Id"]
    assert unit.startswith(f"ou-{structure.root[2:]}-")
    assert created == {
        "Id": unit,
        "Arn": f"arn:aws:organizations::{structure.management}:ou/{structure.id}/{unit}",
        "Name": "Workloads",
        "Path": f"{structure.id}/{structure.root}/{unit}/",
    }
    assert org.describe_organizational_unit(OrganizationalUnitId=unit)["OrganizationalUnit"] == created
    renamed = org.update_organizational_unit(OrganizationalUnitId=unit, Name="Production")["OrganizationalUnit"]
    assert renamed == {**created, "Name": "Production"}
    org.delete_organizational_unit(OrganizationalUnitId=unit)
    error = error_of(
        org.exceptions.OrganizationalUnitNotFoundException,
        org.describe_organizational_unit,
        OrganizationalUnitId=unit,
    )
    assert error["message"] == "We can't find an OU with the OrganizationalUnitId that you specified."


def test_ous_nest_five_deep_and_the_sixth_is_refused(structure):
    parent = structure.root
    path = f"{structure.id}/{structure.root}/"
    for level in range(1, 6):
        parent = structure.unit(parent, f"Level {level}")
        path += f"{parent}/"
        assert structure.org.describe_organizational_unit(OrganizationalUnitId=parent)["OrganizationalUnit"]["Path"] == path
    error = error_of(
        structure.org.exceptions.ConstraintViolationException,
        structure.org.create_organizational_unit,
        ParentId=parent,
        Name="Level 6",
    )
    assert (error["reason"], error["message"]) == (
        "OU_DEPTH_LIMIT_EXCEEDED",
        "You attempted to create an OU tree that is too many levels deep.",
    )


def test_ou_errors(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Taken")
    structure.unit(unit, "Inner")
    error = error_of(
        org.exceptions.DuplicateOrganizationalUnitException,
        org.create_organizational_unit,
        ParentId=structure.root,
        Name="Taken",
    )
    assert error["message"] == "An OU with the same name already exists."
    error = error_of(
        org.exceptions.ParentNotFoundException, org.create_organizational_unit, ParentId="ou-zzzz-zzzzzzzz", Name="X"
    )
    assert error["message"] == "We can't find a root or OU with the ParentId that you specified."
    error = error_of(
        org.exceptions.OrganizationalUnitNotEmptyException, org.delete_organizational_unit, OrganizationalUnitId=unit
    )
    assert error["message"].startswith("The specified OU is not empty.")
    error = error_of(
        org.exceptions.InvalidInputException, org.create_organizational_unit, ParentId="not-a-parent", Name="X"
    )
    assert error["reason"] == "INVALID_PATTERN"


def test_the_ou_paginator_and_list_children_over_several_pages(structure):
    org = structure.org
    units = sorted(structure.unit(structure.root, f"OU {n}") for n in range(5))
    pages = structure.paginate(
        "list_organizational_units_for_parent", "OrganizationalUnits", 2, ParentId=structure.root
    )
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [u["Id"] for page in pages for u in page] == units
    pages = structure.paginate(
        "list_children", "Children", 2, ParentId=structure.root, ChildType="ORGANIZATIONAL_UNIT"
    )
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [c for page in pages for c in page] == [{"Id": u, "Type": "ORGANIZATIONAL_UNIT"} for u in units]
    accounts = sorted([structure.management, *structure.members])
    pages = structure.paginate("list_children", "Children", 2, ParentId=structure.root, ChildType="ACCOUNT")
    assert [len(p) for p in pages] == [2, 1]
    assert [c["Id"] for page in pages for c in page] == accounts
    error = error_of(
        org.exceptions.InvalidInputException,
        org.list_children,
        ParentId=structure.root,
        ChildType="ACCOUNT",
        NextToken="forged",
    )
    assert error["reason"] == "INVALID_NEXT_TOKEN"


def test_list_parents(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Unit")
    nested = structure.unit(unit, "Nested")
    assert org.list_parents(ChildId=nested)["Parents"] == [{"Id": unit, "Type": "ORGANIZATIONAL_UNIT"}]
    assert org.list_parents(ChildId=structure.members[0])["Parents"] == [{"Id": structure.root, "Type": "ROOT"}]
    pages = list(org.get_paginator("list_parents").paginate(ChildId=unit))
    assert [p["Parents"] for p in pages] == [[{"Id": structure.root, "Type": "ROOT"}]]
    error = error_of(org.exceptions.ChildNotFoundException, org.list_parents, ChildId="ou-zzzz-zzzzzzzz")
    assert error["message"].startswith("We can't find an organizational unit (OU) or Amazon Web Services account")


# --------------------------------------------------- accounts in the tree


def test_move_account_and_paths(structure):
    org = structure.org
    alpha, beta = structure.members
    a = structure.unit(structure.root, "A")
    b = structure.unit(a, "B")
    structure.move(alpha, structure.root, b)
    account = org.describe_account(AccountId=alpha)["Account"]
    assert account["Paths"] == [f"{structure.id}/{structure.root}/{a}/{b}/{alpha}/"]
    assert account["Name"] == "Alpha" and account["Status"] == "ACTIVE" and account["JoinedMethod"] == "CREATED"
    assert isinstance(account["JoinedTimestamp"], datetime.datetime)
    assert org.list_parents(ChildId=alpha)["Parents"] == [{"Id": b, "Type": "ORGANIZATIONAL_UNIT"}]
    structure.move(alpha, b, a)
    listed = {a_["Id"]: a_ for page in org.get_paginator("list_accounts").paginate() for a_ in page["Accounts"]}
    assert listed[alpha]["Paths"] == [f"{structure.id}/{structure.root}/{a}/{alpha}/"]
    assert listed[beta]["Paths"] == [f"{structure.id}/{structure.root}/{beta}/"]


def test_move_account_errors(structure):
    org = structure.org
    alpha = structure.members[0]
    unit = structure.unit(structure.root, "Unit")
    other = structure.unit(structure.root, "Other")
    cases = [
        (org.exceptions.SourceParentNotFoundException, {"AccountId": alpha, "SourceParentId": unit, "DestinationParentId": other},
         "We can't find a source root or OU with the ParentId that you specified."),
        (org.exceptions.DestinationParentNotFoundException, {"AccountId": alpha, "SourceParentId": structure.root, "DestinationParentId": "ou-zzzz-zzzzzzzz"},
         "We can't find the destination container (a root or OU) with the ParentId that you specified."),
        (org.exceptions.DuplicateAccountException, {"AccountId": alpha, "SourceParentId": structure.root, "DestinationParentId": structure.root},
         "That account is already present in the specified destination."),
        (org.exceptions.AccountNotFoundException, {"AccountId": new_account(), "SourceParentId": structure.root, "DestinationParentId": unit},
         "You specified an account that doesn't exist."),
    ]  # fmt: skip
    for exception, params, message in cases:
        assert error_of(exception, org.move_account, **params)["message"] == message
    error = error_of(org.exceptions.AccountNotFoundException, org.describe_account, AccountId=new_account())
    assert error["message"] == "You specified an account that doesn't exist."


def test_the_accounts_for_parent_paginator(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Unit")
    moved = sorted([structure.create_account(f"In unit {n}") for n in range(4)] + structure.members)
    for account in moved:
        structure.move(account, structure.root, unit)
    pages = structure.paginate("list_accounts_for_parent", "Accounts", 4, ParentId=unit)
    assert [len(p) for p in pages] == [4, 2]
    listed = [a for page in pages for a in page]
    assert [a["Id"] for a in listed] == moved
    assert all(a["Paths"] == [f"{structure.id}/{structure.root}/{unit}/{a['Id']}/"] for a in listed)
    assert [a["Id"] for a in org.list_accounts_for_parent(ParentId=structure.root)["Accounts"]] == [structure.management]


def test_the_cli_auto_paginates_list_children(structure, aws_cli):
    aws = aws_cli(structure.server, structure.management)
    for n in range(3):
        structure.create_account(f"Extra {n}")
    expected = sorted(
        c["Id"]
        for page in structure.org.get_paginator("list_children").paginate(ParentId=structure.root, ChildType="ACCOUNT")
        for c in page["Children"]
    )
    assert len(expected) == 6
    listed = aws.json(
        "organizations", "list-children", "--parent-id", structure.root, "--child-type", "ACCOUNT", "--page-size", "2"
    )
    assert [c["Id"] for c in listed["Children"]] == expected and "NextToken" not in listed
    # --max-items stops after some pages and hands out the CLI's own token.
    first = aws.json(
        "organizations", "list-children", "--parent-id", structure.root, "--child-type", "ACCOUNT",
        "--page-size", "2", "--max-items", "3",
    )  # fmt: skip
    assert [c["Id"] for c in first["Children"]] == expected[:3]
    rest = aws.json(
        "organizations", "list-children", "--parent-id", structure.root, "--child-type", "ACCOUNT",
        "--page-size", "2", "--starting-token", first["NextToken"],
    )  # fmt: skip
    assert [c["Id"] for c in rest["Children"]] == expected[3:]
    units = [structure.unit(structure.root, f"CLI {n}") for n in range(3)]
    listed = aws.json(
        "organizations", "list-organizational-units-for-parent", "--parent-id", structure.root, "--page-size", "1"
    )
    assert sorted(u["Id"] for u in listed["OrganizationalUnits"]) == sorted(units)
    line = aws.error("organizations", "describe-organizational-unit", "--organizational-unit-id", "ou-zzzz-zzzzzzzz")
    assert "(OrganizationalUnitNotFoundException)" in line


def test_the_cli_moves_an_account_and_describes_it(structure, aws_cli):
    aws = aws_cli(structure.server, structure.management)
    unit = aws.json(
        "organizations", "create-organizational-unit", "--parent-id", structure.root, "--name", "From CLI"
    )["OrganizationalUnit"]["Id"]
    alpha = structure.members[0]
    moved = aws(
        "organizations", "move-account", "--account-id", alpha,
        "--source-parent-id", structure.root, "--destination-parent-id", unit,
    )  # fmt: skip
    assert moved.stdout == ""
    described = aws.json("organizations", "describe-account", "--account-id", alpha)
    assert described["Account"]["Paths"] == [f"{structure.id}/{structure.root}/{unit}/{alpha}/"]
    line = aws.error(
        "organizations", "move-account", "--account-id", alpha,
        "--source-parent-id", unit, "--destination-parent-id", unit,
    )  # fmt: skip
    assert line == (
        "An error occurred (DuplicateAccountException) when calling the MoveAccount operation: "
        "That account is already present in the specified destination."
    )


# -------------------------------------------------------------------- tags


def test_tags_on_the_root_an_ou_an_account_and_a_policy(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Tagged", Tags=[{"Key": "made", "Value": "with"}])
    policy = structure.policy("Tagged")
    for resource in [structure.root, unit, structure.members[0], policy]:
        org.tag_resource(ResourceId=resource, Tags=[{"Key": "team", "Value": "platform"}, {"Key": "env", "Value": "prod"}])
        pages = list(org.get_paginator("list_tags_for_resource").paginate(ResourceId=resource))
        tags = [t for page in pages for t in page["Tags"]]
        assert {t["Key"]: t["Value"] for t in tags}.items() >= {"team": "platform", "env": "prod"}.items()
        org.untag_resource(ResourceId=resource, TagKeys=["team"])
        assert "team" not in {t["Key"] for t in org.list_tags_for_resource(ResourceId=resource)["Tags"]}
    assert org.list_tags_for_resource(ResourceId=unit)["Tags"] == [
        {"Key": "env", "Value": "prod"},
        {"Key": "made", "Value": "with"},
    ]


def test_tag_errors(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Unit")
    error = error_of(
        org.exceptions.InvalidInputException,
        org.tag_resource,
        ResourceId=unit,
        Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}],
    )
    assert error["reason"] == "DUPLICATE_TAG_KEY"
    org.tag_resource(ResourceId=unit, Tags=[{"Key": f"k{n:02}", "Value": "v"} for n in range(50)])
    error = error_of(
        org.exceptions.ConstraintViolationException,
        org.tag_resource,
        ResourceId=unit,
        Tags=[{"Key": "one-too-many", "Value": "v"}],
    )
    assert (error["reason"], error["message"]) == (
        "MAX_TAG_LIMIT_EXCEEDED",
        "You have exceeded the number of tags allowed on this resource.",
    )
    for resource in ["ou-zzzz-zzzzzzzz", new_account(), FULL_AWS_ACCESS]:
        error = error_of(org.exceptions.TargetNotFoundException, org.list_tags_for_resource, ResourceId=resource)
        assert error["message"] == "We can't find a root, OU, account, or policy with the TargetId that you specified."


# -------------------------------------------------------------------- SCPs


def test_scp_lifecycle(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Before")
    root = structure.enable_scps()["Root"]
    assert root["PolicyTypes"] == [{"Type": SCP, "Status": "ENABLED"}]
    assert org.describe_organization()["Organization"]["AvailablePolicyTypes"] == [{"Type": SCP, "Status": "ENABLED"}]
    later = structure.unit(structure.root, "After")
    for target in [structure.root, unit, later, structure.management, *structure.members]:
        assert structure.attached(target) == [FULL_AWS_ACCESS], target
    policy = structure.policy("DenyS3")
    described = org.describe_policy(PolicyId=policy)["Policy"]
    assert described["PolicySummary"]["Arn"] == (
        f"arn:aws:organizations::{structure.management}:policy/{structure.id}/service_control_policy/{policy}"
    )
    assert described["PolicySummary"]["AwsManaged"] is False
    assert described["Content"] == deny("s3:DenyS3")
    org.attach_policy(PolicyId=policy, TargetId=unit)
    assert structure.attached(unit) == [FULL_AWS_ACCESS, policy]
    pages = org.get_paginator("list_targets_for_policy").paginate(PolicyId=policy)
    assert [t for page in pages for t in page["Targets"]] == [
        {
            "TargetId": unit,
            "Arn": f"arn:aws:organizations::{structure.management}:ou/{structure.id}/{unit}",
            "Name": "Before",
            "Type": "ORGANIZATIONAL_UNIT",
        }
    ]
    updated = org.update_policy(PolicyId=policy, Name="DenyS3Writes", Content=deny("s3:Put*"))["Policy"]
    assert (updated["PolicySummary"]["Name"], updated["Content"]) == ("DenyS3Writes", deny("s3:Put*"))
    error = error_of(org.exceptions.PolicyInUseException, org.delete_policy, PolicyId=policy)
    assert error["message"].startswith("The policy is attached to one or more entities.")
    org.detach_policy(PolicyId=policy, TargetId=unit)
    org.delete_policy(PolicyId=policy)
    error_of(org.exceptions.PolicyNotFoundException, org.describe_policy, PolicyId=policy)
    disabled = org.disable_policy_type(RootId=structure.root, PolicyType=SCP)["Root"]
    assert disabled["PolicyTypes"] == []
    assert structure.attached(unit) == []


def test_the_list_policies_paginator(structure):
    made = sorted(structure.policy(f"P{n}") for n in range(4))
    pages = structure.paginate("list_policies", "Policies", 2, Filter=SCP)
    assert [len(p) for p in pages] == [2, 2, 1]
    policies = [p for page in pages for p in page]
    assert [p["Id"] for p in policies] == [FULL_AWS_ACCESS, *made]
    assert policies[0] == {
        "Id": FULL_AWS_ACCESS,
        "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
        "Name": "FullAWSAccess",
        "Description": "Allows access to every operation",
        "Type": SCP,
        "AwsManaged": True,
    }


def test_attachment_limits(structure):
    org = structure.org
    unit = structure.unit(structure.root, "Unit")
    policies = [structure.policy(f"P{n}") for n in range(5)]
    error = error_of(org.exceptions.PolicyTypeNotEnabledException, org.attach_policy, PolicyId=policies[0], TargetId=unit)
    assert error["message"].startswith("The specified policy type isn't currently enabled in this root.")
    structure.enable_scps()
    for policy in policies[:4]:
        org.attach_policy(PolicyId=policy, TargetId=unit)
    error = error_of(org.exceptions.ConstraintViolationException, org.attach_policy, PolicyId=policies[4], TargetId=unit)
    assert error["reason"] == "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"
    error_of(org.exceptions.DuplicatePolicyAttachmentException, org.attach_policy, PolicyId=policies[0], TargetId=unit)
    error = error_of(
        org.exceptions.ConstraintViolationException, org.detach_policy, PolicyId=FULL_AWS_ACCESS, TargetId=structure.root
    )
    assert (error["reason"], error["message"]) == ("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", LAST_POLICY)
    error_of(org.exceptions.PolicyNotAttachedException, org.detach_policy, PolicyId=policies[0], TargetId=structure.root)
    error_of(org.exceptions.TargetNotFoundException, org.attach_policy, PolicyId=policies[0], TargetId="ou-zzzz-zzzzzzzz")
    error_of(org.exceptions.PolicyTypeAlreadyEnabledException, org.enable_policy_type, RootId=structure.root, PolicyType=SCP)
    error_of(org.exceptions.RootNotFoundException, org.enable_policy_type, RootId="r-zzzz", PolicyType=SCP)


def test_policy_content_rules(structure):
    org = structure.org
    error = error_of(
        org.exceptions.MalformedPolicyDocumentException,
        org.create_policy,
        Name="Bad",
        Description="",
        Type=SCP,
        Content='{"Statement": []}',
    )
    assert error["message"] == MALFORMED
    error = error_of(
        org.exceptions.ConstraintViolationException,
        org.create_policy,
        Name="Huge",
        Description="",
        Type=SCP,
        Content=" " * 5121,
    )
    assert error["reason"] == "POLICY_CONTENT_LIMIT_EXCEEDED"
    structure.policy("Exactly", " " * (5120 - len(deny("*"))) + deny("*"))
    error = error_of(org.exceptions.InvalidInputException, org.update_policy, PolicyId=FULL_AWS_ACCESS, Name="Mine")
    assert error["reason"] == "IMMUTABLE_POLICY"
    error = error_of(org.exceptions.InvalidInputException, org.delete_policy, PolicyId=FULL_AWS_ACCESS)
    assert error["reason"] == "IMMUTABLE_POLICY"
    error_of(
        org.exceptions.DuplicatePolicyException,
        org.create_policy,
        Name="Exactly",
        Description="",
        Type=SCP,
        Content=deny("*"),
    )
    error_of(
        org.exceptions.PolicyTypeNotAvailableForOrganizationException,
        org.enable_policy_type,
        RootId=structure.root,
        PolicyType="TAG_POLICY",
    )


# ------------------------------------------- requests, delegated services


def test_list_create_account_status(structure):
    org = structure.org
    pages = org.get_paginator("list_create_account_status").paginate(PaginationConfig={"PageSize": 1})
    pages = list(pages)
    assert len(pages) == 2
    statuses = [s for page in pages for s in page["CreateAccountStatuses"]]
    assert sorted(s["AccountId"] for s in statuses) == sorted(structure.members)
    assert {s["State"] for s in statuses} == {"SUCCEEDED"}
    assert org.list_create_account_status(States=["FAILED"])["CreateAccountStatuses"] == []


def test_list_delegated_services_for_account(structure):
    org = structure.org
    admin = structure.members[0]
    error = error_of(org.exceptions.AccountNotRegisteredException, org.list_delegated_services_for_account, AccountId=admin)
    assert error["message"] == "The provided account is not a registered delegated administrator for your organization."
    structure.enable_trusted_access()
    structure.delegate_to(admin)
    services = org.list_delegated_services_for_account(AccountId=admin)["DelegatedServices"]
    assert [s["ServicePrincipal"] for s in services] == [ACCOUNT]
    assert isinstance(services[0]["DelegationEnabledDate"], datetime.datetime)


def test_unknown_service_principals_are_refused(structure):
    org = structure.org
    for call in [org.enable_aws_service_access, org.disable_aws_service_access, org.list_delegated_administrators]:
        error = error_of(org.exceptions.InvalidInputException, call, ServicePrincipal="nothing.amazonaws.com")
        assert error["reason"] == "UNRECOGNIZED_SERVICE_PRINCIPAL"


# -------------------------------------------------------------- who may call


def test_members_are_denied_and_the_delegated_administrator_only_reads(structure):
    admin_id, member_id = structure.members
    structure.enable_trusted_access()
    structure.delegate_to(admin_id)
    unit = structure.unit(structure.root, "Unit")
    admin = structure.server.organizations(admin_id)
    member = structure.server.organizations(member_id)
    reads = [
        ("list_roots", {}),
        ("describe_organizational_unit", {"OrganizationalUnitId": unit}),
        ("list_organizational_units_for_parent", {"ParentId": structure.root}),
        ("list_children", {"ParentId": structure.root, "ChildType": "ACCOUNT"}),
        ("list_parents", {"ChildId": member_id}),
        ("list_accounts_for_parent", {"ParentId": structure.root}),
        ("describe_account", {"AccountId": member_id}),
        ("list_tags_for_resource", {"ResourceId": unit}),
        ("list_policies", {"Filter": SCP}),
        ("list_create_account_status", {}),
    ]
    writes = [
        ("create_organizational_unit", {"ParentId": structure.root, "Name": "Denied"}),
        ("update_organizational_unit", {"OrganizationalUnitId": unit, "Name": "Denied"}),
        ("delete_organizational_unit", {"OrganizationalUnitId": unit}),
        ("move_account", {"AccountId": member_id, "SourceParentId": structure.root, "DestinationParentId": unit}),
        ("tag_resource", {"ResourceId": unit, "Tags": [{"Key": "k", "Value": "v"}]}),
        ("enable_policy_type", {"RootId": structure.root, "PolicyType": SCP}),
        ("create_policy", {"Name": "Denied", "Description": "", "Type": SCP, "Content": deny("*")}),
    ]
    for operation, params in reads:
        assert getattr(admin, operation)(**params)["ResponseMetadata"]["HTTPStatusCode"] == 200, operation
    for operation, params in reads + writes:
        error = error_of(member.exceptions.AccessDeniedException, getattr(member, operation), **params)
        assert error["message"] == ACCESS_DENIED, operation
    for operation, params in writes:
        error = error_of(admin.exceptions.AccessDeniedException, getattr(admin, operation), **params)
        assert error["message"] == ACCESS_DENIED, operation
    outsider = structure.server.organizations(new_account())
    error = api_error(outsider.list_roots, exception=outsider.exceptions.AWSOrganizationsNotInUseException)
    assert error["message"] == "Your account is not a member of an organization."
