//! The named-themes task of `silica eval`: themes named after the labels of a JSONL file,
//! scored as a zero-shot classifier of its rows (or of their passages).

use super::corpus::{read_corpus, CorpusRequest};
use super::themes::theme_scorer;
use super::units::{embed_units, Unit};
use crate::cache::EmbeddingCache;
use crate::corpus::{DateRange, PassageOptions, ReadOptions};
use crate::embed::Embedder;
use crate::eval::datasets::{field, labels_by_source, read_jsonl, read_jsonl_set};
use crate::eval::{
    bitext, clustering, file_hash, read_squad_half, retrieval_with, sts, theme_metrics,
    EvalContext, Half, RetrievalOptions, ThemeOutcomes,
};
use crate::model::PromptChoice;
use crate::themes::{NamedTheme, ScoringParams};
use anyhow::{bail, Result};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// A task of `silica eval` and the dataset it reads.
pub enum EvalTask {
    /// CSV pairs: two text columns and a score column, by 0-based index or (with a header)
    /// name.
    Sts {
        pairs: PathBuf,
        columns: [String; 3],
        header: bool,
    },
    /// A SQuAD-format JSON, optionally one half of its articles.
    RetrievalSquad {
        squad: PathBuf,
        half: Option<Half>,
        options: RetrievalOptions,
    },
    /// JSONL queries, corpus and relevance judgements.
    RetrievalJsonl {
        queries: PathBuf,
        corpus: PathBuf,
        qrels: PathBuf,
        options: RetrievalOptions,
    },
    Clustering {
        input: PathBuf,
        label_field: String,
        text_field: String,
        seeds: u64,
    },
    Bitext {
        source: PathBuf,
        target: PathBuf,
    },
    Themes(ThemesEval),
}

/// Runs `task` with the model (symmetric tasks embedded with `symmetric`): its scores
/// with the record of the run (task, dataset and its hash, model, prompt, version).
pub fn run_eval(
    task: EvalTask,
    embedder: &Embedder,
    cache: Option<&mut EmbeddingCache>,
    symmetric: &PromptChoice,
) -> Result<Map<String, Value>> {
    let mut ctx = EvalContext { embedder, cache };
    let ctx = &mut ctx;
    let (name, dataset, mut result) = match task {
        EvalTask::Sts {
            pairs,
            columns,
            header,
        } => {
            let [a, b, s] = [&columns[0], &columns[1], &columns[2]].map(String::as_str);
            let scores = sts(ctx, &pairs, [a, b, s], header, symmetric)?;
            ("sts", pairs, scores)
        }
        EvalTask::RetrievalSquad {
            squad,
            half,
            options,
        } => {
            let set = read_squad_half(&squad, half)?;
            ("retrieval", squad, retrieval_with(ctx, &set, &options)?)
        }
        EvalTask::RetrievalJsonl {
            queries,
            corpus,
            qrels,
            options,
        } => {
            let set = read_jsonl_set(&queries, &corpus, &qrels)?;
            ("retrieval", queries, retrieval_with(ctx, &set, &options)?)
        }
        EvalTask::Clustering {
            input,
            label_field,
            text_field,
            seeds,
        } => {
            let rows = read_jsonl(&input)?;
            let mut texts = Vec::new();
            let mut labels = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                texts.push(field(row, &text_field, &input, i + 1)?);
                labels.push(field(row, &label_field, &input, i + 1)?);
            }
            let scores = clustering(ctx, &texts, &labels, seeds, symmetric)?;
            ("clustering", input, scores)
        }
        EvalTask::Bitext { source, target } => {
            let scores = bitext(ctx, &source, &target, symmetric)?;
            ("bitext", source, scores)
        }
        EvalTask::Themes(t) => {
            let input = t.input.clone();
            ("themes", input, themes_task(ctx, t, symmetric)?)
        }
    };
    result.insert("task".into(), json!(name));
    result.insert("dataset".into(), json!(dataset.display().to_string()));
    result.insert("dataset_hash".into(), json!(file_hash(&dataset)?));
    result.insert("model".into(), json!(embedder.info().name));
    result.insert("model_fingerprint".into(), json!(embedder.fingerprint()?));
    result.insert("dimensions".into(), json!(embedder.info().dimension));
    let prompt = match name {
        "retrieval" => "query/passage".to_string(),
        _ => symmetric.label(),
    };
    result.insert("prompt".into(), json!(prompt));
    result.insert("silica".into(), json!(env!("CARGO_PKG_VERSION")));
    Ok(result)
}

/// What the themes task reads and scores.
pub struct ThemesEval {
    /// JSONL with a text field and a label field.
    pub input: PathBuf,
    pub label_field: String,
    pub text_field: String,
    /// Each stands for the label it names (its `label`, else its name).
    pub themes: Vec<NamedTheme>,
    /// JSONL of texts that belong to no theme (same text field).
    pub distractors: Option<PathBuf>,
    /// Each row whole (document), or each of its passages with the row's label.
    pub unit: Unit,
    pub scoring: ScoringParams,
}

pub fn themes_task(
    ctx: &mut EvalContext,
    task: ThemesEval,
    prompt: &PromptChoice,
) -> Result<Map<String, Value>> {
    let labels = labels_by_source(&task.input, &task.label_field)?;
    let label_of_theme: Vec<String> = task
        .themes
        .iter()
        .map(|th| th.label.clone().unwrap_or_else(|| th.name.clone()))
        .collect();
    let known: std::collections::BTreeSet<&str> = labels.values().map(String::as_str).collect();
    if let Some(missing) = label_of_theme.iter().find(|l| !known.contains(l.as_str())) {
        bail!(
            "{}: no row has label {missing:?} (labels: {})",
            task.input.display(),
            known.iter().copied().collect::<Vec<_>>().join(", ")
        );
    }
    let mut inputs = vec![task.input.clone()];
    inputs.extend(task.distractors.iter().cloned());
    let read = ReadOptions {
        text_field: task.text_field.clone(),
        // Rows are told apart by FILE:LINE, whatever ids they carry.
        id_field: String::new(),
        ..ReadOptions::default()
    };
    let info = ctx.embedder.info().clone();
    let passages = PassageOptions {
        max_tokens: info.max_tokens,
        overlap: 0,
        min_chars: 40,
        keep_all: false,
        // A labelled row is never dropped as a duplicate of another.
        keep_duplicates: true,
    };
    let request = CorpusRequest {
        inputs: &inputs,
        read: &read,
        passages: &passages,
        dates: DateRange::default(),
    };
    let prefix = prompt.prefix(&info.prompts).to_string();
    let corpus = read_corpus(&request, &ctx.embedder.tokenizer()?.counter(&prefix))?;
    let (items, vectors, _) = embed_units(
        ctx.embedder,
        &corpus,
        task.unit,
        prompt,
        ctx.cache.as_deref_mut(),
    )?;
    let scorer = theme_scorer(
        ctx.embedder,
        task.themes,
        prompt,
        ctx.cache.as_deref_mut(),
        task.scoring,
    )?;
    let documents: Vec<usize> = items.iter().map(|i| i.document).collect();
    let predicted: Vec<Option<usize>> = scorer
        .assign_all(&vectors, &documents)
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
    m.insert("unit".into(), json!(task.unit));
    m.insert("scoring".into(), json!(scorer.params));
    if let Some(d) = &task.distractors {
        m.insert("distractors_hash".into(), json!(file_hash(d)?));
    }
    Ok(m)
}
