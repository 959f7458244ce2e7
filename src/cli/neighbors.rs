//! `silica neighbors`: the passages closest to a question or to a passage, in any language;
//! or, with --all-pairs, the related and near-duplicate passage pairs of a corpus.

use super::args::Format;
use super::args::{DateArgs, InputArgs, PassageArgs};
use super::index::Target;
use super::units::{embed_units, embed_with_bar, Unit};
use super::ModelArgs;
use crate::index::postgres::PgStore;
use crate::index::PassageFilters;
use crate::index::{IndexSearcher, PassageIndex, PassageRow, SearchMode};
use crate::model::PromptChoice;
use crate::report::excerpt;
use crate::search::{all_pairs, top_k_many};
use crate::themes::Item;
use crate::vectors::round4_f32;
use anyhow::{bail, Context, Result};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Find the passages related to a question or a passage.
///
/// Passages are embedded with the passage prompt, questions with the query prompt (as e5
/// models expect); a question in one language finds passages in another. Scores are exact
/// cosines over all passages.
///
/// With --index DIR, the passages come from a persistent index (`silica index add`): no
/// corpus is read, and --id needs no model.
///
/// Example: silica neighbors seeds/ --query "Which countries signed AI agreements with Israel?"
#[derive(Debug, Args)]
#[command(mut_arg("inputs", |a| a.required(false)))]
pub struct NeighborsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Search this index (--index DIR) or PostgreSQL store (--store URL; see `silica
    /// index`) instead of reading a corpus.
    #[command(flatten)]
    pub target: super::index::StoreArgs,

    /// With an index or store: score every stored passage exactly (a sequential scan in
    /// PostgreSQL), or always use the ANN graph (default: exact below 20,000 passages, else
    /// the ANN).
    #[arg(long, value_enum)]
    pub search: Option<SearchMode>,

    /// Shorthand for --search exact.
    #[arg(long, conflicts_with = "search")]
    pub exact: bool,

    /// With an index or store: only passages of documents read from this file (or with this
    /// source; repeatable).
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<String>,

    /// With an index or store: only passages in this language (ISO 639-1 as `silica
    /// passages` shows it, e.g. fr; repeatable).
    #[arg(long = "lang", value_name = "CODE")]
    pub langs: Vec<String>,

    #[command(flatten)]
    pub ann: super::index::AnnQueryArgs,

    #[command(flatten)]
    pub dates: DateArgs,

    /// A question or text to search for (repeatable).
    #[arg(long, short = 'q')]
    pub query: Vec<String>,

    /// A file of queries, one per line.
    #[arg(long)]
    pub query_file: Option<PathBuf>,

    /// The id of a passage whose neighbours to find (repeatable; see `silica passages`).
    #[arg(long)]
    pub id: Vec<String>,

    /// Neighbours per query.
    #[arg(short, long, default_value_t = 10)]
    pub k: usize,

    /// Leave out neighbours with a lower cosine.
    #[arg(long)]
    pub min_score: Option<f32>,

    /// List the pairs of passages with cosine above --threshold instead (paraphrase mining).
    #[arg(long)]
    pub all_pairs: bool,

    /// With --all-pairs: the lowest cosine of a pair.
    #[arg(long, default_value_t = 0.9)]
    pub threshold: f32,

    /// With --all-pairs: only pairs from two different documents.
    #[arg(long)]
    pub cross_document: bool,

    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

#[derive(Serialize)]
struct NeighborHit<'a> {
    rank: usize,
    score: f32,
    #[serde(flatten)]
    passage: PassageRef<'a>,
}

#[derive(Serialize, Clone)]
struct PassageRef<'a> {
    id: &'a str,
    source: &'a str,
    text: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    /// The document's publication date, when its text states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[derive(Serialize)]
struct Pair<'a> {
    score: f32,
    a: PassageRef<'a>,
    b: PassageRef<'a>,
}

fn passage_ref<'a>(item: &'a Item, dates: &[Option<chrono::NaiveDate>]) -> PassageRef<'a> {
    PassageRef {
        id: &item.id,
        source: &item.source,
        text: &item.text,
        start: item.span.map(|s| s.0),
        end: item.span.map(|s| s.1),
        date: dates
            .get(item.document)
            .copied()
            .flatten()
            .map(|d| d.to_string()),
    }
}

/// The queries, in order: --query texts, then the lines of --query-file, then --id passages.
enum Query {
    Text(String),
    Passage(usize),
}

pub fn run(args: NeighborsArgs) -> Result<()> {
    if !args.all_pairs && args.query.is_empty() && args.query_file.is_none() && args.id.is_empty() {
        bail!("nothing to search for: give --query TEXT, --query-file FILE, --id PASSAGE_ID, or --all-pairs");
    }
    if args.k == 0 {
        bail!("-k must be at least 1");
    }
    args.dates.check()?;
    if !(-1.0..=1.0).contains(&args.threshold) {
        bail!("--threshold is a cosine, between -1 and 1");
    }
    let mut texts: Vec<String> = args.query.clone();
    if let Some(path) = &args.query_file {
        let content = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        texts.extend(
            content
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
        if content.trim().is_empty() {
            bail!("{}: no query in the file", path.display());
        }
    }
    if let Some(i) = texts.iter().position(|t| t.trim().is_empty()) {
        bail!("query {} is empty", i + 1);
    }
    let target = if args.input.inputs.is_empty() {
        args.target.target()?
    } else {
        // A corpus given on the command line is used even when SILICA_STORE is set.
        args.target.given()?
    };
    match (target, args.input.inputs.is_empty()) {
        (Some(_), false) => bail!("give either a CORPUS or --index DIR / --store URL, not both"),
        (None, true) => {
            bail!("nothing to search in: give a CORPUS (files, directories), --index DIR or --store URL")
        }
        (Some(Target::Dir(dir)), true) => return run_on_index(&args, &dir, texts),
        (Some(Target::Postgres(url)), true) => return run_on_store(&args, &url, texts),
        (None, false) => {}
    }
    if args.search.is_some() || args.exact || !args.sources.is_empty() || !args.langs.is_empty() {
        bail!("--search, --exact, --source and --lang apply to an index or store; with a CORPUS, every passage is scored exactly (give only the files to search)");
    }

    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let info = embedder.info().clone();
    let passage_prompt = PromptChoice::Passage;
    let query_prompt = args.model.prompt_or(PromptChoice::Query);
    let corpus = args.passages.build_for(
        &args.input,
        &embedder,
        passage_prompt.prefix(&info.prompts),
        &args.dates,
        cache.as_mut(),
    )?;
    let dates: Vec<Option<chrono::NaiveDate>> = corpus.documents.iter().map(|d| d.date).collect();
    let (items, matrix, _) = embed_units(
        &embedder,
        &corpus,
        Unit::Passage,
        &passage_prompt,
        cache.as_mut(),
    )?;

    if args.all_pairs {
        let pairs = all_pairs(&matrix, args.threshold, |i, j| {
            !args.cross_document || items[i].document != items[j].document
        });
        return write_pairs(&items, &dates, &pairs, args.format);
    }

    let mut queries: Vec<Query> = texts.into_iter().map(Query::Text).collect();
    for id in &args.id {
        match items.iter().position(|i| &i.id == id) {
            Some(index) => queries.push(Query::Passage(index)),
            None => bail!(
                "no passage with id {id:?} (ids look like {:?}; `silica passages` lists them)",
                items[0].id
            ),
        }
    }
    let query_texts: Vec<&str> = queries
        .iter()
        .map(|q| match q {
            Query::Text(t) => t.as_str(),
            Query::Passage(i) => items[*i].input.as_str(),
        })
        .collect();
    super::args::with_token_counter(
        &embedder,
        query_prompt.prefix(&info.prompts),
        cache.as_mut(),
        |counter| {
            for (n, text) in query_texts.iter().enumerate() {
                let tokens = counter.count(text);
                if tokens > info.max_tokens {
                    eprintln!(
                        "warning: query {} has {tokens} tokens; only the first {} are read",
                        n + 1,
                        info.max_tokens
                    );
                }
            }
        },
    )?;
    let (query_vectors, _) =
        embed_with_bar(&embedder, &query_texts, &query_prompt, cache.as_mut())?;
    let query_rows: Vec<&[f32]> = query_vectors.rows().collect();
    // A passage is not its own neighbour.
    let results = top_k_many(
        &matrix,
        &query_rows,
        args.k,
        |q, row| matches!(queries[q], Query::Passage(i) if i == row),
    );
    let lists: Vec<Vec<NeighborHit>> = results
        .iter()
        .map(|hits| {
            hits.iter()
                .filter(|h| args.min_score.is_none_or(|m| h.score >= m))
                .enumerate()
                .map(|(rank, h)| NeighborHit {
                    rank: rank + 1,
                    score: round4_f32(h.score),
                    passage: passage_ref(&items[h.index], &dates),
                })
                .collect()
        })
        .collect();
    write_lists(&query_texts, &lists, args.format)
}

fn write_lists(query_texts: &[&str], lists: &[Vec<NeighborHit>], format: Format) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json if lists.len() == 1 => serde_json::to_writer_pretty(&mut out, &lists[0])?,
        Format::Json => serde_json::to_writer_pretty(&mut out, &lists)?,
        Format::Table => {
            for (q, list) in query_texts.iter().zip(lists) {
                writeln!(out, "query: {}", excerpt(q, 100))?;
                for hit in list {
                    writeln!(
                        out,
                        "  {:>2}. {:.3}  {:<32} {}",
                        hit.rank,
                        hit.score,
                        hit.passage.id,
                        excerpt(hit.passage.text, 90)
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    if format == Format::Json {
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// `neighbors --index DIR`: queries against a persistent index.
fn run_on_index(args: &NeighborsArgs, dir: &std::path::Path, texts: Vec<String>) -> Result<()> {
    let index = PassageIndex::open(dir, true)?;
    let dim = index.settings.dim;
    let filters = args.filters();
    let only = if filters.is_empty() {
        None
    } else {
        let keys = index.store.passage_keys_filtered(&filters)?;
        if keys.is_empty() {
            bail!(
                "{}: no indexed passage {}",
                dir.display(),
                describe_filters(&filters)
            );
        }
        Some(keys.into_iter().collect())
    };
    let searcher = IndexSearcher::with_query(&index, args.mode(), args.ann.query()?, only)?;
    if args.all_pairs {
        let documents = if args.cross_document {
            Some(index.store.passage_documents()?)
        } else {
            None
        };
        let pairs = searcher.pairs(args.threshold, |a, b| {
            documents.as_ref().is_none_or(|d| d.get(&a) != d.get(&b))
        })?;
        let keys: Vec<i64> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
        let rows = index.store.passage_rows(&keys)?;
        let refs: Vec<(f32, PassageRef, PassageRef)> = pairs
            .iter()
            .zip(rows.chunks(2))
            .map(|(&(_, _, s), ab)| (s, row_ref(&ab[0]), row_ref(&ab[1])))
            .collect();
        return write_pair_refs(&refs, args.format);
    }
    let (query_texts, vectors, skip) = query_vectors(
        args,
        &dir.display().to_string(),
        &index.settings,
        texts,
        |id| {
            Ok(match index.store.passage_by_id(id, dim)? {
                Some((key, v)) => {
                    let row = index.store.passage_rows(&[key])?;
                    Some((key, row[0].text.clone(), v))
                }
                None => None,
            })
        },
    )?;
    let queries: Vec<&[f32]> = vectors.iter().map(Vec::as_slice).collect();
    let results = searcher.top_k(&queries, args.k, &skip)?;
    let hits: Vec<Vec<(f32, PassageRow)>> = results
        .iter()
        .map(|hits| {
            let rows = index
                .store
                .passage_rows(&hits.iter().map(|h| h.key).collect::<Vec<_>>())?;
            Ok(hits.iter().map(|h| h.score).zip(rows).collect())
        })
        .collect::<Result<_>>()?;
    write_hits(args, &query_texts, &hits)
}

/// Writes each query's hits (cosine, passage), best first, as `--format` says.
fn write_hits(
    args: &NeighborsArgs,
    query_texts: &[String],
    hits: &[Vec<(f32, PassageRow)>],
) -> Result<()> {
    let lists: Vec<Vec<NeighborHit>> = hits
        .iter()
        .map(|hits| {
            hits.iter()
                .filter(|(score, _)| args.min_score.is_none_or(|m| *score >= m))
                .enumerate()
                .map(|(rank, (score, row))| NeighborHit {
                    rank: rank + 1,
                    score: round4_f32(*score),
                    passage: row_ref(row),
                })
                .collect()
        })
        .collect();
    let texts: Vec<&str> = query_texts.iter().map(String::as_str).collect();
    write_lists(&texts, &lists, args.format)
}

/// `neighbors --store URL`: queries against a PostgreSQL store, ordered by pgvector (HNSW
/// or a scan), the filters in SQL.
fn run_on_store(args: &NeighborsArgs, url: &str, texts: Vec<String>) -> Result<()> {
    if args.all_pairs {
        bail!("--all-pairs compares every stored passage with every other: use --index DIR or a CORPUS");
    }
    let query = args.ann.query()?;
    if query.candidates.is_some() {
        bail!("--candidates sets how many of usearch's candidates are re-scored; a PostgreSQL store's HNSW scores exactly (use --ef)");
    }
    let store = PgStore::open(url)?;
    let (query_texts, vectors, skip) =
        query_vectors(args, &store.name, &store.settings, texts, |id| {
            Ok(store
                .passage_by_id(id)?
                .map(|(row, v)| (row.key, row.text, v)))
        })?;
    let searcher = store.searcher(args.mode(), query.ef, args.filters())?;
    let queries: Vec<&[f32]> = vectors.iter().map(Vec::as_slice).collect();
    let hits = searcher.top_k(&queries, args.k, &skip)?;
    write_hits(args, &query_texts, &hits)
}

/// The queries' texts, vectors and the passage each leaves out of its hits: the texts
/// embedded with the index's model (refused if another), then the stored passages of
/// `--id` (by `lookup`: key, text, vector; no model needed).
#[allow(clippy::type_complexity)]
fn query_vectors(
    args: &NeighborsArgs,
    name: &str,
    settings: &crate::index::IndexSettings,
    texts: Vec<String>,
    mut lookup: impl FnMut(&str) -> Result<Option<(i64, String, Vec<f32>)>>,
) -> Result<(Vec<String>, Vec<Vec<f32>>, Vec<Option<i64>>)> {
    let mut skip: Vec<Option<i64>> = vec![None; texts.len()];
    let mut vectors: Vec<Vec<f32>> = Vec::new();
    if !texts.is_empty() {
        super::index::require_model(name, settings, &args.model)?;
        let embedder = args.model.load_embedder_for(settings)?;
        let mut cache = args.model.open_cache()?;
        let prompt = args.model.prompt_or(PromptChoice::Query);
        let (q, _) = embed_with_bar(&embedder, &texts, &prompt, cache.as_mut())?;
        vectors.extend(q.rows().map(<[f32]>::to_vec));
    }
    let mut query_texts = texts;
    for id in &args.id {
        match lookup(id)? {
            Some((key, text, v)) => {
                query_texts.push(text);
                vectors.push(v);
                skip.push(Some(key));
            }
            None => bail!(
                "{name}: no passage with id {id:?} here (ids look like `001.txt#3`; `silica passages` lists them)"
            ),
        }
    }
    Ok((query_texts, vectors, skip))
}

impl NeighborsArgs {
    /// `--search`, or exact with `--exact`.
    fn mode(&self) -> Option<SearchMode> {
        if self.exact {
            Some(SearchMode::Exact)
        } else {
            self.search
        }
    }

    fn filters(&self) -> PassageFilters {
        PassageFilters {
            since: self.dates.since,
            until: self.dates.until,
            sources: self.sources.clone(),
            langs: self.langs.clone(),
        }
    }
}

/// "dated since 2025-01-01, from a.txt, in fr", for messages.
fn describe_filters(f: &PassageFilters) -> String {
    let mut parts = Vec::new();
    if f.since.is_some() || f.until.is_some() {
        let dates = DateArgs {
            since: f.since,
            until: f.until,
        };
        parts.push(format!("dated {}", dates.describe()));
    }
    if !f.sources.is_empty() {
        parts.push(format!("from {}", f.sources.join(" or ")));
    }
    if !f.langs.is_empty() {
        parts.push(format!("in {}", f.langs.join(" or ")));
    }
    parts.join(", ")
}

fn row_ref(row: &PassageRow) -> PassageRef<'_> {
    PassageRef {
        id: &row.id,
        source: &row.source,
        text: &row.text,
        start: Some(row.start),
        end: Some(row.end),
        date: row.date.clone(),
    }
}

fn write_pairs(
    items: &[Item],
    dates: &[Option<chrono::NaiveDate>],
    pairs: &[(usize, usize, f32)],
    format: Format,
) -> Result<()> {
    let refs: Vec<(f32, PassageRef, PassageRef)> = pairs
        .iter()
        .map(|&(i, j, s)| {
            (
                s,
                passage_ref(&items[i], dates),
                passage_ref(&items[j], dates),
            )
        })
        .collect();
    write_pair_refs(&refs, format)
}

fn write_pair_refs(pairs: &[(f32, PassageRef, PassageRef)], format: Format) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            let list: Vec<Pair> = pairs
                .iter()
                .map(|(s, a, b)| Pair {
                    score: round4_f32(*s),
                    a: a.clone(),
                    b: b.clone(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        Format::Table => {
            for (s, a, b) in pairs {
                writeln!(out, "{s:.3}  {}  ~  {}", a.id, b.id)?;
                writeln!(
                    out,
                    "       {}\n       {}",
                    excerpt(a.text, 100),
                    excerpt(b.text, 100)
                )?;
            }
        }
    }
    out.flush()?;
    eprintln!("{} pairs", pairs.len());
    Ok(())
}
