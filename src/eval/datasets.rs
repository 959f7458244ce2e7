//! The dataset files `silica eval` reads: JSONL rows (one-line errors naming the file and
//! line), retrieval sets, labels by the source name the corpus reader gives each row.

use super::RetrievalSet;
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The non-blank rows of a JSONL file with their 1-based line numbers.
pub fn read_jsonl_rows(path: &Path) -> Result<Vec<(usize, Value)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|row| (i + 1, row))
                .map_err(|e| anyhow::anyhow!("{}:{}: not JSON ({e})", path.display(), i + 1))
        })
        .collect()
}

/// The non-blank rows of a JSONL file.
pub fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    Ok(read_jsonl_rows(path)?
        .into_iter()
        .map(|(_, row)| row)
        .collect())
}

/// A row's field as text (a number written out), or an error naming the file and line.
pub fn field(row: &Value, name: &str, path: &Path, line: usize) -> Result<String> {
    match &row[name] {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => bail!("{}:{line}: no {name:?} field", path.display()),
    }
}

/// A retrieval set from three JSONL files: queries and corpus rows with `id` and `text`,
/// qrels rows with `query_id` and `doc_id`.
pub fn read_jsonl_set(queries: &Path, corpus: &Path, qrels: &Path) -> Result<RetrievalSet> {
    let q = read_jsonl(queries)?;
    let c = read_jsonl(corpus)?;
    let r = read_jsonl(qrels)?;
    let mut doc_index = std::collections::HashMap::new();
    let mut set = RetrievalSet {
        queries: Vec::new(),
        corpus: Vec::new(),
        relevant: Vec::new(),
    };
    for (i, row) in c.iter().enumerate() {
        doc_index.insert(field(row, "id", corpus, i + 1)?, set.corpus.len());
        set.corpus.push(field(row, "text", corpus, i + 1)?);
    }
    let mut query_index = std::collections::HashMap::new();
    for (i, row) in q.iter().enumerate() {
        query_index.insert(field(row, "id", queries, i + 1)?, set.queries.len());
        set.queries.push(field(row, "text", queries, i + 1)?);
        set.relevant.push(Vec::new());
    }
    for (i, row) in r.iter().enumerate() {
        let qid = field(row, "query_id", qrels, i + 1)?;
        let did = field(row, "doc_id", qrels, i + 1)?;
        let qi = *query_index
            .get(&qid)
            .with_context(|| format!("{}:{}: unknown query {qid:?}", qrels.display(), i + 1))?;
        let di = *doc_index
            .get(&did)
            .with_context(|| format!("{}:{}: unknown document {did:?}", qrels.display(), i + 1))?;
        set.relevant[qi].push(di);
    }
    Ok(set)
}

/// The labels of a JSONL file's rows, by the source name the corpus reader gives each row
/// (`FILE:LINE`).
pub fn labels_by_source(path: &Path, field_name: &str) -> Result<HashMap<String, String>> {
    read_jsonl_rows(path)?
        .into_iter()
        .map(|(line, row)| {
            let label = field(&row, field_name, path, line)?;
            Ok((format!("{}:{line}", path.display()), label))
        })
        .collect()
}
