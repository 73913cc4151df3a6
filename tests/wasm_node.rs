//! The binding's behaviour in Node (the wasm-bindgen-test default).
#![cfg(target_arch = "wasm32")]
mod wasm_common;
