//! The records every backend returns and every front end shows: one passage type, one
//! neighbour type, one document type, whether the passages come from a corpus embedded in
//! memory, an index directory or a PostgreSQL store.

use serde::Serialize;
use utoipa::ToSchema;

/// A passage as searches return it and reports quote it (its vector apart).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Passage {
    /// The backend's key for it (a row number for a corpus in memory): what searches skip
    /// and break ties by. Not shown.
    #[serde(skip)]
    pub key: i64,
    /// The passage id (`source#index`), as `silica passages` lists it.
    pub id: String,
    /// The file (or record) it comes from.
    pub source: String,
    /// The id of its document. Not shown (the passage id starts with it).
    #[serde(skip)]
    pub document: String,
    /// Character offsets of the passage in its document's text (none for a record embedded
    /// whole).
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Detected language (ISO 639-1).
    pub lang: Option<String>,
    /// The document's publication date (YYYY-MM-DD), when its text states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub text: String,
}

/// One neighbour: a passage and its cosine to the query.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Neighbor {
    pub score: f32,
    #[serde(flatten)]
    pub passage: Passage,
}

/// Two related passages and their cosine (`neighbors --all-pairs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassagePair {
    pub score: f32,
    pub a: Passage,
    pub b: Passage,
}

/// A stored document as reports name it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub key: i64,
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    /// YYYY-MM-DD, when the text states a date.
    pub date: Option<String>,
}
