//! `silica cache`: where the embedding cache is, how big, and how to empty it.

use crate::cache::{clear_cache, EmbeddingCache};
use anyhow::Result;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Inspect or empty the embedding cache.
///
/// Example: silica cache stats
#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,

    /// The cache file. Default: $XDG_CACHE_HOME/silica/embeddings.sqlite.
    #[arg(long, env = "SILICA_CACHE", global = true, value_name = "PATH")]
    pub cache: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Number of vectors and size on disk.
    Stats,
    /// Remove the cache file (works on a corrupt one too).
    Clear,
    /// Print the cache file's path.
    Path,
}

pub fn run(args: CacheArgs) -> Result<()> {
    let path = args.cache.unwrap_or_else(EmbeddingCache::default_path);
    match args.action {
        CacheAction::Path => println!("{}", path.display()),
        CacheAction::Clear => {
            let removed = clear_cache(&path)?;
            eprintln!(
                "{}: {}",
                path.display(),
                if removed { "removed" } else { "no cache there" }
            );
        }
        CacheAction::Stats => {
            if !path.exists() {
                println!("{}: no cache yet", path.display());
                return Ok(());
            }
            let stats = EmbeddingCache::open(&path)?.stats()?;
            println!(
                "{}: {} vectors, {:.1} MB",
                stats.path,
                stats.vectors,
                stats.bytes as f64 / 1e6
            );
        }
    }
    Ok(())
}
