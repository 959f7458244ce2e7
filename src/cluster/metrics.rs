//! Cluster quality on unit vectors, by cosine.
//!
//! For unit vectors the mean cosine distance from x to the members of C is
//! `1 - x·sum(C)/|C|`, so the silhouette needs only per-cluster sums: exact, in
//! O(n·k·dim) time, without the n x n distance matrix.
use std::collections::HashMap;

use crate::vectors::Embeddings;
use serde::Serialize;

/// Per-cluster numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterStats {
    pub id: usize,
    pub size: usize,
    /// Mean cosine between two members (1 for a single member).
    pub mean_intra_cosine: f64,
    /// The cluster whose centroid is closest, and the cosine between the two centroids.
    pub nearest_cluster: Option<usize>,
    pub nearest_cosine: Option<f64>,
}

/// What every report shows of a clustering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterMetrics {
    pub clusters: Vec<ClusterStats>,
    pub unassigned: usize,
    /// Mean cosine silhouette over the assigned passages (-1 to 1; higher is better).
    pub silhouette: f64,
    /// Mean over clusters of their mean intra-cluster cosine.
    pub mean_intra_cosine: f64,
    /// Mean over clusters of 1 - (cosine to the nearest other centroid).
    pub mean_separation: f64,
}

fn dot(a: &[f32], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| *x as f64 * y).sum()
}

/// Per-cluster sums of member vectors and member counts.
fn sums(vectors: &Embeddings, assignments: &[Option<usize>]) -> (Vec<Vec<f64>>, Vec<usize>) {
    let k = assignments.iter().flatten().max().map_or(0, |m| m + 1);
    let mut sums = vec![vec![0f64; vectors.dim]; k];
    let mut counts = vec![0usize; k];
    for (row, a) in vectors.rows().zip(assignments) {
        if let Some(c) = *a {
            counts[c] += 1;
            for (s, x) in sums[c].iter_mut().zip(row) {
                *s += *x as f64;
            }
        }
    }
    (sums, counts)
}

/// Mean cosine silhouette of the assigned vectors (0 with fewer than 2 clusters).
pub fn silhouette(vectors: &Embeddings, assignments: &[Option<usize>]) -> f64 {
    let (sums, counts) = sums(vectors, assignments);
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return 0.0;
    }
    let mut total = 0.0;
    let mut n = 0usize;
    for (row, a) in vectors.rows().zip(assignments) {
        let Some(c) = *a else { continue };
        n += 1;
        if counts[c] < 2 {
            continue; // a singleton's silhouette is 0
        }
        let self_dot: f64 = row.iter().map(|x| (*x as f64).powi(2)).sum();
        let a_dist = 1.0 - (dot(row, &sums[c]) - self_dot) / (counts[c] - 1) as f64;
        let b_dist = (0..sums.len())
            .filter(|&o| o != c && counts[o] > 0)
            .map(|o| 1.0 - dot(row, &sums[o]) / counts[o] as f64)
            .fold(f64::INFINITY, f64::min);
        let denom = a_dist.max(b_dist);
        if denom > 0.0 {
            total += (b_dist - a_dist) / denom;
        }
    }
    if n == 0 {
        0.0
    } else {
        total / n as f64
    }
}

/// Sizes, silhouette, mean intra-cluster cosine and nearest-cluster separation.
pub fn cluster_metrics(vectors: &Embeddings, assignments: &[Option<usize>]) -> ClusterMetrics {
    let (sums, counts) = sums(vectors, assignments);
    let centroids: Vec<Vec<f64>> = sums
        .iter()
        .map(|s| {
            let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            s.iter().map(|x| x / norm).collect()
        })
        .collect();
    let mut clusters = Vec::new();
    for c in 0..sums.len() {
        if counts[c] == 0 {
            continue;
        }
        // For unit vectors: sum over pairs i != j of xi·xj = |sum|² - n.
        let n = counts[c] as f64;
        let squared: f64 = sums[c].iter().map(|x| x * x).sum();
        let mean_intra_cosine = if counts[c] > 1 {
            (squared - n) / (n * (n - 1.0))
        } else {
            1.0
        };
        let nearest = (0..sums.len())
            .filter(|&o| o != c && counts[o] > 0)
            .map(|o| {
                (
                    o,
                    centroids[c]
                        .iter()
                        .zip(&centroids[o])
                        .map(|(a, b)| a * b)
                        .sum::<f64>(),
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        clusters.push(ClusterStats {
            id: c,
            size: counts[c],
            mean_intra_cosine,
            nearest_cluster: nearest.map(|n| n.0),
            nearest_cosine: nearest.map(|n| n.1),
        });
    }
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    ClusterMetrics {
        unassigned: assignments.iter().filter(|a| a.is_none()).count(),
        silhouette: silhouette(vectors, assignments),
        mean_intra_cosine: mean(clusters.iter().map(|c| c.mean_intra_cosine).collect()),
        mean_separation: mean(
            clusters
                .iter()
                .filter_map(|c| c.nearest_cosine)
                .map(|x| 1.0 - x)
                .collect(),
        ),
        clusters,
    }
}

/// Adjusted Rand index between two labellings of the same items (1: the same partition,
/// about 0: no more alike than chance).
pub fn adjusted_rand_index(truth: &[usize], pred: &[usize]) -> f64 {
    let comb = |k: f64| k * (k - 1.0) / 2.0;
    let mut ct: HashMap<usize, f64> = HashMap::new();
    let mut cp: HashMap<usize, f64> = HashMap::new();
    let mut both: HashMap<(usize, usize), f64> = HashMap::new();
    for (&t, &p) in truth.iter().zip(pred) {
        *ct.entry(t).or_default() += 1.0;
        *cp.entry(p).or_default() += 1.0;
        *both.entry((t, p)).or_default() += 1.0;
    }
    let index: f64 = both.values().map(|&c| comb(c)).sum();
    let st: f64 = ct.values().map(|&c| comb(c)).sum();
    let sp: f64 = cp.values().map(|&c| comb(c)).sum();
    let expected = st * sp / comb(truth.len() as f64);
    let maximum = (st + sp) / 2.0;
    if maximum == expected {
        1.0
    } else {
        (index - expected) / (maximum - expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The silhouette by its definition, with the full distance matrix.
    fn brute_silhouette(v: &Embeddings, a: &[Option<usize>]) -> f64 {
        let cos = |i: usize, j: usize| -> f64 {
            v.row(i)
                .iter()
                .zip(v.row(j))
                .map(|(x, y)| (*x * *y) as f64)
                .sum()
        };
        let assigned: Vec<usize> = (0..a.len()).filter(|&i| a[i].is_some()).collect();
        let mut total = 0.0;
        for &i in &assigned {
            let c = a[i].unwrap();
            let own: Vec<usize> = assigned
                .iter()
                .copied()
                .filter(|&j| j != i && a[j] == Some(c))
                .collect();
            if own.is_empty() {
                continue;
            }
            let a_dist = own.iter().map(|&j| 1.0 - cos(i, j)).sum::<f64>() / own.len() as f64;
            let others: std::collections::BTreeSet<usize> = assigned
                .iter()
                .filter_map(|&j| a[j])
                .filter(|&o| o != c)
                .collect();
            let b_dist = others
                .iter()
                .map(|&o| {
                    let m: Vec<usize> = assigned
                        .iter()
                        .copied()
                        .filter(|&j| a[j] == Some(o))
                        .collect();
                    m.iter().map(|&j| 1.0 - cos(i, j)).sum::<f64>() / m.len() as f64
                })
                .fold(f64::INFINITY, f64::min);
            total += (b_dist - a_dist) / a_dist.max(b_dist);
        }
        total / assigned.len() as f64
    }

    #[test]
    fn silhouette_matches_its_definition() {
        let (v, truth) = super::super::tests::separated_groups(3, 7, 6, 5);
        let mut a: Vec<Option<usize>> = truth.iter().map(|&t| Some(t)).collect();
        a[4] = None;
        a[9] = Some(0); // a misplaced member
        let fast = silhouette(&v, &a);
        let brute = brute_silhouette(&v, &a);
        assert!((fast - brute).abs() < 1e-6, "{fast} vs {brute}");
        assert!(fast > 0.3);
    }

    #[test]
    fn intra_cosine_and_separation() {
        let v = Embeddings {
            dim: 2,
            data: vec![1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0],
        };
        let m = cluster_metrics(&v, &[Some(0), Some(0), Some(1), Some(1)]);
        assert_eq!(m.clusters[0].mean_intra_cosine, 1.0);
        assert_eq!(m.clusters[0].nearest_cluster, Some(1));
        assert!(m.clusters[0].nearest_cosine.unwrap().abs() < 1e-12);
        assert_eq!(m.silhouette, 1.0);
        assert_eq!(m.mean_separation, 1.0);
    }
}
