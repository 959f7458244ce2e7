//! silica's unigram model (`CompactUnigram`) against the `tokenizers` crate's own `Unigram`,
//! inside the same tokenizer (multilingual-e5-small's `tokenizer.json`): equal ids, type ids,
//! offsets and token strings on every text the tests carry, on the seeds, and on random text
//! mixing scripts, marks, emoji and characters the vocabulary lacks.
//!
//! `SILICA_TOKENIZER_TEXTS=file,file` adds more files (each line a text), e.g. the STS-B and
//! PIAF sets under `../shared/eval`.

mod common;

use proptest::prelude::*;
use silica::model::{CompactUnigram, TextTokenizer};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tokenizers::{
    DecoderWrapper, NormalizerWrapper, PostProcessorWrapper, PreTokenizerWrapper, Tokenizer,
    TokenizerImpl,
};

type Compact = TokenizerImpl<
    CompactUnigram,
    NormalizerWrapper,
    PreTokenizerWrapper,
    PostProcessorWrapper,
    DecoderWrapper,
>;

fn tokenizer_json() -> PathBuf {
    common::provisioned_model("multilingual-e5-small").join("tokenizer.json")
}

fn both() -> &'static (Compact, Tokenizer) {
    static BOTH: OnceLock<(Compact, Tokenizer)> = OnceLock::new();
    BOTH.get_or_init(|| {
        let bytes = std::fs::read(tokenizer_json()).unwrap();
        let compact: Compact = serde_json::from_slice(&bytes).unwrap();
        let reference = Tokenizer::from_bytes(&bytes).unwrap();
        (compact, reference)
    })
}

/// Panics with the text when the two tokenizers disagree on it.
fn assert_same(text: &str) {
    let (compact, reference) = both();
    for special in [false, true] {
        let ours = compact.encode(text, special).unwrap();
        let theirs = reference.encode(text, special).unwrap();
        assert_eq!(ours.get_ids(), theirs.get_ids(), "ids differ on {text:?}");
        assert_eq!(ours.get_tokens(), theirs.get_tokens(), "tokens on {text:?}");
        assert_eq!(
            ours.get_offsets(),
            theirs.get_offsets(),
            "offsets on {text:?}"
        );
        assert_eq!(
            ours.get_type_ids(),
            theirs.get_type_ids(),
            "types on {text:?}"
        );
    }
}

fn texts_under(dir: &Path, texts: &mut Vec<String>) {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(content) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        texts.extend(content.lines().map(str::to_string));
        texts.push(content);
    }
}

#[test]
fn same_pieces_as_the_crate_on_every_text_carried() {
    let root = common::repo_root();
    let mut texts = Vec::new();
    texts_under(&root.join("tests/data"), &mut texts);
    texts_under(&root.join("seeds"), &mut texts);
    if let Ok(extra) = std::env::var("SILICA_TOKENIZER_TEXTS") {
        for file in extra.split(',').filter(|f| !f.is_empty()) {
            let content = std::fs::read_to_string(file).unwrap();
            texts.extend(content.lines().map(str::to_string));
        }
    }
    assert!(texts.len() > 1000, "only {} texts", texts.len());
    for text in &texts {
        assert_same(text);
    }
}

#[test]
fn same_pieces_on_edge_cases() {
    for text in [
        "",
        " ",
        "\u{0}",
        "<s> </s> <unk> <pad> <mask>",
        "<unk><unk>",
        "𓀀𓀁𓀂 hiéroglyphes",
        "\u{E000}\u{E001} private use, then text",
        "e\u{301}\u{301}\u{301} combining",
        "ﬁ ﬀ ① ＡＢＣ ｶﾀｶﾅ",
        "日本語の文章と中文句子和한국어 문장",
        "🇫🇷🇩🇪 👩‍👩‍👧 emoji",
        "a\u{200b}b\u{feff}c zero width",
        "    many     spaces\t\ttabs\n\nnewlines   ",
        "ааааааааааааааааааааааааааааааааааааааааааааааааа",
        "x",
    ] {
        assert_same(text);
    }
}

#[test]
fn a_vocabulary_larger_than_the_model_is_refused() {
    // multilingual-e5-small's ids run to 250,001 (<mask>, an added token).
    let path = tokenizer_json();
    assert!(TextTokenizer::load(&path, 250_002, 512).is_ok());
    let error = TextTokenizer::load(&path, 250_001, 512)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("not from the same model"), "{error}");
}

fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,12}",
        "[àéèêëïîôùûçœæ]{1,4}",
        "[а-яё]{1,10}",
        "[α-ω]{1,6}",
        "[\u{4e00}-\u{4eff}]{1,5}",
        "[\u{0600}-\u{06ff}]{1,6}",
        "[\u{0900}-\u{097f}]{1,6}",
        "[\u{1f300}-\u{1f5ff}]{1,3}",
        "[\u{e000}-\u{e0ff}\u{13000}-\u{1300f}]{1,3}",
        "[\u{300}-\u{36f}]{1,3}",
        "[0-9.,;:!?()«»“”'\"-]{1,4}",
        "[ \t\n\u{a0}\u{3000}]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn same_pieces_on_random_text(text in mixed_text()) {
        assert_same(&text);
    }
}
