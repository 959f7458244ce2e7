//! `silica eval`: quality on public benchmarks, so users can pick a model and every change
//! can prove it keeps quality.

use super::args::Format;
use super::args::{InputArgs, PassageArgs};
use super::themes::{theme_scorer, ScoringArgs};
use super::units::{embed_units, Unit};
use super::ModelArgs;
use crate::eval::{
    bitext, clustering, file_hash, read_squad, retrieval, sts, theme_metrics, EvalContext,
    RetrievalSet, ThemeOutcomes,
};
use crate::model::PromptChoice;
use crate::themes::{parse_theme_list, read_themes_file, NamedTheme};
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// The non-blank rows of a JSONL file with their 1-based line numbers.
fn read_jsonl_rows(path: &Path) -> Result<Vec<(usize, Value)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|row| (i + 1, row))
                .map_err(|e| anyhow::anyhow!("{}:{}: not JSON ({e})", path.display(), i + 1))
        })
        .collect()
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    Ok(read_jsonl_rows(path)?
        .into_iter()
        .map(|(_, row)| row)
        .collect())
}

fn field(row: &Value, name: &str, path: &Path, line: usize) -> Result<String> {
    match &row[name] {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => bail!("{}:{line}: no {name:?} field", path.display()),
    }
}

fn read_jsonl_set(queries: &Path, corpus: &Path, qrels: &Path) -> Result<RetrievalSet> {
    let q = read_jsonl(queries)?;
    let c = read_jsonl(corpus)?;
    let r = read_jsonl(qrels)?;
    let mut doc_index = std::collections::HashMap::new();
    let mut set = RetrievalSet {
        queries: Vec::new(),
        corpus: Vec::new(),
        relevant: Vec::new(),
    };
    for (i, row) in c.iter().enumerate() {
        doc_index.insert(field(row, "id", corpus, i + 1)?, set.corpus.len());
        set.corpus.push(field(row, "text", corpus, i + 1)?);
    }
    let mut query_index = std::collections::HashMap::new();
    for (i, row) in q.iter().enumerate() {
        query_index.insert(field(row, "id", queries, i + 1)?, set.queries.len());
        set.queries.push(field(row, "text", queries, i + 1)?);
        set.relevant.push(Vec::new());
    }
    for (i, row) in r.iter().enumerate() {
        let qid = field(row, "query_id", qrels, i + 1)?;
        let did = field(row, "doc_id", qrels, i + 1)?;
        let qi = *query_index
            .get(&qid)
            .with_context(|| format!("{}:{}: unknown query {qid:?}", qrels.display(), i + 1))?;
        let di = *doc_index
            .get(&did)
            .with_context(|| format!("{}:{}: unknown document {did:?}", qrels.display(), i + 1))?;
        set.relevant[qi].push(di);
    }
    Ok(set)
}

/// The labels of a JSONL file's rows, by the source name the corpus reader gives each row
/// (`FILE:LINE`).
fn labels_by_source(path: &Path, field_name: &str) -> Result<HashMap<String, String>> {
    read_jsonl_rows(path)?
        .into_iter()
        .map(|(line, row)| {
            let label = field(&row, field_name, path, line)?;
            Ok((format!("{}:{line}", path.display()), label))
        })
        .collect()
}

fn eval_themes(
    ctx: &mut EvalContext,
    t: &ThemesTask,
    prompt: &PromptChoice,
) -> Result<Map<String, Value>> {
    let params = t.scoring.params()?;
    let themes: Vec<NamedTheme> = match (&t.themes, &t.themes_file) {
        (Some(list), _) => parse_theme_list(list)?,
        (None, Some(path)) => read_themes_file(path)?,
        (None, None) => bail!("give --themes or --themes-file"),
    };
    let labels = labels_by_source(&t.input, &t.label_field)?;
    let label_of_theme: Vec<String> = themes
        .iter()
        .map(|th| th.label.clone().unwrap_or_else(|| th.name.clone()))
        .collect();
    let known: std::collections::BTreeSet<&str> = labels.values().map(String::as_str).collect();
    if let Some(missing) = label_of_theme.iter().find(|l| !known.contains(l.as_str())) {
        bail!(
            "{}: no row has label {missing:?} (labels: {})",
            t.input.display(),
            known.iter().copied().collect::<Vec<_>>().join(", ")
        );
    }
    let mut inputs = vec![t.input.clone()];
    inputs.extend(t.distractors.iter().cloned());
    let input = InputArgs {
        inputs,
        text_field: t.text_field.clone(),
        // Rows are told apart by FILE:LINE, whatever ids they carry.
        id_field: String::new(),
        text_column: "text".into(),
        id_column: None,
        globs: Vec::new(),
        encoding: None,
    };
    let passages = PassageArgs {
        max_tokens: None,
        overlap: 0,
        min_chars: 40,
        keep_all: false,
        // A labelled row is never dropped as a duplicate of another.
        keep_duplicates: true,
    };
    let info = ctx.embedder.info().clone();
    let prefix = prompt.prefix(&info.prompts).to_string();
    let corpus = passages.build(&input, &info, &ctx.embedder.tokenizer()?.counter(&prefix))?;
    let (items, vectors, _) = embed_units(
        ctx.embedder,
        &corpus,
        t.unit,
        prompt,
        ctx.cache.as_deref_mut(),
    )?;
    let scorer = theme_scorer(
        ctx.embedder,
        themes,
        prompt,
        ctx.cache.as_deref_mut(),
        params,
    )?;
    let predicted: Vec<Option<usize>> = scorer
        .assign_all(
            &vectors,
            &items.iter().map(|i| i.document).collect::<Vec<_>>(),
        )
        .iter()
        .map(|a| a.theme)
        .collect();
    let expected: Vec<Option<usize>> = items
        .iter()
        .map(|item| {
            let source = &corpus.documents[item.document].source;
            labels
                .get(source)
                .and_then(|l| label_of_theme.iter().position(|x| x == l))
        })
        .collect();
    let names: Vec<String> = scorer.themes.iter().map(|th| th.name.clone()).collect();
    let mut m = theme_metrics(&ThemeOutcomes {
        themes: &names,
        expected: &expected,
        predicted: &predicted,
    });
    m.insert("unit".into(), json!(t.unit));
    m.insert("scoring".into(), json!(scorer.params));
    if let Some(d) = &t.distractors {
        m.insert("distractors_hash".into(), json!(file_hash(d)?));
    }
    Ok(m)
}

pub fn run(args: EvalArgs) -> Result<()> {
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let symmetric = args.model.prompt_or(PromptChoice::Query);
    let mut ctx = EvalContext {
        embedder: &embedder,
        cache: cache.as_mut(),
    };
    let (task, dataset, mut result): (&str, PathBuf, Map<String, Value>) = match &args.task {
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
                sts(&mut ctx, pairs, [a, b, s], *header, &symmetric)?,
            )
        }
        Task::Retrieval {
            squad: Some(path), ..
        } => (
            "retrieval",
            path.clone(),
            retrieval(&mut ctx, &read_squad(path)?)?,
        ),
        Task::Retrieval {
            queries: Some(q),
            corpus: Some(c),
            qrels: Some(r),
            ..
        } => (
            "retrieval",
            q.clone(),
            retrieval(&mut ctx, &read_jsonl_set(q, c, r)?)?,
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
                clustering(&mut ctx, &texts, &labels, *seeds, &symmetric)?,
            )
        }
        Task::Bitext { source, target } => (
            "bitext",
            source.clone(),
            bitext(&mut ctx, source, target, &symmetric)?,
        ),
        Task::Themes(t) => (
            "themes",
            t.input.clone(),
            eval_themes(&mut ctx, t, &symmetric)?,
        ),
    };
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
