//! What the structure section's parts share: the tree built once per
//! revision, the filter, which OUs are open, the one editing panel that is
//! open, and calls that announce their refusals in the API's words.

use std::collections::BTreeSet;

use account_engine::OrgOperation;
use leptos::html;
use leptos::prelude::*;
use serde_json::Value;

use super::model::{AccountView, Filtered, Node, Structure};
use crate::client::activity::Source;
use crate::client::{Failure, Sandbox};
use crate::widgets::announce::Announcer;
use crate::widgets::filters::needle;
use crate::widgets::focus::focus_id;

/// What the open panel edits; ids are the engine's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editor {
    CreateUnit,
    Rename(String),
    Move(String),
    Tags(String),
    Policies(String),
    CreatePolicy,
    EditPolicy(String),
}

impl Editor {
    /// The id of the button that opens this panel, where focus goes back
    /// when it closes.
    pub fn opener(&self) -> String {
        match self {
            Self::CreateUnit => "open-create-unit".to_owned(),
            Self::Rename(id) => format!("rename-{id}"),
            Self::Move(id) => format!("move-{id}"),
            Self::Tags(id) => format!("tags-{id}"),
            Self::Policies(id) => format!("policies-{id}"),
            Self::CreatePolicy => "open-create-policy".to_owned(),
            Self::EditPolicy(id) => format!("edit-policy-{id}"),
        }
    }
}

/// A deletion waiting for its confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deletion {
    Unit { id: String, name: String },
    Policy { id: String, name: String },
}

/// The organization's tree as the state has it, kept above the tabs (the
/// frame provides it). A memo is lazy, so while another tab shows it costs
/// nothing, and showing the Organization tab again reads it as it was, or
/// rebuilt from the tree before when the state changed since, rather than
/// building the tree of thousands of accounts at every visit.
#[derive(Clone, Copy)]
pub struct TreeModel(Memo<Structure>);

impl TreeModel {
    pub fn new(sandbox: Sandbox) -> Self {
        Self(Memo::new(move |before: Option<&Structure>| {
            let caller = sandbox.caller();
            sandbox.with_state(|s| Structure::of(s, &caller, before).unwrap_or_default())
        }))
    }
}

#[derive(Clone, Copy)]
pub struct Tree {
    pub sandbox: Sandbox,
    pub announcer: Announcer,
    pub structure: Memo<Structure>,
    pub search: RwSignal<String>,
    pub filtered: Memo<Filtered>,
    /// The OUs shown open; the root is open unless `root_closed`.
    pub open: RwSignal<BTreeSet<String>>,
    pub root_closed: RwSignal<bool>,
    pub editor: RwSignal<Option<Editor>>,
    pub deletion: RwSignal<Option<Deletion>>,
    /// Set when a button opens a panel, so focus moves into it then and
    /// not when the tab is shown again.
    focus: StoredValue<bool>,
}

impl Tree {
    /// Builds the section's state and provides it to the parts below.
    pub fn provide() -> Self {
        let sandbox = expect_context::<Sandbox>();
        let announcer = expect_context::<Announcer>();
        let TreeModel(structure) = expect_context::<TreeModel>();
        let search = RwSignal::new(String::new());
        let filtered = Memo::new(move |_| {
            let needle = needle(&search.get());
            structure.with(|s| s.filter(&needle))
        });
        let tree = Self {
            sandbox,
            announcer,
            structure,
            search,
            filtered,
            open: RwSignal::new(BTreeSet::new()),
            root_closed: RwSignal::new(false),
            editor: RwSignal::new(None),
            deletion: RwSignal::new(None),
            focus: StoredValue::new(false),
        };
        provide_context(tree);
        tree
    }

    /// Applies a filter and opens the OUs holding its matches when there
    /// are few; done here, in the keystroke's own handler, so the page
    /// renders once.
    pub fn set_search(&self, text: String) {
        self.search.set(text);
        let reveal = self
            .filtered
            .with_untracked(|f| self.structure.with_untracked(|s| f.to_reveal(s)));
        self.reveal(reveal);
    }

    /// Opens these OUs (and the root), leaving the others as they are.
    pub fn reveal(&self, units: impl IntoIterator<Item = String>) {
        let missing: Vec<String> = self
            .open
            .with_untracked(|open| units.into_iter().filter(|id| !open.contains(id)).collect());
        if !missing.is_empty() {
            self.open.update(|open| open.extend(missing));
        }
        if self.root_closed.get_untracked() {
            self.root_closed.set(false);
        }
    }

    /// The root, an OU or an account as the state has it now; a view
    /// reading it follows every change.
    pub fn node(&self, id: &str) -> Option<Node> {
        let caller = self.sandbox.caller();
        self.sandbox.with_state(|s| Node::find(s, &caller, id))
    }

    pub fn account_view(&self, id: &str) -> Option<AccountView> {
        let caller = self.sandbox.caller();
        self.sandbox
            .with_state(|s| AccountView::find(s, &caller, id))
    }

    pub fn toggle(&self, unit: &str) {
        self.open.update(|open| {
            if !open.remove(unit) {
                open.insert(unit.to_owned());
            }
        });
    }

    pub fn edit(&self, editor: Editor) {
        self.focus.set_value(true);
        self.editor.set(Some(editor));
    }

    /// Closes the panel and gives focus back to the button that opened it,
    /// if that is still rendered (a windowed row may have scrolled away).
    pub fn close(&self) {
        let Some(editor) = self.editor.get_untracked() else {
            return;
        };
        self.editor.set(None);
        focus_id(&editor.opener());
    }

    /// Runs a call a person asked for; a refusal is announced as the
    /// engine gave it.
    pub fn call(&self, operation: OrgOperation, input: Value) -> Result<Value, Failure> {
        let result = self
            .sandbox
            .call_organizations(Source::Page, operation, &input);
        if let Err(failure) = &result {
            self.announcer.failed(failure);
        }
        result
    }
}

/// An inline panel for one edit, labelled by its heading, which takes
/// focus when a button opened it.
#[component]
pub fn Panel(title: String, children: Children) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let heading = NodeRef::<html::H3>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            if tree.focus.get_value() {
                tree.focus.set_value(false);
                let _ = heading.focus();
            }
        }
    });
    view! {
        <section class="card inset" aria-labelledby="structure-panel-heading">
            <div class="card-header">
                <h3 id="structure-panel-heading" tabindex="-1" node_ref=heading>{title}</h3>
                <button type="button" class="button small secondary" on:click=move |_| tree.close()>"Close"</button>
            </div>
            {children()}
        </section>
    }
}

/// A labelled select over `(value, text)` options; read it through
/// `node` when submitting, so a stale choice never survives the options
/// changing under it.
#[component]
pub fn Choice(
    label: &'static str,
    id: &'static str,
    node: NodeRef<html::Select>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    /// The option chosen at first, if present.
    #[prop(optional_no_strip)]
    selected: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id node_ref=node>
                {move || options.get().into_iter().map(|(value, text)| {
                    let chosen = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The value chosen in a select, empty if it is not rendered.
pub fn chosen(node: NodeRef<html::Select>) -> String {
    node.get_untracked()
        .map(|select| select.value())
        .unwrap_or_default()
}
