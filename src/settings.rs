//! The create/update request body (docs/domain.md §2–§3): validation, normalization, and the effective
//! settings the delivery rules read.

use crate::record::record;

use crate::catalog::{self, flag_text, EventKind, Flag};
use crate::delivery::{self, Mode, Setting, Source, SourcedSettings, Target};
use crate::diagnostic::{self, pointer, Code, Diagnostic, Finding, Findings, Severity};
use crate::endpoint;
use crate::json::{self, last_wins, last_wins_at, Member, Node, Span, Value};
use crate::suggest;

/// Default cap on input text: 1 MiB of UTF-8.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 1 << 20;
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 100;

/// How `validate_request` and the explainer read a body.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    /// Create or update: what an omitted setting means.
    pub mode: Mode,
    /// Flags spelled other than `"1"`/`"0"` become errors instead of warnings.
    pub strict: bool,
    /// The list is cut after this many; `truncated` says so.
    pub max_diagnostics: usize,
    /// Longer text is refused with `input-too-large`.
    pub max_input_bytes: usize,
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            mode: Mode::Create,
            strict: false,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

record! {
    /// What `validateRequest` says about a body. TypeScript narrows it on `valid`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct ValidationReport as "ValidationReportBase" {
        /// No error, counting errors beyond the `maxDiagnostics` cut.
        pub valid: bool => "valid",
        /// In document order.
        pub diagnostics: Vec<Diagnostic> => "diagnostics",
        /// The body to send: flags as "1"/"0", duplicates removed, key order kept; null when the
        /// input is not a JSON object. Do not send it when `valid` is false.
        pub normalized: Option<Value> => "normalized": "NormalizedRequestBody | null",
        /// Whether the list was cut at `maxDiagnostics`.
        pub truncated: bool => "truncated",
    }
}

/// Everything read from a request body, for the validator and the explainer alike.
pub(crate) struct Reading {
    pub findings: Findings,
    pub normalized: Option<Value>,
    /// `normalized` is the value of the whole text as written: nothing was removed or
    /// respelled. The wasm binding then lets JS parse the caller's text rather than write
    /// the same value out again.
    pub unchanged: bool,
    pub settings: SourcedSettings,
}

/// Validates a webhook create/update body (or a `GET /webhook` response).
pub fn validate_request(text: &str, options: &ValidateOptions) -> ValidationReport {
    validate_request_noting_unchanged(text, options).0
}

/// [`validate_request`], and whether `normalized` is the text's own value, the body left
/// unchanged by normalization ([`Reading::unchanged`]).
#[doc(hidden)]
pub fn validate_request_noting_unchanged(
    text: &str,
    options: &ValidateOptions,
) -> (ValidationReport, bool) {
    let reading = read(text, options);
    let truncated = reading.findings.truncated;
    let report = ValidationReport {
        valid: !reading.findings.has_errors(),
        diagnostics: reading.findings.finish(Some(text)),
        normalized: reading.normalized,
        truncated,
    };
    (report, reading.unchanged)
}

pub(crate) fn read(text: &str, options: &ValidateOptions) -> Reading {
    let mut reader = Reader {
        options,
        findings: Findings::new(options.max_diagnostics),
        settings: SourcedSettings::defaults(options.mode, ""),
    };
    let (normalized, unchanged) = match reader.document(text) {
        Some((normalized, unchanged)) => (Some(normalized), unchanged),
        None => {
            // Not a readable body: no setting is stated, not even by omission.
            reader.settings.mark_all(Source::Unreadable);
            (None, false)
        }
    };
    Reading {
        findings: reader.findings,
        normalized,
        unchanged,
        settings: reader.settings,
    }
}

struct Reader<'o> {
    options: &'o ValidateOptions,
    findings: Findings,
    settings: SourcedSettings,
}

/// How a flag value is spelled (docs/domain.md §3 decision: three spellings accepted, one canonical).
enum FlagSpelling {
    Canonical(bool),
    Alternative(bool),
    Invalid,
}

fn flag_spelling(value: &Value) -> FlagSpelling {
    match value {
        Value::String(s) if s == flag_text(true) => FlagSpelling::Canonical(true),
        Value::String(s) if s == flag_text(false) => FlagSpelling::Canonical(false),
        Value::Bool(b) => FlagSpelling::Alternative(*b),
        // 1, 1.0 and 1e0 are one JSON value (what JSON.stringify of a parsed object gives).
        Value::Number(n) if n.as_i64() == Some(1) => FlagSpelling::Alternative(true),
        Value::Number(n) if n.as_i64() == Some(0) => FlagSpelling::Alternative(false),
        _ => FlagSpelling::Invalid,
    }
}

/// The accepted notification days, in words (docs/domain.md §3).
fn frequency_choices() -> String {
    let days = catalog::FREQUENCY_DAYS;
    let before: Vec<String> = days
        .iter()
        .filter(|d| **d > 0)
        .map(ToString::to_string)
        .collect();
    let mut parts = vec![format!("{} (days before)", before.join(", "))];
    if days.contains(&0) {
        parts.push("0 (the day of)".to_string());
    }
    parts.extend(
        days.iter()
            .filter(|d| **d < 0)
            .map(|d| format!("{d} ({} days after)", -d)),
    );
    format!("any of {}", diagnostic::in_words(&parts, "and"))
}

impl Reader<'_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// `Stated`, or `Invalid` when an error was found since `errors_before` (a value with an
    /// invalid part is not stated: the API would refuse the body).
    fn stated_unless_errors_since(&self, errors_before: usize) -> Source {
        if self.findings.error_count() > errors_before {
            Source::Invalid
        } else {
            Source::Stated
        }
    }

    /// The normalized body, and whether it is the text's own value (unchanged).
    fn document(&mut self, text: &str) -> Option<(Value, bool)> {
        let opened = diagnostic::parse_object(
            text,
            self.options.max_input_bytes,
            "the body",
            Some("write the body as { \"endpoint\": \"https://…\", … }"),
        );
        let (mut members, span) = match opened {
            Ok(object) => object,
            Err(finding) => {
                self.push(finding);
                return None;
            }
        };
        let is_list = members.iter().any(|m| m.key == catalog::WEBHOOKS)
            && !members.iter().any(|m| m.key == catalog::ENDPOINT);
        if is_list {
            // The body inside, not the text's value.
            self.list_response(&members).map(|body| (body, false))
        } else {
            let kept = self.body(&members, "", span, false);
            // Nothing built when nothing changed (most bodies): the members read are the body.
            let unchanged = untouched(&members, &kept)
                && members.iter().all(|m| json::all_finite(&m.value.value));
            if !unchanged {
                members = assemble(&mut members, kept);
            }
            Some((Value::Object(members), unchanged))
        }
    }

    /// A `GET /webhook` response: the one webhook inside is read as the body to send.
    fn list_response(&mut self, members: &[Member]) -> Option<Value> {
        self.duplicate_keys(members, "");
        let mut result = None;
        for member in last_wins(members) {
            if member.key != catalog::WEBHOOKS {
                self.unknown_field(member, "", &[catalog::WEBHOOKS], None);
                continue;
            }
            let Value::Array(webhooks) = &member.value.value else {
                self.push(Finding::wrong_type(
                    "/webhooks",
                    &member.value,
                    "`webhooks`",
                    "an array",
                ));
                continue;
            };
            let Some(first) = webhooks.first() else {
                self.push(
                    Finding::new(
                        Code::InvalidValue,
                        "/webhooks",
                        member.value.span,
                        "`webhooks` is empty: this account has no webhook to check",
                    )
                    .hint("paste a create or update request body instead"),
                );
                continue;
            };
            if let Some(second) = webhooks.get(1) {
                self.push(
                    Finding::new(
                        Code::ListResponse,
                        "/webhooks/1",
                        second.span.opening(),
                        "an account has at most one webhook; only /webhooks/0 is checked",
                    )
                    .severity(Severity::Warning),
                );
            }
            let Value::Object(body) = &first.value else {
                self.push(Finding::wrong_type(
                    "/webhooks/0",
                    first,
                    "a webhook",
                    "an object",
                ));
                continue;
            };
            self.push(Finding::new(
                Code::ListResponse,
                "/webhooks/0",
                first.span.opening(),
                "this is a GET /webhook response: /webhooks/0 is checked as the request body, and `normalized` is that body without `id` and `status`",
            ));
            self.settings = SourcedSettings::defaults(self.options.mode, "/webhooks/0");
            let kept = self.body(body, "/webhooks/0", first.span, true);
            result = Some(Value::Object(assemble(&mut body.clone(), kept)));
        }
        result
    }

    fn duplicate_keys(&mut self, members: &[Member], base: &str) {
        for finding in diagnostic::duplicate_keys(members, base) {
            self.push(finding);
        }
    }

    fn unknown_field(
        &mut self,
        member: &Member,
        base: &str,
        known: &[&str],
        elsewhere: Option<(&[&str], &str)>,
    ) {
        let path = pointer(base, &member.key);
        let mut finding = Finding::new(
            Code::UnknownField,
            path,
            member.key_span,
            format!(
                "{} is not a key the API defines here",
                json::shown(&member.key)
            ),
        );
        if let Some((keys, place)) = elsewhere {
            if keys.contains(&member.key.as_str()) {
                finding = finding.hint(format!("move {} {place}", json::shown(&member.key)));
                self.push(finding);
                return;
            }
        }
        if let Some(close) = suggest::closest(&member.key, known.iter().copied()) {
            finding = finding
                .hint(format!("did you mean `{close}`?"))
                .replacement(json::quote(close));
        } else {
            finding = finding.hint(format!("known keys: {}", known.join(", ")));
        }
        self.push(finding);
    }

    /// The body's members, checked; returns what normalization keeps of them.
    fn body(&mut self, members: &[Member], base: &str, span: Span, listed: bool) -> Vec<Kept> {
        self.duplicate_keys(members, base);
        let mut known: Vec<&str> = catalog::BODY_KEYS.to_vec();
        if listed {
            known.extend(catalog::LISTED_ONLY_KEYS);
        }
        let mut kept = Vec::with_capacity(members.len());
        let mut has_endpoint = false;
        for at in last_wins_at(members) {
            let member = &members[at];
            let path = pointer(base, &member.key);
            let node = &member.value;
            let replaced = match member.key.as_str() {
                catalog::ENDPOINT => {
                    has_endpoint = true;
                    self.endpoint(node, &path);
                    None
                }
                catalog::SECRET => {
                    self.secret(node, &path);
                    None
                }
                catalog::EVENTS_KEY => self.events(node, &path),
                catalog::SETTINGS => self.webhook_settings(node, &path),
                "id" if listed => {
                    if !matches!(&node.value, Value::Number(n) if n.as_i64().is_some()) {
                        self.push(Finding::new(
                            Code::InvalidType,
                            path,
                            node.span,
                            "`id` must be an integer",
                        ));
                    }
                    continue;
                }
                "status" if listed => {
                    if !matches!(&node.value, Value::String(s) if catalog::STATUSES.contains(&s.as_str()))
                    {
                        self.push(
                            Finding::new(
                                Code::InvalidValue,
                                path,
                                node.span,
                                format!(
                                    "`status` must be {}",
                                    diagnostic::in_words(&catalog::STATUSES, "or")
                                ),
                            )
                            .hint("\"active\""),
                        );
                    }
                    continue;
                }
                _ => {
                    self.unknown_field(
                        member,
                        base,
                        &known,
                        Some((&catalog::SETTINGS_KEYS, "into `webhook_settings`")),
                    );
                    None
                }
            };
            kept.push(Kept { at, replaced });
        }
        if !has_endpoint {
            self.push(
                Finding::new(
                    Code::MissingField,
                    base,
                    span.opening(),
                    "`endpoint` is missing; it is required on create and on update",
                )
                .hint("add \"endpoint\": \"https://your-listener.example.com/webhook\""),
            );
        }
        for finding in delivery::no_effect(&self.settings) {
            let path = match finding.target {
                Target::Flag(flag) => self.settings.flag(flag).path.to_string(),
                Target::Frequency => self.settings.notification_frequency.path.to_string(),
            };
            let span = setting_key_span(members, finding.target);
            self.push(Finding::new(Code::NoEffect, path, span, finding.message).hint(finding.hint));
        }
        kept
    }
}

/// A member normalization keeps (of a repeated key, the last, at the first one's place): where
/// it is in the object read and, when normalization changes its value, the new value.
struct Kept {
    at: usize,
    replaced: Option<Value>,
}

/// Whether normalization leaves an object as read: every member kept, no value replaced.
fn untouched(members: &[Member], kept: &[Kept]) -> bool {
    kept.len() == members.len() && kept.iter().all(|k| k.replaced.is_none())
}

/// The normalized members: the kept ones, each taken out of `members` (moved, not copied; a
/// caller that only borrows the object passes a copy). Each keeps the spans it was read with,
/// as the members of a body left unchanged do; a replaced value takes its original's span.
fn assemble(members: &mut [Member], kept: Vec<Kept>) -> Vec<Member> {
    kept.into_iter()
        .map(|Kept { at, replaced }| {
            let member = &mut members[at];
            if let Some(value) = replaced {
                member.value.value = value;
            }
            std::mem::replace(
                member,
                Member {
                    key: String::new(),
                    key_span: Span::default(),
                    value: Node {
                        value: Value::Null,
                        span: Span::default(),
                    },
                },
            )
        })
        .collect()
}

/// The key span of a setting inside `webhook_settings`, for placing a `no-effect`.
fn setting_key_span(members: &[Member], target: Target) -> Span {
    let key = match target {
        Target::Flag(flag) => flag.key(),
        Target::Frequency => catalog::FREQUENCY,
    };
    json::member(members, catalog::SETTINGS)
        .and_then(|m| match &m.value.value {
            Value::Object(inner) => json::member(inner, key).map(|i| i.key_span),
            _ => None,
        })
        .unwrap_or_default()
}

impl Reader<'_> {
    fn endpoint(&mut self, node: &Node, path: &str) {
        let Value::String(url) = &node.value else {
            self.push(Finding::wrong_type(path, node, "`endpoint`", "a string"));
            return;
        };
        if let Err(problem) = endpoint::check(url) {
            let mut finding = Finding::new(Code::InvalidValue, path, node.span, problem.message);
            finding.hint = problem.hint;
            finding.replacement = problem.fixed.as_deref().map(json::quote);
            self.push(finding);
        }
    }

    /// The secret's value never appears in a message: reports may be logged or shared.
    fn secret(&mut self, node: &Node, path: &str) {
        let Value::String(secret) = &node.value else {
            self.push(Finding::wrong_type(path, node, "`secret`", "a string"));
            return;
        };
        let length = secret.chars().count();
        if secret.is_empty() && self.options.mode == Mode::Update {
            return; // docs/domain.md §2: "" on update removes the secret.
        }
        if length < catalog::MIN_SECRET_CHARS {
            let min = catalog::MIN_SECRET_CHARS;
            let hint = if secret.is_empty() {
                format!("omit `secret` to send events without X-WEBHOOK-KEY, or use at least {min} random characters")
            } else {
                format!("use at least {min} random characters, e.g. the output of `openssl rand -hex {}`", min / 2)
            };
            self.push(
                Finding::new(
                    Code::SecretTooShort,
                    path,
                    node.span,
                    format!(
                        "`secret` has {length} characters; the API requires at least {}",
                        catalog::MIN_SECRET_CHARS
                    ),
                )
                .hint(hint),
            );
        }
    }

    /// Checks `events`; returns it without duplicates when it had any.
    fn events(&mut self, node: &Node, path: &str) -> Option<Value> {
        let Value::Array(items) = &node.value else {
            self.push(
                Finding::wrong_type(path, node, "`events`", "an array of event names")
                    .hint("write it as [\"certificate_issued\"]"),
            );
            self.settings.events.source = Source::Invalid;
            return None;
        };
        if items.is_empty() {
            self.push(
                Finding::new(
                    Code::EmptySubscription,
                    path,
                    node.span,
                    "`events` is empty, so no event is subscribed",
                )
                .hint("list at least \"certificate_issued\", or omit `events`"),
            );
        }
        let names: Vec<Option<&str>> = items
            .iter()
            .map(|item| match &item.value {
                Value::String(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let repeated = json::repeats(&names);
        let mut subscribed = Vec::with_capacity(items.len());
        let errors_before = self.findings.error_count();
        for (i, item) in items.iter().enumerate() {
            let item_path = || pointer(path, &i.to_string());
            let Value::String(name) = &item.value else {
                self.push(Finding::wrong_type(
                    item_path(),
                    item,
                    "an event name",
                    "a string",
                ));
                continue;
            };
            if repeated[i] {
                self.push(Finding::repeated(item_path(), item, json::shown(name)));
                continue;
            }
            match catalog::event(name) {
                Some((known, EventKind::Subscribable | EventKind::Approval)) => subscribed.push(known),
                Some((_, EventKind::System)) => self.push(
                    Finding::new(
                        Code::InvalidValue,
                        item_path(),
                        item.span,
                        format!("{} is sent by DigiCert while the webhook is set up; it cannot be subscribed", json::shown(name)),
                    )
                    .hint("remove it"),
                ),
                None => {
                    let close = suggest::closest(name, catalog::subscribable_events());
                    let mut finding =
                        Finding::new(Code::InvalidValue, item_path(), item.span, format!("{} is not a CertCentral event name", json::shown(name)));
                    finding = match close {
                        Some(close) => finding.hint(format!("did you mean \"{close}\"?")).replacement(json::quote(close)),
                        // docs/domain.md §4: the completed-approval event exists, but its name is not documented.
                        None if name.to_ascii_lowercase().contains("approv") => finding.hint(format!(
                            "did you mean \"{}\"? DigiCert does not document the name of an event for a completed approval, so it cannot be subscribed here",
                            catalog::APPROVAL_EMAIL_SENT
                        )),
                        None => finding.hint(format!(
                            "subscribable events: {}",
                            catalog::subscribable_events().collect::<Vec<_>>().join(", ")
                        )),
                    };
                    self.push(finding);
                }
            }
        }
        self.settings.events = Setting {
            value: subscribed,
            source: self.stated_unless_errors_since(errors_before),
            path: path.to_string().into(),
        };
        without_repeats(items, &repeated)
    }

    /// Checks `webhook_settings`; returns it with canonical flags when it had others.
    fn webhook_settings(&mut self, node: &Node, path: &str) -> Option<Value> {
        let Value::Object(members) = &node.value else {
            self.push(Finding::wrong_type(
                path,
                node,
                "`webhook_settings`",
                "an object",
            ));
            self.settings.mark_settings(Source::Invalid);
            return None;
        };
        self.duplicate_keys(members, path);
        let mut kept = Vec::with_capacity(members.len());
        for at in last_wins_at(members) {
            let member = &members[at];
            let member_path = pointer(path, &member.key);
            let node = &member.value;
            let replaced = if let Some(flag) = Flag::from_key(&member.key) {
                self.flag(flag, node, &member_path)
            } else if member.key == catalog::FREQUENCY {
                self.frequency(node, &member_path)
            } else {
                self.unknown_field(
                    member,
                    path,
                    &catalog::SETTINGS_KEYS,
                    Some((&catalog::BODY_KEYS, "to the top level of the body")),
                );
                None
            };
            kept.push(Kept { at, replaced });
        }
        (!untouched(members, &kept)).then(|| Value::Object(assemble(&mut members.clone(), kept)))
    }

    /// Reads one flag; returns its canonical spelling when it is written another way.
    fn flag(&mut self, flag: Flag, node: &Node, path: &str) -> Option<Value> {
        let (on, respelled) = match flag_spelling(&node.value) {
            FlagSpelling::Canonical(on) => (on, false),
            FlagSpelling::Alternative(on) => {
                let canonical = flag_text(on);
                let (severity, consequence) = if self.options.strict {
                    (Severity::Error, "strict mode accepts only \"1\" and \"0\"")
                } else {
                    (
                        Severity::Warning,
                        "it is accepted and sent as the string the API documents",
                    )
                };
                self.push(
                    Finding::new(
                        Code::FlagSpelling,
                        path,
                        node.span,
                        format!(
                            "`{}` is written as {}; {consequence}",
                            flag.key(),
                            json_text(&node.value)
                        ),
                    )
                    .severity(severity)
                    .hint(format!("write \"{canonical}\""))
                    .replacement(json::quote(canonical)),
                );
                (on, true)
            }
            FlagSpelling::Invalid => {
                let code = match node.value {
                    Value::Array(_) | Value::Object(_) => Code::InvalidType,
                    _ => Code::InvalidValue,
                };
                let lower = match &node.value {
                    Value::String(s) => s.to_ascii_lowercase(),
                    _ => String::new(),
                };
                let meant = match lower.as_str() {
                    "true" | "yes" | "on" | "y" => Some(true),
                    "false" | "no" | "off" | "n" => Some(false),
                    _ => None,
                };
                let (hint, replacement) = match meant {
                    Some(on) => (
                        format!("write \"{}\"", flag_text(on)),
                        Some(json::quote(flag_text(on))),
                    ),
                    None => (
                        format!(
                            "write \"{}\" for on or \"{}\" for off",
                            flag_text(true),
                            flag_text(false)
                        ),
                        None,
                    ),
                };
                let mut finding = Finding::new(
                    code,
                    path,
                    node.span,
                    format!(
                        "`{}` is {}, which is neither on nor off",
                        flag.key(),
                        json_text(&node.value)
                    ),
                )
                .hint(hint);
                finding.replacement = replacement;
                self.push(finding);
                let setting = self.settings.flag_mut(flag);
                setting.source = Source::Invalid;
                setting.path = path.to_string().into();
                return None;
            }
        };
        *self.settings.flag_mut(flag) = Setting {
            value: on,
            source: Source::Stated,
            path: path.to_string().into(),
        };
        respelled.then(|| Value::String(flag_text(on).to_string()))
    }

    /// Checks the notification days; returns them without duplicates when they had any.
    fn frequency(&mut self, node: &Node, path: &str) -> Option<Value> {
        let Value::Array(items) = &node.value else {
            self.push(
                Finding::wrong_type(
                    path,
                    node,
                    &format!("`{}`", catalog::FREQUENCY),
                    "an array of integers",
                )
                .hint(format!("write e.g. [30, 7, 0]: {}", frequency_choices())),
            );
            self.settings.notification_frequency.source = Source::Invalid;
            return None;
        };
        let integers: Vec<Option<i64>> = items
            .iter()
            .map(|item| match &item.value {
                Value::Number(n) => n.as_i64(),
                _ => None,
            })
            .collect();
        let repeated = json::repeats(&integers);
        let errors_before = self.findings.error_count();
        let mut days = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = || pointer(path, &i.to_string());
            let day = integers[i];
            let Some(day) = day else {
                self.push(
                    Finding::new(
                        Code::InvalidType,
                        item_path(),
                        item.span,
                        format!(
                            "{} is not an integer number of days",
                            json_text(&item.value)
                        ),
                    )
                    .hint(frequency_choices()),
                );
                continue;
            };
            if repeated[i] {
                self.push(Finding::repeated(item_path(), item, day));
                continue;
            }
            if !catalog::FREQUENCY_DAYS.contains(&day) {
                self.push(
                    Finding::new(
                        Code::InvalidValue,
                        item_path(),
                        item.span,
                        format!("{day} is not a notification day the API offers"),
                    )
                    .hint(frequency_choices()),
                );
            } else {
                days.push(day);
            }
        }
        self.settings.notification_frequency = Setting {
            value: Some(days),
            source: self.stated_unless_errors_since(errors_before),
            path: path.to_string().into(),
        };
        without_repeats(items, &repeated)
    }
}

/// An array without its repeated items, when it had any.
fn without_repeats(items: &[Node], repeated: &[bool]) -> Option<Value> {
    repeated.contains(&true).then(|| {
        let kept = items.iter().zip(repeated).filter(|(_, r)| !**r);
        Value::Array(kept.map(|(item, _)| item.clone()).collect())
    })
}

/// A short JSON rendering of a value for messages (strings quoted, long ones cut).
fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => json::shown(s),
        Value::Number(n) => n.lexeme().chars().take(40).collect(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        other => other.kind().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The validator accepts exactly the spellings the catalogue lists (and so the schema and
    /// the types): the first two as canonical.
    #[test]
    fn flag_spellings_are_the_catalogues() {
        let read = |text: &str| {
            let node = json::parse(text, json::Limits::default()).expect("JSON");
            flag_spelling(&node.value)
        };
        for (i, text) in catalog::FLAG_SPELLINGS.iter().enumerate() {
            match read(text) {
                FlagSpelling::Canonical(_) => assert!(i < 2, "{text}"),
                FlagSpelling::Alternative(_) => assert!(i >= 2, "{text}"),
                FlagSpelling::Invalid => panic!("{text} is listed but refused"),
            }
        }
        for text in ["\"true\"", "\"yes\"", "2", "-1", "null", "\"\""] {
            assert!(matches!(read(text), FlagSpelling::Invalid), "{text}");
        }
    }

    #[test]
    fn catalogue_values_read_as_sentences() {
        assert_eq!(
            frequency_choices(),
            "any of 90, 60, 30, 7 (days before), 0 (the day of) and -7 (7 days after)"
        );
        assert_eq!(
            diagnostic::in_words(&catalog::STATUSES, "or"),
            "pending, active or inactive"
        );
    }
}
