//! The account's name and its information.

use crate::account::error::ApiError;
use crate::account::model::{input, output};
use crate::account::operation::Operation;
use crate::account::validate::{Checker, ACCOUNT_NAME};
use crate::engine::Engine;
use crate::timestamp::iso8601;

impl Engine {
    pub fn put_account_name(
        &mut self,
        caller: &str,
        input: input::PutAccountName,
    ) -> Result<(), ApiError> {
        let mut c = Checker::default();
        if let Some(name) = c.required("AccountName", input.account_name.as_deref()) {
            c.string("AccountName", name, (1, 50), Some(&ACCOUNT_NAME));
        }
        c.finish()?;
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::PutAccountName,
        )?;
        let name = input.account_name.unwrap_or_default().trim().to_owned();
        if name.is_empty() {
            let message = "The input AccountName must not be null or only whitespace.";
            return Err(ApiError::BadRequest {
                message: message.into(),
                field_list: vec![crate::account::error::FieldError::new(
                    "AccountName",
                    message,
                )],
            });
        }
        self.account_mut(&target).name = name;
        Ok(())
    }

    pub fn get_account_information(
        &mut self,
        caller: &str,
        input: input::AccountOnly,
    ) -> Result<output::GetAccountInformation, ApiError> {
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::GetAccountInformation,
        )?;
        let account = self.account(&target);
        Ok(output::GetAccountInformation {
            account_id: account.id.clone(),
            account_name: account.name.clone(),
            account_created_date: iso8601(account.created),
            account_state: account.state,
        })
    }
}
