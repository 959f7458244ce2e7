//! Lexical search: BM25 over the passages' words, beside the dense vectors, and the fusion
//! of the two rankings (reciprocal rank fusion).
//!
//! BM25 is the `bm25` crate's (its tokenizer: Unicode word segmentation, folding to ASCII,
//! stop words and a Snowball stemmer for the language). What is written here: picking that
//! language from the texts, ties broken by position (the crate leaves the order of equal
//! scores to a hash set's, which changes between runs), and the fusion.

use bm25::{Language, SearchEngine, SearchEngineBuilder};
use std::collections::HashMap;

/// A passage (by its position in the texts indexed) and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LexicalHit {
    pub index: usize,
    pub score: f32,
}

/// A BM25 index over texts in one language.
pub struct LexicalIndex {
    engine: SearchEngine<u32>,
    /// ISO 639-1 code of the analysis (stemmer and stop words).
    pub language: &'static str,
}

/// The analysis for an ISO 639-1 code: the stemmer and stop words of that language, English
/// for a language the stemmers do not cover.
fn analysis(code: &str) -> (Language, &'static str) {
    match code {
        "fr" => (Language::French, "fr"),
        "de" => (Language::German, "de"),
        "es" => (Language::Spanish, "es"),
        "it" => (Language::Italian, "it"),
        "pt" => (Language::Portuguese, "pt"),
        "nl" => (Language::Dutch, "nl"),
        "sv" => (Language::Swedish, "sv"),
        "da" => (Language::Danish, "da"),
        "no" | "nb" | "nn" => (Language::Norwegian, "no"),
        "ro" => (Language::Romanian, "ro"),
        "hu" => (Language::Hungarian, "hu"),
        "ru" => (Language::Russian, "ru"),
        "el" => (Language::Greek, "el"),
        "tr" => (Language::Turkish, "tr"),
        "ar" => (Language::Arabic, "ar"),
        "ta" => (Language::Tamil, "ta"),
        _ => (Language::English, "en"),
    }
}

/// The language most of the texts are in (by detected language, ties to the earlier
/// code), or English when none can be told.
pub fn majority_language<S: AsRef<str>>(texts: &[S]) -> String {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for text in texts {
        if let Some(d) = crate::corpus::detect_language(text.as_ref()) {
            *counts.entry(d.code).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or_else(|| "en".to_string(), |(code, _)| code)
}

/// BM25's parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25Params {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation, 0 (none) to 1 (full).
    pub b: f32,
}

impl Default for Bm25Params {
    /// The usual defaults (Robertson's; Lucene's and the crate's).
    fn default() -> Self {
        Self { k1: 1.2, b: 0.75 }
    }
}

impl LexicalIndex {
    /// Indexes `texts` (their positions are the hits' indices), analysed for the language
    /// `code` (ISO 639-1).
    pub fn build<S: AsRef<str>>(texts: &[S], code: &str, params: Bm25Params) -> Self {
        let (language, code) = analysis(code);
        let corpus: Vec<String> = texts.iter().map(|t| t.as_ref().to_string()).collect();
        let engine = SearchEngineBuilder::<u32>::with_corpus(language, corpus)
            .k1(params.k1)
            .b(params.b)
            .build();
        Self {
            engine,
            language: code,
        }
    }

    /// The `k` texts that best match `query`, best first, ties to the earlier text; texts
    /// sharing no term with the query are not returned.
    pub fn search(&self, query: &str, k: usize) -> Vec<LexicalHit> {
        let mut hits: Vec<LexicalHit> = self
            .engine
            .search(query, None)
            .into_iter()
            .map(|r| LexicalHit {
                index: r.document.id as usize,
                score: r.score,
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        hits.truncate(k);
        hits
    }
}

/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each item scores the sum of
/// 1 / (`k` + its rank) over the rankings it appears in (ranks from 1). The fused ranking,
/// best first, ties to the smaller index.
pub fn reciprocal_rank_fusion(rankings: &[Vec<usize>], k: f64) -> Vec<(usize, f64)> {
    let mut scores: HashMap<usize, f64> = HashMap::new();
    for ranking in rankings {
        for (rank, &item) in ranking.iter().enumerate() {
            *scores.entry(item).or_default() += 1.0 / (k + rank as f64 + 1.0);
        }
    }
    let mut fused: Vec<(usize, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    fused
}

/// How a dense and a lexical ranking become one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fusion {
    /// [`reciprocal_rank_fusion`] with this constant: ranks only, scores ignored.
    ReciprocalRank { k: f64 },
    /// Each list's scores scaled to 0..1 (min-max within the list; an item a list lacks
    /// scores 0 there), then `dense_weight` x dense + (1 - `dense_weight`) x lexical.
    Weighted { dense_weight: f64 },
}

/// The fused ranking of two scored lists (item, score; best first), best first, ties to
/// the smaller index.
pub fn fuse(dense: &[(usize, f32)], lexical: &[(usize, f32)], fusion: Fusion) -> Vec<(usize, f64)> {
    match fusion {
        Fusion::ReciprocalRank { k } => {
            let ranking = |list: &[(usize, f32)]| list.iter().map(|&(i, _)| i).collect();
            reciprocal_rank_fusion(&[ranking(dense), ranking(lexical)], k)
        }
        Fusion::Weighted { dense_weight } => {
            let mut scores: HashMap<usize, f64> = HashMap::new();
            for (list, weight) in [(dense, dense_weight), (lexical, 1.0 - dense_weight)] {
                let (lo, hi) = list
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, s)| {
                        (lo.min(s as f64), hi.max(s as f64))
                    });
                for &(item, score) in list {
                    let scaled = if hi > lo {
                        (score as f64 - lo) / (hi - lo)
                    } else {
                        1.0
                    };
                    *scores.entry(item).or_default() += weight * scaled;
                }
            }
            let mut fused: Vec<(usize, f64)> = scores.into_iter().collect();
            fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            fused
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflected_words_and_breaks_ties_by_position() {
        let texts = [
            "Les exportations de semi-conducteurs vers la Chine sont contrôlées.",
            "Le chat dort sur le canapé.",
            "Le contrôle des exportations de puces électroniques se renforce.",
            "Le chat dort sur le canapé.",
        ];
        let index = LexicalIndex::build(&texts, "fr", Bm25Params::default());
        assert_eq!(index.language, "fr");
        let hits = index.search("contrôle des exportations", 10);
        let found: Vec<usize> = hits.iter().map(|h| h.index).collect();
        // Stemming: "contrôlées"/"contrôle", "exportations" match; the cats do not.
        assert_eq!(found.len(), 2, "{hits:?}");
        assert!(found.contains(&0) && found.contains(&2));
        // Equal texts score equally and come in their order, every time.
        for _ in 0..5 {
            let cats = index.search("chat canapé", 10);
            assert_eq!(cats.iter().map(|h| h.index).collect::<Vec<_>>(), [1, 3]);
        }
    }

    #[test]
    fn fusion_rewards_agreement() {
        let fused = reciprocal_rank_fusion(&[vec![1, 2, 3], vec![3, 2, 4]], 60.0);
        // 3 (first and third: 1/61 + 1/63) just ahead of 2 (second twice: 2/62), both far
        // ahead of what one ranking alone holds.
        let order: Vec<usize> = fused.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, [3, 2, 1, 4]);
        assert!((fused[0].1 - (1.0 / 61.0 + 1.0 / 63.0)).abs() < 1e-12);
        assert!((fused[1].1 - 2.0 / 62.0).abs() < 1e-12);
    }

    #[test]
    fn weighted_fusion_scales_each_list() {
        let dense = [(1, 0.9), (2, 0.8), (3, 0.7)];
        let lexical = [(3, 12.0), (4, 2.0)];
        // Dense alone, lexical alone, and an even mix.
        let order = |w: f64| -> Vec<usize> {
            fuse(&dense, &lexical, Fusion::Weighted { dense_weight: w })
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        };
        assert_eq!(&order(1.0)[..3], &[1, 2, 3]);
        // Lexical alone: 3 leads; the last of a list scores 0, as an absent item does.
        assert_eq!(order(0.0)[0], 3);
        // 3: 0.5 x 0 + 0.5 x 1 = 0.5; 1: 0.5 x 1 = 0.5; the tie goes to 1.
        assert_eq!(&order(0.5)[..2], &[1, 3]);
    }

    #[test]
    fn majority_language_of_french_texts() {
        let texts = [
            "Les deux pays ont signé un accord sur l'intelligence artificielle.",
            "La chaîne d'approvisionnement des semi-conducteurs reste fragile.",
            "The export controls were tightened.",
        ];
        assert_eq!(majority_language(&texts), "fr");
        assert_eq!(majority_language::<&str>(&[]), "en");
    }
}
