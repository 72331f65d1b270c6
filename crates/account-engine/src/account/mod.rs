//! The AWS Account Management API: its operations, shapes, field rules and
//! errors, and who may act on which account.

pub(crate) mod access;
mod account_info;
pub(crate) mod authorization;
mod contacts;
pub mod error;
mod gov_cloud;
pub mod model;
pub mod operation;
pub(crate) mod phone;
mod primary_email;
pub(crate) mod regions;
pub mod simulation;
pub mod texts;
pub(crate) mod validate;
