//! silica: find related passages and themes across articles in many languages.
//!
//! The layers, arrows pointing down (docs/architecture.md draws them):
//!
//! - front ends: [`cli`] (flags to requests, results to stdout, errors worded as flags) and
//!   [`serve`] (HTTP: JSON to the same requests);
//! - presentation: [`report`] (every result for people or programs: the theme report as a
//!   table, JSON, Markdown or HTML; each command's table or JSON);
//! - use cases: [`app`] (neighbours, index add/remove/stats/verify, themes, eval, bench,
//!   similarity, corpus reading), with [`ingest`] as `index add`'s front half;
//! - stages, one module each: [`corpus`] (inputs into [`corpus::Document`]s and passages),
//!   [`model`] (find and load an encoder), [`embed`] (the [`embed::Embedder`]: batching,
//!   forward pass, pooling), [`cache`], [`index`] (passages and vectors behind one
//!   [`index::PassageStore`]: a directory, PostgreSQL, or a corpus in memory), [`search`]
//!   (exact top-k), [`lexical`] (BM25 and fusion), [`cluster`], [`themes`] (the
//!   [`themes::ThemeReport`]), [`rerank`] (cross-encoders), [`eval`], [`export`] (embedding
//!   files, written atomically);
//! - leaves: [`vectors`] (the embeddings matrix and its arithmetic, no candle) and
//!   [`tokens`] (what `corpus` asks of a tokenizer).

pub mod app;
pub mod cache;
pub mod cli;
pub mod cluster;
pub mod corpus;
pub mod embed;
pub mod eval;
pub mod export;
pub mod index;
pub mod ingest;
pub mod lexical;
pub mod model;
pub mod report;
pub mod rerank;
pub mod search;
pub mod serve;
pub mod themes;
pub mod tokens;
pub mod vectors;
