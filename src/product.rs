//! Product families by the rules of docs/domain.md §6: `type` first, then `name_id`. A product that
//! matches no rule is `Unknown`, never guessed.

use serde::Deserialize;

use crate::record::named;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
/// A product family of the delivery matrix (docs/domain.md §6).
pub enum Family {
    /// Publicly trusted TLS certificates.
    PublicTls,
    /// Private TLS certificates.
    PrivateTls,
    /// Code signing certificates.
    CodeSigning,
    /// Document signing.
    DocumentSigning,
    /// S/MIME and client certificates.
    Smime,
    /// No rule matches: never guessed.
    Unknown,
}

// TypeScript's `Family` is the five known families; a field that may hold `unknown` says so.
named!(Family => "Family");

impl Family {
    /// The five families the delivery matrix covers, in the order of the API contract.
    pub const KNOWN: [Family; 5] = [
        Family::PublicTls,
        Family::PrivateTls,
        Family::CodeSigning,
        Family::DocumentSigning,
        Family::Smime,
    ];

    /// docs/domain.md §5.1: only public and private TLS certificates ever carry the chain.
    pub fn is_tls(self) -> bool {
        matches!(self, Family::PublicTls | Family::PrivateTls)
    }

    /// The family in words, for people.
    pub fn label(self) -> &'static str {
        match self {
            Family::PublicTls => "public TLS",
            Family::PrivateTls => "private TLS",
            Family::CodeSigning => "code signing",
            Family::DocumentSigning => "document signing",
            Family::Smime => "S/MIME",
            Family::Unknown => "unknown",
        }
    }

    /// The serialized id.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::PublicTls => "public_tls",
            Family::PrivateTls => "private_tls",
            Family::CodeSigning => "code_signing",
            Family::DocumentSigning => "document_signing",
            Family::Smime => "smime",
            Family::Unknown => "unknown",
        }
    }
}

/// The fields of an Order-info `product` object that classification reads (docs/domain.md §6).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Product {
    /// E.g. `ssl_plus`.
    pub name_id: Option<String>,
    /// `type` in the API.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// E.g. `private_ssl_certificate`.
    pub group_name: Option<String>,
    /// E.g. `Private SSL`.
    pub validation_type: Option<String>,
}

const PUBLIC_TLS: &[&str] = &[
    "ssl_basic",
    "ssl_ev_basic",
    "ssl_securesite_flex",
    "ssl_ev_securesite_flex",
    "ssl_securesite_pro",
    "ssl_ev_securesite_pro",
    "ssl_plus",
    "ssl_wildcard",
    "ssl_multi_domain",
    "ssl_ev_plus",
    "ssl_ev_multi_domain",
    "ssl_cloud_wildcard",
    "ssl_dv_geotrust_flex",
    "ssl_dv_geotrust",
    "ssl_dv_rapidssl",
    "wildcard_dv_geotrust",
    "grid_host_ssl",
    "grid_robot_ssl",
    "grid_host_ssl_multi_domain",
    "grid_robot_ssl_multi_domain",
];
const PRIVATE_TLS: &[&str] = &["private_ssl_plus", "private_ssl_wildcard"];
const CODE_SIGNING: &[&str] = &["code_signing", "code_signing_ev"];
const DOCUMENT_SIGNING: &[&str] = &["document_signing_org_1", "document_signing_org_2"];
const SMIME: &[&str] = &[
    "secure_email_mailbox",
    "secure_email_sponsor",
    "secure_email_organization",
    "client_premium",
    "client_email_security_plus",
    "client_digital_signature_plus",
];

/// Every `name_id` docs/domain.md §6 knows, with its family.
pub fn known_name_ids() -> impl Iterator<Item = (&'static str, Family)> {
    let tables: [(&'static [&'static str], Family); 5] = [
        (PUBLIC_TLS, Family::PublicTls),
        (PRIVATE_TLS, Family::PrivateTls),
        (CODE_SIGNING, Family::CodeSigning),
        (DOCUMENT_SIGNING, Family::DocumentSigning),
        (SMIME, Family::Smime),
    ];
    tables
        .into_iter()
        .flat_map(|(ids, family)| ids.iter().map(move |id| (*id, family)))
}

fn by_name_id(name_id: &str) -> Option<Family> {
    known_name_ids()
        .find(|(id, _)| *id == name_id)
        .map(|(_, family)| family)
}

fn by_type(kind: &str) -> Option<Family> {
    match kind {
        "ssl_certificate" | "dv_ssl_certificate" => Some(Family::PublicTls),
        "code_signing_certificate" => Some(Family::CodeSigning),
        "client_certificate" => Some(Family::Smime),
        _ => None,
    }
}

/// A product given as one string: a `type` (`ssl_certificate`) or a `name_id` (`ssl_plus`).
pub fn classify_name(name: &str) -> Family {
    if by_type(name).is_some() {
        classify(&Product {
            kind: Some(name.to_string()),
            ..Product::default()
        })
    } else {
        classify(&Product {
            name_id: Some(name.to_string()),
            ..Product::default()
        })
    }
}

/// The family of an Order-info `product`: `type` first, then `name_id` (docs/domain.md §6).
pub fn classify(product: &Product) -> Family {
    let name_id = product.name_id.as_deref().unwrap_or("");
    // Document signing has no `type` of its own in the sources: it is known by `name_id` only.
    if DOCUMENT_SIGNING.contains(&name_id) {
        return Family::DocumentSigning;
    }
    let private = product.group_name.as_deref() == Some("private_ssl_certificate")
        || name_id.starts_with("private_ssl")
        || product.validation_type.as_deref() == Some("Private SSL");
    match product.kind.as_deref().and_then(by_type) {
        Some(Family::PublicTls) if private => Family::PrivateTls,
        Some(family) => family,
        None => match by_name_id(name_id) {
            Some(Family::PublicTls) if private => Family::PrivateTls,
            Some(family) => family,
            None if name_id.starts_with("private_ssl") => Family::PrivateTls,
            None => Family::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(name_id: &str, kind: &str) -> Product {
        Product {
            name_id: (!name_id.is_empty()).then(|| name_id.to_string()),
            kind: (!kind.is_empty()).then(|| kind.to_string()),
            ..Product::default()
        }
    }

    #[test]
    fn type_decides_first() {
        assert_eq!(
            classify(&product("mystery", "ssl_certificate")),
            Family::PublicTls
        );
        assert_eq!(
            classify(&product("", "dv_ssl_certificate")),
            Family::PublicTls
        );
        assert_eq!(
            classify(&product("x", "code_signing_certificate")),
            Family::CodeSigning
        );
        assert_eq!(classify(&product("x", "client_certificate")), Family::Smime);
    }

    #[test]
    fn private_tls_by_group_name_id_or_validation_type() {
        let mut p = product("ssl_plus", "ssl_certificate");
        p.group_name = Some("private_ssl_certificate".into());
        assert_eq!(classify(&p), Family::PrivateTls);
        assert_eq!(
            classify(&product("private_ssl_custom", "ssl_certificate")),
            Family::PrivateTls
        );
        let mut p = product("", "ssl_certificate");
        p.validation_type = Some("Private SSL".into());
        assert_eq!(classify(&p), Family::PrivateTls);
    }

    #[test]
    fn private_signals_apply_to_a_tls_name_id_without_type() {
        let mut p = product("ssl_plus", "");
        p.group_name = Some("private_ssl_certificate".into());
        assert_eq!(classify(&p), Family::PrivateTls);
    }

    #[test]
    fn document_signing_by_name_id() {
        assert_eq!(
            classify_name("document_signing_org_2"),
            Family::DocumentSigning
        );
    }

    #[test]
    fn every_listed_name_id_classifies_to_its_family() {
        for (id, family) in known_name_ids() {
            assert_eq!(classify_name(id), family, "{id}");
        }
    }

    #[test]
    fn unlisted_products_are_unknown() {
        assert_eq!(classify_name("ssl_brand_new"), Family::Unknown);
        assert_eq!(classify(&product("", "")), Family::Unknown);
        assert_eq!(classify(&product("x", "some_new_type")), Family::Unknown);
    }
}
