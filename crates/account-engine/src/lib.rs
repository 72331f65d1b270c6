//! A faithful model of the AWS Account Management API, with no IO: the page,
//! its script API and the local HTTP endpoint all run this engine through
//! [`Engine::handle`], the restJson1 dispatcher. The AWS Organizations
//! subset that sets up the organizations context has its own JSON 1.1
//! dispatcher, [`Engine::handle_organizations`].

mod access;
mod account_info;
pub mod catalog;
pub mod clock;
mod contacts;
mod dispatch;
mod engine;
pub mod error;
pub mod events;
mod gov_cloud;
mod ids;
pub mod inbox;
pub mod model;
pub mod operation;
mod org_api;
mod org_dispatch;
pub mod org_error;
pub mod org_model;
pub mod org_operation;
pub mod organizations;
mod paging;
mod phone;
mod primary_email;
pub mod principal;
mod regions;
pub mod sandbox_texts;
pub mod snapshot;
pub mod store;
pub mod timestamp;
mod validate;

pub use clock::{Clock, ManualClock, Millis};
pub use dispatch::WireResponse;
pub use engine::{Config, Engine, Timings};
pub use error::{ApiError, FieldError, ValidationReason};
pub use operation::Operation;
pub use org_dispatch::CONTENT_TYPE as ORGANIZATIONS_CONTENT_TYPE;
pub use org_error::OrgApiError;
pub use org_operation::OrgOperation;
pub use organizations::OrganizationError;
pub use principal::Principal;
pub use snapshot::{SnapshotError, SCHEMA_VERSION};
pub use store::{ACCOUNT_MANAGEMENT_PRINCIPAL, DEFAULT_ACCOUNT_ID};
