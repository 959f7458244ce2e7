//! The index in PostgreSQL with pgvector (`--store postgres://...`): the same documents,
//! passages, vectors and settings as an index directory, in tables that several processes
//! (on several machines) fill at once and that the server's HNSW index searches.
//!
//! - [`schema`]: the tables, created and migrated by silica (versioned), under an advisory
//!   lock so that shards starting together do not race.
//! - [`citus`]: the same tables distributed by document id when the server is a Citus
//!   coordinator.
//! - this file: connecting (a pool of connections), the settings check, writes (each batch
//!   of documents one transaction: documents inserted with `ON CONFLICT DO NOTHING`, their
//!   passages by binary COPY), removals, and the HNSW index.
//! - [`query`]: nearest neighbours (HNSW with `hnsw.ef_search`, or a sequential scan), with
//!   the filters in SQL; passages for themes; recall against exact search.
//!
//! Why idempotent inserts rather than a claim/lease table: shards own documents by a hash
//! of their id ([`super::Shard`]), so two shards never write the same document, and a batch
//! is one transaction, so a killed shard leaves whole documents only. A re-run plans
//! against what is committed and adds the rest; were two processes given the same shard,
//! the second's insert of a document waits for the first's transaction, then does nothing,
//! and only the documents it did insert get passages. A lease table would add a second
//! source of truth (and expiry times to tune) for no case this does not cover.

pub mod citus;
mod ingest;
mod lexical;
pub mod query;
mod read;
pub mod schema;
mod tls;

use super::{
    DocumentSink, FileStamp, IndexError, IndexSettings, NewDocument, Setting, SettingDifference,
    StoredEntry,
};
use crate::corpus::KnownPassages;
use anyhow::{Context, Result};
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use postgres::Config;
use r2d2_postgres::r2d2;
use r2d2_postgres::PostgresConnectionManager;
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

pub use citus::{ClusterFacts, Layout};
pub use lexical::{PgLexical, TermVector};
pub use query::PgSearch;
pub use schema::{VectorChoice, VectorType};

type Pool = r2d2::Pool<PostgresConnectionManager<tls::MakeRustlsConnect>>;
pub type PgConnection = r2d2::PooledConnection<PostgresConnectionManager<tls::MakeRustlsConnect>>;

/// Whether a `--index` value or `SILICA_STORE` names a PostgreSQL store.
pub fn is_store_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    }
    .split("password=")
    .next()
    .unwrap_or_default()
    .trim_end_matches(['&', '?'])
    .to_string()
}

/// One line for a driver error: the server's message (with its detail and hint) for a
/// server error, else the driver's chain.
pub fn pg_message(err: &postgres::Error) -> String {
    if let Some(db) = err.as_db_error() {
        let mut s = db.message().to_string();
        if let Some(d) = db.detail() {
            s.push_str(&format!(" ({d})"));
        }
        if let Some(h) = db.hint() {
            s.push_str(&format!("; {h}"));
        }
        return s;
    }
    let mut s = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(e) = source {
        s.push_str(&format!(": {e}"));
        source = e.source();
    }
    s
}

/// A PostgreSQL store, open: a pool of connections and the settings its vectors were made
/// with.
pub struct PgStore {
    pool: Pool,
    /// The URL without its password, for messages.
    pub name: String,
    pub settings: IndexSettings,
    /// The server's pgvector version.
    pub pgvector: String,
    /// The column type the vectors are stored in.
    pub vectors: VectorType,
    /// That type as this server numbers it (an extension type has no fixed OID), for
    /// binary COPY.
    vector_oid: Type,
    /// One server, or a Citus cluster through its coordinator.
    pub layout: Layout,
}

impl PgStore {
    /// Connects to `url`, creating the tables with `settings` when new (vectors in the type
    /// `choice` gives on this server); a store made with other settings, or holding another
    /// vector type than one asked for by name, is refused, naming each difference.
    pub fn open_or_create(
        url: &str,
        settings: &IndexSettings,
        choice: VectorChoice,
    ) -> Result<Self> {
        let (pool, name) = connect(url)?;
        let mut conn = get(&pool, &name)?;
        let layout = Layout::of(&mut *conn).with_context(|| name.clone())?;
        let pgvector = schema::require_pgvector(&mut conn, true).with_context(|| name.clone())?;
        let wanted = choice
            .for_new_store(&pgvector)
            .with_context(|| name.clone())?;
        let migrated =
            schema::migrate(&mut conn, settings, wanted, layout).with_context(|| name.clone())?;
        if let Some(existing) = &migrated.existing {
            let mut differences = existing.differences(settings);
            if choice != VectorChoice::Auto && migrated.vectors != wanted {
                differences.push(SettingDifference {
                    setting: Setting::VectorType,
                    stored: migrated.vectors.sql().to_string(),
                    run: wanted.sql().to_string(),
                });
            }
            if !differences.is_empty() {
                return Err(IndexError::OtherSettings {
                    name,
                    noun: "store",
                    differences,
                }
                .into());
            }
        }
        let vector_oid = type_oid(&mut conn, migrated.vectors).with_context(|| name.clone())?;
        drop(conn);
        let store = Self {
            pool,
            name,
            settings: migrated.existing.unwrap_or_else(|| settings.clone()),
            pgvector,
            vectors: migrated.vectors,
            vector_oid,
            layout,
        };
        store.fill_terms()?;
        Ok(store)
    }

    /// Connects to an existing store.
    pub fn open(url: &str) -> Result<Self> {
        let (pool, name) = connect(url)?;
        let mut conn = get(&pool, &name)?;
        let layout = Layout::of(&mut *conn).with_context(|| name.clone())?;
        let pgvector = schema::require_pgvector(&mut conn, false).with_context(|| name.clone())?;
        let (settings, vectors) = schema::read_settings(&mut conn)
            .with_context(|| name.clone())?
            .ok_or_else(|| IndexError::NoStore { name: name.clone() })?;
        let vector_oid = type_oid(&mut conn, vectors).with_context(|| name.clone())?;
        drop(conn);
        Ok(Self {
            pool,
            name,
            settings,
            pgvector,
            vectors,
            vector_oid,
            layout,
        })
    }

    /// Whether the server's HNSW scans can continue until enough rows pass the filters.
    pub fn has_iterative_scan(&self) -> bool {
        schema::version_of(&self.pgvector) >= schema::ITERATIVE_SCAN_SINCE
    }

    /// A connection from the pool.
    pub fn conn(&self) -> Result<PgConnection> {
        get(&self.pool, &self.name)
    }

    /// Runs `f` on a pooled connection, naming the store in its error.
    fn with_conn<T>(&self, f: impl FnOnce(&mut PgConnection) -> Result<T>) -> Result<T> {
        let mut conn = self.conn()?;
        f(&mut conn).map_err(|e| self.failed(e))
    }

    /// `err` named after the store and, on a cluster, after the workers that do not answer
    /// (asked on a fresh connection: the coordinator may have dropped the one that failed).
    pub fn failed(&self, err: anyhow::Error) -> anyhow::Error {
        let down = match self.layout {
            Layout::Single => Vec::new(),
            Layout::Citus => self
                .conn()
                .map(|mut c| citus::unreachable_workers(&mut *c))
                .unwrap_or_default(),
        };
        match down.as_slice() {
            [] => err.context(self.name.clone()),
            [one] => err.context(format!("{}: worker {one} does not answer", self.name)),
            many => err.context(format!(
                "{}: workers {} do not answer",
                self.name,
                many.join(", ")
            )),
        }
    }

    /// (documents, passages).
    pub fn counts(&self) -> Result<(usize, usize)> {
        self.with_conn(|c| {
            let row = c
                .query_one(
                    "SELECT (SELECT count(*) FROM silica_documents), (SELECT count(*) FROM silica_passages)",
                    &[],
                )
                .map_err(db)?;
            Ok((row.get::<_, i64>(0) as usize, row.get::<_, i64>(1) as usize))
        })
    }

    /// Every stored document's id and hash (of its text and title), for the add plan.
    pub fn document_hashes(&self) -> Result<HashMap<String, String>> {
        self.with_conn(|c| {
            let rows = c
                .query("SELECT id, hash FROM silica_documents", &[])
                .map_err(db)?;
            Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
        })
    }

    /// The ids of the documents read from `source` (a file, or one row's `file:LINE`) or
    /// with id `id`.
    pub fn matching_documents(
        &self,
        source: Option<&str>,
        id: Option<&str>,
    ) -> Result<Vec<String>> {
        self.with_conn(|c| {
            let rows = c
                .query(
                    "SELECT id FROM silica_documents
                     WHERE ($1::text IS NOT NULL AND (file = $1 OR source = $1)) OR id = $2
                     ORDER BY id",
                    &[&source, &id],
                )
                .map_err(db)?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    /// Marks this process as loading until the guard is dropped (a shared advisory lock on
    /// its own connection, released by the server if the process dies), so that a shard
    /// that finishes first leaves the HNSW build to the last one ([`PgStore::ensure_hnsw`]).
    pub fn loading(&self) -> Result<LoadGuard> {
        let mut conn = self.conn()?;
        conn.execute("SELECT pg_advisory_lock_shared($1)", &[&schema::LOAD_LOCK])
            .map_err(db)
            .with_context(|| self.name.clone())?;
        Ok(LoadGuard { conn: Some(conn) })
    }

    /// Builds the HNSW index over the vectors (cosine distance) unless it exists or another
    /// process is still loading (it builds it when it ends); later rows are added to it by
    /// the server as they are inserted. Done after a bulk load, as pgvector builds an index
    /// over loaded rows much faster than it grows one row by row.
    pub fn ensure_hnsw(&self) -> Result<HnswState> {
        let (m, ef) = (
            self.settings.ann.connectivity,
            self.settings.ann.expansion_add,
        );
        self.with_conn(|c| {
            let mut tx = c.transaction().map_err(db)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&schema::LOCK])
                .map_err(db)?;
            if schema::hnsw_exists(&mut tx)? {
                return Ok(HnswState::Exists);
            }
            let alone: bool = tx
                .query_one(
                    "SELECT pg_try_advisory_xact_lock($1)",
                    &[&schema::LOAD_LOCK],
                )
                .map_err(db)?
                .get(0);
            if !alone {
                return Ok(HnswState::LeftToOtherLoaders);
            }
            // The graph is built in memory when it fits: a build that spills to disk is
            // many times slower. Room for every vector and its links (pgvector's layout,
            // with a fifth more for its overheads), up to 4 GiB, never below the server's
            // own setting. On Citus each shard's index is built alone, so the room is a
            // shard's.
            let passages: i64 = tx
                .query_one("SELECT count(*) FROM silica_passages", &[])
                .map_err(db)?
                .get(0);
            let per_build = passages / self.shards(&mut tx)?.max(1) as i64;
            let dim = self.settings.dim as i64;
            let per_vector = dim * self.vectors.bytes_per_dim() as i64 + 2 * m as i64 * 8 + 128;
            let wanted_mib = (per_build * per_vector * 6 / 5 / 1_048_576 + 64).min(4096);
            let more: bool = tx
                .query_one(
                    "SELECT pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)",
                    &[&format!("{wanted_mib}MB")],
                )
                .map_err(db)?
                .get(0);
            if more {
                tx.batch_execute(&self.layout.settings_sql(&format!(
                    "SET LOCAL maintenance_work_mem = '{wanted_mib}MB'"
                )))
                .map_err(db)?;
            }
            tx.batch_execute(&format!(
                "CREATE INDEX {} ON silica_passages USING hnsw (embedding {})
                 WITH (m = {m}, ef_construction = {ef})",
                schema::HNSW_INDEX,
                self.vectors.cosine_ops()
            ))
            .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(HnswState::Built)
        })
    }

    /// Server facts for `index stats`: PostgreSQL's version, bytes of the tables and of the
    /// HNSW index (None when not built), summed over the shards on a cluster, and the
    /// cluster itself.
    pub fn server_facts(&self) -> Result<ServerFacts> {
        let size = match self.layout {
            Layout::Single => "pg_total_relation_size",
            Layout::Citus => "citus_total_relation_size",
        };
        self.with_conn(|c| {
            let hnsw = schema::hnsw_valid(c)?.is_some();
            let row = c
                .query_one(
                    &format!(
                        "SELECT current_setting('server_version'),
                            {size}('silica_documents') + {size}('silica_passages')"
                    ),
                    &[],
                )
                .map_err(db)?;
            // An index's own size: on a cluster, summed over its shards' indexes.
            let hnsw_bytes = if !hnsw {
                None
            } else {
                let sql = match self.layout {
                    Layout::Single => "SELECT pg_relation_size($1::text::regclass)",
                    Layout::Citus => "SELECT citus_relation_size($1::text::regclass)",
                };
                let bytes: i64 = c.query_one(sql, &[&schema::HNSW_INDEX]).map_err(db)?.get(0);
                Some(bytes as u64)
            };
            let cluster = match self.layout {
                Layout::Single => None,
                Layout::Citus => Some(ClusterFacts::read(&mut **c)?),
            };
            Ok(ServerFacts {
                server: row.get(0),
                table_bytes: row.get::<_, i64>(1) as u64,
                hnsw_bytes,
                cluster,
            })
        })
    }

    /// How many pieces the passages are stored in: 1 on one server, the shard count on a
    /// cluster.
    fn shards(&self, conn: &mut impl postgres::GenericClient) -> Result<usize> {
        Ok(match self.layout {
            Layout::Single => 1,
            Layout::Citus => ClusterFacts::read(conn)?.shards,
        })
    }

    /// The tables' invariants and the HNSW index's state, one line per problem.
    pub fn check(&self) -> Result<Vec<String>> {
        self.with_conn(|c| {
            let mut problems = Vec::new();
            let empty: i64 = c
                .query_one(
                    "SELECT count(*) FROM silica_documents d
                     WHERE NOT EXISTS (SELECT 1 FROM silica_passages p WHERE p.document = d.id)",
                    &[],
                )
                .map_err(db)?
                .get(0);
            if empty > 0 {
                problems.push(format!("{empty} documents have no passage"));
            }
            let dupes: i64 = c
                .query_one(
                    "SELECT count(*) FROM (SELECT id FROM silica_passages GROUP BY id HAVING count(*) > 1) t",
                    &[],
                )
                .map_err(db)?
                .get(0);
            if dupes > 0 {
                problems.push(format!("{dupes} passage ids are stored more than once"));
            }
            problems.extend(self.lexical_problems(c)?);
            match schema::hnsw_valid(c)? {
                None => problems.push(
                    "no HNSW index over the vectors (run `silica index add` to build it)".into(),
                ),
                Some(false) => problems.push(
                    "the HNSW index is invalid (a build was interrupted): drop it and run `silica index add`"
                        .into(),
                ),
                Some(true) => {}
            }
            Ok(problems)
        })
    }
}

/// What [`PgStore::server_facts`] reads.
pub struct ServerFacts {
    /// PostgreSQL's version.
    pub server: String,
    pub table_bytes: u64,
    /// None when the HNSW index is not built.
    pub hnsw_bytes: Option<u64>,
    /// The Citus cluster holding the store, if any.
    pub cluster: Option<ClusterFacts>,
}

/// What [`PgStore::ensure_hnsw`] found or did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HnswState {
    Built,
    Exists,
    /// Other processes are loading: the last of them builds it.
    LeftToOtherLoaders,
}

/// Held while a process loads ([`PgStore::loading`]).
pub struct LoadGuard {
    conn: Option<PgConnection>,
}

impl Drop for LoadGuard {
    fn drop(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            // A connection that cannot unlock is broken; the server drops its locks with it.
            let _ = conn.execute(
                "SELECT pg_advisory_unlock_shared($1)",
                &[&schema::LOAD_LOCK],
            );
        }
    }
}

impl DocumentSink for PgStore {
    fn dim(&self) -> usize {
        self.settings.dim
    }

    fn stored(&self) -> Result<Vec<StoredEntry>> {
        self.stored_entries()
    }

    fn file_stamps(&self, scope: &str) -> Result<HashMap<String, FileStamp>> {
        self.stamps_of(scope)
    }

    fn record_stamps(&mut self, scope: &str, stamps: &[(String, FileStamp)]) -> Result<()> {
        self.stamp(scope, stamps)
    }

    fn line_counts(&self, lines: &[u64]) -> Result<(usize, HashMap<u64, usize>)> {
        self.counts_of_lines(lines)
    }

    fn record_lines(&mut self, docs: &[(String, Vec<u64>)]) -> Result<()> {
        self.lines_of(docs)
    }

    fn fill_passage_keys(&mut self) -> Result<usize> {
        self.fill_keys()
    }

    fn known_passages(&self) -> Result<Box<dyn KnownPassages>> {
        self.known()
    }

    /// The documents, their passages and the stamps of their files (a file any of whose
    /// documents goes is read whole again next time), in one transaction.
    fn remove(&mut self, ids: &[String]) -> Result<usize> {
        self.with_conn(|c| {
            let mut tx = c.transaction().map_err(db)?;
            tx.execute(
                "DELETE FROM silica_files WHERE file IN (SELECT file FROM silica_documents WHERE id = ANY($1))",
                &[&ids],
            )
            .map_err(db)?;
            lexical::record_removal(&mut tx, ids)?;
            let n = tx
                .execute("DELETE FROM silica_documents WHERE id = ANY($1)", &[&ids])
                .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(n as usize)
        })
    }

    /// One transaction: the documents not yet stored are inserted (a document another
    /// process committed meanwhile is left as it is), then the passages of those inserted,
    /// by binary COPY.
    fn write(&mut self, docs: &[NewDocument<'_>]) -> Result<()> {
        let dim = self.settings.dim;
        let vector_oid = self.vector_oid.clone();
        let vectors = self.vectors;
        self.with_conn(|c| {
            let mut tx = c.transaction().map_err(db)?;
            let ids: Vec<&str> = docs.iter().map(|d| d.id).collect();
            let sources: Vec<&str> = docs.iter().map(|d| d.source).collect();
            let files: Vec<&str> = docs.iter().map(|d| d.file).collect();
            let hashes: Vec<&str> = docs.iter().map(|d| d.hash).collect();
            let titles: Vec<Option<&str>> = docs.iter().map(|d| d.title).collect();
            let langs: Vec<Option<&str>> = docs.iter().map(|d| d.lang).collect();
            let dates: Vec<Option<String>> =
                docs.iter().map(|d| d.date.map(|x| x.to_string())).collect();
            let inserted: std::collections::HashSet<String> = tx
                .query(
                    "INSERT INTO silica_documents (id, source, file, hash, title, lang, date, lines_known)
                     SELECT id, source, file, hash, title, lang, date::date, true
                     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                          AS t(id, source, file, hash, title, lang, date)
                     ON CONFLICT (id) DO NOTHING
                     RETURNING id",
                    &[&ids, &sources, &files, &hashes, &titles, &langs, &dates],
                )
                .map_err(db)?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let (line_ids, lines) = ingest::flat_lines(
                docs.iter()
                    .filter(|d| inserted.contains(d.id))
                    .map(|d| (d.id, d.lines)),
            );
            ingest::insert_lines(&mut tx, &line_ids, &lines)?;
            let mut sketches = ingest::Sketches::default();
            let mut langs: Vec<Option<&str>> = Vec::new();
            let mut term_total = 0i64;
            let sink = tx
                .copy_in(
                    "COPY silica_passages (document, ordinal, id, start_byte, end_byte, lang, text, embedding, dedup_key, terms, term_count)
                     FROM STDIN (FORMAT binary)",
                )
                .map_err(db)?;
            let types = [
                Type::TEXT,
                Type::INT4,
                Type::TEXT,
                Type::INT8,
                Type::INT8,
                Type::TEXT,
                Type::TEXT,
                vector_oid,
                Type::BYTEA,
                Type::TS_VECTOR,
                Type::INT4,
            ];
            let mut writer = BinaryCopyInWriter::new(sink, &types);
            for doc in docs.iter().filter(|d| inserted.contains(d.id)) {
                for (ordinal, p) in doc.passages.iter().enumerate() {
                    anyhow::ensure!(
                        p.vector.len() == dim,
                        "passage {}: {} dimensions, the store holds {dim}",
                        p.id,
                        p.vector.len()
                    );
                    let vector = vectors.value(p.vector);
                    let key: Option<&[u8]> = p.key.map(|k| &k.exact[..]);
                    if let Some(k) = p.key {
                        sketches.add(doc.id, ordinal as i32, k);
                    }
                    let terms = lexical::TermVector::of(p.text, p.lang);
                    langs.push(p.lang);
                    term_total += i64::from(terms.count);
                    let row: [&(dyn ToSql + Sync); 11] = [
                        &doc.id,
                        &(ordinal as i32),
                        &p.id,
                        &(p.start as i64),
                        &(p.end as i64),
                        &p.lang,
                        &p.text,
                        vector.as_ref(),
                        &key,
                        &terms,
                        &terms.count,
                    ];
                    writer.write(&row).map_err(db)?;
                }
            }
            writer.finish().map_err(db)?;
            sketches.insert(&mut tx)?;
            lexical::record_languages(&mut tx, &langs)?;
            lexical::record_totals(&mut tx, langs.len() as i64, term_total)?;
            tx.commit().map_err(db)?;
            Ok(())
        })
    }
}

/// A driver error as one line (the server's message when it sent one).
pub fn db(err: postgres::Error) -> anyhow::Error {
    anyhow::anyhow!(pg_message(&err))
}

/// A pool for `url` whose first connection is made now, so that an unreachable server or a
/// refused login is reported at once with the driver's reason.
fn connect(url: &str) -> Result<(Pool, String)> {
    let name = redact(url);
    let tls = tls::tls_url(url).with_context(|| name.clone())?;
    let mut config = Config::from_str(&tls.url)
        .map_err(|e| anyhow::anyhow!("{name}: not a PostgreSQL URL: {e}"))?;
    config.application_name("silica");
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    // The driver's own message names the reason: refused, timed out, no such host,
    // password authentication failed, database does not exist.
    let probe = config
        .connect(tls.connector.clone())
        .map_err(|e| anyhow::anyhow!("{name}: cannot connect: {}", pg_message(&e)))?;
    let manager = PostgresConnectionManager::new(config, tls.connector);
    // A connection not had within 10 s fails the call: with the server gone, the pool
    // would otherwise retry for as long as this allows, and `serve --store` answered a
    // request after 30 s (measured) where 10 s says as much. No caller holds more than two
    // of the four connections, so the wait is never for a busy pool.
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(10))
        .build_unchecked(manager);
    // The probe is not kept: the pool makes its own, on the same settings.
    drop(probe);
    Ok((pool, name))
}

fn get(pool: &Pool, name: &str) -> Result<PgConnection> {
    pool.get()
        .map_err(|e| anyhow::anyhow!("{name}: cannot connect: {e}"))
}

/// pgvector's type `vectors` as this server numbers it (an extension type has no fixed
/// OID), for binary COPY.
fn type_oid(conn: &mut PgConnection, vectors: VectorType) -> Result<Type> {
    let stmt = conn
        .prepare(&format!("SELECT $1::{}", vectors.sql()))
        .map_err(db)?;
    Ok(stmt.params()[0].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_reaches_a_message() {
        assert_eq!(
            redact("postgres://alice:s3cret@db.example:5432/news?sslmode=disable"),
            "postgres://alice@db.example:5432/news?sslmode=disable"
        );
        assert_eq!(
            redact("postgresql://db.example/news"),
            "postgresql://db.example/news"
        );
        assert_eq!(
            redact("postgresql:///news?host=/tmp/x&password=s3cret"),
            "postgresql:///news?host=/tmp/x"
        );
        assert!(is_store_url("postgres://x") && is_store_url("postgresql://x"));
        assert!(!is_store_url("seeds.idx"));
    }
}
