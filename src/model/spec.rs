use std::fmt;
use std::path::PathBuf;

/// The model silica uses when none is named.
pub const DEFAULT_MODEL: &str = "intfloat/multilingual-e5-small";

/// What `--model` names: a hub repository (with an optional `@revision`) or a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelSpec {
    Hub {
        repo: String,
        revision: Option<String>,
    },
    Dir(PathBuf),
}

impl ModelSpec {
    /// An existing directory, or anything with a path separator that is not `owner/name`,
    /// is a directory; everything else is a hub id such as `intfloat/multilingual-e5-small@main`.
    pub fn parse(text: &str) -> Self {
        let path = PathBuf::from(text);
        let looks_like_path = text.starts_with('.')
            || text.starts_with('/')
            || text.starts_with('~')
            || text.matches('/').count() > 1
            || text.contains('\\');
        if path.is_dir() || looks_like_path {
            return Self::Dir(path);
        }
        match text.split_once('@') {
            Some((repo, rev)) if !rev.is_empty() => Self::Hub {
                repo: repo.to_string(),
                revision: Some(rev.to_string()),
            },
            _ => Self::Hub {
                repo: text.trim_end_matches('@').to_string(),
                revision: None,
            },
        }
    }

    /// The last path component: `multilingual-e5-small` for both
    /// `intfloat/multilingual-e5-small` and `models/multilingual-e5-small`.
    pub fn short_name(&self) -> String {
        match self {
            Self::Hub { repo, .. } => repo.rsplit('/').next().unwrap_or(repo).to_string(),
            Self::Dir(dir) => dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| dir.display().to_string()),
        }
    }
}

impl fmt::Display for ModelSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Hub {
                repo,
                revision: Some(rev),
            } => write!(f, "{repo}@{rev}"),
            Self::Hub {
                repo,
                revision: None,
            } => write!(f, "{repo}"),
            Self::Dir(dir) => write!(f, "{}", dir.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hub_ids_with_and_without_revision() {
        assert_eq!(
            ModelSpec::parse("intfloat/multilingual-e5-small@v1.0"),
            ModelSpec::Hub {
                repo: "intfloat/multilingual-e5-small".into(),
                revision: Some("v1.0".into())
            }
        );
        assert_eq!(
            ModelSpec::parse("sentence-transformers/all-MiniLM-L6-v2"),
            ModelSpec::Hub {
                repo: "sentence-transformers/all-MiniLM-L6-v2".into(),
                revision: None
            }
        );
        assert_eq!(ModelSpec::parse("BAAI/bge-m3").short_name(), "bge-m3");
    }

    #[test]
    fn paths_are_directories() {
        assert_eq!(
            ModelSpec::parse("./my-model"),
            ModelSpec::Dir("./my-model".into())
        );
        assert_eq!(
            ModelSpec::parse("/opt/models/e5"),
            ModelSpec::Dir("/opt/models/e5".into())
        );
        assert_eq!(ModelSpec::parse("a/b/c").short_name(), "c");
    }
}
