//! `window.accountSandbox`: the page's engine for scripts and the browser
//! console, through the same client as the forms. `call(operation, input,
//! options)` takes any Account or Organizations operation by its API name,
//! or any operation with a service prefix (`account:`, `organizations:`,
//! `iam:`, `sts:`; IAM and STS answer in their XML), as `options.as` (a
//! principal's ARN) or the `Acting as` principal; `inbox` gives what the
//! sandbox "sent", oldest first.

use account_engine::inbox::Message;
use account_engine::{ApiError, Operation, OrgOperation, QueryService};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::client::activity::Source;
use crate::client::chunks::Protocols;
use crate::client::{Failure, Sandbox};

/// The rejection value: `{ code, message, status }` plus `reason` and
/// `fieldList` where the API has them.
fn rejection(error: &ApiError) -> Value {
    let mut value = error.body();
    let object = value.as_object_mut().expect("error bodies are objects");
    object.insert("code".into(), error.code().into());
    object.insert("status".into(), error.status().into());
    value
}

fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn from_js(input: &JsValue) -> Result<Value, ApiError> {
    if input.is_undefined() || input.is_null() {
        return Ok(json!({}));
    }
    let text = js_sys::JSON::stringify(input)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| ApiError::Serialization("The input cannot be written as JSON.".into()))?;
    serde_json::from_str(&text).map_err(|e| ApiError::Serialization(e.to_string()))
}

/// `options.as`, the ARN of the principal to call as; the `Acting as`
/// principal without it.
fn principal_option(sandbox: Sandbox, options: &JsValue) -> String {
    js_sys::Reflect::get(options, &"as".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| sandbox.principal())
}

fn failure(f: &Failure) -> Value {
    json!({ "code": f.code, "message": f.message, "status": f.status })
}

/// A Query action's input as form parameters: strings, numbers and
/// booleans as they read.
fn query_params(input: &Value) -> Vec<(String, String)> {
    input
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, value)| {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (key.clone(), text)
        })
        .collect()
}

fn call(
    sandbox: Sandbox,
    operation: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<Value, Value> {
    let name = operation.as_string().unwrap_or_default();
    let input = from_js(&input).map_err(|e| rejection(&e))?;
    let arn = principal_option(sandbox, &options);
    let (service, action) = name.split_once(':').unwrap_or(("", &name));
    let account = matches!(service, "" | "account")
        .then(|| Operation::from_name(action))
        .flatten();
    if let Some(operation) = account {
        return sandbox
            .call_json_as(&arn, Source::Script, operation, &input)
            .map_err(|e| rejection(&e));
    }
    let organizations = matches!(service, "" | "organizations")
        .then(|| OrgOperation::from_name(action))
        .flatten();
    if let Some(operation) = organizations {
        return sandbox
            .call_organizations_as(&arn, Source::Script, operation, &input)
            .map_err(|f| failure(&f));
    }
    let query = match service {
        "iam" => Some(QueryService::Iam),
        "sts" => Some(QueryService::Sts),
        _ => None,
    };
    if let Some(service) = query {
        let params = query_params(&input);
        let params: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        return sandbox
            .call_query_as(&arn, Source::Script, service, action, &params)
            .map(Value::String)
            .map_err(|f| failure(&f));
    }
    Err(rejection(&ApiError::UnknownOperation(format!(
        "{name:?} is not an operation of the Account, Organizations, IAM or STS API."
    ))))
}

pub fn install(sandbox: Sandbox) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let call = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> js_sys::Promise>::new(
        move |operation, input, options| {
            wasm_bindgen_futures::future_to_promise(async move {
                // Organizations, IAM and STS answer from a chunk that may
                // still be on its way; a failed fetch is their calls' answer.
                let _ = Protocols::load().await;
                match call(sandbox, operation, input, options) {
                    Ok(output) => Ok(to_js(&output)),
                    Err(error) => Err(to_js(&error)),
                }
            })
        },
    );
    let inbox = Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
        let messages: Vec<Value> = sandbox.inbox().iter().map(Message::to_json).collect();
        js_sys::Promise::resolve(&to_js(&Value::Array(messages)))
    });
    let api = js_sys::Object::new();
    js_sys::Reflect::set(&api, &"call".into(), call.as_ref())?;
    js_sys::Reflect::set(&api, &"inbox".into(), inbox.as_ref())?;
    let operations = js_sys::Array::new();
    for name in Operation::ALL
        .map(Operation::name)
        .into_iter()
        .chain(OrgOperation::ALL.map(OrgOperation::name))
    {
        operations.push(&name.into());
    }
    js_sys::Reflect::set(&api, &"operations".into(), &operations)?;
    // Lets people (and tests) see what the page does when the engine fails:
    // the panic panel, not a silently dead page.
    let crash = Closure::<dyn Fn(JsValue)>::new(|message: JsValue| {
        panic!(
            "{}",
            message
                .as_string()
                .unwrap_or_else(|| "crash requested".into())
        );
    });
    js_sys::Reflect::set(&api, &"crash".into(), crash.as_ref())?;
    crash.forget();
    // The page lives as long as the window, and so do these closures.
    call.forget();
    inbox.forget();
    js_sys::Reflect::set(&window, &"accountSandbox".into(), &api)?;
    Ok(())
}
