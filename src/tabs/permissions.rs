//! The Permissions tab: the principals of the `Acting as` account with
//! their ARNs; IAM users created and their permissions edited through
//! IAM's own API, as the acting principal, so a refusal is IAM's; and the
//! policy simulator, which explains a decision without making the call.

use account_engine::iam::AWS_MANAGED;
use account_engine::{Operation, Principal, QueryService, Simulation};
use iam_policy::{Policy, PolicyKind};
use leptos::prelude::*;

use crate::client::{Failure, Sandbox};
use crate::widgets::announce::Announcer;
use crate::widgets::explain::ExplanationView;

/// The name the page gives the inline policy it edits.
pub const INLINE_POLICY_NAME: &str = "inline";

/// IAM's message for a document, with the line and column where broken
/// JSON broke; `None` when IAM would accept it.
pub fn policy_problem(document: &str) -> Option<String> {
    let error = Policy::parse(document, PolicyKind::Identity).err()?;
    Some(match error.json_position() {
        Some(at) => format!("{error} (line {}, column {})", at.line, at.column),
        None => error.to_string(),
    })
}

const EMPTY_POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";

fn principal_name(principal: &Principal) -> String {
    match principal {
        Principal::Root { .. } => "Root user".to_owned(),
        Principal::User { name, .. } => name.clone(),
        Principal::AssumedRole { session_name, .. } => session_name.clone(),
    }
}

#[component]
fn CreateUser() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let user = name.get_untracked();
        match sandbox.call_query(QueryService::Iam, "CreateUser", &[("UserName", &user)]) {
            Ok(_) => {
                error.set(None);
                name.set(String::new());
                open.set(false);
                announcer.success(format!("Created user {user}."));
            }
            Err(failure) => {
                error.set(Some(failure.to_string()));
                announcer.failed(&failure);
            }
        }
    };
    view! {
        <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>"Create user"</button>
        <Show when=move || open.get()>
            <form class="inline-form" on:submit=create>
                <div class="field" class:invalid=move || error.with(Option::is_some)>
                    <label for="new-user-name">"User name"</label>
                    <input id="new-user-name" type="text" autocomplete="off"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("new-user-name-error")
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                    {move || error.get().map(|e| view! { <p class="field-error" id="new-user-name-error">{e}</p> })}
                </div>
                <button type="submit">"Create"</button>
            </form>
        </Show>
    }
}

/// The permissions of one user: its inline policy, its managed policies.
#[component]
fn EditPermissions(account: String, user: String) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let stored = {
        let (account, user) = (account.clone(), user.clone());
        sandbox.with_state(move |s| {
            s.iam
                .user(&account, &user)
                .and_then(|u| u.inline_policies.get(INLINE_POLICY_NAME).cloned())
        })
    };
    let document = RwSignal::new(stored.unwrap_or_else(|| EMPTY_POLICY.to_owned()));
    let problem = Memo::new(move |_| document.with(|d| policy_problem(d)));
    let refused = RwSignal::new(None::<String>);
    let error = move || refused.get().or_else(|| problem.get());
    let attached = {
        let (account, user) = (account.clone(), user.clone());
        Memo::new(move |_| {
            sandbox.with_state(|s| {
                s.iam
                    .user(&account, &user)
                    .map(|u| u.attached_policies.iter().cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let managed = RwSignal::new(format!("arn:aws:iam::aws:policy/{}", AWS_MANAGED[0].name));
    let save_user = user.clone();
    let save = move |_| {
        let text = document.get_untracked();
        let result = sandbox.call_query(
            QueryService::Iam,
            "PutUserPolicy",
            &[
                ("UserName", &save_user),
                ("PolicyName", INLINE_POLICY_NAME),
                ("PolicyDocument", &text),
            ],
        );
        settle(
            announcer,
            refused,
            result,
            format!("Saved the inline policy of {save_user}."),
        );
    };
    let attach_user = user.clone();
    let attach = move |_| {
        let arn = managed.get_untracked();
        let result = sandbox.call_query(
            QueryService::Iam,
            "AttachUserPolicy",
            &[("UserName", &attach_user), ("PolicyArn", &arn)],
        );
        match result {
            Ok(_) => announcer.success(format!("Attached {arn} to {attach_user}.")),
            Err(failure) => announcer.failed(&failure),
        }
    };
    let heading = format!("Permissions of {user}");
    view! {
        <section class="card editor" aria-label=heading.clone()>
            <h3>{heading.clone()}</h3>
            <div class="field" class:invalid=move || error().is_some()>
                <label for="policy-document">"Policy document"</label>
                <textarea id="policy-document" rows="12" spellcheck="false" class="mono"
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby="policy-document-error"
                    prop:value=move || document.get()
                    on:input=move |ev| {
                        refused.set(None);
                        document.set(event_target_value(&ev));
                    }></textarea>
                <p class="field-error" id="policy-document-error" aria-live="polite">
                    {move || error().unwrap_or_default()}
                </p>
            </div>
            <button type="button" on:click=save>"Save"</button>
            <div class="field inline">
                <label for="managed-policy">"Managed policy"</label>
                <select id="managed-policy" prop:value=move || managed.get()
                    on:change=move |ev| managed.set(event_target_value(&ev))>
                    {AWS_MANAGED.iter().map(|p| {
                        let arn = format!("arn:aws:iam::aws:policy/{}", p.name);
                        view! { <option value=arn>{p.name}</option> }
                    }).collect_view()}
                </select>
                <button type="button" on:click=attach>"Attach"</button>
            </div>
            <h4>"Attached managed policies"</h4>
            <ul>
                {move || {
                    let list = attached.get();
                    if list.is_empty() {
                        view! { <li>"None"</li> }.into_any()
                    } else {
                        list.into_iter().map(|arn| view! { <li class="mono">{arn}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
            <p class="hint">"Permissions boundary: none (boundaries come with IAM roles)."</p>
        </section>
    }
}

/// Announces a call's outcome; IAM's refusal of the document is also shown
/// at the textbox.
fn settle(
    announcer: Announcer,
    refused: RwSignal<Option<String>>,
    result: Result<String, Failure>,
    success: String,
) {
    match result {
        Ok(_) => {
            refused.set(None);
            announcer.success(success);
        }
        Err(failure) => {
            if failure.code == "MalformedPolicyDocument" {
                refused.set(Some(failure.message.clone()));
            }
            announcer.failed(&failure);
        }
    }
}

#[component]
fn Principals() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let editing = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        let account = sandbox.caller();
        sandbox
            .principals()
            .into_iter()
            .filter(|p| p.account_id() == account)
            .collect::<Vec<_>>()
    });
    view! {
        <table class="principals">
            <caption>{move || format!("Principals of account {}", sandbox.caller())}</caption>
            <thead><tr><th scope="col">"Principal"</th><th scope="col">"ARN"</th><th scope="col">"Permissions"</th></tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|principal| {
                    let name = principal_name(&principal);
                    let edit = matches!(principal, Principal::User { .. }).then(|| {
                        let user = name.clone();
                        let open = user.clone();
                        view! {
                            <button type="button" class="secondary"
                                aria-expanded=move || (editing.get().as_deref() == Some(user.as_str())).to_string()
                                on:click=move |_| editing.update(|e| {
                                    *e = if e.as_deref() == Some(open.as_str()) { None } else { Some(open.clone()) };
                                })>
                                {format!("Edit permissions of {name}")}
                            </button>
                        }
                    });
                    view! {
                        <tr>
                            <td>{name.clone()}</td>
                            <td class="mono">{principal.arn()}</td>
                            <td>{edit}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {move || editing.get().map(|user| {
            let account = sandbox.caller();
            view! { <EditPermissions account user /> }
        })}
    }
}

const CONTACT_TYPES: [&str; 3] = ["BILLING", "OPERATIONS", "SECURITY"];

#[component]
fn Simulator() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let principal = RwSignal::new(sandbox.principal());
    let action = RwSignal::new(Operation::ALL[0].name().to_owned());
    let contact_type = RwSignal::new(CONTACT_TYPES[0].to_owned());
    let region = RwSignal::new("us-east-1".to_owned());
    let target = RwSignal::new(String::new());
    let result = RwSignal::new(None);
    let principals = Memo::new(move |_| {
        sandbox
            .principals()
            .into_iter()
            .map(|p| p.arn())
            .collect::<Vec<_>>()
    });
    let simulate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(operation) = Operation::from_name(&action.get_untracked()) else {
            return;
        };
        let (who, kind, region, target) = (
            principal.get_untracked(),
            contact_type.get_untracked(),
            region.get_untracked(),
            target.get_untracked(),
        );
        let simulation = Simulation {
            principal: &who,
            operation,
            account_id: (!target.trim().is_empty()).then_some(target.trim()),
            contact_type: &kind,
            region: &region,
        };
        result.set(sandbox.simulate(&simulation));
    };
    view! {
        <section class="card" aria-labelledby="simulator-heading">
            <h2 id="simulator-heading">"Policy simulator"</h2>
            <p class="hint">"How the policies in play would decide a call, without making it."</p>
            <form class="simulator" on:submit=simulate>
                <div class="field">
                    <label for="simulate-principal">"Principal"</label>
                    <select id="simulate-principal" prop:value=move || principal.get()
                        on:change=move |ev| principal.set(event_target_value(&ev))>
                        {move || principals.get().into_iter().map(|arn| { let text = arn.clone(); view! { <option value=arn>{text}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="simulate-action">"Action"</label>
                    <select id="simulate-action" prop:value=move || action.get()
                        on:change=move |ev| action.set(event_target_value(&ev))>
                        {Operation::ALL.map(|op| view! { <option value=op.name()>{format!("account:{}", op.name())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="simulate-contact-type">"Contact type"</label>
                    <select id="simulate-contact-type" prop:value=move || contact_type.get()
                        on:change=move |ev| contact_type.set(event_target_value(&ev))>
                        {CONTACT_TYPES.map(|t| view! { <option value=t>{t}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="simulate-region">"Region"</label>
                    <input id="simulate-region" type="text" autocomplete="off" prop:value=move || region.get()
                        on:input=move |ev| region.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="simulate-target">"Target account"</label>
                    <input id="simulate-target" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby="simulate-target-hint" prop:value=move || target.get()
                        on:input=move |ev| target.set(event_target_value(&ev)) />
                    <p class="hint" id="simulate-target-hint">"Blank: the principal's own account, without AccountId."</p>
                </div>
                <button type="submit">"Simulate"</button>
            </form>
            <div role="status" class="simulation-result">
                {move || result.get().map(|explanation: account_engine::Explanation| {
                    let verdict = if explanation.decision.allowed { "allowed" } else { "denied" };
                    view! {
                        <p class="verdict">{verdict}</p>
                        <ExplanationView explanation />
                    }
                })}
            </div>
        </section>
    }
}

#[component]
pub fn PermissionsTab() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="permissions-heading">
            <div class="card-header">
                <h2 id="permissions-heading">"Permissions"</h2>
                <CreateUser />
            </div>
            <p class="hint">"The principals of the account chosen in Acting as. Changes are IAM calls made as that principal."</p>
            <Principals />
        </section>
        <Simulator />
    }
}

#[cfg(test)]
mod tests {
    use super::policy_problem;

    #[test]
    fn broken_json_is_refused_with_iams_message_and_where_it_broke() {
        assert_eq!(
            policy_problem("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}").as_deref(),
            Some("Syntax errors in policy. (line 4, column 1)")
        );
        assert_eq!(
            policy_problem(
                r#"{"Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#
            )
            .as_deref(),
            Some("Policy document must be version 2012-10-17 or greater.")
        );
        assert_eq!(
            policy_problem(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#
            ),
            None
        );
    }
}
