//! Shared helpers: a sandbox on a manual clock, wire calls, and assertions
//! on the wire form of answers (status, `x-amzn-ErrorType`, JSON body).

#![allow(dead_code)]

use account_engine::{Config, Engine, FieldError, ManualClock, Millis, Timings};
use serde_json::{json, Value};

/// 2026-11-25T13:33:32Z.
pub const START: Millis = 1_795_613_612_000;
pub const START_ISO: &str = "2026-11-25T13:33:32Z";
/// Short region change and primary email durations for tests.
pub const ENABLE_MS: Millis = 10_000;
pub const DISABLE_MS: Millis = 4_000;
pub const PRIMARY_EMAIL_MS: Millis = 5_000;
pub const DEFAULT: &str = "000000000000";

pub const ALL_STATUSES: &str =
    r#""ENABLED","ENABLING","DISABLING","DISABLED","ENABLED_BY_DEFAULT""#;

/// The 17 opt-in regions, sorted.
pub const OPT_IN: [&str; 17] = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
];

pub struct Sandbox {
    pub engine: Engine,
    pub clock: ManualClock,
}

pub fn config() -> Config {
    Config {
        timings: Timings {
            enable: ENABLE_MS,
            disable: DISABLE_MS,
            primary_email: PRIMARY_EMAIL_MS,
        },
        ..Config::default()
    }
}

pub fn sandbox() -> Sandbox {
    sandbox_with(config())
}

pub fn sandbox_with(config: Config) -> Sandbox {
    let clock = ManualClock::at(START);
    Sandbox {
        engine: Engine::new(clock.clone(), config),
        clock,
    }
}

/// One answer, decoded from the wire.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub error_type: Option<String>,
    pub body: Value,
    /// The fields the response names for forms, off the wire.
    pub fields: Vec<FieldError>,
}

impl Sandbox {
    /// Calls `path` as the default account (a non-numeric access key).
    pub fn call(&mut self, path: &str, body: Value) -> Reply {
        self.call_as("AKIAIOSFODNN7EXAMPLE", path, body)
    }

    pub fn call_as(&mut self, caller: &str, path: &str, body: Value) -> Reply {
        self.raw_as(caller, path, body.to_string().as_bytes())
    }

    pub fn raw(&mut self, path: &str, body: &[u8]) -> Reply {
        self.raw_as("AKIAIOSFODNN7EXAMPLE", path, body)
    }

    pub fn raw_as(&mut self, caller: &str, path: &str, body: &[u8]) -> Reply {
        let response = self.engine.handle(caller, path, body);
        assert_eq!(
            response.header("content-type"),
            Some("application/json"),
            "{path}"
        );
        assert!(response.header("x-amzn-RequestId").is_some());
        let body: Value = serde_json::from_str(&response.body)
            .unwrap_or_else(|e| panic!("{path} answered a non-JSON body {:?}: {e}", response.body));
        Reply {
            status: response.status,
            error_type: response.header("x-amzn-ErrorType").map(str::to_owned),
            body,
            fields: response.fields,
        }
    }

    /// The status of one region for the default account.
    pub fn region_status(&mut self, region: &str) -> String {
        self.region_status_of(DEFAULT, region)
    }

    pub fn region_status_of(&mut self, caller: &str, region: &str) -> String {
        let reply = self.call_as(caller, "/getRegionOptStatus", json!({"RegionName": region}));
        reply.ok()["RegionOptStatus"]
            .as_str()
            .expect("a status")
            .to_owned()
    }

    /// Every region of the default account as (name, status), all pages.
    pub fn all_regions(&mut self, filter: Option<&[&str]>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut body = json!({});
            if let Some(f) = filter {
                body["RegionOptStatusContains"] = json!(f);
            }
            if let Some(t) = &token {
                body["NextToken"] = json!(t);
            }
            let reply = self.call("/listRegions", body);
            let page = reply.ok();
            for r in page["Regions"].as_array().expect("Regions") {
                out.push((
                    r["RegionName"].as_str().unwrap().to_owned(),
                    r["RegionOptStatus"].as_str().unwrap().to_owned(),
                ));
            }
            match page.get("NextToken") {
                Some(t) => token = Some(t.as_str().unwrap().to_owned()),
                None => return out,
            }
        }
    }
}

impl Reply {
    /// The success body; fails the test on an error.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "expected success, got {self:?}");
        assert_eq!(self.error_type, None);
        &self.body
    }

    /// An error other than ValidationException: code, status and message.
    #[track_caller]
    pub fn assert_error(&self, code: &str, status: u16, message: &str) {
        assert_eq!(
            (self.status, self.error_type.as_deref()),
            (status, Some(code)),
            "{self:?}"
        );
        assert_eq!(self.body, json!({ "message": message }), "{self:?}");
    }

    /// A ValidationException that carries its message alone on the wire,
    /// about `fields` as the response tells forms.
    #[track_caller]
    pub fn assert_bare(&self, message: &str, fields: &[(&str, &str)]) {
        self.assert_error("ValidationException", 400, message);
        let expected: Vec<FieldError> = fields
            .iter()
            .map(|(name, message)| FieldError::new(*name, *message))
            .collect();
        assert_eq!(self.fields, expected, "{self:?}");
    }

    /// A `fieldValidationFailed` ValidationException about one field, whose
    /// message is also the top-level message.
    #[track_caller]
    pub fn assert_field(&self, field: &str, message: &str) {
        self.assert_validation("fieldValidationFailed", message, &[(field, message)]);
    }

    #[track_caller]
    pub fn assert_validation(&self, reason: &str, message: &str, fields: &[(&str, &str)]) {
        assert_eq!(
            (self.status, self.error_type.as_deref()),
            (400, Some("ValidationException")),
            "{self:?}"
        );
        let field_list: Vec<Value> = fields
            .iter()
            .map(|(name, message)| json!({"name": name, "message": message}))
            .collect();
        assert_eq!(
            self.body,
            json!({"message": message, "reason": reason, "fieldList": field_list}),
            "{self:?}"
        );
    }
}

/// A request and the answer expected for it, for table-driven tests.
pub struct Case {
    pub path: &'static str,
    pub body: Value,
    pub expect: Expect,
}

pub enum Expect {
    Ok,
    Field(&'static str, String),
    /// A ValidationException with its message alone on the wire (no reason,
    /// no fieldList), about one field as forms learn it.
    Bare(&'static str, String),
    Error(&'static str, u16, String),
}

/// Runs every case in a fresh sandbox (after `setup`) and asserts its answer.
#[track_caller]
pub fn run_cases(setup: impl Fn(&mut Sandbox), cases: Vec<Case>) {
    for case in cases {
        let mut sandbox = sandbox();
        setup(&mut sandbox);
        let reply = sandbox.call(case.path, case.body.clone());
        let context = format!("{} {}", case.path, case.body);
        match &case.expect {
            Expect::Ok => assert_eq!(reply.status, 200, "{context}: {reply:?}"),
            Expect::Field(name, message) => {
                let expected = json!({
                    "message": message,
                    "reason": "fieldValidationFailed",
                    "fieldList": [{"name": name, "message": message}],
                });
                assert_eq!(
                    (reply.status, reply.error_type.as_deref(), &reply.body),
                    (400, Some("ValidationException"), &expected),
                    "{context}"
                );
            }
            Expect::Bare(name, message) => reply.assert_bare(message, &[(name, message)]),
            Expect::Error(code, status, message) => assert_eq!(
                (reply.status, reply.error_type.as_deref(), &reply.body),
                (*status, Some(*code), &json!({ "message": message })),
                "{context}"
            ),
        }
    }
}

pub fn too_long(value: &str, max: usize) -> String {
    format!(
        "[string \"{value}\" is too long (length: {}, maximum allowed: {max})]",
        value.chars().count()
    )
}

pub fn too_short(value: &str, min: usize) -> String {
    format!(
        "[string \"{value}\" is too short (length: {}, required minimum: {min})]",
        value.chars().count()
    )
}

pub fn missing(name: &str) -> String {
    format!("[object has missing required properties ([\"{name}\"])]")
}

pub fn regex_mismatch(regex: &str, value: &str) -> String {
    format!("[ECMA 262 regex \"{regex}\" does not match input string \"{value}\"]")
}

pub fn wrong_type(actual: &str, allowed: &str) -> String {
    format!(
        "[instance type ({actual}) does not match any allowed primitive type (allowed: [\"{allowed}\"])]"
    )
}

/// The ARN of an account's root user, the caller a 12-digit key stands for.
pub fn arn(account: &str) -> String {
    format!("arn:aws:iam::{account}:root")
}

pub fn denied(arn: &str, operation: &str, reason: &str) -> String {
    format!("User: {arn} is not authorized to perform: account:{operation} ({reason})")
}

/// The refusal without a reason that a member gets for naming an AccountId.
pub fn denied_bare(arn: &str, operation: &str) -> String {
    format!("User: {arn} is not authorized to perform: account:{operation}")
}

/// A complete, valid contact information in the US.
pub fn contact() -> Value {
    json!({
        "FullName": "Jane Doe",
        "AddressLine1": "410 Terry Ave N",
        "City": "Seattle",
        "StateOrRegion": "WA",
        "PostalCode": "98109",
        "CountryCode": "US",
        "PhoneNumber": "+1 206-555-0100",
    })
}

pub fn alternate(kind: &str) -> Value {
    json!({
        "AlternateContactType": kind,
        "Name": "Security Team",
        "Title": "CISO",
        "EmailAddress": "security@example.com",
        "PhoneNumber": "+1 206 555 0199",
    })
}

/// One AWS Organizations answer, decoded from the JSON 1.1 wire.
#[derive(Debug, Clone)]
pub struct OrgReply {
    pub status: u16,
    pub body: Value,
    /// The members a refusal is about, off the wire (`WireResponse::fields`).
    pub fields: Vec<String>,
}

impl Sandbox {
    /// Calls an Organizations operation by name, e.g. `ListAccounts`.
    pub fn org_as(&mut self, caller: &str, operation: &str, body: Value) -> OrgReply {
        self.org_raw_as(
            caller,
            &format!("AWSOrganizationsV20161128.{operation}"),
            body.to_string().as_bytes(),
        )
    }

    pub fn org_raw_as(&mut self, caller: &str, target: &str, body: &[u8]) -> OrgReply {
        let response = self.engine.handle_organizations(caller, target, body);
        assert_eq!(
            response.header("content-type"),
            Some("application/x-amz-json-1.1"),
            "{target}"
        );
        assert!(response.header("x-amzn-RequestId").is_some());
        assert_eq!(response.header("x-amzn-ErrorType"), None);
        let body: Value = serde_json::from_str(&response.body).unwrap_or_else(|e| {
            panic!("{target} answered a non-JSON body {:?}: {e}", response.body)
        });
        OrgReply {
            status: response.status,
            body,
            fields: response.fields.iter().map(|f| f.name.clone()).collect(),
        }
    }
}

impl OrgReply {
    /// The success body; fails the test on an error.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "expected success, got {self:?}");
        assert!(self.body.get("__type").is_none(), "{self:?}");
        &self.body
    }

    /// A JSON 1.1 error: HTTP 400, `__type` and `Message`, and no `Reason`.
    #[track_caller]
    pub fn assert_error(&self, code: &str, message: &str) {
        assert_eq!(
            (self.status, &self.body),
            (400, &json!({"__type": code, "Message": message})),
            "{self:?}"
        );
    }

    /// An error whose model shape has a `Reason`.
    #[track_caller]
    pub fn assert_reason(&self, code: &str, reason: &str, message: &str) {
        assert_eq!(
            (self.status, &self.body),
            (
                400,
                &json!({"__type": code, "Message": message, "Reason": reason})
            ),
            "{self:?}"
        );
    }

    /// An InvalidInputException for `reason`.
    #[track_caller]
    pub fn assert_invalid(&self, reason: &str) {
        assert_eq!(self.status, 400, "{self:?}");
        assert_eq!(self.body["__type"], "InvalidInputException", "{self:?}");
        assert_eq!(self.body["Reason"], reason, "{self:?}");
        assert!(self.body["Message"].is_string(), "{self:?}");
    }
}

/// Epoch seconds, as JSON 1.1 writes timestamps.
pub fn epoch_seconds(millis: Millis) -> Value {
    json!(millis / 1000)
}
