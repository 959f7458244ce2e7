//! `silica index`: a persistent index of a corpus's passages and vectors, kept in sync with
//! the corpus, searched by `silica neighbors --index DIR`.

use super::args::Format;
use super::args::{InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::index::{AddRequest, Added};
use crate::corpus::list_inputs;
use crate::embed::Embedder;
use crate::index::postgres::VectorChoice;
use crate::index::{
    AnnParams, AnnQuery, BackendStats, DocumentSelector, IndexSettings, SearchMode, Shard,
    StoreStats, Target,
};
use crate::ingest::{AddOptions, AddProgress};
use crate::model::ModelInfo;
use crate::model::PromptChoice;
use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;
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
    #[arg(long, default_value_t = 512)]
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
    // The tokenizer splits; the weights are loaded only when something must be embedded.
    let (info, tokenizer) = args.model.load_tokenizer()?;
    let prompt = PromptChoice::Passage;
    let prefix = prompt.prefix(&info.prompts).to_string();
    let passage_options = args.passages.options(&info, &tokenizer.counter(&prefix))?;
    let settings = args.settings(&info, &prefix, passage_options.max_tokens)?;
    crate::index::Ann::create(settings.dim, &settings.ann)?; // checks the ANN flags early
    let read = args.input.options()?;
    let listing = list_inputs(&args.input.inputs, &read)?;
    let mut cache = args.model.open_cache()?;
    let mut embedder: Option<Embedder> = None;
    let mut embed = |texts: &[&str]| -> Result<crate::vectors::Embeddings> {
        if embedder.is_none() {
            embedder = Some(args.model.load_embedder()?);
        }
        let e = embedder.as_ref().expect("loaded above");
        let (vectors, _) = e.embed_cached(texts, &prompt, cache.as_mut(), |_| {})?;
        Ok(vectors)
    };
    let options = AddOptions {
        read,
        passages: passage_options,
        sync: args.sync,
        shard,
        commit_every: args.commit_every,
    };
    let mut bar = DocumentBar::new();
    let request = AddRequest {
        target: &target,
        settings: &settings,
        vectors: args.vector_type,
        listing: &listing,
        options: &options,
    };
    let added = crate::app::index::add(&request, &tokenizer.counter(&prefix), &mut embed, &mut bar);
    bar.finish();
    print_added(&added?, shard);
    Ok(())
}

impl AddArgs {
    /// What a new index or store records (an existing one must match).
    fn settings(&self, info: &ModelInfo, prefix: &str, max_tokens: usize) -> Result<IndexSettings> {
        Ok(IndexSettings {
            model: info.name.clone(),
            fingerprint: self.model.fingerprint()?,
            dim: self.model.output_dimension(info)?,
            passage_prompt: prefix.to_string(),
            max_tokens,
            overlap: self.passages.overlap,
            min_chars: self.passages.min_chars,
            keep_all: self.passages.keep_all,
            keep_duplicates: self.passages.keep_duplicates,
            ann: AnnParams {
                connectivity: self.ann_m,
                expansion_add: self.ann_ef_construction,
                quantization: self.ann_storage.clone(),
                ..AnnParams::default()
            },
        })
    }
}

/// The one line an add ends with.
fn print_added(added: &Added, shard: Shard) {
    let summary = &added.summary;
    eprintln!(
        "{} documents added ({} passages embedded), {} removed, {} unchanged{}{}; {}; the {} holds {} documents, {} passages",
        summary.documents_added,
        summary.passages_embedded,
        summary.documents_removed,
        summary.unchanged,
        if summary.changed_kept > 0 {
            format!(
                ", {} changed but kept as indexed (--sync replaces them)",
                summary.changed_kept
            )
        } else {
            String::new()
        },
        if summary.other_shards > 0 {
            format!(", {} left to other shards (shard {shard})", summary.other_shards)
        } else {
            String::new()
        },
        added.search_note,
        added.noun,
        added.documents,
        added.passages,
    );
}

/// The progress of an add: documents, with their passages.
struct DocumentBar(ProgressBar);

impl DocumentBar {
    fn new() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents  {per_sec}  eta {eta}")
                .expect("static template"),
        );
        Self(bar)
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl AddProgress for DocumentBar {
    fn planned(&mut self, documents: usize) {
        self.0.set_length(documents as u64);
    }

    fn committed(&mut self, documents: usize, _passages: usize) {
        self.0.inc(documents as u64);
    }
}

fn remove(args: RemoveArgs) -> Result<()> {
    let target = args.target.required()?;
    let which = match (&args.source, &args.id) {
        (Some(s), _) => DocumentSelector::Source(s.clone()),
        (_, Some(id)) => DocumentSelector::Id(id.clone()),
        _ => unreachable!("clap requires one"),
    };
    let removed = crate::app::index::remove(&target, &which)?;
    let note = removed
        .search_note
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    eprintln!(
        "{} documents removed{note}; the {} holds {} documents, {} passages",
        removed.documents_removed, removed.noun, removed.documents, removed.passages
    );
    Ok(())
}

fn stats(args: StatsArgs) -> Result<()> {
    let stats = crate::app::index::stats(&args.target.required()?)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&stats_json(&stats))?
        )?,
        Format::Table => write_stats_table(&mut out, &stats)?,
    }
    Ok(())
}

fn settings_json(s: &IndexSettings) -> serde_json::Value {
    json!({
        "passage_prompt": s.passage_prompt,
        "max_tokens": s.max_tokens,
        "overlap": s.overlap,
        "min_chars": s.min_chars,
        "keep_all": s.keep_all,
        "keep_duplicates": s.keep_duplicates,
    })
}

fn stats_json(stats: &StoreStats) -> serde_json::Value {
    let s = &stats.settings;
    let mut value = json!({
        "documents": stats.documents,
        "passages": stats.passages,
        "model": s.model,
        "model_fingerprint": s.fingerprint,
        "dimensions": s.dim,
        "settings": settings_json(s),
    });
    let extra = match &stats.backend {
        BackendStats::Directory {
            dir,
            ann_current,
            search,
            bytes_on_disk,
        } => json!({
            "index": dir,
            "ann": s.ann,
            "ann_current": ann_current,
            "search": search,
            "bytes_on_disk": bytes_on_disk,
        }),
        BackendStats::Postgres {
            name,
            server,
            pgvector,
            vector_type,
            table_bytes,
            hnsw_bytes,
        } => json!({
            "store": name,
            "hnsw": {
                "m": s.ann.connectivity,
                "ef_construction": s.ann.expansion_add,
                "ef_search": s.ann.expansion_search,
                "built": hnsw_bytes.is_some(),
            },
            "postgresql": server,
            "pgvector": pgvector,
            "vector_type": vector_type,
            "table_bytes": table_bytes,
            "hnsw_bytes": hnsw_bytes,
        }),
    };
    if let (Some(value), serde_json::Value::Object(extra)) = (value.as_object_mut(), extra) {
        value.extend(extra);
    }
    value
}

fn write_stats_table(out: &mut impl Write, stats: &StoreStats) -> Result<()> {
    let s = &stats.settings;
    let mib = |bytes: u64| bytes as f64 / 1048576.0;
    match &stats.backend {
        BackendStats::Directory { dir, .. } => writeln!(out, "index       {}", dir.display())?,
        BackendStats::Postgres { name, .. } => writeln!(out, "store       {name}")?,
    }
    writeln!(out, "documents   {}", stats.documents)?;
    writeln!(out, "passages    {}", stats.passages)?;
    writeln!(out, "model       {} ({})", s.model, s.fingerprint)?;
    writeln!(out, "dimensions  {}", s.dim)?;
    writeln!(
        out,
        "passages    max {} tokens, overlap {}, min {} chars{}{}",
        s.max_tokens,
        s.overlap,
        s.min_chars,
        if s.keep_all { ", keep all" } else { "" },
        if s.keep_duplicates {
            ", keep duplicates"
        } else {
            ""
        }
    )?;
    match &stats.backend {
        BackendStats::Directory {
            ann_current,
            search,
            bytes_on_disk,
            ..
        } => {
            writeln!(
                out,
                "ann         HNSW M {}, ef_construction {}, ef_search {}, {} storage, {} candidates re-scored{}",
                s.ann.connectivity,
                s.ann.expansion_add,
                s.ann.expansion_search,
                s.ann.quantization,
                s.ann.candidates,
                if *ann_current { "" } else { " (behind the tables: run index add)" }
            )?;
            let search = match search {
                SearchMode::Exact => "exact",
                SearchMode::Ann => "ann",
            };
            writeln!(out, "search      {search}")?;
            writeln!(out, "disk        {:.1} MiB", mib(*bytes_on_disk))?;
        }
        BackendStats::Postgres {
            server,
            pgvector,
            vector_type,
            table_bytes,
            hnsw_bytes,
            ..
        } => {
            writeln!(
                out,
                "hnsw        M {}, ef_construction {}, ef_search {}{}",
                s.ann.connectivity,
                s.ann.expansion_add,
                s.ann.expansion_search,
                if hnsw_bytes.is_some() {
                    ""
                } else {
                    " (not built yet: run index add)"
                }
            )?;
            writeln!(out, "server      PostgreSQL {server}, pgvector {pgvector}")?;
            writeln!(out, "vectors     {vector_type}({})", s.dim)?;
            writeln!(
                out,
                "disk        {:.1} MiB tables, {:.1} MiB HNSW",
                mib(*table_bytes),
                mib(hnsw_bytes.unwrap_or(0))
            )?;
        }
    }
    Ok(())
}

/// Refuses a model other than the one `settings` record, naming the index or store (by the
/// fingerprint of its files; the weights are not loaded).
pub fn require_model(name: &str, settings: &IndexSettings, model: &ModelArgs) -> Result<()> {
    let fingerprint = model.fingerprint()?;
    if fingerprint != settings.fingerprint {
        bail!(
            "{name}: the index was built with {} ({}); this run's model is {} ({}): pass --model {}",
            settings.model,
            settings.fingerprint,
            model.model,
            fingerprint,
            settings.model
        );
    }
    Ok(())
}

fn verify(args: VerifyArgs) -> Result<()> {
    if args.k == 0 || args.sample == 0 {
        bail!("-k and --sample must be at least 1");
    }
    let target = args.target.required()?;
    let query = args.ann.query_for(&target)?;
    let found = crate::app::index::verify(&target, args.sample, args.k, query)?;
    let value = json!({
        "index": found.name,
        "passages": found.passages,
        "ok": found.ok(),
        "problems": found.problems,
        "recall": found.recall.map(|r| json!({"k": r.k, "queries": r.queries, "recall": r.recall})),
    });
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?,
        Format::Table => {
            for p in &found.problems {
                writeln!(out, "problem: {p}")?;
            }
            if let Some(r) = &found.recall {
                writeln!(
                    out,
                    "recall@{} of the ANN against exact search: {:.4} ({} stored passages as queries)",
                    r.k, r.recall, r.queries
                )?;
            }
            writeln!(out, "{}", if found.ok() { "ok" } else { "problems found" })?;
        }
    }
    out.flush()?;
    if !found.ok() {
        bail!("{}: the index has problems (listed above)", found.name);
    }
    Ok(())
}
