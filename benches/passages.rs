//! Reading and cutting a corpus, before any embedding: listing and reading 10,000 distinct
//! public documents (one .txt file each), cutting them into passages with the real
//! tokenizer, and both together as `silica passages` does them.
//!
//!     models/fetch && cargo bench --bench passages
//!
//! The corpus is `benches/corpus/make target/bench-corpus/docs10k 10000` (PIAF's 761
//! paragraphs and windows of STS-B sentences), written on first use; SILICA_BENCH_CORPUS
//! names another folder. Throughput is in documents. Threads: rayon's default (one per
//! core), or RAYON_NUM_THREADS.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use silica::corpus::{build_passages, read_inputs, PassageOptions, ReadOptions};
use silica::model::{Model, ModelLocator, ModelSpec, PromptChoice};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const DOCUMENTS: usize = 10_000;

/// The corpus folder, written by benches/corpus/make when it is missing.
fn corpus() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SILICA_BENCH_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus/docs10k");
    // Written beside the folder once it is whole (inside, it would be read as a document).
    let done = dir.with_extension("done");
    if done.is_file() {
        return Some(dir);
    }
    let made = Command::new("bash")
        .arg(root.join("benches/corpus/make"))
        .arg(&dir)
        .arg(DOCUMENTS.to_string())
        .status();
    match made {
        Ok(status) if status.success() => {
            std::fs::write(done, "").ok()?;
            Some(dir)
        }
        _ => {
            eprintln!(
                "skipping: benches/corpus/make could not write {}",
                dir.display()
            );
            None
        }
    }
}

fn bench_passages(c: &mut Criterion) {
    let Some(dir) = corpus() else { return };
    let locator = ModelLocator {
        models_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        offline: true,
    };
    let files = match locator.locate(&ModelSpec::parse("intfloat/multilingual-e5-small")) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("skipping: {e:#} (run models/fetch)");
            return;
        }
    };
    let (info, tokenizer) = Model::load_tokenizer(&files).expect("the tokenizer loads");
    let prefix = PromptChoice::Passage.prefix(&info.prompts).to_string();
    let counter = tokenizer.counter(&prefix);
    let options = PassageOptions::new(info.max_tokens);
    let read = ReadOptions::default();
    let inputs = vec![dir];
    let documents = read_inputs(&inputs, &read).expect("the corpus reads");
    let count = documents.len();

    let mut group = c.benchmark_group("passages");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function(format!("read {count} documents"), |b| {
        b.iter(|| read_inputs(&inputs, &read).unwrap().len())
    });
    group.bench_function(format!("cut {count} documents"), |b| {
        b.iter(|| {
            build_passages(documents.clone(), &options, &counter)
                .passages
                .len()
        })
    });
    group.bench_function(format!("read and cut {count} documents"), |b| {
        b.iter(|| {
            let documents = read_inputs(&inputs, &read).unwrap();
            build_passages(documents, &options, &counter).passages.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_passages);
criterion_main!(benches);
