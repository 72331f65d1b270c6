//! The account engine over HTTP, for AWS SDKs and the AWS CLI.
//!
//! The engine knows nothing of HTTP or files; this crate adds the transport
//! (axum), the caller's identity (from the SigV4 `Authorization` header,
//! whose signature is checked for the keys the sandbox issued),
//! a lock that serializes changes, the `--state` file with its journal, and
//! the sandbox's own reset and health endpoints. [`app`] builds the whole
//! service, so tests drive it with `oneshot` and no socket.

mod admin;
mod cli;
mod clock;
mod commit;
mod error;
mod identity;
mod journal;
mod journal_dir;
mod persistence;
mod recovery;
mod sandbox;
mod settings;
pub mod signature;
mod state_file;

use std::net::SocketAddr;
use std::sync::Arc;

use account_engine::WireResponse;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::{Extension, Router};

pub use cli::Args;
pub use clock::SystemClock;
pub use commit::Ticket;
pub use error::{ServerError, StateFileError};
pub use persistence::MIN_JOURNAL_BYTES;
pub use sandbox::Sandbox;
pub use settings::Settings;
pub use state_file::StateFile;

use identity::{access_key_id, amz_target, is_form, signing_service};
use signature::Signed;

/// Requests with a larger body are refused with 413 before they are read.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The services whose requests are signed for these names speak the Query
/// wire, whatever the engine serves of them: it answers the rest with the
/// Query error for an unknown operation.
const QUERY_SIGNING_NAMES: [&str; 2] = ["sts", "iam"];

/// The whole HTTP service. The sandbox's own endpoints have their paths
/// (see `admin.rs`). Any other request with `X-Amz-Target` is AWS
/// Organizations (JSON 1.1) and goes to the engine's Organizations
/// dispatcher; a form or a request signed for STS or IAM, posted to `/`,
/// is the Query wire and goes to the Query dispatcher; any other goes, by
/// path, to the Account dispatcher. Each answers what it does not serve
/// with its own error.
pub fn app(sandbox: Arc<Sandbox>) -> Router {
    Router::new()
        .merge(admin::routes())
        .fallback(serve)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(sandbox)
}

async fn serve(
    State(sandbox): State<Arc<Sandbox>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ServerError> {
    if method != Method::POST {
        return Err(ServerError::MethodNotAllowed(method));
    }
    let body = body?;
    // Without an access key the engine's default account is the caller: it
    // treats anything that is not a 12-digit account id that way.
    let caller = access_key_id(&headers).unwrap_or_default();
    let signed = Signed {
        method: &method,
        uri: &uri,
        headers: &headers,
        body: &body,
    };
    let signed = Some(&signed);
    let from = peer.map(|Extension(ConnectInfo(address))| address.ip());
    let (wire, ticket) = if let Some(target) = amz_target(&headers) {
        sandbox.handle_organizations(signed, from, caller, target, &body)
    } else if is_query(&uri, &headers) {
        sandbox.handle_query(signed, from, caller, &body)
    } else {
        sandbox.handle(signed, from, caller, uri.path(), &body)
    };
    if let Some(ticket) = ticket {
        sandbox.durable(ticket).await?;
    }
    to_response(wire)
}

/// Query requests are posted to `/`, where no Account operation is, as
/// forms (botocore's) or at least signed for a Query service.
fn is_query(uri: &Uri, headers: &HeaderMap) -> bool {
    uri.path() == "/"
        && (is_form(headers)
            || signing_service(headers).is_some_and(|name| QUERY_SIGNING_NAMES.contains(&name)))
}

fn to_response(wire: WireResponse) -> Result<Response, ServerError> {
    let mut response = Response::builder().status(wire.status);
    for (name, value) in wire.headers {
        response = response.header(name, value);
    }
    Ok(response.body(Body::from(wire.body))?)
}
