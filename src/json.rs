//! A small JSON reader that keeps what `serde_json::Value` throws away: the byte span of every
//! key and value, every duplicate key, and the key order. Diagnostics need all three to point
//! at the right place in the text, and the normalized body must keep the user's key order.
//!
//! It is strict RFC 8259 (no comments, no trailing commas, no lone surrogates), bounded in input
//! size and nesting depth, and never panics: every failure is a [`ParseError`].

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// Byte offsets into the source text, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The first character only: marks an object or array (its `{` or `[`) without
    /// underlining all of it, for findings about something missing inside.
    pub fn opening(self) -> Span {
        Span::new(self.start, self.start + 1)
    }
}

/// A JSON value with the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    /// Members in document order, duplicates included.
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// A number kept as its lexeme, so that integers stay exact whatever their size.
#[derive(Debug, Clone, PartialEq)]
pub struct Number(Lexeme);

/// How a number's lexeme is kept.
#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    /// A plain integer in `i64`'s range, spelt as `i64` prints it (no `-0`, no leading zero,
    /// no fraction or exponent), so the lexeme is rebuilt exactly and equal numbers compare
    /// equal whichever way they were made: ids, days and flags, most numbers a body or an
    /// event holds, without a `String` each or reading the digits again per question.
    Plain(i64),
    Text(String),
}

impl Number {
    pub fn from_i64(n: i64) -> Number {
        Number(Lexeme::Plain(n))
    }

    /// `lexeme` as read: a plain integer is kept as its value, anything else as text.
    fn read(lexeme: &str) -> Number {
        let digits = lexeme.strip_prefix('-').unwrap_or(lexeme);
        let plain = (1..=19).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'))
            && lexeme != "-0";
        match lexeme.parse::<i64>() {
            Ok(n) if plain => Number(Lexeme::Plain(n)),
            _ => Number(Lexeme::Text(lexeme.to_string())),
        }
    }

    pub fn lexeme(&self) -> Cow<'_, str> {
        match &self.0 {
            Lexeme::Plain(n) => Cow::Owned(n.to_string()),
            Lexeme::Text(text) => Cow::Borrowed(text),
        }
    }

    /// Whether the value is a whole number, however it is written: `90`, `90.0` and `9e1` are
    /// the same JSON value (JavaScript and JSON Schema's `integer` agree), so they get the same
    /// verdict as text and as a parsed object.
    pub fn is_integer(&self) -> bool {
        !matches!(self.integer(), Integer::Fraction)
    }

    /// The value as an `i64` when it is a whole number in range, whatever its spelling.
    pub fn as_i64(&self) -> Option<i64> {
        match self.integer() {
            Integer::Exact(n) => Some(n),
            _ => None,
        }
    }

    /// Reads the lexeme as a whole number, without floating point.
    fn integer(&self) -> Integer {
        let text = match &self.0 {
            Lexeme::Plain(n) => return Integer::Exact(*n),
            Lexeme::Text(text) => text.as_str(),
        };
        let decimal = Decimal::of(text);
        if decimal.digits.is_empty() {
            return Integer::Exact(0);
        }
        let scale = match decimal.scale {
            Scale::Exact(scale) if scale < 0 => return Integer::Fraction,
            Scale::Exact(scale) => scale,
            Scale::Huge => return Integer::OutOfRange,
            Scale::Tiny => return Integer::Fraction,
        };
        if scale.saturating_add(decimal.digits.len() as i64) > 19 {
            return Integer::OutOfRange;
        }
        let mut value: i128 = 0;
        for b in &decimal.digits {
            value = value * 10 + i128::from(b - b'0');
        }
        for _ in 0..scale {
            value *= 10;
        }
        let value = if decimal.negative { -value } else { value };
        i64::try_from(value).map_or(Integer::OutOfRange, Integer::Exact)
    }

    /// Whether `JSON.parse` reads the number as a finite double. Decided on the digits, without
    /// parsing a float: the float parser and its tables were 15 KB of the gzipped wasm.
    pub fn is_finite(&self) -> bool {
        let text = match &self.0 {
            Lexeme::Plain(_) => return true,
            Lexeme::Text(text) => text.as_str(),
        };
        let decimal = Decimal::of(text);
        if decimal.digits.is_empty() {
            return true;
        }
        // value = 0.DIGITS × 10^point; the smallest value that rounds to infinity is
        // 0.OVERFLOW_DIGITS × 10^309 (2^1024 − 2^970: half an ulp above f64::MAX, where
        // round-half-to-even goes up).
        let point = match decimal.scale {
            Scale::Exact(scale) => scale.saturating_add(decimal.digits.len() as i64),
            Scale::Huge => return false,
            Scale::Tiny => return true,
        };
        match point.cmp(&309) {
            core::cmp::Ordering::Less => true,
            core::cmp::Ordering::Greater => false,
            // Neither has trailing zeros, so comparing the digit strings compares the values.
            core::cmp::Ordering::Equal => decimal.digits.as_slice() < OVERFLOW_DIGITS,
        }
    }

    /// The value as a double, as `JSON.parse` reads it. Not used by the wasm: the float parser
    /// would add 15 KB to it.
    pub fn as_f64(&self) -> f64 {
        match &self.0 {
            Lexeme::Plain(n) => *n as f64,
            Lexeme::Text(text) => text.parse().unwrap_or(f64::NAN),
        }
    }
}

/// The digits of 2^1024 − 2^970, the least decimal value `JSON.parse` reads as `Infinity`.
const OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// A number's lexeme as sign, significant digits (no leading or trailing zeros) and a power of
/// ten: the value is ±DIGITS × 10^scale.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    scale: Scale,
}

enum Scale {
    Exact(i64),
    /// An exponent beyond `i64`: far out of any range.
    Huge,
    /// A negative exponent beyond `i64`: a vanishing fraction.
    Tiny,
}

impl Decimal {
    /// `text` is a JSON number (the reader checked its grammar).
    fn of(text: &str) -> Decimal {
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], &text[at + 1..]),
            None => (text, "0"),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
        let (exp_negative, exp_digits) = match exponent.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, exponent),
        };
        let digits = whole.bytes().chain(fraction.bytes());
        let mut significant: Vec<u8> = digits.skip_while(|b| *b == b'0').collect();
        let trailing_zeros = significant.iter().rev().take_while(|b| **b == b'0').count();
        significant.truncate(significant.len() - trailing_zeros);
        let scale = match exp_digits.parse::<i64>() {
            Ok(exp) => Scale::Exact(
                (if exp_negative { -exp } else { exp })
                    .saturating_sub(fraction.len() as i64)
                    .saturating_add(trailing_zeros as i64),
            ),
            Err(_) if exp_negative => Scale::Tiny,
            Err(_) => Scale::Huge,
        };
        Decimal {
            negative,
            digits: significant,
            scale,
        }
    }
}

/// A number read as a whole number.
enum Integer {
    Exact(i64),
    /// Whole, but beyond `i64`.
    OutOfRange,
    Fraction,
}

/// Why a text is not acceptable JSON, with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    Syntax {
        at: usize,
        message: String,
        hint: Option<String>,
    },
    TooDeep {
        at: usize,
        max_depth: usize,
    },
}

/// Bounds that keep a hostile input from exhausting the stack.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 64 }
    }
}

/// Whether this reader and `serde_json` (the reference RFC 8259 parser) agree on `text`:
/// both accept it or both refuse it. Where the two differ by design it answers `true`: a
/// leading byte order mark (skipped here), nesting past this reader's limit (refused here as
/// too deep, serde_json allows 128), and numbers beyond double range (kept as written here,
/// refused by serde_json). Used by the `json_differential` fuzz target and its test.
#[doc(hidden)]
pub fn agrees_with_serde_json(text: &str) -> bool {
    if text.starts_with('\u{feff}') {
        return true;
    }
    let ours = parse(text, Limits::default());
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Err(ParseError::TooDeep { .. }), _) => true,
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => true,
        _ => ours.is_ok() == theirs.is_ok(),
    }
}

/// Parses one JSON document. A leading byte order mark is skipped (RFC 8259 §8.1 allows it).
pub fn parse(text: &str, limits: Limits) -> Result<Node, ParseError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: start,
        limits,
        // Room for a request body or an event envelope without growing.
        items: Vec::with_capacity(16),
        members: Vec::with_capacity(16),
    };
    parser.skip_whitespace();
    if parser.pos >= parser.bytes.len() {
        return Err(parser.error_at(
            parser.pos,
            "the text is empty; expected a JSON object",
            Some("start with `{`"),
        ));
    }
    let node = parser.value(1)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_at(
            parser.pos,
            "unexpected text after the end of the JSON value",
            Some("remove it, or wrap several values in one array or object"),
        ));
    }
    Ok(node)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    limits: Limits,
    /// The open arrays' items and the open objects' members, innermost last: each container
    /// takes its own off the top when it closes, in one allocation of the exact size instead
    /// of a vector grown by doubling (a third of reading a body was allocation).
    items: Vec<Node>,
    members: Vec<Member>,
}

impl Parser<'_> {
    fn error_at(&self, at: usize, message: &str, hint: Option<&str>) -> ParseError {
        ParseError::Syntax {
            at,
            message: message.to_string(),
            hint: hint.map(str::to_string),
        }
    }

    // Called for every byte: worth inlining even in a build optimised for size.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, ParseError> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => return Err(self.unexpected("a value")),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.pos),
        })
    }

    /// Describes what stands at `pos` in terms a person recognises, with a fix where one is known.
    fn unexpected(&self, expected: &str) -> ParseError {
        let at = self.pos;
        let rest = &self.bytes[at.min(self.bytes.len())..];
        let (message, hint) = match rest.first() {
            None => (format!("the text ends where {expected} was expected"), None),
            Some(b'\'') => (
                "strings must be in double quotes, not single quotes".to_string(),
                Some("replace ' with \""),
            ),
            Some(b'/') if rest.get(1).is_some_and(|b| *b == b'/' || *b == b'*') => (
                "JSON does not allow comments".to_string(),
                Some("remove the comment"),
            ),
            Some(b'}' | b']') if expected == "a value" => (
                "trailing comma: a value was expected after the comma".to_string(),
                Some("remove the comma before the closing bracket"),
            ),
            Some(_) => {
                let shown: String = self.text[at..].chars().take(1).collect();
                (
                    format!(
                        "unexpected {} where {expected} was expected",
                        describe(&shown)
                    ),
                    None,
                )
            }
        };
        ParseError::Syntax {
            at,
            message,
            hint: hint.map(str::to_string),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            let mut end = self.pos;
            while end < self.bytes.len() && self.bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            let found = &self.text[self.pos..end];
            let hint = match found.to_ascii_lowercase().as_str() {
                "true" | "false" | "null" => {
                    Some(format!("write `{}`", found.to_ascii_lowercase()))
                }
                _ => None,
            };
            // Quote the word only when it is a misspelled literal: an unquoted secret (a
            // template substitution gone wrong) must not be echoed into logs.
            let message = match hint {
                Some(_) => format!("`{found}` is not a JSON value"),
                None => "an unquoted word is not a JSON value; strings must be in double quotes"
                    .to_string(),
            };
            Err(ParseError::Syntax {
                at: self.pos,
                message,
                hint,
            })
        }
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth > self.limits.max_depth {
            Err(ParseError::TooDeep {
                at: self.pos,
                max_depth: self.limits.max_depth,
            })
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.enter(depth)?;
        self.pos += 1; // '['
        let base = self.items.len();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            self.skip_whitespace();
            let item = self.value(depth + 1)?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(self.items.split_off(base)));
                }
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.enter(depth)?;
        self.pos += 1; // '{'
        let base = self.members.len();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(match self.peek() {
                    Some(b'}') => ParseError::Syntax {
                        at: self.pos,
                        message: "trailing comma: a key was expected after the comma".into(),
                        hint: Some("remove the comma before `}`".into()),
                    },
                    Some(b) if b.is_ascii_alphabetic() || b == b'_' => ParseError::Syntax {
                        at: self.pos,
                        message: "object keys must be strings in double quotes".into(),
                        hint: Some("put the key in double quotes".into()),
                    },
                    _ => self.unexpected("a key in double quotes"),
                });
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:` after the key"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            self.members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(self.members.split_off(base)));
                }
                Some(b'"') => {
                    return Err(ParseError::Syntax {
                        at: self.pos,
                        message: "missing comma between two members".into(),
                        hint: Some("add `,` after the previous value".into()),
                    })
                }
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            self.pos = plain_run_end(self.text.as_bytes(), self.pos);
            // The run ends on an ASCII byte, so it is a whole number of UTF-8 characters.
            let run = &self.text[run_start..self.pos];
            if out.is_empty() {
                if self.peek() == Some(b'"') {
                    // No escape (most keys and values): one allocation of the exact size.
                    self.pos += 1;
                    return Ok(run.to_owned());
                }
                // Escapes ahead (a PEM's \r\n every 64 characters): room for the rest up to
                // the next quote at once, instead of growing by doubling.
                let ahead = next_quote(self.text.as_bytes(), self.pos) - self.pos;
                out.reserve(run.len() + ahead);
            }
            out.push_str(run);
            match self.peek() {
                None => {
                    return Err(ParseError::Syntax {
                        at: open,
                        message: "this string is never closed".into(),
                        hint: Some("add the closing `\"`".into()),
                    })
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b) => {
                    let message = if b == b'\n' || b == b'\r' {
                        "a line break inside a string must be written as \\n".to_string()
                    } else {
                        format!("control character U+{b:04X} must be escaped inside a string")
                    };
                    return Err(ParseError::Syntax {
                        at: self.pos,
                        message,
                        hint: None,
                    });
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let at = self.pos;
        self.pos += 1; // '\'
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let high = self.hex4(at)?;
                let c = if (0xD800..0xDC00).contains(&high) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(lone_surrogate(at));
                    }
                    self.pos += 2;
                    let low = self.hex4(at)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(lone_surrogate(at));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..0xE000).contains(&high) {
                    return Err(lone_surrogate(at));
                } else {
                    high
                };
                out.push(char::from_u32(c).ok_or_else(|| lone_surrogate(at))?);
                return Ok(());
            }
            _ => {
                return Err(ParseError::Syntax {
                    at,
                    message: "invalid escape sequence in a string".into(),
                    hint: Some("write a backslash as \\\\".into()),
                })
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, ParseError> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let value = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(ParseError::Syntax {
                at: escape_at,
                message: "\\u must be followed by four hexadecimal digits".into(),
                hint: None,
            }),
        }
    }

    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(ParseError::Syntax {
                        at: start,
                        message: "numbers must not have leading zeros".into(),
                        hint: None,
                    });
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.unexpected("a digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.unexpected("a digit in the exponent"));
            }
            self.digits();
        }
        Ok(Number::read(&self.text[start..self.pos]))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
pub(crate) const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// A mask, non-zero when a byte of `word` is below `n` (n ≤ 0x80): the classic SWAR test.
pub(crate) const fn mask_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * n as u64) & !word & HIGHS
}

/// A mask, non-zero when a byte of `word` is `byte`.
const fn mask_equal(word: u64, byte: u8) -> u64 {
    mask_below(word ^ (ONES * byte as u64), 1)
}

/// The offset of the first 8-byte word of `bytes[from..]` for which `stop` is true (or of the
/// last few bytes, fewer than eight); the caller finishes byte by byte from there. Strings are
/// most of what an event carries (a chain's PEM text), and a byte loop was a sixth of reading
/// one. Also finds line breaks and counts UTF-16 units ([`crate::position`]).
pub(crate) fn skip_words_until(bytes: &[u8], from: usize, stop: impl Fn(u64) -> bool) -> usize {
    let mut pos = from;
    while let Some(word) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
        if stop(u64::from_le_bytes(*word)) {
            break;
        }
        pos += 8;
    }
    pos
}

/// Where the run of string bytes that need no attention (not `"`, `\\` or a control
/// character) starting at `from` ends: in JSON text being read, and in text being written as
/// JSON ([`crate::to_json`]), which escapes exactly those bytes.
pub(crate) fn plain_run_end(bytes: &[u8], from: usize) -> usize {
    let stops = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
    let pos = skip_words_until(bytes, from, |w| {
        mask_below(w, 0x20) | mask_equal(w, b'"') | mask_equal(w, b'\\') != 0
    });
    bytes
        .get(pos..)
        .unwrap_or_default()
        .iter()
        .position(|&b| stops(b))
        .map_or(bytes.len(), |i| pos + i)
}

/// The offset of the next `"` at or after `from`, or the end.
fn next_quote(bytes: &[u8], from: usize) -> usize {
    let pos = skip_words_until(bytes, from, |w| mask_equal(w, b'"') != 0);
    bytes
        .get(pos..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b == b'"')
        .map_or(bytes.len(), |i| pos + i)
}

fn lone_surrogate(at: usize) -> ParseError {
    ParseError::Syntax {
        at,
        message: "a \\u escape names half of a UTF-16 surrogate pair without the other half".into(),
        hint: Some("escape the whole character, or write it as is".into()),
    }
}

fn describe(shown: &str) -> String {
    match shown {
        "" => "end of text".into(),
        s if s.chars().all(|c| c.is_control()) => {
            format!(
                "control character U+{:04X}",
                s.chars().next().map_or(0, |c| c as u32)
            )
        }
        s => format!("`{s}`"),
    }
}

impl Value {
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// 2^53 - 1, the largest integer a JS number holds exactly.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Serializes like the JSON it came from; for objects the last duplicate wins at the first
/// one's place, which is what `JSON.parse` does.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            // Integers JS can hold exactly go out as integers; anything else as the nearest
            // double, which is what `JSON.parse` would give.
            Value::Number(n) => match n.as_i64() {
                Some(i) if i.unsigned_abs() <= MAX_SAFE_INTEGER => serializer.serialize_i64(i),
                _ => serializer.serialize_f64(n.as_f64()),
            },
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&item.value)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let unique = last_wins(members);
                let mut map = serializer.serialize_map(Some(unique.len()))?;
                for member in unique {
                    map.serialize_entry(&member.key, &member.value.value)?;
                }
                map.end()
            }
        }
    }
}

/// Whether every number in `value` is within a double's range. One beyond it is written as
/// null (as serde_json does), while `JSON.parse` of the text makes it Infinity: a body holding
/// one is never its own normalized value.
pub fn all_finite(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_finite(),
        Value::Array(items) => items.iter().all(|item| all_finite(&item.value)),
        Value::Object(members) => members.iter().all(|m| all_finite(&m.value.value)),
        Value::Null | Value::Bool(_) | Value::String(_) => true,
    }
}

/// The member `JSON.parse` would keep for `key`: its last occurrence.
pub fn member<'m>(members: &'m [Member], key: &str) -> Option<&'m Member> {
    members.iter().rev().find(|m| m.key == key)
}

/// The members as `JSON.parse` keeps them: one per key, at the first occurrence's place, with
/// the last occurrence's value. O(n log n), so an object with 100 000 keys stays cheap.
pub fn last_wins(members: &[Member]) -> Vec<&Member> {
    if members.len() <= 16 && !has_repeats(members) {
        return members.iter().collect();
    }
    last_wins_at(members)
        .into_iter()
        .map(|i| &members[i])
        .collect()
}

/// [`last_wins`] as indices into `members`, for taking the kept members out of the object.
pub fn last_wins_at(members: &[Member]) -> Vec<usize> {
    if members.len() <= 16 && !has_repeats(members) {
        return (0..members.len()).collect();
    }
    let kept: Vec<(usize, usize)> = key_groups(members)
        .into_iter()
        .map(|group| (group[0], group[group.len() - 1]))
        .collect();
    let order = crate::order::sorted_indices(kept.len(), &|a, b| kept[a].0 < kept[b].0);
    order.into_iter().map(|i| kept[i].1).collect()
}

/// For each item, whether an equal item came before it; `None` items never repeat. Sorting
/// keeps this O(n log n) whatever the input.
pub fn repeats<T: Ord>(items: &[Option<T>]) -> Vec<bool> {
    if items.len() <= 16 {
        return (0..items.len())
            .map(|i| items[i].is_some() && items[..i].contains(&items[i]))
            .collect();
    }
    let present: Vec<usize> = (0..items.len()).filter(|i| items[*i].is_some()).collect();
    // Stable: equal items stay in document order.
    let order: Vec<usize> =
        crate::order::sorted_indices(present.len(), &|a, b| items[present[a]] < items[present[b]])
            .into_iter()
            .map(|i| present[i])
            .collect();
    let mut repeated = vec![false; items.len()];
    for pair in order.windows(2) {
        if items[pair[0]] == items[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

/// A string from the input, for a message: quoted and escaped as JSON (so a line break in a
/// key cannot start a new line of CLI output), and cut after 60 characters.
pub fn shown(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(60).collect();
        format!("{}…", quote(&cut))
    } else {
        quote(s)
    }
}

/// Whether any key repeats, for small objects without allocating.
fn has_repeats(members: &[Member]) -> bool {
    members
        .iter()
        .enumerate()
        .any(|(i, m)| members[..i].iter().any(|earlier| earlier.key == m.key))
}

/// Indices of the members whose key already appeared earlier in the object.
pub fn repeated_keys(members: &[Member]) -> Vec<usize> {
    if members.len() <= 16 && !has_repeats(members) {
        return Vec::new();
    }
    let repeated: Vec<usize> = key_groups(members)
        .into_iter()
        .flat_map(|group| group.into_iter().skip(1))
        .collect();
    crate::order::sorted_indices(repeated.len(), &|a, b| repeated[a] < repeated[b])
        .into_iter()
        .map(|i| repeated[i])
        .collect()
}

/// Member indices grouped by key, each group in document order. Small objects (all real
/// webhook bodies) are compared pairwise, which allocates less than sorting.
fn key_groups(members: &[Member]) -> Vec<Vec<usize>> {
    if members.len() <= 16 {
        let mut groups: Vec<Vec<usize>> = Vec::with_capacity(members.len());
        for (i, member) in members.iter().enumerate() {
            match groups.iter_mut().find(|g| members[g[0]].key == member.key) {
                Some(group) => group.push(i),
                None => groups.push(vec![i]),
            }
        }
        return groups;
    }
    // Stable: a key's occurrences stay in document order.
    let order =
        crate::order::sorted_indices(members.len(), &|a, b| members[a].key < members[b].key);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match groups.last_mut() {
            Some(group) if members[group[0]].key == members[i].key => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        parse(text, Limits::default()).expect("valid JSON")
    }

    fn err(text: &str) -> ParseError {
        parse(text, Limits::default()).expect_err("invalid JSON")
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let node = ok(r#"{"a": [1, "x"]}"#);
        let Value::Object(members) = node.value else {
            panic!("object")
        };
        assert_eq!(members[0].key_span, Span::new(1, 4));
        assert_eq!(members[0].value.span, Span::new(6, 14));
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let Value::Object(members) = ok(r#"{"a":1,"a":2}"#).value else {
            panic!("object")
        };
        assert_eq!(members.len(), 2);
        assert_eq!(
            serde_json::to_string(&Value::Object(members)).unwrap(),
            r#"{"a":2}"#
        );
    }

    #[test]
    fn last_wins_and_repeated_keys_on_many_keys() {
        let text = format!(
            "{{{}\"k0\":\"last\"}}",
            (0..5000)
                .map(|i| format!("\"k{i}\":{i},"))
                .collect::<String>()
        );
        let Value::Object(members) = ok(&text).value else {
            panic!("object")
        };
        let kept = last_wins(&members);
        assert_eq!(kept.len(), 5000);
        assert_eq!(
            (kept[0].key.as_str(), &kept[0].value.value),
            ("k0", &Value::String("last".into()))
        );
        assert_eq!(kept[1].key, "k1");
        assert_eq!(repeated_keys(&members), vec![5000]);
    }

    #[test]
    fn number_lexemes_are_kept_exactly() {
        for lexeme in [
            "0",
            "-0",
            "90",
            "-7",
            "123456789012345678",
            "1234567890123456789",
            "-9223372036854775808",
            "9007199254740993",
            "1.5",
            "1e2",
            "90.0",
            "1E+2",
        ] {
            let Value::Number(n) = ok(lexeme).value else {
                panic!("{lexeme} is a number")
            };
            assert_eq!(n.lexeme(), lexeme);
        }
        let Value::Number(minus_zero) = ok("-0").value else {
            panic!("-0 is a number")
        };
        assert_ne!(minus_zero, Number::from_i64(0), "-0 keeps its sign");
        assert_eq!(ok("90").value, Value::Number(Number::from_i64(90)));
        assert_eq!(
            ok("9223372036854775807").value,
            Value::Number(Number::from_i64(i64::MAX))
        );
        assert_eq!(Number::read("9e1").as_i64(), Some(90));
    }

    #[test]
    fn escapes_and_surrogate_pairs_decode() {
        let Value::String(s) = ok(r#""a\/b\r\n\ud83d\ude00\u00e9""#).value else {
            panic!("string")
        };
        assert_eq!(s, "a/b\r\n😀é");
    }

    #[test]
    fn lone_surrogates_are_rejected() {
        assert!(matches!(
            err(r#""\ud800""#),
            ParseError::Syntax { at: 1, .. }
        ));
        assert!(matches!(err(r#""\udc00x""#), ParseError::Syntax { .. }));
    }

    #[test]
    fn big_integers_stay_exact() {
        let Value::Number(n) = ok("9007199254740993").value else {
            panic!("number")
        };
        assert_eq!(n.as_i64(), Some(9_007_199_254_740_993));
        assert_eq!(Number::read("1.5").as_i64(), None);
    }

    #[test]
    fn trailing_comma_is_named() {
        let ParseError::Syntax { at, message, .. } = err("{\"a\":1,}") else {
            panic!("syntax")
        };
        assert_eq!(at, 7);
        assert!(message.contains("trailing comma"), "{message}");
    }

    #[test]
    fn an_unquoted_word_is_not_echoed_whole() {
        let ParseError::Syntax { message, .. } =
            err("{\"secret\": tZ9kQ4mB7xP2sL8vN3rW6yT1uJ5hG0cF}")
        else {
            panic!("syntax")
        };
        assert!(!message.contains("tZ9k"), "{message}");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(65) + &"]".repeat(65);
        assert!(matches!(
            err(&deep),
            ParseError::TooDeep { max_depth: 64, .. }
        ));
        let fine = "[".repeat(64) + &"]".repeat(64);
        ok(&fine);
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "01",
            "1.",
            "-",
            "+1",
            "'a'",
            "{a:1}",
            "\"\t\"",
            "nul",
            "[1 2]",
            "{\"a\" 1}",
            "1 2",
            "\"\\x\"",
            "\"\\u12\"",
            "{\"a\":1 \"b\":2}",
            "/*c*/{}",
        ] {
            assert!(parse(text, Limits::default()).is_err(), "accepted {text:?}");
        }
    }

    #[test]
    fn accepts_what_rfc_8259_accepts() {
        for text in [
            "{}",
            "[]",
            "0",
            "-0.5e+3",
            "\"\"",
            "true",
            "null",
            " {\"a\" : [ ] } ",
            "\u{feff}{}",
            "1E5",
            "\"\\u0000\"",
        ] {
            assert!(parse(text, Limits::default()).is_ok(), "rejected {text:?}");
        }
    }

    #[test]
    fn numbers_past_double_range_are_not_finite() {
        let overflow = std::str::from_utf8(OVERFLOW_DIGITS).unwrap();
        for (lexeme, finite) in [
            ("1.7976931348623157e308", true),
            ("1.7976931348623158e308", true),
            ("1.7976931348623159e308", false),
            ("-1e309", false),
            ("1e308", true),
            ("0.000001e315", false),
            ("1e99999999999999999999", false),
            ("0e99999999999999999999", true),
            ("1e-99999999999999999999", true),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", true),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", false),
        ] {
            assert_eq!(Number::read(lexeme).is_finite(), finite, "{lexeme}");
        }
        assert_eq!(overflow.len(), 309);
        assert!(!Number::read(&format!("0.{overflow}e309")).is_finite());
        assert!(Number::read(&format!("0.{}e309", &overflow[..40])).is_finite());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// JSON numbers around the edge of double range, and anywhere else.
        fn lexeme() -> impl Strategy<Value = String> {
            let overflow = std::str::from_utf8(OVERFLOW_DIGITS).unwrap();
            prop_oneof![
                // Near 2^1024 − 2^970: a prefix of its digits, changed at the end.
                (1usize..309, "[0-9]{0,3}", 300i64..320).prop_map(move |(keep, tail, exp)| {
                    format!("0.{}{tail}e{exp}", &overflow[..keep])
                }),
                ("-?(0|[1-9][0-9]{0,30})", "(\\.[0-9]{1,30})?", -20i64..330)
                    .prop_map(|(whole, fraction, exp)| format!("{whole}{fraction}e{exp}")),
            ]
        }

        proptest! {
            /// `is_finite` says what the float parser says, without parsing a float.
            #[test]
            fn is_finite_agrees_with_the_float_parser(text in lexeme()) {
                prop_assert_eq!(Number::read(&text).is_finite(), text.parse::<f64>().unwrap().is_finite());
            }
        }
    }
}
