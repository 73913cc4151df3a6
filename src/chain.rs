//! `certificate_chain` decoding (spec §4): PEM to DER, DER to the fields a person checks, and
//! the checks a chain should pass. X.509 structures come from RustCrypto's `x509-cert`; names
//! and algorithms are rendered with a small table of our own rather than the crate's OID
//! database, which alone would more than double the wasm.

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Encode, Tag, Tagged};
use serde::Serialize;
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::name::Name;
use x509_cert::Certificate;

/// A PEM larger than this is refused before decoding: real certificates are a few KB.
pub const MAX_PEM_BYTES: usize = 64 * 1024;
/// Entries beyond this are not decoded: real chains have three or four.
pub const MAX_CHAIN_LENGTH: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Leaf,
    Intermediate,
    Root,
}

/// What one chain entry says about its certificate (the `CertificateInfo` of the API).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    pub index: usize,
    pub role: Role,
    /// As sent in the payload.
    pub subject_common_name: Option<String>,
    /// Decoded from the certificate.
    pub common_name: Option<String>,
    pub subject: String,
    pub issuer: String,
    pub serial_number: String,
    pub not_before: String,
    pub not_after: String,
    pub sha256_fingerprint: String,
    pub is_ca: bool,
    pub self_signed: bool,
    pub dns_names: Vec<String>,
    pub key_algorithm: String,
    pub signature_algorithm: String,
}

/// A decoded certificate with what the chain checks compare.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub info: CertificateInfo,
    pub subject_der: Vec<u8>,
    pub issuer_der: Vec<u8>,
    pub subject_key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
}

/// Extracts the one certificate of a PEM text. Accepts `\r\n` or `\n`, indentation and
/// trailing white space, and any line length; refuses zero or several certificates, other
/// PEM labels, and bad base64.
pub fn pem_to_der(pem: &str) -> Result<Vec<u8>, String> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    if pem.len() > MAX_PEM_BYTES {
        return Err(format!(
            "the PEM is {} bytes, over the {MAX_PEM_BYTES}-byte limit",
            pem.len()
        ));
    }
    let begins = pem.matches(BEGIN).count();
    if begins == 0 {
        return Err(match pem.find("-----BEGIN ") {
            Some(i) => {
                let label: String = pem[i + 11..]
                    .chars()
                    .take_while(|c| *c != '-')
                    .take(40)
                    .collect();
                format!("the PEM holds a {label}, not a CERTIFICATE")
            }
            None => "no -----BEGIN CERTIFICATE----- line".to_string(),
        });
    }
    if begins > 1 {
        return Err(format!(
            "the PEM holds {begins} certificates; each chain entry must hold exactly one"
        ));
    }
    let start = pem.find(BEGIN).map_or(0, |i| i + BEGIN.len());
    let Some(end) = pem[start..].find(END).map(|i| start + i) else {
        return Err("no -----END CERTIFICATE----- line: the PEM is cut short".to_string());
    };
    if !pem[..start - BEGIN.len()].trim().is_empty() || !pem[end + END.len()..].trim().is_empty() {
        return Err("text before or after the certificate".to_string());
    }
    base64_decode(&pem[start..end])
        .ok_or_else(|| "the text between the PEM lines is not valid base64".to_string())
}

/// Standard base64 (RFC 4648 §4), white space skipped, padding optional but consistent, no
/// stray bits. Certificates are public, so a plain table-free decode is fine: no secret
/// needs the constant-time decoding a key parser would use.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits, mut data, mut padding) = (0u32, 0u32, 0usize, 0usize);
    for b in text.bytes() {
        let sextet = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        if padding > 0 {
            return None; // data after padding
        }
        data += 1;
        acc = (acc << 6) | u32::from(sextet);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let padding_ok = match data % 4 {
        0 => padding == 0,
        2 => padding == 0 || padding == 2,
        3 => padding == 0 || padding == 1,
        _ => false,
    };
    (padding_ok && acc == 0).then_some(out)
}

/// Decodes one DER certificate. Never panics: every malformed input is an `Err`.
pub fn decode(der: &[u8], index: usize) -> Result<Decoded, String> {
    let cert =
        Certificate::from_der(der).map_err(|e| format!("not a valid X.509 certificate ({e})"))?;
    let tbs = cert.tbs_certificate();
    let reencode = |_| "the certificate's names could not be re-encoded".to_string();
    let subject_der = tbs.subject().to_der().map_err(reencode)?;
    let issuer_der = tbs.issuer().to_der().map_err(reencode)?;
    let subject_key_id = tbs
        .get_extension::<SubjectKeyIdentifier>()
        .ok()
        .flatten()
        .map(|(_, ski)| ski.0.as_bytes().to_vec());
    let authority_key_id = tbs
        .get_extension::<AuthorityKeyIdentifier>()
        .ok()
        .flatten()
        .and_then(|(_, aki)| aki.key_identifier.map(|k| k.as_bytes().to_vec()));
    let is_ca = tbs
        .get_extension::<BasicConstraints>()
        .ok()
        .flatten()
        .is_some_and(|(_, bc)| bc.ca);
    let dns_names = tbs
        .get_extension::<SubjectAltName>()
        .ok()
        .flatten()
        .map(|(_, san)| {
            san.0
                .iter()
                .filter_map(|name| match name {
                    GeneralName::DnsName(dns) => Some(dns.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let names_match = subject_der == issuer_der;
    let keys_match = match (&subject_key_id, &authority_key_id) {
        (Some(ski), Some(aki)) => ski == aki,
        _ => true,
    };
    let validity = tbs.validity();
    let not_before_unix = validity.not_before.to_unix_duration().as_secs() as i64;
    let not_after_unix = validity.not_after.to_unix_duration().as_secs() as i64;
    let serial = tbs.serial_number().as_bytes();
    let serial = match serial.iter().position(|b| *b != 0) {
        Some(first) => &serial[first..],
        None => &serial[serial.len().saturating_sub(1)..],
    };
    let info = CertificateInfo {
        index,
        role: Role::Leaf,
        subject_common_name: None,
        common_name: common_name(tbs.subject()),
        subject: rfc4514(tbs.subject()),
        issuer: rfc4514(tbs.issuer()),
        serial_number: hex(serial),
        not_before: crate::time::format_utc(not_before_unix),
        not_after: crate::time::format_utc(not_after_unix),
        sha256_fingerprint: hex(&Sha256::digest(der)),
        is_ca,
        self_signed: names_match && keys_match,
        dns_names,
        key_algorithm: key_algorithm(tbs.subject_public_key_info()),
        signature_algorithm: algorithm_name(&cert.signature_algorithm().oid).to_string(),
    };
    Ok(Decoded {
        info,
        subject_der,
        issuer_der,
        subject_key_id,
        authority_key_id,
        not_before_unix,
        not_after_unix,
    })
}

/// Whether `issuer` issued `child`: by name and, where both carry them, key identifiers.
pub fn issued_by(child: &Decoded, issuer: &Decoded) -> bool {
    let names = child.issuer_der == issuer.subject_der;
    let keys = match (&child.authority_key_id, &issuer.subject_key_id) {
        (Some(aki), Some(ski)) => aki == ski,
        _ => true,
    };
    names && keys
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Attribute types by OID, compared as OIDs (formatting each one to text was a fifth of
/// the time spent on a chain).
const ATTRIBUTE_NAMES: &[(ObjectIdentifier, &str)] = &[
    (ObjectIdentifier::new_unwrap("2.5.4.3"), "CN"),
    (ObjectIdentifier::new_unwrap("2.5.4.6"), "C"),
    (ObjectIdentifier::new_unwrap("2.5.4.7"), "L"),
    (ObjectIdentifier::new_unwrap("2.5.4.8"), "ST"),
    (ObjectIdentifier::new_unwrap("2.5.4.9"), "STREET"),
    (ObjectIdentifier::new_unwrap("2.5.4.10"), "O"),
    (ObjectIdentifier::new_unwrap("2.5.4.11"), "OU"),
    (
        ObjectIdentifier::new_unwrap("0.9.2342.19200300.100.1.25"),
        "DC",
    ),
    (
        ObjectIdentifier::new_unwrap("0.9.2342.19200300.100.1.1"),
        "UID",
    ),
    (ObjectIdentifier::new_unwrap("2.5.4.5"), "serialNumber"),
    (ObjectIdentifier::new_unwrap("2.5.4.15"), "businessCategory"),
    (ObjectIdentifier::new_unwrap("2.5.4.17"), "postalCode"),
    (
        ObjectIdentifier::new_unwrap("2.5.4.97"),
        "organizationIdentifier",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1"),
        "emailAddress",
    ),
    (
        ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.60.2.1.1"),
        "jurisdictionL",
    ),
    (
        ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.60.2.1.2"),
        "jurisdictionST",
    ),
    (
        ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.60.2.1.3"),
        "jurisdictionC",
    ),
];

const ALGORITHM_NAMES: &[(ObjectIdentifier, &str)] = &[
    (ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1"), "RSA"),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.4"),
        "md5WithRSAEncryption",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5"),
        "sha1WithRSAEncryption",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10"),
        "RSASSA-PSS",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11"),
        "sha256WithRSAEncryption",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12"),
        "sha384WithRSAEncryption",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13"),
        "sha512WithRSAEncryption",
    ),
    (ObjectIdentifier::new_unwrap("1.2.840.10045.2.1"), "EC"),
    (
        ObjectIdentifier::new_unwrap("1.2.840.10045.4.1"),
        "ecdsa-with-SHA1",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"),
        "ecdsa-with-SHA256",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3"),
        "ecdsa-with-SHA384",
    ),
    (
        ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4"),
        "ecdsa-with-SHA512",
    ),
    (ObjectIdentifier::new_unwrap("1.3.101.112"), "Ed25519"),
    (ObjectIdentifier::new_unwrap("1.3.101.113"), "Ed448"),
    (ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7"), "P-256"),
    (ObjectIdentifier::new_unwrap("1.3.132.0.34"), "P-384"),
    (ObjectIdentifier::new_unwrap("1.3.132.0.35"), "P-521"),
];

fn lookup(
    table: &[(ObjectIdentifier, &'static str)],
    oid: &ObjectIdentifier,
) -> Option<&'static str> {
    table.iter().find(|(o, _)| o == oid).map(|(_, name)| *name)
}

fn algorithm_name(oid: &ObjectIdentifier) -> String {
    lookup(ALGORITHM_NAMES, oid).map_or_else(|| oid.to_string(), str::to_string)
}

/// `RSA 2048`, `EC P-256`, `Ed25519`, or the OID for anything else.
fn key_algorithm(spki: &x509_cert::spki::SubjectPublicKeyInfoOwned) -> String {
    let name = algorithm_name(&spki.algorithm.oid);
    match name.as_str() {
        "RSA" => match rsa_modulus_bits(spki.subject_public_key.raw_bytes()) {
            Some(bits) => format!("RSA {bits}"),
            None => name,
        },
        "EC" => match spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
        {
            Some(curve) => format!("EC {}", algorithm_name(&curve)),
            None => name,
        },
        _ => name,
    }
}

/// Bit length of the modulus of a PKCS#1 `RSAPublicKey ::= SEQUENCE { n INTEGER, e INTEGER }`.
fn rsa_modulus_bits(der: &[u8]) -> Option<usize> {
    let sequence = AnyRef::from_der(der).ok()?;
    if sequence.tag() != Tag::Sequence {
        return None;
    }
    let mut reader = der::SliceReader::new(sequence.value()).ok()?;
    let modulus: AnyRef<'_> = der::Decode::decode(&mut reader).ok()?;
    let bytes = modulus.value();
    let first = bytes.iter().position(|b| *b != 0)?;
    let top = bytes[first];
    Some((bytes.len() - first - 1) * 8 + (8 - top.leading_zeros() as usize))
}

fn attribute_text(value: &der::Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            std::str::from_utf8(bytes).ok().map(str::to_string)
        }
        // T.61 in practice holds Latin-1.
        Tag::TeletexString => Some(bytes.iter().map(|b| char::from(*b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}

fn common_name(name: &Name) -> Option<String> {
    let cn = ObjectIdentifier::new_unwrap("2.5.4.3");
    name.iter()
        .filter(|atv| atv.oid == cn)
        .last()
        .and_then(|atv| attribute_text(&atv.value))
}

/// RFC 4514 string: RDNs last to first, `+` inside a multi-valued RDN, special characters
/// escaped; attributes outside the table as dotted OIDs with `#`-hex DER values.
pub fn rfc4514(name: &Name) -> String {
    let mut rdns: Vec<String> = Vec::new();
    for rdn in name.iter_rdn() {
        let parts: Vec<String> = rdn
            .iter()
            .map(|atv| {
                match (
                    lookup(ATTRIBUTE_NAMES, &atv.oid),
                    attribute_text(&atv.value),
                ) {
                    (Some(short), Some(text)) => format!("{short}={}", escape_value(&text)),
                    (_, _) => {
                        let der = atv.value.to_der().unwrap_or_default();
                        format!("{}=#{}", atv.oid, hex(&der))
                    }
                }
            })
            .collect();
        rdns.push(parts.join("+"));
    }
    rdns.reverse();
    rdns.join(",")
}

fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if c == '\0' {
            out.push_str("\\00");
        } else {
            if special {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_needs_exactly_one_certificate() {
        assert!(pem_to_der("").is_err());
        let one = "-----BEGIN CERTIFICATE-----\r\nAAEC\r\n-----END CERTIFICATE-----\r\n";
        assert_eq!(pem_to_der(one), Ok(vec![0, 1, 2]));
        assert!(pem_to_der(&one.repeat(2))
            .unwrap_err()
            .contains("2 certificates"));
        assert!(
            pem_to_der("-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----")
                .unwrap_err()
                .contains("PRIVATE KEY")
        );
        assert!(
            pem_to_der("-----BEGIN CERTIFICATE-----\nAA!C\n-----END CERTIFICATE-----").is_err()
        );
        assert!(pem_to_der("-----BEGIN CERTIFICATE-----\nAAEC\n")
            .unwrap_err()
            .contains("cut short"));
    }

    #[test]
    fn base64_follows_rfc_4648() {
        assert_eq!(base64_decode("TWFu"), Some(b"Man".to_vec()));
        assert_eq!(base64_decode("TW E=\r\n"), Some(b"Ma".to_vec()));
        assert_eq!(base64_decode("TQ=="), Some(b"M".to_vec()));
        assert_eq!(base64_decode("TQ"), Some(b"M".to_vec()));
        for bad in ["T", "TQ=", "TR==", "TQ==TQ==", "TQ===", "T-Q=", "TWFu="] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn garbage_der_is_an_error_not_a_panic() {
        for der in [
            &[][..],
            &[0x30],
            &[0x30, 0x82, 0xff, 0xff],
            &[0x02, 0x01, 0x00],
            &[0x30, 0x03, 0x30, 0x01, 0x00],
        ] {
            assert!(decode(der, 0).is_err());
        }
    }

    #[test]
    fn rsa_modulus_length_is_counted_in_bits() {
        // SEQUENCE { INTEGER 0x00 0x80 0x01 (16 bits), INTEGER 3 }
        assert_eq!(
            rsa_modulus_bits(&[0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x03]),
            Some(16)
        );
    }

    #[test]
    fn rfc4514_escapes_specials() {
        assert_eq!(escape_value("a,b+c"), "a\\,b\\+c");
        assert_eq!(escape_value(" #x "), "\\ #x\\ ");
    }
}
