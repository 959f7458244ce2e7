//! Differential check: the published whichtime-sys and silica's patched copy
//! (../whichtime-sys, see its SILICA.md) give the same results, every field as Debug prints
//! it, for every text in every one of the twelve locales.
//!
//!     cargo run --release --manifest-path vendor/whichtime-sys-check/Cargo.toml [EVAL_DIR]
//!
//! from the repository root; EVAL_DIR (default ../shared/eval) holds PIAF and STS-B. The
//! texts: PIAF's paragraphs, STS-B sentences four rows at a time in four languages, the
//! seeds and test articles, and 4,000 random mixes of dates of every shape the locales read
//! with noise, each cut at 500 characters (what silica reads) and at 1,200. Where the
//! published crate panics (it slices inside a multi-byte character) the patched one must
//! parse; these are counted. The published crate takes about 40 minutes of CPU here (its
//! French and Italian loops are quadratic); the patched one seconds.
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

fn texts(eval: &str) -> Vec<String> {
    let mut out = Vec::new();
    let piaf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{eval}/piaf/piaf-v1.0.json")).unwrap(),
    )
    .unwrap();
    for a in piaf["data"].as_array().unwrap() {
        for p in a["paragraphs"].as_array().unwrap() {
            out.push(p["context"].as_str().unwrap().to_string());
        }
    }
    for lang in ["fr", "en", "de", "es"] {
        for split in ["dev", "test"] {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_path(format!("{eval}/stsb/stsb-{lang}-{split}.csv"))
                .unwrap();
            let rows: Vec<String> = r
                .records()
                .map(|x| {
                    let x = x.unwrap();
                    format!("{} {}", &x[0], &x[1])
                })
                .collect();
            for chunk in rows.chunks(4) {
                out.push(chunk.join(" "));
            }
        }
    }
    for dir in ["seeds", "tests/data/articles"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
    // Dates of every shape the locales parse, glued into noise.
    let dates = [
        "18 janvier 2026",
        "le 3 mars 2025",
        "mardi 10 janvier 2012",
        "10 - 22 août 2012",
        "24 août 2023 au 26 août 2023",
        "Dim 15 Sept",
        "5 de marzo de 2025",
        "el miércoles 5 de septiembre de 2025",
        "10 al 12 de mayo",
        "3. März 2025",
        "Mittwoch, den 3. September 2025",
        "March 5, 2025",
        "2025-03-05",
        "12/12/2025",
        "11:2712/12/2025",
        "5 marzo 2025",
        "martedì 5 marzo 2025 alle 10:30",
        "2025年3月5日",
        "令和5年3月5日（月）",
        "3月5日から7日",
        "二〇二五年三月五日",
        "下周三",
        "3天内",
        "5 maart 2025",
        "5 de março de 2025",
        "5 марта 2025",
        "5 mars 2025 kl 10",
        "5 березня 2025",
        "31 février 2024",
        "45 décembre 2024",
        "à 9:05 12/12",
        "vendredi prochain",
        "in three weeks",
        "2024 年 12 月 31 日 下午 3 点",
    ];
    let noise = [
        "Le gouvernement a annoncé ",
        "The ministry said on ",
        " et la conférence du ",
        " — AFP ",
        "\n\n",
        " 2025 ",
        " 19h30 ",
        " Die Regierung ",
        " según la agencia ",
        " (mis à jour) ",
        "。",
        "会议于",
        " 12 ",
        " mai ",
        " mar ",
        " dim. ",
    ];
    let mut seed = 12345u64;
    let mut rnd = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..4000 {
        let mut t = String::new();
        for _ in 0..(2 + rnd(10)) {
            if rnd(2) == 0 {
                t.push_str(dates[rnd(dates.len())]);
            } else {
                t.push_str(noise[rnd(noise.len())]);
            }
        }
        out.push(t);
    }
    out
}

fn reference() -> chrono::DateTime<chrono::Local> {
    use chrono::TimeZone;
    chrono::Local
        .with_ymd_and_hms(2000, 1, 1, 12, 0, 0)
        .single()
        .unwrap()
}

fn main() {
    let eval = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval".into());
    let all = texts(&eval);
    // silica reads the first 500 characters; longer pieces cover more of each parser.
    let mut inputs: Vec<String> = Vec::new();
    for t in &all {
        for n in [500usize, 1200] {
            inputs.push(t.chars().take(n).collect());
        }
    }
    inputs.sort();
    inputs.dedup();
    let locales = [
        published::Locale::En,
        published::Locale::De,
        published::Locale::Es,
        published::Locale::Fr,
        published::Locale::It,
        published::Locale::Ja,
        published::Locale::Nl,
        published::Locale::Pt,
        published::Locale::Ru,
        published::Locale::Sv,
        published::Locale::Uk,
        published::Locale::Zh,
    ];
    let plocales = [
        patched::Locale::En,
        patched::Locale::De,
        patched::Locale::Es,
        patched::Locale::Fr,
        patched::Locale::It,
        patched::Locale::Ja,
        patched::Locale::Nl,
        patched::Locale::Pt,
        patched::Locale::Ru,
        patched::Locale::Sv,
        patched::Locale::Uk,
        patched::Locale::Zh,
    ];
    let compared = AtomicUsize::new(0);
    let panics = AtomicUsize::new(0);
    std::panic::set_hook(Box::new(|_| {}));
    let results = AtomicUsize::new(0);
    let mut t_orig = vec![std::time::Duration::ZERO; 12];
    let mut t_patched = vec![std::time::Duration::ZERO; 12];
    for (li, (lo, lp)) in locales.iter().zip(plocales.iter()).enumerate() {
        let o = published::WhichTime::with_locale(*lo);
        let p = patched::WhichTime::with_locale(*lp);
        let times: Vec<(std::time::Duration, std::time::Duration)> = inputs
            .par_iter()
            .map(|text| {
                let t0 = std::time::Instant::now();
                let a = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    format!("{:?}", o.parse(text, Some(reference())))
                })) {
                    Ok(a) => a,
                    Err(_) => {
                        panics.fetch_add(1, Ordering::Relaxed);
                        let _ = p.parse(text, Some(reference())).unwrap();
                        return (t0.elapsed(), std::time::Duration::ZERO);
                    }
                };
                let t1 = std::time::Instant::now();
                let b = format!("{:?}", p.parse(text, Some(reference())));
                let t2 = std::time::Instant::now();
                assert_eq!(a, b, "locale {lo:?} differs on {text:?}");
                compared.fetch_add(1, Ordering::Relaxed);
                results.fetch_add(a.matches("ParsedResult").count(), Ordering::Relaxed);
                (t1 - t0, t2 - t1)
            })
            .collect();
        for (a, b) in times {
            t_orig[li] += a;
            t_patched[li] += b;
        }
        println!(
            "{lo:?}: {} texts, published {:.2?}, patched {:.2?}",
            inputs.len(),
            t_orig[li],
            t_patched[li]
        );
    }
    println!("identical: {} parses, {} results; the published crate panicked on {} (the patched one parsed them)", compared.load(Ordering::Relaxed), results.load(Ordering::Relaxed), panics.load(Ordering::Relaxed));
}
