//! Themes named by the user (`--themes "supply chains; sovereignty"` or a TOML file), and
//! which passages and clusters carry them.
//!
//! How passages are scored against them is in `scoring.rs`.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A theme as the user named it, in any language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedTheme {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// For `silica eval themes`: the label value of a labelled set that this theme stands
    /// for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl NamedTheme {
    /// What is embedded for the theme: its name, and its description when there is one.
    pub fn text(&self) -> String {
        match &self.description {
            Some(d) if !d.trim().is_empty() => format!("{}: {}", self.name, d.trim()),
            _ => self.name.clone(),
        }
    }
}

/// `"supply chains; sovereignty; export controls"`.
pub fn parse_theme_list(list: &str) -> Result<Vec<NamedTheme>> {
    let themes: Vec<NamedTheme> = list
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| NamedTheme {
            name: name.to_string(),
            description: None,
            label: None,
        })
        .collect();
    if themes.is_empty() {
        return Err(ThemeListError::Empty.into());
    }
    check_unique(&themes, None)?;
    Ok(themes)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    theme: Vec<NamedTheme>,
}

/// A TOML file of `[[theme]]` tables with `name`, an optional `description` and, for
/// `silica eval themes`, an optional `label`.
pub fn read_themes_file(path: &Path) -> Result<Vec<NamedTheme>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let file: ThemesFile = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| 1 + text[..s.start].matches('\n').count());
        let at = line.map(|l| format!(":{l}")).unwrap_or_default();
        anyhow::anyhow!(
            "{}{at}: not a themes file ({}); expected [[theme]] tables with name = \"...\"",
            path.display(),
            e.message()
        )
    })?;
    if file.theme.iter().any(|t| t.name.trim().is_empty()) {
        bail!("{}: a theme has an empty name", path.display());
    }
    if file.theme.is_empty() {
        bail!("{}: no [[theme]] in the file", path.display());
    }
    check_unique(&file.theme, Some(&path.display().to_string()))?;
    Ok(file.theme)
}

/// A list of theme names that cannot be used; `origin` is the file it came from (none: the
/// list given inline, which front ends name by their flag).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThemeListError {
    #[error("the theme list names no theme (separate names with ';')")]
    Empty,
    #[error("{}: \"other\" is the name of what fits no theme; choose another", origin.as_deref().unwrap_or("the theme list"))]
    Reserved { origin: Option<String> },
    #[error("{}: theme {name:?} is named twice", origin.as_deref().unwrap_or("the theme list"))]
    Twice {
        origin: Option<String>,
        name: String,
    },
}

fn check_unique(themes: &[NamedTheme], origin: Option<&str>) -> Result<()> {
    let origin = origin.map(str::to_string);
    let mut seen = std::collections::HashSet::new();
    for t in themes {
        if t.name == "other" {
            return Err(ThemeListError::Reserved { origin }.into());
        }
        if !seen.insert(t.name.to_lowercase()) {
            return Err(ThemeListError::Twice {
                origin,
                name: t.name.clone(),
            }
            .into());
        }
    }
    Ok(())
}

/// Unrelated sentences (the background): what a theme's similarity must stand out from.
pub const BACKGROUND: &[&str] = &[
    "The recipe calls for two eggs, a cup of flour and a pinch of salt.",
    "Our cat likes to sleep on the windowsill in the afternoon sun.",
    "The football match ended in a draw after extra time.",
    "She practised the piano every morning before school.",
    "Heavy rain is expected along the coast this weekend.",
    "The museum's new wing displays paintings from the nineteenth century.",
    "He bought a pair of running shoes for the marathon.",
    "The train to the mountains leaves at seven in the morning.",
    "Elle a planté des tomates et des courgettes dans son jardin.",
    "Le concert de jazz a attiré un large public samedi soir.",
    "Il faut arroser les plantes deux fois par semaine en été.",
    "Les enfants ont construit un château de sable sur la plage.",
    "La boulangerie du quartier ouvre à six heures du matin.",
    "Der Hund spielt gern mit dem roten Ball im Garten.",
    "Am Sonntag wandern wir durch den Wald zum See.",
    "Das Theaterstück wurde vom Publikum begeistert aufgenommen.",
    "Sie liest abends gern Kriminalromane auf dem Sofa.",
    "El equipo ganó el partido con un gol en el último minuto.",
    "Mi abuela prepara una paella deliciosa los domingos.",
    "La película se estrenó en los cines la semana pasada.",
    "Los turistas visitaron la catedral y el mercado central.",
    "Il gatto dorme tutto il giorno sul divano.",
    "O festival de música reuniu milhares de pessoas no parque.",
    "De fietsers reden langs de rivier naar het volgende dorp.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_lists_and_files() {
        let list = parse_theme_list(" supply chains ; sovereignty;").unwrap();
        assert_eq!(
            list.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["supply chains", "sovereignty"]
        );
        assert!(parse_theme_list(" ; ").is_err());
        assert!(parse_theme_list("a; A")
            .unwrap_err()
            .to_string()
            .contains("twice"));

        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("themes.toml");
        std::fs::write(
            &good,
            "[[theme]]\nname = \"Export controls\"\ndescription = \"licences for chips\"\n",
        )
        .unwrap();
        let themes = read_themes_file(&good).unwrap();
        assert_eq!(themes[0].text(), "Export controls: licences for chips");
        let bad = dir.path().join("bad.toml");
        std::fs::write(
            &bad,
            "[[theme]]\nname = \"ok\"\n\n[[theme]]\ntitle = \"wrong key\"\n",
        )
        .unwrap();
        let err = read_themes_file(&bad).unwrap_err().to_string();
        assert!(
            err.contains("bad.toml:") && err.contains("not a themes file"),
            "{err}"
        );
    }
}
