//! The organization's structure on the Organization tab: the tree of the
//! root, OUs and accounts with the SCPs and tags of each, a filter over
//! it, the panels that change it, and the service control policies.
//!
//! Views read the tree the engine state gives ([`TreeModel`], kept above
//! the tabs), rebuilt once per revision from the tree before;
//! every change is an Organizations API call, logged in Activity and
//! refused with the engine's own errors.

mod model;
mod panel;
mod policies;
mod tags;
mod tree;
mod units;

use leptos::prelude::*;

use crate::widgets::deferred::Deferred;
use crate::widgets::dialog::ConfirmDialog;
use model::grouped;
pub use panel::TreeModel;
use panel::{Deletion, Editor, Tree};
use policies::{delete_policy, NodePoliciesPanel, PoliciesSection};
use tags::TagsPanel;
use tree::TreeView;
use units::{delete_unit, CreateUnitPanel, MovePanel, RenamePanel};

const DELETE_UNIT: &str = "DeleteOrganizationalUnit removes the OU. The service refuses while it still holds accounts or other OUs.";
const DELETE_POLICY: &str =
    "DeletePolicy removes the policy. The service refuses while it is attached anywhere.";

/// The open panel of the tree section, if any; one for a node that no
/// longer exists shows nothing.
fn tree_panel(tree: Tree, editor: Editor) -> Option<AnyView> {
    // Read once: the panel is built when it opens, not at every change.
    let label = |id: &str| untrack(|| tree.node(id)).map(|n| n.label);
    Some(match editor {
        Editor::CreateUnit => view! { <CreateUnitPanel /> }.into_any(),
        Editor::Rename(unit) => {
            let current = label(&unit)?;
            view! { <RenamePanel unit current /> }.into_any()
        }
        Editor::Move(account) => {
            label(&account)?;
            view! { <MovePanel account /> }.into_any()
        }
        Editor::Tags(resource) => {
            let label = label(&resource)?;
            view! { <TagsPanel resource label /> }.into_any()
        }
        Editor::Policies(target) => {
            let label = label(&target)?;
            view! { <NodePoliciesPanel target label /> }.into_any()
        }
        Editor::CreatePolicy | Editor::EditPolicy(_) => return None,
    })
}

#[component]
pub fn OrganizationStructure() -> impl IntoView {
    let tree = Tree::provide();
    let shown = move || {
        tree.filtered.with(|f| {
            f.active.then(|| {
                let total = tree.structure.with(|s| s.accounts.len());
                format!("{} of {} accounts match", grouped(f.total), grouped(total))
            })
        })
    };
    // Keyed by what is open, so typing in a panel's fields does not
    // rebuild it.
    let editor = Memo::new(move |_| tree.editor.get());
    let panel = move || editor.get().and_then(|e| tree_panel(tree, e));

    let deletion = tree.deletion;
    let confirm_title = Signal::derive(move || match deletion.get() {
        Some(Deletion::Unit { name, .. }) => format!("Delete {name}?"),
        Some(Deletion::Policy { name, .. }) => format!("Delete policy {name}?"),
        None => String::new(),
    });
    let confirm_message = Signal::derive(move || {
        match deletion.get() {
            Some(Deletion::Unit { .. }) => DELETE_UNIT,
            Some(Deletion::Policy { .. }) => DELETE_POLICY,
            None => "",
        }
        .to_owned()
    });
    let confirm = Callback::new(move |()| {
        let Some(pending) = deletion.get_untracked() else {
            return;
        };
        deletion.set(None);
        match pending {
            Deletion::Unit { id, name } => delete_unit(tree, &id, &name),
            Deletion::Policy { id, name } => delete_policy(tree, &id, &name),
        }
    });

    view! {
        <section class="card" id="organization-structure" aria-labelledby="structure-heading">
            <div class="card-header">
                <h2 id="structure-heading">"Organization structure"</h2>
                <button type="button" class="button secondary" id=Editor::CreateUnit.opener()
                    on:click=move |_| tree.edit(Editor::CreateUnit)>"Create organizational unit"</button>
            </div>
            <div class="toolbar">
                <div class="field inline grow">
                    <label for="filter-accounts">"Filter accounts"</label>
                    <input id="filter-accounts" type="search" placeholder="Account ID, name, email or OU"
                        prop:value=move || tree.search.get()
                        on:input=move |ev| tree.set_search(event_target_value(&ev)) />
                </div>
                <p class="meta" aria-live="polite">{shown}</p>
            </div>
            {panel}
            <TreeView />
        </section>
        <Deferred>
            <PoliciesSection />
        </Deferred>
        <ConfirmDialog
            open=Signal::derive(move || deletion.with(Option::is_some))
            title=confirm_title
            message=confirm_message
            confirm="Delete"
            on_confirm=confirm
            on_cancel=Callback::new(move |()| deletion.set(None))
            danger=true
        />
    }
}
