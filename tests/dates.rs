//! Publication dates found near the top of pages in French, English, German and Spanish,
//! carried into passages, the index, neighbour hits and theme reports, and used by
//! --since/--until; all through the binary with the real model.

mod common;

use std::path::Path;

use common::{ok, silica_with_models as silica};

/// Seed-like pages: a header with a dateline or byline, then paragraphs of body text that
/// mention other dates (which are not the publication date).
const PAGES: &[(&str, &str, &str)] = &[
    (
        "fr.txt",
        "2026-01-18",
        "Israël et les États-Unis signent une déclaration commune sur l'intelligence artificielle\n\n3 minutes\n18 janvier 2026\n\nPar Nathalie Sosna Ofir\n\nLes deux pays ont signé une déclaration sur la recherche en intelligence artificielle, la sécurité des chaînes d'approvisionnement et les semi-conducteurs. Un premier accord avait été évoqué le 3 mars 2024 sans suite.\n\nLe texte prévoit des groupes de travail communs sur les puces, les centres de données et les normes techniques.",
    ),
    (
        "fr-glued.txt",
        "2025-12-12",
        "IA: Washington signe une « Pax Silica » avec ses partenaires\n\n11:2712/12/2025, vendredi\nAFP\n\nLes États-Unis, qui cherchent à sécuriser les chaînes d'approvisionnement pour l'intelligence artificielle, ont annoncé jeudi un accord avec le Japon, la Corée du Sud, Singapour et l'Australie.\n\nL'accord couvre les minerais critiques, les semi-conducteurs et la logistique des composants électroniques.",
    ),
    (
        "en.txt",
        "2025-03-05",
        "US and Japan agree on chip supply chain cooperation\n\nMarch 5, 2025\nBy Staff Reporter\n\nThe United States and Japan agreed to coordinate their semiconductor supply chains, sharing information on shortages of critical minerals and chip manufacturing equipment.\n\nOfficials said a first meeting would take place next Friday and a review in three weeks.",
    ),
    (
        "de.txt",
        "2025-03-03",
        "Deutschland und Kanada gründen eine Allianz für souveräne Technologie\n\nBerlin, 3. März 2025\n\nDie beiden Regierungen wollen bei künstlicher Intelligenz, Rechenzentren und Halbleitern enger zusammenarbeiten und ihre technologische Souveränität stärken.\n\nDie Erklärung nennt gemeinsame Forschungsprogramme und Investitionen in europäische und kanadische Rechenkapazitäten.",
    ),
    (
        "es.txt",
        "2025-04-10",
        "España y México firman un acuerdo sobre inteligencia artificial\n\nMadrid, 10 de abril de 2025\n\nLos dos gobiernos firmaron un memorando para cooperar en inteligencia artificial, centros de datos y formación de especialistas en semiconductores.\n\nEl acuerdo prevé reuniones anuales y un fondo común para proyectos de investigación aplicada.",
    ),
    (
        "undated.txt",
        "",
        "A recipe for a simple tomato soup with basil and olive oil\n\nCut the tomatoes, cook them slowly with onions and garlic, then blend the soup until it is smooth and season it with salt and pepper.\n\nServe it warm with bread, a little olive oil and fresh basil leaves on top.",
    ),
];

fn write_pages(dir: &Path) {
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    for (name, _, text) in PAGES {
        std::fs::write(dir.join("pages").join(name), text).unwrap();
    }
}

fn expected(name: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(n, _, _)| *n == name)
        .and_then(|(_, d, _)| (!d.is_empty()).then_some(*d))
}

#[test]
fn dates_are_found_in_four_languages_and_filter_passages_neighbours_and_themes() {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path();
    write_pages(cwd);

    // Every passage carries its page's date (and the undated page none).
    let out = ok(&silica(&["passages", "pages", "--format", "jsonl"], cwd));
    let mut seen = std::collections::BTreeSet::new();
    for line in out.lines() {
        let p: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = p["doc_id"].as_str().unwrap().to_string();
        assert_eq!(p["date"].as_str(), expected(&doc), "{doc}");
        seen.insert(doc);
    }
    assert_eq!(seen.len(), PAGES.len());

    // --since/--until keep documents by date (undated ones are left out).
    let out = ok(&silica(
        &[
            "passages",
            "pages",
            "--format",
            "jsonl",
            "--since",
            "2025-03-04",
            "--until",
            "2025-12-31",
        ],
        cwd,
    ));
    let docs: std::collections::BTreeSet<String> = out
        .lines()
        .map(|l| {
            let p: serde_json::Value = serde_json::from_str(l).unwrap();
            p["doc_id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["en.txt", "es.txt", "fr-glued.txt"]
    );
    let none = silica(&["passages", "pages", "--since", "2030-01-01"], cwd);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("dated since 2030-01-01"));
    let backwards = silica(
        &[
            "passages",
            "pages",
            "--since",
            "2026-01-01",
            "--until",
            "2025-01-01",
        ],
        cwd,
    );
    assert!(!backwards.status.success());

    // The index keeps the dates; neighbour hits show them and --since filters them.
    ok(&silica(&["index", "add", "pages", "--index", "idx"], cwd));
    let hits: serde_json::Value = serde_json::from_str(&ok(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "-q",
            "semiconductor supply chains",
            "-k",
            "20",
            "--format",
            "json",
        ],
        cwd,
    )))
    .unwrap();
    for h in hits.as_array().unwrap() {
        let doc = h["id"].as_str().unwrap().split('#').next().unwrap();
        assert_eq!(h["date"].as_str(), expected(doc), "{h}");
    }
    let filtered: serde_json::Value = serde_json::from_str(&ok(&silica(
        &[
            "neighbors",
            "--index",
            "idx",
            "-q",
            "semiconductor supply chains",
            "-k",
            "20",
            "--since",
            "2026-01-01",
            "--format",
            "json",
        ],
        cwd,
    )))
    .unwrap();
    let filtered = filtered.as_array().unwrap();
    assert!(!filtered.is_empty());
    assert!(
        filtered.iter().all(|h| h["date"] == "2026-01-18"),
        "{filtered:?}"
    );

    // Themes over the index: no corpus read; the report has a timeline by week or month.
    let report: serde_json::Value = serde_json::from_str(&ok(&silica(
        &[
            "themes",
            "--index",
            "idx",
            "--k",
            "2",
            "--themes",
            "supply chains; technological sovereignty; cooking",
            "--format",
            "json",
        ],
        cwd,
    )))
    .unwrap();
    let timeline = &report["timeline"];
    assert_eq!(timeline["granularity"], "month", "{timeline}");
    let periods: Vec<&str> = timeline["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2025-03", "2025-04", "2025-12", "2026-01"]);
    assert!(timeline["undated_items"].as_u64().unwrap() >= 1);
    for p in timeline["periods"].as_array().unwrap() {
        let total: f64 = p["themes"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert!((total - 1.0).abs() < 1e-3, "{p}");
    }
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), PAGES.len());
    let md = ok(&silica(
        &[
            "themes",
            "--index",
            "idx",
            "--k",
            "2",
            "--themes",
            "supply chains; cooking",
            "--format",
            "md",
        ],
        cwd,
    ));
    assert!(md.contains("## Themes by month"), "{md}");
}
