//! `silica.passages` and `silica.themes`: a corpus read and cut as the CLI cuts it, and its
//! theme report, as JSON text that the Python side turns into lists and dicts.

use crate::errors::{raise, OrRaise};
use crate::index::Index;
use crate::model::Model;
use clap::ValueEnum;
use pyo3::prelude::*;
use silica::app::corpus::{CorpusSpec, PassageChoices};
use silica::app::model::{ModelRequest, ModelSource};
use silica::app::themes::{
    read_theme_inputs, themes_report as report_of, ThemeModel, ThemeSettings, ThemeSource,
    DEFAULT_KEYWORDS, DEFAULT_STABILITY_RUNS,
};
use silica::app::units::Unit;
use silica::cache::EmbeddingCache;
use silica::cluster::{Algorithm, ClusterChoice};
use silica::corpus::{encoding_for_label, DateRange, ReadOptions};
use silica::model::PromptChoice;
use silica::report::passages::{write_corpus, Listing};
use silica::report::{render, ReportFormat};
use silica::themes::{parse_theme_list, read_themes_file, PreviousReport, ScoringParams};
use std::path::PathBuf;

/// How a corpus is read and cut; None everywhere is the CLI's default.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct CorpusOptions {
    text_field: Option<String>,
    id_field: Option<String>,
    text_column: Option<String>,
    id_column: Option<String>,
    globs: Option<Vec<String>>,
    encoding: Option<String>,
    max_tokens: Option<usize>,
    overlap: Option<usize>,
    min_chars: Option<usize>,
    keep_all: Option<bool>,
    keep_duplicates: Option<bool>,
    since: Option<String>,
    until: Option<String>,
}

impl CorpusOptions {
    pub(crate) fn spec(self, inputs: Vec<PathBuf>) -> PyResult<CorpusSpec> {
        let defaults = ReadOptions::default();
        let read = ReadOptions {
            text_field: self.text_field.unwrap_or(defaults.text_field),
            id_field: self.id_field.unwrap_or(defaults.id_field),
            text_column: self.text_column.unwrap_or(defaults.text_column),
            id_column: self.id_column.or(defaults.id_column),
            globs: self.globs.unwrap_or(defaults.globs),
            encoding: self
                .encoding
                .as_deref()
                .map(encoding_for_label)
                .transpose()
                .or_raise()?,
        };
        let cut = PassageChoices::default();
        let passages = PassageChoices {
            max_tokens: self.max_tokens,
            overlap: self.overlap.unwrap_or(cut.overlap),
            min_chars: self.min_chars.unwrap_or(cut.min_chars),
            keep_all: self.keep_all.unwrap_or(cut.keep_all),
            keep_duplicates: self.keep_duplicates.unwrap_or(cut.keep_duplicates),
        };
        let dates = DateRange {
            since: day(self.since.as_deref(), "since")?,
            until: day(self.until.as_deref(), "until")?,
        };
        if let (Some(s), Some(u)) = (dates.since, dates.until) {
            if s > u {
                return Err(raise(format!("since {s} is after until {u}")));
            }
        }
        Ok(CorpusSpec {
            inputs,
            read,
            passages,
            dates,
        })
    }
}

fn day(text: Option<&str>, name: &str) -> PyResult<Option<chrono::NaiveDate>> {
    text.map(|t| {
        t.parse::<chrono::NaiveDate>()
            .map_err(|_| raise(format!("{name}: {t:?} is not a day (YYYY-MM-DD)")))
    })
    .transpose()
}

/// A model loaded already, or the name of one whose tokenizer is enough.
#[derive(FromPyObject)]
pub enum ModelArg<'py> {
    Loaded(Bound<'py, Model>),
    Name(String),
}

/// The passages of `paths` (or, with `dropped`, the lines cleaning removed and why) as
/// JSON lines, one object per passage, as `silica passages --format jsonl` prints them.
/// Tokens are counted with the model's tokenizer after its passage prompt; a model named
/// by name loads no weights.
#[pyfunction]
#[pyo3(signature = (paths, model, options, dropped=false))]
pub fn passages_jsonl(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    model: ModelArg<'_>,
    options: CorpusOptions,
    dropped: bool,
) -> PyResult<String> {
    let spec = options.spec(paths)?;
    let request;
    let source = match &model {
        ModelArg::Loaded(model) => model.get().source(),
        ModelArg::Name(name) => {
            request = name_request(name);
            ModelSource::Request(&request)
        }
    };
    let listing = if dropped {
        Listing::DroppedJsonl
    } else {
        Listing::PassagesJsonl
    };
    py.detach(|| -> anyhow::Result<String> {
        let (info, tokenizer) = source.load_tokenizer()?;
        let prefix = PromptChoice::Passage.prefix(&info.prompts);
        let corpus = spec.read(&info, &tokenizer.counter(prefix))?;
        let mut out = Vec::new();
        write_corpus(&mut out, &corpus, listing)?;
        Ok(String::from_utf8(out)?)
    })
    .or_raise()
}

/// What a themes run asks, as `silica themes` takes it; None is the CLI's default.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct ThemeOptions {
    algorithm: Option<String>,
    k: Option<usize>,
    seed: Option<u64>,
    restarts: Option<usize>,
    neighbors: Option<usize>,
    min_cluster_size: Option<usize>,
    threshold: Option<f64>,
    themes: Option<Vec<String>>,
    themes_file: Option<PathBuf>,
    previous: Option<PathBuf>,
    stability_runs: Option<usize>,
    keywords: Option<usize>,
    center: Option<bool>,
    unit: Option<String>,
    prompt: Option<String>,
    format: Option<String>,
}

pub(crate) fn choice<T: ValueEnum>(text: Option<&str>, name: &str, default: T) -> PyResult<T> {
    match text {
        None => Ok(default),
        Some(t) => T::from_str(t, true).map_err(|_| {
            let known: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            raise(format!("{name}: {t:?} is not one of {}", known.join(", ")))
        }),
    }
}

impl ThemeOptions {
    fn cluster(&self) -> PyResult<silica::cluster::ClusterParams> {
        let d = ClusterChoice::default();
        let choice = ClusterChoice {
            algorithm: choice(self.algorithm.as_deref(), "algorithm", Algorithm::Kmeans)?,
            k: self.k,
            seed: self.seed.unwrap_or(d.seed),
            restarts: self.restarts.unwrap_or(d.restarts),
            neighbors: self.neighbors.unwrap_or(d.neighbors),
            min_cluster_size: self.min_cluster_size.unwrap_or(d.min_cluster_size),
            threshold: self.threshold.unwrap_or(d.threshold),
        };
        choice.params().map_err(|e| raise(e.to_string()))
    }

    fn named(&self) -> anyhow::Result<Option<Vec<silica::themes::NamedTheme>>> {
        match (&self.themes, &self.themes_file) {
            (Some(_), Some(_)) => anyhow::bail!("give themes or themes_file, not both"),
            (Some(names), None) => {
                if let Some(name) = names.iter().find(|n| n.contains(';')) {
                    anyhow::bail!("theme {name:?}: a name cannot hold ';'");
                }
                Ok(Some(parse_theme_list(&names.join(";"))?))
            }
            (None, Some(path)) => Ok(Some(read_themes_file(path)?)),
            (None, None) => Ok(None),
        }
    }
}

/// The theme report of `paths` with `model`, rendered as `format` (json, md, html or
/// table): what `silica themes` writes.
#[pyfunction]
#[pyo3(signature = (paths, model, options, themes))]
pub fn themes_report(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    model: Bound<'_, Model>,
    options: CorpusOptions,
    themes: ThemeOptions,
) -> PyResult<String> {
    let spec = options.spec(paths)?;
    let unit = choice(themes.unit.as_deref(), "unit", Unit::Passage)?;
    let source = ThemeSource::Corpus { spec: &spec, unit };
    report(
        py,
        &source,
        model.get().source(),
        model.get().cache_path(),
        &themes,
        spec.dates,
    )
}

/// The theme report of an index's passages (nothing embedded again; `model`, the one the
/// index was built with, embeds named themes): what `silica themes --index` writes.
#[pyfunction]
#[pyo3(signature = (index, model, since, until, themes))]
pub fn index_themes_report(
    py: Python<'_>,
    index: Bound<'_, Index>,
    model: Option<Bound<'_, Model>>,
    since: Option<String>,
    until: Option<String>,
    themes: ThemeOptions,
) -> PyResult<String> {
    if themes.unit.as_deref().is_some_and(|u| u != "passage") {
        return Err(raise(
            "an index holds passages: unit document or text needs a corpus",
        ));
    }
    let dates = DateRange {
        since: day(since.as_deref(), "since")?,
        until: day(until.as_deref(), "until")?,
    };
    let target = index.get().target();
    let source = ThemeSource::Store { target, dates };
    // Without named themes no model is loaded: the request is never used.
    let unused = name_request(silica::model::DEFAULT_MODEL);
    let (model_source, cache) = match &model {
        Some(model) => (model.get().source(), model.get().cache_path()),
        None => (ModelSource::Request(&unused), None),
    };
    report(py, &source, model_source, cache, &themes, dates)
}

/// A model by name, on the CPU, f32: for its tokenizer or a check of its files.
fn name_request(name: &str) -> ModelRequest {
    ModelRequest {
        model: name.to_string(),
        device: silica::embed::DeviceChoice::Cpu,
        batch_tokens: None,
        batch_size: None,
        quantize: silica::model::WeightFormat::F32,
        dimensions: None,
    }
}

/// Reads the items of `source`, clusters and names them as `themes` asks, and renders the
/// report.
fn report(
    py: Python<'_>,
    source: &ThemeSource<'_>,
    model: ModelSource<'_>,
    cache_path: Option<&PathBuf>,
    themes: &ThemeOptions,
    dates: DateRange,
) -> PyResult<String> {
    let params = themes.cluster()?;
    let unit = choice(themes.unit.as_deref(), "unit", Unit::Passage)?;
    let format = choice(themes.format.as_deref(), "format", ReportFormat::Json)?;
    py.detach(|| -> anyhow::Result<String> {
        let named = themes.named()?;
        let previous = themes
            .previous
            .as_deref()
            .map(PreviousReport::read)
            .transpose()?;
        let open_cache = || -> anyhow::Result<Option<EmbeddingCache>> {
            cache_path.map(|p| EmbeddingCache::open(p)).transpose()
        };
        let theme_model = ThemeModel {
            model,
            prompt: themes.prompt.as_deref().map(PromptChoice::parse),
            open_cache: &open_cache,
            with_themes: named.is_some(),
        };
        let mut inputs = read_theme_inputs(source, &theme_model)?;
        let settings = ThemeSettings {
            params,
            center: themes.center.unwrap_or(true),
            named,
            scoring: ScoringParams::default(),
            keywords: themes.keywords.unwrap_or(DEFAULT_KEYWORDS),
            stability_runs: themes.stability_runs.unwrap_or(DEFAULT_STABILITY_RUNS),
            previous: previous.as_ref(),
            unit,
            dates,
        };
        let (report, _) = report_of(&mut inputs, settings)?;
        render(&report, format)
    })
    .or_raise()
}
