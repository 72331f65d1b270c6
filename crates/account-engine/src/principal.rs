//! Who makes a call: an account's root user, one of its IAM users, or a
//! session of one of its roles. The `User:` of an AccessDenied names the
//! principal, never an account resource (observed).

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
    /// A session of an IAM role, which the `ASIA…` key AssumeRole returned
    /// stands for.
    AssumedRole {
        account_id: String,
        role_name: String,
        /// The role's path: the role's ARN has it, the session's does not.
        role_path: String,
        session_name: String,
        /// `AROA…:<session>`, the session's `aws:userid`.
        user_id: String,
        /// The session's `ASIA…` key, which finds its session policies.
        access_key_id: String,
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
            Self::Root { account_id }
            | Self::User { account_id, .. }
            | Self::AssumedRole { account_id, .. } => account_id,
        }
    }

    /// The principal's ARN, as AccessDenied messages name it (§3):
    /// `arn:aws:iam::<acct>:root`, `arn:aws:iam::<acct>:user/<path><name>`
    /// or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`.
    pub fn arn(&self) -> String {
        match self {
            Self::Root { account_id } => format!("arn:aws:iam::{account_id}:root"),
            Self::User {
                account_id,
                name,
                path,
                ..
            } => format!("arn:aws:iam::{account_id}:user{path}{name}"),
            Self::AssumedRole {
                account_id,
                role_name,
                session_name,
                ..
            } => format!("arn:aws:sts::{account_id}:assumed-role/{role_name}/{session_name}"),
        }
    }

    /// `aws:PrincipalArn` (§3): the principal's ARN, except that a role
    /// session is its role, `arn:aws:iam::<acct>:role/<path><name>`.
    pub fn principal_arn(&self) -> String {
        match self {
            Self::AssumedRole {
                account_id,
                role_name,
                role_path,
                ..
            } => format!("arn:aws:iam::{account_id}:role{role_path}{role_name}"),
            Self::Root { .. } | Self::User { .. } => self.arn(),
        }
    }

    /// The principal's `aws:userid` and GetCallerIdentity `UserId`: the
    /// account id for a root user, the `AIDA…` id for a user,
    /// `AROA…:<session>` for a role session.
    pub fn user_id(&self) -> &str {
        match self {
            Self::Root { account_id } => account_id,
            Self::User { user_id, .. } | Self::AssumedRole { user_id, .. } => user_id,
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
        assert_eq!(user("/ops/").principal_arn(), user("/ops/").arn());
    }

    #[test]
    fn a_session_is_named_by_sts_and_its_principal_arn_is_its_role() {
        let session = Principal::AssumedRole {
            account_id: "222222222222".into(),
            role_name: "OrganizationAccountAccessRole".into(),
            role_path: "/ops/".into(),
            session_name: "stackd-account-org".into(),
            user_id: "AROAEXAMPLEEXAMPLEEX:stackd-account-org".into(),
            access_key_id: "ASIAEXAMPLEEXAMPLEEX".into(),
        };
        assert_eq!(
            session.arn(),
            "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/stackd-account-org"
        );
        assert_eq!(
            session.principal_arn(),
            "arn:aws:iam::222222222222:role/ops/OrganizationAccountAccessRole"
        );
        assert_eq!(session.account_id(), "222222222222");
        assert_eq!(session.user_id(), "AROAEXAMPLEEXAMPLEEX:stackd-account-org");
    }
}
