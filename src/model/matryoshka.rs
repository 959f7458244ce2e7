//! Shorter vectors from models trained for them (Matryoshka representation learning): which
//! widths a model may be cut to. Cutting the vectors of a model not trained this way loses
//! much of their quality, so it is refused rather than done quietly.
//!
//! A model counts as trained for it when it is a known model with Matryoshka widths
//! ([`super::KNOWN_MODELS`], by hub id or by the last part of a folder's name, as
//! `models/fetch` and hub snapshots name them) or when its sentence-transformers model card
//! (`README.md`) records `MatryoshkaLoss`, as the cards sentence-transformers writes do.

use super::{ModelFiles, ModelInfo, KNOWN_MODELS};
use anyhow::{bail, Result};

/// How a model came to be trusted with shorter vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatryoshkaTraining {
    /// A known model, with the widths it was trained at (widest first).
    Known(&'static [usize]),
    /// Its model card names `MatryoshkaLoss`; the widths are not listed.
    ModelCard,
}

impl MatryoshkaTraining {
    /// What the model's files say about it, `None` when it was not trained for it.
    pub fn of(files: &ModelFiles) -> Option<Self> {
        let last = |name: &str| {
            name.trim_end_matches('/')
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(name)
                .to_ascii_lowercase()
        };
        let asked = files.name.split('@').next().unwrap_or(&files.name);
        let known = KNOWN_MODELS.iter().find(|m| {
            !m.matryoshka.is_empty()
                && (m.id.eq_ignore_ascii_case(asked) || last(m.id) == last(asked))
        });
        if let Some(model) = known {
            return Some(Self::Known(model.matryoshka));
        }
        let card = std::fs::read_to_string(files.dir.join("README.md")).unwrap_or_default();
        card.contains("MatryoshkaLoss").then_some(Self::ModelCard)
    }
}

/// The widths one model's vectors may be cut to: at most the model's width; below it only
/// for a model trained for it, and not below its narrowest trained width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionRule {
    name: String,
    width: usize,
    training: Option<MatryoshkaTraining>,
}

impl DimensionRule {
    /// The rule for the model of `files`, whose full vectors `info` describes.
    pub fn new(files: &ModelFiles, info: &ModelInfo) -> Self {
        Self {
            name: info.name.clone(),
            width: info.dimension,
            training: MatryoshkaTraining::of(files),
        }
    }

    /// `Ok` when the vectors may be cut to `dimensions` values; else why not, in one line.
    pub fn check(&self, dimensions: usize) -> Result<()> {
        let (name, width) = (&self.name, self.width);
        if dimensions == 0 {
            bail!("{name}: 0 dimensions: a vector needs at least one");
        }
        if dimensions > width {
            bail!("{name}: {dimensions} dimensions asked, but its vectors have {width}");
        }
        if dimensions == width {
            return Ok(());
        }
        match self.training {
            Some(MatryoshkaTraining::Known(widths)) => {
                let narrowest = widths.iter().copied().min().unwrap_or(width);
                if dimensions < narrowest {
                    bail!(
                        "{name}: {dimensions} dimensions is below the narrowest it was trained for ({narrowest}; trained: {})",
                        join(widths)
                    );
                }
                Ok(())
            }
            Some(MatryoshkaTraining::ModelCard) => Ok(()),
            None => bail!(
                "{name}: not trained for shorter vectors (Matryoshka), so its {width} values cannot be cut to {dimensions} without losing quality; `silica models` lists models that are"
            ),
        }
    }
}

/// [`DimensionRule::check`] for one width.
pub fn check_dimensions(files: &ModelFiles, info: &ModelInfo, dimensions: usize) -> Result<()> {
    DimensionRule::new(files, info).check(dimensions)
}

fn join(widths: &[usize]) -> String {
    widths
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
