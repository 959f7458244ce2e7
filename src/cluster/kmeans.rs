use crate::vectors::Embeddings;
use anyhow::{Context, Result};
use linfa::prelude::*;
use linfa_clustering::{KMeans, KMeansInit};
use ndarray::Array2;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;

/// linfa-clustering's k-means: k-means++ starts, `restarts` runs (the best inertia wins),
/// a generator seeded with `seed` so the result is the same every time.
pub fn kmeans(vectors: &Embeddings, k: usize, seed: u64, restarts: usize) -> Result<Vec<usize>> {
    let data = Array2::from_shape_vec(
        (vectors.len(), vectors.dim),
        vectors.data.iter().map(|&x| x as f64).collect(),
    )
    .context("embedding matrix shape")?;
    let dataset = DatasetBase::from(data);
    let model = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
        .init_method(KMeansInit::KMeansPlusPlus)
        .n_runs(restarts.max(1))
        .max_n_iterations(300)
        .tolerance(1e-6)
        .fit(&dataset)
        .context("k-means failed")?;
    Ok(model.predict(dataset.records()).to_vec())
}

/// k-means started from given groups of rows instead of random starts: each non-empty
/// group's mean is a starting centroid (the first `k` groups), and any more centroids up to
/// `k` are drawn k-means++-style (seeded) from rows far from those. Used to carry a previous
/// run's clusters into this one: Lloyd's iterations move them only as far as the data asks.
pub fn kmeans_from(
    vectors: &Embeddings,
    k: usize,
    seed: u64,
    groups: &[Vec<usize>],
) -> Result<Vec<usize>> {
    let dim = vectors.dim;
    let mut centroids: Vec<Vec<f64>> = groups
        .iter()
        .filter(|g| !g.is_empty())
        .take(k)
        .map(|g| {
            let mut mean = vec![0f64; dim];
            for &r in g {
                for (m, x) in mean.iter_mut().zip(vectors.row(r)) {
                    *m += *x as f64 / g.len() as f64;
                }
            }
            mean
        })
        .collect();
    if centroids.len() < k {
        let extra = new_centroids(vectors, groups, &centroids, k - centroids.len(), seed)?;
        centroids.extend(extra);
    }
    let starts = Array2::from_shape_vec((k, dim), centroids.concat()).context("centroid shape")?;
    let data = Array2::from_shape_vec(
        (vectors.len(), dim),
        vectors.data.iter().map(|&x| x as f64).collect(),
    )
    .context("embedding matrix shape")?;
    let dataset = DatasetBase::from(data);
    let model = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
        .init_method(KMeansInit::Precomputed(starts))
        .n_runs(1)
        .max_n_iterations(300)
        .tolerance(1e-6)
        .fit(&dataset)
        .context("k-means failed")?;
    Ok(model.predict(dataset.records()).to_vec())
}

/// Squared Euclidean distance from a row to the nearest of `centroids`.
fn nearest_distance(row: &[f32], centroids: &[Vec<f64>]) -> f64 {
    centroids
        .iter()
        .map(|c| {
            c.iter()
                .zip(row)
                .map(|(a, b)| (a - *b as f64).powi(2))
                .sum::<f64>()
        })
        .fold(f64::INFINITY, f64::min)
}

/// `count` more starting centroids where a new theme would be: among the rows in no group
/// (what is new), those the groups' centroids explain worse than the median grouped row is
/// explained, clustered by k-means into `count` (all new rows when too few are left, every
/// row when none is new).
fn new_centroids(
    vectors: &Embeddings,
    groups: &[Vec<usize>],
    centroids: &[Vec<f64>],
    count: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>> {
    let mut grouped = vec![false; vectors.len()];
    for &r in groups.iter().flatten() {
        grouped[r] = true;
    }
    let mut fit: Vec<f64> = (0..vectors.len())
        .filter(|&r| grouped[r])
        .map(|r| nearest_distance(vectors.row(r), centroids))
        .collect();
    fit.sort_by(f64::total_cmp);
    let median = fit.get(fit.len() / 2).copied().unwrap_or(0.0);
    let fresh: Vec<usize> = (0..vectors.len()).filter(|&r| !grouped[r]).collect();
    let unexplained: Vec<usize> = fresh
        .iter()
        .copied()
        .filter(|&r| nearest_distance(vectors.row(r), centroids) > median)
        .collect();
    let rows = if unexplained.len() >= count.max(2) {
        unexplained
    } else if fresh.len() >= count.max(2) {
        fresh
    } else {
        (0..vectors.len()).collect()
    };
    let mut data = Vec::with_capacity(rows.len() * vectors.dim);
    for &r in &rows {
        data.extend_from_slice(vectors.row(r));
    }
    let subset = Embeddings {
        dim: vectors.dim,
        data,
    };
    let labels = if count == 1 {
        vec![0; rows.len()]
    } else {
        kmeans(&subset, count, seed, 4)?
    };
    let mut sums = vec![vec![0f64; vectors.dim]; count];
    let mut sizes = vec![0usize; count];
    for (i, &l) in labels.iter().enumerate() {
        sizes[l] += 1;
        for (s, x) in sums[l].iter_mut().zip(subset.row(i)) {
            *s += *x as f64;
        }
    }
    Ok(sums
        .into_iter()
        .zip(sizes)
        .map(|(s, n)| s.into_iter().map(|x| x / n.max(1) as f64).collect())
        .collect())
}
