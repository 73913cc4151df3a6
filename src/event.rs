//! What arrives at the listener (docs/domain.md §4): the `{"event", "data"}` envelope, each documented
//! event's fields, the certificate chain, and why the chain is or is not there.

use crate::record::record;

use crate::catalog::{self, data_fields, Field};
use crate::chain::{self, CertificateCache, CertificateInfo, Decoded, MAX_CHAIN_LENGTH};
use crate::delivery::Mode;
use crate::diagnostic::{self, pointer, Code, Diagnostic, Finding, Findings};
use crate::explain::{self, ProductRef, SettingsContext};
use crate::json::{member, Member, Node, Span, Value, MAX_SAFE_INTEGER};
use crate::position::LineIndex;
use crate::settings::{DEFAULT_MAX_DIAGNOSTICS, DEFAULT_MAX_INPUT_BYTES};

/// How `parse_event` and `parse_events` read events.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Unix seconds to check validity against; `None` skips the validity checks. (The npm
    /// package passes the clock when the caller gives no `now`.)
    pub now: Option<i64>,
    /// A webhook request body: when given, each result explains the chain's presence.
    pub settings: Option<String>,
    /// The mode of `settings`.
    pub settings_mode: Mode,
    /// The product ordered: with it, the explanation is about its family alone.
    pub product: Option<ProductRef>,
    /// Whether the certificate was issued the instant the order was created, if known.
    pub instant: Option<bool>,
    /// Per event.
    pub max_diagnostics: usize,
    /// Per event (per line for NDJSON).
    pub max_input_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            now: None,
            settings: None,
            settings_mode: Mode::Create,
            product: None,
            instant: None,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

record! {
    /// What `parseEvent` says about one event. TypeScript narrows it on `ok`, then on `event`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct EventReport as "EventReportBase" {
        /// No error diagnostics.
        pub ok: bool => "ok",
        /// A known event as received (duplicate keys resolved as `JSON.parse` would); null when
        /// the envelope has no usable `event` name or names an event this version does not know.
        /// In JavaScript it is parsed from your text: at once when short, when first read when
        /// long (README "What arrives at the listener"); a plain data property once parsed.
        pub event: Option<Value> => "event": "WebhookEvent | ReceivedEvent | null",
        /// An event this version does not know, kept whole (diagnostic `unknown-event`); parsed
        /// from your text, as `event` is.
        /// Separate from `event` so that `event` stays a union TypeScript can narrow on its name.
        pub unknown_event: Option<Value> => "unknownEvent": "UnknownWebhookEvent | null",
        /// The decoded entries of `certificate_chain` (entries that fail to decode are left out
        /// and reported as `pem-invalid`); null when the event has no chain.
        pub chain: Option<Vec<CertificateInfo>> => "chain",
        /// With `settings`: why the chain is or is not there. A value the settings state and the
        /// event contradicts means "the settings in effect differ"; a value they do not state
        /// and the event proves is said as what the event shows; what no setting could produce
        /// means the product or issuance was misidentified. Null without `settings`.
        pub explanation: Option<String> => "explanation",
        /// In document order.
        pub diagnostics: Vec<Diagnostic> => "diagnostics",
        /// `parseEvents` only: the 1-based line of the record in the NDJSON text.
        pub line: Option<usize> => "line" (optional),
    }
}

/// Parses one webhook event and decodes its certificate chain.
pub fn parse_event(text: &str, options: &ParseOptions) -> EventReport {
    let context = settings_context(options);
    parse_at(
        text,
        0,
        options,
        context.as_ref(),
        &mut Lines::new(text),
        &mut CertificateCache::none(),
    )
}

/// One result per non-empty line; positions refer to the whole text.
pub fn parse_events(ndjson: &str, options: &ParseOptions) -> Vec<EventReport> {
    EventLines::new(ndjson, options)
        .map(|(_, report)| report)
        .collect()
}

/// [`parse_events`] one line at a time, each report with the byte range of its line's content
/// (without the line break): the wasm binding writes each report out and drops it before it
/// reads the next line, so that a line's blocks go back to its allocator's arena, and lets JS
/// parse `event` from that range of the text.
pub(crate) struct EventLines<'t, 'o> {
    ndjson: &'t str,
    options: &'o ParseOptions,
    context: Option<SettingsContext>,
    lines: Lines<'t>,
    /// Shared by every line: a log's events repeat the same intermediates and roots.
    certificates: CertificateCache,
    /// Where the next line starts, and its 0-based number.
    start: usize,
    number: usize,
}

impl<'t, 'o> EventLines<'t, 'o> {
    pub fn new(ndjson: &'t str, options: &'o ParseOptions) -> Self {
        EventLines {
            ndjson,
            options,
            context: settings_context(options),
            lines: Lines::new(ndjson),
            certificates: CertificateCache::default(),
            start: 0,
            number: 0,
        }
    }
}

impl Iterator for EventLines<'_, '_> {
    type Item = (Span, EventReport);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self
                .ndjson
                .get(self.start..)
                .filter(|rest| !rest.is_empty())?;
            let line = rest.split_inclusive('\n').next()?;
            let start = self.start;
            self.start += line.len();
            self.number += 1;
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                continue;
            }
            let mut report = parse_at(
                content,
                start,
                self.options,
                self.context.as_ref(),
                &mut self.lines,
                &mut self.certificates,
            );
            report.line = Some(self.number);
            return Some((Span::new(start, start + content.len()), report));
        }
    }
}

/// The line index of the whole text, built the first time a diagnostic needs a position:
/// most events have none, and a pass over 10 MB of NDJSON is not free.
struct Lines<'t> {
    text: &'t str,
    index: Option<LineIndex<'t>>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        Lines { text, index: None }
    }

    fn place(&mut self, findings: Findings) -> Vec<Diagnostic> {
        if findings.is_empty() {
            return Vec::new();
        }
        let text = self.text;
        // Made once for the whole text and kept to the end of the call: outside the arena,
        // so that the line whose diagnostics made it can still give back what it took.
        let index = self
            .index
            .get_or_insert_with(|| crate::long_lived(|| LineIndex::new(text)));
        findings.finish_in(Some(index))
    }
}

fn settings_context(options: &ParseOptions) -> Option<SettingsContext> {
    options
        .settings
        .as_deref()
        .map(|text| SettingsContext::read(text, options.settings_mode))
}

fn parse_at(
    text: &str,
    base: usize,
    options: &ParseOptions,
    context: Option<&SettingsContext>,
    lines: &mut Lines,
    certificates: &mut CertificateCache,
) -> EventReport {
    let mut reader = EventReader {
        base,
        findings: Findings::new(options.max_diagnostics),
        now: options.now,
        chain: None,
        certificates,
    };
    let envelope = reader.document(text, options.max_input_bytes);
    let explanation = match (context, &envelope) {
        (Some(context), Some((event, _))) => Some(explain_event(event, context, options)),
        _ => None,
    };
    let (event, unknown_event) = match envelope {
        Some((event, true)) => (Some(event), None),
        Some((event, false)) => (None, Some(event)),
        None => (None, None),
    };
    EventReport {
        ok: !reader.findings.has_errors(),
        event,
        unknown_event,
        chain: reader.chain,
        explanation,
        diagnostics: lines.place(reader.findings),
        line: None,
    }
}

struct EventReader<'c> {
    base: usize,
    findings: Findings,
    now: Option<i64>,
    chain: Option<Vec<CertificateInfo>>,
    certificates: &'c mut CertificateCache,
}

impl EventReader<'_> {
    fn push(&mut self, mut finding: Finding) {
        finding.span = Span::new(finding.span.start + self.base, finding.span.end + self.base);
        self.findings.push(finding);
    }

    /// The envelope, and whether its event is one this version knows.
    fn document(&mut self, text: &str, max_bytes: usize) -> Option<(Value, bool)> {
        let (owned, span) = match diagnostic::parse_object(text, max_bytes, "an event", None) {
            Ok(object) => object,
            Err(finding) => {
                self.push(finding);
                return None;
            }
        };
        let members = &owned;
        self.duplicate_keys(members, "");
        let Some(name_member) = member(members, catalog::EVENT_NAME_KEY) else {
            self.push(
                Finding::new(Code::MissingField, "", span.opening(), "`event` is missing")
                    .hint("every webhook event has the form {\"event\": \"…\", \"data\": {…}}"),
            );
            return None;
        };
        let Value::String(name) = &name_member.value.value else {
            self.type_error(&name_member.value, "/event", "a string");
            return None;
        };
        let data = member(members, catalog::DATA_KEY);
        let known = catalog::event_kind(name).is_some();
        if !known {
            self.push(Finding::new(
                Code::UnknownEvent,
                "/event",
                name_member.value.span,
                format!(
                    "{} is not an event this version knows; it is kept whole in `unknownEvent`",
                    crate::json::shown(name)
                ),
            ));
        } else if let Some(fields) = data_fields(name) {
            match data {
                None => self.push(Finding::new(
                    Code::MissingField,
                    "",
                    span.opening(),
                    format!("`data` is missing; a {name} event carries its fields in `data`"),
                )),
                Some(data) => self.data(&data.value, fields),
            }
        }
        Some((Value::Object(owned), known))
    }

    fn duplicate_keys(&mut self, members: &[Member], base: &str) {
        for finding in diagnostic::duplicate_keys(members, base) {
            self.push(finding);
        }
    }

    fn data(&mut self, data: &Node, fields: &[(&str, Field, bool)]) {
        let Value::Object(members) = &data.value else {
            self.type_error(data, "/data", "an object");
            return;
        };
        self.duplicate_keys(members, "/data");
        for (key, field, required) in fields {
            let path = pointer("/data", key);
            let Some(found) = member(members, key) else {
                if *required {
                    self.push(Finding::new(
                        Code::MissingField,
                        "/data",
                        data.span.opening(),
                        format!("`data.{key}` is missing"),
                    ));
                }
                continue;
            };
            let node = &found.value;
            match field {
                Field::Id => self.id(node, &path),
                Field::Text => {
                    if !matches!(node.value, Value::String(_)) {
                        self.type_error(node, &path, "a string");
                    }
                }
                Field::TextList => match &node.value {
                    Value::Array(items) => {
                        for (i, item) in items.iter().enumerate() {
                            if !matches!(item.value, Value::String(_)) {
                                self.type_error(item, &pointer(&path, &i.to_string()), "a string");
                            }
                        }
                    }
                    _ => self.type_error(node, &path, "an array of strings"),
                },
                Field::Chain => self.chain(node, &path),
            }
        }
    }

    fn type_error(&mut self, node: &Node, path: &str, expected: &str) {
        let subject = format!("`{}`", path.trim_start_matches('/').replace('/', "."));
        self.push(Finding::wrong_type(path, node, &subject, expected));
    }

    /// Ids are whole numbers; above 2^53 − 1 (`Number.MAX_SAFE_INTEGER`) a JS number cannot
    /// hold every one exactly.
    fn id(&mut self, node: &Node, path: &str) {
        match &node.value {
            Value::Number(n) => match n.as_i64() {
                Some(id) if id < 0 => self.push(Finding::new(
                    Code::InvalidValue,
                    path,
                    node.span,
                    format!("{id} is not a valid id"),
                )),
                Some(id) if id.unsigned_abs() > MAX_SAFE_INTEGER => self.push(Finding::new(
                    Code::InvalidValue,
                    path,
                    node.span,
                    format!("{id} is above 9007199254740991 (2^53 − 1, Number.MAX_SAFE_INTEGER), the largest id JavaScript holds exactly"),
                )),
                Some(_) => {}
                // An integer lexeme beyond i64: an integer, just far too large to be an id.
                None if n.is_integer() => self.push(Finding::new(
                    Code::InvalidValue,
                    path,
                    node.span,
                    format!(
                        "{} is too large to be an id",
                        n.lexeme().chars().take(30).collect::<String>()
                    ),
                )),
                None => self.type_error(node, path, "an integer"),
            },
            _ => self.type_error(node, path, "an integer"),
        }
    }

    fn chain(&mut self, node: &Node, path: &str) {
        let Value::Array(nodes) = &node.value else {
            self.type_error(node, path, "an array");
            return;
        };
        let mut entries = Vec::new();
        for (i, entry) in nodes.iter().enumerate() {
            let entry_path = pointer(path, &i.to_string());
            if i >= MAX_CHAIN_LENGTH {
                self.push(Finding::new(
                    Code::InputTooLarge,
                    entry_path,
                    entry.span,
                    format!(
                        "the chain has {} entries; only the first {MAX_CHAIN_LENGTH} are decoded",
                        nodes.len()
                    ),
                ));
                break;
            }
            entries.push(self.chain_entry(entry, &entry_path, i));
        }
        let links = chain::links(&entries);
        for problem in chain::problems(&entries, &links, self.now) {
            let (at, span) = match problem.entry {
                Some(i) => (pointer(path, &i.to_string()), nodes[i].span),
                None => (path.to_string(), node.span),
            };
            let mut finding = Finding::new(problem.code, at, span, problem.message);
            finding.hint = problem.hint.map(str::to_string);
            self.push(finding);
        }
        self.chain = Some(chain::describe(entries, &links));
    }

    /// One entry as read; its certificate is `None` when the entry is not usable, which is
    /// then an error of its own.
    fn chain_entry(&mut self, entry: &Node, path: &str, index: usize) -> chain::Entry {
        let Value::Object(members) = &entry.value else {
            self.type_error(entry, path, "an object {subject_common_name, pem}");
            return chain::Entry::default();
        };
        let name = match member(members, catalog::CHAIN_NAME_KEY) {
            Some(m) => match &m.value.value {
                Value::String(s) => Some((s.clone(), m.value.span)),
                _ => {
                    self.type_error(
                        &m.value,
                        &pointer(path, catalog::CHAIN_NAME_KEY),
                        "a string",
                    );
                    None
                }
            },
            None => None,
        };
        let decoded = self.entry_certificate(members, entry, path, index);
        if let (Some((name, span)), Some(decoded)) = (&name, &decoded) {
            let common_name = decoded.certificate.common_name.as_deref();
            if common_name != Some(name.as_str()) {
                self.push(Finding::new(
                    Code::ChainNameMismatch,
                    pointer(path, catalog::CHAIN_NAME_KEY),
                    *span,
                    format!(
                        "entry {index}: subject_common_name is {} but the certificate's CN is {}",
                        crate::json::shown(name),
                        crate::json::shown(common_name.unwrap_or("(no CN)"))
                    ),
                ));
            }
        }
        chain::Entry {
            subject_common_name: name.map(|(name, _)| name),
            decoded,
        }
    }

    /// The certificate of an entry's `pem`.
    fn entry_certificate(
        &mut self,
        members: &[Member],
        entry: &Node,
        path: &str,
        index: usize,
    ) -> Option<Decoded> {
        let pem_path = pointer(path, catalog::CHAIN_PEM_KEY);
        let Some(pem) = member(members, catalog::CHAIN_PEM_KEY) else {
            self.push(Finding::new(
                Code::MissingField,
                path,
                entry.span.opening(),
                "`pem` is missing from this chain entry",
            ));
            return None;
        };
        let Value::String(text) = &pem.value.value else {
            self.type_error(&pem.value, &pem_path, "a PEM string");
            return None;
        };
        match self.certificates.decode(text) {
            Ok(decoded) => Some(decoded),
            Err(problem) => {
                self.push(
                    Finding::new(
                        Code::PemInvalid,
                        pem_path,
                        pem.value.span,
                        format!("entry {index}: {problem}"),
                    )
                    .hint("each `pem` must hold exactly one -----BEGIN CERTIFICATE----- block"),
                );
                None
            }
        }
    }
}

/// Why this event does or does not carry `certificate_chain`, by the delivery rules.
fn explain_event(event: &Value, context: &SettingsContext, options: &ParseOptions) -> String {
    let Value::Object(members) = event else {
        return String::new();
    };
    let name = match member(members, catalog::EVENT_NAME_KEY).map(|m| &m.value.value) {
        Some(Value::String(name)) => name.clone(),
        _ => return String::new(),
    };
    // A chain is there when `certificate_chain` holds at least one entry; null or [] is none.
    let has_chain = match member(members, catalog::DATA_KEY).map(|m| &m.value.value) {
        Some(Value::Object(fields)) => member(fields, "certificate_chain").is_some_and(
            |c| matches!(&c.value.value, Value::Array(entries) if !entries.is_empty()),
        ),
        _ => false,
    };
    explain::explain_chain_presence(
        context,
        &name,
        has_chain,
        options.product.as_ref(),
        options.instant,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_results_are_one_per_non_empty_line_with_file_positions() {
        let text = "{\"event\":\"test_webhook_endpoint\"}\r\n\n  \n{\"event\":1}\n";
        let results = parse_events(text, &ParseOptions::default());
        assert_eq!(results.len(), 2);
        assert!(results[0].ok);
        let range = results[1].diagnostics[0].range.unwrap();
        assert_eq!((range.start.line, range.start.column), (4, 10));
    }
}
