//! The persistent index at scale, vectors in (the model is not involved). For each size,
//! vectors are written through the index's own tables (`index.sqlite`), graph
//! (`ann.usearch`) and vector file (`vectors.f32`), then searched through `IndexSearcher`
//! as `silica neighbors --index` does. Prints one Markdown row per size and query setting:
//! passages, build time (tables, graph), ef and candidates, p50/p99 query, recall@10
//! against exact search (200 queries), resident memory of the query path, bytes on disk.
//!
//!     SILICA_BENCH_VECTORS=real.npy cargo bench --bench index_scaling -- \
//!         10000 100000 1000000 --ef 64,128 --candidates 40,100
//!
//! With `SILICA_BENCH_VECTORS` (an f32 .npy of real embeddings, e.g. every STS-B sentence
//! embedded by `silica embed ... -o real.npy`, kept out of git), the base is those vectors,
//! then, past their count, real vectors plus Gaussian noise (sigma 0.025 per dimension,
//! about cosine 0.9 to the original), normalised; queries are 100 held-out real vectors and
//! 100 noisy copies of them (after 200 other noisy copies, untimed, as a warm-up). Without it, synthetic clusters (1,000 Gaussian centres, noise
//! 1.2 per dimension). `SILICA_BENCH_DIR` picks the folder of the temporary index.

use silica::index::{AnnParams, AnnQuery, IndexSearcher, IndexSettings, PassageIndex, SearchMode};
use std::time::Instant;

#[path = "data.rs"]
mod data;
use data::{around_real, one_passage_documents, read_npy, synthetic_settings, vectors, DIM};

fn rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmRSS"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

struct Sweep {
    ef: Vec<usize>,
    candidates: Vec<usize>,
    /// Graph settings (HNSW's M and ef_construction).
    ann: AnnParams,
}

fn run(n: usize, real: Option<&[Vec<f32>]>, sweep: &Sweep) {
    let temp =
        tempfile::tempdir_in(std::env::var("SILICA_BENCH_DIR").unwrap_or_else(|_| ".".into()))
            .unwrap();
    // SILICA_BENCH_INDEX=DIR keeps the index there, and a later run with the same DIR
    // reuses it (queries only).
    let kept = std::env::var("SILICA_BENCH_INDEX")
        .ok()
        .map(std::path::PathBuf::from);
    let dir_path = kept.clone().unwrap_or_else(|| temp.path().to_path_buf());
    let reuse = dir_path.join("ann.usearch").is_file();
    let settings = synthetic_settings(sweep.ann.clone());
    // Real vectors: the last 100 are held out as queries.
    // Warm-up queries (other noisy copies) page the mapped graph in before the timed ones,
    // as a process that has answered a few queries has it.
    let (data, queries, warm) = match real {
        Some(real) => {
            let (base, held) = real.split_at(real.len() - 100);
            let mut queries: Vec<f32> = held.iter().flatten().copied().collect();
            queries.extend(around_real(held, 100, 2, true));
            (
                around_real(base, n, 1, false),
                queries,
                around_real(held, 200, 3, true),
            )
        }
        None => (vectors(n, 1), vectors(200, 2), vectors(200, 3)),
    };
    let (tables_s, ann_s, disk) = if reuse {
        drop(data);
        let index = PassageIndex::open(&dir_path, true).unwrap();
        (0.0, 0.0, index.bytes_on_disk() as f64 / 1048576.0)
    } else {
        build(&dir_path, &settings, data, n)
    };
    let rows: Vec<&[f32]> = queries.chunks_exact(DIM).collect();
    let skip = vec![None; rows.len()];
    // Ground truth first (exact loads every vector), then the ANN path in a fresh state.
    let truth = {
        let index = PassageIndex::open(&dir_path, true).unwrap();
        let exact = IndexSearcher::new(&index, Some(SearchMode::Exact)).unwrap();
        exact.top_k(&rows, 10, &skip).unwrap()
    };
    for &ef in &sweep.ef {
        for &candidates in &sweep.candidates {
            let before = rss_mib();
            let index = PassageIndex::open(&dir_path, true).unwrap();
            let query = AnnQuery {
                ef: Some(ef),
                candidates: Some(candidates),
            };
            let ann =
                IndexSearcher::with_query(&index, Some(SearchMode::Ann), query, None).unwrap();
            for row in warm.chunks_exact(DIM) {
                ann.top_k(&[row], 10, &[None]).unwrap();
            }
            let mut latencies = Vec::new();
            let mut found = 0;
            for (q, row) in rows.iter().enumerate() {
                let t = Instant::now();
                let hits = ann.top_k(&[row], 10, &[None]).unwrap();
                latencies.push(t.elapsed().as_secs_f64() * 1e3);
                found += hits[0]
                    .iter()
                    .filter(|h| truth[q].iter().any(|e| e.key == h.key))
                    .count();
            }
            let rss = rss_mib() - before;
            latencies.sort_by(f64::total_cmp);
            println!(
                "| {n} | {tables_s:.1} s + {ann_s:.1} s | {ef} | {candidates} | {:.2} ms | {:.2} ms | {:.3} | {rss:.0} MiB | {disk:.0} MiB |",
                latencies[latencies.len() / 2],
                latencies[latencies.len() * 99 / 100],
                found as f64 / (10 * rows.len()) as f64,
            );
        }
    }
}

/// Writes `n` vectors through the tables, then the graph; returns (tables s, graph s, MiB).
fn build(
    dir: &std::path::Path,
    settings: &IndexSettings,
    data: Vec<f32>,
    n: usize,
) -> (f64, f64, f64) {
    let t = Instant::now();
    let mut index = PassageIndex::open_or_create(dir, settings).unwrap();
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
        let docs = one_passage_documents(&ids, &data, chunk);
        index.tables.add_documents(&docs).unwrap();
    }
    drop(data);
    let tables_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    index.sync_ann(rayon::current_num_threads().max(2)).unwrap();
    let ann_s = t.elapsed().as_secs_f64();
    let disk = index.bytes_on_disk() as f64 / 1048576.0;
    drop(index);

    (tables_s, ann_s, disk)
}

/// A comma-separated list after `flag`, or the default.
fn list_arg(args: &[String], flag: &str, default: usize) -> Vec<usize> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![default])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let defaults = AnnParams::default();
    let sweep = Sweep {
        ef: list_arg(&args, "--ef", defaults.expansion_search),
        candidates: list_arg(&args, "--candidates", defaults.candidates),
        ann: AnnParams {
            connectivity: list_arg(&args, "--m", defaults.connectivity)[0],
            expansion_add: list_arg(&args, "--ef-construction", defaults.expansion_add)[0],
            ..defaults.clone()
        },
    };
    let mut sizes = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i].starts_with("--") {
            i += 2;
            continue;
        }
        if let Ok(n) = args[i].parse::<usize>() {
            sizes.push(n);
        }
        i += 1;
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000];
    }
    eprintln!(
        "graph: M {}, ef_construction {}",
        sweep.ann.connectivity, sweep.ann.expansion_add
    );
    let real = std::env::var("SILICA_BENCH_VECTORS")
        .ok()
        .map(|p| read_npy(&p));
    eprintln!(
        "vectors: {}",
        match &real {
            Some(r) => format!("{} real ones, then noisy copies of them", r.len()),
            None => "synthetic clusters".into(),
        }
    );
    println!("| passages | build (tables + ANN) | ef | candidates | p50 query | p99 query | recall@10 | query RSS | disk |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for n in sizes {
        run(n, real.as_deref(), &sweep);
    }
}
