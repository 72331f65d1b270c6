//! The Organization tab: the caller's organization, trusted access for
//! Account Management, the delegated administrator, member accounts (a
//! virtualised table that stays smooth at thousands, with a primary email
//! change per member), adding accounts, and the bulk job that sets an
//! alternate contact on every member.

use std::sync::Arc;

use account_engine::model::AlternateContactType;
use account_engine::store::{Account, Organization, State};
use account_engine::{OrgOperation, ACCOUNT_MANAGEMENT_PRINCIPAL};
use account_training::case::lowercase;
use leptos::prelude::*;
use serde_json::{json, Value};

use crate::client::activity::Source;
use crate::client::{Failure, Sandbox};
use crate::jobs::bulk::{self, Contact, Outcome};
use crate::jobs::slices::{self, now_ms};
use crate::widgets::announce::Announcer;
use crate::widgets::deferred::Deferred;
use crate::widgets::download::download;
use crate::widgets::filters::needle;
use crate::widgets::form::{show_field_errors, TextField};
use crate::widgets::suggestions::Suggestions;
use crate::widgets::virtual_table::{RowAction, VirtualTable};

pub mod primary_email;
mod structure;
use primary_email::{ChangePrimaryEmailButton, PrimaryEmailChange};
use structure::OrganizationStructure;
pub use structure::TreeModel;

/// The most accounts one click generates; the member table is built for
/// thousands, and a typo of an extra digit should not hang the tab.
const GENERATE_MAX: usize = 5000;

/// The member accounts the delegated administrator field offers at once:
/// a list to pick from while typing, not one option per member, which at
/// thousands of members took most of the tab's render.
const ADMIN_CHOICES: usize = 20;

/// The accounts of the organization's members, in id order. Members and
/// accounts are both kept in id order, so this walks them side by side
/// instead of looking each member up among thousands of accounts.
fn member_accounts<'a>(
    state: &'a State,
    org: &'a Organization,
) -> impl Iterator<Item = &'a Account> {
    let mut known = state.accounts.iter().peekable();
    org.members.iter().filter_map(move |id| {
        while known.next_if(|(other, _)| *other < id).is_some() {}
        known.next_if(|(other, _)| *other == id).map(|(_, a)| a)
    })
}

/// `items` as a shared list, and whether it differs from `before`; equal,
/// it is `before` itself, so a memo of thousands of ids that a change left
/// equal allocates nothing. One pass over `items` (a filter's predicate
/// runs once per item): an unequal list keeps the equal start of `before`,
/// in place when no one else holds it.
fn same_or_new<'a>(
    before: Option<Arc<Vec<String>>>,
    items: impl Iterator<Item = &'a String>,
) -> (Arc<Vec<String>>, bool) {
    let mut items = items.peekable();
    let Some(before) = before else {
        return (Arc::new(items.cloned().collect()), true);
    };
    let mut same = 0;
    while same < before.len() && items.next_if(|item| **item == before[same]).is_some() {
        same += 1;
    }
    if same == before.len() && items.peek().is_none() {
        return (before, false);
    }
    let mut list = match Arc::try_unwrap(before) {
        Ok(mut list) => {
            list.truncate(same);
            list
        }
        Err(shared) => shared[..same].to_vec(),
    };
    list.extend(items.cloned());
    (Arc::new(list), true)
}

/// The ids of the caller's organization's members, in id order, kept above
/// the tabs (the frame provides it) as the tree is: showing the
/// Organization tab again reads the list instead of walking thousands of
/// accounts, and a change that leaves it equal keeps it.
#[derive(Clone, Copy)]
pub struct MemberIds(Memo<Arc<Vec<String>>>);

impl MemberIds {
    pub fn new(sandbox: Sandbox) -> Self {
        Self(Memo::new_owning(move |before| {
            let caller = sandbox.caller();
            sandbox.with_state(|s| {
                let org = s.organization_of(&caller);
                let ids = org
                    .into_iter()
                    .flat_map(|org| member_accounts(s, org).map(|a| &a.id));
                same_or_new(before, ids)
            })
        }))
    }
}

/// What the tab is built for: the caller's organization. Trusted access
/// and the delegated administrator are read inside the summary, so turning
/// them on or off redraws a few cells, not the whole tab and its tree.
#[derive(Clone, PartialEq)]
struct Summary {
    id: String,
    management: String,
}

#[component]
fn Summary(summary: Summary) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let call = move |operation: OrgOperation, input: Value, done: String| match sandbox
        .call_organizations(Source::Page, operation, &input)
    {
        Ok(_) => announcer.success(done),
        Err(failure) => announcer.failed(&failure),
    };
    let principal = json!({ "ServicePrincipal": ACCOUNT_MANAGEMENT_PRINCIPAL });
    let facts = Memo::new(move |_| {
        let caller = sandbox.caller();
        sandbox.with_state(|s| {
            s.organization_of(&caller)
                .map(|o| (o.trusted_access, o.delegated_administrator.clone()))
                .unwrap_or_default()
        })
    });
    let trusted = move || facts.with(|f| f.0);
    let toggle = {
        let principal = principal.clone();
        move |_| {
            if facts.with_untracked(|f| f.0) {
                call(
                    OrgOperation::DisableAwsServiceAccess,
                    principal.clone(),
                    "Trusted access for AWS Account Management disabled.".into(),
                );
            } else {
                call(
                    OrgOperation::EnableAwsServiceAccess,
                    principal.clone(),
                    "Trusted access for AWS Account Management enabled.".into(),
                );
            }
        }
    };
    let candidate = RwSignal::new(String::new());
    let suggestions = Suggestions::default();
    let choices = Memo::new(move |_| {
        if !suggestions.wanted() {
            return Vec::new();
        }
        let caller = sandbox.caller();
        let needle = needle(&candidate.get());
        sandbox.with_state(|s| {
            let Some(org) = s.organization_of(&caller) else {
                return Vec::new();
            };
            org.members
                .iter()
                .filter(|id| **id != org.management_account_id)
                .filter_map(|id| s.accounts.get(id))
                .filter(|a| {
                    needle.is_empty()
                        || a.id.contains(&needle)
                        || lowercase(&a.name).contains(&needle)
                })
                .take(ADMIN_CHOICES)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let current = move || facts.with(|f| f.1.clone());
    let deregister = move || {
        current().map(|admin| {
            view! {
                <button type="button" class="button small secondary" on:click=move |_| {
                    call(
                        OrgOperation::DeregisterDelegatedAdministrator,
                        json!({ "AccountId": admin, "ServicePrincipal": ACCOUNT_MANAGEMENT_PRINCIPAL }),
                        format!("{admin} is no longer the delegated administrator."),
                    );
                }>"Deregister"</button>
            }
        })
    };
    view! {
        <dl class="details">
            <div class="kv"><dt>"Organization ID"</dt><dd class="mono">{summary.id.clone()}</dd></div>
            <div class="kv"><dt>"Management account"</dt><dd class="mono">{summary.management.clone()}</dd></div>
            <div class="kv">
                <dt>"Trusted access for AWS Account Management"</dt>
                <dd>
                    <span class=move || if trusted() { "status status-enabled" } else { "status status-disabled" }>
                        {move || if trusted() { "ENABLED" } else { "DISABLED" }}
                    </span>
                    " "
                    <button type="button" class="button small" class:primary=move || !trusted() class:secondary=trusted on:click=toggle>
                        {move || if trusted() { "Disable trusted access" } else { "Enable trusted access" }}
                    </button>
                </dd>
            </div>
            <div class="kv">
                <dt>"Delegated administrator"</dt>
                <dd><span class="mono">{move || current().unwrap_or_else(|| "None".into())}</span> " " {deregister}</dd>
            </div>
        </dl>
        <div class="toolbar">
            <div class="field inline">
                <label for="delegated-admin">"Delegated administrator account"</label>
                <input id="delegated-admin" type="text" list="delegated-admin-choices" autocomplete="off"
                    placeholder="Account ID or name" aria-describedby="delegated-admin-hint"
                    prop:value=move || candidate.get() on:input=move |ev| candidate.set(event_target_value(&ev))
                    on:focus=move |_| suggestions.want() />
                <datalist id="delegated-admin-choices">
                    {move || choices.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </datalist>
                <p class="hint" id="delegated-admin-hint">
                    {format!("Type an account ID or name; the first {ADMIN_CHOICES} matching member accounts are offered.")}
                </p>
            </div>
            <button type="button" class="button secondary" on:click=move |_| {
                let account = candidate.get_untracked();
                call(
                    OrgOperation::RegisterDelegatedAdministrator,
                    json!({ "AccountId": account, "ServicePrincipal": ACCOUNT_MANAGEMENT_PRINCIPAL }),
                    format!("{account} is now the delegated administrator for AWS Account Management."),
                );
            }>"Register delegated administrator"</button>
        </div>
    }
}

/// Why CreateAccount made no account: the call was refused, or the request
/// ended FAILED (for example EMAIL_ALREADY_EXISTS).
enum NotCreated {
    Refused(Failure),
    Failed(String),
}

impl NotCreated {
    fn announce(&self, announcer: Announcer) {
        match self {
            Self::Refused(failure) => announcer.failed(failure),
            Self::Failed(reason) => announcer.fail_text(format!("CreateAccount failed: {reason}")),
        }
    }
}

/// Creates a member account as a script would: CreateAccount answers
/// IN_PROGRESS, as on the service, and DescribeCreateAccountStatus has the
/// outcome (at once, in the sandbox). Returns the new account's id.
fn create_account(sandbox: Sandbox, name: &str, email: &str) -> Result<String, NotCreated> {
    let input = json!({ "AccountName": name, "Email": email });
    let started = sandbox
        .call_organizations(Source::Page, OrgOperation::CreateAccount, &input)
        .map_err(NotCreated::Refused)?;
    let id = started["CreateAccountStatus"]["Id"].clone();
    let outcome = sandbox
        .call_organizations(
            Source::Page,
            OrgOperation::DescribeCreateAccountStatus,
            &json!({ "CreateAccountRequestId": id }),
        )
        .map_err(NotCreated::Refused)?;
    let status = &outcome["CreateAccountStatus"];
    if status["State"] == "SUCCEEDED" {
        Ok(status["AccountId"].as_str().unwrap_or_default().to_owned())
    } else {
        Err(NotCreated::Failed(
            status["FailureReason"]
                .as_str()
                .unwrap_or("unknown reason")
                .to_owned(),
        ))
    }
}

#[component]
fn AddAccounts() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let count = RwSignal::new("100".to_owned());
    let errors = RwSignal::new(Default::default());
    let busy = RwSignal::new(false);

    let add_one =
        move || match create_account(sandbox, &name.get_untracked(), &email.get_untracked()) {
            Ok(id) => {
                name.set(String::new());
                email.set(String::new());
                announcer.success(format!("Account {id} created."));
            }
            Err(not_created) => not_created.announce(announcer),
        };

    let generate = move || {
        let Some(total) = count
            .get_untracked()
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=GENERATE_MAX).contains(n))
        else {
            announcer.fail_text(format!(
                "Number of accounts: enter a whole number from 1 to {GENERATE_MAX}."
            ));
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let stamp = sandbox.now();
            let mut made = 0;
            let mut failure: Option<NotCreated> = None;
            let add = |time_left: &dyn Fn() -> bool| {
                while made < total && time_left() {
                    let n = made + 1;
                    let name = format!("Practice {stamp}-{n}");
                    let email = format!("practice-{stamp}-{n}@example.com");
                    if let Err(not_created) = create_account(sandbox, &name, &email) {
                        failure = Some(not_created);
                        return false;
                    }
                    made = n;
                }
                made < total
            };
            slices::run(sandbox, || false, add, |_| {}).await;
            busy.set(false);
            match failure {
                Some(not_created) => not_created.announce(announcer),
                None => announcer.success(format!("{made} accounts created.")),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="add-heading">
            <h2 id="add-heading">"Add accounts"</h2>
            <form class="form-grid" novalidate on:submit=move |ev| { ev.prevent_default(); add_one(); }>
                <TextField label="Account name" name="AccountName" value=name errors required=true />
                <TextField label="Email" name="Email" value=email errors required=true kind="email" />
                <div class="actions align-end"><button type="submit" class="button secondary">"Create account"</button></div>
            </form>
            <form class="toolbar" novalidate on:submit=move |ev| { ev.prevent_default(); generate(); }>
                <div class="field inline">
                    <label for="generate-count">"Number of accounts"</label>
                    <input id="generate-count" type="number" min="1" max=GENERATE_MAX prop:value=move || count.get()
                        on:input=move |ev| count.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button secondary" disabled=move || busy.get()>"Generate accounts"</button>
            </form>
        </section>
    }
}

#[component]
fn BulkAlternateContact() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let kind = RwSignal::new("SECURITY".to_owned());
    let name = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let errors = RwSignal::new(Default::default());
    let running = RwSignal::new(false);
    let cancel = StoredValue::new(false);
    let total = RwSignal::new(0usize);
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let engine_ms = RwSignal::new(0.0f64);

    let run = move || {
        let contact = Contact {
            kind: kind.get_untracked(),
            name: name.get_untracked(),
            title: title.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
        };
        let targets = match bulk::targets(&sandbox) {
            Ok(t) => t,
            Err(failure) => {
                announcer.failed(&failure);
                return;
            }
        };
        let mut queue = targets.into_iter();
        let Some(first) = queue.next() else {
            announcer.fail_text(
                "There is no ACTIVE member account besides the management account to update.",
            );
            return;
        };
        // A contact the service refuses is refused for every account: say so
        // at its fields after one call instead of a thousand failed rows.
        let started = now_ms();
        let first_result = bulk::put(&sandbox, &contact, &first);
        if let Err(error) = &first_result {
            if show_field_errors(errors, error) {
                announcer.failure(error);
                return;
            }
        }
        errors.set(Default::default());
        cancel.set_value(false);
        outcomes.set(vec![Outcome {
            target: first,
            result: first_result.map_err(Failure::from),
        }]);
        let count = queue.len() + 1;
        total.set(count);
        engine_ms.set(now_ms() - started);
        running.set(true);
        announcer.success(format!(
            "Setting the {} contact on {count} accounts…",
            contact.kind
        ));
        leptos::task::spawn_local(async move {
            let put = |time_left: &dyn Fn() -> bool| {
                let mut done = Vec::new();
                let mut more = true;
                while time_left() {
                    match queue.next() {
                        Some(target) => done.push(bulk::apply(&sandbox, &contact, target)),
                        None => {
                            more = false;
                            break;
                        }
                    }
                }
                outcomes.update(|o| o.extend(done));
                more
            };
            let finished = slices::run(
                sandbox,
                || cancel.get_value(),
                put,
                |ms| engine_ms.update(|t| *t += ms),
            )
            .await;
            running.set(false);
            let (ok, failed) = outcomes.with_untracked(|o| bulk::tally(o));
            let verb = if finished { "Finished" } else { "Cancelled" };
            announcer.success(format!("{verb}: {ok} succeeded, {failed} failed."));
        });
    };

    let rows = Memo::new(move |_| {
        outcomes.with(|o| {
            Arc::new(
                o.iter()
                    .map(|o| {
                        let (result, detail) = match &o.result {
                            Ok(()) => ("SUCCEEDED".to_owned(), String::new()),
                            Err(f) => ("FAILED".to_owned(), f.to_string()),
                        };
                        vec![o.target.id.clone(), o.target.name.clone(), result, detail]
                    })
                    .collect(),
            )
        })
    });
    let done = move || outcomes.with(Vec::len);
    let export = move |_| {
        let text = outcomes.with_untracked(|o| bulk::csv(o));
        if download("alternate-contact-results.csv", &text, "text/csv").is_err() {
            announcer.fail_text("Export failed: the browser refused the download.");
        }
    };

    view! {
        <section class="card" aria-labelledby="bulk-heading">
            <h2 id="bulk-heading">"Set alternate contact for all member accounts"</h2>
            <p class="hint">"Lists the ACTIVE member accounts with ListAccounts, skips the management account, and calls PutAlternateContact with AccountId for each, as the acting account."</p>
            <form novalidate on:submit=move |ev| { ev.prevent_default(); run(); }>
                <div class="form-grid">
                    <div class="field">
                        <label for="bulk-type">"Contact type"</label>
                        <select id="bulk-type" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                            {AlternateContactType::ALL.map(|k| view! { <option value=k.as_str()>{k.as_str()}</option> }).collect_view()}
                        </select>
                    </div>
                    <TextField label="Name" name="Name" value=name errors required=true />
                    <TextField label="Title" name="Title" value=title errors required=true />
                    <TextField label="Email address" name="EmailAddress" value=email errors required=true kind="email" />
                    <TextField label="Phone number" name="PhoneNumber" value=phone errors required=true kind="tel" />
                </div>
                <div class="actions">
                    <button type="button" class="button secondary" disabled=move || !running.get()
                        on:click=move |_| cancel.set_value(true)>"Cancel"</button>
                    <button type="submit" class="button primary" disabled=move || running.get()>"Run"</button>
                </div>
            </form>
            <Show when=move || { total.get() > 0 }>
                <div class="bulk-progress">
                    <label for="bulk-progress">{move || format!("{} of {} accounts", done(), total.get())}</label>
                    <progress id="bulk-progress" max=move || total.get() value=done></progress>
                    <p class="meta">{move || format!("Engine time {:.0} ms", engine_ms.get())}</p>
                </div>
                <div class="toolbar">
                    <p class="summary">{move || {
                        let (ok, failed) = outcomes.with(|o| bulk::tally(o));
                        format!("{ok} succeeded, {failed} failed")
                    }}</p>
                    <button type="button" class="button small secondary" on:click=export disabled=move || running.get()>"Download CSV"</button>
                </div>
                <VirtualTable label="Bulk results" columns=&["Account ID", "Name", "Result", "Error"] rows cells=Callback::new(|row| row) empty="No results yet" />
            </Show>
        </section>
    }
}

#[component]
pub fn OrganizationTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let summary = Memo::new(move |_| {
        let caller = sandbox.caller();
        sandbox.with_state(|s| {
            s.organization_of(&caller).map(|o| Summary {
                id: o.id.clone(),
                management: o.management_account_id.clone(),
            })
        })
    });
    let search = RwSignal::new(String::new());
    let MemberIds(all) = expect_context::<MemberIds>();
    // A memo, not a derived signal: the count and the table (on every
    // scroll) read the matching ids, found once per change; the table
    // reads the cells of the rows in view. Unfiltered it is the list kept
    // above the tabs; filtered it keeps its list when a change leaves it
    // equal, as most do.
    let members = Memo::new_owning(move |before: Option<Arc<Vec<String>>>| {
        let needle = needle(&search.get());
        if needle.is_empty() {
            let all = all.get();
            let changed = before.is_none_or(|b| !Arc::ptr_eq(&b, &all));
            return (all, changed);
        }
        all.with(|ids| {
            sandbox.with_state(|s| {
                let matching = ids.iter().filter(|id| {
                    s.accounts.get(*id).is_some_and(|a| {
                        a.id.contains(&needle)
                            || lowercase(&a.name).contains(&needle)
                            || lowercase(&a.email).contains(&needle)
                    })
                });
                same_or_new(before, matching)
            })
        })
    });
    let member_cells = Callback::new(move |id: String| {
        sandbox.with_state(|s| match s.accounts.get(&id) {
            Some(a) => vec![
                id.clone(),
                a.name.clone(),
                a.email.clone(),
                a.state.as_str().to_owned(),
            ],
            None => vec![id.clone()],
        })
    });
    let create = move |_| match sandbox.call_organizations(
        Source::Page,
        OrgOperation::CreateOrganization,
        &json!({ "FeatureSet": "ALL" }),
    ) {
        Ok(out) => announcer.success(format!(
            "Organization {} created.",
            out["Organization"]["Id"].as_str().unwrap_or_default()
        )),
        Err(failure) => announcer.failed(&failure),
    };
    move || {
        match summary.get() {
        None => view! {
            <div class="card empty-state">
                <h2>"Organization"</h2>
                <p>"This account is not in an organization"</p>
                <p class="hint">"Create one to manage member accounts from the management account or a delegated administrator."</p>
                <button type="button" class="button primary" on:click=create>"Create organization"</button>
            </div>
        }
        .into_any(),
        Some(summary) => {
            let management = summary.management.clone();
            // The management account's own email cannot be changed by API
            // (documented), so only members get the button.
            let action = RowAction {
                header: "Primary email",
                cell: Callback::new(move |id: String| {
                    (id != management).then(|| {
                        view! { <ChangePrimaryEmailButton account=id /> }.into_any()
                    })
                }),
            };
            view! {
                <section class="card" aria-labelledby="org-heading">
                    <h2 id="org-heading">"Organization"</h2>
                    <Summary summary />
                </section>
                <section class="card" aria-labelledby="members-heading">
                    <div class="card-header">
                        <h2 id="members-heading">"Member accounts" <span class="count">{move || format!("({})", members.with(|m| m.len()))}</span></h2>
                    </div>
                    <div class="toolbar">
                        <div class="field inline grow">
                            <label for="search-members">"Search"</label>
                            <input id="search-members" type="search" placeholder="Account ID, name or email"
                                prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                        </div>
                    </div>
                    <VirtualTable label="Member accounts" columns=&["Account ID", "Name", "Email", "Status"] rows=members cells=member_cells empty="No accounts match" action />
                    <PrimaryEmailChange />
                </section>
                <OrganizationStructure />
                <Deferred>
                    <AddAccounts />
                    <BulkAlternateContact />
                </Deferred>
            }
            .into_any()
        }
    }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::same_or_new;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn an_equal_list_is_the_one_before_and_unchanged() {
        let before = Arc::new(ids(&["1", "2", "3"]));
        let now = ids(&["1", "2", "3"]);
        let (list, changed) = same_or_new(Some(before.clone()), now.iter());
        assert!(!changed);
        assert!(Arc::ptr_eq(&list, &before), "no new list was allocated");
    }

    #[test]
    fn the_first_list_and_any_difference_are_changes() {
        let none = ids(&[]);
        let (first, changed) = same_or_new(None, none.iter());
        assert!(changed && first.is_empty());
        for now in [
            &["1", "2"][..],
            &["1", "2", "3", "4"],
            &["1", "9", "3"],
            &[],
        ] {
            let now = ids(now);
            let (list, changed) = same_or_new(Some(Arc::new(ids(&["1", "2", "3"]))), now.iter());
            assert!(changed, "{now:?}");
            assert_eq!(*list, now);
            // A list someone else holds is left as it was.
            let held = Arc::new(ids(&["1", "2", "3"]));
            let (list, changed) = same_or_new(Some(held.clone()), now.iter());
            assert!(changed, "{now:?}");
            assert_eq!(*list, now);
            assert_eq!(*held, ids(&["1", "2", "3"]));
        }
    }
}
