//! The decision path of a call, as `Why?` in the Activity tab and the
//! policy simulator show it: each layer in evaluation order, which
//! statement matched or that none did, and the request context. The
//! wording is the page's; the decision is the engine's.

use account_engine::authz::{Decision, Level, PolicyType, Statement};
use account_engine::Explanation;
use leptos::prelude::*;

fn statement(s: &Statement) -> String {
    if s.inline {
        format!("inline policy {} ({})", s.policy, s.statement)
    } else {
        format!("{} ({})", s.policy, s.statement)
    }
}

/// What one SCP level said.
fn level(level: &Level) -> String {
    match (&level.denied_by, &level.allowed_by) {
        (Some(deny), _) => format!("{}: explicit deny in {}", level.target, statement(deny)),
        (None, Some(allow)) => format!("{}: allowed by {}", level.target, statement(allow)),
        (None, None) => format!("{}: no statement allows the action", level.target),
    }
}

/// What the identity layer said, from the decision and the principal.
fn identity(decision: &Decision, principal: &str) -> String {
    match &decision.denied_by {
        Some((PolicyType::Identity, Some(deny))) => format!("explicit deny in {}", statement(deny)),
        Some((PolicyType::Identity, None)) => {
            "no identity-based policy allows the action".to_owned()
        }
        _ if principal.ends_with(":root") => {
            "not evaluated: a root user has full access in its own account".to_owned()
        }
        Some((PolicyType::ServiceControl, Some(_))) => {
            "not decisive: an explicit deny in a service control policy came first".to_owned()
        }
        _ if decision.allowed => "an identity-based policy allows the action".to_owned(),
        _ => "not decisive: the service control policies allow nothing here".to_owned(),
    }
}

/// Which policy decided, in words.
pub fn decided_by(explanation: &Explanation) -> String {
    match &explanation.decision.denied_by {
        Some((kind, Some(s))) => format!("Denied by {}: {}", kind.name(), statement(s)),
        Some((kind, None)) => format!("Denied: no {} allows the action", kind.name()),
        None => "Allowed: no policy denies and every layer allows".to_owned(),
    }
}

#[component]
pub fn ExplanationView(explanation: Explanation) -> impl IntoView {
    let levels = &explanation.decision.levels;
    let scps = if levels.is_empty() {
        view! { <li>"Service control policies: not evaluated (no SCPs apply to this account)"</li> }
            .into_any()
    } else {
        view! {
            <li>
                "Service control policies, from the root down:"
                <ul>{levels.iter().map(|l| view! { <li>{level(l)}</li> }).collect_view()}</ul>
            </li>
        }
        .into_any()
    };
    let identity = identity(&explanation.decision, &explanation.principal);
    let context = explanation
        .context
        .iter()
        .map(|(key, values)| {
            view! {
                <tr>
                    <th scope="row" class="mono">{key.clone()}</th>
                    <td class="mono">{values.join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="explanation">
            <p><strong>{decided_by(&explanation)}</strong></p>
            {explanation.message.clone().map(|m| view! { <p class="mono">{m}</p> })}
            <h4>"Decision path"</h4>
            <ol>
                {scps}
                <li>{format!("Identity-based policies: {identity}")}</li>
                <li>"Permissions boundary: none"</li>
                <li>"Session policy: none"</li>
            </ol>
            <h4>"Request context"</h4>
            <table class="context">
                <caption class="visually-hidden">"Request context"</caption>
                <tbody>
                    <tr><th scope="row">"Principal"</th><td class="mono">{explanation.principal.clone()}</td></tr>
                    <tr><th scope="row">"Action"</th><td class="mono">{explanation.action.clone()}</td></tr>
                    <tr><th scope="row">"Resource"</th><td class="mono">{explanation.resource.clone()}</td></tr>
                    {context}
                </tbody>
            </table>
        </div>
    }
}
