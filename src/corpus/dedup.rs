//! Exact and near-exact duplicate passages: a title repeated in the body, a caption shown
//! twice, the same wire text in two sources. The first occurrence stays; the others are
//! recorded on it (or, with `--keep-duplicates`, kept and pointed at it).
//!
//! Near-exact: Jaccard similarity of word 3-shingles of at least 0.9, or a later passage
//! whose shingles lie 90% inside an earlier one at least twice its length. Candidate pairs
//! come from a bottom-k sketch (the passages sharing one of their k smallest shingle
//! hashes), so the comparison is not quadratic in the number of passages. No maintained
//! crate does this small job without pulling in a search engine, hence these few lines.

use super::Passage;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
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

fn shingles(key: &str) -> HashSet<u64> {
    let words: Vec<&str> = key.split(' ').collect();
    words
        .windows(3)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// `a` repeats most of `b`: 90% of its shingles are in `b`, and it is at least half as
/// long (the same wire text under another headline, say).
fn contained(a: &HashSet<u64>, b: &HashSet<u64>) -> bool {
    let inter = a.intersection(b).count();
    inter as f64 >= NEAR_DUPLICATE_JACCARD * a.len() as f64 && 2 * a.len() >= b.len()
}

/// For each passage, the index of the earlier passage it duplicates, if any.
pub fn find_duplicates(passages: &[Passage]) -> Vec<Option<usize>> {
    let keys: Vec<String> = passages.iter().map(|p| key(&p.text)).collect();
    let mut original: Vec<Option<usize>> = vec![None; passages.len()];
    let mut first_by_key: HashMap<&str, usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if k.is_empty() {
            continue;
        }
        match first_by_key.get(k.as_str()) {
            Some(&first) => original[i] = Some(first),
            None => {
                first_by_key.insert(k, i);
            }
        }
    }
    // Near-exact duplicates among the remaining passages of at least 8 words.
    let sets: Vec<Option<HashSet<u64>>> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (original[i].is_none() && k.split(' ').count() >= 8).then(|| shingles(k)))
        .collect();
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        let Some(set) = set else { continue };
        let mut smallest: Vec<u64> = set.iter().copied().collect();
        smallest.sort_unstable();
        for h in smallest.into_iter().take(SKETCH) {
            buckets.entry(h).or_default().push(i);
        }
    }
    for i in 0..passages.len() {
        let Some(set) = &sets[i] else { continue };
        let mut candidates: Vec<usize> = Vec::new();
        let mut smallest: Vec<u64> = set.iter().copied().collect();
        smallest.sort_unstable();
        for h in smallest.into_iter().take(SKETCH) {
            candidates.extend(buckets[&h].iter().copied().filter(|&j| j < i));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            let earlier = sets[j].as_ref().expect("candidate has a set");
            if original[j].is_none()
                && (jaccard(set, earlier) >= NEAR_DUPLICATE_JACCARD || contained(set, earlier))
            {
                original[i] = Some(j);
                break;
            }
        }
    }
    original
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
