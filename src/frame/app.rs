//! The frame: header, banners, the tablist and its panel, live regions, and
//! the timer that completes region changes and primary email updates when
//! they are due.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::persistence::Startup;
use crate::client::storage::BACKUP_KEY;
use crate::client::Sandbox;
use crate::frame::accounts::ActingAs;
use crate::frame::nav::Nav;
use crate::frame::route::{Route, Tab};
use crate::frame::settings::{keep_ticks, Settings};
use crate::tabs::activity::ActivityTab;
use crate::tabs::alternate_contacts::AlternateContactsTab;
use crate::tabs::console::ConsoleTab;
use crate::tabs::contact_information::phone_verification::CodeSent;
use crate::tabs::contact_information::ContactInformationTab;
use crate::tabs::events::EventsTab;
use crate::tabs::inbox::InboxTab;
use crate::tabs::organization::primary_email::EmailChange;
use crate::tabs::organization::{OrganizationTab, TreeModel};
use crate::tabs::permissions::PermissionsTab;
use crate::tabs::regions::RegionsTab;
use crate::tabs::training::TrainingTab;
use crate::training::console::Console;
use crate::training::scenario_link::Linked;
use crate::widgets::announce::{Announcer, LiveRegions};
use crate::widgets::download::download;

fn tab_id(tab: Tab) -> String {
    format!("tab-{}", tab.slug())
}

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

fn focus_tab(tab: Tab) {
    let element = document()
        .get_element_by_id(&tab_id(tab))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.click();
    }
}

/// Scrolls the tab bar (not the page) so the selected tab is in view: on a
/// narrow screen the bar scrolls sideways, and a deep link or a hash change
/// from a link in a panel could otherwise select a tab no one can see.
fn reveal_tab(tablist: &web_sys::HtmlElement, tab: Tab) {
    let Some(selected) = document().get_element_by_id(&tab_id(tab)) else {
        return;
    };
    let bar = tablist.get_bounding_client_rect();
    let shown = selected.get_bounding_client_rect();
    let off_left = shown.left() - bar.left();
    let off_right = shown.right() - bar.right();
    if off_left < 0.0 {
        tablist.set_scroll_left(tablist.scroll_left() + off_left.floor() as i32);
    } else if off_right > 0.0 {
        tablist.set_scroll_left(tablist.scroll_left() + off_right.ceil() as i32);
    }
}

/// Arrow keys, Home and End move between tabs, as the ARIA tabs pattern
/// asks.
fn on_tab_key(ev: web_sys::KeyboardEvent, current: Tab) {
    let index = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
    let last = Tab::ALL.len() - 1;
    let next = match ev.key().as_str() {
        "ArrowRight" => {
            if index == last {
                0
            } else {
                index + 1
            }
        }
        "ArrowLeft" => {
            if index == 0 {
                last
            } else {
                index - 1
            }
        }
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    ev.prevent_default();
    focus_tab(Tab::ALL[next]);
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
    provide_context(CodeSent::new());
    let nav = Nav::follow_location();
    provide_context(nav);
    let settings = RwSignal::new(match linked.as_ref().and_then(|l| l.scenario) {
        // A linked scenario was loaded afresh: none of its exercises is done.
        Some(scenario) => Settings {
            scenario,
            ticked: Default::default(),
            ..settings
        },
        None => settings,
    });
    provide_context(settings);
    keep_ticks(sandbox, settings);
    Effect::new(move |_| {
        let settings = settings.get();
        sandbox.set_timings(settings.speed.timings());
        sandbox.save_beside(|store| settings.save(store));
    });
    arm_completion_timer(sandbox);

    let tab = Memo::new(move |_| nav.tab());
    let tablist = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        if let Some(tablist) = tablist.get() {
            reveal_tab(&tablist, tab.get());
        }
    });
    let tabs = Tab::ALL
        .into_iter()
        .map(|t| {
            let selected = move || tab.get() == t;
            view! {
                <a
                    role="tab"
                    id=tab_id(t)
                    href=Route::new(t).href()
                    aria-controls="panel"
                    aria-selected=move || if selected() { "true" } else { "false" }
                    tabindex=move || if selected() { "0" } else { "-1" }
                    class="tab"
                    on:keydown=move |ev| on_tab_key(ev, t)
                >
                    {t.label()}
                </a>
            }
        })
        .collect_view();

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span>"Account Management"</span>
                <span class="pill">"Sandbox"</span>
            </div>
            <ActingAs />
        </header>
        <main class="page">
            <Banners startup />
            {linked.map(|linked| view! { <ScenarioBanner linked /> })}
            <h1>"Account"</h1>
            <nav role="tablist" aria-label="Account settings" class="tabs" node_ref=tablist>{tabs}</nav>
            <section role="tabpanel" id="panel" class="panel" tabindex="-1"
                aria-labelledby=move || tab_id(tab.get())>
                {move || match tab.get() {
                    Tab::ContactInformation => view! { <ContactInformationTab /> }.into_any(),
                    Tab::AlternateContacts => view! { <AlternateContactsTab /> }.into_any(),
                    Tab::Regions => view! { <RegionsTab /> }.into_any(),
                    Tab::Organization => view! { <OrganizationTab /> }.into_any(),
                    Tab::Activity => view! { <ActivityTab /> }.into_any(),
                    Tab::Events => view! { <EventsTab /> }.into_any(),
                    Tab::Console => view! { <ConsoleTab /> }.into_any(),
                    Tab::Training => view! { <TrainingTab /> }.into_any(),
                    Tab::Inbox => view! { <InboxTab /> }.into_any(),
                    Tab::Permissions => view! { <PermissionsTab /> }.into_any(),
                }}
            </section>
        </main>
        <LiveRegions />
    }
}
