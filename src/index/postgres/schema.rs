//! The store's tables, created and migrated by silica, never by hand.
//!
//! Keyed by document id so that the same tables distribute with Citus (both tables on the
//! document id, co-located): documents by `id`, passages by `(document, ordinal)`. The
//! `key` columns are identities that give each row a number for the shared result types;
//! no constraint relies on them.

use super::{db, PgConnection};
use crate::index::IndexSettings;
use anyhow::{bail, Context, Result};

/// Bumped when the tables change. An older store is brought up to it by [`MIGRATIONS`]
/// when opened for writing; a newer one is refused.
pub const SCHEMA_VERSION: i32 = 1;

/// The statements that bring version `n` to `n + 1`, run in one transaction with the
/// version's update (none yet: version 1 is the first).
const MIGRATIONS: &[(i32, &str)] = &[];

/// The advisory lock held while the schema is created or migrated and while the HNSW
/// index is built, so that shards starting or finishing together do not race.
pub const LOCK: i64 = 0x5_11CA;

/// Held shared by every process while it loads, taken exclusively (without waiting) by the
/// HNSW build: a build only starts when no other load is running.
pub const LOAD_LOCK: i64 = 0x5_11CB;

pub const HNSW_INDEX: &str = "silica_passages_hnsw";

/// The oldest pgvector with what the store uses: HNSW (0.5) and its parallel build (0.6).
const PGVECTOR_MIN: (u32, u32) = (0, 6);

fn tables(dim: usize) -> String {
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
            embedding vector({dim}) NOT NULL,
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
        None => bail!(
            "pgvector is not installed in this database: no silica store here (create one with `silica index add CORPUS --store URL`)"
        ),
    };
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let found = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if found < PGVECTOR_MIN {
        bail!(
            "the server's pgvector is {version}; silica needs {}.{} or later",
            PGVECTOR_MIN.0,
            PGVECTOR_MIN.1
        );
    }
    Ok(version)
}

/// Creates the extension and the tables for `settings` when the store is new, or brings an
/// older schema up to [`SCHEMA_VERSION`]; one transaction under [`LOCK`]. Returns the
/// settings the store already had (None when created now).
pub fn migrate(conn: &mut PgConnection, settings: &IndexSettings) -> Result<Option<IndexSettings>> {
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
            tx.batch_execute(&tables(settings.dim)).map_err(db)?;
            set_meta(&mut tx, "schema_version", &SCHEMA_VERSION.to_string())?;
            set_meta(&mut tx, "settings", &serde_json::to_string(settings)?)?;
            None
        }
        Some(v) => {
            let v = parse_version(&v)?;
            for (from, sql) in MIGRATIONS.iter().filter(|(from, _)| *from >= v) {
                tx.batch_execute(sql)
                    .map_err(db)
                    .with_context(|| format!("migrating the schema from version {from}"))?;
                set_meta(&mut tx, "schema_version", &(from + 1).to_string())?;
            }
            Some(settings_of(&mut tx)?)
        }
    };
    tx.commit().map_err(db)?;
    Ok(existing)
}

/// The settings of an existing store (None when the database holds no store), refusing a
/// schema this build does not read.
pub fn read_settings(conn: &mut PgConnection) -> Result<Option<IndexSettings>> {
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
    Ok(Some(settings_of(&mut tx)?))
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
