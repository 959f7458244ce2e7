//! The themes stage: from a clustering to a [`ThemeReport`]: each cluster's keywords,
//! label, representative passages and named theme; each passage's cluster and theme; each
//! article's share of every cluster and theme; the metrics; and how the run was made.

mod labels;
mod lineage;
mod named;
mod scoring;
mod timeline;
mod trust;

pub use labels::{cluster_keywords, label, Keyword};
pub use lineage::{Changes, Ended, Lineage, PreviousReport, SettingChange, Status};
pub use named::{parse_theme_list, read_themes_file, NamedTheme, ThemeListError, BACKGROUND};
pub use scoring::{ScoringParams, ThemeAssignment, ThemeScorer, OTHER};
pub use timeline::{theme_timeline, Granularity, PeriodShare, Timeline};
pub use trust::{ClusterTrust, Stability, TrustPanel};

use crate::cluster::{cluster_metrics, ClusterMetrics, Clustering};
use crate::vectors::{dot_f64 as dot, normalized_mean, round4 as r4, Embeddings};
use anyhow::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// One clustered unit: a passage, or with `--unit document` a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub source: String,
    /// As quoted in reports.
    pub text: String,
    /// As the model read it (whitespace collapsed, Markdown stripped): keywords come from it.
    pub input: String,
    pub lang: Option<String>,
    /// Index into the report's documents.
    pub document: usize,
    /// Character offsets in the document, for passages.
    pub span: Option<(usize, usize)>,
}

/// A document that repeats another one (same cleaned text): it is not clustered again but
/// reported with its twin's cluster and theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Twin {
    pub item: Item,
    /// Index of the item it repeats.
    pub of: usize,
}

/// A document of the run, as reports name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    /// The publication date its text states, when it states one.
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterReport {
    pub id: usize,
    /// The cluster's identity across runs: with `--previous`, the id of the previous
    /// cluster it continues, else a new one; without, its `id`.
    pub stable_id: usize,
    /// With `--previous`: whether it continues, grew, shrank, split from a previous
    /// cluster or is new.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
    pub label: String,
    pub keywords: Vec<String>,
    pub keyword_scores: Vec<f64>,
    pub size: usize,
    /// Item ids, in input order.
    pub members: Vec<String>,
    /// The members closest to the cluster's centroid, closest first.
    pub representatives: Vec<String>,
    /// The named theme most of the cluster's items carry ("other" when that is most
    /// common); absent without named themes.
    pub theme: Option<String>,
    /// The mean score (corpus z-score) of those items for that theme (for "other": for
    /// their closest theme).
    pub theme_score: Option<f64>,
    pub mean_intra_cosine: f64,
    pub nearest_cluster: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReport {
    pub id: String,
    pub source: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// `null` for an unassigned item.
    pub cluster: Option<usize>,
    /// The named theme, "other", or `null` without named themes.
    pub theme: Option<String>,
    /// Corpus z-score of the theme (of the closest theme, for "other").
    pub theme_score: Option<f64>,
    /// Cosine to the theme's prototype.
    pub theme_cosine: Option<f64>,
    /// The second-closest theme, its score, and the margin between the two.
    pub runner_up: Option<String>,
    pub runner_up_score: Option<f64>,
    pub margin: Option<f64>,
    /// "confident", "borderline" (margin under the bar) or "other".
    pub confidence: Option<&'static str>,
    /// With `--second-theme`: a second theme nearly as close.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_theme: Option<String>,
    /// The id of the item this document repeats (its cluster and theme are that item's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    pub items: usize,
    /// Share of the document's items in each cluster (key: cluster id, or "unassigned").
    pub clusters: BTreeMap<String, f64>,
    /// Share of the document's items carrying each named theme (or "other").
    pub themes: BTreeMap<String, f64>,
    /// The document this one repeats, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeSummary {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub items: usize,
    /// Items carrying the theme with a margin over the runner-up at least the bar, and
    /// the rest.
    pub confident: usize,
    pub borderline: usize,
    /// The documents carrying the theme, largest share first.
    pub documents: Vec<DocumentShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentShare {
    pub source: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SilhouetteAtK {
    pub k: usize,
    pub silhouette: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    #[serde(flatten)]
    pub clusters: ClusterMetrics,
    /// With `--k auto`: the silhouette of every k tried.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub silhouette_by_k: Vec<SilhouetteAtK>,
}

/// Everything a theme report says; the JSON format is this, serialised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeReport {
    pub clusters: Vec<ClusterReport>,
    pub unassigned: Vec<String>,
    pub themes: Vec<ThemeSummary>,
    pub items: Vec<ItemReport>,
    pub documents: Vec<DocumentReport>,
    /// Each named theme's share by week or month of the documents' dates (when some
    /// documents are dated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    pub metrics: Metrics,
    /// With `--previous`: what changed since that report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
    /// The stable id the next new cluster gets (no faded cluster's id is given again).
    pub next_stable_id: usize,
    /// How far the themes can be relied on.
    pub trust: TrustPanel,
    pub run: serde_json::Value,
    /// 2-D PCA projection of the item vectors (for the HTML map), as (item index, point):
    /// every item up to [`MAP_ITEMS`], else a seeded sample of that many; not in JSON.
    #[serde(skip)]
    pub map: Vec<(usize, [f64; 2])>,
}

/// Inputs of [`ThemeReport::build`].
pub struct ReportInputs<'a> {
    pub items: &'a [Item],
    /// Documents that repeat an item's document (with `--unit document`).
    pub twins: &'a [Twin],
    pub documents: &'a [DocumentInfo],
    /// Each item's named theme (from [`ThemeScorer::assign_all`] over the model's vectors),
    /// when themes were named; `scorer` must then be given too.
    pub theme_assignments: Option<Vec<ThemeAssignment>>,
    /// The vectors the clustering ran on (the model's, or centred): metrics,
    /// representatives and the map are computed there.
    pub cluster_space: &'a Embeddings,
    pub clustering: &'a Clustering,
    pub scorer: Option<&'a ThemeScorer>,
    pub keywords: usize,
    pub representatives: usize,
    /// The clustering's seed, when its algorithm has one.
    pub seed: Option<u64>,
    /// The clustering from other seeds (seed, assignments), for the trust panel.
    pub other_runs: &'a [(u64, Vec<Option<usize>>)],
    /// Texts cut at the model's context while embedding (None: read from a store).
    pub truncated: Option<usize>,
    /// A previous report whose clusters this run's are matched with.
    pub previous: Option<&'a PreviousReport>,
    pub run: serde_json::Value,
}

impl ThemeReport {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&ItemReport> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn build(mut inputs: ReportInputs<'_>) -> Result<Self> {
        let metrics = cluster_metrics(inputs.cluster_space, &inputs.clustering.assignments);
        let assignments: Vec<Option<ThemeAssignment>> = match inputs.theme_assignments.take() {
            Some(list) => {
                anyhow::ensure!(
                    list.len() == inputs.items.len() && inputs.scorer.is_some(),
                    "theme assignments for {} of {} items, or without their scorer",
                    list.len(),
                    inputs.items.len()
                );
                list.into_iter().map(Some).collect()
            }
            None => vec![None; inputs.items.len()],
        };
        let mut clusters = cluster_reports(&inputs, &metrics, &assignments);
        let (changes, next_stable_id) = match inputs.previous {
            Some(previous) => {
                let (changes, next) = lineage::match_previous(&mut clusters, previous, &inputs.run);
                (Some(changes), next)
            }
            None => (None, clusters.len()),
        };
        let items = item_reports(&inputs, &assignments);
        let document_of = report_documents(&inputs);
        let documents = document_reports(&inputs, &items, &document_of);
        let themes = inputs
            .scorer
            .map(|s| theme_summaries(s, &items, &documents))
            .unwrap_or_default();
        let timeline = inputs
            .scorer
            .and_then(|_| item_timeline(&inputs, &items, &document_of));
        let trust = trust_panel(&inputs, &metrics, &clusters, &items);
        Ok(Self {
            clusters,
            unassigned: inputs
                .clustering
                .unassigned()
                .iter()
                .map(|&i| inputs.items[i].id.clone())
                .collect(),
            themes,
            items,
            documents,
            timeline,
            metrics: rounded_metrics(metrics, &inputs.clustering.silhouette_by_k),
            changes,
            next_stable_id,
            trust,
            run: inputs.run,
            map: project_2d(inputs.cluster_space, MAP_ITEMS),
        })
    }
}

/// The trust panel of a report's clusters and items.
fn trust_panel(
    inputs: &ReportInputs<'_>,
    metrics: &ClusterMetrics,
    clusters: &[ClusterReport],
    items: &[ItemReport],
) -> TrustPanel {
    let assignments = &inputs.clustering.assignments;
    let others: Vec<&[Option<usize>]> = inputs
        .other_runs
        .iter()
        .map(|(_, a)| a.as_slice())
        .collect();
    let stability = inputs.seed.and_then(|first| {
        let mut seeds = vec![first];
        seeds.extend(inputs.other_runs.iter().map(|(s, _)| *s));
        let mut runs = vec![assignments.as_slice()];
        runs.extend(others.iter().copied());
        trust::stability(seeds, &runs)
    });
    let per_cluster = trust::cluster_stability(assignments, inputs.clustering.k, &others);
    let members = inputs.clustering.all_members();
    let n = items.len().max(1) as f64;
    let named: Vec<&ItemReport> = items.iter().filter(|i| i.theme.is_some()).collect();
    let share_with = |confidence: &str| {
        let count = named
            .iter()
            .filter(|i| i.confidence == Some(confidence))
            .count();
        r4(count as f64 / named.len().max(1) as f64)
    };
    TrustPanel {
        stability,
        clusters: clusters
            .iter()
            .map(|c| {
                let (cohesion, separation) =
                    trust::cohesion_separation(metrics.clusters.iter().find(|s| s.id == c.id));
                ClusterTrust {
                    id: c.id,
                    stability: per_cluster.get(c.id).copied().flatten(),
                    cohesion,
                    separation,
                    theme_agreement: c.theme.as_ref().map(|t| {
                        let mine = members.get(c.id).map_or(&[][..], Vec::as_slice);
                        let carrying = mine
                            .iter()
                            .filter(|&&i| items[i].theme.as_ref() == Some(t))
                            .count();
                        r4(carrying as f64 / mine.len().max(1) as f64)
                    }),
                }
            })
            .collect(),
        unassigned_share: r4(items.iter().filter(|i| i.cluster.is_none()).count() as f64 / n),
        other_share: (!named.is_empty()).then(|| share_with("other")),
        confident_share: (!named.is_empty()).then(|| share_with("confident")),
        truncated: inputs.truncated,
    }
}

/// Most members of a cluster whose words are counted for its keywords.
pub const KEYWORD_ITEMS: usize = 2_000;

/// Each cluster: keywords, label, representatives, and the theme most members carry.
fn cluster_reports(
    inputs: &ReportInputs<'_>,
    metrics: &ClusterMetrics,
    assignments: &[Option<ThemeAssignment>],
) -> Vec<ClusterReport> {
    let ReportInputs {
        items,
        cluster_space,
        clustering,
        ..
    } = inputs;
    let members: Vec<Vec<usize>> = clustering.all_members();
    let keyword_lists = cluster_keywords(
        &members
            .iter()
            .map(|m| {
                // Keywords of a large cluster come from an even spread of its members.
                let step = m.len().div_ceil(KEYWORD_ITEMS).max(1);
                m.iter()
                    .step_by(step)
                    .map(|&i| (items[i].input.as_str(), items[i].lang.as_deref()))
                    .collect()
            })
            .collect::<Vec<_>>(),
        inputs.keywords,
    );
    members
        .iter()
        .enumerate()
        .map(|(c, m)| {
            let centroid = normalized_mean(cluster_space, m);
            let mut by_closeness: Vec<(usize, f64)> = m
                .iter()
                .map(|&i| (i, dot(cluster_space.row(i), &centroid)))
                .collect();
            by_closeness.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let theme = inputs.scorer.map(|s| cluster_theme(s, m, assignments));
            let stats = metrics.clusters.iter().find(|s| s.id == c);
            ClusterReport {
                id: c,
                stable_id: c,
                lineage: None,
                label: label(&keyword_lists[c]),
                keywords: keyword_lists[c].iter().map(|k| k.text.clone()).collect(),
                keyword_scores: keyword_lists[c].iter().map(|k| r4(k.score)).collect(),
                size: m.len(),
                members: m.iter().map(|&i| items[i].id.clone()).collect(),
                representatives: by_closeness
                    .iter()
                    .take(inputs.representatives)
                    .map(|&(i, _)| items[i].id.clone())
                    .collect(),
                theme: theme.as_ref().map(|(name, _)| name.clone()),
                theme_score: theme.as_ref().map(|(_, score)| r4(*score)),
                mean_intra_cosine: stats.map_or(1.0, |s| r4(s.mean_intra_cosine)),
                nearest_cluster: stats.and_then(|s| s.nearest_cluster),
            }
        })
        .collect()
}

/// The theme most of a cluster's members carry ("other" included; ties to the higher total
/// score), and the members' mean score for it.
fn cluster_theme(
    scorer: &ThemeScorer,
    members: &[usize],
    assignments: &[Option<ThemeAssignment>],
) -> (String, f64) {
    let mut votes: BTreeMap<Option<usize>, (usize, f64)> = BTreeMap::new();
    for &i in members {
        if let Some(a) = &assignments[i] {
            let entry = votes.entry(a.theme).or_default();
            entry.0 += 1;
            entry.1 += a.score;
        }
    }
    let (theme, (count, total)) = votes
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.total_cmp(&b.1 .1)))
        .unwrap_or((None, (1, 0.0)));
    (scorer.name(theme), total / count.max(1) as f64)
}

/// Every item, then every twin document with its twin's cluster and theme.
fn item_reports(
    inputs: &ReportInputs<'_>,
    assignments: &[Option<ThemeAssignment>],
) -> Vec<ItemReport> {
    let report = |item: &Item, i: usize| {
        let a = assignments[i].as_ref();
        let scorer = inputs.scorer;
        let name = |t: Option<usize>| scorer.map_or_else(String::new, |s| s.name(t));
        ItemReport {
            id: item.id.clone(),
            source: item.source.clone(),
            text: item.text.clone(),
            start: item.span.map(|s| s.0),
            end: item.span.map(|s| s.1),
            cluster: inputs.clustering.assignments[i],
            theme: a.map(|a| name(a.theme)),
            theme_score: a.map(|a| r4(a.score)),
            theme_cosine: a.map(|a| r4(a.cosine)),
            runner_up: a.and_then(|a| a.runner_up).map(|(t, _)| name(Some(t))),
            runner_up_score: a.and_then(|a| a.runner_up).map(|(_, s)| r4(s)),
            margin: a.and_then(|a| a.margin.is_finite().then(|| r4(a.margin))),
            confidence: a.map(|a| match (a.theme, a.confident) {
                (None, _) => "other",
                (Some(_), true) => "confident",
                (Some(_), false) => "borderline",
            }),
            second_theme: a.and_then(|a| a.second).map(|t| name(Some(t))),
            duplicate_of: None,
        }
    };
    let mut reports: Vec<ItemReport> = inputs
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| report(item, i))
        .collect();
    for twin in inputs.twins {
        let mut r = report(&twin.item, twin.of);
        r.duplicate_of = Some(inputs.items[twin.of].id.clone());
        reports.push(r);
    }
    reports
}

/// The items' document of each item report (items, then twins).
fn report_documents(inputs: &ReportInputs<'_>) -> Vec<usize> {
    inputs
        .items
        .iter()
        .chain(inputs.twins.iter().map(|t| &t.item))
        .map(|i| i.document)
        .collect()
}

/// The named themes' timeline over the items' document dates.
fn item_timeline(
    inputs: &ReportInputs<'_>,
    items: &[ItemReport],
    document_of: &[usize],
) -> Option<Timeline> {
    let dates: Vec<Option<chrono::NaiveDate>> = document_of
        .iter()
        .map(|&d| inputs.documents.get(d).and_then(|doc| doc.date))
        .collect();
    let themes: Vec<Option<&str>> = items.iter().map(|i| i.theme.as_deref()).collect();
    theme_timeline(&themes, &dates)
}

/// Each document's share of every cluster and theme, over its items (twins included).
fn document_reports(
    inputs: &ReportInputs<'_>,
    items: &[ItemReport],
    document_of: &[usize],
) -> Vec<DocumentReport> {
    let mut items_of: Vec<Vec<usize>> = vec![Vec::new(); inputs.documents.len()];
    for (i, &d) in document_of.iter().enumerate() {
        if let Some(list) = items_of.get_mut(d) {
            list.push(i);
        }
    }
    inputs
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let mine: Vec<&ItemReport> = items_of[d].iter().map(|&i| &items[i]).collect();
            let n = mine.len().max(1) as f64;
            let mut cluster_shares: BTreeMap<String, f64> = BTreeMap::new();
            let mut theme_shares: BTreeMap<String, f64> = BTreeMap::new();
            for item in &mine {
                let key = item
                    .cluster
                    .map_or_else(|| "unassigned".to_string(), |c| c.to_string());
                *cluster_shares.entry(key).or_default() += 1.0 / n;
                if let Some(theme) = &item.theme {
                    *theme_shares.entry(theme.clone()).or_default() += 1.0 / n;
                }
            }
            cluster_shares.values_mut().for_each(|v| *v = r4(*v));
            theme_shares.values_mut().for_each(|v| *v = r4(*v));
            DocumentReport {
                id: doc.id.clone(),
                source: doc.source.clone(),
                title: doc.title.clone(),
                date: doc.date,
                items: mine.len(),
                clusters: cluster_shares,
                themes: theme_shares,
                // With `--unit document`, an item's id is its document's id.
                duplicate_of: mine.iter().find_map(|i| i.duplicate_of.clone()),
            }
        })
        .collect()
}

/// Per named theme: how many items carry it, how surely, and in which documents.
fn theme_summaries(
    scorer: &ThemeScorer,
    items: &[ItemReport],
    documents: &[DocumentReport],
) -> Vec<ThemeSummary> {
    scorer
        .themes
        .iter()
        .map(|t| {
            let mut docs: Vec<DocumentShare> = documents
                .iter()
                .filter_map(|d| {
                    d.themes.get(&t.name).map(|&share| DocumentShare {
                        source: d.source.clone(),
                        share,
                    })
                })
                .collect();
            docs.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.source.cmp(&b.source)));
            let carrying: Vec<&ItemReport> = items
                .iter()
                .filter(|i| i.theme.as_deref() == Some(t.name.as_str()))
                .collect();
            let confident = carrying
                .iter()
                .filter(|i| i.confidence == Some("confident"))
                .count();
            ThemeSummary {
                name: t.name.clone(),
                description: t.description.clone(),
                items: carrying.len(),
                confident,
                borderline: carrying.len() - confident,
                documents: docs,
            }
        })
        .collect()
}

fn rounded_metrics(mut clusters: ClusterMetrics, by_k: &[(usize, f64)]) -> Metrics {
    clusters.silhouette = r4(clusters.silhouette);
    clusters.mean_intra_cosine = r4(clusters.mean_intra_cosine);
    clusters.mean_separation = r4(clusters.mean_separation);
    for s in &mut clusters.clusters {
        s.mean_intra_cosine = r4(s.mean_intra_cosine);
        s.nearest_cosine = s.nearest_cosine.map(r4);
    }
    Metrics {
        clusters,
        silhouette_by_k: by_k
            .iter()
            .map(|&(k, s)| SilhouetteAtK {
                k,
                silhouette: r4(s),
            })
            .collect(),
    }
}

/// Most items drawn on the report's map (and fitted by its PCA): more points than this
/// are not readable on a page, and PCA over all of a million would hold them as f64.
pub const MAP_ITEMS: usize = 5_000;

/// PCA to two dimensions (linfa-reduction), for the report's map: at most `most` rows (a
/// seeded sample above that), as (row, point).
fn project_2d(vectors: &Embeddings, most: usize) -> Vec<(usize, [f64; 2])> {
    use linfa::prelude::*;
    use linfa_reduction::Pca;
    let rows = crate::cluster::sample_rows(vectors.len(), most, 0);
    let n = rows.len();
    let data =
        ndarray::Array2::from_shape_fn((n, vectors.dim), |(i, j)| vectors.row(rows[i])[j] as f64);
    let dataset = DatasetBase::from(data);
    match Pca::params(2).fit(&dataset) {
        Ok(pca) => {
            let projected = pca.predict(dataset.records());
            (0..n)
                .map(|i| (rows[i], [projected[[i, 0]], projected[[i, 1]]]))
                .collect()
        }
        Err(e) => {
            tracing::warn!("no map: PCA failed ({e})");
            rows.iter().map(|&r| (r, [0.0, 0.0])).collect()
        }
    }
}
