//! Who may act on which account: the standalone and organizations contexts,
//! and the AccessDenied messages with the caller's ARN.

use crate::error::ApiError;
use crate::operation::Operation;
use crate::store::State;

pub const NO_TRUSTED_ACCESS: &str =
    "Your organization must first enable trusted access with AWS Account Management.";
pub const MANAGEMENT_STANDALONE_ONLY: &str =
    "The management account can only be managed using the standalone context from the management account.";
pub const NOT_MANAGEMENT_OR_DELEGATED: &str =
    "Only the management account or the delegated administrator for AWS Account Management can specify an AccountId.";
pub const NOT_A_MEMBER: &str = "The specified account is not a member of your organization.";
pub const OWN_ACCOUNT_STANDALONE_ONLY: &str =
    "Your own account can only be managed using the standalone context for this operation.";
pub const INVALID_CONTACT_TYPE: &str = "You specified an invalid Alternate Contact type.";
pub const INVALID_TARGET_REGION: &str = "You specified an invalid target region.";

/// The caller's ARN: the member form inside an organization, the standalone
/// form otherwise.
pub fn caller_arn(state: &State, caller: &str) -> String {
    match state.organization_of(caller) {
        Some(org) => format!(
            "arn:aws:account::{}:account/{}/{caller}",
            org.management_account_id, org.id
        ),
        None => format!("arn:aws:account::{caller}:account"),
    }
}

pub fn denied(state: &State, caller: &str, operation: Operation, reason: &str) -> ApiError {
    ApiError::AccessDenied(format!(
        "User: {} is not authorized to perform: account:{} ({reason})",
        caller_arn(state, caller),
        operation.name()
    ))
}

/// The account an operation acts on. Without `AccountId` it is the caller's
/// own (standalone context); with it, the organizations rules apply.
pub fn resolve_target(
    state: &State,
    caller: &str,
    account_id: Option<&str>,
    operation: Operation,
) -> Result<String, ApiError> {
    let Some(target) = account_id else {
        return Ok(caller.to_owned());
    };
    let refuse = |reason| Err(denied(state, caller, operation, reason));
    let Some(org) = state.organization_of(caller) else {
        return refuse(NO_TRUSTED_ACCESS);
    };
    if !org.trusted_access {
        return refuse(NO_TRUSTED_ACCESS);
    }
    let is_management = org.management_account_id == caller;
    let is_delegated = org.delegated_administrator.as_deref() == Some(caller);
    if !is_management && !is_delegated {
        return refuse(NOT_MANAGEMENT_OR_DELEGATED);
    }
    if target == org.management_account_id {
        return refuse(MANAGEMENT_STANDALONE_ONLY);
    }
    if target == caller && !operation.is_alternate_contact() {
        return refuse(OWN_ACCOUNT_STANDALONE_ONLY);
    }
    if !org.members.contains(target) {
        return refuse(NOT_A_MEMBER);
    }
    Ok(target.to_owned())
}
