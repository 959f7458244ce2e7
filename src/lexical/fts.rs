//! The passages' terms in an SQLite FTS5 table, ranked by FTS5's BM25 (k1 = 1.2, b = 0.75,
//! fixed by SQLite): the lexical side of a directory index (in its tables' file, written in
//! the same transactions as the vectors) and of a corpus in memory (in an in-memory
//! database). FTS5 keeps the inverted index; what it is fed is [`super::analysis`]'s
//! tagged terms, so the analysis is the crate's, per language, and not FTS5's.

use super::analysis::{analysis_language, passage_terms, query_terms};
use anyhow::{Context, Result};
use rusqlite::{params, Connection};

/// The table (rowid = passage key; contentless: the text is in `passages` already) and the
/// analysis languages it holds terms of. `_` is part of a term (the language tag).
pub const SCHEMA: &str = "
CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5(
    terms, content = '', contentless_delete = 1,
    tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\"
);
CREATE TABLE IF NOT EXISTS passage_term_languages (code TEXT PRIMARY KEY);
";

/// Indexes one passage's terms (in the caller's transaction).
pub fn insert(conn: &Connection, key: i64, text: &str, lang: Option<&str>) -> Result<()> {
    let terms = passage_terms(text, lang).join(" ");
    conn.prepare_cached("INSERT INTO passage_terms (rowid, terms) VALUES (?1, ?2)")?
        .execute(params![key, terms])
        .with_context(|| format!("cannot index the terms of passage {key}"))?;
    conn.prepare_cached("INSERT OR IGNORE INTO passage_term_languages (code) VALUES (?1)")?
        .execute([analysis_language(lang)])?;
    Ok(())
}

/// Removes one passage's terms (in the caller's transaction).
pub fn delete(conn: &Connection, key: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM passage_terms WHERE rowid = ?1")?
        .execute([key])?;
    Ok(())
}

/// The analysis languages of the passages indexed (one may outlive its last passage: a
/// query analysed in it too finds nothing more).
pub fn languages(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT code FROM passage_term_languages ORDER BY code")?;
    let codes = stmt.query_map([], |r| r.get(0))?;
    Ok(codes.collect::<rusqlite::Result<_>>()?)
}

/// How many passages have terms indexed.
pub fn count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM passage_terms", [], |r| r.get(0))?;
    Ok(n as usize)
}

/// The passages matching any of `query`'s terms (analysed in each of the indexed
/// languages), best BM25 first, ties to the smaller key; at most `limit` when given.
/// Scores are positive (FTS5's `bm25()` negated). A query without terms (only stop words,
/// say) matches nothing.
pub fn search(conn: &Connection, query: &str, limit: Option<usize>) -> Result<Vec<(i64, f32)>> {
    let terms = query_terms(query, &languages(conn)?);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    // Terms are letters, digits and `_`, so quoting each makes any of them (`or`, `not`)
    // a plain term.
    let expression = terms
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, -bm25(passage_terms) AS score FROM passage_terms
         WHERE passage_terms MATCH ?1 ORDER BY score DESC, rowid LIMIT ?2",
    )?;
    let limit = limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64);
    let hits = stmt.query_map(params![expression, limit], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)? as f32))
    })?;
    Ok(hits.collect::<rusqlite::Result<_>>()?)
}

/// A lexical index of texts held in memory (an in-memory SQLite database): a corpus
/// searched without an index, and the evaluation. Keys are the texts' positions.
pub struct MemoryTerms {
    conn: Connection,
}

impl MemoryTerms {
    /// Indexes `(text, language)` pairs; the i-th gets key i.
    pub fn build<'a>(texts: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        for (key, (text, lang)) in texts.into_iter().enumerate() {
            insert(&tx, key as i64, text, lang)?;
        }
        tx.commit()?;
        Ok(Self { conn })
    }

    /// As [`search`]: (position, score), best first.
    pub fn search(&self, query: &str, limit: Option<usize>) -> Result<Vec<(usize, f32)>> {
        Ok(search(&self.conn, query, limit)?
            .into_iter()
            .map(|(k, s)| (k as usize, s))
            .collect())
    }

    pub fn languages(&self) -> Result<Vec<String>> {
        languages(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflected_words_and_breaks_ties_by_position() {
        let texts = [
            (
                "Les exportations de semi-conducteurs vers la Chine sont contrôlées.",
                Some("fr"),
            ),
            ("Le chat dort sur le canapé.", Some("fr")),
            (
                "Le contrôle des exportations de puces électroniques se renforce.",
                Some("fr"),
            ),
            ("Le chat dort sur le canapé.", Some("fr")),
            ("Export controls on chips were tightened.", Some("en")),
        ];
        let index = MemoryTerms::build(texts).unwrap();
        assert_eq!(index.languages().unwrap(), ["en", "fr"]);
        let found: Vec<usize> = index
            .search("contrôle des exportations", None)
            .unwrap()
            .iter()
            .map(|h| h.0)
            .collect();
        // Stemming: "contrôlées"/"contrôle", "exportations" match in French; the English
        // passage through the query's English analysis ("export"); the cats do not.
        assert!(found.contains(&0) && found.contains(&2), "{found:?}");
        assert!(!found.contains(&1) && !found.contains(&3), "{found:?}");
        // Equal texts score equally and come in their order, every time.
        for _ in 0..5 {
            let cats = index.search("chat canapé", Some(10)).unwrap();
            assert_eq!(cats.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 3]);
            assert!(cats[0].1 > 0.0 && cats[0].1 == cats[1].1);
        }
        assert_eq!(index.search("chat", Some(1)).unwrap().len(), 1);
        // Only stop words: nothing to match.
        assert!(index.search("le la les", None).unwrap().is_empty());
    }

    #[test]
    fn deleted_passages_are_gone_and_counted() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        insert(&conn, 7, "semiconductor supply chains", Some("en")).unwrap();
        insert(&conn, 9, "supply of rare earths", Some("en")).unwrap();
        assert_eq!(count(&conn).unwrap(), 2);
        delete(&conn, 7).unwrap();
        assert_eq!(count(&conn).unwrap(), 1);
        let hits = search(&conn, "supply", None).unwrap();
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [9]);
    }
}
