//! Turning a text into the terms BM25 counts: the `bm25` crate's tokenizer for the text's
//! language (Unicode word segmentation, folding to ASCII, lower case, that language's stop
//! words and Snowball stemmer), each term tagged with the language that made it.
//!
//! Why tagged: a passage's terms come from its own language's analysis, and a query is
//! analysed once per language the passages are in; `fr_export` then matches only French
//! passages' `export`, so an English stem that happens to equal a French one does not
//! count, and each language's terms keep their own document frequencies.

use bm25::{DefaultTokenizer, Language, Tokenizer};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The languages with a stemmer and stop words (ISO 639-1), English first: the analysis of
/// any other language.
const LANGUAGES: &[(&str, Language)] = &[
    ("en", Language::English),
    ("fr", Language::French),
    ("de", Language::German),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("pt", Language::Portuguese),
    ("nl", Language::Dutch),
    ("sv", Language::Swedish),
    ("da", Language::Danish),
    ("no", Language::Norwegian),
    ("ro", Language::Romanian),
    ("hu", Language::Hungarian),
    ("ru", Language::Russian),
    ("el", Language::Greek),
    ("tr", Language::Turkish),
    ("ar", Language::Arabic),
    ("ta", Language::Tamil),
];

/// The code of the analysis a passage in language `code` gets (as `silica passages` shows
/// languages): its own where a stemmer exists, else English's.
pub fn analysis_language(code: Option<&str>) -> &'static str {
    let code = match code {
        Some("nb" | "nn") => "no",
        Some(c) => c,
        None => "en",
    };
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("en", |(c, _)| c)
}

fn tokenizer(analysis: &str) -> &'static DefaultTokenizer {
    static TOKENIZERS: OnceLock<Vec<DefaultTokenizer>> = OnceLock::new();
    let all = TOKENIZERS.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|(_, l)| DefaultTokenizer::new(l.clone()))
            .collect()
    });
    let at = LANGUAGES
        .iter()
        .position(|(c, _)| *c == analysis)
        .unwrap_or(0);
    &all[at]
}

/// The tagged terms of a passage in language `lang`, in order, repeats kept (they are the
/// term frequencies). Each is ASCII letters and digits after the tag and `_`: what the
/// full-text table's tokenizer keeps whole.
pub fn passage_terms(text: &str, lang: Option<&str>) -> Vec<String> {
    let analysis = analysis_language(lang);
    let mut out = Vec::new();
    for token in tokenizer(analysis).tokenize(text) {
        // The crate keeps word-internal apostrophes and dots ("l'accord", "u.s"): split
        // there, as the table's tokenizer would.
        for part in token.split(|c: char| !c.is_alphanumeric()) {
            if !part.is_empty() {
                out.push(format!("{analysis}_{part}"));
            }
        }
    }
    out
}

/// A query's terms: its text analysed in each of `languages` (analysis codes), distinct,
/// sorted (so the same query always asks the same thing).
pub fn query_terms(text: &str, languages: &[String]) -> Vec<String> {
    let mut terms = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for l in languages {
        let analysis = analysis_language(Some(l));
        if seen.insert(analysis) {
            terms.extend(passage_terms(text, Some(analysis)));
        }
    }
    if seen.is_empty() {
        terms.extend(passage_terms(text, None));
    }
    terms.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_in_the_passage_language_and_tags_the_terms() {
        let fr = passage_terms("Les exportations contrôlées de l'accord", Some("fr"));
        assert!(fr.iter().all(|t| t.starts_with("fr_")), "{fr:?}");
        assert!(fr.contains(&"fr_export".to_string()), "{fr:?}");
        // Stop words go ("les", "de"); the apostrophe splits ("l", "accord").
        assert!(!fr.contains(&"fr_les".to_string()), "{fr:?}");
        assert!(fr.iter().any(|t| t.starts_with("fr_accord")), "{fr:?}");
        // A language without a stemmer gets English's analysis; no language, too.
        assert_eq!(analysis_language(Some("ja")), "en");
        assert_eq!(analysis_language(None), "en");
        assert_eq!(analysis_language(Some("nb")), "no");
    }

    #[test]
    fn query_terms_cover_each_language_once_and_in_order() {
        let terms = query_terms(
            "contrôle des exportations",
            &["fr".into(), "en".into(), "fr".into()],
        );
        assert!(terms.contains(&"fr_control".to_string()), "{terms:?}");
        assert!(terms.iter().any(|t| t.starts_with("en_")), "{terms:?}");
        let mut sorted = terms.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(terms, sorted);
    }
}
