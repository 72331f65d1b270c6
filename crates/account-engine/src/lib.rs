//! A faithful model of the AWS Account Management API and of the AWS
//! Organizations around it, with no IO: the page, its script API and the
//! local HTTP endpoint all run this engine through one dispatcher per wire
//! protocol (`wire/`): [`Engine::handle`] (restJson1, the Account API) and
//! [`Engine::handle_organizations`] (JSON 1.1, Organizations) and
//! [`Engine::handle_query`] (Query, STS and IAM).
//!
//! Each service has its folder (`account/`, `organizations/`); what they
//! share (the state, the clock, snapshots, ids, the inbox) sits at the top.

pub mod account;
mod acting;
pub mod authentication;
pub mod authz;
pub mod catalog;
pub mod clock;
mod context;
mod credential;
mod engine;
pub mod events;
pub mod explanation;
pub mod iam;
mod ids;
pub mod inbox;
pub mod organizations;
mod paging;
mod parsed;
pub mod pretty;
pub mod principal;
pub mod snapshot;
pub mod store;
pub mod sts;
pub mod timestamp;
mod wire;

// The Account API's modules under their names from before the engine had
// several services.
pub use account::{error, model, operation};
pub use organizations::{error as org_error, model as org_model, operation as org_operation};

pub use account::simulation::Simulation;
pub use authentication::AuthenticationError;
pub use clock::{Clock, ManualClock, Millis};
pub use context::Origin;
pub use credential::Credential;
pub use engine::{Config, Engine, Timings};
pub use error::{ApiError, FieldError, ValidationReason};
pub use explanation::Explanation;
pub use iam::error::IamApiError;
pub use iam::operation::IamOperation;
pub use operation::Operation;
pub use org_error::OrgApiError;
pub use org_operation::OrgOperation;
pub use organizations::OrganizationError;
pub use principal::Principal;
pub use snapshot::{SnapshotError, SCHEMA_VERSION};
pub use store::{ACCOUNT_MANAGEMENT_PRINCIPAL, DEFAULT_ACCOUNT_ID};
pub use sts::error::StsApiError;
pub use sts::operation::StsOperation;
pub use wire::json_1_1::CONTENT_TYPE as ORGANIZATIONS_CONTENT_TYPE;
pub use wire::query::{
    QueryError, QueryOperation, QueryService, CONTENT_TYPE as QUERY_CONTENT_TYPE,
};
pub use wire::WireResponse;
