//! `silica index` and `silica neighbors --index` with the real model, a real SQLite file and
//! a real usearch graph.

mod common;

use common::{provisioned_model, repo_root};
use std::path::Path;
use std::process::Output;

use common::{ok, silica_with_models as silica};

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of the seeds in a fresh directory (the tests change it).
fn seeds_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(repo_root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("corpus").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

fn ids(list: &serde_json::Value) -> Vec<(String, f64)> {
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

#[test]
fn an_index_answers_as_the_corpus_does_and_the_ann_equals_exact_on_a_small_set() {
    let dir = seeds_copy();
    let cwd = dir.path();
    let add = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&add);
    assert!(
        stderr(&add).contains("5 documents added (48 passages embedded)"),
        "{}",
        stderr(&add)
    );

    for q in [
        "What did Israel and the United States sign about AI?",
        "Welche Länder arbeiten bei Energie zusammen?",
    ] {
        let corpus = json(&silica(
            &[
                "neighbors",
                "corpus",
                "-q",
                q,
                "-k",
                "5",
                "--format",
                "json",
            ],
            cwd,
        ));
        let exact = json(&silica(
            &[
                "neighbors",
                "--index",
                "idx",
                "-q",
                q,
                "-k",
                "5",
                "--format",
                "json",
                "--search",
                "exact",
            ],
            cwd,
        ));
        // 48 passages: the graph's search visits every node, so ANN + re-scoring is exact.
        let ann = json(&silica(
            &[
                "neighbors",
                "--index",
                "idx",
                "-q",
                q,
                "-k",
                "5",
                "--format",
                "json",
                "--search",
                "ann",
            ],
            cwd,
        ));
        assert_eq!(ids(&corpus), ids(&exact), "{q}");
        assert_eq!(ids(&exact), ids(&ann), "{q}");
        assert_eq!(corpus[0]["text"], exact[0]["text"]);
        assert_eq!(corpus[0]["start"], exact[0]["start"]);
    }
    // A stored passage as the query: no model needed, and it is not its own neighbour.
    let by_id = json(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "--id",
            "003_20e56192cbb866e0.txt#1",
            "-k",
            "3",
            "--format",
            "json",
            "--model",
            "/nonexistent/model",
        ],
        cwd,
    ));
    let hits = ids(&by_id);
    assert_eq!(hits.len(), 3);
    assert!(hits
        .iter()
        .all(|(id, _)| id != "003_20e56192cbb866e0.txt#1"));
    let corpus_by_id = json(&silica(
        &[
            "neighbors",
            "corpus",
            "--id",
            "003_20e56192cbb866e0.txt#1",
            "-k",
            "3",
            "--format",
            "json",
        ],
        cwd,
    ));
    // The corpus path embeds the passage again as a query; the index uses its stored vector
    // (passage prompt): the same neighbours, slightly different cosines.
    let names = |l: &[(String, f64)]| l.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ids(&corpus_by_id)), names(&hits));

    let pairs = json(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "--all-pairs",
            "--threshold",
            "0.9",
            "--format",
            "json",
        ],
        cwd,
    ));
    let corpus_pairs = json(&silica(
        &[
            "neighbors",
            "corpus",
            "--all-pairs",
            "--threshold",
            "0.9",
            "--format",
            "json",
        ],
        cwd,
    ));
    assert_eq!(pairs, corpus_pairs);

    let stats = json(&silica(
        &["index", "stats", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["passages"], 48);
    assert_eq!(stats["dimensions"], 384);
    assert_eq!(stats["ann_current"], true);
    assert!(stats["bytes_on_disk"].as_u64().unwrap() > 48 * 384 * 4);

    let verify = json(&silica(
        &["index", "verify", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(verify["ok"], true, "{verify}");
    assert_eq!(verify["recall"]["recall"], 1.0, "{verify}");
}

#[test]
fn a_grown_corpus_embeds_only_what_is_new_and_sync_follows_edits_and_deletions() {
    let dir = seeds_copy();
    let cwd = dir.path();
    ok(&silica(&["index", "add", "corpus", "--index", "idx"], cwd));
    std::fs::write(
        cwd.join("corpus/new.txt"),
        "Port congestion delays shipping\n\nContainer ships waited a week outside the port as strikes and storms slowed unloading at the terminals.\n",
    )
    .unwrap();
    let again = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&again);
    assert!(
        stderr(&again).contains("1 documents added (1 passages embedded), 0 removed, 5 unchanged"),
        "{}",
        stderr(&again)
    );

    // Edit one document, delete another.
    let edited = cwd.join("corpus/new.txt");
    std::fs::write(&edited, "Drought forces water rationing\n\nThe regional government ordered water rationing in forty towns after the driest spring in sixty years.\n").unwrap();
    std::fs::remove_file(cwd.join("corpus/004_34af2a305ba584ef.txt")).unwrap();
    let without_sync = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&without_sync);
    assert!(
        stderr(&without_sync).contains("1 changed but kept as indexed"),
        "{}",
        stderr(&without_sync)
    );
    let synced = silica(&["index", "add", "corpus", "--index", "idx", "--sync"], cwd);
    ok(&synced);
    assert!(
        stderr(&synced).contains("1 documents added (1 passages embedded), 2 removed, 4 unchanged"),
        "{}",
        stderr(&synced)
    );
    let hits = json(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "-q",
            "water rationing in a drought",
            "-k",
            "1",
            "--format",
            "json",
        ],
        cwd,
    ));
    assert_eq!(hits[0]["id"], "new.txt#0");
    let gone = json(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "-q",
            "agri-tech in Azerbaijan",
            "-k",
            "48",
            "--format",
            "json",
        ],
        cwd,
    ));
    assert!(ids(&gone).iter().all(|(id, _)| !id.starts_with("004_")));

    // remove by source, then the index still verifies.
    let removed = silica(
        &[
            "index",
            "remove",
            "--index",
            "idx",
            "--source",
            "corpus/new.txt",
        ],
        cwd,
    );
    ok(&removed);
    assert!(
        stderr(&removed).starts_with("1 documents removed"),
        "{}",
        stderr(&removed)
    );
    let verify = json(&silica(
        &["index", "verify", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(verify["ok"], true, "{verify}");
    let stats = json(&silica(
        &["index", "stats", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(stats["documents"], 4);
    let missing = silica(
        &["index", "remove", "--index", "idx", "--id", "nope.txt"],
        cwd,
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no document with id \"nope.txt\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn an_index_of_another_model_or_setting_is_refused_naming_both() {
    provisioned_model("all-MiniLM-L6-v2");
    let dir = seeds_copy();
    let cwd = dir.path();
    ok(&silica(&["index", "add", "corpus", "--index", "idx"], cwd));
    let other = silica(
        &[
            "index",
            "add",
            "corpus",
            "--index",
            "idx",
            "--model",
            "all-MiniLM-L6-v2",
        ],
        cwd,
    );
    assert_eq!(other.status.code(), Some(1));
    let e = stderr(&other);
    assert!(
        e.contains("multilingual-e5-small") && e.contains("all-MiniLM-L6-v2"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    let setting = silica(
        &["index", "add", "corpus", "--index", "idx", "--overlap", "1"],
        cwd,
    );
    assert_eq!(setting.status.code(), Some(1));
    assert!(
        stderr(&setting).contains("--overlap: the index has 0, this run 1"),
        "{}",
        stderr(&setting)
    );
    let query = silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "-q",
            "chips",
            "--model",
            "all-MiniLM-L6-v2",
        ],
        cwd,
    );
    assert_eq!(query.status.code(), Some(1));
    assert!(
        stderr(&query).contains("--model intfloat/multilingual-e5-small"),
        "{}",
        stderr(&query)
    );
    for (args, message) in [
        (
            vec!["neighbors", "--index", "nowhere", "-q", "x"],
            "no index here",
        ),
        (
            vec!["neighbors", "corpus", "--index", "idx", "-q", "x"],
            "not both",
        ),
        (
            vec!["neighbors", "--index", "idx", "--id", "nope#0"],
            "no passage with id",
        ),
    ] {
        let out = silica(&args, cwd);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_killed_index_add_keeps_its_commits_and_the_next_run_completes_it() {
    let dir = seeds_copy();
    let cwd = dir.path();
    let tables = cwd.join("idx/index.sqlite");
    let mut child = common::silica_command(cwd)
        .args([
            "index",
            "add",
            "corpus",
            "--index",
            "idx",
            "--commit-every",
            "1",
            "--no-cache",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let committed = || -> i64 {
        rusqlite::Connection::open_with_flags(&tables, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    let start = std::time::Instant::now();
    while committed() == 0 && start.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let after_kill = committed();
    assert!(after_kill >= 1, "a batch was committed before the kill");

    let resumed = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&resumed);
    assert!(
        stderr(&resumed).contains(&format!("{} unchanged", after_kill)),
        "{}",
        stderr(&resumed)
    );
    let stats = json(&silica(
        &["index", "stats", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["passages"], 48);
    let verify = json(&silica(
        &["index", "verify", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(verify["ok"], true, "{verify}");
}

#[test]
fn the_ann_finds_the_exact_neighbours_of_real_passages_and_verify_checks_every_stored_vector() {
    // Real text: the seeds, every STS-B sentence of the French dev slice and the PIAF
    // paragraphs of the themes slice, each a document of its own.
    let dir = seeds_copy();
    let cwd = dir.path();
    let eval = repo_root().join("tests/data/eval");
    let mut rows = String::new();
    let mut n = 0;
    let csv = std::fs::read_to_string(eval.join("stsb-fr-dev-slice.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        for text in [&record[0], &record[1]] {
            rows.push_str(&serde_json::json!({"id": format!("s{n}"), "text": text}).to_string());
            rows.push('\n');
            n += 1;
        }
    }
    rows.push_str(&std::fs::read_to_string(eval.join("piaf-themes-slice.jsonl")).unwrap());
    std::fs::write(cwd.join("corpus/real.jsonl"), rows).unwrap();
    ok(&silica(
        &[
            "index",
            "add",
            "corpus",
            "--index",
            "idx",
            "--min-chars",
            "1",
            // One thread builds the same graph every run (on more, its shape depends on
            // the threads' interleaving), so the recalls below are the same every run.
            "--threads",
            "1",
        ],
        cwd,
    ));
    let stats = json(&silica(
        &["index", "stats", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert!(stats["passages"].as_u64().unwrap() > 200, "{stats}");
    // The graph with the index's settings finds the exact top 10 of real vectors; a
    // deliberately narrow search (ef 16, no candidate beyond the 10 asked) measures lower,
    // so the number is the searcher's, not a constant.
    let recall = |extra: &[&str]| {
        let mut args = vec![
            "index", "verify", "--index", "idx", "--sample", "150", "--format", "json",
        ];
        args.extend_from_slice(extra);
        let verify = json(&silica(&args, cwd));
        assert_eq!(verify["ok"], true, "{verify}");
        verify["recall"]["recall"].as_f64().unwrap()
    };
    let full = recall(&[]);
    assert!(full >= 0.99, "recall@10 {full}");
    let narrow = recall(&["--ef", "16", "--candidates", "10"]);
    eprintln!("recall@10: {full} as built, {narrow} narrow");
    assert!(narrow < full, "narrow {narrow}, full {full}");

    // A vector file that disagrees with the tables is a problem verify names.
    let path = cwd.join("idx/vectors.f32");
    let mut bytes = std::fs::read(&path).unwrap();
    let row = 384 * 4;
    for b in &mut bytes[3 * row..3 * row + 16] {
        *b ^= 0x55;
    }
    std::fs::write(&path, bytes).unwrap();
    let broken = silica(&["index", "verify", "--index", "idx"], cwd);
    assert!(!broken.status.success());
    assert!(
        String::from_utf8_lossy(&broken.stdout)
            .contains("differ between the tables and vectors.f32"),
        "{}",
        String::from_utf8_lossy(&broken.stdout)
    );
}

/// A small English corpus: three documents, the first with a credit line that appears
/// nowhere else yet.
fn wire_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let docs = [
        ("a.txt", "Harbour strike ends\n\nFiled by the river desk\n\nDock workers returned to the terminals on Monday after a two-week strike over pay, and the first container ships began unloading at dawn.\n"),
        ("b.txt", "Grain prices climb\n\nWheat futures rose for a fifth day as dry weather across the plains cut the expected harvest and buyers in Asia raised their orders for the coming season.\n"),
        ("c.txt", "Chip plant approved\n\nThe regional council approved a semiconductor plant that will employ two thousand people once its clean rooms open, the largest industrial project in a decade.\n"),
    ];
    for (name, text) in docs {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    dir
}

/// Sets a file's modification time an hour back (as for a file written long before the index
/// took its stamp).
fn age(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    file.set_modified(then).unwrap();
}

#[test]
fn a_new_document_is_cleaned_and_deduplicated_against_the_stored_ones_as_over_the_whole_corpus() {
    let dir = wire_corpus();
    let cwd = dir.path();
    ok(&silica(&["index", "add", "corpus", "--index", "idx"], cwd));
    // The new document repeats a's credit line and b's paragraph, and says something new.
    std::fs::write(
        cwd.join("corpus/d.txt"),
        "Ferry routes cut\n\nFiled by the river desk\n\nWheat futures rose for a fifth day as dry weather across the plains cut the expected harvest and buyers in Asia raised their orders for the coming season.\n\nThe ferry company will stop two island routes next month, blaming fuel costs and a shortage of trained crews for the cuts.\n",
    )
    .unwrap();
    let added = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&added);
    assert!(
        stderr(&added).contains("1 documents added (1 passages embedded), 0 removed, 3 unchanged"),
        "{}",
        stderr(&added)
    );
    // What `silica passages` cuts from the whole corpus at once.
    let whole = ok(&silica(&["passages", "corpus", "--format", "jsonl"], cwd));
    let expected: Vec<(String, String)> = whole
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|p| p["doc_id"] == "d.txt")
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let stored = common::index_passages(&cwd.join("idx"), "d.txt");
    assert_eq!(stored, expected);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(!stored[0].1.contains("river desk"), "{stored:?}");
    assert!(!stored[0].1.contains("Wheat"), "{stored:?}");
    assert!(stored[0].1.contains("ferry company"), "{stored:?}");
}

#[test]
fn unchanged_files_are_not_read_again_and_a_touched_file_is_compared_by_its_bytes() {
    let dir = wire_corpus();
    let cwd = dir.path();
    for name in ["a.txt", "b.txt", "c.txt"] {
        age(&cwd.join("corpus").join(name));
    }
    ok(&silica(&["index", "add", "corpus", "--index", "idx"], cwd));
    let again = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&again);
    assert!(
        stderr(&again).contains("0 documents added (0 passages embedded), 0 removed, 3 unchanged"),
        "{}",
        stderr(&again)
    );

    // Same size, same modification time: the stamp is trusted and the file is not read,
    // so the edit goes unseen (as with make, rsync and git's index).
    let b = cwd.join("corpus/b.txt");
    let text = std::fs::read_to_string(&b).unwrap();
    let mtime = std::fs::metadata(&b).unwrap().modified().unwrap();
    std::fs::write(&b, text.replace("Wheat", "Maize")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&b)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let unseen = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&unseen);
    assert!(
        stderr(&unseen).contains("0 removed, 3 unchanged"),
        "{}",
        stderr(&unseen)
    );

    // A touched file is read again, and its edit is found.
    age(&b);
    let seen = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&seen);
    assert!(
        stderr(&seen).contains("1 changed but kept as indexed"),
        "{}",
        stderr(&seen)
    );
    let synced = silica(&["index", "add", "corpus", "--index", "idx", "--sync"], cwd);
    ok(&synced);
    assert!(
        stderr(&synced).contains("1 documents added (1 passages embedded), 1 removed, 2 unchanged"),
        "{}",
        stderr(&synced)
    );
    assert!(common::index_passages(&cwd.join("idx"), "b.txt")[0]
        .1
        .contains("Maize"));

    // Touched but the same bytes: unchanged.
    age(&cwd.join("corpus/c.txt"));
    let touched = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&touched);
    assert!(
        stderr(&touched)
            .contains("0 documents added (0 passages embedded), 0 removed, 3 unchanged"),
        "{}",
        stderr(&touched)
    );
}

#[test]
fn an_index_from_before_file_stamps_is_migrated_and_its_lines_filled_in() {
    let dir = wire_corpus();
    let cwd = dir.path();
    ok(&silica(&["index", "add", "corpus", "--index", "idx"], cwd));
    // Back to the version-2 tables: no stamps, no short lines, no duplicate keys.
    let conn = rusqlite::Connection::open(cwd.join("idx/index.sqlite")).unwrap();
    conn.execute_batch(
        "DROP INDEX passages_dedup_key;
         DROP TABLE passage_sketches; DROP TABLE document_lines; DROP TABLE files;
         ALTER TABLE passages DROP COLUMN dedup_key;
         ALTER TABLE documents DROP COLUMN lines_known;
         DROP TABLE passage_terms; DROP TABLE passage_term_languages;
         UPDATE meta SET value = '2' WHERE key = 'schema_version';",
    )
    .unwrap();
    drop(conn);
    std::fs::write(
        cwd.join("corpus/d.txt"),
        "Ferry routes cut\n\nFiled by the river desk\n\nWheat futures rose for a fifth day as dry weather across the plains cut the expected harvest and buyers in Asia raised their orders for the coming season.\n\nThe ferry company will stop two island routes next month, blaming fuel costs and a shortage of trained crews for the cuts.\n",
    )
    .unwrap();
    let added = silica(&["index", "add", "corpus", "--index", "idx"], cwd);
    ok(&added);
    assert!(
        stderr(&added).contains("1 documents added (1 passages embedded), 0 removed, 3 unchanged"),
        "{}",
        stderr(&added)
    );
    let stored = common::index_passages(&cwd.join("idx"), "d.txt");
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(!stored[0].1.contains("river desk"), "{stored:?}");
    // The passages from before lexical search got their terms: an older one is found by
    // its words.
    let wheat = json(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "--retrieval",
            "lexical",
            "-q",
            "wheat harvest",
            "--format",
            "json",
        ],
        cwd,
    ));
    assert!(
        wheat[0]["source"].as_str().unwrap().ends_with("b.txt"),
        "{wheat}"
    );
    let verify = json(&silica(
        &["index", "verify", "--index", "idx", "--format", "json"],
        cwd,
    ));
    assert_eq!(verify["ok"], true, "{verify}");
}
