//! `silica serve`: the model loaded once behind an HTTP service: OpenAI-compatible and
//! text-embeddings-inference-style embeddings, similarity, and neighbours over a corpus or a
//! persistent index, with dynamic batching ([`batcher`]), Prometheus metrics and an OpenAPI
//! document.
//!
//! Built on axum and tokio. The model runs on its own thread (the batcher); the search on
//! another (an index's SQLite connection stays on one thread); the async runtime only moves
//! bytes.

mod batcher;
mod metrics;
mod routes;
mod search_thread;
mod tei;

use crate::embed::Embedder;
use crate::model::{ModelInfo, PromptChoice};
use anyhow::{Context, Result};
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use batcher::EmbedQueue;
use metrics::Metrics;
use routes::ApiError;
use search_thread::PassageSearch;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use utoipa::OpenApi;

/// How the service runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    /// Required as `Authorization: Bearer KEY` on every route but `/health`.
    pub api_key: Option<String>,
    /// Texts per request, at most.
    pub max_inputs: usize,
    /// Request body size, at most.
    pub max_body_bytes: usize,
    /// Requests waiting for the model, at most; past it, 429.
    pub queue_capacity: usize,
    /// Texts embedded together in one round, at most (one larger request is still taken).
    pub round_texts: usize,
    /// How long a request waits for the model before a 503.
    pub timeout: Duration,
    /// The prompt of `/v1/embeddings`, and of `/embed` when the request names none.
    pub default_prompt: PromptChoice,
}

/// The limits the routes check.
pub(crate) struct Limits {
    max_inputs: usize,
    timeout: Duration,
    default_prompt: PromptChoice,
    /// For `/info`: requests that may wait, tokens per forward pass.
    queue_capacity: usize,
    max_batch_tokens: usize,
}

/// What every route shares.
pub(crate) struct AppState {
    queue: EmbedQueue,
    search: Option<PassageSearch>,
    metrics: Arc<Metrics>,
    info: ModelInfo,
    /// The widths a request's `dimensions` may ask for (at most `info.dimension`).
    dimension_rule: crate::model::DimensionRule,
    device: String,
    weight_format: crate::model::WeightFormat,
    /// For `/tokenize` and `/decode`, which need no model.
    tokenizer: Arc<crate::model::TextTokenizer>,
    /// `--reranker`, for `/rerank` (run on the blocking pool, beside the embedding thread).
    reranker: Option<Arc<crate::rerank::CrossEncoder>>,
    limits: Limits,
    api_key: Option<String>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "silica",
        description = "Multilingual sentence embeddings, similarity and passage search (silica serve)."
    ),
    paths(
        routes::openai_embeddings,
        tei::root,
        tei::embed_route,
        tei::embed_all,
        routes::similarity,
        tei::tokenize,
        tei::decode,
        tei::info,
        tei::root_health,
        tei::rerank,
        routes::neighbors,
        routes::health,
        routes::metrics,
        routes::openapi
    ),
    // The failures' shared responses (routes::EmbeddingFailures) refer to it by name.
    components(schemas(routes::ErrorBody))
)]
pub struct ApiDoc;

/// The OpenAPI document of the service, as `/openapi.json` serves it.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// A service ready to run: the model loaded, the passages opened, the address bound.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    runtime: tokio::runtime::Runtime,
}

impl Server {
    /// Loads what the service needs (the weights and tokenizer now, not on the first
    /// request), opens the passages, and binds the address.
    pub fn bind(
        options: ServeOptions,
        embedder: Embedder,
        passages: Option<Box<dyn crate::index::PassageStore>>,
        reranker: Option<crate::rerank::CrossEncoder>,
    ) -> Result<Self> {
        embedder.load_weights()?;
        let tokenizer = embedder.shared_tokenizer()?;
        let info = embedder.info().clone();
        let weight_format = embedder.weight_format();
        let max_batch_tokens = embedder.limits().max_batch_tokens;
        let dimension_rule = embedder.dimension_rule();
        let device = crate::embed::device_name(embedder.device()).to_string();
        let metrics = Arc::new(Metrics::new());
        let search = passages.map(PassageSearch::start).transpose()?;
        let queue = EmbedQueue::start(
            embedder,
            options.queue_capacity,
            options.round_texts,
            metrics.clone(),
        )
        .context("starting the embedding thread")?;
        let state = Arc::new(AppState {
            queue,
            search,
            metrics,
            info,
            dimension_rule,
            device,
            weight_format,
            tokenizer,
            reranker: reranker.map(Arc::new),
            limits: Limits {
                max_inputs: options.max_inputs,
                timeout: options.timeout,
                default_prompt: options.default_prompt.clone(),
                queue_capacity: options.queue_capacity,
                max_batch_tokens,
            },
            api_key: options.api_key.clone(),
        });
        let router = router(state, options.max_body_bytes);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("starting the async runtime")?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(options.addr))
            .with_context(|| format!("cannot listen on {}", options.addr))?;
        Ok(Self {
            listener,
            router,
            runtime,
        })
    }

    /// The address actually bound (port 0 picks a free one).
    pub fn local_addr(&self) -> Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until SIGTERM or Ctrl-C; then stops accepting connections and lets the
    /// requests in flight finish.
    pub fn run(self) -> Result<()> {
        let Server {
            listener,
            router,
            runtime,
        } = self;
        runtime.block_on(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(shutdown_signal())
                .await
        })?;
        Ok(())
    }
}

fn router(state: Arc<AppState>, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/v1/embeddings", openai_route())
        // text-embeddings-inference's root: health on GET, embedding or similarity on POST.
        .route("/", get(tei::root_health).post(tei::root))
        .route("/embed", post(tei::embed_route))
        .route("/embed_all", post(tei::embed_all))
        .route("/similarity", post(routes::similarity))
        .route("/tokenize", post(tei::tokenize))
        .route("/decode", post(tei::decode))
        .route("/info", get(tei::info))
        .route("/rerank", post(tei::rerank))
        .route("/neighbors", post(routes::neighbors))
        .route("/health", get(routes::health))
        .route("/metrics", get(routes::metrics))
        .route("/openapi.json", get(routes::openapi))
        .fallback(routes::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            authorize,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), observe))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(state)
}

/// The OpenAI-compatible embeddings, answering errors in OpenAI's shape.
fn openai_route() -> axum::routing::MethodRouter<Arc<AppState>> {
    post(routes::openai_embeddings)
        .layer(axum::middleware::map_response(routes::openai_error_shape))
}

/// With an API key, every route but the health checks (`GET /health`, `GET /`) needs
/// `Authorization: Bearer KEY`.
async fn authorize(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let Some(key) = &state.api_key else {
        return next.run(request).await;
    };
    let health = request.method() == axum::http::Method::GET
        && matches!(request.uri().path(), "/health" | "/");
    if health {
        return next.run(request).await;
    }
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given.is_some_and(|g| constant_time_eq(g.as_bytes(), key.as_bytes())) {
        return next.run(request).await;
    }
    let mut response = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "missing or wrong API key: send Authorization: Bearer KEY",
    )
    .into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        header::HeaderValue::from_static("Bearer"),
    );
    response
}

/// Compares without an early exit, so the time taken does not tell how much of a guessed
/// key was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Counts every request by route and status, and times it.
async fn observe(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("other", |p| p.as_str())
        .to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    state.metrics.record_request(
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
    eprintln!("silica serve: shutting down, finishing the requests in flight");
}
