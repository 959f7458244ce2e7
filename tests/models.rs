//! The architectures beyond BERT/XLM-R against sentence-transformers, on tiny random-weight
//! models committed under `tests/data/models/` (made by `tests/data/models/make.py`, which
//! also wrote sentence-transformers' vectors for 50 multilingual texts): every vector
//! reproduced, alone and in batches, with the folder's own pooling, normalisation, maximum
//! length and prompts. NomicBERT, whose PyTorch code is remote code on the hub, is checked
//! against candle-transformers' port instead. Needs neither torch nor the hub.

mod common;

use candle_core::Device;
use common::{cosine, repo_root};
use silica::embed::{BatchLimits, Embedder};
use silica::model::{ModelLocator, ModelSpec, Pooling, PromptChoice, WeightFormat};
use std::path::PathBuf;

/// One reference line: a text, the prompt name sentence-transformers used, its vector.
#[derive(serde::Deserialize)]
struct Reference {
    text: String,
    prompt: Option<String>,
    vector: Vec<f32>,
}

fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/data/models").join(name)
}

fn references(name: &str) -> Vec<Reference> {
    let path = repo_root()
        .join("tests/data/models")
        .join(format!("{name}.reference.jsonl"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn embedder(name: &str, limits: BatchLimits, format: WeightFormat) -> Embedder {
    let locator = ModelLocator {
        models_dir: repo_root().join("models"),
        offline: true,
    };
    Embedder::load_with_format(
        &ModelSpec::Dir(fixture(name)),
        &locator,
        Device::Cpu,
        limits,
        format,
    )
    .unwrap()
}

fn prompt_choice(name: Option<&str>) -> PromptChoice {
    match name {
        Some("query") => PromptChoice::Query,
        Some("document") => PromptChoice::Passage,
        // A prompt the folder names (EmbeddingGemma's task prompts), as --prompt NAME.
        Some(other) => PromptChoice::parse(other),
        None => PromptChoice::None,
    }
}

/// The worst cosine between silica's vectors and the references, embedding each prompt's
/// texts together under `limits`; also how many texts were truncated.
fn worst_cosine(name: &str, limits: BatchLimits, format: WeightFormat) -> (f64, usize) {
    worst_cosine_against(name, &references(name), limits, format)
}

fn worst_cosine_against(
    name: &str,
    references: &[Reference],
    limits: BatchLimits,
    format: WeightFormat,
) -> (f64, usize) {
    let embedder = embedder(name, limits, format);
    let mut worst = f64::MAX;
    let mut truncated = 0;
    for prompt in [None, Some("query"), Some("document")] {
        let group: Vec<&Reference> = references
            .iter()
            .filter(|r| r.prompt.as_deref() == prompt)
            .collect();
        if group.is_empty() {
            continue;
        }
        let texts: Vec<&str> = group.iter().map(|r| r.text.as_str()).collect();
        let (vectors, stats) = embedder.embed(&texts, &prompt_choice(prompt)).unwrap();
        truncated += stats.truncated;
        for (i, reference) in group.iter().enumerate() {
            let c = cosine(vectors.row(i), &reference.vector);
            assert!(
                c.is_finite(),
                "{name}: {:?} gave a non-finite vector",
                reference.text
            );
            worst = worst.min(c);
        }
    }
    (worst, truncated)
}

fn one_at_a_time() -> BatchLimits {
    BatchLimits {
        max_batch_tokens: 1,
        max_batch_size: 1,
    }
}

#[test]
fn qwen3_reproduces_sentence_transformers_alone_and_in_batches() {
    let references = references("tiny-qwen3");
    assert_eq!(references.len(), 50);
    assert!(references.iter().any(|r| r.prompt.is_some()));
    for limits in [one_at_a_time(), BatchLimits::default()] {
        let (worst, truncated) = worst_cosine("tiny-qwen3", limits, WeightFormat::F32);
        eprintln!("tiny-qwen3 f32 {limits:?}: worst cosine {worst:.7}");
        assert!(worst >= 0.99999, "worst cosine {worst} under {limits:?}");
        assert!(truncated >= 1, "some texts are longer than the context");
    }
}

#[test]
fn qwen3_folder_settings_are_what_sentence_transformers_saved() {
    let embedder = embedder("tiny-qwen3", BatchLimits::default(), WeightFormat::F32);
    let info = embedder.info();
    assert_eq!(info.pooling, Pooling::LastToken);
    assert!(info.normalize);
    assert_eq!(info.max_tokens, 48, "sentence-transformers' max_seq_length");
    assert!(info
        .prompts
        .query
        .as_deref()
        .is_some_and(|q| q.starts_with("Instruct: ")));
}

#[test]
fn qwen3_runs_with_int8_weights_close_to_f32() {
    let (worst, _) = worst_cosine("tiny-qwen3", BatchLimits::default(), WeightFormat::Int8);
    eprintln!("tiny-qwen3 int8: worst cosine {worst:.5}");
    assert!(worst >= 0.99, "int8 worst cosine {worst}");
}

#[test]
fn gemma3_reproduces_sentence_transformers_alone_and_in_batches() {
    let references = references("tiny-gemma3");
    assert_eq!(references.len(), 50);
    for limits in [one_at_a_time(), BatchLimits::default()] {
        let (worst, truncated) = worst_cosine("tiny-gemma3", limits, WeightFormat::F32);
        eprintln!("tiny-gemma3 f32 {limits:?}: worst cosine {worst:.7}");
        assert!(worst >= 0.99999, "worst cosine {worst} under {limits:?}");
        assert!(truncated >= 1, "some texts are longer than the context");
    }
}

#[test]
fn gemma3_folder_settings_are_what_sentence_transformers_saved() {
    let embedder = embedder("tiny-gemma3", BatchLimits::default(), WeightFormat::F32);
    let info = embedder.info();
    assert_eq!(info.pooling, Pooling::Mean);
    assert_eq!(info.dense.len(), 2, "two Dense projections");
    assert_eq!((info.hidden_size, info.dimension), (64, 64));
    assert_eq!(info.max_tokens, 40);
    assert_eq!(
        info.prompts.passage.as_deref(),
        Some("title: none | text: ")
    );
}

#[test]
fn gemma3_runs_with_int8_weights_close_to_f32() {
    let (worst, _) = worst_cosine("tiny-gemma3", BatchLimits::default(), WeightFormat::Int8);
    eprintln!("tiny-gemma3 int8: worst cosine {worst:.5}");
    assert!(worst >= 0.99, "int8 worst cosine {worst}");
}

#[test]
fn gemma3_task_prompts_are_used_by_name() {
    let references = references("tiny-gemma3");
    assert!(
        references
            .iter()
            .any(|r| r.prompt.as_deref() == Some("Clustering")),
        "the references cover a named task prompt"
    );
    let embedder = embedder("tiny-gemma3", BatchLimits::default(), WeightFormat::F32);
    assert_eq!(
        PromptChoice::parse("Clustering").prefix(&embedder.info().prompts),
        "task: clustering | query: "
    );
}

#[test]
fn modernbert_reproduces_sentence_transformers_alone_and_in_batches() {
    let references = references("tiny-modernbert");
    assert_eq!(references.len(), 50);
    for limits in [one_at_a_time(), BatchLimits::default()] {
        let (worst, truncated) = worst_cosine("tiny-modernbert", limits, WeightFormat::F32);
        eprintln!("tiny-modernbert f32 {limits:?}: worst cosine {worst:.7}");
        assert!(worst >= 0.99999, "worst cosine {worst} under {limits:?}");
        assert!(truncated >= 1, "some texts are longer than the context");
    }
}

#[test]
fn modernbert_folder_settings_are_what_sentence_transformers_saved() {
    let embedder = embedder("tiny-modernbert", BatchLimits::default(), WeightFormat::F32);
    let info = embedder.info();
    assert_eq!(info.pooling, Pooling::Mean);
    assert!(info.normalize);
    assert!(info.dense.is_empty());
    assert_eq!(info.max_tokens, 48);
    assert_eq!(info.prompts.query.as_deref(), Some("search_query: "));
    assert_eq!(info.prompts.passage.as_deref(), Some("search_document: "));
}

#[test]
fn modernbert_runs_with_int8_weights_close_to_f32() {
    let (worst, _) = worst_cosine(
        "tiny-modernbert",
        BatchLimits::default(),
        WeightFormat::Int8,
    );
    eprintln!("tiny-modernbert int8: worst cosine {worst:.5}");
    assert!(worst >= 0.99, "int8 worst cosine {worst}");
}

/// candle-transformers' `NomicBertModel` on one text at a time (no padding), mean-pooled
/// and normalised as the folder says, on tiny-modernbert's 50 texts and prompt names: the
/// oracle for tiny-nomic-bert, whose PyTorch code is remote code this machine cannot reach.
fn nomic_bert_references() -> Vec<Reference> {
    use candle_nn::VarBuilder;
    use candle_transformers::models::nomic_bert::{
        l2_normalize, mean_pooling, Config, NomicBertModel,
    };
    let dir = fixture("tiny-nomic-bert");
    let cfg: Config =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let weights = dir.join("model.safetensors");
    let vb = unsafe {
        VarBuilder::from_mmaped_safetensors(&[weights], candle_core::DType::F32, &Device::Cpu)
    }
    .unwrap();
    let model = NomicBertModel::load(vb, &cfg).unwrap();
    let mut tokenizer = tokenizers::Tokenizer::from_file(dir.join("tokenizer.json")).unwrap();
    tokenizer
        .with_truncation(Some(tokenizers::TruncationParams {
            max_length: 48,
            ..Default::default()
        }))
        .unwrap();
    references("tiny-modernbert")
        .into_iter()
        .map(|r| {
            let prefix = match r.prompt.as_deref() {
                Some("query") => "search_query: ",
                Some("document") => "search_document: ",
                _ => "",
            };
            let encoding = tokenizer
                .encode(format!("{prefix}{}", r.text), true)
                .unwrap();
            let ids = candle_core::Tensor::new(encoding.get_ids(), &Device::Cpu)
                .unwrap()
                .unsqueeze(0)
                .unwrap();
            let tokens = model.forward(&ids, None, None).unwrap();
            let pooled = mean_pooling(&tokens, &ids.ones_like().unwrap()).unwrap();
            let vector = l2_normalize(&pooled).unwrap().squeeze(0).unwrap();
            Reference {
                text: r.text,
                prompt: r.prompt,
                vector: vector.to_vec1().unwrap(),
            }
        })
        .collect()
}

#[test]
fn nomic_bert_matches_candle_transformers_alone_and_in_batches() {
    let references = nomic_bert_references();
    assert_eq!(references.len(), 50);
    for limits in [one_at_a_time(), BatchLimits::default()] {
        let (worst, truncated) =
            worst_cosine_against("tiny-nomic-bert", &references, limits, WeightFormat::F32);
        eprintln!("tiny-nomic-bert f32 {limits:?}: worst cosine {worst:.7}");
        assert!(worst >= 0.99999, "worst cosine {worst} under {limits:?}");
        assert!(truncated >= 1, "some texts are longer than the context");
    }
    let (worst, _) = worst_cosine_against(
        "tiny-nomic-bert",
        &references,
        BatchLimits::default(),
        WeightFormat::Int8,
    );
    eprintln!("tiny-nomic-bert int8: worst cosine {worst:.5}");
    assert!(worst >= 0.99, "int8 worst cosine {worst}");
}

#[test]
fn nomic_bert_folder_settings_are_read() {
    let embedder = embedder("tiny-nomic-bert", BatchLimits::default(), WeightFormat::F32);
    let info = embedder.info();
    assert_eq!(info.pooling, Pooling::Mean);
    assert!(info.normalize);
    assert_eq!((info.hidden_size, info.max_tokens), (64, 48));
    assert_eq!(info.prompts.passage.as_deref(), Some("search_document: "));
}

#[test]
fn silica_models_lists_architectures_and_shows_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let listed: serde_json::Value = serde_json::from_str(&common::ok(
        &common::silica_command(dir.path())
            .args(["models", "--format", "json"])
            .output()
            .unwrap(),
    ))
    .unwrap();
    let architectures = listed["architectures"].as_array().unwrap();
    for name in [
        "bert",
        "xlm-roberta",
        "qwen3",
        "gemma3_text",
        "modernbert",
        "nomic_bert",
    ] {
        assert!(architectures.iter().any(|a| a == name), "{name} listed");
    }
    assert!(listed["known_models"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "google/embeddinggemma-300m"));

    let folder = fixture("tiny-gemma3");
    let shown: serde_json::Value = serde_json::from_str(&common::ok(
        &common::silica_command(dir.path())
            .args([
                "models",
                "show",
                folder.to_str().unwrap(),
                "--format",
                "json",
            ])
            .output()
            .unwrap(),
    ))
    .unwrap();
    assert_eq!(shown["architecture"], "gemma3_text");
    assert_eq!(shown["pooling"], "mean");
    assert_eq!(shown["dense"].as_array().unwrap().len(), 2);
    assert_eq!(shown["normalize"], true);
    assert_eq!(shown["max_tokens"], 40);
    assert_eq!(shown["passage_prompt"], "title: none | text: ");
    assert_eq!(
        shown["named_prompts"]["Clustering"],
        "task: clustering | query: "
    );

    let missing = common::silica_command(dir.path())
        .args(["models", "show", "/nonexistent/model-folder"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
    assert!(stderr.contains("/nonexistent/model-folder"), "{stderr}");
}

/// tiny-nomic-bert copied with a sentence-transformers model card naming MatryoshkaLoss:
/// a model trained for shorter vectors, as far as silica can tell.
fn matryoshka_copy(root: &std::path::Path) -> PathBuf {
    let dir = root.join("tiny-matryoshka");
    let source = fixture("tiny-nomic-bert");
    for entry in walk(&source) {
        let target = dir.join(entry.strip_prefix(&source).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
    std::fs::write(
        dir.join("README.md"),
        "---\ntags:\n- sentence-transformers\n- loss:MatryoshkaLoss\n---\n",
    )
    .unwrap();
    dir
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn load_dir(dir: &std::path::Path) -> Embedder {
    let locator = ModelLocator {
        models_dir: repo_root().join("models"),
        offline: true,
    };
    Embedder::load(
        &ModelSpec::Dir(dir.to_path_buf()),
        &locator,
        Device::Cpu,
        BatchLimits::default(),
    )
    .unwrap()
}

#[test]
fn dimensions_cut_and_renormalise_only_models_trained_for_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = matryoshka_copy(root.path());
    let texts = [
        "Les chaînes d'approvisionnement se réorganisent.",
        "Export controls on AI chips.",
    ];
    let (full, _) = load_dir(&dir).embed(&texts, &PromptChoice::None).unwrap();
    let short = load_dir(&dir).with_dimensions(32).unwrap();
    assert_eq!(short.info().dimension, 32);
    let (cut, _) = short.embed(&texts, &PromptChoice::None).unwrap();
    assert_eq!(cut.dim, 32);
    for (i, row) in cut.rows().enumerate() {
        let norm: f32 = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "unit length, got {norm}");
        assert!(
            cosine(row, &full.row(i)[..32]) > 0.99999,
            "the head of the full vector"
        );
    }

    // The same folder without the card: not trained for it, refused in one line.
    let err = embedder("tiny-nomic-bert", BatchLimits::default(), WeightFormat::F32)
        .with_dimensions(32)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not trained for shorter vectors"), "{err}");
    let err = load_dir(&dir)
        .with_dimensions(65)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("65") && err.contains("64"), "{err}");
    // Known models are trusted by name, not below their narrowest trained width.
    assert!(silica::model::KNOWN_MODELS
        .iter()
        .any(|m| m.id == "nomic-ai/nomic-embed-text-v1.5" && m.matryoshka.contains(&64)));
}

#[test]
fn an_index_keeps_its_dimensions_and_queries_follow_them() {
    let root = tempfile::tempdir().unwrap();
    let model = matryoshka_copy(root.path());
    let model = model.to_str().unwrap();
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        (
            "a.txt",
            "Export controls on advanced chips were tightened again this year.",
        ),
        (
            "b.txt",
            "Les chaînes d'approvisionnement en lithium se diversifient.",
        ),
        (
            "c.txt",
            "A bilateral partnership on artificial intelligence was signed.",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let index = root.path().join("idx");
    let index = index.to_str().unwrap();
    let run = |args: &[&str]| {
        common::silica_command(root.path())
            .args(args)
            .env("SILICA_MODEL", model)
            .env("SILICA_CACHE", root.path().join("cache.sqlite"))
            .output()
            .unwrap()
    };
    common::ok(&run(&[
        "index",
        "add",
        corpus.to_str().unwrap(),
        "--index",
        index,
        "--dimensions",
        "32",
    ]));
    let stats: serde_json::Value = serde_json::from_str(&common::ok(&run(&[
        "index", "stats", "--index", index, "--format", "json",
    ])))
    .unwrap();
    assert_eq!(stats["dimensions"], 32);
    let hits: serde_json::Value = serde_json::from_str(&common::ok(&run(&[
        "neighbors",
        "--index",
        index,
        "-q",
        "export controls on chips",
        "-k",
        "2",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(hits.as_array().map(Vec::len), Some(2), "{hits}");
    let refused = run(&[
        "neighbors",
        "--index",
        index,
        "-q",
        "chips",
        "--dimensions",
        "16",
    ]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("32") && stderr.contains("16"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
}

#[test]
fn the_service_honours_openai_dimensions_for_a_matryoshka_model() {
    let root = tempfile::tempdir().unwrap();
    let model = matryoshka_copy(root.path());
    let (mut child, base) = common::spawn_serve(&["--model", model.to_str().unwrap()], root.path());
    let post = |body: serde_json::Value| -> (u16, serde_json::Value) {
        match ureq::post(&format!("{base}/v1/embeddings")).send_json(body) {
            Ok(r) => (r.status(), r.into_json().unwrap()),
            Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap()),
            Err(e) => panic!("{e}"),
        }
    };
    let (status, full) = post(serde_json::json!({"input": "export controls on chips"}));
    assert_eq!(status, 200);
    let full: Vec<f32> = serde_json::from_value(full["data"][0]["embedding"].clone()).unwrap();
    let (status, short) =
        post(serde_json::json!({"input": "export controls on chips", "dimensions": 16}));
    assert_eq!(status, 200, "{short}");
    let short: Vec<f32> = serde_json::from_value(short["data"][0]["embedding"].clone()).unwrap();
    assert_eq!(short.len(), 16);
    assert!(cosine(&short, &full[..16]) > 0.99999);
    let (status, refused) = post(serde_json::json!({"input": "x", "dimensions": 128}));
    assert_eq!(status, 422, "{refused}");
    assert!(refused.to_string().contains("64"), "{refused}");
    child.kill().unwrap();
    child.wait().unwrap();
}
