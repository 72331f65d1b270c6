//! Copying text to the clipboard with `navigator.clipboard`, and a copy
//! button that announces how it went. The API is missing outside secure
//! contexts (plain HTTP on another host) and may be refused, so both are
//! errors the person hears about, not silent no-ops.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::widgets::announce::Announcer;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClipboardError {
    #[error("this browser offers no clipboard to this page (it needs HTTPS or localhost)")]
    Unavailable,
    #[error("the browser refused: {0}")]
    Refused(String),
}

/// The words of a rejected promise: a DOMException's or Error's message.
fn reason(error: &wasm_bindgen::JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return exception.message();
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return error.message().into();
    }
    error
        .as_string()
        .unwrap_or_else(|| "no reason given".into())
}

pub async fn copy_text(text: &str) -> Result<(), ClipboardError> {
    let navigator = window().navigator();
    // `navigator.clipboard` is undefined in insecure contexts; calling a
    // method on it would throw through the wasm.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or(ClipboardError::Unavailable)?
        .unchecked_into::<web_sys::Clipboard>();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(drop)
        .map_err(|error| ClipboardError::Refused(reason(&error)))
}

/// A button named `Copy <what>` that copies `text`.
#[component]
pub fn CopyButton(
    /// What is copied, in the button's name and the announcement, e.g.
    /// `AWS CLI command`.
    what: &'static str,
    text: String,
) -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    let text = StoredValue::new(text);
    let copy = move |_| {
        let text = text.get_value();
        leptos::task::spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => announcer.success(format!("Copied the {what} to the clipboard.")),
                Err(error) => announcer.fail_text(format!("Could not copy the {what}: {error}")),
            }
        });
    };
    view! {
        <button type="button" class="button small secondary" on:click=copy>
            {format!("Copy {what}")}
        </button>
    }
}
