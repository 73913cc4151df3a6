//! Prints the native crate's result for one operation as JSON, so tests can compare it with
//! what the wasm package returns for the same input.
//!
//! `report validate|validate-update|explain|explain-update FILE`

use std::process::ExitCode;

use certcentral_webhooks::{explain_delivery, validate_request, Mode, ValidateOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [operation, file] = args.as_slice() else {
        eprintln!("usage: report validate|validate-update|explain|explain-update FILE");
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
