//! int8 linear layers (`--quantize int8`): weights quantized per output channel at load,
//! activations per row (per token) on the fly, multiplied on the CPU's integer
//! dot-product units, accumulated in i32 and scaled back to f32.
//!
//! The GEMM is rten-gemm's `u8 x i8 -> i32` (a maintained pure-Rust crate, stable Rust):
//! it packs the weight once at load and dispatches at run time to AVX-512 VNNI
//! (`vpdpbusd`, 64 int8 products per instruction), AVX-512BW or AVX2 (`vpmaddubsw`), or
//! a portable kernel. At e5-small's shapes on a 2-core AVX-512 VNNI machine the whole
//! product, quantization and rescale included, runs 2.0-3.1x the f32 one at 768 tokens
//! (`cargo bench --bench int8`). Written here: the per-row activation quantization and the
//! rescale (with the bias, or bias and GELU, that the f32 path runs as a separate kernel:
//! [`Epilogue`]), which are specific to this encoder, vectorised through the same
//! run-time dispatch as the other fused kernels ([`super::kernels`]).
//!
//! Activations are asymmetric `u8` (a zero point per row), because what enters a linear
//! layer is often one-sided (GELU outputs sit in `[-0.17, inf)`), and `vpdpbusd` takes an
//! unsigned left operand anyway. Weights are symmetric `i8`. `vpmaddubsw` (the kernels
//! without VNNI) adds two `u8 x i8` products into an i16 and saturates; there the weights
//! are limited to 7 bits (`[-63, 63]`) so that no pair can overflow (`2 x 255 x 63 <
//! 32767`), as ONNX Runtime's `reduce_range` does. Every integer sum is exact and each row
//! is quantized alone, so a row's product depends neither on the thread count nor on the
//! other rows.

use super::kernels::{gelu, vectorized, ROWS_PER_TASK};
use rayon::prelude::*;
use rten_gemm::{GemmExecutor, GemmInputA, GemmInputB, GemmUninitOptions, PackedBMatrix};
use rten_tensor::NdTensorView;

thread_local! {
    /// The int8 GEMM, chosen for this CPU. One per thread because rten-gemm's executor is
    /// not `Send`; every thread picks the same kernel, so a weight packed on one thread is
    /// valid on all (rten-gemm checks the kernel's name when it reads a packed matrix).
    static EXECUTOR: GemmExecutor<u8, i8, i32> = GemmExecutor::default();
}

/// Runs `f` with this thread's int8 GEMM.
fn with_executor<R>(f: impl FnOnce(&GemmExecutor<u8, i8, i32>) -> R) -> R {
    EXECUTOR.with(f)
}

/// Which int8 kernel runs on this CPU (what `silica bench` reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int8Kernel {
    /// AVX-512 VNNI: `vpdpbusd`, four `u8 x i8` products summed into i32 per lane.
    Avx512Vnni,
    /// AVX-512BW without VNNI: `vpmaddubsw` + `vpmaddwd`; 7-bit weights.
    Avx512Bw,
    /// AVX2: `vpmaddubsw` + `vpmaddwd` on 256-bit vectors; 7-bit weights.
    Avx2,
    /// Another CPU's SIMD kernel (Arm dot product, i8mm, WebAssembly).
    OtherSimd,
    /// Plain Rust, for CPUs with none of the above.
    Portable,
}

impl Int8Kernel {
    /// The kernel the executor picked, from its name and whether it can saturate.
    pub fn detect() -> Self {
        with_executor(|ex| {
            let name = ex.kernel_name();
            if name.contains("avx512") {
                if ex.may_saturate() {
                    Self::Avx512Bw
                } else {
                    Self::Avx512Vnni
                }
            } else if name.contains("avx2") || name.contains("fma") {
                Self::Avx2
            } else if name.contains("generic") {
                Self::Portable
            } else {
                Self::OtherSimd
            }
        })
    }

    /// The largest weight magnitude this kernel multiplies without overflow.
    pub fn weight_limit(self) -> i8 {
        if with_executor(|ex| ex.may_saturate()) {
            63
        } else {
            127
        }
    }
}

impl std::fmt::Display for Int8Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Self::Avx512Vnni => "avx512-vnni",
            Self::Avx512Bw => "avx512bw",
            Self::Avx2 => "avx2",
            Self::OtherSimd => "simd",
            Self::Portable => "portable",
        };
        with_executor(|ex| write!(f, "{name} ({})", ex.kernel_name()))
    }
}

/// A linear layer's weight `[out, in]` quantized to i8 per output channel and packed for
/// the GEMM.
pub struct Int8Weight {
    packed: PackedBMatrix<i8>,
    /// Per output channel: the f32 value of one weight step.
    scales: Vec<f32>,
    /// Per output channel: the sum of its quantized weights, for the activations' zero
    /// points (`sum (a - z) w = sum a w - z sum w`).
    sums: Vec<i32>,
    inputs: usize,
}

impl Int8Weight {
    /// Quantizes `weight`, row-major `[outputs, inputs]` (the file's layout).
    pub fn quantize(weight: &[f32], outputs: usize, inputs: usize) -> Self {
        Self::quantize_within(weight, outputs, inputs, Int8Kernel::detect().weight_limit())
    }

    /// [`Self::quantize`] to `[-limit, limit]`: 127, or 63 where the kernel could saturate
    /// (tested here on every CPU, whichever kernel it has).
    fn quantize_within(weight: &[f32], outputs: usize, inputs: usize, limit: i8) -> Self {
        assert_eq!(
            weight.len(),
            outputs * inputs,
            "weight is not outputs x inputs"
        );
        let limit = f32::from(limit);
        let mut scales = Vec::with_capacity(outputs);
        let mut sums = Vec::with_capacity(outputs);
        let mut values = vec![0i8; outputs * inputs];
        for (row, out) in weight
            .chunks_exact(inputs)
            .zip(values.chunks_exact_mut(inputs))
        {
            let top = row.iter().fold(0f32, |m, v| m.max(v.abs()));
            let scale = if top > 0.0 { top / limit } else { 1.0 };
            let inv = 1.0 / scale;
            for (q, v) in out.iter_mut().zip(row) {
                *q = (v * inv).round_ties_even().clamp(-limit, limit) as i8;
            }
            scales.push(scale);
            sums.push(out.iter().map(|&q| i32::from(q)).sum());
        }
        // The GEMM's right operand is `[inputs, outputs]`: the quantized weight read
        // through transposed strides; packing copies it into the kernel's layout once.
        let b = NdTensorView::from_data_with_strides([inputs, outputs], &values[..], [1, inputs])
            .expect("strides cover the weight");
        Self {
            packed: with_executor(|ex| ex.prepack_b(b)),
            scales,
            sums,
            inputs,
        }
    }

    pub fn outputs(&self) -> usize {
        self.scales.len()
    }

    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// `x W^T` for `x` row-major `[rows, inputs]`: row-major `[rows, outputs]`.
    pub fn forward(&self, x: &[f32]) -> Result<Vec<f32>, rten_gemm::GemmError> {
        self.forward_then(x, Epilogue::None)
    }

    /// [`Self::forward`], then `epilogue` applied in the same pass that turns the integer
    /// sums into f32 (one pass over the output instead of two).
    pub(crate) fn forward_then(
        &self,
        x: &[f32],
        epilogue: Epilogue<'_>,
    ) -> Result<Vec<f32>, rten_gemm::GemmError> {
        let (inputs, outputs) = (self.inputs, self.outputs());
        assert_eq!(x.len() % inputs, 0, "x is not rows x inputs");
        let rows = x.len() / inputs;
        let len = rows * outputs;
        if len == 0 {
            return Ok(Vec::new());
        }
        if let Epilogue::Bias(b) | Epilogue::BiasGelu(b) = epilogue {
            assert_eq!(b.len(), outputs, "one bias per output");
        }
        let a = QuantizedRows::quantize(x, inputs);
        let mut sums: Vec<i32> = Vec::with_capacity(len);
        with_executor(|ex| {
            ex.gemm_uninit(
                &mut sums.spare_capacity_mut()[..len],
                GemmInputA::Unpacked(NdTensorView::from_data([rows, inputs], &a.values[..])),
                GemmInputB::Packed(&self.packed),
                // The zero points are applied in `rescale`, not by the GEMM: rten-gemm
                // 0.27 applies per-row zero points of the left operand only to its first
                // tile of rows (wrong sums from row 8 on, found by the tests below).
                GemmUninitOptions::default(),
            )
            .map(|_| ())
        })?;
        // Safety: `gemm_uninit` returned Ok, having written all `len` elements (its
        // contract; it writes the whole output slice). Not zeroing the buffer first saves a
        // pass over the output (2% of a forward pass, measured).
        unsafe { sums.set_len(len) };
        // The i32 sums become f32 values in place (same size and alignment).
        let mut out: Vec<f32> = bytemuck::allocation::cast_vec(sums);
        rescale(&mut out, &a, &self.scales, &self.sums, epilogue);
        a.recycle();
        Ok(out)
    }
}

/// A product and its epilogue, as a candle op on `[rows, inputs]` CPU tensors, so that the
/// encoder keeps its tensors and the fused kernels after it run unchanged.
pub struct Int8Product<'a> {
    pub weight: &'a Int8Weight,
    pub epilogue: Epilogue<'a>,
}

impl candle_core::CustomOp1 for Int8Product<'_> {
    fn name(&self) -> &'static str {
        "int8-linear"
    }

    fn cpu_fwd(
        &self,
        storage: &candle_core::CpuStorage,
        layout: &candle_core::Layout,
    ) -> candle_core::Result<(candle_core::CpuStorage, candle_core::Shape)> {
        let (start, end) = layout.contiguous_offsets().ok_or_else(|| {
            candle_core::Error::Msg("int8-linear: needs a contiguous tensor".into())
        })?;
        let candle_core::CpuStorage::F32(data) = storage else {
            return Err(candle_core::Error::Msg(
                "int8-linear: needs an f32 tensor".into(),
            ));
        };
        let (rows, inputs) = layout.shape().dims2()?;
        let w = self.weight;
        if inputs != w.inputs {
            return Err(candle_core::Error::Msg(format!(
                "int8-linear: {inputs} inputs, the weight takes {}",
                w.inputs
            )));
        }
        let out = w
            .forward_then(&data[start..end], self.epilogue)
            .map_err(|e| candle_core::Error::Msg(format!("int8-linear: {e}")))?;
        Ok((
            candle_core::CpuStorage::F32(out),
            (rows, w.outputs()).into(),
        ))
    }
}

/// What the rescale pass does after turning a sum into f32: the step the f32 path runs
/// as a separate in-place kernel after its product (`model/kernels.rs`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Epilogue<'a> {
    None,
    /// `+ bias[c]`.
    Bias(&'a [f32]),
    /// `gelu(v + bias[c])`, BERT's exact (erf) GELU.
    BiasGelu(&'a [f32]),
}

/// Activations quantized to u8 per row: `x ≈ (q - zero_point) * scale`.
struct QuantizedRows {
    values: Vec<u8>,
    scales: Vec<f32>,
    zero_points: Vec<u8>,
}

impl QuantizedRows {
    /// Each row's range `[min(x, 0), max(x, 0)]` mapped onto `0..=255`, zero exactly
    /// representable (padding and ReLU-like zeros stay zero).
    fn quantize(x: &[f32], width: usize) -> Self {
        let rows = x.len() / width;
        // The last product's buffer, when this thread has one: a fresh one per product
        // cost page faults and zeroing. Taken, not borrowed, so that a nested product on
        // this thread (rayon runs other tasks while it waits) simply gets a new one.
        let mut values = SCRATCH.take();
        values.resize(x.len(), 0);
        let mut scales = vec![0f32; rows];
        let mut zero_points = vec![0u8; rows];
        values
            .par_chunks_mut(width * ROWS_PER_TASK)
            .zip(scales.par_chunks_mut(ROWS_PER_TASK))
            .zip(zero_points.par_chunks_mut(ROWS_PER_TASK))
            .zip(x.par_chunks(width * ROWS_PER_TASK))
            .for_each(|(((q, scales), zeros), x)| {
                vectorized(
                    #[inline(always)]
                    || {
                        for (((q, x), scale), zero) in q
                            .chunks_exact_mut(width)
                            .zip(x.chunks_exact(width))
                            .zip(scales.iter_mut())
                            .zip(zeros.iter_mut())
                        {
                            (*scale, *zero) = quantize_row(x, q);
                        }
                    },
                )
            });
        Self {
            values,
            scales,
            zero_points,
        }
    }

    /// Hands the values' buffer back for this thread's next product.
    fn recycle(self) {
        SCRATCH.set(self.values);
    }
}

thread_local! {
    /// The quantized activations' buffer, reused from one product to the next.
    static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Quantizes one row into `q`; returns its scale and zero point. Written so that the
/// compiler vectorises it (lane-wise minimum and maximum, rounding by the `1.5 * 2^23`
/// trick instead of a per-value `round` and float-to-int conversion): with `f32::min`,
/// `round_ties_even` and `as u8` it took 15% of an int8 forward pass, half the GEMM's time.
#[inline(always)]
fn quantize_row(x: &[f32], q: &mut [u8]) -> (f32, u8) {
    const LANES: usize = 16;
    let (mut lo, mut hi) = ([0f32; LANES], [0f32; LANES]);
    let chunks = x.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for ((l, h), &v) in lo.iter_mut().zip(hi.iter_mut()).zip(c) {
            *l = if v < *l { v } else { *l };
            *h = if v > *h { v } else { *h };
        }
    }
    let lo = lo
        .iter()
        .chain(tail)
        .fold(0f32, |m, &v| if v < m { v } else { m });
    let hi = hi
        .iter()
        .chain(tail)
        .fold(0f32, |m, &v| if v > m { v } else { m });
    if hi <= lo {
        q.fill(0);
        return (1.0, 0);
    }
    let scale = (hi - lo) / 255.0;
    let inv = 1.0 / scale;
    // Adding 1.5 * 2^23 rounds a value in [0, 2^22) to the nearest integer (ties to even)
    // and leaves that integer in the low mantissa bits.
    const ROUND: f32 = 12_582_912.0;
    let zero = (((-lo * inv).min(255.0) + ROUND).to_bits() & 0xFF) as u8;
    let shift = f32::from(zero);
    for (q, &v) in q.iter_mut().zip(x) {
        let y = v * inv + shift;
        let y = y.clamp(0.0, 255.0);
        *q = ((y + ROUND).to_bits() & 0xFF) as u8;
    }
    (scale, zero)
}

/// `out[r][c] = epilogue((s - zero[r] * weight_sums[c]) * scale[r] * col_scales[c])`, in
/// place, `s` being the i32 sum `out[r][c]` holds (the GEMM's `sum a w` on the u8 values).
fn rescale(
    out: &mut [f32],
    rows: &QuantizedRows,
    col_scales: &[f32],
    weight_sums: &[i32],
    epilogue: Epilogue<'_>,
) {
    let width = col_scales.len();
    out.par_chunks_mut(width * ROWS_PER_TASK)
        .zip(rows.scales.par_chunks(ROWS_PER_TASK))
        .zip(rows.zero_points.par_chunks(ROWS_PER_TASK))
        .for_each(|((out, scales), zeros)| {
            vectorized(
                #[inline(always)]
                || {
                    for ((row, &rs), &zero) in out.chunks_exact_mut(width).zip(scales).zip(zeros) {
                        let zero = i32::from(zero);
                        let value = |v: &f32, cs: f32, ws: i32| {
                            let sum = (v.to_bits() as i32).wrapping_sub(zero * ws);
                            sum as f32 * (rs * cs)
                        };
                        let cols = row.iter_mut().zip(col_scales).zip(weight_sums);
                        match epilogue {
                            Epilogue::None => {
                                for ((v, &cs), &ws) in cols {
                                    *v = value(v, cs, ws);
                                }
                            }
                            Epilogue::Bias(bias) => {
                                for (((v, &cs), &ws), &b) in cols.zip(bias) {
                                    *v = value(v, cs, ws) + b;
                                }
                            }
                            Epilogue::BiasGelu(bias) => {
                                for (((v, &cs), &ws), &b) in cols.zip(bias) {
                                    *v = gelu(value(v, cs, ws) + b);
                                }
                            }
                        }
                    }
                },
            )
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_quantizes_within_half_a_step_and_keeps_zero_exact() {
        let x = [-0.17f32, 0.0, 0.5, 3.0, -0.01, 1e-4];
        let mut q = [0u8; 6];
        let (scale, zero) = quantize_row(&x, &mut q);
        assert_eq!(q[1], zero, "zero maps to the zero point");
        for (&v, &q) in x.iter().zip(&q) {
            let back = (f32::from(q) - f32::from(zero)) * scale;
            assert!(
                (back - v).abs() <= 0.5 * scale + 1e-6,
                "{v} came back as {back}"
            );
        }
    }

    /// Deterministic values in [-1, 1) (xorshift), some rows one-sided like GELU outputs.
    fn values(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 40) as f32 / (1u64 << 23) as f32 - 1.0
            })
            .collect()
    }

    fn f32_product(x: &[f32], w: &[f32], inputs: usize) -> Vec<f32> {
        x.chunks_exact(inputs)
            .flat_map(|row| {
                w.chunks_exact(inputs)
                    .map(move |wr| row.iter().zip(wr).map(|(a, b)| a * b).sum::<f32>())
            })
            .collect()
    }

    #[test]
    fn small_product_matches_f32() {
        let (rows, inputs, outputs) = (3, 8, 5);
        let x = values(rows * inputs, 1);
        let w = values(outputs * inputs, 2);
        let weight = Int8Weight::quantize(&w, outputs, inputs);
        let out = weight.forward(&x).unwrap();
        let want = f32_product(&x, &w, inputs);
        for (g, e) in out.iter().zip(&want) {
            assert!((g - e).abs() < 0.05, "{out:?}\n{want:?}");
        }
    }

    #[test]
    fn products_at_odd_and_model_shapes_match_f32() {
        for (i, &(rows, inputs, outputs)) in [
            (1, 1, 1),
            (17, 33, 7),
            (40, 384, 1152),
            (5, 1536, 384),
            (130, 100, 65),
        ]
        .iter()
        .enumerate()
        {
            let x = values(rows * inputs, 10 + i as u64);
            let w = values(outputs * inputs, 20 + i as u64);
            let weight = Int8Weight::quantize(&w, outputs, inputs);
            let out = weight.forward(&x).unwrap();
            let want = f32_product(&x, &w, inputs);
            // Each product's error is at most half a step of each operand; the sum of
            // `inputs` of them grows like its square root for independent errors.
            let tolerance = 0.02 * (inputs as f32).sqrt();
            for (j, (g, e)) in out.iter().zip(&want).enumerate() {
                assert!(
                    (g - e).abs() < tolerance,
                    "{rows}x{inputs}x{outputs}: value {j}: {g} vs {e}"
                );
            }
        }
    }

    /// Largest difference between the int8 product and the f32 one, relative to the
    /// largest f32 value (so that the bound does not depend on the inputs' scale).
    fn relative_error(rows: usize, inputs: usize, outputs: usize, limit: i8, seed: u64) -> f32 {
        let x = values(rows * inputs, seed);
        let w = values(outputs * inputs, seed ^ 0xABCD);
        let out = Int8Weight::quantize_within(&w, outputs, inputs, limit)
            .forward(&x)
            .unwrap();
        let want = f32_product(&x, &w, inputs);
        let top = want.iter().fold(1e-3f32, |m, v| m.max(v.abs()));
        out.iter()
            .zip(&want)
            .fold(0f32, |m, (g, e)| m.max((g - e).abs() / top))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Random shapes, odd ones included, with 8-bit and 7-bit weights: the product
        /// stays within a few quantization steps of f32.
        #[test]
        fn random_shapes_match_f32(
            rows in 1usize..40,
            inputs in 1usize..300,
            outputs in 1usize..90,
            seed in 0u64..1_000_000,
        ) {
            let e8 = relative_error(rows, inputs, outputs, 127, seed);
            proptest::prop_assert!(e8 < 0.05, "8-bit: {e8}");
            let e7 = relative_error(rows, inputs, outputs, 63, seed);
            proptest::prop_assert!(e7 < 0.08, "7-bit: {e7}");
        }
    }

    #[test]
    fn the_epilogues_equal_the_separate_steps() {
        let (rows, inputs, outputs) = (21, 64, 48);
        let x = values(rows * inputs, 7);
        let w = values(outputs * inputs, 8);
        let bias = values(outputs, 9);
        let weight = Int8Weight::quantize(&w, outputs, inputs);
        let plain = weight.forward(&x).unwrap();
        let biased = weight.forward_then(&x, Epilogue::Bias(&bias)).unwrap();
        let gelu_out = weight.forward_then(&x, Epilogue::BiasGelu(&bias)).unwrap();
        for (i, p) in plain.iter().enumerate() {
            let b = bias[i % outputs];
            assert!((biased[i] - (p + b)).abs() < 1e-6, "bias at {i}");
            assert!((gelu_out[i] - gelu(p + b)).abs() < 1e-6, "gelu at {i}");
        }
    }

    #[test]
    fn an_all_zero_row_quantizes_to_zeros() {
        let mut q = [7u8; 4];
        assert_eq!(quantize_row(&[0.0; 4], &mut q), (1.0, 0));
        assert_eq!(q, [0; 4]);
    }
}
