//! What `neighbors` prints: each query's hits ranked, or the related pairs, as a table
//! for people or JSON for programs (scores rounded to 4 decimals).

use super::{excerpt, TextFormat};
use crate::app::neighbors::QueryHits;
use crate::index::{Passage, PassagePair};
use crate::vectors::round4_f32;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// A hit as `neighbors` prints it: its rank, its cosine (4 decimals), the passage.
#[derive(Serialize)]
struct RankedHit<'a> {
    rank: usize,
    score: f32,
    #[serde(flatten)]
    passage: &'a Passage,
}

/// Each query's hits: JSON (one list, or a list per query), or a table per query.
pub fn write_hit_lists(
    out: &mut impl Write,
    lists: &[QueryHits],
    format: TextFormat,
) -> Result<()> {
    let ranked: Vec<Vec<RankedHit>> = lists
        .iter()
        .map(|list| {
            list.hits
                .iter()
                .enumerate()
                .map(|(rank, h)| RankedHit {
                    rank: rank + 1,
                    score: round4_f32(h.score),
                    passage: &h.passage,
                })
                .collect()
        })
        .collect();
    match format {
        TextFormat::Json if ranked.len() == 1 => {
            serde_json::to_writer_pretty(&mut *out, &ranked[0])?;
            writeln!(out)?;
        }
        TextFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &ranked)?;
            writeln!(out)?;
        }
        TextFormat::Table => {
            for (list, hits) in lists.iter().zip(&ranked) {
                writeln!(out, "query: {}", excerpt(&list.query, 100))?;
                for hit in hits {
                    writeln!(
                        out,
                        "  {:>2}. {:.3}  {:<32} {}",
                        hit.rank,
                        hit.score,
                        hit.passage.id,
                        excerpt(&hit.passage.text, 90)
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// A pair as `neighbors --all-pairs` prints it.
#[derive(Serialize)]
struct RoundedPair<'a> {
    score: f32,
    a: &'a Passage,
    b: &'a Passage,
}

/// The related pairs of `neighbors --all-pairs`, best first.
pub fn write_pairs(out: &mut impl Write, pairs: &[PassagePair], format: TextFormat) -> Result<()> {
    match format {
        TextFormat::Json => {
            let list: Vec<RoundedPair> = pairs
                .iter()
                .map(|p| RoundedPair {
                    score: round4_f32(p.score),
                    a: &p.a,
                    b: &p.b,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)?;
        }
        TextFormat::Table => {
            for p in pairs {
                writeln!(out, "{:.3}  {}  ~  {}", p.score, p.a.id, p.b.id)?;
                writeln!(
                    out,
                    "       {}\n       {}",
                    excerpt(&p.a.text, 100),
                    excerpt(&p.b.text, 100)
                )?;
            }
        }
    }
    Ok(())
}
