//! What `models` prints: the catalogue (architectures, known-good models, their prompts
//! and shorter widths) and one model folder's description, as a table or JSON.

use super::TextFormat;
use crate::model::{architectures, ModelDescription, KNOWN_MODELS};
use anyhow::Result;
use std::io::Write;

/// The architectures silica runs and the known-good models.
pub fn write_catalog(out: &mut impl Write, format: TextFormat) -> Result<()> {
    if format == TextFormat::Json {
        let value = serde_json::json!({
            "architectures": architectures(),
            "known_models": KNOWN_MODELS,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "architectures (config.json model_type): {}",
        architectures().join(", ")
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<40} {:<12} {:>5} {:>6} {:<9} {:<18} checked",
        "model", "architecture", "dim", "ctx", "languages", "licence"
    )?;
    for m in KNOWN_MODELS {
        writeln!(
            out,
            "{:<40} {:<12} {:>5} {:>6} {:<9} {:<18} {}",
            m.id,
            m.architecture,
            m.dimension,
            m.context,
            m.languages,
            m.licence,
            match m.checked {
                crate::model::Checked::RealWeights => "real weights = sentence-transformers",
                crate::model::Checked::Architecture => "architecture on random weights",
                crate::model::Checked::CandlePort => "architecture = candle-transformers' port",
            }
        )?;
    }
    writeln!(out)?;
    writeln!(out, "prompts:")?;
    for m in KNOWN_MODELS {
        writeln!(out, "  {:<40} {}", m.id, m.prompts)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "shorter vectors (--dimensions N, Matryoshka-trained widths):"
    )?;
    for m in KNOWN_MODELS.iter().filter(|m| !m.matryoshka.is_empty()) {
        let widths: Vec<String> = m.matryoshka.iter().map(usize::to_string).collect();
        writeln!(out, "  {:<40} {}", m.id, widths.join(", "))?;
    }
    Ok(())
}

/// What silica does with one model, as its folder says.
pub fn write_description(
    out: &mut impl Write,
    d: &ModelDescription,
    format: TextFormat,
) -> Result<()> {
    if format == TextFormat::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(d)?)?;
        return Ok(());
    }
    let prompt = |p: &Option<String>| match p {
        Some(text) => format!("{text:?}"),
        None => "none".into(),
    };
    writeln!(out, "model:        {}", d.name)?;
    writeln!(out, "directory:    {} ({})", d.directory, d.origin)?;
    writeln!(
        out,
        "architecture: {} (hidden size {})",
        d.architecture, d.hidden_size
    )?;
    writeln!(out, "pooling:      {}", d.pooling)?;
    for dense in &d.dense {
        writeln!(
            out,
            "dense:        {} {} -> {}{}, {}",
            dense.path,
            dense.in_features,
            dense.out_features,
            if dense.bias { " with bias" } else { "" },
            dense.activation
        )?;
    }
    writeln!(
        out,
        "normalize:    {}",
        if d.normalize { "yes (L2)" } else { "no" }
    )?;
    writeln!(out, "dimension:    {}", d.dimension)?;
    writeln!(out, "--dimensions: {}", d.shorter_vectors)?;
    writeln!(out, "max tokens:   {}", d.max_tokens)?;
    writeln!(out, "query prompt: {}", prompt(&d.query_prompt))?;
    writeln!(out, "passage prompt: {}", prompt(&d.passage_prompt))?;
    for (name, text) in &d.named_prompts {
        writeln!(out, "  --prompt {name}: {text:?}")?;
    }
    if let Some(name) = &d.default_prompt_name {
        writeln!(out, "default prompt (sentence-transformers): {name}")?;
    }
    Ok(())
}
