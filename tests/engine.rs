//! The embedding engine on a tiny random BERT written by the test: batching, pooling,
//! truncation and the errors for broken model directories. No downloaded weights needed.

mod common;

use candle_core::Device;
use common::{cosine, write_tiny_model, TINY_HIDDEN, TINY_MAX_TOKENS};
use silica::embed::{BatchLimits, Embedder};
use silica::model::{ModelLocator, ModelSpec, PromptChoice};
use std::path::Path;

fn load(dir: &Path, limits: BatchLimits) -> anyhow::Result<Embedder> {
    let locator = ModelLocator {
        models_dir: dir.join("no-models"),
        offline: true,
    };
    Embedder::load(
        &ModelSpec::Dir(dir.to_path_buf()),
        &locator,
        Device::Cpu,
        limits,
    )
}

fn texts() -> Vec<String> {
    let words = [
        "the", "cat", "sat", "on", "a", "mat", "dog", "le", "chat", "sur", "un", "tapis",
    ];
    (0..40)
        .map(|i| {
            (0..1 + (i * 7) % 19)
                .map(|j| words[(i + j * 5) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn vectors_are_unit_length_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let embedder = load(dir.path(), BatchLimits::default()).unwrap();
    let texts = texts();
    let (emb, stats) = embedder.embed(&texts, &PromptChoice::None).unwrap();
    assert_eq!((emb.len(), emb.dim), (texts.len(), TINY_HIDDEN));
    for row in emb.rows() {
        let norm: f32 = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "norm {norm}");
    }
    // Input order: each row equals the text embedded alone.
    for i in [0, 17, 39] {
        let (alone, _) = embedder.embed(&texts[i..=i], &PromptChoice::None).unwrap();
        assert!(cosine(alone.row(0), emb.row(i)) >= 0.99999);
    }
    assert_eq!(stats.texts, texts.len());
}

#[test]
fn a_vector_does_not_depend_on_the_batch_plan() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let texts = texts();
    let one_by_one = load(
        dir.path(),
        BatchLimits {
            max_batch_tokens: 1,
            max_batch_size: 1,
        },
    )
    .unwrap();
    let small = load(
        dir.path(),
        BatchLimits {
            max_batch_tokens: 40,
            max_batch_size: 4,
        },
    )
    .unwrap();
    let big = load(
        dir.path(),
        BatchLimits {
            max_batch_tokens: 100_000,
            max_batch_size: 64,
        },
    )
    .unwrap();
    let (a, sa) = one_by_one.embed(&texts, &PromptChoice::None).unwrap();
    let (b, sb) = small.embed(&texts, &PromptChoice::None).unwrap();
    let (c, sc) = big.embed(&texts, &PromptChoice::None).unwrap();
    assert_eq!(sa.batches, texts.len());
    assert!(sb.batches > 1 && sb.batches < texts.len(), "{sb:?}");
    assert_eq!(sc.batches, 1);
    for i in 0..texts.len() {
        assert!(cosine(a.row(i), b.row(i)) >= 0.99999, "text {i}");
        assert!(cosine(a.row(i), c.row(i)) >= 0.99999, "text {i}");
    }
}

#[test]
fn same_input_gives_the_same_bits() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let embedder = load(dir.path(), BatchLimits::default()).unwrap();
    let (a, _) = embedder.embed(&texts(), &PromptChoice::None).unwrap();
    let (b, _) = embedder.embed(&texts(), &PromptChoice::None).unwrap();
    assert_eq!(a, b);
}

#[test]
fn long_texts_are_truncated_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let embedder = load(dir.path(), BatchLimits::default()).unwrap();
    assert_eq!(embedder.info().max_tokens, TINY_MAX_TOKENS);
    let long = "the cat sat on a mat ".repeat(20);
    let longer = format!("{long} and then the dog sat too");
    let texts = [long.as_str(), "a short one", longer.as_str()];
    let (emb, stats) = embedder.embed(&texts, &PromptChoice::None).unwrap();
    assert_eq!(stats.truncated, 2);
    // Both long texts start with the same 22 content tokens, so truncation makes them equal.
    assert!(cosine(emb.row(0), emb.row(2)) > 0.999999);
    // tokenizer.json says truncate at 8 and pad to 8; the model's own length (24) must win.
    assert!(
        stats.tokens >= 2 * TINY_MAX_TOKENS + 3 && stats.tokens < 3 * TINY_MAX_TOKENS,
        "{stats:?}"
    );
}

#[test]
fn prompts_change_the_input() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let embedder = load(dir.path(), BatchLimits::default()).unwrap();
    let texts = ["the cat sat on the mat"];
    let (plain, _) = embedder.embed(&texts, &PromptChoice::None).unwrap();
    let (query, _) = embedder.embed(&texts, &PromptChoice::Query).unwrap();
    let (literal, _) = embedder
        .embed(&texts, &PromptChoice::Literal("dog dog ".into()))
        .unwrap();
    // The tiny model declares no prompts, so `query` adds nothing; a literal prompt does.
    assert_eq!(plain, query);
    assert!(cosine(plain.row(0), literal.row(0)) < 0.9999);
}

/// Rewrites the tiny model's config.json.
fn patch_config(dir: &Path, patch: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("config.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    patch(&mut json);
    std::fs::write(&path, json.to_string()).unwrap();
}

fn load_error(dir: &Path) -> String {
    match load(dir, BatchLimits::default()) {
        Ok(_) => panic!("loading {} should fail", dir.display()),
        Err(e) => format!("{e:#}"),
    }
}

#[test]
fn a_truncated_weights_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let weights = dir.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let err = load_error(dir.path());
    assert!(err.contains("model.safetensors"), "{err}");
}

#[test]
fn weights_missing_a_tensor_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    patch_config(dir.path(), |c| c["num_hidden_layers"] = 3.into());
    let err = load_error(dir.path());
    assert!(
        err.contains("model.safetensors") && err.contains("layer.2"),
        "{err}"
    );
}

#[test]
fn a_tokenizer_larger_than_the_model_vocabulary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    patch_config(dir.path(), |c| c["vocab_size"] = 10.into());
    let err = load_error(dir.path());
    assert!(
        err.contains("tokenizer.json") && err.contains("vocab_size 10"),
        "{err}"
    );
}

#[test]
fn an_unsupported_architecture_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    patch_config(dir.path(), |c| c["model_type"] = "t5".into());
    let err = load_error(dir.path());
    assert!(
        err.contains("\"t5\"") && err.contains("not supported"),
        "{err}"
    );
}

/// XLM-RoBERTa (multilingual-e5-base/large, bge-m3) shares BERT's tensor names; its
/// position ids start after the padding index. The tiny model, declared xlm-roberta,
/// must load, keep its max length, and give batch-independent vectors.
#[test]
fn xlm_roberta_encoders_run_and_are_batch_invariant() {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    patch_config(dir.path(), |c| c["model_type"] = "xlm-roberta".into());
    let texts = texts();
    let one_by_one = load(
        dir.path(),
        BatchLimits {
            max_batch_tokens: 1,
            max_batch_size: 1,
        },
    )
    .unwrap();
    let together = load(
        dir.path(),
        BatchLimits {
            max_batch_tokens: 100_000,
            max_batch_size: 64,
        },
    )
    .unwrap();
    assert_eq!(
        together.info().architecture,
        silica::model::Architecture::XlmRoberta
    );
    assert_eq!(together.info().max_tokens, TINY_MAX_TOKENS);
    let (a, _) = one_by_one.embed(&texts, &PromptChoice::None).unwrap();
    let (b, stats) = together.embed(&texts, &PromptChoice::None).unwrap();
    assert_eq!(stats.batches, 1);
    for i in 0..texts.len() {
        assert!(cosine(a.row(i), b.row(i)) >= 0.99999, "text {i}");
    }
}
