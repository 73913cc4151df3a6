//! The JavaScript binding: converts arguments in and results out, nothing else. Every domain
//! decision lives in the plain-Rust modules.
//!
//! Bad *input* never throws: it becomes a diagnostic. Only misuse (an argument of the wrong
//! type, an unknown option) throws an `Error` whose `code` is `"invalid-argument"`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::event::ParseOptions;
use crate::explain::ProductRef;
use crate::product::Product;
use crate::settings::{self, ValidateOptions};
use crate::Mode;

/// Payloads are accepted as JSON text (positions known) or as a parsed JS value.
struct Input {
    text: String,
    is_text: bool,
}

fn misuse(message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail; ignore the Result rather than unwrap.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &"invalid-argument".into());
    error.into()
}

fn read_input(value: &JsValue, what: &str) -> Result<Input, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(Input {
            text,
            is_text: true,
        });
    }
    if value.is_object() {
        let text = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                misuse(&format!(
                    "{what} could not be converted to JSON (a cycle or a BigInt?)"
                ))
            })?;
        return Ok(Input {
            text,
            is_text: false,
        });
    }
    Err(misuse(&format!(
        "{what} must be a JSON string or an object"
    )))
}

/// Reads an options object, rejecting keys outside `known`: serde-wasm-bindgen only looks up
/// the fields it expects, so `deny_unknown_fields` alone would let a typo pass silently.
fn read_options<T: for<'de> Deserialize<'de> + Default>(
    value: Option<JsValue>,
    known: &[&str],
) -> Result<T, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    if !value.is_object() {
        return Err(misuse("options must be an object"));
    }
    reject_unknown_keys(&value, known, "option")?;
    serde_wasm_bindgen::from_value(value).map_err(|e| misuse(&format!("invalid options: {e}")))
}

fn reject_unknown_keys(value: &JsValue, known: &[&str], what: &str) -> Result<(), JsValue> {
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(misuse(&format!(
                "unknown {what} `{key}`; known: {}",
                known.join(", ")
            )));
        }
    }
    Ok(())
}

fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| misuse(&format!("result could not be converted: {e}")))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ValidateArgs {
    mode: Option<Mode>,
    strict: Option<bool>,
    max_diagnostics: Option<u32>,
    max_input_bytes: Option<u32>,
}

impl ValidateArgs {
    fn into_options(self) -> ValidateOptions {
        let defaults = ValidateOptions::default();
        ValidateOptions {
            mode: self.mode.unwrap_or(defaults.mode),
            strict: self.strict.unwrap_or(defaults.strict),
            max_diagnostics: self
                .max_diagnostics
                .map_or(defaults.max_diagnostics, |n| n as usize),
            max_input_bytes: self
                .max_input_bytes
                .map_or(defaults.max_input_bytes, |n| n as usize),
        }
    }
}

/// Validates a webhook create/update request body (or a `GET /webhook` response).
#[wasm_bindgen(js_name = validateRequest, unchecked_return_type = "ValidationReport")]
pub fn validate_request(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input, "input")?;
    let options = read_options::<ValidateArgs>(
        options,
        &["mode", "strict", "maxDiagnostics", "maxInputBytes"],
    )?
    .into_options();
    let mut report = settings::validate_request(&input.text, &options);
    if !input.is_text {
        report.diagnostics.iter_mut().for_each(|d| d.range = None);
    }
    output(&report)
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExplainArgs {
    mode: Option<Mode>,
}

impl ExplainArgs {
    fn into_options(self) -> ValidateOptions {
        ValidateOptions {
            mode: self.mode.unwrap_or(Mode::Create),
            ..ValidateOptions::default()
        }
    }
}

/// Which certificate_issued events carry certificate_chain, for every family and issuance.
#[wasm_bindgen(js_name = explainDelivery, unchecked_return_type = "DeliveryReport")]
pub fn explain_delivery(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExplainOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input, "input")?;
    let options = read_options::<ExplainArgs>(options, &["mode"])?.into_options();
    let mut report = crate::explain_delivery(&input.text, &options);
    if !input.is_text {
        report.diagnostics.iter_mut().for_each(|d| d.range = None);
    }
    output(&report)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ProductArg {
    Name(String),
    Object(Product),
}

impl From<ProductArg> for ProductRef {
    fn from(arg: ProductArg) -> ProductRef {
        match arg {
            ProductArg::Name(name) => ProductRef::Name(name),
            ProductArg::Object(product) => ProductRef::Object(product),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioArgs {
    product: ProductArg,
    instant: bool,
    mode: Option<Mode>,
}

fn read_product(value: JsValue) -> Result<ProductRef, JsValue> {
    serde_wasm_bindgen::from_value::<ProductArg>(value)
        .map(ProductRef::from)
        .map_err(|_| {
            misuse("product must be a name_id or type string, or an order info product object")
        })
}

/// One outcome for a product (`name_id`, `type` or Order-info `product` object).
#[wasm_bindgen(js_name = explainCase, unchecked_return_type = "CaseOutcome")]
pub fn explain_case(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input, "input")?;
    if !scenario.is_object() {
        return Err(misuse("scenario must be an object { product, instant }"));
    }
    reject_unknown_keys(&scenario, &["product", "instant", "mode"], "scenario key")?;
    let scenario: ScenarioArgs = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| misuse(&format!("invalid scenario: {e}")))?;
    let options = ValidateOptions {
        mode: scenario.mode.unwrap_or(Mode::Create),
        ..ValidateOptions::default()
    };
    let outcome = crate::explain_case(
        &input.text,
        &options,
        &scenario.product.into(),
        scenario.instant,
    );
    output(&outcome)
}

/// The product family by the spec's rules: `type` first, then `name_id`.
#[wasm_bindgen(js_name = classifyProduct, unchecked_return_type = "Family | \"unknown\"")]
pub fn classify_product(
    #[wasm_bindgen(unchecked_param_type = "string | ProductInfo")] product: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(JsValue::from_str(read_product(product)?.family().as_str()))
}

/// Reads the options of `parseEvent` / `parseEvents`; without `now` the clock is used.
fn parse_options(value: Option<JsValue>) -> Result<ParseOptions, JsValue> {
    const KNOWN: [&str; 6] = [
        "now",
        "settings",
        "product",
        "instant",
        "mode",
        "maxDiagnostics",
    ];
    let mut options = ParseOptions {
        now: Some((js_sys::Date::now() / 1000.0).floor() as i64),
        ..ParseOptions::default()
    };
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(options);
    };
    if !value.is_object() {
        return Err(misuse("options must be an object"));
    }
    reject_unknown_keys(&value, &KNOWN, "option")?;
    let field = |key: &str| js_sys::Reflect::get(&value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let now = field("now");
    if let Some(ms) = now.as_f64() {
        if !ms.is_finite() {
            return Err(misuse("now must be a finite number of milliseconds"));
        }
        options.now = Some((ms / 1000.0).floor() as i64);
    } else if let Some(text) = now.as_string() {
        options.now = Some(crate::time::parse_iso8601(&text).ok_or_else(|| {
            misuse("now must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z")
        })?);
    } else if !now.is_undefined() {
        return Err(misuse(
            "now must be an ISO 8601 string or epoch milliseconds",
        ));
    }
    let settings = field("settings");
    if !settings.is_undefined() && !settings.is_null() {
        options.settings = Some(read_input(&settings, "settings")?.text);
    }
    let product = field("product");
    if !product.is_undefined() && !product.is_null() {
        options.product = Some(read_product(product)?);
    }
    let instant = field("instant");
    if !instant.is_undefined() {
        options.instant = Some(
            instant
                .as_bool()
                .ok_or_else(|| misuse("instant must be a boolean"))?,
        );
    }
    let mode = field("mode");
    if !mode.is_undefined() {
        options.settings_mode = serde_wasm_bindgen::from_value(mode)
            .map_err(|_| misuse("mode must be \"create\" or \"update\""))?;
    }
    if let Some(max) = field("maxDiagnostics").as_f64() {
        options.max_diagnostics = max.clamp(0.0, 1e6) as usize;
    }
    Ok(options)
}

/// Parses one webhook event and decodes its certificate chain.
#[wasm_bindgen(js_name = parseEvent, unchecked_return_type = "EventReport")]
pub fn parse_event(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = read_input(&input, "input")?;
    let options = parse_options(options)?;
    let mut report = crate::parse_event(&input.text, &options);
    if !input.is_text {
        report.diagnostics.iter_mut().for_each(|d| d.range = None);
    }
    output(&report)
}

/// Parses newline-delimited events: one result per non-empty line, positions in the file.
#[wasm_bindgen(js_name = parseEvents, unchecked_return_type = "EventReport[]")]
pub fn parse_events(
    ndjson: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = ndjson
        .as_string()
        .ok_or_else(|| misuse("parseEvents takes NDJSON text"))?;
    let options = parse_options(options)?;
    output(&crate::parse_events(&text, &options))
}

/// Compares the `X-WEBHOOK-KEY` header with the secret in constant time.
#[wasm_bindgen(js_name = verifyWebhookKey)]
pub fn verify_webhook_key(
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] received: JsValue,
    secret: &str,
) -> bool {
    crate::verify_webhook_key(received.as_string().as_deref(), secret)
}

/// True for an IPv4 address in DigiCert's 216.168.240.0/20.
#[wasm_bindgen(js_name = isDigiCertSource)]
pub fn is_digicert_source(ip: &str) -> bool {
    crate::is_digicert_source(ip)
}

/// Every event name known, subscribable first.
#[wasm_bindgen(js_name = eventNames, unchecked_return_type = "string[]")]
pub fn event_names() -> JsValue {
    crate::event_names()
        .into_iter()
        .map(JsValue::from_str)
        .collect::<js_sys::Array>()
        .into()
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type Severity = "error" | "warning" | "info";
export interface Position { line: number; column: number; offset: number }
export interface Diagnostic {
  severity: Severity;
  code: string;
  path: string;
  message: string;
  hint?: string;
  range?: { start: Position; end: Position };
}
export interface ValidateOptions {
  mode?: "create" | "update";
  strict?: boolean;
  maxDiagnostics?: number;
  maxInputBytes?: number;
}
export type Family = "public_tls" | "private_tls" | "code_signing" | "document_signing" | "smime";
export interface ExplainOptions { mode?: "create" | "update" }
export interface DeliveryOutcome {
  family: Family;
  issuance: "not_instant" | "instant";
  eventSent: boolean;
  includesChain: boolean;
  certain: boolean;
  reason: string;
  decidedBy: string[];
}
export interface CaseOutcome extends Omit<DeliveryOutcome, "family"> { family: Family | "unknown" }
export interface DeliveryReport {
  settings: {
    events: string[];
    certificateIssuedSubscribed: boolean;
    instantIssueNotification: boolean;
    sendCertificateChain: boolean;
    sendInstantIssuedCertificateChain: boolean;
    notificationFrequency: number[] | null;
  };
  assumptions: Array<{ path: string; source: "default" | "unchanged"; note: string }>;
  outcomes: DeliveryOutcome[];
  approval: { subscribed: string[]; note: string };
  recommendations: Array<{
    goal: "chain-in-every-tls-event" | "events-for-instant-issuance" | "no-chain";
    description: string;
    patch: Record<string, unknown>;
  }>;
  diagnostics: Diagnostic[];
}
export interface ProductInfo { name_id?: string; type?: string; group_name?: string; validation_type?: string }
export interface Scenario { product: string | ProductInfo; instant: boolean; mode?: "create" | "update" }
export interface ParseOptions {
  now?: string | number;
  settings?: string | object;
  product?: string | ProductInfo;
  instant?: boolean;
  mode?: "create" | "update";
  maxDiagnostics?: number;
}
export interface CertificateInfo {
  index: number;
  role: "leaf" | "intermediate" | "root";
  subjectCommonName: string | null;
  commonName: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  isCa: boolean;
  selfSigned: boolean;
  dnsNames: string[];
  keyAlgorithm: string;
  signatureAlgorithm: string;
}
export interface EventReport {
  ok: boolean;
  event: { event: string; data?: Record<string, unknown> } | null;
  chain: CertificateInfo[] | null;
  explanation: string | null;
  diagnostics: Diagnostic[];
}
export interface ValidationReport {
  valid: boolean;
  diagnostics: Diagnostic[];
  normalized: Record<string, unknown> | null;
  truncated: boolean;
}
"#;
