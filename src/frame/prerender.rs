//! The first HTML of the page, rendered at build time (`src/bin/prerender.rs`
//! as Trunk's `post_build` hook) from the app's own [`frame`] with Leptos's
//! server rendering: header, a disabled `Acting as`, every tab as a link to
//! its deep link, and the default tab's panel as a skeleton. It knows no
//! state, so it shows nothing a returning user's saved state could
//! contradict; the wasm replaces it when it starts (`start()` in lib.rs).

use leptos::prelude::*;

use crate::frame::layout::{frame, panel_skeleton};
use crate::frame::route::Tab;

/// What the page says where the app would be when it cannot run: a
/// paragraph that the stylesheet shows only when scripting is off
/// (`@media (scripting: none)`), as the skeleton only when it is on. Not
/// `<noscript>`: a browser's scripting switch decides both how it is
/// parsed and whether it is laid out, and Chromium under Playwright's
/// JavaScript-off mode parses its content as markup but lays none of it out.
pub const NEEDS_JAVASCRIPT: &str =
    "This sandbox runs the Account API in your browser and needs JavaScript and WebAssembly.";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PrerenderError {
    #[error("the page has no <body> to put the frame in")]
    NoBody,
}

/// The default tab's panel before the app has read the state, and the
/// paragraph that stands in for the app without JavaScript.
#[component]
fn PanelSkeleton() -> impl IntoView {
    view! {
        <p class="banner warning needs-javascript">{NEEDS_JAVASCRIPT}</p>
        {panel_skeleton(Tab::ContactInformation)}
    }
}

/// The frame as HTML, for the body of `index.html`.
pub fn frame_html() -> String {
    // The frame's effects (the tablist's scrolling) are spawned, never
    // polled: they belong to the browser. An executor already set is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    owner.with(|| {
        let tab = Memo::new(|_| Tab::ContactInformation);
        frame(
            tab,
            view! { <select id="acting-as" disabled></select> }.into_any(),
            ().into_any(),
            || view! { <PanelSkeleton /> }.into_any(),
        )
        .to_html()
    })
}

/// `index.html` with the frame at the start of its body.
pub fn into_page(index_html: &str) -> Result<String, PrerenderError> {
    let open = index_html.find("<body").ok_or(PrerenderError::NoBody)?;
    let start = open + index_html[open..].find('>').ok_or(PrerenderError::NoBody)? + 1;
    let mut page = String::with_capacity(index_html.len() + 4096);
    page.push_str(&index_html[..start]);
    page.push_str(&frame_html());
    page.push_str(&index_html[start..]);
    Ok(page)
}
