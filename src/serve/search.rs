//! The passages `/neighbors` searches: a corpus embedded at start-up, held in memory, a
//! persistent index (`silica index`), searched as `neighbors --index` does (exact below
//! 20,000 passages, else the ANN graph re-scored exactly), or a PostgreSQL store, searched
//! as `neighbors --store` does (a scan below 20,000 passages, else pgvector's HNSW).
//!
//! An index's SQLite connection belongs to one thread, so one thread owns the search and
//! answers queries from a channel; a query is a vector, already embedded. A store is
//! searched the same way, one query at a time on its connection pool: a query that fails
//! (the server gone, say) answers that request with an error and the next one reconnects.

use crate::index::postgres::PgStore;
use crate::index::{IndexSearcher, PassageIndex, PassageRow};
use crate::search::top_k_many;
use crate::vectors::Embeddings;
use anyhow::{Context, Result};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::mpsc;
use tokio::sync::oneshot;
use utoipa::ToSchema;

/// A passage as `/neighbors` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Passage {
    /// The passage id (`source#index`), as `silica passages` lists it.
    pub id: String,
    /// The file (or record) it comes from.
    pub source: String,
    /// Character offsets of the passage in its document's text.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Detected language (ISO 639-1).
    pub lang: Option<String>,
    /// The document's publication date (YYYY-MM-DD), when it states one.
    pub date: Option<String>,
    pub text: String,
}

/// One neighbour: a passage and its cosine to the query.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Neighbor {
    pub score: f32,
    #[serde(flatten)]
    pub passage: Passage,
}

/// Where the passages come from.
pub enum PassageSource {
    /// Passages embedded at start-up, one vector per passage, in order.
    Corpus {
        passages: Vec<Passage>,
        vectors: Embeddings,
    },
    /// A persistent index directory, opened read-only.
    Index { dir: PathBuf },
    /// A PostgreSQL store (`postgres://...`), opened (its model checked) by the caller.
    Store { store: PgStore },
}

struct Query {
    vector: Vec<f32>,
    k: usize,
    reply: oneshot::Sender<Result<Vec<Neighbor>, String>>,
}

/// The search thread's front.
pub struct PassageSearch {
    sender: mpsc::Sender<Query>,
    /// Passages searchable, for `/health`.
    pub passages: usize,
}

impl PassageSearch {
    /// Opens the source on its own thread; fails if it cannot be opened.
    pub fn start(source: PassageSource) -> Result<Self> {
        let (sender, receiver) = mpsc::channel::<Query>();
        let (ready, started) = mpsc::channel::<Result<usize>>();
        std::thread::Builder::new()
            .name("silica-search".into())
            .spawn(move || match source {
                PassageSource::Corpus { passages, vectors } => {
                    let _ = ready.send(Ok(passages.len()));
                    serve_corpus(&passages, &vectors, receiver);
                }
                PassageSource::Store { store } => serve_store(&store, ready, receiver),
                PassageSource::Index { dir } => {
                    let opened = PassageIndex::open(&dir, true).and_then(|index| {
                        let passages = index.store.counts()?.1;
                        Ok((index, passages))
                    });
                    match opened {
                        Ok((index, passages)) => match IndexSearcher::new(&index, None) {
                            Ok(searcher) => {
                                let _ = ready.send(Ok(passages));
                                serve_index(&index, &searcher, receiver);
                            }
                            Err(error) => {
                                let _ = ready.send(Err(error));
                            }
                        },
                        Err(error) => {
                            let _ = ready.send(Err(error));
                        }
                    }
                }
            })?;
        let passages = started
            .recv()
            .context("the search thread ended while opening")??;
        Ok(Self { sender, passages })
    }

    /// The `k` passages closest to `vector`, best first.
    pub async fn top_k(&self, vector: Vec<f32>, k: usize) -> Result<Vec<Neighbor>, String> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Query { vector, k, reply })
            .map_err(|_| "the search thread has stopped".to_string())?;
        answer
            .await
            .map_err(|_| "the search thread has stopped".to_string())?
    }
}

fn serve_corpus(passages: &[Passage], vectors: &Embeddings, queries: mpsc::Receiver<Query>) {
    for query in queries {
        let hits = top_k_many(vectors, &[&query.vector], query.k, |_, _| false);
        let neighbors = hits
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_iter()
            .map(|h| Neighbor {
                score: h.score,
                passage: passages[h.index].clone(),
            })
            .collect();
        let _ = query.reply.send(Ok(neighbors));
    }
}

fn serve_index(index: &PassageIndex, searcher: &IndexSearcher, queries: mpsc::Receiver<Query>) {
    for query in queries {
        let answer = search_index(index, searcher, &query.vector, query.k)
            .map_err(|error| format!("searching the index: {error:#}"));
        let _ = query.reply.send(answer);
    }
}

/// Opens the store's search (reporting a failure on `ready`), then answers.
fn serve_store(
    store: &PgStore,
    ready: mpsc::Sender<Result<usize>>,
    queries: mpsc::Receiver<Query>,
) {
    let opened = store.counts().and_then(|(_, passages)| {
        let search = store.searcher(None, None, Default::default())?;
        Ok((search, passages))
    });
    let (search, passages) = match opened {
        Ok(opened) => opened,
        Err(error) => {
            let _ = ready.send(Err(error));
            return;
        }
    };
    let _ = ready.send(Ok(passages));
    for query in queries {
        let answer = search
            .top_k(&[&query.vector], query.k, &[None])
            .map(|hits| {
                hits.into_iter()
                    .next()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(score, row)| neighbor(score, row))
                    .collect()
            })
            .map_err(|error| format!("searching the store: {error:#}"));
        let _ = query.reply.send(answer);
    }
}

fn neighbor(score: f32, row: PassageRow) -> Neighbor {
    Neighbor {
        score,
        passage: Passage {
            id: row.id,
            source: row.source,
            start: Some(row.start),
            end: Some(row.end),
            lang: row.lang,
            date: row.date,
            text: row.text,
        },
    }
}

fn search_index(
    index: &PassageIndex,
    searcher: &IndexSearcher,
    vector: &[f32],
    k: usize,
) -> Result<Vec<Neighbor>> {
    let hits = searcher.top_k(&[vector], k, &[None])?;
    let hits = hits.into_iter().next().unwrap_or_default();
    let rows = index
        .store
        .passage_rows(&hits.iter().map(|h| h.key).collect::<Vec<_>>())?;
    Ok(hits
        .iter()
        .zip(rows)
        .map(|(hit, row)| neighbor(hit.score, row))
        .collect())
}
