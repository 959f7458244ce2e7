//! What the index commands print: the line an add or a removal ends with, an index's or
//! store's description (`index stats`) and what `index verify` found, as a table for
//! people or JSON for programs.

use super::TextFormat;
use crate::app::index::{Added, Removed, Verification};
use crate::index::{BackendStats, IndexSettings, SearchMode, Shard, StoreStats};
use anyhow::Result;
use serde_json::json;
use std::io::Write;

/// The one line an add ends with.
pub fn added_line(added: &Added, shard: Shard) -> String {
    let summary = &added.summary;
    format!(
        "{} documents added ({} passages embedded), {} removed, {} unchanged{}{}; {}; the {} holds {} documents, {} passages",
        summary.documents_added,
        summary.passages_embedded,
        summary.documents_removed,
        summary.unchanged,
        if summary.changed_kept > 0 {
            format!(
                ", {} changed but kept as indexed (--sync replaces them)",
                summary.changed_kept
            )
        } else {
            String::new()
        },
        if summary.other_shards > 0 {
            format!(", {} left to other shards (shard {shard})", summary.other_shards)
        } else {
            String::new()
        },
        added.search_note,
        added.noun,
        added.documents,
        added.passages,
    )
}

/// The one line a removal ends with.
pub fn removed_line(removed: &Removed) -> String {
    let note = removed
        .search_note
        .as_ref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    format!(
        "{} documents removed{note}; the {} holds {} documents, {} passages",
        removed.documents_removed, removed.noun, removed.documents, removed.passages
    )
}

/// `index stats`: what an index or store holds.
pub fn write_stats(out: &mut impl Write, stats: &StoreStats, format: TextFormat) -> Result<()> {
    match format {
        TextFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&stats_json(stats))?)?,
        TextFormat::Table => write_stats_table(out, stats)?,
    }
    Ok(())
}

/// `index verify`: the problems found and the recall measured.
pub fn write_verification(
    out: &mut impl Write,
    found: &Verification,
    format: TextFormat,
) -> Result<()> {
    match format {
        TextFormat::Json => {
            let value = json!({
                "index": found.name,
                "passages": found.passages,
                "ok": found.ok(),
                "problems": found.problems,
                "recall": found.recall.as_ref().map(|r| json!({"k": r.k, "queries": r.queries, "recall": r.recall})),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?
        }
        TextFormat::Table => {
            for p in &found.problems {
                writeln!(out, "problem: {p}")?;
            }
            if let Some(r) = &found.recall {
                writeln!(
                    out,
                    "recall@{} of the ANN against exact search: {:.4} ({} stored passages as queries)",
                    r.k, r.recall, r.queries
                )?;
            }
            writeln!(out, "{}", if found.ok() { "ok" } else { "problems found" })?;
        }
    }
    Ok(())
}

fn settings_json(s: &IndexSettings) -> serde_json::Value {
    json!({
        "passage_prompt": s.passage_prompt,
        "max_tokens": s.max_tokens,
        "overlap": s.overlap,
        "min_chars": s.min_chars,
        "keep_all": s.keep_all,
        "keep_duplicates": s.keep_duplicates,
    })
}

fn stats_json(stats: &StoreStats) -> serde_json::Value {
    let s = &stats.settings;
    let mut value = json!({
        "documents": stats.documents,
        "passages": stats.passages,
        "model": s.model,
        "model_fingerprint": s.fingerprint,
        "dimensions": s.dim,
        "settings": settings_json(s),
    });
    let extra = match &stats.backend {
        BackendStats::Directory {
            dir,
            ann_current,
            search,
            bytes_on_disk,
        } => json!({
            "index": dir,
            "ann": s.ann,
            "ann_current": ann_current,
            "search": search,
            "bytes_on_disk": bytes_on_disk,
        }),
        BackendStats::Postgres {
            name,
            server,
            pgvector,
            vector_type,
            table_bytes,
            hnsw_bytes,
            cluster,
        } => json!({
            "store": name,
            "hnsw": {
                "m": s.ann.connectivity,
                "ef_construction": s.ann.expansion_add,
                "ef_search": s.ann.expansion_search,
                "built": hnsw_bytes.is_some(),
            },
            "postgresql": server,
            "pgvector": pgvector,
            "vector_type": vector_type,
            "table_bytes": table_bytes,
            "hnsw_bytes": hnsw_bytes,
            "citus": cluster.as_ref().map(|c| json!({
                "version": c.citus,
                "workers": c.workers,
                "shards": c.shards,
            })),
        }),
    };
    if let (Some(value), serde_json::Value::Object(extra)) = (value.as_object_mut(), extra) {
        value.extend(extra);
    }
    value
}

fn write_stats_table(out: &mut impl Write, stats: &StoreStats) -> Result<()> {
    let s = &stats.settings;
    let mib = |bytes: u64| bytes as f64 / 1048576.0;
    match &stats.backend {
        BackendStats::Directory { dir, .. } => writeln!(out, "index       {}", dir.display())?,
        BackendStats::Postgres { name, .. } => writeln!(out, "store       {name}")?,
    }
    writeln!(out, "documents   {}", stats.documents)?;
    writeln!(out, "passages    {}", stats.passages)?;
    writeln!(out, "model       {} ({})", s.model, s.fingerprint)?;
    writeln!(out, "dimensions  {}", s.dim)?;
    writeln!(
        out,
        "passages    max {} tokens, overlap {}, min {} chars{}{}",
        s.max_tokens,
        s.overlap,
        s.min_chars,
        if s.keep_all { ", keep all" } else { "" },
        if s.keep_duplicates {
            ", keep duplicates"
        } else {
            ""
        }
    )?;
    match &stats.backend {
        BackendStats::Directory {
            ann_current,
            search,
            bytes_on_disk,
            ..
        } => {
            writeln!(
                out,
                "ann         HNSW M {}, ef_construction {}, ef_search {}, {} storage, {} candidates re-scored{}",
                s.ann.connectivity,
                s.ann.expansion_add,
                s.ann.expansion_search,
                s.ann.quantization,
                s.ann.candidates,
                if *ann_current { "" } else { " (behind the tables: run index add)" }
            )?;
            let search = match search {
                SearchMode::Exact => "exact",
                SearchMode::Ann => "ann",
            };
            writeln!(out, "search      {search}")?;
            writeln!(out, "disk        {:.1} MiB", mib(*bytes_on_disk))?;
        }
        BackendStats::Postgres {
            server,
            pgvector,
            vector_type,
            table_bytes,
            hnsw_bytes,
            cluster,
            ..
        } => {
            writeln!(
                out,
                "hnsw        M {}, ef_construction {}, ef_search {}{}",
                s.ann.connectivity,
                s.ann.expansion_add,
                s.ann.expansion_search,
                if hnsw_bytes.is_some() {
                    ""
                } else {
                    " (not built yet: run index add)"
                }
            )?;
            writeln!(out, "server      PostgreSQL {server}, pgvector {pgvector}")?;
            if let Some(c) = cluster {
                writeln!(
                    out,
                    "cluster     Citus {}, {} workers, {} shards (by document id)",
                    c.citus, c.workers, c.shards
                )?;
            }
            writeln!(out, "vectors     {vector_type}({})", s.dim)?;
            writeln!(
                out,
                "disk        {:.1} MiB tables, {:.1} MiB HNSW",
                mib(*table_bytes),
                mib(hnsw_bytes.unwrap_or(0))
            )?;
        }
    }
    Ok(())
}
