//! The token-embedding table, read row by row from the weights file as texts need them.
//!
//! The table is most of a multilingual model (multilingual-e5-small: 250,037 x 384, 384 MB of
//! its 470 in f32) and a batch reads only its own rows, a few hundred. Loading it whole cost
//! most of the model's load time and memory, even narrowed to f16 (measured here, 2 cores:
//! 0.4 s and 192 MB resident of a 0.7 s, 420 MB `silica embed` of one text). Rows are read
//! with positioned reads from the file instead (served from the page cache after the first
//! time), widened to f32 when stored narrower: exact values, no load time, nothing resident.
//! Positioned reads rather than a memory map, because the map's pages would count as the
//! process's resident memory as they are touched, fault-around included.

use anyhow::{bail, ensure, Context, Result};
use std::fs::File;
use std::path::Path;

/// How the table's elements are stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stored {
    F32,
    F16,
    Bf16,
}

impl Stored {
    fn width(self) -> usize {
        match self {
            Stored::F32 => 4,
            Stored::F16 | Stored::Bf16 => 2,
        }
    }

    fn widen(self, bytes: &[u8], out: &mut [f32]) {
        let width = self.width();
        for (value, b) in out.iter_mut().zip(bytes.chunks_exact(width)) {
            *value = match self {
                Stored::F32 => f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                Stored::F16 => half::f16::from_le_bytes([b[0], b[1]]).to_f32(),
                Stored::Bf16 => half::bf16::from_le_bytes([b[0], b[1]]).to_f32(),
            };
        }
    }
}

/// A 2-d table in a safetensors file whose rows are read on use.
pub struct TokenTable {
    file: File,
    /// Where the first row starts in the file.
    start: u64,
    rows: usize,
    cols: usize,
    stored: Stored,
}

impl TokenTable {
    /// Finds tensor `name` in the safetensors file at `path`; reads only the header.
    pub fn open(path: &Path, name: &str) -> Result<Self> {
        use std::io::Read;
        let mut file = File::open(path)?;
        let mut size = [0u8; 8];
        file.read_exact(&mut size)?;
        let header_len = usize::try_from(u64::from_le_bytes(size))?;
        ensure!(header_len < 100_000_000, "an implausible header size");
        let mut header = vec![0u8; header_len];
        file.read_exact(&mut header)?;
        let metadata: safetensors::tensor::Metadata =
            serde_json::from_slice(&header).context("not a safetensors header")?;
        let info = metadata
            .info(name)
            .with_context(|| format!("no tensor {name}"))?;
        let stored = match info.dtype {
            safetensors::Dtype::F32 => Stored::F32,
            safetensors::Dtype::F16 => Stored::F16,
            safetensors::Dtype::BF16 => Stored::Bf16,
            other => bail!("{name} is {other:?}; F32, F16 or BF16 expected"),
        };
        let [rows, cols] = info.shape[..] else {
            bail!("{name} has shape {:?}, not 2-d", info.shape);
        };
        let (start, end) = info.data_offsets;
        ensure!(
            end.checked_sub(start) == Some(rows * cols * stored.width()),
            "{name}: its byte size does not match its shape"
        );
        let start = (8 + header_len + start) as u64;
        let file_len = file.metadata()?.len();
        ensure!(
            start + (rows * cols * stored.width()) as u64 <= file_len,
            "{name} runs past the end of the file ({file_len} bytes)"
        );
        Ok(Self {
            file,
            start,
            rows,
            cols,
            stored,
        })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The rows of `ids`, in order, as one `[ids.len() * cols]` buffer. Each distinct row is
    /// read once.
    pub fn gather(&self, ids: &[u32]) -> Result<Vec<f32>> {
        let mut distinct = ids.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        if let Some(&last) = distinct.last() {
            ensure!(
                (last as usize) < self.rows,
                "token id {last} is outside the embedding table of {} rows",
                self.rows
            );
        }
        let row_bytes = self.cols * self.stored.width();
        let mut bytes = vec![0u8; row_bytes];
        let mut read = vec![0f32; distinct.len() * self.cols];
        for (&id, out) in distinct.iter().zip(read.chunks_exact_mut(self.cols)) {
            let at = self.start + id as u64 * row_bytes as u64;
            read_exact_at(&self.file, &mut bytes, at)
                .with_context(|| format!("reading row {id} of the embedding table"))?;
            self.stored.widen(&bytes, out);
        }
        let mut gathered = Vec::with_capacity(ids.len() * self.cols);
        for id in ids {
            let at = distinct.binary_search(id).expect("every id is in the set");
            gathered.extend_from_slice(&read[at * self.cols..(at + 1) * self.cols]);
        }
        Ok(gathered)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use safetensors::tensor::TensorView;
    use safetensors::Dtype;

    #[test]
    fn rows_stored_as_f32_f16_or_bf16_read_as_the_same_values() {
        let values = [0.5f32, -1.25, 3.0, 0.1, 1e-3, -7.5];
        let f32_bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let f16_bytes: Vec<u8> = values
            .iter()
            .flat_map(|v| half::f16::from_f32(*v).to_le_bytes())
            .collect();
        let bf16_bytes: Vec<u8> = values
            .iter()
            .flat_map(|v| half::bf16::from_f32(*v).to_le_bytes())
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.safetensors");
        let views = [
            (
                "a",
                TensorView::new(Dtype::F32, vec![3, 2], &f32_bytes).unwrap(),
            ),
            (
                "b",
                TensorView::new(Dtype::F16, vec![3, 2], &f16_bytes).unwrap(),
            ),
            (
                "c",
                TensorView::new(Dtype::BF16, vec![3, 2], &bf16_bytes).unwrap(),
            ),
            (
                "flat",
                TensorView::new(Dtype::F32, vec![6], &f32_bytes).unwrap(),
            ),
        ];
        safetensors::serialize_to_file(views, None, &path).unwrap();
        let ids = [2u32, 0, 2, 1];
        let expected: Vec<f32> = ids
            .iter()
            .flat_map(|&i| values[i as usize * 2..i as usize * 2 + 2].to_vec())
            .collect();
        let read = |name: &str| TokenTable::open(&path, name).unwrap().gather(&ids).unwrap();
        assert_eq!(read("a"), expected, "f32 rows are exact");
        for (x, v) in read("b").iter().zip(&expected) {
            assert!((x - v).abs() <= v.abs() * 1e-3 + 1e-6, "{x} vs {v}");
        }
        for (x, v) in read("c").iter().zip(&expected) {
            assert!((x - v).abs() <= v.abs() * 1e-2 + 1e-6, "{x} vs {v}");
        }
        let table = TokenTable::open(&path, "a").unwrap();
        assert_eq!((table.rows(), table.cols()), (3, 2));
        assert!(table.gather(&[]).unwrap().is_empty());
        let outside = table.gather(&[0, 3]).unwrap_err().to_string();
        assert!(outside.contains("token id 3"), "{outside}");
        assert!(TokenTable::open(&path, "missing").is_err());
        assert!(TokenTable::open(&path, "flat").is_err());
    }

    #[test]
    fn a_truncated_file_is_refused_when_opened() {
        let values = vec![1f32; 64];
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.safetensors");
        let views = [(
            "a",
            TensorView::new(Dtype::F32, vec![8, 8], &bytes).unwrap(),
        )];
        safetensors::serialize_to_file(views, None, &path).unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len - 10).unwrap();
        let error = TokenTable::open(&path, "a").err().unwrap().to_string();
        assert!(error.contains("past the end"), "{error}");
    }
}
