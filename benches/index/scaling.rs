//! The persistent index at scale, vectors in (the model is not involved): for each size,
//! synthetic clustered 384-d unit vectors (1,000 Gaussian centres, noise 1.2 per dimension,
//! normalised) are written through the index's own tables (`index.sqlite`) and graph
//! (`ann.usearch`), then searched through `IndexSearcher` as `silica neighbors --index` does.
//! Prints one Markdown row per size: passages, build time (tables, graph), p50/p99 query,
//! recall@10 against exact search (200 held-out queries), resident memory of the query
//! path, bytes on disk.
//!
//!     cargo bench --bench index_scaling -- 10000 100000 1000000
//!
//! Synthetic vectors, not real passages: real e5 vectors are more concentrated (cosines
//! 0.7-0.9), which makes the graph's job harder, not easier; `silica index verify` measures
//! recall on a real index.

use silica::index::{
    AnnParams, IndexSearcher, IndexSettings, NewDocument, NewPassage, PassageIndex, SearchMode,
};
use std::time::Instant;

const DIM: usize = 384;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unif(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f32 {
        let u = self.unif().max(1e-12);
        let v = self.unif();
        ((-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()) as f32
    }
}

fn vectors(n: usize, seed: u64) -> Vec<f32> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ 12345);
    let centres = 1000;
    let c: Vec<f32> = (0..centres * DIM).map(|_| r.normal()).collect();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
    let mut out = vec![0f32; n * DIM];
    for row in out.chunks_exact_mut(DIM) {
        let k = (r.next() % centres as u64) as usize;
        for (d, x) in row.iter_mut().enumerate() {
            *x = c[k * DIM + d] + 1.2 * r.normal();
        }
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        row.iter_mut().for_each(|x| *x /= norm);
    }
    out
}

fn rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmRSS"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn run(n: usize) {
    let dir =
        tempfile::tempdir_in(std::env::var("SILICA_BENCH_DIR").unwrap_or_else(|_| ".".into()))
            .unwrap();
    let settings = IndexSettings {
        model: "synthetic".into(),
        fingerprint: "synthetic".into(),
        dim: DIM,
        passage_prompt: String::new(),
        max_tokens: 512,
        overlap: 0,
        min_chars: 40,
        keep_all: false,
        keep_duplicates: false,
        ann: AnnParams::default(),
    };
    let data = vectors(n, 1);
    let t = Instant::now();
    let mut index = PassageIndex::open_or_create(dir.path(), &settings).unwrap();
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
        let docs: Vec<NewDocument> = chunk
            .iter()
            .map(|&i| NewDocument {
                id: &ids[i],
                source: &ids[i],
                file: &ids[i],
                hash: "h",
                title: None,
                lang: None,
                passages: vec![NewPassage {
                    id: &ids[i],
                    start: 0,
                    end: 1,
                    lang: None,
                    text: "x",
                    vector: &data[i * DIM..(i + 1) * DIM],
                }],
            })
            .collect();
        index.store.add_documents(&docs).unwrap();
    }
    let tables_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    index.sync_ann(rayon::current_num_threads().max(2)).unwrap();
    let ann_s = t.elapsed().as_secs_f64();
    let disk = index.bytes_on_disk() as f64 / 1048576.0;
    drop(index);

    let queries = vectors(200, 2);
    let rows: Vec<&[f32]> = queries.chunks_exact(DIM).collect();
    let skip = vec![None; rows.len()];
    // Ground truth first (exact loads every vector), then the ANN path in a fresh state.
    let truth = {
        let index = PassageIndex::open(dir.path(), true).unwrap();
        let exact = IndexSearcher::new(&index, Some(SearchMode::Exact)).unwrap();
        exact.top_k(&rows, 10, &skip).unwrap()
    };
    let before = rss_mib();
    let index = PassageIndex::open(dir.path(), true).unwrap();
    let ann = IndexSearcher::new(&index, Some(SearchMode::Ann)).unwrap();
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
        "| {n} | {tables_s:.1} s + {ann_s:.1} s | {:.2} ms | {:.2} ms | {:.3} | {rss:.0} MiB | {disk:.0} MiB |",
        latencies[latencies.len() / 2],
        latencies[latencies.len() * 99 / 100],
        found as f64 / (10 * rows.len()) as f64,
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    println!("| passages | build (tables + ANN) | p50 query | p99 query | recall@10 | query RSS | disk |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        run(n);
    }
}
