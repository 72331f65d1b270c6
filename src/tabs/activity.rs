//! The Activity tab: every call made in the page, newest first, with its
//! request and response, filterable by operation and outcome. Calls of
//! every service also show the AWS CLI command and the boto3 snippet that
//! make the same request (IAM and STS calls read back from the Query
//! parameters the log keeps).

use account_engine::{Explanation, Operation, OrgOperation};
use account_training::services::input_from_query_params;
use account_training::{
    render_boto3, render_cli, render_organizations_boto3, render_organizations_cli,
    render_service_boto3, render_service_cli, Service,
};
use leptos::prelude::*;

use crate::client::activity::{Entry, CAPACITY};
use crate::client::Sandbox;
use crate::frame::nav::Nav;
use crate::widgets::clipboard::CopyButton;
use crate::widgets::explain::ExplanationView;

fn clock_time(millis: i64) -> String {
    let date = js_sys::Date::new(&(millis as f64).into());
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

fn pretty(value: &serde_json::Value) -> String {
    account_engine::pretty::indent(&value.to_string())
}

/// The same request as an AWS CLI command (with `--account-id` when the
/// call named an account) and as a boto3 snippet.
#[component]
fn Equivalents(cli: String, boto3: String) -> impl IntoView {
    view! {
        <div class="equivalent">
            <div class="snippet-header">
                <span class="snippet-title">"AWS CLI"</span>
                <span class="snippet-actions">
                    <CopyButton what="AWS CLI command" text=cli.clone() />
                    <CopyButton what="boto3 snippet" text=boto3.clone() />
                </span>
            </div>
            <pre class="code">{cli}</pre>
            <details>
                <summary>"boto3 snippet"</summary>
                <pre class="code">{boto3}</pre>
            </details>
        </div>
    }
}

/// The CLI command and boto3 snippet of a logged call, for any service.
fn equivalents(entry: &Entry) -> Option<(String, String)> {
    match entry.service {
        "iam" | "sts" => {
            let service = Service::from_cli_name(entry.service)?;
            let input =
                input_from_query_params(service.operation(&entry.operation)?, &entry.request);
            Some((
                render_service_cli(service, &entry.operation, &input)?,
                render_service_boto3(service, &entry.operation, &input)?,
            ))
        }
        "organizations" => OrgOperation::from_name(&entry.operation).map(|op| {
            (
                render_organizations_cli(op, &entry.request),
                render_organizations_boto3(op, &entry.request),
            )
        }),
        _ => Operation::from_name(&entry.operation).map(|op| {
            (
                render_cli(op, &entry.request),
                render_boto3(op, &entry.request),
            )
        }),
    }
}

/// `Why?`: the decision path of a refused call, shown on demand.
#[component]
fn Why(explanation: Explanation) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>"Why?"</button>
        <Show when=move || open.get()>
            <ExplanationView explanation=explanation.clone() />
        </Show>
    }
}

#[component]
fn EntryView(entry: Entry) -> impl IntoView {
    let heading_id = format!("call-{}", entry.id);
    let labelled_by = heading_id.clone();
    let equivalents = equivalents(&entry).map(|(cli, boto3)| view! { <Equivalents cli boto3 /> });
    let outcome = match &entry.error_code {
        Some(code) => format!("{} {code}", entry.status),
        None => format!("{} OK", entry.status),
    };
    view! {
        <article class="entry" class:failed=!entry.succeeded() aria-labelledby=labelled_by>
            <header class="entry-header">
                <h3 id=heading_id>{entry.operation.clone()}</h3>
                <span class="outcome" class:ok=entry.succeeded()>{outcome}</span>
                <span class="meta">
                    <time>{clock_time(entry.time)}</time>
                    " · caller " <span class="mono">{entry.caller.clone()}</span>
                    " · from the " {entry.source.as_str()}
                </span>
            </header>
            {equivalents}
            {entry.explanation.clone().map(|explanation| view! { <Why explanation=*explanation /> })}
            <details>
                <summary>"Request and response"</summary>
                <div class="wire">
                    <div>
                        <h4>{format!("Request: POST {}", Operation::from_name(&entry.operation).map(Operation::path).unwrap_or_default())}</h4>
                        <pre class="code">{pretty(&entry.request)}</pre>
                    </div>
                    <div>
                        <h4>{if entry.succeeded() { "Response" } else { "Error" }}</h4>
                        <pre class="code">{pretty(&entry.response)}</pre>
                    </div>
                </div>
            </details>
        </article>
    }
}

#[component]
pub fn ActivityTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let nav = expect_context::<Nav>();
    let operation = Memo::new(move |_| nav.param("operation"));
    let outcome = Memo::new(move |_| nav.param("outcome"));
    let shown = move || {
        let operation = operation.get();
        let outcome = outcome.get();
        sandbox
            .activity
            .entries()
            .into_iter()
            .filter(|e| operation.is_empty() || e.operation == operation)
            .filter(|e| match outcome.as_str() {
                "succeeded" => e.succeeded(),
                "failed" => !e.succeeded(),
                _ => true,
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="card">
            <div class="card-header">
                <h2>"Activity"</h2>
            </div>
            <p class="hint">"Every API call made in this page — by the forms, the console or window.accountSandbox.call — newest first."</p>
            <div class="toolbar">
                <div class="field inline">
                    <label for="filter-operation">"Filter by operation"</label>
                    <select id="filter-operation" prop:value=move || operation.get()
                        on:change=move |ev| nav.set_param("operation", &event_target_value(&ev))>
                        <option value="">"All operations"</option>
                        {Operation::ALL.map(|op| view! { <option value=op.name()>{op.name()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field inline">
                    <label for="filter-outcome">"Filter by outcome"</label>
                    <select id="filter-outcome" prop:value=move || outcome.get()
                        on:change=move |ev| nav.set_param("outcome", &event_target_value(&ev))>
                        <option value="">"All outcomes"</option>
                        <option value="succeeded">"Succeeded"</option>
                        <option value="failed">"Failed"</option>
                    </select>
                </div>
            </div>
            {move || {
                let dropped = sandbox.activity.dropped();
                (dropped > 0).then(|| view! {
                    <p class="note">{format!("Only the newest {CAPACITY} calls are kept; {dropped} older calls were dropped.")}</p>
                })
            }}
            <div class="entries" role="list" aria-label="API calls">
                {move || {
                    let entries = shown();
                    if entries.is_empty() {
                        view! { <p class="empty-row">"No calls yet. Use a form, the console or window.accountSandbox.call."</p> }.into_any()
                    } else {
                        entries
                            .into_iter()
                            .map(|entry| view! { <div role="listitem"><EntryView entry /></div> })
                            .collect_view()
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::activity::Source;
    use serde_json::json;

    #[test]
    fn an_iam_call_shows_its_cli_command_and_boto3_snippet_from_its_query_parameters() {
        let entry = Entry {
            id: 1,
            time: 0,
            source: Source::Console,
            caller: "arn:aws:iam::000000000000:root".into(),
            operation: "CreateUser".into(),
            service: "iam",
            request: json!({"UserName": "alice", "Tags.member.1.Key": "team", "Tags.member.1.Value": "a b"}),
            status: 200,
            error_code: None,
            response: json!("<CreateUserResponse/>"),
            explanation: None,
        };
        let (cli, boto3) = equivalents(&entry).unwrap();
        assert_eq!(
            cli,
            r#"aws iam create-user --tags '[{"Key":"team","Value":"a b"}]' --user-name alice"#
        );
        assert!(
            boto3.contains("client = boto3.client(\"iam\")\nresponse = client.create_user(\n"),
            "{boto3}"
        );
        let sts = Entry {
            service: "sts",
            operation: "GetCallerIdentity".into(),
            request: json!({}),
            ..entry
        };
        assert_eq!(equivalents(&sts).unwrap().0, "aws sts get-caller-identity");
    }
}
