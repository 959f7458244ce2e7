//! The trust panel: how far a report's themes can be relied on. Whether the clustering
//! comes back from other seeds (overall and per cluster), how tight and how apart each
//! cluster is, how much is "other" or unassigned, how sure the named themes are, and what
//! exactly was run.

use crate::cluster::{adjusted_rand_index, ClusterStats};
use crate::vectors::round4 as r4;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The same clustering from other seeds, beside the report's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    /// The seeds of every run compared, the report's first (the others keep its k).
    pub seeds: Vec<u64>,
    /// Mean and lowest adjusted Rand index over every pair of runs.
    pub mean_ari: f64,
    pub min_ari: f64,
}

/// One cluster's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterTrust {
    pub id: usize,
    /// Mean over the other seeds' runs of the best Jaccard overlap between this cluster's
    /// members and one of that run's clusters (1: it comes back whole every time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stability: Option<f64>,
    /// Mean cosine between two members.
    pub cohesion: f64,
    /// 1 minus the cosine between its centroid and the nearest other centroid.
    pub separation: Option<f64>,
    /// Share of its members that carry the cluster's named theme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme_agreement: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrustPanel {
    /// Absent for algorithms without a seed (HDBSCAN, agglomerative) or with one run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stability: Option<Stability>,
    pub clusters: Vec<ClusterTrust>,
    /// Share of items in no cluster.
    pub unassigned_share: f64,
    /// With named themes: share of items that carry none ("other"), and share of those
    /// that carry one with a margin over the runner-up at least the bar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confident_share: Option<f64>,
    /// Texts cut at the model's context, of those embedded by this run (passages are cut
    /// to fit it, so only documents and records can be); absent when the vectors were read
    /// from an index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<usize>,
}

/// Mean and lowest ARI over every pair of runs' assignments (an unassigned item counts as
/// a group of its own kind).
pub fn stability(seeds: Vec<u64>, runs: &[&[Option<usize>]]) -> Option<Stability> {
    if runs.len() < 2 {
        return None;
    }
    let labels: Vec<Vec<usize>> = runs
        .iter()
        .map(|r| r.iter().map(|a| a.unwrap_or(usize::MAX)).collect())
        .collect();
    let mut scores = Vec::new();
    for i in 0..labels.len() {
        for j in i + 1..labels.len() {
            scores.push(adjusted_rand_index(&labels[i], &labels[j]));
        }
    }
    Some(Stability {
        seeds,
        mean_ari: r4(scores.iter().sum::<f64>() / scores.len() as f64),
        min_ari: r4(scores.iter().copied().fold(f64::INFINITY, f64::min)),
    })
}

/// For each cluster of `first`, the mean over `others` of its best Jaccard overlap with one
/// of their clusters.
pub fn cluster_stability(
    first: &[Option<usize>],
    k: usize,
    others: &[&[Option<usize>]],
) -> Vec<Option<f64>> {
    let members = |run: &[Option<usize>], k: usize| -> Vec<BTreeSet<usize>> {
        let mut sets = vec![BTreeSet::new(); k];
        for (i, a) in run.iter().enumerate() {
            if let Some(set) = a.and_then(|c| sets.get_mut(c)) {
                set.insert(i);
            }
        }
        sets
    };
    let mine = members(first, k);
    let theirs: Vec<Vec<BTreeSet<usize>>> = others
        .iter()
        .map(|run| {
            let k = run.iter().flatten().max().map_or(0, |m| m + 1);
            members(run, k)
        })
        .collect();
    mine.iter()
        .map(|set| {
            if others.is_empty() || set.is_empty() {
                return None;
            }
            let total: f64 = theirs
                .iter()
                .map(|run| {
                    run.iter()
                        .map(|other| {
                            let shared = set.intersection(other).count();
                            shared as f64 / (set.len() + other.len() - shared) as f64
                        })
                        .fold(0.0, f64::max)
                })
                .sum();
            Some(r4(total / theirs.len() as f64))
        })
        .collect()
}

/// Cohesion and separation of a cluster from its statistics.
pub fn cohesion_separation(stats: Option<&ClusterStats>) -> (f64, Option<f64>) {
    match stats {
        Some(s) => (
            r4(s.mean_intra_cosine),
            s.nearest_cosine.map(|c| r4(1.0 - c)),
        ),
        None => (1.0, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_runs_are_fully_stable_and_a_moved_item_lowers_one_cluster() {
        let a = vec![Some(0), Some(0), Some(1), Some(1), Some(1)];
        let s = stability(vec![1, 2], &[&a, &a]).unwrap();
        assert_eq!((s.mean_ari, s.min_ari), (1.0, 1.0));
        // Relabelled clusters are the same partition.
        let swapped = vec![Some(1), Some(1), Some(0), Some(0), Some(0)];
        assert_eq!(
            cluster_stability(&a, 2, &[&swapped]),
            vec![Some(1.0), Some(1.0)]
        );
        let moved = vec![Some(0), Some(1), Some(1), Some(1), Some(1)];
        let per = cluster_stability(&a, 2, &[&moved]);
        assert_eq!(per, vec![Some(0.5), Some(0.75)]);
        assert!(stability(vec![1], &[&a]).is_none());
    }
}
