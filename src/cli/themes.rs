//! `silica themes`: what a set of articles is about, which passages say it, which articles
//! share a theme.

use super::args::{InputArgs, PassageArgs};
use super::units::{embed_units, Unit};
use super::ModelArgs;
use crate::cluster::{centered, cluster, ClusterParams};
use crate::export::write_atomically;
use crate::model::PromptChoice;
use crate::report::{render, ReportFormat};
use crate::themes::{
    parse_theme_list, read_themes_file, DocumentInfo, NamedTheme, ReportInputs, ThemeMatcher,
    ThemeReport, BACKGROUND,
};
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Algorithm {
    /// k-means (k-means++ starts, restarts); --k N or --k auto.
    Kmeans,
    /// HDBSCAN: clusters of varying density; passages in none are reported as unassigned.
    Hdbscan,
    /// Average-linkage agglomerative clustering cut at --threshold (cosine distance).
    Agglomerative,
}

/// Find the themes of a set of articles.
///
/// Passages are embedded (query prompt: clustering is a symmetric task), clustered, named
/// by their keywords (c-TF-IDF), matched with the themes you name, and rolled up per
/// article. The same inputs and --seed give the same report.
///
/// Example: silica themes seeds/ --themes "supply chains; technological sovereignty; export controls" -o report.html
#[derive(Debug, Args)]
pub struct ThemesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Report format (default: from the --output extension, else table).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    /// Write the report to this file (atomically) instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,

    /// What is clustered.
    #[arg(long, value_enum, default_value = "passage")]
    pub unit: Unit,

    #[arg(long, value_enum, default_value = "kmeans")]
    pub algorithm: Algorithm,

    /// Number of clusters for k-means, or "auto" (the best cosine silhouette for k from 2
    /// to about sqrt(n)).
    #[arg(long, default_value = "auto")]
    pub k: String,

    /// Seed of k-means' random starts.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,

    /// k-means runs from different starts; the best is kept.
    #[arg(long, default_value_t = 10)]
    pub restarts: usize,

    /// Smallest cluster HDBSCAN reports.
    #[arg(long, default_value_t = 4)]
    pub min_cluster_size: usize,

    /// Agglomerative: merge groups closer than this cosine distance.
    #[arg(long, default_value_t = 0.25)]
    pub threshold: f64,

    /// Themes to look for, separated by ';' (any language): "supply chains; export controls".
    #[arg(long, conflicts_with = "themes_file")]
    pub themes: Option<String>,

    /// A TOML file of [[theme]] tables with name and optional description.
    #[arg(long)]
    pub themes_file: Option<PathBuf>,

    /// How far a passage's similarity to its closest named theme must stand out from
    /// unrelated text's (in robust standard deviations) for the passage to carry it.
    #[arg(long, default_value_t = 2.0)]
    pub min_z: f64,

    /// Cluster the raw vectors, without removing their common mean first.
    #[arg(long)]
    pub no_center: bool,

    /// Keywords per cluster.
    #[arg(long, default_value_t = 10)]
    pub keywords: usize,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

impl ThemesArgs {
    fn cluster_params(&self) -> Result<ClusterParams> {
        Ok(match self.algorithm {
            Algorithm::Kmeans => {
                let k = match self.k.trim() {
                    "auto" => None,
                    text => match text.parse::<usize>() {
                        Ok(0) => bail!("--k must be at least 1 (or auto)"),
                        Ok(k) => Some(k),
                        Err(_) => bail!("--k takes a number or auto, not {text:?}"),
                    },
                };
                ClusterParams::Kmeans {
                    k,
                    seed: self.seed,
                    restarts: self.restarts.max(1),
                }
            }
            Algorithm::Hdbscan => ClusterParams::Hdbscan {
                min_cluster_size: self.min_cluster_size,
            },
            Algorithm::Agglomerative => ClusterParams::Agglomerative {
                threshold: self.threshold,
            },
        })
    }

    fn named_themes(&self) -> Result<Option<Vec<NamedTheme>>> {
        match (&self.themes, &self.themes_file) {
            (Some(list), _) => Ok(Some(parse_theme_list(list)?)),
            (None, Some(path)) => Ok(Some(read_themes_file(path)?)),
            (None, None) => Ok(None),
        }
    }
}

pub fn run(args: ThemesArgs) -> Result<()> {
    // Everything that can be checked without the model is checked first.
    let params = args.cluster_params()?;
    let named = args.named_themes()?;
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .and_then(ReportFormat::from_extension)
        })
        .unwrap_or(ReportFormat::Table);

    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let prompt = args.model.prompt_or(PromptChoice::Query);
    let info = embedder.info().clone();
    let prefix = prompt.prefix(&info.prompts).to_string();
    let corpus = args
        .passages
        .build(&args.input, &info, embedder.tokenizer(), &prefix)?;
    let (items, vectors, _) = embed_units(&embedder, &corpus, args.unit, &prompt, cache.as_mut())?;
    if let ClusterParams::Kmeans { k: Some(k), .. } = params {
        if k > items.len() {
            bail!(
                "--k {k} is more than the {} {}s to cluster",
                items.len(),
                unit_name(args.unit)
            );
        }
    }
    let space = if args.no_center {
        vectors.clone()
    } else {
        centered(&vectors)
    };
    let clustering = cluster(&space, &params)?;

    let matcher = match named {
        Some(themes) => {
            let texts: Vec<String> = themes.iter().map(NamedTheme::text).collect();
            let (theme_vectors, _) =
                embedder.embed_cached(&texts, &prompt, cache.as_mut(), |_| {})?;
            let (background, _) =
                embedder.embed_cached(BACKGROUND, &prompt, cache.as_mut(), |_| {})?;
            Some(ThemeMatcher::new(
                themes,
                theme_vectors.rows().map(<[f32]>::to_vec).collect(),
                &background.rows().map(<[f32]>::to_vec).collect::<Vec<_>>(),
                args.min_z,
            ))
        }
        None => None,
    };

    let documents: Vec<DocumentInfo> = corpus
        .documents
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            source: d.source.clone(),
            title: d.title.clone(),
        })
        .collect();
    let run = serde_json::json!({
        "silica": env!("CARGO_PKG_VERSION"),
        "inputs": args.input.inputs,
        "model": info.name,
        "prompt": prompt.label(),
        "unit": unit_name(args.unit),
        "clustering": params,
        "centered": !args.no_center,
        "k": clustering.k,
        "named_themes": matcher.as_ref().map(|m| &m.themes),
        "min_z": matcher.as_ref().map(|m| m.min_z),
        "keywords": args.keywords,
        "max_tokens": args.passages.max_tokens.unwrap_or(info.max_tokens),
        "overlap": args.passages.overlap,
        "min_chars": args.passages.min_chars,
        "keep_all": args.passages.keep_all,
        "keep_duplicates": args.passages.keep_duplicates,
        "passages": corpus.passages.len(),
        "duplicates": corpus.duplicates,
        "dropped_lines": corpus.dropped.len(),
    });
    let report = ThemeReport::build(ReportInputs {
        items: &items,
        documents: &documents,
        vectors: &vectors,
        cluster_space: &space,
        clustering: &clustering,
        matcher: matcher.as_ref(),
        keywords: args.keywords,
        representatives: 3,
        run,
    })?;
    let text = render(&report, format)?;
    match &args.output {
        Some(path) => write_atomically(path, |w| Ok(w.write_all(text.as_bytes())?))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    eprintln!(
        "{} {}s of {} documents in {} clusters{}",
        items.len(),
        unit_name(args.unit),
        corpus.documents.len(),
        clustering.k,
        args.output
            .as_ref()
            .map(|p| format!("; report in {}", p.display()))
            .unwrap_or_default()
    );
    Ok(())
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Passage => "passage",
        Unit::Document => "document",
    }
}
