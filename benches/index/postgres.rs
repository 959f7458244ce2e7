//! The PostgreSQL store at scale, vectors in (the model is not involved): N vectors written
//! through the store's own write path (one transaction per batch: documents inserted,
//! passages by binary COPY), the HNSW index built as `silica index add` builds it, then
//! queries through the store's search as `silica neighbors --store` runs them. Prints one
//! Markdown row per ef_search: passages, load time, HNSW build time, p50/p99 query,
//! recall@10 against exact f32 search (200 queries, computed here from the vectors, so
//! that a `halfvec` store is scored against full precision), bytes of tables and index.
//!
//!     SILICA_BENCH_VECTORS=real.npy cargo bench --bench index_postgres -- 1000000 --ef 40,100
//!
//! The vectors are those of `index_scaling` (benches/index/data.rs). The server is
//! `SILICA_BENCH_STORE` (a postgres:// URL; its database must be empty of silica tables),
//! else a private pgserver started in `SILICA_BENCH_DIR` (default .) as the tests start it
//! (`bash tests/postgres/setup` first; `SILICA_PGSERVER_PYTHON` picks its Python, such as
//! target/pgserver-pgvector08/bin/python for pgvector 0.8). `--m` and `--ef-construction` set the HNSW index;
//! `--batch` the documents per transaction; `--vector-type auto|vector|halfvec` the column.

#[path = "data.rs"]
mod data;

use data::{around_real, one_passage_documents, read_npy, synthetic_settings, vectors, DIM};
use silica::index::postgres::{PgStore, VectorChoice};
use silica::index::{AnnParams, DocumentSink, PassageFilters, SearchMode};
use std::io::BufRead;
use std::time::Instant;

/// A comma-separated list after `flag`, or the default.
fn list_arg(args: &[String], flag: &str, default: usize) -> Vec<usize> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![default])
}

/// The value after `flag`, or None.
fn text_arg<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// A private server: its helper stops and deletes it when its stdin closes.
struct PrivateServer {
    helper: std::process::Child,
    _dir: tempfile::TempDir,
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        drop(self.helper.stdin.take());
        let _ = self.helper.wait();
    }
}

/// A private pgserver and its URL.
fn private_server() -> (PrivateServer, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir =
        tempfile::tempdir_in(std::env::var("SILICA_BENCH_DIR").unwrap_or_else(|_| ".".into()))
            .unwrap();
    let python = std::env::var_os("SILICA_PGSERVER_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target/pgserver/bin/python"));
    let mut child = std::process::Command::new(python)
        .arg(root.join("tests/postgres/server.py"))
        .arg(dir.path().join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("no pgserver: run `bash tests/postgres/setup`");
    let mut url = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut url)
        .unwrap();
    (
        PrivateServer {
            helper: child,
            _dir: dir,
        },
        url.trim().to_string(),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let efs = list_arg(&args, "--ef", 40);
    let batch = list_arg(&args, "--batch", 5_000)[0];
    let ann = AnnParams {
        connectivity: list_arg(&args, "--m", 16)[0],
        expansion_add: list_arg(&args, "--ef-construction", 64)[0],
        ..AnnParams::default()
    };
    let choice: VectorChoice = text_arg(&args, "--vector-type")
        .unwrap_or("auto")
        .parse()
        .unwrap();
    let (_server, url) = match std::env::var("SILICA_BENCH_STORE") {
        Ok(url) => (None, url),
        Err(_) => {
            let (server, url) = private_server();
            (Some(server), url)
        }
    };
    let real = std::env::var("SILICA_BENCH_VECTORS")
        .ok()
        .map(|p| read_npy(&p));
    let (data, queries) = match &real {
        Some(real) => {
            let (base, held) = real.split_at(real.len() - 100);
            let mut queries: Vec<f32> = held.iter().flatten().copied().collect();
            queries.extend(around_real(held, 100, 2, true));
            (around_real(base, n, 1, false), queries)
        }
        None => (vectors(n, 1), vectors(200, 2)),
    };
    eprintln!(
        "{n} vectors ({}), HNSW M {}, ef_construction {}, {batch} per transaction",
        if real.is_some() {
            "real-based"
        } else {
            "synthetic"
        },
        ann.connectivity,
        ann.expansion_add
    );
    let settings = synthetic_settings(ann);
    let mut store = PgStore::open_or_create(&url, &settings, choice).unwrap();
    eprintln!(
        "pgvector {}, vectors stored as {}",
        store.pgvector,
        store.vectors.sql()
    );
    let mut conn = store.conn().unwrap();
    let workers: String = conn
        .query_one("SHOW max_parallel_maintenance_workers", &[])
        .unwrap()
        .get(0);
    eprintln!("server: max_parallel_maintenance_workers {workers}");
    drop(conn);

    let t = Instant::now();
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    for chunk in (0..n).collect::<Vec<_>>().chunks(batch) {
        let docs = one_passage_documents(&ids, &data, chunk);
        store.write(&docs).unwrap();
    }
    let load_s = t.elapsed().as_secs_f64();
    eprintln!("loaded in {load_s:.1} s");
    let t = Instant::now();
    store.ensure_hnsw().unwrap();
    let hnsw_s = t.elapsed().as_secs_f64();
    eprintln!("HNSW built in {hnsw_s:.1} s");
    store.conn().unwrap().batch_execute("ANALYZE").unwrap();
    let facts = store.server_facts().unwrap();
    if let Some(c) = &facts.cluster {
        eprintln!(
            "Citus {}: {} workers, {} shards",
            c.citus, c.workers, c.shards
        );
    }

    let rows: Vec<&[f32]> = queries.chunks_exact(DIM).collect();
    // Every vector is unit length, so the dot products of silica's exact search are the
    // cosines.
    let data = silica::embed::Embeddings { dim: DIM, data };
    let truth: Vec<Vec<String>> = silica::search::top_k_many(&data, &rows, 10, |_, _| false)
        .into_iter()
        .map(|hits| hits.into_iter().map(|h| format!("d{}", h.index)).collect())
        .collect();
    drop(data);
    println!("| passages | load | HNSW build | ef_search | p50 query | p99 query | recall@10 | tables | HNSW |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for ef in efs {
        let search = store
            .searcher(Some(SearchMode::Ann), Some(ef), PassageFilters::default())
            .unwrap();
        for row in rows.iter().take(50) {
            search.top_k(&[row], 10, &[None]).unwrap();
        }
        let mut latencies = Vec::new();
        let mut found = 0;
        for (q, row) in rows.iter().enumerate() {
            let t = Instant::now();
            let hits = search.top_k(&[row], 10, &[None]).unwrap();
            latencies.push(t.elapsed().as_secs_f64() * 1e3);
            found += hits[0]
                .iter()
                .filter(|(_, h)| truth[q].contains(&h.id))
                .count();
        }
        latencies.sort_by(f64::total_cmp);
        println!(
            "| {n} | {load_s:.0} s | {hnsw_s:.0} s | {ef} | {:.2} ms | {:.2} ms | {:.3} | {:.0} MiB | {:.0} MiB |",
            latencies[latencies.len() / 2],
            latencies[latencies.len() * 99 / 100],
            found as f64 / (10 * rows.len()) as f64,
            facts.table_bytes as f64 / 1048576.0,
            facts.hnsw_bytes.unwrap_or(0) as f64 / 1048576.0,
        );
    }
}
