//! Vectors as every stage after the model sees them: a row-major matrix ([`Embeddings`]) and
//! the few operations on rows that search, clustering, themes and reports share.
//!
//! A leaf: it depends on nothing else in silica and not on candle, so the stages that only
//! read vectors (clustering, search, themes, the index) do not depend on the engine that
//! made them.

/// Row-major vectors, one per input text, in input order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embeddings {
    pub dim: usize,
    pub data: Vec<f32>,
}

impl Embeddings {
    pub fn len(&self) -> usize {
        self.data.len().checked_div(self.dim).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    pub fn rows(&self) -> impl Iterator<Item = &[f32]> {
        self.data.chunks_exact(self.dim.max(1))
    }

    /// Each row's first `dim` values, scaled back to unit length: a Matryoshka model's
    /// shorter vectors (sentence-transformers' `truncate_dim`, then normalised; OpenAI's
    /// `dimensions`). `dim` at least the current width is the rows unchanged.
    pub fn truncated(self, dim: usize) -> Embeddings {
        if dim == 0 || dim >= self.dim {
            return self;
        }
        let data = self
            .rows()
            .flat_map(|row| {
                let head: Vec<f64> = row[..dim].iter().map(|&x| x as f64).collect();
                unit(&head)
            })
            .collect();
        Embeddings { dim, data }
    }
}

/// Dot product of two rows (their cosine when both are unit length), summed in f32 as the
/// search kernels do.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Dot product summed in f64: for statistics over many rows, where f32 sums drift.
pub fn dot_f64(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum()
}

/// Cosine of two rows of any length (0 when either is all zeros).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let norms = dot(a, a).sqrt() * dot(b, b).sqrt();
    if norms > 0.0 {
        dot(a, b) / norms
    } else {
        0.0
    }
}

/// `v` scaled to unit length, in f32 (a zero vector stays zero).
pub fn unit(v: &[f64]) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
    v.iter().map(|x| (x / norm) as f32).collect()
}

/// The unit-length mean of the rows `members` of `vectors` (summed in f64): a cluster's,
/// theme's or document's direction.
pub fn normalized_mean(vectors: &Embeddings, members: &[usize]) -> Vec<f32> {
    let mut mean = vec![0f64; vectors.dim];
    for &i in members {
        for (m, x) in mean.iter_mut().zip(vectors.row(i)) {
            *m += *x as f64;
        }
    }
    unit(&mean)
}

/// Rounds for reports: 4 decimals are plenty to read, and keep JSON stable to compare.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// [`round4`] for an f32 score, computed in f32 (what the reports have always printed).
pub fn round4_f32(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normalized_mean_of_two_orthogonal_rows_bisects_them() {
        let m = Embeddings {
            dim: 2,
            data: vec![1.0, 0.0, 0.0, 1.0, 5.0, 5.0],
        };
        let mean = normalized_mean(&m, &[0, 1]);
        let half = std::f32::consts::FRAC_1_SQRT_2;
        assert!((mean[0] - half).abs() < 1e-6 && (mean[1] - half).abs() < 1e-6);
        assert!((dot(&mean, &mean) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn cosine_ignores_length_and_is_zero_for_a_zero_row() {
        assert!((cosine(&[2.0, 0.0], &[3.0, 3.0]) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
    }

    #[test]
    fn rounding_keeps_four_decimals() {
        assert_eq!(round4(0.123_456), 0.1235);
        assert_eq!(round4_f32(0.987_654), 0.9877);
        assert_eq!(round4(-0.000_04), -0.0);
    }

    #[test]
    fn truncation_keeps_the_head_of_each_row_at_unit_length() {
        let e = Embeddings {
            dim: 3,
            data: vec![3.0, 4.0, 9.0, 0.0, 2.0, 1.0],
        };
        let t = e.clone().truncated(2);
        assert_eq!(t.dim, 2);
        assert_eq!(t.data, vec![0.6, 0.8, 0.0, 1.0]);
        assert_eq!(e.clone().truncated(3), e);
    }
}
