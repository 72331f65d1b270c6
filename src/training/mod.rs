//! Training aids: the command-line console, scenarios with exercises, and
//! `?scenario=` links into them.

pub mod console;
pub mod scenario_link;
pub mod scenarios;
