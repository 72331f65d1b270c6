//! Who makes a call. Every caller is an account's root user for now; the
//! `User:` of an AccessDenied names the principal, never an account
//! resource (observed).

/// A calling principal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Principal {
    /// An account's root user, which a 12-digit access key id stands for.
    Root { account_id: String },
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
            Self::Root { account_id } => account_id,
        }
    }

    /// The principal's ARN, as AccessDenied messages name it.
    pub fn arn(&self) -> String {
        match self {
            Self::Root { account_id } => format!("arn:aws:iam::{account_id}:root"),
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
    }
}
