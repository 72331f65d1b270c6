//! What a field offers while typing (its `<datalist>`), listed once the
//! field has had focus, where alone a browser shows it.
//!
//! Chromium, building a field whose datalist has options, walks every
//! `<option>` of the document; `Acting as` holds one per principal, and
//! at 5,000 accounts (10,002 options) that walk was 5 ms of each render of
//! the Organization tab (measured: a page with 10,000 options elsewhere
//! builds an input with a 20-option datalist in 7.1 ms, with an empty one
//! in 1.5 ms, and typing costs the same either way).

use leptos::prelude::*;

/// Whether a field's choices are wanted yet: false until it has had focus,
/// then true for as long as the field lives.
#[derive(Clone, Copy)]
pub struct Suggestions {
    wanted: RwSignal<bool>,
}

impl Default for Suggestions {
    fn default() -> Self {
        Self {
            wanted: RwSignal::new(false),
        }
    }
}

impl Suggestions {
    /// Tracked, so a memo of choices is first computed when they are
    /// wanted, not when the field is built.
    pub fn wanted(self) -> bool {
        self.wanted.get()
    }

    /// For the field's `focus` (or `focusin` of the form holding it).
    pub fn want(self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }
}
