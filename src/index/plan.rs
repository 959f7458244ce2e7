//! What `index add` does to a store, whichever store: the plan (which documents to add,
//! replace or remove, decided before anything is embedded) and the batches that carry it
//! out (each batch embedded, then written by the store in one transaction).

use super::{NewDocument, NewPassage};
use crate::corpus::Corpus;
use crate::embed::Embeddings;
use anyhow::{bail, Result};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What `index add` will do, decided before anything is embedded.
#[derive(Debug, Default)]
pub struct AddPlan {
    /// Corpus documents (indices) not in the store, or changed and replaced (`--sync`).
    pub to_add: Vec<usize>,
    /// Stored documents (ids) to remove: gone from the inputs or changed (`--sync`).
    pub to_remove: Vec<String>,
    pub unchanged: usize,
    /// Changed since indexed but kept as indexed (without `--sync`).
    pub changed_kept: usize,
    pub changed_replaced: usize,
    pub gone: usize,
    /// Passages of the documents in `to_add`.
    pub passages_to_add: usize,
    /// Corpus documents left to other shards (`--shard`).
    pub other_shards: usize,
}

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
            _ => bail!("--shard {text:?}: expected I/N with 0 <= I < N, as 0/2 and 1/2"),
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

/// The file a document came from: its source without a row's `:LINE`.
pub fn file_of(source: &str) -> &str {
    match source.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => source,
    }
}

impl AddPlan {
    /// Compares the corpus read now with the stored documents (`id → hash`), within
    /// `shard`: documents of other shards are neither added nor, with `sync`, removed.
    pub fn new(
        corpus: &Corpus,
        stored: &HashMap<String, String>,
        sync: bool,
        shard: Shard,
    ) -> AddPlan {
        let has_passages = passage_counts(corpus);
        let mut plan = AddPlan::default();
        let mut seen = HashSet::new();
        for (i, doc) in corpus.documents.iter().enumerate() {
            if has_passages[i] == 0 || !seen.insert(doc.id.as_str()) {
                continue;
            }
            if !shard.contains(&doc.id) {
                plan.other_shards += 1;
                continue;
            }
            let hash = document_hash(&doc.text, doc.title.as_deref());
            match stored.get(&doc.id) {
                None => {
                    plan.to_add.push(i);
                    plan.passages_to_add += has_passages[i];
                }
                Some(s) if *s == hash => plan.unchanged += 1,
                Some(_) if sync => {
                    plan.to_remove.push(doc.id.clone());
                    plan.to_add.push(i);
                    plan.passages_to_add += has_passages[i];
                    plan.changed_replaced += 1;
                }
                Some(_) => plan.changed_kept += 1,
            }
        }
        if sync {
            for id in stored.keys() {
                if !seen.contains(id.as_str()) && shard.contains(id) {
                    plan.to_remove.push(id.clone());
                    plan.gone += 1;
                }
            }
            plan.to_remove.sort_unstable();
        }
        plan
    }
}

/// Where `index add` writes: the local index's SQLite tables or a PostgreSQL store.
pub trait DocumentSink {
    /// The vectors' dimensions the store holds.
    fn dim(&self) -> usize;
    /// Removes these documents (ids) and their passages in one transaction.
    fn remove(&mut self, ids: &[String]) -> Result<usize>;
    /// Adds these documents with their passages and vectors in one transaction.
    fn write(&mut self, docs: &[NewDocument<'_>]) -> Result<()>;
}

/// Carries out `plan` on `sink`: removals first (one transaction), then the new documents
/// in batches of about `batch_passages` passages, each embedded by `embed` and committed in
/// one transaction. `progress` is told how many passages each batch held.
pub fn apply(
    sink: &mut dyn DocumentSink,
    corpus: &Corpus,
    plan: &AddPlan,
    batch_passages: usize,
    embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    progress: &mut dyn FnMut(usize),
) -> Result<AddSummary> {
    let mut summary = AddSummary {
        unchanged: plan.unchanged,
        changed_kept: plan.changed_kept,
        other_shards: plan.other_shards,
        ..Default::default()
    };
    if !plan.to_remove.is_empty() {
        summary.documents_removed = sink.remove(&plan.to_remove)?;
    }
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for (p, passage) in corpus.passages.iter().enumerate() {
        by_doc.entry(passage.doc_index).or_default().push(p);
    }
    let mut batch: Vec<usize> = Vec::new();
    let mut batch_len = 0;
    for (n, &d) in plan.to_add.iter().enumerate() {
        batch.push(d);
        batch_len += by_doc.get(&d).map_or(0, Vec::len);
        if batch_len >= batch_passages || n + 1 == plan.to_add.len() {
            let embedded = add_batch(sink, corpus, &batch, &by_doc, embed)?;
            summary.documents_added += batch.len();
            summary.passages_embedded += embedded;
            progress(embedded);
            batch.clear();
            batch_len = 0;
        }
    }
    Ok(summary)
}

/// Embeds one batch of documents' passages and writes them.
fn add_batch(
    sink: &mut dyn DocumentSink,
    corpus: &Corpus,
    docs: &[usize],
    by_doc: &HashMap<usize, Vec<usize>>,
    embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
) -> Result<usize> {
    let passages: Vec<usize> = docs
        .iter()
        .flat_map(|d| by_doc.get(d).cloned().unwrap_or_default())
        .collect();
    let texts: Vec<&str> = passages
        .iter()
        .map(|&p| corpus.passages[p].input.as_str())
        .collect();
    let vectors = embed(&texts)?;
    anyhow::ensure!(
        vectors.len() == texts.len() && vectors.dim == sink.dim(),
        "the model gave {} vectors of {} dimensions for {} passages; the store holds {}",
        vectors.len(),
        vectors.dim,
        texts.len(),
        sink.dim()
    );
    let row_of: HashMap<usize, usize> = passages.iter().enumerate().map(|(r, &p)| (p, r)).collect();
    let hashes: Vec<String> = docs
        .iter()
        .map(|&d| {
            let doc = &corpus.documents[d];
            document_hash(&doc.text, doc.title.as_deref())
        })
        .collect();
    let new: Vec<NewDocument> = docs
        .iter()
        .zip(&hashes)
        .map(|(&d, hash)| {
            let doc = &corpus.documents[d];
            let passages = by_doc.get(&d).map(Vec::as_slice).unwrap_or_default();
            NewDocument {
                id: &doc.id,
                source: &doc.source,
                file: file_of(&doc.source),
                hash,
                title: doc.title.as_deref(),
                lang: doc.lang.as_deref(),
                date: doc.date,
                passages: passages
                    .iter()
                    .map(|&p| {
                        let passage = &corpus.passages[p];
                        NewPassage {
                            id: &passage.id,
                            start: passage.start,
                            end: passage.end,
                            lang: passage.lang.as_deref(),
                            text: &passage.text,
                            vector: vectors.row(row_of[&p]),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    sink.write(&new)?;
    Ok(passages.len())
}

/// Passages per corpus document.
fn passage_counts(corpus: &Corpus) -> Vec<usize> {
    let mut counts = vec![0; corpus.documents.len()];
    for p in &corpus.passages {
        counts[p.doc_index] += 1;
    }
    counts
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
