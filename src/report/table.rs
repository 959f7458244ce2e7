use super::{change_lines, excerpt, percent, run_summary, timeline_table, trust_line};
use crate::themes::ThemeReport;
use std::fmt::Write;

/// The terminal report: clusters with their theme and representatives, named themes,
/// documents, metrics.
pub fn render(report: &ThemeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", run_summary(report));
    for line in change_lines(report) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}\n", trust_line(report));
    write_clusters(&mut out, report);
    write_named_themes(&mut out, report);
    write_timeline(&mut out, report);
    write_documents(&mut out, report);
    write_metrics(&mut out, report);
    out
}

fn write_clusters(out: &mut String, report: &ThemeReport) {
    for c in &report.clusters {
        let theme = match (&c.theme, c.theme_score) {
            (Some(t), Some(s)) => format!("  → {t} ({s:.2})"),
            _ => String::new(),
        };
        let _ = writeln!(out, "#{:<2} {}  [{} items]{theme}", c.id, c.label, c.size);
        let _ = writeln!(out, "    keywords: {}", c.keywords.join(", "));
        for id in &c.representatives {
            if let Some(item) = report.item(id) {
                let _ = writeln!(out, "    • {}  ({})", excerpt(&item.text, 110), item.id);
            }
        }
        out.push('\n');
    }
    if !report.unassigned.is_empty() {
        let _ = writeln!(out, "unassigned: {} items\n", report.unassigned.len());
    }
}

fn write_named_themes(out: &mut String, report: &ThemeReport) {
    if !report.themes.is_empty() {
        let _ = writeln!(out, "named themes:");
        let width = report
            .themes
            .iter()
            .map(|t| t.name.chars().count())
            .max()
            .unwrap_or(0);
        for t in &report.themes {
            let docs: Vec<String> = t
                .documents
                .iter()
                .map(|d| format!("{} {}", d.source, percent(d.share)))
                .collect();
            let _ = writeln!(
                out,
                "  {:<width$} {:>4} items ({} confident, {} borderline)  {}",
                t.name,
                t.items,
                t.confident,
                t.borderline,
                docs.join(", ")
            );
        }
        out.push('\n');
    }
}

/// The themes' shares by period, when the documents are dated.
fn write_timeline(out: &mut String, report: &ThemeReport) {
    if let Some(t) = timeline_table(report) {
        let _ = writeln!(
            out,
            "themes by {} (share of the period's items; {} undated):",
            t.unit, t.undated_items
        );
        let _ = writeln!(
            out,
            "  {:<9} {:>6}  {}",
            t.unit,
            "items",
            t.columns.join(" | ")
        );
        for (period, items, shares) in &t.rows {
            let cells: Vec<String> = t
                .columns
                .iter()
                .zip(shares)
                .map(|(c, s)| format!("{:>w$}", percent(*s), w = c.chars().count()))
                .collect();
            let _ = writeln!(out, "  {period:<9} {items:>6}  {}", cells.join(" | "));
        }
        out.push('\n');
    }
}

fn write_documents(out: &mut String, report: &ThemeReport) {
    let _ = writeln!(out, "documents:");
    for d in &report.documents {
        let clusters: Vec<String> = d
            .clusters
            .iter()
            .map(|(c, s)| format!("#{c} {}", percent(*s)))
            .collect();
        let themes: Vec<String> = d
            .themes
            .iter()
            .map(|(t, s)| format!("{t} {}", percent(*s)))
            .collect();
        let themes = if themes.is_empty() {
            String::new()
        } else {
            format!("  | {}", themes.join(", "))
        };
        let date = d.date.map(|x| format!(" ({x})")).unwrap_or_default();
        let _ = writeln!(out, "  {}{date}  {}{themes}", d.source, clusters.join(" "));
    }
}

fn write_metrics(out: &mut String, report: &ThemeReport) {
    let m = &report.metrics.clusters;
    let _ = writeln!(
        out,
        "\nmetrics: silhouette {:.3}, mean intra-cluster cosine {:.3}, mean separation {:.3}, sizes {:?}",
        m.silhouette,
        m.mean_intra_cosine,
        m.mean_separation,
        m.clusters.iter().map(|c| c.size).collect::<Vec<_>>()
    );
    if !report.metrics.silhouette_by_k.is_empty() {
        let by_k: Vec<String> = report
            .metrics
            .silhouette_by_k
            .iter()
            .map(|s| format!("k={} {:.3}", s.k, s.silhouette))
            .collect();
        let _ = writeln!(out, "silhouette by k: {}", by_k.join(", "));
    }
}
