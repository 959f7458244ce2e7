//! The embedding cache: one SQLite file (WAL mode, so several silica processes can share
//! it) mapping a key to a vector. The key hashes everything that decides a vector (the
//! model's fingerprint, the prompt, pooling, normalisation, maximum length) and the exact
//! text, so a changed text, model or prompt is a miss. Writes are committed in chunks: an
//! interrupted run keeps what it had committed, and SQLite's journal keeps the file whole.

mod tokens;

pub use tokens::RememberedCounter;

use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;

const FORMAT: &str = "silica-embeddings-1";

/// What decides a vector, besides its text.
#[derive(Debug, Clone)]
pub struct CacheKeyer {
    base: blake3::Hasher,
}

impl CacheKeyer {
    pub fn new(
        model_fingerprint: &str,
        prompt_prefix: &str,
        pooling: &str,
        normalize: bool,
        max_tokens: usize,
    ) -> Self {
        let mut base = blake3::Hasher::new();
        for part in [
            model_fingerprint,
            prompt_prefix,
            pooling,
            if normalize { "norm" } else { "raw" },
            &max_tokens.to_string(),
        ] {
            base.update(&(part.len() as u64).to_le_bytes());
            base.update(part.as_bytes());
        }
        Self { base }
    }

    pub fn key(&self, text: &str) -> [u8; 32] {
        let mut h = self.base.clone();
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
        *h.finalize().as_bytes()
    }
}

/// A cache file silica cannot use (another program's SQLite file, a damaged one): front
/// ends say how to clear it.
#[derive(Debug, thiserror::Error)]
#[error("{}: not a usable silica embedding cache ({why}); remove it or run `silica cache clear`", path.display())]
pub struct UnusableCache {
    pub path: PathBuf,
    pub why: String,
}

/// The SQLite file of cached vectors.
pub struct EmbeddingCache {
    conn: Connection,
    path: PathBuf,
}

/// `silica cache stats`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CacheStats {
    pub path: String,
    pub vectors: u64,
    pub bytes: u64,
}

impl EmbeddingCache {
    /// `$XDG_CACHE_HOME/silica/embeddings.sqlite`, else `~/.cache/silica/embeddings.sqlite`.
    pub fn default_path() -> PathBuf {
        crate::model::silica_cache_dir().join("embeddings.sqlite")
    }

    fn unusable(path: &Path, why: impl std::fmt::Display) -> anyhow::Error {
        UnusableCache {
            path: path.to_path_buf(),
            why: why.to_string(),
        }
        .into()
    }

    /// Opens (creating when absent) the cache at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let conn = Connection::open(path).map_err(|e| Self::unusable(path, e))?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| Self::unusable(path, e))?;
        let setup = || -> rusqlite::Result<Option<String>> {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables == 0 {
                conn.execute_batch(&format!(
                    "BEGIN IMMEDIATE;
                     CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                     CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
                     INSERT OR IGNORE INTO meta VALUES ('format', '{FORMAT}');
                     COMMIT;"
                ))?;
            }
            conn.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                r.get(0)
            })
            .optional()
        };
        // Switching to WAL and creating the tables take locks that SQLite's busy timeout does
        // not always wait for; when several processes open a new cache at once, retry.
        let mut outcome = setup();
        for attempt in 1..=300u64 {
            match &outcome {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) =>
                {
                    std::thread::sleep(Duration::from_millis(20 + 10 * attempt.min(10)));
                    outcome = setup();
                }
                _ => break,
            }
        }
        match outcome {
            Ok(Some(format)) if format == FORMAT => {
                // Token counts (tokens.rs), added beside the vectors of older caches too.
                conn.execute_batch(
                    "CREATE TABLE IF NOT EXISTS tokens (key BLOB PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;",
                )
                .map_err(|e| Self::unusable(path, e))?;
                Ok(Self {
                    conn,
                    path: path.to_path_buf(),
                })
            }
            Ok(Some(other)) => Err(Self::unusable(
                path,
                format!("format {other:?}, this silica reads {FORMAT:?}"),
            )),
            Ok(None) => Err(Self::unusable(path, "an SQLite file of something else")),
            Err(e) => Err(Self::unusable(path, e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cached vector of each key, if any.
    pub fn get_many(&self, keys: &[[u8; 32]]) -> Result<Vec<Option<Vec<f32>>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT dim, data FROM vectors WHERE key = ?1")?;
        keys.iter()
            .map(|key| {
                let row: Option<(i64, Vec<u8>)> = stmt
                    .query_row(params![&key[..]], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
                    .map_err(|e| Self::unusable(&self.path, e))?;
                Ok(row.and_then(|(dim, bytes)| {
                    (bytes.len() == dim as usize * 4).then(|| {
                        bytes
                            .chunks_exact(4)
                            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                            .collect()
                    })
                }))
            })
            .collect()
    }

    /// The remembered token data under `key` (see [`RememberedCounter`]).
    pub fn token_data(&self, key: &[u8; 32]) -> Result<Option<Vec<u8>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM tokens WHERE key = ?1")?;
        stmt.query_row(params![&key[..]], |r| r.get(0))
            .optional()
            .map_err(|e| Self::unusable(&self.path, e))
    }

    /// Stores token data, all in one transaction.
    pub fn put_token_data(&mut self, entries: &[([u8; 32], Vec<u8>)]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Self::unusable(&self.path, e))?;
        {
            let mut stmt =
                tx.prepare_cached("INSERT OR REPLACE INTO tokens (key, data) VALUES (?1, ?2)")?;
            for (key, data) in entries {
                stmt.execute(params![&key[..], data])?;
            }
        }
        tx.commit()
            .with_context(|| format!("writing to {}", self.path.display()))?;
        Ok(())
    }

    /// Stores vectors, all in one transaction.
    pub fn put_many(&mut self, entries: &[([u8; 32], &[f32])]) -> Result<()> {
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Self::unusable(&self.path, e))?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO vectors (key, dim, data) VALUES (?1, ?2, ?3)",
            )?;
            for (key, vector) in entries {
                let bytes: Vec<u8> = vector.iter().flat_map(|v| v.to_le_bytes()).collect();
                stmt.execute(params![&key[..], vector.len() as i64, bytes])?;
            }
        }
        tx.commit()
            .with_context(|| format!("writing to {}", self.path.display()))?;
        Ok(())
    }

    pub fn stats(&self) -> Result<CacheStats> {
        let vectors: i64 = self
            .conn
            .query_row("SELECT count(*) FROM vectors", [], |r| r.get(0))?;
        let bytes = ["", "-wal", "-shm"]
            .iter()
            .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", self.path.display())).ok())
            .map(|m| m.len())
            .sum();
        Ok(CacheStats {
            path: self.path.display().to_string(),
            vectors: vectors as u64,
            bytes,
        })
    }
}

/// Removes the cache file (and its WAL files), whatever state it is in; returns whether
/// there was one.
pub fn clear_cache(path: &Path) -> Result<bool> {
    let mut removed = false;
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&p) {
            Ok(()) => removed = true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => bail!("{}: cannot remove it: {e}", p.display()),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_change_with_text_model_and_prompt() {
        let a = CacheKeyer::new("model-a", "query: ", "mean", true, 512);
        let b = CacheKeyer::new("model-b", "query: ", "mean", true, 512);
        let c = CacheKeyer::new("model-a", "passage: ", "mean", true, 512);
        assert_eq!(a.key("text"), a.key("text"));
        assert_ne!(a.key("text"), a.key("text "));
        assert_ne!(a.key("text"), b.key("text"));
        assert_ne!(a.key("text"), c.key("text"));
        // Length prefixes: moving a boundary between parts changes the key.
        assert_ne!(
            CacheKeyer::new("ab", "c", "m", true, 1).key("x"),
            CacheKeyer::new("a", "bc", "m", true, 1).key("x")
        );
    }

    #[test]
    fn store_and_read_back_and_refuse_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/cache.sqlite");
        let mut cache = EmbeddingCache::open(&path).unwrap();
        let k = CacheKeyer::new("m", "", "mean", true, 8);
        cache.put_many(&[(k.key("a"), &[1.0, 2.0][..])]).unwrap();
        let got = cache.get_many(&[k.key("a"), k.key("b")]).unwrap();
        assert_eq!(got, vec![Some(vec![1.0, 2.0]), None]);
        assert_eq!(cache.stats().unwrap().vectors, 1);
        drop(cache);
        assert_eq!(
            EmbeddingCache::open(&path)
                .unwrap()
                .get_many(&[k.key("a")])
                .unwrap()[0],
            Some(vec![1.0, 2.0])
        );

        let foreign = dir.path().join("other.sqlite");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x);")
            .unwrap();
        let err = EmbeddingCache::open(&foreign).err().unwrap().to_string();
        assert!(
            err.contains("not a usable silica embedding cache")
                && err.contains("silica cache clear"),
            "{err}"
        );

        let garbage = dir.path().join("garbage.sqlite");
        std::fs::write(
            &garbage,
            b"this is not a database at all, just some bytes to fail on.............",
        )
        .unwrap();
        let err = EmbeddingCache::open(&garbage).err().unwrap().to_string();
        assert!(err.contains("not a usable silica embedding cache"), "{err}");
        assert!(clear_cache(&garbage).unwrap());
        assert!(EmbeddingCache::open(&garbage).is_ok());
    }
}
