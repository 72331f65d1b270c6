//! IAM roles over the Query wire (CreateRole, GetRole, ListRoles,
//! DeleteRole, role policies, boundaries, tags), the role Organizations
//! makes in its new accounts, and STS AssumeRole: trust policies, the
//! caller's own permission, sessions and their expiry.

mod common;
mod iam_support;

use account_engine::Engine;
use common::*;
use iam_support::*;

const ACCOUNT: &str = "111122223333";
const OTHER: &str = "444455556666";
const ACCESS_ROLE: &str = "OrganizationAccountAccessRole";

const ASSUME_ANY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;

fn trust(principal: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

fn role_arn(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:role/{name}")
}

fn create_role(engine: &mut Engine, account: &str, name: &str, trust: &str) -> Xml {
    iam(
        engine,
        account,
        "CreateRole",
        &[("RoleName", name), ("AssumeRolePolicyDocument", trust)],
    )
}

/// A user of `account` with a key and an inline policy allowing
/// sts:AssumeRole on any role.
fn assumer(engine: &mut Engine, account: &str, name: &str) -> String {
    let key = user_with_key(engine, account, name);
    put_inline(engine, account, name, "assume", ASSUME_ANY);
    key
}

fn assume(engine: &mut Engine, key: &str, role: &str, extra: &[(&str, &str)]) -> Xml {
    let mut params = vec![("RoleArn", role), ("RoleSessionName", "s1")];
    params.extend_from_slice(extra);
    sts(engine, key, "AssumeRole", &params)
}

fn not_authorized(principal: &str, role: &str) -> String {
    format!("User: {principal} is not authorized to perform: sts:AssumeRole on resource: {role}")
}

#[test]
fn a_role_is_created_read_listed_and_deleted() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let document = trust(&format!("arn:aws:iam::{OTHER}:root"));
    let created = iam(
        engine,
        ACCOUNT,
        "CreateRole",
        &[
            ("RoleName", "deployer"),
            ("Path", "/ops/"),
            ("AssumeRolePolicyDocument", &document),
            ("Description", "Deploys"),
            ("MaxSessionDuration", "7200"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "blue"),
        ],
    );
    created.ok();
    let role_id = created.value("RoleId").to_owned();
    assert!(
        role_id.starts_with("AROA") && role_id.len() == 21,
        "{role_id}"
    );
    let arn = format!("arn:aws:iam::{ACCOUNT}:role/ops/deployer");
    assert_eq!(
        created.body,
        format!(
            "<CreateRoleResponse xmlns=\"{IAM_NS}\"><CreateRoleResult><Role><Path>/ops/</Path><RoleName>deployer</RoleName><RoleId>{role_id}</RoleId><Arn>{arn}</Arn><CreateDate>{START_ISO}</CreateDate><AssumeRolePolicyDocument>{}</AssumeRolePolicyDocument><Description>Deploys</Description><MaxSessionDuration>7200</MaxSessionDuration><Tags><member><Key>team</Key><Value>blue</Value></member></Tags></Role></CreateRoleResult><ResponseMetadata><RequestId>{}</RequestId></ResponseMetadata></CreateRoleResponse>",
            url(&document),
            created.value("RequestId")
        )
    );
    let got = iam(engine, ACCOUNT, "GetRole", &[("RoleName", "deployer")]);
    assert_eq!(got.ok().value("Arn"), arn);
    assert_eq!(got.value("Key"), "team");
    let listed = iam(engine, ACCOUNT, "ListRoles", &[]);
    assert_eq!(listed.ok().values("RoleName"), ["deployer"]);
    assert!(!listed.body.contains("<Tags>"), "{}", listed.body);
    let other_path = iam(engine, ACCOUNT, "ListRoles", &[("PathPrefix", "/web/")]);
    assert!(other_path.ok().values("RoleName").is_empty());

    create_role(engine, ACCOUNT, "DEPLOYER", &document).assert_error(
        409,
        "EntityAlreadyExists",
        "Role with name DEPLOYER already exists.",
    );
    iam(engine, ACCOUNT, "DeleteRole", &[("RoleName", "deployer")]).ok();
    iam(engine, ACCOUNT, "GetRole", &[("RoleName", "deployer")]).assert_error(
        404,
        "NoSuchEntity",
        "The role with name deployer cannot be found.",
    );
    iam(engine, ACCOUNT, "DeleteRole", &[("RoleName", "deployer")]).assert_error(
        404,
        "NoSuchEntity",
        "The role with name deployer cannot be found.",
    );
}

/// The percent-encoding IAM sends documents in.
fn url(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn a_trust_policy_is_validated_as_one() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let identity_shaped = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;
    let expected = iam_policy::Policy::parse(identity_shaped, iam_policy::PolicyKind::Trust)
        .unwrap_err()
        .to_string();
    create_role(engine, ACCOUNT, "r", identity_shaped).assert_error(
        400,
        "MalformedPolicyDocument",
        &expected,
    );
    create_role(engine, ACCOUNT, "r", "{").assert_error(
        400,
        "MalformedPolicyDocument",
        "Syntax errors in policy.",
    );
    iam(
        engine,
        ACCOUNT,
        "CreateRole",
        &[("RoleName", "r"), ("AssumeRolePolicyDocument", &trust("*")), ("MaxSessionDuration", "3599")],
    )
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
    iam(engine, ACCOUNT, "CreateRole", &[("RoleName", "r")]).assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
    );
    assert!(iam(engine, ACCOUNT, "ListRoles", &[])
        .values("RoleName")
        .is_empty());
}

#[test]
fn role_policies_have_a_10240_aggregate_and_block_deletion() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    create_role(engine, ACCOUNT, "r", &trust("*")).ok();
    let statement = |sid: usize| {
        format!(
            r#"{{"Sid":"S{sid:04}","Effect":"Allow","Action":"account:GetContactInformation","Resource":"*"}}"#
        )
    };
    // 100 statements of 97 characters, spaced out: the spaces do not count.
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        (0..100).map(statement).collect::<Vec<_>>().join(",   \n  ")
    );
    let put = |engine: &mut Engine, name: &str, document: &str| {
        iam(
            engine,
            ACCOUNT,
            "PutRolePolicy",
            &[
                ("RoleName", "r"),
                ("PolicyName", name),
                ("PolicyDocument", document),
            ],
        )
    };
    put(engine, "big", &big).ok();
    put(engine, "more", &big).assert_error(
        409,
        "LimitExceeded",
        "Maximum policy size of 10240 bytes exceeded for role r",
    );
    put(engine, "big", &big).ok();
    let got = iam(
        engine,
        ACCOUNT,
        "GetRolePolicy",
        &[("RoleName", "r"), ("PolicyName", "big")],
    );
    assert_eq!(got.ok().value("PolicyDocument"), url(&big));
    assert_eq!(
        iam(engine, ACCOUNT, "ListRolePolicies", &[("RoleName", "r")]).values("member"),
        ["big"]
    );
    iam(
        engine,
        ACCOUNT,
        "GetRolePolicy",
        &[("RoleName", "r"), ("PolicyName", "none")],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        "The role policy with name none cannot be found.",
    );
    iam(engine, ACCOUNT, "DeleteRole", &[("RoleName", "r")]).assert_error(
        409,
        "DeleteConflict",
        "Cannot delete entity, must delete policies first.",
    );
    iam(
        engine,
        ACCOUNT,
        "DeleteRolePolicy",
        &[("RoleName", "r"), ("PolicyName", "big")],
    )
    .ok();
    iam(
        engine,
        ACCOUNT,
        "DeleteRolePolicy",
        &[("RoleName", "r"), ("PolicyName", "big")],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        "The role policy with name big cannot be found.",
    );

    let attach = [("RoleName", "r"), ("PolicyArn", READ_ONLY)];
    iam(engine, ACCOUNT, "AttachRolePolicy", &attach).ok();
    let attached = iam(
        engine,
        ACCOUNT,
        "ListAttachedRolePolicies",
        &[("RoleName", "r")],
    );
    assert_eq!(
        attached.ok().values("PolicyName"),
        ["AWSAccountManagementReadOnlyAccess"]
    );
    let policy = iam(engine, ACCOUNT, "GetPolicy", &[("PolicyArn", READ_ONLY)]);
    assert_eq!(policy.ok().value("AttachmentCount"), "1");
    iam(engine, ACCOUNT, "DeleteRole", &[("RoleName", "r")]).assert_error(
        409,
        "DeleteConflict",
        "Cannot delete entity, must detach all policies first.",
    );
    let missing = "arn:aws:iam::aws:policy/NoSuchPolicy";
    iam(
        engine,
        ACCOUNT,
        "AttachRolePolicy",
        &[("RoleName", "r"), ("PolicyArn", missing)],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {missing} does not exist or is not attachable."),
    );
    iam(engine, ACCOUNT, "DetachRolePolicy", &attach).ok();
    iam(engine, ACCOUNT, "DetachRolePolicy", &attach).assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {READ_ONLY} was not found."),
    );
    iam(engine, ACCOUNT, "DeleteRole", &[("RoleName", "r")]).ok();
}

#[test]
fn boundaries_and_tags_show_on_users_and_roles() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    create_role(engine, ACCOUNT, "r", &trust("*")).ok();
    iam(engine, ACCOUNT, "CreateUser", &[("UserName", "ana")]).ok();
    fn boundary<'a>(kind: &'a str, name: &'a str) -> [(&'a str, &'a str); 2] {
        [(kind, name), ("PermissionsBoundary", READ_ONLY)]
    }
    iam(
        engine,
        ACCOUNT,
        "PutRolePermissionsBoundary",
        &boundary("RoleName", "r"),
    )
    .ok();
    iam(
        engine,
        ACCOUNT,
        "PutUserPermissionsBoundary",
        &boundary("UserName", "ana"),
    )
    .ok();
    let expected = format!(
        "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType><PermissionsBoundaryArn>{READ_ONLY}</PermissionsBoundaryArn></PermissionsBoundary>"
    );
    let role = iam(engine, ACCOUNT, "GetRole", &[("RoleName", "r")]);
    assert!(role.ok().body.contains(&expected), "{}", role.body);
    let user = iam(engine, ACCOUNT, "GetUser", &[("UserName", "ana")]);
    assert!(user.ok().body.contains(&expected), "{}", user.body);

    let missing = format!("arn:aws:iam::{ACCOUNT}:policy/none");
    iam(
        engine,
        ACCOUNT,
        "PutUserPermissionsBoundary",
        &[("UserName", "ana"), ("PermissionsBoundary", &missing)],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("Policy {missing} does not exist or is not attachable."),
    );
    iam(
        engine,
        ACCOUNT,
        "DeleteRolePermissionsBoundary",
        &[("RoleName", "r")],
    )
    .ok();
    iam(
        engine,
        ACCOUNT,
        "DeleteUserPermissionsBoundary",
        &[("UserName", "ana")],
    )
    .ok();
    let role = iam(engine, ACCOUNT, "GetRole", &[("RoleName", "r")]);
    assert!(
        !role.ok().body.contains("PermissionsBoundary"),
        "{}",
        role.body
    );

    iam(
        engine,
        ACCOUNT,
        "TagRole",
        &[
            ("RoleName", "r"),
            ("Tags.member.1.Key", "team"),
            ("Tags.member.1.Value", "red"),
        ],
    )
    .ok();
    let role = iam(engine, ACCOUNT, "GetRole", &[("RoleName", "r")]);
    assert_eq!(role.ok().value("Value"), "red");
    iam(
        engine,
        ACCOUNT,
        "TagRole",
        &[("RoleName", "none"), ("Tags.member.1.Key", "k")],
    )
    .assert_error(
        404,
        "NoSuchEntity",
        "The role with name none cannot be found.",
    );
}

/// An organization managed by `management` whose member `member` was
/// created (so it has OrganizationAccountAccessRole), trusted access on.
fn organization(engine: &mut Engine, management: &str, member: &str) -> String {
    let org = engine.create_organization(management).unwrap();
    engine
        .add_member_account(&org, member, "Member", "member@example.com")
        .unwrap();
    engine.set_trusted_access(&org, true).unwrap();
    org
}

#[test]
fn created_accounts_have_the_organization_access_role() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    organization(engine, ACCOUNT, OTHER);
    let before = engine.snapshot();
    let role = iam(engine, OTHER, "GetRole", &[("RoleName", ACCESS_ROLE)]);
    assert_eq!(role.ok().value("Arn"), role_arn(OTHER, ACCESS_ROLE));
    assert_eq!(
        role.value("AssumeRolePolicyDocument"),
        url(&trust(&format!("arn:aws:iam::{ACCOUNT}:root")))
    );
    assert_eq!(role.value("MaxSessionDuration"), "3600");
    let attached = iam(
        engine,
        OTHER,
        "ListAttachedRolePolicies",
        &[("RoleName", ACCESS_ROLE)],
    );
    assert_eq!(attached.ok().values("PolicyArn"), [ADMIN]);
    assert_eq!(
        iam(engine, OTHER, "ListRoles", &[]).values("RoleName"),
        [ACCESS_ROLE]
    );
    // The management account has no such role.
    assert!(iam(engine, ACCOUNT, "ListRoles", &[])
        .values("RoleName")
        .is_empty());
    assert_eq!(engine.snapshot(), before, "reading the role stores nothing");

    // Changed, it is stored like any role, with the same id.
    let role_id = role.value("RoleId").to_owned();
    iam(
        engine,
        OTHER,
        "TagRole",
        &[("RoleName", ACCESS_ROLE), ("Tags.member.1.Key", "k")],
    )
    .ok();
    let tagged = iam(engine, OTHER, "GetRole", &[("RoleName", ACCESS_ROLE)]);
    assert_eq!(tagged.ok().value("RoleId"), role_id);
    let snapshot = engine.snapshot();
    assert!(snapshot.contains("\"roles\""), "{snapshot}");
    let mut other = common::sandbox();
    other.engine.restore(&snapshot).unwrap();
    assert_eq!(other.engine.snapshot(), snapshot);

    // A role both stored and still recorded on the account is refused.
    let both = snapshot.replace(
        "\"name\":\"Member\"",
        &format!("\"name\":\"Member\",\"organizationAccessRole\":\"{ACCESS_ROLE}\""),
    );
    assert_ne!(both, snapshot);
    assert!(other.engine.restore(&both).is_err());
    assert_eq!(other.engine.snapshot(), snapshot);
}

#[test]
fn assume_role_opens_a_session_that_expires_by_the_clock() {
    let mut sandbox = sandbox();
    organization(&mut sandbox.engine, ACCOUNT, OTHER);
    let key = assumer(&mut sandbox.engine, ACCOUNT, "ana");
    let arn = role_arn(OTHER, ACCESS_ROLE);
    let answer = assume(
        &mut sandbox.engine,
        &key,
        &arn,
        &[("DurationSeconds", "900")],
    );
    answer.ok();
    let session_key = answer.value("AccessKeyId").to_owned();
    let secret = answer.value("SecretAccessKey").to_owned();
    let token = answer.value("SessionToken").to_owned();
    assert!(
        session_key.starts_with("ASIA") && session_key.len() == 20,
        "{session_key}"
    );
    assert_eq!(secret.len(), 40);
    assert!(token.len() >= 400, "{token}");
    assert_eq!(
        answer.value("Expiration"),
        account_engine::timestamp::iso8601(START + 900_000)
    );
    let role_id = iam(
        &mut sandbox.engine,
        OTHER,
        "GetRole",
        &[("RoleName", ACCESS_ROLE)],
    )
    .value("RoleId")
    .to_owned();
    assert_eq!(answer.value("AssumedRoleId"), format!("{role_id}:s1"));
    let session_arn = format!("arn:aws:sts::{OTHER}:assumed-role/{ACCESS_ROLE}/s1");
    assert_eq!(answer.values("Arn"), [session_arn.as_str()]);
    assert!(!answer.body.contains("PackedPolicySize"), "{}", answer.body);

    let credential = sandbox.engine.credential(&session_key).unwrap();
    assert_eq!(credential.secret_access_key, secret);
    assert_eq!(credential.session_token.as_deref(), Some(token.as_str()));
    assert_eq!(credential.principal.arn(), session_arn);
    let me = sts(&mut sandbox.engine, &session_key, "GetCallerIdentity", &[]);
    assert_eq!(me.ok().value("Arn"), session_arn);
    assert_eq!(me.value("UserId"), format!("{role_id}:s1"));
    assert_eq!(me.value("Account"), OTHER);
    // AdministratorAccess: the session may act in its account.
    sandbox
        .call_as(
            &session_key,
            "/getContactInformation",
            serde_json::json!({}),
        )
        .assert_error(
            "ResourceNotFoundException",
            404,
            "No contact information found for this account.",
        );

    let snapshot = sandbox.engine.snapshot();
    let mut other = common::sandbox();
    other.engine.restore(&snapshot).unwrap();
    assert_eq!(other.engine.credential(&session_key), Some(credential));

    sandbox.clock.advance(899_999);
    assert!(sandbox.engine.credential(&session_key).is_some());
    sandbox.clock.advance(1);
    assert_eq!(sandbox.engine.credential(&session_key), None);
}

#[test]
fn assume_role_needs_the_trust_policy_and_the_callers_own_permission() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    organization(engine, ACCOUNT, OTHER);
    let arn = role_arn(OTHER, ACCESS_ROLE);
    let user = format!("arn:aws:iam::{ACCOUNT}:user/ana");

    assume(engine, ACCOUNT, &arn, &[]).assert_sts_error(
        403,
        "AccessDenied",
        "Roles may not be assumed by root accounts.",
    );
    let key = user_with_key(engine, ACCOUNT, "ana");
    assume(engine, &key, &arn, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &format!(
            "{} because no identity-based policy allows the sts:AssumeRole action",
            not_authorized(&user, &arn)
        ),
    );
    put_inline(engine, ACCOUNT, "ana", "assume", ASSUME_ANY);
    assume(engine, &key, &arn, &[]).ok();

    // A role that does not exist, or does not trust the caller, is the
    // same bare refusal.
    let missing = role_arn(OTHER, "none");
    assume(engine, &key, &missing, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &not_authorized(&user, &missing),
    );
    let stranger = assumer(engine, "777788889999", "eve");
    assume(engine, &stranger, &arn, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &not_authorized("arn:aws:iam::777788889999:user/eve", &arn),
    );

    // An explicit deny in the caller's policy names it.
    let deny = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoRoles","Effect":"Deny","Action":"sts:*","Resource":"*"}]}"#;
    put_inline(engine, ACCOUNT, "ana", "deny", deny);
    assume(engine, &key, &arn, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &format!(
            "{} with an explicit deny in an identity-based policy",
            not_authorized(&user, &arn)
        ),
    );
}

#[test]
fn a_trust_policy_can_require_an_external_id_and_name_a_user() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    let partner = assumer(engine, OTHER, "partner");
    let partner_arn = format!("arn:aws:iam::{OTHER}:user/partner");
    let with_id = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{partner_arn}"}},"Action":"sts:AssumeRole","Condition":{{"StringEquals":{{"sts:ExternalId":"abc-123"}}}}}}]}}"#
    );
    create_role(engine, ACCOUNT, "vendor", &with_id).ok();
    let arn = role_arn(ACCOUNT, "vendor");
    assume(engine, &partner, &arn, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &not_authorized(&partner_arn, &arn),
    );
    assume(engine, &partner, &arn, &[("ExternalId", "wrong")]).assert_sts_error(
        403,
        "AccessDenied",
        &not_authorized(&partner_arn, &arn),
    );
    assume(engine, &partner, &arn, &[("ExternalId", "abc-123")]).ok();

    // Within its account, a trust policy naming the user grants on its
    // own; naming the account leaves it to the user's policies.
    let local = user_with_key(engine, ACCOUNT, "local");
    let local_arn = format!("arn:aws:iam::{ACCOUNT}:user/local");
    create_role(engine, ACCOUNT, "named", &trust(&local_arn)).ok();
    create_role(
        engine,
        ACCOUNT,
        "account",
        &trust(&format!("arn:aws:iam::{ACCOUNT}:root")),
    )
    .ok();
    assume(engine, &local, &role_arn(ACCOUNT, "named"), &[]).ok();
    let by_account = role_arn(ACCOUNT, "account");
    assume(engine, &local, &by_account, &[]).assert_sts_error(
        403,
        "AccessDenied",
        &format!(
            "{} because no identity-based policy allows the sts:AssumeRole action",
            not_authorized(&local_arn, &by_account)
        ),
    );
}

#[test]
fn assume_role_validates_its_parameters() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    organization(engine, ACCOUNT, OTHER);
    let key = assumer(engine, ACCOUNT, "ana");
    let arn = role_arn(OTHER, ACCESS_ROLE);
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (vec![("RoleSessionName", "x")], "ValidationError", "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"),
        (vec![("RoleSessionName", "a b")], "ValidationError", r"1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*"),
        (vec![("DurationSeconds", "899")], "ValidationError", "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
        (vec![("DurationSeconds", "3601")], "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
        (vec![("Policy", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}"#)], "MalformedPolicyDocument", "Policy statement must contain resources."),
    ];
    for (params, code, message) in cases {
        let mut all = vec![("RoleArn", arn.as_str()), ("RoleSessionName", "s1")];
        for (name, value) in params {
            all.retain(|(n, _)| *n != name);
            all.push((name, value));
        }
        sts(engine, &key, "AssumeRole", &all).assert_sts_error(400, code, message);
    }
    sts(engine, &key, "AssumeRole", &[("RoleSessionName", "s1")]).assert_sts_error(
        400,
        "ValidationError",
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"account:GetRegionOptStatus","Resource":"arn:aws:account::{}:account"}}]}}"#,
        "1".repeat(2000)
    );
    assume(engine, &key, &arn, &[("Policy", &big)]).assert_sts_error(
        400,
        "PackedPolicyTooLarge",
        "Packed policy consumes 105% of allotted space, please use smaller policy.",
    );
    let small = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#;
    let sized = assume(engine, &key, &arn, &[("Policy", small)]);
    assert_eq!(sized.ok().value("PackedPolicySize"), "5");

    // A session may assume a role in turn, for an hour at most.
    let plain = assume(engine, &key, &arn, &[]);
    let session = plain.ok().value("AccessKeyId").to_owned();
    create_role(
        engine,
        OTHER,
        "next",
        &trust(&format!("arn:aws:iam::{OTHER}:root")),
    )
    .ok();
    let next = role_arn(OTHER, "next");
    iam(
        engine,
        OTHER,
        "PutRolePolicy",
        &[
            ("RoleName", ACCESS_ROLE),
            ("PolicyName", "x"),
            ("PolicyDocument", ASSUME_ANY),
        ],
    )
    .ok();
    let chained = assume(engine, &session, &next, &[("DurationSeconds", "3601")]);
    chained.assert_sts_error(
        400,
        "ValidationError",
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
}

#[test]
fn a_refused_duration_names_its_member_for_forms() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    organization(engine, ACCOUNT, OTHER);
    let key = assumer(engine, ACCOUNT, "ana");
    let arn = role_arn(OTHER, ACCESS_ROLE);
    let mut members = |extra: &[(&str, &str)]| {
        let mut all = vec![
            ("Action", "AssumeRole"),
            ("Version", "2011-06-15"),
            ("RoleArn", arn.as_str()),
        ];
        all.extend_from_slice(extra);
        let response = engine.handle_query(&key, form(&all).as_bytes());
        response
            .fields
            .into_iter()
            .map(|f| (f.name, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        members(&[("RoleSessionName", "s1"), ("DurationSeconds", "899")]),
        [(
            "DurationSeconds".to_owned(),
            "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900".to_owned()
        )]
    );
    assert_eq!(
        members(&[("RoleSessionName", "s1"), ("DurationSeconds", "3601")]),
        [(
            "DurationSeconds".to_owned(),
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
                .to_owned()
        )]
    );
    assert!(members(&[("RoleSessionName", "x")]).is_empty());
}

/// IAM's own denial of a role call, as observed for iam:GetRole: the role
/// by its name (not its ARN), then where its authorization details are.
#[test]
fn iam_names_a_refused_role_by_its_name() {
    let mut sandbox = sandbox();
    let engine = &mut sandbox.engine;
    create_role(engine, ACCOUNT, "OWNED_ROLE-read", &trust(ACCOUNT)).ok();
    let key = user_with_key(engine, ACCOUNT, "OWNED_ROLE");
    iam(engine, &key, "GetRole", &[("RoleName", "OWNED_ROLE-read")]).assert_denied(&format!(
        "User: arn:aws:iam::{ACCOUNT}:user/OWNED_ROLE is not authorized to perform: iam:GetRole on resource: role OWNED_ROLE-read because no identity-based policy allows the iam:GetRole action"
    ));
    // A role about to be created has no name of its own yet: its ARN.
    iam(
        engine,
        &key,
        "CreateRole",
        &[("RoleName", "next"), ("AssumeRolePolicyDocument", &trust(ACCOUNT))],
    )
    .assert_denied(&format!(
        "User: arn:aws:iam::{ACCOUNT}:user/OWNED_ROLE is not authorized to perform: iam:CreateRole on resource: {} because no identity-based policy allows the iam:CreateRole action",
        role_arn(ACCOUNT, "next")
    ));
}
