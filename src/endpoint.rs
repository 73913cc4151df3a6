//! The `endpoint` rule (docs/domain.md §2): an `https://` URL of a host DigiCert can reach from the
//! internet. A plain check rather than a full URL parser: the WHATWG parser with IDNA costs
//! ~72 KB gzipped in the wasm. The host is decided as that parser would (an IPv4 literal in
//! any of its notations, a bracketed IPv6 literal, or a DNS name of valid labels) before the
//! public-host rules apply, so no endpoint a URL parser refuses is called valid.

use crate::address;

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
    // Printable ASCII (most URLs) has no white space or control character; only other text
    // needs the Unicode tables.
    let printable_ascii = url.bytes().all(|b| (0x21..0x7f).contains(&b));
    if !printable_ascii || url.is_empty() {
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
    }
    // The scheme is what precedes the first ':' (RFC 3986 §3.1): letters, digits, + - .
    let scheme_end = url.find(':').filter(|end| {
        let scheme = &url.as_bytes()[..*end];
        scheme.first().is_some_and(u8::is_ascii_alphabetic)
            && scheme
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
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
        // Only http:// has a mechanical fix, and only when the https:// URL passes every
        // other rule: a hint never suggests a value that is itself refused.
        let https = scheme
            .eq_ignore_ascii_case("http")
            .then(|| format!("https://{}", &url[scheme_end + 3..]));
        let still = https.as_deref().map(check);
        let (hint, fixed) = match (https, still) {
            (Some(https), Some(Ok(()))) => (format!("use {https}"), Some(https)),
            (Some(_), Some(Err(other))) => (
                format!(
                    "use the https:// URL of your listener; with https:// this one would still be refused: {}",
                    other.message
                ),
                None,
            ),
            _ => ("use the https:// URL of your listener".to_string(), None),
        };
        return Err(EndpointProblem {
            message: format!("`endpoint` must begin with https://, not {scheme}://"),
            hint: Some(hint),
            fixed,
        });
    }
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#'));
    let authority = &rest[..authority_end.unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port, bracketed) = split_host_port(host_port);
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
    let host_kind = if bracketed {
        address::ipv6(host).map(Host::Ipv6)
    } else if address::ends_in_number(host) {
        address::ipv4_url_host(host).map(Host::Ipv4)
    } else {
        dns_name(host).then_some(Host::Name)
    };
    let Some(host_kind) = host_kind else {
        let what = if bracketed {
            "not a valid IPv6 address"
        } else if address::ends_in_number(host) {
            "not a valid IPv4 address"
        } else {
            "not a valid host name (labels of 1 to 63 letters, digits, - or _, joined by single dots)"
        };
        return problem(
            format!("`endpoint` host `{}` is {what}", shown_host(host)),
            Some("use the public host name of your listener, e.g. https://listener.example.com/webhook"),
        );
    };
    let reason = match host_kind {
        Host::Ipv4(address) => non_public_ipv4(address),
        Host::Ipv6(address) => non_public_ipv6(address),
        Host::Name => non_public_name(host),
    };
    if let Some(reason) = reason {
        return Err(EndpointProblem {
            message: format!("`endpoint` host `{}` is {reason}; DigiCert must reach the listener from the internet", shown_host(host)),
            hint: Some("use the public host name of your listener".into()),
            fixed: None,
        });
    }
    Ok(())
}

/// A host as the URL parser classifies it.
enum Host {
    Ipv4(u32),
    Ipv6([u16; 8]),
    Name,
}

/// The host for a message, cut so a hostile value cannot flood it.
fn shown_host(host: &str) -> String {
    host.chars().take(80).collect()
}

/// Whether `host` is a DNS name of valid labels: 1 to 63 characters each (letters of any
/// script, which IDNA turns into ASCII, digits, `-` not at either end, `_`), one optional
/// trailing dot, 253 bytes at most. `%` is refused: a parser would decode it first.
fn dns_name(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    // Split at the ASCII dot as bytes: each label is still whole characters.
    name.as_bytes().split(|b| *b == b'.').all(|label| {
        (1..=63).contains(&label.len())
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
            && (label
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
                || std::str::from_utf8(label).is_ok_and(|label| {
                    label
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                }))
    })
}

/// `(host, port, bracketed)`: `[::1]:8443` is `("::1", Some("8443"), true)`.
fn split_host_port(host_port: &str) -> (&str, Option<&str>, bool) {
    if let Some(inner) = host_port.strip_prefix('[') {
        return match inner.split_once(']') {
            Some((host, "")) => (host, None, true),
            Some((host, after)) => match after.strip_prefix(':') {
                Some(port) => (host, Some(port), true),
                // Anything else after the bracket is not a port: let the host check refuse it.
                None => (host_port, None, true),
            },
            None => (inner, None, true),
        };
    }
    match host_port.rsplit_once(':') {
        Some((host, port)) => (host, Some(port), false),
        None => (host_port, None, false),
    }
}

/// Why a DNS name cannot be reached from the internet, if it clearly cannot.
fn non_public_name(host: &str) -> Option<&'static str> {
    let name = host.trim_end_matches('.');
    let ends_with = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if name.eq_ignore_ascii_case("localhost") || ends_with(".localhost") {
        return Some("the local machine");
    }
    if ends_with(".local") || ends_with(".internal") || ends_with(".lan") {
        return Some("a name only resolvable on a local network");
    }
    if !name.contains('.') {
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
        [0, 0, 0, 0, 0, 0xffff, ..] => address::mapped_ipv4(address).and_then(non_public_ipv4),
        [first, ..] if first & 0xfe00 == 0xfc00 => Some("a private IPv6 address"),
        [first, ..] if first & 0xffc0 == 0xfe80 => Some("a link-local IPv6 address"),
        _ => None,
    }
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
            "https://8.8.8.8./",
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
    fn a_hint_never_suggests_a_value_that_is_itself_invalid() {
        let p = check("http://localhost:8080/hook").unwrap_err();
        assert_eq!(p.fixed, None);
        let hint = p.hint.unwrap_or_default();
        assert!(!hint.contains("https://localhost"), "{hint}");
        assert!(hint.contains("the local machine"), "{hint}");
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
            // Names are compared without regard to ASCII case, with or without a final dot.
            "https://LOCALHOST./x",
            "https://Printer.Local/",
            "https://db.corp.INTERNAL/",
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
            "https://a.com/\u{7f}",
            "https://a.com/\u{3000}x",
        ] {
            assert!(check(url).is_err(), "{url:?}");
        }
    }

    /// Hosts no URL parser accepts: an IPv4-looking host out of range, empty or oversized
    /// labels, a bad IPv6 literal, characters a host cannot hold.
    #[test]
    fn hosts_a_url_parser_refuses_are_rejected() {
        for url in [
            "https://999.1.1.1/",
            "https://1.2.3.256/",
            "https://example.999/",
            "https://a..b.com/",
            "https://.example.com/",
            "https://example.com../",
            "https://-a.example.com/",
            "https://a-.example.com/",
            &format!("https://{}.com/", "a".repeat(64)),
            "https://[::g]/",
            "https://[1::2::3]/",
            "https://[::1]x/",
            "https://exa%6dple.com/",
            "https://a*b.com/",
        ] {
            let problem = check(url).unwrap_err();
            assert!(
                problem.message.contains("not a valid"),
                "{url}: {}",
                problem.message
            );
        }
    }

    #[test]
    fn names_of_valid_labels_are_accepted() {
        for url in [
            "https://example.com./hook",
            "https://_dmarc-x.example.com/",
            "https://xn--bcher-kva.example/",
            "https://bücher.example/",
            &format!("https://{}.com/", "a".repeat(63)),
        ] {
            assert_eq!(check(url), Ok(()), "{url}");
        }
    }
}
