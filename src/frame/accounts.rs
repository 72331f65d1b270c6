//! Who the page acts as, and on which account: the `Acting as` select in
//! the frame picks the caller; the `Account` field on the resource tabs
//! picks the target (blank is the standalone context). The engine decides
//! what is allowed, so a refused choice shows the real AccessDenied.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use account_engine::store::State;
use account_engine::{AuthenticationError, Principal};
use account_training::case::lowercase;
use leptos::prelude::*;

use crate::client::{account_of, Sandbox};
use crate::widgets::announce::Announcer;
use crate::widgets::filters::needle;
use crate::widgets::suggestions::Suggestions;

/// The member accounts the `Account` field offers at once: a list to pick
/// from while typing, as the delegated administrator field does, not one
/// option per member, which at 5,000 members was rebuilt with every
/// resource tab shown (and taken apart, one option at a time, when it went).
const TARGET_CHOICES: usize = 20;

/// An account's role in its organization, as its label ends.
fn account_role(state: &State, id: &str) -> &'static str {
    match state.organization_of(id) {
        Some(o) if o.management_account_id == id => " (management)",
        Some(o) if o.delegated_administrator.as_deref() == Some(id) => " (delegated admin)",
        Some(_) => " (member)",
        None => "",
    }
}

/// An account's label, naming its role in its organization.
fn account_label(state: &State, id: &str, name: &str) -> String {
    format!("{id} · {name}{}", account_role(state, id))
}

/// A digest of everything [`principal_groups`] reads: the principals and
/// each account's id, name and role. Most changes (a tag, a contact, a
/// move) leave it equal, so the `Acting as` options, one per principal of
/// every account, are not built again, only this is.
fn principals_key(state: &State, principals: &[Principal]) -> u64 {
    let mut hasher = DefaultHasher::new();
    principals.hash(&mut hasher);
    for (id, account) in &state.accounts {
        (id, &account.name, account_role(state, id)).hash(&mut hasher);
    }
    hasher.finish()
}

/// The `Acting as` value of a principal: a root user's is its account id
/// (what the select offered before there were other principals), any
/// other's its ARN.
fn option_value(principal: &Principal) -> String {
    match principal {
        Principal::Root { account_id } => account_id.clone(),
        other => other.arn(),
    }
}

/// One group per account, labelled as the account, offering its
/// principals: (group label, [(value, text)]).
type Group = (String, Vec<(String, String)>);

fn principal_groups(state: &State, principals: &[Principal]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for principal in principals {
        let account = principal.account_id();
        let text = match principal {
            Principal::Root { .. } => format!("Root user · {}", principal.arn()),
            Principal::User { name, .. } => format!("{name} · {}", principal.arn()),
            Principal::AssumedRole { session_name, .. } => {
                format!("{session_name} · {}", principal.arn())
            }
        };
        let option = (option_value(principal), text);
        match groups.last_mut() {
            Some((_, options))
                if options
                    .first()
                    .is_some_and(|(v, _)| account_of(v) == account) =>
            {
                options.push(option);
            }
            _ => {
                let name = state.accounts.get(account).map_or("", |a| a.name.as_str());
                groups.push((account_label(state, account, name), vec![option]));
            }
        }
    }
    groups
}

/// The first [`TARGET_CHOICES`] accounts of the caller's organization
/// whose id or name contains `typed`: (id, name).
fn target_choices(state: &State, caller: &str, typed: &str) -> Vec<(String, String)> {
    let Some(org) = state.organization_of(caller) else {
        return Vec::new();
    };
    let needle = needle(typed);
    org.members
        .iter()
        .filter_map(|id| state.accounts.get(id))
        .filter(|a| {
            needle.is_empty() || a.id.contains(&needle) || lowercase(&a.name).contains(&needle)
        })
        .take(TARGET_CHOICES)
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect()
}

/// Why a chosen principal can no longer call, in the words of the option
/// `Acting as` keeps for it (so the select says so instead of showing
/// another principal, or none, while calls as it are refused) and of the
/// note that announces it.
fn gone_reason(arn: &str, refusal: AuthenticationError) -> (&'static str, &'static str) {
    match refusal {
        AuthenticationError::ExpiredToken => ("expired", "its session has expired"),
        _ if arn.starts_with("arn:aws:sts::") => ("its role deleted", "its role no longer exists"),
        _ => ("deleted", "it no longer exists"),
    }
}

#[component]
pub fn ActingAs() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    // The principals are walked once per revision: the key memo hands the
    // list to the groups, rebuilt only when the key changes. Whether the
    // chosen one still calls is the engine's answer, asked at each change
    // of the key, not a second search of the list.
    let walked = StoredValue::new(Vec::<Principal>::new());
    let key = Memo::new(move |_| {
        let principals = sandbox.principals();
        let key = sandbox.with_state(|s| principals_key(s, &principals));
        walked.set_value(principals);
        key
    });
    let groups = Memo::new(move |_| {
        key.get();
        untrack(|| walked.with_value(|p| sandbox.with_state(|s| principal_groups(s, p))))
    });
    let gone = Memo::new(move |_| {
        key.get();
        let arn = sandbox.principal();
        let refusal = sandbox.acting_refusal(&arn)?;
        let (option, note) = gone_reason(&arn, refusal);
        Some((arn, option, note))
    });
    Effect::new(move |was: Option<Option<String>>| {
        let now = gone.get();
        if let Some((arn, _, note)) = &now {
            if was.flatten().as_ref() != Some(arn) {
                announcer.note(format!(
                    "Acting as {arn}: {note}, so its calls are refused. Choose another principal."
                ));
            }
        }
        now.map(|(arn, _, _)| arn)
    });
    let value = move || {
        let arn = sandbox.principal();
        match arn.strip_suffix(":root") {
            Some(_) => account_of(&arn).to_owned(),
            None => arn,
        }
    };
    view! {
        <select
            id="acting-as"
            prop:value=value
            on:change=move |ev| sandbox.set_caller(principal_arn(&event_target_value(&ev)))
        >
            {move || gone.get().map(|(arn, option, _)| {
                let text = format!("{arn} · {option}");
                view! { <option value=arn selected=true>{text}</option> }
            })}
            {move || {
                groups
                    .get()
                    .into_iter()
                    .map(|(label, options)| view! {
                        <optgroup label=label>
                            {options.into_iter().map(|(v, text)| view! { <option value=v>{text}</option> }).collect_view()}
                        </optgroup>
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// The ARN an `Acting as` value stands for.
fn principal_arn(value: &str) -> String {
    if value.starts_with("arn:") {
        value.to_owned()
    } else {
        Principal::root(value).arn()
    }
}

/// The `Account` field: an input offering the first matching accounts of
/// the caller's organization (a combobox by role). Blank is the standalone
/// context. Typing an exact member id, or clearing the field, chooses at
/// once; anything else is sent as typed when the field is committed (Enter
/// or leaving it), and the engine answers for it.
#[component]
pub fn AccountPicker() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let typed = RwSignal::new(sandbox.target().unwrap_or_default());
    let suggestions = Suggestions::default();
    let choices = Memo::new(move |_| {
        if !suggestions.wanted() {
            return Vec::new();
        }
        let caller = sandbox.caller();
        let typed = typed.get();
        sandbox.with_state(|s| target_choices(s, &caller, &typed))
    });
    // Leaving the field commits it too: choosing the target it already
    // names would rebuild the tab under the pointer and swallow the click
    // that left it.
    let choose = move |value: &str| {
        let value = value.trim();
        let target = (!value.is_empty()).then(|| value.to_owned());
        if target != sandbox.target_untracked() {
            sandbox.set_target(target);
        }
    };
    let is_member = move |value: &str| {
        let caller = sandbox.caller();
        sandbox.with_state(|s| {
            s.organization_of(&caller)
                .is_some_and(|o| o.members.contains(value))
        })
    };
    view! {
        <div class="field inline">
            <label for="target-account">"Account"</label>
            <input
                id="target-account"
                type="text"
                list="target-account-choices"
                autocomplete="off"
                placeholder="Standalone (this account)"
                aria-describedby="target-account-hint"
                prop:value=move || sandbox.target().unwrap_or_default()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    typed.set(value.clone());
                    let value = value.trim();
                    if value.is_empty() || is_member(value) {
                        choose(value);
                    }
                }
                on:change=move |ev| choose(&event_target_value(&ev))
                on:focus=move |_| suggestions.want()
            />
            <datalist id="target-account-choices">
                {move || choices.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
            </datalist>
            <p class="hint" id="target-account-hint">"Blank: this account, standalone. Or an account ID of its organization."</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_engine::{Config, Engine, ManualClock};

    #[test]
    fn principals_are_grouped_by_account_and_targets_are_the_callers_organization() {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_organization("000000000000").unwrap();
        engine
            .add_member_account(&org, "111111111111", "Dev", "dev@example.com")
            .unwrap();
        engine
            .register_delegated_administrator(&org, "111111111111")
            .unwrap();
        let body = "Action=CreateUser&Version=2010-05-08&UserName=alice";
        assert_eq!(
            engine.handle_query("111111111111", body.as_bytes()).status,
            200
        );
        let groups = principal_groups(engine.state(), &engine.principals());
        assert_eq!(groups.len(), 2);
        assert!(groups[0].0.ends_with("(management)"), "{groups:?}");
        assert_eq!(
            groups[0].1,
            [(
                "000000000000".to_owned(),
                "Root user · arn:aws:iam::000000000000:root".to_owned()
            )]
        );
        assert!(
            groups[1].0.starts_with("111111111111 · Dev")
                && groups[1].0.ends_with("(delegated admin)")
        );
        assert_eq!(
            groups[1].1[1],
            (
                "arn:aws:iam::111111111111:user/alice".to_owned(),
                "alice · arn:aws:iam::111111111111:user/alice".to_owned()
            )
        );
        assert_eq!(
            principal_arn("111111111111"),
            "arn:aws:iam::111111111111:root"
        );
        assert_eq!(
            principal_arn(&groups[1].1[1].0),
            "arn:aws:iam::111111111111:user/alice"
        );
        let targets = target_choices(engine.state(), "111111111111", "");
        assert_eq!(targets.len(), 2);
        assert_eq!(
            target_choices(engine.state(), "111111111111", " DEV "),
            [("111111111111".to_owned(), "Dev".to_owned())]
        );
        assert!(target_choices(engine.state(), "999999999999", "").is_empty());
    }

    #[test]
    fn the_acting_as_key_follows_principals_names_and_roles_only() {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_organization("000000000000").unwrap();
        engine
            .add_member_account(&org, "111111111111", "Dev", "dev@example.com")
            .unwrap();
        let key = |e: &Engine| principals_key(e.state(), &e.principals());
        let before = key(&engine);
        let contact = r#"{"AlternateContactType":"BILLING","Name":"B","Title":"T","EmailAddress":"b@example.com","PhoneNumber":"+1 555"}"#;
        let response = engine.handle("000000000000", "/putAlternateContact", contact.as_bytes());
        assert_eq!(response.status, 200, "{}", response.body);
        assert_eq!(key(&engine), before, "a contact changes no option");
        engine
            .register_delegated_administrator(&org, "111111111111")
            .unwrap();
        let delegated = key(&engine);
        assert_ne!(
            delegated, before,
            "the delegated administrator's label changed"
        );
        let body = "Action=CreateUser&Version=2010-05-08&UserName=alice";
        assert_eq!(
            engine.handle_query("111111111111", body.as_bytes()).status,
            200
        );
        assert_ne!(key(&engine), delegated, "a new user is a new option");
    }
}
