//! The thread that answers `/neighbors`: it owns the passages' store (a corpus embedded at
//! start-up and held in memory, an index directory, or a PostgreSQL store: any
//! [`PassageStore`]) and its search, and answers queries from a channel, searched as
//! `silica neighbors` searches them.
//!
//! An index's SQLite connection belongs to one thread, so one thread owns the search; a
//! query is a vector, already embedded. A query that fails (a store's server gone, say)
//! answers that request with an error, and the next one tries again.

use crate::app::neighbors::ranked;
use crate::index::{LexicalSearcher, Neighbor, PassageFilters, PassageStore, SearchRequest};
use crate::lexical::{HybridParams, RetrievalMethod};
use anyhow::{Context, Result};
use std::sync::mpsc;
use tokio::sync::oneshot;

/// What one request asks: its text (the lexical side's query), its vector (the dense
/// side's; none for lexical retrieval), how many hits, and how they are ranked.
pub struct Query {
    pub text: String,
    pub vector: Option<Vec<f32>>,
    pub k: usize,
    pub retrieval: RetrievalMethod,
}

struct Asked {
    query: Query,
    reply: oneshot::Sender<Result<Vec<Neighbor>, String>>,
}

/// The search thread's front.
pub struct PassageSearch {
    sender: mpsc::Sender<Asked>,
    /// Passages searchable, for `/health`.
    pub passages: usize,
}

impl PassageSearch {
    /// Starts the search over `store` on its own thread; fails if it cannot be opened.
    pub fn start(store: Box<dyn PassageStore>) -> Result<Self> {
        let (sender, receiver) = mpsc::channel::<Asked>();
        let (ready, started) = mpsc::channel::<Result<usize>>();
        std::thread::Builder::new()
            .name("silica-search".into())
            .spawn(move || answer(store.as_ref(), ready, receiver))?;
        let passages = started
            .recv()
            .context("the search thread ended while opening")??;
        Ok(Self { sender, passages })
    }

    /// The query's best passages, best first.
    pub async fn top_k(&self, query: Query) -> Result<Vec<Neighbor>, String> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Asked { query, reply })
            .map_err(|_| "the search thread has stopped".to_string())?;
        answer
            .await
            .map_err(|_| "the search thread has stopped".to_string())?
    }
}

/// Opens the store's search (reporting a failure on `ready`), then answers; the lexical
/// search is set up at the first query that needs it.
fn answer(
    store: &dyn PassageStore,
    ready: mpsc::Sender<Result<usize>>,
    queries: mpsc::Receiver<Asked>,
) {
    let opened = store.counts().and_then(|(_, passages)| {
        let searcher = store.searcher(&SearchRequest::default())?;
        Ok((searcher, passages))
    });
    let (searcher, passages) = match opened {
        Ok(opened) => opened,
        Err(error) => {
            let _ = ready.send(Err(error));
            return;
        }
    };
    let _ = ready.send(Ok(passages));
    let mut lexical: Option<Box<dyn LexicalSearcher + '_>> = None;
    let hybrid = HybridParams::default();
    for Asked { query, reply } in queries {
        let first = |lists: Vec<Vec<Neighbor>>| lists.into_iter().next().unwrap_or_default();
        let answer = ranked(
            query.retrieval,
            &hybrid,
            query.k,
            |depth| {
                if lexical.is_none() {
                    lexical = Some(store.lexical_searcher(&PassageFilters::default())?);
                }
                let searcher = lexical.as_ref().context("no lexical search")?;
                searcher.top_k(&[&query.text], depth, &[None])
            },
            |depth| {
                let vector = query
                    .vector
                    .as_deref()
                    .context("no vector for a dense search")?;
                searcher.top_k(&[vector], depth, &[None])
            },
        )
        .map(first)
        .map_err(|error| format!("searching the {}: {error:#}", store.noun()));
        let _ = reply.send(answer);
    }
}
