//! One module per tab of the resource browser.

pub mod activity;
pub mod alternate_contacts;
pub mod console;
pub mod contact_information;
pub mod events;
pub mod inbox;
pub mod lazy;
pub mod organization;
pub mod permissions;
pub mod regions;
pub mod training;
