//! A small DER reader (ITU-T X.690 §8 and §10): tag, length and value, nothing more. It reads
//! the few X.509 structures [`crate::chain`] shows. It replaces RustCrypto's `x509-cert` and
//! `der`, which left no room in the 120 KB wasm budget (the wasm went from 136 to 103 KB
//! gzipped). It never panics: input it cannot read is an `Err`
//! (`fuzz/fuzz_targets/decode_certificate.rs` holds it to that). It checks the rules the shown
//! values depend on (definite, minimal lengths; tags), not every DER rule: non-minimal
//! INTEGERs, SET OF order and BIT STRING padding bits pass.

/// Universal tags used by certificates (X.680 §8.6), constructed bit included where it is set.
pub const BOOLEAN: u8 = 0x01;
pub const INTEGER: u8 = 0x02;
pub const BIT_STRING: u8 = 0x03;
pub const OCTET_STRING: u8 = 0x04;
pub const OID: u8 = 0x06;
pub const UTF8_STRING: u8 = 0x0c;
pub const PRINTABLE_STRING: u8 = 0x13;
pub const TELETEX_STRING: u8 = 0x14;
pub const IA5_STRING: u8 = 0x16;
pub const UTC_TIME: u8 = 0x17;
pub const GENERALIZED_TIME: u8 = 0x18;
pub const VISIBLE_STRING: u8 = 0x1a;
pub const BMP_STRING: u8 = 0x1e;
pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;

/// Context-specific tag `[n]`, primitive or constructed.
pub const fn context(n: u8, constructed: bool) -> u8 {
    0x80 | if constructed { 0x20 } else { 0 } | n
}

/// What is wrong with a DER input, worded for a person reading a diagnostic.
pub type Error = &'static str;

/// One element: its tag, its content octets, and the whole encoding (tag and length included),
/// which names are compared by.
#[derive(Debug, Clone, Copy)]
pub struct Tlv<'a> {
    pub tag: u8,
    pub value: &'a [u8],
    pub raw: &'a [u8],
}

/// Reads the elements of a content, in order.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The next element, whatever its tag.
    #[allow(clippy::should_implement_trait)] // fallible, so not an Iterator
    pub fn next(&mut self) -> Result<Tlv<'a>, Error> {
        let all = self.rest;
        let (&tag, after_tag) = all
            .split_first()
            .ok_or("the data ends where an element should start")?;
        if tag & 0x1f == 0x1f {
            return Err("a multi-byte tag, which certificates do not use");
        }
        let (&first, mut rest) = after_tag
            .split_first()
            .ok_or("the data ends inside an element's length")?;
        let length = match first {
            0..=0x7f => usize::from(first),
            0x80 => return Err("an indefinite length (BER), which DER does not allow"),
            _ => {
                let count = usize::from(first & 0x7f);
                if count > 3 {
                    return Err("an element longer than 16 MB");
                }
                let (digits, after) = rest
                    .split_at_checked(count)
                    .ok_or("the data ends inside an element's length")?;
                rest = after;
                if digits.first() == Some(&0) {
                    return Err("a length with leading zero bytes, which DER does not allow");
                }
                let length = digits
                    .iter()
                    .fold(0usize, |n, d| (n << 8) | usize::from(*d));
                if length < 0x80 {
                    return Err("a long-form length under 128, which DER does not allow");
                }
                length
            }
        };
        let header = all.len() - rest.len();
        let (value, after) = rest
            .split_at_checked(length)
            .ok_or("an element's length runs past the end of the data")?;
        self.rest = after;
        Ok(Tlv {
            tag,
            value,
            raw: &all[..header + length],
        })
    }

    /// The next element, which must have `tag`.
    pub fn expect(&mut self, tag: u8, what: &'static str) -> Result<Tlv<'a>, Error> {
        match self.next() {
            Ok(tlv) if tlv.tag == tag => Ok(tlv),
            Ok(_) => Err(what),
            Err(e) => Err(e),
        }
    }

    /// The next element, which must be an OBJECT IDENTIFIER: its checked content octets.
    pub fn expect_oid(&mut self, what: &'static str) -> Result<&'a [u8], Error> {
        check_oid(self.expect(OID, what)?.value)
    }

    /// The next element if it has `tag`; nothing is consumed otherwise.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Error> {
        if self.rest.first() == Some(&tag) {
            self.next().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Reads the elements of `content` with `read`, then fails with `trailing` if anything is
/// left: "no data after the last element" is part of the structure, not a call to remember.
pub fn nested<'a, T>(
    content: &'a [u8],
    trailing: Error,
    read: impl FnOnce(&mut Reader<'a>) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut reader = Reader::new(content);
    let value = read(&mut reader)?;
    if reader.is_empty() {
        Ok(value)
    } else {
        Err(trailing)
    }
}

/// The element that must be the only one in `bytes`, with `tag`.
pub fn single<'a>(bytes: &'a [u8], tag: u8, what: &'static str) -> Result<Tlv<'a>, Error> {
    nested(bytes, what, |reader| reader.expect(tag, what))
}

/// An OBJECT IDENTIFIER's content octets, built at compile time from its dotted form so
/// tables compare bytes (formatting every OID read to text was a fifth of a chain's time).
#[derive(Debug, Clone, Copy)]
pub struct Oid {
    bytes: [u8; 16],
    len: usize,
}

impl Oid {
    /// Encodes `dotted` (X.690 §8.19). For literals in `const` items, where a malformed one
    /// (empty arc, other characters, over 12 arcs or 16 bytes) fails the build.
    pub(crate) const fn new(dotted: &str) -> Oid {
        let text = dotted.as_bytes();
        let mut arcs = [0u64; 12];
        let mut count = 0;
        let mut i = 0;
        while i < text.len() {
            if text[i] == b'.' {
                assert!(i > 0 && text[i - 1] != b'.', "an empty arc");
                count += 1;
            } else {
                assert!(text[i].is_ascii_digit(), "an OID is digits and dots");
                arcs[count] = arcs[count] * 10 + (text[i] - b'0') as u64;
            }
            i += 1;
        }
        assert!(
            count >= 1 && text[text.len() - 1] != b'.',
            "an OID has two arcs or more"
        );
        count += 1;
        let mut oid = Oid {
            bytes: [0; 16],
            len: 0,
        };
        let mut k = 1;
        while k < count {
            let arc = if k == 1 {
                arcs[0] * 40 + arcs[1]
            } else {
                arcs[k]
            };
            let mut groups = 1;
            while groups < 10 && arc >> (7 * groups) != 0 {
                groups += 1;
            }
            while groups > 0 {
                groups -= 1;
                let more = if groups > 0 { 0x80 } else { 0 };
                oid.bytes[oid.len] = ((arc >> (7 * groups)) & 0x7f) as u8 | more;
                oid.len += 1;
            }
            k += 1;
        }
        oid
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Checks an OBJECT IDENTIFIER's content octets: not empty, no padded or unfinished
/// sub-identifier.
pub fn check_oid(bytes: &[u8]) -> Result<&[u8], Error> {
    let starts_ok = bytes
        .iter()
        .enumerate()
        .all(|(i, b)| *b != 0x80 || (i > 0 && bytes[i - 1] & 0x80 != 0));
    match bytes.last() {
        Some(last) if last & 0x80 == 0 && starts_ok => Ok(bytes),
        _ => Err("a malformed object identifier"),
    }
}

/// Dotted form of checked content octets, such as `2.5.4.3`. Arcs up to 128 bits (UUID OIDs
/// under 2.25) are exact; a longer arc gives `None`.
pub fn oid_to_string(bytes: &[u8]) -> Option<String> {
    let mut out = String::new();
    let mut arc: u128 = 0;
    for b in bytes {
        if arc >> 121 != 0 {
            return None;
        }
        arc = (arc << 7) | u128::from(b & 0x7f);
        if b & 0x80 != 0 {
            continue;
        }
        if out.is_empty() {
            // The first sub-identifier packs two arcs: 40 × first + second.
            let first = arc.min(80) / 40;
            out = format!("{first}.{}", arc - first * 40);
        } else {
            out.push('.');
            out.push_str(&arc.to_string());
        }
        arc = 0;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_follow_der() {
        let long: Vec<u8> = [&[0x04, 0x81, 0x80][..], &[7; 0x80]].concat();
        let tlv = single(&long, OCTET_STRING, "x").unwrap();
        assert_eq!((tlv.value.len(), tlv.raw.len()), (0x80, 0x83));
        for bad in [
            &[0x04, 0x80, 0x00, 0x00][..],      // indefinite
            &[0x04, 0x81, 0x05, 1, 2, 3, 4, 5], // long form under 128
            &[0x04, 0x82, 0x00, 0x80],          // leading zero
            &[0x04, 0x02, 0x00],                // past the end
            &[0x04, 0x84, 1, 0, 0, 0],          // over 16 MB
            &[0x1f, 0x01, 0x00],                // multi-byte tag
            &[0x04],
            &[],
        ] {
            assert!(Reader::new(bad).next().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn single_refuses_trailing_bytes_and_other_tags() {
        assert!(single(&[0x05, 0x00], 0x05, "x").is_ok());
        assert!(single(&[0x05, 0x00, 0x00], 0x05, "x").is_err());
        assert!(single(&[0x05, 0x00], SEQUENCE, "x").is_err());
    }

    #[test]
    fn oids_round_trip_between_dotted_and_der() {
        const CN: Oid = Oid::new("2.5.4.3");
        assert_eq!(CN.as_bytes(), [0x55, 0x04, 0x03]);
        const SHA256_RSA: Oid = Oid::new("1.2.840.113549.1.1.11");
        assert_eq!(
            SHA256_RSA.as_bytes(),
            [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]
        );
        for dotted in [
            "2.5.4.3",
            "1.2.840.113549.1.1.11",
            "0.9.2342.19200300.100.1.25",
            "2.999.1",
        ] {
            let oid = Oid::new(dotted);
            assert_eq!(
                oid_to_string(check_oid(oid.as_bytes()).unwrap()).as_deref(),
                Some(dotted)
            );
        }
        // 2.25 followed by a 128-bit UUID arc.
        let uuid: Vec<u8> = [&[0x69][..], &[0x83], &[0xff; 17], &[0x7f]].concat();
        assert_eq!(
            oid_to_string(&uuid).as_deref(),
            Some("2.25.340282366920938463463374607431768211455")
        );
    }

    #[test]
    fn malformed_oids_are_refused() {
        for bad in [&[][..], &[0x55, 0x84], &[0x80, 0x01], &[0x55, 0x80, 0x01]] {
            assert!(check_oid(bad).is_err(), "{bad:?}");
        }
        assert!(check_oid(&[0x55, 0x81, 0x80, 0x01]).is_ok());
    }
}
