//! `silica index`: a persistent index of a corpus's passages and vectors, kept in sync with
//! the corpus, searched by `silica neighbors --index DIR`.

use super::args::{corpus_spec, DateArgs, Format, InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::index::{CorpusAdd, DocumentBar, DEFAULT_COMMIT_EVERY};
use crate::app::model::ModelSource;
use crate::index::postgres::VectorChoice;
use crate::index::{AnnParams, AnnQuery, DocumentSelector, Shard, Target};
use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// Where an index lives: a directory, or a PostgreSQL store with pgvector.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// The index directory.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// A PostgreSQL store (pgvector 0.6 or later) instead of a directory, as
    /// postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=verify-full&sslrootcert=FILE]
    /// (default: $SILICA_STORE when no --index).
    #[arg(long, value_name = "URL", conflicts_with = "index")]
    pub store: Option<String>,
}

impl StoreArgs {
    /// The index or store named, if any: `--index`, `--store`, else `$SILICA_STORE`.
    pub fn target(&self) -> Result<Option<Target>> {
        let from_env = || std::env::var("SILICA_STORE").ok().filter(|s| !s.is_empty());
        match self.given()? {
            Some(target) => Ok(Some(target)),
            None => from_env().map(|url| store_url(&url)).transpose(),
        }
    }

    /// The index or store named by a flag (`SILICA_STORE` not read).
    pub fn given(&self) -> Result<Option<Target>> {
        Ok(match (&self.index, &self.store) {
            (Some(dir), _) => Some(Target::directory(dir)),
            (None, Some(url)) => Some(store_url(url)?),
            (None, None) => None,
        })
    }

    /// The index or store, which the command needs.
    pub fn required(&self) -> Result<Target> {
        self.target()?.ok_or_else(|| {
            anyhow::anyhow!(
                "no index: give --index DIR or --store postgres://... (or set SILICA_STORE)"
            )
        })
    }
}

fn store_url(url: &str) -> Result<Target> {
    Target::store(url).ok_or_else(|| {
        anyhow::anyhow!("--store {url:?}: expected a postgres:// or postgresql:// URL")
    })
}

/// Build and keep a persistent index: passages, vectors and an ANN graph in a directory, or
/// the same in PostgreSQL with pgvector (--store).
///
/// Example: silica index add seeds/ --index seeds.idx && silica neighbors --index seeds.idx -q "export controls"
#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(subcommand)]
    pub command: IndexCommand,
}

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Read, clean and split a corpus as `passages` does; embed and add what the index lacks.
    Add(Box<AddArgs>),
    /// Remove documents by source file or document id.
    Remove(RemoveArgs),
    /// Documents, passages, model, settings, bytes on disk, ANN parameters.
    Stats(StatsArgs),
    /// Check the tables and the ANN file, and measure the ANN's recall against exact search.
    Verify(VerifyArgs),
}

/// Add a corpus to an index (created when new). Re-running over a grown corpus embeds only
/// the new documents; --sync also removes documents that are gone and re-embeds changed ones.
///
/// Example: silica index add seeds/ --index seeds.idx --sync
#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub target: StoreArgs,

    /// With --store: embed only the documents whose id hashes to shard I of N, so that N
    /// processes (on N machines) fill one store at once; each can be killed and re-run.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,

    /// Make the index mirror the inputs: documents not in them are removed, changed ones
    /// replaced.
    #[arg(long)]
    pub sync: bool,

    /// Passages embedded and committed together (a killed run keeps every committed batch).
    #[arg(long, default_value_t = DEFAULT_COMMIT_EVERY)]
    pub commit_every: usize,

    /// ANN links per node (HNSW M), for a new index.
    #[arg(long, default_value_t = AnnParams::default().connectivity)]
    pub ann_m: usize,

    /// ANN candidate list while building (ef_construction), for a new index.
    #[arg(long, default_value_t = AnnParams::default().expansion_add)]
    pub ann_ef_construction: usize,

    /// How the ANN holds vectors: i8, f16 or f32 (candidates are re-scored with f32).
    #[arg(long, default_value_t = AnnParams::default().quantization)]
    pub ann_storage: String,

    /// With --store, a new store's vector column: halfvec (half the bytes, in the table
    /// and the HNSW index; scores of half-precision vectors), vector (4 bytes a dimension,
    /// scores equal to an index directory's), or auto: halfvec where the server's pgvector
    /// is 0.7 or later, else vector. An existing store keeps its own.
    #[arg(long, value_name = "auto|vector|halfvec", default_value = "auto")]
    pub vector_type: VectorChoice,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

/// Remove documents from an index.
///
/// Example: silica index remove --index seeds.idx --source seeds/003_20e56192cbb866e0.txt
#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[command(flatten)]
    pub target: StoreArgs,

    /// Documents read from this file (every row of a JSONL or CSV file).
    #[arg(long, conflicts_with = "id", required_unless_present = "id")]
    pub source: Option<String>,

    /// The document with this id (as `silica passages` shows it).
    #[arg(long)]
    pub id: Option<String>,
}

/// What an index holds.
///
/// Example: silica index stats --index seeds.idx --format json
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub target: StoreArgs,

    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Check an index: SQLite integrity, every document with passages and every vector whole,
/// the ANN file holding exactly the stored passages, and the ANN's recall@k against exact
/// search over a sample of stored passages used as queries. Exits 1 on a problem.
///
/// Example: silica index verify --index seeds.idx --sample 200
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub target: StoreArgs,

    /// Stored passages used as queries for the recall measurement.
    #[arg(long, default_value_t = 100)]
    pub sample: usize,

    /// k of recall@k.
    #[arg(short, long, default_value_t = 10)]
    pub k: usize,

    #[command(flatten)]
    pub ann: AnnQueryArgs,

    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// How a query searches the ANN graph, when not as the index was built to (shared by
/// `neighbors --index` and `index verify`).
#[derive(Debug, Clone, Args)]
pub struct AnnQueryArgs {
    /// The graph's candidate list per query (HNSW's ef_search; default: the index's,
    /// see `silica index stats`): higher finds more of the true neighbours, slower.
    #[arg(long)]
    pub ef: Option<usize>,

    /// Candidates per query re-scored exactly with the f32 vectors (default: the index's).
    #[arg(long)]
    pub candidates: Option<usize>,
}

impl AnnQueryArgs {
    pub fn query(&self) -> Result<AnnQuery> {
        if self.ef == Some(0) || self.candidates == Some(0) {
            bail!("--ef and --candidates must be at least 1");
        }
        Ok(AnnQuery {
            ef: self.ef,
            candidates: self.candidates,
        })
    }
}

pub fn run(args: IndexArgs) -> Result<()> {
    match args.command {
        IndexCommand::Add(a) => add(*a),
        IndexCommand::Remove(a) => remove(a),
        IndexCommand::Stats(a) => stats(a),
        IndexCommand::Verify(a) => verify(a),
    }
}

impl AnnQueryArgs {
    /// As [`AnnQueryArgs::query`], refusing --candidates for a PostgreSQL store (its HNSW
    /// scores every candidate exactly).
    pub fn query_for(&self, target: &Target) -> Result<AnnQuery> {
        let query = self.query()?;
        if target.is_shared() && query.candidates.is_some() {
            bail!("--candidates sets how many of usearch's candidates are re-scored; a PostgreSQL store's HNSW scores exactly (use --ef)");
        }
        Ok(query)
    }
}

fn add(args: AddArgs) -> Result<()> {
    if args.commit_every == 0 {
        bail!("--commit-every must be at least 1");
    }
    let target = args.target.required()?;
    let shard = match &args.shard {
        Some(text) => Shard::parse(text)?,
        None => Shard::ALL,
    };
    if !shard.is_all() && !target.is_shared() {
        bail!("--shard splits a load into one PostgreSQL store (--store URL); an index directory is written by one process");
    }
    if args.vector_type != VectorChoice::Auto && !target.is_shared() {
        bail!("--vector-type sets a PostgreSQL store's column (--store URL); an index directory keeps f32 vectors (see --ann-storage)");
    }
    let corpus = corpus_spec(&args.input, &args.passages, &DateArgs::default())?;
    let model = args.model.request();
    let job = CorpusAdd {
        target: &target,
        corpus: &corpus,
        model: ModelSource::Request(&model),
        ann: AnnParams {
            connectivity: args.ann_m,
            expansion_add: args.ann_ef_construction,
            quantization: args.ann_storage.clone(),
            ..AnnParams::default()
        },
        vectors: args.vector_type,
        sync: args.sync,
        shard,
        commit_every: args.commit_every,
    };
    let mut bar = DocumentBar::new();
    let added = crate::app::index::add_corpus(&job, args.model.open_cache()?, &mut bar);
    bar.finish();
    eprintln!("{}", crate::report::index::added_line(&added?, shard));
    Ok(())
}

fn remove(args: RemoveArgs) -> Result<()> {
    let target = args.target.required()?;
    let which = match (&args.source, &args.id) {
        (Some(s), _) => DocumentSelector::Source(s.clone()),
        (_, Some(id)) => DocumentSelector::Id(id.clone()),
        _ => unreachable!("clap requires one"),
    };
    let removed = crate::app::index::remove(&target, &which)?;
    eprintln!("{}", crate::report::index::removed_line(&removed));
    Ok(())
}

fn stats(args: StatsArgs) -> Result<()> {
    let stats = crate::app::index::stats(&args.target.required()?)?;
    crate::report::index::write_stats(&mut std::io::stdout().lock(), &stats, args.format)
}

fn verify(args: VerifyArgs) -> Result<()> {
    if args.k == 0 || args.sample == 0 {
        bail!("-k and --sample must be at least 1");
    }
    let target = args.target.required()?;
    let query = args.ann.query_for(&target)?;
    let found = crate::app::index::verify(&target, args.sample, args.k, query)?;
    let mut out = std::io::stdout().lock();
    crate::report::index::write_verification(&mut out, &found, args.format)?;
    out.flush()?;
    if !found.ok() {
        bail!("{}: the index has problems (listed above)", found.name);
    }
    Ok(())
}
