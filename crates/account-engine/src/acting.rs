//! Acting as a principal named by its ARN, without a signature: the page
//! runs as any principal it offers in `Acting as`, through the same
//! dispatchers as signed requests. Only shells call this; the HTTP server
//! never does, so a request there is always its access key's principal.
//!
//! The callers offered are root users, IAM users and the live role
//! sessions (AssumeRole's, not expired, of a role that still exists). A
//! role itself calls nothing, so it is not offered. Several live sessions
//! may share one ARN (the same role and session name, assumed again):
//! the ARN names the one issued last, so assuming again with another
//! session policy is what acting as that ARN then gets.

use std::collections::BTreeMap;

use crate::clock::Millis;
use crate::engine::Engine;
use crate::iam::roles_of;
use crate::iam::store::Role;
use crate::principal::Principal;

impl Engine {
    /// The principal an ARN names, if it exists: an account's root user
    /// (`arn:aws:iam::<id>:root`, any account of the sandbox), an IAM
    /// user (`arn:aws:iam::<id>:user/<path><name>`) or a live role
    /// session (`arn:aws:sts::<id>:assumed-role/<role>/<session>`, the
    /// one issued last).
    pub fn principal_by_arn(&self, arn: &str) -> Option<Principal> {
        if let Some(rest) = arn.strip_prefix("arn:aws:sts::") {
            let (account, resource) = rest.split_once(':')?;
            let (role, session) = resource.strip_prefix("assumed-role/")?.split_once('/')?;
            return self
                .live_sessions()
                .remove(&(account, role, session))
                .map(|(_, principal)| principal);
        }
        let rest = arn.strip_prefix("arn:aws:iam::")?;
        let (account, resource) = rest.split_once(':')?;
        self.state.accounts.get(account)?;
        if resource == "root" {
            return Some(Principal::root(account));
        }
        let path_and_name = resource.strip_prefix("user")?;
        let (path, name) = path_and_name.rsplit_once('/')?;
        let user = self.state.iam.user(account, name)?;
        (user.path == format!("{path}/")).then(|| Principal::User {
            account_id: account.to_owned(),
            name: user.name.clone(),
            path: user.path.clone(),
            user_id: user.user_id.clone(),
        })
    }

    /// Every principal that can call, by account id: its root user, its
    /// IAM users by name, then its live role sessions by role and session
    /// name.
    pub fn principals(&self) -> Vec<Principal> {
        let mut sessions = self.live_sessions().into_iter().peekable();
        let mut principals = Vec::new();
        for id in self.state.accounts.keys() {
            principals.push(Principal::root(id));
            let users = self.state.iam.users.get(id).into_iter().flatten();
            principals.extend(users.map(|(_, user)| Principal::User {
                account_id: id.clone(),
                name: user.name.clone(),
                path: user.path.clone(),
                user_id: user.user_id.clone(),
            }));
            while let Some((_, (_, principal))) =
                sessions.next_if(|((account, _, _), _)| *account == id.as_str())
            {
                principals.push(principal);
            }
        }
        principals
    }

    /// The roles of `account` by name, the one Organizations made among
    /// them; they are listed, not offered as callers.
    pub fn roles(&self, account: &str) -> Vec<Role> {
        roles_of(&self.state, account)
    }

    /// The live sessions by (account, role, session name), each the one
    /// issued last (ties: the greater key) among those of its ARN.
    fn live_sessions(&self) -> BTreeMap<(&str, &str, &str), (Millis, Principal)> {
        let mut live: BTreeMap<(&str, &str, &str), (Millis, Principal)> = BTreeMap::new();
        for (key, session) in &self.state.iam.sessions {
            let Some(credential) = self.credential(key) else {
                continue;
            };
            let name = (
                session.account_id.as_str(),
                session.role_name.as_str(),
                session.session_name.as_str(),
            );
            // Keys are visited in order, so a later key of the same
            // instant wins by `>=`.
            if live
                .get(&name)
                .is_none_or(|(issued, _)| session.issued >= *issued)
            {
                live.insert(name, (session.issued, credential.principal));
            }
        }
        live
    }

    /// Runs `f` (a dispatcher call) as `principal`, whatever access key the
    /// call names; the caller to pass is the principal's account id.
    pub fn as_principal<T>(&mut self, principal: Principal, f: impl FnOnce(&mut Self) -> T) -> T {
        self.acting_as = Some(principal);
        let result = f(self);
        self.acting_as = None;
        result
    }
}
