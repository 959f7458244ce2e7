//! `silica bench`: embedding throughput on this machine, to size hardware and to compare
//! with other tools on the same texts (benches/peers/).

use super::args::Format;
use super::ModelArgs;
use crate::app::bench::{bench, BenchRequest};
use crate::model::PromptChoice;
use anyhow::{bail, Context, Result};
use clap::Args;
use std::path::PathBuf;

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

pub fn run(args: BenchArgs) -> Result<()> {
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    if args.passages == Some(0) {
        bail!("--passages must be at least 1");
    }
    let cold_process = || args.cold_process();
    let request = BenchRequest {
        input: args.input.as_deref(),
        passages: args.passages,
        runs: args.runs,
        cold_process: if args.latency {
            Some(&cold_process)
        } else {
            None
        },
    };
    let prompt = args.model.prompt_or(PromptChoice::Passage);
    let report = bench(&request, || args.model.load_embedder(), &prompt)?;
    crate::report::bench::write_bench(&mut std::io::stdout().lock(), &report, args.format)
}

impl BenchArgs {
    /// `silica embed` of one text from stdin, with this run's model flags and no cache: the
    /// cold process latency is measured with.
    fn cold_process(&self) -> Result<std::process::Command> {
        let exe = std::env::current_exe().context("cannot find the silica executable")?;
        let mut command = std::process::Command::new(exe);
        command
            .args(["embed", "-", "--unit", "text", "--no-cache", "--no-text"])
            .args(["--model", &self.model.model])
            .args(["--quantize", &self.model.quantize.to_string()]);
        if let Some(t) = self.model.threads {
            command.args(["--threads", &t.to_string()]);
        }
        if let Some(p) = &self.model.prompt {
            command.args(["--prompt", p]);
        }
        Ok(command)
    }
}
