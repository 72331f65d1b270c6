//! The AWS GovCloud (US) account linked to a standard account. Links are
//! made by Organizations CreateGovCloudAccount (`organizations/api.rs`) or by the
//! setup call here.

use crate::account::error::ApiError;
use crate::account::model::{input, output, AccountState};
use crate::account::operation::Operation;
use crate::engine::Engine;
use crate::organizations::OrganizationError;
use crate::store::GovCloudLink;

impl Engine {
    pub fn get_gov_cloud_account_information(
        &mut self,
        caller: &str,
        input: input::GetGovCloudAccountInformation,
    ) -> Result<output::GetGovCloudAccountInformation, ApiError> {
        let target = self.begin(
            caller,
            input.standard_account_id.as_deref(),
            Operation::GetGovCloudAccountInformation,
        )?;
        // The service's documented example response.
        let not_found = || {
            ApiError::ResourceNotFound(format!(
                "GovCloud Account ID not found for Standard Account - {target}."
            ))
        };
        let link = self
            .account(&target)
            .gov_cloud
            .as_ref()
            .ok_or_else(not_found)?;
        Ok(output::GetGovCloudAccountInformation {
            gov_cloud_account_id: link.account_id.clone(),
            account_state: link.state,
        })
    }

    /// Links a new, ACTIVE GovCloud account to `standard_account_id` and
    /// returns its id, as CreateGovCloudAccount does for the accounts it
    /// creates; for scenarios and tests of standalone accounts.
    pub fn link_gov_cloud_account(
        &mut self,
        standard_account_id: &str,
    ) -> Result<String, OrganizationError> {
        if !self.state.accounts.contains_key(standard_account_id) {
            return Err(OrganizationError::UnknownAccount(
                standard_account_id.to_owned(),
            ));
        }
        let id = self.unused_gov_cloud_account_id();
        self.state
            .accounts
            .get_mut(standard_account_id)
            .expect("checked above")
            .gov_cloud = Some(GovCloudLink {
            account_id: id.clone(),
            state: AccountState::Active,
        });
        Ok(id)
    }

    /// A 12-digit id that is neither a sandbox account nor a linked
    /// GovCloud account (the partitions' ids never coincide).
    pub(crate) fn unused_gov_cloud_account_id(&mut self) -> String {
        loop {
            let id = self.unused_account_id();
            let linked = self
                .state
                .accounts
                .values()
                .any(|a| a.gov_cloud.as_ref().is_some_and(|g| g.account_id == id));
            if !linked {
                return id;
            }
        }
    }
}
