//! The current route as a signal, kept in step with `location.hash`.
//! Filters replace the history entry (typing should not flood Back);
//! tabs are links, so each tab visit is an entry of its own.

use leptos::prelude::*;

use crate::frame::route::{Route, Tab};

#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl Nav {
    /// Reads the hash now and follows its changes.
    pub fn follow_location() -> Self {
        let route = RwSignal::new(Route::parse(&location_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&location_hash()));
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
        Self { route }
    }

    pub fn tab(&self) -> Tab {
        self.route.with(|r| r.tab)
    }

    /// A query parameter of the current route, empty when absent.
    pub fn param(&self, name: &str) -> String {
        self.route
            .with(|r| r.param(name).unwrap_or_default().to_owned())
    }

    pub fn set_param(&self, name: &str, value: &str) {
        let next = self.route.with_untracked(|r| r.with(name, value));
        let _ = window().history().and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next.href()))
        });
        self.route.set(next);
    }
}
