//! `--store` on a real Citus cluster: a coordinator and two workers on loopback (Debian's
//! PostgreSQL 15 with Citus 13.2 and pgvector 0.8, built and installed by
//! `bash tests/citus/setup`, started by tests/citus/cluster.py in each test's own folder),
//! against a single PostgreSQL with the same pgvector (tests/postgres/setup's
//! pgserver-pgvector08). Without them these tests fail, they do not skip.

mod common;

use common::pg::{documents_without_passages, sentences_corpus, spawn_silica, Pgvector, Server};
use common::{ok, repo_root, silica_with_models as silica};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Where tests/citus/setup installs Citus.
const CITUS_LIBRARY: &str = "/usr/lib/postgresql/15/lib/citus.so";

/// A running cluster: stopped and deleted when dropped (the script stops it when its stdin
/// closes, also when the test process dies).
struct Cluster {
    child: Child,
    commands: Option<ChildStdin>,
    answers: BufReader<ChildStdout>,
    /// The coordinator's URL: what `--store` is given.
    url: String,
    workers: Vec<String>,
    _dir: tempfile::TempDir,
}

impl Cluster {
    fn start() -> Self {
        assert!(
            Path::new(CITUS_LIBRARY).exists(),
            "{CITUS_LIBRARY}: Citus is not installed; run `bash tests/citus/setup`"
        );
        let dir = tempfile::Builder::new().prefix("citus").tempdir().unwrap();
        let mut child = Command::new("python3")
            .arg(repo_root().join("tests/citus/cluster.py"))
            .arg(dir.path().join("cluster"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let commands = child.stdin.take();
        let mut answers = BufReader::new(child.stdout.take().unwrap());
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            answers.read_line(&mut line).unwrap();
            let line = line.trim().to_string();
            assert!(
                !line.is_empty() && !line.starts_with("error"),
                "the cluster did not start: {line}"
            );
            if line == "ready" {
                break;
            }
            lines.push(line);
        }
        let url = lines.remove(0);
        Cluster {
            child,
            commands,
            answers,
            url,
            workers: lines,
            _dir: dir,
        }
    }

    /// `stop N` or `start N` for worker N (1 or 2), answered.
    fn worker(&mut self, verb: &str, n: usize) {
        let commands = self.commands.as_mut().unwrap();
        writeln!(commands, "{verb} {n}").unwrap();
        commands.flush().unwrap();
        let mut line = String::new();
        self.answers.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ok", "{verb} worker {n}");
    }

    /// Worker N's port, as Citus names the node in its messages.
    fn worker_port(&self, n: usize) -> String {
        let url = &self.workers[n - 1];
        let port = url.rsplit(':').next().unwrap();
        port.split('/').next().unwrap().to_string()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        drop(self.commands.take());
        let _ = self.child.wait();
    }
}

fn client(url: &str) -> postgres::Client {
    common::pg::client(url)
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

/// A failure with one line on stderr starting "error:", exit code 1.
fn one_line_error(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let last = err.lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("error: "), "{err}");
    assert!(!last.contains('\n'));
    last
}

/// Every stored document and passage as text, in id order: the vectors as pgvector
/// prints them (exact for halfvec: each printed value reads back to the same half), so
/// equal lists mean equal bytes.
fn contents(url: &str) -> (Vec<String>, Vec<String>) {
    let mut c = client(url);
    let documents = c
        .query(
            "SELECT concat_ws('|', id, source, file, hash, title, lang, date::text) FROM silica_documents ORDER BY id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let passages = c
        .query(
            "SELECT concat_ws('|', id, document, ordinal, start_byte, end_byte, lang, text, embedding::text)
             FROM silica_passages ORDER BY id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    (documents, passages)
}

/// HNSW index scans counted on a worker, over its shards' indexes (named after the
/// distributed index with the shard's number; the worker's copy of the table itself, from
/// Citus' metadata sync, holds no rows).
fn worker_hnsw_scans(worker: &str) -> i64 {
    let mut c = client(worker);
    // Citus hides the shards from other clients' catalog views.
    c.batch_execute("SET citus.show_shards_for_app_name_prefixes = '*'")
        .unwrap();
    c.query_one(
        "SELECT coalesce(sum(idx_scan), 0)::int8 FROM pg_stat_user_indexes
             WHERE indexrelname ~ '^silica_passages_hnsw_[0-9]+$'",
        &[],
    )
    .unwrap()
    .get(0)
}

/// `index verify --store URL`'s report, after asserting that it found no problem.
fn verified(url: &str, cwd: &Path) -> serde_json::Value {
    let verify = json(&silica(
        &["index", "verify", "--store", url, "--format", "json"],
        cwd,
    ));
    assert_eq!(verify["ok"], true, "{verify}");
    verify
}

/// `index add ARGS --store URL` over the seeds and `corpus`, every passage kept.
fn add_args<'a>(corpus: &'a str, seeds: &'a str, url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "index",
        "add",
        seeds,
        corpus,
        "--keep-all",
        "--keep-duplicates",
        "--store",
        url,
    ];
    args.extend_from_slice(extra);
    args
}

/// The exact top 10 of each query through the library, as (passage id, score) lists
/// that do not depend on how ties were broken: a store breaks them by its own row keys,
/// numbered in the order rows arrived. Every hit scored above the tenth, ordered by
/// score then id, and the tenth score.
fn exact_top10(url: &str, queries: &[Vec<f32>]) -> Vec<(Vec<(String, f32)>, f32)> {
    let store = silica::index::postgres::PgStore::open(url).unwrap();
    let queries: Vec<&[f32]> = queries.iter().map(Vec::as_slice).collect();
    store
        .searcher(
            Some(silica::index::SearchMode::Exact),
            None,
            Default::default(),
        )
        .unwrap()
        .top_k(&queries, 10, &vec![None; queries.len()])
        .unwrap()
        .into_iter()
        .map(|hits| {
            let last = hits.last().unwrap().0;
            let mut above: Vec<(String, f32)> = hits
                .into_iter()
                .filter(|(s, _)| *s > last)
                .map(|(s, p)| (p.id, s))
                .collect();
            above.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (above, last)
        })
        .collect()
}

#[test]
fn a_cluster_store_holds_and_answers_what_one_server_does() {
    let cluster = Cluster::start();
    let single = Server::start_with(Pgvector::Source);
    let one = single.database("one");
    let work = tempfile::tempdir().unwrap();
    let corpus = sentences_corpus(work.path());
    let corpus = corpus.to_str().unwrap();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();

    ok(&silica(&add_args(corpus, seeds, &one, &[]), work.path()));
    // Two shards at once into the cluster, each its own process.
    let shards: Vec<Child> = ["0/2", "1/2"]
        .iter()
        .map(|s| {
            spawn_silica(
                &add_args(
                    corpus,
                    seeds,
                    &cluster.url,
                    &["--shard", s, "--commit-every", "16"],
                ),
                work.path(),
            )
        })
        .collect();
    for shard in shards {
        let out = shard.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // The tables are distributed by document id, co-located, over both workers.
    let mut c = client(&cluster.url);
    let distributed: Vec<(String, String, i32)> = c
        .query(
            "SELECT logicalrelid::text, column_to_column_name(logicalrelid, partkey), colocationid
             FROM pg_dist_partition WHERE logicalrelid::text LIKE 'silica_%' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let names: Vec<(&str, &str)> = distributed
        .iter()
        .map(|(t, c, _)| (t.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("silica_document_lines", "document"),
            ("silica_documents", "id"),
            ("silica_passage_sketches", "document"),
            ("silica_passages", "document"),
        ]
    );
    assert!(
        distributed.iter().all(|d| d.2 == distributed[0].2),
        "{distributed:?}"
    );
    let nodes: i64 = c
        .query_one(
            "SELECT count(DISTINCT nodeport) FROM citus_shards WHERE table_name = 'silica_passages'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(nodes, 2);
    let hnsw_shards: i64 = c
        .query_one(
            "SELECT sum(result::int) FROM run_command_on_workers(
                 $$SELECT count(*) FROM pg_indexes WHERE indexname ~ '^silica_passages_hnsw_[0-9]+$'$$)",
            &[],
        )
        .unwrap()
        .get(0);
    let shard_count: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'silica_passages'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(hnsw_shards, shard_count, "an HNSW index on every shard");

    // The same documents, passage ids and vectors, byte for byte.
    let (docs, passages) = contents(&one);
    assert_eq!(docs.len(), 285);
    assert_eq!(contents(&cluster.url), (docs, passages));

    // Exact search: the same top 10 for 100 queries (stored passages' vectors).
    let queries: Vec<Vec<f32>> = client(&one)
        .query(
            "SELECT embedding::vector FROM silica_passages ORDER BY id LIMIT 100",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get::<_, pgvector::Vector>(0).to_vec())
        .collect();
    assert_eq!(queries.len(), 100);
    let (on_cluster, on_one) = (
        exact_top10(&cluster.url, &queries),
        exact_top10(&one, &queries),
    );
    for (q, (a, b)) in on_cluster.iter().zip(&on_one).enumerate() {
        assert_eq!(a, b, "query {q}");
    }

    // Lexical and hybrid search: the same hits and scores on the cluster (terms and
    // counts summed over the shards), ties at the cut aside.
    let untied = |url: &str, extra: &[&str]| -> (Vec<(String, String)>, String) {
        let mut args = vec!["neighbors", "--store", url, "--format", "json"];
        args.extend_from_slice(extra);
        let hits = json(&silica(&args, work.path()));
        let hits: Vec<(String, String)> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["score"].to_string(),
                    h["id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let cut = hits.last().expect("hits").0.clone();
        let mut above: Vec<(String, String)> = hits.into_iter().filter(|h| h.0 != cut).collect();
        above.sort();
        (above, cut)
    };
    for query in [
        "contrôle des exportations de puces",
        "a man is playing a guitar",
    ] {
        for retrieval in ["lexical", "hybrid"] {
            let extra = ["--retrieval", retrieval, "-q", query];
            assert_eq!(
                untied(&cluster.url, &extra),
                untied(&one, &extra),
                "{retrieval} {query}"
            );
        }
    }

    // HNSW on the workers: the session settings reach them (a small shard would be
    // scanned otherwise), and recall against exact.
    let before: i64 = (1..=2)
        .map(|n| worker_hnsw_scans(&cluster.workers[n - 1]))
        .sum();
    let ann = json(&silica(
        &[
            "neighbors",
            "--store",
            &cluster.url,
            "-q",
            "puces",
            "--search",
            "ann",
            "--format",
            "json",
        ],
        work.path(),
    ));
    assert_eq!(ann.as_array().unwrap().len(), 10);
    let deadline = Instant::now() + Duration::from_secs(10);
    while (1..=2)
        .map(|n| worker_hnsw_scans(&cluster.workers[n - 1]))
        .sum::<i64>()
        == before
    {
        assert!(Instant::now() < deadline, "no HNSW scan on the workers");
        std::thread::sleep(Duration::from_millis(200));
    }
    let verify = verified(&cluster.url, work.path());
    assert!(
        verify["recall"]["recall"].as_f64().unwrap() >= 0.95,
        "{verify}"
    );
    let stats = json(&silica(
        &[
            "index",
            "stats",
            "--store",
            &cluster.url,
            "--format",
            "json",
        ],
        work.path(),
    ));
    assert_eq!(stats["citus"]["workers"], 2, "{stats}");
    assert_eq!(stats["citus"]["shards"], shard_count, "{stats}");
    assert!(stats["hnsw_bytes"].as_u64().unwrap() > 0, "{stats}");

    // Themes over the store: the same clusters.
    let themes = |url: &str| -> serde_json::Value {
        json(&silica(
            &["themes", "--store", url, "--format", "json"],
            work.path(),
        ))["clusters"]
            .clone()
    };
    assert_eq!(themes(&cluster.url), themes(&one));

    // Removing a document and a sync that drops a file: the same on both.
    for url in [&one, &cluster.url] {
        ok(&silica(
            &[
                "index",
                "remove",
                "--store",
                url,
                "--id",
                "000_2b48e6d9b42260c2.txt",
            ],
            work.path(),
        ));
        ok(&silica(
            &[
                "index",
                "add",
                seeds,
                "--keep-all",
                "--keep-duplicates",
                "--store",
                url,
                "--sync",
            ],
            work.path(),
        ));
    }
    let (docs, passages) = contents(&one);
    assert_eq!(docs.len(), 5, "the seeds again, the sentences synced away");
    assert_eq!(contents(&cluster.url), (docs, passages));
    assert_eq!(documents_without_passages(&cluster.url), 0);
    verified(&cluster.url, work.path());
}

#[test]
fn a_worker_down_mid_load_or_query_is_one_line_and_the_same_command_completes_after() {
    let mut cluster = Cluster::start();
    let work = tempfile::tempdir().unwrap();
    let corpus = sentences_corpus(work.path());
    let corpus = corpus.to_str().unwrap();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    let url = cluster.url.clone();
    let args = add_args(corpus, seeds, &url, &["--commit-every", "8"]);

    // Worker 1 stops once some batches are committed and before the load ends.
    let load = spawn_silica(&args, work.path());
    let deadline = Instant::now() + Duration::from_secs(300);
    let committed = |url: &str| -> i64 {
        client(url)
            .query_one("SELECT count(*) FROM silica_documents", &[])
            .map(|r| r.get(0))
            .unwrap_or(0)
    };
    loop {
        assert!(
            Instant::now() < deadline,
            "the load never committed 40 documents"
        );
        if committed(&cluster.url) >= 40 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    cluster.worker("stop", 1);
    let out = load.wait_with_output().unwrap();
    let error = one_line_error(&out);
    let port = cluster.worker_port(1);
    assert!(
        error.contains(&port),
        "{error} does not name worker 1 ({port})"
    );
    cluster.worker("start", 1);

    // Nothing half-committed: every stored document has its passages.
    let partial = committed(&cluster.url);
    assert!((40..285).contains(&partial), "{partial}");
    assert_eq!(documents_without_passages(&cluster.url), 0);

    // The same command completes the load.
    let rerun = silica(&args, work.path());
    ok(&rerun);
    assert_eq!(committed(&cluster.url), 285);
    verified(&cluster.url, work.path());

    // A worker down during a query: a one-line error naming it, soon, not a hang.
    cluster.worker("stop", 2);
    let started = Instant::now();
    let out = silica(
        &[
            "neighbors",
            "--store",
            &cluster.url,
            "-q",
            "puces",
            "--format",
            "json",
        ],
        work.path(),
    );
    let error = one_line_error(&out);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    let port = cluster.worker_port(2);
    assert!(
        error.contains(&port),
        "{error} does not name worker 2 ({port})"
    );
    cluster.worker("start", 2);
    let cli = json(&silica(
        &[
            "neighbors",
            "--store",
            &cluster.url,
            "-q",
            "puces",
            "-k",
            "5",
            "--format",
            "json",
        ],
        work.path(),
    ));
    assert_eq!(cli.as_array().unwrap().len(), 5);

    // `serve --store` on the cluster answers as the CLI does, and outlives a worker down.
    let (mut child, base) = common::spawn_serve(&["--store", &cluster.url], work.path());
    let post = || match ureq::post(&format!("{base}/neighbors"))
        .set("Content-Type", "application/json")
        .send_string(r#"{"query": "puces", "k": 5}"#)
    {
        Ok(r) => (r.status(), r.into_json::<serde_json::Value>().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap()),
        Err(e) => panic!("{e}"),
    };
    let ids = |hits: &serde_json::Value| -> Vec<String> {
        hits.as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, served) = post();
    assert_eq!(status, 200, "{served}");
    assert_eq!(ids(&served["hits"]), ids(&cli));
    cluster.worker("stop", 1);
    let (status, body) = post();
    assert_eq!(status, 500, "{body}");
    let port = cluster.worker_port(1);
    assert!(
        body.to_string().contains(&port),
        "{body} does not name worker 1"
    );
    let health = ureq::get(&format!("{base}/health")).call().unwrap();
    assert_eq!(health.status(), 200);
    cluster.worker("start", 1);
    let (status, served) = post();
    assert_eq!(status, 200, "{served}");
    assert_eq!(ids(&served["hits"]), ids(&cli));
    let _ = child.kill();
    let _ = child.wait();
}
