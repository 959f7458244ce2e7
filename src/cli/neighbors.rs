//! `silica neighbors`: the passages closest to a question or to a passage, in any language;
//! or, with --all-pairs, the related and near-duplicate passage pairs of a corpus.

use super::args::Format;
use super::args::{DateArgs, InputArgs, PassageArgs, RetrievalArgs};
use super::ModelArgs;
use crate::app::neighbors::{neighbors, related_pairs, IdQuery, NeighborsRequest, QueryHits};
use crate::app::units::{embed_units, embed_with_bar, memory_store, Unit};
use crate::corpus::TokenCounter;
use crate::index::{
    AnnQuery, Passage, PassageFilters, PassagePair, SearchMode, SearchRequest, Target,
};
use crate::lexical::RetrievalMethod;
use crate::model::PromptChoice;
use crate::report::excerpt;
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
/// cosines over all passages. With --retrieval lexical, passages are ranked by BM25 over
/// their words instead (no model needed with an index); with --retrieval hybrid, by both
/// rankings fused (on PIAF, French QA: MRR@10 0.75 dense, 0.80 hybrid; docs/quality.md).
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

    #[command(flatten)]
    pub ranking: RetrievalArgs,

    /// Only passages of documents read from this file (or with this source; repeatable).
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<String>,

    /// Only passages in this language (ISO 639-1 as `silica passages` shows it, e.g. fr;
    /// repeatable).
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

    /// Order each query's candidates with this cross-encoder (a sentence-transformers
    /// CrossEncoder folder or hub id, BERT or XLM-R, such as the mMiniLM or bge-reranker
    /// families); a hit's score is then the reranker's.
    #[arg(long, value_name = "MODEL")]
    pub rerank: Option<String>,

    /// With --rerank: how many candidates retrieval gives it per query (at least --k).
    #[arg(long, value_name = "N", default_value_t = 50, requires = "rerank")]
    pub rerank_top: usize,

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

pub fn run(args: NeighborsArgs) -> Result<()> {
    if !args.all_pairs && args.query.is_empty() && args.query_file.is_none() && args.id.is_empty() {
        bail!("nothing to search for: give --query TEXT, --query-file FILE, --id PASSAGE_ID, or --all-pairs");
    }
    if args.k == 0 {
        bail!("-k must be at least 1");
    }
    if args.min_score.is_some() && args.ranking.retrieval != RetrievalMethod::Dense {
        bail!("--min-score is a cosine: it applies to --retrieval dense only");
    }
    args.dates.check()?;
    if !(-1.0..=1.0).contains(&args.threshold) {
        bail!("--threshold is a cosine, between -1 and 1");
    }
    let texts = args.query_texts()?;
    let target = if args.input.inputs.is_empty() {
        args.target.target()?
    } else {
        // A corpus given on the command line is used even when SILICA_STORE is set.
        args.target.given()?
    };
    let request = NeighborsRequest {
        texts,
        ids: args.id.clone(),
        id_query: IdQuery::StoredVector,
        k: args.k,
        min_score: args.min_score,
        search: SearchRequest {
            mode: args.mode(),
            ann: AnnQuery::default(),
            filters: args.filters(),
        },
        retrieval: args.ranking.retrieval,
        hybrid: args.ranking.hybrid()?,
        rerank_top: args.rerank.as_ref().map(|_| args.rerank_top.max(args.k)),
    };
    if args.rerank.is_some() && args.all_pairs {
        bail!("--rerank orders a query's neighbours; --all-pairs has no query");
    }
    match (target, args.input.inputs.is_empty()) {
        (Some(_), false) => bail!("give either a CORPUS or --index DIR / --store URL, not both"),
        (None, true) => {
            bail!("nothing to search in: give a CORPUS (files, directories), --index DIR or --store URL")
        }
        (Some(target), true) => run_on_store(&args, &target, request),
        (None, false) => run_on_corpus(&args, request),
    }
}

/// `neighbors CORPUS`: the corpus read, split and embedded now, every passage scored
/// exactly; a passage named by --id is embedded again as a query.
fn run_on_corpus(args: &NeighborsArgs, mut request: NeighborsRequest) -> Result<()> {
    if args.search.is_some() || args.exact {
        bail!("--search and --exact apply to an index or store; with a CORPUS, every passage is scored exactly");
    }
    request.search.mode = None;
    request.id_query = IdQuery::EmbeddedAsQuery;
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
    let (items, matrix, _) = embed_units(
        &embedder,
        &corpus,
        Unit::Passage,
        &passage_prompt,
        cache.as_mut(),
    )?;
    let store = memory_store(args.input.names(), &corpus, items, matrix)?;
    if args.all_pairs {
        let pairs = related_pairs(&store, &request.search, args.threshold, args.cross_document)?;
        return write_pairs(&pairs, args.format);
    }
    let mut embed = |texts: &[String]| -> Result<Vec<Vec<f32>>> {
        crate::app::corpus::with_token_counter(
            &embedder,
            query_prompt.prefix(&info.prompts),
            cache.as_mut(),
            |counter| warn_long_queries(texts, counter, info.max_tokens),
        )?;
        let (vectors, _) = embed_with_bar(&embedder, texts, &query_prompt, cache.as_mut())?;
        Ok(vectors.rows().map(<[f32]>::to_vec).collect())
    };
    let lists = neighbors(&store, &request, &mut embed)?;
    write_lists(&reranked(args, lists)?, args.format)
}

/// The lists as `--rerank` orders them, or as they are.
fn reranked(args: &NeighborsArgs, lists: Vec<QueryHits>) -> Result<Vec<QueryHits>> {
    let Some(name) = &args.rerank else {
        return Ok(lists);
    };
    let device = args.model.device.open()?;
    let reranker = crate::rerank::CrossEncoder::load(
        &crate::model::ModelSpec::parse(name),
        &crate::model::ModelLocator::from_env(),
        device,
    )?;
    crate::app::neighbors::rerank(&reranker, lists, args.k)
}

fn warn_long_queries(texts: &[String], counter: &dyn TokenCounter, max_tokens: usize) {
    for (n, text) in texts.iter().enumerate() {
        let tokens = counter.count(text);
        if tokens > max_tokens {
            eprintln!(
                "warning: query {} has {tokens} tokens; only the first {max_tokens} are read",
                n + 1
            );
        }
    }
}

/// `neighbors --index DIR` or `--store URL`: queries against a persistent index; a passage
/// named by --id is searched with its stored vector (no model needed).
fn run_on_store(
    args: &NeighborsArgs,
    target: &Target,
    mut request: NeighborsRequest,
) -> Result<()> {
    if args.all_pairs && target.is_shared() {
        bail!("--all-pairs compares every stored passage with every other: use --index DIR or a CORPUS");
    }
    request.search.ann = args.ann.query_for(target)?;
    let store = crate::index::open(target)?;
    if args.all_pairs {
        let pairs = related_pairs(
            store.as_ref(),
            &request.search,
            args.threshold,
            args.cross_document,
        )?;
        return write_pairs(&pairs, args.format);
    }
    let name = store.name();
    let settings = store
        .settings()
        .cloned()
        .with_context(|| format!("{name}: no settings"))?;
    let mut embed = |texts: &[String]| -> Result<Vec<Vec<f32>>> {
        super::index::require_model(&name, &settings, &args.model)?;
        let embedder = args.model.load_embedder_for(&settings)?;
        let mut cache = args.model.open_cache()?;
        let prompt = args.model.prompt_or(PromptChoice::Query);
        let (vectors, _) = embed_with_bar(&embedder, texts, &prompt, cache.as_mut())?;
        Ok(vectors.rows().map(<[f32]>::to_vec).collect())
    };
    let lists = neighbors(store.as_ref(), &request, &mut embed)?;
    write_lists(&reranked(args, lists)?, args.format)
}

/// A hit as `neighbors` prints it: its rank, its cosine (4 decimals), the passage.
#[derive(Serialize)]
struct RankedHit<'a> {
    rank: usize,
    score: f32,
    #[serde(flatten)]
    passage: &'a Passage,
}

fn write_lists(lists: &[QueryHits], format: Format) -> Result<()> {
    let ranked: Vec<Vec<RankedHit>> = lists
        .iter()
        .map(|list| {
            list.hits
                .iter()
                .enumerate()
                .map(|(rank, h)| RankedHit {
                    rank: rank + 1,
                    score: round4_f32(h.score),
                    passage: &h.passage,
                })
                .collect()
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json if ranked.len() == 1 => {
            serde_json::to_writer_pretty(&mut out, &ranked[0])?;
            writeln!(out)?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &ranked)?;
            writeln!(out)?;
        }
        Format::Table => {
            for (list, hits) in lists.iter().zip(&ranked) {
                writeln!(out, "query: {}", excerpt(&list.query, 100))?;
                for hit in hits {
                    writeln!(
                        out,
                        "  {:>2}. {:.3}  {:<32} {}",
                        hit.rank,
                        hit.score,
                        hit.passage.id,
                        excerpt(&hit.passage.text, 90)
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

impl NeighborsArgs {
    /// The queries' texts, in order: --query texts, then the lines of --query-file.
    fn query_texts(&self) -> Result<Vec<String>> {
        let mut texts: Vec<String> = self.query.clone();
        if let Some(path) = &self.query_file {
            let content = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            if content.trim().is_empty() {
                bail!("{}: no query in the file", path.display());
            }
            texts.extend(
                content
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
        if let Some(i) = texts.iter().position(|t| t.trim().is_empty()) {
            bail!("query {} is empty", i + 1);
        }
        Ok(texts)
    }

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

/// A pair as `neighbors --all-pairs` prints it.
#[derive(Serialize)]
struct RoundedPair<'a> {
    score: f32,
    a: &'a Passage,
    b: &'a Passage,
}

fn write_pairs(pairs: &[PassagePair], format: Format) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            let list: Vec<RoundedPair> = pairs
                .iter()
                .map(|p| RoundedPair {
                    score: round4_f32(p.score),
                    a: &p.a,
                    b: &p.b,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        Format::Table => {
            for p in pairs {
                writeln!(out, "{:.3}  {}  ~  {}", p.score, p.a.id, p.b.id)?;
                writeln!(
                    out,
                    "       {}\n       {}",
                    excerpt(&p.a.text, 100),
                    excerpt(&p.b.text, 100)
                )?;
            }
        }
    }
    out.flush()?;
    eprintln!("{} pairs", pairs.len());
    Ok(())
}
