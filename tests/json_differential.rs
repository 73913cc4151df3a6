//! The spanned JSON reader against serde_json: on generated documents and on byte-level
//! mutations of them, both accept or both refuse (the fuzz target `json_differential` does
//! the same for longer).
#![cfg(not(target_arch = "wasm32"))]

use certcentral_webhooks::json::agrees_with_serde_json;
use proptest::prelude::*;

/// Short JSON-ish texts built from the tokens that matter: every value kind, escapes, number
/// forms, structure, and stray characters.
fn near_json() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just(":"),
        Just(" "),
        Just("\n"),
        Just("\"a\""),
        Just("\"\\u00e9\""),
        Just("\"\\ud83d\\ude00\""),
        Just("\"\\ud800\""),
        Just("\"\\x\""),
        Just("\"\t\""),
        Just("\"\\/\""),
        Just("0"),
        Just("-0"),
        Just("1.5e3"),
        Just("1."),
        Just(".5"),
        Just("01"),
        Just("1e400"),
        Just("-"),
        Just("true"),
        Just("nul"),
        Just("null"),
        Just("false"),
        Just("'a'"),
        Just("/*c*/"),
        Just("\u{1}"),
        Just("é"),
    ];
    prop::collection::vec(token, 0..24).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_accepts_exactly_what_serde_json_accepts(text in near_json()) {
        prop_assert!(agrees_with_serde_json(&text), "disagree on {:?}", text);
    }

    #[test]
    fn valid_documents_with_one_byte_changed_still_agree(
        at in 0usize..80,
        byte in 0u8..128,
    ) {
        let value = r#"{"endpoint": "https://a.example.com", "events": ["certificate_issued"], "n": -1.5e-3, "s": "\u00e9\n"}"#;
        let mut bytes = value.as_bytes().to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            prop_assert!(agrees_with_serde_json(&text), "disagree on {:?}", text);
        }
    }
}
