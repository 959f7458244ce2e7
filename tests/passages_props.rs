//! Property tests of reading, cleaning and splitting on random and adversarial text, with
//! the real multilingual tokenizer: no panic, every passage within the token limit, offsets
//! that slice the document text to the passage text, passages in document order.

mod common;

use proptest::prelude::*;
use silica::corpus::{build_passages, decode, Document, PassageOptions, TextFormat, TokenCounter};
use silica::model::TextTokenizer;
use std::path::Path;
use std::sync::OnceLock;

fn tokenizer() -> &'static TextTokenizer {
    static TOKENIZER: OnceLock<TextTokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| {
        let dir = common::provisioned_model("multilingual-e5-small");
        TextTokenizer::load(&dir.join("tokenizer.json"), 250_037, 512).unwrap()
    })
}

/// Pieces that make text hard: scripts, directions, emoji, control characters, furniture.
const FRAGMENTS: &[&str] = &[
    "", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{0}", "\u{200f}", "\u{feff}", "word", "Sentence.", "Mr. Smith",
    "end?", "…", "« citation »", "\"quoted\"", ", next", "#tag", "#Big News", "https://example.org/x?y=1",
    "photo.jpg", "Crédit : X", "SUBSCRIBE NOW TO OUR LIST", "Read also:", "שלום עולם.", "مرحبا بالعالم.",
    "中文句子。", "日本語の文です。", "Привет, мир.", "😀", "👩‍👩‍👧", "é", "e\u{301}", "Ω", "•", "- item",
    "The committee met on Tuesday to review the proposal in detail and agreed on a timetable.",
    "Les deux pays ont signé un accord de coopération sur l'intelligence artificielle et les semi-conducteurs.",
];

fn adversarial_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => adversarial_text(),
        2 => any::<String>(),
        1 => (1usize..3000).prop_map(|n| "mot ".repeat(n)),
        1 => (1usize..400).prop_map(|n| "verylongwordwithoutanyspace".repeat(n)),
        1 => "[ \n\t]{0,40}",
    ]
}

fn check(
    texts: &[String],
    format: TextFormat,
    options: &PassageOptions,
) -> Result<(), TestCaseError> {
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document {
            format,
            ..Document::plain(format!("d{i}"), format!("d{i}.txt"), t.as_str())
        })
        .collect();
    let counter = tokenizer().counter("passage: ");
    let corpus = build_passages(documents, options, &counter);
    let mut last: Option<(usize, usize)> = None;
    for p in &corpus.passages {
        let doc = &corpus.documents[p.doc_index];
        prop_assert_eq!(&doc.text[p.byte_start..p.byte_end], p.text.as_str());
        let by_chars: String = doc
            .text
            .chars()
            .skip(p.start)
            .take(p.end - p.start)
            .collect();
        prop_assert_eq!(&by_chars, &p.text);
        prop_assert!(
            p.tokens <= options.max_tokens,
            "{} tokens > {}: {:?}",
            p.tokens,
            options.max_tokens,
            p.input
        );
        prop_assert_eq!(p.tokens, counter.count(&p.input));
        prop_assert!(!p.text.trim().is_empty());
        if let Some((doc_index, start)) = last {
            prop_assert!(doc_index <= p.doc_index, "documents in order");
            if doc_index == p.doc_index {
                prop_assert!(p.byte_start > start, "passages in document order");
            }
        }
        last = Some((p.doc_index, p.byte_start));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn passages_quote_their_documents_and_fit_the_window(
        texts in prop::collection::vec(any_text(), 1..4),
        max_tokens in 12usize..80,
        keep_all in any::<bool>(),
        overlap in 0usize..3,
    ) {
        let options = PassageOptions { max_tokens, overlap, min_chars: 40, keep_all, keep_duplicates: false };
        check(&texts, TextFormat::Plain, &options)?;
        check(&texts, TextFormat::Markdown, &PassageOptions { keep_duplicates: true, ..options.clone() })?;
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(decoded) = decode(&bytes, None, Path::new("x.txt")) {
            prop_assert!(!decoded.text.is_empty() || bytes.is_empty() || bytes == b"\xEF\xBB\xBF");
        }
    }
}

#[test]
fn one_enormous_line_is_cut_within_the_window() {
    // One line, no sentence end, each phrase different (identical chunks would be duplicates).
    let text: String = (0..400)
        .map(|i| format!("l'accord numéro {i} porte sur les semi-conducteurs et les terres rares "))
        .collect();
    let options = PassageOptions::new(64);
    check(std::slice::from_ref(&text), TextFormat::Plain, &options).unwrap();
    let counter = tokenizer().counter("passage: ");
    let doc = Document::plain("big", "big.txt", text);
    let corpus = build_passages(vec![doc], &options, &counter);
    assert!(
        corpus.passages.len() > 20,
        "{} passages",
        corpus.passages.len()
    );
}
