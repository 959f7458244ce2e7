//! k-means for large sets: k-means (and `--k auto`'s silhouette search) on a seeded sample,
//! then Lloyd passes over every vector from the sample's centroids.
//!
//! linfa's k-means holds the data as f64 and runs every restart over all of it, and
//! `--k auto` runs it for every k: at a million passages that is hours. A sample of a few
//! thousand passages finds k and the centroids as well as the whole set does (every
//! cluster large enough to matter has members in it); the passes over all vectors then cost
//! O(n·k·dim) each and hold nothing but k centroids beside the data.

use super::{cluster, ClusterParams, Clustering};
use crate::vectors::Embeddings;
use anyhow::Result;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

/// Above this many vectors, k-means runs on a sample.
pub const SAMPLE_ABOVE: usize = 20_000;
/// Vectors in the sample.
pub const SAMPLE_SIZE: usize = 5_000;
/// Most Lloyd passes over every vector (they stop earlier when no assignment changes).
pub const FULL_PASSES: usize = 10;
/// Rows per work unit: fixed, so sums add up in the same order whatever the thread count.
const CHUNK: usize = 4096;

/// `size` distinct row indices drawn with `seed`, in increasing order.
pub fn sample_rows(n: usize, size: usize, seed: u64) -> Vec<usize> {
    if size >= n {
        return (0..n).collect();
    }
    // A partial Fisher-Yates shuffle of 0..n.
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..n).collect();
    for i in 0..size {
        let j = i + (rng.next_u64() % (n - i) as u64) as usize;
        order.swap(i, j);
    }
    let mut chosen = order[..size].to_vec();
    chosen.sort_unstable();
    chosen
}

fn rows_of(vectors: &Embeddings, rows: &[usize]) -> Embeddings {
    let mut data = Vec::with_capacity(rows.len() * vectors.dim);
    for &r in rows {
        data.extend_from_slice(vectors.row(r));
    }
    Embeddings {
        dim: vectors.dim,
        data,
    }
}

/// Each row's nearest centroid by Euclidean distance (|c|² - 2 x·c; |x|² is the same for
/// every centroid).
fn assign(vectors: &Embeddings, centroids: &[Vec<f32>]) -> Vec<usize> {
    let norms: Vec<f32> = centroids
        .iter()
        .map(|c| c.iter().map(|x| x * x).sum())
        .collect();
    vectors
        .data
        .par_chunks(CHUNK * vectors.dim)
        .flat_map_iter(|block| {
            block
                .chunks_exact(vectors.dim)
                .map(|row| {
                    let mut best = (0, f32::INFINITY);
                    for (c, centroid) in centroids.iter().enumerate() {
                        let d = norms[c] - 2.0 * crate::vectors::dot(row, centroid);
                        if d < best.1 {
                            best = (c, d);
                        }
                    }
                    best.0
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The mean of each cluster's rows (a cluster left empty keeps its old centroid).
fn means(vectors: &Embeddings, labels: &[usize], old: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let k = old.len();
    let dim = vectors.dim;
    let partial: Vec<(Vec<f64>, Vec<usize>)> = vectors
        .data
        .par_chunks(CHUNK * dim)
        .zip(labels.par_chunks(CHUNK))
        .map(|(block, labels)| {
            let mut sums = vec![0f64; k * dim];
            let mut counts = vec![0usize; k];
            for (row, &c) in block.chunks_exact(dim).zip(labels) {
                counts[c] += 1;
                for (s, x) in sums[c * dim..(c + 1) * dim].iter_mut().zip(row) {
                    *s += *x as f64;
                }
            }
            (sums, counts)
        })
        .collect();
    let mut sums = vec![0f64; k * dim];
    let mut counts = vec![0usize; k];
    for (s, c) in partial {
        sums.iter_mut().zip(s).for_each(|(a, b)| *a += b);
        counts.iter_mut().zip(c).for_each(|(a, b)| *a += b);
    }
    (0..k)
        .map(|c| {
            if counts[c] == 0 {
                old[c].clone()
            } else {
                sums[c * dim..(c + 1) * dim]
                    .iter()
                    .map(|s| (s / counts[c] as f64) as f32)
                    .collect()
            }
        })
        .collect()
}

/// k-means (or spectral clustering) over `vectors` through a sample of [`SAMPLE_SIZE`]
/// rows: k (given, or by silhouette on the sample) and the centroids come from the sample's
/// clusters, then every row joins its nearest centroid, and for k-means up to
/// [`FULL_PASSES`] Lloyd passes run over every row. The silhouettes by k
/// are the sample's.
pub fn kmeans_sampled(vectors: &Embeddings, params: &ClusterParams) -> Result<Clustering> {
    let (seed, passes) = match *params {
        ClusterParams::Kmeans { seed, .. } => (seed, FULL_PASSES),
        // The sample's clusters are the graph's: Lloyd passes would pull them back towards
        // plain k-means, so every row only joins its nearest centroid.
        ClusterParams::Spectral { seed, .. } => (seed, 0),
        _ => anyhow::bail!("only k-means and spectral clustering run on a sample"),
    };
    let rows = sample_rows(vectors.len(), SAMPLE_SIZE, seed);
    let sample = rows_of(vectors, &rows);
    let on_sample = cluster(&sample, params)?;
    let labels: Vec<usize> = on_sample
        .assignments
        .iter()
        .map(|a| a.unwrap_or(0))
        .collect();
    let zero = vec![vec![0f32; vectors.dim]; on_sample.k];
    let mut centroids = means(&sample, &labels, &zero);
    let mut labels = assign(vectors, &centroids);
    for _ in 0..passes {
        centroids = means(vectors, &labels, &centroids);
        let next = assign(vectors, &centroids);
        let same = next == labels;
        labels = next;
        if same {
            break;
        }
    }
    Ok(Clustering::canonical(
        labels.into_iter().map(Some).collect(),
        on_sample.silhouette_by_k,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::separated_groups;
    use super::*;

    #[test]
    fn a_sample_is_distinct_sorted_and_seeded() {
        let a = sample_rows(1000, 100, 7);
        assert_eq!(a.len(), 100);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(a, sample_rows(1000, 100, 7));
        assert_ne!(a, sample_rows(1000, 100, 8));
        assert_eq!(sample_rows(5, 10, 1), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn sampled_kmeans_recovers_separated_groups_and_is_deterministic() {
        let (v, truth) = separated_groups(4, 2000, 16, 5);
        let params = ClusterParams::Kmeans {
            k: None,
            seed: 3,
            restarts: 2,
        };
        let c = kmeans_sampled(&v, &params).unwrap();
        assert_eq!(c.k, 4, "{:?}", c.silhouette_by_k);
        // Same group, same cluster: compare each row with the first row of its group.
        for (i, &g) in truth.iter().enumerate() {
            let first = truth.iter().position(|&t| t == g).unwrap();
            assert_eq!(c.assignments[i], c.assignments[first]);
        }
        assert_eq!(c, kmeans_sampled(&v, &params).unwrap());
        let one_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| kmeans_sampled(&v, &params).unwrap());
        assert_eq!(c, one_thread);
    }
}
