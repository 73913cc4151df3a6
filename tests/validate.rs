//! The validator, one rule per test, on the fixtures in tests/fixtures/requests.

use certcentral_webhooks::{validate_request, Code, Diagnostic, Mode, Severity, ValidateOptions};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/requests/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn diagnostics(name: &str, options: &ValidateOptions) -> (String, Vec<Diagnostic>) {
    let text = fixture(name);
    let report = validate_request(&text, options);
    (text, report.diagnostics)
}

/// The single diagnostic with `code`, asserting there is exactly one.
fn only(name: &str, code: Code) -> (String, Diagnostic) {
    only_with(name, code, &ValidateOptions::default())
}

fn only_with(name: &str, code: Code, options: &ValidateOptions) -> (String, Diagnostic) {
    let (text, all) = diagnostics(name, options);
    let found: Vec<&Diagnostic> = all.iter().filter(|d| d.code == code).collect();
    assert_eq!(
        found.len(),
        1,
        "{name}: expected one {code:?}, got {all:#?}"
    );
    (text, found[0].clone())
}

/// Line and UTF-16 column (1-based) of the `nth` occurrence of `needle`, computed from the
/// text directly rather than with the crate's own line index.
fn expected_at(text: &str, needle: &str) -> (u32, u32, u32) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let before = &text[..byte];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].encode_utf16().count() as u32 + 1;
    let offset = before.encode_utf16().count() as u32;
    (line, column, offset)
}

fn assert_at(text: &str, d: &Diagnostic, needle: &str) {
    let range = d.range.expect("text input gives a range");
    let (line, column, offset) = expected_at(text, needle);
    assert_eq!(
        (range.start.line, range.start.column, range.start.offset),
        (line, column, offset),
        "{} should start at {needle:?}",
        d.code.as_str()
    );
}

#[test]
fn docs_example_is_valid_and_normalized_with_string_flags() {
    let report = validate_request(
        &fixture("digicert-docs-create.json"),
        &ValidateOptions::default(),
    );
    assert!(report.valid);
    assert_eq!(report.diagnostics, vec![]);
    let normalized = serde_json::to_value(report.normalized).unwrap();
    assert_eq!(
        normalized["webhook_settings"]["webhook_send_certificate_chain"],
        "1"
    );
    assert_eq!(normalized["events"].as_array().unwrap().len(), 9);
    let keys: Vec<&String> = normalized.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["endpoint", "events", "webhook_settings"],
        "key order kept"
    );
}

#[test]
fn minimal_body_is_valid() {
    let report = validate_request(&fixture("minimal-create.json"), &ValidateOptions::default());
    assert!(report.valid, "{:?}", report.diagnostics);
    assert!(report.diagnostics.is_empty());
}

#[test]
fn json_syntax_points_at_the_failure() {
    let (text, d) = only("json-syntax-trailing-comma.json", Code::JsonSyntax);
    assert_at(&text, &d, "]\n}");
    assert!(d.message.contains("trailing comma"));
    assert!(d.hint.is_some());
}

#[test]
fn invalid_root_when_not_an_object() {
    let (_, d) = only("invalid-root-array.json", Code::InvalidRoot);
    assert_eq!(d.path, "");
    let report = validate_request(
        &fixture("invalid-root-array.json"),
        &ValidateOptions::default(),
    );
    assert_eq!(report.normalized, None);
}

#[test]
fn missing_endpoint_is_reported_at_the_object() {
    let (text, d) = only("missing-endpoint.json", Code::MissingField);
    assert_eq!(d.path, "");
    assert_at(&text, &d, "{");
}

#[test]
fn unknown_field_hints_the_closest_key() {
    let (text, d) = only("unknown-field-typo.json", Code::UnknownField);
    assert_eq!(d.path, "/webhook_setings");
    assert_eq!(d.hint.as_deref(), Some("did you mean `webhook_settings`?"));
    assert_at(&text, &d, "\"webhook_setings\"");
}

#[test]
fn unknown_setting_hints_the_closest_setting() {
    let (text, d) = only("unknown-setting-typo.json", Code::UnknownField);
    assert_eq!(d.path, "/webhook_settings/webhook_send_certificate_chains");
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean `webhook_send_certificate_chain`?")
    );
    assert_at(&text, &d, "\"webhook_send_certificate_chains\"");
}

#[test]
fn a_setting_at_the_top_level_is_moved_into_webhook_settings() {
    let (_, d) = only("setting-at-top-level.json", Code::UnknownField);
    assert_eq!(
        d.hint.as_deref(),
        Some("move \"webhook_send_certificate_chain\" into `webhook_settings`")
    );
}

#[test]
fn duplicate_key_warns_and_the_last_wins() {
    let (text, d) = only("duplicate-key.json", Code::DuplicateKey);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.path, "/endpoint");
    let second = text.rfind("\"endpoint\"").unwrap();
    assert_eq!(
        d.range.unwrap().start.line,
        text[..second].matches('\n').count() as u32 + 1
    );
    let report = validate_request(&text, &ValidateOptions::default());
    let normalized = serde_json::to_value(report.normalized).unwrap();
    assert_eq!(
        normalized["endpoint"],
        "https://listener.example.com/digicert"
    );
}

#[test]
fn invalid_type_for_events_that_is_not_an_array() {
    let (text, d) = only("events-not-array.json", Code::InvalidType);
    assert_eq!(d.path, "/events");
    assert_at(&text, &d, "\"certificate_issued\"");
}

#[test]
fn invalid_type_inside_an_array_on_crlf_text() {
    let (text, d) = only("crlf-invalid-type.json", Code::InvalidType);
    assert_eq!(d.path, "/events/0");
    let range = d.range.unwrap();
    assert_eq!((range.start.line, range.start.column), (3, 14));
    assert_eq!(range.start.offset as usize, text.find("[1]").unwrap() + 1);
}

#[test]
fn endpoint_must_be_https() {
    let (text, d) = only("endpoint-http.json", Code::InvalidValue);
    assert_eq!(d.path, "/endpoint");
    assert_eq!(
        d.hint.as_deref(),
        Some("use https://listener.example.com/digicert")
    );
    assert_at(&text, &d, "\"http://");
}

#[test]
fn endpoint_must_be_a_public_host() {
    let (_, d) = only("endpoint-private-host.json", Code::InvalidValue);
    assert!(d.message.contains("private address"), "{}", d.message);
}

#[test]
fn unknown_event_name_is_invalid_with_did_you_mean() {
    let (text, d) = only("event-name-typo.json", Code::InvalidValue);
    assert_eq!(d.path, "/events/1");
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean \"certificate_revoked\"?")
    );
    assert_at(&text, &d, "\"certificate_revoke\"");
}

#[test]
fn frequency_outside_the_offered_days_is_invalid() {
    let (text, d) = only("frequency-out-of-range.json", Code::InvalidValue);
    assert_eq!(d.path, "/webhook_settings/webhook_notification_frequency/1");
    assert_at(&text, &d, "14]");
}

#[test]
fn flag_that_is_no_spelling_of_on_or_off_is_invalid() {
    let (_, d) = only("flag-not-a-spelling.json", Code::InvalidValue);
    assert_eq!(d.path, "/webhook_settings/webhook_send_certificate_chain");
    assert_eq!(d.hint.as_deref(), Some("write \"1\""));
}

#[test]
fn secret_shorter_than_32_characters_is_rejected_without_echoing_it() {
    let (text, d) = only("secret-too-short.json", Code::SecretTooShort);
    assert_eq!(d.path, "/secret");
    assert!(!d.message.contains("hunter2") && !d.hint.as_deref().unwrap_or("").contains("hunter2"));
    assert_at(&text, &d, "\"hunter2\"");
}

#[test]
fn empty_secret_is_an_error_on_create_only() {
    only("secret-empty.json", Code::SecretTooShort);
    let update = ValidateOptions {
        mode: Mode::Update,
        ..ValidateOptions::default()
    };
    let report = validate_request(&fixture("secret-empty.json"), &update);
    assert!(
        report.valid && report.diagnostics.is_empty(),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn flag_spelling_warns_and_normalizes() {
    let (text, all) = diagnostics("flag-spelling-boolean.json", &ValidateOptions::default());
    let spelled: Vec<&Diagnostic> = all
        .iter()
        .filter(|d| d.code == Code::FlagSpelling)
        .collect();
    assert_eq!(spelled.len(), 2);
    assert!(spelled.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(spelled[0].hint.as_deref(), Some("write \"1\""));
    assert_at(&text, spelled[0], "true");
    let report = validate_request(&text, &ValidateOptions::default());
    assert!(report.valid);
    let normalized = serde_json::to_value(report.normalized).unwrap();
    assert_eq!(
        normalized["webhook_settings"]["webhook_send_certificate_chain"],
        "1"
    );
    assert_eq!(
        normalized["webhook_settings"]["instant_issue_webhook_notification"],
        "1"
    );
}

#[test]
fn flag_spelling_is_an_error_when_strict() {
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    let report = validate_request(&fixture("flag-spelling-boolean.json"), &strict);
    assert!(!report.valid);
    assert!(report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::FlagSpelling)
        .all(|d| d.severity == Severity::Error));
}

#[test]
fn duplicate_event_warns_and_is_removed_from_normalized() {
    let (text, d) = only("duplicate-event.json", Code::DuplicateValue);
    assert_eq!(d.path, "/events/2");
    assert_eq!(
        d.range.unwrap().start.offset as usize,
        text.rfind("\"certificate_issued\"").unwrap()
    );
    let report = validate_request(&text, &ValidateOptions::default());
    let normalized = serde_json::to_value(report.normalized).unwrap();
    assert_eq!(
        normalized["events"],
        serde_json::json!(["certificate_issued", "certificate_revoked"])
    );
}

#[test]
fn empty_events_warns_empty_subscription() {
    let (text, d) = only("empty-subscription.json", Code::EmptySubscription);
    assert_eq!(d.path, "/events");
    assert_at(&text, &d, "[]");
}

#[test]
fn no_effect_chain_setting_without_certificate_issued() {
    let (text, d) = only("no-effect-chain-unsubscribed.json", Code::NoEffect);
    assert_eq!(d.path, "/webhook_settings/webhook_send_certificate_chain");
    assert_at(&text, &d, "\"webhook_send_certificate_chain\"");
}

#[test]
fn no_effect_instant_chain_without_instant_notification() {
    let (text, d) = only(
        "no-effect-instant-chain-without-notification.json",
        Code::NoEffect,
    );
    assert_eq!(
        d.path,
        "/webhook_settings/webhook_send_instant_issued_certificate_chain"
    );
    assert!(d
        .hint
        .as_deref()
        .unwrap()
        .contains("instant_issue_webhook_notification"));
    assert_at(
        &text,
        &d,
        "\"webhook_send_instant_issued_certificate_chain\"",
    );
}

#[test]
fn no_effect_frequency_without_expiry_events() {
    let (_, d) = only("no-effect-frequency-unsubscribed.json", Code::NoEffect);
    assert_eq!(d.path, "/webhook_settings/webhook_notification_frequency");
}

#[test]
fn no_effect_is_not_claimed_for_values_an_update_leaves_unchanged() {
    let update = ValidateOptions {
        mode: Mode::Update,
        ..ValidateOptions::default()
    };
    let (_, all) = diagnostics("no-effect-instant-chain-without-notification.json", &update);
    assert!(all.iter().all(|d| d.code != Code::NoEffect), "{all:?}");
}

#[test]
fn ranges_count_utf16_units_after_non_ascii_lines() {
    let (text, d) = only("non-ascii-before-error.json", Code::InvalidValue);
    assert_eq!(d.path, "/events/1");
    assert_at(&text, &d, "\"cértificate_revoked\"");
}

#[test]
fn ranges_count_utf16_units_after_emoji_on_the_same_line() {
    let (text, d) = only("emoji-same-line-unknown-field.json", Code::UnknownField);
    assert_at(&text, &d, "\"endpont\"");
    let range = d.range.unwrap();
    assert_eq!(range.end.column - range.start.column, 9);
}

#[test]
fn list_response_validates_the_webhook_inside() {
    let (text, all) = diagnostics("list-response.json", &ValidateOptions::default());
    let codes: Vec<Code> = all.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::ListResponse, Code::NoEffect], "{all:#?}");
    assert_eq!(
        all[1].path,
        "/webhooks/0/webhook_settings/webhook_send_instant_issued_certificate_chain"
    );
    let report = validate_request(&text, &ValidateOptions::default());
    let normalized = serde_json::to_value(report.normalized).unwrap();
    assert!(normalized.get("id").is_none() && normalized.get("status").is_none());
    assert_eq!(
        normalized["endpoint"],
        "https://listener.example.com/digicert"
    );
}

#[test]
fn input_too_large_over_the_size_limit() {
    let options = ValidateOptions {
        max_input_bytes: 64,
        ..ValidateOptions::default()
    };
    let text = format!(
        "{{\"endpoint\": \"https://a.example.com/{}\"}}",
        "x".repeat(100)
    );
    let report = validate_request(&text, &options);
    assert_eq!(report.diagnostics[0].code, Code::InputTooLarge);
    assert!(!report.valid);
}

#[test]
fn input_too_large_when_nested_deeper_than_64() {
    let text = format!(
        "{{\"endpoint\": \"https://a.example.com\", \"x\": {}{}}}",
        "[".repeat(70),
        "]".repeat(70)
    );
    let report = validate_request(&text, &ValidateOptions::default());
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].code, Code::InputTooLarge);
}

#[test]
fn max_diagnostics_caps_the_list_and_says_so() {
    let events: Vec<String> = (0..50).map(|i| format!("\"bogus_{i}\"")).collect();
    let text = format!(
        "{{\"endpoint\": \"https://a.example.com\", \"events\": [{}]}}",
        events.join(",")
    );
    let options = ValidateOptions {
        max_diagnostics: 10,
        ..ValidateOptions::default()
    };
    let report = validate_request(&text, &options);
    assert!(report.truncated);
    assert_eq!(report.diagnostics.len(), 10);
    assert_eq!(report.diagnostics[0].path, "/events/0");
    assert_eq!(report.diagnostics[9].path, "/events/9");
}

#[test]
fn diagnostics_come_in_document_order() {
    let text =
        "{\"events\": [\"nope\"], \"secret\": \"short\", \"endpoint\": \"http://a.example.com\"}";
    let report = validate_request(text, &ValidateOptions::default());
    let offsets: Vec<u32> = report
        .diagnostics
        .iter()
        .map(|d| d.range.unwrap().start.offset)
        .collect();
    let mut sorted = offsets.clone();
    sorted.sort();
    assert_eq!(offsets, sorted);
}

/// Replaces a UTF-16 range of `text`, as an editor applying the fix would.
fn apply(text: &str, start: u32, end: u32, replacement: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = units[..start as usize].to_vec();
    out.extend(replacement.encode_utf16());
    out.extend(&units[end as usize..]);
    String::from_utf16(&out).expect("whole characters")
}

#[test]
fn every_mechanical_fix_removes_its_diagnostic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/requests");
    let mut applied = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for d in validate_request(&text, &ValidateOptions::default()).diagnostics {
            let (Some(replacement), Some(range)) = (&d.replacement, d.range) else {
                continue;
            };
            let fixed = apply(&text, range.start.offset, range.end.offset, replacement);
            let after = validate_request(&fixed, &ValidateOptions::default()).diagnostics;
            assert!(
                !after
                    .iter()
                    .any(|a| a.code == d.code && a.message == d.message),
                "{} {} is still there after the fix:\n{fixed}",
                d.code.as_str(),
                d.path
            );
            applied += 1;
        }
    }
    assert!(applied >= 5, "{applied} fixes applied");
}

/// A body that normalization leaves unchanged is said to be (the wasm binding then parses the
/// caller's text for `normalized`): what the text parses to is what the normalized body
/// parses to. One that loses a repeated key, event or day, or has a flag respelled, or is a
/// list response, is not.
#[test]
fn normalized_is_noted_unchanged_exactly_when_it_is_the_text_itself() {
    use certcentral_webhooks::validate_request_noting_unchanged;
    let dir = format!("{}/tests/fixtures/requests", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let changed = [
        "duplicate-event.json",
        "duplicate-key.json",
        "flag-spelling-boolean.json",
        "list-response.json",
    ];
    for name in &names {
        let text = fixture(name);
        let (report, unchanged) =
            validate_request_noting_unchanged(&text, &ValidateOptions::default());
        assert_eq!(
            unchanged,
            report.normalized.is_some() && !changed.contains(&name.as_str()),
            "{name}"
        );
        if unchanged {
            let as_sent: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let normalized = serde_json::to_value(report.normalized.as_ref()).expect("JSON");
            assert_eq!(as_sent, normalized, "{name}");
        }
    }
}

/// A number beyond a double's range is written as null in `normalized` (as serde_json writes
/// it), while `JSON.parse` of the text would make it Infinity: such a body is never noted
/// unchanged, wherever the number is.
#[test]
fn a_number_beyond_a_doubles_range_makes_a_body_changed() {
    use certcentral_webhooks::validate_request_noting_unchanged;
    for text in [
        r#"{"endpoint":"https://a.example.com","x":1e400}"#,
        r#"{"endpoint":"https://a.example.com","x":{"y":[1,-1e400]}}"#,
        r#"{"endpoint":"https://a.example.com","webhook_settings":{"z":1e999}}"#,
    ] {
        let (_, unchanged) = validate_request_noting_unchanged(text, &ValidateOptions::default());
        assert!(!unchanged, "{text}");
    }
    let (_, unchanged) = validate_request_noting_unchanged(
        r#"{"endpoint":"https://a.example.com","x":1e300}"#,
        &ValidateOptions::default(),
    );
    assert!(unchanged, "within range");
}
