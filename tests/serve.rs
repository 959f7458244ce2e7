//! `silica serve`, end to end: the real binary on a free loopback port, the real e5 model,
//! a real HTTP client. Every route; vectors equal to `silica embed`'s; every error status
//! (413, 422, 404, 429, 503, 401) and the server still serving after each; the API key;
//! shutdown with a request in flight; the OpenAPI document against the routes.

mod common;

use common::{cosine, provisioned_model, repo_root};
use serde_json::{json, Value};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A running server, killed when dropped.
struct Server {
    child: Child,
    base: String,
    _home: tempfile::TempDir,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        let home = tempfile::tempdir().unwrap();
        let (child, base) = common::spawn_serve(args, home.path());
        Server {
            child,
            base,
            _home: home,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// POSTs a body; returns the status and the parsed answer.
    fn post(&self, path: &str, body: &str) -> (u16, Value) {
        self.post_with(path, body, None)
    }

    fn post_with(&self, path: &str, body: &str, key: Option<&str>) -> (u16, Value) {
        let mut request = ureq::post(&self.url(path)).set("Content-Type", "application/json");
        if let Some(key) = key {
            request = request.set("Authorization", &format!("Bearer {key}"));
        }
        answer(request.send_string(body))
    }

    fn get(&self, path: &str) -> (u16, String) {
        match ureq::get(&self.url(path)).call() {
            Ok(r) => (r.status(), r.into_string().unwrap()),
            Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap()),
            Err(e) => panic!("GET {path}: {e}"),
        }
    }

    fn assert_healthy(&self) {
        let (status, body) = self.get("/health");
        assert_eq!(status, 200, "{body}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    match result {
        Ok(r) => (r.status(), r.into_json().unwrap()),
        Err(ureq::Error::Status(code, r)) => {
            let text = r.into_string().unwrap();
            (
                code,
                serde_json::from_str(&text).unwrap_or(Value::String(text)),
            )
        }
        Err(e) => panic!("request failed: {e}"),
    }
}

fn vectors(value: &Value) -> Vec<Vec<f32>> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect()
        })
        .collect()
}

/// Passages of the reference set, a mix of languages and lengths.
fn texts(n: usize) -> Vec<String> {
    common::reference_passages()
        .into_iter()
        .take(n)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn embeddings_equal_silica_embed_through_every_embedding_route() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&[]);
    let texts = texts(12);
    let expected = common::cli_vectors(&texts, "passage", dir.path());

    let (status, body) = server.post("/embed", &json!({ "inputs": texts }).to_string());
    assert_eq!(status, 200, "{body}");
    let served = vectors(&body);
    assert_eq!(served.len(), texts.len());
    for (i, (a, b)) in served.iter().zip(&expected).enumerate() {
        assert!(cosine(a, b) >= 0.99999, "text {i}: cosine {}", cosine(a, b));
    }

    let (status, body) = server.post(
        "/v1/embeddings",
        &json!({ "input": texts, "model": "intfloat/multilingual-e5-small" }).to_string(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["object"], "list");
    let data = body["data"].as_array().unwrap();
    assert_eq!(data.len(), texts.len());
    for (i, item) in data.iter().enumerate() {
        assert_eq!(item["index"], i);
        let v: Vec<f32> = item["embedding"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap() as f32)
            .collect();
        assert!(cosine(&v, &expected[i]) >= 0.99999);
    }
    // Tokens as the model's tokenizer counts them (prompt and special tokens included).
    let tokenizer = silica::model::TextTokenizer::load(
        &provisioned_model("multilingual-e5-small").join("tokenizer.json"),
        250_037,
        512,
    )
    .unwrap();
    let counter = tokenizer.counter("passage: ");
    let counted: usize = texts
        .iter()
        .map(|t| silica::corpus::TokenCounter::count(&counter, t).min(512))
        .sum();
    assert_eq!(body["usage"]["prompt_tokens"], counted);

    // base64: the same floats, little-endian.
    let (status, body) = server.post(
        "/v1/embeddings",
        &json!({ "input": texts[0], "encoding_format": "base64" }).to_string(),
    );
    assert_eq!(status, 200, "{body}");
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body["data"][0]["embedding"].as_str().unwrap())
        .unwrap();
    let decoded: Vec<f32> = bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    assert!(cosine(&decoded, &expected[0]) >= 0.99999);

    // The query prompt changes the vector; "none" too.
    let (_, query) = server.post(
        "/embed",
        &json!({ "inputs": texts[0], "prompt": "query" }).to_string(),
    );
    let query = vectors(&query);
    assert!(cosine(&query[0], &expected[0]) < 0.999);

    let (status, body) = server.post(
        "/similarity",
        &json!({ "pairs": [["Le chat dort sur le canapé.", "The cat is sleeping on the sofa."],
                           ["Le chat dort sur le canapé.", "Les exportations de puces ont baissé."]] })
        .to_string(),
    );
    assert_eq!(status, 200, "{body}");
    let scores = body["scores"].as_array().unwrap();
    let (same, other) = (scores[0].as_f64().unwrap(), scores[1].as_f64().unwrap());
    assert!((same - 0.8856).abs() < 1e-3, "{same}");
    assert!(other < same);
}

#[test]
fn concurrent_requests_are_batched_and_each_keeps_its_own_order() {
    let server = Server::start(&[]);
    let texts = texts(24);
    let (_, alone) = server.post("/embed", &json!({ "inputs": texts }).to_string());
    let alone = vectors(&alone);
    std::thread::scope(|scope| {
        for client in 0..8 {
            let (server, texts, alone) = (&server, &texts, &alone);
            scope.spawn(move || {
                for round in 0..3 {
                    // Each client asks for a different rotation of the texts.
                    let shift = (client * 3 + round) % texts.len();
                    let mine: Vec<&String> = texts.iter().cycle().skip(shift).take(5).collect();
                    let (status, body) =
                        server.post("/embed", &json!({ "inputs": mine }).to_string());
                    assert_eq!(status, 200, "{body}");
                    for (k, v) in vectors(&body).iter().enumerate() {
                        let want = &alone[(shift + k) % texts.len()];
                        assert!(
                            cosine(v, want) >= 0.99999,
                            "client {client} round {round} text {k}"
                        );
                    }
                }
            });
        }
    });
    let (_, metrics) = server.get("/metrics");
    let rounds: f64 = metric(&metrics, "silica_batch_texts_count");
    let batched: f64 = metric(&metrics, "silica_batch_texts_sum");
    assert_eq!(batched, 24.0 + 8.0 * 3.0 * 5.0);
    assert!(
        rounds < 25.0,
        "{rounds} rounds for 25 requests: nothing was batched"
    );
    assert!(
        metrics.contains(r#"silica_requests_total{route="/embed",status="200"} 25"#),
        "{metrics}"
    );
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|r| r.trim().parse().ok()))
        .unwrap_or_else(|| panic!("{name} not in\n{text}"))
}

#[test]
fn neighbors_over_an_index_equal_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("seeds.idx");
    let run = |args: &[&str]| {
        let out = common::silica_command(&repo_root())
            .args(args)
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&["index", "add", "seeds", "--index", index.to_str().unwrap()]);
    let question = "Which countries signed AI agreements with the United States?";
    let cli: Value = serde_json::from_slice(&run(&[
        "neighbors",
        "--index",
        index.to_str().unwrap(),
        "-q",
        question,
        "-k",
        "5",
        "--format",
        "json",
    ]))
    .unwrap();
    let server = Server::start(&["--index", index.to_str().unwrap()]);
    let (status, body) = server.post(
        "/neighbors",
        &json!({ "query": question, "k": 5 }).to_string(),
    );
    assert_eq!(status, 200, "{body}");
    let hits = body["hits"].as_array().unwrap();
    // One query: a list of hits, scores rounded to 4 decimals.
    let cli_hits = cli.as_array().unwrap_or_else(|| panic!("{cli}"));
    assert_eq!(hits.len(), 5);
    for (hit, want) in hits.iter().zip(cli_hits) {
        assert_eq!(hit["id"], want["id"]);
        let (a, b) = (
            hit["score"].as_f64().unwrap(),
            want["score"].as_f64().unwrap(),
        );
        assert!((a - b).abs() < 1e-4, "{a} vs {b}");
        assert!(hit["text"].as_str().unwrap().len() > 10);
    }
    // Lexical and hybrid answer as the CLI's --retrieval does (a question in the seeds'
    // language, for the words to match).
    let question = "Quels pays ont signé un accord sur l'intelligence artificielle ?";
    for retrieval in ["lexical", "hybrid"] {
        let cli: Value = serde_json::from_slice(&run(&[
            "neighbors",
            "--index",
            index.to_str().unwrap(),
            "-q",
            question,
            "-k",
            "5",
            "--retrieval",
            retrieval,
            "--format",
            "json",
        ]))
        .unwrap();
        let (status, body) = server.post(
            "/neighbors",
            &json!({ "query": question, "k": 5, "retrieval": retrieval }).to_string(),
        );
        assert_eq!(status, 200, "{body}");
        let ids = |list: &Value| -> Vec<Value> {
            list.as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].clone())
                .collect()
        };
        assert_eq!(ids(&body["hits"]), ids(&cli), "{retrieval}");
        assert!(!ids(&cli).is_empty());
    }
    let (status, _) = server.post(
        "/neighbors",
        &json!({ "query": question, "retrieval": "sparse" }).to_string(),
    );
    assert_eq!(status, 422);
    let (_, health) = server.get("/health");
    let health: Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["passages"], 48);
}

#[test]
fn bad_requests_get_their_status_and_the_server_keeps_serving() {
    let server = Server::start(&["--max-inputs", "4", "--max-body-bytes", "4096", "seeds"]);
    let cases: Vec<(&str, String, u16, &str)> = vec![
        ("/embed", "{not json".into(), 422, "invalid JSON"),
        ("/embed", r#"{"inputs": [1, 2]}"#.into(), 422, "token ids"),
        ("/embed", r#"{"inputs": ["a", 2]}"#.into(), 422, "token ids"),
        (
            "/embed",
            r#"{"inputs": ["a", {"b": 1}]}"#.into(),
            422,
            "strings only",
        ),
        (
            "/v1/embeddings",
            r#"{"input": [[15339, 1917]]}"#.into(),
            422,
            "check_embedding_ctx_length=False",
        ),
        (
            "/embed",
            r#"{"inputs": "a", "prompt_name": "shout"}"#.into(),
            422,
            "this model's prompts are",
        ),
        (
            "/embed",
            r#"{"inputs": "a", "prompt": "query", "prompt_name": "query"}"#.into(),
            422,
            "not both",
        ),
        (
            "/embed",
            r#"{"inputs": "a", "normalize": false}"#.into(),
            422,
            "normalises",
        ),
        (
            "/embed",
            r#"{"inputs": "a", "truncation_direction": "Left"}"#.into(),
            422,
            "on the right",
        ),
        (
            "/",
            r#"{"inputs": {"source_sentence": "a", "sentences": []}}"#.into(),
            422,
            "sentences is empty",
        ),
        (
            "/similarity",
            r#"{"inputs": {"source_sentence": "a"}}"#.into(),
            422,
            "sentences",
        ),
        ("/tokenize", r#"{"inputs": []}"#.into(), 422, "empty"),
        (
            "/tokenize",
            r#"{"inputs": ["a","b","c","d","e"]}"#.into(),
            413,
            "at most 4",
        ),
        ("/decode", r#"{"ids": [-1]}"#.into(), 422, "non-negative"),
        (
            "/decode",
            r#"{"ids": [999999999]}"#.into(),
            422,
            "not in this tokenizer",
        ),
        (
            "/embed_all",
            r#"{"inputs": ["a","b","c","d","e"]}"#.into(),
            413,
            "at most 4",
        ),
        (
            "/embed",
            r#"{"inputs": {"a": 1}}"#.into(),
            422,
            "string or a list",
        ),
        ("/embed", r#"{"texts": ["a"]}"#.into(), 422, "inputs"),
        ("/embed", r#"{"inputs": []}"#.into(), 422, "empty"),
        (
            "/embed",
            r#"{"inputs": ["ok", "   "]}"#.into(),
            422,
            "input 1 is empty",
        ),
        (
            "/embed",
            r#"{"inputs": "a", "prompt": "shout"}"#.into(),
            422,
            "prompt",
        ),
        (
            "/embed",
            r#"{"inputs": ["a","b","c","d","e"]}"#.into(),
            413,
            "at most 4",
        ),
        (
            "/embed",
            json!({ "inputs": "x".repeat(5000) }).to_string(),
            413,
            "larger than",
        ),
        (
            "/v1/embeddings",
            r#"{"input": "a", "dimensions": 128}"#.into(),
            422,
            "dimensions 128",
        ),
        (
            "/v1/embeddings",
            r#"{"input": "a", "encoding_format": "hex"}"#.into(),
            422,
            "encoding_format",
        ),
        (
            "/similarity",
            r#"{"pairs": [["a"]]}"#.into(),
            422,
            "invalid JSON",
        ),
        ("/similarity", r#"{"pairs": []}"#.into(), 422, "empty"),
        (
            "/neighbors",
            r#"{"query": "x", "k": 0}"#.into(),
            422,
            "k must be",
        ),
        ("/neighbors", r#"{"query": ""}"#.into(), 422, "empty"),
        ("/nowhere", "{}".into(), 404, "no such route"),
    ];
    for (path, body, want, needle) in cases {
        let (status, answer) = server.post(path, &body);
        assert_eq!(status, want, "{path} {body:.80}: {answer}");
        // The OpenAI route answers in OpenAI's shape, the others `{"error": "..."}`.
        let error = answer["error"]
            .as_str()
            .or_else(|| answer["error"]["message"].as_str())
            .unwrap_or_else(|| panic!("{answer}"));
        if path == "/v1/embeddings" {
            assert_eq!(answer["error"]["type"], "invalid_request_error", "{answer}");
        }
        assert!(
            error.contains(needle),
            "{path} {body:.80}: {error:?} lacks {needle:?}"
        );
        assert!(!error.contains('\n'), "one line: {error:?}");
        server.assert_healthy();
    }
    let (status, _) = server.post("/embed", r#"{"inputs": ["still serving"]}"#);
    assert_eq!(status, 200);
}

#[test]
fn neighbors_without_passages_is_404() {
    let server = Server::start(&[]);
    let (status, body) = server.post("/neighbors", r#"{"query": "chips"}"#);
    assert_eq!(status, 404, "{body}");
    server.assert_healthy();
}

#[test]
fn a_full_queue_is_429_with_retry_after_and_a_slow_answer_503() {
    let long: Vec<String> = texts(60).iter().map(|t| t.repeat(4)).collect();
    let body = json!({ "inputs": long }).to_string();
    let server = Server::start(&["--queue", "1", "--round-texts", "1", "--max-inputs", "64"]);
    let statuses: Vec<(u16, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..6)
            .map(|_| {
                let (server, body) = (&server, &body);
                scope.spawn(move || {
                    let result = ureq::post(&server.url("/embed"))
                        .set("Content-Type", "application/json")
                        .send_string(body);
                    match result {
                        Ok(r) => (r.status(), None),
                        Err(ureq::Error::Status(code, r)) => {
                            (code, r.header("Retry-After").map(String::from))
                        }
                        Err(e) => panic!("{e}"),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let refused: Vec<_> = statuses.iter().filter(|(s, _)| *s == 429).collect();
    assert!(!refused.is_empty(), "{statuses:?}");
    assert!(refused
        .iter()
        .all(|(_, retry)| retry.as_deref() == Some("1")));
    assert!(
        statuses.iter().all(|(s, _)| *s == 200 || *s == 429),
        "{statuses:?}"
    );
    server.assert_healthy();
    drop(server);

    let server = Server::start(&["--timeout", "0.2", "--max-inputs", "64"]);
    let (status, answer) = server.post("/embed", &body);
    assert_eq!(status, 503, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("--timeout"));
    server.assert_healthy();
    // Once the model is free again, short requests are answered.
    let started = Instant::now();
    loop {
        let (status, _) = server.post("/embed", r#"{"inputs": "short"}"#);
        if status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never served again"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn an_api_key_guards_every_route_but_health() {
    let server = Server::start(&["--api-key", "s3cret"]);
    server.assert_healthy();
    let body = r#"{"inputs": "hello"}"#;
    assert_eq!(server.post_with("/embed", body, None).0, 401);
    assert_eq!(server.post_with("/embed", body, Some("wrong")).0, 401);
    assert_eq!(server.post_with("/embed", body, Some("s3cret")).0, 200);
    assert_eq!(server.get("/metrics").0, 401);
    assert_eq!(server.get("/openapi.json").0, 401);
    // text-embeddings-inference's routes too; its root is a health check on GET only.
    assert_eq!(server.get("/").0, 200);
    assert_eq!(server.post_with("/", body, None).0, 401);
    assert_eq!(server.post_with("/", body, Some("s3cret")).0, 200);
    assert_eq!(server.get("/info").0, 401);
    assert_eq!(server.post_with("/tokenize", body, None).0, 401);
}

#[cfg(unix)]
#[test]
fn sigterm_finishes_the_request_in_flight_then_refuses_new_ones() {
    let server = Server::start(&["--max-inputs", "64"]);
    let long: Vec<String> = texts(48).iter().map(|t| t.repeat(3)).collect();
    let body = json!({ "inputs": long }).to_string();
    let url = server.url("/embed");
    let in_flight = std::thread::spawn(move || {
        answer(
            ureq::post(&url)
                .set("Content-Type", "application/json")
                .send_string(&body),
        )
    });
    // Wait until the request is with the model.
    let started = Instant::now();
    loop {
        let (_, metrics) = server.get("/metrics");
        if metrics.contains("silica_requests_total{route=\"/metrics\"")
            && !metrics.contains("silica_batch_texts_count 0")
        {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let (status, vectors_body) = in_flight.join().unwrap();
    assert_eq!(status, 200, "{vectors_body}");
    assert_eq!(vectors(&vectors_body).len(), 48);
    let mut server = server;
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    assert!(
        ureq::get(&server.url("/health")).call().is_err(),
        "still accepting after SIGTERM"
    );
}

#[test]
fn the_openapi_document_lists_exactly_the_routes_and_their_statuses() {
    let server = Server::start(&[
        "seeds",
        "--reranker",
        "tests/data/models/tiny-xlmr-reranker",
    ]);
    let (status, text) = server.get("/openapi.json");
    assert_eq!(status, 200);
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        document,
        serde_json::from_str::<Value>(&silica::serve::openapi_json()).unwrap()
    );
    let paths = document["paths"].as_object().unwrap();
    let mut listed: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    listed.sort();
    let mut expected: Vec<(String, String)> = [
        ("post", "/v1/embeddings"),
        ("post", "/"),
        ("get", "/"),
        ("post", "/embed"),
        ("post", "/embed_all"),
        ("post", "/similarity"),
        ("post", "/tokenize"),
        ("post", "/decode"),
        ("get", "/info"),
        ("post", "/rerank"),
        ("post", "/neighbors"),
        ("get", "/health"),
        ("get", "/metrics"),
        ("get", "/openapi.json"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    expected.sort();
    assert_eq!(listed, expected);
    // Each route answers a valid request with 200 and a bad one with a documented status.
    let valid = |path: &str| match path {
        "/v1/embeddings" => json!({"input": "hello"}),
        "/embed" | "/" | "/embed_all" | "/tokenize" => json!({"inputs": ["hello"]}),
        "/decode" => json!({"ids": [0, 2]}),
        "/rerank" => json!({"query": "export controls", "texts": ["chips", "ferries"]}),
        "/similarity" => json!({"pairs": [["a cat", "un chat"]]}),
        "/neighbors" => json!({"query": "chips", "k": 2}),
        _ => unreachable!(),
    };
    for (method, path) in &listed {
        let responses = paths[path][method]["responses"].as_object().unwrap();
        if method == "get" {
            let (status, _) = server.get(path);
            assert_eq!(status, 200, "{path}");
            continue;
        }
        let (status, body) = server.post(path, &valid(path).to_string());
        assert_eq!(status, 200, "{path}: {body}");
        assert!(responses.contains_key("200"));
        let (status, _) = server.post(path, "[]");
        assert!(
            responses.contains_key(&status.to_string()),
            "{path}: {status} undocumented"
        );
    }
}

/// A model without a Normalize module: `/embed` gives unit vectors by default, as
/// text-embeddings-inference does, and the model's own with `normalize: false`.
#[test]
fn embed_normalizes_a_model_that_does_not_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("tiny");
    common::write_tiny_model(&model);
    let modules = model.join("modules.json");
    let text = std::fs::read_to_string(&modules).unwrap();
    let without: Vec<Value> = serde_json::from_str::<Vec<Value>>(&text)
        .unwrap()
        .into_iter()
        .filter(|m| !m["type"].as_str().unwrap().ends_with("Normalize"))
        .collect();
    std::fs::write(&modules, serde_json::to_string(&without).unwrap()).unwrap();
    let server = Server::start(&["--model", model.to_str().unwrap()]);
    let body =
        |normalize: bool| json!({"inputs": ["the cat sleeps"], "normalize": normalize}).to_string();
    let (status, raw) = server.post("/embed", &body(false));
    assert_eq!(status, 200, "{raw}");
    let raw = vectors(&raw).remove(0);
    let norm = raw.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!(
        (norm - 1.0).abs() > 1e-3,
        "the tiny model's own vector has norm {norm}"
    );
    let (status, unit) = server.post("/embed", &body(true));
    assert_eq!(status, 200, "{unit}");
    let unit = vectors(&unit).remove(0);
    for (u, r) in unit.iter().zip(&raw) {
        assert!((u - r / norm).abs() < 1e-5);
    }
}
