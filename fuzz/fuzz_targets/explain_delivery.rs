//! The delivery explainer and one-case explanations with products read from the input.
#![no_main]
use certcentral_webhooks::{explain_case, explain_delivery, Mode, ProductRef, ValidateOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mode = if text.len() % 2 == 0 { Mode::Create } else { Mode::Update };
    let options = ValidateOptions { mode, ..ValidateOptions::default() };
    let report = explain_delivery(text, &options);
    assert_eq!(report.outcomes.len(), 10);
    let product = text.lines().next().unwrap_or("").to_string();
    let _ = explain_case(text, &options, &ProductRef::Name(product), text.len() % 3 == 0);
});
