//! `silica eval`: quality on public benchmarks, so users can pick a model and every change
//! can prove it keeps quality.

use super::args::Format;
use super::args::RetrievalArgs;
use super::themes::ScoringArgs;
use super::ModelArgs;
use crate::app::eval::{themes_task, ThemesEval};
use crate::app::units::Unit;
use crate::eval::datasets::{field, read_jsonl, read_jsonl_set};
use crate::eval::{
    bitext, clustering, file_hash, read_squad_half, retrieval_with, sts, EvalContext, Half,
    RetrievalOptions,
};
use crate::model::PromptChoice;
use crate::themes::{parse_theme_list, read_themes_file};
use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// Score a model (and silica's pipeline) on a standard task.
///
/// Example: silica eval sts --pairs ../shared/eval/stsb/stsb-fr-test.csv
#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub task: Task,

    #[arg(long, value_enum, default_value = "table", global = true)]
    pub format: Format,

    #[command(flatten)]
    pub model: ModelArgs,
}

#[derive(Debug, Subcommand)]
pub enum Task {
    /// Semantic textual similarity: Spearman and Pearson of cosine vs gold scores.
    Sts {
        /// CSV of pairs (STS-B: sentence1,sentence2,score, no header).
        #[arg(long)]
        pairs: PathBuf,
        /// The two text columns and the score column, by 0-based index or (with --header) name.
        #[arg(long, default_value = "0,1,2")]
        columns: String,
        /// The CSV's first row is a header.
        #[arg(long)]
        header: bool,
    },
    /// Retrieval: questions find the documents that answer them (Recall@1/5/10, MRR@10, nDCG@10).
    Retrieval {
        /// A SQuAD-format JSON (e.g. PIAF): each question's document is its paragraph.
        #[arg(long, conflicts_with_all = ["queries", "corpus", "qrels"])]
        squad: Option<PathBuf>,
        /// JSONL of {"id", "text"} queries.
        #[arg(long, requires_all = ["corpus", "qrels"])]
        queries: Option<PathBuf>,
        /// JSONL of {"id", "text"} documents.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// JSONL of {"query_id", "doc_id"} relevance judgements.
        #[arg(long)]
        qrels: Option<PathBuf>,
        /// With --squad: only the questions of one half of the articles (dev, to tune; test,
        /// to report), searched among every paragraph.
        #[arg(long, value_enum, requires = "squad")]
        half: Option<Half>,
        #[command(flatten)]
        ranking: RetrievalArgs,
    },
    /// Clustering against labels: V-measure, NMI, ARI (k = number of labels, several seeds),
    /// and the same for --k auto and HDBSCAN.
    Clustering {
        /// JSONL with a text field and a label field.
        #[arg(long)]
        input: PathBuf,
        #[arg(long, default_value = "label")]
        label_field: String,
        #[arg(long, default_value = "text")]
        text_field: String,
        /// Number of k-means seeds to average.
        #[arg(long, default_value_t = 5)]
        seeds: u64,
    },
    /// Bitext mining: line i of --source translates line i of --target; nearest-neighbour
    /// accuracy both ways.
    Bitext {
        #[arg(long)]
        source: PathBuf,
        #[arg(long)]
        target: PathBuf,
    },
    /// Named themes as a zero-shot classifier: accuracy, macro-F1, other rate, per-theme
    /// precision and recall against labels, and the false-theme rate on distractors.
    ///
    /// Rows whose label no theme stands for count as distractors too.
    Themes(ThemesTask),
}

#[derive(Debug, Args)]
pub struct ThemesTask {
    /// JSONL with a text field and a label field.
    #[arg(long)]
    input: PathBuf,
    #[arg(long, default_value = "label")]
    label_field: String,
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Themes named after label values, separated by ';' ("sport; politics").
    #[arg(
        long,
        conflicts_with = "themes_file",
        required_unless_present = "themes_file"
    )]
    themes: Option<String>,
    /// A TOML file of [[theme]] tables with name and label (the label value the theme
    /// stands for; default: its name), and an optional description.
    #[arg(long)]
    themes_file: Option<PathBuf>,
    /// JSONL of texts that belong to no theme (same text field).
    #[arg(long)]
    distractors: Option<PathBuf>,
    /// What is classified: each row whole (document) or each of its passages, labelled
    /// with the row's label.
    #[arg(long, value_enum, default_value = "document")]
    unit: Unit,
    #[command(flatten)]
    scoring: ScoringArgs,
}

impl Task {
    /// `eval retrieval`'s ranking flags.
    fn retrieval_options(&self) -> Result<RetrievalOptions> {
        let Task::Retrieval { ranking, .. } = self else {
            bail!("not a retrieval task");
        };
        Ok(RetrievalOptions {
            method: ranking.retrieval,
            hybrid: ranking.hybrid()?,
        })
    }
}

impl ThemesTask {
    fn request(&self) -> Result<ThemesEval> {
        Ok(ThemesEval {
            input: self.input.clone(),
            label_field: self.label_field.clone(),
            text_field: self.text_field.clone(),
            themes: match (&self.themes, &self.themes_file) {
                (Some(list), _) => parse_theme_list(list)?,
                (None, Some(path)) => read_themes_file(path)?,
                (None, None) => bail!("give --themes or --themes-file"),
            },
            distractors: self.distractors.clone(),
            unit: self.unit,
            scoring: self.scoring.params()?,
        })
    }
}

pub fn run(args: EvalArgs) -> Result<()> {
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let symmetric = args.model.prompt_or(PromptChoice::Query);
    let mut ctx = EvalContext {
        embedder: &embedder,
        cache: cache.as_mut(),
    };
    let (task, dataset, mut result) = run_task(&args.task, &mut ctx, &symmetric)?;
    result.insert("task".into(), json!(task));
    result.insert("dataset".into(), json!(dataset.display().to_string()));
    result.insert("dataset_hash".into(), json!(file_hash(&dataset)?));
    result.insert("model".into(), json!(embedder.info().name));
    result.insert("model_fingerprint".into(), json!(embedder.fingerprint()?));
    result.insert("dimensions".into(), json!(embedder.info().dimension));
    result.insert(
        "prompt".into(),
        json!(if task == "retrieval" {
            "query/passage".to_string()
        } else {
            symmetric.label()
        }),
    );
    result.insert("silica".into(), json!(env!("CARGO_PKG_VERSION")));
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&Value::Object(result))?),
        Format::Table => {
            for (k, v) in &result {
                println!("{k:<22} {v}");
            }
        }
    }
    Ok(())
}

/// Runs one task: its name, the dataset file it read, its scores.
fn run_task(
    task: &Task,
    ctx: &mut EvalContext,
    symmetric: &PromptChoice,
) -> Result<(&'static str, PathBuf, Map<String, Value>)> {
    Ok(match task {
        Task::Sts {
            pairs,
            columns,
            header,
        } => {
            let cols: Vec<&str> = columns.split(',').map(str::trim).collect();
            let [a, b, s] = cols[..] else {
                bail!("--columns takes three columns: text, text, score")
            };
            (
                "sts",
                pairs.clone(),
                sts(ctx, pairs, [a, b, s], *header, symmetric)?,
            )
        }
        Task::Retrieval {
            squad: Some(path),
            half,
            ..
        } => (
            "retrieval",
            path.clone(),
            retrieval_with(
                ctx,
                &read_squad_half(path, *half)?,
                &task.retrieval_options()?,
            )?,
        ),
        Task::Retrieval {
            queries: Some(q),
            corpus: Some(c),
            qrels: Some(r),
            ..
        } => (
            "retrieval",
            q.clone(),
            retrieval_with(ctx, &read_jsonl_set(q, c, r)?, &task.retrieval_options()?)?,
        ),
        Task::Retrieval { .. } => {
            bail!("give --squad FILE.json, or --queries, --corpus and --qrels")
        }
        Task::Clustering {
            input,
            label_field,
            text_field,
            seeds,
        } => {
            let rows = read_jsonl(input)?;
            let mut texts = Vec::new();
            let mut labels = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                texts.push(field(row, text_field, input, i + 1)?);
                labels.push(field(row, label_field, input, i + 1)?);
            }
            (
                "clustering",
                input.clone(),
                clustering(ctx, &texts, &labels, *seeds, symmetric)?,
            )
        }
        Task::Bitext { source, target } => (
            "bitext",
            source.clone(),
            bitext(ctx, source, target, symmetric)?,
        ),
        Task::Themes(t) => (
            "themes",
            t.input.clone(),
            themes_task(ctx, t.request()?, symmetric)?,
        ),
    })
}
