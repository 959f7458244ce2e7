//! `silica themes` end to end with the real multilingual model: determinism, the
//! partition of passages, named themes, keywords, and bad input.

mod common;

use common::repo_root;
use std::process::Output;

use common::silica_with_models as silica;

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn one_line_error(out: &Output, needles: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
}

#[test]
fn same_seed_same_report_byte_for_byte_whatever_the_threads() {
    let root = repo_root();
    let run = |threads: &str| {
        silica(
            &[
                "themes",
                "seeds/",
                "--format",
                "json",
                "--seed",
                "7",
                "--threads",
                threads,
            ],
            &root,
        )
    };
    let a = run("2");
    let b = run("2");
    let c = run("1");
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout, "two runs differ");
    assert_eq!(a.stdout, c.stdout, "1 and 2 threads differ");
    let report = json(&a);
    assert_eq!(report["run"]["clustering"]["seed"], 7);
    assert!(
        report["metrics"]["silhouette_by_k"]
            .as_array()
            .unwrap()
            .len()
            >= 2,
        "k auto shows each k"
    );
}

/// Every passage is in exactly one cluster, or listed as unassigned.
fn assert_partition(report: &serde_json::Value) {
    let items = report["items"].as_array().unwrap();
    let clusters = report["clusters"].as_array().unwrap();
    let unassigned: Vec<&str> = report["unassigned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for c in clusters {
        for m in c["members"].as_array().unwrap() {
            assert!(seen.insert(m.as_str().unwrap()), "{m} in two clusters");
        }
    }
    for u in &unassigned {
        assert!(seen.insert(u), "{u} both unassigned and clustered");
    }
    assert_eq!(seen.len(), items.len());
    for item in items {
        let id = item["id"].as_str().unwrap();
        match item["cluster"].as_u64() {
            Some(c) => assert!(clusters[c as usize]["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == id)),
            None => assert!(unassigned.contains(&id)),
        }
    }
}

#[test]
fn every_passage_is_in_one_cluster_or_unassigned() {
    let root = repo_root();
    let kmeans = json(&silica(
        &["themes", "seeds/", "--format", "json", "--k", "4"],
        &root,
    ));
    assert_eq!(kmeans["clusters"].as_array().unwrap().len(), 4);
    assert_partition(&kmeans);
    let hdbscan = json(&silica(
        &[
            "themes",
            "seeds/",
            "tests/data/articles",
            "--format",
            "json",
            "--algorithm",
            "hdbscan",
            "--glob",
            "!*.jsonl",
        ],
        &root,
    ));
    assert_partition(&hdbscan);
    let agglomerative = json(&silica(
        &[
            "themes",
            "seeds/",
            "--format",
            "json",
            "--algorithm",
            "agglomerative",
        ],
        &root,
    ));
    assert_partition(&agglomerative);
}

#[test]
fn named_themes_take_matching_passages_and_refuse_unrelated_ones() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["en_ports.txt", "en_chips.txt", "es_agua.md"] {
        std::fs::copy(
            repo_root().join("tests/data/articles").join(f),
            dir.path().join(f),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("recipe.txt"),
        "Lemon tart\n\nBeat three eggs with sugar until pale, then add the juice and zest of two lemons.\n\nPour the cream into the pastry case and bake for twenty-five minutes until just set.\n",
    )
    .unwrap();
    let report = json(&silica(
        &["themes", ".", "--format", "json", "--k", "3", "--themes", "port congestion and shipping; drought and water rationing; export controls on chip equipment"],
        dir.path(),
    ));
    let theme_of = |prefix: &str| -> Vec<String> {
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["id"].as_str().unwrap().starts_with(prefix))
            .map(|i| i["theme"].as_str().unwrap().to_string())
            .collect()
    };
    // Every passage of each article carries its own theme (passages are read in their
    // article: the ports story's lines on manufacturers' supply delays stay with ports);
    // the recipe carries none.
    let check = |prefix: &str, own: &str| {
        let themes = theme_of(prefix);
        assert!(
            themes.len() >= 4 && themes.iter().all(|t| t == own),
            "{prefix}: {themes:?}"
        );
    };
    check("en_ports", "port congestion and shipping");
    check("es_agua", "drought and water rationing"); // English theme names, Spanish text
    check("en_chips", "export controls on chip equipment");
    assert!(
        theme_of("recipe").iter().all(|t| t == "other"),
        "{:?}",
        theme_of("recipe")
    );
    for item in report["items"].as_array().unwrap() {
        assert!(
            item["theme_score"].as_f64().is_some(),
            "the similarity behind each assignment is reported"
        );
    }
    let recipe_doc = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "recipe.txt")
        .unwrap();
    assert_eq!(recipe_doc["themes"]["other"], 1.0);
}

#[test]
fn stop_words_never_become_keywords() {
    let root = repo_root();
    let report = json(&silica(
        &[
            "themes",
            "seeds/",
            "tests/data/articles",
            "--format",
            "json",
            "--glob",
            "!*.jsonl",
        ],
        &root,
    ));
    let stops: std::collections::HashSet<&str> = ["fr", "en", "de", "es"]
        .iter()
        .flat_map(|l| stop_words::get(l).iter().copied())
        .collect();
    let mut count = 0;
    for c in report["clusters"].as_array().unwrap() {
        for k in c["keywords"].as_array().unwrap() {
            count += 1;
            for part in k.as_str().unwrap().split([' ', '-']) {
                assert!(
                    !stops.contains(part.to_lowercase().as_str()),
                    "stop word {part:?} in keyword {k}"
                );
            }
        }
        assert_eq!(
            c["label"].as_str().unwrap().split(", ").count().min(3),
            3.min(c["keywords"].as_array().unwrap().len())
        );
    }
    assert!(count > 10);
}

#[test]
fn bad_requests_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("one.txt"),
        "A single short text about shipping routes and ports.",
    )
    .unwrap();
    let same = "The same sentence about shipping routes and ports, again and again.\n\n".repeat(4);
    std::fs::write(d.join("same.txt"), same).unwrap();
    std::fs::write(
        d.join("themes.toml"),
        "[[theme]]\nname = \"ports\"\n[[theme]\n",
    )
    .unwrap();
    let seeds = repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    one_line_error(
        &silica(&["themes", seeds, "--k", "0"], d),
        &["--k must be at least 1"],
    );
    one_line_error(
        &silica(&["themes", seeds, "--k", "many"], d),
        &["--k takes a number or auto"],
    );
    one_line_error(&silica(&["themes", "one.txt"], d), &["at least"]);
    one_line_error(
        &silica(&["themes", "one.txt", seeds, "--k", "500"], d),
        &["--k 500", "more than"],
    );
    one_line_error(
        &silica(&["themes", "same.txt", "--keep-duplicates", "--k", "2"], d),
        &["same vector"],
    );
    one_line_error(
        &silica(&["themes", seeds, "--themes-file", "themes.toml"], d),
        &["themes.toml:", "not a themes file"],
    );
    one_line_error(
        &silica(&["themes", seeds, "--themes", " ; "], d),
        &["names no theme"],
    );
    // Fewer passages than k: the deduplicated file has one passage.
    one_line_error(
        &silica(&["themes", "same.txt", "--k", "2"], d),
        &["more than the 1 passage"],
    );
}

/// The seeds plus two unrelated passages, in a temporary folder.
fn seeds_with_unrelated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo_root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.path().join("recipe.txt"),
        "Lemon tart\n\nBeat three eggs with sugar until pale, then add the juice and zest of two lemons. Pour the cream into the pastry case and bake for twenty-five minutes until just set.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("football.txt"),
        "Late goal settles the derby\n\nThe home side won the derby two goals to one on Saturday, with a header in the ninetieth minute after the visitors had equalised from a penalty early in the second half.\n",
    )
    .unwrap();
    dir
}

fn dominant_theme(report: &serde_json::Value, prefix: &str) -> String {
    let doc = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no document {prefix}"));
    doc["themes"]
        .as_object()
        .unwrap()
        .iter()
        .max_by(|a, b| a.1.as_f64().unwrap().total_cmp(&b.1.as_f64().unwrap()))
        .unwrap()
        .0
        .clone()
}

#[test]
fn seeds_articles_carry_the_theme_a_reader_gives_them() {
    let five_names = "supply chains and critical minerals; technological sovereignty; export controls on AI; bilateral AI partnerships; energy and agri-tech";
    // The seeds alone, as README's command runs them: scores relative to the corpus must
    // not need unrelated text around to come out right.
    let alone = json(&silica(
        &[
            "themes", "seeds", "--format", "json", "--themes", five_names,
        ],
        &repo_root(),
    ));
    for (article, theme) in [
        ("000", "bilateral AI partnerships"),
        ("001", "supply chains and critical minerals"),
        ("002", "technological sovereignty"),
        ("003", "export controls on AI"),
        ("004", "energy and agri-tech"),
    ] {
        assert_eq!(
            dominant_theme(&alone, article),
            theme,
            "{article}, seeds alone"
        );
    }

    let dir = seeds_with_unrelated();
    let five = json(&silica(
        &["themes", ".", "--format", "json", "--themes", five_names],
        dir.path(),
    ));
    for (article, theme) in [
        ("000", "bilateral AI partnerships"),
        ("001", "supply chains and critical minerals"),
        ("002", "technological sovereignty"),
        ("003", "export controls on AI"),
        ("004", "energy and agri-tech"),
        ("recipe", "other"),
        ("football", "other"),
    ] {
        assert_eq!(dominant_theme(&five, article), theme, "{article}");
    }
    // Every assignment says how sure it is; the summary counts confident and borderline.
    for item in five["items"].as_array().unwrap() {
        assert!(
            item["theme_score"].is_number() && item["margin"].is_number(),
            "{item}"
        );
        assert!(item["runner_up"].is_string(), "{item}");
        let confidence = item["confidence"].as_str().unwrap();
        assert_eq!(confidence == "other", item["theme"] == "other", "{item}");
    }
    for t in five["themes"].as_array().unwrap() {
        assert_eq!(
            t["items"].as_u64().unwrap(),
            t["confident"].as_u64().unwrap() + t["borderline"].as_u64().unwrap()
        );
    }

    let three = json(&silica(
        &[
            "themes",
            ".",
            "--format",
            "json",
            "--themes",
            "supply chains; sovereignty; export control",
        ],
        dir.path(),
    ));
    let theme_of = |needle: &str| -> Vec<String> {
        three["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["text"].as_str().unwrap().contains(needle))
            .map(|i| i["theme"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(dominant_theme(&three, "001"), "supply chains");
    // The key passage of each article.
    let sta = theme_of("Par le biais de la Sovereign Technology Alliance");
    assert!(
        !sta.is_empty() && sta.iter().all(|t| t == "sovereignty"),
        "{sta:?}"
    );
    let revocation = theme_of("révoquer la « règle de diffusion »");
    assert!(
        !revocation.is_empty() && revocation.iter().all(|t| t == "export control"),
        "{revocation:?}"
    );
    let supply = theme_of("sécuriser les chaînes d'approvisionnement");
    assert!(
        !supply.is_empty() && supply.iter().all(|t| t == "supply chains"),
        "{supply:?}"
    );
}

#[test]
fn a_duplicate_document_is_reported_with_its_twin() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        "Chip export licences tightened\\n\\nThe commerce department tightened licences for exports of advanced chip-making equipment to several countries.",
        "Drought forces water rationing\\n\\nThe regional government ordered water rationing in forty towns after the driest spring in sixty years.",
        "Chip export licences tightened\\n\\nThe commerce department tightened licences for exports of advanced chip-making equipment to several countries.",
        "Port congestion delays shipping\\n\\nContainer ships waited a week outside the port as strikes and storms slowed unloading at the terminals.",
    ];
    let jsonl: String = rows
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{{\"id\": \"n{i}\", \"text\": \"{t}\"}}\n"))
        .collect();
    std::fs::write(dir.path().join("news.jsonl"), jsonl).unwrap();
    let out = silica(
        &[
            "themes",
            "news.jsonl",
            "--unit",
            "document",
            "--k",
            "2",
            "--format",
            "json",
            "--themes",
            "export controls; drought; shipping",
        ],
        dir.path(),
    );
    let report = json(&out);
    let ids = |key: &str| -> Vec<String> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("documents"), ["n0", "n1", "n2", "n3"]);
    let mut items = ids("items");
    items.sort();
    assert_eq!(items, ["n0", "n1", "n2", "n3"]);
    let item = |id: &str| {
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let (twin, original) = (item("n2"), item("n0"));
    assert_eq!(twin["duplicate_of"], "n0");
    assert_eq!(twin["cluster"], original["cluster"]);
    assert_eq!(twin["theme"], original["theme"]);
    assert_eq!(report["documents"][2]["duplicate_of"], "n0");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("repeats") && !err.contains("nothing left"),
        "{err}"
    );
}

/// The PIAF slice (40 French paragraphs, labelled) as JSONL rows in a given order.
fn piaf_rows() -> Vec<String> {
    std::fs::read_to_string(repo_root().join("tests/data/eval/piaf-themes-slice.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn themes_of(dir: &std::path::Path, rows: &[String], extra: &[&str]) -> serde_json::Value {
    std::fs::write(dir.join("in.jsonl"), rows.join("\n") + "\n").unwrap();
    let mut args = vec!["themes", "in.jsonl", "--format", "json"];
    if !extra.contains(&"--k") {
        args.extend(["--k", "4"]);
    }
    args.extend_from_slice(extra);
    json(&silica(&args, dir))
}

/// Everything but where each row sat in the file.
fn without_sources(mut report: serde_json::Value) -> serde_json::Value {
    for list in ["items", "documents"] {
        for row in report[list].as_array_mut().unwrap() {
            row.as_object_mut().unwrap().remove("source");
        }
    }
    report
}

#[test]
fn the_input_order_changes_nothing_but_the_line_each_row_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let rows = piaf_rows();
    for algorithm in ["kmeans", "spectral"] {
        let first = without_sources(themes_of(dir.path(), &rows, &["--algorithm", algorithm]));
        for shuffle in 1..3u64 {
            let mut shuffled = rows.clone();
            // A fixed permutation per shuffle: rows ordered by a hash of (shuffle, row).
            shuffled.sort_by_key(|r| {
                blake3::hash(format!("{shuffle}{r}").as_bytes())
                    .to_hex()
                    .to_string()
            });
            assert_ne!(shuffled, rows);
            let again = without_sources(themes_of(
                dir.path(),
                &shuffled,
                &["--algorithm", algorithm],
            ));
            assert_eq!(first, again, "{algorithm}, shuffle {shuffle}");
        }
    }
}

/// Adjusted Rand index by counting pairs one by one (independent of the library's
/// contingency-table formula).
fn pair_counting_ari(a: &[i64], b: &[i64]) -> f64 {
    let n = a.len();
    let (mut both, mut in_a, mut in_b) = (0f64, 0f64, 0f64);
    for i in 0..n {
        for j in i + 1..n {
            let (sa, sb) = (a[i] == a[j], b[i] == b[j]);
            both += (sa && sb) as u8 as f64;
            in_a += sa as u8 as f64;
            in_b += sb as u8 as f64;
        }
    }
    let pairs = (n * (n - 1) / 2) as f64;
    let expected = in_a * in_b / pairs;
    (both - expected) / ((in_a + in_b) / 2.0 - expected)
}

#[test]
fn the_trust_panels_stability_is_the_ari_of_the_runs_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let rows = piaf_rows();
    let report = themes_of(
        dir.path(),
        &rows,
        &[
            "--algorithm",
            "kmeans",
            "--restarts",
            "1",
            "--stability-runs",
            "3",
        ],
    );
    let stability = &report["trust"]["stability"];
    let seeds: Vec<u64> = stability["seeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert_eq!(seeds, vec![42, 43, 44]);
    let labels = |r: &serde_json::Value| -> Vec<i64> {
        r["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["cluster"].as_i64().unwrap())
            .collect()
    };
    let runs: Vec<Vec<i64>> = seeds
        .iter()
        .map(|s| {
            let seed = s.to_string();
            let r = themes_of(
                dir.path(),
                &rows,
                &[
                    "--algorithm",
                    "kmeans",
                    "--restarts",
                    "1",
                    "--stability-runs",
                    "1",
                    "--seed",
                    &seed,
                ],
            );
            assert!(r["trust"].get("stability").is_none());
            labels(&r)
        })
        .collect();
    assert_eq!(runs[0], labels(&report));
    let scores = [
        pair_counting_ari(&runs[0], &runs[1]),
        pair_counting_ari(&runs[0], &runs[2]),
        pair_counting_ari(&runs[1], &runs[2]),
    ];
    let mean = scores.iter().sum::<f64>() / 3.0;
    let min = scores.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(
        (stability["mean_ari"].as_f64().unwrap() - mean).abs() < 1e-4,
        "{stability} vs {mean}"
    );
    assert!(
        (stability["min_ari"].as_f64().unwrap() - min).abs() < 1e-4,
        "{stability} vs {min}"
    );
    let clusters = report["trust"]["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), report["clusters"].as_array().unwrap().len());
    for c in clusters {
        let s = c["stability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s), "{c}");
    }
    assert!(report["run"]["input_hash"].as_str().unwrap().len() == 64);
}

#[test]
fn a_previous_report_keeps_stable_ids_and_says_what_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let rows = piaf_rows();
    let spectral = ["--algorithm", "spectral"];
    let first = themes_of(dir.path(), &rows, &spectral);
    std::fs::write(dir.path().join("previous.json"), first.to_string()).unwrap();
    // The same input again: every cluster continues its previous self, label included.
    let mut with_previous = spectral.to_vec();
    with_previous.extend(["--previous", "previous.json"]);
    let again = themes_of(dir.path(), &rows, &with_previous);
    for (a, b) in first["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .zip(again["clusters"].as_array().unwrap())
    {
        assert_eq!(a["stable_id"], b["stable_id"]);
        assert_eq!(a["label"], b["label"]);
        assert_eq!(b["lineage"]["status"], "continued", "{b}");
    }
    let changes = &again["changes"];
    assert_eq!(changes["new"], serde_json::json!([]));
    assert_eq!(changes["faded"], serde_json::json!([]));
    assert_eq!(changes["settings"], serde_json::json!([]));
    // Texts about something else entirely, with one more cluster: a new theme, a new id.
    let mut more = rows.clone();
    for i in 0..8 {
        more.push(
            serde_json::json!({
                "id": format!("recette{i}"),
                "text": format!("Recette de cuisine numéro {i} : faire fondre le beurre, ajouter la farine et le lait, remuer la sauce béchamel à feu doux puis saler et poivrer."),
            })
            .to_string(),
        );
    }
    let mut k5 = with_previous.clone();
    k5.extend(["--k", "5"]);
    let grown = themes_of(dir.path(), &more, &k5);
    let new: Vec<u64> = grown["changes"]["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(new.len(), 1, "{}", grown["changes"]);
    assert!(new[0] >= first["next_stable_id"].as_u64().unwrap());
    let recipes = grown["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stable_id"].as_u64() == Some(new[0]))
        .unwrap();
    let members: Vec<&str> = recipes["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        members.iter().filter(|m| m.starts_with("recette")).count() >= 7,
        "{members:?}"
    );
    let settings = &grown["changes"]["settings"];
    assert!(
        settings.as_array().unwrap().iter().any(|s| s["key"] == "k"),
        "{settings}"
    );
}

#[test]
fn a_previous_report_that_is_not_one_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.jsonl"), piaf_rows().join("\n")).unwrap();
    std::fs::write(dir.path().join("old.json"), "{\"not\": \"a report\"}").unwrap();
    let out = silica(
        &["themes", "in.jsonl", "--previous", "old.json"],
        dir.path(),
    );
    one_line_error(&out, &["old.json", "not a silica themes report"]);
}
