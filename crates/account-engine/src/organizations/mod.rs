//! AWS Organizations: the setup calls shells and tests use directly
//! (`setup.rs`) and the Organizations API over the same state (`api.rs`).

mod api;
pub mod error;
pub mod model;
pub mod operation;
mod setup;

pub use setup::OrganizationError;
