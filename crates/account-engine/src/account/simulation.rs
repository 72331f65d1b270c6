//! The policy simulator: how `authz` would decide an Account API call,
//! without making it. It builds the request context the call would carry
//! (`authorization.rs`) and asks the same decision, so what it explains is
//! what a real call meets at its authorization step. The service's own
//! checks (the caller's role in its organization, parameter enums) are not
//! run, as IAM's simulator evaluates policies only.

use super::authorization::Param;
use super::operation::Operation;
use crate::authz;
use crate::engine::Engine;
use crate::explanation::Explanation;

/// The call to simulate: who, what, and the parameters that feed
/// condition keys. Parameters the operation does not read are ignored.
#[derive(Debug, Clone, Copy)]
pub struct Simulation<'a> {
    /// The principal's ARN.
    pub principal: &'a str,
    pub operation: Operation,
    /// `AccountId`: the organizations mode on that account.
    pub account_id: Option<&'a str>,
    /// `AlternateContactType`, for the alternate contact operations.
    pub contact_type: &'a str,
    /// `RegionName`, for the region operations.
    pub region: &'a str,
}

/// The parameter `operation` hands its condition key, as its `begin` does.
fn param<'a>(simulation: &Simulation<'a>) -> Param<'a> {
    match simulation.operation {
        Operation::PutAlternateContact
        | Operation::GetAlternateContact
        | Operation::DeleteAlternateContact => Param::ContactType(simulation.contact_type),
        Operation::GetRegionOptStatus | Operation::EnableRegion | Operation::DisableRegion => {
            Param::Region(simulation.region)
        }
        _ => Param::None,
    }
}

impl Engine {
    /// The decision `simulation` would meet, explained; `None` when its
    /// principal does not exist.
    pub fn simulate(&self, simulation: &Simulation) -> Option<Explanation> {
        let principal = self.principal_by_arn(simulation.principal)?;
        let target = simulation
            .account_id
            .unwrap_or_else(|| principal.account_id());
        let request = self.account_request(
            &principal,
            simulation.operation,
            simulation.account_id.is_some(),
            target,
            param(simulation),
        );
        let decision = authz::authorize(&self.state, &principal, &request);
        Some(Explanation::new(&principal, &request, decision))
    }
}
