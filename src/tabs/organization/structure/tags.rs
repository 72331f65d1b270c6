//! Tags of the root, an OU or an account: TagResource adds or replaces a
//! key, UntagResource removes one; the engine checks keys, values and the
//! per-resource limit.

use account_engine::OrgOperation;
use leptos::prelude::*;
use serde_json::json;

use super::panel::{Panel, Tree};
use crate::widgets::form::Field;

#[component]
pub fn TagsPanel(resource: String, label: String) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let key = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    // A refusal the engine says is about the key or the value is shown
    // at that field too (it is announced either way).
    let key_error = RwSignal::new(None::<String>);
    let value_error = RwSignal::new(None::<String>);
    let resource = StoredValue::new(resource);
    let label = StoredValue::new(label);
    let tags = Memo::new(move |_| {
        resource.with_value(|id| tree.node(id).map(|n| n.tags).unwrap_or_default())
    });
    let add = move || {
        let (k, v) = (key.get_untracked(), value.get_untracked());
        let input =
            json!({ "ResourceId": resource.get_value(), "Tags": [{ "Key": k, "Value": v }] });
        let result = tree.call(OrgOperation::TagResource, input);
        let at = |member: &str| {
            result
                .as_ref()
                .err()
                .filter(|f| f.field.as_deref() == Some(member))
                .map(ToString::to_string)
        };
        key_error.set(at("Key"));
        value_error.set(at("Value"));
        if result.is_ok() {
            key.set(String::new());
            value.set(String::new());
            tree.announcer
                .success(format!("Tag {k} added to {}.", label.get_value()));
        }
    };
    let remove = move |k: String| {
        let input = json!({ "ResourceId": resource.get_value(), "TagKeys": [k] });
        if tree.call(OrgOperation::UntagResource, input).is_ok() {
            tree.announcer
                .success(format!("Tag {k} removed from {}.", label.get_value()));
        }
    };
    view! {
        <Panel title=format!("Tags of {}", label.get_value())>
            <Show when=move || !tags.with(Vec::is_empty) fallback=|| view! { <p class="hint">"No tags"</p> }>
                <div class="table-wrap">
                    <table>
                        <caption class="visually-hidden">{format!("Tags of {}", label.get_value())}</caption>
                        <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th><th scope="col" class="row-actions">"Actions"</th></tr></thead>
                        <tbody>
                            {move || tags.get().into_iter().map(|(k, v)| {
                                let name = format!("Remove tag {k}");
                                let shown = k.clone();
                                view! {
                                    <tr>
                                        <td class="mono">{shown}</td>
                                        <td>{v}</td>
                                        <td class="row-actions">
                                            <button type="button" class="button small danger-outline" aria-label=name
                                                on:click=move |_| remove(k.clone())>"Remove"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); add(); }>
                <Field label="Tag key" id="tag-key" value=key error=key_error />
                <Field label="Tag value" id="tag-value" value=value error=value_error />
                <button type="submit" class="button primary align-end">"Add tag"</button>
            </form>
        </Panel>
    }
}
