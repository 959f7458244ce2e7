//! Exact top-10 search over 100,000 x 384 normalised vectors (the size of a large corpus
//! of passages for multilingual-e5-small), one query at a time and 16 at once.
//!
//!     cargo bench --bench search

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use silica::embed::Embeddings;
use silica::search::{top_k, top_k_many};

fn random_unit(n: usize, dim: usize, seed: u64) -> Embeddings {
    let mut s = seed | 1;
    let mut data = Vec::with_capacity(n * dim);
    for _ in 0..n {
        let v: Vec<f32> = (0..dim)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
            })
            .collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        data.extend(v.iter().map(|x| x / norm));
    }
    Embeddings { dim, data }
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("top10");
    for n in [10_000usize, 100_000] {
        let matrix = random_unit(n, 384, 1);
        let queries = random_unit(16, 384, 2);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("one_query", n), &n, |b, _| {
            b.iter(|| top_k(&matrix, queries.row(0), 10))
        });
        let rows: Vec<&[f32]> = queries.rows().collect();
        group.throughput(Throughput::Elements((n * rows.len()) as u64));
        group.bench_with_input(BenchmarkId::new("16_queries", n), &n, |b, _| {
            b.iter(|| top_k_many(&matrix, &rows, 10, |_, _| false))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search
}
criterion_main!(benches);
