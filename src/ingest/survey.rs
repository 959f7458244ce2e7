//! The first step of `index add`: every listed file is compared with what the store holds
//! before anything is cut. A file whose size and modification time match its stamp is not
//! read; one whose bytes match the stamp's hash is not decoded; of the documents read, only
//! the new and the changed ones are kept (their texts in [`HeldTexts`]) to be cut.

use super::held::{HeldTexts, MEMORY_BUDGET};
use crate::corpus::{
    describe, short_line_keys, Document, LineCounts, Listed, Listing, ReadOptions, SourceFile,
};
use crate::index::{document_hash, FileStamp, Shard, StoredEntry};
use anyhow::{bail, Result};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

/// Files compared at once (in parallel); their documents are held only when new or changed.
const CHUNK_FILES: usize = 256;

/// A stamp is trusted only when taken this long after the file's modification time: a
/// change within the same tick of the file system's clock would not move the time.
const RACY_NS: i64 = 2_000_000_000;

/// How the survey compares: incrementally (stamps, stored lines and passages; one writer),
/// or as a whole (`--shard`: every file read and every document cut, as several processes
/// must agree on the cleaning and the duplicates without seeing each other's writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Incremental,
    Whole,
}

/// A document to cut, its text held.
pub struct Pending {
    /// The document with an empty text (the text is `texts.take(text)`).
    pub doc: Document,
    pub text: usize,
    pub hash: String,
    pub lines: Vec<u64>,
    /// To be added (a document of another shard is cut but not added).
    pub add: bool,
}

/// What the survey found.
pub struct Survey {
    /// The documents to cut, in corpus order.
    pub pending: Vec<Pending>,
    pub texts: HeldTexts,
    /// Stored documents to remove: changed (with `sync`) or gone from the inputs.
    pub to_remove: Vec<String>,
    pub unchanged: usize,
    pub changed_kept: usize,
    pub other_shards: usize,
    /// Unchanged stored documents whose short lines the store lacks.
    pub backfill: Vec<(String, Vec<u64>)>,
    /// Stamps of the files read whole whose documents are all current once the add is done.
    pub stamps: Vec<(String, FileStamp)>,
    /// The short lines of the documents read that count here: every document read for
    /// [`Mode::Whole`], the ones to add for [`Mode::Incremental`] (the store counts the rest).
    pub lines: LineCounts,
}

/// What is stored, as the survey looks it up.
pub struct Stored {
    by_id: HashMap<String, StoredEntry>,
    by_file: HashMap<String, Vec<String>>,
    stamps: HashMap<String, FileStamp>,
}

impl Stored {
    pub fn new(entries: Vec<StoredEntry>, stamps: HashMap<String, FileStamp>) -> Self {
        let mut by_file: HashMap<String, Vec<String>> = HashMap::new();
        for e in &entries {
            by_file
                .entry(e.file.clone())
                .or_default()
                .push(e.id.clone());
        }
        Self {
            by_id: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
            by_file,
            stamps,
        }
    }

    /// How many documents are stored.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }
}

/// How a stored document compares with the one read.
enum Status {
    New,
    Unchanged { lines_known: bool },
    Changed,
}

/// A document read.
struct Read {
    doc: Document,
    hash: String,
    lines: Vec<u64>,
    status: Status,
}

/// What comparing one listed entry gave.
enum Outcome {
    /// Size and modification time match its stamp: its stored documents are current.
    Skipped { file: String },
    /// Its bytes match its stamp: the same, with a newer stamp.
    SameBytes { file: String, stamp: FileStamp },
    /// Read: its documents, and the stamp it gets when they are all current.
    Read {
        stamp: Option<(String, FileStamp)>,
        docs: Vec<Read>,
    },
}

fn nanos(time: SystemTime) -> Option<i64> {
    time.duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_nanos()).ok())
}

/// The file's size and modification time.
fn metadata(file: &SourceFile) -> Option<(u64, i64)> {
    let meta = std::fs::metadata(&file.path).ok()?;
    Some((meta.len(), nanos(meta.modified().ok()?)?))
}

fn bytes_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

struct Context<'a> {
    stored: &'a Stored,
    options: &'a ReadOptions,
    mode: Mode,
    now: i64,
}

impl Context<'_> {
    /// Whether `file`'s stamp says its stored documents are current without reading it.
    fn skips(&self, file: &SourceFile, name: &str) -> bool {
        let (Some(stamp), Some((size, mtime))) = (self.stored.stamps.get(name), metadata(file))
        else {
            return false;
        };
        self.has_documents(name)
            && stamp.size == size
            && stamp.mtime_ns == mtime
            && stamp.stamped_ns > mtime.saturating_add(RACY_NS)
    }

    fn has_documents(&self, name: &str) -> bool {
        self.stored
            .by_file
            .get(name)
            .is_some_and(|ids| !ids.is_empty())
    }

    fn compare(&self, item: &Listed) -> Result<Outcome> {
        let Listed::File(file) = item else {
            let docs = item.read(self.options)?;
            return Ok(Outcome::Read {
                stamp: None,
                docs: self.described(docs),
            });
        };
        let name = file.name();
        let incremental = self.mode == Mode::Incremental;
        if incremental && self.skips(file, &name) {
            return Ok(Outcome::Skipped { file: name });
        }
        let bytes = file.read_bytes()?;
        let stamp = metadata(file).map(|(size, mtime_ns)| FileStamp {
            size,
            mtime_ns,
            hash: bytes_hash(&bytes),
            stamped_ns: self.now,
        });
        if let Some(stamp) = &stamp {
            let same = self
                .stored
                .stamps
                .get(&name)
                .is_some_and(|s| s.hash == stamp.hash);
            if incremental && same && self.has_documents(&name) {
                return Ok(Outcome::SameBytes {
                    file: name,
                    stamp: stamp.clone(),
                });
            }
        }
        let docs = file.documents(&bytes, self.options)?;
        Ok(Outcome::Read {
            stamp: stamp.filter(|_| incremental).map(|s| (name, s)),
            docs: self.described(docs),
        })
    }

    /// Describes the documents read and compares each with the stored one; the text of
    /// an unchanged document is dropped (unless the whole corpus is cut).
    fn described(&self, docs: Vec<Document>) -> Vec<Read> {
        docs.into_iter()
            .map(|mut doc| {
                describe(&mut doc);
                let hash = document_hash(&doc.text, doc.title.as_deref());
                let status = match self.stored.by_id.get(&doc.id) {
                    None => Status::New,
                    Some(s) if s.hash == hash => Status::Unchanged {
                        lines_known: s.lines_known,
                    },
                    Some(_) => Status::Changed,
                };
                let keep_text = self.mode == Mode::Whole
                    || !matches!(status, Status::Unchanged { lines_known: true });
                let lines = if keep_text {
                    short_line_keys(&doc.text)
                } else {
                    Vec::new()
                };
                if !keep_text {
                    doc.text = String::new();
                }
                Read {
                    doc,
                    hash,
                    lines,
                    status,
                }
            })
            .collect()
    }
}

/// The running tallies of a survey, fed one listed entry at a time in order.
struct Tally<'a> {
    survey: Survey,
    stored: &'a Stored,
    listing: &'a Listing,
    sync: bool,
    shard: Shard,
    mode: Mode,
    /// Document id → where it was first seen, for the uniqueness check.
    seen: HashMap<String, String>,
    per_input: Vec<usize>,
    checked: usize,
}

impl Tally<'_> {
    /// Fails on the first input before `upto` that yielded nothing.
    fn check_inputs_before(&mut self, upto: usize) -> Result<()> {
        while self.checked < upto {
            if self.per_input[self.checked] == 0 {
                bail!(
                    "{}: empty input, no text to embed",
                    self.listing.inputs[self.checked].display()
                );
            }
            self.checked += 1;
        }
        Ok(())
    }

    fn see(&mut self, id: &str, source: &str) -> Result<()> {
        if let Some(first) = self.seen.get(id) {
            bail!("{source}: id {id:?} is used twice (first at {first})");
        }
        self.seen.insert(id.to_string(), source.to_string());
        Ok(())
    }

    /// Counts a file not read: its stored documents are current.
    fn current_file(&mut self, input: usize, file: &str) -> Result<()> {
        let ids = self.stored.by_file.get(file).cloned().unwrap_or_default();
        self.per_input[input] += ids.len().max(1);
        for id in &ids {
            self.see(id, file)?;
            if self.shard.contains(id) {
                self.survey.unchanged += 1;
            } else {
                self.survey.other_shards += 1;
            }
        }
        Ok(())
    }

    fn take(&mut self, item: &Listed, outcome: Result<Outcome>) -> Result<()> {
        let input = item.input();
        self.check_inputs_before(input)?;
        match outcome? {
            Outcome::Skipped { file } => self.current_file(input, &file),
            Outcome::SameBytes { file, stamp } => {
                self.current_file(input, &file)?;
                self.survey.stamps.push((file, stamp));
                Ok(())
            }
            Outcome::Read { stamp, docs } => {
                self.per_input[input] += docs.len();
                let mut all_current = true;
                for read in docs {
                    all_current &= self.document(read)?;
                }
                if let Some(stamp) = stamp.filter(|_| all_current) {
                    self.survey.stamps.push(stamp);
                }
                Ok(())
            }
        }
    }

    /// Files one document read; false when it stays out of date (changed, kept as indexed).
    fn document(&mut self, read: Read) -> Result<bool> {
        let Read {
            doc,
            hash,
            lines,
            status,
        } = read;
        self.see(&doc.id, &doc.source)?;
        let ours = self.shard.contains(&doc.id);
        if !ours {
            self.survey.other_shards += 1;
        }
        let (add, current) = match status {
            _ if !ours => (false, true),
            Status::New => (true, true),
            Status::Unchanged { lines_known } => {
                self.survey.unchanged += 1;
                if !lines_known && self.mode == Mode::Incremental {
                    self.survey.backfill.push((doc.id.clone(), lines.clone()));
                }
                (false, true)
            }
            Status::Changed if self.sync => {
                self.survey.to_remove.push(doc.id.clone());
                (true, true)
            }
            Status::Changed => {
                self.survey.changed_kept += 1;
                (false, false)
            }
        };
        if add || self.mode == Mode::Whole {
            self.survey.lines.add_document(&lines);
            let mut doc = doc;
            let text = self.survey.texts.put(std::mem::take(&mut doc.text))?;
            self.survey.pending.push(Pending {
                doc,
                text,
                hash,
                lines,
                add,
            });
        }
        Ok(current)
    }
}

/// Compares every listed entry with the store (in parallel, a chunk of files at a time) and
/// decides what `index add` does.
pub fn survey(
    listing: &Listing,
    options: &ReadOptions,
    stored: &Stored,
    sync: bool,
    shard: Shard,
    mode: Mode,
) -> Result<Survey> {
    let context = Context {
        stored,
        options,
        mode,
        now: nanos(SystemTime::now()).unwrap_or(0),
    };
    let mut tally = Tally {
        survey: Survey {
            pending: Vec::new(),
            texts: HeldTexts::new(MEMORY_BUDGET),
            to_remove: Vec::new(),
            unchanged: 0,
            changed_kept: 0,
            other_shards: 0,
            backfill: Vec::new(),
            stamps: Vec::new(),
            lines: LineCounts::default(),
        },
        stored,
        listing,
        sync,
        shard,
        mode,
        seen: HashMap::new(),
        per_input: vec![0; listing.inputs.len()],
        checked: 0,
    };
    for chunk in listing.items.chunks(CHUNK_FILES) {
        let outcomes: Vec<Result<Outcome>> =
            chunk.par_iter().map(|item| context.compare(item)).collect();
        for (item, outcome) in chunk.iter().zip(outcomes) {
            tally.take(item, outcome)?;
        }
    }
    tally.check_inputs_before(listing.inputs.len())?;
    if sync {
        let seen: HashSet<&str> = tally.seen.keys().map(String::as_str).collect();
        let mut gone: Vec<String> = stored
            .by_id
            .keys()
            .filter(|id| !seen.contains(id.as_str()) && shard.contains(id))
            .cloned()
            .collect();
        tally.survey.to_remove.append(&mut gone);
        tally.survey.to_remove.sort_unstable();
    }
    Ok(tally.survey)
}
