//! The tabs a first visit does not need, each built by a function that
//! `#[lazy]` splits out of the main wasm into a chunk of its own (with the
//! code only it reaches), fetched the first time the tab is shown. The
//! build splits them (scripts/split-wasm.sh, ARCHITECTURE.md); natively
//! each is an ordinary function behind a future that is ready at once.

use std::future::Future;

use futures::FutureExt;
use leptos::lazy;
use leptos::prelude::*;

use crate::client::chunks::Protocols;
use crate::frame::layout::panel_skeleton;
use crate::frame::route::Tab;
use crate::tabs::activity::ActivityTab;
use crate::tabs::alternate_contacts::AlternateContactsTab;
use crate::tabs::console::ConsoleTab;
use crate::tabs::events::EventsTab;
use crate::tabs::inbox::InboxTab;
use crate::tabs::organization::OrganizationTab;
use crate::tabs::permissions::PermissionsTab;
use crate::tabs::regions::RegionsTab;
use crate::tabs::training::TrainingTab;

#[lazy]
fn alternate_contacts() -> AnyView {
    view! { <AlternateContactsTab /> }.into_any()
}

#[lazy]
fn regions() -> AnyView {
    view! { <RegionsTab /> }.into_any()
}

#[lazy]
fn activity() -> AnyView {
    view! { <ActivityTab /> }.into_any()
}

#[lazy]
fn events() -> AnyView {
    view! { <EventsTab /> }.into_any()
}

#[lazy]
fn console() -> AnyView {
    view! { <ConsoleTab /> }.into_any()
}

#[lazy]
fn training() -> AnyView {
    view! { <TrainingTab /> }.into_any()
}

#[lazy]
fn inbox() -> AnyView {
    view! { <InboxTab /> }.into_any()
}

#[lazy]
fn organization() -> AnyView {
    view! { <OrganizationTab /> }.into_any()
}

#[lazy]
fn permissions() -> AnyView {
    view! { <PermissionsTab /> }.into_any()
}

/// Once a tab's chunk has loaded, its future is ready when first polled,
/// so the tab renders in the task that selected it, as a tab of the main
/// module does; before, the skeleton shows while the chunk is fetched.
fn when_loaded<F>(tab: Tab, view: F) -> AnyView
where
    F: Future<Output = AnyView> + Send + 'static,
{
    let mut view = Box::pin(view);
    if let Some(view) = view.as_mut().now_or_never() {
        return view;
    }
    view! {
        <Suspense fallback=move || panel_skeleton(tab)>{Suspend::new(view)}</Suspense>
    }
    .into_any()
}

/// A tab whose forms call the Organizations, IAM or STS dispatchers shows
/// once their chunk (client/chunks.rs) is here too, so its calls answer at
/// once; both chunks are fetched at the same time. Should the protocols'
/// fetch fail, the tab shows all the same and each of those calls says the
/// code could not be fetched.
async fn with_protocols(view: impl Future<Output = AnyView>) -> AnyView {
    let (_, view) = futures::join!(Protocols::load(), view);
    view
}

/// The panel of a tab that is not in the main module.
pub fn lazy_tab(tab: Tab) -> AnyView {
    match tab {
        Tab::AlternateContacts => when_loaded(tab, alternate_contacts()),
        Tab::Regions => when_loaded(tab, regions()),
        Tab::Activity => when_loaded(tab, activity()),
        Tab::Events => when_loaded(tab, events()),
        Tab::Console => when_loaded(tab, with_protocols(console())),
        Tab::Training => when_loaded(tab, training()),
        Tab::Inbox => when_loaded(tab, inbox()),
        Tab::Permissions => when_loaded(tab, with_protocols(permissions())),
        Tab::Organization => when_loaded(tab, with_protocols(organization())),
        Tab::ContactInformation => unreachable!("in the main module"),
    }
}
