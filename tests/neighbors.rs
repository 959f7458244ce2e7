//! Related passages and the embedding cache, end to end with the real models: cache hits
//! and misses, concurrent writers, an interrupted run, a damaged cache file; cross-lingual
//! neighbours, passage ids, all-pairs, and bad requests.

mod common;

use common::{provisioned_model, repo_root, silica_command};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn command(args: &[&str], cwd: &Path) -> Command {
    provisioned_model("multilingual-e5-small");
    provisioned_model("all-MiniLM-L6-v2");
    let mut c = silica_command(cwd);
    c.args(args).env("XDG_CACHE_HOME", cwd.join("xdg-cache"));
    c
}

fn silica(args: &[&str], cwd: &Path) -> Output {
    command(args, cwd).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The run, after asserting that it succeeded.
fn succeeded(out: Output) -> Output {
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn one_line_error(out: &Output, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
}

/// `N from the cache` in `silica embed`'s summary line.
fn cached_count(out: &Output) -> usize {
    let err = stderr(out);
    let at = err
        .find(" from the cache")
        .unwrap_or_else(|| panic!("{err}"));
    err[..at]
        .rsplit('(')
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_second_run_computes_nothing_and_changes_are_misses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    let cache = d.join("cache.sqlite");
    let cache = cache.to_str().unwrap();
    let first = succeeded(silica(
        &["embed", seeds, "--cache", cache, "-o", "a.jsonl"],
        d,
    ));
    assert_eq!(cached_count(&first), 0);
    let second = succeeded(silica(
        &["embed", seeds, "--cache", cache, "-o", "b.jsonl"],
        d,
    ));
    assert!(
        stderr(&second).contains("48 from the cache, 0 tokens computed"),
        "{}",
        stderr(&second)
    );
    assert_eq!(
        std::fs::read(d.join("a.jsonl")).unwrap(),
        std::fs::read(d.join("b.jsonl")).unwrap()
    );
    // Another prompt, another model: misses.
    let query = succeeded(silica(
        &[
            "embed", seeds, "--cache", cache, "--prompt", "query", "-o", "c.jsonl",
        ],
        d,
    ));
    assert_eq!(cached_count(&query), 0);
    let minilm = succeeded(silica(
        &[
            "embed",
            seeds,
            "--cache",
            cache,
            "--model",
            "sentence-transformers/all-MiniLM-L6-v2",
            "-o",
            "d.jsonl",
        ],
        d,
    ));
    assert_eq!(cached_count(&minilm), 0);
    // One changed passage: one miss.
    std::fs::create_dir(d.join("docs")).unwrap();
    std::fs::write(d.join("docs/a.txt"), "The port reopened on Monday after the storm passed.\n\nShipping lines resumed their scheduled calls to the terminal.\n").unwrap();
    succeeded(silica(
        &["embed", "docs", "--cache", cache, "-o", "e.jsonl"],
        d,
    ));
    std::fs::write(d.join("docs/a.txt"), "The port reopened on Monday after the storm passed.\n\nShipping lines resumed their scheduled calls to the terminals.\n").unwrap();
    let changed = succeeded(silica(
        &["embed", "docs", "--cache", cache, "-o", "f.jsonl"],
        d,
    ));
    assert_eq!(cached_count(&changed), 1, "{}", stderr(&changed));
    let stats = succeeded(silica(&["cache", "stats", "--cache", cache], d));
    assert!(String::from_utf8_lossy(&stats.stdout).contains(" vectors"));
}

#[test]
fn two_writers_at_once_and_an_interrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cache = d.join("cache.sqlite");
    let cache = cache.to_str().unwrap();
    // Two inputs of distinct sentences (STS-B French test, copied slices).
    let lines: Vec<String> =
        std::fs::read_to_string(repo_root().join("tests/data/reference/passages.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
    std::fs::write(d.join("one.txt"), lines[..40].join("\n\n")).unwrap();
    std::fs::write(d.join("two.txt"), lines[40..].join("\n\n")).unwrap();
    let spawn = |input: &str| {
        command(
            &[
                "embed",
                input,
                "--cache",
                cache,
                "--no-text",
                "-o",
                &format!("{input}.jsonl"),
            ],
            d,
        )
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
    };
    let (a, b) = (spawn("one.txt"), spawn("two.txt"));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(
        a.status.success() && b.status.success(),
        "{} {}",
        stderr(&a),
        stderr(&b)
    );
    let again = succeeded(silica(
        &[
            "embed",
            "one.txt",
            "two.txt",
            "--cache",
            cache,
            "--no-text",
            "-o",
            "both.jsonl",
        ],
        d,
    ));
    let err = stderr(&again);
    assert!(
        err.contains("0 tokens computed"),
        "both writers' vectors are in the cache: {err}"
    );

    // An interrupted run: many distinct texts, killed once some chunks are committed.
    let many: Vec<String> = (0..3000)
        .map(|i| {
            format!(
                "Ligne numéro {i} : {}",
                lines[i % lines.len()].chars().take(80).collect::<String>()
            )
        })
        .collect();
    std::fs::write(
        d.join("many.jsonl"),
        many.iter()
            .map(|t| serde_json::json!({"text": t}).to_string() + "\n")
            .collect::<String>(),
    )
    .unwrap();
    let fresh = d.join("fresh.sqlite");
    let fresh = fresh.to_str().unwrap();
    let mut child = command(
        &[
            "embed",
            "many.jsonl",
            "--cache",
            fresh,
            "--model",
            "sentence-transformers/all-MiniLM-L6-v2",
            "--no-text",
            "-o",
            "many.npy",
        ],
        d,
    )
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let started = std::time::Instant::now();
    // Wait until the cache holds at least one committed chunk, then kill.
    loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let stats = silica(&["cache", "stats", "--cache", fresh], d);
        let text = String::from_utf8_lossy(&stats.stdout).to_string();
        let n: usize = text
            .split(": ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if n >= 256 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run was interrupted");
    assert!(!d.join("many.npy").exists(), "no partial output");
    let resumed = succeeded(silica(
        &[
            "embed",
            "many.jsonl",
            "--cache",
            fresh,
            "--model",
            "sentence-transformers/all-MiniLM-L6-v2",
            "--no-text",
            "-o",
            "many.npy",
        ],
        d,
    ));
    let cached = cached_count(&resumed);
    assert!(
        (256..3000).contains(&cached),
        "the resumed run reuses the committed vectors: {cached}"
    );
}

#[test]
fn a_damaged_cache_says_how_to_reset_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "The port reopened on Monday after the storm passed.",
    )
    .unwrap();
    let cache = d.join("cache.sqlite");
    succeeded(silica(
        &["embed", "a.txt", "--cache", cache.to_str().unwrap()],
        d,
    ));
    let bytes = std::fs::read(&cache).unwrap();
    std::fs::write(&cache, &bytes[..bytes.len().min(100)]).unwrap();
    let out = silica(&["embed", "a.txt", "--cache", cache.to_str().unwrap()], d);
    one_line_error(
        &out,
        &[
            "cache.sqlite",
            "not a usable silica embedding cache",
            "silica cache clear",
        ],
    );
    succeeded(silica(
        &["cache", "clear", "--cache", cache.to_str().unwrap()],
        d,
    ));
    succeeded(silica(
        &["embed", "a.txt", "--cache", cache.to_str().unwrap()],
        d,
    ));
}

#[test]
fn questions_in_other_languages_find_the_french_passages() {
    let root = repo_root();
    let out = succeeded(silica(
        &[
            "neighbors",
            "seeds/",
            "--no-cache",
            "--format",
            "json",
            "-k",
            "3",
            "-q",
            "What did Israel and the United States sign about artificial intelligence?",
            "-q",
            "Welche Länder arbeiten bei Landwirtschaft und Energie zusammen?",
        ],
        &root,
    ));
    let lists: Vec<Vec<serde_json::Value>> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(lists.len(), 2);
    assert!(
        lists[0][0]["id"].as_str().unwrap().starts_with("000_"),
        "{:?}",
        lists[0][0]
    );
    assert!(
        lists[1][0]["id"].as_str().unwrap().starts_with("004_"),
        "{:?}",
        lists[1][0]
    );
    for list in &lists {
        assert_eq!(
            list.iter()
                .map(|h| h["rank"].as_u64().unwrap())
                .collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(list
            .windows(2)
            .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
        for field in ["score", "id", "source", "text", "start", "end"] {
            assert!(list[0].get(field).is_some(), "{field}");
        }
    }
    // A passage's neighbours, not itself; a minimum score.
    let by_id = succeeded(silica(
        &[
            "neighbors",
            "seeds/",
            "--no-cache",
            "--format",
            "json",
            "--id",
            "004_34af2a305ba584ef.txt#0",
            "--min-score",
            "0.5",
        ],
        &root,
    ));
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&by_id.stdout).unwrap();
    assert!(!hits.is_empty() && hits.iter().all(|h| h["id"] != "004_34af2a305ba584ef.txt#0"));
    // All pairs across documents.
    let pairs = succeeded(silica(
        &[
            "neighbors",
            "seeds/",
            "--no-cache",
            "--format",
            "json",
            "--all-pairs",
            "--threshold",
            "0.9",
            "--cross-document",
        ],
        &root,
    ));
    let pairs: Vec<serde_json::Value> = serde_json::from_slice(&pairs.stdout).unwrap();
    for p in &pairs {
        assert!(p["score"].as_f64().unwrap() >= 0.9);
        assert_ne!(p["a"]["source"], p["b"]["source"]);
    }
}

#[test]
fn bad_neighbour_requests() {
    let root = repo_root();
    one_line_error(
        &silica(
            &["neighbors", "seeds/", "--no-cache", "--id", "nope#3"],
            &root,
        ),
        &["no passage with id \"nope#3\""],
    );
    one_line_error(
        &silica(&["neighbors", "seeds/", "--no-cache", "-q", "  "], &root),
        &["query 1 is empty"],
    );
    one_line_error(
        &silica(
            &["neighbors", "seeds/", "--no-cache", "-q", "x", "-k", "0"],
            &root,
        ),
        &["-k must be at least 1"],
    );
    one_line_error(
        &silica(&["neighbors", "seeds/", "--no-cache"], &root),
        &["nothing to search for"],
    );
    let long = "the port and the ships ".repeat(200);
    let out = succeeded(silica(
        &["neighbors", "seeds/", "--no-cache", "-q", &long, "-k", "1"],
        &root,
    ));
    assert!(
        stderr(&out).contains("only the first 512 are read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn similarity_of_two_texts_and_of_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = succeeded(silica(
        &[
            "similarity",
            "--no-cache",
            "Le chat dort sur le canapé.",
            "The cat is sleeping on the sofa.",
        ],
        d,
    ));
    let close: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    let out = succeeded(silica(
        &[
            "similarity",
            "--no-cache",
            "Le chat dort sur le canapé.",
            "Les exportations de puces sont limitées.",
        ],
        d,
    ));
    let far: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(close > far + 0.03, "{close} vs {far}");
    std::fs::write(
        d.join("pairs.csv"),
        "a,b,gold\nLe chat dort.,The cat sleeps.,5\n\"Il pleut, encore.\",Stocks fell.,0\n",
    )
    .unwrap();
    succeeded(silica(
        &[
            "similarity",
            "--no-cache",
            "--pairs",
            "pairs.csv",
            "--header",
            "-o",
            "scored.csv",
        ],
        d,
    ));
    let scored = std::fs::read_to_string(d.join("scored.csv")).unwrap();
    let lines: Vec<&str> = scored.lines().collect();
    assert_eq!(lines[0], "a,b,gold,score");
    assert!(
        lines[2].starts_with("\"Il pleut, encore.\",Stocks fell.,0,0."),
        "{scored}"
    );
    one_line_error(
        &silica(&["similarity", "--no-cache", "only one"], d),
        &["two texts"],
    );
}

#[test]
fn lexical_and_hybrid_neighbours_over_a_corpus_and_an_index() {
    let root = repo_root();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let index = index.to_str().unwrap();
    let hits = |args: &[&str]| -> Vec<serde_json::Value> {
        // No cache: the runs write nothing under the repository.
        let mut all = vec!["neighbors", "--no-cache", "--format", "json", "-k", "5"];
        all.extend_from_slice(args);
        serde_json::from_slice(&succeeded(silica(&all, &root)).stdout).unwrap()
    };
    let names = |list: &[serde_json::Value]| -> Vec<(String, String)> {
        list.iter()
            .map(|h| {
                (
                    h["id"].to_string(),
                    format!("{:.3}", h["score"].as_f64().unwrap()),
                )
            })
            .collect()
    };
    // Names only one seed holds: BM25 finds its passages first, over the corpus and over
    // an index of it alike (same terms, same scores, same order).
    let query = ["-q", "Helberg Yamada Pax Silica"];
    let corpus = hits(&[&["seeds/", "--retrieval", "lexical"][..], &query].concat());
    assert!(
        corpus[0]["id"].as_str().unwrap().starts_with("001_"),
        "{corpus:?}"
    );
    assert!(corpus
        .windows(2)
        .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
    succeeded(silica(
        &["index", "add", "seeds/", "--index", index, "--no-cache"],
        &root,
    ));
    let stored = hits(&[&["--index", index, "--retrieval", "lexical"][..], &query].concat());
    assert_eq!(names(&corpus), names(&stored));
    // Words no passage has: no hit (and no model was needed to say so).
    let none = hits(&[
        "--index",
        index,
        "--retrieval",
        "lexical",
        "-q",
        "zzzqqq xylophone",
    ]);
    assert!(none.is_empty(), "{none:?}");
    // Hybrid: the fused ranking, scores between 0 and 1, the same over corpus and index.
    let question = ["-q", "Which partnership did Washington sign with Japan?"];
    let fused = hits(&[&["--index", index, "--retrieval", "hybrid"][..], &question].concat());
    assert_eq!(fused.len(), 5);
    assert!(
        fused[0]["id"].as_str().unwrap().starts_with("001_"),
        "{fused:?}"
    );
    assert!(fused
        .iter()
        .all(|h| (0.0..=1.0).contains(&h["score"].as_f64().unwrap())));
    let fused_corpus = hits(&[&["seeds/", "--retrieval", "hybrid"][..], &question].concat());
    assert_eq!(names(&fused), names(&fused_corpus));
    // A passage by id: its own text is the lexical query, and it is not its own hit.
    let id = corpus[0]["id"].as_str().unwrap().to_string();
    let related = hits(&["--index", index, "--retrieval", "hybrid", "--id", &id]);
    assert!(!related.is_empty() && related.iter().all(|h| h["id"] != id.as_str()));
    // Filters hold on the lexical side too: one seed's passages only.
    let source = corpus[0]["source"].as_str().unwrap().to_string();
    let other = corpus
        .iter()
        .find(|h| h["source"] != source.as_str())
        .map(|h| h["source"].as_str().unwrap().to_string());
    if let Some(other) = other {
        let kept = hits(
            &[
                &[
                    "--index",
                    index,
                    "--retrieval",
                    "lexical",
                    "--source",
                    &other,
                ][..],
                &query,
            ]
            .concat(),
        );
        assert!(
            kept.iter().all(|h| h["source"] == other.as_str()),
            "{kept:?}"
        );
    }
    for (extra, says) in [
        (["--lang", "en"], "no indexed passage in en"),
        (["--min-score", "0.5"], "applies to --retrieval dense only"),
    ] {
        let mut args = vec![
            "neighbors",
            "--index",
            index,
            "--retrieval",
            "lexical",
            "-q",
            "x",
        ];
        args.extend(extra);
        one_line_error(&silica(&args, &root), &[says]);
    }
    // `index verify` checks the lexical side against the tables.
    let verify = succeeded(silica(
        &["index", "verify", "--index", index, "--format", "json"],
        &root,
    ));
    let report: serde_json::Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    let conn = rusqlite::Connection::open(dir.path().join("idx/index.sqlite")).unwrap();
    conn.execute(
        "DELETE FROM passage_terms WHERE rowid = (SELECT MIN(key) FROM passages)",
        [],
    )
    .unwrap();
    drop(conn);
    let broken = silica(
        &["index", "verify", "--index", index, "--format", "json"],
        &root,
    );
    assert!(!broken.status.success());
    assert!(
        String::from_utf8_lossy(&broken.stdout).contains("the lexical index holds 47 passages"),
        "{}{}",
        String::from_utf8_lossy(&broken.stdout),
        stderr(&broken)
    );
}
