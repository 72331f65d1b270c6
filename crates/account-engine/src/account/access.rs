//! Who may act on which account: the standalone and organizations contexts,
//! and the AccessDenied messages that name the calling principal.

use crate::account::error::ApiError;
use crate::account::operation::Operation;
use crate::account::texts::NOT_A_MEMBER;
use crate::principal::Principal;
use crate::store::State;

pub const NO_TRUSTED_ACCESS: &str =
    "Your organization must first enable trusted access with AWS Account Management.";
pub const MANAGEMENT_STANDALONE_ONLY: &str =
    "The management account can only be managed using the standalone context from the management account.";
pub const ACCESS_DENIED: &str = "Access Denied";
pub const INVALID_CONTACT_TYPE: &str = "You specified an invalid Alternate Contact type.";
pub const INVALID_TARGET_REGION: &str = "You specified an invalid target region.";

/// `User: <principal ARN> is not authorized to perform: account:<Operation>`,
/// with the reason in parentheses where the service gives one.
pub fn denied(principal: &Principal, operation: Operation, reason: Option<&str>) -> ApiError {
    let principal = principal.arn();
    let action = operation.name();
    ApiError::AccessDenied(match reason {
        Some(reason) => {
            format!("User: {principal} is not authorized to perform: account:{action} ({reason})")
        }
        None => format!("User: {principal} is not authorized to perform: account:{action}"),
    })
}

/// The account an operation acts on. Without `AccountId` it is the caller's
/// own (standalone context); with it, the organizations rules apply, in the
/// order the service checks them (observed): a member that is neither the
/// management account nor the delegated administrator is refused without a
/// reason, trusted access comes next, then the target.
pub fn resolve_target(
    state: &State,
    principal: &Principal,
    account_id: Option<&str>,
    operation: Operation,
) -> Result<String, ApiError> {
    let caller = principal.account_id();
    let Some(target) = account_id else {
        return Ok(caller.to_owned());
    };
    let refuse = |reason| Err(denied(principal, operation, reason));
    let Some(org) = state.organization_of(caller) else {
        return refuse(Some(NO_TRUSTED_ACCESS));
    };
    let is_management = org.management_account_id == caller;
    let is_delegated = org.delegated_administrator.as_deref() == Some(caller);
    if !is_management && !is_delegated {
        return refuse(None);
    }
    if !org.trusted_access {
        return refuse(Some(NO_TRUSTED_ACCESS));
    }
    if target == org.management_account_id {
        return refuse(Some(operation.management_self_reason()));
    }
    if !org.members.contains(target) {
        return refuse(Some(NOT_A_MEMBER));
    }
    Ok(target.to_owned())
}
