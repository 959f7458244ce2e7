//! The command line's words for the library's typed errors: the flags that set what went
//! wrong, and the commands that fix it. The library says what happened; only here is it
//! said in terms of `--flags`.

use crate::app::corpus::CorpusError;
use crate::app::model::ModelRequestError;
use crate::cache::UnusableCache;
use crate::cluster::ParamError;
use crate::corpus::ReadError;
use crate::eval::NoColumn;
use crate::index::{IndexError, Setting, SettingDifference};
use crate::model::Int8OnGpu;
use crate::themes::ThemeListError;
use std::error::Error;

/// The error as one line: each cause in the chain, worded for the command line, joined by
/// ": " (as anyhow's `{:#}` joins them).
pub fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(worded)
        .collect::<Vec<_>>()
        .join(": ")
        .replace('\n', " ")
}

fn worded(cause: &(dyn Error + 'static)) -> String {
    if let Some(e) = cause.downcast_ref::<IndexError>() {
        return index_error(e);
    }
    if let Some(e) = cause.downcast_ref::<ParamError>() {
        return cluster_error(e);
    }
    if let Some(e) = cause.downcast_ref::<ReadError>() {
        return match e {
            ReadError::NoTextField { .. } => format!("{e} (choose another with --text-field)"),
            ReadError::NoEncodingFits { .. } => format!("{e}; pass --encoding if you know it"),
            ReadError::BadGlob { pattern, .. } => format!("--glob {pattern:?}"),
        };
    }
    if let Some(e) = cause.downcast_ref::<ThemeListError>() {
        return match e {
            ThemeListError::Empty => "--themes names no theme (separate names with ';')".into(),
            ThemeListError::Reserved { origin: None } => {
                "--themes: \"other\" is the name of what fits no theme; choose another".into()
            }
            ThemeListError::Twice { origin: None, name } => {
                format!("--themes: theme {name:?} is named twice")
            }
            _ => e.to_string(),
        };
    }
    if let Some(e) = cause.downcast_ref::<UnusableCache>() {
        return format!(
            "{}: not a usable silica embedding cache ({}); remove it or run `silica cache clear --cache {}`",
            e.path.display(),
            e.why,
            e.path.display()
        );
    }
    if let Some(e) = cause.downcast_ref::<NoColumn>() {
        return format!(
            "{}: no column {:?} (name columns with --header, or use 0-based indices)",
            e.path.display(),
            e.spec
        );
    }
    if let Some(e) = cause.downcast_ref::<ModelRequestError>() {
        return match e {
            ModelRequestError::EmptyBatch => {
                "--batch-tokens and --batch-size must be at least 1".into()
            }
            ModelRequestError::OtherWidth { index, asked } => format!(
                "the index holds vectors of {index} values; this run asks --dimensions {asked}"
            ),
            ModelRequestError::OtherModel { built, .. } => format!("{e}: pass --model {built}"),
        };
    }
    if let Some(e) = cause.downcast_ref::<CorpusError>() {
        return match e {
            CorpusError::NoPassages { dropped } => format!("no passages left in the inputs after cleaning ({dropped} lines dropped; --keep-all keeps every line)"),
            CorpusError::NoRoom { max_tokens, taken } => format!("--max-tokens {max_tokens} leaves no room for text (the prompt and special tokens take {taken})"),
            CorpusError::NoneDated { .. } => e.to_string(),
        };
    }
    if cause.downcast_ref::<Int8OnGpu>().is_some() {
        return "--quantize int8 runs on the CPU only (on a GPU use f32, q8_0 or q4_0)".into();
    }
    cause.to_string()
}

fn index_error(e: &IndexError) -> String {
    match e {
        IndexError::OtherSettings {
            name,
            noun,
            differences,
        } => format!(
            "{name}: the {noun} was built with other settings: {}",
            differences
                .iter()
                .map(setting_difference)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        IndexError::NoIndex { dir } => format!(
            "{e} (create one with `silica index add CORPUS --index {}`)",
            dir.display()
        ),
        IndexError::NoStore { name } => {
            format!("{e} (create one with `silica index add CORPUS --store {name}`)")
        }
        IndexError::NoPgvector => {
            format!("{e} (create one with `silica index add CORPUS --store URL`)")
        }
        IndexError::HalfvecNeedsPgvector { since, version } => format!(
            "--vector-type halfvec needs pgvector {}.{} or later; the server's is {version}",
            since.0, since.1
        ),
        IndexError::BadShard(text) => {
            format!("--shard {text:?}: expected I/N with 0 <= I < N, as 0/2 and 1/2")
        }
    }
}

fn setting_difference(d: &SettingDifference) -> String {
    let name = match d.setting {
        Setting::MaxTokens => "--max-tokens",
        Setting::Overlap => "--overlap",
        Setting::MinChars => "--min-chars",
        Setting::KeepAll => "--keep-all",
        Setting::KeepDuplicates => "--keep-duplicates",
        Setting::VectorType => "--vector-type",
        other => other.label(),
    };
    format!("{name}: the index has {}, this run {}", d.stored, d.run)
}

fn cluster_error(e: &ParamError) -> String {
    match e {
        ParamError::ZeroK => "--k must be at least 1".into(),
        ParamError::KAboveItems { k, n } => format!("--k {k} is more than the {n} passages to cluster"),
        ParamError::KAboveSample { k } => format!(
            "--k {k} is more than the {} passages k-means starts from above {}",
            crate::cluster::SAMPLE_SIZE,
            crate::cluster::SAMPLE_ABOVE
        ),
        ParamError::AutoKNeedsThree { n } => {
            format!("--k auto needs at least 3 passages, got {n}; give --k")
        }
        ParamError::OnlyKmeansAbove { n } => format!(
            "{n} passages: above {}, only --algorithm kmeans and spectral run (on a sample, then over all); HDBSCAN and agglomerative clustering compare every pair",
            crate::cluster::SAMPLE_ABOVE
        ),
        ParamError::ZeroNeighbors => "--neighbors must be at least 1".into(),
        ParamError::MinClusterSize => "--min-cluster-size must be at least 2".into(),
        ParamError::Threshold(t) => {
            format!("--threshold is a cosine distance, between 0 and 2 (got {t})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_causes_are_worded_with_flags_and_the_rest_kept() {
        let err = anyhow::Error::from(IndexError::OtherSettings {
            name: "idx".into(),
            noun: "index",
            differences: vec![SettingDifference {
                setting: Setting::Overlap,
                stored: "0".into(),
                run: "1".into(),
            }],
        })
        .context("opening");
        assert_eq!(
            one_line(&err),
            "opening: idx: the index was built with other settings: --overlap: the index has 0, this run 1"
        );
        // The library's own words name no flag.
        assert!(!format!("{err:#}").contains("--"), "{err:#}");
        let plain = anyhow::anyhow!("line one\nline two").context("reading a.txt");
        assert_eq!(one_line(&plain), "reading a.txt: line one line two");
        let k = anyhow::Error::from(ParamError::KAboveItems { k: 5, n: 3 });
        assert_eq!(one_line(&k), "--k 5 is more than the 3 passages to cluster");
    }
}
