//! The command line: one file per subcommand, shared model flags in [`args`].

mod args;
mod bench;
mod cache;
mod embed;
mod errors;
mod eval;
mod index;
mod models;
mod neighbors;
mod passages;
mod serve;
mod similarity;
mod themes;

pub use args::{InputArgs, ModelArgs, PassageArgs};

use clap::{Parser, Subcommand};
use std::io::IsTerminal;

/// Find related passages and themes across articles in many languages.
#[derive(Debug, Parser)]
#[command(name = "silica", version, about, propagate_version = true)]
pub struct Cli {
    /// Log level on stderr (error, warn, info, debug, trace); also SILICA_LOG.
    #[arg(long, global = true, env = "SILICA_LOG", default_value = "warn")]
    pub log: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Embed passages or documents into vectors (JSONL on stdout, or .jsonl/.npy/.safetensors).
    Embed(embed::EmbedArgs),
    /// Show the passages silica cuts documents into, and what cleaning removed.
    Passages(passages::PassagesArgs),
    /// Find the themes of a set of articles: clusters, labels, named themes, reports.
    Themes(themes::ThemesArgs),
    /// Build and keep a persistent index of passages, vectors and an ANN graph.
    Index(index::IndexArgs),
    /// Find the passages closest to a question or a passage, or related passage pairs.
    Neighbors(neighbors::NeighborsArgs),
    /// The cosine similarity of two texts, or of each pair of a CSV file.
    Similarity(similarity::SimilarityArgs),
    /// Inspect or empty the embedding cache.
    Cache(cache::CacheArgs),
    /// Score a model on public benchmarks: STS, retrieval, clustering, bitext.
    Eval(eval::EvalArgs),
    /// Measure embedding throughput on this machine: passages/s, tokens/s, load, memory.
    Bench(bench::BenchArgs),
    /// The architectures silica runs, known-good models, and what a model folder says.
    Models(models::ModelsArgs),
    /// Serve embeddings, similarity and passage search over HTTP, the model loaded once.
    Serve(serve::ServeArgs),
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    init_logging(&cli.log);
    let result = run(cli.command);
    match result {
        Ok(()) => 0,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            // One line: the chain of contexts joined by ": ", worded for the command line.
            eprintln!("error: {}", errors::one_line(&err));
            1
        }
    }
}

/// Sets `--threads` before anything else runs (reading a corpus or building a graph may
/// use rayon's pool before a model is loaded, and the pool's size is fixed at first use),
/// then runs the command.
fn run(command: Command) -> anyhow::Result<()> {
    match command.threads() {
        Some(0) => anyhow::bail!("--threads must be at least 1"),
        Some(threads) => crate::embed::set_cpu_threads(threads)?,
        // Set once, so that candle does not count the cores again at every matmul.
        None => {
            if let Some(threads) = crate::embed::default_cpu_threads() {
                crate::embed::set_cpu_threads(threads)?;
            }
        }
    }
    match command {
        Command::Embed(args) => embed::run(args),
        Command::Passages(args) => passages::run(args),
        Command::Themes(args) => themes::run(args),
        Command::Index(args) => index::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Similarity(args) => similarity::run(args),
        Command::Cache(args) => cache::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Models(args) => models::run(args),
    }
}

impl Command {
    /// The `--threads` of a command that embeds, if given.
    fn threads(&self) -> Option<usize> {
        let model = match self {
            Command::Embed(a) => &a.model,
            Command::Passages(a) => &a.model,
            Command::Themes(a) => &a.model,
            Command::Index(a) => match &a.command {
                index::IndexCommand::Add(a) => &a.model,
                _ => return None,
            },
            Command::Neighbors(a) => &a.model,
            Command::Similarity(a) => &a.model,
            Command::Cache(_) | Command::Models(_) => return None,
            Command::Eval(a) => &a.model,
            Command::Bench(a) => &a.model,
            Command::Serve(a) => &a.model,
        };
        model.threads
    }
}

fn init_logging(level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(format!("silica={level}"))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("silica=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .without_time()
        .with_target(false)
        .try_init();
}

/// `silica embed ... | head` closes stdout early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
