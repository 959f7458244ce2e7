//! Which files a run reads, decided before any is read: the inputs in the order given,
//! directories walked in sorted path order (hidden entries and files of unknown kinds
//! skipped, `--glob` applied). Listing first lets the files be read in parallel while the
//! documents keep this order, and lets `index add` tell an unchanged file by its metadata
//! before reading it.

use super::text::read_stdin_lines;
use super::{csv, jsonl, text, Document, InputKind, ReadError, ReadOptions, TextFormat};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// A file to read, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The id of its document (for one-document kinds): the path relative to the input
    /// directory, or the path as given.
    pub id: String,
    pub(super) kind: InputKind,
    /// Named by the user rather than found in a directory.
    pub explicit: bool,
    /// Which input (position in the list given) it comes from.
    pub input: usize,
}

/// One entry of a [`Listing`], in reading order.
#[derive(Debug)]
pub enum Listed {
    File(SourceFile),
    /// `-`: one text per line of standard input.
    Stdin {
        input: usize,
    },
    /// An input that cannot be listed (missing, or a directory that cannot be walked):
    /// reported when reading reaches it, so errors come in the order of the inputs.
    Failed {
        input: usize,
        error: String,
    },
}

impl Listed {
    pub fn input(&self) -> usize {
        match self {
            Listed::File(f) => f.input,
            Listed::Stdin { input } | Listed::Failed { input, .. } => *input,
        }
    }
}

/// The inputs of a run and the files they name.
#[derive(Debug)]
pub struct Listing {
    pub inputs: Vec<PathBuf>,
    pub items: Vec<Listed>,
}

impl SourceFile {
    /// The file as its documents name it (their `source`, without a row's `:LINE`).
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    pub fn read_bytes(&self) -> Result<Vec<u8>> {
        std::fs::read(&self.path).with_context(|| format!("{}: cannot read", self.path.display()))
    }

    /// The documents in `bytes` (this file's content), not yet described
    /// ([`super::describe`]). A file found in a directory that yields none is skipped with
    /// a warning.
    pub fn documents(&self, bytes: &[u8], options: &ReadOptions) -> Result<Vec<Document>> {
        let mut out = Vec::new();
        match self.kind {
            InputKind::Text(format) => {
                let doc = text::read_text_file(
                    &self.path,
                    bytes,
                    &self.id,
                    format,
                    options.encoding,
                    self.explicit,
                )?;
                out.extend(doc);
            }
            InputKind::Jsonl => jsonl::read_jsonl(&self.path, bytes, options, &mut out)?,
            InputKind::Csv => csv::read_csv(&self.path, bytes, options, &mut out)?,
        }
        if out.is_empty() && !self.explicit {
            tracing::warn!("{}: empty, skipped", self.path.display());
        }
        Ok(out)
    }
}

impl Listed {
    /// Reads this entry's documents (not yet described).
    pub fn read(&self, options: &ReadOptions) -> Result<Vec<Document>> {
        match self {
            Listed::File(file) => file.documents(&file.read_bytes()?, options),
            Listed::Stdin { .. } => {
                let mut out = Vec::new();
                read_stdin_lines(&mut out)?;
                Ok(out)
            }
            Listed::Failed { error, .. } => bail!("{error}"),
        }
    }
}

/// File kinds silica reads, by extension.
pub(super) fn kind_of(path: &Path) -> Option<InputKind> {
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
pub(super) struct Globs {
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl Globs {
    pub(super) fn new(patterns: &[String]) -> Result<Self> {
        let (mut include, mut exclude) = (
            globset::GlobSetBuilder::new(),
            globset::GlobSetBuilder::new(),
        );
        let mut any_include = false;
        for pattern in patterns {
            match pattern.strip_prefix('!') {
                Some(negated) => {
                    exclude.add(globset::Glob::new(negated).map_err(|error| {
                        ReadError::BadGlob {
                            pattern: pattern.clone(),
                            error,
                        }
                    })?);
                }
                None => {
                    include.add(globset::Glob::new(pattern).map_err(|error| {
                        ReadError::BadGlob {
                            pattern: pattern.clone(),
                            error,
                        }
                    })?);
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

/// Lists what `inputs` name, in reading order. Only a bad `--glob` fails here; a missing
/// input or a directory that cannot be walked is listed as [`Listed::Failed`].
pub fn list_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Result<Listing> {
    if inputs.is_empty() {
        bail!("no input given (files, directories, or - for stdin)");
    }
    let globs = Globs::new(&options.globs)?;
    let mut items = Vec::new();
    for (input, path) in inputs.iter().enumerate() {
        if path.as_os_str() == "-" {
            items.push(Listed::Stdin { input });
        } else if path.is_dir() {
            if let Err(e) = list_directory(path, input, &globs, &mut items) {
                items.push(Listed::Failed {
                    input,
                    error: format!("{e:#}"),
                });
            }
        } else if path.is_file() {
            // A file named explicitly is read as plain text whatever its extension.
            items.push(Listed::File(SourceFile {
                path: path.clone(),
                id: path.display().to_string(),
                kind: kind_of(path).unwrap_or(InputKind::Text(TextFormat::Plain)),
                explicit: true,
                input,
            }));
        } else {
            items.push(Listed::Failed {
                input,
                error: format!("{}: no such file or directory", path.display()),
            });
        }
    }
    Ok(Listing {
        inputs: inputs.to_vec(),
        items,
    })
}

/// Walks a directory recursively in sorted order, skipping hidden entries, files of kinds
/// silica does not read (named in a debug log) and files `--glob` leaves out.
fn list_directory(root: &Path, input: usize, globs: &Globs, out: &mut Vec<Listed>) -> Result<()> {
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
        out.push(Listed::File(SourceFile {
            path: path.to_path_buf(),
            id: relative.to_string_lossy().replace('\\', "/"),
            kind,
            explicit: false,
            input,
        }));
    }
    Ok(())
}
