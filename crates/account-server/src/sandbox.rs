//! The engine shared by concurrent requests, and its persistence.
//!
//! One lock around the engine makes every request atomic: no write is lost
//! and no reader sees half a change. A request that changed the state is
//! journaled under that lock, so the journal has the engine's order, and
//! waits for its record's sync outside it: slow disks delay only requests
//! that changed something, and concurrent changes share one sync.

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use account_engine::{
    AuthenticationError, Clock, Engine, ManualClock, Millis, Operation, OrgOperation,
    QueryOperation, WireResponse,
};

use crate::commit::Ticket;
use crate::error::StateFileError;
use crate::journal::{Record, Request};
use crate::persistence::{Opened, Store};
use crate::settings::Settings;
use crate::signature::{authenticate, Signed, SigningKeys};
use crate::state_file::StateFile;

pub struct Sandbox {
    inner: Arc<Inner>,
    /// The newest background compaction.
    compaction: Mutex<Option<JoinHandle<()>>>,
}

struct Inner {
    live: Mutex<Live>,
    settings: Settings,
    store: Option<Store>,
    started: Instant,
    /// Whether a background compaction has been started and not finished.
    compacting: AtomicBool,
}

pub struct Live {
    pub engine: Engine,
    /// The engine's clock. It is set from `wall` as each request begins,
    /// so a request sees one instant, the one its record keeps for replay.
    clock: ManualClock,
    wall: Box<dyn Clock>,
    /// Derived under the lock, as the credentials they check are read.
    signing_keys: SigningKeys,
}

impl Live {
    /// Sets the engine's clock to now, and returns that time.
    fn now(&mut self) -> Millis {
        let now = self.wall.now();
        self.clock.set(now);
        now
    }
}

/// What reads can change too: settling finished region changes and email
/// updates, and creating a caller's account on its first request.
/// Comparing it before and after is cheaper than comparing snapshots.
fn footprint(engine: &Engine) -> (usize, u64, u64) {
    let state = engine.state();
    (state.accounts.len(), state.sequence, engine.settled())
}

/// Locks even after a panic elsewhere: the engine validates before it
/// changes anything and never panics on input, so its state stays sound,
/// and refusing every later request would take the whole sandbox down.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Sandbox {
    /// A sandbox kept in memory only, set up as `settings` say; `wall` is
    /// the time source.
    pub fn in_memory(settings: Settings, wall: impl Clock + 'static) -> Self {
        let clock = ManualClock::at(wall.now());
        let mut engine = settings.engine(clock.clone());
        settings.set_up(&mut engine);
        Self::new(engine, clock, wall, settings, None)
    }

    /// A sandbox kept in `file` and the journals beside it, starting from
    /// the state they hold (none if there is no file yet), then set up as
    /// `settings` say. The journal of this run is created now, so an
    /// unwritable location fails at start rather than at the first change.
    /// `journal_limit` overrides the journal size that starts a compaction.
    pub fn persistent(
        settings: Settings,
        wall: impl Clock + 'static,
        file: StateFile,
        journal_limit: Option<u64>,
    ) -> Result<Self, StateFileError> {
        let now = wall.now();
        let clock = ManualClock::at(now);
        let Opened {
            store,
            engine,
            compact,
        } = Store::open(&settings, &clock, now, file, journal_limit)?;
        let sandbox = Self::new(engine, clock, wall, settings, Some(store));
        if compact {
            sandbox.compact_in_background();
        }
        Ok(sandbox)
    }

    fn new(
        engine: Engine,
        clock: ManualClock,
        wall: impl Clock + 'static,
        settings: Settings,
        store: Option<Store>,
    ) -> Self {
        let live = Live {
            engine,
            clock,
            wall: Box::new(wall),
            signing_keys: SigningKeys::default(),
        };
        Self {
            inner: Arc::new(Inner {
                live: Mutex::new(live),
                settings,
                store,
                started: Instant::now(),
                compacting: AtomicBool::new(false),
            }),
            compaction: Mutex::new(None),
        }
    }

    /// Serves one restJson1 request. Returns the response and, if the
    /// request changed the state, the ticket to wait on with
    /// [`Sandbox::durable`] before the response is sent. A request from
    /// the endpoint comes with what its signature covered (`signed`), and
    /// is refused if that does not authenticate its caller; trusted callers
    /// (tests, tools) pass `None`. `from` is the client's address, if known.
    pub fn handle(
        &self,
        signed: Option<&Signed<'_>>,
        from: Option<IpAddr>,
        caller: &str,
        path: &str,
        body: &[u8],
    ) -> (WireResponse, Option<Ticket>) {
        let mutating = Operation::from_path(path).is_some_and(Operation::is_mutating);
        let request = Request::Account { caller, path, body };
        self.serve(
            mutating,
            from,
            request,
            signed.map(|s| (s, caller)),
            Engine::refuse,
        )
    }

    /// Serves one AWS Organizations (JSON 1.1) request, like [`Sandbox::handle`].
    pub fn handle_organizations(
        &self,
        signed: Option<&Signed<'_>>,
        from: Option<IpAddr>,
        caller: &str,
        target: &str,
        body: &[u8],
    ) -> (WireResponse, Option<Ticket>) {
        let mutating = OrgOperation::from_target(target).is_some_and(OrgOperation::is_mutating);
        let request = Request::Organizations {
            caller,
            target,
            body,
        };
        let refuse = Engine::refuse_organizations;
        self.serve(mutating, from, request, signed.map(|s| (s, caller)), refuse)
    }

    /// Serves one Query (STS, IAM) request, like [`Sandbox::handle`].
    pub fn handle_query(
        &self,
        signed: Option<&Signed<'_>>,
        from: Option<IpAddr>,
        caller: &str,
        body: &[u8],
    ) -> (WireResponse, Option<Ticket>) {
        let mutating = QueryOperation::from_body(body).is_some_and(QueryOperation::is_mutating);
        let request = Request::Query { caller, body };
        let refuse = |engine: &mut Engine, error| engine.refuse_query(body, error);
        self.serve(mutating, from, request, signed.map(|s| (s, caller)), refuse)
    }

    /// Runs a request under the lock, once `signed` (what the signature of
    /// `caller`'s request covered) has authenticated it, or answers it with
    /// `refuse`. A successful `mutating` request, or one whose footprint
    /// shows a change, is journaled; a refused one changes nothing.
    fn serve(
        &self,
        mutating: bool,
        from: Option<IpAddr>,
        request: Request,
        signed: Option<(&Signed<'_>, &str)>,
        refuse: impl FnOnce(&mut Engine, AuthenticationError) -> WireResponse,
    ) -> (WireResponse, Option<Ticket>) {
        let inner = &self.inner;
        let mut live = lock(&inner.live);
        let at = live.now();
        if let Some((signed, caller)) = signed {
            let live = &mut *live;
            let verdict = authenticate(&live.engine, caller, signed, &mut live.signing_keys);
            if let Err(error) = verdict {
                return (refuse(&mut live.engine, error), None);
            }
        }
        let before = footprint(&live.engine);
        let response = request
            .run(&mut live.engine, &inner.settings, from)
            .expect("API requests answer");
        let Some(store) = &inner.store else {
            return (response, None);
        };
        if !(mutating && response.status == 200) && footprint(&live.engine) == before {
            return (response, None);
        }
        let (ticket, compact) = store.append(Record { at, from, request });
        drop(live);
        if compact {
            self.compact_in_background();
        }
        (response, Some(ticket))
    }

    /// Puts the sandbox back to how the command line started it. Returns
    /// the ticket to wait on if the sandbox is persisted.
    pub fn reset(&self) -> Option<Ticket> {
        let inner = &self.inner;
        let mut live = lock(&inner.live);
        let at = live.now();
        let request = Request::Reset;
        request.run(&mut live.engine, &inner.settings, None);
        let (ticket, _) = inner.store.as_ref()?.append(Record {
            at,
            from: None,
            request,
        });
        drop(live);
        // The journal now holds everything before the reset for nothing.
        self.compact_in_background();
        Some(ticket)
    }

    /// Waits until the change with this ticket is on disk. If it cannot be
    /// written, a compaction starts, to save it in a new snapshot.
    pub async fn durable(&self, ticket: Ticket) -> Result<(), StateFileError> {
        let Some(store) = &self.inner.store else {
            return Ok(());
        };
        let written = store.wait(ticket).await;
        if written.is_err() {
            self.compact_in_background();
        }
        written
    }

    /// Reads the engine under the lock, without changing it.
    pub fn read<T>(&self, read: impl FnOnce(&Engine) -> T) -> T {
        read(&lock(&self.inner.live).engine)
    }

    pub fn uptime(&self) -> Duration {
        self.inner.started.elapsed()
    }

    /// The state file, if the state is persisted.
    pub fn state_file(&self) -> Option<&std::path::Path> {
        self.inner.store.as_ref().map(Store::path)
    }

    /// Writes a snapshot and continues in a new journal (see
    /// `persistence.rs`); a sandbox in memory has nothing to do.
    pub fn compact(&self) -> Result<(), StateFileError> {
        self.inner.compact()
    }

    /// Starts a compaction on its own thread, unless one is running.
    fn compact_in_background(&self) {
        let inner = &self.inner;
        if inner.store.is_none() || inner.compacting.swap(true, Ordering::AcqRel) {
            return;
        }
        let inner = Arc::clone(inner);
        let started = thread::Builder::new()
            .name("compaction".into())
            .spawn(move || {
                if let Err(e) = inner.compact() {
                    eprintln!("account-server: compaction failed, the journal goes on: {e}");
                }
                inner.compacting.store(false, Ordering::Release);
            });
        match started {
            // The previous compaction has finished: `compacting` was clear.
            Ok(thread) => *lock(&self.compaction) = Some(thread),
            Err(e) => {
                eprintln!("account-server: cannot start a compaction: {e}");
                self.inner.compacting.store(false, Ordering::Release);
            }
        }
    }

    /// After the last request: writes the whole state to the state file and
    /// removes the journals, so the file alone is a complete export. Later
    /// changes are not saved.
    pub fn close(&self) -> Result<(), StateFileError> {
        match &self.inner.store {
            Some(store) => store.close(&self.inner.live),
            None => Ok(()),
        }
    }
}

/// Waits for a background compaction, so no thread still writes the files
/// once the sandbox is gone.
impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(thread) = lock(&self.compaction).take() {
            // A panic there has already been reported; there is nothing to add.
            let _ = thread.join();
        }
    }
}

impl Inner {
    fn compact(&self) -> Result<(), StateFileError> {
        match &self.store {
            Some(store) => store.compact(&self.live, &self.settings),
            None => Ok(()),
        }
    }
}
