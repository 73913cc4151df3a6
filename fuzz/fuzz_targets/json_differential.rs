#![no_main]
//! The spanned JSON reader accepts exactly what serde_json accepts (but for the documented
//! differences in `json::agrees_with_serde_json`).
use certcentral_webhooks::json::agrees_with_serde_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(agrees_with_serde_json(text), "the readers disagree on {text:?}");
    }
});
