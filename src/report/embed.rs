//! What `embed` says on stderr when it is done: texts cut at the model's window, and
//! what was embedded how fast.

use crate::app::units::Unit;
use crate::embed::EmbedStats;

/// The note on texts longer than the model's window, if any were.
pub fn truncation_note(stats: &EmbedStats, max_tokens: usize) -> Option<String> {
    if stats.truncated == 0 {
        return None;
    }
    let verb = if stats.truncated == 1 { "was" } else { "were" };
    Some(format!(
        "note: {} of {} texts {verb} longer than {max_tokens} tokens and {verb} cut to that length (the model reads no further)",
        stats.truncated, stats.texts
    ))
}

/// "embedded 40 passages from 5 documents (...) with MODEL in 1.20 s: 33.3 texts/s".
pub fn embedded_line(
    units: usize,
    unit: Unit,
    documents: usize,
    stats: &EmbedStats,
    model: &str,
    seconds: f64,
) -> String {
    format!(
        "embedded {units} {}s from {documents} documents ({} from the cache, {} tokens computed) with {model} in {seconds:.2} s: {:.1} texts/s",
        unit.name(),
        stats.cached,
        stats.tokens,
        stats.texts as f64 / seconds.max(1e-9)
    )
}
