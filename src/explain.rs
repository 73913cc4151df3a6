//! The delivery explainer: the effective settings of a body, the full family × issuance
//! matrix, the approval events, and the patches that reach common goals. It reads the body
//! with the validator and decides with [`crate::delivery`], so it cannot disagree with either.

use serde::Serialize;

use crate::delivery::{
    self, Approval, EffectiveSettings, Issuance, Outcome, Recommendation, Setting, Source,
};
use crate::diagnostic::Diagnostic;
use crate::product::{self, Family, Product};
use crate::settings::{self, ValidateOptions};

/// The effective settings after defaults, in the shape of the API contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsSummary {
    pub events: Vec<String>,
    pub certificate_issued_subscribed: bool,
    pub instant_issue_notification: bool,
    pub send_certificate_chain: bool,
    pub send_instant_issued_certificate_chain: bool,
    pub notification_frequency: Option<Vec<i64>>,
}

/// A setting the body does not state, and the value the answer assumes for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumption {
    pub path: String,
    pub source: Source,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryReport {
    /// As `validateRequest` would say: no error, counting those beyond the diagnostics cap.
    pub valid: bool,
    pub settings: SettingsSummary,
    pub assumptions: Vec<Assumption>,
    pub outcomes: Vec<Outcome>,
    pub approval: Approval,
    pub recommendations: Vec<Recommendation>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A product as a single name (`type` or `name_id`) or as an Order-info `product` object.
#[derive(Debug, Clone, PartialEq)]
pub enum ProductRef {
    Name(String),
    Object(Product),
}

impl ProductRef {
    pub fn family(&self) -> Family {
        match self {
            ProductRef::Name(name) => product::classify_name(name),
            ProductRef::Object(product) => product::classify(product),
        }
    }
}

pub fn explain_delivery(text: &str, options: &ValidateOptions) -> DeliveryReport {
    let reading = settings::read(text, options);
    let effective = &reading.settings;
    DeliveryReport {
        valid: !reading.findings.has_errors(),
        settings: summary(effective),
        assumptions: assumptions(effective),
        outcomes: delivery::matrix(effective),
        approval: delivery::approval(effective),
        recommendations: delivery::recommendations(effective),
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
        let name = match product {
            ProductRef::Name(name) => name.clone(),
            ProductRef::Object(p) => p
                .name_id
                .clone()
                .or_else(|| p.kind.clone())
                .unwrap_or_default(),
        };
        let which = if name.is_empty() {
            "No product name_id or type was given, so the product family is unknown.".to_string()
        } else {
            format!(
                "Product {} is not one this version can classify.",
                crate::json::shown(&name)
            )
        };
        outcome.reason = format!("{which} {}", outcome.reason);
    }
    outcome
}

fn summary(settings: &EffectiveSettings) -> SettingsSummary {
    SettingsSummary {
        events: settings.events.value.clone(),
        certificate_issued_subscribed: settings.certificate_issued_subscribed(),
        instant_issue_notification: settings.instant_issue_notification.value,
        send_certificate_chain: settings.send_certificate_chain.value,
        send_instant_issued_certificate_chain: settings.send_instant_issued_certificate_chain.value,
        notification_frequency: settings.notification_frequency.value.clone(),
    }
}

fn assumptions(settings: &EffectiveSettings) -> Vec<Assumption> {
    fn note<T>(setting: &Setting<T>, default: &str) -> Option<Assumption> {
        let note = match setting.source {
            Source::Explicit => return None,
            Source::Default => format!("not in the body: the create default applies ({default})"),
            Source::Unchanged => format!(
                "not in this update, so the webhook keeps its current value, which the body cannot show; assumed {default}"
            ),
        };
        Some(Assumption {
            path: setting.path.clone(),
            source: setting.source,
            note,
        })
    }
    [
        note(
            &settings.events,
            "[\"certificate_issued\"], per third-party documentation; DigiCert does not state it",
        ),
        note(&settings.instant_issue_notification, "off"),
        note(&settings.send_certificate_chain, "off"),
        note(&settings.send_instant_issued_certificate_chain, "off"),
        note(&settings.notification_frequency, "not stated by DigiCert"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A settings body read once, to explain any number of events against it (an NDJSON file of
/// thousands of events shares one).
pub struct SettingsContext {
    settings: EffectiveSettings,
    readable: bool,
}

impl SettingsContext {
    pub fn read(text: &str, mode: crate::delivery::Mode) -> SettingsContext {
        let options = ValidateOptions {
            mode,
            ..ValidateOptions::default()
        };
        let reading = settings::read(text, &options);
        SettingsContext {
            readable: reading.normalized.is_some(),
            settings: reading.settings,
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
    let unreadable = if context.readable {
        ""
    } else {
        " (The settings could not be read, so the defaults were assumed.)"
    };
    if event != crate::catalog::CERTIFICATE_ISSUED {
        let subscribed = match crate::catalog::event_kind(event) {
            Some(crate::catalog::EventKind::System) | None => String::new(),
            Some(_)
                if !effective.subscribed(event) && effective.events.source == Source::Explicit =>
            {
                format!(" Note that `{event}` is not in `events` of these settings, yet it arrived: the settings in effect differ from these.")
            }
            Some(_) => String::new(),
        };
        return format!("Only certificate_issued events carry certificate_chain; this is {event}.{subscribed}{unreadable}");
    }
    let with = if has_chain { "with" } else { "without" };
    let cases: Vec<Outcome> = match (product, instant) {
        (Some(product), Some(instant)) => vec![delivery::outcome(
            effective,
            product.family(),
            Issuance::from_instant(instant),
        )],
        _ => {
            let family = product.map(ProductRef::family);
            delivery::matrix(effective)
                .into_iter()
                .filter(|o| family.is_none_or(|f| f == o.family || f == Family::Unknown))
                .filter(|o| instant.is_none_or(|i| (o.issuance == Issuance::Instant) == i))
                .collect()
        }
    };
    if let [only] = cases.as_slice() {
        if !only.event_sent {
            return format!("These settings would not send this event at all: {} The settings in effect differ from these.{unreadable}", only.reason);
        }
        if only.includes_chain == has_chain || !only.certain {
            return format!("This certificate_issued arrived {with} certificate_chain, as these settings say: {}{unreadable}", only.reason);
        }
        return format!(
            "This certificate_issued arrived {with} certificate_chain, but these settings say otherwise: {} The settings in effect differ from these.{unreadable}",
            only.reason
        );
    }
    let consistent: Vec<&Outcome> = cases
        .iter()
        .filter(|o| o.event_sent && (o.includes_chain == has_chain || !o.certain))
        .collect();
    if consistent.is_empty() {
        // Only TLS cases can differ by settings; the others never carry the chain.
        let tls: Vec<&Outcome> = cases.iter().filter(|o| o.family.is_tls()).collect();
        let deciding = if tls.is_empty() {
            cases.iter().collect()
        } else {
            tls
        };
        let reasons: Vec<&str> = deciding.iter().map(|o| o.reason.as_str()).collect();
        return format!(
            "No case under these settings sends certificate_issued {with} certificate_chain, so the settings in effect differ from these. {}{unreadable}",
            dedup(reasons).join(" ")
        );
    }
    // One entry per family: "code signing (issued instantly or not)", "public TLS issued instantly".
    let mut list: Vec<String> = Vec::new();
    for family in Family::KNOWN {
        let issuances: Vec<Issuance> = consistent
            .iter()
            .filter(|o| o.family == family)
            .map(|o| o.issuance)
            .collect();
        match issuances.as_slice() {
            [] => {}
            [issuance] => list.push(format!("{} {}", family.label(), issuance.label())),
            _ => list.push(format!("{} (issued instantly or not)", family.label())),
        }
    }
    let reasons: Vec<&str> = consistent
        .iter()
        .filter(|o| o.family.is_tls())
        .map(|o| o.reason.as_str())
        .collect();
    format!(
        "Under these settings certificate_issued arrives {with} certificate_chain for: {}. {}{unreadable}",
        list.join(", "),
        dedup(reasons).join(" ")
    )
    .trim_end()
    .to_string()
}

fn dedup(items: Vec<&str>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
