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
//! Threads: one per core, or RAYON_NUM_THREADS.

use candle_core::{DType, Device, Tensor};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

criterion_group!(benches, products);
criterion_main!(benches);
