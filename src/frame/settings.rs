//! Page settings that persist: how fast region changes and primary email
//! updates complete, the Training scenario, and the exercises of it that
//! calls ticked.

use std::collections::BTreeSet;

use account_engine::Timings;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::client::storage::{KeyValue, StorageError, SETTINGS_KEY};
use crate::client::Sandbox;
use crate::training::scenarios::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Speed {
    /// A few seconds, for demos and classes.
    #[default]
    Demo,
    /// As observed on the real service.
    Realistic,
}

impl Speed {
    pub const ALL: [Self; 2] = [Self::Demo, Self::Realistic];

    pub fn timings(self) -> Timings {
        match self {
            Self::Demo => Timings {
                enable: 5_000,
                disable: 3_000,
                primary_email: 5_000,
            },
            Self::Realistic => Timings::REALISTIC,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Demo => "demo",
            Self::Realistic => "realistic",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Demo => "Demo (enable 5 s, disable 3 s, primary email 5 s)",
            Self::Realistic => "Realistic (enable 2 min 17 s, disable 50 s, primary email 4 h)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub speed: Speed,
    /// The scenario whose exercises the Training tab shows.
    #[serde(default)]
    pub scenario: Scenario,
    /// The exercises of `scenario` (by position) that ticked on a call.
    /// The activity log they tick on is not saved, so their ticks are,
    /// and stay once made.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub ticked: BTreeSet<usize>,
}

impl Settings {
    /// Stored settings; anything unreadable means the defaults.
    pub fn load(store: &dyn KeyValue) -> Self {
        store
            .get(SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Starts `scenario` afresh: none of its exercises is done yet.
    pub fn begin(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.ticked.clear();
    }

    /// Which exercises of the scenario are done, in order. Those that tick
    /// on calls are the ones `keep_ticks` kept; the others are the state's
    /// answer now (a reactive scope that asks follows the state).
    pub fn done(&self, sandbox: &Sandbox) -> Vec<bool> {
        if self.scenario.ticks_on_calls() {
            (0..self.scenario.goals().len())
                .map(|at| self.ticked.contains(&at))
                .collect()
        } else {
            self.scenario.met(sandbox)
        }
    }

    pub fn save(&self, store: &dyn KeyValue) -> Result<(), StorageError> {
        store.set(
            SETTINGS_KEY,
            &serde_json::to_string(self).expect("settings serialize"),
        )
    }
}

/// Keeps in `settings` each exercise of a scenario that ticks on calls
/// once it is met, whichever tab the call came from.
pub fn keep_ticks(sandbox: Sandbox, settings: RwSignal<Settings>) {
    Effect::new(move |_| {
        let scenario = settings.with(|s| s.scenario);
        if !scenario.ticks_on_calls() {
            return;
        }
        let new: Vec<usize> = scenario
            .met(&sandbox)
            .into_iter()
            .enumerate()
            .filter(|&(at, met)| met && !settings.with_untracked(|s| s.ticked.contains(&at)))
            .map(|(at, _)| at)
            .collect();
        if !new.is_empty() {
            settings.update(|s| s.ticked.extend(new));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::storage::MemoryStorage;

    #[test]
    fn settings_round_trip_and_default_on_garbage() {
        let store = MemoryStorage::default();
        assert_eq!(Settings::load(&store).speed, Speed::Demo);
        let chosen = Settings {
            speed: Speed::Realistic,
            scenario: Scenario::ReadOnlyOperator,
            ticked: BTreeSet::from([0, 2]),
        };
        chosen.save(&store).unwrap();
        assert_eq!(Settings::load(&store), chosen);
        store.set(SETTINGS_KEY, "garbage").unwrap();
        assert_eq!(Settings::load(&store).speed, Speed::Demo);
    }
}
