//! Splitting a cleaned document into passages: paragraphs first (lines broken inside a
//! sentence joined back), headings and very short paragraphs merged with a neighbour,
//! paragraphs longer than the model's window cut at sentence boundaries (sentencex,
//! language-aware) and, for a sentence longer than the window, at token boundaries.
//!
//! A passage is always a contiguous byte range of the document text that never spans a
//! dropped line, so its offsets quote it exactly.

use super::clean::{ends_sentence, Line, Verdict};
use std::ops::Range;

pub use crate::tokens::TokenCounter;

/// Splitting settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitOptions {
    /// Most tokens in a passage, as counted by the [`TokenCounter`].
    pub max_tokens: usize,
    /// Sentences repeated from the end of one chunk at the start of the next, when a
    /// long paragraph is cut.
    pub overlap: usize,
    /// Paragraphs shorter than this (in characters) are merged with a neighbour.
    pub min_chars: usize,
}

/// What separates a paragraph from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Line breaks or blank lines only: merging across it quotes nothing removed.
    Whitespace,
    /// A dropped line: a passage never spans it.
    Dropped,
}

#[derive(Debug, Clone)]
struct Paragraph {
    span: Range<usize>,
    gap_before: Gap,
}

/// Cuts documents into passages of at most `max_tokens` tokens.
pub struct PassageSplitter<'a> {
    pub options: SplitOptions,
    pub counter: &'a dyn TokenCounter,
    /// Turns a span's text into what the model reads (whitespace collapsed, Markdown
    /// syntax stripped); token counts are taken on that.
    pub prepare: &'a dyn Fn(&str) -> String,
}

/// Starts a new sentence: a capital, a digit, a bullet, or an opening quote or bracket.
fn starts_sentence(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_numeric() => true,
        Some('•' | '-' | '*' | '–' | '—' | '·' | '(' | '[' | '«' | '“' | '"' | '¿' | '¡') => {
            true
        }
        Some(c) => !c.is_alphabetic() && !c.is_ascii_punctuation() && !c.is_lowercase(),
        None => false,
    }
}

impl PassageSplitter<'_> {
    /// Passage byte ranges of `text`, in document order.
    pub fn split(
        &self,
        text: &str,
        lines: &[Line],
        verdicts: &[Verdict],
        lang: Option<&str>,
    ) -> Vec<Range<usize>> {
        let paragraphs = paragraphs(text, lines, verdicts);
        let merged = self.merge_short(text, paragraphs);
        let mut out = Vec::new();
        for span in merged {
            self.fit(text, span, lang.unwrap_or("en"), &mut out);
        }
        out.into_iter().filter_map(|s| trim(text, s)).collect()
    }

    fn tokens(&self, text: &str, span: &Range<usize>) -> usize {
        self.counter.count(&(self.prepare)(&text[span.clone()]))
    }

    /// Headings and short paragraphs join the next paragraph (or the previous one, at the
    /// end), when nothing dropped lies between and the result still fits.
    fn merge_short(&self, text: &str, paragraphs: Vec<Paragraph>) -> Vec<Range<usize>> {
        // Short paragraphs, headings, questions (which belong with their answer) and
        // lead-ins ending in a colon (which belong with what they introduce).
        let is_short = |p: &Range<usize>| {
            let s = &text[p.clone()];
            let words = s.split_whitespace().count();
            let last = s.trim_end().chars().last();
            s.trim().chars().count() < self.options.min_chars
                || (!ends_sentence(s) && words <= 8)
                || (last == Some('?') && words <= 25)
                || (last == Some(':') && words <= 40)
        };
        let fits = |span: &Range<usize>| self.tokens(text, span) <= self.options.max_tokens;
        let mut out: Vec<Range<usize>> = Vec::new();
        // A short paragraph waiting to join the next one, with the gap before it.
        let mut pending: Option<(Range<usize>, Gap)> = None;
        for p in paragraphs {
            let (mut span, mut gap) = (p.span, p.gap_before);
            if let Some((short, short_gap)) = pending.take() {
                let joined = short.start..span.end;
                if gap == Gap::Whitespace && fits(&joined) {
                    (span, gap) = (joined, short_gap);
                } else {
                    out.push(short);
                }
            }
            if is_short(&span) {
                pending = Some((span, gap));
            } else {
                out.push(span);
            }
        }
        if let Some((short, gap)) = pending {
            // A short paragraph at the end joins the previous one when it can.
            match out.last_mut() {
                Some(prev) if gap == Gap::Whitespace && fits(&(prev.start..short.end)) => {
                    prev.end = short.end
                }
                _ => out.push(short),
            }
        }
        out
    }

    /// Pushes `span` whole when it fits, else its sentence chunks.
    fn fit(&self, text: &str, span: Range<usize>, lang: &str, out: &mut Vec<Range<usize>>) {
        if self.tokens(text, &span) <= self.options.max_tokens {
            out.push(span);
            return;
        }
        let sentences: Vec<Range<usize>> =
            sentencex::get_sentence_boundaries(lang, &text[span.clone()])
                .into_iter()
                .map(|b| span.start + b.start_byte..span.start + b.end_byte)
                .filter(|s| !text[s.clone()].trim().is_empty())
                .collect();
        if sentences.len() <= 1 {
            self.cut_at_tokens(text, span, out);
            return;
        }
        let mut i = 0;
        while i < sentences.len() {
            // Grow the chunk sentence by sentence while it fits.
            let mut j = i;
            while j + 1 < sentences.len()
                && self.tokens(text, &(sentences[i].start..sentences[j + 1].end))
                    <= self.options.max_tokens
            {
                j += 1;
            }
            let chunk = sentences[i].start..sentences[j].end;
            if self.tokens(text, &chunk) > self.options.max_tokens {
                self.cut_at_tokens(text, chunk, out);
            } else {
                out.push(chunk);
            }
            if j + 1 >= sentences.len() {
                break;
            }
            i = (j + 1).saturating_sub(self.options.overlap).max(i + 1);
        }
    }

    /// Cuts a span with no usable sentence boundary at token boundaries.
    fn cut_at_tokens(&self, text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
        let slice = &text[span.clone()];
        let tokens = self.counter.token_spans(slice);
        if tokens.is_empty() {
            out.push(span);
            return;
        }
        let base = self.counter.count("");
        let capacity = self.options.max_tokens.saturating_sub(base).max(1);
        let mut first = 0;
        while first < tokens.len() {
            let mut last = (first + capacity).min(tokens.len()) - 1;
            // Token counts of a piece can differ from the sum of its tokens; shrink until it fits.
            loop {
                let piece = span.start + tokens[first].start..span.start + tokens[last].end;
                if last == first || self.tokens(text, &piece) <= self.options.max_tokens {
                    out.push(piece);
                    break;
                }
                last -= 1;
            }
            first = last + 1;
        }
    }
}

/// Kept lines grouped into paragraphs: blank and dropped lines end a paragraph; inside a
/// run of lines, a line that ends a sentence followed by one that starts a sentence ends
/// one too. Other line breaks (a sentence broken across lines, a quoted name on a line of
/// its own) are joined.
fn paragraphs(text: &str, lines: &[Line], verdicts: &[Verdict]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut gap = Gap::Whitespace;
    for (i, (line, verdict)) in lines.iter().zip(verdicts).enumerate() {
        match verdict {
            Verdict::Keep => {
                let span = line.start..line.end;
                current = Some(match current.take() {
                    Some(open) => open.start..span.end,
                    None => span,
                });
                let next_continues =
                    lines
                        .get(i + 1)
                        .zip(verdicts.get(i + 1))
                        .is_some_and(|(next, v)| {
                            *v == Verdict::Keep
                                && !(ends_sentence(&text[line.start..line.end])
                                    && starts_sentence(&text[next.start..next.end]))
                        });
                if !next_continues {
                    let span = current.take().expect("just set");
                    out.push(Paragraph {
                        span,
                        gap_before: gap,
                    });
                    gap = Gap::Whitespace;
                }
            }
            Verdict::Blank => {}
            Verdict::Drop(_) => gap = Gap::Dropped,
        }
    }
    out
}

/// A span without leading and trailing whitespace; `None` when nothing is left.
fn trim(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::clean::lines;
    use super::*;

    /// One token per whitespace-separated word, plus two special tokens.
    struct Words;
    impl TokenCounter for Words {
        fn count(&self, text: &str) -> usize {
            text.split_whitespace().count() + 2
        }
        fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
            let mut spans = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices() {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        spans.push(s..i);
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                spans.push(s..text.len());
            }
            spans
        }
    }

    fn split(text: &str, max_tokens: usize) -> Vec<String> {
        let ls = lines(text);
        let verdicts: Vec<Verdict> = ls
            .iter()
            .map(|l| {
                if text[l.start..l.end].trim().is_empty() {
                    Verdict::Blank
                } else {
                    Verdict::Keep
                }
            })
            .collect();
        let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let splitter = PassageSplitter {
            options: SplitOptions {
                max_tokens,
                overlap: 0,
                min_chars: 40,
            },
            counter: &Words,
            prepare: &collapse,
        };
        splitter
            .split(text, &ls, &verdicts, Some("en"))
            .into_iter()
            .map(|s| text[s].to_string())
            .collect()
    }

    #[test]
    fn broken_lines_are_joined_and_paragraphs_kept_apart() {
        let text = "Nicknamed\n\"Pax Silica\"\n, after the Latin words for\n\"peace\"\nand\n\"silicon\"\n, the partnership aims to secure supply chains.\nA second paragraph starts here and has enough words to stand alone.";
        let out = split(text, 200);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].starts_with("Nicknamed") && out[0].ends_with("supply chains."));
        assert!(out[1].starts_with("A second paragraph"));
    }

    #[test]
    fn headings_join_their_section() {
        let text = "Cooperation areas\n\nThe cooperation will focus on secure computing infrastructure and on research.\n\nA final paragraph that is long enough to stand on its own two feet here.";
        let out = split(text, 200);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].starts_with("Cooperation areas\n\nThe cooperation"));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentences_then_tokens() {
        let sentence = "This sentence has exactly nine words in it. ";
        let text = sentence.repeat(6);
        let out = split(&text, 2 + 20);
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(out.iter().all(|p| p.split_whitespace().count() <= 20));
        assert!(out.iter().all(|p| p.ends_with("in it.")));
        let one_long = "word ".repeat(50);
        let out = split(&one_long, 12);
        assert_eq!(out.len(), 5, "{out:?}");
        assert!(out.iter().all(|p| p.split_whitespace().count() <= 10));
    }
}
