//! Language detection (whatlang), reported as ISO 639-1 codes (`fr`, `en`) where one
//! exists, since that is what sentence segmenters and people use.

/// A detected language, with whether the detector considers it reliable.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub code: String,
    pub reliable: bool,
}

/// Detects the language of `text`; `None` for text with too few letters to tell.
pub fn detect_language(text: &str) -> Option<Detected> {
    let info = whatlang::detect(text)?;
    let three = info.lang().code();
    let code = isolang::Language::from_639_3(three)
        .and_then(|l| l.to_639_1())
        .unwrap_or(three)
        .to_string();
    Some(Detected {
        code,
        reliable: info.is_reliable(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages_as_two_letter_codes() {
        let fr = detect_language(
            "Les deux pays ont signé un accord de coopération sur l'intelligence artificielle.",
        );
        assert_eq!(fr.unwrap().code, "fr");
        let de = detect_language(
            "Die beiden Länder haben ein Abkommen über künstliche Intelligenz unterzeichnet.",
        );
        assert_eq!(de.unwrap().code, "de");
        assert_eq!(detect_language("12 34"), None);
    }
}

/// Languages whose function words are compared with the document's, to tell a block
/// written in another language (an ad, a widget) even when it is too short for whatlang.
const COMPARED: &[&str] = &["en", "fr", "de", "es", "it", "pt", "nl"];

fn stop_words(code: &str) -> Option<&'static std::collections::HashSet<&'static str>> {
    use std::collections::{HashMap, HashSet};
    use std::sync::OnceLock;
    static SETS: OnceLock<HashMap<&'static str, HashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        stop_words::available_languages()
            .iter()
            .filter_map(|&code| Some((code, stop_words::lookup(code)?.iter().copied().collect())))
            .collect()
    });
    sets.get(code)
}

/// The language whose function words clearly dominate `text` when it is not `doc_lang`:
/// at least 3 of them, and at least twice as many as the document language's (plus one).
pub fn dominant_other_language(text: &str, doc_lang: &str) -> Option<&'static str> {
    let own = stop_words(doc_lang)?;
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let hits = |set: &std::collections::HashSet<&str>| {
        words.iter().filter(|w| set.contains(w.as_str())).count()
    };
    let own_hits = hits(own);
    COMPARED
        .iter()
        .filter(|&&code| code != doc_lang)
        .filter_map(|&code| Some((code, hits(stop_words(code)?))))
        .max_by_key(|&(_, n)| n)
        .filter(|&(_, n)| n >= 3 && n > 2 * own_hits + 1)
        .map(|(code, _)| code)
}

#[cfg(test)]
mod function_word_tests {
    use super::*;

    #[test]
    fn short_english_ads_in_french_articles() {
        let ad = "I'm your Content Manager, ready to handle your first test assignment Learn how AI can help your business. Let's talk!";
        assert_eq!(dominant_other_language(ad, "fr"), Some("en"));
        let french = "Google a récemment annoncé TxGemma, une nouvelle suite de modèles";
        assert_eq!(dominant_other_language(french, "fr"), None);
        assert_eq!(dominant_other_language("Brief news summary", "fr"), None);
    }
}
