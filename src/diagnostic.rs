//! Diagnostics shared by every operation: stable codes, JSON Pointer paths, text ranges.

use std::collections::BinaryHeap;

use crate::json::Span;
use crate::position::{LineIndex, Range};
use crate::record::{named, record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
/// How much a diagnostic matters.
pub enum Severity {
    /// The body would be refused, or the event is not what DigiCert sends.
    Error,
    /// Accepted, but probably not what was meant.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// Every severity, most severe first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Declares [`Code`] from one table: each code's name in the contract and its default
/// severity are written once, beside the variant, and everything else reads them.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// Every diagnostic code. The kebab-case names are part of the public contract: never
        /// rename.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The severity the contract gives the code (`flag-spelling` is raised to error
            /// in strict mode, `list-response` to warning for a second webhook).
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    /// Not JSON (RFC 8259): the message names trailing commas, comments, single quotes and lone surrogates.
    JsonSyntax = "json-syntax", Error;
    /// Over the input size limit, nested too deep, or a chain longer than is decoded.
    InputTooLarge = "input-too-large", Error;
    /// The document is not a JSON object.
    InvalidRoot = "invalid-root", Error;
    /// A required field is absent (`endpoint`; an event's documented fields).
    MissingField = "missing-field", Error;
    /// A key the API does not define; the hint names the closest key or where it belongs.
    UnknownField = "unknown-field", Error;
    /// A key twice in one object: the last one wins, at the first one's place, as in `JSON.parse`.
    DuplicateKey = "duplicate-key", Warning;
    /// A value of the wrong JSON type.
    InvalidType = "invalid-type", Error;
    /// A value of the right type the API would refuse.
    InvalidValue = "invalid-value", Error;
    /// `secret` under 32 characters.
    SecretTooShort = "secret-too-short", Error;
    /// A flag written other than `"1"`/`"0"`; an error in strict mode.
    FlagSpelling = "flag-spelling", Warning;
    /// An event name or notification day listed twice.
    DuplicateValue = "duplicate-value", Warning;
    /// `events: []`: nothing is subscribed.
    EmptySubscription = "empty-subscription", Warning;
    /// A setting that cannot change anything, given the others.
    NoEffect = "no-effect", Warning;
    /// The input is a `GET /webhook` list response; says which webhook inside it was read.
    ListResponse = "list-response", Info;
    /// An event name this version does not know.
    UnknownEvent = "unknown-event", Info;
    /// A chain entry that does not decode to one certificate.
    PemInvalid = "pem-invalid", Error;
    /// An entry not issued by the entry after it.
    ChainOrder = "chain-order", Warning;
    /// The chain lacks a part DigiCert sends: it is empty, or no entry is the issued
    /// certificate, or none is the root.
    ChainIncomplete = "chain-incomplete", Warning;
    /// An entry's `subject_common_name` differs from its certificate's common name.
    ChainNameMismatch = "chain-name-mismatch", Warning;
    /// A certificate past its `notAfter`.
    CertificateExpired = "certificate-expired", Warning;
    /// A certificate before its `notBefore`.
    CertificateNotYetValid = "certificate-not-yet-valid", Warning;
}

named!(Severity => "Severity", Code => "DiagnosticCode");

record! {
    /// One finding, placed in the text.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Diagnostic as "Diagnostic" {
        /// How much it matters: an error makes the body or event invalid.
        pub severity: Severity => "severity",
        /// Stable: match on it, not on `message`.
        pub code: Code => "code",
        /// RFC 6901 JSON Pointer into the input; "" is the root.
        pub path: String => "path",
        /// What is wrong, in a sentence.
        pub message: String => "message",
        /// What to write instead.
        pub hint: Option<String> => "hint" (optional),
        /// Present whenever the input was text.
        pub range: Option<Range> => "range" (optional),
        /// Where the fix is mechanical: the JSON text that replaces `range` (editors offer it
        /// as a one-click fix).
        pub replacement: Option<String> => "replacement" (optional),
    }
}

/// One finding before it is placed in the text.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    pub path: String,
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
    pub replacement: Option<String>,
}

impl Finding {
    pub fn new(
        code: Code,
        path: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity: code.default_severity(),
            code,
            path: path.into(),
            span,
            message: message.into(),
            hint: None,
            replacement: None,
        }
    }

    /// The JSON text that fixes the finding when it replaces the finding's span.
    pub fn replacement(mut self, json_text: impl Into<String>) -> Self {
        self.replacement = Some(json_text.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// Keeps the first `max` findings in document order, however many are pushed, in bounded
/// memory: a hostile input with a million bad values costs a heap of `max` entries.
pub struct Findings {
    max: usize,
    seq: usize,
    /// Max-heap on (text offset, arrival) so the latest in document order is dropped first.
    kept: BinaryHeap<Ordered>,
    pub truncated: bool,
    /// How many errors were pushed, including those dropped past `max`.
    errors: usize,
}

struct Ordered {
    key: (usize, usize),
    finding: Finding,
}

impl PartialEq for Ordered {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Ordered {}
impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl Findings {
    pub fn new(max: usize) -> Findings {
        Findings {
            max,
            seq: 0,
            kept: BinaryHeap::new(),
            truncated: false,
            errors: 0,
        }
    }

    pub fn push(&mut self, finding: Finding) {
        self.errors += usize::from(finding.severity == Severity::Error);
        self.seq += 1;
        self.kept.push(Ordered {
            key: (finding.span.start, self.seq),
            finding,
        });
        if self.kept.len() > self.max {
            self.kept.pop();
            self.truncated = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// Whether an error was found: a result is valid, or ok, only without one.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Errors pushed so far, counting those beyond the cap: a reader compares two counts to
    /// learn whether a part of the input had an error.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// Places every finding in the text (when there is one) and returns them in document order.
    pub fn finish(self, text: Option<&str>) -> Vec<Diagnostic> {
        // The index costs a pass over the text: build it only when something is to be placed.
        let index = text.filter(|_| !self.kept.is_empty()).map(LineIndex::new);
        self.finish_in(index.as_ref())
    }

    /// As [`Findings::finish`], with a line index built once for many reports on one text.
    pub fn finish_in(self, index: Option<&LineIndex>) -> Vec<Diagnostic> {
        let kept = self.kept.into_vec();
        let order = crate::order::sorted_indices(kept.len(), &|a, b| kept[a].key < kept[b].key);
        let mut kept: Vec<Option<Ordered>> = kept.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|i| kept[i].take())
            .map(|Ordered { finding: f, .. }| Diagnostic {
                severity: f.severity,
                code: f.code,
                path: f.path,
                message: f.message,
                hint: f.hint,
                range: index.map(|i| i.range(f.span)),
                replacement: f.replacement,
            })
            .collect()
    }
}

/// Reads a whole document within the size and depth limits; a text that cannot be read at
/// all is one finding (`input-too-large` or `json-syntax`).
pub fn parse_document(text: &str, max_bytes: usize) -> Result<crate::json::Node, Finding> {
    use crate::json::{self, ParseError};
    if text.len() > max_bytes {
        return Err(Finding::new(
            Code::InputTooLarge,
            "",
            Span::new(0, 0),
            // The binding copies in little past the limit, so the length is a lower bound.
            format!(
                "the text has at least {} bytes, over the limit of {max_bytes} bytes",
                text.len()
            ),
        )
        .hint("webhook bodies and events are a few KB: check that this is the right input"));
    }
    json::parse(text, json::Limits::default()).map_err(|error| match error {
        ParseError::Syntax { at, message, hint } => {
            let mut finding = Finding::new(Code::JsonSyntax, "", Span::new(at, at), message);
            finding.hint = hint;
            finding
        }
        ParseError::TooDeep { at, max_depth } => Finding::new(
            Code::InputTooLarge,
            "",
            Span::new(at, at + 1),
            format!("the JSON is nested deeper than {max_depth} levels"),
        ),
    })
}

/// The opening step of every reader: a whole document whose root must be an object. `what`
/// names the object in the `invalid-root` message ("the body", "an event"), `hint` says what
/// to write. Returns the members and the object's span.
pub fn parse_object(
    text: &str,
    max_bytes: usize,
    what: &str,
    hint: Option<&str>,
) -> Result<(Vec<crate::json::Member>, Span), Finding> {
    let root = parse_document(text, max_bytes)?;
    match root.value {
        crate::json::Value::Object(members) => Ok((members, root.span)),
        other => {
            let mut finding = Finding::new(
                Code::InvalidRoot,
                "",
                root.span,
                format!("{what} must be a JSON object, not {}", other.kind()),
            );
            finding.hint = hint.map(str::to_string);
            Err(finding)
        }
    }
}

/// A `duplicate-key` warning for every key repeated in an object (the last one wins, as in
/// `JSON.parse`).
pub fn duplicate_keys(members: &[crate::json::Member], base: &str) -> Vec<Finding> {
    crate::json::repeated_keys(members)
        .into_iter()
        .map(|i| {
            let member = &members[i];
            Finding::new(
                Code::DuplicateKey,
                pointer(base, &member.key),
                member.key_span,
                format!(
                    "{} appears more than once; only its last occurrence counts",
                    crate::json::shown(&member.key)
                ),
            )
            .hint("remove the other occurrence")
        })
        .collect()
}

impl Finding {
    /// An `invalid-type` finding on `node`: "`{subject}` must be {expected}, not a string".
    /// One wording for every reader, so the type names and the message shape agree.
    pub fn wrong_type(
        path: impl Into<String>,
        node: &crate::json::Node,
        subject: &str,
        expected: &str,
    ) -> Finding {
        Finding::new(
            Code::InvalidType,
            path,
            node.span,
            format!("{subject} must be {expected}, not {}", node.value.kind()),
        )
    }

    /// A `duplicate-value` finding: `shown` again in a list whose values must differ. The
    /// repetition is left out of the normalized body.
    pub fn repeated(
        path: impl Into<String>,
        node: &crate::json::Node,
        shown: impl std::fmt::Display,
    ) -> Finding {
        Finding::new(
            Code::DuplicateValue,
            path,
            node.span,
            format!("{shown} is listed more than once"),
        )
        .hint("remove the repetition")
    }
}

/// `a, b or c`: words joined as a sentence lists them.
pub fn in_words<T: std::fmt::Display>(items: &[T], conjunction: &str) -> String {
    let words: Vec<String> = items.iter().map(ToString::to_string).collect();
    match words.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901 §3).
pub fn pointer(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(token);
        return out;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// README.md's code table lists every code with its default severity.
    #[test]
    fn every_code_is_in_the_readme_table_with_its_severity() {
        let readme = include_str!("../README.md");
        for code in Code::ALL {
            let name = format!("`{}`", code.as_str());
            let row = readme
                .lines()
                .filter(|line| line.starts_with("| `"))
                .find(|line| {
                    line.split('|')
                        .nth(1)
                        .is_some_and(|cell| cell.contains(&name))
                })
                .unwrap_or_else(|| panic!("README.md has no row for {name}"));
            let severity = row.split('|').nth(2).unwrap_or("").trim();
            assert!(
                severity.starts_with(code.default_severity().as_str()),
                "{name}: README says {severity:?}"
            );
        }
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(pointer("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer("/x", "0"), "/x/0");
    }

    #[test]
    fn findings_keep_the_first_in_document_order() {
        let mut findings = Findings::new(2);
        for start in [30, 10, 20, 5] {
            findings.push(Finding::new(
                Code::InvalidValue,
                "",
                Span::new(start, start + 1),
                "m",
            ));
        }
        assert!(findings.truncated);
        let starts: Vec<u32> = findings
            .finish(Some(&" ".repeat(40)))
            .iter()
            .map(|d| d.range.unwrap().start.offset)
            .collect();
        assert_eq!(starts, vec![5, 10]);
    }

    #[test]
    fn an_error_dropped_past_the_limit_still_counts() {
        let mut findings = Findings::new(1);
        findings.push(
            Finding::new(Code::UnknownEvent, "", Span::new(0, 1), "info").severity(Severity::Info),
        );
        assert!(!findings.has_errors());
        findings.push(Finding::new(
            Code::InvalidValue,
            "",
            Span::new(5, 6),
            "error",
        ));
        assert!(findings.truncated && findings.has_errors());
    }

    #[test]
    fn codes_serialize_as_their_contract_names() {
        for code in [
            Code::JsonSyntax,
            Code::NoEffect,
            Code::CertificateNotYetValid,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
