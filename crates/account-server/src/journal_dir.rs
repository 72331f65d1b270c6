//! Where journals live: beside the state file, one file per generation,
//! named `<state file>.journal.<generation>`. A compaction starts a new
//! generation and removes the older ones once the snapshot holding them is
//! on disk, so at any moment the snapshot and the journals left beside it
//! hold every acknowledged change.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::StateFileError;
use crate::state_file::sync_dir;

#[derive(Debug, Clone)]
pub struct JournalDir {
    dir: PathBuf,
    /// `<state file>.journal.`
    prefix: OsString,
}

/// One journal file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    pub number: u64,
    pub path: PathBuf,
}

impl JournalDir {
    /// The journals of the state file at `state`, which names a file.
    pub fn beside(state: &Path) -> Self {
        let mut prefix = state
            .file_name()
            .expect("StateFile::new refuses paths without a file name")
            .to_owned();
        prefix.push(".journal.");
        let dir = match state.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        Self { dir, prefix }
    }

    pub fn path(&self, number: u64) -> PathBuf {
        let mut name = self.prefix.clone();
        name.push(number.to_string());
        self.dir.join(name)
    }

    /// The journals there are, oldest first.
    pub fn list(&self) -> Result<Vec<Generation>, StateFileError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(self.error(&self.dir, source)),
        };
        let mut generations = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| self.error(&self.dir, source))?;
            let name = entry.file_name();
            let number = name
                .as_encoded_bytes()
                .strip_prefix(self.prefix.as_encoded_bytes())
                .filter(|digits| !digits.is_empty() && digits.iter().all(u8::is_ascii_digit))
                .and_then(|digits| std::str::from_utf8(digits).ok()?.parse().ok());
            if let Some(number) = number {
                generations.push(Generation {
                    number,
                    path: entry.path(),
                });
            }
        }
        generations.sort_by_key(|g| g.number);
        Ok(generations)
    }

    /// Creates the journal of generation `number` holding `start`, on disk
    /// (its contents and its name) before this returns. A file of that
    /// number can only be left by an earlier attempt that failed before
    /// anything was journaled in it; it is replaced.
    pub fn create(&self, number: u64, start: &[u8]) -> Result<File, StateFileError> {
        let path = self.path(number);
        let created = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&path)?;
            file.write_all(start)?;
            file.sync_data()?;
            sync_dir(&self.dir)?;
            Ok(file)
        })();
        created.map_err(|source| self.error(&path, source))
    }

    pub fn read(&self, generation: &Generation) -> Result<Vec<u8>, StateFileError> {
        fs::read(&generation.path).map_err(|source| self.error(&generation.path, source))
    }

    /// Cuts a journal back to its first `bytes`, on disk before this returns.
    pub fn truncate(&self, generation: &Generation, bytes: usize) -> Result<(), StateFileError> {
        let cut = (|| {
            let file = OpenOptions::new().write(true).open(&generation.path)?;
            file.set_len(bytes as u64)?;
            file.sync_all()
        })();
        cut.map_err(|source| self.error(&generation.path, source))
    }

    /// Removes journals; the removals are on disk before this returns.
    pub fn remove(&self, generations: &[Generation]) -> Result<(), StateFileError> {
        if generations.is_empty() {
            return Ok(());
        }
        for generation in generations {
            match fs::remove_file(&generation.path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(self.error(&generation.path, source)),
            }
        }
        sync_dir(&self.dir).map_err(|source| self.error(&self.dir, source))
    }

    fn error(&self, path: &Path, source: io::Error) -> StateFileError {
        StateFileError::Journal {
            path: path.to_owned(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generations_are_listed_oldest_first_and_other_files_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let journals = JournalDir::beside(&dir.path().join("state.json"));
        for number in [10, 2, 1] {
            journals.create(number, b"x").unwrap();
        }
        for other in [
            "state.json",
            "state.json.journal.",
            "state.json.journal.3x",
            "other.json.journal.4",
            ".state.json.tmp",
        ] {
            fs::write(dir.path().join(other), "").unwrap();
        }
        let numbers: Vec<_> = journals.list().unwrap().iter().map(|g| g.number).collect();
        assert_eq!(numbers, [1, 2, 10]);
        assert_eq!(
            journals.list().unwrap()[2].path,
            dir.path().join("state.json.journal.10")
        );
    }

    #[test]
    fn create_replaces_a_leftover_and_remove_and_truncate_work() {
        let dir = tempfile::tempdir().unwrap();
        let journals = JournalDir::beside(&dir.path().join("state.json"));
        journals.create(1, b"left over").unwrap();
        journals.create(1, b"hello").unwrap();
        let first = journals.list().unwrap().remove(0);
        assert_eq!(journals.read(&first).unwrap(), b"hello");
        journals.truncate(&first, 2).unwrap();
        assert_eq!(journals.read(&first).unwrap(), b"he");
        journals.remove(std::slice::from_ref(&first)).unwrap();
        journals.remove(&[first]).unwrap();
        assert_eq!(journals.list().unwrap(), []);
    }

    #[test]
    fn an_unusable_directory_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_dir = dir.path().join("file");
        fs::write(&not_a_dir, "").unwrap();
        let journals = JournalDir::beside(&not_a_dir.join("state.json"));
        let error = journals.create(1, b"").unwrap_err();
        assert!(
            matches!(&error, StateFileError::Journal { path, .. } if path.ends_with("state.json.journal.1")),
            "{error}"
        );
    }

    #[test]
    fn a_relative_state_file_keeps_its_journals_in_the_working_directory() {
        let journals = JournalDir::beside(Path::new("state.json"));
        assert_eq!(journals.path(7), Path::new("./state.json.journal.7"));
    }
}
