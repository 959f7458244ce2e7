//! PostgreSQL servers for the store's tests (tests/postgres.rs, tests/citus.rs): PyPI's
//! pgserver, started in a folder of its own, and what the tests read back from a store.

use super::repo_root;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A helper script that starts a server, says where it listens on its first line, and
/// stops it and deletes its folder when its stdin closes: when dropped, or when the test
/// process dies.
pub struct Helper(pub Child);

impl Helper {
    pub fn start(python: &Path, script: &str, folder: &Path) -> (Self, String) {
        let mut child = Command::new(python)
            .arg(repo_root().join("tests/postgres").join(script))
            .arg(folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        (Helper(child), line.trim().to_string())
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

/// A private server: stopped and deleted when dropped.
pub struct Server {
    _helper: Helper,
    pub url: String,
    _dir: tempfile::TempDir,
}

/// Which of tests/postgres/setup's servers: the pgvector in pgserver's wheel (0.6.2, the
/// oldest silica supports), or one built from source (0.8, with `halfvec`).
#[derive(Clone, Copy)]
pub enum Pgvector {
    Wheel,
    Source,
}

impl Server {
    pub fn start() -> Self {
        Self::start_with(Pgvector::Wheel)
    }

    pub fn start_with(pgvector: Pgvector) -> Self {
        let (variable, default) = match pgvector {
            Pgvector::Wheel => ("SILICA_PGSERVER_PYTHON", "target/pgserver/bin/python"),
            Pgvector::Source => (
                "SILICA_PGSERVER08_PYTHON",
                "target/pgserver-pgvector08/bin/python",
            ),
        };
        let python = std::env::var_os(variable)
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join(default));
        assert!(
            python.exists(),
            "{}: no pgserver; run `bash tests/postgres/setup`",
            python.display()
        );
        let dir = tempfile::Builder::new().prefix("pg").tempdir().unwrap();
        let (helper, url) = Helper::start(&python, "server.py", &dir.path().join("data"));
        assert!(url.starts_with("postgresql://"), "pgserver said {url:?}");
        Server {
            _helper: helper,
            url,
            _dir: dir,
        }
    }

    /// The URL of database `name` on this server, created when missing.
    pub fn database(&self, name: &str) -> String {
        let mut client = self.client();
        let exists = client
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
            .unwrap()
            .is_some();
        if !exists {
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
        }
        self.url.replacen("/postgres?", &format!("/{name}?"), 1)
    }

    pub fn client(&self) -> postgres::Client {
        client(&self.url)
    }
}

pub fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

/// Short texts (STS-B and bitext slices), one JSONL document each: 280 documents.
pub fn sentences_corpus(dir: &Path) -> PathBuf {
    let data = repo_root().join("tests/data/eval");
    let mut texts = Vec::new();
    let csv = std::fs::read_to_string(data.join("stsb-fr-dev-slice.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        texts.push(record[0].to_string());
        texts.push(record[1].to_string());
    }
    for file in ["bitext-en.txt", "bitext-fr.txt"] {
        let content = std::fs::read_to_string(data.join(file)).unwrap();
        texts.extend(content.lines().map(String::from));
    }
    let path = dir.join("sentences.jsonl");
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": format!("s{i:04}"), "text": t}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// Every stored passage: (id, document, vector), sorted by id.
pub fn stored(url: &str) -> Vec<(String, String, Vec<f32>)> {
    let mut rows: Vec<(String, String, Vec<f32>)> = client(url)
        .query(
            "SELECT id, document, embedding FROM silica_passages ORDER BY id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get::<_, pgvector::Vector>(2).to_vec()))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// silica running in the background (its cache in `work`), stderr kept for its error.
pub fn spawn_silica<S: AsRef<std::ffi::OsStr>>(args: &[S], work: &Path) -> Child {
    super::silica_command(work)
        .args(args)
        .env("XDG_CACHE_HOME", work.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Stored documents without a passage: a half-written batch would leave some.
pub fn documents_without_passages(url: &str) -> i64 {
    client(url)
        .query_one(
            "SELECT count(*) FROM silica_documents d WHERE NOT EXISTS
             (SELECT 1 FROM silica_passages p WHERE p.document = d.id)",
            &[],
        )
        .unwrap()
        .get(0)
}
