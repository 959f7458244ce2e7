//! Lexical search beside the dense vectors, and the fusion of the two rankings.
//!
//! BM25 over the passages' words: [`analysis`] turns a text into terms with the `bm25`
//! crate's tokenizer for the text's language (stop words, Snowball stemmer), [`fts`] keeps
//! them in an SQLite FTS5 table and ranks with its `bm25()`. What is written here is the
//! glue (the language tags, the query over every indexed language) and the fusion.

pub mod analysis;
pub mod fts;

pub use fts::MemoryTerms;

use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

/// How passages are ranked for a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum RetrievalMethod {
    /// Cosine of the model's vectors.
    #[default]
    Dense,
    /// BM25 over the words (each passage analysed in its language).
    Lexical,
    /// Both rankings fused ([`HybridParams`]).
    Hybrid,
}

/// How a hybrid search fuses: each side's best `depth` passages, fused by `fusion`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HybridParams {
    pub fusion: Fusion,
    pub depth: usize,
}

impl Default for HybridParams {
    /// Chosen on PIAF's dev half (docs/quality.md): weighted fusion beat reciprocal rank.
    fn default() -> Self {
        Self {
            fusion: Fusion::Weighted { dense_weight: 0.5 },
            depth: 200,
        }
    }
}

/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each item scores the sum of
/// 1 / (`k` + its rank) over the rankings it appears in (ranks from 1). The fused ranking,
/// best first, ties to the smaller index.
pub fn reciprocal_rank_fusion<T: Copy + Eq + Hash + Ord>(
    rankings: &[Vec<T>],
    k: f64,
) -> Vec<(T, f64)> {
    let mut scores: HashMap<T, f64> = HashMap::new();
    for ranking in rankings {
        for (rank, &item) in ranking.iter().enumerate() {
            *scores.entry(item).or_default() += 1.0 / (k + rank as f64 + 1.0);
        }
    }
    let mut fused: Vec<(T, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    fused
}

/// How a dense and a lexical ranking become one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fusion {
    /// [`reciprocal_rank_fusion`] with this constant: ranks only, scores ignored.
    ReciprocalRank { k: f64 },
    /// Each list's scores scaled to 0..1 (min-max within the list; an item a list lacks
    /// scores 0 there), then `dense_weight` x dense + (1 - `dense_weight`) x lexical.
    Weighted { dense_weight: f64 },
}

/// The fused ranking of two scored lists (item, score; best first), best first, ties to
/// the smaller index.
pub fn fuse<T: Copy + Eq + Hash + Ord>(
    dense: &[(T, f32)],
    lexical: &[(T, f32)],
    fusion: Fusion,
) -> Vec<(T, f64)> {
    match fusion {
        Fusion::ReciprocalRank { k } => {
            let ranking = |list: &[(T, f32)]| list.iter().map(|&(i, _)| i).collect();
            reciprocal_rank_fusion(&[ranking(dense), ranking(lexical)], k)
        }
        Fusion::Weighted { dense_weight } => {
            let mut scores: HashMap<T, f64> = HashMap::new();
            for (list, weight) in [(dense, dense_weight), (lexical, 1.0 - dense_weight)] {
                let (lo, hi) = list
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, s)| {
                        (lo.min(s as f64), hi.max(s as f64))
                    });
                for &(item, score) in list {
                    let scaled = if hi > lo {
                        (score as f64 - lo) / (hi - lo)
                    } else {
                        1.0
                    };
                    *scores.entry(item).or_default() += weight * scaled;
                }
            }
            let mut fused: Vec<(T, f64)> = scores.into_iter().collect();
            fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            fused
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusion_rewards_agreement() {
        let fused = reciprocal_rank_fusion(&[vec![1, 2, 3], vec![3, 2, 4]], 60.0);
        // 3 (first and third: 1/61 + 1/63) just ahead of 2 (second twice: 2/62), both far
        // ahead of what one ranking alone holds.
        let order: Vec<usize> = fused.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, [3, 2, 1, 4]);
        assert!((fused[0].1 - (1.0 / 61.0 + 1.0 / 63.0)).abs() < 1e-12);
        assert!((fused[1].1 - 2.0 / 62.0).abs() < 1e-12);
    }

    #[test]
    fn weighted_fusion_scales_each_list() {
        let dense = [(1, 0.9), (2, 0.8), (3, 0.7)];
        let lexical = [(3, 12.0), (4, 2.0)];
        // Dense alone, lexical alone, and an even mix.
        let order = |w: f64| -> Vec<usize> {
            fuse(&dense, &lexical, Fusion::Weighted { dense_weight: w })
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        };
        assert_eq!(&order(1.0)[..3], &[1, 2, 3]);
        // Lexical alone: 3 leads; the last of a list scores 0, as an absent item does.
        assert_eq!(order(0.0)[0], 3);
        // 3: 0.5 x 0 + 0.5 x 1 = 0.5; 1: 0.5 x 1 = 0.5; the tie goes to 1.
        assert_eq!(&order(0.5)[..2], &[1, 3]);
    }
}
