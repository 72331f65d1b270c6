//! Labelled form controls whose engine errors are shown beside them,
//! linked with `aria-describedby` and flagged with `aria-invalid`.

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
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
