//! Cross-encoder reranking against sentence-transformers' `CrossEncoder.predict`: tiny
//! random-weight rerankers of both architectures (BERT with its pooler, XLM-R with its
//! dense/out_proj head), made by tests/data/models/make_rerankers.py, their scores for 40
//! (query, passage) pairs, long ones cut longest-first, equal within 1e-4.

mod common;

use common::repo_root;
use serde_json::Value;
use silica::model::{ModelLocator, ModelSpec};
use silica::rerank::{ranking, CrossEncoder};

fn reference(name: &str) -> Vec<(String, String, f32)> {
    let path = repo_root().join(format!("tests/data/models/{name}.reference.jsonl"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let text = |k: &str| v[k].as_str().unwrap().to_string();
            (
                text("query"),
                text("passage"),
                v["score"].as_f64().unwrap() as f32,
            )
        })
        .collect()
}

fn load(name: &str) -> CrossEncoder {
    let dir = repo_root().join("tests/data/models").join(name);
    let spec = ModelSpec::parse(dir.to_str().unwrap());
    CrossEncoder::load(&spec, &ModelLocator::from_env(), candle_core::Device::Cpu).unwrap()
}

#[test]
fn scores_equal_sentence_transformers_cross_encoder() {
    for name in ["tiny-bert-reranker", "tiny-xlmr-reranker"] {
        let reranker = load(name);
        assert_eq!(
            reranker.max_tokens(),
            48,
            "{name}: the tokenizer's model_max_length"
        );
        let pairs = reference(name);
        // One pair at a time and all of one query's passages at once give the same scores.
        for (i, (query, passage, want)) in pairs.iter().enumerate() {
            let got = reranker.score(query, &[passage.as_str()]).unwrap()[0];
            assert!(
                (got - want).abs() < 1e-4,
                "{name} pair {i}: {got} against {want}"
            );
        }
        let (query, _, _) = &pairs[0];
        let passages: Vec<&str> = pairs.iter().map(|(_, p, _)| p.as_str()).collect();
        let together = reranker.score(query, &passages).unwrap();
        for (i, passage) in passages.iter().enumerate() {
            let alone = reranker.score(query, &[passage]).unwrap()[0];
            assert!(
                (together[i] - alone).abs() < 1e-5,
                "{name}: batch changed pair {i}"
            );
        }
        // Sigmoid of the raw logits (the activation config_sentence_transformers.json names).
        let raw = reranker.raw_scores(query, &passages[..3]).unwrap();
        for (r, s) in raw.iter().zip(&together[..3]) {
            assert!((1.0 / (1.0 + (-r).exp()) - s).abs() < 1e-6);
        }
    }
}

#[test]
fn ranking_is_by_score_with_ties_in_order() {
    assert_eq!(ranking(&[0.2, 0.9, 0.2, 0.5]), vec![1, 3, 0, 2]);
}

#[test]
fn an_embedding_model_is_not_a_reranker() {
    let spec = ModelSpec::parse(
        repo_root()
            .join("tests/data/models/tiny-qwen3")
            .to_str()
            .unwrap(),
    );
    let err = CrossEncoder::load(&spec, &ModelLocator::from_env(), candle_core::Device::Cpu)
        .err()
        .expect("a Qwen3 embedding model has no classification head");
    let message = format!("{err:#}");
    assert!(message.contains("tiny-qwen3"), "{message}");
}

/// `POST /rerank` in text-embeddings-inference's shape: the same scores as the library,
/// highest first, texts given back on request, raw logits on request; 404 without
/// `--reranker`, 422 for an empty list.
#[test]
fn the_rerank_route_gives_the_cross_encoders_scores_highest_first() {
    let home = tempfile::tempdir().unwrap();
    let name = "tiny-bert-reranker";
    let (mut child, base) = common::spawn_serve(
        &["--reranker", &format!("tests/data/models/{name}")],
        home.path(),
    );
    let pairs = reference(name);
    let query = pairs[0].0.clone();
    let texts: Vec<String> = pairs[..6].iter().map(|(_, p, _)| p.clone()).collect();
    let post = |body: serde_json::Value| -> (u16, Value) {
        match ureq::post(&format!("{base}/rerank")).send_json(body) {
            Ok(r) => (r.status(), r.into_json().unwrap()),
            Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap()),
            Err(e) => panic!("{e}"),
        }
    };
    let reranker = load(name);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let want = reranker.score(&query, &refs).unwrap();
    let (status, ranks) =
        post(serde_json::json!({"query": query, "texts": texts, "return_text": true}));
    assert_eq!(status, 200, "{ranks}");
    let ranks = ranks.as_array().unwrap();
    let order: Vec<usize> = ranks
        .iter()
        .map(|r| r["index"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(order, ranking(&want));
    for r in ranks {
        let i = r["index"].as_u64().unwrap() as usize;
        assert!((r["score"].as_f64().unwrap() as f32 - want[i]).abs() < 1e-6);
        assert_eq!(r["text"], texts[i].as_str());
    }
    let raw = reranker.raw_scores(&query, &refs).unwrap();
    let (_, ranks) = post(serde_json::json!({"query": query, "texts": texts, "raw_scores": true}));
    for r in ranks.as_array().unwrap() {
        let i = r["index"].as_u64().unwrap() as usize;
        assert!((r["score"].as_f64().unwrap() as f32 - raw[i]).abs() < 1e-5);
        assert!(r.get("text").is_none());
    }
    let (status, answer) = post(serde_json::json!({"query": query, "texts": []}));
    assert_eq!(status, 422, "{answer}");
    let _ = child.kill();
    let _ = child.wait();

    let (mut child, base) = common::spawn_serve(&[], home.path());
    let status = match ureq::post(&format!("{base}/rerank"))
        .send_json(serde_json::json!({"query": "q", "texts": ["t"]}))
    {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, r)) => {
            assert!(r.into_string().unwrap().contains("--reranker"));
            code
        }
        Err(e) => panic!("{e}"),
    };
    assert_eq!(status, 404);
    let _ = child.kill();
    let _ = child.wait();
}

/// `neighbors --rerank`: the first --rerank-top candidates of the plain ranking, ordered by
/// the cross-encoder's score of (query, passage), that score on each hit.
#[test]
fn neighbors_rerank_orders_the_candidates_by_the_cross_encoder() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec![
            "neighbors",
            "seeds",
            "--query",
            "contrôle des exportations de puces",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = common::silica_command(&repo_root())
            .args(&args)
            .env("XDG_CACHE_HOME", dir.path())
            .output()
            .unwrap();
        let text = common::ok(&out);
        let lists: Value = serde_json::from_str(&text).unwrap();
        lists.as_array().unwrap().clone()
    };
    let plain = run(&["-k", "8"]);
    let name = "tiny-xlmr-reranker";
    let model = format!("tests/data/models/{name}");
    let reranked = run(&["-k", "3", "--rerank", &model, "--rerank-top", "8"]);
    assert_eq!(reranked.len(), 3);
    let candidates: Vec<&str> = plain.iter().map(|h| h["id"].as_str().unwrap()).collect();
    let reranker = load(name);
    let texts: Vec<&str> = plain.iter().map(|h| h["text"].as_str().unwrap()).collect();
    let scores = reranker
        .score("contrôle des exportations de puces", &texts)
        .unwrap();
    let want: Vec<&str> = ranking(&scores)[..3]
        .iter()
        .map(|&i| candidates[i])
        .collect();
    let got: Vec<&str> = reranked.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(got, want);
    for hit in &reranked {
        let i = candidates.iter().position(|c| *c == hit["id"]).unwrap();
        assert!((hit["score"].as_f64().unwrap() as f32 - scores[i]).abs() < 1e-4);
    }
}
