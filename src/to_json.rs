//! The reports as JSON text for the wasm binding, written directly. serde's serializer and
//! serde_json's writer cost about 20 KB of the wasm for what is a fixed set of shapes. The
//! reports' writers come from their one declaration ([`crate::record`]); this module writes the
//! values inside them as serde_json would (a test compares both on every fixture, and the
//! package tests compare native with wasm output).

use crate::json::{self, Value, MAX_SAFE_INTEGER};

/// A value that writes itself as JSON.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by the wasm binding
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// The explainer's output path in the full binding.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// `"key":`, the start of an object member.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by the wasm binding
pub(crate) fn write_key(out: &mut String, key: &str) {
    write_str(out, key);
    out.push(':');
}

/// A JSON string literal, escaped as serde_json escapes it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by the wasm binding
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    loop {
        // The bytes up to the next one to escape, found eight at a time.
        let end = json::plain_run_end(bytes, start);
        out.push_str(s.get(start..end).unwrap_or_default());
        let Some(&b) = bytes.get(end) else {
            break;
        };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                use crate::chain::HEX_DIGITS as HEX;
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
        start = end + 1;
    }
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
                _ if n.is_finite() => out.push_str(&n.lexeme()),
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
                out.push('{');
                for (i, member) in json::last_wins(members).into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_key(out, &member.key);
                    member.value.value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ToJson;
    use crate::{explain_case, explain_delivery, parse_events, validate_request, ProductRef};
    use crate::{Mode, ParseOptions, ValidateOptions};

    // proptest is a native dev-dependency; the wasm test build leaves this out.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(
            text in "[a-z\"\\\\\u{0}-\u{1f}\u{7f}é😀/]{0,40}"
        ) {
            proptest::prop_assert_eq!(text.to_json(), serde_json::to_string(&text).unwrap());
        }
    }

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
