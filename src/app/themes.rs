//! The themes use case: items and their vectors (from a corpus embedded now, or read from
//! any [`PassageStore`]) clustered, matched with named themes, rolled up into a
//! [`ThemeReport`].

use super::corpus::CorpusSpec;
use super::model::ModelSource;
use super::units::{embed_units, separate_twins, Unit};
use crate::cache::EmbeddingCache;
use crate::cluster::{center_in_place, cluster_from, ClusterParams};
use crate::corpus::Corpus;
use crate::corpus::{model_input, TextFormat};
use crate::embed::Embedder;
use crate::index::{Passage, PassageStore, Target};
use crate::model::PromptChoice;
use crate::themes::{
    DocumentInfo, Item, NamedTheme, PreviousReport, ReportInputs, ScoringParams, ThemeReport,
    ThemeScorer, Twin, BACKGROUND,
};
use crate::vectors::Embeddings;
use anyhow::{bail, Result};
use std::collections::HashMap;
use std::sync::Arc;

/// What the themes are found in.
pub struct ThemeItems {
    pub items: Vec<Item>,
    pub vectors: Embeddings,
    /// Documents that repeat an item's document (`--unit document`), not clustered again.
    pub twins: Vec<Twin>,
    pub documents: Vec<DocumentInfo>,
    /// Texts cut at the model's context by this run's embedding (None: read from a store).
    pub truncated: Option<usize>,
}

impl ThemeItems {
    /// Puts documents in the order of their ids and items in the order of their document,
    /// place in it and id, so that the themes do not depend on the order the input came in
    /// (clustering and every sum over items see the same sequence; reports list the same).
    pub fn canonical_order(&mut self) {
        let mut doc_order: Vec<usize> = (0..self.documents.len()).collect();
        doc_order.sort_by(|&a, &b| {
            let (x, y) = (&self.documents[a], &self.documents[b]);
            (&x.id, &x.source, x.date, &x.title).cmp(&(&y.id, &y.source, y.date, &y.title))
        });
        let mut new_doc = vec![0; doc_order.len()];
        for (new, &old) in doc_order.iter().enumerate() {
            new_doc[old] = new;
        }
        self.documents = doc_order
            .iter()
            .map(|&d| self.documents[d].clone())
            .collect();
        let key = |item: &Item| {
            (
                new_doc.get(item.document).copied().unwrap_or(usize::MAX),
                item.span,
                item.id.clone(),
                item.text.clone(),
            )
        };
        let mut item_order: Vec<usize> = (0..self.items.len()).collect();
        item_order.sort_by_cached_key(|&i| key(&self.items[i]));
        let mut new_item = vec![0; item_order.len()];
        for (new, &old) in item_order.iter().enumerate() {
            new_item[old] = new;
        }
        let dim = self.vectors.dim;
        let mut data = Vec::with_capacity(self.vectors.data.len());
        let mut items = Vec::with_capacity(self.items.len());
        let mut taken: Vec<Option<Item>> = std::mem::take(&mut self.items)
            .into_iter()
            .map(Some)
            .collect();
        for &old in &item_order {
            data.extend_from_slice(self.vectors.row(old));
            let Some(mut item) = taken[old].take() else {
                continue;
            };
            item.document = new_doc.get(item.document).copied().unwrap_or(item.document);
            items.push(item);
        }
        self.items = items;
        self.vectors = Embeddings { dim, data };
        self.twins.sort_by_cached_key(|t| key(&t.item));
        for twin in &mut self.twins {
            twin.of = new_item[twin.of];
            twin.item.document = new_doc
                .get(twin.item.document)
                .copied()
                .unwrap_or(twin.item.document);
        }
    }
}

/// A corpus's units (passages, documents or records) embedded now (through the cache),
/// with `--unit document`'s twin documents set apart so that they weigh once.
pub fn items_from_corpus(
    embedder: &Embedder,
    corpus: &Corpus,
    unit: Unit,
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<ThemeItems> {
    let (items, vectors, stats) = embed_units(embedder, corpus, unit, prompt, cache)?;
    let (items, vectors, twins) = match unit {
        Unit::Document => separate_twins(corpus, items, vectors),
        Unit::Passage | Unit::Text => (items, vectors, Vec::new()),
    };
    let documents = corpus
        .documents
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            source: d.source.clone(),
            title: d.title.clone(),
            date: d.date,
        })
        .collect();
    Ok(ThemeItems {
        items,
        vectors,
        twins,
        documents,
        truncated: Some(stats.truncated),
    })
}

/// A store's passages and their vectors, of the documents whose date `keeps_date` keeps:
/// nothing is embedded again.
pub fn items_from_store(
    store: &dyn PassageStore,
    keeps_date: impl Fn(Option<chrono::NaiveDate>) -> bool,
) -> Result<ThemeItems> {
    let mut doc_position: HashMap<i64, usize> = HashMap::new();
    let mut documents = Vec::new();
    for d in store.documents()? {
        let date = d.date.as_deref().and_then(|x| x.parse().ok());
        if !keeps_date(date) {
            continue;
        }
        doc_position.insert(d.key, documents.len());
        documents.push(DocumentInfo {
            id: d.id,
            source: d.source,
            title: d.title,
            date,
        });
    }
    let mut items = Vec::new();
    let mut data = Vec::new();
    let mut dim = 0;
    store.for_each_passage(&mut |row: Passage, doc: i64, vector: Vec<f32>| {
        let Some(&document) = doc_position.get(&doc) else {
            return Ok(());
        };
        items.push(Item {
            input: model_input(TextFormat::Plain, &row.text),
            span: row.start.zip(row.end),
            id: row.id,
            source: row.source,
            text: row.text,
            lang: row.lang,
            document,
        });
        dim = vector.len();
        data.extend_from_slice(&vector);
        Ok(())
    })?;
    if let Some(settings) = store.settings() {
        dim = settings.dim;
    }
    Ok(ThemeItems {
        items,
        vectors: Embeddings { dim, data },
        twins: Vec::new(),
        documents,
        truncated: None,
    })
}

/// Where the themes are found.
pub enum ThemeSource<'a> {
    /// A corpus read, split and embedded now, in these units.
    Corpus { spec: &'a CorpusSpec, unit: Unit },
    /// An index's or store's passages, of the documents the dates keep: nothing embedded.
    Store {
        target: &'a Target,
        dates: crate::corpus::DateRange,
    },
}

/// What the themes are found in: items with their vectors and documents, read from a
/// corpus (embedded now) or from an index (embedded when indexed).
pub struct ThemeInputs {
    pub items: ThemeItems,
    /// The model, when loaded (a corpus always needs it; an index only for named themes).
    pub embedder: Option<Arc<Embedder>>,
    pub cache: Option<EmbeddingCache>,
    /// The prompt the items were embedded with: theme names are embedded with it too.
    pub prompt: PromptChoice,
    /// What the run record says of the inputs.
    pub run: serde_json::Map<String, serde_json::Value>,
}

/// The model a themes run uses and how: `prompt` is the prompt asked for (a corpus's
/// default is the query prompt: clustering is symmetric); `open_cache` opens the
/// embedding cache when it is needed.
pub struct ThemeModel<'a> {
    pub model: ModelSource<'a>,
    pub prompt: Option<PromptChoice>,
    pub open_cache: &'a dyn Fn() -> Result<Option<EmbeddingCache>>,
    /// Named themes will be embedded: an index's model is loaded for them.
    pub with_themes: bool,
}

/// Reads the items to cluster from `source`.
pub fn read_theme_inputs(source: &ThemeSource<'_>, model: &ThemeModel<'_>) -> Result<ThemeInputs> {
    match source {
        ThemeSource::Corpus { spec, unit } => inputs_from_corpus(spec, *unit, model),
        ThemeSource::Store { target, dates } => inputs_from_store(target, *dates, model),
    }
}

fn object(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(m) => m,
        _ => unreachable!("a JSON object literal"),
    }
}

/// Reads, splits and embeds the corpus (through the cache).
fn inputs_from_corpus(
    spec: &CorpusSpec,
    unit: Unit,
    model: &ThemeModel<'_>,
) -> Result<ThemeInputs> {
    let mut spec = spec.clone();
    if unit == Unit::Document {
        // Every document keeps all its passages: a document that repeats another is found
        // whole (and reported as its twin) rather than emptied by passage deduplication.
        spec.passages.keep_duplicates = true;
    }
    let mut cache = (model.open_cache)()?;
    let embedder = model.model.load()?;
    let prompt = model.prompt.clone().unwrap_or(PromptChoice::Query);
    let info = embedder.info().clone();
    let prefix = prompt.prefix(&info.prompts).to_string();
    let corpus = spec.read_for(&embedder, &prefix, cache.as_mut())?;
    let items = items_from_corpus(&embedder, &corpus, unit, &prompt, cache.as_mut())?;
    let choices = &spec.passages;
    let run = serde_json::json!({
        "inputs": spec.inputs,
        "model": info.name,
        "max_tokens": choices.max_tokens.unwrap_or(info.max_tokens),
        "overlap": choices.overlap,
        "min_chars": choices.min_chars,
        "keep_all": choices.keep_all,
        "keep_duplicates": choices.keep_duplicates,
        "passages": corpus.passages.len(),
        "duplicates": corpus.duplicates,
        "dropped_lines": corpus.dropped.len(),
    });
    Ok(ThemeInputs {
        items,
        embedder: Some(embedder),
        cache,
        prompt,
        run: object(run),
    })
}

/// Reads the passages and their vectors from an index directory or a store: nothing is
/// embedded again. The model is loaded only to embed named themes, with the passage
/// prompt the index's vectors were made with.
fn inputs_from_store(
    target: &Target,
    dates: crate::corpus::DateRange,
    model: &ThemeModel<'_>,
) -> Result<ThemeInputs> {
    let store = crate::index::open(target)?;
    let name = store.name();
    let settings = super::index::stored_settings(store.as_ref())?;
    let items = items_from_store(store.as_ref(), |date| dates.keeps(date))?;
    if items.items.is_empty() {
        bail!(
            "{name}: no indexed passage of a document dated {}",
            dates.describe()
        );
    }
    let (embedder, cache) = if model.with_themes {
        (
            Some(model.model.load_checked(&name, &settings)?),
            (model.open_cache)()?,
        )
    } else {
        (None, None)
    };
    let run = serde_json::json!({
        "index": name,
        "model": settings.model,
        "max_tokens": settings.max_tokens,
        "overlap": settings.overlap,
        "min_chars": settings.min_chars,
        "keep_all": settings.keep_all,
        "keep_duplicates": settings.keep_duplicates,
        "passages": items.items.len(),
    });
    Ok(ThemeInputs {
        items,
        embedder,
        cache,
        prompt: PromptChoice::Passage,
        run: object(run),
    })
}

/// Keywords per cluster, unless asked otherwise.
pub const DEFAULT_KEYWORDS: usize = 10;
/// Runs the trust panel's stability compares (this one included), unless asked otherwise.
pub const DEFAULT_STABILITY_RUNS: usize = 5;

/// What a themes run asks of the items it read: how they are clustered, the themes named,
/// how the report is made.
pub struct ThemeSettings<'a> {
    pub params: ClusterParams,
    pub center: bool,
    /// Themes to look for (embedded with the items' prompt; needs the model loaded).
    pub named: Option<Vec<NamedTheme>>,
    pub scoring: ScoringParams,
    pub keywords: usize,
    pub stability_runs: usize,
    pub previous: Option<&'a PreviousReport>,
    /// Recorded in the run record.
    pub unit: Unit,
    pub dates: crate::corpus::DateRange,
}

/// The report of `inputs` and the number of clusters found: named themes scored, the items
/// clustered, the run record (version, inputs, settings) written into it.
pub fn themes_report(
    inputs: &mut ThemeInputs,
    settings: ThemeSettings<'_>,
) -> Result<(ThemeReport, usize)> {
    let scorer = match (settings.named, &inputs.embedder) {
        (Some(themes), Some(embedder)) => Some(theme_scorer(
            embedder,
            themes,
            &inputs.prompt,
            inputs.cache.as_mut(),
            settings.scoring,
        )?),
        _ => None,
    };
    let request = ThemesRequest {
        params: settings.params.clone(),
        center: settings.center,
        scorer: scorer.as_ref(),
        keywords: settings.keywords,
        representatives: 3,
        stability_runs: settings.stability_runs,
        previous: settings.previous,
    };
    let mut run = serde_json::Map::new();
    run.insert("silica".into(), env!("CARGO_PKG_VERSION").into());
    run.append(&mut inputs.run);
    let prompt = inputs.prompt.label();
    build_report(&mut inputs.items, &request, |k| {
        let rest = serde_json::json!({
            "prompt": prompt,
            "unit": settings.unit.name(),
            "clustering": settings.params,
            "centered": settings.center,
            "k": k,
            "named_themes": scorer.as_ref().map(|m| &m.themes),
            "theme_scoring": scorer.as_ref().map(|m| &m.params),
            "keywords": settings.keywords,
            "since": settings.dates.since,
            "until": settings.dates.until,
        });
        run.append(&mut object(rest));
        serde_json::Value::Object(run)
    })
}

/// How the items are clustered and reported.
pub struct ThemesRequest<'a> {
    pub params: ClusterParams,
    /// The vectors are centred (the corpus mean taken out) before clustering.
    pub center: bool,
    /// Named themes, scored on the model's vectors before centring.
    pub scorer: Option<&'a ThemeScorer>,
    pub keywords: usize,
    pub representatives: usize,
    /// Runs of the clustering compared in the trust panel, the report's own included
    /// (the others from the next seeds, with its k); below 2, none.
    pub stability_runs: usize,
    /// A previous report: clusters keep its stable ids while their content stays.
    pub previous: Option<&'a PreviousReport>,
}

/// The report and the number of clusters found. `run` is the report's run record so far:
/// the clustering's own fields are added by the caller.
pub fn build_report(
    inputs: &mut ThemeItems,
    request: &ThemesRequest<'_>,
    run: impl FnOnce(usize) -> serde_json::Value,
) -> Result<(ThemeReport, usize)> {
    if let ClusterParams::Kmeans { k: Some(k), .. } | ClusterParams::Spectral { k: Some(k), .. } =
        request.params
    {
        if k > inputs.items.len() {
            bail!(
                "k = {k} is more than the {} items to cluster",
                inputs.items.len()
            );
        }
    }
    inputs.canonical_order();
    // Named themes are scored on the model's vectors, before they are centred in place
    // for clustering (one copy of the vectors, not two).
    let theme_assignments = request.scorer.map(|s| {
        let documents: Vec<usize> = inputs.items.iter().map(|i| i.document).collect();
        s.assign_all(&inputs.vectors, &documents)
    });
    let mut space = std::mem::take(&mut inputs.vectors);
    if request.center {
        center_in_place(&mut space);
    }
    let groups = request
        .previous
        .map(|p| previous_groups(p, &inputs.items))
        .unwrap_or_default();
    let clustering = cluster_from(&space, &request.params, &groups)?;
    let other_runs = other_seeds(
        &space,
        &request.params,
        clustering.k,
        request.stability_runs,
        &groups,
    )?;
    let report = ThemeReport::build(ReportInputs {
        seed: request.params.seed(),
        previous: request.previous,
        other_runs: &other_runs,
        truncated: inputs.truncated,
        items: &inputs.items,
        documents: &inputs.documents,
        theme_assignments,
        cluster_space: &space,
        clustering: &clustering,
        scorer: request.scorer,
        twins: &inputs.twins,
        keywords: request.keywords,
        representatives: request.representatives,
        run: with_input_hash(run(clustering.k), inputs),
    })?;
    Ok((report, clustering.k))
}

/// For each cluster of a previous report (in its order: largest first), the items of this
/// run it held: the clustering starts from them.
fn previous_groups(previous: &PreviousReport, items: &[Item]) -> Vec<Vec<usize>> {
    let position: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id.as_str(), i))
        .collect();
    previous
        .clusters
        .iter()
        .map(|c| {
            let mut rows: Vec<usize> = c
                .members
                .iter()
                .filter_map(|m| position.get(m.as_str()).copied())
                .collect();
            rows.sort_unstable();
            rows
        })
        .collect()
}

/// The run record with a hash of what was clustered (every item's id and text, and every
/// document's id, in canonical order): two reports of the same input say the same.
fn with_input_hash(mut run: serde_json::Value, inputs: &ThemeItems) -> serde_json::Value {
    let mut hasher = blake3::Hasher::new();
    for d in &inputs.documents {
        hasher.update(d.id.as_bytes()).update(&[0]);
    }
    hasher.update(&[1]);
    for item in inputs
        .items
        .iter()
        .chain(inputs.twins.iter().map(|t| &t.item))
    {
        hasher.update(item.id.as_bytes()).update(&[0]);
        hasher.update(item.text.as_bytes()).update(&[0]);
    }
    if let Some(run) = run.as_object_mut() {
        run.insert(
            "input_hash".into(),
            hasher.finalize().to_hex().as_str().into(),
        );
    }
    run
}

/// The clustering again from the `runs - 1` seeds after the request's, with the k it
/// found: the trust panel's stability. None for algorithms without a seed.
fn other_seeds(
    space: &Embeddings,
    params: &ClusterParams,
    k: usize,
    runs: usize,
    groups: &[Vec<usize>],
) -> Result<Vec<(u64, Vec<Option<usize>>)>> {
    let Some(first) = params.seed() else {
        return Ok(Vec::new());
    };
    (1..runs as u64)
        .filter_map(|i| {
            let seed = first.wrapping_add(i);
            params.reseeded(seed, k).map(|p| (seed, p))
        })
        .map(|(seed, p)| Ok((seed, cluster_from(space, &p, groups)?.assignments)))
        .collect()
}

/// The scorer for `themes`: names (and backgrounds) embedded by the model and prompt of the
/// items.
pub fn theme_scorer(
    embedder: &crate::embed::Embedder,
    themes: Vec<NamedTheme>,
    prompt: &PromptChoice,
    mut cache: Option<&mut crate::cache::EmbeddingCache>,
    params: ScoringParams,
) -> Result<ThemeScorer> {
    let texts: Vec<String> = themes.iter().map(NamedTheme::text).collect();
    let (theme_vectors, _) = embedder.embed_cached(&texts, prompt, cache.as_deref_mut(), |_| {})?;
    let (background, _) = embedder.embed_cached(BACKGROUND, prompt, cache, |_| {})?;
    Ok(ThemeScorer::new(
        themes,
        theme_vectors.rows().map(<[f32]>::to_vec).collect(),
        background.rows().map(<[f32]>::to_vec).collect(),
        params,
    ))
}
