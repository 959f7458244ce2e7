//! sentence-transformers' `Dense` modules: linear layers (with an activation) applied to
//! the pooled sentence vector before it is normalised. EmbeddingGemma projects 768 -> 3072
//! -> 768 with two of them; most models have none.

use super::linear::Linear;
use super::WeightFormat;
use anyhow::{bail, ensure, Context, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What a Dense module's `config.json` says.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct DenseConfig {
    pub in_features: usize,
    pub out_features: usize,
    #[serde(default = "yes")]
    pub bias: bool,
    #[serde(default = "tanh")]
    pub activation_function: String,
}

fn yes() -> bool {
    true
}

/// sentence-transformers' default for `Dense`.
fn tanh() -> String {
    "torch.nn.modules.activation.Tanh".into()
}

/// The activations a Dense module may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Activation {
    Identity,
    Tanh,
}

impl Activation {
    fn parse(name: &str) -> Result<Self> {
        match name.rsplit('.').next().unwrap_or(name) {
            "Identity" => Ok(Self::Identity),
            "Tanh" => Ok(Self::Tanh),
            other => bail!("activation {other} is not supported (Identity and Tanh are)"),
        }
    }
}

/// One Dense module's folder, as `modules.json` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseModule {
    pub dir: PathBuf,
    pub config: DenseConfig,
}

impl DenseModule {
    /// Reads `dir/config.json`, checking the activation is one silica applies.
    pub fn read(dir: &Path) -> Result<Self> {
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let config: DenseConfig = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a Dense module config", path.display()))?;
        Activation::parse(&config.activation_function)
            .with_context(|| format!("{}", path.display()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            config,
        })
    }

    /// The weights file (`model.safetensors`; older folders' `pytorch_model.bin` is refused
    /// by name).
    pub fn weights(&self) -> Result<PathBuf> {
        let path = self.dir.join("model.safetensors");
        if path.is_file() {
            return Ok(path);
        }
        if self.dir.join("pytorch_model.bin").is_file() {
            bail!(
                "{}: the Dense weights are in pytorch_model.bin; silica reads model.safetensors \
                 (sentence-transformers saves it with safe_serialization=True)",
                self.dir.display()
            );
        }
        bail!("{}: no model.safetensors", self.dir.display())
    }
}

struct Dense {
    linear: Linear,
    activation: Activation,
}

/// The Dense modules in order; empty for most models.
pub struct Projection {
    layers: Vec<Dense>,
}

impl Projection {
    /// Loads each module's weights in f32 (they are small next to the encoder's).
    pub fn load(modules: &[DenseModule], input: usize, device: &Device) -> Result<Self> {
        let mut width = input;
        let mut layers = Vec::new();
        for module in modules {
            let c = &module.config;
            ensure!(
                c.in_features == width,
                "{}: in_features {} but the vector before it has {width} values",
                module.dir.display(),
                c.in_features
            );
            let path = module.weights()?;
            // Safety: mapped read-only, as the encoder's weights are.
            let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[&path], DType::F32, device) }
                .with_context(|| {
                format!("{}: not a readable safetensors file", path.display())
            })?;
            let vb = vb.pp("linear");
            let weight = vb
                .get((c.out_features, c.in_features), "weight")
                .with_context(|| format!("{}", path.display()))?;
            let bias = if c.bias {
                vb.get(c.out_features, "bias")
                    .with_context(|| format!("{}", path.display()))?
            } else {
                Tensor::zeros(c.out_features, DType::F32, device)?
            };
            layers.push(Dense {
                linear: Linear::new(weight, bias, WeightFormat::F32)?,
                activation: Activation::parse(&c.activation_function)?,
            });
            width = c.out_features;
        }
        Ok(Self { layers })
    }

    /// `[rows, in] -> [rows, out]`.
    pub fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let mut x = x.clone();
        for layer in &self.layers {
            x = layer.linear.forward(&x)?;
            if layer.activation == Activation::Tanh {
                x = x.tanh()?;
            }
        }
        Ok(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activations_are_read_by_their_class_name() {
        assert_eq!(
            Activation::parse("torch.nn.modules.linear.Identity").unwrap(),
            Activation::Identity
        );
        assert_eq!(
            Activation::parse("torch.nn.modules.activation.Tanh").unwrap(),
            Activation::Tanh
        );
        let err = Activation::parse("torch.nn.modules.activation.ReLU")
            .unwrap_err()
            .to_string();
        assert!(err.contains("ReLU"), "{err}");
    }
}
