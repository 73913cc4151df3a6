//! The JavaScript binding: converts arguments in and results out, nothing else. Every domain
//! decision lives in the plain-Rust modules.
//!
//! Bad *input* never throws: it becomes a diagnostic. Only misuse (an argument of the wrong
//! type, an unknown option) throws an `Error` whose `code` is `"invalid-argument"`.
//! Arguments are read field by field rather than through serde: it keeps serde's
//! deserializer machinery out of the wasm, and lets unknown option names be refused.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::event::ParseOptions;
use crate::explain::ProductRef;
use crate::product::Product;
use crate::settings::ValidateOptions;
use crate::Mode;

fn misuse(message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail; ignore the Result rather than unwrap.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &"invalid-argument".into());
    error.into()
}

/// A payload: JSON text (positions known) or a parsed JS value (converted to text once).
struct Input {
    text: String,
    is_text: bool,
}

impl Input {
    fn read(value: &JsValue, what: &str) -> Result<Input, JsValue> {
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

    /// Ranges are only meaningful in the caller's text; for an object there is none.
    fn place(&self, diagnostics: &mut [crate::Diagnostic]) {
        if !self.is_text {
            diagnostics.iter_mut().for_each(|d| d.range = None);
        }
    }
}

/// An options object whose keys have been checked against the ones the operation knows.
struct Options(Option<JsValue>);

impl Options {
    fn read(value: Option<JsValue>, known: &[&str]) -> Result<Options, JsValue> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Options(None));
        };
        if !value.is_object() {
            return Err(misuse("options must be an object"));
        }
        let object: &js_sys::Object = value.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                return Err(misuse(&format!(
                    "unknown option `{key}`; known: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Options(Some(value)))
    }

    /// The value of `key`, `None` when absent or `undefined`.
    fn get(&self, key: &str) -> Option<JsValue> {
        let value = self.0.as_ref()?;
        js_sys::Reflect::get(value, &key.into())
            .ok()
            .filter(|v| !v.is_undefined())
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, JsValue> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| misuse(&format!("{key} must be a boolean")))
            })
            .transpose()
    }

    fn count(&self, key: &str) -> Result<Option<usize>, JsValue> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(n.min(u32::MAX as f64) as usize),
                _ => Err(misuse(&format!("{key} must be a non-negative integer"))),
            })
            .transpose()
    }

    fn mode(&self) -> Result<Mode, JsValue> {
        match self.get("mode").map(|v| v.as_string()) {
            None => Ok(Mode::Create),
            Some(Some(m)) if m == "create" => Ok(Mode::Create),
            Some(Some(m)) if m == "update" => Ok(Mode::Update),
            Some(_) => Err(misuse("mode must be \"create\" or \"update\"")),
        }
    }
}

fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| misuse(&format!("result could not be converted: {e}")))
}

/// Validates a webhook create/update request body (or a `GET /webhook` response).
#[wasm_bindgen(js_name = validateRequest, unchecked_return_type = "ValidationReport")]
pub fn validate_request(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = Input::read(&input, "input")?;
    let options = Options::read(
        options,
        &["mode", "strict", "maxDiagnostics", "maxInputBytes"],
    )?;
    let defaults = ValidateOptions::default();
    let options = ValidateOptions {
        mode: options.mode()?,
        strict: options.bool("strict")?.unwrap_or(defaults.strict),
        max_diagnostics: options
            .count("maxDiagnostics")?
            .unwrap_or(defaults.max_diagnostics),
        max_input_bytes: options
            .count("maxInputBytes")?
            .unwrap_or(defaults.max_input_bytes),
    };
    let mut report = crate::validate_request(&input.text, &options);
    input.place(&mut report.diagnostics);
    output(&report)
}

/// Which certificate_issued events carry certificate_chain, for every family and issuance.
#[wasm_bindgen(js_name = explainDelivery, unchecked_return_type = "DeliveryReport")]
pub fn explain_delivery(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExplainOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = Input::read(&input, "input")?;
    let options = Options::read(options, &["mode"])?;
    let options = ValidateOptions {
        mode: options.mode()?,
        ..ValidateOptions::default()
    };
    let mut report = crate::explain_delivery(&input.text, &options);
    input.place(&mut report.diagnostics);
    output(&report)
}

/// A product as a `name_id` / `type` string or an Order-info `product` object (its other
/// fields, such as `name`, are ignored).
fn read_product(value: JsValue) -> Result<ProductRef, JsValue> {
    if let Some(name) = value.as_string() {
        return Ok(ProductRef::Name(name));
    }
    if !value.is_object() {
        return Err(misuse(
            "product must be a name_id or type string, or an order info product object",
        ));
    }
    let text = |key: &str| -> Result<Option<String>, JsValue> {
        let field = js_sys::Reflect::get(&value, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if field.is_undefined() || field.is_null() {
            return Ok(None);
        }
        field
            .as_string()
            .map(Some)
            .ok_or_else(|| misuse(&format!("product.{key} must be a string")))
    };
    Ok(ProductRef::Object(Product {
        name_id: text("name_id")?,
        kind: text("type")?,
        group_name: text("group_name")?,
        validation_type: text("validation_type")?,
    }))
}

/// One outcome for a product (`name_id`, `type` or Order-info `product` object).
#[wasm_bindgen(js_name = explainCase, unchecked_return_type = "CaseOutcome")]
pub fn explain_case(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let input = Input::read(&input, "input")?;
    if !scenario.is_object() {
        return Err(misuse("scenario must be an object { product, instant }"));
    }
    let scenario = Options::read(Some(scenario), &["product", "instant", "mode"])?;
    let product = read_product(scenario.get("product").unwrap_or(JsValue::UNDEFINED))?;
    let instant = scenario
        .bool("instant")?
        .ok_or_else(|| misuse("scenario.instant is required"))?;
    let options = ValidateOptions {
        mode: scenario.mode()?,
        ..ValidateOptions::default()
    };
    output(&crate::explain_case(
        &input.text,
        &options,
        &product,
        instant,
    ))
}

/// The product family by the spec's rules: `type` first, then `name_id`.
#[wasm_bindgen(js_name = classifyProduct, unchecked_return_type = "Family | \"unknown\"")]
pub fn classify_product(
    #[wasm_bindgen(unchecked_param_type = "string | ProductInfo")] product: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(JsValue::from_str(read_product(product)?.family().as_str()))
}

/// The options of `parseEvent` / `parseEvents`; without `now`, the clock.
fn parse_options(value: Option<JsValue>) -> Result<ParseOptions, JsValue> {
    let options = Options::read(
        value,
        &[
            "now",
            "settings",
            "product",
            "instant",
            "mode",
            "maxDiagnostics",
        ],
    )?;
    let now = match options.get("now") {
        None => (js_sys::Date::now() / 1000.0).floor() as i64,
        Some(now) => match (now.as_f64(), now.as_string()) {
            (Some(ms), _) if ms.is_finite() => (ms / 1000.0).floor() as i64,
            (_, Some(text)) => crate::time::parse_iso8601(&text).ok_or_else(|| {
                misuse("now must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z")
            })?,
            _ => {
                return Err(misuse(
                    "now must be an ISO 8601 string or epoch milliseconds",
                ))
            }
        },
    };
    let settings = match options.get("settings").filter(|v| !v.is_null()) {
        Some(settings) => Some(Input::read(&settings, "settings")?.text),
        None => None,
    };
    let product = match options.get("product").filter(|v| !v.is_null()) {
        Some(product) => Some(read_product(product)?),
        None => None,
    };
    Ok(ParseOptions {
        now: Some(now),
        settings,
        settings_mode: options.mode()?,
        product,
        instant: options.bool("instant")?,
        max_diagnostics: options
            .count("maxDiagnostics")?
            .unwrap_or(ParseOptions::default().max_diagnostics),
        ..ParseOptions::default()
    })
}

/// Parses one webhook event and decodes its certificate chain.
#[wasm_bindgen(js_name = parseEvent, unchecked_return_type = "EventReport")]
pub fn parse_event(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let input = Input::read(&input, "input")?;
    let options = parse_options(options)?;
    let mut report = crate::parse_event(&input.text, &options);
    input.place(&mut report.diagnostics);
    output(&report)
}

/// Parses newline-delimited events: one result per non-empty line, positions in the file.
#[wasm_bindgen(js_name = parseEvents, unchecked_return_type = "EventReport[]")]
pub fn parse_events(
    #[wasm_bindgen(unchecked_param_type = "string")] ndjson: JsValue,
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
