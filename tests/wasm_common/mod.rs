//! Binding tests shared by the Node and browser runs: what JS callers see.

use certcentral_webhooks::wasm;
use certcentral_webhooks::{explain_delivery, ValidateOptions};
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("property")
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn text_input_gives_diagnostics_with_utf16_ranges() {
    let text = "{\n  \"secret\": \"😀 é\",\n  \"endpont\": \"https://a.example.com\"\n}";
    let report = wasm::validate_request(text.into(), None).expect("no throw");
    assert_eq!(get(&report, "valid").as_bool(), Some(false));
    let diagnostics: js_sys::Array = get(&report, "diagnostics").into();
    let unknown = diagnostics
        .iter()
        .find(|d| get(d, "code").as_string().as_deref() == Some("unknown-field"))
        .expect("unknown-field");
    let start = get(&get(&unknown, "range"), "start");
    assert_eq!(get(&start, "line").as_f64(), Some(3.0));
    assert_eq!(get(&start, "column").as_f64(), Some(3.0));
    // JS strings count UTF-16 units: the emoji is two.
    let js_offset = js_sys::JsString::from(text).index_of("\"endpont\"", 0);
    assert_eq!(get(&start, "offset").as_f64(), Some(js_offset as f64));
}

#[wasm_bindgen_test]
fn object_input_gives_diagnostics_without_ranges() {
    let report = wasm::validate_request(json(r#"{"endpoint":"http://a.example.com"}"#), None)
        .expect("no throw");
    let diagnostics: js_sys::Array = get(&report, "diagnostics").into();
    assert_eq!(diagnostics.length(), 1);
    assert!(get(&diagnostics.get(0), "range").is_undefined());
    assert_eq!(
        get(&diagnostics.get(0), "path").as_string().as_deref(),
        Some("/endpoint")
    );
}

#[wasm_bindgen_test]
fn normalized_is_a_plain_object_with_string_flags() {
    let text = r#"{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":true}}"#;
    let report = wasm::validate_request(text.into(), None).expect("no throw");
    assert_eq!(
        stringify(&get(&report, "normalized")),
        r#"{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":"1"}}"#
    );
}

#[wasm_bindgen_test]
fn options_select_update_mode_and_strictness() {
    let text = r#"{"endpoint":"https://a.example.com","secret":""}"#;
    let update =
        wasm::validate_request(text.into(), Some(json(r#"{"mode":"update"}"#))).expect("no throw");
    assert_eq!(get(&update, "valid").as_bool(), Some(true));
    let create = wasm::validate_request(
        text.into(),
        Some(json(r#"{"mode":"create","strict":true}"#)),
    )
    .expect("no throw");
    assert_eq!(get(&create, "valid").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_with_a_code() {
    for (input, options) in [
        (JsValue::from_f64(3.0), None),
        (JsValue::UNDEFINED, None),
        ("{}".into(), Some(json(r#"{"mode":"delete"}"#))),
        ("{}".into(), Some(json(r#"{"strictt":true}"#))),
    ] {
        let error = wasm::validate_request(input, options).expect_err("misuse throws");
        assert!(error.is_instance_of::<js_sys::Error>());
        assert_eq!(
            get(&error, "code").as_string().as_deref(),
            Some("invalid-argument")
        );
    }
}

#[wasm_bindgen_test]
fn hundreds_of_malformed_inputs_leave_the_instance_usable() {
    let valid = r#"{"endpoint":"https://a.example.com"}"#;
    let mut inputs: Vec<String> = vec![
        String::new(),
        "{".into(),
        "[".repeat(10_000),
        "{\"a\":".repeat(5_000),
        "\"\\ud800\"".into(),
        "\u{0}".into(),
        "{\"endpoint\": 1e999999}".into(),
        "{\"events\": [".to_string() + &"1,".repeat(20_000) + "1]}",
        "x".repeat(2 << 20),
    ];
    for i in 0..valid.len() {
        inputs.push(valid[..i].to_string());
        inputs.push(format!("{}\u{1}{}", &valid[..i], &valid[i..]));
    }
    assert!(inputs.len() > 70);
    for _round in 0..4 {
        for input in &inputs {
            let report = wasm::validate_request(input.as_str().into(), None)
                .expect("bad input never throws");
            assert_eq!(
                get(&report, "valid").as_bool(),
                Some(false),
                "{:.40}",
                input
            );
            wasm::explain_delivery(input.as_str().into(), None).expect("bad input never throws");
            let event =
                wasm::parse_event(input.as_str().into(), None).expect("bad input never throws");
            assert_eq!(get(&event, "ok").as_bool(), Some(false));
            wasm::parse_events(input.as_str().into(), None).expect("bad input never throws");
        }
    }
    let report = wasm::validate_request(valid.into(), None).expect("still works");
    assert_eq!(get(&report, "valid").as_bool(), Some(true));
}

/// validateRequest's result is decoded in JS from numbers and texts (src/wasm.rs): it equals
/// the core's JSON, member order included, for text (with ranges) and for objects (without).
#[wasm_bindgen_test]
fn validate_through_the_binding_equals_the_core() {
    let bodies = [
        include_str!("../fixtures/requests/digicert-docs-create.json"),
        include_str!("../fixtures/requests/minimal-create.json"),
        include_str!("../fixtures/requests/event-name-typo.json"),
        include_str!("../fixtures/requests/non-ascii-before-error.json"),
        include_str!("../fixtures/requests/emoji-same-line-unknown-field.json"),
        include_str!("../fixtures/requests/flag-spelling-boolean.json"),
        include_str!("../fixtures/requests/list-response.json"),
        include_str!("../fixtures/requests/json-syntax-trailing-comma.json"),
        include_str!("../fixtures/requests/crlf-invalid-type.json"),
        include_str!("../fixtures/requests/duplicate-key.json"),
        r#"{"endpoint":"https://a.example.com","__proto__":{"x":1},"secret":"tab\there \"quoted\" \u00e9"}"#,
        "[1]",
        "",
    ];
    for body in bodies {
        let through_binding =
            stringify(&wasm::validate_request(body.into(), None).expect("no throw"));
        let core = serde_json::to_string(&certcentral_webhooks::validate_request(
            body,
            &ValidateOptions::default(),
        ))
        .expect("json");
        assert_eq!(through_binding, core, "text: {body}");
        // An object is read as its JSON.stringify text, and its diagnostics have no range.
        if let Ok(parsed) = JSON::parse(body) {
            let text = stringify(&parsed);
            let through_binding =
                stringify(&wasm::validate_request(parsed, None).expect("no throw"));
            let mut report =
                certcentral_webhooks::validate_request(&text, &ValidateOptions::default());
            report.diagnostics.iter_mut().for_each(|d| d.range = None);
            let core = serde_json::to_string(&report).expect("json");
            assert_eq!(through_binding, core, "object: {body}");
        }
    }
    let truncated = wasm::validate_request(bodies[2].into(), Some(json(r#"{"maxDiagnostics":0}"#)))
        .expect("no throw");
    assert_eq!(get(&truncated, "truncated").as_bool(), Some(true));
}

/// parseEvent's and parseEvents' results are decoded in JS from numbers and texts too: they
/// equal the core's JSON, member order included (the event itself is parsed from the text).
#[wasm_bindgen_test]
fn events_through_the_binding_equal_the_core() {
    let root = include_str!("../fixtures/certs/DigiCert_Global_Root_G2.pem");
    let chain_event = format!(
        r#"{{"event":"certificate_issued","data":{{"order_id":1,"certificate_id":2,"certificate_chain":[{{"name":"DigiCert Global Root G2","pem":{}}},{{"name":"x","pem":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"}}]}}}}"#,
        serde_json::to_string(root).expect("json")
    );
    let options =
        r#"{"now":"2030-01-01T00:00:00Z","settings":{"endpoint":"https://a.example.com"}}"#;
    let parse_options = certcentral_webhooks::ParseOptions {
        now: Some(1_893_456_000),
        settings: Some(r#"{"endpoint":"https://a.example.com"}"#.to_string()),
        ..Default::default()
    };
    for text in [
        chain_event.as_str(),
        include_str!("../fixtures/events/certificate-revoked.json"),
        include_str!("../fixtures/events/certificate-issued-no-chain.json"),
        r#"{"event":"brand_new","data":{}}"#,
        "{",
    ] {
        let through_binding =
            stringify(&wasm::parse_event(text.into(), Some(json(options))).expect("no throw"));
        let core = serde_json::to_string(&certcentral_webhooks::parse_event(text, &parse_options))
            .expect("json");
        assert_eq!(through_binding, core, "{text:.60}");
    }
    let log = format!(
        "{}\n{chain_event}\nnot json\n",
        include_str!("../fixtures/events/certificate-revoked.json").trim()
    );
    let through_binding =
        stringify(&wasm::parse_events(log.as_str().into(), Some(json(options))).expect("no throw"));
    let core = serde_json::to_string(&certcentral_webhooks::parse_events(&log, &parse_options))
        .expect("json");
    assert_eq!(through_binding, core);
}

#[wasm_bindgen_test]
fn explain_through_the_binding_equals_the_core() {
    for body in [
        r#"{"endpoint":"https://a.example.com"}"#,
        r#"{"endpoint":"https://a.example.com","events":["certificate_revoked"],"webhook_settings":{"webhook_send_certificate_chain":"1"}}"#,
        r#"{"endpoint":"https://a.example.com","webhook_settings":{"instant_issue_webhook_notification":"1","webhook_send_instant_issued_certificate_chain":true}}"#,
    ] {
        let through_binding =
            stringify(&wasm::explain_delivery(body.into(), None).expect("no throw"));
        let core = serde_json::to_string(&explain_delivery(body, &ValidateOptions::default()))
            .expect("json");
        assert_eq!(through_binding, core);
    }
}

#[wasm_bindgen_test]
fn classify_product_accepts_a_name_or_an_object() {
    assert_eq!(
        wasm::classify_product("ssl_plus".into())
            .expect("ok")
            .as_string()
            .as_deref(),
        Some("public_tls")
    );
    let product = json(r#"{"name_id":"x","type":"client_certificate","name":"Premium"}"#);
    assert_eq!(
        wasm::classify_product(product)
            .expect("ok")
            .as_string()
            .as_deref(),
        Some("smime")
    );
    assert!(wasm::classify_product(JsValue::from_f64(1.0)).is_err());
}

#[wasm_bindgen_test]
fn explain_case_reports_unknown_products_as_unknown() {
    let outcome = wasm::explain_case(
        r#"{"endpoint":"https://a.example.com"}"#.into(),
        json(r#"{"product":"brand_new_thing","instant":false}"#),
    )
    .expect("no throw");
    assert_eq!(
        get(&outcome, "family").as_string().as_deref(),
        Some("unknown")
    );
}

#[wasm_bindgen_test]
fn parse_event_keeps_ids_as_numbers_and_uses_now() {
    let text =
        r#"{"event":"certificate_revoked","data":{"order_id":472000001,"certificate_id":2}}"#;
    let report = wasm::parse_event(text.into(), Some(json(r#"{"now":"2030-01-01T00:00:00Z"}"#)))
        .expect("no throw");
    assert_eq!(
        get(&get(&get(&report, "event"), "data"), "order_id").as_f64(),
        Some(472_000_001.0)
    );
    assert!(wasm::parse_event(text.into(), Some(json(r#"{"now":"soon"}"#))).is_err());
}
