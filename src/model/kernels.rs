//! Fused CPU kernels for the encoder's element-wise work.
//!
//! Written by hand because candle has no fused CPU kernels for these steps: composed from
//! candle ops, "add the bias, then GELU" or "add the residual, then layer-norm" each take
//! two or three passes over the activations, a fresh buffer per pass (page faults on every
//! batch), a scalar `erf`/`expf` per element, and a separate pass to add the attention mask.
//! Here each step is one pass, in place, over rows in parallel (rayon), and the loops are
//! compiled for the CPU's widest vectors at run time (pulp's dispatch: AVX-512, AVX2 or
//! plain), so the compiler vectorises them. Every kernel works on one row at a time in a
//! fixed order, so results do not depend on the thread count.
//!
//! The approximations are checked against libm in the tests below and, end to end,
//! against sentence-transformers' vectors (tests/reference.rs).

use candle_core::{CpuStorage, InplaceOp1, InplaceOp2, Layout};
use rayon::prelude::*;

/// Rows handed to one rayon task: enough work to amortise scheduling.
pub(super) const ROWS_PER_TASK: usize = 16;

/// `e^x` for f32, within 2 ulp for x in [-87, 88] (clamped outside, where f32 saturates).
///
/// Range reduction `x = n ln2 + r`, |r| <= ln2/2, then a degree-7 Taylor polynomial for
/// `e^r` (truncation error below 3e-9 relative) and `2^n` built from the exponent bits.
#[inline(always)]
pub(crate) fn exp(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    // ln 2 split in two so that n * LN2_HI is exact for |n| < 2^9.
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let x = x.clamp(-87.0, 88.0);
    // Round to nearest by adding 1.5 * 2^23: the sum's low mantissa bits then hold n as an
    // integer, so neither a libm call nor a float-to-int conversion is needed (vectorises).
    const ROUND: f32 = 12_582_912.0;
    let t = x * LOG2_E + ROUND;
    let n = t - ROUND;
    let n_int = t.to_bits() as i32 - ROUND.to_bits() as i32;
    let r = (x - n * LN2_HI) - n * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r / 5040.0))))));
    let scale = f32::from_bits(((n_int + 127) as u32) << 23);
    p * scale
}

/// `erf(x)` within 6e-7 absolute (f32 rounding included): Abramowitz & Stegun 7.1.26 (max error 1.5e-7) on |x|,
/// with the sign restored.
#[inline(always)]
pub(crate) fn erf(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A1: f32 = 0.254_829_6;
    const A2: f32 = -0.284_496_74;
    const A3: f32 = 1.421_413_8;
    const A4: f32 = -1.453_152_1;
    const A5: f32 = 1.061_405_4;
    let a = x.abs();
    let t = 1.0 / (1.0 + P * a);
    let poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
    let y = 1.0 - poly * exp(-a * a);
    y.copysign(x)
}

/// The exact (erf) GELU of BERT: `x/2 (1 + erf(x/sqrt 2))`.
#[inline(always)]
pub(crate) fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// Lanes of the partial sums below: wide enough for AVX-512, so the additions vectorise
/// (a single running sum is one long chain of dependent additions).
const LANES: usize = 16;

/// The sum of `xs` in a fixed order (lane-wise, then the lanes), whatever the thread count.
#[inline(always)]
pub(super) fn sum(xs: &[f32]) -> f32 {
    let mut acc = [0f32; LANES];
    let chunks = xs.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for (a, v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    acc.iter().sum::<f32>() + tail.iter().sum::<f32>()
}

/// The largest value of `xs` (`-inf` when empty).
#[inline(always)]
pub(super) fn max(xs: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; LANES];
    let chunks = xs.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a = if v > *a { v } else { *a };
        }
    }
    acc.iter()
        .chain(tail)
        .fold(f32::NEG_INFINITY, |m, &v| if v > m { v } else { m })
}

/// Splits `data` into tasks of whole `width`-long rows for rayon; `run(first_row, rows)`
/// is called once per task. `run` must do its loop inside [`vectorized`].
fn par_rows(data: &mut [f32], width: usize, run: impl Fn(usize, &mut [f32]) + Sync + Send) {
    data.par_chunks_mut(width * ROWS_PER_TASK)
        .enumerate()
        .for_each(|(task, rows)| run(task * ROWS_PER_TASK, rows));
}

/// Runs `body` compiled for the widest vector extension this CPU has (AVX-512, AVX2+FMA,
/// or baseline), so that the compiler vectorises its loops. Everything `body` calls
/// must be `#[inline(always)]` for the extension to reach it.
#[inline(always)]
pub(super) fn vectorized<R>(body: impl FnOnce() -> R) -> R {
    pulp::Arch::new().dispatch(body)
}

/// `x[r] = gelu(x[r] + bias)` for every row `r`.
pub fn bias_gelu(x: &mut [f32], bias: &[f32]) {
    par_rows(x, bias.len(), |_, rows| {
        vectorized(
            #[inline(always)]
            || {
                for row in rows.chunks_exact_mut(bias.len()) {
                    for (v, b) in row.iter_mut().zip(bias) {
                        *v = gelu(*v + b);
                    }
                }
            },
        )
    });
}

/// `x[r] += bias` for every row `r`.
pub fn bias_add(x: &mut [f32], bias: &[f32]) {
    par_rows(x, bias.len(), |_, rows| {
        vectorized(
            #[inline(always)]
            || {
                for row in rows.chunks_exact_mut(bias.len()) {
                    for (v, b) in row.iter_mut().zip(bias) {
                        *v += b;
                    }
                }
            },
        )
    });
}

/// `x[r] = layer_norm(x[r] + bias + residual[r]) * gamma + beta` for every row `r`.
pub fn bias_residual_layer_norm(x: &mut [f32], residual: &[f32], norm: &LayerNormParams) {
    let width = norm.gamma.len();
    let inv_width = 1.0 / width as f32;
    par_rows(x, width, |first, rows| {
        vectorized(
            #[inline(always)]
            || {
                for (i, row) in rows.chunks_exact_mut(width).enumerate() {
                    let r = first + i;
                    let res = &residual[r * width..(r + 1) * width];
                    for ((v, b), s) in row.iter_mut().zip(&norm.bias).zip(res) {
                        *v += b + s;
                    }
                    let mean = sum(row) * inv_width;
                    for v in row.iter_mut() {
                        *v -= mean;
                    }
                    let mut squares = [0f32; LANES];
                    let chunks = row.chunks_exact(LANES);
                    let tail: f32 = chunks.remainder().iter().map(|v| v * v).sum();
                    for c in chunks {
                        for (a, v) in squares.iter_mut().zip(c) {
                            *a += v * v;
                        }
                    }
                    let var = squares.iter().sum::<f32>() + tail;
                    let inv_std = 1.0 / (var * inv_width + norm.eps).sqrt();
                    for ((v, g), b) in row.iter_mut().zip(&norm.gamma).zip(&norm.beta) {
                        *v = *v * inv_std * g + b;
                    }
                }
            },
        )
    });
}

/// The weights of a BERT layer norm and the bias of the linear layer before it.
#[derive(Debug, Clone)]
pub struct LayerNormParams {
    pub bias: Vec<f32>,
    pub gamma: Vec<f32>,
    pub beta: Vec<f32>,
    pub eps: f32,
}

/// The f32 slice of a contiguous CPU tensor's storage, or an error naming the kernel.
fn slice_mut<'a>(
    name: &str,
    storage: &'a mut CpuStorage,
    layout: &Layout,
) -> candle_core::Result<&'a mut [f32]> {
    let (start, end) = layout
        .contiguous_offsets()
        .ok_or_else(|| candle_core::Error::Msg(format!("{name}: needs a contiguous tensor")))?;
    match storage {
        CpuStorage::F32(data) => Ok(&mut data[start..end]),
        _ => Err(candle_core::Error::Msg(format!("{name}: needs f32"))),
    }
}

fn slice<'a>(
    name: &str,
    storage: &'a CpuStorage,
    layout: &Layout,
) -> candle_core::Result<&'a [f32]> {
    let (start, end) = layout
        .contiguous_offsets()
        .ok_or_else(|| candle_core::Error::Msg(format!("{name}: needs a contiguous tensor")))?;
    match storage {
        CpuStorage::F32(data) => Ok(&data[start..end]),
        _ => Err(candle_core::Error::Msg(format!("{name}: needs f32"))),
    }
}

/// In-place `gelu(x + bias)` as a candle op.
pub struct BiasGelu<'a>(pub &'a [f32]);

impl InplaceOp1 for BiasGelu<'_> {
    fn name(&self) -> &'static str {
        "bias-gelu"
    }
    fn cpu_fwd(&self, storage: &mut CpuStorage, layout: &Layout) -> candle_core::Result<()> {
        bias_gelu(slice_mut(self.name(), storage, layout)?, self.0);
        Ok(())
    }
}

/// In-place `x + bias` as a candle op.
pub struct BiasAdd<'a>(pub &'a [f32]);

impl InplaceOp1 for BiasAdd<'_> {
    fn name(&self) -> &'static str {
        "bias-add"
    }
    fn cpu_fwd(&self, storage: &mut CpuStorage, layout: &Layout) -> candle_core::Result<()> {
        bias_add(slice_mut(self.name(), storage, layout)?, self.0);
        Ok(())
    }
}

/// In-place `layer_norm(x + bias + residual)` as a candle op (the residual is the operand).
pub struct ResidualLayerNorm<'a>(pub &'a LayerNormParams);

impl InplaceOp2 for ResidualLayerNorm<'_> {
    fn name(&self) -> &'static str {
        "bias-residual-layer-norm"
    }
    fn cpu_fwd(
        &self,
        s1: &mut CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<()> {
        let residual = slice(self.name(), s2, l2)?;
        let x = slice_mut(self.name(), s1, l1)?;
        if residual.len() != x.len() {
            return Err(candle_core::Error::Msg(format!(
                "{}: residual has {} values, input {}",
                self.name(),
                residual.len(),
                x.len()
            )));
        }
        bias_residual_layer_norm(x, residual, self.0);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// erf from its Taylor series in f64 (|x| < 3) or its asymptotic complement.
    fn erf_f64(x: f64) -> f64 {
        if x.abs() > 3.0 {
            // erfc(3) is 2e-5; beyond, 1 - erf is below f32 resolution near 1.
            let ax = x.abs();
            let erfc = (-ax * ax).exp() / (ax * std::f64::consts::PI.sqrt())
                * (1.0 - 1.0 / (2.0 * ax * ax) + 3.0 / (4.0 * ax.powi(4)));
            return (1.0 - erfc).copysign(x);
        }
        let mut term = x;
        let mut sum = x;
        for n in 1..200 {
            term *= -x * x / n as f64;
            sum += term / (2 * n + 1) as f64;
        }
        sum * 2.0 / std::f64::consts::PI.sqrt()
    }

    #[test]
    fn exp_matches_libm() {
        let mut worst = 0f64;
        for i in -87_000..=88_000 {
            let x = i as f32 / 1000.0;
            let want = (x as f64).exp();
            let got = exp(x) as f64;
            worst = worst.max(((got - want) / want).abs());
        }
        assert!(worst < 5e-7, "worst relative error {worst}");
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(-1000.0) >= 0.0 && exp(-1000.0) < 1e-37);
    }

    #[test]
    fn erf_and_gelu_match_the_series() {
        let mut worst = 0f64;
        for i in -6_000..=6_000 {
            let x = i as f32 / 1000.0;
            worst = worst.max((erf(x) as f64 - erf_f64(x as f64)).abs());
        }
        assert!(worst < 6e-7, "worst absolute erf error {worst}");
        for i in -8_000..=8_000 {
            let x = i as f64 / 1000.0;
            let want = 0.5 * x * (1.0 + erf_f64(x / 2f64.sqrt()));
            assert!(
                (gelu(x as f32) as f64 - want).abs() < 1e-6 * (1.0 + x.abs()),
                "gelu({x})"
            );
        }
    }

    #[test]
    fn layer_norm_and_softmax_match_plain_formulas() {
        let width = 5;
        let x0: Vec<f32> = (0..20).map(|i| ((i * 7 % 11) as f32 - 5.0) * 0.3).collect();
        let residual: Vec<f32> = (0..20).map(|i| (i as f32).sin()).collect();
        let params = LayerNormParams {
            bias: vec![0.1, -0.2, 0.3, 0.0, 0.5],
            gamma: vec![1.0, 2.0, 0.5, 1.5, -1.0],
            beta: vec![0.0, 0.1, 0.2, 0.3, 0.4],
            eps: 1e-12,
        };
        let mut x = x0.clone();
        bias_residual_layer_norm(&mut x, &residual, &params);
        for r in 0..4 {
            let v: Vec<f64> = (0..width)
                .map(|c| (x0[r * width + c] + params.bias[c] + residual[r * width + c]) as f64)
                .collect();
            let mean = v.iter().sum::<f64>() / width as f64;
            let var = v.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / width as f64;
            for c in 0..width {
                let want = (v[c] - mean) / (var + 1e-12).sqrt() * params.gamma[c] as f64
                    + params.beta[c] as f64;
                assert!((x[r * width + c] as f64 - want).abs() < 1e-5);
            }
        }
    }
}
