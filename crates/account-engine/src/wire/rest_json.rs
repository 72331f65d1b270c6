//! The restJson1 wire: path and JSON body in; status, headers and JSON body
//! out. Every shell (page, script API, HTTP server) enters the engine here,
//! and this is the one place errors become wire responses.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::account::error::{ApiError, FieldError};
use crate::account::model::input;
use crate::account::operation::Operation;
use crate::authentication::AuthenticationError;
use crate::engine::Engine;
use crate::explanation::Explanation;

/// An HTTP response, ready for any transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    /// The input members a refusal is about. Not part of the wire (some
    /// operations answer with a bare message): the page's forms read it to
    /// put the message beside its field, and transports ignore it.
    pub fields: Vec<FieldError>,
    /// Why policies refused the call, for the page's `Why?`; not part of
    /// the wire either.
    pub explanation: Option<Box<Explanation>>,
}

impl WireResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The operation's output, or the API error the response carries, with
    /// the members it is about even where the wire does not name them.
    pub fn into_result(self) -> Result<Value, ApiError> {
        let body: Value = serde_json::from_str(&self.body).unwrap_or(Value::Null);
        if self.status == 200 {
            return Ok(body);
        }
        let mut error = ApiError::from_wire(self.status, self.header("x-amzn-ErrorType"), &body);
        if let ApiError::Validation { field_list, .. } | ApiError::BadRequest { field_list, .. } =
            &mut error
        {
            if field_list.is_empty() {
                *field_list = self.fields;
            }
        }
        Err(error)
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The error deserializing the operation's input from `single` (an object
/// of one member), if any. The one generic part of [`type_error`], so its
/// body is compiled once rather than once per operation.
fn member_error<T: DeserializeOwned>(single: Value) -> Option<serde_json::Error> {
    serde_json::from_value::<T>(single).err()
}

/// Names the member a deserialization failure is about, and describes the
/// mismatch as the service's schema validator would.
fn type_error(
    object: &Map<String, Value>,
    error: serde_json::Error,
    deserialize_member: fn(Value) -> Option<serde_json::Error>,
) -> ApiError {
    for (name, value) in object {
        let single = Value::Object(Map::from_iter([(name.clone(), value.clone())]));
        let Some(failure) = deserialize_member(single) else {
            continue;
        };
        if let (Value::Object(inner), "ContactInformation") = (value, name.as_str()) {
            return type_error(inner, failure, member_error::<input::ContactInformation>);
        }
        let text = failure.to_string();
        let expected = if text.contains("expected a string") {
            "string"
        } else if text.contains("expected i128") {
            "integer"
        } else if text.contains("expected a sequence") {
            "array"
        } else {
            "object"
        };
        let actual = match value {
            Value::Array(items) => items
                .iter()
                .map(json_type)
                .find(|t| *t != expected)
                .unwrap_or("array"),
            other => json_type(other),
        };
        return ApiError::field(
            name.as_str(),
            format!("[instance type ({actual}) does not match any allowed primitive type (allowed: [\"{expected}\"])]"),
        );
    }
    ApiError::field("", format!("[{error}]"))
}

fn parse<T: DeserializeOwned>(body: &Map<String, Value>) -> Result<T, ApiError> {
    serde_json::from_value(Value::Object(body.clone()))
        .map_err(|e| type_error(body, e, member_error::<T>))
}

fn to_json(output: impl Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(output).map_err(internal_error)
}

// A function, not a closure: one copy for every output type.
fn internal_error(error: serde_json::Error) -> ApiError {
    ApiError::InternalServer(error.to_string())
}

fn empty(result: Result<(), ApiError>) -> Result<Value, ApiError> {
    result.map(|()| Value::Object(Map::new()))
}

impl Engine {
    /// Serves one restJson1 request. `caller` is the calling account; a value
    /// that is not a 12-digit account id means the default account.
    pub fn handle(&mut self, caller: &str, path: &str, body: &[u8]) -> WireResponse {
        let result = match Operation::from_path(path) {
            Some(operation) => json_object(body)
                .map_err(ApiError::Serialization)
                .and_then(|b| self.run(caller, operation, &b)),
            None => Err(ApiError::UnknownOperation(format!(
                "No operation is served at {}.",
                path.chars().take(200).collect::<String>()
            ))),
        };
        self.respond(result)
    }

    /// Answers a request the endpoint could not authenticate, in this
    /// protocol's envelope; nothing runs and nothing changes.
    pub fn refuse(&mut self, error: AuthenticationError) -> WireResponse {
        self.respond(Err(ApiError::Unauthenticated(error)))
    }

    /// Runs one operation on an already-parsed JSON input.
    pub fn call(
        &mut self,
        caller: &str,
        operation: Operation,
        input: &Value,
    ) -> Result<Value, ApiError> {
        match input {
            Value::Object(body) => self.run(caller, operation, body),
            Value::Null => self.run(caller, operation, &Map::new()),
            _ => Err(ApiError::Serialization(NOT_AN_OBJECT.into())),
        }
    }

    fn run(
        &mut self,
        caller: &str,
        operation: Operation,
        body: &Map<String, Value>,
    ) -> Result<Value, ApiError> {
        let result = self.dispatch(caller, operation, body);
        // Their ValidationExceptions are the message alone (observed),
        // whichever check refused: the input's types, its fields, AccountId.
        match operation {
            Operation::PutContactInformation | Operation::PutAccountName => {
                result.map_err(ApiError::bare)
            }
            _ => result,
        }
    }

    fn dispatch(
        &mut self,
        caller: &str,
        operation: Operation,
        body: &Map<String, Value>,
    ) -> Result<Value, ApiError> {
        let caller = self.begin_request(caller).account_id().to_owned();
        let caller = caller.as_str();
        match operation {
            Operation::PutContactInformation => {
                empty(self.put_contact_information(caller, parse(body)?))
            }
            Operation::GetContactInformation => {
                to_json(self.get_contact_information(caller, parse(body)?)?)
            }
            Operation::PutAlternateContact => {
                empty(self.put_alternate_contact(caller, parse(body)?))
            }
            Operation::GetAlternateContact => {
                to_json(self.get_alternate_contact(caller, parse(body)?)?)
            }
            Operation::DeleteAlternateContact => {
                empty(self.delete_alternate_contact(caller, parse(body)?))
            }
            Operation::ListRegions => to_json(self.list_regions(caller, parse(body)?)?),
            Operation::GetRegionOptStatus => {
                to_json(self.get_region_opt_status(caller, parse(body)?)?)
            }
            Operation::EnableRegion => empty(self.enable_region(caller, parse(body)?)),
            Operation::DisableRegion => empty(self.disable_region(caller, parse(body)?)),
            Operation::PutAccountName => empty(self.put_account_name(caller, parse(body)?)),
            Operation::GetAccountInformation => {
                to_json(self.get_account_information(caller, parse(body)?)?)
            }
            Operation::GetPrimaryEmail => to_json(self.get_primary_email(caller, parse(body)?)?),
            Operation::StartPrimaryEmailUpdate => {
                to_json(self.start_primary_email_update(caller, parse(body)?)?)
            }
            Operation::AcceptPrimaryEmailUpdate => {
                to_json(self.accept_primary_email_update(caller, parse(body)?)?)
            }
            Operation::GetPrimaryEmailUpdateStatus => {
                to_json(self.get_primary_email_update_status(caller, parse(body)?)?)
            }
            Operation::SendPhoneNumberVerification => {
                to_json(self.send_phone_number_verification(caller, parse(body)?)?)
            }
            Operation::VerifyPhoneNumber => {
                to_json(self.verify_phone_number(caller, parse(body)?)?)
            }
            Operation::GetGovCloudAccountInformation => {
                to_json(self.get_gov_cloud_account_information(caller, parse(body)?)?)
            }
        }
    }

    fn respond(&mut self, result: Result<Value, ApiError>) -> WireResponse {
        let request_id = self.next_request_id();
        let mut headers = vec![
            ("content-type", "application/json".to_owned()),
            ("x-amzn-RequestId", request_id),
        ];
        match result {
            Ok(body) => WireResponse {
                status: 200,
                headers,
                body: body.to_string(),
                fields: Vec::new(),
                explanation: None,
            },
            Err(error) => {
                if let Some(code) = error.header_code() {
                    headers.push(("x-amzn-ErrorType", code.to_owned()));
                }
                WireResponse {
                    status: error.status(),
                    headers,
                    body: error.body().to_string(),
                    fields: error.field_list().to_vec(),
                    explanation: self.take_explanation(),
                }
            }
        }
    }
}

pub(crate) const NOT_AN_OBJECT: &str = "The request body must be a JSON object.";

/// The request body as a JSON object, or why it is not one. An empty body
/// stands for `{}`, as botocore sends for operations without input members.
pub(crate) fn json_object(body: &[u8]) -> Result<Map<String, Value>, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(NOT_AN_OBJECT.into()),
        Err(e) => Err(format!("The request body is not valid JSON: {e}.")),
    }
}
