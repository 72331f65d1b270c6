//! Controls the tabs share: labelled fields with linked errors, confirmation
//! dialogs, live-region announcements, the virtual table, copy buttons,
//! downloads and what the search boxes match.

pub mod announce;
pub mod clipboard;
pub mod dialog;
pub mod download;
pub mod explain;
pub mod filters;
pub mod form;
pub mod virtual_table;
