//! The `--state` file: the engine's snapshot JSON (the browser's export
//! format), replaced atomically so a crash at any moment leaves either the
//! old or the new state on disk, never a mix.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::StateFileError;

#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
    /// Beside the state file, so the rename stays within one file system.
    temp: PathBuf,
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> Result<Self, StateFileError> {
        let path = path.into();
        let Some(name) = path.file_name() else {
            return Err(StateFileError::NotAFile(path));
        };
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(".tmp");
        let temp = path.with_file_name(temp_name);
        Ok(Self { path, temp })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's contents, or `None` when there is no file yet.
    pub fn load(&self) -> Result<Option<String>, StateFileError> {
        match fs::read_to_string(&self.path) {
            Ok(contents) => Ok(Some(contents)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StateFileError::Read {
                path: self.path.clone(),
                source,
            }),
        }
    }

    /// Writes a temporary file, flushes it to disk, then renames it over the
    /// state file: rename replaces the name in one step, and the flush before
    /// it means even a power cut cannot expose a rename of unwritten data.
    /// Callers serialize saves; two at once would share the temporary file.
    pub fn save(&self, contents: &str) -> Result<(), StateFileError> {
        self.write_and_rename(contents)
            .map_err(|source| StateFileError::Write {
                path: self.path.clone(),
                source,
            })
    }

    fn write_and_rename(&self, contents: &str) -> io::Result<()> {
        let mut file = File::create(&self.temp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&self.temp, &self.path)?;
        // The rename itself lives in the directory; flush that too.
        let dir = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        sync_dir(dir)
    }
}

/// Flushes a directory's entries: creating, renaming and removing files
/// change the directory, not the files.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(dir.path().join("state.json")).unwrap();
        assert_eq!(file.load().unwrap(), None);
        file.save("first").unwrap();
        file.save("second").unwrap();
        assert_eq!(file.load().unwrap().as_deref(), Some("second"));
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn a_write_cut_short_leaves_the_saved_state_readable() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(dir.path().join("state.json")).unwrap();
        file.save("{\"complete\": true}").unwrap();
        // What a kill during a save leaves behind: a partial temporary file.
        fs::write(&file.temp, "{\"compl").unwrap();
        assert_eq!(
            file.load().unwrap().as_deref(),
            Some("{\"complete\": true}")
        );
        file.save("{\"next\": true}").unwrap();
        assert_eq!(file.load().unwrap().as_deref(), Some("{\"next\": true}"));
        assert!(!file.temp.exists());
    }

    #[test]
    fn a_failed_save_keeps_the_previous_state() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(dir.path().join("state.json")).unwrap();
        file.save("kept").unwrap();
        // A directory where the temporary file should go makes the write fail.
        fs::create_dir(&file.temp).unwrap();
        let error = file.save("lost").unwrap_err();
        assert!(matches!(error, StateFileError::Write { .. }), "{error}");
        assert_eq!(file.load().unwrap().as_deref(), Some("kept"));
    }

    #[test]
    fn a_relative_path_works_and_a_path_without_file_name_is_refused() {
        let file = StateFile::new("state.json").unwrap();
        assert_eq!(file.temp, Path::new(".state.json.tmp"));
        assert!(matches!(
            StateFile::new("/"),
            Err(StateFileError::NotAFile(_))
        ));
    }
}
