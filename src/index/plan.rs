//! What `index add` needs of a store, whichever store ([`DocumentSink`]): the documents it
//! holds, the files it last read whole, the short lines and duplicate keys new documents
//! are compared with, and writes of whole documents, each batch in one transaction. The
//! use case itself is `crate::ingest`.

use super::NewDocument;
use crate::corpus::KnownPassages;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashMap;

/// What `index add` did.
#[derive(Debug, Default, Serialize)]
pub struct AddSummary {
    pub documents_added: usize,
    pub passages_embedded: usize,
    pub documents_removed: usize,
    pub unchanged: usize,
    pub changed_kept: usize,
    pub other_shards: usize,
}

/// One part of a corpus split by document, so that N processes (on N machines) fill one
/// store at once: shard `index` of `count` holds the documents whose id hashes to it. The
/// hash (blake3 of the id) is the same on every machine and for every run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// The whole corpus.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    /// `I/N` with `I < N`.
    pub fn parse(text: &str) -> Result<Self> {
        let parsed = text.split_once('/').and_then(|(i, n)| {
            Some((i.trim().parse::<u64>().ok()?, n.trim().parse::<u64>().ok()?))
        });
        match parsed {
            Some((index, count)) if count > 0 && index < count => Ok(Self { index, count }),
            _ => Err(super::IndexError::BadShard(text.to_string()).into()),
        }
    }

    pub fn contains(&self, document_id: &str) -> bool {
        if self.count == 1 {
            return true;
        }
        let hash = blake3::hash(document_id.as_bytes());
        let first = u64::from_le_bytes(hash.as_bytes()[..8].try_into().expect("8 bytes"));
        first % self.count == self.index
    }

    pub fn is_all(&self) -> bool {
        self.count == 1
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The hash that tells a changed document: its decoded text and title.
pub fn document_hash(text: &str, title: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    h.update(title.unwrap_or("").as_bytes());
    h.update(&[0]);
    h.update(text.as_bytes());
    h.finalize().to_hex()[..32].to_string()
}

/// A file as `index add` last read it whole: the same size and modification time (and a
/// stamp taken well after that time) mean the same documents, without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Modification time, in nanoseconds since 1970.
    pub mtime_ns: i64,
    /// blake3 of the file's bytes (hex): a file touched but not changed is recognised.
    pub hash: String,
    /// When the stamp was taken (nanoseconds since 1970).
    pub stamped_ns: i64,
}

/// A stored document as `index add` compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub id: String,
    /// The file it was read from (its source without a row's `:LINE`).
    pub file: String,
    /// [`document_hash`] of its text and title.
    pub hash: String,
    /// Whether its short lines are kept (documents indexed before they were are not).
    pub lines_known: bool,
}

/// Where `index add` writes: the local index's SQLite tables or a PostgreSQL store.
pub trait DocumentSink {
    /// The vectors' dimensions the store holds.
    fn dim(&self) -> usize;
    /// Every stored document.
    fn stored(&self) -> Result<Vec<StoredEntry>>;
    /// Removes these documents (ids) and their passages in one transaction; the stamps of
    /// their files go with them.
    fn remove(&mut self, ids: &[String]) -> Result<usize>;
    /// Adds these documents with their passages and vectors in one transaction.
    fn write(&mut self, docs: &[NewDocument<'_>]) -> Result<()>;
    /// The files last read whole with the reading settings `scope`, by name.
    fn file_stamps(&self, scope: &str) -> Result<HashMap<String, FileStamp>>;
    fn record_stamps(&mut self, scope: &str, stamps: &[(String, FileStamp)]) -> Result<()>;
    /// How many documents are stored, and in how many of them each of `lines` appears.
    fn line_counts(&self, lines: &[u64]) -> Result<(usize, HashMap<u64, usize>)>;
    /// Records the short lines of stored documents (by id) indexed before lines were kept.
    fn record_lines(&mut self, docs: &[(String, Vec<u64>)]) -> Result<()>;
    /// Gives a duplicate key to every stored passage without one; returns how many.
    fn fill_passage_keys(&mut self) -> Result<usize>;
    /// The passages stored now, for judging duplicates, on a connection of its own (so
    /// that it is read while batches are written, and sees none of them).
    fn known_passages(&self) -> Result<Box<dyn KnownPassages>>;
}

/// The file a document came from: its source without a row's `:LINE`.
pub fn file_of(source: &str) -> &str {
    match source.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_source_names_its_file() {
        assert_eq!(file_of("news.jsonl:12"), "news.jsonl");
        assert_eq!(file_of("seeds/001.txt"), "seeds/001.txt");
        assert_eq!(file_of("C:odd"), "C:odd");
    }

    #[test]
    fn a_changed_text_or_title_changes_the_hash() {
        let a = document_hash("text", Some("title"));
        assert_eq!(a, document_hash("text", Some("title")));
        assert_ne!(a, document_hash("text!", Some("title")));
        assert_ne!(a, document_hash("text", None));
    }

    #[test]
    fn shards_split_every_id_into_exactly_one_part() {
        let shards: Vec<Shard> = (0..3)
            .map(|i| Shard::parse(&format!("{i}/3")).unwrap())
            .collect();
        let mut sizes = [0usize; 3];
        for n in 0..3000 {
            let id = format!("doc-{n}.txt");
            let owners: Vec<usize> = (0..3).filter(|&s| shards[s].contains(&id)).collect();
            assert_eq!(owners.len(), 1, "{id}");
            sizes[owners[0]] += 1;
        }
        // A fair hash: each part within 10% of a third.
        assert!(sizes.iter().all(|&s| (900..1100).contains(&s)), "{sizes:?}");
        assert!(Shard::ALL.contains("anything"));
    }

    #[test]
    fn a_bad_shard_is_refused() {
        for bad in ["2/2", "1", "a/2", "0/0", "-1/2", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Shard::parse("1/4").unwrap().to_string(), "1/4");
    }
}
