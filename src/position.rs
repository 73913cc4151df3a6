//! Turns byte offsets (what Rust sees) into the positions editors and JS strings use:
//! 1-based line and column, counted in UTF-16 code units, plus a 0-based UTF-16 offset.

use crate::json::{self, Span};
use crate::record::record;

record! {
    /// 1-based line and column; column and offset count UTF-16 code units.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Position as "Position" {
        /// 1-based.
        pub line: u32 => "line",
        /// 1-based, in UTF-16 code units.
        pub column: u32 => "column",
        /// 0-based, from the start of the text.
        pub offset: u32 => "offset",
    }
}

record! {
    /// Where a diagnostic is in the text: `start` inclusive, `end` exclusive.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Range as "Range" {
        /// The first character.
        pub start: Position => "start",
        /// Just after the last character.
        pub end: Position => "end",
    }
}

/// Start of every line, in bytes and in UTF-16 units, plus a UTF-16 checkpoint every
/// [`CHECKPOINT_BYTES`] bytes, built once per text: each lookup is a binary search and a scan
/// of at most one checkpoint's stretch, so placing n diagnostics in a one-line document of n
/// keys stays O(n log n) instead of rescanning the line each time.
pub struct LineIndex<'t> {
    text: &'t str,
    /// `(byte offset, UTF-16 offset)` of the first character of each line.
    line_starts: Vec<(usize, usize)>,
    /// `(byte offset, UTF-16 offset)` at character boundaries, ascending; empty for ASCII
    /// text, where both offsets are equal.
    checkpoints: Vec<(usize, usize)>,
    ascii: bool,
}

const CHECKPOINT_BYTES: usize = 256;

/// The line starts of ASCII text (where UTF-16 offsets are byte offsets), eight bytes at a
/// time between breaks: the index of a 10 MB NDJSON log is built when one line needs a
/// position, and byte by byte that was a tenth of reading the log.
fn ascii_line_starts(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut starts = vec![(0, 0)];
    let mut i = 0;
    loop {
        // `\n` and `\r` are below 0x0e; words without such a byte hold no line break.
        i = json::skip_words_until(bytes, i, |w| json::mask_below(w, 0x0e) != 0);
        let Some(&b) = bytes.get(i) else {
            return starts;
        };
        i += 1;
        if ends_line(b, bytes.get(i)) {
            starts.push((i, i));
        }
    }
}

/// Whether byte `b`, followed by `next`, ends a line: `\n`, or a `\r` not followed by `\n`.
fn ends_line(b: u8, next: Option<&u8>) -> bool {
    b == b'\n' || (b == b'\r' && next != Some(&b'\n'))
}

/// The UTF-16 units a UTF-8 byte starts: one per character, counted at its first byte, and
/// one more for a character past U+FFFF (a 4-byte sequence, a surrogate pair in UTF-16).
fn utf16_units(b: u8) -> usize {
    usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)
}

/// The length in UTF-16 units of UTF-8 `bytes` cut at character boundaries: what JavaScript's
/// `length` says of the same text. ASCII eight bytes at a time.
pub(crate) fn utf16_len(bytes: &[u8]) -> usize {
    let ascii = json::skip_words_until(bytes, 0, |w| w & json::HIGHS != 0);
    ascii
        + bytes
            .get(ascii..)
            .unwrap_or_default()
            .iter()
            .map(|&b| utf16_units(b))
            .sum::<usize>()
}

impl<'t> LineIndex<'t> {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as in editors.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let ascii = text.is_ascii();
        if ascii {
            return LineIndex {
                text,
                line_starts: ascii_line_starts(text.as_bytes()),
                checkpoints: Vec::new(),
                ascii,
            };
        }
        let mut line_starts = vec![(0, 0)];
        let mut checkpoints = Vec::new();
        let bytes = text.as_bytes();
        let mut utf16 = 0usize;
        let mut next_checkpoint = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b & 0xC0 != 0x80 && i >= next_checkpoint {
                checkpoints.push((i, utf16));
                next_checkpoint = i + CHECKPOINT_BYTES;
            }
            utf16 += utf16_units(b);
            i += 1;
            if ends_line(b, bytes.get(i)) {
                line_starts.push((i, utf16));
            }
        }
        LineIndex {
            text,
            line_starts,
            checkpoints,
            ascii,
        }
    }

    /// The UTF-16 offset of a byte offset at a character boundary.
    fn utf16_offset(&self, offset: usize) -> usize {
        if self.ascii {
            return offset;
        }
        let at = self
            .checkpoints
            .partition_point(|(start, _)| *start <= offset);
        let (start, units) = at
            .checked_sub(1)
            .and_then(|i| self.checkpoints.get(i).copied())
            .unwrap_or((0, 0));
        units + utf16_len(self.text.as_bytes().get(start..offset).unwrap_or_default())
    }

    pub fn position(&self, byte_offset: usize) -> Position {
        let mut offset = byte_offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .line_starts
            .partition_point(|(start, _)| *start <= offset)
            .saturating_sub(1);
        let (_, line_utf16) = self.line_starts.get(line).copied().unwrap_or((0, 0));
        let utf16 = self.utf16_offset(offset);
        let column = utf16.saturating_sub(line_utf16);
        Position {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
            offset: to_u32(utf16),
        }
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, column: u32, offset: u32) -> Position {
        Position {
            line,
            column,
            offset,
        }
    }

    #[test]
    fn columns_are_one_based() {
        let index = LineIndex::new("abc");
        assert_eq!(index.position(0), pos(1, 1, 0));
        assert_eq!(index.position(3), pos(1, 4, 3));
    }

    // proptest is a native dev-dependency; the wasm test build leaves this out.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn ascii_line_starts_agree_with_a_byte_by_byte_count(text in "[a\r\n\t\x0b\x0c ]{0,80}") {
            let bytes = text.as_bytes();
            let mut expected = vec![(0, 0)];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    expected.push((i + 1, i + 1));
                }
            }
            proptest::prop_assert_eq!(ascii_line_starts(bytes), expected);
        }

        #[test]
        fn utf16_len_is_what_javascript_counts(text in "[a-z\n]{0,20}[é日😀a]{0,12}[a-z]{0,12}") {
            proptest::prop_assert_eq!(utf16_len(text.as_bytes()), text.encode_utf16().count());
        }
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_a_line() {
        let index = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(index.position(2), pos(2, 1, 2));
        assert_eq!(index.position(5), pos(3, 1, 5));
        assert_eq!(index.position(7), pos(4, 1, 7));
    }

    #[test]
    fn non_ascii_counts_in_utf16_units() {
        // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        let text = "é😀x\n😀y";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text.find('x').unwrap()), pos(1, 4, 3));
        assert_eq!(index.position(text.find('y').unwrap()), pos(2, 3, 7));
    }

    #[test]
    fn offsets_inside_a_character_snap_back() {
        let index = LineIndex::new("😀");
        assert_eq!(index.position(2), pos(1, 1, 0));
        assert_eq!(index.position(99), pos(1, 3, 2));
    }

    /// The checkpoints that keep lookups cheap on one long line give the same answer as
    /// counting from the start of the line.
    #[test]
    fn positions_on_a_long_non_ascii_line_match_a_naive_count() {
        let text: String = (0..3000)
            .map(|i| match i % 4 {
                0 => "é",
                1 => "😀",
                2 => "a",
                _ => "\u{2028}",
            })
            .collect::<String>()
            + "\nline two 😀 end";
        let index = LineIndex::new(&text);
        let mut byte = 0;
        while byte <= text.len() {
            if text.is_char_boundary(byte) {
                let before = &text[..byte];
                let line_start = before.rfind('\n').map_or(0, |at| at + 1);
                let column: usize = text[line_start..byte].chars().map(char::len_utf16).sum();
                let offset: usize = before.chars().map(char::len_utf16).sum();
                let line = before.matches('\n').count() + 1;
                assert_eq!(
                    index.position(byte),
                    pos(line as u32, column as u32 + 1, offset as u32),
                    "{byte}"
                );
            }
            byte += 7;
        }
    }
}
