//! `silica eval`: quality on public benchmarks, so users can pick a model and every change
//! can prove it keeps quality.

use super::ModelArgs;
use crate::eval::{
    bitext, clustering, file_hash, read_squad, retrieval, sts, EvalContext, RetrievalSet,
};
use crate::model::PromptChoice;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

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
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| anyhow::anyhow!("{}:{}: not JSON ({e})", path.display(), i + 1))
        })
        .collect()
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
    };
    result.insert("task".into(), json!(task));
    result.insert("dataset".into(), json!(dataset.display().to_string()));
    result.insert("dataset_hash".into(), json!(file_hash(&dataset)?));
    result.insert("model".into(), json!(embedder.info().name));
    result.insert("model_fingerprint".into(), json!(embedder.fingerprint()?));
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
