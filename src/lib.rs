//! The resource browser: a Leptos page that runs the account engine in the
//! browser and keeps its state in localStorage.

// Natively the `ssr` feature (the prerender binary) gives every view an
// async HTML renderer, and without `erase_components` (wasm only) the
// deepest views' types outgrow the default limit of 128.
#![recursion_limit = "256"]

pub mod client;
pub mod frame;
pub mod jobs;
pub mod tabs;
pub mod training;
pub mod widgets;

/// Starts the page: panic panel, engine with the stored state, script API,
/// and the app mounted in place of the prerendered frame. A stored state
/// and a scenario link each need a chunk first (client/chunks.rs); until
/// it arrives the prerendered frame stays, and without either the app is
/// mounted in this task.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use client::chunks::{Protocols, Restore};
    use client::{persistence, storage};
    use frame::panic;
    use futures::future::OptionFuture;
    use training::scenario_link;

    panic::install_hook();
    let store = storage::BrowserStorage::open();
    let stored = persistence::stored(&store);
    let restore = matches!(stored, Ok(Some(_)));
    let slug = scenario_link::take();
    if !restore && slug.is_none() {
        return boot(store, stored, None, None);
    }
    // Before the mount no Leptos executor is set up.
    wasm_bindgen_futures::spawn_local(async move {
        let restore = OptionFuture::from(restore.then(Restore::load));
        let protocols = OptionFuture::from(slug.is_some().then(Protocols::load));
        let (restore, protocols) = futures::join!(restore, protocols);
        boot(store, stored, restore, slug.zip(protocols));
    });
}

#[cfg(target_arch = "wasm32")]
type Chunk<T> = Result<T, client::chunks::NotLoaded>;

#[cfg(target_arch = "wasm32")]
fn boot(
    store: client::storage::BrowserStorage,
    stored: Result<Option<String>, client::storage::StorageError>,
    restore: Option<Chunk<client::chunks::Restore>>,
    linked: Option<(String, Chunk<client::chunks::Protocols>)>,
) {
    use account_engine::{Config, Engine};
    use client::{clock, persistence, script_api};
    use frame::{app, settings};
    use training::scenario_link;

    let settings = settings::Settings::load(&store);
    let config = Config {
        timings: settings.speed.timings(),
        ..Config::default()
    };
    let mut engine = Engine::new(clock::BrowserClock, config);
    let startup = persistence::load(&mut engine, &store, stored, |engine, json| {
        match restore.unwrap_or(Err(client::chunks::NotLoaded::RESTORE)) {
            Ok(restore) => restore.restore(engine, json).map_err(|e| e.to_string()),
            Err(not_loaded) => Err(not_loaded.to_string()),
        }
    });
    let sandbox = client::Sandbox::new(engine, Box::new(store));
    save_after_paint(sandbox);
    let linked = linked.map(|(slug, protocols)| scenario_link::load(&sandbox, protocols, slug));
    if let Err(error) = script_api::install(sandbox) {
        web_sys::console::error_2(&"accountSandbox could not be installed".into(), &error);
    }
    // The body holds the prerendered frame (src/frame/prerender.rs). The app
    // replaces it rather than hydrating it: on Leptos 0.8 hydration adds
    // code to the wasm, and the frame is small. Emptying and mounting in one
    // task leaves no frame painted in between, and the app's first render
    // has the frame's geometry, so nothing moves. A tab focused in the frame
    // (index.html's script moves focus between them before the wasm runs)
    // is focused again in the app, whose tabs have the same ids.
    let document = leptos::prelude::document();
    let focused = document
        .active_element()
        .map(|element| element.id())
        .filter(|id| !id.is_empty());
    if let Some(body) = document.body() {
        body.set_text_content(None);
    }
    leptos::mount::mount_to_body(move || {
        leptos::view! { <app::App sandbox settings startup linked /> }
    });
    if let Some(id) = focused {
        widgets::focus::focus_id(&id);
    }
}

/// Writing the whole state to localStorage takes tens of milliseconds at
/// thousands of accounts, so a change is saved after the frame that shows
/// it (a task after the next animation frame; at once, in a task, while the
/// page is hidden and draws no frames). Leaving or hiding the page writes a
/// waiting change at once, so a reload or a closed tab loses nothing.
#[cfg(target_arch = "wasm32")]
fn save_after_paint(sandbox: client::Sandbox) {
    use leptos::prelude::{document, window_event_listener};

    sandbox.save_later(Box::new(frame::paint::after_next_paint));
    // Listeners for the page's whole life: nothing removes them.
    std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
        sandbox.flush()
    }));
    std::mem::forget(window_event_listener(
        leptos::ev::visibilitychange,
        move |_| {
            if document().hidden() {
                sandbox.flush();
            }
        },
    ));
}

/// The page only runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("account-sandbox is a web page: build it with `make dist` or run `make serve`.");
}
