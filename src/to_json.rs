//! The reports as JSON text for the wasm binding, written directly. serde's serializer and
//! serde_json's writer cost about 20 KB of the wasm for what is a fixed set of shapes; these
//! impls write the same JSON values as the serde derives (a test compares both on every fixture, and
//! the package tests compare native with wasm output), so the derives stay for Rust users.

use crate::chain::{CertificateInfo, Role};
use crate::delivery::{Approval, Goal, Outcome, Patch, Recommendation, Source};
use crate::diagnostic::{Diagnostic, Severity};
use crate::event::EventReport;
use crate::explain::{Assumption, DeliveryReport, SettingsSummary};
use crate::json::{self, Value, MAX_SAFE_INTEGER};
use crate::position::{Position, Range};
use crate::settings::ValidationReport;

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Writes `{"key": value, ...}`; `skip` members are left out, as serde's
/// `skip_serializing_if` does.
struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, first: true }
    }

    fn member(&mut self, key: &str, value: &dyn ToJson) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    fn member_if<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(value) = value {
            self.member(key, value);
        }
        self
    }

    fn end(&mut self) {
        self.out.push('}');
    }
}

/// A JSON string literal, escaped as serde_json escapes it.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for &str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integer_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
integer_to_json!(usize, u32, i64);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// As `json::Value`'s `Serialize`: the last duplicate wins at the first one's place; whole
/// numbers JS holds exactly as integers; other numbers as written (valid JSON, the same double
/// for `JSON.parse`), or `null` when beyond double range, as serde_json writes them.
impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => match n.as_i64() {
                Some(i) if i.unsigned_abs() <= MAX_SAFE_INTEGER => i.write_json(out),
                _ if n.as_f64().is_finite() => out.push_str(n.lexeme()),
                _ => out.push_str("null"),
            },
            Value::String(s) => write_str(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.value.write_json(out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                let mut object = Object::new(out);
                for member in json::last_wins(members) {
                    object.member(&member.key, &member.value.value);
                }
                object.end();
            }
        }
    }
}

/// Enums that serialize as one of their names.
macro_rules! name_to_json {
    ($($t:ty => $name:expr),* $(,)?) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let name: fn(&$t) -> &'static str = $name;
                write_str(out, name(self));
            }
        }
    )*};
}
name_to_json!(
    Severity => |s| s.as_str(),
    crate::Code => |c| c.as_str(),
    crate::Family => |f| f.as_str(),
    crate::Issuance => |i| i.as_str(),
    Source => |s| s.as_str(),
    Goal => |g| g.as_str(),
    Role => |r| r.as_str(),
);

impl ToJson for Position {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("line", &self.line)
            .member("column", &self.column)
            .member("offset", &self.offset)
            .end();
    }
}

impl ToJson for Range {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("start", &self.start)
            .member("end", &self.end)
            .end();
    }
}

impl ToJson for Diagnostic {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("severity", &self.severity)
            .member("code", &self.code)
            .member("path", &self.path)
            .member("message", &self.message)
            .member_if("hint", &self.hint)
            .member_if("range", &self.range)
            .member_if("replacement", &self.replacement)
            .end();
    }
}

impl ToJson for ValidationReport {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("valid", &self.valid)
            .member("diagnostics", &self.diagnostics)
            .member("normalized", &self.normalized)
            .member("truncated", &self.truncated)
            .end();
    }
}

impl ToJson for SettingsSummary {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        object.member("events", &self.events).member(
            "certificateIssuedSubscribed",
            &self.certificate_issued_subscribed,
        );
        for flag in crate::catalog::Flag::ALL {
            object.member(flag.summary_name(), &self.flags[flag.index()]);
        }
        object
            .member("notificationFrequency", &self.notification_frequency)
            .end();
    }
}

impl ToJson for Assumption {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("path", &self.path)
            .member("source", &self.source)
            .member("note", &self.note)
            .end();
    }
}

impl ToJson for Outcome {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("family", &self.family)
            .member("issuance", &self.issuance)
            .member("eventSent", &self.event_sent)
            .member("includesChain", &self.includes_chain)
            .member("certain", &self.certain)
            .member("summary", &self.summary)
            .member("reason", &self.reason)
            .member("decidedBy", &self.decided_by)
            .member("assumed", &self.assumed)
            .end();
    }
}

impl ToJson for Approval {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("subscribed", &self.subscribed)
            .member("note", &self.note)
            .end();
    }
}

impl ToJson for Patch {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        object.member_if("events", &self.events);
        if !self.webhook_settings.is_empty() {
            object.member("webhook_settings", &self.webhook_settings);
        }
        object.end();
    }
}

impl ToJson for crate::delivery::FlagPatch {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::new(out);
        for (flag, on) in &self.0 {
            object.member(flag.key(), &crate::catalog::flag_text(*on));
        }
        object.end();
    }
}

impl ToJson for Recommendation {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("goal", &self.goal)
            .member("description", &self.description)
            .member("patch", &self.patch)
            .end();
    }
}

impl ToJson for DeliveryReport {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("valid", &self.valid)
            .member("settings", &self.settings)
            .member("assumptions", &self.assumptions)
            .member("outcomes", &self.outcomes)
            .member("approval", &self.approval)
            .member("recommendations", &self.recommendations)
            .member("diagnostics", &self.diagnostics)
            .end();
    }
}

impl ToJson for CertificateInfo {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("index", &self.index)
            .member("role", &self.role)
            .member("subjectCommonName", &self.subject_common_name)
            .member("commonName", &self.common_name)
            .member("subject", &self.subject)
            .member("issuer", &self.issuer)
            .member("serialNumber", &self.serial_number)
            .member("notBefore", &self.not_before)
            .member("notAfter", &self.not_after)
            .member("sha256Fingerprint", &self.sha256_fingerprint)
            .member("isCa", &self.is_ca)
            .member("selfSigned", &self.self_signed)
            .member("issuerIndex", &self.issuer_index)
            .member("dnsNames", &self.dns_names)
            .member("keyAlgorithm", &self.key_algorithm)
            .member("signatureAlgorithm", &self.signature_algorithm)
            .end();
    }
}

impl ToJson for EventReport {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .member("ok", &self.ok)
            .member("event", &self.event)
            .member("unknownEvent", &self.unknown_event)
            .member("chain", &self.chain)
            .member("explanation", &self.explanation)
            .member("diagnostics", &self.diagnostics)
            .member_if("line", &self.line)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::ToJson;
    use crate::{explain_case, explain_delivery, parse_events, validate_request, ProductRef};
    use crate::{Mode, ParseOptions, ValidateOptions};

    /// Numbers as JavaScript reads them: doubles.
    fn as_js(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::Number(n) => serde_json::json!(n.as_f64()),
            Value::Array(items) => Value::Array(items.into_iter().map(as_js).collect()),
            Value::Object(members) => {
                Value::Object(members.into_iter().map(|(k, v)| (k, as_js(v))).collect())
            }
            other => other,
        }
    }

    fn same<T: ToJson + serde::Serialize>(value: &T, what: &str) {
        let text = value.to_json();
        let ours: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
        let serde = serde_json::to_value(value).expect("serializes");
        assert_eq!(as_js(ours), as_js(serde), "{what}");
    }

    /// Every fixture, every mode, both writers: the same JSON value.
    #[test]
    fn writes_what_the_serde_derives_write() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let mut seen = 0;
        for sub in ["requests", "events"] {
            for entry in std::fs::read_dir(format!("{dir}{sub}")).expect("fixtures") {
                let path = entry.expect("entry").path();
                let text = std::fs::read_to_string(&path).expect("text");
                let name = path.display().to_string();
                for mode in [Mode::Create, Mode::Update] {
                    let options = ValidateOptions {
                        mode,
                        ..ValidateOptions::default()
                    };
                    same(&validate_request(&text, &options), &name);
                    same(&explain_delivery(&text, &options), &name);
                    same(
                        &explain_case(&text, &options, &ProductRef::Name("x".into()), true),
                        &name,
                    );
                    let parse = ParseOptions {
                        now: Some(2_000_000_000),
                        settings: Some(text.clone()),
                        settings_mode: mode,
                        ..ParseOptions::default()
                    };
                    same(&parse_events(&text, &parse), &name);
                }
                seen += 1;
            }
        }
        assert!(seen > 25);
        let odd = r#"{"event":"x\u0001\"\\é","data":{"a":1.50,"b":-0,"c":1e400,"d":9007199254740993,"e":[true,null]}}"#;
        same(&parse_events(odd, &ParseOptions::default()), "odd");
    }
}
