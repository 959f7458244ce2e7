//! What `passages` prints: the passages a corpus is cut into, or the lines cleaning
//! dropped, as a table for people or JSON lines for programs; and the counts line.

use crate::corpus::Corpus;
use anyhow::Result;
use std::io::Write;

/// What is listed, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    PassagesTable,
    PassagesJsonl,
    DroppedTable,
    DroppedJsonl,
}

/// The corpus's passages or dropped lines.
pub fn write_corpus(out: &mut impl Write, corpus: &Corpus, listing: Listing) -> Result<()> {
    match listing {
        Listing::PassagesJsonl => {
            for p in &corpus.passages {
                serde_json::to_writer(&mut *out, p)?;
                out.write_all(b"\n")?;
            }
        }
        Listing::DroppedJsonl => {
            for d in &corpus.dropped {
                serde_json::to_writer(&mut *out, d)?;
                out.write_all(b"\n")?;
            }
        }
        Listing::PassagesTable => write_passage_table(out, corpus)?,
        Listing::DroppedTable => {
            for d in &corpus.dropped {
                writeln!(out, "{}:{}\t{}\t{}", d.source, d.line, d.reason, d.text)?;
            }
        }
    }
    Ok(())
}

/// "5 documents (5 dated), 40 passages, 12 lines dropped, 0 duplicate passages (...)".
pub fn corpus_summary(corpus: &Corpus, kept_duplicates: bool) -> String {
    format!(
        "{} documents ({} dated), {} passages, {} lines dropped, {} duplicate passages{}",
        corpus.documents.len(),
        corpus.documents.iter().filter(|d| d.date.is_some()).count(),
        corpus.passages.len(),
        corpus.dropped.len(),
        corpus.duplicates,
        if kept_duplicates {
            " (kept)"
        } else {
            " (embedded once)"
        }
    )
}

fn write_passage_table(out: &mut impl Write, corpus: &Corpus) -> Result<()> {
    writeln!(
        out,
        "{:<40} {:>4} {:>6} {:>13}  text",
        "id", "lang", "tokens", "chars"
    )?;
    for p in &corpus.passages {
        let flat = p.input.clone();
        let shown: String = flat.chars().take(90).collect();
        let more = if flat.chars().count() > 90 { "…" } else { "" };
        let dups = if p.duplicates.is_empty() {
            String::new()
        } else {
            format!("  (+{} duplicate)", p.duplicates.len())
        };
        writeln!(
            out,
            "{:<40} {:>4} {:>6} {:>13}  {shown}{more}{dups}",
            p.id,
            p.lang.as_deref().unwrap_or("?"),
            p.tokens,
            format!("{}-{}", p.start, p.end)
        )?;
    }
    Ok(())
}
