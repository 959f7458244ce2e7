//! Evaluation metrics, written out so each is checked against hand-computed values (no
//! maintained Rust crate covers this set with MTEB's conventions).

use std::collections::HashMap;

/// Ranks from 1, ties sharing their average rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sx = x.iter().map(|a| (a - mx).powi(2)).sum::<f64>().sqrt();
    let sy = y.iter().map(|b| (b - my).powi(2)).sum::<f64>().sqrt();
    if sx == 0.0 || sy == 0.0 {
        0.0
    } else {
        sxy / (sx * sy)
    }
}

/// Spearman's rank correlation (Pearson of the tie-averaged ranks).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

fn entropy(labels: &[usize]) -> f64 {
    let n = labels.len() as f64;
    let mut counts: HashMap<usize, f64> = HashMap::new();
    for &l in labels {
        *counts.entry(l).or_default() += 1.0;
    }
    -counts.values().map(|c| c / n * (c / n).ln()).sum::<f64>()
}

fn mutual_information(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len() as f64;
    let mut ca: HashMap<usize, f64> = HashMap::new();
    let mut cb: HashMap<usize, f64> = HashMap::new();
    let mut cab: HashMap<(usize, usize), f64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *ca.entry(x).or_default() += 1.0;
        *cb.entry(y).or_default() += 1.0;
        *cab.entry((x, y)).or_default() += 1.0;
    }
    cab.iter()
        .map(|(&(x, y), &c)| c / n * (c * n / (ca[&x] * cb[&y])).ln())
        .sum()
}

/// V-measure: harmonic mean of homogeneity and completeness.
pub fn v_measure(truth: &[usize], pred: &[usize]) -> f64 {
    let (ht, hp, mi) = (
        entropy(truth),
        entropy(pred),
        mutual_information(truth, pred),
    );
    let homogeneity = if ht == 0.0 { 1.0 } else { mi / ht };
    let completeness = if hp == 0.0 { 1.0 } else { mi / hp };
    if homogeneity + completeness == 0.0 {
        0.0
    } else {
        2.0 * homogeneity * completeness / (homogeneity + completeness)
    }
}

/// Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default).
pub fn nmi(truth: &[usize], pred: &[usize]) -> f64 {
    let (ht, hp) = (entropy(truth), entropy(pred));
    if ht == 0.0 && hp == 0.0 {
        return 1.0;
    }
    let mean = (ht + hp) / 2.0;
    if mean == 0.0 {
        0.0
    } else {
        mutual_information(truth, pred) / mean
    }
}

/// Adjusted Rand index (the clustering stage's, where the trust panel uses it too).
pub use crate::cluster::adjusted_rand_index as ari;

/// Retrieval scores of one query: the 1-based rank of each relevant document in its result list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RetrievalScores {
    pub recall_at_1: f64,
    pub recall_at_5: f64,
    pub recall_at_10: f64,
    pub mrr_at_10: f64,
    pub ndcg_at_10: f64,
}

/// Scores a ranked list (`ranked` document indices, best first) against the relevant set.
pub fn retrieval_scores(ranked: &[usize], relevant: &[usize]) -> RetrievalScores {
    let is_relevant = |d: &usize| relevant.contains(d);
    let recall = |k: usize| {
        ranked.iter().take(k).filter(|d| is_relevant(d)).count() as f64
            / relevant.len().max(1) as f64
    };
    let mrr = ranked
        .iter()
        .take(10)
        .position(is_relevant)
        .map_or(0.0, |p| 1.0 / (p + 1) as f64);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .filter(|(_, d)| is_relevant(d))
        .map(|(i, _)| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(10))
        .map(|i| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    RetrievalScores {
        recall_at_1: recall(1),
        recall_at_5: recall(5),
        recall_at_10: recall(10),
        mrr_at_10: mrr,
        ndcg_at_10: if ideal > 0.0 { dcg / ideal } else { 0.0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn spearman_with_ties_by_hand() {
        // x ranks: 1, 2.5, 2.5, 4; y ranks: 1, 2, 3, 4.
        // Pearson of the ranks: sum of products of deviations = 4.5 over sqrt(4.5 * 5).
        let s = spearman(&[1.0, 2.0, 2.0, 3.0], &[10.0, 20.0, 30.0, 40.0]);
        assert!(close(s, 4.5 / (4.5f64 * 5.0).sqrt()), "{s}");
        assert!(close(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0));
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0));
    }

    #[test]
    fn clustering_scores_of_identical_and_independent_labelings() {
        let truth = [0, 0, 1, 1];
        assert!(close(nmi(&truth, &[5, 5, 7, 7]), 1.0));
        assert!(close(v_measure(&truth, &[5, 5, 7, 7]), 1.0));
        assert!(close(ari(&truth, &[5, 5, 7, 7]), 1.0));
        // Independent: each predicted cluster holds one of each true class.
        assert!(close(nmi(&truth, &[0, 1, 0, 1]), 0.0));
        assert!(close(v_measure(&truth, &[0, 1, 0, 1]), 0.0));
        assert!(close(ari(&truth, &[0, 1, 0, 1]), -0.5));
        // By hand: truth [0,0,0,1,1,1] vs pred [0,0,1,1,2,2]: pairs together in both: 1 + 1 = 2;
        // class pairs 3 + 3 = 6; cluster pairs 1 + 1 + 1 = 3; expected = 6 * 3 / 15 = 1.2,
        // maximum = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
        assert!(close(
            ari(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]),
            0.8 / 3.3
        ));
    }

    #[test]
    fn retrieval_scores_with_a_hit_and_a_miss() {
        let hit = retrieval_scores(&[4, 7, 2], &[7]);
        assert_eq!((hit.recall_at_1, hit.recall_at_5), (0.0, 1.0));
        assert!(close(hit.mrr_at_10, 0.5));
        assert!(close(hit.ndcg_at_10, 1.0 / 3f64.log2()));
        let miss = retrieval_scores(&[1, 2, 3], &[9]);
        assert_eq!(miss, RetrievalScores::default());
    }
}
