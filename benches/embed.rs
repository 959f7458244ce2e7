//! The embedding hot path, stage by stage, with the real models from `models/`:
//! tokenization of a batch, the encoder's forward pass at batch sizes 1, 8, 32 and sequence
//! lengths 32, 128, 512, pooling + normalisation, the whole `Embedder` on the reference
//! passages, and k-means on 10,000 x 384. Throughput is in tokens (or texts, or vectors).
//!
//!     models/fetch && cargo bench --bench embed
//!
//! A model that is not provisioned is skipped with a message. Threads: candle's default
//! (one per core), or RAYON_NUM_THREADS.

use candle_core::Device;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use silica::cluster::{cluster, ClusterParams};
use silica::embed::{normalize, pool, BatchLimits, Embedder, Embeddings};
use silica::model::{
    Model, ModelLocator, ModelSpec, Pooling, PromptChoice, TokenBatch, WeightFormat,
};
use std::path::PathBuf;
use std::time::Duration;

const MODELS: [&str; 2] = ["multilingual-e5-small", "all-MiniLM-L6-v2"];

fn model_dir(name: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("SILICA_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("models"))
        .join(name);
    if dir.join("model.safetensors").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipping {name}: {} is not provisioned (run models/fetch)",
            dir.display()
        );
        None
    }
}

fn locator() -> ModelLocator {
    ModelLocator {
        models_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        offline: true,
    }
}

/// The reference passages (French news, 80 texts).
fn passages() -> Vec<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference/passages.jsonl");
    std::fs::read_to_string(path)
        .expect("tests/data/reference/passages.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect()
}

fn tokenization(c: &mut Criterion) {
    let texts = passages();
    for name in MODELS {
        let Some(dir) = model_dir(name) else { continue };
        let files = locator().locate(&ModelSpec::Dir(dir)).unwrap();
        let (_, tokenizer) = Model::load_tokenizer(&files).unwrap();
        let batch: Vec<String> = texts.iter().take(64).cloned().collect();
        let tokens: usize = tokenizer
            .encode_batch(&batch)
            .unwrap()
            .iter()
            .map(|e| e.ids.len())
            .sum();
        let mut group = c.benchmark_group(format!("tokenize/{name}"));
        group.throughput(Throughput::Elements(tokens as u64));
        group.bench_function("64_passages", |b| {
            b.iter(|| tokenizer.encode_batch(&batch).unwrap())
        });
        group.finish();
    }
}

fn forward(c: &mut Criterion) {
    let text = passages().join(" ");
    for name in MODELS {
        let Some(dir) = model_dir(name) else { continue };
        let files = locator().locate(&ModelSpec::Dir(dir)).unwrap();
        let model = Model::load(&files, &Device::Cpu, WeightFormat::F32).unwrap();
        let ids = model
            .tokenizer()
            .unwrap()
            .encode_batch(std::slice::from_ref(&text))
            .unwrap()[0]
            .ids
            .clone();
        let mut group = c.benchmark_group(format!("forward/{name}"));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        for seq in [32usize, 128, 512] {
            for rows in [1usize, 8, 32] {
                let mut batch_ids = Vec::with_capacity(rows * seq);
                for r in 0..rows {
                    batch_ids.extend(ids.iter().cycle().skip(r * 7).take(seq));
                }
                let batch = TokenBatch {
                    ids: batch_ids,
                    type_ids: vec![0; rows * seq],
                    lengths: vec![seq; rows],
                    width: seq,
                };
                group.throughput(Throughput::Elements((rows * seq) as u64));
                group.bench_with_input(
                    BenchmarkId::new(format!("seq{seq}"), format!("batch{rows}")),
                    &batch,
                    |b, batch| b.iter(|| model.encoder().unwrap().forward(batch).unwrap()),
                );
            }
        }
        group.finish();
    }
}

fn pooling(c: &mut Criterion) {
    let (rows, seq, hidden) = (32usize, 128usize, 384usize);
    let values: Vec<f32> = (0..rows * seq * hidden)
        .map(|i| ((i * 2654435761) % 1000) as f32 / 1000.0 - 0.5)
        .collect();
    let tensor = candle_core::Tensor::from_vec(values, (rows, seq, hidden), &Device::Cpu).unwrap();
    let lengths: Vec<usize> = (0..rows).map(|r| 16 + (r * 37) % (seq - 16)).collect();
    let mask: Vec<u32> = lengths
        .iter()
        .flat_map(|&len| (0..seq).map(move |i| u32::from(i < len)))
        .collect();
    let mask = candle_core::Tensor::from_vec(mask, (rows, seq), &Device::Cpu).unwrap();
    let mut group = c.benchmark_group("pool_normalize");
    group.throughput(Throughput::Elements((rows * seq) as u64));
    group.bench_function("mean_32x128x384", |b| {
        b.iter(|| normalize(&pool(&tensor, &mask, &lengths, Pooling::Mean).unwrap()).unwrap())
    });
    group.finish();
}

fn embedder(c: &mut Criterion) {
    let texts = passages();
    for name in MODELS {
        let Some(dir) = model_dir(name) else { continue };
        let embedder = Embedder::load(
            &ModelSpec::Dir(dir),
            &locator(),
            Device::Cpu,
            BatchLimits::for_device(&Device::Cpu),
        )
        .unwrap();
        let mut group = c.benchmark_group(format!("embedder/{name}"));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(15));
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.bench_function("reference_passages", |b| {
            b.iter(|| embedder.embed(&texts, &PromptChoice::Passage).unwrap())
        });
        group.finish();
    }
}

fn kmeans(c: &mut Criterion) {
    let (n, dim) = (10_000usize, 384usize);
    // Vectors around 20 random centres, so that k-means has real clusters to find.
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
    };
    let centres: Vec<Vec<f32>> = (0..20)
        .map(|_| (0..dim).map(|_| next()).collect())
        .collect();
    let mut data = Vec::with_capacity(n * dim);
    for i in 0..n {
        let v: Vec<f32> = centres[i % 20].iter().map(|c| c + 0.3 * next()).collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        data.extend(v.iter().map(|x| x / norm));
    }
    let vectors = Embeddings { dim, data };
    let mut group = c.benchmark_group("kmeans");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("10000x384_k20", |b| {
        b.iter(|| {
            cluster(
                &vectors,
                &ClusterParams::Kmeans {
                    k: Some(20),
                    seed: 42,
                    restarts: 10,
                },
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, tokenization, forward, pooling, embedder, kmeans);
criterion_main!(benches);
