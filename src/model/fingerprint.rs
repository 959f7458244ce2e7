//! Remembered fingerprints of local model directories.
//!
//! A local model's fingerprint is a blake3 hash of its files (470 MB for
//! multilingual-e5-small: about 5% of a warm run). Each hash is remembered under the
//! files' identity (path, size, modification time in nanoseconds, inode) in
//! `$XDG_CACHE_HOME/silica/fingerprints.json`, so an unchanged model is not hashed again; a
//! file replaced, rewritten or touched changes its identity and is hashed anew. The memo is a
//! convenience: when it cannot be read or written, the hash is computed as before.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// silica's cache directory: `$XDG_CACHE_HOME/silica`, else `~/.cache/silica`.
pub fn silica_cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"))
        .join("silica")
}

/// Entries kept in the memo: older ones (by insertion) are dropped past this.
const MAX_ENTRIES: usize = 64;

fn memo_path() -> PathBuf {
    std::env::var_os("SILICA_FINGERPRINTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| silica_cache_dir().join("fingerprints.json"))
}

/// The identity of `files` (those that exist): what must not change for a remembered hash
/// to hold.
pub fn identity(dir: &Path, files: &[&str]) -> Option<String> {
    let dir = dir.canonicalize().ok()?;
    let mut parts = vec![dir.to_string_lossy().into_owned()];
    for name in files {
        let Ok(meta) = std::fs::metadata(dir.join(name)) else {
            continue;
        };
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0u64;
        parts.push(format!("{name}:{}:{modified}:{inode}", meta.len()));
    }
    Some(parts.join("|"))
}

fn read_memo(path: &Path) -> BTreeMap<String, (u64, String)> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The remembered fingerprint for `identity`, if any.
pub fn remembered(identity: &str) -> Option<String> {
    read_memo(&memo_path())
        .remove(identity)
        .map(|(_, fingerprint)| fingerprint)
}

/// Remembers `fingerprint` for `identity` (best effort: a memo that cannot be written is
/// left alone).
pub fn remember(identity: &str, fingerprint: &str) {
    let path = memo_path();
    let mut memo = read_memo(&path);
    let next = memo.values().map(|(n, _)| *n).max().map_or(0, |n| n + 1);
    memo.insert(identity.to_string(), (next, fingerprint.to_string()));
    while memo.len() > MAX_ENTRIES {
        let oldest = memo
            .iter()
            .min_by_key(|(_, (n, _))| *n)
            .map(|(k, _)| k.clone());
        match oldest {
            Some(k) => memo.remove(&k),
            None => break,
        };
    }
    let write = || -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        serde_json::to_writer(&mut tmp, &memo)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    };
    if let Err(e) = write() {
        tracing::debug!("{}: fingerprint memo not written ({e})", path.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_changes_the_identity() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), "one").unwrap();
        let before = identity(dir.path(), &["a", "missing"]).unwrap();
        assert_eq!(before, identity(dir.path(), &["a", "missing"]).unwrap());
        std::fs::write(dir.path().join("a"), "three").unwrap();
        assert_ne!(before, identity(dir.path(), &["a", "missing"]).unwrap());
    }
}
