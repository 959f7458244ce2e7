//! Embeds the texts of `benches/peers/run` with fastembed-rs and prints the same JSON line
//! as `peers.py`: passages/s (median of the runs), tokens, load time, peak RSS.
//!
//!     silica-peer-fastembed --model DIR --onnx FILE --input TEXTS --threads T --runs R [--prefix P]

use fastembed::{
    InitOptionsUserDefined, Pooling, TextEmbedding, TokenizerFiles, UserDefinedEmbeddingModel,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    model: PathBuf,
    onnx: PathBuf,
    input: PathBuf,
    threads: usize,
    runs: usize,
    prefix: String,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut model, mut onnx, mut input) = (None, None, None);
    let (mut threads, mut runs, mut prefix) = (1, 3, String::new());
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--model" => model = Some(PathBuf::from(value)),
            "--onnx" => onnx = Some(PathBuf::from(value)),
            "--input" => input = Some(PathBuf::from(value)),
            "--threads" => threads = value.parse().map_err(|e| format!("--threads: {e}"))?,
            "--runs" => runs = value.parse().map_err(|e| format!("--runs: {e}"))?,
            "--prefix" => prefix = value,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(Args {
        model: model.ok_or("--model is required")?,
        onnx: onnx.ok_or("--onnx is required")?,
        input: input.ok_or("--input is required")?,
        threads,
        runs: runs.max(1),
        prefix,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A file of the model directory, or `default` when the model does not ship it.
fn read_or(dir: &Path, name: &str, default: &str) -> Result<Vec<u8>, String> {
    let path = dir.join(name);
    if path.exists() {
        read(&path)
    } else {
        Ok(default.as_bytes().to_vec())
    }
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let texts: Vec<String> = String::from_utf8_lossy(&read(&args.input)?)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{}{l}", args.prefix))
        .collect();
    let started = Instant::now();
    let tokenizer_files = TokenizerFiles {
        tokenizer_file: read(&args.model.join("tokenizer.json"))?,
        config_file: read(&args.model.join("config.json"))?,
        special_tokens_map_file: read_or(&args.model, "special_tokens_map.json", "{}")?,
        tokenizer_config_file: read(&args.model.join("tokenizer_config.json"))?,
    };
    let model = UserDefinedEmbeddingModel::new(read(&args.onnx)?, tokenizer_files)
        .with_pooling(Pooling::Mean);
    let max_length = serde_json::from_slice::<serde_json::Value>(&read(
        &args.model.join("sentence_bert_config.json"),
    )?)
    .ok()
    .and_then(|v| v["max_seq_length"].as_u64())
    .unwrap_or(512) as usize;
    let options = InitOptionsUserDefined::new()
        .with_max_length(max_length)
        .with_intra_threads(args.threads);
    let mut embedder =
        TextEmbedding::try_new_from_user_defined(model, options).map_err(|e| e.to_string())?;
    let load = started.elapsed().as_secs_f64();
    let tokens: usize = texts
        .iter()
        .map(|t| {
            embedder
                .tokenizer
                .encode(t.as_str(), true)
                .map(|e| e.len())
                .unwrap_or(0)
        })
        .sum();
    // Warm up on the first 64 texts, as peers.py does.
    embedder
        .embed(&texts[..texts.len().min(64)], Some(32))
        .map_err(|e| e.to_string())?;
    let mut seconds = Vec::new();
    for _ in 0..args.runs {
        let t = Instant::now();
        let vectors = embedder
            .embed(&texts, Some(32))
            .map_err(|e| e.to_string())?;
        seconds.push(t.elapsed().as_secs_f64());
        if vectors.len() != texts.len() {
            return Err(format!(
                "{} vectors for {} texts",
                vectors.len(),
                texts.len()
            ));
        }
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    let n = texts.len() as f64;
    let report = serde_json::json!({
        "peer": "fastembed-rs 7.5.0 (ort, load-dynamic)",
        "threads": args.threads,
        "texts": texts.len(),
        "tokens": tokens,
        "load_seconds": load,
        "median_seconds": median,
        "passages_per_second": n / median,
        "tokens_per_second": tokens as f64 / median,
        "passages_per_second_range": [n / seconds[seconds.len() - 1], n / seconds[0]],
        "peak_rss_mib": peak_rss_mib(),
    });
    println!("{report}");
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("silica-peer-fastembed: {e}");
        std::process::exit(1);
    }
}
