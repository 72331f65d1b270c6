//! The organization's tree as the page shows it, built from the engine
//! state once per revision, and the filter over it, which runs on every
//! keystroke and so touches only precomputed, lower-cased text.
//!
//! Per account the tree keeps only what placing and filtering need (its
//! id, OU and search key), and after a change it keeps even those from the
//! tree before when the change left them equal (most changes do: a tag, a
//! policy, a contact), checked without allocating: at 5,000 accounts
//! building them again was most of a change's time. What a row shows is
//! read for the rows on screen only ([`AccountView`]).
//!
//! Pure: no signals, no DOM, so it is tested natively.

use std::collections::BTreeMap;
use std::sync::Arc;

use account_engine::organizations::tree::{Node as EngineNode, FULL_AWS_ACCESS};
use account_engine::store::{Organization, State};
use account_training::case::lowercase;

use crate::tabs::organization::member_accounts;

/// The root's name, which the service fixes.
pub const ROOT_NAME: &str = "Root";

/// The AWS managed policy's name and description, as the service lists it.
const FULL_AWS_ACCESS_NAME: &str = "FullAWSAccess";
const FULL_AWS_ACCESS_DESCRIPTION: &str = "Allows access to every operation";

/// At most this many matching accounts open the OUs that hold them: a
/// filter that finds a few accounts shows them, one that finds thousands
/// leaves the OUs as they were, so a keystroke never renders thousands.
pub const REVEAL_AT_MOST: usize = 25;

/// What the root, OUs and accounts have in common.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    pub id: String,
    /// What buttons and messages call it: the root's and an OU's name, an
    /// account's id (account names need not be unique).
    pub label: String,
    /// The SCPs attached to it, by id and name: the AWS managed one first,
    /// then by name.
    pub policies: Vec<(String, String)>,
    pub tags: Vec<(String, String)>,
}

/// A policy's name: the AWS managed one's, or the customer's.
fn policy_name(org: &Organization, id: &str) -> String {
    if id == FULL_AWS_ACCESS {
        return FULL_AWS_ACCESS_NAME.to_owned();
    }
    org.policies
        .get(id)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// Lower-cased for matching; ASCII, nearly all of it here, in place.
fn search_key(mut text: String) -> String {
    if text.is_ascii() {
        text.make_ascii_lowercase();
        text
    } else {
        lowercase(&text)
    }
}

/// An account's search key: id, name and email on lines of their own.
fn account_key(parts: [&str; 3]) -> String {
    let mut key = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            key.push('\n');
        }
        key.push_str(part);
    }
    search_key(key)
}

/// Whether `key` is [`account_key`] of `parts`, without building it when
/// they are ASCII (nearly always).
fn key_matches(key: &str, parts: [&str; 3]) -> bool {
    if !parts.iter().all(|p| p.is_ascii()) {
        return key == account_key(parts);
    }
    let mut rest = key.as_bytes();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            let Some((b'\n', tail)) = rest.split_first() else {
                return false;
            };
            rest = tail;
        }
        let Some((head, tail)) = rest.split_at_checked(part.len()) else {
            return false;
        };
        if !head
            .iter()
            .zip(part.bytes())
            .all(|(k, p)| *k == p.to_ascii_lowercase())
        {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

impl Node {
    fn of(org: &Organization, id: &str, label: String) -> Self {
        let mut policies: Vec<(String, String)> = org
            .attached(id)
            .map(|p| (p.to_owned(), policy_name(org, p)))
            .collect();
        policies.sort_by(|(a, a_name), (b, b_name)| {
            (a != FULL_AWS_ACCESS, a_name).cmp(&(b != FULL_AWS_ACCESS, b_name))
        });
        Self {
            id: id.to_owned(),
            label,
            policies,
            tags: org
                .tags
                .get(id)
                .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default(),
        }
    }

    /// The root, an OU or an account of the caller's organization, read
    /// from the state: for panels and rows on screen.
    pub fn find(state: &State, caller: &str, id: &str) -> Option<Self> {
        let org = state.organization_of(caller)?;
        let label = match org.node(id)? {
            EngineNode::Root => ROOT_NAME.to_owned(),
            EngineNode::Unit(unit) => org.units[unit].name.clone(),
            EngineNode::Account(account) => account.to_owned(),
        };
        Some(Self::of(org, id, label))
    }

    /// The attached SCPs' names, for a line of text.
    pub fn policy_names(&self) -> String {
        let names: Vec<&str> = self.policies.iter().map(|(_, n)| n.as_str()).collect();
        names.join(", ")
    }

    /// `key=value` pairs, for a line of text.
    pub fn tag_text(&self) -> String {
        let pairs: Vec<String> = self.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub node: Node,
    /// The parent OU's index in [`Structure::units`]; `None` is the root.
    pub parent: Option<usize>,
    /// 1 directly under the root.
    pub depth: usize,
    /// Child OUs' indices, by name.
    pub units: Vec<usize>,
    /// Indices in [`Structure::accounts`] of the accounts directly inside.
    pub accounts: Vec<usize>,
    /// Accounts inside it and in the OUs below it.
    pub total: usize,
    key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    /// The OU's index in [`Structure::units`]; `None` is the root.
    pub parent: Option<usize>,
    /// Id, name and email, lower-cased once here rather than per keystroke.
    key: String,
}

/// What an account's row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountView {
    pub name: String,
    pub email: String,
    pub node: Node,
}

impl AccountView {
    pub fn find(state: &State, caller: &str, id: &str) -> Option<Self> {
        let account = state.accounts.get(id)?;
        Some(Self {
            name: account.name.clone(),
            email: account.email.clone(),
            node: Node::find(state, caller, id)?,
        })
    }
}

/// A service control policy of the organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub id: String,
    pub name: String,
    pub description: String,
    pub aws_managed: bool,
    /// Roots, OUs and accounts it is attached to.
    pub targets: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub root: Node,
    pub root_units: Vec<usize>,
    pub root_accounts: Vec<usize>,
    /// Every OU in tree order (a parent before its children, siblings by
    /// name), so one pass in order or in reverse covers the tree.
    pub units: Vec<Unit>,
    /// Shared with the tree before a change that left them equal, so the
    /// memo holding the tree compares them by pointer.
    pub accounts: Arc<Vec<Account>>,
    pub scp_enabled: bool,
    /// `p-FullAWSAccess` first, then the customer's, by id.
    pub policies: Vec<Policy>,
}

impl Structure {
    /// The tree of the caller's organization, if it is in one. `before`,
    /// the tree the previous state gave, lends its accounts when they are
    /// still equal.
    pub fn of(state: &State, caller: &str, before: Option<&Self>) -> Option<Self> {
        let org = state.organization_of(caller)?;
        let (root_units, mut units) = Self::units_of(org);
        let accounts = match before {
            Some(before)
                if Self::same_accounts(&before.accounts, &units, &before.units, state, org) =>
            {
                Arc::clone(&before.accounts)
            }
            _ => Arc::new(Self::accounts_of(state, org, &units)),
        };
        let mut root_accounts = Vec::new();
        for (at, account) in accounts.iter().enumerate() {
            match account.parent {
                Some(p) => units[p].accounts.push(at),
                None => root_accounts.push(at),
            }
        }
        let mut structure = Self {
            root: Node::of(org, &org.root_id(), ROOT_NAME.to_owned()),
            root_units,
            root_accounts,
            units,
            accounts,
            scp_enabled: org.service_control_policies,
            policies: Self::policies_of(org),
        };
        let totals = structure.subtree_totals(|i| structure.units[i].accounts.len());
        for (unit, total) in structure.units.iter_mut().zip(totals) {
            unit.total = total;
        }
        Some(structure)
    }

    /// The OUs in tree order, without their accounts yet, and the indices
    /// of those directly under the root.
    fn units_of(org: &Organization) -> (Vec<usize>, Vec<Unit>) {
        let mut children: BTreeMap<Option<&str>, Vec<(&str, &str)>> = BTreeMap::new();
        for (id, unit) in &org.units {
            children
                .entry(unit.parent.as_deref())
                .or_default()
                .push((unit.name.as_str(), id.as_str()));
        }
        for siblings in children.values_mut() {
            siblings.sort_unstable();
        }
        let mut units: Vec<Unit> = Vec::with_capacity(org.units.len());
        let mut root_units = Vec::new();
        // Depth first, so every parent precedes its children.
        let mut stack: Vec<(Option<usize>, &str)> = children
            .get(&None)
            .map(|s| s.iter().rev().map(|(_, id)| (None, *id)).collect())
            .unwrap_or_default();
        while let Some((parent, id)) = stack.pop() {
            let at = units.len();
            match parent {
                Some(p) => units[p].units.push(at),
                None => root_units.push(at),
            }
            let name = org.units[id].name.clone();
            units.push(Unit {
                key: search_key(name.clone()),
                node: Node::of(org, id, name),
                parent,
                depth: parent.map_or(1, |p| units[p].depth + 1),
                units: Vec::new(),
                accounts: Vec::new(),
                total: 0,
            });
            if let Some(kids) = children.get(&Some(id)) {
                stack.extend(kids.iter().rev().map(|(_, kid)| (Some(at), *kid)));
            }
        }
        (root_units, units)
    }

    /// The organization's accounts in id order, each placed in its OU.
    fn accounts_of(state: &State, org: &Organization, units: &[Unit]) -> Vec<Account> {
        let index: BTreeMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.node.id.as_str(), i))
            .collect();
        member_accounts(state, org)
            .map(|account| Account {
                key: account_key([&account.id, &account.name, &account.email]),
                id: account.id.clone(),
                parent: org
                    .parent_unit(EngineNode::Account(&account.id))
                    .and_then(|ou| index.get(ou).copied()),
            })
            .collect()
    }

    /// Whether `accounts`, built over the OUs `before_units`, are what
    /// [`Self::accounts_of`] would build now over `units`: the OUs in the
    /// same order, and every member in the same OU with the same search
    /// key. Members, accounts and parents are all in id order, so this is
    /// one walk over them side by side, allocating nothing.
    fn same_accounts(
        accounts: &[Account],
        units: &[Unit],
        before_units: &[Unit],
        state: &State,
        org: &Organization,
    ) -> bool {
        if units.len() != before_units.len()
            || units
                .iter()
                .zip(before_units)
                .any(|(u, b)| u.node.id != b.node.id)
        {
            return false;
        }
        let mut parents = org.parents.iter().peekable();
        let mut kept = accounts.iter();
        for account in member_accounts(state, org) {
            let id = &account.id;
            while parents.next_if(|(other, _)| *other < id).is_some() {}
            let parent = parents.next_if(|(other, _)| *other == id).map(|(_, ou)| ou);
            let Some(kept) = kept.next() else {
                return false;
            };
            let kept_parent = kept.parent.map(|p| &units[p].node.id);
            // An account whose OU is not one of the organization's sits
            // under the root, as `accounts_of` places it.
            let parent = parent.filter(|ou| org.units.contains_key(*ou));
            if kept.id != *id
                || kept_parent != parent
                || !key_matches(&kept.key, [id, &account.name, &account.email])
            {
                return false;
            }
        }
        kept.next().is_none()
    }

    /// `p-FullAWSAccess` first, then the customer's, each with the number
    /// of targets it is attached to.
    fn policies_of(org: &Organization) -> Vec<Policy> {
        let mut policies: Vec<Policy> = std::iter::once(Policy {
            id: FULL_AWS_ACCESS.to_owned(),
            name: FULL_AWS_ACCESS_NAME.to_owned(),
            description: FULL_AWS_ACCESS_DESCRIPTION.to_owned(),
            aws_managed: true,
            targets: 0,
        })
        .chain(org.policies.iter().map(|(id, p)| Policy {
            id: id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            aws_managed: false,
            targets: 0,
        }))
        .collect();
        // Every target holds FullAWSAccess while the type is enabled, so
        // it is looked at first; the customer's are few.
        for attached in org.attachments.values() {
            for policy in attached {
                if let Some(p) = policies.iter_mut().find(|p| p.id == *policy) {
                    p.targets += 1;
                }
            }
        }
        policies
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The id of the root or OU an account sits in.
    pub fn parent_id(&self, account: &Account) -> &str {
        account
            .parent
            .map_or(&self.root.id, |p| &self.units[p].node.id)
    }

    /// An OU's id and those of the OUs above it, which must all be open
    /// for it to be seen; empty for the root or an unknown id.
    pub fn chain(&self, id: &str) -> Vec<String> {
        let mut chain = Vec::new();
        let mut next = self.units.iter().position(|u| u.node.id == id);
        while let Some(i) = next {
            chain.push(self.units[i].node.id.clone());
            next = self.units[i].parent;
        }
        chain
    }

    /// Every place an account or OU can go: the root, then each OU in tree
    /// order, as (id, path of names) such as `Root / Workloads / Prod`.
    pub fn containers(&self) -> Vec<(String, String)> {
        let mut paths: Vec<String> = Vec::with_capacity(self.units.len());
        let mut out = vec![(self.root.id.clone(), ROOT_NAME.to_owned())];
        for unit in &self.units {
            let parent = unit.parent.map_or(ROOT_NAME, |p| paths[p].as_str());
            let path = format!("{parent} / {}", unit.node.label);
            out.push((unit.node.id.clone(), path.clone()));
            paths.push(path);
        }
        out
    }

    /// The accounts and OUs a filter leaves, by the lower-cased `needle`:
    /// an account matches on its id, name or email, or on the name of any
    /// OU above it.
    pub fn filter(&self, needle: &str) -> Filtered {
        if needle.is_empty() {
            return Filtered {
                active: false,
                root_accounts: self.root_accounts.clone(),
                unit_accounts: self.units.iter().map(|u| u.accounts.clone()).collect(),
                unit_totals: self.units.iter().map(|u| u.total).collect(),
                shown: vec![true; self.units.len()],
                total: self.accounts.len(),
            };
        }
        let mut named = vec![false; self.units.len()];
        for (i, unit) in self.units.iter().enumerate() {
            named[i] = unit.key.contains(needle) || unit.parent.is_some_and(|p| named[p]);
        }
        let keep = |list: &[usize], all: bool| -> Vec<usize> {
            if all {
                return list.to_vec();
            }
            list.iter()
                .copied()
                .filter(|&a| self.accounts[a].key.contains(needle))
                .collect()
        };
        let root_accounts = keep(&self.root_accounts, false);
        let unit_accounts: Vec<Vec<usize>> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| keep(&u.accounts, named[i]))
            .collect();
        let unit_totals = self.subtree_totals(|i| unit_accounts[i].len());
        // An OU shows if its name matched, or anything under it did.
        let mut shown: Vec<bool> = (0..self.units.len())
            .map(|i| named[i] || unit_totals[i] > 0)
            .collect();
        for i in (0..self.units.len()).rev() {
            if let (true, Some(p)) = (shown[i], self.units[i].parent) {
                shown[p] = true;
            }
        }
        let total = root_accounts.len() + unit_accounts.iter().map(Vec::len).sum::<usize>();
        Filtered {
            active: true,
            root_accounts,
            unit_accounts,
            unit_totals,
            shown,
            total,
        }
    }

    /// Per OU, `own(index)` summed over the OU and everything below it.
    fn subtree_totals(&self, own: impl Fn(usize) -> usize) -> Vec<usize> {
        let mut totals: Vec<usize> = (0..self.units.len()).map(own).collect();
        for i in (0..self.units.len()).rev() {
            if let Some(p) = self.units[i].parent {
                totals[p] += totals[i];
            }
        }
        totals
    }
}

/// What a filter leaves of a [`Structure`], index for index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filtered {
    /// Whether a filter is applied at all.
    pub active: bool,
    pub root_accounts: Vec<usize>,
    /// Per OU, its matching accounts.
    pub unit_accounts: Vec<Vec<usize>>,
    /// Per OU, its matching accounts and those of the OUs below it.
    pub unit_totals: Vec<usize>,
    /// Per OU, whether it stays in the tree.
    pub shown: Vec<bool>,
    /// Matching accounts in the whole organization.
    pub total: usize,
}

impl Filtered {
    /// The OUs to open so that every match is in sight, when there are few
    /// enough to render: each OU above a matching account.
    pub fn to_reveal(&self, structure: &Structure) -> Vec<String> {
        if !self.active || self.total > REVEAL_AT_MOST {
            return Vec::new();
        }
        structure
            .units
            .iter()
            .enumerate()
            .filter(|(i, _)| self.unit_totals.get(*i).is_some_and(|t| *t > 0))
            .map(|(_, u)| u.node.id.clone())
            .collect()
    }
}

/// A count with thousands separators, as people read them: `5,001`.
pub fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Rows of a windowed account list: a fixed height, so the scroll offset
/// says which rows are in view.
pub const ROW_HEIGHT: i32 = 40;
/// The list's visible height; longer lists scroll inside it.
pub const VIEW_HEIGHT: i32 = 400;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: i32 = 3;

/// Whether a list of `total` rows scrolls (and so needs to be focusable).
pub fn scrolls(total: usize) -> bool {
    total as i32 * ROW_HEIGHT > VIEW_HEIGHT
}

/// The rows to render for a scroll position: `first..last` of `total`,
/// the overscan on each side only where there are rows (at the top, none
/// above).
pub fn window(scroll_top: i32, total: usize) -> (usize, usize) {
    let top = (scroll_top / ROW_HEIGHT).max(0);
    let first = ((top - OVERSCAN).max(0) as usize).min(total);
    let last = ((top + VIEW_HEIGHT / ROW_HEIGHT + OVERSCAN) as usize).min(total);
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::{Config, Engine, ManualClock, OrgOperation};
    use serde_json::{json, Value};

    fn call(engine: &mut Engine, operation: OrgOperation, input: Value) -> Value {
        let response = engine.handle_organizations(
            "000000000000",
            &operation.target(),
            input.to_string().as_bytes(),
        );
        assert_eq!(response.status, 200, "{}", response.body);
        serde_json::from_str(&response.body).unwrap_or(Value::Null)
    }

    /// Root ─ Workloads ─ Prod (two accounts), Sandbox (one), and one
    /// account under the root beside the management account.
    fn engine() -> (Engine, String, String, String) {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_organization("000000000000").unwrap();
        for (n, id) in [
            "111111111111",
            "222222222222",
            "333333333333",
            "444444444444",
        ]
        .iter()
        .enumerate()
        {
            engine
                .add_member_account(
                    &org,
                    id,
                    &format!("Member {n}"),
                    &format!("m{n}@example.com"),
                )
                .unwrap();
        }
        let root = call(&mut engine, OrgOperation::ListRoots, json!({}))["Roots"][0]["Id"]
            .as_str()
            .unwrap()
            .to_owned();
        let unit = |engine: &mut Engine, parent: &str, name: &str| {
            call(
                engine,
                OrgOperation::CreateOrganizationalUnit,
                json!({ "ParentId": parent, "Name": name }),
            )["OrganizationalUnit"]["Id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let workloads = unit(&mut engine, &root, "Workloads");
        let prod = unit(&mut engine, &workloads, "Prod");
        let sandbox = unit(&mut engine, &root, "Sandbox");
        for (account, to) in [
            ("111111111111", &prod),
            ("222222222222", &prod),
            ("333333333333", &sandbox),
        ] {
            call(
                &mut engine,
                OrgOperation::MoveAccount,
                json!({ "AccountId": account, "SourceParentId": root, "DestinationParentId": to }),
            );
        }
        (engine, root, workloads, prod)
    }

    fn structure(engine: &Engine) -> Structure {
        Structure::of(engine.state(), "000000000000", None).unwrap()
    }

    fn labels(structure: &Structure, list: &[usize]) -> Vec<String> {
        list.iter()
            .map(|&a| structure.accounts[a].id.clone())
            .collect()
    }

    #[test]
    fn builds_the_tree_parents_first_with_siblings_by_name() {
        let (engine, root, workloads, prod) = engine();
        let s = structure(&engine);
        assert_eq!(s.root.id, root);
        assert_eq!(s.root.label, "Root");
        let names: Vec<&str> = s.units.iter().map(|u| u.node.label.as_str()).collect();
        assert_eq!(names, ["Sandbox", "Workloads", "Prod"]);
        assert_eq!(s.units[2].node.id, prod);
        assert_eq!(s.units[2].parent, Some(1));
        assert_eq!(s.units[2].depth, 2);
        assert_eq!(s.units[1].total, 2, "Prod's accounts count in Workloads");
        assert_eq!(s.units[1].node.id, workloads);
        assert_eq!(s.root_units, [0, 1]);
        assert_eq!(
            labels(&s, &s.units[2].accounts),
            ["111111111111", "222222222222"]
        );
        assert_eq!(
            labels(&s, &s.root_accounts),
            ["000000000000", "444444444444"]
        );
        assert_eq!(s.parent_id(s.account("111111111111").unwrap()), prod);
        assert_eq!(s.chain(&prod), [prod.clone(), workloads.clone()]);
        assert!(s.chain(&root).is_empty());
        assert_eq!(
            s.containers()
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>(),
            [
                "Root",
                "Root / Sandbox",
                "Root / Workloads",
                "Root / Workloads / Prod"
            ]
        );
        assert!(!s.scp_enabled);
        assert!(s.root.policies.is_empty());
        assert_eq!(s.policies.len(), 1);
        assert_eq!(s.policies[0].name, "FullAWSAccess");
    }

    #[test]
    fn attached_policies_and_tags_are_named_on_their_nodes() {
        let (mut engine, root, _, prod) = engine();
        call(
            &mut engine,
            OrgOperation::EnablePolicyType,
            json!({ "RootId": root, "PolicyType": "SERVICE_CONTROL_POLICY" }),
        );
        let content = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"account:*","Resource":"*"}]}"#;
        let policy = call(
            &mut engine,
            OrgOperation::CreatePolicy,
            json!({ "Name": "DenyAccount", "Description": "No account changes", "Content": content, "Type": "SERVICE_CONTROL_POLICY" }),
        )["Policy"]["PolicySummary"]["Id"]
            .as_str()
            .unwrap()
            .to_owned();
        call(
            &mut engine,
            OrgOperation::AttachPolicy,
            json!({ "PolicyId": policy, "TargetId": prod }),
        );
        call(
            &mut engine,
            OrgOperation::TagResource,
            json!({ "ResourceId": "111111111111", "Tags": [{ "Key": "env", "Value": "prod" }, { "Key": "team", "Value": "web" }] }),
        );
        let s = structure(&engine);
        assert!(s.scp_enabled);
        assert_eq!(s.root.policy_names(), "FullAWSAccess");
        let state = engine.state();
        let prod = Node::find(state, "000000000000", &prod).unwrap();
        assert_eq!(prod.label, "Prod");
        assert_eq!(prod.policy_names(), "FullAWSAccess, DenyAccount");
        let row = AccountView::find(state, "000000000000", "111111111111").unwrap();
        assert_eq!(row.name, "Member 0");
        assert_eq!(row.node.label, "111111111111");
        assert_eq!(row.node.tag_text(), "env=prod, team=web");
        assert_eq!(row.node.policy_names(), "FullAWSAccess");
        assert_eq!(Node::find(state, "000000000000", "999999999999"), None);
        let targets: Vec<(String, usize)> = s
            .policies
            .iter()
            .map(|p| (p.name.clone(), p.targets))
            .collect();
        // The root, three OUs and five accounts each have FullAWSAccess.
        assert_eq!(
            targets,
            [("FullAWSAccess".into(), 9), ("DenyAccount".into(), 1)]
        );
    }

    #[test]
    fn the_filter_matches_ids_names_emails_and_the_ous_above() {
        let (engine, ..) = engine();
        let s = structure(&engine);
        let all = s.filter("");
        assert!(!all.active);
        assert_eq!(all.total, 5);
        assert_eq!(all.unit_totals, [1, 2, 2]);

        let by_email = s.filter("m1@");
        assert_eq!(by_email.total, 1);
        assert_eq!(labels(&s, &by_email.unit_accounts[2]), ["222222222222"]);
        assert_eq!(by_email.shown, [false, true, true]);
        assert_eq!(by_email.unit_totals, [0, 1, 1]);
        assert_eq!(
            by_email.to_reveal(&s),
            [s.units[1].node.id.clone(), s.units[2].node.id.clone()]
        );

        let by_ou = s.filter("work");
        assert_eq!(by_ou.total, 2, "every account under Workloads");
        assert_eq!(by_ou.shown, [false, true, true]);

        let by_id = s.filter("4444");
        assert_eq!(labels(&s, &by_id.root_accounts), ["444444444444"]);
        assert_eq!(by_id.shown, [false; 3]);

        let none = s.filter("nobody");
        assert_eq!(none.total, 0);
        assert!(none.to_reveal(&s).is_empty());
    }

    #[test]
    fn an_empty_ou_shows_when_its_name_matches_with_the_ous_above_it() {
        let (mut engine, _, _, prod) = engine();
        call(
            &mut engine,
            OrgOperation::CreateOrganizationalUnit,
            json!({ "ParentId": prod, "Name": "Web" }),
        );
        let s = structure(&engine);
        let web = s.filter("web");
        assert_eq!(web.total, 0);
        let shown: Vec<&str> = s
            .units
            .iter()
            .zip(&web.shown)
            .filter(|(_, shown)| **shown)
            .map(|(u, _)| u.node.label.as_str())
            .collect();
        assert_eq!(shown, ["Workloads", "Prod", "Web"]);
    }

    #[test]
    fn many_matches_reveal_nothing() {
        let filtered = Filtered {
            active: true,
            total: REVEAL_AT_MOST + 1,
            unit_totals: vec![REVEAL_AT_MOST + 1],
            ..Filtered::default()
        };
        let (engine, ..) = engine();
        assert!(filtered.to_reveal(&structure(&engine)).is_empty());
    }

    #[test]
    fn a_change_that_leaves_the_accounts_equal_keeps_them_and_one_that_does_not_rebuilds_them() {
        let (mut engine, root, _, prod) = engine();
        let rebuilt = |engine: &Engine, before: &Structure| {
            Structure::of(engine.state(), "000000000000", Some(before)).unwrap()
        };
        let first = structure(&engine);
        call(
            &mut engine,
            OrgOperation::TagResource,
            json!({ "ResourceId": "111111111111", "Tags": [{ "Key": "env", "Value": "prod" }] }),
        );
        let tagged = rebuilt(&engine, &first);
        assert!(Arc::ptr_eq(&first.accounts, &tagged.accounts));
        assert_eq!(tagged, structure(&engine));

        call(
            &mut engine,
            OrgOperation::MoveAccount,
            json!({ "AccountId": "444444444444", "SourceParentId": root, "DestinationParentId": prod }),
        );
        let moved = rebuilt(&engine, &tagged);
        assert!(!Arc::ptr_eq(&tagged.accounts, &moved.accounts));
        assert_eq!(moved, structure(&engine));
        assert_eq!(
            labels(&moved, &moved.units[2].accounts),
            ["111111111111", "222222222222", "444444444444"]
        );

        // A rename reorders the OUs (siblings go by name), so their
        // indices in the accounts change too.
        call(
            &mut engine,
            OrgOperation::UpdateOrganizationalUnit,
            json!({ "OrganizationalUnitId": moved.units[0].node.id, "Name": "Zoo" }),
        );
        let renamed = rebuilt(&engine, &moved);
        assert_eq!(renamed, structure(&engine));
        assert_eq!(renamed.units[2].node.label, "Zoo");

        let rename = |engine: &mut Engine, name: &str| {
            let body = json!({ "AccountId": "222222222222", "AccountName": name });
            let response = engine.handle(
                "000000000000",
                "/putAccountName",
                body.to_string().as_bytes(),
            );
            assert_eq!(response.status, 200, "{}", response.body);
        };
        call(
            &mut engine,
            OrgOperation::EnableAwsServiceAccess,
            json!({ "ServicePrincipal": "account.amazonaws.com" }),
        );
        rename(&mut engine, "Renamed team");
        let named = rebuilt(&engine, &renamed);
        assert!(!Arc::ptr_eq(&renamed.accounts, &named.accounts));
        assert_eq!(named, structure(&engine));
        let found = named.filter("renamed");
        assert_eq!(labels(&named, &found.unit_accounts[1]), ["222222222222"]);
        let again = rebuilt(&engine, &named);
        assert!(Arc::ptr_eq(&named.accounts, &again.accounts));
        // Only the case changed: the search key, all the tree keeps, is equal.
        rename(&mut engine, "RENAMED TEAM");
        assert!(Arc::ptr_eq(
            &named.accounts,
            &rebuilt(&engine, &named).accounts
        ));
    }

    #[test]
    fn keys_match_the_parts_they_were_built_from_and_nothing_else() {
        let parts = ["111111111111", "Dev Team", "dev@example.com"];
        let key = account_key(parts);
        assert_eq!(key, "111111111111\ndev team\ndev@example.com");
        assert!(key_matches(&key, parts));
        assert!(key_matches(
            &key,
            ["111111111111", "DEV team", "dev@example.com"]
        ));
        assert!(!key_matches(
            &key,
            ["111111111111", "Dev Tea", "mdev@example.com"]
        ));
        assert!(!key_matches(
            &key,
            ["111111111111", "Dev Team", "dev@example.co"]
        ));
        assert!(!key_matches(
            &key,
            ["111111111112", "Dev Team", "dev@example.com"]
        ));
        let unicode = ["111111111111", "Équipe", "dev@example.com"];
        assert!(key_matches(&account_key(unicode), unicode));
        assert!(!key_matches(&account_key(unicode), parts));
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(5001), "5,001");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn windows_render_the_rows_in_view_plus_overscan() {
        assert_eq!(window(0, 5000), (0, 13));
        assert_eq!(window(40 * 1000, 5000), (997, 1013));
        assert_eq!(window(40 * 4999, 5000), (4996, 5000));
        assert_eq!(window(0, 3), (0, 3));
        assert_eq!(window(99_999, 0), (0, 0));
        assert!(!scrolls(10));
        assert!(scrolls(11));
    }
}
