//! The `endpoint` rule (spec §2): an `https://` URL of a host DigiCert can reach from the
//! internet. A plain check rather than a full URL parser: the WHATWG parser with IDNA costs
//! ~72 KB gzipped in the wasm, and these few checks are all the rule needs.

/// Why an endpoint is not acceptable, with what to write instead.
#[derive(Debug, PartialEq)]
pub struct EndpointProblem {
    pub message: String,
    pub hint: Option<String>,
    /// The corrected URL, where the fix is mechanical (`http://` → `https://`).
    pub fixed: Option<String>,
}

fn problem(message: impl Into<String>, hint: Option<&str>) -> Result<(), EndpointProblem> {
    Err(EndpointProblem {
        message: message.into(),
        hint: hint.map(str::to_string),
        fixed: None,
    })
}

pub fn check(url: &str) -> Result<(), EndpointProblem> {
    if url.trim().is_empty() {
        return problem(
            "`endpoint` is empty",
            Some("write the https:// URL of your listener"),
        );
    }
    if url.trim() != url {
        return problem(
            "`endpoint` has leading or trailing white space",
            Some("remove the spaces around the URL"),
        );
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return problem(
            "`endpoint` contains white space or control characters",
            Some("percent-encode them, e.g. a space as %20"),
        );
    }
    // The scheme is what precedes the first ':' (RFC 3986 §3.1): letters, digits, + - .
    let scheme_end = url.find(':').filter(|end| {
        url[..*end].starts_with(|c: char| c.is_ascii_alphabetic())
            && url[..*end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && url[*end..].starts_with("://")
    });
    let Some(scheme_end) = scheme_end else {
        return problem(
            "`endpoint` is not an absolute URL",
            Some("write it as https://host/path"),
        );
    };
    let scheme = &url[..scheme_end];
    if !scheme.eq_ignore_ascii_case("https") {
        // Only http:// has a mechanical fix; another scheme needs a person to decide.
        let fixed = scheme
            .eq_ignore_ascii_case("http")
            .then(|| format!("https://{}", &url[scheme_end + 3..]));
        return Err(EndpointProblem {
            message: format!("`endpoint` must begin with https://, not {scheme}://"),
            hint: Some(match &fixed {
                Some(fixed) => format!("use {fixed}"),
                None => "use the https:// URL of your listener".to_string(),
            }),
            fixed,
        });
    }
    let rest = &url[scheme_end + 3..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = split_host_port(host_port);
    if host.is_empty() {
        return problem(
            "`endpoint` has no host name",
            Some("write it as https://host/path"),
        );
    }
    if let Some(port) = port {
        if port.is_empty()
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u16>().is_err()
        {
            return problem(
                format!("`endpoint` has an invalid port `{port}`"),
                Some("use a port number from 1 to 65535, or none for 443"),
            );
        }
    }
    if let Some(reason) = non_public(host) {
        return Err(EndpointProblem {
            message: format!("`endpoint` host `{host}` is {reason}; DigiCert must reach the listener from the internet"),
            hint: Some("use the public host name of your listener".into()),
            fixed: None,
        });
    }
    Ok(())
}

fn split_host_port(host_port: &str) -> (&str, Option<&str>) {
    if let Some(inner) = host_port.strip_prefix('[') {
        // IPv6 literal: [::1]:8443
        return match inner.split_once(']') {
            Some((host, after)) => (host, after.strip_prefix(':')),
            None => (inner, None),
        };
    }
    match host_port.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    }
}

/// Why a host cannot be reached from the internet, if it clearly cannot.
fn non_public(host: &str) -> Option<&'static str> {
    let lower = host.trim_end_matches('.').to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return Some("the local machine");
    }
    if lower.contains(':') {
        return ipv6(&lower).and_then(non_public_ipv6);
    }
    if let Some(address) = ipv4(&lower) {
        return non_public_ipv4(address);
    }
    if lower.ends_with(".local") || lower.ends_with(".internal") || lower.ends_with(".lan") {
        return Some("a name only resolvable on a local network");
    }
    if !lower.contains('.') {
        return Some("a single-label name, not a public DNS name");
    }
    None
}

fn non_public_ipv4(address: u32) -> Option<&'static str> {
    match address.to_be_bytes() {
        [127, ..] => Some("a loopback address"),
        [10, ..] | [192, 168, ..] => Some("a private address"),
        [172, b, ..] if (16..=31).contains(&b) => Some("a private address"),
        [169, 254, ..] => Some("a link-local address"),
        [0, ..] => Some("an unspecified address"),
        _ => None,
    }
}

fn non_public_ipv6(address: [u16; 8]) -> Option<&'static str> {
    match address {
        [0, 0, 0, 0, 0, 0, 0, 0 | 1] => Some("a loopback or unspecified IPv6 address"),
        [0, 0, 0, 0, 0, 0xffff, high, low] => {
            non_public_ipv4(u32::from(high) << 16 | u32::from(low))
        }
        [first, ..] if first & 0xfe00 == 0xfc00 => Some("a private IPv6 address"),
        [first, ..] if first & 0xffc0 == 0xfe80 => Some("a link-local IPv6 address"),
        _ => None,
    }
}

/// An IPv4 host as URL parsers read it (WHATWG URL §3.5): one to four parts, each decimal,
/// `0x` hex or `0` octal, the last filling the remaining bytes, so `127.1` is 127.0.0.1.
fn ipv4(host: &str) -> Option<u32> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
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

/// The eight groups of an IPv6 literal (`::` and an embedded IPv4 tail allowed).
fn ipv6(host: &str) -> Option<[u16; 8]> {
    let host = host.split('%').next()?;
    let (head, tail) = match host.split_once("::") {
        Some((head, tail)) => (head, Some(tail)),
        None => (host, None),
    };
    let groups = |text: &str| -> Option<Vec<u16>> {
        if text.is_empty() {
            return Some(Vec::new());
        }
        let mut out = Vec::new();
        for part in text.split(':') {
            if part.contains('.') {
                let v4 = ipv4(part).filter(|_| part.split('.').count() == 4)?;
                out.push((v4 >> 16) as u16);
                out.push(v4 as u16);
            } else if (1..=4).contains(&part.len()) {
                out.push(u16::from_str_radix(part, 16).ok()?);
            } else {
                return None;
            }
        }
        Some(out)
    };
    let head = groups(head)?;
    let mut address = [0u16; 8];
    match tail {
        None if head.len() == 8 => address.copy_from_slice(&head),
        None => return None,
        Some(tail) => {
            let tail = groups(tail)?;
            if head.len() + tail.len() > 7 {
                return None;
            }
            address[..head.len()].copy_from_slice(&head);
            address[8 - tail.len()..].copy_from_slice(&tail);
        }
    }
    Some(address)
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_public_https_urls() {
        for url in [
            "https://example.com/webhooks",
            "https://listener.example.com:8443/dc?x=1",
            "HTTPS://EXAMPLE.COM",
            "https://203.0.113.7/hook",
            "https://[2001:db8::1]/hook",
            "https://[fd::1]/hook",
            "https://[::ffff:8.8.8.8]/hook",
            "https://1.2.3.4.example.com/",
        ] {
            assert_eq!(check(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn http_is_rejected_with_the_https_spelling_as_hint() {
        let p = check("http://example.com/x").unwrap_err();
        assert_eq!(p.hint.as_deref(), Some("use https://example.com/x"));
    }

    #[test]
    fn only_the_scheme_before_the_first_colon_counts() {
        let p = check("listener.example.com/cb?next=http://a").unwrap_err();
        assert!(p.message.contains("not an absolute URL"), "{}", p.message);
        assert_eq!(p.fixed, None);
        assert_eq!(check("ftp://example.com/").unwrap_err().fixed, None);
    }

    #[test]
    fn private_and_local_hosts_are_rejected() {
        for url in [
            "https://localhost/x",
            "https://127.0.0.1/",
            "https://10.1.2.3/",
            "https://172.20.0.1/",
            "https://192.168.1.1/",
            "https://[::1]/",
            "https://[fe80::1]/",
            "https://[fd12:3456::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://127.1/",
            "https://0x7f.0.0.1/",
            "https://2130706433/",
            "https://10.1/",
            "https://printer.local/",
            "https://intranet/",
        ] {
            assert!(check(url).is_err(), "{url}");
        }
    }

    #[test]
    fn malformed_urls_are_rejected() {
        for url in [
            "",
            "example.com",
            "https://",
            "https://:443/",
            "https://a.com:99999/",
            "https://a b.com",
            " https://a.com",
        ] {
            assert!(check(url).is_err(), "{url:?}");
        }
    }
}
