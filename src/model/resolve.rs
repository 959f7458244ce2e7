use super::ModelSpec;
use anyhow::{bail, Context, Result};
use hf_hub::{api::sync::ApiBuilder, Cache, Repo, RepoType};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Files silica needs from every model.
const REQUIRED: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];
/// sentence-transformers files, used when present.
const OPTIONAL: [&str; 5] = [
    "modules.json",
    "1_Pooling/config.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "tokenizer_config.json",
];

/// Where a model's files were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelOrigin {
    /// A directory named with `--model`.
    Directory,
    /// `models/<name>/` (or `$SILICA_MODELS_DIR/<name>/`), provisioned by `models/fetch`.
    OfflineCopy,
    /// The Hugging Face cache (`$HF_HOME/hub`, else `~/.cache/huggingface/hub`).
    HfCache,
    /// Downloaded from the Hugging Face hub just now.
    Hub,
}

/// The files of one model, all in one directory.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    /// The name the user gave (`intfloat/multilingual-e5-small`, or a directory).
    pub name: String,
    pub origin: ModelOrigin,
    pub dir: PathBuf,
    pub config: PathBuf,
    pub tokenizer: PathBuf,
    pub weights: PathBuf,
}

impl ModelFiles {
    /// [`ModelFiles::fingerprint`] with the weight format its vectors are computed in:
    /// quantized weights give (slightly) different vectors, so a cache entry or an index
    /// must say so. What [`crate::embed::Embedder::fingerprint`] gives, without loading.
    pub fn fingerprint_as(&self, format: super::WeightFormat) -> Result<String> {
        let fingerprint = self.fingerprint()?;
        Ok(if format == super::WeightFormat::F32 {
            fingerprint
        } else {
            format!("{fingerprint}+{}", format.cache_tag())
        })
    }

    /// What identifies the model's weights and settings, for cache keys: the repo and
    /// snapshot commit of a hub model, or a content hash (blake3) of a local directory's
    /// files, remembered while the files are unchanged (`fingerprint.rs`).
    pub fn fingerprint(&self) -> Result<String> {
        if matches!(self.origin, ModelOrigin::Hub | ModelOrigin::HfCache) {
            let snapshot = self
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Ok(format!("hub:{}@{snapshot}", self.name));
        }
        let dense = dense_module_files(&self.dir);
        let names: Vec<&str> = REQUIRED
            .iter()
            .chain(OPTIONAL.iter())
            .copied()
            .chain(dense.iter().map(String::as_str))
            .collect();
        let identity = super::fingerprint::identity(&self.dir, &names);
        if let Some(known) = identity.as_deref().and_then(super::fingerprint::remembered) {
            return Ok(known);
        }
        let mut hasher = blake3::Hasher::new();
        for file in &names {
            let path = self.dir.join(file);
            if !path.is_file() {
                continue;
            }
            hasher.update(file.as_bytes());
            hasher.update(&std::fs::metadata(&path)?.len().to_le_bytes());
            hasher
                .update_mmap_rayon(&path)
                .with_context(|| format!("reading {}", path.display()))?;
        }
        let fingerprint = format!("dir:{}", &hasher.finalize().to_hex()[..32]);
        if let Some(identity) = &identity {
            super::fingerprint::remember(identity, &fingerprint);
        }
        Ok(fingerprint)
    }

    /// A directory with the required files; the error names the first one missing.
    pub fn in_dir(name: String, origin: ModelOrigin, dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            bail!("model directory {} does not exist", dir.display());
        }
        for file in REQUIRED {
            if !dir.join(file).is_file() {
                bail!("model directory {} has no {file}", dir.display());
            }
        }
        Ok(Self {
            name,
            origin,
            dir: dir.to_path_buf(),
            config: dir.join("config.json"),
            tokenizer: dir.join("tokenizer.json"),
            weights: dir.join("model.safetensors"),
        })
    }
}

/// The files of the Dense modules `modules.json` lists (`2_Dense/config.json`, ...), which
/// change the vectors as much as the encoder's weights do.
fn dense_module_files(dir: &Path) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Module {
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        path: String,
    }
    let Ok(text) = std::fs::read_to_string(dir.join("modules.json")) else {
        return Vec::new();
    };
    let modules: Vec<Module> = serde_json::from_str(&text).unwrap_or_default();
    modules
        .iter()
        .filter(|m| m.kind.ends_with(".Dense") && !m.path.is_empty())
        .flat_map(|m| ["config.json", "model.safetensors"].map(|f| format!("{}/{f}", m.path)))
        .collect()
}

/// Finds a model's files: an explicit directory; else `models/<name>/`; else the
/// Hugging Face cache; else the hub (unless `HF_HUB_OFFLINE=1`).
#[derive(Debug, Clone)]
pub struct ModelLocator {
    pub models_dir: PathBuf,
    pub offline: bool,
}

impl ModelLocator {
    /// `$SILICA_MODELS_DIR` or `./models`; offline when `HF_HUB_OFFLINE` is set to 1/true.
    pub fn from_env() -> Self {
        let models_dir = std::env::var_os("SILICA_MODELS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("models"));
        let offline = std::env::var("HF_HUB_OFFLINE")
            .map(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
            .unwrap_or(false);
        Self {
            models_dir,
            offline,
        }
    }

    pub fn locate(&self, spec: &ModelSpec) -> Result<ModelFiles> {
        let (repo, revision) = match spec {
            ModelSpec::Dir(dir) => {
                return ModelFiles::in_dir(spec.to_string(), ModelOrigin::Directory, dir)
            }
            ModelSpec::Hub { repo, revision } => (repo, revision),
        };
        let mut looked = Vec::new();

        let local = self.models_dir.join(spec.short_name());
        if local.join("config.json").is_file() {
            return ModelFiles::in_dir(spec.to_string(), ModelOrigin::OfflineCopy, &local);
        }
        looked.push(format!("{}/", local.display()));

        let hub_repo = match revision {
            Some(rev) => Repo::with_revision(repo.clone(), RepoType::Model, rev.clone()),
            None => Repo::new(repo.clone(), RepoType::Model),
        };
        let cache = Cache::from_env();
        let cached = cache.repo(hub_repo.clone());
        if let Some(dir) = REQUIRED
            .iter()
            .map(|f| cached.get(f))
            .collect::<Option<Vec<_>>>()
            .and_then(|paths| paths[0].parent().map(Path::to_path_buf))
        {
            return ModelFiles::in_dir(spec.to_string(), ModelOrigin::HfCache, &dir);
        }
        looked.push(format!("the Hugging Face cache {}", cache.path().display()));

        let hub_error = if self.offline {
            "not asked: HF_HUB_OFFLINE is set".to_string()
        } else {
            match download(hub_repo) {
                Ok(dir) => return ModelFiles::in_dir(spec.to_string(), ModelOrigin::Hub, &dir),
                // hf-hub's errors repeat their sources; the context and the root cause suffice.
                Err(e) => format!("{e}: {}", e.root_cause()),
            }
        };
        looked.push(format!("the Hugging Face hub ({hub_error})"));
        bail!(
            "model {spec} not found; looked in {}. Run models/fetch to provision the offline copies, \
             or pass --model DIR",
            looked.join(", ")
        )
    }
}

/// Downloads a model's files into the Hugging Face cache and returns the snapshot directory.
fn download(repo: Repo) -> Result<PathBuf> {
    let api = ApiBuilder::from_env()
        .with_progress(std::io::stderr().is_terminal())
        .build()
        .context("setting up the hub client")?;
    let api = api.repo(repo);
    let mut dir = None;
    for file in REQUIRED {
        let path = api
            .get(file)
            .with_context(|| format!("downloading {file}"))?;
        dir.get_or_insert_with(|| path.parent().map(Path::to_path_buf).unwrap_or_default());
    }
    for file in OPTIONAL {
        // Optional: a model without sentence-transformers files still runs with defaults.
        if let Err(e) = api.get(file) {
            tracing::debug!("no {file} on the hub: {e}");
        }
    }
    let dir = dir.unwrap_or_default();
    for file in dense_module_files(&dir) {
        api.get(&file)
            .with_context(|| format!("downloading {file}"))?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_found_says_where_it_looked_and_how_to_fix_it() {
        let empty = tempfile::tempdir().unwrap();
        let locator = ModelLocator {
            models_dir: empty.path().join("models"),
            offline: true,
        };
        let err = locator
            .locate(&ModelSpec::parse("someone/no-such-model-xyz"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no-such-model-xyz/"), "{err}");
        assert!(
            err.contains("Hugging Face cache") && err.contains("HF_HUB_OFFLINE"),
            "{err}"
        );
        assert!(err.contains("models/fetch"), "{err}");
    }

    #[test]
    fn a_directory_missing_weights_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.json"), "{}").unwrap();
        std::fs::write(dir.path().join("tokenizer.json"), "{}").unwrap();
        let err = ModelFiles::in_dir("x".into(), ModelOrigin::Directory, dir.path())
            .unwrap_err()
            .to_string();
        assert!(err.contains("model.safetensors"), "{err}");
    }
}
