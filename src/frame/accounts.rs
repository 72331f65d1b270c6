//! Who the page acts as, and on which account: the `Acting as` select in
//! the frame picks the caller; the `Account` select on the resource tabs
//! picks the target (blank is the standalone context). The engine decides
//! what is allowed, so a refused choice shows the real AccessDenied.

use account_engine::store::State;
use leptos::prelude::*;

use crate::client::Sandbox;

/// Every account of the sandbox with a label naming its role.
fn account_options(state: &State) -> Vec<(String, String)> {
    state
        .accounts
        .values()
        .map(|account| {
            let org = state.organization_of(&account.id);
            let role = match org {
                Some(o) if o.management_account_id == account.id => " (management)",
                Some(o) if o.delegated_administrator.as_deref() == Some(&account.id) => {
                    " (delegated admin)"
                }
                Some(_) => " (member)",
                None => "",
            };
            (
                account.id.clone(),
                format!("{} · {}{role}", account.id, account.name),
            )
        })
        .collect()
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
    let options = Memo::new(move |_| sandbox.with_state(account_options));
    view! {
        <div class="acting-as">
            <label for="acting-as">"Acting as"</label>
            <select
                id="acting-as"
                prop:value=move || sandbox.caller()
                on:change=move |ev| sandbox.set_caller(event_target_value(&ev))
            >
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
    fn options_name_roles_and_targets_are_the_callers_organization() {
        let mut engine = Engine::new(ManualClock::at(0), Config::default());
        let org = engine.create_organization("000000000000").unwrap();
        engine
            .add_member_account(&org, "111111111111", "Dev", "dev@example.com")
            .unwrap();
        engine
            .register_delegated_administrator(&org, "111111111111")
            .unwrap();
        let labels: Vec<String> = account_options(engine.state())
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert!(labels[0].ends_with("(management)"), "{labels:?}");
        assert!(
            labels[1].starts_with("111111111111 · Dev") && labels[1].ends_with("(delegated admin)")
        );
        let targets = target_options(engine.state(), "111111111111");
        assert_eq!(targets.len(), 2);
        assert!(target_options(engine.state(), "999999999999").is_empty());
    }
}
