//! Fuzzes reading, cleaning and splitting: any bytes, decoded as a file would be, cut into
//! passages with the real all-MiniLM-L6-v2 tokenizer and a small window. Checks the same
//! properties as `tests/passages_props.rs`: passages quote their document exactly, fit the
//! window, and come in document order.
//!
//!     models/fetch && cd fuzz && cargo fuzz run passages -s none -- -max_total_time=300
#![no_main]

use libfuzzer_sys::fuzz_target;
use silica::corpus::{build_passages, decode, Document, PassageOptions, TextFormat, TokenCounter};
use silica::model::TextTokenizer;
use std::path::Path;
use std::sync::OnceLock;

fn tokenizer() -> &'static TextTokenizer {
    static TOKENIZER: OnceLock<TextTokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| {
        let path = std::env::var("SILICA_FUZZ_TOKENIZER").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../models/all-MiniLM-L6-v2/tokenizer.json"
            )
            .into()
        });
        TextTokenizer::load(Path::new(&path), 30_522, 256).expect("run models/fetch first")
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the settings; the rest is the file.
    let Some((&settings, bytes)) = data.split_first() else {
        return;
    };
    let Ok(decoded) = decode(bytes, None, Path::new("fuzz.txt")) else {
        return;
    };
    let format = if settings & 1 == 0 {
        TextFormat::Plain
    } else {
        TextFormat::Markdown
    };
    let options = PassageOptions {
        max_tokens: 8 + (settings >> 3) as usize % 48,
        overlap: (settings >> 1) as usize % 3,
        min_chars: 40,
        keep_all: settings & 0x80 != 0,
        keep_duplicates: true,
    };
    // Two documents, so repetition across documents is exercised too.
    let half = decoded
        .text
        .char_indices()
        .nth(decoded.text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let docs = vec![
        Document {
            format,
            ..Document::plain("a", "a.txt", &decoded.text[..half])
        },
        Document {
            format,
            ..Document::plain("b", "b.txt", &decoded.text[half..])
        },
        Document {
            format,
            ..Document::plain("c", "c.txt", decoded.text.as_str())
        },
    ];
    let counter = tokenizer().counter("");
    let corpus = build_passages(docs, &options, &counter);
    let mut last: Option<(usize, usize)> = None;
    for p in &corpus.passages {
        let doc = &corpus.documents[p.doc_index];
        assert_eq!(&doc.text[p.byte_start..p.byte_end], p.text);
        let by_chars: String = doc
            .text
            .chars()
            .skip(p.start)
            .take(p.end - p.start)
            .collect();
        assert_eq!(by_chars, p.text);
        assert!(
            p.tokens <= options.max_tokens,
            "{} > {}",
            p.tokens,
            options.max_tokens
        );
        assert_eq!(p.tokens, counter.count(&p.input));
        if let Some((d, start)) = last {
            assert!(d < p.doc_index || start < p.byte_start);
        }
        last = Some((p.doc_index, p.byte_start));
    }
});
