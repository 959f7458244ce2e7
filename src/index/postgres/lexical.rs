//! The store's lexical side: each passage's terms in a `tsvector` column beside its vector
//! (written in the same COPY, so the two never disagree), a GIN index over them, and BM25
//! computed in SQL.
//!
//! The terms are silica's own analysis ([`crate::lexical::analysis`]: the passage's
//! language's tokenizer, stop words and stemmer, each term tagged with that language), not
//! PostgreSQL's text search configurations, so a store ranks exactly as an index directory
//! does: the same terms, and the same BM25 as SQLite FTS5's (`k1` 1.2, `b` 0.75, idf
//! `ln((N - df + 0.5) / (df + 0.5))` floored at 1e-6, length = a passage's term count).
//! PostgreSQL's own ranking (`ts_rank`) has no document frequency; BM25 needs one, so a
//! query first counts, through the GIN index, how many passages hold each of its terms.
//!
//! On a Citus cluster the scoring query groups by the distribution column (a passage's
//! document) and so runs whole on every shard, `LIMIT k` included; the counts are summed
//! by the coordinator.

use super::query::{passage_row, ROW_COLUMNS};
use super::{db, PgConnection, PgStore};
use crate::index::passage_store::LexicalSearcher;
use crate::index::{Neighbor, PassageFilters};
use crate::lexical::analysis::{analysis_language, passage_terms, query_terms};
use anyhow::Result;
use bytes::{BufMut, BytesMut};
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use std::collections::BTreeMap;

/// BM25's parameters, FTS5's (which fixes them).
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// tsvector's limits: positions above 16,383 are stored as 16,383, and a lexeme keeps at
/// most 256 of them (PostgreSQL's `MAXENTRYPOS`, `MAXNUMPOS`).
const MAX_POSITION: usize = (1 << 14) - 1;
const MAX_POSITIONS: usize = 256;

/// A passage's terms as a `tsvector`: each distinct term with the positions it occurs at
/// (their number is its frequency), sent in PostgreSQL's binary format (`tsvectorsend`:
/// a count, then each lexeme NUL-terminated with its positions), since the driver has no
/// tsvector type of its own and a text literal would need escaping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermVector {
    /// Sorted by term (bytes), as PostgreSQL keeps them.
    terms: BTreeMap<String, Vec<u16>>,
    /// How many terms the passage has, repeats counted: its length for BM25.
    pub count: i32,
}

impl TermVector {
    /// The terms of a passage in language `lang`.
    pub fn of(text: &str, lang: Option<&str>) -> Self {
        let all = passage_terms(text, lang);
        let mut terms: BTreeMap<String, Vec<u16>> = BTreeMap::new();
        for (i, term) in all.iter().enumerate() {
            let positions = terms.entry(term.clone()).or_default();
            if positions.len() < MAX_POSITIONS {
                positions.push((i + 1).min(MAX_POSITION) as u16);
            }
        }
        // Positions past the cap are all 16,383: keep one, as PostgreSQL would.
        for positions in terms.values_mut() {
            positions.dedup();
        }
        Self {
            terms,
            count: all.len() as i32,
        }
    }
}

impl ToSql for TermVector {
    fn to_sql(
        &self,
        _ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        out.put_i32(self.terms.len() as i32);
        for (term, positions) in &self.terms {
            out.put_slice(term.as_bytes());
            out.put_u8(0);
            out.put_u16(positions.len() as u16);
            for p in positions {
                out.put_u16(*p);
            }
        }
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::TS_VECTOR
    }

    to_sql_checked!();
}

/// Any of `terms`, as tsquery text (`'a' | 'b'`).
fn any_of(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("'{}'", t.replace('\\', "\\\\").replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Records the analysis languages of `langs` (in the caller's transaction), for queries
/// to be analysed in each.
pub fn record_languages(tx: &mut postgres::Transaction<'_>, langs: &[Option<&str>]) -> Result<()> {
    let mut codes: Vec<&str> = langs.iter().map(|l| analysis_language(*l)).collect();
    codes.sort_unstable();
    codes.dedup();
    tx.execute(
        "INSERT INTO silica_term_languages (code) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
        &[&codes],
    )
    .map_err(db)?;
    Ok(())
}

/// Adds `passages` passages holding `terms` terms to the ledger (negative: removed), in
/// the caller's transaction: the rows commit or vanish with the passages they count.
/// Several loaders append their own rows, so none waits for another's.
pub fn record_totals(tx: &mut postgres::Transaction<'_>, passages: i64, terms: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO silica_term_totals (passages, terms) VALUES ($1, $2)",
        &[&passages, &terms],
    )
    .map_err(db)?;
    Ok(())
}

/// Counts the passages of documents `ids` out of the ledger, before they are deleted (in
/// the same transaction).
pub fn record_removal(tx: &mut postgres::Transaction<'_>, ids: &[String]) -> Result<()> {
    let row = tx
        .query_one(
            "SELECT count(*), coalesce(sum(term_count), 0)::int8 FROM silica_passages
             WHERE document = ANY($1) AND terms IS NOT NULL",
            &[&ids],
        )
        .map_err(db)?;
    record_totals(tx, -row.get::<_, i64>(0), -row.get::<_, i64>(1))
}

/// (passages with terms, their terms) from the ledger.
fn totals(c: &mut PgConnection) -> Result<(i64, i64)> {
    let row = c
        .query_one(
            "SELECT coalesce(sum(passages), 0)::int8, coalesce(sum(terms), 0)::int8 FROM silica_term_totals",
            &[],
        )
        .map_err(db)?;
    Ok((row.get(0), row.get(1)))
}

impl PgStore {
    /// Gives terms to the passages stored without them (by a silica from before the
    /// store's lexical side), in batches of one transaction each, then clears the migrated
    /// store's mark (an interrupted fill is taken up by the next `index add`); returns how
    /// many.
    pub(super) fn fill_terms(&self) -> Result<usize> {
        self.with_conn(|c| {
            // Only a migrated store has passages without terms: a new one never looks.
            let pending = c
                .query_opt(
                    "SELECT 1 FROM silica_meta WHERE key = $1",
                    &[&super::schema::TERMS_PENDING],
                )
                .map_err(db)?
                .is_some();
            if !pending {
                return Ok(0);
            }
            let rows = c
                .query(
                    "SELECT document, ordinal, text, lang FROM silica_passages WHERE terms IS NULL",
                    &[],
                )
                .map_err(db)?;
            for chunk in rows.chunks(5_000) {
                let mut tx = c.transaction().map_err(db)?;
                let (mut docs, mut ordinals, mut vectors, mut counts, mut langs) =
                    (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
                for r in chunk {
                    let lang: Option<&str> = r.get(3);
                    let terms = TermVector::of(r.get(2), lang);
                    docs.push(r.get::<_, &str>(0));
                    ordinals.push(r.get::<_, i32>(1));
                    counts.push(terms.count);
                    vectors.push(terms);
                    langs.push(lang);
                }
                tx.execute(
                    "UPDATE silica_passages p SET terms = t.terms, term_count = t.count
                     FROM unnest($1::text[], $2::integer[], $3::tsvector[], $4::integer[])
                          AS t(document, ordinal, terms, count)
                     WHERE p.document = t.document AND p.ordinal = t.ordinal",
                    &[&docs, &ordinals, &vectors, &counts],
                )
                .map_err(db)?;
                record_languages(&mut tx, &langs)?;
                let terms: i64 = counts.iter().map(|&n| i64::from(n)).sum();
                record_totals(&mut tx, chunk.len() as i64, terms)?;
                tx.commit().map_err(db)?;
            }
            c.execute(
                "DELETE FROM silica_meta WHERE key = $1",
                &[&super::schema::TERMS_PENDING],
            )
            .map_err(db)?;
            Ok(rows.len())
        })
    }

    /// The lexical side's problems for `index verify`: passages without terms (the next
    /// `index add` fills them), and a ledger that does not count what the table holds.
    pub(super) fn lexical_problems(&self, c: &mut PgConnection) -> Result<Vec<String>> {
        let row = c
            .query_one(
                "SELECT count(*) FILTER (WHERE terms IS NULL),
                        count(*) FILTER (WHERE terms IS NOT NULL),
                        coalesce(sum(term_count) FILTER (WHERE terms IS NOT NULL), 0)::int8
                 FROM silica_passages",
                &[],
            )
            .map_err(db)?;
        let (without, with, terms): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
        let mut problems = Vec::new();
        if without > 0 {
            problems.push(format!(
                "{without} passages have no terms for lexical search (run `silica index add` to fill them)"
            ));
        }
        let counted = totals(c)?;
        if counted != (with, terms) {
            problems.push(format!(
                "the lexical totals count {} passages and {} terms; the table holds {with} and {terms}",
                counted.0, counted.1
            ));
        }
        Ok(problems)
    }

    /// Folds the ledger into one row (after a load; rows other loaders have not committed
    /// yet are not seen, and stay).
    pub(super) fn compact_totals(&self) -> Result<()> {
        self.with_conn(|c| {
            c.batch_execute(
                "WITH gone AS (DELETE FROM silica_term_totals RETURNING passages, terms)
                 INSERT INTO silica_term_totals (passages, terms)
                 SELECT sum(passages), sum(terms) FROM gone HAVING count(*) > 0",
            )
            .map_err(db)
        })
    }

    /// A BM25 search over the passages `filters` keep: the analysis languages and the
    /// collection's size read once.
    pub fn lexical(&self, filters: PassageFilters) -> Result<PgLexical<'_>> {
        self.with_conn(|c| {
            let languages: Vec<String> = c
                .query("SELECT code FROM silica_term_languages ORDER BY code", &[])
                .map_err(db)?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let (passages, terms) = totals(c)?;
            Ok(PgLexical {
                store: self,
                languages,
                passages: passages as f64,
                mean_length: if passages > 0 {
                    terms as f64 / passages as f64
                } else {
                    1.0
                },
                filters,
            })
        })
    }
}

/// A BM25 search over one store ([`PgStore::lexical`]).
pub struct PgLexical<'a> {
    store: &'a PgStore,
    languages: Vec<String>,
    /// Passages with terms (BM25's N) and their mean term count.
    passages: f64,
    mean_length: f64,
    filters: PassageFilters,
}

impl PgLexical<'_> {
    /// FTS5's idf of a term held by `df` of the passages.
    fn idf(&self, df: i64) -> f64 {
        let df = df as f64;
        let idf = ((self.passages - df + 0.5) / (df + 0.5)).ln();
        if idf <= 0.0 {
            1e-6
        } else {
            idf
        }
    }

    /// One query's `k` best, `skip` (a passage key) left out.
    fn query(
        &self,
        c: &mut PgConnection,
        text: &str,
        k: usize,
        skip: Option<i64>,
    ) -> Result<Vec<Neighbor>> {
        let terms = query_terms(text, &self.languages);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let tsquery = any_of(&terms);
        let counts: BTreeMap<String, i64> = c
            .query(
                "SELECT u.lexeme, count(*) FROM silica_passages p, unnest(p.terms) u
                 WHERE p.terms @@ $1::text::tsquery AND u.lexeme = ANY($2)
                 GROUP BY u.lexeme",
                &[&tsquery, &terms],
            )
            .map_err(db)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let idfs: Vec<f64> = terms
            .iter()
            .map(|t| self.idf(counts.get(t).copied().unwrap_or(0)))
            .collect();
        let (filter_sql, filter_params) = self.filters.sql(6);
        let filters = if filter_sql.is_empty() {
            String::new()
        } else {
            format!("AND {filter_sql}")
        };
        // A term's frequency in a passage is the number of its positions.
        let sql = format!(
            "SELECT {ROW_COLUMNS}, sum(
                 ($3::float8[])[array_position($2::text[], u.lexeme)]
                 * cardinality(u.positions) * {k1p}::float8
                 / (cardinality(u.positions)
                    + {K1}::float8 * (1 - {B}::float8 + {B}::float8 * p.term_count / $4::float8))
             ) AS score
             FROM silica_passages p JOIN silica_documents d ON d.id = p.document
             CROSS JOIN LATERAL unnest(p.terms) u
             WHERE p.terms @@ $1::text::tsquery AND u.lexeme = ANY($2::text[])
               AND ($5::bigint IS NULL OR p.key <> $5) {filters}
             GROUP BY p.document, p.ordinal, d.id
             ORDER BY score DESC, p.key LIMIT {k}",
            k1p = K1 + 1.0,
        );
        let mut params: Vec<&(dyn ToSql + Sync)> =
            vec![&tsquery, &terms, &idfs, &self.mean_length, &skip];
        params.extend(
            filter_params
                .iter()
                .map(|p| p.as_ref() as &(dyn ToSql + Sync)),
        );
        let rows = c.query(&sql, &params).map_err(db)?;
        Ok(rows
            .iter()
            .map(|r| Neighbor {
                score: r.get::<_, f64>(9) as f32,
                passage: passage_row(r),
            })
            .collect())
    }
}

impl LexicalSearcher for PgLexical<'_> {
    fn top_k(&self, texts: &[&str], k: usize, skip: &[Option<i64>]) -> Result<Vec<Vec<Neighbor>>> {
        let mut c = self.store.conn()?;
        texts
            .iter()
            .enumerate()
            .map(|(q, text)| self.query(&mut c, text, k, skip.get(q).copied().flatten()))
            .collect::<Result<_>>()
            .map_err(|e| self.store.failed(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_term_vector_counts_each_term_at_its_positions() {
        let v = TermVector::of("Export controls: controls on exports.", Some("en"));
        assert_eq!(
            v.count as usize,
            passage_terms("Export controls: controls on exports.", Some("en")).len()
        );
        let control = v.terms.get("en_control").expect("stemmed, tagged");
        assert_eq!(control.len(), 2);
        assert!(control.windows(2).all(|w| w[0] < w[1]));
        let keys: Vec<&String> = v.terms.keys().collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn a_tsquery_quotes_every_term() {
        assert_eq!(any_of(&["fr_or".into(), "a'b".into()]), "'fr_or' | 'a''b'");
    }
}
