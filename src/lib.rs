//! silica: find related passages and themes across articles in many languages.
//!
//! The pipeline, one module per stage:
//! `corpus` (read inputs into [`corpus::Document`]s) → `model` (find and load a
//! sentence-embedding model) → `embed` (the [`embed::Embedder`]: batching, forward pass,
//! pooling) → `export` (embedding files, written atomically). `cli` is the command line.

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
pub mod model;
pub mod report;
pub mod search;
pub mod serve;
pub mod themes;
pub mod tokens;
pub mod vectors;
