//! Reading the files resolu is given, safely: the one way corpus documents, the config, the state
//! files and the cache are opened. Only a regular file is read, judged by the metadata of the
//! handle opened (fstat), never only by the path's, which another program can swap in between
//! (`rm f.txt; mkfifo f.txt`); the open itself never blocks (a FIFO with no writer, a device);
//! and no more than a given number of bytes is read, whatever the file claims its size is
//! (`/proc` files say 0). A FIFO, device, socket or folder is an error that says what it is.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The largest corpus document read when the config says nothing (`max_file_mb = 16`): far above
/// any resolution (the longest GA PDFs of session 80 take 0.7 MB, texts far less), and low enough
/// that the parser's worst case — a file of nothing but two-character lines, about ×100 its size
/// in memory (BENCH.md, "parse time and memory on growing inputs") — stays near 1.5 GB.
pub const DEFAULT_FILE_LIMIT: u64 = 16 << 20;

/// The most read of a file resolu keeps itself or the user writes by hand (config, state): 1 MB.
pub const SMALL_FILE_LIMIT: u64 = 1 << 20;

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    /// Anything else the platform has (a Solaris door…).
    Other,
}

impl FileKind {
    /// What `file_type` is, `None` for a regular file. A symlink's own type is never asked:
    /// callers pass the type of what it points to (`std::fs::metadata`, fstat).
    pub fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(FileKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if file_type.is_char_device() {
                return Some(FileKind::CharDevice);
            }
            if file_type.is_block_device() {
                return Some(FileKind::BlockDevice);
            }
            if file_type.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Other)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Folder => "a folder",
            FileKind::Fifo => "a FIFO (named pipe)",
            FileKind::CharDevice => "a character device",
            FileKind::BlockDevice => "a block device",
            FileKind::Socket => "a socket",
            FileKind::Other => "a special file",
        })
    }
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("no such file or folder")]
    Missing,
    #[error("{0}, not a regular file: not read")]
    NotRegular(FileKind),
    /// `size` is the size the file says it has, or what was read of it before the limit.
    #[error("{size} bytes, more than the {limit}-byte limit: not read")]
    TooLarge { size: u64, limit: u64 },
    #[error("cannot read: {0}")]
    Io(String),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::Missing,
            _ => ReadError::Io(e.to_string()),
        }
    }
}

/// A regular file, open, with the metadata of the very handle (what its bytes will be).
#[derive(Debug)]
pub struct Regular {
    file: File,
    metadata: Metadata,
    limit: u64,
}

impl Regular {
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Every byte of the file, up to the limit it was opened with: a file that grew past it
    /// since (or whose size was wrong, as `/proc` files give 0) is [`ReadError::TooLarge`].
    pub fn read_all(self) -> Result<Vec<u8>, ReadError> {
        let Regular {
            file,
            metadata,
            limit,
        } = self;
        let expected = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
        let mut bytes = Vec::with_capacity(expected.saturating_add(1));
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        let size = bytes.len() as u64;
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        Ok(bytes)
    }

    /// The open file, to be read as a stream (the cache, which checks its own length).
    pub fn into_file(self) -> File {
        self.file
    }
}

/// Open `path` for reading if it is a regular file of at most `limit` bytes. The path's own
/// metadata is asked first so that a device is never even opened (opening some has effects:
/// a watchdog starts, a tape rewinds); then the file is opened without blocking and without
/// becoming a controlling terminal, and the handle's metadata decides, so a file swapped after
/// the first look is caught.
pub fn open_regular(path: &Path, limit: u64) -> Result<Regular, ReadError> {
    refuse_special(&std::fs::metadata(path)?)?;
    let file = open_nonblocking(path)?;
    let metadata = file.metadata()?;
    refuse_special(&metadata)?;
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    Ok(Regular {
        file,
        metadata,
        limit,
    })
}

/// The bytes of the regular file `path`, at most `limit` of them, and its metadata taken from
/// the same handle (so a cache key made of it describes these very bytes).
pub fn read_regular(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let opened = open_regular(path, limit)?;
    let metadata = opened.metadata().clone();
    Ok((opened.read_all()?, metadata))
}

fn refuse_special(metadata: &Metadata) -> Result<(), ReadError> {
    match FileKind::of(metadata.file_type()) {
        None => Ok(()),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one (and
    // reading a regular file is not changed by it). O_NOCTTY: a terminal device opened by
    // mistake never becomes ours.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What makes two paths the same file, for reading each file once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// (device, inode) of what the path leads to: any spelling of the path (`d/`, `./d`,
    /// `d/../d`), a symlink to it or into its folder, a hard link or a bind mount all give the
    /// same pair, where canonical paths would differ for the last two.
    Inode(u64, u64),
    /// Where the platform has no inodes, or the file could not be asked: its canonical path.
    Path(PathBuf),
}

/// The [`Identity`] of the file `path` leads to (following symlinks; nothing is opened).
pub fn identity(path: &Path) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(metadata) = std::fs::metadata(path) {
            return Identity::Inode(metadata.dev(), metadata.ino());
        }
    }
    Identity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    #[test]
    fn a_regular_file_is_read_whole_with_the_metadata_of_its_handle() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, b"hello").unwrap();
        let (bytes, metadata) = read_regular(&file, 5).unwrap();
        assert_eq!(bytes, b"hello");
        assert_eq!(metadata.len(), 5);
        assert_eq!(
            read_regular(&file, 4).map(|r| r.0),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        );
        assert_eq!(
            read_regular(&dir.path().join("none.txt"), 9).map(|r| r.0),
            Err(ReadError::Missing)
        );
        assert_eq!(
            read_regular(dir.path(), 9).map(|r| r.0),
            Err(ReadError::NotRegular(FileKind::Folder))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_no_writer_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.txt");
        mkfifo(&fifo);
        let refused = Err(ReadError::NotRegular(FileKind::Fifo));
        assert_eq!(read_regular(&fifo, 1 << 20).map(|r| r.0), refused);
        // Through a symlink too, and past the first look: the handle itself is judged.
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert_eq!(read_regular(&link, 1 << 20).map(|r| r.0), refused);
        let opened = open_nonblocking(&fifo).unwrap();
        assert_eq!(
            refuse_special(&opened.metadata().unwrap()),
            Err(ReadError::NotRegular(FileKind::Fifo))
        );
        assert!(
            ReadError::NotRegular(FileKind::Fifo)
                .to_string()
                .contains("FIFO")
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_unread() {
        for (device, kind) in [
            ("/dev/zero", FileKind::CharDevice),
            ("/dev/null", FileKind::CharDevice),
        ] {
            assert_eq!(
                read_regular(Path::new(device), 1 << 20).map(|r| r.0),
                Err(ReadError::NotRegular(kind)),
                "{device}"
            );
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_says_it_is_empty_is_still_read_only_up_to_the_limit() {
        // /proc files are regular and say they hold 0 bytes.
        let status = Path::new("/proc/self/status");
        let (bytes, metadata) = read_regular(status, 1 << 20).unwrap();
        assert_eq!(metadata.len(), 0);
        assert!(bytes.len() > 10);
        assert_eq!(
            read_regular(status, 10).map(|r| r.0),
            Err(ReadError::TooLarge {
                size: 11,
                limit: 10
            })
        );
    }

    #[cfg(unix)]
    #[test]
    fn every_spelling_and_link_of_a_file_has_one_identity() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("d");
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("a.txt");
        std::fs::write(&file, b"x").unwrap();
        std::fs::hard_link(&file, folder.join("hard.txt")).unwrap();
        std::os::unix::fs::symlink("a.txt", folder.join("soft.txt")).unwrap();
        std::os::unix::fs::symlink(&folder, dir.path().join("dl")).unwrap();
        let one = identity(&file);
        for other in [
            folder.join("hard.txt"),
            folder.join("soft.txt"),
            dir.path().join("dl/a.txt"),
            folder.join("../d/./a.txt"),
        ] {
            assert_eq!(identity(&other), one, "{}", other.display());
        }
        std::fs::write(folder.join("b.txt"), b"x").unwrap();
        assert_ne!(identity(&folder.join("b.txt")), one);
    }
}
