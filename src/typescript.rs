//! The npm package's TypeScript declarations, generated from the Rust catalogue and enums so
//! that every name users type (events, codes, families, settings keys, event fields) comes
//! from the one source the validator uses. The shapes of the reports are written here next
//! to a test that checks them against what the Rust structs serialize.

use std::fmt::Write;

use crate::catalog::{self, data_fields, EventKind, Field, Flag};
use crate::delivery::Goal;
use crate::diagnostic::Code;
use crate::product::Family;

fn union<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

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

const GOALS: [Goal; 3] = Goal::ALL;

/// The id a goal serializes as (its serde name), so the declared union cannot drift.
fn goal_id(goal: Goal) -> String {
    serde_json::to_value(goal)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The whole `index.d.ts` of the npm package.
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
    let names: Vec<&str> = catalog::EVENTS.iter().map(|(n, _)| *n).collect();
    let subscribable: Vec<&str> = catalog::subscribable_events().collect();
    let flags: Vec<&str> = Flag::ALL.iter().map(|f| f.key()).collect();
    let days: Vec<String> = catalog::FREQUENCY_DAYS
        .iter()
        .map(|d| d.to_string())
        .collect();
    let _ = writeln!(
        w,
        "// Generated from the Rust crate by `cargo run --example generate`; do not edit."
    );
    let _ = writeln!(
        w,
        "// The types of certcentral-webhooks {}.\n",
        crate::version()
    );
    let _ = writeln!(
        w,
        "/** Every event name this version knows. */\nexport type EventName = {};",
        union(names.iter().copied())
    );
    let _ = writeln!(w, "/** The names accepted in a webhook's `events`. */\nexport type SubscribableEventName = {};", union(subscribable.iter().copied()));
    let _ = writeln!(
        w,
        "export type DiagnosticCode = {};",
        union(Code::ALL.iter().map(|c| c.as_str()))
    );
    let _ = writeln!(
        w,
        "export type Family = {};",
        union(Family::KNOWN.iter().map(|f| f.as_str()))
    );
    let goals: Vec<String> = GOALS.iter().map(|g| goal_id(*g)).collect();
    let _ = writeln!(
        w,
        "export type Goal = {};",
        union(goals.iter().map(String::as_str))
    );
    let _ = writeln!(w, "export type FlagKey = {};", union(flags.iter().copied()));
    let _ = writeln!(
        w,
        "/** How the explainer's `settings` names each flag. */\nexport type FlagSummaryName = {};",
        union(Flag::ALL.iter().map(|f| f.summary_name()))
    );
    let _ = writeln!(w, "export type NotificationDay = {};", days.join(" | "));
    out.push_str(STATIC_TYPES);

    let w = &mut out;
    let _ = writeln!(
        w,
        "\n/** A chain entry as sent: end-entity first, then intermediates, then the root. */"
    );
    let _ = writeln!(
        w,
        "export interface ChainEntry {{ subject_common_name?: string; pem: string }}"
    );
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
            w,
            "export interface {type_name} {{ event: \"{name}\"; {data} }}"
        );
    }
    let _ = writeln!(
        w,
        "/** An event this version does not know, kept whole (diagnostic `unknown-event`). */\nexport interface UnknownWebhookEvent {{ event: string; data?: unknown; [field: string]: unknown }}"
    );
    let _ = writeln!(w, "/** A known webhook event: a discriminated union on `event`. */\nexport type WebhookEvent = {};", members.join(" | "));
    out
}

const STATIC_TYPES: &str = r#"
export type Severity = "error" | "warning" | "info";
/** 1-based line and column; column and offset count UTF-16 code units. */
export interface Position { line: number; column: number; offset: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** RFC 6901 JSON Pointer into the input; "" is the root. */
  path: string;
  message: string;
  /** What to write instead. */
  hint?: string;
  /** Present whenever the input was text. */
  range?: Range;
  /** Where the fix is mechanical: the JSON text that replaces `range`. */
  replacement?: string;
}

/** How a flag may be written; the API documents "1" and "0". */
export type FlagValue = "1" | "0" | boolean | 0 | 1;
export type WebhookSettings = { [K in FlagKey]?: FlagValue } & { webhook_notification_frequency?: NotificationDay[] };
/** A create (POST /webhook) or update (PUT /webhook/{id}) body. */
export interface WebhookRequestBody {
  endpoint: string;
  secret?: string;
  events?: SubscribableEventName[];
  webhook_settings?: WebhookSettings;
}
/** The body to send: flags as "1"/"0", duplicates removed, key order kept; unknown keys kept. */
export interface NormalizedRequestBody {
  endpoint?: string;
  secret?: string;
  events?: string[];
  webhook_settings?: { [K in FlagKey]?: "1" | "0" } & { webhook_notification_frequency?: number[] } & Record<string, unknown>;
  [field: string]: unknown;
}

export interface ValidateOptions {
  /** Default "create". On update, `secret: ""` removes the secret. */
  mode?: "create" | "update";
  /** Flags spelled other than "1"/"0" become errors. Default false. */
  strict?: boolean;
  /** Default 100; `truncated` says when the list was cut. */
  maxDiagnostics?: number;
  /** Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
interface ValidationReportBase {
  /** In document order. */
  diagnostics: Diagnostic[];
  /** Whether the list was cut at maxDiagnostics. */
  truncated: boolean;
}
/** No error (counting errors beyond the maxDiagnostics cut): `normalized` is the body to send. */
export interface ValidValidationReport extends ValidationReportBase { valid: true; normalized: NormalizedRequestBody }
/** At least one error: `normalized` is the body as far as it could be read (null when it is not a JSON object); do not send it. */
export interface InvalidValidationReport extends ValidationReportBase { valid: false; normalized: NormalizedRequestBody | null }
/** Discriminated by `valid`: `if (report.valid)` makes `normalized` the body to send. */
export type ValidationReport = ValidValidationReport | InvalidValidationReport;

export type Issuance = "not_instant" | "instant";
export interface DeliveryOutcome {
  family: Family;
  issuance: Issuance;
  /** Is certificate_issued sent at all. */
  eventSent: boolean;
  includesChain: boolean;
  /** True only when every input in `decidedBy` is stated in the body with a valid value (an
   * input the rules make irrelevant, such as the chain flag for code signing, is not listed)
   * and the product is known or cannot matter. Otherwise `eventSent` and `includesChain` rest
   * on the assumptions listed in `assumed` and named in `reason`. */
  certain: boolean;
  /** The matrix cell in a few words; "(assumed)" when an input is assumed, "event, chain
   * unknown" when the product is. */
  summary: "no event" | "no event (assumed)" | "event with chain" | "event without chain" | "event with chain (assumed)" | "event without chain (assumed)" | "event, chain unknown";
  /** One sentence a person can act on; names the deciding settings by their API keys and
   * every assumption in words (omitted, kept by an update, invalid, unreadable). */
  reason: string;
  /** JSON Pointers of every input the answer depends on, `/events` first. */
  decidedBy: string[];
  /** The pointers of `decidedBy` whose value is not stated in the body, so assumed. */
  assumed: string[];
}
export interface CaseOutcome extends Omit<DeliveryOutcome, "family"> { family: Family | "unknown" }
export type EffectiveSettings = {
  events: string[];
  certificateIssuedSubscribed: boolean;
  notificationFrequency: number[] | null;
} & { [K in FlagSummaryName]: boolean };
/** A setting the body does not state, and what the answer assumes for it: `default` (omitted
 * on create), `unchanged` (omitted on update: the current value, unknown here), `invalid` (in
 * the body with a value the API would refuse; never called omitted), `unreadable` (the body
 * is not a readable request body). */
export interface Assumption { path: string; source: "default" | "unchanged" | "invalid" | "unreadable"; note: string }
export interface Recommendation {
  goal: Goal;
  description: string;
  /** An RFC 7396 JSON Merge Patch for the request body. */
  patch: { events?: string[]; webhook_settings?: { [K in FlagKey]?: "1" | "0" } };
}
export interface DeliveryReport {
  /** As validateRequest would say: no error, counting those beyond the diagnostics cap. */
  valid: boolean;
  settings: EffectiveSettings;
  assumptions: Assumption[];
  /** One per family x issuance: families in the order of `Family`, not_instant first. */
  outcomes: DeliveryOutcome[];
  approval: { subscribed: string[]; note: string };
  recommendations: Recommendation[];
  diagnostics: Diagnostic[];
}
export interface ExplainOptions {
  mode?: "create" | "update";
  /** Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
/** An Order-info `product` object (other fields are ignored). */
export interface ProductInfo { name_id?: string; type?: string; group_name?: string; validation_type?: string; [field: string]: unknown }
export interface Scenario { product: string | ProductInfo; instant: boolean; mode?: "create" | "update" }

export interface CertificateInfo {
  index: number;
  /** From the certificate itself, not its place: a CA that is self-signed (or whose subject
   * reads as its issuer) is the root, every other CA an intermediate, a non-CA the leaf. */
  role: "leaf" | "intermediate" | "root";
  /** As sent in the payload. */
  subjectCommonName: string | null;
  /** Decoded from the certificate. */
  commonName: string | null;
  /** RFC 4514. */
  subject: string;
  issuer: string;
  /** Lowercase hex, no separators. */
  serialNumber: string;
  /** ISO 8601 UTC, e.g. 2031-11-10T00:00:00Z. */
  notBefore: string;
  notAfter: string;
  /** Lowercase hex of the DER. */
  sha256Fingerprint: string;
  isCa: boolean;
  selfSigned: boolean;
  /** The `index` of the entry that issued this one (by names and key identifiers); null when
   * self-signed or when the issuer is not in the chain. */
  issuerIndex: number | null;
  dnsNames: string[];
  keyAlgorithm: string;
  signatureAlgorithm: string;
}
export interface ParseOptions {
  /** ISO 8601 or epoch milliseconds, for the validity checks. Default: the clock. */
  now?: string | number;
  /** A webhook request body: the result then explains why the chain is or is not there. */
  settings?: string | WebhookRequestBody | Record<string, unknown>;
  product?: string | ProductInfo;
  instant?: boolean;
  /** The mode of `settings`. */
  mode?: "create" | "update";
  maxDiagnostics?: number;
  /** Per event (per line for parseEvents). Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
interface EventReportBase {
  chain: CertificateInfo[] | null;
  /** With `settings`: why the chain is or is not there. A value the settings state and the
   * event contradicts means "the settings in effect differ"; a value they do not state and the
   * event proves is said as what the event shows; what no setting could produce means the
   * product or issuance was misidentified. Null without `settings`. */
  explanation: string | null;
  diagnostics: Diagnostic[];
  /** parseEvents only: the 1-based line of the record in the NDJSON text. */
  line?: number;
}
/** A known event with no error: `event` is typed by its name. */
export interface KnownEventReport extends EventReportBase { ok: true; event: WebhookEvent; unknownEvent: null }
/** An event this version does not know, kept whole (diagnostic `unknown-event`). */
export interface UnknownEventReport extends EventReportBase { ok: true; event: null; unknownEvent: UnknownWebhookEvent }
/** An event with errors: what arrived, if it was an object, not typed (it may not match any event's type). */
export interface FailedEventReport extends EventReportBase { ok: false; event: ReceivedEvent | null; unknownEvent: UnknownWebhookEvent | null }
/** Discriminated by `ok` (no error diagnostics): `if (r.ok && r.event)` gives a typed known event. */
export type EventReport = KnownEventReport | UnknownEventReport | FailedEventReport;
/** A JSON object as received, before its fields were checked. */
export interface ReceivedEvent { event?: unknown; data?: unknown; [field: string]: unknown }
"#;

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

/** The event a handler registered for `E` receives. */
export type EventOf<E extends EventName> = Extract<WebhookEvent, { event: E }>;
export interface WebhooksOptions {
  /** Compared with X-WEBHOOK-KEY in constant time. Omit the option to check no key; an
   * undefined or empty value throws, so an unset environment variable cannot turn the check off. */
  secret?: string;
  /** Require a source inside 216.168.240.0/20. Default: true when a remote address is known. */
  checkSource?: boolean;
  /** How many proxies in front of the listener to believe in X-Forwarded-For. Default 0. */
  trustProxy?: number;
  /** Larger bodies are refused with 413 without being buffered. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The webhook's request body: reports then explain why the chain is or is not there. */
  settings?: string | WebhookRequestBody | Record<string, unknown>;
  /** The mode of `settings`. */
  mode?: "create" | "update";
  /** For the validity checks. Default: the clock. */
  now?: string | number;
}
/** What a handler gets beside the event. */
export interface HandlerContext {
  report: KnownEventReport | UnknownEventReport;
  chain: CertificateInfo[] | null;
  explanation: string | null;
  /** Notes on how the request arrived (for example a body a framework had already parsed). */
  notes: string[];
}
export type ReceiveFailureCode = "invalid-event" | "missing-key" | "wrong-key" | "forbidden-source" | "method-not-allowed" | "payload-too-large" | "unsupported-media-type" | "handler-failed";
export interface ReceiveInput {
  headers?: Headers | Record<string, string | string[] | undefined>;
  /** Text, bytes, a Node or web stream, or a value a framework already parsed. */
  body?: string | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | NodeStreamLike | object | null;
  remoteAddress?: string;
  /** When given, anything but POST is 405. */
  method?: string;
}
export interface NodeStreamLike { on(event: string, listener: (chunk: Uint8Array | string) => void): unknown; off(event: string, listener: (chunk: Uint8Array | string) => void): unknown; once(event: string, listener: (value?: unknown) => void): unknown }
export interface ReceiveResult {
  status: 200 | 400 | 401 | 403 | 405 | 413 | 415 | 500;
  report: EventReport | null;
  /** Present unless the status is 200. */
  error?: { code: ReceiveFailureCode; message: string };
  notes: string[];
}
export interface Webhooks {
  /** Handlers for one event name (or several) run in the order they were added. */
  on<E extends EventName>(name: E | readonly E[], handler: (event: EventOf<E>, ctx: HandlerContext) => unknown): void;
  /** Runs after the named handlers for every event, known or not. */
  onAny(handler: (event: WebhookEvent | UnknownWebhookEvent, ctx: HandlerContext) => unknown): void;
  /** Gets what a handler threw; the sender gets 500 and no detail. */
  onError(handler: (error: unknown, ctx: HandlerContext) => unknown): void;
  /** `"*"` removes an onAny handler. */
  removeListener(name: EventName | readonly EventName[] | "*", handler: (...args: never[]) => unknown): void;
  /** Checks, parses and dispatches one request; never throws for a bad request. */
  receive(input: ReceiveInput): Promise<ReceiveResult>;
}
export declare function createWebhooks(options?: WebhooksOptions): Webhooks;
export interface NodeRequestLike extends NodeStreamLike {
  method?: string; url?: string; originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
  body?: unknown;
  readableEnded?: boolean;
}
export interface NodeResponseLike { writeHead(status: number, headers: Record<string, string>): unknown; setHeader(name: string, value: string): unknown; end(body?: string): unknown; statusCode: number }
/** A node:http request listener and an Express middleware; other paths go to `next` (or 404). */
export declare function createNodeMiddleware(hooks: Webhooks, options?: { path?: string }): (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void) => void;
/** A fetch-style handler: `export default { fetch: createWebHandler(hooks) }`. */
export declare function createWebHandler(hooks: Webhooks): (request: Request, context?: { remoteAddress?: string }) => Promise<Response>;
/** The PEM bundle to deploy, leaf first, then each issuer by decoded links (not by position);
 * the root only with includeRoot. Throws an Error with code "chain-unusable" and `diagnostics`
 * when there is no chain, an entry did not decode, or the links are broken. */
export declare function fullchainPem(report: EventReport, options?: { includeRoot?: boolean }): string;
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
            assert!(
                text("CertificateInfo").contains(&format!("\"{role}\"")),
                "{role}"
            );
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
                        text("DeliveryOutcome").contains(&format!("\"{}\"", outcome.summary)),
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
                    text("DeliveryOutcome").contains(&format!("\"{}\"", case.summary)),
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
            ("DeliveryOutcome", keys(&delivery["outcomes"][0])),
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
