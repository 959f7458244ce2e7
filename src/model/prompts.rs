use std::collections::BTreeMap;

/// The instruction prefixes a model was trained with, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompts {
    pub query: Option<String>,
    pub passage: Option<String>,
    /// Every prompt `config_sentence_transformers.json` names (EmbeddingGemma's task
    /// prompts such as `Clustering` or `STS`), reachable with `--prompt NAME`.
    pub named: BTreeMap<String, String>,
    /// The prompt sentence-transformers uses when `encode` is given none
    /// (`default_prompt_name`); silica's commands choose query or passage by their role.
    pub default_name: Option<String>,
}

/// Models known to need prompts when their files do not say so. The e5 family was trained
/// with `query: ` / `passage: ` prefixes (its model card), but the hub repositories carry
/// no `prompts` entry in `config_sentence_transformers.json`.
const KNOWN_PROMPTS: &[(&str, &str, &str)] = &[
    ("multilingual-e5-", "query: ", "passage: "),
    ("e5-small", "query: ", "passage: "),
    ("e5-base", "query: ", "passage: "),
    ("e5-large", "query: ", "passage: "),
];

impl Prompts {
    /// The prompts of a known model family, matched on the model's name; none otherwise.
    pub fn known_for(model_name: &str) -> Self {
        let short = model_name
            .rsplit('/')
            .next()
            .unwrap_or(model_name)
            .to_lowercase();
        // "e5-mistral" and the instruct variants take instructions, not these prefixes.
        if short.contains("instruct") || short.contains("mistral") {
            return Self::default();
        }
        KNOWN_PROMPTS
            .iter()
            .find(|(needle, _, _)| short.contains(needle))
            .map(|(_, q, p)| Self {
                query: Some(q.to_string()),
                passage: Some(p.to_string()),
                ..Self::default()
            })
            .unwrap_or_default()
    }
}

/// Which prompt to put before each text (`--prompt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptChoice {
    /// The model's query prompt: for questions and symmetric tasks (similarity, clustering).
    Query,
    /// The model's passage prompt: for a corpus that is searched.
    Passage,
    None,
    /// A prompt the model names (`--prompt Clustering`), else this text itself.
    Literal(String),
}

impl PromptChoice {
    pub fn parse(text: &str) -> Self {
        match text {
            "query" => Self::Query,
            "passage" => Self::Passage,
            "none" => Self::None,
            other => Self::Literal(other.to_string()),
        }
    }

    /// The prefix to prepend; a model without such a prompt gets none. Text that is the
    /// name of one of the model's prompts means that prompt, as sentence-transformers'
    /// `prompt_name` does; any other text is prepended as it is.
    pub fn prefix<'a>(&'a self, prompts: &'a Prompts) -> &'a str {
        match self {
            Self::Query => prompts.query.as_deref().unwrap_or(""),
            Self::Passage => prompts.passage.as_deref().unwrap_or(""),
            Self::None => "",
            Self::Literal(text) => prompts.named.get(text).map_or(text, String::as_str),
        }
    }

    /// A stable name for logs and outputs.
    pub fn label(&self) -> String {
        match self {
            Self::Query => "query".into(),
            Self::Passage => "passage".into(),
            Self::None => "none".into(),
            Self::Literal(text) => format!("{text:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e5_models_get_their_prefixes_and_others_none() {
        let e5 = Prompts::known_for("intfloat/multilingual-e5-small");
        assert_eq!(PromptChoice::Query.prefix(&e5), "query: ");
        assert_eq!(PromptChoice::Passage.prefix(&e5), "passage: ");
        let minilm = Prompts::known_for("sentence-transformers/all-MiniLM-L6-v2");
        assert_eq!(PromptChoice::Query.prefix(&minilm), "");
        assert_eq!(
            Prompts::known_for("intfloat/multilingual-e5-large-instruct"),
            Prompts::default()
        );
    }

    #[test]
    fn literal_and_none_prompts() {
        let e5 = Prompts::known_for("multilingual-e5-base");
        assert_eq!(PromptChoice::parse("none").prefix(&e5), "");
        assert_eq!(
            PromptChoice::parse("Represent: ").prefix(&e5),
            "Represent: "
        );
    }

    #[test]
    fn a_named_prompt_is_found_by_its_name() {
        let prompts = Prompts {
            named: [(
                "Clustering".to_string(),
                "task: clustering | query: ".to_string(),
            )]
            .into_iter()
            .collect(),
            ..Prompts::default()
        };
        assert_eq!(
            PromptChoice::parse("Clustering").prefix(&prompts),
            "task: clustering | query: "
        );
        assert_eq!(
            PromptChoice::parse("clustering ").prefix(&prompts),
            "clustering "
        );
    }
}
