//! The Console tab: a command line for `aws account`, `iam`, `sts` and
//! `organizations` commands, with a terminal-like transcript (each command
//! echoed as `$ <command>`), history on ArrowUp and ArrowDown, and Clear.

use leptos::prelude::*;

use crate::client::Sandbox;
use crate::training::console::Console;

#[component]
pub fn ConsoleTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let console = expect_context::<Console>();
    let line = RwSignal::new(String::new());
    let output = NodeRef::<leptos::html::Div>::new();

    // New output appears at the bottom, as in a terminal.
    Effect::new(move |_| {
        console.track();
        if let Some(element) = output.get() {
            element.set_scroll_top(element.scroll_height());
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        console.run(&sandbox, &line.get_untracked());
        line.set(String::new());
    };
    let recall = move |ev: leptos::ev::KeyboardEvent| {
        let recalled = match ev.key().as_str() {
            "ArrowUp" => console.older(&line.get_untracked()),
            "ArrowDown" => console.newer(),
            _ => return,
        };
        if let Some(text) = recalled {
            ev.prevent_default();
            line.set(text);
        }
    };

    view! {
        <div class="card">
            <div class="card-header">
                <h2>"Console"</h2>
                <button type="button" class="button small secondary" on:click=move |_| console.clear()>
                    "Clear"
                </button>
            </div>
            <p class="hint">
                "AWS CLI commands for the Account API, IAM, STS and Organizations run here as "
                <span class="mono">{move || sandbox.principal()}</span>
                " (the principal chosen in Acting as; --profile is ignored), printing what the AWS CLI prints. Try "
                <code>"aws help"</code>
                ", "
                <code>"aws sts get-caller-identity"</code>
                ", "
                <code>"aws account help"</code>
                " or "
                <code>"aws account get-alternate-contact --alternate-contact-type BILLING --output table"</code>
                ". ArrowUp and ArrowDown recall earlier commands."
            </p>
            <div class="console-output" role="log" aria-label="Console output" tabindex="0" node_ref=output>
                <For each=move || console.transcript() key=|run| run.id let:run>
                    <pre class="console-run">
                        <span class="console-command">{format!("$ {}\n", run.command)}</span>
                        {run.printed.stdout}
                        <span class="console-stderr">{run.printed.stderr}</span>
                    </pre>
                </For>
            </div>
            <form class="console-line" on:submit=submit>
                <label for="console-command">"Command"</label>
                <input
                    id="console-command"
                    type="text"
                    class="mono"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    prop:value=move || line.get()
                    on:input=move |ev| line.set(event_target_value(&ev))
                    on:keydown=recall
                />
                <button type="submit" class="button primary">"Run"</button>
            </form>
        </div>
    }
}
