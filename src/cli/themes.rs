//! `silica themes`: what a set of articles is about, which passages say it, which articles
//! share a theme.

use super::args::{corpus_spec, DateArgs, InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::model::ModelSource;
use crate::app::themes::{
    read_theme_inputs, themes_report, ThemeInputs, ThemeModel, ThemeSettings, ThemeSource,
    DEFAULT_KEYWORDS, DEFAULT_STABILITY_RUNS,
};
use crate::app::units::Unit;
use crate::cluster::{Algorithm, ClusterChoice, ClusterParams};
use crate::export::write_atomically;
use crate::model::PromptChoice;
use crate::report::{render, ReportFormat};
use crate::themes::{
    parse_theme_list, read_themes_file, NamedTheme, PreviousReport, ScoringParams,
};
use anyhow::{bail, Result};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Find the themes of a set of articles.
///
/// Passages are embedded (query prompt: clustering is a symmetric task), clustered, named
/// by their keywords (c-TF-IDF), matched with the themes you name, and rolled up per
/// article. The same inputs and --seed give the same report.
///
/// Example: silica themes seeds/ --themes "supply chains; technological sovereignty; export controls" -o report.html
#[derive(Debug, Args)]
#[command(mut_arg("inputs", |a| a.required(false)))]
pub struct ThemesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Find the themes of an index's passages (--index DIR, or a PostgreSQL store with
    /// --store URL; see `silica index`) instead of reading a corpus: nothing is embedded
    /// again (the model is loaded only for --themes names).
    #[command(flatten)]
    pub target: super::index::StoreArgs,

    #[command(flatten)]
    pub dates: DateArgs,

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
    #[arg(long, default_value_t = ClusterChoice::default().seed)]
    pub seed: u64,

    /// k-means runs from different starts; the best is kept.
    #[arg(long, default_value_t = ClusterChoice::default().restarts)]
    pub restarts: usize,

    /// Spectral: neighbours of each passage in the graph.
    #[arg(long, default_value_t = ClusterChoice::default().neighbors)]
    pub neighbors: usize,

    /// A previous report of these themes (JSON): clusters that continue its clusters keep
    /// their stable ids and labels, and the report says what is new, split, merged or
    /// faded since, and which settings changed.
    #[arg(long, value_name = "REPORT.json")]
    pub previous: Option<PathBuf>,

    /// Runs compared in the trust panel's stability, this one included: the others take
    /// the next seeds and keep this run's k (k-means and spectral; 0 or 1: none).
    #[arg(long, default_value_t = DEFAULT_STABILITY_RUNS)]
    pub stability_runs: usize,

    /// Smallest cluster HDBSCAN reports.
    #[arg(long, default_value_t = ClusterChoice::default().min_cluster_size)]
    pub min_cluster_size: usize,

    /// Agglomerative: merge groups closer than this cosine distance.
    #[arg(long, default_value_t = ClusterChoice::default().threshold)]
    pub threshold: f64,

    /// Themes to look for, separated by ';' (any language): "supply chains; export controls".
    #[arg(long, conflicts_with = "themes_file")]
    pub themes: Option<String>,

    /// A TOML file of [[theme]] tables with name and optional description.
    #[arg(long)]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub scoring: ScoringArgs,

    /// Cluster the raw vectors, without removing their common mean first.
    #[arg(long)]
    pub no_center: bool,

    /// Keywords per cluster.
    #[arg(long, default_value_t = DEFAULT_KEYWORDS)]
    pub keywords: usize,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

/// How items are matched with named themes (shared by `themes` and `eval themes`).
#[derive(Debug, Clone, Args)]
pub struct ScoringArgs {
    /// How far a passage's cosine to its theme must stand above unrelated text's (robust
    /// standard deviations of a fixed set of unrelated sentences) for the passage to carry
    /// it; below, it is "other".
    #[arg(long, default_value_t = ScoringParams::default().min_background_z)]
    pub min_z: f64,

    /// Rounds of re-estimating each theme from the passages that carry it (0: the theme
    /// names alone).
    #[arg(long, default_value_t = ScoringParams::default().refine_rounds)]
    pub refine_rounds: usize,

    /// Weight of a passage's document in its score (0 to 1): 0 reads each passage alone,
    /// 0.5 weighs it equally with its document's mean.
    #[arg(long, default_value_t = ScoringParams::default().document_weight)]
    pub document_weight: f64,

    /// An assignment whose margin over the runner-up theme (corpus standard deviations) is
    /// below this is reported as borderline.
    #[arg(long, default_value_t = ScoringParams::default().confident_margin)]
    pub confident_margin: f64,

    /// Give a passage a second theme when that theme's score is within this margin of the
    /// first's (e.g. 0.25); off by default.
    #[arg(long, value_name = "MARGIN")]
    pub second_theme_within: Option<f64>,
}

impl ScoringArgs {
    pub fn params(&self) -> Result<ScoringParams> {
        if !self.min_z.is_finite() || !self.confident_margin.is_finite() {
            bail!("--min-z and --confident-margin must be numbers");
        }
        if !(0.0..=1.0).contains(&self.document_weight) {
            bail!(
                "--document-weight must be between 0 and 1, not {}",
                self.document_weight
            );
        }
        if let Some(m) = self.second_theme_within {
            if !(m.is_finite() && m >= 0.0) {
                bail!("--second-theme-within must be a margin of 0 or more, not {m}");
            }
        }
        Ok(ScoringParams {
            refine_rounds: self.refine_rounds,
            min_background_z: self.min_z,
            confident_margin: self.confident_margin,
            document_weight: self.document_weight,
            second_within: self.second_theme_within,
            ..ScoringParams::default()
        })
    }
}

impl ThemesArgs {
    fn cluster_params(&self) -> Result<ClusterParams> {
        let k = match self.k.trim() {
            "auto" => None,
            text => match text.parse::<usize>() {
                Ok(k) => Some(k),
                Err(_) => bail!("--k takes a number or auto, not {text:?}"),
            },
        };
        let choice = ClusterChoice {
            algorithm: self.algorithm,
            k,
            seed: self.seed,
            restarts: self.restarts,
            neighbors: self.neighbors,
            min_cluster_size: self.min_cluster_size,
            threshold: self.threshold,
        };
        Ok(choice.params()?)
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
    let previous = args
        .previous
        .as_deref()
        .map(PreviousReport::read)
        .transpose()?;
    let scoring = args.scoring.params()?;
    args.dates.check()?;
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .and_then(ReportFormat::from_extension)
        })
        .unwrap_or(ReportFormat::Table);

    let mut inputs = read_inputs(&args, named.is_some())?;
    let unit = args.unit.name();
    if let ClusterParams::Kmeans { k: Some(k), .. } | ClusterParams::Spectral { k: Some(k), .. } =
        params
    {
        if k > inputs.items.items.len() {
            bail!(
                "--k {k} is more than the {} {unit}s to cluster",
                inputs.items.items.len(),
            );
        }
    }
    let settings = ThemeSettings {
        params,
        center: !args.no_center,
        named,
        scoring,
        keywords: args.keywords,
        stability_runs: args.stability_runs,
        previous: previous.as_ref(),
        unit: args.unit,
        dates: args.dates.range(),
    };
    let (report, k) = themes_report(&mut inputs, settings)?;
    write_report(&render(&report, format)?, args.output.as_deref())?;
    eprintln!(
        "{} {unit}s of {} documents in {} clusters{}",
        inputs.items.items.len(),
        inputs.items.documents.len(),
        k,
        args.output
            .as_ref()
            .map(|p| format!("; report in {}", p.display()))
            .unwrap_or_default()
    );
    Ok(())
}

/// The items to cluster: an index's or store's passages, or a corpus read and embedded now
/// (a corpus named on the command line is used even when SILICA_STORE is set).
fn read_inputs(args: &ThemesArgs, with_themes: bool) -> Result<ThemeInputs> {
    let request = args.model.request();
    let open_cache = || args.model.open_cache();
    let model = ThemeModel {
        model: ModelSource::Request(&request),
        prompt: args.model.prompt.as_deref().map(PromptChoice::parse),
        open_cache: &open_cache,
        with_themes,
    };
    let target = if args.input.inputs.is_empty() {
        args.target.target()?
    } else {
        args.target.given()?
    };
    match target {
        Some(_) if !args.input.inputs.is_empty() => {
            bail!("give either a CORPUS or --index DIR / --store URL, not both")
        }
        Some(_) if args.unit != Unit::Passage => {
            bail!("an index holds passages: --unit document or text needs a corpus")
        }
        Some(target) => read_theme_inputs(
            &ThemeSource::Store {
                target: &target,
                dates: args.dates.range(),
            },
            &model,
        ),
        None if args.input.inputs.is_empty() => {
            bail!("nothing to read: give a CORPUS (files, directories), --index DIR or --store URL")
        }
        None => {
            let spec = corpus_spec(&args.input, &args.passages, &args.dates)?;
            read_theme_inputs(
                &ThemeSource::Corpus {
                    spec: &spec,
                    unit: args.unit,
                },
                &model,
            )
        }
    }
}

/// The rendered report to `output` (atomically) or to stdout.
fn write_report(text: &str, output: Option<&std::path::Path>) -> Result<()> {
    match output {
        Some(path) => write_atomically(path, |w| Ok(w.write_all(text.as_bytes())?)),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
