//! Nearest neighbours over any [`PassageStore`]: questions embedded with the query prompt,
//! stored passages named by id, `k` hits each, best first; and the related pairs of a
//! store.

use super::corpus::{with_token_counter, CorpusSpec};
use super::model::ModelRequest;
use super::units::{embed_corpus_store, embed_with_bar};
use crate::cache::EmbeddingCache;
use crate::corpus::TokenCounter;
use crate::index::{Neighbor, PassagePair, PassageStore, SearchRequest, Target};
use crate::lexical::{fuse, HybridParams, RetrievalMethod};
use crate::model::PromptChoice;
use anyhow::{bail, Context, Result};
use std::collections::HashMap;

/// What is searched: a corpus embedded now (every passage scored exactly; a passage named
/// by id embedded again as a query), or an index or store (a passage named by id searched
/// with its stored vector, no model needed).
pub enum NeighborsSource<'a> {
    Corpus(&'a CorpusSpec),
    Store(&'a Target),
}

/// The model queries are embedded with: the request, the query prompt, and the embedding
/// cache, opened when the model is needed.
pub struct QueryModel<'a> {
    pub request: &'a ModelRequest,
    pub prompt: PromptChoice,
    pub open_cache: &'a dyn Fn() -> Result<Option<EmbeddingCache>>,
}

/// What a search asks for: each query's neighbours, or every related pair.
pub enum Wanted {
    Neighbors(NeighborsRequest),
    Pairs {
        search: SearchRequest,
        threshold: f32,
        cross_document: bool,
    },
}

/// What a search found.
pub enum Found {
    Lists(Vec<QueryHits>),
    Pairs(Vec<PassagePair>),
}

/// Answers `wanted` over `source`: the corpus read and embedded, or the store opened (its
/// model checked against the one asked, and loaded only when texts must be embedded).
pub fn search(
    source: &NeighborsSource<'_>,
    wanted: Wanted,
    model: &QueryModel<'_>,
) -> Result<Found> {
    match source {
        NeighborsSource::Corpus(spec) => search_corpus(spec, wanted, model),
        NeighborsSource::Store(target) => search_store(target, wanted, model),
    }
}

fn search_corpus(spec: &CorpusSpec, wanted: Wanted, model: &QueryModel<'_>) -> Result<Found> {
    let mut cache = (model.open_cache)()?;
    let embedder = model.request.load()?;
    let store = embed_corpus_store(spec, &embedder, cache.as_mut())?;
    let mut request = match wanted {
        Wanted::Pairs {
            search,
            threshold,
            cross_document,
        } => return related_pairs(&store, &search, threshold, cross_document).map(Found::Pairs),
        Wanted::Neighbors(request) => request,
    };
    request.search.mode = None;
    request.id_query = IdQuery::EmbeddedAsQuery;
    let info = embedder.info().clone();
    let prefix = model.prompt.prefix(&info.prompts).to_string();
    let mut embed = |texts: &[String]| -> Result<Vec<Vec<f32>>> {
        with_token_counter(&embedder, &prefix, cache.as_mut(), |counter| {
            warn_long_queries(texts, counter, info.max_tokens)
        })?;
        let (vectors, _) = embed_with_bar(&embedder, texts, &model.prompt, cache.as_mut())?;
        Ok(vectors.rows().map(<[f32]>::to_vec).collect())
    };
    neighbors(&store, &request, &mut embed).map(Found::Lists)
}

fn warn_long_queries(texts: &[String], counter: &dyn TokenCounter, max_tokens: usize) {
    for (n, text) in texts.iter().enumerate() {
        let tokens = counter.count(text);
        if tokens > max_tokens {
            tracing::warn!(
                "query {} has {tokens} tokens; only the first {max_tokens} are read",
                n + 1
            );
        }
    }
}

fn search_store(target: &Target, wanted: Wanted, model: &QueryModel<'_>) -> Result<Found> {
    let store = crate::index::open(target)?;
    let request = match wanted {
        Wanted::Pairs {
            search,
            threshold,
            cross_document,
        } => {
            let pairs = related_pairs(store.as_ref(), &search, threshold, cross_document)?;
            return Ok(Found::Pairs(pairs));
        }
        Wanted::Neighbors(request) => request,
    };
    let name = store.name();
    let settings = super::index::stored_settings(store.as_ref())?;
    let mut embed = |texts: &[String]| -> Result<Vec<Vec<f32>>> {
        let embedder = model.request.load_checked(&name, &settings)?;
        let mut cache = (model.open_cache)()?;
        let (vectors, _) = embed_with_bar(&embedder, texts, &model.prompt, cache.as_mut())?;
        Ok(vectors.rows().map(<[f32]>::to_vec).collect())
    };
    neighbors(store.as_ref(), &request, &mut embed).map(Found::Lists)
}

/// How a passage named by id becomes a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdQuery {
    /// Its stored vector (passage prompt): no model needed.
    StoredVector,
    /// Its text embedded again with the query prompt, as a question is (a corpus in
    /// memory, whose model is loaded anyway).
    EmbeddedAsQuery,
}

/// What to search for, and how.
#[derive(Debug, Clone)]
pub struct NeighborsRequest {
    /// Questions or texts, embedded with the query prompt.
    pub texts: Vec<String>,
    /// Stored passages whose neighbours to find (each left out of its own hits).
    pub ids: Vec<String>,
    pub id_query: IdQuery,
    pub k: usize,
    /// Hits with a lower cosine are left out (dense retrieval only).
    pub min_score: Option<f32>,
    pub search: SearchRequest,
    /// Dense, lexical or both fused (then as `hybrid` says).
    pub retrieval: RetrievalMethod,
    pub hybrid: HybridParams,
    /// Candidates per query for a reranker to order ([`rerank`]): that many are retrieved
    /// instead of `k` (at least `k`).
    pub rerank_top: Option<usize>,
}

/// Turns query texts into vectors (the model, loaded by the caller).
pub type QueryEmbedder<'a> = dyn FnMut(&[String]) -> Result<Vec<Vec<f32>>> + 'a;

/// One query's text and its hits, best first.
#[derive(Debug, Clone)]
pub struct QueryHits {
    pub query: String,
    pub hits: Vec<Neighbor>,
}

/// Why a request cannot be answered, for front ends to word.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("nothing to search for")]
    NoQuery,
    #[error("query {0} is empty")]
    EmptyQuery(usize),
    #[error("k must be at least 1")]
    ZeroK,
    #[error("a minimum score is a cosine: it applies to dense retrieval only")]
    MinScoreNotDense,
    #[error("the reranker's candidates ({top}) must be at least the neighbours asked for ({k})")]
    RerankTopBelowK { top: usize, k: usize },
}

impl NeighborsRequest {
    pub fn check(&self) -> Result<(), RequestError> {
        if self.texts.is_empty() && self.ids.is_empty() {
            return Err(RequestError::NoQuery);
        }
        if let Some(i) = self.texts.iter().position(|t| t.trim().is_empty()) {
            return Err(RequestError::EmptyQuery(i + 1));
        }
        if self.k == 0 {
            return Err(RequestError::ZeroK);
        }
        if self.min_score.is_some() && self.retrieval != RetrievalMethod::Dense {
            return Err(RequestError::MinScoreNotDense);
        }
        if let Some(top) = self.rerank_top.filter(|&top| top < self.k) {
            return Err(RequestError::RerankTopBelowK { top, k: self.k });
        }
        Ok(())
    }
}

/// The queries in order (texts, then passages by id) and their hits. `embed` turns texts
/// into query vectors; it is called once, and not at all when every query is a stored
/// passage taken by its vector.
pub fn neighbors(
    store: &dyn PassageStore,
    request: &NeighborsRequest,
    embed: &mut QueryEmbedder<'_>,
) -> Result<Vec<QueryHits>> {
    request.check()?;
    // The passages named by id are looked up first: a wrong id costs no model load.
    let mut named = Vec::with_capacity(request.ids.len());
    for id in &request.ids {
        match store.passage_by_id(id)? {
            Some(found) => named.push(found),
            None => bail!(
                "{}: no passage with id {id:?} here (ids look like `001.txt#3`; `silica passages` lists them)",
                store.name()
            ),
        }
    }
    let mut queries: Vec<String> = request.texts.clone();
    // What the lexical side reads: the question, or the passage's own text.
    let mut words: Vec<String> = request.texts.clone();
    let mut skip: Vec<Option<i64>> = vec![None; queries.len()];
    let mut stored: Vec<Vec<f32>> = Vec::new();
    for (passage, vector) in named {
        skip.push(Some(passage.key));
        words.push(passage.text.clone());
        match request.id_query {
            IdQuery::StoredVector => {
                queries.push(passage.text);
                stored.push(vector);
            }
            IdQuery::EmbeddedAsQuery => queries.push(store.model_input(&passage)),
        }
    }
    let texts: Vec<&str> = words.iter().map(String::as_str).collect();
    let lists = ranked(
        request.retrieval,
        &request.hybrid,
        request.rerank_top.unwrap_or(request.k),
        // Both searches are set up before the model loads: a filter that keeps nothing
        // fails first.
        |k| {
            store
                .lexical_searcher(&request.search.filters)?
                .top_k(&texts, k, &skip)
        },
        |k| {
            let searcher = store.searcher(&request.search)?;
            let to_embed = queries.len() - stored.len();
            let mut vectors = if to_embed > 0 {
                embed(&queries[..to_embed])?
            } else {
                Vec::new()
            };
            vectors.extend(stored);
            let rows: Vec<&[f32]> = vectors.iter().map(Vec::as_slice).collect();
            let lists = searcher.top_k(&rows, k, &skip)?;
            Ok(lists
                .into_iter()
                .map(|hits| {
                    hits.into_iter()
                        .filter(|h| request.min_score.is_none_or(|m| h.score >= m))
                        .collect()
                })
                .collect())
        },
    )?;
    Ok(queries
        .into_iter()
        .zip(lists)
        .map(|(query, hits)| QueryHits { query, hits })
        .collect())
}

/// The queries of a file, one per non-empty line.
pub fn read_query_file(path: &std::path::Path) -> Result<Vec<String>> {
    let content = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    if content.trim().is_empty() {
        bail!("{}: no query in the file", path.display());
    }
    Ok(content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// [`rerank`] with the cross-encoder `name` (a folder or hub id), loaded on `device`.
pub fn rerank_with(
    name: &str,
    device: crate::embed::DeviceChoice,
    lists: Vec<QueryHits>,
    k: usize,
) -> Result<Vec<QueryHits>> {
    let reranker = crate::rerank::CrossEncoder::load(
        &crate::model::ModelSpec::parse(name),
        &crate::model::ModelLocator::from_env(),
        device.open()?,
    )?;
    rerank(&reranker, lists, k)
}

/// Each query's hits ordered by a cross-encoder's score of (query, passage text), the
/// best `k` kept, each hit's score then the reranker's (ties keep the retrieval's order).
/// The query is what [`neighbors`] answered: the question, or the passage named by id.
pub fn rerank(
    reranker: &crate::rerank::CrossEncoder,
    lists: Vec<QueryHits>,
    k: usize,
) -> Result<Vec<QueryHits>> {
    lists
        .into_iter()
        .map(|list| {
            let texts: Vec<&str> = list.hits.iter().map(|h| h.passage.text.as_str()).collect();
            let scores = reranker.score(&list.query, &texts)?;
            let mut hits: Vec<Option<Neighbor>> = list.hits.into_iter().map(Some).collect();
            let reranked = crate::rerank::ranking(&scores)
                .into_iter()
                .take(k)
                .filter_map(|i| {
                    hits[i].take().map(|mut hit| {
                        hit.score = scores[i];
                        hit
                    })
                })
                .collect();
            Ok(QueryHits {
                query: list.query,
                hits: reranked,
            })
        })
        .collect()
}

/// Each query's best `k` as `retrieval` ranks them: `lexical(depth)` and `dense(depth)` give
/// each side's lists (one per query, the lexical side asked first), called only for the
/// sides the method uses; a hybrid asks each for its `hybrid.depth` best and fuses them.
pub fn ranked(
    retrieval: RetrievalMethod,
    hybrid: &HybridParams,
    k: usize,
    lexical: impl FnOnce(usize) -> Result<Vec<Vec<Neighbor>>>,
    dense: impl FnOnce(usize) -> Result<Vec<Vec<Neighbor>>>,
) -> Result<Vec<Vec<Neighbor>>> {
    Ok(match retrieval {
        RetrievalMethod::Dense => dense(k)?,
        RetrievalMethod::Lexical => lexical(k)?,
        RetrievalMethod::Hybrid => {
            let depth = hybrid.depth.max(k);
            let words = lexical(depth)?;
            dense(depth)?
                .into_iter()
                .zip(words)
                .map(|(d, l)| fuse_hits(d, l, k, hybrid))
                .collect()
        }
    })
}

/// One query's dense and lexical hits fused, the best `k`; each hit's score is the fused
/// score.
fn fuse_hits(
    dense: Vec<Neighbor>,
    lexical: Vec<Neighbor>,
    k: usize,
    hybrid: &HybridParams,
) -> Vec<Neighbor> {
    let scored = |hits: &[Neighbor]| -> Vec<(i64, f32)> {
        hits.iter().map(|h| (h.passage.key, h.score)).collect()
    };
    let ranking = fuse(&scored(&dense), &scored(&lexical), hybrid.fusion);
    let mut passages: HashMap<i64, Neighbor> = HashMap::new();
    for hit in dense.into_iter().chain(lexical) {
        passages.entry(hit.passage.key).or_insert(hit);
    }
    ranking
        .into_iter()
        .take(k)
        .filter_map(|(key, score)| {
            passages.remove(&key).map(|hit| Neighbor {
                score: score as f32,
                passage: hit.passage,
            })
        })
        .collect()
}

/// The pairs of passages with cosine at least `threshold`, best first (paraphrase mining);
/// with `cross_document`, only pairs from two documents.
pub fn related_pairs(
    store: &dyn PassageStore,
    search: &SearchRequest,
    threshold: f32,
    cross_document: bool,
) -> Result<Vec<PassagePair>> {
    if !(-1.0..=1.0).contains(&threshold) {
        bail!("the threshold is a cosine, between -1 and 1");
    }
    store.searcher(search)?.pairs(threshold, cross_document)
}
