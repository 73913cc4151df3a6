//! Validate DigiCert CertCentral webhook request bodies, explain which `certificate_issued`
//! events carry `certificate_chain`, and read the events that arrive at a listener.
//!
//! The crate is plain Rust; [`wasm`] (compiled for `wasm32` only) is the thin layer the npm
//! package is built from. Every rule traces to a fact in docs/domain.md.
//!
//! ```
//! use certcentral_webhooks::{validate_request, ValidateOptions};
//! let report = validate_request(
//!     r#"{"endpoint": "https://example.com/hook", "webhook_settings": {"webhook_send_certificate_chain": true}}"#,
//!     &ValidateOptions::default(),
//! );
//! assert!(report.valid);
//! assert_eq!(report.diagnostics[0].code.as_str(), "flag-spelling");
//! ```

pub mod address;
pub mod catalog;
pub mod chain;
pub mod delivery;
pub mod der;
pub mod diagnostic;
pub mod endpoint;
pub mod event;
pub mod explain;
pub mod inputs;
pub mod json;
pub mod listener;
mod order;
pub mod position;
pub mod product;
pub mod record;
pub mod schema;
pub mod settings;
mod suggest;
pub mod time;
pub mod to_json;
pub mod typescript;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The README's Rust blocks, compiled and run by `cargo test` as written.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use chain::CertificateInfo;
pub use delivery::{Issuance, Mode};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use event::{parse_event, parse_events, EventReport, ParseOptions};
pub use explain::{explain_case, explain_delivery, DeliveryReport, ProductRef};
pub use listener::{is_digicert_source, verify_webhook_key};
pub use position::{Position, Range};
pub use product::{classify, classify_name, Family, Product};
pub use settings::{validate_request, ValidateOptions, ValidationReport};

/// The crate version, as the npm package reports it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Every event name known, subscribable first.
pub fn event_names() -> Vec<&'static str> {
    catalog::EVENTS.iter().map(|(name, _)| *name).collect()
}
