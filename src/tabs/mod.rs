//! One module per tab of the resource browser.

pub mod alternate_contacts;
pub mod contact_information;
pub mod regions;
