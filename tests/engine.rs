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

/// The error of loading the model in `dir` and embedding one text with it (the weights
/// are read on first use, so a broken weights file fails there).
fn load_error(dir: &Path) -> String {
    let result = load(dir, BatchLimits::default())
        .and_then(|e| e.embed(&["a text"], &PromptChoice::None).map(|_| ()));
    match result {
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

/// A padded batch of tiny-vocabulary ids: rows of lengths 3 to 14, width 14.
fn tiny_batch() -> silica::model::TokenBatch {
    let lengths: Vec<usize> = (0..6).map(|r| 3 + (r * 5) % 12).collect();
    let width = *lengths.iter().max().unwrap();
    let mut ids = Vec::new();
    for (r, &len) in lengths.iter().enumerate() {
        ids.extend((0..width).map(|i| {
            if i < len {
                (2 + (r * 7 + i * 3) % 20) as u32
            } else {
                0
            }
        }));
    }
    silica::model::TokenBatch {
        type_ids: vec![0; ids.len()],
        ids,
        lengths,
        width,
    }
}

/// The largest difference between two `[rows, width, hidden]` tensors over real tokens.
fn max_diff_on_real_tokens(
    a: &candle_core::Tensor,
    b: &candle_core::Tensor,
    lengths: &[usize],
) -> f32 {
    let a = a.to_vec3::<f32>().unwrap();
    let b = b.to_vec3::<f32>().unwrap();
    let mut worst = 0f32;
    for (r, &len) in lengths.iter().enumerate() {
        for t in 0..len {
            for (x, y) in a[r][t].iter().zip(&b[r][t]) {
                worst = worst.max((x - y).abs());
            }
        }
    }
    worst
}

/// silica's encoder (fused CPU kernels and plain candle ops) against candle-transformers'
/// BertModel and XLMRobertaModel on the same random weights: the same token vectors.
#[test]
fn encoder_matches_candle_transformers_models() {
    use candle_nn::VarBuilder;
    use candle_transformers::models::{bert, xlm_roberta};
    use silica::model::{Encoder, ModelConfig, WeightFormat};

    for model_type in ["bert", "xlm-roberta"] {
        let dir = tempfile::tempdir().unwrap();
        write_tiny_model(dir.path());
        patch_config(dir.path(), |c| c["model_type"] = model_type.into());
        let config = ModelConfig::read(&dir.path().join("config.json")).unwrap();
        let weights = dir.path().join("model.safetensors");
        let ours = Encoder::load(&config, &weights, &Device::Cpu, WeightFormat::F32).unwrap();
        let batch = tiny_batch();
        let fused = ours.forward(&batch).unwrap();
        let plain = ours.forward_unfused(&batch).unwrap();

        let shape = (batch.lengths.len(), batch.width);
        let ids = candle_core::Tensor::from_vec(batch.ids.clone(), shape, &Device::Cpu).unwrap();
        let types = ids.zeros_like().unwrap();
        let mask: Vec<u32> = batch
            .lengths
            .iter()
            .flat_map(|&len| (0..batch.width).map(move |i| u32::from(i < len)))
            .collect();
        let mask = candle_core::Tensor::from_vec(mask, shape, &Device::Cpu).unwrap();
        let vb = unsafe {
            VarBuilder::from_mmaped_safetensors(&[&weights], candle_core::DType::F32, &Device::Cpu)
        }
        .unwrap();
        let theirs = if model_type == "bert" {
            let cfg: bert::Config = serde_json::from_str(&config.json).unwrap();
            bert::BertModel::load(vb, &cfg)
                .unwrap()
                .forward(&ids, &types, Some(&mask))
                .unwrap()
        } else {
            let cfg: xlm_roberta::Config = serde_json::from_str(&config.json).unwrap();
            xlm_roberta::XLMRobertaModel::new(&cfg, vb)
                .unwrap()
                .forward(&ids, &mask, &types, None, None, None)
                .unwrap()
        };
        let d_fused = max_diff_on_real_tokens(&fused, &theirs, &batch.lengths);
        let d_plain = max_diff_on_real_tokens(&plain, &theirs, &batch.lengths);
        assert!(
            d_fused < 1e-4,
            "{model_type}: fused kernels differ by {d_fused}"
        );
        assert!(
            d_plain < 1e-4,
            "{model_type}: plain path differs by {d_plain}"
        );
    }
}

/// Quantized weights stay close to f32 on the tiny model, and every format loads.
#[test]
fn quantized_encoders_stay_close_to_f32() {
    use silica::model::{Encoder, ModelConfig, WeightFormat};
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let config = ModelConfig::read(&dir.path().join("config.json")).unwrap();
    let weights = dir.path().join("model.safetensors");
    let batch = tiny_batch();
    let f32_out = Encoder::load(&config, &weights, &Device::Cpu, WeightFormat::F32)
        .unwrap()
        .forward(&batch)
        .unwrap();
    for (format, bound) in [
        (WeightFormat::Q8_0, 0.05f32),
        (WeightFormat::Q4_0, 0.3),
        (WeightFormat::Int8, 0.1),
    ] {
        let q = Encoder::load(&config, &weights, &Device::Cpu, format).unwrap();
        assert_eq!(q.weight_format(), format);
        let d = max_diff_on_real_tokens(&q.forward(&batch).unwrap(), &f32_out, &batch.lengths);
        assert!(d < bound && d > 0.0, "{format}: differs from f32 by {d}");
    }
}
