//! The thread that answers `/neighbors`: it owns the passages' store (a corpus embedded at
//! start-up and held in memory, an index directory, or a PostgreSQL store: any
//! [`PassageStore`]) and its search, and answers queries from a channel, searched as
//! `silica neighbors` searches them.
//!
//! An index's SQLite connection belongs to one thread, so one thread owns the search; a
//! query is a vector, already embedded. A query that fails (a store's server gone, say)
//! answers that request with an error, and the next one tries again.

use crate::index::{Neighbor, PassageStore, SearchRequest};
use anyhow::{Context, Result};
use std::sync::mpsc;
use tokio::sync::oneshot;

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
    /// Starts the search over `store` on its own thread; fails if it cannot be opened.
    pub fn start(store: Box<dyn PassageStore>) -> Result<Self> {
        let (sender, receiver) = mpsc::channel::<Query>();
        let (ready, started) = mpsc::channel::<Result<usize>>();
        std::thread::Builder::new()
            .name("silica-search".into())
            .spawn(move || answer(store.as_ref(), ready, receiver))?;
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

/// Opens the store's search (reporting a failure on `ready`), then answers.
fn answer(
    store: &dyn PassageStore,
    ready: mpsc::Sender<Result<usize>>,
    queries: mpsc::Receiver<Query>,
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
    for query in queries {
        let answer = searcher
            .top_k(&[&query.vector], query.k, &[None])
            .map(|hits| hits.into_iter().next().unwrap_or_default())
            .map_err(|error| format!("searching the {}: {error:#}", store.noun()));
        let _ = query.reply.send(answer);
    }
}
