#![warn(missing_docs)]
//! Validate DigiCert CertCentral webhook request bodies, explain which `certificate_issued`
//! events carry `certificate_chain`, and read the events that arrive at a listener.
//!
//! The crate is plain Rust; `wasm` (compiled for `wasm32` only) is the thin layer the npm
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

// The modules marked `#[doc(hidden)]` are public only for the package build (catalogue,
// schemas, TypeScript), the fuzz targets and the tests: not part of the API, free to change.
mod address;
// The wasm build's allocator; natively only its tests use it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod allocator;
#[doc(hidden)]
pub mod catalog;
#[doc(hidden)]
pub mod chain;
mod delivery;
mod der;
mod diagnostic;
mod endpoint;
mod event;
mod explain;
mod inputs;
#[doc(hidden)]
pub mod json;
mod listener;
mod order;
mod position;
mod product;
mod record;
#[doc(hidden)]
pub mod schema;
mod settings;
mod suggest;
mod time;
mod to_json;
#[doc(hidden)]
pub mod typescript;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The wasm build's allocator: a bump arena in front of the default one (`allocator`). Each
/// binding call takes its blocks from the arena inside `in_arena`, which gives them back when
/// the call has freed them. 256 KiB holds a validation or a chain event many times over; what
/// does not fit comes from the default allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
pub(crate) static ALLOCATOR: Arena = allocator::Arena::new(std::alloc::System);

#[cfg(target_arch = "wasm32")]
type Arena = allocator::Arena<std::alloc::System, { 256 * 1024 }>;

/// Runs a binding call in an arena scope (`allocator::Scope`), so that the arena goes back to
/// where it was when the call has freed its blocks. A closure rather than a guard in the call:
/// the temporaries of a function's last expression are dropped after its locals, guard
/// included, which left a report alive at the end of the scope.
#[cfg(target_arch = "wasm32")]
fn in_arena<T>(call: impl FnOnce() -> T) -> T {
    let scope = ALLOCATOR.scope();
    let result = call();
    drop(scope);
    result
}

/// Makes a value that outlives the arena scope it is made in (see `Arena::outside`) with the
/// default allocator. Natively, where there is no arena, it only runs `make`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn long_lived<T>(make: impl FnOnce() -> T) -> T {
    ALLOCATOR.outside(make)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn long_lived<T>(make: impl FnOnce() -> T) -> T {
    make()
}

/// Bytes of the allocator's arena in use: the wasm tests check that calls give theirs back.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub fn arena_bytes_in_use() -> usize {
    ALLOCATOR.bytes_in_use()
}

/// The README's Rust blocks, compiled and run by `cargo test` as written.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use catalog::{Flag, FlagValues};
pub use chain::{CertificateInfo, Role};
pub use delivery::{
    Approval, FlagPatch, Goal, Issuance, Mode, Outcome, Patch, Recommendation, Source,
};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use event::{parse_event, parse_events, EventReport, ParseOptions};
pub use explain::{
    explain_case, explain_delivery, Assumption, DeliveryReport, EffectiveSettings, ProductRef,
};
pub use json::{Member, Node, Number, Span, Value};
pub use listener::{is_digicert_source, verify_webhook_key};
pub use position::{Position, Range};
pub use product::{classify, classify_name, Family, Product};
#[doc(hidden)]
pub use settings::validate_request_noting_unchanged;
pub use settings::{validate_request, ValidateOptions, ValidationReport};

/// The crate version, as the npm package reports it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Every event name known, subscribable first.
pub fn event_names() -> Vec<&'static str> {
    catalog::EVENTS.iter().map(|(name, _)| *name).collect()
}
