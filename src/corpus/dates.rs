//! Publication dates: the first full date (day, month and year) a document states near its
//! top, read in the document's language ("18 janvier 2026", "12/12/2025", "3. März 2025",
//! "5 de marzo de 2025", "March 5, 2025", "2025-03-05").
//!
//! Parsing is whichtime's (a Rust port of chrono-node: month names and numeric orders for
//! en, fr, de, es, it, nl, pt, ru, sv, uk, ja and zh). It also reads relative phrases
//! ("vendredi", "next Friday", "in three weeks"), which say nothing of when a page was
//! published, so only a match that states its year in four digits, with a certain day and
//! month, is kept. Measured on the seeds and on seed-like pages in four languages
//! (`tests/dates.rs`).

use chrono::{NaiveDate, TimeZone};
use std::sync::LazyLock;
use whichtime::{Component, Locale, WhichTime};

/// How far into a text a publication date is looked for: a page's header (title, lead,
/// byline, dateline), not the dates its body talks about.
pub const DATE_WINDOW_CHARS: usize = 500;

static PARSERS: LazyLock<WhichTime> = LazyLock::new(WhichTime::new);

/// The parser's locale for an ISO 639-1 code; English when the language has none.
fn locale(lang: Option<&str>) -> Locale {
    match lang.unwrap_or("en") {
        "fr" => Locale::Fr,
        "de" => Locale::De,
        "es" => Locale::Es,
        "it" => Locale::It,
        "nl" => Locale::Nl,
        "pt" => Locale::Pt,
        "ru" => Locale::Ru,
        "sv" => Locale::Sv,
        "uk" => Locale::Uk,
        "ja" => Locale::Ja,
        "zh" => Locale::Zh,
        _ => Locale::En,
    }
}

/// Scraped pages glue a clock time to the date after it ("11:2712/12/2025"): a space is put
/// after `H:MM` or `HH:MM` when a digit follows, so the date reads as one.
fn unglue_times(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for i in 0..b.len() {
        // b[i] is the colon of a time: one or two digits before, two after, a digit next.
        if b[i] != b':' || i == 0 || i + 3 >= b.len() {
            continue;
        }
        let before_ok = b[i - 1].is_ascii_digit();
        let after_ok =
            b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() && b[i + 3].is_ascii_digit();
        if before_ok && after_ok {
            out.push_str(&text[last..i + 3]);
            out.push(' ');
            last = i + 3;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// A fixed reference date, so that nothing depends on the day silica runs (only matches
/// that state their year are kept anyway).
fn reference() -> Option<chrono::DateTime<chrono::Local>> {
    chrono::Local
        .with_ymd_and_hms(2000, 1, 1, 12, 0, 0)
        .single()
}

fn has_four_digits(text: &str) -> bool {
    text.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|digits| digits.len() >= 4)
}

fn states_a_year(matched: &str) -> bool {
    matched
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4)
}

/// The publication date a text states near its top, in its language (`lang`, ISO 639-1).
pub fn find_date(text: &str, lang: Option<&str>) -> Option<NaiveDate> {
    let head: String = text.chars().take(DATE_WINDOW_CHARS).collect();
    let head = unglue_times(&head);
    // Only a match that states its year in four digits is kept, and a match is a piece of
    // the head: without four digits in a row the head states no date, and the parser (the
    // costliest step of reading a document) need not run.
    if !has_four_digits(&head) {
        return None;
    }
    let results = PARSERS
        .get_locale_parser(locale(lang))
        .parse(&head, reference())
        .ok()?;
    results
        .iter()
        .filter(|r| {
            states_a_year(&r.text)
                && r.start.is_certain(Component::Day)
                && r.start.is_certain(Component::Month)
        })
        .find_map(|r| {
            let year = r.start.get(Component::Year)?;
            let month = u32::try_from(r.start.get(Component::Month)?).ok()?;
            let day = u32::try_from(r.start.get(Component::Day)?).ok()?;
            (1900..=2200)
                .contains(&year)
                .then(|| NaiveDate::from_ymd_opt(year, month, day))
                .flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_time_glued_to_a_date_is_split_and_nothing_else_changes() {
        assert_eq!(unglue_times("11:2712/12/2025"), "11:27 12/12/2025");
        assert_eq!(unglue_times("à 9:05 12/12"), "à 9:05 12/12");
        assert_eq!(unglue_times("ratio 3:2, 11:27"), "ratio 3:2, 11:27");
        assert_eq!(unglue_times("é:12345"), "é:12345");
    }

    #[test]
    fn dates_of_the_seed_headers_are_found() {
        assert_eq!(
            find_date(
                "Titre\n\n3 minutes\n18 janvier 2026\n\nParNathalie",
                Some("fr")
            ),
            date(2026, 1, 18)
        );
        assert_eq!(
            find_date(
                "IA: Washington signe\n\n11:2712/12/2025, vendredi\nAFP",
                Some("fr")
            ),
            date(2025, 12, 12)
        );
    }

    #[test]
    fn relative_phrases_and_month_years_are_not_dates() {
        assert_eq!(
            find_date("Rendez-vous vendredi prochain.", Some("fr")),
            None
        );
        assert_eq!(
            find_date("The meeting is in three weeks.", Some("en")),
            None
        );
        assert_eq!(
            find_date("dévoilée en décembre 2025, la déclaration", Some("fr")),
            None
        );
    }

    #[test]
    fn a_multi_byte_character_before_a_number_is_read_not_a_panic() {
        // The published whichtime-sys sliced inside "。" here and panicked
        // (vendor/whichtime-sys/SILICA.md).
        assert_eq!(
            find_date("Reunión de ministros en Pekín。12 personas.", Some("es")),
            None
        );
        assert_eq!(
            find_date(
                "Cumbre en Pekín。5 de marzo de 2025, a las 10.30",
                Some("es")
            ),
            date(2025, 3, 5)
        );
    }

    #[test]
    fn a_long_french_header_full_of_numbers_states_no_date() {
        // What the patched loop skips (vendor/whichtime-sys/SILICA.md): many numbers, no
        // month, and a date just past the header window.
        let text = "Le 12 du mois, 345 personnes et 67 villes, en 1789 puis 1815. ".repeat(12);
        assert_eq!(find_date(&text, Some("fr")), None);
        let dated = format!("{text}\n18 janvier 2026");
        assert_eq!(find_date(&dated, Some("fr")), None, "past the header");
        assert_eq!(
            find_date(&format!("18 janvier 2026\n{text}"), Some("fr")),
            date(2026, 1, 18)
        );
    }

    #[test]
    fn a_date_past_the_header_is_not_the_publication_date() {
        let text = format!("{}\nLe 26 janvier 2026, à Bakou.", "mot ".repeat(200));
        assert_eq!(find_date(&text, Some("fr")), None);
    }
}

/// A span of publication dates, either end open: which documents a command keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
}

impl DateRange {
    pub fn is_set(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether a document with this date is kept: every one when no end is set, else a
    /// dated one within the span (an undated one is left out).
    pub fn keeps(&self, date: Option<chrono::NaiveDate>) -> bool {
        if !self.is_set() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// "from 2025-12-01 to 2026-01-31", for messages.
    pub fn describe(&self) -> String {
        match (self.since, self.until) {
            (Some(s), Some(u)) => format!("from {s} to {u}"),
            (Some(s), None) => format!("since {s}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => "at any date".into(),
        }
    }
}
