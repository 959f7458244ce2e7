//! Spectral clustering (Ng, Jordan and Weiss; von Luxburg's tutorial): k-means over the
//! leading eigenvectors of the normalised k-nearest-neighbour graph of the vectors.
//!
//! Why: k-means straight on sentence vectors finds many near-equal optima when themes
//! overlap, so the seed changes the themes (PIAF paragraphs, k = 7: adjusted Rand index
//! between seeds 0.34 to 0.65, even with 200 restarts); the graph's eigenvectors pull the
//! same groups apart, and k-means over them lands on nearly the same partition from any
//! start. No maintained crate does spectral clustering; the eigenvectors come from
//! linfa-linalg's LOBPCG over a sparse operator written here (the graph is never dense).

use super::kmeans::kmeans;
use crate::vectors::{dot, Embeddings};
use anyhow::{bail, Context, Result};
use linfa_linalg::lobpcg::lobpcg;
use linfa_linalg::Order;
use ndarray::{Array2, ArrayView2};
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

/// The neighbour graph in a compressed form: each row's neighbours (in increasing order)
/// with their weights, and each row's degree.
struct Graph {
    neighbors: Vec<Vec<(usize, f64)>>,
    /// 1 / sqrt(degree).
    inv_sqrt_degree: Vec<f64>,
}

/// Each row's `k` nearest other rows by cosine (ties to the lower index).
fn nearest(vectors: &Embeddings, k: usize) -> Vec<Vec<usize>> {
    (0..vectors.len())
        .into_par_iter()
        .map(|i| {
            let row = vectors.row(i);
            let mut scored: Vec<(f32, usize)> = (0..vectors.len())
                .filter(|&j| j != i)
                .map(|j| (dot(row, vectors.row(j)), j))
                .collect();
            let by_score =
                |a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if scored.len() > k {
                scored.select_nth_unstable_by(k, by_score);
                scored.truncate(k);
            }
            scored.sort_by(by_score);
            // A fresh list: collecting `into_iter()` would keep the n-long buffer per row.
            scored.iter().map(|&(_, j)| j).collect()
        })
        .collect()
}

impl Graph {
    /// The symmetric k-nearest-neighbour graph: an edge weighs 1 when each end is among
    /// the other's neighbours, 0.5 when one is (as scikit-learn's `0.5 (A + Aᵀ)`).
    fn knn(vectors: &Embeddings, k: usize) -> Self {
        let n = vectors.len();
        let mut neighbors: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for (i, list) in nearest(vectors, k).into_iter().enumerate() {
            for j in list {
                neighbors[i].push((j, 0.5));
                neighbors[j].push((i, 0.5));
            }
        }
        for list in &mut neighbors {
            list.sort_by_key(|&(j, _)| j);
            list.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 += later.1;
                }
                same
            });
        }
        let inv_sqrt_degree = neighbors
            .iter()
            .map(|list| 1.0 / list.iter().map(|&(_, w)| w).sum::<f64>().sqrt())
            .collect();
        Self {
            neighbors,
            inv_sqrt_degree,
        }
    }

    /// (I + D^-1/2 A D^-1/2) X: the normalised affinity shifted by one, so that its
    /// eigenvalues lie in [0, 2] (LOBPCG wants a positive semi-definite operator) while its
    /// eigenvectors are the affinity's.
    fn apply(&self, x: ArrayView2<f64>) -> Array2<f64> {
        let cols = x.ncols();
        let rows: Vec<Vec<f64>> = (0..x.nrows())
            .into_par_iter()
            .map(|i| {
                let mut out: Vec<f64> = x.row(i).to_vec();
                for &(j, w) in &self.neighbors[i] {
                    let scale = w * self.inv_sqrt_degree[i] * self.inv_sqrt_degree[j];
                    for (o, v) in out.iter_mut().zip(x.row(j)) {
                        *o += scale * v;
                    }
                }
                out
            })
            .collect();
        Array2::from_shape_vec((x.nrows(), cols), rows.concat()).expect("rows of equal length")
    }
}

/// The spectral embedding: for each row, its coordinates on the `dims` leading eigenvectors
/// of the normalised affinity, divided by the square root of its degree (the random walk's
/// eigenvectors, as scikit-learn's `spectral_embedding`), leading eigenvector first.
pub struct SpectralEmbedding {
    rows: usize,
    dims: usize,
    /// Row-major, `rows` x `dims`.
    data: Vec<f64>,
}

impl SpectralEmbedding {
    pub fn new(vectors: &Embeddings, neighbors: usize, dims: usize, seed: u64) -> Result<Self> {
        let n = vectors.len();
        if n < 2 || dims == 0 || dims > n {
            bail!("a spectral embedding of {n} rows in {dims} dimensions");
        }
        let graph = Graph::knn(vectors, neighbors.clamp(1, n - 1));
        let mut rng = Xoshiro256Plus::seed_from_u64(seed);
        let start = Array2::from_shape_fn((n, dims), |_| {
            (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        });
        let solved = lobpcg(
            |x| graph.apply(x),
            start,
            |_| {},
            None,
            1e-7,
            1000,
            Order::Largest,
        );
        let result = match solved {
            Ok(r) => r,
            // Not converged to the tolerance: the best iterate is still a good embedding.
            Err((error, Some(best))) => {
                tracing::debug!("spectral embedding: LOBPCG stopped early ({error})");
                best
            }
            Err((error, None)) => {
                return Err(error).context("the graph's eigenvectors could not be computed")
            }
        };
        let mut order: Vec<usize> = (0..result.eigvals.len()).collect();
        order.sort_by(|&a, &b| {
            result.eigvals[b]
                .total_cmp(&result.eigvals[a])
                .then(a.cmp(&b))
        });
        let mut data = Vec::with_capacity(n * dims);
        for i in 0..n {
            for &c in &order {
                data.push(result.eigvecs[[i, c]] * graph.inv_sqrt_degree[i]);
            }
        }
        Ok(Self {
            rows: n,
            dims,
            data,
        })
    }

    /// The first `k` coordinates of every row, as vectors k-means can run on.
    fn leading(&self, k: usize) -> Embeddings {
        let k = k.min(self.dims);
        let mut data = Vec::with_capacity(self.rows * k);
        for row in self.data.chunks_exact(self.dims) {
            data.extend(row[..k].iter().map(|&x| x as f32));
        }
        Embeddings { dim: k, data }
    }

    /// k clusters: k-means (seeded, `restarts` starts) over the `k` leading coordinates.
    pub fn clusters(&self, k: usize, seed: u64, restarts: usize) -> Result<Vec<usize>> {
        kmeans(&self.leading(k), k, seed, restarts)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::separated_groups;
    use super::*;

    #[test]
    fn the_graph_is_symmetric_and_weighs_mutual_neighbours_double() {
        let (v, _) = separated_groups(2, 6, 8, 4);
        let g = Graph::knn(&v, 3);
        for (i, list) in g.neighbors.iter().enumerate() {
            for &(j, w) in list {
                let back = g.neighbors[j].iter().find(|&&(b, _)| b == i).unwrap();
                assert_eq!(back.1, w);
                assert!(w == 0.5 || w == 1.0);
            }
        }
    }

    #[test]
    fn the_embedding_separates_groups_and_k_means_over_it_recovers_them() {
        let (v, truth) = separated_groups(3, 20, 16, 9);
        let embedding = SpectralEmbedding::new(&v, 8, 3, 1).unwrap();
        let labels = embedding.clusters(3, 5, 4).unwrap();
        for i in 0..truth.len() {
            for j in 0..truth.len() {
                assert_eq!(truth[i] == truth[j], labels[i] == labels[j], "{i} {j}");
            }
        }
    }
}
