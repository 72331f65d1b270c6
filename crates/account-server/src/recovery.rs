//! Start-up: the state file's snapshot with the journals that continue it
//! replayed on top, each record at its recorded time.
//!
//! The journals that continue the snapshot start at the oldest one whose
//! header names it (see [`Base`]) and run through the newest. Older ones
//! hold changes the snapshot already has: a crash came between writing a
//! new snapshot and removing them. Reading stops at the first damaged
//! record, for what follows it cannot be trusted to continue from the
//! state replay has reached; a crash mid-append leaves such a tail, and it
//! holds nothing that was acknowledged, since a record is acknowledged only
//! once it and everything before it is synced.
//!
//! Working that out reads and changes nothing; [`Recovered::repair`] then
//! removes or cuts what replay skipped, before the server writes again.

use std::io;

use account_engine::{Clock, Engine, ManualClock, Millis};

use crate::error::StateFileError;
use crate::journal::{self, Base, Journal};
use crate::journal_dir::{Generation, JournalDir};
use crate::settings::Settings;
use crate::state_file::StateFile;

pub struct Recovered {
    pub engine: Engine,
    /// The state file's snapshot, or a new one if there was no file yet.
    pub snapshot: String,
    /// Whether `snapshot` is new and not on disk yet.
    pub fresh: bool,
    /// Journal bytes replayed: changes the snapshot does not hold.
    pub journaled: u64,
    /// The number the next journal takes.
    pub next_generation: u64,
    /// Journals that replay skipped entirely.
    skipped: Vec<Generation>,
    /// A journal replayed up to a damaged record, and its bytes before it.
    cut: Option<(Generation, usize)>,
}

/// Rebuilds the state `file` and `journals` hold, with an engine of
/// `settings` whose clock is `clock`, left at `now`.
pub fn recover(
    settings: &Settings,
    clock: &ManualClock,
    now: Millis,
    file: &StateFile,
    journals: &JournalDir,
) -> Result<Recovered, StateFileError> {
    let generations = journals.list()?;
    let next_generation = generations.last().map_or(1, |g| g.number + 1);
    clock.set(now);
    let (snapshot, fresh) = match file.load()? {
        Some(snapshot) => (snapshot, false),
        None => (settings.engine(clock.clone()).snapshot_pretty(), true),
    };
    let base = Base::of(&snapshot);
    let contents = generations
        .into_iter()
        .map(|generation| Ok((journals.read(&generation)?, generation)))
        .collect::<Result<Vec<_>, StateFileError>>()?;

    let mut chain: Vec<Journal> = Vec::new();
    let mut skipped = Vec::new();
    let mut cut = None;
    let mut stopped = false;
    for (bytes, generation) in &contents {
        let name = generation.path.display();
        if stopped {
            warn(format_args!(
                "skipping {name}: it follows a damaged journal"
            ));
            skipped.push(generation.clone());
            continue;
        }
        match journal::read(bytes) {
            Err(damage) => {
                // A journal created just before a crash is empty: nothing to say.
                if !bytes.is_empty() {
                    warn(format_args!("skipping {name}: {damage}"));
                }
                stopped = !chain.is_empty();
                skipped.push(generation.clone());
            }
            Ok(journal) if chain.is_empty() && journal.header.base != base => {
                warn(format_args!(
                    "skipping {name}: it does not continue the state file (which holds its changes already, or was replaced)"
                ));
                skipped.push(generation.clone());
            }
            Ok(journal) => {
                if let Some(damage) = &journal.damage {
                    warn(format_args!(
                        "{name}: {damage}; replaying what comes before it, dropping the {} bytes from there",
                        bytes.len() - journal.intact
                    ));
                    cut = Some((generation.clone(), journal.intact));
                    stopped = true;
                }
                chain.push(journal);
            }
        }
    }

    let mut replay = Replay {
        clock,
        snapshot: &snapshot,
        file,
        current: None,
    };
    let mut journaled = 0;
    for journal in &chain {
        let settings = &journal.header.settings;
        for record in &journal.records {
            clock.set(record.at);
            record
                .request
                .run(replay.engine(settings)?, settings, record.from);
        }
        journaled += journal.intact as u64;
    }
    clock.set(now);
    let engine = replay.into_engine(settings)?;
    Ok(Recovered {
        engine,
        snapshot,
        fresh,
        journaled,
        next_generation,
        skipped,
        cut,
    })
}

/// The state `file` and its journals hold, as the page's export JSON,
/// changing nothing. A server may be compacting them meanwhile: a read is
/// kept once the state file is the same after it as it was during it, for
/// the old journals go only after the new snapshot is in place.
pub fn export(
    settings: &Settings,
    wall: &dyn Clock,
    file: &StateFile,
) -> Result<String, StateFileError> {
    const ATTEMPTS: usize = 20;
    let journals = JournalDir::beside(file.path());
    let clock = ManualClock::default();
    let failure = |source| StateFileError::Read {
        path: file.path().to_owned(),
        source,
    };
    for _ in 0..ATTEMPTS {
        let recovered = recover(settings, &clock, wall.now(), file, &journals);
        let now_on_disk = file.load()?;
        match recovered {
            Ok(recovered) if recovered.fresh => {
                return Err(failure(io::ErrorKind::NotFound.into()));
            }
            Ok(recovered) if now_on_disk.as_ref() == Some(&recovered.snapshot) => {
                return Ok(recovered.engine.snapshot_pretty());
            }
            // A journal removed between listing and reading it.
            Err(StateFileError::Journal { source, .. })
                if source.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    Err(failure(io::Error::other(
        "it was replaced during every attempt to read it",
    )))
}

fn warn(message: std::fmt::Arguments) {
    eprintln!("account-server: {message}");
}

impl Recovered {
    /// Writes a fresh snapshot, and removes or cuts what replay skipped, so
    /// journals written from now on continue what was replayed.
    pub fn repair(&self, file: &StateFile, journals: &JournalDir) -> Result<(), StateFileError> {
        if self.fresh {
            file.save(&self.snapshot)?;
        }
        if let Some((generation, intact)) = &self.cut {
            journals.truncate(generation, *intact)?;
        }
        journals.remove(&self.skipped)
    }
}

/// The engine replay runs on, made with the settings of the journal being
/// replayed.
struct Replay<'a> {
    clock: &'a ManualClock,
    snapshot: &'a str,
    file: &'a StateFile,
    current: Option<(Settings, Engine)>,
}

impl Replay<'_> {
    /// An engine of `settings` with the state so far: the snapshot the first
    /// time (restored at the clock's time, so it settles only what was due
    /// by then), and, when settings change, the state moved to a new engine.
    fn engine(&mut self, settings: &Settings) -> Result<&mut Engine, StateFileError> {
        if !matches!(&self.current, Some((current, _)) if current == settings) {
            let moved;
            let state = match &self.current {
                Some((_, engine)) => {
                    moved = engine.snapshot();
                    &moved
                }
                None => self.snapshot,
            };
            let mut engine = settings.engine(self.clock.clone());
            engine
                .restore(state)
                .map_err(|source| StateFileError::Invalid {
                    path: self.file.path().to_owned(),
                    source,
                })?;
            self.current = Some((settings.clone(), engine));
        }
        Ok(&mut self.current.as_mut().expect("set above").1)
    }

    fn into_engine(mut self, settings: &Settings) -> Result<Engine, StateFileError> {
        self.engine(settings)?;
        Ok(self.current.expect("set by engine()").1)
    }
}
