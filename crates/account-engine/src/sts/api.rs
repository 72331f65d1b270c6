//! The STS operations.

use crate::principal::Principal;
use crate::sts::model::GetCallerIdentityOutput;

/// GetCallerIdentity needs no permission and reads no state: the answer
/// follows from the principal alone. UserId is the principal's
/// `aws:userid` (documented): the account id for a root user, `AIDA…`
/// for a user, `AROA…:<session>` for a role session.
pub(crate) fn get_caller_identity(principal: &Principal) -> GetCallerIdentityOutput {
    GetCallerIdentityOutput {
        arn: principal.arn(),
        user_id: principal.user_id().to_owned(),
        account: principal.account_id().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_user_is_its_account() {
        assert_eq!(
            get_caller_identity(&Principal::root("111122223333")),
            GetCallerIdentityOutput {
                arn: "arn:aws:iam::111122223333:root".into(),
                user_id: "111122223333".into(),
                account: "111122223333".into(),
            }
        );
    }
}
