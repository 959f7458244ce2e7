//! Self-attention of a whole batch on the CPU in one op: from the stacked query-key-value
//! projection `[tokens, 3 hidden]` straight to the heads' merged context `[tokens, hidden]`.
//!
//! Written by hand because candle's batched product runs its `rows x heads` small products
//! one after another (each one too small for gemm to split over threads), and around them
//! the heads are split and merged by two strided copies and the scores of padded keys are
//! computed, then masked. Here each (sequence, head) is one rayon task that reads its query,
//! key and value columns in place through gemm's strides, scores only the sequence's own
//! tokens, takes the softmax of each row, and writes its context into its own columns of
//! the output. A sequence's result so depends neither on the thread count nor on the batch
//! it is in (nor on the batch's padded width).

use super::kernels::{exp, max, sum, vectorized};
use candle_core::{CpuStorage, CustomOp1, Layout, Shape};
use gemm::{gemm, Parallelism};
use rayon::prelude::*;

/// Attention over `[rows * width, 3 hidden]` (query pre-scaled, then key, then value, each
/// `heads x head_dim`), giving `[rows * width, hidden]`; padded positions come out as zeros.
pub struct BatchAttention<'a> {
    /// Real tokens of each sequence (the rest of its `width` positions are padding).
    pub lengths: &'a [usize],
    pub width: usize,
    pub heads: usize,
}

/// The output pointer shared by the tasks, each writing only its own (token, head) cells.
#[derive(Clone, Copy)]
struct Output(*mut f32);
// Safety: tasks write disjoint cells (see `BatchAttention::run`).
unsafe impl Send for Output {}
unsafe impl Sync for Output {}

impl Output {
    /// The cell `offset` values in. A method, so that closures capture the whole (Send)
    /// wrapper rather than its raw pointer field.
    fn at(self, offset: usize) -> *mut f32 {
        self.0.wrapping_add(offset)
    }
}

impl BatchAttention<'_> {
    fn run(&self, qkv: &[f32], hidden: usize) -> Vec<f32> {
        let (width, heads) = (self.width, self.heads);
        let head_dim = hidden / heads;
        let stride = 3 * hidden;
        let mut out = vec![0f32; self.lengths.len() * width * hidden];
        let output = Output(out.as_mut_ptr());
        (0..self.lengths.len() * heads)
            .into_par_iter()
            .for_each(|task| {
                let (row, head) = (task / heads, task % heads);
                let len = self.lengths[row].min(width);
                if len == 0 {
                    return;
                }
                let first = row * width * stride + head * head_dim;
                let (q, k, v) = (
                    &qkv[first..],
                    &qkv[first + hidden..],
                    &qkv[first + 2 * hidden..],
                );
                let mut scores = vec![0f32; len * len];
                // Safety: reads `len` rows of `head_dim` values of q and k at row stride
                // `stride`, all inside `qkv` (checked by the caller's shape), and writes the
                // `len x len` scores.
                unsafe {
                    // k transposed: element (d, j) is k[j * stride + d].
                    let k_transposed = Strided::new(k, stride, 1);
                    product(
                        (len, len, head_dim),
                        scores.as_mut_ptr(),
                        len,
                        Strided::new(q, 1, stride),
                        k_transposed,
                    );
                }
                vectorized(
                    #[inline(always)]
                    || {
                        for row in scores.chunks_exact_mut(len) {
                            let top = max(row);
                            for s in row.iter_mut() {
                                *s = exp(*s - top);
                            }
                            let inv = 1.0 / sum(row);
                            for s in row.iter_mut() {
                                *s *= inv;
                            }
                        }
                    },
                );
                // Safety: the context of this (sequence, head) goes to rows `row * width ..
                // row * width + len` and columns `head * head_dim ..` of `out`: no other task
                // writes them, and they lie inside `out`, which outlives the tasks.
                unsafe {
                    product(
                        (len, head_dim, len),
                        output.at(row * width * hidden + head * head_dim),
                        hidden,
                        Strided::new(&scores, 1, len),
                        Strided::new(v, 1, stride),
                    );
                }
            });
        out
    }
}

/// A matrix read in place: its first value and the steps between columns and rows.
#[derive(Clone, Copy)]
struct Strided {
    first: *const f32,
    column_step: isize,
    row_step: isize,
}

impl Strided {
    fn new(values: &[f32], column_step: usize, row_step: usize) -> Self {
        Self {
            first: values.as_ptr(),
            column_step: column_step as isize,
            row_step: row_step as isize,
        }
    }
}

/// `out = lhs x rhs` for `(rows, columns, depth)`, on this thread (the tasks are the
/// parallelism), `out` row-major with `out_row_step` between rows.
///
/// # Safety
/// Every value the shapes and steps reach must lie inside the slices `lhs` and `rhs` came
/// from, and `out`'s cells must be writable and written by no one else meanwhile.
unsafe fn product(
    (rows, columns, depth): (usize, usize, usize),
    out: *mut f32,
    out_row_step: usize,
    lhs: Strided,
    rhs: Strided,
) {
    gemm(
        rows,
        columns,
        depth,
        out,
        1,
        out_row_step as isize,
        false,
        lhs.first,
        lhs.column_step,
        lhs.row_step,
        rhs.first,
        rhs.column_step,
        rhs.row_step,
        0.0,
        1.0,
        false,
        false,
        false,
        Parallelism::None,
    );
}

impl CustomOp1 for BatchAttention<'_> {
    fn name(&self) -> &'static str {
        "batch-attention"
    }

    fn cpu_fwd(
        &self,
        storage: &CpuStorage,
        layout: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let fail = |m: String| candle_core::Error::Msg(format!("{}: {m}", self.name()));
        let (tokens, stacked) = layout.shape().dims2()?;
        let (start, end) = layout
            .contiguous_offsets()
            .ok_or_else(|| fail("needs a contiguous tensor".into()))?;
        let CpuStorage::F32(data) = storage else {
            return Err(fail("needs f32".into()));
        };
        if stacked % 3 != 0 || (stacked / 3) % self.heads != 0 {
            return Err(fail(format!(
                "{stacked} columns are not 3 x {} heads",
                self.heads
            )));
        }
        if tokens != self.lengths.len() * self.width {
            return Err(fail(format!(
                "{tokens} tokens, not {} sequences of {}",
                self.lengths.len(),
                self.width
            )));
        }
        let hidden = stacked / 3;
        let out = self.run(&data[start..end], hidden);
        Ok((CpuStorage::F32(out), Shape::from((tokens, hidden))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attention of one (sequence, head) in f64, softmax over the sequence's own tokens.
    #[allow(clippy::too_many_arguments)]
    fn reference(
        qkv: &[f32],
        row: usize,
        head: usize,
        len: usize,
        width: usize,
        hidden: usize,
        head_dim: usize,
    ) -> Vec<Vec<f64>> {
        let at = |token: usize, part: usize, d: usize| {
            qkv[(row * width + token) * 3 * hidden + part * hidden + head * head_dim + d] as f64
        };
        (0..len)
            .map(|i| {
                let scores: Vec<f64> = (0..len)
                    .map(|j| (0..head_dim).map(|d| at(i, 0, d) * at(j, 1, d)).sum())
                    .collect();
                let top = scores.iter().cloned().fold(f64::MIN, f64::max);
                let weights: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                let total: f64 = weights.iter().sum();
                (0..head_dim)
                    .map(|d| (0..len).map(|j| weights[j] / total * at(j, 2, d)).sum())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn matches_plain_attention_and_zeroes_padding() {
        let (heads, head_dim, width) = (3, 5, 7);
        let hidden = heads * head_dim;
        let lengths = [7, 2, 5, 1];
        let qkv: Vec<f32> = (0..lengths.len() * width * 3 * hidden)
            .map(|i| ((i * 7919 % 997) as f32 / 997.0 - 0.5) * 4.0)
            .collect();
        let out = BatchAttention {
            lengths: &lengths,
            width,
            heads,
        }
        .run(&qkv, hidden);
        for (row, &len) in lengths.iter().enumerate() {
            for head in 0..heads {
                let want = reference(&qkv, row, head, len, width, hidden, head_dim);
                for token in 0..width {
                    for d in 0..head_dim {
                        let got = out[(row * width + token) * hidden + head * head_dim + d] as f64;
                        let want = if token < len { want[token][d] } else { 0.0 };
                        assert!(
                            (got - want).abs() < 1e-5,
                            "sequence {row} head {head} token {token} dim {d}: {got} vs {want}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_sequence_gets_the_same_bits_alone_or_padded_in_a_batch() {
        let (heads, head_dim) = (2, 4);
        let hidden = heads * head_dim;
        let len = 3;
        let alone: Vec<f32> = (0..len * 3 * hidden)
            .map(|i| (i as f32 * 0.37).sin())
            .collect();
        // The same sequence second in a batch of width 6, after a full one.
        let width = 6;
        let mut batch = vec![0.5f32; 2 * width * 3 * hidden];
        batch[width * 3 * hidden..width * 3 * hidden + alone.len()].copy_from_slice(&alone);
        let one = BatchAttention {
            lengths: &[len],
            width: len,
            heads,
        }
        .run(&alone, hidden);
        let two = BatchAttention {
            lengths: &[width, len],
            width,
            heads,
        }
        .run(&batch, hidden);
        assert_eq!(one[..], two[width * hidden..width * hidden + len * hidden]);
    }
}
