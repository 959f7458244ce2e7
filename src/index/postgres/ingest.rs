//! What `index add` keeps in a store besides documents and passages, and reads back before
//! cutting new documents: the files last read whole (`silica_files`), each document's
//! short lines (`silica_document_lines`) and each passage's duplicate key and sketch
//! (`silica_passages.dedup_key`, `silica_passage_sketches`).

use super::{db, PgStore, Pool};
use crate::corpus::{KnownPassages, PassageKey};
use crate::index::{FileStamp, StoredEntry};
use anyhow::{Context, Result};
use std::collections::HashMap;

impl PgStore {
    pub(super) fn stored_entries(&self) -> Result<Vec<StoredEntry>> {
        self.with_conn(|c| {
            let rows = c
                .query(
                    "SELECT id, file, hash, lines_known FROM silica_documents ORDER BY id",
                    &[],
                )
                .map_err(db)?;
            Ok(rows
                .iter()
                .map(|r| StoredEntry {
                    id: r.get(0),
                    file: r.get(1),
                    hash: r.get(2),
                    lines_known: r.get(3),
                })
                .collect())
        })
    }

    pub(super) fn stamps_of(&self, scope: &str) -> Result<HashMap<String, FileStamp>> {
        self.with_conn(|c| {
            let rows = c
                .query(
                    "SELECT file, size, mtime_ns, hash, stamped_ns FROM silica_files WHERE scope = $1",
                    &[&scope],
                )
                .map_err(db)?;
            Ok(rows
                .iter()
                .map(|r| {
                    (
                        r.get(0),
                        FileStamp {
                            size: r.get::<_, i64>(1) as u64,
                            mtime_ns: r.get(2),
                            hash: r.get(3),
                            stamped_ns: r.get(4),
                        },
                    )
                })
                .collect())
        })
    }

    pub(super) fn stamp(&self, scope: &str, stamps: &[(String, FileStamp)]) -> Result<()> {
        let files: Vec<&str> = stamps.iter().map(|(f, _)| f.as_str()).collect();
        let sizes: Vec<i64> = stamps.iter().map(|(_, s)| s.size as i64).collect();
        let mtimes: Vec<i64> = stamps.iter().map(|(_, s)| s.mtime_ns).collect();
        let hashes: Vec<&str> = stamps.iter().map(|(_, s)| s.hash.as_str()).collect();
        let stamped: Vec<i64> = stamps.iter().map(|(_, s)| s.stamped_ns).collect();
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO silica_files (scope, file, size, mtime_ns, hash, stamped_ns)
                 SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[])
                 ON CONFLICT (scope, file) DO UPDATE SET size = EXCLUDED.size,
                     mtime_ns = EXCLUDED.mtime_ns, hash = EXCLUDED.hash,
                     stamped_ns = EXCLUDED.stamped_ns",
                &[&scope, &files, &sizes, &mtimes, &hashes, &stamped],
            )
            .map_err(db)?;
            Ok(())
        })
    }

    pub(super) fn counts_of_lines(&self, lines: &[u64]) -> Result<(usize, HashMap<u64, usize>)> {
        let keys: Vec<i64> = lines.iter().map(|&l| l as i64).collect();
        self.with_conn(|c| {
            let documents: i64 = c
                .query_one("SELECT count(*) FROM silica_documents", &[])
                .map_err(db)?
                .get(0);
            let rows = c
                .query(
                    "SELECT line, count(*) FROM silica_document_lines WHERE line = ANY($1)
                     GROUP BY line",
                    &[&keys],
                )
                .map_err(db)?;
            Ok((
                documents as usize,
                rows.iter()
                    .map(|r| (r.get::<_, i64>(0) as u64, r.get::<_, i64>(1) as usize))
                    .collect(),
            ))
        })
    }

    pub(super) fn lines_of(&self, docs: &[(String, Vec<u64>)]) -> Result<()> {
        let (ids, lines) = flat_lines(docs.iter().map(|(id, l)| (id.as_str(), l.as_slice())));
        let known: Vec<&str> = docs.iter().map(|(id, _)| id.as_str()).collect();
        self.with_conn(|c| {
            let mut tx = c.transaction().map_err(db)?;
            insert_lines(&mut tx, &ids, &lines)?;
            tx.execute(
                "UPDATE silica_documents SET lines_known = true WHERE id = ANY($1)",
                &[&known],
            )
            .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(())
        })
    }

    pub(super) fn fill_keys(&self) -> Result<usize> {
        self.with_conn(|c| {
            let rows = c
                .query(
                    "SELECT document, ordinal, text FROM silica_passages WHERE dedup_key IS NULL",
                    &[],
                )
                .map_err(db)?;
            let (mut docs, mut ordinals, mut keys) = (Vec::new(), Vec::new(), Vec::new());
            let mut sketches = Sketches::default();
            for r in &rows {
                let (doc, ordinal, text): (String, i32, String) = (r.get(0), r.get(1), r.get(2));
                // A passage without words keeps NULL (few, and cheap to look at again).
                let Some(key) = PassageKey::of(&text) else {
                    continue;
                };
                sketches.add(&doc, ordinal, &key);
                keys.push(key.exact.to_vec());
                docs.push(doc);
                ordinals.push(ordinal);
            }
            let mut tx = c.transaction().map_err(db)?;
            tx.execute(
                "UPDATE silica_passages p SET dedup_key = t.key
                 FROM unnest($1::text[], $2::integer[], $3::bytea[]) AS t(document, ordinal, key)
                 WHERE p.document = t.document AND p.ordinal = t.ordinal",
                &[&docs, &ordinals, &keys],
            )
            .map_err(db)?;
            sketches.insert(&mut tx)?;
            tx.commit().map_err(db)?;
            Ok(docs.len())
        })
    }

    pub(super) fn known(&self) -> Result<Box<dyn KnownPassages>> {
        let upto: i64 = self.with_conn(|c| {
            Ok(
                c.query_one("SELECT COALESCE(max(key), 0) FROM silica_passages", &[])
                    .map_err(db)?
                    .get(0),
            )
        })?;
        Ok(Box::new(StoredPassages {
            pool: self.pool.clone(),
            name: self.name.clone(),
            upto,
        }))
    }
}

/// Document ids and line keys, one pair per row.
pub(super) fn flat_lines<'a>(
    docs: impl Iterator<Item = (&'a str, &'a [u64])>,
) -> (Vec<&'a str>, Vec<i64>) {
    let (mut ids, mut lines) = (Vec::new(), Vec::new());
    for (id, keys) in docs {
        for &k in keys {
            ids.push(id);
            lines.push(k as i64);
        }
    }
    (ids, lines)
}

pub(super) fn insert_lines(
    tx: &mut postgres::Transaction<'_>,
    ids: &[&str],
    lines: &[i64],
) -> Result<()> {
    tx.execute(
        "INSERT INTO silica_document_lines (document, line)
         SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING",
        &[&ids, &lines],
    )
    .map_err(db)?;
    Ok(())
}

/// Passages' sketch rows, inserted together.
#[derive(Default)]
pub(super) struct Sketches {
    docs: Vec<String>,
    ordinals: Vec<i32>,
    hashes: Vec<i64>,
}

impl Sketches {
    pub(super) fn add(&mut self, doc: &str, ordinal: i32, key: &PassageKey) {
        for &h in &key.sketch {
            self.docs.push(doc.to_string());
            self.ordinals.push(ordinal);
            self.hashes.push(h as i64);
        }
    }

    pub(super) fn insert(&self, tx: &mut postgres::Transaction<'_>) -> Result<()> {
        if self.hashes.is_empty() {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO silica_passage_sketches (document, ordinal, hash)
             SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[])",
            &[&self.docs, &self.ordinals, &self.hashes],
        )
        .map_err(db)?;
        Ok(())
    }
}

/// The passages a store held when an `index add` began, for judging duplicates.
struct StoredPassages {
    pool: Pool,
    name: String,
    /// The largest passage key then: later rows are the run's own.
    upto: i64,
}

impl StoredPassages {
    fn conn(&self) -> Result<super::PgConnection> {
        super::get(&self.pool, &self.name)
    }
}

impl KnownPassages for StoredPassages {
    fn exact(&self, keys: &[[u8; 16]]) -> Result<HashMap<[u8; 16], String>> {
        let wanted: Vec<Vec<u8>> = keys.iter().map(|k| k.to_vec()).collect();
        let rows = self
            .conn()?
            .query(
                "SELECT DISTINCT ON (dedup_key) dedup_key, id FROM silica_passages
                 WHERE dedup_key = ANY($1) AND key <= $2 ORDER BY dedup_key, key",
                &[&wanted, &self.upto],
            )
            .map_err(db)
            .with_context(|| self.name.clone())?;
        rows.iter()
            .map(|r| {
                let key: Vec<u8> = r.get(0);
                let key: [u8; 16] = key.try_into().map_err(|_| {
                    anyhow::anyhow!("{}: a duplicate key is not 16 bytes", self.name)
                })?;
                Ok((key, r.get(1)))
            })
            .collect()
    }

    fn sketched(&self, hashes: &[u64]) -> Result<Vec<(u64, String, String)>> {
        let wanted: Vec<i64> = hashes.iter().map(|&h| h as i64).collect();
        let rows = self
            .conn()?
            .query(
                "SELECT s.hash, p.id, p.text FROM silica_passage_sketches s
                 JOIN silica_passages p ON p.document = s.document AND p.ordinal = s.ordinal
                 WHERE s.hash = ANY($1) AND p.key <= $2 ORDER BY s.hash, p.key",
                &[&wanted, &self.upto],
            )
            .map_err(db)
            .with_context(|| self.name.clone())?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<_, i64>(0) as u64, r.get(1), r.get(2)))
            .collect())
    }
}
