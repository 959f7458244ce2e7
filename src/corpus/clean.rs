//! Cleaning: which lines of a document are page furniture (subscription calls, share and
//! voice-player notices, cookie text, image file names, credit lines, hashtag lists,
//! "read also" blocks, teasers of other articles, ads) rather than the article.
//!
//! Only general evidence, no phrases from particular sites:
//! - the line's shape: links and little else, hashtags, image file names, all capitals,
//!   a credit label, a call to action that is not a sentence of the text;
//! - blocks: a block opened by a truncated title ("…") is a teaser of another article; a
//!   short block in another language than the document is an ad or a widget;
//! - position: short lines before the first paragraph of body text (section, date, byline)
//!   and after the last one (sign-offs, "read also", comment prompts);
//! - repetition: a short line found in several documents of the run is boilerplate.
//!
//! A document without any body-like line (a list of short texts, a title) is left whole:
//! there is no article for its lines to be furniture around.

use super::lang::dominant_other_language;
use super::Document;
use std::collections::HashMap;
use std::fmt;

/// One line of a document: 1-based number and byte range (without the line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub start: usize,
    pub end: usize,
}

/// Splits text into lines (`\n`, with a trailing `\r` left out of the line).
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (number, piece) in text.split('\n').enumerate() {
        let mut end = start + piece.len();
        if piece.ends_with('\r') {
            end -= 1;
        }
        out.push(Line {
            number: number + 1,
            start,
            end,
        });
        start += piece.len() + 1;
    }
    out
}

/// Why a line was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropReason {
    ImageName,
    Link,
    Hashtags,
    AllCapitals,
    CallToAction,
    Credit,
    Teaser,
    OtherLanguage(String),
    BeforeArticle,
    AfterArticle,
    Repeated(usize),
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ImageName => write!(f, "image file name"),
            Self::Link => write!(f, "link without text"),
            Self::Hashtags => write!(f, "hashtag list"),
            Self::AllCapitals => write!(f, "all-capitals call"),
            Self::CallToAction => write!(f, "call to action or page notice"),
            Self::Credit => write!(f, "credit line"),
            Self::Teaser => write!(f, "teaser of another article"),
            Self::OtherLanguage(code) => write!(f, "short block in another language ({code})"),
            Self::BeforeArticle => {
                write!(f, "short line before the article (section, date, byline)")
            }
            Self::AfterArticle => write!(f, "short line after the article"),
            Self::Repeated(n) => write!(f, "repeated in {n} documents (boilerplate)"),
        }
    }
}

/// What cleaning decided for one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Blank,
    Keep,
    Drop(DropReason),
}

/// A removed line, for `silica passages --show-dropped`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DroppedLine {
    pub doc_id: String,
    pub source: String,
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// Words that mark a call to action or a page notice in several languages. A line with
/// one of them is dropped only when it is not a sentence of body text.
const ACTION_CUES: &[&str] = &[
    "newsletter",
    "subscribe",
    "abonnez",
    "inscri",
    "sign up",
    "log in",
    "cliquez",
    "click here",
    "whatsapp",
    "telegram",
    "follow us",
    "suivez-nous",
    "share this",
    "partager",
    "teilen",
    "compartir",
    "cookie",
    "javascript",
    "your browser",
    "votre navigateur",
    "ihr browser",
    "su navegador",
    "advertisement",
    "publicité",
    "anzeige",
    "publicidad",
    "leave a comment",
    "commentaire",
    "kommentar",
    "comentario",
    "read also",
    "read more",
    "lire aussi",
    "à lire",
    "lesen sie auch",
    "mehr zum thema",
    "lee también",
    "leer también",
    "voir aussi",
    "see also",
    "related articles",
    "articles liés",
];

/// Labels that open a credit line.
const CREDIT_LABELS: &[&str] = &[
    "crédit",
    "crédits",
    "credit",
    "credits",
    "photo",
    "photos",
    "foto",
    "fotos",
    "image",
    "images",
    "illustration",
    "bild",
    "source",
    "quelle",
    "fuente",
    "fonte",
    "©",
    "copyright",
];

const IMAGE_EXTENSIONS: &[&str] = &[
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp",
];

/// Decides, line by line, what is article and what is furniture.
pub struct Cleaner {
    enabled: bool,
    /// [`line_key`] of a short line → number of documents it appears in (two or more).
    repeated: HashMap<u64, usize>,
}

/// A line as repetition compares it: whitespace collapsed, lowercase, hashed (the first 8
/// bytes of its blake3 hash) so that an index can keep every document's short lines and
/// count them again when documents are added, without their text. Two different lines
/// share a key with a chance of about 1 in 10^19 per pair.
pub fn line_key(line: &str) -> u64 {
    let hash = blake3::hash(normalise(line).as_bytes());
    u64::from_le_bytes(hash.as_bytes()[..8].try_into().expect("8 bytes"))
}

/// The keys of a document's short lines, each once, sorted: what it adds to [`LineCounts`].
pub fn short_line_keys(text: &str) -> Vec<u64> {
    let mut keys: Vec<u64> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && l.len() < 120 && !is_body(l))
        .map(line_key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// In how many documents each short line appears, over the documents counted.
#[derive(Debug, Clone, Default)]
pub struct LineCounts {
    counts: HashMap<u64, usize>,
    documents: usize,
}

impl LineCounts {
    /// Counts one document by its [`short_line_keys`].
    pub fn add_document(&mut self, keys: &[u64]) {
        self.documents += 1;
        for &key in keys {
            *self.counts.entry(key).or_default() += 1;
        }
    }

    /// Counts documents known only by number and by how many of them hold each line (an
    /// index's stored documents).
    pub fn add_known(&mut self, documents: usize, counts: impl IntoIterator<Item = (u64, usize)>) {
        self.documents += documents;
        for (key, n) in counts {
            *self.counts.entry(key).or_default() += n;
        }
    }

    pub fn documents(&self) -> usize {
        self.documents
    }
}

fn normalise(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '”', '»', '’', '\'', ')', ']', ' ', '\u{a0}']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
}

/// A line of running text: a long sentence, or very long.
fn is_body(line: &str) -> bool {
    let words = word_count(line);
    (words >= 12 && ends_sentence(line)) || words >= 25
}

fn is_image_name(line: &str) -> bool {
    let lower = line.trim().trim_end_matches([')', ']']).to_lowercase();
    let markdown_image = lower.starts_with("![") && lower.contains("](");
    markdown_image
        || (line.split_whitespace().count() <= 3
            && IMAGE_EXTENSIONS.iter().any(|e| lower.ends_with(e)))
}

fn is_link_only(line: &str) -> bool {
    let has_link = line.contains("://") || line.contains("www.");
    let words = line
        .split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.")))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    has_link && words < 5
}

fn is_hashtag_token(token: &str) -> bool {
    token
        .strip_prefix('#')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

fn is_hashtag_list(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let tags = tokens.iter().filter(|t| is_hashtag_token(t)).count();
    tokens.first().is_some_and(|t| is_hashtag_token(t)) && tags * 3 >= tokens.len()
}

fn is_all_capitals(line: &str) -> bool {
    let cased: Vec<char> = line
        .chars()
        .filter(|c| c.is_lowercase() || c.is_uppercase())
        .collect();
    let upper = cased.iter().filter(|c| c.is_uppercase()).count();
    word_count(line) >= 4 && cased.len() >= 20 && upper * 10 >= cased.len() * 8
}

fn is_call_to_action(line: &str) -> bool {
    let lower = line.to_lowercase();
    !is_body(line) && word_count(line) <= 20 && ACTION_CUES.iter().any(|cue| lower.contains(cue))
}

fn is_credit(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let head: Vec<&str> = lower.split_whitespace().take(3).collect();
    let labelled = head.iter().any(|w| {
        CREDIT_LABELS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '©'))
    });
    let marked = lower.chars().take(40).any(|c| c == ':' || c == '©');
    labelled && marked && word_count(line) <= 12
}

/// Shape evidence, independent of the line's place.
fn shape_verdict(line: &str) -> Option<DropReason> {
    if is_image_name(line) {
        Some(DropReason::ImageName)
    } else if is_hashtag_list(line) {
        Some(DropReason::Hashtags)
    } else if is_link_only(line) {
        Some(DropReason::Link)
    } else if is_credit(line) {
        Some(DropReason::Credit)
    } else if is_all_capitals(line) {
        Some(DropReason::AllCapitals)
    } else if is_call_to_action(line) {
        Some(DropReason::CallToAction)
    } else {
        None
    }
}

/// Holds a year between 1900 and 2099 as a number of its own.
fn has_year(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

fn is_truncated_title(line: &str) -> bool {
    let t = line.trim_end();
    (t.ends_with('…') || t.ends_with("...")) && word_count(t) <= 20
}

impl Cleaner {
    /// A cleaner for the documents of one run (it learns which short lines repeat across them).
    pub fn new(documents: &[Document]) -> Self {
        let mut counts = LineCounts::default();
        for doc in documents {
            counts.add_document(&short_line_keys(&doc.text));
        }
        Self::from_counts(counts)
    }

    /// A cleaner that knows which short lines repeat from `counts`.
    pub fn from_counts(counts: LineCounts) -> Self {
        let mut repeated = counts.counts;
        // Repetition says something only across several documents.
        if counts.documents < 3 {
            repeated.clear();
        }
        repeated.retain(|_, n| *n >= 2);
        Self {
            enabled: true,
            repeated,
        }
    }

    /// In how many documents `line` repeats, when it does.
    fn repeated_in(&self, line: &str) -> Option<usize> {
        if self.repeated.is_empty() {
            return None;
        }
        self.repeated.get(&line_key(line)).copied()
    }

    /// A cleaner that keeps everything (`--keep-all`).
    pub fn disabled() -> Self {
        Self {
            enabled: false,
            repeated: HashMap::new(),
        }
    }

    /// One verdict per line of [`lines`]`(&doc.text)`.
    pub fn verdicts(&self, doc: &Document, lines: &[Line]) -> Vec<Verdict> {
        let text = |l: &Line| &doc.text[l.start..l.end];
        let mut verdicts: Vec<Verdict> = lines
            .iter()
            .map(|l| {
                if text(l).trim().is_empty() {
                    Verdict::Blank
                } else {
                    Verdict::Keep
                }
            })
            .collect();
        if !self.enabled {
            return verdicts;
        }
        let has_body = lines.iter().any(|l| is_body(text(l)));
        if !has_body {
            return verdicts;
        }
        for (verdict, line) in verdicts.iter_mut().zip(lines) {
            if *verdict == Verdict::Keep {
                if let Some(reason) = shape_verdict(text(line)) {
                    *verdict = Verdict::Drop(reason);
                } else if let Some(n) = self.repeated_in(text(line)) {
                    *verdict = Verdict::Drop(DropReason::Repeated(n));
                }
            }
        }
        self.judge_blocks(doc, lines, &mut verdicts);
        judge_positions(lines, &text, &mut verdicts);
        verdicts
    }

    /// Teaser blocks, and runs of non-body lines in another language.
    fn judge_blocks(&self, doc: &Document, lines: &[Line], verdicts: &mut [Verdict]) {
        let text = |i: usize| &doc.text[lines[i].start..lines[i].end];
        // Blocks: runs of non-blank lines.
        let mut blocks: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if verdicts[i] == Verdict::Blank {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < lines.len() && verdicts[j + 1] != Verdict::Blank {
                j += 1;
            }
            blocks.push((i, j));
            i = j + 1;
        }
        // A truncated title over an excerpt is a teaser; so is a title-and-excerpt block
        // between teasers (lists of teasers do not truncate every title).
        let teaser_shaped = |&(i, j): &(usize, usize)| {
            j > i && j - i <= 2 && word_count(text(i)) <= 12 && !ends_sentence(text(i))
        };
        // A label line already dropped ("Read more:") does not hide the teaser under it.
        let mut teaser: Vec<bool> = blocks
            .iter()
            .map(|&(i, j)| {
                let first_kept = (i..=j).find(|&k| verdicts[k] == Verdict::Keep);
                first_kept.is_some_and(|k| k < j && is_truncated_title(text(k)))
            })
            .collect();
        for k in 1..blocks.len() {
            let next_is_teaser = teaser.get(k + 1).copied().unwrap_or(true);
            if !teaser[k] && teaser[k - 1] && next_is_teaser && teaser_shaped(&blocks[k]) {
                teaser[k] = true;
            }
        }
        for (&(i, j), &is_teaser) in blocks.iter().zip(&teaser) {
            if is_teaser {
                drop_kept(&mut verdicts[i..=j], DropReason::Teaser);
                continue;
            }
            // Runs of non-body lines inside the block, judged by their language.
            let mut start = i;
            while start <= j {
                if is_body(text(start)) {
                    start += 1;
                    continue;
                }
                let mut end = start;
                while end < j && !is_body(text(end + 1)) {
                    end += 1;
                }
                if let Some(reason) =
                    other_language(doc, &doc.text[lines[start].start..lines[end].end])
                {
                    drop_kept(&mut verdicts[start..=end], reason);
                }
                start = end + 1;
            }
        }
    }
}

fn drop_kept(verdicts: &mut [Verdict], reason: DropReason) {
    for v in verdicts {
        if *v == Verdict::Keep {
            *v = Verdict::Drop(reason.clone());
        }
    }
}

/// A short run of lines whose function words are another language's than the document's.
fn other_language(doc: &Document, run: &str) -> Option<DropReason> {
    let doc_lang = doc.lang.as_deref()?;
    if word_count(run) > 40 {
        return None;
    }
    dominant_other_language(run, doc_lang).map(|code| DropReason::OtherLanguage(code.to_string()))
}

/// Short lines before the first body line and after the last one.
fn judge_positions<'a>(lines: &[Line], text: &impl Fn(&Line) -> &'a str, verdicts: &mut [Verdict]) {
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| verdicts[i] == Verdict::Keep && is_body(text(&lines[i])))
        .collect();
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return;
    };
    // Before the article: short lines, and dated lines that are not sentences (a byline with
    // its date, "updated on ..."), except the first line, which is the title.
    let first_kept = (0..first).find(|&i| verdicts[i] == Verdict::Keep);
    for i in 0..first {
        let line = text(&lines[i]);
        let dated = has_year(line)
            && word_count(line) <= 12
            && !ends_sentence(line)
            && Some(i) != first_kept;
        if verdicts[i] == Verdict::Keep && (word_count(line) < 5 || dated) {
            verdicts[i] = Verdict::Drop(DropReason::BeforeArticle);
        }
    }
    for i in last + 1..lines.len() {
        if verdicts[i] == Verdict::Keep
            && word_count(text(&lines[i])) < 8
            && !ends_sentence(text(&lines[i]))
        {
            verdicts[i] = Verdict::Drop(DropReason::AfterArticle);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lang::detect_language;
    use super::*;

    fn doc(text: &str) -> Document {
        let mut d = Document::plain("d", "d.txt", text);
        d.lang = detect_language(text).map(|x| x.code);
        d
    }

    fn dropped(cleaner: &Cleaner, d: &Document) -> Vec<(String, DropReason)> {
        let ls = lines(&d.text);
        cleaner
            .verdicts(d, &ls)
            .into_iter()
            .zip(&ls)
            .filter_map(|(v, l)| match v {
                Verdict::Drop(r) => Some((d.text[l.start..l.end].to_string(), r)),
                _ => None,
            })
            .collect()
    }

    const BODY: &str =
        "The committee met on Tuesday to review the proposal in detail and agreed on a timetable.";

    #[test]
    fn lines_keep_offsets_and_drop_carriage_returns() {
        let ls = lines("ab\r\ncd\n\nef");
        assert_eq!(ls.len(), 4);
        assert_eq!((ls[1].start, ls[1].end), (4, 6));
        assert_eq!(ls[3].number, 4);
    }

    #[test]
    fn shapes_of_furniture() {
        for (line, reason) in [
            ("header%20(3).jpg)", DropReason::ImageName),
            ("![a chart](chart.png)", DropReason::ImageName),
            ("#economy #trade #Asia", DropReason::Hashtags),
            ("More at https://example.org/news", DropReason::Link),
            ("Photo : Jane Doe / Agency", DropReason::Credit),
            (
                "SUBSCRIBE TO OUR DAILY LETTER AND GET THE NEWS FIRST",
                DropReason::AllCapitals,
            ),
            (
                "Your browser does not support the audio element.",
                DropReason::CallToAction,
            ),
            ("Lesen Sie auch:", DropReason::CallToAction),
        ] {
            assert_eq!(shape_verdict(line), Some(reason), "{line}");
        }
        for line in [BODY, "# A heading", "Photos of the event were shown to the committee on the second day of its long visit.", "Le navigateur Chrome domine le marché mondial depuis plus de dix ans, selon les chiffres publiés mardi."] {
            assert_eq!(shape_verdict(line), None, "{line}");
        }
    }

    #[test]
    fn position_teasers_and_languages() {
        let text = format!(
            "World\n\nA long headline about the committee and its timetable\n\nBy Jane Doe\n12 May 2025\n\n{BODY}\n\n{BODY}\n\nPrices rise again in Europe…\nAnalysts expect the trend to last until the end of the year.\n\nTags\n"
        );
        let d = doc(&text);
        let out = dropped(&Cleaner::new(std::slice::from_ref(&d)), &d);
        let reasons: Vec<_> = out.iter().map(|(l, r)| (l.as_str(), r.clone())).collect();
        assert!(
            reasons.contains(&("World", DropReason::BeforeArticle)),
            "{reasons:?}"
        );
        assert!(reasons.contains(&("By Jane Doe", DropReason::BeforeArticle)));
        assert!(reasons.contains(&("Prices rise again in Europe…", DropReason::Teaser)));
        assert!(reasons.contains(&("Tags", DropReason::AfterArticle)));
        assert!(
            !reasons.iter().any(|(l, _)| l.contains("headline")),
            "the title stays"
        );
    }

    #[test]
    fn short_lines_repeated_across_documents_are_boilerplate() {
        let docs: Vec<Document> = (0..3)
            .map(|i| {
                doc(&format!(
                    "{BODY} Number {i}.\n\nFollow the Daily Planet everywhere\n"
                ))
            })
            .collect();
        let cleaner = Cleaner::new(&docs);
        let out = dropped(&cleaner, &docs[1]);
        assert_eq!(
            out,
            vec![(
                "Follow the Daily Planet everywhere".to_string(),
                DropReason::Repeated(3)
            )]
        );
        assert!(dropped(&Cleaner::disabled(), &docs[1]).is_empty());
    }

    #[test]
    fn texts_without_body_are_left_whole() {
        let d = doc("#1 hit\nwww.example.org\nSHORT LIST OF THINGS TO DO");
        assert!(dropped(&Cleaner::new(std::slice::from_ref(&d)), &d).is_empty());
    }
}
