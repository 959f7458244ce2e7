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
mod markdown;
mod passages;
mod split;
mod text;

pub use clean::{Cleaner, DroppedLine};
pub use decode::{decode, encoding_for_label, looks_binary, Decoded};
pub use dedup::mark_duplicates;
pub use lang::{detect_language, Detected};
pub use markdown::strip_markdown;
pub use passages::{build_passages, model_input, Corpus, Passage, PassageOptions};
pub use split::{PassageSplitter, SplitOptions, TokenCounter};

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

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

/// File kinds silica reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputKind {
    /// One document per file.
    Text(TextFormat),
    /// `.jsonl`, `.ndjson`: one document per line.
    Jsonl,
    /// `.csv`: one document per row.
    Csv,
}

fn kind_of(path: &Path) -> Option<InputKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(InputKind::Text(TextFormat::Plain)),
        "md" | "markdown" => Some(InputKind::Text(TextFormat::Markdown)),
        "html" | "htm" | "xhtml" => Some(InputKind::Text(TextFormat::Html)),
        "jsonl" | "ndjson" => Some(InputKind::Jsonl),
        "csv" => Some(InputKind::Csv),
        _ => None,
    }
}

/// Include and exclude glob sets from `--glob` patterns.
struct Globs {
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl Globs {
    fn new(patterns: &[String]) -> Result<Self> {
        let (mut include, mut exclude) = (
            globset::GlobSetBuilder::new(),
            globset::GlobSetBuilder::new(),
        );
        let mut any_include = false;
        for pattern in patterns {
            match pattern.strip_prefix('!') {
                Some(negated) => {
                    exclude.add(
                        globset::Glob::new(negated)
                            .with_context(|| format!("--glob {pattern:?}"))?,
                    );
                }
                None => {
                    include.add(
                        globset::Glob::new(pattern)
                            .with_context(|| format!("--glob {pattern:?}"))?,
                    );
                    any_include = true;
                }
            }
        }
        Ok(Self {
            include: if any_include {
                Some(include.build()?)
            } else {
                None
            },
            exclude: exclude.build()?,
        })
    }

    fn allows(&self, relative: &Path) -> bool {
        self.include
            .as_ref()
            .is_none_or(|set| set.is_match(relative))
            && !self.exclude.is_match(relative)
    }
}

/// Reads every input into documents, in the order given (directories in sorted path
/// order). `-` reads stdin, one text per line. An input that yields no text is an error.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Document>> {
    if inputs.is_empty() {
        bail!("no input given (files, directories, or - for stdin)");
    }
    let globs = Globs::new(&options.globs)?;
    let mut documents = Vec::new();
    for input in inputs {
        let before = documents.len();
        if input.as_os_str() == "-" {
            text::read_stdin_lines(&mut documents)?;
        } else if input.is_dir() {
            read_directory(input, options, &globs, &mut documents)?;
        } else if input.is_file() {
            // A file named explicitly is read as plain text whatever its extension.
            let kind = kind_of(input).unwrap_or(InputKind::Text(TextFormat::Plain));
            let id = input.display().to_string();
            read_file(input, &id, kind, options, true, &mut documents)?;
        } else {
            bail!("{}: no such file or directory", input.display());
        }
        if documents.len() == before {
            bail!("{}: empty input, no text to embed", input.display());
        }
    }
    check_unique_ids(&documents)?;
    for doc in &mut documents {
        describe(doc);
    }
    Ok(documents)
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

/// Reads one file; `explicit` when the user named it (rather than a directory holding it).
fn read_file(
    path: &Path,
    id: &str,
    kind: InputKind,
    options: &ReadOptions,
    explicit: bool,
    out: &mut Vec<Document>,
) -> Result<()> {
    match kind {
        InputKind::Text(format) => {
            if let Some(doc) = text::read_text_file(path, id, format, options.encoding, explicit)? {
                out.push(doc);
            }
            Ok(())
        }
        InputKind::Jsonl => jsonl::read_jsonl(path, options, out),
        InputKind::Csv => csv::read_csv(path, options, out),
    }
}

/// Walks a directory recursively in sorted order, skipping hidden entries, files of kinds
/// silica does not read (named in a debug log) and files `--glob` leaves out.
fn read_directory(
    root: &Path,
    options: &ReadOptions,
    globs: &Globs,
    out: &mut Vec<Document>,
) -> Result<()> {
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("reading directory {}", root.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let Some(kind) = kind_of(path) else {
            tracing::debug!("skipping {} (not a kind silica reads)", path.display());
            continue;
        };
        let relative = path.strip_prefix(root).unwrap_or(path);
        if !globs.allows(relative) {
            continue;
        }
        let id = relative.to_string_lossy().replace('\\', "/");
        let before = out.len();
        read_file(path, &id, kind, options, false, out)?;
        if out.len() == before {
            tracing::warn!("{}: empty, skipped", path.display());
        }
    }
    Ok(())
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
        assert!(Globs::new(&["[".into()]).is_err());
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
