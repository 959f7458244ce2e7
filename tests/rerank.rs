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
            (text("query"), text("passage"), v["score"].as_f64().unwrap() as f32)
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
        assert_eq!(reranker.max_tokens(), 48, "{name}: the tokenizer's model_max_length");
        let pairs = reference(name);
        // One pair at a time and all of one query's passages at once give the same scores.
        for (i, (query, passage, want)) in pairs.iter().enumerate() {
            let got = reranker.score(query, &[passage.as_str()]).unwrap()[0];
            assert!((got - want).abs() < 1e-4, "{name} pair {i}: {got} against {want}");
        }
        let (query, _, _) = &pairs[0];
        let passages: Vec<&str> = pairs.iter().map(|(_, p, _)| p.as_str()).collect();
        let together = reranker.score(query, &passages).unwrap();
        for (i, passage) in passages.iter().enumerate() {
            let alone = reranker.score(query, &[passage]).unwrap()[0];
            assert!((together[i] - alone).abs() < 1e-5, "{name}: batch changed pair {i}");
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
