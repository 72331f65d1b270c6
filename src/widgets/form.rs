//! Labelled form controls whose engine errors are shown beside them,
//! linked with `aria-describedby` and flagged with `aria-invalid`. A
//! field's refusal is about the value that was sent, so it goes as soon as
//! that field is edited; the others' stay until the next call answers.

use std::collections::BTreeMap;

use account_engine::ApiError;
use leptos::prelude::*;

/// Field errors by wire member name, as the engine's `fieldList` names them.
pub type FieldErrors = RwSignal<BTreeMap<String, String>>;

/// Splits an API error into per-field messages; false when the error is
/// not about fields, so the caller announces it on its own.
pub fn show_field_errors(errors: FieldErrors, error: &ApiError) -> bool {
    let ApiError::Validation { field_list, .. } = error else {
        errors.set(BTreeMap::new());
        return false;
    };
    let mut by_field = BTreeMap::new();
    for field in field_list {
        by_field
            .entry(field.name.clone())
            .or_insert_with(|| field.message.clone());
    }
    let any = !by_field.is_empty();
    errors.set(by_field);
    any
}

#[component]
pub fn TextField(
    /// The visible label, which is also the input's accessible name.
    label: &'static str,
    /// The wire member name; field errors are keyed by it.
    name: &'static str,
    value: RwSignal<String>,
    errors: FieldErrors,
    /// Shows a required marker (validation itself is the engine's).
    #[prop(optional)]
    required: bool,
    /// The input's `type`, `text` by default.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// Id of a datalist offering values.
    #[prop(optional_no_strip)]
    list: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let error = move || errors.with(|e| e.get(name).cloned());
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <div class="label-row">
                <label for=id.clone()>{label}</label>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            <input
                id=id
                type=kind.unwrap_or("text")
                list=list
                autocomplete=autocomplete.unwrap_or("off")
                aria-required=required.then_some("true")
                aria-invalid=move || error().map(|_| "true")
                aria-describedby=move || error().map(|_| described.clone())
                prop:value=move || value.get()
                on:input=move |ev| {
                    if errors.with_untracked(|e| e.contains_key(name)) {
                        errors.update(|e| {
                            e.remove(name);
                        });
                    }
                    value.set(event_target_value(&ev));
                }
            />
            {move || error().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}

/// A labelled text input, or a textarea for a document, with a refusal of
/// its own (one message, not the engine's field list: the Organizations
/// and IAM protocols name no fields), shown under it until it is edited.
#[component]
pub fn Field(
    label: &'static str,
    /// The control's id; unique in the page.
    id: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<RwSignal<Option<String>>>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| RwSignal::new(None));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let invalid = move || error.with(Option::is_some).then_some("true");
    let describedby = move || error.with(Option::is_some).then(|| described.clone());
    let edit = move |ev: leptos::ev::Event| {
        if error.with_untracked(Option::is_some) {
            error.set(None);
        }
        value.set(event_target_value(&ev));
    };
    let control = if multiline {
        view! {
            <textarea id=id class="mono pattern" rows="8" spellcheck="false"
                aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get() on:input=edit></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" autocomplete="off"
                aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get() on:input=edit />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {control}
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
