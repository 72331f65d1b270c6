//! The engine shared by concurrent requests, and its persistence.
//!
//! One lock around the engine makes every request atomic: no write is lost
//! and no reader sees half a change. File writes happen outside that lock,
//! so slow disks delay only the requests that changed something, and
//! concurrent changes share one write ("group commit"): a save writes the
//! newest state, which includes every change made before it.

use std::sync::{Mutex, MutexGuard, PoisonError};

use account_engine::store::State;
use account_engine::{Engine, Operation, OrgOperation, WireResponse};

use crate::error::StateFileError;
use crate::state_file::StateFile;

pub struct Sandbox {
    live: Mutex<Live>,
    store: Option<Store>,
}

struct Live {
    engine: Engine,
    /// Counts changes, so a save knows which ones it covers.
    revision: u64,
}

struct Store {
    file: StateFile,
    /// The newest revision on disk; its lock also serializes the writes.
    saved: Mutex<u64>,
}

/// What reads can change too: settling finished region changes (fewer
/// transitions, events with fresh ids) and creating a caller's account on
/// its first request. Comparing it before and after is cheaper than
/// comparing snapshots.
fn footprint(state: &State) -> (usize, usize, u64) {
    (
        state.accounts.len(),
        state.transitions.len(),
        state.sequence,
    )
}

/// Locks even after a panic elsewhere: the engine validates before it
/// changes anything and never panics on input, so its state stays sound,
/// and refusing every later request would take the whole sandbox down.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Sandbox {
    /// A sandbox kept in memory only.
    pub fn in_memory(engine: Engine) -> Self {
        Self {
            live: Mutex::new(Live {
                engine,
                revision: 0,
            }),
            store: None,
        }
    }

    /// A sandbox saved to `file`, starting from the state there if the file
    /// exists. The state is written once at start, so an unwritable location
    /// fails now rather than at the first change.
    pub fn persistent(mut engine: Engine, file: StateFile) -> Result<Self, StateFileError> {
        if let Some(json) = file.load()? {
            engine
                .restore(&json)
                .map_err(|source| StateFileError::Invalid {
                    path: file.path().to_owned(),
                    source,
                })?;
        }
        file.save(&engine.snapshot_pretty())?;
        let mut sandbox = Self::in_memory(engine);
        sandbox.store = Some(Store {
            file,
            saved: Mutex::new(0),
        });
        Ok(sandbox)
    }

    /// Serves one restJson1 request. Returns the response and, if the
    /// request changed state that must reach the state file before the
    /// response is sent, the revision to pass to [`Sandbox::persist`].
    pub fn handle(&self, caller: &str, path: &str, body: &[u8]) -> (WireResponse, Option<u64>) {
        let mutating = Operation::from_path(path).is_some_and(Operation::is_mutating);
        self.serve(mutating, |engine| engine.handle(caller, path, body))
    }

    /// Serves one AWS Organizations (JSON 1.1) request, like [`Sandbox::handle`].
    pub fn handle_organizations(
        &self,
        caller: &str,
        target: &str,
        body: &[u8],
    ) -> (WireResponse, Option<u64>) {
        let mutating = OrgOperation::from_target(target).is_some_and(OrgOperation::is_mutating);
        self.serve(mutating, |engine| {
            engine.handle_organizations(caller, target, body)
        })
    }

    /// Runs a request under the lock; a successful `mutating` request, or
    /// one whose footprint shows a change, gets a revision to save.
    fn serve(
        &self,
        mutating: bool,
        run: impl FnOnce(&mut Engine) -> WireResponse,
    ) -> (WireResponse, Option<u64>) {
        let mut live = lock(&self.live);
        if self.store.is_none() {
            return (run(&mut live.engine), None);
        }
        let before = footprint(live.engine.state());
        let response = run(&mut live.engine);
        if (mutating && response.status == 200) || footprint(live.engine.state()) != before {
            live.revision += 1;
            return (response, Some(live.revision));
        }
        (response, None)
    }

    /// Applies a change outside any request (such as a demo set-up at start)
    /// and saves it.
    pub fn change<T>(&self, apply: impl FnOnce(&mut Engine) -> T) -> Result<T, StateFileError> {
        let (result, revision) = {
            let mut live = lock(&self.live);
            let result = apply(&mut live.engine);
            live.revision += 1;
            (result, live.revision)
        };
        self.persist(revision)?;
        Ok(result)
    }

    /// Makes sure the state file holds `revision` or a newer one. If the
    /// write fails, the change stays in memory (its caller gets a 500) and
    /// the next successful save writes it.
    pub fn persist(&self, revision: u64) -> Result<(), StateFileError> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        let mut saved = lock(&store.saved);
        if *saved >= revision {
            return Ok(());
        }
        let (snapshot, newest) = {
            let live = lock(&self.live);
            (live.engine.snapshot_pretty(), live.revision)
        };
        store.file.save(&snapshot)?;
        *saved = newest;
        Ok(())
    }
}
