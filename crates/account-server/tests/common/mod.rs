//! Shared helpers: the service on a manual clock driven through
//! `app().oneshot`, wire calls, and a state file in a temporary directory.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use account_engine::{ManualClock, Millis};
use account_server::{app, Sandbox, Settings, StateFile};
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

pub const START: Millis = 1_700_000_000_000;
pub const ENABLE_MS: Millis = 1_000;
pub const DISABLE_MS: Millis = 500;

pub fn settings() -> Settings {
    Settings {
        enable_millis: ENABLE_MS,
        disable_millis: DISABLE_MS,
        ..Settings::default()
    }
}

pub fn memory_app() -> Router {
    app(Arc::new(Sandbox::in_memory(
        settings(),
        ManualClock::at(START),
    )))
}

pub fn authorization(access_key_id: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={access_key_id}/20260101/us-east-1/account/aws4_request, \
         SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"
    )
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    pub fn error_type(&self) -> &str {
        self.headers
            .get("x-amzn-ErrorType")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)))
    };
    Reply {
        status,
        headers,
        body,
    }
}

pub fn post(path: &str, access_key_id: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut request = Request::post(path).header("content-type", "application/json");
    if let Some(id) = access_key_id {
        request = request.header("authorization", authorization(id));
    }
    request.body(body.into()).unwrap()
}

pub async fn call(app: &Router, access_key_id: Option<&str>, path: &str, input: Value) -> Reply {
    send(app, post(path, access_key_id, input.to_string())).await
}

pub fn billing(name: &str) -> Value {
    json!({
        "AlternateContactType": "BILLING",
        "Name": name,
        "Title": "Billing",
        "EmailAddress": "bill@ing.com",
        "PhoneNumber": "+1 555-555-5555",
    })
}

pub fn org_post(operation: &str, access_key_id: Option<&str>, body: Value) -> Request<Body> {
    let mut request = Request::post("/")
        .header("content-type", "application/x-amz-json-1.1")
        .header(
            "x-amz-target",
            format!("AWSOrganizationsV20161128.{operation}"),
        );
    if let Some(id) = access_key_id {
        request = request.header("authorization", authorization(id));
    }
    request.body(Body::from(body.to_string())).unwrap()
}

pub async fn org_call(
    app: &Router,
    access_key_id: Option<&str>,
    operation: &str,
    body: Value,
) -> Reply {
    let reply = send(app, org_post(operation, access_key_id, body)).await;
    assert_eq!(
        reply.headers["content-type"], "application/x-amz-json-1.1",
        "{operation}"
    );
    reply
}

/// A state file in a temporary directory, and the journals beside it.
pub struct Files {
    dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Files {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        Self { dir, path }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A sandbox on these files with the test settings.
    pub fn open(&self, clock: &ManualClock) -> Arc<Sandbox> {
        self.open_with(settings(), clock, None)
    }

    pub fn open_with(
        &self,
        settings: Settings,
        clock: &ManualClock,
        journal_limit: Option<u64>,
    ) -> Arc<Sandbox> {
        let file = StateFile::new(&self.path).unwrap();
        Arc::new(Sandbox::persistent(settings, clock.clone(), file, journal_limit).unwrap())
    }

    /// The state file as JSON.
    pub fn saved(&self) -> Value {
        serde_json::from_str(&fs::read_to_string(&self.path).unwrap()).unwrap()
    }

    /// The journals' names, oldest first.
    pub fn journals(&self) -> Vec<String> {
        let mut names: Vec<(u64, String)> = fs::read_dir(self.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter_map(|name| {
                let number = name.strip_prefix("state.json.journal.")?.parse().ok()?;
                Some((number, name))
            })
            .collect();
        names.sort();
        names.into_iter().map(|(_, name)| name).collect()
    }

    /// The bytes of all journals together.
    pub fn journal_bytes(&self) -> u64 {
        self.journals()
            .iter()
            .map(|name| fs::metadata(self.dir().join(name)).unwrap().len())
            .sum()
    }

    pub fn newest_journal(&self) -> PathBuf {
        self.dir().join(self.journals().last().expect("a journal"))
    }
}

/// The sandbox's whole state, as snapshot JSON.
pub fn state_of(sandbox: &Sandbox) -> String {
    sandbox.read(|engine| engine.snapshot())
}
