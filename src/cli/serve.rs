//! `silica serve`: the model loaded once behind an HTTP service (see `crate::serve`).

use super::args::{corpus_spec, DateArgs, InputArgs, PassageArgs};
use super::index::StoreArgs;
use super::ModelArgs;
use crate::app::index::open_for_queries;
use crate::app::units::embed_corpus_store;
use crate::index::PassageStore;
use crate::model::PromptChoice;
use crate::serve::{ServeOptions, Server};
use anyhow::{bail, Result};
use clap::Args;
use std::net::SocketAddr;
use std::time::Duration;

/// Serve embeddings, similarity and passage search over HTTP, the model loaded once.
///
/// Routes: POST /v1/embeddings (OpenAI-compatible), POST /embed, POST /similarity,
/// POST /neighbors (with a CORPUS, --index or --store), GET /health, GET /metrics (Prometheus),
/// GET /openapi.json. Concurrent requests are batched together. Stops on SIGTERM or
/// Ctrl-C after the requests in flight.
///
/// Examples: silica serve
///           silica serve --index seeds.idx --addr 127.0.0.1:8080
///           silica serve --store postgres://silica@db.example/news
///           silica serve seeds/ --api-key "$KEY"
#[derive(Debug, Args)]
#[command(mut_arg("inputs", |a| a.required(false)))]
pub struct ServeArgs {
    /// A corpus to search with /neighbors (read, split and embedded at start-up).
    #[command(flatten)]
    pub input: InputArgs,

    /// Search this persistent index (--index DIR) or PostgreSQL store (--store URL) with
    /// /neighbors instead of reading a corpus.
    #[command(flatten)]
    pub target: StoreArgs,

    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub addr: SocketAddr,

    /// Require `Authorization: Bearer KEY` on every route but /health.
    #[arg(long, env = "SILICA_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,

    /// Texts per request, at most (413 past it).
    #[arg(long, default_value_t = 256)]
    pub max_inputs: usize,

    /// Request body size in bytes, at most (413 past it).
    #[arg(long, default_value_t = 2 * 1024 * 1024)]
    pub max_body_bytes: usize,

    /// Requests waiting for the model, at most (429 past it).
    #[arg(long, default_value_t = 512)]
    pub queue: usize,

    /// Texts embedded together in one round of the model, at most.
    #[arg(long, default_value_t = 64)]
    pub round_texts: usize,

    /// Seconds a request waits for the model before a 503.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,

    /// A cross-encoder (sentence-transformers CrossEncoder folder or hub id, BERT or XLM-R)
    /// that `POST /rerank` scores (query, text) pairs with; without one, /rerank is a 404.
    #[arg(long, value_name = "MODEL")]
    pub reranker: Option<String>,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub dates: DateArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: ServeArgs) -> Result<()> {
    if args.max_inputs == 0 || args.queue == 0 || args.round_texts == 0 {
        bail!("--max-inputs, --queue and --round-texts must be at least 1");
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
    let has_corpus = !args.input.inputs.is_empty();
    let target = if has_corpus {
        if args.target.given()?.is_some() {
            bail!("give either a CORPUS or --index DIR or --store URL, not two");
        }
        None
    } else {
        args.target.target()?
    };
    args.dates.check()?;
    let (source, embedder): (Option<Box<dyn PassageStore>>, _) = match &target {
        Some(target) => {
            let (store, embedder) = open_for_queries(target, &args.model.request())?;
            (Some(store), embedder)
        }
        None => {
            let embedder = args.model.load_embedder()?;
            if !has_corpus {
                (None, embedder)
            } else {
                let spec = corpus_spec(&args.input, &args.passages, &args.dates)?;
                let mut cache = args.model.open_cache()?;
                let store = embed_corpus_store(&spec, &embedder, cache.as_mut())?;
                (Some(Box::new(store)), embedder)
            }
        }
    };
    let options = args.options();
    let model = embedder.info().name.clone();
    let device = crate::embed::device_name(embedder.device());
    let threads = rayon::current_num_threads();
    let searching = match &source {
        Some(store) if store.settings().is_none() => {
            format!(", {} passages", store.counts()?.1)
        }
        Some(store) => format!(", {} {}", store.noun(), store.name()),
        None => String::new(),
    };
    let auth = if options.api_key.is_some() {
        ", API key required"
    } else {
        ""
    };
    let reranker = args
        .reranker
        .as_deref()
        .map(|name| {
            crate::rerank::CrossEncoder::load(
                &crate::model::ModelSpec::parse(name),
                &crate::model::ModelLocator::from_env(),
                embedder.device().clone(),
            )
        })
        .transpose()?;
    let server = Server::bind(options, embedder, source, reranker)?;
    eprintln!(
        "silica serve: listening on http://{} (model {model}, device {device}, {threads} threads{searching}{auth})",
        server.local_addr()?
    );
    server.run()
}

impl ServeArgs {
    fn options(&self) -> ServeOptions {
        ServeOptions {
            addr: self.addr,
            api_key: self.api_key.clone().filter(|k| !k.is_empty()),
            max_inputs: self.max_inputs,
            max_body_bytes: self.max_body_bytes,
            queue_capacity: self.queue,
            round_texts: self.round_texts,
            timeout: Duration::from_secs_f64(self.timeout),
            default_prompt: self.model.prompt_or(PromptChoice::Passage),
        }
    }
}
