//! Theme identity across runs: this run's clusters matched with a previous report's by the
//! items they share, so that a theme keeps its ID (and its label) while its content stays,
//! and the report can say what is new, what split, merged or faded.
//!
//! A current cluster C and a previous cluster P *continue* each other when C holds more of
//! P's items than any other cluster does and P holds more of C's earlier items than any
//! other previous cluster does. A cluster most of whose items are new is *new*; one whose
//! earlier items come mostly from a cluster that continues elsewhere *split from* it. A
//! previous cluster that nothing continues *merged into* the cluster holding most of its
//! items, or *faded* when none of its items is left.

use super::ClusterReport;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Above this size ratio a continued cluster "grew", below its inverse it "shrank".
pub const GROWTH: f64 = 1.2;

/// What a previous report says of its clusters (any report silica wrote).
#[derive(Debug, Clone, Deserialize)]
pub struct PreviousReport {
    pub clusters: Vec<PreviousCluster>,
    #[serde(default)]
    pub next_stable_id: Option<usize>,
    #[serde(default)]
    pub run: serde_json::Value,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PreviousCluster {
    pub id: usize,
    /// Reports before theme identity had none: the cluster's id stands in.
    #[serde(default)]
    pub stable_id: Option<usize>,
    pub label: String,
    pub size: usize,
    pub members: Vec<String>,
}

impl PreviousCluster {
    fn stable(&self) -> usize {
        self.stable_id.unwrap_or(self.id)
    }
}

impl PreviousReport {
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the previous report", path.display()))?;
        serde_json::from_str(&text).with_context(|| {
            format!(
                "{}: not a silica themes report in JSON (as a themes run writes with the JSON format)",
                path.display()
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Continued,
    Grew,
    Shrank,
    New,
    SplitFrom,
}

/// A cluster's place in the lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lineage {
    pub status: Status,
    /// The previous cluster it continues or split from (its stable id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_size: Option<usize>,
    /// Of its items, how many were in the previous run.
    pub carried_over: usize,
}

/// A previous cluster that no cluster continues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ended {
    pub stable_id: usize,
    pub label: String,
    pub size: usize,
    /// The cluster now holding most of its items (its stable id); None: faded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<usize>,
}

/// One setting of the run record that changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingChange {
    pub key: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// What changed since the previous report, as the report leads with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Stable ids of the new clusters, and of those split from a previous one.
    pub new: Vec<usize>,
    pub split: Vec<usize>,
    pub merged: Vec<Ended>,
    pub faded: Vec<Ended>,
    /// Items of this run that the previous run had too.
    pub carried_over: usize,
    /// The run record's settings that differ from the previous report's.
    pub settings: Vec<SettingChange>,
}

/// Matches `clusters` (this run's) with `previous`: sets each cluster's stable id, lineage
/// and (when it continues one) label, and returns what changed and the next free stable id.
pub fn match_previous(
    clusters: &mut [ClusterReport],
    previous: &PreviousReport,
    run: &serde_json::Value,
) -> (Changes, usize) {
    let overlap = overlaps(clusters, previous);
    let current = clusters.len();
    let best_of_row = |c: usize| argmax((0..previous.clusters.len()).map(|p| overlap[c][p]));
    let best_of_column = |p: usize| argmax((0..current).map(|c| overlap[c][p]));
    let mut next = previous
        .next_stable_id
        .into_iter()
        .chain(previous.clusters.iter().map(|p| p.stable() + 1))
        .max()
        .unwrap_or(0);
    let mut continued = vec![false; previous.clusters.len()];
    let mut changes = Changes {
        new: Vec::new(),
        split: Vec::new(),
        merged: Vec::new(),
        faded: Vec::new(),
        carried_over: overlap.iter().flatten().sum(),
        settings: setting_changes(&previous.run, run),
    };
    for (c, cluster) in clusters.iter_mut().enumerate() {
        let carried_over: usize = overlap[c].iter().sum();
        let main = best_of_row(c);
        let lineage = match main {
            Some(p) if best_of_column(p) == Some(c) => {
                let before = &previous.clusters[p];
                continued[p] = true;
                cluster.stable_id = before.stable();
                cluster.label = before.label.clone();
                let ratio = cluster.size as f64 / before.size.max(1) as f64;
                Lineage {
                    status: if ratio >= GROWTH {
                        Status::Grew
                    } else if ratio <= 1.0 / GROWTH {
                        Status::Shrank
                    } else {
                        Status::Continued
                    },
                    previous: Some(before.stable()),
                    previous_size: Some(before.size),
                    carried_over,
                }
            }
            Some(p) if 2 * carried_over >= cluster.size => {
                cluster.stable_id = next;
                next += 1;
                changes.split.push(cluster.stable_id);
                Lineage {
                    status: Status::SplitFrom,
                    previous: Some(previous.clusters[p].stable()),
                    previous_size: Some(previous.clusters[p].size),
                    carried_over,
                }
            }
            _ => {
                cluster.stable_id = next;
                next += 1;
                changes.new.push(cluster.stable_id);
                Lineage {
                    status: Status::New,
                    previous: None,
                    previous_size: None,
                    carried_over,
                }
            }
        };
        cluster.lineage = Some(lineage);
    }
    for (p, before) in previous.clusters.iter().enumerate() {
        if continued[p] {
            continue;
        }
        let ended = |merged_into| Ended {
            stable_id: before.stable(),
            label: before.label.clone(),
            size: before.size,
            merged_into,
        };
        match best_of_column(p) {
            Some(c) => changes.merged.push(ended(Some(clusters[c].stable_id))),
            None => changes.faded.push(ended(None)),
        }
    }
    (changes, next)
}

/// overlap[c][p]: the items of this run's cluster c that were in the previous run's p.
fn overlaps(clusters: &[ClusterReport], previous: &PreviousReport) -> Vec<Vec<usize>> {
    let mut cluster_of: HashMap<&str, usize> = HashMap::new();
    for (p, cluster) in previous.clusters.iter().enumerate() {
        for m in &cluster.members {
            cluster_of.insert(m.as_str(), p);
        }
    }
    let mut overlap = vec![vec![0usize; previous.clusters.len()]; clusters.len()];
    for (c, cluster) in clusters.iter().enumerate() {
        for m in &cluster.members {
            if let Some(&p) = cluster_of.get(m.as_str()) {
                overlap[c][p] += 1;
            }
        }
    }
    overlap
}

/// The index of the largest positive value (the first of equals); None when all are 0.
fn argmax(values: impl Iterator<Item = usize>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, v) in values.enumerate() {
        if v > 0 && best.is_none_or(|(_, b)| v > b) {
            best = Some((i, v));
        }
    }
    best.map(|(i, _)| i)
}

/// The top-level keys of two run records whose values differ, in key order.
fn setting_changes(before: &serde_json::Value, after: &serde_json::Value) -> Vec<SettingChange> {
    let (Some(before), Some(after)) = (before.as_object(), after.as_object()) else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let (b, a) = (
                before.get(key).cloned().unwrap_or_default(),
                after.get(key).cloned().unwrap_or_default(),
            );
            (b != a).then(|| SettingChange {
                key: key.clone(),
                before: b,
                after: a,
            })
        })
        .collect()
}
