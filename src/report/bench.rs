//! What `bench` prints: the throughput measured, as a table for people or JSON.

use super::TextFormat;
use crate::app::bench::BenchReport;
use anyhow::Result;
use std::io::Write;

pub fn write_bench(out: &mut impl Write, report: &BenchReport, format: TextFormat) -> Result<()> {
    match format {
        TextFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(report)?)?,
        TextFormat::Table => write_table(out, report)?,
    }
    Ok(())
}

fn write_table(out: &mut impl Write, r: &BenchReport) -> Result<()> {
    let mut rows: Vec<(&str, String)> = vec![
        ("model", r.model.clone()),
        ("weights", r.weights.clone()),
        ("device", r.device.clone()),
        ("threads", r.threads.to_string()),
        ("cpu features", r.cpu_features.join(" ")),
        ("kernel", r.kernel.clone()),
        (
            "build features",
            if r.build_features.is_empty() {
                "cpu only".into()
            } else {
                r.build_features.join(" ")
            },
        ),
        ("batch tokens", r.batch_tokens.to_string()),
        (
            "texts",
            format!(
                "{} ({} tokens, {:.1} per text)",
                r.texts,
                r.tokens,
                r.tokens as f64 / r.texts.max(1) as f64
            ),
        ),
        ("load", format!("{:.2} s", r.load_seconds)),
        (
            "median run",
            format!("{:.2} s (of {})", r.median_seconds, r.runs),
        ),
        (
            "passages/s",
            format!(
                "{:.1} (runs {:.1} to {:.1})",
                r.passages_per_second, r.passages_per_second_range.0, r.passages_per_second_range.1
            ),
        ),
        ("tokens/s", format!("{:.0}", r.tokens_per_second)),
        (
            "peak memory",
            r.peak_rss_mib
                .map(|m| format!("{m:.0} MiB"))
                .unwrap_or_else(|| "unknown".into()),
        ),
    ];
    if let Some(l) = &r.latency {
        rows.push((
            "first vector",
            format!(
                "{:.2} s from process start (median of {} `silica embed` processes, one short text)",
                l.cold_process_seconds, l.processes
            ),
        ));
        rows.push((
            "one text, warm",
            format!(
                "{:.1} ms (median of {} in this process)",
                l.warm_text_ms, l.repeats
            ),
        ));
    }
    for (name, value) in rows {
        writeln!(out, "{name:<15} {value}")?;
    }
    Ok(())
}
