//! The report stage: a [`ThemeReport`] for a terminal (table), for programs (JSON), for a
//! document (Markdown) and for a browser (one self-contained HTML file with a map).

pub mod bench;
pub mod embed;
mod html;
pub mod index;
mod markdown;
pub mod models;
pub mod neighbors;
pub mod passages;
mod table;

use crate::themes::ThemeReport;
use anyhow::Result;

/// How a command's result is printed: a table for people or JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextFormat {
    Table,
    Json,
}

/// `--format` of `silica themes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Md,
    Html,
}

impl ReportFormat {
    /// The format an output file's extension implies, if any.
    pub fn from_extension(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "md" | "markdown" => Some(Self::Md),
            "html" | "htm" => Some(Self::Html),
            "txt" => Some(Self::Table),
            _ => None,
        }
    }
}

pub fn render(report: &ThemeReport, format: ReportFormat) -> Result<String> {
    Ok(match format {
        ReportFormat::Json => serde_json::to_string_pretty(report)? + "\n",
        ReportFormat::Table => table::render(report),
        ReportFormat::Md => markdown::render(report),
        ReportFormat::Html => html::render(report),
    })
}

/// A one-line excerpt of a passage for lists.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    }
}

/// ", characters 120–340" for a passage; nothing for a whole document.
pub(crate) fn span_note(item: &crate::themes::ItemReport) -> String {
    match (item.start, item.end) {
        (Some(s), Some(e)) => format!(", characters {s}–{e}"),
        _ => String::new(),
    }
}

pub(crate) fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The run line every format starts with.
pub(crate) fn run_summary(report: &ThemeReport) -> String {
    let run = &report.run;
    let algorithm = run["clustering"]["algorithm"].as_str().unwrap_or("?");
    let k_auto = run["clustering"]["k"].is_null() && algorithm == "kmeans";
    format!(
        "{} documents, {} {}s, {} clusters ({algorithm}{}), model {}",
        report.documents.len(),
        report.items.len(),
        run["unit"].as_str().unwrap_or("passage"),
        report.clusters.len(),
        if k_auto { ", k by silhouette" } else { "" },
        run["model"].as_str().unwrap_or("?"),
    )
}

/// The timeline as a table: the theme columns (named themes in order, then "other"), and
/// per period its name, item count and each column's share.
pub(crate) struct TimelineTable {
    pub unit: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<(String, usize, Vec<f64>)>,
    pub undated_items: usize,
}

pub(crate) fn timeline_table(report: &ThemeReport) -> Option<TimelineTable> {
    let timeline = report.timeline.as_ref()?;
    let mut columns: Vec<String> = report.themes.iter().map(|t| t.name.clone()).collect();
    columns.push(crate::themes::OTHER.to_string());
    let rows = timeline
        .periods
        .iter()
        .map(|p| {
            let shares = columns
                .iter()
                .map(|c| p.themes.get(c).copied().unwrap_or(0.0))
                .collect();
            (p.period.clone(), p.items, shares)
        })
        .collect();
    Some(TimelineTable {
        unit: match timeline.granularity {
            crate::themes::Granularity::Week => "week",
            crate::themes::Granularity::Month => "month",
        },
        columns,
        rows,
        undated_items: timeline.undated_items,
    })
}

/// What changed since the previous report (with `--previous`), one sentence a line: every
/// format leads with it.
pub(crate) fn change_lines(report: &ThemeReport) -> Vec<String> {
    let Some(changes) = &report.changes else {
        return Vec::new();
    };
    let label = |id: usize| {
        report
            .clusters
            .iter()
            .find(|c| c.stable_id == id)
            .map_or_else(|| format!("#{id}"), |c| format!("#{id} {}", c.label))
    };
    let mut lines = Vec::new();
    let list = |ids: &[usize]| ids.iter().map(|&i| label(i)).collect::<Vec<_>>().join("; ");
    if !changes.new.is_empty() {
        lines.push(format!(
            "New since the previous report: {}.",
            list(&changes.new)
        ));
    }
    if !changes.split.is_empty() {
        lines.push(format!(
            "Split from an earlier theme: {}.",
            list(&changes.split)
        ));
    }
    for m in &changes.merged {
        lines.push(format!(
            "Merged: #{} {} ({} items) into {}.",
            m.stable_id,
            m.label,
            m.size,
            m.merged_into.map(label).unwrap_or_default()
        ));
    }
    for f in &changes.faded {
        lines.push(format!(
            "Faded: #{} {} ({} items).",
            f.stable_id, f.label, f.size
        ));
    }
    if lines.is_empty() {
        lines.push("No theme is new, split, merged or faded since the previous report.".into());
    }
    if !changes.settings.is_empty() {
        let keys: Vec<&str> = changes.settings.iter().map(|s| s.key.as_str()).collect();
        lines.push(format!("Settings changed: {}.", keys.join(", ")));
    }
    lines
}

/// The trust panel in one line.
pub(crate) fn trust_line(report: &ThemeReport) -> String {
    let t = &report.trust;
    let mut parts = Vec::new();
    if let Some(s) = &t.stability {
        parts.push(format!(
            "stability across {} seeds: mean ARI {:.2} (lowest {:.2})",
            s.seeds.len(),
            s.mean_ari,
            s.min_ari
        ));
    }
    if t.unassigned_share > 0.0 {
        parts.push(format!("{} unassigned", percent(t.unassigned_share)));
    }
    if let Some(o) = t.other_share {
        parts.push(format!("{} other", percent(o)));
    }
    if let Some(c) = t.confident_share {
        parts.push(format!("{} confidently named", percent(c)));
    }
    if let Some(n) = t.truncated.filter(|&n| n > 0) {
        parts.push(format!("{n} texts cut at the model's context"));
    }
    format!(
        "Trust: {}.",
        if parts.is_empty() {
            "no figures".into()
        } else {
            parts.join("; ")
        }
    )
}
