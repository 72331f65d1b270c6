//! Region opt-in and opt-out: statuses, the ENABLING/DISABLING state machine
//! (completed by `Engine::settle` when the clock says so), quotas and paging.

use crate::account::authorization::Param;
use crate::account::error::{ApiError, FieldError, ValidationReason};
use crate::account::model::{input, output, Region, RegionOptStatus};
use crate::account::operation::Operation;
use crate::account::texts;
use crate::account::validate::{not_in_enum, Checker};
use crate::catalog::{self, CatalogRegion};
use crate::engine::Engine;
use crate::paging;
use crate::store::{Account, Transition};

const DEFAULT_PAGE_SIZE: i128 = 20;
const MAX_PAGE_SIZE: i128 = 50;

/// A region's status in an account.
pub fn status_of(account: &Account, region: &CatalogRegion) -> RegionOptStatus {
    if region.default {
        RegionOptStatus::EnabledByDefault
    } else {
        account
            .regions
            .get(&region.code)
            .copied()
            .unwrap_or(RegionOptStatus::Disabled)
    }
}

fn invalid_target() -> ApiError {
    let message = "Unable to switch region status because of its current opt-in status.";
    ApiError::Validation {
        message: message.into(),
        reason: Some(ValidationReason::InvalidRegionOptTarget),
        field_list: vec![FieldError::new("RegionName", message)],
    }
}

fn malformed_token() -> ApiError {
    ApiError::field("NextToken", "NextToken is malformed")
}

/// Bit set of the statuses a ListRegions filter asks for; 0 means all.
fn filter_mask(statuses: &[RegionOptStatus]) -> u8 {
    statuses.iter().fold(0, |mask, s| {
        let bit = RegionOptStatus::ALL
            .iter()
            .position(|x| x == s)
            .unwrap_or(0);
        mask | (1 << bit)
    })
}

impl Engine {
    pub fn list_regions(
        &mut self,
        caller: &str,
        input: input::ListRegions,
    ) -> Result<output::ListRegions, ApiError> {
        let mut c = Checker::default();
        match input.max_results {
            Some(n) if n < 1 => c.fail(
                "MaxResults",
                format!("[numeric instance is lower than the required minimum (minimum: 1, found: {n})]"),
            ),
            Some(n) if n > MAX_PAGE_SIZE => c.fail(
                "MaxResults",
                format!("[numeric instance is greater than the required maximum (maximum: {MAX_PAGE_SIZE}, found: {n})]"),
            ),
            _ => {}
        }
        c.optional("NextToken", input.next_token.as_deref(), (0, 1000), None);
        c.finish()?;
        let mut statuses = Vec::new();
        let allowed: Vec<&str> = RegionOptStatus::ALL.iter().map(|s| s.as_str()).collect();
        for value in input.region_opt_status_contains.iter().flatten() {
            match RegionOptStatus::parse(value) {
                Some(s) => statuses.push(s),
                None => {
                    let message = not_in_enum(value, &allowed);
                    return Err(ApiError::bare(ApiError::field(
                        "RegionOptStatusContains",
                        message,
                    )));
                }
            }
        }
        let target = self.begin(caller, input.account_id.as_deref(), Operation::ListRegions)?;
        // A token resumes after the last region it returned, so a region
        // that changes status between pages is neither repeated nor skipped.
        let scope = format!("ListRegions/{target}/{}", filter_mask(&statuses));
        let key = self.state.seed;
        let after = match input.next_token.as_deref() {
            None | Some("") => None,
            Some(token) => {
                Some(paging::decode_cursor(key, &scope, token).ok_or_else(malformed_token)?)
            }
        };
        let account = self.account(&target);
        let matching: Vec<Region> = catalog::regions()
            .iter()
            .filter(|r| after.as_deref().is_none_or(|after| r.code.as_str() > after))
            .map(|r| Region {
                region_name: r.code.clone(),
                region_opt_status: status_of(account, r),
            })
            .filter(|r| statuses.is_empty() || statuses.contains(&r.region_opt_status))
            .collect();
        let size = usize::try_from(input.max_results.unwrap_or(DEFAULT_PAGE_SIZE))
            .expect("MaxResults was checked to lie in 1..=50");
        let regions: Vec<Region> = matching.iter().take(size).cloned().collect();
        let next_token = (matching.len() > size).then(|| {
            let last = regions.last().map_or("", |r| r.region_name.as_str());
            paging::encode_cursor(key, &scope, last)
        });
        Ok(output::ListRegions {
            regions,
            next_token,
        })
    }

    pub fn get_region_opt_status(
        &mut self,
        caller: &str,
        input: input::RegionTarget,
    ) -> Result<output::GetRegionOptStatus, ApiError> {
        let (target, region) = self.region_target(caller, &input, Operation::GetRegionOptStatus)?;
        Ok(output::GetRegionOptStatus {
            region_name: region.code.clone(),
            region_opt_status: status_of(self.account(&target), region),
        })
    }

    pub fn enable_region(
        &mut self,
        caller: &str,
        input: input::RegionTarget,
    ) -> Result<(), ApiError> {
        self.start_change(caller, &input, Operation::EnableRegion)
    }

    pub fn disable_region(
        &mut self,
        caller: &str,
        input: input::RegionTarget,
    ) -> Result<(), ApiError> {
        self.start_change(caller, &input, Operation::DisableRegion)
    }

    fn start_change(
        &mut self,
        caller: &str,
        input: &input::RegionTarget,
        operation: Operation,
    ) -> Result<(), ApiError> {
        let (target, region) = self.region_target(caller, input, operation)?;
        let (from, during, to, duration) = if operation == Operation::EnableRegion {
            let t = self.config.timings.enable;
            (
                RegionOptStatus::Disabled,
                RegionOptStatus::Enabling,
                RegionOptStatus::Enabled,
                t,
            )
        } else {
            let t = self.config.timings.disable;
            (
                RegionOptStatus::Enabled,
                RegionOptStatus::Disabling,
                RegionOptStatus::Disabled,
                t,
            )
        };
        let current = status_of(self.account(&target), region);
        if current.is_transitional() {
            return Err(ApiError::Conflict(format!(
                "Account {target} and region {} is currently being enabled or disabled. Please wait until it finishes and then try again.",
                region.code
            )));
        }
        if current != from {
            return Err(invalid_target());
        }
        let in_progress = self
            .state
            .transitions
            .iter()
            .filter(|t| t.account_id == target)
            .count();
        if in_progress >= self.config.account_region_quota {
            return Err(ApiError::TooManyRequests(texts::account_region_quota(
                &target,
                in_progress,
            )));
        }
        if let Some(org) = self.state.organization_of(&target) {
            let in_progress = self
                .state
                .transitions
                .iter()
                .filter(|t| org.members.contains(&t.account_id))
                .count();
            if in_progress >= self.config.organization_region_quota {
                return Err(ApiError::TooManyRequests(texts::organization_region_quota(
                    &org.id,
                    in_progress,
                )));
            }
        }
        let now = self.clock.now();
        self.account_mut(&target)
            .regions
            .insert(region.code.clone(), during);
        self.state.transitions.push(Transition {
            account_id: target.clone(),
            region: region.code.clone(),
            target: to,
            completes_at: now.saturating_add(duration),
            caller: caller.to_owned(),
        });
        self.emit(caller, now, &target, &region.code, during);
        Ok(())
    }

    fn region_target(
        &mut self,
        caller: &str,
        input: &input::RegionTarget,
        operation: Operation,
    ) -> Result<(String, &'static CatalogRegion), ApiError> {
        let mut c = Checker::default();
        let name = c.required("RegionName", input.region_name.as_deref());
        if let Some(name) = name {
            c.string("RegionName", name, (1, 50), None);
        }
        c.finish()?;
        let name = name.unwrap_or_default();
        let target = self.begin_for(
            caller,
            input.account_id.as_deref(),
            operation,
            Param::Region(name),
        )?;
        let region = catalog::find(name).ok_or_else(|| {
            ApiError::field(
                "RegionName",
                format!("{name} is not a valid region for opt-in or opt-out."),
            )
        })?;
        Ok((target, region))
    }
}
