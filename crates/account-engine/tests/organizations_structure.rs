//! The structure of an organization over the Organizations JSON 1.1 wire:
//! the root, OUs (create, nest, describe, rename, delete, list), children
//! and parents, MoveAccount with each of its errors, DescribeAccount and the
//! `Paths` of accounts, ListCreateAccountStatus,
//! ListDelegatedServicesForAccount, the service principals the service
//! knows, who may call what, and that snapshots and reads keep the state.

mod common;

use account_engine::OrgOperation;
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const OUTSIDER: &str = "444444444444";
const ACCOUNT: &str = "account.amazonaws.com";

const ACCESS_DENIED: &str = "You don't have permissions to access this resource.";
const NOT_IN_USE: &str = "Your account is not a member of an organization.";
const ACCOUNT_NOT_FOUND: &str = "You specified an account that doesn't exist.";
const NOT_REGISTERED: &str =
    "The provided account is not a registered delegated administrator for your organization.";
const OU_NOT_FOUND: &str = "We can't find an OU with the OrganizationalUnitId that you specified.";
const PARENT_NOT_FOUND: &str = "We can't find a root or OU with the ParentId that you specified.";
const DUPLICATE_OU: &str = "An OU with the same name already exists.";
const OU_NOT_EMPTY: &str = "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.";
const CHILD_NOT_FOUND: &str = "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.";
const SOURCE_NOT_FOUND: &str =
    "We can't find a source root or OU with the ParentId that you specified.";
const DESTINATION_NOT_FOUND: &str =
    "We can't find the destination container (a root or OU) with the ParentId that you specified.";
const DUPLICATE_ACCOUNT: &str = "That account is already present in the specified destination.";
const OU_DEPTH: &str = "You attempted to create an OU tree that is too many levels deep.";
/// Observed (boto/boto3#4565, aws-ia/terraform-aws-control_tower_account_factory#149,
/// RoadieHQ/roadie-backstage-plugins#1391), and what moto says too; the
/// model's description of INVALID_PATTERN reads "doesn't match".
const INVALID_PATTERN: &str = "You provided a value that does not match the required pattern.";

/// An organization managed by MANAGEMENT, made through the API.
struct Org {
    sandbox: Sandbox,
    id: String,
    root: String,
}

impl Org {
    fn new() -> Self {
        let mut sandbox = sandbox();
        let id = sandbox
            .org_as(MANAGEMENT, "CreateOrganization", json!({}))
            .ok()["Organization"]["Id"]
            .as_str()
            .unwrap()
            .to_owned();
        let root = sandbox.org_as(MANAGEMENT, "ListRoots", json!({})).ok()["Roots"][0]["Id"]
            .as_str()
            .unwrap()
            .to_owned();
        Self { sandbox, id, root }
    }

    fn call(&mut self, operation: &str, body: Value) -> OrgReply {
        self.sandbox.org_as(MANAGEMENT, operation, body)
    }

    fn call_as(&mut self, caller: &str, operation: &str, body: Value) -> OrgReply {
        self.sandbox.org_as(caller, operation, body)
    }

    /// A member made by CreateAccount; its id.
    fn account(&mut self, name: &str) -> String {
        let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
        let started = self.call(
            "CreateAccount",
            json!({"AccountName": name, "Email": email}),
        );
        let request = started.ok()["CreateAccountStatus"]["Id"].clone();
        self.call(
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": request}),
        )
        .ok()["CreateAccountStatus"]["AccountId"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// A new OU under `parent`; its id.
    fn unit(&mut self, parent: &str, name: &str) -> String {
        self.call(
            "CreateOrganizationalUnit",
            json!({"ParentId": parent, "Name": name}),
        )
        .ok()["OrganizationalUnit"]["Id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn move_account(&mut self, account: &str, from: &str, to: &str) -> OrgReply {
        self.call(
            "MoveAccount",
            json!({"AccountId": account, "SourceParentId": from, "DestinationParentId": to}),
        )
    }

    /// Trusted access for Account Management and `account` its delegated
    /// administrator.
    fn delegate(&mut self, account: &str) {
        self.call(
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": ACCOUNT}),
        )
        .ok();
        self.call(
            "RegisterDelegatedAdministrator",
            json!({"AccountId": account, "ServicePrincipal": ACCOUNT}),
        )
        .ok();
    }

    fn unit_path(&mut self, unit: &str) -> String {
        self.call(
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": unit}),
        )
        .ok()["OrganizationalUnit"]["Path"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn account_paths(&mut self, account: &str) -> Value {
        self.call("DescribeAccount", json!({"AccountId": account}))
            .ok()["Account"]["Paths"]
            .clone()
    }

    fn parents(&mut self, child: &str) -> Value {
        self.call("ListParents", json!({"ChildId": child})).ok()["Parents"].clone()
    }

    /// Every page of a list operation as `caller`, `size` entries a page;
    /// each but the last is full and carries a NextToken.
    fn pages(
        &mut self,
        operation: &str,
        body: Value,
        key: &str,
        size: Option<usize>,
    ) -> Vec<Vec<Value>> {
        let mut pages = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut request = body.clone();
            if let Some(n) = size {
                request["MaxResults"] = json!(n);
            }
            if let Some(t) = &token {
                request["NextToken"] = json!(t);
            }
            let reply = self.call(operation, request);
            let page = reply.ok();
            let entries = page[key].as_array().unwrap().clone();
            let next = page
                .get("NextToken")
                .map(|t| t.as_str().unwrap().to_owned());
            if next.is_some() {
                assert_eq!(
                    entries.len(),
                    size.unwrap_or(20),
                    "{operation}: a short page before the last"
                );
            }
            pages.push(entries);
            match next {
                Some(t) => token = Some(t),
                None => return pages,
            }
        }
    }

    /// Every entry's `Id` over all pages.
    fn all_ids(
        &mut self,
        operation: &str,
        body: Value,
        key: &str,
        size: Option<usize>,
    ) -> Vec<String> {
        self.pages(operation, body, key, size)
            .into_iter()
            .flatten()
            .map(|e| e["Id"].as_str().unwrap().to_owned())
            .collect()
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn is_lower_alnum(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

// ---------------------------------------------------------------- ListRoots

#[test]
fn list_roots_shows_the_one_root_with_its_id_and_arn() {
    let mut org = Org::new();
    let reply = org.call("ListRoots", json!({}));
    let roots = reply.ok()["Roots"].as_array().unwrap().clone();
    assert_eq!(roots.len(), 1);
    let root = &roots[0];
    let id = root["Id"].as_str().unwrap();
    assert!(
        id.starts_with("r-") && id.len() == 6 && is_lower_alnum(&id[2..]),
        "{id}"
    );
    assert_eq!(
        root,
        &json!({
            "Id": id,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:root/{}/{id}", org.id),
            "Name": "Root",
            "PolicyTypes": [],
        })
    );
    assert!(reply.ok().get("NextToken").is_none());
    // A page of one holds it all.
    let one = org.call("ListRoots", json!({"MaxResults": 1}));
    assert_eq!(one.ok()["Roots"], json!(roots));
    assert!(one.ok().get("NextToken").is_none());
}

#[test]
fn list_roots_checks_its_page_arguments() {
    let mut org = Org::new();
    org.call("ListRoots", json!({"MaxResults": 0}))
        .assert_invalid("MIN_VALUE_EXCEEDED");
    org.call("ListRoots", json!({"MaxResults": 21}))
        .assert_invalid("MAX_VALUE_EXCEEDED");
    org.call("ListRoots", json!({"NextToken": "bogus"}))
        .assert_invalid("INVALID_NEXT_TOKEN");
    org.call_as(OUTSIDER, "ListRoots", json!({}))
        .assert_error("AWSOrganizationsNotInUseException", NOT_IN_USE);
}

#[test]
fn organizations_have_distinct_roots() {
    let mut org = Org::new();
    let other = org.call_as(OUTSIDER, "CreateOrganization", json!({})).ok()["Organization"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other_root = org.call_as(OUTSIDER, "ListRoots", json!({})).ok()["Roots"][0]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(other, org.id);
    assert_ne!(other_root, org.root);
    // Each root derives from its organization's id.
    assert_eq!(&org.root[2..], &org.id[2..6]);
    assert_eq!(&other_root[2..], &other[2..6]);
}

// ---------------------------------------------------- CreateOrganizationalUnit

#[test]
fn create_organizational_unit_answers_its_id_arn_name_and_path() {
    let mut org = Org::new();
    let reply = org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": org.root, "Name": "Workloads"}),
    );
    let unit = reply.ok()["OrganizationalUnit"].clone();
    let id = unit["Id"].as_str().unwrap().to_owned();
    let (prefix, suffix) = id.rsplit_once('-').unwrap();
    assert_eq!(prefix, format!("ou-{}", &org.root[2..]), "{id}");
    assert!(suffix.len() == 8 && is_lower_alnum(suffix), "{id}");
    assert_eq!(
        unit,
        json!({
            "Id": id,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:ou/{}/{id}", org.id),
            "Name": "Workloads",
            "Path": format!("{}/{}/{id}/", org.id, org.root),
        })
    );
    let described = org.call(
        "DescribeOrganizationalUnit",
        json!({"OrganizationalUnitId": id}),
    );
    assert_eq!(described.ok()["OrganizationalUnit"], unit);
}

#[test]
fn organizational_units_nest_five_deep_and_no_deeper() {
    let mut org = Org::new();
    let mut parent = org.root.clone();
    let mut path = format!("{}/{}/", org.id, org.root);
    for level in 1..=5 {
        let id = org.unit(&parent, &format!("Level {level}"));
        path.push_str(&format!("{id}/"));
        assert_eq!(org.unit_path(&id), path, "level {level}");
        assert_eq!(
            org.parents(&id),
            json!([{"Id": parent, "Type": if level == 1 { "ROOT" } else { "ORGANIZATIONAL_UNIT" }}])
        );
        parent = id;
    }
    let before = org.sandbox.engine.snapshot();
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": parent, "Name": "Level 6"}),
    )
    .assert_reason(
        "ConstraintViolationException",
        "OU_DEPTH_LIMIT_EXCEEDED",
        OU_DEPTH,
    );
    assert_eq!(
        org.sandbox.engine.snapshot(),
        before,
        "the refused OU is not made"
    );
    // A sibling at level 5 is still fine.
    let level4 = org.parents(&parent)[0]["Id"].as_str().unwrap().to_owned();
    org.unit(&level4, "Another level 5");
}

#[test]
fn ou_names_are_unique_among_siblings_only() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "Shared");
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "Shared"}),
    )
    .assert_error("DuplicateOrganizationalUnitException", DUPLICATE_OU);
    // The same name under another parent, and names differing in case.
    org.unit(&a, "Shared");
    org.unit(&root, "shared");
    let names: Vec<Value> = org
        .pages(
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": root}),
            "OrganizationalUnits",
            None,
        )
        .concat()
        .iter()
        .map(|u| u["Name"].clone())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&json!("Shared")) && names.contains(&json!("shared")));
}

#[test]
fn a_value_off_its_pattern_gets_the_observed_message() {
    let mut org = Org::new();
    let root = org.root.clone();
    let cases = [
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": "root", "Name": "X"}),
        ),
        (
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": root}),
        ),
        ("ListParents", json!({"ChildId": root})),
        ("DescribeAccount", json!({"AccountId": "abc"})),
        ("ListTagsForResource", json!({"ResourceId": "x"})),
    ];
    for (operation, body) in cases {
        org.call(operation, body).assert_reason(
            "InvalidInputException",
            "INVALID_PATTERN",
            INVALID_PATTERN,
        );
    }
}

#[test]
fn create_organizational_unit_checks_its_input_and_parent() {
    let mut org = Org::new();
    let root = org.root.clone();
    let member = org.account("Member");
    let cases: Vec<(Value, &str)> = vec![
        (json!({"Name": "X"}), "INPUT_REQUIRED"),
        (json!({"ParentId": root}), "INPUT_REQUIRED"),
        (json!({"ParentId": root, "Name": ""}), "MIN_LENGTH_EXCEEDED"),
        (
            json!({"ParentId": root, "Name": "n".repeat(129)}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (json!({"ParentId": "root", "Name": "X"}), "INVALID_PATTERN"),
        (
            json!({"ParentId": "R-ABCD", "Name": "X"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"ParentId": "ou-abcd-1234567", "Name": "X"}),
            "INVALID_PATTERN",
        ),
        // An account is no parent.
        (json!({"ParentId": member, "Name": "X"}), "INVALID_PATTERN"),
        (
            json!({"ParentId": format!("r-{}", "a".repeat(99)), "Name": "X"}),
            "MAX_LENGTH_EXCEEDED",
        ),
    ];
    for (body, reason) in cases {
        org.call("CreateOrganizationalUnit", body.clone())
            .assert_invalid(reason);
    }
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "n".repeat(128)}),
    )
    .ok();
    for parent in [
        "r-zzzz",
        "ou-zzzz-zzzzzzzz",
        &format!("ou-{}-00000000", &root[2..]),
    ] {
        org.call(
            "CreateOrganizationalUnit",
            json!({"ParentId": parent, "Name": "X"}),
        )
        .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    }
}

#[test]
fn another_organizations_root_and_ous_are_not_found() {
    let mut org = Org::new();
    org.call_as(OUTSIDER, "CreateOrganization", json!({})).ok();
    let their_root = org.call_as(OUTSIDER, "ListRoots", json!({})).ok()["Roots"][0]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    let theirs = org
        .call_as(
            OUTSIDER,
            "CreateOrganizationalUnit",
            json!({"ParentId": their_root, "Name": "Theirs"}),
        )
        .ok()["OrganizationalUnit"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": their_root, "Name": "X"}),
    )
    .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    org.call(
        "DescribeOrganizationalUnit",
        json!({"OrganizationalUnitId": theirs}),
    )
    .assert_error("OrganizationalUnitNotFoundException", OU_NOT_FOUND);
    org.call(
        "ListChildren",
        json!({"ParentId": theirs, "ChildType": "ACCOUNT"}),
    )
    .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    org.call("ListParents", json!({"ChildId": theirs}))
        .assert_error("ChildNotFoundException", CHILD_NOT_FOUND);
    org.call("DescribeAccount", json!({"AccountId": OUTSIDER}))
        .assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
}

// -------------------------------------------------- DescribeOrganizationalUnit

#[test]
fn describe_organizational_unit_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "INPUT_REQUIRED"),
        (json!({"OrganizationalUnitId": root}), "INVALID_PATTERN"),
        (
            json!({"OrganizationalUnitId": "ou-abc-12345678"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"OrganizationalUnitId": format!("ou-{}-{}", "a".repeat(32), "b".repeat(33))}),
            "MAX_LENGTH_EXCEEDED",
        ),
    ];
    for (body, reason) in cases {
        org.call("DescribeOrganizationalUnit", body)
            .assert_invalid(reason);
    }
    org.call(
        "DescribeOrganizationalUnit",
        json!({"OrganizationalUnitId": "ou-abcd-12345678"}),
    )
    .assert_error("OrganizationalUnitNotFoundException", OU_NOT_FOUND);
}

// ---------------------------------------------------- UpdateOrganizationalUnit

#[test]
fn update_organizational_unit_renames_and_keeps_id_and_path() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Old");
    let path = org.unit_path(&unit);
    let reply = org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": unit, "Name": "New"}),
    );
    let updated = reply.ok()["OrganizationalUnit"].clone();
    assert_eq!(
        (updated["Id"].as_str(), updated["Name"].as_str()),
        (Some(unit.as_str()), Some("New"))
    );
    assert_eq!(updated["Path"], json!(path));
    let described = org.call(
        "DescribeOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    );
    assert_eq!(described.ok()["OrganizationalUnit"], updated);
    // Its own name again, and no name at all, change nothing.
    for body in [
        json!({"OrganizationalUnitId": unit, "Name": "New"}),
        json!({"OrganizationalUnitId": unit}),
    ] {
        assert_eq!(
            org.call("UpdateOrganizationalUnit", body).ok()["OrganizationalUnit"],
            updated
        );
    }
}

#[test]
fn update_organizational_unit_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    let b = org.unit(&root, "B");
    let child = org.unit(&a, "Child");
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": b, "Name": "A"}),
    )
    .assert_error("DuplicateOrganizationalUnitException", DUPLICATE_OU);
    // A name used under another parent is free here.
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": child, "Name": "B"}),
    )
    .ok();
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": b, "Name": ""}),
    )
    .assert_invalid("MIN_LENGTH_EXCEEDED");
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": b, "Name": "x".repeat(129)}),
    )
    .assert_invalid("MAX_LENGTH_EXCEEDED");
    org.call("UpdateOrganizationalUnit", json!({"Name": "X"}))
        .assert_invalid("INPUT_REQUIRED");
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": "ou-abcd-12345678", "Name": "X"}),
    )
    .assert_error("OrganizationalUnitNotFoundException", OU_NOT_FOUND);
}

// ---------------------------------------------------- DeleteOrganizationalUnit

#[test]
fn delete_organizational_unit_removes_an_empty_ou() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Gone");
    let reply = org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    );
    assert_eq!(reply.ok(), &json!({}));
    org.call(
        "DescribeOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    )
    .assert_error("OrganizationalUnitNotFoundException", OU_NOT_FOUND);
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    )
    .assert_error("OrganizationalUnitNotFoundException", OU_NOT_FOUND);
    assert_eq!(
        org.all_ids(
            "ListChildren",
            json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT"}),
            "Children",
            None
        ),
        Vec::<String>::new()
    );
    // Its name is free again.
    org.unit(&root, "Gone");
}

#[test]
fn delete_organizational_unit_refuses_an_ou_with_an_ou_or_an_account_in_it() {
    let mut org = Org::new();
    let root = org.root.clone();
    let outer = org.unit(&root, "Outer");
    let inner = org.unit(&outer, "Inner");
    let member = org.account("Member");
    org.move_account(&member, &root, &inner).ok();
    for unit in [&outer, &inner] {
        org.call(
            "DeleteOrganizationalUnit",
            json!({"OrganizationalUnitId": unit}),
        )
        .assert_error("OrganizationalUnitNotEmptyException", OU_NOT_EMPTY);
    }
    org.move_account(&member, &inner, &root).ok();
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": outer}),
    )
    .assert_error("OrganizationalUnitNotEmptyException", OU_NOT_EMPTY);
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": inner}),
    )
    .ok();
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": outer}),
    )
    .ok();
    org.call("DeleteOrganizationalUnit", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": root}),
    )
    .assert_invalid("INVALID_PATTERN");
}

// ------------------------------------------- ListOrganizationalUnitsForParent

#[test]
fn list_organizational_units_for_parent_pages_in_id_order() {
    let mut org = Org::new();
    let root = org.root.clone();
    let mut made: Vec<String> = (0..7)
        .map(|n| org.unit(&root, &format!("OU {n}")))
        .collect();
    let first = made[0].clone();
    let nested = org.unit(&first, "Nested");
    made.sort();
    let pages = org.pages(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root}),
        "OrganizationalUnits",
        Some(3),
    );
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1]);
    let listed: Vec<Value> = pages.concat();
    assert_eq!(
        listed
            .iter()
            .map(|u| u["Id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        made.iter().map(String::as_str).collect::<Vec<_>>()
    );
    // Each entry is DescribeOrganizationalUnit's.
    for entry in &listed {
        let described = org.call(
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": entry["Id"]}),
        );
        assert_eq!(&described.ok()["OrganizationalUnit"], entry);
    }
    let under = org.all_ids(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": first}),
        "OrganizationalUnits",
        None,
    );
    assert_eq!(under, vec![nested.as_str()]);
    let empty = org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": nested}),
    );
    assert_eq!(empty.ok(), &json!({"OrganizationalUnits": []}));
}

#[test]
fn list_organizational_units_for_parent_errors_and_token_binding() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    org.unit(&root, "B");
    org.unit(&a, "A1");
    org.unit(&a, "A2");
    let first = org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root, "MaxResults": 1}),
    );
    let token = first.ok()["NextToken"].as_str().unwrap().to_owned();
    // A token is good for the list it came from only.
    org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": a, "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
    org.call(
        "ListChildren",
        json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT", "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    for bad in [tampered.as_str(), "", "not-a-token"] {
        org.call(
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": root, "NextToken": bad}),
        )
        .assert_invalid("INVALID_NEXT_TOKEN");
    }
    org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root, "NextToken": token}),
    )
    .ok();
    org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root, "MaxResults": 0}),
    )
    .assert_invalid("MIN_VALUE_EXCEEDED");
    org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root, "MaxResults": 21}),
    )
    .assert_invalid("MAX_VALUE_EXCEEDED");
    org.call("ListOrganizationalUnitsForParent", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": "ou-abcd-12345678"}),
    )
    .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    let wrong_type = org.call(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root, "MaxResults": "2"}),
    );
    assert_eq!(wrong_type.body["__type"], "SerializationException");
}

// ------------------------------------------------------------- ListChildren

#[test]
fn list_children_lists_accounts_or_ous_directly_under_a_parent() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let nested = org.unit(&unit, "Nested");
    let a = org.account("A");
    let b = org.account("B");
    org.move_account(&b, &root, &unit).ok();
    let children = |org: &mut Org, parent: &str, kind: &str| {
        org.call(
            "ListChildren",
            json!({"ParentId": parent, "ChildType": kind}),
        )
        .ok()["Children"]
            .clone()
    };
    assert_eq!(
        children(&mut org, &root, "ACCOUNT"),
        json!(sorted(vec![MANAGEMENT.to_owned(), a.clone()])
            .iter()
            .map(|id| json!({"Id": id, "Type": "ACCOUNT"}))
            .collect::<Vec<_>>())
    );
    assert_eq!(
        children(&mut org, &root, "ORGANIZATIONAL_UNIT"),
        json!([{"Id": unit, "Type": "ORGANIZATIONAL_UNIT"}])
    );
    assert_eq!(
        children(&mut org, &unit, "ACCOUNT"),
        json!([{"Id": b, "Type": "ACCOUNT"}])
    );
    assert_eq!(
        children(&mut org, &unit, "ORGANIZATIONAL_UNIT"),
        json!([{"Id": nested, "Type": "ORGANIZATIONAL_UNIT"}])
    );
    assert_eq!(children(&mut org, &nested, "ACCOUNT"), json!([]));
}

#[test]
fn list_children_pages_with_max_results() {
    let mut org = Org::new();
    let root = org.root.clone();
    let mut accounts: Vec<String> = (0..6)
        .map(|n| org.account(&format!("Member {n}")))
        .collect();
    accounts.push(MANAGEMENT.to_owned());
    accounts.sort();
    let pages = org.pages(
        "ListChildren",
        json!({"ParentId": root, "ChildType": "ACCOUNT"}),
        "Children",
        Some(2),
    );
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 2, 1]);
    let ids: Vec<String> = pages
        .concat()
        .iter()
        .map(|c| c["Id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, accounts);
    // Twenty a page by default, and the maximum of 20 accepted.
    let units: Vec<String> = sorted(
        (0..21)
            .map(|n| org.unit(&root, &format!("OU {n:02}")))
            .collect(),
    );
    let default = org.pages(
        "ListChildren",
        json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT"}),
        "Children",
        None,
    );
    assert_eq!(default.iter().map(Vec::len).collect::<Vec<_>>(), [20, 1]);
    let max = org.pages(
        "ListChildren",
        json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT"}),
        "Children",
        Some(20),
    );
    assert_eq!(max, default);
    let listed: Vec<String> = default
        .concat()
        .iter()
        .map(|c| c["Id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, units);
}

#[test]
fn list_children_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let member = org.account("Member");
    let cases: Vec<(Value, &str)> = vec![
        (json!({"ChildType": "ACCOUNT"}), "INPUT_REQUIRED"),
        (json!({"ParentId": root}), "INPUT_REQUIRED"),
        (
            json!({"ParentId": root, "ChildType": "ROOT"}),
            "INVALID_ENUM",
        ),
        (
            json!({"ParentId": root, "ChildType": "account"}),
            "INVALID_ENUM",
        ),
        (
            json!({"ParentId": member, "ChildType": "ACCOUNT"}),
            "INVALID_PATTERN",
        ),
        (
            json!({"ParentId": root, "ChildType": "ACCOUNT", "MaxResults": 0}),
            "MIN_VALUE_EXCEEDED",
        ),
        (
            json!({"ParentId": root, "ChildType": "ACCOUNT", "MaxResults": 21}),
            "MAX_VALUE_EXCEEDED",
        ),
        (
            json!({"ParentId": root, "ChildType": "ACCOUNT", "NextToken": "x"}),
            "INVALID_NEXT_TOKEN",
        ),
    ];
    for (body, reason) in cases {
        org.call("ListChildren", body).assert_invalid(reason);
    }
    org.call(
        "ListChildren",
        json!({"ParentId": "r-zzzz", "ChildType": "ACCOUNT"}),
    )
    .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    // A token is bound to its child type too.
    org.account("Second");
    let token = org
        .call(
            "ListChildren",
            json!({"ParentId": root, "ChildType": "ACCOUNT", "MaxResults": 1}),
        )
        .ok()["NextToken"]
        .as_str()
        .unwrap()
        .to_owned();
    org.call(
        "ListChildren",
        json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT", "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
}

// -------------------------------------------------------------- ListParents

#[test]
fn list_parents_gives_the_one_parent_of_an_account_or_ou() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let nested = org.unit(&unit, "Nested");
    let member = org.account("Member");
    assert_eq!(
        org.parents(MANAGEMENT),
        json!([{"Id": root, "Type": "ROOT"}])
    );
    assert_eq!(org.parents(&member), json!([{"Id": root, "Type": "ROOT"}]));
    assert_eq!(org.parents(&unit), json!([{"Id": root, "Type": "ROOT"}]));
    assert_eq!(
        org.parents(&nested),
        json!([{"Id": unit, "Type": "ORGANIZATIONAL_UNIT"}])
    );
    org.move_account(&member, &root, &nested).ok();
    assert_eq!(
        org.parents(&member),
        json!([{"Id": nested, "Type": "ORGANIZATIONAL_UNIT"}])
    );
    let page = org.call("ListParents", json!({"ChildId": member, "MaxResults": 1}));
    assert!(page.ok().get("NextToken").is_none());
}

#[test]
fn list_parents_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "INPUT_REQUIRED"),
        // The root is nobody's child: its id is not a ChildId.
        (json!({"ChildId": root}), "INVALID_PATTERN"),
        (json!({"ChildId": "12345"}), "INVALID_PATTERN"),
        (
            json!({"ChildId": MANAGEMENT, "MaxResults": 0}),
            "MIN_VALUE_EXCEEDED",
        ),
        (
            json!({"ChildId": MANAGEMENT, "NextToken": "x"}),
            "INVALID_NEXT_TOKEN",
        ),
    ];
    for (body, reason) in cases {
        org.call("ListParents", body).assert_invalid(reason);
    }
    for child in [OUTSIDER, "ou-abcd-12345678"] {
        org.call("ListParents", json!({"ChildId": child}))
            .assert_error("ChildNotFoundException", CHILD_NOT_FOUND);
    }
}

// ---------------------------------------------------- ListAccountsForParent

#[test]
fn list_accounts_for_parent_lists_the_accounts_directly_under_it() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let nested = org.unit(&unit, "Nested");
    let mut in_unit: Vec<String> = (0..5).map(|n| org.account(&format!("In {n}"))).collect();
    let deep = org.account("Deep");
    for id in &in_unit {
        org.move_account(id, &root, &unit).ok();
    }
    org.move_account(&deep, &root, &nested).ok();
    in_unit.sort();
    let pages = org.pages(
        "ListAccountsForParent",
        json!({"ParentId": unit}),
        "Accounts",
        Some(2),
    );
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let listed = pages.concat();
    assert_eq!(
        listed
            .iter()
            .map(|a| a["Id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>(),
        in_unit
    );
    // Entries are ListAccounts' and DescribeAccount's, Paths included.
    for entry in &listed {
        let id = entry["Id"].as_str().unwrap();
        assert_eq!(
            entry["Paths"],
            json!([format!("{}/{root}/{unit}/{id}/", org.id)])
        );
        let described = org.call("DescribeAccount", json!({"AccountId": id}));
        assert_eq!(&described.ok()["Account"], entry);
    }
    assert_eq!(
        org.all_ids(
            "ListAccountsForParent",
            json!({"ParentId": root}),
            "Accounts",
            None
        ),
        [MANAGEMENT.to_owned()]
    );
    assert_eq!(
        org.all_ids(
            "ListAccountsForParent",
            json!({"ParentId": nested}),
            "Accounts",
            Some(1)
        ),
        [deep]
    );
}

#[test]
fn list_accounts_for_parent_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "INPUT_REQUIRED"),
        (json!({"ParentId": MANAGEMENT}), "INVALID_PATTERN"),
        (
            json!({"ParentId": root, "MaxResults": 0}),
            "MIN_VALUE_EXCEEDED",
        ),
        (
            json!({"ParentId": root, "MaxResults": 21}),
            "MAX_VALUE_EXCEEDED",
        ),
        (
            json!({"ParentId": root, "NextToken": "x"}),
            "INVALID_NEXT_TOKEN",
        ),
    ];
    for (body, reason) in cases {
        org.call("ListAccountsForParent", body)
            .assert_invalid(reason);
    }
    org.call(
        "ListAccountsForParent",
        json!({"ParentId": "ou-abcd-12345678"}),
    )
    .assert_error("ParentNotFoundException", PARENT_NOT_FOUND);
    // ListAccounts' tokens are not this list's.
    org.account("Second");
    let token = org.call("ListAccounts", json!({"MaxResults": 1})).ok()["NextToken"].clone();
    org.call(
        "ListAccountsForParent",
        json!({"ParentId": root, "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
}

// -------------------------------------------------------------- MoveAccount

#[test]
fn move_account_moves_between_the_root_and_ous() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    let b = org.unit(&a, "B");
    let member = org.account("Member");
    assert_eq!(org.move_account(&member, &root, &a).ok(), &json!({}));
    assert_eq!(org.parents(&member)[0]["Id"], json!(a));
    org.move_account(&member, &a, &b).ok();
    assert_eq!(org.parents(&member)[0]["Id"], json!(b));
    org.move_account(&member, &b, &root).ok();
    assert_eq!(org.parents(&member)[0]["Id"], json!(root));
    // The management account moves too.
    org.move_account(MANAGEMENT, &root, &b).ok();
    assert_eq!(org.parents(MANAGEMENT)[0]["Id"], json!(b));
}

#[test]
fn move_account_source_parent_not_found() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    let b = org.unit(&root, "B");
    let member = org.account("Member");
    org.move_account(&member, &root, &a).ok();
    // An unknown source, and a known one the account is not in.
    for source in ["ou-abcd-12345678", "r-zzzz", b.as_str(), root.as_str()] {
        let before = org.sandbox.engine.snapshot();
        org.move_account(&member, source, &b)
            .assert_error("SourceParentNotFoundException", SOURCE_NOT_FOUND);
        assert_eq!(org.sandbox.engine.snapshot(), before);
    }
    assert_eq!(org.parents(&member)[0]["Id"], json!(a));
}

#[test]
fn move_account_destination_parent_not_found() {
    let mut org = Org::new();
    let root = org.root.clone();
    let member = org.account("Member");
    for destination in ["ou-abcd-12345678", "r-zzzz"] {
        org.move_account(&member, &root, destination)
            .assert_error("DestinationParentNotFoundException", DESTINATION_NOT_FOUND);
    }
    // A deleted OU is gone as a destination.
    let unit = org.unit(&root, "Gone");
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    )
    .ok();
    org.move_account(&member, &root, &unit)
        .assert_error("DestinationParentNotFoundException", DESTINATION_NOT_FOUND);
    assert_eq!(org.parents(&member)[0]["Id"], json!(root));
}

#[test]
fn move_account_to_where_it_is_is_a_duplicate_account() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    org.move_account(&member, &root, &root)
        .assert_error("DuplicateAccountException", DUPLICATE_ACCOUNT);
    org.move_account(&member, &root, &unit).ok();
    org.move_account(&member, &unit, &unit)
        .assert_error("DuplicateAccountException", DUPLICATE_ACCOUNT);
}

#[test]
fn move_account_account_not_found() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    org.call_as(OUTSIDER, "CreateOrganization", json!({})).ok();
    // An account of no organization, and one of another organization.
    for account in ["999999999999", OUTSIDER] {
        org.move_account(account, &root, &unit)
            .assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
    }
}

#[test]
fn move_account_checks_its_input() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"SourceParentId": root, "DestinationParentId": unit}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"AccountId": member, "DestinationParentId": unit}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"AccountId": member, "SourceParentId": root}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"AccountId": "12345", "SourceParentId": root, "DestinationParentId": unit}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountId": "1234567890123", "SourceParentId": root, "DestinationParentId": unit}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"AccountId": member, "SourceParentId": member, "DestinationParentId": unit}),
            "INVALID_PATTERN",
        ),
        (
            json!({"AccountId": member, "SourceParentId": root, "DestinationParentId": "ou-x"}),
            "INVALID_PATTERN",
        ),
    ];
    for (body, reason) in cases {
        org.call("MoveAccount", body).assert_invalid(reason);
    }
}

// ------------------------------------------------ DescribeAccount and Paths

#[test]
fn describe_account_answers_the_list_accounts_entry() {
    let mut org = Org::new();
    let member = org.account("Member");
    let described = org.call("DescribeAccount", json!({"AccountId": member}));
    let account = described.ok()["Account"].clone();
    assert_eq!(account["Id"], json!(member));
    assert_eq!(
        account["Arn"],
        json!(format!(
            "arn:aws:organizations::{MANAGEMENT}:account/{}/{member}",
            org.id
        ))
    );
    assert_eq!(account["Name"], "Member");
    assert_eq!(account["Email"], "member@example.com");
    assert_eq!(
        (account["Status"].as_str(), account["State"].as_str()),
        (Some("ACTIVE"), Some("ACTIVE"))
    );
    assert_eq!(account["JoinedMethod"], "CREATED");
    assert_eq!(account["JoinedTimestamp"], epoch_seconds(START));
    assert_eq!(
        account["Paths"],
        json!([format!("{}/{}/{member}/", org.id, org.root)])
    );
    let listed = org
        .pages("ListAccounts", json!({}), "Accounts", None)
        .concat();
    assert!(listed.contains(&account));
    let management = org.call("DescribeAccount", json!({"AccountId": MANAGEMENT}));
    assert_eq!(management.ok()["Account"]["Id"], MANAGEMENT);
}

#[test]
fn describe_account_errors() {
    let mut org = Org::new();
    org.call("DescribeAccount", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("DescribeAccount", json!({"AccountId": "abc"}))
        .assert_invalid("INVALID_PATTERN");
    org.call("DescribeAccount", json!({"AccountId": "9999999999999"}))
        .assert_invalid("MAX_LENGTH_EXCEEDED");
    org.call("DescribeAccount", json!({"AccountId": "999999999999"}))
        .assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
}

#[test]
fn paths_follow_accounts_and_ous_as_they_move() {
    let mut org = Org::new();
    let (id, root) = (org.id.clone(), org.root.clone());
    let a = org.unit(&root, "A");
    let b = org.unit(&a, "B");
    let c = org.unit(&root, "C");
    let member = org.account("Member");
    assert_eq!(
        org.account_paths(&member),
        json!([format!("{id}/{root}/{member}/")])
    );
    org.move_account(&member, &root, &b).ok();
    assert_eq!(
        org.account_paths(&member),
        json!([format!("{id}/{root}/{a}/{b}/{member}/")])
    );
    org.move_account(&member, &b, &c).ok();
    assert_eq!(
        org.account_paths(&member),
        json!([format!("{id}/{root}/{c}/{member}/")])
    );
    // Renaming an OU keeps its id and so every path through it.
    org.move_account(&member, &c, &b).ok();
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": a, "Name": "Renamed"}),
    )
    .ok();
    let expected = json!([format!("{id}/{root}/{a}/{b}/{member}/")]);
    assert_eq!(org.account_paths(&member), expected);
    // ListAccounts and ListAccountsForParent agree.
    let listed = org
        .pages("ListAccounts", json!({}), "Accounts", None)
        .concat();
    let entry = listed.iter().find(|e| e["Id"] == json!(member)).unwrap();
    assert_eq!(entry["Paths"], expected);
    let under_b = org
        .pages(
            "ListAccountsForParent",
            json!({"ParentId": b}),
            "Accounts",
            None,
        )
        .concat();
    assert_eq!(under_b[0]["Paths"], expected);
    org.move_account(&member, &b, &root).ok();
    assert_eq!(
        org.account_paths(&member),
        json!([format!("{id}/{root}/{member}/")])
    );
}

// -------------------------------------------------- ListCreateAccountStatus

#[test]
fn list_create_account_status_lists_every_request_and_filters_by_state() {
    let mut org = Org::new();
    let a = org.account("A");
    let b = org.account("B");
    // The email of A again: the request fails.
    org.call(
        "CreateAccount",
        json!({"AccountName": "Again", "Email": "a@example.com"}),
    )
    .ok();
    let all = org.pages(
        "ListCreateAccountStatus",
        json!({}),
        "CreateAccountStatuses",
        Some(2),
    );
    assert_eq!(all.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    let statuses = all.concat();
    for status in &statuses {
        let described = org.call(
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": status["Id"]}),
        );
        assert_eq!(&described.ok()["CreateAccountStatus"], status);
    }
    let succeeded = org.call("ListCreateAccountStatus", json!({"States": ["SUCCEEDED"]}));
    let mut ids: Vec<&str> = succeeded.ok()["CreateAccountStatuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["AccountId"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, sorted(vec![a, b]));
    let failed = org.call("ListCreateAccountStatus", json!({"States": ["FAILED"]}));
    let failed = failed.ok()["CreateAccountStatuses"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["FailureReason"], "EMAIL_ALREADY_EXISTS");
    assert_eq!(failed[0]["AccountName"], "Again");
    let none = org.call(
        "ListCreateAccountStatus",
        json!({"States": ["IN_PROGRESS"]}),
    );
    assert_eq!(none.ok(), &json!({"CreateAccountStatuses": []}));
    let both = org.call(
        "ListCreateAccountStatus",
        json!({"States": ["FAILED", "SUCCEEDED"]}),
    );
    assert_eq!(
        both.ok()["CreateAccountStatuses"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn list_create_account_status_errors() {
    let mut org = Org::new();
    org.call("ListCreateAccountStatus", json!({"States": ["DONE"]}))
        .assert_invalid("INVALID_ENUM");
    org.call("ListCreateAccountStatus", json!({"MaxResults": 0}))
        .assert_invalid("MIN_VALUE_EXCEEDED");
    org.call("ListCreateAccountStatus", json!({"NextToken": "x"}))
        .assert_invalid("INVALID_NEXT_TOKEN");
    let empty = org.call("ListCreateAccountStatus", json!({}));
    assert_eq!(empty.ok(), &json!({"CreateAccountStatuses": []}));
}

// ------------------------------------------ ListDelegatedServicesForAccount

#[test]
fn list_delegated_services_for_account_names_account_management() {
    let mut org = Org::new();
    let admin = org.account("Admin");
    let member = org.account("Member");
    org.call(
        "ListDelegatedServicesForAccount",
        json!({"AccountId": admin}),
    )
    .assert_error("AccountNotRegisteredException", NOT_REGISTERED);
    org.sandbox.clock.advance(60_000);
    org.delegate(&admin);
    for caller in [MANAGEMENT, admin.as_str()] {
        let reply = org.call_as(
            caller,
            "ListDelegatedServicesForAccount",
            json!({"AccountId": admin, "MaxResults": 1}),
        );
        assert_eq!(
            reply.ok(),
            &json!({"DelegatedServices": [{
                "ServicePrincipal": ACCOUNT,
                "DelegationEnabledDate": epoch_seconds(START + 60_000),
            }]})
        );
    }
    org.call(
        "ListDelegatedServicesForAccount",
        json!({"AccountId": member}),
    )
    .assert_error("AccountNotRegisteredException", NOT_REGISTERED);
    org.call(
        "ListDelegatedServicesForAccount",
        json!({"AccountId": "999999999999"}),
    )
    .assert_error("AccountNotFoundException", ACCOUNT_NOT_FOUND);
    org.call("ListDelegatedServicesForAccount", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("ListDelegatedServicesForAccount", json!({"AccountId": "x"}))
        .assert_invalid("INVALID_PATTERN");
    org.call(
        "ListDelegatedServicesForAccount",
        json!({"AccountId": admin, "NextToken": "x"}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
    org.call_as(
        &member,
        "ListDelegatedServicesForAccount",
        json!({"AccountId": admin}),
    )
    .assert_error("AccessDeniedException", ACCESS_DENIED);
}

// ------------------------------------------------------- service principals

#[test]
fn unknown_service_principals_are_refused() {
    let mut org = Org::new();
    for principal in [
        "example.amazonaws.com",
        "s3.amazonaws.com",
        "ACCOUNT.amazonaws.com",
    ] {
        let before = org.sandbox.engine.snapshot();
        for operation in [
            "EnableAWSServiceAccess",
            "DisableAWSServiceAccess",
            "ListDelegatedAdministrators",
        ] {
            org.call(operation, json!({"ServicePrincipal": principal}))
                .assert_invalid("UNRECOGNIZED_SERVICE_PRINCIPAL");
        }
        assert_eq!(org.sandbox.engine.snapshot(), before);
    }
    // A known principal of another service: accepted, and it has no
    // delegated administrator here.
    org.call(
        "EnableAWSServiceAccess",
        json!({"ServicePrincipal": "sso.amazonaws.com"}),
    )
    .ok();
    let listed = org.call(
        "ListDelegatedAdministrators",
        json!({"ServicePrincipal": "sso.amazonaws.com"}),
    );
    assert_eq!(listed.ok(), &json!({"DelegatedAdministrators": []}));
    org.call(
        "DisableAWSServiceAccess",
        json!({"ServicePrincipal": "sso.amazonaws.com"}),
    )
    .ok();
    org.call(
        "EnableAWSServiceAccess",
        json!({"ServicePrincipal": "bad principal"}),
    )
    .assert_invalid("INVALID_PATTERN");
}

// ------------------------------------------------------------ CreateAccount

#[test]
fn create_account_records_the_access_role() {
    let mut org = Org::new();
    let default = org.account("Default Role");
    let started = org.call(
        "CreateAccount",
        json!({"AccountName": "Custom", "Email": "custom@example.com", "RoleName": "AdminAccess"}),
    );
    let request = started.ok()["CreateAccountStatus"]["Id"].clone();
    let custom = org
        .call(
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": request}),
        )
        .ok()["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_owned();
    let accounts = &org.sandbox.engine.state().accounts;
    assert_eq!(
        accounts[&default].organization_access_role.as_deref(),
        Some("OrganizationAccountAccessRole")
    );
    assert_eq!(
        accounts[&custom].organization_access_role.as_deref(),
        Some("AdminAccess")
    );
    // The management account was not created by CreateAccount.
    assert_eq!(accounts[MANAGEMENT].organization_access_role, None);
    org.call(
        "CreateAccount",
        json!({"AccountName": "Bad", "Email": "bad@example.com", "RoleName": "has space"}),
    )
    .assert_invalid("INVALID_PATTERN");
    org.call(
        "CreateAccount",
        json!({"AccountName": "Bad", "Email": "bad@example.com", "RoleName": "r".repeat(65)}),
    )
    .assert_invalid("MAX_LENGTH_EXCEEDED");
}

#[test]
fn created_accounts_start_under_the_root() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    org.move_account(MANAGEMENT, &root, &unit).ok();
    let member = org.account("Member");
    assert_eq!(org.parents(&member), json!([{"Id": root, "Type": "ROOT"}]));
}

// ------------------------------------------------------------ who may call

/// Every structure operation with a body that passes its input checks.
fn requests(org: &mut Org, member: &str) -> Vec<(&'static str, Value)> {
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    vec![
        ("ListRoots", json!({})),
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "New"}),
        ),
        (
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": unit}),
        ),
        (
            "UpdateOrganizationalUnit",
            json!({"OrganizationalUnitId": unit, "Name": "Renamed"}),
        ),
        (
            "DeleteOrganizationalUnit",
            json!({"OrganizationalUnitId": unit}),
        ),
        (
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": root}),
        ),
        (
            "ListChildren",
            json!({"ParentId": root, "ChildType": "ACCOUNT"}),
        ),
        ("ListParents", json!({"ChildId": member})),
        ("ListAccountsForParent", json!({"ParentId": root})),
        (
            "MoveAccount",
            json!({"AccountId": member, "SourceParentId": root, "DestinationParentId": unit}),
        ),
        ("DescribeAccount", json!({"AccountId": member})),
        ("ListCreateAccountStatus", json!({})),
        (
            "ListDelegatedServicesForAccount",
            json!({"AccountId": member}),
        ),
    ]
}

#[test]
fn members_are_denied_and_outsiders_not_in_use() {
    let mut org = Org::new();
    let member = org.account("Member");
    let requests = requests(&mut org, &member);
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in requests {
        org.call_as(&member, operation, body.clone())
            .assert_error("AccessDeniedException", ACCESS_DENIED);
        org.call_as(OUTSIDER, operation, body)
            .assert_error("AWSOrganizationsNotInUseException", NOT_IN_USE);
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

#[test]
fn the_delegated_administrator_reads_the_structure_but_cannot_change_it() {
    let mut org = Org::new();
    let admin = org.account("Admin");
    let member = org.account("Member");
    org.delegate(&admin);
    let requests = requests(&mut org, &admin);
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in requests {
        let op = OrgOperation::from_name(operation).unwrap();
        let reply = org.call_as(&admin, operation, body.clone());
        if op.is_mutating() {
            reply.assert_error("AccessDeniedException", ACCESS_DENIED);
        } else {
            let by_management = org.call(operation, body);
            assert_eq!(reply.ok(), by_management.ok(), "{operation}");
        }
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
    // The management account's calls of the same kind succeed.
    let root = org.root.clone();
    let unit = org.unit(&root, "By management");
    org.move_account(&member, &root, &unit).ok();
}

// ------------------------------------------------- snapshots and read-only

/// An organization with nested OUs, accounts in them, tags, a delegated
/// administrator and a failed request.
fn structured() -> (Org, String) {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    let b = org.unit(&a, "B");
    let c = org.unit(&root, "C");
    let admin = org.account("Admin");
    let x = org.account("X");
    let y = org.account("Y");
    org.move_account(&x, &root, &b).ok();
    org.move_account(&y, &root, &c).ok();
    org.delegate(&admin);
    org.call(
        "CreateAccount",
        json!({"AccountName": "Dup", "Email": "x@example.com"}),
    )
    .ok();
    org.call(
        "TagResource",
        json!({"ResourceId": a, "Tags": [{"Key": "team", "Value": "platform"}]}),
    )
    .ok();
    org.call(
        "TagResource",
        json!({"ResourceId": x, "Tags": [{"Key": "env", "Value": "prod"}]}),
    )
    .ok();
    org.call(
        "UpdateOrganizationalUnit",
        json!({"OrganizationalUnitId": c, "Name": "C renamed"}),
    )
    .ok();
    (org, admin)
}

/// Every read of the structure with a body that names something real.
fn reads(org: &mut Org, admin: &str) -> Vec<(&'static str, Value)> {
    let root = org.root.clone();
    let units = org.all_ids(
        "ListOrganizationalUnitsForParent",
        json!({"ParentId": root}),
        "OrganizationalUnits",
        None,
    );
    let mut reads = vec![
        ("ListRoots", json!({})),
        ("ListRoots", json!({"NextToken": "bad"})),
        ("DescribeOrganization", json!({})),
        ("ListAccounts", json!({"MaxResults": 1})),
        ("ListCreateAccountStatus", json!({})),
        (
            "ListDelegatedServicesForAccount",
            json!({"AccountId": admin}),
        ),
        ("ListDelegatedAdministrators", json!({})),
        ("ListAWSServiceAccessForOrganization", json!({})),
        (
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": root, "MaxResults": 1}),
        ),
        (
            "ListChildren",
            json!({"ParentId": root, "ChildType": "ACCOUNT"}),
        ),
        (
            "ListChildren",
            json!({"ParentId": root, "ChildType": "ORGANIZATIONAL_UNIT", "MaxResults": 1}),
        ),
        ("ListAccountsForParent", json!({"ParentId": root})),
        ("ListParents", json!({"ChildId": admin})),
        ("DescribeAccount", json!({"AccountId": admin})),
        ("DescribeAccount", json!({"AccountId": "999999999999"})),
        ("ListTagsForResource", json!({"ResourceId": root})),
    ];
    for unit in units {
        reads.push((
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": unit}),
        ));
        reads.push(("ListParents", json!({"ChildId": unit})));
        reads.push(("ListAccountsForParent", json!({"ParentId": unit})));
        reads.push((
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": unit}),
        ));
        reads.push(("ListTagsForResource", json!({"ResourceId": unit})));
    }
    reads
}

#[test]
fn a_structured_organization_survives_a_snapshot_round_trip() {
    let (mut original, admin) = structured();
    let snapshot = original.sandbox.engine.snapshot();
    let mut restored = sandbox();
    restored.engine.restore(&snapshot).unwrap();
    assert_eq!(restored.engine.snapshot(), snapshot);
    assert_eq!(restored.engine.state(), original.sandbox.engine.state());
    let reads = reads(&mut original, &admin);
    for (operation, body) in reads {
        for caller in [MANAGEMENT, admin.as_str()] {
            let a = original.call_as(caller, operation, body.clone());
            let b = restored.org_as(caller, operation, body.clone());
            assert_eq!(
                (a.status, &a.body),
                (b.status, &b.body),
                "{operation} {body}"
            );
        }
    }
    // The restored sandbox goes on making the same ids.
    let root = original.root.clone();
    let next = original.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "Next"}),
    );
    let again = restored.org_as(
        MANAGEMENT,
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "Next"}),
    );
    assert_eq!(next.ok(), again.ok());
}

#[test]
fn reads_do_not_change_the_state() {
    let (mut org, admin) = structured();
    let member = org
        .all_ids("ListAccounts", json!({}), "Accounts", None)
        .into_iter()
        .find(|id| id != MANAGEMENT && *id != admin)
        .unwrap();
    let reads = reads(&mut org, &admin);
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in &reads {
        assert!(
            !OrgOperation::from_name(operation).unwrap().is_mutating(),
            "{operation}"
        );
        for caller in [MANAGEMENT, admin.as_str(), member.as_str(), OUTSIDER] {
            org.call_as(caller, operation, body.clone());
        }
    }
    // Every read, also with an empty body.
    for operation in OrgOperation::ALL.into_iter().filter(|o| !o.is_mutating()) {
        for caller in [MANAGEMENT, admin.as_str(), member.as_str(), OUTSIDER] {
            org.call_as(caller, operation.name(), json!({}));
        }
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

#[test]
fn refused_structure_changes_change_nothing() {
    let (mut org, _) = structured();
    let root = org.root.clone();
    let before = org.sandbox.engine.snapshot();
    let refused = [
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": "r-zzzz", "Name": "X"}),
        ),
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "A"}),
        ),
        (
            "UpdateOrganizationalUnit",
            json!({"OrganizationalUnitId": "ou-abcd-12345678", "Name": "X"}),
        ),
        (
            "DeleteOrganizationalUnit",
            json!({"OrganizationalUnitId": "ou-abcd-12345678"}),
        ),
        (
            "MoveAccount",
            json!({"AccountId": MANAGEMENT, "SourceParentId": root, "DestinationParentId": root}),
        ),
        (
            "MoveAccount",
            json!({"AccountId": "999999999999", "SourceParentId": root, "DestinationParentId": root}),
        ),
    ];
    for (operation, body) in refused {
        let reply = org.call(operation, body);
        assert_eq!(reply.status, 400, "{operation}");
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}
