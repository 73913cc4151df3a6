//! The delivery explainer against docs/domain.md §5 and §6: the whole truth table, the reasons, the
//! recommendations, and agreement with the validator's `no-effect` warnings.

use certcentral_webhooks::{
    classify_name, explain_case, explain_delivery, validate_request, Code, Family, Issuance, Mode,
    ProductRef, ValidateOptions,
};
use certcentral_webhooks::{Flag, Goal};
use serde_json::{json, Value};

const FLAGS: [&str; 3] = [
    "instant_issue_webhook_notification",
    "webhook_send_certificate_chain",
    "webhook_send_instant_issued_certificate_chain",
];

/// A flag as the body states it: omitted, off or on.
#[derive(Clone, Copy, Debug)]
enum Stated {
    Omitted,
    Off,
    On,
}

impl Stated {
    const ALL: [Stated; 3] = [Stated::Omitted, Stated::Off, Stated::On];
    fn on(self) -> bool {
        matches!(self, Stated::On)
    }
}

fn body(subscribed: bool, flags: [Stated; 3]) -> Value {
    let mut settings = serde_json::Map::new();
    for (key, stated) in FLAGS.iter().zip(flags) {
        match stated {
            Stated::Omitted => {}
            Stated::Off => {
                settings.insert(key.to_string(), json!("0"));
            }
            Stated::On => {
                settings.insert(key.to_string(), json!("1"));
            }
        }
    }
    let events = if subscribed {
        json!(["certificate_issued", "certificate_revoked"])
    } else {
        json!(["certificate_revoked"])
    };
    json!({ "endpoint": "https://listener.example.com/hook", "events": events, "webhook_settings": settings })
}

/// Spec §5's table: (instant?, instant notification, chain (not instant), chain (instant))
/// → (event sent, chain), for a TLS certificate that is subscribed. `None` is "any".
type SpecRow = (bool, Option<bool>, Option<bool>, Option<bool>, bool, bool);
const SPEC_TABLE: [SpecRow; 5] = [
    (false, None, Some(false), None, true, false),
    (false, None, Some(true), None, true, true),
    (true, Some(false), None, None, false, false),
    (true, Some(true), None, Some(false), true, false),
    (true, Some(true), None, Some(true), true, true),
];

fn spec_row(instant: bool, flags: [bool; 3]) -> (bool, bool) {
    let matches = |want: Option<bool>, have: bool| want.is_none_or(|w| w == have);
    let rows: Vec<_> = SPEC_TABLE
        .iter()
        .filter(|r| {
            r.0 == instant
                && matches(r.1, flags[0])
                && matches(r.2, flags[1])
                && matches(r.3, flags[2])
        })
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "the spec table has exactly one row for {instant} {flags:?}"
    );
    (rows[0].4, rows[0].5)
}

fn every_body() -> Vec<(bool, [Stated; 3], Value)> {
    let mut all = Vec::new();
    for subscribed in [true, false] {
        for a in Stated::ALL {
            for b in Stated::ALL {
                for c in Stated::ALL {
                    all.push((subscribed, [a, b, c], body(subscribed, [a, b, c])));
                }
            }
        }
    }
    all
}

#[test]
fn the_matrix_follows_the_spec_table_for_every_combination() {
    for (subscribed, flags, body) in every_body() {
        let report = explain_delivery(&body.to_string(), &ValidateOptions::default());
        assert_eq!(report.outcomes.len(), 10);
        for outcome in &report.outcomes {
            let instant = outcome.issuance == Issuance::Instant;
            // Rule 4: nothing without the subscription.
            let (sent, chain) = if subscribed {
                spec_row(instant, flags.map(Stated::on))
            } else {
                (false, false)
            };
            // Rule 1: only TLS carries the chain.
            let chain = chain && matches!(outcome.family, Family::PublicTls | Family::PrivateTls);
            assert_eq!(
                (outcome.event_sent, outcome.includes_chain),
                (sent, chain),
                "subscribed={subscribed} flags={flags:?} {outcome:?}"
            );
            let summary = match (sent, chain) {
                (false, _) => "no event",
                (true, true) => "event with chain",
                (true, false) => "event without chain",
            };
            if outcome.certain {
                assert_eq!(outcome.summary, summary);
            } else {
                assert_eq!(outcome.summary, format!("{summary} (assumed)"));
            }
        }
    }
}

#[test]
fn families_and_issuance_come_in_contract_order() {
    let report = explain_delivery(
        r#"{"endpoint":"https://a.example.com"}"#,
        &ValidateOptions::default(),
    );
    let order: Vec<(String, String)> = report
        .outcomes
        .iter()
        .map(|o| {
            let v = serde_json::to_value(o).unwrap();
            (
                v["family"].as_str().unwrap().to_string(),
                v["issuance"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let families = [
        "public_tls",
        "private_tls",
        "code_signing",
        "document_signing",
        "smime",
    ];
    let expected: Vec<(String, String)> = families
        .iter()
        .flat_map(|f| ["not_instant", "instant"].map(|i| (f.to_string(), i.to_string())))
        .collect();
    assert_eq!(order, expected);
}

#[test]
fn every_reason_names_the_settings_that_decided_by_their_api_key() {
    for (_, _, body) in every_body() {
        let report = explain_delivery(&body.to_string(), &ValidateOptions::default());
        for outcome in &report.outcomes {
            assert!(!outcome.decided_by.is_empty(), "{outcome:?}");
            for pointer in &outcome.decided_by {
                let key = pointer.rsplit('/').next().unwrap();
                // A deciding setting is either written in the body or listed as assumed.
                let stated = body.pointer(pointer).is_some();
                let assumed = report.assumptions.iter().any(|a| &a.path == pointer);
                assert!(
                    stated || assumed,
                    "{pointer} is neither in the body nor assumed"
                );
                // The subscription is named when it is assumed or when it stops the event;
                // a stated subscription that lets the event through goes without saying.
                let named = outcome.reason.contains(&format!("`{key}`"));
                let must_name = pointer != "/events"
                    || outcome.assumed.contains(pointer)
                    || !outcome.event_sent && outcome.decided_by.len() == 1;
                assert!(
                    named || !must_name,
                    "{:?} does not name {key}",
                    outcome.reason
                );
            }
        }
    }
}

fn merge_patch(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    target.remove(key);
                } else {
                    merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

#[test]
fn each_recommendation_reaches_its_goal_when_applied() {
    for mode in [Mode::Create, Mode::Update] {
        let options = ValidateOptions {
            mode,
            ..ValidateOptions::default()
        };
        for (_, flags, body) in every_body() {
            let report = explain_delivery(&body.to_string(), &options);
            for goal in Goal::ALL {
                let recommended = report.recommendations.iter().find(|r| r.goal == goal);
                // Offered when missed, or when reached only by flags whose value is not known
                // (kept by an update): then the patch states them.
                let unknown_flag = mode == Mode::Update
                    && goal.wanted().1.iter().any(|(flag, _)| {
                        body.pointer(&format!("/webhook_settings/{}", flag.key()))
                            .is_none()
                    });
                assert_eq!(
                    recommended.is_some(),
                    !goal.reached(&report.outcomes) || unknown_flag,
                    "{goal:?} {flags:?}"
                );
                let Some(recommendation) = recommended else {
                    continue;
                };
                let mut patched = body.clone();
                merge_patch(
                    &mut patched,
                    &serde_json::to_value(&recommendation.patch).unwrap(),
                );
                let after = explain_delivery(&patched.to_string(), &options);
                assert!(
                    goal.reached(&after.outcomes),
                    "{goal:?}: {body} + {:?} does not reach it",
                    recommendation.patch
                );
                assert!(validate_request(&patched.to_string(), &options).valid);
            }
        }
    }
}

#[test]
fn recommendation_patches_are_minimal() {
    let body = json!({"endpoint": "https://a.example.com", "webhook_settings": {"webhook_send_certificate_chain": "1"}});
    let report = explain_delivery(&body.to_string(), &ValidateOptions::default());
    let chain = report
        .recommendations
        .iter()
        .find(|r| r.goal == Goal::ChainInEveryTlsEvent)
        .unwrap();
    assert_eq!(
        serde_json::to_value(&chain.patch).unwrap(),
        json!({"webhook_settings": {"instant_issue_webhook_notification": "1", "webhook_send_instant_issued_certificate_chain": "1"}})
    );
}

/// The validator's `no-effect` and the explainer come from one rule set: flipping a setting
/// the validator calls ineffective never changes the matrix.
#[test]
fn no_effect_settings_do_not_change_the_matrix() {
    let mut checked = 0;
    for (_, _, body) in every_body() {
        let options = ValidateOptions::default();
        let before = explain_delivery(&body.to_string(), &options);
        for d in validate_request(&body.to_string(), &options).diagnostics {
            if d.code != Code::NoEffect {
                continue;
            }
            let mut flipped = body.clone();
            *flipped.pointer_mut(&d.path).unwrap() = json!("0");
            let after = explain_delivery(&flipped.to_string(), &options);
            let cells = |r: &certcentral_webhooks::DeliveryReport| -> Vec<(bool, bool)> {
                r.outcomes
                    .iter()
                    .map(|o| (o.event_sent, o.includes_chain))
                    .collect()
            };
            assert_eq!(
                cells(&before),
                cells(&after),
                "{} has an effect after all",
                d.path
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} no-effect findings exercised");
}

#[test]
fn explainer_diagnostics_are_the_validators() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/requests/list-response.json"
    ))
    .unwrap();
    let options = ValidateOptions::default();
    assert_eq!(
        explain_delivery(&text, &options).valid,
        validate_request(&text, &options).valid
    );
    assert_eq!(
        explain_delivery(&text, &options).diagnostics,
        validate_request(&text, &options).diagnostics
    );
}

#[test]
fn omitted_settings_are_listed_as_assumptions() {
    let report = explain_delivery(
        r#"{"endpoint":"https://a.example.com"}"#,
        &ValidateOptions::default(),
    );
    // `events`, every flag, and the frequency: each setting is assumed, none skipped.
    let paths: Vec<&str> = report.assumptions.iter().map(|a| a.path.as_str()).collect();
    let mut every_setting = vec!["/events".to_string()];
    every_setting.extend(Flag::ALL.map(|f| format!("/webhook_settings/{}", f.key())));
    every_setting.push("/webhook_settings/webhook_notification_frequency".into());
    assert_eq!(paths, every_setting);
    assert!(report.settings.certificate_issued_subscribed);
    let update = ValidateOptions {
        mode: Mode::Update,
        ..ValidateOptions::default()
    };
    let report = explain_delivery(r#"{"endpoint":"https://a.example.com"}"#, &update);
    assert!(report
        .assumptions
        .iter()
        .all(|a| a.note.contains("keeps its current value")));
}

#[test]
fn approval_events_subscribed_are_reported() {
    let body = json!({"endpoint": "https://a.example.com", "events": ["certificate_issued", "order_approval_email_sent"]});
    let report = explain_delivery(&body.to_string(), &ValidateOptions::default());
    assert_eq!(
        report.approval.subscribed,
        vec!["order_approval_email_sent"]
    );
    let report = explain_delivery(
        r#"{"endpoint":"https://a.example.com"}"#,
        &ValidateOptions::default(),
    );
    assert!(report.approval.subscribed.is_empty());
    assert!(report.approval.note.contains("order_approval_email_sent"));
}

#[test]
fn explain_case_classifies_by_name_id_type_or_product_object() {
    let body = body(true, [Stated::On, Stated::On, Stated::Off]);
    let text = body.to_string();
    let options = ValidateOptions::default();
    let by_name = explain_case(&text, &options, &ProductRef::Name("ssl_plus".into()), true);
    assert_eq!(
        (by_name.family, by_name.event_sent, by_name.includes_chain),
        (Family::PublicTls, true, false)
    );
    let by_type = explain_case(
        &text,
        &options,
        &ProductRef::Name("code_signing_certificate".into()),
        false,
    );
    assert_eq!(
        (by_type.family, by_type.includes_chain),
        (Family::CodeSigning, false)
    );
    let product = serde_json::from_value(json!({"name_id": "ssl_plus", "type": "ssl_certificate", "group_name": "private_ssl_certificate"})).unwrap();
    let by_object = explain_case(&text, &options, &ProductRef::Object(product), false);
    assert_eq!(
        (by_object.family, by_object.includes_chain),
        (Family::PrivateTls, true)
    );
}

#[test]
fn explain_case_says_what_it_cannot_tell_about_an_unknown_product() {
    let text = body(true, [Stated::Omitted, Stated::On, Stated::Omitted]).to_string();
    let outcome = explain_case(
        &text,
        &ValidateOptions::default(),
        &ProductRef::Name("ssl_brand_new".into()),
        false,
    );
    assert_eq!(outcome.family, Family::Unknown);
    assert!(outcome.event_sent && !outcome.includes_chain && !outcome.certain);
    assert!(outcome.reason.contains("ssl_brand_new") && outcome.reason.contains("TLS"));
    assert_eq!(classify_name("ssl_brand_new"), Family::Unknown);
}
