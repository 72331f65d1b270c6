//! Group commit: one thread appends journal records and syncs them, and a
//! request waits only for the sync that covers its record. Records queued
//! while a sync is under way share the next one, so concurrent writers
//! share syncs instead of queueing for one each.
//!
//! Records are queued under the engine lock, so the journal holds them in
//! the order the engine applied them, and a sync covers a prefix of that
//! order: an acknowledged record never depends on one that was lost.
//!
//! When a write fails, the journal may end in a torn record, and what is
//! appended after it could never be read back. The writer then drops
//! records (their requests fail; their changes stay in memory) until a
//! compaction starts a new journal after a snapshot that holds them all,
//! and it counts records of that new journal only once that snapshot is on
//! disk: before that, a restart would stop reading at the tear and never
//! reach them.

use std::fs::File;
use std::io::Write;
use std::mem;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::error::StateFileError;
use crate::sandbox::lock;

/// The longest a sync waits for more records, however slow syncs are.
const MAX_BATCH_WAIT: Duration = Duration::from_millis(2);

/// A journaled request's place in the order of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticket(u64);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Progress {
    /// Every record up to this one is on disk, in a synced journal or in a
    /// snapshot.
    durable: u64,
    /// The newest record whose write failed (unless `durable` covers it
    /// since), and why.
    failed: u64,
    error: Option<Arc<str>>,
}

pub struct Committer {
    shared: Arc<Shared>,
    progress: watch::Receiver<Progress>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

struct Queue {
    items: Vec<Item>,
    /// The newest ticket handed out.
    last: u64,
    /// Records among `items`.
    records: usize,
    /// How many records the writer waits for before it is woken.
    wanted: usize,
    closed: bool,
}

enum Item {
    /// Consecutive encoded records, the newest of them `last`.
    Records { bytes: Vec<u8>, last: u64 },
    /// Continue in a new journal, starting it with `start`; the snapshot
    /// taken with this rotation holds every record up to `after`.
    Rotate {
        file: File,
        path: PathBuf,
        start: Vec<u8>,
        after: u64,
    },
    /// The snapshot of the rotation after `after` is on disk.
    Covered { after: u64 },
}

impl Committer {
    /// Starts the writer on `file`, an open journal whose start is on disk.
    pub fn start(file: File, path: PathBuf) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue {
                items: Vec::new(),
                last: 0,
                records: 0,
                wanted: 1,
                closed: false,
            }),
            wake: Condvar::new(),
        });
        let (sender, progress) = watch::channel(Progress::default());
        let writer = Writer {
            file,
            path,
            health: Health::Healthy,
            unsynced: None,
            dirty: false,
            held: 0,
            progress: Progress::default(),
            sender,
            batch: 1,
            sync_time: Duration::ZERO,
        };
        let thread = {
            let shared = Arc::clone(&shared);
            thread::Builder::new()
                .name("journal".into())
                .spawn(move || writer.run(&shared))
                .expect("the journal thread starts")
        };
        Self {
            shared,
            progress,
            thread: Some(thread),
        }
    }

    /// Queues an encoded record. Call under the engine lock, so records
    /// queue in the order the engine applied them.
    pub fn append(&self, record: &[u8]) -> Ticket {
        let mut queue = lock(&self.shared.queue);
        queue.last += 1;
        queue.records += 1;
        let last = queue.last;
        let wake = queue.records >= queue.wanted;
        match queue.items.last_mut() {
            Some(Item::Records {
                bytes,
                last: newest,
            }) => {
                bytes.extend_from_slice(record);
                *newest = last;
            }
            _ => queue.items.push(Item::Records {
                bytes: record.to_vec(),
                last,
            }),
        }
        drop(queue);
        if wake {
            self.shared.wake.notify_one();
        }
        Ticket(last)
    }

    /// Continues in `file` after the records queued so far. Call under the
    /// engine lock, with the snapshot taken there; the returned ticket is
    /// the newest record that snapshot holds.
    pub fn rotate(&self, file: File, path: PathBuf, start: Vec<u8>) -> Ticket {
        let mut queue = lock(&self.shared.queue);
        let after = queue.last;
        queue.items.push(Item::Rotate {
            file,
            path,
            start,
            after,
        });
        drop(queue);
        self.shared.wake.notify_one();
        Ticket(after)
    }

    /// Reports that the snapshot of the rotation that returned `after` is on
    /// disk.
    pub fn covered(&self, after: Ticket) {
        lock(&self.shared.queue)
            .items
            .push(Item::Covered { after: after.0 });
        self.shared.wake.notify_one();
    }

    /// Waits until the record is on disk, or its write has failed.
    pub async fn wait(&self, ticket: Ticket) -> Result<(), StateFileError> {
        let mut progress = self.progress.clone();
        let outcome = progress
            .wait_for(|p| p.durable >= ticket.0 || p.failed >= ticket.0)
            .await;
        match outcome {
            Ok(p) if p.durable >= ticket.0 => Ok(()),
            Ok(p) => Err(StateFileError::JournalWrite(
                p.error.as_deref().unwrap_or("unknown").to_owned(),
            )),
            Err(_) => Err(StateFileError::JournalWrite(
                "the journal writer stopped".to_owned(),
            )),
        }
    }
}

/// Writes what is queued, then stops the writer.
impl Drop for Committer {
    fn drop(&mut self) {
        lock(&self.shared.queue).closed = true;
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            // A panic there has already been reported; there is nothing to add.
            let _ = thread.join();
        }
    }
}

/// Waits for the writer's condition, for at most `timeout`.
fn wait<'a>(
    shared: &Shared,
    queue: MutexGuard<'a, Queue>,
    timeout: Option<Duration>,
) -> MutexGuard<'a, Queue> {
    match timeout {
        None => shared
            .wake
            .wait(queue)
            .unwrap_or_else(PoisonError::into_inner),
        Some(timeout) => {
            shared
                .wake
                .wait_timeout(queue, timeout)
                .unwrap_or_else(PoisonError::into_inner)
                .0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Health {
    Healthy,
    /// A write failed: records are dropped until a rotation.
    Broken,
    /// The journal follows a broken one: records are written, but count only
    /// once the snapshot of the rotation after `after` is on disk.
    Rotated {
        after: u64,
    },
}

struct Writer {
    file: File,
    path: PathBuf,
    health: Health,
    /// The newest record written to `file` and not yet synced.
    unsynced: Option<u64>,
    /// Whether `file` has bytes to sync, such as a new journal's start.
    dirty: bool,
    /// The newest record synced while `Rotated`.
    held: u64,
    progress: Progress,
    sender: watch::Sender<Progress>,
    /// Records of the last batch, and how long its sync took.
    batch: usize,
    sync_time: Duration,
}

impl Writer {
    fn run(mut self, shared: &Shared) {
        loop {
            let items = {
                let mut queue = lock(&shared.queue);
                queue.wanted = 1;
                while queue.items.is_empty() && !queue.closed {
                    queue = wait(shared, queue, None);
                }
                if queue.items.is_empty() {
                    return;
                }
                // Records queued during a sync share the next one. When the
                // last batch had more records than are queued now, their
                // writers are probably sending the next ones: wait for that
                // many, for at most half a sync, so one sync carries them
                // instead of two. A lone writer never waits.
                let deadline = Instant::now() + (self.sync_time / 2).min(MAX_BATCH_WAIT);
                queue.wanted = self.batch;
                while queue.records < queue.wanted && !queue.closed {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    queue = wait(shared, queue, Some(left));
                }
                self.batch = mem::take(&mut queue.records).max(1);
                mem::take(&mut queue.items)
            };
            for item in items {
                self.apply(item);
            }
            self.sync();
            self.sender.send_if_modified(|published| {
                let changed = *published != self.progress;
                published.clone_from(&self.progress);
                changed
            });
        }
    }

    fn apply(&mut self, item: Item) {
        match item {
            Item::Records { bytes, last } => {
                if self.health == Health::Broken {
                    return self.fail(last);
                }
                if let Err(e) = self.file.write_all(&bytes) {
                    return self.break_down(&e, last);
                }
                self.unsynced = Some(last);
                if self.health != Health::Healthy {
                    self.fail(last);
                }
            }
            Item::Rotate {
                file,
                path,
                start,
                after,
            } => {
                self.sync();
                self.file = file;
                self.path = path;
                if self.health != Health::Healthy {
                    self.health = Health::Rotated { after };
                    self.held = 0;
                }
                match self.file.write_all(&start) {
                    Ok(()) => self.dirty = true,
                    Err(e) => self.break_down(&e, after),
                }
            }
            Item::Covered { after } => {
                self.sync();
                if self.health == (Health::Rotated { after }) {
                    self.health = Health::Healthy;
                    self.progress.durable = self.progress.durable.max(after).max(self.held);
                }
            }
        }
    }

    fn sync(&mut self) {
        if self.unsynced.is_none() && !self.dirty {
            return;
        }
        let unsynced = self.unsynced.take();
        self.dirty = false;
        let started = Instant::now();
        let synced = self.file.sync_data();
        self.sync_time = started.elapsed();
        if let Err(e) = synced {
            return self.break_down(&e, unsynced.unwrap_or(0));
        }
        if let Some(last) = unsynced {
            match self.health {
                Health::Healthy => self.progress.durable = last,
                Health::Rotated { .. } => self.held = last,
                Health::Broken => {}
            }
        }
    }

    fn fail(&mut self, last: u64) {
        self.progress.failed = self.progress.failed.max(last);
    }

    /// Records up to `last`, and any written but not synced, have failed.
    fn break_down(&mut self, error: &std::io::Error, last: u64) {
        eprintln!(
            "account-server: cannot append to the journal {}: {error}; changes stay in memory until a new snapshot is written",
            self.path.display()
        );
        self.health = Health::Broken;
        let unsynced = self.unsynced.take().unwrap_or(0);
        self.fail(last.max(unsynced));
        self.progress.error = Some(format!("{}: {error}", self.path.display()).into());
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[tokio::test]
    async fn records_are_acknowledged_once_synced_in_order_across_a_rotation() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        let committer = Committer::start(File::create(&old).unwrap(), old.clone());
        let first = committer.append(b"one ");
        let second = committer.append(b"two");
        let after = committer.rotate(File::create(&new).unwrap(), new.clone(), b"start ".into());
        assert_eq!(after, second);
        let third = committer.append(b"three");
        committer.covered(after);
        for ticket in [third, first, second] {
            committer.wait(ticket).await.unwrap();
        }
        drop(committer);
        assert_eq!(fs::read(&old).unwrap(), b"one two");
        assert_eq!(fs::read(&new).unwrap(), b"start three");
    }

    #[tokio::test]
    async fn concurrent_waiters_all_learn_of_their_sync() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let committer = Arc::new(Committer::start(File::create(&path).unwrap(), path.clone()));
        let waiters: Vec<_> = (0..64)
            .map(|n| {
                let committer = Arc::clone(&committer);
                tokio::spawn(async move {
                    let ticket = committer.append(format!("{n:02}").as_bytes());
                    committer.wait(ticket).await
                })
            })
            .collect();
        for waiter in waiters {
            waiter.await.unwrap().unwrap();
        }
        drop(committer);
        assert_eq!(fs::read(&path).unwrap().len(), 128);
    }

    #[tokio::test]
    async fn after_a_failed_write_records_count_only_once_a_new_journal_follows_a_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let (bad, good) = (dir.path().join("bad"), dir.path().join("good"));
        fs::write(&bad, "").unwrap();
        // Opened for reading only, so every write fails.
        let committer = Committer::start(File::open(&bad).unwrap(), bad.clone());
        let first = committer.append(b"one");
        let error = committer.wait(first).await.unwrap_err();
        assert!(
            matches!(&error, StateFileError::JournalWrite(why) if why.contains("bad")),
            "{error}"
        );
        let second = committer.append(b"two");
        assert!(
            committer.wait(second).await.is_err(),
            "dropped, not written"
        );

        let after = committer.rotate(File::create(&good).unwrap(), good.clone(), b"start ".into());
        let third = committer.append(b"three");
        assert!(
            committer.wait(third).await.is_err(),
            "written, but unreachable until the snapshot is on disk"
        );
        committer.covered(after);
        let fourth = committer.append(b"four");
        for ticket in [fourth, third, second, first] {
            committer.wait(ticket).await.unwrap();
        }
        drop(committer);
        assert_eq!(fs::read(&bad).unwrap(), b"");
        assert_eq!(fs::read(&good).unwrap(), b"start threefour");
    }

    #[tokio::test]
    async fn a_snapshot_of_an_older_rotation_does_not_revive_a_journal_broken_since() {
        let dir = tempfile::tempdir().unwrap();
        let (good, bad) = (dir.path().join("good"), dir.path().join("bad"));
        fs::write(&bad, "").unwrap();
        let committer = Committer::start(File::create(&good).unwrap(), good.clone());
        let after = committer.rotate(File::open(&bad).unwrap(), bad.clone(), b"start".into());
        let lost = committer.append(b"lost");
        committer.covered(after);
        assert!(committer.wait(lost).await.is_err());
        let later = committer.append(b"later");
        assert!(committer.wait(later).await.is_err());
    }
}
