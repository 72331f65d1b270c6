//! The frame of the page: the app (header, banners, tablist, panel), who it
//! acts as and on which account, the hash route and its signal, the
//! settings that persist, and the panic panel.

pub mod accounts;
pub mod app;
pub mod nav;
pub mod panic;
pub mod route;
pub mod settings;
