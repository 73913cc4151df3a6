//! Checks a webhook listener makes on each request (spec §4): the shared secret in
//! `X-WEBHOOK-KEY` and DigiCert's source range.

/// Compares the received `X-WEBHOOK-KEY` with the secret in time that depends only on their
/// lengths, so a caller cannot learn the secret byte by byte from response times.
pub fn verify_webhook_key(received: Option<&str>, secret: &str) -> bool {
    let Some(received) = received else {
        return false;
    };
    let (a, b) = (received.as_bytes(), secret.as_bytes());
    let mut difference = u8::from(a.len() != b.len());
    let longest = a.len().max(b.len());
    for i in 0..longest {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        difference |= x ^ y;
    }
    // An empty secret means "no secret configured": nothing to verify against.
    difference == 0 && !secret.is_empty()
}

/// DigiCert's recommended allow-list, 216.168.240.0/20 (spec §4).
const DIGICERT_NETWORK: u32 = u32::from_be_bytes([216, 168, 240, 0]);
const DIGICERT_MASK: u32 = !0 << 12;

/// True for an IPv4 address inside 216.168.240.0/20, written dotted-quad or IPv4-mapped
/// (`::ffff:216.168.240.1`, which is how Node reports IPv4 peers on a dual-stack socket).
pub fn is_digicert_source(ip: &str) -> bool {
    let ip = ip.trim();
    let v4 = ip
        .strip_prefix("::ffff:")
        .or_else(|| ip.strip_prefix("::FFFF:"))
        .unwrap_or(ip);
    let mut octets = [0u8; 4];
    let mut parts = v4.split('.');
    for octet in &mut octets {
        let Some(part) = parts.next() else {
            return false;
        };
        // Strict decimal: no leading zeros (which some parsers read as octal), no signs.
        if part.is_empty()
            || part.len() > 3
            || (part.len() > 1 && part.starts_with('0'))
            || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        match part.parse() {
            Ok(value) => *octet = value,
            Err(_) => return false,
        }
    }
    parts.next().is_none() && u32::from_be_bytes(octets) & DIGICERT_MASK == DIGICERT_NETWORK
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
    fn digicert_range_is_216_168_240_0_slash_20() {
        for inside in [
            "216.168.240.0",
            "216.168.255.255",
            "216.168.247.9",
            "::ffff:216.168.240.1",
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
        ] {
            assert!(!is_digicert_source(outside), "{outside}");
        }
    }
}
