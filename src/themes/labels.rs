//! Cluster labels: class-based TF-IDF (c-TF-IDF, as BERTopic) over unigrams and bigrams.
//!
//! Words are cut at Unicode word boundaries; stop words of the passage's language (and of
//! English, common in all web text) never become keywords or parts of one; elided articles
//! (l', d', qu'...) are stripped; a keyword is shown in its most frequent surface form
//! ("États-Unis", not "états-unis"); near-synonyms (the same stem, or a word already inside a
//! chosen bigram) do not fill the list.

use std::collections::{BTreeMap, HashMap, HashSet};
use unicode_segmentation::UnicodeSegmentation;

/// A keyword and its c-TF-IDF weight in its cluster.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyword {
    pub text: String,
    pub score: f64,
}

fn stop_list(lang: &str) -> HashSet<&'static str> {
    let mut set: HashSet<&'static str> = stop_words::lookup(lang)
        .unwrap_or(&[])
        .iter()
        .copied()
        .collect();
    set.extend(stop_words::lookup("en").unwrap_or(&[]).iter().copied());
    set
}

/// Strips an elided article or preposition (`l'`, `d'`, `dell'`) and a possessive `'s`.
fn strip_elision(word: &str) -> &str {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    match word.find(['\'', '’']) {
        Some(i) if word[..i].chars().count() <= 4 => {
            let rest = &word[i..];
            &rest[rest.chars().next().map_or(0, char::len_utf8)..]
        }
        _ => word,
    }
}

/// A token worth counting: not a number, not a stop word, not a one- or two-letter word of
/// a cased script (CJK words are short and kept).
fn is_content(word: &str, stops: &HashSet<&str>) -> bool {
    if word.contains('-') {
        // A compound of function words ("a-t-il", "peut-être") says nothing of a theme.
        return word.split('-').any(|part| is_content(part, stops));
    }
    let lower = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let cased = word.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    letters > 0 && !stops.contains(lower.as_str()) && !(cased && word.chars().count() < 3)
}

/// Words at Unicode word boundaries, with hyphenated compounds kept whole ("États-Unis",
/// "semi-conducteurs"), which the Unicode rules cut at the hyphen.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut hyphen = false;
    for segment in text.split_word_bounds() {
        if segment.chars().any(char::is_alphanumeric) {
            if hyphen && !current.is_empty() {
                current.push('-');
            } else if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(segment);
            hyphen = false;
        } else if matches!(segment, "-" | "\u{2010}" | "\u{2011}") && !current.is_empty() && !hyphen
        {
            hyphen = true;
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            hyphen = false;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Terms of a text: content unigrams and bigrams of two adjacent content words, each as
/// (lowercase key, surface form).
fn terms(text: &str, stops: &HashSet<&str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    let words = words(text);
    for raw in &words {
        let word = strip_elision(raw);
        if !is_content(word, stops) {
            previous = None;
            continue;
        }
        out.push((word.to_lowercase(), word.to_string()));
        if let Some(p) = previous {
            out.push((
                format!("{} {}", p.to_lowercase(), word.to_lowercase()),
                format!("{p} {word}"),
            ));
        }
        previous = Some(word);
    }
    out
}

/// The same word for keyword purposes: a shared prefix of at least 5 characters covering
/// three quarters of the shorter word ("souveraineté" and "souveraines").
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    a == b || (common >= 5 && common * 4 >= shorter * 3)
}

fn near_synonym(candidate: &str, chosen: &str) -> bool {
    let cw: Vec<&str> = candidate.split(' ').collect();
    let hw: Vec<&str> = chosen.split(' ').collect();
    match (cw.len(), hw.len()) {
        (1, 1) => same_stem(cw[0], hw[0]),
        // A word and a bigram holding it.
        (1, _) => hw.iter().any(|w| same_stem(cw[0], w)),
        (_, 1) => cw.iter().any(|w| same_stem(hw[0], w)),
        _ => cw.len() == hw.len() && cw.iter().zip(&hw).all(|(a, b)| same_stem(a, b)),
    }
}

/// Keywords of each cluster. `clusters[c]` holds the (text, language) of its members.
pub fn cluster_keywords(clusters: &[Vec<(&str, Option<&str>)>], top: usize) -> Vec<Vec<Keyword>> {
    let mut stop_cache: HashMap<String, HashSet<&'static str>> = HashMap::new();
    // Per cluster: term counts; per term: surface form counts.
    let mut counts: Vec<BTreeMap<String, f64>> = Vec::with_capacity(clusters.len());
    let mut surfaces: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
    for members in clusters {
        let mut tf: BTreeMap<String, f64> = BTreeMap::new();
        for (text, lang) in members {
            let lang = lang.unwrap_or("en").to_string();
            let stops = stop_cache
                .entry(lang.clone())
                .or_insert_with(|| stop_list(&lang));
            for (key, surface) in terms(text, stops) {
                *surfaces
                    .entry(key.clone())
                    .or_default()
                    .entry(surface)
                    .or_default() += 1;
                *tf.entry(key).or_default() += 1.0;
            }
        }
        counts.push(tf);
    }
    let totals: Vec<f64> = counts.iter().map(|tf| tf.values().sum::<f64>()).collect();
    let average = (totals.iter().sum::<f64>() / totals.len().max(1) as f64).max(1.0);
    let mut across: HashMap<&str, f64> = HashMap::new();
    for tf in &counts {
        for (term, n) in tf {
            *across.entry(term.as_str()).or_default() += n;
        }
    }
    let surface_of = |key: &str| -> String {
        surfaces[key]
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.clone())
            .unwrap_or_else(|| key.to_string())
    };
    counts
        .iter()
        .zip(&totals)
        .map(|(tf, &total)| {
            let mut scored: Vec<(&str, f64)> = tf
                .iter()
                .map(|(term, &n)| {
                    (
                        term.as_str(),
                        n / total.max(1.0) * (1.0 + average / across[term.as_str()]).ln(),
                    )
                })
                .collect();
            // Highest weight first; ties in a fixed order (bigrams before their words, then
            // alphabetical) so the labels never depend on hash order.
            scored.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then(b.0.matches(' ').count().cmp(&a.0.matches(' ').count()))
                    .then(a.0.cmp(b.0))
            });
            let mut chosen: Vec<(&str, f64)> = Vec::new();
            for (term, score) in scored {
                if chosen.len() == top {
                    break;
                }
                if chosen.iter().any(|(c, _)| near_synonym(term, c)) {
                    continue;
                }
                chosen.push((term, score));
            }
            chosen
                .into_iter()
                .map(|(term, score)| Keyword {
                    text: surface_of(term),
                    score,
                })
                .collect()
        })
        .collect()
}

/// A cluster's label: its top three keywords.
pub fn label(keywords: &[Keyword]) -> String {
    let words: Vec<&str> = keywords.iter().take(3).map(|k| k.text.as_str()).collect();
    if words.is_empty() {
        "(no keywords)".to_string()
    } else {
        words.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinctive_words_in_surface_form_without_stop_words() {
        let a = [
            ("Les États-Unis renforcent les chaînes d'approvisionnement en semi-conducteurs.", Some("fr")),
            ("Les chaînes d'approvisionnement de semi-conducteurs restent fragiles, selon les États-Unis.", Some("fr")),
        ];
        let b = [
            (
                "La sécheresse oblige à rationner l'eau dans trois provinces.",
                Some("fr"),
            ),
            (
                "Les réserves d'eau baissent encore et la sécheresse s'aggrave.",
                Some("fr"),
            ),
        ];
        let keywords = cluster_keywords(&[a.to_vec(), b.to_vec()], 5);
        let first: Vec<&str> = keywords[0].iter().map(|k| k.text.as_str()).collect();
        assert!(
            first.contains(&"chaînes approvisionnement") || first.contains(&"États-Unis"),
            "{first:?}"
        );
        assert!(
            first.iter().any(|k| k.contains("États-Unis")),
            "surface form kept: {first:?}"
        );
        let second: Vec<&str> = keywords[1].iter().map(|k| k.text.as_str()).collect();
        assert!(
            second.iter().any(|k| k.contains("sécheresse")),
            "{second:?}"
        );
        let stops = stop_list("fr");
        for k in keywords.iter().flatten() {
            for w in k.text.split(' ') {
                assert!(
                    !stops.contains(w.to_lowercase().as_str()),
                    "stop word {w:?} in {k:?}"
                );
            }
        }
    }

    #[test]
    fn near_synonyms_do_not_fill_the_list() {
        assert!(near_synonym("souveraineté", "souveraines"));
        assert!(near_synonym(
            "approvisionnement",
            "chaînes approvisionnement"
        ));
        assert!(!near_synonym("exportations", "exploration"));
        assert_eq!(strip_elision("d'approvisionnement"), "approvisionnement");
        assert_eq!(strip_elision("company's"), "company");
        assert_eq!(strip_elision("aujourd'hui"), "aujourd'hui");
        assert_eq!(
            words("Les États-Unis - et l'Europe"),
            ["Les", "États-Unis", "et", "l'Europe"]
        );
    }
}
