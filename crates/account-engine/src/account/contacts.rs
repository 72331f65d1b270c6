//! Contact information and alternate contacts.

use crate::account::authorization::Param;
use crate::account::error::{ApiError, FieldError};
use crate::account::model::{
    input, output, AlternateContact, AlternateContactType, ContactInformation,
};
use crate::account::operation::Operation;
use crate::account::texts::NO_CONTACT_INFORMATION;
use crate::account::validate::{missing, Checker, ALTERNATE_PHONE, CONTACT_PHONE, EMAIL_ADDRESS};
use crate::engine::Engine;

/// Countries whose addresses need StateOrRegion.
const STATE_REQUIRED: [&str; 7] = ["US", "CA", "GB", "DE", "JP", "IN", "BR"];

const NOT_FOUND: &str = "No contact of the inputted alternate contact type found.";

fn cannot_be_empty(name: &str) -> FieldError {
    FieldError::new(name, format!("the argument {name} can not be empty"))
}

/// Trims a field and records it as empty if nothing is left.
fn trimmed(name: &str, value: &str, empty: &mut Vec<FieldError>) -> String {
    let value = value.trim();
    if value.is_empty() {
        empty.push(cannot_be_empty(name));
    }
    value.to_owned()
}

fn trimmed_optional(
    name: &str,
    value: Option<&String>,
    empty: &mut Vec<FieldError>,
) -> Option<String> {
    value.map(|v| trimmed(name, v, empty))
}

fn check_contact_information(c: &mut Checker, info: &input::ContactInformation) {
    let required: [(&str, Option<&String>, usize); 6] = [
        ("FullName", info.full_name.as_ref(), 50),
        ("AddressLine1", info.address_line1.as_ref(), 60),
        ("City", info.city.as_ref(), 50),
        ("PostalCode", info.postal_code.as_ref(), 20),
        ("CountryCode", info.country_code.as_ref(), 2),
        ("PhoneNumber", info.phone_number.as_ref(), 20),
    ];
    for (name, value, max) in required {
        if let Some(v) = c.required(name, value.map(String::as_str)) {
            let min = if name == "CountryCode" { 2 } else { 1 };
            let pattern = (name == "PhoneNumber").then_some(&CONTACT_PHONE);
            c.string(name, v, (min, max), pattern);
        }
    }
    let optional: [(&str, Option<&String>, usize); 6] = [
        ("AddressLine2", info.address_line2.as_ref(), 60),
        ("AddressLine3", info.address_line3.as_ref(), 60),
        ("StateOrRegion", info.state_or_region.as_ref(), 50),
        ("DistrictOrCounty", info.district_or_county.as_ref(), 50),
        ("CompanyName", info.company_name.as_ref(), 50),
        ("WebsiteUrl", info.website_url.as_ref(), 256),
    ];
    for (name, value, max) in optional {
        c.optional(name, value.map(String::as_str), (1, max), None);
    }
}

/// The stored form: every field trimmed, the country code upper-cased.
fn normalize(info: &input::ContactInformation) -> Result<ContactInformation, ApiError> {
    let mut empty = Vec::new();
    let e = &mut empty;
    let required = |name, v: &Option<String>, e: &mut Vec<FieldError>| {
        trimmed(name, v.as_deref().unwrap_or_default(), e)
    };
    let normalized = ContactInformation {
        full_name: required("FullName", &info.full_name, e),
        address_line1: required("AddressLine1", &info.address_line1, e),
        address_line2: trimmed_optional("AddressLine2", info.address_line2.as_ref(), e),
        address_line3: trimmed_optional("AddressLine3", info.address_line3.as_ref(), e),
        city: required("City", &info.city, e),
        state_or_region: trimmed_optional("StateOrRegion", info.state_or_region.as_ref(), e),
        district_or_county: trimmed_optional(
            "DistrictOrCounty",
            info.district_or_county.as_ref(),
            e,
        ),
        postal_code: required("PostalCode", &info.postal_code, e),
        country_code: required("CountryCode", &info.country_code, e).to_ascii_uppercase(),
        phone_number: required("PhoneNumber", &info.phone_number, e),
        company_name: trimmed_optional("CompanyName", info.company_name.as_ref(), e),
        website_url: trimmed_optional("WebsiteUrl", info.website_url.as_ref(), e),
    };
    if normalized.state_or_region.is_none()
        && STATE_REQUIRED.contains(&normalized.country_code.as_str())
    {
        empty.push(cannot_be_empty("StateOrRegion"));
    }
    if empty.is_empty() {
        Ok(normalized)
    } else {
        Err(ApiError::fields(empty))
    }
}

impl Engine {
    pub fn put_contact_information(
        &mut self,
        caller: &str,
        input: input::PutContactInformation,
    ) -> Result<(), ApiError> {
        let mut c = Checker::default();
        match &input.contact_information {
            Some(info) => check_contact_information(&mut c, info),
            None => c.fail("ContactInformation", missing("ContactInformation")),
        }
        c.finish()?;
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::PutContactInformation,
        )?;
        let info = input.contact_information.unwrap_or_default();
        let normalized = normalize(&info)?;
        let account = self.account_mut(&target);
        // The verification status describes the number on file: a new
        // number starts UNVERIFIED, even if it was verified before.
        let previous = account
            .contact_information
            .as_ref()
            .map(|c| c.phone_number.as_str());
        if previous != Some(normalized.phone_number.as_str()) {
            account.verified_phone_number = None;
        }
        account.contact_information = Some(normalized);
        Ok(())
    }

    pub fn get_contact_information(
        &mut self,
        caller: &str,
        input: input::AccountOnly,
    ) -> Result<output::GetContactInformation, ApiError> {
        let target = self.begin(
            caller,
            input.account_id.as_deref(),
            Operation::GetContactInformation,
        )?;
        let account = self.account(&target);
        account
            .contact_information
            .clone()
            .map(|contact_information| output::GetContactInformation {
                contact_information,
                verification_status: account.phone_verification_status(),
            })
            .ok_or_else(|| ApiError::ResourceNotFound(NO_CONTACT_INFORMATION.into()))
    }

    pub fn put_alternate_contact(
        &mut self,
        caller: &str,
        input: input::PutAlternateContact,
    ) -> Result<(), ApiError> {
        let mut c = Checker::default();
        let kind = c.required(
            "AlternateContactType",
            input.alternate_contact_type.as_deref(),
        );
        let fields = [
            ("Name", input.name.as_deref(), 64, None),
            ("Title", input.title.as_deref(), 50, None),
            (
                "EmailAddress",
                input.email_address.as_deref(),
                254,
                Some(&EMAIL_ADDRESS),
            ),
            (
                "PhoneNumber",
                input.phone_number.as_deref(),
                25,
                Some(&ALTERNATE_PHONE),
            ),
        ];
        for (name, value, max, pattern) in fields {
            if let Some(v) = c.required(name, value) {
                c.string(name, v, (1, max), pattern);
            }
        }
        c.finish()?;
        let (target, kind) = self.begin_contact(
            caller,
            input.account_id.as_deref(),
            kind.unwrap_or_default(),
            Operation::PutAlternateContact,
        )?;
        let contact = AlternateContact {
            alternate_contact_type: kind,
            name: input.name.unwrap_or_default(),
            title: input.title.unwrap_or_default(),
            email_address: input.email_address.unwrap_or_default().trim().to_owned(),
            phone_number: input.phone_number.unwrap_or_default(),
        };
        self.account_mut(&target)
            .alternate_contacts
            .insert(kind, contact);
        Ok(())
    }

    pub fn get_alternate_contact(
        &mut self,
        caller: &str,
        input: input::AlternateContactKey,
    ) -> Result<output::GetAlternateContact, ApiError> {
        let (target, kind) =
            self.alternate_contact_key(caller, &input, Operation::GetAlternateContact)?;
        self.account(&target)
            .alternate_contacts
            .get(&kind)
            .cloned()
            .map(|alternate_contact| output::GetAlternateContact { alternate_contact })
            .ok_or_else(|| ApiError::ResourceNotFound(NOT_FOUND.into()))
    }

    pub fn delete_alternate_contact(
        &mut self,
        caller: &str,
        input: input::AlternateContactKey,
    ) -> Result<(), ApiError> {
        let (target, kind) =
            self.alternate_contact_key(caller, &input, Operation::DeleteAlternateContact)?;
        self.account_mut(&target)
            .alternate_contacts
            .remove(&kind)
            .map(|_| ())
            .ok_or_else(|| ApiError::ResourceNotFound(NOT_FOUND.into()))
    }

    fn alternate_contact_key(
        &mut self,
        caller: &str,
        input: &input::AlternateContactKey,
        operation: Operation,
    ) -> Result<(String, AlternateContactType), ApiError> {
        let mut c = Checker::default();
        let kind = c.required(
            "AlternateContactType",
            input.alternate_contact_type.as_deref(),
        );
        c.finish()?;
        self.begin_contact(
            caller,
            input.account_id.as_deref(),
            kind.unwrap_or_default(),
            operation,
        )
    }

    /// `begin` with the contact type, which the service refuses as an
    /// authorization failure when it is outside the enum.
    fn begin_contact(
        &mut self,
        caller: &str,
        account_id: Option<&str>,
        kind: &str,
        operation: Operation,
    ) -> Result<(String, AlternateContactType), ApiError> {
        let target = self.begin_for(caller, account_id, operation, Param::ContactType(kind))?;
        let kind = AlternateContactType::parse(kind).expect("begin refuses any other type");
        Ok((target, kind))
    }
}
