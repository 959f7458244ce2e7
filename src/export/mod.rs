//! Writing results to files: atomically (a temporary file in the same directory, renamed
//! into place), so an interrupted or failed run never leaves a partial output behind.
//! Embedding files: JSONL, NumPy `.npy` (with ids beside it), safetensors.

mod atomic;
mod embeddings;

pub use atomic::write_atomically;
pub use embeddings::{write_embeddings, write_jsonl, EmbeddingFormat, ExportItem, NPY_IDS_SUFFIX};
