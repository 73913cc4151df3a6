//! The names CertCentral uses, exactly as the spec lists them (docs/domain.md §2–§4).

use crate::record::{Declared, Flatten, MemberDeclaration, MemberVisitor};

/// How an event name may be used in a webhook's `events` subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Listed in the event catalogue and accepted in `events` (docs/domain.md §4).
    Subscribable,
    /// Approval lifecycle events, subscribed separately from `certificate_issued` (docs/domain.md §5.5).
    Approval,
    /// Sent by DigiCert while the webhook is set up; never subscribed.
    System,
}

pub const CERTIFICATE_ISSUED: &str = "certificate_issued";
/// The one approval lifecycle event DigiCert names (docs/domain.md §4).
pub const APPROVAL_EMAIL_SENT: &str = "order_approval_email_sent";

/// Every event name known, subscribable first (the order of `EVENT_NAMES` in the API).
pub const EVENTS: &[(&str, EventKind)] = &[
    (CERTIFICATE_ISSUED, EventKind::Subscribable),
    ("certificate_revoked", EventKind::Subscribable),
    ("order_rejected", EventKind::Subscribable),
    ("organization_validated", EventKind::Subscribable),
    ("organization_expired", EventKind::Subscribable),
    ("organization_revalidation_notice", EventKind::Subscribable),
    ("domain_validated", EventKind::Subscribable),
    ("domain_expired", EventKind::Subscribable),
    ("domain_revalidation_notice", EventKind::Subscribable),
    (APPROVAL_EMAIL_SENT, EventKind::Approval),
    ("test_webhook_endpoint", EventKind::System),
    ("challenge_webhook_endpoint", EventKind::System),
];

/// The events whose timing `webhook_notification_frequency` sets (docs/domain.md §3).
pub const FREQUENCY_EVENTS: [&str; 4] = [
    "domain_expired",
    "domain_revalidation_notice",
    "organization_expired",
    "organization_revalidation_notice",
];

/// Days relative to expiry accepted in `webhook_notification_frequency` (docs/domain.md §3).
pub const FREQUENCY_DAYS: [i64; 6] = [90, 60, 30, 7, 0, -7];

pub fn event_kind(name: &str) -> Option<EventKind> {
    event(name).map(|(_, kind)| kind)
}

/// The catalogue's entry for an event name: its own `&'static str` and its kind.
pub fn event(name: &str) -> Option<(&'static str, EventKind)> {
    EVENTS.iter().find(|(n, _)| *n == name).copied()
}

/// Names accepted in `events`.
pub fn subscribable_events() -> impl Iterator<Item = &'static str> {
    EVENTS
        .iter()
        .filter(|(_, k)| *k != EventKind::System)
        .map(|(n, _)| *n)
}

/// The type of a documented `data` field of an event (docs/domain.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Text,
    TextList,
    Chain,
}

/// Documented `data` fields per event (docs/domain.md §4); `None`: the payload is not documented and is
/// kept as it is.
pub fn data_fields(event: &str) -> Option<&'static [(&'static str, Field, bool)]> {
    const ISSUED: &[(&str, Field, bool)] = &[
        ("order_id", Field::Id, true),
        ("certificate_id", Field::Id, true),
        ("certificate_chain", Field::Chain, false),
    ];
    const ORDER: &[(&str, Field, bool)] = &[
        ("order_id", Field::Id, true),
        ("certificate_id", Field::Id, true),
    ];
    const APPROVAL: &[(&str, Field, bool)] = &[
        ("order_id", Field::Id, true),
        ("certificate_id", Field::Id, true),
        ("orderApprovalEmailStatus", Field::Text, false),
        ("orderApprovalEmails", Field::TextList, false),
    ];
    const CHALLENGE: &[(&str, Field, bool)] = &[
        ("token", Field::Text, true),
        ("webhook_id", Field::Id, true),
    ];
    match event {
        CERTIFICATE_ISSUED => Some(ISSUED),
        "certificate_revoked" | "order_rejected" => Some(ORDER),
        APPROVAL_EMAIL_SENT => Some(APPROVAL),
        "challenge_webhook_endpoint" => Some(CHALLENGE),
        _ => None,
    }
}

/// Declares [`Flag`] from one table: each on/off setting's API key, its name in the
/// explainer's effective settings, and its label for people are written once, here.
macro_rules! flags {
    ($($(#[doc = $doc:literal])* $variant:ident = $key:literal, $summary:literal, $label:literal;)*) => {
        /// The on/off settings of `webhook_settings` (docs/domain.md §3).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Flag {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Flag {
            pub const ALL: [Flag; [$($key),*].len()] = [$(Flag::$variant),*];

            /// The key in `webhook_settings`.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Flag::$variant => $key,)*
                }
            }

            /// The name in the explainer's `settings` (camelCase, as the rest of the report).
            pub const fn summary_name(self) -> &'static str {
                match self {
                    $(Flag::$variant => $summary,)*
                }
            }

            /// What the setting does, in the words of a settings page.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Flag::$variant => $label,)*
                }
            }

            /// The doc comment above, one entry per line (for the TypeScript declarations).
            pub const fn doc(self) -> &'static [&'static str] {
                match self {
                    $(Flag::$variant => &[$($doc),*],)*
                }
            }
        }
    };
}

flags! {
    /// `certificate_issued` for certificates issued the instant the order is created too.
    InstantIssueNotification = "instant_issue_webhook_notification", "instantIssueNotification",
        "Receive notifications for certificates issued instantly";
    /// The chain in `certificate_issued` for TLS certificates not issued instantly.
    SendCertificateChain = "webhook_send_certificate_chain", "sendCertificateChain",
        "Receive the certificate chain when issued";
    /// The chain in `certificate_issued` for TLS certificates issued instantly.
    SendInstantIssuedCertificateChain = "webhook_send_instant_issued_certificate_chain",
        "sendInstantIssuedCertificateChain", "Receive the certificate chain when issued instantly";
}

/// How the API spells a flag that is on or off (docs/domain.md §3); other spellings are normalised to it.
pub const fn flag_text(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

impl Flag {
    /// The position of the flag in [`Flag::ALL`], for tables indexed by flag.
    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn from_key(key: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One value per flag, in the order of [`Flag::ALL`]. In a report each is its own member,
/// named by [`Flag::summary_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FlagValues(pub [bool; Flag::ALL.len()]);

impl FlagValues {
    pub fn get(&self, flag: Flag) -> bool {
        self.0[flag.index()]
    }
}

impl Flatten for FlagValues {
    fn members() -> Vec<MemberDeclaration> {
        Flag::ALL
            .iter()
            .map(|flag| MemberDeclaration {
                key: flag.summary_name().to_string(),
                ts_type: bool::ts_type(),
                optional: false,
                doc: flag.doc().to_vec(),
            })
            .collect()
    }

    fn visit<V: MemberVisitor>(&self, visitor: &mut V) {
        for flag in Flag::ALL {
            visitor.member(flag.summary_name(), &self.get(flag));
        }
    }
}

pub const ENDPOINT: &str = "endpoint";
pub const SECRET: &str = "secret";
pub const EVENTS_KEY: &str = "events";
pub const SETTINGS: &str = "webhook_settings";
pub const FREQUENCY: &str = "webhook_notification_frequency";

/// The keys of an event's envelope (docs/domain.md §4).
pub const EVENT_NAME_KEY: &str = "event";
pub const DATA_KEY: &str = "data";
/// The keys of a `certificate_chain` entry (docs/domain.md §4).
pub const CHAIN_NAME_KEY: &str = "subject_common_name";
pub const CHAIN_PEM_KEY: &str = "pem";

/// Keys of the create/update body (docs/domain.md §2).
pub const BODY_KEYS: [&str; 4] = [ENDPOINT, SECRET, EVENTS_KEY, SETTINGS];
/// Keys of `webhook_settings` (docs/domain.md §3): every flag, then the frequency.
pub const SETTINGS_KEYS: [&str; Flag::ALL.len() + 1] = {
    let mut keys = [FREQUENCY; Flag::ALL.len() + 1];
    let mut i = 0;
    while i < Flag::ALL.len() {
        keys[i] = Flag::ALL[i].key();
        i += 1;
    }
    keys
};
/// The key that holds the webhooks of a `GET /webhook` list response (docs/domain.md §1).
pub const WEBHOOKS: &str = "webhooks";
/// Read-only keys a webhook has in the `GET /webhook` list response (docs/domain.md §1).
pub const LISTED_ONLY_KEYS: [&str; 2] = ["id", "status"];
pub const STATUSES: [&str; 3] = ["pending", "active", "inactive"];

/// Every way a flag may be written, as JSON text (docs/domain.md §3): the API's strings first,
/// then the spellings normalised to them. The JSON Schema's enum and the TypeScript `FlagValue`
/// are written from this list; a test holds the validator to it.
pub const FLAG_SPELLINGS: [&str; 6] = ["\"1\"", "\"0\"", "true", "false", "1", "0"];

/// What each field of the create/update body is (docs/domain.md §2), in the words the JSON
/// Schema and the TypeScript declarations both use.
pub const ENDPOINT_DOC: &str =
    "The listener's URL; it must begin with https:// and be reachable from the internet.";
pub const SECRET_DOC: &str =
    "Sent back in the X-WEBHOOK-KEY header; at least 32 characters. On update, \"\" removes it.";
pub const EVENTS_DOC: &str = "The events subscribed to.";
pub const FREQUENCY_DOC: &str =
    "When expiry and revalidation notices fire, in days relative to expiry.";
pub const FLAG_DOC: &str = "On or off. The API documents the strings \"1\" and \"0\"; true/false and 1/0 are accepted and normalised.";

/// A secret shorter than this is rejected by the API (docs/domain.md §2).
pub const MIN_SECRET_CHARS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    /// The secret's description states the length the validator enforces.
    #[test]
    fn the_secret_description_states_the_minimum_length() {
        assert!(SECRET_DOC.contains(&format!("at least {MIN_SECRET_CHARS} characters")));
    }

    /// README.md documents every flag by its key; a new flag is a new line of its prose too.
    #[test]
    fn every_flag_is_in_the_readme() {
        let readme = include_str!("../README.md");
        for flag in Flag::ALL {
            assert!(
                readme.contains(&format!("`{}`", flag.key())),
                "README.md does not mention `{}`",
                flag.key()
            );
        }
    }
}
