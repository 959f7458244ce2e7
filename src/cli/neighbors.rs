//! `silica neighbors`: the passages closest to a question or to a passage, in any language;
//! or, with --all-pairs, the related and near-duplicate passage pairs of a corpus.

use super::args::{corpus_spec, DateArgs, Format, InputArgs, PassageArgs, RetrievalArgs};
use super::ModelArgs;
use crate::app::neighbors::{
    read_query_file, rerank_with, search, Found, IdQuery, NeighborsRequest, NeighborsSource,
    QueryModel, Wanted,
};
use crate::index::{AnnQuery, PassageFilters, SearchMode, SearchRequest};
use crate::lexical::RetrievalMethod;
use crate::model::PromptChoice;
use crate::report::neighbors::{write_hit_lists, write_pairs};
use anyhow::{bail, Result};
use clap::Args;
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
    args.check()?;
    let texts = args.query_texts()?;
    search_and_print(&args, texts)
}

impl NeighborsArgs {
    /// What the flags ask that cannot be, before anything is read.
    fn check(&self) -> Result<()> {
        let args = self;
        if !args.all_pairs
            && args.query.is_empty()
            && args.query_file.is_none()
            && args.id.is_empty()
        {
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
        if args.rerank.is_some() && args.all_pairs {
            bail!("--rerank orders a query's neighbours; --all-pairs has no query");
        }
        Ok(())
    }
}

/// Searches and prints.
fn search_and_print(args: &NeighborsArgs, texts: Vec<String>) -> Result<()> {
    let target = if args.input.inputs.is_empty() {
        args.target.target()?
    } else {
        // A corpus given on the command line is used even when SILICA_STORE is set.
        args.target.given()?
    };
    let mut request = args.request(texts)?;
    let spec;
    let source = match (&target, args.input.inputs.is_empty()) {
        (Some(_), false) => bail!("give either a CORPUS or --index DIR / --store URL, not both"),
        (None, true) => {
            bail!("nothing to search in: give a CORPUS (files, directories), --index DIR or --store URL")
        }
        (Some(target), true) => {
            if args.all_pairs && target.is_shared() {
                bail!("--all-pairs compares every stored passage with every other: use --index DIR or a CORPUS");
            }
            request.search.ann = args.ann.query_for(target)?;
            NeighborsSource::Store(target)
        }
        (None, false) => {
            if args.search.is_some() || args.exact {
                bail!("--search and --exact apply to an index or store; with a CORPUS, every passage is scored exactly");
            }
            spec = corpus_spec(&args.input, &args.passages, &args.dates)?;
            NeighborsSource::Corpus(&spec)
        }
    };
    let wanted = if args.all_pairs {
        Wanted::Pairs {
            search: request.search,
            threshold: args.threshold,
            cross_document: args.cross_document,
        }
    } else {
        Wanted::Neighbors(request)
    };
    let query_model = args.model.request();
    let open_cache = || args.model.open_cache();
    let model = QueryModel {
        request: &query_model,
        prompt: args.model.prompt_or(PromptChoice::Query),
        open_cache: &open_cache,
    };
    print_found(args, search(&source, wanted, &model)?)
}

fn print_found(args: &NeighborsArgs, found: Found) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match found {
        Found::Pairs(pairs) => {
            write_pairs(&mut out, &pairs, args.format)?;
            out.flush()?;
            eprintln!("{} pairs", pairs.len());
        }
        Found::Lists(lists) => {
            let lists = match &args.rerank {
                Some(name) => rerank_with(name, args.model.device, lists, args.k)?,
                None => lists,
            };
            write_hit_lists(&mut out, &lists, args.format)?;
            out.flush()?;
        }
    }
    Ok(())
}

impl NeighborsArgs {
    /// The request the flags make (the search's ANN settings and mode are the source's).
    fn request(&self, texts: Vec<String>) -> Result<NeighborsRequest> {
        let args = self;
        Ok(NeighborsRequest {
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
        })
    }

    /// The queries' texts, in order: --query texts, then the lines of --query-file.
    fn query_texts(&self) -> Result<Vec<String>> {
        let mut texts: Vec<String> = self.query.clone();
        if let Some(path) = &self.query_file {
            texts.extend(read_query_file(path)?);
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
