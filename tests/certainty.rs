//! "Never present a guess as a fact" (docs/domain.md, "Certainty"): every delivery answer
//! says whether it rests on stated values, on assumptions, or on what a received event proves.

use certcentral_webhooks::Source;
use certcentral_webhooks::{
    explain_case, explain_delivery, parse_event, validate_request, Code, Family, Issuance, Mode,
    ParseOptions, ProductRef, Severity, ValidateOptions,
};
use serde_json::json;

const EP: &str = "https://listener.example.com/hook";

fn root_pem() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/certs/DigiCert_Global_Root_G2.pem"
    ))
    .expect("fixture")
}

fn issued_with_chain() -> String {
    json!({"event": "certificate_issued", "data": {"order_id": 1, "certificate_id": 2,
        "certificate_chain": [{"subject_common_name": "DigiCert Global Root G2", "pem": root_pem()}]}})
    .to_string()
}

fn explain(body: &serde_json::Value, mode: Mode) -> certcentral_webhooks::DeliveryReport {
    explain_delivery(
        &body.to_string(),
        &ValidateOptions {
            mode,
            ..ValidateOptions::default()
        },
    )
}

fn explanation(
    event: &str,
    settings: serde_json::Value,
    mode: Mode,
    product: &str,
    instant: Option<bool>,
) -> String {
    let options = ParseOptions {
        settings: Some(settings.to_string()),
        settings_mode: mode,
        product: Some(ProductRef::Name(product.into())),
        instant,
        ..ParseOptions::default()
    };
    parse_event(event, &options)
        .explanation
        .expect("explanation")
}

#[test]
fn an_update_that_omits_events_is_not_certain_and_lists_events_in_decided_by() {
    let report = explain(
        &json!({"endpoint": EP, "webhook_settings": {"webhook_send_certificate_chain": "1"}}),
        Mode::Update,
    );
    let tls = &report.outcomes[0];
    assert_eq!(
        (tls.family, tls.issuance),
        (Family::PublicTls, Issuance::NotInstant)
    );
    assert!(tls.event_sent && tls.includes_chain);
    assert!(!tls.certain, "{tls:?}");
    assert_eq!(tls.decided_by[0], "/events");
    assert_eq!(tls.assumed, vec!["/events"]);
    assert!(tls.reason.contains("leaves unchanged"), "{}", tls.reason);
    assert_eq!(tls.summary, "event with chain (assumed)");
}

#[test]
fn every_outcome_lists_events_in_decided_by() {
    let report = explain(
        &json!({"endpoint": EP, "events": ["certificate_issued"], "webhook_settings": {
            "instant_issue_webhook_notification": "0", "webhook_send_certificate_chain": "1",
            "webhook_send_instant_issued_certificate_chain": "1"}}),
        Mode::Create,
    );
    for outcome in &report.outcomes {
        assert_eq!(
            outcome.decided_by.first().map(String::as_str),
            Some("/events")
        );
        assert!(outcome.certain, "all stated: {outcome:?}");
    }
}

#[test]
fn a_chain_under_an_update_that_omits_the_flag_shows_the_flag_is_on() {
    let text = explanation(
        &issued_with_chain(),
        json!({"endpoint": EP}),
        Mode::Update,
        "ssl_plus",
        Some(false),
    );
    assert!(
        text.contains("shows that") && text.contains("`webhook_send_certificate_chain` is on"),
        "{text}"
    );
    assert!(!text.contains("differ"), "{text}");
}

#[test]
fn a_chain_on_code_signing_means_the_product_was_misidentified_not_the_settings() {
    let all_on = json!({"endpoint": EP, "webhook_settings": {
        "instant_issue_webhook_notification": "1", "webhook_send_certificate_chain": "1",
        "webhook_send_instant_issued_certificate_chain": "1"}});
    for instant in [None, Some(false), Some(true)] {
        let text = explanation(
            &issued_with_chain(),
            all_on.clone(),
            Mode::Create,
            "code_signing",
            instant,
        );
        assert!(text.contains("product was misidentified"), "{text}");
        assert!(!text.contains("settings in effect differ"), "{text}");
    }
}

#[test]
fn only_a_contradicted_stated_value_means_the_settings_in_effect_differ() {
    let text = explanation(
        &issued_with_chain(),
        json!({"endpoint": EP, "events": ["certificate_issued"], "webhook_settings": {"webhook_send_certificate_chain": "0"}}),
        Mode::Create,
        "ssl_plus",
        Some(false),
    );
    assert!(
        text.contains("state that `webhook_send_certificate_chain` is off"),
        "{text}"
    );
    assert!(text.contains("settings in effect differ"), "{text}");
    assert!(
        text.contains("Unless the product or the issuance was misidentified"),
        "{text}"
    );
}

#[test]
fn an_invalid_flag_is_never_called_omitted() {
    let report = explain(
        &json!({"endpoint": EP, "events": ["certificate_issued"], "webhook_settings": {"webhook_send_certificate_chain": "yes"}}),
        Mode::Create,
    );
    let tls = &report.outcomes[0];
    assert!(!tls.certain);
    assert!(!tls.reason.contains("omitted"), "{}", tls.reason);
    assert!(tls.reason.contains("not validly stated"), "{}", tls.reason);
    let assumption = report
        .assumptions
        .iter()
        .find(|a| a.path == "/webhook_settings/webhook_send_certificate_chain")
        .expect("listed");
    assert_eq!(assumption.source, Source::Invalid);
    assert!(
        !assumption.note.contains("not in the body"),
        "{}",
        assumption.note
    );
}

#[test]
fn an_unreadable_body_states_nothing_and_recommends_nothing() {
    let report = explain_delivery(
        r#"{"endpoint": "https://a.example.com", "webhook_settings": {"webhook_send_certificate_chain": "1"},}"#,
        &ValidateOptions::default(),
    );
    assert!(report.outcomes.iter().all(|o| !o.certain));
    assert!(report
        .outcomes
        .iter()
        .all(|o| !o.reason.contains("omitted")));
    assert!(report
        .assumptions
        .iter()
        .all(|a| a.source == Source::Unreadable));
    assert!(report.recommendations.is_empty());
}

#[test]
fn an_unreadable_body_gives_cannot_tell_not_an_answer_from_defaults() {
    for text in ["{\"endpoint\": ", "[1, 2]", "\"text\""] {
        let report = explain_delivery(text, &ValidateOptions::default());
        for outcome in &report.outcomes {
            assert_eq!(outcome.summary, "cannot tell", "{text}");
            assert!(outcome.reason.starts_with("Cannot tell:"), "{text}");
        }
        let case = explain_case(
            text,
            &ValidateOptions::default(),
            &ProductRef::Name("ssl_plus".into()),
            true,
        );
        assert_eq!(case.summary, "cannot tell", "{text}");
    }
}

#[test]
fn the_approval_note_does_not_promise_certificate_issued_when_it_is_not_subscribed() {
    let report = explain(
        &json!({"endpoint": EP, "events": ["order_approval_email_sent"]}),
        Mode::Create,
    );
    assert!(
        !report.approval.note.contains("comes only once"),
        "{}",
        report.approval.note
    );
    assert!(
        report.approval.note.contains("not in `events`"),
        "{}",
        report.approval.note
    );
}

#[test]
fn a_list_response_with_two_webhooks_is_a_warning() {
    let body = json!({"webhooks": [{"id": 1, "endpoint": EP, "status": "active"}, {"id": 2, "endpoint": EP, "status": "active"}]});
    let report = validate_request(&body.to_string(), &ValidateOptions::default());
    let second = report
        .diagnostics
        .iter()
        .find(|d| d.path == "/webhooks/1")
        .expect("diagnostic");
    assert_eq!(second.severity, Severity::Warning);
}

#[test]
fn approval_completed_names_get_a_did_you_mean_and_say_the_event_is_undocumented() {
    for name in [
        "order_approval_completed",
        "order_approval_complete",
        "approval_completed",
        "order_approved",
    ] {
        let body = json!({"endpoint": EP, "events": [name]});
        let report = validate_request(&body.to_string(), &ValidateOptions::default());
        let d = &report.diagnostics[0];
        assert_eq!(d.code, Code::InvalidValue);
        let hint = d.hint.as_deref().unwrap_or("");
        assert!(
            hint.contains("did you mean \"order_approval_email_sent\""),
            "{name}: {hint}"
        );
        assert!(hint.contains("does not document"), "{name}: {hint}");
    }
}

#[test]
fn an_id_of_exactly_2_pow_53_names_the_real_bound() {
    let event = r#"{"event":"certificate_revoked","data":{"order_id":9007199254740992,"certificate_id":1}}"#;
    let report = parse_event(event, &ParseOptions::default());
    let message = &report.diagnostics[0].message;
    assert!(message.contains("above 9007199254740991"), "{message}");
    assert!(!message.contains("above 2^53 "), "{message}");
    let ok = r#"{"event":"certificate_revoked","data":{"order_id":9007199254740991,"certificate_id":1}}"#;
    assert!(parse_event(ok, &ParseOptions::default()).ok);
}

#[test]
fn whole_numbers_get_one_verdict_however_they_are_written() {
    for (frequency, flag) in [
        ("90", "1"),
        ("90.0", "1.0"),
        ("9e1", "1e0"),
        ("900e-1", "10e-1"),
    ] {
        let text = format!(
            r#"{{"endpoint": "{EP}", "events": ["domain_expired"], "webhook_settings": {{"webhook_notification_frequency": [{frequency}], "instant_issue_webhook_notification": {flag}}}}}"#
        );
        let report = validate_request(&text, &ValidateOptions::default());
        assert!(report.valid, "{text}: {:?}", report.diagnostics);
        let normalized = serde_json::to_value(&report.normalized).unwrap();
        assert_eq!(
            normalized["webhook_settings"]["webhook_notification_frequency"],
            json!([90])
        );
        assert_eq!(
            normalized["webhook_settings"]["instant_issue_webhook_notification"],
            json!("1")
        );
    }
    let fraction = format!(
        r#"{{"endpoint": "{EP}", "webhook_settings": {{"webhook_notification_frequency": [90.5]}}}}"#
    );
    assert!(!validate_request(&fraction, &ValidateOptions::default()).valid);
    let id = r#"{"event":"certificate_revoked","data":{"order_id":1.0,"certificate_id":2e0}}"#;
    assert!(parse_event(id, &ParseOptions::default()).ok);
}

/// Every way a body can state, omit or spoil the inputs of the delivery rules.
fn every_body_shape() -> Vec<serde_json::Value> {
    let events: [Option<serde_json::Value>; 5] = [
        None,
        Some(json!(["certificate_issued"])),
        Some(json!(["certificate_revoked"])),
        Some(json!(["certificate_issued", "certificate_isued"])),
        Some(json!("certificate_issued")),
    ];
    let spellings: [Option<serde_json::Value>; 8] = [
        None,
        Some(json!("1")),
        Some(json!("0")),
        Some(json!(true)),
        Some(json!(0)),
        Some(json!(1.0)),
        Some(json!("yes")),
        Some(json!(null)),
    ];
    let flags = [
        "instant_issue_webhook_notification",
        "webhook_send_certificate_chain",
        "webhook_send_instant_issued_certificate_chain",
    ];
    let mut bodies = Vec::new();
    for events in &events {
        let mut settings_shapes = vec![None, Some(json!("on"))];
        for a in &spellings {
            for b in &spellings {
                for c in &spellings {
                    let mut object = serde_json::Map::new();
                    for (key, value) in flags.iter().zip([a, b, c]) {
                        if let Some(value) = value {
                            object.insert(key.to_string(), value.clone());
                        }
                    }
                    settings_shapes.push(Some(serde_json::Value::Object(object)));
                }
            }
        }
        for settings in settings_shapes {
            let mut body = json!({"endpoint": EP});
            if let Some(events) = events {
                body["events"] = events.clone();
            }
            if let Some(settings) = settings {
                body["webhook_settings"] = settings;
            }
            bodies.push(body);
        }
    }
    bodies
}

/// Stated and valid, judged from the body alone (not by the library under test).
fn stated_and_valid(body: &serde_json::Value, pointer: &str) -> bool {
    match (pointer, body.pointer(pointer)) {
        ("/events", Some(serde_json::Value::Array(names))) => names.iter().all(|n| {
            n.as_str()
                .is_some_and(|n| n.starts_with("certificate_") && n != "certificate_isued")
        }),
        (_, Some(value)) if pointer.starts_with("/webhook_settings/") => [
            json!("1"),
            json!("0"),
            json!(true),
            json!(false),
            json!(1),
            json!(0),
        ]
        .iter()
        .any(|v| v == value || (value.is_f64() && value.as_f64() == v.as_f64())),
        _ => false,
    }
}

#[test]
fn certain_iff_every_deciding_input_is_stated_and_never_omitted_when_present() {
    let bodies = every_body_shape();
    assert!(bodies.len() > 2500);
    for body in &bodies {
        for mode in [Mode::Create, Mode::Update] {
            let report = explain(body, mode);
            for outcome in &report.outcomes {
                let all_stated = outcome.decided_by.iter().all(|p| stated_and_valid(body, p));
                assert_eq!(outcome.certain, all_stated, "{body} {mode:?} {outcome:?}");
                for pointer in &outcome.decided_by {
                    let present = body.pointer(pointer).is_some();
                    let key = pointer.rsplit('/').next().unwrap_or("");
                    if present {
                        for phrase in [
                            format!("`{key}` is off (the default when omitted)"),
                            format!("`{key}` is on (the default when omitted)"),
                            format!("omitted `{key}`"),
                        ] {
                            assert!(
                                !outcome.reason.contains(&phrase),
                                "{body}: {}",
                                outcome.reason
                            );
                        }
                    }
                    assert_eq!(
                        outcome.assumed.contains(pointer),
                        !stated_and_valid(body, pointer),
                        "{body} {pointer}"
                    );
                }
            }
            for assumption in &report.assumptions {
                if body.pointer(&assumption.path).is_some() {
                    assert_eq!(assumption.source, Source::Invalid, "{body}: {assumption:?}");
                }
            }
        }
    }
}
