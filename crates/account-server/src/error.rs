//! What can go wrong in the server itself (not in the API, whose errors the
//! engine renders), and the one place those failures become responses.

use std::io;
use std::path::PathBuf;

use account_engine::SnapshotError;
use axum::extract::rejection::BytesRejection;
use axum::http::header::HeaderName;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Reading, checking or writing the `--state` file.
#[derive(Debug, thiserror::Error)]
pub enum StateFileError {
    #[error("the state file path {0} does not name a file")]
    NotAFile(PathBuf),
    #[error("cannot read the state file {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("the state file {path} holds no sandbox state: {source}")]
    Invalid {
        path: PathBuf,
        source: SnapshotError,
    },
    #[error("cannot write the state file {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot use the journal {path}: {source}")]
    Journal { path: PathBuf, source: io::Error },
    /// Appending to the journal failed; the change stays in memory, and the
    /// next snapshot written saves it.
    #[error("cannot save the change to the journal: {0}")]
    JournalWrite(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The body could not be read, or is over the size limit.
    #[error("{}", .0.body_text())]
    Body(#[from] BytesRejection),
    #[error("Only POST requests are served (restJson1), not {0}.")]
    MethodNotAllowed(Method),
    #[error("{path} takes {expected} requests, not {got}.")]
    SandboxMethod {
        path: String,
        expected: Method,
        got: Method,
    },
    #[error(transparent)]
    StateFile(#[from] StateFileError),
    #[error("cannot build the response: {0}")]
    Response(#[from] axum::http::Error),
}

impl ServerError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Body(rejection) => rejection.status(),
            Self::MethodNotAllowed(_) | Self::SandboxMethod { .. } => {
                StatusCode::METHOD_NOT_ALLOWED
            }
            Self::StateFile(_) | Self::Response(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code sent in `x-amzn-ErrorType`, which SDKs report as the error.
    pub fn code(&self) -> &'static str {
        match self.status() {
            StatusCode::PAYLOAD_TOO_LARGE => "RequestEntityTooLargeException",
            StatusCode::METHOD_NOT_ALLOWED => "MethodNotAllowedException",
            status if status.is_server_error() => "InternalServerException",
            _ => "SerializationException",
        }
    }
}

/// The engine's error shape, so SDKs parse these like any API error.
impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // The client sees the message too, but the operator must learn
            // that, for example, the state file can no longer be written.
            eprintln!("account-server: {self}");
        }
        let headers = [(HeaderName::from_static("x-amzn-errortype"), self.code())];
        let body = Json(serde_json::json!({ "message": self.to_string() }));
        (status, headers, body).into_response()
    }
}
