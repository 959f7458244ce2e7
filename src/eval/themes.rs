//! Named themes scored like a zero-shot classifier: each item's theme (or "other") against
//! the theme its label stands for (or "other", for distractors and labels no theme names).

use serde_json::{json, Map, Value};

/// For each item: the theme expected (`None`: it belongs to no theme) and the theme given.
pub struct ThemeOutcomes<'a> {
    pub themes: &'a [String],
    pub expected: &'a [Option<usize>],
    pub predicted: &'a [Option<usize>],
}

use crate::vectors::round4 as r4;

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| r4(part as f64 / whole as f64))
}

/// `accuracy`, `macro_f1` and `other_rate` over the items a theme stands for; per theme
/// `precision` (over every item given it, distractors included) and `recall`;
/// `false_theme_rate` over the items that belong to no theme (`null` without any).
pub fn theme_metrics(o: &ThemeOutcomes<'_>) -> Map<String, Value> {
    let pairs: Vec<(Option<usize>, Option<usize>)> = o
        .expected
        .iter()
        .copied()
        .zip(o.predicted.iter().copied())
        .collect();
    let labelled: Vec<&(Option<usize>, Option<usize>)> =
        pairs.iter().filter(|(e, _)| e.is_some()).collect();
    let correct = labelled.iter().filter(|(e, p)| e == p).count();
    let other = labelled.iter().filter(|(_, p)| p.is_none()).count();
    let unthemed: Vec<&(Option<usize>, Option<usize>)> =
        pairs.iter().filter(|(e, _)| e.is_none()).collect();
    let given_a_theme = unthemed.iter().filter(|(_, p)| p.is_some()).count();

    let mut per_theme = Map::new();
    let mut f1_sum = 0.0;
    for (t, name) in o.themes.iter().enumerate() {
        let hits = pairs
            .iter()
            .filter(|(e, p)| *e == Some(t) && *p == Some(t))
            .count();
        let given = pairs.iter().filter(|(_, p)| *p == Some(t)).count();
        let support = pairs.iter().filter(|(e, _)| *e == Some(t)).count();
        let precision = if given == 0 {
            0.0
        } else {
            hits as f64 / given as f64
        };
        let recall = if support == 0 {
            0.0
        } else {
            hits as f64 / support as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        f1_sum += f1;
        per_theme.insert(
            name.clone(),
            json!({"precision": r4(precision), "recall": r4(recall), "f1": r4(f1), "support": support}),
        );
    }
    let mut m = Map::new();
    m.insert("accuracy".into(), json!(share(correct, labelled.len())));
    m.insert(
        "macro_f1".into(),
        json!(r4(f1_sum / o.themes.len().max(1) as f64)),
    );
    m.insert("other_rate".into(), json!(share(other, labelled.len())));
    m.insert(
        "false_theme_rate".into(),
        json!(share(given_a_theme, unthemed.len())),
    );
    m.insert("per_theme".into(), Value::Object(per_theme));
    m.insert("n".into(), json!(labelled.len()));
    m.insert("distractors".into(), json!(unthemed.len()));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_by_hand() {
        let themes = ["a".to_string(), "b".to_string()];
        // a: 3 items, 2 right, 1 other; b: 2 items, 1 right, 1 given a; distractors: 2, one
        // given b.
        let expected = [Some(0), Some(0), Some(0), Some(1), Some(1), None, None];
        let predicted = [Some(0), Some(0), None, Some(1), Some(0), Some(1), None];
        let m = theme_metrics(&ThemeOutcomes {
            themes: &themes,
            expected: &expected,
            predicted: &predicted,
        });
        assert_eq!(m["accuracy"], json!(0.6)); // 3 of 5
        assert_eq!(m["other_rate"], json!(0.2)); // 1 of 5
        assert_eq!(m["false_theme_rate"], json!(0.5)); // 1 of 2
                                                       // a: precision 2/3, recall 2/3, f1 2/3; b: precision 1/2, recall 1/2, f1 1/2.
        assert_eq!(m["per_theme"]["a"]["precision"], json!(0.6667));
        assert_eq!(m["per_theme"]["b"]["recall"], json!(0.5));
        assert_eq!(m["macro_f1"], json!(0.5833));
        assert_eq!(
            (m["n"].clone(), m["distractors"].clone()),
            (json!(5), json!(2))
        );
    }

    #[test]
    fn no_distractors_no_false_theme_rate() {
        let themes = ["a".to_string()];
        let m = theme_metrics(&ThemeOutcomes {
            themes: &themes,
            expected: &[Some(0)],
            predicted: &[Some(0)],
        });
        assert_eq!(m["false_theme_rate"], Value::Null);
        assert_eq!(m["accuracy"], json!(1.0));
    }
}
