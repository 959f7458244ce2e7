//! Passages as a stream: documents are cut a chunk at a time, the documents of a chunk in
//! parallel (when the token counter can be shared between threads), then judged for
//! duplicates one by one in corpus order. What comes out is the same whatever the chunk
//! size or the number of threads, and only one chunk's documents and passages are held, so
//! a corpus of any size can flow from the disk to the embedder.

use super::clean::{Cleaner, DroppedLine};
use super::dedup::{Deduplicator, Judgement, KnownBatch, KnownPassages, Original, PassageKey};
use super::passages::{split_document, Passage, PassageOptions, SplitDocument};
use super::split::TokenCounter;
use super::Document;
use anyhow::Result;
use rayon::prelude::*;

/// Documents cut together: enough to keep two cores busy, few enough to hold.
pub const CHUNK_DOCUMENTS: usize = 256;

/// The documents of one chunk and what they became.
pub struct PassageChunk {
    /// The position in the stream of the chunk's first document.
    pub first: usize,
    /// The chunk's documents, in corpus order (`doc_index` of their passages counts from
    /// the first document of the stream).
    pub documents: Vec<Document>,
    /// Their passages in order: duplicates left out, unless `keep_duplicates` (then marked
    /// with `duplicate_of`). Their `duplicates` lists are empty: a passage repeated later
    /// learns it only when the repetition comes ([`PassageChunk::duplicates`]).
    pub passages: Vec<Passage>,
    /// The duplicate keys of `passages`, one each (`None` for a passage without words).
    pub keys: Vec<Option<PassageKey>>,
    /// For each passage judged in this chunk, in order: where it is in `passages`, or
    /// `None` when it was left out as a duplicate.
    pub judged: Vec<Option<usize>>,
    /// The duplicates found in this chunk: what each repeats, and its id.
    pub duplicates: Vec<(Original, String)>,
    pub dropped: Vec<DroppedLine>,
}

/// Cuts documents into passages a chunk at a time ([`PassageChunk`]s, as an iterator).
pub struct PassageStream<'a, I: Iterator<Item = Document>> {
    documents: I,
    next_index: usize,
    cleaner: Cleaner,
    options: PassageOptions,
    counter: &'a dyn TokenCounter,
    dedup: Deduplicator,
    known: Option<&'a dyn KnownPassages>,
    /// Ids of every passage judged, kept only with `keep_duplicates` (a duplicate kept
    /// names what it repeats, perhaps from an earlier chunk).
    ids: Vec<String>,
    chunk: usize,
}

impl<'a, I: Iterator<Item = Document>> PassageStream<'a, I> {
    pub fn new(
        documents: I,
        cleaner: Cleaner,
        options: PassageOptions,
        counter: &'a dyn TokenCounter,
    ) -> Self {
        Self {
            documents,
            next_index: 0,
            cleaner,
            options,
            counter,
            dedup: Deduplicator::default(),
            known: None,
            ids: Vec::new(),
            chunk: CHUNK_DOCUMENTS,
        }
    }

    /// Passages a store already holds count as earlier than the stream's: one that repeats
    /// them is a duplicate.
    pub fn with_known(mut self, known: &'a dyn KnownPassages) -> Self {
        self.known = Some(known);
        self
    }

    /// Documents cut together (at least 1).
    pub fn with_chunk(mut self, documents: usize) -> Self {
        self.chunk = documents.max(1);
        self
    }

    fn split_all(&self, documents: &[Document], first: usize) -> Vec<SplitDocument> {
        let (cleaner, options) = (&self.cleaner, &self.options);
        match self.counter.as_sync() {
            Some(counter) => documents
                .par_iter()
                .enumerate()
                .map(|(i, doc)| split_document(doc, first + i, cleaner, options, counter))
                .collect(),
            None => documents
                .iter()
                .enumerate()
                .map(|(i, doc)| split_document(doc, first + i, cleaner, options, self.counter))
                .collect(),
        }
    }

    fn next_chunk(&mut self) -> Option<Result<PassageChunk>> {
        let documents: Vec<Document> = self.documents.by_ref().take(self.chunk).collect();
        if documents.is_empty() {
            return None;
        }
        let first = self.next_index;
        self.next_index += documents.len();
        let split = self.split_all(&documents, first);
        let mut dropped = Vec::new();
        let mut candidates: Vec<Passage> = Vec::new();
        for doc in split {
            candidates.extend(doc.passages);
            dropped.extend(doc.dropped);
        }
        let keys: Vec<Option<PassageKey>> = match self.counter.as_sync() {
            Some(_) => candidates
                .par_iter()
                .map(|p| PassageKey::of(&p.text))
                .collect(),
            None => candidates.iter().map(|p| PassageKey::of(&p.text)).collect(),
        };
        let known = match self.known {
            Some(known) => {
                let present: Vec<&PassageKey> = keys.iter().flatten().collect();
                match KnownBatch::lookup(known, &present) {
                    Ok(batch) => Some(batch),
                    Err(e) => return Some(Err(e)),
                }
            }
            None => None,
        };
        let mut chunk = PassageChunk {
            first,
            documents,
            passages: Vec::new(),
            keys: Vec::new(),
            judged: Vec::new(),
            duplicates: Vec::new(),
            dropped,
        };
        let keep = self.options.keep_duplicates;
        for (mut passage, key) in candidates.into_iter().zip(keys) {
            let judgement = self.dedup.judge(key.as_ref(), known.as_ref());
            if keep {
                self.ids.push(passage.id.clone());
            }
            let kept = match judgement {
                Judgement::Distinct => true,
                Judgement::Duplicate(original) => {
                    if keep {
                        passage.duplicate_of = Some(match &original {
                            Original::Run(n) => self.ids[*n].clone(),
                            Original::Known(id) => id.clone(),
                        });
                    }
                    chunk.duplicates.push((original, passage.id.clone()));
                    keep
                }
            };
            if kept {
                chunk.judged.push(Some(chunk.passages.len()));
                chunk.passages.push(passage);
                chunk.keys.push(key);
            } else {
                chunk.judged.push(None);
            }
        }
        Some(Ok(chunk))
    }
}

impl<I: Iterator<Item = Document>> Iterator for PassageStream<'_, I> {
    type Item = Result<PassageChunk>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_chunk()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::Range;

    /// One token per word, two special tokens; shareable between threads or not.
    struct Words {
        shared: bool,
    }

    impl TokenCounter for Words {
        fn count(&self, text: &str) -> usize {
            text.split_whitespace().count() + 2
        }
        fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
            let base = text.as_ptr() as usize;
            text.split_whitespace()
                .map(|w| {
                    let start = w.as_ptr() as usize - base;
                    start..start + w.len()
                })
                .collect()
        }
        fn as_sync(&self) -> Option<&(dyn TokenCounter + Sync)> {
            self.shared.then_some(self as &(dyn TokenCounter + Sync))
        }
    }

    fn documents() -> Vec<Document> {
        let wire = "The two governments signed an agreement on semiconductors and critical minerals on Tuesday in Tokyo.";
        let texts = [
            format!("{wire}\n\nA second paragraph about the supply of gallium and germanium to the factories."),
            "A short note that stands alone and says very little about anything at all here.".to_string(),
            format!("Other headline over the same story\n\n{wire}"),
            format!("{} Tokyo!", wire.trim_end_matches('.')),
            "A second paragraph about the supply of gallium and germanium to the factories.".to_string(),
            "Follow us\n\nThe committee met to review the proposal in detail and agreed on a timetable for it.\n\nFollow us".to_string(),
            "Follow us\n\nPrices of rare earths rose again this week as exports were held at the border.\n\nFollow us".to_string(),
        ];
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = Document::plain(format!("d{i}"), format!("d{i}.txt"), t.as_str());
                d.lang = Some("en".into());
                d
            })
            .collect()
    }

    /// What a stream gave: every passage (id and what it repeats), every dropped line
    /// (`doc:line`), and how many duplicates it counted.
    type Run = (Vec<(String, Option<String>)>, Vec<String>, usize);

    /// Every passage (with what it repeats) and every dropped line, from a stream.
    fn run(chunk: usize, shared: bool, keep: bool) -> Run {
        let docs = documents();
        let counter = Words { shared };
        let mut options = PassageOptions::new(40);
        options.keep_duplicates = keep;
        let stream = PassageStream::new(
            docs.clone().into_iter(),
            Cleaner::new(&docs),
            options,
            &counter,
        )
        .with_chunk(chunk);
        let (mut passages, mut dropped, mut duplicates) = (Vec::new(), Vec::new(), 0);
        for c in stream {
            let c = c.unwrap();
            assert_eq!(c.passages.len(), c.keys.len());
            duplicates += c.duplicates.len();
            passages.extend(c.passages.into_iter().map(|p| (p.id, p.duplicate_of)));
            dropped.extend(
                c.dropped
                    .into_iter()
                    .map(|d| format!("{}:{}", d.doc_id, d.line)),
            );
        }
        (passages, dropped, duplicates)
    }

    #[test]
    fn the_stream_gives_the_same_passages_whatever_the_chunk_or_the_threads() {
        for keep in [false, true] {
            let whole = run(256, true, keep);
            assert!(whole.2 >= 2, "the corpus has duplicates: {whole:?}");
            assert!(!whole.1.is_empty(), "and repeated lines: {whole:?}");
            for chunk in [1, 2, 3] {
                for shared in [true, false] {
                    assert_eq!(
                        run(chunk, shared, keep),
                        whole,
                        "chunk {chunk}, shared {shared}"
                    );
                }
            }
        }
    }

    #[test]
    fn duplicates_across_chunks_name_what_they_repeat() {
        let (passages, _, _) = run(1, true, true);
        let of = |id: &str| passages.iter().find(|(p, _)| p == id).unwrap().1.clone();
        assert_eq!(of("d4#0").as_deref(), Some("d0#1"), "exact: {passages:?}");
        assert_eq!(of("d3#0").as_deref(), Some("d0#0"), "near: {passages:?}");
        assert_eq!(
            of("d2#0"),
            None,
            "a headline joined to the story: {passages:?}"
        );
        let (kept, _, _) = run(1, true, false);
        assert!(
            kept.iter().all(|(id, _)| id != "d3#0" && id != "d4#0"),
            "{kept:?}"
        );
    }
}
