//! The passage pipeline on a corpus written for these tests (`tests/data/articles/`):
//! pages in English, French, German (HTML), Spanish (Markdown) with realistic furniture.
//! The expected passages (`expected.jsonl`, what the model reads of each) were checked by
//! hand; `SILICA_BLESS=1 cargo test --release --test passages` rewrites them after a change,
//! to be read again before committing.

mod common;

use silica::corpus::{build_passages, read_inputs, Corpus, PassageOptions, ReadOptions};
use silica::model::TextTokenizer;

fn corpus(options: PassageOptions) -> Corpus {
    let dir = common::provisioned_model("multilingual-e5-small");
    let tokenizer = TextTokenizer::load(&dir.join("tokenizer.json"), 250_037, 512).unwrap();
    let root = common::repo_root().join("tests/data/articles");
    let documents = read_inputs(
        &[root],
        &ReadOptions {
            globs: vec!["!expected.jsonl".into()],
            ..Default::default()
        },
    )
    .unwrap();
    build_passages(documents, &options, &tokenizer.counter("passage: "))
}

#[test]
fn articles_give_the_expected_passages() {
    let corpus = corpus(PassageOptions::new(512));
    let got: Vec<serde_json::Value> = corpus
        .passages
        .iter()
        .map(|p| serde_json::json!({"id": p.id, "lang": p.lang, "input": p.input}))
        .collect();
    let path = common::repo_root().join("tests/data/articles/expected.jsonl");
    if std::env::var_os("SILICA_BLESS").is_some() {
        let lines: Vec<String> = got.iter().map(|v| v.to_string()).collect();
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    let expected: Vec<serde_json::Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g, e);
    }
    assert_eq!(got.len(), expected.len(), "number of passages");
}

#[test]
fn furniture_is_dropped_with_its_reason() {
    let corpus = corpus(PassageOptions::new(512));
    let reason_of = |needle: &str| {
        corpus
            .dropped
            .iter()
            .find(|d| d.text.contains(needle))
            .map(|d| d.reason.clone())
            .unwrap_or_else(|| panic!("{needle:?} was not dropped"))
    };
    assert!(reason_of("SIGN UP FOR OUR DAILY").contains("all-capitals"));
    assert!(reason_of("cranes-at-dusk").contains("image"));
    assert!(reason_of("Follow Harbour Post").contains("repeated in 2 documents"));
    assert!(reason_of("Copper climbs").contains("teaser"));
    assert!(reason_of("#chips").contains("hashtag"));
    assert!(reason_of("By Maria Lopez").contains("before the article"));
    assert!(reason_of("Mis à jour le 5 février").contains("before the article"));
    assert!(reason_of("Laisser un commentaire").contains("call to action"));
    // Nothing of the page furniture is left in a passage.
    for p in &corpus.passages {
        for furniture in [
            "Share this",
            "Harbour Post",
            "Cookies",
            "Impressum",
            "Startseite",
            "Compartir",
            "Lire aussi",
        ] {
            assert!(
                !p.text.contains(furniture),
                "{furniture:?} in {}: {}",
                p.id,
                p.text
            );
        }
    }
}

#[test]
fn keep_all_keeps_every_line() {
    let cleaned = corpus(PassageOptions::new(512));
    let all = corpus(PassageOptions {
        keep_all: true,
        ..PassageOptions::new(512)
    });
    assert!(all.dropped.is_empty());
    assert!(all.passages.len() > cleaned.passages.len());
    assert!(all
        .passages
        .iter()
        .any(|p| p.text.contains("SIGN UP FOR OUR DAILY")));
}

#[test]
fn duplicates_are_embedded_once_or_kept_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let wire = "The central bank raised its main interest rate by a quarter point on Thursday, citing persistent inflation in services.";
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Rates rise again across the region\n\n{wire}\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("{wire}\n\nMarkets fell slightly after the announcement, then recovered by the close.\n")).unwrap();
    let docs = read_inputs(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    let model = common::provisioned_model("multilingual-e5-small");
    let tokenizer = TextTokenizer::load(&model.join("tokenizer.json"), 250_037, 512).unwrap();
    let counter = tokenizer.counter("passage: ");
    let once = build_passages(docs.clone(), &PassageOptions::new(512), &counter);
    assert_eq!(once.duplicates, 1);
    let wire_passages: Vec<_> = once
        .passages
        .iter()
        .filter(|p| p.text.contains("central bank"))
        .collect();
    assert_eq!(wire_passages.len(), 1);
    // a.txt's copy carries its headline (merged in); b.txt's plain copy repeats it.
    assert_eq!(wire_passages[0].id, "a.txt#0");
    assert_eq!(wire_passages[0].duplicates, vec!["b.txt#0".to_string()]);
    let kept = build_passages(
        docs,
        &PassageOptions {
            keep_duplicates: true,
            ..PassageOptions::new(512)
        },
        &counter,
    );
    let copy = kept.passages.iter().find(|p| p.id == "b.txt#0").unwrap();
    assert_eq!(copy.duplicate_of.as_deref(), Some("a.txt#0"));
}
