//! The app: the frame (layout.rs) filled with the live `Acting as`, the
//! banners and the selected tab, the live regions, and the timer that
//! completes region changes and primary email updates when they are due.

use leptos::prelude::*;

use crate::client::persistence::Startup;
use crate::client::storage::BACKUP_KEY;
use crate::client::Sandbox;
use crate::frame::accounts::ActingAs;
use crate::frame::layout::{frame, panel_skeleton};
use crate::frame::nav::Nav;
use crate::frame::route::Tab;
use crate::frame::settings::{keep_ticks, Settings};
use crate::tabs::contact_information::phone_verification::CodeSent;
use crate::tabs::contact_information::ContactInformationTab;
use crate::tabs::lazy::lazy_tab;
use crate::tabs::organization::primary_email::EmailChange;
use crate::tabs::organization::{MemberIds, TreeModel};
use crate::training::console::Console;
use crate::training::scenario_link::Linked;
use crate::widgets::announce::{Announcer, LiveRegions};
use crate::widgets::download::download;

/// Wakes up when the next region change or primary email update is due and
/// lets the engine complete it; the state, not the timer, decides what is
/// done, so a reload or a sleeping laptop loses nothing.
fn arm_completion_timer(sandbox: Sandbox) {
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    fn arm(
        sandbox: Sandbox,
        timer: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
        due: Option<i64>,
    ) {
        let next = due.map(|at| {
            let delay = (at - sandbox.now()).clamp(0, i64::from(i32::MAX)) as u32;
            gloo_timers::callback::Timeout::new(delay + 20, move || {
                let due = sandbox.settle();
                arm(sandbox, timer, due);
            })
        });
        timer.set_value(next);
    }
    Effect::new(move |_| {
        sandbox.track();
        arm(sandbox, timer, sandbox.next_completion());
    });
}

/// The chunk the Organization, Permissions and Console tabs wait for (and
/// scenarios and scripts' Organizations, IAM and STS calls) is fetched once
/// the page is idle after its start, so a first click on them rarely waits.
#[cfg(target_arch = "wasm32")]
fn fetch_chunks_when_idle() {
    use crate::client::chunks::Protocols;
    use wasm_bindgen::JsCast;

    let fetch = wasm_bindgen::closure::Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            let _ = Protocols::load().await;
        })
    });
    let _ = window().request_idle_callback(fetch.unchecked_ref());
}

/// Natively (the prerender) nothing is split.
#[cfg(not(target_arch = "wasm32"))]
fn fetch_chunks_when_idle() {}

fn download_backup(sandbox: Sandbox) {
    if let Some(text) = sandbox.read_backup() {
        let _ = download("account-sandbox-backup.json", &text, "application/json");
    }
}

#[component]
fn ScenarioBanner(linked: Linked) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let Some(scenario) = linked.scenario else {
        return view! {
            <div class="banner warning" role="alert">
                {format!("The link asked for a scenario \u{201c}{}\u{201d} that does not exist; nothing was changed.", linked.slug)}
            </div>
        }
        .into_any();
    };
    let text = match &linked.error {
        Some(error) => format!(
            "The scenario \u{201c}{}\u{201d} could not be loaded: {error}",
            scenario.title()
        ),
        None => format!(
            "Scenario loaded from the link: {}. Its exercises are on the Training tab.",
            scenario.title()
        ),
    };
    view! {
        <div class="banner info" role="status">
            <p>{text}</p>
            {linked.backed_up.then(|| view! {
                <p>
                    "Your previous state is kept as a backup. "
                    <button type="button" class="button small secondary" on:click=move |_| download_backup(sandbox)>
                        "Download backup"
                    </button>
                </p>
            })}
        </div>
    }
    .into_any()
}

#[component]
fn Banners(startup: Startup) -> impl IntoView {
    let sandbox = expect_context::<Sandbox>();
    let startup_banner = match startup {
        Startup::Fresh | Startup::Restored => None,
        Startup::Unavailable(error) => Some(
            view! {
                <div class="banner warning" role="alert">
                    {format!("Saved state could not be read ({error}). Changes are kept in memory only.")}
                </div>
            }
            .into_any(),
        ),
        Startup::Recovered { reason, backed_up } => {
            Some(
                view! {
                    <div class="banner warning" role="alert">
                        <p>{format!("The saved state could not be loaded: {reason}. The sandbox started fresh.")}</p>
                        {if backed_up {
                            view! {
                                <p>
                                    {format!("The old state is kept in this browser under \"{BACKUP_KEY}\". ")}
                                    <button type="button" class="button small secondary" on:click=move |_| download_backup(sandbox)>
                                        "Download backup"
                                    </button>
                                </p>
                            }
                            .into_any()
                        } else {
                            view! { <p>"Storage refused to keep a backup of it."</p> }.into_any()
                        }}
                    </div>
                }
                .into_any(),
            )
        }
    };
    view! {
        {startup_banner}
        {move || {
            sandbox.storage_error.get().map(|error| view! {
                <div class="banner warning" role="alert">
                    {format!("Your changes could not be saved: {error}. The sandbox keeps working in memory; export or free some space to keep them.")}
                </div>
            })
        }}
    }
}

#[component]
pub fn App(
    sandbox: Sandbox,
    settings: Settings,
    startup: Startup,
    linked: Option<Linked>,
) -> impl IntoView {
    provide_context(sandbox);
    provide_context(Announcer::new());
    provide_context(Console::new());
    provide_context(EmailChange::new());
    provide_context(TreeModel::new(sandbox));
    provide_context(MemberIds::new(sandbox));
    provide_context(CodeSent::new());
    let nav = Nav::follow_location();
    provide_context(nav);
    let mut settings = settings;
    if let Some(scenario) = linked.as_ref().and_then(|l| l.scenario) {
        settings.begin(scenario);
    }
    let settings = RwSignal::new(settings);
    provide_context(settings);
    keep_ticks(sandbox, settings);
    Effect::new(move |_| {
        let settings = settings.get();
        sandbox.set_timings(settings.speed.timings());
        sandbox.save_beside(|store| settings.save(store));
    });
    arm_completion_timer(sandbox);

    let tab = Memo::new(move |_| nav.tab());
    // The frame is mounted in start()'s task with the panel's skeleton, and
    // the tab is built in the task after it: the tablist is in the page
    // (and a click on it is taken) without waiting for the tab's views, the
    // wasm they call compiled on first use.
    let built = RwSignal::new(false);
    set_timeout(move || built.set(true), std::time::Duration::ZERO);
    fetch_chunks_when_idle();
    let panel = move || match tab.get() {
        shown if !built.get() => panel_skeleton(shown),
        Tab::ContactInformation => view! { <ContactInformationTab /> }.into_any(),
        // The other tabs are fetched when first shown (tabs/lazy.rs).
        other => lazy_tab(other),
    };
    let banners = view! {
        <Banners startup />
        {linked.map(|linked| view! { <ScenarioBanner linked /> })}
    }
    .into_any();
    view! {
        {frame(tab, view! { <ActingAs /> }.into_any(), banners, panel)}
        <LiveRegions />
    }
}
