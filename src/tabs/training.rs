//! The Training tab: scenarios to start from, exercises with live
//! checkmarks, and the whole state as a file (export, import, reset).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::chunks::{Protocols, Restore};
use crate::client::Sandbox;
use crate::frame::settings::Settings;
use crate::training::scenarios::Scenario;
use crate::widgets::announce::Announcer;
use crate::widgets::dialog::ConfirmDialog;
use crate::widgets::download::download;

fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.chars().take(10).collect()
}

#[component]
fn Exercises() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let settings = expect_context::<RwSignal<Settings>>();
    let scenario = move || settings.with(|s| s.scenario);
    view! {
        <section class="card" aria-labelledby="exercises-heading">
            <h2 id="exercises-heading">"Exercises"</h2>
            <p class="hint">{move || format!("For the scenario \u{201c}{}\u{201d}. Each turns green when the sandbox state, or a call you make, meets it.", scenario().title())}</p>
            <ul class="goals">
                {move || {
                    let scenario = scenario();
                    scenario
                        .goals()
                        .iter()
                        .zip(settings.with(|s| s.done(&sandbox)))
                        .map(|(goal, met)| {
                            view! {
                                <li class="goal" class:met=met>
                                    <span class="check" aria-hidden="true">{if met { "✓" } else { "○" }}</span>
                                    <span>{goal.title}</span>
                                    <span class="visually-hidden">{if met { " (done)" } else { " (not done yet)" }}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
pub fn TrainingTab() -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let announcer = expect_context::<Announcer>();
    let settings = expect_context::<RwSignal<Settings>>();
    let pending = RwSignal::new(None::<Scenario>);
    let confirm_reset = RwSignal::new(false);

    let load = move |scenario: Scenario| {
        pending.set(None);
        leptos::task::spawn_local(async move {
            let protocols = match Protocols::load().await {
                Ok(protocols) => protocols,
                Err(error) => {
                    return announcer.fail_text(format!("The scenario was not loaded: {error}."))
                }
            };
            match scenario.apply(protocols, &sandbox) {
                Ok(()) => {
                    settings.update(|s| s.begin(scenario));
                    announcer.success(format!("Scenario loaded: {}.", scenario.title()));
                }
                Err(error) => announcer.failure(&error),
            }
        });
    };

    let export = move |_| {
        let name = format!("account-sandbox-{}.json", today());
        match download(&name, &sandbox.export(), "application/json") {
            Ok(()) => announcer.success(format!("State exported as {name}.")),
            Err(_) => announcer.fail_text("Export failed: the browser refused the download."),
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let restore = match Restore::load().await {
                Ok(restore) => restore,
                Err(error) => {
                    return announcer.fail_text(format!("Import failed, nothing changed: {error}."))
                }
            };
            match text.ok().and_then(|t| t.as_string()) {
                Some(text) => match sandbox.import(restore, &text) {
                    Ok(()) => announcer.success(format!("State imported from {name}.")),
                    Err(error) => {
                        announcer.fail_text(format!("Import failed, nothing changed: {error}."))
                    }
                },
                None => announcer.fail_text(format!(
                    "Import failed, nothing changed: {name} could not be read."
                )),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">"Scenarios"</h2>
            <p class="hint">"Start a class from the same state. Loading a scenario replaces the current state; export it first to keep it."</p>
            <div class="scenario-grid">
                {Scenario::ALL.map(|scenario| view! {
                    <div class="scenario">
                        <h3>{scenario.title()}</h3>
                        <p>{scenario.description()}</p>
                        <button type="button" class="button secondary"
                            aria-label=format!("Load scenario: {}", scenario.title())
                            on:click=move |_| pending.set(Some(scenario))>
                            "Load"
                        </button>
                    </div>
                }).collect_view()}
            </div>
        </section>
        <Exercises />
        <section class="card" aria-labelledby="state-heading">
            <h2 id="state-heading">"State"</h2>
            <p class="hint">"The whole sandbox as one JSON file, the same format as the local endpoint's --state file."</p>
            <div class="toolbar">
                <button type="button" class="button secondary" on:click=export>"Export"</button>
                <label class="button secondary file-button">
                    "Import"
                    <input type="file" accept="application/json,.json" class="visually-hidden" on:change=import />
                </label>
                <button type="button" class="button danger-outline" on:click=move |_| confirm_reset.set(true)>"Reset"</button>
            </div>
        </section>
        <ConfirmDialog
            open=Signal::derive(move || pending.get().is_some())
            title=Signal::derive(move || format!("Load \u{201c}{}\u{201d}?", pending.get().map(Scenario::title).unwrap_or_default()))
            message=Signal::derive(|| "The current state is replaced. Export it first if you want to keep it.".to_owned())
            confirm="Load"
            on_confirm=Callback::new(move |()| {
                if let Some(scenario) = pending.get_untracked() {
                    load(scenario);
                }
            })
            on_cancel=Callback::new(move |()| pending.set(None))
        />
        <ConfirmDialog
            open=Signal::derive(move || confirm_reset.get())
            title=Signal::derive(|| "Reset the sandbox?".to_owned())
            message=Signal::derive(|| "Everything goes: contacts, regions, accounts and the activity log. Export first to keep a copy.".to_owned())
            confirm="Reset"
            danger=true
            on_confirm=Callback::new(move |()| {
                confirm_reset.set(false);
                sandbox.reset();
                sandbox.activity.clear();
                settings.update(|s| s.begin(s.scenario));
                announcer.success("The sandbox was reset.");
            })
            on_cancel=Callback::new(move |()| confirm_reset.set(false))
        />
    }
}
