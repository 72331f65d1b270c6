//! Service control policies over the Organizations JSON 1.1 wire: enabling
//! and disabling the type on the root (p-FullAWSAccess on everything while
//! enabled), creating, describing, updating, deleting and listing policies,
//! attaching and detaching them within the limits (at most 5, never fewer
//! than 1, 5,120 characters), and who may do what.

mod common;

use account_engine::organizations::tree::FULL_AWS_ACCESS;
use common::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const OUTSIDER: &str = "444444444444";
const ACCOUNT: &str = "account.amazonaws.com";
const SCP: &str = "SERVICE_CONTROL_POLICY";

const ACCESS_DENIED: &str = "You don't have permissions to access this resource.";
const NOT_IN_USE: &str = "Your account is not a member of an organization.";
const TARGET_NOT_FOUND: &str =
    "We can't find a root, OU, account, or policy with the TargetId that you specified.";
const POLICY_NOT_FOUND: &str = "We can't find a policy with the PolicyId that you specified.";
const DUPLICATE_POLICY: &str = "A policy with the same name already exists.";
const DUPLICATE_ATTACHMENT: &str =
    "The selected policy is already attached to the specified target.";
const NOT_ATTACHED: &str =
    "The policy isn't attached to the specified target in the specified root.";
const IN_USE: &str = "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.";
const ALREADY_ENABLED: &str = "The specified policy type is already enabled in the specified root.";
const NOT_ENABLED: &str = "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.";
const ROOT_NOT_FOUND: &str = "We can't find a root with the RootId that you specified.";
const NOT_AVAILABLE: &str = "You can't use the specified policy type with the feature set currently enabled for this organization.";
/// Documented for CreatePolicy and UpdatePolicy (spec iam.md §7).
const MALFORMED: &str =
    "The provided policy document does not meet the requirements of the specified policy type.";
/// Observed (terraform-provider-aws #26797).
const LAST_POLICY: &str = "You cannot remove the last policy attached to the specified target. You must have at least one attached at all times.";
const TOO_MANY: &str = "You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time.";
const TOO_LARGE: &str = "You attempted to create a policy that is larger than the maximum size.";

const FULL_ACCESS_CONTENT: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

fn deny(action: &str) -> String {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": "*"}]})
        .to_string()
}

fn full_access_summary() -> Value {
    json!({
        "Id": "p-FullAWSAccess",
        "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
        "Name": "FullAWSAccess",
        "Description": "Allows access to every operation",
        "Type": "SERVICE_CONTROL_POLICY",
        "AwsManaged": true,
    })
}

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

    /// With SCPs enabled.
    fn enabled() -> Self {
        let mut org = Self::new();
        org.enable().ok();
        org
    }

    fn call(&mut self, operation: &str, body: Value) -> OrgReply {
        self.sandbox.org_as(MANAGEMENT, operation, body)
    }

    fn enable(&mut self) -> OrgReply {
        let root = self.root.clone();
        self.call(
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": SCP}),
        )
    }

    fn disable(&mut self) -> OrgReply {
        let root = self.root.clone();
        self.call(
            "DisablePolicyType",
            json!({"RootId": root, "PolicyType": SCP}),
        )
    }

    fn account(&mut self, name: &str) -> String {
        let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
        let request = self
            .call(
                "CreateAccount",
                json!({"AccountName": name, "Email": email}),
            )
            .ok()["CreateAccountStatus"]["Id"]
            .clone();
        self.call(
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": request}),
        )
        .ok()["CreateAccountStatus"]["AccountId"]
            .as_str()
            .unwrap()
            .to_owned()
    }

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

    fn create(&mut self, name: &str, content: &str) -> OrgReply {
        self.call(
            "CreatePolicy",
            json!({"Name": name, "Description": format!("{name} policy"), "Type": SCP, "Content": content}),
        )
    }

    /// A new customer SCP denying `s3:<name>`; its id.
    fn policy(&mut self, name: &str) -> String {
        self.create(name, &deny(&format!("s3:{name}"))).ok()["Policy"]["PolicySummary"]["Id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn attach(&mut self, policy: &str, target: &str) -> OrgReply {
        self.call(
            "AttachPolicy",
            json!({"PolicyId": policy, "TargetId": target}),
        )
    }

    fn detach(&mut self, policy: &str, target: &str) -> OrgReply {
        self.call(
            "DetachPolicy",
            json!({"PolicyId": policy, "TargetId": target}),
        )
    }

    /// The ids of the SCPs attached to `target`, in id order.
    fn attached(&mut self, target: &str) -> Vec<String> {
        let reply = self.call(
            "ListPoliciesForTarget",
            json!({"TargetId": target, "Filter": SCP}),
        );
        ids(&reply.ok()["Policies"])
    }

    /// The ids of every target of `policy`, over all pages.
    fn targets(&mut self, policy: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut body = json!({"PolicyId": policy, "MaxResults": 2});
            if let Some(t) = &token {
                body["NextToken"] = json!(t);
            }
            let reply = self.call("ListTargetsForPolicy", body);
            let page = reply.ok();
            out.extend(
                page["Targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["TargetId"].as_str().unwrap().to_owned()),
            );
            match page.get("NextToken") {
                Some(t) => token = Some(t.as_str().unwrap().to_owned()),
                None => return out,
            }
        }
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["Id"].as_str().unwrap().to_owned())
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// How policy lists order their entries: `p-FullAWSAccess` first, then by
/// id (an id may start with a digit and so sort before it).
fn listing_order(mut ids: Vec<String>) -> Vec<String> {
    ids.sort_by_key(|id| (id != FULL_AWS_ACCESS, id.clone()));
    ids
}

/// Every entry's id over all pages of `size`, checking that only the last
/// page is short.
fn paged_ids(org: &mut Org, operation: &str, body: Value, key: &str, size: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut token: Option<Value> = None;
    loop {
        let mut request = body.clone();
        request["MaxResults"] = json!(size);
        if let Some(t) = &token {
            request["NextToken"] = t.clone();
        }
        let reply = org.call(operation, request);
        let page = reply.ok();
        let entries = page[key].as_array().unwrap();
        out.extend(entries.iter().map(|p| p["Id"].as_str().unwrap().to_owned()));
        match page.get("NextToken") {
            Some(t) => {
                assert_eq!(
                    entries.len(),
                    size,
                    "{operation}: a short page before the last"
                );
                token = Some(t.clone());
            }
            None => return out,
        }
    }
}

// -------------------------------------------------------- EnablePolicyType

#[test]
fn enable_policy_type_enables_scps_on_the_root() {
    let mut org = Org::new();
    let root = org.root.clone();
    let reply = org.enable();
    assert_eq!(
        reply.ok(),
        &json!({"Root": {
            "Id": root,
            "Arn": format!("arn:aws:organizations::{MANAGEMENT}:root/{}/{root}", org.id),
            "Name": "Root",
            "PolicyTypes": [{"Type": SCP, "Status": "ENABLED"}],
        }})
    );
    let roots = org.call("ListRoots", json!({}));
    assert_eq!(roots.ok()["Roots"][0], reply.ok()["Root"]);
    let described = org.call("DescribeOrganization", json!({}));
    assert_eq!(
        described.ok()["Organization"]["AvailablePolicyTypes"],
        json!([{"Type": SCP, "Status": "ENABLED"}])
    );
    org.enable()
        .assert_error("PolicyTypeAlreadyEnabledException", ALREADY_ENABLED);
}

#[test]
fn enabling_attaches_full_aws_access_to_everything_and_everything_new() {
    let mut org = Org::new();
    let root = org.root.clone();
    let a = org.unit(&root, "A");
    let b = org.unit(&a, "B");
    let member = org.account("Member");
    assert_eq!(org.attached(&root), Vec::<String>::new());
    org.enable().ok();
    let existing = [
        root.clone(),
        a.clone(),
        b.clone(),
        member.clone(),
        MANAGEMENT.to_owned(),
    ];
    for target in &existing {
        assert_eq!(org.attached(target), [FULL_AWS_ACCESS], "{target}");
    }
    // What is made later gets it too: OUs, created accounts, nested OUs.
    let c = org.unit(&b, "C");
    let later = org.account("Later");
    for target in [&c, &later] {
        assert_eq!(org.attached(target), [FULL_AWS_ACCESS], "{target}");
    }
    let mut all: Vec<String> = existing.to_vec();
    all.extend([c, later]);
    assert_eq!(org.targets(FULL_AWS_ACCESS), sorted(all));
    let listed = org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": member, "Filter": SCP}),
    );
    assert_eq!(listed.ok(), &json!({"Policies": [full_access_summary()]}));
}

#[test]
fn enable_policy_type_errors() {
    let mut org = Org::new();
    let root = org.root.clone();
    let cases: Vec<(Value, &str)> = vec![
        (json!({"PolicyType": SCP}), "INPUT_REQUIRED"),
        (json!({"RootId": root}), "INPUT_REQUIRED"),
        (
            json!({"RootId": "root", "PolicyType": SCP}),
            "INVALID_PATTERN",
        ),
        (
            json!({"RootId": root, "PolicyType": "SCP"}),
            "INVALID_ENUM_POLICY_TYPE",
        ),
    ];
    for (body, reason) in cases {
        org.call("EnablePolicyType", body.clone())
            .assert_invalid(reason);
        org.call("DisablePolicyType", body).assert_invalid(reason);
    }
    org.call(
        "EnablePolicyType",
        json!({"RootId": "r-zzzz", "PolicyType": SCP}),
    )
    .assert_error("RootNotFoundException", ROOT_NOT_FOUND);
    for other in ["TAG_POLICY", "BACKUP_POLICY", "RESOURCE_CONTROL_POLICY"] {
        org.call(
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": other}),
        )
        .assert_error(
            "PolicyTypeNotAvailableForOrganizationException",
            NOT_AVAILABLE,
        );
    }
    org.disable()
        .assert_error("PolicyTypeNotEnabledException", NOT_ENABLED);
}

#[test]
fn a_consolidated_billing_organization_cannot_enable_scps() {
    let mut sandbox = sandbox();
    sandbox
        .org_as(
            MANAGEMENT,
            "CreateOrganization",
            json!({"FeatureSet": "CONSOLIDATED_BILLING"}),
        )
        .ok();
    let root = sandbox.org_as(MANAGEMENT, "ListRoots", json!({})).ok()["Roots"][0]["Id"].clone();
    sandbox
        .org_as(
            MANAGEMENT,
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": SCP}),
        )
        .assert_error(
            "PolicyTypeNotAvailableForOrganizationException",
            NOT_AVAILABLE,
        );
}

// ------------------------------------------------------- DisablePolicyType

#[test]
fn disable_policy_type_detaches_every_policy() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    let p = org.policy("Deny");
    for target in [&root, &unit, &member] {
        org.attach(&p, target).ok();
    }
    let reply = org.disable();
    assert_eq!(reply.ok()["Root"]["PolicyTypes"], json!([]));
    for target in [&root, &unit, &member, &MANAGEMENT.to_owned()] {
        assert_eq!(org.attached(target), Vec::<String>::new(), "{target}");
    }
    assert_eq!(org.targets(&p), Vec::<String>::new());
    assert_eq!(org.targets(FULL_AWS_ACCESS), Vec::<String>::new());
    // The policies stay, and attaching needs the type again.
    org.call("DescribePolicy", json!({"PolicyId": p})).ok();
    org.attach(&p, &unit)
        .assert_error("PolicyTypeNotEnabledException", NOT_ENABLED);
    org.disable()
        .assert_error("PolicyTypeNotEnabledException", NOT_ENABLED);
    // New things get nothing while disabled.
    let later = org.unit(&root, "Later");
    assert_eq!(org.attached(&later), Vec::<String>::new());
    // A detached policy can now be deleted.
    org.call("DeletePolicy", json!({"PolicyId": p})).ok();
    // Enabling again starts from p-FullAWSAccess alone.
    org.enable().ok();
    for target in [&root, &unit, &member, &later] {
        assert_eq!(org.attached(target), [FULL_AWS_ACCESS], "{target}");
    }
}

// ------------------------------------------------------------ CreatePolicy

#[test]
fn create_policy_answers_the_policy_and_describe_policy_agrees() {
    let mut org = Org::new();
    let content = deny("s3:*");
    let reply = org.call(
        "CreatePolicy",
        json!({"Name": "Deny S3", "Description": "No S3", "Type": SCP, "Content": content}),
    );
    let policy = reply.ok()["Policy"].clone();
    let id = policy["PolicySummary"]["Id"].as_str().unwrap().to_owned();
    let suffix = id.strip_prefix("p-").unwrap();
    assert!(
        suffix.len() == 8
            && suffix
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
        "{id}"
    );
    assert_eq!(
        policy,
        json!({
            "PolicySummary": {
                "Id": id,
                "Arn": format!("arn:aws:organizations::{MANAGEMENT}:policy/{}/service_control_policy/{id}", org.id),
                "Name": "Deny S3",
                "Description": "No S3",
                "Type": SCP,
                "AwsManaged": false,
            },
            "Content": content,
        })
    );
    let described = org.call("DescribePolicy", json!({"PolicyId": id}));
    assert_eq!(described.ok()["Policy"], policy);
    // Content is kept exactly as given, whitespace included.
    let spaced = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}\n}";
    let kept = org.create("Spaced", spaced);
    assert_eq!(kept.ok()["Policy"]["Content"], spaced);
}

#[test]
fn describe_policy_shows_full_aws_access() {
    let mut org = Org::new();
    let reply = org.call("DescribePolicy", json!({"PolicyId": FULL_AWS_ACCESS}));
    assert_eq!(
        reply.ok(),
        &json!({"Policy": {"PolicySummary": full_access_summary(), "Content": FULL_ACCESS_CONTENT}})
    );
}

#[test]
fn policy_content_is_limited_to_5120_characters() {
    let mut org = Org::new();
    let base = deny("s3:GetObject");
    // Pad with spaces inside the document: every character counts.
    let exactly = format!("{}{}", " ".repeat(5120 - base.len()), base);
    assert_eq!(exactly.chars().count(), 5120);
    org.create("Exactly", &exactly).ok();
    let over = format!(" {exactly}");
    let before = org.sandbox.engine.snapshot();
    org.create("Over", &over).assert_reason(
        "ConstraintViolationException",
        "POLICY_CONTENT_LIMIT_EXCEEDED",
        TOO_LARGE,
    );
    assert_eq!(org.sandbox.engine.snapshot(), before);
    // Characters, not bytes: 5,120 two-byte characters are within the limit.
    let sid = "é".repeat(5120 - deny("s3:*").chars().count() - r#","Sid":"""#.chars().count());
    let wide = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Sid": sid}]}).to_string();
    assert_eq!(wide.chars().count(), 5120);
    assert!(wide.len() > 5120);
    org.create("Wide", &wide).ok();
}

#[test]
fn content_that_is_not_a_policy_is_a_malformed_policy_document() {
    let mut org = Org::new();
    let documents = [
        "not json",
        "[]",
        "{}",
        r#"{"Version":"2012-10-17"}"#,
        r#"{"Version":"2012-10-17","Statement":[]}"#,
        r#"{"Version":"2012-10-17","Statement":"Allow"}"#,
        r#"{"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*"}]}"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}"#,
    ];
    let before = org.sandbox.engine.snapshot();
    for (n, content) in documents.into_iter().enumerate() {
        org.create(&format!("Bad {n}"), content)
            .assert_error("MalformedPolicyDocumentException", MALFORMED);
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
    org.call(
        "CreatePolicy",
        json!({"Name": "Empty", "Description": "", "Type": SCP, "Content": ""}),
    )
    .assert_invalid("MIN_LENGTH_EXCEEDED");
}

#[test]
fn create_policy_errors() {
    let mut org = Org::new();
    org.policy("Taken");
    org.create("Taken", &deny("ec2:*"))
        .assert_error("DuplicatePolicyException", DUPLICATE_POLICY);
    let content = deny("s3:*");
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"Description": "", "Type": SCP, "Content": content}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"Name": "N", "Type": SCP, "Content": content}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"Name": "N", "Description": "", "Content": content}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"Name": "N", "Description": "", "Type": SCP}),
            "INPUT_REQUIRED",
        ),
        (
            json!({"Name": "", "Description": "", "Type": SCP, "Content": content}),
            "MIN_LENGTH_EXCEEDED",
        ),
        (
            json!({"Name": "n".repeat(129), "Description": "", "Type": SCP, "Content": content}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"Name": "N", "Description": "d".repeat(513), "Type": SCP, "Content": content}),
            "MAX_LENGTH_EXCEEDED",
        ),
        (
            json!({"Name": "N", "Description": "", "Type": "SCP", "Content": content}),
            "INVALID_ENUM_POLICY_TYPE",
        ),
    ];
    for (body, reason) in cases {
        org.call("CreatePolicy", body).assert_invalid(reason);
    }
    org.call(
        "CreatePolicy",
        json!({"Name": "Tags", "Description": "", "Type": "TAG_POLICY", "Content": "{}"}),
    )
    .assert_error(
        "PolicyTypeNotAvailableForOrganizationException",
        NOT_AVAILABLE,
    );
}

// ------------------------------------------------------------ UpdatePolicy

#[test]
fn update_policy_changes_name_description_and_content() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let p = org.policy("Old");
    org.attach(&p, &root).ok();
    let content = deny("ec2:*");
    let reply = org.call(
        "UpdatePolicy",
        json!({"PolicyId": p, "Name": "New", "Description": "Changed", "Content": content}),
    );
    let policy = reply.ok()["Policy"].clone();
    assert_eq!(policy["PolicySummary"]["Name"], "New");
    assert_eq!(policy["PolicySummary"]["Description"], "Changed");
    assert_eq!(policy["Content"], json!(content));
    assert_eq!(
        org.call("DescribePolicy", json!({"PolicyId": p})).ok()["Policy"],
        policy
    );
    // Only what is given changes; attachments stay.
    let renamed = org.call("UpdatePolicy", json!({"PolicyId": p, "Name": "Newer"}));
    assert_eq!(renamed.ok()["Policy"]["Content"], json!(content));
    assert_eq!(
        renamed.ok()["Policy"]["PolicySummary"]["Description"],
        "Changed"
    );
    assert_eq!(
        org.attached(&root),
        vec![FULL_AWS_ACCESS.to_owned(), p.clone()]
    );
    // Its own name is no duplicate.
    org.call("UpdatePolicy", json!({"PolicyId": p, "Name": "Newer"}))
        .ok();
}

#[test]
fn update_policy_errors() {
    let mut org = Org::new();
    let p = org.policy("P");
    org.policy("Other");
    let before = org.sandbox.engine.snapshot();
    org.call("UpdatePolicy", json!({"PolicyId": p, "Name": "Other"}))
        .assert_error("DuplicatePolicyException", DUPLICATE_POLICY);
    org.call("UpdatePolicy", json!({"PolicyId": p, "Content": "{}"}))
        .assert_error("MalformedPolicyDocumentException", MALFORMED);
    org.call(
        "UpdatePolicy",
        json!({"PolicyId": p, "Content": " ".repeat(5121)}),
    )
    .assert_reason(
        "ConstraintViolationException",
        "POLICY_CONTENT_LIMIT_EXCEEDED",
        TOO_LARGE,
    );
    org.call(
        "UpdatePolicy",
        json!({"PolicyId": "p-abcd1234", "Name": "X"}),
    )
    .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
    org.call("UpdatePolicy", json!({"Name": "X"}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("UpdatePolicy", json!({"PolicyId": "p-x"}))
        .assert_invalid("INVALID_PATTERN");
    org.call("UpdatePolicy", json!({"PolicyId": p, "Name": ""}))
        .assert_invalid("MIN_LENGTH_EXCEEDED");
    // The AWS managed policy cannot be changed.
    for body in [
        json!({"PolicyId": FULL_AWS_ACCESS, "Name": "Mine"}),
        json!({"PolicyId": FULL_AWS_ACCESS, "Content": deny("*")}),
        json!({"PolicyId": FULL_AWS_ACCESS}),
    ] {
        org.call("UpdatePolicy", body)
            .assert_invalid("IMMUTABLE_POLICY");
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

// ------------------------------------------------------------ DeletePolicy

#[test]
fn delete_policy_refuses_a_policy_in_use_and_full_aws_access() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let p = org.policy("P");
    org.attach(&p, &unit).ok();
    org.call("DeletePolicy", json!({"PolicyId": p}))
        .assert_error("PolicyInUseException", IN_USE);
    org.detach(&p, &unit).ok();
    assert_eq!(
        org.call("DeletePolicy", json!({"PolicyId": p})).ok(),
        &json!({})
    );
    org.call("DescribePolicy", json!({"PolicyId": p}))
        .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
    org.call("DeletePolicy", json!({"PolicyId": p}))
        .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
    org.call("DeletePolicy", json!({"PolicyId": FULL_AWS_ACCESS}))
        .assert_invalid("IMMUTABLE_POLICY");
    org.call("DeletePolicy", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    // Its name is free again.
    org.policy("P");
}

#[test]
fn deleting_an_ou_lets_its_policies_go() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let p = org.policy("P");
    org.attach(&p, &unit).ok();
    org.call(
        "DeleteOrganizationalUnit",
        json!({"OrganizationalUnitId": unit}),
    )
    .ok();
    assert_eq!(org.targets(&p), Vec::<String>::new());
    assert!(!org.targets(FULL_AWS_ACCESS).contains(&unit));
    org.call("DeletePolicy", json!({"PolicyId": p})).ok();
}

// ------------------------------------------------------------ ListPolicies

#[test]
fn list_policies_lists_full_aws_access_first_then_by_id() {
    let mut org = Org::new();
    let made: Vec<String> = (0..5).map(|n| org.policy(&format!("P{n}"))).collect();
    let mut expected = vec![FULL_AWS_ACCESS.to_owned()];
    expected.extend(sorted(made));
    let mut listed = Vec::new();
    let mut pages = 0;
    let mut token: Option<String> = None;
    loop {
        let mut body = json!({"Filter": SCP, "MaxResults": 2});
        if let Some(t) = &token {
            body["NextToken"] = json!(t);
        }
        let reply = org.call("ListPolicies", body);
        pages += 1;
        let page = reply.ok();
        listed.extend(page["Policies"].as_array().unwrap().iter().cloned());
        match page.get("NextToken") {
            Some(t) => token = Some(t.as_str().unwrap().to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(ids(&json!(listed)), expected);
    assert_eq!(listed[0], full_access_summary());
    for summary in &listed[1..] {
        let described = org.call("DescribePolicy", json!({"PolicyId": summary["Id"]}));
        assert_eq!(&described.ok()["Policy"]["PolicySummary"], summary);
    }
    // Whether or not SCPs are enabled.
    org.enable().ok();
    let all = org.call("ListPolicies", json!({"Filter": SCP}));
    assert_eq!(ids(&all.ok()["Policies"]), expected);
}

#[test]
fn list_policies_of_another_type_is_empty_and_filter_is_required() {
    let mut org = Org::new();
    org.policy("P");
    let tag_policies = org.call("ListPolicies", json!({"Filter": "TAG_POLICY"}));
    assert_eq!(tag_policies.ok(), &json!({"Policies": []}));
    org.call("ListPolicies", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("ListPolicies", json!({"Filter": "scp"}))
        .assert_invalid("INVALID_ENUM_POLICY_TYPE");
    org.call("ListPolicies", json!({"Filter": SCP, "MaxResults": 0}))
        .assert_invalid("MIN_VALUE_EXCEEDED");
    org.call("ListPolicies", json!({"Filter": SCP, "MaxResults": 21}))
        .assert_invalid("MAX_VALUE_EXCEEDED");
    org.call("ListPolicies", json!({"Filter": SCP, "NextToken": "x"}))
        .assert_invalid("INVALID_NEXT_TOKEN");
    // A token of one filter is not another's.
    org.policy("Q");
    let token = org
        .call("ListPolicies", json!({"Filter": SCP, "MaxResults": 1}))
        .ok()["NextToken"]
        .clone();
    org.call(
        "ListPolicies",
        json!({"Filter": "TAG_POLICY", "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
}

/// Regression: ids that start with a digit sort before `p-FullAWSAccess`,
/// and a page ending on one used to list `p-FullAWSAccess` again on the next.
#[test]
fn policy_lists_page_without_repeats_or_gaps_at_every_page_size() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let made: Vec<String> = (0..19).map(|n| org.policy(&format!("P{n:02}"))).collect();
    assert!(
        made.iter().any(|id| id.as_bytes()[2].is_ascii_digit()),
        "some id starts with a digit: {made:?}"
    );
    let mut all = made.clone();
    all.push(FULL_AWS_ACCESS.to_owned());
    let expected = listing_order(all);
    assert_eq!(expected[0], FULL_AWS_ACCESS);
    for size in 1..=20 {
        let listed = paged_ids(
            &mut org,
            "ListPolicies",
            json!({"Filter": SCP}),
            "Policies",
            size,
        );
        assert_eq!(listed, expected, "pages of {size}");
    }
    // Attach the four starting with the smallest ids, digits among them.
    let mut smallest = sorted(made);
    smallest.truncate(4);
    for p in &smallest {
        org.attach(p, &root).ok();
    }
    let mut on_root = smallest.clone();
    on_root.push(FULL_AWS_ACCESS.to_owned());
    for size in 1..=5 {
        let listed = paged_ids(
            &mut org,
            "ListPoliciesForTarget",
            json!({"TargetId": root, "Filter": SCP}),
            "Policies",
            size,
        );
        assert_eq!(listed, listing_order(on_root.clone()), "pages of {size}");
    }
}

// --------------------------------------------------- ListPoliciesForTarget

#[test]
fn list_policies_for_target_errors() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    for target in ["r-zzzz", "ou-abcd-12345678", "999999999999"] {
        org.call(
            "ListPoliciesForTarget",
            json!({"TargetId": target, "Filter": SCP}),
        )
        .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
    }
    org.call("ListPoliciesForTarget", json!({"Filter": SCP}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("ListPoliciesForTarget", json!({"TargetId": root}))
        .assert_invalid("INPUT_REQUIRED");
    org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": "p-FullAWSAccess", "Filter": SCP}),
    )
    .assert_invalid("INVALID_PATTERN_TARGET_ID");
    org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": root, "Filter": "X"}),
    )
    .assert_invalid("INVALID_ENUM_POLICY_TYPE");
    let other = org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": root, "Filter": "BACKUP_POLICY"}),
    );
    assert_eq!(other.ok(), &json!({"Policies": []}));
    // Pages over the five a target may have.
    let ps: Vec<String> = (0..4).map(|n| org.policy(&format!("P{n}"))).collect();
    for p in &ps {
        org.attach(p, &root).ok();
    }
    let first = org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": root, "Filter": SCP, "MaxResults": 3}),
    );
    assert_eq!(first.ok()["Policies"].as_array().unwrap().len(), 3);
    let token = first.ok()["NextToken"].clone();
    let second = org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": root, "Filter": SCP, "MaxResults": 3, "NextToken": token}),
    );
    assert_eq!(second.ok()["Policies"].as_array().unwrap().len(), 2);
    assert!(second.ok().get("NextToken").is_none());
    let mut all = ids(&first.ok()["Policies"]);
    all.extend(ids(&second.ok()["Policies"]));
    let mut expected = vec![FULL_AWS_ACCESS.to_owned()];
    expected.extend(sorted(ps));
    assert_eq!(all, expected);
    // The token is bound to its target.
    let unit = org.unit(&root, "Unit");
    org.call(
        "ListPoliciesForTarget",
        json!({"TargetId": unit, "Filter": SCP, "NextToken": token}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
}

// ---------------------------------------------------- ListTargetsForPolicy

#[test]
fn list_targets_for_policy_names_each_target() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Workloads");
    let member = org.account("Member");
    let p = org.policy("P");
    for target in [&root, &unit, &member] {
        org.attach(&p, target).ok();
    }
    let reply = org.call("ListTargetsForPolicy", json!({"PolicyId": p}));
    let mut targets = reply.ok()["Targets"].as_array().unwrap().clone();
    targets.sort_by_key(|t| t["TargetId"].as_str().unwrap().to_owned());
    let mut expected = vec![
        json!({"TargetId": root, "Arn": format!("arn:aws:organizations::{MANAGEMENT}:root/{}/{root}", org.id), "Name": "Root", "Type": "ROOT"}),
        json!({"TargetId": unit, "Arn": format!("arn:aws:organizations::{MANAGEMENT}:ou/{}/{unit}", org.id), "Name": "Workloads", "Type": "ORGANIZATIONAL_UNIT"}),
        json!({"TargetId": member, "Arn": format!("arn:aws:organizations::{MANAGEMENT}:account/{}/{member}", org.id), "Name": "Member", "Type": "ACCOUNT"}),
    ];
    expected.sort_by_key(|t| t["TargetId"].as_str().unwrap().to_owned());
    assert_eq!(targets, expected);
    assert_eq!(org.targets(&p), sorted(vec![root, unit, member]));
}

#[test]
fn list_targets_for_policy_errors() {
    let mut org = Org::new();
    org.call("ListTargetsForPolicy", json!({"PolicyId": "p-abcd1234"}))
        .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
    org.call("ListTargetsForPolicy", json!({}))
        .assert_invalid("INPUT_REQUIRED");
    org.call("ListTargetsForPolicy", json!({"PolicyId": "p-1"}))
        .assert_invalid("INVALID_PATTERN");
    org.call(
        "ListTargetsForPolicy",
        json!({"PolicyId": FULL_AWS_ACCESS, "MaxResults": 0}),
    )
    .assert_invalid("MIN_VALUE_EXCEEDED");
    org.call(
        "ListTargetsForPolicy",
        json!({"PolicyId": FULL_AWS_ACCESS, "NextToken": "x"}),
    )
    .assert_invalid("INVALID_NEXT_TOKEN");
    // Before SCPs are enabled nothing is attached.
    let none = org.call("ListTargetsForPolicy", json!({"PolicyId": FULL_AWS_ACCESS}));
    assert_eq!(none.ok(), &json!({"Targets": []}));
}

// ------------------------------------------------- AttachPolicy, DetachPolicy

#[test]
fn a_target_holds_up_to_five_scps_and_no_sixth() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    let ps: Vec<String> = (0..5).map(|n| org.policy(&format!("P{n}"))).collect();
    for target in [&root, &unit, &member] {
        // p-FullAWSAccess and four more make five.
        for p in &ps[..4] {
            assert_eq!(org.attach(p, target).ok(), &json!({}));
        }
        assert_eq!(org.attached(target).len(), 5);
        let before = org.sandbox.engine.snapshot();
        org.attach(&ps[4], target).assert_reason(
            "ConstraintViolationException",
            "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            TOO_MANY,
        );
        assert_eq!(org.sandbox.engine.snapshot(), before);
        // Making room lets it in.
        org.detach(FULL_AWS_ACCESS, target).ok();
        org.attach(&ps[4], target).ok();
        assert_eq!(org.attached(target), sorted(ps.clone()));
    }
}

#[test]
fn the_last_policy_of_a_target_cannot_be_detached() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    for target in [&root, &unit, &member] {
        let before = org.sandbox.engine.snapshot();
        org.detach(FULL_AWS_ACCESS, target).assert_reason(
            "ConstraintViolationException",
            "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
            LAST_POLICY,
        );
        assert_eq!(org.sandbox.engine.snapshot(), before);
    }
    // With another attached, p-FullAWSAccess may go; then that one is last.
    let p = org.policy("P");
    org.attach(&p, &unit).ok();
    assert_eq!(org.detach(FULL_AWS_ACCESS, &unit).ok(), &json!({}));
    assert_eq!(org.attached(&unit), vec![p.as_str()]);
    org.detach(&p, &unit).assert_reason(
        "ConstraintViolationException",
        "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
        LAST_POLICY,
    );
}

#[test]
fn attach_before_enabling_is_policy_type_not_enabled() {
    let mut org = Org::new();
    let root = org.root.clone();
    let p = org.policy("P");
    for policy in [p.as_str(), FULL_AWS_ACCESS] {
        org.attach(policy, &root)
            .assert_error("PolicyTypeNotEnabledException", NOT_ENABLED);
        org.detach(policy, &root)
            .assert_error("PolicyTypeNotEnabledException", NOT_ENABLED);
    }
    org.enable().ok();
    org.attach(&p, &root).ok();
}

#[test]
fn attach_and_detach_errors() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let p = org.policy("P");
    org.attach(&p, &unit).ok();
    org.attach(&p, &unit)
        .assert_error("DuplicatePolicyAttachmentException", DUPLICATE_ATTACHMENT);
    org.attach(FULL_AWS_ACCESS, &unit)
        .assert_error("DuplicatePolicyAttachmentException", DUPLICATE_ATTACHMENT);
    org.detach(&p, &root)
        .assert_error("PolicyNotAttachedException", NOT_ATTACHED);
    for policy in ["p-abcd1234", "p-FullAWSAccess2"] {
        org.attach(policy, &root)
            .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
        org.detach(policy, &root)
            .assert_error("PolicyNotFoundException", POLICY_NOT_FOUND);
    }
    for target in ["r-zzzz", "ou-abcd-12345678", "999999999999"] {
        org.attach(&p, target)
            .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
        org.detach(&p, target)
            .assert_error("TargetNotFoundException", TARGET_NOT_FOUND);
    }
    for operation in ["AttachPolicy", "DetachPolicy"] {
        org.call(operation, json!({"TargetId": root}))
            .assert_invalid("INPUT_REQUIRED");
        org.call(operation, json!({"PolicyId": p}))
            .assert_invalid("INPUT_REQUIRED");
        org.call(operation, json!({"PolicyId": "p-1", "TargetId": root}))
            .assert_invalid("INVALID_PATTERN");
        org.call(operation, json!({"PolicyId": p, "TargetId": "target"}))
            .assert_invalid("INVALID_PATTERN_TARGET_ID");
    }
}

#[test]
fn moving_an_account_keeps_its_own_policies() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    let p = org.policy("P");
    org.attach(&p, &member).ok();
    org.call(
        "MoveAccount",
        json!({"AccountId": member, "SourceParentId": root, "DestinationParentId": unit}),
    )
    .ok();
    assert_eq!(org.attached(&member), vec![FULL_AWS_ACCESS.to_owned(), p]);
}

// ------------------------------------------------------------ who may call

fn requests(org: &mut Org) -> Vec<(&'static str, Value)> {
    let root = org.root.clone();
    let p = org.policy("Existing");
    vec![
        (
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": SCP}),
        ),
        (
            "DisablePolicyType",
            json!({"RootId": root, "PolicyType": SCP}),
        ),
        (
            "CreatePolicy",
            json!({"Name": "New", "Description": "", "Type": SCP, "Content": deny("*")}),
        ),
        ("DescribePolicy", json!({"PolicyId": p})),
        ("UpdatePolicy", json!({"PolicyId": p, "Name": "Renamed"})),
        ("DeletePolicy", json!({"PolicyId": p})),
        ("ListPolicies", json!({"Filter": SCP})),
        (
            "ListPoliciesForTarget",
            json!({"TargetId": root, "Filter": SCP}),
        ),
        ("ListTargetsForPolicy", json!({"PolicyId": FULL_AWS_ACCESS})),
        ("AttachPolicy", json!({"PolicyId": p, "TargetId": root})),
        (
            "DetachPolicy",
            json!({"PolicyId": FULL_AWS_ACCESS, "TargetId": root}),
        ),
    ]
}

#[test]
fn members_are_denied_every_policy_operation() {
    let mut org = Org::enabled();
    let member = org.account("Member");
    let requests = requests(&mut org);
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in requests {
        org.sandbox
            .org_as(&member, operation, body.clone())
            .assert_error("AccessDeniedException", ACCESS_DENIED);
        org.sandbox
            .org_as(OUTSIDER, operation, body)
            .assert_error("AWSOrganizationsNotInUseException", NOT_IN_USE);
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

#[test]
fn the_delegated_administrator_reads_policies_but_cannot_change_them() {
    let mut org = Org::enabled();
    let admin = org.account("Admin");
    org.call(
        "EnableAWSServiceAccess",
        json!({"ServicePrincipal": ACCOUNT}),
    )
    .ok();
    org.call(
        "RegisterDelegatedAdministrator",
        json!({"AccountId": admin, "ServicePrincipal": ACCOUNT}),
    )
    .ok();
    let requests = requests(&mut org);
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in requests {
        let mutating = account_engine::OrgOperation::from_name(operation)
            .unwrap()
            .is_mutating();
        let reply = org.sandbox.org_as(&admin, operation, body.clone());
        if mutating {
            reply.assert_error("AccessDeniedException", ACCESS_DENIED);
        } else {
            assert_eq!(reply.ok(), org.call(operation, body).ok(), "{operation}");
        }
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}

// -------------------------------------------------- snapshots and reads

#[test]
fn policies_and_attachments_survive_a_snapshot_round_trip() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let unit = org.unit(&root, "Unit");
    let member = org.account("Member");
    let p = org.policy("P");
    let q = org.policy("Q");
    org.attach(&p, &unit).ok();
    org.attach(&q, &member).ok();
    org.detach(FULL_AWS_ACCESS, &member).ok();
    let snapshot = org.sandbox.engine.snapshot();
    let mut restored = sandbox();
    restored.engine.restore(&snapshot).unwrap();
    assert_eq!(restored.engine.snapshot(), snapshot);
    for target in [&root, &unit, &member] {
        let body = json!({"TargetId": target, "Filter": SCP});
        let a = org.call("ListPoliciesForTarget", body.clone());
        let b = restored.org_as(MANAGEMENT, "ListPoliciesForTarget", body);
        assert_eq!(a.ok(), b.ok());
    }
    let listed = restored.org_as(MANAGEMENT, "ListPolicies", json!({"Filter": SCP}));
    assert_eq!(
        listed.ok(),
        org.call("ListPolicies", json!({"Filter": SCP})).ok()
    );
}

#[test]
fn policy_reads_do_not_change_the_state() {
    let mut org = Org::enabled();
    let root = org.root.clone();
    let member = org.account("Member");
    let p = org.policy("P");
    org.attach(&p, &member).ok();
    let reads = [
        ("DescribePolicy", json!({"PolicyId": p})),
        ("DescribePolicy", json!({"PolicyId": FULL_AWS_ACCESS})),
        ("ListPolicies", json!({"Filter": SCP, "MaxResults": 1})),
        (
            "ListPoliciesForTarget",
            json!({"TargetId": member, "Filter": SCP}),
        ),
        (
            "ListPoliciesForTarget",
            json!({"TargetId": root, "Filter": SCP}),
        ),
        (
            "ListTargetsForPolicy",
            json!({"PolicyId": FULL_AWS_ACCESS, "MaxResults": 1}),
        ),
        ("ListTargetsForPolicy", json!({"PolicyId": p})),
        ("ListRoots", json!({})),
    ];
    let before = org.sandbox.engine.snapshot();
    for (operation, body) in &reads {
        for caller in [MANAGEMENT, member.as_str(), OUTSIDER] {
            org.sandbox.org_as(caller, operation, body.clone());
        }
    }
    assert_eq!(org.sandbox.engine.snapshot(), before);
}
