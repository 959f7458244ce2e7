//! Which named theme each vector of a corpus carries, how sure that is, and when it is
//! "other".
//!
//! Chosen by measurement on PIAF dev (docs/quality.md, "Named themes"), not on the seeds:
//!
//! 1. **Relative to the corpus.** A theme's raw cosine is replaced by its z-score over the
//!    corpus (minus the theme's mean cosine over all items, over its standard deviation).
//!    A broad theme ("bilateral AI partnerships") is close to everything in an AI corpus;
//!    relative to the corpus it only wins where it stands out. Margins are then in corpus
//!    standard deviations, the same unit for every model.
//! 2. **Prototypes re-estimated from the corpus.** A theme's name is a few words; the
//!    passages that carry it are long. After a first assignment, each theme's vector becomes
//!    `anchor_weight` x its name's vector + the rest x the mean of the items closest to it,
//!    and items are assigned again; a few rounds, as zero-shot classifiers do.
//! 3. **Passages read in their document.** A passage's score is blended with its
//!    document's mean score (`document_weight`), as a reader judges a paragraph within
//!    its article: a passage that only mentions a theme in passing leans to what its article
//!    is about, one that clearly says something else keeps its own theme. An item alone in
//!    its document (`--unit document`) is scored as itself. On PIAF's articles (dev half),
//!    accuracy rises with the weight up to 0.75 (0.674 alone, 0.716 at 0.5) because PIAF
//!    labels every paragraph with its article's category; 0.5 is kept so that passage-level
//!    themes still say something of their own.
//! 4. **"Other" against unrelated text.** An item keeps its theme when its cosine to the
//!    theme's prototype stands `min_background_z` robust standard deviations (median, 1.4826
//!    MAD) above the cosines of a fixed set of unrelated sentences ([`BACKGROUND`]) to the
//!    same prototype. The bar is a z-score against a fixed null, so it means the same on any
//!    model, and it does not depend on the corpus's size.
//!
//! [`BACKGROUND`]: super::BACKGROUND

use super::{dot, normalized_mean, NamedTheme};
use crate::vectors::{unit, Embeddings};
use serde::Serialize;
use std::collections::HashMap;

/// What an item carrying none of the named themes is reported as.
pub const OTHER: &str = "other";

/// The knobs of [`ThemeScorer`]; the defaults are the ones measured best on dev data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoringParams {
    /// Rounds of prototype re-estimation (0: the names' vectors alone).
    pub refine_rounds: usize,
    /// Weight of the theme name's own vector in its re-estimated prototype.
    pub anchor_weight: f64,
    /// Background standard deviations an item's cosine must stand above unrelated text's.
    pub min_background_z: f64,
    /// Weight of the document's mean score in a passage's score (0: the passage alone).
    pub document_weight: f64,
    /// Margin over the runner-up (corpus standard deviations) below which an assignment is
    /// borderline.
    pub confident_margin: f64,
    /// With a value: a second theme is given when its score is within this margin.
    pub second_within: Option<f64>,
}

impl Default for ScoringParams {
    fn default() -> Self {
        Self {
            refine_rounds: 5,
            anchor_weight: 0.25,
            min_background_z: 1.5,
            document_weight: 0.5,
            confident_margin: 0.5,
            second_within: None,
        }
    }
}

/// Where one item stands against the named themes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeAssignment {
    /// Index of the theme, or `None` for "other".
    pub theme: Option<usize>,
    /// The best theme (kept even when the item is "other").
    pub best: usize,
    /// Corpus z-score of the best theme, blended with the document's mean.
    pub score: f64,
    /// Cosine to the best theme's prototype.
    pub cosine: f64,
    /// How far that cosine stands above unrelated text's (robust standard deviations).
    pub background_z: f64,
    /// The second-best theme and its corpus z-score, when there are two themes or more.
    pub runner_up: Option<(usize, f64)>,
    /// `score` minus the runner-up's (infinite with one theme).
    pub margin: f64,
    /// A theme was given and the margin is at least `confident_margin`.
    pub confident: bool,
    /// With `second_within`: the runner-up, when it is that close and not "other".
    pub second: Option<usize>,
}

/// Scores a corpus's vectors against named themes (see the module doc).
pub struct ThemeScorer {
    pub themes: Vec<NamedTheme>,
    theme_vectors: Vec<Vec<f32>>,
    background: Vec<Vec<f32>>,
    pub params: ScoringParams,
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Median and robust standard deviation (1.4826 x median absolute deviation).
fn robust_spread(values: &[f64]) -> (f64, f64) {
    let mut v = values.to_vec();
    let m = median(&mut v);
    let mut deviations: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
    (m, (1.4826 * median(&mut deviations)).max(1e-4))
}

/// Cosines of every item to every prototype (`[item][theme]`); vectors are unit length.
fn cosines(vectors: &Embeddings, prototypes: &[Vec<f32>]) -> Vec<Vec<f64>> {
    vectors
        .rows()
        .map(|row| prototypes.iter().map(|p| dot(row, p)).collect())
        .collect()
}

/// Each column as z-scores over the rows (the corpus).
fn corpus_z(cos: &[Vec<f64>], themes: usize) -> Vec<Vec<f64>> {
    let n = cos.len().max(1) as f64;
    let stats: Vec<(f64, f64)> = (0..themes)
        .map(|t| {
            let mean = cos.iter().map(|r| r[t]).sum::<f64>() / n;
            let var = cos.iter().map(|r| (r[t] - mean).powi(2)).sum::<f64>() / n;
            (mean, var.sqrt().max(1e-9))
        })
        .collect();
    cos.iter()
        .map(|r| {
            r.iter()
                .zip(&stats)
                .map(|(c, (mean, sd))| (c - mean) / sd)
                .collect()
        })
        .collect()
}

/// Each row blended with the mean row of its document: `(1 - w) x row + w x mean`.
fn with_document(z: &[Vec<f64>], documents: &[usize], w: f64) -> Vec<Vec<f64>> {
    if w == 0.0 {
        return z.to_vec();
    }
    let mut sums: HashMap<usize, (Vec<f64>, f64)> = HashMap::new();
    for (row, d) in z.iter().zip(documents) {
        let (sum, n) = sums
            .entry(*d)
            .or_insert_with(|| (vec![0.0; row.len()], 0.0));
        sum.iter_mut().zip(row).for_each(|(s, x)| *s += x);
        *n += 1.0;
    }
    z.iter()
        .zip(documents)
        .map(|(row, d)| {
            let (sum, n) = &sums[d];
            row.iter()
                .zip(sum)
                .map(|(x, s)| (1.0 - w) * x + w * s / n)
                .collect()
        })
        .collect()
}

impl ThemeScorer {
    /// `theme_vectors[t]` embeds `themes[t].text()`; `background` embeds [`super::BACKGROUND`],
    /// both with the model and prompt of the items to score.
    pub fn new(
        themes: Vec<NamedTheme>,
        theme_vectors: Vec<Vec<f32>>,
        background: Vec<Vec<f32>>,
        params: ScoringParams,
    ) -> Self {
        Self {
            themes,
            theme_vectors,
            background,
            params,
        }
    }

    /// A theme's name, or [`OTHER`] for none.
    pub fn name(&self, theme: Option<usize>) -> String {
        theme.map_or_else(|| OTHER.to_string(), |t| self.themes[t].name.clone())
    }

    /// Every item's assignment, in order; `documents[i]` is item `i`'s document (any ids:
    /// items with the same one are read together). Deterministic: no randomness, fixed
    /// orders.
    pub fn assign_all(&self, vectors: &Embeddings, documents: &[usize]) -> Vec<ThemeAssignment> {
        if self.themes.is_empty() || vectors.is_empty() {
            return Vec::new();
        }
        assert_eq!(documents.len(), vectors.len(), "one document per item");
        let mut prototypes = self.theme_vectors.clone();
        let mut assignments = self.decide(vectors, documents, &prototypes);
        for _ in 0..self.params.refine_rounds {
            prototypes = self.reestimate(vectors, &assignments);
            assignments = self.decide(vectors, documents, &prototypes);
        }
        assignments
    }

    /// Each theme's prototype: its name's vector, pulled towards the items that carry it.
    fn reestimate(&self, vectors: &Embeddings, assignments: &[ThemeAssignment]) -> Vec<Vec<f32>> {
        let w = self.params.anchor_weight;
        (0..self.themes.len())
            .map(|t| {
                // The items whose best theme this is and that either pass the gate or stand
                // above the corpus mean for it. Not the gate alone: in the first rounds the
                // names are far from every real passage and would be starved; not every item:
                // unrelated ones (below the mean for every theme) would pull the prototype
                // towards themselves and then pass the gate.
                let members: Vec<usize> = (0..assignments.len())
                    .filter(|&i| {
                        let a = &assignments[i];
                        a.best == t && (a.theme.is_some() || a.score > 0.0)
                    })
                    .collect();
                let anchor = &self.theme_vectors[t];
                if members.is_empty() {
                    return anchor.clone();
                }
                let mean = normalized_mean(vectors, &members);
                let blend: Vec<f64> = anchor
                    .iter()
                    .zip(&mean)
                    .map(|(a, m)| w * *a as f64 + (1.0 - w) * *m as f64)
                    .collect();
                unit(&blend)
            })
            .collect()
    }

    /// Assigns every item against the given prototypes.
    fn decide(
        &self,
        vectors: &Embeddings,
        documents: &[usize],
        prototypes: &[Vec<f32>],
    ) -> Vec<ThemeAssignment> {
        let m = prototypes.len();
        let cos = cosines(vectors, prototypes);
        let z = with_document(&corpus_z(&cos, m), documents, self.params.document_weight);
        let background: Vec<(f64, f64)> = prototypes
            .iter()
            .map(|p| {
                robust_spread(
                    &self
                        .background
                        .iter()
                        .map(|b| dot(b, p))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        cos.iter()
            .zip(&z)
            .map(|(c, zs)| self.assignment(c, zs, &background))
            .collect()
    }

    fn assignment(&self, cos: &[f64], z: &[f64], background: &[(f64, f64)]) -> ThemeAssignment {
        // Ties go to the theme named first.
        let mut order: Vec<usize> = (0..z.len()).collect();
        order.sort_by(|&a, &b| z[b].total_cmp(&z[a]).then(a.cmp(&b)));
        let best = order[0];
        let runner_up = order.get(1).map(|&t| (t, z[t]));
        let margin = runner_up.map_or(f64::INFINITY, |(_, s)| z[best] - s);
        let (centre, spread) = background[best];
        let background_z = (cos[best] - centre) / spread;
        let theme = (background_z >= self.params.min_background_z).then_some(best);
        let second = match (self.params.second_within, runner_up, theme) {
            (Some(within), Some((t, _)), Some(_)) if margin <= within => {
                let (c, s) = background[t];
                ((cos[t] - c) / s >= self.params.min_background_z).then_some(t)
            }
            _ => None,
        };
        ThemeAssignment {
            theme,
            best,
            score: z[best],
            cosine: cos[best],
            background_z,
            runner_up,
            margin,
            confident: theme.is_some() && margin >= self.params.confident_margin,
            second,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(name: &str) -> NamedTheme {
        NamedTheme {
            name: name.into(),
            description: None,
            label: None,
        }
    }

    fn unit(v: &[f32]) -> Vec<f32> {
        crate::vectors::unit(&v.iter().map(|x| *x as f64).collect::<Vec<_>>())
    }

    fn embeddings(rows: &[Vec<f32>]) -> Embeddings {
        Embeddings {
            dim: rows[0].len(),
            data: rows.concat(),
        }
    }

    /// Every item in a document of its own.
    fn alone(n: usize) -> Vec<usize> {
        (0..n).collect()
    }

    /// Two themes on axes 0 and 1; unrelated text on axes 2 and 3.
    fn scorer(params: ScoringParams) -> ThemeScorer {
        let background = (0..12)
            .map(|i| unit(&[0.05 * (i % 3) as f32, 0.05, 1.0, 0.1 * i as f32]))
            .collect();
        ThemeScorer::new(
            vec![theme("a"), theme("b")],
            vec![unit(&[1.0, 0.0, 0.0, 0.0]), unit(&[0.0, 1.0, 0.0, 0.0])],
            background,
            params,
        )
    }

    #[test]
    fn a_broad_theme_does_not_take_everything() {
        // Every item is closer to theme a in raw cosine; the last two stand out towards b
        // relative to the corpus, so they carry b.
        let items = embeddings(&[
            unit(&[1.0, 0.2, 0.0, 0.0]),
            unit(&[1.0, 0.21, 0.0, 0.0]),
            unit(&[1.0, 0.19, 0.0, 0.0]),
            unit(&[1.0, 0.9, 0.0, 0.0]),
            unit(&[1.0, 0.95, 0.0, 0.0]),
        ]);
        let s = scorer(ScoringParams {
            refine_rounds: 0,
            ..Default::default()
        });
        let got: Vec<Option<usize>> = s
            .assign_all(&items, &alone(5))
            .iter()
            .map(|a| a.theme)
            .collect();
        assert_eq!(got, [Some(0), Some(0), Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn unrelated_items_are_other_and_margins_are_reported() {
        let items = embeddings(&[
            unit(&[1.0, 0.0, 0.1, 0.0]),
            unit(&[0.9, 0.1, 0.1, 0.0]),
            unit(&[0.0, 1.0, 0.1, 0.0]),
            unit(&[0.1, 0.9, 0.0, 0.1]),
            unit(&[0.02, 0.03, 1.0, 0.5]), // like the background
        ]);
        let all = scorer(ScoringParams::default()).assign_all(&items, &alone(5));
        let themes: Vec<Option<usize>> = all.iter().map(|a| a.theme).collect();
        assert_eq!(themes, [Some(0), Some(0), Some(1), Some(1), None]);
        for a in &all {
            let (t, s) = a.runner_up.unwrap();
            assert_ne!(t, a.best);
            assert!((a.margin - (a.score - s)).abs() < 1e-12 && a.margin >= 0.0);
            assert_eq!(a.confident, a.theme.is_some() && a.margin >= 0.5);
        }
        assert!(all[4].background_z < 1.5 && all[0].background_z > 1.5);
    }

    #[test]
    fn a_passage_is_read_in_its_document() {
        // Item 2 leans slightly to b on its own; its document (items 0-2) is about a.
        let items = embeddings(&[
            unit(&[1.0, 0.1, 0.0, 0.0]),
            unit(&[1.0, 0.2, 0.0, 0.0]),
            unit(&[0.6, 0.65, 0.0, 0.0]),
            unit(&[0.1, 1.0, 0.0, 0.0]),
            unit(&[0.2, 1.0, 0.0, 0.0]),
        ]);
        let params = |document_weight| ScoringParams {
            refine_rounds: 0,
            document_weight,
            ..Default::default()
        };
        let themes = |p, docs: &[usize]| -> Vec<Option<usize>> {
            scorer(p)
                .assign_all(&items, docs)
                .iter()
                .map(|a| a.theme)
                .collect()
        };
        let documents = [0, 0, 0, 1, 1];
        assert_eq!(themes(params(0.0), &documents)[2], Some(1));
        assert_eq!(themes(params(0.5), &documents)[2], Some(0));
        // Alone in its document, it keeps its own reading whatever the weight.
        assert_eq!(themes(params(0.5), &alone(5))[2], Some(1));
        // A passage that clearly says something else keeps its theme within any document.
        assert_eq!(themes(params(0.5), &[0, 0, 0, 0, 0])[4], Some(1));
    }

    #[test]
    fn a_second_theme_only_when_close_and_asked_for() {
        let items = embeddings(&[
            unit(&[1.0, 0.0, 0.0, 0.0]),
            unit(&[0.0, 1.0, 0.0, 0.0]),
            unit(&[0.7, 0.7, 0.0, 0.0]),
        ]);
        let without = scorer(ScoringParams::default()).assign_all(&items, &alone(3));
        assert!(without.iter().all(|a| a.second.is_none()));
        let with = scorer(ScoringParams {
            second_within: Some(0.5),
            ..Default::default()
        })
        .assign_all(&items, &alone(3));
        assert_eq!(with[0].second, None);
        assert_eq!(with[2].theme.map(|t| 1 - t), with[2].second);
    }

    #[test]
    fn same_input_same_assignments() {
        let items = embeddings(&[
            unit(&[1.0, 0.3, 0.1, 0.0]),
            unit(&[0.2, 1.0, 0.0, 0.1]),
            unit(&[0.5, 0.5, 0.2, 0.0]),
        ]);
        let s = scorer(ScoringParams::default());
        assert_eq!(
            s.assign_all(&items, &[0, 0, 1]),
            s.assign_all(&items, &[0, 0, 1])
        );
    }
}
