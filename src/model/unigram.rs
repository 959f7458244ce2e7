//! A SentencePiece unigram model that loads in milliseconds: the same pieces as the
//! `tokenizers` crate's `Unigram`, found without its trie.
//!
//! Why by hand: `tokenizers`' `Unigram` builds a trie with one hash map per node; for
//! multilingual-e5's 250,002 pieces that is about 0.75 s and 270 MB (measured here, 2 cores:
//! `Tokenizer::from_file` 0.81 s and 307 MB resident, of which the JSON parse is 0.06 s), paid by
//! every process that tokenizes one text. Double-array tries from crates.io (`crawdad`, `fst`)
//! take 0.18-0.20 s to build over the same pieces. This model keeps the pieces in one hash table
//! (built in a few tens of milliseconds) and looks up each candidate piece of a word directly,
//! bounded by the longest piece that starts with the same character. The rest of the tokenizer
//! (normalizer, pre-tokenizer, added tokens, post-processor) is still the crate's, plugged in
//! through its `Model` trait, and `tests/tokenizer.rs` checks ids and offsets against the crate's
//! own `Unigram` on every text the tests carry and on random text.
//!
//! The search is the crate's `encode_optimized` (SentencePiece's Viterbi over a word): the best
//! path score per byte position, candidates visited from the shortest, ties kept by the first,
//! an unknown character scored `min_score - 10` when no piece covers it alone, and consecutive
//! unknown characters fused into one `<unk>`.

use hashbrown::HashTable;
use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use tokenizers::models::unigram::UnigramTrainer;
use tokenizers::{Model, Token};

/// The score penalty of an unknown character below the lowest piece's score (SentencePiece's
/// `kUnkPenalty`).
const UNKNOWN_PENALTY: f64 = 10.0;

/// A unigram vocabulary with a direct piece look-up.
pub struct CompactUnigram {
    /// Pieces and their log-probabilities, by id.
    pieces: Vec<(String, f64)>,
    /// Ids by piece text. A piece listed twice maps to its last id, as in the crate.
    ids: HashTable<u32>,
    hasher: hashbrown::DefaultHashBuilder,
    /// The longest piece (in bytes) that starts with a given character; characters with no
    /// piece are absent. Bounds the candidates tried at each position.
    longest_by_first_char: HashMap<char, usize>,
    min_score: f64,
    unk_id: Option<u32>,
    byte_fallback: bool,
}

/// The `model` object of a `tokenizer.json` whose type is Unigram.
#[derive(Deserialize)]
struct UnigramFile {
    #[serde(rename = "type")]
    kind: Option<String>,
    vocab: Vec<(String, f64)>,
    unk_id: Option<usize>,
    #[serde(default)]
    byte_fallback: bool,
}

/// What went wrong when a unigram vocabulary was refused.
#[derive(Debug, thiserror::Error)]
pub enum UnigramError {
    #[error("the model is not a Unigram model")]
    NotUnigram,
    #[error("the unigram vocabulary is empty")]
    EmptyVocabulary,
    #[error("unk_id {0} is outside the vocabulary of {1} pieces")]
    UnknownIdOutside(usize, usize),
    #[error("an unknown character was met but the vocabulary has no unk_id")]
    NoUnknownId,
}

impl CompactUnigram {
    /// Builds the look-up tables from pieces and scores, as `Unigram::from` does.
    pub fn new(
        pieces: Vec<(String, f64)>,
        unk_id: Option<usize>,
        byte_fallback: bool,
    ) -> Result<Self, UnigramError> {
        if pieces.is_empty() {
            return Err(UnigramError::EmptyVocabulary);
        }
        if let Some(unk) = unk_id.filter(|&u| u >= pieces.len()) {
            return Err(UnigramError::UnknownIdOutside(unk, pieces.len()));
        }
        let hasher = hashbrown::DefaultHashBuilder::default();
        let mut ids = HashTable::with_capacity(pieces.len());
        let mut longest_by_first_char: HashMap<char, usize> = HashMap::new();
        let mut min_score = f64::INFINITY;
        for (id, (piece, score)) in pieces.iter().enumerate() {
            let hash = hasher.hash_one(piece.as_str());
            match ids.find_mut(hash, |&other: &u32| pieces[other as usize].0 == *piece) {
                Some(existing) => *existing = id as u32,
                None => {
                    ids.insert_unique(hash, id as u32, |&other: &u32| {
                        hasher.hash_one(pieces[other as usize].0.as_str())
                    });
                }
            }
            if let Some(first) = piece.chars().next() {
                let longest = longest_by_first_char.entry(first).or_default();
                *longest = (*longest).max(piece.len());
            }
            min_score = min_score.min(*score);
        }
        Ok(Self {
            pieces,
            ids,
            hasher,
            longest_by_first_char,
            min_score,
            unk_id: unk_id.map(|u| u as u32),
            byte_fallback,
        })
    }

    fn id_of(&self, piece: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(piece);
        self.ids
            .find(hash, |&id| self.pieces[id as usize].0 == piece)
            .copied()
    }

    /// The best segmentation of `word` into pieces, as byte ranges with their ids (`None` for
    /// a run of unknown characters, fused into one).
    fn segment(&self, word: &str) -> Result<Vec<(usize, usize, Option<u32>)>, UnigramError> {
        #[derive(Clone, Copy)]
        struct BestPath {
            score: f64,
            /// Where the last piece of the best path ending here starts; `None` while no path
            /// reaches this position.
            start: Option<usize>,
            id: u32,
        }
        let size = word.len();
        let unknown_score = self.min_score - UNKNOWN_PENALTY;
        let mut best = vec![
            BestPath {
                score: 0.0,
                start: None,
                id: 0
            };
            size + 1
        ];
        for (start, first) in word.char_indices() {
            let here = best[start].score;
            let char_len = first.len_utf8();
            let longest = self
                .longest_by_first_char
                .get(&first)
                .map_or(0, |&l| l.min(size - start));
            let mut covers_char = false;
            let mut end = start + char_len;
            while end <= start + longest {
                if let Some(id) = self.id_of(&word[start..end]) {
                    let score = here + self.pieces[id as usize].1;
                    let target = &mut best[end];
                    if target.start.is_none() || score > target.score {
                        *target = BestPath {
                            score,
                            start: Some(start),
                            id,
                        };
                    }
                    covers_char |= end == start + char_len;
                }
                end += word[end..].chars().next().map_or(1, char::len_utf8);
            }
            if !covers_char {
                let unk = self.unk_id.ok_or(UnigramError::NoUnknownId)?;
                let score = here + unknown_score;
                let target = &mut best[start + char_len];
                if target.start.is_none() || score > target.score {
                    *target = BestPath {
                        score,
                        start: Some(start),
                        id: unk,
                    };
                }
            }
        }
        let mut pieces = Vec::new();
        let mut end = size;
        while end > 0 {
            let node = best[end];
            let start = node.start.expect("every position of a word is reached");
            let is_unknown = Some(node.id) == self.unk_id;
            match pieces.last_mut() {
                // Walking backwards: an unknown character before an unknown run joins it.
                Some((run_start, _, None)) if is_unknown => *run_start = start,
                _ => pieces.push((start, end, (!is_unknown).then_some(node.id))),
            }
            end = start;
        }
        pieces.reverse();
        Ok(pieces)
    }
}

impl<'de> Deserialize<'de> for CompactUnigram {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let file = UnigramFile::deserialize(deserializer)?;
        if file.kind.as_deref().is_some_and(|k| k != "Unigram") {
            return Err(D::Error::custom(UnigramError::NotUnigram));
        }
        Self::new(file.vocab, file.unk_id, file.byte_fallback).map_err(D::Error::custom)
    }
}

impl Model for CompactUnigram {
    type Trainer = UnigramTrainer;

    fn tokenize(&self, sequence: &str) -> tokenizers::Result<Vec<Token>> {
        let mut tokens = Vec::new();
        for (start, end, id) in self.segment(sequence)? {
            let piece = &sequence[start..end];
            // A fused unknown run that happens to spell a piece is that piece, as in the crate.
            let id = id.or_else(|| self.id_of(piece));
            let id = match id {
                Some(id) => id,
                None => {
                    if self.byte_fallback {
                        let bytes: Option<Vec<Token>> = piece
                            .bytes()
                            .map(|byte| {
                                let name = format!("<0x{byte:02X}>");
                                self.id_of(&name)
                                    .map(|id| Token::new(id, name, (start, end)))
                            })
                            .collect();
                        if let Some(bytes) = bytes {
                            tokens.extend(bytes);
                            continue;
                        }
                    }
                    self.unk_id.ok_or(UnigramError::NoUnknownId)?
                }
            };
            tokens.push(Token::new(id, piece.to_string(), (start, end)));
        }
        Ok(tokens)
    }

    fn token_to_id(&self, token: &str) -> Option<u32> {
        self.id_of(token)
    }

    fn id_to_token(&self, id: u32) -> Option<String> {
        self.pieces.get(id as usize).map(|(p, _)| p.clone())
    }

    fn get_vocab(&self) -> std::collections::HashMap<String, u32> {
        self.ids
            .iter()
            .map(|&id| (self.pieces[id as usize].0.clone(), id))
            .collect()
    }

    fn get_vocab_size(&self) -> usize {
        self.pieces.len()
    }

    fn save(&self, _folder: &Path, _prefix: Option<&str>) -> tokenizers::Result<Vec<PathBuf>> {
        Err("silica's unigram model is read-only; save the original tokenizer.json".into())
    }

    fn get_trainer(&self) -> UnigramTrainer {
        UnigramTrainer::default()
    }
}
