//! `silica.Model`: a model loaded once, embedding lists of texts into numpy arrays.

use crate::errors::{raise, OrRaise};
use crate::threads;
use numpy::{PyArray1, PyArray2, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use silica::app::model::{ModelRequest, ModelSource};
use silica::app::units::embed_with_bar;
use silica::cache::EmbeddingCache;
use silica::embed::{device_name, Embedder};
use silica::model::{PromptChoice, DEFAULT_MODEL};
use silica::vectors::Embeddings;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A sentence-embedding model loaded once (weights included), with the embedding cache it
/// reads and writes when one was asked for.
#[pyclass(frozen, module = "silica._silica", name = "Model")]
pub struct Model {
    pub(crate) embedder: Arc<Embedder>,
    request: ModelRequest,
    cache: Option<Mutex<EmbeddingCache>>,
    cache_path: Option<PathBuf>,
}

impl Model {
    /// The model as the use cases take it: loaded already.
    pub(crate) fn source(&self) -> ModelSource<'static> {
        ModelSource::Loaded(self.embedder.clone())
    }

    /// The embedding cache's file, when this model has one.
    pub(crate) fn cache_path(&self) -> Option<&PathBuf> {
        self.cache_path.as_ref()
    }

    /// Runs `f` with the embedding cache, when this model has one.
    pub(crate) fn with_cache<R>(&self, f: impl FnOnce(Option<&mut EmbeddingCache>) -> R) -> R {
        match &self.cache {
            Some(cache) => {
                let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
                f(Some(&mut cache))
            }
            None => f(None),
        }
    }

    fn embed(
        &self,
        texts: &[String],
        prompt: &PromptChoice,
        progress: bool,
    ) -> anyhow::Result<Embeddings> {
        self.with_cache(|cache| {
            let (vectors, _) = if progress {
                embed_with_bar(&self.embedder, texts, prompt, cache)?
            } else {
                self.embedder.embed_cached(texts, prompt, cache, |_| {})?
            };
            Ok(vectors)
        })
    }
}

/// Rows of `vectors` as a (rows, width) float32 array; the data is moved, not copied.
pub(crate) fn to_numpy(py: Python<'_>, vectors: Embeddings) -> PyResult<Bound<'_, PyArray2<f32>>> {
    let Embeddings { dim, data } = vectors;
    let rows = data.len() / dim.max(1);
    PyArray1::from_vec(py, data).reshape([rows, dim])
}

#[pymethods]
impl Model {
    /// Loads `name_or_path` (a Hugging Face repo id, optionally @revision, or a model
    /// folder; looked up as the CLI's --model is).
    #[new]
    #[pyo3(signature = (name_or_path=None, *, quantize="f32", threads=None, device="cpu", dimensions=None, batch_size=None, batch_tokens=None, cache=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        name_or_path: Option<String>,
        quantize: &str,
        threads: Option<usize>,
        device: &str,
        dimensions: Option<usize>,
        batch_size: Option<usize>,
        batch_tokens: Option<usize>,
        cache: Option<PathBuf>,
    ) -> PyResult<Self> {
        threads::ensure(threads)?;
        let request = ModelRequest {
            model: name_or_path.unwrap_or_else(|| DEFAULT_MODEL.to_string()),
            device: device
                .parse()
                .map_err(|e: String| raise(format!("device: {e}")))?,
            batch_tokens,
            batch_size,
            quantize: quantize
                .parse()
                .map_err(|e: String| raise(format!("quantize: {e}")))?,
            dimensions,
        };
        let cache_path = cache;
        let cache = cache_path
            .as_deref()
            .map(EmbeddingCache::open)
            .transpose()
            .or_raise()?
            .map(Mutex::new);
        let embedder = py
            .detach(|| -> anyhow::Result<Embedder> {
                let embedder = request.load()?;
                embedder.load_weights()?;
                Ok(embedder)
            })
            .or_raise()?;
        Ok(Self {
            embedder: Arc::new(embedder),
            request,
            cache,
            cache_path,
        })
    }

    /// Embeds `texts`, each with `prompt` before it (None: no prompt; "query", "passage",
    /// a prompt the model names, or literal text), into a (len(texts), width) float32
    /// array; `dimensions` cuts each vector to its first N values, normalised again
    /// (Matryoshka models only). The GIL is released meanwhile.
    #[pyo3(signature = (texts, prompt=None, dimensions=None, progress=false))]
    fn encode<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        prompt: Option<String>,
        dimensions: Option<usize>,
        progress: bool,
    ) -> PyResult<Bound<'py, PyArray2<f32>>> {
        if let Some(n) = dimensions {
            if n != self.embedder.info().dimension {
                self.embedder.dimension_rule().check(n).or_raise()?;
            }
        }
        let prompt = prompt
            .as_deref()
            .map_or(PromptChoice::None, PromptChoice::parse);
        let vectors = py
            .detach(|| self.embed(&texts, &prompt, progress))
            .or_raise()?;
        let vectors = match dimensions {
            Some(n) => vectors.truncated(n),
            None => vectors,
        };
        to_numpy(py, vectors)
    }

    /// How many model tokens each text is, the prompt and special tokens included, before
    /// truncation to the model's window.
    #[pyo3(signature = (texts, prompt=None))]
    fn count_tokens(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        prompt: Option<String>,
    ) -> PyResult<Vec<usize>> {
        let prompt = prompt
            .as_deref()
            .map_or(PromptChoice::None, PromptChoice::parse);
        let prefix = prompt.prefix(&self.embedder.info().prompts).to_string();
        py.detach(|| -> anyhow::Result<Vec<usize>> {
            let tokenizer = self.embedder.tokenizer()?;
            let counter = tokenizer.counter(&prefix);
            Ok(texts
                .iter()
                .map(|t| silica::corpus::TokenCounter::count(&counter, t))
                .collect())
        })
        .or_raise()
    }

    /// The model's name as silica reports it.
    #[getter]
    fn name(&self) -> String {
        self.embedder.info().name.clone()
    }

    /// The name or path the model was asked for.
    #[getter]
    fn requested(&self) -> String {
        self.request.model.clone()
    }

    /// The width of the vectors `encode` returns.
    #[getter]
    fn dimension(&self) -> usize {
        self.embedder.info().dimension
    }

    /// The longest input, in tokens; longer texts are cut to it.
    #[getter]
    fn max_tokens(&self) -> usize {
        self.embedder.info().max_tokens
    }

    /// The model's fingerprint (its files, and the weight format when not f32): what an
    /// index records and checks.
    #[getter]
    fn fingerprint(&self) -> PyResult<String> {
        Ok(self.embedder.fingerprint().or_raise()?.to_string())
    }

    /// "f32", "int8", "q8_0" or "q4_0".
    #[getter]
    fn quantize(&self) -> String {
        self.embedder.weight_format().to_string()
    }

    #[getter]
    fn device(&self) -> &'static str {
        device_name(self.embedder.device())
    }

    /// The model's prompts: {"query": ..., "passage": ..., "default": name or None,
    /// "named": {name: text}}.
    #[getter]
    fn prompts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let prompts = &self.embedder.info().prompts;
        let dict = PyDict::new(py);
        dict.set_item("query", prompts.query.clone())?;
        dict.set_item("passage", prompts.passage.clone())?;
        dict.set_item("default", prompts.default_name.clone())?;
        dict.set_item("named", prompts.named.clone())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "silica.Model({:?}, dimension={}, quantize={:?}, device={:?})",
            self.request.model,
            self.dimension(),
            self.quantize(),
            self.device()
        )
    }
}

/// The embedding cache's default file ($XDG_CACHE_HOME/silica/embeddings.sqlite).
#[pyfunction]
pub fn default_cache_path() -> PathBuf {
    EmbeddingCache::default_path()
}
