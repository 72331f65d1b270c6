//! The shape of an organization: its root, the OUs under it and the
//! accounts in each, with the ids, ARNs and paths the service gives them
//! (`shared/spec/iam.md` §7, the Organizations section of account-api.md).
//!
//! The root's id is derived from the organization's, so it needs no storage
//! and snapshots from before OUs existed read right.

use crate::store::Organization;

/// The AWS managed SCP attached everywhere when SCPs are enabled.
pub const FULL_AWS_ACCESS: &str = "p-FullAWSAccess";

/// How deep OUs may nest under the root (the service's quota).
pub const MAX_OU_DEPTH: usize = 5;

/// What an id names inside an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node<'a> {
    Root,
    Unit(&'a str),
    Account(&'a str),
}

impl Organization {
    /// `r-` and four characters of the organization id.
    pub fn root_id(&self) -> String {
        format!("r-{}", &self.id[2..6])
    }

    pub fn root_arn(&self) -> String {
        format!(
            "arn:aws:organizations::{}:root/{}/{}",
            self.management_account_id,
            self.id,
            self.root_id()
        )
    }

    pub fn unit_arn(&self, unit_id: &str) -> String {
        format!(
            "arn:aws:organizations::{}:ou/{}/{unit_id}",
            self.management_account_id, self.id
        )
    }

    /// What `id` names in this organization, if anything.
    pub fn node<'a>(&self, id: &'a str) -> Option<Node<'a>> {
        if id == self.root_id() {
            Some(Node::Root)
        } else if self.units.contains_key(id) {
            Some(Node::Unit(id))
        } else if self.members.contains(id) {
            Some(Node::Account(id))
        } else {
            None
        }
    }

    /// The OU an account or OU sits in; `None` for the root itself and for
    /// whatever sits directly under it.
    pub fn parent_unit(&self, node: Node<'_>) -> Option<&str> {
        match node {
            Node::Root => None,
            Node::Unit(id) => self.units.get(id).and_then(|u| u.parent.as_deref()),
            Node::Account(id) => self.parents.get(id).map(String::as_str),
        }
    }

    /// The parent's id: an OU's or the root's.
    pub fn parent_id(&self, node: Node<'_>) -> String {
        self.parent_unit(node)
            .map_or_else(|| self.root_id(), str::to_owned)
    }

    /// The OUs from the root down to `unit_id`, both ends included.
    pub fn unit_chain(&self, unit_id: &str) -> Vec<&str> {
        let mut chain = Vec::new();
        let mut next = self.units.get_key_value(unit_id);
        while let Some((id, unit)) = next {
            chain.push(id.as_str());
            next = unit
                .parent
                .as_deref()
                .and_then(|p| self.units.get_key_value(p));
        }
        chain.reverse();
        chain
    }

    /// The levels whose policies apply to a node, from the root down to the
    /// node itself: `[root, ou…, node]`.
    pub fn levels(&self, node: Node<'_>) -> Vec<String> {
        let mut levels = vec![self.root_id()];
        let chain = match node {
            Node::Root => return levels,
            Node::Unit(id) => self.unit_chain(id),
            Node::Account(id) => self
                .parents
                .get(id)
                .map(|ou| self.unit_chain(ou))
                .unwrap_or_default(),
        };
        levels.extend(chain.into_iter().map(str::to_owned));
        if let Node::Account(id) = node {
            levels.push(id.to_owned());
        }
        levels
    }

    /// `o-…/r-…/ou-…/` for an OU, `o-…/r-…/ou-…/<account id>/` for an
    /// account, as Organizations writes paths (observed).
    pub fn path(&self, node: Node<'_>) -> String {
        let mut path = format!("{}/", self.id);
        for level in self.levels(node) {
            path.push_str(&level);
            path.push('/');
        }
        path
    }

    /// The path of the OU (or the root) an account sits in, without the
    /// account: the value of `aws:PrincipalOrgPaths` and
    /// `account:AccountResourceOrgPaths`, where an OU's path matches the
    /// accounts directly in it and `<path>*` its whole subtree (documented).
    pub fn parent_path(&self, account: &str) -> String {
        match self.parents.get(account) {
            Some(unit) => self.path(Node::Unit(unit)),
            None => self.path(Node::Root),
        }
    }

    /// How many OUs deep an OU sits: 1 directly under the root.
    pub fn depth(&self, unit_id: &str) -> usize {
        self.unit_chain(unit_id).len()
    }

    /// The OUs directly under `parent` (`None` for the root), in id order.
    pub fn child_units<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a str> {
        self.units
            .iter()
            .filter(move |(_, u)| u.parent.as_deref() == parent)
            .map(|(id, _)| id.as_str())
    }

    /// The accounts directly under `parent` (`None` for the root), in id
    /// order.
    pub fn child_accounts<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a str> {
        self.members
            .iter()
            .filter(move |id| self.parents.get(*id).map(String::as_str) == parent)
            .map(String::as_str)
    }

    /// The SCPs attached to a target, `p-FullAWSAccess` included.
    pub fn attached(&self, target: &str) -> impl Iterator<Item = &str> {
        self.attachments
            .get(target)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}
