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

/// What one of the identity, boundary and session layers said, from the
/// engine's `Decision.layers`; a layer that does not apply is absent there.
fn layer(decision: &Decision, kind: PolicyType, principal: &str) -> String {
    let Some(layer) = decision.layers.iter().find(|l| l.kind == kind) else {
        return match kind {
            PolicyType::Identity if principal.ends_with(":root") => {
                "not evaluated: a root user has full access in its own account".to_owned()
            }
            PolicyType::PermissionsBoundary => "none set".to_owned(),
            PolicyType::Session => {
                "none: not a session, or a session without session policies".to_owned()
            }
            _ => "not evaluated".to_owned(),
        };
    };
    match (&layer.denied_by, &layer.allowed_by) {
        (Some(deny), _) => format!("explicit deny in {}", statement(deny)),
        (None, Some(allow)) => format!("allowed by {}", statement(allow)),
        (None, None) => format!("no {} allows the action", kind.name()),
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
    let layers = [
        ("Identity-based policies", PolicyType::Identity),
        ("Permissions boundary", PolicyType::PermissionsBoundary),
        ("Session policy", PolicyType::Session),
    ]
    .map(|(name, kind)| {
        let said = layer(&explanation.decision, kind, &explanation.principal);
        view! { <li>{format!("{name}: {said}")}</li> }
    });
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
                {layers.into_iter().collect_view()}
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

#[cfg(test)]
mod tests {
    use super::layer;
    use account_engine::authz::{Decision, Layer, PolicyType, Statement};

    const SESSION: &str = "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/s";

    #[test]
    fn each_layer_says_which_statement_decided_or_that_it_does_not_apply() {
        let admin = Statement {
            policy: "arn:aws:iam::aws:policy/AdministratorAccess".into(),
            statement: "statement 1".into(),
            inline: false,
        };
        let decision = Decision {
            allowed: false,
            denied_by: Some((PolicyType::Session, None)),
            levels: Vec::new(),
            layers: vec![
                Layer {
                    kind: PolicyType::Identity,
                    allowed_by: Some(admin),
                    denied_by: None,
                },
                Layer {
                    kind: PolicyType::Session,
                    allowed_by: None,
                    denied_by: None,
                },
            ],
        };
        assert_eq!(
            layer(&decision, PolicyType::Identity, SESSION),
            "allowed by arn:aws:iam::aws:policy/AdministratorAccess (statement 1)"
        );
        assert_eq!(
            layer(&decision, PolicyType::PermissionsBoundary, SESSION),
            "none set"
        );
        assert_eq!(
            layer(&decision, PolicyType::Session, SESSION),
            "no session policy allows the action"
        );
        let root = Decision {
            layers: Vec::new(),
            ..decision
        };
        assert_eq!(
            layer(
                &root,
                PolicyType::Identity,
                "arn:aws:iam::111111111111:root"
            ),
            "not evaluated: a root user has full access in its own account"
        );
    }
}
