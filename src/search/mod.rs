//! The search stage: exact cosine neighbours over normalised vectors.
//!
//! Scores are dot products taken block by block (a block of rows stays in cache while
//! every query is scored against it); the best k are kept in a small heap, never by sorting
//! every score. All-pairs search walks blocks of the upper triangle, so the n x n matrix is
//! never held. Ties are broken by position, so results are deterministic.

use crate::vectors::Embeddings;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

const BLOCK_ROWS: usize = 1024;

/// A row and its cosine to the query.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Hit {
    pub index: usize,
    pub score: f32,
}

/// Orders hits worst first, so a max-heap of them keeps the worst on top.
#[derive(PartialEq)]
struct Worst(Hit);

impl Eq for Worst {}

impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        // Lower score is "greater" (worse); on equal scores, the later row is worse.
        other
            .0
            .score
            .total_cmp(&self.0.score)
            .then(self.0.index.cmp(&other.0.index))
    }
}

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

use crate::vectors::dot;

/// The `k` rows closest to each query, best first, skipping rows `skip(query, row)` refuses.
pub fn top_k_many(
    matrix: &Embeddings,
    queries: &[&[f32]],
    k: usize,
    skip: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<Hit>> {
    let mut heaps: Vec<BinaryHeap<Worst>> = queries
        .iter()
        .map(|_| BinaryHeap::with_capacity(k + 1))
        .collect();
    if k == 0 {
        return vec![Vec::new(); queries.len()];
    }
    for start in (0..matrix.len()).step_by(BLOCK_ROWS) {
        let end = (start + BLOCK_ROWS).min(matrix.len());
        for (q, query) in queries.iter().enumerate() {
            let heap = &mut heaps[q];
            for row in start..end {
                if skip(q, row) {
                    continue;
                }
                let hit = Hit {
                    index: row,
                    score: dot(matrix.row(row), query),
                };
                if heap.len() < k {
                    heap.push(Worst(hit));
                } else if heap.peek().is_some_and(|worst| Worst(hit) < *worst) {
                    heap.pop();
                    heap.push(Worst(hit));
                }
            }
        }
    }
    heaps
        .into_iter()
        .map(|heap| heap.into_sorted_vec().into_iter().map(|w| w.0).collect())
        .collect()
}

/// The `k` rows closest to `query`, best first.
pub fn top_k(matrix: &Embeddings, query: &[f32], k: usize) -> Vec<Hit> {
    top_k_many(matrix, &[query], k, |_, _| false)
        .pop()
        .unwrap_or_default()
}

/// Every pair of rows (i < j) with cosine at least `threshold` that `keep(i, j)` accepts,
/// best first.
pub fn all_pairs(
    matrix: &Embeddings,
    threshold: f32,
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f32)> {
    let n = matrix.len();
    let mut pairs = Vec::new();
    for i_start in (0..n).step_by(BLOCK_ROWS) {
        let i_end = (i_start + BLOCK_ROWS).min(n);
        for j_start in (i_start..n).step_by(BLOCK_ROWS) {
            let j_end = (j_start + BLOCK_ROWS).min(n);
            for i in i_start..i_end {
                for j in j_start.max(i + 1)..j_end {
                    let score = dot(matrix.row(i), matrix.row(j));
                    if score >= threshold && keep(i, j) {
                        pairs.push((i, j, score));
                    }
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_unit(n: usize, dim: usize, seed: u64) -> Embeddings {
        let mut s = seed | 1;
        let mut data = Vec::with_capacity(n * dim);
        for _ in 0..n {
            let v: Vec<f32> = (0..dim)
                .map(|_| {
                    s ^= s << 13;
                    s ^= s >> 7;
                    s ^= s << 17;
                    (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
                })
                .collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            data.extend(v.iter().map(|x| x / norm));
        }
        Embeddings { dim, data }
    }

    #[test]
    fn top_k_equals_a_full_sort() {
        let m = random_unit(3000, 24, 7);
        let queries = random_unit(5, 24, 99);
        for q in 0..5 {
            let mut all: Vec<Hit> = (0..m.len())
                .map(|i| Hit {
                    index: i,
                    score: dot(m.row(i), queries.row(q)),
                })
                .collect();
            all.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
            for k in [1, 10, 57] {
                assert_eq!(top_k(&m, queries.row(q), k), all[..k].to_vec());
            }
        }
        assert!(top_k(&m, queries.row(0), 0).is_empty());
        assert_eq!(top_k(&m, queries.row(0), 5000).len(), 3000);
    }

    #[test]
    fn all_pairs_equals_brute_force() {
        let m = random_unit(1500, 6, 3);
        let keep = |i: usize, j: usize| !(i + j).is_multiple_of(3);
        let got = all_pairs(&m, 0.9, keep);
        let mut expected = Vec::new();
        for i in 0..m.len() {
            for j in i + 1..m.len() {
                let s = dot(m.row(i), m.row(j));
                if s >= 0.9 && keep(i, j) {
                    expected.push((i, j, s));
                }
            }
        }
        expected.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        assert!(!expected.is_empty());
        assert_eq!(got, expected);
    }
}
