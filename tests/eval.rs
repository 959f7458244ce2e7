//! `silica eval` on small slices of the public sets (`tests/data/eval/`, attributed there):
//! sensible scores, the documented JSON keys, and bad input.

mod common;

use common::repo_root;

use common::silica_with_models as silica;

fn eval_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["eval"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = silica(&all, &repo_root().join("tests/data/eval"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "n",
        "model",
        "model_fingerprint",
        "dimensions",
        "prompt",
        "dataset",
        "dataset_hash",
        "silica",
        "task",
    ] {
        assert!(v.get(key).is_some(), "{key} missing: {v}");
    }
    v
}

#[test]
fn sts_spearman_and_pearson() {
    let v = eval_json(&["sts", "--pairs", "stsb-fr-dev-slice.csv"]);
    assert_eq!(v["n"], 80);
    assert!(v["spearman"].as_f64().unwrap() > 0.5, "{v}");
    assert!(v["pearson"].as_f64().unwrap() > 0.5, "{v}");
    assert_eq!(v["prompt"], "query");
}

#[test]
fn bitext_accuracy_both_ways() {
    let v = eval_json(&[
        "bitext",
        "--source",
        "bitext-fr.txt",
        "--target",
        "bitext-en.txt",
    ]);
    assert_eq!(v["n"], 60);
    assert!(v["accuracy_src_to_tgt"].as_f64().unwrap() > 0.8, "{v}");
    assert!(v["accuracy_tgt_to_src"].as_f64().unwrap() > 0.8, "{v}");
}

#[test]
fn retrieval_from_a_squad_file() {
    let v = eval_json(&["retrieval", "--squad", "piaf-slice.json"]);
    assert_eq!(v["n"], 40);
    let (r1, r10, mrr) = (
        v["recall_at_1"].as_f64().unwrap(),
        v["recall_at_10"].as_f64().unwrap(),
        v["mrr_at_10"].as_f64().unwrap(),
    );
    assert!(r1 > 0.4 && r10 >= r1 && mrr >= r1 && mrr <= 1.0, "{v}");
    assert!(v["ndcg_at_10"].as_f64().unwrap() > 0.4);
}

#[test]
fn lexical_and_hybrid_retrieval_and_the_halves() {
    let dense = eval_json(&["retrieval", "--squad", "piaf-slice.json"]);
    let lexical = eval_json(&[
        "retrieval",
        "--squad",
        "piaf-slice.json",
        "--retrieval",
        "lexical",
    ]);
    let hybrid = eval_json(&[
        "retrieval",
        "--squad",
        "piaf-slice.json",
        "--retrieval",
        "hybrid",
    ]);
    assert_eq!(dense["method"], "dense");
    assert_eq!(lexical["method"], "lexical");
    let languages = lexical["lexical_languages"].as_array().unwrap();
    assert!(languages.contains(&serde_json::json!("fr")), "{lexical}");
    assert_eq!(hybrid["dense_weight"], 0.5, "{hybrid}");
    assert_eq!(hybrid["fusion_depth"], 200, "{hybrid}");
    for v in [&lexical, &hybrid] {
        assert_eq!(v["n"], 40);
        // A French question shares words with its paragraph: BM25 alone finds most.
        assert!(v["recall_at_10"].as_f64().unwrap() > 0.6, "{v}");
    }
    // Fusing never ranks below the worse of the two on this slice's recall@10.
    let r10 = |v: &serde_json::Value| v["recall_at_10"].as_f64().unwrap();
    assert!(r10(&hybrid) >= r10(&dense).min(r10(&lexical)), "{hybrid}");
    let rrf = eval_json(&[
        "retrieval",
        "--squad",
        "piaf-slice.json",
        "--retrieval",
        "hybrid",
        "--fusion",
        "rrf",
        "--rrf-k",
        "2",
    ]);
    assert_eq!(rrf["rrf_k"], 2.0);
    // The two halves split the questions, every paragraph searched by both.
    let dev = eval_json(&["retrieval", "--squad", "piaf-slice.json", "--half", "dev"]);
    let test = eval_json(&["retrieval", "--squad", "piaf-slice.json", "--half", "test"]);
    assert_eq!(dev["n"].as_u64().unwrap() + test["n"].as_u64().unwrap(), 40);
    assert_eq!(dev["corpus"], dense["corpus"]);
    assert_eq!(test["corpus"], dense["corpus"]);
}

#[test]
fn clustering_against_labels() {
    let v = eval_json(&[
        "clustering",
        "--input",
        "piaf-clustering-slice.jsonl",
        "--seeds",
        "3",
    ]);
    assert_eq!(
        (v["k"].as_u64(), v["n"].as_u64(), v["seeds"].as_u64()),
        (Some(3), Some(20), Some(3))
    );
    for key in ["v_measure", "nmi", "ari", "v_measure_std"] {
        assert!(v[key].as_f64().is_some(), "{key}: {v}");
    }
    assert!(v["v_measure"].as_f64().unwrap() > 0.3, "{v}");
    assert!(v["k_auto"]["k"].as_u64().is_some() && v["hdbscan"]["v_measure"].as_f64().is_some());
}

#[test]
fn bad_eval_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "un\ndeux\n").unwrap();
    std::fs::write(d.join("b.txt"), "one\n").unwrap();
    std::fs::write(
        d.join("sts.csv"),
        "un chat,a cat,5\nun chien,a dog,beaucoup\n",
    )
    .unwrap();
    let check = |args: &[&str], needle: &str| {
        let out = silica(args, d);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{needle:?} not in {err}");
    };
    check(
        &["eval", "bitext", "--source", "a.txt", "--target", "b.txt"],
        "line i must translate line i",
    );
    check(
        &["eval", "sts", "--pairs", "sts.csv"],
        "sts.csv:2: the score is not a number",
    );
    check(&["eval", "retrieval"], "give --squad");
}

#[test]
fn named_themes_as_a_classifier() {
    let dir = tempfile::tempdir().unwrap();
    let distractors = dir.path().join("distractors.jsonl");
    std::fs::write(
        &distractors,
        "{\"text\": \"Beat three eggs with sugar until pale, then add the juice and zest of two lemons and bake the tart for twenty minutes.\"}\n",
    )
    .unwrap();
    let themes = dir.path().join("themes.toml");
    std::fs::write(
        &themes,
        "[[theme]]\nname = \"sport\"\nlabel = \"Sport\"\n\n[[theme]]\nname = \"religion\"\nlabel = \"Religion\"\n\n[[theme]]\nname = \"science\"\nlabel = \"Sciences\"\n\n[[theme]]\nname = \"history\"\nlabel = \"Histoire\"\n",
    )
    .unwrap();
    let v = eval_json(&[
        "themes",
        "--input",
        "piaf-themes-slice.jsonl",
        "--themes-file",
        themes.to_str().unwrap(),
        "--distractors",
        distractors.to_str().unwrap(),
    ]);
    assert_eq!(v["task"], "themes");
    assert_eq!(v["n"], 40);
    assert_eq!(v["distractors"], 1);
    let accuracy = v["accuracy"].as_f64().unwrap();
    assert!(accuracy >= 0.6, "{v}");
    assert!(v["macro_f1"].as_f64().unwrap() > 0.5, "{v}");
    assert!(v["other_rate"].as_f64().unwrap() <= 0.2, "{v}");
    assert_eq!(v["false_theme_rate"], 0.0, "the recipe is other: {v}");
    for t in ["sport", "religion", "science", "history"] {
        assert!(v["per_theme"][t]["precision"].is_number(), "{v}");
        assert!(v["per_theme"][t]["recall"].is_number(), "{v}");
    }
    // A theme standing for a label no row has is refused, naming the labels there are.
    let out = silica(
        &[
            "eval",
            "themes",
            "--input",
            "piaf-themes-slice.jsonl",
            "--themes",
            "sport; cooking",
        ],
        &repo_root().join("tests/data/eval"),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("\"sport\"") && err.contains("Sport"), "{err}");
}
