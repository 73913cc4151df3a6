//! The npm package's TypeScript declarations, written from the Rust crate: every name users
//! type (events, codes, families, settings keys) from the catalogue and the enums, every
//! report interface from its one declaration (`record`), every options object and
//! input shape from `inputs`. What is left here is how TypeScript narrows the reports
//! (a table, checked against the records by a test) and the functions' signatures.

use std::fmt::Write;

use crate::catalog::{self, data_fields, EventKind, Field, Flag};
use crate::chain::{CertificateInfo, Role, ROLE_RULE};
use crate::delivery::{Approval, Goal, Issuance, Mode, Outcome, Patch, Recommendation};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::event::EventReport;
use crate::explain::{Assumption, DeliveryReport, EffectiveSettings};
use crate::inputs::{self, Shape};
use crate::position::{Position, Range};
use crate::product::Family;
use crate::record::{union, MemberDeclaration, Record};
use crate::settings::ValidationReport;

/// `certificate_issued` → `CertificateIssued`.
fn pascal(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn field_type(field: Field) -> &'static str {
    match field {
        Field::Id => "number",
        Field::Text => "string",
        Field::TextList => "string[]",
        Field::Chain => "ChainEntry[]",
    }
}

/// A report interface TypeScript narrows on a member: `name` extends the record `base` with
/// the members given their narrower types.
struct Narrowing {
    name: &'static str,
    doc: &'static str,
    base: &'static str,
    members: &'static [(&'static str, &'static str)],
}

const NARROWINGS: &[Narrowing] = &[
    Narrowing {
        name: "ValidValidationReport",
        doc: "No error (counting errors beyond the maxDiagnostics cut): `normalized` is the body to send.",
        base: ValidationReport::NAME,
        members: &[("valid", "true"), ("normalized", "NormalizedRequestBody")],
    },
    Narrowing {
        name: "InvalidValidationReport",
        doc: "At least one error: `normalized` is the body as far as it could be read (null when it is not a JSON object); do not send it.",
        base: ValidationReport::NAME,
        members: &[("valid", "false")],
    },
    Narrowing {
        name: "DeliveryOutcome",
        doc: "An outcome of the delivery matrix: one of the five known families.",
        base: Outcome::NAME,
        members: &[("family", "Family")],
    },
    Narrowing {
        name: "KnownEventReport",
        doc: "A known event with no error: `event` is typed by its name.",
        base: EventReport::NAME,
        members: &[("ok", "true"), ("event", "WebhookEvent"), ("unknownEvent", "null")],
    },
    Narrowing {
        name: "UnknownEventReport",
        doc: "An event this version does not know, kept whole (diagnostic `unknown-event`).",
        base: EventReport::NAME,
        members: &[("ok", "true"), ("event", "null"), ("unknownEvent", "UnknownWebhookEvent")],
    },
    Narrowing {
        name: "FailedEventReport",
        doc: "An event with errors: what arrived, if it was an object, not typed (it may not match any event's type).",
        base: EventReport::NAME,
        members: &[("ok", "false"), ("event", "ReceivedEvent | null")],
    },
];

/// The unions of narrowings users receive: (name, doc, members), each declared after the
/// record its members narrow.
const UNIONS: &[(&str, &str, &[&str])] = &[
    (
        "ValidationReport",
        "Discriminated by `valid`: `if (report.valid)` makes `normalized` the body to send.",
        &["ValidValidationReport", "InvalidValidationReport"],
    ),
    (
        "EventReport",
        "Discriminated by `ok` (no error diagnostics): `if (r.ok && r.event)` gives a typed known event.",
        &["KnownEventReport", "UnknownEventReport", "FailedEventReport"],
    ),
];

/// A record's interface, as its declaration says.
struct Interface {
    name: &'static str,
    doc: Vec<&'static str>,
    members: Vec<MemberDeclaration>,
    /// Other keys may be present: `[field: string]: unknown`.
    open: bool,
}

fn interface<R: Record>() -> Interface {
    Interface {
        name: R::NAME,
        doc: R::DOC.to_vec(),
        members: R::members(),
        open: false,
    }
}

/// Every report interface, each followed by the narrowings of it.
fn interfaces() -> Vec<Interface> {
    vec![
        interface::<Position>(),
        interface::<Range>(),
        interface::<Diagnostic>(),
        interface::<ValidationReport>(),
        interface::<Outcome>(),
        interface::<EffectiveSettings>(),
        interface::<Assumption>(),
        interface::<Patch>(),
        interface::<Recommendation>(),
        interface::<Approval>(),
        interface::<DeliveryReport>(),
        interface::<CertificateInfo>(),
        interface::<EventReport>(),
    ]
}

/// `/** … */` from doc lines (each as `///` wrote it, with its leading space), indented.
fn doc_comment(out: &mut String, lines: &[&str], indent: &str) {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    match lines.as_slice() {
        [] => {}
        [""] => {}
        [one] => {
            let _ = writeln!(out, "{indent}/** {one} */");
        }
        many => {
            let _ = writeln!(out, "{indent}/**");
            for line in many {
                let _ = writeln!(out, "{indent} * {line}").map(|_| ());
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

fn write_interface(out: &mut String, interface: &Interface) {
    doc_comment(out, &interface.doc, "");
    let _ = writeln!(out, "export interface {} {{", interface.name);
    for member in &interface.members {
        doc_comment(out, &member.doc, "  ");
        let optional = if member.optional { "?" } else { "" };
        let _ = writeln!(out, "  {}{optional}: {};", member.key, member.ts_type);
    }
    if interface.open {
        out.push_str("  [field: string]: unknown;\n");
    }
    out.push_str("}\n");
}

fn write_shape(out: &mut String, shape: &Shape) {
    let members = shape
        .members
        .iter()
        .map(|m| MemberDeclaration {
            key: m.key.to_string(),
            ts_type: m.ts_type.to_string(),
            optional: !m.required,
            doc: if m.doc.is_empty() {
                vec![]
            } else {
                vec![m.doc]
            },
        })
        .collect();
    let doc = if shape.doc.is_empty() {
        vec![]
    } else {
        vec![shape.doc]
    };
    write_interface(
        out,
        &Interface {
            name: shape.name,
            doc,
            members,
            open: shape.open,
        },
    );
}

/// `export type Name = "a" | "b";` with a doc comment.
fn alias(out: &mut String, doc: &str, name: &str, ts_type: &str) {
    doc_comment(out, &[doc], "");
    let _ = writeln!(out, "export type {name} = {ts_type};");
}

/// The whole `index.d.ts` of the npm package, but for the listener kit's hand-written part
/// (`pkg/listener.d.ts.in`, appended by `examples/generate.rs`).
pub fn declarations() -> String {
    let mut out = types();
    out.push_str(COMMON_FUNCTIONS);
    out.push_str(FULL_FUNCTIONS);
    out
}

/// `validate.d.ts`: the same types, and the functions of `certcentral-webhooks/validate`.
pub fn validate_declarations() -> String {
    let mut out = types();
    out.push_str(COMMON_FUNCTIONS);
    out
}

/// Every type the package declares, before any function.
fn types() -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "// Generated from the Rust crate by `cargo run --example generate`; do not edit."
    );
    let _ = writeln!(
        w,
        "// The types of certcentral-webhooks {}.\n",
        crate::version()
    );
    // The names users type, each from the list the Rust code reads: (doc, alias, union).
    let aliases = [
        (
            "Every event name this version knows.",
            "EventName",
            union(catalog::EVENTS.iter().map(|(n, _)| *n)),
        ),
        (
            "The names accepted in a webhook's `events`.",
            "SubscribableEventName",
            union(catalog::subscribable_events()),
        ),
        (
            "A diagnostic's stable code.",
            "DiagnosticCode",
            union(Code::ALL.iter().map(|c| c.as_str())),
        ),
        ("", "Severity", union(Severity::ALL.map(Severity::as_str))),
        (
            "The product families of the delivery matrix.",
            "Family",
            union(Family::KNOWN.map(Family::as_str)),
        ),
        ("", "Issuance", union(Issuance::BOTH.map(Issuance::as_str))),
        ("", "Goal", union(Goal::ALL.map(Goal::as_str))),
        (
            "Whether a body creates a webhook (POST /webhook) or updates one (PUT /webhook/{id}).",
            "Mode",
            union(Mode::ALL.map(Mode::as_str)),
        ),
        (ROLE_RULE, "Role", union(Role::ALL.map(Role::as_str))),
        ("", "FlagKey", union(Flag::ALL.map(Flag::key))),
        (
            "How the explainer's `settings` names each flag.",
            "FlagSummaryName",
            union(Flag::ALL.map(Flag::summary_name)),
        ),
    ];
    for (doc, name, values) in &aliases {
        alias(w, doc, name, values);
    }
    let days: Vec<String> = catalog::FREQUENCY_DAYS
        .iter()
        .map(|d| d.to_string())
        .collect();
    alias(w, "", "NotificationDay", &days.join(" | "));
    let on_off = union([catalog::flag_text(true), catalog::flag_text(false)]);
    // JSON literals are TypeScript literal types as written.
    alias(
        w,
        catalog::FLAG_DOC,
        "FlagValue",
        &catalog::FLAG_SPELLINGS.join(" | "),
    );
    let frequency = catalog::FREQUENCY;
    alias(
        w,
        "",
        "WebhookSettings",
        &format!("{{ [K in FlagKey]?: FlagValue }} & {{ {frequency}?: NotificationDay[] }}"),
    );
    alias(
        w,
        "`webhook_settings` as normalized: flags as \"1\"/\"0\", unknown keys kept.",
        "NormalizedWebhookSettings",
        &format!(
            "{{ [K in FlagKey]?: {on_off} }} & {{ {frequency}?: number[] }} & Record<string, unknown>"
        ),
    );

    out.push('\n');
    for shape in inputs::SHAPES.iter().chain(&inputs::ALL) {
        write_shape(&mut out, shape);
    }
    for record in interfaces() {
        out.push('\n');
        write_interface(&mut out, &record);
        for narrowing in NARROWINGS.iter().filter(|n| n.base == record.name) {
            doc_comment(&mut out, &[narrowing.doc], "");
            let members: Vec<String> = narrowing
                .members
                .iter()
                .map(|(key, ts_type)| format!("{key}: {ts_type}"))
                .collect();
            let _ = writeln!(
                out,
                "export interface {} extends {} {{ {} }}",
                narrowing.name,
                narrowing.base,
                members.join("; ")
            );
        }
        for (name, doc, members) in UNIONS {
            let narrowed = NARROWINGS.iter().find(|n| n.name == members[0]);
            if narrowed.is_some_and(|n| n.base == record.name) {
                alias(&mut out, doc, name, &members.join(" | "));
            }
        }
    }

    out.push('\n');
    let mut members = Vec::new();
    for (name, kind) in catalog::EVENTS {
        let type_name = format!("{}Event", pascal(name));
        members.push(type_name.clone());
        let data = match (data_fields(name), kind) {
            (Some(fields), _) => {
                let mut body = String::new();
                for (key, field, required) in fields {
                    let optional = if *required { "" } else { "?" };
                    let _ = write!(body, " {key}{optional}: {};", field_type(*field));
                }
                format!("data: {{{body} [field: string]: unknown }}")
            }
            (None, EventKind::System) => "data?: undefined".to_string(),
            (None, _) => "/** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown>".to_string(),
        };
        let _ = writeln!(
            out,
            "export interface {type_name} {{ event: \"{name}\"; {data} }}"
        );
    }
    alias(
        &mut out,
        "A known webhook event: a discriminated union on `event`.",
        "WebhookEvent",
        &members.join(" | "),
    );
    out
}

/// What both entries declare: inputs, the catalogue lists, version and loading.
const COMMON_FUNCTIONS: &str = r#"
/** JSON text (preferred: positions are known), its UTF-8 bytes (a Buffer, typed array or
 * ArrayBuffer, decoded as TextDecoder does), or an already-parsed value. */
export type JsonInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | object;
/** Validates a webhook create/update body, or the GET /webhook response. Never throws for bad input. */
export declare function validateRequest(input: JsonInput, options?: ValidateOptions): ValidationReport;
/** JSON Schema (2020-12) of the create/update body. */
export declare function requestSchema(): Record<string, unknown>;
/** Every event name known, subscribable first. */
export declare const EVENT_NAMES: readonly EventName[];
/** The event names accepted in a webhook's `events`. */
export declare const SUBSCRIBABLE_EVENT_NAMES: readonly SubscribableEventName[];
/** The product families of the delivery matrix, in its order, with a label for people. */
export declare const FAMILIES: readonly { readonly id: Family; readonly label: string }[];
/** The two issuances of the delivery matrix, in its order, with a label for people. */
export declare const ISSUANCES: readonly { readonly id: Issuance; readonly label: string }[];
/** The input limit every function applies unless given `maxInputBytes`: bytes of UTF-8. */
export declare const DEFAULT_MAX_INPUT_BYTES: number;
/** The on/off settings of webhook_settings: API key, a label for people, and the name the
 * explainer's `settings` gives each. */
export declare const FLAGS: readonly { readonly key: FlagKey; readonly label: string; readonly summaryName: FlagSummaryName }[];
export declare function version(): string;

/** What init() accepts: a URL or path of the .wasm, its bytes, a Response, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** Loads the wasm (browsers and bundlers; resolves at once under Node). Call once before anything else. */
export declare function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;
/** Loads the wasm synchronously from its bytes or a compiled module (a no-op under Node). */
export declare function initSync(input: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
export default init;
"#;

/// What only the full entry declares: the explainer, events and the listener kit.
const FULL_FUNCTIONS: &str = r#"
/** Which certificate_issued events carry certificate_chain, for every product family and issuance. */
export declare function explainDelivery(input: JsonInput, options?: ExplainOptions): DeliveryReport;
/** One outcome for one product and kind of issuance. */
export declare function explainCase(input: JsonInput, scenario: Scenario): CaseOutcome;
export declare function classifyProduct(product: string | ProductInfo): Family | "unknown";
/** Parses one webhook event and decodes its certificate chain. */
export declare function parseEvent(input: JsonInput, options?: ParseOptions): EventReport;
/** One result per non-empty line; positions refer to the whole text. */
export declare function parseEvents(ndjson: string | Uint8Array | ArrayBuffer, options?: ParseOptions): EventReport[];
/** Compares the X-WEBHOOK-KEY header with the secret in constant time. */
export declare function verifyWebhookKey(received: string | null | undefined, secret: string): boolean;
/** True for an IPv4 address (or IPv4-mapped IPv6) inside DigiCert's 216.168.240.0/20. */
export declare function isDigiCertSource(ip: string): boolean;
/** JSON Schema (2020-12) of the event envelope and the known events. */
export declare function eventSchema(): Record<string, unknown>;

"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::Source;

    /// The interface named `name` in the declarations, as text.
    fn interface<'d>(declarations: &'d str, name: &str) -> &'d str {
        let start = declarations
            .find(&format!("export interface {name} "))
            .or_else(|| declarations.find(&format!("interface {name} ")))
            .or_else(|| declarations.find(&format!("export type {name} =")))
            .unwrap_or_else(|| panic!("{name}"));
        let first_line = declarations[start..]
            .find('\n')
            .map_or(declarations.len(), |e| start + e);
        // A one-line interface ends on its own line; a block at its closing brace.
        let line = declarations[start..first_line].trim_end();
        let end = if line.ends_with('}') || line.ends_with(';') {
            first_line
        } else {
            declarations[start..]
                .find("\n}")
                .map_or(declarations.len(), |e| start + e)
        };
        &declarations[start..end]
    }

    fn keys(value: &serde_json::Value) -> Vec<String> {
        value
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// A maximal sample: a chain event with every optional field of `CertificateInfo` and of a
    /// diagnostic present, checked key by key, and every literal a union admits.
    #[test]
    fn a_maximal_sample_matches_the_declarations() {
        let d = declarations();
        let pem = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/certs/DigiCert_Global_Root_G2.pem"
        ))
        .expect("fixture");
        let event = serde_json::json!({"event": "certificate_issued", "data": {"order_id": 1,
            "certificate_id": 2, "certificate_chain": [{"subject_common_name": "x", "pem": pem}]}});
        let settings = r#"{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":true}}"#;
        let options = crate::ParseOptions {
            settings: Some(settings.into()),
            now: Some(0),
            ..Default::default()
        };
        let reports = crate::parse_events(&format!("{event}\n"), &options);
        let report = serde_json::to_value(&reports).expect("serializes");
        let entry = &report[0]["chain"][0];
        let text = |n: &str| -> String { n.split('+').map(|n| interface(&d, n)).collect() };
        for field in keys(entry) {
            assert!(
                text("CertificateInfo").contains(&format!("{field}:")),
                "CertificateInfo lacks {field}"
            );
        }
        for field in keys(&report[0]) {
            let declared = text("EventReportBase+FailedEventReport");
            assert!(
                declared.contains(&format!("{field}:")) || declared.contains(&format!("{field}?:")),
                "EventReport lacks {field}"
            );
        }
        let diagnostic = report[0]["diagnostics"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d.get("hint").is_some()))
            .expect("a diagnostic with a hint");
        for field in keys(diagnostic) {
            assert!(
                text("Diagnostic").contains(&format!("{field}:"))
                    || text("Diagnostic").contains(&format!("{field}?:")),
                "Diagnostic lacks {field}"
            );
        }
        // Literal unions: roles, sources and every summary the matrix can show.
        for role in ["leaf", "intermediate", "root"] {
            assert!(text("Role").contains(&format!("\"{role}\"")), "{role}");
        }
        for source in [
            Source::Default,
            Source::Unchanged,
            Source::Invalid,
            Source::Unreadable,
        ] {
            assert!(text("Assumption").contains(&format!("\"{}\"", source.as_str())));
        }
        let bodies = [
            settings,
            r#"{"endpoint":"https://a.example.com","events":["certificate_issued"],"webhook_settings":{"instant_issue_webhook_notification":"1","webhook_send_certificate_chain":"1","webhook_send_instant_issued_certificate_chain":"0"}}"#,
            r#"{"endpoint":"https://a.example.com","events":["certificate_revoked"]}"#,
        ];
        for body in bodies {
            for mode in [crate::Mode::Create, crate::Mode::Update] {
                let options = crate::ValidateOptions {
                    mode,
                    ..Default::default()
                };
                for outcome in crate::explain_delivery(body, &options).outcomes {
                    assert!(
                        text("CaseOutcome").contains(&format!("\"{}\"", outcome.summary)),
                        "{}",
                        outcome.summary
                    );
                }
                let case = crate::explain_case(
                    body,
                    &options,
                    &crate::ProductRef::Name("x".into()),
                    false,
                );
                assert!(
                    text("CaseOutcome").contains(&format!("\"{}\"", case.summary)),
                    "{}",
                    case.summary
                );
            }
        }
    }

    /// Every field the Rust reports serialize is declared in their TypeScript interface.
    #[test]
    fn declared_interfaces_match_what_rust_serializes() {
        let d = declarations();
        let body = r#"{"endpoint":"http://a.example.com","events":["x"],"webhook_settings":{"webhook_send_certificate_chain":true}}"#;
        let report =
            serde_json::to_value(crate::validate_request(body, &Default::default())).unwrap();
        let delivery =
            serde_json::to_value(crate::explain_delivery(body, &Default::default())).unwrap();
        let event =
            serde_json::to_value(crate::parse_event("{\"event\":1}", &Default::default())).unwrap();
        let checks = [
            (
                "ValidationReportBase+InvalidValidationReport",
                keys(&report),
            ),
            ("Diagnostic", keys(&report["diagnostics"][0])),
            ("Range", keys(&report["diagnostics"][0]["range"])),
            (
                "Position",
                keys(&report["diagnostics"][0]["range"]["start"]),
            ),
            ("DeliveryReport", keys(&delivery)),
            (
                "EffectiveSettings+FlagSummaryName",
                keys(&delivery["settings"]),
            ),
            (
                "CaseOutcome+DeliveryOutcome",
                keys(&delivery["outcomes"][0]),
            ),
            ("Assumption", keys(&delivery["assumptions"][0])),
            ("Recommendation", keys(&delivery["recommendations"][0])),
            ("EventReportBase+FailedEventReport", keys(&event)),
        ];
        for (name, fields) in checks {
            assert!(!fields.is_empty(), "{name}: no sample fields");
            let text: String = name.split('+').map(|n| interface(&d, n)).collect();
            for field in fields {
                assert!(
                    text.contains(&format!("{field}:"))
                        || text.contains(&format!("{field}?:"))
                        || text.contains(&format!("\"{field}\"")),
                    "{name} lacks {field}"
                );
            }
        }
    }

    /// The declarations as reviewed, committed in `tests/api/index.d.ts`: a key or type that
    /// changes by mistake (a typo in a `record!` key reaches the JSON, `Serialize` and the
    /// types alike, so no other test can see it) shows here as a diff. After an intended
    /// change, `UPDATE_API_REPORT=1 cargo test --lib typescript` rewrites the file; review
    /// its diff like code.
    #[test]
    fn declarations_match_the_committed_api_report() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/index.d.ts");
        let generated = declarations();
        if std::env::var_os("UPDATE_API_REPORT").is_some() {
            std::fs::write(path, &generated).expect("write the API report");
            return;
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if let Some((line, (want, got))) = committed
            .lines()
            .chain(std::iter::repeat(""))
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (want, got))| want != got)
        {
            panic!(
                "tests/api/index.d.ts line {}: the API report says\n  {want}\nbut the crate now declares\n  {got}\n(intended? UPDATE_API_REPORT=1 cargo test --lib typescript)",
                line + 1
            );
        }
        assert_eq!(
            committed.lines().count(),
            generated.lines().count(),
            "tests/api/index.d.ts has extra lines"
        );
    }

    #[test]
    fn every_narrowing_narrows_a_member_its_record_declares() {
        let records = interfaces();
        for narrowing in NARROWINGS {
            let base = records
                .iter()
                .find(|r| r.name == narrowing.base)
                .unwrap_or_else(|| panic!("{}: no record {}", narrowing.name, narrowing.base));
            for (key, _) in narrowing.members {
                assert!(
                    base.members.iter().any(|m| m.key == *key),
                    "{} narrows {key}, which {} does not declare",
                    narrowing.name,
                    narrowing.base
                );
            }
        }
        for (name, _, members) in UNIONS {
            for member in *members {
                assert!(
                    NARROWINGS.iter().any(|n| n.name == *member),
                    "{name}: {member}"
                );
            }
        }
    }

    #[test]
    fn every_code_is_declared_once() {
        let d = declarations();
        for code in Code::ALL {
            assert_eq!(
                d.matches(&format!("\"{}\"", code.as_str())).count(),
                1,
                "{}",
                code.as_str()
            );
        }
    }

    #[test]
    fn no_any_in_the_declarations() {
        for line in declarations().lines() {
            let code = line
                .split("/*")
                .next()
                .unwrap_or("")
                .split("//")
                .next()
                .unwrap_or("");
            let words = code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_');
            assert!(!words.clone().any(|w| w == "any"), "`any` in: {line}");
        }
    }
}
