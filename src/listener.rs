//! Checks a webhook listener makes on each request (docs/domain.md §4): the shared secret in
//! `X-WEBHOOK-KEY` and DigiCert's source range.

/// Compares the received `X-WEBHOOK-KEY` with the secret in time that depends only on their
/// lengths, so a caller cannot learn the secret byte by byte from response times.
pub fn verify_webhook_key(received: Option<&str>, secret: &str) -> bool {
    let Some(received) = received else {
        return false;
    };
    let received: Vec<u16> = received.encode_utf16().collect();
    let secret: Vec<u16> = secret.encode_utf16().collect();
    verify_webhook_key_utf16(Some(&received), &secret)
}

/// [`verify_webhook_key`] on UTF-16 code units, as JavaScript strings hold them: two strings
/// that differ only in lone surrogates (which UTF-8 cannot carry and would turn both into
/// U+FFFD) must never compare equal.
pub fn verify_webhook_key_utf16(received: Option<&[u16]>, secret: &[u16]) -> bool {
    let Some(received) = received else {
        return false;
    };
    let mut difference = u16::from(received.len() != secret.len());
    let longest = received.len().max(secret.len());
    for i in 0..longest {
        let x = received.get(i).copied().unwrap_or(0);
        let y = secret.get(i).copied().unwrap_or(0);
        difference |= x ^ y;
    }
    // An empty secret means "no secret configured": nothing to verify against.
    difference == 0 && !secret.is_empty()
}

/// DigiCert's recommended allow-list, 216.168.240.0/20 (docs/domain.md §4).
const DIGICERT_NETWORK: u32 = u32::from_be_bytes([216, 168, 240, 0]);
const DIGICERT_MASK: u32 = !0 << 12;

/// True for an IPv4 address inside 216.168.240.0/20, in any spelling a runtime or a proxy
/// hands over (see `address::peer_ipv4`): dotted quad, IPv4-mapped IPv6 in dotted or
/// hex form, bracketed, with a port. False for anything that is not an address.
pub fn is_digicert_source(ip: &str) -> bool {
    crate::address::peer_ipv4(ip).is_some_and(|v4| v4 & DIGICERT_MASK == DIGICERT_NETWORK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_must_match_exactly() {
        let secret = "s".repeat(32);
        assert!(verify_webhook_key(Some(&secret), &secret));
        assert!(!verify_webhook_key(Some(&"s".repeat(31)), &secret));
        assert!(!verify_webhook_key(Some(&"s".repeat(33)), &secret));
        assert!(!verify_webhook_key(
            Some(&format!("{}t", "s".repeat(31))),
            &secret
        ));
        assert!(!verify_webhook_key(None, &secret));
        assert!(!verify_webhook_key(Some(""), ""));
    }

    #[test]
    fn keys_that_differ_only_in_lone_surrogates_are_different() {
        assert!(!verify_webhook_key_utf16(Some(&[0xd800]), &[0xdc00]));
        assert!(verify_webhook_key_utf16(
            Some(&[0xd800, 0x41]),
            &[0xd800, 0x41]
        ));
    }

    #[test]
    fn digicert_range_is_216_168_240_0_slash_20() {
        for inside in [
            "216.168.240.0",
            "216.168.255.255",
            "216.168.247.9",
            "::ffff:216.168.240.1",
            "::FFFF:216.168.240.1",
            "0:0:0:0:0:ffff:216.168.240.1",
            "::ffff:d8a8:f001",
            "[::ffff:216.168.240.1]",
            "[::ffff:d8a8:f001]:443",
            "216.168.240.1:443",
        ] {
            assert!(is_digicert_source(inside), "{inside}");
        }
        for outside in [
            "216.168.239.255",
            "216.169.240.0",
            "10.0.0.1",
            "216.168.240",
            "216.168.240.1.5",
            "216.168.240.01",
            "2001:db8::1",
            "",
            "216.168.256.1",
            " 216.168.240.1",
            "216.168.240.1 ",
            "::216.168.240.1",
            "::ffff:216.168.239.1",
            "216.168.240.1:",
            "216.168.240.1:99999",
            "[216.168.240.1]",
            "0xd8.168.240.1",
            "3634950145",
        ] {
            assert!(!is_digicert_source(outside), "{outside}");
        }
    }
}
