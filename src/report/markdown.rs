use super::{change_lines, excerpt, percent, run_summary, span_note, timeline_table, trust_line};
use crate::themes::ThemeReport;
use std::fmt::Write;

/// A theme report to paste into a document.
pub fn render(report: &ThemeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Theme report\n\n{}\n", run_summary(report));
    let changes = change_lines(report);
    if !changes.is_empty() {
        let _ = writeln!(out, "## What changed\n\n- {}\n", changes.join("\n- "));
    }
    let _ = writeln!(out, "{}\n", trust_line(report));
    if !report.themes.is_empty() {
        let _ = writeln!(
            out,
            "## Named themes\n\n| theme | items | confident | borderline | documents |\n|---|---|---|---|---|"
        );
        for t in &report.themes {
            let docs: Vec<String> = t
                .documents
                .iter()
                .map(|d| format!("{} ({})", d.source, percent(d.share)))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                t.name,
                t.items,
                t.confident,
                t.borderline,
                docs.join(", ")
            );
        }
        out.push('\n');
    }
    if let Some(t) = timeline_table(report) {
        let _ = writeln!(
            out,
            "## Themes by {}\n\nShare of each period's items carrying each theme ({} items of undated documents left out).\n\n| {} | items | {} |\n|---|---|{}",
            t.unit,
            t.undated_items,
            t.unit,
            t.columns.join(" | "),
            "---|".repeat(t.columns.len())
        );
        for (period, items, shares) in &t.rows {
            let cells: Vec<String> = shares.iter().map(|s| percent(*s)).collect();
            let _ = writeln!(out, "| {period} | {items} | {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    write_clusters(&mut out, report);
    if !report.unassigned.is_empty() {
        let _ = writeln!(out, "Unassigned: {} items.\n", report.unassigned.len());
    }
    let _ = writeln!(
        out,
        "## Documents\n\n| document | date | clusters | themes |\n|---|---|---|---|"
    );
    for d in &report.documents {
        let clusters: Vec<String> = d
            .clusters
            .iter()
            .map(|(c, s)| format!("{c}: {}", percent(*s)))
            .collect();
        let themes: Vec<String> = d
            .themes
            .iter()
            .map(|(t, s)| format!("{t}: {}", percent(*s)))
            .collect();
        let name = d.title.clone().unwrap_or_else(|| d.source.clone());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            name.replace('|', "\\|"),
            d.date.map(|x| x.to_string()).unwrap_or_default(),
            clusters.join(", "),
            themes.join(", ")
        );
    }
    let m = &report.metrics.clusters;
    let _ = writeln!(
        out,
        "\n## Metrics\n\nSilhouette {:.3}; mean intra-cluster cosine {:.3}; mean separation {:.3}; {} unassigned.",
        m.silhouette, m.mean_intra_cosine, m.mean_separation, m.unassigned
    );
    out
}

/// One section per cluster: its facts and its representative passages quoted.
fn write_clusters(out: &mut String, report: &ThemeReport) {
    let _ = writeln!(out, "## Clusters\n");
    for c in &report.clusters {
        let _ = writeln!(out, "### {}. {}\n", c.id, c.label);
        let mut facts = format!("{} items; keywords: {}", c.size, c.keywords.join(", "));
        if let (Some(t), Some(s)) = (&c.theme, c.theme_score) {
            let _ = write!(facts, "; theme: **{t}** ({s:.2})");
        }
        let _ = writeln!(out, "{facts}\n");
        for id in &c.representatives {
            if let Some(item) = report.item(id) {
                let at = span_note(item);
                let _ = writeln!(
                    out,
                    "> {}\n>\n> — `{}`{at}\n",
                    excerpt(&item.text, 400),
                    item.source
                );
            }
        }
    }
}
