//! `silica embed` end to end through the real binary: outputs, inputs, and bad input
//! (one-line error naming the file, non-zero exit, no output file left behind).

mod common;

use common::{provisioned_model, repo_root, silica_command, write_tiny_model};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn silica(args: &[&str], cwd: &Path) -> Output {
    silica_command(cwd)
        .args(args)
        // No user hub cache, no stray models: every test says where its model is.
        .env("HF_HOME", cwd.join("hf-home"))
        .env("SILICA_MODELS_DIR", cwd.join("no-models"))
        // The embedding cache stays in the test's directory, never the user's.
        .env("XDG_CACHE_HOME", cwd.join("xdg-cache"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A work directory with a tiny model in `model/` and a few inputs.
fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model");
    write_tiny_model(&model);
    std::fs::write(dir.path().join("a.txt"), "the cat sat on the mat").unwrap();
    std::fs::write(dir.path().join("b.md"), "# le chat\n\nle chat sur un tapis").unwrap();
    std::fs::write(
        dir.path().join("rows.jsonl"),
        "{\"id\": \"r1\", \"text\": \"a dog\"}\n{\"id\": \"r2\", \"text\": \"the dog sat\"}\n",
    )
    .unwrap();
    (dir, model)
}

/// The error of a failed run: exit code 1, exactly one line on stderr, naming `needle`.
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    for needle in needles {
        assert!(lines[0].contains(needle), "{needle:?} not in {err}");
    }
}

#[test]
fn jsonl_on_stdout_one_row_per_document() {
    let (dir, _) = workdir();
    let out = silica(
        &["embed", "a.txt", "b.md", "rows.jsonl", "--model", "model"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a.txt#0", "b.md#0", "r1#0", "r2#0"],
        "one passage each"
    );
    assert_eq!(rows[3]["source"], "rows.jsonl:2");
    assert_eq!(
        (rows[0]["start"].as_u64(), rows[0]["end"].as_u64()),
        (Some(0), Some(22))
    );
    assert_eq!(rows[0]["text"], "the cat sat on the mat");
    assert_eq!(
        rows[0]["embedding"].as_array().unwrap().len(),
        common::TINY_HIDDEN
    );
    assert!(
        stderr(&out).contains("embedded 4 passages"),
        "{}",
        stderr(&out)
    );
    let out = silica(
        &[
            "embed",
            "a.txt",
            "rows.jsonl",
            "--model",
            "model",
            "--unit",
            "document",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a.txt", "r1", "r2"]);
}

#[test]
fn npy_and_safetensors_outputs() {
    let (dir, _) = workdir();
    let out = silica(
        &["embed", ".", "--model", "model", "-o", "out/v.npy"],
        dir.path(),
    );
    assert!(!out.status.success(), "no out/ directory yet");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    for name in ["v.npy", "v.safetensors", "v.jsonl"] {
        let target = format!("out/{name}");
        let out = silica(
            &[
                "embed",
                "a.txt",
                "rows.jsonl",
                "--model",
                "model",
                "-o",
                &target,
                "--no-text",
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let npy = std::fs::read(dir.path().join("out/v.npy")).unwrap();
    let npy = npyz::NpyFile::new(&npy[..]).unwrap();
    assert_eq!(npy.shape(), &[3, common::TINY_HIDDEN as u64]);
    let ids = std::fs::read_to_string(dir.path().join("out/v.npy.ids.json")).unwrap();
    assert_eq!(ids, r#"["a.txt#0","r1#0","r2#0"]"#);
    let jsonl = std::fs::read_to_string(dir.path().join("out/v.jsonl")).unwrap();
    assert!(!jsonl.contains("\"text\""));
    let st = std::fs::read(dir.path().join("out/v.safetensors")).unwrap();
    let tensors = safetensors::SafeTensors::deserialize(&st).unwrap();
    assert_eq!(
        tensors.tensor("embeddings").unwrap().shape(),
        &[3, common::TINY_HIDDEN]
    );
    // The same vectors whatever the format.
    let first_npy: Vec<f32> = npy.into_vec::<f32>().unwrap()[..common::TINY_HIDDEN].to_vec();
    let first_jsonl: serde_json::Value =
        serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    let first_jsonl: Vec<f32> = first_jsonl["embedding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap() as f32)
        .collect();
    assert_eq!(first_npy, first_jsonl);
}

#[test]
fn stdin_is_one_text_per_line() {
    let (dir, _) = workdir();
    let mut child = silica_command(dir.path())
        .args(["embed", "-", "--model", "model", "--no-cache"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"the cat\n\nthe dog\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["stdin:1#0", "stdin:3#0"]);
}

#[test]
fn bad_inputs_are_one_line_errors_and_leave_no_output() {
    let (dir, _) = workdir();
    let d = dir.path();
    std::fs::write(d.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(
        d.join("notext.jsonl"),
        "{\"text\": \"ok\"}\n{\"body\": \"no text field\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let cases: [(&[&str], &[&str]); 6] = [
        (&["binary.txt"], &["binary.txt", "binary file"]),
        (&["notext.jsonl"], &["notext.jsonl:2", "\"text\""]),
        (&["empty.txt"], &["empty.txt", "empty"]),
        (&["missing.txt"], &["missing.txt", "no such file"]),
        (&["a.txt", "--device", "cuda"], &["CUDA", "--features cuda"]),
        (&["a.txt", "--threads", "0"], &["--threads"]),
    ];
    for (inputs, needles) in cases {
        let mut args = vec!["embed"];
        args.extend_from_slice(inputs);
        args.extend_from_slice(&["--model", "model", "-o", "out.jsonl"]);
        if cfg!(feature = "cuda") && inputs.contains(&"cuda") {
            continue;
        }
        let out = silica(&args, d);
        assert_one_line_error(&out, needles);
        assert!(
            !d.join("out.jsonl").exists(),
            "{inputs:?} left an output file"
        );
    }
    let out = silica(
        &["embed", "a.txt", "--model", "model", "-o", "out.parquet"],
        d,
    );
    assert_one_line_error(&out, &["out.parquet", ".npy"]);
}

#[test]
fn broken_models_are_one_line_errors_naming_the_file() {
    let (dir, model) = workdir();
    let d = dir.path();
    // Truncated weights.
    let weights = model.join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() - 100]).unwrap();
    let out = silica(&["embed", "a.txt", "--model", "model", "-o", "out.npy"], d);
    assert_one_line_error(&out, &["model.safetensors"]);
    assert!(!d.join("out.npy").exists() && !d.join("out.npy.ids.json").exists());
    // No weights at all.
    std::fs::remove_file(&weights).unwrap();
    let out = silica(&["embed", "a.txt", "--model", "model"], d);
    assert_one_line_error(&out, &["model", "no model.safetensors"]);
    // A tokenizer from another model.
    write_tiny_model(&model);
    let config = model.join("config.json");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace(
        &format!("\"vocab_size\":{}", vocab_size(&text)),
        "\"vocab_size\":20",
    );
    std::fs::write(&config, text).unwrap();
    let out = silica(&["embed", "a.txt", "--model", "model"], d);
    assert_one_line_error(&out, &["tokenizer.json", "vocab_size 20"]);
}

fn vocab_size(config: &str) -> u64 {
    serde_json::from_str::<serde_json::Value>(config).unwrap()["vocab_size"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_model_found_nowhere_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "text").unwrap();
    let out = silica(&["embed", "a.txt"], dir.path());
    assert_one_line_error(
        &out,
        &[
            "intfloat/multilingual-e5-small",
            "no-models/multilingual-e5-small/",
            "Hugging Face cache",
            "models/fetch",
        ],
    );
}

/// The default model resolves to the offline copy, and its vectors do not depend on the
/// thread count.
#[test]
fn default_model_from_models_dir_is_thread_count_invariant() {
    provisioned_model("multilingual-e5-small");
    let root = repo_root();
    let run = |threads: &str| {
        let out = silica_command(&root)
            .args([
                "embed",
                "seeds/",
                "--no-text",
                "--no-cache",
                "--threads",
                threads,
            ])
            .env_remove("SILICA_MODELS_DIR")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("intfloat/multilingual-e5-small"),
            "{}",
            stderr(&out)
        );
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    assert!(
        String::from_utf8_lossy(&one).lines().count() > 5,
        "the five seed articles make more passages than documents"
    );
    assert!(one == two, "vectors differ between 1 and 2 threads");
}

#[test]
fn other_encodings_are_detected_and_said() {
    let (dir, _) = workdir();
    let d = dir.path();
    std::fs::write(d.join("latin1.txt"), b"le caf\xe9 est pr\xeat").unwrap();
    let out = silica(&["embed", "latin1.txt", "--model", "model"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("latin1.txt: not UTF-8, decoded as windows-1252"),
        "{}",
        stderr(&out)
    );
    let row: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(row["text"], "le café est prêt");
    // Forced: the same bytes read as UTF-8 are refused.
    let out = silica(
        &[
            "embed",
            "latin1.txt",
            "--model",
            "model",
            "--encoding",
            "utf-8",
        ],
        d,
    );
    assert_one_line_error(&out, &["latin1.txt", "not valid UTF-8"]);
}

/// A document longer than the window is the normalised mean of its passage vectors; a
/// short one is embedded whole.
#[test]
fn document_unit_averages_the_passages_of_long_documents() {
    let (dir, _) = workdir();
    let d = dir.path();
    let long =
        "The cat sat on the mat. The dog sat on a mat too. A cat and a dog sat on the mat.\n\n"
            .repeat(3);
    std::fs::write(d.join("long.txt"), long).unwrap();
    let rows = |args: &[&str]| -> Vec<(String, Vec<f64>)> {
        let out = silica(args, d);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let e = v["embedding"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect();
                (v["id"].as_str().unwrap().to_string(), e)
            })
            .collect()
    };
    let docs = rows(&[
        "embed", "long.txt", "a.txt", "--model", "model", "--unit", "document",
    ]);
    let passages = rows(&[
        "embed",
        "long.txt",
        "a.txt",
        "--model",
        "model",
        "--keep-duplicates",
    ]);
    let of_long: Vec<&Vec<f64>> = passages
        .iter()
        .filter(|(id, _)| id.starts_with("long.txt#"))
        .map(|(_, e)| e)
        .collect();
    assert!(
        of_long.len() > 1,
        "the long document spans several passages"
    );
    let mut mean = vec![0f64; of_long[0].len()];
    for e in &of_long {
        for (m, x) in mean.iter_mut().zip(e.iter()) {
            *m += x;
        }
    }
    let norm = mean.iter().map(|x| x * x).sum::<f64>().sqrt();
    let mean: Vec<f64> = mean.iter().map(|x| x / norm).collect();
    let cos = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    assert_eq!(docs[0].0, "long.txt");
    assert!(cos(&docs[0].1, &mean) > 0.99999, "mean of passages");
    // a.txt fits the window: its vector is its only passage's.
    let a_passage = &passages.iter().find(|(id, _)| id == "a.txt#0").unwrap().1;
    assert!(cos(&docs[1].1, a_passage) > 0.99999);
}

#[test]
fn passages_command_lists_passages_and_what_was_dropped() {
    let (dir, _) = workdir();
    let d = dir.path();
    let body =
        "The committee met on Tuesday to review the proposal in detail and agreed on a timetable.";
    std::fs::write(
        d.join("page.txt"),
        format!("Section\n\n{body}\n\n#news #policy\n"),
    )
    .unwrap();
    // A real tokenizer: the tiny model's 24-token window would cut the sentence.
    let minilm = provisioned_model("all-MiniLM-L6-v2");
    let minilm = minilm.to_str().unwrap();
    let out = silica(
        &[
            "passages", "page.txt", "--model", minilm, "--format", "jsonl",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    for field in [
        "id",
        "source",
        "index",
        "start",
        "end",
        "byte_start",
        "byte_end",
        "lang",
        "tokens",
        "text",
    ] {
        assert!(rows[0].get(field).is_some(), "{field} missing: {}", rows[0]);
    }
    assert_eq!(rows[0]["text"], body);
    assert_eq!(rows[0]["start"], 9);
    assert!(
        stderr(&out).contains("1 documents (0 dated), 1 passages, 2 lines dropped"),
        "{}",
        stderr(&out)
    );
    let out = silica(
        &["passages", "page.txt", "--model", minilm, "--show-dropped"],
        d,
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(
        listing.contains("page.txt:1") && listing.contains("before the article"),
        "{listing}"
    );
    assert!(
        listing.contains("page.txt:5") && listing.contains("hashtag"),
        "{listing}"
    );
}

/// `silica bench --quantize int8` runs the int8 kernels and names the one this CPU got.
#[test]
fn bench_names_the_int8_kernel() {
    let (dir, _) = workdir();
    let model = provisioned_model("all-MiniLM-L6-v2");
    let out = silica(
        &[
            "bench",
            "--model",
            model.to_str().unwrap(),
            "--passages",
            "20",
            "--runs",
            "1",
            "--quantize",
            "int8",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["weights"], "int8");
    let kernel = report["kernel"].as_str().unwrap();
    let named = ["avx512-vnni", "avx512bw", "avx2", "simd", "portable"]
        .iter()
        .any(|k| kernel.starts_with(&format!("int8 {k} (")));
    assert!(named, "kernel {kernel:?}");
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512vnni") {
        assert!(kernel.starts_with("int8 avx512-vnni"), "{kernel}");
    }
}

/// `silica bench` on the real MiniLM: the built-in sample cycled to --passages, a report
/// with the fields a user sizes hardware by; a --input file is read verbatim.
#[test]
fn bench_reports_throughput_and_memory() {
    let (dir, _) = workdir();
    let model = provisioned_model("all-MiniLM-L6-v2");
    let model = model.to_str().unwrap();
    let out = silica(
        &[
            "bench",
            "--model",
            model,
            "--passages",
            "70",
            "--runs",
            "2",
            "--threads",
            "1",
            "--quantize",
            "q8_0",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["texts"], 70);
    assert_eq!(report["runs"], 2);
    assert_eq!(report["threads"], 1);
    assert_eq!(report["weights"], "q8_0");
    assert_eq!(report["device"], "cpu");
    // the sample: seed passages of tens of tokens each
    let per_text = report["tokens"].as_f64().unwrap() / 70.0;
    assert!(
        (20.0..300.0).contains(&per_text),
        "{per_text} tokens per text"
    );
    assert!(report["passages_per_second"].as_f64().unwrap() > 0.0);
    assert!(report["load_seconds"].as_f64().unwrap() > 0.0);
    if cfg!(target_os = "linux") {
        assert!(report["peak_rss_mib"].as_f64().unwrap() > 10.0);
    }

    std::fs::write(
        dir.path().join("texts.txt"),
        "one text\n\nanother text here\n",
    )
    .unwrap();
    let out = silica(
        &[
            "bench",
            "--model",
            model,
            "--input",
            "texts.txt",
            "--runs",
            "1",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["texts"], 2);
    let table = silica(
        &["bench", "--model", model, "--passages", "5", "--runs", "1"],
        dir.path(),
    );
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(
        table.contains("passages/s") && table.contains("peak memory"),
        "{table}"
    );
}

#[test]
fn bench_bad_input_is_a_one_line_error() {
    let (dir, model) = workdir();
    let model = model.to_str().unwrap();
    let out = silica(&["bench", "--model", model, "--runs", "0"], dir.path());
    assert_one_line_error(&out, &["--runs"]);
    std::fs::write(
        dir.path().join("bad.jsonl"),
        "{\"text\": \"ok\"}\n{\"body\": 1}\n",
    )
    .unwrap();
    let out = silica(
        &["bench", "--model", model, "--input", "bad.jsonl"],
        dir.path(),
    );
    assert_one_line_error(&out, &["bad.jsonl:2", "text"]);
    let out = silica(
        &["bench", "--model", model, "--input", "missing.txt"],
        dir.path(),
    );
    assert_one_line_error(&out, &["missing.txt"]);
}
