//! From documents to passages: clean each document, split it, describe each passage
//! (offsets, language, tokens), and mark duplicates.

use super::clean::{lines, Cleaner, DroppedLine, Verdict};
use super::dedup::Original;
use super::lang::detect_language;
use super::markdown::strip_markdown;
use super::split::{PassageSplitter, SplitOptions, TokenCounter};
use super::stream::PassageStream;
use super::{Document, TextFormat};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

/// A passage: a contiguous piece of one document, the unit silica embeds.
///
/// `text` is exactly `document.text[byte_start..byte_end]` (characters `start..end`), so a
/// report can quote it and point back to it. What the model reads is `input`: the same
/// text with whitespace collapsed and, for Markdown, the syntax stripped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// `<document id>#<index>`.
    pub id: String,
    pub source: String,
    pub doc_id: String,
    /// Position of the document in the run's document list.
    #[serde(skip)]
    pub doc_index: usize,
    /// Position of the passage in its document, counting from 0.
    pub index: usize,
    /// Character offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the document text (UTF-8).
    pub byte_start: usize,
    pub byte_end: usize,
    pub lang: Option<String>,
    /// The document's publication date, when its text states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    /// Model tokens of `input`, prompt and special tokens included.
    pub tokens: usize,
    pub text: String,
    #[serde(skip)]
    pub input: String,
    /// Ids of the passages that repeated this one and were left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<String>,
    /// With `--keep-duplicates`: the earlier passage this one repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// How documents become passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageOptions {
    /// Most model tokens in a passage (the model's window or less).
    pub max_tokens: usize,
    /// Sentences shared by consecutive chunks of a long paragraph.
    pub overlap: usize,
    /// Paragraphs shorter than this many characters are merged with a neighbour.
    pub min_chars: usize,
    /// No cleaning: every line is kept.
    pub keep_all: bool,
    /// Duplicates stay as passages of their own (marked with `duplicate_of`).
    pub keep_duplicates: bool,
}

impl PassageOptions {
    pub fn new(max_tokens: usize) -> Self {
        Self {
            max_tokens,
            overlap: 0,
            min_chars: 40,
            keep_all: false,
            keep_duplicates: false,
        }
    }
}

/// The documents of a run, their passages, and what cleaning removed.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub passages: Vec<Passage>,
    pub dropped: Vec<DroppedLine>,
    /// Duplicate passages found (left out unless `keep_duplicates`).
    pub duplicates: usize,
}

/// What the model reads of a piece of a document.
pub fn model_input(format: TextFormat, text: &str) -> String {
    let plain = match format {
        TextFormat::Markdown => strip_markdown(text),
        TextFormat::Plain | TextFormat::Html => text.to_string(),
    };
    // Lines joined back ("...April\"\n, said") leave a space before the comma.
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

/// Character offsets for increasing byte offsets, without rescanning the text each time.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// One document cut into passages, before duplicates are judged.
pub struct SplitDocument {
    pub passages: Vec<Passage>,
    pub dropped: Vec<DroppedLine>,
}

/// Token counts asked again for the same text answered from a memo: the splitter counts a
/// passage's text while fitting it, and the passage records the same count.
struct RememberedCounts<'a> {
    inner: &'a dyn TokenCounter,
    memo: RefCell<HashMap<String, usize>>,
}

impl TokenCounter for RememberedCounts<'_> {
    fn count(&self, text: &str) -> usize {
        if let Some(&n) = self.memo.borrow().get(text) {
            return n;
        }
        let n = self.inner.count(text);
        self.memo.borrow_mut().insert(text.to_string(), n);
        n
    }

    fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
        self.inner.token_spans(text)
    }
}

/// Cleans and splits one document (the `doc_index`-th of the run) into passages.
pub fn split_document(
    doc: &Document,
    doc_index: usize,
    cleaner: &Cleaner,
    options: &PassageOptions,
    counter: &dyn TokenCounter,
) -> SplitDocument {
    let counter = RememberedCounts {
        inner: counter,
        memo: RefCell::new(HashMap::new()),
    };
    let doc_lines = lines(&doc.text);
    let verdicts = cleaner.verdicts(doc, &doc_lines);
    let dropped = doc_lines
        .iter()
        .zip(&verdicts)
        .filter_map(|(line, verdict)| match verdict {
            Verdict::Drop(reason) => Some(DroppedLine {
                doc_id: doc.id.clone(),
                source: doc.source.clone(),
                line: line.number,
                text: doc.text[line.start..line.end].to_string(),
                reason: reason.to_string(),
            }),
            _ => None,
        })
        .collect();
    let prepare = |text: &str| model_input(doc.format, text);
    let splitter = PassageSplitter {
        options: SplitOptions {
            max_tokens: options.max_tokens,
            overlap: options.overlap,
            min_chars: options.min_chars,
        },
        counter: &counter,
        prepare: &prepare,
    };
    let mut chars = CharCounter {
        text: &doc.text,
        byte: 0,
        chars: 0,
    };
    let mut passages: Vec<Passage> = Vec::new();
    for span in splitter.split(&doc.text, &doc_lines, &verdicts, doc.lang.as_deref()) {
        let text = &doc.text[span.clone()];
        let input = prepare(text);
        if input.is_empty() {
            continue;
        }
        let index = passages.len();
        let lang = detect_language(&input)
            .filter(|d| d.reliable)
            .map(|d| d.code)
            .or_else(|| doc.lang.clone());
        passages.push(Passage {
            id: format!("{}#{index}", doc.id),
            source: doc.source.clone(),
            doc_id: doc.id.clone(),
            doc_index,
            index,
            start: chars.at(span.start),
            end: chars.at(span.end),
            byte_start: span.start,
            byte_end: span.end,
            lang,
            date: doc.date,
            tokens: counter.count(&input),
            text: text.to_string(),
            input,
            duplicates: Vec::new(),
            duplicate_of: None,
        });
    }
    SplitDocument { passages, dropped }
}

/// Cleans and splits every document, then marks duplicates across the whole run: a
/// [`PassageStream`] over the documents, collected.
pub fn build_passages(
    documents: Vec<Document>,
    options: &PassageOptions,
    counter: &dyn TokenCounter,
) -> Corpus {
    let cleaner = if options.keep_all {
        Cleaner::disabled()
    } else {
        Cleaner::new(&documents)
    };
    let stream = PassageStream::new(documents.into_iter(), cleaner, options.clone(), counter);
    let mut corpus = Corpus {
        documents: Vec::new(),
        passages: Vec::new(),
        dropped: Vec::new(),
        duplicates: 0,
    };
    // Where each judged passage went (None: left out as a duplicate).
    let mut position: Vec<Option<usize>> = Vec::new();
    for chunk in stream {
        let chunk = chunk.expect("nothing known to look up");
        for judged in &chunk.judged {
            position.push(judged.map(|k| corpus.passages.len() + k));
        }
        corpus.duplicates += chunk.duplicates.len();
        corpus.documents.extend(chunk.documents);
        corpus.passages.extend(chunk.passages);
        corpus.dropped.extend(chunk.dropped);
        for (original, id) in chunk.duplicates {
            if let Original::Run(n) = original {
                if let Some(p) = position[n] {
                    corpus.passages[p].duplicates.push(id);
                }
            }
        }
    }
    corpus
}
