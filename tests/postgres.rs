//! `--store postgres://...` against a real PostgreSQL with pgvector: PyPI's pgserver
//! (PostgreSQL 16.2, pgvector 0.6.2), and the same PostgreSQL with pgvector 0.8 built from
//! Debian's source (for `halfvec`), both installed by `bash tests/postgres/setup` (which
//! `.ci/run` runs) and started by each test in its own folder. Without them these tests
//! fail, they do not skip.

mod common;

use common::pg::{
    client, documents_without_passages, sentences_corpus, spawn_silica, stored, Helper, Pgvector,
    Server,
};

use common::{repo_root, write_tiny_model};
use std::path::Path;
use std::process::{Child, Output};
use std::time::{Duration, Instant};

use common::{ok, silica_with_models as silica};

/// A failure with one line on stderr starting "error:", exit code 1.
fn one_line_error(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let last = err.lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("error: "), "{err}");
    last
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

/// The French passages nearest "puces" (chips), through `target` (the index or store
/// flags, and any others).
fn french_chips(target: &[&str], cwd: &Path) -> serde_json::Value {
    let mut args = target.to_vec();
    args.extend_from_slice(&["-q", "puces", "--lang", "fr"]);
    neighbors(&args, cwd)
}

/// An index directory's exact top 10 for each query.
fn directory_top10(
    index: &silica::index::PassageIndex,
    queries: &[&[f32]],
) -> Vec<Vec<silica::index::KeyHit>> {
    silica::index::IndexSearcher::new(index, Some(silica::index::SearchMode::Exact))
        .unwrap()
        .top_k(queries, 10, &vec![None; queries.len()])
        .unwrap()
}

/// `silica neighbors ARGS --format json`, answered.
fn neighbors(args: &[&str], cwd: &Path) -> serde_json::Value {
    let mut all = vec!["neighbors"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    json(&silica(&all, cwd))
}

fn hits(list: &serde_json::Value) -> Vec<(String, f64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().unwrap().to_string(),
                h["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    common::cosine(a, b)
}

/// The two stores hold the same passages with the same vectors, none twice.
fn assert_same_store(a: &[(String, String, Vec<f32>)], b: &[(String, String, Vec<f32>)]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!((&x.0, &x.1), (&y.0, &y.1));
        assert!(cosine(&x.2, &y.2) > 0.99999, "{}", x.0);
    }
    let mut ids: Vec<&String> = a.iter().map(|r| &r.0).collect();
    ids.dedup();
    assert_eq!(ids.len(), a.len(), "a passage stored twice");
}

#[test]
fn the_seeds_in_a_store_answer_as_an_index_directory_does() {
    let server = Server::start();
    let url = server.database("seeds");
    let work = tempfile::tempdir().unwrap();
    let root = repo_root();
    let dir = work.path().join("seeds.idx");
    let seeds = root.join("seeds");
    let seeds = seeds.to_str().unwrap();
    ok(&silica(
        &["index", "add", seeds, "--index", dir.to_str().unwrap()],
        work.path(),
    ));
    let out = silica(&["index", "add", seeds, "--store", &url], work.path());
    ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("HNSW index built"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Through the binary: the same top-10 and scores (the CLI prints 4 decimals).
    for query in [
        "Which countries signed AI agreements with Israel?",
        "contrôles à l'exportation des puces",
    ] {
        let local = neighbors(
            &["--index", dir.to_str().unwrap(), "-q", query],
            work.path(),
        );
        for mode in [
            &["--exact"][..],
            &["--search", "ann", "--ef", "64"][..],
            &[][..],
        ] {
            let mut args = vec![
                "neighbors",
                "--store",
                &url,
                "-q",
                query,
                "--format",
                "json",
            ];
            args.extend_from_slice(mode);
            let store = json(&silica(&args, work.path()));
            let (a, b) = (hits(&local), hits(&store));
            assert_eq!(a.len(), 10);
            assert_eq!(
                a.iter().map(|h| &h.0).collect::<Vec<_>>(),
                b.iter().map(|h| &h.0).collect::<Vec<_>>(),
                "{query} {mode:?}"
            );
            for (x, y) in a.iter().zip(&b) {
                assert!((x.1 - y.1).abs() <= 1.01e-4, "{x:?} {y:?}");
            }
            for (x, y) in local
                .as_array()
                .unwrap()
                .iter()
                .zip(store.as_array().unwrap())
            {
                for field in ["source", "text", "start", "end", "date"] {
                    assert_eq!(x[field], y[field], "{query} {mode:?} {field}");
                }
            }
        }
    }

    // In the library, unrounded: a stored passage as the query, exact both ways.
    let index = silica::index::PassageIndex::open(&dir, true).unwrap();
    let store = silica::index::postgres::PgStore::open(&url).unwrap();
    let keys = index.tables.passage_keys().unwrap();
    let vectors = index.tables.vectors(&keys[..8], 384).unwrap();
    let queries: Vec<&[f32]> = vectors.iter().map(|(_, v)| v.as_slice()).collect();
    let skip = vec![None; queries.len()];
    let local = directory_top10(&index, &queries);
    let remote = store
        .searcher(None, None, Default::default())
        .unwrap()
        .top_k(&queries, 10, &skip)
        .unwrap();
    for (l, r) in local.iter().zip(&remote) {
        let rows = index
            .tables
            .passage_rows(&l.iter().map(|h| h.key).collect::<Vec<_>>())
            .unwrap();
        for ((hit, row), (score, stored)) in l.iter().zip(&rows).zip(r) {
            assert_eq!(row.id, stored.id);
            assert!(
                (hit.score - score).abs() < 1e-5,
                "{} {} {}",
                row.id,
                hit.score,
                score
            );
        }
    }

    // --id, filters pushed into SQL, stats, verify and themes.
    let by_id = neighbors(
        &[
            "--store",
            &url,
            "--id",
            "000_2b48e6d9b42260c2.txt#0",
            "-k",
            "3",
        ],
        work.path(),
    );
    assert_eq!(hits(&by_id).len(), 3);
    assert!(hits(&by_id)
        .iter()
        .all(|h| h.0 != "000_2b48e6d9b42260c2.txt#0"));
    let in_fr = french_chips(&["--store", &url], work.path());
    let local_fr = french_chips(&["--index", dir.to_str().unwrap()], work.path());
    let ids = |v: &serde_json::Value| hits(v).into_iter().map(|h| h.0).collect::<Vec<_>>();
    assert_eq!(ids(&in_fr), ids(&local_fr));
    assert!(!ids(&in_fr).is_empty());
    let stats = json(&silica(
        &["index", "stats", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["passages"], 48);
    assert_eq!(stats["pgvector"], "0.6.2");
    assert_eq!(stats["vector_type"], "vector");
    assert_eq!(stats["hnsw"]["built"], true);
    // A store made before the vector type was recorded holds `vector`.
    client(&url)
        .batch_execute("DELETE FROM silica_meta WHERE key = 'vector_type'")
        .unwrap();
    let stats = json(&silica(
        &["index", "stats", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(stats["vector_type"], "vector");
    let verify = json(&silica(
        &["index", "verify", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(verify["ok"], true);
    assert_eq!(verify["recall"]["recall"], 1.0);
    let themes_local = json(&silica(
        &[
            "themes",
            "--index",
            dir.to_str().unwrap(),
            "--format",
            "json",
        ],
        work.path(),
    ));
    let themes_store = json(&silica(
        &["themes", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(themes_local["clusters"], themes_store["clusters"]);

    // A second run adds nothing; removing a file removes its passages.
    let again = silica(&["index", "add", seeds, "--store", &url], work.path());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 documents added"));
    let removed = silica(
        &[
            "index",
            "remove",
            "--store",
            &url,
            "--id",
            "000_2b48e6d9b42260c2.txt",
        ],
        work.path(),
    );
    ok(&removed);
    let (docs, passages): (i64, i64) = {
        let row = client(&url)
            .query_one(
                "SELECT (SELECT count(*) FROM silica_documents), (SELECT count(*) FROM silica_passages)",
                &[],
            )
            .unwrap();
        (row.get(0), row.get(1))
    };
    assert_eq!(docs, 4);
    assert!(passages < 48 && passages > 0);
}

/// Scans of the HNSW index so far, as the server's statistics count them (flushed within a
/// second or so of a query).
fn hnsw_scans(url: &str) -> i64 {
    client(url)
        .query_one(
            "SELECT coalesce(sum(idx_scan), 0)::int8 FROM pg_stat_user_indexes
             WHERE indexrelname = 'silica_passages_hnsw'",
            &[],
        )
        .unwrap()
        .get(0)
}

/// The most a cosine of half-precision vectors can differ from f32's: each of the two
/// unit vectors is off by at most f16's unit roundoff (2^-11) relative to its length, so
/// their dot product by at most about twice that.
const HALF_COSINE_BOUND: f64 = 2.0 * 4.8828125e-4 + 1e-6;

#[test]
fn halfvec_where_pgvector_has_it_halves_the_vectors_and_keeps_the_hits() {
    let server = Server::start_with(Pgvector::Source);
    let half = server.database("half");
    let full = server.database("full_precision");
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("seeds.idx");
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    ok(&silica(
        &["index", "add", seeds, "--index", dir.to_str().unwrap()],
        work.path(),
    ));
    // auto: halfvec, as this server's pgvector has it; vector when asked.
    ok(&silica(
        &["index", "add", seeds, "--store", &half],
        work.path(),
    ));
    ok(&silica(
        &[
            "index",
            "add",
            seeds,
            "--store",
            &full,
            "--vector-type",
            "vector",
        ],
        work.path(),
    ));
    let mut bytes = Vec::new();
    for (url, ty) in [(&half, "halfvec"), (&full, "vector")] {
        let mut c = client(url);
        let column: String = c
            .query_one(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                 WHERE attrelid = 'silica_passages'::regclass AND attname = 'embedding'",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(column, format!("{ty}(384)"));
        let index: String = c
            .query_one(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'silica_passages_hnsw'",
                &[],
            )
            .unwrap()
            .get(0);
        assert!(index.contains(&format!("{ty}_cosine_ops")), "{index}");
        let per_vector: f64 = c
            .query_one(
                "SELECT avg(pg_column_size(embedding))::float8 FROM silica_passages",
                &[],
            )
            .unwrap()
            .get(0);
        bytes.push(per_vector);
        let stats = json(&silica(
            &["index", "stats", "--store", url, "--format", "json"],
            work.path(),
        ));
        assert!(
            stats["pgvector"].as_str().unwrap().starts_with("0.8"),
            "{stats}"
        );
        assert_eq!(stats["vector_type"], ty);
        assert_eq!(stats["passages"], 48);
        let verify = json(&silica(
            &["index", "verify", "--store", url, "--format", "json"],
            work.path(),
        ));
        assert_eq!(verify["ok"], true, "{verify}");
    }
    assert!(bytes[0] < 0.55 * bytes[1], "{bytes:?}");

    // Every stored passage as a query, by scan and by HNSW: `vector` gives the index
    // directory's hits and scores; `halfvec` scores within the half-precision bound of
    // f32's, and a hit can only differ where f32's scores are that close.
    let index = silica::index::PassageIndex::open(&dir, true).unwrap();
    let keys = index.tables.passage_keys().unwrap();
    let vectors = index.tables.vectors(&keys, 384).unwrap();
    let by_id: std::collections::HashMap<String, &[f32]> = index
        .tables
        .passage_rows(&keys)
        .unwrap()
        .into_iter()
        .zip(&vectors)
        .map(|(row, (_, v))| (row.id, v.as_slice()))
        .collect();
    let queries: Vec<&[f32]> = vectors.iter().map(|(_, v)| v.as_slice()).collect();
    let skip = vec![None; queries.len()];
    let local = directory_top10(&index, &queries);
    let local_ids: Vec<Vec<String>> = local
        .iter()
        .map(|hits| {
            let keys: Vec<i64> = hits.iter().map(|h| h.key).collect();
            index
                .tables
                .passage_rows(&keys)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect()
        })
        .collect();
    let mut worst = 0f64;
    for (url, exact_scores) in [(&half, false), (&full, true)] {
        let store = silica::index::postgres::PgStore::open(url).unwrap();
        let hnsw_scans_before = hnsw_scans(url);
        for mode in [
            silica::index::SearchMode::Exact,
            silica::index::SearchMode::Ann,
        ] {
            let remote = store
                .searcher(Some(mode), Some(64), Default::default())
                .unwrap()
                .top_k(&queries, 10, &skip)
                .unwrap();
            for (q, hits) in remote.iter().enumerate() {
                assert_eq!(hits.len(), 10);
                let tenth = local[q][9].score as f64;
                for (rank, (score, row)) in hits.iter().enumerate() {
                    let f32_score = cosine(queries[q], by_id[&row.id]);
                    if exact_scores {
                        assert_eq!(row.id, local_ids[q][rank], "{mode:?}");
                        assert!((f32_score - *score as f64).abs() < 1e-5);
                    } else {
                        let error = (f32_score - *score as f64).abs();
                        worst = worst.max(error);
                        assert!(error <= HALF_COSINE_BOUND, "{} {error}", row.id);
                        assert!(
                            f32_score >= tenth - 2.0 * HALF_COSINE_BOUND,
                            "{mode:?}: {} scores {f32_score} in f32, the 10th {tenth}",
                            row.id
                        );
                    }
                }
            }
        }
        // The HNSW queries went through the index (one per query), not a scan.
        let deadline = Instant::now() + Duration::from_secs(10);
        while hnsw_scans(url) < hnsw_scans_before + queries.len() as i64 {
            assert!(Instant::now() < deadline, "the HNSW index was not scanned");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    eprintln!("halfvec: largest score difference from f32 {worst:.2e}");

    // The CLI over the halfvec store: a filtered HNSW query (an iterative scan in pgvector
    // 0.8), themes (vectors read back as f32), and a run asking for the other type.
    let in_fr = french_chips(&["--store", &half, "--search", "ann"], work.path());
    let local_fr = french_chips(&["--index", dir.to_str().unwrap()], work.path());
    assert_eq!(hits(&in_fr).len(), hits(&local_fr).len());
    assert!(!hits(&in_fr).is_empty());
    let themes = json(&silica(
        &["themes", "--store", &half, "--format", "json"],
        work.path(),
    ));
    assert!(!themes["clusters"].as_array().unwrap().is_empty());
    let err = one_line_error(&silica(
        &[
            "index",
            "add",
            seeds,
            "--store",
            &half,
            "--vector-type",
            "vector",
        ],
        work.path(),
    ));
    assert!(
        err.contains("--vector-type: the index has halfvec, this run vector"),
        "{err}"
    );
}

#[test]
fn serve_answers_neighbors_from_a_store_and_outlives_its_server() {
    let server = Server::start();
    let url = server.database("served");
    let work = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("seeds");
    ok(&silica(
        &["index", "add", seeds.to_str().unwrap(), "--store", &url],
        work.path(),
    ));
    let (mut child, base) = common::spawn_serve(&["--store", &url], work.path());
    let post = |body: &str| match ureq::post(&format!("{base}/neighbors"))
        .set("Content-Type", "application/json")
        .send_string(body)
    {
        Ok(r) => (r.status(), r.into_json::<serde_json::Value>().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap()),
        Err(e) => panic!("{e}"),
    };
    for query in [
        "contrôles à l'exportation des puces",
        "AI partnership with Israel",
    ] {
        let (status, served) = post(&serde_json::json!({"query": query, "k": 5}).to_string());
        assert_eq!(status, 200, "{served}");
        let cli = neighbors(&["--store", &url, "-q", query, "-k", "5"], work.path());
        let served = hits(&served["hits"]);
        assert_eq!(served.len(), 5);
        for (a, b) in served.iter().zip(hits(&cli)) {
            assert_eq!(a.0, b.0, "{query}");
            assert!((a.1 - b.1).abs() <= 1.01e-4, "{a:?} {b:?}");
        }
    }
    // The database goes away: the request fails, the service stays up.
    drop(server);
    let (status, body) = post(r#"{"query": "puces"}"#);
    assert_eq!(status, 500, "{body}");
    assert!(body.to_string().contains("searching the store"), "{body}");
    let health = ureq::get(&format!("{base}/health")).call().unwrap();
    assert_eq!(health.status(), 200);
    let _ = child.kill();
    let _ = child.wait();
}

/// Debian's PostgreSQL 15 requiring TLS on TCP (tests/postgres/tls-server.py): its port and
/// the folder with the CA that signed its certificate (`ca.pem`) and one that did not
/// (`other-ca.pem`). Stopped and deleted when dropped.
struct TlsServer {
    _helper: Helper,
    port: u16,
    dir: tempfile::TempDir,
}

impl TlsServer {
    fn start() -> Self {
        let dir = tempfile::Builder::new().prefix("pgtls").tempdir().unwrap();
        let (helper, line) = Helper::start(Path::new("python3"), "tls-server.py", dir.path());
        let port = line.parse().unwrap_or_else(|_| {
            panic!("the TLS server said {line:?}: run `bash tests/postgres/setup`")
        });
        TlsServer {
            _helper: helper,
            port,
            dir,
        }
    }
}

#[test]
fn tls_follows_sslmode_as_libpq_reads_it() {
    let server = TlsServer::start();
    let work = tempfile::tempdir().unwrap();
    let ca = server.dir.path().join("ca.pem");
    let other = server.dir.path().join("other-ca.pem");
    let (ca, other) = (ca.to_str().unwrap(), other.to_str().unwrap());
    let at = |host: &str, query: &str| {
        let url = format!("postgres://postgres@{host}:{}/postgres{query}", server.port);
        one_line_error(&silica(&["index", "stats", "--store", &url], work.path()))
    };
    // Connected (over TLS: the server takes nothing else): the database has no pgvector.
    let connected = |err: String| assert!(err.contains("pgvector is not installed"), "{err}");
    let refused = |err: String, why: &str| {
        assert!(err.contains("cannot connect") && err.contains(why), "{err}")
    };
    refused(at("localhost", "?sslmode=disable"), "no encryption");
    // prefer (the default) and require: encrypted, the certificate not checked.
    connected(at("localhost", ""));
    connected(at("localhost", "?sslmode=require"));
    // verify-full: the chain and the name.
    connected(at(
        "localhost",
        &format!("?sslmode=verify-full&sslrootcert={ca}"),
    ));
    refused(
        at(
            "localhost",
            &format!("?sslmode=verify-full&sslrootcert={other}"),
        ),
        "UnknownIssuer",
    );
    refused(
        at(
            "127.0.0.1",
            &format!("?sslmode=verify-full&sslrootcert={ca}"),
        ),
        "not valid for name",
    );
    // verify-ca: the chain only; require with a root file checks the chain, as libpq does.
    connected(at(
        "127.0.0.1",
        &format!("?sslmode=verify-ca&sslrootcert={ca}"),
    ));
    refused(
        at(
            "localhost",
            &format!("?sslmode=require&sslrootcert={other}"),
        ),
        "UnknownIssuer",
    );
    // A root file that is not there, a mode libpq does not have.
    let err = at(
        "localhost",
        "?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
    );
    assert!(err.contains("sslrootcert /nonexistent/ca.pem"), "{err}");
    let err = at("localhost", "?sslmode=sometimes");
    assert!(err.contains("sslmode=sometimes"), "{err}");
}

#[test]
fn two_shards_at_once_equal_one_load_and_a_killed_shard_loses_nothing() {
    let server = Server::start();
    let whole = server.database("whole");
    let sharded = server.database("sharded");
    let work = tempfile::tempdir().unwrap();
    let corpus = sentences_corpus(work.path());
    let corpus = corpus.to_str().unwrap();
    let add = |url: &str, extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = [
            "index",
            "add",
            corpus,
            "--keep-all",
            "--keep-duplicates",
            "--store",
            url,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    ok(&silica(
        &add(&whole, &[])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        work.path(),
    ));
    let expected = stored(&whole);
    assert_eq!(expected.len(), 280);

    // Both shards at once, each its own process; then shard 1 killed mid-load and re-run.
    let spawn = |shard: &str, extra: &[&str]| -> Child {
        let mut args = add(&sharded, &["--shard", shard, "--commit-every", "8"]);
        args.extend(extra.iter().map(|s| s.to_string()));
        spawn_silica(&args, work.path())
    };
    let first = spawn("0/2", &[]);
    let mut second = spawn("1/2", &["--no-cache"]);
    // Killed once some of its batches are committed and before it finishes.
    let deadline = Instant::now() + Duration::from_secs(300);
    let shard_docs = |url: &str| -> i64 {
        client(url)
            .query_one("SELECT count(*) FROM silica_documents", &[])
            .map(|r| r.get(0))
            .unwrap_or(0)
    };
    let mut killed_at = None;
    while Instant::now() < deadline {
        if second.try_wait().unwrap().is_some() {
            break;
        }
        let n = client(&sharded)
            .query_one(
                "SELECT count(*) FROM silica_documents WHERE hash IS NOT NULL",
                &[],
            )
            .map(|r| r.get::<_, i64>(0))
            .unwrap_or(0);
        if n >= 100 {
            second.kill().unwrap();
            killed_at = Some(n);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = second.wait();
    let first = first.wait_with_output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        killed_at.is_some(),
        "shard 1/2 finished before it could be killed"
    );
    let partial = shard_docs(&sharded);
    assert!(partial < 280, "{partial}");
    // What was committed is whole: every stored document has its passage.
    assert_eq!(documents_without_passages(&sharded), 0);
    let rerun = silica(
        &add(&sharded, &["--shard", "1/2"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        work.path(),
    );
    ok(&rerun);
    assert_same_store(&stored(&sharded), &expected);
    let verify = json(&silica(
        &["index", "verify", "--store", &sharded, "--format", "json"],
        work.path(),
    ));
    assert_eq!(verify["ok"], true, "{verify}");
}

#[test]
fn bad_conditions_are_one_line_errors_and_leave_nothing_half_written() {
    let server = Server::start();
    let work = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();

    // Nothing listens there.
    let err = one_line_error(&silica(
        &[
            "neighbors",
            "--store",
            "postgres://silica:secret@127.0.0.1:1/none",
            "-q",
            "x",
        ],
        work.path(),
    ));
    assert!(err.contains("cannot connect"), "{err}");
    assert!(!err.contains("secret"), "{err}");
    // Not a URL silica reads.
    let err = one_line_error(&silica(
        &["index", "stats", "--store", "mysql://x"],
        work.path(),
    ));
    assert!(err.contains("postgres://"), "{err}");
    // A database with no store, and without pgvector installed in it.
    let empty = server.database("empty");
    let err = one_line_error(&silica(&["index", "stats", "--store", &empty], work.path()));
    assert!(err.contains("no silica store"), "{err}");

    // halfvec needs pgvector 0.7; a directory has no vector column to choose.
    let err = one_line_error(&silica(
        &[
            "index",
            "add",
            seeds,
            "--store",
            &server.database("half"),
            "--vector-type",
            "halfvec",
        ],
        work.path(),
    ));
    assert!(err.contains("needs pgvector 0.7"), "{err}");
    let created: bool = client(&server.database("half"))
        .query_one("SELECT to_regclass('silica_meta') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert!(!created, "a refused store left tables behind");
    let err = one_line_error(&silica(
        &[
            "index",
            "add",
            seeds,
            "--index",
            work.path().join("x.idx").to_str().unwrap(),
            "--vector-type",
            "vector",
        ],
        work.path(),
    ));
    assert!(err.contains("--vector-type"), "{err}");

    // A store built with another model refuses this one.
    let url = server.database("store");
    ok(&silica(
        &["index", "add", seeds, "--store", &url],
        work.path(),
    ));
    let tiny = work.path().join("tiny");
    write_tiny_model(&tiny);
    let err = one_line_error(&silica(
        &[
            "index",
            "add",
            seeds,
            "--store",
            &url,
            "--model",
            tiny.to_str().unwrap(),
        ],
        work.path(),
    ));
    assert!(
        err.contains("other settings") && err.contains("model"),
        "{err}"
    );
    let err = one_line_error(&silica(
        &[
            "neighbors",
            "--store",
            &url,
            "-q",
            "puces",
            "--model",
            tiny.to_str().unwrap(),
        ],
        work.path(),
    ));
    assert!(err.contains("built with"), "{err}");
    // ... and so does a server over it, before it listens.
    let err = one_line_error(&silica(
        &[
            "serve",
            "--store",
            &url,
            "--model",
            tiny.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ],
        work.path(),
    ));
    assert!(err.contains("built with"), "{err}");
    // A schema newer than this build's is refused, not misread.
    client(&url)
        .batch_execute("UPDATE silica_meta SET value = '99' WHERE key = 'schema_version'")
        .unwrap();
    let err = one_line_error(&silica(&["index", "stats", "--store", &url], work.path()));
    assert!(err.contains("newer"), "{err}");

    // A wrong password, once the server asks for one.
    let mut admin = server.client();
    admin
        .batch_execute("CREATE ROLE reader LOGIN PASSWORD 'right'")
        .unwrap();
    let data: String = admin.query_one("SHOW data_directory", &[]).unwrap().get(0);
    let hba = Path::new(&data).join("pg_hba.conf");
    let original = std::fs::read_to_string(&hba).unwrap();
    std::fs::write(&hba, format!("local all reader scram-sha-256\n{original}")).unwrap();
    admin.batch_execute("SELECT pg_reload_conf()").unwrap();
    let wrong =
        url.replacen("postgres:@", "reader:wrong@", 1)
            .replacen("postgres@", "reader:wrong@", 1);
    let err = one_line_error(&silica(&["index", "stats", "--store", &wrong], work.path()));
    assert!(err.contains("password authentication failed"), "{err}");
    assert!(!err.contains("wrong@"), "{err}");

    // A connection dropped in the middle of a load: a one-line error, every committed
    // document whole, and the re-run completes it.
    let load = server.database("load");
    let corpus = sentences_corpus(work.path());
    let corpus = corpus.to_str().unwrap();
    let args = [
        "index",
        "add",
        corpus,
        "--keep-all",
        "--keep-duplicates",
        "--store",
        &load,
        "--commit-every",
        "4",
        "--no-cache",
    ];
    let mut child = spawn_silica(&args, work.path());
    // Once 20 documents are committed, silica's connections are terminated every few
    // milliseconds until it gives up: the pool replaces a connection found dead between
    // batches, so the load fails when one dies inside a batch's transaction.
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut dropped = 0;
    while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
        let docs: i64 = client(&load)
            .query_one(
                "SELECT CASE WHEN to_regclass('silica_documents') IS NULL THEN 0
                 ELSE (SELECT count(*) FROM silica_documents) END",
                &[],
            )
            .map(|r| r.get(0))
            .unwrap_or(0);
        if docs >= 20 {
            let terminated: i64 = admin
                .query_one(
                    // OFFSET 0 keeps the filter ahead of the call (the planner may
                    // otherwise run it on every backend, this one included).
                    "SELECT count(*) FROM (SELECT pid FROM pg_stat_activity
                       WHERE application_name = 'silica' AND datname = 'load' OFFSET 0) t
                     WHERE pg_terminate_backend(t.pid)",
                    &[],
                )
                .unwrap()
                .get(0);
            dropped += terminated;
            std::thread::sleep(Duration::from_millis(2));
        } else {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    assert!(
        dropped > 0,
        "the load finished before its connection could be dropped"
    );
    let out = child.wait_with_output().unwrap();
    let err = one_line_error(&out);
    assert!(err.contains(&redacted(&load)), "{err}");
    assert_eq!(documents_without_passages(&load), 0);
    ok(&silica(&args, work.path()));
    let rows = stored(&load);
    assert_eq!(rows.len(), 280);
}

fn redacted(url: &str) -> String {
    silica::index::postgres::redact(url)
}

/// The store's passages of one document, as (id, text), in order.
fn store_passages(url: &str, doc: &str) -> Vec<(String, String)> {
    client(url)
        .query(
            "SELECT id, text FROM silica_passages WHERE document = $1 ORDER BY ordinal",
            &[&doc],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

#[test]
fn a_store_adds_a_new_document_as_an_index_directory_does_and_skips_files_by_their_stamps() {
    let server = Server::start();
    let url = server.database("incremental");
    let work = tempfile::tempdir().unwrap();
    let corpus = work.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (name, text) in [
        ("a.txt", "Harbour strike ends\n\nFiled by the river desk\n\nDock workers returned to the terminals on Monday after a two-week strike over pay, and the first container ships began unloading at dawn.\n"),
        ("b.txt", "Grain prices climb\n\nWheat futures rose for a fifth day as dry weather across the plains cut the expected harvest and buyers in Asia raised their orders for the coming season.\n"),
        ("c.txt", "Chip plant approved\n\nThe regional council approved a semiconductor plant that will employ two thousand people once its clean rooms open, the largest industrial project in a decade.\n"),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(corpus.join(name))
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    let add = |target: &[&str]| {
        let mut args = vec!["index", "add", "corpus"];
        args.extend_from_slice(target);
        let out = silica(&args, work.path());
        ok(&out);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    add(&["--store", &url]);
    add(&["--index", "idx"]);
    let again = add(&["--store", &url]);
    assert!(again.contains("0 removed, 3 unchanged"), "{again}");

    // The new document repeats a's credit line and b's paragraph.
    std::fs::write(
        corpus.join("d.txt"),
        "Ferry routes cut\n\nFiled by the river desk\n\nWheat futures rose for a fifth day as dry weather across the plains cut the expected harvest and buyers in Asia raised their orders for the coming season.\n\nThe ferry company will stop two island routes next month, blaming fuel costs and a shortage of trained crews for the cuts.\n",
    )
    .unwrap();
    let added = add(&["--store", &url]);
    assert!(
        added.contains("1 documents added (1 passages embedded), 0 removed, 3 unchanged"),
        "{added}"
    );
    add(&["--index", "idx"]);
    let passages = store_passages(&url, "d.txt");
    assert_eq!(passages.len(), 1, "{passages:?}");
    assert!(!passages[0].1.contains("river desk"), "{passages:?}");
    assert!(passages[0].1.contains("ferry company"), "{passages:?}");
    let dir = work.path().join("idx");
    assert_eq!(common::index_passages(&dir, "d.txt"), passages);

    // Edited in place with its size and time kept: the stamp is trusted; touched: read.
    let b = corpus.join("b.txt");
    std::fs::write(
        &b,
        std::fs::read_to_string(&b)
            .unwrap()
            .replace("Wheat", "Maize"),
    )
    .unwrap();
    let file = std::fs::File::options().write(true).open(&b).unwrap();
    file.set_modified(hour_ago).unwrap();
    let unseen = add(&["--store", &url]);
    assert!(unseen.contains("0 removed, 4 unchanged"), "{unseen}");
    file.set_modified(hour_ago + std::time::Duration::from_secs(60))
        .unwrap();
    let synced = add(&["--store", &url, "--sync"]);
    assert!(
        synced.contains("1 documents added (1 passages embedded), 1 removed, 3 unchanged"),
        "{synced}"
    );
    assert!(store_passages(&url, "b.txt")[0].1.contains("Maize"));
    let verify = json(&silica(
        &["index", "verify", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(verify["ok"], true, "{verify}");
}

/// (id, score) of `neighbors ARGS --format json`, scores as printed (4 decimals).
fn scored(args: &[&str], cwd: &Path) -> Vec<(String, f64)> {
    hits(&neighbors(args, cwd))
}

#[test]
fn lexical_and_hybrid_search_over_a_store_rank_as_an_index_directory_does() {
    let server = Server::start();
    let url = server.database("lexical");
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("seeds.idx");
    let dir = dir.to_str().unwrap();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    ok(&silica(
        &["index", "add", seeds, "--index", dir],
        work.path(),
    ));
    ok(&silica(
        &["index", "add", seeds, "--store", &url],
        work.path(),
    ));

    // The same terms and the same BM25 (FTS5's): the same hits, the same scores.
    let same = |extra: &[&str]| {
        let local = scored(&[&["--index", dir][..], extra].concat(), work.path());
        let store = scored(&[&["--store", &url][..], extra].concat(), work.path());
        assert!(!local.is_empty(), "{extra:?}");
        assert_eq!(
            local.iter().map(|h| &h.0).collect::<Vec<_>>(),
            store.iter().map(|h| &h.0).collect::<Vec<_>>(),
            "{extra:?}"
        );
        for (a, b) in local.iter().zip(&store) {
            assert!((a.1 - b.1).abs() <= 1.01e-4, "{extra:?}: {a:?} {b:?}");
        }
    };
    for query in ["contrôle des exportations de puces", "Israel AI agreement"] {
        same(&["--retrieval", "lexical", "-q", query]);
        same(&["--retrieval", "hybrid", "-q", query]);
        same(&["--retrieval", "lexical", "-q", query, "--lang", "fr"]);
    }
    same(&[
        "--retrieval",
        "lexical",
        "--id",
        "001_e463f5fad68e1c5d.txt#3",
    ]);
    // A query of stop words only matches nothing.
    assert!(scored(
        &["--store", &url, "--retrieval", "lexical", "-q", "de la"],
        work.path()
    )
    .is_empty());

    // `index verify` checks that every passage has its terms; `index add` fills them in.
    client(&url)
        .batch_execute(
            "INSERT INTO silica_term_totals SELECT -count(*), -sum(term_count) FROM silica_passages
                 WHERE document = '000_2b48e6d9b42260c2.txt';
             UPDATE silica_passages SET terms = NULL, term_count = NULL WHERE document = '000_2b48e6d9b42260c2.txt';
             INSERT INTO silica_meta VALUES ('terms_pending', 'true');",
        )
        .unwrap();
    assert_verify_finds(&url, "passages have no terms", work.path());
    ok(&silica(
        &["index", "add", seeds, "--store", &url],
        work.path(),
    ));
    let verify = json(&silica(
        &["index", "verify", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(verify["ok"], true, "{verify}");
    same(&["--retrieval", "lexical", "-q", "Pax Silica"]);
    // Totals that do not count the table are a problem too.
    client(&url)
        .batch_execute("INSERT INTO silica_term_totals VALUES (1, 5)")
        .unwrap();
    assert_verify_finds(&url, "the lexical totals count", work.path());
    client(&url)
        .batch_execute("INSERT INTO silica_term_totals VALUES (-1, -5)")
        .unwrap();

    // A store from before the lexical side (schema 2) is refused for queries until an
    // `index add` migrates it and gives its passages their terms.
    client(&url)
        .batch_execute(
            "DROP INDEX silica_passages_terms;
             ALTER TABLE silica_passages DROP COLUMN terms, DROP COLUMN term_count;
             DROP TABLE silica_term_languages, silica_term_totals;
             UPDATE silica_meta SET value = '2' WHERE key = 'schema_version';",
        )
        .unwrap();
    let refused = silica(&["neighbors", "--store", &url, "-q", "puces"], work.path());
    assert!(
        one_line_error(&refused).contains("run `silica index add` once"),
        "{}",
        one_line_error(&refused)
    );
    let migrated = silica(&["index", "add", seeds, "--store", &url], work.path());
    assert!(String::from_utf8_lossy(&ok_stderr(&migrated)).contains("0 documents added"));
    same(&["--retrieval", "hybrid", "-q", "chaînes d'approvisionnement"]);
    let verify = json(&silica(
        &["index", "verify", "--store", &url, "--format", "json"],
        work.path(),
    ));
    assert_eq!(verify["ok"], true, "{verify}");
}

/// `index verify` fails on the store and lists a problem containing `problem`.
fn assert_verify_finds(url: &str, problem: &str, cwd: &Path) {
    let broken = silica(
        &["index", "verify", "--store", url, "--format", "json"],
        cwd,
    );
    assert_eq!(broken.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&broken.stdout).unwrap();
    assert!(report["problems"].to_string().contains(problem), "{report}");
}

/// The run's stderr, after asserting that it succeeded.
fn ok_stderr(out: &Output) -> Vec<u8> {
    ok(out);
    out.stderr.clone()
}
