//! `silica bench`'s measurement: embedding throughput on this machine (load time,
//! passages/s and tokens/s over the median run, peak memory, latency of one short text), to
//! size hardware and to compare with other tools on the same texts (benches/peers/).

use crate::corpus::{build_passages, describe, Document, PassageOptions, TokenCounter as _};
use crate::embed::{device_name, Embedder};
use crate::model::{Int8Kernel, PromptChoice, WeightFormat};
use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// The built-in sample: silica's seed articles (seeds/), compiled in so that `silica bench`
/// runs anywhere.
const SAMPLE: [(&str, &str); 5] = [
    ("000", include_str!("../../seeds/000_2b48e6d9b42260c2.txt")),
    ("001", include_str!("../../seeds/001_e463f5fad68e1c5d.txt")),
    ("002", include_str!("../../seeds/002_a91ca3159684420a.txt")),
    ("003", include_str!("../../seeds/003_20e56192cbb866e0.txt")),
    ("004", include_str!("../../seeds/004_34af2a305ba584ef.txt")),
];

/// What one bench measured.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub model: String,
    pub weights: String,
    pub device: String,
    pub threads: usize,
    /// The CPU's vector extensions that silica's kernels can use.
    pub cpu_features: Vec<&'static str>,
    /// The linear layers' product: `f32 gemm`, the int8 kernel chosen for this CPU
    /// (`avx512-vnni`, `avx512bw`, `avx2`, `portable`), or the GGML dequantize-then-f32
    /// path.
    pub kernel: String,
    /// What this build was compiled with (GPU backends).
    pub build_features: Vec<&'static str>,
    pub batch_tokens: usize,
    pub texts: usize,
    pub tokens: usize,
    pub runs: usize,
    pub load_seconds: f64,
    pub median_seconds: f64,
    pub passages_per_second: f64,
    pub tokens_per_second: f64,
    /// Slowest and fastest run, as passages per second.
    pub passages_per_second_range: (f64, f64),
    /// Peak resident memory of the process (VmHWM), when the OS reports it.
    pub peak_rss_mib: Option<f64>,
    /// With `--latency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency: Option<Latency>,
}

/// What a user waits for one short text.
#[derive(Debug, Serialize)]
pub struct Latency {
    pub text: String,
    /// A fresh `silica embed` process, from its start to its exit with the vector written
    /// (loading included), median of `processes`.
    pub cold_process_seconds: f64,
    pub processes: usize,
    /// One text in this process with the model loaded, median of `repeats`.
    pub warm_text_ms: f64,
    pub repeats: usize,
}

/// The short text latency is measured with.
const LATENCY_TEXT: &str = "Which countries signed agreements on artificial intelligence?";
/// In-process repeats of the warm measurement.
const WARM_REPEATS: usize = 50;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Cold: `runs` fresh processes from `cold_process` (a command that embeds one text read
/// from stdin and exits, the cache off so that the model computes); warm: the same text
/// `WARM_REPEATS` times in this process.
fn measure_latency(
    runs: usize,
    cold_process: &dyn Fn() -> Result<std::process::Command>,
    embedder: &Embedder,
    prompt: &PromptChoice,
) -> Result<Latency> {
    use std::io::Write as _;
    let mut cold = Vec::with_capacity(runs);
    for _ in 0..runs {
        let mut command = cold_process()?;
        let started = Instant::now();
        let mut child = command
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .context("cannot start silica embed")?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(LATENCY_TEXT.as_bytes())?;
        }
        let out = child.wait_with_output()?;
        cold.push(started.elapsed().as_secs_f64());
        if !out.status.success() {
            bail!(
                "silica embed failed while measuring latency: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
    }
    let mut warm = Vec::with_capacity(WARM_REPEATS);
    for _ in 0..WARM_REPEATS {
        let started = Instant::now();
        embedder.embed(&[LATENCY_TEXT], prompt)?;
        warm.push(started.elapsed().as_secs_f64() * 1e3);
    }
    Ok(Latency {
        text: LATENCY_TEXT.to_string(),
        cold_process_seconds: median(cold),
        processes: runs,
        warm_text_ms: median(warm),
        repeats: WARM_REPEATS,
    })
}

/// What to measure.
pub struct BenchRequest<'a> {
    /// The texts to embed whole (default: the built-in sample's passages).
    pub input: Option<&'a Path>,
    /// Texts per run, the input cycled or cut to it (default: all of the input, or 1000
    /// of the sample).
    pub passages: Option<usize>,
    pub runs: usize,
    /// With latency: the cold process to time (see [`measure_latency`]).
    pub cold_process: Option<&'a dyn Fn() -> Result<std::process::Command>>,
}

/// Loads the model (timed whole), warms up, embeds the texts `runs` times and reports the
/// median run, with latency when asked.
pub fn bench(
    request: &BenchRequest<'_>,
    load: impl FnOnce() -> Result<Embedder>,
    prompt: &PromptChoice,
) -> Result<BenchReport> {
    if request.runs == 0 || request.passages == Some(0) {
        bail!("a bench needs at least one run of at least one text");
    }
    let loading = Instant::now();
    let embedder = load()?;
    // The weights are read on first use elsewhere; here the load is timed whole.
    embedder.load_weights()?;
    let load_seconds = loading.elapsed().as_secs_f64();
    let base = match request.input {
        Some(path) => read_texts(path)?,
        None => sample_passages(&embedder, prompt)?,
    };
    let wanted = request.passages.unwrap_or(if request.input.is_some() {
        base.len()
    } else {
        1000
    });
    let texts: Vec<&str> = base
        .iter()
        .cycle()
        .take(wanted)
        .map(String::as_str)
        .collect();
    let (seconds, tokens) = timed_runs(&embedder, &texts, prompt, request.runs)?;
    let median = seconds[seconds.len() / 2];
    let rate = |s: f64| texts.len() as f64 / s.max(1e-9);
    let latency = match request.cold_process {
        Some(cold) => Some(measure_latency(request.runs, cold, &embedder, prompt)?),
        None => None,
    };
    Ok(BenchReport {
        model: embedder.info().name.clone(),
        weights: embedder.weight_format().to_string(),
        device: device_name(embedder.device()).to_string(),
        threads: rayon::current_num_threads(),
        cpu_features: cpu_features(),
        kernel: kernel_name(embedder.weight_format(), embedder.device()),
        build_features: build_features(),
        batch_tokens: embedder.limits().max_batch_tokens,
        texts: texts.len(),
        tokens,
        runs: request.runs,
        load_seconds,
        median_seconds: median,
        passages_per_second: rate(median),
        tokens_per_second: tokens as f64 / median.max(1e-9),
        passages_per_second_range: (rate(seconds[seconds.len() - 1]), rate(seconds[0])),
        peak_rss_mib: peak_rss_mib(),
        latency,
    })
}

/// A warm-up (thread pools, allocator arenas, the CPU's clocks), then `runs` timed runs:
/// their seconds, fastest first, and the tokens of one run.
fn timed_runs(
    embedder: &Embedder,
    texts: &[&str],
    prompt: &PromptChoice,
    runs: usize,
) -> Result<(Vec<f64>, usize)> {
    let warm: Vec<&str> = texts.iter().copied().take(64).collect();
    embedder.embed(&warm, prompt)?;
    let mut seconds = Vec::with_capacity(runs);
    let mut tokens = 0;
    for run in 0..runs {
        let started = Instant::now();
        let (_, stats) = embedder.embed(texts, prompt)?;
        let elapsed = started.elapsed().as_secs_f64();
        tracing::info!("run {}: {:.2} s", run + 1, elapsed);
        seconds.push(elapsed);
        tokens = stats.tokens;
    }
    seconds.sort_by(f64::total_cmp);
    Ok((seconds, tokens))
}

/// Texts of a .txt (one per non-empty line) or .jsonl ("text" field) file, verbatim.
fn read_texts(path: &Path) -> Result<Vec<String>> {
    let content = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read as UTF-8 text", path.display()))?;
    let jsonl = path.extension().is_some_and(|e| e == "jsonl");
    let mut texts = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if jsonl {
            let value: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not JSON", path.display(), i + 1))?;
            let text = value
                .get("text")
                .and_then(|t| t.as_str())
                .with_context(|| format!("{}:{}: no \"text\" string", path.display(), i + 1))?;
            texts.push(text.to_string());
        } else {
            texts.push(line.to_string());
        }
    }
    if texts.is_empty() {
        bail!("{}: no texts", path.display());
    }
    Ok(texts)
}

/// The seed articles cut into passages the way `silica embed` cuts them.
fn sample_passages(embedder: &Embedder, prompt: &PromptChoice) -> Result<Vec<String>> {
    let info = embedder.info();
    let counter = embedder.tokenizer()?.counter(prompt.prefix(&info.prompts));
    let floor = counter.count("") + 1;
    if info.max_tokens <= floor {
        bail!("{}'s window is too short for the sample", info.name);
    }
    let documents = SAMPLE
        .iter()
        .map(|(id, text)| {
            let mut doc = Document::plain(*id, format!("seeds/{id}"), *text);
            describe(&mut doc);
            doc
        })
        .collect();
    let corpus = build_passages(documents, &PassageOptions::new(info.max_tokens), &counter);
    Ok(corpus.passages.into_iter().map(|p| p.input).collect())
}

/// Vector extensions of this CPU that matter to silica's kernels (gemm, pulp, candle).
/// What multiplies the linear layers with this weight format on this device.
fn kernel_name(format: WeightFormat, device: &candle_core::Device) -> String {
    match format {
        _ if !device.is_cpu() => format!("{} (candle)", device_name(device)),
        WeightFormat::Int8 => format!("int8 {}", Int8Kernel::detect()),
        WeightFormat::F32 => "f32 gemm".into(),
        WeightFormat::Q8_0 | WeightFormat::Q4_0 => "dequantized, f32 gemm".into(),
    }
}

fn cpu_features() -> Vec<&'static str> {
    let mut found = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => {$(
                if std::arch::is_x86_feature_detected!($f) {
                    found.push($f);
                }
            )*};
        }
        probe!(
            "sse4.2",
            "avx",
            "avx2",
            "fma",
            "f16c",
            "avx512f",
            "avx512bw",
            "avx512vl",
            "avx512vnni",
            "avx512bf16",
            "avxvnni"
        );
    }
    #[cfg(target_arch = "aarch64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => {$(
                if std::arch::is_aarch64_feature_detected!($f) {
                    found.push($f);
                }
            )*};
        }
        probe!("neon", "fp16", "dotprod", "i8mm", "bf16");
    }
    found
}

fn build_features() -> Vec<&'static str> {
    let mut features = Vec::new();
    if cfg!(feature = "cuda") {
        features.push("cuda");
    }
    if cfg!(feature = "metal") {
        features.push("metal");
    }
    features
}

/// The process's peak resident memory in MiB (Linux's VmHWM).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
