//! The permission scenarios, built from the guide's example policies
//! (`shared/spec/iam.md` §8): a read-only operator, a billing-contact-only
//! user, an SCP that keeps members from editing their own contacts, and a
//! delegated administrator limited to one OU. Each state is made with the
//! services' own calls (IAM, Organizations, Account), and most exercises
//! tick on a call in the activity log: a refusal changes no state, so only
//! the log shows which policy refused it.

use account_engine::authz::PolicyType;
use account_engine::store::State;
use account_engine::{Engine, OrgOperation, QueryService, DEFAULT_ACCOUNT_ID};
use serde_json::{json, Value};

use super::{Goal, Progress};
use crate::client::account_of;
use crate::client::activity::Entry;

/// The management account of the organization scenarios, and the only
/// account of the standalone ones.
const MANAGEMENT: &str = DEFAULT_ACCOUNT_ID;

/// T1, AWS managed.
const READ_ONLY_POLICY: &str = "arn:aws:iam::aws:policy/AWSAccountManagementReadOnlyAccess";

pub const OPERATOR: &str = "arn:aws:iam::000000000000:user/operator";
pub const BILLING: &str = "arn:aws:iam::000000000000:user/billing";
pub const OU_ADMIN: &str = "arn:aws:iam::333333333333:user/ou-admin";

/// T5's condition on `account:AlternateContactTypes`, verbatim. T5 itself
/// allows only GetAlternateContact on one account of the guide's own
/// organization (`o-aa111bb222`); here it covers Get and Put on the
/// user's own account, so saving a BILLING contact is allowed and any
/// other type is not.
const BILLING_ONLY_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"VisualEditor0","Effect":"Allow","Action":["account:GetAlternateContact","account:PutAlternateContact"],"Resource":"*","Condition":{"ForAnyValue:StringEquals":{"account:AlternateContactTypes":["BILLING"]}}}]}"#;

/// T8, SCP Example 1, verbatim.
const DENY_OWN_CONTACTS: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Statement1","Effect":"Deny","Action":["account:PutAlternateContact","account:DeleteAlternateContact"],"Resource":["arn:aws:account::*:account"]}]}"#;
const DENY_OWN_CONTACTS_NAME: &str = "DenyEditingOwnAlternateContacts";

/// The member accounts: id, name, email.
const DEVELOPMENT: (&str, &str, &str) = ("111111111111", "Development", "dev@example.com");
const OPERATIONS: (&str, &str, &str) = ("222222222222", "Operations", "ops@example.com");
const PAYMENTS: (&str, &str, &str) = ("111111111111", "Payments", "payments@example.com");
const AUDIT: (&str, &str, &str) = ("222222222222", "Audit", "audit@example.com");
const PLATFORM: (&str, &str, &str) = ("333333333333", "Platform", "platform@example.com");

const ACCOUNT_MANAGEMENT: &str = "account.amazonaws.com";

pub const READ_ONLY_DESCRIPTION: &str = "A standalone account with a BILLING contact and an IAM user operator that has AWSAccountManagementReadOnlyAccess attached (account:Get* and account:List*).";
pub const BILLING_ONLY_DESCRIPTION: &str = "A standalone account and an IAM user billing whose inline policy allows Get and PutAlternateContact only where account:AlternateContactTypes is BILLING (the guide's AlternateContactTypes example).";
pub const SCP_DESCRIPTION: &str = "You are the management account of an organization; Development (111111111111) and Operations (222222222222, the delegated administrator for Account Management) are in the Workloads OU, which has the guide's SCP DenyEditingOwnAlternateContacts attached.";
pub const DELEGATED_DESCRIPTION: &str = "You are the management account of an organization: Payments (111111111111) in the Workloads OU, Audit (222222222222) in the Security OU, and Platform (333333333333), the delegated administrator, whose IAM user ou-admin may call account:* only on accounts whose account:AccountResourceOrgPaths is under Workloads.";

/// A call a scenario makes while it builds its state. It starts from a
/// reset, so a refusal is a mistake in the scenario itself.
fn organizations(
    engine: &mut Engine,
    caller: &str,
    operation: OrgOperation,
    input: Value,
) -> Value {
    let response =
        engine.handle_organizations(caller, &operation.target(), input.to_string().as_bytes());
    assert_eq!(
        response.status,
        200,
        "{} in a permission scenario: {}",
        operation.name(),
        response.body
    );
    serde_json::from_str(&response.body).unwrap_or(Value::Null)
}

fn iam(engine: &mut Engine, caller: &str, action: &str, params: &[(&str, &str)]) {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("Action", action)
        .append_pair("Version", QueryService::Iam.version());
    for (key, value) in params {
        form.append_pair(key, value);
    }
    let response = engine.handle_query(caller, form.finish().as_bytes());
    assert_eq!(
        response.status, 200,
        "{action} in a permission scenario: {}",
        response.body
    );
}

fn put_billing_contact(engine: &mut Engine) {
    let body = json!({ "AlternateContactType": "BILLING", "Name": "Bill Ing", "Title": "Finance lead",
                       "EmailAddress": "billing@example.com", "PhoneNumber": "+1 555-555-0100" });
    let path = account_engine::Operation::PutAlternateContact.path();
    let response = engine.handle(MANAGEMENT, &path, body.to_string().as_bytes());
    assert_eq!(
        response.status, 200,
        "PutAlternateContact: {}",
        response.body
    );
}

pub fn build_read_only(engine: &mut Engine) {
    put_billing_contact(engine);
    iam(
        engine,
        MANAGEMENT,
        "CreateUser",
        &[("UserName", "operator")],
    );
    iam(
        engine,
        MANAGEMENT,
        "AttachUserPolicy",
        &[("UserName", "operator"), ("PolicyArn", READ_ONLY_POLICY)],
    );
}

pub fn build_billing_only(engine: &mut Engine) {
    iam(engine, MANAGEMENT, "CreateUser", &[("UserName", "billing")]);
    // `inline` is the policy the Permissions tab edits.
    iam(
        engine,
        MANAGEMENT,
        "PutUserPolicy",
        &[
            ("UserName", "billing"),
            ("PolicyName", "inline"),
            ("PolicyDocument", BILLING_ONLY_POLICY),
        ],
    );
}

/// An organization with trusted access for Account Management on, the
/// given members (added with the setup API, since CreateAccount makes ids
/// of its own and the exercises name the accounts), and its root's id.
fn organization(engine: &mut Engine, members: &[(&str, &str, &str)]) -> (String, String) {
    let created = organizations(
        engine,
        MANAGEMENT,
        OrgOperation::CreateOrganization,
        json!({ "FeatureSet": "ALL" }),
    );
    let org = text(&created["Organization"]["Id"]);
    for (id, name, email) in members {
        engine
            .add_member_account(&org, id, name, email)
            .expect("after a reset no account is in an organization");
    }
    organizations(
        engine,
        MANAGEMENT,
        OrgOperation::EnableAwsServiceAccess,
        json!({ "ServicePrincipal": ACCOUNT_MANAGEMENT }),
    );
    let roots = organizations(engine, MANAGEMENT, OrgOperation::ListRoots, json!({}));
    (org, text(&roots["Roots"][0]["Id"]))
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn unit(engine: &mut Engine, root: &str, name: &str) -> String {
    let out = organizations(
        engine,
        MANAGEMENT,
        OrgOperation::CreateOrganizationalUnit,
        json!({ "ParentId": root, "Name": name }),
    );
    text(&out["OrganizationalUnit"]["Id"])
}

fn move_account(engine: &mut Engine, account: &str, from: &str, to: &str) {
    organizations(
        engine,
        MANAGEMENT,
        OrgOperation::MoveAccount,
        json!({ "AccountId": account, "SourceParentId": from, "DestinationParentId": to }),
    );
}

fn delegate(engine: &mut Engine, account: &str) {
    organizations(
        engine,
        MANAGEMENT,
        OrgOperation::RegisterDelegatedAdministrator,
        json!({ "AccountId": account, "ServicePrincipal": ACCOUNT_MANAGEMENT }),
    );
}

pub fn build_scp(engine: &mut Engine) {
    let (_, root) = organization(engine, &[DEVELOPMENT, OPERATIONS]);
    delegate(engine, OPERATIONS.0);
    let workloads = unit(engine, &root, "Workloads");
    for (id, _, _) in [DEVELOPMENT, OPERATIONS] {
        move_account(engine, id, &root, &workloads);
    }
    organizations(
        engine,
        MANAGEMENT,
        OrgOperation::EnablePolicyType,
        json!({ "RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY" }),
    );
    let policy = organizations(
        engine,
        MANAGEMENT,
        OrgOperation::CreatePolicy,
        json!({
            "Name": DENY_OWN_CONTACTS_NAME,
            "Description": "Prevent accounts from modifying their own alternate contacts",
            "Content": DENY_OWN_CONTACTS,
            "Type": "SERVICE_CONTROL_POLICY",
        }),
    );
    organizations(
        engine,
        MANAGEMENT,
        OrgOperation::AttachPolicy,
        json!({ "PolicyId": policy["Policy"]["PolicySummary"]["Id"], "TargetId": workloads }),
    );
}

pub fn build_delegated(engine: &mut Engine) {
    let (org, root) = organization(engine, &[PAYMENTS, AUDIT, PLATFORM]);
    delegate(engine, PLATFORM.0);
    let workloads = unit(engine, &root, "Workloads");
    let security = unit(engine, &root, "Security");
    move_account(engine, PAYMENTS.0, &root, &workloads);
    move_account(engine, AUDIT.0, &root, &security);
    // T6's condition around an Allow of account:* on *, as the guide says
    // to use it, with this organization's path for its OU.
    let policy = json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow", "Action": "account:*", "Resource": "*",
            "Condition": { "ForAnyValue:StringLike": {
                "account:AccountResourceOrgPaths": [format!("{org}/{root}/{workloads}/*")]
            }}
        }]
    })
    .to_string();
    iam(
        engine,
        PLATFORM.0,
        "CreateUser",
        &[("UserName", "ou-admin")],
    );
    iam(
        engine,
        PLATFORM.0,
        "PutUserPolicy",
        &[
            ("UserName", "ou-admin"),
            ("PolicyName", "inline"),
            ("PolicyDocument", &policy),
        ],
    );
}

/// An Account API call that changes something (every operation but the
/// Get and List ones).
fn writes(call: &Entry) -> bool {
    call.service == "account"
        && !call.operation.starts_with("Get")
        && !call.operation.starts_with("List")
}

fn by<'a>(progress: &'a Progress, arn: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
    progress.calls.iter().filter(move |c| c.caller == arn)
}

fn names_account(call: &Entry, account: &str) -> bool {
    call.request["AccountId"] == account
}

fn contact_type(call: &Entry, kind: &str) -> bool {
    call.request["AlternateContactType"] == kind
}

pub const READ_ONLY_GOALS: [Goal; 3] = [
    Goal {
        title: "Choose operator under Acting as, then in the Console tab run aws account get-alternate-contact --alternate-contact-type BILLING: allowed, the policy grants account:Get*",
        met: |p| by(p, OPERATOR).any(|c| c.operation == "GetAlternateContact" && c.succeeded()),
    },
    Goal {
        title: "As operator, save an alternate contact in the Alternate contacts tab: denied, no identity-based policy allows the write",
        met: |p| by(p, OPERATOR).any(|c| writes(c) && c.denied_by() == Some(PolicyType::Identity)),
    },
    Goal {
        title: "As the root user, attach AWSAccountManagementFullAccess to operator (Permissions tab, Edit permissions of operator), then save the contact again as operator: allowed",
        met: |p| by(p, OPERATOR).any(|c| writes(c) && c.succeeded()),
    },
];

pub const BILLING_ONLY_GOALS: [Goal; 3] = [
    Goal {
        title: "Choose billing under Acting as and create a BILLING contact in the Alternate contacts tab: allowed",
        met: |p| {
            by(p, BILLING).any(|c| {
                c.operation == "PutAlternateContact" && contact_type(c, "BILLING") && c.succeeded()
            })
        },
    },
    Goal {
        title: "As billing, create an OPERATIONS contact: denied, account:AlternateContactTypes is not BILLING",
        met: |p| {
            by(p, BILLING).any(|c| {
                c.operation == "PutAlternateContact"
                    && contact_type(c, "OPERATIONS")
                    && c.denied_by() == Some(PolicyType::Identity)
            })
        },
    },
    Goal {
        title: "As billing, delete the BILLING contact (Delete BILLING contact): denied, the policy allows no account:DeleteAlternateContact",
        met: |p| {
            by(p, BILLING).any(|c| {
                c.operation == "DeleteAlternateContact" && c.denied_by() == Some(PolicyType::Identity)
            })
        },
    },
];

/// Whether the guide's SCP is still attached to an OU of the caller's
/// organization: the exercises fix the refusal without detaching it.
fn scp_attached(state: &State) -> bool {
    state.organization_of(MANAGEMENT).is_some_and(|org| {
        org.policies
            .iter()
            .filter(|(_, p)| p.name == DENY_OWN_CONTACTS_NAME)
            .any(|(id, _)| {
                org.units
                    .keys()
                    .any(|ou| org.attached(ou).any(|p| p == id.as_str()))
            })
    })
}

/// A successful PutAlternateContact on Development's contact, in
/// organizations mode, by a principal of `account`.
fn edits_development_from(p: &Progress, account: &str) -> bool {
    scp_attached(p.state)
        && p.calls.iter().any(|c| {
            account_of(&c.caller) == account
                && c.operation == "PutAlternateContact"
                && names_account(c, DEVELOPMENT.0)
                && c.succeeded()
        })
}

pub const SCP_GOALS: [Goal; 3] = [
    Goal {
        title: "Choose the root user of 111111111111 under Acting as and create one of its alternate contacts (Alternate contacts tab): denied by the service control policy on Workloads",
        met: |p| {
            p.calls.iter().any(|c| {
                c.operation.ends_with("AlternateContact")
                    && c.denied_by() == Some(PolicyType::ServiceControl)
            })
        },
    },
    Goal {
        title: "Fix it without detaching the SCP: as the root user of 000000000000, choose 111111111111 under Account and create the contact: allowed, SCPs never apply to the management account",
        met: |p| edits_development_from(p, MANAGEMENT),
    },
    Goal {
        title: "As the root user of 222222222222, the delegated administrator in the same OU, create a contact of 111111111111 (chosen under Account): allowed, the SCP's resource arn:aws:account::*:account matches only an account's own contacts",
        met: |p| edits_development_from(p, OPERATIONS.0),
    },
];

fn ou_admin_writes(p: &Progress, account: &str, allowed: bool) -> bool {
    by(p, OU_ADMIN).any(|c| {
        writes(c)
            && names_account(c, account)
            && if allowed {
                c.succeeded()
            } else {
                c.denied_by() == Some(PolicyType::Identity)
            }
    })
}

pub const DELEGATED_GOALS: [Goal; 3] = [
    Goal {
        title: "Choose ou-admin under Acting as, choose 111111111111 (in Workloads) under Account and create an alternate contact: allowed, its path matches account:AccountResourceOrgPaths",
        met: |p| ou_admin_writes(p, PAYMENTS.0, true),
    },
    Goal {
        title: "As ou-admin, choose 222222222222 (in Security) under Account and create a contact: denied, the account is outside the Workloads path",
        met: |p| ou_admin_writes(p, AUDIT.0, false),
    },
    Goal {
        title: "As the root user of 000000000000, move 222222222222 into Workloads (Organization tab, Move 222222222222), then create its contact again as ou-admin: allowed",
        met: |p| ou_admin_writes(p, AUDIT.0, true),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::activity::Source;
    use crate::client::chunks::Protocols;
    use crate::client::storage::MemoryStorage;
    use crate::client::Sandbox;
    use crate::training::scenarios::Scenario;
    use account_engine::{Config, ManualClock, Operation};
    use leptos::prelude::Owner;

    fn loaded(scenario: Scenario) -> (Owner, Sandbox) {
        let owner = Owner::new();
        owner.set();
        let engine = Engine::new(ManualClock::at(0), Config::default());
        let sandbox = Sandbox::new(engine, Box::new(MemoryStorage::default()));
        // What was called before the scenario does not count.
        sandbox
            .call_json(Source::Page, Operation::GetAccountInformation, &json!({}))
            .unwrap();
        scenario
            .apply(Protocols::here().unwrap(), &sandbox)
            .unwrap();
        assert_eq!(scenario.met(&sandbox), [false; 3]);
        (owner, sandbox)
    }

    fn met(sandbox: &Sandbox, scenario: Scenario) -> Vec<bool> {
        scenario.met(sandbox)
    }

    fn contact(kind: &str) -> Value {
        json!({ "AlternateContactType": kind, "Name": "N", "Title": "T",
                "EmailAddress": "n@example.com", "PhoneNumber": "+1 555" })
    }

    /// An Account API call from a form, as `arn`, on `account` if given.
    fn put(sandbox: &Sandbox, arn: &str, account: Option<&str>, kind: &str) -> bool {
        sandbox.set_caller(arn.to_owned());
        sandbox.set_target(account.map(str::to_owned));
        sandbox
            .run(Operation::PutAlternateContact, contact(kind))
            .is_ok()
    }

    fn root(account: &str) -> String {
        account_engine::Principal::root(account).arn()
    }

    #[test]
    fn read_only_operator_reads_is_refused_a_write_then_writes_with_full_access() {
        let (_owner, s) = loaded(Scenario::ReadOnlyOperator);
        s.set_caller(OPERATOR.into());
        s.call_json(
            Source::Console,
            Operation::GetAlternateContact,
            &json!({ "AlternateContactType": "BILLING" }),
        )
        .unwrap();
        assert_eq!(met(&s, Scenario::ReadOnlyOperator), [true, false, false]);
        assert!(!put(&s, OPERATOR, None, "SECURITY"));
        assert_eq!(met(&s, Scenario::ReadOnlyOperator), [true, true, false]);
        s.call_query_as(
            &root(MANAGEMENT),
            Source::Page,
            QueryService::Iam,
            "AttachUserPolicy",
            &[
                ("UserName", "operator"),
                (
                    "PolicyArn",
                    "arn:aws:iam::aws:policy/AWSAccountManagementFullAccess",
                ),
            ],
        )
        .unwrap();
        assert!(put(&s, OPERATOR, None, "SECURITY"));
        assert_eq!(met(&s, Scenario::ReadOnlyOperator), [true; 3]);
    }

    #[test]
    fn billing_contact_only_allows_billing_and_refuses_operations_and_delete() {
        let (_owner, s) = loaded(Scenario::BillingContactOnly);
        assert!(!put(&s, BILLING, None, "OPERATIONS"));
        assert_eq!(met(&s, Scenario::BillingContactOnly), [false, true, false]);
        assert!(put(&s, BILLING, None, "BILLING"));
        assert_eq!(met(&s, Scenario::BillingContactOnly), [true, true, false]);
        s.run(
            Operation::DeleteAlternateContact,
            json!({ "AlternateContactType": "BILLING" }),
        )
        .unwrap_err();
        assert_eq!(met(&s, Scenario::BillingContactOnly), [true; 3]);
    }

    #[test]
    fn the_scp_refuses_a_member_its_own_contact_but_not_the_management_or_delegated_admin() {
        let (_owner, s) = loaded(Scenario::ScpOwnContacts);
        assert!(!put(&s, &root(DEVELOPMENT.0), None, "SECURITY"));
        assert_eq!(met(&s, Scenario::ScpOwnContacts), [true, false, false]);
        assert!(put(&s, &root(MANAGEMENT), Some(DEVELOPMENT.0), "SECURITY"));
        assert_eq!(met(&s, Scenario::ScpOwnContacts), [true, true, false]);
        assert!(put(&s, &root(OPERATIONS.0), Some(DEVELOPMENT.0), "BILLING"));
        assert_eq!(met(&s, Scenario::ScpOwnContacts), [true; 3]);
    }

    #[test]
    fn a_detached_scp_does_not_count_as_fixed() {
        let (_owner, s) = loaded(Scenario::ScpOwnContacts);
        let (policy, unit) = s.with_state(|state| {
            let org = state.organization_of(MANAGEMENT).unwrap();
            let policy = org
                .policies
                .iter()
                .find(|(_, p)| p.name == DENY_OWN_CONTACTS_NAME)
                .unwrap()
                .0
                .clone();
            (policy, org.units.keys().next().unwrap().clone())
        });
        s.call_organizations(
            Source::Page,
            OrgOperation::DetachPolicy,
            &json!({ "PolicyId": policy, "TargetId": unit }),
        )
        .unwrap();
        assert!(put(&s, &root(MANAGEMENT), Some(DEVELOPMENT.0), "SECURITY"));
        assert_eq!(met(&s, Scenario::ScpOwnContacts), [false; 3]);
    }

    #[test]
    fn the_ou_admin_edits_accounts_in_workloads_only_until_one_is_moved_there() {
        let (_owner, s) = loaded(Scenario::DelegatedAdminOu);
        assert!(put(&s, OU_ADMIN, Some(PAYMENTS.0), "SECURITY"));
        assert_eq!(met(&s, Scenario::DelegatedAdminOu), [true, false, false]);
        assert!(!put(&s, OU_ADMIN, Some(AUDIT.0), "SECURITY"));
        assert_eq!(met(&s, Scenario::DelegatedAdminOu), [true, true, false]);
        let (security, workloads) = s.with_state(|state| {
            let org = state.organization_of(MANAGEMENT).unwrap();
            let id = |name: &str| {
                org.units
                    .iter()
                    .find(|(_, u)| u.name == name)
                    .unwrap()
                    .0
                    .clone()
            };
            (id("Security"), id("Workloads"))
        });
        s.set_caller(root(MANAGEMENT));
        s.call_organizations(
            Source::Page,
            OrgOperation::MoveAccount,
            &json!({ "AccountId": AUDIT.0, "SourceParentId": security, "DestinationParentId": workloads }),
        )
        .unwrap();
        assert!(put(&s, OU_ADMIN, Some(AUDIT.0), "SECURITY"));
        assert_eq!(met(&s, Scenario::DelegatedAdminOu), [true; 3]);
    }
}
