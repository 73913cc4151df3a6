// Generated from the Rust crate by `cargo run --example generate`; do not edit.
// The types of certcentral-webhooks 0.1.0.

/** Every event name this version knows. */
export type EventName = "certificate_issued" | "certificate_revoked" | "order_rejected" | "organization_validated" | "organization_expired" | "organization_revalidation_notice" | "domain_validated" | "domain_expired" | "domain_revalidation_notice" | "order_approval_email_sent" | "test_webhook_endpoint" | "challenge_webhook_endpoint";
/** The names accepted in a webhook's `events`. */
export type SubscribableEventName = "certificate_issued" | "certificate_revoked" | "order_rejected" | "organization_validated" | "organization_expired" | "organization_revalidation_notice" | "domain_validated" | "domain_expired" | "domain_revalidation_notice" | "order_approval_email_sent";
/** A diagnostic's stable code. */
export type DiagnosticCode = "json-syntax" | "input-too-large" | "invalid-root" | "missing-field" | "unknown-field" | "duplicate-key" | "invalid-type" | "invalid-value" | "secret-too-short" | "flag-spelling" | "duplicate-value" | "empty-subscription" | "no-effect" | "list-response" | "unknown-event" | "pem-invalid" | "chain-order" | "chain-incomplete" | "chain-name-mismatch" | "certificate-expired" | "certificate-not-yet-valid";
export type Severity = "error" | "warning" | "info";
/** The product families of the delivery matrix. */
export type Family = "public_tls" | "private_tls" | "code_signing" | "document_signing" | "smime";
export type Issuance = "not_instant" | "instant";
export type Goal = "chain-in-every-tls-event" | "events-for-instant-issuance" | "no-chain";
/** Whether a body creates a webhook (POST /webhook) or updates one (PUT /webhook/{id}). */
export type Mode = "create" | "update";
/** What a certificate is in its chain, from the certificate itself, not its place, so a reordered chain reads the same: a CA that is self-signed, or whose subject and issuer read the same, or that issued another entry, is the root; any other CA is an intermediate; a certificate that is no CA is the leaf. */
export type Role = "leaf" | "intermediate" | "root";
export type FlagKey = "instant_issue_webhook_notification" | "webhook_send_certificate_chain" | "webhook_send_instant_issued_certificate_chain";
/** How the explainer's `settings` names each flag. */
export type FlagSummaryName = "instantIssueNotification" | "sendCertificateChain" | "sendInstantIssuedCertificateChain";
export type NotificationDay = 90 | 60 | 30 | 7 | 0 | -7;
/** On or off. The API documents the strings "1" and "0"; true/false and 1/0 are accepted and normalised. */
export type FlagValue = "1" | "0" | true | false | 1 | 0;
export type WebhookSettings = { [K in FlagKey]?: FlagValue } & { webhook_notification_frequency?: NotificationDay[] };
/** `webhook_settings` as normalized: flags as "1"/"0", unknown keys kept. */
export type NormalizedWebhookSettings = { [K in FlagKey]?: "1" | "0" } & { webhook_notification_frequency?: number[] } & Record<string, unknown>;

/** A create (POST /webhook) or update (PUT /webhook/{id}) body. */
export interface WebhookRequestBody {
  /** The listener's URL; it must begin with https:// and be reachable from the internet. */
  endpoint: string;
  /** Sent back in the X-WEBHOOK-KEY header; at least 32 characters. On update, "" removes it. */
  secret?: string;
  /** The events subscribed to. */
  events?: SubscribableEventName[];
  webhook_settings?: WebhookSettings;
}
/** The body to send: flags as "1"/"0", duplicates removed, key order kept; unknown keys kept. */
export interface NormalizedRequestBody {
  endpoint?: string;
  secret?: string;
  events?: string[];
  webhook_settings?: NormalizedWebhookSettings;
  [field: string]: unknown;
}
/** A JSON object as received, before its fields were checked. */
export interface ReceivedEvent {
  event?: unknown;
  data?: unknown;
  [field: string]: unknown;
}
/** An event this version does not know, kept whole (diagnostic `unknown-event`). */
export interface UnknownWebhookEvent {
  event: string;
  data?: unknown;
  [field: string]: unknown;
}
/** A chain entry as sent: end-entity first, then intermediates, then the root. */
export interface ChainEntry {
  subject_common_name?: string;
  pem: string;
}
export interface ValidateOptions {
  /** Default "create". On update, an omitted setting keeps its current value, and `secret: ""` removes the secret. */
  mode?: Mode;
  /** Flags spelled other than "1"/"0" become errors. Default false. */
  strict?: boolean;
  /** Default 100; `truncated` says when the list was cut. */
  maxDiagnostics?: number;
  /** Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
export interface ExplainOptions {
  /** Default "create". On update, an omitted setting keeps its current value. */
  mode?: Mode;
  /** Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
/** One product and kind of issuance. */
export interface Scenario {
  /** The product ordered, as a `name_id` or `type`, or an Order-info `product` object. */
  product: string | ProductInfo;
  /** Whether the certificate was issued the instant the order was created. */
  instant: boolean;
  /** Default "create". On update, an omitted setting keeps its current value. */
  mode?: Mode;
}
export interface ParseOptions {
  /** ISO 8601 or epoch milliseconds, for the validity checks. Default: the clock. */
  now?: string | number;
  /** A webhook request body: the result then explains why the chain is or is not there. */
  settings?: string | WebhookRequestBody | Record<string, unknown>;
  /** The product ordered, as a `name_id` or `type`, or an Order-info `product` object. */
  product?: string | ProductInfo;
  /** Whether the certificate was issued the instant the order was created. */
  instant?: boolean;
  /** The mode of `settings`. */
  mode?: Mode;
  /** Per event. Default 100. */
  maxDiagnostics?: number;
  /** Per event (per line for parseEvents). Default 1 MiB of UTF-8. */
  maxInputBytes?: number;
}
/** An Order-info `product` object; other fields are ignored. */
export interface ProductInfo {
  name_id?: string;
  type?: string;
  group_name?: string;
  validation_type?: string;
  [field: string]: unknown;
}

/** 1-based line and column; column and offset count UTF-16 code units. */
export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** 0-based, from the start of the text. */
  offset: number;
}

/** Where a diagnostic is in the text: `start` inclusive, `end` exclusive. */
export interface Range {
  /** The first character. */
  start: Position;
  /** Just after the last character. */
  end: Position;
}

/** One finding, placed in the text. */
export interface Diagnostic {
  /** How much it matters: an error makes the body or event invalid. */
  severity: Severity;
  /** Stable: match on it, not on `message`. */
  code: DiagnosticCode;
  /** RFC 6901 JSON Pointer into the input; "" is the root. */
  path: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to write instead. */
  hint?: string;
  /** Present whenever the input was text. */
  range?: Range;
  /**
   * Where the fix is mechanical: the JSON text that replaces `range` (editors offer it
   * as a one-click fix).
   */
  replacement?: string;
}

/** What `validateRequest` says about a body. TypeScript narrows it on `valid`. */
export interface ValidationReportBase {
  /** No error, counting errors beyond the `maxDiagnostics` cut. */
  valid: boolean;
  /** In document order. */
  diagnostics: Diagnostic[];
  /**
   * The body to send: flags as "1"/"0", duplicates removed, key order kept; null when the
   * input is not a JSON object. Do not send it when `valid` is false.
   */
  normalized: NormalizedRequestBody | null;
  /** Whether the list was cut at `maxDiagnostics`. */
  truncated: boolean;
}
/** No error (counting errors beyond the maxDiagnostics cut): `normalized` is the body to send. */
export interface ValidValidationReport extends ValidationReportBase { valid: true; normalized: NormalizedRequestBody }
/** At least one error: `normalized` is the body as far as it could be read (null when it is not a JSON object); do not send it. */
export interface InvalidValidationReport extends ValidationReportBase { valid: false }
/** Discriminated by `valid`: `if (report.valid)` makes `normalized` the body to send. */
export type ValidationReport = ValidValidationReport | InvalidValidationReport;

/**
 * Whether `certificate_issued` is sent, with or without the chain, for one product family
 * and issuance, and why.
 */
export interface CaseOutcome {
  /** The product family; `unknown` only from `explainCase`. */
  family: Family | "unknown";
  /** Instant or later issuance. */
  issuance: Issuance;
  /** Is certificate_issued sent at all. */
  eventSent: boolean;
  /** Does the event carry `certificate_chain`. */
  includesChain: boolean;
  /**
   * True only when every input in `decidedBy` is stated in the body with a valid value
   * (an input the rules make irrelevant, such as the chain flag for code signing, is not
   * listed) and the product is known or cannot matter. Otherwise `eventSent` and
   * `includesChain` rest on the assumptions listed in `assumed` and named in `reason`.
   */
  certain: boolean;
  /**
   * The matrix cell in a few words; "(assumed)" when an input is assumed, "event, chain
   * unknown" when the product is, "cannot tell" when the body could not be read at all.
   */
  summary: "cannot tell" | "no event" | "no event (assumed)" | "event, chain unknown" | "event with chain" | "event without chain" | "event with chain (assumed)" | "event without chain (assumed)";
  /**
   * One sentence a person can act on; names the deciding settings by their API keys and
   * every assumption in words (omitted, kept by an update, invalid, unreadable).
   */
  reason: string;
  /** JSON Pointers of every input the answer depends on, `/events` first. */
  decidedBy: string[];
  /** The pointers of `decidedBy` whose value is not stated in the body, so assumed. */
  assumed: string[];
}
/** An outcome of the delivery matrix: one of the five known families. */
export interface DeliveryOutcome extends CaseOutcome { family: Family }

/**
 * The effective settings after defaults, in the shape of the API contract: each flag under
 * its summary name.
 */
export interface EffectiveSettings {
  /** The names subscribed, after defaults. */
  events: string[];
  /** Whether `certificate_issued` is among them. */
  certificateIssuedSubscribed: boolean;
  /** `certificate_issued` for certificates issued the instant the order is created too. */
  instantIssueNotification: boolean;
  /** The chain in `certificate_issued` for TLS certificates not issued instantly. */
  sendCertificateChain: boolean;
  /** The chain in `certificate_issued` for TLS certificates issued instantly. */
  sendInstantIssuedCertificateChain: boolean;
  /** `webhook_notification_frequency`, in days; null when not stated. */
  notificationFrequency: number[] | null;
}

/**
 * A setting the body does not state, and what the answer assumes for it: `default`
 * (omitted on create), `unchanged` (omitted on update: the current value, unknown here),
 * `invalid` (in the body with a value the API would refuse; never called omitted),
 * `unreadable` (the body is not a readable request body).
 */
export interface Assumption {
  /** The JSON Pointer of the setting. */
  path: string;
  /** Why the value is assumed. */
  source: "default" | "unchanged" | "invalid" | "unreadable";
  /** The assumption in words. */
  note: string;
}

/**
 * An RFC 7396 JSON Merge Patch for the request body: `events` replaces the whole list
 * (merge patches replace arrays), `webhook_settings` sets only the flags named.
 */
export interface Patch {
  /** The whole new `events` list, when it changes. */
  events?: string[];
  /** The flags to set, when any. */
  webhook_settings?: { [K in FlagKey]?: "1" | "0" };
}

/** A common goal, and the smallest change to the body that reaches it. */
export interface Recommendation {
  /** Which goal. */
  goal: Goal;
  /** The goal in a sentence. */
  description: string;
  /** The change to the body. */
  patch: Patch;
}

/** The approval lifecycle events subscribed, and what that means. */
export interface Approval {
  /** The approval events in `events`. */
  subscribed: string[];
  /** What that means for an order that needs approval. */
  note: string;
}

/** What `explainDelivery` says about a body. */
export interface DeliveryReport {
  /** As `validateRequest` would say: no error, counting those beyond the diagnostics cap. */
  valid: boolean;
  /** The settings in effect, after defaults. */
  settings: EffectiveSettings;
  /** Every setting the answers assume rather than read. */
  assumptions: Assumption[];
  /** One per family x issuance: families in the order of `FAMILIES`, not_instant first. */
  outcomes: DeliveryOutcome[];
  /** The approval lifecycle events. */
  approval: Approval;
  /** The changes that reach common goals; none for a body that cannot be read. */
  recommendations: Recommendation[];
  /** As `validateRequest` gives them. */
  diagnostics: Diagnostic[];
}

/** One entry of `certificate_chain`: where it sits in the chain, and its certificate. */
export interface CertificateInfo {
  /** The entry's position in `certificate_chain` as sent. */
  index: number;
  /** Leaf, intermediate or root, from the certificate itself. */
  role: Role;
  /** As sent in the payload. */
  subjectCommonName: string | null;
  /**
   * The `index` of the entry that issued this one, by names and (where both carry them)
   * key identifiers; null when self-signed or when the issuer is not in the chain.
   */
  issuerIndex: number | null;
  /** Decoded from the certificate. */
  commonName: string | null;
  /** RFC 4514. */
  subject: string;
  /** RFC 4514. */
  issuer: string;
  /** Lowercase hex, no separators; a negative serial as openssl prints it. */
  serialNumber: string;
  /** ISO 8601 UTC, e.g. 2031-11-10T00:00:00Z. */
  notBefore: string;
  /** ISO 8601 UTC. */
  notAfter: string;
  /** Lowercase hex of the SHA-256 of the DER. */
  sha256Fingerprint: string;
  /** Basic constraints say it is a CA. */
  isCa: boolean;
  /**
   * Its issuer is itself: the names match and so do the key identifiers, where both
   * are present.
   */
  selfSigned: boolean;
  /** The DNS names of the subject alternative name extension. */
  dnsNames: string[];
  /** The public key, e.g. "RSA 2048" or "EC P-256". */
  keyAlgorithm: string;
  /** How the issuer signed it, e.g. "sha256WithRSAEncryption". */
  signatureAlgorithm: string;
}

/** What `parseEvent` says about one event. TypeScript narrows it on `ok`, then on `event`. */
export interface EventReportBase {
  /** No error diagnostics. */
  ok: boolean;
  /**
   * A known event as received (duplicate keys resolved as `JSON.parse` would); null when
   * the envelope has no usable `event` name or names an event this version does not know.
   * In JavaScript it is parsed from your text: at once when short, when first read when
   * long (README "What arrives at the listener"); a plain data property once parsed.
   */
  event: WebhookEvent | ReceivedEvent | null;
  /**
   * An event this version does not know, kept whole (diagnostic `unknown-event`); parsed
   * from your text, as `event` is.
   * Separate from `event` so that `event` stays a union TypeScript can narrow on its name.
   */
  unknownEvent: UnknownWebhookEvent | null;
  /**
   * The decoded entries of `certificate_chain` (entries that fail to decode are left out
   * and reported as `pem-invalid`); null when the event has no chain.
   */
  chain: CertificateInfo[] | null;
  /**
   * With `settings`: why the chain is or is not there. A value the settings state and the
   * event contradicts means "the settings in effect differ"; a value they do not state
   * and the event proves is said as what the event shows; what no setting could produce
   * means the product or issuance was misidentified. Null without `settings`.
   */
  explanation: string | null;
  /** In document order. */
  diagnostics: Diagnostic[];
  /** `parseEvents` only: the 1-based line of the record in the NDJSON text. */
  line?: number;
}
/** A known event with no error: `event` is typed by its name. */
export interface KnownEventReport extends EventReportBase { ok: true; event: WebhookEvent; unknownEvent: null }
/** An event this version does not know, kept whole (diagnostic `unknown-event`). */
export interface UnknownEventReport extends EventReportBase { ok: true; event: null; unknownEvent: UnknownWebhookEvent }
/** An event with errors: what arrived, if it was an object, not typed (it may not match any event's type). */
export interface FailedEventReport extends EventReportBase { ok: false; event: ReceivedEvent | null }
/** Discriminated by `ok` (no error diagnostics): `if (r.ok && r.event)` gives a typed known event. */
export type EventReport = KnownEventReport | UnknownEventReport | FailedEventReport;

export interface CertificateIssuedEvent { event: "certificate_issued"; data: { order_id: number; certificate_id: number; certificate_chain?: ChainEntry[]; [field: string]: unknown } }
export interface CertificateRevokedEvent { event: "certificate_revoked"; data: { order_id: number; certificate_id: number; [field: string]: unknown } }
export interface OrderRejectedEvent { event: "order_rejected"; data: { order_id: number; certificate_id: number; [field: string]: unknown } }
export interface OrganizationValidatedEvent { event: "organization_validated"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface OrganizationExpiredEvent { event: "organization_expired"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface OrganizationRevalidationNoticeEvent { event: "organization_revalidation_notice"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface DomainValidatedEvent { event: "domain_validated"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface DomainExpiredEvent { event: "domain_expired"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface DomainRevalidationNoticeEvent { event: "domain_revalidation_notice"; /** Not documented by DigiCert: kept as received. */ data?: Record<string, unknown> }
export interface OrderApprovalEmailSentEvent { event: "order_approval_email_sent"; data: { order_id: number; certificate_id: number; orderApprovalEmailStatus?: string; orderApprovalEmails?: string[]; [field: string]: unknown } }
export interface TestWebhookEndpointEvent { event: "test_webhook_endpoint"; data?: undefined }
export interface ChallengeWebhookEndpointEvent { event: "challenge_webhook_endpoint"; data: { token: string; webhook_id: number; [field: string]: unknown } }
/** A known webhook event: a discriminated union on `event`. */
export type WebhookEvent = CertificateIssuedEvent | CertificateRevokedEvent | OrderRejectedEvent | OrganizationValidatedEvent | OrganizationExpiredEvent | OrganizationRevalidationNoticeEvent | DomainValidatedEvent | DomainExpiredEvent | DomainRevalidationNoticeEvent | OrderApprovalEmailSentEvent | TestWebhookEndpointEvent | ChallengeWebhookEndpointEvent;

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

