//! What opening, creating or loading an index can refuse, typed so that front ends word it
//! (with their own flags, and the commands that fix it).

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IndexError {
    /// A run whose settings would make other vectors than the index holds.
    #[error(
        "{name}: the {noun} was built with other settings: {}",
        joined(differences)
    )]
    OtherSettings {
        name: String,
        /// "index" or "store".
        noun: &'static str,
        differences: Vec<SettingDifference>,
    },
    #[error("{}: no index here", dir.display())]
    NoIndex { dir: PathBuf },
    #[error("{name}: no silica store here")]
    NoStore { name: String },
    #[error("pgvector is not installed in this database: no silica store here")]
    NoPgvector,
    #[error("halfvec vectors need pgvector {}.{} or later; the server's is {version}", since.0, since.1)]
    HalfvecNeedsPgvector { since: (u32, u32), version: String },
    #[error("shard {0:?}: expected I/N with 0 <= I < N, as 0/2 and 1/2")]
    BadShard(String),
}

fn joined(differences: &[SettingDifference]) -> String {
    differences
        .iter()
        .map(SettingDifference::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Everything [`super::IndexSettings`] records that decides the vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Model,
    Dimensions,
    PassagePrompt,
    MaxTokens,
    Overlap,
    MinChars,
    KeepAll,
    KeepDuplicates,
    /// A PostgreSQL store's vector column.
    VectorType,
}

impl Setting {
    pub fn label(self) -> &'static str {
        match self {
            Setting::Model => "model",
            Setting::Dimensions => "dimensions",
            Setting::PassagePrompt => "passage prompt",
            Setting::MaxTokens => "max tokens",
            Setting::Overlap => "overlap",
            Setting::MinChars => "min chars",
            Setting::KeepAll => "keep all",
            Setting::KeepDuplicates => "keep duplicates",
            Setting::VectorType => "vector type",
        }
    }
}

/// One setting the index has one way and this run another.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: the index has {stored}, this run {run}", setting.label())]
pub struct SettingDifference {
    pub setting: Setting,
    pub stored: String,
    pub run: String,
}
