//! Raw DER straight into the certificate reader, which parse_event reaches only through JSON,
//! PEM and base64: mutations land in the DER structure itself.
#![no_main]
use certcentral_webhooks::chain;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = chain::decode(data) {
        assert_eq!(decoded.certificate.sha256_fingerprint.len(), 64);
        assert!(!decoded.certificate.serial_number.is_empty());
        assert_eq!(chain::issued_by(&decoded, &decoded), decoded.certificate.self_signed);
    }
});
