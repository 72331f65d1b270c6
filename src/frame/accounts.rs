//! Who the page acts as, and on which account: the `Acting as` select in
//! the frame picks the caller; the `Account` select on the resource tabs
//! picks the target (blank is the standalone context). The engine decides
//! what is allowed, so a refused choice shows the real AccessDenied.

use account_engine::store::State;
use account_engine::Principal;
use leptos::prelude::*;

use crate::client::{account_of, Sandbox};

/// An account's label, naming its role in its organization.
fn account_label(state: &State, id: &str, name: &str) -> String {
    let role = match state.organization_of(id) {
        Some(o) if o.management_account_id == id => " (management)",
        Some(o) if o.delegated_administrator.as_deref() == Some(id) => " (delegated admin)",
        Some(_) => " (member)",
        None => "",
    };
    format!("{id} · {name}{role}")
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

/// The accounts the caller could name as a target: its organization's.
fn target_options(state: &State, caller: &str) -> Vec<(String, String)> {
    let Some(org) = state.organization_of(caller) else {
        return Vec::new();
    };
    org.members
        .iter()
        .filter_map(|id| state.accounts.get(id))
        .map(|a| (a.id.clone(), format!("{} · {}", a.id, a.name)))
        .collect()
}

#[component]
pub fn ActingAs() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let groups = Memo::new(move |_| {
        let principals = sandbox.principals();
        sandbox.with_state(|s| principal_groups(s, &principals))
    });
    let value = move || {
        let arn = sandbox.principal();
        match arn.strip_suffix(":root") {
            Some(_) => account_of(&arn).to_owned(),
            None => arn,
        }
    };
    view! {
        <div class="acting-as">
            <label for="acting-as">"Acting as"</label>
            <select
                id="acting-as"
                prop:value=value
                on:change=move |ev| sandbox.set_caller(principal_arn(&event_target_value(&ev)))
            >
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
        </div>
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

#[component]
pub fn AccountPicker() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let options = Memo::new(move |_| {
        let caller = sandbox.caller();
        sandbox.with_state(|s| target_options(s, &caller))
    });
    view! {
        <div class="field inline">
            <label for="target-account">"Account"</label>
            <select
                id="target-account"
                prop:value=move || sandbox.target().unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    sandbox.set_target((!value.is_empty()).then_some(value));
                }
            >
                <option value="">"Standalone (this account)"</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(id, label)| view! { <option value=id>{label}</option> })
                        .collect_view()
                }}
            </select>
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
        let targets = target_options(engine.state(), "111111111111");
        assert_eq!(targets.len(), 2);
        assert!(target_options(engine.state(), "999999999999").is_empty());
    }
}
