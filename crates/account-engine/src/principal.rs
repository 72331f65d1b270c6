//! Who makes a call: an account's root user or one of its IAM users. The
//! `User:` of an AccessDenied names the principal, never an account
//! resource (observed).

/// A calling principal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Principal {
    /// An account's root user, which a 12-digit access key id stands for.
    Root { account_id: String },
    /// An IAM user, which an access key the sandbox issued stands for.
    User {
        account_id: String,
        name: String,
        /// `/`, or `/…/`: it sits between `user` and the name in the ARN.
        path: String,
        /// The `AIDA…` unique id, the user's `aws:userid`.
        user_id: String,
    },
}

impl Principal {
    pub fn root(account_id: impl Into<String>) -> Self {
        Self::Root {
            account_id: account_id.into(),
        }
    }

    /// The account the principal belongs to.
    pub fn account_id(&self) -> &str {
        match self {
            Self::Root { account_id } | Self::User { account_id, .. } => account_id,
        }
    }

    /// The principal's ARN, as AccessDenied messages name it (§3):
    /// `arn:aws:iam::<acct>:root` or `arn:aws:iam::<acct>:user/<path><name>`.
    pub fn arn(&self) -> String {
        match self {
            Self::Root { account_id } => format!("arn:aws:iam::{account_id}:root"),
            Self::User {
                account_id,
                name,
                path,
                ..
            } => format!("arn:aws:iam::{account_id}:user{path}{name}"),
        }
    }

    /// The principal's `aws:userid` and GetCallerIdentity `UserId`: the
    /// account id for a root user, the `AIDA…` id for a user.
    pub fn user_id(&self) -> &str {
        match self {
            Self::Root { account_id } => account_id,
            Self::User { user_id, .. } => user_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Principal;

    #[test]
    fn a_root_user_is_named_by_its_iam_arn() {
        let root = Principal::root("111122223333");
        assert_eq!(root.arn(), "arn:aws:iam::111122223333:root");
        assert_eq!(root.account_id(), "111122223333");
        assert_eq!(root.user_id(), "111122223333");
    }

    #[test]
    fn a_user_arn_carries_its_path() {
        let user = |path: &str| Principal::User {
            account_id: "111122223333".into(),
            name: "ana".into(),
            path: path.into(),
            user_id: "AIDAEXAMPLEEXAMPLEEX".into(),
        };
        assert_eq!(user("/").arn(), "arn:aws:iam::111122223333:user/ana");
        assert_eq!(
            user("/ops/eu/").arn(),
            "arn:aws:iam::111122223333:user/ops/eu/ana"
        );
        assert_eq!(user("/").user_id(), "AIDAEXAMPLEEXAMPLEEX");
    }
}
