//! `silica bench`: embedding throughput on this machine, to size hardware and to compare
//! with other tools on the same texts (benches/peers/).

use super::args::Format;
use super::ModelArgs;
use crate::corpus::{build_passages, describe, Document, PassageOptions, TokenCounter as _};
use crate::embed::{device_name, Embedder};
use crate::model::{Int8Kernel, PromptChoice, WeightFormat};
use anyhow::{bail, Context, Result};
use clap::Args;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Measure embedding throughput: load time, passages/s and tokens/s, peak memory.
///
/// Texts are embedded whole, without cleaning or splitting, and without the cache. After
/// a warm-up pass over the first texts, the whole set is embedded --runs times and the
/// median run is reported. The default texts are silica's built-in sample: the passages
/// of its five French seed articles (about 67 tokens each), cycled to --passages.
///
/// Example: silica bench --model intfloat/multilingual-e5-small --threads 2
///
/// Example: silica bench --input texts.txt --quantize q8_0 --format json
///
/// Example: silica bench --latency --passages 100
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Texts to embed: a .txt file (one text per non-empty line) or a .jsonl file (the
    /// "text" field of each record). Default: the built-in sample.
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Texts per run: the input (or sample) is cycled or cut to this many.
    /// Default: all of --input, or 1000 of the sample.
    #[arg(long, value_name = "N")]
    pub passages: Option<usize>,

    /// Timed runs after the warm-up; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,

    /// Also measure latency: the time from starting a `silica embed` process to its first
    /// vector (one short text, no cache; the median of --runs processes), and the median
    /// time of one short text in this already-loaded process.
    #[arg(long)]
    pub latency: bool,

    /// Output: a table for people or JSON for scripts.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    #[command(flatten)]
    pub model: ModelArgs,
}

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

/// Cold: `runs` fresh processes embedding one text from stdin (the cache off, so the model
/// computes); warm: the same text `WARM_REPEATS` times in this process.
fn measure_latency(
    args: &BenchArgs,
    embedder: &Embedder,
    prompt: &PromptChoice,
) -> Result<Latency> {
    use std::io::Write as _;
    let exe = std::env::current_exe().context("cannot find the silica executable")?;
    let mut cold = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let mut command = std::process::Command::new(&exe);
        command
            .args(["embed", "-", "--unit", "text", "--no-cache", "--no-text"])
            .args(["--model", &args.model.model])
            .args(["--quantize", &args.model.quantize.to_string()]);
        if let Some(t) = args.model.threads {
            command.args(["--threads", &t.to_string()]);
        }
        if let Some(p) = &args.model.prompt {
            command.args(["--prompt", p]);
        }
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
        processes: args.runs,
        warm_text_ms: median(warm),
        repeats: WARM_REPEATS,
    })
}

pub fn run(args: BenchArgs) -> Result<()> {
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    if args.passages == Some(0) {
        bail!("--passages must be at least 1");
    }
    let loading = Instant::now();
    let embedder = args.model.load_embedder()?;
    // The weights are read on first use elsewhere; here the load is timed whole.
    embedder.load_weights()?;
    let load_seconds = loading.elapsed().as_secs_f64();
    let prompt = args.model.prompt_or(PromptChoice::Passage);

    let base = match &args.input {
        Some(path) => read_texts(path)?,
        None => sample_passages(&embedder, &prompt)?,
    };
    let wanted = args.passages.unwrap_or(if args.input.is_some() {
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

    // Warm-up: thread pools, allocator arenas, the CPU's clocks.
    let warm: Vec<&str> = texts.iter().copied().take(64).collect();
    embedder.embed(&warm, &prompt)?;
    let mut seconds = Vec::with_capacity(args.runs);
    let mut tokens = 0;
    for run in 0..args.runs {
        let started = Instant::now();
        let (_, stats) = embedder.embed(&texts, &prompt)?;
        let elapsed = started.elapsed().as_secs_f64();
        tracing::info!("run {}: {:.2} s", run + 1, elapsed);
        seconds.push(elapsed);
        tokens = stats.tokens;
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    let rate = |s: f64| texts.len() as f64 / s.max(1e-9);
    let report = BenchReport {
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
        runs: args.runs,
        load_seconds,
        median_seconds: median,
        passages_per_second: rate(median),
        tokens_per_second: tokens as f64 / median.max(1e-9),
        passages_per_second_range: (rate(seconds[seconds.len() - 1]), rate(seconds[0])),
        peak_rss_mib: peak_rss_mib(),
        latency: None,
    };
    let report = if args.latency {
        BenchReport {
            latency: Some(measure_latency(&args, &embedder, &prompt)?),
            ..report
        }
    } else {
        report
    };
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Table => print_table(&report),
    }
    Ok(())
}

fn print_table(r: &BenchReport) {
    let mut rows: Vec<(&str, String)> = vec![
        ("model", r.model.clone()),
        ("weights", r.weights.clone()),
        ("device", r.device.clone()),
        ("threads", r.threads.to_string()),
        ("cpu features", r.cpu_features.join(" ")),
        ("kernel", r.kernel.clone()),
        (
            "build features",
            if r.build_features.is_empty() {
                "cpu only".into()
            } else {
                r.build_features.join(" ")
            },
        ),
        ("batch tokens", r.batch_tokens.to_string()),
        (
            "texts",
            format!(
                "{} ({} tokens, {:.1} per text)",
                r.texts,
                r.tokens,
                r.tokens as f64 / r.texts.max(1) as f64
            ),
        ),
        ("load", format!("{:.2} s", r.load_seconds)),
        (
            "median run",
            format!("{:.2} s (of {})", r.median_seconds, r.runs),
        ),
        (
            "passages/s",
            format!(
                "{:.1} (runs {:.1} to {:.1})",
                r.passages_per_second, r.passages_per_second_range.0, r.passages_per_second_range.1
            ),
        ),
        ("tokens/s", format!("{:.0}", r.tokens_per_second)),
        (
            "peak memory",
            r.peak_rss_mib
                .map(|m| format!("{m:.0} MiB"))
                .unwrap_or_else(|| "unknown".into()),
        ),
    ];
    if let Some(l) = &r.latency {
        rows.push((
            "first vector",
            format!(
                "{:.2} s from process start (median of {} `silica embed` processes, one short text)",
                l.cold_process_seconds, l.processes
            ),
        ));
        rows.push((
            "one text, warm",
            format!(
                "{:.1} ms (median of {} in this process)",
                l.warm_text_ms, l.repeats
            ),
        ));
    }
    for (name, value) in rows {
        println!("{name:<15} {value}");
    }
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
