//! Changing a member account's primary email, from the Organization tab:
//! StartPrimaryEmailUpdate mails a one-time password to the new address
//! (the sandbox keeps the mail in its Inbox), AcceptPrimaryEmailUpdate
//! takes it, and the update completes by the clock. Every call names the
//! member and is made as the `Acting as` caller, so the engine decides who
//! may.

use std::collections::BTreeMap;

use account_engine::{ApiError, Operation};
use leptos::html;
use leptos::prelude::*;
use serde_json::{json, Value};

use crate::client::Sandbox;
use crate::widgets::announce::Announcer;
use crate::widgets::focus::focus_id;
use crate::widgets::form::{show_field_errors, TextField};

/// The open change: which member, the address typed so far, and whether
/// focus should move into the panel. It lives above the tabs, like the
/// console transcript, so a visit to the Inbox tab for the one-time
/// password loses nothing.
#[derive(Clone, Copy)]
pub struct EmailChange {
    account: RwSignal<Option<String>>,
    email: RwSignal<String>,
    focus: StoredValue<bool>,
}

impl EmailChange {
    pub fn new() -> Self {
        Self {
            account: RwSignal::new(None),
            email: RwSignal::new(String::new()),
            focus: StoredValue::new(false),
        }
    }

    fn open(&self, account: String) {
        if self.account.get_untracked().as_deref() != Some(account.as_str()) {
            self.email.set(String::new());
        }
        self.focus.set_value(true);
        self.account.set(Some(account));
    }
}

impl Default for EmailChange {
    fn default() -> Self {
        Self::new()
    }
}

/// The id of the button that opens the panel for `account`, where focus
/// goes back when the panel closes.
fn opener_id(account: &str) -> String {
    format!("change-primary-email-{account}")
}

/// A button of the member table that opens the panel for its account.
#[component]
pub fn ChangePrimaryEmailButton(account: String) -> impl IntoView {
    let change = expect_context::<EmailChange>();
    let label = format!("Change primary email of {account}");
    view! {
        <button type="button" class="button small secondary" id=opener_id(&account)
            aria-label=label
            on:click=move |_| change.open(account.clone())>
            "Change primary email"
        </button>
    }
}

/// The panel of the open change, if any.
#[component]
pub fn PrimaryEmailChange() -> impl IntoView {
    let change = expect_context::<EmailChange>();
    move || {
        change
            .account
            .get()
            .map(|account| view! { <PrimaryEmailPanel account change /> })
    }
}

/// A read for display that the engine refused, in the API's words: an
/// AccessDenied is worth seeing before typing anything.
fn refusal(error: &ApiError) -> String {
    format!("{}: {error}", error.code())
}

fn text(output: &Value, member: &str) -> String {
    output[member].as_str().unwrap_or_default().to_owned()
}

#[component]
fn PrimaryEmailPanel(account: String, change: EmailChange) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let account = StoredValue::new(account);
    let email = change.email;
    let otp = RwSignal::new(String::new());
    let errors = RwSignal::new(BTreeMap::new());
    let heading = NodeRef::<html::H3>::new();
    // Only when a button opened it: coming back to the tab leaves focus on
    // the tab.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            if change.focus.get_value() {
                change.focus.set_value(false);
                let _ = heading.focus();
            }
        }
    });

    let read = move |operation: Operation| {
        sandbox.track();
        sandbox.query::<Value>(operation, json!({ "AccountId": account.get_value() }))
    };
    let current = Memo::new(move |_| match read(Operation::GetPrimaryEmail) {
        Ok(output) => text(&output, "PrimaryEmail"),
        Err(error) => refusal(&error),
    });
    let status = Memo::new(
        move |_| match read(Operation::GetPrimaryEmailUpdateStatus) {
            Ok(output) => text(&output, "Status"),
            // The service's answer for an account that never started one.
            Err(ApiError::Validation { .. }) => "None started".to_owned(),
            Err(error) => refusal(&error),
        },
    );

    let call = move |operation: Operation, input: Value| {
        let result = sandbox.run(operation, input);
        match &result {
            Ok(()) => errors.set(BTreeMap::new()),
            Err(error) => {
                show_field_errors(errors, error);
                announcer.failure(error);
            }
        }
        result.is_ok()
    };
    let send = move || {
        let to = email.get_untracked();
        let input = json!({ "AccountId": account.get_value(), "PrimaryEmail": to });
        if call(Operation::StartPrimaryEmailUpdate, input) {
            otp.set(String::new());
            announcer.success(format!(
                "One-time password sent to {to}. The sandbox keeps the mail in the Inbox tab."
            ));
        }
    };
    let accept = move || {
        let id = account.get_value();
        let input = json!({
            "AccountId": id,
            "PrimaryEmail": email.get_untracked(),
            "Otp": otp.get_untracked(),
        });
        if call(Operation::AcceptPrimaryEmailUpdate, input) {
            announcer.success(format!(
                "Primary email update of {id} accepted; it completes by itself."
            ));
        }
    };
    let close = move |_| {
        // Read before closing: closing disposes this panel's values.
        let opener = opener_id(&account.get_value());
        change.account.set(None);
        // The opener is gone if its row scrolled out of the rendered window.
        focus_id(&opener);
    };

    view! {
        <section class="card inset" aria-labelledby="primary-email-heading">
            <div class="card-header">
                <h3 id="primary-email-heading" tabindex="-1" node_ref=heading>
                    {format!("Primary email of {}", account.get_value())}
                </h3>
                <button type="button" class="button small secondary" on:click=close>"Close"</button>
            </div>
            <dl class="details">
                <div class="kv"><dt>"Primary email"</dt><dd>{move || current.get()}</dd></div>
                <div class="kv"><dt>"Update status"</dt><dd aria-live="polite">{move || status.get()}</dd></div>
            </dl>
            <form class="toolbar" novalidate on:submit=move |ev| {
                ev.prevent_default();
                send();
            }>
                <TextField label="New primary email" name="PrimaryEmail" value=email errors required=true kind="email" />
                <button type="submit" class="button secondary align-end">"Send code"</button>
            </form>
            <Show when=move || status.get() == "PENDING">
                <form class="toolbar" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    accept();
                }>
                    <TextField label="One-time password" name="Otp" value=otp errors required=true autocomplete="one-time-code" />
                    <button type="submit" class="button primary align-end">"Accept update"</button>
                </form>
            </Show>
        </section>
    }
}
