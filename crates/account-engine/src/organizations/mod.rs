//! AWS Organizations: the setup calls shells and tests use directly
//! (`setup.rs`) and the Organizations API over the same state (`api.rs`).

mod api;
pub(crate) mod authorization;
pub mod error;
mod ids;
pub mod model;
pub mod operation;
pub(crate) mod policies;
mod setup;
mod structure;
mod tags;
pub mod tree;

pub use setup::OrganizationError;
