//! NDJSON: one result per non-empty line, whatever the lines hold.
#![no_main]
use certcentral_webhooks::{parse_events, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let results = parse_events(text, &ParseOptions { now: Some(0), ..ParseOptions::default() });
    assert_eq!(results.len(), text.split('\n').filter(|l| !l.trim().is_empty()).count());
});
