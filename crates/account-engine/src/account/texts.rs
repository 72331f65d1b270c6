//! Every message of the Account API that no capture of the real service
//! shows: the sandbox's own wording, kept here in one place so the README
//! can list them and nothing else passes for the service's text. Observed
//! messages stay beside the rules that raise them.

/// GetContactInformation and SendPhoneNumberVerification for an account
/// with no contact information.
pub const NO_CONTACT_INFORMATION: &str = "No contact information found for this account.";

/// An AccountId of an account outside the caller's organization.
pub const NOT_A_MEMBER: &str = "The specified account is not a member of your organization.";

/// StartPrimaryEmailUpdate with an address another account uses.
pub const EMAIL_IN_USE: &str = "The email address is already in use by another account.";

/// StartPrimaryEmailUpdate with a value that is not an address alone
/// (`primary_email.rs`, `plain_address`).
pub const EMAIL_INVALID: &str = "The new primary email is not a valid email address.";

/// StartPrimaryEmailUpdate with the address the account already has.
pub const EMAIL_UNCHANGED: &str = "The new primary email is the account's current primary email.";

/// StartPrimaryEmailUpdate while an accepted update is completing.
pub const EMAIL_UPDATE_IN_PROGRESS: &str =
    "A primary email update for this account is already in progress. Please wait until it finishes and then try again.";

/// AcceptPrimaryEmailUpdate with no update waiting for its one-time password.
pub const NO_PENDING_EMAIL_UPDATE: &str = "No pending email update found for account";

/// AcceptPrimaryEmailUpdate naming another address than the pending one.
pub const EMAIL_NOT_PENDING: &str =
    "The primary email does not match the pending email update for this account.";

/// AcceptPrimaryEmailUpdate with a wrong or expired one-time password.
pub const WRONG_EMAIL_OTP: &str = "The one-time password is incorrect or has expired.";

/// VerifyPhoneNumber with a wrong or expired code, or none sent.
pub const WRONG_PHONE_CODE: &str = "The verification code is incorrect or has expired.";

/// VerifyPhoneNumber after the number on file changed since the code was sent.
pub const PHONE_NUMBER_CHANGED: &str =
    "The phone number changed after the verification code was sent. Send a new code and try again.";

pub fn account_region_quota(account: &str, in_progress: usize) -> String {
    format!(
        "Account {account} already has {in_progress} region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again."
    )
}

pub fn organization_region_quota(organization: &str, in_progress: usize) -> String {
    format!(
        "Organization {organization} already has {in_progress} region opt-in or opt-out requests in progress, the most allowed. Please wait until one finishes and then try again."
    )
}

/// Every fixed text above, for the README's list and the test that keeps
/// the two in step.
pub const ALL: [&str; 10] = [
    NO_CONTACT_INFORMATION,
    NOT_A_MEMBER,
    EMAIL_IN_USE,
    EMAIL_UNCHANGED,
    EMAIL_UPDATE_IN_PROGRESS,
    NO_PENDING_EMAIL_UPDATE,
    EMAIL_NOT_PENDING,
    WRONG_EMAIL_OTP,
    WRONG_PHONE_CODE,
    PHONE_NUMBER_CHANGED,
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_lists_every_text_of_the_sandboxs_own() {
        let readme = include_str!("../../../../README.md");
        for text in super::ALL {
            assert!(readme.contains(&format!("`{text}`")), "README lacks {text}");
        }
        let quota = super::account_region_quota("<id>", 0).replace("0 region", "<n> region");
        assert!(readme.contains(&quota), "README lacks {quota}");
    }
}
