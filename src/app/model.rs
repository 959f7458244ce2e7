//! Loading the model a command asked for: the files found, the device opened, the batch
//! limits and weight format set, the vectors cut to the width asked (or to the width an
//! index holds). What every front end does before it embeds.

use crate::embed::{BatchLimits, DeviceChoice, Embedder};
use crate::index::IndexSettings;
use crate::model::{
    check_dimensions, Model, ModelFiles, ModelInfo, ModelLocator, ModelSpec, TextTokenizer,
    WeightFormat,
};
use anyhow::Result;
use std::sync::Arc;

/// Which model, on which device, in which form.
#[derive(Debug, Clone)]
pub struct ModelRequest {
    /// A Hugging Face repo id (optionally @revision) or a local model directory.
    pub model: String,
    pub device: DeviceChoice,
    /// Most tokens / texts in one forward pass (default: the device's).
    pub batch_tokens: Option<usize>,
    pub batch_size: Option<usize>,
    pub quantize: WeightFormat,
    /// Vectors cut to their first N values (Matryoshka models only).
    pub dimensions: Option<usize>,
}

/// What a request asks that cannot be: front ends word it with their flags.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelRequestError {
    #[error("the batch limits (tokens and texts per forward pass) must be at least 1")]
    EmptyBatch,
    #[error("the index holds vectors of {index} values; this run asks for {asked}")]
    OtherWidth { index: usize, asked: usize },
    #[error("{name}: the index was built with {built} ({built_fingerprint}); this run's model is {asked} ({asked_fingerprint})")]
    OtherModel {
        name: String,
        built: String,
        built_fingerprint: String,
        asked: String,
        asked_fingerprint: String,
    },
}

/// Refuses a model other than the one `settings` record, naming the index or store `name`
/// (by the fingerprint of the model's files; the weights are not loaded).
pub fn require_model(name: &str, settings: &IndexSettings, model: &ModelRequest) -> Result<()> {
    same_model(name, settings, &model.model, &model.fingerprint()?)
}

/// Refuses the model `asked` (by its `fingerprint`) when `settings` record another.
fn same_model(name: &str, settings: &IndexSettings, asked: &str, fingerprint: &str) -> Result<()> {
    if fingerprint != settings.fingerprint {
        return Err(ModelRequestError::OtherModel {
            name: name.to_string(),
            built: settings.model.clone(),
            built_fingerprint: settings.fingerprint.clone(),
            asked: asked.to_string(),
            asked_fingerprint: fingerprint.to_string(),
        }
        .into());
    }
    Ok(())
}

impl ModelRequest {
    /// Finds the model's files.
    pub fn locate(&self) -> Result<ModelFiles> {
        ModelLocator::from_env().locate(&ModelSpec::parse(&self.model))
    }

    /// The fingerprint of the model's files in this weight format, without loading the
    /// weights: the string [`Embedder::fingerprint`] gives.
    pub fn fingerprint(&self) -> Result<String> {
        self.locate()?.fingerprint_as(self.quantize)
    }

    /// The model's tokenizer and what its files say, without loading the weights.
    pub fn load_tokenizer(&self) -> Result<(ModelInfo, TextTokenizer)> {
        Model::load_tokenizer(&self.locate()?)
    }

    /// The width of this run's vectors: the one asked (checked against the model without
    /// loading its weights), else the model's own.
    pub fn output_dimension(&self, info: &ModelInfo) -> Result<usize> {
        match self.dimensions {
            None => Ok(info.dimension),
            Some(n) => {
                check_dimensions(&self.locate()?, info, n)?;
                Ok(n)
            }
        }
    }

    /// Opens the device and loads the model (threads are set before: see
    /// [`crate::embed::set_cpu_threads`]).
    pub fn load(&self) -> Result<Embedder> {
        self.load_at(self.dimensions)
    }

    /// Loads the model for reading an index or store built with `settings`: its vectors
    /// at the width the index holds (a width asked for must agree).
    pub fn load_for(&self, settings: &IndexSettings) -> Result<Embedder> {
        if let Some(asked) = self.dimensions.filter(|&n| n != settings.dim) {
            return Err(ModelRequestError::OtherWidth {
                index: settings.dim,
                asked,
            }
            .into());
        }
        let embedder = self.load_at(None)?;
        if settings.dim == embedder.native_dimension() {
            return Ok(embedder);
        }
        embedder.with_dimensions(settings.dim)
    }

    /// Loads the model for an index or store named `name` built with `settings`,
    /// refusing another model before its weights load (see [`require_model`]).
    pub fn load_checked(&self, name: &str, settings: &IndexSettings) -> Result<Embedder> {
        require_model(name, settings, self)?;
        self.load_for(settings)
    }

    fn load_at(&self, dimensions: Option<usize>) -> Result<Embedder> {
        let device = self.device.open()?;
        let default = BatchLimits::for_device(&device);
        let limits = BatchLimits {
            max_batch_tokens: self.batch_tokens.unwrap_or(default.max_batch_tokens),
            max_batch_size: self.batch_size.unwrap_or(default.max_batch_size),
        };
        if limits.max_batch_tokens == 0 || limits.max_batch_size == 0 {
            return Err(ModelRequestError::EmptyBatch.into());
        }
        let embedder = Embedder::load_with_format(
            &ModelSpec::parse(&self.model),
            &ModelLocator::from_env(),
            device,
            limits,
            self.quantize,
        )?;
        match dimensions {
            Some(n) => embedder.with_dimensions(n),
            None => Ok(embedder),
        }
    }
}

/// The model a use case embeds with: one it loads from a request when it needs it (a
/// command, which runs once), or one its caller holds loaded already (a library user
/// embedding many times with one model: the Python package).
#[derive(Clone)]
pub enum ModelSource<'a> {
    Request(&'a ModelRequest),
    Loaded(Arc<Embedder>),
}

impl ModelSource<'_> {
    /// The model, loaded now when it is only a request.
    pub fn load(&self) -> Result<Arc<Embedder>> {
        match self {
            ModelSource::Request(request) => Ok(Arc::new(request.load()?)),
            ModelSource::Loaded(embedder) => Ok(embedder.clone()),
        }
    }

    /// See [`ModelRequest::fingerprint`].
    pub fn fingerprint(&self) -> Result<String> {
        match self {
            ModelSource::Request(request) => request.fingerprint(),
            ModelSource::Loaded(embedder) => Ok(embedder.fingerprint()?.to_string()),
        }
    }

    /// What the model's files say and its tokenizer (a request's weights not loaded).
    pub fn load_tokenizer(&self) -> Result<(ModelInfo, Arc<TextTokenizer>)> {
        match self {
            ModelSource::Request(request) => {
                let (info, tokenizer) = request.load_tokenizer()?;
                Ok((info, Arc::new(tokenizer)))
            }
            ModelSource::Loaded(embedder) => {
                Ok((embedder.info().clone(), embedder.shared_tokenizer()?))
            }
        }
    }

    /// The width of the vectors this model gives (see [`ModelRequest::output_dimension`]).
    pub fn output_dimension(&self, info: &ModelInfo) -> Result<usize> {
        match self {
            ModelSource::Request(request) => request.output_dimension(info),
            ModelSource::Loaded(embedder) => Ok(embedder.info().dimension),
        }
    }

    /// The model for an index or store named `name` built with `settings`: another model
    /// is refused (a request's before its weights load), and the vectors have the width
    /// the index holds.
    pub fn load_checked(&self, name: &str, settings: &IndexSettings) -> Result<Arc<Embedder>> {
        let embedder = match self {
            ModelSource::Request(request) => {
                return Ok(Arc::new(request.load_checked(name, settings)?))
            }
            ModelSource::Loaded(embedder) => embedder,
        };
        same_model(
            name,
            settings,
            &embedder.info().name,
            embedder.fingerprint()?,
        )?;
        if embedder.info().dimension != settings.dim {
            return Err(ModelRequestError::OtherWidth {
                index: settings.dim,
                asked: embedder.info().dimension,
            }
            .into());
        }
        Ok(embedder.clone())
    }
}
