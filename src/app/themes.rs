//! The themes use case: items and their vectors (from a corpus embedded now, or read from
//! any [`PassageStore`]) clustered, matched with named themes, rolled up into a
//! [`ThemeReport`].

use super::units::{embed_units, separate_twins, Unit};
use crate::cache::EmbeddingCache;
use crate::cluster::{center_in_place, cluster, ClusterParams};
use crate::corpus::Corpus;
use crate::corpus::{model_input, TextFormat};
use crate::embed::Embedder;
use crate::index::{Passage, PassageStore};
use crate::model::PromptChoice;
use crate::themes::{
    DocumentInfo, Item, NamedTheme, ReportInputs, ScoringParams, ThemeReport, ThemeScorer, Twin,
    BACKGROUND,
};
use crate::vectors::Embeddings;
use anyhow::{bail, Result};
use std::collections::HashMap;

/// What the themes are found in.
pub struct ThemeItems {
    pub items: Vec<Item>,
    pub vectors: Embeddings,
    /// Documents that repeat an item's document (`--unit document`), not clustered again.
    pub twins: Vec<Twin>,
    pub documents: Vec<DocumentInfo>,
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
    let (items, vectors, _) = embed_units(embedder, corpus, unit, prompt, cache)?;
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
}

/// The report and the number of clusters found. `run` is the report's run record so far:
/// the clustering's own fields are added by the caller.
pub fn build_report(
    inputs: &mut ThemeItems,
    request: &ThemesRequest<'_>,
    run: impl FnOnce(usize) -> serde_json::Value,
) -> Result<(ThemeReport, usize)> {
    if let ClusterParams::Kmeans { k: Some(k), .. } = request.params {
        if k > inputs.items.len() {
            bail!(
                "k = {k} is more than the {} items to cluster",
                inputs.items.len()
            );
        }
    }
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
    let clustering = cluster(&space, &request.params)?;
    let report = ThemeReport::build(ReportInputs {
        items: &inputs.items,
        documents: &inputs.documents,
        theme_assignments,
        cluster_space: &space,
        clustering: &clustering,
        scorer: request.scorer,
        twins: &inputs.twins,
        keywords: request.keywords,
        representatives: request.representatives,
        run: run(clustering.k),
    })?;
    Ok((report, clustering.k))
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
