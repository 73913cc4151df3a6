//! `certificate_chain` decoding (docs/domain.md §4): PEM to DER, DER to the fields a person checks, and
//! the checks a chain should pass. The DER is read by `der`; names and algorithms
//! are rendered from small tables of the OIDs certificates use.

use crate::diagnostic::Code;
use crate::record::{named, record};
use sha2::{Digest, Sha256};
use std::borrow::Cow;

use crate::der::{
    self, Oid, Reader, Tlv, BIT_STRING, BOOLEAN, GENERALIZED_TIME, INTEGER, OCTET_STRING, OID,
    SEQUENCE, SET, UTC_TIME,
};

/// A PEM larger than this is refused before decoding: real certificates are a few KB.
pub const MAX_PEM_BYTES: usize = 64 * 1024;
/// Entries beyond this are not decoded: real chains have three or four.
pub const MAX_CHAIN_LENGTH: usize = 16;

/// How [`links`] gives each certificate its [`Role`], in words: the one statement of the
/// rule, shown to Rust and TypeScript readers alike.
pub const ROLE_RULE: &str = "What a certificate is in its chain, from the certificate itself, not its place, so a reordered chain reads the same: a CA that is self-signed, or whose subject and issuer read the same, or that issued another entry, is the root; any other CA is an intermediate; a certificate that is no CA is the leaf.";

/// What a certificate is in its chain: see [`ROLE_RULE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Leaf,
    Intermediate,
    Root,
}

named!(Role => "Role");

impl Role {
    pub const ALL: [Role; 3] = [Role::Leaf, Role::Intermediate, Role::Root];

    /// The serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Leaf => "leaf",
            Role::Intermediate => "intermediate",
            Role::Root => "root",
        }
    }
}

record! {
    /// What a certificate says about itself, wherever it sits in a chain.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Certificate as "Certificate" {
        /// Decoded from the certificate.
        pub common_name: Option<String> => "commonName",
        /// RFC 4514.
        pub subject: String => "subject",
        /// RFC 4514.
        pub issuer: String => "issuer",
        /// Lowercase hex, no separators; a negative serial as openssl prints it.
        pub serial_number: String => "serialNumber",
        /// ISO 8601 UTC, e.g. 2031-11-10T00:00:00Z.
        pub not_before: String => "notBefore",
        /// ISO 8601 UTC.
        pub not_after: String => "notAfter",
        /// Lowercase hex of the SHA-256 of the DER.
        pub sha256_fingerprint: String => "sha256Fingerprint",
        /// Basic constraints say it is a CA.
        pub is_ca: bool => "isCa",
        /// Its issuer is itself: the names match and so do the key identifiers, where both
        /// are present.
        pub self_signed: bool => "selfSigned",
        /// The DNS names of the subject alternative name extension.
        pub dns_names: Vec<String> => "dnsNames",
        /// The public key, e.g. "RSA 2048" or "EC P-256".
        pub key_algorithm: String => "keyAlgorithm",
        /// How the issuer signed it, e.g. "sha256WithRSAEncryption".
        pub signature_algorithm: String => "signatureAlgorithm",
    }
}

record! {
    /// One entry of `certificate_chain`: where it sits in the chain, and its certificate.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CertificateInfo as "CertificateInfo" {
        /// The entry's position in `certificate_chain` as sent.
        pub index: usize => "index",
        /// Leaf, intermediate or root, from the certificate itself.
        pub role: Role => "role",
        /// As sent in the payload.
        pub subject_common_name: Option<String> => "subjectCommonName",
        /// The `index` of the entry that issued this one, by names and (where both carry them)
        /// key identifiers; null when self-signed or when the issuer is not in the chain.
        pub issuer_index: Option<usize> => "issuerIndex",
        /// The certificate's own fields, written inline.
        pub certificate: Certificate => flatten,
    }
}

/// A decoded certificate with what the chain rules compare.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub certificate: Certificate,
    pub subject_der: Vec<u8>,
    pub issuer_der: Vec<u8>,
    pub subject_key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
}

/// Certificates decoded once per call: in a log of many events the intermediates and roots
/// repeat in every chain, and decoding (base64, DER, SHA-256) is most of a chain event's cost.
/// Keyed by the PEM text as sent; failures are kept too. Bounded, so a hostile log cannot grow
/// it without end.
pub struct CertificateCache {
    entries: Vec<(String, Result<Decoded, String>)>,
    capacity: usize,
}

/// Distinct certificates a cache keeps: real logs have a handful of intermediates and roots.
const CACHE_ENTRIES: usize = 32;

impl Default for CertificateCache {
    fn default() -> Self {
        CertificateCache {
            entries: Vec::new(),
            capacity: CACHE_ENTRIES,
        }
    }
}

impl CertificateCache {
    /// A cache that keeps nothing, for one event: its chain rarely repeats a certificate, and
    /// keeping each one (a copy of its PEM and of everything decoded) was 15 % of the
    /// allocations of a chain event.
    pub fn none() -> Self {
        CertificateCache {
            entries: Vec::new(),
            capacity: 0,
        }
    }

    /// The certificate of `pem`.
    pub fn decode(&mut self, pem: &str) -> Result<Decoded, String> {
        if let Some((_, found)) = self.entries.iter().find(|(key, _)| same_pem(key, pem)) {
            return found.clone();
        }
        let result = pem_to_der(pem).and_then(|der| decode(&der));
        // Issued certificates are kept too: a retried delivery repeats its whole chain, and
        // keeping only CAs made a log of repeated chains 1.4x slower to read. An entry outlives
        // its line's arena scope, so it is made outside the arena: in it, each entry kept the
        // line's scope from giving back anything, the arena soon ran out, and every later
        // block of the log came from dlmalloc.
        if self.entries.len() < self.capacity {
            crate::long_lived(|| self.entries.push((pem.to_string(), result.clone())));
        }
        result
    }
}

/// Whether two PEM texts are the same, comparing first their last 64 bytes, where two
/// certificates' signatures differ: the PEMs of one CA's certificates begin alike (the header
/// line, the DER's first fields) and often have one length, so comparing from the start went
/// through that prefix for every entry, a byte at a time in wasm.
fn same_pem(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let tail = a.len().saturating_sub(64);
    a.len() == b.len() && a[tail..] == b[tail..] && a[..tail] == b[..tail]
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
    let begins = markers(pem, BEGIN).count();
    if begins == 0 {
        return Err(match markers(pem, "-----BEGIN ").next() {
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
    let start = markers(pem, BEGIN).next().map_or(0, |i| i + BEGIN.len());
    let Some(end) = markers(&pem[start..], END).next().map(|i| start + i) else {
        return Err("no -----END CERTIFICATE----- line: the PEM is cut short".to_string());
    };
    if !pem[..start - BEGIN.len()].trim().is_empty() || !pem[end + END.len()..].trim().is_empty() {
        return Err("text before or after the certificate".to_string());
    }
    base64_decode(&pem[start..end])
        .ok_or_else(|| "the text between the PEM lines is not valid base64".to_string())
}

/// Where `marker` (a PEM line's `-----` opening) occurs in `pem`, without overlaps. Found from
/// each `-` (a word-at-a-time byte search): base64 has no `-`, so only the marker lines are
/// compared, where a substring search set itself up three times per entry (5 % of a chain
/// event).
fn markers<'p>(pem: &'p str, marker: &'p str) -> impl Iterator<Item = usize> + 'p {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = pem.get(from..)?.find('-') {
            let at = from + i;
            if pem[at..].starts_with(marker) {
                from = at + marker.len();
                return Some(at);
            }
            from = at + 1;
        }
        None
    })
}

/// Standard base64 (RFC 4648 §4), white space skipped, padding optional but consistent, no
/// stray bits. Certificates are public, so a table lookup is fine: no secret needs the
/// constant-time decoding a key parser would use. Four characters make three bytes at a time
/// into a buffer sized up front: base64 was the largest part of a chain event's decoding.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = vec![0u8; text.len() / 4 * 3 + 3];
    let (mut written, mut quad, mut in_quad, mut data, mut padding) = (0, 0u32, 0, 0usize, 0);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Runs of four alphabet characters at a quad boundary, before any padding (a PEM
        // line's 64 characters are 16 of them): three bytes a quad, without a branch per
        // character. Anything else (a line break, padding, a bad byte) goes one byte at a
        // time, below.
        if in_quad == 0 && padding == 0 {
            let mut run = 0;
            for chunk in bytes.get(at..).unwrap_or_default().chunks_exact(4) {
                let (a, b, c, d) = (
                    BASE64[usize::from(chunk[0])],
                    BASE64[usize::from(chunk[1])],
                    BASE64[usize::from(chunk[2])],
                    BASE64[usize::from(chunk[3])],
                );
                if (a | b | c | d) >= 64 {
                    break;
                }
                let quad = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6;
                let [_, high, middle, low] = (quad | u32::from(d)).to_be_bytes();
                let Some([x, y, z]) = out.get_mut(written..written + 3) else {
                    return None; // cannot happen: `out` has room for every quad
                };
                (*x, *y, *z) = (high, middle, low);
                written += 3;
                run += 4;
            }
            (data, at) = (data + run, at + run);
            if run > 0 {
                continue;
            }
        }
        let Some(&b) = bytes.get(at) else { break };
        at += 1;
        match BASE64[usize::from(b)] {
            sextet @ 0..=63 => {
                if padding > 0 {
                    return None; // data after padding
                }
                quad = (quad << 6) | u32::from(sextet);
                in_quad += 1;
                data += 1;
                if in_quad == 4 {
                    let [_, high, middle, low] = quad.to_be_bytes();
                    let Some([a, b, c]) = out.get_mut(written..written + 3) else {
                        return None; // cannot happen: `out` has room for every quad
                    };
                    (*a, *b, *c) = (high, middle, low);
                    (written, quad, in_quad) = (written + 3, 0, 0);
                }
            }
            PAD => padding += 1,
            SPACE => {}
            _ => return None,
        }
    }
    // The last 2 or 3 characters hold 1 or 2 bytes; the bits left over must be zero.
    let (tail, stray): (&[u8], u32) = match in_quad {
        0 => (&[], 0),
        2 => (&[(quad >> 4) as u8], quad & 0xf),
        3 => (&[(quad >> 10) as u8, (quad >> 2) as u8], quad & 0x3),
        _ => return None,
    };
    let padding_ok = match data % 4 {
        0 => padding == 0,
        2 => padding == 0 || padding == 2,
        3 => padding == 0 || padding == 1,
        _ => false,
    };
    if !padding_ok || stray != 0 {
        return None;
    }
    out.get_mut(written..written + tail.len())?
        .copy_from_slice(tail);
    out.truncate(written + tail.len());
    Some(out)
}

/// [`BASE64`]'s marks for `=` and for white space; any other byte above 63 is invalid.
const PAD: u8 = 0xfd;
const SPACE: u8 = 0xfe;

/// Each byte's sextet in the standard alphabet, or [`PAD`], [`SPACE`] or 0xff (invalid).
static BASE64: [u8; 256] = {
    let mut table = [0xffu8; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table[b'=' as usize] = PAD;
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table
};

/// Decodes one DER certificate. Never panics: what it cannot read is an `Err`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    read_certificate(bytes).map_err(|e| format!("not a valid X.509 certificate: {e}"))
}

/// RFC 5280 §4.1: `Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
/// signatureValue }`, read strictly enough to refuse what is not a certificate and to
/// show what one says.
fn read_certificate(bytes: &[u8]) -> Result<Decoded, der::Error> {
    let certificate = der::single(bytes, SEQUENCE, "the data is not one DER SEQUENCE")?;
    let (tbs, signature_algorithm) =
        der::nested(certificate.value, "data after the signature", |parts| {
            let tbs = parts.expect(SEQUENCE, "the to-be-signed part is not a SEQUENCE")?;
            let (signature_algorithm, _) =
                algorithm(parts.expect(SEQUENCE, "no signature algorithm")?)?;
            bit_string(parts.expect(BIT_STRING, "the signature is not a BIT STRING")?)?;
            Ok((tbs, signature_algorithm))
        })?;
    let ToBeSigned {
        serial,
        issuer,
        validity,
        subject,
        public_key,
        extensions,
    } = der::nested(
        tbs.value,
        "unexpected data after the extensions",
        read_to_be_signed,
    )?;

    let (not_before_unix, not_after_unix) =
        der::nested(validity.value, "more than two validity times", |times| {
            Ok((time(times.next()?)?, time(times.next()?)?))
        })?;

    let issuer_name = read_name(issuer)?;
    let subject_name = read_name(subject)?;
    let (key_oid, key_parameters, key_bits) = der::nested(
        public_key.value,
        "unexpected data after the public key",
        |key| {
            let (oid, parameters) = algorithm(key.expect(SEQUENCE, "no public key algorithm")?)?;
            let bits = bit_string(key.expect(BIT_STRING, "the public key is not a BIT STRING")?)?;
            Ok((oid, parameters, bits))
        },
    )?;
    let extensions = match extensions {
        Some(wrapper) => read_extensions(wrapper)?,
        None => Extensions::default(),
    };

    let mut decoded = Decoded {
        certificate: Certificate {
            common_name: common_name(&subject_name),
            subject: rfc4514(&subject_name),
            issuer: rfc4514(&issuer_name),
            serial_number: serial_text(serial),
            not_before: crate::time::format_utc(not_before_unix),
            not_after: crate::time::format_utc(not_after_unix),
            sha256_fingerprint: hex(&Sha256::digest(bytes)),
            is_ca: extensions.is_ca,
            self_signed: false,
            dns_names: extensions.dns_names,
            key_algorithm: key_algorithm(key_oid, key_parameters, key_bits),
            signature_algorithm: algorithm_name(signature_algorithm),
        },
        subject_der: subject.raw.to_vec(),
        issuer_der: issuer.raw.to_vec(),
        subject_key_id: extensions.subject_key_id,
        authority_key_id: extensions.authority_key_id,
        not_before_unix,
        not_after_unix,
    };
    // Self-signed is "issued by itself", by the one rule that links a chain.
    decoded.certificate.self_signed = issued_by(&decoded, &decoded);
    Ok(decoded)
}

/// The fields of `TBSCertificate` (RFC 5280 §4.1) that are shown or compared.
struct ToBeSigned<'a> {
    serial: &'a [u8],
    issuer: Tlv<'a>,
    validity: Tlv<'a>,
    subject: Tlv<'a>,
    public_key: Tlv<'a>,
    extensions: Option<Tlv<'a>>,
}

fn read_to_be_signed<'a>(tbs: &mut Reader<'a>) -> Result<ToBeSigned<'a>, der::Error> {
    if let Some(version) = tbs.optional(der::context(0, true))? {
        let version = der::single(version.value, INTEGER, "the version is not an INTEGER")?;
        if !matches!(version.value, [0..=2]) {
            return Err("an unknown certificate version");
        }
    }
    let serial = tbs
        .expect(INTEGER, "the serial number is not an INTEGER")?
        .value;
    if serial.is_empty() {
        return Err("an empty serial number");
    }
    algorithm(tbs.expect(SEQUENCE, "no inner signature algorithm")?)?;
    let issuer = tbs.expect(SEQUENCE, "the issuer is not a Name")?;
    let validity = tbs.expect(SEQUENCE, "the validity is not a SEQUENCE")?;
    let subject = tbs.expect(SEQUENCE, "the subject is not a Name")?;
    let public_key = tbs.expect(SEQUENCE, "the public key info is not a SEQUENCE")?;
    tbs.optional(der::context(1, false))?; // issuerUniqueID
    tbs.optional(der::context(2, false))?; // subjectUniqueID
    let extensions = tbs.optional(der::context(3, true))?;
    Ok(ToBeSigned {
        serial,
        issuer,
        validity,
        subject,
        public_key,
        extensions,
    })
}

/// `AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }`.
fn algorithm(sequence: Tlv<'_>) -> Result<(&[u8], Option<Tlv<'_>>), der::Error> {
    der::nested(
        sequence.value,
        "unexpected data after algorithm parameters",
        |fields| {
            let oid = fields.expect_oid("an algorithm without an identifier")?;
            let parameters = if fields.is_empty() {
                None
            } else {
                Some(fields.next()?)
            };
            Ok((oid, parameters))
        },
    )
}

/// The bits of a BIT STRING whose first content octet counts the unused trailing bits.
fn bit_string(tlv: Tlv<'_>) -> Result<&[u8], der::Error> {
    match tlv.value {
        [0, bits @ ..] => Ok(bits),
        [1..=7, bits @ ..] if !bits.is_empty() => Ok(bits),
        _ => Err("a malformed BIT STRING"),
    }
}

fn time(tlv: Tlv<'_>) -> Result<i64, der::Error> {
    let generalized = match tlv.tag {
        UTC_TIME => false,
        GENERALIZED_TIME => true,
        _ => return Err("a validity time that is neither UTCTime nor GeneralizedTime"),
    };
    crate::time::parse_der_time(tlv.value, generalized)
        .ok_or("a validity time not in the form RFC 5280 requires")
}

/// One attribute of a name: its type and its value element.
struct Attribute<'a> {
    oid: &'a [u8],
    value: Tlv<'a>,
}

/// `Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }`, RDNs in encoding order.
fn read_name(name: Tlv<'_>) -> Result<Vec<Vec<Attribute<'_>>>, der::Error> {
    let mut rdns = Vec::new();
    let mut sets = Reader::new(name.value);
    while !sets.is_empty() {
        let set = sets.expect(SET, "a name part is not a SET")?;
        let mut attributes = Vec::new();
        let mut members = Reader::new(set.value);
        while !members.is_empty() {
            let pair = members.expect(SEQUENCE, "a name attribute is not a SEQUENCE")?;
            let attribute = der::nested(
                pair.value,
                "unexpected data in a name attribute",
                |fields| {
                    let oid = fields.expect_oid("a name attribute without a type")?;
                    Ok(Attribute {
                        oid,
                        value: fields.next()?,
                    })
                },
            )?;
            attributes.push(attribute);
        }
        if attributes.is_empty() {
            return Err("an empty name part");
        }
        rdns.push(attributes);
    }
    Ok(rdns)
}

/// The extensions the chain view shows (RFC 5280 §4.2.1). A malformed extension list fails the
/// certificate; inside a known extension, only the part shown is read (a key identifier that
/// does not parse is absent, DNS names are those before a bad entry), and a repeated extension
/// replaces the earlier one.
#[derive(Default)]
struct Extensions {
    subject_key_id: Option<Vec<u8>>,
    authority_key_id: Option<Vec<u8>>,
    is_ca: bool,
    dns_names: Vec<String>,
}

const SUBJECT_KEY_ID: Oid = Oid::new("2.5.29.14");
const SUBJECT_ALT_NAME: Oid = Oid::new("2.5.29.17");
const BASIC_CONSTRAINTS: Oid = Oid::new("2.5.29.19");
const AUTHORITY_KEY_ID: Oid = Oid::new("2.5.29.35");

fn read_extensions(wrapper: Tlv<'_>) -> Result<Extensions, der::Error> {
    let list = der::single(wrapper.value, SEQUENCE, "the extensions are not a SEQUENCE")?;
    let mut found = Extensions::default();
    let mut list = Reader::new(list.value);
    while !list.is_empty() {
        let extension = list.expect(SEQUENCE, "an extension is not a SEQUENCE")?;
        let (id, value) = der::nested(
            extension.value,
            "unexpected data in an extension",
            |fields| {
                let id = fields.expect_oid("an extension without an identifier")?;
                if let Some(critical) = fields.optional(BOOLEAN)? {
                    boolean(critical)?;
                }
                let value =
                    fields.expect(OCTET_STRING, "an extension value is not an OCTET STRING")?;
                Ok((id, value.value))
            },
        )?;
        if id == SUBJECT_KEY_ID.as_bytes() {
            found.subject_key_id = der::single(value, OCTET_STRING, "")
                .ok()
                .map(|key| key.value.to_vec());
        } else if id == AUTHORITY_KEY_ID.as_bytes() {
            found.authority_key_id = authority_key_id(value);
        } else if id == BASIC_CONSTRAINTS.as_bytes() {
            found.is_ca = is_ca(value);
        } else if id == SUBJECT_ALT_NAME.as_bytes() {
            found.dns_names = dns_names(value);
        }
    }
    Ok(found)
}

/// `AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, … }`
fn authority_key_id(value: &[u8]) -> Option<Vec<u8>> {
    let sequence = der::single(value, SEQUENCE, "").ok()?;
    let key = Reader::new(sequence.value)
        .optional(der::context(0, false))
        .ok()??;
    Some(key.value.to_vec())
}

/// `BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }`
fn is_ca(value: &[u8]) -> bool {
    der::single(value, SEQUENCE, "")
        .ok()
        .and_then(|sequence| Reader::new(sequence.value).optional(BOOLEAN).ok()?)
        .is_some_and(|ca| boolean(ca) == Ok(true))
}

/// A DER BOOLEAN is one octet, 0x00 or 0xFF (X.690 §11.1).
fn boolean(tlv: Tlv<'_>) -> Result<bool, der::Error> {
    match tlv.value {
        [0x00] => Ok(false),
        [0xff] => Ok(true),
        _ => Err("a BOOLEAN that is neither 0x00 nor 0xFF"),
    }
}

/// The `dNSName` entries (`[2] IMPLICIT IA5String`) of a `GeneralNames` SEQUENCE, in order.
fn dns_names(value: &[u8]) -> Vec<String> {
    let Ok(sequence) = der::single(value, SEQUENCE, "") else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut entries = Reader::new(sequence.value);
    while let Ok(entry) = entries.next() {
        if entry.tag == der::context(2, false) && entry.value.is_ascii() {
            names.extend(std::str::from_utf8(entry.value).ok().map(str::to_string));
        }
    }
    names
}

/// A serial number as `openssl x509 -serial` prints it: hex of the value without leading zero
/// bytes; a negative one (the INTEGER's top bit set, which RFC 5280 forbids but some CAs
/// wrote) as `-` and the hex of its magnitude.
fn serial_text(serial: &[u8]) -> String {
    let negative = serial.first().is_some_and(|b| b & 0x80 != 0);
    let magnitude: Vec<u8> = if negative {
        // Two's complement: invert and add one, from the last byte.
        let mut bytes: Vec<u8> = serial.iter().map(|b| !b).collect();
        for byte in bytes.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
        bytes
    } else {
        serial.to_vec()
    };
    let significant = match magnitude.iter().position(|b| *b != 0) {
        Some(first) => &magnitude[first..],
        None => &magnitude[magnitude.len().saturating_sub(1)..],
    };
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}", hex(significant))
}

/// One entry of `certificate_chain` as read: the name sent beside it, and its certificate
/// when it decoded.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub subject_common_name: Option<String>,
    pub decoded: Option<Decoded>,
}

/// Where a decoded entry sits in its chain: its role, by [`ROLE_RULE`], and the entry that
/// issued it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub role: Role,
    pub issuer_index: Option<usize>,
}

/// Each decoded entry linked to the entry that issued it (the next entry first, as DigiCert
/// orders chains) and given its role; `None` for an entry that did not decode. "Read the same"
/// compares the rendered names: RFC 5280 name matching looks past string types.
pub fn links(entries: &[Entry]) -> Vec<Option<Link>> {
    let count = entries.len();
    let mut issuers: Vec<Option<usize>> = vec![None; count];
    for (i, issuer) in issuers.iter_mut().enumerate() {
        let Some(child) = &entries[i].decoded else {
            continue;
        };
        if child.certificate.self_signed {
            continue;
        }
        // The next entry first, as DigiCert orders chains, then any other.
        let candidates = (i + 1..count).chain(0..i);
        *issuer = candidates.filter(|j| *j != i).find(|j| {
            entries[*j]
                .decoded
                .as_ref()
                .is_some_and(|p| issued_by(child, p))
        });
    }
    let issues_another = |j: usize| (0..count).any(|i| i != j && issuers[i] == Some(j));
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let certificate = &entry.decoded.as_ref()?.certificate;
            let root = certificate.is_ca
                && (certificate.self_signed || certificate.subject == certificate.issuer)
                || certificate.self_signed && issues_another(i);
            let role = if root {
                Role::Root
            } else if certificate.is_ca {
                Role::Intermediate
            } else {
                Role::Leaf
            };
            Some(Link {
                role,
                issuer_index: issuers[i],
            })
        })
        .collect()
}

/// The decoded entries as reported, with their [`links`]: each entry's certificate is moved
/// into its report, not copied (three copies had been 5 % of a chain event natively).
pub fn describe(entries: Vec<Entry>, links: &[Option<Link>]) -> Vec<CertificateInfo> {
    let mut described = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        let (Some(decoded), Some(Some(link))) = (entry.decoded, links.get(index)) else {
            continue;
        };
        described.push(CertificateInfo {
            index,
            role: link.role,
            subject_common_name: entry.subject_common_name,
            issuer_index: link.issuer_index,
            certificate: decoded.certificate,
        });
    }
    described
}

/// A chain rule the entries break: at one entry, or (`entry: None`) the chain as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub entry: Option<usize>,
    pub code: Code,
    pub message: String,
    pub hint: Option<&'static str>,
}

/// What a chain as DigiCert sends it satisfies (docs/domain.md §4): the issued certificate
/// first and the root last, each entry issued by the next, every certificate valid at `now`.
pub fn problems(entries: &[Entry], links: &[Option<Link>], now: Option<i64>) -> Vec<Problem> {
    let mut found = completeness(entries, links);
    let problem = |entry: usize, code: Code, message: String, hint: Option<&'static str>| Problem {
        entry: Some(entry),
        code,
        message,
        hint,
    };
    for i in 0..entries.len().saturating_sub(1) {
        let (Some(child), Some(parent)) = (&entries[i].decoded, &entries[i + 1].decoded) else {
            continue;
        };
        if issued_by(child, parent) {
            continue;
        }
        let how = if child.issuer_der != parent.subject_der {
            format!(
                "its issuer is {}, but entry {} is {}",
                child.certificate.issuer,
                i + 1,
                parent.certificate.subject
            )
        } else {
            format!("the names match but its authority key identifier differs from entry {}'s subject key identifier", i + 1)
        };
        found.push(problem(
            i,
            Code::ChainOrder,
            format!("entry {i} was not issued by entry {}: {how}", i + 1),
            Some("the chain should run from the end-entity certificate to the root, each entry issued by the next"),
        ));
    }
    let Some(now) = now else {
        return found;
    };
    for (i, entry) in entries.iter().enumerate() {
        let Some(decoded) = &entry.decoded else {
            continue;
        };
        let certificate = &decoded.certificate;
        if now > decoded.not_after_unix {
            found.push(problem(
                i,
                Code::CertificateExpired,
                format!(
                    "entry {i} ({}) expired on {}",
                    certificate.subject, certificate.not_after
                ),
                None,
            ));
        } else if now < decoded.not_before_unix {
            found.push(problem(
                i,
                Code::CertificateNotYetValid,
                format!(
                    "entry {i} ({}) is not valid before {}",
                    certificate.subject, certificate.not_before
                ),
                None,
            ));
        }
    }
    found
}

/// What DigiCert sends is the issued certificate, its intermediates, then the root
/// (docs/domain.md §4): say so when a part is missing.
fn completeness(entries: &[Entry], links: &[Option<Link>]) -> Vec<Problem> {
    if links.is_empty() {
        return vec![Problem {
            entry: None,
            code: Code::ChainIncomplete,
            message: "`certificate_chain` is empty: the event carries no certificate".into(),
            hint: Some("DigiCert sends the issued certificate, its intermediates and the root; an event without a chain omits `certificate_chain`"),
        }];
    }
    // Judged only when every entry decoded: a bad entry is already an error of its own.
    if links.iter().any(Option::is_none) {
        return Vec::new();
    }
    let roles = || links.iter().flatten().map(|link| link.role);
    let subject = |i: usize| {
        entries
            .get(i)
            .and_then(|entry| entry.decoded.as_ref())
            .map_or("", |decoded| decoded.certificate.subject.as_str())
    };
    let mut found = Vec::new();
    if !roles().any(|role| role == Role::Leaf) {
        found.push(Problem {
            entry: Some(0),
            code: Code::ChainIncomplete,
            message: format!(
                "no entry is an end-entity certificate (entry 0 is {}, a CA): the issued certificate is missing",
                subject(0)
            ),
            hint: Some("the chain should start with the certificate the order issued"),
        });
    }
    if !roles().any(|role| role == Role::Root) {
        let last = links.len() - 1;
        found.push(Problem {
            entry: Some(last),
            code: Code::ChainIncomplete,
            message: format!(
                "no entry is a root (the chain ends with {}): the root certificate is missing",
                subject(last)
            ),
            hint: Some("a chain as DigiCert sends it ends with the root"),
        });
    }
    found
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

/// Lowercase hexadecimal digits, by value (also the JSON writer's `\u00XX` escapes).
pub(crate) const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(HEX_DIGITS[usize::from(b >> 4)] as char);
        out.push(HEX_DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Attribute types by OID, with the short names of RFC 4514 §3 and common extras.
const ATTRIBUTE_NAMES: &[(Oid, &str)] = &[
    (Oid::new("2.5.4.3"), "CN"),
    (Oid::new("2.5.4.6"), "C"),
    (Oid::new("2.5.4.7"), "L"),
    (Oid::new("2.5.4.8"), "ST"),
    (Oid::new("2.5.4.9"), "STREET"),
    (Oid::new("2.5.4.10"), "O"),
    (Oid::new("2.5.4.11"), "OU"),
    (Oid::new("0.9.2342.19200300.100.1.25"), "DC"),
    (Oid::new("0.9.2342.19200300.100.1.1"), "UID"),
    (Oid::new("2.5.4.5"), "serialNumber"),
    (Oid::new("2.5.4.15"), "businessCategory"),
    (Oid::new("2.5.4.17"), "postalCode"),
    (Oid::new("2.5.4.97"), "organizationIdentifier"),
    (Oid::new("1.2.840.113549.1.9.1"), "emailAddress"),
    (Oid::new("1.3.6.1.4.1.311.60.2.1.1"), "jurisdictionL"),
    (Oid::new("1.3.6.1.4.1.311.60.2.1.2"), "jurisdictionST"),
    (Oid::new("1.3.6.1.4.1.311.60.2.1.3"), "jurisdictionC"),
];

const COMMON_NAME: Oid = Oid::new("2.5.4.3");

const ALGORITHM_NAMES: &[(Oid, &str)] = &[
    (Oid::new("1.2.840.113549.1.1.1"), "RSA"),
    (Oid::new("1.2.840.113549.1.1.4"), "md5WithRSAEncryption"),
    (Oid::new("1.2.840.113549.1.1.5"), "sha1WithRSAEncryption"),
    (Oid::new("1.2.840.113549.1.1.10"), "RSASSA-PSS"),
    (Oid::new("1.2.840.113549.1.1.11"), "sha256WithRSAEncryption"),
    (Oid::new("1.2.840.113549.1.1.12"), "sha384WithRSAEncryption"),
    (Oid::new("1.2.840.113549.1.1.13"), "sha512WithRSAEncryption"),
    (Oid::new("1.2.840.10045.2.1"), "EC"),
    (Oid::new("1.2.840.10045.4.1"), "ecdsa-with-SHA1"),
    (Oid::new("1.2.840.10045.4.3.2"), "ecdsa-with-SHA256"),
    (Oid::new("1.2.840.10045.4.3.3"), "ecdsa-with-SHA384"),
    (Oid::new("1.2.840.10045.4.3.4"), "ecdsa-with-SHA512"),
    (Oid::new("1.3.101.112"), "Ed25519"),
    (Oid::new("1.3.101.113"), "Ed448"),
    (Oid::new("1.2.840.10045.3.1.7"), "P-256"),
    (Oid::new("1.3.132.0.34"), "P-384"),
    (Oid::new("1.3.132.0.35"), "P-521"),
];

fn lookup(table: &[(Oid, &'static str)], oid: &[u8]) -> Option<&'static str> {
    table
        .iter()
        .find(|(known, _)| known.as_bytes() == oid)
        .map(|(_, name)| *name)
}

/// The dotted form of an OID outside the tables; hex for one with an arc over 128 bits.
fn dotted(oid: &[u8]) -> String {
    der::oid_to_string(oid).unwrap_or_else(|| format!("OID#{}", hex(oid)))
}

fn algorithm_name(oid: &[u8]) -> String {
    lookup(ALGORITHM_NAMES, oid).map_or_else(|| dotted(oid), str::to_string)
}

/// `RSA 2048`, `EC P-256`, `Ed25519`, or the OID for anything else.
fn key_algorithm(oid: &[u8], parameters: Option<Tlv<'_>>, key: &[u8]) -> String {
    let name = algorithm_name(oid);
    match name.as_str() {
        "RSA" => match rsa_modulus_bits(key) {
            Some(bits) => format!("RSA {bits}"),
            None => name,
        },
        "EC" => match parameters
            .filter(|p| p.tag == OID)
            .and_then(|p| der::check_oid(p.value).ok())
        {
            Some(curve) => format!("EC {}", algorithm_name(curve)),
            None => name,
        },
        _ => name,
    }
}

/// Bit length of the modulus of a PKCS#1 `RSAPublicKey ::= SEQUENCE { n INTEGER, e INTEGER }`.
fn rsa_modulus_bits(key: &[u8]) -> Option<usize> {
    let sequence = der::single(key, SEQUENCE, "").ok()?;
    let modulus = Reader::new(sequence.value).expect(INTEGER, "").ok()?;
    let bytes = modulus.value;
    let first = bytes.iter().position(|b| *b != 0)?;
    let top = bytes[first];
    Some((bytes.len() - first - 1) * 8 + (8 - top.leading_zeros() as usize))
}

fn attribute_text<'v>(value: &Tlv<'v>) -> Option<Cow<'v, str>> {
    let bytes = value.value;
    match value.tag {
        // Borrowed: most names are ASCII or UTF-8 already.
        der::UTF8_STRING | der::PRINTABLE_STRING | der::IA5_STRING | der::VISIBLE_STRING => {
            std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
        }
        // T.61 in practice holds Latin-1.
        der::TELETEX_STRING => Some(Cow::Owned(bytes.iter().map(|b| char::from(*b)).collect())),
        der::BMP_STRING if bytes.len().is_multiple_of(2) => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok().map(Cow::Owned)
        }
        _ => None,
    }
}

/// The last CN of a name, as text.
fn common_name(name: &[Vec<Attribute<'_>>]) -> Option<String> {
    name.iter()
        .flatten()
        .rfind(|attribute| attribute.oid == COMMON_NAME.as_bytes())
        .and_then(|attribute| attribute_text(&attribute.value))
        .map(Cow::into_owned)
}

/// RFC 4514 string: RDNs last to first, `+` inside a multi-valued RDN, special characters
/// escaped; attributes outside the table as dotted OIDs with `#`-hex DER values.
fn rfc4514(name: &[Vec<Attribute<'_>>]) -> String {
    let mut out = String::new();
    for (i, rdn) in name.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        for (j, attribute) in rdn.iter().enumerate() {
            if j > 0 {
                out.push('+');
            }
            match (
                lookup(ATTRIBUTE_NAMES, attribute.oid),
                attribute_text(&attribute.value),
            ) {
                (Some(short), Some(text)) => {
                    out.push_str(short);
                    out.push('=');
                    push_escaped(&mut out, &text);
                }
                _ => {
                    out.push_str(&dotted(attribute.oid));
                    out.push_str("=#");
                    out.push_str(&hex(attribute.value.raw));
                }
            }
        }
    }
    out
}

/// Appends an attribute value with RFC 4514's escapes.
fn push_escaped(out: &mut String, value: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log's cache holds each certificate once, and tells apart two that share their length
    /// and all but a few bytes (as a CA's leaves do).
    #[test]
    fn the_cache_keeps_certificates_that_differ_only_near_the_end_apart() {
        let root = include_str!("../tests/fixtures/certs/DigiCert_Global_Root_G2.pem");
        // Another character of the signature, near the end: same length, same prefix.
        let at = root.rfind("-----END").expect("an END line") - 8;
        let other_char = if &root[at..=at] == "A" { "B" } else { "A" };
        let other = format!("{}{other_char}{}", &root[..at], &root[at + 1..]);
        let fingerprint = |pem: &str| {
            decode(&pem_to_der(pem).unwrap())
                .unwrap()
                .certificate
                .sha256_fingerprint
        };
        let mut cache = CertificateCache::default();
        for _ in 0..2 {
            for pem in [root, other.as_str()] {
                let cached = cache.decode(pem).expect("decodes");
                assert_eq!(cached.certificate.sha256_fingerprint, fingerprint(pem));
            }
        }
        assert_ne!(fingerprint(root), fingerprint(&other));
        assert_eq!(cache.entries.len(), 2);
    }

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
        for stray in [format!("x{one}"), format!("{one}x")] {
            assert!(pem_to_der(&stray).unwrap_err().contains("before or after"));
        }
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

    #[cfg(not(target_arch = "wasm32"))]
    /// The decoder as the RFC states it, one sextet at a time: the fast one must agree.
    fn base64_reference(text: &str) -> Option<Vec<u8>> {
        let (mut out, mut acc, mut bits, mut data, mut padding) = (vec![], 0u32, 0, 0, 0);
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
                return None;
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

    // proptest is a native dev-dependency; the wasm test build leaves these out.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn base64_agrees_with_the_rfc_reading(text in "[A-Za-z0-9+/= \r\n!-]{0,80}") {
            proptest::prop_assert_eq!(base64_decode(&text), base64_reference(&text));
        }

        #[test]
        fn base64_agrees_on_well_formed_text(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
            padded in proptest::bool::ANY,
        ) {
            const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut text = String::new();
            for (i, chunk) in bytes.chunks(3).enumerate() {
                let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
                for k in 0..=chunk.len() {
                    text.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
                }
                if padded {
                    text.extend(std::iter::repeat_n('=', 3 - chunk.len()));
                }
                if i % 16 == 15 {
                    text.push_str("\r\n");
                }
            }
            proptest::prop_assert_eq!(base64_decode(&text), Some(bytes.clone()));
            proptest::prop_assert_eq!(base64_reference(&text), Some(bytes));
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
            assert!(decode(der).is_err());
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
        let escaped = |value: &str| {
            let mut out = String::new();
            push_escaped(&mut out, value);
            out
        };
        assert_eq!(escaped("a,b+c"), "a\\,b\\+c");
        assert_eq!(escaped(" #x "), "\\ #x\\ ");
    }
}
