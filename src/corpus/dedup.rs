//! Exact and near-exact duplicate passages: a title repeated in the body, a caption shown
//! twice, the same wire text in two sources. The first occurrence stays; the others are
//! recorded on it (or, with `--keep-duplicates`, kept and pointed at it).
//!
//! Near-exact: Jaccard similarity of word 3-shingles of at least 0.9, or a later passage
//! whose shingles lie 90% inside an earlier one at least twice its length. Candidate pairs
//! come from a bottom-k sketch (the passages sharing one of their k smallest shingle
//! hashes), so the comparison is not quadratic in the number of passages. No maintained
//! crate does this small job without pulling in a search engine, hence these few lines.
//!
//! [`Deduplicator`] judges passages one at a time in corpus order, keeping of the earlier
//! ones only what later ones are compared with (a hash of each exact key, the shingles of
//! each distinct passage), so a corpus can stream through it; it can also compare with
//! passages an index already holds ([`KnownPassages`]), which count as earlier than any of
//! the run's.

use super::Passage;
use anyhow::Result;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

const NEAR_DUPLICATE_JACCARD: f64 = 0.9;
const SKETCH: usize = 4;

/// Lowercase words of letters and digits only: equal keys are exact duplicates up to case,
/// punctuation and spacing.
fn key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A passage's shingle hashes, sorted, each once.
fn shingles(key: &str) -> Vec<u64> {
    let words: Vec<&str> = key.split(' ').collect();
    let mut out: Vec<u64> = words
        .windows(3)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shingles two sorted sets share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = shared(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// `a` repeats most of `b`: 90% of its shingles are in `b`, and it is at least half as
/// long (the same wire text under another headline, say).
fn contained(a: &[u64], b: &[u64]) -> bool {
    let inter = shared(a, b);
    inter as f64 >= NEAR_DUPLICATE_JACCARD * a.len() as f64 && 2 * a.len() >= b.len()
}

fn near_duplicate(set: &[u64], earlier: &[u64]) -> bool {
    jaccard(set, earlier) >= NEAR_DUPLICATE_JACCARD || contained(set, earlier)
}

/// What a passage is compared by: the hash of its exact key (16 bytes of blake3) and the
/// bottom-k sketch of its shingles (empty under 8 words, which are compared exactly only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageKey {
    pub exact: [u8; 16],
    pub sketch: Vec<u64>,
    shingles: Vec<u64>,
}

impl PassageKey {
    /// `None` for a passage without a letter or a digit (never a duplicate).
    pub fn of(text: &str) -> Option<Self> {
        let key = key(text);
        if key.is_empty() {
            return None;
        }
        let exact = blake3::hash(key.as_bytes()).as_bytes()[..16]
            .try_into()
            .expect("16 bytes");
        let shingles = if key.split(' ').count() >= 8 {
            shingles(&key)
        } else {
            Vec::new()
        };
        let sketch = shingles.iter().copied().take(SKETCH).collect();
        Some(Self {
            exact,
            sketch,
            shingles,
        })
    }
}

/// The passage a duplicate repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Original {
    /// The n-th passage the [`Deduplicator`] judged (counting from 0).
    Run(usize),
    /// A passage the index already holds (its id).
    Known(String),
}

/// What [`Deduplicator::judge`] says of a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    Distinct,
    Duplicate(Original),
}

/// Stored passages a run's passages are compared with (an index's), looked up for a batch
/// of passages at once.
pub trait KnownPassages {
    /// Of these exact-key hashes, those a stored passage has, with its id.
    fn exact(&self, keys: &[[u8; 16]]) -> Result<HashMap<[u8; 16], String>>;
    /// Stored passages with one of these sketch hashes: (hash, passage id, text), in the
    /// store's order.
    fn sketched(&self, hashes: &[u64]) -> Result<Vec<(u64, String, String)>>;
}

/// What the store holds of one batch's keys ([`KnownPassages`]), looked up once.
#[derive(Default)]
pub struct KnownBatch {
    exact: HashMap<[u8; 16], String>,
    /// Sketch hash → stored passages (id, shingles), in the store's order.
    sketched: HashMap<u64, Vec<usize>>,
    passages: Vec<(String, Vec<u64>)>,
}

impl KnownBatch {
    pub fn lookup(known: &dyn KnownPassages, keys: &[&PassageKey]) -> Result<Self> {
        let exact: Vec<[u8; 16]> = keys.iter().map(|k| k.exact).collect();
        let mut hashes: Vec<u64> = keys.iter().flat_map(|k| k.sketch.iter().copied()).collect();
        hashes.sort_unstable();
        hashes.dedup();
        let mut batch = Self {
            exact: known.exact(&exact)?,
            ..Self::default()
        };
        let mut position: HashMap<String, usize> = HashMap::new();
        for (hash, id, text) in known.sketched(&hashes)? {
            let at = *position.entry(id.clone()).or_insert_with(|| {
                let set = shingles(&key(&text));
                batch.passages.push((id, set));
                batch.passages.len() - 1
            });
            batch.sketched.entry(hash).or_default().push(at);
        }
        Ok(batch)
    }
}

/// Judges passages in corpus order against every earlier one (and the known ones).
#[derive(Default)]
pub struct Deduplicator {
    /// Passages judged so far.
    judged: usize,
    /// Exact-key hash → the first passage with it (itself perhaps a near duplicate).
    first_by_key: HashMap<[u8; 16], usize>,
    /// Shingles of the distinct passages of 8 words or more, by passage.
    sets: HashMap<usize, Vec<u64>>,
    /// Sketch hash → distinct passages with it, in order.
    buckets: HashMap<u64, Vec<usize>>,
}

impl Deduplicator {
    /// Judges the next passage (its key, `None` for one without words). `known`: what the
    /// store holds of this passage's batch.
    pub fn judge(&mut self, key: Option<&PassageKey>, known: Option<&KnownBatch>) -> Judgement {
        let n = self.judged;
        self.judged += 1;
        let Some(key) = key else {
            return Judgement::Distinct;
        };
        if let Some(id) = known.and_then(|k| k.exact.get(&key.exact)) {
            return Judgement::Duplicate(Original::Known(id.clone()));
        }
        if let Some(&first) = self.first_by_key.get(&key.exact) {
            return Judgement::Duplicate(Original::Run(first));
        }
        self.first_by_key.insert(key.exact, n);
        if key.shingles.is_empty() {
            return Judgement::Distinct;
        }
        if let Some(original) = self.near_original(key, known) {
            return Judgement::Duplicate(original);
        }
        for &h in &key.sketch {
            self.buckets.entry(h).or_default().push(n);
        }
        self.sets.insert(n, key.shingles.clone());
        Judgement::Distinct
    }

    /// The earliest passage (the known ones first) sharing a sketch hash with `key` that it
    /// nearly repeats.
    fn near_original(&self, key: &PassageKey, known: Option<&KnownBatch>) -> Option<Original> {
        if let Some(known) = known {
            let mut candidates: Vec<usize> = key
                .sketch
                .iter()
                .filter_map(|h| known.sketched.get(h))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for c in candidates {
                let (id, set) = &known.passages[c];
                if near_duplicate(&key.shingles, set) {
                    return Some(Original::Known(id.clone()));
                }
            }
        }
        let mut candidates: Vec<usize> = key
            .sketch
            .iter()
            .filter_map(|h| self.buckets.get(h))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .find(|c| near_duplicate(&key.shingles, &self.sets[c]))
            .map(Original::Run)
    }
}

/// For each passage, the index of the earlier passage it duplicates, if any.
pub fn find_duplicates(passages: &[Passage]) -> Vec<Option<usize>> {
    let mut dedup = Deduplicator::default();
    passages
        .iter()
        .map(
            |p| match dedup.judge(PassageKey::of(&p.text).as_ref(), None) {
                Judgement::Distinct => None,
                Judgement::Duplicate(Original::Run(n)) => Some(n),
                Judgement::Duplicate(Original::Known(_)) => unreachable!("nothing is known"),
            },
        )
        .collect()
}

/// Marks duplicates: without `keep`, removes them and lists their ids on the passage they
/// repeat; with `keep`, keeps them with `duplicate_of` set. Returns how many there were.
pub fn mark_duplicates(passages: &mut Vec<Passage>, keep: bool) -> usize {
    let original = find_duplicates(passages);
    let count = original.iter().filter(|o| o.is_some()).count();
    for (i, o) in original.iter().enumerate() {
        if let Some(first) = *o {
            let id = passages[i].id.clone();
            let first_id = passages[first].id.clone();
            passages[first].duplicates.push(id);
            passages[i].duplicate_of = Some(first_id);
        }
    }
    if !keep {
        let mut index = 0;
        passages.retain(|_| {
            index += 1;
            original[index - 1].is_none()
        });
    }
    count
}
