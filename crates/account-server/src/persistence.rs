//! The `--state` files kept up to date: a snapshot (the state file, in the
//! page's export format) and the journal of changes since it.
//!
//! A change costs one record appended to the journal and a sync shared
//! with the changes made meanwhile (see `commit.rs`), whatever the size of
//! the state. When the journal has grown as large as the snapshot (at least
//! [`MIN_JOURNAL_BYTES`]), a compaction writes a new snapshot in the
//! background and starts a new journal generation after it: the whole
//! state is rewritten once per snapshot's worth of changes, so on average
//! a change still costs about its own size, and start-up never replays
//! more than a snapshot's worth of records. At a clean shutdown a last
//! snapshot takes the journals' place, so the state file alone is then a
//! complete export.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use account_engine::{Engine, ManualClock, Millis};

use crate::commit::{Committer, Ticket};
use crate::error::StateFileError;
use crate::journal::{self, Base, Header, Record, Request};
use crate::journal_dir::JournalDir;
use crate::recovery::{self, Recovered};
use crate::sandbox::{lock, Live};
use crate::settings::Settings;
use crate::state_file::StateFile;

/// The journal size below which no compaction starts, however small the
/// snapshot: rewriting a small state is cheap, but not free.
pub const MIN_JOURNAL_BYTES: u64 = 1024 * 1024;

pub struct Store {
    file: StateFile,
    journals: JournalDir,
    committer: Committer,
    compaction: Mutex<Compaction>,
    /// Journal bytes written since the snapshot on disk was taken.
    journaled: AtomicU64,
    snapshot_bytes: AtomicU64,
    /// Compact once the journal holds this many bytes, instead of the
    /// snapshot's size.
    limit: Option<u64>,
}

/// Held while a compaction runs, so one runs at a time.
struct Compaction {
    /// The newest journal's number.
    generation: u64,
    /// Set by the last snapshot at shutdown; nothing is written after it.
    closed: bool,
}

/// The store and the engine with the state it holds.
pub struct Opened {
    pub store: Store,
    pub engine: Engine,
    /// Whether the start-up made the journal grow enough to compact it.
    pub compact: bool,
}

impl Store {
    /// Loads the state `file` and its journals hold, repairs what a crash
    /// left, and starts a journal of this run holding the command line's
    /// set-up. `clock` is the engine's, left at `now`.
    pub fn open(
        settings: &Settings,
        clock: &ManualClock,
        now: Millis,
        file: StateFile,
        limit: Option<u64>,
    ) -> Result<Opened, StateFileError> {
        let journals = JournalDir::beside(file.path());
        let recovered = recovery::recover(settings, clock, now, &file, &journals)?;
        recovered.repair(&file, &journals)?;
        let Recovered {
            mut engine,
            snapshot,
            journaled,
            next_generation,
            ..
        } = recovered;
        let mut start = journal::begin(&Header {
            base: Base::of(&snapshot),
            settings: settings.clone(),
        });
        // The set-up can be large (a demo organization of many accounts):
        // better replayed from a snapshot than from its record.
        let set_up = settings.set_up(&mut engine);
        if set_up {
            Record {
                at: now,
                from: None,
                request: Request::SetUp,
            }
            .encode(&mut start);
        }
        let journal = journals.create(next_generation, &start)?;
        let store = Self {
            committer: Committer::start(journal, journals.path(next_generation)),
            file,
            journals,
            compaction: Mutex::new(Compaction {
                generation: next_generation,
                closed: false,
            }),
            journaled: AtomicU64::new(journaled + start.len() as u64),
            snapshot_bytes: AtomicU64::new(snapshot.len() as u64),
            limit,
        };
        let compact = set_up || store.due(store.journaled.load(Ordering::Relaxed));
        Ok(Opened {
            store,
            engine,
            compact,
        })
    }

    pub fn path(&self) -> &std::path::Path {
        self.file.path()
    }

    fn due(&self, journaled: u64) -> bool {
        let limit = self.limit.unwrap_or_else(|| {
            self.snapshot_bytes
                .load(Ordering::Relaxed)
                .max(MIN_JOURNAL_BYTES)
        });
        journaled >= limit
    }

    /// Journals a request the engine has just applied. Call under the
    /// engine lock. Returns its ticket, and whether the journal has grown
    /// enough to compact.
    pub fn append(&self, record: Record) -> (Ticket, bool) {
        let mut bytes = Vec::new();
        record.encode(&mut bytes);
        let ticket = self.committer.append(&bytes);
        let length = bytes.len() as u64;
        let journaled = self.journaled.fetch_add(length, Ordering::Relaxed) + length;
        (ticket, self.due(journaled))
    }

    /// Waits until the ticket's record is on disk.
    pub async fn wait(&self, ticket: Ticket) -> Result<(), StateFileError> {
        self.committer.wait(ticket).await
    }

    /// Writes a snapshot of the state and continues in a new journal after
    /// it. Only taking the snapshot holds the engine lock; requests go on
    /// meanwhile, journaled in the new generation. The older journals go
    /// once the snapshot is on disk; a crash before that finds them still
    /// continuing the old state file.
    pub fn compact(&self, live: &Mutex<Live>, settings: &Settings) -> Result<(), StateFileError> {
        let mut compaction = lock(&self.compaction);
        if compaction.closed {
            return Ok(());
        }
        let generation = compaction.generation + 1;
        let journal = self.journals.create(generation, &[])?;
        let (snapshot, after, journaled) = {
            let live = lock(live);
            let snapshot = live.engine.snapshot_pretty();
            let start = journal::begin(&Header {
                base: Base::of(&snapshot),
                settings: settings.clone(),
            });
            let after = self
                .committer
                .rotate(journal, self.journals.path(generation), start);
            (snapshot, after, self.journaled.swap(0, Ordering::Relaxed))
        };
        compaction.generation = generation;
        if let Err(e) = self.file.save(&snapshot) {
            self.journaled.fetch_add(journaled, Ordering::Relaxed);
            return Err(e);
        }
        self.snapshot_bytes
            .store(snapshot.len() as u64, Ordering::Relaxed);
        self.committer.covered(after);
        let mut older = self.journals.list()?;
        older.retain(|g| g.number < generation);
        self.journals.remove(&older)
    }

    /// The last snapshot, after the last request: the state file then holds
    /// the whole state, and the journals go.
    pub fn close(&self, live: &Mutex<Live>) -> Result<(), StateFileError> {
        let mut compaction = lock(&self.compaction);
        compaction.closed = true;
        let snapshot = lock(live).engine.snapshot_pretty();
        self.file.save(&snapshot)?;
        self.journals.remove(&self.journals.list()?)
    }
}
