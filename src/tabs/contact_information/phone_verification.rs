//! Phone verification on the Contact information tab: the status of the
//! number on file, and while it is not VERIFIED, sending a code
//! (SendPhoneNumberVerification; the sandbox keeps the text message in its
//! Inbox) and verifying it (VerifyPhoneNumber), in the target context like
//! the contact form.

use std::collections::BTreeMap;

use account_engine::model::PhoneNumberVerificationStatus;
use account_engine::{ApiError, Operation};
use leptos::prelude::*;
use serde_json::json;

use crate::client::Sandbox;
use crate::widgets::announce::Announcer;
use crate::widgets::form::{show_field_errors, FieldErrors, TextField};

/// The code's wire member, which the engine's field errors name.
const CODE: &str = "Otp";

/// Where a code was last sent, as (caller, target): the code input stays
/// while the person reads the code on the Inbox tab and comes back. It
/// lives above the tabs, like the console transcript.
#[derive(Clone, Copy)]
pub struct CodeSent(RwSignal<Option<(String, Option<String>)>>);

impl CodeSent {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }
}

impl Default for CodeSent {
    fn default() -> Self {
        Self::new()
    }
}

/// Puts a refused verification at the code input: the code is all the
/// form sends, so every refusal (a wrong code, a number changed since the
/// code was sent) is about it.
fn show_refusal(errors: FieldErrors, error: &ApiError) {
    if !show_field_errors(errors, error) {
        errors.set(BTreeMap::from([(CODE.to_owned(), error.to_string())]));
    }
}

#[component]
pub fn PhoneVerification(
    /// VerificationStatus as GetContactInformation reports it.
    #[prop(into)]
    status: Signal<PhoneNumberVerificationStatus>,
) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let code_sent = expect_context::<CodeSent>();
    let here = move || (sandbox.caller(), sandbox.target());
    let sent = move || code_sent.0.with(|at| at.as_ref() == Some(&here()));
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(BTreeMap::new());

    let send = move |_| match sandbox.run(Operation::SendPhoneNumberVerification, json!({})) {
        Ok(()) => {
            code.set(String::new());
            errors.set(BTreeMap::new());
            code_sent.0.set(Some(untrack(here)));
            announcer.success(
                "Verification code sent to the phone number on file. The sandbox keeps the text message in the Inbox tab.",
            );
        }
        Err(error) => announcer.failure(&error),
    };

    let verify = move || match sandbox.run(
        Operation::VerifyPhoneNumber,
        json!({ CODE: code.get_untracked() }),
    ) {
        Ok(()) => {
            errors.set(BTreeMap::new());
            code_sent.0.set(None);
            announcer.success("Phone number verified.");
        }
        Err(error) => {
            show_refusal(errors, &error);
            announcer.failure(&error);
        }
    };

    let verified = move || status.get() == PhoneNumberVerificationStatus::Verified;
    view! {
        <section class="card" aria-labelledby="phone-verification-heading">
            <div class="card-header">
                <h2 id="phone-verification-heading">"Phone verification"</h2>
                <span class=move || if verified() { "status status-enabled" } else { "status status-disabled" }>
                    {move || status.get().as_str()}
                </span>
            </div>
            <Show when=move || !verified()>
                <p class="hint">"A code is texted to the phone number above; enter it to verify the number."</p>
                <div class="toolbar">
                    <button type="button" class="button secondary" on:click=send>"Verify phone number"</button>
                </div>
                <Show when=sent>
                    <form class="toolbar" novalidate on:submit=move |ev| {
                        ev.prevent_default();
                        verify();
                    }>
                        <TextField label="Verification code" name=CODE value=code errors required=true autocomplete="one-time-code" />
                        <button type="submit" class="button primary align-end">"Verify"</button>
                    </form>
                </Show>
            </Show>
        </section>
    }
}
