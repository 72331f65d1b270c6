//! The Alternate contacts tab: a filterable table of the three contact
//! types, with Create, Edit (replace-confirmed) and Delete (confirmed).

use std::collections::BTreeMap;

use account_engine::model::output::GetAlternateContact;
use account_engine::model::{AlternateContact, AlternateContactType};
use account_engine::Operation;
use leptos::prelude::*;
use serde_json::json;

use crate::client::Sandbox;
use crate::frame::accounts::AccountPicker;
use crate::frame::nav::Nav;
use crate::widgets::announce::Announcer;
use crate::widgets::dialog::ConfirmDialog;
use crate::widgets::filters::contact_matches;
use crate::widgets::form::{show_field_errors, TextField};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Editing {
    Create,
    Edit(AlternateContactType),
}

#[derive(Clone, Copy)]
struct FormState {
    kind: RwSignal<String>,
    name: RwSignal<String>,
    title: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    errors: RwSignal<BTreeMap<String, String>>,
}

impl FormState {
    fn new() -> Self {
        Self {
            kind: RwSignal::new("BILLING".into()),
            name: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            errors: RwSignal::new(BTreeMap::new()),
        }
    }

    fn fill(&self, kind: AlternateContactType, contact: Option<&AlternateContact>) {
        self.kind.set(kind.as_str().into());
        let field =
            |f: fn(&AlternateContact) -> &String| contact.map(f).cloned().unwrap_or_default();
        self.name.set(field(|c| &c.name));
        self.title.set(field(|c| &c.title));
        self.email.set(field(|c| &c.email_address));
        self.phone.set(field(|c| &c.phone_number));
        self.errors.set(BTreeMap::new());
    }

    fn body(&self) -> serde_json::Value {
        json!({
            "AlternateContactType": self.kind.get_untracked(),
            "Name": self.name.get_untracked(),
            "Title": self.title.get_untracked(),
            "EmailAddress": self.email.get_untracked(),
            "PhoneNumber": self.phone.get_untracked(),
        })
    }
}

#[component]
pub fn AlternateContactsTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let nav = expect_context::<Nav>();

    let contacts = Memo::new(move |_| {
        sandbox.track();
        AlternateContactType::ALL
            .into_iter()
            .filter_map(|kind| {
                sandbox
                    .query::<GetAlternateContact>(
                        Operation::GetAlternateContact,
                        json!({ "AlternateContactType": kind.as_str() }),
                    )
                    .ok()
                    .map(|o| o.alternate_contact)
            })
            .collect::<Vec<_>>()
    });
    let type_filter = Memo::new(move |_| nav.param("type"));
    let search = Memo::new(move |_| nav.param("q"));
    let visible = Memo::new(move |_| {
        let kind = type_filter.get();
        let search = search.get();
        contacts
            .get()
            .into_iter()
            .filter(|c| kind.is_empty() || c.alternate_contact_type.as_str() == kind)
            .filter(|c| contact_matches(c, &search))
            .collect::<Vec<_>>()
    });

    let editing = RwSignal::new(None::<Editing>);
    let form = FormState::new();
    let confirm_replace = RwSignal::new(false);
    let pending_delete = RwSignal::new(None::<AlternateContactType>);

    let open = move |mode: Editing| {
        match mode {
            Editing::Create => {
                let free = AlternateContactType::ALL
                    .into_iter()
                    .find(|k| {
                        !contacts
                            .get_untracked()
                            .iter()
                            .any(|c| c.alternate_contact_type == *k)
                    })
                    .unwrap_or(AlternateContactType::Billing);
                form.fill(free, None);
            }
            Editing::Edit(kind) => {
                let current = contacts.get_untracked();
                form.fill(
                    kind,
                    current.iter().find(|c| c.alternate_contact_type == kind),
                );
            }
        }
        announcer.clear();
        editing.set(Some(mode));
    };

    let put = move || match sandbox.run(Operation::PutAlternateContact, form.body()) {
        Ok(()) => {
            editing.set(None);
            form.errors.set(BTreeMap::new());
            announcer.success(format!("{} contact saved.", form.kind.get_untracked()));
        }
        Err(error) => {
            show_field_errors(form.errors, &error);
            announcer.failure(&error);
        }
    };

    let save = move || {
        let kind = form.kind.get_untracked();
        let exists = contacts
            .get_untracked()
            .iter()
            .any(|c| c.alternate_contact_type.as_str() == kind);
        if editing.get_untracked() == Some(Editing::Create) && exists {
            confirm_replace.set(true);
        } else {
            put();
        }
    };

    let delete = move || {
        let Some(kind) = pending_delete.get_untracked() else {
            return;
        };
        pending_delete.set(None);
        match sandbox.run(
            Operation::DeleteAlternateContact,
            json!({ "AlternateContactType": kind.as_str() }),
        ) {
            Ok(()) => announcer.success(format!("{} contact deleted.", kind.as_str())),
            Err(error) => announcer.failure(&error),
        }
    };

    let rows = move || {
        let visible = visible.get();
        if visible.is_empty() {
            let text = if contacts.with(Vec::is_empty) {
                "No alternate contacts"
            } else {
                "No alternate contacts match the filter"
            };
            return view! { <tr><td colspan="6" class="empty-row">{text}</td></tr> }.into_any();
        }
        visible
            .into_iter()
            .map(|c| {
                let kind = c.alternate_contact_type;
                view! {
                    <tr>
                        <td><span class="type-badge">{kind.as_str()}</span></td>
                        <td>{c.name}</td>
                        <td>{c.title}</td>
                        <td class="mono">{c.email_address}</td>
                        <td class="mono">{c.phone_number}</td>
                        <td class="row-actions">
                            <button type="button" class="button small secondary"
                                aria-label=format!("Edit {} contact", kind.as_str())
                                on:click=move |_| open(Editing::Edit(kind))>"Edit"</button>
                            <button type="button" class="button small danger-outline"
                                aria-label=format!("Delete {} contact", kind.as_str())
                                on:click=move |_| pending_delete.set(Some(kind))>"Delete"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };

    let editor = move || {
        let mode = editing.get()?;
        let heading = match mode {
            Editing::Create => "Create alternate contact".to_owned(),
            Editing::Edit(kind) => format!("Edit {} contact", kind.as_str()),
        };
        let errors = form.errors;
        Some(view! {
            <form class="card form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                save();
            }>
                <h2>{heading}</h2>
                <div class="form-grid">
                    <div class="field">
                        <label for="field-AlternateContactType">"Contact type"</label>
                        <select
                            id="field-AlternateContactType"
                            disabled=matches!(mode, Editing::Edit(_))
                            prop:value=move || form.kind.get()
                            on:change=move |ev| form.kind.set(event_target_value(&ev))
                        >
                            {AlternateContactType::ALL.map(|k| view! { <option value=k.as_str()>{k.as_str()}</option> }).collect_view()}
                        </select>
                    </div>
                    <TextField label="Name" name="Name" value=form.name errors required=true autocomplete="name" />
                    <TextField label="Title" name="Title" value=form.title errors required=true />
                    <TextField label="Email address" name="EmailAddress" value=form.email errors required=true kind="email" autocomplete="email" />
                    <TextField label="Phone number" name="PhoneNumber" value=form.phone errors required=true kind="tel" autocomplete="tel" />
                </div>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
                    <button type="submit" class="button primary">"Save"</button>
                </div>
            </form>
        })
    };

    let on_type = move |ev| nav.set_param("type", &event_target_value(&ev));
    let on_search = move |ev| nav.set_param("q", &event_target_value(&ev));

    view! {
        <div class="card">
            <div class="card-header">
                <h2>"Alternate contacts" <span class="count">{move || format!("({})", contacts.with(Vec::len))}</span></h2>
                <button type="button" class="button primary" on:click=move |_| open(Editing::Create)>"Create"</button>
            </div>
            <p class="hint">"Billing, operations and security contacts that AWS notifies besides the account's primary contact."</p>
            <div class="toolbar">
                <AccountPicker />
                <div class="field inline">
                    <label for="filter-type">"Filter by type"</label>
                    <select id="filter-type" prop:value=move || type_filter.get() on:change=on_type>
                        <option value="">"All types"</option>
                        {AlternateContactType::ALL.map(|k| view! { <option value=k.as_str()>{k.as_str()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field inline grow">
                    <label for="search-contacts">"Search"</label>
                    <input id="search-contacts" type="search" placeholder="Name, title, email or phone"
                        prop:value=move || search.get() on:input=on_search />
                </div>
            </div>
            <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">"Alternate contacts"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Type"</th>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Email address"</th>
                            <th scope="col">"Phone number"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
        {editor}
        <ConfirmDialog
            open=Signal::derive(move || confirm_replace.get())
            title=Signal::derive(move || format!("Replace the {} contact?", form.kind.get()))
            message=Signal::derive(move || format!("This account already has a {} contact. Saving replaces it.", form.kind.get()))
            confirm="Replace"
            on_confirm=Callback::new(move |()| {
                confirm_replace.set(false);
                put();
            })
            on_cancel=Callback::new(move |()| confirm_replace.set(false))
        />
        <ConfirmDialog
            open=Signal::derive(move || pending_delete.get().is_some())
            title=Signal::derive(move || format!("Delete {} contact?", pending_delete.get().map(|k| k.as_str()).unwrap_or_default()))
            message=Signal::derive(|| "The contact is removed from the account. This cannot be undone.".to_owned())
            confirm="Delete"
            danger=true
            on_confirm=Callback::new(move |()| delete())
            on_cancel=Callback::new(move |()| pending_delete.set(None))
        />
    }
}
