//! Linear layers as every encoder holds them: f32 (pre-transposed), GGML blocks, or int8
//! per output channel; with the fused bias (and GELU) epilogues of the CPU path.

use super::int8::{Epilogue, Int8Product, Int8Weight};
use super::kernels::{BiasAdd, BiasGelu};
use super::WeightFormat;
use anyhow::{bail, Result};
use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
use candle_core::{DType, Module, Tensor};
use candle_nn::VarBuilder;

/// How a linear layer holds its weight.
pub(super) enum Weight {
    /// `W^T`, `[in, out]`, contiguous: the product `x W^T` then reads the weight row-major
    /// and gemm multiplies it in place. Held as the file stores it (`[out, in]`, used
    /// through a transposed view), gemm copied (packed) the whole weight on every product:
    /// a short text's forward pass was mostly that copy (one 19-token text, 2 threads:
    /// 40 ms, now about 16 ms; 300 passages of about 96 tokens: e5-small 22.4-23.9 →
    /// 26.6-28.4 passages/s, MiniLM 43.8 → 49.4, measured side by side).
    Dense(Tensor),
    /// GGML blocks of the file's `[out, in]`. On a CPU the product dequantizes the weight
    /// (exactly: the vectors are those of the quantized model) and runs the f32 matrix
    /// product: candle's quantized
    /// CPU kernels compute one dot product per output value, built for a single token at
    /// a time, and measured 4 to 8 times slower than f32 on batches of passages (docs/performance.md,
    /// Performance). On a GPU, candle's quantized kernels run.
    Quantized(QMatMul, std::sync::Arc<QTensor>),
    /// i8 per output channel, packed for the int8 GEMM ([`Int8Weight`]).
    Int8(Int8Weight),
}

/// What follows a linear layer's bias in the fused CPU path.
#[derive(Debug, Clone, Copy)]
pub(super) enum AfterBias {
    Nothing,
    Gelu,
}

/// A linear layer `x W^T + b`; the bias is kept on the host too for the fused kernels.
pub(super) struct Linear {
    weight: Weight,
    bias: Tensor,
    pub(super) bias_host: Vec<f32>,
}

/// int8 weights asked for on a GPU: their kernels are the CPU's.
#[derive(Debug, thiserror::Error)]
#[error("int8 weights run on the CPU only (on a GPU use f32, q8_0 or q4_0)")]
pub struct Int8OnGpu;

impl Linear {
    pub(super) fn new(weight: Tensor, bias: Tensor, format: WeightFormat) -> Result<Self> {
        let weight = match format {
            WeightFormat::F32 => Weight::Dense(weight.t()?.contiguous()?),
            WeightFormat::Int8 => {
                if !weight.device().is_cpu() {
                    return Err(Int8OnGpu.into());
                }
                let (outputs, inputs) = weight.dims2()?;
                let values = weight
                    .to_dtype(DType::F32)?
                    .flatten_all()?
                    .to_vec1::<f32>()?;
                Weight::Int8(Int8Weight::quantize(&values, outputs, inputs))
            }
            WeightFormat::Q8_0 | WeightFormat::Q4_0 => {
                let dtype = if format == WeightFormat::Q8_0 {
                    GgmlDType::Q8_0
                } else {
                    GgmlDType::Q4_0
                };
                let cols = weight.dim(1)?;
                if !cols.is_multiple_of(32) {
                    bail!("cannot quantize to {format}: a weight row has {cols} values, not a multiple of 32");
                }
                let q = std::sync::Arc::new(QTensor::quantize(&weight, dtype)?);
                Weight::Quantized(QMatMul::from_arc(q.clone())?, q)
            }
        };
        Ok(Self {
            weight,
            bias_host: bias.to_dtype(DType::F32)?.to_vec1()?,
            bias,
        })
    }

    pub(super) fn load(vb: &VarBuilder, format: WeightFormat) -> Result<Self> {
        Self::new(
            vb.get_unchecked("weight")?,
            vb.get_unchecked("bias")?,
            format,
        )
    }

    /// A layer without a bias (Qwen3's projections): `x W^T`, the bias zero.
    pub(super) fn load_without_bias(vb: &VarBuilder, format: WeightFormat) -> Result<Self> {
        let weight = vb.get_unchecked("weight")?;
        let bias = Tensor::zeros(weight.dim(0)?, DType::F32, weight.device())?;
        Self::new(weight, bias, format)
    }

    /// `x W^T` without the bias, `x` being `[tokens, in]`.
    pub(super) fn matmul(&self, x: &Tensor) -> Result<Tensor> {
        Ok(match &self.weight {
            Weight::Dense(w) => x.matmul(w)?,
            Weight::Quantized(_, q) if x.device().is_cpu() => {
                x.matmul(&q.dequantize(x.device())?.t()?)?
            }
            Weight::Quantized(m, _) => m.forward(x)?,
            Weight::Int8(w) => x.contiguous()?.apply_op1_no_bwd(&Int8Product {
                weight: w,
                epilogue: Epilogue::None,
            })?,
        })
    }

    /// `x W^T + b`, then GELU with [`AfterBias::Gelu`], on a CPU: in the int8 product's
    /// rescale pass, or as an in-place kernel after the f32 product.
    pub(super) fn matmul_then(&self, x: &Tensor, after: AfterBias) -> Result<Tensor> {
        let bias = &self.bias_host;
        if let Weight::Int8(weight) = &self.weight {
            let epilogue = match after {
                AfterBias::Nothing => Epilogue::Bias(bias),
                AfterBias::Gelu => Epilogue::BiasGelu(bias),
            };
            return Ok(x
                .contiguous()?
                .apply_op1_no_bwd(&Int8Product { weight, epilogue })?);
        }
        let y = self.matmul(x)?;
        match after {
            AfterBias::Nothing => y.inplace_op1(&BiasAdd(bias))?,
            AfterBias::Gelu => y.inplace_op1(&BiasGelu(bias))?,
        }
        Ok(y)
    }

    pub(super) fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(self.matmul(x)?.broadcast_add(&self.bias)?)
    }
}
