//! Texts kept between reading a corpus and cutting it: every new document must be read
//! (its short lines counted) before the first is cut, so their texts wait. Up to a budget
//! they wait in memory; past it they go to an anonymous temporary file, read back one at a
//! time, so that a corpus of any size is never held whole.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

/// Bytes of text held in memory before the rest goes to disk.
pub const MEMORY_BUDGET: usize = 64 << 20;

enum Place {
    Memory(String),
    /// Offset and length in the spill file.
    Disk(u64, usize),
    Taken,
}

/// Texts in the order they were put, each taken back once.
pub struct HeldTexts {
    places: Vec<Place>,
    in_memory: usize,
    budget: usize,
    spill: Option<BufWriter<File>>,
    written: u64,
    reader: Option<File>,
}

impl HeldTexts {
    pub fn new(budget: usize) -> Self {
        Self {
            places: Vec::new(),
            in_memory: 0,
            budget,
            spill: None,
            written: 0,
            reader: None,
        }
    }

    /// Keeps `text`; returns its number (0, 1, 2, ... in order).
    pub fn put(&mut self, text: String) -> Result<usize> {
        let n = self.places.len();
        if self.in_memory + text.len() <= self.budget {
            self.in_memory += text.len();
            self.places.push(Place::Memory(text));
            return Ok(n);
        }
        if self.spill.is_none() {
            let file = tempfile::tempfile()
                .context("cannot create a temporary file for the texts read")?;
            self.spill = Some(BufWriter::new(file));
        }
        let spill = self.spill.as_mut().expect("created above");
        spill
            .write_all(text.as_bytes())
            .context("cannot write the texts read to a temporary file")?;
        self.places.push(Place::Disk(self.written, text.len()));
        self.written += text.len() as u64;
        Ok(n)
    }

    /// Takes text `n` back.
    pub fn take(&mut self, n: usize) -> Result<String> {
        match std::mem::replace(&mut self.places[n], Place::Taken) {
            Place::Memory(text) => {
                self.in_memory -= text.len();
                Ok(text)
            }
            Place::Disk(offset, len) => {
                if self.reader.is_none() {
                    let spill = self.spill.take().expect("a spilled text has a file");
                    let file = spill
                        .into_inner()
                        .map_err(|e| e.into_error())
                        .context("cannot write the texts read to a temporary file")?;
                    self.reader = Some(file);
                }
                let reader = self.reader.as_mut().expect("set above");
                reader.seek(SeekFrom::Start(offset))?;
                let mut bytes = vec![0; len];
                reader
                    .read_exact(&mut bytes)
                    .context("cannot read back a text from the temporary file")?;
                String::from_utf8(bytes).context("a text came back from the temporary file damaged")
            }
            Place::Taken => anyhow::bail!("text {n} was already taken"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_past_the_budget_come_back_from_disk_unchanged() {
        let mut held = HeldTexts::new(10);
        let texts = [
            "short",
            "a longer text past the budget",
            "é😀 and more",
            "tiny",
        ];
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(held.put(t.to_string()).unwrap(), i);
        }
        assert!(held.spill.is_some(), "some went to disk");
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(held.take(i).unwrap(), *t);
        }
        assert!(held.take(0).is_err());
    }
}
