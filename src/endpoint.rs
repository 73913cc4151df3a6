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
    let Some(scheme_end) = url.find("://") else {
        return problem(
            "`endpoint` is not an absolute URL",
            Some("write it as https://host/path"),
        );
    };
    let scheme = &url[..scheme_end];
    if !scheme.eq_ignore_ascii_case("https") {
        let fixed = format!("https://{}", &url[scheme_end + 3..]);
        return Err(EndpointProblem {
            message: format!("`endpoint` must begin with https://, not {scheme}://"),
            hint: Some(format!("use {fixed}")),
            fixed: Some(fixed),
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
        return match lower.as_str() {
            "::1" | "::" => Some("a loopback or unspecified IPv6 address"),
            l if l.starts_with("fe80:") || l.starts_with("fc") || l.starts_with("fd") => {
                Some("a private IPv6 address")
            }
            _ => None,
        };
    }
    if let Some(octets) = ipv4(&lower) {
        return match octets {
            [127, ..] => Some("a loopback address"),
            [10, ..] | [192, 168, ..] => Some("a private address"),
            [172, b, ..] if (16..=31).contains(&b) => Some("a private address"),
            [169, 254, ..] => Some("a link-local address"),
            [0, ..] => Some("an unspecified address"),
            _ => None,
        };
    }
    if lower.ends_with(".local") || lower.ends_with(".internal") || lower.ends_with(".lan") {
        return Some("a name only resolvable on a local network");
    }
    if !lower.contains('.') {
        return Some("a single-label name, not a public DNS name");
    }
    None
}

fn ipv4(host: &str) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut parts = host.split('.');
    for octet in &mut octets {
        *octet = parts.next()?.parse().ok()?;
    }
    parts.next().is_none().then_some(octets)
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
    fn private_and_local_hosts_are_rejected() {
        for url in [
            "https://localhost/x",
            "https://127.0.0.1/",
            "https://10.1.2.3/",
            "https://172.20.0.1/",
            "https://192.168.1.1/",
            "https://[::1]/",
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
