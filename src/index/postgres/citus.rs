//! A store on a Citus cluster: the same tables, distributed by document id from the
//! coordinator, so that `--store` URLs work unchanged whether the server is a plain
//! PostgreSQL or a Citus coordinator.
//!
//! Every table keyed by document (documents by `id`; passages, their sketches and the
//! documents' lines by `document`) is hash-distributed on that key and co-located with the
//! documents, so a document and everything of it sit on one shard: the joins and the
//! cascading deletes run inside each shard, and a batch's transaction commits on every
//! worker it touched or on none (Citus' two-phase commit). The small bookkeeping tables
//! (`silica_meta`, `silica_files`) stay on the coordinator. The HNSW index is created on
//! the distributed table, which builds one per shard; a query's `LIMIT k` runs on every
//! shard and the coordinator merges the lists.
//!
//! Session settings (`hnsw.ef_search`, `enable_seqscan`, `maintenance_work_mem`) reach the
//! workers only when `citus.propagate_set_commands` is `local`: [`PROPAGATE_SET`] comes
//! first in every transaction that sets them.

use super::db;
use anyhow::{bail, Result};
use postgres::GenericClient;

/// Makes a transaction's `SET LOCAL`s reach the workers' connections too.
pub const PROPAGATE_SET: &str = "SET LOCAL citus.propagate_set_commands = 'local'";

/// The tables distributed by document id, in the order they must be distributed (a table
/// after those it references), with their distribution column.
const DISTRIBUTED: &[(&str, &str)] = &[
    ("silica_documents", "id"),
    ("silica_passages", "document"),
    ("silica_passage_sketches", "document"),
    ("silica_document_lines", "document"),
];

/// Where a store's tables live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One PostgreSQL server.
    Single,
    /// A Citus cluster, reached through its coordinator.
    Citus,
}

impl Layout {
    /// This server's layout: Citus when the database has the citus extension and the
    /// server is its coordinator. A worker is refused: writes and schema changes must go
    /// through the coordinator, which alone knows where the shards are.
    pub fn of(conn: &mut impl GenericClient) -> Result<Self> {
        let has_citus = conn
            .query_opt("SELECT 1 FROM pg_extension WHERE extname = 'citus'", &[])
            .map_err(db)?
            .is_some();
        if !has_citus {
            return Ok(Self::Single);
        }
        let coordinator: bool = conn
            .query_one("SELECT citus_is_coordinator()", &[])
            .map_err(db)?
            .get(0);
        if !coordinator {
            bail!("this server is a Citus worker: connect to the cluster's coordinator");
        }
        Ok(Self::Citus)
    }

    /// `sets` (`SET LOCAL` statements), made to reach the workers on a cluster.
    pub fn settings_sql(self, sets: &str) -> String {
        match self {
            Self::Single => sets.to_string(),
            Self::Citus => format!("{PROPAGATE_SET}; {sets}"),
        }
    }
}

/// Distributes every table of [`DISTRIBUTED`] that is not yet (all of them for a new
/// store; those a migration created for an older one), co-located with the documents.
/// Called inside the schema's transaction: a store is distributed whole or not at all.
pub fn distribute(tx: &mut impl GenericClient) -> Result<()> {
    for (table, column) in DISTRIBUTED {
        let done: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = $1::text::regclass)",
                &[table],
            )
            .map_err(db)?
            .get(0);
        if done {
            continue;
        }
        let colocate = if *table == DISTRIBUTED[0].0 {
            "default"
        } else {
            DISTRIBUTED[0].0
        };
        tx.execute(
            "SELECT create_distributed_table($1::text::regclass, $2, colocate_with => $3)",
            &[table, column, &colocate],
        )
        .map_err(db)?;
    }
    Ok(())
}

/// The workers the coordinator cannot reach now, as `host:port`: what a failure on a
/// cluster names when the coordinator's own message does not (it may only say that its
/// connection closed). Empty when all answer, or when the coordinator cannot be asked.
pub fn unreachable_workers(conn: &mut impl GenericClient) -> Vec<String> {
    let Ok(rows) = conn.query(
        "SELECT nodename, nodeport, citus_check_connection_to_node(nodename, nodeport)
         FROM pg_dist_node WHERE noderole = 'primary' AND isactive AND groupid <> 0
         ORDER BY nodename, nodeport",
        &[],
    ) else {
        return Vec::new();
    };
    rows.iter()
        .filter(|r| !r.get::<_, bool>(2))
        .map(|r| format!("{}:{}", r.get::<_, String>(0), r.get::<_, i32>(1)))
        .collect()
}

/// The cluster as `index stats` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterFacts {
    /// The citus extension's version.
    pub citus: String,
    /// Active worker nodes.
    pub workers: usize,
    /// Shards of the passages table.
    pub shards: usize,
}

impl ClusterFacts {
    pub fn read(conn: &mut impl GenericClient) -> Result<Self> {
        let row = conn
            .query_one(
                "SELECT (SELECT extversion FROM pg_extension WHERE extname = 'citus'),
                        (SELECT count(*) FROM citus_get_active_worker_nodes()),
                        (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'silica_passages'::regclass)",
                &[],
            )
            .map_err(db)?;
        Ok(Self {
            citus: row.get(0),
            workers: row.get::<_, i64>(1) as usize,
            shards: row.get::<_, i64>(2) as usize,
        })
    }
}
