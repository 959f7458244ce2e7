//! The Python clients users point at `silica serve`, for real: openai (its base64 default and
//! floats), langchain-openai (string mode works; its token-id default gets the 422 that says
//! what to do), huggingface_hub's InferenceClient (`feature_extraction` and
//! `sentence_similarity` at the server root, `get_endpoint_info`), and curl on
//! text-embeddings-inference's other routes. Two sets of versions (tests/clients/setup
//! installs them from PyPI), every vector checked against `silica embed`'s
//! (tests/clients/check.py).

mod common;

use common::repo_root;
use serde_json::json;
use std::path::PathBuf;
use std::process::Command;

/// A server, killed when dropped.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The Python of one client set; its absence fails the test with how to install it.
fn clients_python(set: &str) -> PathBuf {
    let python = repo_root().join("target").join(set).join("bin/python");
    assert!(
        python.exists(),
        "{} is missing: run `bash tests/clients/setup`",
        python.display()
    );
    python
}

#[test]
fn real_python_clients_get_what_silica_embed_gives() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Les semi-conducteurs sont au cœur des chaînes d'approvisionnement mondiales.",
        "Export controls on advanced chips tightened again this year.",
        "Die digitale Souveränität Europas hängt von eigenen Rechenzentren ab.",
        "La cooperación bilateral en inteligencia artificial avanza.",
        "The cat sleeps on the sofa.",
    ];
    let expected = json!({
        "model": "intfloat/multilingual-e5-small",
        "texts": texts,
        "passage": common::cli_vectors(&texts, "passage", dir.path()),
        "query": common::cli_vectors(&texts, "query", dir.path()),
    });
    let expected_path = dir.path().join("expected.json");
    std::fs::write(&expected_path, expected.to_string()).unwrap();

    let (child, base) = common::spawn_serve(&[], dir.path());
    let _server = Server(child);
    for set in ["clients-current", "clients-previous"] {
        let out = Command::new(clients_python(set))
            .arg(repo_root().join("tests/clients/check.py"))
            .arg(&base)
            .arg(&expected_path)
            .env(
                "TIKTOKEN_CACHE_DIR",
                repo_root().join("target/tiktoken-cache"),
            )
            .output()
            .unwrap();
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!("{set}:\n{report}");
        assert!(out.status.success(), "{set}:\n{report}");
        assert!(report.contains("all clients agree"), "{set}:\n{report}");
    }
}
