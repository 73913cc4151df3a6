//! One event, including certificate chain decoding; the first line doubles as settings.
#![no_main]
use certcentral_webhooks::{parse_event, ParseOptions, ProductRef, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let settings = text.lines().next().map(str::to_string);
    let options = ParseOptions {
        now: Some(1_893_456_000),
        settings,
        product: Some(ProductRef::Name("ssl_plus".into())),
        ..ParseOptions::default()
    };
    let report = parse_event(text, &options);
    assert_eq!(report.ok, !report.diagnostics.iter().any(|d| d.severity == Severity::Error));
});
