use anyhow::{bail, Result};
use serde::Deserialize;

/// How token vectors become one sentence vector (sentence-transformers' `Pooling` module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pooling {
    /// Mean over the real (unpadded) tokens: the default of sentence-transformers.
    #[default]
    Mean,
    /// The first token's vector (`[CLS]` / `<s>`).
    Cls,
    /// The last real token's vector (decoder-style embedding models).
    LastToken,
}

/// `1_Pooling/config.json`: one boolean per mode (sentence-transformers up to 5), or one
/// `pooling_mode` name (sentence-transformers 6).
#[derive(Debug, Deserialize, Default)]
pub(crate) struct PoolingConfig {
    #[serde(default)]
    pooling_mode: Option<String>,
    /// Whether the prompt's tokens count in the pool (sentence-transformers' default: yes).
    #[serde(default)]
    pub(crate) include_prompt: Option<bool>,
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default)]
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
    #[serde(default)]
    pooling_mode_weightedmean_tokens: bool,
    #[serde(default)]
    pooling_mode_lasttoken: bool,
}

impl PoolingConfig {
    pub(crate) fn pooling(&self) -> Result<Pooling> {
        if let Some(mode) = &self.pooling_mode {
            return Ok(match mode.as_str() {
                "mean" => Pooling::Mean,
                "cls" => Pooling::Cls,
                "lasttoken" => Pooling::LastToken,
                other => {
                    bail!("pooling mode {other} is not supported (mean, cls and lasttoken are)")
                }
            });
        }
        let unsupported = [
            (self.pooling_mode_max_tokens, "max"),
            (self.pooling_mode_mean_sqrt_len_tokens, "mean_sqrt_len"),
            (self.pooling_mode_weightedmean_tokens, "weightedmean"),
        ];
        if let Some((_, name)) = unsupported.iter().find(|(on, _)| *on) {
            bail!("pooling mode {name} is not supported (mean, cls and lasttoken are)");
        }
        Ok(
            match (
                self.pooling_mode_mean_tokens,
                self.pooling_mode_cls_token,
                self.pooling_mode_lasttoken,
            ) {
                (true, false, false) => Pooling::Mean,
                (false, true, false) => Pooling::Cls,
                (false, false, true) => Pooling::LastToken,
                (false, false, false) => Pooling::Mean,
                _ => bail!("several pooling modes at once are not supported"),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Pooling> {
        serde_json::from_str::<PoolingConfig>(json)?.pooling()
    }

    #[test]
    fn reads_the_pooling_modes() {
        assert_eq!(
            parse(r#"{"pooling_mode_mean_tokens": true}"#).unwrap(),
            Pooling::Mean
        );
        assert_eq!(
            parse(r#"{"pooling_mode_cls_token": true}"#).unwrap(),
            Pooling::Cls
        );
        assert_eq!(
            parse(r#"{"pooling_mode_lasttoken": true}"#).unwrap(),
            Pooling::LastToken
        );
        assert!(parse(r#"{"pooling_mode_max_tokens": true}"#).is_err());
        assert_eq!(
            parse(r#"{"pooling_mode": "lasttoken", "include_prompt": true}"#).unwrap(),
            Pooling::LastToken
        );
        assert!(parse(r#"{"pooling_mode": "max"}"#).is_err());
    }
}
