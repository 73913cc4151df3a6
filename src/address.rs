//! IP address literals, read the two ways this crate needs: as URL hosts (the WHATWG URL
//! parser's rules, so a host is judged as the listener's HTTP client would read it) and as
//! the peer addresses runtimes and proxies report (strict notation only).

/// An IPv4 URL host (WHATWG URL "IPv4 parser"): one to four parts, each decimal, `0x` hex or
/// `0`-led octal, the last filling the remaining bytes, so `127.1` is 127.0.0.1. A trailing
/// empty part (`1.2.3.4.`) is allowed.
pub fn ipv4_url_host(host: &str) -> Option<u32> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(4);
    for part in &parts {
        let (digits, radix) =
            if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
                (hex, 16)
            } else if part.len() > 1 && part.starts_with('0') {
                (&part[1..], 8)
            } else {
                (*part, 10)
            };
        if part.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let digits = digits.trim_start_matches('0');
        // More than 10 significant digits is beyond any part's range in every radix.
        if digits.len() > 11 {
            return None;
        }
        numbers.push(if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        });
    }
    let (last, leading) = numbers.split_last()?;
    if leading.iter().any(|n| *n > 255) || *last >= 1u64 << (8 * (5 - numbers.len())) {
        return None;
    }
    let mut address = *last;
    for (i, n) in leading.iter().enumerate() {
        address |= n << (8 * (3 - i));
    }
    u32::try_from(address).ok()
}

/// Whether a URL host "ends in a number" (WHATWG URL): then it must be an IPv4 address, and
/// is invalid when it is not one (`999.1.1.1`), never a DNS name.
pub fn ends_in_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit_once('.').map_or(host, |(_, last)| last);
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    last.strip_prefix("0x")
        .or_else(|| last.strip_prefix("0X"))
        .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Dotted-quad IPv4 in strict decimal: four parts, 0–255, no leading zeros (which some
/// parsers read as octal), no signs or spaces.
pub fn ipv4_dotted(text: &str) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut parts = text.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.is_empty()
            || part.len() > 3
            || (part.len() > 1 && part.starts_with('0'))
            || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    parts.next().is_none().then_some(octets)
}

/// The eight groups of an IPv6 address in RFC 4291 §2.2 text form: `::` at most once, an
/// optional dotted-quad tail, hex digits in any case. No zone id.
pub fn ipv6(text: &str) -> Option<[u16; 8]> {
    let (head, tail) = match text.split_once("::") {
        Some((head, tail)) => (head, Some(tail)),
        None => (text, None),
    };
    fn groups(text: &str, may_end_in_ipv4: bool) -> Option<Vec<u16>> {
        if text.is_empty() {
            return Some(Vec::new());
        }
        let mut out = Vec::new();
        let parts: Vec<&str> = text.split(':').collect();
        for (i, part) in parts.iter().enumerate() {
            if part.contains('.') {
                if !may_end_in_ipv4 || i + 1 != parts.len() {
                    return None;
                }
                let [a, b, c, d] = ipv4_dotted(part)?;
                out.push(u16::from_be_bytes([a, b]));
                out.push(u16::from_be_bytes([c, d]));
            } else if (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()) {
                out.push(u16::from_str_radix(part, 16).ok()?);
            } else {
                return None;
            }
        }
        Some(out)
    }
    let mut address = [0u16; 8];
    match tail {
        None => {
            let head = groups(head, true)?;
            if head.len() != 8 {
                return None;
            }
            address.copy_from_slice(&head);
        }
        Some(tail) => {
            if tail.contains("::") {
                return None;
            }
            let head = groups(head, false)?;
            let tail = groups(tail, true)?;
            if head.len() + tail.len() > 7 {
                return None;
            }
            address[..head.len()].copy_from_slice(&head);
            address[8 - tail.len()..].copy_from_slice(&tail);
        }
    }
    Some(address)
}

/// The IPv4 address an IPv4-mapped IPv6 address (`::ffff:0:0/96`) stands for.
pub fn mapped_ipv4(address: [u16; 8]) -> Option<u32> {
    match address {
        [0, 0, 0, 0, 0, 0xffff, high, low] => Some(u32::from(high) << 16 | u32::from(low)),
        _ => None,
    }
}

/// A peer address as runtimes and proxies report it, reduced to IPv4 where it is one:
/// `216.168.240.1`, `::ffff:216.168.240.1` (Node on a dual-stack socket), `::ffff:d8a8:f001`,
/// bracketed (`[::ffff:216.168.240.1]`) and with a port (`216.168.240.1:443`,
/// `[::ffff:d8a8:f001]:443`, as some proxies write `X-Forwarded-For`). Anything else,
/// including white space, is not an address.
pub fn peer_ipv4(text: &str) -> Option<u32> {
    let valid_port = |port: &str| {
        !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u16>().is_ok()
    };
    if let Some(inner) = text.strip_prefix('[') {
        let (address, after) = inner.split_once(']')?;
        if !after.is_empty() && !after.strip_prefix(':').is_some_and(valid_port) {
            return None;
        }
        return mapped_ipv4(ipv6(address)?);
    }
    if text.contains(':') {
        if let Some(address) = ipv6(text) {
            return mapped_ipv4(address);
        }
        let (host, port) = text.rsplit_once(':')?;
        if host.contains(':') || !valid_port(port) {
            return None;
        }
        return ipv4_dotted(host).map(u32::from_be_bytes);
    }
    ipv4_dotted(text).map(u32::from_be_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_hosts_read_ipv4_as_the_whatwg_parser_does() {
        assert_eq!(ipv4_url_host("127.1"), Some(0x7f00_0001));
        assert_eq!(ipv4_url_host("0x7f.0.0.1"), Some(0x7f00_0001));
        assert_eq!(ipv4_url_host("2130706433"), Some(0x7f00_0001));
        assert_eq!(ipv4_url_host("017700000001"), Some(0x7f00_0001));
        assert_eq!(ipv4_url_host("1.2.3.4."), Some(0x0102_0304));
        assert_eq!(ipv4_url_host("999.1.1.1"), None);
        assert_eq!(ipv4_url_host("1.2.3.256"), None);
        assert_eq!(ipv4_url_host("4294967296"), None);
        assert_eq!(ipv4_url_host("1.2.3.4.5"), None);
        assert_eq!(ipv4_url_host("0x"), Some(0));
    }

    #[test]
    fn hosts_ending_in_a_number_are_ipv4_or_nothing() {
        for host in ["999.1.1.1", "a.1", "1.2.3.4.", "0x1f", "example.0x"] {
            assert!(ends_in_number(host), "{host}");
        }
        for host in ["example.com", "1.2.3.4.example.com", "a.0xg", "1a"] {
            assert!(!ends_in_number(host), "{host}");
        }
    }

    #[test]
    fn ipv6_text_forms() {
        assert_eq!(ipv6("::1"), Some([0, 0, 0, 0, 0, 0, 0, 1]));
        assert_eq!(
            ipv6("::ffff:216.168.240.1"),
            Some([0, 0, 0, 0, 0, 0xffff, 0xd8a8, 0xf001])
        );
        assert_eq!(ipv6("2001:DB8::"), Some([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]));
        for bad in [
            ":::",
            "1::2::3",
            "::ffff:1.2.3",
            "12345::",
            "::g",
            "1:2:3:4:5:6:7:8:9",
            "::1.2.3.4:5",
            "",
        ] {
            assert_eq!(ipv6(bad), None, "{bad}");
        }
    }
}
