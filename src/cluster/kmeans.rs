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
