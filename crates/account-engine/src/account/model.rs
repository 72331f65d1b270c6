//! The API's shapes, named and spelled as in the botocore model
//! (`service-2.json`); members are PascalCase on the wire.

use serde::{Deserialize, Serialize};

/// `AlternateContactType`. Parsing is case-sensitive, as on the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AlternateContactType {
    Billing,
    Operations,
    Security,
}

impl AlternateContactType {
    pub const ALL: [Self; 3] = [Self::Billing, Self::Operations, Self::Security];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Billing => "BILLING",
            Self::Operations => "OPERATIONS",
            Self::Security => "SECURITY",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// `RegionOptStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RegionOptStatus {
    Enabled,
    Enabling,
    Disabling,
    Disabled,
    EnabledByDefault,
}

impl RegionOptStatus {
    /// In the order the service lists them in its enum error message.
    pub const ALL: [Self; 5] = [
        Self::Enabled,
        Self::Enabling,
        Self::Disabling,
        Self::Disabled,
        Self::EnabledByDefault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enabled => "ENABLED",
            Self::Enabling => "ENABLING",
            Self::Disabling => "DISABLING",
            Self::Disabled => "DISABLED",
            Self::EnabledByDefault => "ENABLED_BY_DEFAULT",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// ENABLING or DISABLING: a change is in progress.
    pub fn is_transitional(self) -> bool {
        matches!(self, Self::Enabling | Self::Disabling)
    }
}

/// `AccountState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountState {
    PendingActivation,
    Active,
    Suspended,
    Closed,
}

impl AccountState {
    /// The wire value, e.g. `PENDING_ACTIVATION`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingActivation => "PENDING_ACTIVATION",
            Self::Active => "ACTIVE",
            Self::Suspended => "SUSPENDED",
            Self::Closed => "CLOSED",
        }
    }
}

/// `PrimaryEmailUpdateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PrimaryEmailUpdateStatus {
    Pending,
    Accepted,
    Completed,
    Failed,
}

impl PrimaryEmailUpdateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "PENDING",
            Self::Accepted => "ACCEPTED",
            Self::Completed => "COMPLETED",
            Self::Failed => "FAILED",
        }
    }
}

/// `PhoneNumberVerificationStatus`. GetContactInformation never reports
/// PENDING: a number stays UNVERIFIED until a code is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PhoneNumberVerificationStatus {
    Pending,
    Verified,
    Unverified,
    NotSupported,
}

impl PhoneNumberVerificationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "PENDING",
            Self::Verified => "VERIFIED",
            Self::Unverified => "UNVERIFIED",
            Self::NotSupported => "NOT_SUPPORTED",
        }
    }
}

/// `ContactInformation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContactInformation {
    pub full_name: String,
    pub address_line1: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_or_county: Option<String>,
    pub postal_code: String,
    pub country_code: String,
    pub phone_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website_url: Option<String>,
}

/// `AlternateContact`, as Get returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AlternateContact {
    pub alternate_contact_type: AlternateContactType,
    pub name: String,
    pub title: String,
    pub email_address: String,
    pub phone_number: String,
}

/// `Region`, an entry of ListRegions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Region {
    pub region_name: String,
    pub region_opt_status: RegionOptStatus,
}

/// Requests as they arrive: every member optional and loosely typed, because
/// required-ness and enums are checked by the engine with the service's own
/// messages rather than by the deserializer.
pub mod input {
    use serde::Deserialize;

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct AccountOnly {
        pub account_id: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ContactInformation {
        pub full_name: Option<String>,
        pub address_line1: Option<String>,
        pub address_line2: Option<String>,
        pub address_line3: Option<String>,
        pub city: Option<String>,
        pub state_or_region: Option<String>,
        pub district_or_county: Option<String>,
        pub postal_code: Option<String>,
        pub country_code: Option<String>,
        pub phone_number: Option<String>,
        pub company_name: Option<String>,
        pub website_url: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PutContactInformation {
        pub account_id: Option<String>,
        pub contact_information: Option<ContactInformation>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PutAlternateContact {
        pub account_id: Option<String>,
        pub alternate_contact_type: Option<String>,
        pub name: Option<String>,
        pub title: Option<String>,
        pub email_address: Option<String>,
        pub phone_number: Option<String>,
    }

    /// Get and Delete of an alternate contact.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct AlternateContactKey {
        pub account_id: Option<String>,
        pub alternate_contact_type: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListRegions {
        pub account_id: Option<String>,
        /// Wider than the model's integer so that any JSON integer reaches
        /// the range check and gets its message.
        pub max_results: Option<i128>,
        pub next_token: Option<String>,
        pub region_opt_status_contains: Option<Vec<String>>,
    }

    /// GetRegionOptStatus, EnableRegion and DisableRegion.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct RegionTarget {
        pub account_id: Option<String>,
        pub region_name: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PutAccountName {
        pub account_id: Option<String>,
        pub account_name: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct StartPrimaryEmailUpdate {
        pub account_id: Option<String>,
        pub primary_email: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct AcceptPrimaryEmailUpdate {
        pub account_id: Option<String>,
        pub primary_email: Option<String>,
        pub otp: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct VerifyPhoneNumber {
        pub account_id: Option<String>,
        pub otp: Option<String>,
    }

    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetGovCloudAccountInformation {
        pub standard_account_id: Option<String>,
    }
}

/// Responses, serialized exactly as the service sends them.
pub mod output {
    use super::{
        AccountState, AlternateContact, ContactInformation, PhoneNumberVerificationStatus,
        PrimaryEmailUpdateStatus, Region, RegionOptStatus,
    };
    use crate::clock::Millis;
    use crate::timestamp::epoch_seconds;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetContactInformation {
        pub contact_information: ContactInformation,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub verification_status: Option<PhoneNumberVerificationStatus>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetPrimaryEmail {
        pub primary_email: String,
    }

    /// StartPrimaryEmailUpdate and AcceptPrimaryEmailUpdate.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PrimaryEmailUpdate {
        pub status: PrimaryEmailUpdateStatus,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetPrimaryEmailUpdateStatus {
        pub status: PrimaryEmailUpdateStatus,
        /// restJson1 writes timestamps as epoch seconds.
        #[serde(serialize_with = "epoch_seconds")]
        pub updated_at: Millis,
    }

    /// SendPhoneNumberVerification and VerifyPhoneNumber.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct PhoneVerification {
        pub status: PhoneNumberVerificationStatus,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetGovCloudAccountInformation {
        pub gov_cloud_account_id: String,
        pub account_state: AccountState,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetAlternateContact {
        pub alternate_contact: AlternateContact,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ListRegions {
        pub regions: Vec<Region>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetRegionOptStatus {
        pub region_name: String,
        pub region_opt_status: RegionOptStatus,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetAccountInformation {
        pub account_id: String,
        pub account_name: String,
        pub account_created_date: String,
        pub account_state: AccountState,
    }
}

#[cfg(test)]
mod tests {
    use super::AccountState;

    #[test]
    fn account_states_read_as_on_the_wire() {
        for state in [
            AccountState::PendingActivation,
            AccountState::Active,
            AccountState::Suspended,
            AccountState::Closed,
        ] {
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                serde_json::Value::from(state.as_str())
            );
        }
    }
}
