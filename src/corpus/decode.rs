//! Bytes to text: UTF-8 first; otherwise the encoding is detected (chardetng, the
//! detector Firefox uses) and the text converted (encoding_rs), or forced with `--encoding`.

use anyhow::{bail, Result};
use encoding_rs::Encoding;
use std::path::Path;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name when it was not UTF-8 (said on stderr by the caller).
    pub converted_from: Option<&'static str>,
}

/// Whether bytes look binary: a NUL byte in the first 8 KiB, as git and ripgrep judge.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Resolves an `--encoding` label (`latin1`, `windows-1252`, `shift_jis`, ...).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(encoding) => Ok(encoding),
        None => bail!("unknown encoding {label:?} (use a WHATWG label such as utf-8, windows-1252, latin1, shift_jis)"),
    }
}

/// Decodes a file's bytes. With `forced`, that encoding (malformed bytes are an error);
/// else UTF-8 (a BOM is dropped), else the detected encoding.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>, path: &Path) -> Result<Decoded> {
    if let Some(encoding) = forced {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if had_errors {
            bail!("{}: not valid {} text", path.display(), encoding.name());
        }
        let converted_from = (encoding != encoding_rs::UTF_8).then_some(encoding.name());
        return Ok(Decoded {
            text: text.into_owned(),
            converted_from,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            converted_from: None,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || encoding == encoding_rs::UTF_8 {
        return Err(super::ReadError::NoEncodingFits {
            file: path.to_path_buf(),
        }
        .into());
    }
    Ok(Decoded {
        text: text.into_owned(),
        converted_from: Some(encoding.name()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_and_latin1_is_detected() {
        let p = Path::new("x.txt");
        assert_eq!(
            decode("café".as_bytes(), None, p).unwrap().converted_from,
            None
        );
        let latin1 = b"Le caf\xe9 est d\xe9j\xe0 servi dans la soir\xe9e, pr\xe8s de la f\xeate.";
        let decoded = decode(latin1, None, p).unwrap();
        assert_eq!(
            decoded.text,
            "Le café est déjà servi dans la soirée, près de la fête."
        );
        assert_eq!(decoded.converted_from, Some("windows-1252"));
    }

    #[test]
    fn forced_encodings_and_binary() {
        let p = Path::new("x.txt");
        let forced = encoding_for_label("latin1").unwrap();
        assert_eq!(decode(b"caf\xe9", Some(forced), p).unwrap().text, "café");
        assert!(encoding_for_label("klingon").is_err());
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0"));
        assert!(!looks_binary("plain text".as_bytes()));
    }
}
