//! `silica eval`: quality on public benchmarks, so users can pick a model and every change
//! can prove it keeps quality.

use super::args::Format;
use super::args::RetrievalArgs;
use super::themes::ScoringArgs;
use super::ModelArgs;
use crate::app::eval::{run_eval, EvalTask, ThemesEval};
use crate::app::units::Unit;
use crate::eval::{Half, RetrievalOptions};
use crate::model::PromptChoice;
use crate::themes::{parse_theme_list, read_themes_file};
use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use serde_json::Value;
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
    /// The use case's request these flags make.
    fn request(&self) -> Result<EvalTask> {
        Ok(match self {
            Task::Sts {
                pairs,
                columns,
                header,
            } => {
                let cols: Vec<String> = columns.split(',').map(|c| c.trim().to_string()).collect();
                let Ok(columns) = <[String; 3]>::try_from(cols) else {
                    bail!("--columns takes three columns: text, text, score")
                };
                EvalTask::Sts {
                    pairs: pairs.clone(),
                    columns,
                    header: *header,
                }
            }
            Task::Retrieval {
                squad,
                queries,
                corpus,
                qrels,
                half,
                ranking,
            } => {
                let options = RetrievalOptions {
                    method: ranking.retrieval,
                    hybrid: ranking.hybrid()?,
                };
                match (squad, queries, corpus, qrels) {
                    (Some(squad), ..) => EvalTask::RetrievalSquad {
                        squad: squad.clone(),
                        half: *half,
                        options,
                    },
                    (None, Some(q), Some(c), Some(r)) => EvalTask::RetrievalJsonl {
                        queries: q.clone(),
                        corpus: c.clone(),
                        qrels: r.clone(),
                        options,
                    },
                    _ => bail!("give --squad FILE.json, or --queries, --corpus and --qrels"),
                }
            }
            Task::Clustering {
                input,
                label_field,
                text_field,
                seeds,
            } => EvalTask::Clustering {
                input: input.clone(),
                label_field: label_field.clone(),
                text_field: text_field.clone(),
                seeds: *seeds,
            },
            Task::Bitext { source, target } => EvalTask::Bitext {
                source: source.clone(),
                target: target.clone(),
            },
            Task::Themes(t) => EvalTask::Themes(t.request()?),
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
    let task = args.task.request()?;
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let symmetric = args.model.prompt_or(PromptChoice::Query);
    let result = run_eval(task, &embedder, cache.as_mut(), &symmetric)?;
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
