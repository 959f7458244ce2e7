//! A second run over unchanged documents loads neither the tokenizer nor the weights: token
//! counts and vectors come from the cache, the model's fingerprint from its memo. Checked
//! through the binary's own log lines, with the real model.

mod common;

use std::path::Path;
use std::process::Output;

fn silica(args: &[&str], cwd: &Path, cache: &Path) -> Output {
    common::provisioned_model("multilingual-e5-small");
    common::silica_command(cwd)
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("SILICA_LOG", "info")
        .output()
        .unwrap()
}

#[test]
fn a_warm_run_loads_no_model_and_gives_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let seeds = common::repo_root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    let args = [
        "themes",
        seeds,
        "--format",
        "json",
        "--themes",
        "supply chains; export controls",
    ];

    let cold = silica(&args, tmp.path(), &cache);
    assert!(
        cold.status.success(),
        "{}",
        String::from_utf8_lossy(&cold.stderr)
    );
    let log = String::from_utf8_lossy(&cold.stderr);
    assert!(
        log.contains("tokenizer loaded") && log.contains("weights loaded"),
        "{log}"
    );
    assert!(cache.join("silica/fingerprints.json").is_file());

    let warm = silica(&args, tmp.path(), &cache);
    assert!(
        warm.status.success(),
        "{}",
        String::from_utf8_lossy(&warm.stderr)
    );
    let log = String::from_utf8_lossy(&warm.stderr);
    assert!(!log.contains("tokenizer loaded"), "{log}");
    assert!(!log.contains("weights loaded"), "{log}");
    assert_eq!(
        cold.stdout, warm.stdout,
        "the warm report differs from the cold one"
    );

    // A new text needs the model again, and gets it.
    let new = silica(
        &[
            "similarity",
            "Une phrase jamais vue.",
            "A sentence never seen.",
        ],
        tmp.path(),
        &cache,
    );
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let log = String::from_utf8_lossy(&new.stderr);
    assert!(
        log.contains("tokenizer loaded") && log.contains("weights loaded"),
        "{log}"
    );
}
