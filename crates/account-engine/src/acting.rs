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
//!
//! An ARN that names no principal that can call (a user deleted, a session
//! expired or of a role deleted since it was chosen) is refused as the
//! endpoint refuses such a principal's key, in the protocol's own words;
//! running it as its account's root user instead would grant what the
//! principal never had.

use std::collections::BTreeMap;

use crate::authentication::AuthenticationError;
use crate::clock::Millis;
use crate::engine::Engine;
use crate::iam::roles_of;
use crate::iam::store::Role;
use crate::principal::Principal;
use crate::wire::WireResponse;

/// The account whose root user `arn` names, if it is a 12-digit id.
fn root_account(arn: &str) -> Option<&str> {
    let account = arn.strip_prefix("arn:aws:iam::")?.strip_suffix(":root")?;
    (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())).then_some(account)
}

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

    /// The principal that calls as `arn`: any account's root user (an
    /// account is created by its first call), or the user or live session
    /// [`Engine::principal_by_arn`] finds. Anything else is unknown, as a
    /// deleted key is to the endpoint; a session the clock has ended is
    /// expired, as its key is.
    pub fn acting_principal(&self, arn: &str) -> Result<Principal, AuthenticationError> {
        if let Some(account) = root_account(arn) {
            return Ok(Principal::root(account));
        }
        self.principal_by_arn(arn).ok_or_else(|| {
            if self.session_of_arn_expired(arn) {
                AuthenticationError::ExpiredToken
            } else {
                AuthenticationError::InvalidToken
            }
        })
    }

    /// Whether an assumed-role ARN names a session whose key
    /// [`Engine::session_expired`] says is expired.
    fn session_of_arn_expired(&self, arn: &str) -> bool {
        self.state.iam.sessions.iter().any(|(key, session)| {
            format!(
                "arn:aws:sts::{}:assumed-role/{}/{}",
                session.account_id, session.role_name, session.session_name
            ) == arn
                && self.session_expired(key)
        })
    }

    /// Runs `run` (a dispatcher call, given the principal's account id) as
    /// the principal `arn` names. `Err` is the refusal `refuse` (the
    /// protocol's `Engine::refuse*`) wrote when `arn` names no principal
    /// that can call: nothing ran.
    pub fn call_as(
        &mut self,
        arn: &str,
        run: impl FnOnce(&mut Self, &str) -> WireResponse,
        refuse: impl FnOnce(&mut Self, AuthenticationError) -> WireResponse,
    ) -> Result<WireResponse, WireResponse> {
        match self.acting_principal(arn) {
            Ok(principal) => {
                let account = principal.account_id().to_owned();
                Ok(self.as_principal(principal, |e| run(e, &account)))
            }
            Err(error) => Err(refuse(self, error)),
        }
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
