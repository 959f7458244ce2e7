//! Test helpers: the provisioned models, the reference vectors, and a tiny random BERT
//! written by the tests themselves for checks that need no downloaded weights.
#![allow(dead_code)]

pub mod pg;

use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A model directory provisioned by `models/fetch`. Tests that need real weights fail
/// (never skip) without it, so a green run always means the real models were checked.
pub fn provisioned_model(name: &str) -> PathBuf {
    let dir = repo_root().join("models").join(name);
    assert!(
        dir.join("model.safetensors").is_file(),
        "{} is missing: run models/fetch first (it provisions the offline models)",
        dir.display()
    );
    dir
}

pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum();
    let na: f64 = a.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    dot / (na * nb)
}

/// `tests/data/reference/passages.jsonl`: (id, text) in file order.
pub fn reference_passages() -> Vec<(String, String)> {
    read_jsonl(&repo_root().join("tests/data/reference/passages.jsonl"))
        .into_iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A reference vectors file: (id, vector) in file order.
pub fn reference_vectors(file: &str) -> Vec<(String, Vec<f32>)> {
    read_jsonl(&repo_root().join("tests/data/reference").join(file))
        .into_iter()
        .map(|v| {
            let vector = v["embedding"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect();
            (v["id"].as_str().unwrap().to_string(), vector)
        })
        .collect()
}

fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Sizes of the tiny model.
pub const TINY_HIDDEN: usize = 32;
pub const TINY_MAX_TOKENS: usize = 24;

/// Writes a tiny BERT (2 layers, hidden 32, 4 heads, random weights from a fixed seed), a
/// WordPiece `tokenizer.json` covering lowercase words, and sentence-transformers files
/// (mean pooling, normalisation, max_seq_length 24) into `dir`.
pub fn write_tiny_model(dir: &Path) {
    std::fs::create_dir_all(dir.join("1_Pooling")).unwrap();
    let vocab = tiny_vocab();
    write_tiny_tokenizer(&dir.join("tokenizer.json"), &vocab);
    let config = serde_json::json!({
        "architectures": ["BertModel"], "model_type": "bert",
        "attention_probs_dropout_prob": 0.0, "hidden_act": "gelu", "hidden_dropout_prob": 0.0,
        "hidden_size": TINY_HIDDEN, "initializer_range": 0.02, "intermediate_size": 64,
        "layer_norm_eps": 1e-12, "max_position_embeddings": 64, "num_attention_heads": 4,
        "num_hidden_layers": 2, "pad_token_id": 0, "position_embedding_type": "absolute",
        "type_vocab_size": 2, "vocab_size": vocab.len()
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    write_tiny_weights(&dir.join("model.safetensors"), vocab.len());
    std::fs::write(
        dir.join("modules.json"),
        r#"[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
            {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
            {"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.models.Normalize"}]"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("1_Pooling/config.json"),
        r#"{"pooling_mode_mean_tokens": true}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("sentence_bert_config.json"),
        format!(r#"{{"max_seq_length": {TINY_MAX_TOKENS}}}"#),
    )
    .unwrap();
}

fn tiny_vocab() -> Vec<String> {
    let mut vocab: Vec<String> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
        .map(String::from)
        .to_vec();
    vocab.extend(
        "the cat sat on mat dog le chat sur un a de"
            .split(' ')
            .map(String::from),
    );
    for c in 'a'..='z' {
        vocab.push(c.to_string());
        vocab.push(format!("##{c}"));
    }
    vocab.extend([".", ",", "!", "?"].map(String::from));
    vocab
}

fn write_tiny_tokenizer(path: &Path, vocab: &[String]) {
    use serde_json::json;
    let ids: serde_json::Map<String, serde_json::Value> = vocab
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), json!(i)))
        .collect();
    let special = |id: usize, content: &str| {
        json!({"id": id, "content": content, "single_word": false, "lstrip": false,
               "rstrip": false, "normalized": false, "special": true})
    };
    let tokenizer = json!({
        "version": "1.0",
        // As in all-MiniLM-L6-v2's file: settings silica must override.
        "truncation": {"direction": "Right", "max_length": 8, "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": 8}, "direction": "Right", "pad_to_multiple_of": null,
                    "pad_id": 0, "pad_type_id": 0, "pad_token": "[PAD]"},
        "added_tokens": [special(0, "[PAD]"), special(1, "[UNK]"), special(2, "[CLS]"), special(3, "[SEP]")],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                       "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}
            }
        },
        "decoder": null,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids}
    });
    std::fs::write(path, tokenizer.to_string()).unwrap();
}

/// A fixed-seed generator (xorshift) so the tiny model is the same in every run.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.2
    }
}

fn write_tiny_weights(path: &Path, vocab: usize) {
    let (h, ff) = (TINY_HIDDEN, 64);
    let mut shapes: Vec<(String, Vec<usize>)> = vec![
        ("embeddings.word_embeddings.weight".into(), vec![vocab, h]),
        ("embeddings.position_embeddings.weight".into(), vec![64, h]),
        ("embeddings.token_type_embeddings.weight".into(), vec![2, h]),
        ("embeddings.LayerNorm.weight".into(), vec![h]),
        ("embeddings.LayerNorm.bias".into(), vec![h]),
    ];
    for l in 0..2 {
        let p = format!("encoder.layer.{l}");
        for (name, shape) in [
            ("attention.self.query", vec![h, h]),
            ("attention.self.key", vec![h, h]),
            ("attention.self.value", vec![h, h]),
            ("attention.output.dense", vec![h, h]),
            ("intermediate.dense", vec![ff, h]),
            ("output.dense", vec![h, ff]),
        ] {
            shapes.push((format!("{p}.{name}.bias"), vec![shape[0]]));
            shapes.push((format!("{p}.{name}.weight"), shape));
        }
        for norm in ["attention.output.LayerNorm", "output.LayerNorm"] {
            shapes.push((format!("{p}.{norm}.weight"), vec![h]));
            shapes.push((format!("{p}.{norm}.bias"), vec![h]));
        }
    }
    let mut rng = Xorshift(0x9E37_79B9_7F4A_7C15);
    let buffers: Vec<(String, Vec<usize>, Vec<u8>)> = shapes
        .into_iter()
        .map(|(name, shape)| {
            let n: usize = shape.iter().product();
            let values: Vec<f32> = if name.ends_with("LayerNorm.weight") {
                vec![1.0; n]
            } else if name.ends_with("word_embeddings.weight") {
                // silica holds this table in f16: values that f16 represents exactly let
                // the encoder be compared with f32 implementations on equal inputs (the
                // f16 rounding itself is measured against sentence-transformers' vectors).
                (0..n)
                    .map(|_| half::f16::from_f32(rng.next()).to_f32())
                    .collect()
            } else {
                (0..n).map(|_| rng.next()).collect()
            };
            (
                name,
                shape,
                values.iter().flat_map(|v| v.to_le_bytes()).collect(),
            )
        })
        .collect();
    let views = buffers.iter().map(|(name, shape, bytes)| {
        (
            name.clone(),
            safetensors::tensor::TensorView::new(safetensors::Dtype::F32, shape.clone(), bytes)
                .unwrap(),
        )
    });
    safetensors::serialize_to_file(views, None, path).unwrap();
}

/// The silica binary as every test runs it: in `cwd`, with none of the caller's `SILICA_*`
/// settings (a user's `SILICA_STORE`, `SILICA_MODEL` or `SILICA_API_KEY` never reaches a
/// test), no hub, the models provisioned by `models/fetch`, and an embedding cache of the
/// test binary's own (`silica-tests-<pid>` in the temporary directory), never the user's.
/// A test that needs other settings adds them to the returned command.
pub fn silica_command(cwd: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_silica"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("SILICA_") {
            command.env_remove(name);
        }
    }
    command
        .current_dir(cwd)
        .env("HF_HUB_OFFLINE", "1")
        .env("SILICA_MODELS_DIR", repo_root().join("models"))
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join(format!("silica-tests-{}", std::process::id())),
        );
    command
}

/// Runs `silica ARGS` in `cwd` (see [`silica_command`]); multilingual-e5-small required.
pub fn silica_with_models(args: &[&str], cwd: &Path) -> std::process::Output {
    provisioned_model("multilingual-e5-small");
    silica_command(cwd).args(args).output().unwrap()
}

/// The run's stdout, after asserting that it succeeded (its stderr is the failure message).
pub fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `silica serve ARGS` on a free loopback port with the provisioned models and an
/// embedding cache under `home`: the child and its base URL (`http://127.0.0.1:PORT`),
/// once it says it listens. Its stderr is drained from then on, so it never blocks on a
/// full pipe.
pub fn spawn_serve(args: &[&str], home: &Path) -> (std::process::Child, String) {
    use std::io::BufRead;
    provisioned_model("multilingual-e5-small");
    let mut child = silica_command(&repo_root())
        .arg("serve")
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = String::new();
    let base = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("the server ended before listening:\n{seen}"))
            .unwrap();
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.split_whitespace().next().unwrap().to_string();
        }
        seen.push_str(&line);
        seen.push('\n');
    };
    std::thread::spawn(move || for _ in lines {});
    (child, base)
}

/// A directory index's passages of one document, as (id, text), in order.
pub fn index_passages(index: &Path, doc: &str) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open_with_flags(
        index.join("index.sqlite"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut statement = conn
        .prepare(
            "SELECT p.id, p.text FROM passages p JOIN documents d ON d.key = p.document
             WHERE d.id = ?1 ORDER BY p.start",
        )
        .unwrap();
    statement
        .query_map([doc], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// What `silica embed --unit text --no-cache --prompt PROMPT` gives for these texts (files
/// written under `dir`), one vector per text, in order.
pub fn cli_vectors<S: AsRef<str>>(texts: &[S], prompt: &str, dir: &Path) -> Vec<Vec<f32>> {
    let input = dir.join(format!("{prompt}-texts.jsonl"));
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i.to_string(), "text": t.as_ref()}).to_string())
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let output = dir.join(format!("{prompt}-vectors.jsonl"));
    let out = silica_command(dir)
        .args([
            "embed",
            "--unit",
            "text",
            "--no-cache",
            "--prompt",
            prompt,
            "-o",
        ])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    ok(&out);
    std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            serde_json::from_value(v["embedding"].clone()).unwrap()
        })
        .collect()
}
