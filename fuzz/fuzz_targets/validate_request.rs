//! Request validation, in both modes and strict, with a small diagnostics cap.
#![no_main]
use certcentral_webhooks::{validate_request, Mode, Severity, ValidateOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for (mode, strict, max) in [(Mode::Create, false, 100), (Mode::Update, true, 3)] {
        let options = ValidateOptions { mode, strict, max_diagnostics: max, ..ValidateOptions::default() };
        let report = validate_request(text, &options);
        assert!(report.diagnostics.len() <= max);
        if !report.truncated {
            assert_eq!(report.valid, !report.diagnostics.iter().any(|d| d.severity == Severity::Error));
        }
    }
});
