//! The delivery explainer: the effective settings of a body, the full family × issuance
//! matrix, the approval events, and the patches that reach common goals. It reads the body
//! with the validator and decides with [`crate::delivery`], so it cannot disagree with either.

use crate::catalog::{Flag, FlagValues};
use crate::delivery::{
    self, Approval, Issuance, Outcome, Recommendation, Setting, Source, SourcedSettings,
};
use crate::diagnostic::Diagnostic;
use crate::product::{self, Family, Product};
use crate::record::{record, union};
use crate::settings::{self, ValidateOptions};

record! {
    /// The effective settings after defaults, in the shape of the API contract: each flag under
    /// its summary name.
    #[derive(Debug, Clone, PartialEq)]
    pub struct EffectiveSettings as "EffectiveSettings" {
        /// The names subscribed, after defaults.
        pub events: Vec<String> => "events",
        /// Whether `certificate_issued` is among them.
        pub certificate_issued_subscribed: bool => "certificateIssuedSubscribed",
        /// Each flag, under its summary name.
        pub flags: FlagValues => flatten,
        /// `webhook_notification_frequency`, in days; null when not stated.
        pub notification_frequency: Option<Vec<i64>> => "notificationFrequency",
    }
}

record! {
    /// A setting the body does not state, and what the answer assumes for it: `default`
    /// (omitted on create), `unchanged` (omitted on update: the current value, unknown here),
    /// `invalid` (in the body with a value the API would refuse; never called omitted),
    /// `unreadable` (the body is not a readable request body).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Assumption as "Assumption" {
        /// The JSON Pointer of the setting.
        pub path: String => "path",
        /// Why the value is assumed.
        pub source: Source => "source": union(Source::ASSUMED.map(Source::as_str)),
        /// The assumption in words.
        pub note: String => "note",
    }
}

record! {
    /// What `explainDelivery` says about a body.
    #[derive(Debug, Clone, PartialEq)]
    pub struct DeliveryReport as "DeliveryReport" {
        /// As `validateRequest` would say: no error, counting those beyond the diagnostics cap.
        pub valid: bool => "valid",
        /// The settings in effect, after defaults.
        pub settings: EffectiveSettings => "settings",
        /// Every setting the answers assume rather than read.
        pub assumptions: Vec<Assumption> => "assumptions",
        /// One per family x issuance: families in the order of `FAMILIES`, not_instant first.
        pub outcomes: Vec<Outcome> => "outcomes": "DeliveryOutcome[]",
        /// The approval lifecycle events.
        pub approval: Approval => "approval",
        /// The changes that reach common goals; none for a body that cannot be read.
        pub recommendations: Vec<Recommendation> => "recommendations",
        /// As `validateRequest` gives them.
        pub diagnostics: Vec<Diagnostic> => "diagnostics",
    }
}

/// A product as a single name (`type` or `name_id`) or as an Order-info `product` object.
#[derive(Debug, Clone, PartialEq)]
pub enum ProductRef {
    /// A `name_id` or `type`, such as `ssl_plus` or `ssl_certificate`.
    Name(String),
    /// An Order-info `product` object.
    Object(Product),
}

impl ProductRef {
    /// The family by the rules of docs/domain.md §6; `Unknown` when no rule matches.
    pub fn family(&self) -> Family {
        match self {
            ProductRef::Name(name) => product::classify_name(name),
            ProductRef::Object(product) => product::classify(product),
        }
    }
}

/// Which `certificate_issued` events carry `certificate_chain`, for every product family and
/// issuance, and why, for the body `text`.
pub fn explain_delivery(text: &str, options: &ValidateOptions) -> DeliveryReport {
    let reading = settings::read(text, options);
    let effective = &reading.settings;
    DeliveryReport {
        valid: !reading.findings.has_errors(),
        settings: effective_settings(effective),
        assumptions: assumptions(effective),
        outcomes: delivery::matrix(effective),
        approval: delivery::approval(effective),
        // A patch for a body that could not be read would rest on nothing but assumptions.
        recommendations: if effective.events.source == Source::Unreadable {
            Vec::new()
        } else {
            delivery::recommendations(effective)
        },
        diagnostics: reading.findings.finish(Some(text)),
    }
}

/// One outcome for one product and kind of issuance; an unclassifiable product gives family
/// `unknown` and an answer that says what is and is not known.
pub fn explain_case(
    text: &str,
    options: &ValidateOptions,
    product: &ProductRef,
    instant: bool,
) -> Outcome {
    let reading = settings::read(text, options);
    let issuance = Issuance::from_instant(instant);
    let family = product.family();
    let mut outcome = delivery::outcome(&reading.settings, family, issuance);
    if family == Family::Unknown {
        outcome.reason = format!("{} {}", unknown_product(product), outcome.reason);
    }
    outcome
}

fn effective_settings(settings: &SourcedSettings) -> EffectiveSettings {
    EffectiveSettings {
        events: settings.event_names(),
        certificate_issued_subscribed: settings.certificate_issued_subscribed(),
        flags: FlagValues(Flag::ALL.map(|flag| settings.flag(flag).value)),
        notification_frequency: settings.notification_frequency.value.clone(),
    }
}

fn assumptions(settings: &SourcedSettings) -> Vec<Assumption> {
    fn note<T>(setting: &Setting<T>, default: &str) -> Option<Assumption> {
        let note = match setting.source {
            // Observed values exist only inside an event's explanation.
            Source::Stated | Source::Observed => return None,
            Source::Default => format!("not in the body: the create default applies ({default})"),
            Source::Unchanged => format!(
                "not in this update, so the webhook keeps its current value, which the body cannot show; assumed {default}"
            ),
            Source::Invalid => format!(
                "not validly stated in the body (see the diagnostics): the API would refuse it; assumed {default}"
            ),
            Source::Unreadable => format!(
                "unknown: the body could not be read as a request body; assumed {default}"
            ),
        };
        Some(Assumption {
            path: setting.path.to_string(),
            source: setting.source,
            note,
        })
    }
    // What is assumed for `events` is its value as read: the valid names, or the default.
    let events = match settings.events.source {
        Source::Invalid => format!("{:?}", settings.events.value),
        // The default itself is SourcedSettings::defaults's; only its ground is said here.
        _ => format!(
            "{:?}, per third-party documentation; DigiCert does not state it",
            settings.events.value
        ),
    };
    let mut notes = vec![note(&settings.events, &events)];
    notes.extend(Flag::ALL.map(|flag| note(settings.flag(flag), "off")));
    notes.push(note(
        &settings.notification_frequency,
        match settings.notification_frequency.source {
            Source::Invalid => "its valid days",
            Source::Default => "nothing: DigiCert documents no default",
            _ => "nothing; it is not known",
        },
    ));
    notes.into_iter().flatten().collect()
}

/// A settings body read once, to explain any number of events against it (an NDJSON file of
/// thousands of events shares one).
pub struct SettingsContext {
    settings: SourcedSettings,
}

impl SettingsContext {
    pub fn read(text: &str, mode: crate::delivery::Mode) -> SettingsContext {
        let options = ValidateOptions {
            mode,
            ..ValidateOptions::default()
        };
        SettingsContext {
            settings: settings::read(text, &options).settings,
        }
    }
}

/// Why a received event does or does not carry `certificate_chain`, judged by the delivery
/// rules against the given settings body; with the product and issuance when known, else over
/// every case those settings allow.
pub fn explain_chain_presence(
    context: &SettingsContext,
    event: &str,
    has_chain: bool,
    product: Option<&ProductRef>,
    instant: Option<bool>,
) -> String {
    let effective = &context.settings;
    if event != crate::catalog::CERTIFICATE_ISSUED {
        return delivery::explain_other_event(effective, event);
    }
    let family = product.map(ProductRef::family);
    let text = delivery::explain_certificate_issued(effective, has_chain, family, instant);
    match (product, family) {
        (Some(product), Some(Family::Unknown)) => {
            format!(
                "{} Every family was considered. {text}",
                unknown_product(product)
            )
        }
        _ => text,
    }
}

/// "Product \"x\" is not one this version can classify."
fn unknown_product(product: &ProductRef) -> String {
    let name = match product {
        ProductRef::Name(name) => name.clone(),
        ProductRef::Object(p) => p
            .name_id
            .clone()
            .or_else(|| p.kind.clone())
            .unwrap_or_default(),
    };
    if name.is_empty() {
        "No product name_id or type was given, so the product family is unknown.".to_string()
    } else {
        format!(
            "Product {} is not one this version can classify.",
            crate::json::shown(&name)
        )
    }
}
