use crate::model::Pooling;
use anyhow::Result;
use candle_core::{DType, IndexOp, Tensor, D};

/// Pools token vectors `[batch, seq, hidden]` into sentence vectors `[batch, hidden]`,
/// ignoring padded positions (`mask` is `[batch, seq]`, 1 for real tokens).
pub fn pool(hidden: &Tensor, mask: &Tensor, lengths: &[usize], pooling: Pooling) -> Result<Tensor> {
    Ok(match pooling {
        Pooling::Mean => {
            let mask = mask.to_dtype(DType::F32)?.unsqueeze(D::Minus1)?;
            let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
            // sentence-transformers clamps the count at 1e-9; a row always has >= 1 token here.
            let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
            summed.broadcast_div(&counts)?
        }
        Pooling::Cls => hidden.i((.., 0))?.contiguous()?,
        Pooling::LastToken => {
            let rows = lengths
                .iter()
                .enumerate()
                .map(|(row, &len)| hidden.i((row, len.saturating_sub(1))))
                .collect::<candle_core::Result<Vec<_>>>()?;
            Tensor::stack(&rows, 0)?
        }
    })
}

/// L2-normalises rows, as sentence-transformers' `Normalize` (F.normalize, eps 1e-12).
pub fn normalize(vectors: &Tensor) -> Result<Tensor> {
    let norms = vectors
        .sqr()?
        .sum_keepdim(D::Minus1)?
        .sqrt()?
        .clamp(1e-12, f64::MAX)?;
    Ok(vectors.broadcast_div(&norms)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    fn hidden() -> (Tensor, Tensor) {
        // two texts: the first has 2 real tokens, the second 3; hidden size 2
        let h = Tensor::new(
            &[
                [[1f32, 2.], [3., 4.], [100., 100.]],
                [[1., 1.], [2., 2.], [6., 3.]],
            ],
            &Device::Cpu,
        )
        .unwrap();
        let m = Tensor::new(&[[1u32, 1, 0], [1, 1, 1]], &Device::Cpu).unwrap();
        (h, m)
    }

    #[test]
    fn mean_ignores_padding() {
        let (h, m) = hidden();
        let v = pool(&h, &m, &[2, 3], Pooling::Mean)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_eq!(v, vec![vec![2., 3.], vec![3., 2.]]);
    }

    #[test]
    fn cls_and_last_token() {
        let (h, m) = hidden();
        let cls = pool(&h, &m, &[2, 3], Pooling::Cls)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_eq!(cls, vec![vec![1., 2.], vec![1., 1.]]);
        let last = pool(&h, &m, &[2, 3], Pooling::LastToken)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_eq!(last, vec![vec![3., 4.], vec![6., 3.]]);
    }

    #[test]
    fn normalized_rows_have_unit_length() {
        let v = Tensor::new(&[[3f32, 4.], [0., 0.]], &Device::Cpu).unwrap();
        let n = normalize(&v).unwrap().to_vec2::<f32>().unwrap();
        assert_eq!(n, vec![vec![0.6, 0.8], vec![0., 0.]]);
    }
}
