//! Phone number verification of the primary contact: a 6-digit code texted
//! to the number on file, valid 5 minutes (documented), and the
//! VerificationStatus that GetContactInformation reports for that number.

use crate::account::error::{ApiError, FieldError};
use crate::account::model::{input, output, PhoneNumberVerificationStatus};
use crate::account::operation::Operation;
use crate::account::texts::{NO_CONTACT_INFORMATION, PHONE_NUMBER_CHANGED, WRONG_PHONE_CODE};
use crate::account::validate::{Checker, OTP};
use crate::engine::Engine;
use crate::inbox::MessageKind;
use crate::store::{Account, PhoneCode};

const CODE_VALIDITY: i64 = 5 * 60 * 1000;

impl Account {
    /// The status of the number on file, as GetContactInformation reports
    /// it: VERIFIED only for the number a code was accepted for. It is
    /// never PENDING, and the sandbox supports every number, so never
    /// NOT_SUPPORTED either; `None` without contact information.
    pub fn phone_verification_status(&self) -> Option<PhoneNumberVerificationStatus> {
        let contact = self.contact_information.as_ref()?;
        Some(
            if self.verified_phone_number.as_deref() == Some(contact.phone_number.as_str()) {
                PhoneNumberVerificationStatus::Verified
            } else {
                PhoneNumberVerificationStatus::Unverified
            },
        )
    }
}

fn phone_number(account: &Account) -> Result<String, ApiError> {
    account
        .contact_information
        .as_ref()
        .map(|c| c.phone_number.clone())
        .ok_or_else(|| ApiError::ResourceNotFound(NO_CONTACT_INFORMATION.into()))
}

impl Engine {
    /// Sends a new code, which voids any earlier one.
    pub fn send_phone_number_verification(
        &mut self,
        caller: &str,
        input: input::AccountOnly,
    ) -> Result<output::PhoneVerification, ApiError> {
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::SendPhoneNumberVerification,
        )?;
        let number = phone_number(self.account(&target))?;
        let code = self.new_code(b"0123456789", 6);
        self.send(&target, &number, MessageKind::PhoneVerificationCode, &code);
        let expires_at = self.clock.now() + CODE_VALIDITY;
        self.account_mut(&target).phone_code = Some(PhoneCode {
            code,
            number,
            expires_at,
        });
        Ok(output::PhoneVerification {
            status: PhoneNumberVerificationStatus::Pending,
        })
    }

    pub fn verify_phone_number(
        &mut self,
        caller: &str,
        input: input::VerifyPhoneNumber,
    ) -> Result<output::PhoneVerification, ApiError> {
        let mut c = Checker::default();
        if let Some(otp) = c.required("Otp", input.otp.as_deref()) {
            c.string("Otp", otp, (0, usize::MAX), Some(&OTP));
        }
        c.finish()?;
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::VerifyPhoneNumber,
        )?;
        let now = self.clock.now();
        let otp = input.otp.unwrap_or_default();
        let account = self.account(&target);
        let number = phone_number(account)?;
        let wrong = || ApiError::Validation {
            message: WRONG_PHONE_CODE.into(),
            reason: None,
            field_list: vec![FieldError::new("Otp", WRONG_PHONE_CODE)],
        };
        let sent = account.phone_code.as_ref().ok_or_else(wrong)?;
        if sent.number != number {
            return Err(ApiError::Conflict(PHONE_NUMBER_CHANGED.into()));
        }
        if sent.code != otp || now > sent.expires_at {
            return Err(wrong());
        }
        let account = self.account_mut(&target);
        account.verified_phone_number = Some(number);
        account.phone_code = None;
        Ok(output::PhoneVerification {
            status: PhoneNumberVerificationStatus::Verified,
        })
    }
}
