#![no_main]
//! The spanned JSON reader accepts exactly what serde_json accepts (but for the documented
//! differences in `json::agrees_with_serde_json`), and every number it reads is finite by its
//! digits exactly when the float parser says so (`Number::is_finite`, which keeps the float
//! parser out of the wasm).
use certcentral_webhooks::json::{agrees_with_serde_json, parse, Limits, Node, Value};
use libfuzzer_sys::fuzz_target;

fn numbers_agree(node: &Node) {
    match &node.value {
        Value::Number(n) => assert_eq!(
            n.is_finite(),
            n.as_f64().is_finite(),
            "is_finite disagrees with the float parser on {}",
            n.lexeme()
        ),
        Value::Array(items) => items.iter().for_each(numbers_agree),
        Value::Object(members) => members.iter().for_each(|m| numbers_agree(&m.value)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(
            agrees_with_serde_json(text),
            "the readers disagree on {text:?}"
        );
        if let Ok(root) = parse(text, Limits::default()) {
            numbers_agree(&root);
        }
    }
});
