//! Organizational units: creating one under the root or an OU, renaming,
//! deleting (after a confirmation), and moving an account between them.
//! Every change is the Organizations API call a script would make, so the
//! engine's rules and refusals are the ones people meet.

use account_engine::OrgOperation;
use leptos::html;
use leptos::prelude::*;
use serde_json::json;

use super::panel::{chosen, Choice, Panel, Tree};
use crate::client::Failure;
use crate::widgets::form::Field;

/// A refusal that is about the name typed (taken, or one the engine says
/// is about `Name`, such as too long): shown at the field as well.
fn name_error(failure: &Failure) -> Option<String> {
    (failure.code == "DuplicateOrganizationalUnitException"
        || failure.field.as_deref() == Some("Name"))
    .then(|| failure.to_string())
}

#[component]
pub fn CreateUnitPanel() -> impl IntoView {
    let tree = expect_context::<Tree>();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let parent = NodeRef::<html::Select>::new();
    let options = Signal::derive(move || tree.structure.with(|s| s.containers()));
    let create = move || {
        let parent_id = chosen(parent);
        let input = json!({ "ParentId": parent_id, "Name": name.get_untracked() });
        match tree.call(OrgOperation::CreateOrganizationalUnit, input) {
            Ok(out) => {
                let unit = &out["OrganizationalUnit"];
                tree.announcer.success(format!(
                    "Organizational unit {} ({}) created.",
                    unit["Name"].as_str().unwrap_or_default(),
                    unit["Id"].as_str().unwrap_or_default()
                ));
                tree.reveal(tree.structure.with_untracked(|s| s.chain(&parent_id)));
                tree.close();
            }
            Err(failure) => error.set(name_error(&failure)),
        }
    };
    view! {
        <Panel title="Create organizational unit".to_owned()>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); create(); }>
                <Field label="Name" id="create-unit-name" value=name error=error />
                <Choice label="Parent" id="create-unit-parent" node=parent options />
                <button type="submit" class="button primary align-end">"Create"</button>
            </form>
        </Panel>
    }
}

#[component]
pub fn RenamePanel(unit: String, current: String) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let name = RwSignal::new(current.clone());
    let error = RwSignal::new(None::<String>);
    let unit = StoredValue::new(unit);
    let title = format!("Rename {current}");
    let rename = move || {
        let input =
            json!({ "OrganizationalUnitId": unit.get_value(), "Name": name.get_untracked() });
        match tree.call(OrgOperation::UpdateOrganizationalUnit, input) {
            Ok(out) => {
                let renamed = out["OrganizationalUnit"]["Name"]
                    .as_str()
                    .unwrap_or_default();
                tree.announcer
                    .success(format!("{current} renamed to {renamed}."));
                tree.close();
            }
            Err(failure) => error.set(name_error(&failure)),
        }
    };
    view! {
        <Panel title>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); rename(); }>
                <Field label="Name" id="rename-unit-name" value=name error=error />
                <button type="submit" class="button primary align-end">"Save"</button>
            </form>
        </Panel>
    }
}

/// DeleteOrganizationalUnit, once the person confirmed; the service
/// refuses an OU that still holds accounts or OUs.
pub fn delete_unit(tree: Tree, id: &str, name: &str) {
    if tree
        .call(
            OrgOperation::DeleteOrganizationalUnit,
            json!({ "OrganizationalUnitId": id }),
        )
        .is_ok()
    {
        tree.announcer
            .success(format!("Organizational unit {name} deleted."));
    }
}

#[component]
pub fn MovePanel(account: String) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let destination = NodeRef::<html::Select>::new();
    let account = StoredValue::new(account);
    let here = Memo::new(move |_| {
        tree.structure.with(|s| {
            account.with_value(|id| {
                s.account(id)
                    .map(|a| s.parent_id(a).to_owned())
                    .unwrap_or_default()
            })
        })
    });
    let places = Memo::new(move |_| tree.structure.with(|s| s.containers()));
    let path = move || {
        places.with(|p| {
            p.iter()
                .find(|(id, _)| *id == here.get())
                .map(|(_, path)| path.clone())
                .unwrap_or_default()
        })
    };
    // Where it is now stays an option: the service's refusal of a move to
    // the same place is worth seeing too.
    let selected = places.with_untracked(|p| {
        p.iter()
            .map(|(id, _)| id.clone())
            .find(|id| *id != here.get_untracked())
    });
    let go = move || {
        let to = chosen(destination);
        let input = json!({
            "AccountId": account.get_value(),
            "SourceParentId": here.get_untracked(),
            "DestinationParentId": to,
        });
        if tree.call(OrgOperation::MoveAccount, input).is_ok() {
            let to_path = places.with_untracked(|p| {
                p.iter()
                    .find(|(id, _)| *id == to)
                    .map(|(_, path)| path.clone())
                    .unwrap_or_default()
            });
            tree.announcer
                .success(format!("{} moved to {to_path}.", account.get_value()));
            tree.reveal(tree.structure.with_untracked(|s| s.chain(&to)));
            tree.close();
        }
    };
    view! {
        <Panel title=format!("Move {}", account.get_value())>
            <p class="hint">"Now in " <span class="mono">{path}</span></p>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); go(); }>
                <Choice label="Destination" id="move-destination" node=destination options=places selected />
                <button type="submit" class="button primary align-end">"Move"</button>
            </form>
        </Panel>
    }
}
