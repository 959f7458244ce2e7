//! Themes named by the user (`--themes "supply chains; sovereignty"` or a TOML file), and
//! which passages and clusters carry them.
//!
//! A passage carries the theme it is closest to, when that closeness stands out from how
//! close unrelated text comes to the same theme: each theme is compared with a fixed set of
//! unrelated sentences (several languages, many subjects), and the passage's cosine must lie
//! `min_z` robust standard deviations (median and MAD, so that one related sentence in the
//! set does not move the bar) above theirs. This calibrates per model and per theme, where
//! one fixed cosine would fit only one model.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A theme as the user named it, in any language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedTheme {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
        })
        .collect();
    if themes.is_empty() {
        bail!("--themes names no theme (separate names with ';')");
    }
    check_unique(&themes, "--themes")?;
    Ok(themes)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    theme: Vec<NamedTheme>,
}

/// A TOML file of `[[theme]]` tables with `name` and an optional `description`.
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
    check_unique(&file.theme, &path.display().to_string())?;
    Ok(file.theme)
}

fn check_unique(themes: &[NamedTheme], origin: &str) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for t in themes {
        if t.name == "other" {
            bail!("{origin}: \"other\" is the name of what fits no theme; choose another");
        }
        if !seen.insert(t.name.to_lowercase()) {
            bail!("{origin}: theme {:?} is named twice", t.name);
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

/// Where a vector stands against each theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeAssignment {
    /// Index of the theme, or `None` for "other".
    pub theme: Option<usize>,
    /// Cosine to the best-standing theme.
    pub score: f64,
    /// How many background standard deviations above the background mean.
    pub z: f64,
}

/// Compares vectors with the named themes' vectors, against the background.
pub struct ThemeMatcher {
    pub themes: Vec<NamedTheme>,
    vectors: Vec<Vec<f32>>,
    /// Per theme: median and robust standard deviation (1.4826 MAD) of unrelated text's
    /// cosine to it.
    background: Vec<(f64, f64)>,
    pub min_z: f64,
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum();
    let na = a.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    let nb = b.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    dot / (na * nb).max(1e-12)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Median and robust standard deviation (1.4826 x median absolute deviation).
fn robust_spread(values: &[f64]) -> (f64, f64) {
    let mut v = values.to_vec();
    let m = median(&mut v);
    let mut deviations: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
    (m, (1.4826 * median(&mut deviations)).max(1e-4))
}

impl ThemeMatcher {
    /// `theme_vectors[t]` embeds `themes[t].text()`; `background_vectors` embed [`BACKGROUND`],
    /// all with the same model and prompt as the passages.
    pub fn new(
        themes: Vec<NamedTheme>,
        theme_vectors: Vec<Vec<f32>>,
        background_vectors: &[Vec<f32>],
        min_z: f64,
    ) -> Self {
        let background = theme_vectors
            .iter()
            .map(|t| {
                robust_spread(
                    &background_vectors
                        .iter()
                        .map(|b| cosine(t, b))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        Self {
            themes,
            vectors: theme_vectors,
            background,
            min_z,
        }
    }

    /// The theme `vector` is closest to, if its closeness stands out from unrelated text's
    /// (else "other", with the closest theme's cosine and z).
    pub fn assign(&self, vector: &[f32]) -> ThemeAssignment {
        let closest = self
            .vectors
            .iter()
            .enumerate()
            .map(|(t, tv)| (t, cosine(vector, tv)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((t, score)) = closest else {
            return ThemeAssignment {
                theme: None,
                score: 0.0,
                z: 0.0,
            };
        };
        let (centre, spread) = self.background[t];
        let z = (score - centre) / spread;
        ThemeAssignment {
            theme: (z >= self.min_z).then_some(t),
            score,
            z,
        }
    }

    pub fn name(&self, theme: Option<usize>) -> String {
        theme.map_or_else(|| "other".to_string(), |t| self.themes[t].name.clone())
    }
}

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

    #[test]
    fn assignment_needs_to_stand_out_from_the_background() {
        let theme = vec![1.0f32, 0.0, 0.0];
        let background: Vec<Vec<f32>> = (0..10)
            .map(|i| vec![0.1 + 0.01 * i as f32, 1.0, 0.0])
            .collect();
        let m = ThemeMatcher::new(
            vec![NamedTheme {
                name: "x".into(),
                description: None,
            }],
            vec![theme],
            &background,
            3.0,
        );
        assert_eq!(m.assign(&[1.0, 0.1, 0.0]).theme, Some(0));
        let far = m.assign(&[0.12, 1.0, 0.0]);
        assert_eq!((far.theme, m.name(far.theme).as_str()), (None, "other"));
    }
}
