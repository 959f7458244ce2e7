//! Markdown to plain text (pulldown-cmark): what a reader sees, without the syntax.

use pulldown_cmark::{Event, Parser, TagEnd};

/// The text of a Markdown fragment: emphasis, links, images and code markers removed,
/// link text kept, block ends turned into line breaks.
pub fn strip_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new(source) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The first heading of a Markdown document, if any.
pub fn first_heading(source: &str) -> Option<String> {
    let mut in_heading = false;
    let mut title = String::new();
    for event in Parser::new(source) {
        match event {
            Event::Start(pulldown_cmark::Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(text) | Event::Code(text) if in_heading => title.push_str(&text),
            _ => {}
        }
    }
    let title = title.trim().to_string();
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_syntax_and_keeps_words() {
        let md =
            "# Title\n\nSome **bold** and [a link](http://x.org) with `code`.\n\n- one\n- two\n";
        let text = strip_markdown(md);
        assert!(text.contains("Some bold and a link with code."), "{text}");
        assert!(!text.contains("http://x.org") && !text.contains("**"));
        assert_eq!(first_heading(md).as_deref(), Some("Title"));
    }
}
