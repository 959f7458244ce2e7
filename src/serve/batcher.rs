//! Dynamic batching: requests' texts queue up while the model is busy and are embedded
//! together in the next round, packed into forward passes by the same token budget as
//! `silica embed` ([`Embedder::embed_with_token_counts`]).
//!
//! One thread owns the model. It waits for a request, then takes every request already
//! queued (up to a number of texts), embeds all their texts in one call and answers each
//! request with its own vectors, in its own order. A request whose client has gone (timed out
//! or disconnected) before its round starts is skipped. A full queue refuses new requests at
//! once (the route answers 429) rather than letting latency grow without bound.

use super::metrics::Metrics;
use crate::embed::Embedder;
use crate::model::PromptChoice;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// One request's vectors and the tokens the model read of each text.
#[derive(Debug)]
pub struct Embedded {
    pub vectors: Vec<Vec<f32>>,
    pub tokens: Vec<usize>,
}

/// One request's hidden states: per text, one vector per token.
pub type TokenVectors = Vec<crate::embed::TokenStates>;

/// Why a request got no vectors.
#[derive(Debug, thiserror::Error)]
pub enum EmbedFailure {
    #[error("the request queue is full")]
    QueueFull,
    #[error("the embedding worker has stopped")]
    Stopped,
    #[error("embedding failed: {0}")]
    Failed(String),
}

/// How long a round waits for more requests when clients are sending concurrently.
const LINGER: Duration = Duration::from_millis(2);

struct Job {
    /// Texts with their prompt already in front.
    texts: Vec<String>,
    reply: Reply,
}

/// What a job asks for, and where the answer goes.
enum Reply {
    /// One pooled vector per text: texts of such jobs share forward passes.
    Pooled(oneshot::Sender<Result<Embedded, EmbedFailure>>),
    /// Every token's hidden state (`/embed_all`): each text runs alone.
    PerToken(oneshot::Sender<Result<TokenVectors, EmbedFailure>>),
}

impl Reply {
    fn is_closed(&self) -> bool {
        match self {
            Reply::Pooled(sender) => sender.is_closed(),
            Reply::PerToken(sender) => sender.is_closed(),
        }
    }
}

/// The queue in front of the embedding thread.
pub struct EmbedQueue {
    sender: SyncSender<Job>,
    depth: Arc<AtomicUsize>,
    prompts: crate::model::Prompts,
}

impl EmbedQueue {
    /// Starts the embedding thread with room for `capacity` waiting requests; each round
    /// embeds at most `round_texts` texts unless one request alone has more.
    pub fn start(
        embedder: Embedder,
        capacity: usize,
        round_texts: usize,
        metrics: Arc<Metrics>,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = sync_channel(capacity.max(1));
        let depth = Arc::new(AtomicUsize::new(0));
        let prompts = embedder.info().prompts.clone();
        let worker_depth = depth.clone();
        std::thread::Builder::new()
            .name("silica-embed".into())
            .spawn(move || work(embedder, receiver, round_texts, worker_depth, metrics))?;
        Ok(Self {
            sender,
            depth,
            prompts,
        })
    }

    /// Queues `texts` with `prompt`; the receiver yields their vectors in order.
    pub fn submit(
        &self,
        texts: &[String],
        prompt: &PromptChoice,
    ) -> Result<oneshot::Receiver<Result<Embedded, EmbedFailure>>, EmbedFailure> {
        let (reply, receiver) = oneshot::channel();
        self.queue(texts, prompt, Reply::Pooled(reply))?;
        Ok(receiver)
    }

    /// Queues `texts` for their tokens' hidden states (`/embed_all`).
    pub fn submit_per_token(
        &self,
        texts: &[String],
        prompt: &PromptChoice,
    ) -> Result<oneshot::Receiver<Result<TokenVectors, EmbedFailure>>, EmbedFailure> {
        let (reply, receiver) = oneshot::channel();
        self.queue(texts, prompt, Reply::PerToken(reply))?;
        Ok(receiver)
    }

    fn queue(
        &self,
        texts: &[String],
        prompt: &PromptChoice,
        reply: Reply,
    ) -> Result<(), EmbedFailure> {
        let prefix = prompt.prefix(&self.prompts);
        let texts = texts.iter().map(|t| format!("{prefix}{t}")).collect();
        self.depth.fetch_add(1, Ordering::SeqCst);
        match self.sender.try_send(Job { texts, reply }) {
            Ok(()) => Ok(()),
            Err(error) => {
                self.depth.fetch_sub(1, Ordering::SeqCst);
                Err(match error {
                    TrySendError::Full(_) => EmbedFailure::QueueFull,
                    TrySendError::Disconnected(_) => EmbedFailure::Stopped,
                })
            }
        }
    }

    /// Requests waiting for a round.
    pub fn depth(&self) -> usize {
        self.depth.load(Ordering::SeqCst)
    }
}

fn work(
    embedder: Embedder,
    receiver: Receiver<Job>,
    round_texts: usize,
    depth: Arc<AtomicUsize>,
    metrics: Arc<Metrics>,
) {
    // How many requests a round can expect: the largest round lately, less one per round
    // since (so a client that has left costs a few short waits, not one per round forever).
    // More than one means clients are sending concurrently, and the ones answered last are
    // about to send again.
    let mut expected = 0usize;
    while let Ok(first) = receiver.recv() {
        let mut jobs = gather_round(first, &receiver, round_texts, expected);
        expected = jobs.len().max(expected.saturating_sub(1));
        depth.fetch_sub(jobs.len(), Ordering::SeqCst);
        metrics.queue_depth.set(depth.load(Ordering::SeqCst) as i64);
        // Clients that gave up are not waited for.
        jobs.retain(|job| !job.reply.is_closed());
        let (pooled, per_token): (Vec<Job>, Vec<Job>) = jobs
            .into_iter()
            .partition(|job| matches!(job.reply, Reply::Pooled(_)));
        if !pooled.is_empty() {
            embed_round(&embedder, pooled, &metrics);
        }
        for job in per_token {
            embed_per_token(&embedder, job, &metrics);
        }
    }
}

/// The jobs of one round, `first` and those queued behind it, up to `round_texts` texts.
/// Under concurrency (more than one job `expected`), waits a moment for the stragglers so
/// the round is fuller (16 clients: 76% of `silica bench`'s rate without it, see
/// benches/serve/run), but no longer once the expected count has come: past it, only what
/// is already queued joins the round. A lone client never waits.
fn gather_round(
    first: Job,
    receiver: &Receiver<Job>,
    round_texts: usize,
    expected: usize,
) -> Vec<Job> {
    let mut texts = first.texts.len();
    let mut jobs = vec![first];
    let concurrent = expected > 1;
    let linger_until = Instant::now() + LINGER;
    while texts < round_texts {
        let next = if concurrent && jobs.len() < expected {
            receiver
                .recv_timeout(linger_until.saturating_duration_since(Instant::now()))
                .map_err(|_| ())
        } else {
            receiver.try_recv().map_err(|_| ())
        };
        match next {
            Ok(job) => {
                texts += job.texts.len();
                jobs.push(job);
            }
            Err(()) => break,
        }
    }
    jobs
}

/// Embeds a round's texts in one pass and answers each job with its own vectors. The
/// prompt is already in each text. A panic inside the model answers this round's requests
/// with an error instead of ending the thread, and so the service.
fn embed_round(embedder: &Embedder, jobs: Vec<Job>, metrics: &Metrics) {
    let all: Vec<&str> = jobs
        .iter()
        .flat_map(|j| j.texts.iter().map(String::as_str))
        .collect();
    let started = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        embedder.embed_with_token_counts(&all, &PromptChoice::None)
    }));
    let seconds = started.elapsed().as_secs_f64();
    match result {
        Ok(Ok((vectors, stats, tokens))) => {
            metrics.record_round(all.len(), stats.tokens, seconds);
            let mut rows = vectors.rows();
            let mut counts = tokens.into_iter();
            for job in jobs {
                let n = job.texts.len();
                let embedded = Embedded {
                    vectors: rows.by_ref().take(n).map(<[f32]>::to_vec).collect(),
                    tokens: counts.by_ref().take(n).collect(),
                };
                if let Reply::Pooled(reply) = job.reply {
                    // A client that left in the meantime is no one's loss.
                    let _ = reply.send(Ok(embedded));
                }
            }
        }
        Ok(Err(error)) => {
            let message = format!("{error:#}");
            tracing::error!("embedding a round of {} texts: {message}", all.len());
            for job in jobs {
                fail(job.reply, EmbedFailure::Failed(message.clone()));
            }
        }
        Err(_) => {
            tracing::error!("the model panicked on a round of {} texts", all.len());
            for job in jobs {
                fail(job.reply, EmbedFailure::Failed("the model panicked".into()));
            }
        }
    }
}

/// Runs one `/embed_all` job, its texts one by one; a panic answers it with an error.
fn embed_per_token(embedder: &Embedder, job: Job, metrics: &Metrics) {
    let started = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        embedder.token_embeddings(&job.texts, &PromptChoice::None)
    }));
    let seconds = started.elapsed().as_secs_f64();
    let Reply::PerToken(reply) = job.reply else {
        return;
    };
    let answer = match result {
        Ok(Ok((vectors, tokens))) => {
            metrics.record_round(job.texts.len(), tokens.iter().sum(), seconds);
            Ok(vectors)
        }
        Ok(Err(error)) => {
            let message = format!("{error:#}");
            tracing::error!("token vectors of {} texts: {message}", job.texts.len());
            Err(EmbedFailure::Failed(message))
        }
        Err(_) => {
            tracing::error!("the model panicked on {} texts", job.texts.len());
            Err(EmbedFailure::Failed("the model panicked".into()))
        }
    };
    let _ = reply.send(answer);
}

/// Answers a job with a failure, whichever kind it is.
fn fail(reply: Reply, failure: EmbedFailure) {
    match reply {
        Reply::Pooled(sender) => {
            let _ = sender.send(Err(failure));
        }
        Reply::PerToken(sender) => {
            let _ = sender.send(Err(failure));
        }
    }
}
