//! Writes the parts of the npm package that come from the Rust crate's catalogue:
//! `index.d.ts`, `schema/*.json`, and `generated.js` / `generated.cjs` (EVENT_NAMES and the
//! schemas as JS values, available before the wasm is loaded).
//!
//! `cargo run --example generate -- pkg`

use std::path::Path;

use certcentral_webhooks::{catalog, schema, typescript};
use certcentral_webhooks::{event_names, Family, Issuance};

fn main() -> std::io::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "pkg".to_string());
    let out = Path::new(&out);
    std::fs::create_dir_all(out.join("schema"))?;
    let request = serde_json::to_string_pretty(&schema::request_schema())?;
    let event = serde_json::to_string_pretty(&schema::event_schema())?;
    std::fs::write(out.join("schema/request.json"), format!("{request}\n"))?;
    std::fs::write(out.join("schema/event.json"), format!("{event}\n"))?;
    // The same declarations for ESM (.d.ts) and for require() (.d.cts): TypeScript reads a
    // .d.ts in a "type": "module" package as ESM only.
    // The listener kit is JavaScript only, so its declarations are written by hand beside it.
    let listener = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg/listener.d.ts.in"),
    )?;
    // Its opening `//` lines are notes for whoever edits the file, not for users.
    let listener: String = listener
        .lines()
        .skip_while(|line| line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    let full = format!("{}\n{listener}", typescript::declarations());
    std::fs::write(out.join("index.d.ts"), &full)?;
    std::fs::write(out.join("index.d.cts"), &full)?;
    // For "certcentral-webhooks/web" under node10 resolution, which reads no exports map.
    std::fs::write(out.join("web.d.ts"), &full)?;
    // certcentral-webhooks/validate, for import and for require().
    std::fs::write(
        out.join("validate.d.ts"),
        typescript::validate_declarations(),
    )?;
    std::fs::write(
        out.join("validate.d.cts"),
        typescript::validate_declarations(),
    )?;
    let names = serde_json::to_string(&event_names())?;
    let subscribable: Vec<&str> = catalog::subscribable_events().collect();
    let subscribable = serde_json::to_string(&subscribable)?;
    // Labels as table headings: first letter up.
    let heading = |label: &str| label[..1].to_uppercase() + &label[1..];
    let families: Vec<serde_json::Value> = Family::KNOWN
        .iter()
        .map(|f| serde_json::json!({ "id": f.as_str(), "label": heading(f.label()) }))
        .collect();
    let families = serde_json::to_string(&families)?;
    let issuances: Vec<serde_json::Value> = Issuance::BOTH
        .iter()
        .map(|i| serde_json::json!({ "id": i.as_str(), "label": heading(i.label()) }))
        .collect();
    let issuances = serde_json::to_string(&issuances)?;
    let flags: Vec<serde_json::Value> = catalog::Flag::ALL
        .iter()
        .map(|f| serde_json::json!({ "key": f.key(), "label": f.label(), "summaryName": f.summary_name() }))
        .collect();
    let flags = serde_json::to_string(&flags)?;
    let exports = "EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema, eventSchema";
    let limit = certcentral_webhooks::ValidateOptions::default().max_input_bytes;
    let header =
        "// Generated from the Rust crate by `cargo run --example generate`; do not edit.\n";
    let body = format!(
        "const REQUEST_SCHEMA = {request};\nconst EVENT_SCHEMA = {event};\n\
         /** JSON Schema (2020-12) of the create/update body; a fresh copy on each call. */\n\
         function requestSchema() {{ return structuredClone(REQUEST_SCHEMA); }}\n\
         /** JSON Schema (2020-12) of the event envelope and the known events. */\n\
         function eventSchema() {{ return structuredClone(EVENT_SCHEMA); }}\n\
         const EVENT_NAMES = Object.freeze({names});\n\
         const SUBSCRIBABLE_EVENT_NAMES = Object.freeze({subscribable});\n\
         const FAMILIES = Object.freeze({families}.map(Object.freeze));\n\
         const ISSUANCES = Object.freeze({issuances}.map(Object.freeze));\n\
         const FLAGS = Object.freeze({flags}.map(Object.freeze));\n\
         /** The input limit every function applies unless given maxInputBytes: bytes of UTF-8. */\n\
         const DEFAULT_MAX_INPUT_BYTES = {limit};\n"
    );
    std::fs::write(
        out.join("generated.js"),
        format!("{header}{body}export {{ {exports} }};\n"),
    )?;
    std::fs::write(
        out.join("generated.cjs"),
        format!("{header}'use strict';\n{body}module.exports = {{ {exports} }};\n"),
    )?;
    Ok(())
}
