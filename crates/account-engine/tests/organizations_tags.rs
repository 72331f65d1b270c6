//! Tags on the root, OUs, accounts and policies over the Organizations
//! JSON 1.1 wire: TagResource, UntagResource and ListTagsForResource, tags
//! given at CreateOrganizationalUnit and CreatePolicy, the rules on keys and
//! values, the 50-tag limit, unknown resources, and who may tag.

mod common;

use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const OUTSIDER: &str = "444444444444";
const ACCOUNT: &str = "account.amazonaws.com";

const ACCESS_DENIED: &str = "You don't have permissions to access this resource.";
const NOT_IN_USE: &str = "Your account is not a member of an organization.";
const TARGET_NOT_FOUND: &str =
    "We can't find a root, OU, account, or policy with the TargetId that you specified.";
const TAG_LIMIT: &str = "You have exceeded the number of tags allowed on this resource.";
const DUPLICATE_TAG_KEY: &str =
    "Tag keys must be unique among the tags attached to the same entity.";

const POLICY: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#;

struct Org {
    sandbox: Sandbox,
    root: String,
    unit: String,
    member: String,
    policy: String,
}

impl Org {
    /// An organization with an OU, a member and a customer SCP.
    fn new() -> Self {
        let mut sandbox = sandbox();
        sandbox
            .org_as(MANAGEMENT, "CreateOrganization", json!({}))
            .ok();
        let root = text(
            &sandbox.org_as(MANAGEMENT, "ListRoots", json!({})),
            "/Roots/0/Id",
        );
        let unit = text(
            &sandbox.org_as(
                MANAGEMENT,
                "CreateOrganizationalUnit",
                json!({"ParentId": root, "Name": "Unit"}),
            ),
            "/OrganizationalUnit/Id",
        );
        let request = text(
            &sandbox.org_as(
                MANAGEMENT,
                "CreateAccount",
                json!({"AccountName": "Member", "Email": "member@example.com"}),
            ),
            "/CreateAccountStatus/Id",
        );
        let member = text(
            &sandbox.org_as(
                MANAGEMENT,
                "DescribeCreateAccountStatus",
                json!({"CreateAccountRequestId": request}),
            ),
            "/CreateAccountStatus/AccountId",
        );
        let policy = text(
            &sandbox.org_as(
                MANAGEMENT,
                "CreatePolicy",
                json!({"Name": "Deny S3", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": POLICY}),
            ),
            "/Policy/PolicySummary/Id",
        );
        Self {
            sandbox,
            root,
            unit,
            member,
            policy,
        }
    }

    fn resources(&self) -> [String; 5] {
        [
            self.root.clone(),
            self.unit.clone(),
            self.member.clone(),
            MANAGEMENT.to_owned(),
            self.policy.clone(),
        ]
    }

    fn call(&mut self, operation: &str, body: Value) -> OrgReply {
        self.sandbox.org_as(MANAGEMENT, operation, body)
    }

    fn tag(&mut self, resource: &str, tags: Value) -> OrgReply {
        self.call("TagResource", json!({"ResourceId": resource, "Tags": tags}))
    }

    fn tags(&mut self, resource: &str) -> Value {
        self.call("ListTagsForResource", json!({"ResourceId": resource}))
            .ok()["Tags"]
            .clone()
    }
}

fn text(reply: &OrgReply, pointer: &str) -> String {
    reply
        .ok()
        .pointer(pointer)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn tags(n: usize, prefix: &str) -> Value {
    json!((0..n)
        .map(|i| json!({"Key": format!("{prefix}{i:02}"), "Value": format!("v{i}")}))
        .collect::<Vec<_>>())
}

#[test]
fn every_taggable_resource_takes_lists_and_loses_tags() {
    let mut org = Org::new();
    for resource in org.resources() {
        assert_eq!(org.tags(&resource), json!([]), "{resource}");
        let reply = org.tag(
            &resource,
            json!([{"Key": "team", "Value": "platform"}, {"Key": "env", "Value": "prod"}]),
        );
        assert_eq!(reply.ok(), &json!({}));
        // In key order.
        assert_eq!(
            org.tags(&resource),
            json!([{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "platform"}]),
            "{resource}"
        );
        let untagged = org.call(
            "UntagResource",
            json!({"ResourceId": resource, "TagKeys": ["team"]}),
        );
        assert_eq!(untagged.ok(), &json!({}));
        assert_eq!(
            org.tags(&resource),
            json!([{"Key": "env", "Value": "prod"}])
        );
        org.call(
            "UntagResource",
            json!({"ResourceId": resource, "TagKeys": ["env"]}),
        )
        .ok();
        assert_eq!(org.tags(&resource), json!([]));
    }
}

#[test]
fn tagging_again_overwrites_values_and_adds_keys() {
    let mut org = Org::new();
    let unit = org.unit.clone();
    org.tag(
        &unit,
        json!([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]),
    )
    .ok();
    org.tag(
        &unit,
        json!([{"Key": "b", "Value": "two"}, {"Key": "c", "Value": ""}]),
    )
    .ok();
    assert_eq!(
        org.tags(&unit),
        json!([
            {"Key": "a", "Value": "1"},
            {"Key": "b", "Value": "two"},
            {"Key": "c", "Value": ""},
        ])
    );
    // Keys are case-sensitive.
    org.tag(&unit, json!([{"Key": "A", "Value": "upper"}])).ok();
    assert_eq!(org.tags(&unit).as_array().unwrap().len(), 4);
    // Tags on one resource are not another's.
    let member = org.member.clone();
    assert_eq!(org.tags(&member), json!([]));
}

#[test]
fn untagging_a_key_that_is_not_there_is_fine() {
    let mut org = Org::new();
    let member = org.member.clone();
    org.tag(&member, json!([{"Key": "keep", "Value": "1"}]))
        .ok();
    org.call(
        "UntagResource",
        json!({"ResourceId": member, "TagKeys": ["missing", "keep", "keep"]}),
    )
    .ok();
    assert_eq!(org.tags(&member), json!([]));
    org.call(
        "UntagResource",
        json!({"ResourceId": member, "TagKeys": []}),
    )
    .ok();
}

#[test]
fn duplicate_keys_in_one_request_are_refused() {
    let mut org = Org::new();
    let root = org.root.clone();
    let before = org.sandbox.engine.snapshot();
    org.tag(
        &root,
        json!([{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}]),
    )
    .assert_reason(
        "InvalidInputException",
        "DUPLICATE_TAG_KEY",
        DUPLICATE_TAG_KEY,
    );
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "Tagged", "Tags": [{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "1"}]}),
    )
    .assert_reason("InvalidInputException", "DUPLICATE_TAG_KEY", DUPLICATE_TAG_KEY);
    org.call(
        "CreatePolicy",
        json!({"Name": "P", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": POLICY,
               "Tags": [{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}]}),
    )
    .assert_reason(
        "InvalidInputException",
        "DUPLICATE_TAG_KEY",
        DUPLICATE_TAG_KEY,
    );
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

#[test]
fn a_resource_holds_at_most_fifty_tags() {
    let mut org = Org::new();
    for resource in org.resources() {
        org.tag(&resource, tags(49, "k")).ok();
        org.tag(&resource, json!([{"Key": "fiftieth", "Value": "x"}]))
            .ok();
        assert_eq!(org.tags(&resource).as_array().unwrap().len(), 50);
        let before = org.sandbox.engine.snapshot();
        org.tag(&resource, json!([{"Key": "fifty-first", "Value": "x"}]))
            .assert_reason(
                "ConstraintViolationException",
                "MAX_TAG_LIMIT_EXCEEDED",
                TAG_LIMIT,
            );
        // Refused as a whole, even with keys it already has.
        org.tag(
            &resource,
            json!([{"Key": "k00", "Value": "changed"}, {"Key": "new", "Value": "x"}]),
        )
        .assert_reason(
            "ConstraintViolationException",
            "MAX_TAG_LIMIT_EXCEEDED",
            TAG_LIMIT,
        );
        assert_eq!(org.sandbox.engine.snapshot(), before);
        // Overwriting at the limit is fine.
        org.tag(&resource, json!([{"Key": "k00", "Value": "changed"}]))
            .ok();
        assert_eq!(
            org.tags(&resource)[0],
            json!({"Key": "fiftieth", "Value": "x"})
        );
        // One request of 51 is refused too.
        org.call(
            "UntagResource",
            json!({"ResourceId": resource, "TagKeys": (0..49).map(|i| format!("k{i:02}")).chain(["fiftieth".to_owned()]).collect::<Vec<_>>()}),
        )
        .ok();
        assert_eq!(org.tags(&resource), json!([]));
        org.tag(&resource, tags(51, "t")).assert_reason(
            "ConstraintViolationException",
            "MAX_TAG_LIMIT_EXCEEDED",
            TAG_LIMIT,
        );
        org.tag(&resource, tags(50, "t")).ok();
    }
}

/// "If you exceed the allowed number of tags for an OU, then the entire
/// request fails and the OU is not created" (API reference).
#[test]
fn creating_with_more_than_fifty_tags_is_refused() {
    let mut org = Org::new();
    let root = org.root.clone();
    org.call(
        "CreateOrganizationalUnit",
        json!({"ParentId": root, "Name": "Many", "Tags": tags(51, "k")}),
    )
    .assert_reason(
        "ConstraintViolationException",
        "MAX_TAG_LIMIT_EXCEEDED",
        TAG_LIMIT,
    );
    org.call(
        "CreatePolicy",
        json!({"Name": "Many", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": POLICY, "Tags": tags(51, "k")}),
    )
    .assert_reason("ConstraintViolationException", "MAX_TAG_LIMIT_EXCEEDED", TAG_LIMIT);
}

#[test]
fn tags_given_at_creation_are_listed() {
    let mut org = Org::new();
    let root = org.root.clone();
    let unit = text(
        &org.call(
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "Tagged", "Tags": [{"Key": "cost-center", "Value": "42"}]}),
        ),
        "/OrganizationalUnit/Id",
    );
    assert_eq!(
        org.tags(&unit),
        json!([{"Key": "cost-center", "Value": "42"}])
    );
    let created = org.call(
        "CreatePolicy",
        json!({"Name": "Tagged", "Description": "d", "Type": "SERVICE_CONTROL_POLICY", "Content": POLICY,
               "Tags": [{"Key": "owner", "Value": "security"}]}),
    );
    let policy = text(&created, "/Policy/PolicySummary/Id");
    assert_eq!(
        org.tags(&policy),
        json!([{"Key": "owner", "Value": "security"}])
    );
    // Fifty at creation are fine.
    let many = text(
        &org.call(
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "Fifty", "Tags": tags(50, "k")}),
        ),
        "/OrganizationalUnit/Id",
    );
    assert_eq!(org.tags(&many).as_array().unwrap().len(), 50);
}

#[test]
fn deleted_resources_take_their_tags_with_them() {
    let mut org = Org::new();
    let (unit, policy) = (org.unit.clone(), org.policy.clone());
    org.tag(&unit, json!([{"Key": "k", "Value": "v"}])).ok();
    org.tag(&policy, json!([{"Key": "k", "Value": "v"}])).ok();
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    )
    .ok();
    org.call("DeletePolicy", json!({"PolicyId": policy})).ok();
    for resource in [&unit, &policy] {
        org.call("ListTagsForResource", json!({"ResourceId": resource}))
            .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
    }
    let tags = &org.sandbox.engine.state().organizations[0].tags;
    assert!(!tags.contains_key(&unit) && !tags.contains_key(&policy));
}

#[test]
fn unknown_resources_are_target_not_found() {
    let mut org = Org::new();
    org.sandbox
        .org_as(OUTSIDER, "CreateOrganization", json!({}))
        .ok();
    let theirs = text(
        &org.sandbox.org_as(OUTSIDER, "ListRoots", json!({})),
        "/Roots/0/Id",
    );
    let unknown = [
        "r-zzzz",
        "ou-abcd-12345678",
        "999999999999",
        OUTSIDER,
        "p-abcd1234",
        theirs.as_str(),
        // The AWS managed policy takes no tags.
        "p-FullAWSAccess",
    ];
    for resource in unknown {
        org.tag(resource, json!([{"Key": "k", "Value": "v"}]))
            .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
        org.call(
            "UntagResource",
            json!({"ResourceId": resource, "TagKeys": ["k"]}),
        )
        .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
        org.call("ListTagsForResource", json!({"ResourceId": resource}))
            .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
    }
}

/// The service names no member in an InvalidInputException; the engine
/// tells the page's forms off the wire which typed member it is about.
#[test]
fn invalid_tag_keys_values_and_ou_names_name_their_member_off_the_wire() {
    let mut org = Org::new();
    let (unit, root) = (org.unit.clone(), org.root.clone());
    let cases: Vec<(&str, Value, &str, &[&str])> = vec![
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "", "Value": "v"}]}),
            "MIN_LENGTH_EXCEEDED",
            &["Key"],
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "a*b", "Value": "v"}]}),
            "INVALID_PATTERN",
            &["Key"],
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "k", "Value": "v".repeat(257)}]}),
            "MAX_LENGTH_EXCEEDED",
            &["Value"],
        ),
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "n".repeat(129)}),
            "MAX_LENGTH_EXCEEDED",
            &["Name"],
        ),
        (
            "UpdateOrganizationalUnit",
            json!({"OrganizationalUnitId": unit, "Name": ""}),
            "MIN_LENGTH_EXCEEDED",
            &["Name"],
        ),
        (
            "TagResource",
            json!({"ResourceId": "unit", "Tags": [{"Key": "k", "Value": "v"}]}),
            "INVALID_PATTERN",
            &[],
        ),
    ];
    for (operation, body, reason, fields) in cases {
        let reply = org.sandbox.org_as(MANAGEMENT, operation, body.clone());
        reply.assert_invalid(reason);
        assert_eq!(reply.fields, fields, "{operation} {body}");
    }
}

#[test]
fn tag_input_rules() {
    let mut org = Org::new();
    let unit = org.unit.clone();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("TagResource", json!({"Tags": []}), "INPUT_REQUIRED"),
        ("TagResource", json!({"ResourceId": unit}), "INPUT_REQUIRED"),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "k"}]}),
            "INPUT_REQUIRED",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Value": "v"}]}),
            "INPUT_REQUIRED",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "", "Value": "v"}]}),
            "MIN_LENGTH_EXCEEDED",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "k".repeat(129), "Value": "v"}]}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "k", "Value": "v".repeat(257)}]}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "a*b", "Value": "v"}]}),
            "INVALID_PATTERN",
        ),
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "k", "Value": "a;b"}]}),
            "INVALID_PATTERN",
        ),
        (
            "TagResource",
            json!({"ResourceId": "unit", "Tags": []}),
            "INVALID_PATTERN",
        ),
        (
            "TagResource",
            json!({"ResourceId": "p-short", "Tags": []}),
            "INVALID_PATTERN",
        ),
        (
            "UntagResource",
            json!({"ResourceId": unit}),
            "INPUT_REQUIRED",
        ),
        ("UntagResource", json!({"TagKeys": ["k"]}), "INPUT_REQUIRED"),
        (
            "UntagResource",
            json!({"ResourceId": unit, "TagKeys": [""]}),
            "MIN_LENGTH_EXCEEDED",
        ),
        (
            "UntagResource",
            json!({"ResourceId": unit, "TagKeys": ["k".repeat(129)]}),
            "MAX_LENGTH_EXCEEDED",
        ),
        ("ListTagsForResource", json!({}), "INPUT_REQUIRED"),
        (
            "ListTagsForResource",
            json!({"ResourceId": "x"}),
            "INVALID_PATTERN",
        ),
        (
            "ListTagsForResource",
            json!({"ResourceId": unit, "NextToken": "x"}),
            "INVALID_NEXT_TOKEN",
        ),
    ];
    let before = org.sandbox.engine.snapshot();
    for (operation, body, reason) in cases {
        org.call(operation, body).assert_invalid(reason);
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
    // Letters, digits and spaces of any script, and `_.:/=+-@`, are fine.
    org.tag(
        &unit,
        json!([
            {"Key": "aws:x_y.z/=+-@", "Value": "Grüße 東京 2"},
            {"Key": "k".repeat(128), "Value": "v".repeat(256)},
        ]),
    )
    .ok();
    assert_eq!(org.tags(&unit).as_array().unwrap().len(), 2);
}

#[test]
fn list_tags_for_resource_has_one_page() {
    let mut org = Org::new();
    let unit = org.unit.clone();
    org.tag(&unit, tags(50, "k")).ok();
    let reply = org.call("ListTagsForResource", json!({"ResourceId": unit}));
    assert_eq!(reply.ok()["Tags"].as_array().unwrap().len(), 50);
    assert!(reply.ok().get("NextToken").is_none());
}

#[test]
fn only_the_management_account_tags_and_the_delegated_administrator_reads() {
    let mut org = Org::new();
    let member = org.member.clone();
    let unit = org.unit.clone();
    org.tag(&unit, json!([{"Key": "k", "Value": "v"}])).ok();
    let before = org.sandbox.engine.snapshot();
    let writes = [
        (
            "TagResource",
            json!({"ResourceId": unit, "Tags": [{"Key": "x", "Value": "y"}]}),
        ),
        (
            "UntagResource",
            json!({"ResourceId": unit, "TagKeys": ["k"]}),
        ),
    ];
    let read = ("ListTagsForResource", json!({"ResourceId": unit}));
    for (operation, body) in writes.iter().chain([&read]) {
        org.sandbox
            .org_as(&member, operation, body.clone())
            .assert_error("AccessDeniedException", ACCESS_DENIED);
        org.sandbox
            .org_as(OUTSIDER, operation, body.clone())
            .assert_error("AWSOrganizationsNotInUseException", NOT_IN_USE);
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
    org.call(
        "EnableAWSServiceAccess",
        json!({"ServicePrincipal": ACCOUNT}),
    )
    .ok();
    org.call(
        "RegisterDelegatedAdministrator",
        json!({"AccountId": member, "ServicePrincipal": ACCOUNT}),
    )
    .ok();
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in &writes {
        org.sandbox
            .org_as(&member, operation, body.clone())
            .assert_error("AccessDeniedException", ACCESS_DENIED);
    }
    let listed = org.sandbox.org_as(&member, read.0, read.1.clone());
    assert_eq!(listed.ok()["Tags"], json!([{"Key": "k", "Value": "v"}]));
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

#[test]
fn tags_survive_a_snapshot_round_trip() {
    let mut org = Org::new();
    for resource in org.resources() {
        org.tag(&resource, json!([{"Key": "k", "Value": resource}]))
            .ok();
    }
    let snapshot = org.sandbox.engine.snapshot();
    let mut restored = sandbox();
    restored.engine.restore(&snapshot).unwrap();
    assert_eq!(restored.engine.snapshot(), snapshot);
    for resource in org.resources() {
        let listed = restored.org_as(
            MANAGEMENT,
            "ListTagsForResource",
            json!({"ResourceId": resource}),
        );
        assert_eq!(
            listed.ok()["Tags"],
            json!([{"Key": "k", "Value": resource}])
        );
    }
}
