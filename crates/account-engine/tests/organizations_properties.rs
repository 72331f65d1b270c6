//! Properties of an organization's structure over any sequence of
//! CreateOrganizationalUnit, MoveAccount and DeleteOrganizationalUnit
//! (refused ones included): every account sits under exactly one parent,
//! which ListParents and the ListAccountsForParent lists of all parents
//! agree on, and every path is its parent's path plus the node's own id.

mod common;

use std::collections::BTreeMap;

use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

const MANAGEMENT: &str = "111111111111";
const MEMBERS: usize = 4;
const NAMES: [&str; 3] = ["A", "B", "C"];

/// One step; indices pick among what exists when the step runs.
#[derive(Debug, Clone)]
enum Step {
    /// Under the parent picked by `parent`, or under the deepest OU (the
    /// first in id order among the deepest) for `None`, to reach the depth
    /// limit.
    Create {
        parent: Option<usize>,
        name: usize,
    },
    Move {
        account: usize,
        source: Option<usize>,
        destination: usize,
    },
    Delete {
        unit: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (prop::option::weighted(0.6, any::<usize>()), 0..NAMES.len())
            .prop_map(|(parent, name)| Step::Create { parent, name }),
        4 => (any::<usize>(), prop::option::weighted(0.2, any::<usize>()), any::<usize>())
            .prop_map(|(account, source, destination)| Step::Move { account, source, destination }),
        2 => any::<usize>().prop_map(|unit| Step::Delete { unit }),
    ]
}

struct Org {
    sandbox: Sandbox,
    id: String,
    root: String,
    accounts: Vec<String>,
}

impl Org {
    fn new() -> Self {
        let mut sandbox = sandbox();
        let id = text(
            &sandbox.org_as(MANAGEMENT, "CreateOrganization", json!({})),
            "/Organization/Id",
        );
        let root = text(
            &sandbox.org_as(MANAGEMENT, "ListRoots", json!({})),
            "/Roots/0/Id",
        );
        let mut accounts = vec![MANAGEMENT.to_owned()];
        for n in 0..MEMBERS {
            let request = text(
                &sandbox.org_as(
                    MANAGEMENT,
                    "CreateAccount",
                    json!({"AccountName": format!("Member {n}"), "Email": format!("m{n}@example.com")}),
                ),
                "/CreateAccountStatus/Id",
            );
            accounts.push(text(
                &sandbox.org_as(
                    MANAGEMENT,
                    "DescribeCreateAccountStatus",
                    json!({"CreateAccountRequestId": request}),
                ),
                "/CreateAccountStatus/AccountId",
            ));
        }
        Self {
            sandbox,
            id,
            root,
            accounts,
        }
    }

    fn call(&mut self, operation: &str, body: Value) -> OrgReply {
        self.sandbox.org_as(MANAGEMENT, operation, body)
    }

    /// Every entry of a list over all pages (pages of 3, to page often).
    fn all(&mut self, operation: &str, body: Value, key: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut token: Option<Value> = None;
        loop {
            let mut request = body.clone();
            request["MaxResults"] = json!(3);
            if let Some(t) = &token {
                request["NextToken"] = t.clone();
            }
            let reply = self.call(operation, request);
            let page = reply.ok();
            out.extend(page[key].as_array().unwrap().iter().cloned());
            match page.get("NextToken") {
                Some(t) => token = Some(t.clone()),
                None => return out,
            }
        }
    }

    /// Every OU, walking down from the root, with its parent's id.
    fn units(&mut self) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut queue = vec![self.root.clone()];
        while let Some(parent) = queue.pop() {
            let children = self.all(
                "ListOrganizationalUnitsForParent",
                json!({"ParentId": parent}),
                "OrganizationalUnits",
            );
            // ListChildren of type ORGANIZATIONAL_UNIT names the same OUs.
            let relatives = self.all(
                "ListChildren",
                json!({"ParentId": parent, "ChildType": "ORGANIZATIONAL_UNIT"}),
                "Children",
            );
            let ids: Vec<&Value> = children.iter().map(|u| &u["Id"]).collect();
            let relative_ids: Vec<&Value> = relatives.iter().map(|r| &r["Id"]).collect();
            assert_eq!(ids, relative_ids);
            for child in &children {
                let id = child["Id"].as_str().unwrap().to_owned();
                found.push((id.clone(), parent.clone()));
                queue.push(id);
            }
        }
        found
    }

    fn run(&mut self, step: &Step) {
        let tree = self.units();
        let units: Vec<String> = tree.iter().map(|(id, _)| id.clone()).collect();
        let mut depths: BTreeMap<String, usize> = BTreeMap::new();
        depths.insert(self.root.clone(), 0);
        for (id, parent) in &tree {
            let depth = depths[parent] + 1;
            depths.insert(id.clone(), depth);
        }
        let parents: Vec<String> = std::iter::once(self.root.clone())
            .chain(units.iter().cloned())
            .collect();
        match *step {
            Step::Create { parent, name } => {
                let deepest = || {
                    let max = depths.values().copied().max().unwrap_or(0);
                    depths
                        .iter()
                        .find(|(_, d)| **d == max)
                        .map(|(id, _)| id.clone())
                        .unwrap()
                };
                let parent = match parent {
                    Some(n) => parents[n % parents.len()].clone(),
                    None => deepest(),
                };
                self.call(
                    "CreateOrganizationalUnit",
                    json!({"ParentId": parent, "Name": NAMES[name]}),
                );
            }
            Step::Move {
                account,
                source,
                destination,
            } => {
                let account = self.accounts[account % self.accounts.len()].clone();
                let source = match source {
                    Some(n) => parents[n % parents.len()].clone(),
                    None => text(
                        &self.call("ListParents", json!({"ChildId": account})),
                        "/Parents/0/Id",
                    ),
                };
                let destination = &parents[destination % parents.len()];
                self.call(
                    "MoveAccount",
                    json!({"AccountId": account, "SourceParentId": source, "DestinationParentId": destination}),
                );
            }
            Step::Delete { unit } => {
                if !units.is_empty() {
                    let unit = &units[unit % units.len()];
                    self.call(
                        "DeleteOrganizationalUnit",
                        json!({"OrganizationalUnitId": unit}),
                    );
                }
            }
        }
    }

    fn check(&mut self) {
        let units = self.units();
        let root_path = format!("{}/{}/", self.id, self.root);
        let mut paths: BTreeMap<String, String> = BTreeMap::new();
        paths.insert(self.root.clone(), root_path);
        // Parents come before their children in the walk.
        for (unit, parent) in &units {
            let described = self.call(
                "DescribeOrganizationalUnit",
                json!({"OrganizationalUnitId": unit}),
            );
            let path = described.ok()["OrganizationalUnit"]["Path"]
                .as_str()
                .unwrap()
                .to_owned();
            let listed = self.call("ListParents", json!({"ChildId": unit}));
            let listed = listed.ok()["Parents"].as_array().unwrap().clone();
            assert_eq!(listed.len(), 1, "{unit}");
            assert_eq!(listed[0]["Id"], json!(parent), "{unit}");
            assert_eq!(path, format!("{}{unit}/", paths[parent]), "{unit}");
            assert!(
                path.matches('/').count() - 2 <= 5,
                "{path} is deeper than 5 OUs"
            );
            paths.insert(unit.clone(), path);
        }
        // Where each account appears among all parents' accounts.
        let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let parents: Vec<String> = paths.keys().cloned().collect();
        for parent in &parents {
            for account in self.all(
                "ListAccountsForParent",
                json!({"ParentId": parent}),
                "Accounts",
            ) {
                let id = account["Id"].as_str().unwrap().to_owned();
                assert_eq!(account["Paths"], json!([format!("{}{id}/", paths[parent])]));
                seen.entry(id).or_default().push(parent.clone());
            }
            let children = self.all(
                "ListChildren",
                json!({"ParentId": parent, "ChildType": "ACCOUNT"}),
                "Children",
            );
            for child in children {
                assert!(seen[child["Id"].as_str().unwrap()].contains(parent));
            }
        }
        let members: Vec<String> = self
            .all("ListAccounts", json!({}), "Accounts")
            .iter()
            .map(|a| a["Id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(members.len(), MEMBERS + 1);
        assert_eq!(seen.keys().cloned().collect::<Vec<_>>(), members);
        for account in &members {
            let under = &seen[account];
            assert_eq!(under.len(), 1, "{account} is under {under:?}");
            let listed = self.call("ListParents", json!({"ChildId": account}));
            let listed = listed.ok()["Parents"].as_array().unwrap().clone();
            assert_eq!(listed.len(), 1, "{account}");
            assert_eq!(listed[0]["Id"], json!(under[0]));
            let kind = if under[0] == self.root {
                "ROOT"
            } else {
                "ORGANIZATIONAL_UNIT"
            };
            assert_eq!(listed[0]["Type"], kind);
            let described = self.call("DescribeAccount", json!({"AccountId": account}));
            let account_paths = described.ok()["Account"]["Paths"].clone();
            assert_eq!(
                account_paths,
                json!([format!("{}{account}/", paths[&under[0]])])
            );
        }
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_account_has_exactly_one_parent_and_paths_follow_parents(
        steps in prop::collection::vec(step(), 0..50),
    ) {
        let mut org = Org::new();
        org.check();
        for (n, step) in steps.iter().enumerate() {
            org.run(step);
            if n % 5 == 4 {
                org.check();
            }
        }
        org.check();
        // And the state these steps made restores to itself.
        let snapshot = org.sandbox.engine.snapshot();
        let mut restored = sandbox();
        restored.engine.restore(&snapshot).unwrap();
        prop_assert_eq!(restored.engine.snapshot(), snapshot);
    }
}
