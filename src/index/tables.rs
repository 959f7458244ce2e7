//! The index's tables in one SQLite file: documents, their passages with vectors, and the
//! settings that made them. Every write is one transaction, so a killed run leaves the
//! file at its last commit.

use super::plan::FileStamp;
use super::record::{DocumentRow, Passage};
use super::IndexSettings;
use crate::corpus::PassageKey;
use crate::lexical::fts;
use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::collections::HashMap;
use std::path::Path;

/// Bumped when the tables change. An older index is migrated when opened ([`MIGRATIONS`]);
/// a newer one is refused.
pub const SCHEMA_VERSION: i64 = 4;

/// The statements that bring version `n` (the index in this list) to `n + 1`, each run in
/// one transaction with the version's update.
const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        "ALTER TABLE documents ADD COLUMN date TEXT;
         CREATE INDEX IF NOT EXISTS documents_date ON documents(date);",
    ),
    // What `index add` compares new documents with (their short lines, their passages'
    // duplicate keys), filled for older documents by the next `index add`.
    (
        2,
        "ALTER TABLE documents ADD COLUMN lines_known INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE passages ADD COLUMN dedup_key BLOB;",
    ),
    // The passages' terms for lexical search (crate::lexical::fts), filled for the
    // passages already there by `fill_terms` in the same transaction.
    (3, ""),
];

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    file TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT,
    lang TEXT,
    -- The publication date the text states (YYYY-MM-DD), when it states one.
    date TEXT,
    -- 1 when its short lines are in document_lines (0: indexed before they were kept).
    lines_known INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS passages (
    key INTEGER PRIMARY KEY AUTOINCREMENT,
    document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    lang TEXT,
    text TEXT NOT NULL,
    vector BLOB NOT NULL,
    -- The hash of its exact duplicate key (corpus::PassageKey); NULL for a passage without
    -- words or indexed before keys were kept.
    dedup_key BLOB
);
-- The bottom-k sketch of each passage's shingles: near duplicates share one of its hashes.
CREATE TABLE IF NOT EXISTS passage_sketches (
    hash INTEGER NOT NULL,
    passage INTEGER NOT NULL REFERENCES passages(key) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS passage_sketches_hash ON passage_sketches(hash);
CREATE INDEX IF NOT EXISTS passage_sketches_passage ON passage_sketches(passage);
-- Each document's short lines (corpus::line_key), which tell boilerplate repeated across
-- documents when more are added.
CREATE TABLE IF NOT EXISTS document_lines (
    line INTEGER NOT NULL,
    document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    PRIMARY KEY (line, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_lines_document ON document_lines(document);
-- Each file as `index add` last read it whole: unchanged metadata means unchanged documents.
CREATE TABLE IF NOT EXISTS files (
    scope TEXT NOT NULL,
    file TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    stamped_ns INTEGER NOT NULL,
    PRIMARY KEY (scope, file)
);
-- Passages removed from the tables and not yet from the ANN file (usearch cannot list its keys).
CREATE TABLE IF NOT EXISTS removed_passages (key INTEGER PRIMARY KEY);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document);
CREATE INDEX IF NOT EXISTS passages_id ON passages(id);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file);
";

/// Created after migrations (a version-1 table has no date column until migrated).
const SCHEMA_INDEXES: &str = "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS passages_dedup_key ON passages(dedup_key);";

/// A document as the index holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub key: i64,
    pub id: String,
    pub source: String,
    pub file: String,
    pub hash: String,
    /// Whether its short lines are kept (documents indexed before they were are not).
    pub lines_known: bool,
}

/// A document to add, with its passages and their vectors (one row of `dim` floats each).
pub struct NewDocument<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub file: &'a str,
    pub hash: &'a str,
    pub title: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub date: Option<chrono::NaiveDate>,
    /// Its short lines ([`crate::corpus::short_line_keys`]).
    pub lines: &'a [u64],
    pub passages: Vec<NewPassage<'a>>,
}

pub struct NewPassage<'a> {
    pub id: &'a str,
    pub start: usize,
    pub end: usize,
    pub lang: Option<&'a str>,
    pub text: &'a str,
    pub vector: &'a [f32],
    /// What duplicates are told by (`None` for a passage without words).
    pub key: Option<&'a PassageKey>,
}

pub struct IndexTables {
    conn: Connection,
}

fn vector_blob(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The floats of a vector blob; `None` when its length is not `dim` floats.
pub fn blob_vector(blob: &[u8], dim: usize) -> Option<Vec<f32>> {
    (blob.len() == dim * 4).then(|| {
        blob.chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    })
}

impl IndexTables {
    /// Opens (creating when `create`) the tables at `path`.
    pub fn open(path: &Path, create: bool) -> Result<Self> {
        let flags = if create {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        let conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("{}: cannot open the index's tables", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
            .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
            .with_context(|| format!("{}: not an SQLite file", path.display()))?;
        conn.execute_batch(SCHEMA)
            .and_then(|_| conn.execute_batch(fts::SCHEMA))
            .with_context(|| format!("{}: not a silica index", path.display()))?;
        let mut store = Self { conn };
        store
            .migrate()
            .with_context(|| format!("{}: cannot upgrade the index's tables", path.display()))?;
        store.conn.execute_batch(SCHEMA_INDEXES)?;
        Ok(store)
    }

    /// Brings an older index's tables to [`SCHEMA_VERSION`], one version per transaction.
    fn migrate(&mut self) -> Result<()> {
        loop {
            let Some(version) = self
                .meta("schema_version")?
                .and_then(|v| v.parse::<i64>().ok())
            else {
                return Ok(()); // a new index: `init` records the version
            };
            let Some((_, sql)) = MIGRATIONS.iter().find(|(from, _)| *from == version) else {
                return Ok(());
            };
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            if version == 3 {
                fill_terms(&tx)?;
            }
            tx.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
                [(version + 1).to_string()],
            )?;
            tx.commit()?;
        }
    }

    /// Whether the tables are of an older version that [`IndexTables::open`] would migrate.
    pub fn needs_migration(&self) -> Result<bool> {
        Ok(self
            .meta("schema_version")?
            .and_then(|v| v.parse::<i64>().ok())
            .is_some_and(|v| v < SCHEMA_VERSION))
    }

    /// Opens the tables for reading only (queries): nothing is created or changed.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("{}: cannot open the index's tables", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        Ok(Self { conn })
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The settings the index was built with, or `None` for a new, empty index.
    pub fn settings(&self) -> Result<Option<IndexSettings>> {
        match self.meta("schema_version")? {
            None => return Ok(None),
            Some(v) if v.parse::<i64>().ok() != Some(SCHEMA_VERSION) => bail!(
                "the index's tables are version {v}; this silica reads version {SCHEMA_VERSION}"
            ),
            Some(_) => {}
        }
        let text = self
            .meta("settings")?
            .context("the index has no settings recorded (damaged?)")?;
        Ok(Some(
            serde_json::from_str(&text).context("the index's settings are unreadable")?,
        ))
    }

    /// Records the settings of a new index (in one transaction with the schema version).
    pub fn init(&mut self, settings: &IndexSettings) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (k, v) in [
            ("schema_version", SCHEMA_VERSION.to_string()),
            ("settings", serde_json::to_string(settings)?),
            ("generation", "0".to_string()),
        ] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![k, v],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Counts of documents and passages.
    pub fn counts(&self) -> Result<(usize, usize)> {
        let d: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        let p: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM passages", [], |r| r.get(0))?;
        Ok((d as usize, p as usize))
    }

    /// Bumped by every change of the passages; the ANN file records the one it matches.
    pub fn generation(&self) -> Result<u64> {
        Ok(self
            .meta("generation")?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0))
    }

    pub fn documents(&self) -> Result<Vec<StoredDocument>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, id, source, file, hash, lines_known FROM documents ORDER BY key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredDocument {
                key: r.get(0)?,
                id: r.get(1)?,
                source: r.get(2)?,
                file: r.get(3)?,
                hash: r.get(4)?,
                lines_known: r.get::<_, i64>(5)? != 0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The keys of the stored documents with these ids (ids not stored are skipped).
    pub fn document_keys(&self, ids: &[String]) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key FROM documents WHERE id = ?1")?;
        let mut keys = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(key) = stmt.query_row([id], |r| r.get(0)).optional()? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// Adds documents with their passages (and what later documents are compared with:
    /// short lines, duplicate keys) in one transaction, and bumps the generation.
    pub fn add_documents(&mut self, docs: &[NewDocument<'_>]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut doc_stmt = tx.prepare(
                "INSERT INTO documents (id, source, file, hash, title, lang, date, lines_known)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            )?;
            let mut line_stmt = tx
                .prepare("INSERT OR IGNORE INTO document_lines (line, document) VALUES (?1, ?2)")?;
            let mut passage_stmt = tx.prepare(
                "INSERT INTO passages (document, id, start, end, lang, text, vector, dedup_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut sketch_stmt =
                tx.prepare("INSERT INTO passage_sketches (hash, passage) VALUES (?1, ?2)")?;
            for d in docs {
                doc_stmt
                    .execute(params![
                        d.id,
                        d.source,
                        d.file,
                        d.hash,
                        d.title,
                        d.lang,
                        d.date.map(|x| x.to_string())
                    ])
                    .with_context(|| format!("{}: cannot add document {}", d.source, d.id))?;
                let key = tx.last_insert_rowid();
                for &line in d.lines {
                    line_stmt.execute(params![line as i64, key])?;
                }
                for p in &d.passages {
                    passage_stmt.execute(params![
                        key,
                        p.id,
                        p.start as i64,
                        p.end as i64,
                        p.lang,
                        p.text,
                        vector_blob(p.vector),
                        p.key.map(|k| k.exact.to_vec())
                    ])?;
                    let passage = tx.last_insert_rowid();
                    fts::insert(&tx, passage, p.text, p.lang)?;
                    for &h in p.key.map(|k| k.sketch.as_slice()).unwrap_or_default() {
                        sketch_stmt.execute(params![h as i64, passage])?;
                    }
                }
            }
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Records the short lines of stored documents indexed before lines were kept (by
    /// document key), in one transaction.
    pub fn record_lines(&mut self, docs: &[(i64, Vec<u64>)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut line_stmt = tx
                .prepare("INSERT OR IGNORE INTO document_lines (line, document) VALUES (?1, ?2)")?;
            let mut known = tx.prepare("UPDATE documents SET lines_known = 1 WHERE key = ?1")?;
            for (key, lines) in docs {
                for &line in lines {
                    line_stmt.execute(params![line as i64, key])?;
                }
                known.execute([key])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// In how many stored documents each of `lines` appears (lines in none are left out),
    /// and how many documents are stored.
    pub fn line_counts(&self, lines: &[u64]) -> Result<(usize, HashMap<u64, usize>)> {
        let documents: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM document_lines WHERE line = ?1")?;
        let mut counts = HashMap::new();
        for &line in lines {
            let n: i64 = stmt.query_row([line as i64], |r| r.get(0))?;
            if n > 0 {
                counts.insert(line, n as usize);
            }
        }
        Ok((documents as usize, counts))
    }

    /// Gives a duplicate key to every passage indexed before keys were kept; returns how
    /// many, in one transaction.
    pub fn fill_passage_keys(&mut self) -> Result<usize> {
        let missing: Vec<(i64, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT key, text FROM passages WHERE dedup_key IS NULL ORDER BY key")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let tx = self.conn.transaction()?;
        let mut filled = 0;
        {
            let mut set_key = tx.prepare("UPDATE passages SET dedup_key = ?1 WHERE key = ?2")?;
            let mut sketch_stmt =
                tx.prepare("INSERT INTO passage_sketches (hash, passage) VALUES (?1, ?2)")?;
            for (key, text) in &missing {
                // A passage without words keeps NULL, and is looked at again next time
                // (there are few, and the look costs little).
                let Some(k) = PassageKey::of(text) else {
                    continue;
                };
                set_key.execute(params![k.exact.to_vec(), key])?;
                for &h in &k.sketch {
                    sketch_stmt.execute(params![h as i64, key])?;
                }
                filled += 1;
            }
        }
        tx.commit()?;
        Ok(filled)
    }

    /// The largest passage key (0 when there is none).
    pub fn last_passage_key(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(key), 0) FROM passages", [], |r| {
                r.get(0)
            })?)
    }

    /// Of these exact duplicate keys, those a passage up to `upto` (a passage key) has,
    /// with the first such passage's id.
    pub fn passages_with_keys(
        &self,
        keys: &[[u8; 16]],
        upto: i64,
    ) -> Result<HashMap<[u8; 16], String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM passages WHERE dedup_key = ?1 AND key <= ?2 ORDER BY key LIMIT 1",
        )?;
        let mut out = HashMap::new();
        for key in keys {
            if let Some(id) = stmt
                .query_row(params![key.to_vec(), upto], |r| r.get::<_, String>(0))
                .optional()?
            {
                out.insert(*key, id);
            }
        }
        Ok(out)
    }

    /// Passages up to `upto` with one of these sketch hashes: (hash, id, text), by key.
    pub fn passages_sketched(
        &self,
        hashes: &[u64],
        upto: i64,
    ) -> Result<Vec<(u64, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.text FROM passage_sketches s JOIN passages p ON p.key = s.passage
             WHERE s.hash = ?1 AND p.key <= ?2 ORDER BY p.key",
        )?;
        let mut out = Vec::new();
        for &h in hashes {
            let rows = stmt.query_map(params![h as i64, upto], |r| {
                Ok((h, r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    /// The files `index add` last read whole, in `scope` (the reading settings).
    pub fn file_stamps(&self, scope: &str) -> Result<HashMap<String, FileStamp>> {
        let mut stmt = self
            .conn
            .prepare("SELECT file, size, mtime_ns, hash, stamped_ns FROM files WHERE scope = ?1")?;
        let rows = stmt.query_map([scope], |r| {
            Ok((
                r.get::<_, String>(0)?,
                FileStamp {
                    size: r.get::<_, i64>(1)? as u64,
                    mtime_ns: r.get(2)?,
                    hash: r.get(3)?,
                    stamped_ns: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records files read whole in `scope`, in one transaction.
    pub fn record_stamps(&mut self, scope: &str, stamps: &[(String, FileStamp)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO files (scope, file, size, mtime_ns, hash, stamped_ns)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(scope, file) DO UPDATE SET size = excluded.size,
                     mtime_ns = excluded.mtime_ns, hash = excluded.hash,
                     stamped_ns = excluded.stamped_ns",
            )?;
            for (file, s) in stamps {
                stmt.execute(params![
                    scope,
                    file,
                    s.size as i64,
                    s.mtime_ns,
                    s.hash,
                    s.stamped_ns
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes documents (and their passages) by key, in one transaction.
    pub fn remove_documents(&mut self, keys: &[i64]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        {
            let mut tomb = tx.prepare(
                "INSERT OR IGNORE INTO removed_passages (key) SELECT key FROM passages WHERE document = ?1",
            )?;
            // A file any of whose documents goes is read whole again next time.
            let mut unstamp = tx.prepare(
                "DELETE FROM files WHERE file = (SELECT file FROM documents WHERE key = ?1)",
            )?;
            let mut stmt = tx.prepare("DELETE FROM documents WHERE key = ?1")?;
            let mut passages = tx.prepare("SELECT key FROM passages WHERE document = ?1")?;
            for k in keys {
                let gone: Vec<i64> = passages
                    .query_map([k], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for passage in gone {
                    fts::delete(&tx, passage)?;
                }
                tomb.execute([k])?;
                unstamp.execute([k])?;
                removed += stmt.execute([k])?;
            }
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(removed)
    }

    /// Every passage's key and vector, in key order, through `f` (one row at a time: the
    /// whole matrix is never needed at once by the ANN).
    pub fn for_each_vector(&self, dim: usize, mut f: impl FnMut(i64, &[f32])) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, vector FROM passages ORDER BY key")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: i64 = row.get(0)?;
            let blob = row.get_ref(1)?.as_blob()?;
            let v = blob_vector(blob, dim)
                .with_context(|| format!("passage {key}: its vector is not {dim} floats"))?;
            f(key, &v);
        }
        Ok(())
    }

    /// Passages removed from the tables that the ANN file may still hold.
    pub fn removed_passages(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM removed_passages ORDER BY key")?;
        let keys = stmt.query_map([], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that the ANN file now matches `generation`, and forgets the removals it has
    /// applied, in one transaction.
    pub fn ann_synced(&mut self, generation: u64, removed: &[i64]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare("DELETE FROM removed_passages WHERE key = ?1")?;
            for k in removed {
                stmt.execute([k])?;
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('ann_generation', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [generation.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The generation of the tables the ANN file was last brought up to.
    pub fn ann_generation(&self) -> Result<Option<u64>> {
        Ok(self.meta("ann_generation")?.and_then(|g| g.parse().ok()))
    }

    /// Every passage key, in order.
    pub fn passage_keys(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare("SELECT key FROM passages ORDER BY key")?;
        let keys = stmt.query_map([], |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// The vectors of these passages (missing keys are left out).
    pub fn vectors(&self, keys: &[i64], dim: usize) -> Result<Vec<(i64, Vec<f32>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT vector FROM passages WHERE key = ?1")?;
        let mut out = Vec::with_capacity(keys.len());
        for &k in keys {
            let blob: Option<Vec<u8>> = stmt.query_row([k], |r| r.get(0)).optional()?;
            if let Some(b) = blob {
                let v = blob_vector(&b, dim)
                    .with_context(|| format!("passage {k}: its vector is not {dim} floats"))?;
                out.push((k, v));
            }
        }
        Ok(out)
    }

    /// The passage with this id (its key and vector).
    pub fn passage_by_id(&self, id: &str, dim: usize) -> Result<Option<(i64, Vec<f32>)>> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT key, vector FROM passages WHERE id = ?1 ORDER BY key LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match row {
            None => Ok(None),
            Some((k, b)) => Ok(Some((
                k,
                blob_vector(&b, dim).with_context(|| format!("passage {id}: damaged vector"))?,
            ))),
        }
    }

    /// The passages with these keys, for output.
    pub fn passage_rows(&self, keys: &[i64]) -> Result<Vec<Passage>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PASSAGE_ROW_COLUMNS}
             FROM passages p JOIN documents d ON d.key = p.document WHERE p.key = ?1"
        ))?;
        let mut out = Vec::with_capacity(keys.len());
        for &k in keys {
            let row = stmt
                .query_row([k], passage_row)
                .optional()?
                .with_context(|| format!("passage key {k} is in the ANN but not in the tables; run `silica index verify`"))?;
            out.push(row);
        }
        Ok(out)
    }

    /// The keys of the passages `filters` keep: documents dated within `since..=until`
    /// (undated ones left out when either is set), read from one of `sources` (a file or a
    /// source), passages in one of `langs`.
    pub fn passage_keys_filtered(&self, filters: &super::PassageFilters) -> Result<Vec<i64>> {
        let mut conditions = vec!["1".to_string()];
        let mut values: Vec<String> = Vec::new();
        let param = |v: &str, values: &mut Vec<String>| {
            values.push(v.to_string());
            format!("?{}", values.len())
        };
        if filters.since.is_some() || filters.until.is_some() {
            conditions.push("d.date IS NOT NULL".into());
        }
        if let Some(d) = filters.since {
            conditions.push(format!("d.date >= {}", param(&d.to_string(), &mut values)));
        }
        if let Some(d) = filters.until {
            conditions.push(format!("d.date <= {}", param(&d.to_string(), &mut values)));
        }
        if !filters.sources.is_empty() {
            let any: Vec<String> = filters
                .sources
                .iter()
                .map(|s| {
                    let p = param(s, &mut values);
                    format!("d.file = {p} OR d.source = {p}")
                })
                .collect();
            conditions.push(format!("({})", any.join(" OR ")));
        }
        if !filters.langs.is_empty() {
            let any: Vec<String> = filters
                .langs
                .iter()
                .map(|l| format!("p.lang = {}", param(l, &mut values)))
                .collect();
            conditions.push(format!("({})", any.join(" OR ")));
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT p.key FROM passages p JOIN documents d ON d.key = p.document
             WHERE {} ORDER BY p.key",
            conditions.join(" AND ")
        ))?;
        let keys = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(keys.collect::<rusqlite::Result<_>>()?)
    }

    /// The passages matching a query's terms, best BM25 first ([`fts::search`]).
    pub fn lexical_search(&self, query: &str, limit: Option<usize>) -> Result<Vec<(i64, f32)>> {
        fts::search(&self.conn, query, limit)
    }

    /// Every document's key, id, source, title and date, in key order (for reports).
    pub fn document_infos(&self) -> Result<Vec<DocumentRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, id, source, title, date FROM documents ORDER BY key")?;
        let rows = stmt.query_map([], |r| {
            Ok(DocumentRow {
                key: r.get(0)?,
                id: r.get(1)?,
                source: r.get(2)?,
                title: r.get(3)?,
                date: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every passage with its document's key and its vector, in key order, through `f`.
    pub fn for_each_passage(
        &self,
        dim: usize,
        mut f: impl FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PASSAGE_ROW_COLUMNS}, p.document, p.vector
             FROM passages p JOIN documents d ON d.key = p.document ORDER BY p.key"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let row = passage_row(r)?;
            let doc: i64 = r.get(9)?;
            let v = blob_vector(r.get_ref(10)?.as_blob()?, dim)
                .with_context(|| format!("passage {}: its vector is not {dim} floats", row.key))?;
            f(row, doc, v)?;
        }
        Ok(())
    }

    /// The document key of each passage key (for --cross-document).
    pub fn passage_documents(&self) -> Result<std::collections::HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare("SELECT key, document FROM passages")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// SQLite's own check, and the tables' invariants: every document has a passage and
    /// every vector has `dim` floats. One line per problem.
    pub fn check(&self, dim: usize) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            problems.push(format!("SQLite integrity check: {integrity}"));
        }
        let empty: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.document = d.key)",
            [],
            |r| r.get(0),
        )?;
        if empty > 0 {
            problems.push(format!("{empty} documents have no passage"));
        }
        let bad: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM passages WHERE length(vector) != ?1",
            [(dim * 4) as i64],
            |r| r.get(0),
        )?;
        if bad > 0 {
            problems.push(format!(
                "{bad} passages have a vector that is not {dim} floats"
            ));
        }
        let (_, passages) = self.counts()?;
        let with_terms = fts::count(&self.conn)?;
        let stray: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM passage_terms t WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.key = t.rowid)",
            [],
            |r| r.get(0),
        )?;
        if with_terms != passages || stray > 0 {
            problems.push(format!(
                "the lexical index holds {with_terms} passages ({stray} not in the tables), the tables {passages}"
            ));
        }
        Ok(problems)
    }
}

/// The columns [`passage_row`] reads, first in a query over `passages p JOIN documents d`.
const PASSAGE_ROW_COLUMNS: &str =
    "p.key, p.id, d.source, d.id, p.start, p.end, p.lang, p.text, d.date";

fn passage_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Passage> {
    Ok(Passage {
        key: r.get(0)?,
        id: r.get(1)?,
        source: r.get(2)?,
        document: r.get(3)?,
        start: Some(r.get::<_, i64>(4)? as usize),
        end: Some(r.get::<_, i64>(5)? as usize),
        lang: r.get(6)?,
        text: r.get(7)?,
        date: r.get(8)?,
    })
}

/// Indexes the terms of every passage (an index made before lexical search), in `tx`.
fn fill_terms(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    // The table was created empty at open; 'delete-all' makes a second try start clean.
    tx.execute(
        "INSERT INTO passage_terms (passage_terms) VALUES ('delete-all')",
        [],
    )?;
    let mut stmt = tx.prepare("SELECT key, text, lang FROM passages ORDER BY key")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let lang: Option<String> = r.get(2)?;
        fts::insert(tx, r.get(0)?, r.get_ref(1)?.as_str()?, lang.as_deref())?;
    }
    Ok(())
}

fn bump_generation(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    tx.execute(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'",
        [],
    )?;
    Ok(())
}
