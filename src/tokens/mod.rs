//! How many model tokens a text is: the one question the corpus stage asks of the model.
//!
//! A leaf, so that `corpus` (which cuts passages to the model's window) and `model` (whose
//! tokenizer answers) both depend on it rather than on each other.

use std::ops::Range;

/// Counts model tokens the way the embedder will see a text (prompt and special tokens
/// included), so passages fit the model's window.
pub trait TokenCounter {
    /// Tokens of `text` as embedded.
    fn count(&self, text: &str) -> usize;
    /// Byte ranges of the tokens of `text` (without prompt or special tokens).
    fn token_spans(&self, text: &str) -> Vec<Range<usize>>;
    /// This counter, when threads can share it: documents are then split in parallel.
    fn as_sync(&self) -> Option<&(dyn TokenCounter + Sync)> {
        None
    }
}
