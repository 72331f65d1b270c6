//! The request context of an Account API call (`shared/spec/iam.md` §1-3):
//! the `account:<Operation>` action, the resource ARN of the request's
//! mode, and the condition keys, handed to `authz` for a decision.

use iam_policy::{Request, Value};

use super::access::{denied, INVALID_CONTACT_TYPE, INVALID_TARGET_REGION};
use super::error::ApiError;
use super::model::AlternateContactType;
use super::operation::Operation;
use crate::engine::Engine;
use crate::principal::Principal;

/// The request parameter an operation's condition key reads, if any.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param<'a> {
    None,
    /// `AlternateContactType`: `account:AlternateContactTypes`.
    ContactType(&'a str),
    /// `RegionName`: `account:TargetRegion`.
    Region(&'a str),
    /// The new primary email: `account:EmailTargetDomain`.
    Email(&'a str),
}

/// The service's own refusals of a parameter, which are AccessDenied
/// rather than ValidationException (observed), checked with the other
/// service checks before any policy.
pub(crate) fn check_param(
    principal: &Principal,
    operation: Operation,
    param: Param,
) -> Result<(), ApiError> {
    match param {
        Param::ContactType(kind) if AlternateContactType::parse(kind).is_none() => {
            Err(denied(principal, operation, Some(INVALID_CONTACT_TYPE)))
        }
        Param::Region(region) if region.chars().any(char::is_uppercase) => {
            Err(denied(principal, operation, Some(INVALID_TARGET_REGION)))
        }
        _ => Ok(()),
    }
}

impl Engine {
    /// The request context of an Account call on `target`, in the
    /// organizations mode when the request named an AccountId.
    pub(crate) fn account_request(
        &self,
        principal: &Principal,
        operation: Operation,
        org_mode: bool,
        target: &str,
        param: Param,
    ) -> Request {
        let org = self.state.organization_of(target);
        let resource = match org.filter(|_| org_mode) {
            Some(org) => format!(
                "arn:aws:account::{}:account/{}/{target}",
                org.management_account_id, org.id
            ),
            None => format!("arn:aws:account::{target}:account"),
        };
        let mut request =
            self.request_context(principal, format!("account:{}", operation.name()), resource);
        match param {
            Param::None => {}
            Param::ContactType(kind) => {
                request.insert("account:AlternateContactTypes", Value::set([kind]));
            }
            Param::Region(region) => request.insert("account:TargetRegion", region),
            Param::Email(email) => {
                let domain = email.rsplit_once('@').map_or("", |(_, d)| d.trim());
                request.insert("account:EmailTargetDomain", domain);
            }
        }
        if let Some(org) = org {
            request.insert(
                "account:AccountResourceOrgPaths",
                Value::set([org.parent_path(target)]),
            );
            for (key, value) in org.tags.get(target).into_iter().flatten() {
                request.insert(
                    &format!("account:AccountResourceOrgTags/{key}"),
                    value.as_str(),
                );
            }
        }
        request
    }

    /// Refuses the call if policy evaluation denies it, with the §6 text.
    pub(crate) fn authorize_account(
        &self,
        principal: &Principal,
        operation: Operation,
        org_mode: bool,
        target: &str,
        param: Param,
    ) -> Result<(), ApiError> {
        let request = self.account_request(principal, operation, org_mode, target, param);
        match self.decide(principal, &request) {
            Some(message) => Err(ApiError::AccessDenied(message)),
            None => Ok(()),
        }
    }
}
