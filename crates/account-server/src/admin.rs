//! The sandbox's own endpoints, beside the AWS APIs, under `/_sandbox/`:
//! what test suites use to reset the sandbox between tests, to wait until
//! it is up and to read the codes it "sent" (the inbox); and moto's reset
//! path, so suites written for moto's server mode run unchanged.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{Method, Uri};
use axum::routing::any;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::ServerError;
use crate::sandbox::Sandbox;

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/_sandbox/health", any(health))
        .route("/_sandbox/inbox", any(inbox))
        .route("/_sandbox/reset", any(reset))
        .route("/moto-api/reset", any(reset))
}

fn expect(method: &Method, expected: Method, uri: &Uri) -> Result<(), ServerError> {
    if *method == expected {
        Ok(())
    } else {
        Err(ServerError::SandboxMethod {
            path: uri.path().to_owned(),
            expected,
            got: method.clone(),
        })
    }
}

/// `GET /_sandbox/health`: 200 while the server runs, with what it serves.
async fn health(
    State(sandbox): State<Arc<Sandbox>>,
    method: Method,
    uri: Uri,
) -> Result<Json<Value>, ServerError> {
    expect(&method, Method::GET, &uri)?;
    let accounts = sandbox.read(|engine| engine.state().accounts.len());
    Ok(Json(json!({
        "status": "running",
        "version": env!("CARGO_PKG_VERSION"),
        "uptimeSeconds": sandbox.uptime().as_secs_f64(),
        "accounts": accounts,
        "persisted": sandbox.state_file().is_some(),
        "stateFile": sandbox.state_file(),
    })))
}

/// `GET /_sandbox/inbox`: the one-time passwords and verification codes
/// the sandbox "sent", oldest first, as `{"Messages": [...]}`.
async fn inbox(
    State(sandbox): State<Arc<Sandbox>>,
    method: Method,
    uri: Uri,
) -> Result<Json<Value>, ServerError> {
    expect(&method, Method::GET, &uri)?;
    Ok(Json(sandbox.read(|engine| engine.inbox_json())))
}

/// `POST /_sandbox/reset` and `POST /moto-api/reset`: back to how the
/// command line started the sandbox, on disk before the answer. The answer
/// is moto's.
async fn reset(
    State(sandbox): State<Arc<Sandbox>>,
    method: Method,
    uri: Uri,
) -> Result<Json<Value>, ServerError> {
    expect(&method, Method::POST, &uri)?;
    if let Some(ticket) = sandbox.reset() {
        sandbox.durable(ticket).await?;
    }
    Ok(Json(json!({ "status": "ok" })))
}
