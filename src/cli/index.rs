//! `silica index`: a persistent index of a corpus's passages and vectors, kept in sync with
//! the corpus, searched by `silica neighbors --index DIR`.

use super::args::Format;
use super::args::{InputArgs, PassageArgs};
use super::ModelArgs;
use crate::corpus::list_inputs;
use crate::embed::Embedder;
use crate::index::postgres::{is_store_url, HnswState, PgStore, VectorChoice};
use crate::index::{
    AnnParams, AnnQuery, DocumentSink, IndexSearcher, IndexSettings, KeyHit, PassageIndex,
    SearchMode, Shard, VectorFile,
};
use crate::ingest::{AddOptions, AddProgress};
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

/// An index directory or a PostgreSQL store.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Dir(PathBuf),
    Postgres(String),
}

impl StoreArgs {
    /// The index or store named, if any: `--index`, `--store`, else `$SILICA_STORE`.
    pub fn target(&self) -> Result<Option<Target>> {
        let from_env = || std::env::var("SILICA_STORE").ok().filter(|s| !s.is_empty());
        match self.given()? {
            Some(target) => Ok(Some(target)),
            None => from_env()
                .map(|url| store_url(&url).map(Target::Postgres))
                .transpose(),
        }
    }

    /// The index or store named by a flag (`SILICA_STORE` not read).
    pub fn given(&self) -> Result<Option<Target>> {
        Ok(match (&self.index, &self.store) {
            (Some(dir), _) => Some(Target::Dir(dir.clone())),
            (None, Some(url)) => Some(Target::Postgres(store_url(url)?)),
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

fn store_url(url: &str) -> Result<String> {
    if !is_store_url(url) {
        bail!("--store {url:?}: expected a postgres:// or postgresql:// URL");
    }
    Ok(url.to_string())
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

fn add(args: AddArgs) -> Result<()> {
    if args.commit_every == 0 {
        bail!("--commit-every must be at least 1");
    }
    let target = args.target.required()?;
    let shard = match &args.shard {
        Some(text) => Shard::parse(text)?,
        None => Shard::ALL,
    };
    if !shard.is_all() && !matches!(target, Target::Postgres(_)) {
        bail!("--shard splits a load into one PostgreSQL store (--store URL); an index directory is written by one process");
    }
    if args.vector_type != VectorChoice::Auto && !matches!(target, Target::Postgres(_)) {
        bail!("--vector-type sets a PostgreSQL store's column (--store URL); an index directory keeps f32 vectors (see --ann-storage)");
    }
    // The tokenizer splits; the weights are loaded only when something must be embedded.
    let (info, tokenizer) = args.model.load_tokenizer()?;
    let prompt = PromptChoice::Passage;
    let prefix = prompt.prefix(&info.prompts).to_string();
    let passage_options = args.passages.options(&info, &tokenizer.counter(&prefix))?;
    let settings = IndexSettings {
        model: info.name.clone(),
        fingerprint: args.model.fingerprint()?,
        dim: args.model.output_dimension(&info)?,
        passage_prompt: prefix.clone(),
        max_tokens: passage_options.max_tokens,
        overlap: args.passages.overlap,
        min_chars: args.passages.min_chars,
        keep_all: args.passages.keep_all,
        keep_duplicates: args.passages.keep_duplicates,
        ann: AnnParams {
            connectivity: args.ann_m,
            expansion_add: args.ann_ef_construction,
            quantization: args.ann_storage.clone(),
            ..AnnParams::default()
        },
    };
    crate::index::Ann::create(settings.dim, &settings.ann)?; // checks the ANN flags early
    let read = args.input.options()?;
    let listing = list_inputs(&args.input.inputs, &read)?;
    let mut opened = match &target {
        Target::Dir(dir) => Opened::Dir(PassageIndex::open_or_create(dir, &settings)?),
        Target::Postgres(url) => {
            Opened::Postgres(PgStore::open_or_create(url, &settings, args.vector_type)?)
        }
    };

    let mut cache = args.model.open_cache()?;
    let mut embedder: Option<Embedder> = None;
    let mut embed = |texts: &[&str]| -> Result<crate::embed::Embeddings> {
        if embedder.is_none() {
            embedder = Some(args.model.load_embedder()?);
        }
        let e = embedder.as_ref().expect("loaded above");
        let (vectors, _) = e.embed_cached(texts, &prompt, cache.as_mut(), |_| {})?;
        Ok(vectors)
    };
    let loading = match &opened {
        Opened::Postgres(store) => Some(store.loading()?),
        Opened::Dir(_) => None,
    };
    let options = AddOptions {
        read,
        passages: passage_options,
        sync: args.sync,
        shard,
        commit_every: args.commit_every,
    };
    let mut bar = DocumentBar::new();
    let summary = crate::ingest::add(
        opened.sink(),
        &listing,
        &options,
        &tokenizer.counter(&prefix),
        &mut embed,
        &mut bar,
    )?;
    bar.finish();
    drop(loading);
    let (search_note, (documents, passages), holder) = match &mut opened {
        Opened::Dir(index) => {
            let (added, removed) = index.sync_ann(rayon::current_num_threads())?;
            (
                format!("ANN +{added} -{removed}"),
                index.store.counts()?,
                "index",
            )
        }
        Opened::Postgres(store) => {
            let note = match store.ensure_hnsw()? {
                HnswState::Built => "HNSW index built",
                HnswState::Exists => "HNSW index up to date",
                HnswState::LeftToOtherLoaders => {
                    "HNSW index left to the loads still running (the last one builds it)"
                }
            };
            (note.to_string(), store.counts()?, "store")
        }
    };
    eprintln!(
        "{} documents added ({} passages embedded), {} removed, {} unchanged{}{}; {search_note}; the {holder} holds {documents} documents, {passages} passages",
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
    );
    Ok(())
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

/// An index directory or a store, open for writing.
enum Opened {
    Dir(PassageIndex),
    Postgres(PgStore),
}

impl Opened {
    fn sink(&mut self) -> &mut dyn DocumentSink {
        match self {
            Opened::Dir(index) => index,
            Opened::Postgres(store) => store,
        }
    }
}

fn remove(args: RemoveArgs) -> Result<()> {
    let target = args.target.required()?;
    let wanted = match (&args.source, &args.id) {
        (Some(s), _) => format!("source {s:?}"),
        (_, Some(id)) => format!("id {id:?}"),
        _ => unreachable!("clap requires one"),
    };
    match target {
        Target::Dir(dir) => {
            let mut index = PassageIndex::open(&dir, false)?;
            let docs = index.store.documents()?;
            let keys: Vec<i64> = docs
                .iter()
                .filter(|d| match (&args.source, &args.id) {
                    (Some(s), _) => &d.file == s || &d.source == s,
                    (None, Some(id)) => &d.id == id,
                    (None, None) => false,
                })
                .map(|d| d.key)
                .collect();
            if keys.is_empty() {
                bail!("{}: no document with {wanted}", dir.display());
            }
            let removed = index.store.remove_documents(&keys)?;
            let (_, ann_removed) = index.sync_ann(rayon::current_num_threads())?;
            let (documents, passages) = index.store.counts()?;
            eprintln!(
                "{removed} documents removed (ANN -{ann_removed}); the index holds {documents} documents, {passages} passages"
            );
        }
        Target::Postgres(url) => {
            let mut store = PgStore::open(&url)?;
            let ids = store.matching_documents(args.source.as_deref(), args.id.as_deref())?;
            if ids.is_empty() {
                bail!("{}: no document with {wanted}", store.name);
            }
            let removed = store.remove(&ids)?;
            let (documents, passages) = store.counts()?;
            eprintln!(
                "{removed} documents removed; the store holds {documents} documents, {passages} passages"
            );
        }
    }
    Ok(())
}

fn stats(args: StatsArgs) -> Result<()> {
    match args.target.required()? {
        Target::Dir(dir) => stats_dir(&dir, args.format),
        Target::Postgres(url) => stats_store(&url, args.format),
    }
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

/// The lines `index stats` shows for both kinds of index: counts, model and passages.
fn write_common(
    out: &mut impl Write,
    s: &IndexSettings,
    documents: usize,
    passages: usize,
) -> Result<()> {
    writeln!(out, "documents   {documents}")?;
    writeln!(out, "passages    {passages}")?;
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
    Ok(())
}

fn stats_dir(dir: &std::path::Path, format: Format) -> Result<()> {
    let index = PassageIndex::open(dir, true)?;
    let (documents, passages) = index.store.counts()?;
    let s = &index.settings;
    let search = if passages < crate::index::search::EXACT_BELOW {
        "exact"
    } else {
        "ann"
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let value = json!({
                "index": dir,
                "documents": documents,
                "passages": passages,
                "model": s.model,
                "model_fingerprint": s.fingerprint,
                "dimensions": s.dim,
                "settings": settings_json(s),
                "ann": s.ann,
                "ann_current": index.ann_current()?,
                "search": search,
                "bytes_on_disk": index.bytes_on_disk(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?
        }
        Format::Table => {
            writeln!(out, "index       {}", dir.display())?;
            write_common(&mut out, s, documents, passages)?;
            writeln!(
                out,
                "ann         HNSW M {}, ef_construction {}, ef_search {}, {} storage, {} candidates re-scored{}",
                s.ann.connectivity,
                s.ann.expansion_add,
                s.ann.expansion_search,
                s.ann.quantization,
                s.ann.candidates,
                if index.ann_current()? { "" } else { " (behind the tables: run index add)" }
            )?;
            writeln!(out, "search      {search}")?;
            writeln!(
                out,
                "disk        {:.1} MiB",
                index.bytes_on_disk() as f64 / 1048576.0
            )?;
        }
    }
    Ok(())
}

fn stats_store(url: &str, format: Format) -> Result<()> {
    let store = PgStore::open(url)?;
    let (documents, passages) = store.counts()?;
    let (server, table_bytes, hnsw_bytes) = store.server_facts()?;
    let s = &store.settings;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let value = json!({
                "store": store.name,
                "documents": documents,
                "passages": passages,
                "model": s.model,
                "model_fingerprint": s.fingerprint,
                "dimensions": s.dim,
                "settings": settings_json(s),
                "hnsw": {
                    "m": s.ann.connectivity,
                    "ef_construction": s.ann.expansion_add,
                    "ef_search": s.ann.expansion_search,
                    "built": hnsw_bytes.is_some(),
                },
                "postgresql": server,
                "pgvector": store.pgvector,
                "vector_type": store.vectors.sql(),
                "table_bytes": table_bytes,
                "hnsw_bytes": hnsw_bytes,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?
        }
        Format::Table => {
            writeln!(out, "store       {}", store.name)?;
            write_common(&mut out, s, documents, passages)?;
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
            writeln!(
                out,
                "server      PostgreSQL {server}, pgvector {}",
                store.pgvector
            )?;
            writeln!(out, "vectors     {}({})", store.vectors.sql(), s.dim)?;
            writeln!(
                out,
                "disk        {:.1} MiB tables, {:.1} MiB HNSW",
                table_bytes as f64 / 1048576.0,
                hnsw_bytes.unwrap_or(0) as f64 / 1048576.0
            )?;
        }
    }
    Ok(())
}

/// Refuses a model other than the index's (by the fingerprint of its files; the weights are
/// not loaded).
pub fn require_index_model(index: &PassageIndex, model: &ModelArgs) -> Result<()> {
    require_model(&index.dir.display().to_string(), &index.settings, model)
}

/// Refuses a model other than the one `settings` record, naming the index or store.
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

/// What `index verify` found: passages, problems, and (recall, queries) when measured.
struct Verified {
    name: serde_json::Value,
    passages: usize,
    problems: Vec<String>,
    recall: Option<(f64, usize)>,
}

fn verify(args: VerifyArgs) -> Result<()> {
    if args.k == 0 || args.sample == 0 {
        bail!("-k and --sample must be at least 1");
    }
    let query = args.ann.query()?;
    let found = match args.target.required()? {
        Target::Dir(dir) => verify_dir(&dir, args.sample, args.k, query)?,
        Target::Postgres(url) => verify_store(&url, args.sample, args.k, query)?,
    };
    let ok = found.problems.is_empty();
    let value = json!({
        "index": found.name,
        "passages": found.passages,
        "ok": ok,
        "problems": found.problems,
        "recall": found.recall.as_ref().map(|(r, n)| json!({"k": args.k, "queries": n, "recall": r})),
    });
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?,
        Format::Table => {
            for p in &found.problems {
                writeln!(out, "problem: {p}")?;
            }
            if let Some((r, n)) = &found.recall {
                writeln!(out, "recall@{} of the ANN against exact search: {r:.4} ({n} stored passages as queries)", args.k)?;
            }
            writeln!(out, "{}", if ok { "ok" } else { "problems found" })?;
        }
    }
    out.flush()?;
    if !ok {
        bail!(
            "{}: the index has problems (listed above)",
            found.name.as_str().unwrap_or_default()
        );
    }
    Ok(())
}

fn verify_store(url: &str, sample: usize, k: usize, query: AnnQuery) -> Result<Verified> {
    if query.candidates.is_some() {
        bail!("--candidates sets how many of usearch's candidates are re-scored; a PostgreSQL store's HNSW scores exactly (use --ef)");
    }
    let store = PgStore::open(url)?;
    let problems = store.check()?;
    let (_, passages) = store.counts()?;
    let recall = if problems.is_empty() && passages > 1 {
        let (r, n, _) = crate::index::postgres::query::measure_recall(&store, sample, k, query.ef)?;
        Some((r, n))
    } else {
        None
    };
    Ok(Verified {
        name: json!(store.name),
        passages,
        problems,
        recall,
    })
}

fn verify_dir(dir: &std::path::Path, sample: usize, k: usize, query: AnnQuery) -> Result<Verified> {
    let index = PassageIndex::open(dir, true)?;
    let dim = index.settings.dim;
    let mut problems = index.store.check(dim)?;
    let (_, passages) = index.store.counts()?;
    let ann_path = PassageIndex::ann_path(&index.dir);
    let mut recall = None;
    if !index.ann_current()? {
        problems
            .push("the ANN file is missing or behind the tables (run `silica index add`)".into());
    } else {
        let ann = crate::index::Ann::view(&ann_path, dim, &index.settings.ann)?;
        let keys = index.store.passage_keys()?;
        if ann.len() != keys.len() {
            problems.push(format!(
                "the ANN holds {} vectors, the tables {} passages",
                ann.len(),
                keys.len()
            ));
        }
        let missing = keys.iter().filter(|&&k| !ann.contains(k)).count();
        if missing > 0 {
            problems.push(format!("{missing} passages are not in the ANN"));
        }
        let file = VectorFile::open(&PassageIndex::vectors_path(&index.dir), dim)?;
        let mut differ = 0usize;
        index.store.for_each_vector(dim, |k, v| {
            if file.get(k).as_deref() != Some(v) {
                differ += 1;
            }
        })?;
        if differ > 0 {
            problems.push(format!(
                "{differ} passages' vectors differ between the tables and vectors.f32"
            ));
        }
        recall = Some(measure_recall(&index, &keys, sample, k, query)?);
    }
    Ok(Verified {
        name: json!(dir),
        passages,
        problems,
        recall,
    })
}

/// Recall@k of the ANN (with its exact re-scoring) against exact search, the queries being
/// `sample` stored passages spread evenly over the keys (each left out of its own hits).
fn measure_recall(
    index: &PassageIndex,
    keys: &[i64],
    sample: usize,
    k: usize,
    query: AnnQuery,
) -> Result<(f64, usize)> {
    let step = (keys.len() / sample.min(keys.len()).max(1)).max(1);
    let chosen: Vec<i64> = keys.iter().step_by(step).take(sample).copied().collect();
    let vectors = index.store.vectors(&chosen, index.settings.dim)?;
    let queries: Vec<&[f32]> = vectors.iter().map(|(_, v)| v.as_slice()).collect();
    let skip: Vec<Option<i64>> = vectors.iter().map(|(k, _)| Some(*k)).collect();
    let exact = IndexSearcher::new(index, Some(SearchMode::Exact))?.top_k(&queries, k, &skip)?;
    let ann = IndexSearcher::with_query(index, Some(SearchMode::Ann), query, None)?
        .top_k(&queries, k, &skip)?;
    let mut found = 0usize;
    let mut total = 0usize;
    for (e, a) in exact.iter().zip(&ann) {
        let truth: std::collections::HashSet<i64> = e.iter().map(|h: &KeyHit| h.key).collect();
        total += truth.len();
        found += a.iter().filter(|h| truth.contains(&h.key)).count();
    }
    let recall = if total == 0 {
        1.0
    } else {
        found as f64 / total as f64
    };
    Ok((recall, queries.len()))
}
