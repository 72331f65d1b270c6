//! The primary email of a member account (its root user's address): read
//! it, and change it with a one-time password mailed to the new address.
//!
//! PENDING (OTP sent) → ACCEPTED (OTP accepted) → COMPLETED after the
//! configured delay, when GetPrimaryEmail and Organizations show the new
//! address; FAILED if another account took the address meanwhile. The
//! update completes by the clock, in `settle`, like region changes.

use crate::account::authorization::Param;
use crate::account::error::{ApiError, FieldError};
use crate::account::model::{input, output, PrimaryEmailUpdateStatus};
use crate::account::operation::Operation;
use crate::account::texts::{
    EMAIL_INVALID, EMAIL_IN_USE, EMAIL_NOT_PENDING, EMAIL_UNCHANGED, EMAIL_UPDATE_IN_PROGRESS,
    NO_PENDING_EMAIL_UPDATE, WRONG_EMAIL_OTP,
};
use crate::account::validate::{Checker, OTP};
use crate::engine::Engine;
use crate::inbox::MessageKind;
use crate::store::EmailUpdate;

/// How long a one-time password stays valid (documented: 24 hours).
const OTP_VALIDITY: i64 = 24 * 60 * 60 * 1000;

/// One-time passwords are upper-case letters and digits.
const OTP_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// GetPrimaryEmailUpdateStatus for an account that never started one.
const NO_UPDATE: &str = "No email update found for account";

fn check_email(c: &mut Checker, value: Option<&str>) {
    if let Some(email) = c.required("PrimaryEmail", value) {
        c.string("PrimaryEmail", email, (5, 64), None);
    }
}

/// Whether `email` is an address and nothing else: one `@` between a local
/// part and a domain, neither empty nor holding whitespace, the domain
/// holding a dot it neither starts nor ends with. The sandbox's own rule
/// (the Account model bounds only the length): the address becomes the
/// member's Organizations Email, whose model pattern
/// `[^\s@]+@[^\s@]+\.[^\s@]+` it follows, though more strictly than
/// CreateAccount's check, which like the unanchored pattern accepts a
/// value that merely contains such an address.
fn plain_address(email: &str) -> bool {
    let plain = |part: &str| !part.is_empty() && !part.contains(char::is_whitespace);
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    plain(local)
        && plain(domain)
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// A ValidationException with its message alone, like the observed
/// primary-email refusals, about `member`.
fn refused(member: &str, message: &str) -> ApiError {
    ApiError::Validation {
        message: message.to_owned(),
        reason: None,
        field_list: vec![FieldError::new(member, message)],
    }
}

impl Engine {
    pub fn get_primary_email(
        &mut self,
        caller: &str,
        input: input::AccountOnly,
    ) -> Result<output::GetPrimaryEmail, ApiError> {
        let mut c = Checker::default();
        c.required("AccountId", input.account_id.as_deref());
        c.finish()?;
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::GetPrimaryEmail,
        )?;
        Ok(output::GetPrimaryEmail {
            primary_email: self.account(&target).email.clone(),
        })
    }

    pub fn start_primary_email_update(
        &mut self,
        caller: &str,
        input: input::StartPrimaryEmailUpdate,
    ) -> Result<output::PrimaryEmailUpdate, ApiError> {
        let mut c = Checker::default();
        c.required("AccountId", input.account_id.as_deref());
        check_email(&mut c, input.primary_email.as_deref());
        c.finish()?;
        let email = input.primary_email.unwrap_or_default();
        if !plain_address(&email) {
            return Err(refused("PrimaryEmail", EMAIL_INVALID));
        }
        let target = self.begin_for(
            caller,
            input.account_id.as_deref(),
            Operation::StartPrimaryEmailUpdate,
            Param::Email(&email),
        )?;
        if self.account(&target).email.eq_ignore_ascii_case(&email) {
            return Err(refused("PrimaryEmail", EMAIL_UNCHANGED));
        }
        if self.email_in_use(&email, &target) {
            return Err(ApiError::Conflict(EMAIL_IN_USE.into()));
        }
        let completing = self
            .state
            .email_updates
            .get(&target)
            .is_some_and(|u| u.status == PrimaryEmailUpdateStatus::Accepted);
        if completing {
            return Err(ApiError::Conflict(EMAIL_UPDATE_IN_PROGRESS.into()));
        }
        let now = self.clock.now();
        let otp = self.new_code(OTP_ALPHABET, 6);
        self.send(&target, &email, MessageKind::PrimaryEmailOtp, &otp);
        self.state.email_updates.insert(
            target,
            EmailUpdate {
                email,
                otp,
                otp_expires_at: now + OTP_VALIDITY,
                status: PrimaryEmailUpdateStatus::Pending,
                updated_at: now,
                completes_at: None,
            },
        );
        Ok(output::PrimaryEmailUpdate {
            status: PrimaryEmailUpdateStatus::Pending,
        })
    }

    pub fn accept_primary_email_update(
        &mut self,
        caller: &str,
        input: input::AcceptPrimaryEmailUpdate,
    ) -> Result<output::PrimaryEmailUpdate, ApiError> {
        let mut c = Checker::default();
        c.required("AccountId", input.account_id.as_deref());
        check_email(&mut c, input.primary_email.as_deref());
        if let Some(otp) = c.required("Otp", input.otp.as_deref()) {
            c.string("Otp", otp, (0, usize::MAX), Some(&OTP));
        }
        c.finish()?;
        let email = input.primary_email.unwrap_or_default();
        let target = self.begin_for(
            caller,
            input.account_id.as_deref(),
            Operation::AcceptPrimaryEmailUpdate,
            Param::Email(&email),
        )?;
        let now = self.clock.now();
        let otp = input.otp.unwrap_or_default();
        let update = self
            .state
            .email_updates
            .get(&target)
            .filter(|u| u.status == PrimaryEmailUpdateStatus::Pending)
            .ok_or_else(|| refused("AccountId", NO_PENDING_EMAIL_UPDATE))?;
        if !update.email.eq_ignore_ascii_case(&email) {
            return Err(refused("PrimaryEmail", EMAIL_NOT_PENDING));
        }
        if update.otp != otp || now > update.otp_expires_at {
            return Err(refused("Otp", WRONG_EMAIL_OTP));
        }
        let pending = update.email.clone();
        if self.email_in_use(&pending, &target) {
            return Err(ApiError::Conflict(EMAIL_IN_USE.into()));
        }
        let completes_at = now + self.config.timings.primary_email;
        let update = self
            .state
            .email_updates
            .get_mut(&target)
            .expect("the pending update was just read");
        update.status = PrimaryEmailUpdateStatus::Accepted;
        update.updated_at = now;
        update.completes_at = Some(completes_at);
        Ok(output::PrimaryEmailUpdate {
            status: PrimaryEmailUpdateStatus::Accepted,
        })
    }

    pub fn get_primary_email_update_status(
        &mut self,
        caller: &str,
        input: input::AccountOnly,
    ) -> Result<output::GetPrimaryEmailUpdateStatus, ApiError> {
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::GetPrimaryEmailUpdateStatus,
        )?;
        self.state
            .email_updates
            .get(&target)
            .map(|u| output::GetPrimaryEmailUpdateStatus {
                status: u.status,
                updated_at: u.updated_at,
            })
            .ok_or_else(|| ApiError::validation(NO_UPDATE))
    }

    /// Whether an account other than `except` has `email` as its primary
    /// email.
    fn email_in_use(&self, email: &str, except: &str) -> bool {
        self.state
            .accounts
            .values()
            .any(|a| a.id != except && a.email.eq_ignore_ascii_case(email))
    }

    /// Completes the accepted updates whose time has come: the account takes
    /// the new address, unless another account took it first.
    pub(crate) fn settle_email_updates(&mut self) -> bool {
        let now = self.clock.now();
        let due: Vec<(String, String, i64)> = self
            .state
            .email_updates
            .iter()
            .filter_map(|(id, u)| {
                u.completes_at
                    .filter(|at| *at <= now)
                    .map(|at| (id.clone(), u.email.clone(), at))
            })
            .collect();
        for (id, email, at) in &due {
            let status = if self.email_in_use(email, id) {
                PrimaryEmailUpdateStatus::Failed
            } else {
                if let Some(account) = self.state.accounts.get_mut(id) {
                    account.email.clone_from(email);
                }
                PrimaryEmailUpdateStatus::Completed
            };
            let update = self
                .state
                .email_updates
                .get_mut(id)
                .expect("due updates come from the map");
            update.status = status;
            update.updated_at = *at;
            update.completes_at = None;
        }
        self.settled += due.len() as u64;
        !due.is_empty()
    }
}
