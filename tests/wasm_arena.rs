//! The wasm allocator's arena (src/allocator.rs), in an instance of its own: the shared binding
//! tests' harness keeps blocks of its own alive between tests, which would fill the arena
//! before this test runs.
#![cfg(target_arch = "wasm32")]

use certcentral_webhooks::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("test JSON")
}

/// Every binding call gives back the arena it took (src/allocator.rs): it frees every block, so
/// its scope rewinds the arena to where it was, on good input, on bad input and on misuse.
#[wasm_bindgen_test]
fn calls_give_back_the_arena_they_take() {
    // The instance's first call, with a large body: what it makes to keep for good (the
    // default settings' paths) must not sit above the body's text in the arena, or no later
    // call could reuse that room.
    let large = format!(
        r#"{{"endpoint":"https://a.example.com","pad":"{}"}}"#,
        "x".repeat(100 * 1024)
    );
    drop(wasm::validate_request(large.as_str().into(), None));
    let after_first = certcentral_webhooks::arena_bytes_in_use();
    assert!(
        after_first < 16 * 1024,
        "{after_first} bytes kept by the first call"
    );
    let root = include_str!("fixtures/certs/DigiCert_Global_Root_G2.pem");
    let chain_event = format!(
        r#"{{"event":"certificate_issued","data":{{"order_id":1,"certificate_id":2,"certificate_chain":[{{"name":"DigiCert Global Root G2","pem":{}}}]}}}}"#,
        serde_json::to_string(root).expect("json")
    );
    let body =
        r#"{"endpoint":"https://a.example.com","events":["certificate_revoke"],"secret":"short"}"#;
    let log = format!("{chain_event}\n{{\"event\":\"order_rejected\"}}\nnot json\n");
    // A log whose reports together outgrow the arena (each line has a scope of its own
    // inside the call's; how much faster that is, is measured, not tested here).
    let long_log = log.repeat(200);
    let calls: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| drop(wasm::validate_request(body.into(), None))),
        Box::new(|| drop(wasm::validate_request(json(body), None))),
        Box::new(|| drop(wasm::validate_request("{".into(), None))),
        Box::new(|| {
            drop(wasm::validate_request(
                body.into(),
                Some(json(r#"{"nope":1}"#)),
            ))
        }),
        Box::new(|| {
            drop(wasm::validate_request(
                body.into(),
                Some(json(r#"{"mode":"update","maxDiagnostics":2}"#)),
            ))
        }),
        Box::new(|| drop(wasm::explain_delivery(body.into(), None))),
        Box::new(|| {
            drop(wasm::explain_case(
                body.into(),
                json(r#"{"product":"ssl_plus","instant":true}"#),
            ))
        }),
        Box::new(|| drop(wasm::classify_product("ssl_plus".into()))),
        Box::new(|| drop(wasm::parse_event(chain_event.as_str().into(), None))),
        Box::new(|| drop(wasm::parse_events(log.as_str().into(), None))),
        Box::new(|| drop(wasm::parse_events(long_log.as_str().into(), None))),
        Box::new(|| {
            drop(wasm::parse_event(
                chain_event.as_str().into(),
                Some(json(
                    r#"{"now":1893456000000,"settings":{"endpoint":"https://a.example.com"}}"#,
                )),
            ))
        }),
        Box::new(|| drop(wasm::parse_event(JsValue::from_f64(1.0), None))),
        Box::new(|| drop(wasm::verify_webhook_key("a".into(), "b".into()))),
        Box::new(|| {
            let _ = wasm::is_digicert_source("203.0.113.9".into());
        }),
    ];
    // A first round makes what lives for good (the binding's thread-locals, wasm-bindgen's
    // table of JS references).
    calls.iter().for_each(|call| call());
    for (i, call) in calls.iter().enumerate() {
        let before = certcentral_webhooks::arena_bytes_in_use();
        assert!(
            before < 64 * 1024,
            "room in the arena for call {i}: {before} bytes in use"
        );
        call();
        assert_eq!(
            certcentral_webhooks::arena_bytes_in_use(),
            before,
            "call {i}"
        );
    }
}
