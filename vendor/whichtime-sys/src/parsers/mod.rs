//! Parser infrastructure and locale-specific implementations.
//!
//! Parsers are responsible for identifying date expressions in text and
//! turning them into [`ParsedResult`] values before refiners run.

pub mod common;
pub mod de;
pub mod en;
pub mod es;
pub mod fr;
pub mod it;
pub mod ja;
pub mod nl;
pub mod pt;
pub mod ru;
pub mod sv;
pub mod uk;
pub mod zh;

use crate::context::ParsingContext;
use crate::error::Result;
use crate::results::ParsedResult;

/// Trait implemented by individual date/time parsers.
pub trait Parser: Send + Sync {
    /// Get a name for this parser (for debugging)
    fn name(&self) -> &'static str;

    /// Check if this parser should run on the given context
    /// This is a fast pre-filter to skip parsers that won't match
    fn should_apply(&self, context: &ParsingContext) -> bool;

    /// Parse the text and return all matches
    fn parse(&self, context: &ParsingContext) -> Result<Vec<ParsedResult>>;
}

/// Where a scanning loop tries next after none of its patterns gave a result at `start`.
///
/// silica's patch: the published loops advanced one character and searched the rest of the
/// text again, which is quadratic in the text's length (56 ms for 500 characters of French).
/// Each pattern's search from `start` finds its leftmost match; from any later position up
/// to the earliest of those matches, every search finds the same matches (the patterns of
/// these loops have no look-behind, anchor or word boundary, so where a search starts
/// changes nothing after it), and so fails the same way. The next attempt is therefore at
/// the earliest match, or one character on when that is at `start`; `None` when no pattern
/// matches at all, since then none can later. A search that gives up (fancy-regex's
/// backtracking limit) counts as a match at `start`: one character on, as before.
pub(crate) fn next_attempt(
    start: usize,
    search_text: &str,
    patterns: &[&fancy_regex::Regex],
) -> Option<usize> {
    let mut earliest: Option<usize> = None;
    for pattern in patterns {
        let at = match pattern.find(search_text) {
            Ok(Some(m)) => m.start(),
            Ok(None) => continue,
            Err(_) => 0,
        };
        earliest = Some(earliest.map_or(at, |e| e.min(at)));
    }
    match earliest? {
        0 => search_text.chars().next().map(|c| start + c.len_utf8()),
        offset => Some(start + offset),
    }
}

/// The byte position one character after `index` in `text`.
///
/// silica's patch: the published loops went on at `index + 1`, which is inside the character
/// when it takes more than one byte (a pattern that starts with `[^\d]` matches from "日" or
/// "é"), and slicing the text there panicked. Where the character is ASCII this is the same
/// position as before.
pub(crate) fn after_char(text: &str, index: usize) -> usize {
    index + text[index..].chars().next().map_or(1, char::len_utf8)
}
