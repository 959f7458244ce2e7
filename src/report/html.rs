//! One self-contained HTML file (no network, no script): named themes, clusters with their
//! keywords and representative passages (quoted, with their source and offsets), a theme
//! bar per article, and a 2-D map of every passage (inline SVG, PCA), coloured by cluster,
//! with the passage text on hover.

use super::{
    change_lines, excerpt, percent, run_summary, span_note, timeline_table, trust_line,
    TimelineTable,
};
use crate::themes::ThemeReport;
use std::fmt::Write;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Distinct colours: hues spaced by the golden angle.
fn colour(cluster: Option<usize>) -> String {
    match cluster {
        Some(c) => format!("hsl({:.0}, 65%, 45%)", (c as f64 * 137.508) % 360.0),
        None => "#9a9a9a".to_string(),
    }
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:1100px;color:#1d1d1f;padding:0 1rem;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.run{color:#555} .cluster{border-left:6px solid;padding:.4rem 1rem;margin:1rem 0;background:#fafafa}
.cluster h3{margin:.2rem 0} .kw{color:#444} .theme{font-weight:600}
blockquote{margin:.5rem 0 .5rem 1rem;padding-left:.8rem;border-left:2px solid #ccc;color:#333}
.src{font-size:.85rem;color:#666} table{border-collapse:collapse;width:100%} td,th{padding:.3rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid #eee}
.bar{display:flex;height:14px;width:360px;background:#eee;border-radius:3px;overflow:hidden}
.bar span{display:block;height:100%} svg{background:#fcfcfc;border:1px solid #ddd}
.legend span{display:inline-block;margin-right:1rem} .dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:.3rem}
";

pub fn render(report: &ThemeReport) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>silica theme report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Theme report</h1>\n<p class=\"run\">{}</p>\n",
        esc(&run_summary(report))
    );
    let changes = change_lines(report);
    if !changes.is_empty() {
        h.push_str("<h2>What changed</h2>\n<ul>\n");
        for line in changes {
            let _ = writeln!(h, "<li>{}</li>", esc(&line));
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(h, "<p class=\"run\">{}</p>", esc(&trust_line(report)));
    if !report.themes.is_empty() {
        h.push_str(&named_themes_html(report));
    }
    if let Some(t) = timeline_table(report) {
        h.push_str(&timeline_html(&t));
    }
    h.push_str(&map_html(report));
    h.push_str(&clusters_html(report));
    h.push_str(&articles_html(report));
    h.push_str(&metrics_html(report));
    h.push_str("</body>\n</html>\n");
    h
}

/// A cluster's label by its number ("unassigned" for none).
fn label_of(report: &ThemeReport, c: Option<usize>) -> String {
    c.and_then(|c| report.clusters.get(c))
        .map_or_else(|| "unassigned".to_string(), |c| c.label.clone())
}

fn named_themes_html(report: &ThemeReport) -> String {
    let mut h = String::from("<h2>Named themes</h2>\n<table>\n<tr><th>theme</th><th>items</th><th>confident</th><th>borderline</th><th>documents</th></tr>\n");
    for t in &report.themes {
        let docs: Vec<String> = t
            .documents
            .iter()
            .map(|d| format!("{} ({})", esc(&d.source), percent(d.share)))
            .collect();
        let _ = writeln!(
            h,
            "<tr><td class=\"theme\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&t.name),
            t.items,
            t.confident,
            t.borderline,
            docs.join(", ")
        );
    }
    h.push_str("</table>\n");
    h
}

/// The map (or a sample of it) and its legend.
fn map_html(report: &ThemeReport) -> String {
    let mut h = String::new();
    if report.map.len() < report.items.len() {
        let _ = writeln!(
            h,
            "<h2>Map of the passages</h2>\n<p class=\"run\">A sample of {} of the {} passages.</p>",
            report.map.len(),
            report.items.len()
        );
    } else {
        h.push_str("<h2>Map of the passages</h2>\n");
    }
    h.push_str(&map_svg(report, &|c| label_of(report, c)));
    h.push_str("<p class=\"legend\">");
    for c in &report.clusters {
        let _ = write!(
            h,
            "<span><i class=\"dot\" style=\"background:{}\"></i>{}</span>",
            colour(Some(c.id)),
            esc(&c.label)
        );
    }
    if !report.unassigned.is_empty() {
        let _ = write!(
            h,
            "<span><i class=\"dot\" style=\"background:{}\"></i>unassigned</span>",
            colour(None)
        );
    }
    h.push_str("</p>\n");
    h
}

/// Each cluster: label, size, theme, keywords, representative passages quoted.
fn clusters_html(report: &ThemeReport) -> String {
    let mut h = String::from("<h2>Clusters</h2>\n");
    for c in &report.clusters {
        let theme = match (&c.theme, c.theme_score) {
            (Some(t), Some(s)) => {
                format!(" · theme <span class=\"theme\">{}</span> ({s:.2})", esc(t))
            }
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<section class=\"cluster\" id=\"cluster-{id}\" style=\"border-color:{col}\">\n<h3>{id}. {label}</h3>\n<p>{size} items{theme}</p>\n<p class=\"kw\">{kw}</p>\n",
            id = c.id,
            col = colour(Some(c.id)),
            label = esc(&c.label),
            size = c.size,
            kw = esc(&c.keywords.join(" · ")),
        );
        for id in &c.representatives {
            if let Some(item) = report.item(id) {
                let at = span_note(item);
                let _ = writeln!(
                    h,
                    "<blockquote>{}<div class=\"src\"><a href=\"{}\">{}</a>{at}</div></blockquote>",
                    esc(&excerpt(&item.text, 500)),
                    esc(&item.source),
                    esc(&item.id)
                );
            }
        }
        h.push_str("</section>\n");
    }
    h
}

/// One row per article: its cluster bar and its themes.
fn articles_html(report: &ThemeReport) -> String {
    let mut h = String::from(
        "<h2>Articles</h2>\n<table>\n<tr><th>article</th><th>clusters</th><th>themes</th></tr>\n",
    );
    for d in &report.documents {
        let mut bar = String::from("<div class=\"bar\">");
        for (c, share) in &d.clusters {
            let cluster = c.parse::<usize>().ok();
            let _ = write!(
                bar,
                "<span style=\"width:{:.1}%;background:{}\" title=\"{} {}\"></span>",
                share * 100.0,
                colour(cluster),
                esc(&label_of(report, cluster)),
                percent(*share)
            );
        }
        bar.push_str("</div>");
        let themes: Vec<String> = d
            .themes
            .iter()
            .map(|(t, s)| format!("{} {}", esc(t), percent(*s)))
            .collect();
        let name = d.title.clone().unwrap_or_else(|| d.source.clone());
        let _ = writeln!(
            h,
            "<tr><td>{}<div class=\"src\">{}{}</div></td><td>{bar}</td><td>{}</td></tr>",
            esc(&name),
            esc(&d.source),
            d.date.map(|x| format!(" · {x}")).unwrap_or_default(),
            themes.join(", ")
        );
    }
    h.push_str("</table>\n");
    h
}

fn metrics_html(report: &ThemeReport) -> String {
    let m = &report.metrics.clusters;
    let mut h = format!(
        "<h2>Metrics</h2>\n<p>Silhouette {:.3} · mean intra-cluster cosine {:.3} · mean separation {:.3} · {} unassigned</p>\n",
        m.silhouette, m.mean_intra_cosine, m.mean_separation, m.unassigned
    );
    if !report.metrics.silhouette_by_k.is_empty() {
        let by_k: Vec<String> = report
            .metrics
            .silhouette_by_k
            .iter()
            .map(|s| format!("k={}: {:.3}", s.k, s.silhouette))
            .collect();
        let _ = writeln!(h, "<p>Silhouette by k: {}</p>", by_k.join(" · "));
    }
    h
}

/// The themes' shares by period: one stacked bar per period (a theme's colour is its
/// position among the named themes; "other" is grey), with the shares in the table cells.
fn timeline_html(t: &TimelineTable) -> String {
    let colour_of = |i: usize| {
        if i + 1 == t.columns.len() {
            colour(None)
        } else {
            colour(Some(i))
        }
    };
    let mut h = format!("<h2>Themes by {}</h2>\n<p class=\"legend\">", t.unit);
    for (i, c) in t.columns.iter().enumerate() {
        let _ = write!(
            h,
            "<span><i class=\"dot\" style=\"background:{}\"></i>{}</span>",
            colour_of(i),
            esc(c)
        );
    }
    let _ = writeln!(
        h,
        "</p>\n<table id=\"timeline\">\n<tr><th>{}</th><th>items</th><th>share of each theme</th></tr>",
        t.unit
    );
    for (period, items, shares) in &t.rows {
        let mut bar = String::from("<div class=\"bar\">");
        for (i, share) in shares.iter().enumerate() {
            if *share > 0.0 {
                let _ = write!(
                    bar,
                    "<span style=\"width:{:.1}%;background:{}\" title=\"{} {}\"></span>",
                    share * 100.0,
                    colour_of(i),
                    esc(&t.columns[i]),
                    percent(*share)
                );
            }
        }
        bar.push_str("</div>");
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{items}</td><td>{bar}</td></tr>",
            esc(period)
        );
    }
    let _ = writeln!(
        h,
        "</table>\n<p class=\"run\">{} items of undated documents are not shown.</p>",
        t.undated_items
    );
    h
}

/// One `<circle class="point">` per item, placed by the PCA projection.
fn map_svg(report: &ThemeReport, label_of: &dyn Fn(Option<usize>) -> String) -> String {
    let (w, hgt, pad) = (900.0, 520.0, 24.0);
    let xs = report.map.iter().map(|(_, p)| p[0]);
    let ys = report.map.iter().map(|(_, p)| p[1]);
    let (min_x, max_x) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    let (min_y, max_y) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    let span_x = (max_x - min_x).max(1e-9);
    let span_y = (max_y - min_y).max(1e-9);
    let mut svg = format!(
        "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{hgt}\" viewBox=\"0 0 {w} {hgt}\" role=\"img\" aria-label=\"2-D map of the passages\">\n"
    );
    for (item, p) in report.map.iter().map(|(i, p)| (&report.items[*i], p)) {
        let x = pad + (p[0] - min_x) / span_x * (w - 2.0 * pad);
        let y = pad + (p[1] - min_y) / span_y * (hgt - 2.0 * pad);
        let _ = writeln!(
            svg,
            "<circle class=\"point\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{}\" fill-opacity=\"0.8\" stroke=\"#fff\"><title>{} [{}]\n{}</title></circle>",
            colour(item.cluster),
            esc(&item.id),
            esc(&label_of(item.cluster)),
            esc(&excerpt(&item.text, 300))
        );
    }
    svg.push_str("</svg>\n");
    svg
}
