//! Prints the native crate's result for one operation as JSON, so tests can compare it with
//! what the wasm package returns for the same input.
//!
//! `report validate|validate-update|explain|explain-update|parse|parse-ndjson FILE`
//! (`parse` checks validity against 2030-01-01T00:00:00Z.)

use std::process::ExitCode;

use certcentral_webhooks::{
    explain_delivery, parse_event, parse_events, validate_request, Mode, ParseOptions,
    ValidateOptions,
};

/// The `now` of `parse`: 2030-01-01T00:00:00Z.
const NOW: i64 = 1_893_456_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [operation, file] = args.as_slice() else {
        eprintln!(
            "usage: report validate|validate-update|explain|explain-update|parse|parse-ndjson FILE"
        );
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let mode = if operation.ends_with("-update") {
        Mode::Update
    } else {
        Mode::Create
    };
    let options = ValidateOptions {
        mode,
        ..ValidateOptions::default()
    };
    let json = match operation.trim_end_matches("-update") {
        "validate" => serde_json::to_string(&validate_request(&text, &options)),
        "explain" => serde_json::to_string(&explain_delivery(&text, &options)),
        "parse" => serde_json::to_string(&parse_event(
            &text,
            &ParseOptions {
                now: Some(NOW),
                ..ParseOptions::default()
            },
        )),
        "parse-ndjson" => serde_json::to_string(&parse_events(
            &text,
            &ParseOptions {
                now: Some(NOW),
                ..ParseOptions::default()
            },
        )),
        other => {
            eprintln!("unknown operation {other}");
            return ExitCode::from(2);
        }
    };
    match json {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
