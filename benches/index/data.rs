//! The vectors the index benches search: real embeddings from an .npy file and noisy
//! copies of them, or synthetic clusters. Shared by `scaling.rs` and `postgres.rs`.

use silica::index::{AnnParams, IndexSettings, NewDocument, NewPassage};

pub const DIM: usize = 384;

/// The settings of an index of these vectors (no model made them).
pub fn synthetic_settings(ann: AnnParams) -> IndexSettings {
    IndexSettings {
        model: "synthetic".into(),
        fingerprint: "synthetic".into(),
        dim: DIM,
        passage_prompt: String::new(),
        max_tokens: 512,
        overlap: 0,
        min_chars: 40,
        keep_all: false,
        keep_duplicates: false,
        ann,
    }
}

/// One document per vector, with one passage holding it: rows `chunk` of `data`, named
/// by `ids`.
pub fn one_passage_documents<'a>(
    ids: &'a [String],
    data: &'a [f32],
    chunk: &[usize],
) -> Vec<NewDocument<'a>> {
    chunk
        .iter()
        .map(|&i| NewDocument {
            id: &ids[i],
            source: &ids[i],
            file: &ids[i],
            hash: "h",
            title: None,
            lang: None,
            date: None,
            lines: &[],
            passages: vec![NewPassage {
                id: &ids[i],
                start: 0,
                end: 1,
                lang: None,
                text: "x",
                vector: &data[i * DIM..(i + 1) * DIM],
                key: None,
            }],
        })
        .collect()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unif(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f32 {
        let u = self.unif().max(1e-12);
        let v = self.unif();
        ((-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()) as f32
    }
}

/// Vectors around real ones: the first `base.len()` rows are the real ones, the rest noisy
/// copies of random ones.
pub fn around_real(base: &[Vec<f32>], n: usize, seed: u64, noisy_only: bool) -> Vec<f32> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
    let mut out = Vec::with_capacity(n * DIM);
    for i in 0..n {
        let real = if i < base.len() && !noisy_only {
            base[i].clone()
        } else {
            let origin = if noisy_only {
                &base[i % base.len()]
            } else {
                &base[(r.next() % base.len() as u64) as usize]
            };
            let mut v: Vec<f32> = origin.iter().map(|x| x + 0.025 * r.normal()).collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
            v
        };
        out.extend_from_slice(&real);
    }
    out
}

pub fn read_npy(path: &str) -> Vec<Vec<f32>> {
    let bytes = std::fs::read(path).expect("SILICA_BENCH_VECTORS: cannot read");
    let npy = npyz::NpyFile::new(&bytes[..]).expect("SILICA_BENCH_VECTORS: not an .npy file");
    assert_eq!(
        npy.shape().get(1),
        Some(&(DIM as u64)),
        "need {DIM}-d vectors"
    );
    let data: Vec<f32> = npy.into_vec().expect("SILICA_BENCH_VECTORS: not f32");
    data.chunks_exact(DIM).map(<[f32]>::to_vec).collect()
}

pub fn vectors(n: usize, seed: u64) -> Vec<f32> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ 12345);
    let centres = 1000;
    let c: Vec<f32> = (0..centres * DIM).map(|_| r.normal()).collect();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
    let mut out = vec![0f32; n * DIM];
    for row in out.chunks_exact_mut(DIM) {
        let k = (r.next() % centres as u64) as usize;
        for (d, x) in row.iter_mut().enumerate() {
            *x = c[k * DIM + d] + 1.2 * r.normal();
        }
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        row.iter_mut().for_each(|x| *x /= norm);
    }
    out
}
