//! The Contact information tab: empty state, view, the Create/Edit form,
//! and phone verification of the number on file.

use std::collections::BTreeMap;

use account_engine::model::output::GetContactInformation;
use account_engine::model::{ContactInformation, PhoneNumberVerificationStatus};
use account_engine::{ApiError, Operation};
use leptos::prelude::*;
use serde_json::{json, Map, Value};

use crate::client::Sandbox;
use crate::frame::accounts::AccountPicker;
use crate::widgets::announce::Announcer;
use crate::widgets::form::{show_field_errors, TextField};
use crate::widgets::suggestions::Suggestions;

pub mod countries;
pub mod phone_verification;
use countries::COUNTRIES;
use phone_verification::PhoneVerification;

/// A field of the form: label (the UI contract's name), wire member name,
/// and whether the model requires it.
struct Field {
    label: &'static str,
    name: &'static str,
    required: bool,
}

const FIELDS: [Field; 12] = [
    Field {
        label: "Full name",
        name: "FullName",
        required: true,
    },
    Field {
        label: "Company name",
        name: "CompanyName",
        required: false,
    },
    Field {
        label: "Address line 1",
        name: "AddressLine1",
        required: true,
    },
    Field {
        label: "Address line 2",
        name: "AddressLine2",
        required: false,
    },
    Field {
        label: "Address line 3",
        name: "AddressLine3",
        required: false,
    },
    Field {
        label: "City",
        name: "City",
        required: true,
    },
    Field {
        label: "State or region",
        name: "StateOrRegion",
        required: false,
    },
    Field {
        label: "District or county",
        name: "DistrictOrCounty",
        required: false,
    },
    Field {
        label: "Postal code",
        name: "PostalCode",
        required: true,
    },
    Field {
        label: "Country code",
        name: "CountryCode",
        required: true,
    },
    Field {
        label: "Phone number",
        name: "PhoneNumber",
        required: true,
    },
    Field {
        label: "Website URL",
        name: "WebsiteUrl",
        required: false,
    },
];

/// The stored contact information as wire member name → value.
fn by_member(info: &ContactInformation) -> BTreeMap<String, String> {
    match serde_json::to_value(info) {
        Ok(Value::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// The Put body: required members always (so the engine names what is
/// missing), optional ones only when filled in.
fn put_body(values: &[RwSignal<String>]) -> Value {
    let mut info = Map::new();
    for (field, value) in FIELDS.iter().zip(values) {
        let value = value.get_untracked();
        if field.required || !value.trim().is_empty() {
            info.insert(field.name.into(), value.into());
        }
    }
    json!({ "ContactInformation": info })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    View,
    Create,
    Edit,
}

#[component]
pub fn ContactInformationTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let mode = RwSignal::new(Mode::View);
    let values: Vec<RwSignal<String>> = FIELDS
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let values = StoredValue::new(values);
    let errors = RwSignal::new(BTreeMap::new());

    let current = Memo::new(move |_| {
        sandbox.track();
        sandbox.query::<GetContactInformation>(Operation::GetContactInformation, json!({}))
    });
    let verification = Memo::new(move |_| current.get().ok().and_then(|o| o.verification_status));
    let has_contact = Memo::new(move |_| verification.with(Option::is_some));
    // Only read while `has_contact`, when the engine always reports one.
    let status = Signal::derive(move || {
        verification
            .get()
            .unwrap_or(PhoneNumberVerificationStatus::Unverified)
    });

    let open_form = move |next: Mode| {
        let stored = current
            .get_untracked()
            .map(|o| by_member(&o.contact_information))
            .unwrap_or_default();
        values.with_value(|values| {
            for (field, value) in FIELDS.iter().zip(values) {
                value.set(stored.get(field.name).cloned().unwrap_or_default());
            }
        });
        errors.set(BTreeMap::new());
        announcer.clear();
        mode.set(next);
    };

    let save = move || {
        let body = values.with_value(|v| put_body(v));
        match sandbox.run(Operation::PutContactInformation, body) {
            Ok(()) => {
                errors.set(BTreeMap::new());
                mode.set(Mode::View);
                announcer.success("Contact information saved.");
            }
            Err(error) => {
                show_field_errors(errors, &error);
                announcer.failure(&error);
            }
        }
    };

    let view_mode = move || {
        match current.get() {
            Ok(output) => {
                let stored = by_member(&output.contact_information);
                let rows = FIELDS
                    .iter()
                    .filter_map(|f| stored.get(f.name).map(|v| (f.label, v.clone())))
                    .map(|(label, value)| view! { <div class="kv"><dt>{label}</dt><dd>{value}</dd></div> })
                    .collect_view();
                view! {
                    <div class="card">
                        <div class="card-header">
                            <h2>"Contact information"</h2>
                            <button type="button" class="button secondary" on:click=move |_| open_form(Mode::Edit)>
                                "Edit"
                            </button>
                        </div>
                        <dl class="details">{rows}</dl>
                    </div>
                }
                .into_any()
            }
            Err(ApiError::ResourceNotFound(_)) => view! {
                <div class="card empty-state">
                    <h2>"Contact information"</h2>
                    <p>"No contact information"</p>
                    <p class="hint">"The primary contact of the account: who AWS writes to and where the account is based."</p>
                    <button type="button" class="button primary" on:click=move |_| open_form(Mode::Create)>
                        "Create"
                    </button>
                </div>
            }
            .into_any(),
            Err(error) => view! {
                <div class="card"><p role="alert">{format!("{}: {error}", error.code())}</p></div>
            }
            .into_any(),
        }
    };

    let form = move || {
        let heading = if mode.get() == Mode::Create {
            "Create contact information"
        } else {
            "Edit contact information"
        };
        // Country codes are offered once a field of the form has focus.
        let countries = Suggestions::default();
        let fields = values.with_value(|values| {
            FIELDS
                .iter()
                .zip(values.iter().copied())
                .map(|(f, value)| {
                    let list = (f.name == "CountryCode").then_some("country-codes");
                    let kind = match f.name {
                        "PhoneNumber" => "tel",
                        "WebsiteUrl" => "url",
                        _ => "text",
                    };
                    view! {
                        <TextField label=f.label name=f.name value errors required=f.required kind list />
                    }
                })
                .collect_view()
        });
        view! {
            <form
                class="card form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
                on:focusin=move |_| countries.want()
            >
                <h2>{heading}</h2>
                <div class="form-grid">{fields}</div>
                <datalist id="country-codes">
                    {move || countries.wanted().then(|| {
                        COUNTRIES.iter().map(|(code, name)| view! { <option value=*code>{*name}</option> }).collect_view()
                    })}
                </datalist>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| {
                        errors.set(BTreeMap::new());
                        mode.set(Mode::View);
                    }>
                        "Cancel"
                    </button>
                    <button type="submit" class="button primary">"Save"</button>
                </div>
            </form>
        }
    };

    view! {
        <div class="toolbar">
            <AccountPicker />
        </div>
        {move || {
            if mode.get() == Mode::View {
                view_mode().into_any()
            } else {
                form().into_any()
            }
        }}
        // Kept out of the view above, which is rebuilt on every change of the
        // contact information, so a sent code's input stays until the person
        // picks another account.
        <Show when=move || mode.get() == Mode::View && has_contact.get()>
            {move || {
                sandbox.caller();
                sandbox.target();
                view! { <PhoneVerification status /> }
            }}
        </Show>
    }
}
