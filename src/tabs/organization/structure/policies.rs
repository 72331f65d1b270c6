//! Service control policies: enabling the type on the root (which attaches
//! `p-FullAWSAccess` everywhere), the organization's policies, the form
//! that creates or edits one (the engine validates the document on save),
//! and attaching and detaching them per root, OU or account.

use account_engine::OrgOperation;
use leptos::html;
use leptos::prelude::*;
use serde_json::json;

use super::panel::{chosen, Choice, Deletion, Editor, Panel, Tree};
use crate::client::Failure;
use crate::widgets::form::Field;

const SERVICE_CONTROL_POLICY: &str = "SERVICE_CONTROL_POLICY";

/// A starting point that already parses, so the first save shows what an
/// SCP looks like rather than an error.
const EXAMPLE_DOCUMENT: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": "account:PutAlternateContact",
      "Resource": "*"
    }
  ]
}"#;

/// Which field a CreatePolicy or UpdatePolicy refusal is about, if one.
fn field_of(failure: &Failure) -> Option<PolicyField> {
    match failure.code.as_str() {
        "MalformedPolicyDocumentException" | "ConstraintViolationException" => {
            Some(PolicyField::Document)
        }
        "DuplicatePolicyException" => Some(PolicyField::Name),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PolicyField {
    Name,
    Document,
}

#[component]
pub fn PoliciesSection() -> impl IntoView {
    let tree = expect_context::<Tree>();
    let enabled = Memo::new(move |_| tree.structure.with(|s| s.scp_enabled));
    let toggle = move |_| {
        let root = tree.structure.with_untracked(|s| s.root.id.clone());
        let input = json!({ "RootId": root, "PolicyType": SERVICE_CONTROL_POLICY });
        let (operation, done) = if enabled.get_untracked() {
            (
                OrgOperation::DisablePolicyType,
                "Service control policies disabled; every SCP was detached.",
            )
        } else {
            (
                OrgOperation::EnablePolicyType,
                "Service control policies enabled; FullAWSAccess is attached to the root, every OU and every account.",
            )
        };
        if tree.call(operation, input).is_ok() {
            tree.announcer.success(done);
        }
    };
    let policies = Memo::new(move |_| tree.structure.with(|s| s.policies.clone()));
    let form = move || {
        tree.editor.get().and_then(|editor| match editor {
            Editor::CreatePolicy => Some(view! { <PolicyForm policy=None /> }.into_any()),
            Editor::EditPolicy(id) => Some(view! { <PolicyForm policy=Some(id) /> }.into_any()),
            _ => None,
        })
    };
    view! {
        <section class="card" id="service-control-policies" aria-labelledby="scp-heading">
            <div class="card-header">
                <h2 id="scp-heading">"Service control policies"</h2>
                <button type="button" class="button secondary" id=Editor::CreatePolicy.opener()
                    on:click=move |_| tree.edit(Editor::CreatePolicy)>"Create policy"</button>
            </div>
            <p>
                <span class=move || if enabled.get() { "status status-enabled" } else { "status status-disabled" }>
                    {move || if enabled.get() { "ENABLED" } else { "DISABLED" }}
                </span>
                " "
                <button type="button" class="button small" class:primary=move || !enabled.get()
                    class:secondary=enabled on:click=toggle>
                    {move || if enabled.get() { "Disable service control policies" } else { "Enable service control policies" }}
                </button>
            </p>
            {form}
            <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">"Policies"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Policy ID"</th>
                            <th scope="col">"Description"</th>
                            <th scope="col">"Targets"</th>
                            <th scope="col" class="row-actions">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || policies.get().into_iter().map(|p| {
                            let actions = (!p.aws_managed).then(|| {
                                let (id, name) = (p.id.clone(), p.name.clone());
                                let edit = Editor::EditPolicy(id.clone());
                                view! {
                                    <button type="button" class="button small secondary" id=edit.opener()
                                        aria-label=format!("Edit policy {name}")
                                        on:click=move |_| tree.edit(edit.clone())>"Edit"</button>
                                    <button type="button" class="button small danger-outline"
                                        aria-label=format!("Delete policy {name}")
                                        on:click=move |_| tree.deletion.set(Some(Deletion::Policy { id: id.clone(), name: name.clone() }))>
                                        "Delete"
                                    </button>
                                }
                            });
                            view! {
                                <tr>
                                    <td>{p.name}{p.aws_managed.then_some(" (AWS managed)")}</td>
                                    <td class="mono">{p.id}</td>
                                    <td>{p.description}</td>
                                    <td>{p.targets}</td>
                                    <td class="row-actions">{actions}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// CreatePolicy (`policy` is `None`) or UpdatePolicy of a customer policy.
#[component]
fn PolicyForm(policy: Option<String>) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let stored = policy.as_ref().and_then(|id| {
        let caller = tree.sandbox.caller();
        tree.sandbox.with_state(|s| {
            s.organization_of(&caller)
                .and_then(|o| o.policies.get(id))
                .cloned()
        })
    });
    let name = RwSignal::new(stored.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let description = RwSignal::new(
        stored
            .as_ref()
            .map(|p| p.description.clone())
            .unwrap_or_default(),
    );
    let document = RwSignal::new(
        stored
            .as_ref()
            .map_or(EXAMPLE_DOCUMENT.to_owned(), |p| p.content.clone()),
    );
    let name_error = RwSignal::new(None::<String>);
    let document_error = RwSignal::new(None::<String>);
    let title = match &stored {
        Some(p) => format!("Edit policy {}", p.name),
        None => "Create policy".to_owned(),
    };
    let policy = StoredValue::new(policy);
    let save = move || {
        let (operation, mut input) = match policy.get_value() {
            Some(id) => (OrgOperation::UpdatePolicy, json!({ "PolicyId": id })),
            None => (
                OrgOperation::CreatePolicy,
                json!({ "Type": SERVICE_CONTROL_POLICY }),
            ),
        };
        input["Name"] = name.get_untracked().into();
        input["Description"] = description.get_untracked().into();
        input["Content"] = document.get_untracked().into();
        match tree.call(operation, input) {
            Ok(out) => {
                let summary = &out["Policy"]["PolicySummary"];
                let (saved, id) = (
                    summary["Name"].as_str().unwrap_or_default(),
                    summary["Id"].as_str().unwrap_or_default(),
                );
                let verb = if operation == OrgOperation::CreatePolicy {
                    "created"
                } else {
                    "saved"
                };
                tree.announcer
                    .success(format!("Policy {saved} ({id}) {verb}."));
                tree.close();
            }
            Err(failure) => {
                let field = field_of(&failure);
                let at = |f| (field == Some(f)).then(|| failure.to_string());
                name_error.set(at(PolicyField::Name));
                document_error.set(at(PolicyField::Document));
            }
        }
    };
    view! {
        <Panel title>
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <div class="form-grid">
                    <Field label="Policy name" id="policy-name" value=name error=name_error />
                    <Field label="Description" id="policy-description" value=description />
                </div>
                <Field label="Policy document" id="policy-document" value=document error=document_error multiline=true />
                <div class="actions">
                    <button type="submit" class="button primary">"Save policy"</button>
                </div>
            </form>
        </Panel>
    }
}

/// DeletePolicy, once the person confirmed; the service refuses a policy
/// that is still attached somewhere.
pub fn delete_policy(tree: Tree, id: &str, name: &str) {
    if tree
        .call(OrgOperation::DeletePolicy, json!({ "PolicyId": id }))
        .is_ok()
    {
        tree.announcer.success(format!("Policy {name} deleted."));
    }
}

/// The SCPs attached to one root, OU or account, with Detach for each and
/// Attach for the others.
#[component]
pub fn NodePoliciesPanel(target: String, label: String) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let target = StoredValue::new(target);
    let label = StoredValue::new(label);
    let attached = Memo::new(move |_| {
        target.with_value(|id| tree.node(id).map(|n| n.policies).unwrap_or_default())
    });
    let others = Signal::derive(move || {
        attached.with(|attached| {
            tree.structure.with(|s| {
                s.policies
                    .iter()
                    .filter(|p| !attached.iter().any(|(id, _)| *id == p.id))
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let enabled = move || tree.structure.with(|s| s.scp_enabled);
    let choice = NodeRef::<html::Select>::new();
    let attach = move || {
        let policy = chosen(choice);
        let name = others.with_untracked(|o| {
            o.iter()
                .find(|(id, _)| *id == policy)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        });
        let input = json!({ "PolicyId": policy, "TargetId": target.get_value() });
        if tree.call(OrgOperation::AttachPolicy, input).is_ok() {
            tree.announcer
                .success(format!("{name} attached to {}.", label.get_value()));
        }
    };
    let detach = move |policy: String, name: String| {
        let input = json!({ "PolicyId": policy, "TargetId": target.get_value() });
        if tree.call(OrgOperation::DetachPolicy, input).is_ok() {
            tree.announcer
                .success(format!("{name} detached from {}.", label.get_value()));
        }
    };
    view! {
        <Panel title=format!("Policies of {}", label.get_value())>
            <Show when=enabled fallback=|| view! {
                <p class="hint">"Service control policies are not enabled in this organization, so the service refuses to attach them."</p>
            }>
                <Show when=move || !attached.with(Vec::is_empty) fallback=|| view! { <p class="hint">"No policies attached"</p> }>
                    <ul class="attached">
                        {move || attached.get().into_iter().map(|(id, name)| {
                            let button = format!("Detach {name} from {}", label.get_value());
                            let shown = name.clone();
                            view! {
                                <li>
                                    <span>{shown}</span>
                                    " "
                                    <button type="button" class="button small danger-outline" aria-label=button
                                        on:click=move |_| detach(id.clone(), name.clone())>"Detach"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
            </Show>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); attach(); }>
                <Choice label="Policy" id="attach-policy" node=choice options=others />
                <button type="submit" class="button primary align-end" disabled=move || others.with(Vec::is_empty)>"Attach"</button>
            </form>
        </Panel>
    }
}
