//! text-embeddings-inference's routes, in its request and answer shapes, so that clients
//! written for it work unchanged: `POST /` (embed, or sentence similarity when `inputs`
//! holds a `source_sentence`, as huggingface_hub's `InferenceClient` sends both there),
//! `/embed`, `/embed_all`, the body of `/similarity` it sends, `/tokenize`, `/decode` and
//! `GET /info`.
//!
//! Where silica differs, the route says so rather than pretend: texts are always truncated
//! at the model's maximum length, on the right (sentence-transformers' behaviour), and a
//! model whose last module normalises has no un-normalised vectors to give.

use super::routes::{
    check_texts, cut_vectors, dimension_cut, embed, from_value, wait_for, ApiError, ApiJson,
    EmbeddingFailures, ErrorBody, Input, PromptName,
};
use super::AppState;
use crate::model::{Pooling, PromptChoice, TokenPiece};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::Arc;
use utoipa::ToSchema;

/// `truncation_direction`: silica cuts long texts on the right only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
pub enum TruncationDirection {
    #[serde(alias = "right")]
    Right,
    #[serde(alias = "left")]
    Left,
}

/// `POST /embed`, as text-embeddings-inference takes it (and silica's `prompt`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmbedRequest {
    /// A text or a list of texts.
    pub inputs: Input,
    /// silica's choice of prompt. Default: the server's `--prompt` (as `silica embed`:
    /// passage).
    pub prompt: Option<PromptName>,
    /// One of the model's named prompts (`query`, `passage`, or a name its
    /// `config_sentence_transformers.json` gives); not with `prompt`.
    pub prompt_name: Option<String>,
    /// Unit-length vectors (default true). A model whose last module normalises has only
    /// those: false is refused for it.
    #[serde(default = "default_true")]
    pub normalize: bool,
    /// Accepted; silica always truncates at the model's maximum length.
    #[allow(dead_code)]
    pub truncate: Option<bool>,
    /// Right only.
    pub truncation_direction: Option<TruncationDirection>,
    /// Shorter vectors (cut and normalised again), for a model trained for them.
    pub dimensions: Option<u64>,
}

fn default_true() -> bool {
    true
}

/// The prompt a request names, in either spelling, else `default`.
fn request_prompt(
    state: &AppState,
    prompt: Option<PromptName>,
    prompt_name: Option<&str>,
    default: &PromptChoice,
) -> Result<PromptChoice, ApiError> {
    match (prompt, prompt_name) {
        (Some(_), Some(_)) => Err(ApiError::unprocessable(
            "give prompt or prompt_name, not both",
        )),
        (Some(prompt), None) => Ok(prompt.into()),
        (None, Some(name)) => named_prompt(state, name),
        (None, None) => Ok(default.clone()),
    }
}

/// A prompt by the name sentence-transformers' `prompt_name` gives it; 422 naming the
/// model's prompts when it has no such one.
fn named_prompt(state: &AppState, name: &str) -> Result<PromptChoice, ApiError> {
    let prompts = &state.info.prompts;
    if prompts.named.contains_key(name) {
        return Ok(PromptChoice::Literal(name.to_string()));
    }
    match name {
        "query" if prompts.query.is_some() => return Ok(PromptChoice::Query),
        "passage" if prompts.passage.is_some() => return Ok(PromptChoice::Passage),
        _ => {}
    }
    let names = prompt_names(prompts);
    Err(ApiError::unprocessable(if names.is_empty() {
        format!("prompt_name {name:?}: this model has no named prompts")
    } else {
        format!(
            "prompt_name {name:?}: this model's prompts are {}",
            names.join(", ")
        )
    }))
}

/// The names `prompt_name` takes for this model: those its files name, then `query` and
/// `passage` when it has them.
fn prompt_names(prompts: &crate::model::Prompts) -> Vec<String> {
    let mut names: Vec<String> = prompts.named.keys().cloned().collect();
    for (name, present) in [
        ("query", prompts.query.is_some()),
        ("passage", prompts.passage.is_some()),
    ] {
        if present && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

fn check_direction(direction: Option<TruncationDirection>) -> Result<(), ApiError> {
    if direction == Some(TruncationDirection::Left) {
        return Err(ApiError::unprocessable(
            "truncation_direction Left is not supported: silica cuts long texts on the right, as sentence-transformers does",
        ));
    }
    Ok(())
}

/// Vectors for texts, one per input, in order: unit length unless `normalize` is false
/// (for a model that does not normalise).
#[utoipa::path(post, path = "/embed", request_body = EmbedRequest,
    responses(
        (status = 200, description = "One vector per input, in order", body = Vec<Vec<f32>>),
        EmbeddingFailures,
    ))]
pub async fn embed_route(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<EmbedRequest>,
) -> Result<Json<Vec<Vec<f32>>>, ApiError> {
    Ok(Json(embed_request(&state, request).await?))
}

async fn embed_request(state: &AppState, request: EmbedRequest) -> Result<Vec<Vec<f32>>, ApiError> {
    check_direction(request.truncation_direction)?;
    if !request.normalize && state.info.normalize {
        return Err(ApiError::unprocessable(
            "normalize false: this model's last module normalises its vectors, so it has no others to serve",
        ));
    }
    let cut = dimension_cut(state, request.dimensions)?;
    let texts = request.inputs.into_texts();
    check_texts(&texts, state.limits.max_inputs)?;
    let prompt = request_prompt(
        state,
        request.prompt,
        request.prompt_name.as_deref(),
        &state.limits.default_prompt,
    )?;
    let mut vectors = embed(state, &texts, &prompt).await?.vectors;
    if let Some(width) = cut {
        vectors = cut_vectors(vectors, state.info.dimension, width);
    } else if request.normalize && !state.info.normalize {
        // text-embeddings-inference's default for a model that does not normalise itself.
        vectors = vectors
            .iter()
            .map(|v| crate::vectors::unit(&v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>()))
            .collect();
    }
    Ok(vectors)
}

/// `inputs` of text-embeddings-inference's sentence similarity.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SimilarityInput {
    /// The text the others are compared with.
    pub source_sentence: String,
    pub sentences: Vec<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SimilarityParameters {
    /// Accepted; silica always truncates.
    #[allow(dead_code)]
    pub truncate: Option<bool>,
    pub truncation_direction: Option<TruncationDirection>,
    /// Default: the query prompt (similarity is symmetric).
    pub prompt_name: Option<String>,
}

/// Sentence similarity as text-embeddings-inference (and huggingface_hub's
/// `sentence_similarity`) sends it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TeiSimilarityRequest {
    pub inputs: SimilarityInput,
    pub parameters: Option<SimilarityParameters>,
}

/// The cosine of the source sentence with each sentence, in order.
pub(super) async fn sentence_similarity(
    state: &AppState,
    request: TeiSimilarityRequest,
) -> Result<Vec<f32>, ApiError> {
    let parameters = request.parameters.unwrap_or_default();
    check_direction(parameters.truncation_direction)?;
    let prompt = request_prompt(
        state,
        None,
        parameters.prompt_name.as_deref(),
        &PromptChoice::Query,
    )?;
    if request.inputs.sentences.is_empty() {
        return Err(ApiError::unprocessable(
            "inputs.sentences is empty: give at least one sentence",
        ));
    }
    let texts: Vec<String> = std::iter::once(request.inputs.source_sentence)
        .chain(request.inputs.sentences)
        .collect();
    check_texts(&texts, state.limits.max_inputs)?;
    let vectors = embed(state, &texts, &prompt).await?.vectors;
    let (source, others) = vectors.split_first().expect("checked: at least two texts");
    Ok(others
        .iter()
        .map(|v| crate::vectors::cosine(source, v))
        .collect())
}

/// Liveness at the server root, as text-embeddings-inference answers it (the same as
/// `/health`); never needs the API key.
#[utoipa::path(get, path = "/",
    responses((status = 200, description = "The server is up", body = super::routes::Health)))]
pub async fn root_health(state: State<Arc<AppState>>) -> Json<super::routes::Health> {
    super::routes::health(state).await
}

/// What the server root takes: text-embeddings-inference's embed body, or its sentence
/// similarity body when `inputs` is an object.
#[utoipa::path(post, path = "/", request_body = EmbedRequest,
    responses(
        (status = 200, description = "As /embed; for a sentence-similarity body (inputs: {source_sentence, sentences}), one cosine per sentence", body = Vec<Vec<f32>>),
        EmbeddingFailures,
    ))]
pub async fn root(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Response, ApiError> {
    if body.get("inputs").is_some_and(serde_json::Value::is_object) {
        let request = from_value(body)?;
        return Ok(Json(sentence_similarity(&state, request).await?).into_response());
    }
    let request = from_value(body)?;
    Ok(Json(embed_request(&state, request).await?).into_response())
}

/// `POST /embed_all`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmbedAllRequest {
    /// A text or a list of texts.
    pub inputs: Input,
    /// Default: the server's `--prompt`.
    pub prompt: Option<PromptName>,
    pub prompt_name: Option<String>,
    /// Accepted; silica always truncates.
    #[allow(dead_code)]
    pub truncate: Option<bool>,
    pub truncation_direction: Option<TruncationDirection>,
}

/// The encoder's last hidden state at every token of each text (prompt and special tokens
/// included), before pooling: per input, one vector per token.
#[utoipa::path(post, path = "/embed_all", request_body = EmbedAllRequest,
    responses(
        (status = 200, description = "Per input, one vector per token", body = Vec<Vec<Vec<f32>>>),
        EmbeddingFailures,
    ))]
pub async fn embed_all(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<EmbedAllRequest>,
) -> Result<Json<Vec<Vec<Vec<f32>>>>, ApiError> {
    check_direction(request.truncation_direction)?;
    let texts = request.inputs.into_texts();
    check_texts(&texts, state.limits.max_inputs)?;
    let prompt = request_prompt(
        &state,
        request.prompt,
        request.prompt_name.as_deref(),
        &state.limits.default_prompt,
    )?;
    let answer = state.queue.submit_per_token(&texts, &prompt)?;
    Ok(Json(wait_for(&state, answer).await?))
}

/// `POST /tokenize`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenizeRequest {
    /// A text or a list of texts.
    pub inputs: Input,
    /// The model's special tokens too (default true).
    #[serde(default = "default_true")]
    pub add_special_tokens: bool,
    /// Default: the server's `--prompt`, so the tokens are those `/embed` reads.
    pub prompt: Option<PromptName>,
    pub prompt_name: Option<String>,
}

/// One token.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Token {
    pub id: u32,
    /// The text it covers (of the prompted text), or a special token's name.
    pub text: String,
    pub special: bool,
    /// First character (not byte) it covers; null for a special token.
    pub start: Option<usize>,
    /// One past its last character.
    pub stop: Option<usize>,
}

impl From<TokenPiece> for Token {
    fn from(piece: TokenPiece) -> Self {
        Self {
            id: piece.id,
            text: piece.text,
            special: piece.special,
            start: piece.chars.as_ref().map(|c| c.start),
            stop: piece.chars.map(|c| c.end),
        }
    }
}

/// The model's tokens of each text, untruncated, with where each lies in the text (the
/// prompt in front).
#[utoipa::path(post, path = "/tokenize", request_body = TokenizeRequest,
    responses(
        (status = 200, description = "Per input, its tokens", body = Vec<Vec<Token>>),
        (status = 401, description = "Missing or wrong API key", body = ErrorBody),
        (status = 413, description = "More texts than --max-inputs", body = ErrorBody),
        (status = 422, description = "Not the JSON this route takes", body = ErrorBody),
    ))]
pub async fn tokenize(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<TokenizeRequest>,
) -> Result<Json<Vec<Vec<Token>>>, ApiError> {
    let texts = request.inputs.into_texts();
    check_count(texts.len(), state.limits.max_inputs)?;
    let prompt = request_prompt(
        &state,
        request.prompt,
        request.prompt_name.as_deref(),
        &state.limits.default_prompt,
    )?;
    let prefix = prompt.prefix(&state.info.prompts).to_string();
    let tokenizer = state.tokenizer.clone();
    let special = request.add_special_tokens;
    let tokens = blocking(move || {
        texts
            .iter()
            .map(|text| {
                let pieces = tokenizer.pieces(&format!("{prefix}{text}"), special)?;
                Ok(pieces.into_iter().map(Token::from).collect())
            })
            .collect::<anyhow::Result<Vec<Vec<Token>>>>()
    })
    .await?;
    Ok(Json(tokens))
}

/// `POST /decode`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DecodeRequest {
    /// Token ids, or a list of lists of them.
    #[schema(value_type = Vec<Vec<u32>>)]
    pub ids: Ids,
    /// Leave the special tokens out (default true).
    #[serde(default = "default_true")]
    pub skip_special_tokens: bool,
}

/// One sequence of ids or several.
#[derive(Debug)]
pub struct Ids(Vec<Vec<u32>>);

impl<'de> Deserialize<'de> for Ids {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            One(Vec<u32>),
            Many(Vec<Vec<u32>>),
        }
        match Shape::deserialize(deserializer) {
            Ok(Shape::One(ids)) => Ok(Ids(vec![ids])),
            Ok(Shape::Many(lists)) => Ok(Ids(lists)),
            Err(_) => Err(serde::de::Error::custom(
                "ids must be a list of token ids (non-negative integers) or a list of such lists",
            )),
        }
    }
}

/// The text of each sequence of token ids.
#[utoipa::path(post, path = "/decode", request_body = DecodeRequest,
    responses(
        (status = 200, description = "One text per sequence of ids", body = Vec<String>),
        (status = 401, description = "Missing or wrong API key", body = ErrorBody),
        (status = 413, description = "More sequences than --max-inputs", body = ErrorBody),
        (status = 422, description = "Not the JSON this route takes, or an id outside the vocabulary", body = ErrorBody),
    ))]
pub async fn decode(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<DecodeRequest>,
) -> Result<Json<Vec<String>>, ApiError> {
    let Ids(lists) = request.ids;
    check_count(lists.len(), state.limits.max_inputs)?;
    let tokenizer = state.tokenizer.clone();
    let skip = request.skip_special_tokens;
    let texts = blocking(move || {
        lists
            .iter()
            .map(|ids| tokenizer.decode(ids, skip))
            .collect::<anyhow::Result<Vec<String>>>()
    })
    .await?;
    Ok(Json(texts))
}

/// 422 for none, 413 past `--max-inputs`.
fn check_count(count: usize, max_inputs: usize) -> Result<(), ApiError> {
    if count == 0 {
        return Err(ApiError::unprocessable(
            "the input is empty: give at least one",
        ));
    }
    if count > max_inputs {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{count} inputs; this server takes at most {max_inputs} per request (--max-inputs)"
            ),
        ));
    }
    Ok(())
}

/// Runs tokenizer work off the async threads; its error is the request's fault (a 422).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(ApiError::unprocessable(format!("{error:#}"))),
        Err(_) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the tokenizer failed",
        )),
    }
}

/// `model_type` of `/info`: an embedding model and its pooling.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ModelType {
    pub embedding: EmbeddingModel,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EmbeddingModel {
    /// `mean`, `cls` or `last_token`.
    pub pooling: String,
}

/// What is served, in text-embeddings-inference's `/info` shape, with silica's additions.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Info {
    pub model_id: String,
    /// Unknown to silica (a local folder has no revision): null.
    pub model_sha: Option<String>,
    /// How the weights are held: `float32`, or silica's `int8`, `q8_0`, `q4_0`.
    pub model_dtype: String,
    pub model_type: ModelType,
    /// Requests that may wait for the model (`--queue`).
    pub max_concurrent_requests: usize,
    /// Tokens a text is cut to, special tokens included.
    pub max_input_length: usize,
    /// Tokens per forward pass, padding included.
    pub max_batch_tokens: usize,
    pub max_batch_requests: Option<usize>,
    /// Texts per request (`--max-inputs`).
    pub max_client_batch_size: usize,
    /// Always true: long texts are cut, not refused.
    pub auto_truncate: bool,
    pub tokenization_workers: usize,
    /// silica's version.
    pub version: String,
    pub sha: Option<String>,
    pub docker_label: Option<String>,
    /// Values per vector.
    pub dimensions: usize,
    /// The names `prompt_name` takes.
    pub prompts: Vec<String>,
}

/// The served model and the server's limits.
#[utoipa::path(get, path = "/info",
    responses(
        (status = 200, description = "What is served", body = Info),
        (status = 401, description = "Missing or wrong API key", body = ErrorBody),
    ))]
pub async fn info(State(state): State<Arc<AppState>>) -> Json<Info> {
    Json(Info {
        model_id: state.info.name.clone(),
        model_sha: None,
        model_dtype: match state.weight_format {
            crate::model::WeightFormat::F32 => "float32".to_string(),
            other => other.to_string(),
        },
        model_type: ModelType {
            embedding: EmbeddingModel {
                pooling: match state.info.pooling {
                    Pooling::Mean => "mean",
                    Pooling::Cls => "cls",
                    Pooling::LastToken => "last_token",
                }
                .to_string(),
            },
        },
        max_concurrent_requests: state.limits.queue_capacity,
        max_input_length: state.info.max_tokens,
        max_batch_tokens: state.limits.max_batch_tokens,
        max_batch_requests: None,
        max_client_batch_size: state.limits.max_inputs,
        auto_truncate: true,
        tokenization_workers: 1,
        version: env!("CARGO_PKG_VERSION").to_string(),
        sha: None,
        docker_label: None,
        dimensions: state.info.dimension,
        prompts: prompt_names(&state.info.prompts),
    })
}

/// `POST /rerank`, as text-embeddings-inference takes it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RerankRequest {
    pub query: String,
    /// The texts to score against the query.
    pub texts: Vec<String>,
    /// The head's logits instead of the model's activation (sigmoid) of them.
    #[serde(default)]
    pub raw_scores: bool,
    /// Give each text back with its score.
    #[serde(default)]
    pub return_text: bool,
    /// Accepted; pairs are always cut at the model's length, longest text first.
    #[allow(dead_code)]
    pub truncate: Option<bool>,
    pub truncation_direction: Option<TruncationDirection>,
}

/// One text's score.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Rank {
    /// The text's place in the request.
    pub index: usize,
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The texts scored against the query by the server's cross-encoder (`--reranker`),
/// highest first (ties in the request's order).
#[utoipa::path(post, path = "/rerank", request_body = RerankRequest,
    responses(
        (status = 200, description = "One score per text, highest first", body = Vec<Rank>),
        (status = 401, description = "Missing or wrong API key", body = ErrorBody),
        (status = 404, description = "The server was started without --reranker", body = ErrorBody),
        (status = 413, description = "More texts than --max-inputs", body = ErrorBody),
        (status = 422, description = "Not the JSON this route takes", body = ErrorBody),
    ))]
pub async fn rerank(
    State(state): State<Arc<AppState>>,
    ApiJson(request): ApiJson<RerankRequest>,
) -> Result<Json<Vec<Rank>>, ApiError> {
    let Some(reranker) = state.reranker.clone() else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "no reranker: start the server with --reranker MODEL (a cross-encoder)",
        ));
    };
    check_direction(request.truncation_direction)?;
    if request.query.trim().is_empty() {
        return Err(ApiError::unprocessable("the query is empty"));
    }
    check_texts(&request.texts, state.limits.max_inputs)?;
    let RerankRequest {
        query,
        texts,
        raw_scores,
        return_text,
        ..
    } = request;
    let work = tokio::task::spawn_blocking(move || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let scores = if raw_scores {
            reranker.raw_scores(&query, &refs)
        } else {
            reranker.score(&query, &refs)
        };
        scores.map(|scores| (scores, texts))
    });
    let (scores, mut texts) = match tokio::time::timeout(state.limits.timeout, work).await {
        Ok(Ok(Ok(done))) => done,
        Ok(Ok(Err(error))) => {
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("reranking failed: {error:#}"),
            ))
        }
        Ok(Err(_)) => {
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the reranker panicked",
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the reranker did not answer within --timeout",
            ))
        }
    };
    let ranks = crate::rerank::ranking(&scores)
        .into_iter()
        .map(|index| Rank {
            index,
            score: scores[index],
            text: return_text.then(|| std::mem::take(&mut texts[index])),
        })
        .collect();
    Ok(Json(ranks))
}
