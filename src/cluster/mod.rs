//! The cluster stage: groups of passages whose vectors are close.
//!
//! Vectors are L2-normalised, so Euclidean distance orders pairs as cosine distance does;
//! k-means and HDBSCAN run on them directly, agglomerative clustering on cosine distance.
//! Every algorithm is deterministic for a given seed.

mod agglomerative;
mod density;
mod kmeans;
mod metrics;
mod sampled;
mod spectral;

pub use metrics::{adjusted_rand_index, cluster_metrics, silhouette, ClusterMetrics, ClusterStats};
pub use sampled::{kmeans_sampled, sample_rows, SAMPLE_ABOVE, SAMPLE_SIZE};
pub use spectral::SpectralEmbedding;

use crate::vectors::Embeddings;
use anyhow::{bail, Context, Result};
use serde::Serialize;

/// Which clustering algorithm (`silica themes --algorithm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Algorithm {
    /// k-means (k-means++ starts, restarts); --k N or --k auto.
    Kmeans,
    /// Spectral clustering: k-means over the leading eigenvectors of the --neighbors
    /// nearest-neighbour graph; --k N or --k auto. Nearly the same themes whatever the seed.
    Spectral,
    /// HDBSCAN: clusters of varying density; passages in none are reported as unassigned.
    Hdbscan,
    /// Average-linkage agglomerative clustering cut at --threshold (cosine distance).
    Agglomerative,
}

/// A clustering as asked: the algorithm and every setting, of which it reads its own.
#[derive(Debug, Clone)]
pub struct ClusterChoice {
    pub algorithm: Algorithm,
    /// None: k by silhouette (k-means and spectral).
    pub k: Option<usize>,
    pub seed: u64,
    pub restarts: usize,
    pub neighbors: usize,
    pub min_cluster_size: usize,
    pub threshold: f64,
}

impl Default for ClusterChoice {
    /// `silica themes`' defaults (and the Python package's): k-means, k by silhouette.
    fn default() -> Self {
        Self {
            algorithm: Algorithm::Kmeans,
            k: None,
            seed: 42,
            restarts: 10,
            neighbors: 15,
            min_cluster_size: 4,
            threshold: 0.25,
        }
    }
}

impl ClusterChoice {
    /// The chosen algorithm's settings (at least one restart), or why they cannot be.
    pub fn params(&self) -> Result<ClusterParams, ParamError> {
        if self.k == Some(0) {
            return Err(ParamError::ZeroK);
        }
        let restarts = self.restarts.max(1);
        Ok(match self.algorithm {
            Algorithm::Kmeans => ClusterParams::Kmeans {
                k: self.k,
                seed: self.seed,
                restarts,
            },
            Algorithm::Spectral if self.neighbors == 0 => return Err(ParamError::ZeroNeighbors),
            Algorithm::Spectral => ClusterParams::Spectral {
                k: self.k,
                neighbors: self.neighbors,
                seed: self.seed,
                restarts,
            },
            Algorithm::Hdbscan => ClusterParams::Hdbscan {
                min_cluster_size: self.min_cluster_size,
            },
            Algorithm::Agglomerative => ClusterParams::Agglomerative {
                threshold: self.threshold,
            },
        })
    }
}

/// Which algorithm, with its own settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "algorithm", rename_all = "lowercase")]
pub enum ClusterParams {
    /// k-means with k-means++ starts and several restarts; `k: None` picks k by silhouette.
    Kmeans {
        k: Option<usize>,
        seed: u64,
        restarts: usize,
    },
    /// Spectral clustering: k-means (seeded, `restarts` starts) over the leading
    /// eigenvectors of the `neighbors`-nearest-neighbour graph; `k: None` picks k by the
    /// silhouette of the vectors themselves. Far less sensitive to the seed than k-means.
    Spectral {
        k: Option<usize>,
        neighbors: usize,
        seed: u64,
        restarts: usize,
    },
    /// HDBSCAN: clusters of varying density; points in none are unassigned.
    Hdbscan { min_cluster_size: usize },
    /// Average-linkage agglomerative clustering, cut where cosine distance exceeds `threshold`.
    Agglomerative { threshold: f64 },
}

impl ClusterParams {
    /// The seed of an algorithm that has one.
    pub fn seed(&self) -> Option<u64> {
        match *self {
            ClusterParams::Kmeans { seed, .. } | ClusterParams::Spectral { seed, .. } => Some(seed),
            ClusterParams::Hdbscan { .. } | ClusterParams::Agglomerative { .. } => None,
        }
    }

    /// The same algorithm and settings with another seed and k fixed (None for an
    /// algorithm without a seed).
    pub fn reseeded(&self, seed: u64, k: usize) -> Option<Self> {
        match *self {
            ClusterParams::Kmeans { restarts, .. } => Some(ClusterParams::Kmeans {
                k: Some(k),
                seed,
                restarts,
            }),
            ClusterParams::Spectral {
                neighbors,
                restarts,
                ..
            } => Some(ClusterParams::Spectral {
                k: Some(k),
                neighbors,
                seed,
                restarts,
            }),
            ClusterParams::Hdbscan { .. } | ClusterParams::Agglomerative { .. } => None,
        }
    }
}

/// The result: for each vector its cluster, or `None` when it belongs to none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clustering {
    pub assignments: Vec<Option<usize>>,
    pub k: usize,
    /// With `k: None`: the cosine silhouette of each k tried, in order.
    pub silhouette_by_k: Vec<(usize, f64)>,
}

impl Clustering {
    /// Each cluster's members, in input order, in one pass over the assignments.
    pub fn all_members(&self) -> Vec<Vec<usize>> {
        let mut members = vec![Vec::new(); self.k];
        for (i, a) in self.assignments.iter().enumerate() {
            if let Some(list) = a.and_then(|c| members.get_mut(c)) {
                list.push(i);
            }
        }
        members
    }

    pub fn unassigned(&self) -> Vec<usize> {
        (0..self.assignments.len())
            .filter(|&i| self.assignments[i].is_none())
            .collect()
    }

    /// Renumbers clusters by size (largest first, ties by first member), dropping empty ones,
    /// so that ids do not depend on an algorithm's internal order.
    pub(crate) fn canonical(
        assignments: Vec<Option<usize>>,
        silhouette_by_k: Vec<(usize, f64)>,
    ) -> Self {
        let max = assignments.iter().flatten().max().map_or(0, |m| m + 1);
        let mut sizes: Vec<(usize, usize, usize)> = (0..max)
            .map(|c| {
                let members: Vec<usize> = (0..assignments.len())
                    .filter(|&i| assignments[i] == Some(c))
                    .collect();
                (
                    c,
                    members.len(),
                    members.first().copied().unwrap_or(usize::MAX),
                )
            })
            .filter(|&(_, size, _)| size > 0)
            .collect();
        sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mut new_id = vec![usize::MAX; max];
        for (new, &(old, _, _)) in sizes.iter().enumerate() {
            new_id[old] = new;
        }
        let assignments = assignments
            .into_iter()
            .map(|a| a.map(|c| new_id[c]))
            .collect();
        Self {
            assignments,
            k: sizes.len(),
            silhouette_by_k,
        }
    }
}

/// Clustering parameters that cannot run on these vectors; front ends word them as their
/// flags.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error("k must be at least 1")]
    ZeroK,
    #[error("k = {k} is more than the {n} passages to cluster")]
    KAboveItems { k: usize, n: usize },
    #[error(
        "k = {k} is more than the {} passages k-means starts from above {}",
        SAMPLE_SIZE,
        SAMPLE_ABOVE
    )]
    KAboveSample { k: usize },
    #[error("choosing k needs at least 3 passages, got {n}; give k")]
    AutoKNeedsThree { n: usize },
    #[error("{n} passages: above {}, only k-means and spectral clustering run (on a sample, then over all); HDBSCAN and agglomerative clustering compare every pair", SAMPLE_ABOVE)]
    OnlyKmeansAbove { n: usize },
    #[error("the neighbour graph needs at least 1 neighbour per passage")]
    ZeroNeighbors,
    #[error("HDBSCAN's smallest cluster must be at least 2")]
    MinClusterSize,
    #[error("the agglomerative threshold is a cosine distance, between 0 and 2 (got {0})")]
    Threshold(f64),
}

/// The largest k `--k auto` tries: about sqrt(n), at most 30.
pub fn max_auto_k(n: usize) -> usize {
    ((n as f64).sqrt().round() as usize)
        .clamp(2, 30)
        .min(n.saturating_sub(1))
}

/// Clusters the rows of `vectors`.
pub fn cluster(vectors: &Embeddings, params: &ClusterParams) -> Result<Clustering> {
    let n = vectors.len();
    if n < 2 {
        bail!("clustering needs at least 2 passages, got {n}");
    }
    if all_identical(vectors) {
        bail!(
            "all {n} passages have the same vector (identical texts?): there is nothing to cluster"
        );
    }
    if n > SAMPLE_ABOVE {
        return match params {
            ClusterParams::Kmeans { k: Some(k), .. }
            | ClusterParams::Spectral { k: Some(k), .. }
                if *k > SAMPLE_SIZE =>
            {
                return Err(ParamError::KAboveSample { k: *k }.into())
            }
            ClusterParams::Kmeans { k: Some(0), .. }
            | ClusterParams::Spectral { k: Some(0), .. } => Err(ParamError::ZeroK.into()),
            ClusterParams::Kmeans { .. } | ClusterParams::Spectral { .. } => {
                kmeans_sampled(vectors, params)
            }
            _ => Err(ParamError::OnlyKmeansAbove { n }.into()),
        };
    }
    match *params {
        ClusterParams::Kmeans {
            k: Some(k),
            seed,
            restarts,
        } => {
            if k == 0 {
                return Err(ParamError::ZeroK.into());
            }
            if k > n {
                return Err(ParamError::KAboveItems { k, n }.into());
            }
            let assignments = kmeans::kmeans(vectors, k, seed, restarts)?;
            Ok(Clustering::canonical(
                assignments.into_iter().map(Some).collect(),
                Vec::new(),
            ))
        }
        ClusterParams::Kmeans {
            k: None,
            seed,
            restarts,
        } => {
            if n < 3 {
                return Err(ParamError::AutoKNeedsThree { n }.into());
            }
            best_by_silhouette(vectors, |k| kmeans::kmeans(vectors, k, seed, restarts))
        }
        ClusterParams::Spectral {
            k,
            neighbors,
            seed,
            restarts,
        } => spectral_clustering(vectors, k, neighbors, seed, restarts),
        ClusterParams::Hdbscan { min_cluster_size } => {
            if min_cluster_size < 2 {
                return Err(ParamError::MinClusterSize.into());
            }
            Ok(Clustering::canonical(
                density::hdbscan(vectors, min_cluster_size)?,
                Vec::new(),
            ))
        }
        ClusterParams::Agglomerative { threshold } => {
            if !(0.0..=2.0).contains(&threshold) {
                return Err(ParamError::Threshold(threshold).into());
            }
            let labels = agglomerative::agglomerative(vectors, threshold);
            Ok(Clustering::canonical(
                labels.into_iter().map(Some).collect(),
                Vec::new(),
            ))
        }
    }
}

/// [`cluster`] carrying earlier groups of rows forward: for k-means and spectral
/// clustering, k-means over the vectors starts from the groups' centroids (more centroids,
/// when k is larger, drawn among the rows in no group) rather than from random starts, so
/// that a cluster that was there stays where the data lets it. Spectral clustering too: its
/// partition follows the neighbour graph, which new rows redraw (PIAF, 10% more
/// paragraphs: 79% of the earlier ones keep their cluster, against 98% this way). With
/// `k: None`, k is chosen as [`cluster`] chooses it, then the clustering is redone from the
/// groups. HDBSCAN, agglomerative clustering and sets above [`SAMPLE_ABOVE`] run as
/// [`cluster`] does.
pub fn cluster_from(
    vectors: &Embeddings,
    params: &ClusterParams,
    groups: &[Vec<usize>],
) -> Result<Clustering> {
    let warm = |labels: Vec<usize>, by_k| {
        Ok(Clustering::canonical(
            labels.into_iter().map(Some).collect(),
            by_k,
        ))
    };
    if vectors.len() > SAMPLE_ABOVE || groups.iter().all(Vec::is_empty) {
        return cluster(vectors, params);
    }
    match *params {
        ClusterParams::Kmeans { k, seed, .. } | ClusterParams::Spectral { k, seed, .. } => {
            let (k, by_k) = match k {
                Some(k) => (k, Vec::new()),
                None => {
                    let cold = cluster(vectors, params)?;
                    (cold.k, cold.silhouette_by_k)
                }
            };
            if k == 0 || k > vectors.len() {
                return cluster(vectors, params);
            }
            warm(kmeans::kmeans_from(vectors, k, seed, groups)?, by_k)
        }
        ClusterParams::Hdbscan { .. } | ClusterParams::Agglomerative { .. } => {
            cluster(vectors, params)
        }
    }
}

/// Spectral clustering with k given, or chosen by the vectors' silhouette from one
/// embedding of [`max_auto_k`] dimensions.
fn spectral_clustering(
    vectors: &Embeddings,
    k: Option<usize>,
    neighbors: usize,
    seed: u64,
    restarts: usize,
) -> Result<Clustering> {
    let n = vectors.len();
    if neighbors == 0 {
        return Err(ParamError::ZeroNeighbors.into());
    }
    match k {
        Some(0) => Err(ParamError::ZeroK.into()),
        Some(k) if k > n => Err(ParamError::KAboveItems { k, n }.into()),
        Some(k) => {
            let embedding = SpectralEmbedding::new(vectors, neighbors, k, seed)?;
            let labels = embedding.clusters(k, seed, restarts)?;
            Ok(Clustering::canonical(
                labels.into_iter().map(Some).collect(),
                Vec::new(),
            ))
        }
        None => {
            if n < 3 {
                return Err(ParamError::AutoKNeedsThree { n }.into());
            }
            let embedding = SpectralEmbedding::new(vectors, neighbors, max_auto_k(n), seed)?;
            best_by_silhouette(vectors, |k| embedding.clusters(k, seed, restarts))
        }
    }
}

/// The clustering of the best cosine silhouette over k from 2 to [`max_auto_k`] (ties keep
/// the smaller k), with every k's silhouette.
fn best_by_silhouette(
    vectors: &Embeddings,
    mut labels_for: impl FnMut(usize) -> Result<Vec<usize>>,
) -> Result<Clustering> {
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut by_k = Vec::new();
    for k in 2..=max_auto_k(vectors.len()) {
        let labels = labels_for(k)?;
        let score = silhouette(
            vectors,
            &labels.iter().copied().map(Some).collect::<Vec<_>>(),
        );
        by_k.push((k, score));
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, labels));
        }
    }
    let (_, labels) = best.context("no k to try")?;
    Ok(Clustering::canonical(
        labels.into_iter().map(Some).collect(),
        by_k,
    ))
}

/// The vectors minus their mean, normalised again.
///
/// Sentence embeddings share a large common direction (any two texts of a model score a
/// high cosine), which squeezes every distance into a narrow band; removing the corpus mean
/// spreads them out, so clusters and the silhouette that picks k see the differences
/// between passages rather than what all of them share.
pub fn centered(vectors: &Embeddings) -> Embeddings {
    let mut copy = vectors.clone();
    center_in_place(&mut copy);
    copy
}

/// [`centered`] without a copy (a million 384-d vectors are 1.5 GB).
pub fn center_in_place(vectors: &mut Embeddings) {
    let n = vectors.len().max(1) as f64;
    let mut mean = vec![0f64; vectors.dim];
    for row in vectors.rows() {
        for (m, x) in mean.iter_mut().zip(row) {
            *m += *x as f64 / n;
        }
    }
    for row in vectors.data.chunks_exact_mut(vectors.dim) {
        let norm = row
            .iter()
            .zip(&mean)
            .map(|(x, m)| (*x as f64 - m).powi(2))
            .sum::<f64>()
            .sqrt();
        for (x, m) in row.iter_mut().zip(&mean) {
            // A vector equal to the mean has no direction of its own.
            *x = if norm > 1e-9 {
                ((*x as f64 - m) / norm) as f32
            } else {
                0.0
            };
        }
    }
}

fn all_identical(vectors: &Embeddings) -> bool {
    let first = vectors.row(0);
    vectors
        .rows()
        .all(|r| r.iter().zip(first).all(|(a, b)| (a - b).abs() <= 1e-6))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `groups` well-separated groups of `per_group` unit vectors in `dim` dimensions,
    /// from a fixed-seed generator.
    pub(crate) fn separated_groups(
        groups: usize,
        per_group: usize,
        dim: usize,
        seed: u64,
    ) -> (Embeddings, Vec<usize>) {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let mut data = Vec::new();
        let mut truth = Vec::new();
        for g in 0..groups {
            let center: Vec<f64> = (0..dim)
                .map(|d| if d % groups == g { 1.0 } else { 0.0 })
                .collect();
            for _ in 0..per_group {
                let v: Vec<f64> = center.iter().map(|c| c + 0.15 * next()).collect();
                let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
                data.extend(v.iter().map(|x| (x / norm) as f32));
                truth.push(g);
            }
        }
        (Embeddings { dim, data }, truth)
    }

    fn same_partition(a: &[Option<usize>], b: &[usize]) -> bool {
        (0..b.len()).all(|i| (0..b.len()).all(|j| (a[i] == a[j]) == (b[i] == b[j])))
    }

    #[test]
    fn k_auto_finds_the_number_of_separated_groups() {
        for groups in [3, 5] {
            let (v, truth) = separated_groups(groups, 12, 16, 7);
            let c = cluster(
                &v,
                &ClusterParams::Kmeans {
                    k: None,
                    seed: 42,
                    restarts: 8,
                },
            )
            .unwrap();
            assert_eq!(c.k, groups, "{:?}", c.silhouette_by_k);
            assert!(same_partition(&c.assignments, &truth));
        }
    }

    #[test]
    fn every_algorithm_recovers_separated_groups() {
        let (v, truth) = separated_groups(4, 10, 16, 3);
        for params in [
            ClusterParams::Kmeans {
                k: Some(4),
                seed: 1,
                restarts: 8,
            },
            ClusterParams::Hdbscan {
                min_cluster_size: 5,
            },
            ClusterParams::Agglomerative { threshold: 0.5 },
        ] {
            let c = cluster(&v, &params).unwrap();
            assert_eq!(c.k, 4, "{params:?}");
            assert!(same_partition(&c.assignments, &truth), "{params:?}");
        }
    }

    #[test]
    fn same_seed_same_clustering() {
        let (v, _) = separated_groups(3, 15, 8, 11);
        let p = ClusterParams::Kmeans {
            k: Some(5),
            seed: 9,
            restarts: 4,
        };
        assert_eq!(cluster(&v, &p).unwrap(), cluster(&v, &p).unwrap());
    }

    #[test]
    fn earlier_groups_are_carried_forward_and_a_new_group_gets_the_new_centroid() {
        let (v, truth) = separated_groups(4, 10, 16, 21);
        // The previous run knew the first three groups only (and in another order).
        let groups: Vec<Vec<usize>> = [2, 0, 1]
            .iter()
            .map(|&g| (0..truth.len()).filter(|&i| truth[i] == g).collect())
            .collect();
        for params in [
            ClusterParams::Kmeans {
                k: Some(4),
                seed: 3,
                restarts: 1,
            },
            ClusterParams::Spectral {
                k: Some(4),
                neighbors: 5,
                seed: 3,
                restarts: 1,
            },
        ] {
            let c = cluster_from(&v, &params, &groups).unwrap();
            assert!(same_partition(&c.assignments, &truth), "{params:?}");
        }
        // No groups: the same as clustering afresh.
        let p = ClusterParams::Kmeans {
            k: Some(4),
            seed: 3,
            restarts: 2,
        };
        assert_eq!(cluster_from(&v, &p, &[]).unwrap(), cluster(&v, &p).unwrap());
    }

    #[test]
    fn bad_requests_are_errors() {
        let (v, _) = separated_groups(2, 3, 4, 1);
        let err = |p: ClusterParams| cluster(&v, &p).unwrap_err().to_string();
        assert!(err(ClusterParams::Kmeans {
            k: Some(0),
            seed: 0,
            restarts: 1
        })
        .contains("at least 1"));
        assert!(err(ClusterParams::Kmeans {
            k: Some(7),
            seed: 0,
            restarts: 1
        })
        .contains("more than the 6"));
        let one = Embeddings {
            dim: 4,
            data: v.row(0).to_vec(),
        };
        assert!(cluster(
            &one,
            &ClusterParams::Hdbscan {
                min_cluster_size: 2
            }
        )
        .unwrap_err()
        .to_string()
        .contains("at least 2"));
        let same = Embeddings {
            dim: 4,
            data: v.row(0).repeat(5),
        };
        assert!(cluster(
            &same,
            &ClusterParams::Kmeans {
                k: None,
                seed: 0,
                restarts: 1
            }
        )
        .unwrap_err()
        .to_string()
        .contains("same vector"));
    }
}
