//! The report stage: a [`ThemeReport`] for a terminal (table), for programs (JSON), for a
//! document (Markdown) and for a browser (one self-contained HTML file with a map).

mod html;
mod markdown;
mod table;

use crate::themes::ThemeReport;
use anyhow::Result;

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
