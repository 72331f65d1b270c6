//! Long page jobs (the bulk job, generating accounts) run in short slices.
//! Each slice is one [`Sandbox::batch`], so the state is saved at most once
//! per slice rather than once per call (after the slice's frame), and
//! between slices the job yields to the browser, so progress repaints and
//! a Cancel click is heard.

use gloo_timers::future::TimeoutFuture;

use crate::client::Sandbox;

/// How long one slice may hold the page.
const SLICE_MS: f64 = 8.0;

/// Milliseconds from the page's high-resolution clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Runs a job until `slice` says no work is left or `cancelled()` holds
/// before a slice. `slice` works while the `time_left` it is given holds,
/// and returns whether work remains; `sliced` then gets the slice's time
/// (the save runs after the frame, outside it). Returns whether the job
/// ran to its end.
pub async fn run(
    sandbox: Sandbox,
    cancelled: impl Fn() -> bool,
    mut slice: impl FnMut(&dyn Fn() -> bool) -> bool,
    mut sliced: impl FnMut(f64),
) -> bool {
    loop {
        if cancelled() {
            return false;
        }
        let started = now_ms();
        let more = sandbox.batch(|| slice(&|| now_ms() - started < SLICE_MS));
        sliced(now_ms() - started);
        if !more {
            return true;
        }
        TimeoutFuture::new(0).await;
    }
}
