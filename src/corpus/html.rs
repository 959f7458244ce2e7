//! HTML pages to article text, with dom_smoothie (a port of Mozilla's Readability, the
//! reader view of Firefox): scripts, navigation, sidebars and footers are left out.

use anyhow::{anyhow, Result};
use std::path::Path;

/// The main article of a page: its title and its text, paragraphs separated by blank lines.
pub struct Article {
    pub title: Option<String>,
    pub text: String,
}

pub fn extract_article(html: &str, path: &Path) -> Result<Article> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| anyhow!("{}: cannot read the HTML: {e}", path.display()))?;
    let article = readability.parse().map_err(|e| {
        anyhow!(
            "{}: no article text found in the page ({e})",
            path.display()
        )
    })?;
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    let body = article.text_content.trim();
    // Readability moves the headline out of the text; it is part of what the page says.
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}\n"),
        _ => format!("{body}\n"),
    };
    Ok(Article { title, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_navigation_and_scripts() {
        let body =
            "Les deux pays ont signé un accord de coopération sur les semi-conducteurs. ".repeat(8);
        let html = format!(
            "<html><head><title>Accord</title><script>var tracking = 1;</script></head><body>\
             <nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>\
             <article><h1>Un accord historique</h1><p>{body}</p><p>{body}</p></article>\
             <footer>Mentions légales - Plan du site</footer></body></html>"
        );
        let article = extract_article(&html, Path::new("page.html")).unwrap();
        assert!(
            article.text.contains("semi-conducteurs"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("tracking"));
        assert!(!article.text.contains("Plan du site"));
        assert!(!article.text.contains("Accueil"));
    }
}
