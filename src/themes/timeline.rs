//! Each named theme's share over time: the items of dated documents grouped by the week or
//! month of their document's date, and the share of each period's items carrying each
//! theme.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// Below this many days between the first and last date, periods are ISO weeks; above,
/// months.
pub const WEEKS_UP_TO_DAYS: i64 = 92;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodShare {
    /// "2026-01" (month) or "2026-W03" (ISO week).
    pub period: String,
    /// Items of the documents dated in the period.
    pub items: usize,
    /// Share of those items carrying each theme ("other" included), rounded to 4 decimals.
    pub themes: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub granularity: Granularity,
    /// Periods in time order, those without items left out.
    pub periods: Vec<PeriodShare>,
    /// Items whose document states no date (not in any period).
    pub undated_items: usize,
}

/// A period's name, its item count, and the items per theme.
type Tally = (String, usize, BTreeMap<String, f64>);

fn period_of(date: NaiveDate, granularity: Granularity) -> (i32, u32, String) {
    match granularity {
        Granularity::Month => (
            date.year(),
            date.month(),
            format!("{:04}-{:02}", date.year(), date.month()),
        ),
        Granularity::Week => {
            let w = date.iso_week();
            (
                w.year(),
                w.week(),
                format!("{:04}-W{:02}", w.year(), w.week()),
            )
        }
    }
}

/// The timeline of `themes` (one per item: the theme it carries) over `dates` (one per
/// item: its document's date); `None` when no item is dated.
pub fn theme_timeline(themes: &[Option<&str>], dates: &[Option<NaiveDate>]) -> Option<Timeline> {
    let dated: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
    let (first, last) = (dated.iter().min()?, dated.iter().max()?);
    let granularity = if (*last - *first).num_days() <= WEEKS_UP_TO_DAYS {
        Granularity::Week
    } else {
        Granularity::Month
    };
    // Keyed by (year, month or ISO week), so periods come out in time order.
    let mut periods: BTreeMap<(i32, u32), Tally> = BTreeMap::new();
    for (theme, date) in themes.iter().zip(dates) {
        let (Some(theme), Some(date)) = (theme, date) else {
            continue;
        };
        let (a, b, name) = period_of(*date, granularity);
        let entry = periods
            .entry((a, b))
            .or_insert_with(|| (name, 0, BTreeMap::new()));
        entry.1 += 1;
        *entry.2.entry(theme.to_string()).or_default() += 1.0;
    }
    Some(Timeline {
        granularity,
        periods: periods
            .into_values()
            .map(|(period, items, mut counts)| {
                counts
                    .values_mut()
                    .for_each(|c| *c = crate::vectors::round4(*c / items as f64));
                PeriodShare {
                    period,
                    items,
                    themes: counts,
                }
            })
            .collect(),
        undated_items: dates.iter().filter(|d| d.is_none()).count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn close_dates_are_grouped_by_week_and_shares_add_up() {
        let themes = [Some("a"), Some("b"), Some("a"), Some("a"), None];
        let dates = [
            d(2026, 1, 12),
            d(2026, 1, 13),
            d(2026, 1, 20),
            None,
            d(2026, 1, 20),
        ];
        let t = theme_timeline(&themes, &dates).unwrap();
        assert_eq!(t.granularity, Granularity::Week);
        assert_eq!(t.undated_items, 1);
        let names: Vec<&str> = t.periods.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(names, ["2026-W03", "2026-W04"]);
        assert_eq!(t.periods[0].items, 2);
        assert_eq!(t.periods[0].themes["a"], 0.5);
        assert_eq!(t.periods[1].themes["a"], 1.0);
    }

    #[test]
    fn dates_far_apart_are_grouped_by_month_in_time_order() {
        let themes = [Some("x"), Some("y"), Some("x")];
        let dates = [d(2026, 3, 1), d(2025, 11, 30), d(2026, 3, 31)];
        let t = theme_timeline(&themes, &dates).unwrap();
        assert_eq!(t.granularity, Granularity::Month);
        let names: Vec<&str> = t.periods.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(names, ["2025-11", "2026-03"]);
        assert_eq!(t.periods[1].items, 2);
    }

    #[test]
    fn no_dated_item_means_no_timeline() {
        assert_eq!(theme_timeline(&[Some("a")], &[None]), None);
    }
}
