//! The resource browser: a Leptos page that runs the account engine in the
//! browser and keeps its state in localStorage.

pub mod accounts;
pub mod activity;
pub mod announce;
pub mod app;
pub mod bulk;
pub mod client;
pub mod clipboard;
pub mod clock;
pub mod console;
pub mod countries;
pub mod dialog;
pub mod download;
pub mod filters;
pub mod form;
pub mod nav;
pub mod panic;
pub mod persistence;
pub mod phone_verification;
pub mod primary_email;
pub mod route;
pub mod scenario_link;
pub mod scenarios;
pub mod script_api;
pub mod settings;
pub mod slices;
pub mod storage;
pub mod tabs;
pub mod virtual_table;

/// Starts the page: panic panel, engine with the stored state, script API,
/// and the mounted app.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use account_engine::{Config, Engine};

    panic::install_hook();
    let store = storage::BrowserStorage::open();
    let settings = settings::Settings::load(&store);
    let config = Config {
        timings: settings.speed.timings(),
        ..Config::default()
    };
    let mut engine = Engine::new(clock::BrowserClock, config);
    let startup = persistence::load(&mut engine, &store);
    let sandbox = client::Sandbox::new(engine, Box::new(store));
    let linked = scenario_link::take().map(|scenario| scenario_link::load(&sandbox, scenario));
    if let Err(error) = script_api::install(sandbox) {
        web_sys::console::error_2(&"accountSandbox could not be installed".into(), &error);
    }
    leptos::mount::mount_to_body(move || {
        leptos::view! { <app::App sandbox settings startup linked /> }
    });
}

/// The page only runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("account-sandbox is a web page: build it with `make dist` or run `make serve`.");
}
