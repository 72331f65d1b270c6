//! Acting as a principal named by its ARN, without a signature: the page
//! runs as any principal it offers in `Acting as`, through the same
//! dispatchers as signed requests. Only shells call this; the HTTP server
//! never does, so a request there is always its access key's principal.

use crate::engine::Engine;
use crate::principal::Principal;

impl Engine {
    /// The principal an ARN names, if it exists: an account's root user
    /// (`arn:aws:iam::<id>:root`, any account of the sandbox) or an IAM
    /// user (`arn:aws:iam::<id>:user/<path><name>`).
    pub fn principal_by_arn(&self, arn: &str) -> Option<Principal> {
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

    /// Every principal of every account, by account id: its root user,
    /// then its IAM users by name.
    pub fn principals(&self) -> Vec<Principal> {
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
        }
        principals
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
