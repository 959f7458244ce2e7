//! The store's tables, created and migrated by silica, never by hand.
//!
//! Keyed by document id so that the same tables distribute with Citus (every table on the
//! document id, co-located; [`super::citus`]): documents by `id`, passages by
//! `(document, ordinal)`. The
//! `key` columns are identities that give each row a number for the shared result types;
//! no constraint relies on them.

use super::citus::{self, Layout};
use super::{db, PgConnection};
use crate::index::IndexSettings;
use anyhow::{bail, Context, Result};
use pgvector::{HalfVector, Vector};
use postgres::types::ToSql;

/// Bumped when the tables change. An older store is brought up to it by [`MIGRATIONS`]
/// when opened for writing; a newer one is refused.
pub const SCHEMA_VERSION: i32 = 3;

/// What `index add` compares new documents with: each document's short lines, each
/// passage's duplicate key and sketch, and the files last read whole (version 2). Run on a
/// new store too, after [`tables`]; older documents are filled in by the next `index add`.
const INGEST_STATE: &str = "
    ALTER TABLE silica_documents ADD COLUMN IF NOT EXISTS lines_known boolean NOT NULL DEFAULT false;
    ALTER TABLE silica_passages ADD COLUMN IF NOT EXISTS dedup_key bytea;
    CREATE INDEX IF NOT EXISTS silica_passages_dedup_key ON silica_passages (dedup_key);
    CREATE TABLE IF NOT EXISTS silica_passage_sketches (
        document text NOT NULL,
        ordinal integer NOT NULL,
        hash bigint NOT NULL,
        FOREIGN KEY (document, ordinal) REFERENCES silica_passages (document, ordinal) ON DELETE CASCADE
    );
    CREATE INDEX IF NOT EXISTS silica_passage_sketches_hash ON silica_passage_sketches (hash);
    CREATE INDEX IF NOT EXISTS silica_passage_sketches_passage ON silica_passage_sketches (document, ordinal);
    CREATE TABLE IF NOT EXISTS silica_document_lines (
        document text NOT NULL REFERENCES silica_documents (id) ON DELETE CASCADE,
        line bigint NOT NULL,
        PRIMARY KEY (document, line)
    );
    CREATE INDEX IF NOT EXISTS silica_document_lines_line ON silica_document_lines (line);
    CREATE TABLE IF NOT EXISTS silica_files (
        scope text NOT NULL,
        file text NOT NULL,
        size bigint NOT NULL,
        mtime_ns bigint NOT NULL,
        hash text NOT NULL,
        stamped_ns bigint NOT NULL,
        PRIMARY KEY (scope, file)
    );";

/// The lexical side (version 3; [`super::lexical`]): each passage's terms and their count,
/// a GIN index over them, the analysis languages queries are analysed in, and a ledger of
/// the passages with terms and their terms (one row per write or removal, summed by a
/// query) for BM25's collection size and mean length. Passages
/// stored before it get their terms at the next `index add` ([`PgStore::fill_terms`]).
///
/// [`PgStore::fill_terms`]: super::PgStore
const LEXICAL: &str = "
    ALTER TABLE silica_passages ADD COLUMN IF NOT EXISTS terms tsvector;
    ALTER TABLE silica_passages ADD COLUMN IF NOT EXISTS term_count integer;
    CREATE INDEX IF NOT EXISTS silica_passages_terms ON silica_passages USING gin (terms);
    CREATE TABLE IF NOT EXISTS silica_term_languages (code text PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS silica_term_totals (passages bigint NOT NULL, terms bigint NOT NULL);";

/// The version [`LEXICAL`] migrates from: its passages have no terms yet.
const LEXICAL_FROM: i32 = 2;

/// The `silica_meta` key set while passages stored before [`LEXICAL`] await their terms
/// (so that only a migrated store looks for them), removed once they have them.
pub const TERMS_PENDING: &str = "terms_pending";

/// The statements that bring version `n` to `n + 1`, run in one transaction with the
/// version's update.
const MIGRATIONS: &[(i32, &str)] = &[(1, INGEST_STATE), (LEXICAL_FROM, LEXICAL)];

/// The advisory lock held while the schema is created or migrated and while the HNSW
/// index is built, so that shards starting or finishing together do not race.
pub const LOCK: i64 = 0x5_11CA;

/// Held shared by every process while it loads, taken exclusively (without waiting) by the
/// HNSW build: a build only starts when no other load is running.
pub const LOAD_LOCK: i64 = 0x5_11CB;

pub const HNSW_INDEX: &str = "silica_passages_hnsw";

/// The oldest pgvector with what the store uses: HNSW (0.5) and its parallel build (0.6).
const PGVECTOR_MIN: (u32, u32) = (0, 6);

/// The first pgvector with `halfvec`.
pub const HALFVEC_SINCE: (u32, u32) = (0, 7);

/// The first pgvector whose HNSW scans can go on past `ef_search` candidates until enough
/// rows pass the filters (`hnsw.iterative_scan`).
pub const ITERATIVE_SCAN_SINCE: (u32, u32) = (0, 8);

/// A pgvector version as (major, minor).
pub fn version_of(text: &str) -> (u32, u32) {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The column type the vectors are stored in, chosen when the store is created and recorded
/// in `silica_meta` (a store from before the choice existed holds `vector`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VectorType {
    /// pgvector's `vector`: 4 bytes a dimension, the scores silica computes.
    Vector,
    /// pgvector's `halfvec` (0.7 or later): 2 bytes a dimension, for the table and the HNSW
    /// index alike; scores are those of the half-precision vectors.
    Halfvec,
}

impl VectorType {
    pub fn sql(self) -> &'static str {
        match self {
            Self::Vector => "vector",
            Self::Halfvec => "halfvec",
        }
    }

    /// The HNSW operator class for cosine distance.
    pub fn cosine_ops(self) -> &'static str {
        match self {
            Self::Vector => "vector_cosine_ops",
            Self::Halfvec => "halfvec_cosine_ops",
        }
    }

    /// `vector` as a value of this type, for a query parameter or a COPY row.
    pub fn value(self, vector: &[f32]) -> Box<dyn ToSql + Sync> {
        match self {
            Self::Vector => Box::new(Vector::from(vector.to_vec())),
            Self::Halfvec => Box::new(HalfVector::from_f32_slice(vector)),
        }
    }

    pub fn bytes_per_dim(self) -> usize {
        match self {
            Self::Vector => 4,
            Self::Halfvec => 2,
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "vector" => Ok(Self::Vector),
            "halfvec" => Ok(Self::Halfvec),
            other => bail!("the store's vector type {other:?} is not one silica knows"),
        }
    }
}

/// What `index add --vector-type` asks of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VectorChoice {
    /// `halfvec` where the server's pgvector has it (0.7 or later), else `vector`; an
    /// existing store keeps what it holds.
    #[default]
    Auto,
    Exactly(VectorType),
}

impl std::str::FromStr for VectorChoice {
    type Err = anyhow::Error;

    fn from_str(text: &str) -> Result<Self> {
        match text {
            "auto" => Ok(Self::Auto),
            "vector" => Ok(Self::Exactly(VectorType::Vector)),
            "halfvec" => Ok(Self::Exactly(VectorType::Halfvec)),
            other => bail!("unknown vector type {other:?} (auto, vector or halfvec)"),
        }
    }
}

impl VectorChoice {
    /// The type a new store gets on a server with pgvector `version`.
    pub fn for_new_store(self, version: &str) -> Result<VectorType> {
        let has_halfvec = version_of(version) >= HALFVEC_SINCE;
        match self {
            Self::Auto if has_halfvec => Ok(VectorType::Halfvec),
            Self::Auto => Ok(VectorType::Vector),
            Self::Exactly(VectorType::Halfvec) if !has_halfvec => {
                Err(crate::index::IndexError::HalfvecNeedsPgvector {
                    since: HALFVEC_SINCE,
                    version: version.to_string(),
                }
                .into())
            }
            Self::Exactly(t) => Ok(t),
        }
    }
}

fn tables(dim: usize, vectors: VectorType) -> String {
    let vector_sql = vectors.sql();
    format!(
        "CREATE TABLE silica_documents (
            id text PRIMARY KEY,
            key bigint GENERATED ALWAYS AS IDENTITY,
            source text NOT NULL,
            file text NOT NULL,
            hash text NOT NULL,
            title text,
            lang text,
            date date
        );
        CREATE INDEX silica_documents_file ON silica_documents (file);
        CREATE INDEX silica_documents_date ON silica_documents (date);
        CREATE TABLE silica_passages (
            document text NOT NULL REFERENCES silica_documents (id) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            key bigint GENERATED ALWAYS AS IDENTITY,
            id text NOT NULL,
            start_byte bigint NOT NULL,
            end_byte bigint NOT NULL,
            lang text,
            text text NOT NULL,
            embedding {vector_sql}({dim}) NOT NULL,
            PRIMARY KEY (document, ordinal)
        );
        CREATE INDEX silica_passages_id ON silica_passages (id);"
    )
}

/// The server's pgvector version, refusing a server without it (or with one too old).
/// `create`: the extension may be created by [`migrate`]; otherwise it must be installed
/// in this database already.
pub fn require_pgvector(conn: &mut PgConnection, create: bool) -> Result<String> {
    let installed: Option<String> = conn
        .query_opt(
            "SELECT extversion FROM pg_extension WHERE extname = 'vector'",
            &[],
        )
        .map_err(db)?
        .map(|r| r.get(0));
    let version = match installed {
        Some(v) => v,
        None if create => conn
            .query_opt(
                "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'",
                &[],
            )
            .map_err(db)?
            .map(|r| r.get(0))
            .context(
                "the server has no pgvector extension: install pgvector 0.6 or later on the server (https://github.com/pgvector/pgvector)",
            )?,
        None => return Err(crate::index::IndexError::NoPgvector.into()),
    };
    if version_of(&version) < PGVECTOR_MIN {
        bail!(
            "the server's pgvector is {version}; silica needs {}.{} or later",
            PGVECTOR_MIN.0,
            PGVECTOR_MIN.1
        );
    }
    Ok(version)
}

/// What [`migrate`] found: the settings the store already had (None when created now) and
/// the type its vectors are stored in.
pub struct Migrated {
    pub existing: Option<IndexSettings>,
    pub vectors: VectorType,
}

/// Creates the extension and the tables for `settings` (vectors as `vectors`) when the
/// store is new, or brings an older schema up to [`SCHEMA_VERSION`]; on a Citus
/// coordinator, distributes the tables that are not yet. One transaction under [`LOCK`].
pub fn migrate(
    conn: &mut PgConnection,
    settings: &IndexSettings,
    vectors: VectorType,
    layout: Layout,
) -> Result<Migrated> {
    let mut tx = conn.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])
        .map_err(db)?;
    tx.batch_execute(
        "CREATE EXTENSION IF NOT EXISTS vector;
         CREATE TABLE IF NOT EXISTS silica_meta (key text PRIMARY KEY, value text NOT NULL);",
    )
    .map_err(db)?;
    let version = meta(&mut tx, "schema_version")?;
    let existing = match version {
        None => {
            tx.batch_execute(&tables(settings.dim, vectors))
                .map_err(db)?;
            tx.batch_execute(INGEST_STATE).map_err(db)?;
            tx.batch_execute(LEXICAL).map_err(db)?;
            set_meta(&mut tx, "schema_version", &SCHEMA_VERSION.to_string())?;
            set_meta(&mut tx, "settings", &serde_json::to_string(settings)?)?;
            set_meta(&mut tx, "vector_type", vectors.sql())?;
            None
        }
        Some(v) => {
            let v = parse_version(&v)?;
            for (from, sql) in MIGRATIONS.iter().filter(|(from, _)| *from >= v) {
                tx.batch_execute(sql)
                    .map_err(db)
                    .with_context(|| format!("migrating the schema from version {from}"))?;
                set_meta(&mut tx, "schema_version", &(from + 1).to_string())?;
                if *from == LEXICAL_FROM {
                    set_meta(&mut tx, TERMS_PENDING, "true")?;
                }
            }
            Some(settings_of(&mut tx)?)
        }
    };
    if layout == Layout::Citus {
        citus::distribute(&mut tx)?;
    }
    let vectors = vector_type_of(&mut tx)?;
    tx.commit().map_err(db)?;
    Ok(Migrated { existing, vectors })
}

/// The settings of an existing store and the type of its vectors (None when the database
/// holds no store), refusing a schema this build does not read.
pub fn read_settings(conn: &mut PgConnection) -> Result<Option<(IndexSettings, VectorType)>> {
    let has_meta: bool = conn
        .query_one("SELECT to_regclass('silica_meta') IS NOT NULL", &[])
        .map_err(db)?
        .get(0);
    if !has_meta {
        return Ok(None);
    }
    let mut tx = conn.transaction().map_err(db)?;
    let Some(version) = meta(&mut tx, "schema_version")? else {
        return Ok(None);
    };
    let version = parse_version(&version)?;
    if version < SCHEMA_VERSION {
        bail!(
            "the store's schema is version {version}, this silica's {SCHEMA_VERSION}: run `silica index add` once to migrate it"
        );
    }
    Ok(Some((settings_of(&mut tx)?, vector_type_of(&mut tx)?)))
}

/// The recorded vector type; `vector` for a store made before the choice existed.
fn vector_type_of(tx: &mut postgres::Transaction<'_>) -> Result<VectorType> {
    meta(tx, "vector_type")?.map_or(Ok(VectorType::Vector), |t| VectorType::parse(&t))
}

fn parse_version(text: &str) -> Result<i32> {
    let v: i32 = text
        .parse()
        .with_context(|| format!("schema version {text:?} is not a number"))?;
    if v > SCHEMA_VERSION {
        bail!(
            "the store's schema is version {v}, newer than this silica's {SCHEMA_VERSION}: upgrade silica"
        );
    }
    Ok(v)
}

fn settings_of(tx: &mut postgres::Transaction<'_>) -> Result<IndexSettings> {
    let text = meta(tx, "settings")?.context("the store has no settings row")?;
    serde_json::from_str(&text).context("the store's settings row is not silica's")
}

fn meta(tx: &mut postgres::Transaction<'_>, key: &str) -> Result<Option<String>> {
    Ok(tx
        .query_opt("SELECT value FROM silica_meta WHERE key = $1", &[&key])
        .map_err(db)?
        .map(|r| r.get(0)))
}

fn set_meta(tx: &mut postgres::Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO silica_meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        &[&key, &value],
    )
    .map_err(db)?;
    Ok(())
}

pub fn hnsw_exists(tx: &mut postgres::Transaction<'_>) -> Result<bool> {
    Ok(tx
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&HNSW_INDEX])
        .map_err(db)?
        .get(0))
}

/// Whether the HNSW index exists (None when not) and is valid (an interrupted concurrent
/// build leaves an invalid one).
pub fn hnsw_valid(conn: &mut PgConnection) -> Result<Option<bool>> {
    Ok(conn
        .query_opt(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
             WHERE c.relname = $1",
            &[&HNSW_INDEX],
        )
        .map_err(db)?
        .map(|r| r.get(0)))
}
