//! The routes, their JSON bodies and their errors.
//!
//! Every error is a status and `{"error": "one line"}`: 413 for a body or an input list over
//! the limits, 422 for a body that is not the JSON the route takes (wrong types, empty
//! input), 429 with `Retry-After` when the queue is full, 503 when the model does not answer
//! within the request timeout. Nothing a client sends ends the process.

use super::batcher::{EmbedFailure, Embedded};
use super::AppState;
use crate::index::Neighbor;
use crate::lexical::RetrievalMethod;
use crate::model::PromptChoice;
use crate::vectors::Embeddings;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::Arc;
use utoipa::ToSchema;

/// The most neighbours one `/neighbors` request may ask for.
pub const MAX_K: usize = 1000;

/// An error answer: a status and one line saying why.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

/// The body of every error answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// Why the request failed, in one line.
    pub error: String,
}

/// The failures of the routes that embed texts, documented once for all of them: the
/// routes answer with [`ApiError`], this type only describes those answers to OpenAPI.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // never built: utoipa reads its variants' attributes
pub(crate) enum EmbeddingFailures {
    /// Missing or wrong API key
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// Request over the size limits (body, or texts per request)
    #[response(status = 413)]
    TooLarge(ErrorBody),
    /// Not the JSON this route takes
    #[response(status = 422)]
    Unprocessable(ErrorBody),
    /// Queue full; retry after the Retry-After seconds
    #[response(status = 429)]
    QueueFull(ErrorBody),
    /// No answer within the request timeout
    #[response(status = 503)]
    TimedOut(ErrorBody),
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub(super) fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(ErrorBody {
                error: self.message,
            }),
        )
            .into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

/// The body of an error answer of the OpenAI-compatible routes.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OpenAiErrorBody {
    pub error: OpenAiErrorDetail,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OpenAiErrorDetail {
    /// Why the request failed, in one line.
    pub message: String,
    /// `invalid_request_error`, `authentication_error`, `rate_limit_error` or `server_error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Always null.
    pub param: Option<String>,
    /// Always null.
    pub code: Option<String>,
}

/// [`EmbeddingFailures`] in OpenAI's error shape, for OpenAPI.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // never built: utoipa reads its variants' attributes
pub(crate) enum OpenAiFailures {
    /// Missing or wrong API key
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// Request over the size limits (body, or texts per request)
    #[response(status = 413)]
    TooLarge(OpenAiErrorBody),
    /// Not the JSON this route takes, or token ids
    #[response(status = 422)]
    Unprocessable(OpenAiErrorBody),
    /// Queue full; retry after the Retry-After seconds
    #[response(status = 429)]
    QueueFull(OpenAiErrorBody),
    /// No answer within the request timeout
    #[response(status = 503)]
    TimedOut(OpenAiErrorBody),
}

/// OpenAI's error body, `{"error": {"message", "type", "param", "code"}}`, for the
/// OpenAI-compatible routes: OpenAI's own clients show a failure's message only when it
/// comes in this shape (openai 3 answers "Error code: 422" and nothing else otherwise).
pub async fn openai_error_shape(response: Response) -> Response {
    if response.status().is_success() {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let message = serde_json::from_slice::<ErrorBody>(&bytes)
        .map(|e| e.error)
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
    let kind = match parts.status.as_u16() {
        401 => "authentication_error",
        429 => "rate_limit_error",
        400..=499 => "invalid_request_error",
        _ => "server_error",
    };
    let body = OpenAiErrorBody {
        error: OpenAiErrorDetail {
            message,
            kind: kind.to_string(),
            param: None,
            code: None,
        },
    };
    let mut response = (parts.status, Json(body)).into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

impl From<EmbedFailure> for ApiError {
    fn from(failure: EmbedFailure) -> Self {
        let status = match failure {
            EmbedFailure::QueueFull => StatusCode::TOO_MANY_REQUESTS,
            EmbedFailure::Stopped => StatusCode::SERVICE_UNAVAILABLE,
            EmbedFailure::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Self::new(status, failure.to_string())
    }
}

/// A JSON body whose problems are answered with one line: 413 past the body limit, 422 for
/// anything that is not the route's JSON (whatever the Content-Type says).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                let status = rejection.status();
                let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    "the body is larger than the server's limit (--max-body-bytes)".to_string()
                } else {
                    rejection.body_text()
                };
                ApiError::new(status, message)
            })?;
        // The error names the field at fault ("inputs[1]: invalid type ...").
        let mut reader = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize(&mut reader).map_err(field_error)?;
        reader
            .end()
            .map_err(|e| ApiError::unprocessable(format!("invalid JSON body: {e}")))?;
        Ok(ApiJson(value))
    }
}

/// A body already read as JSON, as the route's type; errors name the field at fault, as
/// [`ApiJson`]'s do (for routes that take more than one shape of body).
pub(super) fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(field_error)
}

/// A 422 naming the field a body's JSON went wrong at.
fn field_error(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = error.path().to_string();
    let inner = error.into_inner();
    match path.as_str() {
        "." | "" => ApiError::unprocessable(format!("invalid JSON body: {inner}")),
        _ => ApiError::unprocessable(format!("invalid JSON body: {path}: {inner}")),
    }
}

/// One text or a list of texts.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum Input {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(text) => Ok(Input::One(text)),
            serde_json::Value::Array(items) if items.iter().any(is_token_ids) => {
                Err(serde::de::Error::custom(TOKEN_IDS))
            }
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    serde_json::Value::String(text) => Ok(text),
                    _ => Err(serde::de::Error::custom(
                        "a list of inputs must hold strings only",
                    )),
                })
                .collect::<Result<_, _>>()
                .map(Input::Many),
            _ => Err(serde::de::Error::custom(
                "input must be a string or a list of strings",
            )),
        }
    }
}

/// Why a list of numbers is refused where texts are expected. OpenAI's API also takes
/// token ids, and LangChain's `OpenAIEmbeddings` sends them by default (tiktoken's, OpenAI's
/// own vocabulary); ids of another tokenizer mean nothing to this model, so the answer says
/// how to send text instead.
pub(super) const TOKEN_IDS: &str = "the input holds token ids, but this server embeds text: \
    ids from another tokenizer (LangChain's OpenAIEmbeddings sends tiktoken's by default) mean \
    nothing to this model's vocabulary; send the texts as strings (LangChain: \
    OpenAIEmbeddings(..., check_embedding_ctx_length=False))";

/// A token id, or a list of them.
fn is_token_ids(item: &serde_json::Value) -> bool {
    match item {
        serde_json::Value::Number(_) => true,
        serde_json::Value::Array(ids) => {
            !ids.is_empty() && ids.iter().all(serde_json::Value::is_number)
        }
        _ => false,
    }
}

impl Input {
    pub(super) fn into_texts(self) -> Vec<String> {
        match self {
            Input::One(text) => vec![text],
            Input::Many(texts) => texts,
        }
    }
}

/// Checks a request's texts against the limits: 422 when there is none or one is blank, 413
/// past `--max-inputs`.
pub(super) fn check_texts(texts: &[String], max_inputs: usize) -> Result<(), ApiError> {
    if texts.is_empty() {
        return Err(ApiError::unprocessable(
            "the input is empty: give at least one text",
        ));
    }
    if texts.len() > max_inputs {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} inputs; this server takes at most {max_inputs} per request (--max-inputs)",
                texts.len()
            ),
        ));
    }
    if let Some(i) = texts.iter().position(|t| t.trim().is_empty()) {
        return Err(ApiError::unprocessable(format!("input {i} is empty")));
    }
    Ok(())
}

/// Embeds through the queue, waiting at most the request timeout.
pub(super) async fn embed(
    state: &AppState,
    texts: &[String],
    prompt: &PromptChoice,
) -> Result<Embedded, ApiError> {
    wait_for(state, state.queue.submit(texts, prompt)?).await
}

/// The model thread's answer, or a 503 past the request timeout.
pub(super) async fn wait_for<T>(
    state: &AppState,
    answer: tokio::sync::oneshot::Receiver<Result<T, EmbedFailure>>,
) -> Result<T, ApiError> {
    match tokio::time::timeout(state.limits.timeout, answer).await {
        Ok(Ok(result)) => Ok(result?),
        Ok(Err(_)) => Err(EmbedFailure::Stopped.into()),
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the model did not answer within {} s (--timeout); try again or send fewer texts",
                state.limits.timeout.as_secs_f64()
            ),
        )),
    }
}

/// The width a request's `dimensions` asks for, when narrower than the served vectors;
/// 422 for a width the model was not trained for or wider than it serves.
pub(super) fn dimension_cut(
    state: &AppState,
    asked: Option<u64>,
) -> Result<Option<usize>, ApiError> {
    let dim = state.info.dimension;
    match asked {
        None => Ok(None),
        Some(d) if d == dim as u64 => Ok(None),
        Some(d) if d > dim as u64 => Err(ApiError::unprocessable(format!(
            "dimensions {d} is not supported: the vectors served here have {dim}"
        ))),
        Some(d) => {
            let d = d as usize;
            state
                .dimension_rule
                .check(d)
                .map_err(|e| ApiError::unprocessable(format!("dimensions {d}: {e}")))?;
            Ok(Some(d))
        }
    }
}

/// Vectors cut to their first `width` values and normalised again.
pub(super) fn cut_vectors(vectors: Vec<Vec<f32>>, dim: usize, width: usize) -> Vec<Vec<f32>> {
    vectors
        .into_iter()
        .map(|v| Embeddings { dim, data: v }.truncated(width).data)
        .collect()
}

/// `encoding_format` of the OpenAI route.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EncodingFormat {
    #[default]
    Float,
    /// Little-endian f32 bytes, base64-encoded.
    Base64,
}

/// `POST /v1/embeddings`, as OpenAI's API takes it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OpenAiRequest {
    /// A text or a list of texts.
    pub input: Input,
    /// Accepted and answered with the served model's name; the server serves one model.
    #[allow(dead_code)]
    pub model: Option<String>,
    pub encoding_format: Option<EncodingFormat>,
    /// Shorter vectors (cut and normalised again), for a model trained for them
    /// (Matryoshka); at most the served width.
    pub dimensions: Option<u64>,
    /// Accepted and ignored.
    #[allow(dead_code)]
    pub user: Option<String>,
}

/// A vector as floats, or as base64 of its little-endian f32 bytes.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum EmbeddingValue {
    Float(Vec<f32>),
    Base64(String),
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenAiEmbedding {
    /// Always "embedding".
    pub object: &'static str,
    pub index: usize,
    pub embedding: EmbeddingValue,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenAiUsage {
    /// Tokens the model read (its tokenizer; special tokens included, after truncation).
    pub prompt_tokens: usize,
    pub total_tokens: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenAiResponse {
    /// Always "list".
    pub object: &'static str,
    pub data: Vec<OpenAiEmbedding>,
    pub model: String,
    pub usage: OpenAiUsage,
}

/// OpenAI-compatible embeddings; texts get the server's default prompt (`--prompt`).
/// Errors come in OpenAI's shape, `{"error": {"message": ..., "type": ...}}`; token ids
/// (LangChain's default) are refused with a message saying how to send strings.
#[utoipa::path(post, path = "/v1/embeddings", request_body = OpenAiRequest,
    responses(
        (status = 200, description = "One vector per input, in order", body = OpenAiResponse),
        OpenAiFailures,
    ))]
pub async fn openai_embeddings(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<OpenAiRequest>,
) -> Result<Json<OpenAiResponse>, ApiError> {
    let cut = dimension_cut(&state, request.dimensions)?;
    let texts = request.input.into_texts();
    check_texts(&texts, state.limits.max_inputs)?;
    let mut embedded = embed(&state, &texts, &state.limits.default_prompt).await?;
    if let Some(d) = cut {
        embedded.vectors = cut_vectors(embedded.vectors, state.info.dimension, d);
    }
    let format = request.encoding_format.unwrap_or_default();
    let tokens: usize = embedded.tokens.iter().sum();
    let data = embedded
        .vectors
        .into_iter()
        .enumerate()
        .map(|(index, vector)| OpenAiEmbedding {
            object: "embedding",
            index,
            embedding: match format {
                EncodingFormat::Float => EmbeddingValue::Float(vector),
                EncodingFormat::Base64 => {
                    let bytes: Vec<u8> = vector.iter().flat_map(|v| v.to_le_bytes()).collect();
                    EmbeddingValue::Base64(base64::engine::general_purpose::STANDARD.encode(bytes))
                }
            },
        })
        .collect();
    Ok(Json(OpenAiResponse {
        object: "list",
        data,
        model: state.info.name.clone(),
        usage: OpenAiUsage {
            prompt_tokens: tokens,
            total_tokens: tokens,
        },
    }))
}

/// Which of the model's prompts goes before each text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PromptName {
    /// The model's query prompt (e5: "query: "): questions, symmetric tasks.
    Query,
    /// The model's passage prompt (e5: "passage: "): texts to be searched.
    Passage,
    /// No prompt.
    None,
}

impl From<PromptName> for PromptChoice {
    fn from(name: PromptName) -> Self {
        match name {
            PromptName::Query => PromptChoice::Query,
            PromptName::Passage => PromptChoice::Passage,
            PromptName::None => PromptChoice::None,
        }
    }
}

/// `POST /similarity`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SimilarityRequest {
    /// Pairs of texts.
    pub pairs: Vec<(String, String)>,
    /// Default: query (symmetric, as `silica similarity`).
    pub prompt: Option<PromptName>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SimilarityResponse {
    /// The cosine of each pair, in order.
    pub scores: Vec<f32>,
}

/// Cosine similarity of each pair of texts. Also takes text-embeddings-inference's body
/// (`{"inputs": {"source_sentence": ..., "sentences": [...]}}`), answered in its shape: one
/// cosine per sentence.
#[utoipa::path(post, path = "/similarity", request_body = SimilarityRequest,
    responses(
        (status = 200, description = "One cosine per pair, in order (for text-embeddings-inference's body: a list, one per sentence)", body = SimilarityResponse),
        EmbeddingFailures,
    ))]
pub async fn similarity(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Response, ApiError> {
    if body.get("inputs").is_some() {
        let request = from_value(body)?;
        return Ok(Json(super::tei::sentence_similarity(&state, request).await?).into_response());
    }
    let request: SimilarityRequest = from_value(body)?;
    let texts: Vec<String> = request
        .pairs
        .into_iter()
        .flat_map(|(a, b)| [a, b])
        .collect();
    if texts.len() > state.limits.max_inputs {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} texts in {} pairs; this server takes at most {} per request (--max-inputs)",
                texts.len(),
                texts.len() / 2,
                state.limits.max_inputs
            ),
        ));
    }
    check_texts(&texts, state.limits.max_inputs)?;
    let prompt = request
        .prompt
        .map_or(PromptChoice::Query, PromptChoice::from);
    let embedded = embed(&state, &texts, &prompt).await?;
    let scores = embedded
        .vectors
        .chunks_exact(2)
        .map(|pair| crate::vectors::cosine(&pair[0], &pair[1]))
        .collect();
    Ok(Json(SimilarityResponse { scores }).into_response())
}

/// `POST /neighbors`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NeighborsRequest {
    /// A question or text; embedded with the query prompt.
    pub query: String,
    /// How many passages (1 to 1000; default 10).
    pub k: Option<usize>,
    /// How passages are ranked (default dense). A lexical or hybrid hit's score is BM25's
    /// or the fusion's, not a cosine.
    pub retrieval: Option<RetrievalName>,
}

/// `dense` (the model's cosines), `lexical` (BM25 over the words) or `hybrid` (both
/// fused, as `silica neighbors --retrieval hybrid` with its default fusion).
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RetrievalName {
    Dense,
    Lexical,
    Hybrid,
}

impl From<RetrievalName> for RetrievalMethod {
    fn from(name: RetrievalName) -> Self {
        match name {
            RetrievalName::Dense => RetrievalMethod::Dense,
            RetrievalName::Lexical => RetrievalMethod::Lexical,
            RetrievalName::Hybrid => RetrievalMethod::Hybrid,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NeighborsResponse {
    /// Closest first.
    pub hits: Vec<Neighbor>,
}

/// The passages of the served corpus or index closest to a question, in any language.
#[utoipa::path(post, path = "/neighbors", request_body = NeighborsRequest,
    responses(
        (status = 200, description = "The closest passages, best first", body = NeighborsResponse),
        (status = 404, description = "The server was started without passages", body = ErrorBody),
        EmbeddingFailures,
    ))]
pub async fn neighbors(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<NeighborsRequest>,
) -> Result<Json<NeighborsResponse>, ApiError> {
    let Some(search) = &state.search else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "no passages to search: start the server with a CORPUS or --index DIR",
        ));
    };
    let k = request.k.unwrap_or(10);
    if !(1..=MAX_K).contains(&k) {
        return Err(ApiError::unprocessable(format!(
            "k must be between 1 and {MAX_K}"
        )));
    }
    let retrieval = request.retrieval.map_or(RetrievalMethod::Dense, Into::into);
    let texts = [request.query];
    check_texts(&texts, 1)?;
    let vector = if retrieval == RetrievalMethod::Lexical {
        None
    } else {
        let embedded = embed(&state, &texts, &PromptChoice::Query).await?;
        embedded.vectors.into_iter().next()
    };
    let [text] = texts;
    let query = crate::serve::search_thread::Query {
        text,
        vector,
        k,
        retrieval,
    };
    let hits = search
        .top_k(query)
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    Ok(Json(NeighborsResponse { hits }))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// "ok".
    pub status: String,
    pub model: String,
    pub dimensions: usize,
    pub device: String,
    /// Passages `/neighbors` searches (absent without a corpus or index).
    pub passages: Option<usize>,
    /// Requests waiting for the model.
    pub queue_depth: usize,
}

/// Liveness and what is served; never needs the API key.
#[utoipa::path(get, path = "/health",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(state): State<Arc<AppState>>) -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        model: state.info.name.clone(),
        dimensions: state.info.dimension,
        device: state.device.clone(),
        passages: state.search.as_ref().map(|s| s.passages),
        queue_depth: state.queue.depth(),
    })
}

/// Prometheus metrics (OpenMetrics text).
#[utoipa::path(get, path = "/metrics",
    responses(
        (status = 200, description = "Requests by route and status, latency histograms, queue depth, texts and model time per round, tokens", body = String, content_type = "application/openmetrics-text"),
        (status = 401, description = "Missing or wrong API key", body = ErrorBody),
    ))]
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    state.metrics.queue_depth.set(state.queue.depth() as i64);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
        .into_response()
}

/// This document.
#[utoipa::path(get, path = "/openapi.json",
    responses((status = 200, description = "The OpenAPI 3.1 document of this server", content_type = "application/json")))]
pub async fn openapi() -> Response {
    let document = <super::ApiDoc as utoipa::OpenApi>::openapi();
    match document.to_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Any other path.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such route; GET /openapi.json lists them",
    )
}
