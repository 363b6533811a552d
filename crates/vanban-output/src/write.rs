//! Writing one document's files as a set. Every file is first written in
//! full to a hidden temporary file in its target folder (`.vanban-*.tmp`);
//! only when all are written are they renamed into place. If a rename fails,
//! the files already renamed are put back as they were, so a failure leaves
//! the previous set whole (never a new DOCX beside an old PDF) and no
//! temporary file behind. Documents get mode 0644 whatever the umask, as
//! every run must give the same files.
//!
//! Every temporary file is listed while it exists, and a set's renames run
//! under that list's lock, so a process told to end at once (a second
//! signal) can [`abandon`] the sets under way: their temporary files are
//! removed and no set is left half renamed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

use crate::{Error, Rendered};

const TEMP_PREFIX: &str = ".vanban-";

/// The temporary files of the sets under way.
static STAGED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn staged() -> MutexGuard<'static, Vec<PathBuf>> {
    STAGED.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes the temporary files of every set under way and holds the lock
/// for good, so no set starts or finishes after: for a process about to
/// exit at once. Sets already renamed stay whole.
pub fn abandon() {
    let list = staged();
    for path in list.iter() {
        let _ = std::fs::remove_file(path);
    }
    std::mem::forget(list);
}

/// Takes paths off the list (their files are gone or renamed).
fn unlist(list: &mut Vec<PathBuf>, paths: &[PathBuf]) {
    list.retain(|p| !paths.contains(p));
}

/// Writes `dir/stem.EXT` for every format rendered (creating `dir` if
/// missing); returns the paths.
pub fn write_set(dir: &Path, stem: &str, rendered: &Rendered) -> Result<Vec<PathBuf>, Error> {
    if dir.is_file() {
        let message = format!("{} is a file, not a folder", dir.display());
        return Err(Error::io(dir, std::io::Error::other(message)));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let files: Vec<(PathBuf, &[u8])> = rendered
        .0
        .iter()
        .map(|(format, bytes)| {
            let path = dir.join(format!("{stem}.{}", format.extension()));
            (path, bytes.as_slice())
        })
        .collect();
    write_files(&files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Writes every `(path, bytes)` as one set: all or none (see the module).
/// The folders must exist.
pub fn write_files(files: &[(PathBuf, &[u8])]) -> Result<(), Error> {
    let mut listed = Vec::with_capacity(files.len());
    let result = write_listed(files, &mut listed);
    unlist(&mut staged(), &listed);
    result
}

fn write_listed(files: &[(PathBuf, &[u8])], listed: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut staged_files = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged_files.push((stage(path, bytes, listed)?, path.as_path()));
    }
    // The renames (and any undoing) as one step under the lock.
    let mut list = staged();
    let staged = staged_files;
    // Hard links to the files about to be replaced, to put them back if a
    // later rename fails (where the file system has no hard links, a failure
    // between renames may leave a mixed set).
    let previous: Vec<Option<NamedTempFile<()>>> = staged
        .iter()
        .map(|(_, target)| keep_previous(target))
        .collect();
    let mut done: Vec<usize> = Vec::new();
    for (index, (temp, target)) in staged.into_iter().enumerate() {
        if let Err(e) = temp.persist(target) {
            roll_back(&done, files, previous);
            drop(e.file);
            unlist(&mut list, listed);
            return Err(Error::io(target, e.error));
        }
        done.push(index);
    }
    unlist(&mut list, listed);
    Ok(())
}

/// The bytes in a synced temporary file beside `path`, mode 0644.
/// The file is listed (in `listed` too) from the moment it exists.
fn stage(path: &Path, bytes: &[u8], listed: &mut Vec<PathBuf>) -> Result<NamedTempFile, Error> {
    let dir = folder(path);
    let mut list = staged();
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    list.push(temp.path().to_path_buf());
    listed.push(temp.path().to_path_buf());
    drop(list);
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(path, e))?;
    }
    Ok(temp)
}

fn keep_previous(target: &Path) -> Option<NamedTempFile<()>> {
    if !target.symlink_metadata().ok()?.is_file() {
        return None;
    }
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".old")
        .make_in(folder(target), |link| std::fs::hard_link(target, link))
        .ok()
}

/// Undoes the renames in `done`: the previous file back, or the new one removed.
fn roll_back(
    done: &[usize],
    files: &[(PathBuf, &[u8])],
    mut previous: Vec<Option<NamedTempFile<()>>>,
) {
    for &index in done {
        let target = &files[index].0;
        match previous[index].take() {
            Some(old) => {
                let _ = old.persist(target);
            }
            None => {
                let _ = std::fs::remove_file(target);
            }
        }
    }
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_set_is_written_whole_with_mode_0644() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/folder");
        let rendered = Rendered(vec![
            (Format::Docx, b"D".to_vec()),
            (Format::Pdf, b"P".to_vec()),
        ]);
        let paths = write_set(&out, "a", &rendered).unwrap();
        assert_eq!(paths, [out.join("a.docx"), out.join("a.pdf")]);
        assert_eq!(listing(&out), ["a.docx", "a.pdf"]);
        assert_eq!(std::fs::read(&paths[1]).unwrap(), b"P");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&paths[0]).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }

    #[test]
    fn a_failed_rename_leaves_the_previous_set_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.docx"), b"old docx").unwrap();
        // The PDF cannot be renamed into place: a folder has its name.
        std::fs::create_dir(out.join("a.pdf")).unwrap();
        std::fs::write(out.join("a.pdf/keep"), b"").unwrap();
        let rendered = Rendered(vec![
            (Format::Docx, b"new".to_vec()),
            (Format::Pdf, b"new".to_vec()),
        ]);
        let err = write_set(out, "a", &rendered).unwrap_err();
        assert!(err.to_string().contains("a.pdf"), "{err}");
        assert_eq!(std::fs::read(out.join("a.docx")).unwrap(), b"old docx");
        assert_eq!(listing(out), ["a.docx", "a.pdf"], "no temporary file left");

        // With no previous DOCX, the new one is taken away again.
        std::fs::remove_file(out.join("a.docx")).unwrap();
        write_set(out, "a", &rendered).unwrap_err();
        assert_eq!(listing(out), ["a.pdf"]);
    }
}
