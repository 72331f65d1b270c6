//! The current route as a signal, kept in step with `location.hash`.
//! Filters replace the history entry (typing should not flood Back);
//! tabs are links, so each tab visit is an entry of its own. A tab click
//! pushes that entry itself rather than following the link: on this page a
//! fragment navigation cost 11–17 ms before the render even began (the
//! `hashchange` comes in a task of its own, after a frame).

use leptos::prelude::*;

use crate::frame::paint::after_next_paint;
use crate::frame::route::{Route, Tab};

#[derive(Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl Nav {
    /// Reads the hash now and follows its changes: `hashchange` for links and
    /// typed fragments, `popstate` for Back and Forward over pushed entries.
    pub fn follow_location() -> Self {
        let route = RwSignal::new(Route::parse(&location_hash()));
        let follow = move || {
            let next = Route::parse(&location_hash());
            // Traversal fires both events; the second must not re-render.
            if route.with_untracked(|r| *r != next) {
                route.set(next);
            }
        };
        // The listeners live as long as the page.
        std::mem::forget(window_event_listener(leptos::ev::hashchange, move |_| {
            follow()
        }));
        std::mem::forget(window_event_listener(leptos::ev::popstate, move |_| {
            follow()
        }));
        Self { route }
    }

    /// Shows a tab as following its link would, as a history entry of its
    /// own, but in the click's task. The entry is pushed after the next
    /// frame: `pushState` took 3–45 ms per call here, which the tab's
    /// render need not wait for.
    pub fn go(&self, tab: Tab) {
        let next = Route::new(tab);
        if self.route.with_untracked(|r| *r == next) {
            return;
        }
        let href = next.href();
        self.route.set(next);
        after_next_paint(move || {
            let _ = window()
                .history()
                .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)));
        });
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
