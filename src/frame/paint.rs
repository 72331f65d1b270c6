//! Work that should not delay a frame: it runs in a task after the next
//! animation frame, or at once in a task while the page is hidden and draws
//! no frames.

use std::time::Duration;

use leptos::prelude::{document, request_animation_frame, set_timeout};

pub fn after_next_paint(work: impl FnOnce() + 'static) {
    if document().hidden() {
        set_timeout(work, Duration::ZERO);
    } else {
        request_animation_frame(move || set_timeout(work, Duration::ZERO));
    }
}
