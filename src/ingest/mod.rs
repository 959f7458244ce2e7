//! `index add` as a use case: a corpus brought into an index directory or a PostgreSQL
//! store ([`DocumentSink`]), embedding only what is new.
//!
//! 1. **Survey** ([`survey`]): every listed file is compared with the store before anything
//!    is cut: unchanged metadata skips the file, unchanged bytes skip its decoding, and of
//!    the documents read only the new and the changed ones are held.
//! 2. **Removals** (changed documents with `--sync`, and documents gone), one transaction.
//! 3. **Cutting and embedding**: the held documents stream through a [`PassageStream`],
//!    cleaned with short lines counted over the store and the run, judged for duplicates
//!    against the stored passages and the run's, and embedded and written in batches of
//!    whole documents, each batch one transaction.
//! 4. **Stamps** of the files read whole, once their documents are all stored.
//!
//! With `--shard` several processes fill one store at once without seeing each other's
//! writes, so every file is read and every document cut (the cleaning and the duplicates
//! are those of the whole corpus, the same in every process), and each adds its shard's.

mod held;
mod survey;

pub use held::HeldTexts;
pub use survey::Mode;

use crate::corpus::{
    Cleaner, Document, LineCounts, Listing, Passage, PassageKey, PassageOptions, PassageStream,
    ReadOptions, TokenCounter,
};
use crate::index::{file_of, AddSummary, DocumentSink, NewDocument, NewPassage, Shard};
use crate::vectors::Embeddings;
use anyhow::Result;
use survey::{Pending, Stored};

/// How `index add` reads, cuts and commits.
pub struct AddOptions {
    pub read: ReadOptions,
    pub passages: PassageOptions,
    /// Make the store mirror the inputs: changed documents replaced, gone ones removed.
    pub sync: bool,
    pub shard: Shard,
    /// Passages embedded and committed together (whole documents; at least 1).
    pub commit_every: usize,
}

/// Told how an add goes.
pub trait AddProgress {
    /// The documents that will be cut and added (their passages are not known yet).
    fn planned(&mut self, documents: usize);
    /// A batch committed.
    fn committed(&mut self, documents: usize, passages: usize);
}

/// The reading settings a file stamp holds for: another silica or other reading options
/// (fields, columns, encoding) read every file again.
fn stamp_scope(read: &ReadOptions) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        env!("CARGO_PKG_VERSION"),
        &read.text_field,
        &read.id_field,
        &read.text_column,
        read.id_column.as_deref().unwrap_or("\u{0}"),
        read.encoding.map_or("detect", |e| e.name()),
    ] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..16].to_string()
}

/// Adds the corpus `listing` names to `sink`: see the module's steps. `embed` turns
/// passages (what the model reads of them) into vectors; it is called only when there is
/// something to embed.
pub fn add(
    sink: &mut dyn DocumentSink,
    listing: &Listing,
    options: &AddOptions,
    counter: &dyn TokenCounter,
    embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    progress: &mut dyn AddProgress,
) -> Result<AddSummary> {
    let mode = if options.shard.is_all() {
        Mode::Incremental
    } else {
        Mode::Whole
    };
    let scope = stamp_scope(&options.read);
    let stamps = match mode {
        Mode::Incremental => sink.file_stamps(&scope)?,
        Mode::Whole => Default::default(),
    };
    let stored = Stored::new(sink.stored()?, stamps);
    let stored_documents = stored.len();
    let survey = survey::survey(
        listing,
        &options.read,
        &stored,
        options.sync,
        options.shard,
        mode,
    )?;
    drop(stored);
    let mut summary = AddSummary {
        unchanged: survey.unchanged,
        changed_kept: survey.changed_kept,
        other_shards: survey.other_shards,
        ..Default::default()
    };
    if !survey.to_remove.is_empty() {
        summary.documents_removed = sink.remove(&survey.to_remove)?;
    }
    if !survey.backfill.is_empty() {
        sink.record_lines(&survey.backfill)?;
    }
    progress.planned(survey.pending.iter().filter(|p| p.add).count());
    // Passages stored before this run, for judging duplicates (none in a new store).
    let compare_stored = mode == Mode::Incremental && stored_documents > summary.documents_removed;
    let (documents_added, passages_embedded) = cut_and_add(
        sink,
        survey.pending,
        survey.texts,
        survey.lines,
        compare_stored,
        options,
        counter,
        embed,
        progress,
    )?;
    summary.documents_added = documents_added;
    summary.passages_embedded = passages_embedded;
    if !survey.stamps.is_empty() {
        sink.record_stamps(&scope, &survey.stamps)?;
    }
    Ok(summary)
}

/// The cleaner for the documents to cut: short lines counted over the run's documents and,
/// when `compare_stored`, the stored ones.
fn cleaner(
    sink: &dyn DocumentSink,
    pending: &[Pending],
    mut lines: LineCounts,
    compare_stored: bool,
    options: &PassageOptions,
) -> Result<Cleaner> {
    if options.keep_all {
        return Ok(Cleaner::disabled());
    }
    if compare_stored {
        let mut keys: Vec<u64> = pending
            .iter()
            .flat_map(|p| p.lines.iter().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let (documents, counts) = sink.line_counts(&keys)?;
        lines.add_known(documents, counts);
    }
    Ok(Cleaner::from_counts(lines))
}

/// Streams the pending documents through the splitter and the duplicate judge, and embeds
/// and writes those to add in batches. Returns (documents, passages) added.
#[allow(clippy::too_many_arguments)]
fn cut_and_add(
    sink: &mut dyn DocumentSink,
    pending: Vec<Pending>,
    mut texts: HeldTexts,
    lines: LineCounts,
    compare_stored: bool,
    options: &AddOptions,
    counter: &dyn TokenCounter,
    embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    progress: &mut dyn AddProgress,
) -> Result<(usize, usize)> {
    if !pending.iter().any(|p| p.add) {
        return Ok((0, 0));
    }
    let cleaner = cleaner(sink, &pending, lines, compare_stored, &options.passages)?;
    let known = if compare_stored {
        sink.fill_passage_keys()?;
        Some(sink.known_passages()?)
    } else {
        None
    };
    // The documents with their texts back, in order; a text that cannot be read back ends
    // the stream, and the failure is reported after it.
    let mut failure: Option<anyhow::Error> = None;
    let documents = pending
        .iter()
        .enumerate()
        .map_while(|(i, p)| match texts.take(p.text) {
            Ok(text) => Some(Document {
                text,
                ..p.doc.clone()
            }),
            Err(e) => {
                failure = Some(e.context(format!("{}: its text", pending[i].doc.source)));
                None
            }
        });
    let mut stream = PassageStream::new(documents, cleaner, options.passages.clone(), counter);
    if let Some(known) = &known {
        stream = stream.with_known(known.as_ref());
    }
    let mut batch = Batch::default();
    let (mut documents_added, mut passages_embedded) = (0, 0);
    for chunk in stream {
        let chunk = chunk?;
        let first = chunk.first;
        let mut passages = chunk.passages.into_iter().zip(chunk.keys).peekable();
        for (offset, doc) in chunk.documents.into_iter().enumerate() {
            let index = first + offset;
            let mut own = Vec::new();
            while let Some((p, _)) = passages.peek() {
                if p.doc_index != index {
                    break;
                }
                own.push(passages.next().expect("peeked"));
            }
            let p = &pending[index];
            if p.add && !own.is_empty() {
                batch.push(Ready {
                    doc,
                    hash: p.hash.clone(),
                    lines: p.lines.clone(),
                    passages: own,
                });
                if batch.passages >= options.commit_every {
                    let (d, n) = batch.commit(sink, embed)?;
                    progress.committed(d, n);
                    documents_added += d;
                    passages_embedded += n;
                }
            }
        }
    }
    if let Some(e) = failure {
        return Err(e);
    }
    if batch.passages > 0 {
        let (d, n) = batch.commit(sink, embed)?;
        progress.committed(d, n);
        documents_added += d;
        passages_embedded += n;
    }
    Ok((documents_added, passages_embedded))
}

/// A document cut and judged, with what its store row needs.
struct Ready {
    doc: Document,
    hash: String,
    lines: Vec<u64>,
    passages: Vec<(Passage, Option<PassageKey>)>,
}

/// Documents waiting to be embedded and written together.
#[derive(Default)]
struct Batch {
    docs: Vec<Ready>,
    passages: usize,
}

impl Batch {
    fn push(&mut self, ready: Ready) {
        self.passages += ready.passages.len();
        self.docs.push(ready);
    }

    /// Embeds the batch's passages and writes its documents in one transaction; returns
    /// (documents, passages) and leaves the batch empty.
    fn commit(
        &mut self,
        sink: &mut dyn DocumentSink,
        embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    ) -> Result<(usize, usize)> {
        let texts: Vec<&str> = self
            .docs
            .iter()
            .flat_map(|r| r.passages.iter().map(|(p, _)| p.input.as_str()))
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
        let mut row = 0;
        let new: Vec<NewDocument> = self
            .docs
            .iter()
            .map(
                |Ready {
                     doc,
                     hash,
                     lines,
                     passages,
                 }| NewDocument {
                    id: &doc.id,
                    source: &doc.source,
                    file: file_of(&doc.source),
                    hash,
                    title: doc.title.as_deref(),
                    lang: doc.lang.as_deref(),
                    date: doc.date,
                    lines,
                    passages: passages
                        .iter()
                        .map(|(p, key)| {
                            row += 1;
                            NewPassage {
                                id: &p.id,
                                start: p.start,
                                end: p.end,
                                lang: p.lang.as_deref(),
                                text: &p.text,
                                vector: vectors.row(row - 1),
                                key: key.as_ref(),
                            }
                        })
                        .collect(),
                },
            )
            .collect();
        sink.write(&new)?;
        let done = (self.docs.len(), self.passages);
        self.docs.clear();
        self.passages = 0;
        Ok(done)
    }
}
