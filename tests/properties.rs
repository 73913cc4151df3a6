//! Properties that must hold for every input, checked on generated bodies and events and on
//! random mutations of them: no panic; `valid` iff no error; the normalized body is valid and
//! a fixed point; every range lies in the text and points at what its path names; the cap on
//! diagnostics holds.
#![cfg(not(target_arch = "wasm32"))]

use certcentral_webhooks::{
    parse_event, validate_request, validate_request_noting_unchanged, Code, Diagnostic,
    ParseOptions, Severity, ValidateOptions,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const SUBSCRIBABLE: [&str; 10] = [
    "certificate_issued",
    "certificate_revoked",
    "order_rejected",
    "organization_validated",
    "organization_expired",
    "organization_revalidation_notice",
    "domain_validated",
    "domain_expired",
    "domain_revalidation_notice",
    "order_approval_email_sent",
];
const FLAGS: [&str; 3] = [
    "instant_issue_webhook_notification",
    "webhook_send_certificate_chain",
    "webhook_send_instant_issued_certificate_chain",
];

fn flag_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("1")),
        Just(json!("0")),
        Just(json!(true)),
        Just(json!(false)),
        Just(json!(1)),
        Just(json!(0))
    ]
}

/// Bodies the API accepts, in every spelling the validator allows.
fn valid_body() -> impl Strategy<Value = Value> {
    let endpoint = prop_oneof![
        Just("https://listener.example.com/digicert"),
        Just("https://hooks.example.org:8443/cc?x=1"),
        Just("HTTPS://EXAMPLE.NET/ÿ/😀"),
    ];
    let secret = proptest::option::of("[A-Za-z0-9é😀]{32,40}");
    let events = proptest::option::of(proptest::sample::subsequence(
        SUBSCRIBABLE.to_vec(),
        1..=SUBSCRIBABLE.len(),
    ));
    let flags = proptest::collection::vec(proptest::option::of(flag_value()), 3);
    let frequency = proptest::option::of(proptest::sample::subsequence(
        vec![90, 60, 30, 7, 0, -7],
        0..=6,
    ));
    (endpoint, secret, events, flags, frequency).prop_map(
        |(endpoint, secret, events, flags, frequency)| {
            let mut body = json!({ "endpoint": endpoint });
            if let Some(secret) = secret {
                body["secret"] = json!(secret);
            }
            if let Some(events) = events {
                body["events"] = json!(events);
            }
            let mut settings = serde_json::Map::new();
            for (key, value) in FLAGS.iter().zip(flags) {
                if let Some(value) = value {
                    settings.insert(key.to_string(), value);
                }
            }
            if let Some(days) = frequency {
                settings.insert("webhook_notification_frequency".into(), json!(days));
            }
            if !settings.is_empty() {
                body["webhook_settings"] = Value::Object(settings);
            }
            body
        },
    )
}

fn text_of(value: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value).unwrap()
    } else {
        serde_json::to_string(value).unwrap()
    }
}

/// Random edits: delete, insert (JSON punctuation, letters, non-ASCII), duplicate, truncate.
fn mutate(text: String, edits: Vec<(u8, usize, char)>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (kind, at, c) in edits {
        if chars.is_empty() {
            chars.push(c);
            continue;
        }
        let at = at % chars.len();
        match kind % 4 {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, c),
            2 => {
                let end = (at + 8).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, copy);
            }
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

fn edits() -> impl Strategy<Value = Vec<(u8, usize, char)>> {
    let c = prop_oneof![
        proptest::sample::select(vec![
            '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\r', '0', '1', '-', 'e', '.', 't',
            'é', '😀', '\u{0}'
        ]),
        any::<char>(),
    ];
    proptest::collection::vec((any::<u8>(), any::<usize>(), c), 1..6)
}

fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (start as usize, end as usize);
    if start > end || end > units.len() {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}

fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Every diagnostic's range lies in the text and covers what its path names.
fn check_ranges(text: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    let length = text.encode_utf16().count() as u32;
    let document: Option<Value> = serde_json::from_str(text).ok();
    for d in diagnostics {
        let range = d
            .range
            .ok_or_else(|| TestCaseError::fail(format!("{:?} has no range", d.code)))?;
        prop_assert!(
            range.start.offset <= range.end.offset && range.end.offset <= length,
            "{d:?} outside {length}"
        );
        prop_assert!(range.start.line >= 1 && range.start.column >= 1);
        let Some(document) = &document else { continue };
        let covered = utf16_slice(text, range.start.offset, range.end.offset).unwrap_or_default();
        match d.code {
            Code::JsonSyntax | Code::InputTooLarge => {}
            Code::MissingField | Code::ListResponse => {
                prop_assert_eq!(covered.as_str(), "{", "{:?} at {}", d.code, d.path);
                prop_assert!(
                    document.pointer(&d.path).is_some_and(Value::is_object),
                    "{} is not an object",
                    d.path
                );
            }
            Code::UnknownField | Code::DuplicateKey | Code::NoEffect => {
                let key: String = serde_json::from_str(&covered)
                    .map_err(|e| TestCaseError::fail(format!("{covered:?}: {e}")))?;
                let last = d
                    .path
                    .rsplit('/')
                    .next()
                    .map(unescape_token)
                    .unwrap_or_default();
                prop_assert_eq!(key, last, "{:?} at {}", d.code, d.path);
            }
            _ => {
                let value: Value = serde_json::from_str(&covered).map_err(|e| {
                    TestCaseError::fail(format!("{:?} covers {covered:?}: {e}", d.code))
                })?;
                prop_assert_eq!(
                    Some(&value),
                    document.pointer(&d.path),
                    "{:?} at {}",
                    d.code,
                    d.path
                );
            }
        }
    }
    Ok(())
}

fn check_report(text: &str, options: &ValidateOptions) -> Result<(), TestCaseError> {
    let (report, unchanged) = validate_request_noting_unchanged(text, options);
    if unchanged {
        // The wasm binding then parses the caller's text for `normalized`: it must be that
        // body, key order included, and hold no number beyond a double's range (which
        // serde_json refuses, and JSON.parse would make Infinity).
        let as_written: Result<Value, _> = serde_json::from_str(text);
        prop_assert!(
            as_written.is_ok(),
            "noted unchanged, but not plain JSON: {text}"
        );
        prop_assert_eq!(
            serde_json::to_string(&as_written.unwrap()).unwrap(),
            serde_json::to_string(&report.normalized).unwrap()
        );
    }
    let has_error = report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    if !report.truncated {
        prop_assert_eq!(report.valid, !has_error);
    } else {
        prop_assert!(!report.valid || !has_error);
    }
    prop_assert!(report.diagnostics.len() <= options.max_diagnostics);
    check_ranges(text, &report.diagnostics)?;
    if report.valid {
        check_canonical(
            &report
                .normalized
                .as_ref()
                .map(|n| serde_json::to_value(n).unwrap()),
            unchanged,
        )?;
        let normalized = serde_json::to_string(&report.normalized).unwrap();
        let again = validate_request(&normalized, options);
        prop_assert!(
            again.valid,
            "normalized body invalid: {normalized} {:?}",
            again.diagnostics
        );
        prop_assert_eq!(
            serde_json::to_string(&again.normalized).unwrap(),
            normalized,
            "not a fixed point"
        );
    }
    Ok(())
}

/// A valid body's normalized form: flags spelled "1" or "0", no event or day twice. A body said
/// to be unchanged (which the wasm binding then parses from the caller's text) is already so.
fn check_canonical(normalized: &Option<Value>, unchanged: bool) -> Result<(), TestCaseError> {
    let Some(body) = normalized else {
        prop_assert!(!unchanged);
        return Ok(());
    };
    let no_repeats = |list: Option<&Value>| {
        let items = list.and_then(Value::as_array).cloned().unwrap_or_default();
        items
            .iter()
            .enumerate()
            .all(|(i, item)| !items[..i].contains(item))
    };
    prop_assert!(no_repeats(body.get("events")), "an event twice: {body}");
    if let Some(settings) = body.get("webhook_settings") {
        for flag in FLAGS {
            if let Some(value) = settings.get(flag) {
                prop_assert!(value == "1" || value == "0", "{flag} is {value}");
            }
        }
        let days = settings.get("webhook_notification_frequency");
        prop_assert!(no_repeats(days), "a day twice: {body}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_valid_bodies_are_valid(body in valid_body(), pretty in any::<bool>()) {
        let text = text_of(&body, pretty);
        let report = validate_request(&text, &ValidateOptions::default());
        prop_assert!(report.valid, "{text}: {:?}", report.diagnostics);
        prop_assert!(report.diagnostics.iter().all(|d| matches!(d.code, Code::FlagSpelling | Code::NoEffect | Code::DuplicateValue)), "{:?}", report.diagnostics);
        check_report(&text, &ValidateOptions::default())?;
    }

    #[test]
    fn mutated_bodies_keep_every_invariant(body in valid_body(), pretty in any::<bool>(), edits in edits()) {
        let text = mutate(text_of(&body, pretty), edits);
        check_report(&text, &ValidateOptions { max_diagnostics: 1000, ..ValidateOptions::default() })?;
    }

    #[test]
    fn the_cap_on_diagnostics_holds(body in valid_body(), edits in edits(), max in 0usize..4) {
        let text = mutate(text_of(&body, false), edits);
        let all = validate_request(&text, &ValidateOptions { max_diagnostics: 10_000, ..ValidateOptions::default() });
        let capped = validate_request(&text, &ValidateOptions { max_diagnostics: max, ..ValidateOptions::default() });
        prop_assert_eq!(capped.diagnostics.len(), all.diagnostics.len().min(max));
        prop_assert_eq!(capped.truncated, all.diagnostics.len() > max);
        prop_assert_eq!(capped.valid, all.valid);
        prop_assert_eq!(&capped.diagnostics[..], &all.diagnostics[..capped.diagnostics.len()]);
    }

    #[test]
    fn mutated_events_keep_every_invariant(order in 0u64..(1 << 53), kind in 0u8..5, edits in edits()) {
        let event = match kind {
            0 => json!({"event": "certificate_revoked", "data": {"order_id": order, "certificate_id": 7}}),
            1 => json!({"event": "test_webhook_endpoint"}),
            2 => json!({"event": "challenge_webhook_endpoint", "data": {"token": "abc", "webhook_id": order}}),
            3 => json!({"event": "order_approval_email_sent", "data": {"order_id": 1, "certificate_id": 2, "orderApprovalEmails": ["a@b.c"]}}),
            _ => json!({"event": "certificate_issued", "data": {"order_id": 1, "certificate_id": 2, "certificate_chain": [{"subject_common_name": "x", "pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}]}}),
        };
        let clean = text_of(&event, false);
        let report = parse_event(&clean, &ParseOptions::default());
        prop_assert_eq!(report.ok, kind != 4, "{:?}", report.diagnostics);
        let text = mutate(clean, edits);
        let report = parse_event(&text, &ParseOptions { max_diagnostics: 1000, ..ParseOptions::default() });
        prop_assert_eq!(report.ok, !report.diagnostics.iter().any(|d| d.severity == Severity::Error));
        check_ranges(&text, &report.diagnostics)?;
    }
}
