//! Outcomes announced to everyone, screen readers included: successes in a
//! `status` live region, failures in an `alert` with the API's code.

use account_engine::ApiError;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer {
    status: RwSignal<String>,
    alert: RwSignal<String>,
}

impl Announcer {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(String::new()),
            alert: RwSignal::new(String::new()),
        }
    }

    pub fn success(&self, message: impl Into<String>) {
        self.alert.set(String::new());
        self.status.set(message.into());
    }

    pub fn failure(&self, error: &ApiError) {
        self.status.set(String::new());
        self.alert.set(format!("{}: {error}", error.code()));
    }

    /// A failure of either API, already in `Code: message` form.
    pub fn failed(&self, failure: &crate::client::Failure) {
        self.status.set(String::new());
        self.alert.set(failure.to_string());
    }

    /// Something the person did not ask for but must know (the chosen
    /// principal can no longer call), in the status region; a failure
    /// already announced stays, since it may be what revealed it.
    pub fn note(&self, message: impl Into<String>) {
        self.status.set(message.into());
    }

    /// A failure that is not an API error (a file that cannot be read).
    pub fn fail_text(&self, message: impl Into<String>) {
        self.status.set(String::new());
        self.alert.set(message.into());
    }

    pub fn clear(&self) {
        self.status.set(String::new());
        self.alert.set(String::new());
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

/// The two live regions; present from the start so that screen readers
/// pick up their first change.
#[component]
pub fn LiveRegions() -> impl IntoView {
    let announcer = expect_context::<Announcer>();
    view! {
        <div class="announcements">
            <div role="status" class="announce announce-ok" class:empty=move || announcer.status.with(String::is_empty)>
                {move || announcer.status.get()}
            </div>
            <div role="alert" class="announce announce-error" class:empty=move || announcer.alert.with(String::is_empty)>
                {move || announcer.alert.get()}
            </div>
        </div>
    }
}
