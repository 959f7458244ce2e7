//! The corpus stage: reading what users saved (text, Markdown and HTML files, JSONL and
//! CSV exports, directories, stdin) into [`Document`]s, then cleaning and splitting them
//! into [`Passage`]s.
//!
//! Every error names the file, and the line where there is one.

mod clean;
mod csv;
pub mod dates;
mod decode;
mod dedup;
mod html;
mod jsonl;
mod lang;
mod listing;
mod markdown;
mod passages;
mod split;
mod stream;
mod text;

pub use clean::{line_key, short_line_keys, Cleaner, DroppedLine, LineCounts};
pub use dates::DateRange;
pub use decode::{decode, encoding_for_label, looks_binary, Decoded};
pub use dedup::{mark_duplicates, KnownPassages, Original, PassageKey};
pub use lang::{detect_language, Detected};
pub use listing::{list_inputs, Listed, Listing, SourceFile};
pub use markdown::strip_markdown;
pub use passages::{
    build_passages, model_input, split_document, Corpus, Passage, PassageOptions, SplitDocument,
};
pub use split::{PassageSplitter, SplitOptions, TokenCounter};
pub use stream::{PassageChunk, PassageStream, CHUNK_DOCUMENTS};

use anyhow::{bail, Result};
use rayon::prelude::*;
use std::path::PathBuf;

/// How a document's text is written, which decides how a passage of it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextFormat {
    #[default]
    Plain,
    /// Markdown source: passages keep the source's offsets; their syntax is stripped
    /// before embedding.
    Markdown,
    /// Text extracted from an HTML page (offsets refer to the extracted text).
    Html,
}

/// One input text with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Unique within a run: the path relative to the input directory, the file path as
    /// given, the JSONL/CSV id field, or `FILE:LINE` for rows without one.
    pub id: String,
    /// The file as given, or `FILE:LINE` for a row of a JSONL or CSV file, or `<stdin>:LINE`.
    pub source: String,
    /// The decoded text (for HTML, the article's text); passage offsets index into it.
    pub text: String,
    /// The first heading, or the first line when it looks like a title.
    pub title: Option<String>,
    /// ISO 639-1 code of the detected language (`fr`), when there is enough text to tell.
    pub lang: Option<String>,
    /// The publication date the text states near its top, when it states one
    /// ([`dates::find_date`]).
    pub date: Option<chrono::NaiveDate>,
    pub format: TextFormat,
}

impl Document {
    /// A plain-text document; title and language are filled in by [`read_inputs`].
    pub fn plain(
        id: impl Into<String>,
        source: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            source: source.into(),
            text: text.into(),
            ..Default::default()
        }
    }
}

/// Inputs that cannot be read as asked; front ends word them with their flags.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}:{line}: no {field:?} field")]
    NoTextField {
        file: String,
        line: usize,
        field: String,
    },
    #[error("{}: not UTF-8 and no encoding fits it", file.display())]
    NoEncodingFits { file: std::path::PathBuf },
    #[error("glob {pattern:?}")]
    BadGlob {
        pattern: String,
        #[source]
        error: globset::Error,
    },
}

/// How inputs are read: JSONL fields and CSV columns, directory filters, encoding.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub text_field: String,
    pub id_field: String,
    pub text_column: String,
    pub id_column: Option<String>,
    /// Globs a file inside an input directory must match (`!glob` excludes), matched
    /// against its path relative to that directory. Empty: every file of a known kind.
    pub globs: Vec<String>,
    /// Decode every file with this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            text_field: "text".into(),
            id_field: "id".into(),
            text_column: "text".into(),
            id_column: None,
            globs: Vec::new(),
            encoding: None,
        }
    }
}

/// File kinds silica reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// One document per file.
    Text(TextFormat),
    /// `.jsonl`, `.ndjson`: one document per line.
    Jsonl,
    /// `.csv`: one document per row.
    Csv,
}

/// Reads every input into described documents, in the order given (directories in sorted
/// path order), the files read and the documents described in parallel. `-` reads stdin,
/// one text per line. An input that yields no text is an error.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Document>> {
    let listing = list_inputs(inputs, options)?;
    let read: Vec<Result<Vec<Document>>> = listing
        .items
        .par_iter()
        .map(|item| item.read(options))
        .collect();
    let mut documents = Vec::new();
    let mut per_input = vec![0usize; listing.inputs.len()];
    let mut checked = 0;
    for (item, docs) in listing.items.iter().zip(read) {
        check_inputs_before(&listing, &per_input, &mut checked, item.input())?;
        let docs = docs?;
        per_input[item.input()] += docs.len();
        documents.extend(docs);
    }
    check_inputs_before(&listing, &per_input, &mut checked, listing.inputs.len())?;
    check_unique_ids(&documents)?;
    documents.par_iter_mut().for_each(describe);
    Ok(documents)
}

/// Fails on the first of the inputs from `*checked` up to `upto` that yielded nothing (in
/// the order given, as reading reaches them), and records them checked.
fn check_inputs_before(
    listing: &Listing,
    per_input: &[usize],
    checked: &mut usize,
    upto: usize,
) -> Result<()> {
    while *checked < upto {
        if per_input[*checked] == 0 {
            bail!(
                "{}: empty input, no text to embed",
                listing.inputs[*checked].display()
            );
        }
        *checked += 1;
    }
    Ok(())
}

/// Fills in a document's language, its date and, when its reader found none, its title.
pub fn describe(doc: &mut Document) {
    // The start of a text is enough to tell its language, and bounds the cost.
    let sample: String = doc.text.chars().take(4000).collect();
    doc.lang = detect_language(&sample).map(|d| d.code);
    doc.date = dates::find_date(&doc.text, doc.lang.as_deref());
    if doc.title.is_none() {
        doc.title = doc
            .text
            .lines()
            .map(str::trim)
            .find(|l| looks_like_title(l))
            .map(str::to_string);
    }
}

/// A title: 5 to 25 words, not a sentence (no final period), not a link or a tag list.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (5..=25).contains(&words)
        && !line.ends_with('.')
        && !line.contains("://")
        && !line.starts_with('#')
}

fn check_unique_ids(documents: &[Document]) -> Result<()> {
    let mut seen = std::collections::HashMap::with_capacity(documents.len());
    for doc in documents {
        if let Some(first) = seen.insert(doc.id.as_str(), doc.source.as_str()) {
            bail!(
                "{}: id {:?} is used twice (first at {first})",
                doc.source,
                doc.id
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn directories_are_walked_in_order_skipping_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.txt", b"second");
        write(dir.path(), "a.md", b"# first");
        write(dir.path(), "sub/c.txt", b"third");
        write(dir.path(), ".hidden.txt", b"no");
        write(dir.path(), "image.png", b"\x89PNG");
        let docs = read_inputs(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b.txt", "sub/c.txt"]);
        assert_eq!(docs[2].text, "third");
    }

    #[test]
    fn empty_and_missing_inputs_are_errors_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let empty = write(dir.path(), "empty.txt", b"  \n");
        let err = read_inputs(&[empty], &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
        let err = read_inputs(&[dir.path().join("nope.txt")], &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("nope.txt"), "{err}");
    }

    #[test]
    fn globs_choose_files_inside_directories() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "keep/a.txt", b"first");
        write(dir.path(), "keep/b.md", b"second");
        write(dir.path(), "drafts/c.txt", b"third");
        let options = ReadOptions {
            globs: vec!["**/*.txt".into(), "keep/*.md".into(), "!drafts/**".into()],
            ..Default::default()
        };
        let docs = read_inputs(&[dir.path().to_path_buf()], &options).unwrap();
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["keep/a.txt", "keep/b.md"]);
        assert!(listing::Globs::new(&["[".into()]).is_err());
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = write(
            dir.path(),
            "rows.jsonl",
            b"{\"id\":\"x\",\"text\":\"a\"}\n{\"id\":\"x\",\"text\":\"b\"}\n",
        );
        let err = read_inputs(&[f], &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("rows.jsonl:2") && err.contains("twice"),
            "{err}"
        );
    }
}
