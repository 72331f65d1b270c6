//! The frame of the page: its layout (header, tablist, panel), the app that
//! fills it, its prerendered first HTML, who it acts as and on which
//! account, the hash route and its signal, work deferred past the next
//! frame, the settings that persist, and the panic panel.

pub mod accounts;
pub mod app;
pub mod layout;
pub mod nav;
pub mod paint;
pub mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
pub mod settings;
