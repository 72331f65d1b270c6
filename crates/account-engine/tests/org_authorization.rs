//! organizations:* and iam:* calls decided by policies after the service's
//! own checks: the Service Authorization Reference's resources and keys,
//! identity policies of the management account's users, SCPs over the
//! delegated administrator and never over the management account, the
//! global keys every request carries, and the open questions of
//! `shared/spec/iam.md` §11 as the sandbox decides them.

mod common;
mod iam_support;

use std::net::IpAddr;

use account_engine::Origin;
use common::*;
use iam_support::ADMIN as ADMIN_POLICY;
use iam_support::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const ADMIN: &str = "222222222222";
const MEMBER: &str = "333333333333";

const DENY_CREATE_OU: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoNewOUs","Effect":"Deny","Action":"organizations:CreateOrganizationalUnit","Resource":"*"}]}"#;

struct Org {
    sandbox: Sandbox,
    id: String,
    root: String,
}

impl Org {
    fn ok(&mut self, caller: &str, operation: &str, body: Value) -> Value {
        self.sandbox.org_as(caller, operation, body).ok().clone()
    }

    fn scp(&mut self, name: &str, content: &str, target: &str) -> String {
        let created = self.ok(
            MANAGEMENT,
            "CreatePolicy",
            json!({"Name": name, "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": content}),
        );
        let id = created["Policy"]["PolicySummary"]["Id"]
            .as_str()
            .unwrap()
            .to_owned();
        self.ok(
            MANAGEMENT,
            "AttachPolicy",
            json!({"PolicyId": id, "TargetId": target}),
        );
        id
    }

    fn scp_arn(&self, policy: &str) -> String {
        format!(
            "arn:aws:organizations::{MANAGEMENT}:policy/{}/service_control_policy/{policy}",
            self.id
        )
    }

    fn root_arn(&self) -> String {
        format!(
            "arn:aws:organizations::{MANAGEMENT}:root/{}/{}",
            self.id, self.root
        )
    }

    fn account_arn(&self, account: &str) -> String {
        format!(
            "arn:aws:organizations::{MANAGEMENT}:account/{}/{account}",
            self.id
        )
    }

    fn create_ou(&mut self, caller: &str, name: &str) -> String {
        let root = self.root.clone();
        let created = self.ok(
            caller,
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": name}),
        );
        created["OrganizationalUnit"]["Id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// An organization of the management account, a delegated administrator
/// and a member, with trusted access and SCPs enabled.
fn organization() -> Org {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let id = engine.create_organization(MANAGEMENT).unwrap();
    engine
        .add_member_account(&id, ADMIN, "Admin", "admin@example.com")
        .unwrap();
    engine
        .add_member_account(&id, MEMBER, "Member", "member@example.com")
        .unwrap();
    engine.register_delegated_administrator(&id, ADMIN).unwrap();
    engine.set_trusted_access(&id, true).unwrap();
    let root = format!("r-{}", &id[2..6]);
    let mut org = Org { sandbox, id, root };
    let root = org.root.clone();
    org.ok(
        MANAGEMENT,
        "EnablePolicyType",
        json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
    );
    org
}

fn user_arn(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:user/{name}")
}

fn implicit(principal: &str, action: &str, resource: &str, kind: &str) -> String {
    format!(
        "User: {principal} is not authorized to perform: {action} on resource: {resource} because no {kind} allows the {action} action"
    )
}

fn explicit(principal: &str, action: &str, resource: &str, kind: &str) -> String {
    format!("User: {principal} is not authorized to perform: {action} on resource: {resource} with an explicit deny in {kind}")
}

#[test]
fn an_identity_deny_stops_a_management_users_create_organizational_unit() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let root_arn = org.root_arn();
    let root = org.root.clone();
    let create = json!({"ParentId": root, "Name": "Sandbox"});
    org.sandbox
        .org_as(&key, "CreateOrganizationalUnit", create.clone())
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:CreateOrganizationalUnit",
                &root_arn,
                "identity-based policy",
            ),
        );
    attach(&mut org.sandbox.engine, MANAGEMENT, "ops", ADMIN_POLICY);
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "no-ous",
        DENY_CREATE_OU,
    );
    org.sandbox
        .org_as(&key, "CreateOrganizationalUnit", create)
        .assert_error(
            "AccessDeniedException",
            &explicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:CreateOrganizationalUnit",
                &root_arn,
                "an identity-based policy",
            ),
        );
    // What the deny leaves alone, AdministratorAccess allows.
    org.ok(&key, "ListRoots", json!({}));
    iam(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "DeleteUserPolicy",
        &[("UserName", "ops"), ("PolicyName", "no-ous")],
    )
    .ok();
    org.create_ou(&key, "Sandbox");
}

#[test]
fn the_resource_is_the_parent_and_request_tags_reach_the_conditions() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let only_tagged = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"organizations:CreateOrganizationalUnit","Resource":"{}","Condition":{{"StringEquals":{{"aws:RequestTag/team":"blue"}},"ForAllValues:StringEquals":{{"aws:TagKeys":["team"]}}}}}}]}}"#,
        org.root_arn()
    );
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "tagged",
        &only_tagged,
    );
    let root = org.root.clone();
    let tagged = |team: &str| json!({"ParentId": root, "Name": team, "Tags": [{"Key": "team", "Value": team}]});
    org.ok(&key, "CreateOrganizationalUnit", tagged("blue"));
    let denied = implicit(
        &user_arn(MANAGEMENT, "ops"),
        "organizations:CreateOrganizationalUnit",
        &org.root_arn(),
        "identity-based policy",
    );
    org.sandbox
        .org_as(&key, "CreateOrganizationalUnit", tagged("red"))
        .assert_error("AccessDeniedException", &denied);
    org.sandbox
        .org_as(
            &key,
            "CreateOrganizationalUnit",
            json!({"ParentId": org.root, "Name": "untagged"}),
        )
        .assert_error("AccessDeniedException", &denied);
}

#[test]
fn scps_never_apply_to_the_management_account() {
    let mut org = organization();
    let root = org.root.clone();
    org.scp("NoNewOUs", DENY_CREATE_OU, &root);
    org.create_ou(MANAGEMENT, "ByRoot");
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    attach(&mut org.sandbox.engine, MANAGEMENT, "ops", ADMIN_POLICY);
    org.create_ou(&key, "ByUser");
}

#[test]
fn the_delegated_administrators_reads_are_decided_by_its_scps() {
    let mut org = organization();
    let deny_list = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoListing","Effect":"Deny","Action":"organizations:ListAccounts","Resource":"*"}]}"#;
    let policy = org.scp("NoListing", deny_list, ADMIN);
    org.sandbox
        .org_as(ADMIN, "ListAccounts", json!({}))
        .assert_error(
            "AccessDeniedException",
            &format!(
                "{}: {}",
                explicit(
                    &format!("arn:aws:iam::{ADMIN}:root"),
                    "organizations:ListAccounts",
                    "*",
                    "a service control policy"
                ),
                org.scp_arn(&policy)
            ),
        );
    // The SCP is the administrator's: the management account still lists.
    org.ok(MANAGEMENT, "ListAccounts", json!({}));

    // With FullAWSAccess gone from its account, only what an SCP at every
    // level allows is left: DescribeAccount, on the account ARN.
    let describe = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DescribeAccount","Resource":"*"}]}"#;
    org.scp("DescribeOnly", describe, ADMIN);
    org.ok(
        MANAGEMENT,
        "DetachPolicy",
        json!({"PolicyId": "p-FullAWSAccess", "TargetId": ADMIN}),
    );
    org.ok(ADMIN, "DescribeAccount", json!({"AccountId": MEMBER}));
    org.sandbox
        .org_as(
            ADMIN,
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": "ou-abcd-12345678"}),
        )
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &format!("arn:aws:iam::{ADMIN}:root"),
                "organizations:DescribeOrganizationalUnit",
                &format!(
                    "arn:aws:organizations::{MANAGEMENT}:ou/{}/ou-abcd-12345678",
                    org.id
                ),
                "service control policy",
            ),
        );
}

#[test]
fn account_resources_carry_their_tags() {
    let mut org = organization();
    org.ok(
        MANAGEMENT,
        "TagResource",
        json!({"ResourceId": MEMBER, "Tags": [{"Key": "locked", "Value": "true"}]}),
    );
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let unlocked = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DescribeAccount","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/locked":"true"}}}]}"#;
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "unlocked",
        unlocked,
    );
    org.ok(&key, "DescribeAccount", json!({"AccountId": ADMIN}));
    org.sandbox
        .org_as(&key, "DescribeAccount", json!({"AccountId": MEMBER}))
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:DescribeAccount",
                &org.account_arn(MEMBER),
                "identity-based policy",
            ),
        );
}

#[test]
fn move_account_needs_every_resource_and_names_the_first_refused() {
    let mut org = organization();
    let ou = org.create_ou(MANAGEMENT, "Target");
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    attach(&mut org.sandbox.engine, MANAGEMENT, "ops", ADMIN_POLICY);
    let ou_arn = format!("arn:aws:organizations::{MANAGEMENT}:ou/{}/{ou}", org.id);
    let deny = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"organizations:MoveAccount","Resource":"{ou_arn}"}}]}}"#
    );
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "not-there",
        &deny,
    );
    let root = org.root.clone();
    org.sandbox
        .org_as(
            &key,
            "MoveAccount",
            json!({"AccountId": MEMBER, "SourceParentId": root, "DestinationParentId": ou}),
        )
        .assert_error(
            "AccessDeniedException",
            &explicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:MoveAccount",
                &ou_arn,
                "an identity-based policy",
            ),
        );
}

#[test]
fn policy_actions_carry_the_policy_type_and_the_aws_managed_arn() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let tag_policies_only = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DescribePolicy","Resource":"*","Condition":{"StringEquals":{"organizations:PolicyType":"TAG_POLICY"}}}]}"#;
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "tags",
        tag_policies_only,
    );
    org.sandbox
        .org_as(
            &key,
            "DescribePolicy",
            json!({"PolicyId": "p-FullAWSAccess"}),
        )
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:DescribePolicy",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                "identity-based policy",
            ),
        );
    let scps = tag_policies_only.replace("TAG_POLICY", "SERVICE_CONTROL_POLICY");
    put_inline(&mut org.sandbox.engine, MANAGEMENT, "ops", "tags", &scps);
    org.ok(
        &key,
        "DescribePolicy",
        json!({"PolicyId": "p-FullAWSAccess"}),
    );
}

#[test]
fn service_principal_reaches_the_conditions() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let account_only = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:*AWSServiceAccess","Resource":"*","Condition":{"StringEquals":{"organizations:ServicePrincipal":"account.amazonaws.com"}}}]}"#;
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "account",
        account_only,
    );
    org.ok(
        &key,
        "EnableAWSServiceAccess",
        json!({"ServicePrincipal": "account.amazonaws.com"}),
    );
    org.sandbox
        .org_as(
            &key,
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": "backup.amazonaws.com"}),
        )
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MANAGEMENT, "ops"),
                "organizations:EnableAWSServiceAccess",
                "*",
                "identity-based policy",
            ),
        );
}

#[test]
fn create_organization_is_asked_on_star() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, MEMBER, "founder");
    sandbox
        .org_as(&key, "CreateOrganization", json!({}))
        .assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MEMBER, "founder"),
                "organizations:CreateOrganization",
                "*",
                "identity-based policy",
            ),
        );
    attach(&mut sandbox.engine, MEMBER, "founder", ADMIN_POLICY);
    sandbox.org_as(&key, "CreateOrganization", json!({})).ok();
}

/// §11 question 1: the service's own checks come before policies, so a
/// plain member whose user is explicitly denied still gets the service's
/// refusal, in both APIs.
#[test]
fn the_service_checks_answer_before_an_explicit_deny() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MEMBER, "ops");
    let deny_all = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["account:*","organizations:*"],"Resource":"*"}]}"#;
    put_inline(&mut org.sandbox.engine, MEMBER, "ops", "nothing", deny_all);
    org.sandbox
        .call_as(
            &key,
            "/getAlternateContact",
            json!({"AlternateContactType": "BILLING", "AccountId": ADMIN}),
        )
        .assert_error(
            "AccessDeniedException",
            403,
            &format!(
                "User: {} is not authorized to perform: account:GetAlternateContact",
                user_arn(MEMBER, "ops")
            ),
        );
    org.sandbox
        .org_as(&key, "ListAccounts", json!({}))
        .assert_error(
            "AccessDeniedException",
            "You don't have permissions to access this resource.",
        );
    // Where the service lets the member through, the deny decides.
    org.sandbox
        .org_as(&key, "DescribeOrganization", json!({}))
        .assert_error(
            "AccessDeniedException",
            &explicit(
                &user_arn(MEMBER, "ops"),
                "organizations:DescribeOrganization",
                "*",
                "an identity-based policy",
            ),
        );
}

/// §11 question 3: an explicit SCP deny and an explicit identity deny of
/// the same call name the SCP.
#[test]
fn an_scp_deny_is_named_before_an_identity_deny() {
    let mut org = organization();
    let deny = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:DescribeOrganization","Resource":"*"}]}"#;
    let policy = org.scp("NoDescribe", deny, MEMBER);
    let key = user_with_key(&mut org.sandbox.engine, MEMBER, "ops");
    put_inline(&mut org.sandbox.engine, MEMBER, "ops", "no-describe", deny);
    org.sandbox
        .org_as(&key, "DescribeOrganization", json!({}))
        .assert_error(
            "AccessDeniedException",
            &format!(
                "{}: {}",
                explicit(
                    &user_arn(MEMBER, "ops"),
                    "organizations:DescribeOrganization",
                    "*",
                    "a service control policy"
                ),
                org.scp_arn(&policy)
            ),
        );
}

/// §11 question 4: an account directly under the root has the root's path
/// `o-…/r-…/`, without its id, in `aws:PrincipalOrgPaths` and in
/// `account:AccountResourceOrgPaths` alike; Organizations' own `Paths` of
/// the account end with the id.
#[test]
fn an_account_under_the_root_has_the_roots_path() {
    let mut org = organization();
    let path = format!("{}/{}/", org.id, org.root);
    let described = org.ok(MANAGEMENT, "DescribeAccount", json!({"AccountId": MEMBER}));
    assert_eq!(
        described["Account"]["Paths"],
        json!([format!("{path}{MEMBER}/")])
    );
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let paths = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"account:GetAlternateContact","Resource":"*","Condition":{{"ForAnyValue:StringEquals":{{"account:AccountResourceOrgPaths":"{path}"}}}}}}]}}"#
    );
    put_inline(&mut org.sandbox.engine, MANAGEMENT, "ops", "paths", &paths);
    let get = |account: &str| json!({"AlternateContactType": "BILLING", "AccountId": account});
    for account in [MEMBER, ADMIN] {
        let reply = org
            .sandbox
            .call_as(&key, "/getAlternateContact", get(account));
        assert_eq!(
            reply.error_type.as_deref(),
            Some("ResourceNotFoundException"),
            "{account} is directly under the root"
        );
    }
    let unit = org.create_ou(MANAGEMENT, "Workloads");
    let root = org.root.clone();
    org.ok(
        MANAGEMENT,
        "MoveAccount",
        json!({"AccountId": ADMIN, "SourceParentId": root, "DestinationParentId": unit}),
    );
    let reply = org
        .sandbox
        .call_as(&key, "/getAlternateContact", get(ADMIN));
    assert_eq!(reply.error_type.as_deref(), Some("AccessDeniedException"));

    let own = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Action":"organizations:DescribeOrganization","Resource":"*","Condition":{{"ForAnyValue:StringEquals":{{"aws:PrincipalOrgPaths":"{path}"}}}}}}]}}"#
    );
    let policy = org.scp("OwnPath", &own, MEMBER);
    let reply = org
        .sandbox
        .org_as(MEMBER, "DescribeOrganization", json!({}));
    assert!(
        reply.body["Message"]
            .as_str()
            .is_some_and(|m| m.ends_with(&org.scp_arn(&policy))),
        "{reply:?}"
    );
}

/// §11 question 6: PutAccountName and Start/AcceptPrimaryEmailUpdate need
/// their account:* action only, not the iam:UpdateAccountName or
/// iam:UpdateAccountEmailAddress the reference lists beside them.
#[test]
fn account_name_and_primary_email_need_no_iam_action() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let account_only = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["account:PutAccountName","account:StartPrimaryEmailUpdate"],"Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}"#;
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "account",
        account_only,
    );
    org.sandbox
        .call_as(
            &key,
            "/putAccountName",
            json!({"AccountName": "Renamed", "AccountId": MEMBER}),
        )
        .ok();
    org.sandbox
        .call_as(
            &key,
            "/startPrimaryEmailUpdate",
            json!({"AccountId": MEMBER, "PrimaryEmail": "new@example.com"}),
        )
        .ok();
}

/// §11 question 7: the phone verification actions are Write actions on
/// either resource type, with no condition key of their own.
#[test]
fn phone_verification_actions_take_either_resource() {
    let mut org = organization();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "ops");
    let members_only = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:SendPhoneNumberVerification","Resource":"arn:aws:account::*:account/o-*/*"}]}"#;
    put_inline(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "ops",
        "phone",
        members_only,
    );
    let send = org.sandbox.call_as(
        &key,
        "/sendPhoneNumberVerification",
        json!({"AccountId": MEMBER}),
    );
    assert_ne!(
        send.error_type.as_deref(),
        Some("AccessDeniedException"),
        "{send:?}"
    );
    org.sandbox
        .call_as(&key, "/sendPhoneNumberVerification", json!({}))
        .assert_error(
            "AccessDeniedException",
            403,
            &implicit(
                &user_arn(MANAGEMENT, "ops"),
                "account:SendPhoneNumberVerification",
                &format!("arn:aws:account::{MANAGEMENT}:account"),
                "identity-based policy",
            ),
        );
}

#[test]
fn source_ip_secure_transport_and_time_come_from_the_shell_and_the_clock() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, MEMBER, "ops");
    let guarded = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:ListRegions","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true"},"DateLessThan":{"aws:CurrentTime":"2026-11-25T14:00:00Z"},"NumericLessThan":{"aws:EpochTime":"1795615200"},"Null":{"aws:MultiFactorAuthPresent":"true"}}}]}"#;
    put_inline(&mut sandbox.engine, MEMBER, "ops", "guarded", guarded);
    let allowed = |sandbox: &mut Sandbox| {
        let reply = sandbox.call_as(&key, "/listRegions", json!({}));
        reply.error_type.as_deref() != Some("AccessDeniedException")
    };
    // The page's origin: 127.0.0.1, not secure transport.
    assert_eq!(
        sandbox.engine.origin(),
        Origin {
            source_ip: IpAddr::from([127, 0, 0, 1]),
            secure_transport: false
        }
    );
    assert!(!allowed(&mut sandbox));
    sandbox.engine.set_origin(Origin {
        source_ip: IpAddr::from([10, 1, 2, 3]),
        secure_transport: true,
    });
    assert!(allowed(&mut sandbox));
    sandbox.engine.set_origin(Origin {
        source_ip: IpAddr::from([192, 168, 1, 1]),
        secure_transport: true,
    });
    assert!(!allowed(&mut sandbox));
    sandbox.engine.set_origin(Origin {
        source_ip: IpAddr::from([10, 1, 2, 3]),
        secure_transport: false,
    });
    assert!(!allowed(&mut sandbox));
    sandbox.engine.set_origin(Origin {
        source_ip: IpAddr::from([10, 1, 2, 3]),
        secure_transport: true,
    });
    sandbox.clock.advance(60 * 60 * 1000);
    assert!(!allowed(&mut sandbox));
}

#[test]
fn principal_tags_reach_the_conditions() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, MEMBER, "ops");
    let blue = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:ListRegions","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}"#;
    put_inline(&mut sandbox.engine, MEMBER, "ops", "blue", blue);
    let reply = sandbox.call_as(&key, "/listRegions", json!({}));
    assert_eq!(reply.error_type.as_deref(), Some("AccessDeniedException"));
    iam(
        &mut sandbox.engine,
        MEMBER,
        "TagUser",
        &[
            ("UserName", "ops"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    )
    .ok();
    sandbox.call_as(&key, "/listRegions", json!({})).ok();
}

#[test]
fn iam_resources_are_users_with_their_path() {
    let mut sandbox = sandbox();
    iam(
        &mut sandbox.engine,
        MEMBER,
        "CreateUser",
        &[("UserName", "ana"), ("Path", "/ops/eu/")],
    )
    .ok();
    let key = iam(
        &mut sandbox.engine,
        MEMBER,
        "CreateAccessKey",
        &[("UserName", "ana")],
    )
    .ok()
    .value("AccessKeyId")
    .to_owned();
    let arn = format!("arn:aws:iam::{MEMBER}:user/ops/eu/ana");
    // IAM names an existing user by its name, without the path (observed
    // for a role: `on resource: role OWNED_ROLE-read`).
    iam(&mut sandbox.engine, &key, "GetUser", &[]).assert_denied(&implicit(
        &arn,
        "iam:GetUser",
        "user ana",
        "identity-based policy",
    ));
    iam(&mut sandbox.engine, &key, "ListUsers", &[]).assert_denied(&implicit(
        &arn,
        "iam:ListUsers",
        "*",
        "identity-based policy",
    ));
    let path_scoped = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/ops/*"}]}"#;
    put_inline(&mut sandbox.engine, MEMBER, "ana", "ops", path_scoped);
    iam(&mut sandbox.engine, &key, "GetUser", &[]).ok();
}

#[test]
fn a_member_roots_iam_calls_meet_its_scps() {
    let mut org = organization();
    let deny = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}"#;
    let policy = org.scp("NoUsers", deny, MEMBER);
    iam(
        &mut org.sandbox.engine,
        MEMBER,
        "CreateUser",
        &[("UserName", "ana")],
    )
    .assert_denied(&format!(
        "{}: {}",
        explicit(
            &format!("arn:aws:iam::{MEMBER}:root"),
            "iam:CreateUser",
            &format!("arn:aws:iam::{MEMBER}:user/ana"),
            "a service control policy"
        ),
        org.scp_arn(&policy)
    ));
    iam(
        &mut org.sandbox.engine,
        MANAGEMENT,
        "CreateUser",
        &[("UserName", "ana")],
    )
    .ok();
}

#[test]
fn attaching_a_policy_carries_its_arn() {
    let mut sandbox = sandbox();
    let key = user_with_key(&mut sandbox.engine, MEMBER, "ops");
    let read_only_only = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*","Condition":{{"ArnEquals":{{"iam:PolicyARN":"{READ_ONLY}"}}}}}}]}}"#
    );
    put_inline(
        &mut sandbox.engine,
        MEMBER,
        "ops",
        "attach",
        &read_only_only,
    );
    iam(
        &mut sandbox.engine,
        &key,
        "AttachUserPolicy",
        &[("UserName", "ops"), ("PolicyArn", READ_ONLY)],
    )
    .ok();
    iam(
        &mut sandbox.engine,
        &key,
        "AttachUserPolicy",
        &[("UserName", "ops"), ("PolicyArn", ADMIN_POLICY)],
    )
    .assert_denied(&implicit(
        &user_arn(MEMBER, "ops"),
        "iam:AttachUserPolicy",
        "user ops",
        "identity-based policy",
    ));
}

/// Every Organizations operation the sandbox serves is decided by
/// policies: a management account's user without any is refused each one,
/// with its own action and resource.
#[test]
fn every_operation_is_decided_by_policies() {
    let mut org = organization();
    let ou = org.create_ou(MANAGEMENT, "Unit");
    let root = org.root.clone();
    let key = user_with_key(&mut org.sandbox.engine, MANAGEMENT, "nobody");
    let ou_arn = format!("arn:aws:organizations::{MANAGEMENT}:ou/{}/{ou}", org.id);
    let fa = "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess";
    let cases: Vec<(&str, Value, String)> = vec![
        ("CreateOrganization", json!({}), "*".into()),
        ("DescribeOrganization", json!({}), "*".into()),
        (
            "CreateAccount",
            json!({"Email": "n@example.com", "AccountName": "N"}),
            "*".into(),
        ),
        (
            "CreateGovCloudAccount",
            json!({"Email": "g@example.com", "AccountName": "G"}),
            "*".into(),
        ),
        (
            "DescribeCreateAccountStatus",
            json!({"CreateAccountRequestId": "car-1234567890"}),
            "*".into(),
        ),
        ("ListAccounts", json!({}), "*".into()),
        ("ListCreateAccountStatus", json!({}), "*".into()),
        (
            "EnableAWSServiceAccess",
            json!({"ServicePrincipal": "backup.amazonaws.com"}),
            "*".into(),
        ),
        (
            "DisableAWSServiceAccess",
            json!({"ServicePrincipal": "backup.amazonaws.com"}),
            "*".into(),
        ),
        ("ListAWSServiceAccessForOrganization", json!({}), "*".into()),
        (
            "RegisterDelegatedAdministrator",
            json!({"AccountId": MEMBER, "ServicePrincipal": "account.amazonaws.com"}),
            org.account_arn(MEMBER),
        ),
        (
            "DeregisterDelegatedAdministrator",
            json!({"AccountId": ADMIN, "ServicePrincipal": "account.amazonaws.com"}),
            org.account_arn(ADMIN),
        ),
        ("ListDelegatedAdministrators", json!({}), "*".into()),
        (
            "ListDelegatedServicesForAccount",
            json!({"AccountId": ADMIN}),
            org.account_arn(ADMIN),
        ),
        ("ListRoots", json!({}), "*".into()),
        (
            "CreateOrganizationalUnit",
            json!({"ParentId": root, "Name": "X"}),
            org.root_arn(),
        ),
        (
            "DescribeOrganizationalUnit",
            json!({"OrganizationalUnitId": ou}),
            ou_arn.clone(),
        ),
        (
            "UpdateOrganizationalUnit",
            json!({"OrganizationalUnitId": ou, "Name": "Y"}),
            ou_arn.clone(),
        ),
        (
            "DeleteOrganizationalUnit",
            json!({"OrganizationalUnitId": ou}),
            ou_arn.clone(),
        ),
        (
            "ListOrganizationalUnitsForParent",
            json!({"ParentId": root}),
            org.root_arn(),
        ),
        (
            "ListChildren",
            json!({"ParentId": ou, "ChildType": "ACCOUNT"}),
            ou_arn.clone(),
        ),
        (
            "ListParents",
            json!({"ChildId": MEMBER}),
            org.account_arn(MEMBER),
        ),
        (
            "ListAccountsForParent",
            json!({"ParentId": root}),
            org.root_arn(),
        ),
        (
            "MoveAccount",
            json!({"AccountId": MEMBER, "SourceParentId": root, "DestinationParentId": ou}),
            org.account_arn(MEMBER),
        ),
        (
            "DescribeAccount",
            json!({"AccountId": MEMBER}),
            org.account_arn(MEMBER),
        ),
        (
            "TagResource",
            json!({"ResourceId": ou, "Tags": [{"Key": "k", "Value": "v"}]}),
            ou_arn.clone(),
        ),
        (
            "UntagResource",
            json!({"ResourceId": ou, "TagKeys": ["k"]}),
            ou_arn.clone(),
        ),
        (
            "ListTagsForResource",
            json!({"ResourceId": ou}),
            ou_arn.clone(),
        ),
        (
            "EnablePolicyType",
            json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
            org.root_arn(),
        ),
        (
            "DisablePolicyType",
            json!({"RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY"}),
            org.root_arn(),
        ),
        (
            "CreatePolicy",
            json!({"Name": "P", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "Content": DENY_CREATE_OU}),
            "*".into(),
        ),
        (
            "DescribePolicy",
            json!({"PolicyId": "p-FullAWSAccess"}),
            fa.into(),
        ),
        (
            "UpdatePolicy",
            json!({"PolicyId": "p-FullAWSAccess", "Name": "Q"}),
            fa.into(),
        ),
        (
            "DeletePolicy",
            json!({"PolicyId": "p-FullAWSAccess"}),
            fa.into(),
        ),
        (
            "ListPolicies",
            json!({"Filter": "SERVICE_CONTROL_POLICY"}),
            "*".into(),
        ),
        (
            "ListPoliciesForTarget",
            json!({"TargetId": ou, "Filter": "SERVICE_CONTROL_POLICY"}),
            ou_arn.clone(),
        ),
        (
            "ListTargetsForPolicy",
            json!({"PolicyId": "p-FullAWSAccess"}),
            fa.into(),
        ),
        (
            "AttachPolicy",
            json!({"PolicyId": "p-FullAWSAccess", "TargetId": ou}),
            fa.into(),
        ),
        (
            "DetachPolicy",
            json!({"PolicyId": "p-FullAWSAccess", "TargetId": ou}),
            fa.into(),
        ),
    ];
    assert_eq!(cases.len(), account_engine::OrgOperation::ALL.len());
    for (operation, body, resource) in cases {
        org.sandbox.org_as(&key, operation, body).assert_error(
            "AccessDeniedException",
            &implicit(
                &user_arn(MANAGEMENT, "nobody"),
                &format!("organizations:{operation}"),
                &resource,
                "identity-based policy",
            ),
        );
    }
}
