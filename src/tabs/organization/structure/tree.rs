//! The tree itself: the root, the OUs nested under it, opened and closed
//! with real buttons that carry `aria-expanded`, and the accounts in each
//! in a windowed table. A closed OU renders nothing below its own row, and
//! an open one renders only the account rows in view, so 5,000 accounts
//! cost what the rows on screen cost.
//!
//! OUs are keyed by id, so a change elsewhere in the organization keeps
//! each open list (and its scroll position) in place.

use leptos::prelude::*;

use super::model::{grouped, scrolls, window, Node, ROW_HEIGHT, VIEW_HEIGHT};
use super::panel::{Deletion, Editor, Tree};

/// What one OU row shows; compared per revision, so an OU whose row did
/// not change is not redrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UnitRow {
    index: usize,
    node: Node,
    total: usize,
    children: Vec<String>,
}

/// `5,001 accounts`, `1 account`.
fn accounts_text(count: usize) -> String {
    if count == 1 {
        "1 account".to_owned()
    } else {
        format!("{} accounts", grouped(count))
    }
}

/// The SCPs attached to a node (when the type is enabled) and its tags.
#[component]
fn Facts(#[prop(into)] node: Signal<Node>) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let enabled = move || tree.structure.with(|s| s.scp_enabled);
    view! {
        <Show when=enabled>
            <span class="fact">
                <span class="fact-label">"SCPs "</span>
                {move || node.with(Node::policy_names)}
            </span>
        </Show>
        <Show when=move || node.with(|n| !n.tags.is_empty())>
            <span class="fact">
                <span class="fact-label">"Tags "</span>
                {move || node.with(Node::tag_text)}
            </span>
        </Show>
    }
}

/// A small button that opens a panel for a node; its id is where focus
/// returns when the panel closes.
fn open_button(tree: Tree, editor: Editor, name: String, text: &'static str) -> impl IntoView {
    let id = editor.opener();
    view! {
        <button type="button" class="button small secondary" id=id aria-label=name
            on:click=move |_| tree.edit(editor.clone())>
            {text}
        </button>
    }
}

/// The buttons every container (the root or an OU) has.
fn container_actions(tree: Tree, id: &str, label: &str) -> impl IntoView {
    view! {
        {open_button(tree, Editor::Tags(id.to_owned()), format!("Tags of {label}"), "Tags")}
        {open_button(tree, Editor::Policies(id.to_owned()), format!("Policies of {label}"), "Policies")}
    }
}

#[component]
pub fn TreeView() -> impl IntoView {
    let tree = expect_context::<Tree>();
    let root = Memo::new(move |_| tree.structure.with(|s| s.root.clone()));
    let total = move || tree.structure.with(|s| s.accounts.len());
    let open = move || !tree.root_closed.get();
    let children = move || {
        tree.structure.with(|s| {
            s.root_units
                .iter()
                .map(|&u| s.units[u].node.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let label = move || root.with(|r| r.label.clone());
    view! {
        <ul class="org-tree" aria-label="Organization tree">
            <li class="tree-node">
                <div class="tree-row">
                    <button type="button" class="tree-toggle" aria-expanded=move || open().to_string()
                        on:click=move |_| tree.root_closed.update(|c| *c = !*c)>
                        <span class="chevron" aria-hidden="true"></span>
                        {label}
                    </button>
                    <span class="mono meta">{move || root.with(|r| r.id.clone())}</span>
                    <span class="count">{move || accounts_text(total())}</span>
                    <Facts node=root />
                    <span class="tree-actions">
                        {move || root.with(|r| container_actions(tree, &r.id, &r.label))}
                    </span>
                </div>
                <Show when=open>
                    <div role="group" class="tree-children" aria-label=label>
                        <ul>
                            <For each=children key=|id| id.clone() children=|id| view! { <UnitItem id /> } />
                        </ul>
                        <AccountList unit=None label=Signal::derive(label) />
                    </div>
                </Show>
            </li>
        </ul>
    }
}

/// An OU and, while it is open, what it holds.
#[component]
fn UnitItem(id: String) -> AnyView {
    let tree = expect_context::<Tree>();
    let id = StoredValue::new(id);
    let row = Memo::new(move |_| {
        tree.structure.with(|s| {
            id.with_value(|id| {
                s.units.iter().position(|u| u.node.id == *id).map(|index| {
                    let unit = &s.units[index];
                    UnitRow {
                        index,
                        node: unit.node.clone(),
                        total: unit.total,
                        children: unit
                            .units
                            .iter()
                            .map(|&c| s.units[c].node.id.clone())
                            .collect(),
                    }
                })
            })
        })
    });
    // The row is gone for a moment when the OU was deleted, until its
    // parent's list drops it.
    let index = move || row.with(|r| r.as_ref().map(|r| r.index));
    let shown = Memo::new(move |_| {
        let index = index();
        tree.filtered
            .with(|f| index.is_some_and(|i| !f.active || f.shown.get(i).copied().unwrap_or(false)))
    });
    let count = move || {
        let total = row.with(|r| r.as_ref().map_or(0, |r| r.total));
        let index = index();
        tree.filtered
            .with(|f| match index.and_then(|i| f.unit_totals.get(i)) {
                Some(&matching) if f.active => format!("{matching} of {}", accounts_text(total)),
                _ => accounts_text(total),
            })
    };
    let open = Memo::new(move |_| tree.open.with(|o| id.with_value(|id| o.contains(id))));
    let node = Signal::derive(move || {
        row.with(|r| r.as_ref().map(|r| r.node.clone()).unwrap_or_default())
    });
    let label = Signal::derive(move || node.with(|n| n.label.clone()));
    let children = move || row.with(|r| r.as_ref().map(|r| r.children.clone()).unwrap_or_default());
    let actions = move || {
        let (unit, name) = (id.get_value(), label.get());
        let ask = {
            let (unit, name) = (unit.clone(), name.clone());
            move |_| {
                tree.deletion.set(Some(Deletion::Unit {
                    id: unit.clone(),
                    name: name.clone(),
                }))
            }
        };
        view! {
            {open_button(tree, Editor::Rename(unit.clone()), format!("Rename {name}"), "Rename")}
            <button type="button" class="button small danger-outline" aria-label=format!("Delete {name}") on:click=ask>
                "Delete"
            </button>
            {container_actions(tree, &unit, &name)}
        }
    };
    view! {
        <li class="tree-node" hidden=move || !shown.get()>
            <div class="tree-row">
                <button type="button" class="tree-toggle" aria-expanded=move || open.get().to_string()
                    on:click=move |_| id.with_value(|id| tree.toggle(id))>
                    <span class="chevron" aria-hidden="true"></span>
                    {label}
                </button>
                <span class="mono meta">{id.get_value()}</span>
                <span class="count">{count}</span>
                <Facts node />
                <span class="tree-actions">{actions}</span>
            </div>
            // Open is enough: an OU the filter hides keeps what it holds,
            // so typing does not unmount and remount whole subtrees.
            <Show when=move || open.get()>
                <div role="group" class="tree-children" aria-label=label>
                    <ul>
                        <For each=children key=|id| id.clone() children=|id| view! { <UnitItem id /> } />
                    </ul>
                    <AccountList unit=Some(id.get_value()) label />
                </div>
            </Show>
        </li>
    }
    .into_any()
}

/// The accounts directly in the root (`unit` is `None`) or an OU, as far
/// as the filter leaves them, rendering only the rows in view.
#[component]
fn AccountList(unit: Option<String>, label: Signal<String>) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let place = Memo::new(move |_| match &unit {
        None => Some(None),
        Some(id) => tree
            .structure
            .with(|s| s.units.iter().position(|u| u.node.id == *id))
            .map(Some),
    });
    let rows = Memo::new(move |_| {
        let place = place.get();
        tree.filtered.with(|f| match place {
            Some(None) => f.root_accounts.clone(),
            Some(Some(i)) => f.unit_accounts.get(i).cloned().unwrap_or_default(),
            None => Vec::new(),
        })
    });
    let scroll_top = RwSignal::new(0);
    let span = Memo::new(move |_| {
        rows.with(|r| {
            let (first, last) = window(scroll_top.get(), r.len());
            (first, last, r.len())
        })
    });
    // Keyed by position and account: a change elsewhere keeps these rows,
    // each of which follows its own account.
    let visible = move || {
        let (first, last, _) = span.get();
        rows.with(|rows| {
            tree.structure.with(|s| {
                rows[first..last]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, &a)| {
                        s.accounts.get(a).map(|acc| (first + i + 2, acc.id.clone()))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            view! { <tr class="spacer" aria-hidden="true" style=format!("height: {}px", rows as i32 * ROW_HEIGHT)></tr> }
        })
    };
    let scrolling = move || rows.with(|r| scrolls(r.len()));
    let caption = move || format!("Accounts in {}", label.get());
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <div
                class="virtual-table tree-accounts"
                style=format!("max-height: {VIEW_HEIGHT}px")
                role=move || scrolling().then_some("region")
                aria-label=move || scrolling().then(caption)
                tabindex=move || scrolling().then_some("0")
                on:scroll=move |ev| scroll_top.set(event_target::<web_sys::Element>(&ev).scroll_top())
            >
                <table aria-rowcount=move || rows.with(Vec::len) + 1>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">"Account ID"</th>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Email"</th>
                            <th scope="col">"SCPs"</th>
                            <th scope="col">"Tags"</th>
                            <th scope="col" class="row-actions">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || spacer(span.get().0)}
                        <For each=visible key=|row| row.clone() children=|(index, id)| view! { <AccountRow index id /> } />
                        {move || {
                            let (_, last, total) = span.get();
                            spacer(total - last)
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// One account's row, read from the state for as long as it is on screen;
/// its cells are one view, redrawn only when the account changed.
#[component]
fn AccountRow(index: usize, id: String) -> impl IntoView {
    let tree = expect_context::<Tree>();
    let account = StoredValue::new(id.clone());
    let view = Memo::new(move |_| account.with_value(|id| tree.account_view(id)));
    let cells = move || {
        view.with(|v| {
            let (name, email, policies, tags) = v
                .as_ref()
                .map(|v| {
                    (
                        v.name.clone(),
                        v.email.clone(),
                        v.node.policy_names(),
                        v.node.tag_text(),
                    )
                })
                .unwrap_or_default();
            [name, email, policies, tags].map(|text| {
                let title = text.clone();
                view! { <td title=title>{text}</td> }
            })
        })
    };
    view! {
        <tr aria-rowindex=index style=format!("height: {ROW_HEIGHT}px")>
            <td class="mono">{id.clone()}</td>
            {cells}
            <td class="row-actions">
                {open_button(tree, Editor::Move(id.clone()), format!("Move {id}"), "Move")}
                {open_button(tree, Editor::Tags(id.clone()), format!("Tags of {id}"), "Tags")}
                {open_button(tree, Editor::Policies(id.clone()), format!("Policies of {id}"), "Policies")}
            </td>
        </tr>
    }
}
