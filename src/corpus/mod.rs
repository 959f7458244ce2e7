//! The corpus stage: reading what users saved (text and Markdown files, JSONL and CSV
//! exports, directories, stdin) into [`Document`]s.
//!
//! Every error names the file, and the line where there is one. Text must be UTF-8 here;
//! encoding detection, HTML extraction, cleaning and passage splitting are the next step
//! of the pipeline (the passages issue).

mod csv;
mod jsonl;
mod text;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// One input text with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Unique within a run: the path relative to the input directory, the file path as
    /// given, the JSONL/CSV id field, or `FILE:LINE` for rows without one.
    pub id: String,
    /// The file as given, or `FILE:LINE` for a row of a JSONL or CSV file, or `<stdin>:LINE`.
    pub source: String,
    pub text: String,
}

/// Which fields of JSONL rows and columns of CSV rows hold the id and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    pub text_field: String,
    pub id_field: String,
    pub text_column: String,
    pub id_column: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            text_field: "text".into(),
            id_field: "id".into(),
            text_column: "text".into(),
            id_column: None,
        }
    }
}

/// File kinds silica reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputKind {
    /// `.txt`, `.md`, `.markdown`, `.text`: one document per file.
    Text,
    /// `.jsonl`, `.ndjson`: one document per line.
    Jsonl,
    /// `.csv`: one document per row.
    Csv,
}

fn kind_of(path: &Path) -> Option<InputKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Some(InputKind::Text),
        "jsonl" | "ndjson" => Some(InputKind::Jsonl),
        "csv" => Some(InputKind::Csv),
        _ => None,
    }
}

/// Reads every input into documents, in the order given (directories in sorted path
/// order). `-` reads stdin, one text per line. An input that yields no text is an error.
pub fn read_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Vec<Document>> {
    if inputs.is_empty() {
        bail!("no input given (files, directories, or - for stdin)");
    }
    let mut documents = Vec::new();
    for input in inputs {
        let before = documents.len();
        if input.as_os_str() == "-" {
            text::read_stdin_lines(&mut documents)?;
        } else if input.is_dir() {
            read_directory(input, options, &mut documents)?;
        } else if input.is_file() {
            let kind = match kind_of(input) {
                Some(kind) => kind,
                None if is_html(input) => bail!(
                    "{}: HTML input is not supported yet; save the article as text",
                    input.display()
                ),
                // A file named explicitly is read as text whatever its extension.
                None => InputKind::Text,
            };
            read_file(
                input,
                &input.display().to_string(),
                kind,
                options,
                &mut documents,
            )?;
        } else {
            bail!("{}: no such file or directory", input.display());
        }
        if documents.len() == before {
            bail!("{}: empty input, no text to embed", input.display());
        }
    }
    check_unique_ids(&documents)?;
    Ok(documents)
}

fn is_html(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm")
    )
}

fn read_file(
    path: &Path,
    id: &str,
    kind: InputKind,
    options: &ReadOptions,
    out: &mut Vec<Document>,
) -> Result<()> {
    match kind {
        InputKind::Text => {
            if let Some(doc) = text::read_text_file(path, id)? {
                out.push(doc);
            }
            Ok(())
        }
        InputKind::Jsonl => jsonl::read_jsonl(path, options, out),
        InputKind::Csv => csv::read_csv(path, options, out),
    }
}

/// Walks a directory recursively in sorted order, skipping hidden entries and files of
/// kinds silica does not read (named once in a debug log).
fn read_directory(root: &Path, options: &ReadOptions, out: &mut Vec<Document>) -> Result<()> {
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
        let id = relative.to_string_lossy().replace('\\', "/");
        let before = out.len();
        read_file(path, &id, kind, options, out)?;
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
