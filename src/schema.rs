//! JSON Schemas (2020-12) of the request body and of webhook events, generated from the same
//! catalogue the validator and the event parser read, so the three cannot drift apart. The
//! schemas describe structure; the rules a schema cannot say (public host, `no-effect`,
//! secret length on update) remain the validator's.

use serde_json::{json, Map, Value};

use crate::catalog::{self, data_fields, Field, Flag};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The create/update body (docs/domain.md §2–§3).
pub fn request_schema() -> Value {
    let spellings: Vec<Value> = catalog::FLAG_SPELLINGS
        .iter()
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect();
    let flag = json!({"description": catalog::FLAG_DOC, "enum": spellings});
    let mut settings = Map::new();
    for flag_key in Flag::ALL.map(Flag::key) {
        settings.insert(flag_key.into(), json!({"$ref": "#/$defs/flag"}));
    }
    settings.insert(
        catalog::FREQUENCY.into(),
        json!({
            "description": catalog::FREQUENCY_DOC,
            "type": "array",
            "items": {"enum": catalog::FREQUENCY_DAYS}
        }),
    );
    let events: Vec<&str> = catalog::subscribable_events().collect();
    json!({
        "$schema": DIALECT,
        "title": "DigiCert CertCentral webhook create/update request body",
        "type": "object",
        "required": [catalog::ENDPOINT],
        "additionalProperties": false,
        "properties": {
            "endpoint": {
                "description": catalog::ENDPOINT_DOC,
                "type": "string",
                "pattern": "^[Hh][Tt][Tt][Pp][Ss]://[^\\s/?#@]+"
            },
            "secret": {
                "description": catalog::SECRET_DOC,
                "type": "string",
                "anyOf": [{"minLength": catalog::MIN_SECRET_CHARS}, {"const": ""}]
            },
            "events": {
                "description": catalog::EVENTS_DOC,
                "type": "array",
                "items": {"enum": events}
            },
            "webhook_settings": {
                "type": "object",
                "additionalProperties": false,
                "properties": settings
            }
        },
        "$defs": {"flag": flag}
    })
}

fn field_schema(field: Field) -> Value {
    match field {
        Field::Id => {
            json!({"type": "integer", "minimum": 0, "maximum": crate::json::MAX_SAFE_INTEGER})
        }
        Field::Text => json!({"type": "string"}),
        Field::TextList => json!({"type": "array", "items": {"type": "string"}}),
        Field::Chain => json!({
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pem"],
                "properties": {
                    "subject_common_name": {"type": "string"},
                    "pem": {"type": "string", "pattern": "-----BEGIN CERTIFICATE-----"}
                }
            }
        }),
    }
}

/// The `{"event", "data"}` envelope and the documented `data` of each known event (docs/domain.md §4).
/// Unknown events and undocumented payloads are allowed, as the parser keeps them.
pub fn event_schema() -> Value {
    let mut cases = Vec::new();
    for (name, _) in catalog::EVENTS {
        let Some(fields) = data_fields(name) else {
            continue;
        };
        let mut properties = Map::new();
        let mut required = Vec::new();
        for (key, field, is_required) in fields {
            properties.insert(key.to_string(), field_schema(*field));
            if *is_required {
                required.push(*key);
            }
        }
        cases.push(json!({
            "if": {"properties": {"event": {"const": name}}, "required": ["event"]},
            "then": {
                "required": ["data"],
                "properties": {"data": {"type": "object", "required": required, "properties": properties}}
            }
        }));
    }
    let names: Vec<&str> = catalog::EVENTS.iter().map(|(n, _)| *n).collect();
    json!({
        "$schema": DIALECT,
        "title": "DigiCert CertCentral webhook event",
        "type": "object",
        "required": ["event"],
        "properties": {
            "event": {"type": "string", "examples": names},
            "data": {"type": "object"}
        },
        "allOf": cases
    })
}
