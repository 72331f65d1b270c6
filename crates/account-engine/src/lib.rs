//! A faithful model of the AWS Account Management API, with no IO: the page,
//! its script API and the local HTTP endpoint all run this engine through
//! [`Engine::handle`], the restJson1 dispatcher.

mod access;
mod account_info;
pub mod catalog;
pub mod clock;
mod contacts;
mod dispatch;
mod engine;
pub mod error;
pub mod events;
mod ids;
pub mod model;
pub mod operation;
pub mod organizations;
mod paging;
mod regions;
pub mod snapshot;
pub mod store;
pub mod timestamp;
mod validate;

pub use clock::{Clock, ManualClock, Millis};
pub use dispatch::WireResponse;
pub use engine::{Config, Engine, Timings};
pub use error::{ApiError, FieldError, ValidationReason};
pub use operation::Operation;
pub use organizations::OrganizationError;
pub use snapshot::{SnapshotError, SCHEMA_VERSION};
pub use store::DEFAULT_ACCOUNT_ID;
