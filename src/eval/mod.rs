//! The eval stage: the model and silica's pipeline scored on standard tasks (MTEB's
//! conventions): STS (Spearman of cosine vs gold), retrieval (Recall@k, MRR@10, nDCG@10),
//! clustering (V-measure, NMI, ARI against labels) and bitext mining (nearest-neighbour
//! accuracy both ways) and named themes as a zero-shot classifier (accuracy, macro-F1,
//! other rate, false-theme rate).

pub mod datasets;
mod metrics;
mod themes;

pub use metrics::{ari, nmi, pearson, retrieval_scores, spearman, v_measure, RetrievalScores};
pub use themes::{theme_metrics, ThemeOutcomes};

use crate::cache::EmbeddingCache;
use crate::cluster::{centered, cluster, ClusterParams};
use crate::embed::Embedder;
pub use crate::lexical::RetrievalMethod;
use crate::lexical::{fuse, Fusion, HybridParams, MemoryTerms};
use crate::model::PromptChoice;
use crate::search::top_k_many;
use crate::vectors::Embeddings;
use anyhow::{bail, Context, Result};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// blake3 of a dataset file, recorded with every result.
pub fn file_hash(path: &Path) -> Result<String> {
    let mut h = blake3::Hasher::new();
    h.update_mmap(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(h.finalize().to_hex()[..16].to_string())
}

use crate::vectors::round4 as r4;

/// Embeds through the cache when there is one.
pub struct EvalContext<'a> {
    pub embedder: &'a Embedder,
    pub cache: Option<&'a mut EmbeddingCache>,
}

impl EvalContext<'_> {
    fn embed(&mut self, texts: &[&str], prompt: &PromptChoice) -> Result<Embeddings> {
        Ok(self
            .embedder
            .embed_cached(texts, prompt, self.cache.as_deref_mut(), |_| {})?
            .0)
    }
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum()
}

/// A CSV column named that no header row names; front ends say how to name columns.
#[derive(Debug, thiserror::Error)]
#[error("{}: no column {spec:?} (name the columns in a header row, or use 0-based indices)", path.display())]
pub struct NoColumn {
    pub path: std::path::PathBuf,
    pub spec: String,
}

/// A column by name (with a header) or by 0-based index.
fn column(spec: &str, header: Option<&csv::StringRecord>, path: &Path) -> Result<usize> {
    if let Ok(i) = spec.parse::<usize>() {
        return Ok(i);
    }
    match header.and_then(|h| h.iter().position(|c| c.trim() == spec)) {
        Some(i) => Ok(i),
        None => Err(NoColumn {
            path: path.to_path_buf(),
            spec: spec.to_string(),
        }
        .into()),
    }
}

/// STS: Spearman and Pearson between the cosine of each pair and its gold score.
pub fn sts(
    ctx: &mut EvalContext,
    path: &Path,
    columns: [&str; 3],
    header: bool,
    prompt: &PromptChoice,
) -> Result<Map<String, Value>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(header)
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let head = if header {
        Some(reader.headers()?.clone())
    } else {
        None
    };
    let idx: Vec<usize> = columns
        .iter()
        .map(|c| column(c, head.as_ref(), path))
        .collect::<Result<_>>()?;
    let (mut a, mut b, mut gold) = (Vec::new(), Vec::new(), Vec::new());
    for record in reader.records() {
        let record = record.map_err(|e| {
            anyhow::anyhow!(
                "{}:{}: bad CSV row ({e})",
                path.display(),
                e.position().map_or(0, |p| p.line())
            )
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| {
            record
                .get(i)
                .with_context(|| format!("{}:{line}: no column {i}", path.display()))
        };
        let score: f64 = field(idx[2])?
            .trim()
            .parse()
            .with_context(|| format!("{}:{line}: the score is not a number", path.display()))?;
        a.push(field(idx[0])?.to_string());
        b.push(field(idx[1])?.to_string());
        gold.push(score);
    }
    if gold.len() < 2 {
        bail!("{}: STS needs at least 2 pairs", path.display());
    }
    let texts: Vec<&str> = a.iter().chain(&b).map(String::as_str).collect();
    let v = ctx.embed(&texts, prompt)?;
    let n = gold.len();
    let cos: Vec<f64> = (0..n).map(|i| cosine(v.row(i), v.row(n + i))).collect();
    let mut m = Map::new();
    m.insert("spearman".into(), json!(r4(spearman(&cos, &gold))));
    m.insert("pearson".into(), json!(r4(pearson(&cos, &gold))));
    m.insert("n".into(), json!(n));
    Ok(m)
}

/// Bitext mining: line i of `source` translates line i of `target`; accuracy of the
/// nearest neighbour, both ways.
pub fn bitext(
    ctx: &mut EvalContext,
    source: &Path,
    target: &Path,
    prompt: &PromptChoice,
) -> Result<Map<String, Value>> {
    let read = |p: &Path| -> Result<Vec<String>> {
        Ok(std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read", p.display()))?
            .lines()
            .map(String::from)
            .collect())
    };
    let (src, tgt) = (read(source)?, read(target)?);
    if src.len() != tgt.len() {
        bail!(
            "{} has {} lines but {} has {}: line i must translate line i",
            source.display(),
            src.len(),
            target.display(),
            tgt.len()
        );
    }
    if let Some(i) = src
        .iter()
        .zip(&tgt)
        .position(|(a, b)| a.trim().is_empty() || b.trim().is_empty())
    {
        bail!(
            "line {} is empty in {} or {}",
            i + 1,
            source.display(),
            target.display()
        );
    }
    let s = ctx.embed(&src.iter().map(String::as_str).collect::<Vec<_>>(), prompt)?;
    let t = ctx.embed(&tgt.iter().map(String::as_str).collect::<Vec<_>>(), prompt)?;
    let accuracy = |from: &Embeddings, to: &Embeddings| {
        let queries: Vec<&[f32]> = from.rows().collect();
        let hits = top_k_many(to, &queries, 1, |_, _| false);
        hits.iter()
            .enumerate()
            .filter(|(i, h)| h.first().is_some_and(|h| h.index == *i))
            .count() as f64
            / queries.len() as f64
    };
    let mut m = Map::new();
    m.insert("accuracy_src_to_tgt".into(), json!(r4(accuracy(&s, &t))));
    m.insert("accuracy_tgt_to_src".into(), json!(r4(accuracy(&t, &s))));
    m.insert("n".into(), json!(src.len()));
    Ok(m)
}

/// A retrieval set: queries, a corpus, and which corpus entries answer each query.
pub struct RetrievalSet {
    pub queries: Vec<String>,
    pub corpus: Vec<String>,
    pub relevant: Vec<Vec<usize>>,
}

/// Half of a dataset's articles: dev (for tuning) or test (for reporting). An article is in
/// dev when the first byte of the SHA-256 of its title is even, the rule of
/// `benches/quality/themes_sets.py`, so the halves are the named-themes sets' halves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Half {
    Dev,
    Test,
}

impl Half {
    pub fn of_title(title: &str) -> Half {
        use sha2::Digest;
        if sha2::Sha256::digest(title.as_bytes())[0] % 2 == 0 {
            Half::Dev
        } else {
            Half::Test
        }
    }
}

/// A SQuAD-format file (PIAF): each question's relevant document is its paragraph.
pub fn read_squad(path: &Path) -> Result<RetrievalSet> {
    read_squad_half(path, None)
}

/// As [`read_squad`], with only the questions of one half's articles (`half`; the corpus
/// keeps every paragraph, so a question is searched among all of them).
pub fn read_squad_half(path: &Path, half: Option<Half>) -> Result<RetrievalSet> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let root: Value =
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
    let articles = root["data"]
        .as_array()
        .with_context(|| format!("{}: no \"data\" list (SQuAD format)", path.display()))?;
    let mut set = RetrievalSet {
        queries: Vec::new(),
        corpus: Vec::new(),
        relevant: Vec::new(),
    };
    for article in articles {
        let title = article["title"].as_str().unwrap_or_default();
        let asked = half.is_none_or(|h| Half::of_title(title) == h);
        for paragraph in article["paragraphs"].as_array().into_iter().flatten() {
            let Some(context) = paragraph["context"].as_str() else {
                continue;
            };
            let doc = set.corpus.len();
            set.corpus.push(context.to_string());
            for qa in paragraph["qas"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|_| asked)
            {
                if let Some(q) = qa["question"].as_str().filter(|q| !q.trim().is_empty()) {
                    set.queries.push(q.to_string());
                    set.relevant.push(vec![doc]);
                }
            }
        }
    }
    if set.queries.is_empty() {
        bail!("{}: no questions found", path.display());
    }
    Ok(set)
}

/// How a retrieval run ranks the corpus.
/// A retrieval run's method and its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RetrievalOptions {
    pub method: RetrievalMethod,
    /// How the hybrid fuses the two rankings.
    pub hybrid: HybridParams,
}

/// Retrieval: queries with the query prompt, corpus with the passage prompt; exact top-10.
pub fn retrieval(ctx: &mut EvalContext, set: &RetrievalSet) -> Result<Map<String, Value>> {
    retrieval_with(ctx, set, &RetrievalOptions::default())
}

/// Each query's scored hits (corpus position, score), best first.
type ScoredLists = Vec<Vec<(usize, f32)>>;

/// The lexical side's analysis languages (ISO 639-1).
type Languages = Vec<String>;

/// Each query's ranked top 10 by the options' method, and the lexical side's analysis
/// languages when it took part.
fn rank(
    ctx: &mut EvalContext,
    set: &RetrievalSet,
    options: &RetrievalOptions,
) -> Result<(Vec<Vec<usize>>, Option<Languages>)> {
    let depth = options.hybrid.depth.max(10);
    let dense = |ctx: &mut EvalContext, k: usize| -> Result<ScoredLists> {
        let corpus = ctx.embed(
            &set.corpus.iter().map(String::as_str).collect::<Vec<_>>(),
            &PromptChoice::Passage,
        )?;
        let queries = ctx.embed(
            &set.queries.iter().map(String::as_str).collect::<Vec<_>>(),
            &PromptChoice::Query,
        )?;
        let rows: Vec<&[f32]> = queries.rows().collect();
        Ok(top_k_many(&corpus, &rows, k, |_, _| false)
            .into_iter()
            .map(|h| h.into_iter().map(|x| (x.index, x.score)).collect())
            .collect())
    };
    let ranks = |lists: Vec<Vec<(usize, f32)>>| -> Vec<Vec<usize>> {
        lists
            .into_iter()
            .map(|l| l.into_iter().map(|(i, _)| i).collect())
            .collect()
    };
    let lexical = |k: usize| -> Result<(ScoredLists, Vec<String>)> {
        let languages: Vec<Option<String>> = set
            .corpus
            .iter()
            .map(|t| crate::corpus::detect_language(t).map(|d| d.code))
            .collect();
        let index = MemoryTerms::build(
            set.corpus
                .iter()
                .zip(&languages)
                .map(|(t, l)| (t.as_str(), l.as_deref())),
        )?;
        let ranked = set
            .queries
            .iter()
            .map(|q| index.search(q, Some(k)))
            .collect::<Result<_>>()?;
        Ok((ranked, index.languages()?))
    };
    Ok(match options.method {
        RetrievalMethod::Dense => (ranks(dense(ctx, 10)?), None),
        RetrievalMethod::Lexical => {
            let (ranked, languages) = lexical(10)?;
            (ranks(ranked), Some(languages))
        }
        RetrievalMethod::Hybrid => {
            let dense = dense(ctx, depth)?;
            let (words, languages) = lexical(depth)?;
            let fused = dense
                .into_iter()
                .zip(words)
                .map(|(d, w)| {
                    fuse(&d, &w, options.hybrid.fusion)
                        .into_iter()
                        .take(10)
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect();
            (fused, Some(languages))
        }
    })
}

/// As [`retrieval`], ranked as `options` say.
pub fn retrieval_with(
    ctx: &mut EvalContext,
    set: &RetrievalSet,
    options: &RetrievalOptions,
) -> Result<Map<String, Value>> {
    let (ranked, languages) = rank(ctx, set, options)?;
    let mut total = RetrievalScores::default();
    for (ranked, relevant) in ranked.iter().zip(&set.relevant) {
        let s = retrieval_scores(ranked, relevant);
        total.recall_at_1 += s.recall_at_1;
        total.recall_at_5 += s.recall_at_5;
        total.recall_at_10 += s.recall_at_10;
        total.mrr_at_10 += s.mrr_at_10;
        total.ndcg_at_10 += s.ndcg_at_10;
    }
    let n = set.queries.len() as f64;
    let mut m = Map::new();
    m.insert("recall_at_1".into(), json!(r4(total.recall_at_1 / n)));
    m.insert("recall_at_5".into(), json!(r4(total.recall_at_5 / n)));
    m.insert("recall_at_10".into(), json!(r4(total.recall_at_10 / n)));
    m.insert("mrr_at_10".into(), json!(r4(total.mrr_at_10 / n)));
    m.insert("ndcg_at_10".into(), json!(r4(total.ndcg_at_10 / n)));
    m.insert("n".into(), json!(set.queries.len()));
    m.insert("corpus".into(), json!(set.corpus.len()));
    m.insert("method".into(), json!(options.method));
    if let Some(languages) = languages {
        m.insert("lexical_languages".into(), json!(languages));
    }
    if options.method == RetrievalMethod::Hybrid {
        match options.hybrid.fusion {
            Fusion::ReciprocalRank { k } => m.insert("rrf_k".into(), json!(k)),
            Fusion::Weighted { dense_weight } => {
                m.insert("dense_weight".into(), json!(dense_weight))
            }
        };
        m.insert("fusion_depth".into(), json!(options.hybrid.depth));
    }
    Ok(m)
}

/// Clustering against labels, MTEB-style: k-means with k = the number of labels over
/// several seeds (mean and standard deviation), then `--k auto` and HDBSCAN, on the same
/// (centred) vectors silica's themes use.
pub fn clustering(
    ctx: &mut EvalContext,
    texts: &[String],
    labels: &[String],
    seeds: u64,
    prompt: &PromptChoice,
) -> Result<Map<String, Value>> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let truth: Vec<usize> = labels
        .iter()
        .map(|l| {
            let n = ids.len();
            *ids.entry(l.as_str()).or_insert(n)
        })
        .collect();
    let k = ids.len();
    if k < 2 {
        bail!("clustering needs at least 2 distinct labels, found {k}");
    }
    let vectors = centered(&ctx.embed(
        &texts.iter().map(String::as_str).collect::<Vec<_>>(),
        prompt,
    )?);
    let score = |assignments: &[Option<usize>]| -> (f64, f64, f64) {
        // Unassigned passages count as one more group.
        let pred: Vec<usize> = assignments
            .iter()
            .map(|a| a.unwrap_or(usize::MAX))
            .collect();
        (
            v_measure(&truth, &pred),
            nmi(&truth, &pred),
            ari(&truth, &pred),
        )
    };
    let mut runs = Vec::new();
    for seed in 0..seeds.max(1) {
        let c = cluster(
            &vectors,
            &ClusterParams::Kmeans {
                k: Some(k),
                seed,
                restarts: 10,
            },
        )?;
        runs.push(score(&c.assignments));
    }
    let mean_std = |f: fn(&(f64, f64, f64)) -> f64| {
        let v: Vec<f64> = runs.iter().map(f).collect();
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len() as f64).sqrt();
        (r4(mean), r4(sd))
    };
    let (v, v_sd) = mean_std(|r| r.0);
    let (n_mi, nmi_sd) = mean_std(|r| r.1);
    let (a, a_sd) = mean_std(|r| r.2);
    let auto = cluster(
        &vectors,
        &ClusterParams::Kmeans {
            k: None,
            seed: 0,
            restarts: 10,
        },
    )?;
    let (av, anmi, aari) = score(&auto.assignments);
    let density = cluster(
        &vectors,
        &ClusterParams::Hdbscan {
            min_cluster_size: 5,
        },
    )?;
    let (hv, hnmi, hari) = score(&density.assignments);
    let mut m = Map::new();
    m.insert("v_measure".into(), json!(v));
    m.insert("v_measure_std".into(), json!(v_sd));
    m.insert("nmi".into(), json!(n_mi));
    m.insert("nmi_std".into(), json!(nmi_sd));
    m.insert("ari".into(), json!(a));
    m.insert("ari_std".into(), json!(a_sd));
    m.insert("k".into(), json!(k));
    m.insert("seeds".into(), json!(seeds.max(1)));
    m.insert(
        "k_auto".into(),
        json!({"k": auto.k, "v_measure": r4(av), "nmi": r4(anmi), "ari": r4(aari)}),
    );
    m.insert(
        "hdbscan".into(),
        json!({"clusters": density.k, "unassigned": density.unassigned().len(), "v_measure": r4(hv), "nmi": r4(hnmi), "ari": r4(hari)}),
    );
    m.insert("n".into(), json!(texts.len()));
    Ok(m)
}
