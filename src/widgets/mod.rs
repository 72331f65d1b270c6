//! Controls the tabs share: labelled fields with linked errors, confirmation
//! dialogs, live-region announcements, the virtual table, copy buttons,
//! downloads, focus handed back by id, what the search boxes match, the choices fields offer, and
//! sections built after the first frame.

pub mod announce;
pub mod clipboard;
pub mod deferred;
pub mod dialog;
pub mod download;
pub mod explain;
pub mod filters;
pub mod focus;
pub mod form;
pub mod suggestions;
pub mod virtual_table;
