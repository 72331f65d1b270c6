//! The Permissions tab: the principals of the `Acting as` account with
//! their ARNs, and its roles; IAM users and roles created and their
//! permissions edited through IAM's own API, and roles assumed through
//! STS's, as the acting principal, so a refusal is the service's; and the
//! policy simulator, which explains a decision without making the call.

use account_engine::iam::{policy_arn, AWS_MANAGED};
use account_engine::{Operation, Principal, QueryService, Simulation};
use iam_policy::{Policy, PolicyKind};
use leptos::prelude::*;

use crate::client::{Failure, Sandbox};
use crate::widgets::announce::Announcer;
use crate::widgets::explain::ExplanationView;
use crate::widgets::form::Field;

/// The name the page gives the inline policy it edits.
pub const INLINE_POLICY_NAME: &str = "inline";

/// IAM's message for a document of `kind`, with the line and column where
/// broken JSON broke; `None` when IAM would accept it.
pub fn policy_problem(document: &str, kind: PolicyKind) -> Option<String> {
    let error = Policy::parse(document, kind).err()?;
    Some(match error.json_position() {
        Some(at) => format!("{error} (line {}, column {})", at.line, at.column),
        None => error.to_string(),
    })
}

const EMPTY_POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";

/// A trust policy letting the principals of `account` that their own
/// policies allow assume the role.
fn account_trust(account: &str) -> String {
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {{\n      \"Effect\": \"Allow\",\n      \"Principal\": {{ \"AWS\": \"arn:aws:iam::{account}:root\" }},\n      \"Action\": \"sts:AssumeRole\"\n    }}\n  ]\n}}"
    )
}

fn managed_arn(name: &str) -> String {
    format!("arn:aws:iam::aws:policy/{name}")
}

/// The managed policies an editor offers, as (ARN, text): the AWS managed
/// ones every account has, then `account`'s own (IAM CreatePolicy), by
/// name; a view that asks follows the state, so a policy created in the
/// Console is offered at once.
fn managed_choices(sandbox: Sandbox, account: &str) -> Vec<(String, String)> {
    let aws = AWS_MANAGED
        .iter()
        .map(|p| (managed_arn(p.name), p.name.to_owned()));
    let own = sandbox.with_state(|s| {
        s.iam
            .policies
            .get(account)
            .into_iter()
            .flat_map(|policies| policies.values())
            .map(|p| {
                let arn = policy_arn(account, &p.path, &p.name);
                (arn, format!("{} · customer managed", p.name))
            })
            .collect::<Vec<_>>()
    });
    aws.chain(own).collect()
}

/// Puts a refusal where it belongs and announces it: a
/// MalformedPolicyDocument at the document it is about (IAM's and STS's
/// own text), anything else at the form's error.
fn show_refusal(
    announcer: Announcer,
    failure: &Failure,
    document: RwSignal<Option<String>>,
    form: RwSignal<Option<String>>,
) {
    if failure.code == "MalformedPolicyDocument" {
        document.set(Some(failure.message.clone()));
    } else {
        form.set(Some(failure.to_string()));
    }
    announcer.failed(failure);
}

fn principal_name(principal: &Principal) -> String {
    match principal {
        Principal::Root { .. } => "Root user".to_owned(),
        Principal::User { name, .. } => name.clone(),
        Principal::AssumedRole { session_name, .. } => session_name.clone(),
    }
}

/// Whose permissions an editor changes: IAM has the same calls for both,
/// named `…User…` or `…Role…`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    User,
    Role,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Self::User => "User",
            Self::Role => "Role",
        }
    }

    /// The IAM action `<verb><User|Role><rest>`.
    fn action(self, verb: &str, rest: &str) -> String {
        format!("{verb}{}{rest}", self.noun())
    }

    fn name_param(self) -> &'static str {
        match self {
            Self::User => "UserName",
            Self::Role => "RoleName",
        }
    }

    /// Who `name` is, as the page names it: a user by its name (the UI
    /// contract's `Edit permissions of <name>`), a role as a role, so a
    /// user and a role of one name get buttons of their own.
    fn named(self, name: &str) -> String {
        match self {
            Self::User => name.to_owned(),
            Self::Role => format!("role {name}"),
        }
    }
}

/// What the Permissions tab has open below its tables.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Open {
    Edit(Kind, String),
    Assume(String),
}

/// A user's or a role's own policies, as the state holds them.
#[derive(Clone, PartialEq, Eq, Default)]
struct Own {
    inline: Option<String>,
    attached: Vec<String>,
    boundary: Option<String>,
}

fn own(sandbox: Sandbox, account: &str, kind: Kind, name: &str) -> Own {
    match kind {
        Kind::User => sandbox.with_state(|s| {
            s.iam.user(account, name).map(|u| Own {
                inline: u.inline_policies.get(INLINE_POLICY_NAME).cloned(),
                attached: u.attached_policies.iter().cloned().collect(),
                boundary: u.permissions_boundary.clone(),
            })
        }),
        Kind::Role => sandbox
            .roles(account)
            .into_iter()
            .find(|r| r.name == name)
            .map(|r| Own {
                inline: r.inline_policies.get(INLINE_POLICY_NAME).cloned(),
                attached: r.attached_policies.into_iter().collect(),
                boundary: r.permissions_boundary,
            }),
    }
    .unwrap_or_default()
}

/// A labelled policy textbox validated as you type: IAM's message (and
/// where broken JSON broke) or the service's refusal, linked to it.
#[component]
fn PolicyField(
    id: &'static str,
    label: &'static str,
    kind: PolicyKind,
    document: RwSignal<String>,
    refused: RwSignal<Option<String>>,
    /// An empty document is no document (an optional session policy).
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let problem = Memo::new(move |_| {
        document.with(|d| (!(optional && d.trim().is_empty())).then(|| policy_problem(d, kind)))
    });
    let error = move || refused.get().or_else(|| problem.get().flatten());
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id>{label}</label>
            <textarea id=id rows="10" spellcheck="false" class="mono"
                aria-invalid=move || error().map(|_| "true")
                aria-describedby=error_id.clone()
                prop:value=move || document.get()
                on:input=move |ev| {
                    refused.set(None);
                    document.set(event_target_value(&ev));
                }></textarea>
            <p class="field-error" id=error_id aria-live="polite">
                {move || error().unwrap_or_default()}
            </p>
        </div>
    }
}

/// A button beside the tab's heading that opens (or closes) a form below it.
fn form_toggle(open: RwSignal<bool>, text: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="button secondary" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>{text}</button>
    }
}

/// The `Create user` form, built each time it opens, so it opens empty.
#[component]
fn CreateUser(open: RwSignal<bool>) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let user = name.get_untracked();
        match sandbox.call_query(QueryService::Iam, "CreateUser", &[("UserName", &user)]) {
            Ok(_) => {
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
        <form class="inline-form" aria-label="Create user" on:submit=create>
            <Field label="User name" id="new-user-name" value=name error />
            <button type="submit" class="button primary">"Create"</button>
        </form>
    }
}

/// `Create role`: a name and a trust policy, validated as a trust policy
/// as you type; CreateRole's refusal shows at the field it is about. Built
/// each time it opens, with a trust policy for the acting account.
#[component]
fn CreateRole(open: RwSignal<bool>) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let name = RwSignal::new(String::new());
    let trust = RwSignal::new(account_trust(&sandbox.caller()));
    let name_error = RwSignal::new(None::<String>);
    let trust_refused = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (role, document) = (name.get_untracked(), trust.get_untracked());
        let params = [
            ("RoleName", role.as_str()),
            ("AssumeRolePolicyDocument", &document),
        ];
        match sandbox.call_query(QueryService::Iam, "CreateRole", &params) {
            Ok(_) => {
                open.set(false);
                announcer.success(format!("Created role {role}."));
            }
            Err(failure) => show_refusal(announcer, &failure, trust_refused, name_error),
        }
    };
    view! {
        <form class="inline-form" aria-label="Create role" on:submit=create>
            <Field label="Role name" id="new-role-name" value=name error=name_error />
            <PolicyField id="trust-policy" label="Trust policy" kind=PolicyKind::Trust
                document=trust refused=trust_refused />
            <button type="submit" class="button primary">"Create"</button>
        </form>
    }
}

/// The permissions of one user or role: its inline policy, its managed
/// policies, its permissions boundary.
#[component]
fn EditPermissions(account: String, kind: Kind, name: String) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let stored = own(sandbox, &account, kind, &name);
    let document = RwSignal::new(stored.inline.unwrap_or_else(|| EMPTY_POLICY.to_owned()));
    let refused = RwSignal::new(None::<String>);
    let save_refused = RwSignal::new(None::<String>);
    let attached = {
        let (account, name) = (account.clone(), name.clone());
        Memo::new(move |_| own(sandbox, &account, kind, &name).attached)
    };
    let managed = RwSignal::new(managed_arn(AWS_MANAGED[0].name));
    let boundary = RwSignal::new(stored.boundary.unwrap_or_default());
    let save_name = name.clone();
    let save = move |_| {
        save_refused.set(None);
        let text = document.get_untracked();
        let result = sandbox.call_query(
            QueryService::Iam,
            &kind.action("Put", "Policy"),
            &[
                (kind.name_param(), &save_name),
                ("PolicyName", INLINE_POLICY_NAME),
                ("PolicyDocument", &text),
            ],
        );
        match result {
            Ok(_) => {
                refused.set(None);
                announcer.success(format!("Saved the inline policy of {save_name}."));
            }
            Err(failure) => show_refusal(announcer, &failure, refused, save_refused),
        }
    };
    let choices = {
        let account = account.clone();
        Memo::new(move |_| managed_choices(sandbox, &account))
    };
    let attach_name = name.clone();
    let attach = move |_| {
        let arn = managed.get_untracked();
        let result = sandbox.call_query(
            QueryService::Iam,
            &kind.action("Attach", "Policy"),
            &[(kind.name_param(), &attach_name), ("PolicyArn", &arn)],
        );
        announce(
            announcer,
            result,
            format!("Attached {arn} to {attach_name}."),
        );
    };
    let bound_name = name.clone();
    let set_boundary = move |_| {
        let arn = boundary.get_untracked();
        let who = [(kind.name_param(), bound_name.as_str())];
        let (result, done) = if arn.is_empty() {
            (
                sandbox.call_query(
                    QueryService::Iam,
                    &kind.action("Delete", "PermissionsBoundary"),
                    &who,
                ),
                format!("Removed the permissions boundary of {bound_name}."),
            )
        } else {
            let params = [who[0], ("PermissionsBoundary", arn.as_str())];
            (
                sandbox.call_query(
                    QueryService::Iam,
                    &kind.action("Put", "PermissionsBoundary"),
                    &params,
                ),
                format!("Set the permissions boundary of {bound_name} to {arn}."),
            )
        };
        announce(announcer, result, done);
    };
    let heading = format!("Permissions of {}", kind.named(&name));
    // Keyed, so a policy created meanwhile adds its option and leaves the
    // chosen one chosen.
    let options = move || {
        view! {
            <For each=move || choices.get() key=|(arn, _)| arn.clone()
                children=|(arn, text)| view! { <option value=arn>{text}</option> } />
        }
    };
    view! {
        <section class="card inset editor" aria-label=heading.clone()>
            <h3>{heading.clone()}</h3>
            <PolicyField id="policy-document" label="Policy document" kind=PolicyKind::Identity
                document refused />
            <button type="button" class="button primary" on:click=save
                aria-describedby=move || save_refused.with(Option::is_some).then_some("save-policy-error")>
                "Save"
            </button>
            {move || save_refused.get().map(|e| view! { <p class="field-error" id="save-policy-error">{e}</p> })}
            <div class="field inline">
                <label for="managed-policy">"Managed policy"</label>
                <select id="managed-policy" prop:value=move || managed.get()
                    on:change=move |ev| managed.set(event_target_value(&ev))>
                    {options()}
                </select>
                <button type="button" class="button secondary" on:click=attach>"Attach"</button>
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
            <div class="field inline">
                <label for="permissions-boundary">"Permissions boundary"</label>
                <select id="permissions-boundary" prop:value=move || boundary.get()
                    on:change=move |ev| boundary.set(event_target_value(&ev))>
                    <option value="">"None"</option>
                    {options()}
                </select>
                <button type="button" class="button secondary" on:click=set_boundary>"Set boundary"</button>
            </div>
        </section>
    }
}

/// `Assume role <name>`: STS AssumeRole as the acting principal, with an
/// optional session policy; the session it opens joins `Acting as`.
#[component]
fn AssumeRole(account: String, role: String) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let role_arn = sandbox
        .roles(&account)
        .into_iter()
        .find(|r| r.name == role)
        .map_or_else(
            || format!("arn:aws:iam::{account}:role/{role}"),
            |r| format!("arn:aws:iam::{account}:role{}{}", r.path, r.name),
        );
    let session = RwSignal::new(String::new());
    let policy = RwSignal::new(String::new());
    let duration = RwSignal::new(String::new());
    let policy_refused = RwSignal::new(None::<String>);
    let duration_refused = RwSignal::new(None::<String>);
    let refused = RwSignal::new(None::<String>);
    let label = format!("Assume role {role}");
    let assume = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (name, document) = (session.get_untracked(), policy.get_untracked());
        let seconds = duration.get_untracked();
        let mut params = vec![("RoleArn", role_arn.as_str()), ("RoleSessionName", &name)];
        if !document.trim().is_empty() {
            params.push(("Policy", &document));
        }
        if !seconds.trim().is_empty() {
            params.push(("DurationSeconds", seconds.trim()));
        }
        match sandbox.call_query(QueryService::Sts, "AssumeRole", &params) {
            Ok(_) => {
                refused.set(None);
                duration_refused.set(None);
                let arn = format!("arn:aws:sts::{account}:assumed-role/{role}/{name}");
                announcer.success(format!("Assumed {role}: {arn} is in Acting as."));
            }
            Err(failure) if failure.field.as_deref() == Some("DurationSeconds") => {
                duration_refused.set(Some(failure.to_string()));
                announcer.failed(&failure);
            }
            Err(failure) => show_refusal(announcer, &failure, policy_refused, refused),
        }
    };
    view! {
        <section class="card inset editor" aria-label=label.clone()>
            <h3>{label.clone()}</h3>
            <form on:submit=assume>
                <div class="field">
                    <label for="session-name">"Session name"</label>
                    <input id="session-name" type="text" autocomplete="off"
                        prop:value=move || session.get()
                        on:input=move |ev| {
                            refused.set(None);
                            session.set(event_target_value(&ev));
                        } />
                </div>
                <PolicyField id="session-policy" label="Session policy" kind=PolicyKind::Identity
                    document=policy refused=policy_refused optional=true />
                <div class="field" class:invalid=move || duration_refused.with(Option::is_some)>
                    <label for="session-duration">"Duration (seconds)"</label>
                    <input id="session-duration" type="number" inputmode="numeric" autocomplete="off"
                        aria-invalid=move || duration_refused.with(Option::is_some).then_some("true")
                        aria-describedby="session-duration-hint session-duration-error"
                        prop:value=move || duration.get()
                        on:input=move |ev| {
                            duration_refused.set(None);
                            duration.set(event_target_value(&ev));
                        } />
                    <p class="hint" id="session-duration-hint">"Blank: one hour. From 900 to the role's maximum session duration."</p>
                    <p class="field-error" id="session-duration-error">{move || duration_refused.get().unwrap_or_default()}</p>
                </div>
                <button type="submit" class="button primary"
                    aria-describedby=move || refused.with(Option::is_some).then_some("assume-error")>
                    "Assume"
                </button>
                {move || refused.get().map(|e| view! { <p class="field-error" id="assume-error">{e}</p> })}
            </form>
        </section>
    }
}

/// Announces a call's outcome.
fn announce(announcer: Announcer, result: Result<String, Failure>, success: String) {
    match result {
        Ok(_) => announcer.success(success),
        Err(failure) => announcer.failed(&failure),
    }
}

/// A row's button that opens (or closes) `what` below the tables.
fn opener(opened: RwSignal<Option<Open>>, what: Open, text: String) -> impl IntoView {
    let shown = what.clone();
    view! {
        <button type="button" class="button small secondary"
            aria-expanded=move || opened.with(|o| o.as_ref() == Some(&shown)).to_string()
            on:click=move |_| opened.update(|o| {
                *o = if o.as_ref() == Some(&what) { None } else { Some(what.clone()) };
            })>
            {text}
        </button>
    }
}

#[component]
fn Principals() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let opened = RwSignal::new(None::<Open>);
    let rows = Memo::new(move |_| {
        let account = sandbox.caller();
        sandbox
            .principals()
            .into_iter()
            .filter(|p| p.account_id() == account)
            .collect::<Vec<_>>()
    });
    let roles = Memo::new(move |_| {
        sandbox
            .roles(&sandbox.caller())
            .into_iter()
            .map(|r| {
                let arn = format!("arn:aws:iam::{}:role{}{}", sandbox.caller(), r.path, r.name);
                (r.name, arn)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <div class="table-wrap">
            <table class="principals">
                <caption>{move || format!("Principals of account {}", sandbox.caller())}</caption>
                <thead><tr><th scope="col">"Principal"</th><th scope="col">"ARN"</th><th scope="col" class="row-actions">"Permissions"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|principal| {
                        let name = principal_name(&principal);
                        let edit = matches!(principal, Principal::User { .. }).then(|| {
                            opener(opened, Open::Edit(Kind::User, name.clone()), format!("Edit permissions of {}", Kind::User.named(&name)))
                        });
                        view! {
                            <tr>
                                <td>{name.clone()}</td>
                                <td class="mono">{principal.arn()}</td>
                                <td class="row-actions">{edit}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="table-wrap">
            <table class="principals">
                <caption>{move || format!("Roles of account {}", sandbox.caller())}</caption>
                <thead><tr><th scope="col">"Role"</th><th scope="col">"ARN"</th><th scope="col" class="row-actions">"Actions"</th></tr></thead>
                <tbody>
                    {move || roles.get().into_iter().map(|(name, arn)| view! {
                        <tr>
                            <td>{name.clone()}</td>
                            <td class="mono">{arn}</td>
                            <td class="row-actions">
                                {opener(opened, Open::Edit(Kind::Role, name.clone()), format!("Edit permissions of {}", Kind::Role.named(&name)))}
                                {opener(opened, Open::Assume(name.clone()), format!("Assume role {name}"))}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || opened.get().map(|what| {
            let account = sandbox.caller();
            match what {
                Open::Edit(kind, name) => view! { <EditPermissions account kind name /> }.into_any(),
                Open::Assume(role) => view! { <AssumeRole account role /> }.into_any(),
            }
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
                <button type="submit" class="button primary">"Simulate"</button>
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
    let user_form = RwSignal::new(false);
    let role_form = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="permissions-heading">
            <div class="card-header">
                <h2 id="permissions-heading">"Permissions"</h2>
                <div class="header-actions">
                    {form_toggle(user_form, "Create user")}
                    {form_toggle(role_form, "Create role")}
                </div>
            </div>
            <Show when=move || user_form.get()><CreateUser open=user_form /></Show>
            <Show when=move || role_form.get()><CreateRole open=role_form /></Show>
            <p class="hint">"The principals and roles of the account chosen in Acting as. Changes are IAM and STS calls made as that principal; a role's sessions join Acting as."</p>
            <Principals />
        </section>
        <Simulator />
    }
}

#[cfg(test)]
mod tests {
    use super::{account_trust, policy_problem};
    use iam_policy::PolicyKind;

    #[test]
    fn broken_json_is_refused_with_iams_message_and_where_it_broke() {
        assert_eq!(
            policy_problem(
                "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}",
                PolicyKind::Identity
            )
            .as_deref(),
            Some("Syntax errors in policy. (line 4, column 1)")
        );
        assert_eq!(
            policy_problem(
                r#"{"Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#,
                PolicyKind::Identity
            )
            .as_deref(),
            Some("Policy document must be version 2012-10-17 or greater.")
        );
        assert_eq!(
            policy_problem(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"account:*","Resource":"*"}]}"#,
                PolicyKind::Identity
            ),
            None
        );
    }

    #[test]
    fn trust_policies_are_checked_as_trust_policies() {
        assert_eq!(
            policy_problem(&account_trust("111122223333"), PolicyKind::Trust),
            None
        );
        let identity = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;
        assert_eq!(
            policy_problem(identity, PolicyKind::Trust).as_deref(),
            Some("Has prohibited field Resource.")
        );
        assert_eq!(
            policy_problem(&account_trust("111122223333"), PolicyKind::Identity).as_deref(),
            Some("Policy document should not specify a principal.")
        );
    }
}
