//! Raw bytes → text. Detects the encoding (UTF-8, UTF-16 with BOM, legacy 8-bit
//! Windows-1252/ISO-8859-1 archives) and refuses binary files. The returned [`Text`]
//! maps every position back to the input bytes.

use crate::error::{Error, ErrorKind};
use crate::span::Span;
use crate::text::Text;
use encoding_rs::Encoding;

#[derive(Debug)]
pub struct Decoded {
    pub text: Text,
    /// Lowercase WHATWG-style name: `utf-8`, `utf-16le`, `windows-1252`…
    pub encoding: String,
    pub warnings: Vec<String>,
}

/// Signatures of binary formats archives are full of.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x7fELF", "ELF executable"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\xd0\xcf\x11\xe0", "OLE/Word 97"),
    (b"{\\rtf", "RTF"),
];

pub fn decode(bytes: &[u8], forced: Option<&str>) -> Result<Decoded, Error> {
    if let Some(label) = forced {
        let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::new(ErrorKind::Encoding, format!("unknown encoding '{label}'"))
        })?;
        return Ok(decode_with_offset(bytes, 0, encoding));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with_offset(bytes, bom_len, encoding));
    }
    if let Some((_, name)) = BINARY_SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
    {
        return Err(Error::new(
            ErrorKind::NotText,
            format!("not a text file ({name} signature)"),
        ));
    }
    if bytes.contains(&0) {
        return Err(Error::new(
            ErrorKind::NotText,
            "not a text file (contains NUL bytes)",
        ));
    }
    if looks_binary(bytes) {
        return Err(Error::new(
            ErrorKind::NotText,
            "not a text file (mostly control bytes)",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: Text::identity(s.to_string()),
            encoding: "utf-8".into(),
            warnings: vec![],
        }),
        Err(_) if mostly_utf8(bytes) => Ok(decode_utf8_lossy(bytes, 0, bytes.len())),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(Some(b"fr"), false);
            Ok(decode_with_offset(bytes, 0, encoding))
        }
    }
}

/// Control bytes other than tab, newline, carriage return and form feed are rare in text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > sample.len().max(1)
}

/// A UTF-8 file with a few broken bytes (a bad copy-paste) rather than a legacy encoding:
/// it has well-formed multi-byte sequences and invalid ones are a small minority.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction of `valid_up_to`.
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
            }
        }
    }
    valid_multibyte > 0 && invalid <= valid_multibyte
}

/// Decodes `bytes`, found at `base` in an input of `total` bytes, replacing broken
/// sequences.
fn decode_utf8_lossy(bytes: &[u8], base: usize, total: usize) -> Decoded {
    let mut pieces = Vec::new();
    let mut offset = base;
    let mut invalid = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                pieces.push((s.to_string(), Span::new(offset, offset + s.len()), true));
                break;
            }
            Err(e) => {
                let good_len = e.valid_up_to();
                let good = std::str::from_utf8(&rest[..good_len]).unwrap_or_default();
                pieces.push((good.to_string(), Span::new(offset, offset + good_len), true));
                let bad_len = e.error_len().unwrap_or(rest.len() - good_len).max(1);
                let bad_start = offset + good_len;
                pieces.push((
                    "\u{FFFD}".to_string(),
                    Span::new(bad_start, bad_start + bad_len),
                    false,
                ));
                invalid += 1;
                offset = bad_start + bad_len;
                rest = &rest[(good_len + bad_len).min(rest.len())..];
            }
        }
    }
    Decoded {
        text: Text::from_pieces(pieces, total),
        encoding: "utf-8".into(),
        warnings: vec![format!(
            "{invalid} invalid UTF-8 sequence(s) replaced by U+FFFD"
        )],
    }
}

/// Decodes `all[skip..]` (after a byte-order mark) with a known encoding, character by
/// character so that every character maps to the bytes it came from.
fn decode_with_offset(all: &[u8], skip: usize, encoding: &'static Encoding) -> Decoded {
    let name = encoding.name().to_ascii_lowercase();
    let bytes = &all[skip.min(all.len())..];
    if encoding == encoding_rs::UTF_8 {
        let mut decoded = match std::str::from_utf8(bytes) {
            Ok(s) => Decoded {
                text: Text::from_pieces(
                    [(s.to_string(), Span::new(skip, all.len()), true)],
                    all.len(),
                ),
                encoding: name.clone(),
                warnings: vec![],
            },
            Err(_) => decode_utf8_lossy(bytes, skip, all.len()),
        };
        decoded.encoding = name;
        return decoded;
    }
    let mut pieces: Vec<(String, Span, bool)> = Vec::new();
    let mut warnings = Vec::new();
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        let little = encoding == encoding_rs::UTF_16LE;
        let units = bytes.chunks(2).map(|c| match c {
            [a, b] if little => u16::from_le_bytes([*a, *b]),
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        let mut offset = skip;
        for result in char::decode_utf16(units) {
            let (c, width) = match result {
                Ok(c) => (c, c.len_utf16() * 2),
                Err(_) => ('\u{FFFD}', 2),
            };
            let end = (offset + width).min(all.len());
            push_char(&mut pieces, c, Span::new(offset, end));
            offset = end;
        }
        if bytes.len() % 2 == 1 {
            warnings.push("odd number of bytes in a UTF-16 file: last byte ignored".to_string());
        }
    } else if encoding.is_single_byte() {
        // One byte, one character, whatever came before: decoded once per byte value.
        let table: Vec<char> = (0..=255u8)
            .map(|byte| {
                let mut out = String::with_capacity(4);
                let _ = encoding
                    .new_decoder_without_bom_handling()
                    .decode_to_string(&[byte], &mut out, false);
                out.chars().next().unwrap_or('\u{FFFD}')
            })
            .collect();
        for (offset, &byte) in bytes.iter().enumerate() {
            // `table` has an entry for each of the 256 byte values.
            let c = table[usize::from(byte)];
            push_char(&mut pieces, c, Span::new(skip + offset, skip + offset + 1));
        }
    } else {
        // Multi-byte legacy encodings, fed byte by byte so that each character maps to
        // the byte that completed it.
        let mut decoder = encoding.new_decoder_without_bom_handling();
        for (offset, byte) in bytes.iter().enumerate() {
            let mut out = String::with_capacity(4);
            let mut buffer = [0u8; 4];
            buffer[0] = *byte;
            let (_, _, _) = decoder.decode_to_string(&buffer[..1], &mut out, false);
            let c = out.chars().next().unwrap_or('\u{FFFD}');
            push_char(&mut pieces, c, Span::new(skip + offset, skip + offset + 1));
        }
    }
    Decoded {
        text: Text::from_pieces(pieces, all.len()),
        encoding: name,
        warnings,
    }
}

/// Adds a character, extending the previous piece when both are ASCII (identity).
fn push_char(pieces: &mut Vec<(String, Span, bool)>, c: char, orig: Span) {
    let identity = c.is_ascii() && orig.len() == 1;
    if identity {
        if let Some((s, span, true)) = pieces.last_mut() {
            if span.end == orig.start {
                s.push(c);
                span.end = orig.end;
                return;
            }
        }
    }
    pieces.push((c.to_string(), orig, identity));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_identity() {
        let d = decode("Préfet".as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text.as_str(), "Préfet");
    }

    #[test]
    fn windows_1252_maps_each_char_to_its_byte() {
        let bytes = b"Pr\xe9fet de l'\xc9tat, \x80";
        let d = decode(bytes, None).unwrap();
        assert_eq!(d.text.as_str(), "Préfet de l'État, €");
        let pos = d.text.as_str().find("État").unwrap();
        assert_eq!(
            d.text.map_span(Span::new(pos, pos + "État".len())),
            Span::new(12, 16)
        );
    }

    #[test]
    fn utf8_bom_is_skipped_in_offsets() {
        let d = decode("\u{feff}Été".as_bytes(), None).unwrap();
        assert_eq!(d.text.as_str(), "Été");
        assert_eq!(d.text.map_span(Span::new(0, 2)), Span::new(3, 5));
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Marne é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "utf-16le");
        assert_eq!(d.text.as_str(), "Marne é");
        assert_eq!(d.text.map_span(Span::new(0, 5)), Span::new(2, 12));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"%PDF-1.4 ...", None).unwrap_err().kind,
            ErrorKind::NotText
        );
        assert_eq!(
            decode(b"abc\0def", None).unwrap_err().kind,
            ErrorKind::NotText
        );
    }

    #[test]
    fn broken_byte_in_utf8_is_replaced_not_reencoded() {
        let mut bytes = "Préfecture de l'Aisne, réunion du comité"
            .as_bytes()
            .to_vec();
        bytes.insert(5, 0xff);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.as_str().contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }
}
