use crate::vectors::Embeddings;
use kodama::{linkage, Method};

/// Average-linkage agglomerative clustering (kodama) on cosine distance, cut where merges
/// would join groups more than `threshold` apart.
pub fn agglomerative(vectors: &Embeddings, threshold: f64) -> Vec<usize> {
    let n = vectors.len();
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n - 1 {
        for j in i + 1..n {
            let dot: f32 = vectors
                .row(i)
                .iter()
                .zip(vectors.row(j))
                .map(|(a, b)| a * b)
                .sum();
            condensed.push((1.0 - dot as f64).max(0.0));
        }
    }
    let dendrogram = linkage(&mut condensed, n, Method::Average);
    // Replay the merges under the threshold with a union-find over the 2n-1 nodes.
    let mut parent: Vec<usize> = (0..2 * n - 1).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (step_index, step) in dendrogram.steps().iter().enumerate() {
        if step.dissimilarity > threshold {
            break;
        }
        let merged = n + step_index;
        let a = find(&mut parent, step.cluster1);
        let b = find(&mut parent, step.cluster2);
        parent[a] = merged;
        parent[b] = merged;
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut ids = std::collections::HashMap::new();
    roots
        .iter()
        .map(|r| {
            let next = ids.len();
            *ids.entry(*r).or_insert(next)
        })
        .collect()
}
