//! The linear layers' product at the shapes e5-small and MiniLM use (hidden 384, inner
//! 1536, query-key-value 1152), f32 against int8, and bf16 where candle runs it:
//!
//! - `f32`: candle's matmul of `[tokens, in]` by the contiguous `W^T` (the encoder's f32 path,
//!   gemm's AVX-512 kernels);
//! - `int8`: [`Int8Weight::forward`], everything included: the activations' per-row
//!   quantization, rten-gemm's u8 x i8 -> i32 product, and the rescale to f32;
//! - `bf16`: candle's matmul with both operands in bf16 (what a bf16 path would run).
//!
//! Throughput is in operations (2 per multiply-add), so criterion's "elem/s" reads as
//! OP/s: GFLOP/s for f32 and bf16, GOP/s for int8. Rows: 768 tokens (the CPU's default batch
//! budget) and 19 (one short query).
//!
//!     cargo bench --bench int8
//!
//! Threads: one per core, or RAYON_NUM_THREADS. The `peak` group measures what the CPU's
//! int8 and f32 vector units can do at most (register-only loops), to read the products
//! against.

use candle_core::{DType, Device, Tensor};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use silica::model::{Int8Kernel, Int8Weight};
use std::time::Duration;

/// `(inputs, outputs)` of each linear layer in a BERT layer of hidden size 384.
const LAYERS: [(&str, usize, usize); 4] = [
    ("qkv", 384, 1152),
    ("attention-out", 384, 384),
    ("up", 384, 1536),
    ("down", 1536, 384),
];

/// Deterministic values in [-1, 1).
fn values(n: usize, seed: u64) -> Vec<f32> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    (0..n)
        .map(|_| (rng.next_u32() >> 8) as f32 / (1u32 << 23) as f32 - 1.0)
        .collect()
}

fn products(c: &mut Criterion) {
    eprintln!("int8 kernel: {}", Int8Kernel::detect());
    let mut group = c.benchmark_group("linear");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut bf16_failed = false;
    for rows in [768usize, 19] {
        for (i, &(name, inputs, outputs)) in LAYERS.iter().enumerate() {
            let x = values(rows * inputs, 1 + i as u64);
            let w = values(outputs * inputs, 100 + i as u64);
            group.throughput(Throughput::Elements(2 * (rows * inputs * outputs) as u64));
            let id = format!("{name}/{rows}x{inputs}x{outputs}");

            let xt = Tensor::from_slice(&x, (rows, inputs), &Device::Cpu).unwrap();
            let wt = Tensor::from_slice(&w, (outputs, inputs), &Device::Cpu)
                .unwrap()
                .t()
                .unwrap()
                .contiguous()
                .unwrap();
            group.bench_function(BenchmarkId::new("f32", &id), |b| {
                b.iter(|| xt.matmul(&wt).unwrap())
            });

            let q = Int8Weight::quantize(&w, outputs, inputs);
            group.bench_function(BenchmarkId::new("int8", &id), |b| {
                b.iter(|| q.forward(&x).unwrap())
            });

            let (xb, wb) = (
                xt.to_dtype(DType::BF16).unwrap(),
                wt.to_dtype(DType::BF16).unwrap(),
            );
            match xb.matmul(&wb) {
                Ok(_) => group.bench_function(BenchmarkId::new("bf16", &id), |b| {
                    b.iter(|| xb.matmul(&wb).unwrap())
                }),
                Err(e) if !bf16_failed => {
                    bf16_failed = true;
                    eprintln!("bf16 skipped: candle's CPU matmul refused it: {e}");
                    continue;
                }
                Err(_) => continue,
            };
        }
    }
    group.finish();
}

/// The machine's peak for each instruction the products run on: a loop of independent
/// `vpdpbusd` (int8, 64 multiply-adds each) or `vfmadd231ps` (f32, 16 each) on 512-bit
/// registers, 12 accumulators so that latency never stalls it, one loop per rayon thread.
/// Throughput in operations, as above.
#[cfg(target_arch = "x86_64")]
mod peak {
    use std::arch::x86_64::*;

    pub const ITERATIONS: u64 = 1 << 20;
    const CHAINS: usize = 12;

    #[target_feature(enable = "avx512f,avx512vnni")]
    pub fn vnni() -> i32 {
        // Opaque inputs, so that the compiler cannot fold the loop.
        let a = std::hint::black_box(_mm512_set1_epi8(3));
        let b = std::hint::black_box(_mm512_set1_epi8(-2));
        let mut acc = [_mm512_setzero_si512(); CHAINS];
        for _ in 0..ITERATIONS {
            for c in acc.iter_mut() {
                *c = _mm512_dpbusd_epi32(*c, a, b);
            }
        }
        acc.iter().map(|&c| _mm512_reduce_add_epi32(c)).sum()
    }

    #[target_feature(enable = "avx512f")]
    pub fn fma() -> f32 {
        let a = std::hint::black_box(_mm512_set1_ps(1.0001));
        let b = std::hint::black_box(_mm512_set1_ps(0.9999));
        let mut acc = [_mm512_setzero_ps(); CHAINS];
        for _ in 0..ITERATIONS {
            for c in acc.iter_mut() {
                *c = _mm512_fmadd_ps(a, b, *c);
            }
        }
        acc.iter().map(|&c| _mm512_reduce_add_ps(c)).sum()
    }

    /// Operations in one call of each loop, per thread.
    pub fn operations(per_instruction: u64) -> u64 {
        ITERATIONS * CHAINS as u64 * per_instruction * 2
    }
}

#[cfg(target_arch = "x86_64")]
fn peaks(c: &mut Criterion) {
    use rayon::prelude::*;
    let threads = rayon::current_num_threads() as u64;
    let mut group = c.benchmark_group("peak");
    group.sample_size(10);
    if is_x86_feature_detected!("avx512vnni") {
        group.throughput(Throughput::Elements(peak::operations(64) * threads));
        group.bench_function("vpdpbusd-zmm", |b| {
            // Safety: the CPU has AVX-512 VNNI (checked above).
            b.iter(|| {
                (0..threads)
                    .into_par_iter()
                    .map(|_| unsafe { peak::vnni() })
                    .sum::<i32>()
            })
        });
    }
    if is_x86_feature_detected!("avx512f") {
        group.throughput(Throughput::Elements(peak::operations(16) * threads));
        group.bench_function("vfmadd-zmm", |b| {
            // Safety: the CPU has AVX-512F (checked above).
            b.iter(|| {
                (0..threads)
                    .into_par_iter()
                    .map(|_| unsafe { peak::fma() })
                    .sum::<f32>()
            })
        });
    }
    group.finish();
}

#[cfg(not(target_arch = "x86_64"))]
fn peaks(_: &mut Criterion) {}

criterion_group!(benches, products, peaks);
criterion_main!(benches);
