use crate::vectors::Embeddings;
use anyhow::{anyhow, Result};
use hdbscan::{Hdbscan, HdbscanHyperParams};

/// HDBSCAN (the `hdbscan` crate): clusters of varying density, with noise points left
/// unassigned rather than forced into a cluster.
pub fn hdbscan(vectors: &Embeddings, min_cluster_size: usize) -> Result<Vec<Option<usize>>> {
    let rows: Vec<Vec<f32>> = vectors.rows().map(<[f32]>::to_vec).collect();
    let params = HdbscanHyperParams::builder()
        .min_cluster_size(min_cluster_size)
        .min_samples(min_cluster_size.min(rows.len().saturating_sub(1)).max(1))
        .build();
    let labels = Hdbscan::new(&rows, params)
        .cluster()
        .map_err(|e| anyhow!("hdbscan failed: {e:?}"))?;
    Ok(labels
        .into_iter()
        .map(|l| usize::try_from(l).ok())
        .collect())
}
